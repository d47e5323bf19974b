//! Correcting one past record: a touch, an order or a follow-up, edited or
//! removed, as one change in the history (so undo brings it back), without
//! undoing everything that came after it.

use super::store::Records;
use super::{App, AppError, AppResult, Written};
use crate::clock::When;
use crate::domain::contact::{TextField, check_field};
use crate::domain::{
    Direction, FollowUp, FollowUpId, Money, Order, OrderId, Outcome, Touch, TouchId, TouchKind,
};
use crate::i18n::msg;
use crate::i18n::shown::ShownTime as _;
use leadline_i18n::msg_id;

/// The fields of a touch to change; `None` keeps a field.
#[derive(Clone, Debug, Default)]
pub struct TouchChange {
    pub kind: Option<TouchKind>,
    /// `Some(None)` clears the outcome.
    pub outcome: Option<Option<Outcome>>,
    pub direction: Option<Direction>,
    pub at: Option<When>,
    pub note: Option<String>,
    pub lesson: Option<String>,
}

#[derive(Clone, Debug, Default)]
pub struct OrderChange {
    pub amount: Option<Money>,
    pub at: Option<When>,
    pub note: Option<String>,
}

/// A follow-up's new day is a reschedule: earlier or later, never counted
/// as a snooze.
#[derive(Clone, Debug, Default)]
pub struct FollowUpChange {
    pub due: Option<When>,
    pub kind: Option<TouchKind>,
    pub note: Option<String>,
}

/// A record as corrected (or as it was, when removed), with its account's name.
#[derive(Clone, Debug)]
pub struct Corrected<T> {
    pub record: T,
    pub account_name: String,
}

impl App {
    fn touch_of(&self, id: TouchId) -> AppResult<Touch> {
        self.store.find_touch(id)?.ok_or_else(|| {
            AppError::Conflict(msg::ErrorNoTouch { id: id.to_string() }.text(self.config.ui.lang()))
        })
    }

    fn order_of(&self, id: OrderId) -> AppResult<Order> {
        self.store.find_order(id)?.ok_or_else(|| {
            AppError::Conflict(msg::ErrorNoOrder { id: id.to_string() }.text(self.config.ui.lang()))
        })
    }

    /// Refuses a correction that changes nothing (it would be recorded as
    /// a change, and `undo` would take back nothing).
    fn something_to_amend(&self, unchanged: bool, what: &str, id: u64) -> AppResult<()> {
        if unchanged {
            let args = msg::ErrorNothingToAmend { what, id: id.to_string() };
            return Err(AppError::Invalid(args.text(self.config.ui.lang())));
        }
        Ok(())
    }

    fn follow_up_of(&self, id: FollowUpId) -> AppResult<FollowUp> {
        self.store.follow_up(id)?.ok_or(AppError::NoSuchFollowUp(id))
    }

    pub fn amend_touch(&self, id: TouchId, change: &TouchChange) -> AppResult<Written<Corrected<Touch>>> {
        let old = self.touch_of(id)?;
        let mut touch = old.clone();
        if let Some(kind) = change.kind {
            touch.kind = kind;
        }
        if let Some(outcome) = change.outcome {
            touch.outcome = outcome;
        }
        if let Some(outcome) = touch.outcome.filter(|o| !o.fits(touch.kind)) {
            let lang = self.config.ui.lang();
            let (outcome, kind) =
                (crate::i18n::terms::outcome(outcome, lang), crate::i18n::terms::kind(touch.kind, lang));
            return Err(AppError::Invalid(msg::ErrorOutcomeKind { outcome, kind }.text(lang)));
        }
        if let Some(direction) = change.direction {
            touch.direction = direction;
        }
        if change.at.is_some() {
            touch.at = self.past_moment(change.at, msg_id!("what-touch-time"))?;
        }
        if let Some(note) = &change.note {
            touch.note = check_field(TextField::Note, note)?;
        }
        if let Some(lesson) = &change.lesson {
            touch.lesson = check_field(TextField::Lesson, lesson)?;
        }
        self.something_to_amend(touch == old, "touch", id.0)?;
        let name = self.record(old.account)?.account.name;
        let mut txn = self.begin();
        txn.rewrite_touch(&old, Some(&touch))?;
        let changes = txn.commit(
            msg::HistoryAmendTouch { id: id.to_string(), name: name.as_str() }.text(self.config.ui.lang()),
            self.now(),
        )?;
        Ok(Written { value: Corrected { record: touch, account_name: name }, changes, also: Vec::new() })
    }

    pub fn remove_touch(&self, id: TouchId) -> AppResult<Written<Corrected<Touch>>> {
        let old = self.touch_of(id)?;
        let name = self.record(old.account)?.account.name;
        let mut txn = self.begin();
        txn.rewrite_touch(&old, None)?;
        let lang = self.config.ui.lang();
        let summary = msg::HistoryRemoveTouch {
            id: id.to_string(),
            name: name.as_str(),
            kind: crate::i18n::terms::kind(old.kind, lang),
            day: old.at.format("%Y-%m-%d").to_string(),
        }
        .text(lang);
        let changes = txn.commit(summary, self.now())?;
        Ok(Written { value: Corrected { record: old, account_name: name }, changes, also: Vec::new() })
    }

    pub fn amend_order(&self, id: OrderId, change: &OrderChange) -> AppResult<Written<Corrected<Order>>> {
        let old = self.order_of(id)?;
        let mut order = old.clone();
        if let Some(amount) = change.amount {
            if amount <= Money::ZERO {
                return Err(AppError::Invalid(msg::ErrorAmountZero.text(self.config.ui.lang())));
            }
            order.amount = amount;
        }
        if change.at.is_some() {
            order.at = self.past_moment(change.at, msg_id!("what-order-date"))?;
        }
        if let Some(note) = &change.note {
            order.note = check_field(TextField::Note, note)?;
        }
        self.something_to_amend(order == old, "order", id.0)?;
        let name = self.record(old.account)?.account.name;
        let mut txn = self.begin();
        txn.rewrite_order(&old, Some(&order))?;
        let changes = txn.commit(
            msg::HistoryAmendOrder { id: id.to_string(), name: name.as_str() }.text(self.config.ui.lang()),
            self.now(),
        )?;
        Ok(Written { value: Corrected { record: order, account_name: name }, changes, also: Vec::new() })
    }

    /// Removes an order; the account stays a customer (it was converted
    /// when it ordered; `edit` can regrade it).
    pub fn remove_order(&self, id: OrderId) -> AppResult<Written<Corrected<Order>>> {
        let old = self.order_of(id)?;
        let name = self.record(old.account)?.account.name;
        let mut txn = self.begin();
        txn.rewrite_order(&old, None)?;
        let lang = self.config.ui.lang();
        let summary = msg::HistoryRemoveOrder {
            id: id.to_string(),
            name: name.as_str(),
            amount: self.config.ui.money(old.amount),
            day: old.at.format("%Y-%m-%d").to_string(),
        }
        .text(lang);
        let changes = txn.commit(summary, self.now())?;
        Ok(Written { value: Corrected { record: old, account_name: name }, changes, also: Vec::new() })
    }

    /// Edits a follow-up, open or closed; a new day reschedules it and
    /// keeps its snooze count.
    pub fn amend_follow_up(
        &self,
        id: FollowUpId,
        change: &FollowUpChange,
    ) -> AppResult<Written<Corrected<FollowUp>>> {
        let old = self.follow_up_of(id)?;
        let mut follow_up = old.clone();
        if let Some(due) = change.due {
            let due = self.future_day(due, msg_id!("what-follow-up-date"))?;
            if (due.date, due.time) != (follow_up.due, follow_up.due_time) {
                follow_up.rescheduled_at.push(self.now());
            }
            follow_up.due = due.date;
            follow_up.due_time = due.time;
        }
        if let Some(kind) = change.kind {
            follow_up.kind = kind;
        }
        if let Some(note) = &change.note {
            follow_up.note = check_field(TextField::Note, note)?;
        }
        self.something_to_amend(follow_up == old, "follow-up", id.0)?;
        let name = self.record(follow_up.account)?.account.name;
        let mut txn = self.begin();
        txn.put_follow_up(&follow_up);
        let due = self.config.ui.due(&follow_up);
        let summary = msg::HistoryAmendFollowUp { id: id.to_string(), name: name.as_str(), due }
            .text(self.config.ui.lang());
        let changes = txn.commit(summary, self.now())?;
        Ok(Written { value: Corrected { record: follow_up, account_name: name }, changes, also: Vec::new() })
    }

    /// Deletes a follow-up made by mistake (skip closes one that was real).
    pub fn remove_follow_up(&self, id: FollowUpId) -> AppResult<Written<Corrected<FollowUp>>> {
        let follow_up = self.follow_up_of(id)?;
        if follow_up.referral.is_some() {
            return Err(AppError::Conflict(
                msg::ErrorReferralFollowUp { id: id.to_string() }.text(self.config.ui.lang()),
            ));
        }
        let name = self.record(follow_up.account)?.account.name;
        let mut txn = self.begin();
        txn.remove_follow_up(&follow_up);
        // Calendars that hold its event are told to drop it for as long
        // as closed ones are sent cancelled.
        let forget_before = self.now() - chrono::Duration::days(super::calendar::CANCELLED_FOR_DAYS);
        txn.bury_follow_up(&follow_up, self.now(), forget_before)?;
        let due = self.config.ui.due(&follow_up);
        let summary = msg::HistoryRemoveFollowUp { id: id.to_string(), name: name.as_str(), due }
            .text(self.config.ui.lang());
        let changes = txn.commit(summary, self.now())?;
        Ok(Written { value: Corrected { record: follow_up, account_name: name }, changes, also: Vec::new() })
    }
}
