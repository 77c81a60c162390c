//! Steps that are words and lists: info (welcome, close), the break, the
//! discussion's points and the decisions' actions; and the card list shared with
//! the board.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState, Wrap};

use super::{Theme, bullets, panel, style_if, wrap};
use crate::app::{App, Focus};
use crate::session::Item;

/// Purpose in large type, then the questions for the room.
pub fn info(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let step = app.step();
    let mut lines = vec![
        Line::default(),
        Line::styled(step.purpose.as_str(), theme.title),
        Line::default(),
    ];
    if !step.questions.is_empty() {
        lines.extend(bullets(app.words().questions, &step.questions, theme));
    }
    let inner = padded(area);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}

pub fn pause(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let clock = Line::from(super::chrome::clock_spans(app, theme)).centered();
    let lines = vec![
        Line::default(),
        Line::styled(app.words().break_text, theme.title).centered(),
        Line::default(),
        clock,
        Line::default(),
        Line::styled(app.step().purpose.as_str(), theme.text).centered(),
    ];
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }),
        padded(area),
    );
}

fn padded(area: Rect) -> Rect {
    let pad = if area.width > 60 { area.width / 12 } else { 1 };
    Rect {
        x: area.x + pad,
        width: area.width.saturating_sub(pad * 2),
        ..area
    }
}

/// The points said so far, numbered, with the step's questions beside them.
pub fn discussion(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let w = app.words();
    let step = app.step();
    let items = app.items_in(Focus::List);
    let (list_area, side) = split_for_questions(area, !step.questions.is_empty());
    if let Some(inner) = framed_list(
        frame,
        list_area,
        w.points,
        items.len(),
        w.empty_points,
        theme,
    ) {
        let selected = (!app.room).then(|| app.selected_row());
        item_list(frame, inner, &items, selected, None, true, theme);
    }
    if let Some(side) = side {
        frame.render_widget(
            Paragraph::new(bullets(w.questions, &step.questions, theme)).wrap(Wrap { trim: true }),
            side,
        );
    }
}

/// The frame of the step's one list, titled with its count; says `empty` and
/// returns `None` when there is nothing in it, else the inside to draw in.
fn framed_list(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    count: usize,
    empty: &str,
    theme: &Theme,
) -> Option<Rect> {
    let block = panel(format!(" {title} ({count}) "), true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if count == 0 {
        let note =
            Paragraph::new(Line::styled(empty.to_string(), theme.dim)).wrap(Wrap { trim: true });
        frame.render_widget(note, inner);
        return None;
    }
    Some(inner)
}

/// A wide list beside its questions, or the list alone on a narrow screen.
fn split_for_questions(area: Rect, has_questions: bool) -> (Rect, Option<Rect>) {
    if has_questions && area.width >= 90 {
        let [list, side] = Layout::horizontal([Constraint::Fill(2), Constraint::Fill(1)])
            .spacing(1)
            .areas(area);
        (list, Some(side))
    } else {
        (area, None)
    }
}

/// The actions: what, who, by when.
pub fn decisions(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let w = app.words();
    let items = app.items_in(Focus::List);
    let Some(inner) = framed_list(frame, area, w.actions, items.len(), w.empty_actions, theme)
    else {
        return;
    };
    let who_w = (inner.width / 5).clamp(8, 24);
    let when_w = (inner.width / 7).clamp(8, 16);
    let what_w = inner.width.saturating_sub(who_w + when_w + 4 + 3);
    let rows = items.iter().enumerate().map(|(i, it)| {
        let what = wrap(&it.text, what_w);
        let height = what.len().max(1) as u16;
        Row::new(vec![
            Cell::from(Span::styled(format!("{}.", i + 1), theme.dim)),
            Cell::from(Text::from(
                what.into_iter().map(Line::from).collect::<Vec<_>>(),
            )),
            Cell::from(it.who.as_str()),
            Cell::from(it.when.as_str()),
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
        ],
    )
    .header(Row::new(vec!["", w.what, w.who, w.when]).style(theme.accent))
    .row_highlight_style(theme.selected)
    .column_spacing(1);
    let mut state = TableState::default().with_selected((!app.room).then(|| app.selected_row()));
    frame.render_stateful_widget(table, inner, &mut state);
}

/// Cards or points as wrapped bullets, scrolled so that `selected` is visible;
/// the card `picked` up for grouping is marked.
/// Only the items that fit are wrapped, so a long list costs no more than a short one.
pub fn item_list(
    frame: &mut Frame,
    area: Rect,
    items: &[&Item],
    selected: Option<usize>,
    picked: Option<u64>,
    numbered: bool,
    theme: &Theme,
) {
    if area.height == 0 || area.width < 4 {
        return;
    }
    let rows = usize::from(area.height);
    let marker_w: u16 = if numbered {
        items.len().to_string().len() as u16 + 2
    } else {
        2
    };
    let text_w = area.width.saturating_sub(marker_w);
    let sel = selected.unwrap_or(0).min(items.len().saturating_sub(1));
    // Start far enough back that the selected item ends on screen.
    let mut start = sel;
    let mut used = wrap(&items[sel].text, text_w).len();
    while start > 0 {
        let h = wrap(&items[start - 1].text, text_w).len();
        if used + h > rows {
            break;
        }
        used += h;
        start -= 1;
    }
    let mut lines: Vec<Line> = Vec::with_capacity(rows);
    for (i, item) in items.iter().enumerate().skip(start) {
        if lines.len() >= rows {
            break;
        }
        let is_sel = selected == Some(i);
        let style = style_if(is_sel, theme.selected, theme.text);
        let marker = if numbered {
            format!("{:>w$}. ", i + 1, w = usize::from(marker_w) - 2)
        } else if picked == Some(item.id) {
            "» ".to_string()
        } else if item.group != 0 && item.group != item.id {
            // A card in another card's group hangs under it.
            "└ ".to_string()
        } else if item.group == item.id {
            "▣ ".to_string()
        } else {
            "• ".to_string()
        };
        let chunks = wrap(&item.text, text_w);
        let last = chunks.len().saturating_sub(1);
        for (n, chunk) in chunks.into_iter().enumerate() {
            let lead = if n == 0 {
                marker.clone()
            } else {
                " ".repeat(usize::from(marker_w))
            };
            let mut spans = vec![
                Span::styled(lead, style_if(is_sel, theme.selected, theme.dim)),
                Span::styled(chunk, style),
            ];
            if n == last && item.votes > 0 {
                spans.push(Span::styled(format!("  ●{}", item.votes), theme.accent));
            }
            lines.push(Line::from(spans));
        }
    }
    lines.truncate(rows);
    frame.render_widget(Paragraph::new(lines), area);
}
