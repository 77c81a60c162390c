//! ui: draws the App. Pure: reads `&App` and the theme, never performs I/O and
//! never reads the clock (the time is `app.now`).

mod big;
mod board;
mod canvas;
mod chrome;
pub mod launcher;
mod lists;
mod model;
mod overlay;
mod scale;
mod slider;
mod split;
mod stages;
mod theme;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

pub use theme::{Theme, ThemeName, contrast};

use crate::app::{App, Mode};
use crate::content::StepKind;

/// Below this size only a "make the window larger" note is drawn.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;
/// From this width the agenda and notes sit beside the step.
const SIDE_PANEL_FROM: u16 = 110;
const SIDE_PANEL_WIDTH: u16 = 40;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    if app.blank {
        frame.render_widget(Clear, area);
        return;
    }
    frame.render_widget(Block::default().style(theme.base), area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area, app, theme);
        return;
    }
    let footer_h = u16::from(!app.projector);
    let header_h = if app.projector {
        projector_header_height(app, area)
    } else {
        2
    };
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(header_h),
        Constraint::Fill(1),
        Constraint::Length(footer_h),
    ])
    .areas(area);
    let main = if app.projector {
        projector_header(frame, header, app, theme);
        readable(body)
    } else if area.width >= SIDE_PANEL_FROM {
        chrome::header(frame, header, app, theme);
        let [main, side] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(SIDE_PANEL_WIDTH)])
                .areas(body);
        chrome::side_panel(frame, side, app, theme);
        main
    } else {
        chrome::header(frame, header, app, theme);
        body
    };
    let plan = app.proposal();
    let main = if plan.is_empty() {
        main
    } else {
        let [banner, rest] =
            Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(main);
        frame.render_widget(
            Paragraph::new(chrome::proposal_line(app, &plan, theme)).wrap(Wrap { trim: true }),
            banner,
        );
        rest
    };
    step_body(frame, main, app, theme);
    if !app.projector {
        chrome::footer(frame, footer, app, theme);
    }
    match &app.mode {
        Mode::Normal => {}
        Mode::Editing(ed) => overlay::editor(frame, main, app, ed, false, theme),
        Mode::ConfirmQuit(ed) => overlay::editor(frame, main, app, ed, true, theme),
        Mode::ResumeClock { seen, .. } => overlay::resume_clock(frame, area, app, *seen, theme),
        Mode::Help => overlay::help(frame, area, app, theme),
        Mode::Info => overlay::info(frame, area, app, theme),
        Mode::Agenda(sel) => overlay::agenda(frame, area, app, *sel, theme),
        Mode::Advice { index, scroll } => overlay::advice(frame, area, app, *index, *scroll, theme),
    }
}

/// Widest the room's text gets in projector mode, so lines stay readable.
const READABLE_WIDTH: u16 = 160;

/// `area` narrowed to a readable width, centred.
fn readable(area: Rect) -> Rect {
    let w = area.width.min(READABLE_WIDTH);
    Rect {
        x: area.x + (area.width - w) / 2,
        width: w,
        ..area
    }
}

fn projector_header_height(app: &App, area: Rect) -> u16 {
    let big = big::size_for(&app.step().title, area.width).is_some() && area.height >= 30;
    if big { big::HEIGHT + 2 } else { 3 }
}

/// The step title large, the clock and the plan under it, all centred.
fn projector_header(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let title_area = Rect {
        height: area.height.saturating_sub(2),
        ..area
    };
    let used = if area.height > 3 {
        big::title(frame, title_area, &app.step().title, theme.title)
    } else {
        frame.render_widget(
            Paragraph::new(Line::styled(app.step().title.as_str(), theme.title).centered()),
            Rect { height: 1, ..area },
        );
        1
    };
    let mut spans = chrome::clock_spans(app, theme);
    let schedule = chrome::schedule_line(app, theme);
    if schedule.width() > 0 {
        spans.push(Span::styled("   ", theme.dim));
        spans.extend(schedule.spans);
    }
    let row = Rect {
        y: area.y + used,
        height: 1,
        ..area
    };
    frame.render_widget(Paragraph::new(Line::from(spans).centered()), row);
}

fn step_body(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let step = app.step();
    match &step.kind {
        StepKind::Info => lists::info(frame, area, app, theme),
        StepKind::Break => lists::pause(frame, area, app, theme),
        StepKind::Model(m) => model::draw(frame, area, app, m, theme),
        StepKind::Board { board, .. } => board::draw(frame, area, app, board, theme),
        StepKind::Discussion => lists::discussion(frame, area, app, theme),
        StepKind::Decisions => lists::decisions(frame, area, app, theme),
        StepKind::Scale(s) => scale::draw(frame, area, app, s, theme),
        StepKind::Slider(s) => slider::draw(frame, area, app, s, theme),
        StepKind::Split(s) => split::draw(frame, area, app, s, theme),
        StepKind::Stages(s) => stages::draw(frame, area, app, s, theme),
        StepKind::Canvas(c) => canvas::draw(frame, area, app, c, theme),
    }
}

fn too_small(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let w = app.words();
    let text = Text::from(vec![
        Line::styled(w.too_small, theme.title),
        Line::styled(format!("{MIN_WIDTH}×{MIN_HEIGHT}"), theme.dim),
    ]);
    let h = (text.height() as u16).min(area.height);
    let [_, mid, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(h),
        Constraint::Fill(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(text).centered().wrap(Wrap { trim: true }),
        mid,
    );
}

/// A bordered block with a title, in the focus style when `focused`.
fn panel<'a>(title: impl Into<Line<'a>>, focused: bool, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(if focused {
            ratatui::widgets::BorderType::Thick
        } else {
            ratatui::widgets::BorderType::Rounded
        })
        .border_style(if focused {
            theme.focus_border
        } else {
            theme.border
        })
        .title(title)
}

/// A heading line followed by bullet lines.
fn bullets<'a>(heading: &'a str, items: &'a [String], theme: &Theme) -> Vec<Line<'a>> {
    let mut lines = vec![Line::styled(heading, theme.accent)];
    lines.extend(
        items
            .iter()
            .map(|q| Line::from(vec![Span::styled("• ", theme.dim), Span::raw(q.as_str())])),
    );
    lines
}

/// `text` wrapped to `width` display columns.
fn wrap(text: &str, width: u16) -> Vec<String> {
    textwrap::wrap(text, usize::from(width.max(1)))
        .into_iter()
        .map(|c| c.into_owned())
        .collect()
}

/// An instrument's frame: its intro (two lines) above a panel titled with its
/// title. Returns the inside of the panel.
fn instrument_frame(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    intro: Vec<Line>,
    title: &str,
    theme: &Theme,
) -> Rect {
    let [top, list] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
    frame.render_widget(Paragraph::new(intro).wrap(Wrap { trim: true }), top);
    let block = panel(
        Line::styled(format!(" {title} "), theme.title),
        !app.room,
        theme,
    );
    let inner = block.inner(list);
    frame.render_widget(block, list);
    inner
}

/// A number with one decimal, with a decimal comma in Danish.
fn decimal(app: &App, x: f64) -> String {
    let s = format!("{x:.1}");
    if app.workshop.lang == "en" {
        s
    } else {
        s.replace('.', ",")
    }
}

/// The first `rows` of `blocks` (each a group of lines) that keep block
/// `selected` on screen.
fn window<'a>(blocks: Vec<Vec<Line<'a>>>, selected: usize, rows: usize) -> Vec<Line<'a>> {
    let mut start = selected.min(blocks.len().saturating_sub(1));
    let mut used = blocks.get(start).map_or(0, Vec::len);
    while start > 0 && used + blocks[start - 1].len() <= rows {
        start -= 1;
        used += blocks[start].len();
    }
    blocks
        .into_iter()
        .skip(start)
        .flatten()
        .take(rows)
        .collect()
}

/// A rectangle of `w`×`h` in the middle of `area`.
fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

fn style_if(cond: bool, yes: Style, no: Style) -> Style {
    if cond { yes } else { no }
}
