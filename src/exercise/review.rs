//! The review that opens a session in a series: the actions the last session
//! of the same team and workshop left open (what, who, by when), each marked
//! done, carried on or dropped as the room goes through them. Carried-on and
//! unmarked actions stay open for the next session of the series.
//!
//! The review is a step the session adds in front of the workshop (an `Extra`
//! whose content is `CONTENT`); its actions are the step's items, its marks
//! values under each item's id.

mod view;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::answers::{ActionItem, Reviewed};
use super::cards::{self, Selection};
use super::{Block, Cx, Exercise, Reply, StepAnswers};
use crate::app::{Action, App};
use crate::content::{Step, StepKind};
use crate::i18n::Words;
use crate::keymap::{self, Table, bind, c};
use crate::session::{Change, Cursor, Extra, Item, StepState, Value};
use crate::ui::Theme;

/// The review step's id: a colon, which no workshop's step id may have.
pub const STEP_ID: &str = "flipover:review";
/// What an `Extra` runs to be the review.
pub const CONTENT: &str = "flipover:review";
const MINUTES: u32 = 10;

pub const KEYS: Table = &[
    keymap::UP,
    keymap::DOWN,
    bind(
        &[c('1'), c('2'), c('3')],
        Action::SetValue(0),
        true,
        "gjort · videreført · droppet",
        "done · carried on · dropped",
    ),
    keymap::CLEAR,
];

/// What became of an action since the last session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Done,
    Carried,
    Dropped,
}

impl Status {
    const ALL: [Status; 3] = [Status::Done, Status::Carried, Status::Dropped];

    /// As stored and exported.
    pub fn key(self) -> &'static str {
        match self {
            Status::Done => "done",
            Status::Carried => "carried",
            Status::Dropped => "dropped",
        }
    }

    pub fn from_key(key: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.key() == key)
    }

    /// In words, in the session's language.
    pub fn word(self, w: &Words) -> &'static str {
        match self {
            Status::Done => w.review_done,
            Status::Carried => w.review_carried,
            Status::Dropped => w.review_dropped,
        }
    }
}

/// The review step, in the session's language.
pub fn step(id: &str, minutes: u32, lang: &str) -> Step {
    let w = crate::i18n::words(lang);
    Step {
        id: id.to_string(),
        title: w.review_title.to_string(),
        minutes,
        protected: false,
        purpose: w.review_purpose.to_string(),
        notes: Vec::new(),
        questions: Vec::new(),
        kind: StepKind::Decisions,
    }
}

/// Whether `step` is the review.
pub fn is_review(step: &Step) -> bool {
    step.id == STEP_ID
}

/// The changes that open a new session with `open` to review: the step in
/// front of the workshop, the actions on it, and the room on it.
pub fn opening(open: &[ActionItem]) -> Vec<Change> {
    if open.is_empty() {
        return Vec::new();
    }
    let mut changes = vec![Change::AddStep {
        extra: Extra {
            id: STEP_ID.to_string(),
            after: String::new(),
            content: CONTENT.to_string(),
            minutes: MINUTES,
        },
    }];
    changes.extend(open.iter().zip(1..).map(|(a, id)| Change::Put {
        step: STEP_ID.to_string(),
        item: Item {
            who: a.who.clone(),
            when: a.when.clone(),
            ..Item::new(id, "", &a.what)
        },
    }));
    changes.push(Change::Goto {
        step: STEP_ID.to_string(),
    });
    changes
}

/// The actions a session leaves open: every action it decided, and every
/// reviewed one not marked done or dropped.
pub fn open_actions(steps: &[StepAnswers]) -> Vec<ActionItem> {
    steps
        .iter()
        .flat_map(|s| s.blocks.iter())
        .flat_map(|b| match b {
            Block::Actions { actions } => actions.clone(),
            Block::Review { items } => items
                .iter()
                .filter(|r| matches!(r.status.as_deref(), None | Some("carried")))
                .map(|r| ActionItem {
                    id: r.id,
                    what: r.what.clone(),
                    who: r.who.clone(),
                    when: r.when.clone(),
                })
                .collect(),
            _ => Vec::new(),
        })
        .collect()
}

/// The status of item `id` in `state`.
pub fn status(state: Option<&StepState>, id: u64) -> Option<Status> {
    state?
        .values
        .get(&id.to_string())
        .and_then(|v| Status::from_key(v.text()))
}

#[derive(Default)]
pub struct Review {
    selection: Selection,
}

impl Review {
    /// The selected row among `items` (for the view).
    pub fn row(&self, items: &[&Item]) -> usize {
        self.selection.row(items)
    }
}

impl Exercise for Review {
    fn keys(&self) -> Table {
        KEYS
    }

    fn act(&mut self, action: Action, cx: &Cx) -> Reply {
        let items = cards::items(cx);
        let Some(item) = self.selection.selected(&items) else {
            return Reply::Nothing;
        };
        let key = item.id.to_string();
        match action {
            Action::Up | Action::Down => {
                self.selection.step(&items, action == Action::Down);
                Reply::Nothing
            }
            Action::SetValue(n) => match Status::ALL.get(usize::from(n).wrapping_sub(1)) {
                Some(s) => Reply::Commit(cx.set(&key, Some(Value::Text(s.key().into())))),
                None => Reply::Nothing,
            },
            Action::ClearValue => Reply::Commit(cx.set(&key, None)),
            _ => Reply::Nothing,
        }
    }

    fn cursor(&self) -> Cursor {
        self.selection.into()
    }

    fn follow(&mut self, cursor: &Cursor) {
        self.selection = cursor.into();
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
        view::draw(frame, area, app, self, theme);
    }

    fn answers(&self, state: &StepState, _words: &Words) -> Vec<Block> {
        let items = state
            .items
            .iter()
            .map(|i| Reviewed {
                id: i.id,
                what: i.text.clone(),
                who: i.who.clone(),
                when: i.when.clone(),
                status: status(Some(state), i.id).map(|s| s.key().to_string()),
            })
            .collect();
        vec![Block::Review { items }]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reviewed(id: u64, status: Option<&str>) -> Reviewed {
        Reviewed {
            id,
            what: format!("handling {id}"),
            who: String::new(),
            when: String::new(),
            status: status.map(str::to_string),
        }
    }

    /// Carried-on and unmarked actions stay open, with the new decisions;
    /// done and dropped ones do not.
    #[test]
    fn open_actions_are_the_new_the_carried_and_the_unmarked() {
        let steps = vec![StepAnswers {
            id: STEP_ID.into(),
            title: String::new(),
            kind: "review",
            planned_minutes: 10,
            used_ms: 0,
            blocks: vec![
                Block::Review {
                    items: vec![
                        reviewed(1, Some("done")),
                        reviewed(2, Some("carried")),
                        reviewed(3, Some("dropped")),
                        reviewed(4, None),
                    ],
                },
                Block::Actions {
                    actions: vec![ActionItem {
                        id: 5,
                        what: "ny".into(),
                        who: String::new(),
                        when: String::new(),
                    }],
                },
            ],
        }];
        let open: Vec<u64> = open_actions(&steps).iter().map(|a| a.id).collect();
        assert_eq!(open, [2, 4, 5]);
        assert!(opening(&[]).is_empty(), "no review without open actions");
    }
}
