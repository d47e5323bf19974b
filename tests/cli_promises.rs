//! What a touch means for the promise it was for, and every day on record:
//! through the real binary, on hand-built books.

mod common;

use common::Book;
use serde_json::Value;

fn rows(value: &Value) -> Vec<Value> {
    value.as_array().expect("an array").clone()
}

fn follow_up(book: &Book, id: u64) -> Value {
    let backup: Value = serde_json::from_str(&book.run(&["export"]).ok()).unwrap();
    rows(&backup["follow_ups"]).into_iter().find(|f| f["id"] == id).expect("the follow-up")
}

/// 张伟 with a call promised for today (Friday 2026-11-27).
fn promised() -> Book {
    let mut book = Book::new();
    book.now = "2026-11-20T09:00".into();
    book.add(&["张伟", "--phone", "138 0000 1111", "--grade", "B"]);
    book.run(&["follow-up", "张伟", "--on", "2026-11-27", "--note", "问报价"]).ok();
    book.now = common::NOW.into();
    book
}

#[test]
fn a_touch_that_reaches_them_keeps_the_promise_and_undo_reopens_it() {
    let book = promised();
    let out = book.run(&["log", "call", "张伟", "--outcome", "reached"]).ok();
    assert!(out.contains("closed follow-up #1 (call, due 11-27)"), "{out}");
    assert_eq!(follow_up(&book, 1)["status"], "done");
    book.run(&["undo"]).ok();
    assert_eq!(follow_up(&book, 1)["status"], "open", "undo reopens it");

    // A visit that happened reaches them whatever its outcome says; an SMS
    // with no reply does not keep a promised call, a call with no outcome
    // does (it is the promised kind).
    let out = book.run(&["log", "sms", "张伟"]).ok();
    assert!(!out.contains("closed"), "{out}");
    assert_eq!(follow_up(&book, 1)["status"], "open");
    let out = book.run(&["log", "call", "张伟"]).ok();
    assert!(out.contains("closed follow-up #1"), "{out}");
}

#[test]
fn nobody_answered_keeps_the_promise_open_tried_and_due_again_not_overdue() {
    let mut book = promised();
    let out = book.run(&["log", "call", "张伟", "--outcome", "no-answer"]).ok();
    assert!(out.contains("follow-up #1 stays open: nobody answered (tried once); due again 11-28"), "{out}");
    let f = follow_up(&book, 1);
    assert_eq!(
        (f["status"].as_str(), f["due"].as_str(), f["attempts"].as_u64()),
        (Some("open"), Some("2026-11-28"), Some(1))
    );
    let today = rows(&book.json(&["today", "--json"]));
    assert_eq!(today[0]["done"], true, "the attempt works the row");

    book.now = "2026-11-28T09:00".into();
    let row = &rows(&book.json(&["today", "--json"]))[0];
    assert_eq!(row["reason_codes"][0], "due_today", "due again, not overdue: {row}");
    assert_eq!(row["days_overdue"], 0);
    // Tried again: the next try is two working days on.
    let out = book.run(&["log", "call", "张伟", "--outcome", "busy"]).ok();
    assert!(out.contains("(tried 2 times); due again 11-30"), "{out}");
    let card = book.json(&["show", "张伟", "--json"]);
    assert_eq!(card["follow_ups"][0]["attempts"], 2, "the card says so too: {card}");
    let review = book.json(&["review", "--json"]);
    assert_eq!(review["missed"], serde_json::json!([]), "a promise tried is not a promise broken");
}

#[test]
fn closing_promises_by_hand_is_a_setting() {
    let book = promised();
    book.configure("[plan]\ntouch_closes_promise = false\n");
    let out = book.run(&["log", "call", "张伟", "--outcome", "reached"]).ok();
    assert!(!out.contains("closed"), "{out}");
    assert_eq!(follow_up(&book, 1)["status"], "open");
    book.run(&["done", "1"]).ok();
    assert_eq!(follow_up(&book, 1)["status"], "done");
}

#[test]
fn a_greeting_closes_only_its_greeting_and_an_incentive_only_its_delivery() {
    let mut book = Book::new();
    book.add(&["王芳", "--phone", "139 0000 2222"]);
    book.add(&["杨洋", "--referred-by", "王芳", "--phone", "137 0000 3333"]);
    book.run(&["order", "杨洋", "5000"]).ok();
    // 王芳's thank-you (#2) and the incentive's delivery (#3) are hers.
    book.now = "2026-12-05T09:00".into();
    let out = book.run(&["log", "call", "王芳", "--outcome", "reached"]).ok();
    assert!(out.contains("closed follow-up #2"), "a reached call thanks her: {out}");
    assert!(!out.contains("#3"), "but delivers nothing: {out}");
    assert_eq!(follow_up(&book, 3)["status"], "open");
}

#[test]
fn a_day_nothing_was_done_on_is_on_record_planned_and_missed_and_breaks_the_streak() {
    let mut book = Book::new();
    book.configure("[plan]\nsat = 0\nsun = 0\n");
    book.now = "2026-11-02T09:00".into();
    for name in ["张伟", "王芳", "李娜"] {
        book.add(&[name, "--grade", "A", "--phone", "13800138000"]);
    }
    // Monday 11-23: all three called; away Tuesday to Thursday.
    book.now = "2026-11-23T09:00".into();
    for name in ["张伟", "王芳", "李娜"] {
        book.run(&["log", "call", name, "--outcome", "reached"]).ok();
    }
    // Friday, before anything is done: the days away read as they will.
    book.now = "2026-11-27T08:00".into();
    let before: Vec<Value> = ["2026-11-24", "2026-11-25", "2026-11-26"]
        .iter()
        .map(|d| book.json(&["review", "--date", d, "--json"]))
        .collect();
    book.run(&["log", "call", "张伟", "--outcome", "reached"]).ok();
    for (day, seen) in ["2026-11-24", "2026-11-25", "2026-11-26"].iter().zip(&before) {
        let review = book.json(&["review", "--date", day, "--json"]);
        assert_eq!(&review, seen, "{day} reads the same whenever it is viewed");
    }
    let thursday = &before[2];
    assert_eq!(thursday["planned"], 3, "{thursday}");
    assert_eq!(thursday["planned_missed"].as_array().map(Vec::len), Some(3));
    assert_eq!(thursday["streak"], 0, "a planned day not worked breaks the streak");
    let monday = book.json(&["review", "--date", "2026-11-23", "--json"]);
    assert_eq!(monday["streak"], 1, "{monday}");
    // The weekend before Monday neither counts nor breaks it.
    book.now = "2026-11-30T18:00".into();
    for name in ["王芳", "李娜"] {
        book.run(&["log", "call", name, "--outcome", "reached"]).ok();
    }
    let friday = book.json(&["review", "--date", "2026-11-27", "--json"]);
    assert_eq!(friday["planned_missed"].as_array().map(Vec::len), Some(2), "{friday}");

    // Accounts that waited for room say how many days.
    let mut full = Book::new();
    full.configure("[plan]\ncapacity = 1\nsat = 0\nsun = 0\n");
    full.now = "2026-11-02T09:00".into();
    full.add(&["赵文", "--grade", "C", "--phone", "13900139000"]);
    full.add(&["刘洋", "--grade", "C", "--phone", "13700137000"]);
    full.now = "2026-11-23T09:00".into();
    full.run(&["log", "call", "赵文", "--outcome", "reached"]).ok();
    full.now = "2026-11-24T09:00".into();
    let today = rows(&full.json(&["today", "--json"]));
    assert_eq!(today[0]["name"], "刘洋");
    assert_eq!(today[0]["deferred_days"], 1, "it waited Monday for room: {}", today[0]);
}

#[test]
fn over_capacity_the_days_after_are_said_to_be_a_projection() {
    let book = Book::new();
    book.configure("[plan]\ncapacity = 1\n");
    for (name, phone) in [("张伟", "13800138001"), ("王芳", "13800138002")] {
        book.add(&[name, "--phone", phone]);
        book.run(&["follow-up", name, "--on", "today"]).ok();
    }
    book.add(&["李娜", "--phone", "13800138003", "--grade", "A"]);
    let note = "Over capacity today: the days after are a projection that assumes today's plan is worked.";
    let all = book.run(&["today", "--all"]).ok();
    assert!(all.contains(note), "{all}");
    assert!(book.run(&["plan", "--days", "3"]).ok().contains(note));
    assert!(!book.run(&["today"]).ok().contains(note), "without the days after, nothing to say");
}

#[test]
fn a_follow_up_takes_the_day_in_a_rep_s_words_and_refuses_a_time_already_gone() {
    let mut book = Book::new();
    book.now = "2026-12-07T17:30".into();
    book.add(&["Dale Vander Wal"]);
    let at = |when: &str| book.run(&["follow-up", "Dale", "--on", when]);
    assert!(at("next tuesday 2pm").ok().contains("on 2026-12-15 at 14:00"));
    assert!(at("dec 15").ok().contains("on 2026-12-15."));
    assert!(at("in 2 weeks").ok().contains("on 2026-12-21."));
    assert!(at("tomorrow at 9:15am").ok().contains("on 2026-12-08 at 09:15"));
    let gone = at("16:00").fails(2);
    assert!(gone.contains("2026-12-07 16:00 is in the past"), "{gone}");
    let refused = at("someday").fails(2);
    assert!(
        refused.contains("tomorrow 2pm") && !refused.contains("yesterday"),
        "forward forms only: {refused}"
    );
    let zh = book.run(&["--lang", "zh-CN", "follow-up", "Dale", "--on", "明天下午3点"]).ok();
    assert!(zh.contains("2026-12-08") && zh.contains("15:00"), "{zh}");
}
