//! The board: the situations written at the top, the areas (quadrants) of cards
//! below, the focused area outlined. The room view follows the focus — the
//! situations shown while one is written, an area scrolled to its selected
//! card — without the outline or the highlight.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Cards, Focus, items_in};
use crate::app::App;
use crate::content::Board;
use crate::ui::{ItemList, Theme, clipped, panel, wrap};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, cards: &Cards, board: &Board, theme: &Theme) {
    let room = app.is_room();
    let here = cards.focus();
    // What only the facilitator sees: the outline, the hints.
    let focus = (!room).then_some(here);
    let state = app.session().state(&app.step().id);
    // On a low screen the cards come first: the situations show only while
    // one is being written.
    let on_situation = matches!(here, Focus::Situation(_));
    let shown = !board.situations.is_empty() && (area.height >= 16 || on_situation);
    let texts: Vec<(&str, Style)> = board
        .situations
        .iter()
        .enumerate()
        .map(
            |(i, s)| match state.and_then(|st| st.situations.get(&s.id)) {
                Some(text) => (text.as_str(), theme.text),
                None if focus == Some(Focus::Situation(i)) => (app.words().not_written, theme.dim),
                None => (s.prompt.as_str(), theme.dim),
            },
        )
        .collect();
    let boxes = |top: Rect| {
        Layout::horizontal(vec![Constraint::Fill(1); board.situations.len()]).split(top)
    };
    // As high as the longest text, within a quarter of the screen; the cards
    // keep the rest.
    let longest = boxes(area)
        .iter()
        .zip(&texts)
        .map(|(rect, (text, _))| wrap(text, rect.width.saturating_sub(2)).len())
        .max()
        .unwrap_or(0) as u16;
    let situations_h = match (shown, area.height >= 30) {
        (false, _) => 0,
        (true, tall) => (longest + 2)
            .min(area.height / 4)
            .max(if tall { 5 } else { 4 }),
    };
    let [top, grid] =
        Layout::vertical([Constraint::Length(situations_h), Constraint::Fill(1)]).areas(area);
    if shown {
        let fits = usize::from(situations_h.saturating_sub(2));
        for (i, ((s, rect), (text, style))) in board
            .situations
            .iter()
            .zip(boxes(top).iter())
            .zip(texts)
            .enumerate()
        {
            let focused = focus == Some(Focus::Situation(i));
            // What does not fit ends in "…", never silently.
            let lines: Vec<Line> = clipped(text, rect.width.saturating_sub(2), fits)
                .into_iter()
                .map(|l| Line::styled(l, style))
                .collect();
            let title = Line::from(Span::styled(format!(" {} ", s.title), theme.accent));
            frame.render_widget(
                Paragraph::new(lines).block(panel(title, focused, theme)),
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
