//! Errors in the interface's language: `words(lang)` is what a rep reads,
//! in every language from the catalogues' `errors.ftl`. An error's
//! `Display` is for logs and tests.

use super::{Lang, Text};
use crate::clock::WhenError;
use crate::domain::contact::ContactError;
use crate::domain::dates::OutOfWindow;
use crate::domain::{MoneyError, MonthDayError, UnknownKeyword};
use crate::msg;

pub trait Words: std::fmt::Display {
    /// The error as a rep reads it in `lang`, from the catalogue; its
    /// `Display` where the words are all the system's (a path, an error
    /// of the operating system, a line the CSV reader wrote).
    fn words(&self, lang: Lang) -> String;
}

/// A word of the catalogue for a field or a keyword's kind ("note",
/// "touch kind"), else the word itself.
fn term(lang: Lang, word: &str) -> String {
    lang.try_text(&format!("term-{}", word.replace(' ', "-"))).unwrap_or_else(|| word.to_string())
}

impl Words for ContactError {
    fn words(&self, lang: Lang) -> String {
        match self {
            ContactError::EmptyName => msg::ErrorEmptyName.text(lang),
            ContactError::TooLong { field, max } => {
                msg::ErrorTooLong { field: term(lang, field), max: max.to_string() }.text(lang)
            }
            ContactError::PhoneCharacters(p) => msg::ErrorPhoneCharacters { phone: p.clone() }.text(lang),
            ContactError::PhoneTooShort(p) => msg::ErrorPhoneShort { phone: p.clone() }.text(lang),
            ContactError::PhoneTooLong(p) => msg::ErrorPhoneLong { phone: p.clone() }.text(lang),
            ContactError::TooManyPhones => msg::ErrorTooManyPhones.text(lang),
            ContactError::Email(e) => msg::ErrorEmail { email: e.clone() }.text(lang),
            ContactError::Tag(t) => msg::ErrorTag { tag: t.clone() }.text(lang),
            ContactError::TooManyTags => msg::ErrorTooManyTags.text(lang),
        }
    }
}

impl Words for MoneyError {
    fn words(&self, lang: Lang) -> String {
        match self {
            MoneyError::Empty => msg::ErrorAmountEmpty.text(lang),
            MoneyError::Negative(a) => msg::ErrorAmountNegative { amount: a.clone() }.text(lang),
            MoneyError::Malformed(a) => msg::ErrorAmountMalformed { amount: a.clone() }.text(lang),
            MoneyError::TooPrecise(a) => msg::ErrorAmountPrecise { amount: a.clone() }.text(lang),
            MoneyError::TooLarge(a) => msg::ErrorAmountLarge { amount: a.clone() }.text(lang),
        }
    }
}

impl Words for UnknownKeyword {
    fn words(&self, lang: Lang) -> String {
        let what = term(lang, self.what);
        msg::ErrorKeyword { what, given: self.given.clone(), expected: self.expected.clone() }.text(lang)
    }
}

impl Words for OutOfWindow {
    fn words(&self, lang: Lang) -> String {
        msg::ErrorOutOfWindow { date: self.0.to_string() }.text(lang)
    }
}

impl Words for MonthDayError {
    fn words(&self, lang: Lang) -> String {
        msg::ErrorMonthDay { given: self.0.clone() }.text(lang)
    }
}

impl Words for WhenError {
    fn words(&self, lang: Lang) -> String {
        match self {
            WhenError::Malformed(text) => msg::ErrorWhen { given: text.clone() }.text(lang),
            WhenError::MalformedAhead(text) => msg::ErrorWhenAhead { given: text.clone() }.text(lang),
            WhenError::OutOfWindow(out) => out.words(lang),
            WhenError::Now(given) => msg::ErrorNow { given: given.clone() }.text(lang),
            WhenError::TooFar { given, limit, unit } => msg::ErrorWhenTooFar {
                given: given.clone(),
                limit: limit.to_string(),
                unit: unit.to_string(),
            }
            .text(lang),
        }
    }
}

impl Words for crate::config::ConfigError {
    fn words(&self, lang: Lang) -> String {
        use crate::config::ConfigError as E;
        match self {
            E::Read { path, source } => crate::terms::cannot_read(path, source, lang),
            E::Invalid { path, at: None, problem } => {
                msg::ErrorSettings { path: path.as_str(), problem: problem.words(lang) }.text(lang)
            }
            E::Invalid { path, at: Some((line, column)), problem } => msg::ErrorSettingsAt {
                path: path.as_str(),
                line: *line,
                column: *column,
                problem: problem.words(lang),
            }
            .text(lang),
        }
    }
}

impl Words for crate::config::SettingProblem {
    fn words(&self, lang: Lang) -> String {
        use crate::config::SettingProblem as P;
        match self {
            P::Toml(detail) => msg::SettingsToml { detail: detail.as_str() }.text(lang),
            P::OutOfRange { key, value, range } => {
                msg::SettingsOutOfRange { key: key.as_str(), value: value.as_str(), range: range.words(lang) }
                    .text(lang)
            }
            P::BShareBelowKeyShare => msg::SettingsBShare.text(lang),
            P::TierRevenueFalls => msg::SettingsTierRevenue.text(lang),
            P::FourWeights(count) => msg::SettingsFourWeights { count: *count }.text(lang),
            P::NotADay(key) => msg::SettingsNotADay { key: key.as_str() }.text(lang),
            P::HolidayOutOfWindow(date) => msg::SettingsHolidayWindow { date: date.to_string() }.text(lang),
            P::HolidayNameLong => msg::SettingsHolidayLong.text(lang),
            P::HolidayNameEmpty => msg::SettingsHolidayEmpty.text(lang),
            P::NoSuchHoliday { name, known } => {
                let known = known.join(if lang == Lang::ZhCn { "、" } else { ", " });
                msg::SettingsNoSuchHoliday { name: name.as_str(), known: known.as_str() }.text(lang)
            }
            P::BackupDirEmpty => msg::SettingsBackupDir.text(lang),
            P::Currency(symbol) => msg::SettingsCurrency { symbol: symbol.as_str() }.text(lang),
            P::Front(words) => words.clone(),
        }
    }
}

impl Words for crate::config::Range {
    fn words(&self, lang: Lang) -> String {
        use crate::config::Range as R;
        match *self {
            R::Days { min, max } => msg::RangeDays { min, max }.text(lang),
            R::Count { min, max } => {
                msg::RangeCount { min: min.to_string(), max: max.to_string() }.text(lang)
            }
            R::Share => msg::RangeShare.text(lang),
            R::Probability => msg::RangeProbability.text(lang),
            R::Amount { max } => msg::RangeAmount { max: max.to_string() }.text(lang),
            R::Weight => msg::RangeWeight.text(lang),
            R::Points => msg::RangePoints.text(lang),
        }
    }
}
