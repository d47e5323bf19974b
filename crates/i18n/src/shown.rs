//! Times of day as the rep reads them, on the clock of `[ui] clock`: the
//! 12-hour clock's marks are words (`2:00 PM`, `下午2:00`), so they live here
//! beside the catalogues rather than in the settings.

use chrono::{NaiveDateTime, NaiveTime, Timelike};
use leadline_core::config::{HourClock, Ui};
use leadline_core::domain::FollowUp;

use crate::msg;

pub trait ShownTime {
    /// `14:00`, or `2:00 PM` on the 12-hour clock.
    fn time(&self, time: NaiveTime) -> String;

    /// `2026-12-08 14:00`, or `2026-12-08 2:00 PM`.
    fn moment(&self, at: NaiveDateTime) -> String {
        format!("{} {}", at.date().format("%Y-%m-%d"), self.time(at.time()))
    }

    /// When a follow-up is due: its day, and its time when it has one.
    fn due(&self, follow_up: &FollowUp) -> String {
        match follow_up.due_time {
            Some(time) => format!("{} {}", follow_up.due, self.time(time)),
            None => follow_up.due.to_string(),
        }
    }
}

impl ShownTime for Ui {
    fn time(&self, time: NaiveTime) -> String {
        match self.clock() {
            HourClock::H24 => time.format("%H:%M").to_string(),
            HourClock::H12 => {
                let (afternoon, hour) = time.hour12();
                let time = format!("{hour}:{:02}", time.minute());
                let lang = self.lang();
                match afternoon {
                    true => msg::ClockPm { time }.text(lang),
                    false => msg::ClockAm { time }.text(lang),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use leadline_core::locale::Lang;

    #[test]
    fn the_twelve_hour_clock_marks_the_half_of_the_day_in_the_rep_s_language() {
        let at = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        let mut ui = Ui { language: Some(Lang::En), ..Ui::default() };
        assert_eq!(ui.time(at(14, 5)), "14:05");
        ui.clock = Some(HourClock::H12);
        let shown: Vec<String> = [at(0, 0), at(9, 15), at(12, 0), at(14, 5)].map(|t| ui.time(t)).into();
        assert_eq!(shown, ["12:00 AM", "9:15 AM", "12:00 PM", "2:05 PM"]);
        ui.language = Some(Lang::ZhCn);
        assert_eq!(ui.time(at(14, 5)), "下午2:05");
        assert_eq!(
            ui.moment(chrono::NaiveDate::from_ymd_opt(2026, 12, 8).unwrap().and_time(at(9, 0))),
            "2026-12-08 上午9:00"
        );
    }
}
