//! Info and break steps: words for the room (welcome, close) or a pause with
//! its clock. No keys of their own and nothing to collect.

mod view;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{Block, Cx, Exercise, Reply};
use crate::app::{Action, App};
use crate::i18n::Words;
use crate::keymap::Table;
use crate::session::StepState;
use crate::ui::Theme;

pub struct Info {
    /// A break: the clock large, not the purpose.
    pause: bool,
}

impl Info {
    pub const NONE: Info = Info { pause: false };

    pub fn words() -> Self {
        Info { pause: false }
    }

    pub fn pause() -> Self {
        Info { pause: true }
    }
}

impl Exercise for Info {
    fn keys(&self) -> Table {
        &[]
    }

    fn act(&mut self, _action: Action, _cx: &Cx) -> Reply {
        Reply::Nothing
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
        if self.pause {
            view::pause(frame, area, app, theme);
        } else {
            view::info(frame, area, app, theme);
        }
    }

    fn answers(&self, _state: &StepState, _words: &Words) -> Vec<Block> {
        Vec::new()
    }
}
