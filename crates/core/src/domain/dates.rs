//! The window of dates Leadline accepts wherever a date comes in (typed,
//! imported, restored, configured). chrono reaches the year 262143, where
//! adding a cadence or a lead time overflows; no follow-up or touch of a
//! real book lies outside these two centuries.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2200;

pub fn date_in_window(date: NaiveDate) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&date.year())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{0} is outside the years {FIRST_YEAR} to {LAST_YEAR} that Leadline accepts")]
pub struct OutOfWindow(pub NaiveDate);

pub fn check_date(date: NaiveDate) -> Result<NaiveDate, OutOfWindow> {
    if date_in_window(date) { Ok(date) } else { Err(OutOfWindow(date)) }
}

pub fn check_moment(moment: NaiveDateTime) -> Result<NaiveDateTime, OutOfWindow> {
    check_date(moment.date()).map(|_| moment)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_is_two_centuries_and_chronos_limits_are_outside() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert!(date_in_window(d(1900, 1, 1)) && date_in_window(d(2200, 12, 31)));
        assert!(!date_in_window(d(1899, 12, 31)) && !date_in_window(d(2201, 1, 1)));
        assert!(!date_in_window(NaiveDate::MAX) && !date_in_window(NaiveDate::MIN));
        assert_eq!(
            check_date(d(9999, 12, 31)).unwrap_err().to_string(),
            "9999-12-31 is outside the years 1900 to 2200 that Leadline accepts"
        );
    }
}
