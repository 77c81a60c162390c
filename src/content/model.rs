//! The checked content: every id unique, every reference resolved, every text safe
//! to draw. Built only by `content::load`; the rest of flipover reads these.

use std::sync::Arc;

/// A language the shipped content is written in.
pub const LANGS: [&str; 2] = ["da", "en"];

/// A leadership model: phases around a centre, each with its numbered advice.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub id: String,
    pub lang: String,
    pub source: String,
    pub title: String,
    pub centre: String,
    pub intro: String,
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
    pub id: String,
    pub lang: String,
    pub source: String,
    pub title: String,
    pub intro: String,
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

/// A content file of any kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    Model(Arc<Model>),
    Board(Arc<Board>),
}

impl Content {
    pub fn id(&self) -> &str {
        match self {
            Content::Model(m) => &m.id,
            Content::Board(b) => &b.id,
        }
    }
    pub fn lang(&self) -> &str {
        match self {
            Content::Model(m) => &m.lang,
            Content::Board(b) => &b.lang,
        }
    }
    pub fn kind(&self) -> &'static str {
        match self {
            Content::Model(_) => "model",
            Content::Board(_) => "board",
        }
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
    pub steps: Vec<Step>,
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
}

impl StepKind {
    pub fn name(&self) -> &'static str {
        match self {
            StepKind::Info => "info",
            StepKind::Break => "break",
            StepKind::Model(_) => "model",
            StepKind::Board { .. } => "board",
            StepKind::Discussion => "discussion",
            StepKind::Decisions => "decisions",
        }
    }
}
