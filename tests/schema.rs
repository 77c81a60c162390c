//! The JSON Schema of content and workshop files: the copy in docs/ is what
//! `flipover schema` prints, every shipped file says where it is on its first
//! line and validates against it, and a file with a misspelt field does not.

use flipover::content::EMBEDDED;
use flipover::content::schema::{SHIPPED_SCHEMA_LINE, json};

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(&json()).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("a valid JSON Schema")
}

fn as_json(text: &str) -> serde_json::Value {
    let value: toml::Value = toml::from_str(text).expect("TOML");
    serde_json::to_value(value).expect("as JSON")
}

#[test]
fn the_schema_in_docs_is_the_one_flipover_prints() {
    let kept =
        std::fs::read_to_string("docs/flipover.schema.json").expect("docs/flipover.schema.json");
    assert!(
        kept == json(),
        "docs/flipover.schema.json is out of date: run `cargo run -- schema > docs/flipover.schema.json`"
    );
}

#[test]
fn every_shipped_file_names_the_schema_and_validates_against_it() {
    let v = validator();
    for (path, text) in EMBEDDED {
        assert_eq!(
            text.lines().next(),
            Some(SHIPPED_SCHEMA_LINE),
            "{path}: the first line names the schema"
        );
        let errors: Vec<String> = v
            .iter_errors(&as_json(text))
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{path}: {errors:#?}");
    }
}

#[test]
fn a_misspelt_field_or_a_wrong_kind_of_step_does_not_validate() {
    let v = validator();
    let (_, text) = EMBEDDED
        .iter()
        .find(|(p, _)| *p == "workshops/da/3-timers-workshop.toml")
        .expect("shipped");
    for (from, to) in [
        ("minutes = 180", "minuttes = 180"),
        ("kind = \"break\"", "kind = \"pause\""),
        ("minutes = 10", "minutes = \"10\""),
    ] {
        assert!(text.contains(from), "{from}");
        let broken = text.replacen(from, to, 1);
        assert!(!v.is_valid(&as_json(&broken)), "{to} passes the schema");
    }
}
