//! The workshop a command names — a shipped id, an id in ./workshops, or the
//! path of a file — loaded together with the files it was read from, for the
//! commands that need more than the workshop: `run` copies the files into the
//! session, `new` edits the workshop's text, `guide` prints it.

use std::path::Path;

use anyhow::bail;

use super::warn;
use crate::content::{self, Library, Problem, SourceFile, Workshop};
use crate::i18n::{self, fill};

/// A workshop found by name, with everything it was loaded from.
pub struct Picked {
    pub library: Library,
    pub files: Vec<SourceFile>,
    pub workshop: Workshop,
}

impl Picked {
    /// The file the workshop was read from.
    pub fn source(&self) -> Option<&SourceFile> {
        let w = &self.workshop;
        let path = self.library.workshop_path(&w.lang, &w.id)?;
        self.files.iter().find(|f| f.path == path)
    }
}

/// Why a named workshop did not load: the message, and the problems of its
/// file when it was a file.
pub struct NotLoaded {
    pub message: String,
    pub problems: Vec<Problem>,
}

/// The workshop `name` (a path to a file, else an id) in `lang` if given.
/// Problems of other files are warnings; a workshop file that does not load
/// prints its problems and fails, said in `lang`, else Danish (there is no
/// workshop to take the language from).
pub fn workshop(name: &str, lang: Option<&str>) -> anyhow::Result<Picked> {
    match load(name, lang) {
        Ok((picked, warnings)) => {
            warn(&warnings);
            Ok(picked)
        }
        Err(e) => {
            for p in &e.problems {
                eprintln!("{p}");
            }
            bail!("{}", e.message)
        }
    }
}

/// `workshop` without printing: the workshop and the problems of other
/// files, or why it did not load.
pub fn load(name: &str, lang: Option<&str>) -> Result<(Picked, Vec<Problem>), NotLoaded> {
    let as_path = Path::new(name);
    let is_file = as_path.is_file();
    // The file is loaded with the rest, so its references resolve.
    let extra = if is_file {
        vec![as_path.to_path_buf()]
    } else {
        Vec::new()
    };
    let (files, mut problems) = content::sources(&extra);
    let library = Library::from_files(&files, &mut problems);
    let words = i18n::chosen(lang);
    let found = if is_file {
        let shown = as_path.display().to_string();
        let Some(w) = library.workshop_at(&shown) else {
            return Err(NotLoaded {
                message: fill(words.not_a_workshop_file, &[("path", &shown)]),
                problems,
            });
        };
        w
    } else {
        match library.workshop(name, lang) {
            Some(w) => w,
            None => {
                let known: Vec<String> = library
                    .workshops(lang.unwrap_or(i18n::DEFAULT_LANG))
                    .map(|w| w.id.clone())
                    .collect();
                let message = fill(
                    words.no_workshop,
                    &[
                        ("workshop", &format!("{name:?}")),
                        ("known", &known.join(", ")),
                    ],
                );
                return Err(NotLoaded {
                    message,
                    problems: Vec::new(),
                });
            }
        }
    };
    let workshop = found.clone();
    Ok((
        Picked {
            library,
            files,
            workshop,
        },
        problems,
    ))
}
