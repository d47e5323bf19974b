use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::{AccountId, Money, OrderId, Uid};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    pub id: OrderId,
    #[serde(default, skip_serializing_if = "Uid::is_nil")]
    pub uid: Uid,
    pub account: AccountId,
    pub amount: Money,
    pub at: NaiveDateTime,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}
