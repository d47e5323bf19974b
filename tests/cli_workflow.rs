//! The command line where a rep tripped: snoozes that only move later,
//! orders that settle the quotes, `tiers --apply` with nothing to move,
//! search that stays within one field, writes that say what else they did.

mod common;

use common::Book;
use pinyin::ToPinyinMulti;

fn follow_up(book: &Book, id: u64) -> serde_json::Value {
    let show = book.json(&["show", "1", "--json"]);
    show["follow_ups"].as_array().unwrap().iter().find(|f| f["id"] == id).cloned().unwrap()
}

#[test]
fn a_snooze_only_moves_later_and_by_default_to_the_next_working_day() {
    let book = Book::new();
    book.add(&["张薇"]);
    book.run(&["follow-up", "张薇", "--on", "2026-12-08"]).ok();
    let error = book.run(&["snooze", "1", "--to", "tomorrow"]).fails(2);
    assert!(error.contains("a snooze only moves a follow-up later"), "{error}");
    assert!(error.contains("is due 2026-12-08"), "{error}");
    assert!(error.contains("leadline amend follow-up 1 --on 2026-11-28"), "points to rescheduling: {error}");
    assert_eq!(
        (follow_up(&book, 1)["due"].as_str(), follow_up(&book, 1)["snoozes"].as_u64()),
        (Some("2026-12-08"), Some(0))
    );
    let error = book.run(&["snooze", "1", "--to", "2026-12-08"]).fails(2);
    assert!(error.contains("only moves a follow-up later"), "the same day is not later: {error}");
    let out = book.run(&["snooze", "1"]).ok();
    assert!(out.contains("to 2026-12-09 (snoozed once)"), "the day after the due date: {out}");
    // 2026-12-11 is a Friday; with weekends off the next working day is Monday.
    book.configure("[plan]\nsat = 0\nsun = 0\n");
    book.run(&["snooze", "1", "--to", "2026-12-11"]).ok();
    let out = book.run(&["snooze", "1"]).ok();
    assert!(out.contains("to 2026-12-14 (snoozed 3 times)"), "{out}");
}

#[test]
fn an_overdue_follow_up_snoozes_to_the_next_working_day_after_today() {
    let book = Book::new();
    book.add(&["张薇"]);
    book.run(&["follow-up", "张薇", "--on", "today"]).ok();
    let mut book = book;
    book.now = "2026-12-03T09:00".into();
    let out = book.run(&["snooze", "1"]).ok();
    assert!(out.contains("to 2026-12-04"), "{out}");
    book.now = "2026-12-10T09:00".into();
    assert!(book.run(&["snooze", "1", "--to", "today"]).ok().contains("to 2026-12-10"));
}

#[test]
fn an_order_closes_the_quote_follow_ups_and_one_quote_is_one_follow_up() {
    let book = Book::new();
    book.add(&["张薇"]);
    book.run(&["log", "call", "张薇", "--outcome", "quote-sent", "--next", "auto"]).ok();
    let out = book.run(&["log", "sms", "张薇", "--outcome", "quote-sent", "--next", "+2d"]).ok();
    assert!(out.contains("Also moved follow-up #1 to 2026-11-29: the same promise"), "{out}");
    let show = book.json(&["show", "1", "--json"]);
    assert_eq!(show["follow_ups"].as_array().unwrap().len(), 1, "{show}");
    book.run(&["follow-up", "张薇", "--on", "+10d", "--note", "回访"]).ok();
    let out = book.run(&["order", "张薇", "64000"]).ok();
    assert!(out.starts_with("Recorded order 64,000.00 from 张薇"), "{out}");
    assert!(out.contains("Also closed follow-up #1 (quote-sent)."), "{out}");
    assert_eq!(follow_up(&book, 1)["status"], "done");
    assert_eq!(follow_up(&book, 2)["status"], "open", "a promise of another kind stays");
    book.run(&["undo"]).ok();
    assert_eq!(follow_up(&book, 1)["status"], "open", "undo reopens it");
}

#[test]
fn tiers_apply_with_nothing_to_move_says_so_and_records_nothing() {
    let book = Book::new();
    book.add(&["张薇"]);
    book.run(&["order", "张薇", "500000"]).ok();
    book.run(&["edit", "张薇", "--tier", "small"]).ok();
    let history = book.run(&["history"]).ok();
    let out = book.run(&["tiers", "--apply"]).ok();
    assert!(out.contains("Nothing moved"), "{out}");
    assert!(!out.contains("undo"), "nothing to undo: {out}");
    assert_eq!(book.run(&["history"]).ok(), history);
}

#[test]
fn writes_say_what_else_they_changed() {
    let book = Book::new();
    book.add(&["陈建国"]);
    let run = book.run(&["add", "杨洋", "--referred-by", "陈建国"]);
    assert!(
        run.stderr
            .contains("Also scheduled follow-ups #1 (call 杨洋 by 11-29) and #2 (thank 陈建国 by 11-28)."),
        "{}",
        run.stderr
    );
    book.run(&["follow-up", "陈建国", "--on", "today"]).ok();
    let mut book = book;
    book.now = "2026-11-30T09:00".into();
    // Nobody answered: both promises stay open, due again the next day.
    let out = book.run(&["log", "call", "陈建国", "--outcome", "no-answer", "--next", "auto"]).ok();
    assert!(
        out.contains("Also follow-up #2 stays open: nobody answered (tried once); due again 12-01."),
        "{out}"
    );
    assert!(
        out.contains("Also follow-up #3 stays open: nobody answered (tried once); due again 12-01."),
        "{out}"
    );
    book.now = "2026-12-01T09:00".into();
    let out = book.run(&["log", "call", "陈建国", "--outcome", "reached"]).ok();
    assert!(out.contains("Also closed follow-ups #2 (referral), #3 (call, due 12-01)."), "{out}");
}

#[test]
fn a_follow_up_at_a_time_is_confirmed_with_its_time() {
    let book = Book::new();
    book.add(&["张薇"]);
    let out = book.run(&["follow-up", "张薇", "--on", "15:00"]).ok();
    assert!(out.contains("on 2026-11-27 at 15:00"), "{out}");
}

/// Whether `text`, spelled as the index spells it (the first character with
/// its other readings, the rest with their main one), has a syllable
/// starting `z` followed by one starting `w`.
fn spells_z_then_w(text: &str) -> bool {
    let readings: Vec<Vec<String>> = text
        .to_pinyin_multi()
        .flatten()
        .enumerate()
        .map(|(i, multi)| {
            multi.into_iter().take(if i == 0 { 3 } else { 1 }).map(|p| p.plain().to_string()).collect()
        })
        .collect();
    readings
        .windows(2)
        .any(|w| w[0].iter().any(|r| r.starts_with('z')) && w[1].iter().any(|r| r.starts_with('w')))
}

#[test]
fn zw_on_the_demo_book_finds_only_accounts_spelled_z_w_within_one_field() {
    let book = Book::new();
    // The Chinese book: an English one has Western names.
    book.run(&["--lang", "zh-CN", "demo"]).ok();
    let hits = book.json(&["search", "zw", "--json", "--limit", "100"]);
    let hits = hits.as_array().unwrap();
    assert!(!hits.is_empty());
    for hit in hits {
        let name = hit["name"].as_str().unwrap();
        let company = hit["company"].as_str().unwrap_or_default();
        let latin = |t: &str| t.to_lowercase().contains("zw");
        assert!(
            spells_z_then_w(name) || spells_z_then_w(company) || latin(name) || latin(company),
            "{name} at {company} has no z-w syllables (score {})",
            hit["score"]
        );
    }
}

#[test]
fn one_past_touch_order_or_follow_up_is_corrected_or_removed_and_undo_brings_it_back() {
    let book = Book::new();
    book.add(&["张薇"]);
    book.run(&["log", "call", "张薇", "--outcome", "no-answer", "--at", "2026-11-26T10:00"]).ok();
    book.run(&["log", "visit", "张薇", "--note", "送样品"]).ok();
    book.run(&["order", "张薇", "5000"]).ok();
    let show = book.run(&["show", "张薇"]).ok();
    assert!(show.contains("(touch #1)") && show.contains("(order #1)"), "show names them: {show}");

    let out = book
        .run(&["amend", "touch", "1", "--outcome", "reached", "--note", "谈妥了", "--at", "2026-11-25T16:00"])
        .ok();
    assert!(out.contains("Amended touch #1 with 张薇: call (reached) at 2026-11-25 16:00"), "{out}");
    let touches = |book: &Book| book.json(&["show", "1", "--json"])["touches"].as_array().unwrap().clone();
    let first = touches(&book).into_iter().find(|t| t["id"] == 1).unwrap();
    assert_eq!((first["outcome"].as_str(), first["note"].as_str()), (Some("reached"), Some("谈妥了")));
    let moved = book.json(&["review", "--date", "2026-11-25", "--json"]);
    assert_eq!(moved["touches"], 1, "the day index follows the new day: {moved}");
    assert_eq!(book.json(&["review", "--date", "2026-11-26", "--json"])["touches"], 0);
    let error = book.run(&["amend", "touch", "1", "--outcome", "replied"]).fails(2);
    assert!(error.contains("does not fit a call"), "{error}");

    book.run(&["amend", "order", "1", "--amount", "5500"]).ok();
    assert_eq!(book.json(&["show", "1", "--json"])["orders"][0]["amount"], "5500.00");

    book.run(&["remove", "touch", "2"]).ok();
    assert_eq!(touches(&book).len(), 1);
    book.run(&["undo"]).ok();
    assert_eq!(touches(&book).len(), 2, "undo brings the touch back");
    let history = book.run(&["history", "--limit", "3"]).ok();
    assert!(history.contains("remove touch #2 (张薇): visit"), "{history}");

    book.run(&["follow-up", "张薇", "--on", "+7d"]).ok();
    let out = book.run(&["amend", "follow-up", "1", "--on", "tomorrow"]).ok();
    assert!(out.contains("due 2026-11-28 (rescheduling is not a snooze)"), "{out}");
    assert_eq!(follow_up(&book, 1)["snoozes"], 0, "a reschedule is not counted");
    book.run(&["remove", "follow-up", "1"]).ok();
    assert!(book.json(&["show", "1", "--json"])["follow_ups"].as_array().unwrap().is_empty());
    assert!(book.run(&["amend", "touch", "99", "--note", "x"]).fails(1).contains("no touch 99"));
    assert!(book.run(&["doctor"]).ok().contains("all good"));
}

#[test]
fn names_sort_by_pinyin_and_amounts_read_one_way() {
    let book = Book::new();
    for name in ["何明", "Zoe Wang", "冯军", "刘洋", "anna", "陈静"] {
        book.add(&[name, "--potential", "64000"]);
    }
    let list = book.run(&["list"]).ok();
    let order: Vec<&str> = ["anna", "陈静", "冯军", "何明", "刘洋", "Zoe Wang"]
        .into_iter()
        .filter(|name| list.contains(name))
        .collect();
    let positions: Vec<usize> = order.iter().map(|name| list.find(name).unwrap()).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "pinyin and letters, one order: {list}");
    let show = book.run(&["show", "陈静"]).ok();
    assert!(show.contains("potential   64,000.00"), "{show}");
    book.run(&["order", "陈静", "64000"]).ok();
    let show = book.run(&["show", "陈静"]).ok();
    assert!(show.contains("64,000.00 in 12 months, 64,000.00 in all"), "{show}");
}

#[test]
fn a_refused_import_says_why_first_then_each_row_with_its_line_once() {
    let book = Book::new();
    let csv = book.path("contacts.csv");
    std::fs::write(&csv, "name,phone\n,13800001111\n孙丽,13800002222\n张三,13800002222\n").unwrap();
    let run = book.run(&["import", csv.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert!(lines[0].starts_with("error: 1 row of"), "the error first: {lines:?}");
    assert!(lines[0].ends_with("to import the valid 1 row)"), "{lines:?}");
    assert_eq!(lines[1], "line 2: rejected: no name or company");
    assert!(lines[2].starts_with("line 4: "), "{lines:?}");
    assert_eq!(lines[2].matches("line 4").count(), 1, "one line number: {}", lines[2]);
}

#[test]
fn the_language_is_chosen_by_flag_setting_or_locale_and_a_wrong_one_is_refused() {
    let book = Book::new();
    let error = book.run(&["--lang", "fr", "today"]).fails(2);
    assert!(error.contains("--lang 'fr': Leadline speaks en and zh-CN"), "{error}");
    let config = book.run(&["--lang", "zh-CN", "config"]).ok();
    assert!(config.contains("[ui]\nlanguage = \"zh-CN\""), "{config}");
    book.configure("[ui]\nlanguage = \"zh-CN\"\n");
    assert!(book.run(&["config"]).ok().contains("language = \"zh-CN\""));
    assert!(book.run(&["--lang", "en", "config"]).ok().contains("language = \"en\""), "the flag wins");
    book.configure("[ui]\nlanguage = \"klingon\"\n");
    let error = book.run(&["config"]).fails(2);
    assert!(error.contains("line 2"), "{error}");
}

#[test]
fn quiet_says_nothing_of_what_was_done_but_shows_what_was_asked_and_errors() {
    let book = Book::new();
    let id = book.add(&["张伟", "--quiet"]);
    assert_eq!(id, "1", "add still prints the new id: scripts need it");
    let logged = book.run(&["-q", "log", "call", "张伟", "--outcome", "no-answer", "--next", "tomorrow"]);
    assert_eq!((logged.code, logged.stdout.as_str(), logged.stderr.as_str()), (0, "", ""));
    let done = book.run(&["--quiet", "done", "1"]);
    assert_eq!((done.code, done.stdout.as_str()), (0, ""));
    assert!(book.run(&["--quiet", "show", "张伟"]).ok().contains("张伟 (#1)"), "what was asked is shown");
    let error = book.run(&["--quiet", "done", "99"]).fails(1);
    assert!(error.contains("no follow-up"), "{error}");
    assert!(!book.run(&["log", "call", "张伟"]).ok().is_empty(), "without it, the command says what it did");
}

#[test]
fn completions_and_the_manual_page_come_from_the_same_arguments_as_help() {
    let book = Book::new();
    book.add(&["张伟"]);
    book.add(&["张伟民"]);
    book.add(&["王芳"]);
    book.run(&["archive", "王芳"]).ok();
    let bash = book.run(&["completions", "bash"]).ok();
    assert!(bash.contains("COMPLETE=\"bash\"") && bash.contains("complete "), "{bash}");
    // The script is valid bash.
    let script = book.path("leadline.bash");
    std::fs::write(&script, &bash).unwrap();
    let checked = std::process::Command::new("bash").arg("-n").arg(&script).status().unwrap();
    assert!(checked.success(), "bash -n refuses the completion script");
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let script = book.run(&["completions", shell]).ok();
        assert!(script.contains("COMPLETE") && script.contains("leadline"), "{shell}: {script}");
    }
    // The scripts ask leadline for the words at the cursor (issue 23,
    // point 11): fish completes a positional value, zsh the values of
    // --kind, and every shell the book's active accounts' names.
    let ask = |shell: &str, index: usize, words: &[&str]| -> Vec<String> {
        let mut command = book.command(&["--"]);
        command.args(words).env("COMPLETE", shell).env("_CLAP_COMPLETE_INDEX", index.to_string());
        command.env("_CLAP_COMPLETE_COMP_TYPE", "9").env("_CLAP_COMPLETE_SPACE", "true");
        let out = command.output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        text.split(['\n', '\u{b}'])
            .filter(|w| !w.is_empty())
            .map(|w| w.split('\t').next().unwrap().to_string())
            .collect()
    };
    assert_eq!(ask("fish", 2, &["leadline", "log", "c"]), ["call"]);
    assert_eq!(
        ask("zsh", 4, &["leadline", "follow-up", "张伟", "--kind", ""]),
        ["call", "sms", "visit", "email", "letter", "gift", "meeting"]
    );
    assert_eq!(ask("zsh", 5, &["leadline", "amend", "touch", "1", "--kind", "v"]), ["visit"]);
    assert_eq!(ask("bash", 2, &["leadline", "show", "张"]), ["张伟", "张伟民"]);
    assert_eq!(ask("fish", 3, &["leadline", "log", "call", "张伟"]), ["张伟", "张伟民"]);
    assert!(ask("fish", 2, &["leadline", "show", "王"]).is_empty(), "an archived account is not offered");
    let elsewhere = book.path("no-store");
    let none = ask("fish", 4, &["leadline", "--store", elsewhere.to_str().unwrap(), "show", ""]);
    assert!(none.iter().all(|w| w.starts_with('-')), "{none:?}");
    assert!(!elsewhere.exists(), "completing never makes a store");
    let error = book.run(&["completions", "tcsh"]).fails(2);
    assert!(error.contains("it takes bash, elvish, fish, powershell, zsh"), "{error}");
    let man = book.run(&["man"]).ok();
    assert!(man.starts_with(".ie") || man.contains(".TH leadline"), "{man}");
    assert!(man.contains("today") && man.contains("\\-\\-lang"), "{man}");

    // Installed with --dir, every page a page names is there (issue 23,
    // point 10), and in Chinese when the interface is.
    let dir = book.path("man1");
    let out = book.run(&["man", "--dir", dir.to_str().unwrap()]).ok();
    assert!(out.contains("manual pages into"), "{out}");
    let pages: std::collections::BTreeMap<String, String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    assert!(
        pages.contains_key("leadline.1") && pages.contains_key("leadline-competitor-add.1"),
        "{:?}",
        pages.keys()
    );
    for (page, text) in &pages {
        for named in text.split("leadline\\-").skip(1) {
            let Some((name, _)) = named.split_once("(1)") else { continue };
            let file = format!("leadline-{}.1", name.replace("\\-", "-"));
            assert!(pages.contains_key(&file), "{page} names {file}, which is not there");
        }
    }
    assert!(!pages.contains_key("leadline-backup-daily.1"), "no page for a hidden command");
    let zh = book.path("man1-zh");
    book.run(&["--lang", "zh-CN", "man", "--dir", zh.to_str().unwrap()]).ok();
    let log = std::fs::read_to_string(zh.join("leadline-log.1")).unwrap();
    assert!(log.contains("记录"), "{log}");
}
