//! The daily plan: what a rep can do in a day, chosen from everything due.
//!
//! Each working day holds at most its capacity (`[plan] capacity`, or the
//! weekday's; a day with none plans nothing and everything waits):
//!
//! 1. Every promised follow-up due or overdue (a promise is a promise, even
//!    over capacity), a greeting on its day, and the dated greetings of key
//!    accounts and VIPs that must go today for all of them to go by their
//!    deadline (a gift a few days before the festival). Key accounts first,
//!    C and D prospects last.
//! 2. The rest of the day by the 80/20 rule, in effort rather than rows
//!    (a visit weighs 5, a call 2, an SMS 1; `[focus.effort]`): while the
//!    key accounts have less than `[plan] key_share` (the focus
//!    `effort_target`) of the day's planned effort, the next row is theirs:
//!    work due first, else a key account brought forward by how long since
//!    it was last reached against its revenue (two days after a touch at
//!    the earliest; when those the day brought forward run out and it has
//!    other work, one reached yesterday and not in the three days before),
//!    proposed as a
//!    visit while the day has visits left (`[plan] visits_per_day`). Otherwise the next
//!    row is other work due, MGC accounts first, then by score. Spare room
//!    goes to MGC accounts brought forward by their room to grow.
//!
//! What does not fit waits for the next working day, where it competes
//! again, scored as of that day. Every account appears on one day at most.
//!
//! The schedule is a function of the book and the day alone, so asking
//! twice gives the same plan, and tomorrow's plan after today's was worked
//! is what today said it would be, apart from what the work changed. The
//! first day's rows as they stood at its first change are kept (the
//! `kept` entries): working them does not pull others in, and a row stays
//! in the plan, done, once its account got a touch, an order, or its
//! follow-up was closed.

use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDate};

use super::due::Reason;
use super::focus::EffortWeights;
use super::ranking::{
    Due, Marks, Personal, Ranked, YearDays, best_channel, best_remote_channel, personal, unanswered_sms,
};
pub use super::reason::Done;
use crate::config::Config;
use crate::domain::{
    AccountId, AccountSummary, FollowUpId, Grade, Money, PlanEntry, RowKind, Slot, Stage, TouchKind,
};

/// The most days one plan looks ahead.
pub const MAX_DAYS: u32 = 60;

/// Days after a touch that reached a key account before the plan brings it
/// forward again; an MGC waits longer.
const KEY_GAP: i64 = 2;
const GROWABLE_GAP: i64 = 7;

/// Below the target by more than this, the day says why.
const SHORT_BY: f64 = 0.05;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Open,
    /// The account got a touch or an order that day, or its follow-up was
    /// closed.
    Done,
}

/// Why the plan brought an account forward with nothing due.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Forward {
    /// An MGC account (room to grow), not a key account.
    pub growable: bool,
    /// Days since the last touch that reached them, and its channel; none
    /// when nothing reached them yet.
    pub since: Option<(i64, TouchKind)>,
    /// A key account's share of the book's revenue over 12 months.
    pub revenue_share: f64,
    /// An MGC's potential beyond its revenue.
    pub headroom: Money,
}

/// A share as a rep reads it: "7%", and "0.4%" where a whole percent would
/// say nothing.
pub fn share_words(share: f64) -> String {
    let percent = share * 100.0;
    if percent > 0.0 && percent < 1.0 { format!("{percent:.1}%") } else { format!("{percent:.0}%") }
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
    pub key_account: bool,
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
    /// The day its work fell due, however long ago (the plan's day for a
    /// row brought forward).
    pub due_since: NaiveDate,
    pub status: Status,
    /// The channel the plan proposes when it is the plan's own choice (a
    /// visit to a key account); otherwise the row's (see [`Planned::channel`]).
    pub channel: Option<TouchKind>,
    /// Why an account with nothing due was brought forward.
    pub forward: Option<Forward>,
    /// The last useful day of the greeting it carries (a key account's or
    /// a VIP's: the plan keeps it).
    pub deadline: Option<NaiveDate>,
}

impl Planned {
    pub fn is_done(&self) -> bool {
        self.status == Status::Done
    }

    /// The row as of its day: reasons, channel, lateness. None for a row
    /// done with nothing due any more, and for a row brought forward.
    pub fn row(&self, summary: &AccountSummary, config: &Config) -> Option<Ranked> {
        self.due?.row(self.index, summary, self.day, config)
    }

    /// How to reach out: the plan's proposal, else the row's channel.
    pub fn channel(&self, summary: &AccountSummary, config: &Config) -> TouchKind {
        if let Some(channel) = self.channel {
            return channel;
        }
        match self.row(summary, config) {
            Some(row) => row.channel(summary, config),
            None => best_channel(summary, sms_tired(summary, self.day, config)),
        }
    }

    /// Why it is on the plan as of `on` (its day, or today for a row a
    /// screen shows among today's); none for a row done with nothing due
    /// any more.
    pub fn reasons(&self, summary: &AccountSummary, on: NaiveDate, config: &Config) -> Vec<Reason> {
        match (self.forward, self.row(summary, config)) {
            (Some(forward), _) => vec![Reason::Forward(forward)],
            (None, Some(row)) => row.reasons(summary, on, config),
            (None, None) => Vec::new(),
        }
    }

    /// Days it waited for a slot within this plan.
    pub fn deferred_days(&self) -> i64 {
        (self.day - self.since).num_days()
    }

    /// How a row done on its day was done: the touch's channel and time,
    /// an order, or the follow-up closed.
    pub fn done(&self, summary: &AccountSummary) -> Done {
        match summary.last_touch.filter(|t| t.date() == self.day) {
            Some(at) => Done::Touch { kind: summary.touch_days.newest_kinds(1).next(), at },
            None if summary.last_order.is_some_and(|t| t.date() == self.day) => Done::Order,
            None => Done::Closed,
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
        let (kind, due_since, score, greeting) = c.due.on(day, config, c.personal(personal))?;
        let follow_up = c.due.promise_index().filter(|_| kind == RowKind::FollowUp);
        Some(Planned {
            index: c.index as usize,
            account: summary.id,
            kind,
            follow_up: follow_up.and_then(|i| summary.pending.get(i)).map(|f| f.id),
            slot,
            focus: c.due.focus,
            key_account: c.due.key_account,
            score,
            due: Some(c.due),
            day,
            since: c.since,
            due_since,
            status: Status::Open,
            channel: None,
            forward: None,
            deadline: greeting.filter(|_| c.due.greets).map(|g| g.deadline),
        })
    }
}

fn sms_tired(summary: &AccountSummary, day: NaiveDate, config: &Config) -> bool {
    unanswered_sms(summary, day, config) >= config.sms.unanswered as usize
}

/// Why a day's plan gives the key accounts less than their share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortfall {
    /// Promises and dated greetings took the day.
    Promises,
    /// Every key account is on the day's plan already, was reached in the
    /// last days, or has a promise of its own on another day: none is left
    /// to bring forward.
    KeyAccountsWorked,
}

impl Shortfall {
    /// The name scripts read (`plan --json`).
    pub fn as_str(self) -> &'static str {
        match self {
            Shortfall::Promises => "promises",
            Shortfall::KeyAccountsWorked => "key_accounts_worked",
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
    /// The day's planned effort, weighed by channel, and the key accounts'
    /// part of it.
    pub effort: f64,
    pub effort_key: f64,
    /// The key accounts' target share of the effort (`[plan] key_share`;
    /// 0 when the book has no key account). The plan aims a little above
    /// it while the effort of the last weeks fell short, below while it
    /// ran over.
    pub target: f64,
    /// Why the day's key share falls short of the target, when it does.
    pub shortfall: Option<Shortfall>,
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

    /// The key accounts' share of the day's planned effort.
    pub fn key_share(&self) -> f64 {
        if self.effort > 0.0 { self.effort_key / self.effort } else { 0.0 }
    }

    /// Dated greetings planned after their last useful day.
    pub fn late(&self) -> impl Iterator<Item = &Planned> {
        self.rows.iter().filter(|r| !r.is_done() && r.deadline.is_some_and(|d| d < r.day))
    }

    /// The rows as the day record keeps them.
    pub fn entries(&self) -> Vec<PlanEntry> {
        self.rows
            .iter()
            .map(|r| PlanEntry {
                account: r.account,
                kind: r.kind,
                follow_up: r.follow_up,
                slot: r.slot,
                channel: r.channel,
            })
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
fn kept_status(
    summary: &AccountSummary,
    live: Option<&Ranked>,
    forward: bool,
    day: NaiveDate,
) -> Option<Status> {
    let touched = summary.last_touch.filter(|t| t.date() == day);
    let ordered = summary.last_order.is_some_and(|t| t.date() == day);
    let acted = touched.is_some() || ordered || summary.last_closed == Some(day);
    let open = match live {
        // Brought forward with nothing due: open until worked.
        None => forward && summary.is_active() && summary.pending.iter().all(|f| f.due > day) && !acted,
        // A promise made after the day's touch is new work for the row.
        Some(row) => match row.follow_up(summary) {
            Some(f) => touched.is_none_or(|t| f.created_at > t),
            // A greeting stays until the greeting is made (then the row is
            // gone): a call or an order does not greet.
            None if row.kind == RowKind::Holiday => true,
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
/// candidate is kept small: its account id is here rather than read from
/// the summary, and its birthday and anniversary greetings, which few
/// have, are in a table beside.
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
    /// A promise due, or a greeting on its day: always planned.
    forced: bool,
    /// A dated greeting the plan keeps (a key account's or a VIP's).
    deadline: Option<NaiveDate>,
    key: bool,
    focus: bool,
    /// Its place among the forced rows: key accounts and dated greetings
    /// first, C and D prospects last.
    class: u8,
}

impl Candidate {
    /// Scored for `day`; None when it has nothing due that day.
    fn on(
        &self,
        at: u32,
        personal: &PersonalDays,
        day: NaiveDate,
        config: &Config,
        summaries: &[AccountSummary],
    ) -> Option<Waiting> {
        let (kind, _, score, greeting) = self.due.on(day, config, self.personal(personal))?;
        // A greeting after the day is too late: on the day itself it is a promise.
        let on_its_day = kind == RowKind::Holiday && greeting.is_some_and(|g| g.day == day);
        let forced = kind == RowKind::FollowUp || on_its_day;
        let deadline = greeting.filter(|_| self.due.greets && kind == RowKind::Holiday).map(|g| g.deadline);
        let minor =
            matches!(summaries[self.index as usize].stage, Stage::Prospect { grade: Grade::C | Grade::D });
        let class = if self.due.key_account || on_its_day || deadline.is_some() {
            0
        } else if minor {
            2
        } else {
            1
        };
        Some(Waiting {
            at,
            account: self.account,
            score,
            forced,
            deadline,
            key: self.due.key_account,
            focus: self.due.focus,
            class,
        })
    }

    fn personal<'a>(&self, personal: &'a PersonalDays) -> Option<&'a Personal> {
        if self.due.personal_in_range { personal.get(&self.index) } else { None }
    }
}

fn by_waiting_score(a: &Waiting, b: &Waiting) -> std::cmp::Ordering {
    b.score.total_cmp(&a.score).then(a.account.cmp(&b.account))
}

/// Keeps the best `k` of `rows` (by `order`), sorted, and returns the rest.
fn take_best(
    rows: &mut Vec<Waiting>,
    k: usize,
    order: impl Fn(&Waiting, &Waiting) -> std::cmp::Ordering,
) -> Vec<Waiting> {
    if k == 0 {
        return std::mem::take(rows);
    }
    if k < rows.len() {
        rows.select_nth_unstable_by(k - 1, &order);
    }
    let rest = rows.split_off(k.min(rows.len()));
    rows.sort_unstable_by(order);
    rest
}

/// The dated greetings that must go today for every one of them to go by
/// its deadline, given the working days left before it (earliest
/// deadline first; those already late all go).
fn due_by_deadline(dated: &mut Vec<Waiting>, day: NaiveDate, config: &Config) -> Vec<Waiting> {
    dated.sort_unstable_by(|a, b| a.deadline.cmp(&b.deadline).then(by_waiting_score(a, b)));
    let mut must = 0;
    for (k, w) in dated.iter().enumerate() {
        let deadline = w.deadline.unwrap_or(day);
        let working = day
            .iter_days()
            .take_while(|d| *d <= deadline)
            .take(MAX_DAYS as usize)
            .filter(|d| config.plan.capacity_on(*d) > 0)
            .count();
        must = must.max(if working == 0 { k + 1 } else { (k + 1).div_ceil(working) });
    }
    let rest = dated.split_off(must.min(dated.len()));
    std::mem::replace(dated, rest)
}

/// The key accounts' share of each day's effort the plan aims at: the
/// target, and more while the effort of the last weeks fell short of it,
/// so that the share a rep lives, the one Focus measures, comes back to the
/// target. Never less: weeks over the target leave the window, and a plan
/// that aimed low meanwhile would fall short when they do.
fn day_share(marks: &Marks, config: &Config) -> f64 {
    if marks.key_accounts.is_empty() {
        return 0.0;
    }
    let target = config.plan.key_share(&config.focus);
    match marks.effort_share_key {
        Some(lived) if target > 0.0 => (2.0 * target - lived).clamp(target, (target + 0.15).min(0.95)),
        _ => target,
    }
}

/// A day's planned effort, and the key accounts' part of it.
#[derive(Default)]
struct DayEffort {
    all: f64,
    key: f64,
}

impl DayEffort {
    fn add(&mut self, weight: f64, key_account: bool) {
        self.all += weight;
        if key_account {
            self.key += weight;
        }
    }
}

/// The key and MGC accounts the plan may bring forward when they have
/// nothing due: active, with no follow-up due soon.
struct Forwardable {
    index: u32,
    growable: bool,
    /// The day of its earliest follow-up, if it has one.
    promised: Option<NaiveDate>,
    /// Revenue over 12 months (key accounts) or room to grow (MGC), and
    /// how much more often than the average it is brought forward.
    value: Money,
    weight: f64,
}

fn forwardable(summaries: &[AccountSummary], marks: &Marks, today: NaiveDate) -> Vec<Forwardable> {
    if marks.key_accounts.is_empty() && marks.growable.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<Forwardable> = summaries
        .iter()
        .enumerate()
        .filter(|(_, s)| s.is_active())
        .filter_map(|(index, s)| {
            let key = marks.key_accounts.contains(&s.id);
            let growable = !key && marks.growable.contains(&s.id);
            let value = match (key, growable) {
                (true, _) => s.revenue_12m(today),
                (false, true) => {
                    Money(s.potential.unwrap_or(Money::ZERO).0.saturating_sub(s.revenue_12m(today).0))
                }
                (false, false) => return None,
            };
            let promised = s.pending.iter().map(|f| f.due).min();
            Some(Forwardable { index: index as u32, growable, promised, value, weight: 1.0 })
        })
        .collect();
    // The more an account is worth beside the others of its kind, the
    // sooner it comes back: by the square root, so the big ones come
    // more often without starving the rest.
    for growable in [false, true] {
        let values: Vec<f64> =
            out.iter().filter(|f| f.growable == growable).map(|f| f.value.0 as f64).collect();
        let mean = values.iter().sum::<f64>() / values.len().max(1) as f64;
        for f in out.iter_mut().filter(|f| f.growable == growable) {
            f.weight = if mean > 0.0 { (f.value.0 as f64 / mean).max(0.1).sqrt() } else { 1.0 };
        }
    }
    out
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
    let share = day_share(marks, config);
    let target = if share > 0.0 { config.plan.key_share(&config.focus) } else { 0.0 };
    let weights = EffortWeights::of(&config.focus);

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
        let forward = entry.kind == RowKind::Focus;
        let Some(status) = kept_status(summary, live.as_ref(), forward, first) else {
            on_first.insert(index, Status::Done);
            continue;
        };
        on_first.insert(index, status);
        let follow_up = live.as_ref().and_then(|r| r.follow_up(summary)).map(|f| f.id);
        let kind = live.as_ref().map_or(entry.kind, |r| r.kind);
        kept_rows.push(Planned {
            index,
            account: entry.account,
            kind,
            follow_up: follow_up.or(entry.follow_up),
            // A promise made today for today is a promise, whatever the
            // row was planned for.
            slot: if kind == RowKind::FollowUp && status == Status::Open {
                Slot::Promise
            } else {
                entry.slot
            },
            focus: marks.is_focus(entry.account),
            key_account: marks.key_accounts.contains(&entry.account),
            score: live.as_ref().map_or(0.0, |r| r.score),
            due: due.filter(|_| live.is_some()),
            day: first,
            since: first,
            due_since: live.as_ref().map_or(first, |r| r.due),
            status,
            channel: entry.channel,
            forward: (forward && live.is_none())
                .then(|| forward_of(summary, marks, !marks.key_accounts.contains(&entry.account), first)),
            deadline: None,
        });
    }

    // Accounts on the first day's kept rows wait for the second day (those
    // still open there are not planned twice, unless the day no longer has
    // room for them).
    let mut personal_days = PersonalDays::default();
    let year_days = YearDays::covering(first, end);
    let mut held: HashSet<u32> = HashSet::new();
    let mut candidates: Vec<Candidate> = summaries
        .iter()
        .enumerate()
        .filter_map(|(index, summary)| {
            let from = match on_first.get(&index) {
                Some(Status::Open) => first + Duration::days(1),
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
            if on_first.get(&(index as usize)) == Some(&Status::Open) {
                held.insert(index);
            }
            Some(Candidate { index, since, account: summary.id, due })
        })
        .collect();
    candidates.sort_unstable_by_key(|c| (c.since, c.index));
    let forwardable = forwardable(summaries, marks, first);

    let mut plan = Plan { days: Vec::new(), beyond: Vec::new() };
    let mut waiting: Vec<Waiting> = Vec::new();
    // Accounts planned on some day of this plan, by summary index: a day
    // after counts them as worked then.
    let mut planned_on: HashMap<u32, NaiveDate> = HashMap::new();
    let mut next = 0;
    for n in 0..days {
        let day = first + Duration::days(n.into());
        let arrived = candidates[next..].partition_point(|c| c.since <= day);
        waiting.extend((next..next + arrived).map(|at| Waiting {
            at: at as u32,
            account: AccountId(0),
            score: 0.0,
            forced: false,
            deadline: None,
            key: false,
            focus: false,
            class: 1,
        }));
        next += arrived;
        let capacity = config.plan.capacity_on(day) as usize;
        let mut base = if n == 0 { std::mem::take(&mut kept_rows) } else { Vec::new() };
        if capacity == 0 {
            // A day off: nothing is planned, everything waits.
            plan.days.push(DayPlan {
                date: day,
                capacity,
                rows: base,
                effort: 0.0,
                effort_key: 0.0,
                target,
                shortfall: None,
            });
            continue;
        }
        let candidates = &candidates;
        let personal_days = &personal_days;
        let mut kept_back = Vec::new();
        let (mut forced, rest): (Vec<Waiting>, Vec<Waiting>) = waiting
            .drain(..)
            .filter_map(|w| {
                let index = candidates[w.at as usize].index;
                if n == 0 && held.contains(&index) {
                    kept_back.push(w);
                    return None;
                }
                // Brought forward on an earlier day of the plan: its work
                // counts as done then.
                if planned_on.contains_key(&index) {
                    return None;
                }
                candidates[w.at as usize].on(w.at, personal_days, day, config, summaries)
            })
            .partition(|w| w.forced);
        let (mut dated, mut rest): (Vec<Waiting>, Vec<Waiting>) =
            rest.into_iter().partition(|w| w.deadline.is_some());
        forced.extend(due_by_deadline(&mut dated, day, config));
        rest.append(&mut dated);
        forced.sort_unstable_by(|a, b| a.class.cmp(&b.class).then(by_waiting_score(a, b)));

        // A lower capacity than when the day's rows were kept: the open
        // rows that are not promises give way, the last first.
        let mut trimmed = Vec::new();
        while base.len() + forced.len() > capacity {
            match base.iter().rposition(|r| !r.is_done() && r.slot != Slot::Promise) {
                Some(at) => trimmed.push(base.remove(at).index as u32),
                None => break,
            }
        }
        let room = capacity.saturating_sub(base.len() + forced.len());

        let planned = |w: &Waiting, slot: Slot| -> Option<Planned> {
            let mut planned =
                Planned::of(&candidates[w.at as usize], summaries, personal_days, slot, day, config)?;
            // Only the first day has rows done: worked out on the full row.
            if n == 0 {
                let summary = &summaries[planned.index];
                let row = planned.row(summary, config);
                planned.status = kept_status(summary, row.as_ref(), false, day).unwrap_or(Status::Open);
            }
            Some(planned)
        };
        let mut rows: Vec<Planned> = base;
        rows.extend(forced.iter().filter_map(|w| planned(w, Slot::Promise)));
        let mut effort = DayEffort::default();
        // Visits the plan proposed (those promised come on top).
        let mut visits = 0;
        for row in &rows {
            let kind = row.channel(&summaries[row.index], config);
            visits += usize::from(kind == TouchKind::Visit && row.follow_up.is_none());
            effort.add(weights.of_kind(kind), row.key_account);
        }

        // The rest of the day, in effort: the key accounts' share first.
        let (mut key_due, mut others): (Vec<Waiting>, Vec<Waiting>) =
            rest.into_iter().partition(|w| w.key && share > 0.0);
        let mut left = take_best(&mut key_due, room, by_waiting_score);
        // MGC accounts with work due before the rest.
        let others_order = |a: &Waiting, b: &Waiting| b.focus.cmp(&a.focus).then(by_waiting_score(a, b));
        left.extend(take_best(&mut others, room, others_order));
        let mut key_due = key_due.into_iter();
        let mut others = others.into_iter();
        let on_plan: HashSet<u32> = rows.iter().map(|r| r.index as u32).collect();
        let waiting_now: HashSet<u32> = key_due
            .as_slice()
            .iter()
            .chain(others.as_slice())
            .chain(&left)
            .map(|w| candidates[w.at as usize].index)
            .collect();
        let pool = ForwardPool {
            forwardable: &forwardable,
            summaries,
            day,
            planned_on: &planned_on,
            on_plan: &on_plan,
            waiting: &waiting_now,
        };
        let mut forward_keys = pool.queue(false);
        let any_forward_keys = !forward_keys.is_empty();
        let mut again_keys = None;
        let mut forward_growable = Vec::new();
        let mut growable_ready = false;
        let mut picked = 0;
        let mut visits_left = (config.plan.visits_per_day as usize).saturating_sub(visits);
        while picked < room {
            let want_key = share > 0.0 && effort.key <= share * effort.all;
            let mut row = if want_key {
                key_due
                    .next()
                    .and_then(|w| planned(&w, Slot::Focus))
                    .or_else(|| {
                        forward_keys
                            .pop()
                            .map(|f| forward_row(&forwardable[f], summaries, marks, day, config))
                    })
                    .or_else(|| {
                        // Only a day with other work, whose key accounts
                        // due a touch ran out.
                        if effort.all <= effort.key || !any_forward_keys {
                            return None;
                        }
                        let again = again_keys.get_or_insert_with(|| pool.again());
                        again.pop().map(|f| forward_row(&forwardable[f], summaries, marks, day, config))
                    })
            } else {
                None
            };
            if row.is_none() {
                row =
                    others.next().and_then(|w| planned(&w, if w.focus { Slot::Focus } else { Slot::Score }));
            }
            if row.is_none() {
                row = key_due.next().and_then(|w| planned(&w, Slot::Focus));
            }
            if row.is_none() {
                if !growable_ready {
                    forward_growable = pool.queue(true);
                    growable_ready = true;
                }
                row = forward_growable
                    .pop()
                    .map(|f| forward_row(&forwardable[f], summaries, marks, day, config));
            }
            let Some(mut row) = row else { break };
            let summary = &summaries[row.index];
            // Big customers are visited, a few a day; calls and SMS for the
            // rest, whatever their usual channel, once the visits are taken.
            if row.follow_up.is_none() && row.kind != RowKind::Holiday {
                let tired = sms_tired(summary, day, config);
                let usual = row.channel(summary, config);
                let goes_there = matches!(usual, TouchKind::Visit | TouchKind::Meeting);
                if visits_left > 0 && row.key_account {
                    row.channel = Some(TouchKind::Visit);
                    visits_left -= 1;
                } else if goes_there {
                    row.channel = Some(best_remote_channel(summary, tired));
                } else if row.forward.is_some() {
                    row.channel = Some(best_channel(summary, tired));
                }
            }
            effort.add(weights.of_kind(row.channel(summary, config)), row.key_account);
            rows.push(row);
            picked += 1;
        }
        left.extend(key_due);
        left.extend(others);
        if n == 0 {
            left.extend(kept_back.into_iter().filter(|w| trimmed.contains(&candidates[w.at as usize].index)));
        }
        for row in &rows {
            planned_on.insert(row.index as u32, day);
        }
        // Open rows by slot, then score; done rows last, as they were.
        rows.sort_by(|a, b| {
            if a.is_done() || b.is_done() {
                a.is_done().cmp(&b.is_done())
            } else {
                a.slot.cmp(&b.slot).then(b.score.total_cmp(&a.score)).then(a.account.cmp(&b.account))
            }
        });
        let key_share = if effort.all > 0.0 { effort.key / effort.all } else { 0.0 };
        let shortfall = (target > 0.0 && effort.all > 0.0 && key_share < target - SHORT_BY)
            .then_some(if room == 0 { Shortfall::Promises } else { Shortfall::KeyAccountsWorked });
        let (effort, effort_key) = (effort.all, effort.key);
        plan.days.push(DayPlan { date: day, capacity, rows, effort, effort_key, target, shortfall });

        if n + 1 < days {
            waiting = left;
        } else {
            let mut beyond = left;
            for w in &mut beyond {
                if let Some(scored) =
                    candidates[w.at as usize].on(w.at, personal_days, day, config, summaries)
                {
                    *w = scored;
                }
            }
            beyond.sort_unstable_by(by_waiting_score);
            let after = day + Duration::days(1);
            plan.beyond = beyond
                .iter()
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

/// What a day's accounts to bring forward are drawn from: the forwardable
/// accounts, less those on the day's plan or waiting for it anyway.
struct ForwardPool<'a> {
    forwardable: &'a [Forwardable],
    summaries: &'a [AccountSummary],
    day: NaiveDate,
    planned_on: &'a HashMap<u32, NaiveDate>,
    on_plan: &'a HashSet<u32>,
    waiting: &'a HashSet<u32>,
}

impl ForwardPool<'_> {
    /// The accounts of one kind (key, or MGC) to bring forward, the most
    /// overdue for their worth last (popped first): none touched that
    /// day, or planned, or due anyway; none reached within its gap.
    fn queue(&self, growable: bool) -> Vec<usize> {
        self.within(growable, if growable { GROWABLE_GAP } else { KEY_GAP })
    }

    /// The key accounts reached yesterday and not in the three days
    /// before, for a day whose share the others cannot keep: the day after
    /// at the earliest, and never three days of four.
    fn again(&self) -> Vec<usize> {
        let day = self.day;
        let yesterday = day - Duration::days(1);
        let mut again = self.within(false, 1);
        again.retain(|&at| {
            let index = self.forwardable[at].index;
            let summary = &self.summaries[index as usize];
            // A day ahead counts the plan's own days as worked.
            let planned = self.planned_on.get(&index).copied();
            let reached_yesterday =
                summary.last_reached.is_some_and(|t| t.date() == yesterday) || planned == Some(yesterday);
            let (before_from, before_to) = (day - Duration::days(4), day - Duration::days(2));
            let touched_before = summary.touch_days.kinds_between(before_from, before_to).next().is_some()
                || planned.is_some_and(|p| (before_from..=before_to).contains(&p));
            reached_yesterday && !touched_before
        });
        again
    }

    fn within(&self, growable: bool, gap: i64) -> Vec<usize> {
        let Self { forwardable, summaries, day, planned_on, on_plan, waiting } = *self;
        let mut queue: Vec<(f64, usize)> = forwardable
            .iter()
            .enumerate()
            .filter(|(_, f)| {
                f.growable == growable && !on_plan.contains(&f.index) && !waiting.contains(&f.index)
            })
            // A promise of its own within the gap is its next touch.
            .filter(|(_, f)| f.promised.is_none_or(|p| p > day + Duration::days(gap)))
            .filter_map(|(at, f)| {
                let summary = &summaries[f.index as usize];
                let planned = planned_on.get(&f.index).copied();
                // An order is contact too.
                let ordered = summary.last_order.map(|t| t.date());
                // Tried lately (even unanswered) is not brought forward again:
                // a number nobody answers is not called every day.
                let touched = summary.last_touch.map(|t| t.date()).max(planned).max(ordered);
                if touched.is_some_and(|t| (day - t).num_days() < gap) {
                    return None;
                }
                let reached = summary.last_reached.map(|t| t.date()).max(planned).max(ordered);
                let since =
                    reached.map_or((day - summary.created).num_days().max(gap), |r| (day - r).num_days());
                (since >= gap).then_some((since as f64 * f.weight, at))
            })
            .collect();
        queue.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
        queue.into_iter().map(|(_, at)| at).collect()
    }
}

/// Why an account with nothing due is worth a touch now.
fn forward_of(summary: &AccountSummary, marks: &Marks, growable: bool, day: NaiveDate) -> Forward {
    let revenue = summary.revenue_12m(day);
    let headroom = Money(summary.potential.unwrap_or(Money::ZERO).0.saturating_sub(revenue.0));
    Forward {
        growable,
        since: summary
            .last_reached
            .zip(summary.last_reached_kind)
            .map(|(t, k)| ((day - t.date()).num_days(), k)),
        revenue_share: revenue.0 as f64 / marks.revenue_total.0.max(1) as f64,
        headroom,
    }
}

/// The row of an account brought forward.
fn forward_row(
    f: &Forwardable,
    summaries: &[AccountSummary],
    marks: &Marks,
    day: NaiveDate,
    config: &Config,
) -> Planned {
    let summary = &summaries[f.index as usize];
    Planned {
        index: f.index as usize,
        account: summary.id,
        kind: RowKind::Focus,
        follow_up: None,
        slot: Slot::Focus,
        focus: true,
        key_account: !f.growable,
        score: 0.0,
        due: Due::of(summary, config, marks),
        day,
        since: day,
        due_since: day,
        status: Status::Open,
        channel: None,
        forward: Some(forward_of(summary, marks, f.growable, day)),
        deadline: None,
    }
}

/// The promises that can wait when promises alone fill a day (a rep back
/// from a week away): the overdue follow-ups of C and D prospects, more
/// than `days` days late, the latest-due last; by account and follow-up.
pub fn can_wait(summaries: &[AccountSummary], today: NaiveDate, days: u32) -> Vec<(usize, FollowUpId)> {
    let mut out: Vec<(NaiveDate, usize, FollowUpId)> = summaries
        .iter()
        .enumerate()
        .filter(|(_, s)| s.is_active() && matches!(s.stage, Stage::Prospect { grade: Grade::C | Grade::D }))
        .flat_map(|(index, s)| {
            s.pending
                .iter()
                .filter(|f| (today - f.due).num_days() > i64::from(days))
                .map(move |f| (f.due, index, f.id))
        })
        .collect();
    out.sort_unstable();
    out.into_iter().map(|(_, index, id)| (index, id)).collect()
}

#[cfg(test)]
mod tests;
