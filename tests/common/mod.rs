//! Helpers shared by the integration tests: the shipped workshop, and an App
//! driven by keys with its effects carried out as the console would.
#![allow(dead_code)]

use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use flipover::app::{Action, App};
use flipover::content::{DEFAULT_WORKSHOP, Library, Workshop};
use flipover::runtime::carry_out;
use flipover::session::{Meta, Session};
use flipover::storage::SessionStore;

/// A fixed moment (2026-11-23 09:00 UTC) so screens and clocks are repeatable.
pub const T0: u64 = 1_795_424_400_000;

pub fn workshop(lang: &str) -> Arc<Workshop> {
    let (lib, problems) = Library::embedded();
    assert!(problems.is_empty(), "{problems:?}");
    Arc::new(
        lib.workshop(DEFAULT_WORKSHOP, Some(lang))
            .expect("the shipped workshop")
            .clone(),
    )
}

pub fn session(w: &Workshop) -> Session {
    Session::new(
        Meta {
            id: "test".into(),
            workshop: w.id.clone(),
            lang: w.lang.clone(),
            title: w.title.clone(),
            created: "2026-11-23T09:00:00Z".into(),
        },
        w,
    )
}

/// An App on the shipped 3-hour workshop with nothing written.
pub fn app(lang: &str) -> App {
    app_of(DEFAULT_WORKSHOP, lang)
}

/// An App on a shipped workshop with nothing written.
pub fn app_of(id: &str, lang: &str) -> App {
    let (lib, _) = Library::embedded();
    let w = Arc::new(
        lib.workshop(id, Some(lang))
            .expect("a shipped workshop")
            .clone(),
    );
    let s = session(&w);
    App::new(w, s, T0)
}

/// Drives an App the way the console does: each action's effects carried out
/// against `store` (or nowhere, for a rehearsal) before the next action.
pub struct Driver {
    pub app: App,
    pub store: Option<SessionStore>,
    pub now: u64,
}

impl Driver {
    pub fn new(app: App, store: Option<SessionStore>) -> Self {
        Self {
            app,
            store,
            now: T0,
        }
    }

    pub fn act(&mut self, action: Action) {
        let effects = self.app.update(action, self.now);
        carry_out(&mut self.app, &mut self.store, effects, self.now);
    }

    pub fn key(&mut self, code: KeyCode) {
        self.act(Action::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }

    pub fn keys(&mut self, codes: &[KeyCode]) {
        for c in codes {
            self.key(*c);
        }
    }

    /// Types `text` as key presses.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
    }

    /// Writes an action on a decisions step: what, who, by when.
    pub fn add_action(&mut self, what: &str, who: &str, when: &str) {
        self.key(KeyCode::Char('a'));
        self.type_text(what);
        self.key(KeyCode::Tab);
        self.type_text(who);
        self.key(KeyCode::Tab);
        self.type_text(when);
        self.key(KeyCode::Enter);
    }
}
