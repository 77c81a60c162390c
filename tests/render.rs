//! Whole-screen snapshots of every screen on ratatui's TestBackend, in Danish
//! and English, at 80×24, 120×40, a projector's 200×50 and 300×90, with a fixed
//! clock; and the defects a run in a real room found, each asserted.

mod common;

use common::{Driver, T0};
use crossterm::event::KeyCode::{BackTab, Char, Down, Enter, Esc, PageDown, Tab, Up};
use flipover::app::{App, Mode};
use flipover::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [(u16, u16); 4] = [(80, 24), (120, 40), (200, 50), (300, 90)];
const LANGS: [&str; 2] = ["da", "en"];

/// The screen as text; every symbol on it one that every common monospace
/// font has.
fn screen(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|f| ui::draw(f, app, &Theme::monochrome()))
        .expect("draw");
    let text = terminal.backend().to_string();
    let unsafe_glyphs: String = text.chars().filter(|c| !ui::glyphs::safe(*c)).collect();
    assert!(
        unsafe_glyphs.is_empty(),
        "{unsafe_glyphs:?} at {w}×{h}:\n{text}"
    );
    text
}

/// The screen's rows, without the snapshot's quotes and padding.
fn rows(app: &App, w: u16, h: u16) -> Vec<String> {
    screen(app, w, h)
        .lines()
        .map(|l| l.trim_matches('"').trim_end().to_string())
        .collect()
}

fn snap(name: &str, app: &App) {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(app, w, h));
    }
}

/// The board with the situations written and a few cards in each quadrant.
fn board() -> Driver {
    board_in("da")
}

fn board_in(lang: &str) -> Driver {
    let mut d = Driver::new(common::app(lang), None);
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
    for lang in LANGS {
        let mut d = Driver::new(common::app(lang), None);
        d.key(Char(' '));
        d.now = T0 + 3 * 60_000 + 25_000;
        d.msg(flipover::app::Msg::Tick);
        snap(&format!("welcome_{lang}"), &d.app);
        d.key(Char('f'));
        snap(&format!("welcome_projector_{lang}"), &d.app);
    }
}

/// The discussion step (35 min, flexible steps after it), the room having
/// started 100 minutes earlier and run every step before on plan.
fn on_the_discussion_on_plan() -> Driver {
    let w = common::workshop("da");
    let mut s = common::session(&w);
    s.started = Some(T0 - 100 * 60_000);
    for step in &w.steps[..5] {
        if let Some(st) = s.steps.get_mut(&step.id) {
            st.clock.used_ms = u64::from(st.clock.planned_s) * 1000;
        }
    }
    s.step = w.steps[5].id.clone();
    Driver::new(App::new(w, s, T0, Default::default()), None)
}

/// The clock's four states on the discussion step (35 min, flexible steps after
/// it), the room having started on plan 100 minutes earlier.
#[test]
fn clock_on_time_low_over_and_paused() {
    let mut d = on_the_discussion_on_plan();
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
    for lang in LANGS {
        let mut d = Driver::new(common::app(lang), None);
        d.keys(&[PageDown, Down, Down, Down]);
        snap(&format!("model_{lang}"), &d.app);
        d.key(Enter);
        snap(&format!("advice_{lang}"), &d.app);
    }
}

#[test]
fn the_now_and_future_board() {
    for lang in LANGS {
        let mut d = board_in(lang);
        snap(&format!("board_{lang}"), &d.app);
        d.key(Char('f'));
        snap(&format!("board_projector_{lang}"), &d.app);
    }
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
    for lang in LANGS {
        let mut d = board_in(lang);
        d.key(Char('a'));
        d.type_text("Vi skal lære ");
        snap(&format!("board_typing_{lang}"), &d.app);
    }
}

#[test]
fn break_discussion_and_decisions() {
    for lang in LANGS {
        break_discussion_and_decisions_in(lang);
    }
}

fn break_discussion_and_decisions_in(lang: &str) {
    let mut d = Driver::new(common::app(lang), None);
    d.keys(&[PageDown, PageDown, PageDown]);
    snap(&format!("break_{lang}"), &d.app);
    d.keys(&[PageDown, PageDown]);
    for p in [
        "Vi vil have en tovholder for det digitale",
        "Vi vil besøge en kommune, der har gjort det",
    ] {
        d.key(Char('a'));
        d.type_text(p);
        d.key(Enter);
    }
    snap(&format!("discussion_{lang}"), &d.app);
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
    snap(&format!("decisions_{lang}"), &d.app);
    d.key(Char('a'));
    d.type_text("Ny");
    d.key(Tab);
    snap(&format!("decisions_form_{lang}"), &d.app);
}

#[test]
fn help_agenda_and_notes() {
    for lang in LANGS {
        let mut d = board_in(lang);
        d.key(Char('?'));
        snap(&format!("help_{lang}"), &d.app);
        insta::assert_snapshot!(format!("help_{lang}_40x12"), screen(&d.app, 40, 12));
        d.key(Esc);
        d.key(Char('g'));
        snap(&format!("agenda_{lang}"), &d.app);
        d.key(Char('g'));
        d.key(Char('i'));
        snap(&format!("notes_{lang}"), &d.app);
    }
}

#[test]
fn every_screen_lays_out_from_80x24_to_300x90() {
    let mut d = board();
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
fn leadership_check(lang: &str) -> Driver {
    let mut d = Driver::new(common::app_of("topledelsens-tjek", lang), None);
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
    for lang in LANGS {
        snap(&format!("scale_{lang}"), &leadership_check(lang).app);
    }
}

#[test]
fn the_dilemmas_now_and_wanted() {
    for lang in LANGS {
        the_dilemmas_in(lang);
    }
}

fn the_dilemmas_in(lang: &str) {
    let mut d = leadership_check(lang);
    d.key(PageDown);
    for pos in ['2', '4', '1'] {
        d.key(Char(pos));
        d.key(Down);
    }
    d.key(Tab);
    d.keys(&[Char('k'), Char('k'), Char('k'), Char('4'), Down, Char('3')]);
    snap(&format!("slider_{lang}"), &d.app);
}

#[test]
fn the_portfolio_split_per_unit() {
    for lang in LANGS {
        let d = the_portfolio_split_in(lang);
        snap(&format!("split_{lang}"), &d.app);
    }
}

fn the_portfolio_split_in(lang: &str) -> Driver {
    let mut d = leadership_check(lang);
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
    // Every category of B agreed, a digit starting each: 105 %, shown as it is.
    for typed in ["30", "25", "30"] {
        d.key(Down);
        d.type_text(typed);
        d.key(Enter);
    }
    d
}

#[test]
fn the_seven_questions_votes_story_fish_and_change_curve() {
    for lang in LANGS {
        the_seven_questions_in(lang);
    }
}

fn the_seven_questions_in(lang: &str) {
    let mut d = Driver::new(common::app_of("syv-spoergsmaal", lang), None);
    d.keys(&[PageDown, PageDown]);
    for vote in ['3', '4', '4', '2', '5', '4'] {
        d.key(Char(vote));
    }
    d.key(Down);
    d.keys(&[Char('2'), Char('2'), Char('3')]);
    snap(&format!("scale_votes_{lang}"), &d.app);
    d.keys(&[PageDown, PageDown, PageDown]);
    d.key(Enter);
    d.type_text("Vi gør det for borgerne, der venter for længe på svar");
    d.key(Enter);
    d.key(Down);
    d.key(Enter);
    d.type_text("Sagsbehandlerne får et værktøj, der finder sagerne");
    d.key(Enter);
    snap(&format!("canvas_{lang}"), &d.app);
    d.key(PageDown);
    d.keys(&[Char('v'), Char('v'), Down, Down, Down, Char('v')]);
    d.key(Enter);
    d.type_text("Sygeplejerskerne på nattevagt");
    d.key(Enter);
    snap(&format!("stages_{lang}"), &d.app);
}

/// The 3-hour workshop with the instruments its model's advice offers.
fn with_instruments(lang: &str) -> Driver {
    let (lib, _) = flipover::content::Library::embedded();
    let w = common::workshop(lang);
    let s = common::session(&w);
    let options = flipover::app::Options {
        instruments: lib.instruments(lang).cloned().collect(),
        ..Default::default()
    };
    Driver::new(App::new(w, s, T0, options), None)
}

#[test]
fn an_opened_advice_lists_its_instruments() {
    for lang in LANGS {
        let mut d = with_instruments(lang);
        d.keys(&[PageDown, Down, Down, Down, Down, Enter]);
        snap(&format!("advice_instruments_{lang}"), &d.app);
    }
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

/// The room view of `d`'s session, as `flipover follow` draws it.
fn room_of(d: &Driver, plan: bool) -> App {
    let live = flipover::session::Live {
        seen: d.now,
        draft: None,
        view: flipover::session::View {
            plan,
            ..d.app.view()
        },
    };
    let w = std::sync::Arc::new(d.app.workshop().clone());
    App::room(
        w,
        d.app.session().clone(),
        Some(live),
        d.now,
        jiff::tz::TimeZone::UTC,
    )
}

#[test]
fn the_room_view_in_both_languages() {
    for lang in LANGS {
        let mut d = board_in(lang);
        d.key(Char(' '));
        d.now += 5 * 60_000;
        snap(&format!("room_board_{lang}"), &room_of(&d, false));
        d.keys(&[PageDown, PageDown, PageDown, PageDown, PageDown]);
        d.add_action(
            "Find en tovholder",
            "Søren Ærø (digitaliseringsansvarlig)",
            "1. marts 2027",
        );
        snap(&format!("room_decisions_{lang}"), &room_of(&d, false));
        let mut d = Driver::new(common::app(lang), None);
        snap(&format!("room_welcome_{lang}"), &room_of(&d, false));
        d.key(Char(' '));
    }
}

// ---- The defects found in the room, one test each ----

/// A console on the board with its session in `root`: the files a room view
/// reads are the ones it writes.
fn stored_board(root: &std::path::Path) -> Driver {
    let w = common::workshop("da");
    let start = jiff::Timestamp::from_millisecond(T0 as i64)
        .expect("time")
        .to_zoned_datetime(jiff::tz::TimeZone::UTC);
    let (store, session) =
        flipover::storage::SessionStore::create(root, &w, start).expect("create");
    let app = App::new(w, session, T0, flipover::app::Options::default());
    let mut d = Driver::new(app, Some(store));
    d.go_to("brainstorm");
    d
}

/// The room view as `flipover follow` makes it from the session's files.
fn room_from_files(d: &Driver) -> App {
    let dir = d.store.as_ref().expect("a store").dir();
    let loaded = flipover::storage::read(dir).expect("the session reads");
    let w = std::sync::Arc::new(d.app.workshop().clone());
    App::room(
        w,
        loaded.session,
        loaded.live,
        d.now,
        jiff::tz::TimeZone::UTC,
    )
}

/// Whether the row showing `text` is drawn as selected.
fn marked(app: &App, text: &str) -> bool {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let theme = Theme::monochrome();
    terminal.draw(|f| ui::draw(f, app, &theme)).expect("draw");
    let buffer = terminal.backend().buffer();
    let rows: Vec<String> = (0..24)
        .map(|y| (0..80).map(|x| buffer[(x, y)].symbol()).collect())
        .collect();
    let Some(y) = rows.iter().position(|r| r.contains(text)) else {
        return false;
    };
    (0..80).any(|x| buffer[(x, y as u16)].modifier == theme.selected.add_modifier)
}

/// At 80×24 "Fordele nu" holds four cards: with thirteen, the room view shows
/// the one just written, as the console does — not the first four — and
/// follows the facilitator back up the list, without marking the card.
#[test]
fn the_room_view_shows_the_card_just_written_at_80x24() {
    let root = tempfile::tempdir().expect("tempdir");
    let mut d = stored_board(root.path());
    d.keys(&[Tab, Tab]);
    for n in 1..=12 {
        d.now += 3_000;
        d.key(Char('a'));
        d.type_text(&format!("Kort nummer {n}"));
        d.key(Enter);
    }
    d.now += 3_000;
    d.key(Char('a'));
    d.type_text("velfærdsteknologi");
    d.key(Enter);
    let console = rows(&d.app, 80, 24).join("\n");
    assert!(console.contains("+7 mere ↑"), "{console}");
    let room = room_from_files(&d);
    let seen = rows(&room, 80, 24).join("\n");
    assert!(seen.contains("• velfærdsteknologi"), "{seen}");
    assert!(
        seen.contains("+9 mere ↑"),
        "the big clock leaves less room: {seen}"
    );
    assert!(!seen.contains("Kort nummer 1 "), "{seen}");
    assert!(marked(&d.app, "velfærdsteknologi"), "the console marks it");
    assert!(!marked(&room, "velfærdsteknologi"), "the room does not");
    insta::assert_snapshot!("room_board_newest_da_80x24", screen(&room, 80, 24));

    // Up the list with a held key: the room follows within a tick.
    for _ in 0..12 {
        d.now += 30;
        d.key(Up);
    }
    d.now += 250;
    d.msg(flipover::app::Msg::Tick);
    let seen = rows(&room_from_files(&d), 80, 24).join("\n");
    assert!(seen.contains("• Kort nummer 1 "), "{seen}");
    assert!(!seen.contains("velfærdsteknologi"), "{seen}");
}

/// While the facilitator describes a situation on a low screen, the room
/// view shows the situations too (the console shows them only then).
#[test]
fn the_room_view_shows_the_situations_while_one_is_written() {
    let root = tempfile::tempdir().expect("tempdir");
    let mut d = stored_board(root.path());
    d.key(Char('a'));
    d.type_text("Borgerne ringer");
    d.key(Enter);
    d.keys(&[Tab, Tab]);
    d.now += 3_000;
    d.key(Char('a'));
    d.type_text("Vi kender borgerne");
    d.key(Enter);
    let shows = |d: &Driver| {
        rows(&room_from_files(d), 80, 16)
            .join("\n")
            .contains("Borgerne ringer")
    };
    assert!(!shows(&d), "on a card, the cards come first");
    d.now += 3_000;
    d.key(BackTab);
    d.key(BackTab);
    assert!(shows(&d), "on the situation");
}

/// Help at 40×12: it scrolls to its last key and no further, and Up scrolls back.
#[test]
fn help_is_usable_at_40x12_and_stops_at_its_end() {
    let mut d = board();
    d.msg(flipover::app::Msg::Resize(40, 12));
    d.key(Char('?'));
    let top = rows(&d.app, 40, 12);
    for _ in 0..200 {
        d.key(Down);
    }
    let end = rows(&d.app, 40, 12);
    assert!(end.iter().any(|r| r.contains("afslut")), "{end:#?}");
    assert!(
        end[end.len() - 3].contains('┃') && !end[end.len() - 3].trim_matches(['┃', ' ']).is_empty(),
        "no blank window: {end:#?}"
    );
    d.key(Up);
    assert_ne!(rows(&d.app, 40, 12), end, "Up scrolls back at once");
    assert_ne!(top, end);
}

/// Every description in help is whole at 80×24 and at 40×12: wrapped, not cut.
#[test]
fn help_descriptions_are_never_cut() {
    for (w, h) in [(80, 24), (40, 12)] {
        let mut d = board();
        d.key(Char('?'));
        let mut seen = String::new();
        for _ in 0..40 {
            seen.push_str(&rows(&d.app, w, h).join(" "));
            d.key(Down);
        }
        let words: String = seen
            .split(|c: char| c == '┃' || c.is_whitespace())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        for table in d.app.step_keys() {
            for b in table.iter() {
                for word in b.text("da").split_whitespace() {
                    assert!(
                        words.split(' ').any(|w| w == word),
                        "{w}×{h}: {word:?} of {:?} is cut",
                        b.text("da")
                    );
                }
            }
        }
    }
}

/// The notes and an opened advice scroll to their last line and stop there.
#[test]
fn notes_and_advice_scroll_to_their_end_and_no_further() {
    let mut d = board();
    d.key(Char('i'));
    for _ in 0..200 {
        d.key(Down);
    }
    let notes = rows(&d.app, 80, 24).join("\n");
    // The closing question of the exercise is the notes' last line.
    assert!(
        notes.contains("Hvordan gør vi fremtidens ulemper mindre?"),
        "{notes}"
    );
    let mut d = Driver::new(common::app("da"), None);
    d.keys(&[PageDown, Enter]);
    let opened = rows(&d.app, 80, 24);
    for _ in 0..200 {
        d.key(Down);
    }
    let end = rows(&d.app, 80, 24);
    assert_ne!(opened, end, "the advice scrolls");
    let filled = end[2..end.len() - 2]
        .iter()
        .filter(|r| r.trim_matches(['┃', '│', ' ']).len() > 1)
        .count();
    assert!(
        filled > 10,
        "the window is not scrolled into emptiness: {end:#?}"
    );
}

/// At 80 columns a status takes its own place: the hints beside it are whole.
#[test]
fn the_status_never_overwrites_the_key_hints() {
    let mut d = board();
    d.key(Char('a'));
    d.type_text("Endnu et kort");
    d.key(Enter);
    let footer = rows(&d.app, 80, 24).pop().unwrap_or_default();
    assert!(footer.ends_with("Gemt"), "{footer}");
    let hints = footer.trim_end_matches("√ Gemt").trim_end();
    let known: Vec<String> = flipover::keymap::hints(&d.app.keys())
        .map(|b| format!("{} {}", b.short_label(), b.text("da")))
        .collect();
    for hint in hints.split("  ") {
        assert!(
            known.contains(&hint.to_string()),
            "{hint:?} is cut: {footer}"
        );
    }
}

/// A long title is cut with "…" and leaves the clock whole; the workshop's
/// name leaves the plan whole; the rebalance offer shows both keys; the agenda
/// keeps its minutes.
#[test]
fn at_80_columns_titles_are_cut_with_an_ellipsis_and_nothing_else_is() {
    let mut d = on_the_discussion_on_plan();
    d.key(Char(' '));
    d.now = T0 + 41 * 60_000;
    d.msg(flipover::app::Msg::Tick);
    let r = rows(&d.app, 80, 24);
    assert!(r[0].contains('…') && r[0].ends_with("kører"), "{}", r[0]);
    assert!(r[1].contains('…') && r[1].ends_with(')'), "{}", r[1]);
    let offer = format!("{} {}", r[2], r[3]);
    assert!(
        offer.contains("r: forkort") && offer.contains("R: behold planen"),
        "{offer}"
    );
    d.key(Char('g'));
    for (w, h) in [(80, 24), (40, 14)] {
        let agenda: Vec<String> = rows(&d.app, w, h)
            .into_iter()
            .filter(|r| r.starts_with(['┃', '│']) || r.contains(" ┃"))
            .filter(|r| r.contains(" min"))
            .collect();
        assert!(agenda.len() >= 5, "{agenda:#?}");
        for row in agenda {
            assert!(
                row.trim_end_matches(['┃', '│', ' ']).ends_with("min"),
                "{w}×{h}: {row}"
            );
        }
    }
}

/// The votes' summary, a stage curve's introduction and "100 %" whole at 80×24.
#[test]
fn summaries_introductions_and_percentages_are_whole_at_80x24() {
    let d = the_portfolio_split_in("da");
    let r = rows(&d.app, 80, 24);
    for pair in r.windows(2) {
        assert!(
            !(pair[0].ends_with("100") && pair[1].starts_with('%')),
            "100 and % apart: {r:#?}"
        );
    }
    let mut d = Driver::new(common::app_of("syv-spoergsmaal", "da"), None);
    d.keys(&[PageDown, PageDown]);
    for vote in ['3', '4', '4', '2', '5', '4'] {
        d.key(Char(vote));
    }
    let shown = rows(&d.app, 80, 24).join("\n");
    assert!(shown.contains("6 stemmer"), "{shown}");
    d.keys(&[PageDown, PageDown, PageDown, PageDown]);
    let shown = rows(&d.app, 80, 24).join(" ");
    // The change curve's introduction, to its last words (cut after two lines before).
    assert!(shown.contains("et andet sted."), "{shown}");
    assert!(shown.contains("Forandringskurven"), "{shown}");
}

/// A quadrant with more cards than fit says how many more, and follows the selection.
#[test]
fn a_full_quadrant_says_how_many_more_and_scrolls_to_the_selection() {
    let mut d = board();
    d.keys(&[BackTab, BackTab, BackTab]);
    for n in 1..=11 {
        d.key(Char('a'));
        d.type_text(&format!("Kort nummer {n}"));
        d.key(Enter);
    }
    let shown = rows(&d.app, 80, 24).join("\n");
    assert!(
        shown.contains("Kort nummer 11"),
        "the selection is in view: {shown}"
    );
    assert!(shown.contains("mere ↑"), "{shown}");
    for _ in 0..12 {
        d.key(Up);
    }
    let shown = rows(&d.app, 80, 24).join("\n");
    assert!(
        shown.contains("Vi kender borgerne") && shown.contains("mere ↓"),
        "{shown}"
    );
    insta::assert_snapshot!("board_full_quadrant_da_80x24", screen(&d.app, 80, 24));
    let small = rows(&d.app, 40, 12).join("\n");
    assert!(small.contains("mere"), "{small}");
}

/// Who and by when wrap like what, at any width.
#[test]
fn decisions_wrap_who_and_when() {
    let mut d = Driver::new(common::app("da"), None);
    d.keys(&[PageDown; 7]);
    d.add_action(
        "Find en tovholder",
        "Søren Ærø (digitaliseringsansvarlig)",
        "1. marts 2027",
    );
    for w in [80, 300] {
        let shown = rows(&d.app, w, 30).join("\n");
        assert!(shown.contains("(digitaliseringsansvarlig)"), "{w}: {shown}");
        assert!(shown.contains("2027"), "{w}: {shown}");
    }
}

/// `q` types in a form; Ctrl-Q asks when there is text, quits when there is none.
#[test]
fn q_types_while_typing_and_ctrl_q_asks() {
    use crossterm::event::{KeyEvent, KeyModifiers};
    let ctrl_q = KeyEvent::new(Char('q'), KeyModifiers::CONTROL);
    let mut d = board();
    d.key(Char('a'));
    d.type_text("FAQ og quick wins");
    assert!(matches!(d.app.mode(), Mode::Editing(_)));
    let msg = d.app.translate(&ctrl_q).expect("bound");
    d.msg(msg);
    assert!(matches!(d.app.mode(), Mode::ConfirmQuit(_)));
    assert!(rows(&d.app, 80, 24).join(" ").contains("Du skriver stadig"));
    d.key(Char('n'));
    let ed = d.app.editor().expect("the form stays");
    assert_eq!(ed.value(0), "FAQ og quick wins");
    assert!(
        rows(&d.app, 80, 24)
            .last()
            .is_some_and(|f| f.contains("Ctrl-Q afslut")),
        "the form's footer says how to quit"
    );
    d.key(Esc);
    d.key(Char('a'));
    let effects = d
        .app
        .update(d.app.translate(&ctrl_q).expect("bound"), d.now);
    assert!(
        effects.contains(&flipover::app::Effect::Quit),
        "{effects:?}"
    );
}

/// A draft reopens with the cursor in the field that was being typed.
#[test]
fn a_reopened_draft_puts_the_cursor_where_it_was() {
    let mut d = Driver::new(common::app("da"), None);
    d.keys(&[PageDown; 7]);
    d.key(Char('a'));
    d.type_text("Find en tovholder");
    d.key(Tab);
    d.type_text("Søren");
    let draft = d.app.editor().map(|e| e.draft());
    assert_eq!(draft.as_ref().map(|d| d.focus), Some(1));
    let live = flipover::session::Live {
        seen: d.now,
        draft,
        view: Default::default(),
    };
    let w = std::sync::Arc::new(d.app.workshop().clone());
    let (app, _) = App::resume(
        w,
        d.app.session().clone(),
        Some(live),
        d.now,
        Default::default(),
    );
    assert_eq!(app.editor().map(|e| e.focus), Some(1));
}

/// An App resumed at `at` after it stopped with its clock running 90 s in:
/// it asks whether the closed time counts.
fn asked_on_resume(lang: &str, at: u64) -> App {
    let mut d = Driver::new(common::app(lang), None);
    d.key(Char(' '));
    let live = flipover::session::Live {
        seen: T0 + 90_000,
        draft: None,
        view: Default::default(),
    };
    let w = std::sync::Arc::new(d.app.workshop().clone());
    let (app, _) = App::resume(
        w,
        d.app.session().clone(),
        Some(live),
        at,
        Default::default(),
    );
    assert!(matches!(app.mode(), Mode::ResumeClock { .. }), "{lang}");
    app
}

/// While the facilitator is asked whether the closed time counts, the clock
/// on screen stands still where it stopped.
#[test]
fn the_resume_question_shows_the_clock_stopped() {
    let app = asked_on_resume("da", T0 + 3_600_000);
    let header = rows(&app, 80, 24)[0].clone();
    assert!(
        header.contains("|| 8:30") && header.ends_with("står stille"),
        "{header}"
    );
    insta::assert_snapshot!("resume_question_da_80x24", screen(&app, 80, 24));
}

/// Resumed within the minute, the question says so in words, not "0 min";
/// hours later, in hours and minutes.
#[test]
fn the_resume_question_says_a_moment_ago_not_zero_minutes() {
    let shown = rows(&asked_on_resume("da", T0 + 120_000), 80, 24).join("\n");
    assert!(shown.contains("for et øjeblik siden"), "{shown}");
    assert!(!shown.contains("for 0 min"), "{shown}");
    let next_day = T0 + 90_000 + (17 * 60 + 5) * 60_000;
    let shown = rows(&asked_on_resume("da", next_day), 80, 24).join("\n");
    assert!(shown.contains("for 17 t. 5 min. siden"), "{shown}");
}

/// The resume question's footer shows the language's own yes key: `j` ja in
/// Danish, `y` yes in English (each language takes the other's key too).
#[test]
fn the_resume_question_shows_the_language_s_own_yes_key() {
    for (lang, footer) in [("da", "j ja  n nej"), ("en", "y yes  n no")] {
        let app = asked_on_resume(lang, T0 + 3_600_000);
        let last = rows(&app, 80, 24).pop().unwrap_or_default();
        assert!(last.starts_with(footer), "{lang}: {last}");
        for yes in ['j', 'y'] {
            let key = crossterm::event::KeyEvent::from(Char(yes));
            assert_eq!(
                app.translate(&key),
                Some(flipover::app::Msg::Do(flipover::app::Action::Yes)),
                "{lang}: {yes}"
            );
        }
    }
}

/// The plan status is the facilitator's: the console shows it; the projector
/// and the room view only when P turns it on.
#[test]
fn the_plan_status_reaches_the_room_only_when_turned_on() {
    let mut d = Driver::new(common::app("da"), None);
    d.key(Char(' '));
    d.now = T0 + 15 * 60_000;
    d.msg(flipover::app::Msg::Tick);
    let has_plan = |app: &App| rows(app, 200, 50).join(" ").contains("bag planen");
    assert!(has_plan(&d.app), "the console");
    d.key(Char('f'));
    assert!(!has_plan(&d.app), "the projector, by default");
    assert!(
        !has_plan(&room_of(&d, d.app.view().plan)),
        "the room view, by default"
    );
    d.key(Char('P'));
    assert!(has_plan(&d.app), "the projector, turned on");
    assert!(d.app.view().plan, "mirrored to the room view");
    assert!(
        has_plan(&room_of(&d, d.app.view().plan)),
        "the room view, turned on"
    );
}

/// The launcher says "make the window larger" when it is too small, and
/// keeps the chosen entry in view.
#[test]
fn the_launcher_is_never_blank() {
    let (lib, _) = flipover::content::Library::embedded();
    let workshops: Vec<&flipover::content::Workshop> =
        ["3-timers-workshop", "topledelsens-tjek", "syv-spoergsmaal"]
            .iter()
            .filter_map(|id| lib.workshop(id, Some("da")))
            .collect();
    let mut launcher = flipover::launcher::Launcher::new(&workshops, &[], "da");
    let draw = |l: &flipover::launcher::Launcher, w: u16, h: u16| {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        terminal
            .draw(|f| ui::launcher::draw(f, l, &Theme::monochrome()))
            .expect("draw");
        terminal.backend().to_string()
    };
    assert!(draw(&launcher, 30, 10).contains("Gør vinduet større"));
    launcher.selected = 2;
    let small = draw(&launcher, 40, 12);
    assert!(small.contains("Syv strategiske"), "{small}");
    insta::assert_snapshot!("launcher_da_40x12", small);
    insta::assert_snapshot!("launcher_da_80x24", draw(&launcher, 80, 24));
}

// ---- Actions and situations: the room's words never cut without a sign ----

/// The action of the new-user run: long in all three columns.
const ACTION: [&str; 3] = [
    "Lav en plan for hjælp til borgere, der ikke kan eller vil bruge de digitale løsninger, sammen med biblioteket",
    "Direktionen og formanden for Ældrerådet",
    "inden sommerferien 2027",
];

/// Every word of `texts` is on `shown`.
fn every_word_on(shown: &str, texts: &[&str], at: &str) {
    for word in texts.iter().flat_map(|t| t.split_whitespace()) {
        assert!(shown.contains(word), "{at}: {word:?} missing:\n{shown}");
    }
}

/// The rows of the step's area (below the header, above the footer) whose
/// last column, or the last one inside a frame ending there, is not blank.
/// The step's area ends where the side panel begins on a wide screen.
fn touching_the_edge(app: &App, w: u16, h: u16) -> Vec<String> {
    let right = if w >= 110 { w - 40 } else { w } as usize;
    screen(app, w, h)
        .lines()
        .skip(2)
        .take(usize::from(h) - 3)
        .filter(|row| {
            let cells: Vec<char> = row.trim_matches('"').chars().collect();
            match cells[right - 1] {
                '┃' | '│' => cells[right - 2] != ' ',
                '┓' | '┛' | '╮' | '╯' | '━' | '─' => false,
                c => c != ' ',
            }
        })
        .map(str::to_string)
        .collect()
}

/// Nothing of the step's area touches its edge at `w`×`h`.
fn off_the_edge(app: &App, w: u16, h: u16, at: &str) {
    let touching = touching_the_edge(app, w, h);
    assert!(touching.is_empty(), "{at}: on the edge: {touching:#?}");
}

/// `da` or `en`, in `lang`.
fn say<'a>(lang: &str, da: &'a str, en: &'a str) -> &'a str {
    if lang == "da" { da } else { en }
}

/// From a new session to the closing screen with `actions` decided.
fn closing_with(lang: &str, actions: &[[&str; 3]]) -> Driver {
    let mut d = Driver::new(common::app(lang), None);
    d.keys(&[PageDown; 7]);
    for [what, who, when] in actions {
        d.add_action(what, who, when);
    }
    d.keys(&[Char('n'), Char('n')]);
    assert!(d.app.closing(), "past the last step");
    d
}

/// On the decisions step and on the closing screen, what, who and by when are
/// wrapped whole with a gap between them and off the edge; the time table
/// keeps its total.
#[test]
fn actions_on_the_closing_screen_wrap_whole_and_keep_the_total() {
    let short = [
        ["Find en tovholder", "Søren", "1. marts"],
        ["Besøg Herlev Kommune", "Åse", "uge 3"],
    ];
    for lang in LANGS {
        let mut d = Driver::new(common::app(lang), None);
        d.keys(&[PageDown; 7]);
        d.add_action(ACTION[0], ACTION[1], ACTION[2]);
        for (w, h) in [(80, 24), (200, 50)] {
            let at = format!("decisions {lang} {w}×{h}");
            every_word_on(&screen(&d.app, w, h), &ACTION, &at);
            off_the_edge(&d.app, w, h, &at);
        }
        let d = closing_with(lang, &[ACTION, short[0], short[1]]);
        let total = say(lang, "I alt", "Total");
        for (w, h) in [(80, 24), (200, 50)] {
            let at = format!("closing {lang} {w}×{h}");
            let shown = screen(&d.app, w, h);
            every_word_on(&shown, &ACTION, &at);
            for action in short {
                every_word_on(&shown, &action, &at);
            }
            assert!(shown.contains(total), "{at}: the total:\n{shown}");
            off_the_edge(&d.app, w, h, &at);
        }
        // The time table gave way for the actions, and says so.
        let more = say(lang, "mere", "more");
        let small = screen(&d.app, 80, 24);
        assert!(small.contains(&format!(" {more}")), "{small}");
        insta::assert_snapshot!(format!("closing_long_action_{lang}_80x24"), small);
        insta::assert_snapshot!(
            format!("closing_long_action_{lang}_200x50"),
            screen(&d.app, 200, 50)
        );
    }
}

/// More actions than fit on the closing screen: the first ones shown whole,
/// the rest counted, the total of the time table still there.
#[test]
fn the_closing_screen_counts_the_actions_it_cannot_show() {
    let actions: Vec<[String; 3]> = (1..=12)
        .map(|n| [format!("Handling nummer {n}"), "Åse".into(), "uge 3".into()])
        .collect();
    let actions: Vec<[&str; 3]> = actions
        .iter()
        .map(|[a, b, c]| [a.as_str(), b.as_str(), c.as_str()])
        .collect();
    let d = closing_with("da", &actions);
    let shown = rows(&d.app, 80, 24).join("\n");
    assert!(shown.contains("Handling nummer 1 "), "{shown}");
    assert!(shown.contains("mere ↓"), "{shown}");
    assert!(shown.contains("I alt"), "{shown}");
}

/// A session in a series whose last session left `open` actions: on the review.
fn follow_up(lang: &str, open: &[[&str; 3]]) -> Driver {
    use flipover::exercise::answers::ActionItem;
    let w = common::workshop(lang);
    let mut s = common::session(&w);
    let open: Vec<ActionItem> = open
        .iter()
        .zip(1..)
        .map(|([what, who, when], id)| ActionItem {
            id,
            what: what.to_string(),
            who: who.to_string(),
            when: when.to_string(),
        })
        .collect();
    for change in flipover::exercise::review::opening(&open) {
        s.apply(&change);
    }
    let w = std::sync::Arc::new(flipover::app::extend(&w, &s.extras, &[]));
    let d = Driver::new(App::new(w, s, T0, Default::default()), None);
    assert!(
        flipover::exercise::review::is_review(d.app.step()),
        "on the review"
    );
    d
}

/// The review of the last session's actions wraps what, who and by when whole,
/// a gap before each column, off the frame; rows out of view are counted.
#[test]
fn follow_up_actions_wrap_whole_with_a_gap_and_count_the_rest() {
    for lang in LANGS {
        let mut d = follow_up(lang, &[ACTION, ["Find en tovholder", "Søren", "1. marts"]]);
        d.key(Char('2'));
        let carried = say(lang, "→ videreført", "→ carried on");
        for (w, h) in [(80, 24), (200, 50)] {
            let at = format!("review {lang} {w}×{h}");
            let r = rows(&d.app, w, h);
            every_word_on(&r.join("\n"), &ACTION, &at);
            for before in ["inden", "Søren", "1. marts", carried] {
                assert!(
                    r.iter().any(|row| row.contains(&format!("  {before}"))),
                    "{at}: a gap before {before:?}:\n{}",
                    r.join("\n")
                );
            }
            off_the_edge(&d.app, w, h, &at);
            insta::assert_snapshot!(format!("review_{lang}_{w}x{h}"), screen(&d.app, w, h));
        }
        let many: Vec<[&str; 3]> = std::iter::repeat_n(ACTION, 8).collect();
        let mut d = follow_up(lang, &many);
        let more = say(lang, "mere", "more");
        let shown = rows(&d.app, 80, 24).join("\n");
        assert!(shown.contains(&format!("{more} ↓")), "{shown}");
        d.keys(&[Down; 7]);
        let shown = rows(&d.app, 80, 24).join("\n");
        assert!(shown.contains(&format!("{more} ↑")), "{shown}");
        assert!(
            shown.contains("8.  Lav en plan"),
            "the last in view: {shown}"
        );
    }
}

/// An action whose who and by when run to 90 characters and more, as a new
/// user wrote them, and two short ones.
fn long_who_and_when(lang: &str) -> [[&'static str; 3]; 3] {
    let long = if lang == "da" {
        [
            "Lav en fælles plan for, hvordan vi samler hele enheden om det digitale arbejde",
            "Direktøren sammen med den digitale chef, de to teamledere fra borgerservice og tillidsrepræsentanten",
            "Ved udgangen af andet kvartal 2026, med en første statusrapport på ledermødet i maj og en opfølgning i juni",
        ]
    } else {
        [
            "Agree on a shared picture of where our digital work stands today and bring the whole unit together",
            "The director, together with the head of digital, the two team leaders and the union representative",
            "By the end of the second quarter of 2026, with a first status report at the management meeting in May",
        ]
    };
    [
        long,
        ["Visit the health centre in Mors", "Åse", "week 3"],
        ["Find a coordinator for the portfolio", "Søren", "1 March"],
    ]
}

/// The rows action `n` of a table takes on `rows` (its numbered row and the
/// ones under it up to the next action or the table's end).
fn rows_of_action(rows: &[String], n: usize) -> usize {
    let inside = |row: &String| row.trim_start_matches(['┃', '│']).to_string();
    let Some(first) = rows
        .iter()
        .position(|r| inside(r).starts_with(&format!("{n}.  ")))
    else {
        return 0;
    };
    1 + rows[first + 1..]
        .iter()
        .map(inside)
        .take_while(|r| r.starts_with("    ") && !r.trim_matches(['┃', '│', ' ']).is_empty())
        .count()
}

/// Long who and by when on the review read naturally: every word whole (none
/// hyphenated), the long action in a few rows, not a column of single words;
/// and the room view, following the facilitator to the last action, shows
/// them all from the top when they fit (no "+1 mere ↑" above empty rows).
#[test]
fn long_who_and_when_get_room_on_the_review_and_in_the_room() {
    for lang in LANGS {
        let actions = long_who_and_when(lang);
        let mut d = follow_up(lang, &actions);
        for (w, h) in [(80, 24), (200, 50)] {
            let r = rows(&d.app, w, h);
            let at = format!("review {lang} {w}×{h}:\n{}", r.join("\n"));
            for action in &actions {
                every_word_on(&r.join("\n"), action, &at);
            }
            // (13 rows, "By the / end / of the / second…", before.)
            let most = if w == 80 { 9 } else { 3 };
            assert!(rows_of_action(&r, 1) <= most, "{at}");
        }
        d.keys(&[Down, Down]);
        let room = room_of(&d, false);
        let r = rows(&room, 80, 24);
        let shown = r.join("\n");
        assert!(!shown.contains('↑'), "the room from the top:\n{shown}");
        for action in &actions {
            every_word_on(&shown, action, &format!("room {lang}"));
        }
    }
}

/// The decision selected on the closing screen is marked on the console
/// only: the projector and the room view scroll to it, unmarked.
#[test]
fn the_closing_screen_marks_its_selection_on_the_console_only() {
    let mut d = closing_with("en", &long_who_and_when("en"));
    let last = "Find a coordinator";
    assert!(!marked(&d.app, last), "the first is selected");
    d.keys(&[Down, Down]);
    assert!(marked(&d.app, last), "{}", rows(&d.app, 80, 24).join("\n"));
    let room = room_of(&d, false);
    let shown = rows(&room, 80, 24).join("\n");
    assert!(shown.contains(last), "the room view follows:\n{shown}");
    assert!(!marked(&room, last), "{shown}");
    d.key(Char('f'));
    let shown = rows(&d.app, 80, 24).join("\n");
    assert!(shown.contains(last), "{shown}");
    assert!(!marked(&d.app, last), "the projector: {shown}");
}

/// A situation longer than its box at 80×24: the box grows for a text of
/// three lines, and a longer one ends in "…".
#[test]
fn a_situation_longer_than_its_box_says_so() {
    let three = "Borgerne ringer og bestiller tid hos os, og vi bruger meget tid på at svare på de samme spørgsmål";
    let longer = "Borgerne ringer og bestiller tid hos os, og vi bruger meget tid på at svare på de samme spørgsmål om åbningstider, priser og regler igen og igen, hver eneste dag";
    for (text, whole) in [(three, true), (longer, false)] {
        let mut d = Driver::new(common::app("da"), None);
        d.keys(&[PageDown, PageDown, Enter]);
        d.type_text(text);
        d.key(Enter);
        let r = rows(&d.app, 80, 24);
        // The inside of the left box, "Nu-situationen".
        let boxed: Vec<String> = r[3..]
            .iter()
            .take_while(|row| !row.starts_with(['╰', '┗']))
            .map(|row| row.chars().skip(1).take(38).collect())
            .collect();
        let at = r.join("\n");
        if whole {
            every_word_on(&boxed.join(" "), &[text], &at);
        } else {
            let last = boxed.last().map_or("", |l| l.trim_end());
            assert!(last.ends_with('…'), "{at}");
        }
    }
}

// ---- Boxed text and the instruments: the room's words never cut at 80×24 ----

/// The rows of the first frame of the step's area (and of what is below it,
/// down to the footer) whose text stands directly against that frame's right
/// border, or reach the column of it outside the frame. The console's side
/// panel is the facilitator's and left out.
fn against_the_frame(app: &App, w: u16, h: u16) -> Vec<String> {
    let area = if !app.for_the_room() && w >= 110 {
        w - 40
    } else {
        w
    };
    let shown = screen(app, w, h);
    let rows: Vec<Vec<char>> = shown
        .lines()
        .map(|r| {
            r.trim_matches('"')
                .chars()
                .take(usize::from(area))
                .collect()
        })
        .collect();
    let corner = |r: &[char], corners: [char; 2]| r.iter().position(|c| corners.contains(c));
    let Some(top) = rows.iter().position(|r| corner(r, ['┏', '╭']).is_some()) else {
        return vec![format!("no frame:\n{shown}")];
    };
    let left = corner(&rows[top], ['┏', '╭']).unwrap_or(0);
    let right = left + corner(&rows[top][left..], ['┓', '╮']).unwrap_or(0);
    let bottom = rows.len() - usize::from(!app.for_the_room());
    rows[top..bottom]
        .iter()
        .filter(|cells| match cells.get(right) {
            // A bar (the split's) is drawn to the border; words are not.
            Some('┃' | '│') => !" ·█▓▒░▚▞".contains(cells[right - 1]),
            Some('┓' | '┛' | '╮' | '╯' | '━' | '─' | ' ') | None => false,
            Some(_) => true,
        })
        .map(|cells| cells.iter().collect())
        .collect()
}

/// Boxed text keeps a column free at the right border: an opened advice, a
/// case and the English launcher's question for a new session.
#[test]
fn boxed_text_keeps_off_the_right_border() {
    for lang in LANGS {
        let mut d = Driver::new(common::app(lang), None);
        d.keys(&[PageDown, Enter]);
        let touching = against_the_frame(&d.app, 80, 24);
        assert!(touching.is_empty(), "{lang}: {touching:#?}");
        let d = instrument(lang, 1, '2');
        let touching = against_the_frame(&d.app, 80, 24);
        assert!(touching.is_empty(), "{lang}: {touching:#?}");
    }
    let (lib, _) = flipover::content::Library::embedded();
    let workshops: Vec<_> = lib.workshops("en").collect();
    let mut launcher = flipover::launcher::Launcher::new(&workshops, &[], "en");
    launcher.key(crossterm::event::KeyEvent::from(Enter));
    assert!(launcher.naming.is_some(), "naming the session");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal
        .draw(|f| ui::launcher::draw(f, &launcher, &Theme::monochrome()))
        .expect("draw");
    let shown = terminal.backend().to_string();
    let touching: Vec<&str> = shown
        .lines()
        .filter(|r| {
            let cells: Vec<char> = r.trim_matches('"').chars().collect();
            cells
                .windows(2)
                .any(|p| p[0] != ' ' && p[1] == '┃' && !"┃━".contains(p[0]))
                && !r.contains('┏')
        })
        .collect();
    // The left border has nothing before it: only a right border can be touched.
    assert!(touching.is_empty(), "{touching:#?}\n{shown}");
    assert!(shown.contains("or leave it"), "{shown}");
}

/// A note as long as the ones of the new-user run, every word shorter than a line.
const NOTE: &str = "Vi har mange små projekter, men ingen samlet retning – det vil vi ændre allerede i år, og vi starter i borgerservice sammen med jobcentret i Næstved";

/// The console and the room view of `d` at 80×24 and 200×50: `texts` whole
/// and nothing against the frame's right border.
fn whole_and_off_the_border(d: &Driver, texts: &[&str], at: &str) {
    for (app, view) in [(&d.app, "console"), (&room_of(d, false), "room")] {
        for (w, h) in [(80, 24), (200, 50)] {
            let at = format!("{at} {view} {w}×{h}");
            every_word_on(&screen(app, w, h), texts, &at);
            let touching = against_the_frame(app, w, h);
            assert!(touching.is_empty(), "{at}: on the border: {touching:#?}");
        }
    }
}

/// The 3-hour workshop on the instrument run from advice `advice` of its
/// model with key `digit`.
fn instrument(lang: &str, advice: usize, digit: char) -> Driver {
    let mut d = with_instruments(lang);
    d.key(PageDown);
    d.keys(&vec![Down; advice - 1]);
    d.keys(&[Enter, Char(digit)]);
    d
}

/// A long note on a scale, on the archetypes and on a case is wrapped whole
/// under its row, off the border, on the console and the room view.
#[test]
fn notes_on_the_instruments_wrap_whole_off_the_border() {
    for lang in LANGS {
        let mut d = Driver::new(common::app_of("topledelsens-tjek", lang), None);
        d.keys(&[PageDown, Char('3'), Char('e')]);
        d.type_text(NOTE);
        d.key(Enter);
        whole_and_off_the_border(&d, &[NOTE], &format!("scale {lang}"));

        let mut d = instrument(lang, 5, '1');
        let first = say(lang, "Optimisterne", "The optimists");
        assert!(screen(&d.app, 80, 24).contains(first), "on the archetypes");
        d.keys(&[Char('v'), Down, Char('v'), Char('v'), Enter]);
        d.type_text(NOTE);
        d.key(Enter);
        whole_and_off_the_border(&d, &[NOTE], &format!("archetypes {lang}"));

        let mut d = instrument(lang, 1, '2');
        assert!(screen(&d.app, 80, 24).contains("Mors"), "on the case");
        d.keys(&[Down, Enter]);
        d.type_text(NOTE);
        d.key(Enter);
        whole_and_off_the_border(&d, &[NOTE], &format!("case {lang}"));
        insta::assert_snapshot!(format!("case_note_{lang}_80x24"), screen(&d.app, 80, 24));
    }
}

/// The four archetypes at 80×24: each title whole in its column and each
/// advice beside it, every advice starting in the same column.
#[test]
fn the_archetypes_keep_their_columns_at_80x24() {
    for lang in LANGS {
        let d = instrument(lang, 5, '1');
        let starts = say(
            lang,
            "Med dig|Positive i|Skeptiske over|Ser mest",
            "With you|Positive at|Sceptical of|See mostly",
        );
        let titles = say(
            lang,
            "Optimisterne – »lad os rykke nu«|De passive – »lyder godt, men bliver svært«|De skeptiske – »det går nok over«|Vagthundene – »vi må ikke miste noget«",
            "The optimists – “let's move now”|The passive – “sounds good, but will be hard”|The sceptics – “it will probably pass”|The watchdogs – “we must not lose anything”",
        );
        let r = rows(&d.app, 80, 24);
        let at = format!("{lang}:\n{}", r.join("\n"));
        let columns: Vec<Option<usize>> = starts
            .split('|')
            .map(|s| {
                r.iter()
                    .find_map(|row| row.find(s).map(|b| row[..b].chars().count()))
            })
            .collect();
        assert!(columns.iter().all(Option::is_some), "{columns:?} {at}");
        assert!(columns.windows(2).all(|p| p[0] == p[1]), "{columns:?} {at}");
        every_word_on(&r.join("\n"), &titles.split('|').collect::<Vec<_>>(), &at);
        assert!(against_the_frame(&d.app, 80, 24).is_empty(), "{at}");
        insta::assert_snapshot!(format!("archetypes_{lang}_80x24"), screen(&d.app, 80, 24));
    }
}

/// The portfolio split's hints wrap into the rows their unit's box has; one
/// ends in "…" only in a box with no row to spare.
#[test]
fn split_hints_wrap_into_the_room_there_is() {
    for lang in LANGS {
        let mut d = Driver::new(common::app_of("topledelsens-tjek", lang), None);
        d.keys(&[PageDown; 5]);
        assert!(
            d.app
                .step()
                .title
                .contains(say(lang, "Porteføljen", "portfolio"))
        );
        for (w, h) in [(80, 24), (200, 50)] {
            let r = rows(&d.app, w, h);
            let at = format!("{lang} {w}×{h}:\n{}", r.join("\n"));
            let mut boxed: Vec<&String> = Vec::new();
            for row in &r {
                if row.starts_with(['┃', '│']) {
                    boxed.push(row);
                    continue;
                }
                let cut = boxed.iter().any(|b| b.contains('…'));
                let spare = boxed
                    .iter()
                    .any(|b| b.trim_matches(['┃', '│', ' ']).is_empty());
                assert!(!(cut && spare), "cut with a row to spare: {at}");
                boxed.clear();
            }
            let touching = against_the_frame(&d.app, w, h);
            assert!(touching.is_empty(), "{touching:#?} {at}");
            if w == 200 {
                let hints = say(
                    lang,
                    "Interne gevinster i de arbejdsgange, vi allerede har.",
                    "Internal gains in the workflows we already have.",
                );
                every_word_on(&r.join("\n"), &[hints], &at);
            }
        }
        // In English every hint finds its rows in the first box at 80×24.
        if lang == "en" {
            let shown = rows(&d.app, 80, 24).join("\n");
            every_word_on(
                &shown,
                &["Rethink the service and the value chain towards the citizen."],
                &shown,
            );
        }
    }
}
