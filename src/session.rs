//! session: the group's answers, the current step and the step clocks — the pure
//! domain. No I/O and no ratatui: `storage` writes it, `app` changes it through
//! `Change`s, `ui` reads it.

mod clock;
mod schedule;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use clock::{ClockState, Millis, StepClock, format_left};
pub use schedule::Schedule;

use crate::content::Workshop;

/// What a session is: which workshop, in which language, since when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub id: String,
    pub workshop: String,
    pub lang: String,
    pub title: String,
    /// Creation time, RFC 3339.
    pub created: String,
    /// Who the session was for (a team, a client), as the facilitator named
    /// it; sessions of one workshop under one name form a series.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Put away: left out of `flipover sessions` unless asked for.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub archived: bool,
}

/// A session name as names are compared (a series, `resume NAME`): trimmed,
/// in lower case.
pub fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

impl Meta {
    /// What a session is called in lists and reports: its name, else its id.
    pub fn label(&self) -> &str {
        if self.name.is_empty() {
            &self.id
        } else {
            &self.name
        }
    }
}

/// One answer: a card on a board, a point in a discussion, or an action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub id: u64,
    /// The board area (quadrant) a card sits in; empty for lists.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub area: String,
    pub text: String,
    /// An action's owner.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub who: String,
    /// An action's due date, as said.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub when: String,
    /// Dot votes the room gave the card.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub votes: u32,
    /// The id of the first card of the card's group (its own id for that card);
    /// 0 when the card stands alone.
    #[serde(default, skip_serializing_if = "is_zero_id")]
    pub group: u64,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

fn is_zero_id(n: &u64) -> bool {
    *n == 0
}

impl Item {
    /// The group this card sorts under: its group, or itself.
    pub fn head(&self) -> u64 {
        if self.group == 0 { self.id } else { self.group }
    }
}

impl Item {
    /// A card or point: text in an area (`""` for lists), no owner or date.
    pub fn new(id: u64, area: &str, text: &str) -> Self {
        Self {
            id,
            area: area.to_string(),
            text: text.to_string(),
            who: String::new(),
            when: String::new(),
            votes: 0,
            group: 0,
        }
    }
}

/// What an instrument records under a key: a score, a count per value, words
/// (a note, a canvas field), or numbers by the content's ids (a dilemma's
/// `now` and `want`, a unit's per cent by category).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Number(i64),
    Numbers(Vec<i64>),
    Text(String),
    Table(BTreeMap<String, i64>),
}

impl Value {
    pub fn number(&self) -> Option<i64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    pub fn numbers(&self) -> &[i64] {
        match self {
            Value::Numbers(v) => v,
            _ => &[],
        }
    }

    pub fn text(&self) -> &str {
        match self {
            Value::Text(t) => t,
            _ => "",
        }
    }

    /// The number under `id` in a table.
    pub fn get(&self, id: &str) -> Option<i64> {
        match self {
            Value::Table(t) => t.get(id).copied(),
            _ => None,
        }
    }

    /// The table, empty for any other value.
    pub fn table(&self) -> BTreeMap<String, i64> {
        match self {
            Value::Table(t) => t.clone(),
            _ => BTreeMap::new(),
        }
    }
}

/// Everything recorded for one step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepState {
    pub clock: StepClock,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub situations: BTreeMap<String, String>,
    /// Sorted by id, which is the order they were first written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Item>,
    /// What the step's instrument recorded, by key (see `Change::Set`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub values: BTreeMap<String, Value>,
}

/// One committed change: the unit written to the journal and undone by `u`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "lowercase")]
pub enum Change {
    /// Adds an item, or replaces the one with the same id.
    Put {
        step: String,
        item: Item,
    },
    Remove {
        step: String,
        id: u64,
    },
    /// Writes (or clears, with "") the description of a board situation.
    Situation {
        step: String,
        situation: String,
        text: String,
    },
    /// Records (or, with no value, clears) an instrument's value under a key.
    Set {
        step: String,
        key: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        value: Option<Value>,
    },
    /// Several changes made as one (a group of cards moved together).
    Batch {
        changes: Vec<Change>,
    },
    /// Adds an instrument step to the session's workshop.
    AddStep {
        extra: Extra,
    },
    /// Moves the room to another step.
    Goto {
        step: String,
    },
    /// Starts, pauses or re-plans a step's clock.
    Clock {
        step: String,
        clock: StepClock,
    },
    /// The room moved past the last step: the workshop ended at `at`.
    End {
        at: Millis,
    },
}

impl Change {
    pub fn step(&self) -> &str {
        match self {
            Change::Put { step, .. }
            | Change::Remove { step, .. }
            | Change::Situation { step, .. }
            | Change::Set { step, .. }
            | Change::AddStep {
                extra: Extra { id: step, .. },
            }
            | Change::Goto { step }
            | Change::Clock { step, .. } => step,
            Change::End { .. } => "",
            Change::Batch { changes } => changes.first().map_or("", Change::step),
        }
    }

    /// Whether this records an answer (as opposed to moving or timing).
    pub fn is_answer(&self) -> bool {
        matches!(
            self,
            Change::Put { .. }
                | Change::Remove { .. }
                | Change::Situation { .. }
                | Change::Set { .. }
                | Change::Batch { .. }
        )
    }
}

/// What is not yet committed but must survive a crash: the text being typed and
/// the last moment the console was seen running.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Live {
    /// Unix milliseconds of this reading.
    pub seen: Millis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<Draft>,
    /// What the console shows beyond the step, for the room view to mirror.
    #[serde(default)]
    pub view: View,
}

/// What the room sees on the console besides the step itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct View {
    /// The advice opened on a model step (index in number order).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advice: Option<usize>,
    /// The screen is blanked.
    #[serde(default)]
    pub blank: bool,
    /// Cards are shown most-voted first.
    #[serde(default)]
    pub by_votes: bool,
    /// The closing screen is shown (the room moved past the last step).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub closing: bool,
    /// The decision selected on the closing screen (the room view scrolls
    /// to it without marking it).
    #[serde(default, skip_serializing_if = "is_zero_usize")]
    pub decision: usize,
    /// The facilitator shows the room where it stands against the plan.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub plan: bool,
    /// Where the facilitator is on the step.
    #[serde(default, skip_serializing_if = "Cursor::is_start")]
    pub cursor: Cursor,
}

/// Where the facilitator is on the step, so the room view shows the same part
/// of it: the area being written in, scrolled to the selected card or row
/// (scrolled there, never highlighted).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cursor {
    /// The place on the step: a board's situation or area (situations first).
    #[serde(default, skip_serializing_if = "is_zero_usize")]
    pub place: usize,
    /// The row: an instrument's item, or the selected card's row in its list.
    #[serde(default, skip_serializing_if = "is_zero_usize")]
    pub row: usize,
    /// The selected card, point or action, by id (`row` is where it was).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<u64>,
}

impl Cursor {
    /// At row `row` of an instrument.
    pub fn at_row(row: usize) -> Self {
        Self {
            row,
            ..Self::default()
        }
    }

    /// Where every step starts: nothing to write down.
    pub fn is_start(&self) -> bool {
        *self == Self::default()
    }
}

fn is_zero_usize(n: &usize) -> bool {
    *n == 0
}

/// Text being typed, and where it will go when committed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub step: String,
    pub target: Target,
    /// The form's fields as typed (one for a card, three for an action).
    pub fields: Vec<String>,
    /// The field being typed in, where the cursor goes back to.
    #[serde(default)]
    pub focus: usize,
}

/// Where an answer being typed will go.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Target {
    /// A new item, in a board area (or "" for lists).
    New { area: String },
    /// An existing item, rewritten.
    Edit { id: u64 },
    /// A board situation's description.
    Situation { id: String },
    /// An instrument's value typed as words: a note, a percentage.
    Value { key: String },
}

/// The state of a session: meta, where the room is, and every step's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub meta: Meta,
    /// Id of the current step.
    pub step: String,
    /// When a clock was first started: the workshop's start, for the plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started: Option<Millis>,
    /// When the room last moved past the last step: the workshop's end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<Millis>,
    pub steps: BTreeMap<String, StepState>,
    /// Instruments added during the session, in the order they were added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extras: Vec<Extra>,
}

/// An instrument step added during the session (from an advice in the model).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extra {
    /// The new step's id.
    pub id: String,
    /// The step it comes after.
    pub after: String,
    /// The content it runs.
    pub content: String,
    pub minutes: u32,
}

impl Session {
    /// A fresh session of `workshop`: first step, clocks as planned, board
    /// situations as the workshop wrote them.
    pub fn new(meta: Meta, workshop: &Workshop) -> Self {
        let steps = workshop
            .steps
            .iter()
            .map(|s| {
                let situations = s
                    .kind
                    .written_situations()
                    .iter()
                    .filter(|(_, t)| !t.is_empty())
                    .cloned()
                    .collect();
                let state = StepState {
                    clock: StepClock::new(s.minutes),
                    situations,
                    items: Vec::new(),
                    values: BTreeMap::new(),
                };
                (s.id.clone(), state)
            })
            .collect();
        Self {
            meta,
            step: workshop
                .steps
                .first()
                .map(|s| s.id.clone())
                .unwrap_or_default(),
            started: None,
            ended: None,
            steps,
            extras: Vec::new(),
        }
    }

    pub fn state(&self, step: &str) -> Option<&StepState> {
        self.steps.get(step)
    }

    /// The next free item id (ids are unique across the session).
    pub fn next_id(&self) -> u64 {
        self.steps
            .values()
            .filter_map(|s| s.items.last().map(|i| i.id))
            .max()
            .map_or(1, |m| m + 1)
    }

    /// Number of answers in all steps: cards, points and actions, situations
    /// described, and instrument values (scores, positions, splits, notes).
    pub fn answer_count(&self) -> usize {
        self.steps
            .values()
            .map(|s| s.items.len() + s.situations.len() + s.values.len())
            .sum()
    }

    /// Number of items in all steps.
    pub fn item_count(&self) -> usize {
        self.steps.values().map(|s| s.items.len()).sum()
    }

    /// Applies a committed change. A change for an unknown step (e.g. a workshop
    /// edited after the session began) is kept under that step id all the same.
    pub fn apply(&mut self, change: &Change) {
        match change {
            Change::Goto { step } => self.step = step.clone(),
            Change::End { at } => self.ended = Some(*at),
            Change::Batch { changes } => changes.iter().for_each(|c| self.apply(c)),
            Change::AddStep { extra } => {
                if !self.extras.iter().any(|e| e.id == extra.id) {
                    self.extras.push(extra.clone());
                    self.state_mut(&extra.id).clock = StepClock::new(extra.minutes);
                }
            }
            Change::Clock { step, clock } => {
                if self.started.is_none() {
                    self.started = clock.running_since;
                }
                self.state_mut(step).clock = *clock;
            }
            Change::Situation {
                step,
                situation,
                text,
            } => {
                let situations = &mut self.state_mut(step).situations;
                if text.is_empty() {
                    situations.remove(situation);
                } else {
                    situations.insert(situation.clone(), text.clone());
                }
            }
            Change::Put { step, item } => {
                let items = &mut self.state_mut(step).items;
                match items.binary_search_by_key(&item.id, |i| i.id) {
                    Ok(i) => items[i] = item.clone(),
                    Err(i) => items.insert(i, item.clone()),
                }
            }
            Change::Remove { step, id } => {
                self.state_mut(step).items.retain(|i| i.id != *id);
            }
            Change::Set { step, key, value } => {
                let values = &mut self.state_mut(step).values;
                match value {
                    Some(v) => values.insert(key.clone(), v.clone()),
                    None => values.remove(key),
                };
            }
        }
    }

    fn state_mut(&mut self, step: &str) -> &mut StepState {
        self.steps
            .entry(step.to_string())
            .or_insert_with(|| StepState {
                clock: StepClock::new(1),
                situations: BTreeMap::new(),
                items: Vec::new(),
                values: BTreeMap::new(),
            })
    }

    /// The change that undoes `change`, as the session is before it is applied.
    pub fn inverse(&self, change: &Change) -> Option<Change> {
        match change {
            Change::Put { step, item } => {
                let old = self.find(step, item.id);
                Some(match old {
                    Some(old) => Change::Put {
                        step: step.clone(),
                        item: old.clone(),
                    },
                    None => Change::Remove {
                        step: step.clone(),
                        id: item.id,
                    },
                })
            }
            Change::Remove { step, id } => self.find(step, *id).map(|old| Change::Put {
                step: step.clone(),
                item: old.clone(),
            }),
            Change::Situation {
                step, situation, ..
            } => Some(Change::Situation {
                step: step.clone(),
                situation: situation.clone(),
                text: self
                    .state(step)
                    .and_then(|s| s.situations.get(situation))
                    .cloned()
                    .unwrap_or_default(),
            }),
            Change::Set { step, key, .. } => Some(Change::Set {
                step: step.clone(),
                key: key.clone(),
                value: self.value(step, key).cloned(),
            }),
            Change::Batch { changes } => {
                // Each part is undone against the state just before it.
                let mut state = self.clone();
                let mut undo = Vec::new();
                for c in changes {
                    undo.push(state.inverse(c)?);
                    state.apply(c);
                }
                undo.reverse();
                Some(Change::Batch { changes: undo })
            }
            Change::Goto { .. }
            | Change::Clock { .. }
            | Change::AddStep { .. }
            | Change::End { .. } => None,
        }
    }

    pub fn value(&self, step: &str, key: &str) -> Option<&Value> {
        self.state(step)?.values.get(key)
    }

    pub fn find(&self, step: &str, id: u64) -> Option<&Item> {
        let items = &self.state(step)?.items;
        items
            .binary_search_by_key(&id, |i| i.id)
            .ok()
            .map(|i| &items[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> Session {
        let (lib, problems) = crate::content::Library::embedded();
        assert!(problems.is_empty(), "{problems:?}");
        let w = lib.workshop(crate::content::DEFAULT_WORKSHOP, Some("da"));
        let meta = Meta {
            id: "s".into(),
            workshop: "w".into(),
            lang: "da".into(),
            title: "t".into(),
            created: "2026-11-23T10:00:00Z".into(),
            name: String::new(),
            archived: false,
        };
        Session::new(meta, w.expect("shipped workshop"))
    }

    fn card(id: u64, text: &str) -> Change {
        Change::Put {
            step: "brainstorm".into(),
            item: Item::new(id, "nu-fordele", text),
        }
    }

    #[test]
    fn starts_at_the_first_step_with_planned_clocks() {
        let s = session();
        assert_eq!(s.step, "velkomst");
        assert_eq!(s.steps["brainstorm"].clock.planned_s, 45 * 60);
        assert_eq!(s.next_id(), 1);
    }

    #[test]
    fn every_change_is_undone_by_its_inverse() {
        let mut s = session();
        s.apply(&card(1, "Vi kender borgerne"));
        for change in [
            card(2, "ny"),
            card(1, "ændret"),
            Change::Remove {
                step: "brainstorm".into(),
                id: 1,
            },
            Change::Situation {
                step: "brainstorm".into(),
                situation: "nu".into(),
                text: "Papir".into(),
            },
            Change::Set {
                step: "brainstorm".into(),
                key: "kultur".into(),
                value: Some(Value::Numbers(vec![0, 2, 5, 1, 0])),
            },
        ] {
            let before = s.clone();
            let inverse = s.inverse(&change).expect("answers can be undone");
            s.apply(&change);
            assert_ne!(s, before);
            s.apply(&inverse);
            assert_eq!(s, before, "undo of {change:?}");
        }
    }

    #[test]
    fn items_stay_in_id_order_when_restored() {
        let mut s = session();
        for i in 1..=3 {
            s.apply(&card(i, "x"));
        }
        let remove = Change::Remove {
            step: "brainstorm".into(),
            id: 2,
        };
        let undo = s.inverse(&remove).expect("undo");
        s.apply(&remove);
        s.apply(&undo);
        let ids: Vec<u64> = s.steps["brainstorm"].items.iter().map(|i| i.id).collect();
        assert_eq!(ids, [1, 2, 3]);
        assert_eq!(s.next_id(), 4);
    }
}
