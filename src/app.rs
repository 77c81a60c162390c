//! app: the console's state and the one place it changes. `App::update` takes an
//! `Action` and the time, changes the App and returns `Effect`s (write this
//! change, save the draft, quit) for the runtime to carry out. It performs no I/O:
//! a committed answer enters the session only when the runtime reports it written.

mod editor;
pub mod scale;
pub mod slider;
pub mod split;

use std::collections::BTreeMap;
use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub use editor::Editor;

use crate::content::{Step, StepKind, Workshop};
use crate::i18n::{Words, words};
use crate::keymap::{self, Command, Scope};
use crate::session::{Change, Item, Live, Millis, Session, Target, View};

/// Something that happened: a key, a paste, the clock ticking, or the result of
/// an effect.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Key(KeyEvent),
    Paste(String),
    /// The runtime wrote this change to disk.
    Committed {
        change: Change,
        undoable: bool,
    },
    /// The runtime could not write the change; nothing was applied.
    CommitFailed(String),
    /// Something not critical failed (e.g. saving the draft).
    Warn(String),
    Tick,
}

/// Work for the runtime, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write the change durably, then send `Action::Committed` (or `CommitFailed`).
    Commit {
        change: Change,
        undoable: bool,
    },
    /// Save what is being typed and the clock's reading (best effort).
    SaveLive(Live),
    Quit,
}

/// What has the keyboard.
pub enum Mode {
    Normal,
    Editing(Box<Editor>),
    /// The editor is kept while the facilitator confirms quitting.
    ConfirmQuit(Box<Editor>),
    Help,
    Info,
    Agenda(usize),
    /// On resume, the clock was running: ask whether the time flipover was
    /// closed counts. `paused` is the clock stopped where it was last seen.
    ResumeClock {
        paused: crate::session::StepClock,
        seen: Millis,
        then: Option<Box<Editor>>,
    },
    /// An advice of the model opened, by index in number order, scrolled down
    /// by `scroll` lines.
    Advice {
        index: usize,
        scroll: u16,
    },
}

/// Where the selection is within a step.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    /// Board: situations first, then areas. Model: unused.
    pub area: usize,
    /// The selected row in the area (model: the advice index).
    pub row: usize,
}

/// What the cursor's area is on a board.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Situation(usize),
    Area(usize),
    /// The one list of a discussion or decisions step.
    List,
    None,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

pub struct App {
    pub workshop: Arc<Workshop>,
    pub session: Session,
    pub now: Millis,
    pub mode: Mode,
    cursors: BTreeMap<String, Cursor>,
    undo: Vec<Change>,
    pub status: Option<Status>,
    pub projector: bool,
    pub blank: bool,
    pub rehearsal: bool,
    /// A read-only room view (`flipover follow`): no selection, no notes.
    pub room: bool,
    /// Board cards are shown most-voted first.
    pub by_votes: bool,
    /// The card picked up with `x`, to be put into another card's group.
    pub picked: Option<u64>,
    /// The instruments an advice of a model can offer (content with `advice`).
    pub instruments: Vec<crate::content::Content>,
    /// The editor's commit is on its way to disk.
    awaiting_editor: bool,
    /// When live.toml was last written, the editor version and the view it held.
    live_saved: (Millis, Option<u64>, View),
    /// The step whose rebalance offer the facilitator declined.
    plan_ignored: Option<String>,
    /// The time zone the time of day is shown in.
    pub tz: jiff::tz::TimeZone,
}

/// `workshop` with the instrument steps a session added, in the order added.
pub fn extend(
    workshop: &Workshop,
    extras: &[crate::session::Extra],
    contents: &[crate::content::Content],
) -> Workshop {
    extras.iter().fold(workshop.clone(), |w, extra| {
        match contents
            .iter()
            .find(|c| c.id() == extra.content)
            .and_then(|c| c.as_step(&extra.id, extra.minutes))
        {
            Some(step) if !w.steps.iter().any(|s| s.id == extra.id) => {
                w.with_step(&extra.after, step)
            }
            _ => w,
        }
    })
}

/// How long an instrument added from an advice is planned to take.
const EXTRA_MINUTES: u32 = 10;

/// How often the clock's reading is saved while it runs.
const CLOCK_SAVE_MS: u64 = 5_000;
/// How soon a changed draft is saved.
const DRAFT_SAVE_MS: u64 = 1_000;

impl App {
    pub fn new(workshop: Arc<Workshop>, session: Session, now: Millis) -> Self {
        Self {
            workshop,
            session,
            now,
            mode: Mode::Normal,
            cursors: BTreeMap::new(),
            undo: Vec::new(),
            status: None,
            projector: false,
            blank: false,
            rehearsal: false,
            room: false,
            by_votes: false,
            picked: None,
            instruments: Vec::new(),
            awaiting_editor: false,
            live_saved: (now, None, View::default()),
            plan_ignored: None,
            tz: jiff::tz::TimeZone::UTC,
        }
    }

    /// An App for a session read back from disk: clocks that were running are
    /// paused where the console was last seen, and an unsaved draft reopens.
    pub fn resume(
        workshop: Arc<Workshop>,
        session: Session,
        live: Option<Live>,
        now: Millis,
    ) -> (Self, Vec<Effect>) {
        let mut app = Self::new(workshop, session, now);
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
                    effects.push(app.clock_change(step, paused));
                }
            }
        }
        let mut editor = None;
        if let Some(draft) = live.and_then(|l| l.draft)
            && draft.step == app.session.step
            && draft.fields.iter().any(|f| !f.is_empty())
        {
            app.focus_target(&draft.target);
            editor = Some(Box::new(Editor::new(
                &draft.step,
                draft.target,
                &draft.fields,
            )));
            app.say(app.words().restored_draft, false);
        }
        app.mode = match (asked, editor) {
            (Some((paused, seen)), then) => Mode::ResumeClock { paused, seen, then },
            (None, Some(ed)) => Mode::Editing(ed),
            (None, None) => Mode::Normal,
        };
        (app, effects)
    }

    pub fn words(&self) -> &'static Words {
        words(&self.workshop.lang)
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

    pub fn cursor(&self) -> Cursor {
        self.cursors
            .get(&self.step().id)
            .copied()
            .unwrap_or_default()
    }

    fn set_cursor(&mut self, cursor: Cursor) {
        let id = self.step().id.clone();
        self.cursors.insert(id, cursor);
    }

    /// The key scopes that apply now, most specific first.
    pub fn scopes(&self) -> Vec<Scope> {
        match self.mode {
            Mode::Editing(_) | Mode::ConfirmQuit(_) => return vec![Scope::Editing],
            Mode::Advice { .. } => return vec![Scope::Advice],
            _ => {}
        }
        match self.step().kind {
            StepKind::Board { .. } => vec![Scope::Board, Scope::Answers, Scope::Step],
            StepKind::Discussion | StepKind::Decisions => vec![Scope::Answers, Scope::Step],
            StepKind::Model(_) => vec![Scope::Model, Scope::Step],
            StepKind::Info | StepKind::Break => vec![Scope::Step],
            StepKind::Scale(_)
            | StepKind::Slider(_)
            | StepKind::Split(_)
            | StepKind::Stages(_)
            | StepKind::Canvas(_) => vec![Scope::Instrument, Scope::Step],
        }
    }

    /// How many areas the cursor can be in on this step.
    fn area_count(&self) -> usize {
        match &self.step().kind {
            StepKind::Board { board, .. } => board.situations.len() + board.areas.len(),
            StepKind::Discussion
            | StepKind::Decisions
            | StepKind::Scale(_)
            | StepKind::Stages(_)
            | StepKind::Canvas(_) => 1,
            StepKind::Slider(s) => 1 + usize::from(s.want),
            StepKind::Split(s) => s.units.len(),
            StepKind::Info | StepKind::Break | StepKind::Model(_) => 0,
        }
    }

    /// How many rows an instrument step has (items, dilemmas, categories).
    fn instrument_rows(&self) -> Option<usize> {
        match &self.step().kind {
            StepKind::Scale(s) => Some(s.items.len()),
            StepKind::Slider(s) => Some(s.items.len()),
            StepKind::Split(s) => Some(s.categories.len()),
            StepKind::Stages(s) => Some(s.stages.len()),
            StepKind::Canvas(c) => Some(c.fields.len()),
            _ => None,
        }
    }

    /// The cursor's area, within bounds.
    pub fn area(&self) -> usize {
        self.cursor().area.min(self.area_count().saturating_sub(1))
    }

    /// The cursor's row on an instrument step, within bounds.
    pub fn row(&self) -> usize {
        self.cursor()
            .row
            .min(self.instrument_rows().unwrap_or(1).saturating_sub(1))
    }

    pub fn focus(&self) -> Focus {
        let c = self.cursor();
        match &self.step().kind {
            StepKind::Board { board, .. } => {
                let k = board.situations.len();
                let area = c.area.min(self.area_count().saturating_sub(1));
                if area < k {
                    Focus::Situation(area)
                } else {
                    Focus::Area(area - k)
                }
            }
            StepKind::Discussion | StepKind::Decisions => Focus::List,
            _ => Focus::None,
        }
    }

    /// The id of the board area `i` of the current step.
    fn area_id(&self, i: usize) -> Option<String> {
        match &self.step().kind {
            StepKind::Board { board, .. } => board.areas.get(i).map(|a| a.id.clone()),
            _ => None,
        }
    }

    /// The items of an area of the current step (board area index, or the list).
    pub fn items_in(&self, focus: Focus) -> Vec<&Item> {
        let Some(state) = self.session.state(&self.step().id) else {
            return Vec::new();
        };
        match focus {
            Focus::Area(i) => {
                let id = self.area_id(i).unwrap_or_default();
                let mut items: Vec<&Item> = state.items.iter().filter(|it| it.area == id).collect();
                // A group sits together, its first card on top; with votes on,
                // groups and cards go by their votes (stable, so ties keep the
                // order they were written in).
                let group_votes = |head: u64| -> u32 {
                    items
                        .iter()
                        .filter(|i| i.head() == head)
                        .map(|i| i.votes)
                        .sum()
                };
                let mut keyed: Vec<(u32, u64, bool, u32, u64, &Item)> = items
                    .iter()
                    .map(|it| {
                        let votes = if self.by_votes {
                            group_votes(it.head())
                        } else {
                            0
                        };
                        let own = if self.by_votes { it.votes } else { 0 };
                        (
                            u32::MAX - votes,
                            it.head(),
                            it.group != 0 && it.group != it.id,
                            u32::MAX - own,
                            it.id,
                            *it,
                        )
                    })
                    .collect();
                keyed.sort_by_key(|k| (k.0, k.1, k.2, k.3, k.4));
                items = keyed.into_iter().map(|k| k.5).collect();
                items
            }
            Focus::List => state.items.iter().collect(),
            _ => Vec::new(),
        }
    }

    pub fn selected_row(&self) -> usize {
        let n = self.items_in(self.focus()).len();
        self.cursor().row.min(n.saturating_sub(1))
    }

    pub fn selected_item(&self) -> Option<&Item> {
        self.items_in(self.focus())
            .get(self.selected_row())
            .copied()
    }

    fn say(&mut self, text: impl Into<String>, error: bool) {
        self.status = Some(Status {
            text: text.into(),
            error,
        });
    }

    /// The one place the App changes.
    pub fn update(&mut self, action: Action, now: Millis) -> Vec<Effect> {
        self.now = now;
        let mut effects = self.handle(action);
        // The room view mirrors an opened advice and a blank screen at once.
        let saving = effects
            .iter()
            .any(|e| matches!(e, Effect::SaveLive(_) | Effect::Quit));
        if !saving && self.view() != self.live_saved.2 {
            let editor = match &self.mode {
                Mode::Editing(ed) | Mode::ConfirmQuit(ed) => Some(ed.as_ref()),
                _ => None,
            };
            let (live, version) = (self.live(editor), editor.map(|e| e.version));
            effects.push(self.record_live(live, version));
        }
        effects
    }

    /// What the room should see besides the step.
    pub fn view(&self) -> View {
        View {
            advice: match self.mode {
                Mode::Advice { index, .. } => Some(index),
                _ => None,
            },
            blank: self.blank,
            by_votes: self.by_votes,
        }
    }

    fn handle(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Key(key) => self.key(key),
            Action::Paste(text) => {
                if let Mode::Editing(ed) = &mut self.mode
                    && let Some(field) = ed.focused()
                {
                    field.insert_str(crate::text::one_line(&text));
                    ed.version += 1;
                }
                Vec::new()
            }
            Action::Committed { change, undoable } => self.committed(change, undoable),
            Action::CommitFailed(message) => {
                self.awaiting_editor = false;
                let w = self.words();
                if let Mode::Editing(ed) = &mut self.mode {
                    ed.error = Some(message.clone());
                    self.say(
                        format!("{}: {message} – {}", w.saving_failed, w.text_kept),
                        true,
                    );
                } else {
                    self.say(format!("{}: {message}", w.saving_failed), true);
                }
                Vec::new()
            }
            Action::Warn(message) => {
                self.say(message, true);
                Vec::new()
            }
            Action::Tick => self.tick(),
        }
    }

    fn key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if self.blank {
            self.blank = false;
            return Vec::new();
        }
        let ctrl_c =
            key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c');
        match std::mem::replace(&mut self.mode, Mode::Normal) {
            Mode::Normal => keymap::command(&key, &self.scopes())
                .map(|c| self.command(c))
                .unwrap_or_default(),
            Mode::Editing(ed) if ctrl_c && ed.is_empty() => self.quit(None),
            Mode::Editing(ed) if ctrl_c => {
                self.mode = Mode::ConfirmQuit(ed);
                Vec::new()
            }
            Mode::Editing(ed) => self.edit_key(ed, key),
            Mode::ConfirmQuit(ed) => match key.code {
                KeyCode::Char('j' | 'J' | 'y' | 'Y') => self.quit(Some(ed)),
                _ if ctrl_c => self.quit(Some(ed)),
                _ => {
                    self.mode = Mode::Editing(ed);
                    Vec::new()
                }
            },
            Mode::Help | Mode::Info if ctrl_c => self.quit(None),
            // Any key closes help and notes; a clicker's keys (step, blank)
            // also do their job, so the facilitator never has to put it down.
            Mode::Help | Mode::Info => match keymap::command(&key, &[Scope::Step]) {
                Some(c @ (Command::NextStep | Command::PrevStep | Command::Blank)) => {
                    self.command(c)
                }
                _ => Vec::new(),
            },
            Mode::Agenda(sel) => self.agenda_key(sel, key),
            Mode::ResumeClock { paused, then, .. } => {
                self.mode = then.map_or(Mode::Normal, Mode::Editing);
                if matches!(key.code, KeyCode::Char('j' | 'J' | 'y' | 'Y')) {
                    self.say(self.words().counted, false);
                    Vec::new()
                } else {
                    self.say(self.words().clock_stopped_on_resume, false);
                    let step = self.step().id.clone();
                    vec![self.clock_change(&step, paused)]
                }
            }
            Mode::Advice { index, scroll } => self.advice_key(index, scroll, key),
        }
    }

    fn agenda_key(&mut self, sel: usize, key: KeyEvent) -> Vec<Effect> {
        let last = self.workshop.steps.len().saturating_sub(1);
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => self.mode = Mode::Agenda(sel.saturating_sub(1)),
            KeyCode::Down | KeyCode::Char('j') => self.mode = Mode::Agenda((sel + 1).min(last)),
            KeyCode::Enter => return self.goto(sel),
            KeyCode::Esc | KeyCode::Char('g' | 'q') => {}
            _ => self.mode = Mode::Agenda(sel),
        }
        Vec::new()
    }

    fn advice_key(&mut self, index: usize, scroll: u16, key: KeyEvent) -> Vec<Effect> {
        let last = match &self.step().kind {
            StepKind::Model(m) => m.advice().count().saturating_sub(1),
            _ => 0,
        };
        let open = |index, scroll| Mode::Advice { index, scroll };
        self.mode = match keymap::command(&key, &[Scope::Advice]) {
            // A clicker pages through the advice while one is open.
            Some(Command::Down) => open((index + 1).min(last), 0),
            Some(Command::Up) => open(index.saturating_sub(1), 0),
            Some(Command::ScrollDown) => open(index, scroll.saturating_add(1)),
            Some(Command::ScrollUp) => open(index, scroll.saturating_sub(1)),
            Some(Command::Digit(n)) => return self.run_instrument(index, n),
            Some(_) => {
                self.set_cursor(Cursor {
                    area: 0,
                    row: index,
                });
                Mode::Normal
            }
            // Any other key closes the advice and does what it does on the model.
            None => {
                self.set_cursor(Cursor {
                    area: 0,
                    row: index,
                });
                return keymap::command(&key, &self.scopes())
                    .map(|c| self.command(c))
                    .unwrap_or_default();
            }
        };
        Vec::new()
    }

    fn edit_key(&mut self, mut ed: Box<Editor>, key: KeyEvent) -> Vec<Effect> {
        match key.code {
            KeyCode::Esc => {
                self.mode = Mode::Normal;
                return vec![self.live_effect(None)];
            }
            KeyCode::Enter => return self.commit_editor(ed),
            KeyCode::Tab => ed.next_field(true),
            KeyCode::BackTab => ed.next_field(false),
            _ => {
                if let Some(field) = ed.focused()
                    && field.input(key)
                {
                    ed.version += 1;
                }
            }
        }
        self.mode = Mode::Editing(ed);
        Vec::new()
    }

    /// Turns the form into a change and sends it to disk; the editor stays open
    /// (with its text) until the write is confirmed.
    fn commit_editor(&mut self, ed: Box<Editor>) -> Vec<Effect> {
        let values = ed.values();
        let text = values.first().cloned().unwrap_or_default();
        let field = |i: usize| values.get(i).cloned().unwrap_or_default();
        let step = ed.step.clone();
        let change = match &ed.target {
            Target::Situation { id } => Some(Change::Situation {
                step,
                situation: id.clone(),
                text,
            }),
            Target::Value { key } => match self.value_change(&step, key, &text) {
                Ok(change) => Some(change),
                Err(message) => {
                    let mut ed = ed;
                    ed.error = Some(message.clone());
                    self.say(message, true);
                    self.mode = Mode::Editing(ed);
                    return Vec::new();
                }
            },
            _ if text.is_empty() => None,
            Target::New { area } => Some(Change::Put {
                step,
                item: Item {
                    id: self.session.next_id(),
                    area: area.clone(),
                    text,
                    who: field(1),
                    when: field(2),
                    votes: 0,
                    group: 0,
                },
            }),
            Target::Edit { id } => self.session.find(&step, *id).map(|old| Change::Put {
                step: step.clone(),
                item: Item {
                    text,
                    who: if values.len() > 1 {
                        field(1)
                    } else {
                        old.who.clone()
                    },
                    when: if values.len() > 2 {
                        field(2)
                    } else {
                        old.when.clone()
                    },
                    ..old.clone()
                },
            }),
        };
        self.mode = Mode::Editing(ed);
        match change {
            Some(change) => {
                self.awaiting_editor = true;
                vec![Effect::Commit {
                    change,
                    undoable: true,
                }]
            }
            // An empty new card is simply not written.
            None => {
                self.mode = Mode::Normal;
                vec![self.live_effect(None)]
            }
        }
    }

    fn committed(&mut self, change: Change, undoable: bool) -> Vec<Effect> {
        let inverse = if undoable {
            self.session.inverse(&change)
        } else {
            None
        };
        self.session.apply(&change);
        if let Change::AddStep { extra } = &change {
            let w = extend(
                &self.workshop,
                std::slice::from_ref(extra),
                &self.instruments,
            );
            self.workshop = Arc::new(w);
        }
        if let Some(inverse) = inverse {
            self.undo.push(inverse);
        }
        let mut effects = Vec::new();
        if change.is_answer() {
            // An answer committed as not undoable is an undo itself.
            let w = self.words();
            let text = match (&change, undoable) {
                (_, false) => format!("✓ {}", w.undone),
                (Change::Remove { .. }, true) => w.deleted.to_string(),
                _ => format!("✓ {}", w.saved),
            };
            self.say(text, false);
            let last_put = match &change {
                Change::Put { item, .. } => Some(item.clone()),
                Change::Batch { changes } => changes.iter().rev().find_map(|c| match c {
                    Change::Put { item, .. } => Some(item.clone()),
                    _ => None,
                }),
                _ => None,
            };
            if let Some(item) = last_put {
                self.select_item(&item);
            }
        }
        if self.awaiting_editor && change.is_answer() {
            self.awaiting_editor = false;
            self.mode = Mode::Normal;
            effects.push(self.live_effect(None));
        }
        effects
    }

    /// Puts the cursor on the area a draft belongs to.
    fn focus_target(&mut self, target: &Target) {
        let StepKind::Board { board, .. } = &self.step().kind else {
            return;
        };
        let k = board.situations.len();
        let area = match target {
            Target::Situation { id } => board.situations.iter().position(|s| &s.id == id),
            Target::New { area } => board
                .areas
                .iter()
                .position(|a| &a.id == area)
                .map(|i| k + i),
            Target::Edit { id } => self
                .session
                .find(&self.step().id, *id)
                .and_then(|it| board.areas.iter().position(|a| a.id == it.area))
                .map(|i| k + i),
            Target::Value { .. } => None,
        };
        if let Some(area) = area {
            self.set_cursor(Cursor { area, row: 0 });
        }
    }

    /// Moves the cursor onto `item` (after it was written or moved).
    fn select_item(&mut self, item: &Item) {
        let focus = match &self.step().kind {
            StepKind::Board { board, .. } => {
                match board.areas.iter().position(|a| a.id == item.area) {
                    Some(i) => {
                        let c = Cursor {
                            area: board.situations.len() + i,
                            row: 0,
                        };
                        self.set_cursor(c);
                        Focus::Area(i)
                    }
                    None => return,
                }
            }
            StepKind::Discussion | StepKind::Decisions => Focus::List,
            _ => return,
        };
        if let Some(row) = self.items_in(focus).iter().position(|i| i.id == item.id) {
            let c = self.cursor();
            self.set_cursor(Cursor { row, ..c });
        }
    }

    fn command(&mut self, c: Command) -> Vec<Effect> {
        let idx = self.step_index();
        match c {
            Command::NextStep => return self.goto(idx + 1),
            Command::PrevStep => return self.goto(idx.saturating_sub(1)),
            Command::ToggleClock => return self.clock(|c, now| c.toggled(now)),
            Command::Adjust(minutes) => return self.clock(|c, _| c.adjusted(minutes)),
            Command::AcceptPlan => return self.accept_plan(),
            Command::IgnorePlan => self.plan_ignored = Some(self.step().id.clone()),
            Command::NextArea | Command::PrevArea => self.move_area(c == Command::NextArea),
            Command::Up | Command::Down => self.move_row(c == Command::Down),
            Command::New => self.open_new(),
            Command::Open => match &self.step().kind {
                StepKind::Model(_) => {
                    self.mode = Mode::Advice {
                        index: self.cursor().row,
                        scroll: 0,
                    }
                }
                _ => self.open_new(),
            },
            Command::Edit if self.instrument_rows().is_some() => self.open_value(),
            Command::Edit => self.open_edit(),
            Command::Digit(n) => return self.digit(n),
            Command::Clear => return self.clear_value(),
            Command::Delete => return self.delete(),
            Command::Undo => return self.undo(),
            Command::MoveNext | Command::MovePrev => return self.move_card(c == Command::MoveNext),
            Command::Vote(up) => return self.vote(up),
            Command::Group => return self.group(),
            Command::Ungroup => return self.ungroup(),
            Command::SortByVotes => {
                // The selection stays on the same card in the new order.
                let selected = self.selected_item().cloned();
                self.by_votes = !self.by_votes;
                if let Some(item) = selected {
                    self.select_item(&item);
                }
            }
            Command::Projector => self.projector = !self.projector,
            Command::Blank => self.blank = true,
            Command::Agenda => self.mode = Mode::Agenda(idx),
            Command::Info => self.mode = Mode::Info,
            Command::Help => self.mode = Mode::Help,
            Command::Back | Command::ScrollUp | Command::ScrollDown => self.mode = Mode::Normal,
            Command::Quit => return self.quit(None),
        }
        Vec::new()
    }

    /// Moves the room to step `to`; a running clock hands over to the new step.
    fn goto(&mut self, to: usize) -> Vec<Effect> {
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
            effects.push(self.clock_change(&here, state.clock.paused(self.now)));
            if let Some(next_state) = self.session.state(&next_id) {
                effects.push(self.clock_change(&next_id, next_state.clock.toggled(self.now)));
            }
        }
        effects.push(Effect::Commit {
            change: Change::Goto { step: next_id },
            undoable: false,
        });
        effects
    }

    /// The rebalanced plan on offer: only while the current step is over its
    /// time and the offer has not been declined.
    pub fn proposal(&self) -> Vec<(String, u32)> {
        let step = &self.step().id;
        let over = self
            .session
            .state(step)
            .is_some_and(|s| s.clock.state(self.now) == crate::session::ClockState::Over);
        if !over || self.plan_ignored.as_ref() == Some(step) {
            return Vec::new();
        }
        self.session.rebalance(&self.workshop, self.now)
    }

    fn accept_plan(&mut self) -> Vec<Effect> {
        self.proposal()
            .into_iter()
            .filter_map(|(step, planned)| {
                let clock = self.session.state(&step)?.clock.with_planned(planned);
                Some(self.clock_change(&step, clock))
            })
            .collect()
    }

    fn clock_change(&self, step: &str, clock: crate::session::StepClock) -> Effect {
        Effect::Commit {
            change: Change::Clock {
                step: step.to_string(),
                clock,
            },
            undoable: false,
        }
    }

    fn clock(
        &mut self,
        f: impl Fn(&crate::session::StepClock, Millis) -> crate::session::StepClock,
    ) -> Vec<Effect> {
        let step = self.step().id.clone();
        match self.session.state(&step) {
            Some(state) => vec![self.clock_change(&step, f(&state.clock, self.now))],
            None => Vec::new(),
        }
    }

    fn move_area(&mut self, forward: bool) {
        let n = self.area_count();
        if n == 0 {
            if let StepKind::Model(m) = &self.step().kind {
                // Tab on the model jumps to the first advice of the next phase.
                let row = self.cursor().row;
                let mut start = 0;
                let starts: Vec<usize> = m
                    .phases
                    .iter()
                    .map(|p| {
                        let s = start;
                        start += p.advice.len();
                        s
                    })
                    .collect();
                let phase = starts.iter().rposition(|s| *s <= row).unwrap_or(0);
                let k = starts.len().max(1);
                let to = if forward {
                    (phase + 1) % k
                } else {
                    (phase + k - 1) % k
                };
                self.set_cursor(Cursor {
                    area: 0,
                    row: starts.get(to).copied().unwrap_or(0),
                });
            }
            return;
        }
        let c = self.cursor();
        let area = if forward {
            (c.area + 1) % n
        } else {
            (c.area + n - 1) % n
        };
        self.set_cursor(Cursor { area, row: 0 });
    }

    fn move_row(&mut self, down: bool) {
        let n = match &self.step().kind {
            StepKind::Model(m) => m.advice().count(),
            _ => self
                .instrument_rows()
                .unwrap_or_else(|| self.items_in(self.focus()).len()),
        };
        let c = self.cursor();
        let row = c.row.min(n.saturating_sub(1));
        let row = if down {
            (row + 1).min(n.saturating_sub(1))
        } else {
            row.saturating_sub(1)
        };
        self.set_cursor(Cursor { row, ..c });
    }

    fn open_new(&mut self) {
        let step = self.step().id.clone();
        let (target, fields) = match (self.focus(), &self.step().kind) {
            (Focus::Situation(_), _) => return self.open_edit(),
            (Focus::Area(i), _) => (
                Target::New {
                    area: self.area_id(i).unwrap_or_default(),
                },
                1,
            ),
            (Focus::List, StepKind::Decisions) => (
                Target::New {
                    area: String::new(),
                },
                3,
            ),
            (Focus::List, _) => (
                Target::New {
                    area: String::new(),
                },
                1,
            ),
            (Focus::None, _) => return,
        };
        self.mode = Mode::Editing(Box::new(Editor::new(
            &step,
            target,
            &vec![String::new(); fields],
        )));
    }

    fn open_edit(&mut self) {
        let step = self.step().id.clone();
        if let (Focus::Situation(i), StepKind::Board { board, .. }) =
            (self.focus(), &self.step().kind)
        {
            let Some(situation) = board.situations.get(i) else {
                return;
            };
            let id = situation.id.clone();
            let text = self
                .session
                .state(&step)
                .and_then(|s| s.situations.get(&id))
                .cloned()
                .unwrap_or_default();
            self.mode = Mode::Editing(Box::new(Editor::new(
                &step,
                Target::Situation { id },
                &[text],
            )));
            return;
        }
        let Some(item) = self.selected_item().cloned() else {
            return;
        };
        let values = if matches!(self.step().kind, StepKind::Decisions) {
            vec![item.text, item.who, item.when]
        } else {
            vec![item.text]
        };
        self.mode = Mode::Editing(Box::new(Editor::new(
            &step,
            Target::Edit { id: item.id },
            &values,
        )));
    }

    /// The instruments offered by the advice at `index` of the current model.
    pub fn offered(&self, index: usize) -> Vec<&crate::content::Content> {
        let StepKind::Model(m) = &self.step().kind else {
            return Vec::new();
        };
        let Some(number) = m.advice().nth(index).map(|a| a.number) else {
            return Vec::new();
        };
        self.instruments
            .iter()
            .filter(|c| c.advice() == Some(number))
            .collect()
    }

    /// Runs instrument `n` (1-based) of the advice at `index`: the step that
    /// already runs it, or a new step right after this one.
    fn run_instrument(&mut self, index: usize, n: u8) -> Vec<Effect> {
        let Some(content) = self
            .offered(index)
            .get(usize::from(n).wrapping_sub(1))
            .copied()
        else {
            self.mode = Mode::Advice { index, scroll: 0 };
            return Vec::new();
        };
        let id = content.id().to_string();
        self.set_cursor(Cursor {
            area: 0,
            row: index,
        });
        self.mode = Mode::Normal;
        let existing = self
            .workshop
            .steps
            .iter()
            .position(|s| s.kind.content_id() == Some(id.as_str()));
        if let Some(i) = existing {
            return self.goto(i);
        }
        let extra = crate::session::Extra {
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

    fn set(&self, key: String, value: Option<crate::session::Value>) -> Vec<Effect> {
        vec![Effect::Commit {
            change: Change::Set {
                step: self.step().id.clone(),
                key,
                value,
            },
            undoable: true,
        }]
    }

    /// A digit on an instrument: a score or a vote on a scale, a position on a
    /// slider.
    fn digit(&mut self, n: u8) -> Vec<Effect> {
        let step = self.step().id.clone();
        let (row, area) = (self.row(), self.area());
        match &self.step().kind {
            StepKind::Scale(s) => {
                let Some(item) = s.items.get(row) else {
                    return Vec::new();
                };
                let current = self.session.value(&step, &item.id);
                scale::digit(&step, s, &item.id, current, n)
                    .map(|change| {
                        vec![Effect::Commit {
                            change,
                            undoable: true,
                        }]
                    })
                    .unwrap_or_default()
            }
            StepKind::Slider(s) if (1..=5).contains(&n) => match s.items.get(row) {
                Some(d) => self.set(
                    slider::key(&d.id, area == 1),
                    Some(crate::session::Value::Number(i64::from(n))),
                ),
                None => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    fn clear_value(&mut self) -> Vec<Effect> {
        let (row, area) = (self.row(), self.area());
        let key = match &self.step().kind {
            StepKind::Scale(s) => s.items.get(row).map(|i| i.id.clone()),
            StepKind::Slider(s) => s.items.get(row).map(|d| slider::key(&d.id, area == 1)),
            StepKind::Split(_) => Some(split::key(area)),
            StepKind::Stages(st) => st.stages.get(row).map(|x| x.id.clone()),
            StepKind::Canvas(c) => c.fields.get(row).map(|f| f.id.clone()),
            _ => None,
        };
        match key {
            Some(key) if self.session.value(&self.step().id, &key).is_some() => self.set(key, None),
            _ => Vec::new(),
        }
    }

    /// The form for a value in words: a scale item's note, a split percentage.
    fn open_value(&mut self) {
        let step = self.step().id.clone();
        let (row, area) = (self.row(), self.area());
        let (key, text) = match &self.step().kind {
            StepKind::Scale(s) => {
                let Some(item) = s.items.get(row) else { return };
                let key = scale::note_key(&item.id);
                let text = self
                    .session
                    .value(&step, &key)
                    .map(|v| v.text().to_string());
                (key, text.unwrap_or_default())
            }
            // A percentage is typed afresh; the bar shows the current one.
            StepKind::Split(_) => (split::key(area), String::new()),
            StepKind::Stages(st) => {
                let Some(stage) = st.stages.get(row) else {
                    return;
                };
                let key = scale::note_key(&stage.id);
                let text = self
                    .session
                    .value(&step, &key)
                    .map(|v| v.text().to_string());
                (key, text.unwrap_or_default())
            }
            StepKind::Canvas(c) => {
                let Some(field) = c.fields.get(row) else {
                    return;
                };
                let text = self
                    .session
                    .value(&step, &field.id)
                    .map(|v| v.text().to_string());
                (field.id.clone(), text.unwrap_or_default())
            }
            _ => return,
        };
        self.mode = Mode::Editing(Box::new(Editor::new(&step, Target::Value { key }, &[text])));
    }

    /// The change a typed value makes, or why it cannot be taken.
    fn value_change(&self, step: &str, key: &str, text: &str) -> Result<Change, String> {
        let value = match &self.step().kind {
            StepKind::Split(s) => {
                let percent = split::parse_percent(text)
                    .ok_or_else(|| format!("{text:?}: {}", self.words().percent_expected))?;
                let current = self
                    .session
                    .value(step, key)
                    .map(|v| v.numbers().to_vec())
                    .unwrap_or_default();
                Some(crate::session::Value::Numbers(split::set(
                    s,
                    &current,
                    self.row(),
                    percent,
                )))
            }
            _ if text.is_empty() => None,
            _ => Some(crate::session::Value::Text(text.to_string())),
        };
        Ok(Change::Set {
            step: step.to_string(),
            key: key.to_string(),
            value,
        })
    }

    fn delete(&mut self) -> Vec<Effect> {
        let Some(item) = self.selected_item() else {
            return Vec::new();
        };
        let change = Change::Remove {
            step: self.step().id.clone(),
            id: item.id,
        };
        vec![Effect::Commit {
            change,
            undoable: true,
        }]
    }

    fn undo(&mut self) -> Vec<Effect> {
        match self.undo.pop() {
            Some(change) => {
                if let Some(i) = self
                    .workshop
                    .steps
                    .iter()
                    .position(|s| s.id == change.step())
                    && i != self.step_index()
                {
                    // Undo where it happens, so the room sees it.
                    let mut effects = self.goto(i);
                    effects.push(Effect::Commit {
                        change,
                        undoable: false,
                    });
                    return effects;
                }
                vec![Effect::Commit {
                    change,
                    undoable: false,
                }]
            }
            None => {
                self.say(self.words().nothing_to_undo, false);
                Vec::new()
            }
        }
    }

    fn move_card(&mut self, forward: bool) -> Vec<Effect> {
        let (StepKind::Board { board, .. }, Focus::Area(i)) = (&self.step().kind, self.focus())
        else {
            return Vec::new();
        };
        let n = board.areas.len();
        let to = if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        };
        let (Some(item), Some(area)) = (self.selected_item(), board.areas.get(to)) else {
            return Vec::new();
        };
        self.put(Item {
            area: area.id.clone(),
            ..item.clone()
        })
    }

    /// An undoable write of `item` on the current step.
    fn put(&self, item: Item) -> Vec<Effect> {
        vec![Effect::Commit {
            change: Change::Put {
                step: self.step().id.clone(),
                item,
            },
            undoable: true,
        }]
    }

    /// Stops at once (a signal, the terminal closing): what is being typed is
    /// kept as a draft.
    pub fn shutdown(&mut self) -> Vec<Effect> {
        match std::mem::replace(&mut self.mode, Mode::Normal) {
            Mode::Editing(ed) | Mode::ConfirmQuit(ed) => self.quit(Some(ed)),
            _ => self.quit(None),
        }
    }

    /// Quits; text being typed is kept as a draft for the next resume.
    /// `x`: pick the selected card up, or put the picked card's whole group
    /// into the selected card's group (in the selected card's area).
    fn group(&mut self) -> Vec<Effect> {
        let Some(target) = self.selected_item().cloned() else {
            return Vec::new();
        };
        let step = self.step().id.clone();
        let picked = self
            .picked
            .take()
            .and_then(|id| self.session.find(&step, id).cloned());
        let Some(picked) = picked.filter(|p| p.head() != target.head()) else {
            self.picked = Some(target.id);
            self.say(self.words().picked, false);
            return Vec::new();
        };
        let head = target.head();
        let items = &self
            .session
            .state(&step)
            .map(|s| s.items.clone())
            .unwrap_or_default();
        let mut changes: Vec<Change> = items
            .iter()
            .filter(|i| i.head() == picked.head() || (i.id == target.id && target.group == 0))
            .map(|i| Change::Put {
                step: step.clone(),
                item: Item {
                    group: head,
                    area: target.area.clone(),
                    ..i.clone()
                },
            })
            .collect();
        changes.sort_by_key(|c| match c {
            Change::Put { item, .. } => item.id,
            _ => 0,
        });
        vec![Effect::Commit {
            change: Change::Batch { changes },
            undoable: true,
        }]
    }

    /// `X`: the selected card stands alone again; if it headed a group, the
    /// next card leads it.
    fn ungroup(&mut self) -> Vec<Effect> {
        let Some(card) = self.selected_item().cloned().filter(|c| c.group != 0) else {
            return Vec::new();
        };
        let step = self.step().id.clone();
        let items = self
            .session
            .state(&step)
            .map(|s| s.items.clone())
            .unwrap_or_default();
        let rest: Vec<&Item> = items
            .iter()
            .filter(|i| i.group == card.group && i.id != card.id)
            .collect();
        let mut changes = vec![Change::Put {
            step: step.clone(),
            item: Item {
                group: 0,
                ..card.clone()
            },
        }];
        let new_head = rest.iter().map(|i| i.id).min().unwrap_or(0);
        let new_group = if rest.len() > 1 { new_head } else { 0 };
        if card.group == card.id || rest.len() == 1 {
            changes.extend(rest.iter().map(|i| Change::Put {
                step: step.clone(),
                item: Item {
                    group: new_group,
                    ..(*i).clone()
                },
            }));
        }
        vec![Effect::Commit {
            change: Change::Batch { changes },
            undoable: true,
        }]
    }

    fn vote(&mut self, up: bool) -> Vec<Effect> {
        if let StepKind::Stages(st) = &self.step().kind {
            let Some(stage) = st.stages.get(self.row()) else {
                return Vec::new();
            };
            let now = self
                .session
                .value(&self.step().id, &stage.id)
                .and_then(|v| v.number())
                .unwrap_or(0);
            let next = if up { now + 1 } else { (now - 1).max(0) };
            let value = (next > 0).then_some(crate::session::Value::Number(next));
            return if next == now {
                Vec::new()
            } else {
                self.set(stage.id.clone(), value)
            };
        }
        let Some(item) = self.selected_item() else {
            return Vec::new();
        };
        let votes = if up {
            item.votes + 1
        } else {
            item.votes.saturating_sub(1)
        };
        if votes == item.votes {
            return Vec::new();
        }
        self.put(Item {
            votes,
            ..item.clone()
        })
    }

    fn quit(&mut self, editor: Option<Box<Editor>>) -> Vec<Effect> {
        vec![self.live_effect(editor.as_deref()), Effect::Quit]
    }

    fn live(&self, editor: Option<&Editor>) -> Live {
        Live {
            seen: self.now,
            draft: editor.map(Editor::draft),
            view: self.view(),
        }
    }

    fn record_live(&mut self, live: Live, version: Option<u64>) -> Effect {
        self.live_saved = (self.now, version, live.view.clone());
        Effect::SaveLive(live)
    }

    fn live_effect(&mut self, editor: Option<&Editor>) -> Effect {
        let live = self.live(editor);
        self.record_live(live, editor.map(|e| e.version))
    }

    fn tick(&mut self) -> Vec<Effect> {
        let since = self.now.saturating_sub(self.live_saved.0);
        let clock_running = self.session.steps.values().any(|s| s.clock.running());
        let editor = match &self.mode {
            Mode::Editing(ed) | Mode::ConfirmQuit(ed) => Some(ed),
            _ => None,
        };
        let draft_changed = editor.is_some_and(|ed| self.live_saved.1 != Some(ed.version));
        if !(draft_changed && since >= DRAFT_SAVE_MS || clock_running && since >= CLOCK_SAVE_MS) {
            return Vec::new();
        }
        let (live, version) = (
            self.live(editor.map(|e| e.as_ref())),
            editor.map(|e| e.version),
        );
        vec![self.record_live(live, version)]
    }
}
