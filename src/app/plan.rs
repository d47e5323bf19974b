//! The daily plan with the names, phones and words a rep reads, and the
//! day record that keeps the plan from the day's first change on.

use chrono::{NaiveDate, NaiveTime};

use super::store::{Records, Txn};
use super::{App, AppResult};
use crate::analysis::plan::{self, Plan, Planned};
use crate::analysis::ranking::RowKind;
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
}

/// One day of the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct DayList {
    pub date: NaiveDate,
    pub capacity: usize,
    /// Open rows in plan order, then the rows done.
    pub rows: Vec<TodayRow>,
}

impl DayList {
    pub fn done(&self) -> usize {
        self.rows.iter().filter(|r| r.done).count()
    }

    /// Promises alone took more than the day's capacity.
    pub fn over_capacity(&self) -> bool {
        self.rows.len() > self.capacity
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

    pub fn new(plan: &Plan, summaries: &[AccountSummary], config: &Config, which: Words) -> Agenda {
        let words = |rows: &mut dyn Iterator<Item = &Planned>| -> Vec<TodayRow> {
            rows.map(|p| today_row(p, &summaries[p.index], config)).collect()
        };
        let days = if which == Words::Every { plan.days.len() } else { 1 };
        Agenda {
            days: plan.days[..days]
                .iter()
                .map(|d| DayList { date: d.date, capacity: d.capacity, rows: words(&mut d.rows.iter()) })
                .collect(),
            later: if which == Words::Today { Vec::new() } else { words(&mut plan.later()) },
            later_count: plan.later().count(),
            beyond: if which == Words::Every { words(&mut plan.beyond.iter()) } else { Vec::new() },
        }
    }
}

/// Why a row got its day, as a rep reads it.
pub fn planned_because(planned: &Planned, lang: Lang) -> String {
    let slot = match (planned.slot, planned.kind) {
        (Slot::Promise, RowKind::Holiday) => "planned-holiday",
        (Slot::Promise, _) => "planned-promise",
        (Slot::Focus, _) => "planned-focus",
        (Slot::Score, _) => "planned-score",
    };
    let slot = lang.text(slot);
    match planned.deferred_days() {
        0 => slot,
        days => lang.text_with("planned-waited", &[("slot", slot.into()), ("days", days.into())]),
    }
}

fn today_row(planned: &Planned, summary: &AccountSummary, config: &Config) -> TodayRow {
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
        deferred_days: planned.deferred_days(),
        planned_because: planned_because(planned, config.ui.lang()),
    };
    match planned.row(summary, config) {
        Some(row) if !planned.is_done() => {
            out.channel = row.channel(summary, config);
            (out.reason_codes, out.reasons) =
                row.coded_reasons(summary, planned.day, config).into_iter().map(|r| (r.code, r.text)).unzip();
            out.due = row.due;
            out.due_time = row.follow_up(summary).and_then(|f| f.due_time);
            out.days_overdue = row.days_overdue(planned.day);
            out.score = row.score;
        }
        _ => {
            let (kind, words) = planned.done_words(summary, config.ui.lang());
            out.channel = kind.unwrap_or(TouchKind::Call);
            out.reasons = vec![words];
            out.reason_codes = vec!["done"];
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
        let plan = plan::plan(&summaries, today, days, &self.config, &marks, &kept);
        Ok(Agenda::new(&plan, &summaries, &self.config, which))
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
        let mut record = self.store.day_record(today)?.unwrap_or_else(|| DayRecord::new(today));
        if record.plan.len() >= self.config.plan.capacity_on(today) as usize {
            return Ok(());
        }
        let summaries = self.store.summaries()?.items;
        let marks = self.marks(&summaries);
        let plan = plan::plan(&summaries, today, 1, &self.config, &marks, &record.plan);
        let entries = plan.first().entries();
        if entries != record.plan {
            record.plan = entries;
            txn.put_day_record(&record);
        }
        Ok(())
    }
}
