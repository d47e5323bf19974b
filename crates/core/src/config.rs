//! The rep's settings: contact cadences, ranking weights, referral and
//! holiday rules, next-step suggestions. A TOML file in the user's config
//! directory (or `--config FILE`); everything has a default, and a mistake
//! in the file is an error that names its line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::dates::check_date;
use crate::domain::{Grade, Money, Outcome, Tier, TouchKind};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Days between touches before an account is due, per grade and tier.
    pub cadence: Cadence,
    pub ranking: Weights,
    pub referrals: ReferralRules,
    pub holidays: Holidays,
    /// Days to the next step an outcome suggests (`log --next auto`).
    #[serde(deserialize_with = "next_step_over_defaults")]
    pub next_step: BTreeMap<Outcome, u32>,
    pub sms: SmsRule,
    pub focus: FocusRules,
    /// The daily plan: how many touches a day, and who gets the slots.
    pub plan: PlanRules,
    pub backup: BackupRules,
    pub ui: Ui,
    pub contacts: ContactRules,
    pub calendar: CalendarRules,
    pub sync: SyncRules,
    /// Keys of the terminal interface, rebound by command name
    /// (`log_call = "C"`, `down = ["j", "n"]`); see `leadline config`.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub keys: BTreeMap<String, KeyList>,
    /// Which settled values came from the locale rather than the file.
    #[serde(skip)]
    pub from_locale: FromLocale,
}

/// The settings the locale decided (see [`Config::settle_locale`]): the
/// locale variable a value came from, for `leadline config` to say.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FromLocale {
    /// `LANG=en_US.UTF-8`: the variable whose country is the phone region.
    pub region: Option<String>,
}

/// The interface.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Ui {
    /// "en" or "zh-CN"; without it, the environment's locale decides.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<crate::locale::Lang>,
    /// The symbol written before amounts (`"$"`, `"¥"`, `"CHF"`), or
    /// `"none"`; unset, the phone region's currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// `"24h"` or `"12h"`; unset, the phone region's habit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clock: Option<HourClock>,
}

/// How times of day are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum HourClock {
    #[default]
    #[serde(rename = "24h")]
    H24,
    #[serde(rename = "12h")]
    H12,
}

impl Ui {
    /// The language in force (English until one is chosen).
    pub fn lang(&self) -> crate::locale::Lang {
        self.language.unwrap_or_default()
    }

    /// The symbol before amounts, if any.
    pub fn currency_symbol(&self) -> Option<&str> {
        self.currency.as_deref().filter(|symbol| *symbol != "none")
    }

    pub fn clock(&self) -> HourClock {
        self.clock.unwrap_or_default()
    }

    /// An amount for reading: `$18,450.00`, `-¥5.00`, `CHF 1,200.00`.
    pub fn money(&self, amount: Money) -> String {
        let grouped = amount.grouped();
        let Some(symbol) = self.currency_symbol() else { return grouped };
        let (sign, digits) = grouped.strip_prefix('-').map_or(("", grouped.as_str()), |d| ("-", d));
        let gap = if symbol.chars().last().is_some_and(char::is_alphabetic) { " " } else { "" };
        format!("{sign}{symbol}{gap}{digits}")
    }
}

/// The currency of a country's money, as its people write it before an
/// amount; none for a country not listed.
fn currency_of(region: &str) -> Option<&'static str> {
    const EURO: [&str; 20] = [
        "AT", "BE", "CY", "DE", "EE", "ES", "FI", "FR", "GR", "HR", "IE", "IT", "LT", "LU", "LV", "MT", "NL",
        "PT", "SI", "SK",
    ];
    Some(match region {
        "CN" | "JP" => "¥",
        "US" | "CA" | "AU" | "NZ" | "MX" => "$",
        "GB" => "£",
        "HK" => "HK$",
        "TW" => "NT$",
        "SG" => "S$",
        "KR" => "₩",
        "IN" => "₹",
        "CH" => "CHF",
        "SE" | "NO" | "DK" => "kr",
        "PL" => "zł",
        "BR" => "R$",
        _ if EURO.contains(&region) => "€",
        _ => return None,
    })
}

/// Whether a country reads the clock in 12 hours (2:00 PM).
fn twelve_hour_country(region: &str) -> bool {
    matches!(region, "US" | "CA" | "AU" | "NZ" | "IN" | "PH" | "EG" | "SA" | "PK" | "BD")
}

/// How contact details are read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ContactRules {
    /// The country of phone numbers written without a country code
    /// (`"US"`), for their international form. Unset, the locale's country
    /// (`en_US` → US), else CN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_region: Option<crate::domain::phone::Region>,
}

impl ContactRules {
    /// The region in force.
    pub fn region(&self) -> crate::domain::phone::Region {
        self.default_region.unwrap_or_default()
    }

    /// How the region writes a date in numbers: month first in North
    /// America and East Asia (12/15), day first elsewhere (15/12).
    pub fn date_order(&self) -> crate::clock::DateOrder {
        match self.region().to_string().as_str() {
            "US" | "CA" | "PH" | "CN" | "TW" | "HK" | "MO" | "JP" | "KR" => {
                crate::clock::DateOrder::MonthFirst
            }
            _ => crate::clock::DateOrder::DayFirst,
        }
    }
}

/// Sync through the team's PostgreSQL database.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SyncRules {
    /// A PostgreSQL connection string (`postgres://rep@host/leadline`,
    /// `host=/run/postgresql dbname=leadline`); never a password, which
    /// comes from `PGPASSWORD` or `~/.pgpass`. TLS as its `sslmode` says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The book's name on the server.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub book: Option<String>,
    /// This machine's name, in what the others are told.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device: Option<String>,
    /// Sync after each change, in the background: a command starts a
    /// sync of its own and returns; the terminal interface syncs on a
    /// thread of its own and shows how it went in the status bar.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub auto: bool,
}

/// How `calendar sync` reads what changed on the phone.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CalendarRules {
    /// An event moved to a later day on the phone counts as a snooze of
    /// its follow-up (the ranking weighs snoozes); else it is a reschedule.
    pub later_is_snooze: bool,
}

/// Leadline's own backups of the book, beside sled's files (a hedge against
/// sled's known crash-recovery faults).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BackupRules {
    /// Write a backup after the first change of each day, and before an
    /// import, a migration or `doctor --repair`.
    pub enabled: bool,
    /// Keep the newest this many daily backups...
    pub keep_daily: u32,
    /// ...and, of older ones, the newest of each of this many weeks.
    pub keep_weekly: u32,
    /// Where [default: `backups` beside the store, see `leadline backups`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dir: Option<PathBuf>,
}

impl Default for BackupRules {
    fn default() -> Self {
        BackupRules { enabled: true, keep_daily: 14, keep_weekly: 8, dir: None }
    }
}

// A table in the file changes the entries it names; the others keep their
// defaults, so setting one weight does not zero the rest.
fn over_defaults<'de, D, K, V>(deserializer: D, defaults: BTreeMap<K, V>) -> Result<BTreeMap<K, V>, D::Error>
where
    D: serde::Deserializer<'de>,
    K: Ord + Deserialize<'de>,
    V: Deserialize<'de>,
{
    let mut merged = defaults;
    merged.extend(BTreeMap::<K, V>::deserialize(deserializer)?);
    Ok(merged)
}

fn next_step_over_defaults<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<Outcome, u32>, D::Error> {
    over_defaults(d, Config::default().next_step)
}

fn effort_over_defaults<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<TouchKind, f64>, D::Error> {
    over_defaults(d, FocusRules::default().effort)
}

fn cost_over_defaults<'de, D: serde::Deserializer<'de>>(d: D) -> Result<BTreeMap<TouchKind, f64>, D::Error> {
    over_defaults(d, FocusRules::default().cost)
}

/// The 80/20 rules: key accounts, ABC, tiers, effort, value classes and
/// the forecast. Amounts are in major units of the book's currency.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FocusRules {
    /// Key accounts: the fewest customers whose revenue over 12 months
    /// reaches this share of the total (class A)...
    pub key_share: f64,
    /// ...and class B the next ones, up to this share.
    pub b_share: f64,
    /// Effort is counted over this many days...
    pub effort_days: u32,
    /// ...and the key accounts should get at least this share of it.
    pub effort_target: f64,
    /// MGC: accounts whose potential exceeds their revenue over 12 months by
    /// more than this...
    pub mgc_headroom: f64,
    /// ...the largest this many.
    pub mgc_top: usize,
    /// What a delivered referral incentive costs its referrer to serve.
    pub incentive_cost: f64,
    /// Revenue over 12 months from which each tier is suggested.
    pub tier_revenue: TierRevenue,
    /// Weight of one touch of each kind in effort.
    #[serde(deserialize_with = "effort_over_defaults")]
    pub effort: BTreeMap<TouchKind, f64>,
    /// Cost of one touch of each kind, for the cost to serve.
    #[serde(deserialize_with = "cost_over_defaults")]
    pub cost: BTreeMap<TouchKind, f64>,
    /// Chance that a prospect of each grade buys, for the forecast.
    pub probability: GradeProbability,
    /// A competitor note not confirmed for this many days is marked stale.
    pub competitor_stale_days: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TierRevenue {
    pub medium: f64,
    pub large: f64,
    pub vip: f64,
}

impl Default for TierRevenue {
    fn default() -> Self {
        TierRevenue { medium: 20_000.0, large: 100_000.0, vip: 300_000.0 }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct GradeProbability {
    #[serde(rename = "A")]
    pub a: f64,
    #[serde(rename = "B")]
    pub b: f64,
    #[serde(rename = "C")]
    pub c: f64,
    #[serde(rename = "D")]
    pub d: f64,
}

impl Default for GradeProbability {
    fn default() -> Self {
        GradeProbability { a: 0.6, b: 0.3, c: 0.1, d: 0.03 }
    }
}

impl GradeProbability {
    pub fn of(&self, grade: Grade) -> f64 {
        match grade {
            Grade::A => self.a,
            Grade::B => self.b,
            Grade::C => self.c,
            Grade::D => self.d,
        }
    }
}

impl Default for FocusRules {
    fn default() -> Self {
        use TouchKind::*;
        FocusRules {
            key_share: 0.8,
            b_share: 0.95,
            effort_days: 30,
            effort_target: 0.6,
            mgc_headroom: 10_000.0,
            mgc_top: 10,
            incentive_cost: 200.0,
            tier_revenue: TierRevenue::default(),
            effort: BTreeMap::from([
                (Visit, 5.0),
                (Meeting, 5.0),
                (Gift, 3.0),
                (Call, 2.0),
                (Letter, 1.0),
                (Email, 1.0),
                (Sms, 1.0),
            ]),
            cost: BTreeMap::from([
                (Visit, 300.0),
                (Meeting, 300.0),
                (Gift, 200.0),
                (Call, 10.0),
                (Letter, 10.0),
                (Email, 2.0),
                (Sms, 1.0),
            ]),
            probability: GradeProbability::default(),
            competitor_stale_days: 90,
        }
    }
}

impl FocusRules {
    /// A major-units amount from the file as money.
    pub fn money(amount: f64) -> Money {
        Money((amount * 100.0).round() as i128)
    }

    fn check(&self, check: &mut Checker) {
        check.share("focus.key_share", self.key_share);
        check.share("focus.b_share", self.b_share);
        check.share("focus.effort_target", self.effort_target);
        if self.b_share < self.key_share {
            check.fail("focus.b_share", SettingProblem::BShareBelowKeyShare);
        }
        check.days("focus.effort_days", self.effort_days, 1);
        check.days("focus.competitor_stale_days", self.competitor_stale_days, 1);
        check.amount("focus.mgc_headroom", self.mgc_headroom);
        check.count("focus.mgc_top", self.mgc_top as u64, 0, 10_000);
        check.amount("focus.incentive_cost", self.incentive_cost);
        let t = &self.tier_revenue;
        check.amount("focus.tier_revenue.medium", t.medium);
        check.amount("focus.tier_revenue.large", t.large);
        check.amount("focus.tier_revenue.vip", t.vip);
        if !(t.medium <= t.large && t.large <= t.vip) {
            check.fail("focus.tier_revenue", SettingProblem::TierRevenueFalls);
        }
        for (kind, weight) in &self.effort {
            check.effort(&format!("focus.effort.{kind}"), *weight);
        }
        for (kind, cost) in &self.cost {
            check.amount(&format!("focus.cost.{kind}"), *cost);
        }
        let p = &self.probability;
        for (grade, value) in [("A", p.a), ("B", p.b), ("C", p.c), ("D", p.d)] {
            check.probability(&format!("focus.probability.{grade}"), value);
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Cadence {
    #[serde(rename = "A")]
    pub a: u32,
    #[serde(rename = "B")]
    pub b: u32,
    #[serde(rename = "C")]
    pub c: u32,
    #[serde(rename = "D")]
    pub d: u32,
    pub vip: u32,
    pub large: u32,
    pub medium: u32,
    pub small: u32,
}

impl Default for Cadence {
    fn default() -> Self {
        Cadence { a: 3, b: 7, c: 14, d: 30, vip: 14, large: 30, medium: 45, small: 60 }
    }
}

impl Cadence {
    pub fn for_grade(&self, grade: Grade) -> u32 {
        match grade {
            Grade::A => self.a,
            Grade::B => self.b,
            Grade::C => self.c,
            Grade::D => self.d,
        }
    }

    pub fn for_tier(&self, tier: Tier) -> u32 {
        match tier {
            Tier::Vip => self.vip,
            Tier::Large => self.large,
            Tier::Medium => self.medium,
            Tier::Small => self.small,
        }
    }
}

/// Points a row earns for each thing that makes it urgent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Weights {
    /// A follow-up that is overdue at all: a promise already broken.
    pub overdue: f64,
    /// And per day it is overdue (up to 30 days).
    pub overdue_day: f64,
    /// A follow-up due today.
    pub due_today: f64,
    /// Per day past the cadence (up to 60 days).
    pub cadence_day: f64,
    /// By grade, A to D.
    #[serde(deserialize_with = "four_weights")]
    pub grade: [f64; 4],
    /// By tier, VIP, large, medium, small.
    #[serde(deserialize_with = "four_weights")]
    pub tier: [f64; 4],
    /// A follow-up that comes from a referral.
    pub referral: f64,
    pub key_account: f64,
    pub big_potential: f64,
    /// A holiday greeting that is due.
    pub holiday: f64,
    /// Per time the follow-up was snoozed (negative: it sinks).
    pub snooze: f64,
    /// A new lead's first contact, beside its grade's points.
    pub first_contact: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            overdue: 30.0,
            overdue_day: 3.0,
            due_today: 20.0,
            cadence_day: 0.5,
            grade: [30.0, 20.0, 10.0, 3.0],
            tier: [30.0, 20.0, 10.0, 5.0],
            referral: 25.0,
            key_account: 25.0,
            big_potential: 15.0,
            holiday: 15.0,
            snooze: -3.0,
            first_contact: 20.0,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReferralRules {
    /// Contact a new referee within this many days.
    pub contact_referee_days: u32,
    /// Thank the referrer within this many days.
    pub thank_referrer_days: u32,
    /// Deliver an earned incentive within this many days.
    pub deliver_incentive_days: u32,
}

impl Default for ReferralRules {
    fn default() -> Self {
        ReferralRules { contact_referee_days: 2, thank_referrer_days: 1, deliver_incentive_days: 7 }
    }
}

/// Festivals that come with Leadline, every year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HolidayPreset {
    #[default]
    None,
    /// 元旦, 春节, 元宵节, 清明节, 劳动节, 端午节, 中秋节, 国庆节, each with its
    /// own lead and way to greet.
    Cn,
    /// New Year's Day, Memorial Day, Independence Day, Labor Day,
    /// Thanksgiving and Christmas, each with its own lead and way to greet.
    Us,
}

impl HolidayPreset {
    fn festivals(self) -> Option<crate::domain::festivals::Festivals> {
        match self {
            HolidayPreset::None => None,
            HolidayPreset::Cn => Some(crate::domain::festivals::Festivals::Chinese),
            HolidayPreset::Us => Some(crate::domain::festivals::Festivals::American),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Holidays {
    /// Unset, the language's: `cn` under Chinese, else `none` (see
    /// [`Config::set_language`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preset: Option<HolidayPreset>,
    /// Days before one of `dates` that key and VIP customers are due a greeting.
    pub lead_days: u32,
    /// Dates and names, e.g. `"2027-02-06" = "春节"`; a date here wins over
    /// the preset's festival on that day.
    #[serde(with = "holiday_days")]
    pub dates: HolidayDays,
    /// A holiday gift is planned to go out at least this many days before
    /// the holiday (it must arrive); a greeting SMS may go on the day.
    pub gift_days: u32,
    /// A holiday's own lead and way where the preset's (or, for `dates`,
    /// `lead_days` and a gift) do not suit: `"Christmas" = { lead_days =
    /// 21, way = "letter" }`, by the holiday's name.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub greetings: BTreeMap<String, Greeting>,
}

impl Default for Holidays {
    fn default() -> Self {
        Holidays {
            preset: None,
            lead_days: 7,
            dates: HolidayDays::default(),
            gift_days: 3,
            greetings: BTreeMap::new(),
        }
    }
}

/// How to greet for one holiday: how many days ahead, and how (a card, a
/// call, a gift ...); either left out keeps the holiday's own.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Greeting {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead_days: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub way: Option<TouchKind>,
}

/// A holiday to greet key accounts for: its day and name, how many days
/// ahead, and how (a gift, a greeting SMS).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Holiday<'a> {
    pub day: NaiveDate,
    pub name: &'a str,
    pub lead_days: u32,
    pub action: TouchKind,
}

impl Holiday<'_> {
    /// The first day of its greeting window.
    pub fn window_start(&self) -> NaiveDate {
        self.day - chrono::Duration::days(self.lead_days.into())
    }
}

/// The custom holidays: on a date (`"2027-02-06" = "春节"`), or on a day
/// every year (`"12-25" = "Christmas"`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HolidayDays {
    pub dated: BTreeMap<NaiveDate, String>,
    /// By (month, day).
    pub yearly: BTreeMap<(u32, u32), String>,
}

impl HolidayDays {
    pub fn insert(&mut self, day: NaiveDate, name: String) {
        self.dated.insert(day, name);
    }

    pub fn clear(&mut self) {
        self.dated.clear();
        self.yearly.clear();
    }

    pub fn is_empty(&self) -> bool {
        self.dated.is_empty() && self.yearly.is_empty()
    }

    /// The custom holidays from `from` to `to`, by day (a date wins over a
    /// yearly day on the same day).
    fn between(&self, from: NaiveDate, to: NaiveDate) -> BTreeMap<NaiveDate, &String> {
        use chrono::Datelike;
        let mut days: BTreeMap<NaiveDate, &String> = BTreeMap::new();
        if !self.yearly.is_empty() {
            for year in from.year()..=to.year() {
                for ((month, day), name) in &self.yearly {
                    if let Some(date) =
                        NaiveDate::from_ymd_opt(year, *month, *day).filter(|d| (from..=to).contains(d))
                    {
                        days.insert(date, name);
                    }
                }
            }
        }
        days.extend(self.dated.range(from..=to).map(|(day, name)| (*day, name)));
        days
    }

    fn contains(&self, day: NaiveDate) -> bool {
        use chrono::Datelike;
        self.dated.contains_key(&day) || self.yearly.contains_key(&(day.month(), day.day()))
    }

    fn names(&self) -> impl Iterator<Item = &String> {
        self.dated.values().chain(self.yearly.values())
    }
}

/// `[holidays.dates]` as TOML writes it: keys `YYYY-MM-DD` or `MM-DD`.
mod holiday_days {
    use super::HolidayDays;
    use super::OwnError;
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::collections::BTreeMap;

    pub fn serialize<S: Serializer>(days: &HolidayDays, serializer: S) -> Result<S::Ok, S::Error> {
        let mut all: BTreeMap<String, &String> = BTreeMap::new();
        all.extend(days.yearly.iter().map(|((m, d), name)| (format!("{m:02}-{d:02}"), name)));
        all.extend(days.dated.iter().map(|(day, name)| (day.to_string(), name)));
        all.serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<HolidayDays, D::Error> {
        let mut days = HolidayDays::default();
        for (key, name) in BTreeMap::<String, String>::deserialize(deserializer)? {
            if let Ok(day) = NaiveDate::parse_from_str(&key, "%Y-%m-%d") {
                days.dated.insert(day, name);
                continue;
            }
            let yearly =
                key.split_once('-').and_then(|(m, d)| Some((m.parse::<u32>().ok()?, d.parse::<u32>().ok()?)));
            // A day that some year has (02-29 comes every four years).
            match yearly.filter(|(m, d)| NaiveDate::from_ymd_opt(2024, *m, *d).is_some()) {
                Some(month_day) => {
                    days.yearly.insert(month_day, name);
                }
                None => return Err(OwnError::NotADay(key).into_serde()),
            }
        }
        Ok(days)
    }
}

impl Holidays {
    /// The preset in force.
    pub fn preset(&self) -> HolidayPreset {
        self.preset.unwrap_or_default()
    }

    /// No holiday in force: no preset, no dates.
    pub fn is_empty(&self) -> bool {
        self.preset() == HolidayPreset::None && self.dates.is_empty()
    }

    /// The longest lead of any holiday in force.
    fn max_lead(&self) -> u32 {
        let preset = self.preset().festivals().map_or(0, |f| f.max_lead());
        let own = self.greetings.values().filter_map(|g| g.lead_days).max().unwrap_or(0);
        self.lead_days.max(preset).max(own)
    }

    /// A holiday's lead and way, with `greetings` over its own. Two
    /// festivals on one day are greeted as one ("中秋节、国庆节"): each
    /// one's greeting counts.
    fn greeted(&self, name: &str, lead_days: u32, way: TouchKind) -> (u32, TouchKind) {
        if self.greetings.is_empty() {
            return (lead_days, way);
        }
        let own: Vec<&Greeting> = match self.greetings.get(name) {
            Some(greeting) => vec![greeting],
            None => name.split('、').filter_map(|part| self.greetings.get(part)).collect(),
        };
        own.into_iter()
            .fold((lead_days, way), |(lead, way), g| (g.lead_days.unwrap_or(lead), g.way.unwrap_or(way)))
    }

    fn custom<'a>(&self, (day, name): (NaiveDate, &'a String)) -> Holiday<'a> {
        let (lead_days, action) = self.greeted(name, self.lead_days, TouchKind::Gift);
        Holiday { day, name, lead_days, action }
    }

    /// The holidays from `from` to `to`: the custom dates, then the preset's
    /// festivals on other days (a custom date wins on its day). Not in day
    /// order across the two; nothing is collected, as the plan asks this of
    /// every key account for every day it plans.
    fn between(&self, from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = Holiday<'_>> {
        let custom = self.dates.between(from, to).into_iter().map(|entry| self.custom(entry));
        let festivals = self.preset().festivals().map(|f| f.calendar().range(from..=to));
        let preset = festivals.into_iter().flatten().filter(|(day, _)| !self.dates.contains(**day)).map(
            |(day, festival)| {
                let (lead_days, action) = self.greeted(&festival.name, festival.lead_days, festival.action);
                Holiday { day: *day, name: &festival.name, lead_days, action }
            },
        );
        custom.chain(preset)
    }

    /// The names of the holidays in force: the preset's festivals, then
    /// the custom dates'.
    pub fn names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.preset().festivals().map(|f| f.names().collect()).unwrap_or_default();
        for name in self.dates.names() {
            if !names.contains(&name.as_str()) {
                names.push(name);
            }
        }
        names
    }

    /// The holiday on `day`, if any.
    pub fn on(&self, day: NaiveDate) -> Option<Holiday<'_>> {
        self.between(day, day).next()
    }

    /// The nearest holiday whose greeting window holds `today`.
    pub fn greeting_due(&self, today: NaiveDate) -> Option<Holiday<'_>> {
        let until = today + chrono::Duration::days(self.max_lead().into());
        self.between(today, until).filter(|h| h.window_start() <= today).min_by_key(|h| h.day)
    }

    /// The first day from `from` to `until` on which some holiday's
    /// greeting window is open.
    pub fn first_window(&self, from: NaiveDate, until: NaiveDate) -> Option<NaiveDate> {
        let last = until + chrono::Duration::days(self.max_lead().into());
        self.between(from, last).map(|h| h.window_start().max(from)).filter(|d| *d <= until).min()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SmsRule {
    /// This many SMS without an answer flag the account...
    pub unanswered: u32,
    /// ...within this many days.
    pub within_days: u32,
}

impl Default for SmsRule {
    fn default() -> Self {
        SmsRule { unanswered: 3, within_days: 14 }
    }
}

/// The daily plan's settings. A day's capacity is `capacity`, or the
/// weekday's own (`sat = 10`, `sun = 0`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PlanRules {
    /// Touches a day.
    pub capacity: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mon: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tue: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wed: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thu: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fri: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sat: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sun: Option<u32>,
    /// Share of each day's planned effort (weighed as `[focus.effort]`
    /// weighs it) the plan gives the key accounts; 0 plans by score alone
    /// [default: focus.effort_target].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_share: Option<f64>,
    /// An order is a contact: it counts for the last touch and restarts
    /// the cadence.
    pub orders_reset_cadence: bool,
    /// A new account never contacted is due its first contact this many
    /// days after it was added.
    pub first_contact_days: u32,
    /// Visits the plan proposes a day, to key accounts (visits promised
    /// come on top); every other row is a call, SMS or email, even for an
    /// account usually visited.
    pub visits_per_day: u32,
    /// A touch that reaches the person closes their due promise (and an
    /// unanswered one counts as tried); off, only `done` closes one.
    pub touch_closes_promise: bool,
    /// When promises alone fill a day, those of C and D prospects overdue
    /// by more than this many days are offered to move in one go
    /// (`leadline triage`).
    pub triage_days: u32,
}

/// The most touches a day's plan may hold.
pub const MAX_CAPACITY: u32 = 1000;

impl Default for PlanRules {
    fn default() -> Self {
        PlanRules {
            capacity: 25,
            mon: None,
            tue: None,
            wed: None,
            thu: None,
            fri: None,
            sat: None,
            sun: None,
            key_share: None,
            orders_reset_cadence: true,
            first_contact_days: 1,
            visits_per_day: 5,
            touch_closes_promise: true,
            triage_days: 3,
        }
    }
}

impl PlanRules {
    /// The weekdays as the file names them, Monday first.
    const WEEKDAYS: [&'static str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    fn weekdays(&self) -> [Option<u32>; 7] {
        [self.mon, self.tue, self.wed, self.thu, self.fri, self.sat, self.sun]
    }

    /// Touches planned for `day`.
    pub fn capacity_on(&self, day: NaiveDate) -> u32 {
        use chrono::Datelike;
        self.weekdays()[day.weekday().num_days_from_monday() as usize].unwrap_or(self.capacity)
    }

    /// Where a snooze moves a follow-up due on `due` when no day is given:
    /// the first working day after it, and never today or earlier.
    pub fn snooze_day(&self, due: NaiveDate, today: NaiveDate) -> NaiveDate {
        self.next_working_day(due.max(today))
    }

    /// The first day after `day` with room in the plan; the day after when
    /// no weekday has any.
    pub fn next_working_day(&self, day: NaiveDate) -> NaiveDate {
        let next = day.succ_opt().unwrap_or(day);
        next.iter_days().take(7).find(|d| self.capacity_on(*d) > 0).unwrap_or(next)
    }

    /// Which weekdays have room in the plan, Monday first.
    pub fn working_weekdays(&self) -> [bool; 7] {
        self.weekdays().map(|capacity| capacity.unwrap_or(self.capacity) > 0)
    }

    /// `day` when it has room in the plan, else the next day that has.
    pub fn working_day_from(&self, day: NaiveDate) -> NaiveDate {
        if self.capacity_on(day) > 0 { day } else { self.next_working_day(day) }
    }

    /// The share of each day's planned effort kept for key accounts.
    pub fn key_share(&self, focus: &FocusRules) -> f64 {
        self.key_share.unwrap_or(focus.effort_target)
    }

    /// The working day `n` working days after `day` (with room in the
    /// plan); `n` of 0 is `day` itself.
    pub fn working_days_after(&self, day: NaiveDate, n: u32) -> NaiveDate {
        (0..n).fold(day, |d, _| self.next_working_day(d))
    }

    fn check(&self, check: &mut Checker) {
        check.count("plan.capacity", self.capacity.into(), 0, MAX_CAPACITY.into());
        for (name, capacity) in Self::WEEKDAYS.iter().zip(self.weekdays()) {
            if let Some(capacity) = capacity {
                check.count(&format!("plan.{name}"), capacity.into(), 0, MAX_CAPACITY.into());
            }
        }
        if let Some(share) = self.key_share {
            check.probability("plan.key_share", share);
        }
        check.days("plan.first_contact_days", self.first_contact_days, 0);
        check.days("plan.triage_days", self.triage_days, 0);
        check.count("plan.visits_per_day", self.visits_per_day.into(), 0, MAX_CAPACITY.into());
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            cadence: Cadence::default(),
            ranking: Weights::default(),
            referrals: ReferralRules::default(),
            holidays: Holidays::default(),
            next_step: BTreeMap::from([
                (Outcome::NoAnswer, 1),
                (Outcome::Busy, 1),
                (Outcome::LeftMessage, 2),
                (Outcome::WrongNumber, 0),
                (Outcome::QuoteSent, 3),
                (Outcome::Reached, 7),
                (Outcome::Replied, 7),
            ]),
            sms: SmsRule::default(),
            focus: FocusRules::default(),
            plan: PlanRules::default(),
            backup: BackupRules::default(),
            ui: Ui::default(),
            contacts: ContactRules::default(),
            calendar: CalendarRules::default(),
            sync: SyncRules::default(),
            keys: BTreeMap::new(),
            from_locale: FromLocale::default(),
        }
    }
}

/// A check a front adds to the settings' own: on a problem, the dotted key
/// it is about and the message.
pub type ExtraCheck<'a> = &'a dyn Fn(&Config) -> Result<(), (String, String)>;

/// Keys a command is bound to in `[keys]`: one key, or several.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum KeyList {
    One(String),
    Many(Vec<String>),
}

impl KeyList {
    pub fn texts(&self) -> Vec<&str> {
        match self {
            KeyList::One(key) => vec![key.as_str()],
            KeyList::Many(keys) => keys.iter().map(String::as_str).collect(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Read { path: String, source: std::io::Error },
    /// What is wrong, and where in the file (line and column) when known.
    #[error("{path}: {}{problem}", at.map_or(String::new(), |(line, column)| format!("line {line}, column {column}: ")))]
    Invalid { path: String, at: Option<(usize, usize)>, problem: SettingProblem },
}

/// What is wrong with the settings. `Display` is the English of the logs;
/// the catalogues word it for the rep.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum SettingProblem {
    /// What the TOML reader said, in its own words: the file is not TOML,
    /// a value has the wrong type, a setting has no such name.
    #[error("{0}")]
    Toml(String),
    #[error("{key} = {value} is out of range: {range}")]
    OutOfRange { key: String, value: String, range: Range },
    #[error("focus.b_share must be at least focus.key_share")]
    BShareBelowKeyShare,
    #[error("focus.tier_revenue must rise: medium <= large <= vip")]
    TierRevenueFalls,
    #[error("needs 4 weights (A to D, or VIP, large, medium, small), not {0}")]
    FourWeights(usize),
    #[error("'{0}' is not a day: a date YYYY-MM-DD, or MM-DD for every year")]
    NotADay(String),
    #[error("holidays.dates: {0} is outside the years 1900 to 2200 that Leadline accepts")]
    HolidayOutOfWindow(NaiveDate),
    #[error("a holiday's name is at most 60 characters")]
    HolidayNameLong,
    #[error("a holiday needs a name (it is greeted by it)")]
    HolidayNameEmpty,
    #[error("holidays.greetings: '{name}' is not a holiday Leadline knows (they are: {})", known.join(", "))]
    NoSuchHoliday { name: String, known: Vec<String> },
    #[error("backup.dir is empty: leave it out for backups beside the store, or give a directory")]
    BackupDirEmpty,
    #[error(
        "ui.currency = '{0}': a symbol of 1 to 4 characters without digits or spaces ($, ¥, CHF), or none"
    )]
    Currency(String),
    /// A front's own check (the terminal's keys), worded by the front.
    #[error("{0}")]
    Front(String),
}

/// The range a setting out of range should be in.
#[derive(Clone, Copy, Debug, PartialEq, thiserror::Error)]
pub enum Range {
    #[error("days from {min} to {max}")]
    Days { min: u32, max: u32 },
    #[error("from {min} to {max}")]
    Count { min: u64, max: u64 },
    #[error("a share above 0 and at most 1")]
    Share,
    #[error("a probability from 0 to 1")]
    Probability,
    #[error("an amount from 0 to {max}")]
    Amount { max: f64 },
    #[error("a weight from 0 to 1000")]
    Weight,
    #[error("points from -1000 to 1000")]
    Points,
}

/// The custom errors of our own deserializers travel through the TOML
/// reader as text: this prefix marks them so that they come back typed.
const OWN_ERROR: &str = "leadline-setting:";

/// Where the config is read from: `--config FILE`, else the user's config
/// directory (`~/.config/leadline/config.toml`).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "leadline").map(|dirs| dirs.config_dir().join("config.toml"))
}

impl Config {
    /// Parses a config file's text; the error names the line and column.
    /// Settles the language, and with it the defaults that follow it: the
    /// Chinese festivals under Chinese unless `[holidays] preset` says.
    pub fn set_language(&mut self, lang: crate::locale::Lang) {
        self.settle_locale(lang, |_| None);
    }

    /// Settles the language and what follows the rep's locale where the
    /// file does not say: the phone region from the locale's country
    /// (`en_US.UTF-8` → US; none named: CN), and the holidays from the
    /// region the file or the locale gave (CN → `cn`, US → `us`), else
    /// from the language (`cn` under Chinese).
    pub fn settle_locale(&mut self, lang: crate::locale::Lang, env: impl Fn(&str) -> Option<String>) {
        use crate::domain::phone::Region;
        self.ui.language = Some(lang);
        if self.contacts.default_region.is_none() {
            let variable = crate::locale::Lang::variable(env);
            let found = variable.as_ref().and_then(|(name, value)| {
                let region = crate::locale::Lang::territory(value)?.parse::<Region>().ok()?;
                Some((region, format!("{name}={value}")))
            });
            if let Some((region, from)) = found {
                self.contacts.default_region = Some(region);
                self.from_locale.region = Some(from);
            }
        }
        let by_region = self.contacts.default_region.map(|region| region.to_string());
        let preset = match (by_region.as_deref(), lang) {
            (Some("CN"), _) => HolidayPreset::Cn,
            (Some("US"), _) => HolidayPreset::Us,
            (Some(_), _) => HolidayPreset::None,
            (None, crate::locale::Lang::ZhCn) => HolidayPreset::Cn,
            (None, crate::locale::Lang::En) => HolidayPreset::None,
        };
        self.holidays.preset.get_or_insert(preset);
        let region = by_region.as_deref().or(match lang {
            crate::locale::Lang::ZhCn => Some("CN"),
            crate::locale::Lang::En => None,
        });
        self.ui.currency.get_or_insert_with(|| region.and_then(currency_of).unwrap_or("none").to_string());
        self.ui.clock.get_or_insert(match region.is_some_and(twelve_hour_country) {
            true => HourClock::H12,
            false => HourClock::H24,
        });
    }

    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        Config::parse_with(text, path, &|_| Ok(()))
    }

    /// [`Config::parse`] with a check of the caller's own (a front's keys):
    /// its problem, a dotted key and a message, is located like the others.
    pub fn parse_with(text: &str, path: &Path, extra: ExtraCheck<'_>) -> Result<Config, ConfigError> {
        let invalid = |at, problem| ConfigError::Invalid { path: path.display().to_string(), at, problem };
        let mut config: Config = toml::from_str(text).map_err(|e| {
            let at = e.span().map(|span| line_and_column(text, span.start));
            let message = e.message().trim();
            let problem = match message.split_once(OWN_ERROR) {
                Some((_, own)) => serde_json::from_str(own).map_or_else(
                    |_| SettingProblem::Toml(message.to_string()),
                    |own: OwnError| match own {
                        OwnError::FourWeights(count) => SettingProblem::FourWeights(count),
                        OwnError::NotADay(key) => SettingProblem::NotADay(key),
                    },
                ),
                None => SettingProblem::Toml(message.to_string()),
            };
            invalid(at, problem)
        })?;
        let extra = || {
            extra(&config).map_err(|(key, message)| Problem { key, problem: SettingProblem::Front(message) })
        };
        config
            .check()
            .and_then(|_| extra())
            .map_err(|problem| invalid(locate(text, &problem.key), problem.problem))?;
        // A relative directory is the settings file's neighbour, not the
        // current directory of whatever command runs.
        if let Some(dir) = config.backup.dir.as_mut().filter(|dir| dir.is_relative()) {
            let base = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
            let base = std::path::absolute(base).unwrap_or_else(|_| base.to_path_buf());
            *dir = base.join(&*dir);
        }
        Ok(config)
    }

    /// Reads `path`; a missing file at the default place means defaults,
    /// a missing file that was asked for is an error.
    pub fn load(path: &Path, required: bool) -> Result<Config, ConfigError> {
        Config::load_with(path, required, &|_| Ok(()))
    }

    pub fn load_with(path: &Path, required: bool, extra: ExtraCheck<'_>) -> Result<Config, ConfigError> {
        match std::fs::read_to_string(path) {
            Ok(text) => Config::parse_with(&text, path, extra),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => Ok(Config::default()),
            Err(source) => Err(ConfigError::Read { path: path.display().to_string(), source }),
        }
    }

    /// Every setting against its range; the first one out of range.
    fn check(&self) -> Result<(), Problem> {
        let mut check = Checker::default();
        let c = &self.cadence;
        for (name, days) in [
            ("A", c.a),
            ("B", c.b),
            ("C", c.c),
            ("D", c.d),
            ("vip", c.vip),
            ("large", c.large),
            ("medium", c.medium),
            ("small", c.small),
        ] {
            check.days(&format!("cadence.{name}"), days, 1);
        }
        let w = &self.ranking;
        for (name, weight) in [
            ("overdue", w.overdue),
            ("overdue_day", w.overdue_day),
            ("due_today", w.due_today),
            ("cadence_day", w.cadence_day),
            ("referral", w.referral),
            ("key_account", w.key_account),
            ("big_potential", w.big_potential),
            ("holiday", w.holiday),
            ("snooze", w.snooze),
            ("first_contact", w.first_contact),
        ] {
            check.score(&format!("ranking.{name}"), weight);
        }
        for (name, weights) in [("grade", w.grade), ("tier", w.tier)] {
            for weight in weights {
                check.score(&format!("ranking.{name}"), weight);
            }
        }
        let r = &self.referrals;
        check.days("referrals.contact_referee_days", r.contact_referee_days, 0);
        check.days("referrals.thank_referrer_days", r.thank_referrer_days, 0);
        check.days("referrals.deliver_incentive_days", r.deliver_incentive_days, 0);
        check.days("holidays.lead_days", self.holidays.lead_days, 0);
        check.count("holidays.gift_days", self.holidays.gift_days.into(), 0, 60);
        for date in self.holidays.dates.dated.keys() {
            if check_date(*date).is_err() {
                check.fail(&format!("holidays.dates.{date}"), SettingProblem::HolidayOutOfWindow(*date));
            }
        }
        let days = &self.holidays.dates;
        let named = days.dated.iter().map(|(date, name)| (date.to_string(), name));
        let yearly = days.yearly.iter().map(|((m, d), name)| (format!("{m:02}-{d:02}"), name));
        for (day, name) in named.chain(yearly) {
            if name.chars().count() > 60 {
                check.fail(&format!("holidays.dates.{day}"), SettingProblem::HolidayNameLong);
            }
            if name.trim().is_empty() {
                check.fail(&format!("holidays.dates.{day}"), SettingProblem::HolidayNameEmpty);
            }
        }
        // The preset may still come from the locale: any preset's name is
        // known here.
        let presets =
            [crate::domain::festivals::Festivals::American, crate::domain::festivals::Festivals::Chinese];
        let mut known: Vec<String> =
            presets.into_iter().flat_map(|f| f.names()).map(str::to_string).collect();
        known.extend(self.holidays.dates.names().cloned());
        for (name, greeting) in &self.holidays.greetings {
            let key = format!("holidays.greetings.{name}");
            if !known.contains(name) {
                check.fail(&key, SettingProblem::NoSuchHoliday { name: name.clone(), known: known.clone() });
            }
            if let Some(days) = greeting.lead_days {
                check.days(&format!("{key}.lead_days"), days, 0);
            }
        }
        for (outcome, days) in &self.next_step {
            check.days(&format!("next_step.{outcome}"), *days, 0);
        }
        check.count("sms.unanswered", self.sms.unanswered.into(), 1, 1000);
        check.days("sms.within_days", self.sms.within_days, 1);
        self.focus.check(&mut check);
        self.plan.check(&mut check);
        check.count("backup.keep_daily", self.backup.keep_daily.into(), 1, 3650);
        check.count("backup.keep_weekly", self.backup.keep_weekly.into(), 0, 520);
        if self.backup.dir.as_ref().is_some_and(|dir| dir.as_os_str().is_empty()) {
            check.fail("backup.dir", SettingProblem::BackupDirEmpty);
        }
        if let Some(symbol) = &self.ui.currency {
            let chars = symbol.chars().count();
            let plain =
                symbol.chars().all(|c| !c.is_whitespace() && !c.is_ascii_digit() && !".,-+".contains(c));
            if !(1..=4).contains(&chars) || !plain {
                check.fail("ui.currency", SettingProblem::Currency(symbol.clone()));
            }
        }
        check.first.map_or(Ok(()), Err)
    }

    pub fn to_toml(&self) -> String {
        toml::to_string_pretty(self).expect("the config serialises to TOML")
    }
}

/// Exactly four weights (a grade's A to D, a tier's VIP to small): five
/// were once read as the first four, silently.
fn four_weights<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<[f64; 4], D::Error> {
    let weights = Vec::<f64>::deserialize(deserializer)?;
    let count = weights.len();
    weights.try_into().map_err(|_| OwnError::FourWeights(count).into_serde())
}

/// A problem one of our deserializers found, carried as text through the
/// TOML reader (see [`OWN_ERROR`]).
#[derive(serde::Serialize, serde::Deserialize)]
enum OwnError {
    FourWeights(usize),
    NotADay(String),
}

impl OwnError {
    fn into_serde<E: serde::de::Error>(self) -> E {
        E::custom(format!("{OWN_ERROR}{}", serde_json::to_string(&self).expect("plain data")))
    }
}

/// A setting out of its range: its dotted key and what is wrong.
#[derive(Debug)]
struct Problem {
    key: String,
    problem: SettingProblem,
}

/// Checks settings against their ranges, keeping the first problem.
#[derive(Default)]
struct Checker {
    first: Option<Problem>,
}

/// The longest span of days any setting counts (ten years).
pub const MAX_DAYS: u32 = 3650;
/// The largest amount a setting holds, in major units: the one limit of
/// every amount.
const MAX_AMOUNT: f64 = (crate::domain::Money::MAX.0 / 100) as f64;

impl Checker {
    fn fail(&mut self, key: &str, problem: SettingProblem) {
        if self.first.is_none() {
            self.first = Some(Problem { key: key.to_string(), problem });
        }
    }

    fn out_of_range(&mut self, key: &str, value: impl std::fmt::Display, range: Range) {
        self.fail(key, SettingProblem::OutOfRange { key: key.to_string(), value: value.to_string(), range });
    }

    fn days(&mut self, key: &str, days: u32, min: u32) {
        if !(min..=MAX_DAYS).contains(&days) {
            self.out_of_range(key, days, Range::Days { min, max: MAX_DAYS });
        }
    }

    fn count(&mut self, key: &str, value: u64, min: u64, max: u64) {
        if !(min..=max).contains(&value) {
            self.out_of_range(key, value, Range::Count { min, max });
        }
    }

    fn float(&mut self, key: &str, value: f64, min: f64, max: f64, range: Range) {
        if !(value.is_finite() && min <= value && value <= max) {
            self.out_of_range(key, value, range);
        }
    }

    /// A share of a whole: above 0, at most 1.
    fn share(&mut self, key: &str, value: f64) {
        if !(value.is_finite() && value > 0.0 && value <= 1.0) {
            self.out_of_range(key, value, Range::Share);
        }
    }

    fn probability(&mut self, key: &str, value: f64) {
        self.float(key, value, 0.0, 1.0, Range::Probability);
    }

    fn amount(&mut self, key: &str, value: f64) {
        self.float(key, value, 0.0, MAX_AMOUNT, Range::Amount { max: MAX_AMOUNT });
    }

    fn effort(&mut self, key: &str, value: f64) {
        self.float(key, value, 0.0, 1000.0, Range::Weight);
    }

    /// Ranking points may be negative (a snooze sinks a row).
    fn score(&mut self, key: &str, value: f64) {
        self.float(key, value, -1000.0, 1000.0, Range::Points);
    }
}

/// The line and column of a dotted key in the file, or of the deepest
/// table on its path that the file has; None when the file has neither.
fn locate(text: &str, key: &str) -> Option<(usize, usize)> {
    let root = toml::de::DeTable::parse(text).ok()?;
    let mut table = root.get_ref();
    let mut found = None;
    for part in key.split('.') {
        let Some((name, value)) = table.iter().find(|(name, _)| name.get_ref() == part) else {
            break;
        };
        found = Some(if matches!(value.get_ref(), toml::de::DeValue::Table(_)) {
            name.span().start
        } else {
            value.span().start
        });
        match value.get_ref() {
            toml::de::DeValue::Table(inner) => table = inner,
            _ => break,
        }
    }
    found.map(|offset| line_and_column(text, offset))
}

fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {

    #[test]
    fn amounts_carry_the_currency_s_symbol_before_their_grouped_digits() {
        let ui = |symbol: &str| Ui { currency: Some(symbol.to_string()), ..Ui::default() };
        assert_eq!(Ui::default().money(Money(1_200_050)), "12,000.50");
        assert_eq!(ui("none").money(Money(5)), "0.05");
        assert_eq!(ui("$").money(Money(12_345_678_900)), "$123,456,789.00");
        assert_eq!(ui("¥").money(Money(-100_000)), "-¥1,000.00");
        assert_eq!(ui("CHF").money(Money(120_000)), "CHF 1,200.00");
    }

    #[test]
    fn the_locale_s_country_sets_the_currency_and_the_clock_unless_the_file_does() {
        use crate::locale::Lang;
        let settled = |lang, locale: &'static str, file: &str| {
            let mut config = Config::parse(file, Path::new("c.toml")).unwrap();
            config.settle_locale(lang, |name| (name == "LANG").then(|| locale.to_string()));
            (config.ui.currency_symbol().map(str::to_string), config.ui.clock())
        };
        let dollar = Some("$".to_string());
        assert_eq!(settled(Lang::En, "en_US.UTF-8", ""), (dollar.clone(), HourClock::H12));
        assert_eq!(settled(Lang::En, "de_DE.UTF-8", ""), (Some("€".into()), HourClock::H24));
        assert_eq!(settled(Lang::En, "en_GB.UTF-8", ""), (Some("£".into()), HourClock::H24));
        assert_eq!(settled(Lang::ZhCn, "zh_CN.UTF-8", ""), (Some("¥".into()), HourClock::H24));
        assert_eq!(settled(Lang::ZhCn, "C.UTF-8", ""), (Some("¥".into()), HourClock::H24));
        assert_eq!(settled(Lang::En, "C.UTF-8", ""), (None, HourClock::H24));
        let file = "[ui]\ncurrency = \"none\"\nclock = \"24h\"\n";
        assert_eq!(settled(Lang::En, "en_US.UTF-8", file), (None, HourClock::H24));
        assert_eq!(settled(Lang::En, "C", "[contacts]\ndefault_region = \"US\"\n"), (dollar, HourClock::H12));
        for bad in ["", "12", "U S", "EURO€"] {
            let text = format!("[ui]\ncurrency = {bad:?}\n");
            let error = Config::parse(&text, Path::new("c.toml")).unwrap_err();
            assert!(
                matches!(&error, ConfigError::Invalid { problem: SettingProblem::Currency(s), at: Some((2, _)), .. } if s == bad),
                "{bad:?}: {error}"
            );
        }
    }

    #[test]
    fn the_locale_s_country_is_the_phone_region_and_the_region_picks_the_holidays() {
        use crate::locale::Lang;
        let settled = |lang: Lang, vars: &'static [(&'static str, &'static str)], file: &str| {
            let mut config = Config::parse(file, Path::new("c.toml")).unwrap();
            config.settle_locale(lang, |name| {
                vars.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())
            });
            (config.contacts.region().to_string(), config.holidays.preset(), config.from_locale.region)
        };
        let us = settled(Lang::En, &[("LANG", "en_US.UTF-8")], "");
        assert_eq!(us, ("US".into(), HolidayPreset::Us, Some("LANG=en_US.UTF-8".into())));
        let gb = settled(Lang::En, &[("LC_ALL", "en_GB.UTF-8"), ("LANG", "en_US.UTF-8")], "");
        assert_eq!(
            (gb.0.as_str(), gb.1),
            ("GB", HolidayPreset::None),
            "LC_ALL first, as the C library reads them"
        );
        assert_eq!(settled(Lang::En, &[("LANG", "de_DE@euro")], "").0, "DE");
        assert_eq!(settled(Lang::ZhCn, &[("LANG", "zh_TW.UTF-8")], "").0, "TW");
        let chinese = settled(Lang::ZhCn, &[("LANG", "zh_CN.UTF-8")], "");
        assert_eq!((chinese.0.as_str(), chinese.1), ("CN", HolidayPreset::Cn));
        // No country in the locale: CN, and the holidays by the language.
        assert_eq!(settled(Lang::ZhCn, &[("LANG", "C.UTF-8")], ""), ("CN".into(), HolidayPreset::Cn, None));
        assert_eq!(settled(Lang::En, &[], ""), ("CN".into(), HolidayPreset::None, None));
        // The file wins, and says nothing of the locale.
        let file = settled(Lang::En, &[("LANG", "en_US.UTF-8")], "[contacts]\ndefault_region = \"GB\"\n");
        assert_eq!(file, ("GB".into(), HolidayPreset::None, None));
        let preset = settled(Lang::En, &[("LANG", "en_US.UTF-8")], "[holidays]\npreset = \"none\"\n");
        assert_eq!(preset.1, HolidayPreset::None);
    }
    use super::*;

    #[test]
    fn defaults_match_the_product_brief() {
        let config = Config::default();
        assert_eq!(config.cadence.for_grade(Grade::A), 3);
        assert_eq!(config.cadence.for_grade(Grade::D), 30);
        assert_eq!(config.cadence.for_tier(Tier::Vip), 14);
        assert_eq!(config.cadence.for_tier(Tier::Small), 60);
        assert_eq!(config.referrals.contact_referee_days, 2);
        assert_eq!(config.holidays.lead_days, 7);
    }

    #[test]
    fn a_partial_file_keeps_the_other_defaults_and_round_trips() {
        let text = "[cadence]\nA = 2\n\n[holidays.dates]\n2027-02-06 = \"春节\"\n";
        let config = Config::parse(text, Path::new("c.toml")).unwrap();
        assert_eq!(config.cadence.a, 2);
        assert_eq!(config.cadence.b, 7);
        assert_eq!(config.holidays.dates.dated.values().next().map(String::as_str), Some("春节"));
        assert_eq!(Config::parse(&config.to_toml(), Path::new("c.toml")).unwrap(), config);
        let chinese = Config::parse("[holidays]\npreset = \"cn\"\n", Path::new("c.toml")).unwrap();
        assert_eq!(chinese.holidays.preset(), HolidayPreset::Cn);
        assert_eq!(Config::parse(&chinese.to_toml(), Path::new("c.toml")).unwrap(), chinese);
        let american = Config::parse("[holidays]\npreset = \"us\"\n", Path::new("c.toml")).unwrap();
        assert_eq!(american.holidays.preset(), HolidayPreset::Us);
        let error =
            Config::parse("[holidays]\npreset = \"fr\"\n", Path::new("c.toml")).unwrap_err().to_string();
        assert!(error.starts_with("c.toml: line 2") && error.contains("cn"), "{error}");
    }

    #[test]
    fn each_holiday_s_lead_and_way_can_be_set() {
        let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
        let text = "[holidays]\npreset = \"us\"\n[holidays.greetings]\nChristmas = { lead_days = 21, way = \"letter\" }\nThanksgiving = { way = \"visit\" }\n";
        let config = Config::parse(text, Path::new("c.toml")).unwrap();
        let due = |config: &Config, on: &str| {
            config.holidays.greeting_due(day(on)).map(|h| (h.name.to_string(), h.lead_days, h.action))
        };
        assert_eq!(due(&config, "2026-12-04"), Some(("Christmas".into(), 21, TouchKind::Letter)));
        let plain = Config::parse("[holidays]\npreset = \"us\"\n", Path::new("c.toml")).unwrap();
        assert_eq!(due(&plain, "2026-12-04"), None, "two weeks ahead by the preset");
        assert_eq!(due(&config, "2026-11-22"), Some(("Thanksgiving".into(), 5, TouchKind::Visit)));
        assert_eq!(
            config.holidays.first_window(day("2026-12-01"), day("2026-12-31")),
            Some(day("2026-12-04"))
        );
        assert_eq!(Config::parse(&config.to_toml(), Path::new("c.toml")).unwrap(), config);

        // A day of the rep's own, with its own lead and way; and one of two
        // festivals on one day.
        let text = "[holidays]\npreset = \"cn\"\n[holidays.dates]\n\"03-15\" = \"Planting season\"\n[holidays.greetings]\n\"Planting season\" = { lead_days = 10, way = \"call\" }\n\"国庆节\" = { lead_days = 9, way = \"gift\" }\n";
        let config = Config::parse(text, Path::new("c.toml")).unwrap();
        assert_eq!(due(&config, "2027-03-05"), Some(("Planting season".into(), 10, TouchKind::Call)));
        assert_eq!(due(&config, "2027-03-04"), None);
        let national = config.holidays.on(day("2020-10-01")).unwrap();
        assert_eq!(
            (national.name, national.lead_days, national.action),
            ("中秋节、国庆节", 9, TouchKind::Gift)
        );

        // A name no holiday has is said, with the names there are.
        let error = Config::parse("[holidays.greetings]\nXmas = { way = \"letter\" }\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(error.contains("'Xmas' is not a holiday") && error.contains("Christmas"), "{error}");
        let error =
            Config::parse("[holidays.greetings]\nChristmas = { way = \"fax\" }\n", Path::new("c.toml"))
                .unwrap_err()
                .to_string();
        assert!(error.contains("line 2"), "{error}");
    }

    #[test]
    fn a_custom_holiday_comes_on_a_date_or_every_year() {
        let text = "[holidays]\n[holidays.dates]\n\"12-25\" = \"Christmas\"\n\"2026-12-24\" = \"Christmas Eve party\"\n";
        let config = Config::parse(text, Path::new("c.toml")).unwrap();
        let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
        for year in ["2026", "2027", "2040"] {
            let on = config.holidays.on(day(&format!("{year}-12-25"))).map(|h| h.name);
            assert_eq!(on, Some("Christmas"), "{year}");
        }
        assert_eq!(config.holidays.on(day("2026-12-24")).map(|h| h.name), Some("Christmas Eve party"));
        assert_eq!(config.holidays.on(day("2027-12-24")), None, "a dated one is on its date only");
        let due = config.holidays.greeting_due(day("2027-12-20")).map(|h| (h.day, h.name));
        assert_eq!(due, Some((day("2027-12-25"), "Christmas")));
        assert_eq!(Config::parse(&config.to_toml(), Path::new("c.toml")).unwrap(), config, "round trip");
        let error = Config::parse("[holidays.dates]\n\"13-40\" = \"x\"\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("'13-40' is not a day: a date YYYY-MM-DD, or MM-DD for every year"),
            "{error}"
        );
    }

    #[test]
    fn mistakes_name_their_line() {
        let error =
            Config::parse("[cadence]\nA = 3\nB = \"weekly\"\n", Path::new("c.toml")).unwrap_err().to_string();
        assert!(error.starts_with("c.toml: line 3"), "{error}");
        let error = Config::parse("[cadense]\nA = 3\n", Path::new("c.toml")).unwrap_err().to_string();
        assert!(error.contains("line 1") && error.contains("cadense"), "{error}");
        let error = Config::parse("[cadence]\nA = 0\n", Path::new("c.toml")).unwrap_err().to_string();
        assert_eq!(error, "c.toml: line 2, column 5: cadence.A = 0 is out of range: days from 1 to 3650");
    }

    #[test]
    fn focus_weights_in_a_file_change_only_the_kinds_they_name() {
        let text = "[focus]\nkey_share = 0.7\n\n[focus.effort]\nvisit = 8\n\n[focus.cost]\nsms = 0.5\n";
        let focus = Config::parse(text, Path::new("c.toml")).unwrap().focus;
        assert_eq!(focus.key_share, 0.7);
        assert_eq!(focus.effort[&TouchKind::Visit], 8.0);
        assert_eq!(focus.effort[&TouchKind::Call], 2.0, "the other weights keep their defaults");
        assert_eq!(focus.cost[&TouchKind::Sms], 0.5);
        assert_eq!(focus.cost[&TouchKind::Visit], 300.0);
        let next = Config::parse("[next_step]\nbusy = 2\n", Path::new("c.toml")).unwrap().next_step;
        assert_eq!(next[&Outcome::Busy], 2);
        assert_eq!(next[&Outcome::QuoteSent], Config::default().next_step[&Outcome::QuoteSent]);
    }

    #[test]
    fn focus_rules_that_make_no_sense_are_refused() {
        for (text, expected) in [
            (
                "[focus]\nkey_share = 1.5\n",
                "focus.key_share = 1.5 is out of range: a share above 0 and at most 1",
            ),
            ("[focus]\nkey_share = 0.9\nb_share = 0.8\n", "focus.b_share must be at least focus.key_share"),
            ("[focus.tier_revenue]\nmedium = 500000\n", "focus.tier_revenue must rise"),
            (
                "[focus.probability]\nA = 2\n",
                "focus.probability.A = 2 is out of range: a probability from 0 to 1",
            ),
            ("[focus.cost]\nvisit = -1\n", "focus.cost.visit = -1 is out of range: an amount from 0 to"),
            ("[focus]\neffort_days = 0\n", "focus.effort_days = 0 is out of range: days from 1 to 3650"),
        ] {
            let error = Config::parse(text, Path::new("c.toml")).unwrap_err().to_string();
            assert!(error.contains(expected), "{text}: {error}");
        }
        let error = Config::parse("[focus.effort]\nfax = 1\n", Path::new("c.toml")).unwrap_err().to_string();
        assert!(error.contains("line 2") && error.contains("fax"), "{error}");
    }

    #[test]
    fn every_setting_has_a_range_and_the_error_names_its_line() {
        let path = Path::new("c.toml");
        let far = "4294967295";
        for (text, line, expected) in [
            (
                format!("[cadence]\nvip = {far}\n"),
                2,
                format!("cadence.vip = {far} is out of range: days from 1 to 3650"),
            ),
            (
                format!("[holidays]\nlead_days = {far}\n"),
                2,
                format!("holidays.lead_days = {far} is out of range: days from 0 to 3650"),
            ),
            (
                format!("[sms]\nunanswered = 3\nwithin_days = {far}\n"),
                3,
                format!("sms.within_days = {far} is out of range"),
            ),
            (
                format!("[next_step]\nno-answer = {far}\n"),
                2,
                format!("next_step.no-answer = {far} is out of range"),
            ),
            (
                format!("[referrals]\n\nthank_referrer_days = {far}\n"),
                3,
                format!("referrals.thank_referrer_days = {far} is out of range"),
            ),
            (
                "[ranking]\noverdue = nan\n".into(),
                2,
                "ranking.overdue = NaN is out of range: points from -1000 to 1000".into(),
            ),
            ("[ranking]\ngrade = [1, 2, inf, 4]\n".into(), 2, "ranking.grade = inf is out of range".into()),
            (
                "[focus.effort]\ncall = -2\n".into(),
                2,
                "focus.effort.call = -2 is out of range: a weight from 0 to 1000".into(),
            ),
            (
                "[focus]\nmgc_headroom = inf\n".into(),
                2,
                "focus.mgc_headroom = inf is out of range: an amount".into(),
            ),
            (
                "[focus]\neffort_target = nan\n".into(),
                2,
                "focus.effort_target = NaN is out of range: a share".into(),
            ),
            (
                "[focus.probability]\nB = -0.5\n".into(),
                2,
                "focus.probability.B = -0.5 is out of range".into(),
            ),
            (
                "[holidays.dates]\n9999-12-31 = \"x\"\n".into(),
                2,
                "holidays.dates: 9999-12-31 is outside the years 1900 to 2200".into(),
            ),
        ] {
            let error = Config::parse(&text, path).unwrap_err().to_string();
            assert!(error.starts_with(&format!("c.toml: line {line}, column ")), "{text}: {error}");
            assert!(error.contains(&expected), "{text}: {error}");
        }
    }
}
