//! The script as Markdown: headings, bold labels, lists and a pipe table.

use super::Block;
use crate::text::clean;

/// Text that cannot break the Markdown around it: no line breaks, no table
/// pipes.
fn inline(s: &str) -> String {
    clean(s).replace('\n', " ").replace('|', "\\|")
}

/// `doc` as Markdown.
pub fn render(doc: &[Block]) -> String {
    let mut out = String::new();
    for block in doc {
        match block {
            Block::Heading(level, text) => {
                let hashes = "#".repeat(usize::from(*level));
                out.push_str(&format!("{hashes} {}\n\n", inline(text)));
            }
            Block::Line { label, text } => {
                match label {
                    Some(l) => out.push_str(&format!("**{}:** {}\n\n", inline(l), inline(text))),
                    None => out.push_str(&format!("{}\n\n", inline(text))),
                };
            }
            Block::List { label, items } => {
                if !label.is_empty() {
                    out.push_str(&format!("**{}:**\n\n", inline(label)));
                }
                for item in items {
                    out.push_str(&format!("- {}\n", inline(item)));
                }
                out.push('\n');
            }
            Block::Table { header, rows } => {
                let row = |cells: &[String]| {
                    let cells: Vec<String> = cells.iter().map(|c| inline(c)).collect();
                    format!("| {} |\n", cells.join(" | "))
                };
                out.push_str(&row(header));
                out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
                for r in rows {
                    out.push_str(&row(r));
                }
                out.push('\n');
            }
        }
    }
    out
}
