//! text: makes strings from files and keyboards safe to draw. Pure; no I/O.
//!
//! Text reaches the terminal through ratatui cells; a control character in a cell
//! would be written to the terminal as-is, so it is removed at the edges
//! (content validation rejects it, typed and pasted input is cleaned).
//!
//! Text printed outside ratatui (`check`, warnings, `sessions`, error messages)
//! goes through `clean`: anything read from a file or a session — including a
//! parser's message that quotes it — is data, never a terminal command.

use std::borrow::Cow;
use std::fmt::Write;

/// The first control character in `s`, if any (tabs and newlines included).
pub fn first_control(s: &str) -> Option<(usize, char)> {
    s.char_indices().find(|(_, c)| c.is_control())
}

/// `s` on one line: control characters (newlines, tabs, escapes) become spaces,
/// runs of spaces fold into one, and the ends are trimmed.
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s
        .split(|c: char| c.is_control() || c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether `c` could change what a terminal shows beyond printing itself:
/// control characters (C0, DEL, C1) and the bidirectional overrides that can
/// make a line read differently from what it holds.
fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `s` safe to print to a terminal: each unsafe character is written as a
/// visible escape (`\u{1b}`), so the reader sees what the file holds and the
/// terminal receives no command. Free when there is nothing to clean.
pub fn clean(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Each line of `s` cleaned, the line breaks kept (for messages of several
/// lines built by flipover itself, such as a problem with its excerpt).
pub fn clean_lines(s: &str) -> String {
    s.split('\n').map(clean).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_shows_escapes_instead_of_sending_them() {
        assert_eq!(clean("x\u{1b}]0;pwned\u{7}"), "x\\u{1b}]0;pwned\\u{7}");
        assert_eq!(clean("æøå – fint"), "æøå – fint");
        assert!(matches!(clean("æøå"), Cow::Borrowed(_)));
        assert_eq!(clean("a\u{9b}b\u{202E}c"), "a\\u{9b}b\\u{202e}c");
        assert_eq!(clean_lines("a\u{7}\nb"), "a\\u{7}\nb");
    }

    #[test]
    fn one_line_removes_escapes_and_folds_space() {
        assert_eq!(
            one_line("  rød\x1b[31m grød\n med  fløde\t"),
            "rød [31m grød med fløde"
        );
    }

    #[test]
    fn first_control_finds_escape() {
        assert_eq!(first_control("æø\x07å"), Some((4, '\u{7}')));
        assert_eq!(first_control("æøå"), None);
    }
}
