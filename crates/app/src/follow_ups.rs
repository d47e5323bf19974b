//! Follow-ups, the promises of the book: scheduled, kept, closed,
//! skipped, snoozed; and what a touch or an order does to the promises
//! due (it keeps them, tries them, or leaves them).

use crate::i18n::Text as _;
use crate::i18n::msg;
use chrono::NaiveDateTime;
use leadline_i18n::msg_id;

use super::activity::checked_note;
use super::store::{Records, Txn};
use super::{App, AppError, AppResult, Written};
use crate::clock::When;
use crate::domain::{
    AccountId, FollowUp, FollowUpId, FollowUpReason, FollowUpStatus, Outcome, Purpose, Reach, Referral,
    Touch, TouchKind, Uid,
};
use crate::i18n::Lang;
use crate::i18n::shown::ShownTime as _;

#[derive(Clone, Debug)]
pub struct FollowUpInput {
    pub account: AccountId,
    pub due: When,
    pub kind: TouchKind,
    pub reason: FollowUpReason,
    pub note: String,
}

/// What a write closed besides what was asked, in words: "closed
/// follow-up #12 (quote sent)", "closed follow-ups #3 (call, due 11-28),
/// #4 (visit, due 11-30)"; `None` when it closed nothing.
pub fn closed_words(closed: &[FollowUp], lang: Lang) -> Option<String> {
    let each: Vec<String> = closed
        .iter()
        .map(|f| match (f.from_outcome, f.reason) {
            (Some(outcome @ (Outcome::QuoteSent | Outcome::MeetingBooked)), _) => {
                let outcome = crate::i18n::terms::outcome(outcome, lang);
                msg::AlsoClosedOutcome { id: f.id.to_string(), outcome }.text(lang)
            }
            (
                _,
                FollowUpReason::Referral
                | FollowUpReason::Incentive
                | FollowUpReason::AfterSale
                | FollowUpReason::Holiday,
            ) => {
                let reason = crate::i18n::terms::follow_up_reason(f.reason, lang);
                msg::AlsoClosedOutcome { id: f.id.to_string(), outcome: reason }.text(lang)
            }
            _ => msg::AlsoClosedDue {
                id: f.id.to_string(),
                kind: crate::i18n::terms::kind(f.kind, lang),
                due: f.due.format("%m-%d").to_string(),
            }
            .text(lang),
        })
        .collect();
    let list = each.join(&msg::ListSeparator.text(lang));
    (!each.is_empty()).then(|| msg::AlsoClosed { count: each.len(), list }.text(lang))
}

/// "Follow-up #12 stays open: nobody answered (tried 2 times); due again
/// 12-09."
pub fn tried_words(follow_up: &FollowUp, lang: Lang) -> String {
    msg::AlsoTried {
        id: follow_up.id.to_string(),
        times: follow_up.attempts,
        due: follow_up.due.format("%m-%d").to_string(),
    }
    .text(lang)
}

/// What a touch does to a promise due by its day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Answer {
    /// It keeps the promise: the follow-up closes.
    Kept,
    /// It tried and nobody answered: the promise stays open.
    Tried,
    /// It has nothing to do with it.
    No,
}

/// Whether a follow-up is the delivery of an earned referral incentive:
/// only delivering it closes it. (Those written before deliveries had a
/// reason of their own were written when the referee bought, after the
/// referral itself.)
pub(super) fn is_delivery(follow_up: &FollowUp, referrals: &[Referral]) -> bool {
    follow_up.reason == FollowUpReason::Incentive
        || follow_up.referral.is_some_and(|id| {
            referrals
                .iter()
                .any(|r| r.id == id && r.referrer == follow_up.account && follow_up.created_at > r.at)
        })
}

/// Whether a next step replaces the follow-up (it is not a greeting or an
/// incentive's delivery, which keep their own).
pub(super) fn closable_by_next(follow_up: &FollowUp, referrals: &[Referral]) -> bool {
    follow_up.reason != FollowUpReason::Holiday && !is_delivery(follow_up, referrals)
}

/// Whether an order settles a pending follow-up: one that waited on a
/// quote or a meeting, or a promise due by `today` (whoever ordered was
/// reached), but not a greeting or an incentive's delivery.
pub(super) fn answers_by_order(
    follow_up: &FollowUp,
    referrals: &[Referral],
    today: chrono::NaiveDate,
) -> bool {
    follow_up.awaits_order() || (follow_up.due <= today && closable_by_next(follow_up, referrals))
}

/// A touch that reaches the person answers their promise due; a touch of
/// the promised kind answers it whatever came of it, unless nobody was
/// reached (then it was tried). A greeting is answered only by a greeting,
/// a referral's thanks also by a thank-you, an incentive only by
/// delivering it.
pub(super) fn answers(touch: &Touch, follow_up: &FollowUp, referrals: &[Referral]) -> Answer {
    if is_delivery(follow_up, referrals) {
        return Answer::No;
    }
    if follow_up.reason == FollowUpReason::Holiday {
        return if touch.greeting().is_some() { Answer::Kept } else { Answer::No };
    }
    if touch.purpose == Purpose::Thanks && follow_up.reason == FollowUpReason::Referral {
        return Answer::Kept;
    }
    match touch.reach() {
        Reach::Reached => Answer::Kept,
        Reach::Unknown if touch.kind == follow_up.kind => Answer::Kept,
        Reach::Tried if touch.kind == follow_up.kind => Answer::Tried,
        Reach::Unknown | Reach::Tried => Answer::No,
    }
}

impl App {
    pub fn schedule_follow_up(&self, input: &FollowUpInput) -> AppResult<Written<FollowUp>> {
        let due = self.future_day(input.due, msg_id!("what-follow-up-date"))?;
        let record = self.record(input.account)?;
        let now = self.now();
        let mut txn = self.begin();
        let input = FollowUpInput { due, note: checked_note(&input.note)?, ..input.clone() };
        let follow_up = new_follow_up(&mut txn, &input, None, now)?;
        let changes = txn.commit(
            msg::HistoryFollowUp {
                id: follow_up.id.to_string(),
                name: record.account.name.as_str(),
                due: follow_up.due.to_string(),
            }
            .text(self.config.ui.lang()),
            now,
        )?;
        Ok(Written { value: follow_up, changes, also: Vec::new() })
    }

    fn pending_follow_up(&self, id: FollowUpId) -> AppResult<(FollowUp, String)> {
        let follow_up = self.store.follow_up(id)?.ok_or(AppError::NoSuchFollowUp(id))?;
        let name = self.record(follow_up.account)?.account.name;
        if !follow_up.is_pending() {
            let status = crate::i18n::terms::follow_up_status(follow_up.status, self.config.ui.lang());
            let args = msg::ErrorFollowUpClosed { id: id.to_string(), name: name.as_str(), status };
            return Err(AppError::Conflict(args.text(self.config.ui.lang())));
        }
        Ok((follow_up, name))
    }

    pub fn complete_follow_up(&self, id: FollowUpId) -> AppResult<Written<(FollowUp, String)>> {
        self.close_follow_up(id, FollowUpStatus::Done)
    }

    pub fn skip_follow_up(&self, id: FollowUpId) -> AppResult<Written<(FollowUp, String)>> {
        self.close_follow_up(id, FollowUpStatus::Skipped)
    }

    fn close_follow_up(
        &self,
        id: FollowUpId,
        status: FollowUpStatus,
    ) -> AppResult<Written<(FollowUp, String)>> {
        let (mut follow_up, name) = self.pending_follow_up(id)?;
        let now = self.now();
        follow_up.close(status, now);
        let mut txn = self.begin();
        txn.put_follow_up(&follow_up);
        let verb =
            if status == FollowUpStatus::Skipped { msg_id!("history-skip") } else { msg_id!("history-done") };
        let summary = self
            .config
            .ui
            .lang()
            .text_with(verb, &[("id", id.to_string().into()), ("name", name.as_str().into())]);
        let changes = txn.commit(summary, now)?;
        Ok(Written { value: (follow_up, name), changes, also: Vec::new() })
    }

    /// Moves a follow-up later, counting the snooze; `None` takes the
    /// first working day after its due date. An earlier day is refused: that
    /// is a reschedule ([`App::reschedule_follow_up`]), which does not count.
    pub fn snooze_follow_up(
        &self,
        id: FollowUpId,
        to: Option<When>,
    ) -> AppResult<Written<(FollowUp, String)>> {
        let (mut follow_up, name) = self.pending_follow_up(id)?;
        let to = match to {
            Some(to) => self.future_day(to, msg_id!("what-snooze-date"))?,
            None => When {
                date: self.config.plan.snooze_day(follow_up.due, self.today()),
                time: follow_up.due_time,
            },
        };
        if !moves_later(&follow_up, to) {
            return Err(AppError::Invalid(
                msg::ErrorSnoozeEarlier {
                    id: id.to_string(),
                    name: name.as_str(),
                    due: self.config.ui.due(&follow_up),
                    to: to.date.to_string(),
                }
                .text(self.config.ui.lang()),
            ));
        }
        let now = self.now();
        follow_up.snooze_to(to.date, to.time, now);
        let mut txn = self.begin();
        txn.put_follow_up(&follow_up);
        let changes = txn.commit(
            msg::HistorySnooze { id: id.to_string(), name: name.as_str(), due: to.date.to_string() }
                .text(self.config.ui.lang()),
            now,
        )?;
        Ok(Written { value: (follow_up, name), changes, also: Vec::new() })
    }
}

/// Whether `to` is later than the follow-up's due date (and time, on the
/// same day: a time-less due means the start of the day).
fn moves_later(follow_up: &FollowUp, to: When) -> bool {
    match to.date.cmp(&follow_up.due) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => match (follow_up.due_time, to.time) {
            (Some(due), Some(to)) => to > due,
            (None, Some(_)) => true,
            (_, None) => false,
        },
    }
}

pub(super) fn new_follow_up(
    txn: &mut Txn<'_>,
    input: &FollowUpInput,
    from_outcome: Option<Outcome>,
    now: NaiveDateTime,
) -> AppResult<FollowUp> {
    let follow_up = FollowUp {
        id: FollowUpId(txn.next_id("follow_up")?),
        uid: Uid::NIL,
        account: input.account,
        due: input.due.date,
        due_time: input.due.time,
        kind: input.kind,
        reason: input.reason,
        note: input.note.clone(),
        status: FollowUpStatus::Open,
        snoozes: 0,
        created_at: now,
        closed_at: None,
        snoozed_at: Vec::new(),
        referral: None,
        from_outcome,
        attempts: 0,
        attempted_at: Vec::new(),
        rescheduled_at: Vec::new(),
    };
    txn.put_follow_up(&follow_up);
    Ok(follow_up)
}
