//! The files as written: loose serde structs that reject unknown fields and keep
//! the spans of every value a later check may point at.

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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    pub id: Spanned<String>,
    /// Read by `Header`; named here so `deny_unknown_fields` accepts it.
    #[serde(rename = "kind")]
    _kind: IgnoredAny,
    pub lang: Spanned<String>,
    pub source: Spanned<String>,
    pub title: Spanned<String>,
    pub centre: Spanned<String>,
    #[serde(default = "empty")]
    pub intro: Spanned<String>,
    pub phases: Spanned<Vec<Phase>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub question: Spanned<String>,
    pub advice: Spanned<Vec<Advice>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Advice {
    pub number: Spanned<u32>,
    pub title: Spanned<String>,
    pub point: Spanned<String>,
    pub ideas: Spanned<Vec<Spanned<String>>>,
    pub questions: Spanned<Vec<Spanned<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Board {
    pub id: Spanned<String>,
    /// Read by `Header`; named here so `deny_unknown_fields` accepts it.
    #[serde(rename = "kind")]
    _kind: IgnoredAny,
    pub lang: Spanned<String>,
    pub source: Spanned<String>,
    pub title: Spanned<String>,
    #[serde(default = "empty")]
    pub intro: Spanned<String>,
    #[serde(default)]
    pub situations: Vec<Situation>,
    pub areas: Spanned<Vec<Area>>,
    #[serde(default)]
    pub steps: Vec<Spanned<String>>,
    #[serde(default)]
    pub inspiration: Vec<Spanned<String>>,
    #[serde(default)]
    pub closing: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Situation {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    #[serde(default = "empty")]
    pub prompt: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    #[serde(default = "empty")]
    pub hint: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workshop {
    pub id: Spanned<String>,
    /// Read by `Header`; named here so `deny_unknown_fields` accepts it.
    #[serde(rename = "kind")]
    _kind: IgnoredAny,
    pub lang: Spanned<String>,
    pub title: Spanned<String>,
    pub source: Spanned<String>,
    pub minutes: Spanned<u32>,
    #[serde(default)]
    pub preparation: Vec<Spanned<String>>,
    pub steps: Spanned<Vec<Step>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub kind: Spanned<StepKind>,
    pub minutes: Spanned<u32>,
    #[serde(default)]
    pub protected: bool,
    #[serde(default = "empty")]
    pub purpose: Spanned<String>,
    #[serde(default)]
    pub notes: Vec<Spanned<String>>,
    #[serde(default)]
    pub questions: Vec<Spanned<String>>,
    pub content: Option<Spanned<String>>,
    /// Situations written in advance for a board step, by situation id.
    #[serde(default)]
    pub situations: std::collections::BTreeMap<String, Spanned<String>>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub id: Spanned<String>,
    #[serde(rename = "kind")]
    _kind: IgnoredAny,
    pub lang: Spanned<String>,
    pub source: Spanned<String>,
    pub title: Spanned<String>,
    #[serde(default = "empty")]
    pub intro: Spanned<String>,
    /// The advice of the model this instrument belongs to.
    pub advice: Option<Spanned<u32>>,
    pub min: Option<Spanned<i64>>,
    pub max: Option<Spanned<i64>>,
    /// Labels of the lowest and highest values.
    #[serde(default = "empty")]
    pub low: Spanned<String>,
    #[serde(default = "empty")]
    pub high: Spanned<String>,
    /// `score` (the group agrees on one) or `votes` (a count for each value).
    pub mode: Option<Spanned<String>>,
    pub items: Spanned<Vec<ScaleItem>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleItem {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    #[serde(default = "empty")]
    pub question: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Slider {
    pub id: Spanned<String>,
    #[serde(rename = "kind")]
    _kind: IgnoredAny,
    pub lang: Spanned<String>,
    pub source: Spanned<String>,
    pub title: Spanned<String>,
    #[serde(default = "empty")]
    pub intro: Spanned<String>,
    pub advice: Option<Spanned<u32>>,
    /// Also ask where the group wants to be.
    #[serde(default)]
    pub want: bool,
    pub items: Spanned<Vec<Dilemma>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dilemma {
    pub id: Spanned<String>,
    #[serde(default = "empty")]
    pub question: Spanned<String>,
    pub left: Option<Spanned<String>>,
    pub right: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Split {
    pub id: Spanned<String>,
    #[serde(rename = "kind")]
    _kind: IgnoredAny,
    pub lang: Spanned<String>,
    pub source: Spanned<String>,
    pub title: Spanned<String>,
    #[serde(default = "empty")]
    pub intro: Spanned<String>,
    pub advice: Option<Spanned<u32>>,
    pub units: Spanned<Vec<Unit>>,
    /// Percentages move in steps of this size.
    pub step: Option<Spanned<u32>>,
    pub categories: Spanned<Vec<Category>>,
}

/// A unit whose effort is split (a department, a programme).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    #[serde(default = "empty")]
    pub hint: Spanned<String>,
    /// The most this category may take, in per cent.
    pub max: Option<Spanned<u32>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stages {
    pub id: Spanned<String>,
    #[serde(rename = "kind")]
    _kind: IgnoredAny,
    pub lang: Spanned<String>,
    pub source: Spanned<String>,
    pub title: Spanned<String>,
    #[serde(default = "empty")]
    pub intro: Spanned<String>,
    pub advice: Option<Spanned<u32>>,
    pub stages: Spanned<Vec<Stage>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    /// What the leader does for people at this stage.
    #[serde(default = "empty")]
    pub advice: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Canvas {
    pub id: Spanned<String>,
    #[serde(rename = "kind")]
    _kind: IgnoredAny,
    pub lang: Spanned<String>,
    pub source: Spanned<String>,
    pub title: Spanned<String>,
    #[serde(default = "empty")]
    pub intro: Spanned<String>,
    pub advice: Option<Spanned<u32>>,
    pub fields: Spanned<Vec<Field>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    #[serde(default = "empty")]
    pub prompt: Spanned<String>,
}
