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
use unicode_width::UnicodeWidthStr;

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
    // Columns as wide as their widest cell, by display width (a long name or
    // a name with wide characters does not push the rest out of line).
    let mut rows: Vec<[String; 6]> = Vec::new();
    if !list.is_empty() {
        rows.push(w.columns.map(str::to_string));
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
        rows.push([
            clean(&meta.id).into_owned(),
            clean(&meta.name).into_owned(),
            clean(&meta.workshop).into_owned(),
            clean(&created).into_owned(),
            clean(&progress).into_owned(),
            format!("{}{mark}", s.session.answer_count()),
        ]);
    }
    let widths: Vec<usize> = (0..6)
        .map(|c| rows.iter().map(|r| r[c].width()).max().unwrap_or(0))
        .collect();
    for row in &rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if c + 1 < row.len() {
                line.push_str(&" ".repeat(widths[c] - cell.width() + 1));
            }
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    if archived > 0 && !all {
        let _ = writeln!(out, "{}", fill(w.archived_hidden, &[("count", &archived)]));
    }
    for d in damaged {
        let (id, reason) = (clean(&d.id), clean(&d.reason));
        let pad = " ".repeat(widths[0].saturating_sub(id.width()) + 1);
        let _ = writeln!(out, "{id}{pad}{}: {reason}", w.damaged_mark);
    }
    // A closed pipe (`| head -1`) or terminal ends the listing, not in a panic.
    let _ = std::io::stdout().write_all(out.as_bytes());
}
