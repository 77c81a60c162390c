//! The actions as a table: what, who, by when (and, on the review, what became
//! of each). Every column wraps, so a word the room said is never cut; the
//! columns keep a gap and the last one keeps off the edge; the rows out of view
//! are counted ("+2 mere ↓"). Drawn by the decisions step, the review and the
//! closing screen. Pure.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Cell, Row, Table, TableState};
use unicode_width::UnicodeWidthStr;

use super::Theme;
use super::widgets::{EDGE, clipped, more_note, style_if, window, wrap};

/// Between two columns.
const GAP: u16 = 2;
/// The share of the row (in per cent) who and by when each keep when they
/// need it, however much what was said needs.
const SIDE_SHARE: u32 = 22;

/// Actions in a table, numbered, the selected one highlighted and in view.
pub struct ActionTable<'a> {
    /// What, who and by when of each action.
    actions: Vec<[&'a str; 3]>,
    /// The headings of what, who and by when.
    headings: [&'a str; 3],
    /// After each action, what became of it; `mark_width` columns kept for it.
    marks: Vec<Span<'a>>,
    mark_width: u16,
    selected: Option<usize>,
    highlight: bool,
    /// The word for the rows out of view: "+2 mere".
    more: &'a str,
}

/// One column (what, who or by when) as far as its width goes.
struct Column<'a> {
    /// The column's entry in each action.
    texts: Vec<&'a str>,
    /// Its longest word, the heading included: never narrower, if it can be.
    word: u16,
    /// Its widest entry (or word): never wider, as nothing would use it.
    whole: u16,
}

impl Column<'_> {
    /// How the entries wrap at the widths from `lo` to `hi`.
    fn wrapping(&self, lo: u16, hi: u16) -> Wrapping {
        Wrapping {
            breaks: self.texts.iter().map(|t| breaks(t, lo, hi)).collect(),
        }
    }
}

/// How a column's entries wrap over a range of widths.
struct Wrapping {
    /// For each entry, the narrowest width of the range and each width at
    /// which it takes fewer lines than just below, with its lines there.
    breaks: Vec<Vec<(u16, usize)>>,
}

impl Wrapping {
    /// The lines each entry takes at `width` (within the range).
    fn lines(&self, width: u16) -> Vec<usize> {
        self.breaks
            .iter()
            .map(|b| {
                b.iter()
                    .take_while(|(w, _)| *w <= width)
                    .last()
                    .map_or(1, |(_, n)| *n)
            })
            .collect()
    }

    /// The widths worth trying, with the lines each entry takes there: the
    /// narrowest width for each way the entries wrap (a wider one wraps them
    /// the same and only takes room from the other columns).
    fn choices(&self) -> Vec<(u16, Vec<usize>)> {
        let mut widths: Vec<u16> = self.breaks.iter().flatten().map(|(w, _)| *w).collect();
        widths.sort_unstable();
        widths.dedup();
        widths.into_iter().map(|w| (w, self.lines(w))).collect()
    }
}

/// Where `text` takes fewer lines as the width grows from `lo` to `hi`: `lo`
/// and each narrowest width with fewer lines than just below, with the lines
/// there. Found by halving, as wrapping a text is not free and the table is
/// laid out on every frame.
fn breaks(text: &str, lo: u16, hi: u16) -> Vec<(u16, usize)> {
    let whole = text.width();
    let lines = |width: u16| {
        if whole <= usize::from(width) {
            1
        } else {
            wrap(text, width).len()
        }
    };
    let mut out = vec![(lo, lines(lo))];
    while let Some(&(from, n)) = out.last() {
        if n <= 1 || from >= hi || lines(hi) >= n {
            break;
        }
        let (mut a, mut b) = (from + 1, hi);
        while a < b {
            let mid = a + (b - a) / 2;
            if lines(mid) < n {
                b = mid;
            } else {
                a = mid + 1;
            }
        }
        out.push((a, lines(a)));
    }
    out
}

/// The widths of the columns at one width of the table.
struct Widths {
    number: u16,
    what: u16,
    who: u16,
    when: u16,
}

impl<'a> ActionTable<'a> {
    pub fn new(actions: Vec<[&'a str; 3]>, headings: [&'a str; 3], more: &'a str) -> Self {
        ActionTable {
            actions,
            headings,
            marks: Vec::new(),
            mark_width: 0,
            selected: None,
            highlight: false,
            more,
        }
    }

    /// A mark after each action, in a column `width` wide (the widest mark
    /// there can be, so marking one does not move the columns).
    pub fn marked(self, marks: Vec<Span<'a>>, width: u16) -> Self {
        ActionTable {
            marks,
            mark_width: width,
            ..self
        }
    }

    /// Action `selected` kept in view, and highlighted if `highlight` (the
    /// room view follows the selection without marking it).
    pub fn selected(self, selected: usize, highlight: bool) -> Self {
        ActionTable {
            selected: Some(selected),
            highlight,
            ..self
        }
    }

    pub fn is_empty(&self) -> bool {
        self.actions.is_empty()
    }

    /// The rows needed at `width` to show every action whole, headings included.
    pub fn height(&self, width: u16) -> u16 {
        let w = self.widths(width);
        let rows: usize = self.actions.iter().map(|a| row_height(a, &w)).sum();
        u16::try_from(rows + 1).unwrap_or(u16::MAX)
    }

    /// The rows the tallest action takes at `width`.
    pub fn tallest(&self, width: u16) -> u16 {
        let w = self.widths(width);
        let rows = self.actions.iter().map(|a| row_height(a, &w)).max();
        u16::try_from(rows.unwrap_or(0)).unwrap_or(u16::MAX)
    }

    fn widths(&self, width: u16) -> Widths {
        let number = self.actions.len().to_string().len() as u16 + 1;
        let columns = 3 + u16::from(self.mark_width > 0);
        let rest = width.saturating_sub(number + self.mark_width + GAP * columns + EDGE);
        let [what, who, when] = fitted(&self.actions, self.headings, rest, || {
            fit([0, 1, 2].map(|field| self.column(field)), rest)
        });
        Widths {
            number,
            what,
            who,
            when,
        }
    }

    /// Column `field` (what, who, by when) as far as its width goes.
    fn column(&self, field: usize) -> Column<'a> {
        let width = |text: &str| text.width() as u16;
        let texts: Vec<&str> = self.actions.iter().map(|a| a[field]).collect();
        let word = texts
            .iter()
            .flat_map(|text| text.split_whitespace())
            .chain([self.headings[field]])
            .map(width)
            .max()
            .unwrap_or(0);
        let whole = texts.iter().map(|t| width(t)).max().unwrap_or(0).max(word);
        Column { texts, word, whole }
    }

    /// Draws the table in `area`: as many whole rows as fit around the
    /// selection (the first ones without one), the others counted.
    pub fn draw(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        if area.height == 0 || self.actions.is_empty() {
            return;
        }
        let w = self.widths(area.width);
        let heights: Vec<usize> = self.actions.iter().map(|a| row_height(a, &w)).collect();
        let body = usize::from(area.height - 1);
        let sel = self.selected.unwrap_or(0).min(self.actions.len() - 1);
        let Range { start, end } = window(self.actions.len(), sel, body, |i| heights[i]);
        let (above, below) = (start, self.actions.len() - end);
        // A row taller than the whole table shows what fits, cut with "…".
        let room = body
            .saturating_sub(usize::from(above > 0) + usize::from(below > 0))
            .max(1);
        let note = |n: usize, arrow: &str| {
            // (A default `Cell` spans no column: it would put the note first.)
            Row::new(vec![
                Cell::from(""),
                Cell::from(Span::styled(more_note(n, self.more, arrow), theme.accent))
                    .column_span(3),
            ])
        };
        let mut rows = Vec::new();
        if above > 0 {
            rows.push(note(above, "↑"));
        }
        for (i, action) in self.actions.iter().enumerate().take(end).skip(start) {
            let height = heights[i].min(room);
            let cell = |text: &str, width: u16| {
                let lines: Vec<Line> = clipped(text, width, height)
                    .into_iter()
                    .map(Line::from)
                    .collect();
                Cell::from(Text::from(lines))
            };
            let mut cells = vec![
                Cell::from(Span::styled(format!("{}.", i + 1), theme.dim)),
                cell(action[0], w.what),
                cell(action[1], w.who),
                cell(action[2], w.when),
            ];
            if self.mark_width > 0 {
                cells.push(Cell::from(self.marks.get(i).cloned().unwrap_or_default()));
            }
            rows.push(Row::new(cells).height(height as u16).style(theme.text));
        }
        if below > 0 {
            rows.push(note(below, "↓"));
        }
        let mut widths = vec![w.number, w.what, w.who, w.when];
        let mut headings = vec!["", self.headings[0], self.headings[1], self.headings[2]];
        if self.mark_width > 0 {
            widths.push(self.mark_width);
            headings.push("");
        }
        let table = Table::new(rows, widths.into_iter().map(Constraint::Length))
            .header(Row::new(headings).style(theme.accent))
            .row_highlight_style(style_if(self.highlight, theme.selected, Style::default()))
            .column_spacing(GAP);
        let shown = self
            .selected
            .map(|s| s.saturating_sub(start) + usize::from(above > 0));
        let mut state = TableState::default().with_selected(shown);
        let area = Rect {
            width: area.width.saturating_sub(EDGE),
            ..area
        };
        frame.render_stateful_widget(table, area, &mut state);
    }
}

thread_local! {
    /// The widths fitted last, by what they were fitted to. A table is laid
    /// out on every frame, and measured for the layout and the footer too,
    /// while its texts seldom change; fitting long texts is not free.
    static FITTED: std::cell::RefCell<Vec<(u64, [u16; 3])>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// How many fittings `FITTED` keeps (a screen shows a table or two, in a
/// size or two).
const FITTINGS_KEPT: usize = 8;

/// The widths `fit` gives `actions` under `headings` in `rest` columns: as
/// kept from an earlier frame, else worked out by `fit` now.
fn fitted(
    actions: &[[&str; 3]],
    headings: [&str; 3],
    rest: u16,
    fit: impl FnOnce() -> [u16; 3],
) -> [u16; 3] {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    (actions, headings, rest).hash(&mut hasher);
    let key = hasher.finish();
    if let Some(widths) =
        FITTED.with_borrow(|kept| kept.iter().find(|(k, _)| *k == key).map(|(_, w)| *w))
    {
        return widths;
    }
    let widths = fit();
    FITTED.with_borrow_mut(|kept| {
        if kept.len() >= FITTINGS_KEPT {
            kept.remove(0);
        }
        kept.push((key, widths));
    });
    widths
}

/// The widths of what, who and by when in `rest` columns. Each column gets
/// at least its longest word (and heading), and who and by when a fair share
/// of the row when they need it; then the table is made as short as it can
/// be, and what was said gets the most of what is left.
fn fit(columns: [Column; 3], rest: u16) -> [u16; 3] {
    let [what, who, when] = &columns;
    if what.whole + who.whole + when.whole <= rest {
        // Who and by when on one line; what was said gets the rest.
        return [rest - who.whole - when.whole, who.whole, when.whole];
    }
    let words = what.word + who.word + when.word;
    if words > rest {
        // Too narrow even for the longest words: each gets its part of the
        // row (and a word longer than its column is hyphenated).
        let part = |c: &Column| (u32::from(rest) * u32::from(c.word) / u32::from(words)) as u16;
        let (who, when) = (part(who), part(when));
        return [rest - who - when, who, when];
    }
    let share = (u32::from(rest) * SIDE_SHARE / 100) as u16;
    let side = |c: &Column| c.whole.min(c.word.max(share));
    let (mut lo_who, mut lo_when) = (side(who), side(when));
    if what.word + lo_who + lo_when > rest {
        (lo_who, lo_when) = (who.word, when.word);
    }
    let room = rest - what.word;
    let who_choices = who
        .wrapping(lo_who, who.whole.min(room - lo_when))
        .choices();
    let when_choices = when
        .wrapping(lo_when, when.whole.min(room - lo_who))
        .choices();
    // What was said takes whatever is left.
    let what_wrapping = what.wrapping(what.word, rest);
    let mut best = None;
    // What was said is never narrower than who or by when (unless it needs
    // less); only when the row has no room for that may it be.
    for what_first in [true, false] {
        for (who_w, who_lines) in &who_choices {
            for (when_w, when_lines) in &when_choices {
                let least = if what_first {
                    what.word.max(what.whole.min(*who_w.max(when_w)))
                } else {
                    what.word
                };
                let Some(what_w) = rest.checked_sub(who_w + when_w).filter(|&w| w >= least) else {
                    continue;
                };
                let what_lines = what_wrapping.lines(what_w);
                let cost = Cost::of([&what_lines, who_lines, when_lines], what_w);
                if best.as_ref().is_none_or(|(b, _)| cost < *b) {
                    best = Some((cost, [what_w, *who_w, *when_w]));
                }
            }
        }
        if best.is_some() {
            break;
        }
    }
    best.map_or([rest - lo_who - lo_when, lo_who, lo_when], |(_, w)| w)
}

/// How good a choice of widths is, the better the less: the fewest rows,
/// then the shortest tallest row (one action as tall as the screen is hard to
/// read), then the fewest lines in all (no column broken into more lines
/// than it needs), then what was said the widest.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Cost {
    rows: usize,
    tallest: usize,
    lines: usize,
    narrower_what: std::cmp::Reverse<u16>,
}

impl Cost {
    /// The cost of the widths at which the entries of what, who and by when
    /// take `lines`, what being `what` wide.
    fn of(lines: [&Vec<usize>; 3], what: u16) -> Cost {
        let [a, b, c] = lines;
        let heights = a.iter().zip(b).zip(c).map(|((a, b), c)| *a.max(b).max(c));
        Cost {
            rows: heights.clone().sum(),
            tallest: heights.max().unwrap_or(0),
            lines: lines.iter().flat_map(|l| l.iter()).sum(),
            narrower_what: std::cmp::Reverse(what),
        }
    }
}

/// The lines `action` takes: its longest column, wrapped.
fn row_height(action: &[&str; 3], w: &Widths) -> usize {
    [(action[0], w.what), (action[1], w.who), (action[2], w.when)]
        .into_iter()
        .map(|(text, width)| wrap(text, width).len())
        .max()
        .unwrap_or(1)
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LONG: [&str; 3] = [
        "Lav en plan for hjælp til borgere, der ikke kan eller vil bruge de digitale løsninger",
        "Direktionen og formanden for Ældrerådet",
        "inden sommerferien 2027",
    ];

    /// At any width the columns, their gaps and the edge fit exactly, and on
    /// a screen of 80 columns no word is broken.
    #[test]
    fn the_columns_fit_every_width_with_their_gaps() {
        let headings = ["Hvad", "Hvem", "Hvornår"];
        let table = ActionTable::new(vec![LONG, ["Ny", "Åse", "uge 3"]], headings, "mere")
            .marked(Vec::new(), 17);
        let fixed = 17 + 4 * GAP + EDGE;
        for width in 0..=300u16 {
            let w = table.widths(width);
            let used = w.number + w.what + w.who + w.when + fixed;
            if width >= fixed + 2 {
                assert_eq!(used, width, "{width}");
            }
            if width >= 78 {
                assert!(w.who >= "Ældrerådet".width() as u16, "{width}");
                assert!(w.when >= "sommerferien".width() as u16, "{width}");
            }
        }
    }

    /// Who and by when stand on one line when what keeps room enough.
    #[test]
    fn short_entries_stand_on_one_line() {
        let table = ActionTable::new(vec![LONG], ["Hvad", "Hvem", "Hvornår"], "mere");
        let w = table.widths(200);
        assert_eq!(w.who, LONG[1].width() as u16);
        assert_eq!(w.when, LONG[2].width() as u16);
        assert_eq!(table.height(200), 2, "headings and one line");
    }

    /// Who and by when of 90 characters and more, as a new user wrote them:
    /// each column at least its longest word, who and by when at least a
    /// fifth of the row each, what was said the most.
    #[test]
    fn long_who_and_when_get_a_fair_share() {
        let long = [
            "Agree on a shared picture of where our digital work stands today and bring the whole unit together",
            "The director, together with the head of digital, the two team leaders and the union representative",
            "By the end of the second quarter of 2026, with a first status report at the management meeting in May",
        ];
        let short = ["Visit the health centre in Mors", "Åse", "week 3"];
        for (width, mark) in [(60, 0), (80, 0), (78, 14), (120, 14), (200, 0)] {
            let table = ActionTable::new(vec![long, short], ["What", "Who", "By when"], "more")
                .marked(Vec::new(), mark);
            let w = table.widths(width);
            let row = w.what + w.who + w.when;
            let at = format!("{width} wide: {} {} {}", w.what, w.who, w.when);
            assert!(w.who * 5 >= row && w.when * 5 >= row, "{at}");
            assert!(w.what >= w.who.max(w.when), "{at}");
            assert!(w.who >= "representative".width() as u16, "{at}");
            assert!(w.when >= "management".width() as u16, "{at}");
        }
    }
}
