use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

/// The largest id of any kind the store hands out or accepts. The chunked
/// indexes number their chunks with 32 bits (see `store::keys`), so ids stay
/// well inside that; four billion records of a kind is beyond any book.
pub const MAX_ID: u64 = u32::MAX as u64;

/// Whether `id` is one the store can hold (ids start at 1).
pub fn id_in_range(id: u64) -> bool {
    (1..=MAX_ID).contains(&id)
}

id_type!(
    /// Identifies an account for its whole life; never reused.
    AccountId
);
id_type!(TouchId);
id_type!(OrderId);
id_type!(FollowUpId);
id_type!(ReferralId);
id_type!(CompetitorId);

/// A record's global id: the same in every copy of the book (backups,
/// exports, the journal, another device's store), where the local number
/// is only this store's. A UUID of version 7: its first 48 bits are the
/// milliseconds of the record's creation, so ids sort by age. Nil on a
/// record not stored yet; the store gives it one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Uid(pub uuid::Uuid);

impl Uid {
    pub const NIL: Uid = Uid(uuid::Uuid::nil());

    pub fn is_nil(&self) -> bool {
        self.0.is_nil()
    }

    /// A version 7 id from a creation time and random bits: the domain has
    /// no clock and no randomness of its own, so both are given.
    pub fn v7(at: chrono::NaiveDateTime, random: [u8; 10]) -> Uid {
        let millis = at.and_utc().timestamp_millis().max(0) as u64;
        Uid(uuid::Builder::from_unix_timestamp_millis(millis, &random).into_uuid())
    }

    pub fn parse(text: &str) -> Option<Uid> {
        uuid::Uuid::parse_str(text).ok().map(Uid)
    }
}

impl fmt::Display for Uid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.hyphenated())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_v7_uid_carries_its_time_and_sorts_by_it() {
        let at = |text: &str| chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap();
        let early = Uid::v7(at("2026-12-07 09:00"), [0xff; 10]);
        let late = Uid::v7(at("2026-12-07 09:01"), [0; 10]);
        assert_eq!(early.0.get_version_num(), 7);
        assert!(early < late);
        assert_eq!(Uid::parse(&early.to_string()), Some(early));
        assert!(Uid::NIL.is_nil() && !early.is_nil());
    }
}
