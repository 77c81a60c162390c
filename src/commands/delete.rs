//! `flipover delete SESSION`: removes a session folder for good, after a
//! question (or `--yes`). Only a folder in the data folder's sessions, and
//! never one a console has open.

use std::io::{BufRead, IsTerminal, Write};

use anyhow::{Context, bail};

use super::Ctx;
use crate::i18n::fill;
use crate::text::clean;

pub fn run(ctx: &Ctx, id: &str, yes: bool) -> anyhow::Result<()> {
    let dir = ctx.find(Some(id))?;
    // A damaged session can be deleted too; it is then named by its folder,
    // in the words of no one session.
    let (w, what) = match crate::storage::read(&dir) {
        Ok(l) => {
            let (meta, count) = (&l.session.meta, l.session.answer_count());
            let w = ctx.words_for(meta);
            let answers = if count == 1 { w.answer } else { w.answers };
            // The id once: in brackets only after a name.
            let what = if meta.name.is_empty() {
                format!("{} ({count} {answers})", clean(&meta.id))
            } else {
                format!(
                    "{} ({}, {count} {answers})",
                    clean(&meta.name),
                    clean(&meta.id)
                )
            };
            (w, what)
        }
        Err(_) => (ctx.words(), clean(&dir.display().to_string()).into_owned()),
    };
    let sessions = crate::storage::sessions_dir(&ctx.root);
    let inside = dir
        .canonicalize()
        .ok()
        .zip(sessions.canonicalize().ok())
        .is_some_and(|(d, s)| d.parent() == Some(s.as_path()));
    if !inside {
        let (dir, sessions) = (dir.display(), sessions.display());
        bail!(fill(
            w.not_own_folder,
            &[("dir", &dir), ("sessions", &sessions)]
        ));
    }
    if crate::storage::is_open(&dir) {
        bail!(w.open_in_console);
    }
    if !yes {
        if !std::io::stdin().is_terminal() {
            bail!(fill(w.nobody_to_ask, &[("session", &what)]));
        }
        print!("{}", fill(w.delete_for_good, &[("session", &what)]));
        std::io::stdout().flush()?;
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !matches!(
            answer.trim().to_lowercase().as_str(),
            "y" | "j" | "yes" | "ja"
        ) {
            say!("{}", w.kept);
            return Ok(());
        }
    }
    std::fs::remove_dir_all(&dir)
        .with_context(|| fill(w.cannot_delete, &[("path", &dir.display())]))?;
    say!("{}", fill(w.deleted_session, &[("session", &what)]));
    Ok(())
}
