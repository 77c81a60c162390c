//! `flipover sessions`: the sessions in the data folder, newest first.

use super::Ctx;
use crate::storage;

/// Lists id, workshop, date, progress and the number of answers.
pub fn run(ctx: &Ctx) {
    let list = storage::list(&ctx.root);
    if list.is_empty() {
        println!("no sessions yet in {}", ctx.root.display());
        return;
    }
    println!(
        "{:<42} {:<20} {:<17} {:<6} ANSWERS",
        "ID", "WORKSHOP", "CREATED", "STEP"
    );
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
            .workshop_of(&s.session)
            .and_then(|w| {
                let at = w.steps.iter().position(|st| st.id == s.session.step)?;
                Some(format!("{}/{}", at + 1, w.steps.len()))
            })
            .unwrap_or_else(|| s.session.step.clone());
        println!(
            "{:<42} {:<20} {:<17} {:<6} {}",
            meta.id,
            meta.workshop,
            created,
            progress,
            s.session.item_count()
        );
    }
}
