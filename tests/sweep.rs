//! Every screen at every size: each step of each shipped workshop (with help,
//! agenda, step info, an opened advice, projector and room view on top), the
//! launcher and typing, drawn on ratatui's TestBackend from 1×1 up to 400×150.
//! A test fails only by panicking: no size may crash the console.
//!
//! CI draws the screens of one workshop at 27 sizes from 1×1 to 400×150 (a
//! debug frame costs milliseconds). The full sweep — all three workshops in
//! both languages, every width 1…400 at ten heights, every height 1…150 at
//! eleven widths and every size up to 30×20 — runs by hand:
//! `FLIPOVER_SWEEP=full cargo test --release --test sweep -- --nocapture`.

mod common;

use std::collections::BTreeSet;
use std::sync::Arc;

use common::Driver;
use crossterm::event::KeyCode::{self, Char, Enter, Esc, PageDown};
use flipover::app::App;
use flipover::launcher::Launcher;
use flipover::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const MAX_W: u16 = 400;
const MAX_H: u16 = 150;

fn full() -> bool {
    std::env::var("FLIPOVER_SWEEP").is_ok_and(|v| v == "full")
}

fn sizes() -> Vec<(u16, u16)> {
    let mut out = BTreeSet::new();
    if full() {
        // Every width at ten heights, every height at eleven widths, and
        // every size up to 30×20, where layouts run out of room.
        for w in 1..=MAX_W {
            for h in [1, 2, 3, 5, 8, 12, 24, 50, 100, MAX_H] {
                out.insert((w, h));
            }
        }
        for h in 1..=MAX_H {
            for w in [1, 2, 3, 5, 8, 13, 40, 80, 120, 200, MAX_W] {
                out.insert((w, h));
            }
        }
        for w in 1..=30 {
            for h in 1..=20 {
                out.insert((w, h));
            }
        }
    } else {
        for w in 1..=5 {
            for h in 1..=4 {
                out.insert((w, h));
            }
        }
        for size in [
            (1, MAX_H),
            (MAX_W, 1),
            (13, 7),
            (33, 17),
            (79, 23),
            (80, 24),
            (MAX_W, MAX_H),
        ] {
            out.insert(size);
        }
    }
    out.into_iter().collect()
}

struct Sweep {
    sizes: Vec<(u16, u16)>,
    theme: Theme,
    frames: u64,
    screens: u64,
    /// Draw the overlays too (each multiplies the screens by seven).
    overlays: bool,
}

impl Sweep {
    fn new() -> Self {
        Self {
            sizes: sizes(),
            theme: Theme::monochrome(),
            frames: 0,
            screens: 0,
            overlays: true,
        }
    }

    fn app(&mut self, app: &App) {
        self.draw(|f, theme| ui::draw(f, app, theme));
    }

    fn draw(&mut self, mut paint: impl FnMut(&mut ratatui::Frame, &Theme)) {
        self.screens += 1;
        for &(w, h) in &self.sizes {
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            terminal.draw(|f| paint(f, &self.theme)).expect("draw");
            self.frames += 1;
        }
    }

    /// The screen at hand, then each overlay a key opens on it (closed by Esc).
    fn with_overlays(&mut self, d: &mut Driver) {
        self.app(&d.app);
        if !self.overlays {
            return;
        }
        for key in [Char('?'), Char('g'), Char('i'), Enter] {
            d.key(key);
            self.app(&d.app);
            d.key(Esc);
        }
        d.key(Char('f'));
        self.app(&d.app);
        d.key(Char('f'));
        let room = App::room(
            Arc::new(d.app.workshop().clone()),
            d.app.session().clone(),
            None,
            d.app.now(),
            jiff::tz::TimeZone::UTC,
        );
        self.app(&room);
    }
}

fn walk(sweep: &mut Sweep, workshop: &str, lang: &str) {
    let mut d = Driver::new(common::app_of(workshop, lang), None);
    let steps = d.app.workshop().steps.len();
    for _ in 0..steps {
        sweep.with_overlays(&mut d);
        // Something written, long enough to wrap, and text half typed.
        d.key(Char('a'));
        d.type_text("Borgerne booker selv tid på nettet – også om natten, æøå 🙂");
        d.key(Enter);
        d.key(Char('1'));
        d.key(Char('a'));
        d.type_text("halvt skrevet");
        sweep.app(&d.app);
        d.key(Esc);
        d.key(KeyCode::PageDown);
    }
}

#[test]
fn every_screen_draws_at_every_size_without_a_panic() {
    let mut sweep = Sweep::new();
    walk(&mut sweep, "3-timers-workshop", "da");
    sweep.overlays = full();
    for id in ["topledelsens-tjek", "syv-spoergsmaal"] {
        walk(&mut sweep, id, "da");
    }
    if full() {
        for id in ["3-timers-workshop", "topledelsens-tjek", "syv-spoergsmaal"] {
            walk(&mut sweep, id, "en");
        }
    }
    let d = Driver::new(common::app("da"), None);
    let workshops = [d.app.workshop()];
    let launcher = Launcher::new(&workshops, &[], "da");
    sweep.draw(|f, theme| ui::launcher::draw(f, &launcher, theme));
    let mut blank = Driver::new(common::app("da"), None);
    blank.keys(&[PageDown, Char('b')]);
    sweep.app(&blank.app);
    println!(
        "sweep: {} screens × {} sizes (1×1…{MAX_W}×{MAX_H}) = {} frames, no panic",
        sweep.screens,
        sweep.sizes.len(),
        sweep.frames
    );
}
