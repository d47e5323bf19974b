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
    book.run(&["log", "sms", "张伟", "--note", "国庆快乐"]).ok();
    let after = rows(&book);
    assert!(after.iter().all(|r| r["done"] == true), "greeted: done for today: {after:?}");
    let mut tomorrow = book;
    tomorrow.now = "2026-09-29T09:00".into();
    assert!(rows(&tomorrow).is_empty(), "greeted within the lead: not due again");
}
