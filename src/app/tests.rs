//! `App::update`, one transition at a time: what each message does to the
//! App and which effects it asks for. Commits are answered as the runtime
//! would, without a disk.

use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::content::{DEFAULT_WORKSHOP, Library};
use crate::session::{Cursor, Meta, Value};

const T0: Millis = 1_795_424_400_000;

pub(super) fn app() -> App {
    app_of(DEFAULT_WORKSHOP)
}

/// A new session of a shipped workshop, in Danish.
fn app_of(workshop: &str) -> App {
    let (lib, problems) = Library::embedded();
    assert!(problems.is_empty(), "{problems:?}");
    let w = Arc::new(lib.workshop(workshop, Some("da")).expect("shipped").clone());
    let meta = Meta {
        id: "t".into(),
        workshop: w.id.clone(),
        lang: "da".into(),
        title: w.title.clone(),
        created: "2026-11-23T09:00:00Z".into(),
        name: String::new(),
        archived: false,
    };
    let s = Session::new(meta, &w);
    App::new(w, s, T0, Options::default())
}

/// Sends `msg`, then answers every commit as written; returns every effect.
pub(super) fn send(app: &mut App, msg: Msg) -> Vec<Effect> {
    let mut all = Vec::new();
    let mut queue = std::collections::VecDeque::from(app.update(msg, T0));
    while let Some(effect) = queue.pop_front() {
        if let Effect::Commit { change, undoable } = &effect {
            queue.extend(app.update(
                Msg::Committed {
                    change: change.clone(),
                    undoable: *undoable,
                },
                T0,
            ));
        }
        all.push(effect);
    }
    all
}

pub(super) fn act(app: &mut App, action: Action) -> Vec<Effect> {
    send(app, Msg::Do(action))
}

pub(super) fn go_to(app: &mut App, id: &str) {
    while app.step().id != id {
        act(app, Action::NextStep);
    }
}

pub(super) fn commits(effects: &[Effect]) -> Vec<&Change> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Commit { change, .. } => Some(change),
            _ => None,
        })
        .collect()
}

pub(super) fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        send(app, Msg::Type(key.into()));
    }
}

#[test]
fn next_step_commits_a_goto_and_moves_when_written() {
    let mut a = app();
    let effects = a.update(Msg::Do(Action::NextStep), T0);
    assert_eq!(
        commits(&effects),
        [&Change::Goto {
            step: "inspiration".into()
        }]
    );
    assert_eq!(a.step().id, "velkomst", "not before the disk says so");
    send(
        &mut a,
        Msg::Committed {
            change: Change::Goto {
                step: "inspiration".into(),
            },
            undoable: false,
        },
    );
    assert_eq!(a.step().id, "inspiration");
}

#[test]
fn previous_step_on_the_first_does_nothing() {
    let mut a = app();
    assert!(commits(&act(&mut a, Action::PrevStep)).is_empty());
}

#[test]
fn the_clock_starts_and_hands_over_to_the_next_step() {
    let mut a = app();
    act(&mut a, Action::ToggleClock);
    assert!(a.session().steps["velkomst"].clock.running());
    let effects = act(&mut a, Action::NextStep);
    assert_eq!(commits(&effects).len(), 3, "pause, start, goto");
    assert!(!a.session().steps["velkomst"].clock.running());
    assert!(a.session().steps["inspiration"].clock.running());
}

#[test]
fn moving_on_with_no_clock_running_says_which_key_starts_it() {
    let mut a = app();
    act(&mut a, Action::NextStep);
    let (said, error) = a.status().expect("a note");
    assert_eq!(said, "Uret står stille – Space starter det");
    assert!(!error);
    let mut a = app();
    act(&mut a, Action::ToggleClock);
    act(&mut a, Action::NextStep);
    assert_eq!(a.status(), None, "the clock ran over to the next step");
    // Past the last step the workshop is over: no clock to start.
    let mut a = app();
    for _ in 0..=a.workshop().steps.len() {
        act(&mut a, Action::NextStep);
    }
    assert_eq!(a.status(), None, "no reminder on the closing screen");
}

#[test]
fn help_scrolls_closes_and_lets_the_clicker_through() {
    let mut a = app();
    act(&mut a, Action::ShowHelp);
    act(&mut a, Action::ScrollDown);
    assert!(matches!(a.mode(), Mode::Help { scroll: 1 }));
    act(&mut a, Action::NextStep);
    assert_eq!(a.step().id, "inspiration");
    assert!(matches!(a.mode(), Mode::Help { .. }), "help stays open");
    act(&mut a, Action::Close);
    assert!(matches!(a.mode(), Mode::Normal));
}

#[test]
fn the_agenda_goes_to_the_chosen_step() {
    let mut a = app();
    act(&mut a, Action::ShowAgenda);
    act(&mut a, Action::Down);
    act(&mut a, Action::Down);
    act(&mut a, Action::Choose);
    assert_eq!(a.step_index(), 2);
    assert!(matches!(a.mode(), Mode::Normal));
}

#[test]
fn a_point_is_typed_saved_and_confirmed() {
    let mut a = app();
    go_to(&mut a, "droeftelse");
    act(&mut a, Action::NewAnswer);
    typed(&mut a, "Æbler");
    let effects = a.update(Msg::Do(Action::Save), T0);
    assert!(matches!(a.mode(), Mode::Saving(_)));
    let [Effect::Commit { change, undoable }] = effects.as_slice() else {
        panic!("one commit: {effects:?}");
    };
    let after = a.update(
        Msg::Committed {
            change: change.clone(),
            undoable: *undoable,
        },
        T0,
    );
    assert!(matches!(a.mode(), Mode::Normal));
    assert!(
        matches!(after.as_slice(), [Effect::SaveLive(l)] if l.draft.is_none()),
        "the draft is cleared: {after:?}"
    );
    assert_eq!(a.session().steps["droeftelse"].items[0].text, "Æbler");
    assert_eq!(a.status(), Some(("√ Gemt".into(), false)));
}

#[test]
fn a_failed_write_reopens_the_form_with_the_reason() {
    let mut a = app();
    go_to(&mut a, "droeftelse");
    act(&mut a, Action::NewAnswer);
    typed(&mut a, "x");
    a.update(Msg::Do(Action::Save), T0);
    a.update(Msg::CommitFailed("disk full".into()), T0);
    let Mode::Editing(ed) = a.mode() else {
        panic!("editing again");
    };
    assert_eq!(ed.error.as_deref(), Some("disk full"));
    assert!(a.status().is_some_and(|(_, error)| error));
}

#[test]
fn an_empty_form_saves_nothing_and_cancel_keeps_nothing() {
    let mut a = app();
    go_to(&mut a, "droeftelse");
    act(&mut a, Action::NewAnswer);
    assert!(commits(&act(&mut a, Action::Save)).is_empty());
    assert!(matches!(a.mode(), Mode::Normal));
    act(&mut a, Action::NewAnswer);
    typed(&mut a, "glem");
    let effects = act(&mut a, Action::Cancel);
    assert!(matches!(effects.as_slice(), [Effect::SaveLive(l)] if l.draft.is_none()));
    assert!(a.session().steps["droeftelse"].items.is_empty());
}

#[test]
fn quitting_while_typing_asks_and_keeps_the_draft() {
    let mut a = app();
    go_to(&mut a, "droeftelse");
    act(&mut a, Action::NewAnswer);
    typed(&mut a, "halv");
    act(&mut a, Action::Quit);
    assert!(matches!(a.mode(), Mode::ConfirmQuit(_)));
    act(&mut a, Action::No);
    assert!(matches!(a.mode(), Mode::Editing(_)));
    act(&mut a, Action::Quit);
    let effects = act(&mut a, Action::Yes);
    let Some(Effect::SaveLive(live)) = effects.first() else {
        panic!("{effects:?}");
    };
    assert_eq!(
        live.draft.as_ref().map(|d| d.fields.clone()),
        Some(vec!["halv".into()])
    );
    assert_eq!(effects.last(), Some(&Effect::Quit));
}

#[test]
fn a_blank_screen_comes_back_on_any_key_and_does_nothing_else() {
    let mut a = app();
    act(&mut a, Action::Blank);
    assert!(a.blank());
    let key = KeyEvent::new(KeyCode::PageDown, KeyModifiers::NONE);
    let msg = a.translate(&key).expect("a message");
    send(&mut a, msg);
    assert!(!a.blank());
    assert_eq!(a.step().id, "velkomst");
}

#[test]
fn keys_become_typing_only_in_a_form() {
    let mut a = app();
    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(a.translate(&q), Some(Msg::Do(Action::Quit)));
    go_to(&mut a, "droeftelse");
    act(&mut a, Action::NewAnswer);
    assert!(matches!(a.translate(&q), Some(Msg::Type(_))));
}

#[test]
fn undo_with_nothing_done_says_so() {
    let mut a = app();
    assert!(act(&mut a, Action::Undo).is_empty());
    assert_eq!(a.status(), Some(("Intet at fortryde".into(), false)));
}

#[test]
fn the_draft_is_saved_after_a_second_of_quiet_not_before() {
    let mut a = app();
    go_to(&mut a, "droeftelse");
    act(&mut a, Action::NewAnswer);
    typed(&mut a, "a");
    assert!(a.update(Msg::Tick, T0 + 500).is_empty());
    assert!(matches!(
        a.update(Msg::Tick, T0 + 1_000).as_slice(),
        [Effect::SaveLive(l)] if l.draft.is_some()
    ));
    assert!(a.update(Msg::Tick, T0 + 1_500).is_empty(), "saved once");
}

#[test]
fn projector_mode_toggles_and_the_room_view_stays() {
    let mut a = app();
    act(&mut a, Action::TogglePresentation);
    assert_eq!(a.presentation(), Presentation::Projector);
    act(&mut a, Action::TogglePresentation);
    assert_eq!(a.presentation(), Presentation::Console);
}

#[test]
fn the_vote_order_is_mirrored_for_the_room() {
    let mut a = app();
    go_to(&mut a, "brainstorm");
    let effects = act(&mut a, Action::SortByVotes);
    assert!(a.by_votes());
    assert!(matches!(effects.as_slice(), [Effect::SaveLive(l)] if l.view.by_votes));
}

#[test]
fn an_opened_advice_is_mirrored_and_takes_the_keys() {
    let mut a = app();
    go_to(&mut a, "inspiration");
    let effects = act(&mut a, Action::Open);
    assert!(matches!(effects.as_slice(), [Effect::SaveLive(l)] if l.view.advice == Some(0)));
    assert_eq!(a.keys().len(), 1, "only the advice's keys");
    act(&mut a, Action::Close);
    assert_eq!(a.view().advice, None);
}

/// The room view follows the cursor: one key is saved for it at once; a held
/// key a few times a second, not on every key; where it stopped, by the next
/// tick.
#[test]
fn a_held_arrow_key_reaches_the_room_a_few_times_a_second_and_where_it_stopped() {
    let mut a = app_of("topledelsens-tjek");
    go_to(&mut a, "selvvurdering");
    let saved = |effects: &[Effect]| -> Vec<View> {
        effects
            .iter()
            .filter_map(|e| match e {
                Effect::SaveLive(l) => Some(l.view.clone()),
                _ => None,
            })
            .collect()
    };
    let mut t = T0 + 10_000;
    let first = saved(&a.update(Msg::Do(Action::Down), t));
    assert_eq!(first.len(), 1, "one key: at once");
    assert_eq!(first[0].cursor, Cursor::at_row(1));
    let mut writes = 0;
    for _ in 0..10 {
        t += 30;
        writes += saved(&a.update(Msg::Do(Action::Down), t)).len();
    }
    assert_eq!(writes, 1, "ten keys in 300 ms: saved once more");
    assert_eq!(a.view().cursor, Cursor::at_row(11));
    let last = saved(&a.update(Msg::Tick, t + 250));
    assert_eq!(last.len(), 1);
    assert_eq!(last[0].cursor, Cursor::at_row(11), "where it stopped");
    assert!(saved(&a.update(Msg::Tick, t + 500)).is_empty(), "once");
}

/// On a new step the old step's cursor is replaced at once, never left for
/// the room view (or a resume) to apply to the new step.
#[test]
fn a_new_step_saves_its_own_cursor_at_once() {
    let mut a = app_of("topledelsens-tjek");
    go_to(&mut a, "selvvurdering");
    let t = T0 + 10_000;
    a.update(Msg::Do(Action::Down), t);
    a.update(Msg::Do(Action::Down), t + 30);
    // Within the cursor's save interval, the room moves on.
    let mut effects = a.update(Msg::Do(Action::NextStep), t + 50);
    let mut saved = Vec::new();
    while let Some(effect) = effects.pop() {
        match effect {
            Effect::Commit { change, undoable } => {
                effects.extend(a.update(Msg::Committed { change, undoable }, t + 50));
            }
            Effect::SaveLive(live) => saved.push(live.view.cursor),
            _ => {}
        }
    }
    assert_ne!(a.step().id, "selvvurdering");
    assert_eq!(
        saved.last(),
        Some(&a.view().cursor),
        "the new step's cursor is on disk: {saved:?}"
    );
}

/// A console resumed after a crash is where it was on the step, so the room
/// view following it does not jump back to the top.
#[test]
fn a_resumed_console_keeps_its_place_on_the_step() {
    let mut a = app_of("topledelsens-tjek");
    go_to(&mut a, "selvvurdering");
    for _ in 0..5 {
        act(&mut a, Action::Down);
    }
    let live = Live {
        seen: T0,
        draft: None,
        view: a.view(),
    };
    let w = Arc::new(a.workshop().clone());
    let (b, _) = App::resume(w, a.session().clone(), Some(live), T0, Options::default());
    assert_eq!(b.view().cursor, Cursor::at_row(5));
}

/// What the clicker's key does now, carried out.
fn click(a: &mut App, code: KeyCode) {
    let msg = a.translate(&KeyEvent::new(code, KeyModifiers::NONE));
    send(a, msg.expect("a message"));
}

/// A clicker pages through the nine advice and out of the last one: the
/// model shows again (the footer said so) and the next page moves on a step;
/// paging back from the first advice likewise.
#[test]
fn a_clicker_pages_out_of_the_last_advice_and_on_to_the_next_step() {
    let footer = |a: &App| keymap::hints(&a.keys()).next().map(|b| b.text("da"));
    let mut a = app();
    go_to(&mut a, "inspiration");
    act(&mut a, Action::Open);
    assert_eq!(footer(&a), Some("næste punkt"));
    for _ in 0..8 {
        click(&mut a, KeyCode::PageDown);
    }
    assert_eq!(a.view().advice, Some(8), "9. Brug din politiske ledelse");
    assert_eq!(footer(&a), Some("tilbage til modellen"));
    // Help over the advice says it too, and closes back onto the advice.
    click(&mut a, KeyCode::Char('?'));
    let help = screen(&a, 80, 24);
    let says = |l: &str| l.contains("PgDn") && l.contains("tilbage til modellen");
    assert!(help.lines().any(says), "{help}");
    click(&mut a, KeyCode::Esc);
    assert_eq!(a.view().advice, Some(8));
    click(&mut a, KeyCode::PageDown);
    assert_eq!(a.view().advice, None, "the model again");
    assert_eq!(a.step().id, "inspiration");
    click(&mut a, KeyCode::PageDown);
    assert_ne!(a.step().id, "inspiration", "on to the next step");

    act(&mut a, Action::PrevStep);
    act(&mut a, Action::Open);
    assert_eq!(a.view().advice, Some(8), "where it was left");
    for _ in 0..8 {
        click(&mut a, KeyCode::PageUp);
    }
    assert_eq!(a.view().advice, Some(0), "1.");
    click(&mut a, KeyCode::PageUp);
    assert_eq!(a.view().advice, None, "the model again");
    assert_eq!(a.step().id, "inspiration");
    click(&mut a, KeyCode::PageUp);
    assert_eq!(a.step().id, "velkomst", "back a step");
}

#[test]
fn on_resume_the_question_about_closed_time_is_asked_first() {
    let mut a = app();
    act(&mut a, Action::ToggleClock);
    let live = Live {
        seen: T0 + 60_000,
        draft: None,
        view: View::default(),
    };
    let (mut b, effects) = App::resume(
        Arc::new(a.workshop().clone()),
        a.session().clone(),
        Some(live),
        T0 + 3_600_000,
        Options::default(),
    );
    assert!(effects.is_empty());
    assert!(matches!(b.mode(), Mode::ResumeClock { .. }));
    let keys = b.keys();
    assert!(
        matches!(keys.as_slice(), [t] if t.first().map(|b| b.action) == Some(Action::Yes)),
        "only the question's keys"
    );
    let effects = b.update(Msg::Do(Action::No), T0 + 3_600_000);
    assert_eq!(
        commits(&effects).len(),
        1,
        "the clock stops where it was seen"
    );
    assert!(matches!(b.mode(), Mode::Normal));
}

#[test]
fn the_clicker_past_the_closing_screen_keeps_the_end_time() {
    let mut a = app();
    let last = a
        .workshop()
        .steps
        .last()
        .map(|s| s.id.clone())
        .expect("steps");
    go_to(&mut a, &last);
    act(&mut a, Action::NextStep);
    assert!(a.closing());
    let ended = a.session().ended;
    assert!(ended.is_some());
    // Over help the clicker's keys still act; on the closing screen they
    // must not end the workshop again later.
    act(&mut a, Action::ShowHelp);
    let effects = a.update(Msg::Do(Action::NextStep), T0 + 60_000);
    assert!(commits(&effects).is_empty(), "{effects:?}");
    assert_eq!(a.session().ended, ended);
}

fn screen(a: &App, w: u16, h: u16) -> String {
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| crate::ui::draw(f, a, &crate::ui::Theme::monochrome()))
        .expect("draw");
    t.backend().to_string()
}

#[test]
fn an_opened_advice_scrolled_past_its_end_comes_back_at_the_first_key_up() {
    let mut a = app();
    send(&mut a, Msg::Resize(80, 24));
    go_to(&mut a, "inspiration");
    act(&mut a, Action::Down);
    act(&mut a, Action::Down);
    act(&mut a, Action::Open);
    for _ in 0..100 {
        act(&mut a, Action::ScrollDown);
    }
    let at_end = screen(&a, 80, 24);
    act(&mut a, Action::ScrollUp);
    assert_ne!(screen(&a, 80, 24), at_end, "one key up moves the advice");
}

/// The room agrees a category at a time: what was agreed never moves, the
/// categories not set share the rest, and a total off 100 % is said, not fixed.
#[test]
fn the_portfolio_keeps_what_the_room_agreed() {
    let mut a = app_of("topledelsens-tjek");
    go_to(&mut a, "portefolje");
    let agree = |a: &mut App, start: Action, text: &str| {
        act(a, start);
        typed(a, text);
        let effects = act(a, Action::Save);
        assert_eq!(commits(&effects).len(), 1, "{text}");
    };
    let unit_a = |a: &App| a.session().value("portefolje", "a").map(Value::table);
    let table = |pairs: &[(&str, i64)]| {
        Some(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), *v))
                .collect::<std::collections::BTreeMap<_, _>>(),
        )
    };
    // A digit starts the percentage: "4", "0", Enter.
    agree(&mut a, Action::SetValue(4), "0");
    act(&mut a, Action::Down);
    agree(&mut a, Action::Open, "30");
    act(&mut a, Action::Down);
    agree(&mut a, Action::Open, "20");
    assert_eq!(
        unit_a(&a),
        table(&[
            ("effektiviser", 40),
            ("moderniser", 30),
            ("gentaenk-services", 20)
        ]),
        "only what was typed is stored, and stays as typed"
    );
    let shown = screen(&a, 80, 24);
    assert!(
        shown.contains("(10 %)"),
        "the fourth takes the rest: {shown}"
    );
    assert!(
        shown.contains("I alt                        100 %"),
        "{shown}"
    );

    // The fourth, typed too: 105 %, said so, and nothing agreed moves.
    act(&mut a, Action::Down);
    agree(&mut a, Action::SetValue(1), "5");
    assert_eq!(
        unit_a(&a),
        table(&[
            ("effektiviser", 40),
            ("moderniser", 30),
            ("gentaenk-services", 20),
            ("gentaenk-forretning", 15)
        ])
    );
    let shown = screen(&a, 80, 24);
    assert!(shown.contains("105 %   ! 5 for meget"), "{shown}");

    // Not a whole percentage: the form stays with the reason, nothing is written.
    act(&mut a, Action::Open);
    typed(&mut a, "7,5");
    assert!(commits(&act(&mut a, Action::Save)).is_empty());
    assert!(screen(&a, 80, 24).contains("skriv et helt tal fra 0 til 100"));
    act(&mut a, Action::Cancel);

    // Cleared, the fourth shares the rest again; clearing all clears the unit.
    act(&mut a, Action::ClearValue);
    assert!(screen(&a, 80, 24).contains("(10 %)"));
    for _ in 0..3 {
        act(&mut a, Action::Up);
        act(&mut a, Action::ClearValue);
    }
    assert_eq!(unit_a(&a), None);
}

#[test]
fn help_offers_to_scroll_only_where_there_is_more() {
    let mut a = app();
    send(&mut a, Msg::Resize(50, 14));
    act(&mut a, Action::ShowHelp);
    let offered = |a: &App, action: Action| a.hints().iter().any(|b| b.action == action);
    assert!(!offered(&a, Action::ScrollUp), "at the top");
    assert!(
        offered(&a, Action::ScrollDown),
        "help is longer than 14 rows"
    );
    for _ in 0..200 {
        act(&mut a, Action::ScrollDown);
    }
    assert!(offered(&a, Action::ScrollUp));
    assert!(!offered(&a, Action::ScrollDown), "at the end");
    act(&mut a, Action::Close);
    send(&mut a, Msg::Resize(300, 90));
    act(&mut a, Action::ShowHelp);
    assert!(
        !offered(&a, Action::ScrollDown) && !offered(&a, Action::ScrollUp),
        "all in view"
    );
}
