//! The arithmetic of a split, pure: what the room agreed stays exactly as
//! typed; only the categories not set yet share what the agreed ones leave of
//! 100 %. Nothing here corrects a total that is off: it is shown as it is.

use crate::content::Split;

/// A category's per cent as shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Share {
    /// Nothing in the unit is set yet.
    Open,
    /// Typed by the facilitator: what the room agreed, never moved.
    Agreed(i64),
    /// Not set yet: this category's part of what the agreed ones leave.
    Rest(i64),
}

impl Share {
    pub fn percent(self) -> i64 {
        match self {
            Share::Open => 0,
            Share::Agreed(p) | Share::Rest(p) => p,
        }
    }
}

/// Every category's share from what the room agreed (`None`: not set), in
/// the categories' order. The rest (100 less the agreed, never below 0) goes
/// to the categories not set, a `step` at a time in turn from the first, each
/// up to its max, so the shares come out as round as the agreed values allow.
/// With nothing agreed, nothing is shared out: every category is `Open`.
pub fn shares(split: &Split, agreed: &[Option<i64>]) -> Vec<Share> {
    let n = split.categories.len();
    let agreed: Vec<Option<i64>> = (0..n).map(|i| agreed.get(i).copied().flatten()).collect();
    if agreed.iter().all(Option::is_none) {
        return vec![Share::Open; n];
    }
    let sum = agreed
        .iter()
        .flatten()
        .fold(0i64, |acc, p| acc.saturating_add(*p));
    let mut rest = 100i64.saturating_sub(sum).clamp(0, 100);
    let step = i64::from(split.step.max(1));
    let room: Vec<i64> = split.categories.iter().map(|c| i64::from(c.max)).collect();
    let open: Vec<usize> = (0..n).filter(|&i| agreed[i].is_none()).collect();
    let mut given = vec![0i64; n];
    // Each pass gives every open category a step (or what is left), so the
    // loop ends once the rest is gone or no open category has room.
    while rest > 0 {
        let before = rest;
        for &i in &open {
            let add = step.min(rest).min(room[i] - given[i]).max(0);
            given[i] += add;
            rest -= add;
        }
        if rest == before {
            break;
        }
    }
    agreed
        .iter()
        .zip(given)
        .map(|(a, g)| a.map_or(Share::Rest(g), Share::Agreed))
        .collect()
}

/// What the unit adds up to as shown; `None` while nothing is set.
pub fn total(shares: &[Share]) -> Option<i64> {
    (!shares.iter().all(|s| *s == Share::Open)).then(|| {
        shares
            .iter()
            .fold(0i64, |acc, s| acc.saturating_add(s.percent()))
    })
}

/// A typed percentage, a whole number from 0 to `max` ("40", "40 %").
pub fn parse_percent(text: &str, max: i64) -> Option<i64> {
    text.trim()
        .trim_end_matches('%')
        .trim()
        .parse()
        .ok()
        .filter(|v| (0..=max).contains(v))
}

#[cfg(test)]
pub(super) mod tests {
    use super::Share::{Agreed, Open, Rest};
    use super::*;
    use crate::content::{About, Category, Unit};

    /// A split of one unit over four categories with these maxima.
    pub(in crate::exercise::split) fn split(max: [u32; 4]) -> Split {
        Split {
            about: About {
                id: "p".into(),
                lang: "da".into(),
                source: "s".into(),
                title: "t".into(),
                intro: String::new(),
                advice: None,
                model: None,
            },
            units: vec![Unit {
                id: "a".into(),
                title: "A".into(),
            }],
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
    fn nothing_agreed_shares_nothing_out() {
        let s = split([100; 4]);
        assert_eq!(shares(&s, &[]), [Open; 4]);
        assert_eq!(total(&shares(&s, &[None; 4])), None);
    }

    #[test]
    fn the_room_agrees_one_at_a_time_and_nothing_agreed_moves() {
        let s = split([100; 4]);
        let mut agreed = [None; 4];
        agreed[0] = Some(40);
        assert_eq!(
            shares(&s, &agreed),
            [Agreed(40), Rest(20), Rest(20), Rest(20)]
        );
        agreed[1] = Some(30);
        assert_eq!(
            shares(&s, &agreed),
            [Agreed(40), Agreed(30), Rest(15), Rest(15)]
        );
        agreed[2] = Some(20);
        let third = shares(&s, &agreed);
        assert_eq!(third, [Agreed(40), Agreed(30), Agreed(20), Rest(10)]);
        assert_eq!(total(&third), Some(100));
    }

    #[test]
    fn every_agreed_value_stays_as_typed_whatever_else_is_set() {
        let s = split([100; 4]);
        for a in [0, 3, 37, 50, 99, 100] {
            for b in [None, Some(0), Some(33), Some(70)] {
                for c in [None, Some(15), Some(61)] {
                    let agreed = [Some(a), b, None, c];
                    let out = shares(&s, &agreed);
                    for (share, typed) in out.iter().zip(agreed) {
                        if let Some(t) = typed {
                            assert_eq!(*share, Agreed(t), "{agreed:?} -> {out:?}");
                        }
                    }
                    let sum: i64 = agreed.iter().flatten().sum();
                    let expected = sum.max(100);
                    assert_eq!(total(&out), Some(expected), "{agreed:?} -> {out:?}");
                }
            }
        }
    }

    #[test]
    fn the_rest_comes_in_steps_and_what_is_odd_goes_to_the_first() {
        let s = split([100; 4]);
        assert_eq!(
            shares(&s, &[Some(50), Some(25), None, None]),
            [Agreed(50), Agreed(25), Rest(15), Rest(10)]
        );
        assert_eq!(
            shares(&s, &[Some(37), None, None, None]),
            [Agreed(37), Rest(23), Rest(20), Rest(20)]
        );
    }

    #[test]
    fn all_agreed_and_off_100_is_shown_as_it_is() {
        let s = split([100; 4]);
        let over = shares(&s, &[Some(40), Some(35), Some(20), Some(10)]);
        assert_eq!(total(&over), Some(105));
        let under = shares(&s, &[Some(40), Some(30), Some(20), Some(5)]);
        assert_eq!(total(&under), Some(95));
        let too_much = shares(&s, &[Some(80), Some(40), None, None]);
        assert_eq!(too_much[2..], [Rest(0), Rest(0)]);
        assert_eq!(total(&too_much), Some(120));
    }

    #[test]
    fn the_rest_respects_each_category_max() {
        let s = split([40, 40, 10, 10]);
        let out = shares(&s, &[Some(40), None, None, None]);
        assert_eq!(out, [Agreed(40), Rest(40), Rest(10), Rest(10)]);
        let out = shares(&s, &[None, Some(10), None, None]);
        assert_eq!(out, [Rest(40), Agreed(10), Rest(10), Rest(10)]);
        assert_eq!(total(&out), Some(70), "short of 100, and shown so");
    }

    #[test]
    fn a_hand_edited_session_cannot_break_it() {
        let s = split([100; 4]);
        let out = shares(&s, &[Some(i64::MAX), Some(i64::MAX), None, Some(-5)]);
        assert_eq!(out[2], Rest(0));
        assert_eq!(total(&out), Some(i64::MAX - 5));
        let out = shares(&s, &[Some(-500), None, None, None]);
        assert_eq!(out[1..], [Rest(35), Rest(35), Rest(30)]);
    }

    #[test]
    fn reads_typed_whole_percentages_up_to_the_max() {
        assert_eq!(parse_percent(" 37 % ", 100), Some(37));
        assert_eq!(parse_percent("0", 100), Some(0));
        assert_eq!(parse_percent("140", 100), None);
        assert_eq!(parse_percent("50", 40), None);
        assert_eq!(parse_percent("12,5", 100), None);
        assert_eq!(parse_percent("fyrre", 100), None);
    }
}
