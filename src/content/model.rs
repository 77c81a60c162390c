//! The checked content: every id unique, every reference resolved, every text safe
//! to draw. Built only by `content::load`; the rest of flipover reads these.

use std::sync::Arc;

/// A language the shipped content is written in.
pub const LANGS: [&str; 2] = ["da", "en"];

/// What every content file says about itself.
#[derive(Debug, Clone, PartialEq)]
pub struct About {
    pub id: String,
    pub lang: String,
    pub source: String,
    pub title: String,
    pub intro: String,
    /// The advice of a model this content is an instrument for.
    pub advice: Option<u32>,
    /// The id of that model.
    pub model: Option<String>,
}

/// A leadership model: phases around a centre, each with its numbered advice.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub about: About,
    pub centre: String,
    pub phases: Vec<Phase>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Phase {
    pub id: String,
    pub title: String,
    pub question: String,
    pub advice: Vec<Advice>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Advice {
    pub number: u32,
    pub title: String,
    pub point: String,
    pub ideas: Vec<String>,
    pub questions: Vec<String>,
}

impl Model {
    /// All advice in number order, across phases.
    pub fn advice(&self) -> impl Iterator<Item = &Advice> {
        self.phases.iter().flat_map(|p| p.advice.iter())
    }
}

/// An exercise of named areas that collect cards (e.g. the now/future quadrants).
#[derive(Debug, Clone, PartialEq)]
pub struct Board {
    pub about: About,
    pub situations: Vec<Situation>,
    pub areas: Vec<Area>,
    pub steps: Vec<String>,
    pub inspiration: Vec<String>,
    pub closing: Vec<String>,
}

/// A situation the group describes in words before collecting cards.
#[derive(Debug, Clone, PartialEq)]
pub struct Situation {
    pub id: String,
    pub title: String,
    pub prompt: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    pub id: String,
    pub title: String,
    pub hint: String,
}

/// Statements or dimensions rated on a scale (1–5).
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    pub about: About,
    pub min: u8,
    pub max: u8,
    pub low: String,
    pub high: String,
    /// Count the room's votes for each value, rather than one agreed score.
    pub votes: bool,
    pub items: Vec<ScaleItem>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScaleItem {
    pub id: String,
    pub title: String,
    pub question: String,
}

/// Dilemmas, each a position (1–5) between two poles.
#[derive(Debug, Clone, PartialEq)]
pub struct Slider {
    pub about: About,
    /// Also record where the group wants to be.
    pub want: bool,
    pub items: Vec<Dilemma>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Dilemma {
    pub id: String,
    pub question: String,
    pub left: String,
    pub right: String,
}

/// Percentages over categories, per unit, meant to add up to 100 %.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    pub about: About,
    pub units: Vec<Unit>,
    pub step: u32,
    pub categories: Vec<Category>,
}

/// A unit whose effort is split.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Category {
    pub id: String,
    pub title: String,
    pub hint: String,
    pub max: u32,
}

/// An ordered set of stages (a curve, a ladder) where the group places people,
/// with what the leader does at each.
#[derive(Debug, Clone, PartialEq)]
pub struct Stages {
    pub about: About,
    /// Marks are placed on the stages; else only notes are written (a case).
    pub marks: bool,
    pub stages: Vec<Stage>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    pub id: String,
    pub title: String,
    pub advice: String,
}

/// Named text fields the group fills in (the story fish, five perspectives).
#[derive(Debug, Clone, PartialEq)]
pub struct Canvas {
    pub about: About,
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub id: String,
    pub title: String,
    pub prompt: String,
}

/// A content file of any kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    Model(Arc<Model>),
    Board(Arc<Board>),
    Scale(Arc<Scale>),
    Slider(Arc<Slider>),
    Split(Arc<Split>),
    Stages(Arc<Stages>),
    Canvas(Arc<Canvas>),
}

impl Content {
    pub fn about(&self) -> &About {
        match self {
            Content::Model(x) => &x.about,
            Content::Board(x) => &x.about,
            Content::Scale(x) => &x.about,
            Content::Slider(x) => &x.about,
            Content::Split(x) => &x.about,
            Content::Stages(x) => &x.about,
            Content::Canvas(x) => &x.about,
        }
    }

    pub fn id(&self) -> &str {
        &self.about().id
    }

    pub fn lang(&self) -> &str {
        &self.about().lang
    }

    pub fn title(&self) -> &str {
        &self.about().title
    }

    /// The advice of a model this content is an instrument for.
    pub fn advice(&self) -> Option<u32> {
        self.about().advice
    }

    /// Whether advice `number` of the model `model` offers this content.
    pub fn offered_by(&self, model: &str, number: u32) -> bool {
        let about = self.about();
        about.advice == Some(number) && about.model.as_deref() == Some(model)
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Content::Model(_) => "model",
            Content::Board(_) => "board",
            Content::Scale(_) => "scale",
            Content::Slider(_) => "slider",
            Content::Split(_) => "split",
            Content::Stages(_) => "stages",
            Content::Canvas(_) => "canvas",
        }
    }

    /// A step that runs this content as an instrument, `minutes` long.
    pub fn as_step(&self, id: &str, minutes: u32) -> Option<Step> {
        let kind = match self {
            Content::Scale(x) => StepKind::Scale(x.clone()),
            Content::Slider(x) => StepKind::Slider(x.clone()),
            Content::Split(x) => StepKind::Split(x.clone()),
            Content::Stages(x) => StepKind::Stages(x.clone()),
            Content::Canvas(x) => StepKind::Canvas(x.clone()),
            Content::Model(_) | Content::Board(_) => return None,
        };
        Some(Step {
            id: id.to_string(),
            title: self.title().to_string(),
            minutes,
            protected: false,
            purpose: self.about().intro.clone(),
            notes: Vec::new(),
            questions: Vec::new(),
            kind,
        })
    }
}

impl Workshop {
    /// This workshop with `step` inserted after the step `after` (at the end if
    /// there is none such).
    pub fn with_step(&self, after: &str, step: Step) -> Workshop {
        let mut w = self.clone();
        let at = w
            .steps
            .iter()
            .position(|s| s.id == after)
            .map_or(w.steps.len(), |i| i + 1);
        w.steps.insert(at, step);
        w
    }
}

/// A timed workshop with its content resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Workshop {
    pub id: String,
    pub lang: String,
    pub title: String,
    pub source: String,
    pub minutes: u32,
    pub preparation: Vec<String>,
    /// For whom, when and how many: what a consultant fills in to prepare.
    pub plan: Plan,
    pub steps: Vec<Step>,
}

/// The occasion a workshop file is prepared for; every part optional.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    /// Who the workshop is for.
    pub org: String,
    pub date: Option<jiff::civil::Date>,
    /// The time of day the first step starts.
    pub start: Option<jiff::civil::Time>,
    pub participants: Option<u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub id: String,
    pub title: String,
    pub minutes: u32,
    /// Keeps its time when the plan is rebalanced after an overrun.
    pub protected: bool,
    pub purpose: String,
    pub notes: Vec<String>,
    pub questions: Vec<String>,
    pub kind: StepKind,
}

/// What a step shows and collects.
#[derive(Debug, Clone, PartialEq)]
pub enum StepKind {
    /// Words for the room: welcome, close.
    Info,
    Break,
    /// Shows a model, whose parts can be opened.
    Model(Arc<Model>),
    /// Collects cards in the board's areas, under its situations.
    Board {
        board: Arc<Board>,
        /// Situations written in advance by the workshop, by situation id.
        situations: Vec<(String, String)>,
    },
    /// Collects points of view as a list.
    Discussion,
    /// Collects actions: what, who, by when.
    Decisions,
    /// Rates statements on a scale.
    Scale(Arc<Scale>),
    /// Places the group between the poles of dilemmas.
    Slider(Arc<Slider>),
    /// Splits effort in per cent over categories, per unit.
    Split(Arc<Split>),
    /// Places people on the stages of a curve or ladder.
    Stages(Arc<Stages>),
    /// Fills in named text fields.
    Canvas(Arc<Canvas>),
}

impl StepKind {
    /// What the content the step runs says about itself, if it runs any.
    pub fn about(&self) -> Option<&About> {
        Some(match self {
            StepKind::Model(x) => &x.about,
            StepKind::Board { board, .. } => &board.about,
            StepKind::Scale(x) => &x.about,
            StepKind::Slider(x) => &x.about,
            StepKind::Split(x) => &x.about,
            StepKind::Stages(x) => &x.about,
            StepKind::Canvas(x) => &x.about,
            StepKind::Info | StepKind::Break | StepKind::Discussion | StepKind::Decisions => {
                return None;
            }
        })
    }

    /// Whether the step shows a model, whose advice can offer instruments.
    pub fn offers_instruments(&self) -> bool {
        matches!(self, StepKind::Model(_))
    }

    /// Whether the step collects actions (what, who, by when).
    pub fn collects_actions(&self) -> bool {
        matches!(self, StepKind::Decisions)
    }

    /// The id of the content the step runs, if it runs any.
    pub fn content_id(&self) -> Option<&str> {
        self.about().map(|a| a.id.as_str())
    }

    /// Board situations the workshop wrote in advance, by situation id.
    pub fn written_situations(&self) -> &[(String, String)] {
        match self {
            StepKind::Board { situations, .. } => situations,
            _ => &[],
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            StepKind::Info => "info",
            StepKind::Break => "break",
            StepKind::Model(_) => "model",
            StepKind::Board { .. } => "board",
            StepKind::Discussion => "discussion",
            StepKind::Decisions => "decisions",
            StepKind::Scale(_) => "scale",
            StepKind::Slider(_) => "slider",
            StepKind::Split(_) => "split",
            StepKind::Stages(_) => "stages",
            StepKind::Canvas(_) => "canvas",
        }
    }
}
