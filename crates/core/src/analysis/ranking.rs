//! The daily call list: one row per account that needs contact today, with
//! a score and its reasons in words. A function of the account summaries,
//! the date and the config; it never reads touches.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};

use super::due::{self, Reason};

use crate::config::{Config, Holiday};
pub use crate::domain::RowKind;
use crate::domain::{AccountId, AccountSummary, FollowUp, FollowUpReason, MonthDay, Stage, TouchKind};

/// A set of accounts looked up once per account and day by the ranking
/// and the plan: a fast hash (ids are not chosen by an adversary).
pub type AccountSet = foldhash::HashSet<AccountId>;

/// Accounts the 80/20 analysis marks (see the focus report).
#[derive(Clone, Debug, Default)]
pub struct Marks {
    pub key_accounts: AccountSet,
    /// Prospects among the most growable: boosted in the ranking.
    pub big_potential: AccountSet,
    /// The most growable accounts (MGC), customers and prospects: with the
    /// key accounts, they get the plan's reserved slots.
    pub growable: AccountSet,
    /// The book's revenue over 12 months (a key account's share of it is
    /// its worth).
    pub revenue_total: crate::domain::Money,
    /// The key accounts' share of the effort over the focus window, when
    /// there was any effort: the plan leans against a shortfall.
    pub effort_share_key: Option<f64>,
}

impl Marks {
    /// A key account or an MGC: where the 80/20 rule sends the day.
    pub fn is_focus(&self, id: AccountId) -> bool {
        self.key_accounts.contains(&id) || self.growable.contains(&id)
    }
}

/// One row of the list: the account, why it is there and its score. The
/// reasons in words are built on demand (`reasons`), so ranking 100,000
/// accounts formats nothing; a screen formats only the rows it shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked {
    /// Position of the account in the summaries slice.
    pub index: usize,
    pub account: AccountId,
    pub kind: RowKind,
    /// Position in the account's `pending` of the most urgent due follow-up.
    pub follow_up: Option<usize>,
    /// Other follow-ups due on the same account.
    pub more_due: usize,
    /// When the row became due: the follow-up's date, the day the cadence
    /// ran out, or the first day of the holiday lead.
    pub due: NaiveDate,
    pub score: f64,
    /// The greeting due: a holiday, a birthday, an anniversary.
    pub greeting: Option<Greeting>,
    pub unanswered_sms: usize,
    pub key_account: bool,
    pub big_potential: bool,
    /// A key account or an MGC (see [`Marks::is_focus`]).
    pub focus: bool,
}

/// The account's cadence in days.
pub fn cadence_days(summary: &AccountSummary, config: &Config) -> u32 {
    match summary.stage {
        Stage::Prospect { grade } => config.cadence.for_grade(grade),
        Stage::Customer { tier, .. } => config.cadence.for_tier(tier),
    }
}

/// The latest contact as the cadence counts it: a touch, or an order
/// unless `[plan] orders_reset_cadence` is off.
pub fn last_contact(summary: &AccountSummary, config: &Config) -> Option<NaiveDateTime> {
    summary.last_contact(config.plan.orders_reset_cadence)
}

/// The day the cadence runs out: the last contact plus the cadence; for
/// an account never contacted, its first contact is due
/// `[plan] first_contact_days` after it was added (speed to first contact
/// is what wins a new lead).
pub fn cadence_due(summary: &AccountSummary, config: &Config) -> NaiveDate {
    match last_contact(summary, config) {
        Some(contact) => contact.date() + Duration::days(cadence_days(summary, config).into()),
        None => summary.created + Duration::days(config.plan.first_contact_days.into()),
    }
}

/// The day the cadence ran out as the book stood on the morning of `day`:
/// from the last touch (or order, when orders count) before it, by the
/// touches kept for the last year; None when that is not known.
pub fn cadence_due_as_of(summary: &AccountSummary, day: NaiveDate, config: &Config) -> Option<NaiveDate> {
    let before = day.pred_opt()?;
    let touched = summary.touch_days.iter().map(|(d, _)| d).filter(|d| *d <= before).max();
    let ordered = summary
        .revenue_days
        .iter()
        .map(|(d, _)| *d)
        .filter(|d| *d <= before && config.plan.orders_reset_cadence)
        .max();
    match touched.max(ordered) {
        Some(last) => Some(last + Duration::days(cadence_days(summary, config).into())),
        None if summary
            .last_contact(config.plan.orders_reset_cadence)
            .is_some_and(|t| t.date() <= before) =>
        {
            None
        }
        None => Some(summary.created + Duration::days(config.plan.first_contact_days.into())),
    }
}

/// Unanswered SMS within the rule's window ending on `today`.
pub fn unanswered_sms(summary: &AccountSummary, today: NaiveDate, config: &Config) -> usize {
    let from = today - Duration::days(i64::from(config.sms.within_days) - 1);
    summary.unanswered_sms.iter().filter(|t| t.date() >= from && t.date() <= today).count()
}

/// What a greeting row greets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Occasion {
    /// A holiday of the settings (its name is there, by day).
    Holiday,
    Birthday,
    /// So many years since the anniversary.
    Anniversary(i32),
}

/// A greeting due: on what day, for what, from when, and how.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Greeting {
    pub day: NaiveDate,
    pub occasion: Occasion,
    pub window_start: NaiveDate,
    pub action: TouchKind,
    /// The last day it is any use: the day itself for a greeting, a few
    /// days before for a gift (`[holidays] gift_days`), which must arrive.
    pub deadline: NaiveDate,
}

impl Greeting {
    fn new(
        day: NaiveDate,
        occasion: Occasion,
        window_start: NaiveDate,
        action: TouchKind,
        config: &Config,
    ) -> Greeting {
        let deadline = match action {
            TouchKind::Gift => (day - Duration::days(config.holidays.gift_days.into())).max(window_start),
            _ => day,
        };
        Greeting { day, occasion, window_start, action, deadline }
    }
}

/// Days ahead a birthday and an anniversary are greeted, by SMS.
const BIRTHDAY_LEAD: i64 = 2;
const ANNIVERSARY_LEAD: i64 = 3;

/// The contact's next personal days from `from` on: the birthday (of any
/// account that has one recorded), the anniversary (from its first year on).
fn personal_greetings(
    birthday: Option<MonthDay>,
    anniversary: Option<NaiveDate>,
    from: NaiveDate,
) -> Personal {
    let birthday = birthday.and_then(|b| {
        let day = b.next_from(from)?;
        let window_start = day - Duration::days(BIRTHDAY_LEAD);
        Some(Greeting {
            day,
            occasion: Occasion::Birthday,
            window_start,
            action: TouchKind::Sms,
            deadline: day,
        })
    });
    let anniversary = anniversary.and_then(|first| {
        let yearly = MonthDay { month: first.month(), day: first.day(), year: None };
        let day = yearly.next_from(from.max(first + Duration::days(1)))?;
        let window_start = day - Duration::days(ANNIVERSARY_LEAD);
        let years = day.year() - first.year();
        let occasion = Occasion::Anniversary(years);
        Some(Greeting { day, occasion, window_start, action: TouchKind::Sms, deadline: day })
    });
    [birthday, anniversary]
}

/// The days of the year (month and day) that some stretch of dates holds,
/// to tell at a glance whether an account's birthday or anniversary can
/// come up in a plan without working out dates for every account.
pub struct YearDays([bool; 13 * 32]);

impl YearDays {
    /// The days from `from` to `to`, and the greeting leads after `to`.
    pub fn covering(from: NaiveDate, to: NaiveDate) -> YearDays {
        let mut days = YearDays([false; 13 * 32]);
        let last = to + Duration::days(BIRTHDAY_LEAD.max(ANNIVERSARY_LEAD));
        for day in from.iter_days().take_while(|d| *d <= last).take(366) {
            days.0[(day.month() * 32 + day.day()) as usize] = true;
            if day.month() == 2 && day.day() == 28 {
                // February 29 is greeted on the 28th in other years.
                days.0[2 * 32 + 29] = true;
            }
        }
        days
    }

    fn holds(&self, month: u32, day: u32) -> bool {
        self.0.get((month * 32 + day) as usize).copied().unwrap_or(false)
    }

    /// Whether the account's birthday or anniversary is one of these days.
    pub fn has_personal(&self, summary: &AccountSummary) -> bool {
        summary.birthday.is_some_and(|b| self.holds(b.month, b.day))
            || summary.anniversary.is_some_and(|a| self.holds(a.month(), a.day()))
    }
}

/// The account's next birthday and anniversary greetings from `from` on.
/// Anniversaries are for the customers greeted at holidays too (key
/// accounts and VIPs): a greeting to every customer on its day would fill
/// the plan. `due` is the account's.
pub fn personal(summary: &AccountSummary, due: &Due, from: NaiveDate) -> Personal {
    let greeted = summary.tier().is_some() && may_greet(summary, due.key_account);
    let anniversary = summary.anniversary.filter(|_| greeted);
    if summary.birthday.is_none() && anniversary.is_none() {
        return [None, None];
    }
    personal_greetings(summary.birthday, anniversary, from)
}

/// An account's next birthday and anniversary greetings from some day on:
/// worked out once per account for all the days a plan covers (each comes
/// once a year, and a plan covers at most 60 days).
pub type Personal = [Option<Greeting>; 2];

/// Whether an account may be due a holiday greeting at all: key accounts
/// and VIP customers.
fn may_greet(summary: &AccountSummary, key_account: bool) -> bool {
    key_account || matches!(summary.stage, Stage::Customer { tier: crate::domain::Tier::Vip, .. })
}

/// The holiday whose greeting is due on `today` (see [`Due::greeting_on`]).
fn holiday_greeting(today: NaiveDate, config: &Config) -> Option<Greeting> {
    let holiday: Holiday = config.holidays.greeting_due(today)?;
    Some(Greeting::new(holiday.day, Occasion::Holiday, holiday.window_start(), holiday.action, config))
}

/// How to reach an account for contact it is due: the kind most of its
/// newest ten touches had, among those that can still reach it (a call or
/// an SMS needs a phone, an email an address, and SMS is out while too
/// many go unanswered); without such a history, a call, else an email,
/// else a visit.
pub fn best_channel(summary: &AccountSummary, sms_fatigue: bool) -> TouchKind {
    usual_channel(summary, sms_fatigue, true)
}

/// The best channel short of going there: for a day whose visits are
/// taken.
pub fn best_remote_channel(summary: &AccountSummary, sms_fatigue: bool) -> TouchKind {
    usual_channel(summary, sms_fatigue, false)
}

fn usual_channel(summary: &AccountSummary, sms_fatigue: bool, visits: bool) -> TouchKind {
    let usable = |kind: TouchKind| match kind {
        TouchKind::Call => summary.phone.is_some(),
        TouchKind::Sms => summary.phone.is_some() && !sms_fatigue,
        TouchKind::Email => summary.has_email,
        TouchKind::Visit | TouchKind::Meeting => visits,
        // Greetings are not how an account is kept in contact.
        TouchKind::Gift | TouchKind::Letter => false,
    };
    // Per kind: how many of the newest ten, and how recent the newest
    // (0 the newest touch); the most used wins, then the most recent.
    let mut seen = [(0usize, usize::MAX); TouchKind::ALL.len()];
    for (age, kind) in summary.touch_days.newest_kinds(10).enumerate().filter(|(_, k)| usable(*k)) {
        let slot = &mut seen[TouchKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)];
        slot.0 += 1;
        slot.1 = slot.1.min(age);
    }
    let usual = TouchKind::ALL
        .iter()
        .zip(seen)
        .filter(|(_, (count, _))| *count > 0)
        .max_by_key(|(_, (count, newest))| (*count, std::cmp::Reverse(*newest)))
        .map(|(kind, _)| *kind);
    usual.unwrap_or(if summary.phone.is_some() {
        TouchKind::Call
    } else if summary.has_email {
        TouchKind::Email
    } else {
        TouchKind::Visit
    })
}

/// What makes an account due, whatever the day: its earliest promise, the
/// day its cadence runs out, whether it may be due a greeting, and the
/// points that stay the same from day to day. [`Due::on`] gives the row's
/// kind and score on any day: the ranking and the plan both score with it,
/// the plan many days over without going back to the summary's lists.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Due {
    /// Position in `pending` of the earliest promise, its day, and its
    /// points besides lateness (snoozes, a referral).
    /// (Small types: the plan keeps tens of thousands of these.)
    promise: Option<(u32, NaiveDate, f32)>,
    /// The day the cadence runs out; only without a pending follow-up,
    /// which is the plan for the account, even a later one.
    cadence: Option<NaiveDate>,
    /// Never contacted: the cadence is the first contact.
    pub first_contact: bool,
    /// May be due a holiday greeting (a key account or a VIP, and the
    /// settings have holidays): its greetings have a deadline the plan keeps.
    pub greets: bool,
    /// The last greeting of each occasion (read only where one may come).
    greeted: GreetedDays,
    /// Stage, key account and big potential points.
    points: f64,
    pub key_account: bool,
    pub big_potential: bool,
    /// A key account or an MGC.
    pub focus: bool,
    /// Set by the plan for the accounts whose birthday or anniversary
    /// greeting falls in its days (the others skip looking).
    pub personal_in_range: bool,
}

/// The day of the last greeting of each occasion.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct GreetedDays {
    festival: Option<NaiveDate>,
    birthday: Option<NaiveDate>,
    anniversary: Option<NaiveDate>,
}

impl GreetedDays {
    fn of(summary: &AccountSummary) -> GreetedDays {
        GreetedDays {
            festival: summary.greeted_festival.map(|t| t.date()),
            birthday: summary.greeted_birthday.map(|t| t.date()),
            anniversary: summary.greeted_anniversary.map(|t| t.date()),
        }
    }

    /// Whether the greeting is still to be made: none of its occasion
    /// since its window opened.
    fn awaits(&self, greeting: &Greeting) -> bool {
        let last = match greeting.occasion {
            Occasion::Holiday => self.festival,
            Occasion::Birthday => self.birthday,
            Occasion::Anniversary(_) => self.anniversary,
        };
        last.is_none_or(|last| last < greeting.window_start)
    }
}

/// A row's kind, the day it fell due, its score and the greeting it brings.
pub type Scored = (RowKind, NaiveDate, f64, Option<Greeting>);

impl Due {
    /// None for an archived account: it is never due.
    pub fn of(summary: &AccountSummary, config: &Config, marks: &Marks) -> Option<Due> {
        if !summary.is_active() {
            return None;
        }
        let w = &config.ranking;
        let promise = summary.pending.iter().enumerate().min_by_key(|(_, f)| (f.due, f.due_time, f.id)).map(
            |(i, f)| {
                let referral = if matches!(f.reason, FollowUpReason::Referral | FollowUpReason::Incentive) {
                    w.referral
                } else {
                    0.0
                };
                (i as u32, f.due, (f64::from(f.snoozes) * w.snooze + referral) as f32)
            },
        );
        let key_account = marks.key_accounts.contains(&summary.id);
        let big_potential = marks.big_potential.contains(&summary.id);
        let greets = may_greet(summary, key_account) && !config.holidays.is_empty();
        let stage = match summary.stage {
            Stage::Prospect { grade } => w.grade[grade as usize],
            Stage::Customer { tier, .. } => w.tier[3 - tier as usize],
        };
        let may_be_greeted = greets || summary.birthday.is_some() || summary.anniversary.is_some();
        Some(Due {
            promise,
            cadence: summary.pending.is_empty().then(|| cadence_due(summary, config)),
            first_contact: summary.pending.is_empty() && last_contact(summary, config).is_none(),
            greets,
            greeted: if may_be_greeted { GreetedDays::of(summary) } else { GreetedDays::default() },
            points: stage
                + if key_account { w.key_account } else { 0.0 }
                + if big_potential { w.big_potential } else { 0.0 },
            key_account,
            big_potential,
            focus: key_account || marks.growable.contains(&summary.id),
            personal_in_range: false,
        })
    }

    /// The row on `day`, if the account needs contact then: its promise
    /// once due, else its cadence once run out, else a greeting due.
    /// `personal` is the account's [`personal`] greetings from a day no later
    /// than `day`, and no more than a few months before.
    pub fn on(&self, day: NaiveDate, config: &Config, personal: Option<&Personal>) -> Option<Scored> {
        let w = &config.ranking;
        // Most accounts have no greeting to look for: this runs for each of
        // them on each day planned, so the check stays here, inline.
        let holiday = if self.greets || personal.is_some() {
            self.greeting_on(day, config, personal.unwrap_or(&[None, None]))
        } else {
            None
        };
        let (kind, due, score) = match (self.promise, self.cadence, holiday) {
            (Some((_, due, points)), _, _) if due <= day => {
                let overdue = (day - due).num_days();
                let lateness = if overdue > 0 {
                    w.overdue + w.overdue_day * overdue.min(30) as f64
                } else {
                    w.due_today
                };
                (RowKind::FollowUp, due, f64::from(points) + lateness)
            }
            (_, Some(since), _) if since <= day => {
                let first = if self.first_contact { w.first_contact } else { 0.0 };
                (RowKind::Cadence, since, first + w.cadence_day * (day - since).num_days().min(60) as f64)
            }
            (_, _, Some(greeting)) => (RowKind::Holiday, greeting.window_start, 0.0),
            _ => return None,
        };
        let bonus = if holiday.is_some() { w.holiday } else { 0.0 };
        Some((kind, due, score + self.points + bonus, holiday))
    }

    /// The greeting due on `day` that the account has not had since its
    /// window opened, the nearest first: a holiday (key accounts and VIPs),
    /// the contact's birthday, a customer's anniversary.
    #[inline(never)]
    fn greeting_on(&self, day: NaiveDate, config: &Config, personal: &Personal) -> Option<Greeting> {
        let fresh = |g: &Greeting| self.greeted.awaits(g);
        let mut best = if self.greets { holiday_greeting(day, config).filter(fresh) } else { None };
        for g in personal.iter().flatten() {
            if g.window_start <= day && day <= g.day && fresh(g) && best.is_none_or(|b| g.day < b.day) {
                best = Some(*g);
            }
        }
        best
    }

    /// Position in `pending` of the account's earliest promise.
    pub fn promise_index(&self) -> Option<usize> {
        self.promise.map(|(i, _, _)| i as usize)
    }

    /// The first day from `from` on that the account may be due: its
    /// promise's day, its cadence's, or the start of a holiday's lead (an
    /// estimate for holidays close together; [`Due::on`] decides).
    pub fn earliest(
        &self,
        from: NaiveDate,
        until: NaiveDate,
        config: &Config,
        personal: Option<&Personal>,
    ) -> Option<NaiveDate> {
        let greeting = self.greets.then(|| config.holidays.first_window(from, until)).flatten();
        // A personal day's window, when it opens by `until` (its day may be
        // a few days after).
        let personal = personal
            .unwrap_or(&[None, None])
            .map(|g| g.map(|g| g.window_start.max(from)).filter(|d| *d <= until));
        [self.promise.map(|(_, due, _)| due.max(from)), self.cadence.map(|c| c.max(from)), greeting]
            .into_iter()
            .chain(personal)
            .flatten()
            .min()
    }

    /// The full row on `day` (`index` is the account's position in the
    /// summaries).
    pub fn row(
        &self,
        index: usize,
        summary: &AccountSummary,
        day: NaiveDate,
        config: &Config,
    ) -> Option<Ranked> {
        let personal = personal(summary, self, day);
        let personal = personal.iter().any(Option::is_some).then_some(&personal);
        let (kind, due, score, greeting) = self.on(day, config, personal)?;
        let follow_up = self.promise.filter(|_| kind == RowKind::FollowUp).map(|(i, _, _)| i as usize);
        let more_due = match follow_up {
            Some(_) => summary.pending.iter().filter(|f| f.due <= day).count().saturating_sub(1),
            None => 0,
        };
        Some(Ranked {
            index,
            account: summary.id,
            kind,
            follow_up,
            more_due,
            due,
            score,
            greeting,
            unanswered_sms: unanswered_sms(summary, day, config),
            key_account: self.key_account,
            big_potential: self.big_potential,
            focus: self.focus,
        })
    }
}

/// The account's row on `day`, if it needs contact then (see [`Due`]).
/// `index` is its position in the summaries.
pub fn row_on(
    index: usize,
    summary: &AccountSummary,
    day: NaiveDate,
    config: &Config,
    marks: &Marks,
) -> Option<Ranked> {
    Due::of(summary, config, marks)?.row(index, summary, day, config)
}

/// The order of the list: higher scores first, equal scores by account id.
pub fn by_score(a: &Ranked, b: &Ranked) -> std::cmp::Ordering {
    b.score.total_cmp(&a.score).then(a.account.cmp(&b.account))
}

/// Ranks the active accounts that need contact on `today`, most urgent
/// first; equal scores by account id, so the order is stable.
pub fn rank(summaries: &[AccountSummary], today: NaiveDate, config: &Config, marks: &Marks) -> Vec<Ranked> {
    let mut rows: Vec<Ranked> = summaries
        .iter()
        .enumerate()
        .filter_map(|(index, summary)| row_on(index, summary, today, config, marks))
        .collect();
    rows.sort_by(by_score);
    rows
}

impl Ranked {
    /// The follow-up the row is for; `summary` is the row's account.
    pub fn follow_up<'a>(&self, summary: &'a AccountSummary) -> Option<&'a FollowUp> {
        self.follow_up.and_then(|i| summary.pending.get(i))
    }

    /// How to reach out: the follow-up's kind, a gift for a holiday
    /// greeting, else the account's best channel (worked out only for the
    /// rows shown: the plan ranks many more).
    pub fn channel(&self, summary: &AccountSummary, config: &Config) -> TouchKind {
        match (self.follow_up(summary), self.kind) {
            (Some(f), _) => f.kind,
            (None, RowKind::Holiday) => {
                let action = self.greeting.map_or(TouchKind::Gift, |g| g.action);
                // A greeting SMS is an SMS: past the restraint, call instead.
                let fatigued = self.unanswered_sms >= config.sms.unanswered as usize;
                if action == TouchKind::Sms && (fatigued || summary.phone.is_none()) {
                    if summary.phone.is_some() { TouchKind::Call } else { TouchKind::Visit }
                } else {
                    action
                }
            }
            (None, _) => best_channel(summary, self.unanswered_sms >= config.sms.unanswered as usize),
        }
    }

    /// Days past due: of the follow-up, or of the cadence.
    pub fn days_overdue(&self, today: NaiveDate) -> i64 {
        (today - self.due).num_days().max(0)
    }

    /// Why the row is on the list (see [`Reason::code`] for their codes).
    pub fn reasons(&self, summary: &AccountSummary, today: NaiveDate, config: &Config) -> Vec<Reason> {
        let days_since = |day: NaiveDate| (today - day).num_days();
        let reasons = match (self.kind, self.follow_up(summary)) {
            (RowKind::FollowUp, Some(f)) => {
                let mut reasons = due::reasons(f, today);
                if self.more_due > 0 {
                    reasons.push(Reason::MoreDue { count: self.more_due });
                }
                reasons
            }
            (RowKind::Cadence, _) => {
                let stage = summary.stage;
                let reason = match (summary.last_touch, last_contact(summary, config)) {
                    (_, None) => Reason::FirstContact { stage, days: days_since(summary.created) },
                    (Some(touch), Some(contact)) if touch == contact => {
                        Reason::Cadence { stage, days: days_since(touch.date()), since_order: false }
                    }
                    (_, Some(order)) => {
                        Reason::Cadence { stage, days: days_since(order.date()), since_order: true }
                    }
                };
                vec![reason]
            }
            _ => Vec::new(),
        };
        self.with_marks(reasons, today, config)
    }

    /// The reasons every row may add to its own: a greeting due, the 80/20
    /// marks, SMS fatigue.
    fn with_marks(&self, mut reasons: Vec<Reason>, today: NaiveDate, config: &Config) -> Vec<Reason> {
        if let Some(greeting) = self.greeting {
            let holiday = match greeting.occasion {
                Occasion::Holiday => config.holidays.on(greeting.day).map(|h| h.name.to_string()),
                _ => None,
            };
            reasons.push(Reason::Greeting {
                occasion: greeting.occasion,
                holiday,
                in_days: (greeting.day - today).num_days(),
                action: greeting.action,
            });
        }
        if self.key_account {
            reasons.push(Reason::KeyAccount);
        }
        if self.big_potential {
            reasons.push(Reason::BigPotential);
        }
        if self.unanswered_sms >= config.sms.unanswered as usize {
            reasons.push(Reason::SmsFatigue { unanswered: self.unanswered_sms });
        }
        reasons
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Uid;
    use crate::domain::{ArchiveReason, FollowUpId, FollowUpStatus, Grade, Tier, TouchDays};

    const TODAY: &str = "2026-11-27";

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn days_ago(n: i64) -> NaiveDateTime {
        (day(TODAY) - Duration::days(n)).and_hms_opt(10, 0, 0).unwrap()
    }

    fn prospect(grade: Grade) -> Stage {
        Stage::Prospect { grade }
    }

    fn customer(tier: Tier) -> Stage {
        Stage::Customer { tier, tier_pinned: false }
    }

    /// An account added 100 days ago, last touched `touched` days ago.
    fn account(id: u64, stage: Stage, touched: Option<i64>) -> AccountSummary {
        AccountSummary {
            last_touch: touched.map(days_ago),
            ..AccountSummary::bare(id, stage, days_ago(100).date())
        }
    }

    /// A pending follow-up due `due_in` days from today (negative: overdue).
    fn follow_up(id: u64, due_in: i64, reason: FollowUpReason, snoozes: u32) -> FollowUp {
        FollowUp {
            id: FollowUpId(id),
            uid: Uid::NIL,
            account: AccountId(0),
            due: day(TODAY) + Duration::days(due_in),
            due_time: None,
            kind: TouchKind::Call,
            reason,
            note: String::new(),
            status: if snoozes > 0 { FollowUpStatus::Snoozed } else { FollowUpStatus::Open },
            snoozes,
            snoozed_at: Vec::new(),
            created_at: days_ago(20),
            closed_at: None,
            referral: None,
            from_outcome: None,
            attempts: 0,
            attempted_at: Vec::new(),
            rescheduled_at: Vec::new(),
        }
    }

    fn with(mut summary: AccountSummary, follow_up: FollowUp) -> AccountSummary {
        summary.pending.push(FollowUp { account: summary.id, ..follow_up });
        summary
    }

    /// A row as the tests read it.
    #[derive(Debug)]
    struct Shown {
        account: AccountId,
        kind: RowKind,
        due: NaiveDate,
        follow_up_id: Option<u64>,
        reasons: Vec<Reason>,
        codes: Vec<&'static str>,
    }

    fn shown(summaries: &[AccountSummary], on: NaiveDate, config: &Config, marks: &Marks) -> Vec<Shown> {
        rank(summaries, on, config, marks)
            .into_iter()
            .map(|r| {
                let summary = &summaries[r.index];
                Shown {
                    account: r.account,
                    kind: r.kind,
                    due: r.due,
                    follow_up_id: r.follow_up(summary).map(|f| f.id.0),
                    reasons: r.reasons(summary, on, config),
                    codes: r.reasons(summary, on, config).iter().map(Reason::code).collect(),
                }
            })
            .collect()
    }

    /// A holiday greeting's reason, as the settings name the day.
    fn holiday(name: &str, in_days: i64, action: TouchKind) -> Reason {
        Reason::Greeting { occasion: Occasion::Holiday, holiday: Some(name.into()), in_days, action }
    }

    fn ranked(summaries: &[AccountSummary]) -> Vec<Shown> {
        shown(summaries, day(TODAY), &Config::default(), &Marks::default())
    }

    fn order(summaries: &[AccountSummary]) -> Vec<u64> {
        ranked(summaries).iter().map(|r| r.account.0).collect()
    }

    #[test]
    fn an_account_is_due_once_its_last_touch_is_as_old_as_its_cadence() {
        let cases = [
            (prospect(Grade::A), 3),
            (prospect(Grade::B), 7),
            (prospect(Grade::C), 14),
            (prospect(Grade::D), 30),
            (customer(Tier::Vip), 14),
            (customer(Tier::Large), 30),
            (customer(Tier::Medium), 45),
            (customer(Tier::Small), 60),
        ];
        for (stage, cadence) in cases {
            let not_yet = ranked(&[account(1, stage, Some(cadence - 1))]);
            assert!(not_yet.is_empty(), "{stage:?} touched {} days ago", cadence - 1);
            let due = ranked(&[account(1, stage, Some(cadence))]);
            assert_eq!(due.len(), 1, "{stage:?} touched {cadence} days ago");
            assert_eq!((due[0].kind, due[0].due), (RowKind::Cadence, day(TODAY)));
        }
        let row = &ranked(&[account(1, prospect(Grade::A), Some(5))])[0];
        assert_eq!(row.reasons, [Reason::Cadence { stage: prospect(Grade::A), days: 5, since_order: false }]);
        let row = &ranked(&[account(1, customer(Tier::Vip), Some(20))])[0];
        assert_eq!(
            row.reasons,
            [Reason::Cadence { stage: customer(Tier::Vip), days: 20, since_order: false }]
        );
    }

    #[test]
    fn a_never_touched_account_is_due_its_first_contact_the_day_after_it_was_added() {
        let mut fresh = account(1, prospect(Grade::B), None);
        fresh.created = day(TODAY);
        assert!(ranked(&[fresh.clone()]).is_empty(), "added today: tomorrow");
        fresh.created = days_ago(1).date();
        let rows = ranked(&[fresh.clone()]);
        assert_eq!(rows[0].reasons, [Reason::FirstContact { stage: prospect(Grade::B), days: 1 }]);
        assert_eq!(rows[0].due, day(TODAY));
        assert_eq!(rows[0].codes, ["first_contact"]);
        // A and B grades first: a new A lead before an A prospect due on
        // its cadence, a new D lead after it.
        let mut new_a = account(2, prospect(Grade::A), None);
        new_a.created = days_ago(1).date();
        let mut new_d = account(3, prospect(Grade::D), None);
        new_d.created = days_ago(1).date();
        let book = [new_d, account(4, prospect(Grade::A), Some(3)), new_a];
        assert_eq!(order(&book), [2, 4, 3]);
        let mut config = Config::default();
        config.plan.first_contact_days = 3;
        assert!(shown(&[fresh], day(TODAY), &config, &Marks::default()).is_empty(), "the setting");
    }

    #[test]
    fn the_config_sets_the_cadence() {
        let mut config = Config::default();
        config.cadence.a = 10;
        let book = [account(1, prospect(Grade::A), Some(5))];
        assert!(shown(&book, day(TODAY), &config, &Marks::default()).is_empty());
    }

    #[test]
    fn a_follow_up_replaces_the_cadence_row_one_row_per_account() {
        let neglected = account(1, prospect(Grade::A), Some(40));
        let due = with(neglected.clone(), follow_up(7, -1, FollowUpReason::Promised, 0));
        let rows = ranked(&[due]);
        assert_eq!(rows.len(), 1, "never two rows for one account");
        assert_eq!((rows[0].kind, rows[0].follow_up_id), (RowKind::FollowUp, Some(7)));
        let planned = with(neglected.clone(), follow_up(8, 3, FollowUpReason::Promised, 0));
        assert!(ranked(&[planned]).is_empty(), "a later follow-up is the plan: no cadence row");
        let two_due = with(
            with(neglected, follow_up(9, 0, FollowUpReason::Promised, 0)),
            follow_up(10, -4, FollowUpReason::Promised, 0),
        );
        let rows = ranked(&[two_due]);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].follow_up_id, Some(10), "the most overdue one");
        assert_eq!(rows[0].codes, ["overdue", "promised", "more_due"]);
        assert_eq!(rows[0].reasons[0], Reason::Overdue { days: 4 });
        assert_eq!(rows[0].reasons[2], Reason::MoreDue { count: 1 });
    }

    #[test]
    fn overdue_comes_before_due_today_before_cadence_and_grades_and_tiers_order_alike() {
        let book = [
            account(1, prospect(Grade::B), Some(10)),
            with(account(2, prospect(Grade::B), Some(1)), follow_up(1, 0, FollowUpReason::Promised, 0)),
            with(account(3, prospect(Grade::B), Some(1)), follow_up(2, -2, FollowUpReason::Promised, 0)),
            with(account(4, prospect(Grade::B), Some(1)), follow_up(3, -6, FollowUpReason::Promised, 0)),
            with(account(5, prospect(Grade::B), Some(1)), follow_up(4, 1, FollowUpReason::Promised, 0)),
        ];
        assert_eq!(order(&book), [4, 3, 2, 1], "tomorrow's follow-up is not on today's list");

        let graded: Vec<_> = [Grade::D, Grade::B, Grade::A, Grade::C]
            .into_iter()
            .enumerate()
            .map(|(i, g)| {
                with(
                    account(i as u64 + 1, prospect(g), Some(1)),
                    follow_up(i as u64, 0, FollowUpReason::Promised, 0),
                )
            })
            .collect();
        assert_eq!(order(&graded), [3, 2, 4, 1], "A, B, C, D");

        let tiered: Vec<_> = [Tier::Small, Tier::Vip, Tier::Medium, Tier::Large]
            .into_iter()
            .enumerate()
            .map(|(i, t)| account(i as u64 + 1, customer(t), Some(61)))
            .collect();
        assert_eq!(order(&tiered), [2, 4, 3, 1], "VIP, large, medium, small");
    }

    #[test]
    fn snoozes_sink_a_row_and_three_of_them_are_said() {
        let book = [
            with(account(1, prospect(Grade::B), Some(1)), follow_up(1, -1, FollowUpReason::Promised, 2)),
            with(account(2, prospect(Grade::B), Some(1)), follow_up(2, -1, FollowUpReason::Promised, 0)),
            with(account(3, prospect(Grade::B), Some(1)), follow_up(3, -1, FollowUpReason::Promised, 3)),
        ];
        let rows = ranked(&book);
        assert_eq!(rows.iter().map(|r| r.account.0).collect::<Vec<_>>(), [2, 1, 3]);
        assert!(!rows[1].codes.contains(&"snoozed_often"), "twice is not worth saying");
        assert!(rows[2].reasons.contains(&Reason::SnoozedOften { times: 3 }));
    }

    #[test]
    fn referral_follow_ups_go_first_and_say_who_referred() {
        let mut referral = follow_up(1, 0, FollowUpReason::Referral, 0);
        referral.note = "referred by 李娜".into();
        let book = [
            with(account(1, prospect(Grade::B), Some(1)), follow_up(2, -1, FollowUpReason::Promised, 0)),
            with(account(2, prospect(Grade::B), None), referral),
        ];
        let rows = ranked(&book);
        assert_eq!(rows[0].account, AccountId(2), "a referral due today beats a promise a day late");
        assert_eq!(rows[0].codes, ["due_today", "referral"]);
        assert!(matches!(&rows[0].reasons[1], Reason::FollowUp { note, .. } if note == "referred by 李娜"));
    }

    #[test]
    fn equal_scores_keep_the_order_of_account_ids() {
        let book: Vec<_> =
            [5, 2, 9, 1].into_iter().map(|id| account(id, prospect(Grade::C), Some(20))).collect();
        assert_eq!(order(&book), [1, 2, 5, 9]);
    }

    #[test]
    fn archived_accounts_are_never_on_the_list() {
        let mut lost =
            with(account(1, prospect(Grade::A), Some(40)), follow_up(1, -3, FollowUpReason::Promised, 0));
        lost.archived = Some(ArchiveReason::Lost);
        assert!(ranked(&[lost]).is_empty());
    }

    #[test]
    fn key_accounts_and_big_potential_are_boosted_and_said() {
        let book: Vec<_> = (1..=3).map(|id| account(id, customer(Tier::Medium), Some(50))).collect();
        let marks = Marks {
            key_accounts: [AccountId(3)].into_iter().collect(),
            big_potential: [AccountId(2)].into_iter().collect(),
            growable: [AccountId(2)].into_iter().collect(),
            ..Marks::default()
        };
        let rows = shown(&book, day(TODAY), &Config::default(), &marks);
        assert_eq!(rows.iter().map(|r| r.account.0).collect::<Vec<_>>(), [3, 2, 1]);
        assert_eq!(rows[0].reasons.last(), Some(&Reason::KeyAccount));
        assert_eq!(rows[1].reasons.last(), Some(&Reason::BigPotential));
    }

    #[test]
    fn three_unanswered_sms_in_fourteen_days_flag_the_row() {
        let cases = [
            (vec![1, 5, 9], true),
            (vec![1, 5, 13], true),
            (vec![1, 5, 14], false),
            (vec![2, 6], false),
            (vec![1, 2, 3, 4], true),
        ];
        for (sms_days_ago, flagged) in cases {
            let mut summary = account(1, prospect(Grade::B), Some(8));
            summary.unanswered_sms = sms_days_ago.iter().map(|d| days_ago(*d)).collect();
            let rows = ranked(&[summary]);
            let said = rows[0].codes.contains(&"sms_fatigue");
            assert_eq!(said, flagged, "SMS sent {sms_days_ago:?} days ago");
        }
    }

    #[test]
    fn key_and_vip_customers_are_due_a_greeting_before_a_holiday() {
        let mut config = Config::default();
        config.holidays.dates.insert(day("2026-12-03"), "元旦前".into());
        config.holidays.dates.insert(day("2027-02-06"), "春节".into());
        let marks = Marks { key_accounts: [AccountId(3)].into_iter().collect(), ..Marks::default() };
        let rank_on = |book: &[AccountSummary], on: &str| shown(book, day(on), &config, &marks);

        let vip = account(1, customer(Tier::Vip), Some(1));
        let small = account(2, customer(Tier::Small), Some(1));
        let key = account(3, prospect(Grade::C), Some(1));
        let book = [vip.clone(), small, key];
        let rows = rank_on(&book, TODAY);
        assert_eq!(rows.iter().map(|r| r.account.0).collect::<Vec<_>>(), [3, 1], "6 days ahead: key and VIP");
        assert_eq!(rows[1].kind, RowKind::Holiday);
        assert_eq!(rows[1].reasons, [holiday("元旦前", 6, TouchKind::Gift)]);
        assert_eq!(rows[0].reasons, [holiday("元旦前", 6, TouchKind::Gift), Reason::KeyAccount]);
        assert!(rank_on(&book, "2026-11-25").is_empty(), "8 days ahead is before the lead");
        assert!(rank_on(&book, "2026-12-04").is_empty(), "the day after");
        let mut greeted = vip.clone();
        greeted.greeted_festival = Some(days_ago(1));
        assert!(rank_on(&[greeted], TODAY).is_empty(), "greeted within the lead");
        let mut greeted_long_ago = vip;
        greeted_long_ago.greeted_festival = Some(days_ago(30));
        assert_eq!(rank_on(&[greeted_long_ago], TODAY).len(), 1);

        let due_anyway =
            with(account(1, customer(Tier::Vip), Some(1)), follow_up(1, 0, FollowUpReason::Promised, 0));
        let rows = rank_on(&[due_anyway], TODAY);
        assert_eq!(rows[0].kind, RowKind::FollowUp, "the holiday joins the row's reasons");
        assert_eq!(rows[0].reasons.last(), Some(&holiday("元旦前", 6, TouchKind::Gift)));
    }

    #[test]
    fn the_chinese_preset_greets_each_festival_ahead_by_its_own_lead_and_way() {
        let mut config = Config::default();
        config.holidays.preset = Some(crate::config::HolidayPreset::Cn);
        let mut vip = account(1, customer(Tier::Vip), Some(1));
        vip.phone = Some("13800138000".into());
        fn rows_in(
            config: &Config,
            summary: &AccountSummary,
            on: &str,
        ) -> Vec<(RowKind, TouchKind, Vec<Reason>)> {
            rank(std::slice::from_ref(summary), day(on), config, &Marks::default())
                .iter()
                .map(|r| (r.kind, r.channel(summary, config), r.reasons(summary, day(on), config)))
                .collect()
        }
        let rows_on = |summary: &AccountSummary, on: &str| rows_in(&config, summary, on);
        // 中秋 2026-09-25: a gift, 10 days ahead.
        assert!(rows_on(&vip, "2026-09-14").is_empty(), "11 days ahead is before its lead");
        let mid_autumn = rows_on(&vip, "2026-09-15");
        assert_eq!(mid_autumn.len(), 1);
        assert_eq!((mid_autumn[0].0, mid_autumn[0].1), (RowKind::Holiday, TouchKind::Gift));
        assert_eq!(mid_autumn[0].2, [holiday("中秋节", 10, TouchKind::Gift)]);
        // 国庆 2026-10-01: a greeting SMS, 3 days ahead.
        assert!(rows_on(&vip, "2026-09-27").is_empty());
        let national = rows_on(&vip, "2026-09-28");
        assert_eq!(
            (national[0].1, national[0].2.clone()),
            (TouchKind::Sms, vec![holiday("国庆节", 3, TouchKind::Sms)])
        );
        // 春节 2027-02-06: two weeks ahead.
        let spring = rows_on(&vip, "2027-01-23");
        assert_eq!(spring[0].2.last(), Some(&holiday("春节", 14, TouchKind::Gift)));
        // Three SMS unanswered: the greeting is a call.
        let mut tired = vip.clone();
        let on = day("2026-09-28");
        tired.unanswered_sms = [3, 5, 7]
            .iter()
            .map(|d| (on - chrono::Duration::days(*d)).and_hms_opt(10, 0, 0).unwrap())
            .collect();
        assert_eq!(rows_on(&tired, "2026-09-28")[0].1, TouchKind::Call, "SMS restraint holds for greetings");
        // A custom date wins on its day; without the preset, none of this.
        config.holidays.dates.insert(day("2026-10-01"), "公司周年".into());
        assert_eq!(rows_in(&config, &vip, "2026-09-26")[0].2, [holiday("公司周年", 5, TouchKind::Gift)]);
        config.holidays.preset = Some(crate::config::HolidayPreset::None);
        config.holidays.dates.clear();
        assert!(rows_in(&config, &vip, "2026-09-15").is_empty());
    }

    #[test]
    fn the_weights_come_from_the_config() {
        let book = [
            with(account(1, prospect(Grade::D), Some(1)), follow_up(1, 0, FollowUpReason::Promised, 0)),
            account(2, prospect(Grade::D), Some(40)),
        ];
        assert_eq!(order(&book), [1, 2]);
        let mut config = Config::default();
        config.ranking.cadence_day = 5.0;
        let rows = shown(&book, day(TODAY), &config, &Marks::default());
        assert_eq!(rows.iter().map(|r| r.account.0).collect::<Vec<_>>(), [2, 1]);
    }

    #[test]
    fn an_order_restarts_the_cadence_unless_the_settings_say_otherwise() {
        let mut vip = account(1, customer(Tier::Vip), Some(64));
        vip.last_order = Some(days_ago(5));
        assert!(ranked(&[vip.clone()]).is_empty(), "an order 5 days ago is contact");
        vip.last_order = Some(days_ago(20));
        assert_eq!(
            ranked(&[vip.clone()])[0].reasons,
            [Reason::Cadence { stage: customer(Tier::Vip), days: 20, since_order: true }]
        );
        assert_eq!(ranked(&[vip.clone()])[0].due, days_ago(6).date(), "14 days after the order");

        let mut config = Config::default();
        config.plan.orders_reset_cadence = false;
        vip.last_order = Some(days_ago(5));
        let rows = shown(&[vip], day(TODAY), &config, &Marks::default());
        assert_eq!(
            rows[0].reasons,
            [Reason::Cadence { stage: customer(Tier::Vip), days: 64, since_order: false }]
        );
    }

    #[test]
    fn the_channel_is_how_the_account_is_usually_reached_if_it_still_can_be() {
        let channel = |summary: &AccountSummary| {
            rank(std::slice::from_ref(summary), day(TODAY), &Config::default(), &Marks::default())[0]
                .channel(summary, &Config::default())
        };
        let mut summary = account(1, prospect(Grade::B), Some(30));
        assert_eq!(channel(&summary), TouchKind::Visit, "no phone, no email: go there");
        summary.has_email = true;
        assert_eq!(channel(&summary), TouchKind::Email);
        summary.phone = Some("13800138000".into());
        assert_eq!(channel(&summary), TouchKind::Call);
        let kinds = [
            TouchKind::Visit,
            TouchKind::Sms,
            TouchKind::Sms,
            TouchKind::Gift,
            TouchKind::Gift,
            TouchKind::Gift,
        ];
        summary.touch_days =
            TouchDays::new(kinds.iter().enumerate().map(|(i, k)| (days_ago(30 + i as i64).date(), *k)));
        assert_eq!(channel(&summary), TouchKind::Sms, "mostly SMS (gifts are greetings, not contact)");
        summary.unanswered_sms = vec![days_ago(1), days_ago(2), days_ago(3)];
        assert_eq!(channel(&summary), TouchKind::Visit, "not SMS while they go unanswered");
        let promised = with(summary, follow_up(1, 0, FollowUpReason::Promised, 0));
        assert_eq!(channel(&promised), TouchKind::Call, "a promise says how");
    }
}
