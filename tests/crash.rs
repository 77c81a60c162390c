//! `kill -9` at random moments of a scripted session, over and over, and the
//! count of confirmed answers lost (it must be 0).
//!
//! Each cycle starts the real binary in a pseudo-terminal (`run` the first
//! time, `resume` after), goes to the discussion step and writes points; the
//! last point is sent and the process killed 0–25 ms later, or the kill comes
//! at a random moment of start-up and resume, or (one cycle in ten) the
//! facilitator quits cleanly, which folds the journal into `answers.toml`.
//! A point counts as confirmed once the screen showed it saved — the point
//! count in the list's title grows only after the journal line is on disk. After
//! every kill the session is read back from its folder: every confirmed point
//! must be there.
//!
//! CI runs a few cycles; the proof runs 100 or more:
//! `FLIPOVER_CRASH_CYCLES=100 cargo test --release --test crash -- --nocapture`.

mod pty;

use std::path::Path;
use std::time::Duration;

use flipover::storage;
use pty::{Console, PAGE_DOWN};

/// Cycles in a CI run.
const CI_CYCLES: u64 = 4;
/// The discussion step of the 3-hour workshop: a plain list of points.
const STEP_ID: &str = "droeftelse";

/// The discussion step's number and the number of steps, as the header shows them.
fn step_number() -> (usize, usize) {
    let (lib, _) = flipover::content::Library::embedded();
    let w = lib
        .workshop(flipover::content::DEFAULT_WORKSHOP, Some("da"))
        .expect("the 3-hour workshop");
    let at = w
        .steps
        .iter()
        .position(|s| s.id == STEP_ID)
        .expect("a discussion step");
    (at + 1, w.steps.len())
}

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

/// The count in the list's title, `Punkter (N)`, if it is on the screen.
fn shown_count(screen: &str) -> Option<usize> {
    let at = screen.find("Punkter (")? + "Punkter (".len();
    screen[at..].split(')').next()?.parse().ok()
}

/// The points of the discussion step as they are on disk.
fn points_on_disk(data: &Path) -> Vec<String> {
    let dir = storage::find(data, None).expect("the session is found");
    let loaded = storage::read(&dir).expect("the session reads");
    loaded
        .session
        .steps
        .get(STEP_ID)
        .map(|s| s.items.iter().map(|i| i.text.clone()).collect())
        .unwrap_or_default()
}

/// From wherever the console opened, to the discussion step.
fn go_to_step(c: &mut Console, (target, total): (usize, usize)) {
    c.wait_for("Trin ");
    let screen = c.contents();
    let at = screen
        .find("Trin ")
        .and_then(|i| screen[i + 5..].split('/').next()?.parse::<usize>().ok())
        .unwrap_or(1);
    for _ in at..target {
        c.send(PAGE_DOWN);
    }
    c.wait_for(&format!("Trin {target}/{total}"));
    c.wait_for("Punkter (");
}

#[test]
fn kill_9_at_random_moments_loses_no_confirmed_answer() {
    let cycles: u64 = std::env::var("FLIPOVER_CRASH_CYCLES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(CI_CYCLES);
    let seed: u64 = std::env::var("FLIPOVER_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x00C0_FFEE);
    let mut rng = Rng(seed | 1);
    let step = step_number();
    let data = tempfile::tempdir().expect("tempdir");
    let mut confirmed: Vec<String> = Vec::new();
    let (mut kills, mut clean_quits, mut lost_total) = (0u64, 0u64, 0usize);
    let mut started = false;

    for cycle in 0..cycles {
        let args = if started { ["resume"] } else { ["run"] };
        let mut c = Console::sized(&args, data.path(), 120, 40);
        let plan = rng.below(10);
        if plan < 2 {
            // A kill during start-up or resume (opening, cutting a torn line).
            std::thread::sleep(Duration::from_millis(rng.below(400)));
        } else {
            go_to_step(&mut c, step);
            started = true;
            let mut count = shown_count(&c.contents()).unwrap_or(0);
            let points = 1 + rng.below(3);
            for k in 0..points {
                let text = format!("punkt-{cycle}-{k}");
                c.send(&format!("a{text}\r"));
                if k + 1 < points || plan == 9 {
                    count += 1;
                    c.wait_for(&format!("Punkter ({count})"));
                }
            }
            if plan == 9 {
                c.send("q");
                assert!(c.wait_exit().success(), "a clean quit");
                clean_quits += 1;
            } else {
                std::thread::sleep(Duration::from_millis(rng.below(26)));
            }
        }
        if plan != 9 {
            c.signal("-KILL");
            c.wait_exit();
            kills += 1;
        }
        let screen = c.final_contents();
        if !started {
            continue; // killed while the first session was starting: `run` again
        }
        let on_disk = points_on_disk(data.path());
        let lost: Vec<&String> = confirmed.iter().filter(|p| !on_disk.contains(p)).collect();
        let shown = shown_count(&screen).unwrap_or(0);
        assert!(
            on_disk.len() >= shown,
            "cycle {cycle}: the screen showed {shown} saved points, the disk has {}",
            on_disk.len()
        );
        lost_total += lost.len();
        assert!(lost.is_empty(), "cycle {cycle}: lost {lost:?}");
        // Everything the screen had shown as saved is confirmed from now on.
        confirmed = on_disk[..shown.max(confirmed.len()).min(on_disk.len())].to_vec();
    }
    println!(
        "crash: {cycles} cycles, {kills} kill -9, {clean_quits} clean quits, {} points confirmed, {lost_total} lost (seed {seed})",
        confirmed.len()
    );
}
