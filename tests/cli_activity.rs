//! Touches, orders, follow-ups, the daily list and undo, through the binary.

mod common;

use common::Book;

fn keys(value: &serde_json::Value) -> Vec<String> {
    let mut keys: Vec<String> = value.as_object().expect("object").keys().cloned().collect();
    keys.sort();
    keys
}

#[test]
fn a_logged_call_lands_in_the_timeline_and_schedules_the_next_step() {
    let book = Book::new();
    book.add(&["张伟"]);
    let out = book
        .run(&["log", "call", "zw", "--outcome", "no-answer", "--note", "老板不在", "--next", "tomorrow"])
        .ok();
    assert_eq!(
        out.trim(),
        "Logged call with 张伟 (#1) at 2026-11-27 09:00 (no-answer); next step: call on 2026-11-28 (follow-up #1)."
    );
    let show = book.json(&["show", "张伟", "--json"]);
    let touch = &show["touches"][0];
    assert_eq!(touch["kind"], "call");
    assert_eq!(touch["at"], "2026-11-27T09:00:00");
    assert_eq!(touch["outcome"], "no-answer");
    assert_eq!(touch["note"], "老板不在");
    for field in ["kind", "at", "outcome", "note"] {
        assert!(touch.get(field).is_some(), "touch has {field}");
    }
    let follow_up = &show["follow_ups"][0];
    for field in ["id", "due", "kind", "status", "reason"] {
        assert!(follow_up.get(field).is_some(), "follow-up has {field}");
    }
    assert_eq!(follow_up["due"], "2026-11-28");
    assert_eq!(follow_up["status"], "open");
    assert_eq!(show["account"]["last_touch"], "2026-11-27T09:00:00");
    let text = book.run(&["show", "张伟"]).ok();
    assert!(text.contains("2026-11-27 09:00  call no-answer: 老板不在"), "{text}");
}

#[test]
fn touches_take_any_kind_direction_and_a_past_time() {
    let book = Book::new();
    book.add(&["Anna"]);
    for kind in ["call", "sms", "visit", "email", "letter", "gift", "meeting"] {
        book.run(&["log", kind, "Anna"]).ok();
    }
    book.run(&["log", "sms", "Anna", "--inbound", "--outcome", "replied", "--at", "2026-11-20T08:15"]).ok();
    let show = book.json(&["show", "Anna", "--json"]);
    let touches = show["touches"].as_array().unwrap();
    assert_eq!(touches.len(), 8);
    let oldest = touches.last().unwrap();
    assert_eq!(
        (oldest["direction"].as_str(), oldest["at"].as_str()),
        (Some("in"), Some("2026-11-20T08:15:00"))
    );
    assert_eq!(show["account"]["last_touch"], "2026-11-27T09:00:00", "a backdated touch keeps the newest");
}

#[test]
fn bad_touches_are_refused_and_change_nothing() {
    let book = Book::new();
    book.add(&["张伟"]);
    let before = book.snapshot();
    let cases: &[(&[&str], i32, &str)] = &[
        (&["log", "fax", "张伟"], 2, "<KIND> does not take 'fax': it takes call, sms, visit"),
        (&["log", "visit", "张伟", "--outcome", "busy"], 2, "outcome busy does not fit a visit"),
        (&["log", "call", "张伟", "--outcome", "maybe"], 2, "--outcome <OUTCOME> does not take 'maybe'"),
        (&["log", "call", "张伟", "--at", "2026-13-01"], 2, "'2026-13-01' is not a date"),
        (&["log", "call", "张伟", "--at", "yesterday 25pm"], 2, "is not a date"),
        (&["log", "call", "张伟", "--at", "tomorrow"], 2, "is in the future"),
        (&["log", "call", "张伟", "--next", "2026-11-01"], 2, "is in the past"),
        (&["log", "call", "nobody"], 1, "no account matches 'nobody'"),
        (&["log", "call"], 2, "must be given"),
    ];
    for (args, code, message) in cases {
        let error = book.run(args).fails(*code);
        assert!(error.contains(message), "{args:?}: {error}");
    }
    assert_eq!(book.snapshot(), before);
}

#[test]
fn the_first_order_makes_a_customer_and_revenue_counts_twelve_months() {
    let book = Book::new();
    book.add(&["张伟", "--grade", "A"]);
    let out = book.run(&["order", "张伟", "12000.50", "--note", "春季化肥"]).ok();
    assert!(out.contains("Recorded order 12,000.50") && out.contains("now a customer"), "{out}");
    book.run(&["order", "张伟", "1,000", "--at", "2025-11-27"]).ok();
    book.run(&["order", "张伟", "99.5", "--at", "2025-11-28"]).ok();
    let show = book.json(&["show", "张伟", "--json"]);
    assert_eq!(show["account"]["stage"], "customer");
    assert_eq!(show["account"]["tier"], "small");
    assert_eq!(show["account"]["revenue_12m"], "12100.00", "the order of exactly a year ago is out");
    assert_eq!(show["account"]["revenue_total"], "13100.00");
    assert_eq!(show["orders"][0]["amount"], "12000.50");
    for field in ["amount", "at"] {
        assert!(show["orders"][0].get(field).is_some());
    }
    assert_eq!(show["touches"].as_array().unwrap().len(), 0, "history stays as it was");
}

#[test]
fn bad_orders_are_refused_and_change_nothing() {
    let book = Book::new();
    book.add(&["张伟"]);
    let before = book.snapshot();
    let cases: &[(&[&str], &str)] = &[
        (&["order", "张伟", "-5"], "amount '-5' is negative"),
        (&["order", "张伟", "0"], "more than zero"),
        (&["order", "张伟", "12a"], "is not a number"),
        (&["order", "张伟", "1.234"], "more than two decimals"),
        (&["order", "张伟", "100", "--at", "+1d"], "in the future"),
        (&["order", "张伟", "100", "--at", "soon"], "is not a date"),
    ];
    for (args, message) in cases {
        let error = book.run(args).fails(2);
        assert!(error.contains(message), "{args:?}: {error}");
    }
    assert!(book.run(&["order", "nobody", "5"]).fails(1).contains("no account matches"));
    assert_eq!(book.snapshot(), before);
}

#[test]
fn an_order_brings_an_archived_account_back() {
    let book = Book::new();
    book.add(&["张伟"]);
    book.run(&["archive", "张伟", "--reason", "lost"]).ok();
    let out = book.run(&["order", "张伟", "500"]).ok();
    assert!(out.contains("restored from the archive"), "{out}");
    assert_eq!(book.json(&["show", "1", "--json"])["account"]["stage"], "customer");
}

#[test]
fn follow_ups_are_scheduled_done_skipped_and_snoozed() {
    let book = Book::new();
    book.add(&["张伟"]);
    book.add(&["王芳"]);
    assert!(
        book.run(&["follow-up", "张伟", "--on", "+3d", "--kind", "visit", "--note", "带样品"])
            .ok()
            .contains("#1")
    );
    book.run(&["follow-up", "王芳", "--on", "today"]).ok();
    book.run(&["follow-up", "王芳", "--on", "2026-12-24T10:30"]).ok();
    assert!(book.run(&["done", "2"]).ok().contains("Done: follow-up #2 with 王芳"));
    assert!(book.run(&["done", "2"]).fails(1).contains("already done"));
    book.run(&["skip", "3"]).ok();
    let snoozed = book.run(&["snooze", "1", "--to", "+5d"]).ok();
    assert!(snoozed.contains("2026-12-02") && snoozed.contains("(snoozed once)"), "{snoozed}");
    book.run(&["snooze", "1", "--to", "+6d"]).ok();
    let show = book.json(&["show", "张伟", "--json"]);
    let f = &show["follow_ups"][0];
    assert_eq!(
        (f["status"].as_str(), f["snoozes"].as_u64(), f["kind"].as_str()),
        (Some("snoozed"), Some(2), Some("visit"))
    );
    let statuses: Vec<String> = book.json(&["show", "王芳", "--json"])["follow_ups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["status"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(statuses, ["done", "skipped"]);
    let before = book.snapshot();
    assert!(book.run(&["done", "99"]).fails(1).contains("no follow-up #99"));
    assert!(book.run(&["snooze", "1", "--to", "yesterday"]).fails(2).contains("in the past"));
    assert!(book.run(&["follow-up", "张伟", "--on", "2026-11-01"]).fails(2).contains("in the past"));
    assert!(book.run(&["follow-up", "张伟", "--on", "next weak"]).fails(2).contains("is not a date"));
    assert!(book.run(&["done", "abc"]).fails(2).contains("'abc' is not a value"));
    assert_eq!(book.snapshot(), before);
}

#[test]
fn today_lists_due_and_overdue_follow_ups_overdue_first() {
    let mut book = Book::new();
    book.now = "2026-11-20T09:00".into();
    book.add(&["张伟"]);
    book.add(&["王芳"]);
    book.add(&["李娜"]);
    book.add(&["赵文"]);
    book.run(&["follow-up", "张伟", "--on", "2026-11-27"]).ok();
    book.run(&["follow-up", "王芳", "--on", "2026-11-25", "--note", "报价"]).ok();
    book.run(&["follow-up", "李娜", "--on", "2026-11-28"]).ok();
    book.run(&["follow-up", "赵文", "--on", "2026-11-26"]).ok();
    book.run(&["archive", "赵文"]).ok();
    book.now = "2026-11-27T09:00".into();
    let today = book.json(&["today", "--json"]);
    let rows = today.as_array().unwrap();
    let names: Vec<&str> = rows.iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["王芳", "张伟"], "overdue first; not tomorrow's, not archived");
    assert_eq!(
        keys(&rows[0]),
        [
            "account_id",
            "channel",
            "company",
            "days_overdue",
            "deferred_days",
            "done",
            "due",
            "due_time",
            "focus",
            "follow_up_id",
            "kind",
            "name",
            "phone",
            "planned_because",
            "planned_for",
            "reason_codes",
            "reasons",
            "score",
            "slot"
        ]
    );
    assert_eq!((rows[0]["kind"].as_str(), rows[0]["channel"].as_str()), (Some("follow-up"), Some("call")));
    assert!(rows[0]["score"].as_f64().unwrap() > rows[1]["score"].as_f64().unwrap());
    assert_eq!(rows[0]["reasons"], serde_json::json!(["overdue 2 days", "promised: 报价"]));
    assert_eq!(rows[1]["reasons"][0], "due today");
    let text = book.run(&["today"]).ok();
    assert!(
        text.starts_with("Today Fri 2026-11-27: 2 planned (2 promised, 0 in key and MGC slots), 0 later"),
        "{text}"
    );
    book.run(&["log", "call", "王芳", "--next", "+7d"]).ok();
    let rows: Vec<(String, bool)> = book
        .json(&["today", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["name"].as_str().unwrap().into(), r["done"].as_bool().unwrap()))
        .collect();
    assert_eq!(rows, [("张伟".into(), false), ("王芳".into(), true)], "the call did 王芳's row");
}

#[test]
fn undo_reverts_changes_one_by_one_and_says_what() {
    let book = Book::new();
    book.add(&["张伟"]);
    let after_add = book.snapshot();
    book.run(&["log", "call", "张伟", "--next", "tomorrow"]).ok();
    book.run(&["order", "张伟", "500"]).ok();
    assert_eq!(book.run(&["undo"]).ok().trim(), "Undid: order 500.00 from 张伟 (#1)");
    assert_eq!(book.json(&["show", "1", "--json"])["account"]["stage"], "prospect");
    assert_eq!(book.run(&["undo"]).ok().trim(), "Undid: log call with 张伟 (#1)");
    assert_eq!(book.snapshot(), after_add);
    assert!(book.json(&["search", "zw", "--json"]).as_array().unwrap().len() == 1);
    book.run(&["undo"]).ok();
    assert!(book.json(&["list", "--json"]).as_array().unwrap().is_empty());
    assert!(book.json(&["search", "zw", "--json"]).as_array().unwrap().is_empty(), "search follows undo");
    assert_eq!(book.run(&["undo"]).fails(1), "error: nothing to undo");
    let history = book.run(&["history"]).ok();
    assert!(history.contains("undo: add 张伟 (#1)") && history.contains("(undone)"), "{history}");
}

#[test]
fn new_ids_are_never_reused_after_an_undo() {
    let book = Book::new();
    book.add(&["张伟"]);
    book.run(&["undo"]).ok();
    assert_eq!(book.add(&["王芳"]), "2");
}
