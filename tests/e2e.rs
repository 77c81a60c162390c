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
    c.wait_for("√ Gemt");
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
    // Said in the session's language (Danish here), or the one asked for.
    let mut second = Console::start(&["resume"], data.path());
    second.wait_for("er allerede åben i en anden flipover");
    assert!(!second.wait_exit().success());
    let mut third = Console::start(&["resume", "--lang", "en"], data.path());
    third.wait_for("already open in another flipover");
    assert!(!third.wait_exit().success());
    first.send("q");
    assert!(first.wait_exit().success());
    assert!(
        first
            .final_contents()
            .contains("flipover: svarene er gemt i"),
        "{}",
        first.final_contents()
    );
}

#[test]
fn sigterm_sighup_and_sigquit_restore_the_terminal_and_keep_the_draft() {
    for signal in ["-TERM", "-HUP", "-QUIT"] {
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
    console.wait_for("√ Gemt");
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

/// At 80×24 a quadrant holds a few cards: the room view shows the one just
/// written, as the console does.
#[test]
fn the_room_view_shows_the_card_just_written_on_a_full_quadrant() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut console = Console::start(&["run"], data.path());
    console.walk_to_board();
    let room = Console::start(&["follow"], data.path());
    room.wait_for("Nu-situationen");
    let cards: String = (1..=12).map(|n| format!("aKort {n:02}\r")).collect();
    console.send(&format!("\t\t{cards}avelfærdsteknologi\r"));
    console.wait_for("• velfærdsteknologi");
    room.wait_for("• velfærdsteknologi");
    assert!(!room.contents().contains("Kort 01"), "{}", room.contents());
}

/// A clicker pages through the nine advice, out of the last one and on.
#[test]
fn a_clicker_pages_out_of_the_last_advice() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut c = Console::start(&["run"], data.path());
    c.wait_for("Trin 1/9");
    c.send(PAGE_DOWN);
    c.wait_for("Trin 2/9");
    c.send("\r");
    c.wait_for("1. Stil de");
    for _ in 0..8 {
        c.send(PAGE_DOWN);
    }
    c.wait_for("9. Brug din politiske ledelse");
    c.wait_for("→ tilbage til modellen");
    c.send(PAGE_DOWN);
    c.wait_for("↓ næste punkt");
    c.send(PAGE_DOWN);
    c.wait_for("Trin 3/9");
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

/// Runs the binary without a terminal: stdin from /dev/null, output piped.
fn without_terminal(args: &[&str], data: &Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_flipover"))
        .args(args)
        .env("FLIPOVER_DATA_DIR", data)
        .current_dir(data)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run")
}

#[test]
fn without_a_terminal_each_screen_says_so_and_leaves_no_session() {
    let data = tempfile::tempdir().expect("tempdir");
    // In Danish, or the language asked for.
    for args in [
        &["run"][..],
        &[],
        &["follow"],
        &["run", "--lang", "en"],
        &["follow", "--lang", "en"],
    ] {
        let out = without_terminal(args, data.path());
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        // Nothing to follow yet is said before the terminal is needed.
        let expected = match args {
            ["follow"] => "ingen sessioner endnu",
            ["follow", ..] => "no sessions yet",
            ["run", "--lang", "en"] => "flipover needs a terminal, and its input is not one",
            _ => "flipover skal bruge en terminal, og dens input er ikke en terminal",
        };
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
    let sessions = data.path().join("sessions");
    let left = std::fs::read_dir(&sessions).map_or(0, |d| d.count());
    assert_eq!(left, 0, "no empty session is left behind");
}

#[cfg(unix)]
#[test]
fn a_closed_stdout_ends_the_listing_without_a_panic() {
    let data = tempfile::tempdir().expect("tempdir");
    // Every command that prints, read by a program that stopped reading (`| head`).
    for args in [
        &["sessions"][..],
        &["completions", "bash"],
        &["man"],
        &["schema"],
        &["guide", "3-timers-workshop"],
    ] {
        let (reader, writer) = std::io::pipe().expect("pipe");
        drop(reader);
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_flipover"))
            .args(args)
            .env("FLIPOVER_DATA_DIR", data.path())
            .current_dir(data.path())
            .stdout(writer)
            .stderr(std::process::Stdio::piped())
            .output()
            .expect("run");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(out.status.success(), "{args:?}: {err}");
    }
}

#[test]
fn sessions_lists_a_damaged_one_and_prints_no_escape_from_a_tampered_file() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut c = Console::start(&["run"], data.path());
    c.wait_for("Trin 1/");
    c.send("q");
    assert!(c.wait_exit().success());
    let dir = only_session(data.path());
    let answers = dir.join("answers.toml");
    let text = std::fs::read_to_string(&answers).expect("answers");
    let tampered = text.replacen("title = \"", "title = \"\\u001b]0;pwned\\u0007", 1);
    let tampered = tampered.replacen(
        "workshop = \"3-timers-workshop\"",
        "workshop = \"x\\u001b]0;pwned\\u0007\"",
        1,
    );
    assert_ne!(tampered, text, "the file was tampered with");
    std::fs::write(&answers, tampered).expect("write");
    // And a second folder whose answers.toml is missing.
    std::fs::create_dir(data.path().join("sessions/2026-01-01-0900-tom")).expect("mkdir");

    let out = without_terminal(&["sessions"], data.path());
    let listing = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!listing.contains('\u{1b}'), "{listing:?}");
    assert!(!listing.contains('\u{7}'), "{listing:?}");
    assert!(listing.contains("x\\u{1b}]0;pwned\\u{7}"), "{listing}");
    assert!(
        listing.contains("2026-01-01-0900-tom")
            && listing.contains("BESKADIGET: answers.toml is missing"),
        "{listing}"
    );
}

#[cfg(unix)]
#[test]
fn after_sigtstp_the_terminal_is_restored_and_fg_repaints() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut c = Console::start(&["run"], data.path());
    c.wait_for("Trin 1/");
    c.signal("-TSTP");
    // Stopped, and the alternate screen left before stopping.
    assert!(c.wrote("\x1b[?1049l"), "left the alternate screen");
    wait_until_stopped(c.pid());
    c.clear_screen();
    c.signal("-CONT");
    // Nothing changed in the App: only a full repaint brings the step back.
    c.wait_for("Trin 1/");
    c.send("q");
    assert!(c.wait_exit().success());
}

/// Waits until the process is stopped (state `T` in /proc), where there is /proc.
#[cfg(unix)]
fn wait_until_stopped(pid: u32) {
    let stat = format!("/proc/{pid}/stat");
    let start = Instant::now();
    while start.elapsed() < PATIENCE {
        match std::fs::read_to_string(&stat) {
            Ok(s)
                if s.rsplit(')')
                    .next()
                    .is_some_and(|r| r.trim_start().starts_with('T')) =>
            {
                return;
            }
            Ok(_) => std::thread::sleep(Duration::from_millis(20)),
            Err(_) => return, // no /proc (macOS): the wait for the repaint still holds
        }
    }
    panic!("the process never stopped");
}

/// The console tells the App its size: help scrolled past its end comes back
/// up with one key, not as many as were pressed.
#[test]
fn help_scrolled_to_its_end_comes_back_at_the_first_key_up() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut c = Console::sized(&["run"], data.path(), 60, 14);
    c.wait_for("Trin 1/9");
    c.send("?");
    c.wait_for("Alle trin");
    c.send(&"j".repeat(60));
    std::thread::sleep(Duration::from_millis(300));
    let at_end = c.contents();
    c.send("k");
    let start = Instant::now();
    while c.contents() == at_end && start.elapsed() < Duration::from_secs(3) {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_ne!(c.contents(), at_end, "one key up moves the help");
    // `q` closes help, a second `q` quits.
    c.send("q");
    c.wait_for("Spørgsmål");
    c.send("q");
    assert!(c.wait_exit().success());
}

#[test]
fn x_writes_the_formats_the_settings_name() {
    let data = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        data.path().join("config.toml"),
        "report_formats = [\"md\", \"csv\"]\n",
    )
    .expect("config");
    let mut c = Console::start(&["run"], data.path());
    c.wait_for("Trin 1/9");
    c.send("x");
    c.wait_for("Rapporten er skrevet til");
    let report = only_session(data.path()).join("report");
    let names: Vec<String> = std::fs::read_dir(&report)
        .expect("report folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.contains(&"report.md".to_string()), "{names:?}");
    assert!(names.contains(&"cards.csv".to_string()), "{names:?}");
    assert!(
        !names
            .iter()
            .any(|n| n.ends_with(".html") || n.ends_with(".json")),
        "{names:?}"
    );
    c.send("q");
    assert!(c.wait_exit().success());
}

#[test]
fn the_launcher_names_a_new_session_before_it_starts() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut c = Console::start(&[], data.path());
    c.wait_for("Ny session:");
    c.send("\r");
    c.wait_for("Hvem er sessionen for?");
    c.send("Egedal – ledergruppen q");
    c.wait_for("› Egedal – ledergruppen q");
    c.send("\r");
    c.wait_for("Trin 1/");
    c.send("q");
    assert!(c.wait_exit().success());
    let answers =
        std::fs::read_to_string(only_session(data.path()).join("answers.toml")).expect("answers");
    assert!(
        answers.contains("name = \"Egedal – ledergruppen q\""),
        "{answers}"
    );
}

/// `--lang en` shows a Danish session in English: its own copy of the
/// workshop is Danish, so the shipped translation is used.
#[test]
fn a_danish_session_resumes_and_exports_in_english_when_asked() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut c = Console::start(&["run"], data.path());
    c.wait_for("Trin 1/9");
    c.send("q");
    assert!(c.wait_exit().success());
    let out = without_terminal(&["export", "--lang", "en", "-o", "-"], data.path());
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(report.contains("## Decisions"), "{report}");
    assert!(!report.contains("Beslutninger"), "{report}");
    let mut again = Console::start(&["resume", "--lang", "en"], data.path());
    again.wait_for("Step 1/9");
    again.send("q");
    assert!(again.wait_exit().success());

    // A copy whose steps differ from the translation's (edited since) keeps
    // its own language rather than lose the answers of a step.
    let copy = only_session(data.path()).join("workshop/3-timers-workshop.toml");
    let text = std::fs::read_to_string(&copy).expect("the session's copy");
    std::fs::write(
        &copy,
        text.replacen("id = \"velkomst\"", "id = \"velkommen\"", 1),
    )
    .expect("edit the copy");
    let out = without_terminal(&["export", "--lang", "en", "-o", "-"], data.path());
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(report.contains("## Beslutninger"), "{report}");
}
