//! A day of the year that comes back every year, a birthday: month and day,
//! the year when it is known.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MonthDay {
    pub month: u32,
    pub day: u32,
    pub year: Option<i32>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a birthday: use MM-DD or YYYY-MM-DD (e.g. 03-15 or 1978-03-15)")]
pub struct MonthDayError(pub String);

impl MonthDay {
    /// Takes `MM-DD`, `YYYY-MM-DD`, and the vCard forms `--MMDD`, `--MM-DD`
    /// and `YYYYMMDD`.
    pub fn parse(text: &str) -> Result<MonthDay, MonthDayError> {
        let text = text.trim();
        let bad = || MonthDayError(text.to_string());
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        let (year, month, day) = match (text.strip_prefix("--"), digits.len()) {
            (Some(_), 4) => (None, &digits[..2], &digits[2..]),
            (None, 4) if text.len() == 5 && text.as_bytes()[2] == b'-' => (None, &digits[..2], &digits[2..]),
            (None, 8) => (Some(&digits[..4]), &digits[4..6], &digits[6..]),
            _ => return Err(bad()),
        };
        let number = |text: &str| text.parse::<u32>().map_err(|_| bad());
        let month_day = MonthDay {
            month: number(month)?,
            day: number(day)?,
            year: year.map(|y| y.parse::<i32>().map_err(|_| bad())).transpose()?,
        };
        // Any year with a February 29 checks the day; a known year must hold it.
        let check_year = month_day.year.unwrap_or(2000);
        if NaiveDate::from_ymd_opt(check_year, month_day.month, month_day.day).is_none() {
            return Err(bad());
        }
        if let Some(year) = month_day.year {
            crate::domain::dates::check_date(NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(bad)?)
                .map_err(|_| bad())?;
        }
        Ok(month_day)
    }

    /// The day it falls on in `year` (February 29 is the 28th when the
    /// year has none).
    pub fn in_year(&self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, self.month, self.day)
            .or_else(|| NaiveDate::from_ymd_opt(year, self.month, self.day - 1))
    }

    /// The next time it comes, `from` included.
    pub fn next_from(&self, from: NaiveDate) -> Option<NaiveDate> {
        let this_year = self.in_year(from.year())?;
        if this_year >= from { Some(this_year) } else { self.in_year(from.year() + 1) }
    }
}

impl fmt::Display for MonthDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            Some(year) => write!(f, "{year:04}-{:02}-{:02}", self.month, self.day),
            None => write!(f, "{:02}-{:02}", self.month, self.day),
        }
    }
}

impl Serialize for MonthDay {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for MonthDay {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<MonthDay, D::Error> {
        let text = String::deserialize(deserializer)?;
        MonthDay::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn birthdays_parse_in_the_forms_people_and_phones_write() {
        let short = MonthDay { month: 3, day: 15, year: None };
        assert_eq!(MonthDay::parse("03-15"), Ok(short));
        assert_eq!(MonthDay::parse("--0315"), Ok(short));
        assert_eq!(MonthDay::parse("--03-15"), Ok(short));
        let long = MonthDay { year: Some(1978), ..short };
        assert_eq!(MonthDay::parse("1978-03-15"), Ok(long));
        assert_eq!(MonthDay::parse("19780315"), Ok(long));
        assert_eq!(long.to_string(), "1978-03-15");
        assert_eq!(short.to_string(), "03-15");
        assert!(MonthDay::parse("02-29").is_ok());
        for bad in ["13-01", "02-30", "1979-02-29", "tomorrow", "3/15", "", "0315"] {
            assert!(MonthDay::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_next_birthday_is_this_years_or_next_and_a_leap_day_has_a_day_every_year() {
        let birthday = MonthDay::parse("03-15").unwrap();
        assert_eq!(birthday.next_from(day("2026-03-15")), Some(day("2026-03-15")));
        assert_eq!(birthday.next_from(day("2026-03-16")), Some(day("2027-03-15")));
        let leap = MonthDay::parse("02-29").unwrap();
        assert_eq!(leap.next_from(day("2026-01-01")), Some(day("2026-02-28")));
        assert_eq!(leap.next_from(day("2028-01-01")), Some(day("2028-02-29")));
    }
}
