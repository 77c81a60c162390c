//! Large titles for the projector: `tui-big-text` at the largest pixel size that
//! fits the width, else plain bold text. Only pixel sizes drawn with the common
//! block characters (▀▄█▌▐▘▝▖▗) are used, which every terminal font has.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use tui_big_text::{BigText, PixelSize};

/// Rows a big title takes.
pub const HEIGHT: u16 = 4;

/// Columns per character at each size, largest first.
const SIZES: [(PixelSize, u16); 2] = [(PixelSize::HalfHeight, 8), (PixelSize::Quadrant, 4)];

/// The pixel size `text` can be drawn at in `width` columns, if any.
pub fn size_for(text: &str, width: u16) -> Option<PixelSize> {
    let chars = text.chars().count() as u16;
    SIZES
        .iter()
        .find(|(_, per_char)| chars.saturating_mul(*per_char) <= width)
        .map(|(size, _)| *size)
}

/// Draws `text` centred in `area`: big when it fits (and `area` is tall enough),
/// bold otherwise. Returns the rows used.
pub fn title(frame: &mut Frame, area: Rect, text: &str, style: Style) -> u16 {
    match size_for(text, area.width).filter(|_| area.height >= HEIGHT) {
        Some(size) => {
            let big = BigText::builder()
                .pixel_size(size)
                .style(style)
                .lines(vec![Line::raw(text.to_string())])
                .centered()
                .build();
            frame.render_widget(
                big,
                Rect {
                    height: HEIGHT,
                    ..area
                },
            );
            HEIGHT
        }
        None => {
            let line = Line::styled(text.to_string(), style).centered();
            frame.render_widget(Paragraph::new(line), Rect { height: 1, ..area });
            1
        }
    }
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
    }
}
