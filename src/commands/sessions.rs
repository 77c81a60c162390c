//! `flipover sessions`: the sessions in the data folder, newest first, and
//! the ones that cannot be read, with why. Everything printed comes from files
//! and goes through `text::clean`. The listing is about no one session, so
//! it is in `--lang`, else Danish.

use std::fmt::Write as _;
use std::io::Write as _;

use super::Ctx;
use crate::i18n::fill;
use crate::storage;
use crate::text::clean;

/// Lists id, name, workshop, date, progress and the number of answers;
/// archived sessions only with `all` (marked so).
pub fn run(ctx: &Ctx, all: bool) {
    let (mut list, damaged) = storage::scan(&ctx.root);
    let archived = list.iter().filter(|s| s.session.meta.archived).count();
    if !all {
        list.retain(|s| !s.session.meta.archived);
    }
    let w = ctx.words();
    let mut out = String::new();
    if list.is_empty() && damaged.is_empty() {
        let dir = ctx.root.display();
        let _ = writeln!(out, "{}", fill(w.no_sessions_yet, &[("dir", &dir)]));
    }
    if !list.is_empty() {
        let [id, name, workshop, created, step, answers] = w.columns;
        let _ = writeln!(
            out,
            "{id:<42} {name:<20} {workshop:<20} {created:<17} {step:<6} {answers}"
        );
    }
    for s in list {
        let meta = &s.session.meta;
        let created = meta
            .created
            .parse::<jiff::Timestamp>()
            .map(|t| {
                t.to_zoned_datetime(jiff::tz::TimeZone::system())
                    .strftime("%Y-%m-%d %H:%M")
                    .to_string()
            })
            .unwrap_or_else(|_| meta.created.clone());
        let progress = ctx
            .workshop_of(&s.dir, &s.session)
            .ok()
            .and_then(|(w, _)| {
                let at = w.steps.iter().position(|st| st.id == s.session.step)?;
                Some(format!("{}/{}", at + 1, w.steps.len()))
            })
            .unwrap_or_else(|| "–".to_string());
        let mark = if meta.archived {
            format!("  {}", w.archived_mark)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "{:<42} {:<20} {:<20} {:<17} {:<6} {}{}",
            clean(&meta.id),
            clean(&meta.name),
            clean(&meta.workshop),
            clean(&created),
            clean(&progress),
            s.session.answer_count(),
            mark,
        );
    }
    if archived > 0 && !all {
        let _ = writeln!(out, "{}", fill(w.archived_hidden, &[("count", &archived)]));
    }
    for d in damaged {
        let (id, reason) = (clean(&d.id), clean(&d.reason));
        let _ = writeln!(out, "{id:<42} {}: {reason}", w.damaged_mark);
    }
    // A closed pipe (`| head -1`) or terminal ends the listing, not in a panic.
    let _ = std::io::stdout().write_all(out.as_bytes());
}
