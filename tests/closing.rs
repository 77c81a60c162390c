//! The end of the workshop and `x`: moving past the last step shows the
//! closing screen (decisions, plan against time used, the report), and `x`
//! writes the report into the session folder, mid-session too — driven by
//! keys through the key table, with a real session folder.

mod common;

use crossterm::event::KeyCode::{Char, Down, Left, PageDown, PageUp};
use flipover::app::{Action, App, Msg, Options};
use flipover::storage::SessionStore;
use flipover::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use common::{Driver, T0};

fn at_t0() -> jiff::ZonedDateTime {
    jiff::Timestamp::from_millisecond(T0 as i64)
        .expect("time")
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
}

fn driver(root: &std::path::Path, lang: &str) -> Driver {
    let w = common::workshop(lang);
    let (store, session) = SessionStore::create(root, &w, at_t0()).expect("create");
    Driver::new(App::new(w, session, T0, Options::default()), Some(store))
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|f| ui::draw(f, app, &Theme::monochrome()))
        .expect("draw");
    terminal.backend().to_string()
}

/// To the decisions step with the clock running, two actions written, then
/// on to the end.
fn to_the_end(d: &mut Driver) {
    d.key(Char(' '));
    let steps = d.app.workshop().steps.len();
    while d.app.step().id != "beslutninger" && d.app.step().id != "decisions" {
        d.now += 10 * 60_000;
        d.key(PageDown);
    }
    d.add_action("Lav en plan for selvbetjening", "Søren Ærø", "1. marts");
    d.add_action("Besøg lægehuset på Mors", "Åse", "uge 3");
    for _ in d.app.step_index()..steps {
        d.now += 10 * 60_000;
        d.key(PageDown);
    }
}

fn report_files(d: &Driver) -> Vec<String> {
    let dir = d.store.as_ref().expect("a store").dir().join("report");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn past_the_last_step_the_closing_screen_shows_decisions_time_and_the_report() {
    let root = tempfile::tempdir().expect("tempdir");
    let mut d = driver(root.path(), "da");
    to_the_end(&mut d);
    assert!(d.app.closing(), "past the last step");
    assert_eq!(
        d.app.step().id,
        "afslutning",
        "the session stays at the last step"
    );
    // The end is written down, and the last clock stopped there.
    let ended = d.app.session().ended.expect("the end is recorded");
    assert_eq!(ended, d.now);
    assert!(!d.app.session().steps["afslutning"].clock.running());
    assert!(d.app.view().closing, "the room view mirrors it");

    let before = screen(&d.app, 80, 24);
    insta::assert_snapshot!("closing_80x24", before);
    assert!(before.contains("Søren Ærø") && before.contains("1. marts"));
    assert!(report_files(&d).is_empty());

    d.key(Char('x'));
    assert_eq!(report_files(&d).len(), 11, "{:?}", report_files(&d));
    let folder = d.app.report().expect("the report's folder").to_path_buf();
    assert!(folder.join("report.html").is_file());
    let (status, error) = d.app.status().expect("a note");
    assert!(
        !error && status.contains("Rapporten er skrevet til"),
        "{status}"
    );
    let tmp = root.path().display().to_string();
    let shown = screen(&d.app, 120, 40).replace(&tmp, &"T".repeat(tmp.chars().count()));
    insta::assert_snapshot!("closing_written_120x40", shown);

    // The report has the actions and the end time.
    let md = std::fs::read_to_string(folder.join("report.md")).expect("report.md");
    assert!(
        md.contains("| Besøg lægehuset på Mors | Åse | uge 3 |"),
        "{md}"
    );
    assert!(!md.contains("ikke afsluttet"));

    // Back to the last step, and the step keys again.
    d.key(Left);
    assert!(!d.app.closing());
    assert_eq!(d.app.step().id, "afslutning");
}

#[test]
fn x_mid_session_writes_the_report_and_says_where() {
    let root = tempfile::tempdir().expect("tempdir");
    let mut d = driver(root.path(), "en");
    d.keys(&[PageDown, PageDown]);
    assert_eq!(d.app.step().id, "brainstorm");
    d.key(Char('x'));
    assert!(report_files(&d).contains(&"cards.csv".to_string()));
    let (status, _) = d.app.status().expect("a note");
    assert!(status.contains("The report is written to"), "{status}");
    assert!(status.ends_with("report"), "{status}");
}

#[test]
fn a_rehearsal_writes_no_report() {
    let mut d = Driver::new(
        App::new(
            common::workshop("da"),
            common::session(&common::workshop("da")),
            T0,
            Options {
                rehearsal: true,
                ..Options::default()
            },
        ),
        None,
    );
    d.act(Action::Export);
    let (status, _) = d.app.status().expect("a note");
    assert!(status.contains("ingen rapport"), "{status}");
}

/// On the closing screen the header says when the workshop ended, however
/// long the screen stays up (or the session is resumed later).
#[test]
fn the_closing_screen_keeps_the_end_it_had() {
    let root = tempfile::tempdir().expect("tempdir");
    let mut d = driver(root.path(), "da");
    to_the_end(&mut d);
    let end_line = |d: &Driver| {
        screen(&d.app, 120, 40)
            .lines()
            .find_map(|l| l.split_once(" · slut ").map(|(_, end)| end.to_string()))
            .expect("the plan line")
    };
    let at_the_end = end_line(&d);
    d.now += 30 * 60_000;
    d.msg(flipover::app::Msg::Tick);
    assert_eq!(end_line(&d), at_the_end);
}

/// Three decisions on the 90-minute check-up in English, the first with who
/// and by when of 90 characters and more, as a new user wrote them.
const THREE: [[&str; 3]; 3] = [
    [
        "Agree on a shared picture of where our digital work stands today and bring the whole unit together",
        "The director, together with the head of digital, the two team leaders and the union representative",
        "By the end of the second quarter of 2026, with a first status report at the management meeting in May",
    ],
    [
        "Visit the health centre on Mors and hear how they got citizens to book online",
        "Åse and Søren from the citizens' service",
        "before the summer holidays",
    ],
    ["Find a coordinator for the portfolio", "Søren", "1 March"],
];

/// At 80×24 the closing screen cannot show three long decisions at once: ↓
/// and j bring each into view until every word has been on screen, the
/// footer naming the keys; the clicker keeps its meaning (PgDn nothing, PgUp
/// back to the last step).
#[test]
fn down_brings_every_decision_into_view_at_80x24() {
    let mut d = Driver::new(
        App::new(
            common::workshop_of("topledelsens-tjek", "en"),
            common::session(&common::workshop_of("topledelsens-tjek", "en")),
            T0,
            Options::default(),
        ),
        None,
    );
    d.go_to("beslutninger");
    for [what, who, when] in THREE {
        d.add_action(what, who, when);
    }
    d.keys(&[PageDown, PageDown]);
    assert!(d.app.closing());
    d.msg(Msg::Resize(80, 24));
    let first = screen(&d.app, 80, 24);
    assert!(first.contains("more ↓"), "{first}");
    let footer = first.lines().last().unwrap_or_default().to_string();
    assert!(footer.contains("↓ down"), "{footer}");
    assert!(
        !footer.contains("↑ up"),
        "nothing above the first: {footer}"
    );
    let mut seen = first;
    for code in [Down, Char('j')] {
        d.key(code);
        seen.push_str(&screen(&d.app, 80, 24));
    }
    assert_eq!(d.app.decision(), 2);
    let last = screen(&d.app, 80, 24);
    insta::assert_snapshot!("closing_at_the_last_decision_en_80x24", last);
    for word in THREE.iter().flatten().flat_map(|t| t.split_whitespace()) {
        assert!(seen.contains(word), "{word:?} never in view:\n{seen}");
    }
    d.key(PageDown);
    assert_eq!(screen(&d.app, 80, 24), last, "PgDn moves nothing");
    d.key(Char('k'));
    assert_eq!(d.app.decision(), 1);
    d.key(PageUp);
    assert!(!d.app.closing(), "PgUp: back to the last step");
}
