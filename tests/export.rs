//! The report: a finished 3-hour session (cards with æøå, one card that is
//! markup, two actions) and the shipped leadership-check fixture, exported in
//! every format and read back the way their readers would: Markdown as a
//! snapshot, HTML by an HTML5 parser, CSV by the `csv` crate, JSON by serde.

mod common;

use std::path::Path;

use flipover::content::{Library, Workshop};
use flipover::exercise::answers::ActionItem;
use flipover::export::{self, Format, Report, Series};
use flipover::session::{Change, Item, Session, StepClock, Value};
use flipover::storage;

use common::T0;

const HOSTILE: &str = "<script>alert('x')</script> & \"citat\"";
const MINUTE: u64 = 60_000;

/// The 3-hour workshop run from 09:00 to 12:05: every step's clock used, the
/// board filled (with a group and votes), points, a stage, a canvas field and
/// two actions.
pub fn finished_session(w: &Workshop) -> Session {
    let mut s = common::session(w);
    for change in finished_changes(w) {
        s.apply(&change);
    }
    s.meta.name = "Team Nord".into();
    s
}

/// The changes that make `finished_session`, in the order the room made them.
fn finished_changes(w: &Workshop) -> Vec<Change> {
    let mut s = Recorder {
        session: common::session(w),
        log: Vec::new(),
    };
    let mut at = T0;
    for (i, step) in w.steps.iter().enumerate() {
        // A few steps run over, a few finish early.
        let used = u64::from(step.minutes) * MINUTE + [2, 0, 4, 0, 1, 0, 0, 3, 0][i % 9] * MINUTE
            - [0, 3, 0, 2, 0, 5, 0, 0, 0][i % 9] * MINUTE;
        s.apply(&Change::Clock {
            step: step.id.clone(),
            clock: StepClock {
                running_since: Some(at),
                ..StepClock::new(step.minutes)
            },
        });
        at += used;
        s.apply(&Change::Clock {
            step: step.id.clone(),
            clock: StepClock {
                used_ms: used,
                ..StepClock::new(step.minutes)
            },
        });
    }
    let put = |s: &mut Recorder, step: &str, item: Item| {
        s.apply(&Change::Put {
            step: step.into(),
            item,
        })
    };
    s.apply(&Change::Situation {
        step: "brainstorm".into(),
        situation: "nu".into(),
        text: "Borgerne ringer og bestiller tid".into(),
    });
    let cards = [
        (1, "nu-fordele", "Vi kender borgerne", 3, 0),
        (2, "nu-fordele", "Tryghed for de ældre", 1, 0),
        (3, "nu-fordele", "Personlig kontakt på Ærø", 0, 2),
        (4, "fremtid-fordele", "Åbent døgnet rundt", 5, 0),
        (5, "nu-ulemper", "Lange køer om morgenen", 0, 0),
        (6, "fremtid-ulemper", HOSTILE, 2, 0),
        (
            7,
            "fremtid-ulemper",
            "Nogle borgere falder fra – især de ældste",
            0,
            0,
        ),
    ];
    for (id, area, text, votes, group) in cards {
        let mut item = Item::new(id, area, text);
        item.votes = votes;
        item.group = group;
        put(&mut s, "brainstorm", item);
    }
    // Card 2 heads the group card 3 joined.
    if let Some(head) = s.session.find("brainstorm", 2).cloned() {
        put(&mut s, "brainstorm", Item { group: 2, ..head });
    }
    put(
        &mut s,
        "droeftelse",
        Item::new(8, "", "Vi skal starte med de borgere, der selv vil"),
    );
    s.apply(&Change::Set {
        step: "startpunkt".into(),
        key: "skal".into(),
        value: Some(Value::Number(4)),
    });
    s.apply(&Change::Set {
        step: "kommunikation".into(),
        key: "hvorfor".into(),
        value: Some(Value::Text("Fordi borgerne forventer det".into())),
    });
    for (id, what, who, when) in [
        (9, "Lav en plan for selvbetjening", "Søren Ærø", "1. marts"),
        (10, "Besøg lægehuset på Mors", "Åse", "uge 3"),
    ] {
        put(
            &mut s,
            "beslutninger",
            Item {
                who: who.into(),
                when: when.into(),
                ..Item::new(id, "", what)
            },
        );
    }
    s.apply(&Change::Goto {
        step: "afslutning".into(),
    });
    s.apply(&Change::End { at });
    s.log
}

/// A session that keeps the changes applied to it.
struct Recorder {
    session: Session,
    log: Vec<Change>,
}

impl Recorder {
    fn apply(&mut self, change: &Change) {
        self.session.apply(change);
        self.log.push(change.clone());
    }
}

fn utc() -> jiff::tz::TimeZone {
    jiff::tz::TimeZone::UTC
}

fn report(lang: &str) -> Report {
    let w = common::workshop(lang);
    Report::new(&w, &finished_session(&w), T0 + 4 * 60 * MINUTE, utc())
}

fn file(r: &Report, format: Format, name: &str) -> Vec<u8> {
    r.render(format)
        .into_iter()
        .find(|(n, _)| n == name)
        .map(|(_, b)| b)
        .unwrap_or_else(|| panic!("no {name}"))
}

#[test]
fn markdown_of_the_finished_3_hour_session() {
    let md = String::from_utf8(file(&report("da"), Format::Md, "report.md")).expect("utf-8");
    insta::assert_snapshot!("report_3_hours_da", md);
}

/// Every column of the report's tables has its word: the status of the
/// actions from last time; and the time table's total says what the closing
/// screen says.
#[test]
fn every_column_of_the_report_has_its_word() {
    for (lang, status, total) in [
        (
            "da",
            "| Hvad | Hvem | Hvornår | Status |",
            "| | **I alt** | **180** |",
        ),
        (
            "en",
            "| What | Who | By when | Status |",
            "| | **Total** | **180** |",
        ),
    ] {
        let open = vec![ActionItem {
            id: 1,
            what: "Find en tovholder".into(),
            who: "Søren".into(),
            when: "1. marts".into(),
        }];
        let r = report(lang).with_series(Series {
            open_actions: open,
            ..Series::default()
        });
        let md = String::from_utf8(file(&r, Format::Md, "report.md")).expect("utf-8");
        assert!(md.contains(status) && md.contains(total), "{md}");
        let lines: Vec<&str> = md.lines().collect();
        for pair in lines.windows(2) {
            if pair[1].starts_with("| ---") {
                assert!(
                    !pair[0].contains("|  |"),
                    "a column without a heading: {}",
                    pair[0]
                );
            }
        }
        let html = String::from_utf8(file(&r, Format::Html, "report.html")).expect("utf-8");
        let word = if lang == "da" { "I alt" } else { "Total" };
        assert!(html.contains("<th>Status</th>"), "{html}");
        assert!(html.contains(&format!("<th>{word}</th>")), "{html}");
    }
}

#[test]
fn markdown_of_the_leadership_check_fixture() {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sessions/v1-topledelsens-tjek");
    let loaded = storage::read(&dir).expect("the fixture reads");
    let (lib, _) = Library::embedded();
    let w = lib
        .workshop(&loaded.session.meta.workshop, Some("da"))
        .expect("shipped");
    let r = Report::new(w, &loaded.session, T0 + 60 * MINUTE, utc());
    insta::assert_snapshot!("report_leadership_check_da", export::markdown::render(&r));
}

#[test]
fn markdown_escapes_the_card_that_is_markup() {
    let md = String::from_utf8(file(&report("en"), Format::Md, "report.md")).expect("utf-8");
    assert!(md.contains("\\<script\\>alert('x')\\</script\\> \\& \"citat\""));
    assert!(!md.contains("<script>"));
    assert!(md.contains("| Plan self-service") || md.contains("Lav en plan for selvbetjening"));
}

#[test]
fn html_is_well_formed_self_contained_and_shows_the_card_as_text() {
    let bytes = file(&report("da"), Format::Html, "report.html");
    let html = String::from_utf8(bytes).expect("utf-8");
    let doc = scraper::Html::parse_document(&html);
    assert!(doc.errors.is_empty(), "parse errors: {:?}", doc.errors);
    let sel = |s: &str| scraper::Selector::parse(s).expect("selector");

    // The card is text in a card, and there is no script at all.
    assert_eq!(doc.select(&sel("script")).count(), 0);
    let cards: Vec<String> = doc
        .select(&sel("li.card"))
        .map(|c| c.text().collect::<String>())
        .collect();
    assert!(cards.iter().any(|c| c.ends_with(HOSTILE)), "{cards:?}");
    assert!(cards.iter().any(|c| c.contains("Tryghed for de ældre")));
    // The grouped card sits in a list under its group's first card.
    let nested: Vec<String> = doc
        .select(&sel("li.card ul.cards li.card"))
        .map(|c| c.text().collect())
        .collect();
    assert_eq!(nested, ["Personlig kontakt på Ærø"]);
    // The board: four areas; the decisions table: both actions with owner and date.
    assert_eq!(doc.select(&sel(".board .area")).count(), 4);
    let rows: Vec<String> = doc
        .select(&sel("section.decisions tbody tr"))
        .map(|r| r.text().collect::<Vec<_>>().join("|"))
        .collect();
    assert_eq!(
        rows,
        [
            "Lav en plan for selvbetjening|Søren Ærø|1. marts|Beslutning om handlinger",
            "Besøg lægehuset på Mors|Åse|uge 3|Beslutning om handlinger"
        ]
    );

    // Nothing outside the file: no link, no source, no import, no url().
    for el in doc
        .root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
    {
        for (name, _) in el.value().attrs() {
            assert!(
                !matches!(name, "href" | "src" | "srcset" | "action" | "xlink:href"),
                "<{} {name}>",
                el.value().name()
            );
        }
        assert!(!matches!(
            el.value().name(),
            "link" | "iframe" | "img" | "object" | "embed"
        ));
    }
    assert!(!html.contains("url("), "a CSS url()");
    assert!(!html.contains("@import"));
    assert!(!html.contains("http:") && !html.contains("https:"));
    // Charts are inline SVG.
    assert!(doc.select(&sel("svg")).count() > 5);
}

/// A CSV file read back as Excel would: BOM, separator, rows.
fn read_csv(bytes: &[u8], separator: u8) -> Vec<Vec<String>> {
    let body = bytes.strip_prefix("\u{feff}".as_bytes()).expect("a BOM");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .from_reader(body);
    reader
        .records()
        .map(|r| r.expect("a CSV record").iter().map(String::from).collect())
        .collect()
}

#[test]
fn csv_reads_back_with_danish_letters_and_the_language_s_separator() {
    let r = report("da");
    let names: Vec<String> = r.render(Format::Csv).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "steps.csv",
            "cards.csv",
            "actions.csv",
            "scores.csv",
            "positions.csv",
            "splits.csv",
            "stages.csv",
            "texts.csv"
        ]
    );
    let cards = read_csv(&file(&r, Format::Csv, "cards.csv"), b';');
    assert_eq!(cards[0][1], "Trin");
    let texts: Vec<&str> = cards[1..].iter().map(|row| row[5].as_str()).collect();
    assert!(texts.contains(&"Personlig kontakt på Ærø"));
    assert!(texts.contains(&HOSTILE), "quotes and ; survive: {texts:?}");
    assert_eq!(cards.len(), 1 + 7 + 1, "header, seven cards, one point");
    let actions = read_csv(&file(&r, Format::Csv, "actions.csv"), b';');
    assert_eq!(
        actions[1..],
        [
            vec![
                "beslutninger",
                "Beslutning om handlinger",
                "9",
                "Lav en plan for selvbetjening",
                "Søren Ærø",
                "1. marts",
                ""
            ],
            vec![
                "beslutninger",
                "Beslutning om handlinger",
                "10",
                "Besøg lægehuset på Mors",
                "Åse",
                "uge 3",
                ""
            ],
        ]
    );
    let steps = read_csv(&file(&r, Format::Csv, "steps.csv"), b';');
    assert_eq!(
        steps[3][2..],
        ["Brainstorm: nu og fremtid", "board", "45", "49"]
    );

    let en = read_csv(&file(&report("en"), Format::Csv, "steps.csv"), b',');
    assert_eq!(en[0][2], "Step");
    assert_eq!(en.len(), steps.len());
}

#[test]
fn json_parses_with_labels_ids_and_times() {
    let r = report("da");
    let json: serde_json::Value =
        serde_json::from_slice(&file(&r, Format::Json, "report.json")).expect("JSON");
    assert_eq!(json["format"], "flipover-report");
    assert_eq!(json["version"], 2);
    assert_eq!(json["session"]["name"], "Team Nord");
    assert_eq!(json["session"]["started"], "2026-11-23T09:00:00Z");
    assert_eq!(json["session"]["planned_minutes"], 180);
    let steps = json["steps"].as_array().expect("steps");
    assert_eq!(steps.len(), 9);
    let board = &steps[2];
    assert_eq!(board["id"], "brainstorm");
    assert_eq!(board["blocks"][1]["type"], "cards");
    assert_eq!(board["blocks"][1]["areas"][3]["cards"][0]["text"], HOSTILE);
    let actions = &steps[7]["blocks"][0]["actions"];
    assert_eq!(actions[0]["who"], "Søren Ærø");
    assert_eq!(actions[1]["when"], "uge 3");
}

#[test]
fn the_same_session_gives_the_same_bytes() {
    for format in Format::ALL {
        assert_eq!(report("da").render(format), report("da").render(format));
    }
}

/// docs/report.schema.json is the schema of the JSON the report writes.
/// `FLIPOVER_BLESS=1 cargo test --test export` rewrites it after a change.
#[test]
fn the_documented_schema_is_the_report_s() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/report.schema.json");
    let schema = export::json::schema();
    if std::env::var_os("FLIPOVER_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("docs")).expect("docs/");
        std::fs::write(&path, &schema).expect("write the schema");
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == schema,
        "docs/report.schema.json is out of date: run FLIPOVER_BLESS=1 cargo test --test export"
    );
}

#[test]
fn write_puts_every_format_into_the_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let written = export::write(&report("da"), &Format::ALL, dir.path()).expect("written");
    assert_eq!(written.len(), 11);
    for path in &written {
        assert!(path.is_file(), "{}", path.display());
    }
}

/// The command line: `flipover export --all` on a real session folder writes
/// the eleven files into its `report/` folder and says where; `-o -` prints.
/// (`FLIPOVER_REPORT_DIR=dir` keeps the data folder there, to look at.)
#[test]
fn the_export_command_writes_into_the_session_folder() {
    let w = common::workshop("da");
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = std::env::var_os("FLIPOVER_REPORT_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| tmp.path().to_path_buf());
    let now = jiff::Timestamp::from_millisecond(T0 as i64)
        .expect("T0")
        .to_zoned_datetime(utc());
    let (mut store, mut session) = storage::SessionStore::create(&root, &w, now).expect("create");
    for change in finished_changes(&w) {
        store.commit(&change).expect("commit");
        session.apply(&change);
    }
    let dir = store.dir().to_path_buf();
    drop(store);
    let config = tmp.path().join("config.toml");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_flipover"))
            .arg("--data-dir")
            .arg(&root)
            .args(args)
            .env("TZ", "UTC")
            .env("FLIPOVER_CONFIG", &config)
            .output()
            .expect("flipover runs")
    };
    let out = run(&["export", "--all"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    for name in [
        "report.md",
        "report.html",
        "report.json",
        "cards.csv",
        "actions.csv",
    ] {
        let path = dir.join("report").join(name);
        assert!(path.is_file(), "{name}");
        assert!(said.contains(&path.display().to_string()), "{said}");
    }
    let out = run(&["export", "--format", "json", "-o", "-"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(
        json["steps"][2]["blocks"][1]["areas"][3]["cards"][0]["text"],
        HOSTILE
    );
    let out = run(&["export", "nobody"]);
    assert!(!out.status.success());

    // The settings choose the formats when the command does not.
    let report = dir.join("report");
    std::fs::remove_dir_all(&report).expect("rm report");
    std::fs::write(&config, "report_formats = [\"html\", \"json\"]\n").expect("config");
    assert!(run(&["export"]).status.success());
    let mut written: Vec<_> = std::fs::read_dir(&report)
        .expect("report folder")
        .map(|e| e.expect("entry").file_name().into_string().expect("utf-8"))
        .collect();
    written.sort();
    assert_eq!(written, ["report.html", "report.json"]);
    assert!(run(&["export", "-f", "md"]).status.success());
    assert!(report.join("report.md").is_file(), "--format wins");
}

/// The organisation and the number of participants, when the workshop file
/// was prepared with them (`flipover new --org … --participants …`).
#[test]
fn the_report_names_the_organisation_and_the_participants() {
    let mut w = (*common::workshop("da")).clone();
    w.plan.org = "Egedal Kommune".into();
    w.plan.participants = Some(12);
    let r = Report::new(&w, &common::session(&w), T0, utc());
    let md = export::markdown::render(&r);
    assert!(md.contains("- **Organisation:** Egedal Kommune"), "{md}");
    assert!(md.contains("- **Deltagere:** 12"), "{md}");
    let html = export::html::render(&r);
    assert!(html.contains("<dt>Deltagere</dt><dd>12</dd>"), "{html}");
}

/// A split the room left at 105 %, and one with two categories not set: the
/// report shows the real numbers — the total as it is, said to be off, and the
/// shares of the rest in brackets — in every format, in both languages.
#[test]
fn a_split_off_100_is_reported_as_it_is() {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sessions/v1-topledelsens-tjek");
    let (lib, _) = Library::embedded();
    for (lang, over, rest) in [
        (
            "da",
            "| **105 % – 5 for meget** |",
            "| (15 %) | (15 %) | 100 % |",
        ),
        (
            "en",
            "| **105% – 5 too many** |",
            "| (15%) | (15%) | 100% |",
        ),
    ] {
        let mut session = storage::read(&dir).expect("the fixture reads").session;
        session.meta.lang = lang.into();
        let table = |pairs: &[(&str, i64)]| {
            Some(Value::Table(
                pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            ))
        };
        for (unit, value) in [
            ("a", table(&[("effektiviser", 40), ("moderniser", 30)])),
            (
                "b",
                table(&[
                    ("effektiviser", 40),
                    ("moderniser", 35),
                    ("gentaenk-services", 20),
                    ("gentaenk-forretning", 10),
                ]),
            ),
        ] {
            session.apply(&Change::Set {
                step: "portefolje".into(),
                key: unit.into(),
                value,
            });
        }
        let w = lib
            .workshop(&session.meta.workshop, Some(lang))
            .expect("shipped");
        let r = Report::new(w, &session, T0, utc());

        let md = export::markdown::render(&r);
        assert!(md.contains(over), "{md}");
        assert!(md.contains(rest), "{md}");
        assert!(md.contains(r.words().rest_note), "{md}");

        let json: serde_json::Value =
            serde_json::from_slice(&file(&r, Format::Json, "report.json")).expect("JSON");
        let splits = json["steps"]
            .as_array()
            .expect("steps")
            .iter()
            .flat_map(|s| s["blocks"].as_array().cloned().unwrap_or_default())
            .find(|b| b["type"] == "splits")
            .expect("a splits block");
        assert_eq!(
            splits["units"][0]["percents"],
            serde_json::json!([40, 30, null, null])
        );
        assert_eq!(
            splits["units"][0]["rest"],
            serde_json::json!([null, null, 15, 15])
        );
        assert_eq!(splits["units"][1]["total"], 105);

        // The 105 % bar stays in its box, and its total is marked.
        let html = String::from_utf8(file(&r, Format::Html, "report.html")).expect("utf-8");
        let doc = scraper::Html::parse_document(&html);
        let sel = |s: &str| scraper::Selector::parse(s).expect("selector");
        let bars: Vec<_> = doc
            .select(&sel("td.chart svg rect[fill-opacity]"))
            .collect();
        assert_eq!(bars.len(), 8, "four parts in each unit");
        for rect in bars {
            let num = |a: &str| rect.attr(a).and_then(|v| v.parse::<f64>().ok()).expect(a);
            assert!(num("x") + num("width") <= 420.05, "{}", rect.html());
        }
        let off: Vec<String> = doc
            .select(&sel("td.num.over"))
            .map(|t| t.text().collect())
            .collect();
        assert_eq!(off.len(), 1, "{off:?}");
        assert!(off[0].starts_with("105"), "{off:?}");
    }
}

/// A workshop whose clock was never started began when its session was
/// opened: the report gives that time, not "not started".
#[test]
fn without_a_clock_the_start_is_when_the_session_was_opened() {
    let w = common::workshop("da");
    let s = common::session(&w);
    let r = Report::new(&w, &s, T0, utc());
    let md = export::markdown::render(&r);
    let start = r.clock(&s.meta.created);
    assert!(
        md.contains(&format!("- **Start:** {start} · **Slut:** ikke afsluttet")),
        "{md}"
    );
    let html = export::html::render(&r);
    assert!(
        html.contains(&format!("<dd>{start} – ikke afsluttet</dd>")),
        "{html}"
    );
}
