use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::keyword::keyword_enum;
use super::{AccountId, FollowUpId, Outcome, ReferralId, TouchKind, Uid};

keyword_enum! {
    /// Why a follow-up exists.
    pub enum FollowUpReason ("follow-up reason") {
        Promised = "promised",
        Cadence = "cadence",
        Referral = "referral",
        Holiday = "holiday",
        AfterSale = "after-sale",
        /// Deliver a referral's incentive the referee's order earned: only
        /// delivering it closes it.
        Incentive = "incentive",
    }
}

keyword_enum! {
    pub enum FollowUpStatus ("follow-up status") {
        Open = "open",
        Done = "done",
        Skipped = "skipped",
        Snoozed = "snoozed",
    }
}

impl FollowUpStatus {
    /// Open and snoozed follow-ups still wait for the rep.
    pub fn is_pending(self) -> bool {
        matches!(self, FollowUpStatus::Open | FollowUpStatus::Snoozed)
    }
}

/// A promise to contact an account on a day (optionally at a time).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    pub id: FollowUpId,
    #[serde(default, skip_serializing_if = "Uid::is_nil")]
    pub uid: Uid,
    pub account: AccountId,
    pub due: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_time: Option<NaiveTime>,
    pub kind: TouchKind,
    pub reason: FollowUpReason,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    pub status: FollowUpStatus,
    #[serde(default)]
    pub snoozes: u32,
    /// When each snooze happened, for the day's review.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub snoozed_at: Vec<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<NaiveDateTime>,
    /// The referral this follow-up serves (contact, thank, deliver).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referral: Option<ReferralId>,
    /// The outcome of the touch that set it (a quote sent, a meeting
    /// booked): an order settles those.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_outcome: Option<Outcome>,
    /// Times the rep tried to keep it and nobody answered (it stays open,
    /// due again a working day or more later; not a snooze).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub attempts: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attempted_at: Vec<NaiveDateTime>,
    /// When it was moved to another day by a correction (not a snooze):
    /// each is a revision of its calendar event.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rescheduled_at: Vec<NaiveDateTime>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl FollowUp {
    /// When it last changed: made, snoozed, tried, moved or closed.
    pub fn last_changed(&self) -> NaiveDateTime {
        let latest = [&self.snoozed_at, &self.attempted_at, &self.rescheduled_at]
            .into_iter()
            .filter_map(|times| times.iter().max().copied());
        latest.chain(self.closed_at).fold(self.created_at, NaiveDateTime::max)
    }

    /// The revisions of its calendar event: each snooze and each move.
    pub fn revisions(&self) -> u32 {
        self.snoozes.saturating_add(self.rescheduled_at.len() as u32)
    }

    pub fn is_pending(&self) -> bool {
        self.status.is_pending()
    }

    /// Whether an order settles it: it waits on a quote or a booked meeting.
    /// Follow-ups written before the outcome was kept say it in their note,
    /// as the log wrote it: "after call (quote-sent)".
    pub fn awaits_order(&self) -> bool {
        const SETTLED: [Outcome; 2] = [Outcome::QuoteSent, Outcome::MeetingBooked];
        match self.from_outcome {
            Some(outcome) => SETTLED.contains(&outcome),
            None => {
                self.reason == FollowUpReason::Promised
                    && SETTLED
                        .iter()
                        .any(|o| self.note.starts_with("after ") && self.note.ends_with(&format!("({o})")))
            }
        }
    }

    /// Closes it, done or skipped, at `now`.
    pub fn close(&mut self, status: FollowUpStatus, now: NaiveDateTime) {
        self.status = status;
        self.closed_at = Some(now);
    }

    /// Moves it to `due` (at `time`), counted as a snooze made at `now`.
    pub fn snooze_to(&mut self, due: NaiveDate, time: Option<NaiveTime>, now: NaiveDateTime) {
        self.due = due;
        self.due_time = time;
        self.status = FollowUpStatus::Snoozed;
        self.snoozes += 1;
        self.snoozed_at.push(now);
    }

    /// Whole days past due on `today`; zero or negative when not overdue.
    pub fn days_overdue(&self, today: NaiveDate) -> i64 {
        (today - self.due).num_days()
    }
}

/// A follow-up deleted as made by mistake (`remove follow-up`), kept for a
/// while so that the calendars fed with it are told to drop its event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedFollowUp {
    pub follow_up: FollowUp,
    pub removed_at: NaiveDateTime,
}
