//! The launcher screen.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Theme, centered, panel};
use crate::keymap;
use crate::launcher::Launcher;

pub fn draw(frame: &mut Frame, launcher: &Launcher, theme: &Theme) {
    let area = frame.area();
    frame.render_widget(ratatui::widgets::Block::default().style(theme.base), area);
    let hints: Vec<Span> = keymap::hints(&[keymap::LAUNCHER])
        .flat_map(|b| {
            [
                Span::styled(b.short_label(), theme.accent),
                Span::styled(format!(" {}  ", b.text(&launcher.lang)), theme.dim),
            ]
        })
        .collect();
    let mut lines = vec![
        Line::styled("flipover", theme.title),
        Line::from(hints),
        Line::default(),
    ];
    for (i, e) in launcher.entries.iter().enumerate() {
        let sel = i == launcher.selected;
        let style = if sel { theme.selected } else { theme.title };
        lines.push(Line::from(vec![
            Span::styled(if sel { "▶ " } else { "  " }, theme.accent),
            Span::styled(e.label.as_str(), style),
        ]));
        lines.push(Line::styled(format!("    {}", e.detail), theme.dim));
    }
    if !launcher.damaged.is_empty() {
        lines.push(Line::default());
        for (id, reason) in &launcher.damaged {
            lines.push(Line::styled(format!("  ⚠ {id}"), theme.low));
            lines.push(Line::styled(format!("    {reason}"), theme.dim));
        }
    }
    let h = lines.len() as u16 + 2;
    let rect = centered(area, area.width.saturating_sub(4).min(90), h);
    let [body] = Layout::vertical([Constraint::Fill(1)]).areas(rect);
    frame.render_widget(Paragraph::new(lines).block(panel("", true, theme)), body);
}
