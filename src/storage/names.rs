//! Sessions found by what people call them: the name given at start (a team,
//! a client) or the beginning of an id or a name. The sessions of one name are
//! a series, so a name finds its newest session; a beginning must fit one
//! session or one series.

use std::path::PathBuf;

use super::{StorageError, Summary};

/// The folder of the session `query` names, among `sessions` (newest first).
pub fn resolve(sessions: &[Summary], query: &str) -> Result<PathBuf, StorageError> {
    let q = crate::session::name_key(query);
    if q.is_empty() {
        return Err(StorageError::NotFound(query.to_string()));
    }
    let name = |s: &Summary| crate::session::name_key(&s.session.meta.name);
    if let Some(s) = sessions.iter().find(|s| name(s) == q) {
        return Ok(s.dir.clone());
    }
    let fits: Vec<&Summary> = sessions
        .iter()
        .filter(|s| s.session.meta.id.to_lowercase().starts_with(&q) || name(s).starts_with(&q))
        .collect();
    // One series (one name) counts as one answer: its newest session.
    let mut kinds: Vec<String> = fits
        .iter()
        .map(|s| match name(s) {
            n if n.is_empty() => format!("id {}", s.session.meta.id),
            n => format!("name {n}"),
        })
        .collect();
    kinds.sort();
    kinds.dedup();
    match (fits.first(), kinds.len()) {
        (Some(s), 1) => Ok(s.dir.clone()),
        (None, _) => Err(StorageError::NotFound(query.to_string())),
        _ => Err(StorageError::Ambiguous {
            query: query.to_string(),
            fits: fits
                .iter()
                .map(|s| s.session.meta.label().to_string())
                .collect::<Vec<_>>()
                .join(", "),
        }),
    }
}
