//! From a file's text to its raw serde form: the header first (to know the
//! kind), then the whole file as that kind, past every unknown field (see
//! `unknown`). Parser errors become `Problem`s at their line and column.

use super::problem::{self, Problem, SourceText};
use super::{raw, unknown};

pub(super) enum Parsed {
    Content(Box<RawContent>),
    Workshop(Box<raw::Workshop>),
}

pub(super) enum RawContent {
    Model(raw::Model),
    Board(raw::Board),
    Scale(raw::Scale),
    Slider(raw::Slider),
    Split(raw::Split),
    Stages(raw::Stages),
    Canvas(raw::Canvas),
}

/// Every kind a file may declare, for messages.
const KINDS: &str = "workshop, model, board, scale, slider, split, stages, canvas";

/// Parses `src`, past every unknown field: the file as parsed (with those
/// fields blanked out), or the problem that stopped it; and the unknown fields.
pub(super) fn parse(src: &SourceText<'_>) -> (Result<Parsed, Box<Problem>>, Vec<Problem>) {
    let mut unknown = Vec::new();
    let mut text = std::borrow::Cow::Borrowed(src.text);
    loop {
        let (result, field) = parse_text(src, &text);
        let blanked = match (&result, field) {
            (Err(_), Some(key)) if unknown.len() < unknown::MAX_UNKNOWN => {
                unknown::blank_field(&text, &key)
            }
            _ => None,
        };
        match (result, blanked) {
            (Err(p), Some(next)) => {
                unknown.push(*p);
                text = std::borrow::Cow::Owned(next);
            }
            (result, _) => return (result, unknown),
        }
    }
}

/// Parses `text` (the file of `src`, perhaps with fields blanked); on an
/// unknown field, also where its key is.
fn parse_text(
    src: &SourceText<'_>,
    text: &str,
) -> (Result<Parsed, Box<Problem>>, Option<std::ops::Range<usize>>) {
    let mut field = None;
    let mut de_problem = |e: toml::de::Error| {
        if problem::unknown_name(e.message().trim()).is_some() {
            field = e.span();
        }
        Box::new(problem_of(src, &e))
    };
    let result = parse_kind(src, text, &mut de_problem);
    (result, field)
}

fn parse_kind(
    src: &SourceText<'_>,
    text: &str,
    de_problem: &mut impl FnMut(toml::de::Error) -> Box<Problem>,
) -> Result<Parsed, Box<Problem>> {
    let header: raw::Header = toml::from_str(text).map_err(&mut *de_problem)?;
    let Some(kind) = header.kind else {
        return Err(Box::new(
            src.whole_file(format!("missing `kind = \"…\"` (one of: {KINDS})")),
        ));
    };
    match kind.get_ref().as_str() {
        "model" => toml::from_str(text).map(|r| Parsed::Content(Box::new(RawContent::Model(r)))),
        "board" => toml::from_str(text).map(|r| Parsed::Content(Box::new(RawContent::Board(r)))),
        "scale" => toml::from_str(text).map(|r| Parsed::Content(Box::new(RawContent::Scale(r)))),
        "slider" => toml::from_str(text).map(|r| Parsed::Content(Box::new(RawContent::Slider(r)))),
        "split" => toml::from_str(text).map(|r| Parsed::Content(Box::new(RawContent::Split(r)))),
        "stages" => toml::from_str(text).map(|r| Parsed::Content(Box::new(RawContent::Stages(r)))),
        "canvas" => toml::from_str(text).map(|r| Parsed::Content(Box::new(RawContent::Canvas(r)))),
        "workshop" => toml::from_str(text).map(|r| Parsed::Workshop(Box::new(r))),
        other => {
            return Err(Box::new(src.problem(
                kind.span(),
                format!("unknown kind {other:?} (one of: {KINDS})"),
            )));
        }
    }
    .map_err(de_problem)
}

/// A parser error as a problem; an unknown field gets a "did you mean".
pub fn problem_of(src: &SourceText<'_>, e: &toml::de::Error) -> Problem {
    let message = e.message().trim();
    let (message, hint) = match problem::unknown_name(message) {
        Some((short, hint)) => (short, Some(hint)),
        None => {
            let hint = if message.ends_with("expected u32") || message.ends_with("expected i64") {
                Some("write a whole number, without quotes".to_string())
            } else if message.ends_with("expected a boolean") {
                Some("write true or false, without quotes".to_string())
            } else {
                None
            };
            (message.to_string(), hint)
        }
    };
    let mut p = match e.span() {
        Some(span) => src.problem(span, message),
        None => src.whole_file(message),
    };
    p.hint = hint;
    p
}
