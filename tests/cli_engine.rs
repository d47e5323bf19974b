//! The follow-up engine through the real binary: config, the ranked
//! Today list, next-step suggestions, referrals and incentives, SMS
//! fatigue, holidays, the day's review and the calendar export.

mod common;

use common::Book;
use serde_json::Value;

fn rows(value: &Value) -> Vec<Value> {
    value.as_array().expect("an array").clone()
}

/// Who is still to contact today: the plan's open rows.
fn names(book: &Book) -> Vec<String> {
    rows(&book.json(&["today", "--json"]))
        .iter()
        .filter(|r| r["done"] == false)
        .map(|r| r["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn config_prints_the_settings_in_force_and_bad_files_name_the_line() {
    let book = Book::new();
    let defaults = book.run(&["config"]).ok();
    assert!(defaults.starts_with(&format!("# No {} yet", book.config_path().display())), "{defaults}");
    assert!(
        defaults.contains(
            "[cadence]\nA = 3\nB = 7\nC = 14\nD = 30\nvip = 14\nlarge = 30\nmedium = 45\nsmall = 60"
        )
    );

    book.configure("[cadence]\nA = 5\n\n[holidays.dates]\n2027-02-06 = \"春节\"\n");
    let mine = book.run(&["config"]).ok();
    assert!(mine.starts_with(&format!("# Settings from {}", book.config_path().display())), "{mine}");
    assert!(mine.contains("A = 5\nB = 7") && mine.contains("2027-02-06 = \"春节\""), "{mine}");

    book.configure("[cadence]\nA = 5\nB = \"weekly\"\n");
    for args in [&["config"][..], &["today"], &["list"]] {
        let error = book.run(args).fails(2);
        assert!(error.contains(&format!("{}: line 3", book.config_path().display())), "{error}");
    }
    book.configure("[cadense]\nA = 5\n");
    assert!(book.run(&["today"]).fails(2).contains("unknown field `cadense`"));

    let other = book.path("other.toml");
    std::fs::write(&other, "[cadence]\nD = 90\n").unwrap();
    let picked = book.run(&["--config", other.to_str().unwrap(), "config"]).ok();
    assert!(picked.contains("D = 90"), "--config wins over the broken default: {picked}");
    let missing = book.path("missing.toml");
    let error = book.run(&["--config", missing.to_str().unwrap(), "today"]).fails(2);
    assert!(error.contains("cannot read") && error.contains("missing.toml"), "{error}");
}

#[test]
fn today_ranks_follow_ups_and_cadences_with_scores_and_reasons() {
    let mut book = Book::new();
    book.now = "2026-11-10T09:00".into();
    book.add(&["张伟", "--grade", "A"]);
    book.add(&["王芳", "--grade", "D"]);
    book.add(&["李娜", "--grade", "B"]);
    book.add(&["赵文", "--grade", "C"]);
    book.now = "2026-11-22T09:00".into();
    book.run(&["log", "call", "张伟"]).ok();
    book.run(&["log", "call", "王芳", "--next", "2026-11-27"]).ok();
    book.run(&["log", "call", "赵文", "--next", "2026-12-01"]).ok();
    book.now = "2026-11-27T09:00".into();
    let today = rows(&book.json(&["today", "--json"]));
    let summary: Vec<(&str, &str)> =
        today.iter().map(|r| (r["name"].as_str().unwrap(), r["kind"].as_str().unwrap())).collect();
    // 王芳 (D) has a follow-up today: a promise, first; then 李娜 (B),
    // never touched, added 17 days ago (a new lead's first contact comes
    // first), and 张伟 (A), 2 days past a 3-day cadence, by score; 赵文's
    // follow-up is later.
    assert_eq!(summary, [("王芳", "follow-up"), ("李娜", "cadence"), ("张伟", "cadence")]);
    assert_eq!(today[2]["reasons"], serde_json::json!(["A grade, no touch for 5 days"]));
    assert_eq!(
        today[1]["reasons"],
        serde_json::json!(["new lead: first contact (B grade, added 17 days ago)"])
    );
    assert_eq!(today[1]["reason_codes"], serde_json::json!(["first_contact"]));
    assert_eq!(today[1]["follow_up_id"], Value::Null);
    assert_eq!((today[0]["channel"].as_str(), today[0]["due"].as_str()), (Some("call"), Some("2026-11-27")));
    assert_eq!(
        today.iter().map(|r| r["slot"].as_str().unwrap()).collect::<Vec<_>>(),
        ["promise", "score", "score"]
    );
    let scores: Vec<f64> = today[1..].iter().map(|r| r["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");

    book.run(&["log", "visit", "张伟"]).ok();
    assert_eq!(names(&book), ["王芳", "李娜"], "any touch does the row");

    book.configure("[cadence]\nB = 30\n\n[ranking]\ngrade = [30.0, 20.0, 10.0, 50.0]\n");
    assert_eq!(names(&book), ["王芳", "李娜"], "a new lead's first contact is not its cadence");
    book.configure(
        "[cadence]\nB = 30\n\n[plan]\nfirst_contact_days = 30\n\n[ranking]\ngrade = [30.0, 20.0, 10.0, 50.0]\n",
    );
    assert_eq!(names(&book), ["王芳"], "the config sets cadences");
    let text = book.run(&["today"]).ok();
    assert!(text.contains(": 2 planned, 1/2 done (1 promised, 0 in key and MGC slots), 0 later"), "{text}");
}

#[test]
fn next_auto_takes_the_outcomes_suggestion() {
    let book = Book::new();
    book.add(&["张伟"]);
    let logged = book.run(&["log", "call", "张伟", "--outcome", "no-answer", "--next", "auto"]).ok();
    assert!(logged.contains("next step: call on 2026-11-28"), "no answer: tomorrow; {logged}");
    let logged = book.run(&["log", "visit", "张伟", "--outcome", "quote-sent", "--next", "auto"]).ok();
    assert!(logged.contains("next step: visit on 2026-11-30"), "quote sent: three days; {logged}");
    let error = book.run(&["log", "call", "张伟", "--next", "auto"]).fails(2);
    assert!(error.contains("needs an outcome"), "{error}");
    let error = book.run(&["log", "visit", "张伟", "--outcome", "meeting-booked", "--next", "auto"]).fails(2);
    assert!(error.contains("a booked meeting needs its day"), "{error}");
    book.configure("[next_step]\nno-answer = 2\n");
    let logged = book.run(&["log", "call", "张伟", "--outcome", "no-answer", "--next", "auto"]).ok();
    assert!(logged.contains("next step: call on 2026-11-29"), "{logged}");
    assert!(logged.contains("Also moved follow-up #1 to 2026-11-29: the same promise"), "{logged}");
    let follow_ups = book.json(&["show", "张伟", "--json"])["follow_ups"].as_array().unwrap().len();
    assert_eq!(follow_ups, 2, "a second no-answer the same day moves the first one's follow-up");
}

#[test]
fn a_snoozed_follow_up_says_so_from_the_third_time() {
    let mut book = Book::new();
    book.add(&["张伟"]);
    book.run(&["follow-up", "张伟", "--on", "today"]).ok();
    for (day, to) in
        [("2026-11-27", "2026-11-28"), ("2026-11-28", "2026-11-29"), ("2026-11-29", "2026-11-30")]
    {
        book.now = format!("{day}T09:00");
        let reasons = rows(&book.json(&["today", "--json"]))[0]["reasons"].to_string();
        assert!(!reasons.contains("snoozed"), "{reasons}");
        book.run(&["snooze", "1", "--to", to]).ok();
    }
    book.now = "2026-11-30T09:00".into();
    let row = &rows(&book.json(&["today", "--json"]))[0];
    assert_eq!(row["reasons"], serde_json::json!(["due today", "promised call", "snoozed 3 times"]));
}

#[test]
fn referrals_schedule_follow_ups_and_incentives_are_earned_then_delivered() {
    let mut book = Book::new();
    book.now = "2026-11-20T09:00".into();
    book.add(&["李娜", "--grade", "B"]);
    book.add(&["王芳", "--referred-by", "李娜", "--incentive", "一箱茅台, 两条烟"]);
    book.add(&["张伟"]);
    let said = book.run(&["refer", "李娜", "张伟"]).ok();
    assert_eq!(
        said,
        "Referral #2: 李娜 referred 张伟. Contact 张伟 by 2026-11-22; thank 李娜 by 2026-11-21.\n"
    );

    let before = book.snapshot();
    assert!(book.run(&["refer", "王芳", "张伟"]).fails(1).contains("张伟 was already referred"));
    assert!(book.run(&["refer", "李娜", "李娜"]).fails(2).contains("cannot refer itself"));
    assert!(book.run(&["refer", "李娜", "nobody"]).fails(1).contains("no account matches 'nobody'"));
    assert!(book.run(&["add", "刘洋", "--incentive", "gift"]).fails(2).contains("--referred-by"));
    assert!(
        book.run(&["referrals", "deliver", "1"]).fails(1).contains("not earned yet: 王芳 has not ordered")
    );
    assert!(book.run(&["referrals", "deliver", "7"]).fails(1).contains("no referral #7"));
    assert_eq!(book.snapshot(), before, "refused commands change nothing");

    book.now = "2026-11-21T09:00".into();
    let today = rows(&book.json(&["today", "--json"]));
    assert_eq!(today.len(), 1, "the referees are due tomorrow");
    assert_eq!(today[0]["name"], "李娜", "the referrer is owed a thank-you today");
    assert_eq!(
        today[0]["reasons"],
        serde_json::json!(["due today", "thank for referring 王芳", "1 more due"])
    );
    book.now = "2026-11-22T09:00".into();
    let today = rows(&book.json(&["today", "--json"]));
    let summary: Vec<(&str, &str)> =
        today.iter().map(|r| (r["name"].as_str().unwrap(), r["reasons"][1].as_str().unwrap())).collect();
    assert_eq!(
        summary,
        [("李娜", "thank for referring 王芳"), ("王芳", "referred by 李娜"), ("张伟", "referred by 李娜")]
    );

    let ordered = book.run(&["order", "王芳", "12000"]).ok();
    assert!(ordered.contains("李娜's referral incentive is earned: deliver it by 2026-11-29"), "{ordered}");
    let ledger = book.json(&["referrals", "--json"]);
    let first = &ledger["ledger"][0];
    for (field, value) in [
        ("id", serde_json::json!(1)),
        ("referrer", "李娜".into()),
        ("referee", "王芳".into()),
        ("referee_stage", "customer".into()),
        ("incentive", "一箱茅台, 两条烟".into()),
        ("incentive_status", "earned".into()),
    ] {
        assert_eq!(first[field], value, "{field}");
    }
    assert_eq!(ledger["ledger"][1]["incentive_status"], "promised");
    assert_eq!(
        ledger["referrers"],
        serde_json::json!([{"id": 1, "name": "李娜", "made": 2, "converted": 1}])
    );
    let wang = book.json(&["show", "王芳", "--json"]);
    assert!(
        wang["follow_ups"].as_array().unwrap().iter().all(|f| f["status"] != "open"),
        "the referee bought: contacting them is done"
    );

    assert_eq!(
        book.run(&["referrals", "deliver", "1"]).ok(),
        "Delivered the incentive of referral #1 (一箱茅台, 两条烟).\n"
    );
    assert!(book.run(&["referrals", "deliver", "1"]).fails(1).contains("already delivered"));
    assert_eq!(book.json(&["referrals", "--json"])["ledger"][0]["incentive_status"], "delivered");
    let li = book.json(&["show", "李娜", "--json"]);
    let open: Vec<&str> = li["follow_ups"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["status"] == "open")
        .map(|f| f["note"].as_str().unwrap())
        .collect();
    assert_eq!(open, ["thank for referring 张伟"], "delivering closes referral 1's follow-ups only");
    let text = book.run(&["referrals"]).ok();
    assert!(text.contains("李娜 (#1)  王芳 (#2)  customer") && text.contains("delivered"), "{text}");
}

#[test]
fn the_fourth_unanswered_sms_warns_and_the_row_says_call_instead() {
    let mut book = Book::new();
    book.add(&["张伟"]);
    for day in ["2026-11-20", "2026-11-23", "2026-11-26"] {
        book.now = format!("{day}T10:00");
        let run = book.run(&["log", "sms", "张伟"]);
        assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    }
    book.now = "2026-11-27T09:00".into();
    book.run(&["follow-up", "张伟", "--on", "today"]).ok();
    let row = &rows(&book.json(&["today", "--json"]))[0];
    assert_eq!(row["reasons"][2], "3 unanswered SMS: call or visit instead");
    let run = book.run(&["log", "sms", "张伟"]);
    assert_eq!(run.code, 0, "the SMS is still saved");
    assert_eq!(run.stderr, "warning: 4 SMS to 张伟 in 14 days got no answer: call or visit instead\n");
    book.run(&["log", "call", "张伟", "--outcome", "reached"]).ok();
    let run = book.run(&["log", "sms", "张伟"]);
    assert_eq!(run.stderr, "", "a reached call starts the count again");
}

#[test]
fn vip_customers_are_due_a_holiday_greeting_in_the_lead_days() {
    let mut book = Book::new();
    // The greeting alone: no key account brought forward for the 80/20 rule.
    book.configure(
        "[plan]\nkey_share = 0.0\n\n[holidays]\nlead_days = 5\n\n[holidays.dates]\n2026-12-01 = \"感恩节\"\n",
    );
    book.now = "2026-11-01T09:00".into();
    book.add(&["李娜"]);
    book.add(&["王芳"]);
    book.run(&["order", "李娜", "5000"]).ok();
    book.run(&["order", "王芳", "500"]).ok();
    book.run(&["edit", "李娜", "--tier", "vip"]).ok();
    book.now = "2026-11-20T09:00".into();
    book.run(&["log", "call", "李娜"]).ok();
    book.now = "2026-11-25T09:00".into();
    assert!(names(&book).is_empty(), "6 days ahead, before the lead");
    book.now = "2026-11-26T09:00".into();
    let today = rows(&book.json(&["today", "--json"]));
    assert_eq!(today.len(), 1, "the small customer, not a key account, gets no greeting");
    assert_eq!(
        (today[0]["name"].as_str(), today[0]["kind"].as_str(), today[0]["channel"].as_str()),
        (Some("李娜"), Some("holiday"), Some("gift"))
    );
    assert_eq!(
        today[0]["reasons"],
        serde_json::json!(["感恩节 in 5 days: send a greeting or a gift", "key account"])
    );
    book.run(&["log", "gift", "李娜", "--note", "月饼"]).ok();
    assert!(names(&book).is_empty(), "greeted");
}

#[test]
fn review_counts_the_days_work_and_the_streak() {
    let mut book = Book::new();
    book.now = "2026-11-20T09:00".into();
    book.add(&["张伟", "--grade", "A"]);
    book.add(&["王芳"]);
    book.add(&["李娜"]);
    book.run(&["follow-up", "张伟", "--on", "2026-11-25"]).ok();
    book.run(&["follow-up", "王芳", "--on", "2026-11-25"]).ok();
    book.run(&["follow-up", "李娜", "--on", "2026-11-25"]).ok();
    book.now = "2026-11-25T10:00".into();
    let reached = book.run(&["log", "call", "张伟", "--outcome", "reached"]).ok();
    assert!(reached.contains("closed follow-up #1"), "a reached call keeps the promise: {reached}");
    book.run(&["log", "sms", "王芳"]).ok();
    let tried = book.run(&["log", "call", "李娜", "--outcome", "no-answer"]).ok();
    assert!(
        tried.contains("follow-up #3 stays open: nobody answered (tried once); due again 11-26"),
        "{tried}"
    );
    book.run(&["snooze", "2", "--to", "2026-11-27"]).ok();
    book.run(&["order", "张伟", "12000.50"]).ok();
    book.now = "2026-11-26T18:00".into();
    book.run(&["done", "3"]).ok();
    book.now = "2026-11-27T09:00".into();

    let review = book.json(&["review", "--date", "2026-11-25", "--json"]);
    assert_eq!(review["date"], "2026-11-25");
    assert_eq!(review["touches"], 3);
    assert_eq!(review["by_kind"], serde_json::json!({"call": 2, "sms": 1}));
    assert_eq!(review["by_outcome"], serde_json::json!({"reached": 1, "no-answer": 1, "none": 1}));
    assert_eq!(
        review["orders"],
        serde_json::json!([{"account_id": 1, "name": "张伟", "amount": "12000.50"}])
    );
    assert_eq!(review["orders_value"], "12000.50");
    assert_eq!(
        (&review["follow_ups_done"], &review["follow_ups_snoozed"], &review["follow_ups_skipped"]),
        (&serde_json::json!(1), &serde_json::json!(1), &serde_json::json!(0))
    );
    let missed: Vec<&str> =
        review["missed"].as_array().unwrap().iter().map(|m| m["name"].as_str().unwrap()).collect();
    assert!(missed.is_empty(), "李娜 was tried, 王芳's was snoozed: {missed:?}");
    assert_eq!(review["day_over"], true);
    assert_eq!(review["planned"], 3);
    assert_eq!(review["planned_missed"], serde_json::json!([]), "all three got a touch");
    assert_eq!(review["streak"], 1, "李娜's call went unanswered, but the attempt was made");

    let text = book.run(&["review", "--date", "2026-11-26"]).ok();
    assert!(text.starts_with("Review of 2026-11-26, Thursday"), "{text}");
    assert!(text.contains("Touches       none\n"), "{text}");
    assert!(text.contains("Follow-ups    1 done, 0 skipped, 0 snoozed"), "{text}");
    assert!(text.contains("Plan          1/1 worked, 0 missed"), "{text}");
    assert!(text.contains("Streak        2 days with the plan worked to zero"), "{text}");

    // 王芳's snoozed follow-up is due today: still due while the day lasts.
    let today = book.json(&["review", "--json"]);
    assert_eq!(
        (&today["date"], &today["day_over"]),
        (&serde_json::json!("2026-11-27"), &serde_json::json!(false))
    );
    assert_eq!(today["missed"][0]["name"], "王芳");
    assert!(book.run(&["review"]).ok().contains("Still due     王芳"));

    assert!(book.run(&["review", "--date", "2026-12-01"]).fails(2).contains("has not happened yet"));
    assert!(book.run(&["review", "--date", "someday"]).fails(2).contains("not a date"));
}

#[test]
fn the_calendar_export_parses_back_with_stable_uids_and_escaped_text() {
    let book = Book::new();
    book.add(&["张伟", "--company", "绿源农资, 有限公司"]);
    book.add(&["Anna Schmidt"]);
    book.run(&["follow-up", "张伟", "--on", "2026-11-28T14:30", "--note", "送样品, 讨论价格; 合同\n第二行"])
        .ok();
    book.run(&[
        "follow-up",
        "Anna Schmidt",
        "--on",
        "2026-12-01",
        "--kind",
        "visit",
        "--note",
        "price list; samples",
    ])
    .ok();
    book.run(&["follow-up", "Anna Schmidt", "--on", "2026-12-02"]).ok();
    book.run(&["done", "3"]).ok();

    let text = book.run(&["export", "--format", "ics"]).ok();
    assert!(text.lines().all(|l| l.len() <= 75), "lines folded at 75 octets");
    let unfolded = icalendar::parser::unfold(&text);
    assert!(unfolded.contains("送样品\\, 讨论价格\\; 合同\\n第二行"), "escaped on the wire: {unfolded}");
    let calendar: icalendar::Calendar = text.parse().expect("a real iCalendar parser reads it");
    use icalendar::Component;
    let events: Vec<&icalendar::Event> = calendar.components.iter().filter_map(|c| c.as_event()).collect();
    let cancelled = |e: &&&icalendar::Event| e.get_status() == Some(icalendar::EventStatus::Cancelled);
    assert_eq!(events.iter().filter(|e| !cancelled(e)).count(), 2, "the open follow-ups");
    // The one done today is sent cancelled, a revision after the open one.
    let done: Vec<&&icalendar::Event> = events.iter().filter(cancelled).collect();
    assert_eq!(done.len(), 1);
    assert_eq!((done[0].get_uid(), done[0].get_sequence()), (Some("follow-up-3@leadline"), Some(1)));
    let zhang = events.iter().find(|e| e.get_uid() == Some("follow-up-1@leadline")).expect("uid from the id");
    assert_eq!(zhang.get_summary(), Some("call 张伟 (绿源农资, 有限公司)"));
    assert_eq!(zhang.get_description(), Some("promised follow-up: 送样品, 讨论价格; 合同\n第二行"));
    let start = format!("{:?}", zhang.get_start().unwrap());
    assert!(start.contains("2026-11-28T14:30:00"), "{start}");
    assert_eq!(zhang.get_sequence(), Some(0));

    book.run(&["snooze", "1", "--to", "2026-11-30"]).ok();
    let out = book.path("follow-ups.ics");
    let run = book.run(&["export", "--format", "ics", "-o", out.to_str().unwrap()]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""));
    assert!(
        run.stderr.contains("(2 open follow-ups, 1 closed lately and sent as cancelled)"),
        "{}",
        run.stderr
    );
    let again: icalendar::Calendar = std::fs::read_to_string(&out).unwrap().parse().unwrap();
    let zhang = again
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .find(|e| e.get_uid() == Some("follow-up-1@leadline"))
        .expect("the same UID, so calendars update the event");
    assert_eq!(zhang.get_sequence(), Some(1), "a snooze is a new revision");
    assert!(format!("{:?}", zhang.get_start().unwrap()).contains("2026-11-30"));
    book.run(&["done", "1"]).ok();
    let closed: icalendar::Calendar = book.run(&["export", "--format", "ics"]).ok().parse().unwrap();
    let zhang = closed
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .find(|e| e.get_uid() == Some("follow-up-1@leadline"))
        .expect("a closed follow-up is still sent");
    assert_eq!(
        (zhang.get_status(), zhang.get_sequence()),
        (Some(icalendar::EventStatus::Cancelled), Some(2))
    );
    assert!(book.run(&["export", "--format", "xml"]).fails(2).contains("it takes json, ics"));
}

#[test]
fn keys_in_the_settings_are_checked_and_listed_by_config() {
    let book = Book::new();
    book.configure("[keys]\nlog_sms = \"S\"\nlog_call = \"S\"\n");
    let error = book.run(&["today"]).fails(2);
    assert!(
        error.contains("config.toml: line 2, column 11: keys.log_sms: S already means log a call (log_call)"),
        "{error}"
    );
    book.configure("[keys]\nlog_cal = \"C\"\n");
    let error = book.run(&["today"]).fails(2);
    assert!(error.contains("line 2") && error.contains("keys.log_cal: no such command"), "{error}");
    book.configure("[keys]\nlog_call = \"C\"\n");
    let config = book.run(&["config"]).ok();
    assert!(config.contains("[keys]\nlog_call = \"C\""), "{config}");
    assert!(config.contains("# log_call = [\"C\"]  # log a call"), "{config}");
    assert!(config.contains("# log_sms = [\"s\"]  # log an SMS"), "{config}");
}
