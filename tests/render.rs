//! Whole-screen snapshots of every screen on ratatui's TestBackend, at 80×24,
//! 120×40 and a projector's 200×50, with a fixed clock.

mod common;

use common::{Driver, T0};
use crossterm::event::KeyCode::{BackTab, Char, Down, Enter, Esc, PageDown, Tab, Up};
use flipover::app::App;
use flipover::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 50)];

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|f| ui::draw(f, app, &Theme::monochrome()))
        .expect("draw");
    terminal.backend().to_string()
}

fn snap(name: &str, app: &App) {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(app, w, h));
    }
}

/// The board with the situations written and a few cards in each quadrant.
fn board() -> Driver {
    let mut d = Driver::new(common::app("da"), None);
    d.keys(&[PageDown, PageDown, Enter]);
    d.type_text("Borgerne ringer og bestiller tid hos os");
    d.keys(&[Enter, Tab, Enter]);
    d.type_text("Borgerne booker selv tid på nettet");
    d.keys(&[Enter, Tab]);
    for (cards, next) in [
        (
            &[
                "Vi kender borgerne",
                "Tryghed for de ældre – også dem uden NemID",
            ][..],
            true,
        ),
        (
            &["Åbent døgnet rundt", "Færre opkald om morgenen"][..],
            true,
        ),
        (
            &["Lange køer", "Mange opkald, der handler om det samme"][..],
            true,
        ),
        (
            &[
                "Nogle borgere falder fra",
                "Vi mister den personlige kontakt",
            ][..],
            false,
        ),
    ] {
        for c in cards {
            d.key(Char('a'));
            d.type_text(c);
            d.key(Enter);
        }
        if next {
            d.key(Tab);
        }
    }
    d
}

#[test]
fn welcome_with_a_running_clock() {
    let mut d = Driver::new(common::app("da"), None);
    d.key(Char(' '));
    d.now = T0 + 3 * 60_000 + 25_000;
    d.msg(flipover::app::Msg::Tick);
    snap("welcome", &d.app);
}

/// The clock's four states on the discussion step (35 min, flexible steps after
/// it), the room having started on plan 100 minutes earlier.
#[test]
fn clock_on_time_low_over_and_paused() {
    let w = common::workshop("da");
    let mut s = common::session(&w);
    s.started = Some(T0 - 100 * 60_000);
    s.step = w.steps[5].id.clone();
    let mut d = Driver::new(App::new(w, s, T0, Default::default()), None);
    d.key(Char(' '));
    let at = |d: &mut Driver, ms: u64| {
        d.now = T0 + ms;
        d.msg(flipover::app::Msg::Tick);
    };
    at(&mut d, 10 * 60_000);
    insta::assert_snapshot!("clock_on_time_80x24", screen(&d.app, 80, 24));
    at(&mut d, 29 * 60_000);
    insta::assert_snapshot!("clock_low_80x24", screen(&d.app, 80, 24));
    at(&mut d, 41 * 60_000 + 5_000);
    insta::assert_snapshot!("clock_over_with_offer_80x24", screen(&d.app, 80, 24));
    insta::assert_snapshot!("clock_over_with_offer_120x40", screen(&d.app, 120, 40));
    d.key(Char('r'));
    insta::assert_snapshot!("clock_over_plan_taken_80x24", screen(&d.app, 80, 24));
    d.key(Char(' '));
    at(&mut d, 50 * 60_000);
    insta::assert_snapshot!("clock_paused_80x24", screen(&d.app, 80, 24));
}

#[test]
fn the_nine_advice_model_and_an_opened_advice() {
    let mut d = Driver::new(common::app("da"), None);
    d.keys(&[PageDown, Down, Down, Down]);
    snap("model", &d.app);
    d.key(Enter);
    snap("advice", &d.app);
}

#[test]
fn the_now_and_future_board() {
    let d = board();
    snap("board", &d.app);
}

#[test]
fn dot_votes_and_the_most_voted_first() {
    let mut d = board();
    // Votes called out for the second card of "Ulemper i fremtiden", then sorted.
    d.keys(&[
        Char('j'),
        Char('v'),
        Char('v'),
        Char('v'),
        Char('k'),
        Char('v'),
        Char('s'),
    ]);
    let shown = screen(&d.app, 80, 24);
    let first = shown.find("Vi mister den personlige kontakt  ●3");
    let second = shown.find("Nogle borgere falder fra  ●1");
    assert!(first.is_some() && second.is_some(), "{shown}");
    assert!(first < second, "most votes first: {shown}");
    insta::assert_snapshot!("board_votes_80x24", screen(&d.app, 80, 24));
    insta::assert_snapshot!("board_votes_200x50", screen(&d.app, 200, 50));
    // V takes a vote away; u undoes that, and then the vote before it.
    d.keys(&[Char('V'), Char('u'), Char('u')]);
    let votes: Vec<u32> = d.app.session().steps["brainstorm"]
        .items
        .iter()
        .filter(|i| i.area == "fremtid-ulemper")
        .map(|i| i.votes)
        .collect();
    assert_eq!(votes, [0, 3]);
}

#[test]
fn typing_a_card_on_the_board() {
    let mut d = board();
    d.key(Char('a'));
    d.type_text("Vi skal lære ");
    snap("board_typing", &d.app);
}

#[test]
fn break_discussion_and_decisions() {
    let mut d = Driver::new(common::app("da"), None);
    d.keys(&[PageDown, PageDown, PageDown]);
    snap("break", &d.app);
    d.keys(&[PageDown, PageDown]);
    for p in [
        "Vi vil have en tovholder for det digitale",
        "Vi vil besøge en kommune, der har gjort det",
    ] {
        d.key(Char('a'));
        d.type_text(p);
        d.key(Enter);
    }
    snap("discussion", &d.app);
    d.keys(&[PageDown, PageDown]);
    for (what, who, when) in [
        ("Find en tovholder", "Søren", "2026-12-01"),
        (
            "Aftal et besøg i Herlev Kommune og tag to medarbejdere med",
            "Åse Ødegård",
            "uge 3",
        ),
    ] {
        d.add_action(what, who, when);
    }
    snap("decisions", &d.app);
    d.key(Char('a'));
    d.type_text("Ny");
    d.key(Tab);
    snap("decisions_form", &d.app);
}

#[test]
fn help_agenda_and_notes() {
    let mut d = board();
    d.key(Char('?'));
    snap("help", &d.app);
    d.key(Esc);
    d.key(Char('g'));
    snap("agenda", &d.app);
    d.key(Char('g'));
    d.key(Char('i'));
    insta::assert_snapshot!("notes_80x24", screen(&d.app, 80, 24));
}

#[test]
fn english_screens() {
    let mut d = Driver::new(common::app("en"), None);
    d.keys(&[PageDown]);
    insta::assert_snapshot!("model_en_120x40", screen(&d.app, 120, 40));
}

#[test]
fn projector_mode_hides_the_chrome() {
    let mut d = board();
    d.key(Char('f'));
    insta::assert_snapshot!("board_projector_200x50", screen(&d.app, 200, 50));
}

#[test]
fn every_screen_lays_out_from_80x24_to_300x90() {
    let mut d = board();
    d.key(Char('f'));
    insta::assert_snapshot!("board_projector_300x90", screen(&d.app, 300, 90));
    d.key(Char('f'));
    for step in 0..9 {
        for (w, h) in [(80, 24), (100, 30), (160, 45), (250, 70), (300, 90)] {
            screen(&d.app, w, h);
            d.key(Char('f'));
            screen(&d.app, w, h);
            d.key(Char('f'));
        }
        if step < 8 {
            d.key(PageDown);
        }
    }
}

#[test]
fn clicker_keys_work_over_help() {
    let mut d = Driver::new(common::app("da"), None);
    d.key(Char('?'));
    d.key(PageDown);
    assert_eq!(d.app.step().id, "inspiration");
    d.key(Char('?'));
    d.key(Char('.'));
    assert!(d.app.blank());
}

#[test]
fn tiny_terminals_get_a_note_and_never_a_panic() {
    let d = board();
    for w in 0..50 {
        for h in 0..16 {
            // Drawn only: TestBackend cannot print a zero-width buffer.
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            terminal
                .draw(|f| ui::draw(f, &d.app, &Theme::monochrome()))
                .expect("draw");
        }
    }
    insta::assert_snapshot!("too_small_30x10", screen(&d.app, 30, 10));
}

/// The leadership check's instruments with answers in them.
fn leadership_check() -> Driver {
    let mut d = Driver::new(common::app_of("topledelsens-tjek", "da"), None);
    d.key(PageDown);
    for score in ['4', '3', '2', '5', '3'] {
        d.key(Char(score));
        d.key(Down);
    }
    d.key(Char('e'));
    d.type_text("Uenige: to sagde 2, tre sagde 4");
    d.key(Enter);
    d
}

#[test]
fn the_scale_with_scores_mean_and_spread() {
    let d = leadership_check();
    for (w, h) in [(80, 24), (200, 50)] {
        insta::assert_snapshot!(format!("scale_{w}x{h}"), screen(&d.app, w, h));
    }
}

#[test]
fn the_dilemmas_now_and_wanted() {
    let mut d = leadership_check();
    d.key(PageDown);
    for pos in ['2', '4', '1'] {
        d.key(Char(pos));
        d.key(Down);
    }
    d.key(Tab);
    d.keys(&[Char('k'), Char('k'), Char('k'), Char('4'), Down, Char('3')]);
    for (w, h) in [(80, 24), (200, 50)] {
        insta::assert_snapshot!(format!("slider_{w}x{h}"), screen(&d.app, w, h));
    }
}

#[test]
fn the_portfolio_split_per_unit() {
    let mut d = leadership_check();
    d.keys(&[PageDown, PageDown, PageDown, PageDown]);
    d.key(Enter);
    d.type_text("50");
    d.key(Enter);
    d.key(Down);
    d.key(Enter);
    d.type_text("36 %");
    d.key(Enter);
    d.keys(&[Tab, Up]);
    d.key(Enter);
    d.type_text("20");
    d.key(Enter);
    for (w, h) in [(80, 24), (200, 50)] {
        insta::assert_snapshot!(format!("split_{w}x{h}"), screen(&d.app, w, h));
    }
}

#[test]
fn the_seven_questions_votes_story_fish_and_change_curve() {
    let mut d = Driver::new(common::app_of("syv-spoergsmaal", "da"), None);
    d.keys(&[PageDown, PageDown]);
    for vote in ['3', '4', '4', '2', '5', '4'] {
        d.key(Char(vote));
    }
    d.key(Down);
    d.keys(&[Char('2'), Char('2'), Char('3')]);
    for (w, h) in [(80, 24), (200, 50)] {
        insta::assert_snapshot!(format!("scale_votes_{w}x{h}"), screen(&d.app, w, h));
    }
    d.keys(&[PageDown, PageDown, PageDown]);
    d.key(Enter);
    d.type_text("Vi gør det for borgerne, der venter for længe på svar");
    d.key(Enter);
    d.key(Down);
    d.key(Enter);
    d.type_text("Sagsbehandlerne får et værktøj, der finder sagerne");
    d.key(Enter);
    for (w, h) in [(80, 24), (200, 50)] {
        insta::assert_snapshot!(format!("canvas_{w}x{h}"), screen(&d.app, w, h));
    }
    d.key(PageDown);
    d.keys(&[Char('v'), Char('v'), Down, Down, Down, Char('v')]);
    d.key(Enter);
    d.type_text("Sygeplejerskerne på nattevagt");
    d.key(Enter);
    for (w, h) in [(80, 24), (200, 50)] {
        insta::assert_snapshot!(format!("stages_{w}x{h}"), screen(&d.app, w, h));
    }
}

#[test]
fn an_opened_advice_lists_its_instruments() {
    let (lib, _) = flipover::content::Library::embedded();
    let w = common::workshop("da");
    let s = common::session(&w);
    let options = flipover::app::Options {
        instruments: lib.instruments("da").cloned().collect(),
        ..Default::default()
    };
    let mut d = Driver::new(App::new(w, s, T0, options), None);
    d.keys(&[PageDown, Down, Down, Down, Down, Enter]);
    insta::assert_snapshot!("advice_instruments_120x40", screen(&d.app, 120, 40));
}

#[test]
fn cards_are_grouped_and_groups_merged_by_keyboard() {
    let mut d = board();
    // In "Fordele nu": put "Tryghed…" under "Vi kender borgerne".
    d.keys(&[BackTab, BackTab, BackTab, Down, Char('c'), Up, Char('c')]);
    let texts = |d: &Driver| -> Vec<(String, u64)> {
        d.app.session().steps["brainstorm"]
            .items
            .iter()
            .filter(|i| i.area == "nu-fordele")
            .map(|i| (i.text.clone(), i.group))
            .collect()
    };
    let grouped = texts(&d);
    assert_eq!(grouped[0].1, grouped[1].1, "one group: {grouped:?}");
    assert_ne!(grouped[0].1, 0);
    // Bring "Åbent døgnet rundt" over from the next quadrant into the group;
    // while it is picked up, the board marks it.
    d.keys(&[Tab, Up, Char('c')]);
    assert!(screen(&d.app, 80, 24).contains("» Åbent døgnet rundt"));
    d.keys(&[BackTab, Char('c')]);
    assert_eq!(
        texts(&d).len(),
        3,
        "the card moved into this quadrant's group"
    );
    insta::assert_snapshot!("board_groups_80x24", screen(&d.app, 80, 24));
    // One undo takes the whole move back.
    d.key(Char('u'));
    assert_eq!(texts(&d).len(), 2);
    // C takes a card out again (back in "Fordele nu", on its second card);
    // a group of one is no group.
    d.keys(&[BackTab, Up, Down, Char('C')]);
    assert!(texts(&d).iter().all(|(_, g)| *g == 0), "{:?}", texts(&d));
}

#[test]
fn other_keys_over_help_do_nothing_and_esc_closes_it() {
    let mut d = board();
    d.key(Char('?'));
    d.key(Char('c'));
    assert!(matches!(d.app.mode(), flipover::app::Mode::Help { .. }));
    assert!(
        !screen(&d.app, 80, 24).contains("Kortet er taget"),
        "nothing picked up"
    );
    d.key(Esc);
    assert!(matches!(d.app.mode(), flipover::app::Mode::Normal));
}
