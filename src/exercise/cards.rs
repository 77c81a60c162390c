//! What boards and lists share: cards written through a form, a selection that
//! stays on its card when the order changes, delete and vote.

use super::{Cx, Reply};
use crate::app::Editor;
use crate::session::{Change, Cursor, Item, Target};

/// The step's items (cards, points, actions), in id order.
pub fn items<'a>(cx: &Cx<'a>) -> Vec<&'a Item> {
    cx.state
        .map(|s| s.items.iter().collect())
        .unwrap_or_default()
}

/// The selected card: by id, so a new order or a new card elsewhere does not
/// move it; by row when the card is gone (deleted), so it lands next to it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Selection {
    pub id: Option<u64>,
    pub row: usize,
}

impl Selection {
    /// The selected row in `items`.
    pub fn row(&self, items: &[&Item]) -> usize {
        self.id
            .and_then(|id| items.iter().position(|i| i.id == id))
            .unwrap_or(self.row)
            .min(items.len().saturating_sub(1))
    }

    pub fn selected<'a>(&self, items: &[&'a Item]) -> Option<&'a Item> {
        items.get(self.row(items)).copied()
    }

    /// One row down (`true`) or up, within `items`.
    pub fn step(&mut self, items: &[&Item], down: bool) {
        let row = self.row(items);
        let row = if down {
            (row + 1).min(items.len().saturating_sub(1))
        } else {
            row.saturating_sub(1)
        };
        self.put(items, row);
    }

    pub fn put(&mut self, items: &[&Item], row: usize) {
        self.row = row;
        self.id = items.get(row).map(|i| i.id);
    }
}

/// The selection as the room view is told it.
impl From<Selection> for Cursor {
    fn from(s: Selection) -> Self {
        Cursor {
            row: s.row,
            item: s.id,
            ..Cursor::default()
        }
    }
}

/// The selection the room view follows.
impl From<&Cursor> for Selection {
    fn from(c: &Cursor) -> Self {
        Selection {
            id: c.item,
            row: c.row,
        }
    }
}

/// The card a saved form writes: a new one in `area`, or the one edited.
/// An empty text writes nothing.
pub fn change(ed: &Editor, cx: &Cx) -> Option<Change> {
    let values = ed.values();
    let text = values.first().cloned().unwrap_or_default();
    if text.is_empty() {
        return None;
    }
    let field = |i: usize| values.get(i).cloned();
    let item = match &ed.target {
        Target::New { area } => Item {
            who: field(1).unwrap_or_default(),
            when: field(2).unwrap_or_default(),
            ..Item::new(cx.next_id, area, &text)
        },
        Target::Edit { id } => {
            let old = cx.state?.items.iter().find(|i| i.id == *id)?;
            Item {
                text,
                who: field(1).unwrap_or_else(|| old.who.clone()),
                when: field(2).unwrap_or_else(|| old.when.clone()),
                ..old.clone()
            }
        }
        _ => return None,
    };
    Some(put(cx, item))
}

/// Writes `item` on the step.
pub fn put(cx: &Cx, item: Item) -> Change {
    Change::Put {
        step: cx.step.id.clone(),
        item,
    }
}

pub fn delete(cx: &Cx, item: Option<&Item>) -> Reply {
    item.map(|i| Change::Remove {
        step: cx.step.id.clone(),
        id: i.id,
    })
    .into()
}

/// One dot vote more or less on `item`.
pub fn vote(cx: &Cx, item: Option<&Item>, up: bool) -> Reply {
    let Some(item) = item else {
        return Reply::Nothing;
    };
    let votes = if up {
        item.votes + 1
    } else {
        item.votes.saturating_sub(1)
    };
    if votes == item.votes {
        return Reply::Nothing;
    }
    Reply::Commit(put(
        cx,
        Item {
            votes,
            ..item.clone()
        },
    ))
}

/// The card a change wrote last, to select it.
pub fn last_put(change: &Change) -> Option<&Item> {
    match change {
        Change::Put { item, .. } => Some(item),
        Change::Batch { changes } => changes.iter().rev().find_map(last_put),
        _ => None,
    }
}
