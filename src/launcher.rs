//! launcher: the first screen of a bare `flipover`: start a shipped workshop or
//! resume a recent session. A new session is named first (whom it is for; may
//! be left empty), as `run --name` does. Its own small state; drawn by
//! `ui::launcher`.

use crossterm::event::{Event, KeyEvent};
use ratatui_textarea::TextArea;

use crate::app::Action;
use crate::keymap;

use crate::content::Workshop;
use crate::session::name_key;
use crate::storage::Summary;

/// What the facilitator chose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// A new session of workshop `workshop`, named `name` (maybe empty).
    New { workshop: String, name: String },
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
    /// A new session being named.
    pub naming: Option<Naming>,
    /// Workshop and name (trimmed, lower case) of every session so far: a
    /// name used before for the workshop continues that series.
    named: Vec<(String, String)>,
}

/// The name of a new session being typed.
pub struct Naming {
    pub workshop: String,
    /// The workshop's title, for the form's title.
    pub title: String,
    pub field: TextArea<'static>,
}

impl Naming {
    pub fn name(&self) -> String {
        self.field.lines().join(" ").trim().to_string()
    }
}

/// How many recent sessions the launcher offers.
const RECENT: usize = 6;

impl Launcher {
    pub fn new(workshops: &[&Workshop], sessions: &[Summary], lang: &str) -> Self {
        let w = crate::i18n::words(lang);
        let mut entries: Vec<Entry> = workshops
            .iter()
            .map(|ws| Entry {
                label: format!("{} {}", w.new_session, ws.title),
                detail: format!(
                    "{} min · {} {}",
                    ws.minutes,
                    ws.steps.len(),
                    w.steps_counted
                ),
                choice: Choice::New {
                    workshop: ws.id.clone(),
                    name: String::new(),
                },
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
                label: format!("{} {}{whom}", w.resume_session, clean(&meta.title)),
                detail: {
                    let count = s.session.answer_count();
                    let answers = if count == 1 { w.answer } else { w.answers };
                    format!("{} · {count} {answers}", clean(&meta.id))
                },
                choice: Choice::Resume(s.dir.clone()),
            }
        }));
        Self {
            entries,
            selected: 0,
            lang: lang.to_string(),
            damaged: Vec::new(),
            chosen: None,
            naming: None,
            named: sessions
                .iter()
                .map(|s| {
                    (
                        s.session.meta.workshop.clone(),
                        name_key(&s.session.meta.name),
                    )
                })
                .filter(|(_, name)| !name.is_empty())
                .collect(),
        }
    }

    /// Whether the name being typed continues a series: it was used before
    /// for the same workshop, so the open actions of last time come along.
    pub fn continues_series(&self) -> bool {
        self.naming.as_ref().is_some_and(|n| {
            let key = name_key(&n.name());
            !key.is_empty()
                && self
                    .named
                    .iter()
                    .any(|(w, k)| *w == n.workshop && *k == key)
        })
    }

    /// A key while naming: Enter starts, Esc goes back, the rest types.
    fn naming_key(&mut self, key: KeyEvent) -> Option<Option<Choice>> {
        let naming = self.naming.as_mut()?;
        match keymap::action(&key, &[keymap::NAMING]) {
            Some(Action::Choose) => {
                return Some(Some(Choice::New {
                    workshop: naming.workshop.clone(),
                    name: naming.name(),
                }));
            }
            Some(Action::Cancel) => self.naming = None,
            _ => {
                naming.field.input(key);
            }
        }
        None
    }

    /// Handles a key: `Some(Some(choice))` to go, `Some(None)` to quit.
    pub fn key(&mut self, key: KeyEvent) -> Option<Option<Choice>> {
        if self.naming.is_some() {
            return self.naming_key(key);
        }
        let last = self.entries.len().saturating_sub(1);
        match keymap::action(&key, &[keymap::LAUNCHER])? {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(last),
            Action::Choose => {
                let entry = self.entries.get(self.selected)?;
                match &entry.choice {
                    Choice::New { workshop, .. } => {
                        let mut field = TextArea::default();
                        field.set_cursor_line_style(ratatui::style::Style::default());
                        self.naming = Some(Naming {
                            workshop: workshop.clone(),
                            title: entry.label.clone(),
                            field,
                        });
                    }
                    resume => return Some(Some(resume.clone())),
                }
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

    fn handle(&mut self, event: Option<Event>) -> anyhow::Result<bool> {
        match event {
            Some(Event::Key(key)) => self.chosen = self.key(key),
            // A name pasted: one line, whatever the clipboard held.
            Some(Event::Paste(text)) => {
                if let Some(naming) = &mut self.naming {
                    naming.field.insert_str(text.replace(['\r', '\n'], " "));
                }
            }
            _ => {}
        }
        Ok(self.chosen.is_none())
    }
}
