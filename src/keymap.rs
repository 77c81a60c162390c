//! keymap: which key does what, on which screen. The one table here drives both
//! the key handling and the help screen and footer hints, so they cannot drift.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Something the facilitator asks for with a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    NextStep,
    PrevStep,
    NextArea,
    PrevArea,
    Up,
    Down,
    /// `a`: a new card, point or action.
    New,
    /// `Enter`: open the selection (advice, situation) or write a new answer.
    Open,
    Edit,
    Delete,
    Undo,
    /// Move the selected card to the next / previous area.
    MoveNext,
    MovePrev,
    /// One dot vote more (`true`) or less for the selected card.
    Vote(bool),
    /// Shows cards most-voted first, or in the order written.
    SortByVotes,
    /// Picks the selected card up, or puts the picked-up card (and its group)
    /// into the selected card's group.
    Group,
    /// Takes the selected card out of its group.
    Ungroup,
    ToggleClock,
    /// Moves the step's plan by this many minutes.
    Adjust(i32),
    /// Takes the rebalanced plan offered after an overrun.
    AcceptPlan,
    /// Keeps the plan as it is.
    IgnorePlan,
    Projector,
    Blank,
    Agenda,
    Info,
    Help,
    Back,
    ScrollUp,
    ScrollDown,
    /// A value typed as a digit: a score, a vote, a position. In the key table
    /// `Digit(0)` stands for "the digit pressed".
    Digit(u8),
    /// Clears the selected item's value.
    Clear,
    Quit,
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every step.
    Step,
    /// Steps that collect answers (board, discussion, decisions).
    Answers,
    /// A board: cards in areas.
    Board,
    /// A model: advice to open.
    Model,
    /// An instrument: scale, slider, split.
    Instrument,
    /// An advice of the model is open.
    Advice,
    /// Typing an answer.
    Editing,
}

pub struct Binding {
    pub keys: &'static [KeyCode],
    /// The keys as shown in help, e.g. "→ PgDn n".
    pub label: &'static str,
    pub command: Option<Command>,
    pub scope: Scope,
    pub da: &'static str,
    pub en: &'static str,
    /// Shown in the footer of its scope.
    pub hint: bool,
}

use Command as C;
use KeyCode as K;
use Scope as S;

const fn b(
    keys: &'static [KeyCode],
    label: &'static str,
    command: Command,
    scope: Scope,
    hint: bool,
    da: &'static str,
    en: &'static str,
) -> Binding {
    Binding {
        keys,
        label,
        command: Some(command),
        scope,
        da,
        en,
        hint,
    }
}

/// Every key flipover knows, in the order the help screen lists them.
pub const BINDINGS: &[Binding] = &[
    b(
        &[K::Right, K::PageDown, K::Char('n')],
        "→ PgDn n",
        C::NextStep,
        S::Step,
        true,
        "næste trin",
        "next step",
    ),
    b(
        &[K::Left, K::PageUp, K::Char('p')],
        "← PgUp p",
        C::PrevStep,
        S::Step,
        true,
        "forrige trin",
        "previous step",
    ),
    b(
        &[K::Char(' ')],
        "Space",
        C::ToggleClock,
        S::Step,
        true,
        "start/pause uret",
        "start/pause the clock",
    ),
    b(
        &[K::Char('+')],
        "+",
        C::Adjust(1),
        S::Step,
        false,
        "et minut mere",
        "one minute more",
    ),
    b(
        &[K::Char('-')],
        "-",
        C::Adjust(-1),
        S::Step,
        false,
        "et minut mindre",
        "one minute less",
    ),
    b(
        &[K::Char(']')],
        "]",
        C::Adjust(5),
        S::Step,
        false,
        "fem minutter mere",
        "five minutes more",
    ),
    b(
        &[K::Char('[')],
        "[",
        C::Adjust(-5),
        S::Step,
        false,
        "fem minutter mindre",
        "five minutes less",
    ),
    b(
        &[K::Char('r')],
        "r",
        C::AcceptPlan,
        S::Step,
        false,
        "tag den nye plan efter overtid",
        "take the new plan after an overrun",
    ),
    b(
        &[K::Char('R')],
        "R",
        C::IgnorePlan,
        S::Step,
        false,
        "behold planen",
        "keep the plan",
    ),
    b(
        &[K::Char('g')],
        "g",
        C::Agenda,
        S::Step,
        false,
        "programmet",
        "the agenda",
    ),
    b(
        &[K::Char('i')],
        "i",
        C::Info,
        S::Step,
        false,
        "formål, noter og spørgsmål",
        "purpose, notes and questions",
    ),
    b(
        &[K::Char('f')],
        "f",
        C::Projector,
        S::Step,
        false,
        "projektor-visning",
        "projector mode",
    ),
    b(
        &[K::Char('b'), K::Char('.')],
        "b .",
        C::Blank,
        S::Step,
        false,
        "mørk skærm",
        "blank the screen",
    ),
    b(
        &[K::Char('?'), K::F(1)],
        "?",
        C::Help,
        S::Step,
        true,
        "hjælp",
        "help",
    ),
    b(
        &[K::Char('q')],
        "q",
        C::Quit,
        S::Step,
        true,
        "afslut",
        "quit",
    ),
    b(
        &[K::Tab],
        "Tab",
        C::NextArea,
        S::Answers,
        true,
        "næste felt",
        "next area",
    ),
    b(
        &[K::BackTab],
        "⇧Tab",
        C::PrevArea,
        S::Answers,
        false,
        "forrige felt",
        "previous area",
    ),
    b(
        &[K::Up, K::Char('k')],
        "↑ k",
        C::Up,
        S::Answers,
        false,
        "op",
        "up",
    ),
    b(
        &[K::Down, K::Char('j')],
        "↓ j",
        C::Down,
        S::Answers,
        false,
        "ned",
        "down",
    ),
    b(
        &[K::Char('a')],
        "a",
        C::New,
        S::Answers,
        true,
        "skriv nyt",
        "write new",
    ),
    b(
        &[K::Enter],
        "Enter",
        C::Open,
        S::Answers,
        false,
        "skriv nyt / ret situation",
        "write new / edit situation",
    ),
    b(
        &[K::Char('e')],
        "e",
        C::Edit,
        S::Answers,
        true,
        "ret",
        "edit",
    ),
    b(
        &[K::Char('d'), K::Delete],
        "d Del",
        C::Delete,
        S::Answers,
        true,
        "slet",
        "delete",
    ),
    b(
        &[K::Char('u')],
        "u",
        C::Undo,
        S::Answers,
        true,
        "fortryd",
        "undo",
    ),
    b(
        &[K::Char('m')],
        "m",
        C::MoveNext,
        S::Board,
        true,
        "flyt kort til næste felt",
        "move card to next area",
    ),
    b(
        &[K::Char('M')],
        "M",
        C::MovePrev,
        S::Board,
        false,
        "flyt kort til forrige felt",
        "move card to previous area",
    ),
    b(
        &[K::Char('v')],
        "v",
        C::Vote(true),
        S::Board,
        true,
        "en stemme på kortet",
        "a vote for the card",
    ),
    b(
        &[K::Char('V')],
        "V",
        C::Vote(false),
        S::Board,
        false,
        "en stemme mindre",
        "one vote less",
    ),
    b(
        &[K::Char('x')],
        "x",
        C::Group,
        S::Board,
        true,
        "saml: tag kortet, læg det på et andet",
        "group: pick a card, put it on another",
    ),
    b(
        &[K::Char('X')],
        "X",
        C::Ungroup,
        S::Board,
        false,
        "tag kortet ud af gruppen",
        "take the card out of its group",
    ),
    b(
        &[K::Char('s')],
        "s",
        C::SortByVotes,
        S::Board,
        false,
        "flest stemmer først / skriveorden",
        "most votes first / order written",
    ),
    b(
        &[K::Up, K::Char('k')],
        "↑ k",
        C::Up,
        S::Model,
        true,
        "forrige punkt",
        "previous item",
    ),
    b(
        &[K::Down, K::Char('j')],
        "↓ j",
        C::Down,
        S::Model,
        true,
        "næste punkt",
        "next item",
    ),
    b(
        &[K::Tab],
        "Tab",
        C::NextArea,
        S::Model,
        false,
        "næste fase",
        "next phase",
    ),
    b(
        &[K::BackTab],
        "⇧Tab",
        C::PrevArea,
        S::Model,
        false,
        "forrige fase",
        "previous phase",
    ),
    b(
        &[K::Enter],
        "Enter",
        C::Open,
        S::Model,
        true,
        "åbn punktet",
        "open the item",
    ),
    b(
        &[K::Right, K::PageDown, K::Char('n'), K::Tab],
        "→ PgDn Tab",
        C::Down,
        S::Advice,
        true,
        "næste punkt",
        "next item",
    ),
    b(
        &[K::Left, K::PageUp, K::Char('p'), K::BackTab],
        "← PgUp ⇧Tab",
        C::Up,
        S::Advice,
        true,
        "forrige punkt",
        "previous item",
    ),
    b(
        &[K::Down, K::Char('j')],
        "↓ j",
        C::ScrollDown,
        S::Advice,
        true,
        "rul ned",
        "scroll down",
    ),
    b(
        &[K::Up, K::Char('k')],
        "↑ k",
        C::ScrollUp,
        S::Advice,
        false,
        "rul op",
        "scroll up",
    ),
    b(
        &[
            K::Char('1'),
            K::Char('2'),
            K::Char('3'),
            K::Char('4'),
            K::Char('5'),
        ],
        "1–5",
        C::Digit(0),
        S::Advice,
        true,
        "kør rådets redskab",
        "run the advice's instrument",
    ),
    b(
        &[K::Esc, K::Enter, K::Backspace, K::Char('q')],
        "Esc Enter",
        C::Back,
        S::Advice,
        true,
        "luk rådet",
        "close the advice",
    ),
    b(
        &[K::Up, K::Char('k')],
        "↑ k",
        C::Up,
        S::Instrument,
        false,
        "forrige",
        "previous",
    ),
    b(
        &[K::Down, K::Char('j')],
        "↓ j",
        C::Down,
        S::Instrument,
        false,
        "næste",
        "next",
    ),
    b(
        &[K::Tab],
        "Tab",
        C::NextArea,
        S::Instrument,
        true,
        "næste kolonne",
        "next column",
    ),
    b(
        &[K::BackTab],
        "⇧Tab",
        C::PrevArea,
        S::Instrument,
        false,
        "forrige kolonne",
        "previous column",
    ),
    b(
        &[
            K::Char('1'),
            K::Char('2'),
            K::Char('3'),
            K::Char('4'),
            K::Char('5'),
        ],
        "1–5",
        C::Digit(0),
        S::Instrument,
        true,
        "sæt værdien (skala, dilemma)",
        "set the value (scale, dilemma)",
    ),
    b(
        &[K::Char('v')],
        "v",
        C::Vote(true),
        S::Instrument,
        false,
        "en markering mere på trinnet",
        "one more mark on the stage",
    ),
    b(
        &[K::Char('V')],
        "V",
        C::Vote(false),
        S::Instrument,
        false,
        "en markering mindre",
        "one mark less",
    ),
    b(
        &[K::Char('0'), K::Backspace],
        "0 ⌫",
        C::Clear,
        S::Instrument,
        true,
        "ryd",
        "clear",
    ),
    b(
        &[K::Enter, K::Char('e')],
        "Enter e",
        C::Edit,
        S::Instrument,
        true,
        "skriv note / procent",
        "write a note / per cent",
    ),
    b(
        &[K::Char('u')],
        "u",
        C::Undo,
        S::Instrument,
        true,
        "fortryd",
        "undo",
    ),
    Binding {
        keys: &[K::Enter],
        label: "Enter",
        command: None,
        scope: S::Editing,
        da: "gem svaret",
        en: "save the answer",
        hint: true,
    },
    Binding {
        keys: &[K::Esc],
        label: "Esc",
        command: None,
        scope: S::Editing,
        da: "fortryd",
        en: "cancel",
        hint: true,
    },
    Binding {
        keys: &[K::Tab],
        label: "Tab",
        command: None,
        scope: S::Editing,
        da: "næste felt (handlinger)",
        en: "next field (actions)",
        hint: true,
    },
];

/// The command `key` gives in the scopes that apply now (first match wins, in
/// the order given: the most specific scope first).
pub fn command(key: &KeyEvent, scopes: &[Scope]) -> Option<Command> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            K::Char('c') | K::Char('q') => Some(C::Quit),
            _ => None,
        };
    }
    let found = scopes.iter().find_map(|scope| {
        BINDINGS
            .iter()
            .filter(|b| b.scope == *scope)
            .find(|b| b.keys.contains(&key.code))
            .and_then(|b| b.command)
    });
    match (found, key.code) {
        (Some(C::Digit(0)), K::Char(c)) => c.to_digit(10).map(|d| C::Digit(d as u8)),
        _ => found,
    }
}

/// The bindings to show as hints in the footer for these scopes.
/// The most specific scope's hints come first, so a narrow footer shows them.
pub fn hints(scopes: &[Scope]) -> impl Iterator<Item = &'static Binding> + '_ {
    scopes
        .iter()
        .flat_map(|scope| BINDINGS.iter().filter(move |b| b.hint && b.scope == *scope))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn clicker_keys_move_between_steps() {
        assert_eq!(command(&key(K::PageDown), &[S::Step]), Some(C::NextStep));
        assert_eq!(command(&key(K::PageUp), &[S::Step]), Some(C::PrevStep));
        assert_eq!(command(&key(K::Char('.')), &[S::Step]), Some(C::Blank));
    }

    #[test]
    fn the_specific_scope_wins() {
        assert_eq!(command(&key(K::Enter), &[S::Model, S::Step]), Some(C::Open));
        assert_eq!(command(&key(K::Char('m')), &[S::Answers, S::Step]), None);
        assert_eq!(
            command(&key(K::Char('m')), &[S::Board, S::Answers, S::Step]),
            Some(C::MoveNext)
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_one_scope() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.scope == b.scope {
                    assert!(
                        !a.keys.iter().any(|k| b.keys.contains(k)),
                        "{} and {}",
                        a.label,
                        b.label
                    );
                }
            }
        }
    }
}
