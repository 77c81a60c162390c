//! A canvas: named text fields the group fills in (the story fish, five
//! perspectives), each under the field's id.

mod view;

use std::sync::Arc;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::answers::Text;
use super::{Block, Cx, Exercise, Reply};
use crate::app::{Action, App, Editor};
use crate::content::{Canvas, Step};
use crate::i18n::Words;
use crate::keymap::{Table, bind, c, k};
use crate::session::{StepState, Target};
use crate::ui::Theme;

use crossterm::event::KeyCode as K;

pub const KEYS: Table = &[
    bind(
        &[k(K::Tab), k(K::Down), c('j')],
        Action::NextArea,
        true,
        "næste felt",
        "next field",
    ),
    bind(
        &[k(K::BackTab), k(K::Up), c('k')],
        Action::PrevArea,
        false,
        "forrige felt",
        "previous field",
    ),
    bind(
        &[k(K::Enter), c('e')],
        Action::Open,
        true,
        "skriv i feltet",
        "write in the field",
    ),
    bind(
        &[c('d'), k(K::Delete)],
        Action::ClearValue,
        true,
        "ryd feltet",
        "clear the field",
    ),
];

pub struct Fields {
    canvas: Arc<Canvas>,
    row: usize,
}

impl Fields {
    pub fn new(canvas: Arc<Canvas>) -> Self {
        Fields { canvas, row: 0 }
    }

    pub fn row(&self) -> usize {
        self.row.min(self.canvas.fields.len().saturating_sub(1))
    }
}

impl Exercise for Fields {
    fn keys(&self) -> Table {
        KEYS
    }

    fn act(&mut self, action: Action, cx: &Cx) -> Reply {
        let n = self.canvas.fields.len().max(1);
        let Some(field) = self.canvas.fields.get(self.row()) else {
            return Reply::Nothing;
        };
        match action {
            Action::NextArea => self.row = (self.row() + 1) % n,
            Action::PrevArea => self.row = (self.row() + n - 1) % n,
            Action::Open => {
                let text = cx.value(&field.id).map(|v| v.text().to_string());
                let target = Target::Value {
                    key: field.id.clone(),
                };
                return Reply::Form(self.form(target, vec![text.unwrap_or_default()], cx));
            }
            Action::ClearValue if cx.value(&field.id).is_some() => {
                return Reply::Commit(cx.set(&field.id, None));
            }
            _ => {}
        }
        Reply::Nothing
    }

    fn form(&mut self, target: Target, values: Vec<String>, cx: &Cx) -> Editor {
        if let Target::Value { key } = &target
            && let Some(i) = self.canvas.fields.iter().position(|f| f.id == *key)
        {
            self.row = i;
        }
        let title = self
            .canvas
            .fields
            .get(self.row())
            .map_or(cx.words.note.to_string(), |f| f.title.clone());
        Editor::new(&cx.step.id, target, title, &values)
    }

    fn materials(&self, _step: &Step) -> Vec<String> {
        self.canvas.fields.iter().map(|f| f.title.clone()).collect()
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
        view::draw(frame, area, app, &self.canvas, self.row(), theme);
    }

    fn answers(&self, state: &StepState, _words: &Words) -> Vec<Block> {
        let fields = self
            .canvas
            .fields
            .iter()
            .map(|f| Text {
                id: f.id.clone(),
                title: f.title.clone(),
                text: state
                    .values
                    .get(&f.id)
                    .map(|v| v.text().to_string())
                    .unwrap_or_default(),
            })
            .collect();
        vec![Block::Texts { fields }]
    }
}
