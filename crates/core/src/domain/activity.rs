use serde::{Deserialize, Serialize};

use super::{AccountId, Direction, Money, Order, OrderId, Outcome, Touch, TouchId, TouchKind};

/// One touch or order as the day index holds it: what the review of a day
/// and the effort of a month need, without reading touches per account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DayEntry {
    Touch {
        account: AccountId,
        touch: TouchId,
        kind: TouchKind,
        direction: Direction,
        outcome: Option<Outcome>,
    },
    Order {
        account: AccountId,
        order: OrderId,
        amount: Money,
    },
}

impl DayEntry {
    pub fn touch(touch: &Touch) -> DayEntry {
        DayEntry::Touch {
            account: touch.account,
            touch: touch.id,
            kind: touch.kind,
            direction: touch.direction,
            outcome: touch.outcome,
        }
    }

    pub fn order(order: &Order) -> DayEntry {
        DayEntry::Order { account: order.account, order: order.id, amount: order.amount }
    }

    pub fn account(&self) -> AccountId {
        match self {
            DayEntry::Touch { account, .. } | DayEntry::Order { account, .. } => *account,
        }
    }
}
