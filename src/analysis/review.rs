//! The day's review: what was done, won, missed and let slip, and the
//! streak of days with the list worked to zero.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Duration, NaiveDate};

use super::ranking::cadence_due;
use crate::config::Config;
use crate::domain::{
    AccountId, AccountSummary, DayEntry, FollowUp, FollowUpStatus, Money, Outcome, TouchKind,
};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Review {
    pub date: Option<NaiveDate>,
    pub touches: usize,
    pub by_kind: BTreeMap<TouchKind, usize>,
    /// By outcome; touches without one count under None.
    pub by_outcome: BTreeMap<Option<Outcome>, usize>,
    pub orders: Vec<(AccountId, Money)>,
    pub orders_value: Money,
    pub follow_ups_done: usize,
    pub follow_ups_skipped: usize,
    pub follow_ups_snoozed: usize,
    /// Follow-ups due on the day and not done on it.
    pub missed: Vec<FollowUp>,
    /// Accounts whose cadence ran out on the day and that are still untouched.
    pub past_cadence: Vec<AccountId>,
    /// Days up to this one, in a row, that ended with no follow-up overdue;
    /// days with nothing due and nothing done neither break nor count.
    pub streak: u32,
}

/// Whether `follow_up` was due and still open at the end of `day`.
fn open_at_end_of(follow_up: &FollowUp, day: NaiveDate) -> bool {
    follow_up.due <= day
        && follow_up.created_at.date() <= day
        && match follow_up.closed_at {
            Some(closed) => closed.date() > day,
            None => follow_up.status.is_pending(),
        }
}

/// Reviews `date`: `entries` are that day's touches and orders, `active`
/// the days with any touch or order (for the streak; days a follow-up
/// was closed or due count too).
pub fn review(
    date: NaiveDate,
    entries: &[DayEntry],
    follow_ups: &[FollowUp],
    summaries: &[AccountSummary],
    active: &BTreeSet<NaiveDate>,
    config: &Config,
) -> Review {
    let mut review = Review { date: Some(date), ..Review::default() };
    for entry in entries {
        match entry {
            DayEntry::Touch { kind, outcome, .. } => {
                review.touches += 1;
                *review.by_kind.entry(*kind).or_default() += 1;
                *review.by_outcome.entry(*outcome).or_default() += 1;
            }
            DayEntry::Order { account, amount, .. } => {
                review.orders.push((*account, *amount));
                review.orders_value = review.orders_value.saturating_add(*amount);
            }
        }
    }
    for f in follow_ups {
        let closed_on_day = f.closed_at.is_some_and(|c| c.date() == date);
        match f.status {
            FollowUpStatus::Done if closed_on_day => review.follow_ups_done += 1,
            FollowUpStatus::Skipped if closed_on_day => review.follow_ups_skipped += 1,
            _ => {}
        }
        review.follow_ups_snoozed += f.snoozed_at.iter().filter(|t| t.date() == date).count();
        let done_that_day = f.status == FollowUpStatus::Done && closed_on_day;
        if f.due == date && !done_that_day && f.created_at.date() <= date {
            review.missed.push(f.clone());
        }
    }
    review.past_cadence = summaries
        .iter()
        .filter(|s| s.is_active() && s.pending.is_empty() && cadence_due(s, config) == date)
        .map(|s| s.id)
        .collect();

    // The streak: walk back from the day, at most a year.
    let due_days: BTreeSet<NaiveDate> = follow_ups.iter().map(|f| f.due).collect();
    let closing_days: BTreeSet<NaiveDate> =
        follow_ups.iter().filter_map(|f| f.closed_at).map(|t| t.date()).collect();
    let mut day = date;
    for _ in 0..366 {
        if follow_ups.iter().any(|f| open_at_end_of(f, day)) {
            break;
        }
        if active.contains(&day) || due_days.contains(&day) || closing_days.contains(&day) {
            review.streak += 1;
        }
        day -= Duration::days(1);
    }
    review
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDateTime;

    use super::*;
    use crate::domain::{FollowUpId, FollowUpReason, Grade, Stage, TouchKind};

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn at(text: &str) -> NaiveDateTime {
        day(text).and_hms_opt(11, 0, 0).unwrap()
    }

    fn follow_up(id: u64, due: &str, closed: Option<&str>) -> FollowUp {
        FollowUp {
            id: FollowUpId(id),
            account: AccountId(1),
            due: day(due),
            due_time: None,
            kind: TouchKind::Call,
            reason: FollowUpReason::Promised,
            note: String::new(),
            status: if closed.is_some() { FollowUpStatus::Done } else { FollowUpStatus::Open },
            snoozes: 0,
            snoozed_at: Vec::new(),
            created_at: at("2026-11-01"),
            closed_at: closed.map(at),
            referral: None,
        }
    }

    fn streak_on(date: &str, follow_ups: &[FollowUp], active: &[&str]) -> u32 {
        let active: BTreeSet<NaiveDate> = active.iter().map(|d| day(d)).collect();
        review(day(date), &[], follow_ups, &[], &active, &Config::default()).streak
    }

    #[test]
    fn the_streak_counts_worked_days_until_one_ended_with_the_list_not_done() {
        let follow_ups = [
            follow_up(1, "2026-11-20", Some("2026-11-22")),
            follow_up(2, "2026-11-23", Some("2026-11-23")),
            follow_up(3, "2026-11-26", Some("2026-11-26")),
        ];
        // 11-20 and 11-21 ended with #1 open; 11-22 closed it; 11-24 had
        // only a touch; 11-25 nothing at all; 11-26 closed #3.
        assert_eq!(streak_on("2026-11-26", &follow_ups, &["2026-11-24"]), 4);
        assert_eq!(streak_on("2026-11-21", &follow_ups, &["2026-11-24"]), 0);
        let late = [follow_up(4, "2026-11-25", Some("2026-11-27"))];
        assert_eq!(streak_on("2026-11-26", &late, &["2026-11-24"]), 0, "an overdue follow-up breaks it");
        assert_eq!(streak_on("2026-11-27", &late, &["2026-11-24"]), 1);
    }

    #[test]
    fn missed_are_the_days_follow_ups_left_undone_and_past_cadence_the_accounts_that_ran_out() {
        let follow_ups = [
            follow_up(1, "2026-11-26", Some("2026-11-26")),
            follow_up(2, "2026-11-26", Some("2026-11-27")),
            follow_up(3, "2026-11-26", None),
            follow_up(4, "2026-11-27", None),
        ];
        let summary = |id: u64, touched: &str| AccountSummary {
            name: format!("#{id}"),
            last_touch: Some(at(touched)),
            ..AccountSummary::bare(id, Stage::Prospect { grade: Grade::A }, day("2026-10-01"))
        };
        let summaries = [summary(1, "2026-11-23"), summary(2, "2026-11-22"), summary(3, "2026-11-24")];
        let r = review(day("2026-11-26"), &[], &follow_ups, &summaries, &BTreeSet::new(), &Config::default());
        assert_eq!(r.follow_ups_done, 1);
        assert_eq!(r.missed.iter().map(|f| f.id.0).collect::<Vec<_>>(), [2, 3]);
        assert_eq!(r.past_cadence, [AccountId(1)], "A grade: 3 days after 11-23");
    }
}
