//! The launcher: its key hints come from its key table, and a session that
//! cannot be read is shown with the reason, never hidden.

mod common;

use flipover::content::Library;
use flipover::launcher::{Choice, Launcher};
use flipover::ui::{Theme, launcher};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[test]
fn the_launcher_shows_its_keys_and_damaged_sessions() {
    let (lib, _) = Library::embedded();
    let workshops: Vec<_> = lib.workshops("da").collect();
    let mut l = Launcher::new(&workshops, &[], "da");
    l.damaged = vec![(
        "2026-11-20-0900-3-timers-workshop".into(),
        "kan ikke læses: journal.toml:3: this journal line cannot be read".into(),
    )];
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    terminal
        .draw(|f| launcher::draw(f, &l, &Theme::monochrome()))
        .expect("draw");
    let shown = terminal.backend().to_string();
    assert!(
        shown.contains("↑ op  ↓ ned  Enter start  q afslut"),
        "{shown}"
    );
    assert!(
        shown.contains("! 2026-11-20-0900-3-timers-workshop"),
        "{shown}"
    );
    assert!(shown.contains("journal.toml:3"), "{shown}");
}

/// Recent sessions are offered by whom they were for; archived ones are put
/// away, and text from a session file is cleaned.
#[test]
fn the_launcher_offers_named_sessions_and_not_archived_ones() {
    let w = common::workshop("da");
    let mut named = common::session(&w);
    named.meta.name = "Team Nord\u{1b}]0;x\u{7}".into();
    let mut archived = common::session(&w);
    archived.meta.id = "gammel".into();
    archived.meta.archived = true;
    let sessions = [
        flipover::storage::Summary {
            dir: "a".into(),
            session: named,
        },
        flipover::storage::Summary {
            dir: "b".into(),
            session: archived,
        },
    ];
    let l = Launcher::new(&[&w], &sessions, "da");
    let labels: Vec<&str> = l.entries.iter().map(|e| e.label.as_str()).collect();
    assert_eq!(labels.len(), 2, "{labels:?}");
    assert!(labels[1].contains("– Team Nord"), "{labels:?}");
    assert!(!labels[1].contains('\u{1b}'), "{labels:?}");
}

fn key(l: &mut Launcher, code: crossterm::event::KeyCode) -> Option<Option<Choice>> {
    l.key(crossterm::event::KeyEvent::from(code))
}

fn typed(l: &mut Launcher, text: &str) {
    for ch in text.chars() {
        assert_eq!(
            key(l, crossterm::event::KeyCode::Char(ch)),
            None,
            "{ch} types"
        );
    }
}

/// A new session is named before it starts, as `run --name` does; a name used
/// before for the workshop says that the series goes on.
#[test]
fn a_new_session_is_named_first_and_a_known_name_continues_the_series() {
    use crossterm::event::KeyCode::{Enter, Esc};
    let w = common::workshop("da");
    let mut earlier = common::session(&w);
    earlier.meta.name = "Team Nord".into();
    let sessions = [flipover::storage::Summary {
        dir: "a".into(),
        session: earlier,
    }];
    let mut l = Launcher::new(&[&w], &sessions, "da");
    assert_eq!(key(&mut l, Enter), None, "asks for the name first");
    typed(&mut l, "team nord ");
    assert!(l.continues_series());
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal
        .draw(|f| launcher::draw(f, &l, &Theme::monochrome()))
        .expect("draw");
    insta::assert_snapshot!("launcher_naming_da_80x24", terminal.backend().to_string());

    assert_eq!(key(&mut l, Esc), None);
    assert!(l.naming.is_none(), "Esc goes back to the list");
    key(&mut l, Enter);
    typed(&mut l, "Egedal – æøå q");
    assert!(!l.continues_series());
    assert_eq!(
        key(&mut l, Enter),
        Some(Some(Choice::New {
            workshop: w.id.clone(),
            name: "Egedal – æøå q".into(),
        }))
    );
}
