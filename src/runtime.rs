//! runtime: the terminal and the one event loop that runs every full-screen
//! program — the console, the launcher, the room view. For the console it feeds
//! keys (through the key table) and ticks to `App::update`, carries out the
//! effects (commits to storage first, then tells the App), and draws. The terminal is restored on every way out: return, error, panic
//! (ratatui's hook), Ctrl-C, SIGTERM, SIGHUP and SIGQUIT (Ctrl-Break on
//! Windows); SIGTSTP restores it before the process stops, and `fg` repaints.

use std::collections::VecDeque;
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind};
use ratatui::{DefaultTerminal, Frame};

use crate::app::{App, Effect, Msg};
use crate::i18n::{Words, fill};
use crate::session::Millis;
use crate::storage::SessionStore;
use crate::ui::{self, Theme};

/// How often the clock on screen and the draft saver are updated.
const TICK: Duration = Duration::from_millis(250);

#[cfg(windows)]
mod console_close;

/// Wall-clock time in Unix milliseconds: the only place the console reads it.
pub fn now() -> Millis {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as Millis)
}

/// Signals that ask flipover to stop: the loop sees a flag, keeps the draft,
/// restores the terminal and exits. (SIGKILL cannot be caught; the journal is
/// what makes it harmless.)
#[cfg(unix)]
const STOP_SIGNALS: &[i32] = &[
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
];
/// Windows knows no SIGHUP or SIGQUIT; Ctrl-Break comes as SIGBREAK.
#[cfg(windows)]
const STOP_SIGNALS: &[i32] = &[
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGBREAK,
];
#[cfg(not(any(unix, windows)))]
const STOP_SIGNALS: &[i32] = &[];

/// The terminal in raw mode on the alternate screen; restored when dropped.
pub struct Screen {
    pub terminal: DefaultTerminal,
    stop: Arc<AtomicBool>,
    /// SIGTSTP arrived: leave the terminal as it was, then stop.
    suspend: Arc<AtomicBool>,
}

impl Screen {
    /// Takes the terminal; a clear error (not a panic) when there is none,
    /// such as input from a file or a closed terminal.
    /// Said in the words `w` of whoever asked for the screen.
    pub fn open(w: &Words) -> io::Result<Self> {
        use std::io::IsTerminal;
        for (name, is) in [
            (w.streams[0], io::stdin().is_terminal()),
            (w.streams[1], io::stdout().is_terminal()),
        ] {
            if !is {
                return Err(io::Error::other(fill(w.no_terminal, &[("stream", &name)])));
            }
        }
        let stop = Arc::new(AtomicBool::new(false));
        for &signal in STOP_SIGNALS {
            signal_hook::flag::register(signal, Arc::clone(&stop))?;
        }
        #[cfg(windows)]
        console_close::register(&stop)?;
        let suspend = Arc::new(AtomicBool::new(false));
        // Caught instead of stopping at once, so the terminal is restored first.
        #[cfg(unix)]
        signal_hook::flag::register(signal_hook::consts::SIGTSTP, Arc::clone(&suspend))?;
        let terminal = ratatui::try_init().map_err(|e| {
            // Raw mode may be on even though the alternate screen failed.
            ratatui::restore();
            io::Error::new(e.kind(), fill(w.cannot_take_terminal, &[("error", &e)]))
        })?;
        crossterm::execute!(io::stdout(), EnableBracketedPaste)?;
        Ok(Self {
            terminal,
            stop,
            suspend,
        })
    }

    /// A signal asked flipover to stop.
    pub fn stopping(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    /// After SIGTSTP: gives the terminal back, stops the process, and on
    /// SIGCONT (`fg`) takes it again and has the next draw repaint everything.
    fn suspend_if_asked(&mut self) -> io::Result<()> {
        if !self.suspend.swap(false, Ordering::Relaxed) {
            return Ok(());
        }
        let _ = crossterm::execute!(io::stdout(), DisableBracketedPaste);
        ratatui::restore();
        #[cfg(unix)]
        signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
        // Here after `fg`.
        crossterm::terminal::enable_raw_mode()?;
        crossterm::execute!(
            io::stdout(),
            crossterm::terminal::EnterAlternateScreen,
            crossterm::terminal::Clear(crossterm::terminal::ClearType::All),
            EnableBracketedPaste
        )?;
        // The screen is blank now, not what ratatui last drew: make the last
        // frame a blank one, so the next draw writes every cell. (Not
        // `Terminal::clear`, which asks the terminal for the cursor position
        // and waits for an answer some terminals never give.)
        self.terminal.swap_buffers();
        Ok(())
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        let _ = crossterm::execute!(io::stdout(), DisableBracketedPaste);
        ratatui::restore();
        #[cfg(windows)]
        console_close::finished();
    }
}

/// The next input, or `None` when a tick is due.
pub fn next_event(timeout: Duration) -> io::Result<Option<Event>> {
    if event::poll(timeout)? {
        let ev = event::read()?;
        // Key releases and repeats (on terminals that report them) are not presses.
        if let Event::Key(k) = &ev
            && k.kind != KeyEventKind::Press
        {
            return Ok(None);
        }
        Ok(Some(ev))
    } else {
        Ok(None)
    }
}

/// A full-screen program the event loop runs.
pub trait Program {
    /// How often `handle(None)` comes when nothing is typed.
    fn tick(&self) -> Duration;
    fn draw(&self, frame: &mut Frame, theme: &Theme);
    /// An input, or `None` when a tick is due. `Ok(false)` ends the loop.
    fn handle(&mut self, event: Option<Event>) -> anyhow::Result<bool>;
    /// The screen's size: at the start and after every resize (what scrolls
    /// needs it to stop at its end).
    fn resized(&mut self, _width: u16, _height: u16) {}
}

/// The one event loop: draw, wait for input or the next tick, hand it over;
/// until the program is done or a signal asks to stop.
pub fn drive(screen: &mut Screen, program: &mut impl Program, theme: &Theme) -> anyhow::Result<()> {
    let mut last_tick = Instant::now();
    if let Ok(size) = screen.terminal.size() {
        program.resized(size.width, size.height);
    }
    loop {
        screen.suspend_if_asked()?;
        // Every input is followed by a draw, a resize included: it is laid out
        // again at once, not at the next tick.
        screen.terminal.draw(|f| program.draw(f, theme))?;
        if screen.stopping() {
            return Ok(());
        }
        let event = next_event(program.tick().saturating_sub(last_tick.elapsed()))?;
        if event.is_none() {
            last_tick = Instant::now();
        }
        if let Some(Event::Resize(width, height)) = event {
            program.resized(width, height);
        }
        if !program.handle(event)? {
            return Ok(());
        }
    }
}

/// Something the console looks at on every tick besides the clock — a
/// workshop file being rehearsed — which may change the App.
pub trait Watch {
    fn poll(&mut self, app: &mut App, now: Millis);
}

/// The console: the App, where its answers go, and what it watches.
struct Console<'a, 'w> {
    app: &'a mut App,
    store: &'a mut Option<SessionStore>,
    watch: Option<&'w mut dyn Watch>,
}

impl Program for Console<'_, '_> {
    fn tick(&self) -> Duration {
        TICK
    }

    fn draw(&self, frame: &mut Frame, theme: &Theme) {
        ui::draw(frame, self.app, theme);
    }

    fn handle(&mut self, event: Option<Event>) -> anyhow::Result<bool> {
        let msg = match event {
            Some(Event::Key(key)) => self.app.translate(&key),
            Some(Event::Paste(text)) => Some(Msg::Paste(text)),
            Some(_) => None, // a resize: told by `resized`, drawn next
            None => Some(Msg::Tick),
        };
        let Some(msg) = msg else {
            return Ok(true);
        };
        let at = now();
        if msg == Msg::Tick
            && let Some(w) = self.watch.as_mut()
        {
            w.poll(self.app, at);
        }
        let effects = self.app.update(msg, at);
        Ok(!carry_out(self.app, self.store, effects, at))
    }

    fn resized(&mut self, width: u16, height: u16) {
        self.app.update(Msg::Resize(width, height), now());
    }
}

/// Runs the console until the facilitator quits, a signal arrives or the
/// terminal goes away; in every case the text being typed is kept as a draft
/// and `answers.toml` is brought up to date.
pub fn run(
    screen: &mut Screen,
    app: &mut App,
    mut store: Option<SessionStore>,
    theme: &Theme,
    first: Vec<Effect>,
    watch: Option<&mut dyn Watch>,
) -> anyhow::Result<()> {
    let quit = carry_out(app, &mut store, first, now());
    let result = if quit {
        Ok(())
    } else {
        let mut console = Console {
            app,
            store: &mut store,
            watch,
        };
        drive(screen, &mut console, theme)
    };
    if result.is_err() || screen.stopping() {
        let effects = app.shutdown();
        carry_out(app, &mut store, effects, now());
    }
    if let Some(store) = &mut store {
        // A clean exit leaves answers.toml complete on its own.
        store.snapshot(app.session())?;
    }
    result
}

/// Carries out effects in order; a commit reaches the disk before the App hears
/// of it. `at` is the time of the action that asked for them. Returns whether
/// to quit.
pub fn carry_out(
    app: &mut App,
    store: &mut Option<SessionStore>,
    effects: Vec<Effect>,
    at: Millis,
) -> bool {
    let mut queue = VecDeque::from(effects);
    let mut quit = false;
    while let Some(effect) = queue.pop_front() {
        match effect {
            Effect::Commit { change, undoable } => {
                let written = store.as_mut().map_or(Ok(()), |s| s.commit(&change));
                let reply = match written {
                    Ok(()) => Msg::Committed { change, undoable },
                    Err(e) => Msg::CommitFailed(e.to_string()),
                };
                queue.extend(app.update(reply, at));
                if let Some(s) = store.as_mut().filter(|s| s.wants_snapshot(app.session()))
                    && let Err(e) = s.snapshot(app.session())
                {
                    // The journal still holds every change; the snapshot is an optimisation.
                    queue.extend(app.update(Msg::Warn(e.to_string()), at));
                }
            }
            Effect::SaveLive(live) => {
                if let Some(Err(e)) = store.as_ref().map(|s| s.save_live(&live)) {
                    queue.extend(app.update(Msg::Warn(e.to_string()), at));
                }
            }
            Effect::Export => {
                let Some(s) = store.as_ref() else {
                    // A rehearsal writes nothing (the App says so before asking).
                    continue;
                };
                let report =
                    crate::export::Report::new(app.workshop(), app.session(), at, app.tz().clone())
                        .with_series(app.series().clone());
                let folder = crate::export::folder(s.dir());
                let written = crate::export::write(&report, app.report_formats(), &folder)
                    .map(|_| folder)
                    .map_err(|e| e.to_string());
                queue.extend(app.update(Msg::Exported(written), at));
            }
            Effect::Quit => quit = true,
        }
    }
    quit
}
