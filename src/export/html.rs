//! The report as one self-contained HTML page: the style inline (`STYLE`),
//! charts as inline SVG, no script, no font, no image and no link to anything
//! outside the file — it opens offline and prints to A4 from any browser.
//! Boards are grids of cards; scales, dilemmas, splits and stages are drawn.
//!
//! Every text from the room or a file goes through `esc`; nothing else is
//! ever written unescaped but the fixed markup and numbers of this module.

use std::fmt::{self, Write};

use super::markdown::{Scale, before, has_rest, split_cell, split_total};
use super::{NOT_TIMED, Report, ReportWords, STYLE, action_row, minutes, used_minutes};
use crate::exercise::answers::{
    ActionItem, Area, Card, Label, Position, Reviewed, Score, Spread, StageMarks, Text, UnitSplit,
};
use crate::exercise::{Block, StepAnswers};

/// Colours of the categories of a split, in order; chosen to stay apart in
/// grey print too.
const PALETTE: [&str; 8] = [
    "#1f5f8b", "#e08a3c", "#3a9d5d", "#b8405e", "#7a5ca8", "#8c8c3e", "#4aa3c8", "#6b4f3a",
];

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
    let at = |t: &Option<String>, missing: &str| {
        t.as_deref()
            .map_or_else(|| missing.to_string(), |t| r.clock(t))
    };
    writeln!(
        out,
        "<dt>{}</dt><dd>{} – {}</dd>",
        w.time,
        at(&s.started, w.not_started),
        at(&s.ended, w.not_ended)
    )?;
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
        table(out, &[w.what, w.who, w.when, ""], rows)?;
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
        w.time,
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
    table(out, &[w.what, w.who, w.when, ""], rows)
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

/// Width and padding of a value axis from `min` to `max`.
const AXIS_W: f64 = 220.0;
const AXIS_PAD: f64 = 12.0;

fn axis_x(v: f64, min: u8, max: u8) -> f64 {
    let span = f64::from(max.saturating_sub(min)).max(1.0);
    AXIS_PAD + (v - f64::from(min)) / span * (AXIS_W - 2.0 * AXIS_PAD)
}

/// The axis: a line with a tick and its number at every value.
fn axis(out: &mut String, min: u8, max: u8, y: f64) -> fmt::Result {
    write!(
        out,
        "<line x1=\"{AXIS_PAD}\" y1=\"{y}\" x2=\"{:.1}\" y2=\"{y}\" stroke=\"#c9ced6\" stroke-width=\"2\"/>",
        AXIS_W - AXIS_PAD
    )?;
    for v in min..=max {
        let x = axis_x(f64::from(v), min, max);
        write!(
            out,
            "<line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#8a929c\"/><text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{v}</text>",
            y - 3.0,
            y + 3.0,
            y + 14.0
        )?;
    }
    Ok(())
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
    writeln!(
        out,
        "<p class=\"time\">{}: {min} = {} … {max} = {}</p>",
        w.scale,
        esc(low),
        esc(high)
    )?;
    writeln!(
        out,
        "<table>\n<thead><tr><th>{}</th><th class=\"num\">{}</th><th></th>{}<th>{}</th></tr></thead>\n<tbody>",
        w.item,
        if votes { w.mean } else { w.score },
        if series {
            format!("<th class=\"num\">{}</th>", w.before)
        } else {
            String::new()
        },
        w.note
    )?;
    for item in items {
        let value = if votes {
            item.spread
                .as_ref()
                .map_or_else(|| "–".to_string(), |s| r.decimal(s.mean))
        } else {
            item.score
                .map_or_else(|| w.not_set.to_string(), |s| s.to_string())
        };
        write!(
            out,
            "<tr><td>{}</td><td class=\"num\">{value}</td><td class=\"chart\">",
            esc(&item.title)
        )?;
        if votes {
            // No votes, no chart: an empty axis per row only adds length.
            if item.spread.is_some() {
                histogram(out, &item.counts, item.spread.as_ref(), min, max)?;
            }
        } else {
            let earlier = r.trend(scale.step, &item.id);
            dot(out, item.score, &earlier, min, max)?;
        }
        write!(out, "</td>")?;
        if series {
            write!(
                out,
                "<td class=\"num\">{}</td>",
                esc(&before(r, scale.step, &item.id))
            )?;
        }
        writeln!(
            out,
            "<td>{}</td></tr>",
            esc(item.note.as_deref().unwrap_or(""))
        )?;
    }
    writeln!(out, "</tbody>\n</table>")?;
    if let Some(s) = spread {
        write!(
            out,
            "<div class=\"spread\"><p>{} <strong>{}</strong> · {} {}–{} · {} ({}: {})</p>",
            w.mean,
            r.decimal(s.mean),
            w.range.to_lowercase(),
            s.low,
            s.high,
            w.distribution.to_lowercase(),
            w.count.to_lowercase(),
            s.count
        )?;
        histogram(out, &s.distribution, Some(s), min, max)?;
        writeln!(out, "</div>")?;
    }
    Ok(())
}

/// One agreed score on the scale's axis; the series' earlier ones as rings,
/// lighter the older they are.
fn dot(
    out: &mut String,
    score: Option<i64>,
    earlier: &[Option<f64>],
    min: u8,
    max: u8,
) -> fmt::Result {
    write!(out, "<svg width=\"{AXIS_W}\" height=\"28\" role=\"img\">")?;
    axis(out, min, max, 9.0)?;
    let n = earlier.len();
    for (i, v) in earlier.iter().enumerate() {
        if let Some(v) = v {
            write!(
                out,
                "<circle cx=\"{:.1}\" cy=\"9\" r=\"5\" fill=\"none\" stroke=\"#8a929c\" stroke-width=\"2\" opacity=\"{:.2}\"/>",
                axis_x(*v, min, max),
                0.35 + 0.65 * (i + 1) as f64 / n as f64
            )?;
        }
    }
    if let Some(s) = score {
        write!(
            out,
            "<circle cx=\"{:.1}\" cy=\"9\" r=\"6\" fill=\"#1f5f8b\"/>",
            axis_x(s as f64, min, max)
        )?;
    }
    write!(out, "</svg>")
}

/// Counts per value as bars over the axis, the mean marked.
fn histogram(
    out: &mut String,
    counts: &[i64],
    spread: Option<&Spread>,
    min: u8,
    max: u8,
) -> fmt::Result {
    const H: f64 = 34.0;
    let top = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    write!(
        out,
        "<svg width=\"{AXIS_W}\" height=\"{:.0}\" role=\"img\">",
        H + 20.0
    )?;
    let bar = ((AXIS_W - 2.0 * AXIS_PAD) / f64::from(max.saturating_sub(min) + 1) * 0.6).min(24.0);
    for (i, c) in counts.iter().enumerate() {
        if *c <= 0 {
            continue;
        }
        let x = axis_x(f64::from(min) + i as f64, min, max);
        let h = *c as f64 / top * (H - 10.0);
        write!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{h:.1}\" fill=\"#1f5f8b\"/><text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{c}</text>",
            x - bar / 2.0,
            H - h,
            H - h - 2.0
        )?;
    }
    axis(out, min, max, H + 1.0)?;
    if let Some(s) = spread {
        let x = axis_x(s.mean, min, max);
        write!(
            out,
            "<path d=\"M{x:.1} {:.1} l-5 8 h10 z\" fill=\"#c4572a\"/>",
            H + 2.0
        )?;
    }
    write!(out, "</svg>")
}

fn positions(out: &mut String, r: &Report, want: bool, items: &[Position]) -> fmt::Result {
    let w = r.words();
    write!(out, "<p class=\"legend\">")?;
    write!(
        out,
        "<span><span class=\"swatch\" style=\"background:#1f5f8b\"></span>{}</span>",
        w.now
    )?;
    if want {
        write!(
            out,
            "<span><span class=\"swatch\" style=\"background:#c4572a\"></span>{}</span>",
            w.want
        )?;
    }
    writeln!(out, "</p>")?;
    writeln!(
        out,
        "<table>\n<thead><tr><th>{}</th><th class=\"num\">{}</th><th></th><th>{}</th></tr></thead>\n<tbody>",
        w.dilemma, w.left, w.right
    )?;
    for p in items {
        write!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"chart\">",
            esc(&p.question),
            esc(&p.left)
        )?;
        write!(out, "<svg width=\"{AXIS_W}\" height=\"28\" role=\"img\">")?;
        axis(out, 1, 5, 9.0)?;
        let x = |v: i64| axis_x(v as f64, 1, 5);
        if let (Some(a), Some(b)) = (p.now, p.want.filter(|_| want))
            && a != b
        {
            let (xa, xb) = (x(a), x(b));
            let dir = if xb > xa { -1.0 } else { 1.0 };
            write!(
                out,
                "<line x1=\"{xa:.1}\" y1=\"9\" x2=\"{:.1}\" y2=\"9\" stroke=\"#c4572a\" stroke-width=\"2\"/><path d=\"M{:.1} 9 l{:.1} -4 v8 z\" fill=\"#c4572a\"/>",
                xb + dir * 7.0,
                xb + dir * 7.0,
                dir * 6.0
            )?;
        }
        if let Some(b) = p.want.filter(|_| want) {
            write!(
                out,
                "<circle cx=\"{:.1}\" cy=\"9\" r=\"6\" fill=\"#ffffff\" stroke=\"#c4572a\" stroke-width=\"3\"/>",
                x(b)
            )?;
        }
        if let Some(a) = p.now {
            write!(
                out,
                "<circle cx=\"{:.1}\" cy=\"9\" r=\"6\" fill=\"#1f5f8b\"/>",
                x(a)
            )?;
        }
        writeln!(out, "</svg></td><td>{}</td></tr>", esc(&p.right))?;
    }
    writeln!(out, "</tbody>\n</table>")
}

fn splits(out: &mut String, r: &Report, categories: &[Label], units: &[UnitSplit]) -> fmt::Result {
    write!(out, "<p class=\"legend\">")?;
    for (i, c) in categories.iter().enumerate() {
        write!(
            out,
            "<span><span class=\"swatch\" style=\"background:{}\"></span>{}</span>",
            PALETTE[i % PALETTE.len()],
            esc(&c.title)
        )?;
    }
    if has_rest(units) {
        write!(out, "<span>{}</span>", esc(r.words().rest_note))?;
    }
    writeln!(out, "</p>")?;
    writeln!(out, "<table>\n<tbody>")?;
    const W: f64 = 420.0;
    for u in units {
        write!(
            out,
            "<tr><td>{}</td><td class=\"chart\"><svg width=\"{W}\" height=\"22\" role=\"img\"><rect x=\"0\" y=\"0\" width=\"{W}\" height=\"22\" fill=\"#f3f5f8\"/>",
            esc(&u.title)
        )?;
        // Over 100 % the bar is the total, so it never runs out of its box.
        let scale = u.total.unwrap_or(100).max(100) as f64;
        let mut x = 0.0;
        for (i, (set, rest)) in u.percents.iter().zip(&u.rest).enumerate() {
            let Some(p) = set.or(*rest).filter(|p| *p > 0) else {
                continue;
            };
            let width = p as f64 / scale * W;
            // A share of the rest is paler and in brackets: the room did not set it.
            let opacity = if set.is_some() { "1" } else { "0.45" };
            write!(
                out,
                "<rect x=\"{x:.1}\" y=\"0\" width=\"{width:.1}\" height=\"22\" fill=\"{}\" fill-opacity=\"{opacity}\"/>",
                PALETTE[i % PALETTE.len()]
            )?;
            if width >= 30.0 {
                write!(
                    out,
                    "<text x=\"{:.1}\" y=\"15\" text-anchor=\"middle\" style=\"fill:#ffffff\">{}</text>",
                    x + width / 2.0,
                    esc(&split_cell(r, *set, *rest))
                )?;
            }
            x += width;
        }
        let off = u.total.is_some_and(|t| t != 100);
        writeln!(
            out,
            "</svg></td><td class=\"num{}\">{}</td></tr>",
            if off { " over" } else { "" },
            esc(&split_total(r, u.total))
        )?;
    }
    writeln!(out, "</tbody>\n</table>")
}

fn stages(out: &mut String, r: &Report, stages: &[StageMarks]) -> fmt::Result {
    let w = r.words();
    let top = stages.iter().map(|s| s.marks).max().unwrap_or(0).max(1) as f64;
    writeln!(
        out,
        "<table>\n<thead><tr><th>{}</th><th class=\"num\">{}</th><th></th><th>{}</th></tr></thead>\n<tbody>",
        w.stage, w.marks, w.note
    )?;
    for s in stages {
        let width = (s.marks.max(0) as f64 / top * 160.0).max(0.0);
        writeln!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"chart\"><svg width=\"160\" height=\"14\" role=\"img\"><rect x=\"0\" y=\"2\" width=\"{width:.1}\" height=\"10\" fill=\"#1f5f8b\"/></svg></td><td>{}</td></tr>",
            esc(&s.title),
            s.marks,
            esc(s.note.as_deref().unwrap_or(""))
        )?;
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
