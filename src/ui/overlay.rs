//! What is drawn over a step: the answer form, help, the step's notes, the
//! agenda and the question on resume.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use unicode_width::UnicodeWidthStr;

use super::{
    Theme, centered, chrome, clamp_scroll, clear_of_border, panel, popup, scroll_end, scrolled,
    wrap,
};
use crate::app::{App, Editor};
use crate::keymap;

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
        // The form's own keys, from the table that handles them.
        let keys: Vec<String> = app
            .hints()
            .into_iter()
            .map(|b| format!("{} {}", b.short_label(), b.text(app.lang())))
            .collect();
        Line::styled(keys.join(" · "), theme.dim)
    };
    frame.render_widget(Paragraph::new(note), last);
}

/// The keys of the screen beneath, from the same tables that handle them, in
/// the session's language: in one column when it fits (or the screen is
/// narrow), else in two; descriptions wrap, never cut; it scrolls.
pub fn help(frame: &mut Frame, area: Rect, app: &App, scroll: u16, theme: &Theme) {
    let layout = help_layout(app, area, theme);
    frame.render_widget(Clear, layout.rect);
    let block = panel(format!(" {} – ? ", app.words().help), true, theme);
    let (scroll, block) = if layout.scrolls {
        clamp_scroll(block, scroll, layout.visible, layout.total)
    } else {
        (0, block)
    };
    frame.render_widget(block, layout.rect);
    for (rect, lines) in layout.columns {
        frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), rect);
    }
}

/// How far help can scroll in `area`.
pub fn help_limit(app: &App, area: Rect) -> u16 {
    let layout = help_layout(app, area, &Theme::monochrome());
    layout.total.saturating_sub(layout.visible)
}

/// Help laid out: where, in which columns, how many lines of how many show.
struct HelpLayout {
    rect: Rect,
    columns: Vec<(Rect, Vec<Line<'static>>)>,
    scrolls: bool,
    visible: u16,
    total: u16,
}

fn help_layout(app: &App, area: Rect, theme: &Theme) -> HelpLayout {
    let w = app.words();
    let tables = app.step_keys();
    let groups: Vec<(String, keymap::Table)> = tables
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.is_empty())
        .map(|(n, t)| {
            let heading = if n + 1 == tables.len() && tables.len() > 1 {
                w.every_step.to_string()
            } else {
                app.step().title.clone()
            };
            (heading, *t)
        })
        .collect();
    let one_w = area.width.min(HELP_WIDTH);
    let one = help_lines(app, &groups, one_w.saturating_sub(2), theme);
    let total = one.len() as u16;
    if total + 2 <= area.height {
        let rect = centered(area, one_w, total + 2);
        let inner = inset(rect);
        return HelpLayout {
            rect,
            columns: vec![(inner, one)],
            scrolls: false,
            visible: total,
            total,
        };
    }
    let rect = centered(area, area.width, area.height);
    let inner = inset(rect);
    if inner.width < 2 * HELP_COLUMN + 1 {
        let lines = help_lines(app, &groups, inner.width, theme);
        return HelpLayout {
            rect,
            total: lines.len() as u16,
            columns: vec![(inner, lines)],
            scrolls: true,
            visible: inner.height,
        };
    }
    let [l, r] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)])
        .spacing(1)
        .areas(inner);
    // Break between the groups where the columns come out most even, so no
    // group is split.
    let (left, right) = (1..groups.len().max(2))
        .map(|at| {
            let (left, right) = groups.split_at(at.min(groups.len()));
            (
                help_lines(app, left, l.width, theme),
                help_lines(app, right, r.width, theme),
            )
        })
        .min_by_key(|(a, b)| a.len().max(b.len()))
        .unwrap_or_default();
    HelpLayout {
        rect,
        total: left.len().max(right.len()) as u16,
        columns: vec![(l, left), (r, right)],
        scrolls: true,
        visible: inner.height,
    }
}

/// The inside of a bordered popup.
fn inset(rect: Rect) -> Rect {
    rect.inner(ratatui::layout::Margin::new(1, 1))
}

/// Widest the help gets when it fits in one column.
const HELP_WIDTH: u16 = 76;
/// Narrowest a help column is: a key label and a few words beside it.
const HELP_COLUMN: u16 = 44;

/// The groups of keys as lines `width` wide: each group's heading, then each
/// key with what it does, the description wrapped beside the key.
fn help_lines(
    app: &App,
    groups: &[(String, keymap::Table)],
    width: u16,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let label_w = groups
        .iter()
        .flat_map(|(_, t)| t.iter())
        .map(|b| b.label().width())
        .max()
        .unwrap_or(0)
        .min(usize::from(width / 3))
        + 2;
    let text_w = width.saturating_sub(label_w as u16 + 2);
    let mut lines = Vec::new();
    for (heading, table) in groups {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(heading.clone(), theme.accent));
        for b in table.iter() {
            let mut label = b.label();
            if label.width() + 1 > label_w {
                // A long label on a narrow screen gets a line of its own.
                lines.push(Line::styled(format!("  {label}"), theme.title));
                label.clear();
            }
            for (n, chunk) in wrap(b.text(app.lang()), text_w).into_iter().enumerate() {
                let key = if n == 0 { label.as_str() } else { "" };
                lines.push(Line::from(vec![
                    Span::styled(format!("  {key:<label_w$}"), theme.title),
                    Span::raw(chunk),
                ]));
            }
        }
    }
    lines
}

/// The question on resume when the clock was running.
pub fn resume_clock(frame: &mut Frame, area: Rect, app: &App, seen: u64, theme: &Theme) {
    let w = app.words();
    let away = app.now().saturating_sub(seen) / 60_000;
    let at = chrome::time_of_day(seen, app.tz());
    let (m, h) = (w.minutes_abbr, w.hours_abbr);
    let since = match away {
        0..60 => format!("{away} {m}"),
        _ => format!("{} {h} {} {m}", away / 60, away % 60),
    };
    let lines = vec![
        Line::styled(
            crate::i18n::fill(
                if away == 0 {
                    w.clock_was_running_just_now
                } else {
                    w.clock_was_running
                },
                &[("at", &at), ("away", &since)],
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
    let rect = notes_rect(area);
    frame.render_widget(Clear, rect);
    let block = panel(format!(" {} ", app.step().title), true, theme);
    let lines = chrome::notes_lines(app, clear_of_border(inset(rect)).width, theme);
    scrolled(frame, rect, lines, block, scroll);
}

/// How far the notes can scroll in `area`.
pub fn notes_limit(app: &App, area: Rect) -> u16 {
    let rect = notes_rect(area);
    let theme = Theme::monochrome();
    let lines = chrome::notes_lines(app, clear_of_border(inset(rect)).width, &theme);
    scroll_end(rect, lines, &panel("", true, &theme))
}

fn notes_rect(area: Rect) -> Rect {
    centered(
        area,
        area.width.saturating_sub(8).max(30),
        area.height.saturating_sub(4),
    )
}

/// The agenda to jump from, scrolled so the chosen step is in view.
pub fn agenda(frame: &mut Frame, area: Rect, app: &App, selected: usize, theme: &Theme) {
    let width = area.width.min(64);
    let lines = chrome::agenda_lines(app, Some(selected), width.saturating_sub(2), theme);
    let rect = popup(frame, area, width, lines.len() as u16 + 2);
    let visible = usize::from(rect.height.saturating_sub(2));
    let top = (selected + 1).saturating_sub(visible);
    let (top, block) = clamp_scroll(
        panel(format!(" {} ", app.words().agenda), true, theme),
        top as u16,
        visible as u16,
        lines.len() as u16,
    );
    frame.render_widget(Paragraph::new(lines).scroll((top, 0)).block(block), rect);
}
