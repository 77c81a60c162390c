//! The board: the situations written at the top, the areas (quadrants) of cards
//! below, the focused area outlined. The room view follows the focus — the
//! situations shown while one is written, an area scrolled to its selected
//! card — without the outline or the highlight.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Cards, Focus, items_in};
use crate::app::App;
use crate::content::Board;
use crate::ui::{ItemList, Theme, panel};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, cards: &Cards, board: &Board, theme: &Theme) {
    let room = app.is_room();
    let here = cards.focus();
    // What only the facilitator sees: the outline, the hints.
    let focus = (!room).then_some(here);
    let state = app.session().state(&app.step().id);
    // On a low screen the cards come first: the situations show only while
    // one is being written.
    let on_situation = matches!(here, Focus::Situation(_));
    let situations_h = if board.situations.is_empty() || area.height < 16 && !on_situation {
        0
    } else if area.height >= 30 {
        5
    } else {
        4
    };
    let [top, grid] =
        Layout::vertical([Constraint::Length(situations_h), Constraint::Fill(1)]).areas(area);
    if !board.situations.is_empty() {
        let cols = Layout::horizontal(vec![Constraint::Fill(1); board.situations.len()]).split(top);
        for (i, (s, rect)) in board.situations.iter().zip(cols.iter()).enumerate() {
            let focused = focus == Some(Focus::Situation(i));
            let written = state.and_then(|st| st.situations.get(&s.id));
            let body = match written {
                Some(text) => Line::styled(text.as_str(), theme.text),
                None if focused => Line::styled(app.words().not_written, theme.dim),
                None => Line::styled(s.prompt.as_str(), theme.dim),
            };
            let title = Line::from(Span::styled(format!(" {} ", s.title), theme.accent));
            frame.render_widget(
                Paragraph::new(body)
                    .wrap(Wrap { trim: true })
                    .block(panel(title, focused, theme)),
                *rect,
            );
        }
    }
    let n = board.areas.len();
    let cols = if n == 4 || n == 2 { 2 } else { n.min(3) };
    let rows = n.div_ceil(cols.max(1));
    let row_rects = Layout::vertical(vec![Constraint::Fill(1); rows]).split(grid);
    for (r, row_rect) in row_rects.iter().enumerate() {
        let cells = Layout::horizontal(vec![Constraint::Fill(1); cols]).split(*row_rect);
        for (c, cell) in cells.iter().enumerate() {
            let i = r * cols + c;
            let Some(a) = board.areas.get(i) else {
                continue;
            };
            let focused = focus == Some(Focus::Area(i));
            let items = items_in(board, state, i, app.by_votes());
            let title = Line::from(vec![
                Span::styled(format!(" {} ", a.title), theme.title),
                Span::styled(format!("({}) ", items.len()), theme.dim),
            ]);
            let block = panel(title, focused, theme);
            let inner = block.inner(*cell);
            frame.render_widget(block, *cell);
            if items.is_empty() {
                let mut hint = vec![Line::styled(a.hint.as_str(), theme.dim)];
                if focused {
                    hint.push(Line::styled(app.words().empty_area, theme.dim));
                }
                frame.render_widget(Paragraph::new(hint).wrap(Wrap { trim: true }), inner);
            } else {
                let selected = (here == Focus::Area(i)).then(|| cards.row(i, &items));
                let list = ItemList {
                    items: &items,
                    selected,
                    highlight: !room,
                    picked: cards.picked(),
                    numbered: false,
                    more: app.words().more,
                };
                list.draw(frame, inner, theme);
            }
        }
    }
}
