use std::collections::HashSet;

use super::*;
use crate::analysis::test_book::*;
use crate::domain::{FollowUpReason, Grade, Tier, TouchKind};

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

/// Every account with work on one day at most (a row done today is work
/// already done); no day over capacity but by promises.
fn assert_well_formed(plan: &Plan) {
    let mut seen = HashSet::new();
    for day in &plan.days {
        for row in day.rows.iter().filter(|r| !r.is_done()) {
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

#[test]
fn key_and_mgc_accounts_get_the_reserved_share_of_the_slots() {
    // 40 hot A-grade prospects outscore 40 small key customers...
    let mut book: Vec<AccountSummary> =
        (1..=40).map(|id| account(id, prospect(Grade::A), Some(40))).collect();
    book.extend((41..=80).map(|id| account(id, customer(Tier::Small), Some(61))));
    let marks = key_marks(41..=60);
    let marks = Marks { growable: (61..=80).map(AccountId).collect(), ..marks };
    let by_score = rank_ids(&book, &marks);
    assert!(by_score[..40].iter().all(|id| *id <= 40), "the prospects rank first: {by_score:?}");

    // ...but 20 of the 25 slots go to key and MGC accounts.
    let plan = run(&book, today(), 1, &Config::default(), &marks);
    let first = &plan.first().rows;
    assert_eq!(first.iter().filter(|r| r.slot == Slot::Focus).count(), 20);
    assert!(first.iter().filter(|r| r.slot == Slot::Focus).all(|r| r.account.0 > 40));
    assert_eq!(
        first.iter().filter(|r| r.slot == Slot::Score).map(|r| r.account.0).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5]
    );

    let mut config = Config::default();
    config.plan.key_share = Some(0.0);
    let plain = run(&book, today(), 1, &config, &marks);
    assert!(plain.first().rows.iter().all(|r| r.account.0 <= 40), "no reservation: by score alone");

    // With fewer focus accounts due than slots kept, the rest go by score.
    let few = run(&book[..43], today(), 1, &Config::default(), &marks);
    assert_eq!(few.first().rows.iter().filter(|r| r.slot == Slot::Focus).count(), 3);
    assert_eq!(few.first().rows.len(), 25);
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
    let config = Config::default();
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
fn a_greeting_waits_no_later_than_the_holiday() {
    let mut config = Config::default();
    config.holidays.dates.insert(today() + Duration::days(2), "元旦前".into());
    config.plan.capacity = 1;
    config.plan.key_share = Some(0.0);
    // A VIP due a greeting, and a backlog that outscores it.
    let mut book = vec![account(1, customer(Tier::Vip), Some(1))];
    book.extend((2..=6).map(|id| account(id, prospect(Grade::A), Some(60))));
    let plan = run(&book, today(), 5, &config, &Marks::default());
    assert_well_formed(&plan);
    let greeting = plan.days.iter().find(|d| d.rows.iter().any(|r| r.account.0 == 1)).unwrap();
    assert_eq!(greeting.date, today() + Duration::days(2), "on the holiday itself, as a promise");
    assert_eq!(ids(&greeting.rows), [1], "it takes the day's one slot");
}
