//! `flipover follow`: the room view of a session, for the projector.

use super::Ctx;
use crate::follow::Follow;
use crate::runtime::{self, Screen};

/// Follows the session `id` (default: the open one, else the latest).
pub fn run(ctx: &Ctx, id: Option<&str>) -> anyhow::Result<()> {
    let dir = ctx.find(id)?;
    let session = ctx.read(&dir)?.session;
    // Say now, not with a blank screen, when the workshop cannot be found.
    ctx.workshop_of(&dir, &session)?;
    let mut follow = Follow::new(&dir, &ctx.library, ctx.lang);
    let mut screen = Screen::open(ctx.words_for(&session.meta))?;
    runtime::drive(&mut screen, &mut follow, &ctx.theme)
}
