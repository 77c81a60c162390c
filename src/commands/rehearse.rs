//! Rehearsing a workshop file (`flipover run FILE --rehearse`): the file is
//! looked at on every tick of the console; when an editor saves it, it is
//! loaded again and the console shows it (`App::reload`); when it no longer
//! loads, the console keeps the last good version and says why, again every
//! little while until the file is fixed.

use std::path::PathBuf;
use std::time::SystemTime;

use super::pick;
use crate::app::App;
use crate::runtime::Watch;
use crate::session::Millis;

/// How often a file that still does not load is said to again.
const REMIND_MS: Millis = 10_000;

/// A rehearsed workshop file.
pub struct FileWatch {
    path: PathBuf,
    lang: Option<&'static str>,
    /// The file's size and time when last read.
    seen: Option<(u64, SystemTime)>,
    /// What is wrong with the file, and when it was last said.
    broken: Option<(String, Millis)>,
}

impl FileWatch {
    /// Watches `path` from now on (as it is now, it is already on screen).
    pub fn new(path: PathBuf, lang: Option<&'static str>) -> Self {
        let seen = signature(&path);
        FileWatch {
            path,
            lang,
            seen,
            broken: None,
        }
    }
}

fn signature(path: &std::path::Path) -> Option<(u64, SystemTime)> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.len(), m.modified().ok()?))
}

impl Watch for FileWatch {
    fn poll(&mut self, app: &mut App, now: Millis) {
        let now_sig = signature(&self.path);
        if now_sig == self.seen {
            if let Some((problem, said)) = &mut self.broken
                && now.saturating_sub(*said) >= REMIND_MS
            {
                *said = now;
                app.reload_failed(problem.clone(), now);
            }
            return;
        }
        self.seen = now_sig;
        let name = self.path.display().to_string();
        match pick::load(&name, self.lang) {
            Ok((picked, _)) => {
                self.broken = None;
                let instruments = picked
                    .library
                    .instruments(&picked.workshop.lang)
                    .cloned()
                    .collect();
                app.reload(&picked.workshop, instruments, now);
            }
            Err(e) => {
                let problem = e
                    .problems
                    .iter()
                    .find(|p| p.path == name)
                    .or(e.problems.first())
                    .map_or(e.message, |p| p.headline());
                self.broken = Some((problem.clone(), now));
                app.reload_failed(problem, now);
            }
        }
    }
}
