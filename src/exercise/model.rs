//! A model as a picture (phases around a centre, numbered advice) whose advice
//! opens over the step with its point, ideas, questions and the instruments it
//! offers. An opened advice is mirrored to the room view.

mod view;

use std::sync::Arc;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{Block, Cx, Exercise, Reply};
use crate::app::{Action, App};
use crate::content::{Model, Step};
use crate::i18n::Words;
use crate::keymap::{self, Binding, DIGITS, Key, Table, bind, c, k};
use crate::session::StepState;
use crate::ui::Theme;

use crossterm::event::KeyCode as K;

pub const KEYS: Table = &[
    bind(
        &[k(K::Up), c('k')],
        Action::Up,
        true,
        "forrige punkt",
        "previous item",
    ),
    bind(
        &[k(K::Down), c('j')],
        Action::Down,
        true,
        "næste punkt",
        "next item",
    ),
    bind(
        &[k(K::Tab)],
        Action::NextArea,
        false,
        "næste fase",
        "next phase",
    ),
    bind(
        &[k(K::BackTab)],
        Action::PrevArea,
        false,
        "forrige fase",
        "previous phase",
    ),
    bind(
        &[k(K::Enter)],
        Action::Open,
        true,
        "åbn punktet",
        "open the item",
    ),
];

/// The keys that page from advice to advice: what a clicker sends.
const NEXT_KEYS: &[Key] = &[k(K::Right), k(K::PageDown), c('n'), k(K::Tab)];
const PREV_KEYS: &[Key] = &[k(K::Left), k(K::PageUp), c('p'), k(K::BackTab)];

const NEXT: Binding = bind(
    NEXT_KEYS,
    Action::NextArea,
    true,
    "næste punkt",
    "next item",
);
const PREV: Binding = bind(
    PREV_KEYS,
    Action::PrevArea,
    true,
    "forrige punkt",
    "previous item",
);
// Paging past the last advice (or before the first) closes it, so a clicker
// never gets stuck in an advice: the model shows again, and the next page
// moves on a step. The footer says so where it happens.
const NEXT_CLOSES: Binding = bind(
    NEXT_KEYS,
    Action::NextArea,
    true,
    "tilbage til modellen",
    "back to the model",
);
const PREV_CLOSES: Binding = bind(
    PREV_KEYS,
    Action::PrevArea,
    true,
    "tilbage til modellen",
    "back to the model",
);

/// What an opened advice takes besides paging.
const OPEN: [Binding; 6] = [
    bind(
        &[k(K::Down), c('j')],
        Action::ScrollDown,
        true,
        "rul ned",
        "scroll down",
    ),
    bind(
        &[k(K::Up), c('k')],
        Action::ScrollUp,
        false,
        "rul op",
        "scroll up",
    ),
    bind(
        DIGITS,
        Action::RunInstrument(0),
        true,
        "kør punktets redskab",
        "run the item's instrument",
    ),
    bind(
        &[k(K::Esc), k(K::Enter), k(K::Backspace), c('q')],
        Action::Close,
        true,
        "luk",
        "close",
    ),
    keymap::BLANK,
    keymap::HELP,
];

// `advice!` lists OPEN's bindings one by one (a const table cannot be
// joined): a binding added to OPEN must be added there too.
const _: () = assert!(OPEN.len() == 6, "list every OPEN binding in advice!");

/// An opened advice's keys, with `next` and `prev` for paging.
macro_rules! advice {
    ($next:expr, $prev:expr) => {
        &[
            $next, $prev, OPEN[0], OPEN[1], OPEN[2], OPEN[3], OPEN[4], OPEN[5],
        ]
    };
}

/// An advice is open: a clicker pages through the advice.
pub const ADVICE: Table = advice!(NEXT, PREV);
/// The first advice is open: paging back closes it.
const ADVICE_FIRST: Table = advice!(NEXT, PREV_CLOSES);
/// The last advice is open: paging on closes it.
const ADVICE_LAST: Table = advice!(NEXT_CLOSES, PREV);
/// The only advice is open: paging either way closes it.
const ADVICE_ONLY: Table = advice!(NEXT_CLOSES, PREV_CLOSES);

/// The keys over advice `index` of `count`: the labels say where paging
/// closes it.
fn advice_keys(index: usize, count: usize) -> Table {
    match (index == 0, index + 1 >= count) {
        (false, false) => ADVICE,
        (true, false) => ADVICE_FIRST,
        (false, true) => ADVICE_LAST,
        (true, true) => ADVICE_ONLY,
    }
}

pub struct ModelView {
    model: Arc<Model>,
    /// The selected advice, by index in number order.
    selected: usize,
    /// The opened advice and how far it is scrolled.
    open: Option<(usize, u16)>,
}

impl ModelView {
    pub fn new(model: Arc<Model>) -> Self {
        ModelView {
            model,
            selected: 0,
            open: None,
        }
    }

    fn count(&self) -> usize {
        self.model.advice().count()
    }

    /// The first advice of each phase, by index.
    fn phase_starts(&self) -> Vec<usize> {
        self.model
            .phases
            .iter()
            .scan(0, |start, p| {
                let s = *start;
                *start += p.advice.len();
                Some(s)
            })
            .collect()
    }
}

impl Exercise for ModelView {
    fn keys(&self) -> Table {
        match self.open {
            Some((index, _)) => advice_keys(index, self.count()),
            None => KEYS,
        }
    }

    fn tables(&self) -> Vec<Table> {
        vec![KEYS, ADVICE, ADVICE_FIRST, ADVICE_LAST, ADVICE_ONLY]
    }

    fn modal(&self) -> bool {
        self.open.is_some()
    }

    fn act(&mut self, action: Action, _cx: &Cx) -> Reply {
        let last = self.count().saturating_sub(1);
        if let Some((index, scroll)) = self.open {
            self.open = match action {
                // Past either end the advice closes (a clicker must not get
                // stuck in it); the selection stays on it.
                Action::NextArea if index >= last => None,
                Action::NextArea => Some((index + 1, 0)),
                Action::PrevArea if index == 0 => None,
                Action::PrevArea => Some((index - 1, 0)),
                Action::ScrollDown => Some((index, scroll.saturating_add(1))),
                Action::ScrollUp => Some((index, scroll.saturating_sub(1))),
                Action::RunInstrument(n) => {
                    self.selected = index;
                    return match self.model.advice().nth(index) {
                        Some(a) => Reply::RunInstrument {
                            model: self.model.about.id.clone(),
                            advice: a.number,
                            n,
                        },
                        None => Reply::Nothing,
                    };
                }
                Action::Close => None,
                _ => Some((index, scroll)),
            };
            if let Some((index, _)) = self.open {
                self.selected = index;
            }
            return Reply::Nothing;
        }
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(last),
            Action::NextArea | Action::PrevArea => {
                // Tab jumps to the first advice of the next phase.
                let starts = self.phase_starts();
                let phase = starts
                    .iter()
                    .rposition(|s| *s <= self.selected)
                    .unwrap_or(0);
                let n = starts.len().max(1);
                let to = if action == Action::NextArea {
                    (phase + 1) % n
                } else {
                    (phase + n - 1) % n
                };
                self.selected = starts.get(to).copied().unwrap_or(0);
            }
            Action::Open => self.open = Some((self.selected.min(last), 0)),
            _ => {}
        }
        Reply::Nothing
    }

    fn leave(&mut self) {
        self.open = None;
    }

    fn materials(&self, _step: &Step) -> Vec<String> {
        self.model
            .phases
            .iter()
            .map(|p| {
                let advice: Vec<String> = p
                    .advice
                    .iter()
                    .map(|a| format!("{}. {}", a.number, a.title))
                    .collect();
                format!("{}: {}", p.title, advice.join("; "))
            })
            .collect()
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
        view::draw(frame, area, app, &self.model, self.selected, theme);
    }

    fn scroll_limit(&self, app: &App, width: u16, height: u16) -> Option<u16> {
        let (index, _) = self.open?;
        Some(view::advice_limit(app, &self.model, index, width, height))
    }

    fn clamp_scroll(&mut self, limit: u16) {
        if let Some((_, scroll)) = self.open.as_mut() {
            *scroll = (*scroll).min(limit);
        }
    }

    fn draw_over(&self, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
        if let Some((index, scroll)) = self.open {
            view::advice(frame, area, app, &self.model, index, scroll, theme);
        }
    }

    fn answers(&self, _state: &StepState, _words: &Words) -> Vec<Block> {
        Vec::new()
    }

    fn opened(&self) -> Option<usize> {
        self.open.map(|(i, _)| i)
    }

    fn open(&mut self, index: usize) {
        self.open = Some((index, 0));
        self.selected = index;
    }
}
