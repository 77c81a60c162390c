//! The quality bars that are about speed, measured:
//! - a commit costs the same at 10 cards as at 10,000 (`commit/…`);
//! - a key handled and a frame drawn with 5,000 cards on the board (`key_and_frame`);
//! - the same on the closing screen with 20 long decisions (`key_and_frame/closing…`);
//! - the work before the first frame next to a bare ratatui frame (`start/…`);
//! - the report of a 10,000-card session in each format (`export_10000_cards/…`).

use std::hint::black_box;
use std::sync::Arc;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use flipover::app::{App, Options, Presentation};
use flipover::content::{DEFAULT_WORKSHOP, Library, Workshop};
use flipover::export::{Format, Report};
use flipover::session::{Change, Item, Meta, Session};
use flipover::storage::SessionStore;
use flipover::ui::{self, Theme, ThemeName};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::widgets::Paragraph;

fn workshop() -> Arc<Workshop> {
    let (lib, _) = Library::embedded();
    Arc::new(
        lib.workshop(DEFAULT_WORKSHOP, Some("da"))
            .expect("shipped")
            .clone(),
    )
}

fn card(id: u64) -> Change {
    let areas = [
        "nu-fordele",
        "fremtid-fordele",
        "nu-ulemper",
        "fremtid-ulemper",
    ];
    Change::Put {
        step: "brainstorm".into(),
        item: Item::new(
            id,
            areas[(id % 4) as usize],
            &format!("Kort nummer {id} om borgerne, tiden og den nye teknologi – æøå"),
        ),
    }
}

fn session_with(w: &Workshop, cards: u64) -> Session {
    let meta = Meta {
        id: "bench".into(),
        workshop: w.id.clone(),
        lang: "da".into(),
        title: w.title.clone(),
        created: "2026-11-23T09:00:00Z".into(),
        name: String::new(),
        archived: false,
    };
    let mut s = Session::new(meta, w);
    for id in 1..=cards {
        s.apply(&card(id));
    }
    s.step = "brainstorm".into();
    s
}

fn commit(c: &mut Criterion) {
    let w = workshop();
    let mut group = c.benchmark_group("commit");
    group.sample_size(30);
    for n in [10u64, 10_000] {
        let root = tempfile::tempdir().expect("tempdir");
        let (mut store, _) =
            SessionStore::create(root.path(), &w, jiff::ZonedDateTime::now()).expect("create");
        let mut session = session_with(&w, n);
        store.snapshot(&session).expect("snapshot");
        let mut next = n + 1;
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| {
                // What the runtime does per commit: append + fsync, apply, and
                // snapshot when the journal has grown past the session's size.
                let change = card(next);
                store.commit(&change).expect("commit");
                session.apply(&change);
                if store.wants_snapshot(&session) {
                    store.snapshot(&session).expect("snapshot");
                }
                // Keep the session at its size so both runs measure n cards.
                let remove = Change::Remove {
                    step: "brainstorm".into(),
                    id: next,
                };
                session.apply(&remove);
                next += 1;
            });
        });
    }
    group.finish();
}

/// A key as the console handles it: through the key table into `update`.
fn press(app: &mut App, code: KeyCode) {
    if let Some(msg) = app.translate(&KeyEvent::new(code, KeyModifiers::NONE)) {
        app.update(msg, 0);
    }
}

fn key_and_frame(c: &mut Criterion) {
    let w = workshop();
    let mut app = App::new(
        Arc::clone(&w),
        session_with(&w, 5_000),
        0,
        Options::default(),
    );
    // Focus the first quadrant, with 1,250 cards in it.
    for code in [KeyCode::Tab, KeyCode::Tab] {
        press(&mut app, code);
    }
    down_and_up("key_and_frame/5000_cards", c, &mut app, (200, 50));
}

/// Benchmark `name`: ↓ and ↑ in turn on `app`, each key followed by a frame
/// of `size`.
fn down_and_up(name: &str, c: &mut Criterion, app: &mut App, size: (u16, u16)) {
    let theme = Theme::new(ThemeName::Dark, false);
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("terminal");
    let mut down = true;
    c.bench_function(name, |b| {
        b.iter(|| {
            let code = if down { KeyCode::Down } else { KeyCode::Up };
            down = !down;
            press(app, code);
            terminal.draw(|f| ui::draw(f, app, &theme)).expect("draw");
        });
    });
}

/// The closing screen at 80×24 with 20 decisions whose who and by when run
/// to 100 characters: ↓/↑ through them, each a key and a frame.
fn closing_key_and_frame(c: &mut Criterion) {
    let w = workshop();
    let mut session = session_with(&w, 0);
    for id in 1..=20 {
        session.apply(&Change::Put {
            step: "beslutninger".into(),
            item: Item {
                who: "Direktøren sammen med den digitale chef, de to teamledere fra borgerservice og tillidsrepræsentanten".into(),
                when: "Ved udgangen af andet kvartal 2026, med en første statusrapport på ledermødet i maj og en opfølgning i juni".into(),
                ..Item::new(id, "", &format!("Lav en fælles plan nummer {id} for, hvordan vi samler hele enheden om det digitale arbejde"))
            },
        });
    }
    session.step = "afslutning".into();
    let mut app = App::new(Arc::clone(&w), session, 0, Options::default());
    app.update(flipover::app::Msg::Resize(80, 24), 0);
    press(&mut app, KeyCode::PageDown);
    assert!(app.closing(), "on the closing screen");
    down_and_up(
        "key_and_frame/closing_20_long_decisions_80x24",
        c,
        &mut app,
        (80, 24),
    );
}

fn start(c: &mut Criterion) {
    let mut group = c.benchmark_group("start");
    group.bench_function("bare_ratatui_frame", |b| {
        b.iter(|| {
            let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
            terminal
                .draw(|f| f.render_widget(Paragraph::new("flipover"), f.area()))
                .expect("draw");
            black_box(terminal);
        });
    });
    group.bench_function("load_content_and_first_frame", |b| {
        b.iter(|| {
            let w = workshop();
            let s = session_with(&w, 0);
            let app = App::new(w, s, 0, Options::default());
            let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
            terminal
                .draw(|f| ui::draw(f, &app, &Theme::new(ThemeName::Dark, false)))
                .expect("draw");
            black_box(terminal);
        });
    });
    group.finish();
}

fn projector_frame(c: &mut Criterion) {
    let w = workshop();
    let options = Options {
        presentation: Presentation::Projector,
        ..Options::default()
    };
    let app = App::new(Arc::clone(&w), session_with(&w, 200), 0, options);
    let theme = Theme::new(ThemeName::Dark, false);
    let mut terminal = Terminal::new(TestBackend::new(300, 90)).expect("terminal");
    c.bench_function("frame/projector_300x90_200_cards", |b| {
        b.iter(|| {
            terminal.draw(|f| ui::draw(f, &app, &theme)).expect("draw");
        });
    });
}

criterion_group!(
    benches,
    commit,
    key_and_frame,
    closing_key_and_frame,
    start,
    projector_frame,
    export
);
criterion_main!(benches);

/// The report of a session with 10,000 cards on the board (a quarter of them
/// voted on), in each format: the time from the session to the bytes.
fn export(c: &mut Criterion) {
    let w = workshop();
    let mut session = session_with(&w, 10_000);
    for id in (1..=10_000u64).step_by(4) {
        if let Some(mut item) = session.find("brainstorm", id).cloned() {
            item.votes = (id % 7) as u32;
            session.apply(&Change::Put {
                step: "brainstorm".into(),
                item,
            });
        }
    }
    let mut group = c.benchmark_group("export_10000_cards");
    group.sample_size(20);
    for format in Format::ALL {
        group.bench_function(format!("{format:?}").to_lowercase(), |b| {
            b.iter(|| {
                let report = Report::new(&w, &session, 0, jiff::tz::TimeZone::UTC);
                black_box(report.render(format))
            })
        });
    }
    group.finish();
}
