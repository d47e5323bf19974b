//! Open follow-ups as an iCalendar file: one all-day (or half-hour) event
//! per follow-up, with a UID made from its id, so that importing the file
//! again updates the events instead of adding copies.

use chrono::{Duration, Local, NaiveDateTime, TimeZone, Utc};
use icalendar::{Calendar, Component, Event, EventLike};

use super::{App, AppResult};
use crate::domain::FollowUp;

pub const PRODID: &str = "-//Leadline//Leadline follow-ups//EN";

/// The stable UID of a follow-up's event.
pub fn uid(follow_up: &FollowUp) -> String {
    format!("follow-up-{}@leadline", follow_up.id)
}

fn utc(at: NaiveDateTime) -> chrono::DateTime<Utc> {
    Local.from_local_datetime(&at).earliest().map_or_else(|| at.and_utc(), |t| t.with_timezone(&Utc))
}

impl App {
    /// The open follow-ups of active accounts, as an iCalendar text, and
    /// how many there are.
    pub fn follow_ups_calendar(&self) -> AppResult<(String, usize)> {
        let now = self.now();
        let mut calendar = Calendar::empty();
        calendar.append_property(("VERSION", "2.0"));
        calendar.append_property(("PRODID", PRODID));
        calendar.append_property(("CALSCALE", "GREGORIAN"));
        calendar.name("Leadline follow-ups");
        let summaries = self.store.summaries()?.items;
        let mut events = 0;
        for summary in summaries.iter().filter(|s| s.is_active()) {
            for follow_up in &summary.pending {
                let title = match &summary.company {
                    Some(company) => format!("{} {} ({company})", follow_up.kind, summary.name),
                    None => format!("{} {}", follow_up.kind, summary.name),
                };
                let mut description = format!("{} follow-up", follow_up.reason);
                if !follow_up.note.is_empty() {
                    description.push_str(&format!(": {}", follow_up.note));
                }
                if follow_up.snoozes > 0 {
                    description.push_str(&format!("\nsnoozed {} times", follow_up.snoozes));
                }
                let mut event = Event::new();
                event
                    .uid(&uid(follow_up))
                    .timestamp(utc(now))
                    .sequence(follow_up.snoozes)
                    .summary(&title)
                    .description(&description);
                match follow_up.due_time {
                    Some(time) => {
                        let start = follow_up.due.and_time(time);
                        event.starts(start).ends(start + Duration::minutes(30));
                    }
                    None => {
                        event.starts(follow_up.due).ends(follow_up.due + Duration::days(1));
                    }
                }
                calendar.push(event.done());
                events += 1;
            }
        }
        Ok((calendar.done().to_string(), events))
    }
}
