//! Helpers shared by the integration tests: the shipped workshop, and an App
//! driven by keys with its effects carried out as the console would.
#![allow(dead_code)]

use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use flipover::app::{Action, App, Msg, Options};
use flipover::content::{DEFAULT_WORKSHOP, Library, Workshop};
use flipover::runtime::carry_out;
use flipover::session::{Meta, Session};
use flipover::storage::SessionStore;

/// A fixed moment (2026-11-23 09:00 UTC) so screens and clocks are repeatable.
pub const T0: u64 = 1_795_424_400_000;

pub fn workshop(lang: &str) -> Arc<Workshop> {
    workshop_of(DEFAULT_WORKSHOP, lang)
}

/// A shipped workshop by id.
pub fn workshop_of(id: &str, lang: &str) -> Arc<Workshop> {
    let (lib, problems) = Library::embedded();
    assert!(problems.is_empty(), "{problems:?}");
    Arc::new(
        lib.workshop(id, Some(lang))
            .expect("a shipped workshop")
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
            name: String::new(),
            archived: false,
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
    App::new(w, s, T0, Options::default())
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

    pub fn msg(&mut self, msg: Msg) {
        let effects = self.app.update(msg, self.now);
        carry_out(&mut self.app, &mut self.store, effects, self.now);
    }

    pub fn act(&mut self, action: Action) {
        self.msg(Msg::Do(action));
    }

    pub fn acts(&mut self, actions: &[Action]) {
        for a in actions {
            self.act(*a);
        }
    }

    /// A key as the console reads it: through the key table.
    pub fn key(&mut self, code: KeyCode) {
        let modifiers = match code {
            KeyCode::Char(c) if c.is_uppercase() => KeyModifiers::SHIFT,
            _ => KeyModifiers::NONE,
        };
        if let Some(msg) = self.app.translate(&KeyEvent::new(code, modifiers)) {
            self.msg(msg);
        }
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

    /// Moves on, step by step as the clicker does, to step `id`.
    pub fn go_to(&mut self, id: &str) {
        for _ in 0..self.app.workshop().steps.len() {
            if self.app.step().id == id {
                return;
            }
            self.act(Action::NextStep);
        }
        assert_eq!(self.app.step().id, id, "no step {id}");
    }

    /// Types `text` into the open form, without the key table.
    pub fn write(&mut self, text: &str) {
        for c in text.chars() {
            let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
            self.msg(Msg::Type(key.into()));
        }
    }

    /// Writes a new answer by actions: open the form, type, save.
    pub fn answer(&mut self, text: &str) {
        self.act(Action::NewAnswer);
        self.write(text);
        self.act(Action::Save);
    }

    /// Writes an action on a decisions step: what, who, by when.
    pub fn add_action(&mut self, what: &str, who: &str, when: &str) {
        self.act(Action::NewAnswer);
        self.write(what);
        self.act(Action::NextField);
        self.write(who);
        self.act(Action::NextField);
        self.write(when);
        self.act(Action::Save);
    }

    /// The texts of the cards of `area` on the current step, in id order.
    pub fn cards(&self, area: &str) -> Vec<String> {
        self.app
            .session()
            .state(&self.app.step().id)
            .map(|s| {
                s.items
                    .iter()
                    .filter(|i| i.area == area)
                    .map(|i| i.text.clone())
                    .collect()
            })
            .unwrap_or_default()
    }
}
