//! The points said so far, numbered, with the step's questions beside them;
//! the actions as a table.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState, Wrap};

use super::List;
use crate::app::App;
use crate::session::Item;
use crate::ui::{ItemList, Theme, bullets, framed_list, selected_style, split_for_questions, wrap};
use unicode_width::UnicodeWidthStr;

fn items(app: &App) -> Vec<&Item> {
    app.session()
        .state(&app.step().id)
        .map(|s| s.items.iter().collect())
        .unwrap_or_default()
}

pub fn points(frame: &mut Frame, area: Rect, app: &App, list: &List, theme: &Theme) {
    let w = app.words();
    let step = app.step();
    let items = items(app);
    let (list_area, side) = split_for_questions(area, !step.questions.is_empty());
    if let Some(inner) = framed_list(
        frame,
        list_area,
        w.points,
        items.len(),
        w.empty_points,
        theme,
    ) {
        let list = ItemList {
            items: &items,
            selected: Some(list.row(&items)),
            highlight: !app.is_room(),
            picked: None,
            numbered: true,
            more: w.more,
        };
        list.draw(frame, inner, theme);
    }
    if let Some(side) = side {
        frame.render_widget(
            Paragraph::new(bullets(w.questions, &step.questions, side.width, theme))
                .wrap(Wrap { trim: true }),
            side,
        );
    }
}

pub fn actions(frame: &mut Frame, area: Rect, app: &App, list: &List, theme: &Theme) {
    let w = app.words();
    let items = items(app);
    let Some(inner) = framed_list(frame, area, w.actions, items.len(), w.empty_actions, theme)
    else {
        return;
    };
    // Wide enough for the longest word said (a name, a month), up to a third.
    let longest = |field: fn(&Item) -> &str| {
        items
            .iter()
            .flat_map(|i| field(i).split_whitespace())
            .map(|w| w.width() as u16)
            .max()
            .unwrap_or(0)
            .min(inner.width / 3)
    };
    let who_w = (inner.width / 5).clamp(8, 24).max(longest(|i| &i.who));
    let when_w = (inner.width / 7).clamp(8, 16).max(longest(|i| &i.when));
    let what_w = inner.width.saturating_sub(who_w + when_w + 4 + 3);
    let cell = |text: &str, width: u16| {
        let lines: Vec<Line> = wrap(text, width).into_iter().map(Line::from).collect();
        let height = lines.len().max(1) as u16;
        (Cell::from(Text::from(lines)), height)
    };
    // What, who and by when all wrap: a name or a date is never cut.
    let rows = items.iter().enumerate().map(|(i, it)| {
        let (what, h1) = cell(&it.text, what_w);
        let (who, h2) = cell(&it.who, who_w);
        let (when, h3) = cell(&it.when, when_w);
        Row::new(vec![
            Cell::from(Span::styled(format!("{}.", i + 1), theme.dim)),
            what,
            who,
            when,
        ])
        .height(h1.max(h2).max(h3))
    });
    let table = Table::new(
        rows,
        [
            Constraint::Length(4),
            Constraint::Length(what_w),
            Constraint::Length(who_w),
            Constraint::Length(when_w),
        ],
    )
    .header(Row::new(vec!["", w.what, w.who, w.when]).style(theme.accent))
    .row_highlight_style(selected_style(app, theme))
    .column_spacing(1);
    let mut state = TableState::default().with_selected(Some(list.row(&items)));
    frame.render_stateful_widget(table, inner, &mut state);
}
