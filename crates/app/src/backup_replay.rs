//! A backup brought up to date with the journal, in memory: the daily
//! backup is the previous one plus the journal after it, written from
//! files alone, so it needs neither sled nor the store's lock and can be
//! written while the rep goes on working.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::backup::Backup;
use super::store::journal::{Action, Contents, Kind, Op, fields_of, from_fields, overlay};
use crate::domain::{Account, Competitor, DayRecord, FollowUp, Order, Referral, Touch};

/// The book as maps by id, for applying operations.
#[derive(Default)]
struct Book {
    accounts: BTreeMap<u64, Account>,
    touches: BTreeMap<u64, Touch>,
    orders: BTreeMap<u64, Order>,
    follow_ups: BTreeMap<u64, FollowUp>,
    referrals: BTreeMap<u64, Referral>,
    competitors: BTreeMap<u64, Competitor>,
    days: BTreeMap<NaiveDate, DayRecord>,
}

fn set<T: serde::de::DeserializeOwned>(map: &mut BTreeMap<u64, T>, op: &Op) -> Result<(), String> {
    let id = op.id.ok_or("it names no record")?;
    match op.op {
        Action::Set => map.insert(id, from_fields(op.fields.clone())?),
        Action::Remove => map.remove(&id),
    };
    Ok(())
}

impl Book {
    fn apply(&mut self, op: &Op) -> Result<(), String> {
        match op.kind {
            Kind::Account => {
                let id = op.id.ok_or("it names no record")?;
                match (op.op, self.accounts.remove(&id)) {
                    (Action::Set, Some(held)) => {
                        self.accounts.insert(id, from_fields(overlay(fields_of(&held), &op.fields))?);
                    }
                    (Action::Set, None) => {
                        self.accounts.insert(id, from_fields(op.fields.clone())?);
                    }
                    (Action::Remove, _) => {}
                }
                Ok(())
            }
            Kind::Touch => set(&mut self.touches, op),
            Kind::Order => set(&mut self.orders, op),
            Kind::FollowUp => set(&mut self.follow_ups, op),
            Kind::Referral => set(&mut self.referrals, op),
            Kind::Competitor => set(&mut self.competitors, op),
            Kind::Day => {
                let day = op.day.ok_or("it names no day")?;
                match op.op {
                    Action::Set => self.days.insert(day, from_fields(op.fields.clone())?),
                    Action::Remove => self.days.remove(&day),
                };
                Ok(())
            }
        }
    }
}

/// `base` with every change of the journal after what it covers; says
/// which operations could not be applied. Its `covers` becomes the newest
/// change applied.
pub fn bring_up_to_date(base: Backup, contents: &Contents) -> (Backup, Vec<String>) {
    let covered = base.covers.unwrap_or(0);
    let mut book = Book {
        accounts: base.accounts.into_iter().map(|r| (r.id.0, r)).collect(),
        touches: base.touches.into_iter().map(|r| (r.id.0, r)).collect(),
        orders: base.orders.into_iter().map(|r| (r.id.0, r)).collect(),
        follow_ups: base.follow_ups.into_iter().map(|r| (r.id.0, r)).collect(),
        referrals: base.referrals.into_iter().map(|r| (r.id.0, r)).collect(),
        competitors: base.competitors.into_iter().map(|r| (r.id.0, r)).collect(),
        days: base.days.into_iter().map(|r| (r.date, r)).collect(),
    };
    let mut problems = Vec::new();
    let mut newest = covered;
    for change in contents.changes.iter().filter(|change| change[0].seq > covered) {
        for entry in change {
            for op in &entry.ops {
                if let Err(reason) = book.apply(op) {
                    problems.push(format!(
                        "change #{} ({}): {}: {reason}",
                        entry.seq,
                        entry.what,
                        op.describe()
                    ));
                }
            }
        }
        newest = change[0].seq;
    }
    let mut out = Backup::new();
    out.covers = Some(newest);
    out.accounts = book.accounts.into_values().collect();
    out.touches = book.touches.into_values().collect();
    out.orders = book.orders.into_values().collect();
    out.follow_ups = book.follow_ups.into_values().collect();
    out.referrals = book.referrals.into_values().collect();
    out.competitors = book.competitors.into_values().collect();
    out.days = book.days.into_values().collect();
    (out, problems)
}
