//! The daily plan with the names, phones and words a rep reads, and the
//! day record that keeps the plan from the day's first change on.

use crate::i18n::Text as _;
use crate::i18n::msg;
use leadline_i18n::msg_id;
use std::collections::{BTreeMap, HashSet};

use chrono::{Duration, NaiveDate, NaiveTime};

use super::store::{Records, Txn};
use super::{App, AppResult, BookView, Incentives};
use crate::analysis::plan::{self, Done, Plan, Planned, Shortfall, share_words};
use crate::analysis::ranking::{Marks, RowKind};
use crate::analysis::reason::Reason;
use crate::config::Config;
use crate::domain::{AccountId, AccountSummary, DayRecord, FollowUpId, PlanEntry, Slot, TouchKind};
use crate::i18n::Lang;

#[derive(Clone, Debug, PartialEq)]
pub struct TodayRow {
    pub account_id: AccountId,
    pub name: String,
    pub company: Option<String>,
    pub phone: Option<String>,
    pub kind: RowKind,
    pub slot: Slot,
    /// A key account or an MGC.
    pub focus: bool,
    pub done: bool,
    /// The follow-up the row is for; none for cadence and holiday rows.
    pub follow_up_id: Option<FollowUpId>,
    pub due: NaiveDate,
    pub due_time: Option<NaiveTime>,
    /// How to reach out (see `ranking::best_channel`); for a row done
    /// today, how it was done.
    pub channel: TouchKind,
    /// Days past due on the day it is planned for.
    pub days_overdue: i64,
    pub score: f64,
    pub reasons: Vec<String>,
    /// One code per reason, the same in every language (see
    /// `Ranked::coded_reasons`); `done` for a row done.
    pub reason_codes: Vec<&'static str>,
    /// The day it is planned for; for work no day of the plan had room
    /// for, the day after the plan.
    pub day: NaiveDate,
    /// Days it waited for room.
    pub deferred_days: i64,
    /// Why it got its day, in words.
    pub planned_because: String,
    /// A dated greeting's last useful day.
    pub deadline: Option<NaiveDate>,
}

/// One day of the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct DayList {
    pub date: NaiveDate,
    pub capacity: usize,
    /// Open rows in plan order, then the rows done.
    pub rows: Vec<TodayRow>,
    /// The key accounts' share of the day's planned effort, the share the
    /// plan aimed at, and why it fell short when it did.
    pub key_share: f64,
    pub target: f64,
    pub shortfall: Option<Shortfall>,
}

impl DayList {
    pub fn done(&self) -> usize {
        self.rows.iter().filter(|r| r.done).count()
    }

    /// Promises alone took more than the day's capacity.
    pub fn over_capacity(&self) -> bool {
        self.rows.len() > self.capacity
    }

    /// Dated greetings planned after their last useful day.
    pub fn late(&self) -> impl Iterator<Item = &TodayRow> {
        self.rows.iter().filter(|r| !r.done && r.deadline.is_some_and(|d| d < r.day))
    }
}

/// The plan of the coming days, in words.
#[derive(Clone, Debug, PartialEq)]
pub struct Agenda {
    /// Today first; the days after only when asked for (see [`Words`]).
    pub days: Vec<DayList>,
    /// Due by the first day but planned for a later one, or for none of
    /// the plan's days (when asked for).
    pub later: Vec<TodayRow>,
    /// How many are later, asked for or not.
    pub later_count: usize,
    /// Work due within the plan's days that none of them had room for
    /// (with the days after).
    pub beyond: Vec<TodayRow>,
    /// When promises alone fill the first day: how many of them can wait
    /// (`leadline triage`).
    pub can_wait: usize,
}

/// Which rows of a plan to put in words: building them costs more than
/// planning, so `today` words only what it prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Words {
    /// Today's rows.
    Today,
    /// Today's rows and the later ones.
    TodayAndLater,
    /// Every day, and what none has room for.
    Every,
}

impl Agenda {
    pub fn first(&self) -> &DayList {
        &self.days[0]
    }

    pub fn new(
        plan: &Plan,
        summaries: &[AccountSummary],
        config: &Config,
        which: Words,
        waited: &Waited,
    ) -> Agenda {
        let words = |rows: &mut dyn Iterator<Item = &Planned>| -> Vec<TodayRow> {
            rows.map(|p| today_row(p, &summaries[p.index], config, waited.days(p, config))).collect()
        };
        let days = if which == Words::Every { plan.days.len() } else { 1 };
        Agenda {
            days: plan.days[..days]
                .iter()
                .map(|d| DayList {
                    date: d.date,
                    capacity: d.capacity,
                    rows: words(&mut d.rows.iter()),
                    key_share: d.key_share(),
                    target: d.target,
                    shortfall: d.shortfall,
                })
                .collect(),
            later: if which == Words::Today { Vec::new() } else { words(&mut plan.later()) },
            later_count: plan.later().count(),
            beyond: if which == Words::Every { words(&mut plan.beyond.iter()) } else { Vec::new() },
            can_wait: 0,
        }
    }
}

/// "Key accounts get 41% of today's planned effort (target 60%): promises
/// fill the day." when the plan cannot keep the 80/20 share, and why.
pub fn shortfall_words(share: f64, target: f64, shortfall: Option<Shortfall>, lang: Lang) -> Option<String> {
    let why = match shortfall? {
        Shortfall::Promises => msg::PlanShortPromises.text(lang),
        Shortfall::KeyAccountsWorked => msg::PlanShortWorked.text(lang),
    };
    Some(msg::PlanShort { share: share_words(share), target: share_words(target), why }.text(lang))
}

/// "Past their last useful day: 李娟 (by 02-03)." for the dated greetings
/// planned too late, each a name and its deadline; none when there are none.
pub fn late_words<'a>(late: impl Iterator<Item = (&'a str, NaiveDate)>, lang: Lang) -> Option<String> {
    let each: Vec<String> = late
        .map(|(name, by)| {
            let by = by.format("%m-%d").to_string();
            msg::CliLateOne { name, by }.text(lang)
        })
        .collect();
    (!each.is_empty()).then(|| msg::CliLate { list: each.join(&msg::ListSeparator.text(lang)) }.text(lang))
}

/// The plans of past days, by day.
pub type PastPlans = BTreeMap<NaiveDate, Vec<PlanEntry>>;

/// Who was on the plan of each past working day, to count the days a row
/// really waited: the working days since its work fell due on which it
/// was not planned (a day it was planned and not worked was missed, not
/// deferred), and the working days ahead before its planned day.
#[derive(Debug, Default)]
pub struct Waited {
    today: NaiveDate,
    planned: BTreeMap<NaiveDate, HashSet<AccountId>>,
}

impl Waited {
    pub fn new(today: NaiveDate, past: &PastPlans) -> Waited {
        let planned =
            past.iter().map(|(day, plan)| (*day, plan.iter().map(|e| e.account).collect())).collect();
        Waited { today, planned }
    }

    pub fn days(&self, planned: &Planned, config: &Config) -> i64 {
        let working = |day: &NaiveDate| config.plan.capacity_on(*day) > 0;
        let before = match planned.due_since < self.today {
            true => self
                .planned
                .range(planned.due_since..self.today)
                .filter(|(day, accounts)| working(day) && !accounts.contains(&planned.account))
                .count(),
            false => 0,
        };
        let from = planned.due_since.max(self.today);
        let ahead = from.iter_days().take_while(|d| *d < planned.day).filter(working).count();
        (before + ahead) as i64
    }
}

/// Why a row got its day, as a rep reads it (`waited`: the working days
/// it waited for room).
pub fn planned_because(planned: &Planned, waited: i64, lang: Lang) -> String {
    let slot = match (planned.slot, planned.kind) {
        (Slot::Promise, RowKind::Holiday) => msg_id!("planned-holiday"),
        (Slot::Promise, _) => msg_id!("planned-promise"),
        (Slot::Focus, _) => msg_id!("planned-focus"),
        (Slot::Score, _) => msg_id!("planned-score"),
    };
    let slot = lang.text(slot);
    match waited {
        0 => slot,
        days => msg::PlannedWaited { slot, days }.text(lang),
    }
}

fn today_row(planned: &Planned, summary: &AccountSummary, config: &Config, waited: i64) -> TodayRow {
    let mut out = TodayRow {
        account_id: summary.id,
        name: summary.name.clone(),
        company: summary.company.clone(),
        phone: summary.phone.clone(),
        kind: planned.kind,
        slot: planned.slot,
        focus: planned.focus,
        done: planned.is_done(),
        follow_up_id: planned.follow_up,
        due: planned.day,
        due_time: None,
        channel: TouchKind::Call,
        days_overdue: 0,
        score: 0.0,
        reasons: Vec::new(),
        reason_codes: Vec::new(),
        day: planned.day,
        deferred_days: waited,
        planned_because: planned_because(planned, waited, config.ui.lang()),
        deadline: planned.deadline,
    };
    let reasons = if planned.is_done() { Vec::new() } else { planned.reasons(summary, planned.day, config) };
    if reasons.is_empty() {
        let done = planned.done(summary);
        out.channel = match done {
            Done::Touch { kind: Some(kind), .. } => kind,
            _ => TouchKind::Call,
        };
        out.reasons = vec![crate::i18n::reasons::done(done, &config.ui)];
        out.reason_codes = vec!["done"];
    } else {
        out.channel = planned.channel(summary, config);
        out.reason_codes = reasons.iter().map(Reason::code).collect();
        out.reasons = crate::i18n::reasons::reasons(&reasons, &config.ui);
        if let Some(row) = planned.row(summary, config) {
            out.due = row.due;
            out.due_time = row.follow_up(summary).and_then(|f| f.due_time);
            out.days_overdue = row.days_overdue(planned.day);
            out.score = row.score;
        }
    }
    out
}

impl App {
    /// Today's kept plan rows: none before the day's first change.
    pub fn kept_plan(&self, date: NaiveDate) -> AppResult<Vec<PlanEntry>> {
        Ok(self.store.day_record(date)?.map(|d| d.plan).unwrap_or_default())
    }

    /// The plan for `days` days from today, with `which` rows in words.
    pub fn agenda(&self, days: u32, which: Words) -> AppResult<Agenda> {
        let today = self.today();
        let summaries = self.store.summaries()?.items;
        let marks = self.marks(&summaries);
        let kept = self.kept_plan(today)?;
        let view = BookView { summaries: &summaries, incentives: &Incentives::default(), kept: &kept };
        let plan = view.plan(today, days, &self.config, &marks);
        let (past, _) = self.past_plans(today - Duration::days(plan::MAX_DAYS.into()), &summaries, &marks)?;
        let mut agenda = Agenda::new(&plan, &summaries, &self.config, which, &Waited::new(today, &past));
        if plan.first().over_capacity() {
            agenda.can_wait = view.can_wait(today, &self.config);
        }
        Ok(agenda)
    }

    /// The plans of the working days from `from` to yesterday as they stood
    /// at each day's end: the kept ones; the newest, kept before its last
    /// change, as the book left it; and those of the days since on which
    /// nothing was done (at most [`plan::MAX_DAYS`] back), as the book was
    /// then, which is the book as it is, nothing having changed since.
    /// Also the day records to write for those (see [`App::begin`]).
    pub(super) fn past_plans(
        &self,
        from: NaiveDate,
        summaries: &[AccountSummary],
        marks: &Marks,
    ) -> AppResult<(PastPlans, Vec<DayRecord>)> {
        let today = self.today();
        let yesterday = today - Duration::days(1);
        let recent = today - Duration::days(plan::MAX_DAYS.into());
        let records = self.store.day_records(from.min(recent), yesterday)?.items;
        let mut plans: BTreeMap<NaiveDate, Vec<PlanEntry>> =
            records.iter().map(|r| (r.date, r.plan.clone())).collect();
        let mut to_keep = Vec::new();
        let Some(newest) = records.last().filter(|r| r.date >= recent) else { return Ok((plans, to_keep)) };
        if !newest.closed {
            let entries =
                plan::plan(summaries, newest.date, 1, &self.config, marks, &newest.plan).first().entries();
            plans.insert(newest.date, entries.clone());
            to_keep.push(DayRecord { plan: entries, closed: true, ..newest.clone() });
        }
        for day in newest.date.iter_days().skip(1).take_while(|d| *d <= yesterday) {
            if self.config.plan.capacity_on(day) == 0 {
                continue;
            }
            let entries = plan::plan(summaries, day, 1, &self.config, marks, &[]).first().entries();
            plans.insert(day, entries.clone());
            to_keep.push(DayRecord { plan: entries, closed: true, ..DayRecord::new(day) });
        }
        Ok((plans, to_keep))
    }

    /// Whether the days before today are on record as they ended: the
    /// newest record closed, and no working day after it without one.
    fn past_days_kept(&self) -> AppResult<bool> {
        let today = self.today();
        let yesterday = today - Duration::days(1);
        let recent = today - Duration::days(plan::MAX_DAYS.into());
        Ok(match self.store.newest_day_record(recent, yesterday)? {
            None => true,
            Some(newest) => {
                newest.closed
                    && newest
                        .date
                        .iter_days()
                        .skip(1)
                        .take_while(|d| *d <= yesterday)
                        .all(|d| self.config.plan.capacity_on(d) == 0)
            }
        })
    }

    /// A transaction for one change. The day's first change keeps the
    /// day's plan as it stands before it, and so does every change while
    /// the kept plan is short of the day's capacity, so that a row worked
    /// stays in the plan, done, instead of making room for another.
    pub(super) fn begin(&self) -> Txn<'_> {
        let mut txn = self.store.begin();
        // The plan is kept for the rest of the day's sake: the change
        // itself goes through even if the plan cannot be worked out.
        let _ = self.keep_plan(&mut txn);
        txn
    }

    fn keep_plan(&self, txn: &mut Txn<'_>) -> AppResult<()> {
        let today = self.today();
        let record = self.store.day_record(today)?;
        let capacity = self.config.plan.capacity_on(today) as usize;
        let past_kept = self.past_days_kept()?;
        let full = record.as_ref().is_some_and(|r| r.plan.len() == capacity);
        if past_kept && (full || capacity == 0) {
            return Ok(());
        }
        let summaries = self.store.summaries()?.items;
        let marks = self.marks(&summaries);
        if !past_kept {
            for past in self.past_plans(today, &summaries, &marks)?.1 {
                txn.put_day_record(&past);
            }
        }
        if capacity == 0 && record.is_none() {
            return Ok(());
        }
        let mut record = record.unwrap_or_else(|| DayRecord::new(today));
        let plan = plan::plan(&summaries, today, 1, &self.config, &marks, &record.plan);
        let entries = plan.first().entries();
        if entries != record.plan {
            record.plan = entries;
            txn.put_day_record(&record);
        }
        Ok(())
    }
}
