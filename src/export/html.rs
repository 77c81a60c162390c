//! The report as one self-contained HTML page: the style inline (`STYLE`),
//! charts as inline SVG, no script, no font, no image and no link to anything
//! outside the file — it opens offline and prints to A4 from any browser.
//! Boards are grids of cards; scales, dilemmas, splits and stages are drawn.
//!
//! Every text from the room or a file goes through `esc`; nothing else is
//! ever written unescaped but the fixed markup and numbers of this module.

use std::fmt::{self, Write};

use super::markdown::Scale;
use super::{NOT_TIMED, Report, ReportWords, STYLE, action_row, minutes, used_minutes};
use crate::exercise::answers::{ActionItem, Area, Card, Reviewed, Text};
use crate::exercise::{Block, StepAnswers};

mod charts;
use charts::{positions, scores, splits, stages};

/// The report as an HTML document.
pub fn render(r: &Report) -> String {
    let mut out = String::with_capacity(STYLE.len() + 8192 + r.steps.len() * 512);
    // Writing into a String cannot fail.
    let _ = document(&mut out, r);
    out
}

fn document(out: &mut String, r: &Report) -> fmt::Result {
    let w = r.words();
    let s = &r.session;
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"{}\">", esc(&s.lang))?;
    writeln!(out, "<head>\n<meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(out, "<title>{} – {}</title>", esc(&r.heading()), r.date())?;
    writeln!(out, "<style>\n{STYLE}</style>\n</head>\n<body>")?;

    writeln!(out, "<header>\n<h1>{}</h1>", esc(&r.heading()))?;
    writeln!(out, "<p class=\"sub\">{} · {}</p>", w.report, esc(&s.title))?;
    writeln!(out, "<dl class=\"facts\">")?;
    if !s.name.is_empty() {
        writeln!(out, "<dt>{}</dt><dd>{}</dd>", w.for_whom, esc(&s.name))?;
    }
    if !s.org.is_empty() {
        writeln!(out, "<dt>{}</dt><dd>{}</dd>", w.organisation, esc(&s.org))?;
    }
    if let Some(n) = s.participants {
        writeln!(out, "<dt>{}</dt><dd>{n}</dd>", w.participants)?;
    }
    writeln!(out, "<dt>{}</dt><dd>{}</dd>", w.date, r.date())?;
    let (start, end) = r.span();
    writeln!(out, "<dt>{}</dt><dd>{start} – {end}</dd>", w.time)?;
    writeln!(
        out,
        "<dt>{}</dt><dd>{} {} {} · {}</dd>",
        w.duration,
        s.planned_minutes,
        w.minutes,
        w.planned.to_lowercase(),
        r.used_phrase(r.used_ms()),
    )?;
    writeln!(out, "</dl>\n</header>")?;

    writeln!(
        out,
        "<section class=\"decisions\">\n<h2>{}</h2>",
        w.decisions
    )?;
    let decisions: Vec<_> = r.decisions().collect();
    if decisions.is_empty() {
        writeln!(out, "<p class=\"empty\">{}</p>", w.no_decisions)?;
    } else {
        let rows = decisions
            .iter()
            .map(|(step, a)| action_row(a, Some(&step.title)));
        table(out, &[w.what, w.who, w.when, w.step], rows)?;
    }
    writeln!(out, "</section>")?;

    if !r.unreviewed().is_empty() {
        writeln!(
            out,
            "<section class=\"review\">\n<h2>{}</h2>\n<p class=\"time\">{}</p>",
            w.from_last, w.review
        )?;
        let rows = r.unreviewed().iter().map(|a| action_row(a, Some(w.status)));
        table(out, &w.reviewed(), rows)?;
        writeln!(out, "</section>")?;
    }
    agenda(out, r)?;
    for (i, step) in r.steps.iter().enumerate() {
        self::step(out, r, i + 1, step)?;
    }
    writeln!(
        out,
        "<footer>{} · {}</footer>\n</body>\n</html>",
        w.made_by,
        esc(&s.id)
    )
}

/// Planned and used minutes per step, with a bar of each.
fn agenda(out: &mut String, r: &Report) -> fmt::Result {
    let w = r.words();
    writeln!(out, "<section class=\"agenda\">\n<h2>{}</h2>", w.agenda)?;
    writeln!(
        out,
        "<table>\n<thead><tr><th class=\"num\">#</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th></th></tr></thead>\n<tbody>",
        w.step, w.planned, w.used
    )?;
    let longest = r
        .steps
        .iter()
        .map(|s| u64::from(s.planned_minutes).max(minutes(s.used_ms)))
        .max()
        .unwrap_or(1)
        .max(1);
    for (i, step) in r.steps.iter().enumerate() {
        let used = minutes(step.used_ms);
        let over = used > u64::from(step.planned_minutes);
        writeln!(
            out,
            "<tr><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{} {m}</td><td class=\"num{}\">{}</td><td class=\"chart\">",
            i + 1,
            esc(&step.title),
            step.planned_minutes,
            if over { " over" } else { "" },
            with_unit(step.used_ms, w),
            m = w.minutes
        )?;
        time_bar(out, u64::from(step.planned_minutes), used, longest)?;
        writeln!(out, "</td></tr>")?;
    }
    writeln!(
        out,
        "<tr><th></th><th>{}</th><th class=\"num\">{} {}</th><th class=\"num\">{}</th><th></th></tr>",
        w.total,
        r.session.planned_minutes,
        w.minutes,
        with_unit(r.used_ms(), w),
    )?;
    writeln!(out, "</tbody>\n</table>")?;
    if r.any_untimed() {
        writeln!(out, "<p class=\"time\">{NOT_TIMED} {}</p>", w.not_timed)?;
    }
    writeln!(out, "</section>")
}

/// "12 min", or "–" when the clock never ran.
fn with_unit(ms: u64, w: &ReportWords) -> String {
    match used_minutes(ms) {
        m if m == NOT_TIMED => m,
        m => format!("{m} {}", w.minutes),
    }
}

/// Two bars: the plan (light) and the time used (dark; warm when over).
fn time_bar(out: &mut String, planned: u64, used: u64, longest: u64) -> fmt::Result {
    const W: f64 = 160.0;
    let x = |m: u64| m as f64 / longest as f64 * W;
    let colour = if used > planned { "#c4572a" } else { "#1f5f8b" };
    write!(
        out,
        "<svg width=\"{W}\" height=\"14\" role=\"img\"><rect x=\"0\" y=\"1\" width=\"{:.1}\" height=\"5\" fill=\"#c9ced6\"/><rect x=\"0\" y=\"8\" width=\"{:.1}\" height=\"5\" fill=\"{colour}\"/></svg>",
        x(planned),
        x(used)
    )
}

fn step(out: &mut String, r: &Report, n: usize, step: &StepAnswers) -> fmt::Result {
    let w = r.words();
    writeln!(
        out,
        "<section class=\"step\" id=\"step-{}\">\n<h2>{n}. {}</h2>",
        esc(&step.id),
        esc(&step.title)
    )?;
    writeln!(
        out,
        "<p class=\"time\">{} {} {} · {}</p>",
        step.planned_minutes,
        w.minutes,
        w.planned.to_lowercase(),
        r.used_phrase(step.used_ms)
    )?;
    for block in &step.blocks {
        match block {
            Block::Texts { fields } => texts(out, fields)?,
            Block::Cards { areas } => board(out, r, areas)?,
            Block::Points { points } => {
                if points.is_empty() {
                    writeln!(out, "<p class=\"empty\">{}</p>", w.nothing)?;
                } else {
                    cards(out, r, points)?;
                }
            }
            Block::Actions { actions } => self::actions(out, r, actions)?,
            Block::Scores { items, spread, .. } => {
                if let Some(scale) = Scale::of(&step.id, block) {
                    scores(out, r, &scale, items, spread)?
                }
            }
            Block::Positions { want, items } => positions(out, r, *want, items)?,
            Block::Splits { categories, units } => splits(out, r, categories, units)?,
            Block::Stages { stages } => self::stages(out, r, stages)?,
            Block::Review { items } => review(out, r, items)?,
        }
    }
    writeln!(out, "</section>")
}

fn texts(out: &mut String, fields: &[Text]) -> fmt::Result {
    let fields: Vec<&Text> = fields.iter().filter(|f| !f.text.is_empty()).collect();
    if fields.is_empty() {
        return Ok(());
    }
    writeln!(out, "<dl class=\"situations\">")?;
    for f in fields {
        writeln!(out, "<dt>{}</dt><dd>{}</dd>", esc(&f.title), esc(&f.text))?;
    }
    writeln!(out, "</dl>")
}

/// The board's areas as a grid of boxes of cards.
fn board(out: &mut String, r: &Report, areas: &[Area]) -> fmt::Result {
    writeln!(out, "<div class=\"board\">")?;
    for area in areas {
        writeln!(
            out,
            "<div class=\"area\"><h3>{} ({})</h3>",
            esc(&area.title),
            area.cards.len()
        )?;
        if area.cards.is_empty() {
            writeln!(out, "<p class=\"empty\">{}</p>", r.words().nothing)?;
        } else {
            cards(out, r, &area.cards)?;
        }
        writeln!(out, "</div>")?;
    }
    writeln!(out, "</div>")
}

/// Cards as a list; the cards of a group in a list under the group's first.
fn cards(out: &mut String, r: &Report, cards: &[Card]) -> fmt::Result {
    writeln!(out, "<ul class=\"cards\">")?;
    let mut i = 0;
    while let Some(c) = cards.get(i) {
        write!(out, "<li class=\"card\">")?;
        votes(out, r, c.votes)?;
        write!(out, "{}", esc(&c.text))?;
        i += 1;
        let members = cards[i..]
            .iter()
            .take_while(|m| m.group == Some(c.id) && m.id != c.id)
            .count();
        if members > 0 {
            write!(out, "<ul class=\"cards\">")?;
            for m in &cards[i..i + members] {
                write!(out, "<li class=\"card\">")?;
                votes(out, r, m.votes)?;
                write!(out, "{}</li>", esc(&m.text))?;
            }
            write!(out, "</ul>")?;
            i += members;
        }
        writeln!(out, "</li>")?;
    }
    writeln!(out, "</ul>")
}

fn votes(out: &mut String, r: &Report, votes: u32) -> fmt::Result {
    if votes > 0 {
        write!(
            out,
            "<span class=\"votes\" title=\"{}\">{votes}</span>",
            r.words().votes(votes)
        )?;
    }
    Ok(())
}

/// The actions from last time and what became of each.
fn review(out: &mut String, r: &Report, items: &[Reviewed]) -> fmt::Result {
    let w = r.words();
    let rows = items.iter().map(|i| super::review_row(r, i));
    table(out, &w.reviewed(), rows)
}

fn actions(out: &mut String, r: &Report, actions: &[ActionItem]) -> fmt::Result {
    let w = r.words();
    if actions.is_empty() {
        return writeln!(out, "<p class=\"empty\">{}</p>", w.nothing);
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
    write!(out, "<table>\n<thead><tr>")?;
    for h in head {
        write!(out, "<th>{}</th>", esc(h))?;
    }
    writeln!(out, "</tr></thead>\n<tbody>")?;
    for row in rows {
        write!(out, "<tr>")?;
        for c in row {
            write!(out, "<td>{}</td>", esc(&c))?;
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody>\n</table>")
}

/// `s` with the five characters that HTML reads as markup written as
/// entities; safe in text and in quoted attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters have no place in a report; a newline reads as a space.
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn markup_becomes_entities() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"citat\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;citat&quot;"
        );
        assert_eq!(esc("æøå"), "æøå");
    }
}
