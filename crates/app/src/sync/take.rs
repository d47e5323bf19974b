//! Taking the changes made here into the outbox: each change of the
//! journal since the last sync (or, on a device's first sync, the whole
//! book as one change), its records named by their global ids, stamped
//! with the device's clock. The clocks of what it wrote are kept with it.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use serde_json::{Map, Value};

use super::clock::{Clock, Hlc};
use super::state::{Queued, Tracked, names};
use super::wire::{Target, WireOp, day_key, try_map_references};
use crate::domain::{AccountId, CompetitorId, FollowUpId, ReferralId, Uid};
use crate::store::journal::{self, Action, Kind, Op, fields_of};
use crate::store::{Records, Store, StoreError, Txn};

/// Operations per row the server holds.
pub const OPS_PER_ROW: usize = 5_000;

/// Who this device is on the server.
#[derive(Clone, Debug)]
pub struct Identity {
    pub device: String,
    pub origin: String,
}

/// One change of this device's, as its journal or the book gives it.
struct Local {
    seq: u64,
    at: NaiveDateTime,
    summary: String,
    ops: Vec<Op>,
    /// Accounts the change merged away, each with the one kept.
    merged: Vec<(u64, u64)>,
}

/// Takes what changed here since the last sync into the outbox; says how
/// many changes it took.
pub fn take(store: &Store, me: &Identity, now: NaiveDateTime) -> Result<usize, StoreError> {
    let newest = store.newest_seq()?;
    let taken_before = store.sync_taken()?;
    let first = taken_before.is_none();
    let changes = match taken_before {
        Some(taken) => journal_since(store, taken)?,
        None => None,
    };
    let txn = store.begin();
    let hlc = txn.sync_value::<Hlc>(names::CLOCK)?.unwrap_or_default();
    let mut taker = Taker { store, txn: Some(txn), now, hlc, me, known: HashMap::new() };
    if first {
        // What a first take cut off left: it is taken again whole.
        for rest in store.sync_names(names::OUTBOX)? {
            taker.txn().remove_sync(&[names::OUTBOX, rest.as_slice()].concat());
        }
    }
    let mut taken = 0;
    let mut newest_taken = newest;
    match &changes {
        Some(changes) => {
            // Every record the changes name, first: a change can name one
            // that a later change removed (a touch logged on an account
            // merged away since).
            for op in changes.iter().flat_map(|change| &change.ops) {
                taker.know(op);
            }
            for change in changes.iter().filter(|change| !change.ops.is_empty()) {
                taker.take_change(change)?;
                taken += 1;
            }
            newest_taken = newest_taken.max(changes.iter().map(|c| c.seq).max().unwrap_or(0));
        }
        // A first sync, or the journal no longer holds all that was not
        // taken: the book is sent whole, a row at a time.
        None => {
            let book = store.salvage();
            let change =
                Local { seq: newest, at: now, summary: "book".into(), ops: Vec::new(), merged: Vec::new() };
            let clock = taker.hlc.tick(now, &me.device, &me.origin);
            if taker.take_ops(&change, &clock, book_ops(&book))? {
                taken += 1;
            }
        }
    }
    let hlc = taker.hlc.clone();
    let mut txn = taker.txn.take().expect("a transaction is open");
    txn.put_sync(names::CLOCK, &hlc);
    txn.set_sync_taken(newest_taken);
    txn.commit("", now)?;
    // The next sync reads the journal from a segment of its own, not the
    // whole segment a big change (an import, the first fill) was written to.
    store.rotate_journal(newest, None, now.date())?;
    Ok(taken)
}

/// The book as devices compare it: every record by its global id (a day
/// record by its day), with its fields and its references as global ids,
/// without the local numbers each device gives them.
pub fn canonical(store: &Store) -> Result<std::collections::BTreeMap<String, Value>, StoreError> {
    let book = snapshot(store, 0, NaiveDateTime::default())?;
    let me = Identity { device: String::new(), origin: String::new() };
    let mut taker = Taker {
        store,
        txn: Some(store.begin()),
        now: NaiveDateTime::default(),
        hlc: Hlc::default(),
        me: &me,
        known: HashMap::new(),
    };
    let clock = Clock(0, 0, String::new(), String::new());
    let mut out = std::collections::BTreeMap::new();
    for op in &book.ops {
        if let Some(wire) = taker.wire_op(op, &clock, None)? {
            let kind = serde_json::to_value(wire.kind).unwrap_or_default();
            let kind = kind.as_str().unwrap_or_default();
            let mut fields = Value::Object(wire.fields);
            drop_nulls(&mut fields);
            out.insert(format!("{kind} {}", wire.key), fields);
        }
    }
    Ok(out)
}

/// An empty field is one left out.
fn drop_nulls(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|_, v| !v.is_null());
            map.values_mut().for_each(drop_nulls);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_nulls),
        _ => {}
    }
}

/// Changes made here and not yet taken to send.
pub fn untaken(store: &Store) -> Result<usize, StoreError> {
    match store.sync_taken()? {
        None => Ok(usize::from(store.newest_seq()? > 0)),
        Some(taken) => Ok(match journal_since(store, taken)? {
            Some(changes) => changes.iter().filter(|c| !c.ops.is_empty()).count(),
            None => 1,
        }),
    }
}

/// The changes made here after `taken`, but those pulled from the server;
/// `None` when the journal no longer reaches back that far.
fn journal_since(store: &Store, taken: u64) -> Result<Option<Vec<Local>>, StoreError> {
    let dir = journal::dir_of(store.dir());
    let contents = journal::read_after(&dir, taken)
        .map_err(|source| StoreError::Io { path: dir.display().to_string(), source })?;
    let newest = store.newest_seq()?;
    let reaches = match contents.first {
        Some(first) => first <= taken + 1,
        None => newest <= taken,
    };
    if !reaches {
        return Ok(None);
    }
    Ok(Some(
        contents
            .changes
            .into_iter()
            .filter(|entries| entries[0].seq > taken && entries[0].pulled.is_none())
            .map(|entries| Local {
                seq: entries[0].seq,
                at: entries[0].at,
                summary: entries[0].what.clone(),
                merged: entries[0].merged.clone(),
                ops: entries.into_iter().flat_map(|entry| entry.ops).collect(),
            })
            .collect(),
    ))
}

/// The whole book as one change of records made.
fn snapshot(store: &Store, newest: u64, now: NaiveDateTime) -> Result<Local, StoreError> {
    let book = store.salvage();
    let ops = book_ops(&book).collect();
    Ok(Local { seq: newest, at: now, summary: "book".to_string(), ops, merged: Vec::new() })
}

/// Every record of the book as made, one at a time, each after those it
/// names.
fn book_ops(book: &crate::store::Salvaged) -> impl Iterator<Item = Op> + '_ {
    let competitors =
        book.competitors.iter().map(|c| made_op(Kind::Competitor, c.id.0, c.uid, None, fields_of(c)));
    let accounts = book.accounts.iter().map(|r| {
        let account = &r.account;
        made_op(Kind::Account, account.id.0, account.uid, None, fields_of(account))
    });
    let referrals = book.referrals.iter().map(|r| made_op(Kind::Referral, r.id.0, r.uid, None, fields_of(r)));
    let follow_ups = book
        .follow_ups
        .iter()
        .map(|f| made_op(Kind::FollowUp, f.id.0, f.uid, Some(f.account.0), fields_of(f)));
    let touches =
        book.touches.iter().map(|t| made_op(Kind::Touch, t.id.0, t.uid, Some(t.account.0), fields_of(t)));
    let orders =
        book.orders.iter().map(|o| made_op(Kind::Order, o.id.0, o.uid, Some(o.account.0), fields_of(o)));
    let days = book.days.iter().map(|day| {
        let mut op = made_op(Kind::Day, 0, Uid::NIL, None, fields_of(day));
        op.id = None;
        op.day = Some(day.date);
        op
    });
    competitors.chain(accounts).chain(referrals).chain(follow_ups).chain(touches).chain(orders).chain(days)
}

/// A record made, as the journal would hold it.
fn made_op(kind: Kind, id: u64, uid: Uid, owner: Option<u64>, fields: Map<String, Value>) -> Op {
    Op {
        op: Action::Set,
        kind,
        id: Some(id),
        day: None,
        uid,
        account: owner,
        from: None,
        new: true,
        fields,
        changed: Vec::new(),
    }
}

/// An account and everything of its own (touches, orders, follow-ups, the
/// competitors it names), as records made now in another book: what a
/// handover sends. Referrals stay: they tie it to accounts of this book.
pub fn handed_over(
    store: &Store,
    me: &Identity,
    hlc: &mut Hlc,
    account: &crate::domain::Account,
    now: NaiveDateTime,
) -> Result<Vec<WireOp>, StoreError> {
    let id = account.id;
    let mut ops = Vec::new();
    let competitors: std::collections::BTreeSet<CompetitorId> = account
        .competitor_notes
        .iter()
        .filter_map(|note| note.competitor)
        .chain(account.archived.as_ref().and_then(|a| a.lost_to))
        .collect();
    for competitor in competitors {
        if let Some(competitor) = store.competitor(competitor)? {
            ops.push(made_op(
                Kind::Competitor,
                competitor.id.0,
                competitor.uid,
                None,
                fields_of(&competitor),
            ));
        }
    }
    ops.push(made_op(Kind::Account, id.0, account.uid, None, fields_of(account)));
    for touch in store.touches(id)? {
        ops.push(made_op(Kind::Touch, touch.id.0, touch.uid, Some(id.0), fields_of(&touch)));
    }
    for order in store.orders(id)? {
        ops.push(made_op(Kind::Order, order.id.0, order.uid, Some(id.0), fields_of(&order)));
    }
    for follow_up in store.follow_ups_of(id)? {
        ops.push(made_op(Kind::FollowUp, follow_up.id.0, follow_up.uid, Some(id.0), fields_of(&follow_up)));
    }
    let mut taker =
        Taker { store, txn: Some(store.begin()), now, hlc: hlc.clone(), me, known: HashMap::new() };
    let clock = taker.hlc.tick(now, &me.device, &me.origin);
    let mut wire = Vec::with_capacity(ops.len());
    for op in &ops {
        wire.extend(taker.wire_op(op, &clock, None)?);
    }
    *hlc = taker.hlc.clone();
    Ok(wire)
}

struct Taker<'a, 's> {
    store: &'s Store,
    /// Committed after each row taken, so that a first sync of a big book
    /// holds one row in memory, not the whole book.
    txn: Option<Txn<'s>>,
    now: NaiveDateTime,
    hlc: Hlc,
    me: &'a Identity,
    /// Global ids of the records the changes taken so far name, by kind
    /// and local number (a record since removed is found here).
    known: HashMap<(Target, u64), String>,
}

impl<'s> Taker<'_, 's> {
    fn know(&mut self, op: &Op) {
        if let (Some(target), Some(id), false) = (target_of(op.kind), op.id, op.uid.is_nil()) {
            self.known.insert((target, id), op.uid.to_string());
        }
    }

    fn txn(&mut self) -> &mut Txn<'s> {
        self.txn.as_mut().expect("a transaction is open")
    }

    fn take_change(&mut self, change: &Local) -> Result<(), StoreError> {
        let clock = self.hlc.tick(change.at, &self.me.device, &self.me.origin);
        self.take_ops(change, &clock, in_dependency_order(&change.ops).into_iter().cloned())?;
        Ok(())
    }

    /// Takes a change's operations into the outbox, a row at a time; says
    /// whether any was taken.
    fn take_ops(
        &mut self,
        change: &Local,
        clock: &Clock,
        ops: impl Iterator<Item = Op>,
    ) -> Result<bool, StoreError> {
        let mut wire = Vec::new();
        let mut part = 0;
        for op in ops {
            let merged_into = match (op.kind, op.op) {
                (Kind::Account, Action::Remove) => self.merged_into(change, &op)?,
                _ => None,
            };
            if let Some(wire_op) = self.wire_op(&op, clock, merged_into)? {
                self.track(&op, &wire_op)?;
                wire.push(wire_op);
            }
            if wire.len() == OPS_PER_ROW {
                self.queue(change, part, std::mem::take(&mut wire))?;
                part += 1;
            }
        }
        let any = part > 0 || !wire.is_empty();
        if !wire.is_empty() {
            self.queue(change, part, wire)?;
        }
        Ok(any)
    }

    /// Puts a row in the outbox; a full one is committed at once.
    fn queue(&mut self, change: &Local, part: u32, ops: Vec<WireOp>) -> Result<(), StoreError> {
        let full = ops.len() == OPS_PER_ROW;
        let queued = Queued { seq: change.seq, part, summary: change.summary.clone(), ops };
        self.txn().put_sync(&names::outbox(change.seq, part), &queued);
        if full {
            let txn = self.txn.take().expect("a transaction is open");
            txn.commit("", self.now)?;
            self.txn = Some(self.store.begin());
        }
        Ok(())
    }

    /// The account a merge folded the removed one into, as the change
    /// noted it (or, in a journal from before, where its records went).
    fn merged_into(&mut self, change: &Local, removed: &Op) -> Result<Option<String>, StoreError> {
        let kept = change.merged.iter().find(|(gone, _)| Some(*gone) == removed.id).map(|(_, kept)| *kept);
        // A journal from before merges were noted: where its records went.
        let kept = kept.or_else(|| {
            let moved = change.ops.iter().find(|op| op.from.is_some() && op.from == removed.id);
            moved.and_then(|op| op.account)
        });
        match kept {
            Some(id) => self.uid_of(Target::Account, id),
            None => Ok(None),
        }
    }

    fn wire_op(
        &mut self,
        op: &Op,
        clock: &Clock,
        merged_into: Option<String>,
    ) -> Result<Option<WireOp>, StoreError> {
        let key = match (op.kind, op.day) {
            (Kind::Day, Some(day)) => day_key(day),
            _ if op.uid.is_nil() => return Ok(None),
            _ => op.uid.to_string(),
        };
        let mut fields = match (op.op, op.new, op.kind) {
            // An account removed says what it was (the others keep it aside).
            (Action::Remove, _, _) => op.fields.clone(),
            (Action::Set, true, _) | (Action::Set, false, Kind::Account) => op.fields.clone(),
            (Action::Set, false, _) => op
                .changed
                .iter()
                .map(|name| (name.clone(), op.fields.get(name).cloned().unwrap_or(Value::Null)))
                .collect(),
        };
        fields.remove("id");
        fields.remove("uid");
        let mapped = try_map_references(op.kind, &mut fields, |target, value| match value.as_u64() {
            Some(id) => self.uid_of(target, id).map(|uid| uid.map(Value::String)),
            None => Ok(None),
        })?;
        if mapped.is_err() {
            return Ok(None);
        }
        Ok(Some(WireOp {
            op: op.op,
            kind: op.kind,
            key,
            clock: clock.clone(),
            new: op.new,
            fields,
            merged_into,
        }))
    }

    fn uid_of(&mut self, target: Target, id: u64) -> Result<Option<String>, StoreError> {
        if let Some(uid) = self.known.get(&(target, id)) {
            return Ok(Some(uid.clone()));
        }
        let uid = global_id(self.txn(), target, id)?;
        if let Some(uid) = &uid {
            self.known.insert((target, id), uid.clone());
        }
        Ok(uid)
    }

    /// Keeps the clocks of what the operation wrote.
    fn track(&mut self, op: &Op, wire: &WireOp) -> Result<(), StoreError> {
        let name = names::record(&wire.key);
        let id = op.id.unwrap_or(0);
        let tracked = match (op.op, op.new, self.txn().sync_value::<Tracked>(&name)?) {
            (Action::Set, false, Some(mut tracked)) if tracked.removed.is_none() => {
                for field in wire.fields.keys() {
                    tracked.fields.insert(field.clone(), wire.clock.clone());
                }
                tracked.owner = op.account;
                tracked
            }
            (Action::Set, _, _) => Tracked::made(op.kind, id, op.account, wire.clock.clone()),
            (Action::Remove, _, tracked) => {
                let mut tracked =
                    tracked.unwrap_or_else(|| Tracked::made(op.kind, id, op.account, wire.clock.clone()));
                tracked.pending = wire
                    .fields
                    .iter()
                    .map(|(name, value)| (name.clone(), (tracked.clock_of(name).clone(), value.clone())))
                    .collect();
                tracked.removed = Some(wire.clock.clone());
                tracked.merged_into = wire.merged_into.clone();
                tracked
            }
        };
        self.txn().put_sync(&name, &tracked);
        Ok(())
    }
}

/// The global id of the record a local number names, as `records` hold it.
pub fn global_id(records: &impl Records, target: Target, id: u64) -> Result<Option<String>, StoreError> {
    let uid = match target {
        Target::Account => records.account(AccountId(id))?.map(|r| r.account.uid),
        Target::Competitor => records.competitor(CompetitorId(id))?.map(|c| c.uid),
        Target::FollowUp => records.follow_up(FollowUpId(id))?.map(|f| f.uid),
        Target::Referral => records.referral(ReferralId(id))?.map(|r| r.uid),
    };
    Ok(uid.filter(|uid| !uid.is_nil()).map(|uid| uid.to_string()))
}

/// A change's operations with every record made before those that name
/// it (the journal lists follow-ups before the referral they serve), and
/// removals after, the names first.
fn in_dependency_order(ops: &[Op]) -> Vec<&Op> {
    let rank = |op: &Op| {
        let kind = match op.kind {
            Kind::Competitor => 0,
            Kind::Account => 1,
            Kind::Referral => 2,
            Kind::FollowUp => 3,
            Kind::Touch => 4,
            Kind::Order => 5,
            Kind::Day => 6,
        };
        match op.op {
            Action::Set => kind,
            Action::Remove => 20 - kind,
        }
    };
    let mut ordered: Vec<&Op> = ops.iter().collect();
    ordered.sort_by_key(|op| rank(op));
    ordered
}

/// The kind of reference a record of this kind is the target of.
pub fn target_of(kind: Kind) -> Option<Target> {
    match kind {
        Kind::Account => Some(Target::Account),
        Kind::Competitor => Some(Target::Competitor),
        Kind::FollowUp => Some(Target::FollowUp),
        Kind::Referral => Some(Target::Referral),
        Kind::Touch | Kind::Order | Kind::Day => None,
    }
}
