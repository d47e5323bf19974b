//! The command line in both languages: the words follow `--lang`, the
//! settings and the locale; the JSON's names and codes never do.

mod common;

use common::Book;
use serde_json::Value;

fn demo() -> Book {
    let book = Book::new();
    book.run(&["demo"]).ok();
    book
}

fn rows(value: &Value) -> Vec<Value> {
    value.as_array().expect("an array").clone()
}

#[test]
fn json_reasons_follow_the_language_and_their_codes_do_not() {
    let book = demo();
    let english = rows(&book.json(&["today", "--all", "--json"]));
    let chinese = rows(&book.json(&["--lang", "zh-CN", "today", "--all", "--json"]));
    assert_eq!(english.len(), chinese.len());
    let known = [
        "overdue",
        "due_today",
        "due_later",
        "promised",
        "cadence",
        "referral",
        "holiday",
        "after_sale",
        "snoozed_often",
        "more_due",
        "greeting_holiday",
        "greeting_birthday",
        "greeting_anniversary",
        "key_account",
        "big_potential",
        "sms_fatigue",
        "done",
    ];
    let mut cadence = 0;
    for (en, zh) in english.iter().zip(&chinese) {
        assert_eq!(en["account_id"], zh["account_id"]);
        assert_eq!(en["reason_codes"], zh["reason_codes"], "codes are the same in both languages");
        let codes: Vec<String> =
            rows(&en["reason_codes"]).iter().map(|c| c.as_str().unwrap().to_string()).collect();
        assert_eq!(codes.len(), rows(&en["reasons"]).len(), "one code per reason: {en}");
        assert_eq!(codes.len(), rows(&zh["reasons"]).len());
        for code in codes.iter().map(String::as_str) {
            if let Some(stage) = code.strip_prefix("cadence_") {
                cadence += 1;
                assert!(
                    ["grade_a", "grade_b", "grade_c", "grade_d", "small", "medium", "large", "vip"]
                        .contains(&stage),
                    "{code}"
                );
            } else {
                assert!(known.contains(&code), "unknown code {code}");
            }
        }
        assert_ne!(en["reasons"], zh["reasons"], "the words are translated: {zh}");
        assert_ne!(en["planned_because"], zh["planned_because"]);
    }
    assert!(cadence > 0, "the demo has cadence rows");
    let overdue = english.iter().find(|r| r["days_overdue"].as_i64().unwrap() > 0).expect("an overdue row");
    assert_eq!(overdue["reason_codes"][0], "overdue");
}
