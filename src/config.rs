//! The rep's settings: contact cadences, ranking weights, referral and
//! holiday rules, next-step suggestions. A TOML file in the user's config
//! directory (or `--config FILE`); everything has a default, and a mistake
//! in the file is an error that names its line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::{Grade, Outcome, Tier};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Days between touches before an account is due, per grade and tier.
    pub cadence: Cadence,
    pub ranking: Weights,
    pub referrals: ReferralRules,
    pub holidays: Holidays,
    /// Days to the next step an outcome suggests (`log --next auto`).
    pub next_step: BTreeMap<Outcome, u32>,
    pub sms: SmsRule,
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
    pub grade: [f64; 4],
    /// By tier, VIP, large, medium, small.
    pub tier: [f64; 4],
    /// A follow-up that comes from a referral.
    pub referral: f64,
    pub key_account: f64,
    pub big_potential: f64,
    /// A holiday greeting that is due.
    pub holiday: f64,
    /// Per time the follow-up was snoozed (negative: it sinks).
    pub snooze: f64,
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

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Holidays {
    /// Days before a holiday that key and VIP customers are due a greeting.
    pub lead_days: u32,
    /// Dates and names, e.g. `"2027-02-06" = "春节"`.
    pub dates: BTreeMap<NaiveDate, String>,
}

impl Default for Holidays {
    fn default() -> Self {
        Holidays { lead_days: 7, dates: BTreeMap::new() }
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
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Read { path: String, source: std::io::Error },
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
}

/// Where the config is read from: `--config FILE`, else the user's config
/// directory (`~/.config/leadline/config.toml`).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "leadline").map(|dirs| dirs.config_dir().join("config.toml"))
}

impl Config {
    /// Parses a config file's text; the error names the line and column.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let invalid = |message: String| ConfigError::Invalid { path: path.display().to_string(), message };
        let config: Config = toml::from_str(text).map_err(|e| {
            let (line, column) = e.span().map_or((0, 0), |span| line_and_column(text, span.start));
            let message = e.message().trim().to_string();
            invalid(if line > 0 { format!("line {line}, column {column}: {message}") } else { message })
        })?;
        config.check().map_err(invalid)?;
        Ok(config)
    }

    /// Reads `path`; a missing file at the default place means defaults,
    /// a missing file that was asked for is an error.
    pub fn load(path: &Path, required: bool) -> Result<Config, ConfigError> {
        match std::fs::read_to_string(path) {
            Ok(text) => Config::parse(&text, path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => Ok(Config::default()),
            Err(source) => Err(ConfigError::Read { path: path.display().to_string(), source }),
        }
    }

    fn check(&self) -> Result<(), String> {
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
            if days == 0 {
                return Err(format!("cadence.{name} must be at least 1 day"));
            }
        }
        if self.sms.unanswered == 0 || self.sms.within_days == 0 {
            return Err("sms.unanswered and sms.within_days must be at least 1".into());
        }
        Ok(())
    }

    pub fn to_toml(&self) -> String {
        toml::to_string_pretty(self).expect("the config serialises to TOML")
    }
}

fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
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
        assert_eq!(config.holidays.dates.values().next().map(String::as_str), Some("春节"));
        assert_eq!(Config::parse(&config.to_toml(), Path::new("c.toml")).unwrap(), config);
    }

    #[test]
    fn mistakes_name_their_line() {
        let error =
            Config::parse("[cadence]\nA = 3\nB = \"weekly\"\n", Path::new("c.toml")).unwrap_err().to_string();
        assert!(error.starts_with("c.toml: line 3"), "{error}");
        let error = Config::parse("[cadense]\nA = 3\n", Path::new("c.toml")).unwrap_err().to_string();
        assert!(error.contains("line 1") && error.contains("cadense"), "{error}");
        let error = Config::parse("[cadence]\nA = 0\n", Path::new("c.toml")).unwrap_err().to_string();
        assert!(error.contains("cadence.A must be at least 1 day"), "{error}");
    }
}
