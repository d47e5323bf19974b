//! Applying another device's operations: a record made there is made here
//! under a local number of its own; a field is written only when its clock
//! is later than the last write of that field here; a removal wins over
//! every edit it had not seen; and the book's rules are checked again.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use super::clock::Clock;
use super::state::{Tracked, names};
use super::wire::{Target, WireOp, try_map_references};
use crate::domain::{AccountId, CompetitorId, FollowUpId, ReferralId, Uid};
use crate::store::journal::{Action, Kind, Op, fields_of, overlay};
use crate::store::{Records, StoreError, Txn};

/// What came in from one device.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Received {
    pub touches: usize,
    pub orders: usize,
    pub follow_ups: usize,
    pub referrals: usize,
    /// Accounts made or changed (each once).
    pub accounts: BTreeSet<String>,
    /// Everything else: competitors, day records, removals.
    pub other: usize,
}

impl Received {
    pub fn is_empty(&self) -> bool {
        *self == Received::default()
    }
}

/// A rule of the book two devices broke between them, and what was kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Settled {
    /// Two referrers for one account: the earlier is kept, the other goes
    /// into the account's note.
    SecondReferrer { account: String, kept: String, dropped: String },
}

/// Applies operations in one transaction.
pub struct Merger<'a, 's> {
    pub txn: &'a mut Txn<'s>,
    /// What came in, by device.
    pub received: BTreeMap<String, Received>,
    /// Operations that could not be applied, in words.
    pub refused: Vec<String>,
    /// Accounts that were given a referrer.
    referees: BTreeSet<u64>,
}

fn uid(key: &str) -> Uid {
    Uid::parse(key).unwrap_or(Uid::NIL)
}

fn counter(kind: Kind) -> &'static str {
    match kind {
        Kind::Account => "account",
        Kind::Touch => "touch",
        Kind::Order => "order",
        Kind::FollowUp => "follow_up",
        Kind::Referral => "referral",
        Kind::Competitor => "competitor",
        Kind::Day => "day",
    }
}

fn local_op(action: Action, kind: Kind, id: u64, key: &str) -> Op {
    Op {
        op: action,
        kind,
        id: (kind != Kind::Day).then_some(id),
        day: key.strip_prefix("day:").and_then(|day| day.parse().ok()),
        uid: uid(key),
        account: None,
        from: None,
        new: false,
        fields: Map::new(),
        changed: Vec::new(),
    }
}

/// The fields that name the account a record belongs to.
const OWNER_FIELDS: [&str; 3] = ["account", "referrer", "referee"];

/// An operation's fields, each with the operation's clock.
fn written_at(op: &WireOp) -> BTreeMap<String, (Clock, Value)> {
    op.fields.iter().map(|(name, value)| (name.clone(), (op.clock.clone(), value.clone()))).collect()
}

fn owner_in(fields: &Map<String, Value>) -> Option<u64> {
    fields.get("account").and_then(Value::as_u64)
}

impl<'a, 's> Merger<'a, 's> {
    pub fn new(txn: &'a mut Txn<'s>) -> Merger<'a, 's> {
        Merger { txn, received: BTreeMap::new(), refused: Vec::new(), referees: BTreeSet::new() }
    }

    fn tracked(&self, key: &str) -> Result<Option<Tracked>, StoreError> {
        self.txn.sync_value::<Tracked>(&names::record(key))
    }

    fn keep(&mut self, key: &str, tracked: &Tracked) {
        self.txn.put_sync(&names::record(key), tracked);
    }

    /// The local number of the record a global id names (an account merged
    /// away: the one it became).
    fn local_id(&self, target: Target, key: &str) -> Result<Option<u64>, StoreError> {
        let mut key = key.to_string();
        for _ in 0..16 {
            let Some(tracked) = self.tracked(&key)? else { return Ok(None) };
            match (&tracked.removed, &tracked.merged_into) {
                (None, _) if tracked.id != 0 => return Ok(Some(tracked.id)),
                (Some(_), Some(into)) if target == Target::Account => key = into.clone(),
                _ => return Ok(None),
            }
        }
        Ok(None)
    }

    fn to_local(&self, kind: Kind, fields: &mut Map<String, Value>) -> Result<bool, StoreError> {
        let mapped = try_map_references(kind, fields, |target, value| match value.as_str() {
            Some(key) => self.local_id(target, key).map(|id| id.map(Value::from)),
            None => Ok(None),
        })?;
        Ok(mapped.is_ok())
    }

    /// Applies one operation from `device`.
    pub fn apply(&mut self, device: &str, op: &WireOp) -> Result<(), StoreError> {
        let tracked = self.tracked(&op.key)?;
        match (op.op, tracked) {
            (Action::Remove, None) => {
                let mut tombstone = Tracked::made(op.kind, 0, None, op.clock.clone());
                tombstone.removed = Some(op.clock.clone());
                tombstone.merged_into = op.merged_into.clone();
                tombstone.pending = written_at(op);
                self.keep(&op.key, &tombstone);
                Ok(())
            }
            // Set aside for want of its account, now removed for good: it
            // does not come back with the account.
            (Action::Remove, Some(mut tracked)) if tracked.orphaned => {
                tracked.orphaned = false;
                tracked.pending.clear();
                tracked.removed = tracked.removed.max(Some(op.clock.clone()));
                self.keep(&op.key, &tracked);
                Ok(())
            }
            (Action::Remove, Some(tracked)) if tracked.removed.is_some() => {
                self.removed_again(device, op, tracked)
            }
            // Made again (an undone removal) after this removal: it stays.
            (Action::Remove, Some(tracked)) if tracked.made > op.clock => Ok(()),
            (Action::Remove, Some(tracked)) => match self.merged_both_ways(op)? {
                // Two merges the opposite ways: the account with the lower
                // global id is the one kept, on every device.
                Some(other) if op.key < other.0 => Ok(()),
                Some((other_key, other)) => {
                    let made = WireOp { key: other_key, ..op.clone() };
                    self.revive(device, &made, other)?;
                    self.remove(device, op, tracked)
                }
                None => self.remove(device, op, tracked),
            },
            (Action::Set, Some(mut tracked)) if tracked.removed.is_some() => {
                let removed = tracked.removed.clone().expect("checked above");
                if op.new && op.clock > removed {
                    let pending = std::mem::take(&mut tracked.pending);
                    self.make(device, op, Some(tracked.id).filter(|id| *id != 0))?;
                    self.take_pending(device, op, pending)?;
                    self.hand_back(device, op, std::mem::take(&mut tracked.handed_on), &removed)
                } else {
                    for (name, value) in &op.fields {
                        let later = tracked.pending.get(name).is_none_or(|(clock, _)| op.clock > *clock);
                        if later {
                            tracked.pending.insert(name.clone(), (op.clock.clone(), value.clone()));
                        }
                    }
                    self.keep(&op.key, &tracked);
                    if tracked.orphaned { self.revive(device, op, tracked) } else { Ok(()) }
                }
            }
            (Action::Set, None) if op.new => self.make(device, op, None),
            (Action::Set, None) => {
                self.refused.push(format!("{} {}: not known here", counter(op.kind), op.key));
                Ok(())
            }
            (Action::Set, Some(tracked)) => self.update(device, op, tracked),
        }
    }

    fn count(&mut self, device: &str, op: &WireOp, made: bool) {
        let received = self.received.entry(device.to_string()).or_default();
        match (op.kind, made) {
            (Kind::Touch, true) => received.touches += 1,
            (Kind::Order, true) => received.orders += 1,
            (Kind::Referral, true) => received.referrals += 1,
            (Kind::FollowUp, _) => received.follow_ups += 1,
            (Kind::Account, _) => {
                received.accounts.insert(op.key.clone());
            }
            _ => received.other += 1,
        }
    }

    /// A record made on the other device.
    fn make(&mut self, device: &str, op: &WireOp, id: Option<u64>) -> Result<(), StoreError> {
        let mut fields = op.fields.clone();
        if !self.to_local(op.kind, &mut fields)? {
            // What it belongs to is gone here: so it is, until a change
            // gives it another.
            let mut gone = Tracked::made(op.kind, id.unwrap_or(0), None, op.clock.clone());
            gone.removed = Some(op.clock.clone());
            gone.orphaned = true;
            gone.pending = written_at(op);
            self.keep(&op.key, &gone);
            // The account it belongs to takes it back if it is made again.
            for field in OWNER_FIELDS {
                let Some(account) = op.fields.get(field).and_then(Value::as_str) else { continue };
                if let Some(mut owner) = self.tracked(account)?.filter(|t| t.removed.is_some()) {
                    if !owner.handed_on.contains(&op.key) {
                        owner.handed_on.push(op.key.clone());
                        self.keep(account, &owner);
                    }
                }
            }
            return Ok(());
        }
        // Its number here from before, unless another record holds it now.
        let id = match id {
            Some(id) if self.holds_another(op.kind, id, &op.key)? => None,
            id => id,
        };
        let id = match (op.kind, id) {
            (Kind::Day, _) => 0,
            (_, Some(id)) => id,
            (kind, None) => self.txn.next_id(counter(kind))?,
        };
        let mut local = local_op(Action::Set, op.kind, id, &op.key);
        if op.kind != Kind::Day {
            fields.insert("id".into(), Value::from(id));
            fields.insert("uid".into(), Value::from(op.key.clone()));
        }
        local.account = owner_in(&fields);
        local.new = true;
        local.fields = fields;
        if let Err(reason) = self.txn.apply(&local) {
            self.refused.push(format!("{} {}: {reason}", counter(op.kind), op.key));
            return Ok(());
        }
        if op.kind == Kind::Referral {
            self.referees.extend(local.fields.get("referee").and_then(Value::as_u64));
        }
        self.keep(&op.key, &Tracked::made(op.kind, id, local.account, op.clock.clone()));
        self.count(device, op, true);
        Ok(())
    }

    /// An orphan made again when its fields, with the change just taken,
    /// name something that is here.
    fn revive(&mut self, device: &str, op: &WireOp, tracked: Tracked) -> Result<(), StoreError> {
        let fields: Map<String, Value> =
            tracked.pending.iter().map(|(n, (_, v))| (n.clone(), v.clone())).collect();
        let mut local = fields.clone();
        if !self.to_local(op.kind, &mut local)? {
            return Ok(());
        }
        let made = WireOp {
            op: Action::Set,
            kind: op.kind,
            key: op.key.clone(),
            clock: tracked.made.clone(),
            new: true,
            fields,
            merged_into: None,
        };
        self.make(device, &made, Some(tracked.id).filter(|id| *id != 0))?;
        if let Some(mut revived) = self.tracked(&op.key)? {
            for (name, (clock, _)) in &tracked.pending {
                if *clock > revived.made {
                    revived.fields.insert(name.clone(), clock.clone());
                }
            }
            self.keep(&op.key, &revived);
        }
        Ok(())
    }

    /// Fields written elsewhere while the record was removed here, applied
    /// now that it is made again (those later than its making).
    fn take_pending(
        &mut self,
        device: &str,
        made: &WireOp,
        pending: BTreeMap<String, (Clock, Value)>,
    ) -> Result<(), StoreError> {
        let mut by_clock: BTreeMap<Clock, Map<String, Value>> = BTreeMap::new();
        for (name, (clock, value)) in pending {
            if clock > made.clock {
                by_clock.entry(clock).or_default().insert(name, value);
            }
        }
        for (clock, fields) in by_clock {
            let Some(tracked) = self.tracked(&made.key)? else { break };
            let edit =
                WireOp { op: Action::Set, new: false, clock, fields, merged_into: None, ..made.clone() };
            self.update(device, &edit, tracked)?;
        }
        Ok(())
    }

    /// Whether a record other than `key`'s holds the number `id` here.
    fn holds_another(&self, kind: Kind, id: u64, key: &str) -> Result<bool, StoreError> {
        let held = match kind {
            Kind::Account => self.txn.account(AccountId(id))?.map(|r| r.account.uid),
            Kind::FollowUp => self.txn.follow_up(FollowUpId(id))?.map(|f| f.uid),
            Kind::Referral => self.txn.referral(ReferralId(id))?.map(|r| r.uid),
            Kind::Competitor => self.txn.competitor(CompetitorId(id))?.map(|c| c.uid),
            Kind::Touch | Kind::Order | Kind::Day => None,
        };
        Ok(held.is_some_and(|uid| uid.to_string() != key))
    }

    /// The record as held here, by its fields.
    fn held(
        &self,
        kind: Kind,
        tracked: &Tracked,
        key: &str,
    ) -> Result<Option<Map<String, Value>>, StoreError> {
        let id = tracked.id;
        let listed =
            |list: Vec<Map<String, Value>>| list.into_iter().find(|f| f.get("id") == Some(&Value::from(id)));
        Ok(match kind {
            Kind::Account => self.txn.account(AccountId(id))?.map(|r| fields_of(&r.account)),
            Kind::Touch => match tracked.owner {
                Some(owner) => listed(self.txn.touches(AccountId(owner))?.iter().map(fields_of).collect()),
                None => None,
            },
            Kind::Order => match tracked.owner {
                Some(owner) => listed(self.txn.orders(AccountId(owner))?.iter().map(fields_of).collect()),
                None => None,
            },
            Kind::FollowUp => self.txn.follow_up(FollowUpId(id))?.map(|f| fields_of(&f)),
            Kind::Referral => self.txn.referral(ReferralId(id))?.map(|r| fields_of(&r)),
            Kind::Competitor => self.txn.competitor(CompetitorId(id))?.map(|c| fields_of(&c)),
            Kind::Day => match key.strip_prefix("day:").and_then(|day| day.parse().ok()) {
                Some(day) => self.txn.day_record(day)?.map(|d| fields_of(&d)),
                None => None,
            },
        })
    }

    /// Fields changed on the other device: each written when its clock is
    /// later than this device's last write of it.
    fn update(&mut self, device: &str, op: &WireOp, mut tracked: Tracked) -> Result<(), StoreError> {
        let Some(held) = self.held(op.kind, &tracked, &op.key)? else {
            return if op.new { self.make(device, op, Some(tracked.id)) } else { Ok(()) };
        };
        let mut names: BTreeSet<&String> = op.fields.keys().collect();
        if op.new {
            // A record made again (an undone removal): what it lacks is empty.
            names.extend(held.keys().filter(|name| !matches!(name.as_str(), "id" | "uid")));
        }
        let mut accepted: Map<String, Value> = names
            .into_iter()
            .filter(|name| op.clock > *tracked.clock_of(name))
            .map(|name| (name.clone(), op.fields.get(name).cloned().unwrap_or(Value::Null)))
            .collect();
        if accepted.is_empty() {
            return Ok(());
        }
        if !self.to_local(op.kind, &mut accepted)? {
            // It would move to a record gone here: the move is not taken.
            accepted.retain(|name, _| !OWNER_FIELDS.contains(&name.as_str()));
            if accepted.is_empty() {
                return Ok(());
            }
        }
        let mut local = local_op(Action::Set, op.kind, tracked.id, &op.key);
        local.fields = match op.kind {
            // An account takes the fields that changed; the rest, whole.
            Kind::Account => accepted.clone(),
            _ => overlay(held.clone(), &accepted),
        };
        local.account = owner_in(&local.fields);
        local.from = owner_in(&held).filter(|old| Some(*old) != local.account);
        if let Err(reason) = self.txn.apply(&local) {
            self.refused.push(format!("{} {}: {reason}", counter(op.kind), op.key));
            return Ok(());
        }
        if op.kind == Kind::Referral && accepted.contains_key("referee") {
            self.referees.extend(local.fields.get("referee").and_then(Value::as_u64));
        }
        for name in accepted.keys() {
            tracked.fields.insert(name.clone(), op.clock.clone());
        }
        tracked.owner = local.account.or(tracked.owner);
        self.keep(&op.key, &tracked);
        self.count(device, op, false);
        Ok(())
    }

    /// A record removed here, removed elsewhere too: where both removals
    /// were of an account, every device keeps the same account it went to
    /// (a merge's over none, the earlier merge's over a later one), and what
    /// it held here goes there.
    fn removed_again(&mut self, device: &str, op: &WireOp, mut tracked: Tracked) -> Result<(), StoreError> {
        let removed = tracked.removed.clone().expect("removed");
        let better = match (&tracked.merged_into, &op.merged_into) {
            (None, Some(_)) => true,
            (Some(_), Some(_)) => op.clock < removed,
            _ => false,
        };
        if op.kind != Kind::Account || !better {
            return Ok(());
        }
        tracked.merged_into = op.merged_into.clone();
        // The latest removal is what a re-creation must be later than.
        tracked.removed = Some(removed.max(op.clock.clone()));
        self.keep(&op.key, &tracked);
        if let Some(survivor) = self.local_id(Target::Account, &op.key)? {
            self.rehome(device, op, &tracked.handed_on, survivor, None)?;
        }
        Ok(())
    }

    /// What an account's removal handed on or set aside goes to `account`:
    /// what was set aside is made again, what was moved moves (unless a
    /// change of its own moved it after `since`).
    fn rehome(
        &mut self,
        device: &str,
        op: &WireOp,
        handed: &[String],
        account: u64,
        since: Option<&Clock>,
    ) -> Result<(), StoreError> {
        for key in handed {
            let Some(tracked) = self.tracked(key)? else { continue };
            if tracked.orphaned {
                let gone = WireOp { kind: tracked.kind, key: key.clone(), ..op.clone() };
                self.revive(device, &gone, tracked)?;
                continue;
            }
            // Moved since by a change of its own (not made since: its making
            // named the account made again).
            let moved_since =
                since.is_some_and(|since| tracked.fields.get("account").is_some_and(|clock| clock > since));
            let movable = matches!(tracked.kind, Kind::Touch | Kind::Order | Kind::FollowUp);
            if tracked.removed.is_none() && movable && !moved_since {
                self.move_to(key, tracked, account)?;
            }
        }
        Ok(())
    }

    /// Moves a touch, order or follow-up to another account here (what sync
    /// does on its own: no clock changes).
    fn move_to(&mut self, key: &str, mut tracked: Tracked, account: u64) -> Result<(), StoreError> {
        let Some(held) = self.held(tracked.kind, &tracked, key)? else { return Ok(()) };
        if owner_in(&held) == Some(account) {
            return Ok(());
        }
        let mut moved = held.clone();
        moved.insert("account".into(), Value::from(account));
        let mut local = local_op(Action::Set, tracked.kind, tracked.id, key);
        local.account = Some(account);
        local.from = owner_in(&held);
        local.fields = moved;
        if let Err(reason) = self.txn.apply(&local) {
            self.refused.push(format!("{} {key}: {reason}", counter(tracked.kind)));
            return Ok(());
        }
        tracked.owner = Some(account);
        self.keep(key, &tracked);
        Ok(())
    }

    /// The account an incoming merge folds this one into, when a merge here
    /// (or one taken in before) folded that one into this one.
    fn merged_both_ways(&self, op: &WireOp) -> Result<Option<(String, Tracked)>, StoreError> {
        let Some(into) = &op.merged_into else { return Ok(None) };
        let Some(other) = self.tracked(into)? else { return Ok(None) };
        let back = other.removed.is_some() && other.merged_into.as_deref() == Some(op.key.as_str());
        Ok(back.then(|| (into.clone(), other)))
    }

    /// A record removed on the other device; an account takes with it what
    /// was made here meanwhile, or gives it to the account it was merged into.
    fn remove(&mut self, device: &str, op: &WireOp, mut tracked: Tracked) -> Result<(), StoreError> {
        // What it was, with the clocks of its fields, is kept aside: a later
        // re-creation takes back the fields written after it (as a device
        // that got them after the removal keeps them), and an account two
        // merges folded into each other is made again from it.
        if let Some(held) = self.held(op.kind, &tracked, &op.key)? {
            tracked.pending = self.in_wire_form(op.kind, &held, &tracked)?;
        }
        if op.kind == Kind::Account {
            let survivor = match &op.merged_into {
                // Folded into itself through a longer round of merges:
                // nothing is left to take in what it held.
                Some(into) => self.local_id(Target::Account, into)?.filter(|id| *id != tracked.id),
                None => None,
            };
            tracked.handed_on = self.hand_on(AccountId(tracked.id), survivor.map(AccountId), &op.clock)?;
        }
        let mut local = local_op(Action::Remove, op.kind, tracked.id, &op.key);
        local.account = tracked.owner;
        if let Err(reason) = self.txn.apply(&local) {
            self.refused.push(format!("{} {}: {reason}", counter(op.kind), op.key));
        }
        tracked.removed = Some(op.clock.clone());
        tracked.merged_into = op.merged_into.clone();
        self.keep(&op.key, &tracked);
        self.count(device, op, false);
        Ok(())
    }

    /// What still belongs to a removed account: moved to `survivor`, or
    /// removed with it.
    fn hand_on(
        &mut self,
        gone: AccountId,
        survivor: Option<AccountId>,
        clock: &Clock,
    ) -> Result<Vec<String>, StoreError> {
        let mut handed = Vec::new();
        let mut records: Vec<(Kind, Map<String, Value>)> = Vec::new();
        records.extend(self.txn.touches(gone)?.iter().map(|t| (Kind::Touch, fields_of(t))));
        records.extend(self.txn.orders(gone)?.iter().map(|o| (Kind::Order, fields_of(o))));
        records.extend(self.txn.follow_ups_of(gone)?.iter().map(|f| (Kind::FollowUp, fields_of(f))));
        records.extend(self.txn.referrals_of(gone)?.iter().map(|r| (Kind::Referral, fields_of(r))));
        for (kind, fields) in records {
            let (Some(id), Some(key)) =
                (fields.get("id").and_then(Value::as_u64), fields.get("uid").and_then(Value::as_str))
            else {
                continue;
            };
            let key = key.to_string();
            let mut tracked =
                self.tracked(&key)?.unwrap_or_else(|| Tracked::made(kind, id, Some(gone.0), clock.clone()));
            let mut moved = fields.clone();
            for field in OWNER_FIELDS {
                if moved.get(field).and_then(Value::as_u64) == Some(gone.0) {
                    match survivor {
                        Some(survivor) => moved.insert(field.into(), Value::from(survivor.0)),
                        None => moved.remove(field),
                    };
                }
            }
            let self_referral = kind == Kind::Referral && moved.get("referrer") == moved.get("referee");
            let keeps = survivor.is_some() && !self_referral;
            let mut local = local_op(if keeps { Action::Set } else { Action::Remove }, kind, id, &key);
            local.account = owner_in(&moved).or(Some(gone.0));
            local.from = Some(gone.0);
            local.fields = if keeps { moved } else { Map::new() };
            if keeps {
                tracked.owner = local.account;
            } else {
                local.account = Some(gone.0);
                tracked.removed = Some(clock.clone());
                tracked.orphaned = true;
                tracked.pending = self.in_wire_form(kind, &fields, &tracked)?;
            }
            if let Err(reason) = self.txn.apply(&local) {
                self.refused.push(format!("{} {key}: {reason}", counter(kind)));
                continue;
            }
            self.keep(&key, &tracked);
            handed.push(key);
        }
        Ok(handed)
    }

    /// An account made again after its removal gets back what this device
    /// handed on when it went, unless a later change moved it since.
    fn hand_back(
        &mut self,
        device: &str,
        account: &WireOp,
        handed: Vec<String>,
        removed: &Clock,
    ) -> Result<(), StoreError> {
        match self.local_id(Target::Account, &account.key)? {
            Some(here) => self.rehome(device, account, &handed, here, Some(removed)),
            None => Ok(()),
        }
    }

    /// A record's fields as the server would carry them, each with the
    /// clock of its last write.
    fn in_wire_form(
        &self,
        kind: Kind,
        fields: &Map<String, Value>,
        tracked: &Tracked,
    ) -> Result<BTreeMap<String, (Clock, Value)>, StoreError> {
        let mut wire = fields.clone();
        wire.remove("id");
        wire.remove("uid");
        // A reference that no longer resolves is left empty, as elsewhere.
        let _ = try_map_references(kind, &mut wire, |target, value| match value.as_u64() {
            Some(id) => super::take::global_id(&*self.txn, target, id).map(|uid| uid.map(Value::String)),
            None => Ok(None),
        })?;
        let mut out: BTreeMap<String, (Clock, Value)> = wire
            .into_iter()
            .map(|(name, value)| (name.clone(), (tracked.clock_of(&name).clone(), value)))
            .collect();
        // A field emptied here is a write too, with its clock.
        for (name, clock) in &tracked.fields {
            out.entry(name.clone()).or_insert_with(|| (clock.clone(), Value::Null));
        }
        Ok(out)
    }

    /// One referrer per account: where two devices each gave an account a
    /// different one, the earlier is kept and the other goes into the
    /// account's note (in `line`'s words).
    pub fn settle_referrers(&mut self, line: impl Fn(&str) -> String) -> Result<Vec<Settled>, StoreError> {
        let mut settled = Vec::new();
        for referee in std::mem::take(&mut self.referees) {
            let referee = AccountId(referee);
            let mut referrals: Vec<(Clock, crate::domain::Referral)> = Vec::new();
            for referral in self.txn.referrals_of(referee)? {
                if referral.referee != referee {
                    continue;
                }
                let made = match self.tracked(&referral.uid.to_string())? {
                    Some(tracked) => tracked.made,
                    None => continue,
                };
                referrals.push((made, referral));
            }
            if referrals.len() < 2 {
                continue;
            }
            referrals.sort_by(|a, b| a.0.cmp(&b.0));
            let Some(mut account) = self.txn.account(referee)? else { continue };
            let name_of = |txn: &Txn<'_>, id: AccountId| -> Result<String, StoreError> {
                Ok(txn.account(id)?.map(|r| r.account.name).unwrap_or_else(|| id.to_string()))
            };
            let kept = name_of(self.txn, referrals[0].1.referrer)?;
            for (made, dropped) in referrals.drain(1..) {
                let key = dropped.uid.to_string();
                let mut local = local_op(Action::Remove, Kind::Referral, dropped.id.0, &key);
                local.uid = dropped.uid;
                if let Err(reason) = self.txn.apply(&local) {
                    self.refused.push(format!("referral {key}: {reason}"));
                    continue;
                }
                if let Some(mut tracked) = self.tracked(&key)? {
                    tracked.removed = Some(made.clone());
                    self.keep(&key, &tracked);
                }
                // Its thanks and its introduction go with it.
                let mut serving = self.txn.follow_ups_of(dropped.referrer)?;
                serving.extend(self.txn.follow_ups_of(referee)?);
                for follow_up in serving.into_iter().filter(|f| f.referral == Some(dropped.id)) {
                    let key = follow_up.uid.to_string();
                    let mut local = local_op(Action::Remove, Kind::FollowUp, follow_up.id.0, &key);
                    local.account = Some(follow_up.account.0);
                    if let Err(reason) = self.txn.apply(&local) {
                        self.refused.push(format!("follow-up {key}: {reason}"));
                        continue;
                    }
                    if let Some(mut tracked) = self.tracked(&key)? {
                        tracked.removed = Some(made.clone());
                        self.keep(&key, &tracked);
                    }
                }
                let dropped_name = name_of(self.txn, dropped.referrer)?;
                let note = line(&dropped_name);
                let mut text = account.account.note.clone().unwrap_or_default();
                if !text.lines().any(|existing| existing == note) {
                    if !text.is_empty() {
                        text.push('\n');
                    }
                    text.push_str(&note);
                }
                account.account.note = Some(text);
                settled.push(Settled::SecondReferrer {
                    account: account.account.name.clone(),
                    kept: kept.clone(),
                    dropped: dropped_name,
                });
            }
            self.txn.put_account(&account)?;
        }
        Ok(settled)
    }
}
