//! commands::lang: which language a message of the command line is in, in
//! one place. A message about one session is in the language the session is
//! shown in: the `--lang` given, else the session's own. Any other message
//! follows `--lang`, else Danish. Storage's errors are said here in that
//! language; the ones that quote the system (a disk error) keep its words.

use std::path::{Path, PathBuf};

use super::Ctx;
use crate::i18n::{self, Words, fill};
use crate::session::{Live, Meta, Session};
use crate::storage::{self, Loaded, SessionStore, StorageError};

impl Ctx {
    /// The words of a message about no one session.
    pub fn words(&self) -> &'static Words {
        i18n::chosen(self.lang)
    }

    /// The words of a message about the session `meta` describes.
    pub fn words_for(&self, meta: &Meta) -> &'static Words {
        i18n::words(self.lang.unwrap_or(&meta.lang))
    }

    /// The words of a message about the session in `dir`, read for its
    /// language (a folder that cannot be read has none: `words`).
    pub fn words_in(&self, dir: &Path) -> &'static Words {
        match storage::read(dir) {
            Ok(loaded) => self.words_for(&loaded.session.meta),
            Err(_) => self.words(),
        }
    }

    /// The folder of session `id` (see `storage::find`); not found is said in
    /// `words`, since no session was found to say it in.
    pub fn find(&self, id: Option<&str>) -> anyhow::Result<PathBuf> {
        storage::find(&self.root, id).map_err(|e| said(e, self.words()))
    }

    /// The session in `dir`, read without its lock; a folder that cannot be
    /// read is said in `words`.
    pub fn read(&self, dir: &Path) -> anyhow::Result<Loaded> {
        storage::read(dir).map_err(|e| said(e, self.words()))
    }

    /// The session in `dir`, opened and locked; one open elsewhere is
    /// refused in its own language.
    pub fn open(&self, dir: &Path) -> anyhow::Result<(SessionStore, Session, Option<Live>)> {
        SessionStore::open(dir).map_err(|e| said(e, self.words_in(dir)))
    }
}

/// `e` in the language of `w`. The errors that quote the system or a parser
/// (a disk error, a file that is not TOML) are for whoever repairs the
/// folder, and stay as they are.
pub fn said(e: StorageError, w: &Words) -> anyhow::Error {
    use StorageError as E;
    let text = match &e {
        E::Locked { session, holder } => {
            fill(w.already_open, &[("session", session), ("holder", holder)])
        }
        E::NotFound(query) => fill(w.no_session, &[("session", &format!("{query:?}"))]),
        E::NoSessions(dir) => fill(w.no_sessions_yet, &[("dir", &dir.display())]),
        E::Ambiguous { query, fits } => fill(
            w.fits_several,
            &[("query", &format!("{query:?}")), ("fits", fits)],
        ),
        E::Damaged { id, reason } => {
            fill(w.session_damaged, &[("session", id), ("reason", reason)])
        }
        E::Corrupt { path, line } => {
            fill(w.journal_line, &[("path", &path.display()), ("line", line)])
        }
        E::Io { .. } | E::Unreadable { .. } | E::BadFile { .. } | E::Encode(_) => {
            return e.into();
        }
    };
    anyhow::Error::msg(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_session_is_said_in_the_language_asked() {
        let e = || StorageError::NotFound("Team Ærø".into());
        assert_eq!(
            said(e(), &i18n::DA).to_string(),
            "ingen session \"Team Ærø\" (se `flipover sessions`)"
        );
        assert_eq!(
            said(e(), &i18n::EN).to_string(),
            "no session \"Team Ærø\" (see `flipover sessions`)"
        );
    }
}
