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

use crate::i18n::Lang;

use super::ranking::{Due, Marks, Personal, Ranked, YearDays, personal};
use crate::config::Config;
use crate::domain::{AccountId, AccountSummary, FollowUpId, PlanEntry, RowKind, Slot, TouchKind};

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
    /// Its score on its day (none for a row done with nothing due).
    pub score: f64,
    /// What makes the account due, to word the row on demand (see
    /// [`Planned::row`]): a plan holds thousands of rows, a screen shows
    /// a few.
    due: Option<Due>,
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

    /// The row as of its day: reasons, channel, lateness. None for a row
    /// done with nothing due any more.
    pub fn row(&self, summary: &AccountSummary, config: &Config) -> Option<Ranked> {
        self.due?.row(self.index, summary, self.day, config)
    }

    /// Days it waited for a slot.
    pub fn deferred_days(&self) -> i64 {
        (self.day - self.since).num_days()
    }

    /// How a row done on its day was done: the touch's channel and time
    /// ("done: call at 10:32"), or the follow-up closed.
    pub fn done_words(&self, summary: &AccountSummary, lang: Lang) -> (Option<TouchKind>, String) {
        match summary.last_touch.filter(|t| t.date() == self.day) {
            Some(at) => {
                let kind = summary.touch_days.newest_kinds(1).next();
                let what = lang.text(&format!("kind-{}", kind.map_or("touch", TouchKind::as_str)));
                let time = at.format("%H:%M").to_string();
                (kind, lang.text_with("done-touch", &[("kind", what.into()), ("time", time.into())]))
            }
            None => (None, lang.text("done-closed")),
        }
    }

    /// A candidate planned for `day` in `slot`; None when it has nothing
    /// due that day.
    fn of(
        c: &Candidate,
        summaries: &[AccountSummary],
        personal: &PersonalDays,
        slot: Slot,
        day: NaiveDate,
        config: &Config,
    ) -> Option<Planned> {
        let summary = &summaries[c.index as usize];
        let (kind, _, score, _) = c.due.on(day, config, c.personal(personal))?;
        let follow_up = c.due.promise_index().filter(|_| kind == RowKind::FollowUp);
        Some(Planned {
            index: c.index as usize,
            account: summary.id,
            kind,
            follow_up: follow_up.and_then(|i| summary.pending.get(i)).map(|f| f.id),
            slot,
            focus: c.due.focus,
            score,
            due: Some(c.due),
            day,
            since: c.since,
            status: Status::Open,
        })
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

/// The first day in `from..=end` the account has a row, if any.
fn first_due(
    due: &Due,
    personal: Option<&Personal>,
    from: NaiveDate,
    end: NaiveDate,
    config: &Config,
) -> Option<NaiveDate> {
    let mut day = due.earliest(from, end, config, personal)?;
    while day <= end {
        if due.on(day, config, personal).is_some() {
            return Some(day);
        }
        day += Duration::days(1);
    }
    None
}

/// An account with work within the plan's days: what makes it due, and
/// the first day it is.
///
/// Each day reads the candidates still waiting, in no useful order, so a
/// candidate is kept to one cache line: its account id is here rather than
/// read from the summary, and its birthday and anniversary greetings, which
/// few have, are in a table beside.
struct Candidate {
    index: u32,
    since: NaiveDate,
    account: AccountId,
    due: Due,
}

const NO_PERSONAL: Personal = [None, None];

/// The birthday and anniversary greetings of the candidates that have one
/// in the plan's days, by summary index.
type PersonalDays = foldhash::HashMap<u32, Personal>;

/// A candidate waiting for a slot, scored as of the day being planned;
/// small, as tens of thousands of them are moved about each day.
#[derive(Clone, Copy, Debug)]
struct Waiting {
    /// Its place among the candidates.
    at: u32,
    account: AccountId,
    score: f64,
    /// A promise due, or a greeting on the holiday itself.
    forced: bool,
    focus: bool,
}

impl Candidate {
    /// Scored for `day`; None when it has nothing due that day.
    fn on(&self, at: u32, personal: &PersonalDays, day: NaiveDate, config: &Config) -> Option<Waiting> {
        let (kind, _, score, greeting) = self.due.on(day, config, self.personal(personal))?;
        // A greeting after the day is too late: on the day itself it is a promise.
        let forced =
            kind == RowKind::FollowUp || (kind == RowKind::Holiday && greeting.is_some_and(|g| g.day == day));
        Some(Waiting { at, account: self.account, score, forced, focus: self.due.focus })
    }

    fn personal<'a>(&self, personal: &'a PersonalDays) -> Option<&'a Personal> {
        if self.due.personal_in_range { personal.get(&self.index) } else { None }
    }
}

fn by_waiting_score(a: &Waiting, b: &Waiting) -> std::cmp::Ordering {
    b.score.total_cmp(&a.score).then(a.account.cmp(&b.account))
}

/// Keeps the best `k` of `rows` (by score), sorted, and returns the rest.
fn take_best(rows: &mut Vec<Waiting>, k: usize) -> Vec<Waiting> {
    if k == 0 {
        return std::mem::take(rows);
    }
    if k < rows.len() {
        rows.select_nth_unstable_by(k - 1, by_waiting_score);
    }
    let rest = rows.split_off(k.min(rows.len()));
    rows.sort_unstable_by(by_waiting_score);
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
        let due = Due::of(summary, config, marks);
        let live = due.and_then(|d| d.row(index, summary, first, config));
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
            score: live.as_ref().map_or(0.0, |r| r.score),
            due: due.filter(|_| live.is_some()),
            day: first,
            since: first,
            status,
        });
    }

    // Accounts on the first day's kept rows wait for the second day (those
    // still open there are not planned twice).
    let mut personal_days = PersonalDays::default();
    let year_days = YearDays::covering(first, end);
    let mut candidates: Vec<Candidate> = summaries
        .iter()
        .enumerate()
        .filter_map(|(index, summary)| {
            let from = match on_first.get(&index) {
                Some(Status::Open) => return None,
                Some(Status::Done) => first + Duration::days(1),
                None => first,
            };
            let mut due = Due::of(summary, config, marks)?;
            let personal =
                if year_days.has_personal(summary) { personal(summary, &due, from) } else { NO_PERSONAL };
            let since = first_due(
                &due,
                personal.iter().any(Option::is_some).then_some(&personal),
                from,
                end,
                config,
            )?;
            let index = index as u32;
            if personal.iter().flatten().any(|g| g.window_start <= end && g.day >= from) {
                due.personal_in_range = true;
                personal_days.insert(index, personal);
            }
            Some(Candidate { index, since, account: summary.id, due })
        })
        .collect();
    candidates.sort_unstable_by_key(|c| (c.since, c.index));

    let mut plan = Plan { days: Vec::new(), beyond: Vec::new() };
    let mut waiting: Vec<Waiting> = Vec::new();
    let mut next = 0;
    for n in 0..days {
        let day = first + Duration::days(n.into());
        let arrived = candidates[next..].partition_point(|c| c.since <= day);
        waiting.extend((next..next + arrived).map(|at| Waiting {
            at: at as u32,
            account: AccountId(0),
            score: 0.0,
            forced: false,
            focus: false,
        }));
        next += arrived;
        let (mut forced, rest): (Vec<Waiting>, Vec<Waiting>) = waiting
            .drain(..)
            .filter_map(|w| candidates[w.at as usize].on(w.at, &personal_days, day, config))
            .partition(|w| w.forced);
        forced.sort_unstable_by(by_waiting_score);
        let base = if n == 0 { std::mem::take(&mut kept_rows) } else { Vec::new() };
        let capacity = config.plan.capacity_on(day) as usize;
        let free = capacity.saturating_sub(base.len() + forced.len());
        let target = (share * capacity as f64).round() as usize;
        let focus_had = base.iter().filter(|r| r.focus).count() + forced.iter().filter(|w| w.focus).count();
        let (mut focus, others): (Vec<Waiting>, Vec<Waiting>) = rest.into_iter().partition(|w| w.focus);
        let mut unreserved = take_best(&mut focus, target.saturating_sub(focus_had).min(free));
        unreserved.extend(others);
        let left = take_best(&mut unreserved, free - focus.len());

        let candidates = &candidates;
        let personal_days = &personal_days;
        let planned = |rows: Vec<Waiting>, slot: Slot| {
            rows.into_iter().filter_map(move |w| {
                let mut planned =
                    Planned::of(&candidates[w.at as usize], summaries, personal_days, slot, day, config)?;
                let summary = &summaries[planned.index];
                // Only the first day has rows done: worked out on the full row.
                if n == 0 {
                    let row = planned.row(summary, config);
                    planned.status = kept_status(summary, row.as_ref(), day).unwrap_or(Status::Open);
                }
                Some(planned)
            })
        };
        let mut rows: Vec<Planned> = base;
        rows.extend(planned(forced, Slot::Promise));
        rows.extend(planned(focus, Slot::Focus));
        rows.extend(planned(unreserved, Slot::Score));
        // Open rows by slot, then score; done rows last, as they were.
        rows.sort_by(|a, b| {
            if a.is_done() || b.is_done() {
                a.is_done().cmp(&b.is_done())
            } else {
                a.slot.cmp(&b.slot).then(b.score.total_cmp(&a.score)).then(a.account.cmp(&b.account))
            }
        });
        plan.days.push(DayPlan { date: day, capacity, rows });

        if n + 1 < days {
            waiting = left;
        } else {
            let mut beyond = left;
            beyond.sort_unstable_by(by_waiting_score);
            let after = day + Duration::days(1);
            plan.beyond = beyond
                .into_iter()
                .filter_map(|w| {
                    let mut planned = Planned::of(
                        &candidates[w.at as usize],
                        summaries,
                        personal_days,
                        Slot::Score,
                        day,
                        config,
                    )?;
                    planned.day = after;
                    Some(planned)
                })
                .collect();
        }
    }
    plan
}

#[cfg(test)]
mod tests;
