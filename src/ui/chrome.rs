//! The frame around a step: header with the clock, footer with keys and status,
//! and the side panel with the agenda and the facilitator's notes.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use unicode_width::UnicodeWidthStr;

use super::{Theme, bullets, ellipsis, glue, glyphs, panel};
use crate::app::App;
use crate::session::{ClockState, format_left};

/// The clock as spans: "► 12:34 tilbage · 45 min", coloured by state.
pub fn clock_spans(app: &App, theme: &Theme) -> Vec<Span<'static>> {
    let w = app.words();
    let Some(clock) = app.shown_clock(&app.step().id) else {
        return Vec::new();
    };
    let now = app.now();
    let left = clock.left_ms(now);
    let style = match clock.state(now) {
        ClockState::OnTime => theme.ok,
        ClockState::Low => theme.low,
        ClockState::Over => theme.over,
    };
    let (icon, run) = if clock.running() {
        (glyphs::RUNNING, w.running)
    } else {
        (glyphs::PAUSED, w.paused)
    };
    let word = if left < 0 { w.over } else { w.left };
    vec![
        Span::styled(icon, theme.dim),
        Span::styled(format_left(left), style),
        Span::styled(format!(" {word}"), style),
        Span::styled(
            format!(" · {} {} · {run}", clock.planned_s / 60, w.minutes),
            theme.dim,
        ),
    ]
}

/// Two lines: the step and its clock; the workshop and the plan. A title too
/// long for what the clock leaves is cut with "…", never run into the clock.
pub fn header(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let w = app.words();
    let n = app.workshop().steps.len();
    let number = format!("{} {}/{n} ", w.step, app.step_index() + 1);
    let title = |room: u16| {
        Line::from(vec![
            Span::styled(number.clone(), theme.dim),
            Span::styled(
                ellipsis(
                    &app.step().title,
                    room.saturating_sub(number.width() as u16),
                ),
                theme.title,
            ),
        ])
    };
    beside(frame, area, title, Line::from(clock_spans(app, theme)));
    // Rehearsing is said first: it matters more than the workshop's name.
    let rehearsal = if app.rehearsal() {
        format!("{}  ", w.rehearsal)
    } else {
        String::new()
    };
    let sub_line = |room: u16| {
        Line::from(vec![
            Span::styled(ellipsis(&rehearsal, room), theme.low),
            Span::styled(
                ellipsis(
                    &app.workshop().title,
                    room.saturating_sub(rehearsal.width() as u16),
                ),
                theme.dim,
            ),
        ])
    };
    let row = Rect {
        y: area.y + 1,
        height: 1,
        ..area
    };
    if row.y < area.bottom() {
        beside(frame, row, sub_line, schedule_line(app, theme));
    }
}

/// `right` right-aligned on the first row of `area` (cut when it must be), and
/// what `left` makes of the columns left over, with a space between.
fn beside<'a>(frame: &mut Frame, area: Rect, left: impl Fn(u16) -> Line<'a>, right: Line<'a>) {
    let right_w = (right.width() as u16).min(area.width.saturating_sub(12));
    let left_w = area.width.saturating_sub(right_w + u16::from(right_w > 0));
    let row = Rect { height: 1, ..area };
    frame.render_widget(
        Paragraph::new(left(left_w)),
        Rect {
            width: left_w,
            ..row
        },
    );
    frame.render_widget(
        Paragraph::new(right).right_aligned(),
        Rect {
            x: row.right() - right_w,
            width: right_w,
            ..row
        },
    );
}

/// Where the room stands against the plan: "7 min bag planen · slut 12:07 (plan 12:00)".
pub fn schedule_line(app: &App, theme: &Theme) -> Line<'static> {
    let w = app.words();
    if !app.plan_shown() {
        return Line::default();
    }
    let Some(mut s) = app.session().schedule(app.workshop(), app.now()) else {
        return Line::default();
    };
    // On the closing screen the workshop has ended: when it did, not when it
    // would if the last step ran on.
    if let Some(ended) = app.session().ended.filter(|_| app.closing()) {
        s.projected_end = ended;
    }
    let minutes = (s.behind_ms() as f64 / 60_000.0).round() as i64;
    let (text, style) = match minutes {
        0 => (w.on_plan.to_string(), theme.ok),
        m if m > 0 => (format!("{m} {} {}", w.minutes, w.behind), theme.over),
        m => (format!("{} {} {}", -m, w.minutes, w.ahead), theme.ok),
    };
    Line::from(vec![
        Span::styled(text, style),
        Span::styled(
            format!(
                " · {} {} ({} {})",
                w.ends,
                time_of_day(s.projected_end, app.tz()),
                w.plan,
                time_of_day(s.planned_end, app.tz())
            ),
            theme.dim,
        ),
    ])
}

/// "12:07" in the App's time zone.
pub fn time_of_day(ms: crate::session::Millis, tz: &jiff::tz::TimeZone) -> String {
    jiff::Timestamp::from_millisecond(ms as i64)
        .map(|t| {
            t.to_zoned_datetime(tz.clone())
                .strftime("%H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

/// The offer after an overrun: "r: forkort de næste trin · R: behold planen · Pause 15→12".
pub fn proposal_line(app: &App, plan: &[(String, u32)], theme: &Theme) -> Line<'static> {
    let w = app.words();
    let changes: Vec<String> = plan
        .iter()
        .filter_map(|(id, planned)| {
            let step = app.workshop().steps.iter().find(|s| &s.id == id)?;
            let before = app.session().state(id)?.clock.planned_s / 60;
            Some(format!("{} {before}→{}", step.title, planned / 60))
        })
        .collect();
    // Both keys first: on a narrow screen the list of changes is what wraps.
    Line::from(vec![
        Span::styled(glyphs::WARNING, theme.over),
        Span::styled(w.rebalance, theme.low),
        Span::styled(format!(" · {}", w.keep_plan), theme.low),
        Span::styled(format!(" · {}", changes.join(" · ")), theme.text),
    ])
}

/// The keys that fit, whole, beside the status: the status has its own
/// space on the right, and a hint that does not fit is left out rather than cut.
pub fn footer(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let status = app
        .status()
        .map(|(text, error)| {
            Line::styled(
                ellipsis(&text, area.width),
                if error { theme.error } else { theme.ok },
            )
        })
        .unwrap_or_default();
    let status_w = status.width() as u16;
    let room = usize::from(
        area.width
            .saturating_sub(status_w + u16::from(status_w > 0) * 2),
    );
    let mut spans = Vec::new();
    let mut used = 0;
    for b in app.hints() {
        let key = b.short_label();
        let text = format!(" {}  ", b.text(app.lang()));
        let w = key.width() + text.trim_end().width();
        if used + w > room {
            // Keep the order of the table: a later, shorter hint would read as
            // more important than the one left out.
            break;
        }
        used += w + 2;
        spans.push(Span::styled(key, theme.accent));
        spans.push(Span::styled(text, theme.dim));
    }
    let [keys, right] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(status_w)]).areas(area);
    frame.render_widget(Paragraph::new(Line::from(spans)), keys);
    frame.render_widget(Paragraph::new(status).right_aligned(), right);
}

/// The agenda as lines `width` wide: a mark for done/current, title, planned
/// minutes at the right; a long title is cut with "…", the minutes never.
pub fn agenda_lines(
    app: &App,
    selected: Option<usize>,
    width: u16,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let current = app.step_index();
    let now = app.now();
    app.workshop()
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let (mark, style) = if i == current {
                (glyphs::CURRENT, theme.accent)
            } else if i < current {
                (glyphs::DONE, theme.dim)
            } else {
                ("  ", theme.text)
            };
            let clock = app.shown_clock(&s.id);
            let used = clock.map_or(0, |c| c.used_ms(now));
            let minutes = clock.map_or(s.minutes, |c| c.planned_s / 60);
            let time = if used > 0 {
                format!("{}/{minutes}", format_left(used as i64))
            } else {
                format!("{minutes}")
            };
            let number = format!("{:>2} ", i + 1);
            let time = format!("  {time} {}", app.words().minutes);
            let room =
                usize::from(width).saturating_sub(mark.width() + number.width() + time.width());
            let title = ellipsis(&s.title, room as u16);
            let pad = " ".repeat(room.saturating_sub(title.width()));
            let line = Line::from(vec![
                Span::styled(mark, style),
                Span::styled(number, theme.dim),
                Span::styled(title, style),
                Span::raw(pad),
                Span::styled(time, theme.dim),
            ]);
            if selected == Some(i) {
                line.style(theme.selected)
            } else {
                line
            }
        })
        .collect()
}

pub fn side_panel(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let w = app.words();
    let agenda = agenda_lines(app, None, area.width.saturating_sub(2), theme);
    let agenda_h = (agenda.len() as u16 + 2).min(area.height / 2);
    let [top, bottom] =
        Layout::vertical([Constraint::Length(agenda_h), Constraint::Fill(1)]).areas(area);
    frame.render_widget(
        Paragraph::new(agenda).block(panel(w.agenda, false, theme)),
        top,
    );
    let block = panel(w.notes, false, theme);
    let lines = notes_lines(app, block.inner(bottom).width, theme);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        bottom,
    );
}

/// Purpose, notes and questions of the current step (and the preparation on
/// the first step): what the facilitator reads, not the room.
/// Bullets are wrapped to `width`.
pub fn notes_lines<'a>(app: &'a App, width: u16, theme: &Theme) -> Vec<Line<'a>> {
    let w = app.words();
    let step = app.step();
    let mut lines = Vec::new();
    if app.step_index() == 0 && !app.workshop().preparation.is_empty() {
        lines.extend(bullets(
            w.preparation,
            &app.workshop().preparation,
            width,
            theme,
        ));
        lines.push(Line::default());
    }
    if !step.purpose.is_empty() {
        lines.push(Line::styled(w.purpose, theme.accent));
        lines.push(Line::raw(glue(&step.purpose)));
        lines.push(Line::default());
    }
    if !step.notes.is_empty() {
        lines.extend(bullets(w.notes, &step.notes, width, theme));
        lines.push(Line::default());
    }
    if !step.questions.is_empty() {
        lines.extend(bullets(w.questions, &step.questions, width, theme));
    }
    for (heading, items) in app.exercise().notes(w) {
        if !items.is_empty() {
            lines.push(Line::default());
            lines.extend(bullets(heading, &items, width, theme));
        }
    }
    lines
}
