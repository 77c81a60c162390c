//! The scale: each item with its score or its votes, the mean and the spread.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::scores_spread;
use crate::app::App;
use crate::content::Scale;
use crate::exercise::answers::{Spread, spread};
use crate::exercise::note_key;
use crate::ui::{
    EDGE, Theme, decimal, draw_window, glyphs, instrument_frame, note_lines, style_if, wrap,
};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, scale: &Scale, row: usize, theme: &Theme) {
    let w = app.words();
    let state = app.session().state(&app.step().id);
    let value = |key: &str| state.and_then(|s| s.values.get(key));
    let [body, summary] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(2)]).areas(area);
    let intro = vec![Line::styled(scale.about.intro.as_str(), theme.dim)];
    let inner = instrument_frame(frame, body, app, intro, &scale.about.title, theme);
    let title_w = (inner.width * 2 / 5).max(12);
    let selected = (!app.is_room()).then_some(row);
    let blocks: Vec<Vec<Line>> = scale
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let v = value(&item.id);
            let is_sel = selected == Some(i);
            let title_lines = wrap(&item.title, title_w);
            let mut lines = Vec::new();
            for (n, t) in title_lines.iter().enumerate() {
                let mut spans = vec![Span::styled(
                    format!("{:<width$}", t, width = usize::from(title_w)),
                    style_if(is_sel, theme.selected, theme.title),
                )];
                if n == 0 {
                    spans.push(Span::raw("  "));
                    spans.extend(if scale.votes {
                        votes_spans(scale, v.map(|v| v.numbers()).unwrap_or(&[]), theme)
                    } else {
                        score_spans(scale, v.and_then(|v| v.number()), theme)
                    });
                }
                lines.push(Line::from(spans));
            }
            // The mean and range of the votes beside the counts, or under
            // them when the line would be cut.
            let summary = scale
                .votes
                .then(|| v.and_then(|v| spread(v.numbers(), scale.min)))
                .flatten()
                .map(|s| votes_summary(app, &s, theme));
            if let (Some(summary), Some(first)) = (summary, lines.first_mut()) {
                if first.width() + summary.width() + usize::from(EDGE) <= usize::from(inner.width) {
                    first.spans.push(summary);
                } else {
                    let under = Span::raw(" ".repeat(usize::from(title_w) + 2));
                    let summary =
                        Span::styled(summary.content.trim_start().to_string(), summary.style);
                    match lines.get_mut(1) {
                        Some(second) if second.width() <= usize::from(title_w) => {
                            let pad = usize::from(title_w) + 2 - second.width();
                            second.spans.push(Span::raw(" ".repeat(pad)));
                            second.spans.push(summary);
                        }
                        _ => lines.insert(1, Line::from(vec![under, summary])),
                    }
                }
            }
            // Earlier sessions of the series, oldest first: the trend.
            let before = app.series().trend(&app.step().id, &item.id);
            if before.iter().any(Option::is_some) {
                let values: Vec<String> = before
                    .iter()
                    .map(|v| {
                        v.map_or_else(|| "–".to_string(), |v| crate::export::short(v, app.lang()))
                    })
                    .collect();
                let values = values.join(" → ");
                lines.extend(note_lines(w.before, &values, inner.width, theme.dim));
            }
            if let Some(note) = value(&note_key(&item.id)) {
                lines.extend(note_lines(w.note, note.text(), inner.width, theme.dim));
            }
            lines
        })
        .collect();
    draw_window(frame, inner, blocks, row);
    if !scale.votes {
        let spread = scores_spread(scale, |id| value(id).and_then(|v| v.number()));
        let line = spread.map_or_else(Line::default, |s| spread_line(app, scale, &s, theme));
        frame.render_widget(Paragraph::new(line), summary);
    } else if !scale.low.is_empty() {
        let legend = format!(
            "{} = {} · {} = {}",
            scale.min, scale.low, scale.max, scale.high
        );
        frame.render_widget(Paragraph::new(Line::styled(legend, theme.dim)), summary);
    }
}

/// "■■■■□ 4" — or the empty track when not scored.
fn score_spans(scale: &Scale, score: Option<i64>, theme: &Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for v in scale.min..=scale.max {
        let on = score.is_some_and(|s| i64::from(v) <= s);
        spans.push(Span::styled(
            if on { glyphs::ON } else { glyphs::OFF },
            style_if(on, theme.accent, theme.dim),
        ));
    }
    spans.push(Span::styled(
        score.map_or("–".into(), |s| s.to_string()),
        theme.title,
    ));
    spans
}

/// The count at each value.
fn votes_spans(scale: &Scale, counts: &[i64], theme: &Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (i, v) in (scale.min..=scale.max).enumerate() {
        let c = counts.get(i).copied().unwrap_or(0);
        spans.push(Span::styled(format!("{v}:"), theme.dim));
        spans.push(Span::styled(
            format!("{c:<3}"),
            style_if(c > 0, theme.title, theme.dim),
        ));
    }
    spans
}

/// " gns. 3,7 · 2–5 · 6 stemmer".
fn votes_summary(app: &App, s: &Spread, theme: &Theme) -> Span<'static> {
    Span::styled(
        format!(
            " {} {} · {}–{} · {} {}",
            app.words().mean,
            decimal(app, s.mean),
            s.low,
            s.high,
            s.count,
            if s.count == 1 {
                app.words().vote
            } else {
                app.words().votes
            }
        ),
        theme.accent,
    )
}

fn spread_line(app: &App, scale: &Scale, s: &Spread, theme: &Theme) -> Line<'static> {
    let dist: Vec<String> = s
        .distribution
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{}:{c}", i as u8 + scale.min))
        .collect();
    Line::from(vec![
        Span::styled(
            format!("{} {}", app.words().mean, decimal(app, s.mean)),
            theme.accent,
        ),
        Span::styled(
            format!(" · {}–{} · {}", s.low, s.high, dist.join(" ")),
            theme.text,
        ),
        Span::styled(
            format!(
                "   {} = {} · {} = {}",
                scale.min, scale.low, scale.max, scale.high
            ),
            theme.dim,
        ),
    ])
}
