//! Open follow-ups as an iCalendar file: one all-day (or half-hour) event
//! per follow-up, with a UID made from its id, so that importing the file
//! again updates the events instead of adding copies, and cancels those of
//! follow-ups closed since.

use crate::i18n::msg;
use std::collections::HashMap;

use chrono::{Duration, Local, NaiveDateTime, NaiveTime, TimeZone, Utc};
use icalendar::{Alarm, Calendar, Component, Event, EventLike, EventStatus, Trigger};

use super::{App, AppResult};
use crate::domain::contact::{clean_note, clean_text};
use crate::domain::{AccountId, AccountSummary, FollowUp, FollowUpId};
use crate::i18n::Lang;

pub const PRODID: &str = "-//Leadline//Leadline follow-ups//EN";

/// The stable UID of a follow-up's event.
pub fn uid(follow_up: &FollowUp) -> String {
    format!("follow-up-{}@leadline", follow_up.id)
}

fn utc(at: NaiveDateTime) -> chrono::DateTime<Utc> {
    Local.from_local_datetime(&at).earliest().map_or_else(|| at.and_utc(), |t| t.with_timezone(&Utc))
}

/// How long a closed follow-up is still sent, cancelled, so that a calendar
/// that imported it while open drops it.
pub(crate) const CANCELLED_FOR_DAYS: i64 = 30;

/// What the export holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CalendarCounts {
    pub open: usize,
    pub cancelled: usize,
}

/// When a follow-up's reminder goes off: so many minutes before a timed
/// one, and at a time of day on the day of an all-day one; none at all
/// when `minutes` is none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reminder {
    pub minutes: Option<u32>,
    pub all_day_at: NaiveTime,
}

impl Default for Reminder {
    fn default() -> Self {
        Reminder { minutes: Some(15), all_day_at: NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default() }
    }
}

fn event(
    follow_up: &FollowUp,
    summary: &AccountSummary,
    uid: &str,
    cancelled: bool,
    lang: Lang,
    reminder: Reminder,
) -> Event {
    let kind = crate::i18n::terms::kind(follow_up.kind, lang);
    let title = match &summary.company {
        Some(company) => {
            msg::IcsTitleCompany { kind, name: summary.name.as_str(), company: company.as_str() }.text(lang)
        }
        None => msg::IcsTitle { kind, name: summary.name.as_str() }.text(lang),
    };
    let reason = crate::i18n::terms::follow_up_reason(follow_up.reason, lang);
    let mut description = msg::IcsDescription { reason }.text(lang);
    // The number to dial from the phone's calendar, first thing.
    if let Some(phone) = &summary.phone {
        description = format!("{}\n{description}", msg::IcsPhone { phone: phone.as_str() }.text(lang));
    }
    if !follow_up.note.is_empty() {
        description.push_str(&msg::NoteAfterColon { note: follow_up.note.as_str() }.text(lang));
    }
    if follow_up.snoozes > 0 {
        description.push('\n');
        description.push_str(&msg::IcsSnoozed { times: follow_up.snoozes }.text(lang));
    }
    // The icalendar crate escapes line breaks, commas and semicolons but
    // passes other control characters through; a bare CR could end the
    // line and start a property of its own.
    let title = clean_text(&title);
    let description = clean_note(&description);
    let mut event = Event::new();
    // A cancellation is a revision after the last one sent while open.
    let sequence = follow_up.revisions() + u32::from(cancelled);
    // Stamped with its own last change, not the export's time: a follow-up
    // that did not change is written byte for byte as before, and a sync
    // tool comparing files (rsync, Syncthing) sees no change.
    let stamp = utc(follow_up.last_changed());
    event.uid(uid).timestamp(stamp).sequence(sequence).summary(&title).description(&description);
    if cancelled {
        event.status(EventStatus::Cancelled);
    }
    if !follow_up.uid.is_nil() {
        // The UID stays the one calendars already hold; the global id
        // rides beside it.
        event.add_property("X-LEADLINE-UID", follow_up.uid.to_string());
    }
    match follow_up.due_time {
        Some(time) => {
            // In UTC: a floating time would show at another hour on a
            // calendar in another zone (a phone abroad, a colleague's).
            let start = follow_up.due.and_time(time);
            event.starts(utc(start)).ends(utc(start + Duration::minutes(30)));
        }
        None => {
            event.starts(follow_up.due).ends(follow_up.due + Duration::days(1));
        }
    }
    if let (Some(minutes), false) = (reminder.minutes, cancelled) {
        let trigger = match follow_up.due_time {
            Some(_) => Trigger::before_start(Duration::minutes(minutes.into())),
            None => Trigger::after_start(reminder.all_day_at - NaiveTime::MIN),
        };
        // The crate stamps an alarm with the clock and a random UID unless
        // told: the event's own make the export the same every time.
        let mut alarm = Alarm::display(&title, trigger);
        alarm.timestamp(stamp).uid(&format!("{uid}-reminder"));
        event.alarm(alarm);
    }
    event.done()
}

impl App {
    /// The open follow-ups of active accounts as an iCalendar text; those
    /// closed or removed in the last 30 days, and those of archived
    /// accounts, as cancelled events with the same UIDs.
    pub fn follow_ups_calendar(&self, reminder: Reminder) -> AppResult<(String, CalendarCounts)> {
        let now = self.now();
        let lang = self.config.ui.lang();
        let mut calendar = new_calendar();
        calendar.name(&msg::IcsCalendar.text(lang));
        let summaries = self.store.summaries()?.items;
        let records = self.store.follow_ups()?.items;
        let global = global_ids(&records);
        let mut counts = CalendarCounts::default();
        for summary in summaries.iter().filter(|s| s.is_active()) {
            for follow_up in &summary.pending {
                let follow_up = global(follow_up);
                calendar.push(event(&follow_up, summary, &uid(&follow_up), false, lang, reminder));
                counts.open += 1;
            }
        }
        let accounts: HashMap<AccountId, &AccountSummary> = summaries.iter().map(|s| (s.id, s)).collect();
        let since = now.date() - Duration::days(CANCELLED_FOR_DAYS);
        for follow_up in &records {
            let Some(summary) = accounts.get(&follow_up.account) else { continue };
            let closed_lately =
                !follow_up.is_pending() && follow_up.closed_at.is_some_and(|t| t.date() >= since);
            let archived = follow_up.is_pending() && !summary.is_active();
            if closed_lately || archived {
                calendar.push(event(follow_up, summary, &uid(follow_up), true, lang, reminder));
                counts.cancelled += 1;
            }
        }
        // Removed as made by mistake: cancelled as of its removal.
        for removed in self.store.removed_follow_ups()? {
            let Some(summary) = accounts.get(&removed.follow_up.account) else { continue };
            if removed.removed_at.date() >= since {
                let follow_up = FollowUp { closed_at: Some(removed.removed_at), ..removed.follow_up };
                calendar.push(event(&follow_up, summary, &uid(&follow_up), true, lang, reminder));
                counts.cancelled += 1;
            }
        }
        Ok((calendar.done().to_string(), counts))
    }

    /// The open follow-ups of active accounts, each as a calendar of its
    /// own named by its UID: the files of a vdir (khal reads one;
    /// vdirsyncer and pimsync sync one to a CalDAV server).
    pub fn follow_up_files(&self, reminder: Reminder) -> AppResult<Vec<(String, String)>> {
        let lang = self.config.ui.lang();
        let mut files = Vec::new();
        let records = self.store.follow_ups()?.items;
        let global = global_ids(&records);
        for summary in self.store.summaries()?.items.iter().filter(|s| s.is_active()) {
            for follow_up in &summary.pending {
                let follow_up = global(follow_up);
                let text = follow_up_file(&follow_up, summary, &uid(&follow_up), lang, reminder);
                files.push((file_name(&uid(&follow_up)), text));
            }
        }
        Ok(files)
    }
}

/// One open follow-up as a calendar file of its own (a vdir's item), its
/// event under `uid`.
pub(crate) fn follow_up_file(
    follow_up: &FollowUp,
    summary: &AccountSummary,
    uid: &str,
    lang: Lang,
    reminder: Reminder,
) -> String {
    let mut calendar = new_calendar();
    calendar.push(event(follow_up, summary, uid, false, lang, reminder));
    calendar.done().to_string()
}

/// The vdir file of an event.
pub(crate) fn file_name(uid: &str) -> String {
    format!("{uid}.ics")
}

/// The follow-up as its record holds it: with its global id and the times
/// it changed, which summaries (what lists read) do not carry.
pub(crate) fn global_ids(records: &[FollowUp]) -> impl Fn(&FollowUp) -> FollowUp + '_ {
    let by_id: HashMap<FollowUpId, &FollowUp> = records.iter().map(|f| (f.id, f)).collect();
    move |follow_up| by_id.get(&follow_up.id).map_or_else(|| follow_up.clone(), |record| (*record).clone())
}

/// An empty calendar with the properties every file of ours has.
fn new_calendar() -> Calendar {
    let mut calendar = Calendar::empty();
    calendar.append_property(("VERSION", "2.0"));
    calendar.append_property(("PRODID", PRODID));
    calendar.append_property(("CALSCALE", "GREGORIAN"));
    calendar
}

/// Whether a file name is one `follow_up_files` writes (the others in a
/// vdir are not ours to touch).
pub fn is_follow_up_file(name: &str) -> bool {
    name.starts_with("follow-up-") && name.ends_with("@leadline.ics")
}
