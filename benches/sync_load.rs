//! A bounded load test of sync on loopback (issue 24): a throwaway
//! PostgreSQL 15 (fsync on, Unix socket), 50 reps with a store each.
//!
//! - Burst: each rep makes 100 changes offline, then all 50 sync at once.
//! - Steady: each rep makes a change and syncs, 20 times, all at once.
//!
//! Prints the server's throughput and the slowest sync.
//! `cargo bench --bench sync_load` (LOAD_REPS and LOAD_CHANGES change the
//! numbers).

#[path = "../tests/common/postgres.rs"]
#[allow(dead_code)]
mod postgres;

use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use leadline::app::{AccountInput, App, TouchInput};
use leadline::clock::SystemClock;
use leadline::config::Config;
use leadline::domain::{AccountId, Direction, Purpose, TouchKind};

fn number(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn call(account: AccountId, n: usize) -> TouchInput {
    TouchInput {
        account,
        kind: TouchKind::Call,
        direction: Direction::Outbound,
        outcome: None,
        note: format!("call {n}"),
        lesson: String::new(),
        at: None,
        next: None,
        purpose: Purpose::Ordinary,
        amount: None,
        lower_grade: false,
        lost_to: None,
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let reps = number("LOAD_REPS", 50);
    let changes = number("LOAD_CHANGES", 100);
    let Some(cluster) = postgres::Cluster::start_with(true) else { return };
    let roles: Vec<String> = (1..=reps).map(|n| format!("rep{n}")).collect();
    let admin = Config::default();
    leadline::app::team::init_team(&admin, Some(&cluster.url("admin")), &roles, &[]).unwrap();
    let root = tempfile::tempdir().unwrap();
    let mut apps = Vec::new();
    for role in &roles {
        let mut config = Config::default();
        config.sync.url = Some(cluster.url(role));
        config.sync.device = Some("laptop".into());
        let app = App::open_at(&root.path().join(role), Box::new(SystemClock)).unwrap().with_config(config);
        let input = AccountInput { name: Some(format!("{role}'s farm")), ..AccountInput::default() };
        let account = app.add_account(&input, None).unwrap().value.account.id;
        app.sync().unwrap();
        apps.push((app, account));
    }

    // Burst: the changes made offline, then every rep syncs at once.
    for (app, account) in &apps {
        for n in 0..changes {
            app.log_touch(&call(*account, n)).unwrap();
        }
    }
    let barrier = Arc::new(Barrier::new(reps));
    let started = Instant::now();
    let mut burst: Vec<Duration> = std::thread::scope(|scope| {
        let handles: Vec<_> = apps
            .iter()
            .map(|(app, _)| {
                let barrier = Arc::clone(&barrier);
                scope.spawn(move || {
                    barrier.wait();
                    let start = Instant::now();
                    let report = app.sync().unwrap();
                    assert_eq!(report.sent, changes);
                    start.elapsed()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let wall = started.elapsed();
    burst.sort();
    let sent = reps * changes;
    println!(
        "burst: {reps} reps x {changes} changes = {sent} changes synced at once in {:.2} s: {:.0} changes/s; \
         sync p50 {:.0} ms, slowest {:.0} ms",
        wall.as_secs_f64(),
        sent as f64 / wall.as_secs_f64(),
        percentile(&burst, 0.5).as_secs_f64() * 1000.0,
        burst.last().unwrap().as_secs_f64() * 1000.0,
    );

    // Steady: a change and a sync, again and again, every rep at once.
    let rounds = 20;
    let started = Instant::now();
    let mut steady: Vec<Duration> = std::thread::scope(|scope| {
        let handles: Vec<_> = apps
            .iter()
            .map(|(app, account)| {
                scope.spawn(move || {
                    (0..rounds)
                        .map(|n| {
                            app.log_touch(&call(*account, changes + n)).unwrap();
                            let start = Instant::now();
                            app.sync().unwrap();
                            start.elapsed()
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap()).collect()
    });
    let wall = started.elapsed();
    steady.sort();
    println!(
        "steady: {reps} reps x {rounds} (change, sync) = {} syncs in {:.2} s: {:.0} syncs/s; \
         sync p50 {:.0} ms, p99 {:.0} ms, slowest {:.0} ms",
        steady.len(),
        wall.as_secs_f64(),
        steady.len() as f64 / wall.as_secs_f64(),
        percentile(&steady, 0.5).as_secs_f64() * 1000.0,
        percentile(&steady, 0.99).as_secs_f64() * 1000.0,
        steady.last().unwrap().as_secs_f64() * 1000.0,
    );
}
