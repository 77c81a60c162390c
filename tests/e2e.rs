//! The real binary in a pseudo-terminal: keys typed, the screen read through a
//! terminal emulator, the process killed, the files checked.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

const PAGE_DOWN: &str = "\x1b[6~";
/// Long enough for a slow CI machine; the waits end as soon as the text shows.
const PATIENCE: Duration = Duration::from_secs(20);

struct Console {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
}

impl Console {
    fn start(args: &[&str], data: &Path) -> Self {
        Self::sized(args, data, 80, 24)
    }

    fn sized(args: &[&str], data: &Path, cols: u16, rows: u16) -> Self {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_flipover"));
        cmd.args(args);
        cmd.env("FLIPOVER_DATA_DIR", data);
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        // A folder without content/ or workshops/, so only the shipped files load.
        cmd.cwd(data);
        let child = pty.slave.spawn_command(cmd).expect("spawn");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let writer = pty.master.take_writer().expect("writer");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZero::new(rows).expect("rows"),
            std::num::NonZero::new(cols).expect("columns"),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (s, r) = (Arc::clone(&screen), Arc::clone(&raw));
        std::thread::spawn(move || {
            let _master = pty.master;
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut p) = s.lock() {
                    p.process(&buf[..n]);
                }
                if let Ok(mut v) = r.lock() {
                    v.extend_from_slice(&buf[..n]);
                }
            }
        });
        Self {
            child,
            writer,
            screen,
            raw,
        }
    }

    fn contents(&self) -> String {
        self.screen
            .lock()
            .map(|p| p.screen().contents())
            .unwrap_or_default()
    }

    /// Waits until `text` is on the screen; fails with the screen if it never is.
    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("never saw {text:?} on the screen:\n{}", self.contents());
    }

    /// Waits until the bytes written so far contain `needle` (the reader
    /// thread may still be draining the pty after the process exited).
    fn wrote(&self, needle: &str) -> bool {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            let raw = self.raw.lock().map(|v| v.clone()).unwrap_or_default();
            if String::from_utf8_lossy(&raw).contains(needle) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write");
        self.writer.flush().expect("flush");
    }

    /// From the welcome to the now/future board, by clicker keys.
    fn walk_to_board(&mut self) {
        self.wait_for("Trin 1/9");
        self.send(PAGE_DOWN);
        self.wait_for("Trin 2/9");
        self.send(PAGE_DOWN);
        self.wait_for("Nu-situationen");
    }

    fn signal(&self, sig: &str) {
        let pid = self.child.process_id().expect("pid").to_string();
        let ok = std::process::Command::new("kill")
            .args([sig, &pid])
            .status()
            .expect("kill")
            .success();
        assert!(ok, "kill {sig} {pid}");
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("flipover did not exit:\n{}", self.contents());
    }
}

fn only_session(data: &Path) -> std::path::PathBuf {
    let mut dirs: Vec<_> = std::fs::read_dir(data.join("sessions"))
        .expect("sessions")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    assert_eq!(dirs.len(), 1, "{dirs:?}");
    dirs.remove(0)
}

/// Waits until `file` in `dir` contains `text` (the draft saver is asynchronous
/// to the keys).
fn wait_for_file(dir: &Path, file: &str, text: &str) {
    let start = Instant::now();
    while start.elapsed() < PATIENCE {
        if std::fs::read_to_string(dir.join(file)).is_ok_and(|t| t.contains(text)) {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("{file} never held {text:?}");
}

#[test]
fn a_card_with_æøå_survives_sigkill_and_the_draft_comes_back() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut c = Console::start(&["run"], data.path());
    c.walk_to_board();
    c.send("\t\ta");
    c.wait_for("Nyt kort");
    c.send("Vi kender borgerne – æøå ÆØÅ\r");
    c.wait_for("✓ Gemt");
    c.wait_for("• Vi kender borgerne – æøå ÆØÅ");
    c.send("aHalvt skrevet på å");
    let dir = only_session(data.path());
    wait_for_file(&dir, "live.toml", "Halvt skrevet på å");
    c.signal("-KILL");
    c.wait_exit();

    let journal = std::fs::read_to_string(dir.join("journal.toml")).expect("journal");
    assert!(
        journal.contains("Vi kender borgerne – æøå ÆØÅ"),
        "{journal}"
    );

    let mut again = Console::start(&["resume"], data.path());
    again.wait_for("Trin 3/9 Brainstorm");
    again.wait_for("• Vi kender borgerne – æøå ÆØÅ");
    again.wait_for("Halvt skrevet på å");
    again.send("\r");
    again.wait_for("• Halvt skrevet på å");
    again.send("q");
    assert!(again.wait_exit().success());
    let answers = std::fs::read_to_string(dir.join("answers.toml")).expect("answers");
    assert!(
        answers.contains("Halvt skrevet på å"),
        "a clean quit leaves a full snapshot"
    );
}

#[test]
fn a_second_console_on_the_same_session_is_refused() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut first = Console::start(&["run"], data.path());
    first.wait_for("Trin 1/9");
    let mut second = Console::start(&["resume"], data.path());
    second.wait_for("already open in another flipover");
    assert!(!second.wait_exit().success());
    first.send("q");
    assert!(first.wait_exit().success());
}

#[test]
fn sigterm_and_sighup_restore_the_terminal_and_keep_the_draft() {
    for signal in ["-TERM", "-HUP"] {
        let data = tempfile::tempdir().expect("tempdir");
        let mut c = Console::start(&["run"], data.path());
        c.walk_to_board();
        c.send("\t\taSagt lige før lukning");
        c.wait_for("Sagt lige før lukning");
        c.signal(signal);
        assert!(c.wait_exit().success(), "{signal}");
        assert!(
            c.wrote("\x1b[?1049l"),
            "{signal}: left the alternate screen"
        );
        let dir = only_session(data.path());
        let live = std::fs::read_to_string(dir.join("live.toml")).expect("live");
        assert!(live.contains("Sagt lige før lukning"), "{signal}: {live}");
    }
}

#[test]
fn the_room_view_follows_the_console_and_never_shows_the_notes() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut console = Console::start(&["run"], data.path());
    console.walk_to_board();
    console.send("\t\taVi kender borgerne – æøå\r");
    console.wait_for("✓ Gemt");
    // Opened late, it starts where the room is.
    let room = Console::sized(&["follow"], data.path(), 120, 40);
    room.wait_for("Vi kender borgerne – æøå");
    room.wait_for("tilbage");
    console.send("aTryghed\r");
    room.wait_for("• Tryghed");
    // The console quits and resumes; the room view carries on.
    console.send("q");
    assert!(console.wait_exit().success());
    let mut again = Console::start(&["resume"], data.path());
    again.wait_for("Trin 3/9");
    again.send("\x1b[6~");
    again.wait_for("Trin 4/9");
    room.wait_for("Pause");
    let notes = "Lad tavlen stå fremme";
    assert!(again.contents().contains("Pause"));
    assert!(!room.contents().contains(notes), "{}", room.contents());
    assert!(!room.contents().contains("Noter til facilitator"));
}

#[test]
fn an_instrument_score_survives_sigkill() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut c = Console::start(&["run", "topledelsens-tjek"], data.path());
    c.wait_for("Trin 1/8");
    c.send(PAGE_DOWN);
    c.wait_for("Tjek: de ni råd");
    c.send("4");
    c.wait_for("■ ■ ■ ■ □ 4");
    c.signal("-KILL");
    c.wait_exit();
    let again = Console::start(&["resume"], data.path());
    again.wait_for("Trin 2/8 De ni råd");
    again.wait_for("■ ■ ■ ■ □ 4");
}

#[test]
fn check_reports_a_broken_file_and_exits_1() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_flipover"))
        .args(["check", "tests/fixtures/broken/bad-workshop.toml"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("tests/fixtures/broken/bad-workshop.toml:21:11: no content \"ni-rad\""),
        "{err}"
    );
    let ok = std::process::Command::new(env!("CARGO_BIN_EXE_flipover"))
        .args(["check"])
        .output()
        .expect("run");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
}
