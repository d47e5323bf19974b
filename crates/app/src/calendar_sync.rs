//! `calendar sync DIR`: the follow-ups both ways with a vdir that vdirsyncer
//! or pimsync keep in step with a CalDAV server, so that what the rep does
//! to an event on the phone comes home. The sync first reads what changed
//! in the folder since it last wrote there (it keeps, in the store, each
//! file's hash and the day it said), applies that as one change of the
//! book, then writes the open follow-ups as the book now has them.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use chrono::{Local, NaiveDate, NaiveDateTime, NaiveTime};
use icalendar::{CalendarDateTime, Component, DatePerhapsTime, EventStatus};
use serde::{Deserialize, Serialize};

use super::calendar::{Reminder, file_name, follow_up_file, global_ids, is_follow_up_file, uid};
use super::follow_ups::{FollowUpInput, new_follow_up};
use super::vdir::hash;
use super::{App, AppResult};
use crate::clock::When;
use crate::domain::{AccountSummary, FollowUp, FollowUpId, FollowUpReason, FollowUpStatus, TouchKind};
use crate::i18n::msg;

/// The store's name for what this sync left in a folder.
const STATE: &str = "calendar";

/// What the sync left in the folder, per file name.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct SyncState {
    files: BTreeMap<String, SyncedFile>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
struct SyncedFile {
    follow_up: FollowUpId,
    /// The event's UID: Leadline's, or the phone's for an event made there.
    uid: String,
    /// Of the text written (an ETag of our own).
    hash: String,
    due: NaiveDate,
    time: Option<NaiveTime>,
    /// The follow-up's last change when written: a later one is a change
    /// made here (a new wording of the same follow-up, after a rename or
    /// in another language, is none).
    changed: NaiveDateTime,
}

/// An open follow-up as the folder should hold it.
struct Rendered {
    name: String,
    synced: SyncedFile,
    text: String,
}

/// What a sync did (or, dry, would do).
#[derive(Clone, Debug, Default)]
pub struct CalendarSyncReport {
    /// No sync with this folder before: Leadline's events were written and
    /// only events made elsewhere were read.
    pub first: bool,
    pub changes: Vec<PhoneChange>,
    /// Follow-ups changed both here and on the phone since the last sync:
    /// Leadline's version stays, and is written again.
    pub conflicts: Vec<(FollowUp, String)>,
    /// Events made on the phone whose title names no account, or several.
    pub unmatched: Vec<Unmatched>,
    pub written: usize,
    pub removed: usize,
}

/// A change made on the phone, applied to a follow-up of the named account.
#[derive(Clone, Debug)]
pub enum PhoneChange {
    Moved { before: FollowUp, after: FollowUp, name: String },
    Done { follow_up: FollowUp, name: String },
    Added { follow_up: FollowUp, name: String, title: String },
}

/// An event made on the phone that did not become a follow-up.
#[derive(Clone, Debug)]
pub struct Unmatched {
    pub file: String,
    pub title: String,
    /// The accounts its title could mean (none: it names none).
    pub candidates: Vec<String>,
}

/// An event as the folder holds it.
struct PhoneEvent {
    uid: Option<String>,
    title: String,
    start: Option<(NaiveDate, Option<NaiveTime>)>,
    cancelled: bool,
}

/// The first event of a calendar file; None when it holds none.
fn read_event(text: &str) -> Option<PhoneEvent> {
    let calendar: icalendar::Calendar = text.parse().ok()?;
    let event = calendar.components.iter().find_map(|c| c.as_event())?;
    Some(PhoneEvent {
        uid: event.get_uid().map(str::to_string),
        title: event.get_summary().unwrap_or_default().to_string(),
        start: event.get_start().and_then(local_start),
        cancelled: event.get_status() == Some(EventStatus::Cancelled),
    })
}

/// A start as the rep's clock reads it: a day, or a day and a time (a time
/// in UTC or in a zone is turned into local time).
fn local_start(start: DatePerhapsTime) -> Option<(NaiveDate, Option<NaiveTime>)> {
    let local = match start {
        DatePerhapsTime::Date(day) => return Some((day, None)),
        DatePerhapsTime::DateTime(CalendarDateTime::Floating(at)) => at,
        DatePerhapsTime::DateTime(at) => at.try_into_utc()?.with_timezone(&Local).naive_local(),
    };
    Some((local.date(), Some(local.time())))
}

/// What the phone did to an event the last sync wrote.
enum PhoneEdit {
    None,
    /// Changed on both sides since: Leadline's stays.
    Conflict,
    Done(FollowUp),
    Moved(FollowUp),
}

/// What the phone did to `follow_up`'s event, which the folder now holds
/// as `held` (None: deleted), and the follow-up after it.
fn phone_edit(
    follow_up: &FollowUp,
    synced: &SyncedFile,
    held: Option<&String>,
    now: NaiveDateTime,
    later_is_snooze: bool,
) -> PhoneEdit {
    let event = match held {
        Some(text) if hash(text) == synced.hash => return PhoneEdit::None,
        Some(text) => read_event(text),
        None => None,
    };
    let gone = event.as_ref().is_none_or(|event| event.cancelled);
    let moved = event.and_then(|event| event.start).filter(|start| *start != (synced.due, synced.time));
    if !gone && moved.is_none() {
        return PhoneEdit::None;
    }
    let changed_here = follow_up.last_changed() != synced.changed
        || (follow_up.due, follow_up.due_time) != (synced.due, synced.time);
    if changed_here {
        return PhoneEdit::Conflict;
    }
    let mut after = follow_up.clone();
    match moved {
        Some((due, time)) if !gone => {
            let later = (due, time) > (follow_up.due, follow_up.due_time);
            if later && later_is_snooze {
                after.snooze_to(due, time, now);
            } else {
                after.due = due;
                after.due_time = time;
                after.rescheduled_at.push(now);
            }
            PhoneEdit::Moved(after)
        }
        _ => {
            after.close(FollowUpStatus::Done, now);
            PhoneEdit::Done(after)
        }
    }
}

impl App {
    /// Syncs the follow-ups with the vdir `dir` (see the module's words);
    /// `dry_run` says what it would do and writes nothing.
    pub fn sync_calendar(
        &self,
        dir: &Path,
        reminder: Reminder,
        dry_run: bool,
    ) -> AppResult<CalendarSyncReport> {
        let state: Option<SyncState> = self.vdir_state(STATE, dir)?;
        let folder = self.vdir_items(dir, ".ics")?;
        let mut report = CalendarSyncReport { first: state.is_none(), ..Default::default() };
        let state = state.unwrap_or_default();

        let records = self.store.follow_ups()?.items;
        let by_id: HashMap<FollowUpId, &FollowUp> = records.iter().map(|f| (f.id, f)).collect();
        let summaries = self.store.summaries()?.items;
        let names: HashMap<_, &AccountSummary> = summaries.iter().map(|s| (s.id, s)).collect();
        let now = self.now();
        let mut txn = self.begin();

        for (file, synced) in &state.files {
            let Some(follow_up) = by_id.get(&synced.follow_up).filter(|f| f.is_pending()) else { continue };
            let name = names.get(&follow_up.account).map_or_else(String::new, |s| s.name.clone());
            let before = (*follow_up).clone();
            match phone_edit(follow_up, synced, folder.get(file), now, self.config.calendar.later_is_snooze) {
                PhoneEdit::None => {}
                PhoneEdit::Conflict => report.conflicts.push((before, name)),
                PhoneEdit::Done(after) => {
                    txn.put_follow_up(&after);
                    report.changes.push(PhoneChange::Done { follow_up: after, name });
                }
                PhoneEdit::Moved(after) => {
                    txn.put_follow_up(&after);
                    report.changes.push(PhoneChange::Moved { before, after, name });
                }
            }
        }
        let adopted = self.events_made_on_the_phone(&folder, &state, &summaries, &mut txn, &mut report)?;

        if dry_run {
            return Ok(report);
        }
        if !report.changes.is_empty() {
            let summary =
                msg::HistoryCalendarSync { dir: dir.display().to_string(), changes: report.changes.len() };
            txn.commit(summary.text(self.config.ui.lang()), now)?;
        } else {
            drop(txn);
        }

        // Then the folder gets the book as it now is.
        let written = self.rendered(&state, reminder, &adopted)?;
        let next =
            SyncState { files: written.values().map(|r| (r.name.clone(), r.synced.clone())).collect() };
        // A file of ours whose follow-up is no longer open goes.
        let stale = folder.keys().filter(|file| {
            (state.files.contains_key(*file) || is_follow_up_file(file)) && !next.files.contains_key(*file)
        });
        let wanted = written.values().map(|r| (&r.name, &r.text));
        (report.written, report.removed) = self.write_items(dir, &folder, wanted, stale)?;
        self.set_vdir_state(STATE, dir, &next)?;
        Ok(report)
    }

    /// Events made on the phone: a follow-up of the one account their
    /// title names, under the phone's file and UID; the others are listed.
    fn events_made_on_the_phone(
        &self,
        folder: &BTreeMap<String, String>,
        state: &SyncState,
        summaries: &[AccountSummary],
        txn: &mut crate::store::Txn<'_>,
        report: &mut CalendarSyncReport,
    ) -> AppResult<Vec<(String, SyncedFile)>> {
        let names: HashMap<_, &AccountSummary> = summaries.iter().map(|s| (s.id, s)).collect();
        let name_of = |id| names.get(&id).map_or_else(String::new, |s| s.name.clone());
        let mut matcher = None;
        let mut adopted = Vec::new();
        for (file, text) in folder {
            if state.files.contains_key(file) || is_follow_up_file(file) {
                continue;
            }
            let Some(event) = read_event(text).filter(|e| !e.cancelled) else { continue };
            let Some((due, time)) = event.start else { continue };
            let matcher = match &mut matcher {
                Some(matcher) => matcher,
                None => matcher.insert(self.title_matcher(summaries)?),
            };
            let candidates = matcher.accounts_named_in(&event.title);
            let [account] = candidates[..] else {
                let candidates = candidates.into_iter().map(name_of).collect();
                report.unmatched.push(Unmatched { file: file.clone(), title: event.title, candidates });
                continue;
            };
            let input = FollowUpInput {
                account,
                due: When { date: due, time },
                kind: TouchKind::Call,
                reason: FollowUpReason::Promised,
                note: crate::domain::contact::clean_text(&event.title),
            };
            let follow_up = new_follow_up(txn, &input, None, self.now())?;
            let uid = event.uid.unwrap_or_else(|| uid(&follow_up));
            let changed = follow_up.last_changed();
            let synced = SyncedFile { follow_up: follow_up.id, uid, hash: String::new(), due, time, changed };
            adopted.push((file.clone(), synced));
            report.changes.push(PhoneChange::Added { follow_up, name: name_of(account), title: event.title });
        }
        Ok(adopted)
    }

    /// Every open follow-up of an active account as the folder should hold
    /// it, under the file name and UID it has there (an event made on the
    /// phone keeps its own), by follow-up.
    fn rendered(
        &self,
        state: &SyncState,
        reminder: Reminder,
        adopted: &[(String, SyncedFile)],
    ) -> AppResult<HashMap<FollowUpId, Rendered>> {
        let placed: HashMap<FollowUpId, (&String, &SyncedFile)> = state
            .files
            .iter()
            .chain(adopted.iter().map(|(n, s)| (n, s)))
            .map(|(n, s)| (s.follow_up, (n, s)))
            .collect();
        let records = self.store.follow_ups()?.items;
        let global = global_ids(&records);
        let lang = self.config.ui.lang();
        let mut out = HashMap::new();
        for summary in self.store.summaries()?.items.iter().filter(|s| s.is_active()) {
            for follow_up in &summary.pending {
                let follow_up = global(follow_up);
                let (name, event_uid) = match placed.get(&follow_up.id) {
                    Some((name, synced)) => ((*name).clone(), synced.uid.clone()),
                    None => (file_name(&uid(&follow_up)), uid(&follow_up)),
                };
                let text = follow_up_file(&follow_up, summary, &event_uid, lang, reminder);
                let synced = SyncedFile {
                    follow_up: follow_up.id,
                    uid: event_uid,
                    hash: hash(&text),
                    due: follow_up.due,
                    time: follow_up.due_time,
                    changed: follow_up.last_changed(),
                };
                out.insert(follow_up.id, Rendered { name, synced, text });
            }
        }
        Ok(out)
    }

    /// What tells which account an event's title is about, from the active
    /// accounts' names and phones.
    fn title_matcher(&self, summaries: &[AccountSummary]) -> AppResult<TitleMatcher> {
        let region = self.region();
        let active: std::collections::HashSet<_> =
            summaries.iter().filter(|s| s.is_active()).map(|s| s.id).collect();
        let mut matcher = TitleMatcher { names: Vec::new(), phones: HashMap::new(), region };
        for record in self.store.accounts()?.items.iter().filter(|r| active.contains(&r.account.id)) {
            let account = &record.account;
            if account.name.chars().count() >= 2 {
                matcher.names.push((account.name.to_lowercase(), account.id));
            }
            for key in account.phone_match_keys(region) {
                matcher.phones.entry(key).or_default().push(account.id);
            }
        }
        Ok(matcher)
    }
}

/// Finds the accounts an event's title names: by a phone number in it,
/// else by the longest names it holds.
struct TitleMatcher {
    names: Vec<(String, crate::domain::AccountId)>,
    phones: HashMap<String, Vec<crate::domain::AccountId>>,
    region: crate::domain::phone::Region,
}

impl TitleMatcher {
    fn accounts_named_in(&self, title: &str) -> Vec<crate::domain::AccountId> {
        use crate::domain::phone;
        let mut found: Vec<crate::domain::AccountId> = Vec::new();
        let runs = title.split(|c: char| !(c.is_ascii_digit() || " +-()".contains(c)));
        for run in runs.map(str::trim).filter(|run| phone::looks_like_phone(run, 7)) {
            let key = phone::match_key(run, &phone::e164(run, self.region).unwrap_or_default());
            found.extend(self.phones.get(&key).into_iter().flatten());
        }
        if found.is_empty() {
            let title = title.to_lowercase();
            let named: Vec<&(String, crate::domain::AccountId)> =
                self.names.iter().filter(|(name, _)| title.contains(name.as_str())).collect();
            // 张伟民 in the title is not also 张伟.
            found = named
                .iter()
                .filter(|(name, _)| {
                    !named.iter().any(|(other, _)| other.len() > name.len() && other.contains(name.as_str()))
                })
                .map(|(_, id)| *id)
                .collect();
        }
        found.sort_unstable();
        found.dedup();
        found
    }
}
