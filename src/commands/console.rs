//! `flipover run` and `flipover resume`: the console on a new or an earlier
//! session, in the one event loop of `runtime`.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use anyhow::{Context, bail};

use super::{Ctx, warn};
use crate::app::{App, Options, Presentation};
use crate::content::{DEFAULT_WORKSHOP, Library, Workshop};
use crate::runtime::{self, Screen};
use crate::session::{Meta, Session};
use crate::storage::{self, SessionStore};

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

/// A new session of the workshop `name` (a shipped id or a path; default:
/// the 3-hour workshop).
pub fn start(ctx: &Ctx, name: Option<&str>) -> anyhow::Result<()> {
    start_workshop(ctx, choose_workshop(ctx, name)?)
}

fn start_workshop(ctx: &Ctx, workshop: Arc<Workshop>) -> anyhow::Result<()> {
    let (store, session) = if ctx.rehearse {
        let meta = Meta {
            id: "rehearsal".into(),
            workshop: workshop.id.clone(),
            lang: workshop.lang.clone(),
            title: workshop.title.clone(),
            created: jiff::Timestamp::now().to_string(),
        };
        (Store::Nowhere, Session::new(meta, &workshop))
    } else {
        // Written once the terminal is up and the first frame drawn: no
        // empty session is left when there is no terminal, and start-up is
        // not held up by fsyncs.
        let (new, session) =
            SessionStore::prepare(&ctx.root, &workshop, jiff::ZonedDateTime::now());
        (Store::New(new), session)
    };
    console(ctx, workshop, session, store, None)
}

/// Where the console's answers go.
enum Store {
    /// A rehearsal: nowhere.
    Nowhere,
    /// A session opened from its folder.
    Open(SessionStore),
    /// A new session, created after the first frame.
    New(storage::NewSession),
}

/// The session in `dir`, where it was left.
pub fn resume(ctx: &Ctx, dir: &Path) -> anyhow::Result<()> {
    let (store, session, live) = if ctx.rehearse {
        let loaded = storage::read(dir)?;
        (Store::Nowhere, loaded.session, loaded.live)
    } else {
        let (store, session, live) = SessionStore::open(dir)?;
        (Store::Open(store), session, live)
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
    store: Store,
    live: Option<crate::session::Live>,
) -> anyhow::Result<()> {
    let dir = match &store {
        Store::Nowhere => None,
        Store::Open(s) => Some(s.dir().to_path_buf()),
        Store::New(n) => Some(n.dir().to_path_buf()),
    };
    let instruments = ctx.instruments(&workshop.lang);
    let options = Options {
        instruments,
        rehearsal: ctx.rehearse,
        presentation: Presentation::Console,
        tz: Some(jiff::tz::TimeZone::system()),
    };
    let (mut app, first) = App::resume(workshop, session, live, runtime::now(), options);
    let mut screen = Screen::open()?;
    let store = match store {
        Store::Nowhere => None,
        Store::Open(s) => Some(s),
        Store::New(new) => {
            screen
                .terminal
                .draw(|f| crate::ui::draw(f, &app, &ctx.theme))?;
            // Durable before the first key is read, so before any answer.
            Some(
                new.create(app.session())
                    .context("cannot create the session")?,
            )
        }
    };
    let result = runtime::run(&mut screen, &mut app, store, &ctx.theme, first);
    drop(screen);
    if let Some(dir) = dir.filter(|d| d.exists()) {
        // The terminal may be gone by now (a closed window): not worth a panic.
        let line = format!("flipover: the answers are saved in {}", dir.display());
        let _ = writeln!(std::io::stdout(), "{}", crate::text::clean(&line));
    }
    result
}
