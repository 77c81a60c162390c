//! Session folders: what is committed is there after a crash, a second console is
//! refused, a torn journal line is dropped, snapshots keep the journal short.

mod common;

use std::fs;

use flipover::session::{Change, Item, Session};
use flipover::storage::{self, SessionStore, StorageError};

fn card(id: u64, text: &str) -> Change {
    Change::Put {
        step: "brainstorm".into(),
        item: Item::new(id, "nu-fordele", text),
    }
}

fn new_store(root: &std::path::Path) -> (SessionStore, Session) {
    let w = common::workshop("da");
    let now = jiff::Timestamp::from_millisecond(common::T0 as i64)
        .expect("time")
        .to_zoned_datetime(jiff::tz::TimeZone::UTC);
    SessionStore::create(root, &w, now).expect("create")
}

#[test]
fn committed_changes_survive_a_crash() {
    let root = tempfile::tempdir().expect("tempdir");
    let (mut store, mut session) = new_store(root.path());
    for (i, text) in ["Vi kender borgerne", "Tryghed – æøå ÆØÅ"]
        .iter()
        .enumerate()
    {
        let c = card(i as u64 + 1, text);
        store.commit(&c).expect("commit");
        session.apply(&c);
    }
    let dir = store.dir().to_path_buf();
    // Dropping without a snapshot is what kill -9 leaves behind.
    drop(store);
    let (_store, reopened, _) = SessionStore::open(&dir).expect("open");
    assert_eq!(reopened, session);
    assert_eq!(
        dir.file_name().and_then(|n| n.to_str()),
        Some("2026-11-23-0900-3-timers-workshop")
    );
}

#[test]
fn a_second_console_is_refused_with_a_clear_message() {
    let root = tempfile::tempdir().expect("tempdir");
    let (store, _) = new_store(root.path());
    let err = SessionStore::open(store.dir()).err().expect("refused");
    assert!(matches!(err, StorageError::Locked { .. }), "{err}");
    let message = err.to_string();
    assert!(
        message.contains("already open in another flipover"),
        "{message}"
    );
    assert!(
        message.contains(&format!("pid {}", std::process::id())),
        "{message}"
    );
}

#[test]
fn a_torn_last_line_is_dropped_and_the_journal_goes_on() {
    let root = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = new_store(root.path());
    store.commit(&card(1, "hel")).expect("commit");
    let dir = store.dir().to_path_buf();
    drop(store);
    let journal = dir.join("journal.toml");
    let mut text = fs::read_to_string(&journal).expect("read");
    text.push_str("c2 = { change = \"put\", item = { area = \"nu-fo");
    fs::write(&journal, text).expect("write");
    let (mut store, session, _) = SessionStore::open(&dir).expect("open");
    assert_eq!(session.steps["brainstorm"].items.len(), 1);
    store.commit(&card(2, "efter")).expect("commit");
    drop(store);
    let (_s, session, _) = SessionStore::open(&dir).expect("open again");
    let texts: Vec<&str> = session.steps["brainstorm"]
        .items
        .iter()
        .map(|i| i.text.as_str())
        .collect();
    assert_eq!(texts, ["hel", "efter"]);
}

#[test]
fn snapshots_fold_the_journal_into_answers_toml() {
    let root = tempfile::tempdir().expect("tempdir");
    let (mut store, mut session) = new_store(root.path());
    for i in 1..=600 {
        let c = card(i, &format!("kort {i}"));
        store.commit(&c).expect("commit");
        session.apply(&c);
        if store.wants_snapshot(&session) {
            store.snapshot(&session).expect("snapshot");
        }
    }
    let dir = store.dir().to_path_buf();
    drop(store);
    let journal = fs::read_to_string(dir.join("journal.toml")).expect("journal");
    assert!(journal.lines().count() < 100, "the journal was folded in");
    let answers = fs::read_to_string(dir.join("answers.toml")).expect("answers");
    assert!(
        answers.contains("text = \"kort 512\""),
        "answers.toml is readable TOML"
    );
    let (_s, reopened, _) = SessionStore::open(&dir).expect("open");
    assert_eq!(reopened, session);
}

#[cfg(unix)]
#[test]
fn session_files_are_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let root = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = new_store(root.path());
    store.commit(&card(1, "x")).expect("commit");
    let dir = store.dir().to_path_buf();
    assert_eq!(
        fs::metadata(&dir).expect("dir").permissions().mode() & 0o777,
        0o700
    );
    for f in ["answers.toml", "journal.toml", "lock"] {
        let mode = fs::metadata(dir.join(f)).expect(f).permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{f}");
    }
}

#[test]
fn an_unwritable_journal_gives_a_clear_error_and_changes_nothing() {
    let root = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = new_store(root.path());
    store.commit(&card(1, "x")).expect("commit");
    let dir = store.dir().to_path_buf();
    drop(store);
    // A journal that cannot be opened for writing (here: a folder in its place,
    // which fails even for root, unlike a read-only file).
    let journal = dir.join("journal.toml");
    let kept = fs::read(&journal).expect("read");
    fs::remove_file(&journal).expect("rm");
    fs::create_dir(&journal).expect("mkdir");
    let err = SessionStore::open(&dir).err().expect("refused");
    assert!(err.to_string().contains("journal.toml"), "{err}");
    fs::remove_dir(&journal).expect("rmdir");
    fs::write(&journal, kept).expect("restore");
    let (_s, session, _) = SessionStore::open(&dir).expect("opens again");
    assert_eq!(session.steps["brainstorm"].items.len(), 1);
}

#[test]
fn sessions_are_listed_newest_first_and_found_by_id() {
    let root = tempfile::tempdir().expect("tempdir");
    let (a, _) = new_store(root.path());
    let (b, _) = new_store(root.path());
    let ids: Vec<String> = storage::list(root.path())
        .iter()
        .map(|s| s.session.meta.id.clone())
        .collect();
    assert_eq!(ids.len(), 2);
    assert!(ids.contains(&"2026-11-23-0900-3-timers-workshop-2".to_string()));
    let found =
        storage::find(root.path(), Some("2026-11-23-0900-3-timers-workshop")).expect("find");
    assert_eq!(found, a.dir());
    assert!(storage::find(root.path(), Some("../../etc")).is_err());
    drop(b);
}

#[test]
fn a_session_that_cannot_be_read_is_listed_as_damaged_with_the_reason() {
    let root = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = new_store(root.path());
    store.commit(&card(1, "én")).expect("commit");
    store.commit(&card(2, "to")).expect("commit");
    let dir = store.dir().to_path_buf();
    drop(store);
    // A middle line damaged by hand: the session must not vanish.
    let journal = dir.join("journal.toml");
    let text = fs::read_to_string(&journal).expect("read");
    fs::write(&journal, text.replacen("c1 = {", "c1 = {{ødelagt", 1)).expect("write");
    // And a folder whose answers.toml never got written.
    fs::create_dir_all(root.path().join("sessions/2026-11-24-1000-tom")).expect("mkdir");

    let (good, damaged) = storage::scan(root.path());
    assert!(good.is_empty());
    let reasons: Vec<(String, String)> = damaged
        .iter()
        .map(|d| (d.id.clone(), d.reason.clone()))
        .collect();
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert_eq!(reasons[0].0, "2026-11-24-1000-tom");
    assert_eq!(reasons[0].1, "answers.toml is missing");
    assert!(
        reasons[1]
            .1
            .contains("journal.toml:2: this journal line cannot be read"),
        "{reasons:?}"
    );
    // `resume` with no id names the damage instead of "no sessions yet".
    let err = storage::find(root.path(), None).expect_err("none readable");
    assert!(err.to_string().contains("cannot be read"), "{err}");
    assert!(!err.to_string().contains("no sessions yet"), "{err}");
}

#[cfg(unix)]
#[test]
fn odd_session_files_are_refused_without_hanging() {
    let root = tempfile::tempdir().expect("tempdir");
    let (store, _) = new_store(root.path());
    let dir = store.dir().to_path_buf();
    drop(store);
    let journal = dir.join("journal.toml");
    fs::remove_file(&journal).expect("rm");
    // libc, not the `mkfifo` program: a child spawned now would hold a copy of
    // the other tests' session locks until it execs.
    let path = std::ffi::CString::new(journal.as_os_str().as_encoded_bytes()).expect("path");
    // SAFETY: `path` is a valid NUL-terminated string that outlives the call.
    assert_eq!(unsafe { libc::mkfifo(path.as_ptr(), 0o600) }, 0, "mkfifo");
    let err = storage::read(&dir).err().expect("a FIFO is not a journal");
    assert!(
        err.to_string().contains("is a FIFO, not a regular file"),
        "{err}"
    );
    fs::remove_file(&journal).expect("rm fifo");
    std::os::unix::fs::symlink("/dev/zero", &journal).expect("link");
    let err = storage::read(&dir)
        .err()
        .expect("a device is not a journal");
    assert!(err.to_string().contains("is a device"), "{err}");
}

#[cfg(unix)]
#[test]
fn the_lock_does_not_follow_a_link() {
    let root = tempfile::tempdir().expect("tempdir");
    let (store, _) = new_store(root.path());
    let dir = store.dir().to_path_buf();
    drop(store);
    let elsewhere = root.path().join("precious.txt");
    fs::write(&elsewhere, "keep me").expect("write");
    fs::remove_file(dir.join("lock")).expect("rm lock");
    std::os::unix::fs::symlink(&elsewhere, dir.join("lock")).expect("link");
    assert!(SessionStore::open(&dir).is_err(), "refused");
    assert_eq!(fs::read_to_string(&elsewhere).expect("read"), "keep me");
}

#[test]
fn an_io_error_names_its_reason_once_and_first() {
    let root = tempfile::tempdir().expect("tempdir");
    let (store, _) = new_store(root.path());
    let dir = store.dir().to_path_buf();
    drop(store);
    let journal = dir.join("journal.toml");
    fs::remove_file(&journal).expect("rm");
    fs::create_dir(&journal).expect("mkdir");
    let err = SessionStore::open(&dir).err().expect("refused");
    let chain = format!("{:#}", anyhow::Error::from(err));
    assert_eq!(
        chain.matches("os error").count() + chain.matches("folder").count(),
        1,
        "{chain}"
    );
}
