//! The form an answer is typed into: one field for a card or point, three for an
//! action. The text lives here, in `ratatui-textarea`, until it is committed.

use ratatui_textarea::TextArea;

use crate::session::{Draft, Target};

pub struct Editor {
    pub step: String,
    pub target: Target,
    pub fields: Vec<TextArea<'static>>,
    pub focus: usize,
    /// Bumped on every keystroke, so the draft is saved only when it changed.
    pub version: u64,
    /// The last save attempt failed with this message; the text is still here.
    pub error: Option<String>,
}

impl Editor {
    pub fn new(step: &str, target: Target, values: &[String]) -> Self {
        let fields = values
            .iter()
            .map(|v| {
                let mut t = TextArea::new(vec![v.clone()]);
                t.move_cursor(ratatui_textarea::CursorMove::End);
                t.set_cursor_line_style(ratatui::style::Style::default());
                t
            })
            .collect();
        Self {
            step: step.to_string(),
            target,
            fields,
            focus: 0,
            version: 0,
            error: None,
        }
    }

    /// Field `i` on one line, cleaned of control characters.
    pub fn value(&self, i: usize) -> String {
        self.fields
            .get(i)
            .map(|f| crate::text::one_line(&f.lines().join(" ")))
            .unwrap_or_default()
    }

    pub fn values(&self) -> Vec<String> {
        (0..self.fields.len()).map(|i| self.value(i)).collect()
    }

    pub fn is_empty(&self) -> bool {
        self.values().iter().all(String::is_empty)
    }

    pub fn draft(&self) -> Draft {
        Draft {
            step: self.step.clone(),
            target: self.target.clone(),
            fields: self.values(),
        }
    }

    pub fn focused(&mut self) -> Option<&mut TextArea<'static>> {
        self.fields.get_mut(self.focus)
    }

    pub fn next_field(&mut self, forward: bool) {
        let n = self.fields.len().max(1);
        self.focus = if forward {
            (self.focus + 1) % n
        } else {
            (self.focus + n - 1) % n
        };
    }
}
