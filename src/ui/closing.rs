//! The closing screen, after the last step: what the room decided (what, who,
//! by when), the plan against the time used per step, and where the report
//! is (or the key that writes it). Pure: drawn from `&App` only.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, Wrap};

use super::{ActionTable, Theme, ellipsis, more_note};
use crate::app::App;
use crate::exercise::{self, StepAnswers};
use crate::export::{NOT_TIMED, any_untimed, minutes, used_minutes, used_ms};

/// Draws the closing screen in `area` (the footer is the caller's).
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let w = app.words();
    let steps = exercise::session_answers(app.workshop(), app.session(), app.now());
    let decisions = decision_table(app, &steps);
    let parts = Parts::of(area, &decisions, steps.len());

    let mut title = vec![Span::styled(w.workshop_over, theme.title)];
    let name = &app.session().meta.name;
    if !name.is_empty() {
        title.push(Span::styled(format!(" · {name}"), theme.text));
    }
    let report = match app.report() {
        Some(path) => Line::from(vec![
            Span::styled(
                format!("{}{} ", super::glyphs::DONE, w.report_written),
                theme.ok,
            ),
            Span::styled(path.display().to_string(), theme.text),
        ]),
        None => Line::from(vec![
            Span::styled(
                crate::keymap::key_for(crate::app::Action::Export, &[crate::keymap::CLOSING])
                    .unwrap_or_default(),
                theme.accent,
            ),
            Span::styled(format!(" {}", w.write_report), theme.dim),
        ]),
    };
    frame.render_widget(Paragraph::new(Line::from(title)), parts.head);
    frame.render_widget(
        Paragraph::new(Span::styled(w.actions, theme.title)),
        parts.decisions_title,
    );
    if decisions.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(w.no_decisions, theme.dim)),
            parts.decisions,
        );
    } else {
        decisions.draw(frame, parts.decisions, theme);
    }
    time_table(frame, parts.time, app, &steps, theme);
    frame.render_widget(Paragraph::new(report).wrap(Wrap { trim: true }), parts.foot);
}

/// Whether the closing screen drawn in `area` shows every decision at once.
pub fn shows_all(app: &App, area: Rect) -> bool {
    let steps = exercise::session_answers(app.workshop(), app.session(), app.now());
    let decisions = decision_table(app, &steps);
    let parts = Parts::of(area, &decisions, steps.len());
    decisions.height(parts.decisions.width) <= parts.decisions.height
}

/// The decisions as a table: the selected one kept in view, and marked only
/// on the facilitator's screen (the room sees the table scroll, no cursor).
fn decision_table<'a>(app: &App, steps: &'a [StepAnswers]) -> ActionTable<'a> {
    let w = app.words();
    let actions: Vec<[&str; 3]> = exercise::decisions(steps)
        .map(|(_, a)| [a.what.as_str(), a.who.as_str(), a.when.as_str()])
        .collect();
    let selected = app.decision().min(actions.len().saturating_sub(1));
    ActionTable::new(actions, [w.what, w.who, w.when], w.more)
        .selected(selected, !app.for_the_room())
}

/// Where the closing screen's parts go.
struct Parts {
    head: Rect,
    decisions_title: Rect,
    decisions: Rect,
    time: Rect,
    foot: Rect,
}

impl Parts {
    /// The parts in `area`: both tables whole when they fit; else the
    /// decisions keep at least half of the room and their tallest one whole,
    /// and each table counts what it leaves out.
    fn of(area: Rect, decisions: &ActionTable, steps: usize) -> Parts {
        let [head, _, rest] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(area);
        let room = rest.height.saturating_sub(1);
        let whole = 1 + decisions.height(area.width).max(1);
        let time_h = steps as u16 + 3;
        let decisions_h = if whole + time_h <= room {
            whole
        } else {
            // The title, the headings, the tallest decision and a note above
            // and below it; the time table keeps its title and total.
            let tallest = 4 + decisions.tallest(area.width);
            let least = tallest.min(whole).min(room.saturating_sub(2));
            whole
                .min(room.saturating_sub(time_h).max(room / 2))
                .max(least)
        };
        // The report's line gives way first: it is also in the footer.
        let foot_h = room.saturating_sub(decisions_h + time_h).min(2);
        let [decisions, _, time, foot] = Layout::vertical([
            Constraint::Length(decisions_h),
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(foot_h),
        ])
        .areas(rest);
        let [decisions_title, decisions] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(decisions);
        Parts {
            head,
            decisions_title,
            decisions,
            time,
            foot,
        }
    }
}

/// The plan against the time used, step by step and in all: the total always
/// shown, the steps that do not fit above it counted.
fn time_table(frame: &mut Frame, area: Rect, app: &App, steps: &[StepAnswers], theme: &Theme) {
    let w = app.words();
    let planned: u32 = steps.iter().map(|s| s.planned_minutes).sum();
    let used = used_minutes(used_ms(steps));
    // "–" is explained where it is shown: a clock never started is not 0 minutes.
    let mut time_title = Line::from(Span::styled(w.time_used, theme.title));
    if any_untimed(steps) {
        let not_timed = crate::export::words::of(app.lang()).not_timed;
        time_title.push_span(Span::styled(
            format!("  ({NOT_TIMED} {not_timed})"),
            theme.dim,
        ));
    }
    // Rows under the title: the headings, the steps (or those that fit and a
    // note for the rest), the total.
    let body = usize::from(area.height.saturating_sub(1));
    let headings = body >= 3;
    let fit = body.saturating_sub(usize::from(headings) + 1);
    let shown = if fit >= steps.len() {
        steps.len()
    } else {
        fit.saturating_sub(1)
    };
    let title_w = area.width.saturating_sub(2 + 8 + 8 + 3 * 2);
    let mut rows: Vec<Row> = steps
        .iter()
        .take(shown)
        .enumerate()
        .map(|(i, s)| {
            let used = used_minutes(s.used_ms);
            let style = if minutes(s.used_ms) > u64::from(s.planned_minutes) {
                theme.over
            } else {
                theme.text
            };
            Row::new([
                Cell::from(format!("{:>2}", i + 1)),
                Cell::from(ellipsis(&s.title, title_w)),
                Cell::from(format!("{:>4}", s.planned_minutes)),
                Cell::from(Span::styled(format!("{used:>4}"), style)),
            ])
            .style(theme.text)
        })
        .collect();
    if shown < steps.len() && fit > 0 {
        let note = more_note(steps.len() - shown, w.more, "");
        rows.push(Row::new([
            Cell::from(""),
            Cell::from(Span::styled(note.trim_end().to_string(), theme.accent)),
        ]));
    }
    rows.push(
        Row::new([
            Cell::from(""),
            Cell::from(w.total),
            Cell::from(format!("{planned:>4}")),
            Cell::from(format!("{used:>4}")),
        ])
        .style(theme.title),
    );
    let mut table = Table::new(
        rows,
        [
            Constraint::Length(2),
            Constraint::Fill(1),
            Constraint::Length(8),
            Constraint::Length(8),
        ],
    )
    .block(ratatui::widgets::Block::default().title(time_title))
    .column_spacing(2);
    if headings {
        table = table.header(Row::new(["", w.step, w.plan, w.used]).style(theme.accent));
    }
    frame.render_widget(table, area);
}
