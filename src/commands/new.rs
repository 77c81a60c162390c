//! `flipover new`: a workshop file to prepare, written from an existing
//! workshop with every field explained. The new file is checked before it is
//! written, so it passes `flipover check` as written. Its messages are in the
//! workshop's language once it is found (`--lang` picks it), else in Danish.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};

use super::pick;
use crate::content::{self, Library, SourceFile};
use crate::i18n::{self, fill};
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
    let w = i18n::chosen(args.lang);
    if !valid_id(id) {
        bail!(fill(w.bad_workshop_id, &[("id", &format!("{id:?}"))]));
    }
    if let Some(start) = &args.occasion.start {
        super::start_time(start, w)?;
    }
    let target: PathBuf = args.dir.join(format!("{id}.toml"));
    if target.exists() && !args.force {
        bail!(fill(w.file_exists, &[("path", &target.display())]));
    }
    let picked = pick::workshop(args.from, args.lang)?;
    let w = i18n::words(&picked.workshop.lang);
    let Some(source) = picked.source() else {
        let from = format!("{:?}", args.from);
        bail!(fill(w.workshop_text_missing, &[("workshop", &from)]));
    };
    let original = std::str::from_utf8(&source.bytes).context(w.not_utf8)?;
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
        eprintln!("{}", w.would_not_pass);
        return Ok(ExitCode::from(1));
    }

    std::fs::create_dir_all(args.dir)
        .with_context(|| fill(w.cannot_create, &[("path", &args.dir.display())]))?;
    std::fs::write(&target, &text).with_context(|| fill(w.cannot_write, &[("path", &shown)]))?;
    let schema = args.dir.join(template::SCHEMA_FILE);
    std::fs::write(&schema, crate::content::schema::json())
        .with_context(|| fill(w.cannot_write, &[("path", &schema.display())]))?;
    let from = &picked.workshop;
    let written = fill(
        w.new_written,
        &[
            ("path", &shown),
            ("title", &crate::text::clean(&from.title)),
            ("steps", &from.steps.len()),
            ("minutes", &from.minutes),
            ("from", &from.id),
        ],
    );
    say!("{written}");
    say!("{}", fill(w.schema_beside, &[("path", &schema.display())]));
    say!("{}", w.next_commands);
    say!("  flipover check {shown}");
    say!("  flipover guide {shown}");
    say!("  flipover run {shown} --rehearse");
    Ok(ExitCode::SUCCESS)
}
