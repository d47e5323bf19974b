//! The TUI in process: keys fed through `update` and the effects on a real
//! temp store, views drawn on ratatui's TestBackend and snapshotted.

mod common;

use chrono::NaiveDateTime;
use leadline::app::{AccountInput, App, FollowUpInput, OrderInput, Referred, TouchInput};
use leadline::clock::{FixedClock, When, parse_timestamp};
use leadline::domain::{AccountId, Direction, FollowUpReason, Grade, Money, Outcome, Tier, TouchKind};
use leadline::tui::dispatch;
use leadline::tui::model::{Account, Overlay};
use leadline::tui::msg::Msg;
use leadline::tui::screens::focus::FocusScreen;
use leadline::tui::screens::grouped::GroupRow;
use leadline::tui::screens::referrals::Referrals;
use leadline::tui::screens::today::Today;
use leadline::tui::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use ratatui::style::{Color, Modifier};

fn now() -> NaiveDateTime {
    parse_timestamp("2026-11-27T09:00").unwrap()
}

fn at(text: &str) -> Option<When> {
    let moment = parse_timestamp(text).unwrap();
    Some(When { date: moment.date(), time: Some(moment.time()) })
}

use common::tui::Driver as Fixture;

fn account(name: &str, company: Option<&str>, grade: Grade) -> AccountInput {
    AccountInput {
        name: Some(name.into()),
        company: company.map(Into::into),
        grade: Some(grade),
        ..AccountInput::default()
    }
}

fn touch(
    account: AccountId,
    kind: TouchKind,
    outcome: Option<Outcome>,
    note: &str,
    when: &str,
) -> TouchInput {
    TouchInput {
        account,
        kind,
        direction: Direction::Outbound,
        outcome,
        note: note.into(),
        lesson: String::new(),
        at: at(when),
        next: None,
        purpose: leadline::domain::Purpose::Ordinary,
        amount: None,
        lower_grade: false,
        lost_to: None,
    }
}

/// A small book with Chinese and Latin names, every screen's material, and
/// a fixed clock.
fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let earlier = parse_timestamp("2026-11-18T10:00").unwrap();
    {
        let setup = App::open_at(&dir.path().join("store"), Box::new(FixedClock(earlier))).unwrap();
        let mut zhang = account("张伟", Some("绿源农资有限公司"), Grade::A);
        zhang.phones = Some(vec!["138 0000 1111".into()]);
        zhang.tags = Some(vec!["农场".into(), "经销商".into()]);
        zhang.potential = Some(Money(30_000_000));
        let zhang = setup.add_account(&zhang, None).unwrap().account.id;
        let note = leadline::app::NoteInput {
            offer: Some("价格低".into()),
            weakness: Some("送货慢".into()),
            floor: Some("整车 2650 一吨".into()),
            price: Some("2700".into()),
            ..Default::default()
        };
        setup.add_competitor_note(zhang, "丰农化肥", &note).unwrap();
        let wang = setup
            .add_account(
                &account("王芳", Some("丰收种业"), Grade::B),
                Some(Referred { by: zhang, incentive: None }),
            )
            .unwrap()
            .account
            .id;
        let mut anna = account("Anna Schmidt", Some("Contoso Agrar"), Grade::C);
        anna.email = Some("anna@example.com".into());
        anna.potential = Some(Money(5_000_000));
        setup.add_account(&anna, None).unwrap();
        let li = setup.add_account(&account("李娜", Some("金穗化肥"), Grade::C), None).unwrap().account.id;
        let jurgen = setup.add_account(&account("Jürgen Müller", None, Grade::D), None).unwrap().account.id;
        setup.add_account(&account("赵文", None, Grade::D), None).unwrap();
        for (id, amount) in [(li, 8_000_000), (jurgen, 450_000)] {
            let order = OrderInput { account: id, amount: Money(amount), at: None, note: String::new() };
            setup.record_order(&order).unwrap();
        }
        setup.edit_account(li, &AccountInput { tier: Some(Tier::Vip), ..AccountInput::default() }).unwrap();
        setup
            .log_touch(&touch(
                zhang,
                TouchKind::Call,
                Some(Outcome::NoAnswer),
                "老板不在",
                "2026-11-17T15:30",
            ))
            .unwrap();
        setup
            .log_touch(&touch(
                zhang,
                TouchKind::Visit,
                Some(Outcome::QuoteSent),
                "报价 3 吨复合肥",
                "2026-11-18T09:30",
            ))
            .unwrap();
        setup.log_touch(&touch(li, TouchKind::Sms, None, "节日问候", "2026-11-16T08:00")).unwrap();
        let follow_up = |account: AccountId, due: &str, note: &str| FollowUpInput {
            account,
            due: When { date: parse_timestamp(due).unwrap().date(), time: None },
            kind: TouchKind::Call,
            reason: FollowUpReason::Promised,
            note: note.into(),
        };
        setup.schedule_follow_up(&follow_up(zhang, "2026-11-25", "问报价")).unwrap();
        setup.schedule_follow_up(&follow_up(wang, "2026-11-27", "介绍新品种")).unwrap();
        setup.schedule_follow_up(&follow_up(li, "2026-11-20", "")).unwrap();
        setup.schedule_follow_up(&follow_up(AccountId(3), "2026-11-28", "send the price list")).unwrap();
    }
    let app = App::open_at(&dir.path().join("store"), Box::new(FixedClock(now()))).unwrap();
    Fixture::start(dir, app, now())
}

impl Fixture {
    /// Today's rows still to do, by name.
    fn today_names(&self) -> Vec<String> {
        self.today_rows(false)
    }

    /// Today's rows done or still to do, by name.
    fn today_rows(&self, done: bool) -> Vec<String> {
        let today = self.model.get::<Today>();
        today.rows[..today.today_len]
            .iter()
            .filter(|r| r.is_done() == done)
            .map(|r| self.model.ctx.book.summaries[r.index].name.clone())
            .collect()
    }

    /// The reasons of the Today row at `index`, as the screen words them.
    fn today_reasons(&self, index: usize) -> Vec<String> {
        let ctx = &self.model.ctx;
        let planned = &self.model.get::<Today>().rows[index];
        let summary = &ctx.book.summaries[planned.index];
        let reasons = planned.row(summary, &ctx.config).expect("an open row").reasons(
            summary,
            ctx.today(),
            &ctx.config,
        );
        leadline::i18n::reasons::reasons(&reasons, &ctx.config.ui)
    }
}

#[test]
fn today_ranks_one_row_per_account_most_urgent_first() {
    let f = fixture();
    // 张伟 (A) owes 王芳's referral a thank-you, 王芳 (B) a first call;
    // 李娜 (VIP) is overdue without a referral, but she is the key account
    // (95% of the revenue), which lifts her above 王芳; Anna's follow-up is
    // for tomorrow, which keeps her off even past her cadence; 赵文, added
    // 9 days ago and never called, is a new lead due its first contact.
    assert_eq!(f.today_names(), ["张伟", "李娜", "王芳", "赵文"]);
    assert_eq!(f.today_reasons(3), ["new lead: first contact (D grade, added 9 days ago)"]);
    let first = f.today_reasons(0);
    assert_eq!(first[..2], ["overdue 8 days".to_string(), "thank for referring 王芳".into()]);
    assert_eq!(first[2], "2 more due", "the quote of 11-18 waits too");
    assert_eq!(f.today_reasons(1).last().map(String::as_str), Some("key account"));
    assert!(!f.model.loading);
    assert_eq!(f.model.screen().name(), "today");
}

#[test]
fn the_focus_screen_shows_the_80_20_and_opens_its_accounts() {
    let mut f = fixture();
    // 李娜 brings 80,000 of 84,500: the one key account, but only the SMS
    // (1 of 8 effort points: 张伟's call 2 and visit 5) went her way.
    let warning = "Key accounts: 95% of revenue, 12% of your effort this month";
    let shown = leadline::app::effort_warning(
        &f.model.ctx.focus,
        &f.model.ctx.config.focus,
        leadline::i18n::Lang::En,
    );
    assert_eq!(shown.as_deref(), Some(warning));
    assert!(f.screen().contains(warning), "Today's header warns");
    f.key(KeyCode::Char('7'));
    assert_eq!(f.model.screen().name(), "focus");
    let names = |f: &Fixture| -> Vec<String> {
        f.model
            .get::<FocusScreen>()
            .list
            .rows
            .iter()
            .filter_map(|row| match row {
                GroupRow::Member(i) => Some(f.model.ctx.book.summaries[*i].name.clone()),
                GroupRow::Heading(_) => None,
            })
            .collect()
    };
    // MVC, then MGC by headroom (potential less revenue).
    assert_eq!(names(&f), ["李娜", "张伟", "Anna Schmidt"]);
    let selected =
        |f: &Fixture| f.model.selected_account().map(|id| f.model.ctx.book.get(id).unwrap().name.clone());
    assert_eq!(selected(&f).as_deref(), Some("李娜"), "the heading is skipped");
    f.key(KeyCode::Char('j'));
    assert_eq!(selected(&f).as_deref(), Some("张伟"), "and so is the next one");
    f.key(KeyCode::Enter);
    assert_eq!(f.model.screen().name(), "account");
    assert!(f.screen().contains("MGC: most room to grow"), "{}", f.screen());

    // Two visits to the key account bring the effort share to 11 of 18.
    f.key(KeyCode::Char('7'));
    f.key(KeyCode::Char('g'));
    for _ in 0..2 {
        f.key(KeyCode::Char('v'));
        f.key(KeyCode::Enter);
    }
    assert!(f.status().starts_with("Saved visit with 李娜"), "{}", f.status());
    assert!((f.model.ctx.focus.effort_share_key - 11.0 / 18.0).abs() < 1e-9);
    assert!(!f.model.ctx.focus.effort_short);
    f.key(KeyCode::Char('1'));
    assert!(!f.screen().contains("of your effort"), "the warning is gone");
}

#[test]
fn keys_move_through_lists_and_screens() {
    let mut f = fixture();
    f.key(KeyCode::Char('j'));
    assert_eq!(f.model.get::<Today>().list.list.selected, 1);
    f.key(KeyCode::Char('G'));
    assert_eq!(f.model.get::<Today>().list.list.selected, 3);
    f.key(KeyCode::Char('j'));
    assert_eq!(f.model.get::<Today>().list.list.selected, 3, "stays on the last row");
    f.key(KeyCode::Char('g'));
    assert_eq!(f.model.get::<Today>().list.list.selected, 0);
    f.key(KeyCode::Tab);
    assert_eq!(f.model.screen().name(), "pipeline");
    assert_eq!(
        f.model.selected_account().map(|id| f.model.ctx.book.get(id).unwrap().name.clone()).as_deref(),
        Some("张伟"),
        "headings are skipped"
    );
    f.key(KeyCode::Char('3'));
    assert_eq!(f.model.screen().name(), "customers");
    f.key(KeyCode::BackTab);
    assert_eq!(f.model.screen().name(), "pipeline");
    f.key(KeyCode::Char('4'));
    assert_eq!(f.model.screen().name(), "pipeline", "no account open yet");
    assert!(f.status().contains("No account open yet"));
    f.key(KeyCode::Char('1'));
    f.key(KeyCode::Enter);
    assert_eq!(f.model.screen().name(), "account");
    assert_eq!(f.model.get::<Account>().open.as_ref().unwrap().detail.record.account.name, "张伟");
    f.key(KeyCode::Esc);
    assert_eq!(f.model.screen().name(), "today");
    f.key(KeyCode::Char('q'));
    assert!(!f.model.running);
}

#[test]
fn logging_a_call_through_the_form_saves_it_durably_and_says_so() {
    let mut f = fixture();
    f.key(KeyCode::Char('c'));
    assert!(matches!(f.model.overlay, Some(Overlay::Form(_))));
    f.type_text("又没人接 will retry");
    f.key(KeyCode::Tab);
    f.type_text("老板上午不在");
    f.key(KeyCode::Tab);
    f.key(KeyCode::Tab);
    f.key(KeyCode::Char('n'));
    f.key(KeyCode::Tab);
    f.key(KeyCode::Char('3'));
    f.key(KeyCode::Enter);
    assert!(f.model.overlay.is_none(), "{}", f.status());
    assert_eq!(
        f.status(),
        "Saved call with 张伟 (no-answer), next step 11-30. \
         Also follow-up #2 stays open: nobody answered (tried once); due again 11-30. \
         Also follow-up #4 stays open: nobody answered (tried once); due again 11-30. u undoes it.",
        "the promises tried are named, and move to the next step's day"
    );
    let touches = f.app.account_detail(AccountId(1)).unwrap().touches;
    let last = touches.first().unwrap();
    assert_eq!(
        (last.kind, last.outcome, last.note.as_str(), last.lesson.as_str()),
        (TouchKind::Call, Some(Outcome::NoAnswer), "又没人接 will retry", "老板上午不在")
    );
    assert_eq!(f.today_names(), ["李娜", "王芳", "赵文"], "the call did 张伟's row");
    assert_eq!(f.today_rows(true), ["张伟"], "which stays in the plan, done");
    f.key(KeyCode::Char('u'));
    assert!(f.status().starts_with("Undid: log call with 张伟"), "{}", f.status());
    assert_eq!(f.today_names(), ["张伟", "李娜", "王芳", "赵文"]);
    assert!(f.model.ctx.book.kept.is_empty(), "the plan kept by the call went with it");
}

#[test]
fn alt_keys_pick_from_the_note_and_outcomes_suggest_the_next_step() {
    let mut f = fixture();
    f.key(KeyCode::Char('c'));
    f.type_text("quote ok");
    f.key_with(KeyCode::Char('q'), KeyModifiers::ALT);
    match &f.model.overlay {
        Some(Overlay::Form(leadline::tui::forms::Form::Log(log))) => {
            assert_eq!(log.outcome, Some(Outcome::QuoteSent));
            assert_eq!(log.next.text(), "2026-11-30", "quote sent suggests three days");
            assert_eq!(log.note.text(), "quote ok");
        }
        other => panic!("{other:?}"),
    }
    f.key_with(KeyCode::Char('7'), KeyModifiers::ALT);
    f.key(KeyCode::Enter);
    let follow_ups = f.app.account_detail(AccountId(1)).unwrap().follow_ups;
    assert!(follow_ups.iter().any(|fu| fu.due.to_string() == "2026-12-04" && fu.is_pending()));
}

#[test]
fn escape_asks_before_throwing_away_typed_text() {
    let mut f = fixture();
    f.key(KeyCode::Char('c'));
    f.key(KeyCode::Esc);
    assert!(f.model.overlay.is_none(), "nothing typed: closes at once");
    f.key(KeyCode::Char('c'));
    f.type_text("half a note");
    f.key(KeyCode::Esc);
    assert!(f.model.question.is_some());
    assert!(f.screen().contains("Discard what you typed?"));
    f.key(KeyCode::Char('n'));
    assert!(f.model.question.is_none());
    assert!(matches!(f.model.overlay, Some(Overlay::Form(_))), "back to the form, text kept");
    f.key(KeyCode::Esc);
    f.key(KeyCode::Char('y'));
    assert!(f.model.overlay.is_none());
    assert_eq!(f.app.account_detail(AccountId(4)).unwrap().touches.len(), 1, "nothing saved");
}

#[test]
fn the_add_form_validates_as_you_type_and_saves_only_when_valid() {
    let mut f = fixture();
    f.key(KeyCode::Char('a'));
    f.type_text("刘洋");
    f.key(KeyCode::Tab);
    f.type_text("润田植保");
    f.key(KeyCode::Tab);
    f.key(KeyCode::Tab);
    f.key(KeyCode::Tab);
    f.type_text("liu@");
    assert!(f.screen().contains("is not an address"), "{}", f.screen());
    f.key(KeyCode::Enter);
    assert!(f.model.status.as_ref().unwrap().error);
    assert!(f.status().starts_with("Email:"));
    assert!(matches!(f.model.overlay, Some(Overlay::Form(_))), "still open, nothing lost");
    f.type_text("example.cn");
    f.key(KeyCode::Tab);
    f.type_text("B");
    f.key(KeyCode::Enter);
    assert_eq!(f.status(), "Added 刘洋. u undoes it.");
    assert_eq!(f.model.screen().name(), "account", "the new account opens");
    let record = f.app.account_detail(AccountId(7)).unwrap().record;
    assert_eq!(record.account.email.as_deref(), Some("liu@example.cn"));
    assert_eq!(record.account.stage.grade(), Some(Grade::B));
    f.key(KeyCode::Char('/'));
    f.type_text("liuyang");
    assert!(f.screen().contains("刘洋"), "found by pinyin");
}

#[test]
fn done_grades_and_errors_from_the_store_show_in_the_status_bar() {
    let mut f = fixture();
    f.key(KeyCode::Char('x'));
    assert_eq!(f.status(), "Done: follow-up with 张伟. u undoes it.");
    assert_eq!(
        f.today_names(),
        ["李娜", "王芳", "张伟", "赵文"],
        "张伟's other follow-up is only 2 days overdue"
    );
    assert_eq!(f.model.get::<Today>().done(), 0, "张伟's row has a promise still due");
    f.key(KeyCode::Char('2'));
    f.key(KeyCode::Char('+'));
    assert!(f.model.status.as_ref().unwrap().error, "张伟 is already grade A");
    assert!(f.status().contains("already grade A"));
    assert!(f.model.running, "an error never ends the app");
    f.key(KeyCode::Char('-'));
    assert_eq!(f.status(), "张伟 is now grade B. u undoes it.");
    assert_eq!(f.model.ctx.book.get(AccountId(1)).unwrap().grade(), Some(Grade::B));
}

#[test]
fn search_narrows_as_you_type_and_opens_the_hit() {
    let mut f = fixture();
    f.key(KeyCode::Char('/'));
    f.type_text("z");
    let first = match &f.model.overlay {
        Some(Overlay::Search(search)) => search.found.candidates.len(),
        other => panic!("{other:?}"),
    };
    f.type_text("w");
    match &f.model.overlay {
        Some(Overlay::Search(search)) => {
            assert!(search.found.candidates.len() <= first);
            let names: Vec<&str> =
                search.found.hits.iter().map(|h| f.model.ctx.book.search.doc(h.index).name()).collect();
            assert_eq!(names[0], "张伟");
            assert!(names.contains(&"赵文"));
        }
        other => panic!("{other:?}"),
    }
    f.key(KeyCode::Enter);
    assert_eq!(f.model.screen().name(), "account");
    assert_eq!(f.model.get::<Account>().open.as_ref().unwrap().detail.record.account.name, "张伟");
}

#[test]
fn search_finds_a_number_however_it_is_written() {
    let mut f = fixture();
    f.key(KeyCode::Char('/'));
    f.type_text("+86 138-0000-1111");
    match &f.model.overlay {
        Some(Overlay::Search(search)) => {
            let names: Vec<&str> =
                search.found.hits.iter().map(|h| f.model.ctx.book.search.doc(h.index).name()).collect();
            assert_eq!(names, ["张伟"], "typed 138 0000 1111");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_tiny_terminal_says_so_and_a_resize_redraws() {
    let mut f = fixture();
    dispatch(&f.app, &mut f.model, Msg::Resize { width: 40, height: 10 });
    assert!(f.screen().contains("Terminal too small: 40x10"), "{}", f.screen());
    dispatch(&f.app, &mut f.model, Msg::Resize { width: 100, height: 30 });
    assert!(f.screen().contains("1 Today"));
}

#[test]
fn styles_mark_the_selection_and_overdue_rows() {
    let f = fixture();
    let terminal = f.draw(100, 30, Theme { color: true });
    let buffer = terminal.backend().buffer();
    let row = (0..30).find(|y| buffer[(0, *y)].symbol() == "张").expect("first row");
    assert!(buffer[(0, row)].modifier.contains(Modifier::REVERSED), "selected row");
    let why = (0..100).find(|x| buffer[(*x, row)].symbol() == "o").unwrap();
    assert_eq!(buffer[(why, row)].fg, Color::Red, "overdue in red");
    let plain = f.draw(100, 30, Theme { color: false });
    assert_eq!(plain.backend().buffer()[(why, row)].fg, Color::Reset, "NO_COLOR: no colour");
}

fn snapshot(f: &Fixture, name: &str) {
    let terminal = f.draw(100, 30, Theme { color: false });
    insta::assert_snapshot!(name, terminal.backend());
}

#[test]
fn snapshots_of_every_screen() {
    let mut f = fixture();
    snapshot(&f, "today");
    f.key(KeyCode::Char('2'));
    snapshot(&f, "pipeline");
    f.key(KeyCode::Char('3'));
    snapshot(&f, "customers");
    f.key(KeyCode::Char('1'));
    f.key(KeyCode::Enter);
    snapshot(&f, "account");
    f.key(KeyCode::Char('?'));
    snapshot(&f, "help");
    f.key(KeyCode::Esc);
    f.key(KeyCode::Char('/'));
    f.type_text("zw");
    snapshot(&f, "search");
    f.key(KeyCode::Esc);
    f.key(KeyCode::Char('5'));
    snapshot(&f, "referrals");
    f.key(KeyCode::Char('6'));
    snapshot(&f, "review");
    f.key(KeyCode::Char('7'));
    snapshot(&f, "focus");
}

#[test]
fn the_referrals_tree_delivers_an_incentive_once_the_referee_orders() {
    let mut f = fixture();
    f.key(KeyCode::Char('5'));
    assert_eq!(f.model.screen().name(), "referrals");
    let tree: Vec<(usize, &str)> =
        f.model.get::<Referrals>().rows.iter().map(|r| (r.depth, r.name.as_str())).collect();
    assert_eq!(tree, [(0, "张伟"), (1, "王芳")]);
    f.key(KeyCode::Char('d'));
    assert!(f.status().contains("or a referred account"), "{}", f.status());
    f.key(KeyCode::Char('j'));
    f.key(KeyCode::Char('d'));
    assert_eq!(f.status(), "Not earned yet: 王芳 has not ordered.");
    f.key(KeyCode::Char('o'));
    f.type_text("8800");
    f.key(KeyCode::Enter);
    assert!(
        f.status().starts_with(
            "Saved order 8,800.00 from 王芳; now a customer; 张伟's incentive earned, deliver by 12-04."
        ),
        "{}",
        f.status()
    );
    assert!(f.screen().contains("earned"), "the tree reloads after the change:\n{}", f.screen());
    assert!(
        f.model
            .ctx
            .book
            .get(AccountId(1))
            .unwrap()
            .pending
            .iter()
            .any(|p| p.note == "王芳 ordered: report back"),
        "the referrer's summary gains the follow-up to deliver"
    );
    let owed: Vec<(bool, &str)> =
        f.model.get::<Referrals>().rows.iter().map(|r| (r.to_deliver, r.name.as_str())).collect();
    assert_eq!(owed[0], (true, "张伟"), "the incentive owed comes first: {owed:?}");
    let screen = f.screen();
    let owed_line = screen.lines().find(|l| l.contains("deliver: 张伟 for 王芳")).unwrap_or_default();
    assert!(owed_line.contains("绿源农资"), "the company beside the name: {screen}");
    assert_eq!(
        f.model.get::<Referrals>().rows[f.model.get::<Referrals>().list.selected].name,
        "王芳",
        "the selection stayed"
    );
    f.key(KeyCode::Char('d'));
    assert!(f.screen().contains("Did 张伟 get the incentive for referring 王芳?"), "{}", f.screen());
    f.key(KeyCode::Char('y'));
    assert_eq!(f.status(), "Delivered the incentive. u undoes it.");
    assert!(f.screen().contains("delivered"));
    assert!(f.model.get::<Referrals>().rows.iter().all(|r| !r.to_deliver), "nothing owed any more");
    f.key(KeyCode::Char('d'));
    assert_eq!(f.status(), "张伟's incentive for 王芳 was already delivered.");
}

#[test]
fn r_adds_an_account_the_selected_one_referred() {
    let mut f = fixture();
    f.key(KeyCode::Char('j'));
    f.key(KeyCode::Char('R'));
    match &f.model.overlay {
        Some(Overlay::Form(leadline::tui::forms::Form::Fields(form))) => {
            use leadline::tui::forms::FieldId;
            let ids: Vec<FieldId> = form.fields.iter().map(|f| f.id).collect();
            assert_eq!(
                ids,
                [FieldId::Name, FieldId::Phones, FieldId::Incentive],
                "the name and phone, the rest later"
            );
            assert!(form.title().contains("李娜"), "referred by the selected account: {}", form.title());
        }
        other => panic!("{other:?}"),
    }
    f.type_text("陈静");
    f.key(KeyCode::Tab);
    f.type_text("139 1234 5678");
    f.key(KeyCode::Tab);
    f.type_text("两张电影票");
    f.key(KeyCode::Enter);
    assert_eq!(
        f.status(),
        "Added 陈静. Also scheduled follow-ups #8 (call 陈静 by 11-29) and #9 (thank 李娜 by 11-28). u undoes it.",
        "the referral's follow-ups are named"
    );
    assert_eq!(f.model.screen().name(), "today", "the referrer's screen stays");
    let ledger = f.app.referral_ledger().unwrap();
    let link = &ledger.rows.last().unwrap();
    assert_eq!(
        (link.referrer_name.as_str(), link.referee_name.as_str(), link.referral.incentive.as_deref()),
        ("李娜", "陈静", Some("两张电影票"))
    );
    assert!(
        f.model
            .ctx
            .book
            .get(AccountId(4))
            .unwrap()
            .pending
            .iter()
            .any(|p| p.note == "thank for referring 陈静"),
        "the referrer's summary is refreshed too"
    );
    f.key(KeyCode::Char('a'));
    f.type_text("刘洋");
    for _ in 0..11 {
        f.key(KeyCode::Tab);
    }
    f.type_text("nobody at all");
    f.key(KeyCode::Enter);
    assert!(f.model.status.as_ref().unwrap().error);
    assert!(f.status().contains("no account matches 'nobody at all'"), "{}", f.status());
    assert!(matches!(f.model.overlay, Some(Overlay::Form(_))), "the form stays open to fix");
}

#[test]
fn the_review_screen_steps_through_days_but_not_past_today() {
    let mut f = fixture();
    f.key(KeyCode::Char('6'));
    assert_eq!(f.model.screen().name(), "review");
    assert!(f.screen().contains("Review of 2026-11-27, Friday"), "{}", f.screen());
    assert!(
        f.screen().contains("Still due     张伟 (#2), 李娜 (#6), 王芳 (#1)"),
        "today is not over: {}",
        f.screen()
    );
    f.key(KeyCode::Char(']'));
    assert_eq!(f.status(), "The review cannot look past today.");
    for _ in 0..9 {
        f.key(KeyCode::Char('['));
    }
    let screen = f.screen();
    assert!(screen.contains("Review of 2026-11-18, Wednesday"), "{screen}");
    assert!(
        screen.contains("Touches       2: call 1, visit 1") || screen.contains("Touches       1: visit 1"),
        "{screen}"
    );
    assert!(screen.contains("Orders        2 worth 84,500.00"), "{screen}");
}

#[test]
fn logging_a_fourth_unanswered_sms_warns_in_the_status_bar() {
    let mut f = fixture();
    // From 张伟's own screen: on Today, a row worked moves down, done.
    f.key(KeyCode::Enter);
    for _ in 0..3 {
        f.key(KeyCode::Char('s'));
        f.key(KeyCode::Enter);
        assert!(!f.status().contains("Careful"), "{}", f.status());
    }
    f.key(KeyCode::Char('s'));
    f.key(KeyCode::Enter);
    assert_eq!(
        f.status(),
        "Saved sms with 张伟. Careful: 4 SMS to 张伟 in 14 days got no answer: call or visit instead. u undoes it."
    );
    let ctx = &f.model.ctx;
    let marks = ctx.focus.marks(&ctx.book.summaries);
    let rows = leadline::analysis::ranking::rank(&ctx.book.summaries, ctx.today(), &ctx.config, &marks);
    let zhang = rows.iter().find(|r| r.account == AccountId(1)).unwrap();
    let reasons = zhang.reasons(&ctx.book.summaries[zhang.index], ctx.today(), &ctx.config);
    let reasons = leadline::i18n::reasons::reasons(&reasons, &ctx.config.ui);
    assert!(reasons.iter().any(|r| r == "4 unanswered SMS: call or visit instead"), "{reasons:?}");
}

#[test]
fn snapshots_of_every_form() {
    let mut f = fixture();
    f.key(KeyCode::Char('c'));
    f.type_text("老板不在");
    f.key_with(KeyCode::Char('n'), KeyModifiers::ALT);
    snapshot(&f, "form_log_call");
    f.key(KeyCode::Esc);
    f.key(KeyCode::Char('y'));
    f.key(KeyCode::Char('l'));
    snapshot(&f, "form_log_other");
    f.key(KeyCode::Esc);
    f.key(KeyCode::Char('a'));
    f.type_text("刘洋");
    f.key(KeyCode::Tab);
    f.key(KeyCode::Tab);
    f.type_text("call me");
    snapshot(&f, "form_add_account_with_error");
    f.key(KeyCode::Esc);
    f.key(KeyCode::Char('y'));
    f.key(KeyCode::Char('e'));
    snapshot(&f, "form_edit_account");
    f.key(KeyCode::Esc);
    f.key(KeyCode::Char('o'));
    f.type_text("12000.5");
    snapshot(&f, "form_order");
    f.key(KeyCode::Esc);
    f.key(KeyCode::Char('y'));
    f.key(KeyCode::Char('f'));
    snapshot(&f, "form_follow_up");
    f.key(KeyCode::Esc);
    f.key(KeyCode::Char('z'));
    snapshot(&f, "form_snooze");
    f.key(KeyCode::Char('x'));
    f.key(KeyCode::Esc);
    snapshot(&f, "question_discard");
}

#[test]
fn a_hundred_thousand_rows_render_only_what_is_visible() {
    let mut f = fixture();
    let template = f.model.ctx.book.summaries[0].clone();
    let many: Vec<_> = (1000..101_000u64)
        .map(|i| leadline::domain::AccountSummary {
            id: AccountId(i),
            name: format!("Account {i}"),
            ..template.clone()
        })
        .collect();
    f.model.ctx.book.apply(many);
    f.model.refresh();
    f.key(KeyCode::Char('2'));
    f.key(KeyCode::Char('G'));
    let screen = f.screen();
    assert!(screen.contains("Account 99"), "the bottom rows are drawn: {screen}");
}

#[test]
fn help_shows_every_binding_of_the_screen_from_the_keymap() {
    let mut f = fixture();
    for (screen_key, open_account) in [('1', false), ('2', false), ('3', false), ('4', true)] {
        if open_account {
            f.key(KeyCode::Enter);
        } else {
            f.key(KeyCode::Char(screen_key));
        }
        f.key(KeyCode::Char('?'));
        let screen = f.draw(220, 90, Theme { color: false }).backend().to_string();
        let keymap = &f.model.ctx.keymap;
        for binding in keymap.bindings(f.model.screen().scopes()) {
            let help = keymap.help_in(binding, leadline::i18n::Lang::En);
            assert!(screen.contains(&help), "help on {} lacks {help:?}", f.model.screen().name());
            assert!(screen.contains(&binding.keys[0].label()), "{help}");
        }
        f.key(KeyCode::Esc);
    }
}

#[test]
fn keys_rebound_in_the_settings_work_show_in_help_and_the_footer() {
    let mut f = fixture();
    let mut config = leadline::config::Config::default();
    config.keys.insert("log_call".into(), leadline::config::KeyList::One("C".into()));
    config.keys.insert("down".into(), leadline::config::KeyList::Many(vec!["j".into(), "J".into()]));
    f.model.ctx.keymap = leadline::tui::keymap(&config).unwrap();
    f.key(KeyCode::Char('c'));
    assert!(f.model.overlay.is_none(), "c no longer logs a call");
    assert!(f.screen().contains("C call"), "the footer shows the key in force: {}", f.screen());
    f.key(KeyCode::Char('J'));
    assert_eq!(f.model.get::<Today>().list.list.selected, 1, "J moves down too");
    f.key(KeyCode::Char('C'));
    assert!(matches!(f.model.overlay, Some(Overlay::Form(_))), "C logs a call");
    f.key(KeyCode::Esc);
    f.key(KeyCode::Char('?'));
    let help = f.draw(120, 90, Theme { color: false }).backend().to_string();
    let line = help.lines().find(|l| l.contains("log a call")).unwrap();
    assert!(line.contains(" C "), "{line}");
    let clash = {
        let mut config = leadline::config::Config::default();
        config.keys.insert("log_call".into(), leadline::config::KeyList::One("s".into()));
        leadline::tui::keymap(&config).unwrap_err()
    };
    assert_eq!(clash.name, "keys.log_call");
    let words = clash.words(leadline::i18n::Lang::En);
    assert!(words.contains("s already means log an SMS (log_sms)"), "{words}");
    let words = clash.words(leadline::i18n::Lang::ZhCn);
    assert!(words.contains("log_sms") && words.contains("短信"), "{words}");
}

#[test]
fn at_midnight_today_re_ranks_for_the_new_day() {
    let mut f = fixture();
    let late = parse_timestamp("2026-11-27T23:59").unwrap();
    dispatch(&f.app, &mut f.model, Msg::Tick(late));
    assert!(!f.today_names().contains(&"Anna Schmidt".to_string()), "her follow-up is for tomorrow");
    let header = f.screen();
    assert!(header.contains("2026-11-27"), "{header}");
    let after = parse_timestamp("2026-11-28T00:01").unwrap();
    dispatch(&f.app, &mut f.model, Msg::Tick(after));
    assert!(
        f.today_names().contains(&"Anna Schmidt".to_string()),
        "due on the new day: {:?}",
        f.today_names()
    );
    assert!(f.screen().contains("2026-11-28"), "the date and the list agree");
    let reasons = f.today_reasons(0);
    assert_eq!(reasons[0], "overdue 9 days", "overdue counts from the new day: {reasons:?}");
}
