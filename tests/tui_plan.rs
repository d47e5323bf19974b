//! The day's plan in the TUI: Today sized to the day's capacity with the
//! rest below a divider, rows worked to zero, the Review that acts and
//! keeps the reflection; snapshots at 120x35 and 80x24.

mod common;

use chrono::NaiveDateTime;
use common::tui::Driver;
use leadline::app::{AccountInput, App, FollowUpInput, OrderInput, TouchInput};
use leadline::clock::{FixedClock, When, parse_timestamp};
use leadline::config::Config;
use leadline::domain::{AccountId, Direction, FollowUpReason, Grade, Money, Outcome, Tier, TouchKind};
use leadline::tui::screens::today::Today;
use leadline::tui::theme::Theme;
use ratatui::crossterm::event::KeyCode;

fn now() -> NaiveDateTime {
    parse_timestamp("2026-11-27T09:00").unwrap()
}

const NAMES: &[(&str, Grade)] = &[
    ("张伟", Grade::A),
    ("王芳", Grade::B),
    ("李娜", Grade::B),
    ("刘洋", Grade::C),
    ("陈静", Grade::C),
    ("杨磊", Grade::C),
    ("Anna Schmidt", Grade::C),
    ("黄敏", Grade::D),
    ("周强", Grade::D),
    ("吴丽", Grade::D),
    ("Jonas Weber", Grade::D),
    ("徐军", Grade::D),
];

/// A book due more than a day holds: a dozen prospects added six weeks
/// ago and never touched, two VIP customers last seen a month ago, one
/// promise overdue and one due today; capacity 6 a day.
fn book(capacity: u32) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let at = |text: &str| Box::new(FixedClock(parse_timestamp(text).unwrap()));
    let setup = App::open_at(&store, at("2026-10-15T10:00")).unwrap();
    for (i, (name, grade)) in NAMES.iter().enumerate() {
        let input = AccountInput {
            name: Some(name.to_string()),
            phones: Some(vec![format!("138 0000 {:04}", i + 1)]),
            grade: Some(*grade),
            ..AccountInput::default()
        };
        setup.add_account(&input, None).unwrap();
    }
    for name in ["宋玉兰", "Mia Rossi"] {
        let input = AccountInput {
            name: Some(name.into()),
            phones: Some(vec!["139 1111 2222".into()]),
            ..AccountInput::default()
        };
        let id = setup.add_account(&input, None).unwrap().account.id;
        setup
            .record_order(&OrderInput {
                account: id,
                amount: Money(90_000_000),
                at: None,
                note: String::new(),
            })
            .unwrap();
        setup.edit_account(id, &AccountInput { tier: Some(Tier::Vip), ..AccountInput::default() }).unwrap();
    }
    drop(setup);
    let setup = App::open_at(&store, at("2026-11-20T10:00")).unwrap();
    for (account, due, note) in [(AccountId(2), "2026-11-25", "报价"), (AccountId(5), "2026-11-27", "送样品")]
    {
        let due = When { date: parse_timestamp(&format!("{due}T00:00")).unwrap().date(), time: None };
        let input = FollowUpInput {
            account,
            due,
            kind: TouchKind::Call,
            reason: FollowUpReason::Promised,
            note: note.into(),
        };
        setup.schedule_follow_up(&input).unwrap();
    }
    drop(setup);
    let mut config = Config::default();
    config.plan.capacity = capacity;
    let app = App::open_at(&store, Box::new(FixedClock(now()))).unwrap().with_config(config);
    (dir, app)
}

fn call(account: AccountId) -> TouchInput {
    TouchInput {
        account,
        kind: TouchKind::Call,
        direction: Direction::Outbound,
        outcome: Some(Outcome::NoAnswer),
        note: String::new(),
        lesson: String::new(),
        at: None,
        next: None,
        purpose: leadline::domain::Purpose::Ordinary,
        amount: None,
        lower_grade: false,
        lost_to: None,
    }
}

fn today(f: &Driver) -> &Today {
    f.model.get::<Today>()
}

fn snapshot(f: &mut Driver, name: &str, width: u16, height: u16) {
    f.resize(width, height);
    insta::assert_snapshot!(name, f.draw(width, height, Theme { color: false }).backend());
}

#[test]
fn today_at_120_and_80_columns_shows_the_plan_the_rows_done_and_the_rest_for_later() {
    let (dir, app) = book(6);
    // Two rows worked before the screen opens: a call nobody answered
    // counts, the attempt was made.
    let plan = app.agenda(7, leadline::app::Words::Today).unwrap();
    for row in &plan.first().rows[2..4] {
        app.log_touch(&call(row.account_id)).unwrap();
    }
    let mut f = Driver::start(dir, app, now());
    let today = today(&f);
    assert_eq!((today.today_len, today.done(), today.capacity), (6, 2, 6));
    assert_eq!(today.rows.len() - today.today_len, 8, "14 due: 6 today, the rest later");
    snapshot(&mut f, "plan_today_120x35", 120, 35);
    snapshot(&mut f, "plan_today_80x24", 80, 24);
    let screen = f.screen();
    assert!(screen.contains("6 planned   2/6 done   8 later"), "{screen}");
    assert!(screen.contains("overdue 2 days; promised: 报价"), "the reason at 80 columns: {screen}");
    assert!(screen.contains("138 0000 0002"), "the phone: {screen}");
    assert!(screen.contains("-- 8 later"), "{screen}");
    assert!(screen.contains(" 1 Today   2 Pipe   3 Cust"), "the tabs abbreviate: {screen}");

    // The same plan in Chinese: the chrome is translated and still fits.
    f.model.ctx.config.ui.language = Some(leadline::i18n::Lang::ZhCn);
    snapshot(&mut f, "plan_today_zh_120x35", 120, 35);
    snapshot(&mut f, "plan_today_zh_80x24", 80, 24);
    let screen = f.screen();
    assert!(screen.contains("计划 6 个   已完成 2/6   另有 8 个排后"), "{screen}");
    assert!(screen.contains("姓名") && screen.contains("电话") && screen.contains("原因"), "{screen}");
    assert!(screen.contains("-- 后面 8 个"), "the divider fits its column: {screen}");
}

#[test]
fn working_the_plan_to_zero_keeps_the_rows_and_counts_them_done() {
    let (dir, app) = book(4);
    let mut f = Driver::start(dir, app, now());
    let planned: Vec<AccountId> = today(&f).rows[..4].iter().map(|r| r.account).collect();
    for n in 1..=4 {
        // The worked row moves down, done: the next to work is on top.
        f.key(KeyCode::Char('g'));
        f.key(KeyCode::Char('c'));
        f.key(KeyCode::Enter);
        assert!(f.status().starts_with("Saved call"), "{}", f.status());
        assert_eq!(today(&f).done(), n);
        assert!(f.screen().contains(&format!("4 planned   {n}/4 done")), "{}", f.screen());
    }
    let worked: Vec<AccountId> = today(&f).rows[..4].iter().map(|r| r.account).collect();
    assert_eq!(worked, planned, "the same rows, none pulled in from later");
    assert!(today(&f).rows[..4].iter().all(|r| r.is_done()));
}

#[test]
fn the_review_lists_who_was_contacted_and_missed_and_keeps_the_reflection() {
    let (dir, app) = book(6);
    let first = app.agenda(7, leadline::app::Words::Today).unwrap().first().rows[0].account_id;
    app.log_touch(&TouchInput { lesson: "老板上午在".into(), ..call(first) }).unwrap();
    let mut f = Driver::start(dir, app, now());
    f.key(KeyCode::Char('6'));
    let screen = f.screen();
    assert!(screen.contains("Plan          1/6 worked, 5 still to do"), "{screen}");
    assert!(screen.contains("Lesson        老板上午在"), "{screen}");
    assert!(screen.contains("Contacted") && screen.contains("Planned, still to do"), "{screen}");

    // n writes the day's reflection; it is kept with the day.
    f.key(KeyCode::Char('n'));
    f.type_text("上午电话接通率高,下午跑大客户");
    f.key(KeyCode::Enter);
    assert_eq!(f.status(), "Saved the reflection on 11-27. u undoes it.");
    snapshot(&mut f, "plan_review_with_reflection", 100, 30);
    assert!(f.screen().contains("Reflection    上午电话接通率高,下午跑大客户"), "{}", f.screen());
    assert_eq!(f.app.review_day(now().date()).unwrap().reflection, "上午电话接通率高,下午跑大客户");

    // The rows act: the first planned-but-missed one logs a call at once.
    f.key(KeyCode::Char('j'));
    let missed = f.model.selected_account().unwrap();
    assert_ne!(missed, first);
    f.key(KeyCode::Char('c'));
    f.key(KeyCode::Enter);
    assert!(f.status().starts_with("Saved call with"), "{}", f.status());
    assert!(f.screen().contains("Plan          2/6 worked"), "{}", f.screen());
    f.key(KeyCode::Enter);
    assert_eq!(f.model.screen().name(), "account", "Enter opens the row's account");
}

/// A store found damaged says so in the status bar when the terminal
/// interface opens, with what to do (the CLI says it on every command).
#[test]
fn a_damaged_store_says_so_in_the_status_bar() {
    let (dir, app) = book(3);
    std::fs::write(app.dir().join("damaged"), "2\n").unwrap();
    let f = Driver::start(dir, app, now());
    let status = f.status();
    assert!(
        status.contains("2 records cannot be read: quit and run `leadline recover --to NEW_DIR`"),
        "{status}"
    );
}
