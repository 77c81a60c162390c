//! flipover's binary: parse the command line, load and check the content, then
//! run the chosen command. The work is in the library.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, bail};
use clap::Parser;
use crossterm::event::Event;

use flipover::app::{App, Options, Presentation};
use flipover::cli::{Cli, Command};
use flipover::content::{Content, DEFAULT_WORKSHOP, Library, Problem, Workshop};
use flipover::launcher::{Choice, Launcher};
use flipover::runtime::{self, Screen};
use flipover::session::{Meta, Session};
use flipover::storage::{self, SessionStore};
use flipover::ui::{self, Theme};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("flipover: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// What every command but `check` works with, loaded once.
struct Ctx {
    root: PathBuf,
    lang: Option<&'static str>,
    rehearse: bool,
    theme: Theme,
    library: Library,
}

impl Ctx {
    /// The instruments an advice can offer, in `lang`.
    fn instruments(&self, lang: &str) -> Vec<Content> {
        self.library.instruments(lang).cloned().collect()
    }

    /// The workshop a session runs, with the instrument steps it added.
    fn workshop_of(&self, session: &Session) -> Option<Workshop> {
        let lang = self.lang.unwrap_or(&session.meta.lang);
        let w = self.library.workshop(&session.meta.workshop, Some(lang))?;
        Some(flipover::app::extend(
            w,
            &session.extras,
            &self.instruments(lang),
        ))
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    if let Some(Command::Check { paths }) = &cli.command {
        return Ok(check(paths));
    }
    let (config, warning) = flipover::config::load();
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
        Some(Command::Sessions) => sessions(&ctx),
        Some(Command::Run { workshop }) => {
            start(&ctx, choose_workshop(&ctx, workshop.as_deref())?)?
        }
        Some(Command::Follow { session }) => {
            let dir = storage::find(&ctx.root, session.as_deref())?;
            let mut screen = Screen::open()?;
            flipover::follow::run(&mut screen, &dir, &ctx.library, ctx.lang, &ctx.theme)?;
        }
        Some(Command::Resume { session }) => {
            resume(&ctx, &storage::find(&ctx.root, session.as_deref())?)?
        }
        None => launch(&ctx)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `flipover check`: every problem on stderr as path:line:col; exit 1 if any.
fn check(paths: &[PathBuf]) -> ExitCode {
    let (library, problems) = Library::load(paths);
    for p in &problems {
        eprintln!("{p}");
    }
    if problems.is_empty() {
        let n: usize = ["da", "en"]
            .iter()
            .map(|l| library.workshops(l).count())
            .sum();
        let c: usize = ["da", "en"]
            .iter()
            .map(|l| library.contents(l).count())
            .sum();
        println!("ok: {n} workshops and {c} content files, no problems");
        ExitCode::SUCCESS
    } else {
        eprintln!("{} problem(s)", problems.len());
        ExitCode::from(1)
    }
}

fn sessions(ctx: &Ctx) {
    let list = storage::list(&ctx.root);
    if list.is_empty() {
        println!("no sessions yet in {}", ctx.root.display());
        return;
    }
    println!(
        "{:<42} {:<20} {:<17} {:<6} ANSWERS",
        "ID", "WORKSHOP", "CREATED", "STEP"
    );
    for s in list {
        let meta = &s.session.meta;
        let created = meta
            .created
            .parse::<jiff::Timestamp>()
            .map(|t| {
                t.to_zoned_datetime(jiff::tz::TimeZone::system())
                    .strftime("%Y-%m-%d %H:%M")
                    .to_string()
            })
            .unwrap_or_else(|_| meta.created.clone());
        let progress = ctx
            .workshop_of(&s.session)
            .and_then(|w| {
                let at = w.steps.iter().position(|st| st.id == s.session.step)?;
                Some(format!("{}/{}", at + 1, w.steps.len()))
            })
            .unwrap_or_else(|| s.session.step.clone());
        println!(
            "{:<42} {:<20} {:<17} {:<6} {}",
            meta.id,
            meta.workshop,
            created,
            progress,
            s.session.item_count()
        );
    }
}

fn warn(problems: &[Problem]) {
    for p in problems {
        eprintln!("warning: {}", p.headline());
    }
}

/// A shipped workshop by id, or the workshop in the file at `name`.
fn choose_workshop(ctx: &Ctx, name: Option<&str>) -> anyhow::Result<Arc<Workshop>> {
    let name = name.unwrap_or(DEFAULT_WORKSHOP);
    let as_path = Path::new(name);
    if as_path.is_file() {
        // The file is loaded with the rest, so its references resolve.
        let (library, problems) = Library::load(&[as_path.to_path_buf()]);
        let shown = as_path.display().to_string();
        if let Some(w) = library.workshop_at(&shown) {
            warn(&problems);
            return Ok(Arc::new(w.clone()));
        }
        for p in &problems {
            eprintln!("{p}");
        }
        bail!("{shown} did not load as a workshop");
    }
    match ctx.library.workshop(name, ctx.lang) {
        Some(w) => Ok(Arc::new(w.clone())),
        None => {
            let known: Vec<String> = ctx
                .library
                .workshops(ctx.lang.unwrap_or("da"))
                .map(|w| w.id.clone())
                .collect();
            bail!("no workshop {name:?} (shipped: {})", known.join(", "))
        }
    }
}

fn start(ctx: &Ctx, workshop: Arc<Workshop>) -> anyhow::Result<()> {
    let (store, session) = if ctx.rehearse {
        let meta = Meta {
            id: "rehearsal".into(),
            workshop: workshop.id.clone(),
            lang: workshop.lang.clone(),
            title: workshop.title.clone(),
            created: jiff::Timestamp::now().to_string(),
        };
        (None, Session::new(meta, &workshop))
    } else {
        let (store, session) =
            SessionStore::create(&ctx.root, &workshop, jiff::ZonedDateTime::now())
                .context("cannot create the session")?;
        (Some(store), session)
    };
    console(ctx, workshop, session, store, None)
}

fn resume(ctx: &Ctx, dir: &Path) -> anyhow::Result<()> {
    let (store, session, live) = if ctx.rehearse {
        let loaded = storage::read(dir)?;
        (None, loaded.session, loaded.live)
    } else {
        let (store, session, live) = SessionStore::open(dir)?;
        (Some(store), session, live)
    };
    let Some(workshop) = ctx.workshop_of(&session) else {
        bail!(
            "the session's workshop {:?} is not shipped and not in ./workshops; put its file there and resume again",
            session.meta.workshop
        );
    };
    console(ctx, Arc::new(workshop), session, store, live)
}

/// Runs the console on `workshop` (with the session's added steps already in it).
fn console(
    ctx: &Ctx,
    workshop: Arc<Workshop>,
    session: Session,
    store: Option<SessionStore>,
    live: Option<flipover::session::Live>,
) -> anyhow::Result<()> {
    let dir = store.as_ref().map(|s| s.dir().to_path_buf());
    let instruments = ctx.instruments(&workshop.lang);
    let options = Options {
        instruments,
        rehearsal: ctx.rehearse,
        presentation: Presentation::Console,
        tz: Some(jiff::tz::TimeZone::system()),
    };
    let (mut app, first) = App::resume(workshop, session, live, runtime::now(), options);
    let mut screen = Screen::open()?;
    let result = runtime::run(&mut screen, &mut app, store, &ctx.theme, first);
    drop(screen);
    if let Some(dir) = dir {
        println!("flipover: the answers are saved in {}", dir.display());
    }
    result
}

fn launch(ctx: &Ctx) -> anyhow::Result<()> {
    let lang = ctx.lang.unwrap_or("da");
    let workshops: Vec<&Workshop> = ctx.library.workshops(lang).collect();
    let sessions = storage::list(&ctx.root);
    let mut launcher = Launcher::new(&workshops, &sessions, lang);
    let choice = {
        let mut screen = Screen::open()?;
        loop {
            screen
                .terminal
                .draw(|f| ui::launcher::draw(f, &launcher, &ctx.theme))?;
            if screen.stopping() {
                break None;
            }
            if let Some(Event::Key(key)) =
                runtime::next_event(std::time::Duration::from_millis(250))?
                && let Some(choice) = launcher.key(key)
            {
                break choice;
            }
        }
    };
    match choice {
        Some(Choice::New(id)) => start(ctx, choose_workshop(ctx, Some(&id))?),
        Some(Choice::Resume(dir)) => resume(ctx, &dir),
        None => Ok(()),
    }
}
