//! The model as a picture: the centre on top, the phases side by side (stacked
//! on a narrow screen), each with its numbered advice; the selected one marked.
//! An opened advice: its point, key ideas, questions and instruments.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::app::App;
use crate::content::Model;
use crate::ui::{
    Theme, bullets, centered, clear_of_border, ellipsis, glyphs, panel, scroll_end, scrolled,
    style_if, wrap,
};

/// Narrower than this, the phases are stacked.
const SIDE_BY_SIDE_FROM: u16 = 72;

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    model: &Model,
    selected: usize,
    theme: &Theme,
) {
    let selected = if app.is_room() { usize::MAX } else { selected };
    let [centre, phases, hint] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Fill(1),
        Constraint::Length(u16::from(!app.for_the_room())),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(
            Line::styled(format!("{} {}", glyphs::DOT, model.centre), theme.title).centered(),
        )
        .block(panel("", false, theme)),
        centre,
    );
    let side_by_side = area.width >= SIDE_BY_SIDE_FROM;
    let rects = if side_by_side {
        Layout::horizontal(vec![Constraint::Fill(1); model.phases.len()]).split(phases)
    } else {
        let heights: Vec<Constraint> = model
            .phases
            .iter()
            .map(|p| Constraint::Fill(p.advice.len() as u16 + 1))
            .collect();
        Layout::vertical(heights).split(phases)
    };
    let mut index = 0;
    for (phase, rect) in model.phases.iter().zip(rects.iter()) {
        // The title on the border: cut with "…" when the column is narrower.
        let title = ellipsis(&phase.title, rect.width.saturating_sub(4));
        let block = panel(
            Line::styled(format!(" {title} "), theme.accent),
            false,
            theme,
        );
        let inner = block.inner(*rect);
        frame.render_widget(block, *rect);
        let mut lines = Vec::new();
        if side_by_side && !phase.question.is_empty() {
            lines.push(Line::styled(phase.question.as_str(), theme.dim));
            lines.push(Line::default());
        }
        // Room for the point under each title when the column is tall enough.
        let with_points = side_by_side && inner.height as usize >= phase.advice.len() * 6 + 2;
        for advice in &phase.advice {
            let is_sel = index == selected;
            let number = format!("{:>2} ", advice.number);
            let title_w = inner.width.saturating_sub(number.len() as u16);
            for (n, chunk) in wrap(&advice.title, title_w).into_iter().enumerate() {
                let lead = if n == 0 { number.clone() } else { "   ".into() };
                lines.push(Line::from(vec![
                    Span::styled(lead, style_if(is_sel, theme.selected, theme.accent)),
                    Span::styled(chunk, style_if(is_sel, theme.selected, theme.title)),
                ]));
            }
            if with_points {
                for chunk in wrap(&advice.point, title_w) {
                    lines.push(Line::from(vec![
                        Span::raw("   "),
                        Span::styled(chunk, theme.dim),
                    ]));
                }
            }
            if side_by_side {
                lines.push(Line::default());
            }
            index += 1;
        }
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    }
    if !app.for_the_room() {
        frame.render_widget(
            Paragraph::new(Line::styled(app.words().open_advice, theme.dim)).centered(),
            hint,
        );
    }
}

/// The opened advice's popup: its rectangle in `area`, title and lines.
fn advice_popup<'a>(
    area: Rect,
    app: &App,
    model: &'a Model,
    index: usize,
    theme: &Theme,
) -> Option<(Rect, Line<'a>, Vec<Line<'a>>)> {
    let (phase, advice) = model
        .phases
        .iter()
        .flat_map(|p| p.advice.iter().map(move |a| (p, a)))
        .nth(index)?;
    let w = app.words();
    let mut lines = vec![
        Line::styled(phase.title.as_str(), theme.dim),
        Line::default(),
        Line::styled(advice.point.as_str(), theme.title),
        Line::default(),
    ];
    let width = area.width.saturating_sub(6).min(100);
    let rect = centered(area, width, area.height.saturating_sub(2));
    let text_w = clear_of_border(Block::bordered().inner(rect)).width;
    lines.extend(bullets(w.ideas, &advice.ideas, text_w, theme));
    lines.push(Line::default());
    lines.extend(bullets(w.reflection, &advice.questions, text_w, theme));
    let offered = app.offered(&model.about.id, advice.number);
    if !offered.is_empty() && !app.is_room() {
        lines.push(Line::default());
        lines.push(Line::styled(w.instruments, theme.accent));
        for (n, c) in offered.iter().enumerate() {
            lines.push(Line::from(vec![
                Span::styled(format!("  {} ", n + 1), theme.selected),
                Span::styled(format!(" {}", c.title()), theme.title),
            ]));
        }
    }
    let title = Line::styled(
        format!(" {}. {} ", advice.number, advice.title),
        theme.accent,
    );
    Some((rect, title, lines))
}

/// An advice opened over the whole screen.
pub fn advice(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    model: &Model,
    index: usize,
    scroll: u16,
    theme: &Theme,
) {
    let Some((rect, title, lines)) = advice_popup(area, app, model, index, theme) else {
        return;
    };
    frame.render_widget(Clear, rect);
    scrolled(frame, rect, lines, panel(title, true, theme), scroll);
}

/// How far the opened advice can scroll on a `width`×`height` screen.
pub fn advice_limit(app: &App, model: &Model, index: usize, width: u16, height: u16) -> u16 {
    let area = Rect::new(0, 0, width, height);
    let theme = Theme::monochrome();
    let Some((rect, title, lines)) = advice_popup(area, app, model, index, &theme) else {
        return 0;
    };
    scroll_end(rect, lines, &panel(title, true, &theme))
}
