//! config: the facilitator's settings file, `config.toml` in the platform's
//! config folder (or `FLIPOVER_CONFIG`). Optional; a broken file is a warning.

use std::path::PathBuf;

use serde::Deserialize;

use crate::ui::ThemeName;

#[derive(Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `dark`, `light` or `terminal`.
    pub theme: Option<ThemeName>,
}

pub fn path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("FLIPOVER_CONFIG").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("", "", "flipover").map(|d| d.config_dir().join("config.toml"))
}

/// The settings, and a warning if the file exists but cannot be used.
pub fn load() -> (Config, Option<String>) {
    let Some(path) = path() else {
        return (Config::default(), None);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Config::default(), None),
        Err(e) => return (Config::default(), Some(format!("{}: {e}", path.display()))),
    };
    match toml::from_str(&text) {
        Ok(c) => (c, None),
        Err(e) => {
            let src = crate::content::SourceText {
                path: &path.display().to_string(),
                text: &text,
            };
            let problem = match e.span() {
                Some(span) => src.problem(span, e.message().trim().to_string()),
                None => src.whole_file(e.message().trim().to_string()),
            };
            (Config::default(), Some(problem.headline()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_theme() {
        let c: Config = toml::from_str("theme = \"light\"").expect("parses");
        assert_eq!(c.theme, Some(ThemeName::Light));
        assert!(toml::from_str::<Config>("tema = \"light\"").is_err());
    }
}
