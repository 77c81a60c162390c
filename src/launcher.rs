//! launcher: the first screen of a bare `flipover`: start a shipped workshop or
//! resume a recent session. Its own small state; drawn by `ui::launcher`.

use crossterm::event::KeyEvent;

use crate::app::Action;
use crate::keymap;

use crate::content::Workshop;
use crate::storage::Summary;

/// What the facilitator chose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// A new session of the workshop with this id.
    New(String),
    /// Resume the session in this folder.
    Resume(std::path::PathBuf),
}

pub struct Entry {
    pub label: String,
    pub detail: String,
    pub choice: Choice,
}

pub struct Launcher {
    pub entries: Vec<Entry>,
    pub selected: usize,
    pub lang: String,
    /// Session folders that cannot be read: id and why, shown, not offered.
    pub damaged: Vec<(String, String)>,
    /// What was chosen, once it was (`Some(None)`: quit).
    pub chosen: Option<Option<Choice>>,
}

/// How many recent sessions the launcher offers.
const RECENT: usize = 6;

impl Launcher {
    pub fn new(workshops: &[&Workshop], sessions: &[Summary], lang: &str) -> Self {
        let da = lang != "en";
        let mut entries: Vec<Entry> = workshops
            .iter()
            .map(|w| Entry {
                label: format!(
                    "{} {}",
                    if da { "Ny session:" } else { "New session:" },
                    w.title
                ),
                detail: format!(
                    "{} min · {} {}",
                    w.minutes,
                    w.steps.len(),
                    if da { "trin" } else { "steps" }
                ),
                choice: Choice::New(w.id.clone()),
            })
            .collect();
        // Archived sessions are put away: `flipover sessions --all` lists them.
        let recent = sessions.iter().filter(|s| !s.session.meta.archived);
        entries.extend(recent.take(RECENT).map(|s| {
            let meta = &s.session.meta;
            // From a file: cleaned before it reaches the terminal.
            let clean = |t: &str| crate::text::clean(t).into_owned();
            let whom = if meta.name.is_empty() {
                String::new()
            } else {
                format!(" – {}", clean(&meta.name))
            };
            Entry {
                label: format!(
                    "{} {}{whom}",
                    if da { "Fortsæt:" } else { "Resume:" },
                    clean(&meta.title)
                ),
                detail: format!(
                    "{} · {} {}",
                    clean(&meta.id),
                    s.session.answer_count(),
                    if da { "svar" } else { "answers" }
                ),
                choice: Choice::Resume(s.dir.clone()),
            }
        }));
        Self {
            entries,
            selected: 0,
            lang: lang.to_string(),
            damaged: Vec::new(),
            chosen: None,
        }
    }

    /// Handles a key: `Some(Some(choice))` to go, `Some(None)` to quit.
    pub fn key(&mut self, key: KeyEvent) -> Option<Option<Choice>> {
        let last = self.entries.len().saturating_sub(1);
        match keymap::action(&key, &[keymap::LAUNCHER])? {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(last),
            Action::Choose => {
                return Some(self.entries.get(self.selected).map(|e| e.choice.clone()));
            }
            Action::Quit => return Some(None),
            _ => {}
        }
        None
    }
}

impl crate::runtime::Program for Launcher {
    fn tick(&self) -> std::time::Duration {
        std::time::Duration::from_millis(250)
    }

    fn draw(&self, frame: &mut ratatui::Frame, theme: &crate::ui::Theme) {
        crate::ui::launcher::draw(frame, self, theme);
    }

    fn handle(&mut self, event: Option<crossterm::event::Event>) -> anyhow::Result<bool> {
        if let Some(crossterm::event::Event::Key(key)) = event {
            self.chosen = self.key(key);
        }
        Ok(self.chosen.is_none())
    }
}
