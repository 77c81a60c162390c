//! The command line speaks the session's language: the real binary run on a
//! Danish and an English session. A message about one session is in its
//! language (or the `--lang` given); any other follows `--lang`, else Danish.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use flipover::storage::SessionStore;

use common::T0;

/// A session of the 3-hour workshop in `lang`, named `name`, created
/// `minutes` after T0; its id.
fn session(root: &Path, lang: &str, minutes: i64, name: &str) -> String {
    let w = common::workshop(lang);
    let at = jiff::Timestamp::from_millisecond(T0 as i64 + minutes * 60_000)
        .expect("time")
        .to_zoned_datetime(jiff::tz::TimeZone::UTC);
    let (mut store, mut session) = SessionStore::create(root, &w, at).expect("create");
    session.meta.name = name.to_string();
    store.snapshot(&session).expect("snapshot");
    session.meta.id
}

/// A data folder with an English session named `en` and a Danish one named
/// `da`, an hour later; the folder and the two ids.
fn both(en: &str, da: &str) -> (tempfile::TempDir, String, String) {
    let root = tempfile::tempdir().expect("tempdir");
    let ids = (
        session(root.path(), "en", 0, en),
        session(root.path(), "da", 60, da),
    );
    (root, ids.0, ids.1)
}

/// Runs flipover with `root` as its data folder, its folder and the place of
/// its (absent) config file, without a terminal; asserts that what it says (stdout and stderr) holds every one of
/// `words`, and returns whether it succeeded.
fn runs(root: &Path, args: &[&str], words: &[&str]) -> bool {
    let out: Output = Command::new(env!("CARGO_BIN_EXE_flipover"))
        .arg("--data-dir")
        .arg(root)
        .args(args)
        .current_dir(root)
        .env_remove("FLIPOVER_DATA_DIR")
        // Never the tester's own settings.
        .env("FLIPOVER_CONFIG", root.join("config.toml"))
        .stdin(Stdio::null())
        .output()
        .expect("flipover runs");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    for w in words {
        assert!(said.contains(w), "{args:?}: {w:?} not in:\n{said}");
    }
    out.status.success()
}

#[test]
fn sessions_lists_in_danish_unless_asked_for_english() {
    let root = tempfile::tempdir().expect("tempdir");
    let r = root.path();
    runs(r, &["sessions"], &["ingen sessioner endnu i"]);
    runs(r, &["sessions", "--lang", "en"], &["no sessions yet in"]);

    // An English session and a Danish one: the listing is about neither.
    let (root, _, _) = both("Team North", "Team Ærø");
    let r = root.path();
    assert!(runs(
        r,
        &["sessions"],
        &["NAVN", "OPRETTET", "TRIN", "SVAR", "Team North", "Team Ærø"]
    ));
    runs(
        r,
        &["sessions", "--lang", "en"],
        &["NAME", "CREATED", "STEP", "ANSWERS"],
    );

    // Archived, said under the listing in the same language.
    assert!(runs(r, &["archive", "team north"], &[]));
    runs(
        r,
        &["sessions"],
        &["(1 arkiveret: flipover sessions --all)"],
    );
    runs(r, &["sessions", "--all", "--lang", "en"], &["(archived)"]);
}

/// Runs each of `steps` — arguments, words it must say, whether it succeeds —
/// in the data folder `root`, in order.
fn run_all(root: &Path, steps: &[(&[&str], &str, bool)]) {
    for (args, says, ok) in steps {
        assert_eq!(runs(root, args, &[says]), *ok, "{args:?}");
    }
}

#[test]
fn export_says_where_the_report_is_in_the_session_s_language() {
    let (root, _, _) = both("Team North", "Team Ærø");
    run_all(
        root.path(),
        &[
            (
                &["export", "team ær"],
                "flipover: rapporten for Team Ærø er skrevet:\n  ",
                true,
            ),
            (
                &["export", "team north"],
                "flipover: the report of Team North is written:\n  ",
                true,
            ),
            // The language asked for wins: the report is in it too.
            (
                &["export", "team north", "--lang", "da"],
                "rapporten for Team North er skrevet",
                true,
            ),
            // Not about one session: none found, two that fit.
            (
                &["export", "nobody"],
                "ingen session \"nobody\" (se `flipover sessions`)",
                false,
            ),
            (
                &["export", "nobody", "--lang", "en"],
                "no session \"nobody\" (see `flipover sessions`)",
                false,
            ),
            (&["export", "team"], "passer på flere sessioner", false),
            (
                &["export", "team n", "-f", "csv", "-o", "-"],
                "-o - writes one file to standard output",
                false,
            ),
        ],
    );
}

#[test]
fn new_speaks_the_workshop_s_language() {
    let root = tempfile::tempdir().expect("tempdir");
    let r = root.path();
    assert!(runs(
        r,
        &["new", "kommune"],
        &[
            "workshops/kommune.toml er skrevet: \"Den digitale samtale – 3-timersworkshop\", \
             9 trin, 180 minutter, ud fra 3-timers-workshop",
            "så editorer fuldfører og tjekker, mens du skriver",
            "næste skridt:",
        ]
    ));
    let english = [
        "new",
        "board",
        "--from",
        "topledelsens-tjek",
        "--lang",
        "en",
    ];
    assert!(runs(
        r,
        &english,
        &[
            "wrote workshops/board.toml: \"",
            "8 steps, 90 minutes, from",
            "next:"
        ]
    ));
    run_all(
        r,
        &[
            // A file given by path: its own language, without --lang.
            (
                &["new", "board-2", "--from", "workshops/board.toml"],
                "wrote workshops/board-2.toml",
                true,
            ),
            (&["new", "kommune"], "findes allerede (giv --force", false),
            (
                &["new", "kommune", "--lang", "en"],
                "already exists (give --force",
                false,
            ),
            (
                &["new", "x", "--start", "9"],
                "--start \"9\" er ikke et klokkeslæt",
                false,
            ),
        ],
    );
}

#[test]
fn rename_archive_and_delete_speak_the_session_s_language() {
    let (root, en, da) = both("", "");
    let named_en = format!("flipover: {en} is now named Team North");
    let named_da = format!("flipover: {da} hedder nu Team Ærø");
    run_all(
        root.path(),
        &[
            (&["rename", &en, "Team North"], &named_en, true),
            (&["rename", &da, "Team Ærø"], &named_da, true),
            (
                &["archive", "team north"],
                "flipover: Team North is archived",
                true,
            ),
            (
                &["archive", "team north", "--undo"],
                "flipover: Team North is back from the archive",
                true,
            ),
            (
                &["archive", "team ærø"],
                "flipover: Team Ærø er arkiveret",
                true,
            ),
            (
                &["archive", &da, "--undo"],
                "flipover: Team Ærø er taget frem fra arkivet",
                true,
            ),
            (
                &["delete", "team north"],
                "0 answers)? Nobody to ask here: add --yes",
                false,
            ),
            (
                &["delete", "team ærø"],
                "0 svar)? Der er ingen at spørge her: tilføj --yes",
                false,
            ),
            (&["delete", "team ærø", "--yes"], "0 svar) er slettet", true),
        ],
    );
}

/// A session without a name is named by its id, once.
#[test]
fn delete_names_an_unnamed_session_by_its_id_once() {
    let root = tempfile::tempdir().expect("tempdir");
    let id = session(root.path(), "da", 0, "");
    assert!(runs(
        root.path(),
        &["delete", &id, "--yes"],
        &[&format!("flipover: {id} (0 svar) er slettet")],
    ));
}

/// The listing's columns line up whatever the length of a name.
#[test]
fn sessions_keeps_its_columns_in_line_with_long_names() {
    let root = tempfile::tempdir().expect("tempdir");
    session(
        root.path(),
        "da",
        0,
        "Egedal Kommune, ledergruppen i Ældreplejen",
    );
    session(root.path(), "da", 60, "Nord");
    let out = Command::new(env!("CARGO_BIN_EXE_flipover"))
        .arg("--data-dir")
        .arg(root.path())
        .arg("sessions")
        .env("FLIPOVER_CONFIG", root.path().join("config.toml"))
        .stdin(Stdio::null())
        .output()
        .expect("flipover runs");
    let listing = String::from_utf8_lossy(&out.stdout);
    let column = |line: &str, word: &str| {
        line.rfind(word)
            .map(|byte| line[..byte].chars().count())
            .unwrap_or_else(|| panic!("{word} in {line}"))
    };
    let lines: Vec<&str> = listing.lines().collect();
    assert_eq!(lines.len(), 3, "{listing}");
    let at = column(lines[0], "WORKSHOP");
    for line in &lines[1..] {
        assert_eq!(column(line, "3-timers-workshop"), at, "{listing}");
    }
}
