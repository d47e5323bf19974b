//! Hand-built books for the analysis tests: accounts, touches and
//! follow-ups dated relative to one fixed day.

use chrono::{Duration, NaiveDate, NaiveDateTime};

use crate::domain::{
    AccountId, AccountSummary, FollowUp, FollowUpId, FollowUpReason, FollowUpStatus, Grade, Stage, Tier,
    TouchDays, TouchKind, Uid,
};

/// The day the tests stand on: a Tuesday.
pub const TODAY: &str = "2026-12-01";

pub fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

pub fn today() -> NaiveDate {
    day(TODAY)
}

/// `n` days after today (before, when negative), at 10:00.
pub fn days_on(n: i64) -> NaiveDateTime {
    (today() + Duration::days(n)).and_hms_opt(10, 0, 0).unwrap()
}

pub fn prospect(grade: Grade) -> Stage {
    Stage::Prospect { grade }
}

pub fn customer(tier: Tier) -> Stage {
    Stage::Customer { tier, tier_pinned: false }
}

/// An account added 100 days ago, with a phone, last touched (by a call)
/// `touched` days ago.
pub fn account(id: u64, stage: Stage, touched: Option<i64>) -> AccountSummary {
    let mut summary = AccountSummary {
        phone: Some(format!("138{id:08}")),
        ..AccountSummary::bare(id, stage, days_on(-100).date())
    };
    if let Some(ago) = touched {
        touch(&mut summary, -ago, TouchKind::Call);
    }
    summary
}

/// Logs a touch that reached the person `n` days from today on the
/// summary, as the store would.
pub fn touch(summary: &mut AccountSummary, n: i64, kind: TouchKind) {
    tried(summary, n, kind);
    let at = days_on(n);
    if summary.last_reached.is_none_or(|r| r <= at) {
        summary.last_reached = Some(at);
        summary.last_reached_kind = Some(kind);
    }
}

/// Logs a touch `n` days from today that reached nobody (no answer).
pub fn tried(summary: &mut AccountSummary, n: i64, kind: TouchKind) {
    let at = days_on(n);
    summary.last_touch = summary.last_touch.max(Some(at));
    let mut days: Vec<(NaiveDate, TouchKind)> = summary.touch_days.iter().collect();
    days.push((at.date(), kind));
    summary.touch_days = TouchDays::new(days);
}

/// Revenue over the last 12 months: one order of `amount` (major units)
/// `n` days from today.
pub fn revenue(mut summary: AccountSummary, n: i64, amount: i64) -> AccountSummary {
    let day = days_on(n);
    summary.last_order = summary.last_order.max(Some(day));
    summary.revenue_days.push((day.date(), crate::domain::Money(i128::from(amount) * 100)));
    summary
}

/// A pending follow-up due `due_in` days from today, made 20 days ago.
pub fn follow_up(id: u64, due_in: i64, reason: FollowUpReason) -> FollowUp {
    FollowUp {
        id: FollowUpId(id),
        uid: Uid::NIL,
        account: AccountId(0),
        due: today() + Duration::days(due_in),
        due_time: None,
        kind: TouchKind::Call,
        reason,
        note: String::new(),
        status: FollowUpStatus::Open,
        snoozes: 0,
        snoozed_at: Vec::new(),
        created_at: days_on(-20),
        closed_at: None,
        referral: None,
        from_outcome: None,
        attempts: 0,
        attempted_at: Vec::new(),
        rescheduled_at: Vec::new(),
    }
}

pub fn with(mut summary: AccountSummary, follow_up: FollowUp) -> AccountSummary {
    summary.pending.push(FollowUp { account: summary.id, ..follow_up });
    summary.pending.sort_by_key(|f| (f.due, f.due_time, f.id));
    summary
}
