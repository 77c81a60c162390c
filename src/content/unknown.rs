//! Every unknown field of a file in one run. The parser stops at the first
//! field it does not know, so that field is blanked out — its key and value
//! replaced by spaces, which keeps every later line and column where it was —
//! and the file is parsed again, so the problems behind it are found too.

use std::ops::Range;

use toml_edit::{Document, Item, Table, Value};

/// Most unknown fields reported for one file before giving up on it.
pub const MAX_UNKNOWN: usize = 20;

/// `text` with the key at `key` and its value blanked, or `None` when the key
/// is not a plain `key = value` (a whole unknown table stays as it is).
pub fn blank_field(text: &str, key: &Range<usize>) -> Option<String> {
    let doc = Document::parse(text).ok()?;
    let range = in_table(doc.as_table(), key)?;
    let mut bytes = text.as_bytes().to_vec();
    for b in bytes.get_mut(range)? {
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
    String::from_utf8(bytes).ok()
}

/// The range from the key at `key` to the end of its value, in `table` or a
/// table below it.
fn in_table(table: &Table, key: &Range<usize>) -> Option<Range<usize>> {
    table.iter().find_map(|(name, item)| {
        let k = table.key(name)?;
        match item {
            Item::Value(v) if k.span().is_some_and(|s| s.start == key.start) => {
                Some(key.start..v.span()?.end)
            }
            Item::Value(v) => in_value(v, key),
            Item::Table(t) => in_table(t, key),
            Item::ArrayOfTables(a) => a.iter().find_map(|t| in_table(t, key)),
            Item::None => None,
        }
    })
}

fn in_value(value: &Value, key: &Range<usize>) -> Option<Range<usize>> {
    match value {
        Value::InlineTable(t) => t.iter().find_map(|(name, v)| {
            let k = t.key(name)?;
            if k.span().is_some_and(|s| s.start == key.start) {
                Some(key.start..v.span()?.end)
            } else {
                in_value(v, key)
            }
        }),
        Value::Array(a) => a.iter().find_map(|v| in_value(v, key)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_is_blanked_where_it_stands() {
        let text = "id = \"a\"\nminuttes = 10\n\n[[steps]]\nid = \"b\"\nhvad = { x = \"æ\" }\n";
        let at = text.find("minuttes").expect("key");
        let out = blank_field(text, &(at..at + 8)).expect("blanked");
        assert_eq!(out.len(), text.len());
        assert!(out.contains("id = \"a\"\n             \n"), "{out:?}");
        let at = text.find("hvad").expect("key");
        let out = blank_field(&out, &(at..at + 4)).expect("blanked");
        assert!(!out.contains("hvad") && !out.contains('æ'), "{out:?}");
        assert_eq!(out.lines().count(), text.lines().count());
    }
}
