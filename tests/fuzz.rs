//! A mutation fuzzer on stable Rust: the shipped content and workshop files,
//! the broken fixtures and a real session folder, mutated (bytes flipped, TOML
//! tokens inserted, ranges cut, doubled or spliced from another file) and fed
//! to the loader, the checker, the session reader and the room view's first
//! frame. Nothing may panic or hang; every problem must print cleanly.
//!
//! CI runs a fixed number of cases from a fixed seed, so a failure repeats.
//! A long run: `FLIPOVER_FUZZ_SECS=600 cargo test --release --test fuzz -- --nocapture`
//! (`FLIPOVER_FUZZ_SEED` picks another sequence). An input that panics is
//! written to `target/fuzz-failure-*` before the test fails.

mod common;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::time::{Duration, Instant};

use flipover::content::{EMBEDDED, Library, SourceFile};
use flipover::session::{Change, Item, Live, View};
use flipover::storage::{self, SessionStore};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Cases in a CI run: a few seconds in a debug build.
const CI_CASES: u64 = 500;

/// Session cases that got as far as a drawn room view (the reader accepted them).
static DRAWN: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// xorshift64*: a small, seedable generator, so a failing case can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Pieces that make a TOML parser and the checks take unusual paths.
const TOKENS: &[&str] = &[
    "\"",
    "'",
    "'''",
    "\"\"\"",
    "[",
    "]",
    "[[steps]]",
    "[[items]]",
    "{",
    "}",
    "=",
    ",",
    "\n",
    "\r\n",
    "#",
    "\\u001b",
    "\\",
    "\u{0}",
    "\u{1b}[2J",
    "\u{202e}",
    "æøå",
    "🙂",
    "-1",
    "0",
    "4294967296",
    "99999999999999999999",
    "1e999",
    "nan",
    "true",
    "1979-05-27T07:32:00Z",
    "id = \"\"",
    "kind = \"board\"",
    "kind = \"workshop\"",
    "content = \"ni-raad\"",
    "minutes = 0",
    "step = \"\"",
    "x = [[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]",
    "c1 = { change = \"put\" }",
    "journal = 18446744073709551615",
];

fn mutate(rng: &mut Rng, seed: &[u8], other: &[u8]) -> Vec<u8> {
    let mut out = seed.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(6) {
            0 => {
                if let Some(b) = out.get_mut(at) {
                    *b ^= 1 << rng.below(8);
                }
            }
            1 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                out.splice(at..at, t.bytes());
            }
            2 => {
                let end = (at + rng.below(64)).min(out.len());
                out.drain(at..end);
            }
            3 => {
                let end = (at + rng.below(256)).min(out.len());
                let piece = out[at..end].to_vec();
                out.splice(at..at, piece);
            }
            4 => {
                let from = rng.below(other.len() + 1);
                let end = (from + rng.below(512)).min(other.len());
                out.splice(at..at, other[from..end].iter().copied());
            }
            _ => out.truncate(at),
        }
    }
    out
}

/// A real session folder's files, to mutate.
fn session_files(root: &Path) -> [(String, Vec<u8>); 3] {
    let w = common::workshop("da");
    let now = jiff::Timestamp::from_millisecond(common::T0 as i64)
        .expect("time")
        .to_zoned_datetime(jiff::tz::TimeZone::UTC);
    let (mut store, _) = SessionStore::create(root, &w, now).expect("create");
    for (i, text) in ["Vi kender borgerne", "Tryghed – æøå"].iter().enumerate() {
        let change = Change::Put {
            step: "brainstorm".into(),
            item: Item::new(i as u64 + 1, "nu-fordele", text),
        };
        store.commit(&change).expect("commit");
    }
    let live = Live {
        seen: common::T0,
        draft: None,
        view: View {
            advice: Some(1),
            ..View::default()
        },
    };
    store.save_live(&live).expect("live");
    let dir = store.dir().to_path_buf();
    drop(store);
    ["answers.toml", "journal.toml", "live.toml"]
        .map(|f| (f.to_string(), std::fs::read(dir.join(f)).expect("read")))
}

/// One case: `bytes` as a content or workshop file, loaded with the shipped
/// files so a workshop's references resolve; every problem printed.
fn content_case(bytes: Vec<u8>, with_shipped: bool) {
    let mut files: Vec<SourceFile> = Vec::new();
    if with_shipped {
        files.extend(EMBEDDED.iter().map(|(p, t)| SourceFile {
            path: (*p).to_string(),
            bytes: t.as_bytes().to_vec(),
            embedded: true,
        }));
    }
    files.push(SourceFile {
        path: "fuzz.toml".into(),
        bytes,
        embedded: false,
    });
    let mut problems = Vec::new();
    let _ = Library::from_files(&files, &mut problems);
    for p in &problems {
        let shown = p.to_string();
        assert!(
            !shown.contains('\u{1b}'),
            "a problem printed an escape: {shown:?}"
        );
    }
}

/// One case: a session folder with one file replaced by `bytes`, read, opened
/// and drawn as the room view sees it.
fn session_case(dir: &Path, good: &[(String, Vec<u8>)], which: usize, bytes: &[u8], lib: &Library) {
    for (i, (name, content)) in good.iter().enumerate() {
        let body = if i == which { bytes } else { content };
        std::fs::write(dir.join(name), body).expect("write");
    }
    let Ok(loaded) = storage::read(dir) else {
        return;
    };
    if let Some(app) = flipover::follow::room_app(lib, loaded, None, jiff::tz::TimeZone::UTC) {
        DRAWN.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
        terminal
            .draw(|f| flipover::ui::draw(f, &app, &flipover::ui::Theme::monochrome()))
            .expect("draw");
    }
    if let Ok((_store, _session, _live)) = SessionStore::open(dir) {
        // Opening may cut a torn line; the next case rewrites every file.
    }
}

/// One case to run on its input.
type Case<'a> = Box<dyn FnOnce(&[u8]) + 'a>;

#[test]
fn mutated_files_never_panic() {
    let secs: Option<u64> = std::env::var("FLIPOVER_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok());
    let seed: u64 = std::env::var("FLIPOVER_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5EED_F11F_0FE2);
    let mut rng = Rng(seed | 1);
    let (lib, _) = Library::embedded();
    let tmp = tempfile::tempdir().expect("tempdir");
    let good = session_files(tmp.path());
    let dir = tmp.path().join("case");
    std::fs::create_dir(&dir).expect("mkdir");

    let mut seeds: Vec<Vec<u8>> = EMBEDDED
        .iter()
        .map(|(_, t)| t.as_bytes().to_vec())
        .collect();
    if let Ok(entries) = std::fs::read_dir("tests/fixtures/broken") {
        seeds.extend(
            entries
                .filter_map(Result::ok)
                .filter_map(|e| std::fs::read(e.path()).ok()),
        );
    }

    let deadline = secs.map(|s| Instant::now() + Duration::from_secs(s));
    let (mut cases, mut content_cases, mut session_cases) = (0u64, 0u64, 0u64);
    loop {
        let done = match deadline {
            Some(d) => Instant::now() >= d,
            None => cases >= CI_CASES,
        };
        if done {
            break;
        }
        cases += 1;
        let on_session = rng.below(3) == 0;
        let (input, run): (Vec<u8>, Case<'_>) = if on_session {
            session_cases += 1;
            let which = rng.below(good.len());
            let other = &seeds[rng.below(seeds.len())];
            let input = mutate(&mut rng, &good[which].1, other);
            let (dir, good, lib) = (&dir, &good, &lib);
            (
                input,
                Box::new(move |b| session_case(dir, good, which, b, lib)),
            )
        } else {
            content_cases += 1;
            let seed = &seeds[rng.below(seeds.len())];
            let other = &seeds[rng.below(seeds.len())];
            let input = mutate(&mut rng, seed, other);
            // The shipped files make a case ten times dearer; every eighth has them.
            let with_shipped = rng.below(8) == 0;
            (
                input,
                Box::new(move |b| content_case(b.to_vec(), with_shipped)),
            )
        };
        if catch_unwind(AssertUnwindSafe(|| run(&input))).is_err() {
            let path = format!("target/fuzz-failure-{seed}-{cases}.toml");
            let _ = std::fs::write(&path, &input);
            panic!("case {cases} (seed {seed}) panicked; its input is in {path}");
        }
    }
    println!(
        "fuzz: {cases} cases ({content_cases} content/workshop, {session_cases} session, {} drawn), seed {seed}, 0 panics",
        DRAWN.load(std::sync::atomic::Ordering::Relaxed)
    );
}
