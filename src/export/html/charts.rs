//! The report's instruments as inline SVG and tables: scores with their
//! spread, dilemma positions, portfolio splits and stages.

use std::fmt::{self, Write};

use super::esc;
use crate::exercise::answers::{Label, Position, Score, Spread, StageMarks, UnitSplit};
use crate::export::Report;
use crate::export::markdown::{Scale, before, has_rest, split_cell, split_total};

/// Colours of the categories of a split, in order; chosen to stay apart in
/// grey print too.
const PALETTE: [&str; 8] = [
    "#1f5f8b", "#e08a3c", "#3a9d5d", "#b8405e", "#7a5ca8", "#8c8c3e", "#4aa3c8", "#6b4f3a",
];

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

pub(super) fn scores(
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

pub(super) fn positions(
    out: &mut String,
    r: &Report,
    want: bool,
    items: &[Position],
) -> fmt::Result {
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

pub(super) fn splits(
    out: &mut String,
    r: &Report,
    categories: &[Label],
    units: &[UnitSplit],
) -> fmt::Result {
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

pub(super) fn stages(out: &mut String, r: &Report, stages: &[StageMarks]) -> fmt::Result {
    let w = r.words();
    if stages.iter().all(|s| s.marks.is_none()) {
        // A case: its points and what the room noted.
        let rows = stages
            .iter()
            .map(|s| vec![s.title.clone(), s.note.clone().unwrap_or_default()]);
        return super::table(out, &[w.point, w.note], rows);
    }
    let top = stages
        .iter()
        .filter_map(|s| s.marks)
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    writeln!(
        out,
        "<table>\n<thead><tr><th>{}</th><th class=\"num\">{}</th><th></th><th>{}</th></tr></thead>\n<tbody>",
        w.stage, w.marks, w.note
    )?;
    for s in stages {
        let marks = s.marks.unwrap_or(0);
        let width = (marks.max(0) as f64 / top * 160.0).max(0.0);
        writeln!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"chart\"><svg width=\"160\" height=\"14\" role=\"img\"><rect x=\"0\" y=\"2\" width=\"{width:.1}\" height=\"10\" fill=\"#1f5f8b\"/></svg></td><td>{}</td></tr>",
            esc(&s.title),
            marks,
            esc(s.note.as_deref().unwrap_or(""))
        )?;
    }
    writeln!(out, "</tbody>\n</table>")
}
