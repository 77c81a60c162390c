//! storage: where sessions live and how they reach the disk. A session folder holds
//! `answers.toml` (a readable snapshot), `journal.toml` (every committed change
//! since, appended and fsynced), `live.toml` (the text being typed and the clock's
//! last reading) and `lock`. Nothing here knows about screens or keys.

pub mod atomic;
mod journal;
mod lock;
mod names;
pub mod pinned;
pub mod regular;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::content::Workshop;
use crate::session::{Change, Live, Meta, Session};

use journal::Journal;
use lock::SessionLock;

const ANSWERS: &str = "answers.toml";
const JOURNAL: &str = "journal.toml";
const LIVE: &str = "live.toml";
/// Largest session file read: 10,000 cards take about 2 MB; anything far
/// larger was not written by flipover.
const MAX_SESSION_FILE: u64 = 64 * 1024 * 1024;
/// Snapshot once the journal holds this many lines, or as many as there are
/// answers, whichever is more: the snapshot's cost is spread over the commits.
const MIN_SNAPSHOT_EVERY: u64 = 512;

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// The reason comes first so that a message cut to the width of a status
    /// line still says it. Not a `source`: the reason is printed once.
    #[error("{cause} ({})", path.display())]
    Io { path: PathBuf, cause: io::Error },
    /// A session file that is not a regular file, too large, or unreadable.
    #[error("{} {reason}", path.display())]
    Unreadable {
        path: PathBuf,
        reason: regular::ReadError,
    },
    #[error(
        "session {session} is already open in another flipover ({holder}); \
         two consoles never write one session. Close the other one first."
    )]
    Locked { session: String, holder: String },
    #[error(
        "{}:{line}: this journal line cannot be read, so the session is not opened \
         (nothing was changed). Keep a copy of the folder before repairing the line by hand.",
        path.display()
    )]
    Corrupt { path: PathBuf, line: usize },
    #[error("{}: {message}", path.display())]
    BadFile { path: PathBuf, message: String },
    #[error("cannot write the change: {0}")]
    Encode(String),
    #[error("no session {0:?} (see `flipover sessions`)")]
    NotFound(String),
    #[error("no sessions yet in {} (start one with `flipover run`)", .0.display())]
    NoSessions(PathBuf),
    #[error("{query:?} fits several sessions: {fits} (give more of the id or the name)")]
    Ambiguous { query: String, fits: String },
    /// No readable session, but a damaged one.
    #[error("session {id} cannot be read: {reason} (see `flipover sessions`)")]
    Damaged { id: String, reason: String },
}

impl StorageError {
    fn io(path: &Path, cause: io::Error) -> Self {
        StorageError::Io {
            path: path.to_path_buf(),
            cause,
        }
    }
}

/// The folder that holds sessions: `--data-dir`, else `FLIPOVER_DATA_DIR`, else
/// the platform's data folder for flipover.
pub fn data_dir(flag: Option<&Path>) -> PathBuf {
    if let Some(dir) = flag {
        return dir.to_path_buf();
    }
    if let Some(dir) = std::env::var_os("FLIPOVER_DATA_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    directories::ProjectDirs::from("", "", "flipover")
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from(".flipover"))
}

/// The folder the session folders are in.
pub fn sessions_dir(root: &Path) -> PathBuf {
    root.join("sessions")
}

/// Creates a folder readable by its owner only.
pub(crate) fn create_private_dir(dir: &Path) -> Result<(), StorageError> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|e| StorageError::io(dir, e))
}

#[derive(Serialize, Deserialize)]
struct Snapshot {
    /// The last journal line this snapshot includes.
    journal: u64,
    session: Session,
}

const SNAPSHOT_HEADER: &str = "# flipover session: the answers so far. Changes since this file was\n\
# written are in journal.toml; flipover reads both.\n\n";

/// The open, locked session folder that commits go to.
pub struct SessionStore {
    dir: PathBuf,
    journal: Journal,
    _lock: SessionLock,
}

impl SessionStore {
    /// A new session of `workshop` under `root`, named by the time it starts,
    /// created at once (`prepare` then `NewSession::create`).
    pub fn create(
        root: &Path,
        workshop: &Workshop,
        now: jiff::ZonedDateTime,
    ) -> Result<(Self, Session), StorageError> {
        let (new, session) = Self::prepare(root, workshop, now);
        Ok((new.create(&session)?, session))
    }

    /// A new session of `workshop`, named and set up in memory only: the
    /// console draws its first frame before any file is written, then
    /// `NewSession::create` makes it durable before a key is read.
    pub fn prepare(
        root: &Path,
        workshop: &Workshop,
        now: jiff::ZonedDateTime,
    ) -> (NewSession, Session) {
        let parent = sessions_dir(root);
        let stem = format!("{}-{}", now.strftime("%Y-%m-%d-%H%M"), workshop.id);
        let (id, dir) = (1..)
            .map(|n| {
                if n == 1 {
                    stem.clone()
                } else {
                    format!("{stem}-{n}")
                }
            })
            .map(|id| (id.clone(), parent.join(id)))
            .find(|(_, d)| !d.exists())
            .unwrap_or_else(|| (stem.clone(), parent.join(&stem)));
        let meta = Meta {
            id,
            workshop: workshop.id.clone(),
            lang: workshop.lang.clone(),
            title: workshop.title.clone(),
            created: now.timestamp().to_string(),
            name: String::new(),
            archived: false,
        };
        (NewSession { dir }, Session::new(meta, workshop))
    }

    /// Opens and locks a session folder: snapshot plus journal, and what was being
    /// typed when it stopped.
    pub fn open(dir: &Path) -> Result<(Self, Session, Option<Live>), StorageError> {
        let lock = SessionLock::acquire(dir)?;
        let loaded = read(dir)?;
        let journal = Journal::open(
            &dir.join(JOURNAL),
            loaded.seq,
            loaded.journal_len,
            loaded.valid_journal_bytes,
        )?;
        Ok((
            Self {
                dir: dir.to_path_buf(),
                journal,
                _lock: lock,
            },
            loaded.session,
            loaded.live,
        ))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes `change` durably. Returns once it is on disk.
    pub fn commit(&mut self, change: &Change) -> Result<(), StorageError> {
        self.journal.append(change)
    }

    /// Whether the journal has grown enough that a snapshot pays for itself.
    pub fn wants_snapshot(&self, session: &Session) -> bool {
        self.journal.len >= MIN_SNAPSHOT_EVERY.max(session.item_count() as u64)
    }

    /// Writes `session` (which must include every committed change) as the new
    /// snapshot and starts an empty journal.
    pub fn snapshot(&mut self, session: &Session) -> Result<(), StorageError> {
        write_snapshot(&self.dir, self.journal.seq, session)?;
        let path = self.dir.join(JOURNAL);
        atomic::write(&path, journal::HEADER.as_bytes()).map_err(|e| StorageError::io(&path, e))?;
        self.journal = Journal::open(&path, self.journal.seq, 0, None)?;
        Ok(())
    }

    /// Records the text being typed and the clock's last reading.
    pub fn save_live(&self, live: &Live) -> Result<(), StorageError> {
        let path = self.dir.join(LIVE);
        let text = toml::to_string(live).map_err(|e| StorageError::Encode(e.to_string()))?;
        atomic::write(&path, text.as_bytes()).map_err(|e| StorageError::io(&path, e))
    }
}

/// A session named but not yet on disk (see `SessionStore::prepare`).
pub struct NewSession {
    dir: PathBuf,
}

impl NewSession {
    /// The folder it will have.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Creates the folder, takes the lock and writes `session` (as prepared)
    /// with an empty journal, all fsynced.
    pub fn create(self, session: &Session) -> Result<SessionStore, StorageError> {
        let dir = self.dir;
        if let Some(parent) = dir.parent() {
            create_private_dir(parent)?;
        }
        // Not recursive: a folder that appeared since the name was chosen (a
        // session started the same minute) is never written over.
        let mut builder = fs::DirBuilder::new();
        builder.recursive(false);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder
            .create(&dir)
            .map_err(|e| StorageError::io(&dir, e))?;
        let lock = SessionLock::acquire(&dir)?;
        write_snapshot(&dir, 0, session)?;
        atomic::write(&dir.join(JOURNAL), journal::HEADER.as_bytes())
            .map_err(|e| StorageError::io(&dir.join(JOURNAL), e))?;
        let journal = Journal::open(&dir.join(JOURNAL), 0, 0, None)?;
        Ok(SessionStore {
            dir,
            journal,
            _lock: lock,
        })
    }
}

fn write_snapshot(dir: &Path, seq: u64, session: &Session) -> Result<(), StorageError> {
    let body = toml::to_string(&Snapshot {
        journal: seq,
        session: session.clone(),
    })
    .map_err(|e| StorageError::Encode(e.to_string()))?;
    let path = dir.join(ANSWERS);
    atomic::write(&path, format!("{SNAPSHOT_HEADER}{body}").as_bytes())
        .map_err(|e| StorageError::io(&path, e))
}

/// A session as read from its folder, without taking the lock.
pub struct Loaded {
    pub session: Session,
    pub live: Option<Live>,
    seq: u64,
    journal_len: u64,
    /// Set when a torn last journal line must be cut off.
    valid_journal_bytes: Option<u64>,
}

/// Reads a session folder (snapshot, journal, live file) without changing it.
pub fn read(dir: &Path) -> Result<Loaded, StorageError> {
    let answers = dir.join(ANSWERS);
    let text = match regular::read_text(&answers, MAX_SESSION_FILE) {
        Ok(t) => t,
        Err(regular::ReadError::NotFound) => {
            return Err(StorageError::NotFound(dir.display().to_string()));
        }
        Err(reason) => {
            return Err(StorageError::Unreadable {
                path: answers,
                reason,
            });
        }
    };
    let snapshot: Snapshot = toml::from_str(&text).map_err(|e| StorageError::BadFile {
        path: answers.clone(),
        message: e.to_string(),
    })?;
    let mut session = snapshot.session;
    let journal_path = dir.join(JOURNAL);
    let journal_text = match regular::read_text(&journal_path, MAX_SESSION_FILE) {
        Ok(t) => t,
        Err(regular::ReadError::NotFound) => String::new(),
        Err(reason) => {
            return Err(StorageError::Unreadable {
                path: journal_path,
                reason,
            });
        }
    };
    let (changes, torn) = journal::decode(&journal_path, &journal_text, snapshot.journal)?;
    let mut seq = snapshot.journal;
    for (n, change) in &changes {
        session.apply(change);
        seq = *n;
    }
    let valid_journal_bytes = torn.then(|| journal_text.rfind('\n').map_or(0, |i| i + 1) as u64);
    // The draft is a convenience: one that cannot be read is left out.
    let live = regular::read_text(&dir.join(LIVE), MAX_SESSION_FILE)
        .ok()
        .and_then(|t| toml::from_str(&t).ok());
    Ok(Loaded {
        session,
        live,
        seq,
        journal_len: changes.len() as u64,
        valid_journal_bytes,
    })
}

/// A line of `flipover sessions`.
pub struct Summary {
    pub dir: PathBuf,
    pub session: Session,
}

/// A session folder that cannot be read, with why: listed, never hidden, so
/// that a facilitator sees it and can get it repaired.
pub struct Damaged {
    pub dir: PathBuf,
    /// The folder's name (the session id it was created with).
    pub id: String,
    pub reason: String,
}

/// Every session folder under `root`: the readable ones newest first (ids
/// start with the date), and the damaged ones by name.
pub fn scan(root: &Path) -> (Vec<Summary>, Vec<Damaged>) {
    let Ok(entries) = fs::read_dir(sessions_dir(root)) else {
        return (Vec::new(), Vec::new());
    };
    let mut good = Vec::new();
    let mut damaged = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let dir = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        // Only folders are sessions; a dot-folder is not one of ours.
        if name.starts_with('.') || !entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        match read(&dir) {
            Ok(l) => good.push(Summary {
                dir,
                session: l.session,
            }),
            Err(e) => damaged.push(Damaged {
                dir,
                id: name,
                reason: match e {
                    StorageError::NotFound(_) => format!("{ANSWERS} is missing"),
                    other => other.to_string(),
                },
            }),
        }
    }
    good.sort_by(|a, b| b.session.meta.created.cmp(&a.session.meta.created));
    damaged.sort_by(|a, b| b.id.cmp(&a.id));
    (good, damaged)
}

/// Every readable session under `root`, newest first (see `scan` for the
/// damaged ones).
pub fn list(root: &Path) -> Vec<Summary> {
    scan(root).0
}

/// Whether a console has the session in `dir` open now.
pub fn is_open(dir: &Path) -> bool {
    lock::is_held(dir)
}

/// What changed in a session folder shows here: the size and time of each file.
pub fn signature(dir: &Path) -> Vec<Option<(u64, std::time::SystemTime)>> {
    [ANSWERS, JOURNAL, LIVE]
        .iter()
        .map(|f| {
            let m = fs::metadata(dir.join(f)).ok()?;
            Some((m.len(), m.modified().ok()?))
        })
        .collect()
}

/// The folder of session `id` — a path, an id, a name or the beginning of an
/// id or a name (see `names`) — or of the newest session not archived.
pub fn find(root: &Path, id: Option<&str>) -> Result<PathBuf, StorageError> {
    match id {
        Some(id) => {
            let as_path = Path::new(id);
            if as_path.join(ANSWERS).is_file() {
                return Ok(as_path.to_path_buf());
            }
            let valid = !id.is_empty() && !id.contains(['/', '\\']) && id != "." && id != "..";
            let dir = sessions_dir(root).join(id);
            // A damaged folder is found too: opening it then says what is wrong.
            if valid && dir.is_dir() {
                Ok(dir)
            } else {
                names::resolve(&list(root), id)
            }
        }
        None => {
            let (mut all, damaged) = scan(root);
            all.retain(|s| !s.session.meta.archived);
            // The one a console has open, else the newest.
            let open = all.iter().find(|s| is_open(&s.dir)).map(|s| s.dir.clone());
            open.or_else(|| all.into_iter().next().map(|s| s.dir))
                .ok_or_else(|| match damaged.first() {
                    Some(d) => StorageError::Damaged {
                        id: d.id.clone(),
                        reason: d.reason.clone(),
                    },
                    None => StorageError::NoSessions(root.to_path_buf()),
                })
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;
    use crate::content::Library;
    use crate::session::Item;

    fn card(id: u64, text: &str) -> Change {
        Change::Put {
            step: "brainstorm".into(),
            item: Item::new(id, "nu-fordele", text),
        }
    }

    /// The steps: two cards, the disk fills, a long card fails, the
    /// disk is freed, Enter again succeeds, two more cards, `kill -9`.
    #[test]
    fn a_full_disk_then_a_crash_loses_no_confirmed_card() {
        let (lib, _) = Library::embedded();
        let w = lib
            .workshop("3-timers-workshop", Some("da"))
            .expect("shipped");
        let root = tempfile::tempdir().expect("tempdir");
        let now = jiff::Timestamp::UNIX_EPOCH.to_zoned_datetime(jiff::tz::TimeZone::UTC);
        let (mut store, _) = SessionStore::create(root.path(), w, now).expect("create");
        let mut confirmed = Vec::new();
        let mut commit = |store: &mut SessionStore, id: u64, text: &str| {
            let ok = store.commit(&card(id, text)).is_ok();
            if ok {
                confirmed.push(text.to_string());
            }
            ok
        };
        assert!(commit(&mut store, 1, "én"));
        assert!(commit(&mut store, 2, "to"));
        let room = Arc::new(AtomicUsize::new(100));
        let path = store.dir().join(JOURNAL);
        let file = fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .expect("open");
        store.journal.set_file(Box::new(journal::FullDisk {
            file,
            room: room.clone(),
        }));
        let pasted = "lang tekst ".repeat(420);
        assert!(!commit(&mut store, 3, &pasted), "the disk is full");
        room.store(usize::MAX, Ordering::SeqCst);
        assert!(commit(&mut store, 3, &pasted), "Enter again: ✓ Gemt");
        assert!(commit(&mut store, 4, "fire"));
        assert!(commit(&mut store, 5, "fem"));
        let dir = store.dir().to_path_buf();
        drop(store); // kill -9: no snapshot

        let (sessions, damaged) = scan(root.path());
        assert!(
            damaged.is_empty(),
            "{:?}",
            damaged.first().map(|d| &d.reason)
        );
        let texts: Vec<String> = sessions[0].session.steps["brainstorm"]
            .items
            .iter()
            .map(|i| i.text.clone())
            .collect();
        assert_eq!(texts, confirmed);
        assert!(SessionStore::open(&dir).is_ok(), "resumes");
    }
}
