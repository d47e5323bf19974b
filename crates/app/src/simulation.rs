//! A rep who follows the plan, day after day, on a demo book: the measure
//! of whether the plan keeps what the product promises (the 80/20 effort,
//! promises kept on their day, a backlog that stays bounded, a week away
//! recovered from). It works through the same services as the fronts, so
//! what it measures is what a rep who logs each row in the TUI or with
//! `leadline log` would live.
//!
//! Run by `cargo bench --bench simulate` (90 days, printed every 5 days)
//! and, 30 days long, by `tests/simulation.rs`.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use crate::analysis::focus::EffortWeights;
use crate::clock::{Clock, When};
use crate::config::Config;
use crate::demo::{DemoOptions, Dice};
use crate::domain::{AccountId, Direction, Money, Outcome, Stage, TouchKind};
use crate::i18n::Lang;
use crate::{App, AppResult, NextStep, OrderInput, TouchInput, Words};

/// A clock the simulation moves; the app reads it like any other.
#[derive(Clone, Debug)]
pub struct SimClock(Arc<AtomicI64>);

impl SimClock {
    pub fn new(now: NaiveDateTime) -> SimClock {
        SimClock(Arc::new(AtomicI64::new(now.and_utc().timestamp())))
    }

    pub fn set(&self, now: NaiveDateTime) {
        self.0.store(now.and_utc().timestamp(), Ordering::SeqCst);
    }
}

impl Clock for SimClock {
    fn now(&self) -> NaiveDateTime {
        chrono::DateTime::from_timestamp(self.0.load(Ordering::SeqCst), 0)
            .map_or_else(|| NaiveDateTime::new(NaiveDate::MIN, NaiveTime::MIN), |t| t.naive_utc())
    }
}

#[derive(Clone, Debug)]
pub struct SimOptions {
    /// Calendar days simulated, the first being `start`.
    pub days: u32,
    pub start: NaiveDateTime,
    pub seed: u64,
    /// Working days the rep is ill, spread over the period (not in the
    /// absence, not in its first week).
    pub sick_days: u32,
    /// A stretch of calendar days away: (first day, length), days counted
    /// from 0.
    pub absence: Option<(u32, u32)>,
    pub demo: DemoOptions,
}

impl Default for SimOptions {
    fn default() -> Self {
        SimOptions {
            days: 90,
            start: NaiveDate::from_ymd_opt(2026, 12, 7)
                .and_then(|d| d.and_hms_opt(8, 0, 0))
                .unwrap_or_default(),
            seed: 11,
            sick_days: 9,
            absence: Some((50, 7)),
            demo: DemoOptions { lang: Lang::En, ..DemoOptions::default() },
        }
    }
}

/// The settings the simulated rep works with: the defaults, with
/// weekends off.
pub fn sim_config() -> Config {
    let mut config = Config::default();
    config.plan.sat = Some(0);
    config.plan.sun = Some(0);
    config.backup.enabled = false;
    config
}

/// What one day looked like, in the evening (or, for a day not worked, at
/// its end).
#[derive(Clone, Debug, PartialEq)]
pub struct DayFigures {
    /// Counted from 0.
    pub day: u32,
    pub date: NaiveDate,
    /// The day had capacity and the rep was there.
    pub worked: bool,
    /// A working day (capacity above zero), worked or not.
    pub working: bool,
    /// Rows on the day's plan, and how many of them were done.
    pub planned: usize,
    pub done: usize,
    /// Due by the day but planned for a later one.
    pub later: usize,
    /// Promises still open whose day has passed, at the day's end.
    pub overdue_promises: usize,
    /// The key accounts' share of the effort over the focus window.
    pub key_share: f64,
    /// Key accounts longer without contact than their cadence.
    pub key_past_cadence: usize,
    /// Follow-ups due that day (made before it), and those answered that
    /// day: closed as done, or tried and nobody answered.
    pub promises_due: usize,
    pub promises_kept: usize,
    /// Of those kept, tried and nobody answered (the promise stays open).
    pub promises_tried: usize,
    /// Touches logged and their weighted effort, key accounts' part.
    pub touches: usize,
    pub effort: f64,
    pub effort_key: f64,
}

#[derive(Clone, Debug)]
pub struct SimReport {
    pub days: Vec<DayFigures>,
    pub target: f64,
    /// Accounts planned 5 worked days running for the same reason (the
    /// same follow-up, or the same kind of row with the same reason codes).
    pub stuck: Vec<(AccountId, u32)>,
    /// Accounts never planned on any worked day, and how many of them
    /// are VIP or large customers.
    pub never_planned: usize,
    pub never_planned_big: usize,
    pub accounts: usize,
}

/// Outcomes as the seed describes a day's work: calls reached 55% of the
/// time and unanswered 30%; visits and meetings happen; one SMS or email
/// in three gets a reply.
fn outcome_of(kind: TouchKind, dice: &mut Dice) -> Option<Outcome> {
    match kind {
        TouchKind::Call => Some(match dice.0.u32(0..100) {
            0..55 => Outcome::Reached,
            55..85 => Outcome::NoAnswer,
            85..90 => Outcome::Busy,
            _ => Outcome::LeftMessage,
        }),
        TouchKind::Visit | TouchKind::Meeting => Some(Outcome::Reached),
        TouchKind::Sms | TouchKind::Email => dice.chance(33).then_some(Outcome::Replied),
        TouchKind::Letter | TouchKind::Gift => None,
    }
}

/// What a touch on a row is for, as the TUI sets it from the row: the
/// greeting the row carries.
fn purpose_of(codes: &[&str]) -> crate::domain::Purpose {
    use crate::domain::Purpose;
    codes
        .iter()
        .find_map(|code| match *code {
            "greeting_holiday" => Some(Purpose::Festival),
            "greeting_birthday" => Some(Purpose::Birthday),
            "greeting_anniversary" => Some(Purpose::Anniversary),
            _ => None,
        })
        .unwrap_or(Purpose::Ordinary)
}

fn reached(outcome: Option<Outcome>) -> bool {
    matches!(outcome, Some(Outcome::Reached | Outcome::Replied))
}

/// Runs the simulation on a demo book in a new store in `dir`.
pub fn run(dir: &Path, options: &SimOptions) -> AppResult<SimReport> {
    run_with(dir, options, sim_config())
}

pub fn run_with(dir: &Path, options: &SimOptions, config: Config) -> AppResult<SimReport> {
    let clock = SimClock::new(options.start);
    let app = App::open(&dir.join("store"), Box::new(clock.clone()), config.clone(), Default::default())?;
    app.fill_demo(options.demo)?;
    // Dice of their own, so that the book's seed and the rep's stay apart.
    let mut dice = Dice(fastrand::Rng::with_seed(options.seed));
    let first = options.start.date();
    let absent: HashSet<u32> =
        options.absence.map(|(from, len)| (from..from + len).collect()).unwrap_or_default();
    let working = |n: u32| config.plan.capacity_on(first + Duration::days(n.into())) > 0;
    let mut sick: HashSet<u32> = HashSet::new();
    let candidates: Vec<u32> = (7..options.days).filter(|n| working(*n) && !absent.contains(n)).collect();
    while sick.len() < (options.sick_days as usize).min(candidates.len()) {
        sick.insert(candidates[dice.0.usize(0..candidates.len())]);
    }

    let mut report = SimReport {
        days: Vec::new(),
        target: config.focus.effort_target,
        stuck: Vec::new(),
        never_planned: 0,
        never_planned_big: 0,
        accounts: 0,
    };
    let mut ever_planned: HashSet<AccountId> = HashSet::new();
    let mut running: HashMap<AccountId, (String, u32)> = HashMap::new();
    let weights = EffortWeights::of(&config.focus);
    let weight = |kind: TouchKind| weights.of_kind(kind);

    for n in 0..options.days {
        let date = first + Duration::days(n.into());
        clock.set(date.and_hms_opt(8, 0, 0).unwrap_or(options.start));
        let is_working = working(n);
        let worked = is_working && !absent.contains(&n) && !sick.contains(&n);
        let morning = app.focus_report()?;
        let due_today: Vec<(crate::domain::FollowUpId, AccountId)> = morning
            .summaries
            .iter()
            .filter(|s| s.is_active())
            .flat_map(|s| s.pending.iter())
            .filter(|f| f.due == date && f.created_at.date() < date)
            .map(|f| (f.id, f.account))
            .collect();
        let key: HashSet<AccountId> =
            morning.focus.key_accounts().iter().map(|k| morning.summaries[k.index].id).collect();

        let mut touches = 0;
        let (mut effort, mut effort_key) = (0.0, 0.0);
        // Accounts tried today without reaching anyone: a promise of theirs
        // left open is kept (tried on its day), not broken.
        let mut tried: HashSet<AccountId> = HashSet::new();
        if worked {
            let mut minute = 0;
            for _pass in 0..3 {
                let agenda = app.agenda(1, Words::Today)?;
                let open: Vec<_> = agenda.first().rows.iter().filter(|r| !r.done).cloned().collect();
                if open.is_empty() {
                    break;
                }
                for row in open {
                    minute += 15;
                    // An incentive to deliver: the rep delivers it, and says so.
                    if row.reason_codes.contains(&"incentive") {
                        clock.set(
                            date.and_hms_opt(8, 0, 0).unwrap_or(options.start) + Duration::minutes(minute),
                        );
                        let ledger = app.referral_ledger()?;
                        let earned = ledger.rows.iter().find(|r| {
                            r.referral.referrer == row.account_id
                                && r.referral.incentive_status == crate::domain::IncentiveStatus::Earned
                        });
                        if let Some(earned) = earned {
                            app.deliver_incentive(earned.referral.id)?;
                            continue;
                        }
                    }
                    clock.set(date.and_hms_opt(8, 0, 0).unwrap_or(options.start) + Duration::minutes(minute));
                    let kind = row.channel;
                    let outcome = outcome_of(kind, &mut dice);
                    let promise = reached(outcome) && dice.chance(35);
                    // A rep promises a working day, within two weeks.
                    let next = promise.then(|| {
                        let day = config.plan.working_days_after(date, dice.0.u32(1..=10));
                        NextStep::On(When { date: day, time: None })
                    });
                    app.log_touch(&TouchInput {
                        account: row.account_id,
                        kind,
                        direction: Direction::Outbound,
                        outcome,
                        note: String::new(),
                        lesson: String::new(),
                        at: None,
                        next,
                        purpose: purpose_of(&row.reason_codes),
                        amount: None,
                        lower_grade: false,
                        lost_to: None,
                    })?;
                    if std::env::var("SIM_TRACE").ok().and_then(|t| t.parse::<u64>().ok())
                        == Some(row.account_id.0)
                    {
                        eprintln!(
                            "{date} #{} {:?} {kind} {outcome:?} next {next:?} reasons {:?}",
                            row.account_id, row.follow_up_id, row.reasons
                        );
                    }
                    touches += 1;
                    effort += weight(kind);
                    if key.contains(&row.account_id) {
                        effort_key += weight(kind);
                    }
                    if matches!(
                        outcome,
                        Some(Outcome::NoAnswer | Outcome::Busy | Outcome::LeftMessage | Outcome::WrongNumber)
                    ) {
                        tried.insert(row.account_id);
                    }
                    // A reached customer orders now and then, a key account
                    // more often; a hot prospect sometimes buys.
                    let summary = morning.summaries.iter().find(|s| s.id == row.account_id);
                    let order = match summary.map(|s| s.stage) {
                        Some(Stage::Customer { .. }) if reached(outcome) => {
                            dice.chance(if key.contains(&row.account_id) { 12 } else { 6 })
                        }
                        Some(Stage::Prospect { grade: crate::domain::Grade::A }) if reached(outcome) => {
                            dice.chance(4)
                        }
                        _ => false,
                    };
                    if order {
                        let revenue = summary.map_or(Money::ZERO, |s| s.revenue_12m(date));
                        let amount = Money((revenue.0 / 8).max(500_000) / 100 * 100);
                        app.record_order(&OrderInput {
                            account: row.account_id,
                            amount,
                            at: None,
                            note: String::new(),
                        })?;
                    }
                }
            }
        }

        clock.set(date.and_hms_opt(20, 0, 0).unwrap_or(options.start));
        let evening = app.focus_report()?;
        let agenda = app.agenda(1, Words::Today)?;
        let plan = agenda.first();
        if worked {
            let mut seen = HashSet::new();
            for row in &plan.rows {
                ever_planned.insert(row.account_id);
                seen.insert(row.account_id);
                let why = match row.follow_up_id {
                    Some(id) => format!("follow-up {id}"),
                    None => format!("{} {}", row.kind, row.reason_codes.join(",")),
                };
                let entry = running.entry(row.account_id).or_insert((why.clone(), 0));
                if entry.0 == why {
                    entry.1 += 1;
                } else {
                    *entry = (why, 1);
                }
                if entry.1 == 5 {
                    if std::env::var("SIM_DEBUG").is_ok() {
                        eprintln!("stuck: #{} on day {n}: {} ({:?})", row.account_id, entry.0, row.reasons);
                    }
                    report.stuck.push((row.account_id, n));
                }
            }
            running.retain(|id, _| seen.contains(id));
        }
        let pending: HashMap<crate::domain::FollowUpId, NaiveDate> =
            evening.summaries.iter().flat_map(|s| s.pending.iter()).map(|f| (f.id, f.due)).collect();
        let promises_closed = due_today.iter().filter(|(id, _)| !pending.contains_key(id)).count();
        let promises_tried = due_today
            .iter()
            .filter(|(id, account)| pending.contains_key(id) && tried.contains(account))
            .count();
        let key_past_cadence = evening
            .focus
            .key_accounts()
            .iter()
            .filter(|k| crate::analysis::ranking::cadence_due(&evening.summaries[k.index], &config) < date)
            .count();
        report.days.push(DayFigures {
            day: n,
            date,
            worked,
            working: is_working,
            planned: plan.rows.len(),
            done: plan.done(),
            later: agenda.later_count,
            overdue_promises: evening
                .summaries
                .iter()
                .filter(|s| s.is_active())
                .flat_map(|s| s.pending.iter())
                .filter(|f| f.due < date)
                .count(),
            key_share: evening.focus.effort_share_key,
            key_past_cadence,
            promises_due: if worked { due_today.len() } else { 0 },
            promises_kept: if worked { promises_closed + promises_tried } else { 0 },
            promises_tried: if worked { promises_tried } else { 0 },
            touches,
            effort,
            effort_key,
        });
    }
    let last = app.focus_report()?;
    report.accounts = last.summaries.iter().filter(|s| s.is_active()).count();
    let never: Vec<_> =
        last.summaries.iter().filter(|s| s.is_active() && !ever_planned.contains(&s.id)).collect();
    report.never_planned = never.len();
    report.never_planned_big = never
        .iter()
        .filter(|s| matches!(s.tier(), Some(crate::domain::Tier::Vip | crate::domain::Tier::Large)))
        .count();
    Ok(report)
}

impl SimReport {
    /// The goals the plan is held to (see docs/PERFORMANCE.md), each with
    /// the figure measured.
    pub fn goals(&self) -> Vec<Goal> {
        let from_30: Vec<&DayFigures> = self.days.iter().filter(|d| d.day >= 30).collect();
        let lowest = from_30.iter().map(|d| d.key_share).fold(f64::INFINITY, f64::min);
        let highest = from_30.iter().map(|d| d.key_share).fold(f64::NEG_INFINITY, f64::max);
        let due: usize = self.days.iter().map(|d| d.promises_due).sum();
        let kept: usize = self.days.iter().map(|d| d.promises_kept).sum();
        let tried: usize = self.days.iter().map(|d| d.promises_tried).sum();
        let kept_share = if due == 0 { 1.0 } else { kept as f64 / due as f64 };
        let mut goals = vec![
            Goal {
                name: "key share of effort within 5 points of the target from day 30 on",
                measured: format!(
                    "{:.1}% to {:.1}% (target {:.0}%)",
                    lowest * 100.0,
                    highest * 100.0,
                    self.target * 100.0
                ),
                met: from_30.is_empty() || (lowest >= self.target - 0.05 && highest <= self.target + 0.05),
            },
            Goal {
                name: "promises kept on their day (closed, or tried) of those due on worked days",
                measured: format!(
                    "{kept} of {due}: {:.1}% ({} closed, {tried} tried and still open)",
                    kept_share * 100.0,
                    kept - tried
                ),
                met: kept_share >= 0.9,
            },
        ];
        // `later` is what working days defer; a day off plans nothing.
        let working: Vec<&DayFigures> = self.days.iter().filter(|d| d.working).collect();
        if self.days.len() >= 60 && working.len() >= 25 {
            let last_day = self.days.len() as u32 - 1;
            let average = |days: &[&&DayFigures]| {
                days.iter().map(|d| d.later as f64).sum::<f64>() / days.len().max(1) as f64
            };
            let month: Vec<&&DayFigures> = working.iter().filter(|d| d.day + 30 > last_day).collect();
            let start = average(&month[..5.min(month.len())]);
            let end = average(&month[month.len().saturating_sub(5)..]);
            let most = month.iter().map(|d| d.later).max().unwrap_or(0);
            goals.push(Goal {
                name: "later bounded: no growth over the last 30 days",
                measured: format!(
                    "{start:.0} → {end:.0} (first and last 5 working days of the last 30; highest {most})"
                ),
                met: end <= start * 1.05 + 2.0,
            });
        }
        if let Some(recovery) = self.recovery() {
            goals.push(Goal {
                name: "back to the pre-absence backlog within 7 working days",
                measured: match recovery.1 {
                    Some(days) => format!("backlog {} before, back in {days} working days", recovery.0),
                    None => format!("backlog {} before, not back by the end", recovery.0),
                },
                met: recovery.1.is_some_and(|d| d <= 7),
            });
        }
        goals.push(Goal {
            name: "no account planned 5 days running for the same reason",
            measured: format!("{} times", self.stuck.len()),
            met: self.stuck.is_empty(),
        });
        goals
    }

    /// The backlog (promises overdue and key accounts past their cadence)
    /// on the last working day before the absence, and how many working
    /// days after the return it took to get back to it. (`later`, the other
    /// accounts' cadence work deferred, is bounded by the book's size and
    /// measured on its own.)
    pub fn recovery(&self) -> Option<(usize, Option<usize>)> {
        let absent_from = self.days.iter().position(|d| {
            d.working && !d.worked && {
                // The absence: several working days not worked in a row.
                let next: Vec<_> = self.days[d.day as usize..].iter().filter(|x| x.working).take(3).collect();
                next.len() == 3 && next.iter().all(|x| !x.worked)
            }
        })?;
        let before = self.days[..absent_from].iter().rev().find(|d| d.worked)?;
        let backlog = |d: &DayFigures| d.overdue_promises + d.key_past_cadence;
        let target = backlog(before);
        let back = self.days[absent_from..]
            .iter()
            .skip_while(|d| !d.worked)
            .filter(|d| d.worked)
            .position(|d| backlog(d) <= target)
            .map(|p| p + 1);
        Some((target, back))
    }

    /// The figures every 5 days, as a table.
    pub fn table(&self) -> String {
        let mut out = String::from(
            "  day  date        planned  done  later  overdue  key share  key past cadence  worked\n",
        );
        for d in self.days.iter().filter(|d| (d.day + 1) % 5 == 0) {
            out.push_str(&format!(
                "  {:>3}  {}  {:>7}  {:>4}  {:>5}  {:>7}  {:>8.1}%  {:>16}  {}\n",
                d.day + 1,
                d.date,
                d.planned,
                d.done,
                d.later,
                d.overdue_promises,
                d.key_share * 100.0,
                d.key_past_cadence,
                if d.worked {
                    "yes"
                } else if d.working {
                    "away"
                } else {
                    "weekend"
                },
            ));
        }
        out
    }

    /// Working days the plan held more rows than the day's capacity.
    pub fn over_capacity_days(&self, capacity: usize) -> usize {
        self.days.iter().filter(|d| d.worked && d.planned > capacity).count()
    }

    /// The day's effort on key accounts, over the worked days.
    pub fn planned_key_share(&self) -> f64 {
        let (key, all) = self.days.iter().fold((0.0, 0.0), |(k, a), d| (k + d.effort_key, a + d.effort));
        if all == 0.0 { 0.0 } else { key / all }
    }
}

/// One of the goals, measured.
#[derive(Clone, Debug)]
pub struct Goal {
    pub name: &'static str,
    pub measured: String,
    pub met: bool,
}
