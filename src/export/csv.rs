//! The report as CSV for spreadsheets: one file per kind of answer (steps with
//! their time, cards, actions, scores, positions, splits, stages, texts), each
//! row naming its step and item by label and by id.
//!
//! Made for Excel as it is set up where the session ran: UTF-8 with a byte
//! order mark (without it Excel reads "æøå" as Latin-1), CRLF line ends, and
//! the separator Excel expects in the session's language — `;` for Danish
//! (where `,` is the decimal comma, so Danish Excel splits on `;`) and `,` for
//! English. Decimals follow the same rule (3,5 / 3.5). Every file is written
//! even when empty, so a script finds the same files every time.

use super::{Report, minutes};
use crate::exercise::Block;

/// The byte order mark Excel needs to read the file as UTF-8.
const BOM: &[u8] = "\u{feff}".as_bytes();

/// The CSV files of the report: (file name, bytes), in a fixed order.
pub fn render(r: &Report) -> Vec<(String, Vec<u8>)> {
    let w = r.words();
    let da = r.session.lang != "en";
    let mut files = Files::new(da);
    let steps = files.open(
        "steps.csv",
        &[
            "#",
            w.id,
            w.step,
            w.kind,
            &format!("{} ({})", w.planned, w.minutes),
            &format!("{} ({})", w.used, w.minutes),
        ],
    );
    use Column::{Named, Plain};
    let mut open = |name: &str, columns: &[Column]| files.open(name, &header(w.id, columns));
    let cards = open(
        "cards.csv",
        &[
            Named(w.step),
            Named(w.area),
            Named(w.card),
            Plain(w.votes),
            Plain(w.group),
        ],
    );
    let actions = open(
        "actions.csv",
        &[
            Named(w.step),
            Plain(w.id),
            Plain(w.what),
            Plain(w.who),
            Plain(w.when),
            Plain(w.status_column),
        ],
    );
    let mut score_columns = vec![Named(w.step), Named(w.item), Plain(w.score)];
    score_columns.extend(["1", "2", "3", "4", "5"].map(Plain));
    score_columns.extend([Plain(w.mean), Plain(w.note)]);
    let scores = open("scores.csv", &score_columns);
    let positions = open(
        "positions.csv",
        &[
            Named(w.step),
            Named(w.dilemma),
            Plain(w.left),
            Plain(w.right),
            Plain(w.now),
            Plain(w.want),
        ],
    );
    let splits = open(
        "splits.csv",
        &[
            Named(w.step),
            Named(w.unit),
            Named(w.category),
            Plain(w.percent),
            Plain(w.rest),
        ],
    );
    let stages = open(
        "stages.csv",
        &[Named(w.step), Named(w.stage), Plain(w.marks), Plain(w.note)],
    );
    let texts = open("texts.csv", &[Named(w.step), Named(w.field), Plain(w.text)]);
    for (i, step) in r.steps.iter().enumerate() {
        files.row(
            steps,
            [
                (i + 1).to_string(),
                step.id.clone(),
                step.title.clone(),
                step.kind.to_string(),
                step.planned_minutes.to_string(),
                // Empty, not 0, when the clock never ran: not measured.
                match step.used_ms {
                    0 => String::new(),
                    ms => minutes(ms).to_string(),
                },
            ],
        );
        let at = |rest: &[String]| -> Vec<String> {
            let mut row = vec![step.id.clone(), step.title.clone()];
            row.extend_from_slice(rest);
            row
        };
        for block in &step.blocks {
            match block {
                Block::Texts { fields } => {
                    for f in fields {
                        files.row(texts, at(&[f.id.clone(), f.title.clone(), f.text.clone()]));
                    }
                }
                Block::Cards { areas } => {
                    for a in areas {
                        for c in &a.cards {
                            files.row(
                                cards,
                                at(&[
                                    a.id.clone(),
                                    a.title.clone(),
                                    c.id.to_string(),
                                    c.text.clone(),
                                    c.votes.to_string(),
                                    c.group.map(|g| g.to_string()).unwrap_or_default(),
                                ]),
                            );
                        }
                    }
                }
                Block::Points { points } => {
                    for c in points {
                        files.row(
                            cards,
                            at(&[
                                String::new(),
                                w.points.to_string(),
                                c.id.to_string(),
                                c.text.clone(),
                                c.votes.to_string(),
                                String::new(),
                            ]),
                        );
                    }
                }
                Block::Actions { actions: list } => {
                    for a in list {
                        files.row(
                            actions,
                            at(&[
                                a.id.to_string(),
                                a.what.clone(),
                                a.who.clone(),
                                a.when.clone(),
                                String::new(),
                            ]),
                        );
                    }
                }
                Block::Scores { min, items, .. } => {
                    for item in items {
                        // Votes per value, in the fixed columns 1–5.
                        let mut counts = vec![String::new(); 5];
                        for (i, c) in item.counts.iter().enumerate() {
                            let value = (i + usize::from(*min)).checked_sub(1);
                            if let Some(cell) = value.and_then(|v| counts.get_mut(v)) {
                                *cell = c.to_string();
                            }
                        }
                        let mut row = vec![
                            item.id.clone(),
                            item.title.clone(),
                            item.score.map(|s| s.to_string()).unwrap_or_default(),
                        ];
                        row.extend(counts);
                        row.push(
                            item.spread
                                .as_ref()
                                .map(|s| decimal(s.mean, da))
                                .unwrap_or_default(),
                        );
                        row.push(item.note.clone().unwrap_or_default());
                        files.row(scores, at(&row));
                    }
                }
                Block::Positions { items, .. } => {
                    for p in items {
                        files.row(
                            positions,
                            at(&[
                                p.id.clone(),
                                p.question.clone(),
                                p.left.clone(),
                                p.right.clone(),
                                n(p.now),
                                n(p.want),
                            ]),
                        );
                    }
                }
                Block::Splits { categories, units } => {
                    for u in units {
                        // What the room set, and apart from it the share of the rest.
                        for ((c, p), rest) in categories.iter().zip(&u.percents).zip(&u.rest) {
                            files.row(
                                splits,
                                at(&[
                                    u.id.clone(),
                                    u.title.clone(),
                                    c.id.clone(),
                                    c.title.clone(),
                                    n(*p),
                                    n(*rest),
                                ]),
                            );
                        }
                    }
                }
                Block::Review { items } => {
                    for i in items {
                        files.row(
                            actions,
                            at(&[
                                i.id.to_string(),
                                i.what.clone(),
                                i.who.clone(),
                                i.when.clone(),
                                r.status(i.status.as_deref()).to_string(),
                            ]),
                        );
                    }
                }
                Block::Stages { stages: list } => {
                    for s in list {
                        files.row(
                            stages,
                            at(&[
                                s.id.clone(),
                                s.title.clone(),
                                s.marks.map(|m| m.to_string()).unwrap_or_default(),
                                s.note.clone().unwrap_or_default(),
                            ]),
                        );
                    }
                }
            }
        }
    }
    files.finish()
}

/// A column of a header: a label, or a label with its id column before it.
enum Column<'a> {
    Named(&'a str),
    Plain(&'a str),
}

/// The header row: "Trin Id", "Trin", … (`id` is the word for an id).
fn header(id: &str, columns: &[Column]) -> Vec<String> {
    columns
        .iter()
        .flat_map(|c| match c {
            Column::Named(label) => vec![format!("{label} {id}"), label.to_string()],
            Column::Plain(label) => vec![label.to_string()],
        })
        .collect()
}

/// The separator for the session's language (see the module's header).
pub fn separator(lang: &str) -> u8 {
    if lang == "en" { b',' } else { b';' }
}

fn decimal(x: f64, da: bool) -> String {
    let s = format!("{x:.2}");
    if da { s.replace('.', ",") } else { s }
}

/// The CSV files being written, each into memory.
struct Files {
    da: bool,
    files: Vec<(String, csv::Writer<Vec<u8>>)>,
}

impl Files {
    fn new(da: bool) -> Self {
        Self {
            da,
            files: Vec::new(),
        }
    }

    /// A new file with its header row; returns its index.
    fn open<S: AsRef<[u8]>>(&mut self, name: &str, header: &[S]) -> usize {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(if self.da { b';' } else { b',' })
            .terminator(csv::Terminator::CRLF)
            .from_writer(BOM.to_vec());
        // Writing into memory cannot fail.
        let _ = writer.write_record(header);
        self.files.push((name.to_string(), writer));
        self.files.len() - 1
    }

    fn row<I, S>(&mut self, file: usize, row: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<[u8]>,
    {
        if let Some((_, w)) = self.files.get_mut(file) {
            let _ = w.write_record(row);
        }
    }

    fn finish(self) -> Vec<(String, Vec<u8>)> {
        self.files
            .into_iter()
            .map(|(name, w)| (name, w.into_inner().unwrap_or_default()))
            .collect()
    }
}

/// A number, or an empty cell when there is none.
fn n(v: Option<i64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}
