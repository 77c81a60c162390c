//! config: the facilitator's settings file, `config.toml` in the platform's
//! config folder (or `FLIPOVER_CONFIG`). Optional; a broken file is a warning.

use std::path::PathBuf;

use serde::Deserialize;

use crate::storage::regular::ReadError;
use crate::ui::ThemeName;

/// A settings file is a few lines; anything larger is not one.
const MAX_CONFIG_BYTES: u64 = 64 * 1024;

#[derive(Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `dark`, `light` or `terminal`.
    pub theme: Option<ThemeName>,
    /// What `x` in a session and `flipover export` without `--format` write:
    /// any of `md`, `html`, `csv`, `json` (`x` writes all four when unset).
    #[serde(default)]
    pub report_formats: Vec<crate::export::Format>,
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
    let text = match crate::storage::regular::read_text(&path, MAX_CONFIG_BYTES) {
        Ok(t) => t,
        Err(ReadError::NotFound) => return (Config::default(), None),
        Err(e) => {
            let warning = format!("{} {e}", path.display());
            return (
                Config::default(),
                Some(crate::text::clean(&warning).into_owned()),
            );
        }
    };
    match toml::from_str(&text) {
        Ok(c) => (c, None),
        Err(e) => {
            let shown = path.display().to_string();
            let src = crate::content::SourceText::new(&shown, &text);
            let problem = crate::content::problem_of(&src, &e);
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

    #[test]
    fn reads_the_report_formats_and_refuses_an_unknown_one() {
        use crate::export::Format;
        let c: Config = toml::from_str("report_formats = [\"html\", \"csv\"]").expect("parses");
        assert_eq!(c.report_formats, [Format::Html, Format::Csv]);
        let e = toml::from_str::<Config>("report_formats = [\"pdf\"]").expect_err("no pdf");
        assert!(e.to_string().contains("`md`, `html`, `csv`, `json`"), "{e}");
    }
}
