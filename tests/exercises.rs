//! Each exercise kind by its keys, as a facilitator types them: the cursor
//! stays where the facilitator put it, the footer offers only keys that act,
//! and what is typed lands where it was meant to. Each test here failed
//! before exercises owned their cursors.

mod common;

use common::{Driver, T0};
use crossterm::event::KeyCode::{Char, Enter, Esc, PageDown, Tab};
use flipover::app::{Action, App, Mode, Msg, Options};
use flipover::session::Value;
use flipover::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|f| ui::draw(f, app, &Theme::monochrome()))
        .expect("draw");
    terminal.backend().to_string()
}

fn check() -> Driver {
    Driver::new(common::app_of("topledelsens-tjek", "da"), None)
}

fn value(d: &Driver, key: &str) -> Option<Value> {
    d.app.session().value(&d.app.step().id, key).cloned()
}

#[test]
fn tab_on_the_dilemmas_switches_to_wanted_on_the_same_dilemma() {
    let mut d = check();
    d.go_to("dilemmaer");
    d.keys(&[Char('j'), Char('j'), Char('2'), Tab, Char('5')]);
    let third = value(&d, "udrulning").expect("the third dilemma");
    assert_eq!((third.get("now"), third.get("want")), (Some(2), Some(5)));
    assert_eq!(value(&d, "innovationsgrad"), None, "the first is untouched");
    // The screen says which is being set, at every width.
    for (w, h) in [(40, 12), (80, 24), (200, 50)] {
        assert!(
            screen(&d.app, w, h).contains("♦ Hvor vil vi være"),
            "{w}×{h}"
        );
    }
    d.key(Tab);
    assert!(screen(&d.app, 80, 24).contains("● Hvor står vi:"));
}

#[test]
fn the_dilemmas_offer_no_enter_and_typing_runs_no_commands() {
    let mut d = check();
    d.go_to("dilemmaer");
    let shown = screen(&d.app, 200, 50);
    let footer = shown.lines().nth(48).unwrap_or_default();
    assert!(!footer.contains("Enter"), "{footer}");
    d.key(Enter);
    assert!(matches!(d.app.mode(), Mode::Normal), "Enter opens nothing");
    // What a facilitator might type believing a form is open: `n` still moves
    // on (it is a step key), but `e` and `d` do nothing here.
    d.keys(&[Char('e'), Char('d')]);
    assert!(matches!(d.app.mode(), Mode::Normal));
    assert!(d.app.session().steps["dilemmaer"].values.is_empty());
}

#[test]
fn tab_on_a_scale_leaves_the_row_where_it_is() {
    let mut d = check();
    d.go_to("selvvurdering");
    d.keys(&[Char('j'), Char('j'), Tab, Char('4')]);
    let third = &d.app.workshop().steps[d.app.step_index()];
    let flipover::content::StepKind::Scale(scale) = &third.kind else {
        panic!("a scale");
    };
    let id = &scale.items[2].id;
    let v = value(&d, id).expect("the third item got the vote");
    assert_eq!(v.numbers().iter().sum::<i64>(), 1);
    assert_eq!(value(&d, &scale.items[0].id), None);
}

#[test]
fn texts_typed_with_tab_between_land_in_the_next_canvas_field() {
    let mut d = Driver::new(common::app_of("syv-spoergsmaal", "da"), None);
    d.go_to("fortaelling");
    for text in ["Motivation", "Forståelse", "Handling"] {
        d.key(Enter);
        d.type_text(text);
        d.key(Enter);
        d.key(Tab);
    }
    assert_eq!(value(&d, "hoved"), Some(Value::Text("Motivation".into())));
    assert_eq!(value(&d, "krop"), Some(Value::Text("Forståelse".into())));
    assert_eq!(value(&d, "hale"), Some(Value::Text("Handling".into())));
}

/// The board of the 3-hour workshop with two cards grouped in "Fordele nu".
fn grouped_board() -> Driver {
    let mut d = Driver::new(common::app("da"), None);
    d.go_to("brainstorm");
    d.keys(&[Tab, Tab]);
    d.answer("Vi kender borgerne");
    d.answer("Tryghed");
    d.keys(&[Char('k'), Char('c'), Char('j'), Char('c')]);
    d
}

#[test]
fn a_moved_card_leaves_its_group_behind_and_no_mark() {
    let mut d = grouped_board();
    let groups = |d: &Driver| -> Vec<u64> {
        d.app.session().steps["brainstorm"]
            .items
            .iter()
            .map(|i| i.group)
            .collect()
    };
    assert!(groups(&d).iter().all(|g| *g != 0), "grouped first");
    d.key(Char('m'));
    assert_eq!(groups(&d), [0, 0], "a group of one is no group");
    let shown = screen(&d.app, 80, 24);
    assert!(!shown.contains('■') && !shown.contains('└'), "{shown}");
}

#[test]
fn a_picked_card_is_put_down_when_the_room_moves_on() {
    let mut d = grouped_board();
    d.key(Char('c'));
    assert!(screen(&d.app, 80, 24).contains('»'));
    d.keys(&[PageDown, Char('p')]);
    assert_eq!(d.app.step().id, "brainstorm");
    assert!(
        !screen(&d.app, 80, 24).contains('»'),
        "nothing picked any more"
    );
}

#[test]
fn the_status_clears_itself() {
    let mut d = grouped_board();
    d.answer("Nyt kort");
    assert_eq!(d.app.status().map(|s| s.0), Some("√ Gemt".to_string()));
    d.now += 10_000;
    d.msg(Msg::Tick);
    assert_eq!(d.app.status(), None);
}

#[test]
fn a_rehearsal_never_says_saved() {
    let w = common::workshop("da");
    let s = common::session(&w);
    let options = Options {
        rehearsal: true,
        ..Options::default()
    };
    let mut d = Driver::new(App::new(w, s, T0, options), None);
    d.go_to("droeftelse");
    d.answer("Et punkt");
    let (text, _) = d.app.status().expect("status");
    assert!(!text.contains("Gemt"), "{text}");
}

#[test]
fn esc_cancels_the_form_and_keeps_nothing() {
    let mut d = Driver::new(common::app("da"), None);
    d.go_to("droeftelse");
    d.key(Char('a'));
    d.type_text("Glem mig");
    d.key(Esc);
    assert!(matches!(d.app.mode(), Mode::Normal));
    assert!(d.app.session().steps["droeftelse"].items.is_empty());
    d.act(Action::Undo);
    assert_eq!(
        d.app.status().map(|s| s.0),
        Some("Intet at fortryde".to_string())
    );
}

/// A session written by the version before answers were keyed by id (dilemmas
/// as `id` + `id/want`, the portfolio as `unit-0 = [..]`) resumes with every
/// answer in place.
#[test]
fn a_session_of_the_earlier_format_resumes_with_every_answer() {
    let fixture = std::path::Path::new("tests/fixtures/sessions/v1-topledelsens-tjek");
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("v1");
    std::fs::create_dir(&dir).expect("dir");
    for f in ["answers.toml", "journal.toml", "live.toml"] {
        std::fs::copy(fixture.join(f), dir.join(f)).expect("copy");
    }
    let (store, session, live) = flipover::storage::SessionStore::open(&dir).expect("open");
    let (lib, _) = flipover::content::Library::embedded();
    let w = std::sync::Arc::new(
        lib.workshop("topledelsens-tjek", Some("da"))
            .expect("shipped")
            .clone(),
    );
    let (app, _) = App::resume(w, session, live, T0, Options::default());
    let get = |step: &str, key: &str| app.session().value(step, key).cloned();
    assert_eq!(get("selvvurdering", "businesscase"), Some(Value::Number(4)));
    assert_eq!(
        get("selvvurdering", "organisationen-klar/note"),
        Some(Value::Text("Vi mangler en fælles plan – æøå".into()))
    );
    let first = get("dilemmaer", "innovationsgrad").expect("first dilemma");
    assert_eq!((first.get("now"), first.get("want")), (Some(2), Some(5)));
    let third = get("dilemmaer", "udrulning").expect("third dilemma");
    assert_eq!((third.get("now"), third.get("want")), (Some(4), None));
    assert_eq!(
        get("dilemmaer", "innovationsgrad/want"),
        None,
        "old key gone"
    );
    let a = get("portefolje", "a").expect("unit A");
    assert_eq!(a.get("effektiviser"), Some(60));
    assert_eq!(a.table().values().sum::<i64>(), 100);
    let b = get("portefolje", "b").expect("unit B");
    assert_eq!(b.get("moderniser"), Some(30));
    assert_eq!(get("portefolje", "unit-0"), None, "old key gone");
    let actions: Vec<&str> = app.session().steps["beslutninger"]
        .items
        .iter()
        .map(|i| i.who.as_str())
        .collect();
    assert_eq!(actions, ["Søren Ærø", "Åse"]);
    drop(store);
}

/// An advice offers the instruments made for its own model: the seven
/// questions (a model too) offer none of the nine advice's.
#[test]
fn an_advice_offers_only_its_own_models_instruments() {
    let (lib, _) = flipover::content::Library::embedded();
    let options = || Options {
        instruments: lib.instruments("da").cloned().collect(),
        ..Options::default()
    };
    let seven = common::workshop_of("syv-spoergsmaal", "da");
    let app = App::new(seven.clone(), common::session(&seven), T0, options());
    for n in 1..=9 {
        assert!(app.offered("syv-spoergsmaal", n).is_empty(), "question {n}");
    }
    let three = common::workshop("da");
    let app = App::new(three.clone(), common::session(&three), T0, options());
    let first: Vec<&str> = app.offered("ni-raad", 1).iter().map(|c| c.id()).collect();
    assert!(first.contains(&"dobbelt-diamant"), "{first:?}");
}
