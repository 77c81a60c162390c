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
/// The most lines a row is balanced for; beyond, the columns get set widths.
const MOST_LINES: usize = 6;

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

/// A column's text as far as its width goes: its widest entry, and the
/// longest word in it (its heading included), which it is never narrower than.
struct Column<'a> {
    widest: &'a str,
    longest_word: u16,
}

impl Column<'_> {
    /// The width at which the widest entry takes at most `lines` lines.
    fn width_for(&self, lines: usize) -> u16 {
        let whole = self.widest.width() as u16;
        let mut width = whole
            .div_ceil(lines.max(1) as u16)
            .max(self.longest_word)
            .min(whole.max(self.longest_word));
        while width < whole && wrap(self.widest, width).len() > lines {
            width += 1;
        }
        width
    }
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

    fn widths(&self, width: u16) -> Widths {
        let number = self.actions.len().to_string().len() as u16 + 1;
        let columns = 3 + u16::from(self.mark_width > 0);
        let rest = width.saturating_sub(number + self.mark_width + GAP * columns + EDGE);
        // The fewest lines a row takes with the three columns side by side.
        let fields = [0, 1, 2].map(|field| self.column(field));
        for lines in 1..=MOST_LINES {
            let [what, who, when] = fields.each_ref().map(|c| c.width_for(lines));
            if what + who + when <= rest {
                let mut spare = rest - what - who - when;
                // The room left over takes a line at a time off the taller of
                // who and by when while it lasts; what was said gets the rest.
                let mut side = [(who, &fields[1]), (when, &fields[2])];
                loop {
                    let lines = side.map(|(width, c)| wrap(c.widest, width).len());
                    let taller_first = if lines[0] >= lines[1] { [0, 1] } else { [1, 0] };
                    let step = taller_first.into_iter().find_map(|i| {
                        let wider = side[i]
                            .1
                            .width_for(lines[i].checked_sub(1).filter(|&n| n > 0)?);
                        (wider > side[i].0 && wider - side[i].0 <= spare).then_some((i, wider))
                    });
                    let Some((i, wider)) = step else { break };
                    spare -= wider - side[i].0;
                    side[i].0 = wider;
                }
                let [(who, _), (when, _)] = side;
                return Widths {
                    number,
                    what: rest - who - when,
                    who,
                    when,
                };
            }
        }
        // A narrow screen: who and by when as wide as their longest word,
        // within bounds; what keeps the most room.
        let [_, who, when] = fields.map(|c| c.longest_word);
        let who = (rest / 4).clamp(8, 24).max(who).min(rest * 2 / 5);
        let when = (rest / 6).clamp(8, 16).max(when).min(rest / 4);
        Widths {
            number,
            what: rest - who - when,
            who,
            when,
        }
    }

    /// Column `field` (what, who, by when) as far as its width goes.
    fn column(&self, field: usize) -> Column<'a> {
        let width = |text: &str| text.width() as u16;
        let widest = self
            .actions
            .iter()
            .map(|a| a[field])
            .max_by_key(|text| width(text))
            .unwrap_or_default();
        let longest_word = self
            .actions
            .iter()
            .flat_map(|a| a[field].split_whitespace())
            .chain([self.headings[field]])
            .map(width)
            .max()
            .unwrap_or(0);
        Column {
            widest,
            longest_word,
        }
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
}
