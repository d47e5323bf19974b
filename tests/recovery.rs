//! When sled loses or damages data: Leadline notices a rollback it did not
//! make, keeps its own daily backups, lists what it cannot read and saves
//! the rest.

mod common;

use std::path::{Path, PathBuf};

use common::Book;

/// Copies sled's files (not Leadline's mark) from `from` over `to`.
fn copy_sled_files(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(to).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == "db" || name == "conf" || name.starts_with("snap.") || name == "blobs" {
            let path = entry.path();
            if path.is_dir() { std::fs::remove_dir_all(&path) } else { std::fs::remove_file(&path) }.unwrap();
        }
    }
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == "db" || name == "conf" || name.starts_with("snap.") {
            std::fs::copy(entry.path(), to.join(&name)).unwrap();
        } else if name == "blobs" {
            std::fs::create_dir_all(to.join("blobs")).unwrap();
            for blob in std::fs::read_dir(entry.path()).unwrap().flatten() {
                std::fs::copy(blob.path(), to.join("blobs").join(blob.file_name())).unwrap();
            }
        }
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn backups_of(book: &Book) -> PathBuf {
    book.path("backups")
}

/// A backup's JSON (Leadline gzips its backups).
fn read_backup(path: &std::path::Path) -> std::io::Result<String> {
    let mut text = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(std::fs::File::open(path)?), &mut text)?;
    Ok(text)
}

#[test]
fn a_store_that_lost_its_newest_changes_is_refused_with_what_is_missing_and_the_backup() {
    let book = Book::new();
    book.add(&["张伟"]);
    assert!(common::wait_for(&backups_of(&book).join("2026-11-27.json.gz")));
    book.run(&["log", "call", "张伟", "--note", "kept"]).ok();
    let older = book.path("older");
    copy_dir(&book.store(), &older);
    book.run(&["log", "call", "张伟", "--note", "lost one"]).ok();
    book.run(&["import", common::fixture("contacts_zh.csv").to_str().unwrap(), "--skip-invalid"]).ok();
    // sled's files go back two changes; Leadline's mark of the last commit stays.
    copy_sled_files(&older, &book.store());

    let error = book.run(&["today"]).fails(1);
    assert!(error.contains("has lost its newest 2 changes, #3 to #4"), "{error}");
    assert!(error.contains("the last was 'import 4 accounts from"), "{error}");
    let backup = backups_of(&book).join("2026-11-27.json.gz");
    assert!(error.contains(&format!("The newest backup is {}", backup.display())), "{error}");
    assert!(error.contains("leadline doctor --repair"), "{error}");
    let error = book.run(&["log", "call", "张伟"]).fails(1);
    assert!(error.contains("has lost its newest 2 changes"), "nothing is written on top: {error}");

    let doctor = book.run(&["doctor"]);
    assert_eq!(doctor.code, 1, "{}", doctor.stdout);
    assert!(doctor.stdout.contains("problem: store") && doctor.stdout.contains("lost its newest 2 changes"));

    // The backup written before the import holds the lost call: restoring
    // it brings it back.
    let restored = Book::new();
    restored.run(&["import", backup.to_str().unwrap()]).ok();
    let notes = restored.json(&["show", "张伟", "--json"])["touches"].to_string();
    assert!(notes.contains("lost one"), "{notes}");

    // Or keep the store as it is.
    let repaired = book.run(&["doctor", "--repair"]);
    assert_eq!(repaired.code, 0, "{}{}", repaired.stdout, repaired.stderr);
    book.run(&["log", "call", "张伟", "--note", "after"]).ok();
    let history = book.json(&["history", "--json"]);
    assert_eq!(history[0]["seq"], 3, "numbering goes on from what the store holds: {history}");
    assert_eq!(history[0]["command"], "log");
}

#[test]
fn a_truncated_data_file_never_opens_silently_without_changes() {
    let book = Book::new();
    book.add(&["张伟"]);
    for i in 0..6 {
        book.run(&["log", "call", "张伟", "--note", &format!("call {i}")]).ok();
    }
    let store = book.store();
    for entry in std::fs::read_dir(&store).unwrap().flatten() {
        if entry.file_name().to_string_lossy().starts_with("snap.") {
            std::fs::remove_file(entry.path()).unwrap();
        }
    }
    let db = store.join("db");
    let mut bytes = std::fs::read(&db).unwrap();
    let end = bytes.iter().rposition(|b| *b != 0).unwrap() + 1;
    bytes.truncate(end - 100);
    std::fs::write(&db, &bytes).unwrap();
    let run = book.run(&["show", "张伟", "--json"]);
    if run.code == 0 {
        let touches = run.json()["touches"].as_array().unwrap().len();
        assert_eq!(touches, 6, "a store that opens holds every change it was told");
    } else {
        let error = run.fails(1);
        assert!(
            error.contains("has lost its newest change") || error.contains("cannot be opened"),
            "{error}"
        );
    }
}

#[test]
fn the_first_change_of_a_day_writes_a_private_backup_and_old_ones_rotate() {
    use std::os::unix::fs::PermissionsExt;
    let mut book = Book::new();
    book.configure("[backup]\nkeep_daily = 3\nkeep_weekly = 1\n");
    book.run(&["list"]).ok();
    assert!(!backups_of(&book).exists(), "reading writes no backup");
    book.add(&["张伟"]);
    let first = backups_of(&book).join("2026-11-27.json.gz");
    assert!(common::wait_for(&first), "written in the background after the first change");
    let written = read_backup(&first).unwrap();
    assert!(written.contains("张伟") && written.contains("leadline-backup"));
    assert_eq!(std::fs::metadata(&first).unwrap().permissions().mode() & 0o777, 0o600);
    assert_eq!(std::fs::metadata(backups_of(&book)).unwrap().permissions().mode() & 0o777, 0o700);
    book.add(&["王芳"]);
    assert_eq!(read_backup(&first).unwrap(), written, "once a day");

    for day in ["2026-11-28", "2026-11-30", "2026-12-01", "2026-12-02", "2026-12-09"] {
        book.now = format!("{day}T09:00");
        book.run(&["log", "call", "张伟"]).ok();
        assert!(common::wait_for(&backups_of(&book).join(format!("{day}.json.gz"))), "{day}");
    }
    let days: Vec<String> = book.json(&["backups", "--json"])["backups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["day"].as_str().unwrap().to_string())
        .collect();
    // Three newest days, then the newest of one older week.
    assert_eq!(days, ["2026-12-09", "2026-12-02", "2026-12-01", "2026-11-30"]);
    let listing = book.run(&["backups"]).ok();
    assert!(listing.contains("2026-12-09") && listing.contains("leadline --store DIR import"), "{listing}");

    book.configure("[backup]\nenabled = false\n");
    book.now = "2026-12-10T09:00".into();
    book.run(&["log", "call", "张伟"]).ok();
    assert!(!backups_of(&book).join("2026-12-10.json.gz").exists());
}

#[test]
fn an_import_and_a_repair_are_preceded_by_a_backup() {
    let book = Book::new();
    book.add(&["张伟"]);
    let backup = backups_of(&book).join("2026-11-27.json.gz");
    assert!(common::wait_for(&backup));
    std::fs::remove_file(&backup).unwrap();
    book.run(&["import", common::fixture("contacts_zh.csv").to_str().unwrap(), "--skip-invalid"]).ok();
    let before_import = read_backup(&backup).unwrap();
    assert!(before_import.contains("张伟") && !before_import.contains("惠农合作社"), "the book as it was");

    book.run(&["log", "call", "1"]).ok();
    let history_before = book.json(&["history", "--json"]).as_array().unwrap().len();
    book.run(&["doctor", "--repair"]).ok();
    let before_repair = read_backup(&backup).unwrap();
    assert!(before_repair.contains("惠农合作社"), "rewritten just before the repair");
    // The repair keeps the undo history of a healthy store.
    assert_eq!(book.json(&["history", "--json"]).as_array().unwrap().len(), history_before);
    let undone = book.run(&["undo"]).ok();
    assert!(undone.contains("Undid: log call with 张伟"), "{undone}");
}

#[test]
fn doctor_and_history_answer_in_json() {
    let book = Book::new();
    book.add(&["张伟"]);
    book.run(&["log", "call", "张伟"]).ok();
    book.run(&["undo"]).ok();
    let history = book.json(&["history", "--json"]);
    assert_eq!(history[0]["command"], "undo");
    assert_eq!(history[0]["undo_of"], 2);
    assert_eq!(history[1]["undone"], true);
    assert_eq!(history[2]["summary"], "add 张伟 (#1)");
    assert_eq!(history[2]["at"], "2026-11-27T09:00:00");
    let doctor = book.json(&["doctor", "--json"]);
    assert_eq!(doctor["healthy"], true);
    assert_eq!(doctor["accounts"], 1);
    assert!(doctor["records_checked"].as_u64().unwrap() > 5);
    assert_eq!(doctor["problems"], serde_json::json!([]));
}

/// Every blob of a store with big notes damaged in turn: each time, either
/// the store cannot be opened and says so, or `doctor` lists what it cannot
/// read and checks the rest, and `export --salvage` saves what can be read.
#[test]
fn a_damaged_data_file_is_listed_by_doctor_and_the_rest_is_salvaged() {
    let book = Book::new();
    let note = "记".repeat(9000);
    for i in 0..40 {
        book.add(&[&format!("客户{i:02}"), "--note", &note]);
    }
    assert!(common::wait_for(&backups_of(&book).join("2026-11-27.json.gz")));
    let blobs: Vec<PathBuf> =
        std::fs::read_dir(book.store().join("blobs")).unwrap().flatten().map(|e| e.path()).collect();
    assert!(blobs.len() > 2, "big notes make sled write blob files");
    let mut salvaged_some = false;
    for blob in &blobs {
        let trial = Book::new();
        copy_dir(&book.store(), &trial.store());
        copy_dir(&backups_of(&book), &backups_of(&trial));
        let damaged = trial.store().join("blobs").join(blob.file_name().unwrap());
        let mut bytes = std::fs::read(&damaged).unwrap();
        bytes[5000] ^= 0xff;
        std::fs::write(&damaged, bytes).unwrap();
        let doctor = trial.run(&["doctor"]);
        if doctor.code == 1 && doctor.stdout.is_empty() {
            let error = doctor.stderr.trim();
            assert!(error.contains("cannot be opened: sled finds its data files damaged"), "{error}");
            assert!(error.contains("The newest backup is"), "{error}");
            continue;
        }
        assert!(doctor.stdout.contains("Checked "), "doctor carries on: {}", doctor.stdout);
        if doctor.code == 0 {
            continue;
        }
        assert!(doctor.stdout.contains("cannot be read"), "{}", doctor.stdout);
        let error =
            trial.run(&["export", "-o", trial.path("all.json").to_str().unwrap()]).fails_on_damaged_store(1);
        assert!(error.contains("export --salvage"), "{error}");
        let out = trial.path("salvaged.json");
        let run = trial.run(&["export", "--salvage", "-o", out.to_str().unwrap()]);
        assert_eq!(run.code, 1, "something was left out: {}", run.stderr);
        assert!(run.stderr.contains("warning: not in the backup:"), "{}", run.stderr);
        let copy = Book::new();
        let restored = copy.run(&["import", out.to_str().unwrap()]).ok();
        let accounts = copy.json(&["list", "--json"]).as_array().unwrap().len();
        assert!(accounts > 0 && accounts < 40, "{restored}: {accounts} accounts");
        salvaged_some = true;
    }
    assert!(salvaged_some, "at least one damaged blob leaves the store open and partly readable");
}

#[test]
fn a_migration_is_preceded_by_a_backup() {
    let book = Book::new();
    book.add(&["张伟"]);
    let backup = backups_of(&book).join("2026-11-27.json.gz");
    assert!(common::wait_for(&backup));
    std::fs::remove_file(&backup).unwrap();
    // A store whose derived records are of an older version.
    {
        let db = common::open_sled(&book.store());
        db.open_tree("meta").unwrap().insert("derived_version", &1u32.to_be_bytes()).unwrap();
        db.flush().unwrap();
    }
    book.run(&["list"]).ok();
    let written = read_backup(&backup).expect("a backup before the migration");
    assert!(written.contains("张伟"));
    assert!(book.run(&["doctor"]).ok().contains("all good"));
}
