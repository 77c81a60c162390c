//! `flipover delete SESSION`: removes a session folder for good, after a
//! question (or `--yes`). Only a folder in the data folder's sessions, and
//! never one a console has open.

use std::io::{BufRead, IsTerminal, Write};

use anyhow::{Context, bail};

use super::Ctx;
use crate::storage;
use crate::text::clean;

pub fn run(ctx: &Ctx, id: &str, yes: bool) -> anyhow::Result<()> {
    let dir = storage::find(&ctx.root, Some(id))?;
    let sessions = storage::sessions_dir(&ctx.root);
    let inside = dir
        .canonicalize()
        .ok()
        .zip(sessions.canonicalize().ok())
        .is_some_and(|(d, s)| d.parent() == Some(s.as_path()));
    if !inside {
        bail!(
            "{} is not a session folder in {}; flipover deletes only its own",
            dir.display(),
            sessions.display()
        );
    }
    if storage::is_open(&dir) {
        bail!("the session is open in a console; quit it first");
    }
    // A damaged session can be deleted too; it is then named by its folder.
    let what = match storage::read(&dir) {
        Ok(l) => format!(
            "{} ({}, {} answers)",
            clean(l.session.meta.label()),
            clean(&l.session.meta.id),
            l.session.answer_count()
        ),
        Err(_) => clean(&dir.display().to_string()).into_owned(),
    };
    if !yes {
        if !std::io::stdin().is_terminal() {
            bail!("delete {what}? Nobody to ask here: add --yes to delete it");
        }
        print!("Delete the session {what} and its report for good? [y/N] ");
        std::io::stdout().flush()?;
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !matches!(answer.trim(), "y" | "Y" | "j" | "J" | "yes" | "ja") {
            say!("flipover: kept");
            return Ok(());
        }
    }
    std::fs::remove_dir_all(&dir).with_context(|| format!("cannot delete {}", dir.display()))?;
    say!("flipover: deleted {what}");
    Ok(())
}
