//! The 80/20 view of the book: key accounts, ABC classes, effort against
//! value, value classes (MVC, MGC, BZC), tier suggestions and the
//! forecast. A pure function of the account summaries, the date and the
//! config; it never reads touches or orders.

use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDate};

use super::ranking::Marks;
use crate::config::{Config, FocusRules};
use crate::domain::twelve_month_window_start;
use crate::domain::{AccountId, AccountSummary, Grade, Money, Stage, Tier, TouchKind};

crate::domain::keyword::keyword_enum! {
    /// A customer's class by its share of revenue.
    pub enum Abc ("ABC class") {
        A = "A",
        B = "B",
        C = "C",
    }
}

crate::domain::keyword::keyword_enum! {
    /// What an account is worth to the rep: the most valuable (the key
    /// accounts), the most growable (headroom), or below zero.
    pub enum ValueClass ("value class") {
        Mvc = "mvc",
        Mgc = "mgc",
        Bzc = "bzc",
    }
}

impl ValueClass {
    /// The mark lists show: KEY for the key accounts (the MVC), else the
    /// class. ASCII, so that it is one column per letter in every terminal
    /// (symbols like a star draw two columns wide in many CJK terminals).
    /// Worded by `i18n::terms::value_class_mark`.
    pub fn mark(self) -> &'static str {
        match self {
            ValueClass::Mvc => "KEY",
            ValueClass::Mgc => "MGC",
            ValueClass::Bzc => "BZC",
        }
    }
}

/// An account and an amount that puts it on a list (revenue, headroom, net).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Listed {
    /// Position of the account in the summaries slice.
    pub index: usize,
    pub amount: Money,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OverServed {
    pub index: usize,
    pub effort: f64,
    pub effort_share: f64,
    pub revenue: Money,
    pub revenue_share: f64,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GradeForecast {
    pub grade: Grade,
    pub prospects: usize,
    pub potential: Money,
    pub probability: f64,
    pub weighted: Money,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Focus {
    pub revenue_total: Money,
    /// The revenue the key accounts must reach: the key share of the total.
    pub threshold_revenue: Money,
    /// Active customers by revenue over 12 months, largest first; ties by
    /// account id, oldest first. The Pareto curve.
    pub customers: Vec<Listed>,
    /// How many of `customers` are key accounts (they come first).
    pub key_count: usize,
    /// Per summary: the customer's ABC class, none for prospects and
    /// archived accounts.
    pub abc: Vec<Option<Abc>>,
    pub abc_counts: [usize; 3],
    pub abc_revenue: [Money; 3],
    pub revenue_share_key: f64,
    /// Per summary: weighted touches over the effort window.
    pub effort: Vec<f64>,
    pub effort_total: f64,
    pub effort_key: f64,
    /// Effort per ABC class, and on prospects.
    pub effort_abc: [f64; 3],
    pub effort_prospects: f64,
    pub effort_share_key: f64,
    /// The key accounts get less of the effort than the target share.
    pub effort_short: bool,
    pub over_served: Vec<OverServed>,
    pub mgc: Vec<Listed>,
    pub bzc: Vec<Listed>,
    /// Per summary: its value class.
    pub value_class: Vec<Option<ValueClass>>,
    pub forecast: Vec<GradeForecast>,
    pub forecast_total: Money,
    /// Key accounts with no competitor note: the rep does not know who
    /// else sells there.
    pub key_competition_unknown: usize,
}

/// Over-served accounts listed at most.
const OVER_SERVED_SHOWN: usize = 5;

fn share(part: f64, whole: f64) -> f64 {
    if whole > 0.0 { part / whole } else { 0.0 }
}

/// "81%": a fraction as a rep reads it.
pub fn percent(fraction: f64) -> String {
    format!("{:.0}%", fraction * 100.0)
}

/// What one touch of each kind weighs in effort (`[focus.effort]`), laid
/// out by kind.
pub struct EffortWeights([f64; TouchKind::ALL.len()]);

impl EffortWeights {
    pub fn of(rules: &FocusRules) -> EffortWeights {
        EffortWeights(std::array::from_fn(|i| rules.effort.get(&TouchKind::ALL[i]).copied().unwrap_or(0.0)))
    }

    pub fn of_kind(&self, kind: TouchKind) -> f64 {
        self.0[kind as usize]
    }
}

/// The effort and cost windows ending `today`, with the config's weight
/// and cost of each touch kind laid out by kind: one pass per account.
struct Windows {
    today: NaiveDate,
    effort_from: NaiveDate,
    cost_from: NaiveDate,
    effort: EffortWeights,
    cost: [Money; TouchKind::ALL.len()],
}

impl Windows {
    fn new(today: NaiveDate, rules: &FocusRules) -> Windows {
        let effort_from = today
            .checked_sub_signed(Duration::days(i64::from(rules.effort_days) - 1))
            .unwrap_or(NaiveDate::MIN);
        let cost = |kind: &TouchKind| FocusRules::money(rules.cost.get(kind).copied().unwrap_or(0.0));
        Windows {
            today,
            effort_from,
            cost_from: twelve_month_window_start(today),
            effort: EffortWeights::of(rules),
            cost: std::array::from_fn(|i| cost(&TouchKind::ALL[i])),
        }
    }

    fn effort(&self, summary: &AccountSummary) -> f64 {
        summary
            .touch_days
            .kinds_between(self.effort_from, self.today)
            .fold(0.0, |sum, kind| sum + self.effort.of_kind(kind))
    }

    fn cost(&self, summary: &AccountSummary) -> Money {
        let touches = summary.touch_days.kinds_between(self.cost_from, self.today);
        Money(touches.fold(0, |sum, kind| sum + self.cost[kind as usize].0))
    }
}

/// The tier revenue over 12 months suggests.
pub fn suggested_tier(revenue_12m: Money, rules: &FocusRules) -> Tier {
    let t = &rules.tier_revenue;
    if revenue_12m >= FocusRules::money(t.vip) {
        Tier::Vip
    } else if revenue_12m >= FocusRules::money(t.large) {
        Tier::Large
    } else if revenue_12m >= FocusRules::money(t.medium) {
        Tier::Medium
    } else {
        Tier::Small
    }
}

fn is_customer(s: &AccountSummary) -> bool {
    s.is_active() && matches!(s.stage, Stage::Customer { .. })
}

/// The Pareto curve and the classes it cuts it into.
struct Curve {
    customers: Vec<Listed>,
    key_count: usize,
    threshold_revenue: Money,
    revenue_total: Money,
    abc: Vec<Option<Abc>>,
    abc_counts: [usize; 3],
    abc_revenue: [Money; 3],
}

fn curve(summaries: &[AccountSummary], revenue: &[Money], rules: &FocusRules) -> Curve {
    let mut customers: Vec<Listed> = summaries
        .iter()
        .enumerate()
        .filter(|(_, s)| is_customer(s))
        .map(|(index, _)| Listed { index, amount: revenue[index] })
        .collect();
    customers.sort_by(|a, b| b.amount.cmp(&a.amount).then(summaries[a.index].id.cmp(&summaries[b.index].id)));
    let revenue_total: Money = customers.iter().map(|c| c.amount).sum();
    let total = revenue_total.0 as f64;
    // In minor units, so that a share of exactly 80% is not lost to rounding.
    let threshold_revenue = Money((total * rules.key_share).round() as i128);
    let b_threshold = Money((total * rules.b_share).round() as i128);

    // Walk the curve: A while the revenue before an account is short of the
    // key threshold, B up to the B threshold, C after (and every zero).
    // Equal revenue: the lower id (the older account) comes first, so it is
    // the one inside a cut that falls between equals.
    let mut abc = vec![None; summaries.len()];
    let mut abc_counts = [0; 3];
    let mut abc_revenue = [Money::ZERO; 3];
    let mut key_count = 0;
    let mut before = Money::ZERO;
    for c in &customers {
        let class = match c.amount > Money::ZERO {
            true if before < threshold_revenue => Abc::A,
            true if before < b_threshold => Abc::B,
            _ => Abc::C,
        };
        if class == Abc::A {
            key_count += 1;
        }
        before = before.saturating_add(c.amount);
        abc[c.index] = Some(class);
        abc_counts[class as usize] += 1;
        abc_revenue[class as usize] = abc_revenue[class as usize].saturating_add(c.amount);
    }
    Curve { customers, key_count, threshold_revenue, revenue_total, abc, abc_counts, abc_revenue }
}

/// MGC: active accounts whose potential exceeds their revenue by more than
/// the threshold, the most headroom first, the top few.
fn growable(summaries: &[AccountSummary], revenue: &[Money], rules: &FocusRules) -> Vec<Listed> {
    let min_headroom = FocusRules::money(rules.mgc_headroom).max(Money::ZERO);
    let mut mgc: Vec<Listed> = summaries
        .iter()
        .enumerate()
        .filter(|(_, s)| s.is_active())
        .filter_map(|(index, s)| {
            let headroom = Money(s.potential?.0 - revenue[index].0);
            (headroom > min_headroom).then_some(Listed { index, amount: headroom })
        })
        .collect();
    mgc.sort_by(|a, b| b.amount.cmp(&a.amount).then(summaries[a.index].id.cmp(&summaries[b.index].id)));
    mgc.truncate(rules.mgc_top);
    mgc
}

fn big_potential(summaries: &[AccountSummary], mgc: &[Listed]) -> crate::analysis::ranking::AccountSet {
    mgc.iter()
        .filter(|l| matches!(summaries[l.index].stage, Stage::Prospect { .. }))
        .map(|l| summaries[l.index].id)
        .collect()
}

/// What the daily ranking boosts and the plan keeps: the key accounts, the
/// prospects with the most headroom, the key accounts' share of the effort.
/// Skips costs and the rest of the report, so `today` stays quick.
pub fn marks(summaries: &[AccountSummary], today: NaiveDate, rules: &FocusRules) -> Marks {
    let revenue: Vec<Money> = summaries.iter().map(|s| s.revenue_12m(today)).collect();
    let curve = curve(summaries, &revenue, rules);
    let mgc = growable(summaries, &revenue, rules);
    let windows = Windows::new(today, rules);
    let effort = |s: &AccountSummary| if s.is_active() { windows.effort(s) } else { 0.0 };
    let total = summaries.iter().fold(0.0, |sum, s| sum + effort(s));
    let key = curve.customers[..curve.key_count].iter().fold(0.0, |sum, l| sum + effort(&summaries[l.index]));
    Marks {
        key_accounts: curve.customers[..curve.key_count].iter().map(|l| summaries[l.index].id).collect(),
        big_potential: big_potential(summaries, &mgc),
        growable: mgc.iter().map(|l| summaries[l.index].id).collect(),
        revenue_total: curve.revenue_total,
        effort_share_key: (total > 0.0).then(|| key / total),
    }
}

/// The focus report. `incentives` is what delivered referral incentives
/// cost each referrer over the last 12 months.
pub fn focus(
    summaries: &[AccountSummary],
    today: NaiveDate,
    config: &Config,
    incentives: &HashMap<AccountId, Money>,
) -> Focus {
    let rules = &config.focus;
    let PerAccount { revenue, effort, cost } = per_account(summaries, today, rules);
    let Curve { customers, key_count, threshold_revenue, revenue_total, abc, abc_counts, abc_revenue } =
        curve(summaries, &revenue, rules);
    let key: HashSet<usize> = customers[..key_count].iter().map(|c| c.index).collect();
    let split = effort_split(summaries, &effort, &abc, &key);
    let revenue_share_key = share(abc_revenue[Abc::A as usize].0 as f64, revenue_total.0 as f64);
    let effort_share_key = share(split.key, split.total);
    let effort_short = key_count > 0 && split.total > 0.0 && effort_share_key < rules.effort_target;
    let over_served =
        over_served(summaries, &customers[key_count..], &effort, &revenue, split.total, revenue_total);
    let mgc = growable(summaries, &revenue, rules);
    let bzc = below_zero(summaries, &customers, &cost, incentives);
    let value_class = value_classes(summaries.len(), &key, &mgc, &bzc);
    let forecast = forecast(summaries, rules);
    let forecast_total = forecast.iter().map(|r| r.weighted).sum();
    let key_competition_unknown = key.iter().filter(|i| !summaries[**i].knows_competition).count();
    Focus {
        revenue_total,
        threshold_revenue,
        customers,
        key_count,
        abc,
        abc_counts,
        abc_revenue,
        revenue_share_key,
        effort,
        effort_total: split.total,
        effort_key: split.key,
        effort_abc: split.abc,
        effort_prospects: split.prospects,
        effort_share_key,
        effort_short,
        over_served,
        mgc,
        bzc,
        value_class,
        forecast,
        forecast_total,
        key_competition_unknown,
    }
}

/// What each account brings and takes, in one pass over the book.
struct PerAccount {
    revenue: Vec<Money>,
    effort: Vec<f64>,
    cost: Vec<Money>,
}

fn per_account(summaries: &[AccountSummary], today: NaiveDate, rules: &FocusRules) -> PerAccount {
    let windows = Windows::new(today, rules);
    let n = summaries.len();
    let mut out = PerAccount {
        revenue: Vec::with_capacity(n),
        effort: Vec::with_capacity(n),
        cost: Vec::with_capacity(n),
    };
    for s in summaries {
        out.revenue.push(s.revenue_12m(today));
        out.effort.push(if s.is_active() { windows.effort(s) } else { 0.0 });
        out.cost.push(if is_customer(s) { windows.cost(s) } else { Money::ZERO });
    }
    out
}

/// The effort of the window: in all, on the key accounts, by ABC class and
/// on prospects.
struct EffortSplit {
    total: f64,
    key: f64,
    abc: [f64; 3],
    prospects: f64,
}

fn effort_split(
    summaries: &[AccountSummary],
    effort: &[f64],
    abc: &[Option<Abc>],
    key: &HashSet<usize>,
) -> EffortSplit {
    // Folded from +0.0: an empty f64 sum is -0.0, which prints as such.
    let mut split = EffortSplit {
        total: effort.iter().fold(0.0, |sum, e| sum + e),
        key: key.iter().fold(0.0, |sum, i| sum + effort[*i]),
        abc: [0.0; 3],
        prospects: 0.0,
    };
    for (i, s) in summaries.iter().enumerate() {
        match abc[i] {
            Some(class) => split.abc[class as usize] += effort[i],
            None if s.is_active() && matches!(s.stage, Stage::Prospect { .. }) => {
                split.prospects += effort[i]
            }
            None => {}
        }
    }
    split
}

/// Customers outside the key accounts that take a larger share of the
/// effort than of the revenue, most out of proportion first. Prospects are
/// left out: effort on them is the pipeline's work, not service.
fn over_served(
    summaries: &[AccountSummary],
    others: &[Listed],
    effort: &[f64],
    revenue: &[Money],
    effort_total: f64,
    revenue_total: Money,
) -> Vec<OverServed> {
    let mut over_served: Vec<OverServed> = others
        .iter()
        .map(|c| c.index)
        .filter(|i| effort[*i] > 0.0)
        .map(|index| OverServed {
            index,
            effort: effort[index],
            effort_share: share(effort[index], effort_total),
            revenue: revenue[index],
            revenue_share: share(revenue[index].0 as f64, revenue_total.0 as f64),
        })
        .filter(|o| o.effort_share > o.revenue_share)
        .collect();
    over_served.sort_by(|a, b| {
        (b.effort_share - b.revenue_share)
            .total_cmp(&(a.effort_share - a.revenue_share))
            .then(summaries[a.index].id.cmp(&summaries[b.index].id))
    });
    over_served.truncate(OVER_SERVED_SHOWN);
    over_served
}

/// Customers that cost more to serve (and in delivered incentives) than
/// they bring, deepest loss first. Prospects are investments: only
/// customers can cost more than they bring.
fn below_zero(
    summaries: &[AccountSummary],
    customers: &[Listed],
    cost: &[Money],
    incentives: &HashMap<AccountId, Money>,
) -> Vec<Listed> {
    let mut bzc: Vec<Listed> = customers
        .iter()
        .map(|c| {
            let incentive = incentives.get(&summaries[c.index].id).copied().unwrap_or(Money::ZERO);
            Listed { index: c.index, amount: Money(c.amount.0 - cost[c.index].saturating_add(incentive).0) }
        })
        .filter(|l| l.amount < Money::ZERO)
        .collect();
    bzc.sort_by(|a, b| a.amount.cmp(&b.amount).then(summaries[a.index].id.cmp(&summaries[b.index].id)));
    bzc
}

/// Each account's value class: key accounts are MVC, then MGC, then BZC.
fn value_classes(n: usize, key: &HashSet<usize>, mgc: &[Listed], bzc: &[Listed]) -> Vec<Option<ValueClass>> {
    let mut value_class = vec![None; n];
    for l in bzc {
        value_class[l.index] = Some(ValueClass::Bzc);
    }
    for l in mgc {
        value_class[l.index] = Some(ValueClass::Mgc);
    }
    for i in key {
        value_class[*i] = Some(ValueClass::Mvc);
    }
    value_class
}

/// The active prospects' potential by grade, weighted by each grade's
/// chance to buy.
fn forecast(summaries: &[AccountSummary], rules: &FocusRules) -> Vec<GradeForecast> {
    let mut forecast: Vec<GradeForecast> = Grade::ALL
        .iter()
        .map(|grade| GradeForecast {
            grade: *grade,
            prospects: 0,
            potential: Money::ZERO,
            probability: rules.probability.of(*grade),
            weighted: Money::ZERO,
        })
        .collect();
    for s in summaries.iter().filter(|s| s.is_active()) {
        if let Stage::Prospect { grade } = s.stage {
            let row = &mut forecast[grade as usize];
            row.prospects += 1;
            row.potential = row.potential.saturating_add(s.potential.unwrap_or(Money::ZERO));
        }
    }
    for row in &mut forecast {
        row.weighted = Money((row.potential.0 as f64 * row.probability).round() as i128);
    }
    forecast
}

impl Focus {
    /// The Pareto curve with at most `points + 1` points: (share of the
    /// customers, share of the revenue they bring), both 0 to 1, from the
    /// origin to (1, 1).
    pub fn pareto(&self, points: usize) -> Vec<(f64, f64)> {
        let n = self.customers.len();
        if n == 0 || points == 0 {
            return Vec::new();
        }
        let total = self.revenue_total.0 as f64;
        let mut cumulative = Vec::with_capacity(n + 1);
        let mut running = 0i128;
        cumulative.push(0i128);
        for c in &self.customers {
            running += c.amount.0;
            cumulative.push(running);
        }
        let steps = points.min(n);
        (0..=steps)
            .map(|step| {
                let count = step * n / steps;
                (count as f64 / n as f64, share(cumulative[count] as f64, total))
            })
            .collect()
    }

    /// The share of the revenue total that `amount` is.
    pub fn revenue_share(&self, amount: Money) -> f64 {
        share(amount.0 as f64, self.revenue_total.0 as f64)
    }

    /// The share of the effort that went to prospects.
    pub fn prospects_effort_share(&self) -> f64 {
        share(self.effort_prospects, self.effort_total)
    }

    /// The revenue share of each ABC class.
    pub fn abc_share(&self, class: Abc) -> f64 {
        share(self.abc_revenue[class as usize].0 as f64, self.revenue_total.0 as f64)
    }

    /// The effort share of each ABC class.
    pub fn abc_effort_share(&self, class: Abc) -> f64 {
        share(self.effort_abc[class as usize], self.effort_total)
    }

    pub fn key_accounts(&self) -> &[Listed] {
        &self.customers[..self.key_count]
    }

    pub fn is_key(&self, index: usize) -> bool {
        self.value_class.get(index) == Some(&Some(ValueClass::Mvc))
    }

    /// What the daily ranking boosts: key accounts, and prospects with the
    /// largest headroom (the same as [`marks`]).
    pub fn marks(&self, summaries: &[AccountSummary]) -> Marks {
        Marks {
            key_accounts: self.key_accounts().iter().map(|l| summaries[l.index].id).collect(),
            big_potential: big_potential(summaries, &self.mgc),
            growable: self.mgc.iter().map(|l| summaries[l.index].id).collect(),
            revenue_total: self.revenue_total,
            effort_share_key: (self.effort_total > 0.0).then_some(self.effort_share_key),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDateTime;

    use super::*;
    use crate::domain::{ArchiveReason, TouchDays};

    const TODAY: &str = "2026-11-27";

    fn today() -> NaiveDate {
        NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap()
    }

    fn days_ago(n: i64) -> NaiveDate {
        today() - Duration::days(n)
    }

    fn at(day: NaiveDate) -> NaiveDateTime {
        day.and_hms_opt(10, 0, 0).unwrap()
    }

    fn major(amount: i64) -> Money {
        Money(i128::from(amount) * 100)
    }

    fn summary(id: u64, stage: Stage) -> AccountSummary {
        AccountSummary::bare(id, stage, days_ago(500))
    }

    /// A small, unpinned customer with one order of `revenue` (major units) ten days ago.
    fn customer(id: u64, revenue: i64) -> AccountSummary {
        let mut s = summary(id, Stage::Customer { tier: Tier::Small, tier_pinned: false });
        if revenue > 0 {
            s.revenue_days.push((days_ago(10), major(revenue)));
        }
        s
    }

    fn prospect(id: u64, grade: Grade, potential: i64) -> AccountSummary {
        let mut s = summary(id, Stage::Prospect { grade });
        s.potential = Some(major(potential));
        s
    }

    /// Adds touches `(days ago, kind)`, keeping them oldest first.
    fn touched(mut s: AccountSummary, touches: &[(i64, TouchKind)]) -> AccountSummary {
        let mut all: Vec<(NaiveDate, TouchKind)> = s.touch_days.iter().collect();
        all.extend(touches.iter().map(|(ago, kind)| (days_ago(*ago), *kind)));
        s.touch_days = TouchDays::new(all);
        s.last_touch = s.touch_days.iter().last().map(|(day, _)| at(day));
        s
    }

    fn run(book: &[AccountSummary]) -> Focus {
        focus(book, today(), &Config::default(), &HashMap::new())
    }

    fn ids(book: &[AccountSummary], listed: &[Listed]) -> Vec<u64> {
        listed.iter().map(|l| book[l.index].id.0).collect()
    }

    fn class_of(book: &[AccountSummary], f: &Focus, id: u64) -> Option<Abc> {
        f.abc[book.iter().position(|s| s.id.0 == id).unwrap()]
    }

    #[test]
    fn ten_customers_cut_at_eighty_percent() {
        // 30 + 20 + 15 + 10 + 8 = 83% with five; four reach only 75%.
        let revenue =
            [(7, 6_000), (1, 30_000), (9, 2_000), (3, 15_000), (10, 1_000), (2, 20_000), (5, 8_000)];
        let mut book: Vec<AccountSummary> = revenue.iter().map(|(id, r)| customer(*id, *r)).collect();
        book.extend([customer(4, 10_000), customer(6, 5_000), customer(8, 3_000)]);
        let f = run(&book);
        assert_eq!(f.revenue_total, major(100_000));
        assert_eq!(f.threshold_revenue, major(80_000));
        assert_eq!(ids(&book, f.key_accounts()), [1, 2, 3, 4, 5]);
        assert!((f.revenue_share_key - 0.83).abs() < 1e-9);
        // B takes the share from 83% through 97% (6, 7, 8); C the last two.
        assert_eq!(f.abc_counts, [5, 3, 2]);
        assert_eq!(f.abc_revenue, [major(83_000), major(14_000), major(3_000)]);
        assert_eq!(class_of(&book, &f, 8), Some(Abc::B));
        assert_eq!(class_of(&book, &f, 9), Some(Abc::C));
        for id in 1..=5 {
            let index = book.iter().position(|s| s.id.0 == id).unwrap();
            assert!(f.is_key(index));
            assert_eq!(f.value_class[index], Some(ValueClass::Mvc));
        }
    }

    #[test]
    fn a_cut_between_equals_keeps_the_older_account() {
        // 60 + 10 + 10 = 80: two of the four 10s are key, the lowest ids.
        let book = vec![customer(1, 60), customer(5, 10), customer(4, 10), customer(3, 10), customer(2, 10)];
        let f = run(&book);
        assert_eq!(ids(&book, f.key_accounts()), [1, 2, 3]);
        assert_eq!(ids(&book, &f.customers), [1, 2, 3, 4, 5]);
        // Exactly 80% is reached: the next account is not needed.
        let book = vec![customer(1, 40), customer(2, 40), customer(3, 20)];
        let f = run(&book);
        assert_eq!(ids(&book, f.key_accounts()), [1, 2]);
        assert_eq!(class_of(&book, &f, 3), Some(Abc::B));
    }

    #[test]
    fn a_book_without_revenue_has_no_key_accounts() {
        let book = vec![
            touched(customer(1, 0), &[(1, TouchKind::Visit)]),
            customer(2, 0),
            prospect(3, Grade::A, 1_000),
        ];
        let f = run(&book);
        assert_eq!(f.revenue_total, Money::ZERO);
        assert_eq!(f.key_count, 0);
        assert_eq!(f.abc_counts, [0, 0, 2]);
        assert_eq!(f.revenue_share_key, 0.0);
        assert_eq!(f.effort_share_key, 0.0);
        assert!(!f.effort_short, "no key accounts, nothing to warn about");
        // The visit cost 300 and nothing came back.
        assert_eq!(f.value_class, [Some(ValueClass::Bzc), None, None]);
        assert_eq!(f.pareto(10), [(0.0, 0.0), (0.5, 0.0), (1.0, 0.0)]);
    }

    #[test]
    fn a_single_customer_is_the_key_account() {
        let book = vec![customer(1, 500), prospect(2, Grade::B, 100)];
        let f = run(&book);
        assert_eq!(ids(&book, f.key_accounts()), [1]);
        assert_eq!(f.revenue_share_key, 1.0);
        assert_eq!(f.abc_counts, [1, 0, 0]);
        assert_eq!(f.abc[1], None, "prospects have no ABC class");
    }

    #[test]
    fn revenue_older_than_twelve_months_and_archived_accounts_do_not_count() {
        let mut old = customer(1, 0);
        old.revenue_days.push((days_ago(400), major(1_000_000)));
        let mut archived = customer(2, 900_000);
        archived.archived = Some(ArchiveReason::Dormant);
        let book = vec![old, archived, customer(3, 100)];
        let f = run(&book);
        assert_eq!(f.revenue_total, major(100));
        assert_eq!(ids(&book, f.key_accounts()), [3]);
        assert_eq!(f.abc[0], Some(Abc::C));
        assert_eq!(f.abc[1], None);
    }

    #[test]
    fn effort_share_by_hand() {
        use TouchKind::*;
        let book = vec![
            // Key: two visits and a call in the window = 5 + 5 + 2 = 12; the
            // visit 40 days ago is outside it.
            touched(customer(1, 90_000), &[(40, Visit), (2, Visit), (9, Visit), (29, Call)]),
            // Small: ten SMS and four calls = 10 + 8 = 18.
            touched(customer(2, 1_000), &[(1, Sms); 10]),
            touched(prospect(3, Grade::B, 0), &[(3, Visit), (30, Call)]),
        ];
        let mut book = book;
        book[1] = touched(book[1].clone(), &[(5, Call), (6, Call), (7, Call), (8, Call)]);
        let f = run(&book);
        assert_eq!(f.effort, [12.0, 18.0, 5.0], "the call 30 days ago is outside a 30-day window");
        assert_eq!(f.effort_total, 35.0);
        assert!((f.effort_share_key - 12.0 / 35.0).abs() < 1e-9);
        assert_eq!(f.effort_abc, [12.0, 0.0, 18.0]);
        assert_eq!(f.effort_prospects, 5.0);
        assert!(f.effort_short, "34% of the effort for 99% of the revenue");
        // Over-served: a customer's effort share above its revenue share;
        // the prospect's effort is pipeline work.
        let over: Vec<u64> = f.over_served.iter().map(|o| book[o.index].id.0).collect();
        assert_eq!(over, [2]);
        assert!((f.over_served[0].effort_share - 18.0 / 35.0).abs() < 1e-9);

        // Effort on the key account above the target: no warning.
        let mut config = Config::default();
        config.focus.effort_target = 0.3;
        assert!(!focus(&book, today(), &config, &HashMap::new()).effort_short);
        config.focus.effort_days = 7;
        config.focus.effort_target = 0.9;
        let weekly = focus(&book, today(), &config, &HashMap::new());
        assert_eq!(weekly.effort, [5.0, 14.0, 5.0]);
        assert!(weekly.effort_short);
    }

    #[test]
    fn a_customer_that_costs_more_than_it_brings_is_bzc() {
        use TouchKind::*;
        let book = vec![
            customer(1, 100_000),
            // 500 of revenue, three visits at 300 over the year: -400.
            touched(customer(2, 500), &[(300, Visit), (200, Visit), (20, Visit)]),
            // 1,000 of revenue, two calls at 10: +980.
            touched(customer(3, 1_000), &[(5, Call), (6, Call)]),
            // 300 of revenue, no touches, but two incentives delivered: -100.
            customer(4, 300),
            // A visit 13 months ago is outside the year.
            touched(customer(5, 200), &[(395, Visit)]),
            // Prospects are investments, never BZC.
            touched(prospect(6, Grade::A, 0), &[(1, Visit), (2, Visit)]),
        ];
        let incentives = HashMap::from([(AccountId(4), major(400))]);
        let f = focus(&book, today(), &Config::default(), &incentives);
        assert_eq!(ids(&book, &f.bzc), [2, 4], "the deepest loss first");
        assert_eq!(f.bzc[0].amount, major(-400));
        assert_eq!(f.bzc[1].amount, major(-100));
        assert_eq!(f.value_class[1], Some(ValueClass::Bzc));
        assert_eq!(f.value_class[4], None);
        assert_eq!(f.value_class[5], None);
        assert_eq!(Windows::new(today(), &Config::default().focus).cost(&book[1]), major(900));
    }

    #[test]
    fn prospects_and_customers_with_headroom_are_mgc() {
        let mut grower = customer(2, 30_000);
        grower.potential = Some(major(100_000));
        let mut key = customer(1, 500_000);
        key.potential = Some(major(900_000));
        let book = vec![
            key,
            grower,
            prospect(3, Grade::C, 50_000),
            // Headroom of 8,000 is under the 10,000 threshold.
            prospect(4, Grade::A, 8_000),
            prospect(5, Grade::D, 20_000),
        ];
        let f = run(&book);
        assert_eq!(ids(&book, &f.mgc), [1, 2, 3, 5], "largest headroom first");
        assert_eq!(f.mgc[1].amount, major(70_000));
        assert_eq!(f.value_class[0], Some(ValueClass::Mvc), "a key account stays MVC");
        assert_eq!(f.value_class[2], Some(ValueClass::Mgc));
        assert_eq!(f.value_class[3], None);
        let marks = f.marks(&book);
        assert_eq!(marks.key_accounts, [AccountId(1)].into_iter().collect());
        assert_eq!(marks.big_potential, [AccountId(3), AccountId(5)].into_iter().collect());
        let quick = super::marks(&book, today(), &Config::default().focus);
        assert_eq!((quick.key_accounts, quick.big_potential), (marks.key_accounts, marks.big_potential));

        let mut config = Config::default();
        config.focus.mgc_top = 2;
        let top = focus(&book, today(), &config, &HashMap::new());
        assert_eq!(ids(&book, &top.mgc), [1, 2]);
    }

    #[test]
    fn tiers_follow_revenue_thresholds() {
        let rules = FocusRules::default();
        for (revenue, tier) in [
            (Money(1_999_999), Tier::Small),
            (major(20_000), Tier::Medium),
            (major(99_999), Tier::Medium),
            (major(100_000), Tier::Large),
            (major(300_000), Tier::Vip),
            (Money::ZERO, Tier::Small),
        ] {
            assert_eq!(suggested_tier(revenue, &rules), tier, "{revenue:?}");
        }
    }

    #[test]
    fn the_forecast_weights_potential_by_grade() {
        let mut archived = prospect(5, Grade::A, 1_000_000);
        archived.archived = Some(ArchiveReason::Lost);
        let book = vec![
            prospect(1, Grade::A, 10_000),
            prospect(2, Grade::A, 20_000),
            prospect(3, Grade::D, 1_000),
            summary(4, Stage::Prospect { grade: Grade::C }),
            archived,
        ];
        let f = run(&book);
        let a = &f.forecast[Grade::A as usize];
        assert_eq!((a.prospects, a.potential, a.weighted), (2, major(30_000), major(18_000)));
        assert_eq!(f.forecast[Grade::C as usize].prospects, 1);
        assert_eq!(f.forecast[Grade::D as usize].weighted, major(30));
        assert_eq!(f.forecast_total, major(18_030));
    }

    #[test]
    fn the_pareto_curve_is_sampled_from_the_origin_to_the_whole() {
        let book = vec![customer(1, 40), customer(2, 30), customer(3, 20), customer(4, 10)];
        let f = run(&book);
        let curve = f.pareto(4);
        let expected = [(0.0, 0.0), (0.25, 0.4), (0.5, 0.7), (0.75, 0.9), (1.0, 1.0)];
        assert_eq!(curve.len(), expected.len());
        for ((x, y), (ex, ey)) in curve.iter().zip(expected) {
            assert!((x - ex).abs() < 1e-9 && (y - ey).abs() < 1e-9, "{curve:?}");
        }
        assert_eq!(f.pareto(2).len(), 3);
        assert_eq!(f.pareto(100).len(), 5, "never more points than customers");
    }
}
