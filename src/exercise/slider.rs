//! Dilemmas: for each, where the group stands between the two poles (1–5)
//! and, if asked, where it wants to be. Stored under the dilemma's id as
//! `{ now = 2, want = 5 }`.

mod view;

use std::sync::Arc;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::answers::Position;
use super::{Block, Cx, Exercise, Reply};
use crate::app::{Action, App};
use crate::content::{Slider, Step};
use crate::i18n::Words;
use crate::keymap::{self, DIGITS, Table, bind, k};
use crate::session::{Cursor, StepState, Value};
use crate::ui::Theme;

use crossterm::event::KeyCode as K;

const NOW: &str = "now";
const WANT: &str = "want";

/// Dilemmas with where we are only.
pub const KEYS: Table = &[
    keymap::UP,
    keymap::DOWN,
    bind(
        DIGITS,
        Action::SetValue(0),
        true,
        "sæt positionen",
        "set the position",
    ),
    keymap::CLEAR,
];

/// Dilemmas with where we are and where we want to be.
pub const KEYS_WANT: Table = &[
    keymap::UP,
    keymap::DOWN,
    bind(
        &[k(K::Tab), k(K::BackTab)],
        Action::ToggleWant,
        true,
        "nu / ønsket",
        "now / wanted",
    ),
    bind(
        DIGITS,
        Action::SetValue(0),
        true,
        "sæt positionen",
        "set the position",
    ),
    keymap::CLEAR,
];

pub struct Positions {
    slider: Arc<Slider>,
    row: usize,
    /// Setting where we want to be, rather than where we are.
    want: bool,
}

impl Positions {
    pub fn new(slider: Arc<Slider>) -> Self {
        Positions {
            slider,
            row: 0,
            want: false,
        }
    }

    pub fn row(&self) -> usize {
        self.row.min(self.slider.items.len().saturating_sub(1))
    }

    pub fn wanting(&self) -> bool {
        self.want && self.slider.want
    }

    fn field(&self) -> &'static str {
        if self.wanting() { WANT } else { NOW }
    }
}

impl Exercise for Positions {
    fn keys(&self) -> Table {
        if self.slider.want { KEYS_WANT } else { KEYS }
    }

    fn act(&mut self, action: Action, cx: &Cx) -> Reply {
        let Some(d) = self.slider.items.get(self.row()) else {
            return Reply::Nothing;
        };
        let mut table = cx.value(&d.id).map(Value::table).unwrap_or_default();
        match action {
            Action::Up => self.row = self.row().saturating_sub(1),
            Action::Down => self.row = (self.row() + 1).min(self.slider.items.len() - 1),
            Action::ToggleWant => self.want = !self.want,
            Action::SetValue(n) if (1..=5).contains(&n) => {
                table.insert(self.field().to_string(), i64::from(n));
                return Reply::Commit(cx.set(&d.id, Some(Value::Table(table))));
            }
            Action::ClearValue if table.remove(self.field()).is_some() => {
                let value = (!table.is_empty()).then_some(Value::Table(table));
                return Reply::Commit(cx.set(&d.id, value));
            }
            _ => {}
        }
        Reply::Nothing
    }

    /// Today's keys: `id = 2` and `"id/want" = 5` become `id = { now = 2, want = 5 }`.
    fn upgrade(&self, state: &mut StepState) {
        for d in &self.slider.items {
            let want_key = format!("{}/want", d.id);
            let old_want = state.values.remove(&want_key).and_then(|v| v.number());
            let table = match state.values.get(&d.id) {
                Some(Value::Table(_)) => continue,
                Some(Value::Number(now)) => Some((*now, old_want)),
                _ => None,
            };
            let mut t = std::collections::BTreeMap::new();
            match (table, old_want) {
                (Some((now, want)), _) => {
                    t.insert(NOW.to_string(), now);
                    if let Some(w) = want {
                        t.insert(WANT.to_string(), w);
                    }
                }
                (None, Some(w)) => {
                    t.insert(WANT.to_string(), w);
                }
                (None, None) => continue,
            }
            state.values.insert(d.id.clone(), Value::Table(t));
        }
    }

    fn materials(&self, _step: &Step) -> Vec<String> {
        self.slider
            .items
            .iter()
            .map(|d| format!("{} ↔ {}", d.left, d.right))
            .collect()
    }

    fn cursor(&self) -> Cursor {
        Cursor::at_row(self.row())
    }

    fn follow(&mut self, cursor: &Cursor) {
        self.row = cursor.row;
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
        view::draw(frame, area, app, self, &self.slider, theme);
    }

    fn answers(&self, state: &StepState, _words: &Words) -> Vec<Block> {
        let items = self
            .slider
            .items
            .iter()
            .map(|d| {
                let v = state.values.get(&d.id);
                Position {
                    id: d.id.clone(),
                    question: d.question.clone(),
                    left: d.left.clone(),
                    right: d.right.clone(),
                    now: v.and_then(|v| v.get(NOW)),
                    want: v.and_then(|v| v.get(WANT)),
                }
            })
            .collect();
        vec![Block::Positions {
            want: self.slider.want,
            items,
        }]
    }
}

/// Where dilemma `id` stands: (now, want).
pub fn position(state: Option<&StepState>, id: &str) -> (Option<i64>, Option<i64>) {
    let v = state.and_then(|s| s.values.get(id));
    (v.and_then(|v| v.get(NOW)), v.and_then(|v| v.get(WANT)))
}
