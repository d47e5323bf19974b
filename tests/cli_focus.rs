//! The 80/20 view through the real binary: `focus`, `tiers`, and the marks
//! `list` and `show` carry, on a book whose figures are worked out by hand.

mod common;

use common::Book;
use serde_json::{Value, json};

/// Five customers (60,000 + 20,000 + 10,000 + 9,800 + 200 = 100,000 over
/// 12 months), an A prospect with 50,000 of potential, and this month's
/// effort: two calls to the largest customer (2 + 2) and a visit (5) to
/// the smallest.
fn hand_built_book() -> Book {
    let mut book = Book::new();
    book.now = "2026-11-01T09:00".into();
    for (name, amount) in [
        ("张伟", "60000"),
        ("Anna Weber", "20000"),
        ("李娜", "10000"),
        ("Lukas Brown", "9800"),
        ("王芳", "200"),
    ] {
        book.add(&[name]);
        book.run(&["order", name, amount]).ok();
    }
    book.add(&["赵文", "--grade", "A", "--potential", "50000"]);
    book.now = "2026-11-20T09:00".into();
    book.run(&["log", "call", "张伟"]).ok();
    book.run(&["log", "call", "张伟", "--outcome", "reached"]).ok();
    book.run(&["log", "visit", "王芳"]).ok();
    book.now = "2026-11-27T09:00".into();
    book
}

fn ids_and_names(list: &Value) -> Vec<(u64, String)> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|r| (r["id"].as_u64().unwrap(), r["name"].as_str().unwrap().to_string()))
        .collect()
}

fn by_name<'a>(rows: &'a Value, name: &str) -> &'a Value {
    rows.as_array().unwrap().iter().find(|r| r["name"] == name).unwrap_or_else(|| panic!("no {name}"))
}

#[test]
fn focus_reports_the_cut_effort_value_classes_and_forecast_worked_out_by_hand() {
    let book = hand_built_book();
    let focus = book.json(&["focus", "--json"]);
    assert_eq!(focus["threshold"], 0.8);
    assert_eq!(focus["revenue_total"], "100000.00");
    assert_eq!(focus["threshold_revenue"], "80000.00");
    // 60,000 + 20,000 reach 80% exactly: two key accounts.
    assert_eq!(ids_and_names(&focus["key_accounts"]), [(1, "张伟".into()), (2, "Anna Weber".into())]);
    assert_eq!(focus["key_accounts"][0]["revenue_12m"], "60000.00");
    assert_eq!(focus["revenue_share_key"], 0.8);
    // B: 李娜 (80% -> 90%), Lukas Brown (90% -> 99.8%); C: 王芳.
    assert_eq!(focus["abc"], json!({"A": 2, "B": 2, "C": 1}));
    // Effort: 4 of 9 on the key accounts.
    assert_eq!(focus["effort_total"], 9.0);
    assert_eq!(focus["effort_share_key"], 0.4444);
    assert_eq!(focus["effort_warning"], "Key accounts: 80% of revenue, 44% of your effort this month");
    assert_eq!(ids_and_names(&focus["over_served"]), [(5, "王芳".into())]);
    assert_eq!(ids_and_names(&focus["mvc"]), ids_and_names(&focus["key_accounts"]));
    // 赵文: 50,000 of headroom; 王芳: 200 of revenue, a visit at 300.
    assert_eq!(ids_and_names(&focus["mgc"]), [(6, "赵文".into())]);
    assert_eq!(focus["mgc"][0]["headroom"], "50000.00");
    assert_eq!(ids_and_names(&focus["bzc"]), [(5, "王芳".into())]);
    assert_eq!(
        (focus["bzc"][0]["cost_to_serve"].as_str(), focus["bzc"][0]["net"].as_str()),
        (Some("300.00"), Some("-100.00"))
    );
    assert_eq!(
        focus["forecast"]["A"],
        json!({"prospects": 1, "potential": "50000.00", "probability": 0.6, "weighted": "30000.00"})
    );
    assert_eq!(focus["forecast"]["total"], "30000.00");

    let text = book.run(&["focus"]).ok();
    assert!(text.contains("2 of 5 customers bring 80% of revenue (cut at 80%: 80,000.00)"), "{text}");
    assert!(text.contains("Warning: Key accounts: 80% of revenue, 44% of your effort this month."), "{text}");
    assert!(text.contains("Below zero (BZC)") && text.contains("-100.00"), "{text}");

    // More calls to the key accounts lift their share above the target.
    for _ in 0..2 {
        book.run(&["log", "visit", "Anna Weber"]).ok();
    }
    let focus = book.json(&["focus", "--json"]);
    assert_eq!(focus["effort_share_key"], 0.7368, "14 of 19");
    assert_eq!(focus["effort_warning"], Value::Null);
    assert!(!book.run(&["focus"]).ok().contains("Warning"));
}

#[test]
fn list_and_show_carry_the_marks() {
    let book = hand_built_book();
    let list = book.json(&["list", "--json"]);
    let zhang = by_name(&list, "张伟");
    assert_eq!(
        (&zhang["key_account"], &zhang["abc"], &zhang["value_class"]),
        (&json!(true), &json!("A"), &json!("mvc"))
    );
    let wang = by_name(&list, "王芳");
    assert_eq!(
        (&wang["key_account"], &wang["abc"], &wang["value_class"]),
        (&json!(false), &json!("C"), &json!("bzc"))
    );
    let zhao = by_name(&list, "赵文");
    assert_eq!((&zhao["abc"], &zhao["value_class"]), (&Value::Null, &json!("mgc")));
    assert_eq!(by_name(&list, "李娜")["value_class"], Value::Null);
    // 60,000 over 12 months suggests medium for a small customer.
    assert_eq!(zhang["suggested_tier"], "medium");

    let text = book.run(&["list"]).ok();
    let line = text.lines().find(|l| l.contains("张伟")).unwrap();
    assert!(line.contains("KEY"), "{line}");
    assert!(text.lines().find(|l| l.contains("赵文")).unwrap().contains("MGC"));

    let show = book.json(&["show", "王芳", "--json"]);
    assert_eq!((&show["account"]["abc"], &show["account"]["value_class"]), (&json!("C"), &json!("bzc")));
    let card = book.run(&["show", "张伟"]).ok();
    assert!(card.contains("key account (MVC), class A"), "{card}");
    assert!(card.contains("revenue over 12 months suggests medium"), "{card}");
}

#[test]
fn tiers_lists_suggestions_applies_them_and_keeps_pinned_tiers() {
    let book = hand_built_book();
    book.run(&["edit", "Lukas Brown", "--tier", "large"]).ok();
    let tiers = book.json(&["tiers", "--json"]);
    let summary: Vec<(String, String, String, bool)> = tiers
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["name"].as_str().unwrap().into(),
                t["tier"].as_str().unwrap().into(),
                t["suggested_tier"].as_str().unwrap().into(),
                t["pinned"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("张伟".into(), "small".into(), "medium".into(), false),
            ("Anna Weber".into(), "small".into(), "medium".into(), false),
            ("Lukas Brown".into(), "large".into(), "small".into(), true),
        ]
    );
    assert!(tiers.as_array().unwrap().iter().all(|t| t["applied"] == false), "listing changes nothing");
    let pinned = book.run(&["show", "Lukas Brown"]).ok();
    assert!(pinned.contains("suggests small; the tier is pinned and stays"), "{pinned}");

    let applied = book.run(&["tiers", "--apply"]).ok();
    assert!(applied.contains("Moved 2 customers") && applied.contains("1 pinned tier is kept"), "{applied}");
    let list = book.json(&["list", "--json"]);
    assert_eq!(by_name(&list, "张伟")["tier"], "medium");
    assert_eq!(by_name(&list, "张伟")["suggested_tier"], Value::Null);
    assert_eq!(by_name(&list, "Lukas Brown")["tier"], "large");
    let again = book.json(&["tiers", "--json"]);
    assert_eq!(again.as_array().unwrap().len(), 1, "only the pinned one still differs");

    assert!(book.run(&["undo"]).ok().contains("tiers of 2 customers"));
    assert_eq!(by_name(&book.json(&["list", "--json"]), "张伟")["tier"], "small");
}

#[test]
fn focus_settings_come_from_the_config_and_bad_input_is_refused() {
    let book = hand_built_book();
    book.configure("[focus]\nkey_share = 0.9\neffort_target = 0.4\n\n[focus.probability]\nA = 0.5\n");
    let focus = book.json(&["focus", "--json"]);
    assert_eq!(focus["threshold"], 0.9);
    assert_eq!(focus["key_accounts"].as_array().unwrap().len(), 3, "60 + 20 + 10 reach 90%");
    assert_eq!(focus["effort_warning"], Value::Null, "44% is above a 40% target");
    assert_eq!(focus["forecast"]["total"], "25000.00");

    book.configure("[focus]\nkey_share = 80\n");
    let error = book.run(&["focus"]).fails(2);
    assert!(
        error.contains(
            "line 2, column 13: focus.key_share = 80 is out of range: a share above 0 and at most 1"
        ),
        "{error}"
    );
    book.configure("[focus.cost]\nfax = 3\n");
    let error = book.run(&["focus"]).fails(2);
    assert!(error.contains("line 2") && error.contains("fax"), "{error}");
    book.configure("");

    let before = book.snapshot();
    assert!(book.run(&["focus", "--top", "3"]).fails(2).contains("--top"));
    assert!(book.run(&["tiers", "--apply", "now"]).fails(2).contains("now"));
    assert_eq!(book.snapshot(), before, "a refused command changes nothing");
}

#[test]
fn focus_on_an_empty_book_says_so() {
    let book = Book::new();
    let text = book.run(&["focus"]).ok();
    assert!(text.contains("none yet: no customer has revenue in the last 12 months"), "{text}");
    let focus = book.json(&["focus", "--json"]);
    assert_eq!(
        (focus["revenue_share_key"].as_f64(), focus["effort_share_key"].as_f64()),
        (Some(0.0), Some(0.0))
    );
    assert_eq!(focus["effort_total"].as_f64(), Some(0.0));
    assert_eq!(book.run(&["tiers"]).ok(), "Every customer's tier matches its revenue over 12 months.\n");
}
