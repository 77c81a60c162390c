//! `flipover rename SESSION NAME`: gives a session the name of the team or
//! client it was for (sessions of one workshop under one name form a series).

use std::path::Path;

use super::Ctx;
use crate::session::Meta;
use crate::storage::{self, SessionStore};
use crate::text::{clean, one_line};

/// Names session `id` (found by id, name or a beginning of either) `name`.
pub fn run(ctx: &Ctx, id: &str, name: &str) -> anyhow::Result<()> {
    let dir = storage::find(&ctx.root, Some(id))?;
    let name = one_line(name);
    let meta = rewrite_meta(&dir, |m| m.name = name.clone())?;
    say!(
        "flipover: {} is now named {}",
        clean(&meta.id),
        clean(&meta.name)
    );
    Ok(())
}

/// Changes the meta of the session in `dir` under its lock (refused while a
/// console has it open) and writes it as a new snapshot, atomically.
pub fn rewrite_meta(dir: &Path, change: impl FnOnce(&mut Meta)) -> anyhow::Result<Meta> {
    let (mut store, mut session, _) = SessionStore::open(dir)?;
    change(&mut session.meta);
    store.snapshot(&session)?;
    Ok(session.meta)
}
