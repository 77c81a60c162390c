//! follow: the room view for a second screen. Reads a session's folder whenever
//! it changes (a few times a second) and draws what the console shows the room —
//! step, board, clock, an opened advice, a blank screen — never the notes. It
//! writes nothing and needs no network: the files are the channel.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use crossterm::event::Event;

use crate::app::{Action, App, Msg};
use crate::content::Library;
use crate::keymap;
use crate::runtime::{Program, now};
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
            a.update(Msg::Tick, now());
        }
        Ok(true)
    }

    fn resized(&mut self, width: u16, height: u16) {
        self.size = Some((width, height));
        self.tell_size();
    }
}
