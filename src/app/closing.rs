//! The closing screen, once the room has moved past the last step: going
//! there (the end written down), back, and through the decisions taken — the
//! one selected is kept in view, on the console and in the room view alike.
//! Drawn by `ui::closing`.

use super::steps::clock_change;
use super::{Action, App, Effect, Note};
use crate::exercise;
use crate::session::Change;

impl App {
    /// The room moves past the last step: the closing screen, the step's
    /// clock stopped, and the workshop's end written down.
    pub(super) fn close(&mut self) -> Vec<Effect> {
        self.with_exercise(|ex, _| ex.leave());
        // The clock is over with the workshop: no reminder to start it.
        if matches!(
            self.status.as_ref().map(|s| &s.note),
            Some(Note::ClockIdle(_))
        ) {
            self.status = None;
        }
        self.closing = true;
        self.decision = 0;
        let here = self.step().id.clone();
        let mut effects = Vec::new();
        if let Some(state) = self.session.state(&here).filter(|s| s.clock.running()) {
            effects.push(clock_change(&here, state.clock.paused(self.now)));
        }
        effects.push(Effect::Commit {
            change: Change::End { at: self.now },
            undoable: false,
        });
        effects
    }

    /// What `action` does on the closing screen, where it means something
    /// else than on a step; `None` for the rest.
    pub(super) fn on_closing(&mut self, action: Action) -> Option<Vec<Effect>> {
        match action {
            // Past the end there is nothing more: the end time stays as it was.
            Action::NextStep => {}
            Action::PrevStep => self.closing = false,
            Action::Up => self.decision = self.decision.saturating_sub(1),
            Action::Down => {
                let last = self.decisions().saturating_sub(1);
                self.decision = (self.decision + 1).min(last);
            }
            _ => return None,
        }
        Some(Vec::new())
    }

    /// The decision selected on the closing screen.
    pub fn decision(&self) -> usize {
        self.decision
    }

    /// How many decisions the session took.
    fn decisions(&self) -> usize {
        let steps = exercise::session_answers(&self.workshop, &self.session, self.now);
        exercise::decisions(&steps).count()
    }

    /// Whether moving the selection down (or up) on the closing screen brings
    /// something into view: there is a decision that way, and the screen (as
    /// the runtime last told its size) does not show every decision already.
    pub(super) fn decision_can_move(&self, down: bool) -> bool {
        let there = if down {
            self.decision + 1 < self.decisions()
        } else {
            self.decision > 0
        };
        there
            && self
                .screen
                .is_some_and(|(w, h)| !crate::ui::closing_shows_all(self, w, h))
    }
}
