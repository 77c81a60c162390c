//! The split instrument: per unit, percentages over categories that always add
//! up to 100 %. Setting one category moves the others in proportion.

use crate::content::Split;

/// Where a unit's split is kept.
pub fn key(unit: usize) -> String {
    format!("unit-{unit}")
}

/// `current` with category `index` set to `value` (rounded to the step and
/// within its max) and the others moved in proportion so the total is 100.
/// Starting from nothing, the rest is shared evenly.
pub fn set(split: &Split, current: &[i64], index: usize, value: i64) -> Vec<i64> {
    let n = split.categories.len();
    let step = i64::from(split.step.max(1));
    let max: Vec<i64> = split.categories.iter().map(|c| i64::from(c.max)).collect();
    let mut out = vec![0i64; n];
    let v = ((value + step / 2) / step * step).clamp(0, max[index].min(100));
    out[index] = v;
    let mut rest = 100 - v;
    let others: Vec<usize> = (0..n).filter(|&j| j != index).collect();
    let weights: Vec<i64> = others
        .iter()
        .map(|&j| current.get(j).copied().unwrap_or(0))
        .collect();
    let total: i64 = weights.iter().sum();
    for (k, &j) in others.iter().enumerate() {
        let share = if total > 0 {
            rest * weights[k] / total
        } else {
            rest / others.len().max(1) as i64
        };
        let share = (share / step * step).min(max[j]);
        out[j] = share;
    }
    rest -= others.iter().map(|&j| out[j]).sum::<i64>();
    // What rounding left over goes, a step at a time, to the others with room
    // (the biggest first), and to the set category only if nothing else can take it.
    let mut order = others.clone();
    order.sort_by_key(|&j| std::cmp::Reverse(out[j]));
    order.push(index);
    while rest > 0 {
        let Some(&j) = order.iter().find(|&&j| out[j] + step.min(rest) <= max[j]) else {
            break;
        };
        let add = step.min(rest);
        out[j] += add;
        rest -= add;
        order.rotate_left(1);
    }
    out
}

/// A typed percentage ("40", "40 %").
pub fn parse_percent(text: &str) -> Option<i64> {
    text.trim()
        .trim_end_matches('%')
        .trim()
        .parse()
        .ok()
        .filter(|v| (0..=100).contains(v))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{About, Category};

    fn split(max: [u32; 4]) -> Split {
        Split {
            about: About {
                id: "p".into(),
                lang: "da".into(),
                source: "s".into(),
                title: "t".into(),
                intro: String::new(),
                advice: None,
            },
            units: vec!["A".into()],
            step: 5,
            categories: max
                .iter()
                .enumerate()
                .map(|(i, m)| Category {
                    id: format!("c{i}"),
                    title: format!("C{i}"),
                    hint: String::new(),
                    max: *m,
                })
                .collect(),
        }
    }

    #[test]
    fn always_adds_up_to_100() {
        let s = split([100; 4]);
        let first = set(&s, &[], 0, 50);
        assert_eq!(first, [50, 20, 15, 15]);
        let second = set(&s, &first, 1, 36);
        assert_eq!(second.iter().sum::<i64>(), 100, "{second:?}");
        assert_eq!(second[1], 35);
        for v in [0, 3, 37, 99, 100] {
            for i in 0..4 {
                let out = set(&s, &second, i, v);
                assert_eq!(out.iter().sum::<i64>(), 100, "{i} = {v}: {out:?}");
            }
        }
    }

    #[test]
    fn respects_each_category_max() {
        let s = split([40, 40, 10, 10]);
        let out = set(&s, &[], 2, 90);
        assert_eq!(out[2], 10);
        assert_eq!(out.iter().sum::<i64>(), 100, "{out:?}");
        assert!(
            out.iter().zip([40, 40, 10, 10]).all(|(v, m)| *v <= m),
            "{out:?}"
        );
    }

    #[test]
    fn reads_typed_percentages() {
        assert_eq!(parse_percent(" 40 % "), Some(40));
        assert_eq!(parse_percent("140"), None);
        assert_eq!(parse_percent("fyrre"), None);
    }
}
