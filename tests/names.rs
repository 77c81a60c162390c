//! Sessions people can find: a name at start, a rename, `sessions` with the
//! names, resume/follow/export by a name or the beginning of one, archive and
//! delete (with a question) — through the real binary where it is the
//! command line that matters.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use flipover::storage::{self, SessionStore, StorageError};

use common::T0;

fn at(minutes: i64) -> jiff::ZonedDateTime {
    jiff::Timestamp::from_millisecond(T0 as i64 + minutes * 60_000)
        .expect("time")
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
}

/// A session created `minutes` after T0, named `name`.
fn session(root: &Path, minutes: i64, name: &str) -> String {
    let w = common::workshop("da");
    let (mut store, mut session) = SessionStore::create(root, &w, at(minutes)).expect("create");
    session.meta.name = name.to_string();
    store.snapshot(&session).expect("snapshot");
    session.meta.id
}

fn flipover(root: &Path, args: &[&str], stdin: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_flipover"))
        .arg("--data-dir")
        .arg(root)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("flipover runs");
    if let Some(mut input) = child.stdin.take() {
        let _ = input.write_all(stdin.as_bytes());
    }
    child.wait_with_output().expect("output")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn a_name_or_a_beginning_finds_the_session_and_a_series_its_newest() {
    let root = tempfile::tempdir().expect("tempdir");
    let r = root.path();
    let first = session(r, 0, "Team Nord");
    let second = session(r, 60, "Team Nord");
    let other = session(r, 120, "Borgerservice Ærø");
    let dir = |id: &str| storage::sessions_dir(r).join(id);

    assert_eq!(
        storage::find(r, Some("team nord")).expect("by name"),
        dir(&second)
    );
    assert_eq!(
        storage::find(r, Some("Team")).expect("one series"),
        dir(&second)
    );
    assert_eq!(
        storage::find(r, Some("borger")).expect("a beginning"),
        dir(&other)
    );
    assert_eq!(storage::find(r, Some(&first)).expect("by id"), dir(&first));
    assert!(matches!(
        storage::find(r, Some("2026")),
        Err(StorageError::Ambiguous { .. })
    ));
    assert!(matches!(
        storage::find(r, Some("nobody")),
        Err(StorageError::NotFound(_))
    ));
}

#[test]
fn sessions_shows_names_and_rename_archive_and_delete_work() {
    let root = tempfile::tempdir().expect("tempdir");
    let r = root.path();
    let id = session(r, 0, "");
    let kept = session(r, 30, "Team Syd");

    let out = flipover(r, &["rename", &id, "Team Nord"], "");
    assert!(out.status.success(), "{}", text(&out));
    let listed = text(&flipover(r, &["sessions"], ""));
    assert!(
        listed.contains("NAVN") && listed.contains("Team Nord"),
        "{listed}"
    );
    // Export finds it by the beginning of its new name.
    let out = flipover(r, &["export", "team n", "-f", "md", "-o", "-"], "");
    assert!(text(&out).starts_with("# Den digitale samtale – 3-timersworkshop – Team Nord"));

    // Archived: out of the list and not the default, back with --undo.
    assert!(flipover(r, &["archive", "Team Nord"], "").status.success());
    let listed = text(&flipover(r, &["sessions"], ""));
    assert!(
        !listed.contains("Team Nord") && listed.contains("1 arkiveret"),
        "{listed}"
    );
    assert!(text(&flipover(r, &["sessions", "--all"], "")).contains("(arkiveret)"));
    assert_eq!(
        storage::find(r, None).expect("newest"),
        storage::sessions_dir(r).join(&kept)
    );
    assert!(
        flipover(r, &["archive", "Team Nord", "--undo"], "")
            .status
            .success()
    );
    assert!(text(&flipover(r, &["sessions"], "")).contains("Team Nord"));

    // Delete asks; "n" keeps it, no terminal and no --yes refuses, --yes deletes.
    let folder = storage::sessions_dir(r).join(&id);
    let out = flipover(r, &["delete", "Team Nord"], "n\n");
    assert!(folder.is_dir(), "{}", text(&out));
    assert!(text(&out).contains("--yes"), "{}", text(&out));
    let out = flipover(r, &["delete", "Team Nord", "--yes"], "");
    assert!(out.status.success(), "{}", text(&out));
    assert!(!folder.exists());
    assert!(
        storage::sessions_dir(r).join(&kept).is_dir(),
        "the other stays"
    );
}

#[test]
fn delete_refuses_a_folder_outside_the_sessions() {
    let root = tempfile::tempdir().expect("tempdir");
    let elsewhere = tempfile::tempdir().expect("tempdir");
    let w = common::workshop("da");
    let (store, _) = SessionStore::create(elsewhere.path(), &w, at(0)).expect("create");
    let dir = store.dir().to_path_buf();
    drop(store);
    let out = flipover(
        root.path(),
        &["delete", &dir.display().to_string(), "--yes"],
        "",
    );
    assert!(!out.status.success());
    assert!(dir.is_dir(), "{}", text(&out));
}
