//! The real binary in a pseudo-terminal: keys typed, the screen read through a
//! terminal emulator, the process killed, the files checked.

mod pty;

use std::path::Path;
use std::time::{Duration, Instant};

use pty::{Console, PAGE_DOWN, PATIENCE};

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
