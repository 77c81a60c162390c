//! keymap: which key does what, in which mode. These tables (and each
//! exercise's own, in its module) are the only source of the key handling, the
//! footer hints and the help screen. A hint's label is made from the keys
//! bound, so it cannot name a key that does nothing.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::Action;

/// A key as bound: its code, and whether Ctrl is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

/// A key without Ctrl.
pub const fn k(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

/// A character key without Ctrl.
pub const fn c(ch: char) -> Key {
    k(KeyCode::Char(ch))
}

/// A character key with Ctrl.
pub const fn ctrl(ch: char) -> Key {
    Key {
        code: KeyCode::Char(ch),
        ctrl: true,
    }
}

/// The digits 1–5, for the actions that take "the digit pressed".
pub const DIGITS: &[Key] = &[c('1'), c('2'), c('3'), c('4'), c('5')];

/// One line of a key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    /// What the keys do. For `Action::SetValue(0)` and `Action::RunInstrument(0)`
    /// the digit pressed takes the place of the 0.
    pub action: Action,
    /// Shown in the footer (the help shows every binding).
    pub hint: bool,
    pub da: &'static str,
    pub en: &'static str,
}

/// A mode's keys.
pub type Table = &'static [Binding];

pub const fn bind(
    keys: &'static [Key],
    action: Action,
    hint: bool,
    da: &'static str,
    en: &'static str,
) -> Binding {
    Binding {
        keys,
        action,
        hint,
        da,
        en,
    }
}

impl Binding {
    /// Every key of the binding, as the help shows them: "→ PgDn n".
    pub fn label(&self) -> String {
        label(self.keys)
    }

    /// The first key, as the footer shows it (digits as a range: "1–5").
    pub fn short_label(&self) -> String {
        match self.keys {
            [first, .., last] if is_digit(first) && is_digit(last) => label(self.keys),
            [first, ..] => name(first),
            [] => String::new(),
        }
    }

    /// What the binding does, in `lang`.
    pub fn text(&self, lang: &str) -> &'static str {
        if lang == "en" { self.en } else { self.da }
    }
}

fn is_digit(key: &Key) -> bool {
    matches!(key.code, KeyCode::Char(ch) if ch.is_ascii_digit())
}

/// The keys as shown: names joined by spaces, a run of digits as "1–5".
pub fn label(keys: &[Key]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < keys.len() {
        let mut j = i;
        while j + 1 < keys.len() && is_digit(&keys[j]) && is_digit(&keys[j + 1]) {
            j += 1;
        }
        if j > i + 1 {
            parts.push(format!("{}–{}", name(&keys[i]), name(&keys[j])));
        } else {
            parts.extend(keys[i..=j].iter().map(name));
        }
        i = j + 1;
    }
    parts.join(" ")
}

/// A key's name on screen.
fn name(key: &Key) -> String {
    let base = match key.code {
        KeyCode::Right => "→".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Delete => "Del".into(),
        KeyCode::Char(' ') => "Space".into(),
        KeyCode::Char(ch) if key.ctrl => ch.to_ascii_uppercase().to_string(),
        KeyCode::Char(ch) => ch.to_string(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if key.ctrl {
        format!("Ctrl-{base}")
    } else {
        base
    }
}

/// Whether `event` is `key` (Shift and Alt are not told apart: a capital
/// letter is its own character).
fn matches(key: &Key, event: &KeyEvent) -> bool {
    key.code == event.code && key.ctrl == event.modifiers.contains(KeyModifiers::CONTROL)
}

/// The action `event` gives in `tables` (the first table that binds it wins).
pub fn action(event: &KeyEvent, tables: &[Table]) -> Option<Action> {
    let binding = tables
        .iter()
        .flat_map(|t| t.iter())
        .find(|b| b.keys.iter().any(|k| matches(k, event)))?;
    Some(match event.code {
        KeyCode::Char(ch) => ch
            .to_digit(10)
            .map_or(binding.action, |d| binding.action.with_digit(d as u8)),
        _ => binding.action,
    })
}

/// The footer's name for the key that does `action` in `tables`: "Space".
pub fn key_for(action: Action, tables: &[Table]) -> Option<String> {
    tables
        .iter()
        .flat_map(|t| t.iter())
        .find(|b| b.action == action)
        .map(Binding::short_label)
}

/// The bindings to show as hints in the footer, the first table's first.
pub fn hints<'a>(tables: &'a [Table]) -> impl Iterator<Item = &'static Binding> + 'a {
    tables.iter().flat_map(|t| t.iter().filter(|b| b.hint))
}

use Action as A;
use KeyCode as K;

/// Up and down a list, on any screen that has one.
pub const UP: Binding = bind(&[k(K::Up), c('k')], A::Up, false, "op", "up");
pub const DOWN: Binding = bind(&[k(K::Down), c('j')], A::Down, false, "ned", "down");
/// Edits / deletes the selected card, point or action.
pub const EDIT: Binding = bind(&[c('e')], A::EditAnswer, true, "ret", "edit");
pub const DELETE: Binding = bind(
    &[c('d'), k(K::Delete)],
    A::DeleteAnswer,
    true,
    "slet",
    "delete",
);
/// Clears the selected value (a score, a position).
pub const CLEAR: Binding = bind(
    &[c('0'), k(K::Backspace)],
    A::ClearValue,
    true,
    "ryd",
    "clear",
);

/// Keys on every step, when nothing is open over it.
/// Blanks the screen (any key brings it back), wherever the room looks.
pub const BLANK: Binding = bind(
    &[c('b'), c('.')],
    A::Blank,
    false,
    "mørk skærm",
    "blank the screen",
);
/// Projector mode: the chrome hidden, big title and clock.
const PROJECTOR: Binding = bind(
    &[c('f')],
    A::TogglePresentation,
    false,
    "projektorvisning",
    "projector mode",
);
/// Help over the screen; shown in the footer where `hinted`.
pub const HELP: Binding = bind(&[c('?'), k(K::F(1))], A::ShowHelp, false, "hjælp", "help");

pub const STEP: Table = &[
    bind(
        &[k(K::Right), k(K::PageDown), c('n')],
        A::NextStep,
        true,
        "næste trin",
        "next step",
    ),
    bind(
        &[k(K::Left), k(K::PageUp), c('p')],
        A::PrevStep,
        true,
        "forrige trin",
        "previous step",
    ),
    bind(
        &[c(' ')],
        A::ToggleClock,
        true,
        "start/pause uret",
        "start/pause the clock",
    ),
    bind(
        &[c('+')],
        A::AdjustClock(1),
        false,
        "et minut mere",
        "one minute more",
    ),
    bind(
        &[c('-')],
        A::AdjustClock(-1),
        false,
        "et minut mindre",
        "one minute less",
    ),
    bind(
        &[c(']')],
        A::AdjustClock(5),
        false,
        "fem minutter mere",
        "five minutes more",
    ),
    bind(
        &[c('[')],
        A::AdjustClock(-5),
        false,
        "fem minutter mindre",
        "five minutes less",
    ),
    bind(
        &[c('r')],
        A::AcceptPlan,
        false,
        "tag den nye plan efter overtid",
        "take the new plan after an overrun",
    ),
    bind(
        &[c('R')],
        A::KeepPlan,
        false,
        "behold planen",
        "keep the plan",
    ),
    bind(&[c('u')], A::Undo, true, "fortryd", "undo"),
    bind(
        &[c('x')],
        A::Export,
        false,
        "skriv rapporten nu",
        "write the report now",
    ),
    bind(&[c('g')], A::ShowAgenda, false, "programmet", "the agenda"),
    bind(
        &[c('i')],
        A::ShowNotes,
        false,
        "formål, noter og spørgsmål",
        "purpose, notes and questions",
    ),
    PROJECTOR,
    bind(
        &[c('P')],
        A::TogglePlan,
        false,
        "vis/skjul planen (foran/bagud) for rummet",
        "show/hide the plan (ahead/behind) to the room",
    ),
    BLANK,
    hinted(HELP),
    bind(
        &[c('q'), ctrl('q'), ctrl('c')],
        A::Quit,
        true,
        "afslut",
        "quit",
    ),
];

/// `binding`, shown in the footer.
const fn hinted(binding: Binding) -> Binding {
    Binding {
        hint: true,
        ..binding
    }
}

/// The closing screen after the last step: write the report, move through
/// the decisions, go back, quit. The clicker's "next" (→, PgDn) is bound to
/// nothing: past the last step there is no next, and a press too many must
/// neither move the decisions nor end anything again.
pub const CLOSING: Table = &[
    bind(
        &[c('x'), k(K::Enter)],
        A::Export,
        true,
        "skriv rapporten",
        "write the report",
    ),
    hinted(DOWN),
    hinted(UP),
    bind(
        &[k(K::Left), k(K::PageUp), c('p')],
        A::PrevStep,
        true,
        "tilbage til sidste trin",
        "back to the last step",
    ),
    PROJECTOR,
    BLANK,
    HELP,
    bind(&[c('q'), ctrl('c')], A::Quit, true, "afslut", "quit"),
];

/// The clicker's keys, which act over help and notes too, so the facilitator
/// never has to put it down.
const CLICKER: [Binding; 3] = [
    bind(
        &[k(K::Right), k(K::PageDown), c('n')],
        A::NextStep,
        false,
        "næste trin",
        "next step",
    ),
    bind(
        &[k(K::Left), k(K::PageUp), c('p')],
        A::PrevStep,
        false,
        "forrige trin",
        "previous step",
    ),
    BLANK,
];

/// Help and the notes: scroll, close, and the clicker.
pub const READING: Table = &[
    bind(
        &[k(K::Down), c('j')],
        A::ScrollDown,
        true,
        "rul ned",
        "scroll down",
    ),
    bind(
        &[k(K::Up), c('k')],
        A::ScrollUp,
        true,
        "rul op",
        "scroll up",
    ),
    bind(
        &[k(K::Esc), c('q'), c('?'), c('i'), k(K::F(1))],
        A::Close,
        true,
        "luk",
        "close",
    ),
    CLICKER[0],
    CLICKER[1],
    CLICKER[2],
    bind(&[ctrl('c')], A::Quit, false, "afslut", "quit"),
];

/// The agenda: choose a step and go there.
pub const AGENDA: Table = &[
    bind(&[k(K::Up), c('k')], A::Up, true, "op", "up"),
    bind(&[k(K::Down), c('j')], A::Down, true, "ned", "down"),
    bind(
        &[k(K::Enter)],
        A::Choose,
        true,
        "gå til trinnet",
        "go to the step",
    ),
    bind(&[k(K::Esc), c('g'), c('q')], A::Close, true, "luk", "close"),
    bind(&[ctrl('c')], A::Quit, false, "afslut", "quit"),
];

const SAVE: Binding = bind(&[k(K::Enter)], A::Save, true, "gem", "save");
const CANCEL: Binding = bind(&[k(K::Esc)], A::Cancel, true, "annullér", "cancel");
// `q` types: the scribe writes what the room says ("Quick wins", "FAQ"), and
// a letter that sometimes quits would eat words. Ctrl-Q quits, asking first
// when there is text; Esc closes the form, and then `q` quits.
const QUIT_FORM: Binding = bind(
    &[ctrl('q'), ctrl('c')],
    A::Quit,
    true,
    "afslut (spørger først)",
    "quit (asks first)",
);

/// The answer form with several fields (an action). Any other key types.
pub const FORM: Table = &[
    SAVE,
    CANCEL,
    bind(&[k(K::Tab)], A::NextField, true, "næste felt", "next field"),
    bind(
        &[k(K::BackTab)],
        A::PrevField,
        false,
        "forrige felt",
        "previous field",
    ),
    QUIT_FORM,
];

/// A form of one field (a card, a note, a percentage). Any other key types.
pub const FIELD: Table = &[SAVE, CANCEL, QUIT_FORM];

/// No to a question, in either language.
const NO: Binding = bind(&[c('n'), c('N'), k(K::Esc)], A::No, true, "nej", "no");
/// Ctrl-C while asked quits as a yes would.
const YES_CTRL_C: Binding = bind(&[ctrl('c')], A::Yes, false, "ja", "yes");

/// A yes/no question in Danish (quit while typing; does closed time count):
/// `j` shown, the English `y` taken too.
const QUESTION_DA: Table = &[
    bind(&[c('j'), c('y'), c('J'), c('Y')], A::Yes, true, "ja", "yes"),
    NO,
    YES_CTRL_C,
];

/// The same question in English: `y` shown, the Danish `j` taken too.
const QUESTION_EN: Table = &[
    bind(&[c('y'), c('j'), c('Y'), c('J')], A::Yes, true, "ja", "yes"),
    NO,
    YES_CTRL_C,
];

/// A yes/no question in `lang`: the footer shows the language's own yes key.
pub fn question(lang: &str) -> Table {
    if lang == "en" {
        QUESTION_EN
    } else {
        QUESTION_DA
    }
}

/// The launcher: pick a workshop or a session.
pub const LAUNCHER: Table = &[
    bind(&[k(K::Up), c('k'), k(K::PageUp)], A::Up, true, "op", "up"),
    bind(
        &[k(K::Down), c('j'), k(K::PageDown), k(K::Tab)],
        A::Down,
        true,
        "ned",
        "down",
    ),
    bind(
        &[k(K::Enter), k(K::Right)],
        A::Choose,
        true,
        "start",
        "start",
    ),
    bind(
        &[c('q'), k(K::Esc), ctrl('c')],
        A::Quit,
        true,
        "afslut",
        "quit",
    ),
];

/// Naming a new session in the launcher: every other key types.
pub const NAMING: Table = &[
    bind(&[k(K::Enter)], A::Choose, true, "start", "start"),
    bind(&[k(K::Esc)], A::Cancel, true, "tilbage", "back"),
];

/// The room view: it only follows.
pub const ROOM: Table = &[bind(
    &[c('q'), k(K::Esc), ctrl('c')],
    A::Quit,
    true,
    "afslut",
    "quit",
)];

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn clicker_keys_move_between_steps() {
        assert_eq!(action(&key(K::PageDown), &[STEP]), Some(A::NextStep));
        assert_eq!(action(&key(K::PageUp), &[STEP]), Some(A::PrevStep));
        assert_eq!(action(&key(K::Char('.')), &[STEP]), Some(A::Blank));
        assert_eq!(action(&key(K::PageDown), &[READING]), Some(A::NextStep));
    }

    /// On the closing screen ↓ and j move through the decisions; the
    /// clicker keeps its meaning: PgUp back to the last step, PgDn and →
    /// nothing (there is no next step, and they must not scroll instead).
    #[test]
    fn the_closing_screen_scrolls_by_arrows_and_the_clicker_goes_back() {
        assert_eq!(action(&key(K::Down), &[CLOSING]), Some(A::Down));
        assert_eq!(action(&key(K::Char('k')), &[CLOSING]), Some(A::Up));
        assert_eq!(action(&key(K::PageUp), &[CLOSING]), Some(A::PrevStep));
        assert_eq!(action(&key(K::PageDown), &[CLOSING]), None);
        assert_eq!(action(&key(K::Right), &[CLOSING]), None);
    }

    #[test]
    fn ctrl_is_its_own_key() {
        let ctrl_c = KeyEvent::new(K::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action(&ctrl_c, &[STEP]), Some(A::Quit));
        assert_eq!(action(&key(K::Char('c')), &[STEP]), None);
        assert_eq!(action(&key(K::Char('c')), &[FORM]), None, "c types");
    }

    #[test]
    fn a_digit_takes_the_place_of_the_zero() {
        const T: Table = &[bind(DIGITS, A::SetValue(0), true, "", "")];
        assert_eq!(action(&key(K::Char('4')), &[T]), Some(A::SetValue(4)));
    }

    #[test]
    fn labels_come_from_the_keys() {
        assert_eq!(STEP[0].label(), "→ PgDn n");
        assert_eq!(STEP[0].short_label(), "→");
        assert_eq!(label(DIGITS), "1–5");
        assert_eq!(label(&[c('q'), ctrl('c')]), "q Ctrl-C");
    }

    /// A question's words name the keys its footer shows: "(j/n)" in
    /// Danish, "(y/n)" in English.
    #[test]
    fn a_question_names_the_keys_it_shows() {
        for lang in ["da", "en"] {
            let t = question(lang);
            let keys = format!("({}/{})", t[0].short_label(), t[1].short_label());
            let w = crate::i18n::words(lang);
            for asked in [w.quit_while_typing, w.count_closed_time] {
                assert!(asked.ends_with(&keys), "{lang}: {asked} {keys}");
            }
        }
        assert_eq!(question("en")[0].short_label(), "y");
        assert_eq!(question("da")[0].short_label(), "j");
    }

    /// Every exercise of every shipped workshop, as it starts.
    fn exercises() -> Vec<Box<dyn crate::exercise::Exercise>> {
        let (lib, _) = crate::content::Library::embedded();
        ["da", "en"]
            .iter()
            .flat_map(|lang| lib.workshops(lang).collect::<Vec<_>>())
            .flat_map(|w| w.steps.iter().map(crate::exercise::for_step))
            .collect()
    }

    /// Every table of every mode: no key bound twice in one table, and every
    /// label and description draws in every common monospace font.
    #[test]
    fn no_key_is_bound_twice_in_one_table() {
        let mut tables: Vec<Table> = vec![
            STEP,
            CLOSING,
            READING,
            AGENDA,
            FORM,
            FIELD,
            QUESTION_DA,
            QUESTION_EN,
            LAUNCHER,
            NAMING,
            ROOM,
        ];
        tables.extend(exercises().iter().flat_map(|e| e.tables()));
        for table in tables {
            for (i, a) in table.iter().enumerate() {
                let shown = format!("{} {} {}", a.label(), a.da, a.en);
                assert!(
                    shown.chars().all(crate::ui::glyphs::safe),
                    "{shown:?} has a symbol some fonts lack"
                );
                for b in &table[i + 1..] {
                    assert!(
                        !a.keys.iter().any(|k| b.keys.contains(k)),
                        "{} and {}",
                        a.label(),
                        b.label()
                    );
                }
            }
        }
    }

    /// An exercise's keys never hide a key every step has (only something it
    /// opens over the step, like an advice, takes the keys).
    #[test]
    fn no_exercise_hides_a_step_key() {
        for ex in exercises() {
            for b in ex.keys() {
                for s in STEP {
                    assert!(
                        !b.keys.iter().any(|k| s.keys.contains(k)),
                        "{} hides {}",
                        b.label(),
                        s.label()
                    );
                }
            }
        }
    }
}
