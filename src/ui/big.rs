//! Large text for the room: `tui-big-text` at the largest pixel size that fits
//! the width, else plain bold text. Only pixel sizes drawn with the common
//! block characters (▀▄█▌▐▘▝▖▗) are used, which every terminal font has.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use tui_big_text::{BigText, PixelSize};

/// Rows a line of big text takes.
pub const HEIGHT: u16 = 4;

/// Columns per character at each size, largest first.
const SIZES: [(PixelSize, u16); 2] = [(PixelSize::HalfHeight, 8), (PixelSize::Quadrant, 4)];

/// Columns per character of the narrowest size.
const NARROW: u16 = 4;

/// The narrowest size, for longer text.
pub fn narrow() -> PixelSize {
    PixelSize::Quadrant
}

/// The pixel size `text` can be drawn at in `width` columns, if any.
pub fn size_for(text: &str, width: u16) -> Option<PixelSize> {
    let chars = text.chars().count() as u16;
    SIZES
        .iter()
        .find(|(_, per_char)| chars.saturating_mul(*per_char) <= width)
        .map(|(size, _)| *size)
}

/// Columns `text` takes at the largest size that fits `width` (0: none fits).
pub fn width_of(text: &str, width: u16) -> u16 {
    let chars = text.chars().count() as u16;
    SIZES
        .iter()
        .map(|(_, per_char)| chars.saturating_mul(*per_char))
        .find(|w| *w <= width)
        .unwrap_or(0)
}

/// Draws `lines` big at `size` from the top of `area`, aligned.
pub fn lines(
    frame: &mut Frame,
    area: Rect,
    lines: &[String],
    size: PixelSize,
    style: Style,
    align: Alignment,
) {
    let mut builder = BigText::builder();
    builder.pixel_size(size).style(style).lines(
        lines
            .iter()
            .map(|l| Line::raw(l.clone()))
            .collect::<Vec<_>>(),
    );
    match align {
        Alignment::Left => builder.left_aligned(),
        Alignment::Center => builder.centered(),
        Alignment::Right => builder.right_aligned(),
    };
    let height = (lines.len() as u16 * HEIGHT).min(area.height);
    frame.render_widget(builder.build(), Rect { height, ..area });
}

/// Draws `text` in `area` (aligned): big when it fits (and `area` is tall
/// enough), bold otherwise. Returns the rows used.
pub fn title(frame: &mut Frame, area: Rect, text: &str, style: Style, align: Alignment) -> u16 {
    match size_for(text, area.width).filter(|_| area.height >= HEIGHT) {
        Some(size) => {
            lines(frame, area, &[text.to_string()], size, style, align);
            HEIGHT
        }
        None => {
            let line = Line::styled(super::ellipsis(text, area.width), style).alignment(align);
            frame.render_widget(Paragraph::new(line), Rect { height: 1, ..area });
            1
        }
    }
}

/// `text` in lines of at most `width` columns of the narrow size, if it fits
/// in `rows` rows that way.
pub fn wrapped(text: &str, width: u16, rows: u16) -> Option<Vec<String>> {
    let lines = super::wrap(text, width / NARROW);
    let fits = lines
        .iter()
        .all(|l| l.chars().count() as u16 * NARROW <= width)
        && lines.len() as u16 * HEIGHT <= rows;
    fits.then_some(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_smaller_pixels_then_to_text() {
        assert_eq!(size_for("Pause", 80), Some(PixelSize::HalfHeight));
        assert_eq!(
            size_for("Brainstorm: nu og fremtid", 120),
            Some(PixelSize::Quadrant)
        );
        assert_eq!(size_for("Brainstorm: nu og fremtid", 80), None);
        assert_eq!(width_of("45:00", 60), 40);
        assert_eq!(width_of("45:00", 30), 20);
    }

    #[test]
    fn a_question_wraps_into_big_lines_that_fit() {
        let q = "Hvad håber I, at vi er kommet frem til om tre timer?";
        let lines = wrapped(q, 120, 16).expect("fits in 30 characters a line");
        assert!(lines.len() == 2, "{lines:?}");
        assert_eq!(wrapped(q, 120, 4), None, "not in one big line");
    }
}
