//! A board: situations described in words on top, cards in named areas (the
//! now/future quadrants) below. Cards are written, edited, moved between
//! areas, grouped, and given the room's dot votes.

mod view;

use std::sync::Arc;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::answers::{Area, Card, Text};
use super::cards::{self, Selection};
use super::{Block, Cx, Exercise, Reply};
use crate::app::{Action, App, Editor, Note};
use crate::content::{Board, Step};
use crate::i18n::Words;
use crate::keymap::{self, Table, bind, c, k};
use crate::session::{Change, Cursor, Item, StepState, Target};
use crate::ui::Theme;

use crossterm::event::KeyCode as K;

pub const KEYS: Table = &[
    bind(
        &[k(K::Tab)],
        Action::NextArea,
        true,
        "næste felt",
        "next area",
    ),
    bind(
        &[k(K::BackTab)],
        Action::PrevArea,
        false,
        "forrige felt",
        "previous area",
    ),
    keymap::UP,
    keymap::DOWN,
    bind(
        &[c('a'), k(K::Enter)],
        Action::NewAnswer,
        true,
        "skriv nyt kort / beskriv situationen",
        "write a card / describe the situation",
    ),
    keymap::EDIT,
    keymap::DELETE,
    bind(
        &[c('m')],
        Action::MoveCard(true),
        true,
        "flyt kortet til næste felt",
        "move the card to the next area",
    ),
    bind(
        &[c('M')],
        Action::MoveCard(false),
        false,
        "flyt kortet til forrige felt",
        "move the card to the previous area",
    ),
    bind(
        &[c('v')],
        Action::Vote(true),
        true,
        "en stemme på kortet",
        "a vote for the card",
    ),
    bind(
        &[c('V')],
        Action::Vote(false),
        false,
        "en stemme mindre",
        "one vote less",
    ),
    bind(
        &[c('c')],
        Action::PickOrGroup,
        false,
        "saml: tag kortet, læg det på et andet",
        "group: pick a card up, put it on another",
    ),
    bind(
        &[c('C')],
        Action::Ungroup,
        false,
        "tag kortet ud af gruppen",
        "take the card out of its group",
    ),
    bind(
        &[c('s')],
        Action::SortByVotes,
        false,
        "flest stemmer først / skriveorden",
        "most votes first / order written",
    ),
];

/// Where the cursor is on a board.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Situation(usize),
    Area(usize),
}

pub struct Cards {
    board: Arc<Board>,
    /// Situations first, then areas.
    at: usize,
    /// The selection in each area.
    selections: Vec<Selection>,
    /// The card picked up to be put into another card's group.
    picked: Option<u64>,
}

impl Cards {
    pub fn new(board: Arc<Board>) -> Self {
        let selections = vec![Selection::default(); board.areas.len()];
        Cards {
            board,
            at: 0,
            selections,
            picked: None,
        }
    }

    fn places(&self) -> usize {
        self.board.situations.len() + self.board.areas.len()
    }

    /// The place the cursor is on, within the board.
    fn place(&self) -> usize {
        self.at.min(self.places().saturating_sub(1))
    }

    pub fn focus(&self) -> Focus {
        let k = self.board.situations.len();
        let at = self.place();
        if at < k {
            Focus::Situation(at)
        } else {
            Focus::Area(at - k)
        }
    }

    fn focus_area(&mut self, area: &str) {
        if let Some(i) = self.board.areas.iter().position(|a| a.id == area) {
            self.at = self.board.situations.len() + i;
        }
    }

    /// The selected row in area `i`, among `items` (for the view).
    pub fn row(&self, i: usize, items: &[&Item]) -> usize {
        self.selections.get(i).map_or(0, |s| s.row(items))
    }

    pub fn picked(&self) -> Option<u64> {
        self.picked
    }

    fn selected<'a>(&self, cx: &Cx<'a>) -> Option<&'a Item> {
        let Focus::Area(i) = self.focus() else {
            return None;
        };
        let items = items_in(&self.board, cx.state, i, cx.by_votes);
        self.selections.get(i)?.selected(&items)
    }

    fn select(&mut self, item: &Item, cx: &Cx) {
        self.focus_area(&item.area);
        if let Focus::Area(i) = self.focus() {
            let items = items_in(&self.board, cx.state, i, cx.by_votes);
            if let (Some(row), Some(sel)) = (
                items.iter().position(|x| x.id == item.id),
                self.selections.get_mut(i),
            ) {
                sel.put(&items, row);
            }
        }
    }

    fn situation_form(&mut self, i: usize, cx: &Cx) -> Reply {
        let Some(s) = self.board.situations.get(i) else {
            return Reply::Nothing;
        };
        let text = cx
            .state
            .and_then(|st| st.situations.get(&s.id))
            .cloned()
            .unwrap_or_default();
        Reply::Form(self.form(Target::Situation { id: s.id.clone() }, vec![text], cx))
    }

    /// Clears situation `i`'s description (undoable); nothing if it has none.
    fn clear_situation(&self, i: usize, cx: &Cx) -> Reply {
        let Some(s) = self.board.situations.get(i) else {
            return Reply::Nothing;
        };
        let described = cx
            .state
            .and_then(|st| st.situations.get(&s.id))
            .is_some_and(|t| !t.is_empty());
        if !described {
            return Reply::Nothing;
        }
        Reply::Commit(Change::Situation {
            step: cx.step.id.clone(),
            situation: s.id.clone(),
            text: String::new(),
        })
    }

    /// Moves the selected card one area on, out of its group.
    fn move_card(&self, cx: &Cx, forward: bool) -> Reply {
        let (Focus::Area(i), Some(card)) = (self.focus(), self.selected(cx)) else {
            return Reply::Nothing;
        };
        let n = self.board.areas.len();
        let to = if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        };
        let Some(area) = self.board.areas.get(to) else {
            return Reply::Nothing;
        };
        let mut changes = ungroup(cx, card);
        for c in &mut changes {
            if let Change::Put { item, .. } = c
                && item.id == card.id
            {
                item.area = area.id.clone();
            }
        }
        Reply::Commit(batch(changes))
    }

    /// `c`: picks the selected card up, or puts the picked card's whole group
    /// into the selected card's group (in the selected card's area).
    fn group(&mut self, cx: &Cx) -> Reply {
        let Some(target) = self.selected(cx) else {
            return Reply::Nothing;
        };
        let items = cx.state.map(|s| s.items.as_slice()).unwrap_or_default();
        let picked = self
            .picked
            .take()
            .and_then(|id| items.iter().find(|i| i.id == id));
        let Some(picked) = picked.filter(|p| p.head() != target.head()) else {
            self.picked = Some(target.id);
            return Reply::Say(Note::Picked);
        };
        let head = target.head();
        let changes = items
            .iter()
            .filter(|i| i.head() == picked.head() || (i.id == target.id && target.group == 0))
            .map(|i| {
                cards::put(
                    cx,
                    Item {
                        group: head,
                        area: target.area.clone(),
                        ..i.clone()
                    },
                )
            })
            .collect();
        Reply::Commit(Change::Batch { changes })
    }
}

/// One change, or a batch of several.
fn batch(mut changes: Vec<Change>) -> Change {
    if changes.len() == 1 {
        changes.remove(0)
    } else {
        Change::Batch { changes }
    }
}

/// The changes that take `card` out of its group: it stands alone; if it led
/// the group, the next card leads; a group of one is no group.
fn ungroup(cx: &Cx, card: &Item) -> Vec<Change> {
    let mut changes = vec![cards::put(
        cx,
        Item {
            group: 0,
            ..card.clone()
        },
    )];
    if card.group == 0 {
        return changes;
    }
    let items = cx.state.map(|s| s.items.as_slice()).unwrap_or_default();
    let rest: Vec<&Item> = items
        .iter()
        .filter(|i| i.group == card.group && i.id != card.id)
        .collect();
    let new_head = rest.iter().map(|i| i.id).min().unwrap_or(0);
    let new_group = if rest.len() > 1 { new_head } else { 0 };
    if card.group == card.id || rest.len() == 1 {
        changes.extend(rest.iter().map(|i| {
            cards::put(
                cx,
                Item {
                    group: new_group,
                    ..(*i).clone()
                },
            )
        }));
    }
    changes
}

/// The cards of area `i`: a group together, its first card on top; with
/// votes on, groups and cards by their votes (stable, so ties keep the order
/// they were written in).
pub fn items_in<'a>(
    board: &Board,
    state: Option<&'a StepState>,
    i: usize,
    by_votes: bool,
) -> Vec<&'a Item> {
    let (Some(state), Some(area)) = (state, board.areas.get(i)) else {
        return Vec::new();
    };
    let items: Vec<&Item> = state.items.iter().filter(|it| it.area == area.id).collect();
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
            let (votes, own) = if by_votes {
                (group_votes(it.head()), it.votes)
            } else {
                (0, 0)
            };
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
    keyed.into_iter().map(|k| k.5).collect()
}

impl Exercise for Cards {
    fn keys(&self) -> Table {
        KEYS
    }

    fn act(&mut self, action: Action, cx: &Cx) -> Reply {
        match action {
            Action::NextArea | Action::PrevArea => {
                let n = self.places().max(1);
                self.at = if action == Action::NextArea {
                    (self.at + 1) % n
                } else {
                    (self.at + n - 1) % n
                };
                Reply::Nothing
            }
            Action::Up | Action::Down => {
                if let Focus::Area(i) = self.focus() {
                    let items = items_in(&self.board, cx.state, i, cx.by_votes);
                    if let Some(sel) = self.selections.get_mut(i) {
                        sel.step(&items, action == Action::Down);
                    }
                }
                Reply::Nothing
            }
            Action::NewAnswer => match self.focus() {
                Focus::Situation(i) => self.situation_form(i, cx),
                Focus::Area(i) => {
                    let area = self.board.areas.get(i).map(|a| a.id.clone());
                    Reply::Form(self.form(
                        Target::New {
                            area: area.unwrap_or_default(),
                        },
                        vec![String::new()],
                        cx,
                    ))
                }
            },
            Action::EditAnswer => match (self.focus(), self.selected(cx)) {
                (Focus::Situation(i), _) => self.situation_form(i, cx),
                (_, Some(card)) => Reply::Form(self.form(
                    Target::Edit { id: card.id },
                    vec![card.text.clone()],
                    cx,
                )),
                _ => Reply::Nothing,
            },
            Action::DeleteAnswer => match self.focus() {
                Focus::Situation(i) => self.clear_situation(i, cx),
                Focus::Area(_) => cards::delete(cx, self.selected(cx)),
            },
            Action::MoveCard(forward) => self.move_card(cx, forward),
            Action::Vote(up) => cards::vote(cx, self.selected(cx), up),
            Action::PickOrGroup => self.group(cx),
            Action::Ungroup => match self.selected(cx).filter(|c| c.group != 0) {
                Some(card) => Reply::Commit(batch(ungroup(cx, card))),
                None => Reply::Nothing,
            },
            _ => Reply::Nothing,
        }
    }

    fn form(&mut self, target: Target, values: Vec<String>, cx: &Cx) -> Editor {
        let w = cx.words;
        let title = match &target {
            Target::Situation { id } => {
                if let Some(i) = self.board.situations.iter().position(|s| &s.id == id) {
                    self.at = i;
                }
                self.board
                    .situations
                    .iter()
                    .find(|s| &s.id == id)
                    .map_or(w.situation.to_string(), |s| s.title.clone())
            }
            Target::New { area } => {
                self.focus_area(area);
                let name = self
                    .board
                    .areas
                    .iter()
                    .find(|a| &a.id == area)
                    .map_or("", |a| a.title.as_str());
                format!("{} – {name}", w.new_card)
            }
            Target::Edit { id } => {
                if let Some(card) = cx.state.and_then(|s| s.items.iter().find(|i| i.id == *id)) {
                    self.select(card, cx);
                }
                w.edit_card.to_string()
            }
            Target::Value { .. } => w.note.to_string(),
        };
        Editor::new(&cx.step.id, target, title, &values)
    }

    fn change(&self, ed: &Editor, cx: &Cx) -> Result<Option<Change>, Note> {
        Ok(match &ed.target {
            Target::Situation { id } => Some(Change::Situation {
                step: cx.step.id.clone(),
                situation: id.clone(),
                text: ed.value(0),
            }),
            _ => cards::change(ed, cx),
        })
    }

    fn committed(&mut self, change: &Change, cx: &Cx) {
        if let Some(item) = cards::last_put(change) {
            self.select(item, cx);
        }
    }

    fn leave(&mut self) {
        self.picked = None;
    }

    fn cursor(&self) -> Cursor {
        let selection = match self.focus() {
            Focus::Area(i) => self.selections.get(i).copied().unwrap_or_default(),
            Focus::Situation(_) => Selection::default(),
        };
        Cursor {
            place: self.place(),
            ..selection.into()
        }
    }

    fn follow(&mut self, cursor: &Cursor) {
        self.at = cursor.place;
        if let Focus::Area(i) = self.focus()
            && let Some(selection) = self.selections.get_mut(i)
        {
            *selection = cursor.into();
        }
    }

    fn materials(&self, step: &Step) -> Vec<String> {
        let board = &self.board;
        let mut out: Vec<String> = step
            .kind
            .written_situations()
            .iter()
            .filter(|(_, text)| !text.is_empty())
            .filter_map(|(id, text)| {
                let s = board.situations.iter().find(|s| &s.id == id)?;
                Some(format!("{}: {text}", s.title))
            })
            .collect();
        let areas: Vec<&str> = board.areas.iter().map(|a| a.title.as_str()).collect();
        out.push(areas.join(" · "));
        out.extend(board.inspiration.iter().cloned());
        out
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
        view::draw(frame, area, app, self, &self.board, theme);
    }

    fn notes(&self, w: &Words) -> Vec<(&'static str, Vec<String>)> {
        vec![
            (w.how, self.board.steps.clone()),
            (w.inspiration, self.board.inspiration.clone()),
            (w.closing, self.board.closing.clone()),
        ]
    }

    fn answers(&self, state: &StepState, _words: &Words) -> Vec<Block> {
        let fields = self
            .board
            .situations
            .iter()
            .filter_map(|s| {
                Some(Text {
                    id: s.id.clone(),
                    title: s.title.clone(),
                    text: state.situations.get(&s.id)?.clone(),
                })
            })
            .collect::<Vec<_>>();
        let areas = (0..self.board.areas.len())
            .filter_map(|i| {
                let a = self.board.areas.get(i)?;
                let cards = items_in(&self.board, Some(state), i, false)
                    .into_iter()
                    .map(|it| Card {
                        id: it.id,
                        text: it.text.clone(),
                        votes: it.votes,
                        group: (it.group != 0).then_some(it.group),
                    })
                    .collect();
                Some(Area {
                    id: a.id.clone(),
                    title: a.title.clone(),
                    cards,
                })
            })
            .collect();
        let mut blocks = Vec::new();
        if !fields.is_empty() {
            blocks.push(Block::Texts { fields });
        }
        blocks.push(Block::Cards { areas });
        blocks
    }
}
