//! The review as a table: each action from last time with its owner, its date
//! and what became of it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Cell, Row, Table, TableState};

use super::{Review, status};
use crate::app::App;
use crate::session::Item;
use crate::ui::{Theme, framed_list, selected_style, wrap};

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
    let who_w = (inner.width / 6).clamp(6, 20);
    let when_w = (inner.width / 8).clamp(6, 14);
    let status_w = 18;
    let what_w = inner
        .width
        .saturating_sub(who_w + when_w + status_w + 4 + 4);
    let rows = items.iter().enumerate().map(|(i, it)| {
        let what = wrap(&it.text, what_w);
        let height = what.len().max(1) as u16;
        let (mark, style) = match status(state, it.id) {
            Some(s) => (s.word(w), theme.ok),
            None => (w.review_open, theme.dim),
        };
        Row::new(vec![
            Cell::from(Span::styled(format!("{}.", i + 1), theme.dim)),
            Cell::from(Text::from(
                what.into_iter().map(Line::from).collect::<Vec<_>>(),
            )),
            Cell::from(it.who.as_str()),
            Cell::from(it.when.as_str()),
            Cell::from(Span::styled(mark, style)),
        ])
        .height(height)
    });
    let table = Table::new(
        rows,
        [
            Constraint::Length(4),
            Constraint::Length(what_w),
            Constraint::Length(who_w),
            Constraint::Length(when_w),
            Constraint::Length(status_w),
        ],
    )
    .header(Row::new(vec!["", w.what, w.who, w.when, ""]).style(theme.accent))
    .row_highlight_style(selected_style(app, theme))
    .column_spacing(1);
    let mut state = TableState::default().with_selected(Some(review.row(&items)));
    frame.render_stateful_widget(table, inner, &mut state);
}
