//! commands: one module per command of the command line. `main.rs` parses the
//! arguments and hands them here; each command loads what it needs once.

/// A line on stdout; a reader that stopped reading (`| head`) ends the output
/// quietly instead of with a panic.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

mod archive;
mod check;
mod console;
mod delete;
mod export;
mod follow;
mod guide;
mod lang;
mod launch;
mod new;
mod pick;
mod rehearse;
mod rename;
mod sessions;
mod shell;

use std::path::{Path, PathBuf};

use anyhow::anyhow;
use std::process::ExitCode;

use crate::app::session_workshop;
use crate::cli::{Cli, Command};
use crate::content::{Content, Library, Problem, Workshop};
use crate::i18n::fill;
use crate::session::Session;
use crate::storage;
use crate::template::Occasion;
use crate::ui::Theme;

/// What every command but `check` works with, loaded once.
pub struct Ctx {
    pub root: PathBuf,
    pub lang: Option<&'static str>,
    pub rehearse: bool,
    pub theme: Theme,
    pub library: Library,
    /// The report's formats from the settings (empty: the command's default).
    pub report_formats: Vec<crate::export::Format>,
    /// The files the library was loaded from (a new session copies its own).
    pub files: Vec<crate::content::SourceFile>,
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
        // The session's own copy first; a copy that does not load (edited by
        // hand) falls back to the shipped and local files, if they have it.
        let w = self.words_for(&session.meta);
        let workshop = format!("{:?}", session.meta.workshop);
        // In the language asked for (`--lang`) if any copy has it: the
        // session's own copy is in the language it ran in, so another one
        // comes from the shipped translation, when that has the very same
        // steps (answers are kept by step id; a copy edited since, or from an
        // older flipover, keeps its own language rather than lose any).
        let asked = |found: &(Workshop, Vec<Content>)| self.lang.is_none_or(|l| found.0.lang == l);
        let ids = |found: &(Workshop, Vec<Content>)| -> Vec<String> {
            found.0.steps.iter().map(|s| s.id.clone()).collect()
        };
        match storage::pinned::load(dir) {
            Some(pinned) => {
                let own = session_workshop(&pinned.library, session, self.lang);
                let same_steps = |found: &(Workshop, Vec<Content>)| {
                    own.as_ref().is_none_or(|o| ids(o) == ids(found))
                };
                own.clone()
                    .filter(asked)
                    .or_else(|| {
                        session_workshop(&self.library, session, self.lang)
                            .filter(|f| asked(f) && same_steps(f))
                    })
                    .or(own)
                    .or_else(|| session_workshop(&self.library, session, self.lang))
                    .ok_or_else(|| {
                        let why = pinned
                            .problems
                            .first()
                            .map_or_else(|| w.copy_missing.to_string(), |p| p.headline());
                        let copy = dir.join(storage::pinned::DIR);
                        anyhow!(fill(
                            w.copy_does_not_load,
                            &[
                                ("workshop", &workshop),
                                ("dir", &copy.display()),
                                ("why", &why)
                            ]
                        ))
                    })
            }
            None => session_workshop(&self.library, session, self.lang)
                .ok_or_else(|| anyhow!(fill(w.workshop_not_found, &[("workshop", &workshop)]))),
        }
    }
}

/// Runs the command `cli` asks for.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let settings = cli.settings();
    let lang = settings.lang.map(|l| l.code());
    // The commands that print or write files: no data folder, no screen.
    match &cli.command {
        Some(Command::Check { paths }) => return Ok(check::run(paths)),
        Some(Command::Schema) => {
            let _ = std::io::Write::write_all(
                &mut std::io::stdout(),
                crate::content::schema::json().as_bytes(),
            );
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::Completions { shell }) => return shell::completions(*shell),
        Some(Command::Man) => return shell::man(),
        Some(Command::Guide {
            workshop,
            format,
            start,
            ..
        }) => return guide::run(workshop, *format, start.as_deref(), lang),
        Some(Command::New {
            name,
            from,
            title,
            org,
            date,
            start,
            participants,
            dir,
            force,
            ..
        }) => {
            return new::run(&new::NewArgs {
                occasion: Occasion {
                    id: name.clone(),
                    title: title.clone(),
                    org: org.clone(),
                    date: date.clone(),
                    start: start.clone(),
                    participants: *participants,
                },
                from,
                lang,
                dir,
                force: *force,
            });
        }
        _ => {}
    }
    let (config, warning) = crate::config::load();
    if let Some(w) = warning {
        eprintln!("warning: {w}");
    }
    let (files, mut problems) = crate::content::sources(&[]);
    let library = Library::from_files(&files, &mut problems);
    problems.sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
    warn(&problems);
    let ctx = Ctx {
        files,
        root: storage::data_dir(settings.data_dir.as_deref()),
        lang,
        rehearse: settings.rehearse,
        theme: Theme::new(
            settings.theme.or(config.theme).unwrap_or_default(),
            Theme::no_color_env(),
        ),
        library,
        report_formats: config.report_formats,
    };
    match cli.command {
        Some(Command::Sessions { all, .. }) => sessions::run(&ctx, all),
        Some(Command::Rename { session, name, .. }) => rename::run(&ctx, &session, &name)?,
        Some(Command::Archive { session, undo, .. }) => archive::run(&ctx, &session, undo)?,
        Some(Command::Delete { session, yes, .. }) => delete::run(&ctx, &session, yes)?,
        Some(Command::Run { workshop, name, .. }) => {
            console::start(&ctx, workshop.as_deref(), name.as_deref())?
        }
        Some(Command::Export {
            session,
            format,
            all,
            output,
            ..
        }) => export::run(&ctx, session.as_deref(), &format, all, output.as_deref())?,
        Some(Command::Follow { session, .. }) => follow::run(&ctx, session.as_deref())?,
        Some(Command::Resume { session, .. }) => {
            console::resume(&ctx, &ctx.find(session.as_deref())?)?
        }
        Some(_) => unreachable!("handled above"),
        None => launch::run(&ctx)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `start` (`--start HH:MM`) as a time of day, or why not in `w`'s words.
pub fn start_time(start: &str, w: &crate::i18n::Words) -> anyhow::Result<jiff::civil::Time> {
    use anyhow::Context;
    crate::content::parse_start(start)
        .with_context(|| fill(w.bad_start, &[("start", &format!("{start:?}"))]))
}

/// Problems that do not stop a command (a broken file in ./content), one line each.
pub fn warn(problems: &[Problem]) {
    for p in problems {
        eprintln!("warning: {}", p.headline());
    }
}
