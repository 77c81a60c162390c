//! The pieces every screen is built of: panels, bullets, wrapped text, the
//! card list, an instrument's frame, a window that keeps the selection in view.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{Theme, glyphs};
use crate::app::App;
use crate::session::Item;

/// A bordered block with a title, in the focus style when `focused`.
pub fn panel<'a>(title: impl Into<Line<'a>>, focused: bool, theme: &Theme) -> Block<'a> {
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

/// A heading line followed by bullet lines, wrapped to `width` with the lines
/// after the first under the text, not under the bullet.
pub fn bullets<'a>(heading: &'a str, items: &[String], width: u16, theme: &Theme) -> Vec<Line<'a>> {
    let mut lines = vec![Line::styled(heading, theme.accent)];
    let marker_w = glyphs::BULLET.width() as u16;
    for item in items {
        for (n, chunk) in wrap(item, width.saturating_sub(marker_w))
            .into_iter()
            .enumerate()
        {
            // No-break spaces: a wrapping paragraph keeps them.
            let lead = if n == 0 {
                glyphs::BULLET
            } else {
                "\u{a0}\u{a0}"
            };
            lines.push(Line::from(vec![
                Span::styled(lead, theme.dim),
                Span::raw(chunk),
            ]));
        }
    }
    lines
}

/// Kept free inside a border's right side, so no text touches the border.
pub const EDGE: u16 = 1;

/// `inner` (the inside of a border) less the `EDGE` kept free at its right:
/// where a bordered box's text goes.
pub fn clear_of_border(inner: Rect) -> Rect {
    Rect {
        width: inner.width.saturating_sub(EDGE),
        ..inner
    }
}

/// A note under a row, for a panel `width` wide: "  Note: …" wrapped off the
/// right border, its lines after the first under its text.
pub fn note_lines(label: &str, text: &str, width: u16, style: Style) -> Vec<Line<'static>> {
    hanging(
        Span::styled(format!("  {label}: "), style),
        text,
        width,
        style,
    )
}

/// `lead`, then `text` wrapped beside it off the right border of a panel
/// `width` wide, its lines after the first under the first.
pub fn hanging(lead: Span<'static>, text: &str, width: u16, style: Style) -> Vec<Line<'static>> {
    let under = " ".repeat(lead.width());
    let mut lead = Some(lead);
    wrap(text, width.saturating_sub(under.width() as u16 + EDGE))
        .into_iter()
        .map(|chunk| {
            let lead = lead.take().unwrap_or_else(|| Span::raw(under.clone()));
            Line::from(vec![lead, Span::styled(chunk, style)])
        })
        .collect()
}

/// `lines` wrapped in `block` over `area`, off its right border, scrolled by
/// `scroll` lines but never past the end; an arrow on the bottom border says
/// there is more below (or above).
pub fn scrolled(frame: &mut Frame, area: Rect, lines: Vec<Line>, block: Block, scroll: u16) {
    let inner = block.inner(area);
    let text = Paragraph::new(lines).wrap(Wrap { trim: false });
    let total = text.line_count(clear_of_border(inner).width) as u16;
    let (scroll, block) = clamp_scroll(block, scroll, inner.height, total);
    frame.render_widget(block, area);
    frame.render_widget(text.scroll((scroll, 0)), clear_of_border(inner));
}

/// How far `scrolled` can scroll `lines` in `block` over `area`: to where
/// it shows the last line.
pub fn scroll_end(area: Rect, lines: Vec<Line>, block: &Block) -> u16 {
    let inner = block.inner(area);
    let total = Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .line_count(clear_of_border(inner).width) as u16;
    total.saturating_sub(inner.height)
}

/// `scroll` kept within `total` lines shown `visible` at a time, and `block`
/// with an arrow on its bottom border for what is above or below.
pub fn clamp_scroll(block: Block, scroll: u16, visible: u16, total: u16) -> (u16, Block) {
    let scroll = scroll.min(total.saturating_sub(visible));
    let mark = scroll_mark(scroll > 0, scroll + visible < total);
    (scroll, block.title_bottom(Line::from(mark).right_aligned()))
}

/// The arrows on a bottom border that say there is more above and/or below.
fn scroll_mark(above: bool, below: bool) -> &'static str {
    match (above, below) {
        (true, true) => " ↑↓ ",
        (false, true) => " ↓ ",
        (true, false) => " ↑ ",
        (false, false) => "",
    }
}

/// `text` wrapped to `width` display columns (a number and its unit kept
/// together); a word longer than a line is hyphenated (see `hyphenated`).
pub fn wrap(text: &str, width: u16) -> Vec<String> {
    let width = usize::from(width.max(1));
    let options = textwrap::Options::new(width).break_words(false);
    textwrap::wrap(&glue(text), options)
        .into_iter()
        .flat_map(|line| {
            if line.width() <= width {
                vec![line.into_owned()]
            } else {
                // Only a word longer than the line is left longer than it.
                hyphenated(line.trim(), width)
            }
        })
        // The no-break spaces of `glue` only steer the wrapping: on screen
        // (and in what is copied from it) they are plain spaces.
        .map(|line| line.replace('\u{a0}', " "))
        .collect()
}

/// `word` in lines of at most `width` columns, broken between syllables by
/// Danish rules (which break Danish compounds well and English words
/// acceptably) with a "-" at each break, never leaving two letters alone; a
/// syllable too long for a line is cut where it must be.
fn hyphenated(word: &str, width: usize) -> Vec<String> {
    if width < 2 {
        // No room for a hyphen: one column at a time.
        return pieces(word, 1).into_iter().map(str::to_string).collect();
    }
    let mut lines = Vec::new();
    let mut line = String::new();
    // Never two letters alone on the next line ("…strate-" / "gi").
    for syllable in hypher::hyphenate_bounded(word, hypher::Lang::Danish, 2, 3) {
        for piece in pieces(syllable, width - 1) {
            if !line.is_empty() && line.width() + piece.width() + 1 > width {
                line.push('-');
                lines.push(std::mem::take(&mut line));
            }
            line.push_str(piece);
        }
    }
    lines.push(line);
    lines
}

/// `text` in pieces of at most `width` display columns (at least one character each).
fn pieces(text: &str, width: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut start, mut used) = (0, 0);
    for (i, ch) in text.char_indices() {
        let w = ch.width().unwrap_or(0);
        if used + w > width && i > start {
            out.push(&text[start..i]);
            (start, used) = (i, 0);
        }
        used += w;
    }
    out.push(&text[start..]);
    out
}

/// `text` with a number and its unit ("100 %") joined by a no-break space,
/// so a wrapped line never ends in "100" with "%" below it; and a dash kept
/// on the line of the word before it, so no line starts with "–".
pub fn glue(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut last = ' ';
    while let Some(c) = chars.next() {
        let unit = chars.peek().is_some_and(|n| *n == '%' || *n == '‰');
        let dash = chars.peek().is_some_and(|n| *n == '–' || *n == '—');
        out.push(
            if c == ' ' && (last.is_ascii_digit() && unit || dash && last != ' ') {
                '\u{a0}'
            } else {
                c
            },
        );
        last = c;
    }
    out
}

/// `text` padded with spaces to `width` columns.
pub fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

/// `text` cut to `width` display columns, with "…" where it was cut.
pub fn ellipsis(text: &str, width: u16) -> String {
    let width = usize::from(width);
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out = out.trim_end().to_string();
        out.push('…');
    }
    out
}

/// A step's introduction, whole (up to a third of `area`), at the top of
/// `area`; returns the rest of `area`.
pub fn intro(frame: &mut Frame, area: Rect, lines: Vec<Line>) -> Rect {
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|l| {
            let style = l.style;
            let spans: Vec<Span> = l
                .spans
                .into_iter()
                .map(|s| Span::styled(glue(&s.content), s.style))
                .collect();
            Line::from(spans).style(style)
        })
        .collect();
    let text = Paragraph::new(lines).wrap(Wrap { trim: true });
    let h = (text.line_count(area.width) as u16).min((area.height / 3).max(1));
    let [top, rest] = Layout::vertical([Constraint::Length(h), Constraint::Fill(1)]).areas(area);
    frame.render_widget(text, top);
    rest
}

/// An instrument's frame: its intro above a panel titled with its title.
/// Returns the inside of the panel.
pub fn instrument_frame(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    intro: Vec<Line>,
    title: &str,
    theme: &Theme,
) -> Rect {
    let list = self::intro(frame, area, intro);
    let block = panel(
        Line::styled(format!(" {title} "), theme.title),
        !app.is_room(),
        theme,
    );
    let inner = block.inner(list);
    frame.render_widget(block, list);
    inner
}

/// A number with one decimal, with a decimal comma in Danish.
pub fn decimal(app: &App, x: f64) -> String {
    let s = format!("{x:.1}");
    if app.lang() == "en" {
        s
    } else {
        s.replace('.', ",")
    }
}

/// Draws into `inner` (the inside of a bordered panel) as many of `blocks`
/// (each a group of lines) as fit while block `selected` is on screen, with
/// arrows on the panel's bottom border when some are above or below.
pub fn draw_window(frame: &mut Frame, inner: Rect, blocks: Vec<Vec<Line>>, selected: usize) {
    let rows = usize::from(inner.height);
    let mut start = selected.min(blocks.len().saturating_sub(1));
    let mut used = blocks.get(start).map_or(0, Vec::len);
    while start > 0 && used + blocks[start - 1].len() <= rows {
        start -= 1;
        used += blocks[start].len();
    }
    let total: usize = blocks.iter().map(Vec::len).sum();
    let before: usize = blocks.iter().take(start).map(Vec::len).sum();
    let lines: Vec<Line> = blocks
        .into_iter()
        .skip(start)
        .flatten()
        .take(rows)
        .collect();
    let mark = scroll_mark(before > 0, before + lines.len() < total);
    frame.render_widget(Paragraph::new(lines), inner);
    let width = mark.width() as u16;
    if inner.height > 0 && width > 0 && inner.width >= width {
        let border = Rect::new(inner.right() - width, inner.bottom(), width, 1);
        frame.render_widget(Paragraph::new(mark), border.intersection(frame.area()));
    }
}

/// A rectangle of `w`×`h` in the middle of `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

pub fn style_if(cond: bool, yes: Style, no: Style) -> Style {
    if cond { yes } else { no }
}

/// How a selected row is marked: as selected for the facilitator; not at all
/// on the room view, which only scrolls to it.
pub fn selected_style(app: &App, theme: &Theme) -> Style {
    style_if(!app.is_room(), theme.selected, Style::default())
}

/// A popup of `w`×`h` in the middle of `area`, cleared.
pub fn popup(frame: &mut Frame, area: Rect, w: u16, h: u16) -> Rect {
    let rect = centered(area, w, h);
    frame.render_widget(Clear, rect);
    rect
}

/// `area` with a margin on both sides, wider on a wide screen.
pub fn padded(area: Rect) -> Rect {
    let pad = if area.width > 60 { area.width / 12 } else { 1 };
    Rect {
        x: area.x + pad,
        width: area.width.saturating_sub(pad * 2),
        ..area
    }
}

/// The frame of the step's one list, titled with its count; says `empty` and
/// returns `None` when there is nothing in it, else the inside to draw in.
pub fn framed_list(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    count: usize,
    empty: &str,
    theme: &Theme,
) -> Option<Rect> {
    let block = panel(format!(" {title} ({count}) "), true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if count == 0 {
        let note =
            Paragraph::new(Line::styled(empty.to_string(), theme.dim)).wrap(Wrap { trim: true });
        frame.render_widget(note, inner);
        return None;
    }
    Some(inner)
}

/// A wide list beside its questions, or the list alone on a narrow screen.
pub fn split_for_questions(area: Rect, has_questions: bool) -> (Rect, Option<Rect>) {
    if has_questions && area.width >= 90 {
        let [list, side] = Layout::horizontal([Constraint::Fill(2), Constraint::Fill(1)])
            .spacing(1)
            .areas(area);
        (list, Some(side))
    } else {
        (area, None)
    }
}

/// Which of `len` blocks (block `i` is `height(i)` rows high) are shown whole
/// in `rows` rows around block `sel`, with a row kept for each "+N more" note
/// needed above or below them. Block `sel` is always among them.
pub fn window(
    len: usize,
    sel: usize,
    rows: usize,
    mut height: impl FnMut(usize) -> usize,
) -> Range<usize> {
    let mut notes = 0;
    let mut shown = sel..sel + 1;
    // A few rounds settle which notes are needed (a note takes a row, which
    // may push a row out and call for the other note).
    for _ in 0..3 {
        let budget = rows.saturating_sub(notes);
        let (mut start, mut end) = (sel, sel + 1);
        let mut used = height(sel);
        while start > 0 && used + height(start - 1) <= budget {
            start -= 1;
            used += height(start);
        }
        while end < len && used + height(end) <= budget {
            used += height(end);
            end += 1;
        }
        shown = start..end;
        let needed = usize::from(start > 0) + usize::from(end < len);
        if needed <= notes {
            break;
        }
        notes = needed;
    }
    shown
}

/// The note for `n` rows out of view: "+6 mere ↓".
pub fn more_note(n: usize, more: &str, arrow: &str) -> String {
    format!("+{n} {more} {arrow}")
}

/// `text` wrapped to `width` in at most `height` lines, the last ending in "…"
/// when some of it is left out.
pub fn clipped(text: &str, width: u16, height: usize) -> Vec<String> {
    if height == 0 {
        return Vec::new();
    }
    let mut lines = wrap(text, width);
    if lines.len() > height {
        lines.truncate(height + 1);
        let rest = lines.pop().unwrap_or_default();
        if let Some(last) = lines.last_mut() {
            // At the end of a word: the line itself, or without its last word.
            *last = match last.rsplit_once(' ') {
                _ if last.width() < usize::from(width) => {
                    format!("{}…", last.trim_end_matches('-'))
                }
                Some((head, _)) if !head.trim().is_empty() => format!("{}…", head.trim_end()),
                _ => ellipsis(&format!("{last} {rest}"), width),
            };
        }
    }
    lines
}

/// Cards or points as wrapped bullets.
pub struct ItemList<'a> {
    pub items: &'a [&'a Item],
    /// The row kept in view (the list starts at the top without one).
    pub selected: Option<usize>,
    /// Whether the selected row is marked (not on the room view, which only
    /// scrolls to it).
    pub highlight: bool,
    /// The card picked up for grouping, marked.
    pub picked: Option<u64>,
    /// Numbered ("1. ") rather than bulleted.
    pub numbered: bool,
    /// The word for the cards out of view: "+6 mere".
    pub more: &'a str,
}

impl ItemList<'_> {
    /// Draws the list scrolled so that the selection is in view, with "+N mere"
    /// above and below for the cards out of view. Only the items near the
    /// selection are wrapped, so a long list costs no more than a short one.
    pub fn draw(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let items = self.items;
        if area.height == 0 || area.width < 4 || items.is_empty() {
            return;
        }
        let rows = usize::from(area.height);
        let marker_w: u16 = if self.numbered {
            items.len().to_string().len() as u16 + 2
        } else {
            2
        };
        let text_w = area.width.saturating_sub(marker_w);
        let sel = self.selected.unwrap_or(0).min(items.len() - 1);
        let mut heights: Vec<Option<usize>> = vec![None; items.len()];
        let height =
            |i: usize| *heights[i].get_or_insert_with(|| wrap(&items[i].text, text_w).len());
        let Range { start, end } = window(items.len(), sel, rows, height);
        let more = |n: usize, arrow: &str| {
            Line::styled(
                format!("  {}", more_note(n, self.more, arrow)),
                theme.accent,
            )
        };
        let mut lines: Vec<Line> = Vec::with_capacity(rows);
        if start > 0 && rows > 1 {
            lines.push(more(start, "↑"));
        }
        for (i, item) in items.iter().enumerate().take(end).skip(start) {
            lines.extend(self.item_lines(i, item, marker_w, text_w, theme));
        }
        let below = items.len() - end;
        let keep = rows.saturating_sub(usize::from(below > 0));
        lines.truncate(keep.max(1));
        if below > 0 && rows > 1 {
            lines.push(more(below, "↓"));
        }
        frame.render_widget(Paragraph::new(lines), area);
    }

    /// The lines of item `i`: its marker, its text wrapped, its votes.
    fn item_lines(
        &self,
        i: usize,
        item: &Item,
        marker_w: u16,
        text_w: u16,
        theme: &Theme,
    ) -> Vec<Line<'static>> {
        let is_sel = self.highlight && self.selected == Some(i);
        let style = style_if(is_sel, theme.selected, theme.text);
        let marker = if self.numbered {
            format!("{:>w$}. ", i + 1, w = usize::from(marker_w) - 2)
        } else if self.picked == Some(item.id) {
            glyphs::PICKED.to_string()
        } else if item.group != 0 && item.group != item.id {
            // A card in another card's group hangs under it.
            glyphs::IN_GROUP.to_string()
        } else if item.group == item.id {
            glyphs::GROUP.to_string()
        } else {
            glyphs::BULLET.to_string()
        };
        let chunks = wrap(&item.text, text_w);
        let last = chunks.len().saturating_sub(1);
        chunks
            .into_iter()
            .enumerate()
            .map(|(n, chunk)| {
                let lead = if n == 0 {
                    marker.clone()
                } else {
                    " ".repeat(usize::from(marker_w))
                };
                let mut spans = vec![
                    Span::styled(lead, style_if(is_sel, theme.selected, theme.dim)),
                    Span::styled(chunk, style),
                ];
                if n == last && item.votes > 0 {
                    spans.push(Span::styled(format!("  ●{}", item.votes), theme.accent));
                }
                Line::from(spans)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_longer_than_the_line_is_hyphenated_between_syllables() {
        let lines = wrap("Læg din transformationsstrategi", 20);
        assert_eq!(lines[0], "Læg din");
        let rest = &lines[1..];
        assert!(rest.len() >= 2, "{lines:?}");
        for line in rest {
            assert!(line.width() <= 20, "{lines:?}");
        }
        for line in &rest[..rest.len() - 1] {
            assert!(line.ends_with('-'), "{lines:?}");
        }
        assert_eq!(rest.concat().replace('-', ""), "transformationsstrategi");
        // Between syllables, never inside one.
        assert_eq!(rest, ["transformationsstra-", "tegi"]);
    }

    #[test]
    fn words_that_fit_wrap_as_before_and_keep_a_number_with_its_unit() {
        assert_eq!(
            wrap("Vi fordeler 100 % af tiden", 14),
            ["Vi fordeler", "100 % af tiden"]
        );
    }

    #[test]
    fn text_cut_to_its_lines_ends_in_an_ellipsis() {
        let lines = clipped("Borgerne ringer og bestiller tid hos os hver dag", 12, 2);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(lines.iter().all(|l| l.width() <= 12), "{lines:?}");
        assert_eq!(clipped("Kort tekst", 12, 2), ["Kort tekst"]);
        assert!(clipped("Kort", 12, 0).is_empty());
    }

    #[test]
    fn no_line_starts_with_a_dash() {
        let text = "Hør modstanden – og tag den på dig – hver gang";
        for width in 8..40 {
            for line in wrap(text, width) {
                assert!(!line.trim_start().starts_with('–'), "{width}: {line:?}");
            }
        }
    }

    #[test]
    fn any_width_and_any_character_give_lines_that_fit() {
        for width in 1..12u16 {
            for text in [
                "medarbejderinddragelse",
                "数字化转型战略计划",
                "a\u{301}bcdefghijklmnopq",
                "Ældrerådet – medarbejderinddragelse",
            ] {
                for line in wrap(text, width) {
                    assert!(
                        line.width() <= usize::from(width).max(2),
                        "{width}: {line:?}"
                    );
                }
            }
        }
    }
}
