//! A change's operations, read off the keys its batch writes: what the
//! rep did to which record, without the store's layout (chunks, indexes).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::super::{AccountRecord, StoreError, codec, keys};
use crate::domain::{Account, Competitor, DayRecord, FollowUp, Order, Referral, Touch, Uid};

/// The kinds of record the journal knows; everything else in the store is
/// derived from them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Account,
    Touch,
    Order,
    FollowUp,
    Referral,
    Competitor,
    Day,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// A record created (`new`), or changed.
    Set,
    Remove,
}

/// One operation on one record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Op {
    pub op: Action,
    pub kind: Kind,
    /// The record's local number (every kind but days).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u64>,
    /// A day record's day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Uid::is_nil")]
    pub uid: Uid,
    /// The account a touch, order or follow-up belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<u64>,
    /// The account it belonged to before the change (a merge moves them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<u64>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub new: bool,
    /// The record's fields after the change: all of them, except for an
    /// account that existed, which lists only those that changed (`null`:
    /// now empty).
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub fields: Map<String, Value>,
    /// For a record that existed: the names of the fields that changed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changed: Vec<String>,
}

impl Op {
    fn new(op: Action, kind: Kind) -> Op {
        Op {
            op,
            kind,
            id: None,
            day: None,
            uid: Uid::NIL,
            account: None,
            from: None,
            new: false,
            fields: Map::new(),
            changed: Vec::new(),
        }
    }

    fn created<T: Child>(record: &T) -> Op {
        let mut op = Op::new(Action::Set, T::KIND);
        op.id = Some(record.id());
        op.uid = record.uid();
        op.account = record.owner();
        op.new = true;
        op.fields = object(record);
        op
    }

    pub fn created_account(account: &Account) -> Op {
        let mut op = Op::new(Action::Set, Kind::Account);
        op.id = Some(account.id.0);
        op.uid = account.uid;
        op.new = true;
        op.fields = object(account);
        op
    }

    pub fn created_follow_up(follow_up: &FollowUp) -> Op {
        Op::created(follow_up)
    }

    pub fn created_competitor(competitor: &Competitor) -> Op {
        Op::created(competitor)
    }

    /// What an operation is about, for a message.
    pub fn describe(&self) -> String {
        let kind = serde_json::to_value(self.kind).ok().and_then(|v| v.as_str().map(str::to_string));
        let kind = kind.unwrap_or_default();
        match (self.id, self.day) {
            (Some(id), _) => format!("{kind} {id}"),
            (None, Some(day)) => format!("{kind} {day}"),
            (None, None) => kind,
        }
    }
}

/// A record's fields with an operation's on top (`null` removes one).
pub fn overlay(mut record: Map<String, Value>, fields: &Map<String, Value>) -> Map<String, Value> {
    for (name, value) in fields {
        if value.is_null() {
            record.remove(name);
        } else {
            record.insert(name.clone(), value.clone());
        }
    }
    record
}

/// The record the fields make.
pub fn from_fields<T: DeserializeOwned>(fields: Map<String, Value>) -> Result<T, String> {
    serde_json::from_value(Value::Object(fields)).map_err(|e| format!("its fields do not make a record: {e}"))
}

/// A record's fields, as an operation holds them.
pub fn fields_of<T: serde::Serialize>(record: &T) -> Map<String, Value> {
    match serde_json::to_value(record) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

/// A key the batch writes, with its value before and after.
pub struct Written<'a> {
    pub key: &'a [u8],
    pub before: Option<&'a [u8]>,
    pub after: Option<&'a [u8]>,
}

fn object<T: Serialize>(record: &T) -> Map<String, Value> {
    fields_of(record)
}

fn changed_fields(before: &Map<String, Value>, after: &Map<String, Value>) -> Vec<String> {
    let mut names: Vec<&String> = before.keys().chain(after.keys()).collect();
    names.sort();
    names.dedup();
    names.into_iter().filter(|name| before.get(*name) != after.get(*name)).cloned().collect()
}

/// A child record (touch, order, follow-up, referral) as the journal sees it.
pub(super) trait Child: Serialize {
    const KIND: Kind;
    fn id(&self) -> u64;
    fn uid(&self) -> Uid;
    fn owner(&self) -> Option<u64>;
}

macro_rules! child {
    ($type:ty, $kind:expr, $owner:expr) => {
        impl Child for $type {
            const KIND: Kind = $kind;
            fn id(&self) -> u64 {
                self.id.0
            }
            fn uid(&self) -> Uid {
                self.uid
            }
            fn owner(&self) -> Option<u64> {
                #[allow(clippy::redundant_closure_call)]
                ($owner)(self)
            }
        }
    };
}

child!(Touch, Kind::Touch, |t: &Touch| Some(t.account.0));
child!(Order, Kind::Order, |o: &Order| Some(o.account.0));
child!(FollowUp, Kind::FollowUp, |f: &FollowUp| Some(f.account.0));
child!(Referral, Kind::Referral, |_: &Referral| None);
child!(Competitor, Kind::Competitor, |_: &Competitor| None);

/// Records of one kind before and after, by id.
struct Sides<T> {
    before: BTreeMap<u64, T>,
    after: BTreeMap<u64, T>,
}

impl<T: Child + PartialEq> Sides<T> {
    fn new() -> Sides<T> {
        Sides { before: BTreeMap::new(), after: BTreeMap::new() }
    }

    fn add(&mut self, before: Vec<T>, after: Vec<T>) {
        self.before.extend(before.into_iter().map(|r| (r.id(), r)));
        self.after.extend(after.into_iter().map(|r| (r.id(), r)));
    }

    fn ops(self, sets: &mut Vec<Op>, removals: &mut Vec<Op>) {
        let Sides { mut before, after } = self;
        for (id, record) in after {
            let old = before.remove(&id);
            if old.as_ref() == Some(&record) {
                continue;
            }
            let fields = object(&record);
            let mut op = Op::new(Action::Set, T::KIND);
            op.id = Some(id);
            op.uid = record.uid();
            op.account = record.owner();
            match old {
                Some(old) => {
                    op.changed = changed_fields(&object(&old), &fields);
                    op.from = old.owner().filter(|owner| Some(*owner) != record.owner());
                }
                None => op.new = true,
            }
            op.fields = fields;
            sets.push(op);
        }
        for (id, record) in before {
            let mut op = Op::new(Action::Remove, T::KIND);
            op.id = Some(id);
            op.uid = record.uid();
            op.account = record.owner();
            removals.push(op);
        }
    }
}

fn decoded<T: serde::de::DeserializeOwned>(
    key: &[u8],
    value: Option<&[u8]>,
) -> Result<Option<T>, StoreError> {
    value.map(|value| codec::decode(key, value)).transpose()
}

fn listed<T: serde::de::DeserializeOwned>(key: &[u8], value: Option<&[u8]>) -> Result<Vec<T>, StoreError> {
    Ok(decoded::<Vec<T>>(key, value)?.unwrap_or_default())
}

/// The operations a batch carries out. Sets come first (accounts before
/// what belongs to them), then removals (what belongs to an account before
/// the account), so a replay in this order never meets a dangling record.
pub fn operations(written: &[Written<'_>]) -> Result<Vec<Op>, StoreError> {
    let mut account_sets = Vec::new();
    let mut account_removals = Vec::new();
    let mut touches = Sides::<Touch>::new();
    let mut orders = Sides::<Order>::new();
    let mut follow_ups = Sides::<FollowUp>::new();
    let mut referrals = Sides::<Referral>::new();
    let mut competitors = Sides::<Competitor>::new();
    let mut days = Vec::new();
    for Written { key, before, after } in written {
        match key.first().copied() {
            Some(keys::ACCOUNT) => {
                let old = decoded::<AccountRecord>(key, *before)?.map(|r| r.account);
                let new = decoded::<AccountRecord>(key, *after)?.map(|r| r.account);
                match (old, new) {
                    (old, Some(new)) if old.as_ref() != Some(&new) => {
                        let mut op = Op::new(Action::Set, Kind::Account);
                        op.id = Some(new.id.0);
                        op.uid = new.uid;
                        let after = object(&new);
                        match old {
                            Some(old) => {
                                let before = object(&old);
                                op.changed = changed_fields(&before, &after);
                                op.fields = op
                                    .changed
                                    .iter()
                                    .map(|name| {
                                        (name.clone(), after.get(name).cloned().unwrap_or(Value::Null))
                                    })
                                    .collect();
                            }
                            None => {
                                op.new = true;
                                op.fields = after;
                            }
                        }
                        account_sets.push(op);
                    }
                    (Some(old), None) => {
                        let mut op = Op::new(Action::Remove, Kind::Account);
                        op.id = Some(old.id.0);
                        op.uid = old.uid;
                        // What it was: sync can make it again where two
                        // merges the opposite ways leave it the one kept.
                        op.fields = object(&old);
                        account_removals.push(op);
                    }
                    _ => {}
                }
            }
            Some(keys::TOUCHES) => touches.add(listed(key, *before)?, listed(key, *after)?),
            Some(keys::ORDERS) => orders.add(listed(key, *before)?, listed(key, *after)?),
            Some(keys::FOLLOW_UP) => follow_ups.add(
                decoded(key, *before)?.into_iter().collect(),
                decoded(key, *after)?.into_iter().collect(),
            ),
            Some(keys::REFERRAL) => referrals.add(
                decoded(key, *before)?.into_iter().collect(),
                decoded(key, *after)?.into_iter().collect(),
            ),
            Some(keys::COMPETITOR) => competitors.add(
                decoded(key, *before)?.into_iter().collect(),
                decoded(key, *after)?.into_iter().collect(),
            ),
            Some(keys::DAY_RECORD) => {
                let old = decoded::<DayRecord>(key, *before)?;
                let new = decoded::<DayRecord>(key, *after)?;
                match (old, new) {
                    (old, Some(new)) if old.as_ref() != Some(&new) => {
                        let mut op = Op::new(Action::Set, Kind::Day);
                        op.day = Some(new.date);
                        op.new = old.is_none();
                        if let Some(old) = old {
                            op.changed = changed_fields(&object(&old), &object(&new));
                        }
                        op.fields = object(&new);
                        days.push(op);
                    }
                    (Some(old), None) => {
                        let mut op = Op::new(Action::Remove, Kind::Day);
                        op.day = Some(old.date);
                        days.push(op);
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    // Competitors first: an account's notes name them.
    let mut ops = Vec::new();
    let mut removals = Vec::new();
    competitors.ops(&mut ops, &mut removals);
    ops.extend(account_sets);
    touches.ops(&mut ops, &mut removals);
    orders.ops(&mut ops, &mut removals);
    follow_ups.ops(&mut ops, &mut removals);
    referrals.ops(&mut ops, &mut removals);
    ops.extend(days);
    ops.extend(removals);
    ops.extend(account_removals);
    Ok(ops)
}

/// Whether a key holds a record the journal keeps (the rest is derived).
pub fn is_journaled(key: &[u8]) -> bool {
    matches!(
        key.first(),
        Some(
            &keys::ACCOUNT
                | &keys::TOUCHES
                | &keys::ORDERS
                | &keys::FOLLOW_UP
                | &keys::REFERRAL
                | &keys::COMPETITOR
                | &keys::DAY_RECORD
        )
    )
}
