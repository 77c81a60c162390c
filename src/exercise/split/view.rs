//! The split: per unit, a stacked bar of the categories, the percentages —
//! agreed ones plain, the rest's shares in brackets — and the total, marked
//! when it is off 100 %.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{Share, Shares, agreed, shares, total};
use crate::app::App;
use crate::content::Split;
use crate::exercise::answers::off_by;
use crate::ui::{EDGE, Theme, clipped, ellipsis, glyphs, intro, pad, panel, style_if, wrap};

/// One fill per category, so the bar reads without colour.
const FILLS: [char; 6] = ['█', '▓', '▒', '░', '▚', '▞'];
/// Between the percentages and the hints.
const GAP: &str = "  ";

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    cursor: &Shares,
    split: &Split,
    theme: &Theme,
) {
    let w = app.words();
    let state = app.session().state(&app.step().id);
    let units = intro(
        frame,
        area,
        vec![Line::styled(split.about.intro.as_str(), theme.dim)],
    );
    let rects = Layout::vertical(vec![Constraint::Fill(1); split.units.len()]).split(units);
    let label_w = split
        .categories
        .iter()
        .map(|c| c.title.width())
        .chain([w.total.width()])
        .max()
        .unwrap_or(0);
    // Every percentage in one column, so the hints line up beneath each other.
    let pct_w = 8.max(2 + w.not_set.width());
    for (u, (unit, rect)) in split.units.iter().zip(rects.iter()).enumerate() {
        let focused = !app.is_room() && cursor.unit() == u;
        let block = panel(
            Line::styled(format!(" {} ", unit.title), theme.title),
            focused,
            theme,
        );
        let inner = block.inner(*rect);
        frame.render_widget(block, *rect);
        let shares = shares(
            split,
            &agreed(split, state.and_then(|s| s.values.get(&unit.id))),
        );
        let mut lines = vec![bar(&shares, inner.width, theme)];
        // The hint gets what the title and the percentage leave, and the
        // rows the box has spare when it needs more than one.
        let hint_x = 2 + label_w + pct_w + GAP.len();
        let hint_w = inner.width.saturating_sub(hint_x as u16 + EDGE);
        let needs: Vec<usize> = split
            .categories
            .iter()
            .map(|c| wrap(&c.hint, hint_w).len())
            .collect();
        let used = 1 + needs.len() + usize::from(total(&shares).is_some());
        let heights = lines_for(&needs, usize::from(inner.height).saturating_sub(used));
        for (i, (c, share)) in split.categories.iter().zip(&shares).enumerate() {
            let sel = focused && cursor.row() == i;
            let (pct, style) = match share {
                Share::Agreed(p) => (format!("{p} % "), theme.title),
                Share::Rest(p) => (format!("({p} %)"), theme.dim),
                Share::Open => (w.not_set.to_string(), theme.dim),
            };
            lines.push(Line::from(vec![
                Span::styled(format!("{} ", FILLS[i % FILLS.len()]), theme.accent),
                Span::styled(
                    pad(&c.title, label_w),
                    style_if(sel, theme.selected, theme.title),
                ),
                Span::styled(format!("{pct:>pct_w$}"), style),
            ]));
            for (n, hint) in clipped(&c.hint, hint_w, heights[i]).into_iter().enumerate() {
                let hint = Span::styled(hint, theme.dim);
                match lines.last_mut() {
                    Some(row) if n == 0 => row.spans.extend([Span::raw(GAP), hint]),
                    _ => lines.push(Line::from(vec![Span::raw(" ".repeat(hint_x)), hint])),
                }
            }
        }
        if let Some(sum) = total(&shares) {
            let off = off_by(sum, w);
            let style = if off.is_some() {
                theme.error
            } else {
                theme.title
            };
            // Off 100 % says by how much; at 100 % the line explains the brackets.
            let note = match off {
                Some(off) => Span::styled(format!("{GAP}{}{off}", glyphs::WARNING), theme.error),
                None if shares.iter().any(|s| matches!(s, Share::Rest(_))) => Span::styled(
                    format!("{GAP}{}", ellipsis(w.rest_share, hint_w)),
                    theme.dim,
                ),
                None => Span::raw(""),
            };
            lines.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(pad(w.total, label_w), theme.title),
                Span::styled(format!("{:>pct_w$}", format!("{sum} % ")), style),
                note,
            ]));
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }
}

/// How many lines each of the texts that `needs` so many gets: one each,
/// and the `spare` ones to those that need more, fewest first, so that as
/// many as can be are whole.
fn lines_for(needs: &[usize], spare: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..needs.len()).collect();
    order.sort_by_key(|&i| needs[i]);
    let mut got = vec![1; needs.len()];
    let mut spare = spare;
    for i in order {
        let more = needs[i].saturating_sub(1).min(spare);
        got[i] += more;
        spare -= more;
    }
    got
}

/// The unit's bar: one fill per category, the rest's shares dim; over 100 %
/// the whole bar is the total, under it the part missing is dotted.
fn bar(shares: &[Share], width: u16, theme: &Theme) -> Line<'static> {
    let w = i128::from(width);
    let Some(sum) = total(shares) else {
        return Line::styled("·".repeat(usize::from(width)), theme.dim);
    };
    let scale = i128::from(sum.max(100));
    let mut spans = Vec::new();
    let (mut done, mut acc) = (0i128, 0i128);
    for (i, share) in shares.iter().enumerate() {
        acc += i128::from(share.percent().max(0));
        let end = (acc * w / scale).min(w);
        let n = usize::try_from(end - done).unwrap_or(0);
        let style: Style = match share {
            Share::Agreed(_) => theme.accent,
            _ => theme.dim,
        };
        spans.push(Span::styled(
            FILLS[i % FILLS.len()].to_string().repeat(n),
            style,
        ));
        done = done.max(end);
    }
    let missing = usize::try_from(w - done).unwrap_or(0);
    spans.push(Span::styled("·".repeat(missing), theme.dim));
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::lines_for;

    #[test]
    fn spare_rows_go_to_the_hints_that_need_fewest_first() {
        assert_eq!(lines_for(&[2, 3, 2, 1], 0), [1, 1, 1, 1]);
        assert_eq!(lines_for(&[3, 2, 2, 1], 2), [1, 2, 2, 1]);
        assert_eq!(lines_for(&[3, 2, 2, 1], 3), [2, 2, 2, 1]);
        assert_eq!(lines_for(&[3, 2, 2, 1], 9), [3, 2, 2, 1]);
    }
}
