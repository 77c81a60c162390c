//! Moving between steps, the step clocks and the plan: the App's own actions
//! on the workshop, whatever the step's exercise is.

use super::{Action, App, Effect, Note};
use crate::content::{Content, Workshop};
use crate::exercise::review;
use crate::keymap;
use crate::session::{Change, ClockState, Extra, Millis, StepClock};

/// How long an instrument added from an advice is planned to take.
const EXTRA_MINUTES: u32 = 10;

/// `workshop` with the instrument steps a session added, in the order added.
pub fn extend(
    workshop: &Workshop,
    extras: &[crate::session::Extra],
    contents: &[Content],
) -> Workshop {
    extras.iter().fold(workshop.clone(), |w, extra| {
        let step = if extra.content == review::CONTENT {
            Some(review::step(&extra.id, extra.minutes, &w.lang))
        } else {
            contents
                .iter()
                .find(|c| c.id() == extra.content)
                .and_then(|c| c.as_step(&extra.id, extra.minutes))
        };
        match step {
            Some(step) if !w.steps.iter().any(|s| s.id == extra.id) => {
                if extra.after.is_empty() {
                    // In front of the workshop (the series' review).
                    let mut w = w;
                    w.steps.insert(0, step);
                    w
                } else {
                    w.with_step(&extra.after, step)
                }
            }
            _ => w,
        }
    })
}

/// The workshop `session` runs as found in `library` (in `lang`, else the
/// session's language), with the steps it added; and the instruments an
/// advice can offer in that language.
pub fn session_workshop(
    library: &crate::content::Library,
    session: &crate::session::Session,
    lang: Option<&str>,
) -> Option<(Workshop, Vec<Content>)> {
    let lang = lang.unwrap_or(&session.meta.lang);
    let workshop = library.workshop(&session.meta.workshop, Some(lang))?;
    let instruments: Vec<Content> = library.instruments(&workshop.lang).cloned().collect();
    Some((extend(workshop, &session.extras, &instruments), instruments))
}

/// A clock change for `step`: not an answer, not undoable.
pub(super) fn clock_change(step: &str, clock: StepClock) -> Effect {
    Effect::Commit {
        change: Change::Clock {
            step: step.to_string(),
            clock,
        },
        undoable: false,
    }
}

impl App {
    /// Moves the room to step `to`; a running clock hands over to the new step.
    pub(super) fn goto(&mut self, to: usize) -> Vec<Effect> {
        let Some(next) = self.workshop.steps.get(to) else {
            return Vec::new();
        };
        let here = self.step().id.clone();
        if next.id == here {
            return Vec::new();
        }
        let mut effects = Vec::new();
        let next_id = next.id.clone();
        if let Some(state) = self.session.state(&here).filter(|s| s.clock.running()) {
            effects.push(clock_change(&here, state.clock.paused(self.now)));
            if let Some(next_state) = self.session.state(&next_id) {
                effects.push(clock_change(&next_id, next_state.clock.toggled(self.now)));
            }
        }
        effects.push(Effect::Commit {
            change: Change::Goto { step: next_id },
            undoable: false,
        });
        effects
    }

    /// Moves the room on to step `to`. When no clock runs there, the status
    /// line says so: a clock never started leaves the report without times.
    pub(super) fn next_step(&mut self, to: usize) -> Vec<Effect> {
        let running = self
            .session
            .state(&self.step().id)
            .is_some_and(|s| s.clock.running());
        let effects = self.goto(to);
        let timed = self.workshop.steps.get(to).is_some_and(|s| s.minutes > 0);
        if !running
            && timed
            && !effects.is_empty()
            && let Some(key) = keymap::key_for(Action::ToggleClock, &[keymap::STEP])
        {
            self.say(Note::ClockIdle(key));
        }
        effects
    }

    /// The rebalanced plan on offer: only while the current step is over its
    /// time and the offer has not been declined.
    pub fn proposal(&self) -> Vec<(String, u32)> {
        let step = &self.step().id;
        let over = self
            .session
            .state(step)
            .is_some_and(|s| s.clock.state(self.now) == ClockState::Over);
        if !over || self.plan_ignored.as_ref() == Some(step) {
            return Vec::new();
        }
        self.session.rebalance(&self.workshop, self.now)
    }

    pub(super) fn accept_plan(&mut self) -> Vec<Effect> {
        self.proposal()
            .into_iter()
            .filter_map(|(step, planned)| {
                let clock = self.session.state(&step)?.clock.with_planned(planned);
                Some(clock_change(&step, clock))
            })
            .collect()
    }

    pub(super) fn clock(&mut self, f: impl Fn(&StepClock, Millis) -> StepClock) -> Vec<Effect> {
        let step = self.step().id.clone();
        match self.session.state(&step) {
            Some(state) => vec![clock_change(&step, f(&state.clock, self.now))],
            None => Vec::new(),
        }
    }

    /// Runs instrument `n` (1-based) offered by advice `advice` of `model`:
    /// the step that already runs it, or a new step right after this one.
    pub(super) fn run_instrument(&mut self, model: &str, advice: u32, n: u8) -> Vec<Effect> {
        let offered = self.offered(model, advice);
        let Some(id) = offered
            .get(usize::from(n).wrapping_sub(1))
            .map(|c| c.id().to_string())
        else {
            self.say(Note::NoSuchInstrument(offered.len()));
            return Vec::new();
        };
        let existing = self
            .workshop
            .steps
            .iter()
            .position(|s| s.kind.content_id() == Some(id.as_str()));
        if let Some(i) = existing {
            return self.goto(i);
        }
        let extra = Extra {
            id: format!("{id}-{}", self.session.extras.len() + 1),
            after: self.step().id.clone(),
            content: id,
            minutes: EXTRA_MINUTES,
        };
        let step = extra.id.clone();
        vec![
            Effect::Commit {
                change: Change::AddStep { extra },
                undoable: false,
            },
            Effect::Commit {
                change: Change::Goto { step },
                undoable: false,
            },
        ]
    }
}
