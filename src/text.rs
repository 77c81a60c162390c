//! text: makes strings from files and keyboards safe to draw. Pure; no I/O.
//!
//! Text reaches the terminal through ratatui cells; a control character in a cell
//! would be written to the terminal as-is, so it is removed at the edges
//! (content validation rejects it, typed and pasted input is cleaned).

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

#[cfg(test)]
mod tests {
    use super::*;

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
