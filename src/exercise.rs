//! exercise: what a step does, one module per kind — its cursor, its keys, its
//! actions, its view and its answers as data for the report. `for_step` is the
//! one place a `StepKind` is mapped to its exercise; nothing outside `content/`
//! and this map matches on the kind.
//!
//! A trait object, not an enum: each kind keeps its own cursor type and its
//! own key table, and adding a kind is one new module plus one line in
//! `for_step`, without a new arm in a dozen matches. The few calls per key or
//! frame cost nothing next to drawing.
//!
//! An exercise never writes: it answers an action with a `Reply` (write this
//! change, open this form, say this), and the App carries it out.

pub mod answers;
mod board;
mod canvas;
mod cards;
mod info;
mod list;
mod model;
pub mod review;
mod scale;
mod slider;
mod split;
mod stages;

use std::collections::BTreeMap;

use ratatui::Frame;
use ratatui::layout::Rect;

pub use answers::{Block, StepAnswers};
pub use info::Info;

use crate::app::{Action, App, Editor, Note};
use crate::content::{Step, StepKind, Workshop};
use crate::i18n::Words;
use crate::keymap::Table;
use crate::session::{Change, Cursor, Millis, Session, StepState, Target, Value};
use crate::ui::Theme;

/// What an exercise may read when it acts: its step, what the step holds, the
/// words of the session's language.
pub struct Cx<'a> {
    pub step: &'a Step,
    pub state: Option<&'a StepState>,
    pub words: &'static Words,
    /// Board cards are shown most-voted first.
    pub by_votes: bool,
    /// The id a new card gets.
    pub next_id: u64,
}

impl Cx<'_> {
    pub fn value(&self, key: &str) -> Option<&Value> {
        self.state?.values.get(key)
    }

    /// A `Set` of `key` on this step (`None` clears it).
    pub fn set(&self, key: &str, value: Option<Value>) -> Change {
        Change::Set {
            step: self.step.id.clone(),
            key: key.to_string(),
            value,
        }
    }
}

/// What an exercise asks the App to do.
pub enum Reply {
    Nothing,
    /// Write this answer (undoable).
    Commit(Change),
    /// Open this form.
    Form(Editor),
    Say(Note),
    /// Run instrument `n` offered by advice `advice` of model `model`.
    RunInstrument {
        model: String,
        advice: u32,
        n: u8,
    },
}

impl From<Option<Change>> for Reply {
    fn from(change: Option<Change>) -> Self {
        change.map_or(Reply::Nothing, Reply::Commit)
    }
}

pub trait Exercise {
    /// Its keys now.
    fn keys(&self) -> Table;

    /// Every table its keys may come from (for the key table's own checks).
    fn tables(&self) -> Vec<Table> {
        vec![self.keys()]
    }

    /// Whether something of its own is open over the step (an advice): then
    /// only its keys apply.
    fn modal(&self) -> bool {
        false
    }

    /// Acts on an action meant for the step.
    fn act(&mut self, action: Action, cx: &Cx) -> Reply;

    /// Draws the step in `area`.
    fn draw(&self, frame: &mut Frame, area: Rect, app: &App, theme: &Theme);

    /// Draws what it has open over the whole screen (an advice).
    fn draw_over(&self, _frame: &mut Frame, _area: Rect, _app: &App, _theme: &Theme) {}

    /// What the step collected, as data.
    fn answers(&self, state: &StepState, words: &Words) -> Vec<Block>;

    /// The form for `target`, filled with `values` (a draft or the current
    /// text); the cursor goes to what it is for.
    fn form(&mut self, target: Target, values: Vec<String>, cx: &Cx) -> Editor {
        Editor::new(&cx.step.id, target, cx.words.note.to_string(), &values)
    }

    /// The change a saved form makes (`None`: nothing to write).
    fn change(&self, ed: &Editor, cx: &Cx) -> Result<Option<Change>, Note> {
        let text = ed.value(0);
        match &ed.target {
            Target::Value { key } => Ok(Some(cx.set(key, text_value(text)))),
            _ => Ok(None),
        }
    }

    /// A change of this step reached the disk: follow it with the cursor.
    fn committed(&mut self, _change: &Change, _cx: &Cx) {}

    /// The room moves to another step: drop what was half done (a picked card).
    fn leave(&mut self) {}

    /// Brings answers stored by an older version under today's keys.
    fn upgrade(&self, _state: &mut StepState) {}

    /// What the step puts in front of the room, for the facilitator's script:
    /// the parts of its model or instrument, the situations written ahead.
    fn materials(&self, _step: &Step) -> Vec<String> {
        Vec::new()
    }

    /// How far what it has open (an advice) can scroll on a `width`×`height`
    /// screen, if it has anything open that scrolls.
    fn scroll_limit(&self, _app: &App, _width: u16, _height: u16) -> Option<u16> {
        None
    }

    /// Keeps what it has open within `limit` lines of scrolling.
    fn clamp_scroll(&mut self, _limit: u16) {}

    /// Extra notes for the facilitator, under headings.
    fn notes(&self, _words: &Words) -> Vec<(&'static str, Vec<String>)> {
        Vec::new()
    }

    /// The part opened for the room (an advice, by index).
    fn opened(&self) -> Option<usize> {
        None
    }

    /// Opens part `index` (the room view mirrors the console).
    fn open(&mut self, _index: usize) {}

    /// Where its cursor is, for the room view to show the same part.
    fn cursor(&self) -> Cursor {
        Cursor::default()
    }

    /// Puts its cursor where the console's is (the room view follows it).
    fn follow(&mut self, _cursor: &Cursor) {}
}

/// Where the note on `id` (a scale item, a stage) is kept.
pub fn note_key(id: &str) -> String {
    format!("{id}/note")
}

/// What the form for the note on `id` is for, and the note so far.
pub fn note_target(cx: &Cx, id: &str) -> (Target, Vec<String>) {
    let key = note_key(id);
    let text = cx.value(&key).map(|v| v.text().to_string());
    (Target::Value { key }, vec![text.unwrap_or_default()])
}

/// The note form: "Note – title", on the row of `ids` the target is for
/// (returned, so a draft reopens where it was written).
pub fn note_form<'a>(
    target: Target,
    values: Vec<String>,
    cx: &Cx,
    rows: impl Iterator<Item = (&'a str, &'a str)>,
    row: &mut usize,
) -> Editor {
    let mut title = "";
    for (i, (id, t)) in rows.enumerate() {
        if matches!(&target, Target::Value { key } if *key == note_key(id)) {
            *row = i;
        }
        if i == *row {
            title = t;
        }
    }
    let title = format!("{} – {title}", cx.words.note);
    Editor::new(&cx.step.id, target, title, &values)
}

/// A typed text as a value: nothing when empty.
pub fn text_value(text: String) -> Option<Value> {
    (!text.is_empty()).then_some(Value::Text(text))
}

/// The kind map: the exercise that runs `step`.
pub fn for_step(step: &Step) -> Box<dyn Exercise> {
    match &step.kind {
        StepKind::Info => Box::new(Info::words()),
        StepKind::Break => Box::new(Info::pause()),
        StepKind::Model(m) => Box::new(model::ModelView::new(m.clone())),
        StepKind::Board { board, .. } => Box::new(board::Cards::new(board.clone())),
        StepKind::Discussion => Box::new(list::List::points()),
        // The review a session in a series opens with: a decisions step the
        // session added, with the last session's open actions on it.
        StepKind::Decisions if review::is_review(step) => Box::new(review::Review::default()),
        StepKind::Decisions => Box::new(list::List::actions()),
        StepKind::Scale(s) => Box::new(scale::Scores::new(s.clone())),
        StepKind::Slider(s) => Box::new(slider::Positions::new(s.clone())),
        StepKind::Split(s) => Box::new(split::Shares::new(s.clone())),
        StepKind::Stages(s) => Box::new(stages::Marks::new(s.clone())),
        StepKind::Canvas(c) => Box::new(canvas::Fields::new(c.clone())),
    }
}

/// An exercise for each step of `workshop`, by step id.
pub fn for_workshop(workshop: &Workshop) -> BTreeMap<String, Box<dyn Exercise>> {
    workshop
        .steps
        .iter()
        .map(|s| (s.id.clone(), for_step(s)))
        .collect()
}

/// The exercise of a step that is not in the workshop (never drawn in practice).
pub const NONE: &dyn Exercise = &Info::NONE;

/// What every step of `session` collected, with its planned and used time,
/// in the workshop's order (the steps the session added included).
pub fn session_answers(workshop: &Workshop, session: &Session, now: Millis) -> Vec<StepAnswers> {
    let words = crate::i18n::words(&workshop.lang);
    workshop
        .steps
        .iter()
        .map(|step| {
            let ex = for_step(step);
            let state = session.state(&step.id).cloned().map(|mut s| {
                ex.upgrade(&mut s);
                s
            });
            StepAnswers {
                id: step.id.clone(),
                title: step.title.clone(),
                kind: if review::is_review(step) {
                    "review"
                } else {
                    step.kind.name()
                },
                planned_minutes: state
                    .as_ref()
                    .map_or(step.minutes, |s| s.clock.planned_s / 60),
                used_ms: state.as_ref().map_or(0, |s| s.clock.used_ms(now)),
                blocks: state
                    .as_ref()
                    .map(|s| ex.answers(s, words))
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// Every decision in `steps` (the actions a decisions step took down, not
/// the review's actions from last time), with the step it was made in.
pub fn decisions(
    steps: &[StepAnswers],
) -> impl Iterator<Item = (&StepAnswers, &answers::ActionItem)> {
    steps.iter().flat_map(|s| {
        s.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Actions { actions } => Some(actions),
                _ => None,
            })
            .flatten()
            .map(move |a| (s, a))
    })
}
