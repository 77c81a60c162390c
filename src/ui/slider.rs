//! Dilemmas: each a track between its two poles with where the group stands
//! (●) and where it wants to be (◆).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Theme, instrument_frame, style_if, window};
use crate::app::App;
use crate::app::slider::key;
use crate::content::Slider;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, slider: &Slider, theme: &Theme) {
    let w = app.words();
    let step = &app.step().id;
    let mut legend = vec![Span::styled(
        format!("● {}", w.now_label),
        style_if(app.area() == 0 && !app.room, theme.accent, theme.dim),
    )];
    if slider.want {
        legend.push(Span::styled(
            format!("   ◆ {}", w.want_label),
            style_if(app.area() == 1 && !app.room, theme.accent, theme.dim),
        ));
    }
    let intro = vec![
        Line::styled(slider.about.intro.as_str(), theme.dim),
        Line::from(legend),
    ];
    let inner = instrument_frame(frame, area, app, intro, &slider.about.title, theme);
    let pole_w = slider
        .items
        .iter()
        .map(|d| d.left.chars().count())
        .max()
        .unwrap_or(0)
        .min(usize::from(inner.width / 3));
    let selected = (!app.room).then(|| app.row());
    let blocks: Vec<Vec<Line>> = slider
        .items
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let now = app
                .session
                .value(step, &key(&d.id, false))
                .and_then(|v| v.number());
            let want = app
                .session
                .value(step, &key(&d.id, true))
                .and_then(|v| v.number());
            let is_sel = selected == Some(i);
            let mut track = vec![Span::styled(
                format!("{:>pole_w$} ", d.left),
                style_if(is_sel, theme.selected, theme.title),
            )];
            for v in 1..=5i64 {
                let (mark, style) = match (now == Some(v), want == Some(v)) {
                    (true, true) => ("●◆", theme.accent),
                    (true, false) => ("● ", theme.accent),
                    (false, true) => ("◆ ", theme.ok),
                    (false, false) => ("· ", theme.dim),
                };
                track.push(Span::styled(format!("{v}{mark}"), style));
                if v < 5 {
                    track.push(Span::styled("── ", theme.dim));
                }
            }
            track.push(Span::styled(
                format!(" {}", d.right),
                style_if(is_sel, theme.selected, theme.title),
            ));
            vec![
                Line::styled(d.question.as_str(), theme.dim),
                Line::from(track),
                Line::default(),
            ]
        })
        .collect();
    frame.render_widget(
        Paragraph::new(window(blocks, app.row(), usize::from(inner.height))),
        inner,
    );
}
