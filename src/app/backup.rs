//! The full backup: every primary record as JSON, in id order, so that
//! export, import and export again give the same bytes.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::{App, AppError, AppResult};
use crate::domain::{Account, AccountId, AccountStats, FollowUp, Order, Referral, Touch};
use crate::store::{AccountRecord, Records, StoreError};

pub const FORMAT: &str = "leadline-backup";
pub const VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Backup {
    pub format: String,
    pub version: u32,
    pub accounts: Vec<Account>,
    pub touches: Vec<Touch>,
    pub orders: Vec<Order>,
    pub follow_ups: Vec<FollowUp>,
    pub referrals: Vec<Referral>,
}

impl Backup {
    pub fn new() -> Backup {
        Backup {
            format: FORMAT.into(),
            version: VERSION,
            accounts: Vec::new(),
            touches: Vec::new(),
            orders: Vec::new(),
            follow_ups: Vec::new(),
            referrals: Vec::new(),
        }
    }

    /// Sorts every list by id: the canonical order of an export.
    pub fn canonicalize(&mut self) {
        self.accounts.sort_by_key(|r| r.id);
        self.touches.sort_by_key(|r| r.id);
        self.orders.sort_by_key(|r| r.id);
        self.follow_ups.sort_by_key(|r| r.id);
        self.referrals.sort_by_key(|r| r.id);
    }

    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("a backup serialises to JSON");
        text.push('\n');
        text
    }

    pub fn from_json(text: &str) -> AppResult<Backup> {
        let backup: Backup = serde_json::from_str(text.trim_start_matches('\u{feff}'))
            .map_err(|e| AppError::Invalid(format!("not a Leadline backup: {e}")))?;
        if backup.format != FORMAT {
            return Err(AppError::Invalid(format!("not a Leadline backup (format '{}')", backup.format)));
        }
        if backup.version > VERSION {
            return Err(AppError::Invalid(format!(
                "the backup is version {}; this Leadline reads up to {VERSION}",
                backup.version
            )));
        }
        Ok(backup)
    }

    /// Every id unique and every reference pointing at an account here.
    pub fn validate(&self) -> AppResult<()> {
        fn unique<T>(items: &[T], id: impl Fn(&T) -> u64, what: &str) -> AppResult<()> {
            let mut seen = HashSet::new();
            for item in items {
                if !seen.insert(id(item)) {
                    return Err(AppError::Invalid(format!("the backup has {what} {} twice", id(item))));
                }
            }
            Ok(())
        }
        unique(&self.accounts, |r| r.id.0, "account")?;
        unique(&self.touches, |r| r.id.0, "touch")?;
        unique(&self.orders, |r| r.id.0, "order")?;
        unique(&self.follow_ups, |r| r.id.0, "follow-up")?;
        unique(&self.referrals, |r| r.id.0, "referral")?;
        let accounts: HashSet<AccountId> = self.accounts.iter().map(|a| a.id).collect();
        let check = |account: AccountId, what: String| {
            if accounts.contains(&account) {
                Ok(())
            } else {
                Err(AppError::Invalid(format!(
                    "{what} refers to account {account}, which is not in the backup"
                )))
            }
        };
        for account in &self.accounts {
            if account.name.trim().is_empty() {
                return Err(AppError::Invalid(format!("account {} has no name", account.id)));
            }
        }
        for t in &self.touches {
            check(t.account, format!("touch {}", t.id))?;
        }
        for o in &self.orders {
            check(o.account, format!("order {}", o.id))?;
            if o.amount.minor() <= 0 {
                return Err(AppError::Invalid(format!("order {} has amount {}", o.id, o.amount)));
            }
        }
        for f in &self.follow_ups {
            check(f.account, format!("follow-up {}", f.id))?;
        }
        for r in &self.referrals {
            check(r.referrer, format!("referral {}", r.id))?;
            check(r.referee, format!("referral {}", r.id))?;
        }
        Ok(())
    }
}

impl Default for Backup {
    fn default() -> Self {
        Backup::new()
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BackupCounts {
    pub accounts: usize,
    pub touches: usize,
    pub orders: usize,
    pub follow_ups: usize,
    pub referrals: usize,
}

impl BackupCounts {
    pub fn of(backup: &Backup) -> BackupCounts {
        BackupCounts {
            accounts: backup.accounts.len(),
            touches: backup.touches.len(),
            orders: backup.orders.len(),
            follow_ups: backup.follow_ups.len(),
            referrals: backup.referrals.len(),
        }
    }
}

impl std::fmt::Display for BackupCounts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} accounts, {} touches, {} orders, {} follow-ups, {} referrals",
            self.accounts, self.touches, self.orders, self.follow_ups, self.referrals
        )
    }
}

impl App {
    /// The whole book; records that cannot be read are listed, not hidden.
    pub fn export_backup(&self) -> AppResult<(Backup, Vec<StoreError>)> {
        let mut backup = Backup::new();
        let loaded = self.store.accounts()?;
        let mut problems = loaded.problems;
        for record in loaded.items {
            let id = record.account.id;
            match self.store.touches(id) {
                Ok(touches) => backup.touches.extend(touches),
                Err(e) => problems.push(e),
            }
            match self.store.orders(id) {
                Ok(orders) => backup.orders.extend(orders),
                Err(e) => problems.push(e),
            }
            match self.store.follow_ups_of(id) {
                Ok(follow_ups) => backup.follow_ups.extend(follow_ups),
                Err(e) => problems.push(e),
            }
            backup.accounts.push(record.account);
        }
        let referrals = self.store.referrals()?;
        backup.referrals = referrals.items;
        problems.extend(referrals.problems);
        backup.canonicalize();
        Ok((backup, problems))
    }

    /// Restores a backup into an empty store, keeping every id.
    pub fn import_backup(&self, backup: &Backup, label: &str, dry_run: bool) -> AppResult<BackupCounts> {
        backup.validate()?;
        if !self.store.is_empty()? {
            return Err(AppError::Conflict(format!(
                "store {} already holds accounts; restore a backup into a new store (--store DIR)",
                self.store.dir().display()
            )));
        }
        let counts = BackupCounts::of(backup);
        if dry_run {
            return Ok(counts);
        }
        let mut touches: HashMap<AccountId, Vec<Touch>> = HashMap::new();
        for touch in &backup.touches {
            touches.entry(touch.account).or_default().push(touch.clone());
        }
        let mut orders: HashMap<AccountId, Vec<Order>> = HashMap::new();
        for order in &backup.orders {
            orders.entry(order.account).or_default().push(order.clone());
        }
        let mut txn = self.store.begin();
        let max_id = |ids: &mut dyn Iterator<Item = u64>| ids.max().unwrap_or(0);
        for account in &backup.accounts {
            let mut account_touches = touches.remove(&account.id).unwrap_or_default();
            account_touches.sort_by_key(|t| t.id);
            let mut account_orders = orders.remove(&account.id).unwrap_or_default();
            account_orders.sort_by_key(|o| o.id);
            txn.put_touches(account.id, &account_touches)?;
            txn.put_orders(account.id, &account_orders)?;
            txn.put_account(&AccountRecord { account: account.clone(), stats: AccountStats::default() })?;
        }
        for follow_up in &backup.follow_ups {
            txn.put_follow_up(follow_up);
        }
        for referral in &backup.referrals {
            txn.put_referral(referral);
        }
        let reserved: BTreeMap<&'static str, u64> = BTreeMap::from([
            ("account", max_id(&mut backup.accounts.iter().map(|r| r.id.0))),
            ("touch", max_id(&mut backup.touches.iter().map(|r| r.id.0))),
            ("order", max_id(&mut backup.orders.iter().map(|r| r.id.0))),
            ("follow_up", max_id(&mut backup.follow_ups.iter().map(|r| r.id.0))),
            ("referral", max_id(&mut backup.referrals.iter().map(|r| r.id.0))),
        ]);
        for (counter, id) in reserved {
            txn.reserve_id(counter, id)?;
        }
        txn.commit(format!("import {label}: {counts}"), self.now())?;
        Ok(counts)
    }
}
