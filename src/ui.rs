//! ui: draws the App. Pure: reads `&App` and the theme, never performs I/O and
//! never reads the clock (the time is `app.now()`).

mod action_table;
pub mod big;
pub mod chrome;
mod closing;
pub mod glyphs;
pub mod launcher;
mod overlay;
mod theme;
mod widgets;

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

pub use action_table::ActionTable;
pub use theme::{Theme, ThemeName, contrast};
pub use widgets::{
    EDGE, ItemList, bullets, centered, clamp_scroll, clear_of_border, clipped, decimal,
    draw_window, ellipsis, framed_list, glue, hanging, instrument_frame, intro, more_note,
    note_lines, pad, padded, panel, popup, scroll_end, scrolled, selected_style,
    split_for_questions, style_if, wrap,
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
    let plan = if app.plan_shown() {
        app.proposal()
    } else {
        Vec::new()
    };
    let parts = Parts::of(app, area, !plan.is_empty());
    if projector {
        projector_header(frame, parts.header, app, theme);
    } else {
        chrome::header(frame, parts.header, app, theme);
    }
    if let Some(side) = parts.side {
        chrome::side_panel(frame, side, app, theme);
    }
    if let Some(banner) = parts.banner {
        frame.render_widget(
            Paragraph::new(chrome::proposal_line(app, &plan, theme)).wrap(Wrap { trim: true }),
            banner,
        );
    }
    let (main, footer) = (parts.main, parts.footer);
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

/// Where the parts of a screen go.
struct Parts {
    header: Rect,
    /// The step, or the closing screen.
    main: Rect,
    /// Agenda and notes beside the step, on a wide console.
    side: Option<Rect>,
    /// The offer of a new plan after an overrun, above the step.
    banner: Option<Rect>,
    footer: Rect,
}

impl Parts {
    /// The parts of a screen of `area`, with a banner above the step or not.
    fn of(app: &App, area: Rect, banner: bool) -> Parts {
        let projector = app.for_the_room();
        let header_h = if projector {
            projector_header_height(area)
        } else {
            2
        };
        let [header, body, footer] = Layout::vertical([
            Constraint::Length(header_h),
            Constraint::Fill(1),
            Constraint::Length(u16::from(!projector)),
        ])
        .areas(area);
        let (main, side) = if projector {
            (readable(body), None)
        } else if area.width >= SIDE_PANEL_FROM {
            let [main, side] =
                Layout::horizontal([Constraint::Fill(1), Constraint::Length(SIDE_PANEL_WIDTH)])
                    .areas(body);
            (main, Some(side))
        } else {
            (body, None)
        };
        let (banner, main) = if banner {
            let [banner, rest] =
                Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(main);
            (Some(banner), rest)
        } else {
            (None, main)
        };
        Parts {
            header,
            main,
            side,
            banner,
            footer,
        }
    }
}

/// Whether the closing screen shows every decision at once on a
/// `width`×`height` screen (then there is nothing for ↑/↓ to bring into view).
pub fn closing_shows_all(app: &App, width: u16, height: u16) -> bool {
    let area = Rect::new(0, 0, width, height);
    let banner = app.plan_shown() && !app.proposal().is_empty();
    closing::shows_all(app, Parts::of(app, area, banner).main)
}

/// The overlays that scroll.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scrolling {
    Help,
    Notes,
}

/// How far `overlay` can scroll on a `width`×`height` screen: where it shows
/// its last line (what `draw` does with the same App).
pub fn scroll_limit(app: &App, overlay: Scrolling, width: u16, height: u16) -> u16 {
    let area = Rect::new(0, 0, width, height);
    let footer = Rect {
        y: height.saturating_sub(u16::from(!app.for_the_room())),
        ..area
    };
    let area = above(area, footer);
    match overlay {
        Scrolling::Help => overlay::help_limit(app, area),
        Scrolling::Notes => overlay::notes_limit(app, area),
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

/// From this size the room's header is big: a projector's terminal sized for
/// the back of the room (see the README) is about 96×26.
const BIG_FROM: (u16, u16) = (80, 24);

fn projector_header_height(area: Rect) -> u16 {
    if area.width >= BIG_FROM.0 && area.height >= BIG_FROM.1 {
        big::HEIGHT + 2
    } else {
        2
    }
}

/// The room's header: the step title and the clock, big when the screen is
/// (the clock's minutes right, the title in what is left), with the step's
/// number, the clock's words and, when the facilitator shows it, the plan in a
/// small line under them.
fn projector_header(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let w = app.words();
    let clock = chrome::clock_spans(app, theme);
    let time = clock.get(1).cloned();
    let words: Vec<Span> = clock.iter().skip(2).cloned().collect();
    let number = Span::styled(
        format!(
            "{} {}/{}",
            w.step,
            app.step_index() + 1,
            app.workshop().steps.len()
        ),
        theme.dim,
    );
    let mut small = words;
    let schedule = chrome::schedule_line(app, theme);
    if schedule.width() > 0 {
        small.push(Span::styled("   ", theme.dim));
        small.extend(schedule.spans);
    }
    let title = &app.step().title;
    if area.height < big::HEIGHT + 2 {
        // Small: title and clock on one line, the rest under it.
        let mut top = vec![Span::styled(title.as_str(), theme.title)];
        top.push(Span::raw("   "));
        top.extend(clock.iter().take(2).cloned());
        frame.render_widget(
            Paragraph::new(Line::from(top).centered()),
            Rect { height: 1, ..area },
        );
        let mut under = vec![number, Span::raw("   ")];
        under.extend(small);
        frame.render_widget(
            Paragraph::new(Line::from(under).centered()),
            Rect {
                y: area.y + 1,
                height: 1,
                ..area
            },
        );
        return;
    }
    let big_row = Rect {
        height: big::HEIGHT,
        ..area
    };
    let time_text = time
        .as_ref()
        .map_or(String::new(), |t| t.content.to_string());
    let time_style = time.as_ref().map_or(theme.title, |t| t.style);
    let clock_w = big::width_of(&time_text, area.width / 3);
    let [title_area, clock_area] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(clock_w)])
            .spacing(2)
            .areas(big_row);
    big::title(frame, title_area, title, theme.title, Alignment::Left);
    if clock_w > 0 {
        big::title(frame, clock_area, &time_text, time_style, Alignment::Right);
    }
    let row = Rect {
        y: area.y + big::HEIGHT,
        height: 1,
        ..area
    };
    frame.render_widget(Paragraph::new(Line::from(number)), row);
    frame.render_widget(Paragraph::new(Line::from(small).right_aligned()), row);
}

/// The note drawn instead of a screen that does not fit.
fn too_small(frame: &mut Frame, area: Rect, w: &Words, theme: &Theme) {
    let text = Text::from(vec![
        Line::styled(w.too_small, theme.title),
        Line::styled(
            format!("{} {MIN_WIDTH}×{MIN_HEIGHT}", w.at_least),
            theme.dim,
        ),
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
