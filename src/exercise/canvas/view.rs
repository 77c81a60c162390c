//! A canvas: the named fields side by side, each with what the group wrote (or
//! its prompt while empty).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::App;
use crate::content::Canvas;
use crate::ui::{Theme, intro, panel};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, canvas: &Canvas, row: usize, theme: &Theme) {
    let state = app.session().state(&app.step().id);
    let grid = intro(
        frame,
        area,
        vec![Line::styled(canvas.about.intro.as_str(), theme.dim)],
    );
    let n = canvas.fields.len();
    let cols = match n {
        0..=3 => n.max(1),
        4 => 2,
        _ => 3,
    };
    let cols = if area.width < 90 { cols.min(2) } else { cols };
    let rows = n.div_ceil(cols);
    let row_rects = Layout::vertical(vec![Constraint::Fill(1); rows]).split(grid);
    for (r, row_rect) in row_rects.iter().enumerate() {
        let cells = Layout::horizontal(vec![Constraint::Fill(1); cols]).split(*row_rect);
        for (c, cell) in cells.iter().enumerate() {
            let i = r * cols + c;
            let Some(field) = canvas.fields.get(i) else {
                continue;
            };
            let focused = !app.is_room() && row == i;
            let text = state
                .and_then(|s| s.values.get(&field.id))
                .map(|v| v.text().to_string());
            let body = match text {
                Some(t) => Line::styled(t, theme.text),
                None => Line::styled(field.prompt.clone(), theme.dim),
            };
            frame.render_widget(
                Paragraph::new(body).wrap(Wrap { trim: true }).block(panel(
                    Line::styled(format!(" {} ", field.title), theme.accent),
                    focused,
                    theme,
                )),
                *cell,
            );
        }
    }
}
