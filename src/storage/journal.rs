//! The journal: one committed change per line, appended and fsynced, so a commit
//! costs the same at 10 answers as at 10,000. Each line is a TOML key with an
//! inline table (`c42 = { change = "put", … }`), so the file stays valid,
//! readable TOML; a line torn by a crash is the last one and is dropped.

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

pub struct Journal {
    path: PathBuf,
    file: File,
    /// Sequence number of the last line written.
    pub seq: u64,
    /// Lines written since the last snapshot.
    pub len: u64,
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
        match parse_line(line) {
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
        Ok(Self {
            path: path.to_path_buf(),
            file,
            seq,
            len,
        })
    }

    /// Appends `change` and waits until it is on disk.
    pub fn append(&mut self, change: &Change) -> Result<(), StorageError> {
        let line = encode(self.seq + 1, change)?;
        let write = |file: &mut File| -> io::Result<()> {
            file.write_all(format!("{line}\n").as_bytes())?;
            file.sync_data()
        };
        write(&mut self.file).map_err(|e| StorageError::io(&self.path, e))?;
        self.seq += 1;
        self.len += 1;
        Ok(())
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
}
