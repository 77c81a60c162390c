//! The status line: what just happened, said in the session's language and
//! cleared after a while.

use crate::i18n::Words;
use crate::session::Millis;

/// What the status line says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// An answer reached the disk (or, rehearsing, the screen only).
    Saved,
    Deleted,
    Undone,
    NothingToUndo,
    /// A card is picked up to be grouped.
    Picked,
    RestoredDraft,
    /// On resume: the time flipover was closed counts.
    Counted,
    /// On resume: the clock stays where it stopped.
    ClockStopped,
    /// The room moved on and no clock runs; the key that starts one.
    ClockIdle(String),
    /// A digit asked for an instrument the opened advice does not have; how
    /// many it has.
    NoSuchInstrument(usize),
    /// A typed percentage that is not a whole number from 0 to `max`.
    NotAPercent {
        text: String,
        max: i64,
    },
    /// An answer could not be written; `kept`: the form still holds the text.
    SaveFailed {
        message: String,
        kept: bool,
    },
    /// The report was written into this folder.
    ReportWritten(String),
    ReportFailed(String),
    NoReportInRehearsal,
    Error(String),
    /// A rehearsed workshop file was read again after it was saved.
    Reloaded,
    /// A rehearsed workshop file was saved with this problem.
    ReloadFailed(String),
}

/// A note and when it was said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub note: Note,
    pub at: Millis,
}

/// How long a note stays: long enough to read, short enough not to mislead.
const SHOWN_MS: Millis = 4_000;
const ERROR_SHOWN_MS: Millis = 15_000;

impl Note {
    pub fn is_error(&self) -> bool {
        matches!(
            self,
            Note::NotAPercent { .. }
                | Note::SaveFailed { .. }
                | Note::ReportFailed(_)
                | Note::Error(_)
                | Note::ReloadFailed(_)
        )
    }

    /// The note in words; a rehearsal never says "saved".
    pub fn text(&self, w: &Words, rehearsal: bool) -> String {
        match self {
            Note::Saved if rehearsal => format!("{}{}", crate::ui::glyphs::DONE, w.noted),
            Note::Saved => format!("{}{}", crate::ui::glyphs::DONE, w.saved),
            Note::Deleted => w.deleted.to_string(),
            Note::Undone => format!("{}{}", crate::ui::glyphs::DONE, w.undone),
            Note::NothingToUndo => w.nothing_to_undo.to_string(),
            Note::Picked => w.picked.to_string(),
            Note::RestoredDraft => w.restored_draft.to_string(),
            Note::Counted => w.counted.to_string(),
            Note::ClockStopped => w.clock_stopped_on_resume.to_string(),
            Note::ClockIdle(key) => crate::i18n::fill(w.clock_idle, &[("key", key)]),
            Note::NoSuchInstrument(0) => w.no_instruments.to_string(),
            Note::NoSuchInstrument(1) => w.one_instrument.to_string(),
            Note::NoSuchInstrument(count) => {
                crate::i18n::fill(w.some_instruments, &[("count", count)])
            }
            Note::NotAPercent { text, max } => format!(
                "{text:?}: {}",
                crate::i18n::fill(w.percent_expected, &[("max", max)])
            ),
            Note::SaveFailed {
                message,
                kept: true,
            } => {
                format!("{}: {message} – {}", w.saving_failed, w.text_kept)
            }
            Note::SaveFailed { message, .. } => format!("{}: {message}", w.saving_failed),
            Note::ReportWritten(folder) => {
                format!("{}{} {folder}", crate::ui::glyphs::DONE, w.report_written)
            }
            Note::ReportFailed(message) => format!("{}: {message}", w.report_failed),
            Note::NoReportInRehearsal => w.no_report_in_rehearsal.to_string(),
            Note::Error(message) => message.clone(),
            Note::Reloaded => format!("↻ {}", w.reloaded),
            // The problem first: a status line cut to the screen still says it.
            Note::ReloadFailed(problem) => format!("{problem} – {}", w.reload_failed),
        }
    }
}

impl Status {
    /// Whether the note has been up long enough at `now`.
    pub fn expired(&self, now: Millis) -> bool {
        let shown = if self.note.is_error() {
            ERROR_SHOWN_MS
        } else {
            SHOWN_MS
        };
        now.saturating_sub(self.at) >= shown
    }
}
