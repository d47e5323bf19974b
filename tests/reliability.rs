//! What a systematic attack on the binary found: ids that wrap, dates and
//! text without bounds, control characters from restored files, settings at
//! extreme values. Each test here failed before its fix.

mod common;

use common::Book;
use serde_json::{Value, json};

/// A one-account backup (张伟 with a touch, an order and a follow-up) as
/// JSON, for tests to damage.
fn backup() -> Value {
    let book = Book::new();
    book.add(&["张伟", "--company", "绿源农资", "--phone", "138 0000 1111"]);
    book.run(&["log", "call", "1", "--note", "first", "--next", "+3d"]).ok();
    book.run(&["order", "1", "500"]).ok();
    serde_json::from_str(&book.snapshot()).unwrap()
}

/// Restores `backup` into a fresh book.
fn restore(backup: &Value) -> (Book, common::Run) {
    let book = Book::new();
    let file = book.path("backup.json");
    std::fs::write(&file, serde_json::to_string_pretty(backup).unwrap()).unwrap();
    let run = book.run(&["import", file.to_str().unwrap()]);
    (book, run)
}

#[test]
fn a_backup_with_an_id_outside_the_store_range_is_refused_naming_the_record() {
    let mut file = backup();
    let huge = u64::MAX;
    file["accounts"][0]["id"] = json!(huge);
    for list in ["touches", "orders", "follow_ups"] {
        file[list][0]["account"] = json!(huge);
    }
    let (book, run) = restore(&file);
    let error = run.fails(2);
    assert!(
        error.contains(&format!(
            "account {huge} (张伟): id {huge} is outside the ids the store holds (1 to 4294967295)"
        )),
        "{error}"
    );
    assert!(book.json(&["list", "--json"]).as_array().unwrap().is_empty());

    let mut file = backup();
    file["follow_ups"][0]["id"] = json!(0);
    let error = restore(&file).1.fails(2);
    assert!(error.contains("follow-up 0: id 0 is outside"), "{error}");
}

#[test]
fn ids_never_wrap_and_records_are_never_overwritten() {
    let mut file = backup();
    let last = 4_294_967_295u64;
    file["accounts"][0]["id"] = json!(last);
    for list in ["touches", "orders", "follow_ups"] {
        file[list][0]["account"] = json!(last);
    }
    let (book, run) = restore(&file);
    run.ok();
    let error = book.run(&["add", "王芳"]).fails(1);
    assert!(error.contains("every account id it can hold"), "{error}");
    let list = book.json(&["list", "--json"]);
    let ids: Vec<u64> = list.as_array().unwrap().iter().map(|a| a["id"].as_u64().unwrap()).collect();
    assert_eq!(ids, [last], "the account is listed, and nothing took id 0 or 1");
    assert_eq!(book.json(&["search", "zw", "--json"])[0]["id"], json!(last));
    book.run(&["log", "call", &last.to_string()]).ok();
    assert!(book.run(&["doctor"]).ok().contains("all good"));
}

#[test]
fn dates_outside_two_centuries_are_refused_wherever_they_come_in() {
    let book = Book::new();
    book.add(&["张伟"]);
    for when in ["9999-12-31", "2201-01-01", "1899-12-31T10:00"] {
        let error = book.run(&["follow-up", "张伟", "--on", when]).fails(2);
        assert!(error.contains("outside the years 1900 to 2200"), "{when}: {error}");
    }
    let error = book.run(&["log", "call", "张伟", "--at", "1850-01-01"]).fails(2);
    assert!(error.contains("outside the years 1900 to 2200"), "{error}");

    let mut far = book.command(&["today"]);
    far.env("LEADLINE_NOW", "9999-12-31T09:00");
    let run = far.output().unwrap();
    assert_eq!(run.status.code(), Some(2), "{}", String::from_utf8_lossy(&run.stderr));

    for (list, field, value) in [
        ("follow_ups", "due", "+262142-12-31"),
        ("touches", "at", "+262142-12-31T10:00:00"),
        ("orders", "at", "1000-01-01T10:00:00"),
    ] {
        let mut file = backup();
        file[list][0][field] = json!(value);
        let (restored, run) = restore(&file);
        let error = run.fails(2);
        assert!(error.contains("outside the years 1900 to 2200"), "{list}: {error}");
        assert!(restored.run(&["today"]).ok().contains("Nothing planned"));
    }
}

#[test]
fn every_text_field_is_bounded_on_every_path() {
    let book = Book::new();
    let long = "农".repeat(201);
    let error = book.run(&["add", "张伟", "--company", &long]).fails(2);
    assert_eq!(error, "error: company is longer than 200 characters");
    for (flag, field, max) in [
        ("--title", "title", 120),
        ("--address", "address", 300),
        ("--source", "source", 120),
        ("--tag", "tag", 40),
    ] {
        let error = book.run(&["add", "张伟", flag, &"x".repeat(max + 1)]).fails(2);
        assert_eq!(error, format!("error: {field} is longer than {max} characters"), "{flag}");
    }
    let id = book.add(&["张伟"]);
    book.add(&["王芳"]);
    let error = book.run(&["refer", &id, "王芳", "--incentive", &"礼".repeat(201)]).fails(2);
    assert!(error.contains("incentive is longer than 200 characters"), "{error}");
    let error = book.run(&["competitor", "add", &id, &"丰".repeat(121)]).fails(2);
    assert_eq!(error, "error: competitor name is longer than 120 characters");
    let error = book.run(&["competitor", "add", &id, "丰农", "--floor", &"价".repeat(2001)]).fails(2);
    assert_eq!(error, "error: competitor answer is longer than 2000 characters");
    assert!(book.run(&["competitors", "--json"]).ok().contains("\"competitors\": []"), "nothing was added");

    // A huge cell rejects its row, by line, and the rest imports.
    let csv = book.path("big.csv");
    let cell = "x".repeat(5_000_000);
    std::fs::write(&csv, format!("Name,Company\n李娜,{cell}\n王芳,惠农\n")).unwrap();
    let run = book.run(&["import", csv.to_str().unwrap(), "--skip-invalid"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("line 2: rejected:"), "{}", run.stderr);
    assert!(run.stdout.contains("Imported 1 account "), "{}", run.stdout);

    let mut file = backup();
    file["accounts"][0]["address"] = json!("路".repeat(301));
    let error = restore(&file).1.fails(2);
    assert!(error.contains("account 1 (张伟): address is longer than 300 characters"), "{error}");
    let mut file = backup();
    file["touches"][0]["note"] = json!("记".repeat(10_001));
    let error = restore(&file).1.fails(2);
    assert!(error.contains("touch 1: note is longer than 10000 characters"), "{error}");
}

#[test]
fn control_and_direction_characters_from_a_backup_never_reach_the_terminal() {
    let mut file = backup();
    let osc52 = "\u{1b}]52;c;ZWNobyBoaQ==\u{7}";
    file["accounts"][0]["name"] = json!(format!("张{osc52}伟\u{1b}]0;pwned\u{7}"));
    file["accounts"][0]["company"] = json!("绿源\r\nATTENDEE:mailto:evil@example.com");
    file["accounts"][0]["note"] = json!("line\u{1b}[2J one\nline two\u{b}");
    file["touches"][0]["note"] = json!("called \u{202e}gpj.exe");
    file["follow_ups"][0]["note"] = json!("ring\r\nATTENDEE:mailto:evil@example.com");
    let (book, run) = restore(&file);
    run.ok();
    for args in [&["list"][..], &["show", "1"], &["today"], &["referrals"], &["history"], &["review"]] {
        let out = book.run(args).ok();
        assert!(!out.contains(['\u{1b}', '\u{7}', '\u{b}', '\r', '\u{202e}']), "{args:?}: {out:?}");
    }
    let show = book.json(&["show", "1", "--json"]);
    assert_eq!(show["account"]["name"], "张 ]52;c;ZWNobyBoaQ== 伟 ]0;pwned");
    assert_eq!(show["account"]["note"], "line[2J one\nline two");
    assert_eq!(show["touches"][0]["note"], "called gpj.exe");
    let ics = book.run(&["export", "--format", "ics"]).ok();
    assert!(!ics.contains('\u{1b}'), "{ics:?}");
    assert!(!ics.lines().any(|l| l.starts_with("ATTENDEE")), "{ics}");
}

#[test]
fn direction_overrides_and_zero_width_characters_are_removed_from_names() {
    let book = Book::new();
    book.add(&["Anna\u{202e}gpj.exe", "--company", "A\u{200b}cme\u{2066}"]);
    book.add(&["Li\u{200d}Na"]);
    let names: Vec<String> = book
        .json(&["list", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|a| format!("{} / {}", a["name"].as_str().unwrap(), a["company"].as_str().unwrap_or("")))
        .collect();
    assert_eq!(names, ["Annagpj.exe / Acme", "LiNa / "]);
    book.run(&[
        "log",
        "call",
        "Annagpj.exe",
        "--note",
        "joiners stay in notes: 👩\u{200d}🌾, overrides go\u{202e}",
    ])
    .ok();
    let show = book.json(&["show", "Annagpj.exe", "--json"]);
    assert_eq!(show["touches"][0]["note"], "joiners stay in notes: 👩\u{200d}🌾, overrides go");
}

#[test]
fn a_bare_number_is_an_id_and_phones_need_five_digits_or_tel() {
    let book = Book::new();
    book.add(&["张伟", "--phone", "138 1100 2233"]);
    book.add(&["王芳", "--phone", "139 0000 0000"]);
    book.add(&["李娜"]);
    let before = book.snapshot();
    assert_eq!(book.run(&["order", "11", "500"]).fails(1), "error: no account matches '#11'");
    assert_eq!(book.run(&["archive", "138"]).fails(1), "error: no account matches '#138'");
    assert_eq!(book.snapshot(), before, "nothing was written on a phone-digit guess");
    let out = book.run(&["log", "call", "tel:11002"]).ok();
    assert!(out.contains("with 张伟 (#1)"), "{out}");
    let out = book.run(&["log", "call", "13811002233"]).ok();
    assert!(out.contains("with 张伟 (#1)"), "{out}");
    let error = book.run(&["log", "call", "tel:138"]).fails(2);
    assert!(error.contains("at least 5 digits"), "{error}");
    let error = book.run(&["log", "call", "tel:13"]).fails(2);
    assert!(error.contains("at least 5 digits"), "{error}");
    let error = book.run(&["log", "call", "1300000"]).fails(1);
    assert_eq!(error, "error: no account matches '1300000'");
    let out = book.run(&["follow-up", "zw", "--on", "15:00"]).ok();
    assert_eq!(out, "Follow-up #1 with 张伟 (#1): call on 2026-11-27 at 15:00.\n");
    let run = book.run(&["add", "赵敏", "--referred-by", "wf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "4\n", "stdout stays the id");
    assert!(run.stderr.contains("Referred by 王芳 (#2)"), "{}", run.stderr);
}

#[test]
fn demo_sizes_are_bounded() {
    let book = Book::new();
    let error = book.run(&["demo", "--touches", "18446744073709551615"]).fails(2);
    assert!(error.contains("at most 100 touches per account"), "{error}");
    let error = book.run(&["demo", "--accounts", "100000000"]).fails(2);
    assert!(error.contains("from 1 to 100000 accounts"), "{error}");
    let error = book.run(&["demo", "--accounts", "0"]).fails(2);
    assert!(error.contains("from 1 to 100000 accounts"), "{error}");
    let error = book.run(&["demo", "--accounts", "100000", "--touches", "50"]).fails(2);
    assert!(error.contains("at most 2000000 touches in all"), "{error}");
    assert!(book.json(&["list", "--json"]).as_array().unwrap().is_empty());
}

#[test]
fn settings_at_extreme_values_are_refused_not_a_panic() {
    let book = Book::new();
    book.add(&["张伟"]);
    for setting in [
        "[cadence]\nvip = 4294967295\n",
        "[holidays]\nlead_days = 4294967295\n",
        "[sms]\nwithin_days = 4294967295\n",
        "[next_step]\nreached = 4294967295\n",
        "[referrals]\ncontact_referee_days = 4294967295\n",
        "[focus.cost]\nvisit = nan\n",
        "[focus]\nincentive_cost = -1\n",
    ] {
        book.configure(setting);
        for command in [&["today"][..], &["focus"], &["review"], &["log", "sms", "1", "--outcome", "replied"]]
        {
            let error = book.run(command).fails(2);
            assert!(error.contains("line 2") && error.contains("is out of range"), "{setting}: {error}");
        }
    }
}

#[test]
fn files_that_used_to_mis_import_in_silence() {
    let book = Book::new();
    let cut = book.path("cut.csv");
    let mut bytes = "姓名,公司\n张伟,绿源农资\n王芳,惠农合作社\n".as_bytes().to_vec();
    bytes.truncate(bytes.len() - 2);
    std::fs::write(&cut, &bytes).unwrap();
    let out = book.run(&["import", cut.to_str().unwrap()]).ok();
    assert!(out.contains("Imported 2 accounts") && out.contains("(UTF-8)"), "{out}");
    assert_eq!(book.json(&["show", "张伟", "--json"])["account"]["company"], "绿源农资");

    let stray = book.path("stray.csv");
    std::fs::write(
        &stray,
        "Name,Phone\n李娜,13900001111\n\"赵敏,13700001111\n孙丽,13600001111\n周杰,13500001111\n",
    )
    .unwrap();
    let before = book.snapshot();
    let run = book.run(&["import", stray.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("line 3: rejected: the quote that opens on line 3 never closes"),
        "{}",
        run.stderr
    );
    assert_eq!(book.snapshot(), before);

    let mac = book.path("mac.vcf");
    std::fs::write(&mac, "BEGIN:VCARD\rVERSION:3.0\rFN:陈静\rTEL:13300001111\rEND:VCARD\rBEGIN:VCARD\rVERSION:3.0\rFN:黄磊\rEND:VCARD\r")
        .unwrap();
    let out = book.run(&["import", mac.to_str().unwrap()]).ok();
    assert!(out.contains("Imported 2 accounts"), "{out}");
    assert_eq!(book.json(&["show", "陈静", "--json"])["account"]["phones"][0], "13300001111");
}

#[test]
fn export_never_follows_a_link_planted_beside_its_file() {
    use std::os::unix::fs::PermissionsExt;
    let book = Book::new();
    book.add(&["张伟"]);
    let victim = book.path("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    std::fs::set_permissions(&victim, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::os::unix::fs::symlink(&victim, book.path(".out.json.tmp")).unwrap();
    let out = book.path("out.json");
    book.run(&["export", "-o", out.to_str().unwrap()]).ok();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    assert!(std::fs::read_to_string(&out).unwrap().contains("张伟"));
    assert_eq!(std::fs::metadata(&out).unwrap().permissions().mode() & 0o777, 0o600);
}

#[test]
fn import_diagnostics_never_print_raw_cell_bytes() {
    let book = Book::new();
    let csv = book.path("evil.csv");
    std::fs::write(
        &csv,
        "Name,Grade,Phone\n\u{1b}]0;pwned\u{7}Anna,E,1\n李娜\u{202e},A,not\u{1b}[2Ja phone\n",
    )
    .unwrap();
    let run = book.run(&["import", csv.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("line 2: rejected:"), "{}", run.stderr);
    assert!(!run.stderr.contains(['\u{1b}', '\u{7}', '\u{202e}']), "{:?}", run.stderr);
    let headers = book.path("headers.csv");
    std::fs::write(&headers, "\u{1b}[31mred,\u{7}bell\nx,y\n").unwrap();
    let error = book.run(&["import", headers.to_str().unwrap()]).fails(2);
    assert!(error.contains("no name or company column") && !error.contains('\u{1b}'), "{error:?}");
}

/// An import of more than 1000 rows compacts the store after saving it. A
/// command that took the store between the two made the saved import exit
/// 3 ("nothing was done, try again"), and the retry imported every row
/// twice. Whatever else runs, an import exits 0 when it saved, or 3 having
/// saved nothing; retried until it saves, every row is there once.
#[test]
fn a_saved_import_never_reports_failure_and_a_retry_never_imports_twice() {
    let book = Book::new();
    let mut csv = String::from("name,phone\n");
    for i in 0..1_500 {
        csv.push_str(&format!("客户{i},139{i:08}\n"));
    }
    let file = book.path("big.csv");
    std::fs::write(&file, csv).unwrap();
    book.add(&["张伟"]);
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let others: Vec<_> = (0..2)
        .map(|_| {
            let stop = std::sync::Arc::clone(&stop);
            let mut command = book.command(&["list", "-q"]);
            std::thread::spawn(move || {
                while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                    let _ = command.output();
                }
            })
        })
        .collect();
    let mut saved = false;
    for _ in 0..50 {
        let run = book.run(&["import", file.to_str().unwrap()]);
        match run.code {
            0 => {
                saved = true;
                break;
            }
            3 => assert!(run.stderr.contains("in use"), "{}", run.stderr),
            other => panic!("exit {other}: {}", run.stderr),
        }
    }
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    others.into_iter().for_each(|t| t.join().unwrap());
    assert!(saved, "the import got the store at last");
    let accounts = book.json(&["list", "--json"]).as_array().unwrap().len();
    assert_eq!(accounts, 1 + 1_500, "every row once");
}

/// The CSV importer copied the file name into the note of the follow-up it
/// made ("next activity from x\e]0;PWN\a.csv"), and the Markdown reports
/// printed it raw: a terminal took the escape as a command. The name is
/// cleaned on the way in, and every Markdown report escapes control
/// characters as the text ones do.
#[test]
fn no_control_character_reaches_the_terminal_through_a_file_name_or_a_markdown_report() {
    let book = Book::new();
    let file = book.path("x\u{1b}]0;PWN\u{7}.csv");
    std::fs::write(&file, "name,next follow-up\n张伟,2026-11-27\n").unwrap();
    book.run(&["import", file.to_str().unwrap()]).ok();
    let note = book.json(&["show", "张伟", "--json"])["follow_ups"][0]["note"].as_str().unwrap().to_string();
    assert!(!note.contains('\u{1b}') && !note.contains('\u{7}'), "{note:?}");
    assert!(note.contains("PWN"), "{note:?}");
    // A name with an escape in it, as a store written by something else
    // may hold: the reports escape it all the same.
    {
        let db = common::open_sled(&book.store());
        let data = db.open_tree("data").unwrap();
        let key = [&[b'a'][..], &1u64.to_be_bytes()].concat();
        let value = data.get(&key).unwrap().unwrap();
        let text = String::from_utf8(value[1..].to_vec()).unwrap().replace("张伟", r"张伟\u001b]0;PWN\u0007");
        data.insert(&key, [&[1u8][..], text.as_bytes()].concat()).unwrap();
        db.flush().unwrap();
    }
    book.run(&["doctor", "--repair"]).ok();
    let list = book.run(&["list"]).ok();
    assert!(list.contains("张伟\\u{1b}]0;PWN"), "{list}");
    for command in
        [&["today", "--md"][..], &["plan", "--md"], &["review", "--md"], &["focus", "--md"], &["history"]]
    {
        let out = book.run(command).ok();
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{command:?}: {out:?}");
    }
}

/// One referrer per account, nobody their own referrer, no circle:
/// `refer 4 1` after `refer 1 4` was accepted, a merge gave an account two
/// referrers (and one order earned both incentives) or made a circle, a
/// restored backup could hold either, and doctor said "all good".
#[test]
fn referrals_keep_one_referrer_per_account_and_never_go_round() {
    let book = Book::new();
    for name in ["甲", "乙", "丙", "丁", "戊"] {
        book.add(&[name]);
    }
    book.run(&["refer", "1", "4"]).ok();
    let error = book.run(&["refer", "4", "1"]).fails(1);
    assert!(error.contains("甲 → 丁 would refer each other round"), "{error}");
    book.run(&["refer", "2", "3", "--incentive", "一箱化肥"]).ok();
    book.run(&["refer", "5", "1", "--incentive", "两袋种子"]).ok();
    // 甲 (#1, referred by 戊) and 丙 (#3, referred by 乙) are one person.
    let error = book.run(&["merge", "1", "3"]).fails(1);
    assert!(error.contains("both accounts were referred"), "{error}");
    assert!(error.contains("--keep-referral"), "{error}");
    book.run(&["merge", "1", "3", "--keep-referral", "3"]).ok();
    let ledger = book.json(&["referrals", "--json"]);
    let referees: Vec<u64> =
        ledger["ledger"].as_array().unwrap().iter().map(|r| r["referee_id"].as_u64().unwrap()).collect();
    assert_eq!(referees.iter().filter(|id| **id == 1).count(), 1, "{ledger}");
    let note =
        book.json(&["show", "1", "--json"])["account"]["note"].as_str().unwrap_or_default().to_string();
    assert!(
        note.contains("Also referred by 乙 (referral #2, incentive: 一箱化肥), removed in a merge"),
        "{note}"
    );
    let order = book.run(&["order", "1", "5000"]).ok();
    assert_eq!(order.matches("incentive").count(), 1, "one order earns one incentive: {order}");

    // A merge that would close a circle: 甲 referred 丁; 戊 referred 甲.
    let error = book.run(&["merge", "4", "5"]).fails(1);
    assert!(error.contains("would refer each other round"), "{error}");
    assert!(book.run(&["doctor"]).ok().contains("all good"));
}

#[test]
fn a_backup_with_a_broken_referral_is_refused_and_doctor_finds_one_in_a_store() {
    let book = Book::new();
    book.add(&["甲"]);
    book.add(&["乙"]);
    book.add(&["丙"]);
    book.run(&["refer", "1", "2"]).ok();
    let mut backup: Value = serde_json::from_str(&book.snapshot()).unwrap();
    let mut second = backup["referrals"][0].clone();
    second["id"] = json!(2);
    second["referrer"] = json!(3);
    second.as_object_mut().unwrap().remove("uid");
    backup["referrals"].as_array_mut().unwrap().push(second);
    let file = book.path("two-referrers.json");
    std::fs::write(&file, backup.to_string()).unwrap();
    let copy = Book::new();
    let error = copy.run(&["import", file.to_str().unwrap()]).fails(2);
    assert!(error.contains("乙 would have more than one referrer (referrals #1, #2)"), "{error}");

    // The same written into a store behind Leadline's back.
    {
        let db = common::open_sled(&book.store());
        let data = db.open_tree("data").unwrap();
        let key = [&[b'r'][..], &1u64.to_be_bytes()].concat();
        let value = data.get(&key).unwrap().unwrap();
        let text =
            String::from_utf8(value[1..].to_vec()).unwrap().replace("\"referrer\":1", "\"referrer\":2");
        data.insert(&key, [&[1u8][..], text.as_bytes()].concat()).unwrap();
        db.flush().unwrap();
    }
    let doctor = book.run(&["doctor"]);
    assert_eq!(doctor.code, 1, "{}", doctor.stdout);
    assert!(doctor.stdout.contains("refers its account to itself"), "{}", doctor.stdout);
}

/// `ln -sf ~/victim STORE/last-commit`, and the next `add` wrote the commit
/// mark over the victim (and opening the store made it 0600). Leadline's
/// own files are never opened or changed through a link.
#[test]
fn a_link_planted_for_leadlines_own_files_is_refused_and_its_target_left_alone() {
    use std::os::unix::fs::PermissionsExt;
    for own in ["last-commit", "lock"] {
        let book = Book::new();
        book.add(&["张伟"]);
        let victim = book.path("victim");
        std::fs::write(&victim, "keep me").unwrap();
        std::fs::set_permissions(&victim, std::fs::Permissions::from_mode(0o644)).unwrap();
        let planted = book.store().join(own);
        std::fs::remove_file(&planted).unwrap();
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        let error = book.run(&["add", "王芳"]).fails(1);
        assert!(error.contains(&format!("{own} is a link, not the file Leadline keeps there")), "{error}");
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me", "{own}");
        assert_eq!(std::fs::metadata(&victim).unwrap().permissions().mode() & 0o777, 0o644, "{own}");
        std::fs::remove_file(&planted).unwrap();
        book.add(&["王芳"]);
        assert_eq!(
            book.json(&["list", "--json"]).as_array().unwrap().len(),
            2,
            "{own}: it works once removed"
        );
    }
    // A link elsewhere in the store is not followed to change modes either.
    let book = Book::new();
    book.add(&["张伟"]);
    let victim = book.path("victim");
    std::fs::write(&victim, "keep me").unwrap();
    std::fs::set_permissions(&victim, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::os::unix::fs::symlink(&victim, book.store().join("planted")).unwrap();
    book.run(&["list"]).ok();
    assert_eq!(std::fs::metadata(&victim).unwrap().permissions().mode() & 0o777, 0o644);
}

/// `export -o /dev/null` as root replaced the machine's /dev/null with a
/// file, and a FIFO was replaced too. What is not a regular file is written
/// into as it is; `-o -` is standard output; a vdir needs a directory.
#[test]
fn an_export_writes_into_a_device_or_a_pipe_and_dash_is_standard_output() {
    let book = Book::new();
    book.add(&["张伟", "--phone", "13800138000"]);
    book.run(&["follow-up", "1", "--on", "tomorrow"]).ok();
    for format in ["json", "csv", "vcf", "ics"] {
        let dash = book.run(&["export", "--format", format, "-o", "-"]).ok();
        assert!(dash.contains("张伟"), "{format}: {dash}");
        // The child's own standard output: a pipe, written into, not replaced.
        let device = book.run(&["export", "--format", format, "-o", "/dev/stdout"]).ok();
        assert_eq!(device, dash, "{format}");
    }
    let pipe = book.path("pipe");
    rustix::fs::mknodat(
        rustix::fs::CWD,
        &pipe,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o600),
        0,
    )
    .unwrap();
    let reader = {
        let pipe = pipe.clone();
        std::thread::spawn(move || std::fs::read_to_string(pipe).unwrap())
    };
    book.run(&["export", "-o", pipe.to_str().unwrap()]).ok();
    assert!(reader.join().unwrap().contains("leadline-backup"));
    assert!(std::os::unix::fs::FileTypeExt::is_fifo(&std::fs::metadata(&pipe).unwrap().file_type()));

    let error = book.run(&["export", "--format", "vdir", "-o", "-"]).fails(2);
    assert!(error.contains("writes a directory"), "{error}");
    let file = book.path("calendar.ics");
    std::fs::write(&file, "").unwrap();
    let error = book.run(&["export", "--format", "vdir", "-o", file.to_str().unwrap()]).fails(2);
    assert!(error.contains("is a file: a vdir is a directory"), "{error}");
}

/// The CLI took amounts up to 92,233,720,368,547,758.07 while settings
/// stopped at 10^12, and two such orders showed a saturated revenue. One
/// limit for every amount; totals exact.
#[test]
fn every_amount_has_one_limit_and_totals_never_saturate() {
    let book = Book::new();
    book.add(&["张伟"]);
    let error = book.run(&["order", "1", "92233720368547758.07"]).fails(2);
    assert!(error.contains("is too large (at most 1,000,000,000,000)"), "{error}");
    let error = book.run(&["add", "王芳", "--potential", "1000000000000.01"]).fails(2);
    assert!(error.contains("at most 1,000,000,000,000"), "{error}");
    let error = book.run(&["--lang", "zh-CN", "order", "1", "2000000000000"]).fails(2);
    assert!(error.contains("1,000,000,000,000"), "{error}");
    for _ in 0..3 {
        book.run(&["order", "1", "1,000,000,000,000"]).ok();
    }
    let shown = book.json(&["show", "1", "--json"]);
    assert_eq!(shown["account"]["revenue_total"], "3000000000000.00", "{shown}");
    let focus = book.json(&["focus", "--json"]);
    assert!(focus.to_string().contains("3000000000000.00"), "{focus}");
}

/// A Big5 CSV imported as mojibake with exit 0, a .vcf with no card or a
/// UTF-32 file imported nothing with exit 0. A legacy encoding is told by
/// a detector (chardetng); a file it cannot tell, one in UTF-32 and a
/// vCard file without a card are refused, exit 1, nothing imported.
#[test]
fn an_import_reads_big5_and_refuses_what_it_cannot_read() {
    let book = Book::new();
    let (big5, _, _) = encoding_rs::BIG5
        .encode("name,phone,company\n陳大文,0912345678,台灣農資股份有限公司\n林小美,0922333444,綠源肥料行\n");
    let file = book.path("big5.csv");
    std::fs::write(&file, &big5).unwrap();
    book.run(&["import", file.to_str().unwrap()]).ok();
    let list = book.run(&["list"]).ok();
    assert!(list.contains("陳大文") && list.contains("台灣農資股份有限公司"), "{list}");

    let mut utf32 = vec![0xff, 0xfe, 0, 0];
    for c in "name\n张伟\n".chars() {
        utf32.extend_from_slice(&(c as u32).to_le_bytes());
    }
    let file = book.path("utf32.csv");
    std::fs::write(&file, &utf32).unwrap();
    let error = book.run(&["import", file.to_str().unwrap()]).fails(1);
    assert!(error.contains("is in UTF-32") && error.contains("nothing was imported"), "{error}");

    // Bytes no encoding reads as text (Latin-1 control bytes and a lone
    // lead byte): told apart only by --encoding.
    let file = book.path("garbled.csv");
    std::fs::write(&file, b"name\n\x81\x9f\x90\x8d\xfe,\x80\x80\x80\n").unwrap();
    let error = book.run(&["import", file.to_str().unwrap()]).fails(1);
    assert!(error.contains("cannot tell its encoding") && error.contains("--encoding"), "{error}");

    let file = book.path("empty.vcf");
    std::fs::write(&file, "VERSION:3.0\nFN:nobody\n").unwrap();
    let error = book.run(&["import", file.to_str().unwrap()]).fails(1);
    assert!(error.contains("holds no vCard (no BEGIN:VCARD line)"), "{error}");
    assert_eq!(book.json(&["list", "--json"]).as_array().unwrap().len(), 2, "nothing more was imported");
}

/// Settings and arguments that meant nothing were taken silently.
#[test]
fn nonsense_in_settings_and_arguments_is_refused_with_what_to_do() {
    let book = Book::new();
    book.add(&["张伟"]);
    for (toml, says) in [
        ("[backup]\ndir = \"\"\n", "backup.dir is empty"),
        ("[ranking]\ngrade = [30, 20, 10, 3, 1]\n", "needs 4 weights"),
        ("[holidays.dates]\n2026-12-24 = \" \"\n", "a holiday needs a name"),
    ] {
        book.configure(toml);
        let error = book.run(&["list"]).fails(2);
        assert!(error.contains(says), "{toml}: {error}");
    }
    // A relative backup directory is beside the settings file, not in the
    // directory a command happens to run in.
    book.configure("[backup]\ndir = \"my-backups\"\n");
    let shown = book.json(&["backups", "--json"]);
    let dir = shown["dir"].as_str().unwrap();
    assert_eq!(std::path::Path::new(dir), book.config_path().parent().unwrap().join("my-backups"), "{shown}");
    book.configure("");

    let csv = book.path("c.csv");
    std::fs::write(&csv, "foo,bar\n王芳,x\n").unwrap();
    let error =
        book.run(&["import", csv.to_str().unwrap(), "--map", "foo=name", "--map", "foo=company"]).fails(2);
    assert!(error.contains("column 'foo' is given twice (name, then company)"), "{error}");
    let error = book.run(&["export", "--salvage", "--format", "csv"]).fails(2);
    assert!(
        error.contains("--salvage writes a backup of what can be read: it goes with --format json"),
        "{error}"
    );

    book.run(&["order", "1", "100"]).ok();
    let before = book.json(&["history", "--json"]).as_array().unwrap().len();
    let error = book.run(&["amend", "order", "1"]).fails(2);
    assert!(error.contains("nothing to change in order #1"), "{error}");
    assert_eq!(book.json(&["history", "--json"]).as_array().unwrap().len(), before, "nothing recorded");
}

/// Errors that named no way out: each now says what to do.
#[test]
fn errors_name_what_to_do() {
    let book = Book::new();
    book.add(&["张伟"]);
    let error = book.run(&["plan", "--days", "4294967296"]).fails(2);
    assert!(error.contains("--days 4294967296: plan from 1 to 60 days"), "{error}");
    let error = book.run(&["log", "call", "1", "--at", "-99999999d"]).fails(2);
    assert!(error.contains("is too far: an offset goes up to 3650d"), "{error}");
    let mark = book.store().join("last-commit");
    std::fs::remove_file(&mark).unwrap();
    std::fs::create_dir(&mark).unwrap();
    let error = book.run(&["list"]).fails(1);
    assert!(error.contains("last-commit is not a plain file") && error.contains("remove it"), "{error}");
    std::fs::remove_dir(&mark).unwrap();
    book.run(&["list"]).ok();
}

/// A kill during a compaction left a whole `.NAME.compacting` copy beside
/// the store until the next compaction; the next open removes it.
#[test]
fn a_compaction_cut_short_leaves_nothing_behind_after_the_next_open() {
    let book = Book::new();
    book.add(&["张伟"]);
    let leftover = book.path(".store.compacting");
    std::fs::create_dir(&leftover).unwrap();
    std::fs::write(leftover.join("db"), vec![0u8; 1 << 20]).unwrap();
    book.run(&["list"]).ok();
    assert!(!leftover.exists(), "the copy a killed compaction left is gone");
}
