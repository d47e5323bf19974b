//! Every word a rep reads in the Chinese interface is Chinese: every
//! screen, overlay, form and help page of the TUI at three sizes, and the
//! CLI's listings, reports and errors, scanned for runs of Latin letters.
//! A run may stand when it is the book's own (a name, a company, a note),
//! a key's name, one of the command line's words (a command, an option, a
//! placeholder), a date format, or one of the terms the catalogue keeps in
//! Latin letters and says why (`# kept:` in zh-CN/leadline.ftl).

mod common;

use std::collections::BTreeSet;

use common::Book;
use common::tui::Driver;
use leadline::app::App;
use leadline::app::demo::DemoOptions;
use leadline::clock::{FixedClock, parse_timestamp};
use leadline::config::Config;
use leadline::i18n::Lang;
use leadline::tui::theme::Theme;
use ratatui::crossterm::event::KeyCode;

/// Key names as help and the footers write them.
const KEY_NAMES: &[&str] = &[
    "Esc",
    "Enter",
    "Tab",
    "Shift-Tab",
    "Space",
    "Ctrl",
    "Alt",
    "Shift",
    "PgUp",
    "PgDn",
    "Home",
    "End",
    "Backspace",
    "Delete",
    "Up",
    "Down",
    "Left",
    "Right",
];

/// The terms zh-CN/leadline.ftl keeps in Latin letters, from its `# kept:`
/// line (where it says why).
fn kept_terms() -> BTreeSet<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/crates/i18n/locales/zh-CN/leadline.ftl");
    let source = std::fs::read_to_string(path).unwrap();
    let line = source.lines().find_map(|l| l.strip_prefix("# kept:")).expect("a `# kept:` line");
    line.split(|c: char| c == ',' || c.is_whitespace()).filter(|w| !w.is_empty()).map(String::from).collect()
}

/// Runs of Latin letters (with the digits, `_`, `-`, `.` and `@` inside a
/// word: an email, a flag, `LEADLINE_NOW` are one run each).
fn latin_runs(text: &str) -> Vec<String> {
    let mut runs = Vec::new();
    let mut current = String::new();
    let mut letters = false;
    for c in text.chars().chain([' ']) {
        if c.is_ascii_alphanumeric() || (!current.is_empty() && "_-.@'".contains(c)) {
            letters |= c.is_ascii_alphabetic();
            current.push(c);
        } else {
            let run = current.trim_end_matches(['-', '.', '\'', '_']);
            if letters && run.chars().filter(char::is_ascii_alphabetic).count() >= 2 {
                runs.push(run.to_string());
            }
            current.clear();
            letters = false;
        }
    }
    runs
}

/// `text` without the settings written as the settings file has them:
/// `[backup] enabled = false`, `[ui] language`.
fn settings_written(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find('[') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let Some(end) = after.find(']') else { break };
        let table = &after[..end];
        if table.is_empty() || !table.chars().all(|c| c.is_ascii_lowercase() || c == '_' || c == '.') {
            out.push('[');
            rest = after;
            continue;
        }
        // The key and its value, when one follows: `] enabled = false`.
        let tail = &after[end + 1..];
        let mut words = tail.split_inclusive(' ');
        let setting: usize = match (words.next(), words.next(), words.next(), words.next()) {
            (Some(space), Some(key), Some(eq), Some(value)) if space == " " && eq == "= " => {
                1 + key.len() + eq.len() + value.trim_end_matches(['）', ')', '。', ' ']).len()
            }
            (Some(" "), Some(key), _, _) => 1 + key.trim_end().len(),
            _ => 0,
        };
        rest = &tail[setting.min(tail.len())..];
    }
    out.push_str(rest);
    out
}

/// `2026-11-27.json.gz`, `联系人.csv`: a file's name.
fn is_file_name(token: &str) -> bool {
    let token = token.trim_matches(|c: char| !c.is_alphanumeric());
    [".json", ".gz", ".csv", ".vcf", ".ics", ".toml", ".md"].iter().any(|ext| token.ends_with(ext))
}

/// The names' pinyin, as the duplicates say why two names sound alike.
fn pinyin_of(names: impl Iterator<Item = String>) -> BTreeSet<String> {
    use pinyin::ToPinyin;
    names
        .map(|name| name.as_str().to_pinyin().flatten().map(|p| p.plain()).collect::<String>())
        .filter(|p| !p.is_empty())
        .collect()
}

struct Allowed {
    words: BTreeSet<String>,
}

impl Allowed {
    /// What may stand on a Chinese screen of `book_words`' book.
    fn new(book_words: BTreeSet<String>) -> Allowed {
        let mut words: BTreeSet<String> = KEY_NAMES.iter().map(|k| k.to_string()).collect();
        words.extend(kept_terms());
        words.extend(leadline::cli::command_words());
        words.extend(book_words);
        words.extend(["leadline", "Leadline", "km", "kg", "KB", "MB", "GB"].map(String::from));
        Allowed { words }
    }

    fn allows(&self, run: &str) -> bool {
        let is_format = run.chars().all(|c| "YMDHST-:".contains(c));
        let word = run.trim_start_matches('-');
        is_format
            || self.words.contains(run)
            || self.words.contains(word)
            || run.split(['-', '_', '.']).all(|part| part.len() < 2 || self.words.contains(part))
            // An id or a number with its unit: "#12", "3d", "v2".
            || run.chars().filter(char::is_ascii_alphabetic).count() < 2
    }

    /// The runs of `text` that may not stand, with where they were.
    fn leaks(&self, place: &str, text: &str) -> Vec<String> {
        // A setting as the settings file writes it ("[backup] enabled =
        // false") is the file's, a path or a file's name the file system's.
        let text = settings_written(text);
        let words: String = text
            .split_whitespace()
            .filter(|token| !token.contains('/') && !is_file_name(token))
            .collect::<Vec<_>>()
            .join(" ");
        let mut out: Vec<String> = latin_runs(&words)
            .into_iter()
            .filter(|run| !self.allows(run))
            .map(|run| format!("{place}: {run}"))
            .collect();
        out.dedup();
        out
    }
}

/// The Latin words of a book's own text: names, companies, notes, emails,
/// tags, sources, addresses, lessons, incentives.
fn book_words(backup: &serde_json::Value) -> BTreeSet<String> {
    const TEXT_FIELDS: &[&str] = &[
        "name",
        "company",
        "title",
        "email",
        "tags",
        "source",
        "address",
        "note",
        "competitors",
        "lesson",
        "incentive",
        "phones",
    ];
    fn walk(value: &serde_json::Value, field: Option<&str>, out: &mut BTreeSet<String>) {
        match value {
            serde_json::Value::String(text) if field.is_some_and(|f| TEXT_FIELDS.contains(&f)) => {
                out.extend(latin_runs(text));
                out.extend(
                    latin_runs(text).iter().flat_map(|r| r.split(['-', '.', '@', '\'']).map(String::from)),
                );
            }
            serde_json::Value::Array(items) => items.iter().for_each(|i| walk(i, field, out)),
            serde_json::Value::Object(map) => map.iter().for_each(|(k, v)| walk(v, Some(k), out)),
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    walk(backup, None, &mut out);
    let names = backup["accounts"].as_array().into_iter().flatten().filter_map(|a| a["name"].as_str());
    out.extend(pinyin_of(names.map(String::from)));
    out
}

fn chinese_demo() -> Driver {
    let now = parse_timestamp("2026-11-27T09:00").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config::default();
    config.set_language(Lang::ZhCn);
    let app = App::open_at(&dir.path().join("store"), Box::new(FixedClock(now))).unwrap().with_config(config);
    app.fill_demo(DemoOptions { lang: Lang::ZhCn, ..DemoOptions::default() }).unwrap();
    Driver::start(dir, app, now)
}

const SIZES: [(u16, u16); 3] = [(120, 35), (80, 24), (60, 20)];

/// Draws what is on screen at every size; the text of each.
fn at_every_size(f: &mut Driver, place: &str, out: &mut Vec<(String, String)>) {
    for (width, height) in SIZES {
        f.resize(width, height);
        let terminal = f.draw(width, height, Theme { color: false });
        let buffer = terminal.backend().buffer();
        let text: String = (0..buffer.area.height)
            .map(|y| (0..buffer.area.width).map(|x| buffer[(x, y)].symbol()).collect::<String>() + "\n")
            .collect();
        out.push((format!("{place} {width}x{height}"), text));
    }
}

/// Every screen, each with its help; the account screen with each form an
/// account key opens; the search, a question and a form's error.
fn every_chinese_screen() -> Vec<(String, String)> {
    let mut f = chinese_demo();
    let mut out = Vec::new();
    for (key, name) in [
        ('1', "today"),
        ('2', "pipeline"),
        ('3', "customers"),
        ('5', "referrals"),
        ('6', "review"),
        ('7', "focus"),
        ('8', "competitors"),
    ] {
        f.key(KeyCode::Char(key));
        at_every_size(&mut f, name, &mut out);
        f.key(KeyCode::Char('?'));
        at_every_size(&mut f, &format!("{name} help"), &mut out);
        f.key(KeyCode::Esc);
    }
    f.key(KeyCode::Char('6'));
    f.key(KeyCode::Char('n'));
    at_every_size(&mut f, "reflect form", &mut out);
    f.key(KeyCode::Esc);
    f.key(KeyCode::Char('1'));
    f.key(KeyCode::Enter);
    at_every_size(&mut f, "account", &mut out);
    f.key(KeyCode::Char('?'));
    at_every_size(&mut f, "account help", &mut out);
    f.key(KeyCode::Esc);
    for (key, name) in [
        ('c', "call form"),
        ('s', "sms form"),
        ('v', "visit form"),
        ('l', "other form"),
        ('o', "order form"),
        ('f', "follow-up form"),
        ('e', "edit form"),
        ('a', "add form"),
        ('A', "archive form"),
        ('R', "referral form"),
        ('E', "correct form"),
        ('z', "snooze form"),
        ('w', "competitor form"),
    ] {
        f.key(KeyCode::Char(key));
        at_every_size(&mut f, name, &mut out);
        f.key(KeyCode::Esc);
        f.key(KeyCode::Char('y'));
    }
    // A declined call asks who won it.
    f.key(KeyCode::Char('c'));
    for _ in 0..3 {
        f.key(KeyCode::Tab);
    }
    f.key(KeyCode::Char('d'));
    at_every_size(&mut f, "declined call form", &mut out);
    f.key(KeyCode::Esc);
    f.key(KeyCode::Char('y'));
    f.key(KeyCode::Char('o'));
    f.type_text("abc");
    f.key(KeyCode::Enter);
    at_every_size(&mut f, "order form error", &mut out);
    f.key(KeyCode::Esc);
    f.key(KeyCode::Char('y'));
    f.key(KeyCode::Char('D'));
    at_every_size(&mut f, "remove question", &mut out);
    f.key(KeyCode::Char('n'));
    f.key(KeyCode::Char('/'));
    f.type_text("zw");
    at_every_size(&mut f, "search", &mut out);
    f.key(KeyCode::Esc);
    out
}

#[test]
fn no_chinese_screen_shows_an_english_word() {
    let book = Book::new();
    book.run(&["--lang", "zh-CN", "demo"]).ok();
    let mut words = book_words(&book.json(&["export"]));
    // What the test types comes back as typed.
    words.extend(["zw", "abc"].map(String::from));
    let allowed = Allowed::new(words);
    let screens = every_chinese_screen();
    assert!(screens.len() > 80, "{}", screens.len());
    let leaks: Vec<String> = screens.iter().flat_map(|(place, text)| allowed.leaks(place, text)).collect();
    assert!(leaks.is_empty(), "English on Chinese screens:\n{}", leaks.join("\n"));
}

/// The CLI's listings, reports and errors in Chinese.
#[test]
fn no_chinese_command_says_an_english_word() {
    let book = Book::new();
    let zh = |args: &[&str]| {
        let mut all = vec!["--lang", "zh-CN"];
        all.extend_from_slice(args);
        book.run(&all)
    };
    zh(&["demo"]).ok();
    let allowed = Allowed::new(book_words(&book.json(&["export"])));
    let mut said = Vec::new();
    let mut say = |args: &[&str], run: common::Run| {
        said.push((args.join(" "), format!("{}{}", run.stdout, run.stderr)));
    };
    for args in [
        &["list"][..],
        &["show", "1"],
        &["today"],
        &["today", "--all"],
        &["plan", "--days", "7"],
        &["focus"],
        &["focus", "--md"],
        &["review"],
        &["referrals"],
        &["dupes"],
        &["history"],
        &["backups"],
        &["doctor"],
        &["tiers"],
        &["log", "sms", "1", "--outcome", "reached", "--dry-run"],
        &["log", "call", "1", "--outcome", "replied"],
        &["grade", "1", "E"],
        &["list", "--bogus"],
        &["frobnicate"],
        &["log"],
        &["show", "没有这个人"],
        &["done", "99999"],
        &["order", "1", "abc"],
        &["import", "/nonexistent/file.csv"],
        &["log", "call", "1", "--at", "-99999999d"],
        &["plan", "--days", "9999"],
    ] {
        say(args, zh(args));
    }
    let mut now = book.command(&["--lang", "zh-CN", "list"]);
    now.env("LEADLINE_NOW", "明天");
    say(&["LEADLINE_NOW=明天 list"], common::Run::from(now.output().unwrap()));
    // What the rep typed comes back as typed ("没有 --bogus 这个参数").
    let leaks: Vec<String> = said
        .iter()
        .flat_map(|(place, text)| {
            let typed: BTreeSet<String> = latin_runs(place).into_iter().collect();
            allowed
                .leaks(place, text)
                .into_iter()
                .filter(move |l| !typed.iter().any(|t| l.ends_with(&format!(": {t}"))))
        })
        .collect();
    assert!(leaks.is_empty(), "English from Chinese commands:\n{}", leaks.join("\n"));
}

#[test]
fn the_scan_finds_what_the_newcomer_found() {
    // The first test data: what a newcomer's day in Chinese turned up.
    let allowed = Allowed::new(BTreeSet::new());
    for leak in [
        "amount 'abc' is not a number like 12000 or 12000.50",
        "error: invalid value 'E' for '--grade <GRADE>' [possible values: A, B, C, D]",
        "import 1 accounts from 联系人.csv",
        "undo: 记录电话 (undone)",
        "DAY WRITTEN SIZE FILE",
        "cannot read 联系人.csv (os error 2)",
        "LEADLINE_NOW='明天' is not a time",
        "结果“replied”不适用于call",
    ] {
        assert!(!allowed.leaks("newcomer", leak).is_empty(), "{leak}");
    }
    for fine in [
        "按 Enter 保存",
        "VIP 客户",
        "leadline merge 1 2 --dry-run",
        "ACCOUNT 是编号",
        "YYYY-MM-DD",
        "已关闭（[backup] enabled = false）",
    ] {
        assert!(allowed.leaks("fine", fine).is_empty(), "{fine}");
    }
}
