//! Stages: the curve or ladder with the marks the group placed on each stage
//! and what the leader does there.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::content::Stages;
use crate::exercise::note_key;
use crate::ui::{EDGE, Theme, draw_window, instrument_frame, note_lines, pad, style_if, wrap};

/// The marks' column, on a curve or a ladder: "●●● 3".
const MARK_W: u16 = 8;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, stages: &Stages, row: usize, theme: &Theme) {
    let state = app.session().state(&app.step().id);
    let value = |key: &str| state.and_then(|s| s.values.get(key));
    let intro = vec![Line::styled(stages.about.intro.as_str(), theme.dim)];
    let inner = instrument_frame(frame, area, app, intro, &stages.about.title, theme);
    let titles: Vec<&str> = stages.stages.iter().map(|s| s.title.as_str()).collect();
    let title_w = title_width(&titles, inner.width * 2 / 5);
    // A case has no marks.
    let mark_w = if stages.marks { MARK_W } else { 0 };
    let advice_w = inner
        .width
        .saturating_sub(title_w + mark_w + 4 + EDGE)
        .max(10);
    let selected = (!app.is_room()).then_some(row);
    let blocks: Vec<Vec<Line>> = stages
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let marks = value(&s.id).and_then(|v| v.number()).unwrap_or(0);
            let is_sel = selected == Some(i);
            let dots = if stages.marks && marks > 0 {
                format!("{} {marks}", "●".repeat(marks.min(5) as usize))
            } else {
                String::new()
            };
            let title = wrap(&s.title, title_w);
            let advice = wrap(&s.advice, advice_w);
            let mut lines: Vec<Line> = (0..title.len().max(advice.len()))
                .map(|n| {
                    let cell = |col: &[String]| col.get(n).cloned().unwrap_or_default();
                    let mark = if n == 0 { dots.as_str() } else { "" };
                    Line::from(vec![
                        Span::styled(
                            pad(&cell(&title), usize::from(title_w)),
                            style_if(is_sel && n < title.len(), theme.selected, theme.title),
                        ),
                        Span::styled(
                            format!("  {}  ", pad(mark, usize::from(mark_w))),
                            theme.accent,
                        ),
                        Span::styled(cell(&advice), theme.dim),
                    ])
                })
                .collect();
            if let Some(note) = value(&note_key(&s.id)) {
                lines.extend(note_lines(
                    app.words().note,
                    note.text(),
                    inner.width,
                    theme.text,
                ));
            }
            lines
        })
        .collect();
    draw_window(frame, inner, blocks, row);
}

/// The titles' column: as wide as the widest title, at most `most`; a title
/// wider wraps, and the column is then only as wide as the titles need to
/// take no more lines than they do at `most`, leaving the rest to the advice.
fn title_width(titles: &[&str], most: u16) -> u16 {
    let lines = |w: u16| titles.iter().map(|t| wrap(t, w).len()).max().unwrap_or(0);
    let widest = titles.iter().map(|t| t.width() as u16).max().unwrap_or(0);
    let mut width = widest.min(most);
    let needed = lines(width);
    while width > 1 && lines(width - 1) <= needed {
        width -= 1;
    }
    width
}

#[cfg(test)]
mod tests {
    use super::title_width;

    #[test]
    fn a_title_column_is_as_narrow_as_its_lines_allow() {
        assert_eq!(title_width(&["Udfordringen", "Til jer"], 31), 12);
        let titles = [
            "Optimisterne – »lad os rykke nu«",
            "De passive – »lyder godt, men bliver svært«",
        ];
        // Two lines each at 31 columns, and still at 23.
        assert_eq!(title_width(&titles, 31), 23);
    }
}
