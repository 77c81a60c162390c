//! Dilemmas: each a track between its two poles with where the group stands
//! (●) and where it wants to be (♦); the selected one says which is being set.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{Positions, position};
use crate::app::App;
use crate::content::Slider;
use crate::ui::{Theme, draw_window, glyphs, hanging, instrument_frame, style_if};

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    p: &Positions,
    slider: &Slider,
    theme: &Theme,
) {
    let w = app.words();
    let state = app.session().state(&app.step().id);
    let room = app.is_room();
    let mut legend = vec![Span::styled(
        format!("● {}", w.now_label),
        style_if(!p.wanting() && !room, theme.accent, theme.dim),
    )];
    if slider.want {
        legend.push(Span::styled(
            format!("   {} {}", glyphs::WANT, w.want_label),
            style_if(p.wanting() && !room, theme.accent, theme.dim),
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
    let selected = (!room).then(|| p.row());
    let blocks: Vec<Vec<Line>> = slider
        .items
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let (now, want) = position(state, &d.id);
            let is_sel = selected == Some(i);
            let mut track = vec![Span::styled(
                format!("{:>pole_w$} ", d.left),
                style_if(is_sel, theme.selected, theme.title),
            )];
            for v in 1..=5i64 {
                let (mark, style) = match (now == Some(v), want == Some(v)) {
                    (true, true) => ("●♦", theme.accent),
                    (true, false) => ("● ", theme.accent),
                    (false, true) => ("♦ ", theme.ok),
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
            let lead = if is_sel && slider.want {
                let (mark, label) = if p.wanting() {
                    (glyphs::WANT, w.want_label)
                } else {
                    (glyphs::DOT, w.now_label)
                };
                Span::styled(format!("{mark} {label}: "), theme.accent)
            } else {
                Span::raw("")
            };
            let mut lines = hanging(lead, &d.question, inner.width, theme.dim);
            lines.extend([Line::from(track), Line::default()]);
            lines
        })
        .collect();
    draw_window(frame, inner, blocks, p.row());
}
