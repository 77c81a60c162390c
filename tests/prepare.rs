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

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The 1-based line at which `needle` first occurs in `text`.
fn line_of(text: &str, needle: &str) -> usize {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle}"));
    text[..at].matches('\n').count() + 1
}

#[test]
fn new_writes_a_file_that_checks_and_prints_as_a_guide_then_check_finds_three_planted_mistakes() {
    let data = tempfile::tempdir().expect("tempdir");
    let here = tempfile::tempdir().expect("tempdir");
    let out = flipover(
        &[
            "new",
            "kommune",
            "--from",
            "3-timers-workshop",
            "--org",
            "Kommunen",
            "--date",
            "2026-03-12",
            "--start",
            "09:30",
            "--participants",
            "14",
        ],
        data.path(),
        here.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let file = here.path().join("workshops/kommune.toml");
    let text = std::fs::read_to_string(&file).expect("written");
    assert!(text.starts_with("#:schema ./flipover.schema.json\n"));
    assert!(here.path().join("workshops/flipover.schema.json").is_file());
    assert!(text.contains("org = \"Kommunen\""), "{text}");

    let ok = flipover(
        &["check", "workshops/kommune.toml"],
        data.path(),
        here.path(),
    );
    assert!(ok.status.success(), "as written: {}", stderr(&ok));
    let again = flipover(&["new", "kommune"], data.path(), here.path());
    assert!(!again.status.success(), "an existing file is kept");
    assert!(stderr(&again).contains("--force"));

    let guide = stdout(&flipover(
        &["guide", "workshops/kommune.toml"],
        data.path(),
        here.path(),
    ));
    assert!(
        guide.contains("Kommunen · 2026-03-12 · 09:30–12:30 (180 min, 9 trin) · 14 deltagere"),
        "{guide}"
    );
    assert!(
        guide.contains("### 1. Velkomst · 09:30–09:40 (10 min)"),
        "{guide}"
    );
    assert!(
        guide.contains("| 09:40–10:05 | 25 | Inspirationsoplæg |"),
        "{guide}"
    );
    let late = stdout(&flipover(
        &[
            "guide",
            "workshops/kommune.toml",
            "--start",
            "13:00",
            "--format",
            "html",
        ],
        data.path(),
        here.path(),
    ));
    assert!(late.starts_with("<!DOCTYPE html>"));
    assert!(late.contains("13:00–13:10"), "{late}");

    // Three mistakes, as a consultant might make them in an editor: each is
    // reported at its line (all in one run, or, where one stops the parser,
    // the next once it is fixed), and fixing them makes the file pass again.
    let mistakes = [
        (
            "purpose = \"Sæt rammen",
            "purpse = \"Sæt rammen",
            "unknown field",
        ),
        ("content = \"ni-raad\"", "content = \"ni-rad\"", "ni-rad"),
        ("minutes = 45", "minutes = 50", "185"),
    ];
    let mut planted = text.clone();
    for (good, bad, _) in &mistakes {
        planted = planted.replacen(good, bad, 1);
    }
    let mut found = Vec::new();
    for _ in 0..mistakes.len() {
        std::fs::write(&file, &planted).expect("edit");
        let out = flipover(
            &["check", "workshops/kommune.toml"],
            data.path(),
            here.path(),
        );
        if out.status.success() {
            break;
        }
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        let before = found.len();
        for (good, bad, says) in &mistakes {
            let line = if *says == "185" {
                line_of(&planted, "minutes = 180")
            } else if planted.contains(bad) {
                line_of(&planted, bad)
            } else {
                continue;
            };
            let at = format!("workshops/kommune.toml:{line}:");
            if err.lines().any(|l| l.starts_with(&at) && l.contains(says)) {
                found.push(*says);
                planted = planted.replacen(bad, good, 1);
            }
        }
        assert!(
            found.len() > before,
            "no planted mistake reported at its line:\n{err}"
        );
    }
    found.sort();
    found.dedup();
    assert_eq!(found.len(), 3, "{found:?}");
    std::fs::write(&file, &planted).expect("edit");
    let fixed = flipover(
        &["check", "workshops/kommune.toml"],
        data.path(),
        here.path(),
    );
    assert!(fixed.status.success(), "{}", stderr(&fixed));
}

#[test]
fn help_completions_and_the_manual_describe_the_commands() {
    let data = tempfile::tempdir().expect("tempdir");
    let help = stdout(&flipover(&["--help"], data.path(), data.path()));
    for needed in [
        "FLIPOVER_DATA_DIR",
        "FLIPOVER_CONFIG",
        "NO_COLOR",
        "config.toml",
        "Examples:",
        "guide",
        "new",
    ] {
        assert!(help.contains(needed), "{needed}:\n{help}");
    }
    let check = stdout(&flipover(&["check", "--help"], data.path(), data.path()));
    assert!(
        check.contains("[PATHS]...") && check.contains("Exit status"),
        "{check}"
    );
    for idle in ["--theme", "--rehearse", "--data-dir", "--lang"] {
        assert!(!check.contains(idle), "check has no {idle}:\n{check}");
    }
    let run = stdout(&flipover(&["run", "--help"], data.path(), data.path()));
    assert!(
        run.contains("[WORKSHOP]") && run.contains("--rehearse"),
        "{run}"
    );
    let bash = stdout(&flipover(
        &["completions", "bash"],
        data.path(),
        data.path(),
    ));
    assert!(
        bash.contains("flipover") && bash.contains("guide"),
        "{bash}"
    );
    let man = stdout(&flipover(&["man"], data.path(), data.path()));
    assert!(man.starts_with(".ie") || man.starts_with(".TH"), "{man}");
    assert!(
        man.contains("FLIPOVER_DATA_DIR"),
        "the manual names the environment"
    );
}

#[test]
fn rehearsing_a_file_saves_nothing_and_shows_each_saved_edit_at_once() {
    let data = tempfile::tempdir().expect("tempdir");
    let here = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(here.path().join("workshops")).expect("mkdir");
    let file = here.path().join("workshops/min.toml");
    std::fs::write(&file, MINE).expect("write");
    let mut c = Console::in_dir(
        &["run", "workshops/min.toml", "--rehearse"],
        data.path(),
        here.path(),
        100,
        30,
    );
    c.wait_for("Trin 1/2 Velkomst");
    // Saved in an editor: the console jumps to the step that changed.
    let edited = MINE.replace("De ni råd", "Modellen i dag");
    std::fs::write(&file, &edited).expect("edit");
    c.wait_for("Trin 2/2 Modellen i dag");
    c.wait_for("Workshopfilen er læst igen");
    // A broken edit: the error on screen, the last good version kept.
    std::fs::write(&file, edited.replace("purpose = \"Vis", "purpse = \"Vis")).expect("edit");
    c.wait_for("unknown field `purpse`");
    assert!(
        c.contents().contains("Trin 2/2 Modellen i dag"),
        "{}",
        c.contents()
    );
    // Fixed again, with a step added: it shows.
    let added = edited.replace("minutes = 30", "minutes = 35")
        + "\n[[steps]]\nid = \"tak\"\ntitle = \"Tak for i dag\"\nkind = \"info\"\nminutes = 5\n";
    std::fs::write(&file, added).expect("edit");
    c.wait_for("Trin 3/3 Tak for i dag");
    c.send("q");
    assert!(c.wait_exit().success());
    assert!(
        !data.path().join("sessions").exists(),
        "a rehearsal writes nothing"
    );
}

#[test]
fn a_rehearsal_notes_answers_and_never_says_saved() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut c = Console::start(&["run", "--rehearse"], data.path());
    c.walk_to_board();
    c.send("\t\taEt kort til prøve\r");
    c.wait_for("• Et kort til prøve");
    c.wait_for("Noteret (prøve");
    assert!(!c.contents().contains("Gemt"), "{}", c.contents());
    c.send("q");
    assert!(c.wait_exit().success());
    assert!(
        !data.path().join("sessions").exists(),
        "a rehearsal writes nothing"
    );
}
