//! What the screens, the runtime and the tests read of the App: plain
//! getters over its state. Nothing here changes the App.

use super::*;

impl App {
    pub fn workshop(&self) -> &Workshop {
        &self.workshop
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    pub fn now(&self) -> Millis {
        self.now
    }

    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    pub fn presentation(&self) -> Presentation {
        self.presentation
    }

    /// Whether the room is looking (projector or room view): no chrome.
    pub fn for_the_room(&self) -> bool {
        self.presentation != Presentation::Console
    }

    /// The read-only room view: no selection is shown.
    pub fn is_room(&self) -> bool {
        self.presentation == Presentation::Room
    }

    pub fn blank(&self) -> bool {
        self.blank
    }

    pub fn rehearsal(&self) -> bool {
        self.rehearsal
    }

    pub fn by_votes(&self) -> bool {
        self.by_votes
    }

    /// Whether this screen shows where the room stands against the plan: the
    /// console always; the projector and the room view when the facilitator
    /// turned it on (being behind is the facilitator's to manage, not the room's).
    pub fn plan_shown(&self) -> bool {
        !self.for_the_room() || self.plan_for_room
    }

    /// The clock of step `id` as shown: while the facilitator is asked whether
    /// the closed time counts, the current step's clock stands where it stopped.
    pub fn shown_clock(&self, id: &str) -> Option<StepClock> {
        match &self.mode {
            Mode::ResumeClock { paused, .. } if id == self.step().id => Some(*paused),
            _ => self.session.state(id).map(|s| s.clock),
        }
    }

    pub fn tz(&self) -> &jiff::tz::TimeZone {
        &self.tz
    }

    /// Whether the closing screen is shown (the room moved past the last step).
    pub fn closing(&self) -> bool {
        self.closing
    }

    /// Where the report was written in this run, if it was.
    pub fn report(&self) -> Option<&std::path::Path> {
        self.report.as_deref()
    }

    /// The earlier sessions of the session's series.
    pub fn series(&self) -> &crate::export::Series {
        &self.series
    }

    /// The formats the report is written in.
    pub fn report_formats(&self) -> &[crate::export::Format] {
        &self.report_formats
    }

    /// The status line's text and whether it is an error, in the session's language.
    pub fn status(&self) -> Option<(String, bool)> {
        self.status
            .as_ref()
            .map(|s| (s.note.text(self.words(), self.rehearsal), s.note.is_error()))
    }

    pub fn words(&self) -> &'static Words {
        words(&self.workshop.lang)
    }

    pub fn lang(&self) -> &str {
        &self.workshop.lang
    }

    pub fn step_index(&self) -> usize {
        self.workshop
            .steps
            .iter()
            .position(|s| s.id == self.session.step)
            .unwrap_or(0)
    }

    pub fn step(&self) -> &Step {
        &self.workshop.steps[self
            .step_index()
            .min(self.workshop.steps.len().saturating_sub(1))]
    }

    /// The exercise of the current step.
    pub fn exercise(&self) -> &dyn Exercise {
        self.exercises
            .get(&self.step().id)
            .map(Box::as_ref)
            .unwrap_or(exercise::NONE)
    }

    /// The instruments offered by advice `number` of the model `model`.
    pub fn offered(&self, model: &str, number: u32) -> Vec<&Content> {
        self.instruments
            .iter()
            .filter(|c| c.offered_by(model, number))
            .collect()
    }
}
