//! The form an answer is typed into: one field for a card or a note, three for
//! an action. The text lives here, in `ratatui-textarea`, until it is committed.
//! The exercise that opens a form gives its title and field labels.

use ratatui_textarea::{Input, TextArea};

use crate::session::{Draft, Target};

#[derive(Clone)]
pub struct Editor {
    pub step: String,
    pub target: Target,
    /// What the form is for, e.g. "Nyt kort – Nu: fordele".
    pub title: String,
    /// One label per field; empty for a single unlabelled field.
    pub labels: Vec<&'static str>,
    pub fields: Vec<TextArea<'static>>,
    pub focus: usize,
    /// Bumped on every keystroke, so the draft is saved only when it changed.
    pub version: u64,
    /// The last save attempt failed with this message; the text is still here.
    pub error: Option<String>,
}

impl Editor {
    /// A form with one field per value (at least one), the cursor at the end of
    /// the first.
    pub fn new(step: &str, target: Target, title: String, values: &[String]) -> Self {
        let values: Vec<String> = if values.is_empty() {
            vec![String::new()]
        } else {
            values.to_vec()
        };
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
            title,
            labels: Vec::new(),
            fields,
            focus: 0,
            version: 0,
            error: None,
        }
    }

    /// The same form with a label for each field.
    pub fn labelled(mut self, labels: &[&'static str]) -> Self {
        self.labels = labels.to_vec();
        self
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
            focus: self.focus,
        }
    }

    /// A keystroke into the focused field.
    pub fn input(&mut self, input: Input) {
        if let Some(field) = self.fields.get_mut(self.focus)
            && field.input(input)
        {
            self.version += 1;
        }
    }

    /// Pasted text, on one line, into the focused field.
    pub fn paste(&mut self, text: &str) {
        if let Some(field) = self.fields.get_mut(self.focus) {
            field.insert_str(crate::text::one_line(text));
            self.version += 1;
        }
    }

    /// Puts the cursor in field `i` (the last, if there are fewer).
    pub fn focus_on(&mut self, i: usize) {
        self.focus = i.min(self.fields.len().saturating_sub(1));
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
