//! The closing screen, after the last step: what the room decided (what, who,
//! by when), the plan against the time used per step, and where the report
//! is (or the key that writes it). Pure: drawn from `&App` only.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, Wrap};

use super::Theme;
use crate::app::App;
use crate::exercise::{self, Block};
use crate::export::{NOT_TIMED, minutes, used_minutes};

/// Draws the closing screen in `area` (the footer is the caller's).
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let w = app.words();
    let steps = exercise::session_answers(app.workshop(), app.session(), app.now());
    let decisions: Vec<_> = steps
        .iter()
        .flat_map(|s| s.blocks.iter())
        .filter_map(|b| match b {
            Block::Actions { actions } => Some(actions),
            _ => None,
        })
        .flatten()
        .collect();
    let planned: u32 = steps.iter().map(|s| s.planned_minutes).sum();
    let used = used_minutes(steps.iter().map(|s| s.used_ms).sum());

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
            Span::styled(crate::keymap::label(&[crate::keymap::c('x')]), theme.accent),
            Span::styled(format!(" {}", w.write_report), theme.dim),
        ]),
    };
    let decisions_h = (decisions.len().max(1) as u16 + 2).min(area.height / 2);
    // The report's line first among what gives way: it is also in the footer.
    let [head, _, dec, _, time, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(decisions_h),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Max(2),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(Line::from(title)), head);

    let header = |cells: [&'static str; 3]| Row::new(cells).style(theme.accent);
    let decision_rows: Vec<Row> = if decisions.is_empty() {
        vec![Row::new([Cell::from(Span::styled(
            w.no_decisions,
            theme.dim,
        ))])]
    } else {
        decisions
            .iter()
            .map(|a| Row::new([a.what.as_str(), a.who.as_str(), a.when.as_str()]).style(theme.text))
            .collect()
    };
    frame.render_widget(
        Table::new(
            decision_rows,
            [
                Constraint::Fill(3),
                Constraint::Fill(1),
                Constraint::Fill(1),
            ],
        )
        .header(header([w.what, w.who, w.when]).bottom_margin(0))
        .block(ratatui::widgets::Block::default().title(Span::styled(w.actions, theme.title)))
        .column_spacing(2),
        dec,
    );

    // "–" is explained where it is shown: a clock never started is not 0 minutes.
    let mut time_title = Line::from(Span::styled(w.time_used, theme.title));
    if steps.iter().any(|s| s.used_ms == 0) {
        let not_timed = crate::export::words::of(app.lang()).not_timed;
        time_title.push_span(Span::styled(
            format!("  ({NOT_TIMED} {not_timed})"),
            theme.dim,
        ));
    }
    let mut rows: Vec<Row> = steps
        .iter()
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
                Cell::from(s.title.as_str()),
                Cell::from(format!("{:>4}", s.planned_minutes)),
                Cell::from(Span::styled(format!("{used:>4}"), style)),
            ])
            .style(theme.text)
        })
        .collect();
    rows.push(
        Row::new([
            Cell::from(""),
            Cell::from(w.every_step),
            Cell::from(format!("{planned:>4}")),
            Cell::from(format!("{used:>4}")),
        ])
        .style(theme.title),
    );
    frame.render_widget(
        Table::new(
            rows,
            [
                Constraint::Length(2),
                Constraint::Fill(1),
                Constraint::Length(8),
                Constraint::Length(8),
            ],
        )
        .header(Row::new(["", w.step, w.plan, w.used]).style(theme.accent))
        .block(ratatui::widgets::Block::default().title(time_title))
        .column_spacing(2),
        time,
    );
    frame.render_widget(Paragraph::new(report).wrap(Wrap { trim: true }), foot);
}
