//! A problem found in a content or workshop file, located as `path:line:col`.

use std::fmt;
use std::ops::Range;

/// A file's text with its display path, so byte spans can be turned into positions.
pub struct SourceText<'a> {
    pub path: &'a str,
    pub text: &'a str,
}

impl SourceText<'_> {
    /// A problem at the byte span `span` of this file.
    pub fn problem(&self, span: Range<usize>, message: impl Into<String>) -> Problem {
        let start = floor_char_boundary(self.text, span.start.min(self.text.len()));
        let line_start = self.text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |i| start + i);
        let line_text = self.text[line_start..line_end].trim_end_matches('\r');
        let line = self.text[..line_start].matches('\n').count() + 1;
        let col = self.text[line_start..start].chars().count() + 1;
        let end = floor_char_boundary(self.text, span.end.clamp(start, line_end));
        let width = self.text[start..end].chars().count().max(1);
        Problem {
            path: self.path.to_string(),
            line,
            col,
            message: message.into(),
            excerpt: Some(Excerpt {
                text: crate::text::one_line(line_text),
                caret_col: col,
                caret_len: width,
            }),
        }
    }

    /// A problem about the file as a whole (reported at 1:1, with no excerpt).
    pub fn whole_file(&self, message: impl Into<String>) -> Problem {
        Problem {
            path: self.path.to_string(),
            line: 1,
            col: 1,
            message: message.into(),
            excerpt: None,
        }
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
}

/// The offending line, with where the caret goes under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    pub text: String,
    pub caret_col: usize,
    pub caret_len: usize,
}

impl Problem {
    /// The first line only: `path:line:col: message`.
    pub fn headline(&self) -> String {
        format!("{}:{}:{}: {}", self.path, self.line, self.col, self.message)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.headline())?;
        if let Some(ex) = &self.excerpt {
            let gutter = self.line.to_string();
            let pad = " ".repeat(gutter.len());
            write!(
                f,
                "\n{pad} |\n{gutter} | {}\n{pad} | {}{}",
                ex.text,
                " ".repeat(ex.caret_col.saturating_sub(1)),
                "^".repeat(ex.caret_len)
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_line_and_column_in_characters() {
        let src = SourceText {
            path: "a.toml",
            text: "title = \"æøå\"\nminutes = \"ti\"\n",
        };
        let at = src.text.find("\"ti\"").unwrap_or_default();
        let p = src.problem(at..at + 4, "expected a number");
        assert_eq!(p.headline(), "a.toml:2:11: expected a number");
        assert_eq!(
            p.to_string(),
            "a.toml:2:11: expected a number\n  |\n2 | minutes = \"ti\"\n  |           ^^^^"
        );
    }

    #[test]
    fn column_counts_characters_not_bytes() {
        let src = SourceText {
            path: "b.toml",
            text: "x = \"æøå\" y",
        };
        let at = src.text.find('y').unwrap_or_default();
        assert_eq!(src.problem(at..at + 1, "m").col, 11);
    }
}
