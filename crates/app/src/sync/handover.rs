//! `leadline handover ACCOUNT --to REP`: an account, with its touches,
//! orders and follow-ups, goes to a colleague's book on the team's server
//! (one change there, which their next sync applies) and leaves this book
//! (one change here, sent at once to this rep's other devices).

use leadline_sync::{Outgoing, PgServer};

use super::clock::Hlc;
use super::state::names;
use super::take;
use crate::domain::AccountId;
use crate::i18n::msg;
use crate::store::Records;
use crate::{App, AppError, AppResult, Written};

/// The server's summary of a handover change: a tag, the account's name
/// and the book it came from, which the receiving device words itself.
pub const HANDOVER_TAG: &str = "handover";

/// What a handover moved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HandedOver {
    pub account: String,
    pub to_rep: String,
    pub to_book: String,
    pub touches: usize,
    pub orders: usize,
    pub follow_ups: usize,
}

/// The summary a handover change carries.
pub fn handover_summary(account: &str, from_book: &str) -> String {
    format!("{HANDOVER_TAG}\t{account}\t{from_book}")
}

/// The account and book of a handover change's summary.
pub fn handover_of(summary: &str) -> Option<(&str, &str)> {
    let mut parts = summary.strip_prefix(HANDOVER_TAG)?.strip_prefix('\t')?.splitn(2, '\t');
    Some((parts.next()?, parts.next()?))
}

impl App {
    /// Hands an account over to the rep `to_rep`, through the server the
    /// settings name.
    pub fn handover(&self, account: AccountId, to_rep: &str) -> AppResult<Written<HandedOver>> {
        let super::Connected { mut server, book, device } = super::connect(&self.config)?;
        self.handover_with(&mut server, &book, &device, account, to_rep)
    }

    fn handover_with(
        &self,
        server: &mut PgServer,
        book: &str,
        device: &str,
        account: AccountId,
        to_rep: &str,
    ) -> AppResult<Written<HandedOver>> {
        use leadline_sync::Server as _;
        let me = self.identity(device)?;
        let failed = |error| self.server_error(error);
        server.open_book(book).map_err(failed)?;
        let record = self.record(account)?;
        let name = record.account.name.clone();
        let now = self.now();
        let mut hlc: Hlc = self.store.sync_value(names::CLOCK)?.unwrap_or_default();
        let ops = take::handed_over(&self.store, &me, &mut hlc, &record.account, now)?;
        let touches = self.store.touches(account)?;
        let orders = self.store.orders(account)?;
        let follow_ups = self.store.follow_ups_of(account)?;
        let referrals = self.store.referrals_of(account)?;
        // The number the change here will have: sent again after a cut-off,
        // the server takes it once.
        let seq = self.store.newest_seq()? + 1;
        let change = Outgoing {
            seq: seq as i64,
            part: 0,
            summary: handover_summary(&name, book),
            operations: serde_json::to_value(&ops).unwrap_or_default(),
        };
        let to_book = server.hand_over(book, to_rep, device, &me.origin, &change).map_err(failed)?;
        let mut txn = self.store.begin();
        for touch in &touches {
            txn.rewrite_touch(touch, None)?;
        }
        for order in &orders {
            txn.rewrite_order(order, None)?;
        }
        for follow_up in &follow_ups {
            txn.remove_follow_up(follow_up);
        }
        for referral in &referrals {
            txn.remove_referral(referral);
        }
        txn.remove_account(account);
        txn.put_sync(names::CLOCK, &hlc);
        let lang = self.config.ui.lang();
        let changes =
            txn.commit(msg::HistoryHandover { name: name.as_str(), rep: to_rep }.text(lang), now)?;
        if changes.entry.as_ref().is_some_and(|entry| entry.seq != seq) {
            return Err(AppError::Conflict(format!("handover: change #{seq} expected")));
        }
        // This rep's other devices let it go at their next sync.
        self.sync_with(server, book, device)?;
        let value = HandedOver {
            account: name,
            to_rep: to_rep.to_string(),
            to_book,
            touches: touches.len(),
            orders: orders.len(),
            follow_ups: follow_ups.len(),
        };
        Ok(Written { value, changes, also: Vec::new() })
    }
}
