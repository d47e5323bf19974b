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
