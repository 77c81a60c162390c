//! From a form to the disk and back: saving a form, a change the disk has
//! confirmed (applied, undoable, said), and undo.

use std::sync::Arc;

use super::{Action, App, Editor, Effect, Mode, Note, extend};
use crate::exercise;
use crate::session::Change;

impl App {
    pub(super) fn form_action(&mut self, mut ed: Box<Editor>, action: Action) -> Vec<Effect> {
        match action {
            Action::Cancel => return vec![self.save_live_with(None)],
            Action::Save => return self.save_form(ed),
            Action::NextField => ed.next_field(true),
            Action::PrevField => ed.next_field(false),
            Action::Quit if ed.is_empty() => return self.quit(None),
            Action::Quit => {
                self.mode = Mode::ConfirmQuit(ed);
                return Vec::new();
            }
            _ => {}
        }
        self.mode = Mode::Editing(ed);
        Vec::new()
    }

    /// Turns the form into a change and sends it to disk; the form stays open
    /// (with its text) until the write is confirmed.
    pub(super) fn save_form(&mut self, mut ed: Box<Editor>) -> Vec<Effect> {
        match self.with_exercise(|ex, cx| ex.change(&ed, cx)) {
            Ok(Some(change)) => {
                self.mode = Mode::Saving(ed);
                vec![Effect::Commit {
                    change,
                    undoable: true,
                }]
            }
            // An empty new card is simply not written.
            Ok(None) => vec![self.save_live_with(None)],
            Err(note) => {
                ed.error = Some(note.text(self.words(), self.rehearsal));
                self.say(note);
                self.mode = Mode::Editing(ed);
                Vec::new()
            }
        }
    }

    pub(super) fn committed(&mut self, change: Change, undoable: bool) -> Vec<Effect> {
        let inverse = if undoable {
            self.session.inverse(&change)
        } else {
            None
        };
        if let Change::Goto { step } = &change
            && *step != self.session.step
        {
            // Whatever was half done on the step the room leaves is dropped.
            self.with_exercise(|ex, _| ex.leave());
        }
        self.session.apply(&change);
        if let Change::AddStep { extra } = &change {
            let w = extend(
                &self.workshop,
                std::slice::from_ref(extra),
                &self.instruments,
            );
            self.workshop = Arc::new(w);
            for (id, ex) in exercise::for_workshop(&self.workshop) {
                self.exercises.entry(id).or_insert(ex);
            }
        }
        if let Some(inverse) = inverse {
            self.undo.push(inverse);
        }
        let mut effects = Vec::new();
        if change.is_answer() {
            // An answer committed as not undoable is an undo itself.
            self.say(match (&change, undoable) {
                (_, false) => Note::Undone,
                (Change::Remove { .. }, true) => Note::Deleted,
                (Change::Situation { text, .. }, true) if text.is_empty() => Note::Deleted,
                _ => Note::Saved,
            });
            if change.step() == self.step().id {
                self.with_exercise(|ex, cx| ex.committed(&change, cx));
            }
            if let Mode::Saving(_) = self.mode {
                self.mode = Mode::Normal;
                effects.push(self.save_live_with(None));
            }
        }
        effects
    }

    pub(super) fn undo(&mut self) -> Vec<Effect> {
        let Some(change) = self.undo.pop() else {
            self.say(Note::NothingToUndo);
            return Vec::new();
        };
        let mut effects = Vec::new();
        if let Some(i) = self
            .workshop
            .steps
            .iter()
            .position(|s| s.id == change.step())
            && i != self.step_index()
        {
            // Undo where it happens, so the room sees it.
            effects = self.goto(i);
        }
        effects.push(Effect::Commit {
            change,
            undoable: false,
        });
        effects
    }
}
