//! The report as JSON: the `Report` as it is, pretty-printed, for other tools.
//! Its shape is documented by a JSON Schema derived from the same types
//! (docs/report.schema.json; a test keeps the file equal to `schema()`).

use super::Report;

/// The report as JSON (UTF-8, two-space indents, a final newline).
pub fn render(r: &Report) -> String {
    // Every field is a string, a number, a bool or a list of those: the
    // serialiser has nothing it could fail on, but an error would still be
    // reported in the file rather than panic.
    let mut s = serde_json::to_string_pretty(r)
        .unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()));
    s.push('\n');
    s
}

/// The JSON Schema of the report, pretty-printed.
pub fn schema() -> String {
    let schema = schemars::schema_for!(Report);
    let mut s = serde_json::to_string_pretty(&schema)
        .unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()));
    s.push('\n');
    s
}
