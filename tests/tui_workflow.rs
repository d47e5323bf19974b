//! The day's workflow in the TUI where a rep tripped: snoozes that only
//! move later, a picker when an account has several follow-ups, the
//! selection that follows a regraded prospect, suggested values replaced
//! by typing, forms that say what else they did.

mod common;

use chrono::{NaiveDate, NaiveDateTime};
use common::tui::Driver;
use leadline::app::{AccountInput, App, FollowUpInput};
use leadline::clock::{FixedClock, When, parse_timestamp};
use leadline::domain::{AccountId, FollowUpReason, FollowUpStatus, Grade, TouchKind};
use leadline::tui::forms::{FieldId, Form};
use leadline::tui::model::Overlay;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

fn now() -> NaiveDateTime {
    parse_timestamp("2026-12-01T09:00").unwrap()
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// Prospects graded A, B and C; the first has follow-ups on the given days
/// (kind and note per day).
fn book(follow_ups: &[(&str, TouchKind, &str)]) -> Driver {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let setup =
        App::open_at(&store, Box::new(FixedClock(parse_timestamp("2026-11-20T10:00").unwrap()))).unwrap();
    for (name, grade) in [("张薇", Grade::A), ("王芳", Grade::B), ("李娜", Grade::C)] {
        let input = AccountInput { name: Some(name.into()), grade: Some(grade), ..AccountInput::default() };
        setup.add_account(&input, None).unwrap();
    }
    for (due, kind, note) in follow_ups {
        setup
            .schedule_follow_up(&FollowUpInput {
                account: AccountId(1),
                due: When { date: day(due), time: None },
                kind: *kind,
                reason: FollowUpReason::Promised,
                note: note.to_string(),
            })
            .unwrap();
    }
    drop(setup);
    let app = App::open_at(&store, Box::new(FixedClock(now()))).unwrap();
    Driver::start(dir, app, now())
}

fn open_account(f: &mut Driver, name: &str) {
    f.key(KeyCode::Char('/'));
    f.type_text(name);
    f.key(KeyCode::Enter);
    assert!(f.screen().contains(name), "{}", f.screen());
}

fn field_text(f: &Driver, id: FieldId) -> String {
    match &f.model.overlay {
        Some(Overlay::Form(Form::Fields(form))) => {
            form.fields.iter().find(|field| field.id == id).unwrap().input.text().to_string()
        }
        other => panic!("no fields form: {other:?}"),
    }
}

#[test]
fn a_snooze_starts_the_day_after_the_due_date_and_refuses_an_earlier_day() {
    let mut f = book(&[("2026-12-04", TouchKind::Call, "报价")]);
    open_account(&mut f, "张薇");
    f.key(KeyCode::Char('z'));
    assert!(f.screen().contains("Snooze follow-up #1 with 张薇: call, due 2026-12-04"), "{}", f.screen());
    assert_eq!(field_text(&f, FieldId::Until), "2026-12-05", "the default is the day after it is due");
    f.type_text("tomorrow");
    assert_eq!(field_text(&f, FieldId::Until), "tomorrow", "typing replaces the suggestion");
    f.key(KeyCode::Enter);
    assert!(f.status().contains("a snooze only moves it later than 2026-12-04"), "{}", f.status());
    assert!(f.status().contains("reschedule"), "{}", f.status());
    let follow_up = f.app.account_detail(AccountId(1)).unwrap().follow_ups.remove(0);
    assert_eq!((follow_up.due, follow_up.snoozes), (day("2026-12-04"), 0), "nothing was saved");
    f.key_with(KeyCode::Char('u'), KeyModifiers::CONTROL);
    f.type_text("+1w");
    f.key(KeyCode::Enter);
    assert!(f.model.overlay.is_none(), "{}", f.status());
    let follow_up = f.app.account_detail(AccountId(1)).unwrap().follow_ups.remove(0);
    assert_eq!((follow_up.due, follow_up.snoozes), (day("2026-12-08"), 1));
}

#[test]
fn with_several_follow_ups_x_and_z_ask_which() {
    let mut f = book(&[("2026-11-28", TouchKind::Call, "催款"), ("2026-12-03", TouchKind::Visit, "送样品")]);
    f.key(KeyCode::Char('2'));
    assert_eq!(f.model.selected_account(), Some(AccountId(1)), "张薇 on Pipeline");
    f.key(KeyCode::Char('x'));
    let screen = f.screen();
    assert!(screen.contains("张薇 has 2 open follow-ups: which to mark done?"), "{screen}");
    assert!(screen.contains("2026-11-28 (3d overdue)") && screen.contains("催款"), "{screen}");
    assert!(
        screen.contains("2026-12-03") && screen.contains("visit") && screen.contains("送样品"),
        "{screen}"
    );
    f.key(KeyCode::Char('j'));
    f.key(KeyCode::Enter);
    let follow_ups = f.app.account_detail(AccountId(1)).unwrap().follow_ups;
    let status = |id: u64| follow_ups.iter().find(|x| x.id.0 == id).unwrap().status;
    assert_eq!((status(1), status(2)), (FollowUpStatus::Open, FollowUpStatus::Done), "the one highlighted");
    f.key(KeyCode::Char('z'));
    assert!(matches!(f.model.overlay, Some(Overlay::Form(_))), "one left: no question");
    assert!(f.screen().contains("Snooze follow-up #1 with 张薇: call, due 2026-11-28"), "{}", f.screen());
    assert_eq!(field_text(&f, FieldId::Until), "2026-12-02", "overdue: the next working day");
}

#[test]
fn the_picker_can_be_left_without_acting() {
    let mut f = book(&[("2026-11-28", TouchKind::Call, "催款"), ("2026-12-03", TouchKind::Visit, "送样品")]);
    f.key(KeyCode::Char('2'));
    f.key(KeyCode::Char('x'));
    f.key(KeyCode::Esc);
    assert!(f.model.overlay.is_none());
    let follow_ups = f.app.account_detail(AccountId(1)).unwrap().follow_ups;
    assert!(follow_ups.iter().all(|x| x.status == FollowUpStatus::Open));
}

#[test]
fn the_selection_follows_a_regraded_prospect_to_its_new_group() {
    let mut f = book(&[]);
    f.key(KeyCode::Char('2'));
    let selected = |f: &Driver| f.model.selected_account();
    assert_eq!(selected(&f), Some(AccountId(1)), "张薇, grade A, first");
    f.key(KeyCode::Char('-'));
    assert_eq!(selected(&f), Some(AccountId(1)), "still 张薇, now B");
    f.key(KeyCode::Char('-'));
    assert_eq!(selected(&f), Some(AccountId(1)));
    let zhang = f.app.account_detail(AccountId(1)).unwrap().record.account;
    assert_eq!(zhang.stage.grade(), Some(Grade::C), "张薇 went A -> B -> C, 王芳 stayed B");
    let wang = f.app.account_detail(AccountId(2)).unwrap().record.account;
    assert_eq!(wang.stage.grade(), Some(Grade::B));
}

#[test]
fn the_referral_form_labels_have_room() {
    let mut f = book(&[]);
    f.key(KeyCode::Char('2'));
    f.key(KeyCode::Char('R'));
    let screen = f.screen();
    let title = screen.lines().find(|l| l.contains("Someone 张薇 referred")).unwrap_or_default();
    assert!(title.contains("the name and phone now"), "{screen}");
    let line = screen.lines().find(|l| l.contains("Incentive")).unwrap();
    assert!(line.contains("Incentive   "), "the label has room: {line}");
}

#[test]
fn focus_on_a_book_without_key_accounts_does_not_warn_about_zero_effort() {
    let mut f = book(&[]);
    f.key(KeyCode::Char('7'));
    let screen = f.screen();
    assert!(!screen.contains("0% of your effort"), "{screen}");
    assert!(screen.contains("No key accounts yet"), "{screen}");
}

#[test]
fn on_the_account_x_acts_on_the_follow_up_selected_in_the_timeline() {
    let mut f = book(&[("2026-11-28", TouchKind::Call, "催款"), ("2026-12-03", TouchKind::Visit, "送样品")]);
    open_account(&mut f, "张薇");
    f.key(KeyCode::Char('j'));
    f.key(KeyCode::Char('x'));
    assert!(f.model.overlay.is_none(), "no question: the timeline says which");
    let follow_ups = f.app.account_detail(AccountId(1)).unwrap().follow_ups;
    let status = |id: u64| follow_ups.iter().find(|x| x.id.0 == id).unwrap().status;
    assert_eq!((status(1), status(2)), (FollowUpStatus::Open, FollowUpStatus::Done));
}

#[test]
fn a_timeline_entry_is_corrected_with_e_and_deleted_with_d() {
    let mut f = book(&[]);
    log(&f, TouchKind::Call, Some(leadline::domain::Outcome::NoAnswer), "不在", None);
    open_account(&mut f, "张薇");
    f.key(KeyCode::Char('E'));
    assert!(f.screen().contains("Correct the call with 张薇 (touch #1)"), "{}", f.screen());
    assert_eq!(field_text(&f, FieldId::Outcome), "no-answer");
    f.key(KeyCode::Tab);
    f.type_text("reached");
    f.key(KeyCode::Enter);
    assert_eq!(f.status(), "Corrected the call with 张薇. u undoes it.");
    let touch = f.app.account_detail(AccountId(1)).unwrap().touches.remove(0);
    assert_eq!((touch.outcome, touch.note.as_str()), (Some(leadline::domain::Outcome::Reached), "不在"));
    assert!(f.screen().contains("call reached: 不在"), "{}", f.screen());

    f.key(KeyCode::Char('D'));
    assert!(f.screen().contains("Delete the call at 2026-12-01 09:00 with 张薇?"), "{}", f.screen());
    f.key(KeyCode::Char('n'));
    assert_eq!(f.app.account_detail(AccountId(1)).unwrap().touches.len(), 1, "n keeps it");
    f.key(KeyCode::Char('D'));
    f.key(KeyCode::Char('y'));
    assert_eq!(f.status(), "Deleted the call with 张薇. u undoes it.");
    assert!(f.app.account_detail(AccountId(1)).unwrap().touches.is_empty());
    f.key(KeyCode::Char('u'));
    assert_eq!(f.app.account_detail(AccountId(1)).unwrap().touches.len(), 1, "undo brings it back");
}

/// Logs a touch with the first account, now or at `when`.
fn log(
    f: &Driver,
    kind: TouchKind,
    outcome: Option<leadline::domain::Outcome>,
    note: &str,
    when: Option<&str>,
) {
    let at = when.map(|w| parse_timestamp(w).unwrap()).map(|m| When { date: m.date(), time: Some(m.time()) });
    let input = leadline::app::TouchInput {
        account: AccountId(1),
        kind,
        direction: leadline::domain::Direction::Outbound,
        outcome,
        note: note.into(),
        lesson: String::new(),
        at,
        next: None,
        purpose: leadline::domain::Purpose::Ordinary,
        amount: None,
        lower_grade: false,
        lost_to: None,
    };
    f.app.log_touch(&input).unwrap();
}

fn sms(f: &Driver, when: &str) {
    log(f, TouchKind::Sms, None, "新品到货", Some(when));
}

#[test]
fn the_log_form_takes_when_it_happened_and_who_made_contact() {
    let mut f = book(&[]);
    open_account(&mut f, "张薇");
    f.key(KeyCode::Char('c'));
    f.type_text("回电话了");
    f.key(KeyCode::Tab);
    f.key(KeyCode::Tab);
    f.type_text("-2x");
    f.key(KeyCode::Enter);
    assert!(f.status().starts_with("When: '-2x' is not a date"), "{}", f.status());
    f.key_with(KeyCode::Char('u'), KeyModifiers::CONTROL);
    f.type_text("yesterday 18:30");
    f.key_with(KeyCode::Char('t'), KeyModifiers::CONTROL);
    assert!(f.screen().contains("Log call from 张薇 (they contacted you)"), "{}", f.screen());
    f.key_with(KeyCode::Char('r'), KeyModifiers::ALT);
    f.key(KeyCode::Enter);
    assert!(f.model.overlay.is_none(), "{}", f.status());
    let touch = f.app.account_detail(AccountId(1)).unwrap().touches.remove(0);
    assert_eq!(touch.at, parse_timestamp("2026-11-30T18:30").unwrap());
    assert_eq!(touch.direction, leadline::domain::Direction::Inbound);
    assert_eq!(touch.outcome, Some(leadline::domain::Outcome::Reached));
}

#[test]
fn the_l_form_picks_its_kind_with_one_key_from_the_note() {
    let mut f = book(&[]);
    open_account(&mut f, "张薇");
    f.key(KeyCode::Char('l'));
    f.type_text("签了框架协议");
    f.key_with(KeyCode::Char('t'), KeyModifiers::ALT);
    assert!(f.screen().contains("Log meeting with 张薇"), "{}", f.screen());
    f.key(KeyCode::Enter);
    let touch = f.app.account_detail(AccountId(1)).unwrap().touches.remove(0);
    assert_eq!((touch.kind, touch.note.as_str()), (TouchKind::Meeting, "签了框架协议"));
}

#[test]
fn the_sms_form_warns_as_it_opens_when_three_went_unanswered() {
    let mut f = book(&[]);
    for when in ["2026-11-22T10:00", "2026-11-25T10:00", "2026-11-28T10:00"] {
        sms(&f, when);
    }
    let book = f.app.load_book().unwrap();
    leadline::tui::dispatch(&f.app, &mut f.model, leadline::tui::msg::Msg::Loaded(book));
    open_account(&mut f, "张薇");
    f.key(KeyCode::Char('s'));
    let screen = f.screen();
    assert!(
        screen.contains("Careful: 3 SMS to 张薇 in 14 days got no answer: call or visit instead."),
        "{screen}"
    );
}

#[test]
fn skip_archive_and_restore_are_keys_too() {
    let mut f = book(&[("2026-12-02", TouchKind::Call, "回访")]);
    f.key(KeyCode::Char('2'));
    f.key(KeyCode::Char('X'));
    let follow_up = f.app.account_detail(AccountId(1)).unwrap().follow_ups.remove(0);
    assert_eq!(follow_up.status, FollowUpStatus::Skipped);
    f.key(KeyCode::Char('A'));
    assert!(f.screen().contains("Archive 张薇"), "{}", f.screen());
    f.type_text("lost");
    f.key(KeyCode::Enter);
    assert!(f.status().starts_with("Archived 张薇 (lost)"), "{}", f.status());
    let archived = f.app.account_detail(AccountId(1)).unwrap().record.account.archived;
    assert_eq!(archived.map(|a| a.reason), Some(leadline::domain::ArchiveReason::Lost));
    assert_ne!(f.model.selected_account(), Some(AccountId(1)), "out of the pipeline");
    open_account(&mut f, "张薇");
    f.key(KeyCode::Char('A'));
    assert_eq!(f.status(), "Restored 张薇. u undoes it.");
    assert!(f.app.account_detail(AccountId(1)).unwrap().record.account.archived.is_none());
}

#[test]
fn the_edit_form_fits_the_stage_and_a_changed_tier_is_pinned() {
    let mut f = book(&[]);
    f.app
        .record_order(&leadline::app::OrderInput {
            account: AccountId(1),
            amount: leadline::domain::Money(500_000),
            at: None,
            note: String::new(),
        })
        .unwrap();
    let data = f.app.load_book().unwrap();
    leadline::tui::dispatch(&f.app, &mut f.model, leadline::tui::msg::Msg::Loaded(data));
    open_account(&mut f, "张薇");
    f.key(KeyCode::Char('e'));
    let ids = |f: &Driver| match &f.model.overlay {
        Some(Overlay::Form(Form::Fields(form))) => form.fields.iter().map(|x| x.id).collect::<Vec<_>>(),
        other => panic!("{other:?}"),
    };
    assert!(ids(&f).contains(&FieldId::Tier) && !ids(&f).contains(&FieldId::Grade), "{:?}", ids(&f));
    assert_eq!(field_text(&f, FieldId::Tier), "small");
    let at = |f: &Driver, id| ids(f).iter().position(|x| *x == id).unwrap();
    let title = at(&f, FieldId::Title);
    for _ in 0..title {
        f.key(KeyCode::Tab);
    }
    f.type_text("老板");
    for _ in title..at(&f, FieldId::Address) {
        f.key(KeyCode::Tab);
    }
    f.type_text("寿光市菜市街 8 号");
    for _ in at(&f, FieldId::Address)..at(&f, FieldId::Tier) {
        f.key(KeyCode::Tab);
    }
    f.type_text("vip");
    f.key(KeyCode::Enter);
    assert!(f.model.overlay.is_none(), "{}", f.status());
    let account = f.app.account_detail(AccountId(1)).unwrap().record.account;
    assert_eq!(account.title.as_deref(), Some("老板"));
    assert_eq!(account.address.as_deref(), Some("寿光市菜市街 8 号"));
    assert_eq!(
        account.stage,
        leadline::domain::Stage::Customer { tier: leadline::domain::Tier::Vip, tier_pinned: true }
    );
}

#[test]
fn help_lays_out_in_columns_says_there_is_more_and_scrolls_by_page_and_to_the_end() {
    let mut f = book(&[]);
    f.resize(120, 35);
    f.key(KeyCode::Char('?'));
    let wide = f.screen();
    assert!(
        wide.contains("Anywhere") && !wide.contains("more below"),
        "two columns at 120x35 show it all: {wide}"
    );
    let first = wide.lines().find(|l| l.contains("Anywhere")).unwrap();
    assert!(first.contains("Today") || first.contains("The selected account"), "side by side: {wide}");
    f.key(KeyCode::Esc);
    f.resize(80, 24);
    f.key(KeyCode::Char('?'));
    let narrow = f.screen();
    assert!(narrow.contains("more below: PgDn pages down, G goes to the end"), "{narrow}");
    assert!(!narrow.contains("Anywhere"), "{narrow}");
    f.key(KeyCode::PageDown);
    assert_ne!(f.screen(), narrow, "PgDn scrolls");
    f.key(KeyCode::Char('G'));
    let end = f.screen();
    assert!(end.contains("undo the last change") && end.contains("the end; g goes back to the top"), "{end}");
    f.key(KeyCode::Char('G'));
    f.key(KeyCode::Char('k'));
    assert!(f.screen().contains("more below"), "G stops at the end: one line up is not the end");
    f.key(KeyCode::Char('g'));
    assert_eq!(f.screen(), narrow);
}

#[test]
fn typing_in_the_edit_form_edits_the_name_instead_of_replacing_it() {
    let mut f = book(&[]);
    open_account(&mut f, "张薇");
    f.key(KeyCode::Char('e'));
    f.type_text("经理");
    assert_eq!(field_text(&f, FieldId::Name), "张薇经理", "the book's value is kept, the key added");
    f.key(KeyCode::Esc);
    f.key(KeyCode::Char('y'));
    f.key(KeyCode::Char('f'));
    f.type_text("+3d");
    assert_eq!(field_text(&f, FieldId::When), "+3d", "a suggestion is replaced");
}

#[test]
fn the_tab_bar_speaks_the_interface_language_and_fits() {
    let mut f = book(&[]);
    f.model.ctx.config.ui.language = Some(leadline::i18n::Lang::ZhCn);
    f.resize(120, 35);
    let wide = f.screen();
    let tabs = wide.lines().next().unwrap();
    assert!(tabs.contains("1 今日") && tabs.contains("2 潜在客户") && tabs.contains("7 二八分析"), "{tabs}");
    assert!(tabs.contains("2026-12-01"), "the date still fits: {tabs}");
    f.resize(80, 24);
    let narrow = f.screen();
    let tabs = narrow.lines().next().unwrap();
    assert!(
        tabs.contains("2 潜客") && tabs.contains("7 二八"),
        "short titles where the full ones do not fit: {tabs}"
    );
    f.key(KeyCode::Char('?'));
    assert!(f.screen().contains("今日 的按键（Esc 关闭）"), "{}", f.screen());
}

#[test]
fn the_log_form_in_chinese_at_120x35_and_80x24() {
    let f = book(&[]);
    let mut config = leadline::config::Config::default();
    config.ui.language = Some(leadline::i18n::Lang::ZhCn);
    // As the terminal interface starts: the app and the screens share the settings.
    let app = f.app.with_config(config.clone());
    let mut f = Driver { app, ..f };
    f.model.ctx.config = config;
    open_account(&mut f, "张薇");
    f.key(KeyCode::Char('c'));
    for (width, height) in [(120, 35), (80, 24)] {
        f.resize(width, height);
        let screen = f.draw(width, height, leadline::tui::theme::Theme { color: false });
        insta::assert_snapshot!(format!("log_form_zh_{width}x{height}"), screen.backend());
    }
    let screen = f.screen();
    assert!(
        screen.contains("记录与 张薇 的电话") && screen.contains("[n] 没人接") && screen.contains("备注"),
        "{screen}"
    );
    f.key_with(KeyCode::Char('n'), KeyModifiers::ALT);
    f.key(KeyCode::Enter);
    let touch = f.app.account_detail(AccountId(1)).unwrap().touches.remove(0);
    assert_eq!(touch.outcome, Some(leadline::domain::Outcome::NoAnswer), "logged in Chinese, saved the same");
    assert_eq!(f.status(), "已记录与 张薇 的电话（没人接），下一步 12-02。 按 u 撤销。");
}

#[test]
fn the_account_screen_in_chinese() {
    let mut f = book(&[("2026-12-04", TouchKind::Visit, "送样品")]);
    f.model.ctx.config.ui.language = Some(leadline::i18n::Lang::ZhCn);
    log(&f, TouchKind::Call, Some(leadline::domain::Outcome::NoAnswer), "不在", Some("2026-11-30T10:00"));
    open_account(&mut f, "张薇");
    for (width, height) in [(120, 35), (80, 24)] {
        f.resize(width, height);
        let screen = f.draw(width, height, leadline::tui::theme::Theme { color: false });
        insta::assert_snapshot!(format!("account_zh_{width}x{height}"), screen.backend());
    }
    let screen = f.screen();
    assert!(screen.contains("潜在客户，A 级") && screen.contains("时间线：1 次联系"), "{screen}");
    assert!(screen.contains("电话 没人接：不在") && screen.contains("拜访（承诺）"), "{screen}");
}

#[test]
fn a_follow_up_saved_from_the_form_says_its_time_and_the_field_shows_the_day_it_means() {
    let mut f = book(&[]);
    open_account(&mut f, "张薇");
    f.key(KeyCode::Char('f'));
    f.type_text("tomorrow 2pm");
    let screen = f.screen();
    assert!(screen.contains("= ") && screen.contains("14:00"), "{screen}");
    f.key(KeyCode::Enter);
    assert!(f.status().contains("14:00"), "{}", f.status());
}
