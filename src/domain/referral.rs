use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::keyword::keyword_enum;
use super::{AccountId, ReferralId, Uid};

keyword_enum! {
    /// The life of a promised incentive: promised when the referral is
    /// made, earned when the referee first buys, delivered when handed over.
    pub enum IncentiveStatus ("incentive status") {
        Promised = "promised",
        Earned = "earned",
        Delivered = "delivered",
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Referral {
    pub id: ReferralId,
    #[serde(default, skip_serializing_if = "Uid::is_nil")]
    pub uid: Uid,
    pub referrer: AccountId,
    pub referee: AccountId,
    pub at: NaiveDateTime,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incentive: Option<String>,
    pub incentive_status: IncentiveStatus,
    /// When the incentive was delivered (it counts in the referrer's cost
    /// to serve).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivered_at: Option<NaiveDateTime>,
}
