//! A series: sessions of one workshop under one name. The second session
//! opens with the first one's actions to review (done / carried on /
//! dropped), the review goes into its report, and scales show the earlier
//! sessions' values beside today's — through the real binary.

mod common;
mod pty;

use std::path::Path;
use std::process::Command;

use flipover::content::Library;
use flipover::session::{Change, Item, Value};
use flipover::storage::SessionStore;

use common::T0;

fn at(minutes: i64) -> jiff::ZonedDateTime {
    jiff::Timestamp::from_millisecond(T0 as i64 + minutes * 60_000)
        .expect("time")
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
}

/// A session of the shipped workshop `id` created `minutes` after T0, named
/// `name`, with `changes` committed.
fn session(root: &Path, id: &str, minutes: i64, name: &str, changes: &[Change]) {
    let (lib, _) = Library::embedded();
    let w = lib.workshop(id, Some("da")).expect("shipped");
    let (mut store, mut session) = SessionStore::create(root, w, at(minutes)).expect("create");
    session.meta.name = name.to_string();
    for c in changes {
        store.commit(c).expect("commit");
        session.apply(c);
    }
    store.snapshot(&session).expect("snapshot");
}

fn action(id: u64, what: &str, who: &str, when: &str) -> Change {
    Change::Put {
        step: "beslutninger".into(),
        item: Item {
            who: who.into(),
            when: when.into(),
            ..Item::new(id, "", what)
        },
    }
}

fn export(root: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_flipover"))
        .arg("--data-dir")
        .arg(root)
        .arg("export")
        .args(args)
        .args(["-o", "-"])
        .output()
        .expect("flipover runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_second_session_opens_with_the_first_one_s_actions_to_review() {
    let data = tempfile::tempdir().expect("tempdir");
    let root = data.path();
    session(
        root,
        "3-timers-workshop",
        -7 * 24 * 60,
        "Team Nord",
        &[
            action(1, "Lav en plan for selvbetjening", "Søren Ærø", "1. marts"),
            action(2, "Besøg lægehuset på Mors", "Åse", "uge 3"),
        ],
    );
    // Another team's session is no part of the series.
    session(
        root,
        "3-timers-workshop",
        -60,
        "Team Syd",
        &[action(1, "Noget helt andet", "Bo", "i morgen")],
    );

    let mut console = pty::Console::sized(&["run", "--name", "Team Nord"], root, 100, 30);
    console.wait_for("Opfølgning fra sidst");
    console.wait_for("Søren Ærø");
    assert!(!console.contents().contains("Noget helt andet"));
    // The first carried on, the second done.
    console.send("2");
    console.wait_for("→ videreført");
    console.send("j1");
    console.wait_for("√ gjort");
    console.send("q");
    console.wait_exit();

    let json: serde_json::Value =
        serde_json::from_str(&export(root, &["team nord", "-f", "json"])).expect("JSON");
    let review = &json["steps"][0];
    assert_eq!(review["kind"], "review");
    assert_eq!(review["id"], "flipover:review");
    let items = &review["blocks"][0]["items"];
    assert_eq!(items[0]["what"], "Lav en plan for selvbetjening");
    assert_eq!(items[0]["status"], "carried");
    assert_eq!(items[1]["status"], "done");
    assert_eq!(json["series"]["earlier"].as_array().map(Vec::len), Some(1));

    let md = export(root, &["team nord", "-f", "md"]);
    assert!(md.contains("## 1. Opfølgning fra sidst"), "{md}");
    assert!(md.contains("| Hvad | Hvem | Hvornår | Status |"), "{md}");
    assert!(
        md.contains("| Lav en plan for selvbetjening | Søren Ærø | 1\\. marts | → videreført |"),
        "{md}"
    );
    assert!(
        !md.contains("Handlinger fra sidst"),
        "no second list of them"
    );
}

#[test]
fn scales_show_the_earlier_sessions_of_the_series() {
    let data = tempfile::tempdir().expect("tempdir");
    let root = data.path();
    let score = |item: &str, v: i64| Change::Set {
        step: "modenhed".into(),
        key: item.into(),
        value: Some(Value::Number(v)),
    };
    session(
        root,
        "topledelsens-tjek",
        -90 * 24 * 60,
        "Direktionen",
        &[score("strategisk-retning", 2)],
    );
    session(
        root,
        "topledelsens-tjek",
        -30 * 24 * 60,
        "Direktionen",
        &[score("strategisk-retning", 3), score("businesscase", 2)],
    );
    session(
        root,
        "topledelsens-tjek",
        0,
        "Direktionen",
        &[score("strategisk-retning", 4)],
    );
    let md = export(root, &["direktionen", "-f", "md"]);
    assert!(md.contains("| Punkt | Score | Før | Note |"), "{md}");
    assert!(md.contains("| Strategisk retning | 4 | 2 → 3 |"), "{md}");
    assert!(md.contains("| Businesscase | ikke sat | – → 2 |"), "{md}");
    let html = export(root, &["direktionen", "-f", "html"]);
    assert!(html.contains("<td class=\"num\">2 → 3</td>"));
}

fn screen(app: &flipover::app::App, w: u16, h: u16) -> String {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|f| flipover::ui::draw(f, app, &flipover::ui::Theme::monochrome()))
        .expect("draw");
    terminal.backend().to_string()
}

/// The review on screen, and a scale with the series' earlier values.
#[test]
fn the_review_and_the_trend_on_screen() {
    use flipover::app::{self, Action, App, Options};
    use flipover::exercise::answers::ActionItem;
    use flipover::exercise::review;
    use flipover::export::{EarlierScore, Series};
    use std::sync::Arc;

    let w = common::workshop("da");
    let mut s = common::session(&w);
    let open = [
        ("Lav en plan for selvbetjening", "Søren Ærø", "1. marts"),
        ("Besøg lægehuset på Mors", "Åse", "uge 3"),
    ]
    .map(|(what, who, when)| ActionItem {
        id: 0,
        what: what.into(),
        who: who.into(),
        when: when.into(),
    });
    for c in review::opening(&open) {
        s.apply(&c);
    }
    let w = Arc::new(app::extend(&w, &s.extras, &[]));
    assert_eq!(w.steps[0].id, review::STEP_ID);
    let mut d = common::Driver::new(App::new(w, s, T0, Options::default()), None);
    d.act(Action::SetValue(3));
    insta::assert_snapshot!("review_80x24", screen(&d.app, 80, 24));

    let (lib, _) = Library::embedded();
    let tjek = Arc::new(
        lib.workshop("topledelsens-tjek", Some("da"))
            .expect("shipped")
            .clone(),
    );
    let mut s = common::session(&tjek);
    s.step = "modenhed".into();
    s.apply(&Change::Set {
        step: "modenhed".into(),
        key: "strategisk-retning".into(),
        value: Some(Value::Number(4)),
    });
    let earlier = |v: f64| flipover::export::Earlier {
        id: "før".into(),
        created: String::new(),
        scores: vec![EarlierScore {
            step: "modenhed".into(),
            item: "strategisk-retning".into(),
            value: v,
        }],
    };
    let options = Options {
        series: Arc::new(Series {
            earlier: vec![earlier(2.0), earlier(3.0)],
            open_actions: Vec::new(),
        }),
        ..Options::default()
    };
    let app = App::new(tjek, s, T0, options);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Før: 2 → 3"), "{shown}");
}
