//! The Chinese calendar in the daily plan: the festivals of the "cn" preset
//! bring greeting rows for VIP and key accounts, ahead by each festival's
//! lead, by its way (a gift, an SMS).

mod common;

use common::Book;

fn rows(book: &Book) -> Vec<serde_json::Value> {
    book.json(&["today", "--json"]).as_array().cloned().unwrap_or_default()
}

/// A VIP customer touched yesterday (so nothing else is due) and a small
/// one, on the given day.
fn book_on(day: &str) -> Book {
    let mut book = Book::new();
    book.now = format!("{day}T09:00");
    book.add(&["张伟", "--phone", "138 0000 1111"]);
    book.add(&["王芳", "--phone", "139 0000 2222"]);
    book.run(&["order", "张伟", "900000"]).ok();
    book.run(&["order", "王芳", "500"]).ok();
    book.run(&["tiers", "--apply"]).ok();
    book
}

#[test]
fn mid_autumn_brings_a_gift_row_for_the_vip_ten_days_ahead() {
    let book = book_on("2026-09-15");
    assert!(rows(&book).is_empty(), "without the preset, no festival");
    book.configure("[holidays]\npreset = \"cn\"\n");
    let rows = rows(&book);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["name"], "张伟");
    assert_eq!(rows[0]["kind"], "holiday");
    assert_eq!(rows[0]["channel"], "gift");
    assert_eq!(rows[0]["reasons"][0], "中秋节 in 10 days: send a greeting or a gift");
}

#[test]
fn national_day_is_a_greeting_sms_three_days_ahead_and_a_greeting_closes_it() {
    let book = book_on("2026-09-28");
    book.configure("[holidays]\npreset = \"cn\"\n");
    let rows_now = rows(&book);
    assert_eq!(rows_now[0]["channel"], "sms", "{rows_now:?}");
    assert_eq!(rows_now[0]["reasons"][0], "国庆节 in 3 days: send a greeting");
    book.run(&["log", "sms", "张伟", "--note", "国庆节的价目表"]).ok();
    assert!(rows(&book).iter().any(|r| r["done"] == false), "an SMS that is not a greeting leaves the row");
    book.run(&["log", "sms", "张伟", "--greeting", "国庆", "--note", "国庆快乐"]).ok();
    let after = rows(&book);
    assert!(after.iter().all(|r| r["done"] == true), "greeted: done for today: {after:?}");
    let mut tomorrow = book;
    tomorrow.now = "2026-09-29T09:00".into();
    assert!(rows(&tomorrow).is_empty(), "greeted within the lead: not due again");
}

#[test]
fn a_birthday_brings_a_greeting_row_two_days_ahead_every_year() {
    let mut book = Book::new();
    book.now = "2026-11-30T09:00".into();
    book.add(&["李娜", "--phone", "138 0000 3333", "--birthday", "12-03"]);
    book.run(&["log", "call", "李娜", "--outcome", "reached"]).ok();
    assert!(rows(&book).iter().all(|r| r["done"] == true), "3 days ahead: not yet");
    book.now = "2026-12-01T09:00".into();
    let due = rows(&book);
    assert_eq!(due.len(), 1, "{due:?}");
    assert_eq!((due[0]["kind"].as_str(), due[0]["channel"].as_str()), (Some("holiday"), Some("sms")));
    assert_eq!(due[0]["reasons"][0], "birthday in 2 days: send a greeting");
    book.run(&["log", "sms", "李娜", "--greeting", "birthday", "--note", "生日快乐"]).ok();
    book.now = "2026-12-02T09:00".into();
    assert!(rows(&book).is_empty(), "greeted: not due again this year");
    book.now = "2027-12-01T09:00".into();
    let next_year = book.json(&["today", "--json"]);
    let reasons = next_year.as_array().unwrap().iter().map(|r| r["reasons"].to_string()).collect::<String>();
    assert!(reasons.contains("birthday in 2 days"), "{next_year}");

    assert_eq!(book.json(&["show", "李娜", "--json"])["account"]["birthday"], "12-03");
    assert!(book.run(&["show", "李娜"]).ok().contains("birthday    12-03"));
    let error = book.run(&["edit", "李娜", "--birthday", "02-30"]).fails(2);
    assert!(error.contains("'02-30' is not a birthday"), "{error}");
    book.run(&["edit", "李娜", "--birthday", ""]).ok();
    assert!(book.json(&["show", "李娜", "--json"])["account"]["birthday"].is_null());
}

#[test]
fn a_key_customer_is_greeted_on_the_anniversary_of_its_first_order() {
    let mut book = Book::new();
    book.now = "2026-11-30T09:00".into();
    book.add(&["王芳", "--phone", "139 0000 2222"]);
    book.run(&["order", "王芳", "5000", "--at", "2025-12-03"]).ok();
    let due = rows(&book);
    let reasons = due[0]["reasons"].to_string();
    assert!(reasons.contains("1 year as a customer in 3 days: send a greeting"), "{due:?}");
    assert_eq!(book.json(&["show", "王芳", "--json"])["account"]["anniversary"], "2025-12-03");
    book.run(&["edit", "王芳", "--anniversary", "2020-06-01"]).ok();
    let mut later = book;
    later.now = "2027-05-29T09:00".into();
    // Still its key account (anniversaries are for key accounts and VIPs).
    later.run(&["order", "王芳", "5000", "--at", "2027-05-01"]).ok();
    let due = rows(&later);
    assert!(due[0]["reasons"].to_string().contains("7 years as a customer in 3 days"), "{due:?}");
}

#[test]
fn birthdays_come_in_from_vcards_and_csv() {
    let book = Book::new();
    let vcf = book.path("phone.vcf");
    std::fs::write(
        &vcf,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:赵敏\r\nTEL;TYPE=CELL:13800001234\r\nBDAY:1985-07-09\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:4.0\r\nFN:孙强\r\nBDAY:--0412\r\nEND:VCARD\r\n",
    )
    .unwrap();
    book.run(&["import", vcf.to_str().unwrap()]).ok();
    let csv = book.path("contacts.csv");
    std::fs::write(&csv, "Name,Phone,Birthday\n周杰,13900004321,3/15/1978\n吴涛,13900009999,0/0/00\n")
        .unwrap();
    book.run(&["import", csv.to_str().unwrap()]).ok();
    let birthday = |name: &str| book.json(&["show", name, "--json"])["account"]["birthday"].clone();
    assert_eq!(birthday("赵敏"), "1985-07-09");
    assert_eq!(birthday("孙强"), "04-12");
    assert_eq!(birthday("周杰"), "1978-03-15");
    assert!(birthday("吴涛").is_null(), "Outlook's empty birthday is none");
}

#[test]
fn the_week_plans_a_birthday_on_the_day_its_greeting_opens() {
    let mut book = Book::new();
    book.now = "2026-12-01T09:00".into();
    book.add(&["李娜", "--phone", "138 0000 3333", "--birthday", "12-05"]);
    book.run(&["log", "call", "李娜", "--outcome", "reached"]).ok();
    let plan = book.json(&["plan", "--days", "7", "--json"]);
    let day_of = |name: &str| {
        plan["days"].as_array().unwrap().iter().find_map(|day| {
            let planned =
                day["rows"].as_array().unwrap().iter().any(|r| r["name"] == name && r["done"] == false);
            planned.then(|| day["date"].as_str().unwrap().to_string())
        })
    };
    assert_eq!(day_of("李娜").as_deref(), Some("2026-12-03"), "{plan}");
}

#[test]
fn a_holiday_s_lead_and_way_follow_the_settings() {
    let book = book_on("2026-12-04");
    book.configure("[holidays]\npreset = \"us\"\n");
    assert!(rows(&book).is_empty(), "Christmas cards go two weeks ahead by the preset");
    book.configure(
        "[holidays]\npreset = \"us\"\n[holidays.greetings]\nChristmas = { lead_days = 21, way = \"letter\" }\n",
    );
    let rows = rows(&book);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!((rows[0]["name"].as_str(), rows[0]["channel"].as_str()), (Some("张伟"), Some("letter")));
    assert_eq!(rows[0]["reasons"][0], "Christmas in 21 days: send a card");

    // A day of one's own, with its way.
    let mut spring = book_on("2027-03-08");
    spring.now = "2027-03-08T09:00".into();
    spring.configure(
        "[holidays.dates]\n\"03-15\" = \"Planting season\"\n[holidays.greetings]\n\"Planting season\" = { way = \"call\" }\n",
    );
    let rows = self::rows(&spring);
    assert_eq!(
        (rows[0]["kind"].as_str(), rows[0]["channel"].as_str()),
        (Some("holiday"), Some("call")),
        "{rows:?}"
    );
}

/// Issue 23, point 5: a follow-up snoozed once says so in its event, in
/// either language.
#[test]
fn an_event_says_how_often_its_follow_up_was_snoozed_in_words_that_read() {
    let book = Book::new();
    book.add(&["张伟"]);
    book.run(&["follow-up", "张伟", "--on", "tomorrow", "--note", "报价"]).ok();
    book.run(&["snooze", "1", "--to", "+3d"]).ok();
    let unfolded = |lang: &str| {
        let path = book.path(&format!("{lang}.ics"));
        book.run(&["--lang", lang, "export", "--format", "ics", "-o", path.to_str().unwrap()]).ok();
        std::fs::read_to_string(&path).unwrap().replace("\r\n ", "")
    };
    let english = unfolded("en");
    assert!(english.contains("snoozed once") && !english.contains("1 times"), "{english}");
    assert!(unfolded("zh-CN").contains("已推迟 1 次"));
}

/// Issue 23, point 5: an export of unchanged follow-ups rewrites no file
/// (a sync tool that compares bytes sees no change), and a follow-up moved
/// with `amend` is a new revision of its event.
#[test]
fn an_unchanged_vdir_is_left_as_it_was_and_a_moved_follow_up_is_a_new_revision() {
    let mut book = Book::new();
    book.add(&["张伟"]);
    book.add(&["王芳"]);
    book.run(&["follow-up", "张伟", "--on", "2026-12-01", "--note", "报价"]).ok();
    book.run(&["follow-up", "王芳", "--on", "2026-12-02"]).ok();
    let vdir = book.path("calendar");
    let export = |book: &Book| {
        let run = book.run(&["export", "--format", "vdir", "-o", vdir.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        format!("{}{}", run.stdout, run.stderr)
    };
    assert!(export(&book).contains("2 follow-ups (2 new, 0 changed, 0 removed)"));
    let file = vdir.join("follow-up-1@leadline.ics");
    let first = std::fs::read_to_string(&file).unwrap();
    // Hours later, nothing changed: nothing is written.
    book.now = "2026-11-27T17:30".into();
    assert!(export(&book).contains("(0 new, 0 changed, 0 removed)"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), first);
    assert!(first.contains("SEQUENCE:0"), "{first}");
    book.run(&["amend", "follow-up", "1", "--on", "2026-12-03"]).ok();
    assert!(export(&book).contains("(0 new, 1 changed, 0 removed)"));
    let moved = std::fs::read_to_string(&file).unwrap();
    assert!(moved.contains("SEQUENCE:1") && moved.contains("DTSTAMP:20261127T"), "{moved}");
}

/// Issue 23, point 5: a follow-up removed as made by mistake is sent
/// cancelled for 30 days, so a calendar fed by the file drops its event
/// (it lingered); undo takes the cancellation back with the removal.
#[test]
fn a_removed_follow_up_is_sent_cancelled_until_calendars_have_dropped_it() {
    let mut book = Book::new();
    book.add(&["张伟"]);
    book.run(&["follow-up", "张伟", "--on", "2026-12-01", "--note", "报价"]).ok();
    book.run(&["snooze", "1", "--to", "2026-12-02"]).ok();
    let ics = book.path("follow-ups.ics");
    let export = |book: &Book| {
        book.run(&["export", "--format", "ics", "-o", ics.to_str().unwrap()]).ok();
        let text = std::fs::read_to_string(&ics).unwrap().replace("\r\n ", "");
        let python =
            if std::path::Path::new("/usr/bin/python3").exists() { "/usr/bin/python3" } else { "python3" };
        let script = r#"
import sys, icalendar
calendar = icalendar.Calendar.from_ical(open(sys.argv[1], encoding="utf-8").read())
for event in calendar.walk("VEVENT"):
    print(event.get("UID"), event.get("STATUS", "-"), event.get("SEQUENCE"), event.decoded("DTSTAMP").strftime("%Y-%m-%d %H:%M"))
"#;
        let out =
            std::process::Command::new(python).args(["-c", script, ics.to_str().unwrap()]).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        (text, String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let (_, open) = export(&book);
    assert_eq!(open, "follow-up-1@leadline - 1 2026-11-27 09:00\n");

    book.now = "2026-11-28T10:15".into();
    let removed = book.run(&["remove", "follow-up", "1"]);
    assert_eq!(removed.code, 0, "{}", removed.stderr);
    let (text, events) = export(&book);
    assert_eq!(events, "follow-up-1@leadline CANCELLED 2 2026-11-28 10:15\n", "{text}");
    assert!(
        text.contains("SUMMARY:") && !text.contains("VALARM"),
        "no reminder for a cancelled event: {text}"
    );

    book.run(&["undo"]).ok();
    assert_eq!(export(&book).1, "follow-up-1@leadline - 1 2026-11-27 09:00\n", "undo brings it back open");
    book.run(&["remove", "follow-up", "1"]).ok();
    book.now = "2026-12-29T09:00".into();
    assert_eq!(export(&book).1, "", "after 30 days every calendar has dropped it");
}
