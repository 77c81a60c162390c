//! The 3-hour workshop from welcome to close, driven by keys through App::update
//! with a real session folder, then read back from disk.

mod common;

use common::{Driver, T0};
use crossterm::event::KeyCode::{BackTab, Char, Down, Enter, Esc, PageDown, Tab};
use flipover::app::{Action, App, Mode};
use flipover::session::Target;
use flipover::storage::SessionStore;

fn open_driver(root: &std::path::Path) -> Driver {
    let w = common::workshop("da");
    let now = jiff::Timestamp::from_millisecond(T0 as i64)
        .expect("time")
        .to_zoned_datetime(jiff::tz::TimeZone::UTC);
    let (store, session) = SessionStore::create(root, &w, now).expect("create");
    Driver::new(App::new(w, session, T0), Some(store))
}

fn write(d: &mut Driver, text: &str) {
    d.key(Char('a'));
    d.type_text(text);
    d.key(Enter);
}

#[test]
fn a_whole_workshop_is_recorded_and_read_back() {
    let root = tempfile::tempdir().expect("tempdir");
    let mut d = open_driver(root.path());
    // Welcome: start the clock, let 8 minutes pass, move on (the clock follows).
    d.key(Char(' '));
    d.now += 8 * 60_000;
    d.key(PageDown);
    assert_eq!(d.app.step().id, "inspiration");
    let welcome = d.app.session.steps["velkomst"].clock;
    assert!(!welcome.running());
    assert_eq!(welcome.used_ms(d.now), 8 * 60_000);
    assert!(d.app.session.steps["inspiration"].clock.running());

    // The model: open advice 3, close it.
    d.keys(&[Down, Down, Enter]);
    assert!(matches!(d.app.mode, Mode::Advice { index: 2, .. }));
    d.key(Esc);
    d.key(PageDown);

    // The board: both situations, then cards in all four quadrants.
    assert_eq!(d.app.step().id, "brainstorm");
    d.key(Enter);
    d.type_text("Borgerne ringer og bestiller tid");
    d.key(Enter);
    d.key(Tab);
    d.key(Enter);
    d.type_text("Borgerne booker selv på nettet");
    d.key(Enter);
    d.key(Tab);
    write(&mut d, "Vi kender borgerne – æøå");
    write(&mut d, "Tryghed");
    d.key(Tab);
    write(&mut d, "Åbent døgnet rundt");
    d.key(Tab);
    write(&mut d, "Lange køer om morgenen");
    d.key(Tab);
    write(&mut d, "Nogle falder fra");
    // Move "Nogle falder fra" back one quadrant and again forward.
    d.key(Char('M'));
    d.key(Char('m'));
    // Delete "Tryghed" and undo it.
    d.keys(&[BackTab, BackTab, BackTab, Down]);
    assert_eq!(
        d.app.selected_item().map(|i| i.text.as_str()),
        Some("Tryghed")
    );
    d.key(Char('d'));
    assert_eq!(d.app.items_in(d.app.focus()).len(), 1);
    d.key(Char('u'));
    assert_eq!(d.app.items_in(d.app.focus()).len(), 2);

    // Break, where it comes from, discussion, how we tell it, decisions, close.
    d.keys(&[PageDown, PageDown, PageDown]);
    assert_eq!(d.app.step().id, "droeftelse");
    write(&mut d, "Vi vil have en tovholder");
    write(&mut d, "Vi vil besøge Herlev");
    d.keys(&[PageDown, PageDown]);
    for (what, who, when) in [
        ("Find en tovholder", "Søren", "2026-12-01"),
        ("Aftal besøg", "Åse Ødegård", "uge 3"),
    ] {
        d.add_action(what, who, when);
    }
    d.key(PageDown);
    assert_eq!(d.app.step().id, "afslutning");

    let expected = d.app.session.clone();
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
    d.keys(&[PageDown, PageDown, Tab, Tab]);
    d.key(Char('a'));
    d.type_text("Må ikke gå tabt");
    // What the runtime sends when the disk is full.
    let effects = d
        .app
        .update(Action::Key(crossterm::event::KeyEvent::from(Enter)), d.now);
    assert_eq!(effects.len(), 1, "one commit is asked for");
    d.app.update(
        Action::CommitFailed("No space left on device".into()),
        d.now,
    );
    let Mode::Editing(ed) = &d.app.mode else {
        panic!("the form stays open");
    };
    assert_eq!(ed.value(0), "Må ikke gå tabt");
    assert!(ed.error.as_deref().is_some_and(|e| e.contains("No space")));
    let status = d.app.status.as_ref().expect("status");
    assert!(
        status.error && status.text.contains("ikke tabt"),
        "{}",
        status.text
    );
    assert!(
        d.app.session.steps["brainstorm"].items.is_empty(),
        "nothing shown as saved"
    );
}

#[test]
fn a_draft_is_saved_within_two_seconds_and_comes_back() {
    let mut d = Driver::new(common::app("da"), None);
    d.keys(&[PageDown, PageDown, Tab, Tab]);
    d.key(Char('a'));
    d.type_text("Halvt skr");
    let effects = d.app.update(Action::Tick, d.now + 1_000);
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
    let (app, _) = App::resume(w, d.app.session.clone(), Some(live.clone()), d.now);
    let Mode::Editing(ed) = &app.mode else {
        panic!("the draft reopens");
    };
    assert_eq!(ed.value(0), "Halvt skr");
}

#[test]
fn on_resume_the_facilitator_decides_whether_closed_time_counts() {
    let mut d = Driver::new(common::app("da"), None);
    d.key(Char(' '));
    let seen = flipover::session::Live {
        seen: T0 + 90_000,
        draft: None,
        view: Default::default(),
    };
    let w = common::workshop("da");
    let later = T0 + 3_600_000;
    let (app, effects) = App::resume(w.clone(), d.app.session.clone(), Some(seen.clone()), later);
    assert!(
        effects.is_empty(),
        "nothing is changed before the facilitator answers"
    );
    assert!(matches!(app.mode, Mode::ResumeClock { .. }));
    // "n": the hour flipover was closed does not count.
    let mut no = Driver::new(app, None);
    no.now = later;
    no.key(Char('n'));
    let clock = no.app.session.steps["velkomst"].clock;
    assert!(!clock.running());
    assert_eq!(clock.used_ms(later), 90_000);
    // "j": it counts, and the clock runs on.
    let (app, _) = App::resume(w, d.app.session.clone(), Some(seen), later);
    let mut yes = Driver::new(app, None);
    yes.now = later;
    yes.key(Char('j'));
    let clock = yes.app.session.steps["velkomst"].clock;
    assert!(clock.running());
    assert_eq!(clock.used_ms(later), 3_600_000);
}

#[test]
fn plus_and_minus_move_the_plan_by_a_minute() {
    let mut d = Driver::new(common::app("en"), None);
    d.keys(&[Char('+'), Char('+'), Char('-')]);
    assert_eq!(d.app.session.steps["velkomst"].clock.planned_s, 11 * 60);
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
    let now = jiff::Timestamp::from_millisecond(T0 as i64)
        .expect("time")
        .to_zoned_datetime(jiff::tz::TimeZone::UTC);
    let (store, session) = SessionStore::create(root.path(), &w, now).expect("create");
    let mut d = Driver::new(App::new(w, session, T0), Some(store));
    d.key(PageDown);
    d.keys(&[Char('4'), Down, Char('2'), Char('3')]);
    d.key(Char('u'));
    assert_eq!(
        d.app
            .session
            .value("ni-raad-tjek", "raad-2")
            .and_then(|v| v.number()),
        Some(2),
        "undo takes back the last score"
    );
    d.key(PageDown);
    d.keys(&[Char('2'), Tab, Char('5')]);
    d.keys(&[PageDown, PageDown, PageDown, Enter]);
    d.type_text("60");
    d.key(Enter);
    let expected = d.app.session.clone();
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
    assert_eq!(get("dilemmaer", "innovationsgrad"), Some(Value::Number(2)));
    assert_eq!(
        get("dilemmaer", "innovationsgrad/want"),
        Some(Value::Number(5))
    );
    let split = get("portefolje", "unit-0").expect("split");
    assert_eq!(split.numbers().iter().sum::<i64>(), 100);
    assert_eq!(split.numbers()[0], 60);
}

#[test]
fn an_advice_offers_its_instruments_and_the_added_step_survives_resume() {
    let root = tempfile::tempdir().expect("tempdir");
    let mut d = open_driver(root.path());
    let (lib, _) = flipover::content::Library::embedded();
    d.app.instruments = lib.instruments("da").cloned().collect::<Vec<_>>();
    d.key(PageDown);
    // Advice 2, "Vurder din organisation", offers the maturity scan.
    d.keys(&[Down, Enter]);
    let offered: Vec<&str> = d.app.offered(1).iter().map(|c| c.id()).collect();
    assert_eq!(offered, ["modenhedsscan"]);
    d.key(Char('1'));
    assert_eq!(d.app.step().id, "modenhedsscan-1");
    assert_eq!(d.app.step_index(), 2, "right after the inspiration talk");
    d.keys(&[Char('3'), Down, Char('4')]);
    let dir = d
        .store
        .as_ref()
        .map(|s| s.dir().to_path_buf())
        .expect("store");
    drop(d);
    let (_store, session, _) = SessionStore::open(&dir).expect("reopen");
    let w = common::workshop("da");
    let extended = flipover::app::extend(
        &w,
        &session.extras,
        &lib.instruments("da").cloned().collect::<Vec<_>>(),
    );
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
    d.keys(&[PageDown, PageDown, Tab, Tab]);
    d.key(Char('a'));
    d.type_text("Fortryd mig");
    d.key(Enter);
    assert_eq!(
        d.app.status.as_ref().map(|s| s.text.as_str()),
        Some("✓ Gemt")
    );
    d.key(Char('u'));
    assert_eq!(
        d.app.status.as_ref().map(|s| s.text.as_str()),
        Some("✓ Fortrudt")
    );
}

#[test]
fn the_status_says_deleted_after_a_delete() {
    let mut d = Driver::new(common::app("da"), None);
    d.keys(&[PageDown, PageDown, Tab, Tab]);
    d.key(Char('a'));
    d.type_text("Slet mig");
    d.key(Enter);
    d.key(Char('d'));
    assert_eq!(
        d.app.status.as_ref().map(|s| s.text.as_str()),
        Some("Slettet – u fortryder")
    );
}
