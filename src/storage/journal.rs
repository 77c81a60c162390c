//! The journal: one committed change per line, appended and fsynced, so a commit
//! costs the same at 10 answers as at 10,000. Each line is a TOML key with an
//! inline table (`c42 = { change = "put", … }`), so the file stays valid,
//! readable TOML; a line torn by a crash is the last one and is dropped.
//!
//! An append that fails (a full disk) is rolled back: the file is cut to its
//! last good length and fsynced, so the retry starts on a clean line. Journals
//! written before that rule may hold a torn fragment glued to the front of a
//! confirmed line; `decode` recovers the confirmed line behind it.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::session::Change;

use super::StorageError;

pub const HEADER: &str =
    "# flipover journal: every committed change since answers.toml, oldest first.\n";

#[derive(Serialize, Deserialize)]
struct Line {
    #[serde(flatten)]
    change: Change,
}

/// What the journal writes to: the real file, or in tests a file that fails
/// part-way like a full disk does.
pub trait JournalFile: Send {
    /// Appends all of `bytes` (or fails, maybe after writing some of them).
    fn append(&mut self, bytes: &[u8]) -> io::Result<()>;
    /// Waits until what was appended is on disk.
    fn sync(&mut self) -> io::Result<()>;
    /// Cuts the file to `len` bytes.
    fn truncate(&mut self, len: u64) -> io::Result<()>;
}

impl JournalFile for File {
    fn append(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.write_all(bytes)
    }
    fn sync(&mut self) -> io::Result<()> {
        self.sync_data()
    }
    fn truncate(&mut self, len: u64) -> io::Result<()> {
        self.set_len(len)
    }
}

pub struct Journal {
    path: PathBuf,
    file: Box<dyn JournalFile>,
    /// Sequence number of the last line written.
    pub seq: u64,
    /// Lines written since the last snapshot.
    pub len: u64,
    /// Length of the file up to the end of the last confirmed line.
    good: u64,
    /// A failed append may have left a fragment after `good` that could not be
    /// cut off yet; it must be before anything else is appended.
    dirty: bool,
}

/// One journal line as text (no newline). Answers are single-line by design (the
/// app folds typed text onto one line), so a change whose TOML would span lines
/// is refused rather than written in a form a torn-line check could misread.
pub fn encode(seq: u64, change: &Change) -> Result<String, StorageError> {
    let value = toml::Value::try_from(Line {
        change: change.clone(),
    })
    .map_err(|e| StorageError::Encode(e.to_string()))?;
    let line = format!("c{seq} = {value}");
    if line.contains('\n') {
        return Err(StorageError::Encode(
            "an answer may not contain a line break".into(),
        ));
    }
    Ok(line)
}

/// The changes after `after` in the journal text, and whether a torn last line
/// was dropped. A bad line that is not the last is an error: it is never skipped
/// silently.
pub fn decode(
    path: &Path,
    text: &str,
    after: u64,
) -> Result<(Vec<(u64, Change)>, bool), StorageError> {
    let mut out = Vec::new();
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    for (n, raw) in lines.iter().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let last = n + 1 == lines.len();
        match parse_line(line).or_else(|| salvage(line)) {
            Some((seq, change)) => {
                if seq > after {
                    out.push((seq, change));
                }
            }
            None if last && !raw.ends_with('\n') => return Ok((out, true)),
            None => {
                return Err(StorageError::Corrupt {
                    path: path.to_path_buf(),
                    line: n + 1,
                });
            }
        }
    }
    Ok((out, false))
}

/// The confirmed line behind a torn fragment: an append that failed half-way
/// (before failed appends were rolled back) left `c7 = { chan` and the retry
/// went on after it, on the same line. Only the retry was confirmed; it starts
/// at a later `c<digits> = {`.
fn salvage(line: &str) -> Option<(u64, Change)> {
    line.match_indices('c')
        .skip_while(|(i, _)| *i == 0)
        .filter(|(i, _)| looks_like_key(&line[*i..]))
        .find_map(|(i, _)| parse_line(&line[i..]))
}

/// Whether `s` starts like a journal line: `c`, digits, ` = {`.
fn looks_like_key(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('c') else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && rest[digits..].starts_with(" = {")
}

fn parse_line(line: &str) -> Option<(u64, Change)> {
    let table: toml::Table = toml::from_str(line).ok()?;
    let (key, value) = table.into_iter().next()?;
    let seq = key.strip_prefix('c')?.parse().ok()?;
    let line: Line = value.try_into().ok()?;
    Some((seq, line.change))
}

impl Journal {
    /// Opens the journal for appending, cutting off a torn last line.
    pub fn open(
        path: &Path,
        seq: u64,
        len: u64,
        valid_bytes: Option<u64>,
    ) -> Result<Self, StorageError> {
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map_err(|e| StorageError::io(path, e))?;
        if let Some(valid) = valid_bytes {
            file.set_len(valid).map_err(|e| StorageError::io(path, e))?;
            file.sync_all().map_err(|e| StorageError::io(path, e))?;
        }
        let good = file
            .metadata()
            .map_err(|e| StorageError::io(path, e))?
            .len();
        Ok(Self {
            path: path.to_path_buf(),
            file: Box::new(file),
            seq,
            len,
            good,
            dirty: false,
        })
    }

    /// Replaces the file the journal writes to (tests inject failing writes).
    #[cfg(test)]
    pub fn set_file(&mut self, file: Box<dyn JournalFile>) {
        self.file = file;
    }

    /// Appends `change` and waits until it is on disk. On failure the file is
    /// left as it was before (cut back to the last confirmed line and fsynced),
    /// so nothing half-written can precede the next line.
    pub fn append(&mut self, change: &Change) -> Result<(), StorageError> {
        if self.dirty {
            self.roll_back()
                .map_err(|e| StorageError::io(&self.path, e))?;
        }
        let line = format!("{}\n", encode(self.seq + 1, change)?);
        let written = self
            .file
            .append(line.as_bytes())
            .and_then(|()| self.file.sync());
        if let Err(e) = written {
            self.dirty = true;
            // If even the cut fails, the next append tries it again first and
            // refuses to write while it cannot.
            let _ = self.roll_back();
            return Err(StorageError::io(&self.path, e));
        }
        self.good += line.len() as u64;
        self.seq += 1;
        self.len += 1;
        Ok(())
    }

    /// Cuts the file back to the end of the last confirmed line, durably.
    fn roll_back(&mut self) -> io::Result<()> {
        self.file.truncate(self.good)?;
        self.file.sync()?;
        self.dirty = false;
        Ok(())
    }
}

/// A disk with `room` bytes left: a write beyond it stores what fits and
/// fails, as `write(2)` on a full disk does.
#[cfg(test)]
pub struct FullDisk {
    pub file: File,
    pub room: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

#[cfg(test)]
impl JournalFile for FullDisk {
    fn append(&mut self, bytes: &[u8]) -> io::Result<()> {
        let room = self.room.load(std::sync::atomic::Ordering::SeqCst);
        let fits = bytes.len().min(room);
        self.file.write_all(&bytes[..fits])?;
        self.room
            .store(room - fits, std::sync::atomic::Ordering::SeqCst);
        if fits < bytes.len() {
            return Err(io::Error::from_raw_os_error(28)); // ENOSPC
        }
        Ok(())
    }
    fn sync(&mut self) -> io::Result<()> {
        self.file.sync_data()
    }
    fn truncate(&mut self, len: u64) -> io::Result<()> {
        self.file.set_len(len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Item;

    fn put(text: &str) -> Change {
        Change::Put {
            step: "brainstorm".into(),
            item: Item::new(7, "nu-fordele", text),
        }
    }

    #[test]
    fn a_line_is_one_readable_toml_key() {
        let line = encode(3, &put("Borgerne \"kender\" os – æøå")).unwrap_or_default();
        assert!(line.starts_with("c3 = {"), "{line}");
        let (changes, torn) =
            decode(Path::new("j"), &format!("{HEADER}{line}\n"), 0).expect("decodes");
        assert!(!torn);
        assert_eq!(changes, vec![(3, put("Borgerne \"kender\" os – æøå"))]);
        assert!(encode(4, &put("to\nlinjer")).is_err());
    }

    #[test]
    fn a_torn_last_line_is_dropped_and_a_bad_middle_line_is_an_error() {
        let a = encode(1, &put("én")).unwrap_or_default();
        let b = encode(2, &put("to")).unwrap_or_default();
        let torn = format!("{a}\n{}", &b[..b.len() / 2]);
        let (changes, was_torn) = decode(Path::new("j"), &torn, 0).expect("decodes");
        assert!(was_torn);
        assert_eq!(changes.len(), 1);
        let bad = format!("{a}\nc2 = {{ nonsense\n{b}\n");
        assert!(decode(Path::new("j"), &bad, 0).is_err());
    }

    #[test]
    fn lines_up_to_the_snapshot_are_skipped() {
        let text = format!(
            "{}\n{}\n",
            encode(1, &put("a")).unwrap_or_default(),
            encode(2, &put("b")).unwrap_or_default()
        );
        let (changes, _) = decode(Path::new("j"), &text, 1).expect("decodes");
        assert_eq!(changes, vec![(2, put("b"))]);
    }

    #[test]
    fn a_failed_append_leaves_the_journal_exactly_as_before() {
        use std::sync::atomic::Ordering;
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("journal.toml");
        std::fs::write(&path, HEADER).expect("header");
        let mut journal = Journal::open(&path, 0, 0, None).expect("open");
        journal.append(&put("første")).expect("first");
        let before = std::fs::read(&path).expect("read");
        let room = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(20));
        let file = OpenOptions::new()
            .append(true)
            .open(&path)
            .expect("open again");
        journal.set_file(Box::new(FullDisk {
            file,
            room: room.clone(),
        }));
        let long = "x".repeat(4_600);
        assert!(journal.append(&put(&long)).is_err(), "the disk is full");
        assert_eq!(std::fs::read(&path).expect("read"), before, "rolled back");
        room.store(usize::MAX, Ordering::SeqCst);
        journal
            .append(&put(&long))
            .expect("retry once there is room");
        journal.append(&put("tredje")).expect("third");
        let text = std::fs::read_to_string(&path).expect("read");
        let (changes, torn) = decode(&path, &text, 0).expect("every line reads");
        assert!(!torn);
        let seqs: Vec<u64> = changes.iter().map(|(n, _)| *n).collect();
        assert_eq!(seqs, [1, 2, 3]);
        assert_eq!(changes[1].1, put(&long));
    }

    #[test]
    fn a_confirmed_line_behind_a_torn_fragment_is_recovered() {
        // What the journal looked like before failed appends were rolled back:
        // the fragment of the failed append, then the retry on the same line.
        let a = encode(1, &put("én")).unwrap_or_default();
        let b = encode(2, &put("to – gemt")).unwrap_or_default();
        let c = encode(3, &put("tre")).unwrap_or_default();
        let text = format!("{HEADER}{a}\n{}{b}\n{c}\n", &b[..b.len() / 3]);
        let (changes, torn) = decode(Path::new("j"), &text, 0).expect("decodes");
        assert!(!torn);
        assert_eq!(
            changes,
            vec![(1, put("én")), (2, put("to – gemt")), (3, put("tre"))]
        );
    }
}
