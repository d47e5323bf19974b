//! Writers killed with SIGKILL in the middle of a burst: every write whose
//! command exited 0 must be there when the store is opened again.

mod common;

use std::collections::BTreeSet;
use std::os::unix::process::ExitStatusExt;
use std::process::Stdio;
use std::time::Duration;

use common::Book;

#[test]
fn every_write_reported_saved_survives_kills_mid_burst() {
    let book = Book::new();
    book.add(&["张伟"]);
    book.add(&["王芳"]);
    // Kill at a random point within about a writer's run time, adapting as
    // we go, so that about half the writers finish on any machine.
    let started = std::time::Instant::now();
    book.run(&["log", "sms", "1", "--note", "timing"]).ok();
    let mut window = (started.elapsed().as_micros() as u64).max(2_000);
    let mut rng = fastrand::Rng::with_seed(7);
    let mut saved: BTreeSet<String> = BTreeSet::new();
    let mut killed = 0;
    let mut failures = Vec::new();
    for i in 0..80 {
        let note = format!("w{i}");
        let target = if i % 2 == 0 { "1" } else { "2" };
        let mut child = book
            .command(&["log", "call", target, "--note", &note])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn writer");
        std::thread::sleep(Duration::from_micros(rng.u64(0..window)));
        let _ = child.kill();
        let output = child.wait_with_output().expect("wait for writer");
        match (output.status.code(), output.status.signal()) {
            (Some(0), _) => {
                saved.insert(note);
                window = window * 9 / 10;
            }
            (_, Some(9)) => {
                killed += 1;
                window = window * 11 / 10;
            }
            (code, signal) => {
                let next = book.run(&["list"]);
                failures.push(format!(
                    "writer {i}: {code:?}/{signal:?}: {} -- next open: {} {}",
                    String::from_utf8_lossy(&output.stderr).trim(),
                    next.code,
                    next.stderr.trim()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "writers failed: {failures:#?}");
    assert!(killed >= 5, "the burst should kill writers mid-way ({killed} killed)");
    assert!(saved.len() >= 5, "and let some finish ({} saved)", saved.len());
    let mut found: BTreeSet<String> = BTreeSet::new();
    for id in ["1", "2"] {
        let show = book.json(&["show", id, "--json"]);
        for touch in show["touches"].as_array().unwrap() {
            found.insert(touch["note"].as_str().unwrap().to_string());
        }
    }
    let missing: Vec<&String> = saved.difference(&found).collect();
    assert!(missing.is_empty(), "reported saved but lost: {missing:?}");
    let doctor = book.run(&["doctor"]);
    assert_eq!(doctor.code, 0, "{}", doctor.stdout);
}

/// Imports and repairs killed at random points: the store always opens
/// healthy, and an import is there whole or not at all (it is written in
/// batches, so a kill between two leaves an open change to roll back).
#[test]
fn imports_and_repairs_killed_midway_leave_all_or_nothing() {
    let book = Book::new();
    book.add(&["张伟", "--phone", "139 0000 0000"]);
    let csv = book.path("contacts.csv");
    let rows: String = (0..12_000).map(|i| format!("客户{i},138{i:08}\n")).collect();
    std::fs::write(&csv, format!("姓名,手机\n{rows}")).unwrap();
    let started = std::time::Instant::now();
    let copy = Book::new();
    copy.run(&["import", csv.to_str().unwrap()]).ok();
    let window = started.elapsed().as_micros() as u64;
    let mut rng = fastrand::Rng::with_seed(11);
    let (mut imported, mut killed) = (0, 0);
    for trial in 0..12 {
        let args: &[&str] =
            if trial % 4 == 3 { &["doctor", "--repair"] } else { &["import", csv.to_str().unwrap()] };
        let mut child = book.command(args).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
        std::thread::sleep(Duration::from_micros(rng.u64(window / 10..window)));
        let _ = child.kill();
        let status = child.wait().unwrap();
        let accounts = book.json(&["list", "--json"]).as_array().unwrap().len();
        let doctor = book.run(&["doctor"]);
        assert_eq!(doctor.code, 0, "trial {trial} ({args:?}): {}", doctor.stdout);
        if args[0] == "import" {
            assert!(accounts == 1 || accounts == 12_001, "trial {trial}: all or nothing, not {accounts}");
            if status.code() == Some(0) {
                assert_eq!(accounts, 12_001, "trial {trial}: a finished import is all there");
                imported += 1;
            } else {
                killed += 1;
            }
            if accounts > 1 {
                book.run(&["undo"]).ok();
            }
        }
    }
    assert!(killed > 0, "some imports were killed ({imported} finished)");
}
