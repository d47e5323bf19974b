//! The journal beside the store: when sled's files are damaged (a
//! truncated data file, flipped bytes, a damaged snapshot), `recover`
//! builds a store from the newest backup and the journal after it that
//! holds every change Leadline reported saved.

mod common;

use std::path::Path;

use common::Book;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A day a rep lives: yesterday's book (backed up at the day's first
/// change), then today an import, calls, an order, promises, corrections,
/// a referral, a merge, an undo and the day's reflection: everything after
/// today's first change is only in sled's files and the journal.
fn a_day_of_changes() -> Book {
    let mut book = Book::new();
    book.now = "2026-11-26T09:00".into();
    for name in ["张伟", "王芳", "李娜", "Anna Müller", "刘洋"] {
        book.add(&[name, "--phone", "13800138000"]);
    }
    assert!(common::wait_for(&book.path("backups/2026-11-26.json.gz")));
    book.run(&["log", "call", "张伟", "--outcome", "reached", "--note", "谈了价格"]).ok();
    book.now = common::NOW.into();
    book.run(&["log", "visit", "王芳", "--outcome", "reached"]).ok();
    // Today's backup holds the book up to here; the rest of the day is
    // only in sled's files and the journal.
    assert!(common::wait_for(&book.path("backups/2026-11-27.json.gz")));
    book.run(&["import", common::fixture("contacts_zh.csv").to_str().unwrap(), "--skip-invalid"]).ok();
    book.run(&["log", "call", "3", "--outcome", "no-answer"]).ok();
    book.run(&["order", "1", "12000", "--note", "首单"]).ok();
    book.run(&["follow-up", "4", "--on", "tomorrow", "--note", "send the price list"]).ok();
    book.run(&["edit", "5", "--email", "liu@example.com", "--note", "prefers SMS"]).ok();
    book.run(&["refer", "1", "2", "--incentive", "一箱化肥"]).ok();
    book.run(&["competitor", "add", "1", "史丹利", "--floor", "整车 2650", "--price", "2650"]).ok();
    book.run(&["competitor", "alias", "史丹利", "Stanley"]).ok();
    book.run(&["log", "call", "3", "--outcome", "declined", "--lost-to", "金正大"]).ok();
    book.run(&["amend", "touch", "1", "--note", "谈了价格，下周报价"]).ok();
    book.add(&["陈军", "--phone", "13900139000"]);
    book.run(&["merge", "5", "陈军"]).ok();
    book.run(&["log", "sms", "5", "--note", "price list"]).ok();
    book.run(&["undo"]).ok();
    book.run(&["review", "--note", "三个电话，一单"]).ok();
    book
}

#[derive(Clone, Copy, Debug)]
enum Damage {
    /// The data file cut to this share of its length.
    Truncate(f64),
    /// One byte flipped this many bytes before the data file's end.
    FlipNearEnd(u64),
    /// The newest snapshot cut in half.
    TruncateSnapshot,
    /// One byte of the newest snapshot flipped.
    FlipSnapshot(u64),
}

fn damage(store: &Path, how: Damage) {
    let snapshot = || {
        let mut snaps: Vec<_> = std::fs::read_dir(store)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("snap."))
            .collect();
        snaps.sort();
        snaps.pop().expect("a snapshot")
    };
    let flip = |path: &Path, at: u64| {
        let mut bytes = std::fs::read(path).unwrap();
        let at = (at as usize).min(bytes.len() - 1);
        bytes[at] ^= 0x5a;
        std::fs::write(path, bytes).unwrap();
    };
    let db = store.join("db");
    let len = std::fs::metadata(&db).unwrap().len();
    match how {
        Damage::Truncate(share) => std::fs::OpenOptions::new()
            .write(true)
            .open(&db)
            .unwrap()
            .set_len((len as f64 * share) as u64)
            .unwrap(),
        Damage::FlipNearEnd(back) => flip(&db, len.saturating_sub(back)),
        Damage::TruncateSnapshot => {
            let path = snapshot();
            let len = std::fs::metadata(&path).unwrap().len();
            std::fs::OpenOptions::new().write(true).open(&path).unwrap().set_len(len / 2).unwrap()
        }
        Damage::FlipSnapshot(at) => flip(&snapshot(), at),
    }
}

#[test]
fn recover_brings_back_every_acknowledged_change_whatever_part_of_sleds_files_is_damaged() {
    let day = a_day_of_changes();
    let saved = day.snapshot();
    assert!(saved.contains("惠农合作社") && saved.contains("三个电话"), "the day is in the book");
    let trials = [
        Damage::Truncate(0.0),
        Damage::Truncate(0.25),
        Damage::Truncate(0.5),
        Damage::Truncate(0.9),
        Damage::Truncate(0.99),
        Damage::FlipNearEnd(10),
        Damage::FlipNearEnd(100),
        Damage::FlipNearEnd(1_000),
        Damage::FlipNearEnd(5_000),
        Damage::FlipNearEnd(20_000),
        Damage::FlipNearEnd(60_000),
        Damage::FlipNearEnd(200_000),
        Damage::FlipNearEnd(400_000),
        Damage::TruncateSnapshot,
        Damage::FlipSnapshot(0),
        Damage::FlipSnapshot(20),
        Damage::FlipSnapshot(60),
        Damage::FlipSnapshot(100),
        Damage::FlipSnapshot(200),
        Damage::FlipSnapshot(1_000),
    ];
    for how in trials {
        let root = tempfile::tempdir().unwrap();
        copy_dir(&day.store(), &root.path().join("store"));
        copy_dir(&day.path("backups"), &root.path().join("backups"));
        let trial = Book::in_dir(root.path());
        damage(&trial.store(), how);
        let recovered = root.path().join("recovered");
        let run = trial.run(&["recover", "--to", recovered.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{how:?}: {}\n{}", run.stdout, run.stderr);
        assert!(run.stdout.contains("from the journal"), "{how:?}: {}", run.stdout);
        let restored = trial.run(&["--store", recovered.to_str().unwrap(), "export"]).ok();
        assert!(restored == saved, "{how:?}: the recovered book differs from the one saved");
        let doctor = trial.run(&["--store", recovered.to_str().unwrap(), "doctor"]).ok();
        assert!(doctor.contains("all good"), "{how:?}: {doctor}");
    }
}

#[test]
fn recover_without_a_backup_replays_the_whole_journal_and_says_what_it_could_not_read() {
    let mut book = Book::new();
    book.configure("[backup]\nenabled = false\n");
    book.add(&["张伟"]);
    book.now = "2026-11-28T09:00".into();
    book.run(&["log", "call", "张伟", "--outcome", "reached"]).ok();
    let saved = book.snapshot();
    // A change cut off while it was written: the process ended before the
    // change was reported saved.
    let journal = book.store().join("journal");
    let segment = std::fs::read_dir(&journal).unwrap().flatten().map(|e| e.path()).max().unwrap();
    assert!(segment.to_string_lossy().ends_with("-2026-11-28.journal"), "a segment a day: {segment:?}");
    let mut file = std::fs::OpenOptions::new().append(true).open(&segment).unwrap();
    std::io::Write::write_all(&mut file, b"0badc0de {\"v\":1,\"seq\":3,\"at\":").unwrap();
    std::fs::remove_file(book.store().join("db")).unwrap();

    let to = book.path("recovered");
    let run = book.run(&["recover", "--to", to.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("From no backup (there is none yet"), "{}", run.stdout);
    assert!(run.stdout.contains("2 changes from the journal"), "{}", run.stdout);
    assert!(run.stderr.contains("was cut off when a process ended"), "{}", run.stderr);
    assert_eq!(book.run(&["--store", to.to_str().unwrap(), "export"]).ok(), saved);

    let again = book.run(&["recover", "--to", to.to_str().unwrap()]).fails(1);
    assert!(again.contains("is not empty"), "{again}");
}

#[test]
fn a_damaged_line_in_the_middle_of_the_journal_is_named_and_the_rest_replayed() {
    let book = Book::new();
    book.configure("[backup]\nenabled = false\n");
    book.add(&["张伟"]);
    book.add(&["王芳"]);
    book.add(&["李娜"]);
    let journal = book.store().join("journal");
    let segment = std::fs::read_dir(&journal).unwrap().flatten().next().unwrap().path();
    let text = std::fs::read_to_string(&segment).unwrap().replacen("王芳", "王方", 1);
    std::fs::write(&segment, text).unwrap();
    let to = book.path("recovered");
    let run = book.run(&["recover", "--to", to.to_str().unwrap()]);
    assert_eq!(run.code, 1, "something is missing: {}", run.stderr);
    assert!(run.stderr.contains("line 2 cannot be read (its checksum does not match)"), "{}", run.stderr);
    let names = book.run(&["--store", to.to_str().unwrap(), "list"]).ok();
    assert!(names.contains("张伟") && names.contains("李娜") && !names.contains("王"), "{names}");
}

#[test]
fn a_damaged_store_that_opens_says_so_on_every_command_until_it_reads_whole_again() {
    let book = Book::new();
    for name in ["张伟", "王芳", "李娜"] {
        book.add(&[name]);
    }
    let quiet = book.run(&["list"]);
    assert!(quiet.stderr.is_empty(), "a healthy store says nothing: {}", quiet.stderr);
    // Something other than Leadline garbles one account's record.
    {
        let db = common::open_sled(&book.store());
        let mut key = vec![b'a'];
        key.extend_from_slice(&2u64.to_be_bytes());
        db.open_tree("data").unwrap().insert(key, &b"\x01{garbled"[..]).unwrap();
        db.flush().unwrap();
    }
    for command in [&["list"][..], &["today"], &["search", "张"]] {
        let run = book.run(command);
        assert!(
            run.stderr.contains("1 record cannot be read: `leadline recover --to NEW_DIR`"),
            "{command:?}: {}",
            run.stderr
        );
    }
    assert!(book.run(&["show", "2"]).stderr.contains("unreadable record account 2"));
    let doctor = book.run(&["doctor"]);
    assert_eq!(doctor.code, 1);
    let zh = book.run(&["--lang", "zh-CN", "list"]);
    assert!(zh.stderr.contains("有 1 条记录读不了"), "{}", zh.stderr);
    {
        let db = common::open_sled(&book.store());
        let mut key = vec![b'a'];
        key.extend_from_slice(&2u64.to_be_bytes());
        db.open_tree("data").unwrap().remove(key).unwrap();
        db.flush().unwrap();
    }
    book.run(&["doctor", "--repair"]).ok();
    let run = book.run(&["list"]);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn the_daily_backup_written_from_the_journal_is_the_book_the_store_holds() {
    let mut day = a_day_of_changes();
    day.now = "2026-11-28T08:30".into();
    day.run(&["log", "call", "1", "--outcome", "reached", "--note", "回访"]).ok();
    let path = day.path("backups/2026-11-28.json.gz");
    assert!(common::wait_for(&path), "written in the background");
    let mut text = String::new();
    std::io::Read::read_to_string(
        &mut flate2::read::GzDecoder::new(std::fs::File::open(&path).unwrap()),
        &mut text,
    )
    .unwrap();
    let mut backup: serde_json::Value = serde_json::from_str(&text).unwrap();
    let covers = backup.as_object_mut().unwrap().remove("covers").unwrap();
    let history = day.json(&["history", "--json"]);
    assert_eq!(covers, history[0]["seq"], "it holds the newest change");
    let export: serde_json::Value = serde_json::from_str(&day.snapshot()).unwrap();
    assert!(backup == export, "the backup differs from the store's export");
}

#[test]
fn every_record_keeps_one_global_id_in_the_store_backups_exports_and_the_journal() {
    let book = Book::new();
    book.add(&["张伟", "--phone", "13800138000"]);
    book.run(&["log", "call", "1", "--outcome", "reached"]).ok();
    book.run(&["follow-up", "1", "--on", "tomorrow"]).ok();
    let shown = book.json(&["show", "1", "--json"]);
    let uid = shown["account"]["uid"].as_str().expect("the account's global id").to_string();
    assert_eq!(uid.len(), 36);
    assert_eq!(&uid[14..15], "7", "a UUID of version 7: {uid}");
    let touch_uid = shown["touches"][0]["uid"].as_str().unwrap().to_string();
    let follow_up_uid = shown["follow_ups"][0]["uid"].as_str().unwrap().to_string();
    assert!(touch_uid != uid && follow_up_uid != uid);

    let vcf = book.run(&["export", "--format", "vcf"]).ok();
    assert!(vcf.contains(&format!("UID:urn:uuid:{uid}")), "{vcf}");
    let ics = book.run(&["export", "--format", "ics"]).ok();
    assert!(ics.contains("UID:follow-up-1@leadline"), "the calendar's UID stays: {ics}");
    assert!(ics.contains(&format!("X-LEADLINE-UID:{follow_up_uid}")), "{ics}");
    let journal: String = std::fs::read_dir(book.store().join("journal"))
        .unwrap()
        .flatten()
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    assert!(journal.contains(&touch_uid) && journal.contains(&follow_up_uid), "{journal}");

    let backup = book.path("book.json");
    book.run(&["export", "-o", backup.to_str().unwrap()]).ok();
    let copy = Book::new();
    copy.run(&["import", backup.to_str().unwrap()]).ok();
    let restored = copy.json(&["show", "1", "--json"]);
    assert_eq!(restored["account"]["uid"], shown["account"]["uid"]);
    assert_eq!(restored["touches"][0]["uid"], shown["touches"][0]["uid"]);
    assert_eq!(restored["follow_ups"][0]["uid"], shown["follow_ups"][0]["uid"]);
}

/// The attack's battery at its size: sixty damages chosen by a seeded
/// generator (a cut anywhere in the data file, a byte flipped anywhere in
/// it or in the newest snapshot). Too slow for every CI run:
/// `cargo test --test journal -- --ignored`.
#[test]
#[ignore]
fn sixty_random_damages_lose_no_acknowledged_change() {
    let day = a_day_of_changes();
    let saved = day.snapshot();
    let db_len = std::fs::metadata(day.store().join("db")).unwrap().len();
    let mut rng = fastrand::Rng::with_seed(21);
    let mut opened_damaged = 0;
    for trial in 0..60 {
        let how = match trial % 3 {
            0 => Damage::Truncate(rng.f64()),
            1 => Damage::FlipNearEnd(rng.u64(1..db_len)),
            _ => Damage::FlipSnapshot(rng.u64(0..200)),
        };
        let root = tempfile::tempdir().unwrap();
        copy_dir(&day.store(), &root.path().join("store"));
        copy_dir(&day.path("backups"), &root.path().join("backups"));
        let trial_book = Book::in_dir(root.path());
        damage(&trial_book.store(), how);
        if trial_book.run(&["list"]).code == 0 {
            opened_damaged += 1;
        }
        let recovered = root.path().join("recovered");
        let run = trial_book.run(&["recover", "--to", recovered.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{how:?}: {}", run.stderr);
        let restored = trial_book.run(&["--store", recovered.to_str().unwrap(), "export"]).ok();
        assert!(restored == saved, "trial {trial}, {how:?}: the recovered book differs from the one saved");
    }
    eprintln!("60 damaged stores, {opened_damaged} of which still opened: every one recovered whole");
}
