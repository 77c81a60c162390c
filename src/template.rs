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

/// A field's explanation in Danish and in English: the file's own language
/// is the one its reader works in.
type Explained = (&'static str, &'static str, &'static str);

/// What each top-level field of a workshop file is for, in file order.
const TOP: &[Explained] = &[
    (
        "id",
        "Workshoppens id: a-z, 0-9 og -. Sessionerne får navn efter det, og\n\
         `flipover run ID` finder det i ./workshops.",
        "The workshop's id: a-z, 0-9 and -. Sessions are named after it, and\n\
         `flipover run ID` finds it in ./workshops.",
    ),
    (
        "kind",
        "Altid \"workshop\" i en workshopfil.",
        "Always \"workshop\" in a workshop file.",
    ),
    (
        "lang",
        "Teksternes sprog, \"da\" eller \"en\": indholdets id'er slås op på det.",
        "Language of the texts, \"da\" or \"en\": content ids are looked up in it.",
    ),
    (
        "title",
        "Står øverst på hver skærm, i drejebogen og i rapporten.",
        "Shown at the top of every screen, in the guide and in the report.",
    ),
    (
        "source",
        "Hvor workshoppen kommer fra: nævnes i drejebogen og i rapporten.",
        "Where the workshop comes from: credited in the guide and the report.",
    ),
    (
        "minutes",
        "Hele workshoppen i minutter. Skal være trinenes minutter lagt sammen\n\
         (`flipover check` siger til, når de ikke er det).",
        "The whole workshop in minutes. It must equal the steps' minutes added up\n\
         (`flipover check` says so when it does not).",
    ),
    (
        "org",
        "Hvem workshoppen er for: står på drejebogen.",
        "Who the workshop is for: printed on the guide.",
    ),
    (
        "date",
        "Dagen, den holdes, som \"ÅÅÅÅ-MM-DD\".",
        "The day it runs, as \"YYYY-MM-DD\".",
    ),
    (
        "start",
        "Hvornår den begynder, som \"TT:MM\": drejebogens klokkeslæt regnes derfra.",
        "The time it starts, as \"HH:MM\": the guide's clock times count from it.",
    ),
    (
        "participants",
        "Hvor mange der er i rummet.",
        "How many will be in the room.",
    ),
    (
        "preparation",
        "Hvad facilitatoren gør før dagen: øverst i den udskrevne drejebog.",
        "What the facilitator does before the day: the top of the printed guide.",
    ),
];

/// The plan's fields, with an example value for a commented-out line.
const PLAN: &[Explained] = &[
    (
        "org",
        "\"Organisationens navn\"",
        "\"Name of the organisation\"",
    ),
    ("date", "\"2026-03-12\"", "\"2026-03-12\""),
    ("start", "\"09:00\"", "\"09:00\""),
    ("participants", "12", "12"),
];

/// What each field of a step is for, explained once, on the first step.
const STEP: &[Explained] = &[
    (
        "id",
        "Trinets id, entydigt i workshoppen: svarene gemmes under det,\n\
         så behold det, når en session har kørt.",
        "The step's id, unique in the workshop: answers are saved under it,\n\
         so keep it once a session has run.",
    ),
    (
        "title",
        "Vises på skærmen, mens trinet kører.",
        "Shown on screen while the step runs.",
    ),
    (
        "kind",
        "Hvad trinet gør: info, break, model, board, discussion, decisions\n\
         (handlinger: hvad, hvem, hvornår) eller et redskab: scale, slider, split,\n\
         stages, canvas.",
        "What the step does: info, break, model, board, discussion, decisions\n\
         (actions: what, who, by when), or an instrument: scale, slider, split,\n\
         stages, canvas.",
    ),
    (
        "content",
        "For model, board og redskaberne: id'et på det indhold, trinet kører\n\
         (se content/ i flipovers repository eller `flipover schema`).",
        "For model, board and the instruments: the id of the content it runs\n\
         (see content/ in the flipover repository, or `flipover schema`).",
    ),
    (
        "minutes",
        "Planlagte minutter: trinets ur tæller dem ned.",
        "Planned minutes: the step's clock counts them down.",
    ),
    (
        "protected",
        "true: trinet beholder sine minutter, når planen lægges om efter en\n\
         overskridelse (fx beslutninger).",
        "true: the step keeps its minutes when the plan is rebalanced after an\n\
         overrun (decisions, say).",
    ),
    (
        "purpose",
        "Hvorfor trinet er med, i én sætning: på facilitatorens skærm\n\
         og i drejebogen.",
        "Why the step is there, in one sentence: on the facilitator's screen\n\
         and in the guide.",
    ),
    (
        "notes",
        "Hvad der skal siges og gøres: facilitatorens noter (`i` viser dem).",
        "What to say and do: the facilitator's notes (`i` shows them).",
    ),
    (
        "questions",
        "Spørgsmål til rummet.",
        "Questions to put to the room.",
    ),
    (
        "situations",
        "For et board: situationerne skrevet på forhånd, efter boardets\n\
         situations-id'er.",
        "For a board: the situations written in advance, by the board's\n\
         situation ids.",
    ),
];

const STEPS_HEADER: (&str, &str) = (
    "Én [[steps]]-blok pr. trin, i den rækkefølge de kører. Felterne er\n\
     forklaret ved det første; `flipover guide` skriver dem ud som facilitatorens\n\
     drejebog med klokkeslæt.",
    "One [[steps]] block per step, in the order they run. The fields are\n\
     explained on the first one; `flipover guide` prints them as the facilitator's\n\
     script with clock times.",
);

/// `(da, en)` in the file's language `lang`.
fn said<'a>(lang: &str, (da, en): (&'a str, &'a str)) -> &'a str {
    if lang == "en" { en } else { da }
}

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
    let lang = doc
        .get("lang")
        .and_then(Item::as_str)
        .unwrap_or(crate::i18n::DEFAULT_LANG)
        .to_string();
    let say = |(key, da, en): &Explained| (*key, said(&lang, (da, en)));
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
            .position(|(t, _, _)| *t == k.get())
            .unwrap_or(TOP.len())
    };
    root.sort_values_by(|a, _, b, _| rank(a).cmp(&rank(b)));
    // The original's opening comment describes the original: replaced.
    if let Some(mut k) = root.key_mut("id") {
        k.leaf_decor_mut().set_prefix("");
    }
    for (key, comment) in TOP.iter().map(say) {
        explain(root, key, comment);
    }
    // The plan fields not given are shown commented out, ready to fill in.
    let missing: String = TOP
        .iter()
        .map(say)
        .filter_map(|(k, comment)| {
            let example = PLAN.iter().map(say).find(|(p, _)| *p == k)?.1;
            (!root.contains_key(k))
                .then(|| format!("\n{}# {k} = {example}\n", comment_lines(comment)))
        })
        .collect();
    let after = TOP
        .iter()
        .skip_while(|(k, _, _)| *k != "participants")
        .skip(1)
        .find(|(k, _, _)| root.contains_key(k));
    if let Some(mut k) = after.and_then(|(k, _, _)| root.key_mut(k)) {
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
    first.decor_mut().set_prefix(format!(
        "\n{}{header}",
        comment_lines(said(&lang, STEPS_HEADER))
    ));
    for (key, comment) in STEP.iter().map(say) {
        explain(first, key, comment);
    }
    // No blank line between `[[steps]]` and its first field.
    if let Some(mut k) = first.key_mut("id") {
        let decor = k.leaf_decor_mut();
        let p = prefix(decor);
        decor.set_prefix(p.trim_start_matches('\n').to_string());
    }
    let head = if lang == "en" {
        format!(
            "#:schema ./{SCHEMA_FILE}\n\
             # A workshop prepared with `flipover new {id} --from {from}`.\n\
             # Edit it in any text editor, then:\n\
             #   flipover check {path}     every mistake, with its line\n\
             #   flipover guide {path}     the facilitator's script, to print\n\
             #   flipover run {path} --rehearse   try it; saving here reloads it\n",
            id = occasion.id,
        )
    } else {
        format!(
            "#:schema ./{SCHEMA_FILE}\n\
             # En workshop forberedt med `flipover new {id} --from {from}`.\n\
             # Ret den i en hvilken som helst teksteditor, og kør så:\n\
             #   flipover check {path}     hver fejl, med sin linje\n\
             #   flipover guide {path}     facilitatorens drejebog, til print\n\
             #   flipover run {path} --rehearse   prøv den; gem her, så læses den igen\n",
            id = occasion.id,
        )
    };
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
        // ORIGINAL is Danish: every field present is explained in Danish.
        for (key, comment, _) in TOP.iter().chain(STEP) {
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
    fn the_explanations_are_in_the_file_s_language() {
        let english = ORIGINAL.replace("lang = \"da\"", "lang = \"en\"");
        let text = workshop(&english, "a", &Occasion::default(), "w.toml").expect("template");
        assert!(text.contains("# The workshop's id"), "{text}");
        assert!(
            text.contains("# org = \"Name of the organisation\""),
            "{text}"
        );
        assert!(!text.contains("Workshoppens id"), "{text}");
        let danish = workshop(ORIGINAL, "a", &Occasion::default(), "w.toml").expect("template");
        assert!(danish.contains("# Workshoppens id"), "{danish}");
        assert!(
            danish.contains("# org = \"Organisationens navn\""),
            "{danish}"
        );
        assert!(
            danish.contains("# Ret den i en hvilken som helst teksteditor"),
            "{danish}"
        );
    }

    #[test]
    fn a_file_without_steps_is_refused() {
        let err = workshop("id = \"x\"\n", "x", &Occasion::default(), "x.toml");
        assert!(matches!(err, Err(TemplateError::NoSteps)));
    }
}
