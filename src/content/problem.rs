//! A problem found in a content or workshop file, located as `path:line:col`,
//! printed with the line, a caret and, where one helps, a hint. Locating is
//! linear: the file's line starts are indexed once, not counted per problem.

use std::cell::OnceCell;
use std::fmt;
use std::ops::Range;

use crate::text::clean;

/// A file's text with its display path, so byte spans can be turned into positions.
pub struct SourceText<'a> {
    pub path: &'a str,
    pub text: &'a str,
    /// Byte offset of the start of every line, built on first use.
    lines: OnceCell<Vec<usize>>,
}

impl<'a> SourceText<'a> {
    pub fn new(path: &'a str, text: &'a str) -> Self {
        Self {
            path,
            text,
            lines: OnceCell::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.lines.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// A problem at the byte span `span` of this file.
    pub fn problem(&self, span: Range<usize>, message: impl Into<String>) -> Problem {
        let start = floor_char_boundary(self.text, span.start.min(self.text.len()));
        let starts = self.line_starts();
        // The last line start at or before `start`; there is always line 1 at 0.
        let index = starts.partition_point(|&s| s <= start).saturating_sub(1);
        let line_start = starts.get(index).copied().unwrap_or(0);
        let line_end = starts
            .get(index + 1)
            .map_or(self.text.len(), |next| next - 1);
        let line_text = self.text[line_start..line_end].trim_end_matches('\r');
        let col = self.text[line_start..start].chars().count() + 1;
        let end = floor_char_boundary(self.text, span.end.clamp(start, line_end));
        let width = self.text[start..end].chars().count().max(1);
        Problem {
            path: self.path.to_string(),
            line: index + 1,
            col,
            message: message.into(),
            excerpt: Some(Excerpt {
                text: crate::text::one_line(line_text),
                caret_col: col,
                caret_len: width,
            }),
            hint: None,
        }
    }

    /// A problem about the file as a whole (reported at 1:1, with no excerpt).
    pub fn whole_file(&self, message: impl Into<String>) -> Problem {
        Problem::whole(self.path, message)
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One thing wrong in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    pub message: String,
    pub excerpt: Option<Excerpt>,
    /// What to do about it, when flipover can tell ("did you mean `minutes`?").
    pub hint: Option<String>,
}

/// The offending line, with where the caret goes under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    pub text: String,
    pub caret_col: usize,
    pub caret_len: usize,
}

impl Problem {
    /// A problem about the file at `path` as a whole, at 1:1.
    pub fn whole(path: &str, message: impl Into<String>) -> Self {
        Problem {
            path: path.to_string(),
            line: 1,
            col: 1,
            message: message.into(),
            excerpt: None,
            hint: None,
        }
    }

    /// The same problem with a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The first line only: `path:line:col: message`, safe to print (the path
    /// and a parser's message may quote the file).
    pub fn headline(&self) -> String {
        let text = format!("{}:{}:{}: {}", self.path, self.line, self.col, self.message);
        clean(&text).into_owned()
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.headline())?;
        let gutter = self.line.to_string();
        let pad = " ".repeat(gutter.len());
        if let Some(ex) = &self.excerpt {
            write!(
                f,
                "\n{pad} |\n{gutter} | {}\n{pad} | {}{}",
                clean(&ex.text),
                " ".repeat(ex.caret_col.saturating_sub(1)),
                "^".repeat(ex.caret_len)
            )?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n{pad} = hint: {}", clean(hint))?;
        }
        Ok(())
    }
}

/// The candidate closest to `wanted`, if it is close enough to be a likely typo.
pub fn did_you_mean<'c>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(wanted, c), c))
        // 0.8: close enough for a slip of the finger, not for another word.
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// A parser's "unknown field `x`, expected one of `a`, `b`" turned into a
/// short message and a hint naming the closest field (`None` for other messages).
pub fn unknown_name(message: &str) -> Option<(String, String)> {
    let (what, rest) = ["unknown field `", "unknown variant `"]
        .iter()
        .find_map(|p| message.strip_prefix(p).map(|r| (&p[..p.len() - 2], r)))?;
    let (name, expected) = rest.rsplit_once("`, expected ")?;
    let allowed: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    let short = format!("{what} `{name}`");
    let hint = match did_you_mean(name, allowed.iter().copied()) {
        Some(best) => format!("did you mean `{best}`?"),
        None if allowed.is_empty() => "nothing else is allowed here".to_string(),
        None => format!("allowed here: {}", allowed.join(", ")),
    };
    Some((short, hint))
}

/// `n` with a comma between thousands: 29,800.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_line_and_column_in_characters() {
        let src = SourceText::new("a.toml", "title = \"æøå\"\nminutes = \"ti\"\n");
        let at = src.text.find("\"ti\"").unwrap_or_default();
        let p = src.problem(at..at + 4, "expected a number");
        assert_eq!(p.headline(), "a.toml:2:11: expected a number");
        assert_eq!(
            p.to_string(),
            "a.toml:2:11: expected a number\n  |\n2 | minutes = \"ti\"\n  |           ^^^^"
        );
        let end = src.problem(src.text.len()..src.text.len(), "at the end");
        assert_eq!((end.line, end.col), (3, 1));
        assert_eq!(src.problem(0..1, "first").line, 1);
    }

    #[test]
    fn column_counts_characters_not_bytes() {
        let src = SourceText::new("b.toml", "x = \"æøå\" y");
        let at = src.text.find('y').unwrap_or_default();
        assert_eq!(src.problem(at..at + 1, "m").col, 11);
    }

    #[test]
    fn an_unknown_field_gets_the_closest_one_as_a_hint() {
        let m = "unknown field `minuttes`, expected one of `id`, `title`, `minutes`";
        assert_eq!(
            unknown_name(m),
            Some((
                "unknown field `minuttes`".into(),
                "did you mean `minutes`?".into()
            ))
        );
        let far = "unknown field `zzz`, expected `id` or `title`";
        assert_eq!(
            unknown_name(far).map(|(_, h)| h),
            Some("allowed here: id, title".into())
        );
        assert_eq!(unknown_name("invalid type: string"), None);
    }

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(29_800), "29,800");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }
}
