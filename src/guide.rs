//! guide: the facilitator's script (drejebog) of a workshop — each step with
//! its clock times from the start, minutes, purpose, what to say, questions,
//! materials and the instrument used — as a small document of blocks, which
//! `markdown` and `html` print. Pure: a workshop in, text out.

mod html;
mod markdown;

use jiff::SignedDuration;
use jiff::civil::Time;

use crate::content::{Step, StepKind, Workshop};

pub use html::render as html;
pub use markdown::render as markdown;

/// Where a workshop starts when neither the file nor the command says.
pub const DEFAULT_START: Time = Time::constant(9, 0, 0, 0);

/// A piece of the script.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The title (level 1), a part (2) or a step (3).
    Heading(u8, String),
    /// A line of text; `label` first when it has one.
    Line { label: Option<String>, text: String },
    /// A labelled list.
    List { label: String, items: Vec<String> },
    /// The agenda: a header row, then rows.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

/// The words of the script, in the workshop's language.
struct Words {
    script: &'static str,
    source: &'static str,
    preparation: &'static str,
    agenda: &'static str,
    time: &'static str,
    minutes: &'static str,
    step: &'static str,
    steps: &'static str,
    purpose: &'static str,
    say: &'static str,
    questions: &'static str,
    materials: &'static str,
    instrument: &'static str,
    participants: &'static str,
    protected: &'static str,
    /// Names of the step kinds, in `StepKind::name` order.
    kinds: [(&'static str, &'static str); 11],
}

const DA: Words = Words {
    script: "Drejebog",
    source: "Kilde",
    preparation: "Forberedelse",
    agenda: "Program",
    time: "Tid",
    minutes: "Min.",
    step: "Trin",
    steps: "trin",
    purpose: "Formål",
    say: "Det gør og siger du",
    questions: "Spørgsmål til deltagerne",
    materials: "Materialer",
    instrument: "Redskab",
    participants: "deltagere",
    protected: "beholder sin tid, hvis planen må lægges om",
    kinds: [
        ("info", "Information"),
        ("break", "Pause"),
        ("model", "Model"),
        ("board", "Tavle"),
        ("discussion", "Drøftelse"),
        ("decisions", "Beslutninger: hvad, hvem, hvornår"),
        ("scale", "Skala"),
        ("slider", "Dilemmaer"),
        ("split", "Fordeling i procent"),
        ("stages", "Trin på en kurve eller stige"),
        ("canvas", "Felter at udfylde"),
    ],
};

const EN: Words = Words {
    script: "Facilitator's script",
    source: "Source",
    preparation: "Preparation",
    agenda: "Agenda",
    time: "Time",
    minutes: "Min",
    step: "Step",
    steps: "steps",
    purpose: "Purpose",
    say: "What to do and say",
    questions: "Questions for the room",
    materials: "Materials",
    instrument: "Instrument",
    participants: "participants",
    protected: "keeps its time if the plan is rebalanced",
    kinds: [
        ("info", "Information"),
        ("break", "Break"),
        ("model", "Model"),
        ("board", "Board"),
        ("discussion", "Discussion"),
        ("decisions", "Decisions: what, who, by when"),
        ("scale", "Scale"),
        ("slider", "Dilemmas"),
        ("split", "Split in per cent"),
        ("stages", "Stages on a curve or ladder"),
        ("canvas", "Fields to fill in"),
    ],
};

impl Words {
    fn of(lang: &str) -> &'static Words {
        if lang == "en" { &EN } else { &DA }
    }

    fn kind(&self, kind: &StepKind) -> &'static str {
        self.kinds
            .iter()
            .find(|(k, _)| *k == kind.name())
            .map_or("", |(_, w)| *w)
    }
}

/// A step's place on the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub from: Time,
    pub to: Time,
}

/// The clock time of each step when the workshop starts at `start` and every
/// step takes its planned minutes (past midnight the clock goes round).
pub fn slots(workshop: &Workshop, start: Time) -> Vec<Slot> {
    let mut at = start;
    workshop
        .steps
        .iter()
        .map(|s| {
            let from = at;
            at = at.wrapping_add(SignedDuration::from_mins(i64::from(s.minutes)));
            Slot { from, to: at }
        })
        .collect()
}

fn hm(t: Time) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

fn span(s: Slot) -> String {
    format!("{}–{}", hm(s.from), hm(s.to))
}

/// The script of `workshop` from `start` (else the file's start, else 09:00).
pub fn script(workshop: &Workshop, start: Option<Time>) -> Vec<Block> {
    let w = Words::of(&workshop.lang);
    let start = start.or(workshop.plan.start).unwrap_or(DEFAULT_START);
    let slots = slots(workshop, start);
    let end = slots.last().map_or(start, |s| s.to);
    let mut doc = vec![Block::Heading(
        1,
        format!("{}: {}", w.script, workshop.title),
    )];
    let plan = &workshop.plan;
    let mut occasion: Vec<String> = Vec::new();
    if !plan.org.is_empty() {
        occasion.push(plan.org.clone());
    }
    if let Some(d) = plan.date {
        occasion.push(d.to_string());
    }
    occasion.push(format!(
        "{} ({} min, {} {})",
        span(Slot {
            from: start,
            to: end
        }),
        workshop.minutes,
        workshop.steps.len(),
        w.steps
    ));
    if let Some(n) = plan.participants {
        occasion.push(format!("{n} {}", w.participants));
    }
    doc.push(Block::Line {
        label: None,
        text: occasion.join(" · "),
    });
    doc.push(Block::Line {
        label: Some(w.source.into()),
        text: workshop.source.clone(),
    });
    if !workshop.preparation.is_empty() {
        doc.push(Block::Heading(2, w.preparation.into()));
        doc.push(Block::List {
            label: String::new(),
            items: workshop.preparation.clone(),
        });
    }
    doc.push(Block::Heading(2, w.agenda.into()));
    doc.push(Block::Table {
        header: vec![w.time.into(), w.minutes.into(), w.step.into()],
        rows: workshop
            .steps
            .iter()
            .zip(&slots)
            .map(|(s, slot)| vec![span(*slot), s.minutes.to_string(), s.title.clone()])
            .collect(),
    });
    for (n, (step, slot)) in workshop.steps.iter().zip(&slots).enumerate() {
        doc.extend(step_blocks(w, n + 1, step, *slot));
    }
    doc
}

fn step_blocks(w: &Words, n: usize, step: &Step, slot: Slot) -> Vec<Block> {
    let mut out = vec![Block::Heading(
        3,
        format!(
            "{n}. {} · {} ({} min)",
            step.title,
            span(slot),
            step.minutes
        ),
    )];
    if !step.purpose.is_empty() {
        out.push(Block::Line {
            label: Some(w.purpose.into()),
            text: step.purpose.clone(),
        });
    }
    // The instrument: what the step runs, when it runs content or collects
    // actions (a welcome or a break has none to name).
    let named = step
        .kind
        .about()
        .map(|a| format!("{} – {}", w.kind(&step.kind), a.title))
        .or_else(|| {
            step.kind
                .collects_actions()
                .then(|| w.kind(&step.kind).to_string())
        });
    if let Some(mut text) = named {
        if step.protected {
            text = format!("{text} ({})", w.protected);
        }
        out.push(Block::Line {
            label: Some(w.instrument.into()),
            text,
        });
    }
    let lists = [
        (w.say, step.notes.clone()),
        (w.questions, step.questions.clone()),
        (w.materials, crate::exercise::for_step(step).materials(step)),
    ];
    for (label, items) in lists {
        if !items.is_empty() {
            out.push(Block::List {
                label: label.into(),
                items,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Library;

    fn shipped(id: &str, lang: &str) -> Workshop {
        let (lib, _) = Library::embedded();
        lib.workshop(id, Some(lang)).expect("shipped").clone()
    }

    #[test]
    fn clock_times_run_from_the_start_step_by_step() {
        let w = shipped("3-timers-workshop", "da");
        let slots = slots(&w, Time::constant(9, 30, 0, 0));
        assert_eq!(hm(slots[0].from), "09:30");
        assert_eq!(slots[0].to, slots[1].from);
        assert_eq!(
            hm(slots.last().expect("steps").to),
            "12:30",
            "180 minutes on"
        );
    }

    #[test]
    fn a_late_start_goes_round_midnight() {
        let w = shipped("topledelsens-tjek", "en");
        let slots = slots(&w, Time::constant(23, 0, 0, 0));
        assert_eq!(hm(slots.last().expect("steps").to), "00:30");
    }

    #[test]
    fn every_step_has_its_heading_purpose_and_instrument() {
        let w = shipped("3-timers-workshop", "da");
        let doc = script(&w, None);
        let headings = doc
            .iter()
            .filter(|b| matches!(b, Block::Heading(3, _)))
            .count();
        assert_eq!(headings, w.steps.len());
        assert!(doc.contains(&Block::Heading(
            3,
            format!("1. {} · 09:00–09:10 (10 min)", w.steps[0].title)
        )));
        let instruments = doc
            .iter()
            .filter(|b| matches!(b, Block::Line { label: Some(l), .. } if l == "Redskab"))
            .count();
        let runs_something = w
            .steps
            .iter()
            .filter(|s| s.kind.content_id().is_some() || s.kind.name() == "decisions")
            .count();
        assert_eq!(instruments, runs_something);
        assert!(doc.contains(&Block::Line {
            label: Some("Redskab".into()),
            text: "Model – Toplederens ni råd".into()
        }));
    }
}
