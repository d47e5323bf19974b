//! Criterion benchmarks of the store and search, on demo books of 10k and
//! 100k accounts with 20 touches each (built once under target/bench-books).
//! Run: cargo bench --bench store   (see docs/PERFORMANCE.md)

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDateTime;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use leadline::analysis::focus::focus;
use leadline::analysis::plan::plan;
use leadline::analysis::ranking::rank;
use leadline::app::demo::DemoOptions;
use leadline::app::{App, TouchInput};
use leadline::clock::{FixedClock, parse_timestamp};
use leadline::config::Config;
use leadline::domain::{AccountId, Direction, TouchKind};
use leadline::search::Query;

fn now() -> NaiveDateTime {
    parse_timestamp("2026-11-27T09:00").unwrap()
}

fn app(dir: &Path) -> App {
    App::open_at(dir, Box::new(FixedClock(now()))).expect("open bench book")
}

/// A compacted demo book of `accounts` accounts, built on first use.
fn book(accounts: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-books/{accounts}"));
    let ready = dir.join(".ready");
    if !ready.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        let app = app(&dir);
        app.fill_demo(DemoOptions { accounts, seed: 1, touches_per_account: 20, ..DemoOptions::default() })
            .expect("demo fill");
        // Sealed as the binary leaves a store: an unsealed one is read
        // through on its next open.
        app.compact().expect("compact").0.seal();
        std::fs::write(&ready, b"").unwrap();
    }
    dir
}

fn open_and_load(c: &mut Criterion) {
    let mut group = c.benchmark_group("open");
    group.sample_size(20).measurement_time(Duration::from_secs(10));
    for accounts in [10_000, 100_000] {
        let dir = book(accounts);
        group.bench_function(format!("open store, {accounts} accounts"), |b| b.iter(|| drop(app(&dir))));
        group.bench_function(
            format!(
                "open store and load the book (summaries, search index, incentives), {accounts} accounts"
            ),
            |b| {
                b.iter(|| {
                    let summaries = app(&dir).load_book().unwrap().summaries;
                    assert_eq!(summaries.len(), accounts);
                })
            },
        );
        let app = app(&dir);
        group.bench_function(format!("today's plan (7 days), {accounts} accounts, store open"), |b| {
            b.iter(|| app.agenda(7, leadline::app::Words::Today).unwrap())
        });
        // The ranking alone, as the TUI runs it on the summaries it holds.
        let summaries = app.load_book().unwrap().summaries;
        let mut config = Config::default();
        config.holidays.dates.insert(now().date() + chrono::Duration::days(3), "holiday".into());
        let marks = app.marks(&summaries);
        group.bench_function(format!("rank today, {accounts} accounts, summaries in memory"), |b| {
            b.iter(|| rank(&summaries, now().date(), &config, &marks))
        });
        group.bench_function(format!("plan 7 days, {accounts} accounts, summaries in memory"), |b| {
            b.iter(|| plan(&summaries, now().date(), 7, &config, &marks, &[]))
        });
    }
    group.finish();
}

/// The 80/20 report: from the summaries in memory (the TUI), and from an
/// open store (`leadline focus`: summaries, referrals, report).
fn focus_report(c: &mut Criterion) {
    let mut group = c.benchmark_group("focus");
    group.sample_size(20).measurement_time(Duration::from_secs(10));
    for accounts in [10_000, 100_000] {
        let app = app(&book(accounts));
        let summaries = app.load_book().unwrap().summaries;
        let touch_days: usize = summaries.iter().map(|s| s.touch_days.len()).sum();
        assert!(touch_days >= accounts * 10, "the book has its touches: {touch_days}");
        let incentives = app.incentive_costs().unwrap();
        let config = Config::default();
        group.bench_function(format!("focus report, {accounts} accounts, summaries in memory"), |b| {
            b.iter(|| focus(&summaries, now().date(), &config, &incentives))
        });
        group.bench_function(format!("focus report, {accounts} accounts, store open"), |b| {
            b.iter(|| app.focus_report().unwrap())
        });
        let report = app.competitor_report().unwrap();
        assert!(
            report.rows.iter().map(|r| r.accounts.len()).sum::<usize>() >= accounts / 5,
            "the book has notes"
        );
        group.bench_function(format!("competitor report, {accounts} accounts, store open"), |b| {
            b.iter(|| app.competitor_report().unwrap())
        });
    }
    group.finish();
}

fn log_touch(c: &mut Criterion) {
    let mut group = c.benchmark_group("log");
    group.sample_size(50);
    let app = app(&book(10_000));
    let mut next = 0u64;
    group.bench_function("log a call, durable, 10000 accounts", |b| {
        b.iter_batched(
            || {
                next += 1;
                TouchInput {
                    account: AccountId(next % 10_000 + 1),
                    kind: TouchKind::Call,
                    direction: Direction::Outbound,
                    outcome: None,
                    note: format!("bench {next}"),
                    lesson: String::new(),
                    at: None,
                    next: None,
                    purpose: leadline::domain::Purpose::Ordinary,
                    amount: None,
                    lower_grade: false,
                    lost_to: None,
                }
            },
            |input| app.log_touch(&input).unwrap(),
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

/// What a durable commit costs beyond sled's own flush.
fn flush_cost(c: &mut Criterion) {
    let mut group = c.benchmark_group("flush");
    group.sample_size(50);
    let dir = tempfile::tempdir().unwrap();
    let db = sled::open(dir.path()).unwrap();
    let tree = db.open_tree("data").unwrap();
    let file = std::fs::File::open(dir.path().join("db")).unwrap();
    let value = vec![7u8; 2_000];
    let mut key = 0u64;
    group.bench_function("insert 2 KB + sled flush (sync_file_range)", |b| {
        b.iter(|| {
            key += 1;
            tree.insert(key.to_be_bytes(), value.as_slice()).unwrap();
            db.flush().unwrap();
        })
    });
    group.bench_function("insert 2 KB + sled flush + fsync", |b| {
        b.iter(|| {
            key += 1;
            tree.insert(key.to_be_bytes(), value.as_slice()).unwrap();
            db.flush().unwrap();
            file.sync_all().unwrap();
        })
    });
    group.finish();
}

fn search_queries(c: &mut Criterion) {
    let mut group = c.benchmark_group("search");
    group.sample_size(30);
    let store = app(&book(100_000));
    let (index, _) = store.search_index().unwrap();
    for query in ["zw", "张伟", "zhang wei", "anna", "1380"] {
        let parsed = Query::parse(query);
        group.bench_function(format!("query '{query}', 100000 accounts"), |b| {
            b.iter(|| index.search(&parsed, 20))
        });
    }
    group.bench_function("load the search index, 100000 accounts", |b| {
        b.iter(|| {
            let (index, _) = store.search_index().unwrap();
            index.len()
        })
    });
    group.finish();
}

criterion_group!(benches, open_and_load, focus_report, log_touch, flush_cost, search_queries);
criterion_main!(benches);
