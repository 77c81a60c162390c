//! The frame around a step: header with the clock, footer with keys and status,
//! and the side panel with the agenda and the facilitator's notes.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Theme, bullets, panel};
use crate::app::App;
use crate::keymap;
use crate::session::{ClockState, format_left};

/// The clock as spans: "▶ 12:34 tilbage · 45 min", coloured by state.
pub fn clock_spans(app: &App, theme: &Theme) -> Vec<Span<'static>> {
    let w = app.words();
    let Some(state) = app.session().state(&app.step().id) else {
        return Vec::new();
    };
    let clock = state.clock;
    let now = app.now();
    let left = clock.left_ms(now);
    let style = match clock.state(now) {
        ClockState::OnTime => theme.ok,
        ClockState::Low => theme.low,
        ClockState::Over => theme.over,
    };
    let (icon, run) = if clock.running() {
        ("▶ ", w.running)
    } else {
        ("⏸ ", w.paused)
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

pub fn header(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let w = app.words();
    let step = app.step();
    let n = app.workshop().steps.len();
    let clock = Line::from(clock_spans(app, theme));
    let clock_w = clock.width() as u16;
    let [left, right] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(clock_w.min(area.width.saturating_sub(12))),
    ])
    .spacing(1)
    .areas(area);
    let title = Line::from(vec![
        Span::styled(
            format!("{} {}/{n} ", w.step, app.step_index() + 1),
            theme.dim,
        ),
        Span::styled(step.title.as_str(), theme.title),
    ]);
    let mut sub = vec![Span::styled(app.workshop().title.as_str(), theme.dim)];
    if app.rehearsal() {
        sub.push(Span::styled(format!("  {}", w.rehearsal), theme.low));
    }
    let schedule = schedule_line(app, theme);
    let [sub_left, sub_right] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length((schedule.width() as u16).min(area.width.saturating_sub(12))),
    ])
    .spacing(1)
    .areas(Rect {
        y: area.y + 1,
        height: 1,
        ..area
    });
    frame.render_widget(Paragraph::new(title), Rect { height: 1, ..left });
    frame.render_widget(Paragraph::new(Line::from(sub)), sub_left);
    frame.render_widget(
        Paragraph::new(clock).right_aligned(),
        Rect { height: 1, ..right },
    );
    frame.render_widget(Paragraph::new(schedule).right_aligned(), sub_right);
}

/// Where the room stands against the plan: "7 min bag planen · slut 12:07 (plan 12:00)".
pub fn schedule_line(app: &App, theme: &Theme) -> Line<'static> {
    let w = app.words();
    let Some(s) = app.session().schedule(app.workshop(), app.now()) else {
        return Line::default();
    };
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

/// The offer after an overrun: "r: forkort de næste trin (Pause 15→12) · R: behold planen".
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
    Line::from(vec![
        Span::styled("⚠ ", theme.over),
        Span::styled(w.rebalance, theme.low),
        Span::styled(format!(" ({})", changes.join(" · ")), theme.text),
        Span::styled(format!("  {}", w.keep_plan), theme.dim),
    ])
}

pub fn footer(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let mut spans = Vec::new();
    for b in keymap::hints(&app.keys()) {
        spans.push(Span::styled(b.short_label(), theme.accent));
        spans.push(Span::styled(
            format!(" {}  ", b.text(app.lang())),
            theme.dim,
        ));
    }
    let status = app
        .status()
        .map(|(text, error)| Line::styled(text, if error { theme.error } else { theme.ok }))
        .unwrap_or_default();
    let status_w = (status.width() as u16).min(area.width / 2);
    let [keys, right] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(status_w)]).areas(area);
    frame.render_widget(Paragraph::new(Line::from(spans)), keys);
    frame.render_widget(Paragraph::new(status).right_aligned(), right);
}

/// The agenda as lines: a mark for done/current, title, planned minutes.
pub fn agenda_lines<'a>(app: &'a App, selected: Option<usize>, theme: &Theme) -> Vec<Line<'a>> {
    let current = app.step_index();
    let now = app.now();
    app.workshop()
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let (mark, style) = if i == current {
                ("▶ ", theme.accent)
            } else if i < current {
                ("✓ ", theme.dim)
            } else {
                ("  ", theme.text)
            };
            let clock = app.session().state(&s.id).map(|st| st.clock);
            let used = clock.map_or(0, |c| c.used_ms(now));
            let minutes = clock.map_or(s.minutes, |c| c.planned_s / 60);
            let time = if used > 0 {
                format!("{}/{minutes}", format_left(used as i64))
            } else {
                format!("{minutes}")
            };
            let line = Line::from(vec![
                Span::styled(mark, style),
                Span::styled(format!("{:>2} ", i + 1), theme.dim),
                Span::styled(s.title.as_str(), style),
                Span::styled(format!("  {time} {}", app.words().minutes), theme.dim),
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
    let agenda = agenda_lines(app, None, theme);
    let agenda_h = (agenda.len() as u16 + 2).min(area.height / 2);
    let [top, bottom] =
        Layout::vertical([Constraint::Length(agenda_h), Constraint::Fill(1)]).areas(area);
    frame.render_widget(
        Paragraph::new(agenda).block(panel(w.agenda, false, theme)),
        top,
    );
    frame.render_widget(
        Paragraph::new(notes_text(app, theme))
            .wrap(Wrap { trim: true })
            .block(panel(w.notes, false, theme)),
        bottom,
    );
}

/// Purpose, notes and questions of the current step (and the preparation on
/// the first step): what the facilitator reads, not the room.
pub fn notes_text<'a>(app: &'a App, theme: &Theme) -> Text<'a> {
    let w = app.words();
    let step = app.step();
    let mut lines = Vec::new();
    if app.step_index() == 0 && !app.workshop().preparation.is_empty() {
        lines.extend(bullets(w.preparation, &app.workshop().preparation, theme));
        lines.push(Line::default());
    }
    if !step.purpose.is_empty() {
        lines.push(Line::styled(w.purpose, theme.accent));
        lines.push(Line::raw(step.purpose.as_str()));
        lines.push(Line::default());
    }
    if !step.notes.is_empty() {
        lines.extend(bullets(w.notes, &step.notes, theme));
        lines.push(Line::default());
    }
    if !step.questions.is_empty() {
        lines.extend(bullets(w.questions, &step.questions, theme));
    }
    for (heading, items) in app.exercise().notes(w) {
        if !items.is_empty() {
            lines.push(Line::default());
            lines.push(Line::styled(heading, theme.accent));
            lines.extend(
                items
                    .into_iter()
                    .map(|q| Line::from(vec![Span::styled("• ", theme.dim), Span::raw(q)])),
            );
        }
    }
    Text::from(lines)
}
