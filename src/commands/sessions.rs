//! `flipover sessions`: the sessions in the data folder, newest first, and
//! the ones that cannot be read, with why. Everything printed comes from files
//! and goes through `text::clean`.

use std::fmt::Write as _;
use std::io::Write as _;

use super::Ctx;
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
    let mut out = String::new();
    if list.is_empty() && damaged.is_empty() {
        let _ = writeln!(out, "no sessions yet in {}", ctx.root.display());
    }
    if !list.is_empty() {
        let _ = writeln!(
            out,
            "{:<42} {:<20} {:<20} {:<17} {:<6} ANSWERS",
            "ID", "NAME", "WORKSHOP", "CREATED", "STEP"
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
        let _ = writeln!(
            out,
            "{:<42} {:<20} {:<20} {:<17} {:<6} {}{}",
            clean(&meta.id),
            clean(&meta.name),
            clean(&meta.workshop),
            clean(&created),
            clean(&progress),
            s.session.answer_count(),
            if meta.archived { "  (archived)" } else { "" }
        );
    }
    if archived > 0 && !all {
        let _ = writeln!(out, "({archived} archived: flipover sessions --all)");
    }
    for d in damaged {
        let _ = writeln!(out, "{:<42} DAMAGED: {}", clean(&d.id), clean(&d.reason));
    }
    // A closed pipe (`| head -1`) or terminal ends the listing, not in a panic.
    let _ = std::io::stdout().write_all(out.as_bytes());
}
