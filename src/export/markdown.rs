//! The report as Markdown (CommonMark with GitHub's tables): the session's
//! facts, the decisions, the agenda with planned and used time, then every
//! step with what it collected. Every text from the room or a file is escaped,
//! so it reads as written and never turns into markup (a card saying
//! `<script>` stays those characters in any Markdown viewer).

use std::fmt::{self, Write};

use super::{NOT_TIMED, Report, ReportWords, action_row, short, used_minutes};
use crate::exercise::answers::{
    ActionItem, Area, Card, Label, Position, Reviewed, Score, Spread, StageMarks, Text, UnitSplit,
    off_by,
};
use crate::exercise::{Block, StepAnswers};

/// The report as one Markdown document.
pub fn render(r: &Report) -> String {
    let mut out = String::with_capacity(4096 + r.steps.len() * 256);
    // Writing into a String cannot fail.
    let _ = document(&mut out, r);
    out
}

fn document(out: &mut String, r: &Report) -> fmt::Result {
    let w = r.words();
    let s = &r.session;
    writeln!(out, "# {}\n", esc(&r.heading()))?;
    writeln!(out, "{} · {}\n", w.report, esc(&s.title))?;
    if !s.name.is_empty() {
        writeln!(out, "- **{}:** {}", w.for_whom, esc(&s.name))?;
    }
    if !s.org.is_empty() {
        writeln!(out, "- **{}:** {}", w.organisation, esc(&s.org))?;
    }
    if let Some(n) = s.participants {
        writeln!(out, "- **{}:** {n}", w.participants)?;
    }
    writeln!(out, "- **{}:** {}", w.date, r.date())?;
    let (start, end) = r.span();
    writeln!(out, "- **{}:** {start} · **{}:** {end}", w.start, w.end)?;
    writeln!(
        out,
        "- **{}:** {} {} {} · {}\n",
        w.time,
        s.planned_minutes,
        w.minutes,
        w.planned.to_lowercase(),
        r.used_phrase(r.used_ms())
    )?;

    writeln!(out, "## {}\n", w.decisions)?;
    let decisions: Vec<_> = r.decisions().collect();
    if decisions.is_empty() {
        writeln!(out, "_{}_\n", w.no_decisions)?;
    } else {
        let rows = decisions
            .iter()
            .map(|(step, a)| action_row(a, Some(&step.title)));
        table(out, &[w.what, w.who, w.when, w.step], rows)?;
    }

    if !r.unreviewed().is_empty() {
        writeln!(out, "## {}\n\n_{}_\n", w.from_last, w.review)?;
        let rows = r.unreviewed().iter().map(|a| action_row(a, Some(w.status)));
        table(out, &w.reviewed(), rows)?;
    }

    writeln!(out, "## {}\n", w.agenda)?;
    writeln!(
        out,
        "| # | {} | {} ({}) | {} ({}) |",
        w.step, w.planned, w.minutes, w.used, w.minutes
    )?;
    writeln!(out, "| ---: | --- | ---: | ---: |")?;
    for (i, step) in r.steps.iter().enumerate() {
        writeln!(
            out,
            "| {} | {} | {} | {} |",
            i + 1,
            esc(&step.title),
            step.planned_minutes,
            used_minutes(step.used_ms)
        )?;
    }
    writeln!(
        out,
        "| | **{}** | **{}** | **{}** |\n",
        w.total,
        s.planned_minutes,
        used_minutes(r.used_ms())
    )?;
    if r.any_untimed() {
        writeln!(out, "_{NOT_TIMED} {}_\n", w.not_timed)?;
    }

    for (i, step) in r.steps.iter().enumerate() {
        self::step(out, r, i + 1, step)?;
    }
    writeln!(out, "---\n\n_{} · {}_", w.made_by, esc(&s.id))
}

fn step(out: &mut String, r: &Report, n: usize, step: &StepAnswers) -> fmt::Result {
    let w = r.words();
    writeln!(out, "## {n}. {}\n", esc(&step.title))?;
    writeln!(
        out,
        "_{} {} {} · {}_\n",
        step.planned_minutes,
        w.minutes,
        w.planned.to_lowercase(),
        r.used_phrase(step.used_ms)
    )?;
    for block in &step.blocks {
        match block {
            Block::Texts { fields } => texts(out, fields)?,
            Block::Cards { areas } => cards(out, w, areas)?,
            Block::Points { points } => list(out, w, points)?,
            Block::Actions { actions } => self::actions(out, w, actions)?,
            Block::Scores { items, spread, .. } => {
                if let Some(scale) = Scale::of(&step.id, block) {
                    scores(out, r, &scale, items, spread)?
                }
            }
            Block::Positions { want, items } => positions(out, w, *want, items)?,
            Block::Splits { categories, units } => splits(out, r, categories, units)?,
            Block::Stages { stages } => self::stages(out, w, stages)?,
            Block::Review { items } => review(out, r, items)?,
        }
    }
    Ok(())
}

fn texts(out: &mut String, fields: &[Text]) -> fmt::Result {
    let fields: Vec<&Text> = fields.iter().filter(|f| !f.text.is_empty()).collect();
    for f in &fields {
        writeln!(out, "- **{}:** {}", esc(&f.title), esc(&f.text))?;
    }
    if !fields.is_empty() {
        out.push('\n');
    }
    Ok(())
}

fn cards(out: &mut String, w: &ReportWords, areas: &[Area]) -> fmt::Result {
    for area in areas {
        writeln!(out, "### {} ({})\n", esc(&area.title), area.cards.len())?;
        list(out, w, &area.cards)?;
    }
    Ok(())
}

/// Cards or points as a list; a grouped card sits under its group's first.
fn list(out: &mut String, w: &ReportWords, cards: &[Card]) -> fmt::Result {
    if cards.is_empty() {
        return writeln!(out, "_{}_\n", w.nothing);
    }
    for c in cards {
        let indent = if c.group.is_some_and(|g| g != c.id) {
            "  "
        } else {
            ""
        };
        write!(out, "{indent}- {}", esc(&c.text))?;
        if c.votes > 0 {
            write!(out, " ({})", w.votes(c.votes))?;
        }
        out.push('\n');
    }
    out.push('\n');
    Ok(())
}

/// The actions from last time and what became of each.
fn review(out: &mut String, r: &Report, items: &[Reviewed]) -> fmt::Result {
    let w = r.words();
    let rows = items.iter().map(|i| super::review_row(r, i));
    table(out, &w.reviewed(), rows)
}

fn actions(out: &mut String, w: &ReportWords, actions: &[ActionItem]) -> fmt::Result {
    if actions.is_empty() {
        return writeln!(out, "_{}_\n", w.nothing);
    }
    let rows = actions.iter().map(|a| action_row(a, None));
    table(out, &[w.what, w.who, w.when], rows)
}

/// A table: the header, and each row's cells escaped.
fn table(
    out: &mut String,
    head: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
) -> fmt::Result {
    writeln!(out, "| {} |", head.join(" | "))?;
    writeln!(out, "|{}", " --- |".repeat(head.len()))?;
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| esc(c)).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    out.push('\n');
    Ok(())
}

/// What a scores block is rated on: its step (for the series' trend), its
/// range and what the ends mean, and whether the room voted.
pub struct Scale<'a> {
    pub step: &'a str,
    pub range: (u8, u8),
    pub poles: (&'a str, &'a str),
    pub votes: bool,
}

impl<'a> Scale<'a> {
    /// The scale of a scores block on step `step` (`None` for other blocks).
    pub fn of(step: &'a str, block: &'a Block) -> Option<Self> {
        let Block::Scores {
            min,
            max,
            low,
            high,
            votes,
            ..
        } = block
        else {
            return None;
        };
        Some(Scale {
            step,
            range: (*min, *max),
            poles: (low, high),
            votes: *votes,
        })
    }
}

/// The earlier values of an item, oldest first, as "3 → 3,5" ("" when it
/// was never rated before).
pub fn before(r: &Report, step: &str, item: &str) -> String {
    let trend = r.trend(step, item);
    if trend.iter().all(Option::is_none) {
        return String::new();
    }
    trend
        .iter()
        .map(|v| v.map_or_else(|| "–".to_string(), |v| short(v, &r.session.lang)))
        .collect::<Vec<_>>()
        .join(" → ")
}

fn scores(
    out: &mut String,
    r: &Report,
    scale: &Scale,
    items: &[Score],
    spread: &Option<Spread>,
) -> fmt::Result {
    let w = r.words();
    let ((min, max), (low, high), votes) = (scale.range, scale.poles, scale.votes);
    let series = !r.series.earlier.is_empty();
    let before_head = if series {
        format!(" {} |", w.before)
    } else {
        String::new()
    };
    let before_rule = if series { " :---: |" } else { "" };
    let before = |item: &Score| {
        if series {
            format!(" {} |", before(r, scale.step, &item.id))
        } else {
            String::new()
        }
    };
    writeln!(
        out,
        "{}: {min} = {} … {max} = {}\n",
        w.scale,
        esc(low),
        esc(high)
    )?;
    if votes {
        write!(out, "| {} |", w.item)?;
        for v in min..=max {
            write!(out, " {v} |")?;
        }
        writeln!(out, " {} | {} |{before_head} {} |", w.mean, w.range, w.note)?;
        write!(out, "| --- |")?;
        for _ in min..=max {
            write!(out, " ---: |")?;
        }
        writeln!(out, " ---: | :---: |{before_rule} --- |")?;
        for item in items {
            write!(out, "| {} |", esc(&item.title))?;
            for i in 0..=usize::from(max - min) {
                write!(out, " {} |", item.counts.get(i).copied().unwrap_or(0))?;
            }
            match &item.spread {
                Some(s) => write!(out, " {} | {}–{} |", r.decimal(s.mean), s.low, s.high)?,
                None => write!(out, " – | – |")?,
            }
            write!(out, "{}", before(item))?;
            writeln!(out, " {} |", esc(item.note.as_deref().unwrap_or("")))?;
        }
    } else {
        writeln!(
            out,
            "| {} | {} |{before_head} {} |",
            w.item, w.score, w.note
        )?;
        writeln!(out, "| --- | :---: |{before_rule} --- |")?;
        for item in items {
            let score = item
                .score
                .map_or_else(|| w.not_set.to_string(), |s| s.to_string());
            writeln!(
                out,
                "| {} | {score} |{} {} |",
                esc(&item.title),
                before(item),
                esc(item.note.as_deref().unwrap_or(""))
            )?;
        }
    }
    out.push('\n');
    if let Some(s) = spread {
        let dist: Vec<String> = s
            .distribution
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{}: {c}", i + usize::from(min)))
            .collect();
        writeln!(
            out,
            "{} **{}** · {} {}–{} · {} {}\n",
            w.mean,
            r.decimal(s.mean),
            w.range.to_lowercase(),
            s.low,
            s.high,
            w.distribution.to_lowercase(),
            dist.join(", ")
        )?;
    }
    Ok(())
}

fn positions(out: &mut String, w: &ReportWords, want: bool, items: &[Position]) -> fmt::Result {
    let value = |v: Option<i64>| v.map_or_else(|| "–".to_string(), |v| v.to_string());
    if want {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            w.dilemma, w.left, w.now, w.want, w.right
        )?;
        writeln!(out, "| --- | --- | :---: | :---: | --- |")?;
    } else {
        writeln!(
            out,
            "| {} | {} | {} | {} |",
            w.dilemma, w.left, w.now, w.right
        )?;
        writeln!(out, "| --- | --- | :---: | --- |")?;
    }
    for p in items {
        write!(
            out,
            "| {} | {} | {} |",
            esc(&p.question),
            esc(&p.left),
            value(p.now)
        )?;
        if want {
            write!(out, " {} |", value(p.want))?;
        }
        writeln!(out, " {} |", esc(&p.right))?;
    }
    writeln!(
        out,
        "\n_1 = {} … 5 = {}_\n",
        w.left.to_lowercase(),
        w.right.to_lowercase()
    )
}

fn splits(out: &mut String, r: &Report, categories: &[Label], units: &[UnitSplit]) -> fmt::Result {
    let w = r.words();
    write!(out, "| {} |", w.unit)?;
    for c in categories {
        write!(out, " {} |", esc(&c.title))?;
    }
    write!(out, " {} |\n| --- |", w.total)?;
    for _ in 0..=categories.len() {
        write!(out, " ---: |")?;
    }
    out.push('\n');
    for u in units {
        write!(out, "| {} |", esc(&u.title))?;
        for (p, rest) in u.percents.iter().zip(&u.rest) {
            write!(out, " {} |", split_cell(r, *p, *rest))?;
        }
        match (u.total, split_total(r, u.total)) {
            (Some(t), total) if t != 100 => writeln!(out, " **{total}** |")?,
            (_, total) => writeln!(out, " {total} |")?,
        }
    }
    if has_rest(units) {
        writeln!(out, "\n_{}_", w.rest_note)?;
    }
    out.push('\n');
    Ok(())
}

/// Whether any unit shows a share of the rest (so the report says what the
/// brackets mean).
pub fn has_rest(units: &[UnitSplit]) -> bool {
    units.iter().any(|u| u.rest.iter().any(Option::is_some))
}

/// A split's cell: the per cent the room set, "(15 %)" for a share of the
/// rest, "–" while nothing is set.
pub fn split_cell(r: &Report, set: Option<i64>, rest: Option<i64>) -> String {
    match (set, rest) {
        (Some(p), _) => percent(r, p),
        (None, Some(p)) => format!("({})", percent(r, p)),
        (None, None) => "–".into(),
    }
}

/// A split's total as it is, never corrected: "100 %", "105 % – 5 for
/// meget"; "–" while nothing is set.
pub fn split_total(r: &Report, total: Option<i64>) -> String {
    let Some(t) = total else {
        return "–".into();
    };
    match off_by(t, crate::i18n::words(&r.session.lang)) {
        Some(off) => format!("{} – {off}", percent(r, t)),
        None => percent(r, t),
    }
}

/// A percentage as written in the report's language.
pub fn percent(r: &Report, p: i64) -> String {
    if r.session.lang == "en" {
        format!("{p}%")
    } else {
        format!("{p} %")
    }
}

fn stages(out: &mut String, w: &ReportWords, stages: &[StageMarks]) -> fmt::Result {
    let note = |s: &StageMarks| esc(s.note.as_deref().unwrap_or(""));
    if stages.iter().all(|s| s.marks.is_none()) {
        // A case: its points and what the room noted.
        writeln!(out, "| {} | {} |\n| --- | --- |", w.point, w.note)?;
        for s in stages {
            writeln!(out, "| {} | {} |", esc(&s.title), note(s))?;
        }
    } else {
        writeln!(out, "| {} | {} | {} |", w.stage, w.marks, w.note)?;
        writeln!(out, "| --- | ---: | --- |")?;
        for s in stages {
            let marks = s.marks.unwrap_or(0);
            writeln!(out, "| {} | {marks} | {} |", esc(&s.title), note(s))?;
        }
    }
    out.push('\n');
    Ok(())
}

/// `s` on one line, with every character that Markdown (or the HTML it may
/// contain) would read as markup escaped by a backslash.
pub fn esc(s: &str) -> String {
    let line = crate::text::one_line(s);
    let mut out = String::with_capacity(line.len() + 8);
    // A line that starts "12." or "12)" or "-" would become a list.
    let mut leading_digits = true;
    for (i, c) in line.chars().enumerate() {
        let starts_list = (i == 0 && matches!(c, '-' | '+' | '='))
            || (leading_digits && i > 0 && matches!(c, '.' | ')'));
        if starts_list
            || matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '&' | '~' | '!'
            )
        {
            out.push('\\');
        }
        leading_digits = leading_digits && c.is_ascii_digit();
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn markup_in_the_room_s_words_is_escaped() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"citat\""),
            "\\<script\\>alert('x')\\</script\\> \\& \"citat\""
        );
        assert_eq!(esc("a | b"), "a \\| b");
        assert_eq!(esc("12. maj"), "12\\. maj");
        assert_eq!(esc("- punkt"), "\\- punkt");
        assert_eq!(esc("Kl. 12.30"), "Kl. 12.30", "an ordinary full stop stays");
        assert_eq!(esc("to\nlinjer"), "to linjer");
        assert_eq!(esc("æøå"), "æøå");
    }
}
