//! What reaches `App::update` and what comes back: the facilitator's actions
//! (the meaning of a key, whichever key it is), the runtime's messages, and
//! the effects the runtime carries out.

use super::Input;
use crate::session::{Change, Live};

/// What the facilitator asks for: the meaning of a key, whichever key it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    NextStep,
    PrevStep,
    ToggleClock,
    /// Moves the step's plan by this many minutes.
    AdjustClock(i32),
    /// Takes the rebalanced plan offered after an overrun.
    AcceptPlan,
    /// Keeps the plan as it is.
    KeepPlan,
    Undo,
    ShowAgenda,
    ShowNotes,
    ShowHelp,
    /// Console ↔ projector mode.
    TogglePresentation,
    /// Shows or hides the plan status (ahead/behind) on the room's screens.
    TogglePlan,
    Blank,
    Quit,
    /// Next / previous area of the step: quadrant, unit, phase, field.
    NextArea,
    PrevArea,
    Up,
    Down,
    /// Writes a new card, point or action.
    NewAnswer,
    /// Opens the selection: an advice, a situation, a new card, a note.
    Open,
    EditAnswer,
    DeleteAnswer,
    /// Moves the selected card to the next (`true`) or previous area.
    MoveCard(bool),
    /// One dot vote (or mark) more (`true`) or less.
    Vote(bool),
    /// Cards most-voted first, or in the order written.
    SortByVotes,
    /// Picks the selected card up, or puts the picked one into its group.
    PickOrGroup,
    /// Takes the selected card out of its group.
    Ungroup,
    /// A score or position; in a key table, 0 stands for the digit pressed.
    SetValue(u8),
    /// Dilemmas: between where we are and where we want to be.
    ToggleWant,
    /// Clears the selection's value.
    ClearValue,
    /// Runs instrument n of the opened advice; 0 in a key table as above.
    RunInstrument(u8),
    /// Closes what is open over the step.
    Close,
    ScrollUp,
    ScrollDown,
    /// Takes the selected entry (agenda, launcher).
    Choose,
    /// The form: save, cancel, next / previous field.
    Save,
    Cancel,
    NextField,
    PrevField,
    /// Writes the report of the session now.
    Export,
    /// The answer to a yes/no question.
    Yes,
    No,
}

impl Action {
    /// This action with the digit pressed in place of its 0.
    pub fn with_digit(self, d: u8) -> Action {
        match self {
            Action::SetValue(0) => Action::SetValue(d),
            Action::RunInstrument(0) => Action::RunInstrument(d),
            other => other,
        }
    }
}

/// What `App::update` receives.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Do(Action),
    /// A keystroke into the open form.
    Type(Input),
    Paste(String),
    /// The runtime wrote this change to disk.
    Committed {
        change: Change,
        undoable: bool,
    },
    /// The runtime could not write the change; nothing was applied.
    CommitFailed(String),
    /// The runtime wrote the report into this folder, or says why not.
    Exported(Result<std::path::PathBuf, String>),
    /// Something not critical failed (e.g. saving the draft).
    Warn(String),
    /// The screen's size, at the start and whenever it changes: help and
    /// notes then scroll no further than their last line.
    Resize(u16, u16),
    Tick,
}

impl From<Action> for Msg {
    fn from(a: Action) -> Self {
        Msg::Do(a)
    }
}

/// Work for the runtime, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write the change durably, then send `Msg::Committed` (or `CommitFailed`).
    Commit {
        change: Change,
        undoable: bool,
    },
    /// Save what is being typed and the clock's reading (best effort).
    SaveLive(Live),
    /// Write the report in the App's formats into the session's folder, then
    /// send `Msg::Exported`.
    Export,
    Quit,
}
