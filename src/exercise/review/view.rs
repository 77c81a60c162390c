//! The review as a table: each action from last time with its owner, its date
//! and what became of it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use unicode_width::UnicodeWidthStr;

use super::{Review, Status, status};
use crate::app::App;
use crate::session::Item;
use crate::ui::{ActionTable, Theme, framed_list};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, review: &Review, theme: &Theme) {
    let w = app.words();
    let state = app.session().state(&app.step().id);
    let items: Vec<&Item> = state.map(|s| s.items.iter().collect()).unwrap_or_default();
    let Some(inner) = framed_list(
        frame,
        area,
        w.review_title,
        items.len(),
        w.empty_actions,
        theme,
    ) else {
        return;
    };
    let marks = items
        .iter()
        .map(|it| match status(state, it.id) {
            Some(s) => Span::styled(s.word(w), theme.ok),
            None => Span::styled(w.review_open, theme.dim),
        })
        .collect();
    // As wide as the widest mark, so marking one does not move the columns.
    let mark_width = Status::ALL
        .iter()
        .map(|s| s.word(w))
        .chain([w.review_open])
        .map(|m| m.width() as u16)
        .max()
        .unwrap_or(0);
    let actions = items
        .iter()
        .map(|i| [i.text.as_str(), i.who.as_str(), i.when.as_str()])
        .collect();
    ActionTable::new(actions, [w.what, w.who, w.when], w.more)
        .marked(marks, mark_width)
        .selected(review.row(&items), !app.is_room())
        .draw(frame, inner, theme);
}
