//! export: the session's report — Markdown, self-contained HTML, CSV and JSON.
//! A `Report` is made from what the exercises say they collected
//! (`exercise::session_answers`) and the session's meta, never from the
//! session's keys; the writers only arrange it. Everything here is pure except
//! `write`, which puts the files on disk atomically.
//!
//! The order is the workshop's, and within a step the content's, so two exports
//! of one session are byte for byte the same (unless a clock is running).

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod words;

use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::Serialize;

use crate::content::Workshop;
use crate::exercise::answers::ActionItem;
use crate::exercise::{self, StepAnswers};
use crate::session::{Millis, Session};
pub use words::ReportWords;

/// The print style shared by every HTML flipover writes (the report, the
/// facilitator's guide): one file, so a printed guide and a printed report
/// look like one family.
pub const STYLE: &str = include_str!("export/style.css");

/// The folder in a session folder the report is written to.
pub const FOLDER: &str = "report";

/// A format the report is written in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Markdown, to read or paste into a mail or a wiki.
    Md,
    /// One self-contained HTML file, printable to A4.
    Html,
    /// One CSV file per kind of answer, for Excel.
    Csv,
    /// The whole session with labels and ids, for other tools.
    Json,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Md, Format::Html, Format::Csv, Format::Json];
}

/// The report of one session: what it was, and what every step collected.
/// Serialised as it is for the JSON export (see docs/report.schema.json).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Report {
    /// Always `"flipover-report"`.
    pub format: String,
    /// Raised only when a field changes meaning or goes away. 2: a split's
    /// `percents` hold what the room agreed only (with `rest` and `total`), a
    /// stage's `marks` is null for a case, and `used_ms` 0 means not measured.
    pub version: u32,
    pub session: SessionInfo,
    /// Every step in the workshop's order, with what it collected.
    pub steps: Vec<StepAnswers>,
    /// The earlier sessions of the same series (same workshop, same name).
    pub series: Series,
    /// The time zone the times in the Markdown, HTML and CSV are shown in.
    #[serde(skip)]
    #[schemars(skip)]
    pub tz: jiff::tz::TimeZone,
}

/// What the session was: which workshop, for whom, when.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SessionInfo {
    /// The session's id (its folder's name).
    pub id: String,
    /// Who it was for (team, client), as the facilitator named it; may be empty.
    pub name: String,
    /// The organisation the workshop file was prepared for; may be empty.
    pub org: String,
    /// How many took part, when the workshop file says.
    pub participants: Option<u32>,
    /// The workshop's id and title.
    pub workshop: String,
    pub title: String,
    /// The language of the session and of every label in the report: `da` or `en`.
    pub lang: String,
    /// When the session was created, RFC 3339.
    pub created: String,
    /// When the first clock was started, RFC 3339 (UTC).
    pub started: Option<String>,
    /// When the room moved past the last step, RFC 3339 (UTC).
    pub ended: Option<String>,
    /// The plan, in minutes (every step's planned minutes added up).
    pub planned_minutes: u32,
    /// The time the step clocks ran, in minutes, rounded.
    pub used_minutes: u64,
}

impl Report {
    /// The report of `session` run on `workshop` (the session's added steps
    /// included), with running clocks read at `now`; times shown in `tz`.
    pub fn new(
        workshop: &Workshop,
        session: &Session,
        now: Millis,
        tz: jiff::tz::TimeZone,
    ) -> Self {
        let steps = exercise::session_answers(workshop, session, now);
        let meta = &session.meta;
        Report {
            format: "flipover-report".into(),
            version: 2,
            session: SessionInfo {
                id: meta.id.clone(),
                name: meta.name.clone(),
                org: workshop.plan.org.clone(),
                participants: workshop.plan.participants,
                workshop: meta.workshop.clone(),
                title: workshop.title.clone(),
                lang: workshop.lang.clone(),
                created: meta.created.clone(),
                started: session.started.map(stamp),
                ended: session.ended.map(stamp),
                planned_minutes: steps.iter().map(|s| s.planned_minutes).sum(),
                used_minutes: minutes(steps.iter().map(|s| s.used_ms).sum()),
            },
            steps,
            series: Series::default(),
            tz,
        }
    }

    /// This report with the earlier sessions of its series.
    pub fn with_series(self, series: Series) -> Self {
        Self { series, ..self }
    }

    /// The series' open actions, when the session has no review step of its
    /// own that shows them (a session named into a series afterwards).
    pub fn unreviewed(&self) -> &[ActionItem] {
        if self.steps.iter().any(|s| s.kind == "review") {
            &[]
        } else {
            &self.series.open_actions
        }
    }

    /// The status of a reviewed action in words ("not reviewed" without one).
    pub fn status(&self, status: Option<&str>) -> &'static str {
        let w = crate::i18n::words(&self.session.lang);
        status
            .and_then(exercise::review::Status::from_key)
            .map_or(w.review_open, |s| s.word(w))
    }

    /// The value item `item` of step `step` had in each earlier session of
    /// the series, oldest first (`None` where it was not rated).
    pub fn trend(&self, step: &str, item: &str) -> Vec<Option<f64>> {
        self.series.trend(step, item)
    }

    /// The words of the report's language.
    pub fn words(&self) -> &'static ReportWords {
        words::of(&self.session.lang)
    }

    /// Every decision of the session, with the step it was made in.
    pub fn decisions(&self) -> impl Iterator<Item = (&StepAnswers, &ActionItem)> {
        exercise::decisions(&self.steps)
    }

    /// The report's title: the workshop, and whom it was for.
    pub fn heading(&self) -> String {
        if self.session.name.is_empty() {
            self.session.title.clone()
        } else {
            format!("{} – {}", self.session.title, self.session.name)
        }
    }

    /// "12 min brugt", or "uret kørte ikke" when the clock never ran.
    pub fn used_phrase(&self, ms: u64) -> String {
        let w = self.words();
        if ms == 0 {
            w.not_timed.to_string()
        } else {
            format!("{} {} {}", minutes(ms), w.minutes, w.used.to_lowercase())
        }
    }

    /// The time the step clocks ran, all steps together.
    pub fn used_ms(&self) -> u64 {
        used_ms(&self.steps)
    }

    /// Whether a step's time was not measured: the legend of "–" is needed.
    pub fn any_untimed(&self) -> bool {
        any_untimed(&self.steps)
    }

    /// A time of the session (RFC 3339) as the time of day in the report's zone.
    pub fn clock(&self, rfc3339: &str) -> String {
        self.zoned(rfc3339)
            .map_or_else(|| rfc3339.to_string(), |z| z.strftime("%H:%M").to_string())
    }

    /// The day of the session: when it started, else when it was created.
    pub fn date(&self) -> String {
        let when = self.began();
        self.zoned(when)
            .map_or_else(|| when.to_string(), |z| z.strftime("%Y-%m-%d").to_string())
    }

    /// When the workshop began: its first clock start, else (no clock was
    /// ever started) when the session was opened.
    fn began(&self) -> &str {
        self.session
            .started
            .as_deref()
            .unwrap_or(&self.session.created)
    }

    /// "09:02 – 12:05": when it began and ended ("not ended" while it runs).
    pub fn span(&self) -> (String, String) {
        let end = self
            .session
            .ended
            .as_deref()
            .map_or_else(|| self.words().not_ended.to_string(), |t| self.clock(t));
        (self.clock(self.began()), end)
    }

    fn zoned(&self, rfc3339: &str) -> Option<jiff::ZonedDateTime> {
        let t: jiff::Timestamp = rfc3339.parse().ok()?;
        Some(t.to_zoned_datetime(self.tz.clone()))
    }

    /// A number with one decimal, in the report's language (3,5 or 3.5).
    pub fn decimal(&self, x: f64) -> String {
        let s = format!("{x:.1}");
        if self.session.lang == "en" {
            s
        } else {
            s.replace('.', ",")
        }
    }

    /// The files of the report in `format`: (file name, bytes).
    pub fn render(&self, format: Format) -> Vec<(String, Vec<u8>)> {
        match format {
            Format::Md => vec![("report.md".into(), markdown::render(self).into_bytes())],
            Format::Html => vec![("report.html".into(), html::render(self).into_bytes())],
            Format::Json => vec![("report.json".into(), json::render(self).into_bytes())],
            Format::Csv => csv::render(self),
        }
    }
}

/// The sessions of a series before this one, and what is to be followed up.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct Series {
    /// Earlier sessions, oldest first.
    pub earlier: Vec<Earlier>,
    /// The actions decided in the last earlier session: to review in this one
    /// (done, carried on or dropped).
    pub open_actions: Vec<ActionItem>,
}

/// An earlier session of the series and its ratings.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Earlier {
    pub id: String,
    pub created: String,
    /// Every rated scale item: the agreed score, or the mean of the votes.
    pub scores: Vec<EarlierScore>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct EarlierScore {
    pub step: String,
    pub item: String,
    pub value: f64,
}

impl Series {
    /// The value item `item` of step `step` had in each earlier session,
    /// oldest first (`None` where it was not rated).
    pub fn trend(&self, step: &str, item: &str) -> Vec<Option<f64>> {
        self.earlier
            .iter()
            .map(|e| {
                e.scores
                    .iter()
                    .find(|s| s.step == step && s.item == item)
                    .map(|s| s.value)
            })
            .collect()
    }

    /// The series from the earlier sessions' answers, oldest first.
    pub fn new(earlier: Vec<(crate::session::Meta, Vec<StepAnswers>)>) -> Self {
        let open_actions = earlier
            .last()
            .map(|(_, steps)| exercise::review::open_actions(steps))
            .unwrap_or_default();
        let earlier = earlier
            .into_iter()
            .map(|(meta, steps)| Earlier {
                id: meta.id,
                created: meta.created,
                scores: steps
                    .iter()
                    .flat_map(|s| {
                        s.blocks.iter().flat_map(move |b| match b {
                            exercise::Block::Scores { items, .. } => items
                                .iter()
                                .filter_map(|i| {
                                    let value = i
                                        .score
                                        .map(|v| v as f64)
                                        .or(i.spread.as_ref().map(|sp| sp.mean))?;
                                    Some(EarlierScore {
                                        step: s.id.clone(),
                                        item: i.id.clone(),
                                        value,
                                    })
                                })
                                .collect::<Vec<_>>(),
                            _ => Vec::new(),
                        })
                    })
                    .collect(),
            })
            .collect();
        Series {
            earlier,
            open_actions,
        }
    }
}

/// An action's cells: what, who, by when, and `last` if given.
fn action_row(a: &ActionItem, last: Option<&str>) -> Vec<String> {
    let mut row = vec![a.what.clone(), a.who.clone(), a.when.clone()];
    row.extend(last.map(str::to_string));
    row
}

/// A reviewed action's cells: what, who, by when, and what became of it.
fn review_row(r: &Report, i: &exercise::answers::Reviewed) -> Vec<String> {
    vec![
        i.what.clone(),
        i.who.clone(),
        i.when.clone(),
        r.status(i.status.as_deref()).to_string(),
    ]
}

/// Unix milliseconds as RFC 3339 in UTC.
fn stamp(ms: Millis) -> String {
    i64::try_from(ms)
        .ok()
        .and_then(|ms| jiff::Timestamp::from_millisecond(ms).ok())
        .map_or_else(String::new, |t| t.to_string())
}

/// A value as the room reads it: whole when it is ("3"), else with one
/// decimal in the language's way (3,5 / 3.5).
pub fn short(x: f64, lang: &str) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else if lang == "en" {
        format!("{x:.1}")
    } else {
        format!("{x:.1}").replace('.', ",")
    }
}

/// Milliseconds as whole minutes, rounded.
pub fn minutes(ms: u64) -> u64 {
    (ms + 30_000) / 60_000
}

/// The time the clocks of `steps` ran, all together.
pub fn used_ms(steps: &[StepAnswers]) -> u64 {
    steps.iter().map(|s| s.used_ms).sum()
}

/// Whether the clock of one of `steps` never ran (its time shows "–").
pub fn any_untimed(steps: &[StepAnswers]) -> bool {
    steps.iter().any(|s| s.used_ms == 0)
}

/// Shown for the time used when a clock never ran: not measured, not zero.
pub const NOT_TIMED: &str = "–";

/// The minutes a step's clock ran, as a table shows them: "12", or "–" when
/// it never ran (a step where the clock was never started was not measured).
pub fn used_minutes(ms: u64) -> String {
    if ms == 0 {
        NOT_TIMED.to_string()
    } else {
        minutes(ms).to_string()
    }
}

/// A failed report write, with the file it was for.
#[derive(Debug, thiserror::Error)]
#[error("{cause} ({})", path.display())]
pub struct ExportError {
    pub path: PathBuf,
    pub cause: std::io::Error,
}

/// Writes the report in `formats` into `dir` (created if missing), each file
/// atomically; returns the files written, in order.
pub fn write(report: &Report, formats: &[Format], dir: &Path) -> Result<Vec<PathBuf>, ExportError> {
    // Owner-only, as the session folder it usually sits in.
    crate::storage::create_private_dir(dir).map_err(|e| ExportError {
        path: dir.to_path_buf(),
        cause: std::io::Error::other(e.to_string()),
    })?;
    let mut written = Vec::new();
    for format in formats {
        for (name, bytes) in report.render(*format) {
            let path = dir.join(name);
            crate::storage::atomic::write(&path, &bytes).map_err(|cause| ExportError {
                path: path.clone(),
                cause,
            })?;
            written.push(path);
        }
    }
    Ok(written)
}

/// The folder a session's report goes to.
pub fn folder(session_dir: &Path) -> PathBuf {
    session_dir.join(FOLDER)
}
