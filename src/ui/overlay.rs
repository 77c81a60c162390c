//! What is drawn over a step: the answer form, help, the step's notes, the agenda
//! and an opened advice.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::{Theme, bullets, centered, chrome, panel};
use crate::app::{App, Editor};
use crate::content::StepKind;
use crate::keymap::{BINDINGS, Scope};
use crate::session::Target;

/// The form at the bottom of the step, over whatever is there.
pub fn editor(frame: &mut Frame, area: Rect, app: &App, ed: &Editor, confirm: bool, theme: &Theme) {
    let w = app.words();
    let step = app.step();
    let title = match (&ed.target, &step.kind) {
        (Target::Situation { id }, StepKind::Board { board, .. }) => board
            .situations
            .iter()
            .find(|s| &s.id == id)
            .map_or(w.situation.to_string(), |s| s.title.clone()),
        (Target::New { area }, StepKind::Board { board, .. }) => {
            let name = board
                .areas
                .iter()
                .find(|a| &a.id == area)
                .map_or("", |a| a.title.as_str());
            format!("{} – {name}", w.new_card)
        }
        (Target::New { .. }, StepKind::Decisions) => w.new_action.to_string(),
        (Target::New { .. }, _) => w.new_point.to_string(),
        (Target::Edit { .. }, _) => w.edit_card.to_string(),
        (Target::Situation { .. }, _) => w.situation.to_string(),
        (Target::Value { .. }, StepKind::Split(s)) => {
            let unit = s.units.get(app.area()).map_or("", String::as_str);
            let category = s.categories.get(app.row()).map_or("", |c| c.title.as_str());
            format!("{unit} – {category} (%)")
        }
        (Target::Value { .. }, StepKind::Scale(s)) => {
            let item = s.items.get(app.row()).map_or("", |i| i.title.as_str());
            format!("{} – {item}", w.note)
        }
        (Target::Value { .. }, StepKind::Canvas(c)) => c
            .fields
            .get(app.row())
            .map_or(w.note.to_string(), |f| f.title.clone()),
        (Target::Value { .. }, StepKind::Stages(s)) => {
            let stage = s.stages.get(app.row()).map_or("", |x| x.title.as_str());
            format!("{} – {stage}", w.note)
        }
        (Target::Value { .. }, _) => w.note.to_string(),
    };
    let labels: &[&str] = if ed.fields.len() == 3 {
        &[w.what, w.who, w.when]
    } else {
        &[""]
    };
    let field_h = if ed.fields.len() == 1 { 3 } else { 2 };
    let h = (ed.fields.len() as u16 * field_h + 3).min(area.height);
    let rect = Rect {
        y: area.y + area.height.saturating_sub(h),
        height: h,
        ..area
    };
    frame.render_widget(Clear, rect);
    let block = panel(
        Line::styled(format!(" {title} "), theme.accent),
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
        let label = labels.get(i).copied().unwrap_or("");
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

fn popup(frame: &mut Frame, area: Rect, w: u16, h: u16) -> Rect {
    let rect = centered(area, w, h);
    frame.render_widget(Clear, rect);
    rect
}

/// Every key, from the same table that handles them, in both languages; in two
/// columns when one does not fit.
pub fn help(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let english = app.workshop.lang == "en";
    let both = area.width >= 100;
    let heading = |s: Scope| match s {
        Scope::Step => "Alle trin · Every step",
        Scope::Answers => "Svar · Answers",
        Scope::Board => "Tavle · Board",
        Scope::Model => "Model",
        Scope::Instrument => "Skala, dilemmaer, fordeling · Scale, dilemmas, split",
        Scope::Advice => "Et råd er åbent · An advice is open",
        Scope::Editing => "Når du skriver · While typing",
    };
    // The keys of this screen: every step's, this step's, and typing.
    let mut scopes = app.scopes();
    scopes.extend([Scope::Step, Scope::Editing]);
    let mut lines = Vec::new();
    let mut last = None;
    for b in BINDINGS.iter().filter(|b| scopes.contains(&b.scope)) {
        if last != Some(b.scope) {
            if last.is_some() {
                lines.push(Line::default());
            }
            lines.push(Line::styled(heading(b.scope), theme.accent));
            last = Some(b.scope);
        }
        let (first, second) = if english { (b.en, b.da) } else { (b.da, b.en) };
        let mut spans = vec![
            Span::styled(format!("  {:<12}", b.label), theme.title),
            Span::raw(first),
        ];
        if both {
            spans.push(Span::styled(format!("  ({second})"), theme.dim));
        }
        lines.push(Line::from(spans));
    }
    let title = format!(" {} – ? ", app.words().help);
    if lines.len() as u16 + 2 <= area.height {
        let rect = popup(
            frame,
            area,
            if both { 90 } else { 76 },
            lines.len() as u16 + 2,
        );
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
    let mut right = lines.split_off(split + 1);
    // Two columns on a small screen: the headings alone separate the groups.
    for column in [&mut lines, &mut right] {
        column.retain(|l| l.width() > 0);
    }
    let [l, r] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)])
        .spacing(1)
        .areas(inner);
    frame.render_widget(Paragraph::new(lines), l);
    frame.render_widget(Paragraph::new(right), r);
}

/// The question on resume when the clock was running.
pub fn resume_clock(frame: &mut Frame, area: Rect, app: &App, seen: u64, theme: &Theme) {
    let w = app.words();
    let away = app.now.saturating_sub(seen) / 60_000;
    let lines = vec![
        Line::styled(
            format!(
                "{} ({} · {away} {})",
                w.clock_was_running,
                chrome::time_of_day(seen, &app.tz),
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

pub fn info(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let rect = popup(
        frame,
        area,
        area.width.saturating_sub(8).max(30),
        area.height.saturating_sub(4),
    );
    frame.render_widget(
        Paragraph::new(chrome::notes_text(app, theme))
            .wrap(Wrap { trim: true })
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

/// An advice opened: its point, key ideas and questions.
pub fn advice(frame: &mut Frame, area: Rect, app: &App, index: usize, scroll: u16, theme: &Theme) {
    let StepKind::Model(model) = &app.step().kind else {
        return;
    };
    let Some((phase, advice)) = model
        .phases
        .iter()
        .flat_map(|p| p.advice.iter().map(move |a| (p, a)))
        .nth(index)
    else {
        return;
    };
    let w = app.words();
    let mut lines = vec![
        Line::styled(phase.title.as_str(), theme.dim),
        Line::default(),
        Line::styled(advice.point.as_str(), theme.title),
        Line::default(),
    ];
    lines.extend(bullets(w.ideas, &advice.ideas, theme));
    lines.push(Line::default());
    lines.extend(bullets(w.reflection, &advice.questions, theme));
    let offered = app.offered(index);
    if !offered.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled(w.instruments, theme.accent));
        for (n, c) in offered.iter().enumerate() {
            lines.push(Line::from(vec![
                Span::styled(format!("  {} ", n + 1), theme.selected),
                Span::styled(format!(" {}", c.title()), theme.title),
            ]));
        }
    }
    let width = area.width.saturating_sub(6).min(100);
    let rect = popup(frame, area, width, area.height.saturating_sub(2));
    let title = Line::styled(
        format!(" {}. {} ", advice.number, advice.title),
        theme.accent,
    );
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .scroll((scroll, 0))
            .block(panel(title, true, theme)),
        rect,
    );
}
