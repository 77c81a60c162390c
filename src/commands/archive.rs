//! `flipover archive SESSION`: puts a session away — out of `flipover
//! sessions` (unless `--all`) and never the default for resume, follow or
//! export — without deleting anything. `--undo` brings it back.

use super::Ctx;
use super::rename::rewrite_meta;
use crate::storage;
use crate::text::clean;

pub fn run(ctx: &Ctx, id: &str, undo: bool) -> anyhow::Result<()> {
    let dir = storage::find(&ctx.root, Some(id))?;
    let meta = rewrite_meta(&dir, |m| m.archived = !undo)?;
    let done = if undo {
        "back from the archive"
    } else {
        "archived (flipover sessions --all shows it; archive --undo brings it back)"
    };
    say!("flipover: {} is {done}", clean(meta.label()));
    Ok(())
}
