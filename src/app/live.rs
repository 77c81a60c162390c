//! What must survive a crash but is not an answer: the text being typed, the
//! clock's last reading and what the room sees. Saved when it changes (the
//! draft within a second, the clock every few seconds, the cursor a few times
//! a second at most), never on every key.

use super::{App, Editor, Effect, Mode};
use crate::session::{Live, Millis, View};

/// How often the clock's reading is saved while it runs.
const CLOCK_SAVE_MS: u64 = 5_000;
/// How soon a changed draft is saved.
const DRAFT_SAVE_MS: u64 = 1_000;
/// How soon after the last save a moved cursor is saved again: a held arrow
/// key is followed by the room view a few times a second, not written on
/// every key.
const CURSOR_SAVE_MS: u64 = 200;

/// When live.toml was last written, and what it held.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct LiveSaved {
    pub at: Millis,
    /// The form's version then (`None`: no form).
    pub version: Option<u64>,
    pub view: View,
    /// The step the room was on: a cursor belongs to its step.
    pub step: String,
}

impl LiveSaved {
    pub fn new(at: Millis, view: View, step: String) -> Self {
        Self {
            at,
            version: None,
            view,
            step,
        }
    }
}

impl App {
    fn live_with(&self, editor: Option<&Editor>) -> Live {
        Live {
            seen: self.now,
            draft: editor.map(Editor::draft),
            view: self.view(),
        }
    }

    /// Saves the reading with `editor` as the draft (or none).
    pub(super) fn save_live_with(&mut self, editor: Option<&Editor>) -> Effect {
        let live = self.live_with(editor);
        self.live = LiveSaved {
            at: self.now,
            version: editor.map(|e| e.version),
            view: live.view.clone(),
            step: self.session.step.clone(),
        };
        Effect::SaveLive(live)
    }

    /// Saves the reading with the open form as the draft.
    pub(super) fn save_live(&mut self) -> Effect {
        let editor = self.editor().cloned();
        self.save_live_with(editor.as_ref())
    }

    /// Whether what the room sees changed and is to be saved now: at once,
    /// unless only the cursor (or the closing screen's selection) moved on
    /// the same step since a save less than `CURSOR_SAVE_MS` ago (then a later
    /// key or tick saves it). On a new step the old step's cursor must not
    /// linger, for the room or a resume.
    pub(super) fn view_due(&self) -> bool {
        let view = self.view();
        if view == self.live.view {
            return false;
        }
        if self.session.step != self.live.step {
            return true;
        }
        let only_moved = View {
            cursor: self.live.view.cursor,
            decision: self.live.view.decision,
            ..view
        } == self.live.view;
        !only_moved || self.now.saturating_sub(self.live.at) >= CURSOR_SAVE_MS
    }

    pub(super) fn tick(&mut self) -> Vec<Effect> {
        if self.status.as_ref().is_some_and(|s| s.expired(self.now)) {
            self.status = None;
        }
        let since = self.now.saturating_sub(self.live.at);
        let clock_running = self.session.steps.values().any(|s| s.clock.running());
        let typing = matches!(self.mode, Mode::Editing(_) | Mode::ConfirmQuit(_));
        let draft_changed = typing && self.editor().map(|e| e.version) != self.live.version;
        if draft_changed && since >= DRAFT_SAVE_MS
            || clock_running && since >= CLOCK_SAVE_MS
            || self.view_due()
        {
            vec![self.save_live()]
        } else {
            Vec::new()
        }
    }
}
