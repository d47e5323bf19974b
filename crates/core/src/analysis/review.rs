//! The day's review: what was done, won, missed and let slip, who was
//! contacted and who was planned but not, and the streak of days with
//! the plan worked to zero.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::{Duration, NaiveDate};

use super::ranking::{cadence_due, cadence_due_as_of};
use crate::config::Config;
use crate::domain::{
    AccountId, AccountSummary, DayEntry, FollowUp, FollowUpId, FollowUpStatus, Money, Outcome, PlanEntry,
    RowKind, TouchKind,
};

/// One touch as the review lists it: its channel and outcome.
pub type TouchSeen = (TouchKind, Option<Outcome>);

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Review {
    pub date: Option<NaiveDate>,
    pub touches: usize,
    pub by_kind: BTreeMap<TouchKind, usize>,
    /// By outcome; touches without one count under None.
    pub by_outcome: BTreeMap<Option<Outcome>, usize>,
    /// Each account touched, with its touches (kind and outcome) in the
    /// order they came.
    pub contacted: Vec<(AccountId, Vec<TouchSeen>)>,
    pub orders: Vec<(AccountId, Money)>,
    pub orders_value: Money,
    pub follow_ups_done: usize,
    pub follow_ups_skipped: usize,
    pub follow_ups_snoozed: usize,
    /// The day's plan: how many rows, and those not worked (while the day
    /// lasts: still to do).
    pub planned: usize,
    pub planned_missed: Vec<PlanEntry>,
    /// Follow-ups due on the day and not done on it.
    pub missed: Vec<FollowUp>,
    /// Accounts whose cadence ran out on the day and that are still untouched.
    pub past_cadence: Vec<AccountId>,
    /// Days up to this one, in a row, whose plan was worked to zero (see
    /// [`review`]); today counts once it is.
    pub streak: u32,
}

/// What a review reads of the book, besides the day's entries.
pub struct Book<'a> {
    pub follow_ups: &'a [FollowUp],
    pub summaries: &'a [AccountSummary],
    /// Days with any touch or order, over the last year.
    pub active: &'a BTreeSet<NaiveDate>,
    /// The plans of the past days as they stood at each day's end: the
    /// kept ones, and those of days nothing was done on (see
    /// `App::past_plans`).
    pub plans: &'a BTreeMap<NaiveDate, Vec<PlanEntry>>,
    /// The day each archived account was archived.
    pub archived_on: &'a HashMap<AccountId, NaiveDate>,
    pub config: &'a Config,
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

/// Whether the rep dealt with the follow-up on `day`: closed, snoozed or
/// tried it.
fn acted_on(follow_up: &FollowUp, day: NaiveDate) -> bool {
    follow_up.closed_at.is_some_and(|c| c.date() == day)
        || follow_up.snoozed_at.iter().chain(&follow_up.attempted_at).any(|t| t.date() == day)
}

/// How the rows of a day's plan were worked: by a touch or an order that
/// day, the row's follow-up closed, snoozed or tried that day, or the
/// account archived that day. Only what happened on the day counts, so a
/// day's review reads the same whenever it is viewed.
struct Worked<'a> {
    summaries: HashMap<AccountId, &'a AccountSummary>,
    follow_ups: HashMap<FollowUpId, &'a FollowUp>,
    archived_on: &'a HashMap<AccountId, NaiveDate>,
}

impl<'a> Worked<'a> {
    fn new(book: &Book<'a>) -> Worked<'a> {
        Worked {
            summaries: book.summaries.iter().map(|s| (s.id, s)).collect(),
            follow_ups: book.follow_ups.iter().map(|f| (f.id, f)).collect(),
            archived_on: book.archived_on,
        }
    }

    fn row(&self, entry: &PlanEntry, day: NaiveDate) -> bool {
        let Some(summary) = self.summaries.get(&entry.account) else { return true };
        let touched = summary.touch_days.any_on(day) || summary.last_touch.is_some_and(|t| t.date() == day);
        let ordered = summary.revenue_days.iter().any(|(d, _)| *d == day);
        let follow_up = entry.follow_up.and_then(|id| self.follow_ups.get(&id));
        let handled = follow_up.is_some_and(|f| acted_on(f, day));
        let archived = self.archived_on.get(&entry.account).is_some_and(|d| *d == day);
        touched || ordered || handled || archived
    }

    /// Whether the promises made on `day` for that day were kept: each
    /// closed, snoozed or tried that day, or its account touched after it.
    fn promises_made(&self, follow_ups: &[FollowUp], day: NaiveDate) -> bool {
        follow_ups.iter().filter(|f| f.created_at.date() == day && f.due <= day).all(|f| {
            let acted = acted_on(f, day);
            let touched =
                self.summaries.get(&f.account).and_then(|s| s.last_touch).is_some_and(|t| t > f.created_at);
            acted || touched
        })
    }
}

/// Reviews `date`: `entries` are that day's touches and orders, `plan`
/// its plan (as it stood at the day's end; for today, as it stands).
///
/// The streak walks back from the day, at most a year; days off (no
/// capacity, nothing planned) neither count nor break it. A day with a
/// plan counts when every row of it was worked (a touch, even
/// unanswered, an order, its follow-up closed, snoozed or tried) and so
/// was every promise made that day for that day, and breaks the streak
/// otherwise, also a day nothing was done on; a day from before plans were
/// kept breaks it only when a promise was left overdue, and counts when
/// there was work. Today, not over yet, counts once worked to zero and
/// never breaks it.
pub fn review(
    date: NaiveDate,
    today: NaiveDate,
    entries: &[DayEntry],
    plan: &[PlanEntry],
    book: &Book<'_>,
) -> Review {
    let mut review = Review { date: Some(date), planned: plan.len(), ..Review::default() };
    let mut contacted: BTreeMap<AccountId, (usize, Vec<TouchSeen>)> = BTreeMap::new();
    for entry in entries {
        match entry {
            DayEntry::Touch { account, kind, outcome, .. } => {
                review.touches += 1;
                *review.by_kind.entry(*kind).or_default() += 1;
                *review.by_outcome.entry(*outcome).or_default() += 1;
                let order = contacted.len();
                contacted.entry(*account).or_insert((order, Vec::new())).1.push((*kind, *outcome));
            }
            DayEntry::Order { account, amount, .. } => {
                review.orders.push((*account, *amount));
                review.orders_value = review.orders_value.saturating_add(*amount);
            }
        }
    }
    let mut contacted: Vec<_> = contacted.into_iter().collect();
    contacted.sort_by_key(|(_, (order, _))| *order);
    review.contacted = contacted.into_iter().map(|(id, (_, touches))| (id, touches)).collect();

    for f in book.follow_ups {
        let closed_on_day = f.closed_at.is_some_and(|c| c.date() == date);
        match f.status {
            FollowUpStatus::Done if closed_on_day => review.follow_ups_done += 1,
            FollowUpStatus::Skipped if closed_on_day => review.follow_ups_skipped += 1,
            _ => {}
        }
        review.follow_ups_snoozed += f.snoozed_at.iter().filter(|t| t.date() == date).count();
    }

    let worked = Worked::new(book);
    review.planned_missed = plan.iter().filter(|e| !worked.row(e, date)).cloned().collect();
    if plan.is_empty() {
        // A day from before plans were kept: what the records say now.
        for f in book.follow_ups {
            let done_that_day =
                f.status == FollowUpStatus::Done && f.closed_at.is_some_and(|c| c.date() == date);
            if f.due == date && !done_that_day && f.created_at.date() <= date {
                review.missed.push(f.clone());
            }
        }
        review.past_cadence = book
            .summaries
            .iter()
            .filter(|s| s.is_active() && s.pending.is_empty() && cadence_due(s, book.config) == date)
            .map(|s| s.id)
            .collect();
    } else {
        // The promises of the day's plan left unworked, and the accounts
        // whose cadence ran out that day and were left off the plan: what
        // the book says of the day itself, whenever it is viewed.
        let by_id: HashMap<FollowUpId, &FollowUp> = book.follow_ups.iter().map(|f| (f.id, f)).collect();
        for e in &review.planned_missed {
            if let (RowKind::FollowUp, Some(f)) = (e.kind, e.follow_up.and_then(|id| by_id.get(&id))) {
                review.missed.push((*f).clone());
            }
        }
        let planned: HashSet<AccountId> = plan.iter().map(|e| e.account).collect();
        review.past_cadence = book
            .summaries
            .iter()
            .filter(|s| s.is_active() && !planned.contains(&s.id) && !s.touch_days.any_on(date))
            .filter(|s| cadence_due_as_of(s, date, book.config) == Some(date))
            .map(|s| s.id)
            .collect();
    }

    let due_days: BTreeSet<NaiveDate> = book.follow_ups.iter().map(|f| f.due).collect();
    let closing_days: BTreeSet<NaiveDate> =
        book.follow_ups.iter().filter_map(|f| f.closed_at).map(|t| t.date()).collect();
    let mut day = date;
    for _ in 0..366 {
        let plan = if day == date { Some(plan) } else { book.plans.get(&day).map(Vec::as_slice) }
            .filter(|p| !p.is_empty());
        let day_off = book.config.plan.capacity_on(day) == 0;
        let worked_to_zero = match plan {
            Some(rows) => {
                rows.iter().all(|e| worked.row(e, day)) && worked.promises_made(book.follow_ups, day)
            }
            // A day off, or one from before plans were kept.
            None if day_off => {
                day -= Duration::days(1);
                continue;
            }
            None => !book.follow_ups.iter().any(|f| open_at_end_of(f, day)),
        };
        if worked_to_zero {
            let had_work = plan.is_some()
                || book.active.contains(&day)
                || due_days.contains(&day)
                || closing_days.contains(&day);
            if had_work {
                review.streak += 1;
            }
        } else if day != today {
            break;
        }
        day -= Duration::days(1);
    }
    review
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDateTime;

    use super::*;
    use crate::domain::Uid;
    use crate::domain::{FollowUpReason, Grade, RowKind, Stage};

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn at(text: &str) -> NaiveDateTime {
        day(text).and_hms_opt(11, 0, 0).unwrap()
    }

    fn follow_up(id: u64, due: &str, closed: Option<&str>) -> FollowUp {
        FollowUp {
            id: FollowUpId(id),
            uid: Uid::NIL,
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
            from_outcome: None,
            attempts: 0,
            attempted_at: Vec::new(),
            rescheduled_at: Vec::new(),
        }
    }

    /// Reviews a day long over, with nothing but follow-ups and active days.
    fn streak_on(date: &str, follow_ups: &[FollowUp], active: &[&str]) -> u32 {
        let active: BTreeSet<NaiveDate> = active.iter().map(|d| day(d)).collect();
        let plans = BTreeMap::new();
        let archived_on = HashMap::new();
        let book = Book {
            follow_ups,
            summaries: &[],
            active: &active,
            plans: &plans,
            archived_on: &archived_on,
            config: &Config::default(),
        };
        review(day(date), day("2026-12-31"), &[], &[], &book).streak
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
        let book = Book {
            follow_ups: &follow_ups,
            summaries: &summaries,
            active: &BTreeSet::new(),
            plans: &BTreeMap::new(),
            archived_on: &HashMap::new(),
            config: &Config::default(),
        };
        let r = review(day("2026-11-26"), day("2026-11-30"), &[], &[], &book);
        assert_eq!(r.follow_ups_done, 1);
        assert_eq!(r.missed.iter().map(|f| f.id.0).collect::<Vec<_>>(), [2, 3]);
        assert_eq!(r.past_cadence, [AccountId(1)], "A grade: 3 days after 11-23");
    }

    fn entry(account: u64, follow_up: Option<u64>) -> PlanEntry {
        PlanEntry {
            account: AccountId(account),
            kind: if follow_up.is_some() { RowKind::FollowUp } else { RowKind::Cadence },
            follow_up: follow_up.map(FollowUpId),
            slot: crate::domain::Slot::Score,
            channel: None,
        }
    }

    #[test]
    fn the_streak_counts_the_days_whose_plan_was_worked_to_zero() {
        use crate::domain::TouchDays;
        // Account 1 called on 11-23, 11-24 and 11-26; account 2's
        // follow-up snoozed on 11-25; account 3 never worked.
        let mut one = AccountSummary::bare(1, Stage::Prospect { grade: Grade::A }, day("2026-10-01"));
        one.touch_days =
            TouchDays::new(["2026-11-23", "2026-11-24", "2026-11-26"].map(|d| (day(d), TouchKind::Call)));
        let two = AccountSummary::bare(2, Stage::Prospect { grade: Grade::A }, day("2026-10-01"));
        let three = AccountSummary::bare(3, Stage::Prospect { grade: Grade::A }, day("2026-10-01"));
        let summaries = [one, two, three];
        let mut snoozed = follow_up(9, "2026-11-28", None);
        snoozed.account = AccountId(2);
        snoozed.snoozed_at = vec![at("2026-11-25")];
        let follow_ups = [snoozed];
        let plans: BTreeMap<NaiveDate, Vec<PlanEntry>> = [
            ("2026-11-22", vec![entry(3, None)]),
            ("2026-11-23", vec![entry(1, None)]),
            ("2026-11-24", vec![entry(1, None)]),
            ("2026-11-25", vec![entry(2, Some(9))]),
        ]
        .into_iter()
        .map(|(d, plan)| (day(d), plan))
        .collect();
        let active = BTreeSet::new();
        let book = Book {
            follow_ups: &follow_ups,
            summaries: &summaries,
            active: &active,
            plans: &plans,
            archived_on: &HashMap::new(),
            config: &Config::default(),
        };
        let on =
            |date: &str, today: &str, plan: &[PlanEntry]| review(day(date), day(today), &[], plan, &book);

        // 11-26: its own plan (account 1) worked; 11-25 by the snooze;
        // 11-24 and 11-23 by calls; 11-22's row never worked: the end.
        let r = on("2026-11-26", "2026-11-30", &[entry(1, None)]);
        assert_eq!((r.streak, r.planned, r.planned_missed.len()), (4, 1, 0));
        // Today, with account 3 still to do: not yet counted, not broken.
        let r = on("2026-11-26", "2026-11-26", &[entry(1, None), entry(3, None)]);
        assert_eq!(r.streak, 3);
        assert_eq!(r.planned_missed, [entry(3, None)]);
        // The same day once over breaks it.
        assert_eq!(on("2026-11-26", "2026-11-27", &[entry(1, None), entry(3, None)]).streak, 0);
    }

    #[test]
    fn the_contacted_are_listed_once_each_with_their_touches_in_order() {
        use crate::domain::{Direction, TouchId};
        let touch = |account: u64, kind: TouchKind, outcome: Option<Outcome>| DayEntry::Touch {
            account: AccountId(account),
            touch: TouchId(1),
            kind,
            direction: Direction::Outbound,
            outcome,
        };
        let entries = [
            touch(7, TouchKind::Call, Some(Outcome::NoAnswer)),
            touch(3, TouchKind::Visit, None),
            touch(7, TouchKind::Sms, None),
        ];
        let active = BTreeSet::new();
        let book = Book {
            follow_ups: &[],
            summaries: &[],
            active: &active,
            plans: &BTreeMap::new(),
            archived_on: &HashMap::new(),
            config: &Config::default(),
        };
        let r = review(day("2026-11-26"), day("2026-11-26"), &entries, &[], &book);
        assert_eq!(r.touches, 3);
        assert_eq!(
            r.contacted,
            [
                (AccountId(7), vec![(TouchKind::Call, Some(Outcome::NoAnswer)), (TouchKind::Sms, None)]),
                (AccountId(3), vec![(TouchKind::Visit, None)])
            ]
        );
    }

    #[test]
    fn a_planned_day_nothing_was_done_on_breaks_the_streak_and_a_day_off_does_not() {
        use crate::domain::TouchDays;
        let mut one = AccountSummary::bare(1, Stage::Prospect { grade: Grade::A }, day("2026-10-01"));
        // Worked Monday 11-23 and Friday 11-27; away Tuesday to Thursday.
        one.touch_days = TouchDays::new(["2026-11-23", "2026-11-27"].map(|d| (day(d), TouchKind::Call)));
        let summaries = [one];
        let plans: BTreeMap<NaiveDate, Vec<PlanEntry>> =
            ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"]
                .into_iter()
                .map(|d| (day(d), vec![entry(1, None)]))
                .collect();
        let mut config = Config::default();
        config.plan.sat = Some(0);
        config.plan.sun = Some(0);
        let active = BTreeSet::new();
        let book = Book {
            follow_ups: &[],
            summaries: &summaries,
            active: &active,
            plans: &plans,
            archived_on: &HashMap::new(),
            config: &config,
        };
        let on = |date: &str| review(day(date), day("2026-12-01"), &[], &plans[&day(date)], &book);
        for away in ["2026-11-24", "2026-11-25", "2026-11-26"] {
            let r = on(away);
            assert_eq!(
                (r.streak, r.planned, r.planned_missed.len()),
                (0, 1, 1),
                "{away}: planned and missed"
            );
        }
        assert_eq!(on("2026-11-27").streak, 1, "back on Friday: one day");
        // Monday 11-30 worked too: the weekend neither counts nor breaks.
        let mut worked = summaries.clone();
        worked[0].touch_days =
            TouchDays::new(["2026-11-23", "2026-11-27", "2026-11-30"].map(|d| (day(d), TouchKind::Call)));
        let book = Book { summaries: &worked, ..book };
        let r = review(day("2026-11-30"), day("2026-12-01"), &[], &[entry(1, None)], &book);
        assert_eq!(r.streak, 2);
    }

    #[test]
    fn a_past_days_review_reads_the_same_whenever_it_is_viewed() {
        // Follow-up 5 was due 11-26 and left; on 11-27 it was snoozed to
        // 12-02, and account 2 was archived.
        let mut late = follow_up(5, "2026-12-02", None);
        late.snoozed_at = vec![at("2026-11-27")];
        late.status = FollowUpStatus::Snoozed;
        let mut tried = follow_up(6, "2026-11-27", None);
        tried.account = AccountId(3);
        tried.attempts = 1;
        tried.attempted_at = vec![at("2026-11-26")];
        let follow_ups = [late, tried];
        let mut archived = AccountSummary::bare(2, Stage::Prospect { grade: Grade::C }, day("2026-10-01"));
        archived.archived = Some(crate::domain::ArchiveReason::Lost);
        let summaries = [
            AccountSummary::bare(1, Stage::Prospect { grade: Grade::A }, day("2026-10-01")),
            archived,
            AccountSummary::bare(3, Stage::Prospect { grade: Grade::A }, day("2026-10-01")),
        ];
        let plan = [entry(1, Some(5)), entry(2, None), entry(3, Some(6))];
        let archived_on = HashMap::from([(AccountId(2), day("2026-11-27"))]);
        let book = Book {
            follow_ups: &follow_ups,
            summaries: &summaries,
            active: &BTreeSet::new(),
            plans: &BTreeMap::new(),
            archived_on: &archived_on,
            config: &Config::default(),
        };
        let r = review(day("2026-11-26"), day("2026-11-30"), &[], &plan, &book);
        assert_eq!(r.missed.iter().map(|f| f.id.0).collect::<Vec<_>>(), [5], "still missed on its day");
        assert_eq!(r.planned_missed, [entry(1, Some(5)), entry(2, None)], "archived the day after: missed");
        assert_eq!(r.planned - r.planned_missed.len(), 1, "the promise tried counts as worked");
    }
}
