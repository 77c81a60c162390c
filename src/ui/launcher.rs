//! The launcher screen: the workshops to start and the sessions to resume,
//! scrolled so the chosen one is in view; below the smallest size, the
//! "make the window larger" note every screen has.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{MIN_HEIGHT, MIN_WIDTH, Theme, centered, clamp_scroll, glyphs, panel};
use crate::i18n::words;
use crate::keymap;
use crate::launcher::Launcher;

pub fn draw(frame: &mut Frame, launcher: &Launcher, theme: &Theme) {
    let area = frame.area();
    frame.render_widget(ratatui::widgets::Block::default().style(theme.base), area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        super::too_small(frame, area, words(&launcher.lang), theme);
        return;
    }
    let hints: Vec<Span> = keymap::hints(&[keymap::LAUNCHER])
        .flat_map(|b| {
            [
                Span::styled(b.short_label(), theme.accent),
                Span::styled(format!(" {}  ", b.text(&launcher.lang)), theme.dim),
            ]
        })
        .collect();
    let head = vec![
        Line::styled("flipover", theme.title),
        Line::from(hints),
        Line::default(),
    ];
    let mut entries = Vec::new();
    for (i, e) in launcher.entries.iter().enumerate() {
        let sel = i == launcher.selected;
        let style = if sel { theme.selected } else { theme.title };
        entries.push(Line::from(vec![
            Span::styled(if sel { glyphs::CURRENT } else { "  " }, theme.accent),
            Span::styled(e.label.as_str(), style),
        ]));
        entries.push(Line::styled(format!("    {}", e.detail), theme.dim));
    }
    if !launcher.damaged.is_empty() {
        entries.push(Line::default());
        for (id, reason) in &launcher.damaged {
            entries.push(Line::styled(
                format!("  {}{id}", glyphs::WARNING),
                theme.low,
            ));
            entries.push(Line::styled(format!("    {reason}"), theme.dim));
        }
    }
    let h = (head.len() + entries.len()) as u16 + 2;
    let rect = centered(area, area.width.saturating_sub(4).min(90), h);
    let block = panel("", true, theme);
    let inner = block.inner(rect);
    let [top, list] =
        Layout::vertical([Constraint::Length(head.len() as u16), Constraint::Fill(1)]).areas(inner);
    // Two lines an entry: the chosen one's both in view.
    let bottom = (launcher.selected as u16 + 1) * 2;
    let (scroll, block) = clamp_scroll(
        block,
        bottom.saturating_sub(list.height),
        list.height,
        entries.len() as u16,
    );
    frame.render_widget(block, rect);
    frame.render_widget(Paragraph::new(head), top);
    frame.render_widget(Paragraph::new(entries).scroll((scroll, 0)), list);
}
