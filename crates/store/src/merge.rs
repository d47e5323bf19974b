//! Making two accounts one: everything the second has (touches, orders,
//! follow-ups, referrals, its rows in past plans) moves to the first, and
//! the second is removed, in one transaction that `undo` takes back.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::keys::{self, IndexFamily};
use super::txn::Txn;
use super::{AccountRecord, ORDER_CHUNK, Records, StoreError, TOUCH_CHUNK};
use crate::domain::{AccountId, DayEntry, DayRecord};

/// What moved from one account to the other.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Moved {
    pub touches: usize,
    pub orders: usize,
    pub follow_ups: usize,
    pub referrals: usize,
}

impl Txn<'_> {
    /// Writes `keep` (the merged account) and moves all of `gone`'s records
    /// to it; `days` are the day records whose plans name `gone`.
    pub fn merge_accounts(
        &mut self,
        keep: &AccountRecord,
        gone: AccountId,
        days: &[DayRecord],
    ) -> Result<Moved, StoreError> {
        let keep_id = keep.account.id;
        self.note_merge(gone, keep_id);
        let mut moved = Moved::default();
        let mut redated: BTreeMap<NaiveDate, Vec<DayEntry>> = BTreeMap::new();

        let mut touches = self.touches(keep_id)?;
        for mut touch in self.touches(gone)? {
            touch.account = keep_id;
            redated.entry(touch.at.date()).or_default().push(DayEntry::touch(&touch));
            touches.push(touch);
            moved.touches += 1;
        }
        touches.sort_by_key(|t| (t.at, t.id));
        self.replace_chunks(&keys::touches_of(keep_id), &touches, TOUCH_CHUNK, |c| {
            keys::touch_chunk(keep_id, c)
        })?;
        self.replace_chunks::<()>(&keys::touches_of(gone), &[], TOUCH_CHUNK, |c| keys::touch_chunk(gone, c))?;

        let mut orders = self.orders(keep_id)?;
        for mut order in self.orders(gone)? {
            order.account = keep_id;
            redated.entry(order.at.date()).or_default().push(DayEntry::order(&order));
            orders.push(order);
            moved.orders += 1;
        }
        orders.sort_by_key(|o| (o.at, o.id));
        self.replace_chunks(&keys::orders_of(keep_id), &orders, ORDER_CHUNK, |c| {
            keys::order_chunk(keep_id, c)
        })?;
        self.replace_chunks::<()>(&keys::orders_of(gone), &[], ORDER_CHUNK, |c| keys::order_chunk(gone, c))?;

        // The day index names the account of each touch and order.
        for (date, entries) in redated {
            self.drop_day_entry(date, |e| e.account() == gone)?;
            self.stage_day_entries(date, entries);
        }

        for follow_up in self.follow_ups_of(gone)? {
            self.remove_follow_up(&follow_up);
            self.put_follow_up(&crate::domain::FollowUp { account: keep_id, ..follow_up });
            moved.follow_ups += 1;
        }

        for mut referral in self.referrals_of(gone)? {
            self.remove_raw(keys::referral_of(gone, referral.id));
            if referral.referrer == gone {
                referral.referrer = keep_id;
            }
            if referral.referee == gone {
                referral.referee = keep_id;
            }
            self.put_referral(&referral);
            moved.referrals += 1;
        }

        for day in days {
            let mut day = day.clone();
            for entry in &mut day.plan {
                if entry.account == gone {
                    entry.account = keep_id;
                }
            }
            // One row per account and day: the first of the two.
            let mut seen = false;
            day.plan.retain(|entry| entry.account != keep_id || !std::mem::replace(&mut seen, true));
            self.put_day_record(&day);
        }

        self.remove_raw(keys::account(gone));
        self.mark_dirty(gone, &[IndexFamily::Search, IndexFamily::Summary]);
        self.put_account(keep)?;
        self.recompute(keep_id);
        Ok(moved)
    }
}
