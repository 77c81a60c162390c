//! Content files: the shipped ones load and say what they must; broken ones are
//! reported at the exact path:line:col.

use std::path::PathBuf;

use flipover::content::{Library, StepKind};

#[test]
fn every_shipped_file_loads_in_both_languages_with_the_same_ids() {
    let (lib, problems) = Library::embedded();
    assert!(problems.is_empty(), "{problems:#?}");
    let ids = |lang| -> Vec<String> { lib.contents(lang).map(|c| c.id().to_string()).collect() };
    assert_eq!(ids("da"), ids("en"), "the same content in both languages");
    for id in [
        "ni-raad",
        "nu-og-fremtid",
        "modenhedsscan",
        "portefolje",
        "risikovillighed",
        "arketyper",
        "involveringsstigen",
        "forandringskurven",
        "fortaellefisken",
        "tre-paradigmer",
        "organiseringsformer",
        "fem-perspektiver",
        "politiske-scenarier",
        "ni-raad-tjek",
        "dilemmaer",
        "selvvurdering",
        "syv-spoergsmaal",
    ] {
        assert!(ids("da").iter().any(|i| i == id), "{id} is shipped");
    }
    for lang in ["da", "en"] {
        let workshops: Vec<&str> = lib.workshops(lang).map(|w| w.id.as_str()).collect();
        assert_eq!(
            workshops,
            ["3-timers-workshop", "syv-spoergsmaal", "topledelsens-tjek"]
        );
    }
}

#[test]
fn the_nine_advice_sit_in_their_three_phases() {
    let (lib, _) = Library::embedded();
    let w = lib
        .workshop("3-timers-workshop", Some("da"))
        .expect("workshop");
    let StepKind::Model(model) = &w.steps[1].kind else {
        panic!("the inspiration talk shows the model");
    };
    assert_eq!(
        model.centre,
        "Digital transformation med borgeren i centrum"
    );
    let phases: Vec<(&str, Vec<u32>)> = model
        .phases
        .iter()
        .map(|p| {
            (
                p.title.as_str(),
                p.advice.iter().map(|a| a.number).collect(),
            )
        })
        .collect();
    assert_eq!(
        phases,
        [
            ("Situationsanalyse", vec![1, 2, 3]),
            ("Strategivalg", vec![4, 5, 6]),
            ("Udvikling og implementering", vec![7, 8, 9]),
        ]
    );
    let titles: Vec<&str> = model.advice().map(|a| a.title.as_str()).collect();
    assert_eq!(titles[0], "Stil de »dumme« spørgsmål");
    assert_eq!(titles[1], "Vurder din organisation");
    assert_eq!(titles[8], "Brug din politiske ledelse");
    for a in model.advice() {
        assert!(
            (3..=6).contains(&a.ideas.len()),
            "advice {} has {} ideas",
            a.number,
            a.ideas.len()
        );
        assert!((2..=4).contains(&a.questions.len()), "advice {}", a.number);
    }
}

#[test]
fn the_workshop_runs_180_minutes_from_welcome_to_close() {
    let (lib, _) = Library::embedded();
    for lang in ["da", "en"] {
        let w = lib
            .workshop("3-timers-workshop", Some(lang))
            .expect("workshop");
        assert_eq!(w.steps.iter().map(|s| s.minutes).sum::<u32>(), 180);
        let kinds: Vec<&str> = w.steps.iter().map(|s| s.kind.name()).collect();
        assert_eq!(
            kinds,
            [
                "info",
                "model",
                "board",
                "break",
                "stages",
                "discussion",
                "canvas",
                "decisions",
                "info"
            ]
        );
        let content: Vec<Option<&str>> = w.steps.iter().map(|s| s.kind.content_id()).collect();
        assert_eq!(content[4], Some("skal-eller-kan"));
        assert_eq!(content[6], Some("god-kommunikation"));
        assert!(w.steps.iter().all(|s| !s.purpose.is_empty()));
        let StepKind::Board { board, .. } = &w.steps[2].kind else {
            panic!("brainstorm is a board");
        };
        assert_eq!(board.areas.len(), 4);
        assert_eq!(board.situations.len(), 2);
        assert_eq!(board.steps.len(), 5);
        assert_eq!(board.inspiration.len(), 7);
        assert_eq!(board.closing.len(), 2);
    }
}

fn problems_of(file: &str) -> Vec<String> {
    let path = PathBuf::from("tests/fixtures/broken").join(file);
    let (_, problems) = Library::load(&[path]);
    problems.iter().map(|p| p.headline()).collect()
}

/// What `flipover check` prints for `file`, word for word.
fn report_of(file: &str) -> String {
    let path = PathBuf::from("tests/fixtures/broken").join(file);
    let (_, problems) = Library::load(&[path]);
    problems
        .iter()
        .map(|p| p.to_string())
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[test]
fn every_broken_fixture_is_reported_word_for_word() {
    let mut names: Vec<String> = std::fs::read_dir("tests/fixtures/broken")
        .expect("fixtures")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 8, "{names:?}");
    for name in names {
        let report = report_of(&name);
        assert!(!report.is_empty(), "{name} has a problem planted");
        insta::assert_snapshot!(name.trim_end_matches(".toml").to_string(), report);
    }
}

#[test]
fn an_unknown_field_is_pointed_at_with_the_closest_name() {
    assert_eq!(
        report_of("unknown-field.toml"),
        "tests/fixtures/broken/unknown-field.toml:9:1: unknown field `minuttes`\n  |\n9 | minuttes = 10\n  | ^^^^^^^^\n  = hint: did you mean `minutes`?"
    );
}

#[test]
fn a_field_name_with_escapes_never_reaches_the_terminal_raw() {
    let report = report_of("hostile-field.toml");
    assert!(!report.contains('\u{1b}'), "{report:?}");
    assert!(!report.contains('\u{7}'), "{report:?}");
    assert!(
        report.contains("unknown field `x\\u{1b}]0;pwned\\u{7}`"),
        "{report}"
    );
}

#[test]
fn minutes_that_do_not_add_up_and_a_missing_reference_are_both_reported() {
    assert_eq!(
        problems_of("bad-workshop.toml"),
        [
            "tests/fixtures/broken/bad-workshop.toml:6:11: the steps add up to 40 minutes, but the workshop says 45",
            "tests/fixtures/broken/bad-workshop.toml:21:11: no content \"ni-rad\" in language da",
        ]
    );
    assert!(report_of("bad-workshop.toml").contains("= hint: did you mean \"ni-raad\"?"));
}

#[test]
fn a_wrong_type_and_a_control_character_are_reported() {
    assert_eq!(
        problems_of("wrong-type.toml"),
        ["tests/fixtures/broken/wrong-type.toml:11:11: invalid type: string \"ti\", expected u32"]
    );
    assert_eq!(
        problems_of("control-char.toml"),
        [
            "tests/fixtures/broken/control-char.toml:11:11: control character U+001B is not allowed in text"
        ]
    );
}

#[test]
fn a_shipped_file_checked_by_its_path_is_not_a_duplicate_of_itself() {
    // The tests run in the repository, where ./content is scanned too.
    for path in [
        "content/da/ni-raad.toml",
        "./workshops/en/3-timers-workshop.toml",
    ] {
        let (lib, problems) = Library::load(&[PathBuf::from(path)]);
        assert!(problems.is_empty(), "{path}: {problems:#?}");
        assert!(lib.workshop("3-timers-workshop", Some("en")).is_some());
    }
}

#[test]
fn thirty_thousand_bad_items_stop_after_fifty_problems() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("mange.toml");
    let mut text = String::from(
        "id = \"mange\"\nkind = \"scale\"\nlang = \"da\"\nsource = \"t\"\ntitle = \"Mange\"\n",
    );
    for _ in 0..30_000 {
        text.push_str("[[items]]\nid = \"\"\ntitle = \"A\"\n");
    }
    std::fs::write(&path, text).expect("write");
    let (_, problems) = Library::load(&[path]);
    assert_eq!(problems.len(), 51, "50 shown and a summary");
    let last = problems
        .last()
        .map(|p| p.message.clone())
        .unwrap_or_default();
    // 30,000 empty ids, 29,999 of them also duplicates, and the item count.
    assert_eq!(last, "… and 59,950 more problems in this file");
}

#[test]
fn odd_bytes_and_huge_files_are_refused_without_a_panic() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("bytes.toml");
    std::fs::write(&bad, b"id = \"x\"\nkind = \"model\xff\xfe\"\n").expect("write");
    let huge = dir.path().join("huge.toml");
    std::fs::write(&huge, vec![b'#'; 2 * 1024 * 1024]).expect("write");
    let (_, problems) = Library::load(&[bad.clone(), huge.clone()]);
    let lines: Vec<String> = problems.iter().map(|p| p.headline()).collect();
    assert_eq!(
        lines,
        [
            format!("{}:2:14: the file is not valid UTF-8 here", bad.display()),
            format!(
                "{}:1:1: the file is 2097152 bytes; content files may be at most 1048576",
                huge.display()
            ),
        ]
    );
}

#[test]
fn the_leadership_check_runs_90_minutes_with_its_instruments() {
    let (lib, _) = Library::embedded();
    for lang in ["da", "en"] {
        let w = lib
            .workshop("topledelsens-tjek", Some(lang))
            .expect("workshop");
        assert_eq!(w.steps.iter().map(|s| s.minutes).sum::<u32>(), 90);
        let kinds: Vec<&str> = w.steps.iter().map(|s| s.kind.name()).collect();
        assert_eq!(
            kinds,
            [
                "info",
                "scale",
                "slider",
                "scale",
                "scale",
                "split",
                "decisions",
                "info"
            ]
        );
        let StepKind::Scale(nine) = &w.steps[1].kind else {
            panic!("the nine advice, checklist 1");
        };
        assert_eq!(
            (nine.about.id.as_str(), nine.items.len()),
            ("ni-raad-tjek", 9)
        );
        let StepKind::Scale(scan) = &w.steps[4].kind else {
            panic!("maturity scan");
        };
        assert_eq!(
            (scan.items.len(), scan.min, scan.max, scan.about.advice),
            (8, 1, 5, Some(2))
        );
        let StepKind::Scale(me) = &w.steps[3].kind else {
            panic!("self-assessment");
        };
        assert_eq!(me.items.len(), 12);
        assert!(me.votes, "each top leader scores themselves");
        let StepKind::Slider(dilemmas) = &w.steps[2].kind else {
            panic!("dilemmas");
        };
        assert_eq!(dilemmas.items.len(), 8);
        assert!(dilemmas.want);
        let StepKind::Split(portfolio) = &w.steps[5].kind else {
            panic!("portfolio");
        };
        assert_eq!((portfolio.categories.len(), portfolio.units.len()), (4, 2));
    }
}

/// The consultant's three planted mistakes — an unknown field, a dangling
/// reference, minutes that do not add up — all reported in one run, at their
/// lines (the parser alone stops at the first).
#[test]
fn every_mistake_of_a_file_is_reported_in_one_run() {
    assert_eq!(
        problems_of("three-mistakes.toml"),
        [
            "tests/fixtures/broken/three-mistakes.toml:6:11: the steps add up to 40 minutes, but the workshop says 60",
            "tests/fixtures/broken/three-mistakes.toml:14:1: unknown field `purpse`",
            "tests/fixtures/broken/three-mistakes.toml:21:11: no content \"ni-rad\" in language da",
        ]
    );
}

#[test]
fn broken_instruments_are_caught() {
    let lines = |f: &str| problems_of(f);
    assert_eq!(
        lines("scale-outside.toml"),
        [
            "tests/fixtures/broken/scale-outside.toml:8:7: scale values run from 1 to 5; 7 is outside"
        ]
    );
    assert_eq!(
        lines("split-short.toml"),
        [
            "tests/fixtures/broken/split-short.toml:9:1: the categories' max add up to 60 %, so the split cannot reach 100 %"
        ]
    );
    assert_eq!(
        lines("advice-without-model.toml"),
        [
            "tests/fixtures/broken/advice-without-model.toml:6:10: an instrument offered by an advice names its model too"
        ]
    );
    assert_eq!(
        lines("one-pole.toml"),
        [
            "tests/fixtures/broken/one-pole.toml:8:6: dilemma \"a\" has no right pole",
            "tests/fixtures/broken/one-pole.toml:15:9: a dilemma's right pole must not be empty",
        ]
    );
}

#[test]
fn the_seven_questions_workshop_runs_two_hours_with_canvas_and_stages() {
    let (lib, _) = Library::embedded();
    for lang in ["da", "en"] {
        let w = lib
            .workshop("syv-spoergsmaal", Some(lang))
            .expect("workshop");
        assert_eq!(w.steps.iter().map(|s| s.minutes).sum::<u32>(), 120);
        let kinds: Vec<&str> = w.steps.iter().map(|s| s.kind.name()).collect();
        assert_eq!(
            kinds,
            [
                "info",
                "model",
                "scale",
                "break",
                "discussion",
                "canvas",
                "stages",
                "decisions",
                "info"
            ]
        );
        let StepKind::Model(q) = &w.steps[1].kind else {
            panic!("the seven questions");
        };
        assert_eq!(q.advice().count(), 7);
        assert!(q.advice().all(|a| a.ideas.len() >= 3));
        let StepKind::Stages(curve) = &w.steps[6].kind else {
            panic!("the change curve");
        };
        assert_eq!(curve.stages.len(), 7);
        assert!(
            curve.stages.iter().all(|s| !s.advice.is_empty()),
            "the leader's answer at each stage"
        );
        let StepKind::Scale(status) = &w.steps[2].kind else {
            panic!("status");
        };
        assert!(status.votes);
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_a_device_and_a_huge_file_behind_links_are_refused_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("fifo.toml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.toml")).expect("link");
    // 72 MB, sparse: costs no disk, and its size is what the check must see.
    let big = tempfile::tempdir().expect("tempdir");
    let target = big.path().join("big.toml");
    std::fs::File::create(&target)
        .and_then(|f| f.set_len(72 * 1000 * 1000))
        .expect("big file");
    std::os::unix::fs::symlink(&target, dir.path().join("big.toml")).expect("link");
    // Every command loads ./content like this; a FIFO used to hang it forever.
    let (_, problems) = Library::load(&[dir.path().to_path_buf()]);
    let lines: Vec<String> = problems.iter().map(|p| p.headline()).collect();
    let shown = dir.path().display();
    assert_eq!(
        lines,
        [
            format!(
                "{shown}/big.toml:1:1: the file is 72000000 bytes; content files may be at most 1048576"
            ),
            format!("{shown}/fifo.toml:1:1: the file is a FIFO, not a regular file"),
            format!("{shown}/zero.toml:1:1: the file is a device, not a regular file"),
        ]
    );
}

/// Every shipped content file is of use: a shipped workshop runs it as a step,
/// or an advice of a model that a shipped workshop shows offers it.
#[test]
fn every_shipped_content_file_is_reachable_in_both_languages() {
    let (lib, problems) = Library::embedded();
    assert!(problems.is_empty(), "{problems:#?}");
    for lang in ["da", "en"] {
        let steps: Vec<&flipover::content::Step> =
            lib.workshops(lang).flat_map(|w| w.steps.iter()).collect();
        let in_steps: Vec<&str> = steps.iter().filter_map(|s| s.kind.content_id()).collect();
        let advice_shown: Vec<u32> = steps
            .iter()
            .filter_map(|s| match &s.kind {
                StepKind::Model(m) => Some(m.advice().map(|a| a.number)),
                _ => None,
            })
            .flatten()
            .collect();
        let unreachable: Vec<&str> = lib
            .contents(lang)
            .filter(|c| {
                !in_steps.contains(&c.id())
                    && !c.advice().is_some_and(|n| advice_shown.contains(&n))
            })
            .map(|c| c.id())
            .collect();
        assert!(
            unreachable.is_empty(),
            "{lang}: in no shipped workshop and offered by no advice: {unreachable:?}"
        );
    }
}

#[test]
fn each_advice_of_the_nine_has_an_instrument_and_at_most_five() {
    let (lib, _) = Library::embedded();
    for lang in ["da", "en"] {
        for n in 1..=9 {
            let offered = lib
                .instruments(lang)
                .filter(|c| c.advice() == Some(n))
                .count();
            assert!(
                (1..=5).contains(&offered),
                "{lang}: advice {n} offers {offered} instruments (keys 1–5)"
            );
        }
    }
}
