//! Sales events in the terminal interface: the log form asks what an
//! outcome needs (a won sale's amount, a meeting's day), does what it
//! means (a wrong number opens the phone, declined asks about the grade),
//! greets with the row's purpose, and Today offers to move a backlog.

mod common;

use chrono::NaiveDateTime;
use common::tui::Driver;
use leadline::app::{AccountInput, App, FollowUpInput, OrderInput};
use leadline::clock::{FixedClock, When, parse_timestamp};
use leadline::config::Config;
use leadline::domain::{AccountId, FollowUpReason, Grade, Money, Outcome, Stage, TouchKind};
use leadline::tui::forms::{FieldId, Form, LogField};
use leadline::tui::model::{Overlay, Question};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

fn now() -> NaiveDateTime {
    parse_timestamp("2027-01-26T09:00").unwrap()
}

/// 林军 (C, a promise due today), 李娟 (a VIP customer, 春节 ahead),
/// 赵文 (B, a promise due today); the Chinese festivals on.
fn book(config: Config) -> Driver {
    book_on(config, now())
}

fn book_on(config: Config, now: NaiveDateTime) -> Driver {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let earlier = parse_timestamp("2027-01-20T10:00").unwrap();
    let setup = App::open_at(&store, Box::new(FixedClock(earlier))).unwrap().with_config(config.clone());
    for (name, grade) in [("林军", Grade::C), ("李娟", Grade::A), ("赵文", Grade::B)] {
        let input = AccountInput {
            name: Some(name.into()),
            grade: Some(grade),
            phones: Some(vec!["138 0000 1111".into()]),
            ..AccountInput::default()
        };
        setup.add_account(&input, None).unwrap();
    }
    let order =
        OrderInput { account: AccountId(2), amount: Money(90_000_000), at: None, note: String::new() };
    setup.record_order(&order).unwrap();
    setup
        .edit_account(
            AccountId(2),
            &AccountInput { tier: Some(leadline::domain::Tier::Vip), ..AccountInput::default() },
        )
        .unwrap();
    for account in [AccountId(1), AccountId(3)] {
        setup
            .schedule_follow_up(&FollowUpInput {
                account,
                due: When { date: parse_timestamp("2027-01-26").unwrap().date(), time: None },
                kind: TouchKind::Call,
                reason: FollowUpReason::Promised,
                note: "回电话".into(),
            })
            .unwrap();
    }
    drop(setup);
    let app = App::open_at(&store, Box::new(FixedClock(now))).unwrap().with_config(config.clone());
    let mut f = Driver::start(dir, app, now);
    f.model.ctx.config = config;
    f.model.refresh();
    f
}

fn festivals() -> Config {
    let mut config = Config::default();
    config.holidays.preset = Some(leadline::config::HolidayPreset::Cn);
    config
}

fn select(f: &mut Driver, name: &str) {
    f.key(KeyCode::Char('g'));
    for _ in 0..10 {
        if f.model.selected_account().and_then(|id| f.model.ctx.book.get(id)).is_some_and(|s| s.name == name)
        {
            return;
        }
        f.key(KeyCode::Char('j'));
    }
    panic!("{name} is not on Today:\n{}", f.screen());
}

fn log_form(f: &Driver) -> &leadline::tui::forms::LogForm {
    match &f.model.overlay {
        Some(Overlay::Form(Form::Log(log))) => log,
        other => panic!("no log form: {other:?}"),
    }
}

fn alt(f: &mut Driver, c: char) {
    f.key_with(KeyCode::Char(c), KeyModifiers::ALT);
}

#[test]
fn won_opens_the_amount_and_enter_records_the_sale_in_one_change() {
    let mut f = book(Config::default());
    select(&mut f, "林军");
    f.key(KeyCode::Char('c'));
    alt(&mut f, 'o');
    assert_eq!(log_form(&f).focus, LogField::Amount, "the amount is what a won sale needs");
    f.key(KeyCode::Enter);
    assert!(f.status().contains("Amount: the sale's amount"), "{}", f.status());
    f.type_text("12000");
    f.key(KeyCode::Enter);
    assert!(f.model.overlay.is_none(), "{}", f.status());
    assert!(f.status().contains("Saved order 12,000.00 from 林军; now a customer"), "{}", f.status());
    let detail = f.app.account_detail(AccountId(1)).unwrap();
    assert!(matches!(detail.record.account.stage, Stage::Customer { .. }));
    assert_eq!((detail.orders.len(), detail.touches.len()), (1, 1));
    f.key(KeyCode::Char('u'));
    let detail = f.app.account_detail(AccountId(1)).unwrap();
    assert_eq!((detail.orders.len(), detail.touches.len()), (0, 0), "one undo takes both back");
}

#[test]
fn esc_on_the_amount_keeps_the_call_and_says_the_sale_is_not_recorded() {
    let mut f = book(Config::default());
    select(&mut f, "林军");
    f.key(KeyCode::Char('c'));
    alt(&mut f, 'o');
    f.key(KeyCode::Esc);
    assert!(f.model.overlay.is_none());
    assert!(f.status().contains("The sale is not recorded: o records the order."), "{}", f.status());
    let detail = f.app.account_detail(AccountId(1)).unwrap();
    assert_eq!((detail.orders.len(), detail.touches[0].outcome), (0, Some(Outcome::Won)));
}

#[test]
fn a_booked_meeting_takes_a_day_in_the_reps_words() {
    let mut f = book(Config::default());
    select(&mut f, "赵文");
    f.key(KeyCode::Char('c'));
    alt(&mut f, 'k');
    assert_eq!(log_form(&f).focus, LogField::Next, "the day is what a meeting needs");
    f.key(KeyCode::Enter);
    assert!(f.status().contains("a booked meeting needs its day"), "{}", f.status());
    f.type_text("next wed 15:00");
    assert!(f.screen().contains("Wed 02-03 15:00"), "the day it means, beside it: {}", f.screen());
    f.key(KeyCode::Enter);
    let follow_ups = f.app.account_detail(AccountId(3)).unwrap().follow_ups;
    let meeting = follow_ups.iter().find(|fu| fu.is_pending()).unwrap();
    assert_eq!((meeting.kind, meeting.due.to_string()), (TouchKind::Meeting, "2027-02-03".to_string()));
    assert_eq!(meeting.due_time.map(|t| t.to_string()).as_deref(), Some("15:00:00"));
}

#[test]
fn a_wrong_number_opens_the_edit_form_on_the_phones() {
    let mut f = book(Config::default());
    select(&mut f, "赵文");
    f.key(KeyCode::Char('c'));
    alt(&mut f, 'w');
    f.key(KeyCode::Enter);
    match &f.model.overlay {
        Some(Overlay::Form(Form::Fields(form))) => {
            assert_eq!(form.fields[form.focus].id, FieldId::Phones, "{}", f.screen())
        }
        other => panic!("the edit form: {other:?}"),
    }
    assert!(f.status().contains("138 0000 1111 is marked a wrong number"), "{}", f.status());
}

#[test]
fn declined_asks_whether_to_lower_the_grade() {
    let mut f = book(Config::default());
    select(&mut f, "赵文");
    f.key(KeyCode::Char('c'));
    alt(&mut f, 'd');
    f.key(KeyCode::Enter);
    assert!(matches!(f.model.question, Some(Question::LowerGrade(..))), "{}", f.screen());
    assert!(f.screen().contains("赵文 declined: lower to grade C too?"), "{}", f.screen());
    f.key(KeyCode::Char('y'));
    let account = f.app.account_detail(AccountId(3)).unwrap().record.account;
    assert_eq!(account.stage.grade(), Some(Grade::C));
    assert!(f.status().contains("lowered to grade C"), "{}", f.status());
}

#[test]
fn a_greeting_row_logs_a_greeting_and_closes_it() {
    let mut f = book(festivals());
    select(&mut f, "李娟");
    f.key(KeyCode::Char('s'));
    assert!(f.screen().contains("春节 greeting"), "the form says what it is for: {}", f.screen());
    f.key(KeyCode::Enter);
    assert!(f.status().starts_with("Saved sms (festival greeting) with 李娟."), "{}", f.status());
    let row = f
        .model
        .get::<leadline::tui::screens::today::Today>()
        .rows
        .iter()
        .find(|r| r.account == AccountId(2))
        .map(|r| r.is_done());
    assert_eq!(row, Some(true), "greeted: the row is done");
    f.model.ctx.now = parse_timestamp("2027-01-27T09:00").unwrap();
    f.model.refresh();
    assert!(!f.screen().contains("春节 in"), "and it does not come back: {}", f.screen());
}

#[test]
fn l_opens_on_the_rows_channel() {
    let mut f = book(festivals());
    select(&mut f, "李娟");
    f.key(KeyCode::Char('l'));
    assert_eq!(log_form(&f).kind, TouchKind::Gift, "春节: a gift");
}

#[test]
fn a_backlog_of_minor_promises_is_moved_with_one_key() {
    let mut config = Config::default();
    config.plan.capacity = 1;
    let mut f = book_on(config, parse_timestamp("2027-02-01T09:00").unwrap());
    assert!(
        f.screen().contains("late promise of C and D prospects can wait (T moves them)"),
        "{}",
        f.screen()
    );
    f.key(KeyCode::Char('T'));
    f.key(KeyCode::Enter);
    assert!(f.status().starts_with("Moved 1 late promise of C and D prospects to"), "{}", f.status());
    assert!(f.model.ctx.book.get(AccountId(1)).unwrap().pending[0].due > f.model.ctx.today());
}

#[test]
fn the_add_form_takes_a_birthday() {
    let mut f = book(Config::default());
    f.key(KeyCode::Char('a'));
    let Some(Overlay::Form(Form::Fields(form))) = &f.model.overlay else { panic!("the add form") };
    let at = form.fields.iter().position(|field| field.id == FieldId::Birthday).expect("a birthday field");
    f.type_text("周强");
    for _ in 0..at {
        f.key(KeyCode::Tab);
    }
    f.type_text("03-08");
    f.key(KeyCode::Enter);
    assert!(f.status().starts_with("Added 周强."), "{}", f.status());
    let added = f.app.account_detail(AccountId(4)).unwrap().record.account;
    assert_eq!((added.name.as_str(), added.birthday.map(|b| b.to_string())), ("周强", Some("03-08".into())));
}
