//! follow: the room view for a second screen. Reads a session's folder whenever
//! it changes (a few times a second) and draws what the console shows the room —
//! step, board, clock, an opened advice, a blank screen, the part of the step
//! the facilitator is in — never the notes or the selection's mark. It
//! writes nothing and needs no network: the files are the channel.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use crossterm::event::Event;

use crate::app::{Action, App, Msg};
use crate::content::Library;
use crate::keymap;
use crate::runtime::{Program, now};
use crate::session::Millis;
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
    let (workshop, _) = crate::app::session_workshop(library, &loaded.session, lang)?;
    Some(App::room(
        Arc::new(workshop),
        loaded.session,
        loaded.live,
        now(),
        tz,
    ))
}

/// How long after the console's last sign of life the room view stops its
/// clock: the console saves its reading every few seconds while a clock runs.
const STALE_MS: Millis = 15_000;

/// The time the room view reads the clocks at: now, or, when a clock runs
/// but the console has not been heard from for a while (it quit or crashed),
/// where it was last seen, so the room is not shown a countdown nobody runs.
fn room_time(now: Millis, heartbeat: Option<Millis>, clock_running: bool) -> Millis {
    match heartbeat {
        Some(seen) if clock_running => now.min(seen + STALE_MS),
        _ => now,
    }
}

/// The room view of the session in `dir`, re-read whenever its files change.
pub struct Follow<'a> {
    dir: PathBuf,
    library: &'a Library,
    /// The session's own copy of its workshop, when it carries one.
    pinned: Option<Library>,
    lang: Option<&'a str>,
    tz: jiff::tz::TimeZone,
    /// The files' signature when last read.
    seen: Option<Vec<Option<(u64, std::time::SystemTime)>>>,
    /// When the console last said it was running (`live.toml`).
    heartbeat: Option<Millis>,
    app: Option<App>,
    /// The screen's size, told again to every App read anew.
    size: Option<(u16, u16)>,
}

impl<'a> Follow<'a> {
    pub fn new(dir: &Path, library: &'a Library, lang: Option<&'a str>) -> Self {
        let mut follow = Follow {
            dir: dir.to_path_buf(),
            library,
            pinned: storage::pinned::load(dir).map(|p| p.library),
            lang,
            tz: jiff::tz::TimeZone::system(),
            seen: None,
            heartbeat: None,
            app: None,
            size: None,
        };
        follow.refresh();
        follow
    }

    /// Reads the session again if its files changed. A half-written state is
    /// never shown: a read that fails keeps the last good one, and the next
    /// poll tries again.
    fn refresh(&mut self) {
        let signature = storage::signature(&self.dir);
        if self.seen.as_ref() == Some(&signature) {
            return;
        }
        if let Ok(loaded) = storage::read(&self.dir) {
            self.seen = Some(signature);
            self.heartbeat = loaded.live.as_ref().map(|l| l.seen);
            let library = self.pinned.as_ref().unwrap_or(self.library);
            self.app = room_app(library, loaded, self.lang, self.tz.clone());
            self.tell_size();
        }
    }

    fn tell_size(&mut self) {
        if let (Some(a), Some((w, h))) = (self.app.as_mut(), self.size) {
            a.update(Msg::Resize(w, h), now());
        }
    }
}

impl Program for Follow<'_> {
    fn tick(&self) -> Duration {
        POLL
    }

    fn draw(&self, frame: &mut ratatui::Frame, theme: &Theme) {
        match &self.app {
            Some(a) => ui::draw(frame, a, theme),
            None => {
                let line =
                    ratatui::text::Line::raw(format!("flipover follow: {}", self.dir.display()));
                frame.render_widget(ratatui::widgets::Paragraph::new(line), frame.area());
            }
        }
    }

    fn handle(&mut self, event: Option<Event>) -> anyhow::Result<bool> {
        if let Some(Event::Key(k)) = event
            && keymap::action(&k, &[keymap::ROOM]) == Some(Action::Quit)
        {
            return Ok(false);
        }
        self.refresh();
        if let Some(a) = self.app.as_mut() {
            let running = a.session().steps.values().any(|s| s.clock.running());
            a.update(Msg::Tick, room_time(now(), self.heartbeat, running));
        }
        Ok(true)
    }

    fn resized(&mut self, width: u16, height: u16) {
        self.size = Some((width, height));
        self.tell_size();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_room_clock_stops_where_a_silent_console_was_last_seen() {
        assert_eq!(room_time(100_000, None, true), 100_000);
        assert_eq!(
            room_time(100_000, Some(95_000), true),
            100_000,
            "heard lately"
        );
        assert_eq!(
            room_time(100_000, Some(10_000), true),
            25_000,
            "quit long ago"
        );
        assert_eq!(
            room_time(100_000, Some(10_000), false),
            100_000,
            "nothing runs"
        );
    }
}
