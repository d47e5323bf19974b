//! One person, many spellings: phone numbers in their international form
//! (search, references, duplicates on import), `leadline dupes` and
//! `leadline merge`.

mod common;

use common::Book;

#[test]
fn a_number_is_found_however_it_is_written() {
    let book = Book::new();
    book.add(&["张伟", "--phone", "138 0000 1111"]);
    book.add(&["李娜", "--phone", "+86 (0536) 123-4567"]);
    let shown = book.json(&["show", "张伟", "--json"]);
    assert_eq!(shown["account"]["phones"], serde_json::json!(["138 0000 1111"]), "kept as typed");
    assert_eq!(shown["account"]["dial"], serde_json::json!(["+8613800001111"]));
    for query in ["+86 138-0000-1111", "0086 13800001111", "13800001111", "138 0000 1111"] {
        let hits = book.json(&["search", query, "--json"]);
        let names: Vec<&str> = hits.as_array().unwrap().iter().map(|h| h["name"].as_str().unwrap()).collect();
        assert_eq!(names, ["张伟"], "{query}");
    }
    let hits = book.json(&["search", "0536 1234567", "--json"]);
    assert_eq!(hits[0]["name"], "李娜", "a national prefix finds the number written with +86");
    // A reference by phone resolves in any spelling too.
    book.run(&["log", "call", "tel:+86 138 0000 1111", "--outcome", "reached"]).ok();
    book.run(&["log", "call", "tel:05361234567", "--outcome", "reached"]).ok();
    assert_eq!(book.json(&["show", "李娜", "--json"])["touches"].as_array().unwrap().len(), 1);
}

#[test]
fn an_import_skips_a_number_the_book_has_in_another_spelling() {
    let book = Book::new();
    book.add(&["张伟", "--phone", "138 0000 1111"]);
    let csv = book.path("contacts.csv");
    std::fs::write(&csv, "Name,Phone\n张伟 (new phone),+86 138-0000-1111\n王芳,(0755) 8888 1234\n王芳 again,+86 755 8888 1234\n")
        .unwrap();
    let run = book.run(&["import", csv.to_str().unwrap()]);
    assert!(run.stdout.contains("Imported 1 account"), "{}", run.stdout);
    assert!(
        run.stderr.contains("line 2: skipped 张伟 (new phone): same phone as 张伟 (#1)"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("line 4: skipped 王芳 again: same phone as 王芳 (line 3)"), "{}", run.stderr);
    book.run(&["undo"]).ok();
    let zh = book.run(&["--lang", "zh-CN", "import", csv.to_str().unwrap(), "--dry-run"]);
    assert!(zh.stderr.contains("跳过 张伟 (new phone)：张伟 (#1)已有这个电话"), "{}", zh.stderr);
    assert!(zh.stderr.contains("跳过 王芳 again：王芳（第 3 行）已有这个电话"), "{}", zh.stderr);
}

#[test]
fn the_region_reads_numbers_written_without_a_country_code() {
    let book = Book::new();
    book.configure("[contacts]\ndefault_region = \"US\"\n");
    book.add(&["Anna Weber", "--phone", "(415) 555-0100"]);
    let shown = book.json(&["show", "Anna Weber", "--json"]);
    assert_eq!(shown["account"]["dial"], serde_json::json!(["+14155550100"]));
    assert_eq!(book.json(&["search", "+1 415 555 0100", "--json"])[0]["name"], "Anna Weber");

    book.add(&["张伟", "--phone", "138 0000 1111"]);
    let in_us = book.json(&["show", "张伟", "--json"])["account"]["dial"].clone();
    assert_ne!(in_us, serde_json::json!(["+8613800001111"]), "no Chinese number in the US");

    // The region changes: the numbers written without a country code are
    // read again, once, outside the history (they follow from the phones).
    let history = book.json(&["history", "--json"]);
    book.configure("[contacts]\ndefault_region = \"CN\"\n");
    let shown = book.json(&["show", "张伟", "--json"]);
    assert_eq!(shown["account"]["dial"], serde_json::json!(["+8613800001111"]));
    assert_eq!(
        book.json(&["show", "Anna Weber", "--json"])["account"]["dial"],
        serde_json::json!(["(415) 555-0100"]),
        "no Chinese number: kept as typed, not dialled as +86"
    );
    assert_eq!(book.json(&["search", "+86 138 0000 1111", "--json"])[0]["name"], "张伟", "and indexed");
    assert_eq!(book.json(&["history", "--json"]), history);
    let doctor = book.run(&["doctor"]).ok();
    assert!(doctor.contains("all good") && doctor.contains("#1 Anna Weber: (415) 555-0100"), "{doctor}");

    book.configure("[contacts]\ndefault_region = \"China\"\n");
    let error = book.run(&["list"]).fails(2);
    assert!(error.contains("'China' is not a region") && error.contains("line 2"), "{error}");
}

#[test]
fn a_number_from_abroad_is_kept_as_typed_and_flagged() {
    let book = Book::new();
    book.add(&["Tom Baker", "--phone", "(650) 555-1212", "--phone", "0049 30 1234567"]);
    book.add(&["张伟", "--phone", "138 0000 1111", "--phone", "0536 1234601"]);
    let shown = book.json(&["show", "Tom Baker", "--json"]);
    assert_eq!(
        shown["account"]["dial"],
        serde_json::json!(["(650) 555-1212", "+49301234567"]),
        "not +866505551212; 00 is a country code"
    );
    assert_eq!(
        book.json(&["show", "张伟", "--json"])["account"]["dial"],
        serde_json::json!(["+8613800001111", "+865361234601"])
    );
    let card = book.run(&["show", "Tom Baker"]).ok();
    assert!(
        card.contains("(650) 555-1212 (not read as a CN number: dialled as typed), 0049 30 1234567"),
        "{card}"
    );
    let zh = book.run(&["--lang", "zh-CN", "show", "Tom Baker"]).ok();
    assert!(zh.contains("(650) 555-1212（未能按CN号码识别，按原样拨打）"), "{zh}");

    // Doctor lists it and the book stays healthy; dupes says such a
    // number is compared as typed.
    let doctor = book.run(&["doctor"]).ok();
    assert!(doctor.contains("all good"), "{doctor}");
    assert!(doctor.contains("1 number is not read as a CN number, so it is dialled"), "{doctor}");
    assert!(doctor.contains("  #1 Tom Baker: (650) 555-1212\n"), "{doctor}");
    assert!(!doctor.contains("0049"), "a number with its country code is no doubt: {doctor}");
    let report = book.json(&["doctor", "--json"]);
    assert_eq!(report["healthy"], true);
    assert_eq!(
        report["doubtful_phones"],
        serde_json::json!([{"account": 1, "name": "Tom Baker", "phone": "(650) 555-1212"}])
    );
    let dupes = book.run(&["dupes"]).ok();
    assert!(
        dupes.contains("so it is compared by its digits as typed")
            && dupes.contains("#1 Tom Baker: (650) 555-1212"),
        "{dupes}"
    );

    // The phone's address book gets it as typed, not as a +86 number.
    let cards = book.path("cards.vcf");
    book.run(&["export", "--format", "vcf", "-o", cards.to_str().unwrap()]).ok();
    let vcf = std::fs::read_to_string(&cards).unwrap();
    assert!(vcf.contains("TEL;VALUE=text:(650) 555-1212") && !vcf.contains("+86650"), "{vcf}");
    assert!(vcf.contains("TEL;VALUE=uri:tel:+49301234567"), "{vcf}");

    // In the US the same number is a US one, and 0049 still Germany's.
    book.configure("[contacts]\ndefault_region = \"US\"\n");
    let shown = book.json(&["show", "Tom Baker", "--json"]);
    assert_eq!(shown["account"]["dial"], serde_json::json!(["+16505551212", "+49301234567"]));
}

#[test]
fn numbers_stored_by_the_old_rules_are_read_again_once_without_a_word() {
    let book = Book::new();
    book.add(&["Tom Baker", "--phone", "(650) 555-1212"]);
    book.run(&["list"]).ok();
    {
        // What the rules before 2026-12 stored: +86 on a US number, and a
        // marker naming only the region.
        let store = leadline_store::Store::open_unmigrated(&book.store(), Default::default()).unwrap();
        store
            .rewrite_accounts(|account| {
                account.phones_e164 = vec!["+866505551212".to_string()];
                true
            })
            .unwrap();
        store.set_phones_region("CN").unwrap();
    }
    let history = book.json(&["history", "--json"]);
    let run = book.run(&["show", "Tom Baker", "--json"]);
    assert!(run.stderr.is_empty(), "only the rules changed, not the region: {}", run.stderr);
    let shown: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(shown["account"]["dial"], serde_json::json!(["(650) 555-1212"]));
    assert_eq!(book.json(&["history", "--json"]), history, "outside the history");
}

#[test]
fn a_number_the_plans_do_not_know_is_dialled_as_typed() {
    let book = Book::new();
    book.add(&["门卫", "--phone", "110"]);
    let shown = book.json(&["show", "门卫", "--json"]);
    assert_eq!(shown["account"]["dial"], serde_json::json!(["110"]));
}

/// Two spellings of one farmer, each with history, and a third namesake.
fn book_with_a_duplicate() -> Book {
    let book = Book::new();
    book.add(&["张伟", "--company", "绿源农资", "--phone", "138 0000 1111", "--tag", "farm"]);
    book.add(&["Zhang Wei", "--phone", "+86 138-0000-1111", "--email", "zw@example.cn", "--tag", "dealer"]);
    book.add(&["章伟", "--company", "绿源农资"]);
    book.add(&["王芳", "--company", "丰收合作社", "--phone", "139 2222 3333"]);
    book.run(&["log", "call", "张伟", "--outcome", "reached"]).ok();
    book.run(&["log", "visit", "2", "--outcome", "reached"]).ok();
    book.run(&["order", "2", "5000"]).ok();
    book.run(&["follow-up", "2", "--on", "today", "--kind", "call", "--note", "price list"]).ok();
    book.run(&["refer", "2", "王芳", "--incentive", "a bag of seed"]).ok();
    book
}

#[test]
fn dupes_lists_each_group_with_what_its_accounts_share() {
    let book = book_with_a_duplicate();
    let out = book.run(&["dupes"]).ok();
    assert!(out.starts_with("1 group of likely duplicates:"), "{out}");
    assert!(out.contains("same phone 138 0000 1111: #1, #2"), "{out}");
    assert!(out.contains("names that sound alike (zhangwei): #1, #2, #3"), "{out}");
    assert!(!out.contains("王芳"), "{out}");
    let groups = book.json(&["dupes", "--json"]);
    let ids: Vec<u64> =
        groups[0]["accounts"].as_array().unwrap().iter().map(|a| a["id"].as_u64().unwrap()).collect();
    assert_eq!(ids, [1, 2, 3]);
    assert_eq!(groups[0]["shared"][0]["likeness"], "phone");
    assert_eq!(groups[0]["shared"][0]["accounts"], serde_json::json!([1, 2]));
    assert_eq!(groups[0]["accounts"][1]["stage"], "customer small");

    let zh = book.run(&["dupes", "--lang", "zh-CN"]).ok();
    assert!(zh.starts_with("1 组疑似重复："), "{zh}");
    assert!(
        zh.contains("电话相同 138 0000 1111：#1、#2") || zh.contains("电话相同 138 0000 1111: #1、#2"),
        "{zh}"
    );

    let empty = Book::new();
    empty.add(&["李娜"]);
    assert_eq!(empty.run(&["dupes"]).ok(), "No likely duplicates among 1 account.\n");
}

#[test]
fn merge_moves_all_history_to_the_kept_account_and_undo_takes_it_back() {
    let book = book_with_a_duplicate();
    let today_before = book.json(&["today", "--json"]);
    assert!(today_before.to_string().contains("Zhang Wei"), "the plan of the day names the duplicate");
    let before = book.snapshot();

    let dry = book.run(&["merge", "张伟", "2", "--dry-run"]).ok();
    assert!(
        dry.starts_with(
            "Would merge Zhang Wei (#2) into 张伟 (#1), moving 1 touch, 1 order, 2 follow-ups and 1 referral"
        ),
        "{dry}"
    );
    assert!(dry.contains("customer small"), "{dry}");
    assert_eq!(book.snapshot(), before, "a dry run changes nothing");
    let zh = book.run(&["--lang", "zh-CN", "merge", "张伟", "2", "--dry-run"]).ok();
    assert!(
        zh.starts_with("将把 Zhang Wei（#2）合并到 张伟（#1）（移过来：1 次联系、1 笔订单、2 个跟进和 1 个转介绍），结果是："),
        "{zh}"
    );

    let out = book.run(&["merge", "张伟", "2"]).ok();
    assert_eq!(
        out,
        "Merged Zhang Wei (#2) into 张伟 (#1): 1 touch, 1 order, 2 follow-ups and 1 referral moved. `leadline undo` takes it back.\n"
    );
    let shown = book.json(&["show", "1", "--json"]);
    let account = &shown["account"];
    assert_eq!(account["phones"], serde_json::json!(["138 0000 1111"]), "one number, two spellings");
    assert_eq!(account["email"], "zw@example.cn");
    assert_eq!(account["tags"], serde_json::json!(["farm", "dealer"]));
    assert_eq!(account["note"], "Zhang Wei (#2)", "the other spelling of the name is kept");
    assert_eq!(account["stage"], "customer");
    assert_eq!(shown["touches"].as_array().unwrap().len(), 2);
    assert_eq!(shown["orders"].as_array().unwrap().len(), 1);
    assert_eq!(shown["follow_ups"][0]["note"], "price list");
    assert!(book.run(&["show", "2"]).fails(1).contains("#2"));
    let referrals = book.json(&["referrals", "--json"]);
    assert_eq!(referrals["ledger"][0]["referrer_id"], 1, "{referrals}");
    let today = book.json(&["today", "--json"]);
    assert_eq!(today[0]["name"], "张伟", "the day's plan names the kept account: {today}");
    assert_eq!(today.as_array().unwrap().len(), 1, "{today}");
    let review = book.json(&["review", "--json"]).to_string();
    assert!(!review.contains("Zhang Wei"), "the day's touches are the kept account's: {review}");
    assert!(book.run(&["dupes"]).ok().contains("#1, #3"), "the namesake is still a likely duplicate");
    assert!(book.run(&["doctor"]).ok().contains("all good"), "the indexes agree with the records");

    book.run(&["undo"]).ok();
    assert_eq!(book.snapshot(), before, "undo brings both accounts back as they were");
}

#[test]
fn a_merge_that_makes_no_sense_is_refused_and_changes_nothing() {
    let book = book_with_a_duplicate();
    let before = book.snapshot();
    let same = book.run(&["merge", "1", "张伟"]).fails(1);
    assert!(same.contains("cannot be merged with itself"), "{same}");
    let referred = book.run(&["merge", "王芳", "2"]).fails(1);
    assert!(referred.contains("Zhang Wei referred 王芳: they are two people"), "{referred}");
    let missing = book.run(&["merge", "1", "99"]).fails(1);
    assert!(missing.contains("#99"), "{missing}");
    assert_eq!(book.snapshot(), before);
}

#[test]
fn the_locale_s_country_reads_the_numbers_and_an_import_that_looks_foreign_is_warned_of() {
    let book = Book::new();
    let csv = book.path("us.csv");
    std::fs::write(
        &csv,
        "Name,Phone\nDale Vander Wal,(515) 555-0100\nAnn Lee,1-563-555-0104\nBob Roe,319.555.0101\nCy Doe,+1 712 555 0102\n",
    )
    .unwrap();
    let in_us = |args: &[&str]| {
        let out = book.command(args).env("LANG", "en_US.UTF-8").output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    // No region set and no country in the locale: CN, and the import says
    // the numbers look North American before it writes anything.
    let dry = book.run(&["import", csv.to_str().unwrap(), "--dry-run"]);
    assert!(
        dry.stderr.contains("3 look North American")
            && dry.stderr.contains("set default_region = \"US\" in the settings"),
        "{}",
        dry.stderr
    );
    let config = book.run(&["config"]).ok();
    assert!(config.contains("the locale names no country"), "{config}");
    // In the US locale: US, said by `config`, and no warning.
    let (config, _) = in_us(&["config"]);
    assert!(config.contains("default_region = \"US\" comes from the locale (LANG=en_US.UTF-8)"), "{config}");
    assert!(config.contains("preset = \"us\""), "the holidays follow the region: {config}");
    let (_, said) = in_us(&["import", csv.to_str().unwrap()]);
    assert!(!said.contains("North American"), "{said}");
    let (cards, _) = in_us(&["export", "--format", "vcf"]);
    let tels: Vec<&str> = cards.lines().filter(|l| l.starts_with("TEL")).collect();
    assert_eq!(tels.len(), 4);
    assert!(tels.iter().all(|t| t.contains("tel:+1")), "{tels:?}");
    // Back in a locale without a country: read again as CN, and said so.
    let run = book.run(&["list"]);
    assert!(
        run.stderr.contains("The phone region is now CN (it was US)")
            && run.stderr.contains("3 accounts' changed"),
        "{}",
        run.stderr
    );
}
