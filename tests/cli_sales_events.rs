//! What a logged touch means for the sale, through the real binary: a won
//! call records its order, a booked meeting has its day, a wrong number
//! asks for the right one, a declined prospect may be lowered, a greeting
//! closes only its greeting, dated greetings keep their deadline, a
//! backlog can be triaged, and the plan's edges.

mod common;

use common::Book;
use serde_json::Value;

fn rows(value: &Value) -> Vec<Value> {
    value.as_array().expect("an array").clone()
}

fn today(book: &Book) -> Vec<Value> {
    rows(&book.json(&["today", "--json"]))
}

fn show(book: &Book, account: &str) -> Value {
    book.json(&["show", account, "--json"])
}

#[test]
fn a_won_call_records_the_sale_and_makes_the_prospect_a_customer() {
    let book = Book::new();
    book.add(&["林军", "--phone", "138 0000 1111", "--grade", "C"]);
    let error = book.run(&["log", "call", "林军", "--outcome", "won"]).fails(2);
    assert!(error.contains("--outcome won --amount 12000"), "refused with the command: {error}");
    assert_eq!(show(&book, "林军")["touches"].as_array().map(Vec::len), Some(0), "nothing recorded");

    let out = book.run(&["log", "call", "林军", "--outcome", "won", "--amount", "12000"]).ok();
    assert!(out.contains("recorded the order 12,000.00; now a customer"), "{out}");
    let account = show(&book, "林军");
    assert_eq!(account["account"]["stage"], "customer", "{account}");
    assert_eq!(account["orders"].as_array().map(Vec::len), Some(1));
    assert_eq!(account["touches"][0]["outcome"], "won");
    let review = book.json(&["review", "--json"]);
    assert_eq!(review["orders"].as_array().map(Vec::len), Some(1), "the review counts the order: {review}");
    // One change, one undo.
    book.run(&["undo"]).ok();
    let account = show(&book, "林军");
    assert_eq!(
        (account["orders"].as_array().map(Vec::len), account["touches"].as_array().map(Vec::len)),
        (Some(0), Some(0))
    );
    assert_eq!(account["account"]["grade"], "C");
    let error = book.run(&["log", "call", "林军", "--outcome", "reached", "--amount", "5"]).fails(2);
    assert!(error.contains("--amount is the sale of a won touch"), "{error}");
}

#[test]
fn a_booked_meeting_needs_its_day_and_becomes_a_meeting_at_that_time() {
    let book = Book::new();
    book.add(&["王强", "--phone", "139 0000 2222"]);
    let error = book.run(&["log", "call", "王强", "--outcome", "meeting-booked"]).fails(2);
    assert!(error.contains("a booked meeting needs its day"), "{error}");
    // Friday 2026-11-27: 下周三 is 2026-12-02, and the example says so.
    assert!(error.contains("--next 'next wednesday 15:00' (or a date, 2026-12-02T15:00)"), "{error}");
    let out =
        book.run(&["log", "call", "王强", "--outcome", "meeting-booked", "--next", "下周三 15:00"]).ok();
    assert!(out.contains("next step: meeting on 2026-12-02 at 15:00"), "{out}");
    let follow_up = &show(&book, "王强")["follow_ups"][0];
    assert_eq!(
        (follow_up["kind"].as_str(), follow_up["due"].as_str()),
        (Some("meeting"), Some("2026-12-02"))
    );
    assert_eq!(follow_up["due_time"], "15:00");
    // A quote sent schedules its follow-up unless told otherwise.
    let out = book.run(&["log", "visit", "王强", "--outcome", "quote-sent"]).ok();
    assert!(out.contains("next step: visit on 2026-11-30"), "the quote's day: {out}");
}

#[test]
fn a_wrong_number_is_marked_and_the_plan_stops_offering_it() {
    let book = Book::new();
    book.add(&["张伟", "--phone", "138 0000 1111", "--email", "zw@example.com"]);
    let out = book.run(&["log", "call", "张伟", "--outcome", "wrong-number"]).ok();
    assert!(out.contains("138 0000 1111 is marked a wrong number"), "{out}");
    assert!(out.contains("leadline edit 1 --phone NUMBER"), "the command to correct it: {out}");
    let mut later = book;
    later.now = "2026-12-20T09:00".into();
    let row = &today(&later)[0];
    assert_eq!(row["phone"], Value::Null, "no number to dial: {row}");
    assert_eq!(row["channel"], "email", "not a call any more");
    later.run(&["edit", "张伟", "--phone", "138 0000 2222"]).ok();
    let row = &today(&later)[0];
    assert_eq!((row["phone"].as_str(), row["channel"].as_str()), (Some("138 0000 2222"), Some("call")));
}

#[test]
fn a_declined_prospect_can_be_lowered_in_the_same_change_and_leaves_no_row_that_day() {
    let book = Book::new();
    book.add(&["赵文", "--phone", "137 0000 3333", "--grade", "B"]);
    book.run(&["follow-up", "赵文", "--on", "today"]).ok();
    let out = book.run(&["log", "call", "赵文", "--outcome", "declined"]).ok();
    assert!(out.contains("To lower the grade: leadline edit 1 --grade C"), "{out}");
    let out = book.run(&["log", "call", "赵文", "--outcome", "declined", "--lower"]).ok();
    assert!(out.contains("lowered to grade C"), "{out}");
    assert_eq!(show(&book, "赵文")["account"]["grade"], "C");
    assert!(today(&book).iter().all(|r| r["done"] == true), "no cadence row for it today");
}

#[test]
fn an_order_does_the_row_and_names_every_follow_up_it_closes() {
    let book = Book::new();
    book.add(&["李娜", "--phone", "136 0000 4444"]);
    book.add(&["王芳", "--referred-by", "李娜", "--phone", "135 0000 5555"]);
    book.run(&["follow-up", "王芳", "--on", "today", "--note", "送样品"]).ok();
    let mut later = book;
    later.now = "2026-11-29T09:00".into();
    let out = later.run(&["order", "王芳", "3000"]).ok();
    assert!(out.contains("closed follow-ups #1 (referral), #3 (call, due 11-27)"), "{out}");
    assert!(today(&later).iter().filter(|r| r["name"] == "王芳").all(|r| r["done"] == true));
}

/// 李娟, a VIP customer, on 2027-01-20 with the Chinese festivals on (春节
/// is 2027-02-06); `more` are further `add` flags.
fn vip_before_the_spring_festival(more: &[&str]) -> Book {
    let mut book = Book::new();
    book.configure("[holidays]\npreset = \"cn\"\n");
    book.now = "2027-01-20T09:00".into();
    book.add(&[&["李娟", "--phone", "138 0000 6666"], more].concat());
    book.run(&["order", "李娟", "900000"]).ok();
    book.run(&["tiers", "--apply"]).ok();
    book
}

#[test]
fn a_greeting_closes_its_greeting_and_a_price_list_sms_does_not() {
    let mut book = vip_before_the_spring_festival(&["--birthday", "02-20"]);
    // 2027-01-26: 春节 (02-06) is 11 days ahead.
    book.now = "2027-01-26T09:00".into();
    let holiday = |book: &Book| {
        today(book)
            .into_iter()
            .filter(|r| r["reason_codes"].to_string().contains("greeting_holiday") && r["done"] == false)
            .count()
    };
    assert_eq!(holiday(&book), 1, "{:?}", today(&book));
    book.run(&["log", "sms", "李娟", "--note", "春季化肥价目表已发"]).ok();
    assert_eq!(holiday(&book), 1, "a price-list SMS is not a 春节 greeting");
    book.run(&["log", "sms", "李娟", "--greeting", "birthday", "--note", "生日快乐"]).ok();
    assert_eq!(holiday(&book), 1, "nor is a birthday greeting");
    let card = book.json(&["show", "李娟", "--json"]);
    assert_eq!(card["touches"][0]["purpose"], "birthday", "{card}");
    assert_eq!(card["touches"][1]["purpose"], "ordinary");
    let out = book.run(&["log", "gift", "李娟", "--note", "年货礼盒"]).ok();
    assert!(out.contains("Logged gift"), "{out}");
    assert_eq!(holiday(&book), 0, "a gift in the festival's window greets it");
    let error = book.run(&["log", "sms", "李娟", "--greeting", "圣诞"]).fails(2);
    assert!(error.contains("'圣诞' is not an occasion to greet"), "{error}");
}

#[test]
fn a_greeting_sms_closes_the_festival_row() {
    let mut book = vip_before_the_spring_festival(&[]);
    book.now = "2027-01-26T09:00".into();
    let out = book.run(&["log", "sms", "李娟", "--greeting", "春节", "--note", "新春快乐"]).ok();
    assert!(out.contains(", festival greeting."), "{out}");
    let open: Vec<Value> = today(&book).into_iter().filter(|r| r["done"] == false).collect();
    assert!(open.iter().all(|r| !r["reason_codes"].to_string().contains("greeting_holiday")), "{open:?}");
}

#[test]
fn a_gift_past_its_last_useful_day_is_named() {
    let mut book = vip_before_the_spring_festival(&[]);
    // 春节 is 02-06; a gift goes 3 days ahead.
    book.now = "2027-02-02T09:00".into();
    assert!(!book.run(&["today"]).ok().contains("last useful day"));
    let row = today(&book).into_iter().find(|r| r["reason_codes"].to_string().contains("greeting_holiday"));
    assert_eq!(row.expect("the 春节 row")["deadline"], "2027-02-03");
    book.now = "2027-02-04T09:00".into();
    let text = book.run(&["today"]).ok();
    assert!(text.contains("Past their last useful day: 李娟 (by 02-03)."), "{text}");
    let text = book.run(&["--lang", "zh-CN", "today"]).ok();
    assert!(text.contains("已过最后合适的日子：李娟（应在 02-03 前）。"), "{text}");
}

#[test]
fn a_new_lead_is_due_its_first_contact_the_next_working_day() {
    let mut book = Book::new();
    book.add(&["王强", "--grade", "A", "--phone", "138 0000 7777"]);
    assert!(today(&book).is_empty(), "added today: tomorrow");
    book.now = "2026-11-28T09:00".into();
    let row = &today(&book)[0];
    assert_eq!(row["reason_codes"][0], "first_contact", "{row}");
    assert!(row["reasons"][0].as_str().unwrap().starts_with("new lead: first contact"));
}

#[test]
fn the_when_grammar_takes_weekdays_and_month_ends() {
    let book = Book::new();
    book.add(&["张伟"]);
    for (when, day) in [
        ("周一", "2026-11-30"),
        ("next tuesday", "2026-12-01"),
        ("月底", "2026-11-30"),
        ("下个月", "2026-12-27"),
    ] {
        let out = book.run(&["follow-up", "张伟", "--on", when]).ok();
        assert!(out.contains(day), "{when}: {out}");
    }
}

#[test]
fn a_backlog_of_minor_promises_can_wait_in_one_undoable_change() {
    let mut book = Book::new();
    book.configure("[plan]\ncapacity = 3\n");
    book.now = "2026-11-10T09:00".into();
    for (name, grade) in [("甲", "D"), ("乙", "D"), ("丙", "C"), ("丁", "A")] {
        book.add(&[name, "--grade", grade]);
        book.run(&["follow-up", name, "--on", "2026-11-16"]).ok();
    }
    book.now = common::NOW.into();
    let text = book.run(&["today"]).ok();
    assert!(text.contains("over capacity"), "{text}");
    assert!(text.contains("3 late promises of C and D prospects can wait"), "{text}");
    let listed = book.run(&["triage"]).ok();
    assert!(listed.contains("甲") && listed.contains("丙") && !listed.contains("丁"), "{listed}");
    let out = book.run(&["triage", "--snooze-to", "next monday"]).ok();
    assert!(out.contains("Moved 3 late promises of C and D prospects to 2026-11-30"), "{out}");
    assert_eq!(today(&book).len(), 1, "the A prospect's promise is left");
    book.run(&["undo"]).ok();
    assert_eq!(today(&book).len(), 4, "one undo brings them back");
}

#[test]
fn a_capacity_changed_during_the_day_replans_its_rest() {
    let book = Book::new();
    for n in 0..12 {
        book.add(&[&format!("客户{n}"), "--grade", "A", "--phone", "13800138000"]);
    }
    let mut book = book;
    book.now = "2026-11-30T09:00".into();
    let planned = today(&book);
    assert_eq!(planned.len(), 12);
    for row in &planned[..3] {
        book.run(&["log", "call", &format!("#{}", row["account_id"]), "--outcome", "reached"]).ok();
    }
    book.configure("[plan]\ncapacity = 5\n");
    let rows = today(&book);
    assert_eq!(rows.len(), 5, "3 done, 2 open left: {rows:?}");
    assert_eq!(rows.iter().filter(|r| r["done"] == true).count(), 3);
    let text = book.run(&["today"]).ok();
    assert!(!text.contains("over capacity"), "{text}");
}

#[test]
fn adding_a_number_another_account_has_says_which_and_still_adds() {
    let book = Book::new();
    book.add(&["张伟", "--phone", "138 0000 1111"]);
    let run = book.run(&["add", "章伟", "--phone", "+86 138-0000-1111"]);
    assert_eq!(run.stdout.trim(), "2", "added");
    assert!(run.stderr.contains("+86 138-0000-1111 is also 张伟 (#1): leadline merge 1 2"), "{}", run.stderr);
}

#[test]
fn search_finds_the_address_and_prints_no_raw_score() {
    let book = Book::new();
    book.add(&["张伟", "--address", "山东省寿光市文圣街 8 号"]);
    book.add(&["王芳", "--address", "河北省石家庄市"]);
    let text = book.run(&["search", "寿光"]).ok();
    assert!(text.contains("张伟") && !text.contains("王芳"), "{text}");
    assert!(!text.contains("SCORE"), "{text}");
    let json = book.json(&["search", "寿光", "--json"]);
    assert!(json[0]["score"].is_number(), "the score stays in JSON: {json}");
}
