//! The day and kind of an account's recent touches, packed into one `u32`
//! each (day number, then three bits of kind), oldest first. Effort and cost
//! to serve over any window of the last year read only that window, without
//! reading touches; and 100,000 accounts' worth decode as plain integers.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::TouchKind;

const KIND_BITS: u32 = 3;
const KIND_MASK: u32 = (1 << KIND_BITS) - 1;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<u32>", into = "Vec<u32>")]
pub struct TouchDays(Vec<u32>);

/// Days from the common era, 0 for anything earlier (no touch is).
fn day_number(day: NaiveDate) -> u32 {
    u32::try_from(day.num_days_from_ce()).unwrap_or(0)
}

fn kind_index(kind: TouchKind) -> u32 {
    TouchKind::ALL.iter().position(|k| *k == kind).unwrap_or(0) as u32
}

impl TouchDays {
    pub fn new(touches: impl IntoIterator<Item = (NaiveDate, TouchKind)>) -> TouchDays {
        let mut packed: Vec<u32> =
            touches.into_iter().map(|(day, kind)| day_number(day) << KIND_BITS | kind_index(kind)).collect();
        packed.sort_unstable();
        TouchDays(packed)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The kinds of the touches dated `from` through `to`, oldest first.
    pub fn kinds_between(&self, from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = TouchKind> + '_ {
        let low = day_number(from) << KIND_BITS;
        let high = (u64::from(day_number(to)) + 1) << KIND_BITS;
        let start = self.0.partition_point(|p| *p < low);
        self.0[start..]
            .iter()
            .take_while(move |p| u64::from(**p) < high)
            .map(|p| TouchKind::ALL[(p & KIND_MASK) as usize])
    }

    /// The kinds of the newest `n` touches, newest first.
    pub fn newest_kinds(&self, n: usize) -> impl Iterator<Item = TouchKind> + '_ {
        self.0.iter().rev().take(n).map(|p| TouchKind::ALL[(p & KIND_MASK) as usize])
    }

    /// Whether any touch is dated `day`.
    pub fn any_on(&self, day: NaiveDate) -> bool {
        self.kinds_between(day, day).next().is_some()
    }

    /// Every touch as (day, kind), oldest first.
    pub fn iter(&self) -> impl Iterator<Item = (NaiveDate, TouchKind)> + '_ {
        self.0.iter().filter_map(|p| {
            let day = NaiveDate::from_num_days_from_ce_opt(i32::try_from(p >> KIND_BITS).ok()?)?;
            Some((day, TouchKind::ALL[(p & KIND_MASK) as usize]))
        })
    }
}

impl TryFrom<Vec<u32>> for TouchDays {
    type Error = String;

    fn try_from(mut packed: Vec<u32>) -> Result<TouchDays, String> {
        if let Some(bad) = packed.iter().find(|p| (*p & KIND_MASK) as usize >= TouchKind::ALL.len()) {
            return Err(format!("touch day {bad} names no touch kind"));
        }
        if !packed.is_sorted() {
            packed.sort_unstable();
        }
        Ok(TouchDays(packed))
    }
}

impl From<TouchDays> for Vec<u32> {
    fn from(days: TouchDays) -> Vec<u32> {
        days.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_window_reads_only_its_days_and_ends_are_inclusive() {
        use TouchKind::*;
        let days = TouchDays::new([
            (day("2026-11-27"), Visit),
            (day("2026-10-28"), Call),
            (day("2026-10-27"), Sms),
            (day("2026-11-01"), Meeting),
            (day("2026-11-27"), Call),
        ]);
        let window: Vec<TouchKind> = days.kinds_between(day("2026-10-28"), day("2026-11-27")).collect();
        assert_eq!(window, [Call, Meeting, Call, Visit]);
        assert_eq!(days.kinds_between(day("2026-11-02"), day("2026-11-26")).count(), 0);
        assert_eq!(days.iter().next(), Some((day("2026-10-27"), Sms)));
        assert_eq!(days.len(), 5);
    }

    #[test]
    fn every_kind_round_trips_and_a_bad_one_is_an_error() {
        let all = TouchDays::new(TouchKind::ALL.iter().map(|k| (day("2026-01-01"), *k)));
        let kinds: Vec<TouchKind> = all.iter().map(|(_, k)| k).collect();
        assert_eq!(kinds, TouchKind::ALL);
        let bytes = postcard::to_stdvec(&all).unwrap();
        assert_eq!(postcard::from_bytes::<TouchDays>(&bytes).unwrap(), all);
        let bad = postcard::to_stdvec(&vec![7u32]).unwrap();
        assert!(postcard::from_bytes::<TouchDays>(&bad).is_err());
        let unsorted: TouchDays = serde_json::from_str(&format!("[{}, {}]", 9 << 3, 8 << 3)).unwrap();
        assert_eq!(unsorted, TouchDays(vec![8 << 3, 9 << 3]));
    }
}
