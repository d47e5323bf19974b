//! What one committed change changed, read off the keys it wrote, so that
//! a front refreshes exactly that (the TUI reloads these accounts, the
//! search index only when it was rewritten, and so on).

use std::collections::BTreeSet;

use super::history::HistoryEntry;
use super::{codec, keys};
use crate::domain::{AccountId, FollowUp, FollowUpId};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// The history entry of the change; none when nothing changed.
    pub entry: Option<HistoryEntry>,
    /// Accounts whose record, touches, orders or follow-ups changed,
    /// added ones included.
    pub accounts: BTreeSet<AccountId>,
    /// Accounts that no longer exist (an undone add).
    pub removed: BTreeSet<AccountId>,
    /// The search index was rewritten (a name, company, phone, email or
    /// tag changed).
    pub search: bool,
    /// A referral changed (made, earned, delivered).
    pub referrals: bool,
    /// A competitor of the book was added, renamed or merged.
    pub competitors: bool,
    /// Day records written: a day's plan kept, a reflection.
    pub days: BTreeSet<chrono::NaiveDate>,
    pub follow_ups_opened: Vec<FollowUpId>,
    pub follow_ups_closed: Vec<FollowUpId>,
}

impl Changes {
    /// Notes that `key` went from `before` to `after`.
    pub(super) fn note(&mut self, key: &[u8], before: Option<&[u8]>, after: Option<&[u8]>) {
        let id = || keys::u64_at(key, 1).map(AccountId);
        match key.first() {
            Some(&keys::ACCOUNT) => {
                if let Some(id) = id() {
                    if after.is_none() {
                        self.removed.insert(id);
                    } else {
                        self.accounts.insert(id);
                    }
                }
            }
            Some(&keys::TOUCHES | &keys::ORDERS | &keys::FOLLOW_UPS_OF) => self.accounts.extend(id()),
            Some(&keys::SEARCH) => self.search = true,
            Some(&keys::REFERRAL) => self.referrals = true,
            Some(&keys::COMPETITOR) => self.competitors = true,
            Some(&keys::DAY_RECORD) => self.days.extend(keys::day_of(key)),
            Some(&keys::FOLLOW_UP) => {
                let pending = |bytes: Option<&[u8]>| {
                    bytes.and_then(|b| codec::decode::<FollowUp>(key, b).ok()).map(|f| (f.id, f.is_pending()))
                };
                match (pending(before), pending(after)) {
                    (None | Some((_, false)), Some((id, true))) => self.follow_ups_opened.push(id),
                    (Some((id, true)), None | Some((_, false))) => self.follow_ups_closed.push(id),
                    _ => {}
                }
            }
            _ => {}
        }
    }
}
