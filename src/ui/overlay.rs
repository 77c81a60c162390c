//! What is drawn over a step: the answer form, help, the step's notes, the
//! agenda and the question on resume.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::{Theme, chrome, panel, popup};
use crate::app::{App, Editor};

/// The form at the bottom of the step, over whatever is there.
pub fn editor(frame: &mut Frame, area: Rect, app: &App, ed: &Editor, confirm: bool, theme: &Theme) {
    let w = app.words();
    let field_h = if ed.fields.len() == 1 { 3 } else { 2 };
    let h = (ed.fields.len() as u16 * field_h + 3).min(area.height);
    let rect = Rect {
        y: area.y + area.height.saturating_sub(h),
        height: h,
        ..area
    };
    frame.render_widget(Clear, rect);
    let block = panel(
        Line::styled(format!(" {} ", ed.title), theme.accent),
        true,
        theme,
    );
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let mut constraints = vec![Constraint::Length(field_h); ed.fields.len()];
    constraints.push(Constraint::Length(1));
    let rows = Layout::vertical(constraints).split(inner);
    for (i, field) in ed.fields.iter().enumerate() {
        let Some(row) = rows.get(i) else { break };
        let label = ed.labels.get(i).copied().unwrap_or("");
        let label_w = if label.is_empty() { 0 } else { 9 };
        let [l, input] =
            Layout::horizontal([Constraint::Length(label_w), Constraint::Fill(1)]).areas(*row);
        let focused = i == ed.focus && !confirm;
        frame.render_widget(
            Paragraph::new(Span::styled(
                label,
                if focused { theme.accent } else { theme.dim },
            )),
            l,
        );
        let mut t = field.clone();
        t.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
        t.set_style(theme.text);
        if !focused {
            t.set_cursor_style(theme.text);
        }
        frame.render_widget(&t, input);
    }
    let last = rows.last().copied().unwrap_or(inner);
    let note = if confirm {
        Line::styled(w.quit_while_typing, theme.low)
    } else if let Some(err) = &ed.error {
        Line::styled(format!("{}: {err}", w.saving_failed), theme.error)
    } else {
        Line::styled(w.enter_save, theme.dim)
    };
    frame.render_widget(Paragraph::new(note), last);
}

/// The keys of the screen beneath, from the same tables that handle them, in
/// the session's language; in two columns when one does not fit.
pub fn help(frame: &mut Frame, area: Rect, app: &App, scroll: u16, theme: &Theme) {
    let lang = app.lang();
    let w = app.words();
    let mut lines = Vec::new();
    let tables = app.step_keys();
    for (n, table) in tables.iter().enumerate() {
        if table.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        let heading = if n + 1 == tables.len() && tables.len() > 1 {
            w.every_step.to_string()
        } else {
            app.step().title.clone()
        };
        lines.push(Line::styled(heading, theme.accent));
        for b in table.iter() {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<14}", b.label()), theme.title),
                Span::raw(b.text(lang)),
            ]));
        }
    }
    let title = format!(" {} – ? ", w.help);
    if lines.len() as u16 + 2 <= area.height {
        let rect = popup(frame, area, 76, lines.len() as u16 + 2);
        frame.render_widget(Paragraph::new(lines).block(panel(title, true, theme)), rect);
        return;
    }
    let rect = popup(frame, area, area.width, area.height);
    let block = panel(title, true, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    // Break at the blank line between groups that evens the columns best, so no
    // group is split.
    let n = lines.len();
    let split = (0..n)
        .filter(|&i| lines[i].width() == 0)
        .min_by_key(|&i| i.max(n - i - 1))
        .unwrap_or(n / 2);
    let mut right = lines.split_off((split + 1).min(n));
    for column in [&mut lines, &mut right] {
        column.retain(|l| l.width() > 0);
    }
    let [l, r] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)])
        .spacing(1)
        .areas(inner);
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), l);
    frame.render_widget(Paragraph::new(right).scroll((scroll, 0)), r);
}

/// The question on resume when the clock was running.
pub fn resume_clock(frame: &mut Frame, area: Rect, app: &App, seen: u64, theme: &Theme) {
    let w = app.words();
    let away = app.now().saturating_sub(seen) / 60_000;
    let lines = vec![
        Line::styled(
            format!(
                "{} ({} · {away} {})",
                w.clock_was_running,
                chrome::time_of_day(seen, app.tz()),
                w.minutes
            ),
            theme.title,
        ),
        Line::default(),
        Line::styled(w.count_closed_time, theme.accent),
    ];
    let rect = popup(frame, area, 72.min(area.width), 5);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(panel("", true, theme)),
        rect,
    );
}

/// The step's purpose, notes and questions, scrolled.
pub fn notes(frame: &mut Frame, area: Rect, app: &App, scroll: u16, theme: &Theme) {
    let rect = popup(
        frame,
        area,
        area.width.saturating_sub(8).max(30),
        area.height.saturating_sub(4),
    );
    frame.render_widget(
        Paragraph::new(chrome::notes_text(app, theme))
            .wrap(Wrap { trim: true })
            .scroll((scroll, 0))
            .block(panel(format!(" {} ", app.step().title), true, theme)),
        rect,
    );
}

pub fn agenda(frame: &mut Frame, area: Rect, app: &App, selected: usize, theme: &Theme) {
    let lines = chrome::agenda_lines(app, Some(selected), theme);
    let rect = popup(frame, area, 64, lines.len() as u16 + 2);
    frame.render_widget(
        Paragraph::new(lines).block(panel(format!(" {} ", app.words().agenda), true, theme)),
        rect,
    );
}
