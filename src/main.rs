//! flipover's binary: parse the command line, load and check the content, then
//! run the chosen command. The work is in the library.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, bail};
use clap::Parser;
use crossterm::event::Event;

use flipover::app::App;
use flipover::cli::{Cli, Command};
use flipover::content::{DEFAULT_WORKSHOP, Library, Problem, Workshop};
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

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let root = storage::data_dir(cli.data_dir.as_deref());
    let lang = cli.lang.map(|l| l.code());
    let (config, warning) = flipover::config::load();
    if let Some(w) = warning {
        eprintln!("warning: {w}");
    }
    let theme = Theme::new(
        cli.theme.or(config.theme).unwrap_or_default(),
        Theme::no_color_env(),
    );
    match cli.command {
        Some(Command::Check { paths }) => Ok(check(&paths)),
        Some(Command::Sessions) => {
            sessions(&root);
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Run { workshop }) => {
            let workshop = choose_workshop(workshop.as_deref(), lang)?;
            start(workshop, &root, cli.rehearse, &theme)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Follow { session }) => {
            let dir = storage::find(&root, session.as_deref())?;
            let library = library(&[]);
            let mut screen = Screen::open()?;
            flipover::follow::run(&mut screen, &dir, &library, lang, &theme)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Resume { session }) => {
            let dir = storage::find(&root, session.as_deref())?;
            resume(&dir, lang, cli.rehearse, &theme)?;
            Ok(ExitCode::SUCCESS)
        }
        None => {
            launch(&root, lang, cli.rehearse, &theme)?;
            Ok(ExitCode::SUCCESS)
        }
    }
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

fn sessions(root: &Path) {
    let list = storage::list(root);
    if list.is_empty() {
        println!("no sessions yet in {}", root.display());
        return;
    }
    let library = library(&[]);
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
        let progress = library
            .workshop(&meta.workshop, Some(&meta.lang))
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

/// Loads the library, printing problems with other files as warnings.
fn library(extra: &[PathBuf]) -> Library {
    let (library, problems) = Library::load(extra);
    warn(&problems);
    library
}

fn warn(problems: &[Problem]) {
    for p in problems {
        eprintln!("warning: {}", p.headline());
    }
}

fn choose_workshop(name: Option<&str>, lang: Option<&str>) -> anyhow::Result<Arc<Workshop>> {
    let name = name.unwrap_or(DEFAULT_WORKSHOP);
    let as_path = Path::new(name);
    if as_path.is_file() {
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
    let library = library(&[]);
    match library.workshop(name, lang) {
        Some(w) => Ok(Arc::new(w.clone())),
        None => {
            let known: Vec<String> = library
                .workshops(lang.unwrap_or("da"))
                .map(|w| w.id.clone())
                .collect();
            bail!("no workshop {name:?} (shipped: {})", known.join(", "))
        }
    }
}

fn start(
    workshop: Arc<Workshop>,
    root: &Path,
    rehearse: bool,
    theme: &Theme,
) -> anyhow::Result<()> {
    let (store, session) = if rehearse {
        let meta = Meta {
            id: "rehearsal".into(),
            workshop: workshop.id.clone(),
            lang: workshop.lang.clone(),
            title: workshop.title.clone(),
            created: jiff::Timestamp::now().to_string(),
        };
        (None, Session::new(meta, &workshop))
    } else {
        let (store, session) = SessionStore::create(root, &workshop, jiff::ZonedDateTime::now())
            .context("cannot create the session")?;
        (Some(store), session)
    };
    console(workshop, session, store, None, rehearse, theme)
}

fn resume(dir: &Path, lang: Option<&str>, rehearse: bool, theme: &Theme) -> anyhow::Result<()> {
    let (store, session, live) = if rehearse {
        let loaded = storage::read(dir)?;
        (None, loaded.session, loaded.live)
    } else {
        let (store, session, live) = SessionStore::open(dir)?;
        (Some(store), session, live)
    };
    let library = library(&[]);
    let wanted = lang.unwrap_or(&session.meta.lang);
    let Some(workshop) = library.workshop(&session.meta.workshop, Some(wanted)) else {
        bail!(
            "the session's workshop {:?} is not shipped and not in ./workshops; put its file there and resume again",
            session.meta.workshop
        );
    };
    console(
        Arc::new(workshop.clone()),
        session,
        store,
        live,
        rehearse,
        theme,
    )
}

fn console(
    workshop: Arc<Workshop>,
    session: Session,
    store: Option<SessionStore>,
    live: Option<flipover::session::Live>,
    rehearse: bool,
    theme: &Theme,
) -> anyhow::Result<()> {
    let dir = store.as_ref().map(|s| s.dir().to_path_buf());
    let (library, _) = Library::load(&[]);
    let instruments = flipover::follow::instruments(&library, &workshop.lang);
    let workshop = Arc::new(flipover::app::extend(
        &workshop,
        &session.extras,
        &instruments,
    ));
    let (mut app, first) = App::resume(workshop, session, live, runtime::now());
    app.instruments = instruments;
    app.rehearsal = rehearse;
    app.tz = jiff::tz::TimeZone::system();
    let mut screen = Screen::open()?;
    let result = runtime::run(&mut screen, &mut app, store, theme, first);
    drop(screen);
    if let Some(dir) = dir {
        println!("flipover: the answers are saved in {}", dir.display());
    }
    result
}

fn launch(root: &Path, lang: Option<&str>, rehearse: bool, theme: &Theme) -> anyhow::Result<()> {
    let library = library(&[]);
    let lang = lang.unwrap_or("da");
    let workshops: Vec<&Workshop> = library.workshops(lang).collect();
    let sessions = storage::list(root);
    let mut launcher = Launcher::new(&workshops, &sessions, lang);
    let choice = {
        let mut screen = Screen::open()?;
        loop {
            screen
                .terminal
                .draw(|f| ui::launcher::draw(f, &launcher, theme))?;
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
        Some(Choice::New(id)) => start(
            choose_workshop(Some(&id), Some(lang))?,
            root,
            rehearse,
            theme,
        ),
        Some(Choice::Resume(dir)) => resume(&dir, None, rehearse, theme),
        None => Ok(()),
    }
}
