//! ui: draws the App. Pure: reads `&App` and the theme, never performs I/O and
//! never reads the clock (the time is `app.now()`).

mod big;
pub mod chrome;
mod closing;
pub mod glyphs;
pub mod launcher;
mod overlay;
mod theme;
mod widgets;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

pub use theme::{Theme, ThemeName, contrast};
pub use widgets::{
    clamp_scroll, scrolled, bullets, centered, decimal, ellipsis, framed_list, glue, instrument_frame, ItemList, padded, panel, popup,
    split_for_questions, style_if, window, wrap,
};

use crate::app::{App, Mode};
use crate::i18n::Words;

/// Below this size only a "make the window larger" note is drawn.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;
/// From this width the agenda and notes sit beside the step.
const SIDE_PANEL_FROM: u16 = 110;
const SIDE_PANEL_WIDTH: u16 = 40;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    if app.blank() {
        frame.render_widget(Clear, area);
        return;
    }
    frame.render_widget(Block::default().style(theme.base), area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area, app.words(), theme);
        return;
    }
    let projector = app.for_the_room();
    let footer_h = u16::from(!projector);
    let header_h = if projector {
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
    let main = if projector {
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
    let plan = if app.plan_shown() {
        app.proposal()
    } else {
        Vec::new()
    };
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
    if app.closing() {
        closing::draw(frame, main, app, theme);
    } else {
        app.exercise().draw(frame, main, app, theme);
    }
    if !projector {
        chrome::footer(frame, footer, app, theme);
    }
    if !app.closing() {
        app.exercise().draw_over(frame, area, app, theme);
    }
    match app.mode() {
        Mode::Normal => {}
        Mode::Editing(ed) | Mode::Saving(ed) => overlay::editor(frame, main, app, ed, false, theme),
        Mode::ConfirmQuit(ed) => overlay::editor(frame, main, app, ed, true, theme),
        Mode::ResumeClock { seen, .. } => overlay::resume_clock(frame, area, app, *seen, theme),
        // Over all but the footer, which says how to scroll and close.
        Mode::Help { scroll } => overlay::help(frame, above(area, footer), app, *scroll, theme),
        Mode::Notes { scroll } => overlay::notes(frame, above(area, footer), app, *scroll, theme),
        Mode::Agenda(sel) => overlay::agenda(frame, area, app, *sel, theme),
    }
}

/// `area` down to where `footer` begins.
fn above(area: Rect, footer: Rect) -> Rect {
    Rect {
        height: footer.y.saturating_sub(area.y).min(area.height),
        ..area
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

/// The note drawn instead of a screen that does not fit.
fn too_small(frame: &mut Frame, area: Rect, w: &Words, theme: &Theme) {
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
