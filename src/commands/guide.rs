//! `flipover guide`: the facilitator's script of a workshop on stdout, as
//! Markdown or printable HTML.

use std::io::Write;
use std::process::ExitCode;

use super::pick;
use crate::cli::GuideFormat;
use crate::guide;

/// Prints the script of `workshop` from `start` (HH:MM) in `format`.
pub fn run(
    workshop: &str,
    format: GuideFormat,
    start: Option<&str>,
    lang: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let words = crate::i18n::chosen(lang);
    let start = start.map(|s| super::start_time(s, words)).transpose()?;
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
