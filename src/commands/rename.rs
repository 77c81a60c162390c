//! `flipover rename SESSION NAME`: gives a session the name of the team or
//! client it was for (sessions of one workshop under one name form a series).

use std::path::Path;

use super::Ctx;
use crate::i18n::fill;
use crate::session::Meta;
use crate::text::{clean, one_line};

/// Names session `id` (found by id, name or a beginning of either) `name`.
pub fn run(ctx: &Ctx, id: &str, name: &str) -> anyhow::Result<()> {
    let dir = ctx.find(Some(id))?;
    let name = one_line(name);
    let meta = rewrite_meta(ctx, &dir, |m| m.name = name.clone())?;
    let w = ctx.words_for(&meta);
    let (session, name) = (clean(&meta.id), clean(&meta.name));
    say!(
        "{}",
        fill(w.renamed, &[("session", &session), ("name", &name)])
    );
    Ok(())
}

/// Changes the meta of the session in `dir` under its lock (refused while a
/// console has it open) and writes it as a new snapshot, atomically.
pub fn rewrite_meta(ctx: &Ctx, dir: &Path, change: impl FnOnce(&mut Meta)) -> anyhow::Result<Meta> {
    let (mut store, mut session, _) = ctx.open(dir)?;
    change(&mut session.meta);
    store.snapshot(&session)?;
    Ok(session.meta)
}
