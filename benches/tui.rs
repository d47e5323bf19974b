//! Criterion benchmarks of the TUI: time to the first frame, one frame, one
//! search keystroke, on demo books of 10k and 100k accounts (shared with
//! the store benchmarks under target/bench-books).
//! Run: cargo bench --bench tui   (see docs/PERFORMANCE.md)

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use leadline::app::App;
use leadline::app::demo::DemoOptions;
use leadline::clock::{FixedClock, parse_timestamp};
use leadline::tui::model::{Model, Overlay, SearchState};
use leadline::tui::msg::Msg;
use leadline::tui::theme::Theme;
use leadline::tui::update::run_search;
use leadline::tui::{dispatch, start, views};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn app(dir: &Path) -> App {
    let now = parse_timestamp("2026-11-27T09:00").unwrap();
    App::open_at(dir, Box::new(FixedClock(now))).expect("open bench book")
}

fn book(accounts: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-books/{accounts}"));
    if !dir.join(".ready").exists() {
        let _ = std::fs::remove_dir_all(&dir);
        let app = app(&dir);
        app.fill_demo(DemoOptions { accounts, seed: 1, touches_per_account: 20, ..DemoOptions::default() })
            .expect("demo fill");
        // Sealed as the binary leaves a store: an unsealed one is read
        // through on its next open.
        app.compact().expect("compact").0.seal();
        std::fs::write(dir.join(".ready"), b"").unwrap();
    }
    dir
}

fn loaded(dir: &Path) -> (App, Model) {
    let app = app(dir);
    let mut model = Model::new(app.now(), 120, 40);
    start(&app, &mut model);
    (app, model)
}

fn first_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("tui");
    group.sample_size(20).measurement_time(Duration::from_secs(10));
    let theme = Theme { color: true };
    for accounts in [10_000, 100_000] {
        let dir = book(accounts);
        group.bench_function(format!("time to first frame, {accounts} accounts"), |b| {
            b.iter(|| {
                let (app, model) = loaded(&dir);
                let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
                terminal.draw(|frame| views::render(&model, &theme, frame)).unwrap();
                app.seal();
            })
        });
    }
    let (app, mut model) = loaded(&book(100_000));
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    for (screen, key) in [("Today", '1'), ("Pipeline", '2'), ("Customers", '3'), ("Focus", '7')] {
        dispatch(&app, &mut model, Msg::Key(KeyEvent::new(KeyCode::Char(key), KeyModifiers::NONE)));
        group.bench_function(format!("one frame of {screen}, 100000 accounts"), |b| {
            b.iter(|| {
                terminal.draw(|frame| views::render(&model, &theme, frame)).unwrap();
            })
        });
    }
    // What every save costs on top of the write: ranking, groups and the
    // focus report over the whole book, from the summaries in memory.
    group.bench_function("recompute the views after a change, 100000 accounts", |b| {
        b.iter(|| model.refresh())
    });
    dispatch(&app, &mut model, Msg::Key(KeyEvent::new(KeyCode::Char('3'), KeyModifiers::NONE)));
    dispatch(&app, &mut model, Msg::Key(KeyEvent::new(KeyCode::Char('G'), KeyModifiers::NONE)));
    group.bench_function("move to the bottom and draw, 100000 accounts", |b| {
        b.iter(|| {
            for key in ['g', 'G'] {
                dispatch(&app, &mut model, Msg::Key(KeyEvent::new(KeyCode::Char(key), KeyModifiers::NONE)));
            }
            terminal.draw(|frame| views::render(&model, &theme, frame)).unwrap();
        })
    });
    // Each step is one keystroke: the query grows by a character and
    // searches only what the previous query could match.
    for typed in ["z", "zh", "zha", "zhang", "a", "an", "ann", "anna", "1", "13", "138"] {
        group.bench_function(format!("search keystroke to '{typed}', 100000 accounts"), |b| {
            b.iter_batched(
                || {
                    let mut search = SearchState::default();
                    for c in typed[..typed.len() - 1].chars() {
                        search.input.insert(c);
                        run_search(&model, &mut search);
                    }
                    search.input.insert(typed.chars().last().unwrap());
                    search
                },
                |mut search| {
                    run_search(&model, &mut search);
                    search
                },
                BatchSize::SmallInput,
            )
        });
    }
    let mut search = SearchState::default();
    search.input.insert('z');
    run_search(&model, &mut search);
    model.overlay = Some(Overlay::Search(search));
    group.bench_function("one frame of the search popup, 100000 accounts", |b| {
        b.iter(|| {
            terminal.draw(|frame| views::render(&model, &theme, frame)).unwrap();
        })
    });
    group.finish();
}

criterion_group!(benches, first_frame);
criterion_main!(benches);
