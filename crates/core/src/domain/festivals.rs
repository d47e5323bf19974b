//! The festivals a rep greets customers for, each year, by preset. The
//! Chinese: the solar ones on their day, the lunar ones converted from the
//! Chinese lunisolar calendar (chinese-lunisolar-calendar, whose data covers
//! 1901 to 2100), and 清明 on its solar term. The American federal holidays
//! a rep greets for: fixed days, and Memorial, Labor and Thanksgiving Day on
//! their weekday rules.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use chinese_lunisolar_calendar::LunisolarDate;
use chrono::NaiveDate;

use super::TouchKind;

/// One festival on one day: how many days ahead to greet, and how. Two
/// on one day (中秋 on 国庆, as in 2020) are one greeting: "中秋节、国庆节".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Festival {
    pub name: Cow<'static, str>,
    pub day: NaiveDate,
    pub lead_days: u32,
    pub action: TouchKind,
}

/// When a festival falls in its year.
#[derive(Clone, Copy, Debug)]
enum On {
    Solar(u32, u32),
    Lunar(u8, u8),
    /// 清明: the solar term, April 4 or 5.
    Qingming,
    /// The nth given weekday of a month (from the end when negative: -1 is
    /// the last).
    Weekday(u32, chrono::Weekday, i8),
}

/// The festivals of the "cn" preset. Gifts go out well before 春节, 端午
/// (粽子) and 中秋 (月饼); the rest get a greeting SMS a few days ahead.
const CHINESE: [(&str, On, u32, TouchKind); 8] = [
    ("元旦", On::Solar(1, 1), 3, TouchKind::Sms),
    ("春节", On::Lunar(1, 1), 14, TouchKind::Gift),
    ("元宵节", On::Lunar(1, 15), 3, TouchKind::Sms),
    ("清明节", On::Qingming, 2, TouchKind::Sms),
    ("劳动节", On::Solar(5, 1), 3, TouchKind::Sms),
    ("端午节", On::Lunar(5, 5), 7, TouchKind::Gift),
    ("中秋节", On::Lunar(8, 15), 10, TouchKind::Gift),
    ("国庆节", On::Solar(10, 1), 3, TouchKind::Sms),
];

/// The holidays of the "us" preset: a card well before Christmas, a call
/// before Thanksgiving, an email for the others.
const AMERICAN: [(&str, On, u32, TouchKind); 6] = [
    ("New Year's Day", On::Solar(1, 1), 3, TouchKind::Email),
    ("Memorial Day", On::Weekday(5, chrono::Weekday::Mon, -1), 3, TouchKind::Email),
    ("Independence Day", On::Solar(7, 4), 3, TouchKind::Email),
    ("Labor Day", On::Weekday(9, chrono::Weekday::Mon, 1), 3, TouchKind::Email),
    ("Thanksgiving", On::Weekday(11, chrono::Weekday::Thu, 4), 5, TouchKind::Call),
    ("Christmas", On::Solar(12, 25), 14, TouchKind::Letter),
];

/// A preset's festivals: the Chinese or the American.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Festivals {
    Chinese,
    American,
}

impl Festivals {
    fn table(self) -> &'static [(&'static str, On, u32, TouchKind)] {
        match self {
            Festivals::Chinese => &CHINESE,
            Festivals::American => &AMERICAN,
        }
    }

    /// The festivals of `year`, in the order of the year.
    pub fn of_year(self, year: i32) -> Vec<Festival> {
        if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
            return Vec::new();
        }
        let mut festivals: Vec<Festival> = self
            .table()
            .iter()
            .filter_map(|&(name, on, lead_days, action)| {
                day_of(year, on).map(|day| Festival { name: Cow::Borrowed(name), day, lead_days, action })
            })
            .collect();
        festivals.sort_by_key(|f| f.day);
        festivals
    }

    /// Every festival of the years covered, by day: built once, looked up by
    /// every account the plan ranks.
    pub fn calendar(self) -> &'static BTreeMap<NaiveDate, Festival> {
        static CHINESE_CALENDAR: OnceLock<BTreeMap<NaiveDate, Festival>> = OnceLock::new();
        static AMERICAN_CALENDAR: OnceLock<BTreeMap<NaiveDate, Festival>> = OnceLock::new();
        let cell = match self {
            Festivals::Chinese => &CHINESE_CALENDAR,
            Festivals::American => &AMERICAN_CALENDAR,
        };
        cell.get_or_init(|| build_calendar(self))
    }

    /// The festivals' names.
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        self.table().iter().map(|(name, ..)| *name)
    }

    /// The longest lead of any of them.
    pub fn max_lead(self) -> u32 {
        self.table().iter().map(|(_, _, lead, _)| *lead).max().unwrap_or(0)
    }
}

/// The years the lunisolar data covers.
const FIRST_YEAR: i32 = 1901;
const LAST_YEAR: i32 = 2100;

/// 清明 by the solar-term formula (the sun at 15° past the vernal
/// equinox): day = ⌊Y·0.2422 + 4.81⌋ − ⌊Y/4⌋ for the year's last two digits
/// Y, in 2001-2099; 20th-century years take 5.59.
fn qingming(year: i32) -> Option<NaiveDate> {
    let y = f64::from(year % 100);
    let c = if year >= 2001 { 4.81 } else { 5.59 };
    let day = (y * 0.2422 + c).floor() as i32 - (year % 100) / 4;
    NaiveDate::from_ymd_opt(year, 4, u32::try_from(day).ok()?)
}

fn day_of(year: i32, on: On) -> Option<NaiveDate> {
    match on {
        On::Solar(month, day) => NaiveDate::from_ymd_opt(year, month, day),
        On::Lunar(month, day) => {
            let year = u16::try_from(year).ok()?;
            LunisolarDate::from_ymd(year, month, false, day).ok().map(LunisolarDate::to_naive_date)
        }
        On::Qingming => qingming(year),
        On::Weekday(month, weekday, n) => nth_weekday(year, month, weekday, n),
    }
}

fn nth_weekday(year: i32, month: u32, weekday: chrono::Weekday, n: i8) -> Option<NaiveDate> {
    use chrono::Datelike;
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let days_in: Vec<NaiveDate> =
        first.iter_days().take_while(|d| d.month() == month).filter(|d| d.weekday() == weekday).collect();
    match n {
        n if n > 0 => days_in.get(usize::try_from(n - 1).ok()?).copied(),
        n => days_in.len().checked_sub(usize::try_from(-n).ok()?).and_then(|i| days_in.get(i)).copied(),
    }
}

/// The Chinese festivals of `year`, in the order of the year.
pub fn chinese_festivals(year: i32) -> Vec<Festival> {
    Festivals::Chinese.of_year(year)
}

/// Every festival of a preset, by day; two on one day are one greeting.
fn build_calendar(festivals: Festivals) -> BTreeMap<NaiveDate, Festival> {
    let mut calendar: BTreeMap<NaiveDate, Festival> = BTreeMap::new();
    for festival in (FIRST_YEAR..=LAST_YEAR).flat_map(|year| festivals.of_year(year)) {
        match calendar.get_mut(&festival.day) {
            Some(same_day) => {
                same_day.name = Cow::Owned(format!("{}、{}", same_day.name, festival.name));
                if festival.lead_days > same_day.lead_days {
                    (same_day.lead_days, same_day.action) = (festival.lead_days, festival.action);
                }
            }
            None => {
                calendar.insert(festival.day, festival);
            }
        }
    }
    calendar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn american_holidays_fall_on_their_rules() {
        let days: Vec<(String, NaiveDate)> =
            Festivals::American.of_year(2026).into_iter().map(|f| (f.name.into_owned(), f.day)).collect();
        let on = |name: &str| days.iter().find(|(n, _)| n == name).unwrap().1.to_string();
        assert_eq!(on("Memorial Day"), "2026-05-25");
        assert_eq!(on("Labor Day"), "2026-09-07");
        assert_eq!(on("Thanksgiving"), "2026-11-26");
        assert_eq!(on("Christmas"), "2026-12-25");
        assert_eq!(Festivals::American.of_year(2027)[4].day.to_string(), "2027-11-25", "Thanksgiving 2027");
        assert_eq!(Festivals::American.max_lead(), 14);
    }

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn on(year: i32, name: &str) -> NaiveDate {
        chinese_festivals(year).into_iter().find(|f| f.name == name).unwrap().day
    }

    #[test]
    fn lunar_festivals_fall_on_their_official_days_2026_to_2030() {
        // The State Council's holiday notices and the 农历 as published.
        let official = [
            (2026, "2026-02-17", "2026-06-19", "2026-09-25"),
            (2027, "2027-02-06", "2027-06-09", "2027-09-15"),
            (2028, "2028-01-26", "2028-05-28", "2028-10-03"),
            (2029, "2029-02-13", "2029-06-16", "2029-09-22"),
            (2030, "2030-02-03", "2030-06-05", "2030-09-12"),
        ];
        for (year, spring, dragon_boat, mid_autumn) in official {
            assert_eq!(on(year, "春节"), day(spring), "{year}");
            assert_eq!(on(year, "端午节"), day(dragon_boat), "{year}");
            assert_eq!(on(year, "中秋节"), day(mid_autumn), "{year}");
        }
        assert_eq!(on(2027, "元宵节"), day("2027-02-20"));
    }

    #[test]
    fn qingming_is_april_4_or_5() {
        let days: Vec<NaiveDate> = (2026..=2030).map(|y| on(y, "清明节")).collect();
        let official = ["2026-04-05", "2027-04-05", "2028-04-04", "2029-04-04", "2030-04-05"];
        assert_eq!(days, official.map(day));
    }

    #[test]
    fn every_year_has_all_eight_and_the_calendar_covers_the_data() {
        assert_eq!(chinese_festivals(2026).len(), 8);
        assert!(chinese_festivals(2101).is_empty());
        let calendar = Festivals::Chinese.calendar();
        assert_eq!(calendar.get(&day("2026-10-01")).map(|f| f.name.as_ref()), Some("国庆节"));
        let both = calendar.get(&day("2020-10-01")).unwrap();
        assert_eq!(
            (both.name.as_ref(), both.lead_days, both.action),
            ("中秋节、国庆节", 10, TouchKind::Gift)
        );
        assert_eq!(calendar.len(), 8 * 200 - 6, "six years put 中秋 on 国庆");
        assert_eq!(Festivals::Chinese.max_lead(), 14);
    }
}
