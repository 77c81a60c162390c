//! The split: per unit, a stacked bar of the categories and the percentages.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{Shares, percents};
use crate::app::App;
use crate::content::Split;
use crate::ui::{Theme, ellipsis, intro, panel, style_if};

/// One fill per category, so the bar reads without colour.
const FILLS: [char; 6] = ['█', '▓', '▒', '░', '▚', '▞'];

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    shares: &Shares,
    split: &Split,
    theme: &Theme,
) {
    let state = app.session().state(&app.step().id);
    let units = intro(
        frame,
        area,
        vec![Line::styled(split.about.intro.as_str(), theme.dim)],
    );
    let rects = Layout::vertical(vec![Constraint::Fill(1); split.units.len()]).split(units);
    for (u, (unit, rect)) in split.units.iter().zip(rects.iter()).enumerate() {
        let focused = !app.is_room() && shares.unit() == u;
        let block = panel(
            Line::styled(format!(" {} ", unit.title), theme.title),
            focused,
            theme,
        );
        let inner = block.inner(*rect);
        frame.render_widget(block, *rect);
        let values = percents(split, state.and_then(|s| s.values.get(&unit.id)));
        let mut lines = vec![bar(&values, inner.width, theme)];
        let label_w = split
            .categories
            .iter()
            .map(|c| c.title.chars().count())
            .max()
            .unwrap_or(0);
        // The hint gets what the title and the percentage leave.
        let pct_w = 7.max(2 + app.words().not_set.width()) as u16;
        let hint_w = inner.width.saturating_sub(label_w as u16 + 2 + pct_w + 3);
        for (i, c) in split.categories.iter().enumerate() {
            let pct = values.get(i).copied().flatten();
            let sel = focused && shares.row() == i;
            lines.push(Line::from(vec![
                Span::styled(format!("{} ", FILLS[i % FILLS.len()]), theme.accent),
                Span::styled(
                    format!("{:<label_w$}", c.title),
                    style_if(sel, theme.selected, theme.title),
                ),
                Span::styled(
                    pct.map_or_else(
                        || format!("  {}", app.words().not_set),
                        |p| format!("  {p:>3} %"),
                    ),
                    style_if(pct.is_some(), theme.title, theme.dim),
                ),
                Span::styled(format!("   {}", ellipsis(&c.hint, hint_w)), theme.dim),
            ]));
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }
}

/// A 100 % bar with one fill per category.
fn bar(values: &[Option<i64>], width: u16, theme: &Theme) -> Line<'static> {
    let w = i64::from(width);
    if values.iter().all(Option::is_none) || w <= 0 {
        return Line::styled("·".repeat(w.max(0) as usize), theme.dim);
    }
    let mut out = String::new();
    let mut done = 0i64;
    let mut acc = 0i64;
    for (i, v) in values.iter().enumerate() {
        acc += v.unwrap_or(0);
        let end = acc * w / 100;
        out.extend(std::iter::repeat_n(
            FILLS[i % FILLS.len()],
            (end - done).max(0) as usize,
        ));
        done = end;
    }
    Line::styled(out, theme.accent)
}
