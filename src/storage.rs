//! storage: where sessions live and how they reach the disk. A session folder holds
//! `answers.toml` (a readable snapshot), `journal.toml` (every committed change
//! since, appended and fsynced), `live.toml` (the text being typed and the clock's
//! last reading) and `lock`. Nothing here knows about screens or keys.

mod atomic;
mod journal;
mod lock;

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
/// Snapshot once the journal holds this many lines, or as many as there are
/// answers, whichever is more: the snapshot's cost is spread over the commits.
const MIN_SNAPSHOT_EVERY: u64 = 512;

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error(
        "session {session} is already open in another flipover ({holder}); \
         two consoles never write one session. Close the other one first."
    )]
    Locked { session: String, holder: String },
    #[error(
        "{}:{line}: this journal line cannot be read. Nothing was changed; \
         move the line aside (or restore the file) and resume again.",
        path.display()
    )]
    Corrupt { path: PathBuf, line: usize },
    #[error("{}: {message}", path.display())]
    BadFile { path: PathBuf, message: String },
    #[error("cannot write the change: {0}")]
    Encode(String),
    #[error("no session {0:?} (see `flipover sessions`)")]
    NotFound(String),
}

impl StorageError {
    fn io(path: &Path, source: io::Error) -> Self {
        StorageError::Io {
            path: path.to_path_buf(),
            source,
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

fn sessions_dir(root: &Path) -> PathBuf {
    root.join("sessions")
}

/// Creates a folder readable by its owner only.
fn create_private_dir(dir: &Path) -> Result<(), StorageError> {
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
    /// A new session of `workshop` under `root`, named by the time it starts.
    pub fn create(
        root: &Path,
        workshop: &Workshop,
        now: jiff::ZonedDateTime,
    ) -> Result<(Self, Session), StorageError> {
        let parent = sessions_dir(root);
        create_private_dir(&parent)?;
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
        create_private_dir(&dir)?;
        let lock = SessionLock::acquire(&dir)?;
        let meta = Meta {
            id,
            workshop: workshop.id.clone(),
            lang: workshop.lang.clone(),
            title: workshop.title.clone(),
            created: now.timestamp().to_string(),
        };
        let session = Session::new(meta, workshop);
        write_snapshot(&dir, 0, &session)?;
        atomic::write(&dir.join(JOURNAL), journal::HEADER.as_bytes())
            .map_err(|e| StorageError::io(&dir.join(JOURNAL), e))?;
        let journal = Journal::open(&dir.join(JOURNAL), 0, 0, None)?;
        Ok((
            Self {
                dir,
                journal,
                _lock: lock,
            },
            session,
        ))
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
    let text = match fs::read_to_string(&answers) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(StorageError::NotFound(dir.display().to_string()));
        }
        Err(e) => return Err(StorageError::io(&answers, e)),
    };
    let snapshot: Snapshot = toml::from_str(&text).map_err(|e| StorageError::BadFile {
        path: answers.clone(),
        message: e.to_string(),
    })?;
    let mut session = snapshot.session;
    let journal_path = dir.join(JOURNAL);
    let journal_text = match fs::read_to_string(&journal_path) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(StorageError::io(&journal_path, e)),
    };
    let (changes, torn) = journal::decode(&journal_path, &journal_text, snapshot.journal)?;
    let mut seq = snapshot.journal;
    for (n, change) in &changes {
        session.apply(change);
        seq = *n;
    }
    let valid_journal_bytes = torn.then(|| journal_text.rfind('\n').map_or(0, |i| i + 1) as u64);
    let live = fs::read_to_string(dir.join(LIVE))
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

/// Every readable session under `root`, newest first (ids start with the date).
pub fn list(root: &Path) -> Vec<Summary> {
    let Ok(entries) = fs::read_dir(sessions_dir(root)) else {
        return Vec::new();
    };
    let mut out: Vec<Summary> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let dir = e.path();
            read(&dir).ok().map(|l| Summary {
                dir,
                session: l.session,
            })
        })
        .collect();
    out.sort_by(|a, b| b.session.meta.created.cmp(&a.session.meta.created));
    out
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

/// The folder of session `id` (or of the newest one).
pub fn find(root: &Path, id: Option<&str>) -> Result<PathBuf, StorageError> {
    match id {
        Some(id) => {
            let as_path = Path::new(id);
            if as_path.join(ANSWERS).is_file() {
                return Ok(as_path.to_path_buf());
            }
            let valid = !id.is_empty() && !id.contains(['/', '\\']) && id != "." && id != "..";
            let dir = sessions_dir(root).join(id);
            if valid && dir.join(ANSWERS).is_file() {
                Ok(dir)
            } else {
                Err(StorageError::NotFound(id.to_string()))
            }
        }
        None => {
            let all = list(root);
            // The one a console has open, else the newest.
            let open = all.iter().find(|s| is_open(&s.dir)).map(|s| s.dir.clone());
            open.or_else(|| all.into_iter().next().map(|s| s.dir))
                .ok_or_else(|| StorageError::NotFound("(no sessions yet)".into()))
        }
    }
}
