//! Raw -> model: every rule a content or workshop file must keep, each broken rule
//! reported as a `Problem` at the offending value.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use toml::Spanned;

use super::model::{self, Content, LANGS};
use super::problem::{Problem, SourceText, did_you_mean, thousands};
use super::raw;

/// Longest accepted text value, in characters.
const MAX_TEXT: usize = 4_000;
/// Most items in any list (steps, advice, cards areas, questions).
const MAX_ITEMS: usize = 200;

/// Most problems reported for one file: enough to fix a batch, few enough to
/// read. Past it the rest are only counted, so a file with 30,000 bad items
/// costs no more than one with 50.
pub const MAX_PROBLEMS: usize = 50;

/// Collects the problems of one file while its raw values are turned into clean ones.
pub struct Checker<'a> {
    pub src: SourceText<'a>,
    problems: Vec<Problem>,
    /// Problems past `MAX_PROBLEMS`, counted but not built.
    more: usize,
    /// Where the first of those is.
    first_more: Option<std::ops::Range<usize>>,
}

impl<'a> Checker<'a> {
    pub fn new(src: SourceText<'a>) -> Self {
        Self {
            src,
            problems: Vec::new(),
            more: 0,
            first_more: None,
        }
    }

    /// Whether nothing is wrong so far.
    /// Problems found before checking (unknown fields), first in the report.
    pub fn add(&mut self, problems: Vec<Problem>) {
        self.problems.extend(problems);
    }

    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }

    /// Records a problem at `span`, with a hint if given.
    pub fn report(
        &mut self,
        span: std::ops::Range<usize>,
        message: impl Into<String>,
        hint: Option<String>,
    ) {
        if self.problems.len() >= MAX_PROBLEMS {
            self.more += 1;
            self.first_more.get_or_insert(span);
            return;
        }
        let mut problem = self.src.problem(span, message);
        problem.hint = hint;
        self.problems.push(problem);
    }

    /// The problems found, the ones past the limit summed up in a last one.
    pub fn finish(mut self) -> Vec<Problem> {
        if let Some(span) = self.first_more.take() {
            let p = self.src.problem(
                span,
                format!("… and {} more problems in this file", thousands(self.more)),
            );
            self.problems
                .push(p.with_hint("fix the ones above and check again"));
        }
        self.problems
    }

    fn at<T>(&mut self, value: &Spanned<T>, message: impl Into<String>) {
        self.report(value.span(), message, None);
    }

    fn at_hint<T>(&mut self, value: &Spanned<T>, message: impl Into<String>, hint: String) {
        self.report(value.span(), message, Some(hint));
    }

    /// A text that may be empty.
    fn text(&mut self, value: &Spanned<String>) -> String {
        let s = value.get_ref();
        if let Some((_, c)) = crate::text::first_control(s) {
            self.at_hint(
                value,
                format!(
                    "control character U+{:04X} is not allowed in text",
                    c as u32
                ),
                "remove it: text is shown as written, one line per value".into(),
            );
        }
        if s.chars().count() > MAX_TEXT {
            self.at(value, format!("text is longer than {MAX_TEXT} characters"));
        }
        s.trim().to_string()
    }

    /// A text that must say something.
    fn required(&mut self, value: &Spanned<String>, what: &str) -> String {
        let s = self.text(value);
        if s.is_empty() {
            self.at(value, format!("{what} must not be empty"));
        }
        s
    }

    fn texts(&mut self, values: &[Spanned<String>]) -> Vec<String> {
        values
            .iter()
            .map(|v| self.required(v, "an entry"))
            .collect()
    }

    fn count<T>(&mut self, list: &Spanned<Vec<T>>, what: &str, min: usize, max: usize) {
        let n = list.get_ref().len();
        if n < min {
            self.at(list, format!("needs at least {min} {what}, found {n}"));
        } else if n > max {
            self.at(list, format!("has {n} {what}; at most {max} are allowed"));
        }
    }

    /// An id: lowercase letters, digits and dashes, so it is safe in file names.
    fn id(&mut self, value: &Spanned<String>) -> String {
        let s = value.get_ref();
        let ok = !s.is_empty()
            && s.len() <= 64
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !ok {
            self.at(
                value,
                format!("id {s:?} must be 1–64 characters of a–z, 0–9 and -"),
            );
        }
        s.clone()
    }

    fn unique_id(&mut self, value: &Spanned<String>, seen: &mut BTreeSet<String>) -> String {
        let id = self.id(value);
        if !seen.insert(id.clone()) {
            self.at(value, format!("id {id:?} is used twice"));
        }
        id
    }

    fn lang(&mut self, value: &Spanned<String>) -> String {
        let s = value.get_ref();
        if !LANGS.contains(&s.as_str()) {
            self.at(
                value,
                format!("language {s:?} is not one of {}", LANGS.join(", ")),
            );
        }
        s.clone()
    }

    pub fn model(&mut self, raw: &raw::Model) -> model::Model {
        let mut phase_ids = BTreeSet::new();
        let mut numbers = Vec::new();
        self.count(&raw.phases, "phases", 1, 12);
        let phases = raw
            .phases
            .get_ref()
            .iter()
            .map(|p| {
                self.count(&p.advice, "pieces of advice", 1, MAX_ITEMS);
                model::Phase {
                    id: self.unique_id(&p.id, &mut phase_ids),
                    title: self.required(&p.title, "a phase title"),
                    question: self.text(&p.question),
                    advice: p
                        .advice
                        .get_ref()
                        .iter()
                        .map(|a| {
                            let expected = numbers.len() as u32 + 1;
                            if *a.number.get_ref() != expected {
                                self.at(
                                    &a.number,
                                    format!(
                                        "advice is numbered {}, but the next number is {expected}",
                                        a.number.get_ref()
                                    ),
                                );
                            }
                            numbers.push(*a.number.get_ref());
                            self.count(&a.ideas, "ideas", 1, MAX_ITEMS);
                            self.count(&a.questions, "questions", 1, MAX_ITEMS);
                            model::Advice {
                                number: *a.number.get_ref(),
                                title: self.required(&a.title, "an advice title"),
                                point: self.required(&a.point, "the point"),
                                ideas: self.texts(a.ideas.get_ref()),
                                questions: self.texts(a.questions.get_ref()),
                            }
                        })
                        .collect(),
                }
            })
            .collect();
        model::Model {
            about: self.about(
                &raw.id,
                &raw.lang,
                &raw.source,
                &raw.title,
                &raw.intro,
                (None, None),
            ),
            centre: self.required(&raw.centre, "centre"),
            phases,
        }
    }

    pub fn board(&mut self, raw: &raw::Board) -> model::Board {
        let mut ids = BTreeSet::new();
        let situations = raw
            .situations
            .iter()
            .map(|s| model::Situation {
                id: self.unique_id(&s.id, &mut ids),
                title: self.required(&s.title, "a situation title"),
                prompt: self.text(&s.prompt),
            })
            .collect();
        self.count(&raw.areas, "areas", 1, 12);
        let areas = raw
            .areas
            .get_ref()
            .iter()
            .map(|a| model::Area {
                id: self.unique_id(&a.id, &mut ids),
                title: self.required(&a.title, "an area title"),
                hint: self.text(&a.hint),
            })
            .collect();
        model::Board {
            about: self.about(
                &raw.id,
                &raw.lang,
                &raw.source,
                &raw.title,
                &raw.intro,
                (None, None),
            ),
            situations,
            areas,
            steps: self.texts(&raw.steps),
            inspiration: self.texts(&raw.inspiration),
            closing: self.texts(&raw.closing),
        }
    }

    /// What a content file says about itself, checked.
    fn about(
        &mut self,
        id: &Spanned<String>,
        lang: &Spanned<String>,
        source: &Spanned<String>,
        title: &Spanned<String>,
        intro: &Spanned<String>,
        (advice, model): (Option<&Spanned<u32>>, Option<&Spanned<String>>),
    ) -> model::About {
        match (advice, model) {
            (Some(a), None) => self.at_hint(
                a,
                "an instrument offered by an advice names its model too",
                "add `model = \"ni-raad\"` (the id of the model whose advice offers it)"
                    .to_string(),
            ),
            (None, Some(m)) => self.at(m, "`model` goes with `advice = N`"),
            _ => {}
        }
        model::About {
            id: self.id(id),
            lang: self.lang(lang),
            source: self.required(source, "source"),
            title: self.required(title, "title"),
            intro: self.text(intro),
            advice: self.advice(advice),
            model: model.map(|m| self.text(m)),
        }
    }

    fn advice(&mut self, value: Option<&Spanned<u32>>) -> Option<u32> {
        let v = value?;
        if !(1..=99).contains(v.get_ref()) {
            self.at(v, "advice is a number from 1 to 99");
        }
        Some(*v.get_ref())
    }

    pub fn scale(&mut self, raw: &raw::Scale) -> model::Scale {
        let mut ids = BTreeSet::new();
        let bound = |c: &mut Self, v: Option<&Spanned<i64>>, default: u8| match v {
            Some(v) if !(1..=5).contains(v.get_ref()) => {
                c.at(
                    v,
                    format!("scale values run from 1 to 5; {} is outside", v.get_ref()),
                );
                default
            }
            Some(v) => *v.get_ref() as u8,
            None => default,
        };
        let min = bound(self, raw.min.as_ref(), 1);
        let max = bound(self, raw.max.as_ref(), 5);
        if min >= max
            && let Some(v) = raw.max.as_ref().or(raw.min.as_ref())
        {
            self.at(
                v,
                format!("the scale must go up: min {min} is not below max {max}"),
            );
        }
        let votes = match raw.mode.as_ref() {
            None => false,
            Some(m) if m.get_ref() == "score" => false,
            Some(m) if m.get_ref() == "votes" => true,
            Some(m) => {
                self.at(
                    m,
                    format!("mode {:?} is not `score` or `votes`", m.get_ref()),
                );
                false
            }
        };
        self.count(&raw.items, "items", 1, MAX_ITEMS);
        let items = raw
            .items
            .get_ref()
            .iter()
            .map(|i| model::ScaleItem {
                id: self.unique_id(&i.id, &mut ids),
                title: self.required(&i.title, "an item title"),
                question: self.text(&i.question),
            })
            .collect();
        model::Scale {
            about: self.about(
                &raw.id,
                &raw.lang,
                &raw.source,
                &raw.title,
                &raw.intro,
                (raw.advice.as_ref(), raw.model.as_ref()),
            ),
            min,
            max,
            low: self.text(&raw.low),
            high: self.text(&raw.high),
            votes,
            items,
        }
    }

    pub fn slider(&mut self, raw: &raw::Slider) -> model::Slider {
        let mut ids = BTreeSet::new();
        self.count(&raw.items, "dilemmas", 1, MAX_ITEMS);
        let items = raw
            .items
            .get_ref()
            .iter()
            .map(|d| {
                let pole = |c: &mut Self, v: &Option<Spanned<String>>, which: &str| match v {
                    Some(v) => c.required(v, &format!("a dilemma's {which} pole")),
                    None => {
                        c.at(
                            &d.id,
                            format!("dilemma {:?} has no {which} pole", d.id.get_ref()),
                        );
                        String::new()
                    }
                };
                model::Dilemma {
                    id: self.unique_id(&d.id, &mut ids),
                    question: self.text(&d.question),
                    left: pole(self, &d.left, "left"),
                    right: pole(self, &d.right, "right"),
                }
            })
            .collect();
        model::Slider {
            about: self.about(
                &raw.id,
                &raw.lang,
                &raw.source,
                &raw.title,
                &raw.intro,
                (raw.advice.as_ref(), raw.model.as_ref()),
            ),
            want: raw.want,
            items,
        }
    }

    pub fn split(&mut self, raw: &raw::Split) -> model::Split {
        let mut ids = BTreeSet::new();
        let mut unit_ids = BTreeSet::new();
        self.count(&raw.units, "units", 1, 12);
        self.count(&raw.categories, "categories", 2, 12);
        let step = raw.step.as_ref().map_or(5, |s| *s.get_ref());
        if let Some(s) = raw
            .step
            .as_ref()
            .filter(|s| *s.get_ref() == 0 || 100 % *s.get_ref() != 0)
        {
            self.at(
                s,
                format!("a step of {} % cannot add up to exactly 100 %", s.get_ref()),
            );
        }
        let categories: Vec<model::Category> = raw
            .categories
            .get_ref()
            .iter()
            .map(|c| {
                let max = c.max.as_ref().map_or(100, |m| *m.get_ref());
                if let Some(m) = c.max.as_ref().filter(|m| *m.get_ref() > 100) {
                    self.at(m, "a category's max is at most 100 %");
                }
                model::Category {
                    id: self.unique_id(&c.id, &mut ids),
                    title: self.required(&c.title, "a category title"),
                    hint: self.text(&c.hint),
                    max: max.min(100),
                }
            })
            .collect();
        let reach: u32 = categories.iter().map(|c| c.max).sum();
        if reach < 100 {
            self.at(
                &raw.categories,
                format!("the categories' max add up to {reach} %, so the split cannot reach 100 %"),
            );
        }
        model::Split {
            about: self.about(
                &raw.id,
                &raw.lang,
                &raw.source,
                &raw.title,
                &raw.intro,
                (raw.advice.as_ref(), raw.model.as_ref()),
            ),
            units: raw
                .units
                .get_ref()
                .iter()
                .map(|u| model::Unit {
                    id: self.unique_id(&u.id, &mut unit_ids),
                    title: self.required(&u.title, "a unit name"),
                })
                .collect(),
            step,
            categories,
        }
    }

    pub fn stages(&mut self, raw: &raw::Stages) -> model::Stages {
        let mut ids = BTreeSet::new();
        self.count(&raw.stages, "stages", 2, 20);
        let stages = raw
            .stages
            .get_ref()
            .iter()
            .map(|s| model::Stage {
                id: self.unique_id(&s.id, &mut ids),
                title: self.required(&s.title, "a stage title"),
                advice: self.text(&s.advice),
            })
            .collect();
        model::Stages {
            about: self.about(
                &raw.id,
                &raw.lang,
                &raw.source,
                &raw.title,
                &raw.intro,
                (raw.advice.as_ref(), raw.model.as_ref()),
            ),
            marks: raw.marks,
            stages,
        }
    }

    pub fn canvas(&mut self, raw: &raw::Canvas) -> model::Canvas {
        let mut ids = BTreeSet::new();
        self.count(&raw.fields, "fields", 1, 12);
        let fields = raw
            .fields
            .get_ref()
            .iter()
            .map(|f| model::Field {
                id: self.unique_id(&f.id, &mut ids),
                title: self.required(&f.title, "a field title"),
                prompt: self.text(&f.prompt),
            })
            .collect();
        model::Canvas {
            about: self.about(
                &raw.id,
                &raw.lang,
                &raw.source,
                &raw.title,
                &raw.intro,
                (raw.advice.as_ref(), raw.model.as_ref()),
            ),
            fields,
        }
    }

    /// Checks a workshop against the content of its language (`contents`: id -> content).
    pub fn workshop(
        &mut self,
        raw: &raw::Workshop,
        contents: &BTreeMap<String, Content>,
    ) -> model::Workshop {
        let lang = self.lang(&raw.lang);
        let mut ids = BTreeSet::new();
        self.count(&raw.steps, "steps", 1, MAX_ITEMS);
        let steps: Vec<model::Step> = raw
            .steps
            .get_ref()
            .iter()
            .map(|s| self.step(s, &lang, contents, &mut ids))
            .collect();
        let total: u32 = steps.iter().map(|s| s.minutes).sum();
        if total != *raw.minutes.get_ref() {
            self.at_hint(
                &raw.minutes,
                format!(
                    "the steps add up to {total} minutes, but the workshop says {}",
                    raw.minutes.get_ref()
                ),
                format!("write `minutes = {total}`, or change the steps' minutes"),
            );
        }
        model::Workshop {
            id: self.id(&raw.id),
            lang,
            title: self.required(&raw.title, "title"),
            source: self.required(&raw.source, "source"),
            minutes: *raw.minutes.get_ref(),
            preparation: self.texts(&raw.preparation),
            plan: super::plan::check(self, raw),
            steps,
        }
    }

    fn step(
        &mut self,
        s: &raw::Step,
        lang: &str,
        contents: &BTreeMap<String, Content>,
        ids: &mut BTreeSet<String>,
    ) -> model::Step {
        let minutes = *s.minutes.get_ref();
        if !(1..=600).contains(&minutes) {
            self.at(&s.minutes, "a step lasts from 1 to 600 minutes");
        }
        let kind = self.step_kind(s, lang, contents);
        model::Step {
            id: self.unique_id(&s.id, ids),
            title: self.required(&s.title, "a step title"),
            minutes,
            protected: s.protected,
            purpose: self.text(&s.purpose),
            notes: self.texts(&s.notes),
            questions: self.texts(&s.questions),
            kind,
        }
    }

    fn step_kind(
        &mut self,
        s: &raw::Step,
        lang: &str,
        contents: &BTreeMap<String, Content>,
    ) -> model::StepKind {
        use raw::StepKind as K;
        let wants = match s.kind.get_ref() {
            K::Model => Some("model"),
            K::Board => Some("board"),
            K::Scale => Some("scale"),
            K::Slider => Some("slider"),
            K::Split => Some("split"),
            K::Stages => Some("stages"),
            K::Canvas => Some("canvas"),
            K::Info | K::Break | K::Discussion | K::Decisions => None,
        };
        let found = match (&s.content, wants) {
            (None, Some(kind)) => {
                self.at(&s.kind, format!("a {kind} step needs `content = \"…\"`"));
                None
            }
            (Some(c), None) => {
                self.at(
                    c,
                    "info, break, discussion and decisions steps take no content",
                );
                None
            }
            (Some(c), Some(kind)) => match contents.get(c.get_ref()) {
                None => {
                    let known: Vec<&str> = contents.keys().map(String::as_str).collect();
                    let hint = match did_you_mean(c.get_ref(), known.iter().copied()) {
                        Some(best) => format!("did you mean {best:?}?"),
                        None => format!("known: {}", known.join(", ")),
                    };
                    self.at_hint(
                        c,
                        format!("no content {:?} in language {lang}", c.get_ref()),
                        hint,
                    );
                    None
                }
                Some(found) if found.kind() != kind => {
                    self.at(
                        c,
                        format!(
                            "{:?} is a {}, but a {kind} step needs a {kind}",
                            c.get_ref(),
                            found.kind()
                        ),
                    );
                    None
                }
                Some(found) => Some(found.clone()),
            },
            (None, None) => None,
        };
        if !s.situations.is_empty()
            && *s.kind.get_ref() != K::Board
            && let Some(first) = s.situations.values().next()
        {
            self.at(first, "only board steps take situations");
        }
        match (s.kind.get_ref(), found) {
            (K::Model, Some(Content::Model(m))) => model::StepKind::Model(m),
            (K::Board, Some(Content::Board(b))) => {
                let situations = self.situations(s, &b);
                model::StepKind::Board {
                    board: b,
                    situations,
                }
            }
            (K::Scale, Some(Content::Scale(x))) => model::StepKind::Scale(x),
            (K::Slider, Some(Content::Slider(x))) => model::StepKind::Slider(x),
            (K::Split, Some(Content::Split(x))) => model::StepKind::Split(x),
            (K::Stages, Some(Content::Stages(x))) => model::StepKind::Stages(x),
            (K::Canvas, Some(Content::Canvas(x))) => model::StepKind::Canvas(x),
            (K::Break, _) => model::StepKind::Break,
            (K::Discussion, _) => model::StepKind::Discussion,
            (K::Decisions, _) => model::StepKind::Decisions,
            // Info, and model/board steps whose content is missing (already reported).
            _ => model::StepKind::Info,
        }
    }

    fn situations(&mut self, s: &raw::Step, board: &Arc<model::Board>) -> Vec<(String, String)> {
        s.situations
            .iter()
            .filter_map(|(id, text)| {
                if board.situations.iter().any(|x| &x.id == id) {
                    Some((id.clone(), self.text(text)))
                } else {
                    self.at(
                        text,
                        format!("{:?} has no situation {id:?}", board.about.id),
                    );
                    None
                }
            })
            .collect()
    }
}
