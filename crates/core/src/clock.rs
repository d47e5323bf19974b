//! Time comes from here only, so every time-dependent rule can be tested
//! with a fixed clock (`LEADLINE_NOW`).

use chrono::{Datelike, Duration, Local, Months, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Weekday};

use crate::domain::dates::{FIRST_YEAR, LAST_YEAR, OutOfWindow, check_date, date_in_window};

pub trait Clock: Send + Sync {
    /// The current local wall-clock time.
    fn now(&self) -> NaiveDateTime;

    fn today(&self) -> NaiveDate {
        self.now().date()
    }
}

pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> NaiveDateTime {
        // Whole seconds: sub-second noise helps nobody reading a timeline.
        let now = Local::now().naive_local();
        now.with_nanosecond(0).unwrap_or(now)
    }
}

#[derive(Clone, Copy, Debug)]
pub struct FixedClock(pub NaiveDateTime);

impl Clock for FixedClock {
    fn now(&self) -> NaiveDateTime {
        self.0
    }
}

pub const NOW_VARIABLE: &str = "LEADLINE_NOW";

/// The clock the process runs on: `LEADLINE_NOW` when set, else the system.
pub fn from_env() -> Result<Box<dyn Clock>, WhenError> {
    match std::env::var(NOW_VARIABLE) {
        Ok(value) if !value.trim().is_empty() => {
            let now = parse_timestamp(&value).ok_or_else(|| WhenError::Now(value.clone()))?;
            Ok(Box::new(FixedClock(now)))
        }
        _ => Ok(Box::new(SystemClock)),
    }
}

fn noon() -> NaiveTime {
    NaiveTime::from_hms_opt(12, 0, 0).expect("noon is a valid time")
}

/// `YYYY-MM-DD` (noon), `YYYY-MM-DDTHH:MM[:SS]` or with a space instead of
/// `T`, within the years Leadline accepts.
pub fn parse_timestamp(input: &str) -> Option<NaiveDateTime> {
    parse_timestamp_anywhere(input).filter(|m| date_in_window(m.date()))
}

fn parse_timestamp_anywhere(input: &str) -> Option<NaiveDateTime> {
    let text = input.trim();
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(date.and_time(noon()));
    }
    ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WhenError {
    #[error(
        "'{0}' is not a date: use YYYY-MM-DD, YYYY-MM-DDTHH:MM, HH:MM, today, tomorrow, yesterday, a weekday (wed, next wed, this fri), end of month, next month (each with a time: next wed 15:00), +Nd, -Nd, +Nw, -Nh or -Nm"
    )]
    Malformed(String),
    #[error(
        "{NOW_VARIABLE}='{0}' is not a time: use YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS], in the years {FIRST_YEAR} to {LAST_YEAR}"
    )]
    Now(String),
    /// Not a date, where only a day to come makes sense (a follow-up).
    #[error(
        "'{0}' is not a date: use tomorrow 2pm, fri, next tue 9:30am, dec 15, 12/15, in 2 weeks, next week, end of month, +3d or YYYY-MM-DD"
    )]
    MalformedAhead(String),
    #[error(transparent)]
    OutOfWindow(#[from] OutOfWindow),
    #[error("'{given}' is too far: an offset goes up to {limit}{unit} (ten years); give a date instead")]
    TooFar { given: String, limit: i64, unit: char },
}

/// A date as typed on the command line, with the time only when one was typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct When {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
}

impl When {
    /// The moment this names; a bare date means noon, except that a bare
    /// today means now (so `--at today` is never in the future).
    pub fn moment(self, now: NaiveDateTime) -> NaiveDateTime {
        match self.time {
            Some(time) => self.date.and_time(time),
            None if self.date == now.date() => now,
            None => self.date.and_time(noon()),
        }
    }
}

/// How a numeric date is read when both numbers could be the month:
/// `12/11` is December 11 month first (the US, China), November 12 day
/// first (Britain, Germany). `15/12` and `12/15` read alike in both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DateOrder {
    #[default]
    MonthFirst,
    DayFirst,
}

/// Parses the date forms of the command line relative to `now`; a date
/// outside the years Leadline accepts is refused.
pub fn parse_when(input: &str, now: NaiveDateTime) -> Result<When, WhenError> {
    parse_when_in(input, now, DateOrder::default())
}

/// [`parse_when`], numeric dates read in `order`.
pub fn parse_when_in(input: &str, now: NaiveDateTime, order: DateOrder) -> Result<When, WhenError> {
    let when = parse_when_anywhere(input, now, order)?;
    check_date(when.date)?;
    Ok(when)
}

/// [`parse_when_in`] for a day to come: a refusal offers the forms that
/// name one.
pub fn parse_when_ahead(input: &str, now: NaiveDateTime, order: DateOrder) -> Result<When, WhenError> {
    parse_when_in(input, now, order).map_err(|error| match error {
        WhenError::Malformed(text) => WhenError::MalformedAhead(text),
        other => other,
    })
}

fn parse_when_anywhere(input: &str, now: NaiveDateTime, order: DateOrder) -> Result<When, WhenError> {
    let text = input.trim();
    // "tomorrow at 2pm", "dec 15, 2026": the words between say nothing.
    let lower = text.to_lowercase().replace(" at ", " ").replace(',', " ");
    let lower = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    let malformed = || WhenError::Malformed(text.to_string());
    let today = now.date();
    let date_only = |date: NaiveDate| When { date, time: None };
    let day_word = |word: &str| match word {
        "today" | "今天" => Some(today),
        "tomorrow" | "明天" => Some(today + Duration::days(1)),
        "yesterday" | "昨天" => Some(today - Duration::days(1)),
        "后天" => Some(today + Duration::days(2)),
        "前天" => Some(today - Duration::days(2)),
        _ => None,
    };
    if lower == "now" || text == "现在" {
        return Ok(When { date: today, time: Some(now.time()) });
    }
    let day = |phrase: &str| {
        day_word(phrase).or_else(|| day_phrase(phrase, today)).or_else(|| calendar_date(phrase, today, order))
    };
    if let Some(date) = day(&lower) {
        return Ok(date_only(date));
    }
    if let Some(when) = ahead(&lower, now) {
        return Ok(when);
    }
    // "yesterday 18:30", "next wednesday 15:00", "下周三 15:00", "周五9:30"
    if let Some((date, time)) = split_time(&lower, day) {
        return Ok(When { date, time: Some(time) });
    }
    // "+3d", "+1w", "-2d", "-2h", "+90m"
    if let Some(sign) = lower.chars().next().filter(|c| matches!(c, '+' | '-')) {
        let offset = &lower[1..];
        let unit = offset.chars().last().ok_or_else(malformed)?;
        let count: i64 = offset[..offset.len() - unit.len_utf8()].parse().map_err(|_| malformed())?;
        let limit = match unit {
            'd' => 3650,
            'w' => 520,
            'h' => 24 * 3650,
            'm' => 60 * 24 * 3650,
            _ => return Err(malformed()),
        };
        if count < 0 {
            return Err(malformed());
        }
        if count > limit {
            return Err(WhenError::TooFar { given: text.to_string(), limit, unit });
        }
        let count = if sign == '-' { -count } else { count };
        return Ok(match unit {
            'd' => date_only(today + Duration::days(count)),
            'w' => date_only(today + Duration::days(count * 7)),
            'h' => at_moment(now + Duration::hours(count)),
            _ => at_moment(now + Duration::minutes(count)),
        });
    }
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Ok(date_only(date));
    }
    if let Some(moment) = parse_timestamp_anywhere(text) {
        return Ok(When { date: moment.date(), time: Some(moment.time()) });
    }
    match parse_time(&lower) {
        Some(time) => Ok(When { date: today, time: Some(time) }),
        None => Err(malformed()),
    }
}

/// A day phrase followed by a time of day, with or without a space
/// between: the day and the time.
fn split_time(text: &str, day: impl Fn(&str) -> Option<NaiveDate>) -> Option<(NaiveDate, NaiveTime)> {
    text.char_indices().filter(|(i, _)| *i > 0).find_map(|(i, _)| {
        let time = parse_time(text[i..].trim())?;
        Some((day(text[..i].trim_end())?, time))
    })
}

/// The day of the week a word names, in English or Chinese: `mon`,
/// `monday`, `周一`, `星期一`, `礼拜一` (Sunday is also `周天`).
fn weekday_word(word: &str) -> Option<Weekday> {
    use Weekday::*;
    const ENGLISH: [(&str, &str, Weekday); 7] = [
        ("mon", "monday", Mon),
        ("tue", "tuesday", Tue),
        ("wed", "wednesday", Wed),
        ("thu", "thursday", Thu),
        ("fri", "friday", Fri),
        ("sat", "saturday", Sat),
        ("sun", "sunday", Sun),
    ];
    if let Some((_, _, day)) = ENGLISH.iter().find(|(short, long, _)| {
        word == *short || word == *long || (word.len() >= 3 && long.starts_with(word))
    }) {
        return Some(*day);
    }
    let rest = ["周", "星期", "礼拜"].iter().find_map(|prefix| word.strip_prefix(prefix))?;
    match rest {
        "一" | "1" => Some(Mon),
        "二" | "2" => Some(Tue),
        "三" | "3" => Some(Wed),
        "四" | "4" => Some(Thu),
        "五" | "5" => Some(Fri),
        "六" | "6" => Some(Sat),
        "日" | "天" | "7" => Some(Sun),
        _ => None,
    }
}

/// Days of the week and ends of months, counted from `today`:
/// a bare weekday (`wed`, `周三`) is the next such day after today;
/// `next wed`, `下周三` that day of next week; `this fri`, `这周五`,
/// `本周五` that day of this week; `end of month`, `月底` the last day of
/// this month; `next month`, `下个月` the same day next month; `end of
/// next month`, `下月底` its last day.
fn day_phrase(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let monday = today - Duration::days(today.weekday().num_days_from_monday().into());
    let in_week =
        |monday: NaiveDate, day: Weekday| monday + Duration::days(day.num_days_from_monday().into());
    let month_end = |day: NaiveDate| {
        let first = day.with_day(1)?;
        first.checked_add_months(Months::new(1))?.pred_opt()
    };
    let next_month = || today.checked_add_months(Months::new(1));
    match text {
        "end of month" | "end of the month" | "月底" | "本月底" | "这个月底" => {
            return month_end(today);
        }
        "next month" | "下个月" | "下月" => return next_month(),
        "end of next month" | "下月底" | "下个月底" => return next_month().and_then(month_end),
        _ => {}
    }
    let (week, word) = if let Some(rest) = text.strip_prefix("next ") {
        (Some(monday + Duration::days(7)), rest.trim())
    } else if let Some(rest) = text.strip_prefix("this ") {
        (Some(monday), rest.trim())
    } else if let Some(rest) =
        text.strip_prefix('下').filter(|r| r.starts_with('周') || r.starts_with("星期"))
    {
        (Some(monday + Duration::days(7)), rest)
    } else if let Some(rest) = ["这", "本"]
        .iter()
        .find_map(|p| text.strip_prefix(p))
        .filter(|r| r.starts_with('周') || r.starts_with("星期"))
    {
        (Some(monday), rest)
    } else {
        (None, text)
    };
    let day = weekday_word(word)?;
    Some(match week {
        Some(monday) => in_week(monday, day),
        None => {
            let ahead = (i64::from(day.num_days_from_monday())
                - i64::from(today.weekday().num_days_from_monday()))
            .rem_euclid(7);
            today + Duration::days(if ahead == 0 { 7 } else { ahead })
        }
    })
}

/// A time of day: `15:00`, `15:00:30`, `2pm`, `2 pm`, `9:15am`, `2:00 p.m.`,
/// `15点`, `3点半`, `下午3点`, `上午9点15分`, `晚上8点`.
fn parse_time(text: &str) -> Option<NaiveTime> {
    let text = text.trim();
    if let Some(time) = ["%H:%M", "%H:%M:%S"].iter().find_map(|f| NaiveTime::parse_from_str(text, f).ok()) {
        return Some(time);
    }
    let compact: String = text.chars().filter(|c| !c.is_whitespace() && *c != '.').collect();
    for (suffix, afternoon) in [("am", false), ("pm", true)] {
        if let Some(clock) = compact.strip_suffix(suffix) {
            let (hour, minute) = match clock.split_once(':') {
                Some((h, m)) if m.len() == 2 => (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?),
                Some(_) => return None,
                None => (clock.parse::<u32>().ok()?, 0),
            };
            if !(1..=12).contains(&hour) {
                return None;
            }
            let hour = match (hour, afternoon) {
                (12, false) => 0,
                (12, true) => 12,
                (h, false) => h,
                (h, true) => h + 12,
            };
            return NaiveTime::from_hms_opt(hour, minute, 0);
        }
    }
    chinese_time(&compact)
}

/// `15点`, `3点半`, `下午3点`, `上午9点15分`, `晚上8点`, `中午12点`.
fn chinese_time(text: &str) -> Option<NaiveTime> {
    let (afternoon, rest) =
        [("上午", false), ("早上", false), ("中午", true), ("下午", true), ("晚上", true)]
            .iter()
            .find_map(|(prefix, pm)| text.strip_prefix(prefix).map(|rest| (Some(*pm), rest)))
            .unwrap_or((None, text));
    let (hour, minutes) = rest.split_once('点').or_else(|| rest.split_once('时'))?;
    let hour: u32 = hour.parse().ok()?;
    let minute = match minutes.trim_end_matches('分') {
        "" | "整" => 0,
        "半" => 30,
        "一刻" => 15,
        digits => digits.parse().ok()?,
    };
    let hour = match afternoon {
        Some(true) if hour < 12 => hour + 12,
        _ => hour,
    };
    NaiveTime::from_hms_opt(hour, minute, 0)
}

/// Month names as a rep writes them: `dec`, `december`, `sept`.
fn month_word(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let word = word.trim_end_matches('.');
    if word.len() < 3 {
        return None;
    }
    (1..=12u32).find(|m| MONTHS[*m as usize - 1].starts_with(word) || (word == "sept" && *m == 9))
}

/// A date on the calendar: `dec 15`, `december 15 2026`, `15 dec`, `12/15`,
/// `12/15/2026`, `15/12/26`, `12月15日`, `2026年12月15日`, `12月15号`. Without
/// a year, the next such day from `today` on.
fn calendar_date(text: &str, today: NaiveDate, order: DateOrder) -> Option<NaiveDate> {
    let next_from_today = |month: u32, day: u32| {
        let this_year = NaiveDate::from_ymd_opt(today.year(), month, day);
        match this_year {
            Some(date) if date >= today => Some(date),
            _ => NaiveDate::from_ymd_opt(today.year() + 1, month, day),
        }
    };
    let year_of = |text: &str| -> Option<i32> {
        let year: i32 = text.parse().ok()?;
        Some(match text.len() {
            2 => 2000 + year,
            4 => year,
            _ => return None,
        })
    };
    let dated = |year: Option<i32>, month: u32, day: u32| match year {
        Some(year) => NaiveDate::from_ymd_opt(year, month, day),
        None => next_from_today(month, day),
    };
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(date);
    }
    // 12月15日, 2026年12月15号
    if let Some(rest) = text.strip_suffix('日').or_else(|| text.strip_suffix('号')) {
        let (year, rest) = match rest.split_once('年') {
            Some((year, rest)) => (Some(year_of(year)?), rest),
            None => (None, rest),
        };
        let (month, day) = rest.split_once('月')?;
        return dated(year, month.parse().ok()?, day.parse().ok()?);
    }
    // 12/15, 15/12/2026, 12-15 is a birthday's form, not taken here
    if text.contains('/') {
        let parts: Vec<&str> = text.split('/').collect();
        let (first, second, year) = match parts.as_slice() {
            [a, b] => (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?, None),
            [a, b, y] => (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?, Some(year_of(y)?)),
            _ => return None,
        };
        let (month, day) = match order {
            _ if first > 12 => (second, first),
            _ if second > 12 => (first, second),
            DateOrder::MonthFirst => (first, second),
            DateOrder::DayFirst => (second, first),
        };
        return dated(year, month, day);
    }
    // dec 15, dec 15 2026, 15 dec, 15 december 2026
    let words: Vec<&str> = text.split(' ').collect();
    let day_number = |word: &str| -> Option<u32> {
        let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &word[digits.len()..];
        (suffix.is_empty() || ["st", "nd", "rd", "th"].contains(&suffix)).then_some(())?;
        digits.parse().ok()
    };
    let (month, day, year) = match words.as_slice() {
        [m, d] | [m, d, _] if month_word(m).is_some() => (month_word(m)?, day_number(d)?, words.get(2)),
        [d, m] | [d, m, _] if month_word(m).is_some() => (month_word(m)?, day_number(d)?, words.get(2)),
        _ => return None,
    };
    let year = match year {
        Some(year) => Some(year_of(year)?),
        None => None,
    };
    dated(year, month, day)
}

/// `in 2 weeks`, `in 3 days`, `in 1 month`, `in 2 hours`, `next week` (its
/// Monday), `3天后`, `2周后`, `两周后`.
fn ahead(text: &str, now: NaiveDateTime) -> Option<When> {
    let today = now.date();
    if text == "next week" || text == "下周" {
        let monday = today - Duration::days(today.weekday().num_days_from_monday().into());
        return Some(When { date: monday + Duration::days(7), time: None });
    }
    let (count, unit) = if let Some(rest) = text.strip_prefix("in ") {
        let (count, unit) = rest.split_once(' ')?;
        let count = match count {
            "a" | "an" | "one" => 1,
            "two" => 2,
            "three" => 3,
            digits => digits.parse::<i64>().ok()?,
        };
        (count, unit.trim_end_matches('s'))
    } else {
        let rest = text.strip_suffix("后").or_else(|| text.strip_suffix("以后"))?;
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let count = match (digits.as_str(), rest.chars().next()?) {
            ("", '两') => 2,
            ("", '一') => 1,
            ("", '三') => 3,
            (digits, _) => digits.parse().ok()?,
        };
        let unit = rest.trim_start_matches(|c: char| c.is_ascii_digit() || "两一三".contains(c));
        let unit = match unit.trim_start_matches('个') {
            "天" => "day",
            "周" | "星期" | "礼拜" => "week",
            "月" => "month",
            "小时" => "hour",
            _ => return None,
        };
        (count, unit)
    };
    if !(0..=3650).contains(&count) {
        return None;
    }
    let date = |date: NaiveDate| Some(When { date, time: None });
    match unit {
        "day" => date(today + Duration::days(count)),
        "week" => date(today + Duration::days(7 * count)),
        "month" => date(today.checked_add_months(Months::new(u32::try_from(count).ok()?))?),
        "hour" => Some(at_moment(now + Duration::hours(count))),
        "minute" | "min" => Some(at_moment(now + Duration::minutes(count))),
        _ => None,
    }
}

fn at_moment(moment: NaiveDateTime) -> When {
    When { date: moment.date(), time: Some(moment.time()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        parse_timestamp(text).unwrap()
    }

    #[test]
    fn timestamps_take_the_documented_forms() {
        assert_eq!(at("2026-11-27"), at("2026-11-27T12:00"));
        assert_eq!(at("2026-11-27T09:30:15").time(), NaiveTime::from_hms_opt(9, 30, 15).unwrap());
        assert_eq!(at("2026-11-27 09:30"), at("2026-11-27T09:30"));
        for bad in ["2026-13-01", "27.11.2026", "2026-11-27T25:00", "", "soon"] {
            assert!(parse_timestamp(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn relative_dates_count_from_now() {
        let now = at("2026-11-27T09:00");
        let date = |s: &str| parse_when(s, now).unwrap().date.to_string();
        assert_eq!(date("today"), "2026-11-27");
        assert_eq!(date("Tomorrow"), "2026-11-28");
        assert_eq!(date("yesterday"), "2026-11-26");
        assert_eq!(
            (date("今天"), date("明天"), date("昨天"), date("后天")),
            (date("today"), date("tomorrow"), date("yesterday"), date("+2d"))
        );
        assert_eq!(date("+3d"), "2026-11-30");
        assert_eq!(date("+2w"), "2026-12-11");
        assert_eq!(date("2027-02-06"), "2027-02-06");
        assert_eq!(parse_when("14:30", now).unwrap().moment(now), at("2026-11-27T14:30"));
        assert_eq!(date("-2d"), "2026-11-25");
        assert_eq!(parse_when("-2h", now).unwrap().moment(now), at("2026-11-27T07:00"));
        assert_eq!(parse_when("-90m", now).unwrap().moment(now), at("2026-11-27T07:30"));
        assert_eq!(parse_when("yesterday 18:30", now).unwrap().moment(now), at("2026-11-26T18:30"));
        assert_eq!(parse_when("Tomorrow 8:05", now).unwrap().moment(now), at("2026-11-28T08:05"));
        for bad in ["+3", "+xd", "-2x", "2026-02-30", "next weak", "yesterday 25:00", "-", "+d", "+3天"] {
            assert!(matches!(parse_when(bad, now), Err(WhenError::Malformed(_))), "{bad}");
        }
        for far in ["+99999d", "-99999999d", "+521w"] {
            let error = parse_when(far, now).unwrap_err();
            assert!(matches!(error, WhenError::TooFar { .. }), "{far}");
            assert!(error.to_string().contains("is too far: an offset goes up to"), "{error}");
        }
        for far in ["9999-12-31", "1899-12-31", "2201-01-01T10:00"] {
            assert!(matches!(parse_when(far, now), Err(WhenError::OutOfWindow(_))), "{far}");
        }
        assert!(parse_timestamp("9999-12-31").is_none());
    }

    #[test]
    fn weekdays_and_month_ends_in_both_languages() {
        // Friday 2026-11-27.
        let now = at("2026-11-27T09:00");
        let date = |s: &str| parse_when(s, now).unwrap_or_else(|e| panic!("{s}: {e}")).date.to_string();
        for (words, day) in [
            (&["mon", "Monday", "周一", "星期一", "礼拜一"][..], "2026-11-30"),
            (&["wed", "wednesday", "周三"][..], "2026-12-02"),
            (&["fri", "周五"][..], "2026-12-04"),
            (&["sun", "周日", "周天", "星期天"][..], "2026-11-29"),
            (&["next monday", "下周一", "下星期一"][..], "2026-11-30"),
            (&["next wed", "下周三"][..], "2026-12-02"),
            (&["next sunday", "下周日"][..], "2026-12-06"),
            (&["this friday", "这周五", "本周五"][..], "2026-11-27"),
            (&["this tue", "这周二"][..], "2026-11-24"),
            (&["end of month", "月底"][..], "2026-11-30"),
            (&["next month", "下个月", "下月"][..], "2026-12-27"),
            (&["end of next month", "下月底"][..], "2026-12-31"),
        ] {
            for word in words {
                assert_eq!(date(word), day, "{word}");
            }
        }
        let when = |s: &str| parse_when(s, now).unwrap().moment(now);
        assert_eq!(when("下周三 15:00"), at("2026-12-02T15:00"));
        assert_eq!(when("下周三15:00"), at("2026-12-02T15:00"));
        assert_eq!(when("next wednesday 15:00"), at("2026-12-02T15:00"));
        assert_eq!(when("周五 9:30"), at("2026-12-04T09:30"));
        assert_eq!(date("月底"), "2026-11-30");
        let january = at("2027-01-31T09:00");
        assert_eq!(parse_when("下个月", january).unwrap().date.to_string(), "2027-02-28", "clamped");
        for bad in ["next", "周八", "下下下周", "this", "end of"] {
            assert!(matches!(parse_when(bad, now), Err(WhenError::Malformed(_))), "{bad}");
        }
    }

    #[test]
    fn dates_and_times_in_the_words_reps_type_in_both_languages() {
        // Monday 2026-12-07, 17:30.
        let now = at("2026-12-07T17:30");
        let when = |text: &str| parse_when(text, now).unwrap_or_else(|e| panic!("{text}: {e}"));
        let on = |text: &str| {
            let when = when(text);
            (when.date.to_string(), when.time.map(|t| t.format("%H:%M").to_string()))
        };
        let day = |d: &str| (d.to_string(), None);
        let timed = |d: &str, t: &str| (d.to_string(), Some(t.to_string()));
        assert_eq!(on("tomorrow 2pm"), timed("2026-12-08", "14:00"));
        assert_eq!(on("tomorrow at 9:15am"), timed("2026-12-08", "09:15"));
        assert_eq!(on("9:15am"), timed("2026-12-07", "09:15"));
        assert_eq!(on("12am"), timed("2026-12-07", "00:00"));
        assert_eq!(on("12 pm"), timed("2026-12-07", "12:00"));
        assert_eq!(on("2026-12-15 2:00 PM"), timed("2026-12-15", "14:00"));
        assert_eq!(on("dec 15"), day("2026-12-15"));
        assert_eq!(on("Dec 15, 2026"), day("2026-12-15"));
        assert_eq!(on("15 december"), day("2026-12-15"));
        assert_eq!(on("sept 3rd"), day("2027-09-03"));
        assert_eq!(on("dec 1"), day("2027-12-01"), "a day gone this year is next year's");
        assert_eq!(on("12/15"), day("2026-12-15"));
        assert_eq!(on("12/15/2026"), day("2026-12-15"));
        assert_eq!(on("15/12/26"), day("2026-12-15"), "15 can only be the day");
        assert_eq!(on("in 2 weeks"), day("2026-12-21"));
        assert_eq!(on("in 3 days"), day("2026-12-10"));
        assert_eq!(on("in a month"), day("2027-01-07"));
        assert_eq!(on("in 2 hours"), timed("2026-12-07", "19:30"));
        assert_eq!(on("next week"), day("2026-12-14"));
        assert_eq!(on("next tuesday 2pm"), timed("2026-12-15", "14:00"));
        assert_eq!(on("dec 15 10am"), timed("2026-12-15", "10:00"));
        assert_eq!(on("明天下午2点"), timed("2026-12-08", "14:00"));
        assert_eq!(on("周五上午9点半"), timed("2026-12-11", "09:30"));
        assert_eq!(on("12月15日"), day("2026-12-15"));
        assert_eq!(on("2027年1月5号"), day("2027-01-05"));
        assert_eq!(on("两周后"), day("2026-12-21"));
        assert_eq!(on("3天后"), day("2026-12-10"));
        assert_eq!(on("下周"), day("2026-12-14"));
        // Both numbers could be the month: the region's order decides.
        let gb = parse_when_in("11/12", now, DateOrder::DayFirst).unwrap();
        assert_eq!(gb.date.to_string(), "2026-12-11");
        assert_eq!(parse_when("11/12", now).unwrap().date.to_string(), "2027-11-12");
        for bad in ["13pm", "dec 32", "2/30", "in many days", "someday"] {
            assert!(parse_when(bad, now).is_err(), "{bad}");
        }
        let ahead = parse_when_ahead("someday", now, DateOrder::MonthFirst).unwrap_err();
        assert!(
            ahead.to_string().contains("tomorrow 2pm") && !ahead.to_string().contains("yesterday"),
            "{ahead}"
        );
    }

    #[test]
    fn a_bare_date_means_noon_but_today_means_now() {
        let now = at("2026-11-27T09:00");
        assert_eq!(parse_when("today", now).unwrap().moment(now), now);
        assert_eq!(parse_when("yesterday", now).unwrap().moment(now), at("2026-11-26T12:00"));
    }
}
