//! The daily plan: what a rep can do in a day, chosen from everything due.
//!
//! Each day holds at most its capacity (`[plan] capacity`, or the
//! weekday's): first every promised follow-up due or overdue (a promise is
//! a promise, even over capacity), then the slots kept for key and MGC
//! accounts (`key_share` of the capacity), then the rest by score. What
//! does not fit waits for the next day, where it competes again, scored as
//! of that day. Every account appears on one day at most.
//!
//! The schedule is a function of the book and the day alone, so asking
//! twice gives the same plan, and tomorrow's plan after today's was worked
//! is what today said it would be, apart from what the work changed. The
//! first day's rows as they stood at its first change are kept (the
//! `kept` entries): working them does not pull others in, and a row stays
//! in the plan, done, once its account got a touch or its follow-up was
//! closed.

use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDate};

use super::ranking::{Marks, Ranked, by_score, cadence_due, row_on};
use crate::config::Config;
use crate::domain::{AccountId, AccountSummary, FollowUpId, PlanEntry, RowKind, Slot, Tier, TouchKind};

/// The most days one plan looks ahead.
pub const MAX_DAYS: u32 = 60;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Open,
    /// The account got a touch that day, or its follow-up was closed.
    Done,
}

/// One row of a day's plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Planned {
    /// Position of the account in the summaries.
    pub index: usize,
    pub account: AccountId,
    pub kind: RowKind,
    pub follow_up: Option<FollowUpId>,
    pub slot: Slot,
    /// A key account or an MGC.
    pub focus: bool,
    /// The row as of its day: reasons, score, channel. None for a row
    /// done today that has nothing due any more.
    pub row: Option<Ranked>,
    /// The day it is planned for (for [`Plan::beyond`], the day after the
    /// plan's last).
    pub day: NaiveDate,
    /// The day it fell due, or the plan's first day if earlier: before
    /// `day` when it was deferred.
    pub since: NaiveDate,
    pub status: Status,
}

impl Planned {
    pub fn is_done(&self) -> bool {
        self.status == Status::Done
    }

    /// Days it waited for a slot.
    pub fn deferred_days(&self) -> i64 {
        (self.day - self.since).num_days()
    }

    /// How a row done on its day was done: the touch's channel and time
    /// ("done: call at 10:32"), or the follow-up closed.
    pub fn done_words(&self, summary: &AccountSummary) -> (Option<TouchKind>, String) {
        match summary.last_touch.filter(|t| t.date() == self.day) {
            Some(at) => {
                let kind = summary.touch_days.newest_kinds(1).next();
                let what = kind.map_or("touch", TouchKind::as_str);
                (kind, format!("done: {what} at {}", at.format("%H:%M")))
            }
            None => (None, "done: follow-up closed".to_string()),
        }
    }

    fn new(row: Ranked, summary: &AccountSummary, slot: Slot, day: NaiveDate, since: NaiveDate) -> Planned {
        Planned {
            index: row.index,
            account: row.account,
            kind: row.kind,
            follow_up: row.follow_up(summary).map(|f| f.id),
            slot,
            focus: row.focus,
            row: Some(row),
            day,
            since,
            status: Status::Open,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct DayPlan {
    pub date: NaiveDate,
    pub capacity: usize,
    /// Open rows in plan order (promises, focus slots, the rest; by score
    /// within each), then the rows done.
    pub rows: Vec<Planned>,
}

impl DayPlan {
    pub fn done(&self) -> usize {
        self.rows.iter().filter(|r| r.is_done()).count()
    }

    pub fn open(&self) -> usize {
        self.rows.len() - self.done()
    }

    /// Promises alone took more than the day's capacity.
    pub fn over_capacity(&self) -> bool {
        self.rows.len() > self.capacity
    }

    /// The rows as the day record keeps them.
    pub fn entries(&self) -> Vec<PlanEntry> {
        self.rows
            .iter()
            .map(|r| PlanEntry { account: r.account, kind: r.kind, follow_up: r.follow_up, slot: r.slot })
            .collect()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// The first day, then the days after it.
    pub days: Vec<DayPlan>,
    /// Work due within the plan's days that none of them had room for.
    pub beyond: Vec<Planned>,
}

impl Plan {
    pub fn first(&self) -> &DayPlan {
        &self.days[0]
    }

    /// What was due on the first day but planned for a later one, or for
    /// none of the plan's days, soonest first.
    pub fn later(&self) -> impl Iterator<Item = &Planned> {
        let first = self.first().date;
        self.days[1..].iter().flat_map(|d| &d.rows).chain(&self.beyond).filter(move |r| r.since == first)
    }
}

/// Whether a kept row is still open, was done that day, or has left the
/// plan (its follow-up snoozed to a later day, the account archived or no
/// longer due): None.
fn kept_status(summary: &AccountSummary, live: Option<&Ranked>, day: NaiveDate) -> Option<Status> {
    let touched = summary.last_touch.filter(|t| t.date() == day);
    let acted = touched.is_some() || summary.last_closed == Some(day);
    let open = match live {
        None => false,
        // A promise made after the day's touch is new work for the row.
        Some(row) => match row.follow_up(summary) {
            Some(f) => touched.is_none_or(|t| f.created_at > t),
            None => !acted,
        },
    };
    if open {
        Some(Status::Open)
    } else if acted {
        Some(Status::Done)
    } else {
        None
    }
}

/// Whether an account may be due a holiday greeting at all (see the
/// ranking's holiday rule).
fn may_greet(summary: &AccountSummary, marks: &Marks) -> bool {
    matches!(summary.stage, crate::domain::Stage::Customer { tier: Tier::Vip, .. })
        || marks.key_accounts.contains(&summary.id)
}

/// The first day in `from..=end` the account has a row, if any.
fn first_due(
    index: usize,
    summary: &AccountSummary,
    from: NaiveDate,
    end: NaiveDate,
    config: &Config,
    marks: &Marks,
) -> Option<NaiveDate> {
    if !summary.is_active() {
        return None;
    }
    let promise = summary.pending.iter().map(|f| f.due.max(from)).min();
    let cadence = summary.pending.is_empty().then(|| cadence_due(summary, config).max(from));
    let lead = Duration::days(config.holidays.lead_days.into());
    let greeting = may_greet(summary, marks)
        .then(|| {
            config.holidays.dates.range(from..=end + lead).next().map(|(day, _)| (*day - lead).max(from))
        })
        .flatten();
    let earliest = [promise, cadence, greeting].into_iter().flatten().min()?;
    // The estimate is exact but for holidays close together; the row
    // itself decides.
    let mut day = earliest;
    while day <= end {
        if row_on(index, summary, day, config, marks).is_some() {
            return Some(day);
        }
        day += Duration::days(1);
    }
    None
}

/// Moves the best `k` rows of `rows` (by score) to the front, sorted, and
/// returns the rest.
fn take_best(rows: &mut Vec<(Ranked, NaiveDate)>, k: usize) -> Vec<(Ranked, NaiveDate)> {
    let order = |a: &(Ranked, NaiveDate), b: &(Ranked, NaiveDate)| by_score(&a.0, &b.0);
    if k == 0 {
        return std::mem::take(rows);
    }
    if k < rows.len() {
        rows.select_nth_unstable_by(k - 1, order);
    }
    let rest = rows.split_off(k.min(rows.len()));
    rows.sort_by(order);
    rest
}

/// The plan for `days` days from `first`. `kept` are the first day's rows
/// as the day record holds them (none before the day's first change).
pub fn plan(
    summaries: &[AccountSummary],
    first: NaiveDate,
    days: u32,
    config: &Config,
    marks: &Marks,
    kept: &[PlanEntry],
) -> Plan {
    let days = days.clamp(1, MAX_DAYS);
    let end = first + Duration::days(i64::from(days) - 1);
    let share = config.plan.key_share(&config.focus);

    let kept_ids: HashSet<AccountId> = kept.iter().map(|e| e.account).collect();
    let index_of: HashMap<AccountId, usize> = if kept.is_empty() {
        HashMap::new()
    } else {
        summaries
            .iter()
            .enumerate()
            .filter(|(_, s)| kept_ids.contains(&s.id))
            .map(|(i, s)| (s.id, i))
            .collect()
    };
    let mut kept_rows = Vec::new();
    let mut on_first: HashMap<usize, Status> = HashMap::new();
    for entry in kept {
        let Some(&index) = index_of.get(&entry.account) else { continue };
        if on_first.contains_key(&index) {
            continue;
        }
        let summary = &summaries[index];
        let live = row_on(index, summary, first, config, marks);
        let Some(status) = kept_status(summary, live.as_ref(), first) else {
            on_first.insert(index, Status::Done);
            continue;
        };
        on_first.insert(index, status);
        let follow_up = live.as_ref().and_then(|r| r.follow_up(summary)).map(|f| f.id);
        kept_rows.push(Planned {
            index,
            account: entry.account,
            kind: live.as_ref().map_or(entry.kind, |r| r.kind),
            follow_up: follow_up.or(entry.follow_up),
            slot: entry.slot,
            focus: marks.is_focus(entry.account),
            row: live,
            day: first,
            since: first,
            status,
        });
    }

    // Accounts on the first day's kept rows wait for the second day (those
    // still open there are not planned twice).
    let mut candidates: Vec<(NaiveDate, usize)> = summaries
        .iter()
        .enumerate()
        .filter_map(|(index, summary)| {
            let from = match on_first.get(&index) {
                Some(Status::Open) => return None,
                Some(Status::Done) => first + Duration::days(1),
                None => first,
            };
            first_due(index, summary, from, end, config, marks).map(|day| (day, index))
        })
        .collect();
    candidates.sort_unstable();

    let mut plan = Plan { days: Vec::new(), beyond: Vec::new() };
    let mut waiting: Vec<(usize, NaiveDate)> = Vec::new();
    let mut next = 0;
    for n in 0..days {
        let day = first + Duration::days(n.into());
        while let Some(&(due, index)) = candidates.get(next).filter(|(due, _)| *due <= day) {
            waiting.push((index, due));
            next += 1;
        }
        let (mut forced, mut rest): (Vec<_>, Vec<_>) = waiting
            .drain(..)
            .filter_map(|(index, since)| {
                row_on(index, &summaries[index], day, config, marks).map(|r| (r, since))
            })
            // A greeting after the holiday is too late: on the day itself it is a promise.
            .partition(|(r, _)| {
                r.kind == RowKind::FollowUp || (r.kind == RowKind::Holiday && r.holiday == Some(day))
            });
        forced.sort_by(|a, b| by_score(&a.0, &b.0));
        let base = if n == 0 { std::mem::take(&mut kept_rows) } else { Vec::new() };
        let capacity = config.plan.capacity_on(day) as usize;
        let free = capacity.saturating_sub(base.len() + forced.len());
        let target = (share * capacity as f64).round() as usize;
        let focus_had =
            base.iter().filter(|r| r.focus).count() + forced.iter().filter(|(r, _)| r.focus).count();
        let (mut focus, others): (Vec<_>, Vec<_>) = rest.drain(..).partition(|(r, _)| r.focus);
        let mut unreserved = take_best(&mut focus, target.saturating_sub(focus_had).min(free));
        unreserved.extend(others);
        let left = take_best(&mut unreserved, free - focus.len());
        waiting = left.iter().map(|(r, since)| (r.index, *since)).collect();

        let planned = |rows: Vec<(Ranked, NaiveDate)>, slot: Slot| {
            rows.into_iter().map(move |(r, since)| {
                let summary = &summaries[r.index];
                let mut planned = Planned::new(r, summary, slot, day, since);
                if n == 0 {
                    planned.status = kept_status(summary, planned.row.as_ref(), day).unwrap_or(Status::Open);
                }
                planned
            })
        };
        let mut rows: Vec<Planned> = base;
        rows.extend(planned(forced, Slot::Promise));
        rows.extend(planned(focus, Slot::Focus));
        rows.extend(planned(unreserved, Slot::Score));
        // Open rows by slot, then score; done rows last, as they were.
        rows.sort_by(|a, b| match (&a.row, &b.row) {
            _ if a.is_done() || b.is_done() => a.is_done().cmp(&b.is_done()),
            (Some(x), Some(y)) => a.slot.cmp(&b.slot).then_with(|| by_score(x, y)),
            _ => a.slot.cmp(&b.slot),
        });
        plan.days.push(DayPlan { date: day, capacity, rows });

        if n + 1 == days {
            let after = day + Duration::days(1);
            plan.beyond = left
                .into_iter()
                .map(|(r, since)| {
                    let summary = &summaries[r.index];
                    Planned::new(r, summary, Slot::Score, after, since)
                })
                .collect();
        }
    }
    plan
}

#[cfg(test)]
mod tests;
