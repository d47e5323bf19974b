//! Competitors through the real binary: notes with the five questions,
//! aliases, merges, deals lost to them, the report across the book, undo
//! of every command, search, the old free text carried over, and the
//! round trips through backups and CSV.

mod common;

use common::Book;
use serde_json::{Value, json};

fn show(book: &Book, account: &str) -> Value {
    book.json(&["show", account, "--json"])
}

fn report(book: &Book) -> Value {
    book.json(&["competitors", "--json"])
}

/// The report's row of one competitor.
fn row(book: &Book, name: &str) -> Value {
    let report = report(book);
    report["competitors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == name)
        .cloned()
        .unwrap_or_else(|| panic!("no {name} in {report}"))
}

#[test]
fn a_note_holds_the_five_answers_and_each_command_is_undone_in_one_step() {
    let book = Book::new();
    book.add(&["张伟"]);
    let out = book
        .run(&[
            "competitor",
            "add",
            "张伟",
            "史丹利",
            "--strength",
            "全国品牌",
            "--offer",
            "60 天账期",
            "--floor",
            "整车 2650 一吨",
            "--weakness",
            "送货慢",
            "--edge",
            "价格低",
            "--price",
            "2,650",
            "--credit-days",
            "60",
        ])
        .ok();
    assert!(out.contains("Noted 史丹利 at 张伟 (#1)"), "{out}");
    let note = &show(&book, "张伟")["account"]["competitors"][0];
    assert_eq!(
        note,
        &json!({
            "competitor": "史丹利", "competitor_id": 1, "strength": "全国品牌", "offer": "60 天账期",
            "floor": "整车 2650 一吨", "weakness": "送货慢", "edge": "价格低", "price": "2650.00",
            "credit_days": 60, "note": null, "confirmed": "2026-11-27"
        })
    );
    let text = book.run(&["show", "张伟"]).ok();
    assert!(text.contains("#1 史丹利 · confirmed 2026-11-27"), "{text}");
    assert!(text.contains("Floor: 整车 2650 一吨") && text.contains("Credit: 60 days"), "{text}");

    // One note per competitor at an account, by any of its names.
    book.run(&["competitor", "alias", "史丹利", "Stanley"]).ok();
    let error = book.run(&["competitor", "add", "张伟", "stanley"]).fails(1);
    assert!(error.contains("张伟 already has a note on 史丹利"), "{error}");

    // edit: the answers given change, the rest stays, the day is confirmed.
    book.run(&["competitor", "edit", "张伟", "Stanley", "--floor", "2600", "--edge", ""]).ok();
    let note = &show(&book, "张伟")["account"]["competitors"][0];
    assert_eq!((note["floor"].as_str(), note["edge"].as_str()), (Some("2600"), None));
    assert_eq!(note["offer"], "60 天账期");
    book.run(&["undo"]).ok();
    let note = &show(&book, "张伟")["account"]["competitors"][0];
    assert_eq!((note["floor"].as_str(), note["edge"].as_str()), (Some("整车 2650 一吨"), Some("价格低")));

    // rm, by its place in the list; undo brings it back.
    book.run(&["competitor", "rm", "张伟", "#1"]).ok();
    assert_eq!(show(&book, "张伟")["account"]["competitors"], json!([]));
    book.run(&["undo"]).ok();
    assert_eq!(show(&book, "张伟")["account"]["competitors"][0]["competitor"], "史丹利");

    // alias: undone, the other name finds nothing.
    book.run(&["undo"]).ok();
    let error = book.run(&["competitor", "show", "Stanley"]).fails(1);
    assert!(error.contains("no competitor is named 'Stanley'"), "{error}");

    // add: undone, the note and the new competitor go.
    book.run(&["undo"]).ok();
    assert_eq!(show(&book, "张伟")["account"]["competitors"], json!([]));
    assert_eq!(report(&book)["competitors"], json!([]));

    let error = book.run(&["competitor", "add", "张伟", "丰农", "--credit-days", "lots"]).fails(2);
    assert!(error.contains("credit days 'lots' is not a number of days"), "{error}");
    let error = book.run(&["competitor", "edit", "张伟", "#3", "--floor", "1"]).fails(1);
    assert!(error.contains("张伟 has no competitor note #3 (it has 0)"), "{error}");
}

#[test]
fn aliases_make_one_competitor_and_a_name_that_was_another_merges_the_two() {
    let book = Book::new();
    book.add(&["张伟"]);
    book.add(&["王芳"]);
    book.add(&["李娜"]);
    book.run(&["competitor", "add", "张伟", "史丹利", "--floor", "2650"]).ok();
    book.run(&["competitor", "add", "王芳", "Stanley", "--floor", "2600", "--price", "2600"]).ok();
    book.run(&["competitor", "add", "李娜", "金正大"]).ok();
    assert_eq!(report(&book)["competitors"].as_array().unwrap().len(), 3);

    let out = book.run(&["competitor", "alias", "史丹利", "stanley"]).ok();
    assert!(out.contains("Stanley is now 史丹利 (one account's note counts for it)"), "{out}");
    let stanley = row(&book, "史丹利");
    assert_eq!(stanley["aliases"], json!([]), "a merged competitor keeps its own names");
    let at: Vec<&str> =
        stanley["accounts"].as_array().unwrap().iter().map(|a| a["account"].as_str().unwrap()).collect();
    assert_eq!(at, ["张伟", "王芳"]);
    assert_eq!(stanley["lowest_price"]["value"], "2600.00");
    assert_eq!(report(&book)["competitors"].as_array().unwrap().len(), 2);
    // Every name finds it, however it is written.
    for name in ["Stanley", "ＳＴＡＮＬＥＹ", "史丹利"] {
        let shown = book.json(&["competitor", "show", name, "--json"]);
        assert_eq!(shown["name"], "史丹利", "{name}");
    }
    // The notes show the competitor's name, whichever name they were made with.
    assert_eq!(show(&book, "王芳")["account"]["competitors"][0]["competitor"], "史丹利");
    // Search finds the accounts by any of its names.
    let found = book.json(&["search", "stanley", "--json"]);
    let names: Vec<&str> = found.as_array().unwrap().iter().map(|h| h["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["张伟", "王芳"], "{found}");
    let found = book.json(&["search", "史丹利", "--json"]);
    assert_eq!(found.as_array().unwrap().len(), 2, "{found}");

    // An account with notes on both keeps one, with what the other adds.
    book.run(&["competitor", "add", "李娜", "Kingenta", "--offer", "60 天账期"]).ok();
    book.run(&["competitor", "edit", "李娜", "金正大", "--floor", "2500"]).ok();
    book.run(&["competitor", "alias", "金正大", "Kingenta"]).ok();
    let notes = show(&book, "李娜")["account"]["competitors"].clone();
    assert_eq!(notes.as_array().unwrap().len(), 1, "{notes}");
    assert_eq!((notes[0]["floor"].as_str(), notes[0]["offer"].as_str()), (Some("2500"), Some("60 天账期")));
    book.run(&["undo"]).ok();
    assert_eq!(show(&book, "李娜")["account"]["competitors"].as_array().unwrap().len(), 2);
    book.run(&["undo"]).ok();
    book.run(&["undo"]).ok();

    let error = book.run(&["competitor", "alias", "史丹利", "Stanley"]).fails(1);
    assert!(error.contains("'Stanley' is already a name of 史丹利"), "{error}");
    // The merge is one change.
    book.run(&["undo"]).ok();
    assert_eq!(report(&book)["competitors"].as_array().unwrap().len(), 3);
    assert_eq!(book.json(&["search", "史丹利", "--json"]).as_array().unwrap().len(), 1);
}

#[test]
fn the_report_weighs_our_revenue_where_they_sell_and_counts_deals_lost_in_twelve_months() {
    let book = Book::new();
    for (name, orders) in [("大户甲", vec!["50000", "30000"]), ("大户乙", vec!["20000"]), ("小户丙", vec![])]
    {
        book.add(&[name]);
        for amount in orders {
            book.run(&["order", name, amount]).ok();
        }
    }
    book.add(&["旧户丁"]);
    book.run(&["order", "旧户丁", "90000", "--at", "2025-06-01"]).ok();
    // The key account (大户甲 brings 80%) has no note yet: Focus says whom.
    assert_eq!(book.json(&["focus", "--json"])["key_accounts_competition_unknown"], 1);
    let focus = book.run(&["focus"]).ok();
    assert!(focus.contains("One key account: you do not know who else sells there"), "{focus}");
    assert!(focus.contains("  大户甲 (#1)\n"), "{focus}");
    for account in ["大户甲", "大户乙", "小户丙", "旧户丁"] {
        book.run(&["competitor", "add", account, "史丹利"]).ok();
    }
    assert_eq!(book.json(&["focus", "--json"])["key_accounts_competition_unknown"], 0);
    book.run(&["competitor", "add", "大户甲", "金正大", "--weakness", "送货慢、售后差"]).ok();
    book.run(&["competitor", "add", "大户乙", "金正大", "--weakness", "送货慢"]).ok();

    // Lost: a declined call names who won; so does archiving as lost.
    book.add(&["跑单户"]);
    let out = book.run(&["log", "call", "跑单户", "--outcome", "declined", "--lost-to", "史丹利"]).ok();
    assert!(out.contains("lost to 史丹利"), "{out}");
    // Declined twice to the same competitor is one deal lost.
    book.run(&["log", "visit", "跑单户", "--outcome", "declined", "--lost-to", "史丹利"]).ok();
    book.add(&["流失户"]);
    book.run(&["archive", "流失户", "--reason", "lost", "--lost-to", "金正大"]).ok();
    let error = book.run(&["archive", "大户乙", "--lost-to", "金正大"]).fails(2);
    assert!(error.contains("only an account archived as lost went to a competitor"), "{error}");
    let error = book.run(&["log", "call", "大户乙", "--outcome", "reached", "--lost-to", "金正大"]).fails(2);
    assert!(error.contains("only when it is declined"), "{error}");
    // A loss older than 12 months is not counted.
    book.add(&["老早户"]);
    book.run(&[
        "log",
        "call",
        "老早户",
        "--outcome",
        "declined",
        "--lost-to",
        "史丹利",
        "--at",
        "2025-10-01 10:00",
    ])
    .ok();

    let stanley = row(&book, "史丹利");
    // 80,000 + 20,000 (旧户丁's order is older than 12 months).
    assert_eq!(stanley["revenue_at_risk"], "100000.00");
    let lost: Vec<&str> =
        stanley["lost_12m"].as_array().unwrap().iter().map(|l| l["account"].as_str().unwrap()).collect();
    assert_eq!(lost, ["跑单户"]);
    let jin = row(&book, "金正大");
    assert_eq!(jin["revenue_at_risk"], "100000.00");
    assert_eq!(jin["lost_12m"][0]["account"], "流失户");
    assert_eq!(jin["weaknesses"][0], json!(["送货慢", 2]), "the most cited first");
    let competitors = report(&book)["competitors"].clone();
    assert_eq!(competitors[0]["name"], "史丹利", "ties on revenue go to where they sell most: {competitors}");
    // The winner sells there now: the account has a note on it.
    assert_eq!(show(&book, "跑单户")["account"]["competitors"][0]["competitor"], "史丹利");
    assert_eq!(show(&book, "跑单户")["touches"][0]["lost_to"], "史丹利");
    assert_eq!(show(&book, "流失户")["account"]["archived"]["lost_to"], "金正大");

    let text = book.run(&["competitors"]).ok();
    assert!(text.contains("史丹利") && text.contains("100,000.00"), "{text}");
    let md = book.run(&["competitors", "--md"]).ok();
    assert!(md.starts_with("# Competitors\n\n| Competitor | Accounts |"), "{md}");
    let shown = book.run(&["competitor", "show", "金正大"]).ok();
    assert!(
        shown.contains("Deals lost to them in the last 12 months") && shown.contains("流失户"),
        "{shown}"
    );
}

#[test]
fn the_free_text_of_an_older_store_becomes_a_note_with_every_character() {
    let book = Book::new();
    book.add(&["张伟"]);
    let text = "从丰农买化肥,价格低\n但送货慢 🚚 — “底价” 2650/吨\t(老板说的)";
    {
        let db = common::open_sled(&book.store());
        let data = db.open_tree("data").unwrap();
        let key = [&[b'a'][..], &1u64.to_be_bytes()].concat();
        let value = data.get(&key).unwrap().unwrap();
        let mut record: Value = serde_json::from_slice(&value[1..]).unwrap();
        record["account"]["competitors"] = json!(text);
        let mut bytes = vec![value[0]];
        bytes.extend(serde_json::to_vec(&record).unwrap());
        data.insert(&key, bytes).unwrap();
        let meta = db.open_tree("meta").unwrap();
        meta.insert("schema_version", &2u32.to_be_bytes()).unwrap();
        meta.insert("derived_version", &13u32.to_be_bytes()).unwrap();
        db.flush().unwrap();
    }

    let note = &show(&book, "张伟")["account"]["competitors"][0];
    assert_eq!(note["note"], text, "every character kept");
    assert_eq!(note["competitor"], Value::Null, "not named yet");
    assert_eq!(note["confirmed"], Value::Null);
    assert_eq!(report(&book)["unnamed_notes"], 1);
    // Naming it later keeps the text.
    book.run(&["competitor", "edit", "张伟", "#1", "--competitor", "丰农"]).ok();
    let note = &show(&book, "张伟")["account"]["competitors"][0];
    assert_eq!((note["competitor"].as_str(), note["note"].as_str()), (Some("丰农"), Some(text)));
    // The key account has a note now; the focus counts it as known.
    assert_eq!(book.json(&["focus", "--json"])["key_accounts_competition_unknown"], 0);

    // A backup from before competitors were records restores the same way.
    let backup = json!({
        "format": "leadline-backup", "version": 1,
        "accounts": [{"id": 1, "name": "王芳", "stage": {"kind": "prospect", "grade": "B"},
                      "created_at": "2026-01-05T09:00:00", "competitors": text}],
        "touches": [], "orders": [], "follow_ups": [], "referrals": []
    });
    let other = Book::new();
    let file = other.path("old.json");
    std::fs::write(&file, backup.to_string()).unwrap();
    other.run(&["import", file.to_str().unwrap()]).ok();
    assert_eq!(show(&other, "王芳")["account"]["competitors"][0]["note"], text);
}

#[test]
fn competitors_go_out_and_come_back_in_backups_and_csv() {
    let book = Book::new();
    book.add(&["张伟", "--phone", "138 0000 1111"]);
    book.add(&["王芳", "--phone", "139 0000 2222"]);
    book.run(&["competitor", "add", "张伟", "史丹利", "--floor", "2650", "--price", "2650"]).ok();
    book.run(&["competitor", "alias", "史丹利", "Stanley"]).ok();
    book.run(&["competitor", "add", "张伟", "金正大"]).ok();
    book.run(&["log", "call", "王芳", "--outcome", "declined", "--lost-to", "金正大"]).ok();

    let backup = book.path("book.json");
    book.run(&["export", "-o", backup.to_str().unwrap()]).ok();
    let restored = Book::new();
    restored.run(&["import", backup.to_str().unwrap()]).ok();
    assert_eq!(restored.json(&["competitors", "--json"]), report(&book), "the report is the same");
    let again = restored.path("again.json");
    restored.run(&["export", "-o", again.to_str().unwrap()]).ok();
    assert_eq!(std::fs::read(&backup).unwrap(), std::fs::read(&again).unwrap(), "byte for byte");

    let csv = book.path("book.csv");
    book.run(&["export", "--format", "csv", "-o", csv.to_str().unwrap()]).ok();
    let mut reader = csv::Reader::from_path(&csv).unwrap();
    let headers = reader.headers().unwrap().clone();
    let column = headers.iter().position(|h| h == "competitors").expect("a competitors column");
    let name = headers.iter().position(|h| h == "name").unwrap();
    let mut cells: Vec<(String, String)> =
        reader.records().map(|r| r.unwrap()).map(|r| (r[name].to_string(), r[column].to_string())).collect();
    cells.sort();
    assert_eq!(cells, [("张伟".into(), "史丹利; 金正大".into()), ("王芳".into(), "金正大".into())]);
    let imported = Book::new();
    imported.run(&["competitor", "add", &imported.add(&["赵文"]), "金正大"]).ok();
    let out = imported.run(&["import", csv.to_str().unwrap()]).ok();
    assert!(out.contains("Imported 2 accounts"), "{out}");
    let names = |book: &Book, account: &str| -> Vec<String> {
        show(book, account)["account"]["competitors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["competitor"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(names(&imported, "张伟"), ["史丹利", "金正大"]);
    assert_eq!(names(&imported, "王芳"), ["金正大"]);
    // The book's 金正大 is the file's; 史丹利 is added once.
    assert_eq!(imported.json(&["competitors", "--json"])["competitors"].as_array().unwrap().len(), 2);
    imported.run(&["undo"]).ok();
    assert_eq!(imported.json(&["competitors", "--json"])["competitors"].as_array().unwrap().len(), 1);
}

#[test]
fn merging_two_accounts_keeps_one_note_per_competitor_with_what_each_knew() {
    let book = Book::new();
    book.add(&["张伟", "--phone", "138 0000 1111"]);
    book.add(&["张伟", "--phone", "138 0000 1111"]);
    book.run(&["competitor", "add", "1", "史丹利", "--floor", "2650"]).ok();
    book.run(&["competitor", "add", "2", "史丹利", "--offer", "60 天账期", "--floor", "2700"]).ok();
    book.run(&["competitor", "add", "2", "金正大"]).ok();
    book.run(&["merge", "1", "2"]).ok();
    let notes = show(&book, "1")["account"]["competitors"].clone();
    let names: Vec<&str> =
        notes.as_array().unwrap().iter().map(|n| n["competitor"].as_str().unwrap()).collect();
    assert_eq!(names, ["史丹利", "金正大"]);
    assert_eq!((notes[0]["floor"].as_str(), notes[0]["offer"].as_str()), (Some("2650"), Some("60 天账期")));
}
