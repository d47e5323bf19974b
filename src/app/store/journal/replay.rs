//! Replaying a journal into a store: each operation sets or removes one
//! record, found by its local number and checked by its global id, so a
//! change replayed over a backup that already holds it leaves one copy.

use super::super::{AccountRecord, Records, Store, StoreError, Txn};
use super::ops::{fields_of, from_fields, overlay};
use super::{Action, Contents, Kind, Op};
use crate::domain::{
    AccountId, AccountStats, DayRecord, FollowUp, FollowUpId, Order, Referral, ReferralId, Touch, Uid,
};

/// Operations replayed per commit: big enough that a day's import is a few
/// commits, small enough to hold in memory.
const OPS_PER_COMMIT: usize = 5_000;

/// What a replay did.
#[derive(Debug, Default)]
pub struct Replayed {
    /// Changes replayed (each with all its operations).
    pub changes: usize,
    pub operations: usize,
    /// Changes the base already held (at or before what it covers).
    pub skipped: usize,
    /// Operations that could not be applied, in words.
    pub refused: Vec<String>,
    /// The newest change replayed.
    pub newest: Option<u64>,
}

/// Two records are one when their global ids agree (or one has none yet).
fn same_record(held: Uid, op: Uid) -> Result<(), String> {
    if held.is_nil() || op.is_nil() || held == op {
        Ok(())
    } else {
        Err(format!("the store holds another record with that number ({held})"))
    }
}

impl Txn<'_> {
    /// Applies one operation of a journal.
    pub fn apply(&mut self, op: &Op) -> Result<(), String> {
        let store_error = |e: StoreError| e.to_string();
        let id = || op.id.ok_or_else(|| "it names no record".to_string());
        match (op.kind, op.op) {
            (Kind::Account, Action::Set) => {
                let id = AccountId(id()?);
                let record = match self.account(id).map_err(store_error)? {
                    Some(held) => {
                        same_record(held.account.uid, op.uid)?;
                        let account = from_fields(overlay(fields_of(&held.account), &op.fields))?;
                        AccountRecord { account, stats: held.stats }
                    }
                    None => AccountRecord {
                        account: from_fields(op.fields.clone())?,
                        stats: AccountStats::default(),
                    },
                };
                self.reserve_id("account", id.0).map_err(store_error)?;
                self.put_account(&record).map_err(store_error)
            }
            (Kind::Account, Action::Remove) => {
                let id = AccountId(id()?);
                if let Some(held) = self.account(id).map_err(store_error)? {
                    same_record(held.account.uid, op.uid)?;
                    self.remove_account(id);
                }
                Ok(())
            }
            (Kind::Touch, action) => {
                let held = self.held_listed(op, |txn, account| txn.touches(account), |t: &Touch| t.id.0)?;
                if let Some(held) = &held {
                    same_record(held.uid, op.uid)?;
                }
                let new = match action {
                    Action::Set => Some(from_fields::<Touch>(op.fields.clone())?),
                    Action::Remove => None,
                };
                if let Some(new) = &new {
                    self.reserve_id("touch", new.id.0).map_err(store_error)?;
                }
                match (held, new) {
                    (Some(held), Some(new)) if held.account == new.account => {
                        self.rewrite_touch(&held, Some(&new)).map_err(store_error)
                    }
                    (Some(held), new) => {
                        self.rewrite_touch(&held, None).map_err(store_error)?;
                        new.map_or(Ok(()), |new| self.append_touch(&new).map_err(store_error))
                    }
                    (None, Some(new)) => self.append_touch(&new).map_err(store_error),
                    (None, None) => Ok(()),
                }
            }
            (Kind::Order, action) => {
                let held = self.held_listed(op, |txn, account| txn.orders(account), |o: &Order| o.id.0)?;
                if let Some(held) = &held {
                    same_record(held.uid, op.uid)?;
                }
                let new = match action {
                    Action::Set => Some(from_fields::<Order>(op.fields.clone())?),
                    Action::Remove => None,
                };
                if let Some(new) = &new {
                    self.reserve_id("order", new.id.0).map_err(store_error)?;
                }
                match (held, new) {
                    (Some(held), Some(new)) if held.account == new.account => {
                        self.rewrite_order(&held, Some(&new)).map_err(store_error)
                    }
                    (Some(held), new) => {
                        self.rewrite_order(&held, None).map_err(store_error)?;
                        new.map_or(Ok(()), |new| self.append_order(&new).map_err(store_error))
                    }
                    (None, Some(new)) => self.append_order(&new).map_err(store_error),
                    (None, None) => Ok(()),
                }
            }
            (Kind::FollowUp, action) => {
                let id = FollowUpId(id()?);
                let held = self.follow_up(id).map_err(store_error)?;
                if let Some(held) = &held {
                    same_record(held.uid, op.uid)?;
                    self.remove_follow_up(held);
                }
                if action == Action::Set {
                    let new: FollowUp = from_fields(op.fields.clone())?;
                    self.reserve_id("follow_up", new.id.0).map_err(store_error)?;
                    self.put_follow_up(&new);
                }
                Ok(())
            }
            (Kind::Referral, action) => {
                let id = ReferralId(id()?);
                let held = self.referral(id).map_err(store_error)?;
                if let Some(held) = &held {
                    same_record(held.uid, op.uid)?;
                    self.remove_referral(held);
                }
                if action == Action::Set {
                    let new: Referral = from_fields(op.fields.clone())?;
                    self.reserve_id("referral", new.id.0).map_err(store_error)?;
                    self.put_referral(&new);
                }
                Ok(())
            }
            (Kind::Day, Action::Set) => {
                let record: DayRecord = from_fields(op.fields.clone())?;
                self.put_day_record(&record);
                Ok(())
            }
            (Kind::Day, Action::Remove) => {
                let day = op.day.ok_or_else(|| "it names no day".to_string())?;
                self.remove_day_record(day);
                Ok(())
            }
        }
    }

    /// The touch or order an operation names, wherever it is: in its
    /// account, or the account it moved from.
    fn held_listed<T>(
        &self,
        op: &Op,
        list: impl Fn(&Self, AccountId) -> Result<Vec<T>, StoreError>,
        id_of: impl Fn(&T) -> u64,
    ) -> Result<Option<T>, String> {
        let id = op.id.ok_or_else(|| "it names no record".to_string())?;
        for account in [op.account, op.from].into_iter().flatten() {
            let found = list(self, AccountId(account)).map_err(|e| e.to_string())?;
            if let Some(found) = found.into_iter().find(|r| id_of(r) == id) {
                return Ok(Some(found));
            }
        }
        Ok(None)
    }
}

impl Store {
    /// Replays the changes of a journal after `covered` (what the store
    /// already holds), a few thousand operations per commit.
    pub fn replay(
        &self,
        contents: &Contents,
        covered: u64,
        at: chrono::NaiveDateTime,
    ) -> Result<Replayed, StoreError> {
        let mut replayed = Replayed::default();
        let mut txn = self.begin();
        let mut pending = 0;
        let mut first_pending: Option<u64> = None;
        for change in &contents.changes {
            let seq = change[0].seq;
            if seq <= covered {
                replayed.skipped += 1;
                continue;
            }
            for entry in change {
                for op in &entry.ops {
                    match txn.apply(op) {
                        Ok(()) => replayed.operations += 1,
                        Err(reason) => replayed.refused.push(format!(
                            "change #{seq} ({}): {}: {reason}",
                            entry.what,
                            op.describe()
                        )),
                    }
                    pending += 1;
                }
            }
            replayed.changes += 1;
            replayed.newest = Some(seq);
            first_pending.get_or_insert(seq);
            if pending >= OPS_PER_COMMIT {
                txn.commit(replay_summary(first_pending.take(), seq), at)?;
                txn = self.begin();
                pending = 0;
            }
        }
        if let (Some(first), Some(last)) = (first_pending, replayed.newest) {
            txn.commit(replay_summary(Some(first), last), at)?;
        }
        Ok(replayed)
    }
}

fn replay_summary(first: Option<u64>, last: u64) -> String {
    match first {
        Some(first) if first != last => format!("recover: changes #{first} to #{last} from the journal"),
        _ => format!("recover: change #{last} from the journal"),
    }
}
