//! What a step collected, as plain data with the content's labels and ids: the
//! report arranges these blocks and never reads the session's keys itself.
//! Serialised as they are for the JSON export, so field names are stable (the
//! JSON Schema in docs/report.schema.json is derived from these types).

use schemars::JsonSchema;
use serde::Serialize;

use crate::i18n::Words;

/// One step of a session and what it collected.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct StepAnswers {
    pub id: String,
    pub title: String,
    /// The step's kind: info, break, model, board, discussion, decisions,
    /// scale, slider, split, stages, canvas; or review (the open actions of
    /// the series' last session, in front of the workshop).
    pub kind: &'static str,
    pub planned_minutes: u32,
    /// Time the step's clock ran, in milliseconds; 0 when it never ran
    /// (the reports then show "–": not measured).
    pub used_ms: u64,
    pub blocks: Vec<Block>,
}

/// A piece of what a step collected.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// Named texts: a board's situations, a canvas' fields.
    Texts { fields: Vec<Text> },
    /// Cards in the areas of a board, with groups and votes.
    Cards { areas: Vec<Area> },
    /// The points of a discussion, in the order said.
    Points { points: Vec<Card> },
    /// Decisions: what, who, by when.
    Actions { actions: Vec<ActionItem> },
    /// Items rated on a scale: agreed scores, or the room's votes per value.
    Scores {
        min: u8,
        max: u8,
        /// What the lowest and highest value mean.
        low: String,
        high: String,
        /// Votes per value rather than one agreed score.
        votes: bool,
        items: Vec<Score>,
        /// The spread of the agreed scores over all items (score mode).
        spread: Option<Spread>,
    },
    /// Where the group stands between two poles, and where it wants to be.
    Positions {
        /// Whether "where we want to be" was asked.
        want: bool,
        items: Vec<Position>,
    },
    /// Percentages per unit over categories.
    Splits {
        categories: Vec<Label>,
        units: Vec<UnitSplit>,
    },
    /// Marks placed on the stages of a curve or ladder, with notes; or the
    /// points of a case with notes only.
    Stages { stages: Vec<StageMarks> },
    /// The actions an earlier session of the series left open, as reviewed.
    Review { items: Vec<Reviewed> },
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Label {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Text {
    pub id: String,
    pub title: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Area {
    pub id: String,
    pub title: String,
    /// Groups first-card first, each card of a group right after its first.
    pub cards: Vec<Card>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Card {
    pub id: u64,
    pub text: String,
    pub votes: u32,
    /// The id of the first card of its group, when it is in one.
    pub group: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ActionItem {
    pub id: u64,
    pub what: String,
    pub who: String,
    pub when: String,
}

/// An action from the last session of the series and what became of it.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Reviewed {
    pub id: u64,
    pub what: String,
    pub who: String,
    pub when: String,
    /// `done`, `carried` (carried on) or `dropped`; `None` when not reviewed
    /// (it stays open, as a carried-on one does).
    pub status: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Score {
    pub id: String,
    pub title: String,
    /// The agreed score (score mode).
    pub score: Option<i64>,
    /// Votes per value from `min` (votes mode).
    pub counts: Vec<i64>,
    /// The spread of the votes (votes mode).
    pub spread: Option<Spread>,
    pub note: Option<String>,
}

/// How a set of values lies: how many, mean, lowest, highest, and the count at
/// each value from the scale's minimum.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Spread {
    pub count: i64,
    pub mean: f64,
    pub low: u8,
    pub high: u8,
    pub distribution: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Position {
    pub id: String,
    pub question: String,
    pub left: String,
    pub right: String,
    /// 1 (left) to 5 (right).
    pub now: Option<i64>,
    pub want: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct UnitSplit {
    pub id: String,
    pub title: String,
    /// Per cent per category as the room set it, in the categories' order;
    /// null when not set.
    pub percents: Vec<Option<i64>>,
    /// What each category not set takes of the rest (100 less what is set),
    /// as shown on screen; null for the set ones, and for all while nothing
    /// is set.
    pub rest: Vec<Option<i64>>,
    /// What the unit adds up to, set and rest together: 100, or more when
    /// what is set goes over (less when the rest cannot all be taken); null
    /// while nothing is set. Never corrected.
    pub total: Option<i64>,
}

/// How far a split's total is from 100 %: "5 for meget", "5 for lidt";
/// `None` at exactly 100.
pub fn off_by(total: i64, w: &Words) -> Option<String> {
    match total.cmp(&100) {
        std::cmp::Ordering::Greater => {
            Some(format!("{} {}", total.saturating_sub(100), w.too_much))
        }
        std::cmp::Ordering::Less => {
            Some(format!("{} {}", 100i64.saturating_sub(total), w.too_little))
        }
        std::cmp::Ordering::Equal => None,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct StageMarks {
    pub id: String,
    pub title: String,
    /// Marks placed; null where none are placed (a case gone through point
    /// by point, with notes only).
    pub marks: Option<i64>,
    pub note: Option<String>,
}

/// The spread of `counts` (votes per value, from `min`); `None` without votes.
pub fn spread(counts: &[i64], min: u8) -> Option<Spread> {
    let count: i64 = counts.iter().sum();
    if count <= 0 {
        return None;
    }
    let sum: i64 = counts
        .iter()
        .enumerate()
        .map(|(i, c)| (i as i64 + i64::from(min)) * c)
        .sum();
    let low = counts.iter().position(|c| *c > 0)? as u8 + min;
    let high = counts.iter().rposition(|c| *c > 0)? as u8 + min;
    Some(Spread {
        count,
        mean: sum as f64 / count as f64,
        low,
        high,
        distribution: counts.to_vec(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spread_gives_mean_range_and_distribution() {
        let s = spread(&[0, 2, 5, 1, 0], 1).expect("votes");
        assert_eq!((s.count, s.low, s.high), (8, 2, 4));
        assert!((s.mean - 2.875).abs() < 1e-9);
        assert_eq!(spread(&[0, 0, 0, 0, 0], 1), None);
    }
}
