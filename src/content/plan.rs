//! The plan of a prepared workshop — organisation, date, start time, number of
//! participants — checked: each optional, each reported at its value when it
//! cannot be read.

use toml::Spanned;

use super::check::Checker;
use super::model::Plan;
use super::raw;

/// Most participants a workshop plans for: a room, not a conference.
const MAX_PARTICIPANTS: u32 = 1_000;
/// Longest organisation name, in characters.
const MAX_ORG: usize = 200;

/// The plan `raw` gives, with a problem for each value that cannot be used.
pub fn check(c: &mut Checker<'_>, raw: &raw::Workshop) -> Plan {
    Plan {
        org: raw.org.as_ref().map(|o| org(c, o)).unwrap_or_default(),
        date: raw.date.as_ref().and_then(|d| date(c, d)),
        start: raw.start.as_ref().and_then(|s| start(c, s)),
        participants: raw.participants.as_ref().and_then(|p| participants(c, p)),
    }
}

fn org(c: &mut Checker<'_>, value: &Spanned<String>) -> String {
    let s = value.get_ref();
    if let Some((_, ch)) = crate::text::first_control(s) {
        c.report(
            value.span(),
            format!(
                "control character U+{:04X} is not allowed in text",
                ch as u32
            ),
            Some("remove it: text is shown as written".into()),
        );
    } else if s.chars().count() > MAX_ORG {
        c.report(
            value.span(),
            format!("org is longer than {MAX_ORG} characters"),
            None,
        );
    }
    s.trim().to_string()
}

fn date(c: &mut Checker<'_>, value: &Spanned<String>) -> Option<jiff::civil::Date> {
    match value.get_ref().trim().parse::<jiff::civil::Date>() {
        Ok(d) => Some(d),
        Err(_) => {
            c.report(
                value.span(),
                format!("{:?} is not a date", value.get_ref()),
                Some("write the day as YYYY-MM-DD, e.g. \"2026-03-12\"".into()),
            );
            None
        }
    }
}

/// `HH:MM`, 00:00–23:59.
pub fn parse_start(s: &str) -> Option<jiff::civil::Time> {
    let (h, m) = s.trim().split_once(':')?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (i8, i8) = (h.parse().ok()?, m.parse().ok()?);
    jiff::civil::Time::new(h, m, 0, 0).ok()
}

fn start(c: &mut Checker<'_>, value: &Spanned<String>) -> Option<jiff::civil::Time> {
    let t = parse_start(value.get_ref());
    if t.is_none() {
        c.report(
            value.span(),
            format!("{:?} is not a time of day", value.get_ref()),
            Some("write the start as HH:MM, e.g. \"09:00\"".into()),
        );
    }
    t
}

fn participants(c: &mut Checker<'_>, value: &Spanned<u32>) -> Option<u32> {
    let n = *value.get_ref();
    if (1..=MAX_PARTICIPANTS).contains(&n) {
        Some(n)
    } else {
        c.report(
            value.span(),
            format!("participants is {n}; a workshop plans for 1 to {MAX_PARTICIPANTS}"),
            None,
        );
        None
    }
}

#[cfg(test)]
mod tests {
    use super::parse_start;

    #[test]
    fn a_start_is_hours_and_minutes() {
        assert_eq!(
            parse_start("9:05"),
            Some(jiff::civil::Time::constant(9, 5, 0, 0))
        );
        assert_eq!(
            parse_start(" 13:30 "),
            Some(jiff::civil::Time::constant(13, 30, 0, 0))
        );
        for bad in ["24:00", "9", "09:5", "9:60", "-1:00", "ni", "09:00:00"] {
            assert_eq!(parse_start(bad), None, "{bad}");
        }
    }
}
