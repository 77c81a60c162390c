//! The JSON Schema of content and workshop files (`flipover schema`), derived
//! from the serde types the loader reads (`raw`), so it says what `check`
//! accepts as far as the shape goes (the rules between values — references,
//! minutes that add up — stay `check`'s). Editors with a TOML language server
//! read it through the `#:schema` line at the top of a file.

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::raw;

/// Where the schema of the shipped files is kept in the repository, for
/// their `#:schema` line (relative to `content/<lang>/` and `workshops/<lang>/`).
pub const SHIPPED_SCHEMA_LINE: &str = "#:schema ../../docs/flipover.schema.json";

/// Any file flipover reads, told apart by its `kind`.
#[allow(dead_code)] // only its schema is used
#[derive(JsonSchema)]
#[serde(untagged)]
#[schemars(
    title = "flipover content or workshop file",
    description = "A workshop (kind = \"workshop\") puts content in a timed order; a content file \
                   (model, board, scale, slider, split, stages, canvas) is a model or an exercise. \
                   `flipover check` checks what a schema cannot: references, ids, minutes."
)]
enum AnyFile {
    Workshop(raw::Workshop),
    Model(raw::Model),
    Board(raw::Board),
    Scale(raw::Scale),
    Slider(raw::Slider),
    Split(raw::Split),
    Stages(raw::Stages),
    Canvas(raw::Canvas),
}

macro_rules! kinds {
    ($($name:ident = $kind:literal),* $(,)?) => {
        $(
            #[doc = concat!("The schema of `kind = \"", $kind, "\"`.")]
            pub fn $name(_: &mut SchemaGenerator) -> Schema {
                json_schema!({ "const": $kind })
            }
        )*
    };
}

kinds! {
    kind_workshop = "workshop",
    kind_model = "model",
    kind_board = "board",
    kind_scale = "scale",
    kind_slider = "slider",
    kind_split = "split",
    kind_stages = "stages",
    kind_canvas = "canvas",
}

/// The schema as pretty JSON, ending in a newline.
pub fn json() -> String {
    let schema = schemars::schema_for!(AnyFile);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
