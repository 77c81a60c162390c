//! Stages: an ordered curve or ladder where the group places people (one mark
//! at a time), with what the leader does at each stage and a note.

mod view;

use std::sync::Arc;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::answers::StageMarks;
use super::{Block, Cx, Exercise, Reply, note_form, note_key, note_target};
use crate::app::{Action, App, Editor};
use crate::content::{Stages, Step};
use crate::i18n::Words;
use crate::keymap::{self, Table, bind, c, k};
use crate::session::{Cursor, StepState, Target, Value};
use crate::ui::Theme;

use crossterm::event::KeyCode as K;

/// Enter writes a note on the stage (or point).
const NOTE: keymap::Binding = bind(
    &[k(K::Enter), c('e')],
    Action::Open,
    true,
    "skriv en note",
    "write a note",
);

pub const KEYS: Table = &[
    keymap::UP,
    keymap::DOWN,
    bind(
        &[c('v')],
        Action::Vote(true),
        true,
        "en markering mere",
        "one more mark",
    ),
    bind(
        &[c('V')],
        Action::Vote(false),
        false,
        "en markering mindre",
        "one mark less",
    ),
    NOTE,
    bind(
        &[c('0'), k(K::Backspace)],
        Action::ClearValue,
        false,
        "ryd markeringerne",
        "clear the marks",
    ),
];

/// A case gone through point by point: notes, no marks.
pub const NOTE_KEYS: Table = &[keymap::UP, keymap::DOWN, NOTE];

pub struct Marks {
    stages: Arc<Stages>,
    row: usize,
}

impl Marks {
    pub fn new(stages: Arc<Stages>) -> Self {
        Marks { stages, row: 0 }
    }

    pub fn row(&self) -> usize {
        self.row.min(self.stages.stages.len().saturating_sub(1))
    }
}

impl Exercise for Marks {
    fn keys(&self) -> Table {
        if self.stages.marks { KEYS } else { NOTE_KEYS }
    }

    fn act(&mut self, action: Action, cx: &Cx) -> Reply {
        let Some(stage) = self.stages.stages.get(self.row()) else {
            return Reply::Nothing;
        };
        let marks = cx.value(&stage.id).and_then(Value::number).unwrap_or(0);
        match action {
            Action::Up => self.row = self.row().saturating_sub(1),
            Action::Down => self.row = (self.row() + 1).min(self.stages.stages.len() - 1),
            Action::Vote(_) | Action::ClearValue if !self.stages.marks => {}
            Action::Vote(up) => {
                let next = if up { marks + 1 } else { (marks - 1).max(0) };
                if next != marks {
                    let value = (next > 0).then_some(Value::Number(next));
                    return Reply::Commit(cx.set(&stage.id, value));
                }
            }
            Action::ClearValue if marks > 0 => return Reply::Commit(cx.set(&stage.id, None)),
            Action::Open => {
                let (target, values) = note_target(cx, &stage.id);
                return Reply::Form(self.form(target, values, cx));
            }
            _ => {}
        }
        Reply::Nothing
    }

    fn form(&mut self, target: Target, values: Vec<String>, cx: &Cx) -> Editor {
        self.row = self.row();
        let rows = self
            .stages
            .stages
            .iter()
            .map(|s| (s.id.as_str(), s.title.as_str()));
        note_form(target, values, cx, rows, &mut self.row)
    }

    fn materials(&self, _step: &Step) -> Vec<String> {
        self.stages
            .stages
            .iter()
            .map(|st| st.title.clone())
            .collect()
    }

    fn cursor(&self) -> Cursor {
        Cursor::at_row(self.row())
    }

    fn follow(&mut self, cursor: &Cursor) {
        self.row = cursor.row;
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
        view::draw(frame, area, app, &self.stages, self.row(), theme);
    }

    fn answers(&self, state: &StepState, _words: &Words) -> Vec<Block> {
        let stages = self
            .stages
            .stages
            .iter()
            .map(|s| StageMarks {
                id: s.id.clone(),
                title: s.title.clone(),
                marks: self
                    .stages
                    .marks
                    .then(|| state.values.get(&s.id).and_then(Value::number).unwrap_or(0)),
                note: state
                    .values
                    .get(&note_key(&s.id))
                    .map(|v| v.text().to_string()),
            })
            .collect();
        vec![Block::Stages { stages }]
    }
}
