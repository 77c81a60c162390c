//! A step's one list: the points of a discussion, or the actions of the
//! decisions (what, who, by when).

mod view;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::answers::{ActionItem, Card};
use super::cards::{self, Selection};
use super::{Block, Cx, Exercise, Reply};
use crate::app::{Action, App, Editor, Note};
use crate::i18n::Words;
use crate::keymap::{self, Table, bind, c, k};
use crate::session::{Change, Cursor, Item, StepState, Target};
use crate::ui::Theme;

use crossterm::event::KeyCode as K;

pub const KEYS: Table = &[
    keymap::UP,
    keymap::DOWN,
    bind(
        &[c('a'), k(K::Enter)],
        Action::NewAnswer,
        true,
        "skriv nyt",
        "write new",
    ),
    keymap::EDIT,
    keymap::DELETE,
];

pub struct List {
    /// Actions with who and by when, rather than points.
    actions: bool,
    selection: Selection,
}

impl List {
    pub fn points() -> Self {
        List {
            actions: false,
            selection: Selection::default(),
        }
    }

    pub fn actions() -> Self {
        List {
            actions: true,
            selection: Selection::default(),
        }
    }

    /// The selected row among `items` (for the view).
    pub fn row(&self, items: &[&Item]) -> usize {
        self.selection.row(items)
    }

    fn labels(&self, w: &Words) -> Vec<&'static str> {
        if self.actions {
            vec![w.what, w.who, w.when]
        } else {
            Vec::new()
        }
    }
}

impl Exercise for List {
    fn keys(&self) -> Table {
        KEYS
    }

    fn act(&mut self, action: Action, cx: &Cx) -> Reply {
        let items = cards::items(cx);
        let selected = self.selection.selected(&items);
        match action {
            Action::Up | Action::Down => {
                self.selection.step(&items, action == Action::Down);
                Reply::Nothing
            }
            Action::NewAnswer => {
                let n = if self.actions { 3 } else { 1 };
                Reply::Form(self.form(
                    Target::New {
                        area: String::new(),
                    },
                    vec![String::new(); n],
                    cx,
                ))
            }
            Action::EditAnswer => match selected {
                Some(item) => {
                    let values = if self.actions {
                        vec![item.text.clone(), item.who.clone(), item.when.clone()]
                    } else {
                        vec![item.text.clone()]
                    };
                    Reply::Form(self.form(Target::Edit { id: item.id }, values, cx))
                }
                None => Reply::Nothing,
            },
            Action::DeleteAnswer => cards::delete(cx, selected),
            _ => Reply::Nothing,
        }
    }

    fn form(&mut self, target: Target, values: Vec<String>, cx: &Cx) -> Editor {
        let w = cx.words;
        let title = match (&target, self.actions) {
            (Target::Edit { .. }, _) => w.edit_card,
            (_, true) => w.new_action,
            (_, false) => w.new_point,
        };
        Editor::new(&cx.step.id, target, title.to_string(), &values).labelled(&self.labels(w))
    }

    fn change(&self, ed: &Editor, cx: &Cx) -> Result<Option<Change>, Note> {
        Ok(cards::change(ed, cx))
    }

    fn committed(&mut self, change: &Change, cx: &Cx) {
        if let Some(item) = cards::last_put(change) {
            let items = cards::items(cx);
            if let Some(row) = items.iter().position(|i| i.id == item.id) {
                self.selection.put(&items, row);
            }
        }
    }

    fn cursor(&self) -> Cursor {
        self.selection.into()
    }

    fn follow(&mut self, cursor: &Cursor) {
        self.selection = cursor.into();
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
        if self.actions {
            view::actions(frame, area, app, self, theme);
        } else {
            view::points(frame, area, app, self, theme);
        }
    }

    fn answers(&self, state: &StepState, _words: &Words) -> Vec<Block> {
        if self.actions {
            let actions = state
                .items
                .iter()
                .map(|i| ActionItem {
                    id: i.id,
                    what: i.text.clone(),
                    who: i.who.clone(),
                    when: i.when.clone(),
                })
                .collect();
            vec![Block::Actions { actions }]
        } else {
            let points = state
                .items
                .iter()
                .map(|i| Card {
                    id: i.id,
                    text: i.text.clone(),
                    votes: i.votes,
                    group: None,
                })
                .collect();
            vec![Block::Points { points }]
        }
    }
}
