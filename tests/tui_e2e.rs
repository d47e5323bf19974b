//! End to end: the real binary in a real terminal (tmux), driven with
//! send-keys and read with capture-pane.

mod common;

use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common::{Book, NOW, binary};

static SESSIONS: AtomicUsize = AtomicUsize::new(0);

/// A tmux server of its own running a plain shell, 100x30.
struct Terminal {
    socket: String,
}

impl Terminal {
    fn new(book: &Book) -> Terminal {
        let socket =
            format!("leadline-e2e-{}-{}", std::process::id(), SESSIONS.fetch_add(1, Ordering::SeqCst));
        let terminal = Terminal { socket };
        let status = terminal
            .tmux()
            .args(["new-session", "-d", "-s", "main", "-x", "100", "-y", "30", "bash --norc --noprofile"])
            .env("TERM", "xterm-256color")
            .status()
            .expect("tmux is installed (.ci/run installs it)");
        assert!(status.success());
        let setup = format!(
            "PS1='$ '; export LEADLINE_STORE='{}' LEADLINE_NOW='{NOW}' XDG_DATA_HOME='{}' XDG_CONFIG_HOME='{}/config' HOME='{}' TZ=UTC LANG=C.UTF-8; unset LEADLINE_CONFIG LEADLINE_LANG LC_ALL LC_MESSAGES; clear",
            book.store().display(),
            book.path("data").display(),
            book.path("").display(),
            book.path("").display(),
        );
        terminal.send_line(&setup);
        terminal
    }

    fn tmux(&self) -> Command {
        let mut command = Command::new("tmux");
        command.args(["-L", &self.socket, "-f", "/dev/null"]);
        command
    }

    fn send(&self, keys: &[&str]) {
        let status = self.tmux().args(["send-keys", "-t", "main"]).args(keys).status().unwrap();
        assert!(status.success());
    }

    fn send_line(&self, line: &str) {
        self.send(&["-l", line]);
        self.send(&["Enter"]);
    }

    fn screen(&self) -> String {
        let output = self.tmux().args(["capture-pane", "-p", "-t", "main"]).output().unwrap();
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Polls the screen until `done` holds for it (up to 20 s on a slow
    /// machine) and returns that screen; `what` names the wait on failure.
    #[track_caller]
    fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if done(&screen) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!("waited for {what}; the screen shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    #[track_caller]
    fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), |screen| screen.contains(text))
    }

    /// Waits until the screen shows every one of `texts`: a screen is drawn
    /// in pieces, so one text may show before the others.
    #[track_caller]
    fn wait_for_all(&self, texts: &[&str]) -> String {
        self.wait_until(&format!("{texts:?}"), |screen| texts.iter().all(|text| screen.contains(text)))
    }

    #[track_caller]
    fn wait_until_gone(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?} to go"), |screen| !screen.contains(text))
    }

    fn leadline(&self, args: &str) {
        self.send_line(&format!("'{}' {args}", binary()));
    }
}

impl Terminal {
    fn shell_pid(&self) -> Option<String> {
        let shell = self.tmux().args(["display-message", "-p", "-t", "main", "#{pane_pid}"]).output().ok()?;
        let shell = String::from_utf8_lossy(&shell.stdout).trim().to_string();
        (!shell.is_empty()).then_some(shell)
    }

    /// Sends SIGTERM to what the shell runs (this test's leadline).
    fn terminate_children(&self) {
        if let Some(shell) = self.shell_pid() {
            let _ = Command::new("pkill").args(["-TERM", "-P", &shell]).status();
        }
    }

    /// Quits with `q` and waits until the process has exited, not just until
    /// the terminal is restored (which comes first, before the store closes).
    #[track_caller]
    fn quit(&self) -> String {
        self.send(&["q"]);
        let shell = self.shell_pid().expect("the pane's shell");
        let start = Instant::now();
        while Command::new("pgrep").args(["-P", &shell]).status().is_ok_and(|s| s.success()) {
            assert!(start.elapsed() < Duration::from_secs(20), "leadline did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
        self.wait_for("$ ")
    }
}

/// Starts Leadline in English and opens 张伟 found by pinyin.
fn open_zhang_wei(terminal: &Terminal) {
    terminal.leadline("");
    terminal.wait_for(" planned ");
    terminal.send(&["/"]);
    terminal.send(&["-l", "zhangwei"]);
    terminal.wait_for("1 match");
    terminal.send(&["Enter"]);
}

impl Drop for Terminal {
    fn drop(&mut self) {
        self.terminate_children();
        let _ = self.tmux().arg("kill-server").status();
    }
}

fn small_book() -> Book {
    let book = Book::new();
    book.add(&["张伟", "--company", "绿源农资有限公司", "--grade", "A"]);
    book.add(&["王芳", "--company", "丰收种业"]);
    book.add(&["Anna Schmidt", "--company", "Contoso Agrar"]);
    book.run(&["follow-up", "王芳", "--on", "today", "--note", "介绍新品种"]).ok();
    book
}

#[test]
fn opens_the_demo_store_and_moves_between_screens() {
    let book = Book::new();
    let terminal = Terminal::new(&book);
    terminal.leadline("--demo");
    terminal.wait_for_all(&[" planned ", "1 Today", "due today"]);
    terminal.send(&["j", "j", "2"]);
    terminal.wait_for_all(&["Grade A", "prospects"]);
    terminal.send(&["Tab"]);
    terminal.wait_for("VIP");
    terminal.send(&["G", "Enter"]);
    terminal.wait_for("Timeline:");
    // The 80/20 of the demo book: the curve, the bars and the key accounts.
    terminal.send(&["7"]);
    terminal.wait_for_all(&[
        "Pareto: revenue share by customers",
        "Effort against revenue",
        "MVC: ",
        "cut at",
    ]);
    terminal.send(&["Enter"]);
    // The first key account opens.
    terminal.wait_for_all(&["key account (MVC)", "Timeline:"]);
    terminal.quit();
}

#[test]
fn searches_by_pinyin_initials_and_opens_the_hit() {
    let book = small_book();
    let terminal = Terminal::new(&book);
    terminal.leadline("");
    terminal.wait_for(" planned ");
    terminal.send(&["/"]);
    terminal.wait_for("Search:");
    terminal.send(&["-l", "zw"]);
    terminal.wait_for_all(&["1 match", "张伟"]);
    terminal.send(&["Enter"]);
    terminal.wait_for_all(&["Timeline:", "张伟  绿源农资有限公司", "prospect, grade A"]);
}

#[test]
fn a_call_logged_in_the_form_is_in_the_timeline_and_in_show_and_undo_takes_it_back() {
    let book = small_book();
    let terminal = Terminal::new(&book);
    open_zhang_wei(&terminal);
    terminal.wait_for("Timeline: 0 touches");
    terminal.send(&["c"]);
    terminal.wait_for("Log call with 张伟");
    terminal.send(&["-l", "老板不在 call again"]);
    terminal.send(&["Tab", "Tab", "Tab", "n", "Enter"]);
    terminal.wait_for_all(&[
        "Saved call with 张伟 (no-answer)",
        "call no-answer: 老板不在 call again",
        "Timeline: 1 touch, 0 orders",
    ]);
    terminal.quit();
    let show = book.json(&["show", "张伟", "--json"]);
    assert_eq!(show["touches"][0]["note"], "老板不在 call again");
    assert_eq!(show["touches"][0]["outcome"], "no-answer");
    assert_eq!(show["follow_ups"][0]["due"], "2026-11-28", "no answer suggested tomorrow");

    terminal.send_line("clear");
    terminal.leadline("");
    terminal.wait_for(" planned ");
    terminal.send(&["u"]);
    terminal.wait_for("Undid: log call with 张伟");
    terminal.quit();
    let show = book.json(&["show", "张伟", "--json"]);
    assert!(show["touches"].as_array().unwrap().is_empty(), "undone: {show}");
}

#[test]
fn a_call_logged_in_the_chinese_interface_is_saved_the_same() {
    let book = small_book();
    let terminal = Terminal::new(&book);
    // The locale alone makes it Chinese, as on a rep's machine.
    terminal.send_line(&format!("LANG=zh_CN.UTF-8 '{}'", binary()));
    terminal.wait_for_all(&["1 今日", "计划 1 个", "今天到期；承诺：介绍新品种"]);
    terminal.send(&["/"]);
    terminal.send(&["-l", "zw"]);
    terminal.wait_for("找到 1 个");
    terminal.send(&["Enter"]);
    terminal.wait_for("时间线：0 次联系");
    terminal.send(&["c"]);
    terminal.wait_for_all(&["记录与 张伟 的电话", "[n] 没人接", "现在"]);
    terminal.send(&["-l", "老板不在，明天再打"]);
    terminal.send(&["Tab", "Tab", "Tab", "n", "Enter"]);
    terminal.wait_for_all(&[
        "已记录与 张伟 的电话（没人接），下一步 11-28。",
        "电话 没人接：老板不在，明天再打",
        "时间线：1 次联系",
    ]);
    terminal.quit();
    let show = book.json(&["show", "张伟", "--json"]);
    assert_eq!(show["touches"][0]["kind"], "call", "the book holds the same keywords in every language");
    assert_eq!(show["touches"][0]["outcome"], "no-answer");
    assert_eq!(show["touches"][0]["note"], "老板不在，明天再打");
    assert_eq!(show["follow_ups"][0]["due"], "2026-11-28");
    assert_eq!(
        show["follow_ups"][0]["note"], "电话（没人接）之后",
        "the next step's note in the rep's words"
    );

    terminal.send_line("clear");
    terminal.send_line(&format!("'{}' --lang zh-CN", binary()));
    terminal.wait_for("计划 ");
    terminal.send(&["u"]);
    terminal.wait_for("已撤销：记录与 张伟（#1）的电话");
    terminal.quit();
}

/// In the Chinese interface: finds the one account `query` matches, opens
/// it and starts logging a call with `name`.
fn call_from_search(terminal: &Terminal, query: &str, name: &str) {
    terminal.send(&["/"]);
    terminal.send(&["-l", query]);
    terminal.wait_for("找到 1 个");
    terminal.send(&["Enter"]);
    terminal.wait_for("时间线：0 次联系");
    terminal.send(&["c"]);
    terminal.wait_for(&format!("记录与 {name} 的电话"));
}

#[test]
fn sales_events_in_the_chinese_interface_a_won_call_a_booked_meeting_a_wrong_number() {
    let book = small_book();
    book.run(&["edit", "王芳", "--phone", "139 0000 2222"]).ok();
    book.run(&["edit", "Anna Schmidt", "--phone", "138 0000 3333"]).ok();
    let terminal = Terminal::new(&book);
    terminal.send_line(&format!("LANG=zh_CN.UTF-8 '{}'", binary()));
    terminal.wait_for_all(&["1 今日", "计划"]);

    // A won call with its amount: 张伟 becomes a customer, his revenue on Focus.
    call_from_search(&terminal, "zw", "张伟");
    terminal.send(&["M-o"]);
    terminal.wait_for("成交金额");
    terminal.send(&["-l", "12000"]);
    terminal.send(&["Enter"]);
    terminal.wait_for_all(&["已记录 张伟 的订单 ¥12,000.00，已成为客户", "时间线：1 次联系"]);
    terminal.send(&["7"]);
    terminal.wait_for("¥12,000.00");

    // A booked meeting on 下周三 15:00: the day it means beside the field.
    call_from_search(&terminal, "wangfang", "王芳");
    terminal.send(&["M-k"]);
    terminal.send(&["-l", "下周三 15:00"]);
    terminal.wait_for("周三 12-02 15:00");
    terminal.send(&["Enter"]);
    terminal.wait_for("已记录与 王芳 的电话（约好见面），下一步 12-02");

    // A wrong number: the edit form opens on the phones.
    call_from_search(&terminal, "anna", "Anna Schmidt");
    terminal.send(&["M-w", "Enter"]);
    terminal.wait_for_all(&["编辑 Anna Schmidt", "> 电话", "138 0000 3333 标记为错号"]);
    terminal.send(&["Escape"]);
    terminal.wait_until_gone("编辑 Anna Schmidt");
    terminal.quit();

    let zhang = book.json(&["show", "张伟", "--json"]);
    assert_eq!(
        (zhang["account"]["stage"].as_str(), zhang["orders"][0]["amount"].as_str()),
        (Some("customer"), Some("12000.00"))
    );
    let wang = book.json(&["show", "王芳", "--json"]);
    let meeting =
        wang["follow_ups"].as_array().unwrap().iter().find(|f| f["kind"] == "meeting").cloned().unwrap();
    assert_eq!((meeting["due"].as_str(), meeting["due_time"].as_str()), (Some("2026-12-02"), Some("15:00")));
}

#[test]
fn a_tiny_terminal_gets_a_message_and_resizing_back_redraws() {
    let book = small_book();
    let terminal = Terminal::new(&book);
    terminal.leadline("");
    terminal.wait_for(" planned ");
    terminal.tmux().args(["resize-window", "-t", "main", "-x", "40", "-y", "10"]).status().unwrap();
    terminal.wait_for_all(&["Terminal too small", "40x10"]);
    terminal.tmux().args(["resize-window", "-t", "main", "-x", "100", "-y", "30"]).status().unwrap();
    terminal.wait_for_all(&["1 Today", "王芳"]);
}

fn terminal_mode(terminal: &Terminal) -> String {
    terminal.send_line("clear; stty -a | tr ' ' '\\n' | grep -x -e '-\\?icanon' -e '-\\?echo'");
    terminal.wait_for("icanon");
    std::thread::sleep(Duration::from_millis(200));
    terminal.screen()
}

#[test]
fn quitting_restores_the_terminal() {
    let book = small_book();
    let terminal = Terminal::new(&book);
    terminal.send_line("echo before-leadline");
    terminal.wait_for("before-leadline");
    terminal.leadline("");
    terminal.wait_until_gone("before-leadline");
    terminal.wait_for(" planned ");
    terminal.send(&["q"]);
    let screen = terminal.wait_for("before-leadline");
    assert!(!screen.contains(" planned "), "left the alternate screen: {screen}");
    let mode = terminal_mode(&terminal);
    assert!(mode.lines().any(|l| l.trim() == "icanon") && mode.lines().any(|l| l.trim() == "echo"), "{mode}");
}

#[test]
fn a_kill_restores_the_terminal_too() {
    let book = small_book();
    let terminal = Terminal::new(&book);
    terminal.leadline("");
    terminal.wait_for(" planned ");
    // The shell's child is this test's leadline; other tests run theirs.
    terminal.terminate_children();
    terminal.wait_until_gone(" planned ");
    let mode = terminal_mode(&terminal);
    assert!(mode.lines().any(|l| l.trim() == "icanon"), "{mode}");
}

#[test]
fn a_second_process_is_refused_while_the_tui_is_open() {
    let book = small_book();
    let terminal = Terminal::new(&book);
    terminal.leadline("");
    terminal.wait_for(" planned ");
    let error = book.run(&["log", "call", "张伟"]).fails(3);
    assert!(error.contains("is in use by another leadline process"), "{error}");
    terminal.quit();
}

#[test]
fn closing_the_terminal_ends_leadline_and_frees_the_store() {
    let book = small_book();
    let terminal = Terminal::new(&book);
    terminal.leadline("");
    terminal.wait_for(" planned ");
    // Hang up: kill the terminal itself, not the program.
    terminal.tmux().arg("kill-server").status().unwrap();
    let start = Instant::now();
    loop {
        let run = book.run(&["today"]);
        if run.code == 0 {
            break;
        }
        assert!(run.stderr.contains("in use"), "{}", run.stderr);
        assert!(start.elapsed() < Duration::from_secs(10), "leadline outlived its terminal");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn a_small_plan_is_worked_to_zero_and_the_day_gets_its_reflection() {
    let mut book = Book::new();
    book.now = "2026-10-01T10:00".into();
    for name in ["张伟", "王芳", "李娜", "赵文"] {
        book.add(&[name, "--grade", "C", "--phone", "13800138000"]);
    }
    book.now = NOW.into();
    book.configure("[plan]\ncapacity = 3\n");
    let terminal = Terminal::new(&book);
    terminal.leadline("");
    terminal.wait_for_all(&["3 planned   0/3 done   1 later", "-- 1 later"]);
    for done in 1..=3 {
        // The top row is the next to work: the one worked moves down, done.
        terminal.send(&["g", "c"]);
        terminal.wait_for("Log call with");
        terminal.send(&["Enter"]);
        terminal.wait_for(&format!("3 planned   {done}/3 done"));
    }
    terminal.send(&["6"]);
    terminal.wait_for_all(&["Plan          3/3 worked, 0 still to do", "Contacted"]);
    terminal.send(&["n"]);
    terminal.wait_for("Reflect on Fri 2026-11-27");
    terminal.send(&["-l", "上午接通率高,明天先打李娜"]);
    terminal.send(&["Enter"]);
    terminal.wait_for_all(&["Saved the reflection on 11-27", "Reflection    上午接通率高,明天先打李娜"]);
    terminal.quit();
    let review = book.json(&["review", "--json"]);
    assert_eq!(
        (review["planned"].as_u64(), review["planned_missed"].as_array().map(Vec::len)),
        (Some(3), Some(0))
    );
    assert_eq!(review["reflection"], "上午接通率高,明天先打李娜");
    assert_eq!(review["streak"], 1, "today's plan worked to zero counts");
}

/// Copies the workspace's sources (not its build) to `to`.
fn copy_workspace(to: &std::path::Path) {
    fn copy(from: &std::path::Path, to: &std::path::Path) {
        if from.is_dir() {
            std::fs::create_dir_all(to).unwrap();
            for entry in std::fs::read_dir(from).unwrap() {
                let entry = entry.unwrap();
                if entry.file_name() != "target" {
                    copy(&entry.path(), &to.join(entry.file_name()));
                }
            }
        } else {
            std::fs::copy(from, to).unwrap();
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(to).unwrap();
    for part in ["Cargo.toml", "Cargo.lock", "src", "crates", "benches"] {
        copy(&root.join(part), &to.join(part));
    }
}

/// Edits a copied file: `anchor` must be there (the recipe names it), and
/// `add` goes after it.
#[track_caller]
fn add_after(file: &std::path::Path, anchor: &str, add: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    let at =
        text.find(anchor).unwrap_or_else(|| panic!("{} has no {anchor:?}", file.display())) + anchor.len();
    std::fs::write(file, format!("{}{add}{}", &text[..at], &text[at..])).unwrap();
}

/// Builds the copied workspace; its dependencies are built once, kept in
/// cargo's directory for tests' data.
fn build_copy(workspace: &std::path::Path) -> std::process::Output {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    Command::new(cargo)
        .args(["build", "--offline", "--locked", "--bin", "leadline"])
        .current_dir(workspace)
        .env("CARGO_TARGET_DIR", std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("recipe-target"))
        .env("CARGO_PROFILE_DEV_DEBUG", "0")
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs")
}

/// docs/ARCHITECTURE.md's "How to add a screen", step by step, on a copy
/// of the workspace: the files it names are the files it takes, the new
/// screen has its tab, its number key and its help in both languages, and a
/// message left out of one catalogue stops the build, saying which.
#[test]
fn a_screen_added_by_the_recipe_has_its_tab_key_and_help_and_a_missing_word_stops_the_build() {
    let recipe =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/ARCHITECTURE.md")).unwrap();
    let recipe = &recipe[recipe.find("### How to add a screen").unwrap()..];
    let recipe = &recipe[..recipe[4..].find("\n### ").unwrap()];
    for file in [
        "src/tui/screens/NAME.rs",
        "src/tui/screens/mod.rs",
        "crates/i18n/locales/en-US/leadline.ftl",
        "zh-CN/leadline.ftl",
        "src/tui/keymap.toml",
        "en-US/keys.ftl",
        "zh-CN/keys.ftl",
    ] {
        assert!(recipe.contains(file), "the recipe names {file}");
    }
    let scratch = tempfile::tempdir().unwrap();
    let ws = scratch.path().join("ws");
    copy_workspace(&ws);
    // 1. The screen's module.
    std::fs::write(
        ws.join("src/tui/screens/notes.rs"),
        r#"//! Notes: the recipe's example screen.
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

use super::Screen;
use crate::i18n::{Lang, msg};
use crate::tui::context::Context;
use crate::tui::keymap::Scope;
use crate::tui::theme::Theme;

#[derive(Debug, Default)]
pub struct Notes;

impl Screen for Notes {
    fn name(&self) -> &'static str {
        "notes"
    }

    fn tab(&self, lang: Lang) -> String {
        msg::TabNotes.text(lang)
    }

    fn short_tab(&self, lang: Lang) -> String {
        msg::TabShortNotes.text(lang)
    }

    fn scopes(&self) -> &'static [Scope] {
        &[Scope::Global]
    }

    fn render(&self, ctx: &Context, _: &Theme, frame: &mut Frame, _: Rect, body: Rect) {
        let words = msg::NotesCount { accounts: ctx.book.summaries.len() }.text(ctx.lang());
        frame.render_widget(Paragraph::new(words), body);
    }
}
"#,
    )
    .unwrap();
    // 2. Its module and its line in the registry.
    let screens = ws.join("src/tui/screens/mod.rs");
    add_after(&screens, "pub mod focus;\n", "pub mod notes;\n");
    add_after(
        &screens,
        "Box::new(focus::FocusScreen::default()),\n",
        "        Box::new(notes::Notes::default()),\n",
    );
    // 3. Its words, in every catalogue.
    let locales = ws.join("crates/i18n/locales");
    let append = |file: &str, text: &str| {
        let path = locales.join(file);
        let old = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, format!("{old}\n{text}\n")).unwrap();
    };
    append(
        "en-US/leadline.ftl",
        "tab-notes = Notes\ntab-short-notes = Nt\nnotes-count = Notes on { $accounts } accounts",
    );
    append(
        "zh-CN/leadline.ftl",
        "tab-notes = 笔记\ntab-short-notes = 笔\nnotes-count = { $accounts } 个客户的笔记",
    );
    // 4. Its number key and the key's help.
    add_after(
        &ws.join("src/tui/keymap.toml"),
        "bindings = [\n",
        "  { scope = \"global\", command = \"show_notes\", keys = [\"8\"] },\n",
    );
    append("en-US/keys.ftl", "key-global-show-notes = Show the notes");
    append("zh-CN/keys.ftl", "key-global-show-notes = 显示笔记");

    let built = build_copy(&ws);
    assert!(built.status.success(), "the recipe builds:\n{}", String::from_utf8_lossy(&built.stderr));
    let binary = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("recipe-target/debug/leadline");
    let book = Book::new();
    let terminal = Terminal::new(&book);
    for (lang, tab, body, help) in [
        // 100 columns: the tab bar has room for the short titles.
        ("en", " 8 Nt ", "Notes on ", "Show the notes"),
        ("zh-CN", " 8 笔 ", "个客户的笔记", "显示笔记"),
    ] {
        terminal.send_line(&format!("'{}' --demo --lang {lang}", binary.display()));
        terminal.wait_for(tab);
        terminal.send(&["8"]);
        terminal.wait_for(body);
        terminal.send(&["?"]);
        terminal.wait_for(help);
        terminal.send(&["Escape"]);
        terminal.wait_until_gone(help);
        terminal.quit();
    }

    // Leave a word out of one catalogue: the build stops and says which.
    let zh = locales.join("zh-CN/leadline.ftl");
    let text = std::fs::read_to_string(&zh).unwrap().replace("tab-notes = 笔记\n", "");
    std::fs::write(&zh, text).unwrap();
    let built = build_copy(&ws);
    let stderr = String::from_utf8_lossy(&built.stderr);
    assert!(!built.status.success(), "a missing word stops the build");
    assert!(stderr.contains("zh-CN/leadline.ftl: tab-notes is missing"), "{stderr}");
}

#[test]
fn a_competitor_s_floor_noted_on_an_account_shows_in_the_competitor_view() {
    let book = small_book();
    let terminal = Terminal::new(&book);
    open_zhang_wei(&terminal);
    terminal.wait_for("none noted: w notes who else sells here");
    terminal.send(&["w"]);
    terminal.wait_for("Who else sells to 张伟?");
    terminal.send(&["-l", "Stanley"]);
    // Competitor, Strength, Offer, then the Floor.
    terminal.send(&["Tab", "Tab", "Tab"]);
    terminal.send(&["-l", "2650 a ton on a truckload"]);
    terminal.send(&["Enter"]);
    terminal.wait_for_all(&["Saved what you know of Stanley at 张伟", "Floor: 2650 a ton on a truckload"]);
    terminal.send(&["8"]);
    terminal.wait_for_all(&["One competitor ·", "Latest floor: 2650 a ton on a truckload (张伟)"]);
    terminal.quit();
    let shown = book.json(&["competitor", "show", "stanley", "--json"]);
    assert_eq!(shown["latest_floor"]["value"], "2650 a ton on a truckload");
    assert_eq!(shown["accounts"][0]["account"], "张伟");
}

#[test]
fn under_auto_sync_a_call_logged_in_the_interface_reaches_the_server_and_the_status_bar_says_so() {
    let Some(cluster) = common::postgres::Cluster::start() else { return };
    Book::new().run(&["sync", "init", "--url", &cluster.url("admin"), "--rep", "alice"]).ok();
    let book = small_book();
    book.configure(&format!(
        "[sync]\nurl = \"{}\"\ndevice = \"laptop\"\nauto = true\n",
        cluster.url("alice")
    ));
    let terminal = Terminal::new(&book);
    open_zhang_wei(&terminal);
    // The book went to the server when the interface opened.
    terminal.wait_for("synced");
    terminal.send(&["c"]);
    terminal.wait_for("Log call with 张伟");
    terminal.send(&["-l", "reached the owner"]);
    terminal.send(&["Tab", "Tab", "Tab", "r", "Enter"]);
    terminal.wait_for("call reached: reached the owner");
    terminal.wait_for("synced");
    let rows = cluster.psql("alice", "SELECT count(*) FROM leadline.changes").unwrap();
    assert_eq!(rows, "2", "the book, then the call");

    // The server gone: the interface says offline and goes on working.
    drop(cluster);
    terminal.send(&["c"]);
    terminal.wait_for("Log call with 张伟");
    terminal.send(&["-l", "second call"]);
    terminal.send(&["Tab", "Tab", "Tab", "r", "Enter"]);
    let screen = terminal.wait_for("offline · 1 to send");
    assert!(screen.contains("call reached: second call"), "{screen}");
    terminal.quit();
    let status = book.run(&["sync", "--status"]).ok();
    assert!(status.contains("1 change to send") && status.contains("cannot be reached"), "{status}");
}
