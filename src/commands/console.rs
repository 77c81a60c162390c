//! `flipover run` and `flipover resume`: the console on a new or an earlier
//! session, in the one event loop of `runtime`.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use anyhow::Context;

use super::rehearse::FileWatch;
use super::{Ctx, pick};
use crate::app::{App, Options, Presentation};
use crate::content::{Content, DEFAULT_WORKSHOP, Library, SourceFile, Workshop};
use crate::exercise::review;
use crate::export::Series;
use crate::runtime::{self, Screen, Watch};
use crate::session::{Meta, Session};
use crate::storage::pinned::{self, PinnedFile};
use crate::storage::{self, SessionStore};

/// A workshop chosen to run: the workshop, the instruments its advice can
/// offer and the files it is made of (copied into the session).
struct Chosen {
    workshop: Arc<Workshop>,
    instruments: Vec<Content>,
    files: Vec<PinnedFile>,
}

/// The workshop `name` (default: the 3-hour workshop) with the files it is
/// made of.
fn choose_workshop(ctx: &Ctx, name: Option<&str>) -> anyhow::Result<Chosen> {
    let name = name.unwrap_or(DEFAULT_WORKSHOP);
    let chosen = |found: &Workshop, library: &Library, files: &[SourceFile]| Chosen {
        files: pinned::select(found, library, files).unwrap_or_default(),
        instruments: library.instruments(&found.lang).cloned().collect(),
        workshop: Arc::new(found.clone()),
    };
    // A workshop by id is in the library loaded already; a file is loaded
    // with it, so its references resolve.
    if !std::path::Path::new(name).is_file()
        && let Some(found) = ctx.library.workshop(name, ctx.lang)
    {
        return Ok(chosen(found, &ctx.library, &ctx.files));
    }
    let picked = pick::workshop(name, ctx.lang)?;
    Ok(chosen(&picked.workshop, &picked.library, &picked.files))
}

/// A new session of the workshop `name` (a shipped id or a path; default:
/// the 3-hour workshop).
/// `called` names the session after the team or client it is for.
pub fn start(ctx: &Ctx, name: Option<&str>, called: Option<&str>) -> anyhow::Result<()> {
    let Chosen {
        workshop,
        instruments,
        files,
    } = choose_workshop(ctx, name)?;
    // Rehearsing a file: saving it in an editor shows it anew.
    let mut watch = name
        .filter(|n| ctx.rehearse && Path::new(n).is_file())
        .map(|n| FileWatch::new(n.into(), ctx.lang));
    let (store, mut session) = if ctx.rehearse {
        let meta = Meta {
            id: "rehearsal".into(),
            workshop: workshop.id.clone(),
            lang: workshop.lang.clone(),
            title: workshop.title.clone(),
            created: jiff::Timestamp::now().to_string(),
            name: String::new(),
            archived: false,
        };
        (Store::Nowhere, Session::new(meta, &workshop))
    } else {
        // Written once the terminal is up and the first frame drawn: no
        // empty session is left when there is no terminal, and start-up is
        // not held up by fsyncs.
        let (new, session) =
            SessionStore::prepare(&ctx.root, &workshop, jiff::ZonedDateTime::now());
        (Store::New(new, files), session)
    };
    session.meta.name = called.map(crate::text::one_line).unwrap_or_default();
    // A session in a series opens with the last one's open actions to review.
    let series = super::export::series(ctx, &session);
    for change in review::opening(&series.open_actions) {
        session.apply(&change);
    }
    let workshop = if session.extras.is_empty() {
        workshop
    } else {
        Arc::new(crate::app::extend(&workshop, &session.extras, &instruments))
    };
    let watch = watch.as_mut().map(|w| w as &mut dyn Watch);
    console(
        ctx,
        workshop,
        instruments,
        session,
        store,
        None,
        watch,
        Some(series),
    )
}

/// Where the console's answers go.
enum Store {
    /// A rehearsal: nowhere.
    Nowhere,
    /// A session opened from its folder.
    Open(SessionStore),
    /// A new session, created after the first frame, with the files of its
    /// workshop to copy into it.
    New(storage::NewSession, Vec<PinnedFile>),
}

/// The session in `dir`, where it was left.
pub fn resume(ctx: &Ctx, dir: &Path) -> anyhow::Result<()> {
    let (store, session, live) = if ctx.rehearse {
        let loaded = ctx.read(dir)?;
        (Store::Nowhere, loaded.session, loaded.live)
    } else {
        let (store, session, live) = ctx.open(dir)?;
        (Store::Open(store), session, live)
    };
    let (workshop, instruments) = ctx.workshop_of(dir, &session)?;
    console(
        ctx,
        Arc::new(workshop),
        instruments,
        session,
        store,
        live,
        None,
        None,
    )
}

/// Runs the console on `workshop` (with the session's added steps already in it).
// The one entry for new, resumed and rehearsed sessions: each argument is one
// of the things that differ between them.
#[allow(clippy::too_many_arguments)]
fn console(
    ctx: &Ctx,
    workshop: Arc<Workshop>,
    instruments: Vec<Content>,
    session: Session,
    store: Store,
    live: Option<crate::session::Live>,
    watch: Option<&mut dyn Watch>,
    series: Option<Series>,
) -> anyhow::Result<()> {
    let series = series.unwrap_or_else(|| super::export::series(ctx, &session));
    let dir = match &store {
        Store::Nowhere => None,
        Store::Open(s) => Some(s.dir().to_path_buf()),
        Store::New(n, _) => Some(n.dir().to_path_buf()),
    };
    let options = Options {
        instruments,
        rehearsal: ctx.rehearse,
        presentation: Presentation::Console,
        tz: Some(jiff::tz::TimeZone::system()),
        report_formats: ctx.report_formats.clone(),
        series: Arc::new(series),
    };
    let (mut app, first) = App::resume(workshop, session, live, runtime::now(), options);
    let w = app.words();
    let mut screen = Screen::open(w)?;
    let store = match store {
        Store::Nowhere => None,
        Store::Open(s) => Some(s),
        Store::New(new, files) => {
            screen
                .terminal
                .draw(|f| crate::ui::draw(f, &app, &ctx.theme))?;
            // Durable before the first key is read, so before any answer.
            let store = new.create(app.session()).context(w.cannot_create_session)?;
            if !files.is_empty() {
                pinned::write(store.dir(), &files).context(w.cannot_copy_workshop)?;
            }
            Some(store)
        }
    };
    let result = runtime::run(&mut screen, &mut app, store, &ctx.theme, first, watch);
    drop(screen);
    if let Some(dir) = dir.filter(|d| d.exists()) {
        // The terminal may be gone by now (a closed window): not worth a panic.
        let line = format!("flipover: {} {}", w.answers_saved_in, dir.display());
        let _ = writeln!(std::io::stdout(), "{}", crate::text::clean(&line));
    }
    result
}
