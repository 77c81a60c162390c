//! The purpose in large type with the questions for the room; or the break.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::App;
use crate::ui::{Theme, bullets, chrome, padded};

pub fn info(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let step = app.step();
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
