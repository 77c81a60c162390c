//! template: a new workshop file to prepare, made from an existing one (`flipover
//! new`). The text is edited with `toml_edit`, which keeps the original's
//! comments and layout, and every field gets a comment saying what it is for.
//! Pure text in, text out: the command decides where the file goes.

use toml_edit::{DocumentMut, Item, Table, Value, value};

/// The schema line a TOML language server (taplo, Even Better TOML) reads.
pub const SCHEMA_FILE: &str = "flipover.schema.json";

/// What a consultant fills in for the occasion; each part optional.
#[derive(Debug, Clone, Default)]
pub struct Occasion {
    /// The new workshop's id (also its file name).
    pub id: String,
    pub title: Option<String>,
    pub org: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// `HH:MM`.
    pub start: Option<String>,
    pub participants: Option<u32>,
}

/// Why a template could not be made.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    #[error("the workshop file is not valid TOML: {0}")]
    Parse(#[from] toml_edit::TomlError),
    #[error("the workshop file has no [[steps]]")]
    NoSteps,
}

/// What each top-level field of a workshop file is for, in file order.
const TOP: &[(&str, &str)] = &[
    (
        "id",
        "The workshop's id: a-z, 0-9 and -. Sessions are named after it, and\n\
         `flipover run ID` finds it in ./workshops.",
    ),
    ("kind", "Always \"workshop\" in a workshop file."),
    (
        "lang",
        "Language of the texts, \"da\" or \"en\": content ids are looked up in it.",
    ),
    (
        "title",
        "Shown at the top of every screen, in the guide and in the report.",
    ),
    (
        "source",
        "Where the workshop comes from: credited in the guide and the report.",
    ),
    (
        "minutes",
        "The whole workshop in minutes. It must equal the steps' minutes added up\n\
         (`flipover check` says so when it does not).",
    ),
    ("org", "Who the workshop is for: printed on the guide."),
    ("date", "The day it runs, as \"YYYY-MM-DD\"."),
    (
        "start",
        "The time it starts, as \"HH:MM\": the guide's clock times count from it.",
    ),
    ("participants", "How many will be in the room."),
    (
        "preparation",
        "What the facilitator does before the day: the top of the printed guide.",
    ),
];

/// The plan's fields, with an example value for a commented-out line.
const PLAN: &[(&str, &str)] = &[
    ("org", "\"Name of the organisation\""),
    ("date", "\"2026-03-12\""),
    ("start", "\"09:00\""),
    ("participants", "12"),
];

/// What each field of a step is for, explained once, on the first step.
const STEP: &[(&str, &str)] = &[
    (
        "id",
        "The step's id, unique in the workshop: answers are saved under it,\n\
         so keep it once a session has run.",
    ),
    ("title", "Shown on screen while the step runs."),
    (
        "kind",
        "What the step does: info, break, model, board, discussion, decisions\n\
         (actions: what, who, by when), or an instrument: scale, slider, split,\n\
         stages, canvas.",
    ),
    (
        "content",
        "For model, board and the instruments: the id of the content it runs\n\
         (see content/ in the flipover repository, or `flipover schema`).",
    ),
    (
        "minutes",
        "Planned minutes: the step's clock counts them down.",
    ),
    (
        "protected",
        "true: the step keeps its minutes when the plan is rebalanced after an\n\
         overrun (decisions, say).",
    ),
    (
        "purpose",
        "Why the step is there, in one sentence: on the facilitator's screen\n\
         and in the guide.",
    ),
    (
        "notes",
        "What to say and do: the facilitator's notes (`i` shows them).",
    ),
    ("questions", "Questions to put to the room."),
    (
        "situations",
        "For a board: the situations written in advance, by the board's\n\
         situation ids.",
    ),
];

const STEPS_HEADER: &str = "One [[steps]] block per step, in the order they run. The fields are\n\
     explained on the first one; `flipover guide` prints them as the facilitator's\n\
     script with clock times.";

/// `comment` as `# ` lines, each ending in a newline.
fn comment_lines(comment: &str) -> String {
    comment.lines().map(|l| format!("# {l}\n")).collect()
}

/// What stands before a key in the file now (comments, blank lines).
fn prefix(decor: &toml_edit::Decor) -> String {
    decor
        .prefix()
        .and_then(|p| p.as_str())
        .unwrap_or("")
        .to_string()
}

/// Puts `comment` above `key` in `table`, after any comment already there.
fn explain(table: &mut Table, key: &str, comment: &str) {
    if let Some(mut k) = table.key_mut(key) {
        let decor = k.leaf_decor_mut();
        let before = prefix(decor);
        // A blank line between explained fields keeps them readable.
        let gap = if before.is_empty() { "\n" } else { "" };
        decor.set_prefix(format!("{gap}{before}{}", comment_lines(comment)));
    }
}

/// The text of a new workshop file made from `original` (a workshop file's
/// text) for `occasion`, each field explained, the schema line first.
/// `path` is where the file will be, for the commands in its head.
pub fn workshop(
    original: &str,
    from: &str,
    occasion: &Occasion,
    path: &str,
) -> Result<String, TemplateError> {
    let mut doc: DocumentMut = original.parse()?;
    let root = doc.as_table_mut();
    root.insert("id", value(occasion.id.as_str()));
    if let Some(title) = &occasion.title {
        root.insert("title", value(title.as_str()));
    }
    let plan: [(&str, Option<Value>); 4] = [
        ("org", occasion.org.as_deref().map(Value::from)),
        ("date", occasion.date.as_deref().map(Value::from)),
        ("start", occasion.start.as_deref().map(Value::from)),
        (
            "participants",
            occasion.participants.map(|n| Value::from(i64::from(n))),
        ),
    ];
    for (k, v) in plan.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))) {
        root.insert(k, Item::Value(v));
    }
    // Fields in the order of `TOP` (the plan right after `minutes`, where a
    // reader looks for it); any other key after them.
    let rank = |k: &toml_edit::Key| {
        TOP.iter()
            .position(|(t, _)| *t == k.get())
            .unwrap_or(TOP.len())
    };
    root.sort_values_by(|a, _, b, _| rank(a).cmp(&rank(b)));
    // The original's opening comment describes the original: replaced.
    if let Some(mut k) = root.key_mut("id") {
        k.leaf_decor_mut().set_prefix("");
    }
    for (key, comment) in TOP {
        explain(root, key, comment);
    }
    // The plan fields not given are shown commented out, ready to fill in.
    let missing: String = TOP
        .iter()
        .filter(|(k, _)| PLAN.iter().any(|(p, _)| p == k) && !root.contains_key(k))
        .map(|(k, comment)| {
            let example = PLAN.iter().find(|(p, _)| p == k).map_or("", |(_, e)| *e);
            format!("\n{}# {k} = {example}\n", comment_lines(comment))
        })
        .collect();
    let after = TOP
        .iter()
        .skip_while(|(k, _)| *k != "participants")
        .skip(1)
        .find(|(k, _)| root.contains_key(k));
    if let Some(mut k) = after.and_then(|(k, _)| root.key_mut(k)) {
        let decor = k.leaf_decor_mut();
        let before = prefix(decor);
        decor.set_prefix(format!("{missing}{before}"));
    }
    let steps = root
        .get_mut("steps")
        .and_then(Item::as_array_of_tables_mut)
        .ok_or(TemplateError::NoSteps)?;
    let first = steps.iter_mut().next().ok_or(TemplateError::NoSteps)?;
    let header = prefix(first.decor());
    first
        .decor_mut()
        .set_prefix(format!("\n{}{header}", comment_lines(STEPS_HEADER)));
    for (key, comment) in STEP {
        explain(first, key, comment);
    }
    // No blank line between `[[steps]]` and its first field.
    if let Some(mut k) = first.key_mut("id") {
        let decor = k.leaf_decor_mut();
        let p = prefix(decor);
        decor.set_prefix(p.trim_start_matches('\n').to_string());
    }
    let head = format!(
        "#:schema ./{SCHEMA_FILE}\n\
         # A workshop prepared with `flipover new {id} --from {from}`.\n\
         # Edit it in any text editor, then:\n\
         #   flipover check {path}     every mistake, with its line\n\
         #   flipover guide {path}     the facilitator's script, to print\n\
         #   flipover run {path} --rehearse   try it; saving here reloads it\n",
        id = occasion.id,
    );
    Ok(format!("{head}{doc}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORIGINAL: &str = "# The original's comment\nid = \"a\"\nkind = \"workshop\"\nlang = \"da\"\n\
        title = \"A\"\nsource = \"s\"\nminutes = 10\npreparation = [\"p\"]\n\n\
        [[steps]]\nid = \"one\"\ntitle = \"One\"\nkind = \"info\"\nminutes = 10\n\
        # kept: a note on the purpose\npurpose = \"why\"\n";

    #[test]
    fn every_field_is_explained_and_the_plan_follows_the_minutes() {
        let occasion = Occasion {
            id: "kunde".into(),
            org: Some("Kommunen".into()),
            start: Some("09:30".into()),
            participants: Some(12),
            ..Occasion::default()
        };
        let text = workshop(ORIGINAL, "a", &occasion, "workshops/kunde.toml").expect("template");
        assert!(
            text.contains("# date = \"2026-03-12\""),
            "a missing plan field is offered: {text}"
        );
        assert!(
            text.starts_with("#:schema ./flipover.schema.json\n"),
            "{text}"
        );
        assert!(!text.contains("The original's comment"), "{text}");
        assert!(text.contains("# kept: a note on the purpose"), "{text}");
        let doc: DocumentMut = text.parse().expect("valid TOML");
        assert_eq!(doc["id"].as_str(), Some("kunde"));
        assert_eq!(doc["participants"].as_integer(), Some(12));
        let keys: Vec<&str> = doc.as_table().iter().map(|(k, _)| k).collect();
        let at = |k: &str| keys.iter().position(|x| *x == k).expect(k);
        assert!(
            at("minutes") < at("org") && at("start") < at("preparation"),
            "{keys:?}"
        );
        for (key, comment) in TOP.iter().chain(STEP) {
            let first_line = comment.lines().next().expect("a line");
            let present = text
                .lines()
                .any(|l| l.starts_with(&format!("{key} =")) || l.starts_with(&format!("{key}=")));
            if present {
                assert!(text.contains(first_line), "{key} is not explained:\n{text}");
            }
        }
    }

    #[test]
    fn a_file_without_steps_is_refused() {
        let err = workshop("id = \"x\"\n", "x", &Occasion::default(), "x.toml");
        assert!(matches!(err, Err(TemplateError::NoSteps)));
    }
}
