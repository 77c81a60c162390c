//! `flipover guide`: the facilitator's script of a workshop on stdout, as
//! Markdown or printable HTML.

use std::io::Write;
use std::process::ExitCode;

use anyhow::bail;

use super::pick;
use crate::cli::GuideFormat;
use crate::content::parse_start;
use crate::guide;

/// Prints the script of `workshop` from `start` (HH:MM) in `format`.
pub fn run(
    workshop: &str,
    format: GuideFormat,
    start: Option<&str>,
    lang: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let start = match start {
        Some(s) => match parse_start(s) {
            Some(t) => Some(t),
            None => bail!("--start {s:?} is not a time of day: write HH:MM, e.g. 09:00"),
        },
        None => None,
    };
    let picked = pick::workshop(workshop, lang)?;
    let w = &picked.workshop;
    let doc = guide::script(w, start);
    let text = match format {
        GuideFormat::Md => guide::markdown(&doc),
        GuideFormat::Html => guide::html(&doc, &w.lang),
    };
    // A closed pipe (`| head`) is not an error worth a message.
    let _ = std::io::stdout().write_all(text.as_bytes());
    Ok(ExitCode::SUCCESS)
}
