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

#[cfg(test)]
mod tests {
    use super::super::tests::{act, app, commits, go_to, send, typed};
    use crate::app::{Action, App, Msg};

    /// The closing screen after three decisions, more than 80×24 shows at once.
    fn closing_with_three_decisions() -> App {
        let mut a = app();
        go_to(&mut a, "beslutninger");
        for [what, who, when] in [
            [
                "Lav en fælles plan for, hvordan vi samler hele enheden om det digitale arbejde",
                "Direktøren sammen med den digitale chef, de to teamledere og tillidsrepræsentanten",
                "Ved udgangen af andet kvartal 2026, med en første statusrapport på ledermødet i maj",
            ],
            [
                "Besøg lægehuset på Mors og hør, hvordan de fik borgerne med på den digitale booking",
                "Åse og Søren fra borgerservice",
                "inden sommerferien",
            ],
            ["Find en tovholder", "Søren", "1. marts"],
        ] {
            act(&mut a, Action::NewAnswer);
            for (i, text) in [what, who, when].into_iter().enumerate() {
                if i > 0 {
                    act(&mut a, Action::NextField);
                }
                typed(&mut a, text);
            }
            act(&mut a, Action::Save);
        }
        while !a.closing() {
            act(&mut a, Action::NextStep);
        }
        a
    }

    /// On the closing screen ↑/↓ move through the decisions and stop at either
    /// end; the room view is told; the clicker's "next" moves nothing; the screen
    /// opens at the first decision.
    #[test]
    fn up_and_down_move_through_the_decisions_on_the_closing_screen() {
        let mut a = closing_with_three_decisions();
        let cursor = a.view().cursor;
        assert_eq!(a.decision(), 0);
        act(&mut a, Action::Up);
        assert_eq!(a.decision(), 0, "no decision above the first");
        for expected in [1, 2, 2] {
            act(&mut a, Action::Down);
            assert_eq!(a.decision(), expected);
        }
        assert_eq!(a.view().decision, 2, "the room view scrolls with it");
        assert_eq!(a.view().cursor, cursor, "the last step's cursor stays");
        assert!(commits(&act(&mut a, Action::NextStep)).is_empty());
        assert_eq!(a.decision(), 2, "the clicker's next moves nothing");
        act(&mut a, Action::Up);
        assert_eq!(a.decision(), 1);
        act(&mut a, Action::PrevStep);
        assert!(!a.closing());
        act(&mut a, Action::NextStep);
        assert!(a.closing());
        assert_eq!(a.decision(), 0, "the closing screen opens at the top");
    }

    /// The footer offers ↓ and ↑ on the closing screen only where they bring a
    /// decision into view: not past either end, not when all are in view.
    #[test]
    fn the_closing_footer_offers_the_arrows_only_where_there_is_more() {
        let mut a = closing_with_three_decisions();
        let arrows = |a: &App| -> Vec<Action> {
            a.hints()
                .iter()
                .map(|b| b.action)
                .filter(|x| matches!(x, Action::Up | Action::Down))
                .collect()
        };
        send(&mut a, Msg::Resize(80, 24));
        assert_eq!(arrows(&a), [Action::Down]);
        act(&mut a, Action::Down);
        assert_eq!(arrows(&a), [Action::Down, Action::Up]);
        act(&mut a, Action::Down);
        assert_eq!(arrows(&a), [Action::Up]);
        send(&mut a, Msg::Resize(200, 50));
        assert!(arrows(&a).is_empty(), "every decision in view");
    }
}
