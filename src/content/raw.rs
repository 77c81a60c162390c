//! The files as written: loose serde structs that reject unknown fields and keep
//! the spans of every value a later check may point at.

use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::IgnoredAny;
use toml::Spanned;

/// The value of an optional text that is absent.
fn empty() -> Spanned<String> {
    Spanned::new(0..0, String::new())
}

/// Just enough of any file to know what it is.
#[derive(Deserialize)]
pub struct Header {
    pub kind: Option<Spanned<String>>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Model {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Read by `Header`; named here so `deny_unknown_fields` accepts it.
    #[serde(rename = "kind")]
    #[schemars(
        schema_with = "super::schema::kind_model",
        description = "What the file is: always \"model\" here."
    )]
    _kind: IgnoredAny,
    #[schemars(with = "String")]
    pub lang: Spanned<String>,
    #[schemars(with = "String")]
    pub source: Spanned<String>,
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    #[schemars(with = "String")]
    pub centre: Spanned<String>,
    #[serde(default = "empty")]
    #[schemars(with = "String")]
    pub intro: Spanned<String>,
    #[schemars(with = "Vec<Phase>")]
    pub phases: Spanned<Vec<Phase>>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    #[schemars(with = "String")]
    pub question: Spanned<String>,
    #[schemars(with = "Vec<Advice>")]
    pub advice: Spanned<Vec<Advice>>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Advice {
    #[schemars(with = "u32")]
    pub number: Spanned<u32>,
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    #[schemars(with = "String")]
    pub point: Spanned<String>,
    #[schemars(with = "Vec<String>")]
    pub ideas: Spanned<Vec<Spanned<String>>>,
    #[schemars(with = "Vec<String>")]
    pub questions: Spanned<Vec<Spanned<String>>>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Board {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Read by `Header`; named here so `deny_unknown_fields` accepts it.
    #[serde(rename = "kind")]
    #[schemars(
        schema_with = "super::schema::kind_board",
        description = "What the file is: always \"board\" here."
    )]
    _kind: IgnoredAny,
    #[schemars(with = "String")]
    pub lang: Spanned<String>,
    #[schemars(with = "String")]
    pub source: Spanned<String>,
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    #[serde(default = "empty")]
    #[schemars(with = "String")]
    pub intro: Spanned<String>,
    #[serde(default)]
    pub situations: Vec<Situation>,
    #[schemars(with = "Vec<Area>")]
    pub areas: Spanned<Vec<Area>>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub steps: Vec<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub inspiration: Vec<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub closing: Vec<Spanned<String>>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Situation {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    #[serde(default = "empty")]
    #[schemars(with = "String")]
    pub prompt: Spanned<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Area {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    #[serde(default = "empty")]
    #[schemars(with = "String")]
    pub hint: Spanned<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Workshop {
    /// The workshop's id: a-z, 0-9 and -. Sessions are named after it.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Read by `Header`; named here so `deny_unknown_fields` accepts it.
    #[serde(rename = "kind")]
    #[schemars(
        schema_with = "super::schema::kind_workshop",
        description = "What the file is: always \"workshop\" here."
    )]
    _kind: IgnoredAny,
    /// Language of the texts, "da" or "en": content ids are looked up in it.
    #[schemars(with = "String")]
    pub lang: Spanned<String>,
    /// Shown at the top of every screen, in the guide and in the report.
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    /// Where the workshop comes from: credited in the guide and the report.
    #[schemars(with = "String")]
    pub source: Spanned<String>,
    /// The whole workshop in minutes: the steps' minutes added up.
    #[schemars(with = "u32")]
    pub minutes: Spanned<u32>,
    /// What the facilitator does before the day.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub preparation: Vec<Spanned<String>>,
    /// Who the workshop is for.
    #[schemars(with = "Option<String>")]
    pub org: Option<Spanned<String>>,
    /// The day it runs, `YYYY-MM-DD`.
    #[schemars(with = "Option<String>")]
    pub date: Option<Spanned<String>>,
    /// The time of day it starts, `HH:MM`.
    #[schemars(with = "Option<String>")]
    pub start: Option<Spanned<String>>,
    /// How many will be in the room.
    #[schemars(with = "Option<u32>")]
    pub participants: Option<Spanned<u32>>,
    /// The steps, in the order they run.
    #[schemars(with = "Vec<Step>")]
    pub steps: Spanned<Vec<Step>>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// The step's id, unique in the workshop: answers are saved under it.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Shown on screen while the step runs.
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    /// What the step does.
    #[schemars(with = "StepKind")]
    pub kind: Spanned<StepKind>,
    /// Planned minutes: the step's clock counts them down.
    #[schemars(with = "u32")]
    pub minutes: Spanned<u32>,
    /// Keeps its minutes when the plan is rebalanced after an overrun.
    #[serde(default)]
    pub protected: bool,
    /// Why the step is there, in one sentence.
    #[serde(default = "empty")]
    #[schemars(with = "String")]
    pub purpose: Spanned<String>,
    /// What to say and do: the facilitator's notes.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub notes: Vec<Spanned<String>>,
    /// Questions to put to the room.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub questions: Vec<Spanned<String>>,
    /// For model, board and the instruments: the id of the content it runs.
    #[schemars(with = "Option<String>")]
    pub content: Option<Spanned<String>>,
    /// Situations written in advance for a board step, by situation id.
    #[serde(default)]
    #[schemars(with = "std::collections::BTreeMap<String, String>")]
    pub situations: std::collections::BTreeMap<String, Spanned<String>>,
}

#[derive(Deserialize, JsonSchema, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "lowercase")]
pub enum StepKind {
    Info,
    Break,
    Model,
    Board,
    Discussion,
    Decisions,
    Scale,
    Slider,
    Split,
    Stages,
    Canvas,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[serde(rename = "kind")]
    #[schemars(
        schema_with = "super::schema::kind_scale",
        description = "What the file is: always \"scale\" here."
    )]
    _kind: IgnoredAny,
    #[schemars(with = "String")]
    pub lang: Spanned<String>,
    #[schemars(with = "String")]
    pub source: Spanned<String>,
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    #[serde(default = "empty")]
    #[schemars(with = "String")]
    pub intro: Spanned<String>,
    /// The advice of the model this instrument belongs to.
    #[schemars(with = "Option<u32>")]
    pub advice: Option<Spanned<u32>>,
    /// The model (by id) whose advice offers this instrument.
    #[schemars(with = "Option<String>")]
    pub model: Option<Spanned<String>>,
    #[schemars(with = "Option<i64>")]
    pub min: Option<Spanned<i64>>,
    #[schemars(with = "Option<i64>")]
    pub max: Option<Spanned<i64>>,
    /// Labels of the lowest and highest values.
    #[serde(default = "empty")]
    #[schemars(with = "String")]
    pub low: Spanned<String>,
    #[serde(default = "empty")]
    #[schemars(with = "String")]
    pub high: Spanned<String>,
    /// `score` (the group agrees on one) or `votes` (a count for each value).
    #[schemars(with = "Option<String>")]
    pub mode: Option<Spanned<String>>,
    #[schemars(with = "Vec<ScaleItem>")]
    pub items: Spanned<Vec<ScaleItem>>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScaleItem {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    #[serde(default = "empty")]
    #[schemars(with = "String")]
    pub question: Spanned<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Slider {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[serde(rename = "kind")]
    #[schemars(
        schema_with = "super::schema::kind_slider",
        description = "What the file is: always \"slider\" here."
    )]
    _kind: IgnoredAny,
    #[schemars(with = "String")]
    pub lang: Spanned<String>,
    #[schemars(with = "String")]
    pub source: Spanned<String>,
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    #[serde(default = "empty")]
    #[schemars(with = "String")]
    pub intro: Spanned<String>,
    #[schemars(with = "Option<u32>")]
    pub advice: Option<Spanned<u32>>,
    /// The model (by id) whose advice offers this instrument.
    #[schemars(with = "Option<String>")]
    pub model: Option<Spanned<String>>,
    /// Also ask where the group wants to be.
    #[serde(default)]
    pub want: bool,
    #[schemars(with = "Vec<Dilemma>")]
    pub items: Spanned<Vec<Dilemma>>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dilemma {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[serde(default = "empty")]
    #[schemars(with = "String")]
    pub question: Spanned<String>,
    #[schemars(with = "Option<String>")]
    pub left: Option<Spanned<String>>,
    #[schemars(with = "Option<String>")]
    pub right: Option<Spanned<String>>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Split {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[serde(rename = "kind")]
    #[schemars(
        schema_with = "super::schema::kind_split",
        description = "What the file is: always \"split\" here."
    )]
    _kind: IgnoredAny,
    #[schemars(with = "String")]
    pub lang: Spanned<String>,
    #[schemars(with = "String")]
    pub source: Spanned<String>,
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    #[serde(default = "empty")]
    #[schemars(with = "String")]
    pub intro: Spanned<String>,
    #[schemars(with = "Option<u32>")]
    pub advice: Option<Spanned<u32>>,
    /// The model (by id) whose advice offers this instrument.
    #[schemars(with = "Option<String>")]
    pub model: Option<Spanned<String>>,
    #[schemars(with = "Vec<Unit>")]
    pub units: Spanned<Vec<Unit>>,
    /// The categories not set yet share the rest in steps of this size (a
    /// typed percentage is kept as typed).
    #[schemars(with = "Option<u32>")]
    pub step: Option<Spanned<u32>>,
    #[schemars(with = "Vec<Category>")]
    pub categories: Spanned<Vec<Category>>,
}

/// A unit whose effort is split (a department, a programme).
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[schemars(with = "String")]
    pub title: Spanned<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Category {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    #[serde(default = "empty")]
    #[schemars(with = "String")]
    pub hint: Spanned<String>,
    /// The most this category may take, in per cent.
    #[schemars(with = "Option<u32>")]
    pub max: Option<Spanned<u32>>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Stages {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[serde(rename = "kind")]
    #[schemars(
        schema_with = "super::schema::kind_stages",
        description = "What the file is: always \"stages\" here."
    )]
    _kind: IgnoredAny,
    #[schemars(with = "String")]
    pub lang: Spanned<String>,
    #[schemars(with = "String")]
    pub source: Spanned<String>,
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    #[serde(default = "empty")]
    #[schemars(with = "String")]
    pub intro: Spanned<String>,
    #[schemars(with = "Option<u32>")]
    pub advice: Option<Spanned<u32>>,
    /// The model (by id) whose advice offers this instrument.
    #[schemars(with = "Option<String>")]
    pub model: Option<Spanned<String>>,
    /// Whether the group places marks on the stages (a curve, a ladder);
    /// `false` for points that are only gone through and noted (a case).
    #[serde(default = "yes")]
    pub marks: bool,
    #[schemars(with = "Vec<Stage>")]
    pub stages: Spanned<Vec<Stage>>,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    /// What the leader does for people at this stage.
    #[serde(default = "empty")]
    #[schemars(with = "String")]
    pub advice: Spanned<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Canvas {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[serde(rename = "kind")]
    #[schemars(
        schema_with = "super::schema::kind_canvas",
        description = "What the file is: always \"canvas\" here."
    )]
    _kind: IgnoredAny,
    #[schemars(with = "String")]
    pub lang: Spanned<String>,
    #[schemars(with = "String")]
    pub source: Spanned<String>,
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    #[serde(default = "empty")]
    #[schemars(with = "String")]
    pub intro: Spanned<String>,
    #[schemars(with = "Option<u32>")]
    pub advice: Option<Spanned<u32>>,
    /// The model (by id) whose advice offers this instrument.
    #[schemars(with = "Option<String>")]
    pub model: Option<Spanned<String>>,
    #[schemars(with = "Vec<Field>")]
    pub fields: Spanned<Vec<Field>>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Field {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    #[serde(default = "empty")]
    #[schemars(with = "String")]
    pub prompt: Spanned<String>,
}
