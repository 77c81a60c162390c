//! follow: the room view for a second screen. Reads a session's folder whenever
//! it changes (a few times a second) and draws what the console shows the room —
//! step, board, clock, an opened advice, a blank screen — never the notes. It
//! writes nothing and needs no network: the files are the channel.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use crossterm::event::{Event, KeyCode, KeyModifiers};

use crate::app::{App, Mode};
use crate::content::Library;
use crate::runtime::{Screen, next_event, now};
use crate::session::Live;
use crate::storage;
use crate::ui::{self, Theme};

/// How often the folder is looked at: well inside the quarter second a change
/// may take to show.
const POLL: Duration = Duration::from_millis(100);

/// An App that shows `session` as the room sees it.
pub fn room_app(library: &Library, loaded: storage::Loaded, lang: Option<&str>) -> Option<App> {
    let meta = &loaded.session.meta;
    let lang = lang.unwrap_or(&meta.lang);
    let workshop = library.workshop(&meta.workshop, Some(lang))?;
    let workshop = crate::app::extend(
        workshop,
        &loaded.session.extras,
        &library.instruments(lang).cloned().collect::<Vec<_>>(),
    );
    let mut app = App::new(Arc::new(workshop), loaded.session, now());
    app.projector = true;
    app.room = true;
    if let Some(Live { view, .. }) = loaded.live {
        app.blank = view.blank;
        app.by_votes = view.by_votes;
        if let Some(index) = view.advice {
            app.mode = Mode::Advice { index, scroll: 0 };
        }
    }
    Some(app)
}

/// Runs the room view of the session in `dir` until `q`, `Esc` or a signal.
pub fn run(
    screen: &mut Screen,
    dir: &Path,
    library: &Library,
    lang: Option<&str>,
    theme: &Theme,
) -> anyhow::Result<()> {
    let mut seen = None;
    let mut app: Option<App> = None;
    loop {
        let signature = storage::signature(dir);
        if seen.as_ref() != Some(&signature) {
            // A half-written state is never shown: a read that fails keeps the
            // last good one, and the next poll tries again.
            if let Ok(loaded) = storage::read(dir) {
                seen = Some(signature);
                let tz = app.as_ref().map(|a| a.tz.clone());
                app = room_app(library, loaded, lang);
                if let (Some(a), Some(tz)) = (app.as_mut(), tz) {
                    a.tz = tz;
                } else if let Some(a) = app.as_mut() {
                    a.tz = jiff::tz::TimeZone::system();
                }
            }
        }
        match app.as_mut() {
            Some(a) => {
                a.now = now();
                screen.terminal.draw(|f| ui::draw(f, a, theme))?;
            }
            None => {
                screen.terminal.draw(|f| {
                    let line =
                        ratatui::text::Line::raw(format!("flipover follow: {}", dir.display()));
                    f.render_widget(ratatui::widgets::Paragraph::new(line), f.area());
                })?;
            }
        }
        if screen.stopping() {
            return Ok(());
        }
        if let Some(Event::Key(k)) = next_event(POLL)? {
            let ctrl_c =
                k.modifiers.contains(KeyModifiers::CONTROL) && k.code == KeyCode::Char('c');
            if ctrl_c || matches!(k.code, KeyCode::Char('q') | KeyCode::Esc) {
                return Ok(());
            }
        }
    }
}
