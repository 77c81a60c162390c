//! follow: the room view for a second screen. Reads a session's folder whenever
//! it changes (a few times a second) and draws what the console shows the room —
//! step, board, clock, an opened advice, a blank screen — never the notes. It
//! writes nothing and needs no network: the files are the channel.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use crossterm::event::Event;

use crate::app::App;
use crate::content::Library;
use crate::runtime::{Screen, next_event, now};
use crate::storage;
use crate::ui::{self, Theme};

/// How often the folder is looked at: well inside the quarter second a change
/// may take to show.
const POLL: Duration = Duration::from_millis(100);

/// An App that shows `session` as the room sees it.
pub fn room_app(
    library: &Library,
    loaded: storage::Loaded,
    lang: Option<&str>,
    tz: jiff::tz::TimeZone,
) -> Option<App> {
    let meta = &loaded.session.meta;
    let lang = lang.unwrap_or(&meta.lang);
    let workshop = library.workshop(&meta.workshop, Some(lang))?;
    let workshop = crate::app::extend(
        workshop,
        &loaded.session.extras,
        &library.instruments(lang).cloned().collect::<Vec<_>>(),
    );
    Some(App::room(
        Arc::new(workshop),
        loaded.session,
        loaded.live,
        now(),
        tz,
    ))
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
    let tz = jiff::tz::TimeZone::system();
    loop {
        let signature = storage::signature(dir);
        if seen.as_ref() != Some(&signature) {
            // A half-written state is never shown: a read that fails keeps the
            // last good one, and the next poll tries again.
            if let Ok(loaded) = storage::read(dir) {
                seen = Some(signature);
                app = room_app(library, loaded, lang, tz.clone());
            }
        }
        match app.as_mut() {
            Some(a) => {
                a.update(crate::app::Msg::Tick, now());
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
        if let Some(Event::Key(k)) = next_event(POLL)?
            && crate::keymap::action(&k, &[crate::keymap::ROOM]) == Some(crate::app::Action::Quit)
        {
            return Ok(());
        }
    }
}
