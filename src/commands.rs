//! commands: one module per command of the command line. `main.rs` parses the
//! arguments and hands them here; each command loads what it needs once.

mod check;
mod console;
mod export;
mod follow;
mod launch;
mod sessions;

use std::path::{Path, PathBuf};

use anyhow::anyhow;
use std::process::ExitCode;

use crate::app::session_workshop;
use crate::cli::{Cli, Command};
use crate::content::{Content, Library, Problem, Workshop};
use crate::session::Session;
use crate::storage;
use crate::ui::Theme;

/// What every command but `check` works with, loaded once.
pub struct Ctx {
    pub root: PathBuf,
    pub lang: Option<&'static str>,
    pub rehearse: bool,
    pub theme: Theme,
    pub library: Library,
}

impl Ctx {
    /// The workshop the session in `dir` runs, with the steps it added, and
    /// the instruments its advice can offer: from the session's own copy of
    /// its workshop, or (a session from before sessions carried one) from the
    /// shipped and local files.
    pub fn workshop_of(
        &self,
        dir: &Path,
        session: &Session,
    ) -> anyhow::Result<(Workshop, Vec<Content>)> {
        match storage::pinned::load(dir) {
            Some(pinned) => session_workshop(&pinned.library, session, self.lang).ok_or_else(|| {
                let why = pinned
                    .problems
                    .first()
                    .map_or_else(|| "it is missing".to_string(), |p| p.headline());
                anyhow!(
                    "the session's copy of its workshop {:?} in {} does not load: {why}",
                    session.meta.workshop,
                    dir.join(storage::pinned::DIR).display()
                )
            }),
            None => session_workshop(&self.library, session, self.lang).ok_or_else(|| {
                anyhow!(
                    "the session's workshop {:?} is not shipped and not in ./workshops; put its file there and resume again",
                    session.meta.workshop
                )
            }),
        }
    }
}

/// Runs the command `cli` asks for.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    if let Some(Command::Check { paths }) = &cli.command {
        return Ok(check::run(paths));
    }
    let (config, warning) = crate::config::load();
    if let Some(w) = warning {
        eprintln!("warning: {w}");
    }
    let (library, problems) = Library::load(&[]);
    warn(&problems);
    let ctx = Ctx {
        root: storage::data_dir(cli.data_dir.as_deref()),
        lang: cli.lang.map(|l| l.code()),
        rehearse: cli.rehearse,
        theme: Theme::new(
            cli.theme.or(config.theme).unwrap_or_default(),
            Theme::no_color_env(),
        ),
        library,
    };
    match cli.command {
        Some(Command::Check { .. }) => unreachable!("handled above"),
        Some(Command::Sessions) => sessions::run(&ctx),
        Some(Command::Run { workshop }) => console::start(&ctx, workshop.as_deref())?,
        Some(Command::Export {
            session,
            format,
            all,
            output,
        }) => export::run(&ctx, session.as_deref(), &format, all, output.as_deref())?,
        Some(Command::Follow { session }) => follow::run(&ctx, session.as_deref())?,
        Some(Command::Resume { session }) => {
            console::resume(&ctx, &storage::find(&ctx.root, session.as_deref())?)?
        }
        None => launch::run(&ctx)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Problems that do not stop a command (a broken file in ./content), one line each.
pub fn warn(problems: &[Problem]) {
    for p in problems {
        eprintln!("warning: {}", p.headline());
    }
}
