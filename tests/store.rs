//! The store's promises: one process at a time, private files, versions,
//! unreadable records reported by key, never a panic.

mod common;

use std::os::unix::fs::PermissionsExt;

use common::Book;
use leadline::app::App;
use leadline::clock::SystemClock;

#[test]
fn a_second_process_is_told_the_store_is_in_use_and_changes_nothing() {
    let book = Book::new();
    book.add(&["张伟"]);
    let before = book.snapshot();
    let held = App::open_at(&book.store(), Box::new(SystemClock)).unwrap();
    // A distinct exit code, so that a script can wait and retry.
    let error = book.run(&["log", "call", "张伟"]).fails(3);
    assert_eq!(
        error,
        format!("error: store {} is in use by another leadline process", book.store().display())
    );
    let error = book.run(&["today"]).fails(3);
    assert!(error.contains("in use by another leadline process"), "{error}");
    drop(held);
    assert_eq!(book.snapshot(), before);
}

#[test]
fn the_store_is_private_to_its_owner() {
    let book = Book::new();
    book.add(&["张伟"]);
    book.run(&["log", "call", "张伟"]).ok();
    let mode = |path: &std::path::Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&book.store()), 0o700);
    for entry in walk(&book.store()) {
        let m = mode(&entry);
        assert_eq!(m & 0o077, 0, "{} is {m:o}", entry.display());
    }
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        }
        out.push(path);
    }
    out
}

fn with_sled<T>(book: &Book, f: impl FnOnce(&sled::Db) -> T) -> T {
    let db = common::open_sled(&book.store());
    let result = f(&db);
    db.flush().unwrap();
    result
}

#[test]
fn a_store_from_a_newer_leadline_is_refused() {
    let book = Book::new();
    book.add(&["张伟"]);
    with_sled(&book, |db| {
        db.open_tree("meta").unwrap().insert("schema_version", &99u32.to_be_bytes()).unwrap()
    });
    let error = book.run(&["list"]).fails(1);
    assert!(
        error.contains("was written by a newer Leadline (schema 99; this build reads up to 3)"),
        "{error}"
    );
}

#[test]
fn a_directory_with_other_files_is_not_taken_for_a_store() {
    let book = Book::new();
    std::fs::create_dir_all(book.store()).unwrap();
    std::fs::write(book.store().join("notes.txt"), "mine").unwrap();
    let error = book.run(&["list"]).fails(1);
    assert!(error.contains("is not a Leadline store: the directory holds other files"), "{error}");
    assert_eq!(std::fs::read_to_string(book.store().join("notes.txt")).unwrap(), "mine");
}

#[test]
fn unreadable_records_are_reported_by_key_and_the_rest_stays_usable() {
    let book = Book::new();
    book.add(&["张伟"]);
    book.add(&["王芳"]);
    book.run(&["log", "call", "王芳"]).ok();
    let account_key: Vec<u8> = [&[b'a'][..], &1u64.to_be_bytes()].concat();
    let summary_key: Vec<u8> = [&[b'l'][..], &0u32.to_be_bytes()].concat();
    with_sled(&book, |db| {
        let data = db.open_tree("data").unwrap();
        data.insert(&account_key, &b"\x01{\"account\": broken"[..]).unwrap();
        data.insert(&summary_key, &b"\x01[garbage"[..]).unwrap();
        data.insert(b"zzz", &b"?"[..]).unwrap();
    });
    let error = book.run(&["show", "1"]).fails_on_damaged_store(1);
    assert!(error.contains("unreadable record account 1 [key 610000000000000001]"), "{error}");
    assert!(error.contains("`leadline doctor` lists what cannot be read"), "{error}");
    let list = book.run(&["list", "--json"]);
    assert_eq!(list.code, 0);
    assert!(list.stderr.contains("1 unreadable record was skipped"), "{}", list.stderr);
    let shown = book.json(&["show", "王芳", "--json"]);
    assert_eq!(shown["touches"].as_array().unwrap().len(), 1, "other accounts still work");
    let doctor = book.run(&["doctor"]);
    assert_eq!(doctor.code, 1);
    assert!(
        doctor.stdout.contains("problem: account 1 [key 610000000000000001]: expected value"),
        "{}",
        doctor.stdout
    );
    assert!(
        doctor.stdout.contains("problem: summary chunk 0 [key 6c00000000]: not a binary record"),
        "{}",
        doctor.stdout
    );
    assert!(doctor.stdout.contains("unknown key 7a7a7a"), "{}", doctor.stdout);
    assert!(doctor.stdout.contains("3 problems"), "{}", doctor.stdout);
    let repaired = book.run(&["doctor", "--repair"]);
    assert!(repaired.stdout.contains("Rebuilt derived records"), "{}", repaired.stdout);
    assert!(!repaired.stdout.contains("summary chunk"), "the summary chunk is rebuilt: {}", repaired.stdout);
    let list = book.run(&["list", "--json"]);
    assert!(!list.stderr.contains("skipped"), "the summaries read again: {}", list.stderr);
    assert!(
        list.stderr.contains("cannot be read: `leadline recover"),
        "account 1 is still unreadable: {}",
        list.stderr
    );
}

#[test]
fn random_bytes_in_every_kind_of_record_never_panic() {
    let book = Book::new();
    book.run(&["demo", "--accounts", "40", "--seed", "5"]).ok();
    let mut rng = fastrand::Rng::with_seed(42);
    with_sled(&book, |db| {
        let data = db.open_tree("data").unwrap();
        let keys: Vec<sled::IVec> = data.iter().keys().map(Result::unwrap).collect();
        for key in keys.iter().step_by(3) {
            let len = rng.usize(0..40);
            let mut garbage: Vec<u8> = (0..len).map(|_| rng.u8(..)).collect();
            if rng.bool() && !garbage.is_empty() {
                garbage[0] = 1;
            }
            data.insert(key, garbage).unwrap();
        }
    });
    for args in [
        &["list", "--all"][..],
        &["today"],
        &["search", "a"],
        &["show", "1"],
        &["show", "7", "--json"],
        &["doctor"],
        &["export"],
        &["undo"],
        &["log", "call", "3"],
        &["history"],
    ] {
        let run = book.run(args);
        assert!(run.code == 0 || run.code == 1 || run.code == 2, "{args:?}: {}", run.stderr);
        assert!(!run.stderr.contains("panicked"), "{args:?} panicked: {}", run.stderr);
    }
}

#[test]
fn a_malformed_clock_is_a_clear_error() {
    let mut book = Book::new();
    book.now = "yesterday-ish".into();
    let error = book.run(&["list"]).fails(2);
    assert!(error.contains("LEADLINE_NOW='yesterday-ish' is not a time"), "{error}");
}

#[test]
fn a_snapshot_left_half_written_by_a_killed_process_does_not_stop_the_store() {
    let book = Book::new();
    book.add(&["张伟"]);
    // sled writes snapshots as snap.<lsn>.generating and renames them when
    // complete; a kill in between leaves this behind.
    std::fs::write(book.store().join("snap.FFFFFFFFFFFFFFFF.generating"), b"").unwrap();
    let names = book.json(&["list", "--json"]);
    assert_eq!(names[0]["name"], "张伟");
    assert!(!book.store().join("snap.FFFFFFFFFFFFFFFF.generating").exists());
}
