//! Colours and text styles for every screen, in one place.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone)]
pub struct Theme {
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

impl Theme {
    /// Bright text on the terminal's own background, strong colours for state.
    pub fn high_contrast() -> Self {
        Self {
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

    /// The theme for this environment: monochrome when `NO_COLOR` is set.
    pub fn from_env() -> Self {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Self::monochrome(),
            _ => Self::high_contrast(),
        }
    }
}
