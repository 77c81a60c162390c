//! The launcher screen: the workshops to start and the sessions to resume,
//! scrolled so the chosen one is in view; below the smallest size, the
//! "make the window larger" note every screen has.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{
    EDGE, MIN_HEIGHT, MIN_WIDTH, Theme, centered, clamp_scroll, clear_of_border, glyphs, panel,
    popup, wrap,
};
use crate::i18n::words;
use crate::keymap;
use crate::launcher::{Launcher, Naming};

pub fn draw(frame: &mut Frame, launcher: &Launcher, theme: &Theme) {
    let area = frame.area();
    frame.render_widget(ratatui::widgets::Block::default().style(theme.base), area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        super::too_small(frame, area, words(&launcher.lang), theme);
        return;
    }
    if let Some(naming) = &launcher.naming {
        name_form(frame, launcher, naming, theme);
        return;
    }
    let head = vec![
        Line::styled("flipover", theme.title),
        Line::from(hints(keymap::LAUNCHER, &launcher.lang, theme)),
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

/// The form that names a new session, in place of the list: what it asks,
/// the field, whether the name continues a series, and the form's keys.
fn name_form(frame: &mut Frame, launcher: &Launcher, naming: &Naming, theme: &Theme) {
    let area = frame.area();
    let w = words(&launcher.lang);
    let width = area.width.saturating_sub(4).min(90);
    let question = wrap(w.session_for, width.saturating_sub(2 + EDGE));
    let series = launcher.continues_series();
    let rect = popup(
        frame,
        area,
        width,
        question.len() as u16 + 5 + u16::from(series),
    );
    let block = panel(
        Line::styled(format!(" {} ", naming.title), theme.accent),
        true,
        theme,
    );
    let inner = clear_of_border(block.inner(rect));
    frame.render_widget(block, rect);
    let [ask, field, _, said, keys] = Layout::vertical([
        Constraint::Length(question.len() as u16),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(u16::from(series)),
        Constraint::Length(1),
    ])
    .areas(inner);
    let question: Vec<Line> = question.into_iter().map(Line::from).collect();
    frame.render_widget(Paragraph::new(question).style(theme.text), ask);
    let [mark, field] =
        Layout::horizontal([Constraint::Length(2), Constraint::Fill(1)]).areas(field);
    frame.render_widget(Paragraph::new(Span::styled("› ", theme.accent)), mark);
    let mut input = naming.field.clone();
    input.set_style(theme.title);
    frame.render_widget(&input, field);
    if series {
        frame.render_widget(
            Paragraph::new(Line::styled(format!("↻ {}", w.continues_series), theme.ok)),
            said,
        );
    }
    frame.render_widget(
        Paragraph::new(Line::from(hints(keymap::NAMING, &launcher.lang, theme))),
        keys,
    );
}

/// The footer hints of `table`: key, then what it does, in `lang`.
fn hints(table: keymap::Table, lang: &str, theme: &Theme) -> Vec<Span<'static>> {
    keymap::hints(&[table])
        .flat_map(|b| {
            [
                Span::styled(b.short_label(), theme.accent),
                Span::styled(format!(" {}  ", b.text(lang)), theme.dim),
            ]
        })
        .collect()
}
