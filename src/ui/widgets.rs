//! The pieces every screen is built of: panels, bullets, wrapped text, the
//! card list, an instrument's frame, a window that keeps the selection in view.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::Theme;
use crate::app::App;
use crate::session::Item;

/// A bordered block with a title, in the focus style when `focused`.
pub fn panel<'a>(title: impl Into<Line<'a>>, focused: bool, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(if focused {
            ratatui::widgets::BorderType::Thick
        } else {
            ratatui::widgets::BorderType::Rounded
        })
        .border_style(if focused {
            theme.focus_border
        } else {
            theme.border
        })
        .title(title)
}

/// A heading line followed by bullet lines.
pub fn bullets<'a>(heading: &'a str, items: &'a [String], theme: &Theme) -> Vec<Line<'a>> {
    let mut lines = vec![Line::styled(heading, theme.accent)];
    lines.extend(
        items
            .iter()
            .map(|q| Line::from(vec![Span::styled("• ", theme.dim), Span::raw(q.as_str())])),
    );
    lines
}

/// `text` wrapped to `width` display columns.
pub fn wrap(text: &str, width: u16) -> Vec<String> {
    textwrap::wrap(text, usize::from(width.max(1)))
        .into_iter()
        .map(|c| c.into_owned())
        .collect()
}

/// An instrument's frame: its intro (two lines) above a panel titled with its
/// title. Returns the inside of the panel.
pub fn instrument_frame(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    intro: Vec<Line>,
    title: &str,
    theme: &Theme,
) -> Rect {
    let [top, list] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
    frame.render_widget(Paragraph::new(intro).wrap(Wrap { trim: true }), top);
    let block = panel(
        Line::styled(format!(" {title} "), theme.title),
        !app.is_room(),
        theme,
    );
    let inner = block.inner(list);
    frame.render_widget(block, list);
    inner
}

/// A number with one decimal, with a decimal comma in Danish.
pub fn decimal(app: &App, x: f64) -> String {
    let s = format!("{x:.1}");
    if app.lang() == "en" {
        s
    } else {
        s.replace('.', ",")
    }
}

/// The first `rows` of `blocks` (each a group of lines) that keep block
/// `selected` on screen.
pub fn window<'a>(blocks: Vec<Vec<Line<'a>>>, selected: usize, rows: usize) -> Vec<Line<'a>> {
    let mut start = selected.min(blocks.len().saturating_sub(1));
    let mut used = blocks.get(start).map_or(0, Vec::len);
    while start > 0 && used + blocks[start - 1].len() <= rows {
        start -= 1;
        used += blocks[start].len();
    }
    blocks
        .into_iter()
        .skip(start)
        .flatten()
        .take(rows)
        .collect()
}

/// A rectangle of `w`×`h` in the middle of `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

pub fn style_if(cond: bool, yes: Style, no: Style) -> Style {
    if cond { yes } else { no }
}

/// A popup of `w`×`h` in the middle of `area`, cleared.
pub fn popup(frame: &mut Frame, area: Rect, w: u16, h: u16) -> Rect {
    let rect = centered(area, w, h);
    frame.render_widget(Clear, rect);
    rect
}

/// `area` with a margin on both sides, wider on a wide screen.
pub fn padded(area: Rect) -> Rect {
    let pad = if area.width > 60 { area.width / 12 } else { 1 };
    Rect {
        x: area.x + pad,
        width: area.width.saturating_sub(pad * 2),
        ..area
    }
}

/// The frame of the step's one list, titled with its count; says `empty` and
/// returns `None` when there is nothing in it, else the inside to draw in.
pub fn framed_list(
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
pub fn split_for_questions(area: Rect, has_questions: bool) -> (Rect, Option<Rect>) {
    if has_questions && area.width >= 90 {
        let [list, side] = Layout::horizontal([Constraint::Fill(2), Constraint::Fill(1)])
            .spacing(1)
            .areas(area);
        (list, Some(side))
    } else {
        (area, None)
    }
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
