//! Stages: the curve or ladder with the marks the group placed on each stage
//! and what the leader does there.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::content::Stages;
use crate::exercise::note_key;
use crate::ui::{Theme, draw_window, instrument_frame, style_if, wrap};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, stages: &Stages, row: usize, theme: &Theme) {
    let state = app.session().state(&app.step().id);
    let value = |key: &str| state.and_then(|s| s.values.get(key));
    let intro = vec![Line::styled(stages.about.intro.as_str(), theme.dim)];
    let inner = instrument_frame(frame, area, app, intro, &stages.about.title, theme);
    let title_w = stages
        .stages
        .iter()
        .map(|s| s.title.chars().count())
        .max()
        .unwrap_or(0)
        .min(usize::from(inner.width / 2));
    // The marks' column, on a curve or a ladder; a case has none.
    let mark_w = if stages.marks { 8 } else { 0 };
    let advice_w = inner
        .width
        .saturating_sub(title_w as u16 + mark_w + 4)
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
                format!(
                    "{:<8}",
                    format!("{} {marks}", "●".repeat(marks.min(5) as usize))
                )
            } else {
                " ".repeat(usize::from(mark_w))
            };
            let blank = " ".repeat(usize::from(mark_w));
            let advice = wrap(&s.advice, advice_w);
            let mut lines = Vec::new();
            for (n, a) in advice.iter().enumerate() {
                let (title, mark) = if n == 0 {
                    (s.title.as_str(), dots.as_str())
                } else {
                    ("", blank.as_str())
                };
                lines.push(Line::from(vec![
                    Span::styled(
                        format!("{title:<title_w$}"),
                        style_if(is_sel && n == 0, theme.selected, theme.title),
                    ),
                    Span::styled(format!("  {mark}  "), theme.accent),
                    Span::styled(a.clone(), theme.dim),
                ]));
            }
            if let Some(note) = value(&note_key(&s.id)) {
                lines.push(Line::styled(
                    format!("  {}: {}", app.words().note, note.text()),
                    theme.text,
                ));
            }
            lines
        })
        .collect();
    draw_window(frame, inner, blocks, row);
}
