//! pinned: a session carries its workshop. When a session starts, the
//! workshop's file and every content file it uses are copied, byte for byte,
//! into the session folder (`workshop/`); `resume`, `follow`, `sessions` and
//! `export` load the workshop from that copy, so they work from any folder and
//! keep working after the original file is edited, moved or deleted. A session
//! written before sessions carried their workshop has no such folder and is
//! loaded from the shipped and local files as before.
//!
//! The copy is loaded through the same checks as any content file; nothing
//! here decides what a workshop means.

use std::fs;
use std::path::{Path, PathBuf};

use super::{StorageError, atomic, create_private_dir, regular};
use crate::content::{Content, Library, MAX_FILE_BYTES, Problem, SourceFile, Workshop};

/// The folder in a session that holds its workshop.
pub const DIR: &str = "workshop";
/// The sub-folder of `DIR` that holds the content the workshop uses.
const CONTENT: &str = "content";

/// A file of a session's workshop: where it goes in `DIR` and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinnedFile {
    /// Relative to `DIR`: `<id>.toml` for the workshop, `content/<id>.toml`.
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The files that make `workshop` as `library` loaded it from `files`: the
/// workshop's own file, the content of its steps and, when it shows a model,
/// the instruments the model's advice can add. `None` if the workshop's file
/// is not among `files`.
pub fn select(
    workshop: &Workshop,
    library: &Library,
    files: &[SourceFile],
) -> Option<Vec<PinnedFile>> {
    let path = library.workshop_path(&workshop.lang, &workshop.id)?;
    let own = files.iter().find(|f| f.path == path)?;
    let mut pinned = vec![PinnedFile {
        name: format!("{}.toml", workshop.id),
        bytes: own.bytes.clone(),
    }];
    let mut used: Vec<&Content> = Vec::new();
    let mut want = |c: &'_ str| {
        library
            .contents(&workshop.lang)
            .find(|x| x.id() == c)
            .filter(|x| !used.iter().any(|u| u.id() == x.id()))
            .map(|x| used.push(x))
    };
    for step in &workshop.steps {
        if let Some(id) = step.kind.content_id() {
            want(id);
        }
    }
    if workshop.steps.iter().any(|s| s.kind.offers_instruments()) {
        for c in library.instruments(&workshop.lang) {
            want(c.id());
        }
    }
    for content in used {
        if let Some(file) = source_of(content, library, files) {
            pinned.push(PinnedFile {
                name: format!("{CONTENT}/{}.toml", content.id()),
                bytes: file.bytes.clone(),
            });
        }
    }
    Some(pinned)
}

/// The file `content` was loaded from (a file in ./content may replace a
/// shipped one with the same id: the library knows which one it kept).
fn source_of<'f>(
    content: &Content,
    library: &Library,
    files: &'f [SourceFile],
) -> Option<&'f SourceFile> {
    let path = library.content_path(content.lang(), content.id())?;
    files.iter().rev().find(|f| f.path == path)
}

/// Writes `files` into the session folder `dir`.
pub fn write(dir: &Path, files: &[PinnedFile]) -> Result<(), StorageError> {
    // Written beside, then renamed into place whole: a crash or a full disk
    // half-way leaves no copy (the session falls back to the shipped files),
    // never half a one.
    let root = dir.join(DIR);
    let part = dir.join(format!("{DIR}.part"));
    if part.exists() {
        fs::remove_dir_all(&part).map_err(|e| StorageError::io(&part, e))?;
    }
    create_private_dir(&part.join(CONTENT))?;
    for f in files {
        let path = part.join(&f.name);
        atomic::write(&path, &f.bytes).map_err(|e| StorageError::io(&path, e))?;
    }
    fs::rename(&part, &root).map_err(|e| StorageError::io(&root, e))?;
    atomic::sync_dir(dir).map_err(|e| StorageError::io(dir, e))
}

/// A session's own copy of its workshop, loaded.
pub struct Pinned {
    pub library: Library,
    /// Problems in the copy (someone edited it by hand).
    pub problems: Vec<Problem>,
}

/// The workshop the session in `dir` carries, or `None` for a session written
/// before sessions carried their workshop.
pub fn load(dir: &Path) -> Option<Pinned> {
    let root = dir.join(DIR);
    if !root.is_dir() {
        return None;
    }
    let mut problems = Vec::new();
    // Content first: the workshop's references resolve against it.
    let mut files = Vec::new();
    for folder in [root.join(CONTENT), root] {
        for path in toml_files(&folder) {
            let shown = path.display().to_string();
            match regular::read(&path, MAX_FILE_BYTES) {
                Ok(bytes) => files.push(SourceFile {
                    path: shown,
                    bytes,
                    embedded: false,
                }),
                Err(e) => problems.push(Problem::whole(&shown, format!("the file {e}"))),
            }
        }
    }
    let library = Library::from_files(&files, &mut problems);
    Some(Pinned { library, problems })
}

/// The `.toml` files directly in `folder`, by name.
fn toml_files(folder: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = fs::read_dir(folder)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    paths
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::sources;

    #[test]
    fn a_shipped_workshop_pins_its_file_and_its_content() {
        let (files, problems) = sources(&[]);
        assert!(problems.is_empty());
        let library = Library::from_files(&files, &mut Vec::new());
        let w = library
            .workshop("3-timers-workshop", Some("da"))
            .expect("shipped");
        let pinned = select(w, &library, &files).expect("found");
        assert_eq!(pinned[0].name, "3-timers-workshop.toml");
        let names: Vec<&str> = pinned.iter().map(|f| f.name.as_str()).collect();
        for needed in ["content/ni-raad.toml", "content/nu-og-fremtid.toml"] {
            assert!(names.contains(&needed), "{names:?}");
        }
        // An instrument an advice can add comes along too.
        assert!(names.contains(&"content/modenhedsscan.toml"), "{names:?}");

        let dir = tempfile::tempdir().expect("tempdir");
        write(dir.path(), &pinned).expect("write");
        let loaded = load(dir.path()).expect("pinned");
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        assert_eq!(
            loaded.library.workshop("3-timers-workshop", Some("da")),
            Some(w),
            "the copy loads into the same workshop"
        );
    }

    #[test]
    fn the_copy_arrives_whole_or_not_at_all() {
        let dir = tempfile::tempdir().expect("tempdir");
        // What a crash half-way through an earlier copy left behind.
        create_private_dir(&dir.path().join(format!("{DIR}.part")).join(CONTENT)).expect("part");
        assert!(load(dir.path()).is_none(), "half a copy is no copy");
        let files = [PinnedFile {
            name: "w.toml".into(),
            bytes: b"id = 1".to_vec(),
        }];
        write(dir.path(), &files).expect("write");
        assert!(dir.path().join(DIR).join("w.toml").is_file());
        assert!(!dir.path().join(format!("{DIR}.part")).exists());
    }

    #[test]
    fn a_session_without_a_copy_has_none() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(load(dir.path()).is_none());
    }
}
