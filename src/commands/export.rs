//! `flipover export`: the report of a session, written into its folder (or
//! where `-o` says) in the formats asked for. Reads the session without
//! taking its lock, so a report can be made while a console runs.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use super::Ctx;
use crate::exercise;
use crate::export::{self, Format, Report, Series};
use crate::i18n::fill;
use crate::session::Session;
use crate::storage;

/// Writes the report of session `id` (default: the open one, else the
/// latest) in `formats` (default: the settings' `report_formats`, else
/// Markdown; `all`: every format) into the session's report folder,
/// or to `output`: a file for one format other than CSV (`-` for standard
/// output), else a folder.
pub fn run(
    ctx: &Ctx,
    id: Option<&str>,
    formats: &[Format],
    all: bool,
    output: Option<&Path>,
) -> anyhow::Result<()> {
    let dir = ctx.find(id)?;
    let loaded = ctx.read(&dir)?;
    let session = &loaded.session;
    let w = ctx.words_for(&session.meta);
    let (workshop, _) = ctx.workshop_of(&dir, session)?;
    let report = Report::new(
        &workshop,
        session,
        crate::runtime::now(),
        jiff::tz::TimeZone::system(),
    )
    .with_series(series(ctx, session));
    let mut formats = if all {
        Format::ALL.to_vec()
    } else if formats.is_empty() {
        ctx.report_formats.clone()
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
            bail!(w.stdout_one_format)
        }
        (Some(file), [one]) if *one != Format::Csv && !file.is_dir() => {
            let mut files = report.render(*one);
            let (_, bytes) = files.pop().context(w.nothing_to_write)?;
            storage::atomic::write(file, &bytes)
                .with_context(|| fill(w.cannot_write, &[("path", &file.display())]))?;
            vec![file.to_path_buf()]
        }
        (Some(folder), _) => export::write(&report, &formats, folder)?,
        (None, _) => export::write(&report, &formats, &export::folder(&dir))?,
    };
    let name = crate::text::clean(session.meta.label());
    say!("{}", fill(w.report_of_written, &[("session", &name)]));
    for path in written {
        say!("  {}", path.display());
    }
    Ok(())
}

/// The sessions of `session`'s series before it — the same workshop under the
/// same name (a team, a client) — oldest first, with what each collected.
/// A session without a name is in no series. One that cannot be read or whose
/// workshop does not load is left out: a series is a help, not a must.
pub fn series(ctx: &Ctx, session: &Session) -> Series {
    let key = crate::session::name_key;
    let name = key(&session.meta.name);
    if name.is_empty() {
        return Series::default();
    }
    let now = crate::runtime::now();
    let mut earlier: Vec<_> = storage::list(&ctx.root)
        .into_iter()
        .filter(|s| {
            let m = &s.session.meta;
            m.id != session.meta.id
                && m.workshop == session.meta.workshop
                && key(&m.name) == name
                && m.created < session.meta.created
        })
        .filter_map(|s| {
            let (w, _) = ctx.workshop_of(&s.dir, &s.session).ok()?;
            let steps = exercise::session_answers(&w, &s.session, now);
            Some((s.session.meta, steps))
        })
        .collect();
    // Listed newest first.
    earlier.reverse();
    Series::new(earlier)
}
