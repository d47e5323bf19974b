//! Referrals: who brought whom, the follow-ups a referral needs (contact the
//! referee, thank the referrer, deliver the incentive), and the ledger.

use crate::i18n::msg;
use chrono::{Duration, NaiveDateTime};

use super::{App, AppError, AppResult, Written};
use crate::domain::contact::{TextField, optional_field};
use crate::domain::{
    AccountId, FollowUp, FollowUpId, FollowUpReason, FollowUpStatus, IncentiveStatus, Referral, ReferralId,
    ReferralProblem, StageKind, TouchKind, Uid, referral_problems,
};
use crate::i18n::Lang;
use crate::store::{Records, Txn};

/// A problem of the referrals' shape in words, the accounts by name.
pub fn problem_words(wrong: &ReferralProblem, name: impl Fn(AccountId) -> String, lang: Lang) -> String {
    match wrong {
        ReferralProblem::SelfReferral(id) => msg::ErrorReferralSelf { id: id.to_string() }.text(lang),
        ReferralProblem::SecondReferrer { referee, referrals } => {
            let ids: Vec<String> = referrals.iter().map(|id| format!("#{id}")).collect();
            msg::ErrorReferralSecond { name: name(*referee), referrals: ids.join(", ") }.text(lang)
        }
        ReferralProblem::Cycle(accounts) => {
            let names: Vec<String> = accounts.iter().map(|a| name(*a)).collect();
            msg::ErrorReferralCycle { names: names.join(" → ") }.text(lang)
        }
    }
}

/// The problems `referrals` has that `before` did not (a book may hold old
/// ones; a change must not add any).
pub(super) fn new_problems(before: &[Referral], after: &[Referral]) -> Vec<ReferralProblem> {
    let old = referral_problems(before);
    referral_problems(after).into_iter().filter(|p| !old.contains(p)).collect()
}

/// The referrer of a new account and what was promised for it.
#[derive(Clone, Debug)]
pub struct Referred {
    pub by: AccountId,
    pub incentive: Option<String>,
}

/// An incentive a first order earned, and the follow-up to deliver it.
#[derive(Clone, Debug)]
pub struct Earned {
    pub referral: Referral,
    pub referrer_name: String,
    pub deliver: FollowUp,
}

/// One line of the referral ledger.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LedgerRow {
    pub referral: Referral,
    pub referrer_name: String,
    pub referee_name: String,
    pub referee_stage: StageKind,
}

/// What one referrer brought.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReferrerRecord {
    pub referrer: AccountId,
    pub name: String,
    pub made: usize,
    /// Referees who became customers.
    pub converted: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ledger {
    pub rows: Vec<LedgerRow>,
    pub referrers: Vec<ReferrerRecord>,
}

fn follow_up(
    txn: &mut Txn<'_>,
    account: AccountId,
    due_in_days: u32,
    note: String,
    (referral, reason): (ReferralId, FollowUpReason),
    now: NaiveDateTime,
) -> AppResult<FollowUp> {
    let follow_up = FollowUp {
        id: FollowUpId(txn.next_id("follow_up")?),
        uid: Uid::NIL,
        account,
        due: now.date() + Duration::days(due_in_days.into()),
        due_time: None,
        kind: TouchKind::Call,
        reason,
        note,
        status: FollowUpStatus::Open,
        snoozes: 0,
        snoozed_at: Vec::new(),
        created_at: now,
        closed_at: None,
        referral: Some(referral),
        from_outcome: None,
        attempts: 0,
        attempted_at: Vec::new(),
        rescheduled_at: Vec::new(),
    };
    txn.put_follow_up(&follow_up);
    Ok(follow_up)
}

impl App {
    /// Records a referral in `txn` and schedules its two follow-ups:
    /// contact the referee, thank the referrer.
    pub(super) fn stage_referral(
        &self,
        txn: &mut Txn<'_>,
        referrer: (AccountId, &str),
        referee: (AccountId, &str),
        incentive: Option<String>,
        now: NaiveDateTime,
    ) -> AppResult<(Referral, String)> {
        let incentive = match incentive {
            Some(text) => optional_field(TextField::Incentive, &text)?,
            None => None,
        };
        let referral = Referral {
            id: ReferralId(txn.next_id("referral")?),
            uid: Uid::NIL,
            referrer: referrer.0,
            referee: referee.0,
            at: now,
            incentive,
            incentive_status: IncentiveStatus::Promised,
            delivered_at: None,
        };
        txn.put_referral(&referral);
        let rules = &self.config.referrals;
        let lang = self.config.ui.lang();
        let contact = follow_up(
            txn,
            referee.0,
            rules.contact_referee_days,
            msg::NoteReferredBy { name: referrer.1 }.text(lang),
            (referral.id, FollowUpReason::Referral),
            now,
        )?;
        let thank = follow_up(
            txn,
            referrer.0,
            rules.thank_referrer_days,
            msg::NoteThank { name: referee.1 }.text(lang),
            (referral.id, FollowUpReason::Referral),
            now,
        )?;
        let scheduled = msg::AlsoReferral {
            call: contact.id.to_string(),
            referee: referee.1,
            call_due: contact.due.format("%m-%d").to_string(),
            thank: thank.id.to_string(),
            referrer: referrer.1,
            thank_due: thank.due.format("%m-%d").to_string(),
        }
        .text(lang);
        Ok((referral, scheduled))
    }

    /// Refuses what would break the referrals' shape: the book's referrals
    /// with `added` (referrer, referee) and every `renamed` (from, to)
    /// account taken as the other (a merge), against the book as it is.
    pub(super) fn check_referrals_with(
        &self,
        added: &[(AccountId, AccountId)],
        renamed: &[(AccountId, AccountId)],
        dropped: &[ReferralId],
    ) -> AppResult<()> {
        let before = self.store.referrals()?.items;
        let rename = |id: AccountId| renamed.iter().find(|(from, _)| *from == id).map_or(id, |(_, to)| *to);
        let mut after: Vec<Referral> = before
            .iter()
            .filter(|r| !dropped.contains(&r.id))
            .map(|r| Referral { referrer: rename(r.referrer), referee: rename(r.referee), ..r.clone() })
            .collect();
        let next = after.iter().map(|r| r.id.0).max().unwrap_or(0);
        for (n, (referrer, referee)) in added.iter().enumerate() {
            let id = ReferralId(next + 1 + n as u64);
            after.push(Referral {
                id,
                uid: Uid::NIL,
                referrer: *referrer,
                referee: *referee,
                at: self.now(),
                incentive: None,
                incentive_status: IncentiveStatus::Promised,
                delivered_at: None,
            });
        }
        let Some(wrong) = new_problems(&before, &after).into_iter().next() else { return Ok(()) };
        let name = |id: AccountId| self.record(id).map_or_else(|_| id.to_string(), |r| r.account.name);
        Err(AppError::Conflict(problem_words(&wrong, name, self.config.ui.lang())))
    }

    pub fn refer(
        &self,
        referrer: AccountId,
        referee: AccountId,
        incentive: Option<String>,
    ) -> AppResult<Written<Referral>> {
        if referrer == referee {
            return Err(AppError::Invalid(msg::ErrorReferSelf.text(self.config.ui.lang())));
        }
        let referrer_record = self.record(referrer)?;
        let referee_record = self.record(referee)?;
        if self.store.referrals_of(referee)?.iter().any(|r| r.referee == referee) {
            let name = referee_record.account.name.as_str();
            return Err(AppError::Conflict(msg::ErrorAlreadyReferred { name }.text(self.config.ui.lang())));
        }
        self.check_referrals_with(&[(referrer, referee)], &[], &[])?;
        let now = self.now();
        let mut txn = self.begin();
        let (referral, scheduled) = self.stage_referral(
            &mut txn,
            (referrer, &referrer_record.account.name),
            (referee, &referee_record.account.name),
            incentive,
            now,
        )?;
        let summary = msg::HistoryRefer {
            id: referral.id.to_string(),
            referrer: referrer_record.account.name.as_str(),
            referee: referee_record.account.name.as_str(),
        }
        .text(self.config.ui.lang());
        let changes = txn.commit(summary, now)?;
        Ok(Written { value: referral, changes, also: vec![scheduled] })
    }

    /// On a referee's first order: the incentive is earned, and the
    /// referrer is due a follow-up to deliver it and report back.
    pub(super) fn earn_incentives(
        &self,
        txn: &mut Txn<'_>,
        referee: AccountId,
        referee_name: &str,
        now: NaiveDateTime,
        closed: &mut Vec<FollowUp>,
    ) -> AppResult<Vec<Earned>> {
        let mut earned = Vec::new();
        for mut referral in txn.referrals_of(referee)? {
            if referral.referee != referee || referral.incentive_status != IncentiveStatus::Promised {
                continue;
            }
            referral.incentive_status = IncentiveStatus::Earned;
            txn.put_referral(&referral);
            // They bought: whatever "contact the referee" was pending is done.
            for mut open in txn.follow_ups_of(referee)? {
                if open.referral == Some(referral.id) && open.is_pending() {
                    open.close(FollowUpStatus::Done, now);
                    txn.put_follow_up(&open);
                    closed.push(open);
                }
            }
            let lang = self.config.ui.lang();
            let note = match &referral.incentive {
                Some(incentive) => {
                    msg::NoteDeliver { name: referee_name, incentive: incentive.as_str() }.text(lang)
                }
                None => msg::NoteReportBack { name: referee_name }.text(lang),
            };
            let days = self.config.referrals.deliver_incentive_days;
            let deliver =
                follow_up(txn, referral.referrer, days, note, (referral.id, FollowUpReason::Incentive), now)?;
            let referrer_name = self.record(referral.referrer)?.account.name;
            earned.push(Earned { referral, referrer_name, deliver });
        }
        Ok(earned)
    }

    /// Marks an earned incentive delivered and closes the follow-ups that
    /// were waiting for it.
    pub fn deliver_incentive(&self, id: ReferralId) -> AppResult<Written<Referral>> {
        let mut referral = self.store.referral(id)?.ok_or(AppError::NoSuchReferral(id))?;
        let referee = self.record(referral.referee)?.account.name;
        match referral.incentive_status {
            IncentiveStatus::Promised => {
                let args = msg::ErrorNotEarned { id: id.to_string(), name: referee.as_str() };
                return Err(AppError::Conflict(args.text(self.config.ui.lang())));
            }
            IncentiveStatus::Delivered => {
                return Err(AppError::Conflict(
                    msg::ErrorAlreadyDelivered { id: id.to_string() }.text(self.config.ui.lang()),
                ));
            }
            IncentiveStatus::Earned => {}
        }
        let now = self.now();
        referral.incentive_status = IncentiveStatus::Delivered;
        referral.delivered_at = Some(now);
        let mut txn = self.begin();
        txn.put_referral(&referral);
        for mut open in txn.follow_ups_of(referral.referrer)? {
            if open.referral == Some(id) && open.is_pending() {
                open.close(FollowUpStatus::Done, now);
                txn.put_follow_up(&open);
            }
        }
        let changes =
            txn.commit(msg::HistoryDeliver { id: id.to_string() }.text(self.config.ui.lang()), now)?;
        Ok(Written { value: referral, changes, also: Vec::new() })
    }

    pub fn referral_ledger(&self) -> AppResult<Ledger> {
        let referrals = self.store.referrals()?.items;
        let mut rows = Vec::with_capacity(referrals.len());
        for referral in referrals {
            let name = |id: AccountId| -> AppResult<(String, StageKind)> {
                let record = self.record(id)?;
                Ok((record.account.name.clone(), record.account.stage_kind()))
            };
            let (referrer_name, _) = name(referral.referrer)?;
            let (referee_name, referee_stage) = name(referral.referee)?;
            rows.push(LedgerRow { referral, referrer_name, referee_name, referee_stage });
        }
        let mut referrers: Vec<ReferrerRecord> = Vec::new();
        for row in &rows {
            let converted = usize::from(row.referee_stage == StageKind::Customer);
            match referrers.iter_mut().find(|r| r.referrer == row.referral.referrer) {
                Some(record) => {
                    record.made += 1;
                    record.converted += converted;
                }
                None => referrers.push(ReferrerRecord {
                    referrer: row.referral.referrer,
                    name: row.referrer_name.clone(),
                    made: 1,
                    converted,
                }),
            }
        }
        referrers.sort_by(|a, b| {
            b.made.cmp(&a.made).then(b.converted.cmp(&a.converted)).then(a.referrer.cmp(&b.referrer))
        });
        Ok(Ledger { rows, referrers })
    }
}
