//! What travels through the server: each operation names its record by its
//! global id (a day record by its day), never by a device's own numbers,
//! and every reference to another record is that record's global id.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::clock::Clock;
use crate::store::journal::{Action, Kind};

/// One operation as the server holds it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WireOp {
    pub op: Action,
    pub kind: Kind,
    /// The record's global id, or `day:YYYY-MM-DD`.
    pub key: String,
    pub clock: Clock,
    /// A record made (all its fields), not one changed (those that changed,
    /// `null` for one now empty).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub new: bool,
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub fields: Map<String, Value>,
    /// An account removed by a merge: the one it became, which takes what
    /// other devices gave it meanwhile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<String>,
}

/// The kind of record a reference points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    Account,
    Competitor,
    FollowUp,
    Referral,
}

/// Where a reference sits in a record's fields.
#[derive(Clone, Copy, Debug)]
enum Place {
    /// The field itself.
    Field,
    /// A field of the object the field holds.
    Inside(&'static str),
    /// A field of each object of the list the field holds.
    InEach(&'static str),
}

/// What to do with a reference that does not resolve on this side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum IfMissing {
    /// The record cannot be without it: the operation is dropped.
    DropRecord,
    /// Left empty.
    Clear,
    /// The list item that holds it is dropped.
    DropItem,
}

const fn reference(
    field: &'static str,
    place: Place,
    target: Target,
    missing: IfMissing,
) -> (&'static str, Place, Target, IfMissing) {
    (field, place, target, missing)
}

type Reference = (&'static str, Place, Target, IfMissing);

fn references(kind: Kind) -> &'static [Reference] {
    use IfMissing::*;
    use Place::*;
    use Target::*;
    const ACCOUNT: &[Reference] = &[
        reference("archived", Inside("lost_to"), Competitor, Clear),
        reference("competitor_notes", InEach("competitor"), Competitor, Clear),
    ];
    const TOUCH: &[Reference] =
        &[reference("account", Field, Account, DropRecord), reference("lost_to", Field, Competitor, Clear)];
    const ORDER: &[Reference] = &[reference("account", Field, Account, DropRecord)];
    const FOLLOW_UP: &[Reference] =
        &[reference("account", Field, Account, DropRecord), reference("referral", Field, Referral, Clear)];
    const REFERRAL: &[Reference] = &[
        reference("referrer", Field, Account, DropRecord),
        reference("referee", Field, Account, DropRecord),
    ];
    const COMPETITOR: &[Reference] = &[reference("merged_into", Field, Competitor, Clear)];
    const DAY: &[Reference] = &[
        reference("plan", InEach("account"), Account, DropItem),
        reference("plan", InEach("follow_up"), FollowUp, Clear),
    ];
    match kind {
        Kind::Account => ACCOUNT,
        Kind::Touch => TOUCH,
        Kind::Order => ORDER,
        Kind::FollowUp => FOLLOW_UP,
        Kind::Referral => REFERRAL,
        Kind::Competitor => COMPETITOR,
        Kind::Day => DAY,
    }
}

/// A reference that did not resolve, where the record cannot be without it.
#[derive(Debug, PartialEq, Eq)]
pub struct Dangling {
    pub field: &'static str,
}

/// Rewrites the references of a record's fields (local numbers to global
/// ids, or back): `resolve` gives the other side's value, `None` when it
/// has none.
pub fn map_references(
    kind: Kind,
    fields: &mut Map<String, Value>,
    mut resolve: impl FnMut(Target, &Value) -> Option<Value>,
) -> Result<(), Dangling> {
    for &(field, place, target, missing) in references(kind) {
        let Some(value) = fields.get_mut(field) else { continue };
        match place {
            Place::Field => {
                if value.is_null() {
                    continue;
                }
                match resolve(target, value) {
                    Some(resolved) => *value = resolved,
                    None if missing == IfMissing::DropRecord => return Err(Dangling { field }),
                    None => *value = Value::Null,
                }
            }
            Place::Inside(inner) => {
                if let Some(slot) = value.as_object_mut().and_then(|object| object.get_mut(inner)) {
                    if !slot.is_null() {
                        *slot = resolve(target, slot).unwrap_or(Value::Null);
                    }
                }
            }
            Place::InEach(inner) => {
                let Some(items) = value.as_array_mut() else { continue };
                items.retain_mut(|item| {
                    let Some(slot) = item.as_object_mut().and_then(|object| object.get_mut(inner)) else {
                        return true;
                    };
                    if slot.is_null() {
                        return true;
                    }
                    match resolve(target, slot) {
                        Some(resolved) => {
                            *slot = resolved;
                            true
                        }
                        None => {
                            *slot = Value::Null;
                            missing != IfMissing::DropItem
                        }
                    }
                });
            }
        }
    }
    Ok(())
}

/// [`map_references`] with a lookup that can fail: its first error ends
/// the mapping.
pub fn try_map_references<E>(
    kind: Kind,
    fields: &mut Map<String, Value>,
    mut resolve: impl FnMut(Target, &Value) -> Result<Option<Value>, E>,
) -> Result<Result<(), Dangling>, E> {
    let mut failed = None;
    let mapped = map_references(kind, fields, |target, value| {
        if failed.is_some() {
            return None;
        }
        resolve(target, value).unwrap_or_else(|error| {
            failed = Some(error);
            None
        })
    });
    match failed {
        Some(error) => Err(error),
        None => Ok(mapped),
    }
}

/// A day record's key.
pub fn day_key(day: chrono::NaiveDate) -> String {
    format!("day:{day}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn references_become_the_other_sides_and_an_unknown_one_is_dropped_as_its_place_says() {
        let mut plan = json!({"date": "2026-12-07", "plan": [
            {"account": 1, "follow_up": 7, "kind": "due"},
            {"account": 2, "kind": "key"},
        ]});
        let resolve = |target: Target, value: &Value| match (target, value.as_u64()) {
            (Target::Account, Some(1)) => Some(json!("uid-1")),
            _ => None,
        };
        map_references(Kind::Day, plan.as_object_mut().unwrap(), resolve).unwrap();
        assert_eq!(plan["plan"], json!([{"account": "uid-1", "follow_up": null, "kind": "due"}]));

        let mut touch = json!({"account": 2, "lost_to": 3, "note": "x"});
        assert_eq!(
            map_references(Kind::Touch, touch.as_object_mut().unwrap(), resolve),
            Err(Dangling { field: "account" })
        );
        let mut touch = json!({"account": 1, "lost_to": 3});
        map_references(Kind::Touch, touch.as_object_mut().unwrap(), resolve).unwrap();
        assert_eq!(touch, json!({"account": "uid-1", "lost_to": null}));
    }
}
