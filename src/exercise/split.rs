//! The split: per unit, percentages over categories. What the facilitator
//! types is what the room agreed, and it stays as typed; the categories not
//! set yet share the rest (see `share`), and a total off 100 % is shown as it
//! is, never corrected. Stored under the unit's id as
//! `{ category-id = per cent, … }`, the agreed categories only.

mod share;
mod view;

use std::collections::BTreeMap;
use std::sync::Arc;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::answers::{Label, UnitSplit};
use super::{Block, Cx, Exercise, Reply};
use crate::app::{Action, App, Editor, Note};
use crate::content::{Split, Step};
use crate::i18n::Words;
use crate::keymap::{self, Key, Table, bind, c, k};
use crate::session::{Change, StepState, Target, Value};
use crate::ui::Theme;

pub use share::{Share, parse_percent, shares, total};

use crossterm::event::KeyCode as K;

/// Any digit starts the percentage, so "4", "0", Enter agrees 40 %.
const DIGITS: &[Key] = &[
    c('0'),
    c('1'),
    c('2'),
    c('3'),
    c('4'),
    c('5'),
    c('6'),
    c('7'),
    c('8'),
    c('9'),
];

pub const KEYS: Table = &[
    bind(
        &[k(K::Tab)],
        Action::NextArea,
        true,
        "næste enhed",
        "next unit",
    ),
    bind(
        &[k(K::BackTab)],
        Action::PrevArea,
        false,
        "forrige enhed",
        "previous unit",
    ),
    keymap::UP,
    keymap::DOWN,
    bind(
        DIGITS,
        Action::SetValue(0),
        true,
        "skriv procent",
        "type per cent",
    ),
    bind(
        &[k(K::Enter), c('e')],
        Action::Open,
        false,
        "skriv procent",
        "type per cent",
    ),
    // Clearing gives the category back to the rest; `0` is a percentage here.
    bind(
        &[c('d'), k(K::Delete), k(K::Backspace)],
        Action::ClearValue,
        true,
        "ryd",
        "clear",
    ),
];

pub struct Shares {
    split: Arc<Split>,
    unit: usize,
    row: usize,
}

impl Shares {
    pub fn new(split: Arc<Split>) -> Self {
        Shares {
            split,
            unit: 0,
            row: 0,
        }
    }

    pub fn unit(&self) -> usize {
        self.unit.min(self.split.units.len().saturating_sub(1))
    }

    pub fn row(&self) -> usize {
        self.row.min(self.split.categories.len().saturating_sub(1))
    }

    /// The form's key for a unit's category: "unit/category".
    fn form_key(&self, unit: usize, row: usize) -> Option<String> {
        let u = self.split.units.get(unit)?;
        let c = self.split.categories.get(row)?;
        Some(format!("{}/{}", u.id, c.id))
    }

    /// The most category `row` may take, in per cent.
    fn max(&self, row: usize) -> i64 {
        self.split
            .categories
            .get(row)
            .map_or(100, |c| i64::from(c.max))
    }

    /// The form for the selected category, starting with `text`.
    fn type_percent(&mut self, text: String, cx: &Cx) -> Reply {
        match self.form_key(self.unit(), self.row()) {
            Some(key) => Reply::Form(self.form(Target::Value { key }, vec![text], cx)),
            None => Reply::Nothing,
        }
    }

    /// The selected category back to not set: it shares the rest again.
    fn clear(&self, cx: &Cx) -> Reply {
        let (Some(u), Some(c)) = (
            self.split.units.get(self.unit()),
            self.split.categories.get(self.row()),
        ) else {
            return Reply::Nothing;
        };
        let mut table = cx.value(&u.id).map(Value::table).unwrap_or_default();
        if table.remove(&c.id).is_none() {
            return Reply::Nothing;
        }
        let value = (!table.is_empty()).then_some(Value::Table(table));
        Reply::Commit(cx.set(&u.id, value))
    }
}

/// Per cent the room agreed per category, in the categories' order (`None`:
/// not set).
pub fn agreed(split: &Split, value: Option<&Value>) -> Vec<Option<i64>> {
    split
        .categories
        .iter()
        .map(|c| value.and_then(|v| v.get(&c.id)))
        .collect()
}

impl Exercise for Shares {
    fn keys(&self) -> Table {
        KEYS
    }

    fn act(&mut self, action: Action, cx: &Cx) -> Reply {
        let units = self.split.units.len().max(1);
        match action {
            Action::NextArea => self.unit = (self.unit() + 1) % units,
            Action::PrevArea => self.unit = (self.unit() + units - 1) % units,
            Action::Up => self.row = self.row().saturating_sub(1),
            Action::Down => {
                self.row = (self.row() + 1).min(self.split.categories.len().saturating_sub(1))
            }
            // A percentage is typed afresh; the screen shows the current one.
            Action::Open => return self.type_percent(String::new(), cx),
            Action::SetValue(d) => return self.type_percent(d.to_string(), cx),
            Action::ClearValue => return self.clear(cx),
            _ => {}
        }
        Reply::Nothing
    }

    fn form(&mut self, target: Target, values: Vec<String>, cx: &Cx) -> Editor {
        if let Target::Value { key } = &target {
            for u in 0..self.split.units.len() {
                for r in 0..self.split.categories.len() {
                    if self.form_key(u, r).as_ref() == Some(key) {
                        (self.unit, self.row) = (u, r);
                    }
                }
            }
        }
        let unit = self
            .split
            .units
            .get(self.unit())
            .map_or("", |u| u.title.as_str());
        let category = self
            .split
            .categories
            .get(self.row())
            .map_or("", |c| c.title.as_str());
        // The rule in the form itself: whole per cent, up to the category's max.
        let title = format!(
            "{unit} – {category} (0–{max} %)",
            max = self.max(self.row())
        );
        Editor::new(&cx.step.id, target, title, &values)
    }

    fn change(&self, ed: &Editor, cx: &Cx) -> Result<Option<Change>, Note> {
        let text = ed.value(0);
        let Target::Value { key } = &ed.target else {
            return Ok(None);
        };
        let Some((unit_id, cat_id)) = key.split_once('/') else {
            return Ok(None);
        };
        let Some(index) = self.split.categories.iter().position(|c| c.id == cat_id) else {
            return Ok(None);
        };
        let max = self.max(index);
        let Some(percent) = parse_percent(&text, max) else {
            return Err(Note::NotAPercent { text, max });
        };
        // Only this category changes: what the room agreed before stays.
        let mut table = cx.value(unit_id).map(Value::table).unwrap_or_default();
        table.insert(cat_id.to_string(), percent);
        Ok(Some(cx.set(unit_id, Some(Value::Table(table)))))
    }

    /// Today's keys: `unit-0 = [60, 15, 15, 10]` becomes
    /// `a = { effektiviser = 60, … }`, by the units' and categories' order.
    fn upgrade(&self, state: &mut StepState) {
        for (i, unit) in self.split.units.iter().enumerate() {
            let Some(old) = state.values.remove(&format!("unit-{i}")) else {
                continue;
            };
            if state.values.contains_key(&unit.id) {
                continue;
            }
            let table: BTreeMap<String, i64> = self
                .split
                .categories
                .iter()
                .zip(old.numbers())
                .map(|(c, p)| (c.id.clone(), *p))
                .collect();
            state.values.insert(unit.id.clone(), Value::Table(table));
        }
    }

    fn materials(&self, _step: &Step) -> Vec<String> {
        let s = &self.split;
        let categories: Vec<&str> = s.categories.iter().map(|c| c.title.as_str()).collect();
        s.units
            .iter()
            .map(|u| format!("{}: {} (100 %)", u.title, categories.join(", ")))
            .collect()
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
        view::draw(frame, area, app, self, &self.split, theme);
    }

    fn answers(&self, state: &StepState, _words: &Words) -> Vec<Block> {
        let categories = self
            .split
            .categories
            .iter()
            .map(|c| Label {
                id: c.id.clone(),
                title: c.title.clone(),
            })
            .collect();
        let units = self
            .split
            .units
            .iter()
            .map(|u| {
                let agreed = agreed(&self.split, state.values.get(&u.id));
                let shares = shares(&self.split, &agreed);
                UnitSplit {
                    id: u.id.clone(),
                    title: u.title.clone(),
                    rest: shares
                        .iter()
                        .map(|s| match s {
                            Share::Rest(p) => Some(*p),
                            _ => None,
                        })
                        .collect(),
                    total: total(&shares),
                    percents: agreed,
                }
            })
            .collect();
        vec![Block::Splits { categories, units }]
    }
}

#[cfg(test)]
mod tests {
    use super::share::tests::split;
    use super::*;

    #[test]
    fn old_positional_answers_move_to_the_ids() {
        let s = Shares::new(Arc::new(split([100; 4])));
        let mut state = StepState {
            clock: crate::session::StepClock::new(5),
            situations: BTreeMap::new(),
            items: Vec::new(),
            values: BTreeMap::from([("unit-0".into(), Value::Numbers(vec![40, 30, 20, 10]))]),
        };
        s.upgrade(&mut state);
        assert_eq!(state.values.len(), 1);
        assert_eq!(
            agreed(&s.split, state.values.get("a")),
            [Some(40), Some(30), Some(20), Some(10)]
        );
    }
}
