//! commands: one module per command of the command line. `main.rs` parses the
//! arguments and hands them here; each command loads what it needs once.

mod check;
mod console;
mod follow;
mod launch;
mod sessions;

use std::path::PathBuf;
use std::process::ExitCode;

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
    /// The instruments an advice can offer, in `lang`.
    pub fn instruments(&self, lang: &str) -> Vec<Content> {
        self.library.instruments(lang).cloned().collect()
    }

    /// The workshop a session runs, with the instrument steps it added.
    pub fn workshop_of(&self, session: &Session) -> Option<Workshop> {
        let lang = self.lang.unwrap_or(&session.meta.lang);
        let w = self.library.workshop(&session.meta.workshop, Some(lang))?;
        Some(crate::app::extend(
            w,
            &session.extras,
            &self.instruments(lang),
        ))
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
