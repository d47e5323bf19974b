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
/// the days with any touch or order (for the streak).
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
    let mut day = date;
    for _ in 0..366 {
        if follow_ups.iter().any(|f| open_at_end_of(f, day)) {
            break;
        }
        if active.contains(&day) || due_days.contains(&day) {
            review.streak += 1;
        }
        day -= Duration::days(1);
    }
    review
}
