//! The scale instrument: each item gets the group's agreed score, or a count of
//! the room's votes for each value, and a note. Turns keys into `Change::Set`.

use crate::content::Scale;
use crate::session::{Change, Value};

/// Where an item's note is kept.
pub fn note_key(item: &str) -> String {
    format!("{item}/note")
}

/// The change a digit makes on `item`: the agreed score, or one vote more.
pub fn digit(
    step: &str,
    scale: &Scale,
    item: &str,
    current: Option<&Value>,
    n: u8,
) -> Option<Change> {
    if !(scale.min..=scale.max).contains(&n) {
        return None;
    }
    let value = if scale.votes {
        let mut counts = current.map(|v| v.numbers().to_vec()).unwrap_or_default();
        counts.resize(usize::from(scale.max - scale.min + 1), 0);
        counts[usize::from(n - scale.min)] += 1;
        Value::Numbers(counts)
    } else {
        Value::Number(i64::from(n))
    };
    Some(Change::Set {
        step: step.to_string(),
        key: item.to_string(),
        value: Some(value),
    })
}

/// The spread of a set of values: how many, mean, lowest, highest, and the
/// count at each value from `min`.
#[derive(Debug, Clone, PartialEq)]
pub struct Spread {
    pub count: i64,
    pub mean: f64,
    pub low: u8,
    pub high: u8,
    pub distribution: Vec<i64>,
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

/// The spread of the agreed scores across all items (score mode).
pub fn scores_spread(scale: &Scale, score: impl Fn(&str) -> Option<i64>) -> Option<Spread> {
    let mut counts = vec![0; usize::from(scale.max - scale.min + 1)];
    for item in &scale.items {
        if let Some(s) = score(&item.id)
            && let Some(c) = counts.get_mut((s - i64::from(scale.min)) as usize)
        {
            *c += 1;
        }
    }
    spread(&counts, scale.min)
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
