//! `flipover archive SESSION`: puts a session away — out of `flipover
//! sessions` (unless `--all`) and never the default for resume, follow or
//! export — without deleting anything. `--undo` brings it back.

use super::Ctx;
use super::rename::rewrite_meta;
use crate::i18n::fill;
use crate::text::clean;

pub fn run(ctx: &Ctx, id: &str, undo: bool) -> anyhow::Result<()> {
    let dir = ctx.find(Some(id))?;
    let meta = rewrite_meta(ctx, &dir, |m| m.archived = !undo)?;
    let w = ctx.words_for(&meta);
    let done = if undo { w.unarchived } else { w.archived };
    say!("{}", fill(done, &[("session", &clean(meta.label()))]));
    Ok(())
}
