//! `flipover export`: the report of a session, written into its folder (or
//! where `-o` says) in the formats asked for. Reads the session without
//! taking its lock, so a report can be made while a console runs.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use super::Ctx;
use crate::export::{self, Format, Report};
use crate::storage;

/// Writes the report of session `id` (default: the open one, else the
/// latest) in `formats` (default: Markdown; `all`: every format) into the session's report folder,
/// or to `output`: a file for one format other than CSV (`-` for standard
/// output), else a folder.
pub fn run(
    ctx: &Ctx,
    id: Option<&str>,
    formats: &[Format],
    all: bool,
    output: Option<&Path>,
) -> anyhow::Result<()> {
    let dir = storage::find(&ctx.root, id)?;
    let loaded = storage::read(&dir)?;
    let session = &loaded.session;
    let (workshop, _) = ctx.workshop_of(&dir, session)?;
    let report = Report::new(
        &workshop,
        session,
        crate::runtime::now(),
        jiff::tz::TimeZone::system(),
    );
    let mut formats = if all {
        Format::ALL.to_vec()
    } else {
        formats.to_vec()
    };
    formats.sort();
    formats.dedup();
    if formats.is_empty() {
        formats.push(Format::Md);
    }
    let written: Vec<PathBuf> = match (output, formats.as_slice()) {
        (Some(out), [one]) if *one != Format::Csv && out == Path::new("-") => {
            for (_, bytes) in report.render(*one) {
                use std::io::Write;
                std::io::stdout().write_all(&bytes)?;
            }
            return Ok(());
        }
        (Some(out), _) if out == Path::new("-") => {
            bail!("-o - writes one file to standard output: give one format other than csv")
        }
        (Some(file), [one]) if *one != Format::Csv && !file.is_dir() => {
            let mut files = report.render(*one);
            let (_, bytes) = files.pop().context("nothing to write")?;
            storage::atomic::write(file, &bytes)
                .with_context(|| format!("cannot write {}", file.display()))?;
            vec![file.to_path_buf()]
        }
        (Some(folder), _) => export::write(&report, &formats, folder)?,
        (None, _) => export::write(&report, &formats, &export::folder(&dir))?,
    };
    let name = crate::text::clean(session.meta.label()).into_owned();
    println!("flipover: the report of {name} is written:");
    for path in written {
        println!("  {}", path.display());
    }
    Ok(())
}
