//! `leadline dupes` and `leadline merge`: likely duplicates of the book,
//! and two accounts made one with all their history.

use crate::i18n::msg;
use chrono::NaiveDate;

use super::{App, AppError, AppResult};
use crate::analysis::duplicates::{self, DuplicateGroup, MergeError};
use crate::domain::{Account, AccountId, AccountStats, FollowUpStatus, Referral, ReferralId};
use crate::store::{AccountRecord, Moved, Records};

/// Likely duplicates with the accounts they name.
pub struct Duplicates {
    pub groups: Vec<DuplicateGroup>,
    /// Every account a group names, by id.
    pub accounts: std::collections::BTreeMap<AccountId, AccountRecord>,
    /// How many accounts were compared.
    pub compared: usize,
    /// Numbers compared by their digits as typed, not as international
    /// numbers: a duplicate written another way escapes them.
    pub doubtful: Vec<DoubtfulPhone>,
}

/// A number with the digits of a whole one that is not one of the region's
/// (see [`crate::domain::Account::doubtful_phones`]).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct DoubtfulPhone {
    pub account: AccountId,
    pub name: String,
    pub phone: String,
}

fn doubtful_in<'a>(accounts: impl IntoIterator<Item = &'a Account>) -> Vec<DoubtfulPhone> {
    let doubtful_of = |account: &'a Account| {
        account.doubtful_phones().map(|phone| DoubtfulPhone {
            account: account.id,
            name: account.name.clone(),
            phone: phone.to_string(),
        })
    };
    accounts.into_iter().flat_map(doubtful_of).collect()
}

/// What a merge did, or would do.
pub struct Merged {
    pub account: Account,
    pub gone: Account,
    pub moved: Moved,
}

impl App {
    /// Likely duplicates among all accounts, archived ones included.
    pub fn duplicates(&self) -> AppResult<Duplicates> {
        let records = self.store.accounts()?.items;
        let compared = records.len();
        let accounts: Vec<&Account> = records.iter().map(|r| &r.account).collect();
        let groups = duplicates::find(&accounts, self.region());
        let doubtful = doubtful_in(accounts.iter().copied());
        let named: std::collections::BTreeSet<AccountId> =
            groups.iter().flat_map(|g| g.accounts.clone()).collect();
        let accounts = records
            .into_iter()
            .filter(|r| named.contains(&r.account.id))
            .map(|r| (r.account.id, r))
            .collect();
        Ok(Duplicates { groups, accounts, compared, doubtful })
    }

    /// Every number of the book that is kept as typed because it is not
    /// one of the region's, archived accounts' included (`doctor` lists them).
    pub fn doubtful_phones(&self) -> AppResult<Vec<DoubtfulPhone>> {
        Ok(doubtful_in(self.store.accounts()?.items.iter().map(|r| &r.account)))
    }

    /// When both accounts were referred, the referral of the two that does
    /// not stay (the rep picks with `keep_referral`) and its referrer's
    /// name; one referrer per account. None when at most one was referred.
    fn referral_dropped_by_merge(
        &self,
        keep: AccountId,
        gone: AccountId,
        keep_referral: Option<ReferralId>,
    ) -> AppResult<Option<(Referral, String)>> {
        let referred = |id: AccountId| -> AppResult<Option<Referral>> {
            Ok(self.store.referrals_of(id)?.into_iter().find(|r| r.referee == id))
        };
        let (Some(of_keep), Some(of_gone)) = (referred(keep)?, referred(gone)?) else { return Ok(None) };
        let name = |id: AccountId| self.record(id).map_or_else(|_| id.to_string(), |r| r.account.name);
        let dropped = match keep_referral {
            Some(id) if id == of_keep.id => of_gone,
            Some(id) if id == of_gone.id => of_keep,
            _ => {
                let args = msg::ErrorMergeTwoReferrers {
                    keep_referrer: name(of_keep.referrer),
                    keep_referral: of_keep.id.to_string(),
                    gone_referrer: name(of_gone.referrer),
                    gone_referral: of_gone.id.to_string(),
                };
                return Err(AppError::Conflict(args.text(self.config.ui.lang())));
            }
        };
        let referrer = name(dropped.referrer);
        Ok(Some((dropped, referrer)))
    }

    /// Makes `gone` part of `keep` (see [`duplicates::merged`]): its
    /// touches, orders, follow-ups, referrals and plan rows move, and it is
    /// removed. One change, which `undo` takes back.
    pub fn merge_accounts(
        &self,
        keep: AccountId,
        gone: AccountId,
        keep_referral: Option<ReferralId>,
        dry_run: bool,
    ) -> AppResult<Merged> {
        let kept = self.record(keep)?;
        let other = self.record(gone)?;
        let names = msg::HistoryMerge {
            keep: kept.account.name.as_str(),
            keep_id: keep.to_string(),
            gone: other.account.name.as_str(),
            gone_id: gone.to_string(),
        };
        let dropped = self.referral_dropped_by_merge(keep, gone, keep_referral)?;
        let mut other_account = other.account.clone();
        if let Some((referral, referrer)) = &dropped {
            // Nothing is lost: the referral that goes is told in the note.
            let args = msg::NoteReferralDropped {
                referrer: referrer.as_str(),
                id: referral.id.to_string(),
                incentive: referral
                    .incentive
                    .as_ref()
                    .map(|i| msg::NoteReferralIncentive { incentive: i.as_str() }.text(self.config.ui.lang()))
                    .unwrap_or_default(),
            };
            let line = args.text(self.config.ui.lang());
            other_account.note = Some(match other_account.note.take() {
                Some(note) => format!("{note}\n{line}"),
                None => line,
            });
        }
        let account =
            duplicates::merged(&kept.account, &other_account, self.region()).map_err(|e| match e {
                MergeError::SameAccount => {
                    AppError::Conflict(msg::ErrorMergeSame.text(self.config.ui.lang()))
                }
                MergeError::NotesTooLong { max } => {
                    AppError::Conflict(msg::ErrorMergeNotes { max }.text(self.config.ui.lang()))
                }
            })?;
        if let Some(referral) =
            self.store.referrals_of(gone)?.into_iter().find(|r| r.referrer == keep || r.referee == keep)
        {
            let (referrer, referee) = match referral.referrer == keep {
                true => (&kept.account.name, &other.account.name),
                false => (&other.account.name, &kept.account.name),
            };
            let args = msg::ErrorMergeReferred { referrer: referrer.as_str(), referee: referee.as_str() };
            return Err(AppError::Conflict(args.text(self.config.ui.lang())));
        }
        // A circle of referrals (or any other break of their shape) is
        // refused.
        let dropped_ids: Vec<ReferralId> = dropped.iter().map(|(r, _)| r.id).collect();
        self.check_referrals_with(&[], &[(gone, keep)], &dropped_ids).map_err(|error| {
            AppError::Conflict(
                msg::ErrorMergeReferrals { problem: error.to_string() }.text(self.config.ui.lang()),
            )
        })?;
        let days: Vec<_> = self
            .store
            .day_records(NaiveDate::MIN, NaiveDate::MAX)?
            .items
            .into_iter()
            .filter(|d| d.plan.iter().any(|e| e.account == gone))
            .collect();
        let mut txn = self.begin();
        if let Some((referral, _)) = &dropped {
            let now = self.now();
            for mut follow_up in self
                .store
                .follow_ups_of(referral.referee)?
                .into_iter()
                .chain(self.store.follow_ups_of(referral.referrer)?)
            {
                if follow_up.referral == Some(referral.id) && follow_up.is_pending() {
                    follow_up.close(FollowUpStatus::Skipped, now);
                    txn.put_follow_up(&follow_up);
                }
            }
            txn.remove_referral(referral);
        }
        let record = AccountRecord { account, stats: AccountStats::default() };
        let moved = txn.merge_accounts(&record, gone, &days)?;
        if !dry_run {
            txn.commit(names.text(self.config.ui.lang()), self.now())?;
        }
        Ok(Merged { account: record.account, gone: other.account, moved })
    }
}
