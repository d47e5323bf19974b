//! Orders: the sale recorded, what it makes of a prospect, and the
//! promises it settles. A won call records its order in the touch's own
//! change ([`App::stage_order`]).

use crate::i18n::msg;
use chrono::NaiveDateTime;
use leadline_i18n::msg_id;

use super::follow_ups::{answers_by_order, closed_words};
use super::store::{AccountRecord, Records, Txn};
use super::{App, AppError, AppResult, Written};
use crate::clock::When;
use crate::domain::{AccountId, FollowUp, FollowUpStatus, Money, Order, OrderId, Stage, Tier, Uid};

#[derive(Clone, Debug)]
pub struct OrderInput {
    pub account: AccountId,
    pub amount: Money,
    pub at: Option<When>,
    pub note: String,
}

#[derive(Clone, Debug)]
pub struct Recorded {
    pub order: Order,
    pub account_name: String,
    /// The order made a prospect a customer.
    pub converted: bool,
    /// The account was archived and the order brought it back.
    pub restored: bool,
    /// Referral incentives the first order earned.
    pub earned: Vec<super::referrals::Earned>,
    /// Follow-ups the order settled: those that waited on a quote or a
    /// meeting, the promises due (the order reached them), a referral's
    /// call to the referee who bought.
    pub closed: Vec<FollowUp>,
}

impl App {
    /// Stages an order of `amount` on `record`'s account in `txn`: the
    /// prospect becomes a customer, an archived account comes back, the
    /// referral incentives it earns and the follow-ups it settles.
    pub(super) fn stage_order(
        &self,
        txn: &mut Txn<'_>,
        record: &mut AccountRecord,
        amount: Money,
        at: NaiveDateTime,
        note: String,
    ) -> AppResult<Recorded> {
        if amount <= Money::ZERO {
            return Err(AppError::Invalid(msg::ErrorAmountZero.text(self.config.ui.lang())));
        }
        let now = self.now();
        let account = record.account.id;
        let order = Order { id: OrderId(txn.next_id("order")?), uid: Uid::NIL, account, amount, at, note };
        txn.append_order(&order)?;
        let converted = matches!(record.account.stage, Stage::Prospect { .. });
        if converted {
            record.account.stage = Stage::Customer { tier: Tier::Small, tier_pinned: false };
            record.account.converted_at = Some(at);
        }
        let restored = record.account.archived.take().is_some();
        txn.put_account(record)?;
        let name = record.account.name.clone();
        let mut closed = Vec::new();
        let earned =
            if converted { self.earn_incentives(txn, account, &name, now, &mut closed)? } else { Vec::new() };
        let referrals = txn.referrals_of(account)?;
        for mut waiting in txn.follow_ups_of(account)? {
            if waiting.is_pending() && answers_by_order(&waiting, &referrals, now.date()) {
                waiting.close(FollowUpStatus::Done, now);
                txn.put_follow_up(&waiting);
                closed.push(waiting);
            }
        }
        Ok(Recorded { order, account_name: name, converted, restored, earned, closed })
    }

    pub fn record_order(&self, input: &super::OrderInput) -> AppResult<Written<Recorded>> {
        if input.amount <= Money::ZERO {
            return Err(AppError::Invalid(msg::ErrorAmountZero.text(self.config.ui.lang())));
        }
        let at = self.past_moment(input.at, msg_id!("what-order-date"))?;
        let note = super::activity::checked_note(&input.note)?;
        let mut record: AccountRecord = self.record(input.account)?;
        let now = self.now();
        let mut txn = self.begin();
        let recorded = self.stage_order(&mut txn, &mut record, input.amount, at, note)?;
        let changes = txn.commit(
            msg::HistoryOrder {
                amount: self.config.ui.money(recorded.order.amount),
                name: recorded.account_name.as_str(),
                id: input.account.to_string(),
            }
            .text(self.config.ui.lang()),
            now,
        )?;
        let also = closed_words(&recorded.closed, self.config.ui.lang()).into_iter().collect();
        Ok(Written { value: recorded, changes, also })
    }
}
