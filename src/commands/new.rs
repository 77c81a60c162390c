//! `flipover new`: a workshop file to prepare, written from an existing
//! workshop with every field explained. The new file is checked before it is
//! written, so it passes `flipover check` as written.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};

use super::pick;
use crate::content::{self, Library, SourceFile};
use crate::template::{self, Occasion};

/// What `flipover new` was asked for.
pub struct NewArgs<'a> {
    pub occasion: Occasion,
    /// The workshop to start from: an id or a path.
    pub from: &'a str,
    pub lang: Option<&'a str>,
    /// The folder the file goes into.
    pub dir: &'a Path,
    /// Replace a file of the same name.
    pub force: bool,
}

/// Whether `id` is a valid workshop id (what `check` accepts).
fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Writes the new workshop file; exit 1 (nothing written) if it would not pass
/// `check`.
pub fn run(args: &NewArgs<'_>) -> anyhow::Result<ExitCode> {
    let id = &args.occasion.id;
    if !valid_id(id) {
        bail!(
            "{id:?} cannot be a workshop id: use 1–64 characters of a–z, 0–9 and -, e.g. \"kommune-marts\""
        );
    }
    if let Some(start) = &args.occasion.start
        && content::parse_start(start).is_none()
    {
        bail!("--start {start:?} is not a time of day: write HH:MM, e.g. 09:00");
    }
    let target: PathBuf = args.dir.join(format!("{id}.toml"));
    if target.exists() && !args.force {
        bail!(
            "{} already exists (give --force to replace it)",
            target.display()
        );
    }
    let picked = pick::workshop(args.from, args.lang)?;
    let Some(source) = picked.source() else {
        bail!("the text of workshop {:?} cannot be found", args.from);
    };
    let original = std::str::from_utf8(&source.bytes).context("the workshop is not UTF-8")?;
    let shown = target.display().to_string();
    let text = template::workshop(original, &picked.workshop.id, &args.occasion, &shown)?;

    // Checked as it will be found: with every other file, in its place.
    let mut files: Vec<SourceFile> = content::sources(&[])
        .0
        .into_iter()
        .filter(|f| f.path != shown)
        .collect();
    files.push(SourceFile {
        path: shown.clone(),
        bytes: text.clone().into_bytes(),
        embedded: false,
    });
    let mut problems = Vec::new();
    let library = Library::from_files(&files, &mut problems);
    let mine: Vec<_> = problems.iter().filter(|p| p.path == shown).collect();
    if !mine.is_empty() || library.workshop_at(&shown).is_none() {
        for p in &mine {
            eprintln!("{p}");
        }
        eprintln!("flipover: nothing written: the new workshop would not pass `flipover check`");
        return Ok(ExitCode::from(1));
    }

    std::fs::create_dir_all(args.dir)
        .with_context(|| format!("cannot create {}", args.dir.display()))?;
    std::fs::write(&target, &text).with_context(|| format!("cannot write {shown}"))?;
    let schema = args.dir.join(template::SCHEMA_FILE);
    std::fs::write(&schema, crate::content::schema::json())
        .with_context(|| format!("cannot write {}", schema.display()))?;
    let w = &picked.workshop;
    say!(
        "wrote {shown}: \"{}\", {} steps, {} minutes, from {}",
        crate::text::clean(&w.title),
        w.steps.len(),
        w.minutes,
        w.id
    );
    say!(
        "  (and {}, so editors complete and check as you type)",
        schema.display()
    );
    say!("next:");
    say!("  flipover check {shown}");
    say!("  flipover guide {shown}");
    say!("  flipover run {shown} --rehearse");
    Ok(ExitCode::SUCCESS)
}
