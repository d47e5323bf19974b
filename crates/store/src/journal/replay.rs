//! Replaying a journal into a store: each operation sets or removes one
//! record, found by its local number and checked by its global id, so a
//! change replayed over a backup that already holds it leaves one copy.

use super::super::{AccountRecord, Records, Store, StoreError, Txn};
use super::ops::{Child, fields_of, from_fields, overlay};
use super::{Action, Contents, Kind, Op};
use crate::domain::{
    AccountId, AccountStats, Competitor, CompetitorId, DayRecord, FollowUp, FollowUpId, Order, Referral,
    ReferralId, Touch, Uid,
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
            (Kind::Touch, _) => self.apply_listed::<Touch>(op),
            (Kind::Order, _) => self.apply_listed::<Order>(op),
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
            (Kind::Competitor, action) => {
                let id = CompetitorId(id()?);
                if let Some(held) = self.competitor(id).map_err(store_error)? {
                    same_record(held.uid, op.uid)?;
                }
                match action {
                    Action::Set => {
                        let new: Competitor = from_fields(op.fields.clone())?;
                        self.reserve_id("competitor", new.id.0).map_err(store_error)?;
                        self.put_competitor(&new);
                    }
                    Action::Remove => self.remove_competitor(id),
                }
                // The accounts whose notes name it are found by its names.
                self.reindex_competitor_notes().map_err(store_error)
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

    /// Sets or removes a touch or an order: rewritten in its account's
    /// list, or moved to another account's.
    fn apply_listed<T: Listed>(&mut self, op: &Op) -> Result<(), String> {
        let store_error = |e: StoreError| e.to_string();
        let id = op.id.ok_or_else(|| "it names no record".to_string())?;
        let mut held = None;
        for account in [op.account, op.from].into_iter().flatten() {
            let list = T::list(self, AccountId(account)).map_err(store_error)?;
            if let Some(found) = list.into_iter().find(|r| r.id() == id) {
                held = Some(found);
                break;
            }
        }
        if let Some(held) = &held {
            same_record(held.uid(), op.uid)?;
        }
        let new = match op.op {
            Action::Set => Some(from_fields::<T>(op.fields.clone())?),
            Action::Remove => None,
        };
        if let Some(new) = &new {
            self.reserve_id(T::COUNTER, new.id()).map_err(store_error)?;
        }
        match (held, new) {
            (Some(held), Some(new)) if held.owner() == new.owner() => {
                T::rewrite(self, &held, Some(&new)).map_err(store_error)
            }
            (Some(held), new) => {
                T::rewrite(self, &held, None).map_err(store_error)?;
                new.map_or(Ok(()), |new| T::append(self, &new).map_err(store_error))
            }
            (None, Some(new)) => T::append(self, &new).map_err(store_error),
            (None, None) => Ok(()),
        }
    }
}

/// Touches and orders: kept in lists by account.
trait Listed: Child + Sized + serde::de::DeserializeOwned {
    const COUNTER: &'static str;
    fn list(txn: &Txn<'_>, account: AccountId) -> Result<Vec<Self>, StoreError>;
    fn rewrite(txn: &mut Txn<'_>, old: &Self, new: Option<&Self>) -> Result<(), StoreError>;
    fn append(txn: &mut Txn<'_>, new: &Self) -> Result<(), StoreError>;
}

impl Listed for Touch {
    const COUNTER: &'static str = "touch";
    fn list(txn: &Txn<'_>, account: AccountId) -> Result<Vec<Touch>, StoreError> {
        txn.touches(account)
    }
    fn rewrite(txn: &mut Txn<'_>, old: &Touch, new: Option<&Touch>) -> Result<(), StoreError> {
        txn.rewrite_touch(old, new)
    }
    fn append(txn: &mut Txn<'_>, new: &Touch) -> Result<(), StoreError> {
        txn.append_touch(new)
    }
}

impl Listed for Order {
    const COUNTER: &'static str = "order";
    fn list(txn: &Txn<'_>, account: AccountId) -> Result<Vec<Order>, StoreError> {
        txn.orders(account)
    }
    fn rewrite(txn: &mut Txn<'_>, old: &Order, new: Option<&Order>) -> Result<(), StoreError> {
        txn.rewrite_order(old, new)
    }
    fn append(txn: &mut Txn<'_>, new: &Order) -> Result<(), StoreError> {
        txn.append_order(new)
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
