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
    let mut book = demo();
    // The next morning: the demo's promises of its day are overdue.
    book.now = "2026-11-28T09:00:00".into();
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
        "first_contact",
        "focus_key_account",
        "focus_growable",
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
    let overdue = english
        .iter()
        .find(|r| r["days_overdue"].as_i64().unwrap() > 0 && r["follow_up_id"].is_u64())
        .expect("an overdue promise");
    assert_eq!(overdue["reason_codes"][0], "overdue");
}

#[test]
fn help_and_messages_follow_the_flag_the_settings_and_the_locale() {
    let book = Book::new();
    let english = book.run(&["--help"]).ok();
    assert!(english.contains("Usage:") && english.contains("Record a touch"), "{english}");
    let flagged = book.run(&["--lang", "zh-CN", "log", "--help"]).ok();
    assert!(flagged.contains("用法：") && flagged.contains("这次联系学到了什么"), "{flagged}");
    let located = book.command(&["today", "--help"]).env("LANG", "zh_CN.UTF-8").output().unwrap();
    let located = String::from_utf8_lossy(&located.stdout);
    assert!(located.contains("今天的计划"), "{located}");
    book.configure("[ui]\nlanguage = \"zh-CN\"\n");
    assert!(book.run(&["--help"]).ok().contains("用法："), "the settings' language");
    assert!(book.run(&["--lang", "en", "--help"]).ok().contains("Usage:"), "the flag wins");

    book.add(&["张伟", "--phone", "13800001111"]);
    book.add(&["王芳"]);
    let scheduled =
        book.run(&["follow-up", "王芳", "--on", "今天", "--kind", "拜访", "--note", "送样品"]).ok();
    assert!(scheduled.starts_with("跟进 #1：王芳（#2），2026-11-27 拜访"), "{scheduled}");
    let logged = book.run(&["log", "电话", "张伟", "--outcome", "没人接", "--next", "明天"]).ok();
    assert!(logged.starts_with("已记录与 张伟（#1）的电话"), "{logged}");
    assert!(logged.contains("（没人接）") && logged.contains("下一步：2026-11-28 电话"), "{logged}");
    let today = book.run(&["today"]).ok();
    assert!(today.starts_with("今天 周五 2026-11-27：计划 1 个"), "{today}");
    assert!(
        today.contains("王芳") && today.contains("今天到期；承诺：送样品") && today.contains("拜访"),
        "{today}"
    );
    let error = book.run(&["done", "99"]).fails(1);
    assert!(error.contains("出错：没有跟进 #99"), "{error}");
    let calendar = book.run(&["export", "--format", "ics"]).ok();
    assert!(calendar.contains("SUMMARY:拜访 王芳") && calendar.contains("承诺跟进：送样品"), "{calendar}");
    let undo = book.run(&["undo"]).ok();
    assert!(
        undo.starts_with("已撤销：记录与 张伟（#1）的电话"),
        "the history is in the rep's language: {undo}"
    );
}

#[test]
fn refused_settings_keys_backups_and_imports_are_worded_in_chinese() {
    let book = Book::new();
    // The file asks for Chinese, and that much of it reads.
    book.configure("[ui]\nlanguage = \"zh-CN\"\n[cadence]\nA = 0\n");
    let error = book.run(&["list"]).fails(2);
    assert!(
        error.contains("出错：")
            && error.contains("第 4 行，第 5 列：cadence.A = 0 超出范围：天数要在 1 到 3650 之间"),
        "{error}"
    );
    book.configure("[ui]\nlanguage = \"zh-CN\"\n[keys]\nlog_call = \"s\"\n");
    let error = book.run(&["list"]).fails(2);
    assert!(error.contains("keys.log_call：s 在") && error.contains("已经表示"), "{error}");
    // Not TOML at all: the flag's language, the reader's own words kept.
    book.configure("[ui\n");
    let error = book.run(&["--lang", "zh-CN", "list"]).fails(2);
    assert!(error.starts_with("出错：") && error.contains("设置文件有误"), "{error}");

    book.configure("[ui]\nlanguage = \"zh-CN\"\n");
    book.add(&["张伟"]);
    let json = book.path("not-a-backup.json");
    std::fs::write(&json, "{}").unwrap();
    let error = book.run(&["import", json.to_str().unwrap()]).fails(2);
    assert!(error.contains("不是 Leadline 的备份"), "{error}");
    let csv = book.path("headers.csv");
    std::fs::write(&csv, "A,B\n1,2\n").unwrap();
    let error = book.run(&["import", csv.to_str().unwrap()]).fails(2);
    assert!(error.contains("没有姓名或公司列（表头：A, B）"), "{error}");
    let error = book.run(&["edit", "张伟", "--anniversary", "2026-13-01"]).fails(2);
    assert!(error.contains("“2026-13-01”不是日期"), "{error}");
    book.run(&["log", "call", "张伟"]).ok();
    let error = book.run(&["amend", "touch", "1", "--outcome", "replied"]).fails(2);
    assert!(error.contains("不适用于电话"), "{error}");
    let error = book.run(&["demo"]).fails(1);
    assert!(error.contains("不是空的；演示数据只填进空的存储"), "{error}");
    // What an import keeps in the note is written in the rep's language.
    let kept = book.path("kept.csv");
    std::fs::write(&kept, "Name,Phone,Birthday\n李娜,abc,someday\n").unwrap();
    let said = book.run(&["import", kept.to_str().unwrap()]).stderr;
    assert!(said.contains("电话“abc”") && said.contains("生日“someday”"), "{said}");
    let note = book.json(&["show", "李娜", "--json"])["account"]["note"].clone();
    assert_eq!(note, serde_json::json!("电话：abc\n生日：someday"));
}

#[test]
fn amounts_carry_the_locale_s_currency_and_times_its_clock_unless_the_settings_say() {
    let mut book = Book::new();
    book.now = "2026-12-07T17:30:00".into();
    let in_locale = |locale: &str, args: &[&str]| {
        let out = book.command(args).env("LANG", locale).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let us = |args: &[&str]| in_locale("en_US.UTF-8", args);
    us(&["add", "Dale Vander Wal", "--phone", "(515) 555-0100"]);
    let order = us(&["order", "Dale", "1250"]);
    assert!(order.contains("$1,250.00"), "{order}");
    let logged = us(&["log", "call", "Dale", "--at", "today 2:30pm", "--next", "dec 15 9am"]);
    assert!(logged.contains("2026-12-07 2:30 PM") && logged.contains("9:00 AM"), "{logged}");
    let shown = us(&["show", "Dale"]);
    assert!(shown.contains("$1,250.00") && shown.contains("2026-12-15 9:00 AM"), "{shown}");
    assert!(us(&["focus", "--md"]).contains("$1,250.00"), "the Markdown report too");
    let json = in_locale("en_US.UTF-8", &["show", "Dale", "--json"]);
    assert!(!json.contains('$') && !json.contains(" PM"), "JSON keeps plain numbers and times: {json}");
    // Germany: euros and the 24-hour clock.
    let german = in_locale("de_DE.UTF-8", &["show", "Dale"]);
    assert!(german.contains("€1,250.00") && german.contains("2026-12-15 09:00"), "{german}");
    // The settings win over the locale.
    book.configure("[ui]\ncurrency = \"none\"\nclock = \"24h\"\n");
    let plain = us(&["show", "Dale"]);
    assert!(plain.contains(" 1,250.00") && !plain.contains('$') && plain.contains("14:30"), "{plain}");
    book.configure("[ui]\ncurrency = \"12\"\n");
    let bad = book.run(&["show", "Dale"]).fails(2);
    assert!(bad.contains("ui.currency = '12'") && bad.contains("line 2"), "{bad}");
}

/// Issue 23, point 12: a command's help lists its own options, then the
/// options every command takes under a heading of their own; `import`
/// says it reads vCards.
#[test]
fn a_command_s_help_lists_its_own_options_apart_from_the_global_ones() {
    let book = Book::new();
    let help = book.run(&["log", "--help"]).ok();
    let (own, global) = help.split_once("Global options:").expect("a heading of their own");
    assert!(own.contains("--outcome") && own.contains("--note"), "{help}");
    assert!(!own.contains("--store") && !own.contains("--lang"), "{help}");
    assert!(global.contains("--store") && global.contains("--lang") && global.contains("--quiet"), "{help}");
    let zh = book.run(&["--lang", "zh-CN", "log", "--help"]).ok();
    assert!(zh.contains("全局选项：") || zh.contains("全局选项:"), "{zh}");
    let import = book.run(&["import", "--help"]).ok();
    assert!(import.lines().next().unwrap().contains("vCard"), "{import}");
}

/// Corrections name themselves in the history in the book's language.
#[test]
fn corrections_are_in_the_history_in_chinese() {
    let book = Book::new();
    let zh = |args: &[&str]| book.run(&[&["--lang", "zh-CN"], args].concat()).ok();
    zh(&["add", "张伟"]);
    zh(&["follow-up", "张伟", "--on", "2026-12-01"]);
    zh(&["amend", "follow-up", "1", "--on", "2026-12-03"]);
    zh(&["log", "call", "张伟"]);
    zh(&["remove", "touch", "1"]);
    zh(&["order", "张伟", "5000"]);
    zh(&["remove", "order", "1"]);
    zh(&["follow-up", "张伟", "--on", "2026-12-05"]);
    zh(&["remove", "follow-up", "2"]);
    let history = zh(&["history"]);
    for line in
        ["修改跟进 #1（张伟）", "删除联系 #1（张伟）：", "删除订单 #1（张伟）：", "删除跟进 #2（张伟）"]
    {
        assert!(history.contains(line), "{line}: {history}");
    }
    assert!(!history.contains("remove ") && !history.contains("amend "), "{history}");
}
