use std::collections::HashSet;

use super::*;
use crate::analysis::test_book::*;
use crate::domain::{FollowUp, FollowUpReason, Grade, Tier, TouchKind};

fn run(book: &[AccountSummary], first: NaiveDate, days: u32, config: &Config, marks: &Marks) -> Plan {
    plan(book, first, days, config, marks, &[])
}

fn ids(rows: &[Planned]) -> Vec<u64> {
    rows.iter().map(|r| r.account.0).collect()
}

fn day_ids(plan: &Plan) -> Vec<Vec<u64>> {
    plan.days.iter().map(|d| ids(&d.rows)).collect()
}

/// `n` C-grade prospects, ids from `first_id`, all past their cadence by
/// the same days (so they rank by id).
fn neglected(first_id: u64, n: u64) -> Vec<AccountSummary> {
    (first_id..first_id + n).map(|id| account(id, prospect(Grade::C), Some(20))).collect()
}

fn key_marks(ids: impl IntoIterator<Item = u64>) -> Marks {
    Marks { key_accounts: ids.into_iter().map(AccountId).collect(), ..Marks::default() }
}

/// Every account's work on one day at most (a row done today is work
/// already done; a key account brought forward may come again another
/// day), once a day at most; no day over capacity but by promises.
fn assert_well_formed(plan: &Plan) {
    let mut seen = HashSet::new();
    for day in &plan.days {
        let mut today = HashSet::new();
        for row in day.rows.iter() {
            assert!(today.insert(row.account), "{} twice on {}", row.account, day.date);
        }
        for row in day.rows.iter().filter(|r| !r.is_done() && r.kind != RowKind::Focus) {
            assert!(seen.insert(row.account), "{} planned twice", row.account);
        }
        let promises = day.rows.iter().filter(|r| r.slot == Slot::Promise).count();
        assert!(day.rows.len() <= day.capacity.max(promises), "{} over capacity", day.date);
    }
    for row in &plan.beyond {
        assert!(!seen.contains(&row.account), "{} both planned and beyond", row.account);
    }
}

#[test]
fn a_day_holds_its_capacity_and_the_rest_waits_for_the_next_days() {
    let book = neglected(1, 60);
    let plan = run(&book, today(), 7, &Config::default(), &Marks::default());
    assert_well_formed(&plan);
    let sizes: Vec<usize> = plan.days.iter().map(|d| d.rows.len()).collect();
    assert_eq!(sizes, [25, 25, 10, 0, 0, 0, 0]);
    assert_eq!(ids(&plan.first().rows), (1..=25).collect::<Vec<_>>(), "equal scores go by id");
    assert_eq!(plan.later().count(), 35, "deferred, not hidden");
    let thursday = &plan.days[2].rows;
    assert!(thursday.iter().all(|r| r.since == today() && r.deferred_days() == 2));
    assert!(plan.beyond.is_empty());

    let short = run(&book, today(), 2, &Config::default(), &Marks::default());
    assert_eq!(short.beyond.len(), 10, "what no day of the plan holds is still counted");
    assert_eq!(short.later().count(), 35);
}

#[test]
fn weekdays_have_their_own_capacity() {
    let mut config = Config::default();
    config.plan.sat = Some(10);
    config.plan.sun = Some(0);
    let book = neglected(1, 130);
    let plan = run(&book, today(), 7, &config, &Marks::default());
    assert_well_formed(&plan);
    let sizes: Vec<(String, usize)> =
        plan.days.iter().map(|d| (d.date.format("%a").to_string(), d.rows.len())).collect();
    let expected = [("Tue", 25), ("Wed", 25), ("Thu", 25), ("Fri", 25), ("Sat", 10), ("Sun", 0), ("Mon", 20)];
    assert_eq!(sizes, expected.map(|(d, n)| (d.to_string(), n)));
}

/// The effort a day's open rows weigh, and the key accounts' part of it.
fn effort(day: &DayPlan, book: &[AccountSummary], config: &Config) -> (f64, f64) {
    let weight = |kind: TouchKind| config.focus.effort[&kind];
    day.rows.iter().fold((0.0, 0.0), |(all, key), r| {
        let w = weight(r.channel(&book[r.index], config));
        (all + w, if r.key_account { key + w } else { key })
    })
}

/// 40 hot A-grade prospects due, and 20 key customers (VIPs with revenue)
/// reached 3 days ago, with nothing due.
fn hot_prospects_and_quiet_key_accounts() -> (Vec<AccountSummary>, Marks) {
    let mut book: Vec<AccountSummary> =
        (1..=40).map(|id| account(id, prospect(Grade::A), Some(40))).collect();
    book.extend(
        (41..=60).map(|id| revenue(account(id, customer(Tier::Vip), Some(3)), -30, id as i64 * 1000)),
    );
    let marks = Marks { revenue_total: crate::domain::Money(1_020_000 * 100), ..key_marks(41..=60) };
    (book, marks)
}

#[test]
fn key_accounts_get_the_target_share_of_the_days_effort() {
    let (book, marks) = hot_prospects_and_quiet_key_accounts();
    let by_score = rank_ids(&book, &marks);
    assert!(by_score.iter().all(|id| *id <= 40), "only the prospects are due: {by_score:?}");

    let config = Config::default();
    let plan = run(&book, today(), 1, &config, &marks);
    assert_well_formed(&plan);
    let first = plan.first();
    assert_eq!(first.rows.len(), 25, "the day is full");
    let (all, key) = effort(first, &book, &config);
    // Within one row's weight of the target.
    assert!((key / all - 0.6).abs() <= 5.0 / all, "key share {key} of {all}");
    assert_eq!((first.effort, first.effort_key), (all, key), "the plan says what it planned");
    assert_eq!(first.shortfall, None);
    let visits = first.rows.iter().filter(|r| r.channel == Some(TouchKind::Visit)).count();
    assert_eq!(visits, config.plan.visits_per_day as usize, "a few visits, calls for the rest");
    assert!(
        first
            .rows
            .iter()
            .filter(|r| r.key_account)
            .all(|r| r.kind == RowKind::Focus && r.slot == Slot::Focus)
    );

    // 0 plans by score alone.
    let mut plain = Config::default();
    plain.plan.key_share = Some(0.0);
    let by_score_alone = run(&book, today(), 1, &plain, &marks);
    assert!(by_score_alone.first().rows.iter().all(|r| r.account.0 <= 40));
    // Without key accounts, nothing to keep.
    let none = run(&book, today(), 1, &config, &Marks::default());
    assert_eq!((none.first().target, none.first().shortfall), (0.0, None));
}

#[test]
fn key_accounts_with_nothing_due_come_forward_by_their_worth_and_wait() {
    let (mut book, marks) = hot_prospects_and_quiet_key_accounts();
    // #60, the biggest, was reached 3 days ago like the rest; #41, the
    // smallest, 12 days ago by a visit; #59 only yesterday; #58 today.
    touch(&mut book[40], -12, TouchKind::Visit);
    // ...and tried by phone since, with no answer.
    book[40].last_reached = Some(days_on(-12));
    book[40].last_reached_kind = Some(TouchKind::Visit);
    touch(&mut book[58], -1, TouchKind::Call);
    tried(&mut book[57], 0, TouchKind::Call);
    let config = Config::default();
    let plan = run(&book, today(), 1, &config, &marks);
    let forward: Vec<&Planned> = plan.first().rows.iter().filter(|r| r.forward.is_some()).collect();
    let ids: Vec<u64> = forward.iter().map(|r| r.account.0).collect();
    assert!(ids.contains(&41), "12 days since it was reached: {ids:?}");
    assert!(!ids.contains(&59) && !ids.contains(&58), "reached yesterday, tried today: not again");
    assert!(ids.contains(&60) && !ids.contains(&42), "3 days: the big ones first: {ids:?}");
    let row = forward.iter().find(|r| r.account.0 == 41).unwrap();
    let reasons = row.reasons(&book[40], today(), &config);
    assert_eq!(reasons.iter().map(Reason::code).collect::<Vec<_>>(), ["focus_key_account"]);
    let Reason::Forward(forward) = reasons[0] else { panic!("{reasons:?}") };
    assert_eq!((forward.growable, forward.since), (false, Some((12, TouchKind::Visit))));
    assert_eq!(share_words(forward.revenue_share), "4%");
}

#[test]
fn key_accounts_reached_yesterday_come_again_only_after_the_others_and_never_three_days_running() {
    let (mut book, marks) = hot_prospects_and_quiet_key_accounts();
    // #41 to #50 reached yesterday, and a week before; #51 to #60 only a
    // week ago.
    for (summary, id) in book[40..].iter_mut().zip(41..) {
        *summary = revenue(account(id, customer(Tier::Vip), Some(8)), -30, id as i64 * 1000);
        if id <= 50 {
            touch(summary, -1, TouchKind::Visit);
        }
    }
    let config = Config::default();
    let all_yesterday = {
        let mut book = book.clone();
        book[50..].iter_mut().for_each(|summary| touch(summary, -1, TouchKind::Visit));
        run(&book, today(), 1, &config, &marks).first().clone()
    };
    assert!(
        all_yesterday.rows.iter().all(|r| r.forward.is_none()),
        "none due a touch today: none comes again, the day says it falls short"
    );
    assert_eq!(all_yesterday.shortfall, Some(Shortfall::KeyAccountsWorked));

    // #41 was there three days ago too; #42 only tried yesterday.
    touch(&mut book[40], -3, TouchKind::Call);
    book[41] = revenue(account(42, customer(Tier::Vip), Some(8)), -30, 42_000);
    tried(&mut book[41], -1, TouchKind::Call);
    let first = run(&book, today(), 1, &config, &marks).first().clone();
    let forward: Vec<u64> = first.rows.iter().filter(|r| r.forward.is_some()).map(|r| r.account.0).collect();
    assert!((51..=60).all(|id| forward.contains(&id)), "a week since: first: {forward:?}");
    assert!(forward.iter().any(|id| (43..=50).contains(id)), "then yesterday's: {forward:?}");
    assert!(!forward.contains(&41), "not three days of four: {forward:?}");
    assert!(!forward.contains(&42), "tried yesterday, not reached: {forward:?}");
    let (all, key) = effort(&first, &book, &config);
    assert!(key / all > 0.5, "key share {key} of {all}");
}

/// An account the rep has always visited, last `ago` days ago.
fn usually_visited(mut summary: AccountSummary, ago: i64) -> AccountSummary {
    for n in [ago + 20, ago + 10, ago] {
        touch(&mut summary, -n, TouchKind::Visit);
    }
    summary
}

#[test]
fn a_day_proposes_a_few_visits_to_key_accounts_and_calls_the_rest() {
    // 12 key accounts and 5 B prospects past their cadence, all usually
    // visited; one C prospect promised a visit today.
    let mut book: Vec<AccountSummary> = (1..=12)
        .map(|id| usually_visited(revenue(account(id, customer(Tier::Vip), None), -30, 1000), 10))
        .collect();
    book.extend((13..=17).map(|id| usually_visited(account(id, prospect(Grade::B), None), 30)));
    let visit = FollowUp { kind: TouchKind::Visit, ..follow_up(18, 0, FollowUpReason::Promised) };
    book.push(with(account(18, prospect(Grade::C), Some(5)), visit));
    let marks = Marks { revenue_total: crate::domain::Money(1_200_000), ..key_marks(1..=12) };
    let config = Config::default();
    let plan = run(&book, today(), 1, &config, &marks);
    let rows = &plan.first().rows;
    let channel = |id: u64| {
        let row = rows.iter().find(|r| r.account.0 == id).expect("planned");
        row.channel(&book[row.index], &config)
    };
    assert_eq!(channel(18), TouchKind::Visit, "a promised visit stays one");
    let proposed: Vec<u64> = rows
        .iter()
        .filter(|r| r.follow_up.is_none() && r.channel(&book[r.index], &config) == TouchKind::Visit)
        .map(|r| r.account.0)
        .collect();
    assert_eq!(proposed.len(), config.plan.visits_per_day as usize, "{proposed:?}");
    assert!(proposed.iter().all(|id| *id <= 12), "the visits go to key accounts: {proposed:?}");
    for id in 13..=17 {
        assert_eq!(channel(id), TouchKind::Call, "#{id}, usually visited, is called");
    }
    assert!(
        (1..=12)
            .filter(|id| !proposed.contains(id))
            .all(|id| rows.iter().all(|r| r.account.0 != id) || channel(id) == TouchKind::Call),
        "key accounts past the day's visits are called"
    );
}

#[test]
fn the_day_says_why_it_cannot_keep_the_key_share() {
    // Promises fill the day.
    let mut book: Vec<AccountSummary> = (1..=25)
        .map(|id| with(account(id, prospect(Grade::B), Some(1)), follow_up(id, 0, FollowUpReason::Promised)))
        .collect();
    book.push(revenue(account(26, customer(Tier::Vip), Some(5)), -10, 5000));
    let marks = Marks { revenue_total: crate::domain::Money(500_000), ..key_marks([26]) };
    let full = run(&book, today(), 1, &Config::default(), &marks);
    assert_eq!(full.first().shortfall, Some(Shortfall::Promises));
    // The one key account was reached yesterday.
    let mut quiet: Vec<AccountSummary> =
        (1..=10).map(|id| account(id, prospect(Grade::A), Some(10))).collect();
    quiet.push(revenue(account(26, customer(Tier::Vip), Some(1)), -10, 5000));
    let worked = run(&quiet, today(), 1, &Config::default(), &marks);
    assert_eq!(worked.first().shortfall, Some(Shortfall::KeyAccountsWorked));
}

#[test]
fn a_day_off_plans_nothing_and_its_promises_wait_for_the_next_working_day() {
    let mut config = Config::default();
    config.plan.wed = Some(0);
    let book = vec![
        with(account(1, prospect(Grade::B), Some(1)), follow_up(1, 1, FollowUpReason::Promised)),
        account(2, prospect(Grade::A), Some(4)),
    ];
    let plan = run(&book, today(), 3, &config, &Marks::default());
    assert!(plan.days[1].rows.is_empty(), "Wednesday is a day off");
    assert_eq!(ids(&plan.days[2].rows), [1], "Wednesday's promise on Thursday");
    assert_eq!(ids(&plan.days[0].rows), [2]);
}

#[test]
fn a_lower_capacity_trims_the_open_rows_and_keeps_those_done() {
    let mut book = neglected(1, 40);
    let config = Config::default();
    let marks = Marks::default();
    let morning = run(&book, today(), 2, &config, &marks);
    let kept = morning.first().entries();
    work(&mut book, &morning.first().rows[..6]);
    let mut lower = Config::default();
    lower.plan.capacity = 10;
    let noon = plan(&book, today(), 2, &lower, &marks, &kept);
    let first = noon.first();
    assert_eq!((first.rows.len(), first.done()), (10, 6), "6 done stay, 4 open left");
    assert!(!first.over_capacity());
    assert_eq!(ids(&noon.days[1].rows).len(), 10, "the trimmed wait for tomorrow");
    let mut higher = Config::default();
    higher.plan.capacity = 30;
    let more = plan(&book, today(), 2, &higher, &marks, &kept);
    assert_eq!((more.first().rows.len(), more.first().done()), (30, 6), "filled to the new capacity");
}

#[test]
fn a_promise_made_today_for_today_is_a_promise() {
    let mut book = neglected(1, 5);
    let config = Config::default();
    let kept = run(&book, today(), 1, &config, &Marks::default()).first().entries();
    touch(&mut book[2], 0, TouchKind::Call);
    let mut call_back = follow_up(9, 0, FollowUpReason::Promised);
    call_back.created_at = days_on(0) + Duration::hours(1);
    book[2] = with(book[2].clone(), call_back);
    let plan = plan(&book, today(), 1, &config, &Marks::default(), &kept);
    let row = plan.first().rows.iter().find(|r| r.account.0 == 3).unwrap();
    assert_eq!((row.slot, row.kind, row.status), (Slot::Promise, RowKind::FollowUp, Status::Open));
}

fn rank_ids(book: &[AccountSummary], marks: &Marks) -> Vec<u64> {
    crate::analysis::ranking::rank(book, today(), &Config::default(), marks)
        .iter()
        .map(|r| r.account.0)
        .collect()
}

#[test]
fn promises_come_first_and_are_all_kept_even_over_capacity() {
    let mut book: Vec<AccountSummary> = (1..=30)
        .map(|id| {
            with(
                account(id, prospect(Grade::D), Some(1)),
                follow_up(id, -(id as i64 % 4), FollowUpReason::Promised),
            )
        })
        .collect();
    book.extend(neglected(31, 10));
    // A promise for Thursday, whatever else Thursday holds.
    book.push(with(account(41, prospect(Grade::D), Some(1)), follow_up(41, 2, FollowUpReason::Promised)));
    let plan = run(&book, today(), 7, &Config::default(), &Marks::default());
    let first = plan.first();
    assert_eq!(first.rows.len(), 30);
    assert!(first.over_capacity());
    assert!(first.rows.iter().all(|r| r.slot == Slot::Promise && r.kind == RowKind::FollowUp));
    let scores: Vec<f64> = first.rows.iter().map(|r| r.score).collect();
    assert!(scores.is_sorted_by(|a, b| a >= b), "ranked as today: {scores:?}");
    assert_eq!(plan.later().count(), 10);
    assert!(ids(&plan.days[1].rows).iter().all(|id| (31..=40).contains(id)));
    assert_eq!(ids(&plan.days[2].rows), [41], "Thursday's promise on Thursday");
    assert!(!plan.days[1].over_capacity());

    let mut promised = Config::default();
    promised.plan.capacity = 5;
    let tight = run(&book, today(), 7, &promised, &Marks::default());
    assert_eq!(tight.days[2].rows.first().map(|r| r.account.0), Some(41), "promises before the backlog");
    assert_eq!(tight.days[2].rows.len(), 5);
}

#[test]
fn asking_twice_gives_the_same_plan() {
    let book = mixed_book();
    let marks = key_marks([3, 8, 13, 21]);
    let once = run(&book, today(), 7, &Config::default(), &marks);
    assert_well_formed(&once);
    assert_eq!(once, run(&book, today(), 7, &Config::default(), &marks));
}

/// Prospects and customers of every kind, some due now, some over the
/// coming days, a few promises.
fn mixed_book() -> Vec<AccountSummary> {
    let stages = [
        prospect(Grade::A),
        prospect(Grade::B),
        prospect(Grade::C),
        prospect(Grade::D),
        customer(Tier::Vip),
        customer(Tier::Large),
        customer(Tier::Medium),
        customer(Tier::Small),
    ];
    (1..=120u64)
        .map(|id| {
            let stage = stages[id as usize % stages.len()];
            let summary = account(id, stage, Some((id * 7 % 70) as i64));
            if id % 11 == 0 {
                with(summary, follow_up(id, (id % 5) as i64 - 2, FollowUpReason::Promised))
            } else {
                summary
            }
        })
        .collect()
}

/// Works every row of the plan's first day: a call (no answer) on each,
/// its follow-up closed.
fn work(book: &mut [AccountSummary], rows: &[Planned]) {
    for row in rows {
        let summary = &mut book[row.index];
        touch(summary, 0, TouchKind::Call);
        if let Some(id) = row.follow_up {
            summary.pending.retain(|f| f.id != id);
            summary.last_closed = Some(today());
        }
    }
}

#[test]
fn working_the_first_day_leaves_the_next_days_as_they_were() {
    let mut book = mixed_book();
    let marks = key_marks([3, 8, 13, 21]);
    // Due work alone: key accounts brought forward move with the work done.
    let mut config = Config::default();
    config.plan.key_share = Some(0.0);
    let before = run(&book, today(), 7, &config, &marks);
    let kept = before.first().entries();
    work(&mut book, &before.first().rows);

    // The same day: the plan is done, and the rest stands.
    let worked = plan(&book, today(), 7, &config, &marks, &kept);
    assert_well_formed(&worked);
    let first = worked.first();
    assert_eq!((first.done(), first.rows.len()), (25, 25), "worked to zero");
    assert_eq!(ids(&first.rows), ids(&before.first().rows), "done rows stay, in their order");

    // Tomorrow: the days after are what they were, apart from the
    // accounts the work touched (due again on their cadence).
    let touched: HashSet<u64> = ids(&before.first().rows).into_iter().collect();
    let sizes: Vec<usize> = before.days.iter().map(|d| d.rows.len()).collect();
    assert_eq!(sizes[..4], [25, 25, 25, 10], "two full days after the first, then room");
    let tomorrow = run(&book, today() + Duration::days(1), 6, &config, &marks);
    assert_well_formed(&tomorrow);
    let untouched = |days: &[Vec<u64>]| -> Vec<Vec<u64>> {
        days.iter().map(|d| d.iter().copied().filter(|id| !touched.contains(id)).collect()).collect()
    };
    assert_eq!(untouched(&day_ids(&tomorrow)), untouched(&day_ids(&before)[1..]));
    assert_eq!(untouched(&day_ids(&worked)[1..]), untouched(&day_ids(&before)[1..]));
}

#[test]
fn a_row_is_done_by_any_touch_or_its_follow_up_closed_and_leaves_when_snoozed() {
    let mut book = vec![
        account(1, prospect(Grade::C), Some(20)),
        with(account(2, prospect(Grade::C), Some(20)), follow_up(12, -1, FollowUpReason::Promised)),
        account(3, prospect(Grade::C), Some(20)),
        with(account(4, prospect(Grade::C), Some(20)), follow_up(14, 0, FollowUpReason::Promised)),
        account(5, prospect(Grade::C), Some(20)),
    ];
    let config = Config::default();
    let marks = Marks::default();
    let kept = run(&book, today(), 3, &config, &marks).first().entries();
    assert_eq!(kept.len(), 5);

    touch(&mut book[0], 0, TouchKind::Call); // a call nobody answered: the attempt counts
    book[1].pending.clear(); // follow-up done
    book[1].last_closed = Some(today());
    book[3].pending[0].due = today() + Duration::days(2); // snoozed to Thursday
    touch(&mut book[4], 0, TouchKind::Call); // called, and promised a call back this afternoon
    let mut call_back = follow_up(15, 0, FollowUpReason::Promised);
    call_back.created_at = days_on(0) + Duration::minutes(1);
    book[4] = with(book[4].clone(), call_back);

    let plan = plan(&book, today(), 3, &config, &marks, &kept);
    let first = plan.first();
    let status: Vec<(u64, Status)> = first.rows.iter().map(|r| (r.account.0, r.status)).collect();
    assert_eq!(status, [(5, Status::Open), (3, Status::Open), (2, Status::Done), (1, Status::Done)]);
    assert_eq!(first.rows[0].follow_up.map(|f| f.0), Some(15), "the call back is the row's work now");
    assert_eq!(ids(&plan.days[2].rows), [4], "the snoozed promise on its new day");
    assert_eq!(first.done(), 2);
}

#[test]
fn the_kept_rows_hold_the_day_so_working_them_pulls_no_others_in() {
    let mut book = neglected(1, 40);
    let config = Config::default();
    let marks = Marks::default();
    let morning = run(&book, today(), 2, &config, &marks);
    let kept = morning.first().entries();
    work(&mut book, &morning.first().rows[..10]);
    let noon = plan(&book, today(), 2, &config, &marks, &kept);
    assert_eq!(
        ids(&noon.first().rows),
        ids(&morning.first().rows).into_iter().skip(10).chain(1..=10).collect::<Vec<_>>()
    );
    assert_eq!(noon.first().done(), 10);
    // Without the kept rows, the worked accounts would make room for others.
    let forgetful = run(&book, today(), 2, &config, &marks);
    assert!(forgetful.first().rows.iter().any(|r| r.account.0 > 25));
}

#[test]
fn dated_greetings_of_key_accounts_go_by_their_deadline_ahead_of_minor_promises() {
    let mut config = Config::default();
    // A gift holiday 9 days ahead (lead 7, a gift 3 days before): its
    // last useful day is Saturday 12-07... and five working days before.
    config.holidays.dates.insert(today() + Duration::days(9), "春节".into());
    config.plan.capacity = 4;
    config.plan.key_share = Some(0.0);
    // Six key accounts due a gift, and eight D prospects' promises overdue.
    let mut book: Vec<AccountSummary> =
        (1..=6).map(|id| revenue(account(id, customer(Tier::Large), Some(1)), -10, 1000)).collect();
    book.extend((7..=14).map(|id| {
        with(account(id, prospect(Grade::D), Some(1)), follow_up(id, -3, FollowUpReason::Promised))
    }));
    let marks = key_marks(1..=6);
    let plan = run(&book, today() + Duration::days(2), 8, &config, &marks);
    assert_well_formed(&plan);
    let deadline = today() + Duration::days(6);
    for id in 1..=6 {
        let day = plan.days.iter().find(|d| d.rows.iter().any(|r| r.account.0 == id)).map(|d| d.date);
        assert!(day.is_some_and(|d| d <= deadline), "#{id}'s gift on {day:?}, deadline {deadline}");
    }
    let first = plan.first();
    assert!(first.rows.iter().take(2).all(|r| r.account.0 <= 6), "the gifts first, then the D promises");
    assert!(first.late().next().is_none());
    // Planned past its deadline, a gift says so.
    let late = run(&book, today() + Duration::days(8), 1, &config, &marks);
    assert_eq!(late.first().late().count(), 6);
}
