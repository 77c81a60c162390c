//! Preparing a workshop as a consultant would, with the real binary: a workshop
//! file of one's own, run from its folder, then resumed, followed and listed
//! from another folder after the file was changed or removed.

mod pty;

use std::path::Path;
use std::process::{Command, Output};

use pty::{Console, PAGE_DOWN};

/// A small workshop of one's own that uses shipped content.
const MINE: &str = r#"id = "min-workshop"
kind = "workshop"
lang = "da"
title = "Min workshop"
source = "egen"
minutes = 30

[[steps]]
id = "velkomst"
title = "Velkomst"
kind = "info"
minutes = 10
purpose = "Sæt rammen."

[[steps]]
id = "modellen"
title = "De ni råd"
kind = "model"
content = "ni-raad"
minutes = 20
purpose = "Vis modellen."
"#;

/// `flipover ARGS` in `cwd` with the data folder `data`.
fn flipover(args: &[&str], data: &Path, cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_flipover"))
        .args(args)
        .env("FLIPOVER_DATA_DIR", data)
        .current_dir(cwd)
        .output()
        .expect("run flipover")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_session_of_a_workshop_file_resumes_and_follows_from_another_folder_after_the_file_is_gone() {
    let data = tempfile::tempdir().expect("tempdir");
    let here = tempfile::tempdir().expect("tempdir");
    let elsewhere = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(here.path().join("workshops")).expect("mkdir");
    let file = here.path().join("workshops/min.toml");
    std::fs::write(&file, MINE).expect("write");

    let mut c = Console::in_dir(
        &["run", "workshops/min.toml"],
        data.path(),
        here.path(),
        80,
        24,
    );
    c.wait_for("Trin 1/2 Velkomst");
    c.send(PAGE_DOWN);
    c.wait_for("Trin 2/2 De ni råd");
    c.send("q");
    assert!(c.wait_exit().success());

    // The file is edited into something else, then removed.
    std::fs::write(&file, MINE.replace("De ni råd", "Noget andet")).expect("edit");
    std::fs::remove_file(&file).expect("remove");

    let list = stdout(&flipover(&["sessions"], data.path(), elsewhere.path()));
    let line = list
        .lines()
        .find(|l| l.contains("min-workshop"))
        .unwrap_or_else(|| panic!("{list}"));
    assert!(line.contains(" 2/2 "), "progress as n/m: {line}");
    assert!(!line.contains("modellen"), "never the step id: {line}");

    let mut again = Console::in_dir(&["resume"], data.path(), elsewhere.path(), 80, 24);
    again.wait_for("Trin 2/2 De ni råd");
    let room = Console::in_dir(&["follow"], data.path(), elsewhere.path(), 120, 40);
    room.wait_for("Situationsanalyse");
    again.send("q");
    assert!(again.wait_exit().success());
}

#[test]
fn a_session_written_before_sessions_carried_their_workshop_still_resumes() {
    let data = tempfile::tempdir().expect("tempdir");
    let dir = data.path().join("sessions/v1-topledelsens-tjek");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let fixture = Path::new("tests/fixtures/sessions/v1-topledelsens-tjek");
    for f in ["answers.toml", "journal.toml", "live.toml"] {
        std::fs::copy(fixture.join(f), dir.join(f)).expect("copy");
    }
    let list = stdout(&flipover(&["sessions"], data.path(), data.path()));
    let line = list
        .lines()
        .find(|l| l.contains("topledelsens-tjek"))
        .unwrap_or_else(|| panic!("{list}"));
    assert!(line.contains("/8 "), "progress as n/8: {line}");
    let mut c = Console::start(&["resume"], data.path());
    c.wait_for("/8");
    // Its clock was running: the console asks whether the closed time counts.
    c.wait_for("n nej");
    c.send("nq");
    assert!(c.wait_exit().success());
    assert!(
        !dir.join("workshop").exists(),
        "an old session is not changed"
    );
}
