//! Colours and text styles for every screen, in one place.

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

/// The themes a facilitator can choose (`--theme`, or `theme` in the config file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    /// White on black, strong colours for state.
    #[default]
    Dark,
    /// Black on white: projectors wash out dark backgrounds.
    Light,
    /// The terminal's own background and colours.
    Terminal,
}

#[derive(Debug, Clone)]
pub struct Theme {
    /// The whole screen: the background, and the text colour where none is set.
    pub base: Style,
    pub text: Style,
    pub title: Style,
    pub dim: Style,
    pub accent: Style,
    pub selected: Style,
    pub border: Style,
    pub focus_border: Style,
    pub ok: Style,
    pub low: Style,
    pub over: Style,
    pub error: Style,
}

const fn rgb(r: u8, g: u8, b: u8) -> Color {
    Color::Rgb(r, g, b)
}

impl Theme {
    /// For this name, or monochrome when `NO_COLOR` is set.
    pub fn new(name: ThemeName, no_color: bool) -> Self {
        if no_color {
            return Self::monochrome();
        }
        match name {
            ThemeName::Dark => Self::colours(
                rgb(0, 0, 0),
                rgb(255, 255, 255),
                [
                    rgb(200, 200, 200),
                    rgb(127, 212, 255),
                    rgb(110, 224, 122),
                    rgb(255, 193, 59),
                    rgb(255, 128, 128),
                ],
            ),
            ThemeName::Light => Self::colours(
                rgb(255, 255, 255),
                rgb(0, 0, 0),
                [
                    rgb(60, 60, 60),
                    rgb(0, 64, 140),
                    rgb(0, 90, 30),
                    rgb(122, 65, 0),
                    rgb(160, 0, 0),
                ],
            ),
            ThemeName::Terminal => Self::terminal(),
        }
    }

    /// A theme painted on `bg`: text, then dim, accent, ok, low and over.
    fn colours(bg: Color, text: Color, [dim, accent, ok, low, over]: [Color; 5]) -> Self {
        let bold = Modifier::BOLD;
        Self {
            base: Style::new().bg(bg).fg(text),
            text: Style::new().fg(text),
            title: Style::new().fg(text).add_modifier(bold),
            dim: Style::new().fg(dim),
            accent: Style::new().fg(accent).add_modifier(bold),
            selected: Style::new().fg(bg).bg(text).add_modifier(bold),
            border: Style::new().fg(dim),
            focus_border: Style::new().fg(accent).add_modifier(bold),
            ok: Style::new().fg(ok).add_modifier(bold),
            low: Style::new().fg(low).add_modifier(bold),
            over: Style::new().fg(over).add_modifier(bold),
            error: Style::new().fg(over).add_modifier(bold),
        }
    }

    /// The terminal's own colours: named colours that follow its palette.
    pub fn terminal() -> Self {
        Self {
            base: Style::new(),
            text: Style::new(),
            title: Style::new().add_modifier(Modifier::BOLD),
            dim: Style::new().fg(Color::Gray),
            accent: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            border: Style::new().fg(Color::Gray),
            focus_border: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            ok: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            low: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            over: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        }
    }

    /// No colour at all (for `NO_COLOR`): state is shown by weight and reversal.
    pub fn monochrome() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Self {
            base: Style::new(),
            text: Style::new(),
            title: bold,
            dim: Style::new(),
            accent: bold,
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            border: Style::new(),
            focus_border: bold,
            ok: bold,
            low: bold.add_modifier(Modifier::UNDERLINED),
            over: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            error: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        }
    }

    /// Whether `NO_COLOR` asks for no colour.
    pub fn no_color_env() -> bool {
        std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
    }
}

/// WCAG contrast ratio between two colours (1 to 21).
pub fn contrast(a: Color, b: Color) -> Option<f64> {
    let (la, lb) = (luminance(a)?, luminance(b)?);
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    Some((hi + 0.05) / (lo + 0.05))
}

fn luminance(c: Color) -> Option<f64> {
    let Color::Rgb(r, g, b) = c else {
        return None;
    };
    let channel = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.04045 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    Some(0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn high_contrast_themes_reach_seven_to_one_for_every_text_colour() {
        for name in [ThemeName::Dark, ThemeName::Light] {
            let t = Theme::new(name, false);
            let bg = t.base.bg.expect("a painted background");
            for (what, style) in [
                ("text", t.text),
                ("title", t.title),
                ("dim", t.dim),
                ("accent", t.accent),
                ("ok", t.ok),
                ("low", t.low),
                ("over", t.over),
                ("error", t.error),
            ] {
                let fg = style.fg.expect("a colour");
                let ratio = contrast(fg, bg).expect("rgb colours");
                assert!(ratio >= 7.0, "{name:?} {what}: {ratio:.2}:1");
            }
            let sel = contrast(t.selected.fg.expect("fg"), t.selected.bg.expect("bg"));
            assert!(sel.is_some_and(|r| r >= 7.0), "{name:?} selection");
        }
    }

    #[test]
    fn no_color_means_no_colour() {
        let t = Theme::new(ThemeName::Dark, true);
        for s in [
            t.base, t.text, t.dim, t.accent, t.ok, t.low, t.over, t.selected,
        ] {
            assert_eq!((s.fg, s.bg), (None, None));
        }
    }
}
