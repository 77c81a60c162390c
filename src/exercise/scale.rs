//! The scale: each item gets the group's agreed score, or a count of the
//! room's votes for each value, and a note. The spread (not only the mean) is
//! what the room discusses.

mod view;

use std::sync::Arc;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::answers::{Score, Spread, spread};
use super::{Block, Cx, Exercise, Reply, note_form, note_key, note_target};
use crate::app::{Action, App, Editor};
use crate::content::{Scale, Step};
use crate::i18n::Words;
use crate::keymap::{self, Binding, DIGITS, Table, bind, c, k};
use crate::session::{Cursor, StepState, Target, Value};
use crate::ui::Theme;

use crossterm::event::KeyCode as K;

const NOTE: Binding = bind(
    &[k(K::Enter), c('e')],
    Action::Open,
    true,
    "skriv en note",
    "write a note",
);

/// A scale the group agrees one score on.
pub const KEYS: Table = &[
    keymap::UP,
    keymap::DOWN,
    bind(DIGITS, Action::SetValue(0), true, "giv point", "score"),
    keymap::CLEAR,
    NOTE,
];

/// A scale the room votes on, one vote per key.
pub const KEYS_VOTES: Table = &[
    keymap::UP,
    keymap::DOWN,
    bind(
        DIGITS,
        Action::SetValue(0),
        true,
        "en stemme mere",
        "one vote more",
    ),
    keymap::CLEAR,
    NOTE,
];

pub struct Scores {
    scale: Arc<Scale>,
    row: usize,
}

impl Scores {
    pub fn new(scale: Arc<Scale>) -> Self {
        Scores { scale, row: 0 }
    }

    pub fn row(&self) -> usize {
        self.row.min(self.scale.items.len().saturating_sub(1))
    }

    /// The value a digit gives `item`: the agreed score, or one vote more.
    fn digit(&self, current: Option<&Value>, n: u8) -> Option<Value> {
        let scale = &self.scale;
        if !(scale.min..=scale.max).contains(&n) {
            return None;
        }
        Some(if scale.votes {
            let mut counts = current.map(|v| v.numbers().to_vec()).unwrap_or_default();
            counts.resize(usize::from(scale.max - scale.min + 1), 0);
            counts[usize::from(n - scale.min)] += 1;
            Value::Numbers(counts)
        } else {
            Value::Number(i64::from(n))
        })
    }
}

/// The spread of the agreed scores across all items (score mode).
pub fn scores_spread(scale: &Scale, score: impl Fn(&str) -> Option<i64>) -> Option<Spread> {
    let mut counts = vec![0; usize::from(scale.max - scale.min + 1)];
    for item in &scale.items {
        if let Some(s) = score(&item.id)
            && let Some(c) = counts.get_mut((s - i64::from(scale.min)) as usize)
        {
            *c += 1;
        }
    }
    spread(&counts, scale.min)
}

impl Exercise for Scores {
    fn keys(&self) -> Table {
        if self.scale.votes { KEYS_VOTES } else { KEYS }
    }

    fn act(&mut self, action: Action, cx: &Cx) -> Reply {
        let Some(item) = self.scale.items.get(self.row()) else {
            return Reply::Nothing;
        };
        match action {
            Action::Up => self.row = self.row().saturating_sub(1),
            Action::Down => self.row = (self.row() + 1).min(self.scale.items.len() - 1),
            Action::SetValue(n) => {
                return self
                    .digit(cx.value(&item.id), n)
                    .map(|v| cx.set(&item.id, Some(v)))
                    .into();
            }
            Action::ClearValue if cx.value(&item.id).is_some() => {
                return Reply::Commit(cx.set(&item.id, None));
            }
            Action::Open => {
                let (target, values) = note_target(cx, &item.id);
                return Reply::Form(self.form(target, values, cx));
            }
            _ => {}
        }
        Reply::Nothing
    }

    fn form(&mut self, target: Target, values: Vec<String>, cx: &Cx) -> Editor {
        self.row = self.row();
        let rows = self
            .scale
            .items
            .iter()
            .map(|i| (i.id.as_str(), i.title.as_str()));
        note_form(target, values, cx, rows, &mut self.row)
    }

    fn materials(&self, _step: &Step) -> Vec<String> {
        let s = &self.scale;
        s.items
            .iter()
            .map(|i| format!("{} ({}–{})", i.title, s.min, s.max))
            .collect()
    }

    fn cursor(&self) -> Cursor {
        Cursor::at_row(self.row())
    }

    fn follow(&mut self, cursor: &Cursor) {
        self.row = cursor.row;
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
        view::draw(frame, area, app, &self.scale, self.row(), theme);
    }

    fn answers(&self, state: &StepState, _words: &Words) -> Vec<Block> {
        let scale = &self.scale;
        let value = |key: &str| state.values.get(key);
        let items = scale
            .items
            .iter()
            .map(|item| {
                let counts = value(&item.id)
                    .map(|v| v.numbers().to_vec())
                    .unwrap_or_default();
                Score {
                    id: item.id.clone(),
                    title: item.title.clone(),
                    score: value(&item.id).and_then(Value::number),
                    spread: spread(&counts, scale.min),
                    counts,
                    note: value(&note_key(&item.id)).map(|v| v.text().to_string()),
                }
            })
            .collect();
        vec![Block::Scores {
            min: scale.min,
            max: scale.max,
            low: scale.low.clone(),
            high: scale.high.clone(),
            votes: scale.votes,
            items,
            spread: (!scale.votes)
                .then(|| scores_spread(scale, |id| value(id).and_then(Value::number)))
                .flatten(),
        }]
    }
}
