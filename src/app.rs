//! app: the console's state and the one place it changes. `App::update` takes a
//! `Msg` — an `Action` the key table made of a key, a keystroke into the open
//! form, the result of a write, a tick — and the time; it changes the App and
//! returns `Effect`s (write this change, save the draft, quit) for the runtime
//! to carry out. It performs no I/O: a committed answer enters the session only
//! when the runtime reports it written. What a step does with an action is its
//! exercise's business (`crate::exercise`); this module dispatches.

mod action;
mod closing;
mod commit;
mod editor;
mod live;
mod read;
mod reload;
mod status;
mod steps;

use std::collections::BTreeMap;
use std::sync::Arc;

pub use action::{Action, Effect, Msg};
pub use editor::Editor;
pub use ratatui_textarea::Input;
pub use status::{Note, Status};
pub use steps::{extend, session_workshop};

use crate::content::{Content, Step, Workshop};
use crate::exercise::{self, Cx, Exercise, Reply};
use crate::i18n::{Words, words};
use crate::keymap::{self, Table};
use crate::session::{Change, Live, Millis, Session, StepClock, View};
use crate::ui::Scrolling;
use live::LiveSaved;

/// What has the keyboard.
pub enum Mode {
    Normal,
    Editing(Box<Editor>),
    /// The form's answer is on its way to disk; the form stays until it is there.
    Saving(Box<Editor>),
    /// The form is kept while the facilitator confirms quitting.
    ConfirmQuit(Box<Editor>),
    Help {
        scroll: u16,
    },
    Notes {
        scroll: u16,
    },
    Agenda(usize),
    /// On resume, the clock was running: ask whether the time flipover was
    /// closed counts. `paused` is the clock stopped where it was last seen.
    ResumeClock {
        paused: StepClock,
        seen: Millis,
        then: Option<Box<Editor>>,
    },
}

/// Who is looking at the screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Presentation {
    /// The facilitator's laptop: chrome, notes, selection.
    #[default]
    Console,
    /// The console on the projector: big titles, no chrome.
    Projector,
    /// `flipover follow`: what the room sees; no selection, no notes.
    Room,
}

/// How an App is set up besides its workshop and session.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The instruments an advice of a model can offer.
    pub instruments: Vec<Content>,
    /// Nothing is written.
    pub rehearsal: bool,
    pub presentation: Presentation,
    /// The time zone the time of day is shown in (UTC when not set).
    pub tz: Option<jiff::tz::TimeZone>,
    /// The formats `x` writes the report in (every format when empty).
    pub report_formats: Vec<crate::export::Format>,
    /// The earlier sessions of the session's series (for its report and the
    /// trend of its scales).
    pub series: Arc<crate::export::Series>,
}

pub struct App {
    workshop: Arc<Workshop>,
    session: Session,
    now: Millis,
    mode: Mode,
    exercises: BTreeMap<String, Box<dyn Exercise>>,
    undo: Vec<Change>,
    status: Option<Status>,
    presentation: Presentation,
    blank: bool,
    rehearsal: bool,
    /// Board cards are shown most-voted first.
    by_votes: bool,
    /// The room's screens show where it stands against the plan.
    plan_for_room: bool,
    instruments: Vec<Content>,
    live: LiveSaved,
    /// The step whose rebalance offer the facilitator declined.
    plan_ignored: Option<String>,
    /// The screen's size, once the runtime has said it.
    screen: Option<(u16, u16)>,
    tz: jiff::tz::TimeZone,
    /// The room moved past the last step: the closing screen is shown.
    closing: bool,
    /// The decision selected on the closing screen.
    decision: usize,
    /// Where the report was last written in this run.
    report: Option<std::path::PathBuf>,
    report_formats: Vec<crate::export::Format>,
    series: Arc<crate::export::Series>,
}

impl App {
    pub fn new(
        workshop: Arc<Workshop>,
        mut session: Session,
        now: Millis,
        options: Options,
    ) -> Self {
        let exercises = exercise::for_workshop(&workshop);
        for step in &workshop.steps {
            if let (Some(ex), Some(state)) =
                (exercises.get(&step.id), session.steps.get_mut(&step.id))
            {
                ex.upgrade(state);
            }
        }
        let view = View::default();
        let here = session.step.clone();
        Self {
            workshop,
            session,
            now,
            mode: Mode::Normal,
            exercises,
            undo: Vec::new(),
            status: None,
            presentation: options.presentation,
            blank: false,
            rehearsal: options.rehearsal,
            by_votes: false,
            plan_for_room: false,
            instruments: options.instruments,
            live: LiveSaved::new(now, view, here),
            plan_ignored: None,
            screen: None,
            tz: options.tz.unwrap_or(jiff::tz::TimeZone::UTC),
            closing: false,
            decision: 0,
            series: options.series,
            report: None,
            report_formats: if options.report_formats.is_empty() {
                crate::export::Format::ALL.to_vec()
            } else {
                options.report_formats
            },
        }
    }

    /// An App for a session read back from disk: clocks that were running are
    /// paused where the console was last seen, and an unsaved draft reopens.
    pub fn resume(
        workshop: Arc<Workshop>,
        session: Session,
        live: Option<Live>,
        now: Millis,
        options: Options,
    ) -> (Self, Vec<Effect>) {
        let mut app = Self::new(workshop, session, now, options);
        let seen = live.as_ref().map_or(0, |l| l.seen);
        let mut effects = Vec::new();
        let mut asked = None;
        for (step, state) in &app.session.steps {
            if let Some(since) = state.clock.running_since {
                let paused = state.clock.paused(seen.max(since).min(now));
                if *step == app.session.step {
                    // The facilitator decides whether the closed time counts.
                    asked = Some((paused, seen.max(since)));
                } else {
                    effects.push(steps::clock_change(step, paused));
                }
            }
        }
        if let Some(view) = live.as_ref().map(|l| &l.view) {
            app.by_votes = view.by_votes;
            app.plan_for_room = view.plan;
            // A session quit on its closing screen opens there again.
            app.closing = view.closing;
            app.decision = view.decision;
            // The cursor too, so the room view does not jump back to the top.
            app.with_exercise(|ex, _| ex.follow(&view.cursor));
        }
        let editor = live
            .and_then(|l| l.draft)
            .filter(|d| d.step == app.session.step && d.fields.iter().any(|f| !f.is_empty()))
            .map(|draft| {
                app.say(Note::RestoredDraft);
                let mut ed =
                    app.with_exercise(|ex, cx| Box::new(ex.form(draft.target, draft.fields, cx)));
                ed.focus_on(draft.focus);
                ed
            });
        app.mode = match (asked, editor) {
            (Some((paused, seen)), then) => Mode::ResumeClock { paused, seen, then },
            (None, Some(ed)) => Mode::Editing(ed),
            (None, None) => Mode::Normal,
        };
        (app, effects)
    }

    /// The room view of a session: what the console shows the room, mirrored
    /// from its last reading.
    pub fn room(
        workshop: Arc<Workshop>,
        session: Session,
        live: Option<Live>,
        now: Millis,
        tz: jiff::tz::TimeZone,
    ) -> Self {
        let options = Options {
            presentation: Presentation::Room,
            tz: Some(tz),
            ..Options::default()
        };
        let mut app = Self::new(workshop, session, now, options);
        if let Some(view) = live.map(|l| l.view) {
            app.blank = view.blank;
            app.closing = view.closing;
            app.decision = view.decision;
            app.by_votes = view.by_votes;
            app.plan_for_room = view.plan;
            if let Some(index) = view.advice {
                app.with_exercise(|ex, _| ex.open(index));
            }
            app.with_exercise(|ex, _| ex.follow(&view.cursor));
        }
        app
    }

    /// Calls `f` with the current step's exercise and what it may read.
    fn with_exercise<R>(&mut self, f: impl FnOnce(&mut dyn Exercise, &Cx) -> R) -> R {
        let i = self
            .step_index()
            .min(self.workshop.steps.len().saturating_sub(1));
        let step = &self.workshop.steps[i];
        let cx = Cx {
            step,
            state: self.session.state(&step.id),
            words: words(&self.workshop.lang),
            by_votes: self.by_votes,
            next_id: self.session.next_id(),
        };
        let mut none = exercise::Info::words();
        let ex: &mut dyn Exercise = match self.exercises.get_mut(&step.id) {
            Some(ex) => ex.as_mut(),
            None => &mut none,
        };
        f(ex, &cx)
    }

    /// The key tables that apply now, the topmost mode's only.
    pub fn keys(&self) -> Vec<Table> {
        match &self.mode {
            Mode::Editing(ed) | Mode::Saving(ed) if ed.fields.len() > 1 => vec![keymap::FORM],
            Mode::Editing(_) | Mode::Saving(_) => vec![keymap::FIELD],
            Mode::ConfirmQuit(_) | Mode::ResumeClock { .. } => {
                vec![keymap::question(&self.workshop.lang)]
            }
            Mode::Help { .. } | Mode::Notes { .. } => vec![keymap::READING],
            Mode::Agenda(_) => vec![keymap::AGENDA],
            Mode::Normal => self.step_keys(),
        }
    }

    /// The footer's hints: the topmost mode's, less a scroll of help or notes
    /// or a move through the closing screen's decisions that has nowhere to
    /// go (at the top, at the end, or all in view).
    pub fn hints(&self) -> Vec<&'static keymap::Binding> {
        let reading = match self.mode {
            Mode::Help { scroll } => Some((scroll, Scrolling::Help)),
            Mode::Notes { scroll } => Some((scroll, Scrolling::Notes)),
            _ => None,
        };
        let can = |action: Action| match (action, reading) {
            (Action::ScrollUp, Some((scroll, _))) => scroll > 0,
            (Action::ScrollDown, Some((scroll, overlay))) => self
                .screen
                .is_none_or(|(w, h)| scroll < crate::ui::scroll_limit(self, overlay, w, h)),
            (Action::Up | Action::Down, None) if self.closing => {
                self.decision_can_move(action == Action::Down)
            }
            _ => true,
        };
        keymap::hints(&self.keys())
            .filter(|b| can(b.action))
            .collect()
    }

    /// The keys of the step beneath any overlay: its exercise's, then every
    /// step's (only the exercise's while it has something open).
    pub fn step_keys(&self) -> Vec<Table> {
        if self.closing {
            return vec![keymap::CLOSING];
        }
        if self.exercise().modal() {
            vec![self.exercise().keys()]
        } else {
            vec![self.exercise().keys(), keymap::STEP]
        }
    }

    /// What a key means now: an action, a keystroke into the form, or nothing.
    pub fn translate(&self, key: &crossterm::event::KeyEvent) -> Option<Msg> {
        if self.blank {
            // Any key brings the screen back (and does nothing else).
            return Some(Msg::Do(Action::Blank));
        }
        if let Some(action) = keymap::action(key, &self.keys()) {
            return Some(Msg::Do(action));
        }
        matches!(self.mode, Mode::Editing(_)).then(|| Msg::Type(Input::from(*key)))
    }

    fn say(&mut self, note: Note) {
        self.status = Some(Status { note, at: self.now });
    }

    /// The one place the App changes.
    pub fn update(&mut self, msg: Msg, now: Millis) -> Vec<Effect> {
        self.now = now;
        let mut effects = self.handle(msg);
        // The room view mirrors an opened advice and a blank screen at once,
        // the cursor soon (see `view_due`).
        let saving = effects
            .iter()
            .any(|e| matches!(e, Effect::SaveLive(_) | Effect::Quit));
        if !saving && self.view_due() {
            effects.push(self.save_live());
        }
        effects
    }

    /// What the room should see besides the step.
    pub fn view(&self) -> View {
        View {
            advice: self.exercise().opened(),
            blank: self.blank,
            by_votes: self.by_votes,
            closing: self.closing,
            decision: self.decision,
            plan: self.plan_for_room,
            cursor: self.exercise().cursor(),
        }
    }

    fn handle(&mut self, msg: Msg) -> Vec<Effect> {
        match msg {
            Msg::Do(action) => self.act(action),
            Msg::Type(input) => {
                if let Mode::Editing(ed) = &mut self.mode {
                    ed.input(input);
                }
                Vec::new()
            }
            Msg::Paste(text) => {
                if let Mode::Editing(ed) = &mut self.mode {
                    ed.paste(&text);
                }
                Vec::new()
            }
            Msg::Committed { change, undoable } => self.committed(change, undoable),
            Msg::CommitFailed(message) => {
                match std::mem::replace(&mut self.mode, Mode::Normal) {
                    Mode::Saving(mut ed) => {
                        ed.error = Some(message.clone());
                        self.mode = Mode::Editing(ed);
                        self.say(Note::SaveFailed {
                            message,
                            kept: true,
                        });
                    }
                    other => {
                        self.mode = other;
                        self.say(Note::SaveFailed {
                            message,
                            kept: false,
                        });
                    }
                }
                Vec::new()
            }
            Msg::Exported(Ok(folder)) => {
                self.say(Note::ReportWritten(folder.display().to_string()));
                self.report = Some(folder);
                Vec::new()
            }
            Msg::Exported(Err(message)) => {
                self.say(Note::ReportFailed(message));
                Vec::new()
            }
            Msg::Warn(message) => {
                self.say(Note::Error(message));
                Vec::new()
            }
            Msg::Resize(width, height) => {
                self.screen = Some((width, height));
                Vec::new()
            }
            Msg::Tick => self.tick(),
        }
    }

    fn act(&mut self, action: Action) -> Vec<Effect> {
        if self.blank {
            self.blank = false;
            return Vec::new();
        }
        match std::mem::replace(&mut self.mode, Mode::Normal) {
            Mode::Normal => self.act_on_step(action),
            Mode::Editing(ed) => self.form_action(ed, action),
            Mode::Saving(ed) => {
                // Nothing but the reply from the disk moves the form on.
                self.mode = Mode::Saving(ed);
                Vec::new()
            }
            Mode::ConfirmQuit(ed) => match action {
                Action::Yes => self.quit(Some(ed)),
                _ => {
                    self.mode = Mode::Editing(ed);
                    Vec::new()
                }
            },
            Mode::Help { scroll } => self.reading(action, scroll, Scrolling::Help),
            Mode::Notes { scroll } => self.reading(action, scroll, Scrolling::Notes),
            Mode::Agenda(sel) => self.agenda(action, sel),
            Mode::ResumeClock { paused, then, .. } => {
                self.mode = then.map_or(Mode::Normal, Mode::Editing);
                if action == Action::Yes {
                    self.say(Note::Counted);
                    Vec::new()
                } else {
                    self.say(Note::ClockStopped);
                    vec![steps::clock_change(&self.step().id.clone(), paused)]
                }
            }
        }
    }

    /// Help and notes scroll, down to their last line when the screen's size
    /// is known; the clicker's keys still move the room.
    fn reading(&mut self, action: Action, scroll: u16, overlay: Scrolling) -> Vec<Effect> {
        let mode = |scroll| match overlay {
            Scrolling::Help => Mode::Help { scroll },
            Scrolling::Notes => Mode::Notes { scroll },
        };
        match action {
            Action::ScrollDown => {
                // Measured with the overlay open, as it is drawn.
                self.mode = mode(scroll);
                let limit = self.screen.map_or(u16::MAX, |(w, h)| {
                    crate::ui::scroll_limit(self, overlay, w, h)
                });
                self.mode = mode(scroll.saturating_add(1).min(limit));
            }
            Action::ScrollUp => self.mode = mode(scroll.saturating_sub(1)),
            Action::Close => {}
            Action::Quit => return self.quit(None),
            other => {
                self.mode = mode(scroll);
                return self.act_on_step(other);
            }
        }
        Vec::new()
    }

    fn agenda(&mut self, action: Action, sel: usize) -> Vec<Effect> {
        let last = self.workshop.steps.len().saturating_sub(1);
        match action {
            Action::Up => self.mode = Mode::Agenda(sel.saturating_sub(1)),
            Action::Down => self.mode = Mode::Agenda((sel + 1).min(last)),
            Action::Choose => return self.goto(sel),
            Action::Quit => return self.quit(None),
            _ => {}
        }
        Vec::new()
    }

    /// An action on the step: the closing screen's or the step's own keys
    /// first, then its exercise's.
    fn act_on_step(&mut self, action: Action) -> Vec<Effect> {
        if self.closing
            && let Some(effects) = self.on_closing(action)
        {
            return effects;
        }
        let idx = self.step_index();
        match action {
            Action::NextStep if idx + 1 >= self.workshop.steps.len() => self.close(),
            Action::NextStep => self.next_step(idx + 1),
            Action::PrevStep => self.goto(idx.saturating_sub(1)),
            Action::Export if self.rehearsal => {
                self.say(Note::NoReportInRehearsal);
                Vec::new()
            }
            Action::Export => vec![Effect::Export],
            Action::ToggleClock => self.clock(|c, now| c.toggled(now)),
            Action::AdjustClock(minutes) => self.clock(|c, _| c.adjusted(minutes)),
            Action::AcceptPlan => self.accept_plan(),
            Action::KeepPlan => {
                self.plan_ignored = Some(self.step().id.clone());
                Vec::new()
            }
            Action::Undo => self.undo(),
            Action::ShowAgenda => {
                self.mode = Mode::Agenda(idx);
                Vec::new()
            }
            Action::ShowNotes => {
                self.mode = Mode::Notes { scroll: 0 };
                Vec::new()
            }
            Action::ShowHelp => {
                self.mode = Mode::Help { scroll: 0 };
                Vec::new()
            }
            Action::TogglePresentation => {
                self.presentation = match self.presentation {
                    Presentation::Console => Presentation::Projector,
                    Presentation::Projector => Presentation::Console,
                    Presentation::Room => Presentation::Room,
                };
                Vec::new()
            }
            Action::Blank => {
                self.blank = true;
                Vec::new()
            }
            Action::TogglePlan => {
                self.plan_for_room = !self.plan_for_room;
                Vec::new()
            }
            Action::Quit => self.quit(None),
            Action::SortByVotes => {
                self.by_votes = !self.by_votes;
                Vec::new()
            }
            other => {
                let reply = self.with_exercise(|ex, cx| ex.act(other, cx));
                // What the exercise has open stops at its end, as help does.
                let limit = self
                    .screen
                    .and_then(|(w, h)| self.exercise().scroll_limit(self, w, h));
                if let Some(limit) = limit {
                    self.with_exercise(|ex, _| ex.clamp_scroll(limit));
                }
                self.reply(reply)
            }
        }
    }

    /// Carries out what an exercise asked for.
    fn reply(&mut self, reply: Reply) -> Vec<Effect> {
        match reply {
            Reply::Nothing => Vec::new(),
            Reply::Commit(change) => vec![Effect::Commit {
                change,
                undoable: true,
            }],
            Reply::Form(ed) => {
                self.mode = Mode::Editing(Box::new(ed));
                Vec::new()
            }
            Reply::Say(note) => {
                self.say(note);
                Vec::new()
            }
            Reply::RunInstrument { model, advice, n } => self.run_instrument(&model, advice, n),
        }
    }

    /// Stops at once (a signal, the terminal closing): what is being typed is
    /// kept as a draft.
    pub fn shutdown(&mut self) -> Vec<Effect> {
        match std::mem::replace(&mut self.mode, Mode::Normal) {
            Mode::Editing(ed) | Mode::Saving(ed) | Mode::ConfirmQuit(ed) => self.quit(Some(ed)),
            Mode::ResumeClock { then: Some(ed), .. } => self.quit(Some(ed)),
            _ => self.quit(None),
        }
    }

    /// Quits; text being typed is kept as a draft for the next resume.
    fn quit(&mut self, editor: Option<Box<Editor>>) -> Vec<Effect> {
        vec![self.save_live_with(editor.as_deref()), Effect::Quit]
    }

    /// The form being typed in, if any.
    pub fn editor(&self) -> Option<&Editor> {
        match &self.mode {
            Mode::Editing(ed) | Mode::Saving(ed) | Mode::ConfirmQuit(ed) => Some(ed),
            Mode::ResumeClock { then, .. } => then.as_deref(),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests;
