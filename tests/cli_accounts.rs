//! Accounts through the real binary: add, edit, grade, archive, list, show,
//! search, and the bad inputs that must change nothing.

mod common;

use common::Book;

fn keys(value: &serde_json::Value) -> Vec<String> {
    let mut keys: Vec<String> = value.as_object().expect("object").keys().cloned().collect();
    keys.sort();
    keys
}

#[test]
fn add_prints_the_id_and_a_new_prospect_is_grade_c() {
    let book = Book::new();
    assert_eq!(book.add(&["张伟", "--company", "绿源农资有限公司", "--phone", "138 0000 1111"]), "1");
    assert_eq!(book.add(&["Anna Schmidt", "--grade", "a", "--email", "anna@example.com"]), "2");
    let list = book.json(&["list", "--json"]);
    let rows = list.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    let zhang = rows.iter().find(|r| r["name"] == "张伟").unwrap();
    assert_eq!(zhang["grade"], "C");
    assert_eq!(zhang["stage"], "prospect");
    assert_eq!(zhang["company"], "绿源农资有限公司");
    let anna = rows.iter().find(|r| r["name"] == "Anna Schmidt").unwrap();
    assert_eq!(anna["grade"], "A");
}

#[test]
fn list_json_has_the_documented_fields() {
    let book = Book::new();
    book.add(&["张伟"]);
    let list = book.json(&["list", "--json"]);
    let expected = [
        "abc",
        "company",
        "grade",
        "id",
        "key_account",
        "last_touch",
        "name",
        "potential",
        "revenue_12m",
        "stage",
        "suggested_tier",
        "tier",
        "value_class",
    ];
    assert_eq!(keys(&list[0]), expected);
    assert_eq!(list[0]["id"], 1);
    assert_eq!(list[0]["revenue_12m"], "0.00");
    assert!(list[0]["last_touch"].is_null());
}

#[test]
fn every_contact_field_is_kept_and_shown() {
    let book = Book::new();
    book.add(&[
        "李娜",
        "--company",
        "丰收种业",
        "--title",
        "采购经理",
        "--phone",
        "139 2222 3333",
        "--phone",
        "0531-8888 7777",
        "--email",
        "li.na@example.cn",
        "--address",
        "山东 济南",
        "--tag",
        "经销商",
        "--tag",
        "VIP",
        "--source",
        "展会",
        "--potential",
        "120,000.50",
        "--note",
        "喜欢早上联系",
    ]);
    book.run(&["competitor", "add", "李娜", "丰农", "--offer", "价格低", "--price", "2,650"]).ok();
    let show = book.json(&["show", "李娜", "--json"]);
    let card = &show["account"];
    assert_eq!(card["title"], "采购经理");
    assert_eq!(card["phones"], serde_json::json!(["139 2222 3333", "0531-8888 7777"]));
    assert_eq!(card["tags"], serde_json::json!(["经销商", "VIP"]));
    assert_eq!(card["potential"], "120000.50");
    assert_eq!(card["competitors"][0]["competitor"], "丰农");
    assert_eq!(card["competitors"][0]["offer"], "价格低");
    assert_eq!(card["competitors"][0]["price"], "2650.00");
    let text = book.run(&["show", "李娜"]).ok();
    assert!(text.contains("采购经理") && text.contains("丰农") && text.contains("价格低"), "{text}");
}

#[test]
fn bad_contact_data_is_refused_with_a_reason_and_changes_nothing() {
    let book = Book::new();
    book.add(&["张伟"]);
    let before = book.snapshot();
    let cases: &[(&[&str], i32, &str)] = &[
        (&["add", "Wang", "--grade", "E"], 2, "--grade <GRADE> does not take 'E': it takes A, B, C, D"),
        (&["add", "Wang", "--email", "wang-at-example"], 2, "is not an address"),
        (&["add", "Wang", "--phone", "call me"], 2, "phone 'call me'"),
        (&["add", "   "], 2, "name is empty"),
        (&["add", "Wang", "--potential", "-5"], 2, "negative"),
        (&["add", "Wang", "--referred-by", "nobody"], 1, "no account matches 'nobody'"),
        (&["edit", "nobody", "--company", "X"], 1, "no account matches 'nobody'"),
        (&["edit", "张伟", "--tier", "vip"], 1, "is a prospect"),
        (&["grade", "张伟", "E"], 2, "does not take 'E'"),
        (&["grade", "42", "A"], 1, "no account matches '#42'"),
        (&["archive", "张伟", "--reason", "bored"], 2, "does not take 'bored'"),
        (&["restore", "张伟"], 1, "is not archived"),
        (&["list", "--stage", "lead"], 2, "does not take 'lead'"),
    ];
    for (args, code, message) in cases {
        let error = book.run(args).fails(*code);
        assert!(error.contains(message), "{args:?}: {error}");
    }
    assert_eq!(book.snapshot(), before);
}

#[test]
fn edit_changes_fields_and_an_empty_value_clears_one() {
    let book = Book::new();
    book.add(&["张伟", "--company", "绿源", "--phone", "138 0000 1111", "--tag", "a"]);
    book.run(&[
        "edit",
        "张伟",
        "--name",
        "张伟强",
        "--company",
        "",
        "--phone",
        "137 1111 2222",
        "--tag",
        "b",
    ])
    .ok();
    let card = &book.json(&["show", "1", "--json"])["account"];
    assert_eq!(card["name"], "张伟强");
    assert!(card["company"].is_null());
    assert_eq!(card["phones"], serde_json::json!(["137 1111 2222"]));
    assert_eq!(card["tags"], serde_json::json!(["b"]));
}

#[test]
fn grades_apply_to_prospects_only() {
    let book = Book::new();
    book.add(&["张伟"]);
    let out = book.run(&["grade", "张伟", "a"]).ok();
    assert!(out.contains("grade A"), "{out}");
    book.run(&["order", "张伟", "100"]).ok();
    let error = book.run(&["grade", "张伟", "B"]).fails(1);
    assert!(error.contains("is a customer"), "{error}");
}

#[test]
fn accounts_resolve_by_id_exact_name_or_a_single_search_hit() {
    let book = Book::new();
    book.add(&["张伟", "--company", "绿源农资"]);
    book.add(&["张伟", "--company", "丰收种业"]);
    book.add(&["Anna Schmidt"]);
    let error = book.run(&["show", "张伟"]).fails(2);
    assert!(error.contains("matches 2 accounts"), "{error}");
    assert!(error.contains("#1") && error.contains("#2") && error.contains("丰收种业"), "{error}");
    let show = book.json(&["show", "schmidt", "--json"]);
    assert_eq!(show["account"]["id"], 3);
    let show = book.json(&["show", "2", "--json"]);
    assert_eq!(show["account"]["company"], "丰收种业");
    let show = book.json(&["show", "zhang fengshou", "--json"]);
    assert_eq!(show["account"]["id"], 2, "pinyin of the company narrows it down");
    let error = book.run(&["show", "nobody at all"]).fails(1);
    assert_eq!(error, "error: no account matches 'nobody at all'");
}

#[test]
fn archived_accounts_leave_the_list_and_come_back_as_they_were() {
    let book = Book::new();
    book.add(&["张伟", "--grade", "B"]);
    book.add(&["王芳"]);
    let out = book.run(&["archive", "张伟", "--reason", "lost"]).ok();
    assert!(out.contains("restore"), "{out}");
    let active = book.json(&["list", "--json"]);
    assert_eq!(active.as_array().unwrap().len(), 1);
    let all = book.json(&["list", "--all", "--json"]);
    assert_eq!(all.as_array().unwrap().len(), 2);
    let archived = book.json(&["list", "--stage", "archived", "--json"]);
    assert_eq!(archived[0]["name"], "张伟");
    assert_eq!(archived[0]["stage"], "archived");
    assert!(book.run(&["archive", "张伟"]).fails(1).contains("already archived (lost)"));
    book.run(&["restore", "张伟"]).ok();
    let back = book.json(&["show", "张伟", "--json"]);
    assert_eq!(back["account"]["grade"], "B");
    assert!(back["account"]["archived"].is_null());
}

#[test]
fn list_filters_by_stage_grade_and_tier() {
    let book = Book::new();
    book.add(&["A1", "--grade", "A"]);
    book.add(&["B1", "--grade", "B"]);
    book.add(&["C1"]);
    book.run(&["order", "C1", "100"]).ok();
    let names = |args: &[&str]| -> Vec<String> {
        book.json(args).as_array().unwrap().iter().map(|r| r["name"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(names(&["list", "--grade", "A", "--json"]), ["A1"]);
    assert_eq!(names(&["list", "--stage", "customer", "--json"]), ["C1"]);
    assert_eq!(names(&["list", "--tier", "small", "--json"]), ["C1"]);
    assert_eq!(names(&["list", "--stage", "prospect", "--json"]), ["A1", "B1"]);
    let text = book.run(&["list"]).ok();
    assert!(text.starts_with("ID"), "{text}");
    assert!(text.contains("customer small") && text.contains("3 accounts"), "{text}");
}

#[test]
fn tables_stay_aligned_with_chinese_names() {
    let book = Book::new();
    book.add(&["张伟", "--company", "绿源农资有限公司"]);
    book.add(&["Anna Schmidt", "--company", "Contoso"]);
    let text = book.run(&["list"]).ok();
    let lines: Vec<&str> = text.lines().take(3).collect();
    let column = |line: &str, needle: &str| {
        let byte = line.find(needle).unwrap();
        unicode_width::UnicodeWidthStr::width(&line[..byte])
    };
    assert_eq!(column(lines[1], "prospect"), column(lines[2], "prospect"), "{text}");
    assert_eq!(column(lines[0], "STAGE"), column(lines[1], "prospect"), "{text}");
}

#[test]
fn search_finds_by_pinyin_initials_phone_and_tag() {
    let book = Book::new();
    book.add(&["张伟", "--company", "绿源农资有限公司", "--phone", "138 0000 1111"]);
    book.add(&["王芳", "--tag", "合作社"]);
    book.add(&["Anna Schmidt", "--company", "Contoso Agrar"]);
    let ids = |query: &str| -> Vec<u64> {
        book.json(&["search", query, "--json"])
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["id"].as_u64().unwrap())
            .collect()
    };
    assert_eq!(ids("zw"), [1]);
    assert_eq!(ids("zhangwei"), [1]);
    assert_eq!(ids("lvyuan"), [1]);
    assert_eq!(ids("13800001111"), [1]);
    assert_eq!(ids("合作社"), [2]);
    assert_eq!(ids("contoso"), [3]);
    assert!(ids("qqqq").is_empty());
    let hit = &book.json(&["search", "zw", "--json"])[0];
    assert_eq!(keys(hit), ["archived", "company", "id", "name", "score"]);
    assert!(hit["score"].as_i64().unwrap() > 0);
    let limited = book.json(&["search", "a", "--limit", "1", "--json"]);
    assert_eq!(limited.as_array().unwrap().len(), 1);
    assert!(book.run(&["search", "qqqq"]).ok().contains("No account matches"));
}
