//! What a device keeps of the records it has exchanged: for each, by its
//! global id, its local number and the clock of the last write of each
//! field, or of its removal. Kept by the store beside the records and
//! written in the same batch as the change it accounts for.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::clock::Clock;
use crate::store::journal::Kind;

/// Names of sync's own values in the store.
pub mod names {
    /// This store's own id on the server (a uuid).
    pub const ORIGIN: &[u8] = b"origin";
    /// The hybrid logical clock ([`super::super::clock::Hlc`]).
    pub const CLOCK: &[u8] = b"clock";
    /// The newest server version pulled.
    pub const PULLED: &[u8] = b"pulled";
    /// Changes taken to send and not yet acknowledged, by number and part.
    pub const OUTBOX: &[u8] = b"out/";
    /// The records exchanged, by key.
    pub const RECORD: &[u8] = b"rec/";
    /// How the last sync went ([`super::LastSync`]).
    pub const LAST: &[u8] = b"last";

    pub fn record(key: &str) -> Vec<u8> {
        [RECORD, key.as_bytes()].concat()
    }

    pub fn outbox(seq: u64, part: u32) -> Vec<u8> {
        [OUTBOX, &seq.to_be_bytes()[..], &part.to_be_bytes()[..]].concat()
    }
}

/// How the last sync went.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LastSync {
    pub at: Option<chrono::NaiveDateTime>,
    /// What went wrong, in the rep's words; none when it went through.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The server could not be reached (the rep is offline).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub offline: bool,
}

/// One record as sync knows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tracked {
    pub kind: Kind,
    /// Its local number (0 for a day record, or one never held here).
    pub id: u64,
    /// The account a touch or order is listed under here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<u64>,
    /// When it was made: the clock of every field not written since.
    pub made: Clock,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, Clock>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub removed: Option<Clock>,
    /// An account removed by a merge: the account it became.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<String>,
    /// Fields written elsewhere while it was removed here (as they came,
    /// with their clocks): a later re-creation (an undone removal) takes
    /// those written after it, as a device that saw them in another order
    /// would.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub pending: BTreeMap<String, (Clock, serde_json::Value)>,
    /// Gone only because what it belongs to was gone here (not removed by
    /// anyone): `pending` holds all its fields, and it comes back when a
    /// change gives it something to belong to (a merge moved it).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub orphaned: bool,
    /// An account removed here: what of its own this device then moved to
    /// the account it was merged into, or set aside (by key), to be given
    /// back if it is made again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub handed_on: Vec<String>,
}

impl Tracked {
    pub fn made(kind: Kind, id: u64, owner: Option<u64>, clock: Clock) -> Tracked {
        Tracked {
            kind,
            id,
            owner,
            made: clock,
            fields: BTreeMap::new(),
            removed: None,
            merged_into: None,
            pending: BTreeMap::new(),
            orphaned: false,
            handed_on: Vec::new(),
        }
    }

    /// The clock of a field's last write.
    pub fn clock_of(&self, field: &str) -> &Clock {
        self.fields.get(field).unwrap_or(&self.made)
    }
}

/// A change taken to send, kept until the server has it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Queued {
    pub seq: u64,
    pub part: u32,
    pub summary: String,
    pub ops: Vec<super::wire::WireOp>,
}
