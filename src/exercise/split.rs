//! The split: per unit, percentages over categories that always add up to
//! 100 %. Setting one category moves the others in proportion. Stored under
//! the unit's id as `{ category-id = per cent, … }`.

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
use crate::keymap::{self, Table, bind, c, k};
use crate::session::{Change, StepState, Target, Value};
use crate::ui::Theme;

use crossterm::event::KeyCode as K;

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
        &[k(K::Enter), c('e')],
        Action::Open,
        true,
        "skriv procent",
        "type per cent",
    ),
    bind(
        &[c('0'), k(K::Backspace)],
        Action::ClearValue,
        true,
        "ryd enheden",
        "clear the unit",
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
}

/// Per cent per category, in the categories' order (`None`: not set).
pub fn percents(split: &Split, value: Option<&Value>) -> Vec<Option<i64>> {
    split
        .categories
        .iter()
        .map(|c| value.and_then(|v| v.get(&c.id)))
        .collect()
}

/// `current` with category `index` set to `value` (rounded to the step and
/// within its max) and the others moved in proportion so the total is 100.
/// Starting from nothing, the rest is shared evenly.
pub fn set(split: &Split, current: &[i64], index: usize, value: i64) -> Vec<i64> {
    let n = split.categories.len();
    let step = i64::from(split.step.max(1));
    let max: Vec<i64> = split.categories.iter().map(|c| i64::from(c.max)).collect();
    let mut out = vec![0i64; n];
    let v = ((value + step / 2) / step * step).clamp(0, max[index].min(100));
    out[index] = v;
    let mut rest = 100 - v;
    let others: Vec<usize> = (0..n).filter(|&j| j != index).collect();
    let weights: Vec<i64> = others
        .iter()
        .map(|&j| current.get(j).copied().unwrap_or(0))
        .collect();
    let total: i64 = weights.iter().sum();
    for (k, &j) in others.iter().enumerate() {
        let share = if total > 0 {
            rest * weights[k] / total
        } else {
            rest / others.len().max(1) as i64
        };
        out[j] = (share / step * step).min(max[j]);
    }
    rest -= others.iter().map(|&j| out[j]).sum::<i64>();
    // What rounding left over goes, a step at a time, to the others with room
    // (the biggest first), and to the set category only if nothing else can take it.
    let mut order = others.clone();
    order.sort_by_key(|&j| std::cmp::Reverse(out[j]));
    order.push(index);
    while rest > 0 {
        let Some(&j) = order.iter().find(|&&j| out[j] + step.min(rest) <= max[j]) else {
            break;
        };
        let add = step.min(rest);
        out[j] += add;
        rest -= add;
        order.rotate_left(1);
    }
    out
}

/// A typed percentage ("40", "40 %").
pub fn parse_percent(text: &str) -> Option<i64> {
    text.trim()
        .trim_end_matches('%')
        .trim()
        .parse()
        .ok()
        .filter(|v| (0..=100).contains(v))
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
            Action::Open => {
                // A percentage is typed afresh; the bar shows the current one.
                if let Some(key) = self.form_key(self.unit(), self.row()) {
                    return Reply::Form(self.form(Target::Value { key }, Vec::new(), cx));
                }
            }
            Action::ClearValue => {
                if let Some(u) = self.split.units.get(self.unit())
                    && cx.value(&u.id).is_some()
                {
                    return Reply::Commit(cx.set(&u.id, None));
                }
            }
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
        let title = format!("{unit} – {category} (%)");
        Editor::new(&cx.step.id, target, title, &values)
    }

    fn change(&self, ed: &Editor, cx: &Cx) -> Result<Option<Change>, Note> {
        let text = ed.value(0);
        let Target::Value { key } = &ed.target else {
            return Ok(None);
        };
        let (Some((unit_id, cat_id)), Some(percent)) = (key.split_once('/'), parse_percent(&text))
        else {
            return Err(Note::NotAPercent(text));
        };
        let Some(index) = self.split.categories.iter().position(|c| c.id == cat_id) else {
            return Ok(None);
        };
        let current: Vec<i64> = percents(&self.split, cx.value(unit_id))
            .into_iter()
            .map(|p| p.unwrap_or(0))
            .collect();
        let shares = set(&self.split, &current, index, percent);
        let table: BTreeMap<String, i64> = self
            .split
            .categories
            .iter()
            .zip(shares)
            .map(|(c, p)| (c.id.clone(), p))
            .collect();
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
            .map(|u| UnitSplit {
                id: u.id.clone(),
                title: u.title.clone(),
                percents: percents(&self.split, state.values.get(&u.id)),
            })
            .collect();
        vec![Block::Splits { categories, units }]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{About, Category, Unit};

    fn split(max: [u32; 4]) -> Split {
        Split {
            about: About {
                id: "p".into(),
                lang: "da".into(),
                source: "s".into(),
                title: "t".into(),
                intro: String::new(),
                advice: None,
                model: None,
            },
            units: vec![Unit {
                id: "a".into(),
                title: "A".into(),
            }],
            step: 5,
            categories: max
                .iter()
                .enumerate()
                .map(|(i, m)| Category {
                    id: format!("c{i}"),
                    title: format!("C{i}"),
                    hint: String::new(),
                    max: *m,
                })
                .collect(),
        }
    }

    #[test]
    fn always_adds_up_to_100() {
        let s = split([100; 4]);
        let first = set(&s, &[], 0, 50);
        assert_eq!(first, [50, 20, 15, 15]);
        let second = set(&s, &first, 1, 36);
        assert_eq!(second.iter().sum::<i64>(), 100, "{second:?}");
        assert_eq!(second[1], 35);
        for v in [0, 3, 37, 99, 100] {
            for i in 0..4 {
                let out = set(&s, &second, i, v);
                assert_eq!(out.iter().sum::<i64>(), 100, "{i} = {v}: {out:?}");
            }
        }
    }

    #[test]
    fn respects_each_category_max() {
        let s = split([40, 40, 10, 10]);
        let out = set(&s, &[], 2, 90);
        assert_eq!(out[2], 10);
        assert_eq!(out.iter().sum::<i64>(), 100, "{out:?}");
        assert!(
            out.iter().zip([40, 40, 10, 10]).all(|(v, m)| *v <= m),
            "{out:?}"
        );
    }

    #[test]
    fn reads_typed_percentages() {
        assert_eq!(parse_percent(" 40 % "), Some(40));
        assert_eq!(parse_percent("140"), None);
        assert_eq!(parse_percent("fyrre"), None);
    }

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
            percents(&s.split, state.values.get("a")),
            [Some(40), Some(30), Some(20), Some(10)]
        );
    }
}
