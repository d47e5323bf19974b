//! `leadline dupes` and `leadline merge`: likely duplicates of the book,
//! and two accounts made one with all their history.

use chrono::NaiveDate;

use super::{App, AppError, AppResult};
use crate::analysis::duplicates::{self, DuplicateGroup, MergeError};
use crate::app::store::{AccountRecord, Moved, Records};
use crate::domain::{Account, AccountId, AccountStats};

/// Likely duplicates with the accounts they name.
pub struct Duplicates {
    pub groups: Vec<DuplicateGroup>,
    /// Every account a group names, by id.
    pub accounts: std::collections::BTreeMap<AccountId, AccountRecord>,
    /// How many accounts were compared.
    pub compared: usize,
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
        let named: std::collections::BTreeSet<AccountId> =
            groups.iter().flat_map(|g| g.accounts.clone()).collect();
        let accounts = records
            .into_iter()
            .filter(|r| named.contains(&r.account.id))
            .map(|r| (r.account.id, r))
            .collect();
        Ok(Duplicates { groups, accounts, compared })
    }

    /// Makes `gone` part of `keep` (see [`duplicates::merged`]): its
    /// touches, orders, follow-ups, referrals and plan rows move, and it is
    /// removed. One change, which `undo` takes back.
    pub fn merge_accounts(&self, keep: AccountId, gone: AccountId, dry_run: bool) -> AppResult<Merged> {
        let kept = self.record(keep)?;
        let other = self.record(gone)?;
        let names = [
            ("keep", kept.account.name.as_str().into()),
            ("keep_id", keep.to_string().into()),
            ("gone", other.account.name.as_str().into()),
            ("gone_id", gone.to_string().into()),
        ];
        let account =
            duplicates::merged(&kept.account, &other.account, self.region()).map_err(|e| match e {
                MergeError::SameAccount => AppError::Conflict(self.words("error-merge-same", &[])),
                MergeError::NotesTooLong { max } => {
                    AppError::Conflict(self.words("error-merge-notes", &[("max", max.into())]))
                }
            })?;
        if let Some(referral) =
            self.store.referrals_of(gone)?.into_iter().find(|r| r.referrer == keep || r.referee == keep)
        {
            let (referrer, referee) = match referral.referrer == keep {
                true => (&kept.account.name, &other.account.name),
                false => (&other.account.name, &kept.account.name),
            };
            let args = [("referrer", referrer.as_str().into()), ("referee", referee.as_str().into())];
            return Err(AppError::Conflict(self.words("error-merge-referred", &args)));
        }
        let days: Vec<_> = self
            .store
            .day_records(NaiveDate::MIN, NaiveDate::MAX)?
            .items
            .into_iter()
            .filter(|d| d.plan.iter().any(|e| e.account == gone))
            .collect();
        let mut txn = self.begin();
        let record = AccountRecord { account, stats: AccountStats::default() };
        let moved = txn.merge_accounts(&record, gone, &days)?;
        if !dry_run {
            txn.commit(self.words("history-merge", &names), self.now())?;
        }
        Ok(Merged { account: record.account, gone: other.account, moved })
    }
}
