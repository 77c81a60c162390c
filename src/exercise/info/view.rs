//! The purpose in large type with the questions for the room; or the break.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::App;
use crate::ui::{Theme, big, bullets, chrome, padded};

pub fn info(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let step = app.step();
    if app.for_the_room() && room_questions(frame, area, app, theme) {
        return;
    }
    let mut lines = vec![
        Line::default(),
        Line::styled(step.purpose.as_str(), theme.title),
        Line::default(),
    ];
    let area = padded(area);
    if !step.questions.is_empty() {
        lines.extend(bullets(
            app.words().questions,
            &step.questions,
            area.width,
            theme,
        ));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), area);
}

/// For the room: the purpose, then the questions in big text, if they fit.
fn room_questions(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) -> bool {
    let step = app.step();
    if step.questions.is_empty() {
        return false;
    }
    let purpose = Paragraph::new(Line::styled(step.purpose.as_str(), theme.dim))
        .centered()
        .wrap(Wrap { trim: true });
    let purpose_h = purpose.line_count(area.width) as u16;
    // A blank line between purpose and questions, and between questions.
    let rows = area.height.saturating_sub(purpose_h + 1);
    let gaps = step.questions.len() as u16 - 1;
    let mut left = rows.saturating_sub(gaps);
    let mut blocks = Vec::new();
    for q in &step.questions {
        let Some(lines) = big::wrapped(q, area.width, left) else {
            return false;
        };
        left -= lines.len() as u16 * big::HEIGHT;
        blocks.push(lines);
    }
    frame.render_widget(
        purpose,
        Rect {
            height: purpose_h,
            ..area
        },
    );
    let mut y = area.y + purpose_h + 1;
    for lines in blocks {
        let h = lines.len() as u16 * big::HEIGHT;
        let rect = Rect {
            y,
            height: h,
            ..area
        };
        big::lines(
            frame,
            rect,
            &lines,
            big::narrow(),
            theme.title,
            Alignment::Center,
        );
        y += h + 1;
    }
    true
}

pub fn pause(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let clock = Line::from(chrome::clock_spans(app, theme)).centered();
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
