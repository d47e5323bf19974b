use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::{AccountId, Money, OrderId};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    pub id: OrderId,
    pub account: AccountId,
    pub amount: Money,
    pub at: NaiveDateTime,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}
