//! The workshops from welcome to close, driven by actions through App::update
//! (as the key table would send them, so a remapped key does not break them)
//! with a real session folder, then read back from disk.

mod common;

use common::{Driver, T0};
use flipover::app::{Action, App, Mode, Msg, Options};
use flipover::session::Target;
use flipover::storage::SessionStore;

use Action::{
    DeleteAnswer, Down, MoveCard, NewAnswer, NextArea, NextStep, Open, PrevArea, Save, SetValue,
    ToggleClock, ToggleWant, Undo,
};

fn open_driver(root: &std::path::Path) -> Driver {
    let w = common::workshop("da");
    let (store, session) = SessionStore::create(root, &w, at_t0()).expect("create");
    Driver::new(App::new(w, session, T0, Options::default()), Some(store))
}

fn at_t0() -> jiff::ZonedDateTime {
    jiff::Timestamp::from_millisecond(T0 as i64)
        .expect("time")
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
}

fn write(d: &mut Driver, text: &str) {
    d.answer(text);
}

#[test]
fn a_whole_workshop_is_recorded_and_read_back() {
    let root = tempfile::tempdir().expect("tempdir");
    let mut d = open_driver(root.path());
    // Welcome: start the clock, let 8 minutes pass, move on (the clock follows).
    d.act(ToggleClock);
    d.now += 8 * 60_000;
    d.act(NextStep);
    assert_eq!(d.app.step().id, "inspiration");
    let welcome = d.app.session().steps["velkomst"].clock;
    assert!(!welcome.running());
    assert_eq!(welcome.used_ms(d.now), 8 * 60_000);
    assert!(d.app.session().steps["inspiration"].clock.running());

    // The model: open advice 3, close it.
    d.acts(&[Down, Down, Open]);
    assert_eq!(d.app.exercise().opened(), Some(2));
    d.act(Action::Close);
    assert_eq!(d.app.exercise().opened(), None);
    d.act(NextStep);

    // The board: both situations, then cards in all four quadrants.
    assert_eq!(d.app.step().id, "brainstorm");
    write(&mut d, "Borgerne ringer og bestiller tid");
    d.act(NextArea);
    write(&mut d, "Borgerne booker selv på nettet");
    d.act(NextArea);
    write(&mut d, "Vi kender borgerne – æøå");
    write(&mut d, "Tryghed");
    d.act(NextArea);
    write(&mut d, "Åbent døgnet rundt");
    d.act(NextArea);
    write(&mut d, "Lange køer om morgenen");
    d.act(NextArea);
    write(&mut d, "Nogle falder fra");
    // Move "Nogle falder fra" back one quadrant and again forward.
    d.act(MoveCard(false));
    assert_eq!(
        d.cards("nu-ulemper"),
        ["Lange køer om morgenen", "Nogle falder fra"]
    );
    d.act(MoveCard(true));
    // Delete "Tryghed" (the card selected last in its quadrant) and undo it.
    d.acts(&[PrevArea, PrevArea, PrevArea]);
    d.act(DeleteAnswer);
    assert_eq!(d.cards("nu-fordele"), ["Vi kender borgerne – æøå"]);
    d.act(Undo);
    assert_eq!(
        d.cards("nu-fordele"),
        ["Vi kender borgerne – æøå", "Tryghed"]
    );

    // Break, where it comes from, discussion, how we tell it, decisions, close.
    d.acts(&[NextStep, NextStep, NextStep]);
    assert_eq!(d.app.step().id, "droeftelse");
    write(&mut d, "Vi vil have en tovholder");
    write(&mut d, "Vi vil besøge Herlev");
    d.acts(&[NextStep, NextStep]);
    for (what, who, when) in [
        ("Find en tovholder", "Søren", "2026-12-01"),
        ("Aftal besøg", "Åse Ødegård", "uge 3"),
    ] {
        d.add_action(what, who, when);
    }
    d.act(NextStep);
    assert_eq!(d.app.step().id, "afslutning");

    let expected = d.app.session().clone();
    let dir = d
        .store
        .as_ref()
        .map(|s| s.dir().to_path_buf())
        .expect("store");
    drop(d);
    let (_store, session, _) = SessionStore::open(&dir).expect("reopen");
    assert_eq!(session, expected);
    let board = &session.steps["brainstorm"];
    assert_eq!(board.situations["nu"], "Borgerne ringer og bestiller tid");
    let cards: Vec<(&str, &str)> = board
        .items
        .iter()
        .map(|i| (i.area.as_str(), i.text.as_str()))
        .collect();
    assert_eq!(
        cards,
        [
            ("nu-fordele", "Vi kender borgerne – æøå"),
            ("nu-fordele", "Tryghed"),
            ("fremtid-fordele", "Åbent døgnet rundt"),
            ("nu-ulemper", "Lange køer om morgenen"),
            ("fremtid-ulemper", "Nogle falder fra"),
        ]
    );
    let actions: Vec<(&str, &str, &str)> = session.steps["beslutninger"]
        .items
        .iter()
        .map(|i| (i.text.as_str(), i.who.as_str(), i.when.as_str()))
        .collect();
    assert_eq!(
        actions,
        [
            ("Find en tovholder", "Søren", "2026-12-01"),
            ("Aftal besøg", "Åse Ødegård", "uge 3")
        ]
    );
    assert_eq!(session.step, "afslutning");
}

#[test]
fn a_failed_write_keeps_the_text_and_says_so() {
    let mut d = Driver::new(common::app("da"), None);
    d.acts(&[NextStep, NextStep, NextArea, NextArea, NewAnswer]);
    d.write("Må ikke gå tabt");
    // What the runtime sends when the disk is full.
    let effects = d.app.update(Save.into(), d.now);
    assert_eq!(effects.len(), 1, "one commit is asked for");
    assert!(
        matches!(d.app.mode(), Mode::Saving(_)),
        "the form waits for the disk"
    );
    d.app
        .update(Msg::CommitFailed("No space left on device".into()), d.now);
    let Mode::Editing(ed) = d.app.mode() else {
        panic!("the form stays open");
    };
    assert_eq!(ed.value(0), "Må ikke gå tabt");
    assert!(ed.error.as_deref().is_some_and(|e| e.contains("No space")));
    let (text, error) = d.app.status().expect("status");
    assert!(error && text.contains("ikke tabt"), "{text}");
    assert!(
        d.app.session().steps["brainstorm"].items.is_empty(),
        "nothing shown as saved"
    );
}

#[test]
fn a_draft_is_saved_within_two_seconds_and_comes_back() {
    let mut d = Driver::new(common::app("da"), None);
    d.acts(&[NextStep, NextStep, NextArea, NextArea, NewAnswer]);
    d.write("Halvt skr");
    let effects = d.app.update(Msg::Tick, d.now + 1_000);
    let Some(flipover::app::Effect::SaveLive(live)) = effects.first() else {
        panic!("the draft is saved after a second: {effects:?}");
    };
    let draft = live.draft.clone().expect("draft");
    assert_eq!(draft.fields, ["Halvt skr"]);
    assert_eq!(
        draft.target,
        Target::New {
            area: "nu-fordele".into()
        }
    );
    // Resumed with that draft, the form reopens with the text.
    let w = common::workshop("da");
    let (app, _) = App::resume(
        w,
        d.app.session().clone(),
        Some(live.clone()),
        d.now,
        Options::default(),
    );
    let Mode::Editing(ed) = app.mode() else {
        panic!("the draft reopens");
    };
    assert_eq!(ed.value(0), "Halvt skr");
}

#[test]
fn on_resume_the_facilitator_decides_whether_closed_time_counts() {
    let mut d = Driver::new(common::app("da"), None);
    d.act(ToggleClock);
    let seen = flipover::session::Live {
        seen: T0 + 90_000,
        draft: None,
        view: Default::default(),
    };
    let w = common::workshop("da");
    let later = T0 + 3_600_000;
    let resume = |seen: &flipover::session::Live| {
        App::resume(
            w.clone(),
            d.app.session().clone(),
            Some(seen.clone()),
            later,
            Options::default(),
        )
    };
    let (app, effects) = resume(&seen);
    assert!(
        effects.is_empty(),
        "nothing is changed before the facilitator answers"
    );
    assert!(matches!(app.mode(), Mode::ResumeClock { .. }));
    // No: the hour flipover was closed does not count.
    let mut no = Driver::new(app, None);
    no.now = later;
    no.act(Action::No);
    let clock = no.app.session().steps["velkomst"].clock;
    assert!(!clock.running());
    assert_eq!(clock.used_ms(later), 90_000);
    // Yes: it counts, and the clock runs on.
    let (app, _) = resume(&seen);
    let mut yes = Driver::new(app, None);
    yes.now = later;
    yes.act(Action::Yes);
    let clock = yes.app.session().steps["velkomst"].clock;
    assert!(clock.running());
    assert_eq!(clock.used_ms(later), 3_600_000);
}

#[test]
fn plus_and_minus_move_the_plan_by_a_minute() {
    let mut d = Driver::new(common::app("en"), None);
    d.acts(&[
        Action::AdjustClock(1),
        Action::AdjustClock(1),
        Action::AdjustClock(-1),
    ]);
    assert_eq!(d.app.session().steps["velkomst"].clock.planned_s, 11 * 60);
}

#[test]
fn instrument_answers_survive_a_crash_and_undo() {
    let root = tempfile::tempdir().expect("tempdir");
    let w = {
        let (lib, _) = flipover::content::Library::embedded();
        std::sync::Arc::new(
            lib.workshop("topledelsens-tjek", Some("da"))
                .expect("shipped")
                .clone(),
        )
    };
    let (store, session) = SessionStore::create(root.path(), &w, at_t0()).expect("create");
    let mut d = Driver::new(App::new(w, session, T0, Options::default()), Some(store));
    d.act(NextStep);
    d.acts(&[SetValue(4), Down, SetValue(2), SetValue(3)]);
    d.act(Undo);
    assert_eq!(
        d.app
            .session()
            .value("ni-raad-tjek", "raad-2")
            .and_then(|v| v.number()),
        Some(2),
        "undo takes back the last score"
    );
    d.act(NextStep);
    d.acts(&[SetValue(2), ToggleWant, SetValue(5)]);
    d.acts(&[NextStep, NextStep, NextStep, Open]);
    d.write("60");
    d.act(Save);
    let expected = d.app.session().clone();
    let dir = d
        .store
        .as_ref()
        .map(|s| s.dir().to_path_buf())
        .expect("store");
    drop(d);
    let (_store, session, _) = SessionStore::open(&dir).expect("reopen");
    assert_eq!(session, expected);
    let get = |step: &str, key: &str| session.value(step, key).cloned();
    use flipover::session::Value;
    assert_eq!(get("ni-raad-tjek", "raad-1"), Some(Value::Number(4)));
    let dilemma = get("dilemmaer", "innovationsgrad").expect("dilemma");
    assert_eq!(
        (dilemma.get("now"), dilemma.get("want")),
        (Some(2), Some(5))
    );
    let split = get("portefolje", "a").expect("split");
    assert_eq!(
        split.table(),
        [("effektiviser".to_string(), 60)].into(),
        "only what was typed, as typed"
    );
}

#[test]
fn an_advice_offers_its_instruments_and_the_added_step_survives_resume() {
    let root = tempfile::tempdir().expect("tempdir");
    let (lib, _) = flipover::content::Library::embedded();
    let instruments = lib.instruments("da").cloned().collect::<Vec<_>>();
    let w = common::workshop("da");
    let (store, session) = SessionStore::create(root.path(), &w, at_t0()).expect("create");
    let options = Options {
        instruments: instruments.clone(),
        ..Options::default()
    };
    let mut d = Driver::new(App::new(w, session, T0, options), Some(store));
    d.act(NextStep);
    // Advice 2, "Vurder din organisation", offers the maturity scan.
    d.acts(&[Down, Open]);
    let offered: Vec<&str> = d.app.offered("ni-raad", 2).iter().map(|c| c.id()).collect();
    assert_eq!(offered, ["modenhedsscan"]);
    d.act(Action::RunInstrument(4));
    assert_eq!(
        d.app.status().map(|(said, _)| said),
        Some("Dette råd har ét redskab: tryk 1".to_string()),
        "a digit with no instrument behind it says what there is"
    );
    assert_eq!(d.app.step().id, "inspiration");
    d.act(Action::RunInstrument(1));
    assert_eq!(d.app.step().id, "modenhedsscan-1");
    assert_eq!(d.app.step_index(), 2, "right after the inspiration talk");
    d.acts(&[SetValue(3), Down, SetValue(4)]);
    let dir = d
        .store
        .as_ref()
        .map(|s| s.dir().to_path_buf())
        .expect("store");
    drop(d);
    let (_store, session, _) = SessionStore::open(&dir).expect("reopen");
    let w = common::workshop("da");
    let extended = flipover::app::extend(&w, &session.extras, &instruments);
    assert_eq!(extended.steps[2].id, "modenhedsscan-1");
    assert_eq!(extended.steps.len(), 10);
    assert_eq!(session.step, "modenhedsscan-1");
    assert_eq!(
        session
            .value("modenhedsscan-1", "businesscase")
            .and_then(|v| v.number()),
        Some(4)
    );
}

#[test]
fn the_status_says_undone_after_an_undo() {
    let mut d = Driver::new(common::app("da"), None);
    d.acts(&[NextStep, NextStep, NextArea, NextArea]);
    d.answer("Fortryd mig");
    assert_eq!(d.app.status(), Some(("√ Gemt".to_string(), false)));
    d.act(Undo);
    assert_eq!(d.app.status(), Some(("√ Fortrudt".to_string(), false)));
}

#[test]
fn the_status_says_deleted_after_a_delete() {
    let mut d = Driver::new(common::app("da"), None);
    d.acts(&[NextStep, NextStep, NextArea, NextArea]);
    d.answer("Slet mig");
    d.act(DeleteAnswer);
    assert_eq!(
        d.app.status(),
        Some(("Slettet – u fortryder".to_string(), false))
    );
}

/// A case is gone through point by point with notes: no marks to place, and
/// the report shows its points and notes only.
#[test]
fn a_case_takes_notes_and_no_marks() {
    let (lib, _) = flipover::content::Library::embedded();
    let instruments = lib.instruments("da").cloned().collect::<Vec<_>>();
    let w = common::workshop("da");
    let options = Options {
        instruments,
        ..Options::default()
    };
    let mut d = Driver::new(
        App::new(w, common::session(&common::workshop("da")), T0, options),
        None,
    );
    d.act(NextStep);
    d.act(Open);
    let offered: Vec<String> = d
        .app
        .offered("ni-raad", 1)
        .iter()
        .map(|c| c.id().to_string())
        .collect();
    let case = offered
        .iter()
        .position(|id| id == "case-laegeklinik-mors")
        .expect("advice 1 offers the Mors case");
    d.act(Action::RunInstrument(case as u8 + 1));
    assert!(d.app.step().id.starts_with("case-laegeklinik-mors"));
    assert!(
        !flipover::keymap::hints(&d.app.keys()).any(|b| matches!(b.action, Action::Vote(_))),
        "no marks offered"
    );
    d.act(Action::Vote(true));
    let state = d.app.session().state(&d.app.step().id).expect("state");
    assert!(state.values.is_empty(), "{:?}", state.values);
    let steps = flipover::exercise::session_answers(d.app.workshop(), d.app.session(), T0);
    let case = steps
        .iter()
        .find(|s| s.id.starts_with("case-laegeklinik-mors"))
        .expect("the case in the report");
    assert!(matches!(
        case.blocks.as_slice(),
        [flipover::exercise::Block::Stages { stages }] if stages.iter().all(|s| s.marks.is_none())
    ));
}

/// `d` on a described situation clears it, as the footer says; `u` brings it back.
#[test]
fn d_clears_a_situation_and_u_brings_it_back() {
    let root = tempfile::tempdir().expect("tempdir");
    let mut d = open_driver(root.path());
    d.go_to("brainstorm");
    write(&mut d, "Borgerne ringer og bestiller tid");
    let described = |d: &Driver| {
        d.app.session().steps["brainstorm"]
            .situations
            .get("nu")
            .cloned()
    };
    assert_eq!(
        described(&d).as_deref(),
        Some("Borgerne ringer og bestiller tid")
    );
    d.act(Action::DeleteAnswer);
    assert_eq!(described(&d).as_deref().unwrap_or(""), "");
    assert_eq!(
        d.app.status().map(|(s, _)| s),
        Some("Slettet – u fortryder".to_string())
    );
    d.act(Action::Undo);
    assert_eq!(
        described(&d).as_deref(),
        Some("Borgerne ringer og bestiller tid")
    );
}
