//! The launcher of a bare `flipover`: start a workshop or resume a session.

use super::{Ctx, console};
use crate::content::Workshop;
use crate::launcher::{Choice, Launcher};
use crate::runtime::{self, Screen};
use crate::storage;

/// Shows the launcher, then runs what was chosen.
pub fn run(ctx: &Ctx) -> anyhow::Result<()> {
    let lang = ctx.lang.unwrap_or(crate::i18n::DEFAULT_LANG);
    let workshops: Vec<&Workshop> = ctx.library.workshops(lang).collect();
    let (sessions, damaged) = storage::scan(&ctx.root);
    let mut launcher = Launcher::new(&workshops, &sessions, lang);
    let w = ctx.words();
    let why = w.cannot_be_read;
    launcher.damaged = damaged
        .into_iter()
        .map(|d| {
            (
                crate::text::clean(&d.id).into_owned(),
                format!("{why}: {}", crate::text::clean(&d.reason)),
            )
        })
        .collect();
    {
        let mut screen = Screen::open(w)?;
        runtime::drive(&mut screen, &mut launcher, &ctx.theme)?;
    }
    match launcher.chosen.flatten() {
        Some(Choice::New { workshop, name }) => console::start(
            ctx,
            Some(&workshop),
            Some(name.as_str()).filter(|n| !n.is_empty()),
        ),
        Some(Choice::Resume(dir)) => console::resume(ctx, &dir),
        None => Ok(()),
    }
}
