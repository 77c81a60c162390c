//! The script as one self-contained HTML page, ready to print with the
//! report's print style: no scripts, no outside files, every text escaped.

use super::Block;
use crate::export::html::esc as escape;

/// The report's print style (A4, a step never split under its heading) is
/// the guide's too; this adds only what the guide has and the report does not.
const GUIDE_STYLE: &str = "section.step { border-top: 1px solid var(--line); padding-top: 8px; }\n\
                           .label { font-weight: 600; }\n\
                           td.when { white-space: nowrap; font-variant-numeric: tabular-nums; }\n";

/// `doc` as an HTML page in `lang`; each step (level-3 heading and what
/// follows) in a section that a page break does not split.
pub fn render(doc: &[Block], lang: &str) -> String {
    let title = doc
        .iter()
        .find_map(|b| match b {
            Block::Heading(1, t) => Some(t.as_str()),
            _ => None,
        })
        .unwrap_or("flipover");
    let mut body = String::new();
    let mut in_step = false;
    for block in doc {
        if matches!(block, Block::Heading(..)) && in_step {
            body.push_str("</section>\n");
            in_step = false;
        }
        match block {
            Block::Heading(level, text) => {
                if *level == 3 {
                    body.push_str("<section class=\"step\">\n");
                    in_step = true;
                }
                body.push_str(&format!("<h{level}>{}</h{level}>\n", escape(text)));
            }
            Block::Line { label, text } => match label {
                Some(l) => body.push_str(&format!(
                    "<p><span class=\"label\">{}:</span> {}</p>\n",
                    escape(l),
                    escape(text)
                )),
                None => body.push_str(&format!("<p>{}</p>\n", escape(text))),
            },
            Block::List { label, items } => {
                if !label.is_empty() {
                    body.push_str(&format!("<p class=\"label\">{}:</p>\n", escape(label)));
                }
                body.push_str("<ul>\n");
                for item in items {
                    body.push_str(&format!("<li>{}</li>\n", escape(item)));
                }
                body.push_str("</ul>\n");
            }
            Block::Table { header, rows } => {
                body.push_str("<table>\n<thead><tr>");
                for h in header {
                    body.push_str(&format!("<th>{}</th>", escape(h)));
                }
                body.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    body.push_str("<tr>");
                    for (i, cell) in row.iter().enumerate() {
                        let class = if i == 0 { " class=\"when\"" } else { "" };
                        body.push_str(&format!("<td{class}>{}</td>", escape(cell)));
                    }
                    body.push_str("</tr>\n");
                }
                body.push_str("</tbody>\n</table>\n");
            }
        }
    }
    if in_step {
        body.push_str("</section>\n");
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{}{GUIDE_STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        escape(title),
        crate::export::STYLE,
        lang = escape(lang),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_from_files_cannot_become_markup() {
        let doc = vec![
            Block::Heading(1, "<script>x</script>".into()),
            Block::Heading(3, "1. A & B".into()),
            Block::Line {
                label: None,
                text: "\"quoted\" 'single'".into(),
            },
        ];
        let page = render(&doc, "da");
        assert!(!page.contains("<script>"), "{page}");
        assert!(page.contains("&lt;script&gt;x&lt;/script&gt;"));
        assert!(page.contains("1. A &amp; B"));
        assert!(page.contains("&quot;quoted&quot; &#39;single&#39;"));
        assert_eq!(
            page.matches("<section").count(),
            page.matches("</section>").count()
        );
    }
}
