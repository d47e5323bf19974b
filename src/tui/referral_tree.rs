//! The Referrals screen's rows: who referred whom, as a tree. Referrers
//! nobody referred are the roots; each referee hangs under its referrer.

use std::collections::{BTreeMap, HashSet};

use crate::app::Ledger;
use crate::domain::AccountId;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TreeRow {
    pub depth: usize,
    pub account: AccountId,
    pub name: String,
    /// The ledger row that brought this account (none for a root).
    pub link: Option<usize>,
    /// A row of the list of earned incentives to deliver, above the tree:
    /// the account is the referrer, owed the incentive.
    pub to_deliver: bool,
}

/// The earned incentives not yet delivered, oldest referral first: a row
/// each, on the referrer.
pub fn delivery_rows(ledger: &Ledger) -> Vec<TreeRow> {
    ledger
        .rows
        .iter()
        .enumerate()
        .filter(|(_, row)| row.referral.incentive_status == crate::domain::IncentiveStatus::Earned)
        .map(|(i, row)| TreeRow {
            depth: 0,
            account: row.referral.referrer,
            name: row.referrer_name.clone(),
            link: Some(i),
            to_deliver: true,
        })
        .collect()
}

/// The rows in display order: each root, then its referees depth first,
/// oldest referral first. Cycles (A referred B, later B referred A) are
/// cut where they would repeat an account.
pub fn tree_rows(ledger: &Ledger) -> Vec<TreeRow> {
    let mut children: BTreeMap<AccountId, Vec<usize>> = BTreeMap::new();
    let mut referees = HashSet::new();
    let mut names = BTreeMap::new();
    for (i, row) in ledger.rows.iter().enumerate() {
        children.entry(row.referral.referrer).or_default().push(i);
        referees.insert(row.referral.referee);
        names.insert(row.referral.referrer, row.referrer_name.clone());
        names.insert(row.referral.referee, row.referee_name.clone());
    }
    let mut rows = Vec::new();
    let mut shown = HashSet::new();
    let roots: Vec<AccountId> = children.keys().filter(|id| !referees.contains(id)).copied().collect();
    // Referrers inside a cycle have no root above them; they come last.
    let rest: Vec<AccountId> = children.keys().filter(|id| referees.contains(id)).copied().collect();
    for root in roots.into_iter().chain(rest) {
        if shown.contains(&root) {
            continue;
        }
        let name = names.get(&root).cloned().unwrap_or_default();
        walk(ledger, &children, root, name, None, 0, &mut shown, &mut rows);
    }
    rows
}

#[allow(clippy::too_many_arguments)]
fn walk(
    ledger: &Ledger,
    children: &BTreeMap<AccountId, Vec<usize>>,
    account: AccountId,
    name: String,
    link: Option<usize>,
    depth: usize,
    shown: &mut HashSet<AccountId>,
    rows: &mut Vec<TreeRow>,
) {
    if !shown.insert(account) {
        return;
    }
    rows.push(TreeRow { depth, account, name, link, to_deliver: false });
    for &i in children.get(&account).map(Vec::as_slice).unwrap_or_default() {
        let row = &ledger.rows[i];
        walk(
            ledger,
            children,
            row.referral.referee,
            row.referee_name.clone(),
            Some(i),
            depth + 1,
            shown,
            rows,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::LedgerRow;
    use crate::domain::Uid;
    use crate::domain::{IncentiveStatus, Referral, ReferralId, StageKind};

    fn link(id: u64, referrer: u64, referee: u64) -> LedgerRow {
        LedgerRow {
            referral: Referral {
                id: ReferralId(id),
                uid: Uid::NIL,
                referrer: AccountId(referrer),
                referee: AccountId(referee),
                at: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap().and_hms_opt(9, 0, 0).unwrap(),
                incentive: None,
                incentive_status: IncentiveStatus::Promised,
                delivered_at: None,
            },
            referrer_name: format!("n{referrer}"),
            referee_name: format!("n{referee}"),
            referee_stage: StageKind::Prospect,
        }
    }

    fn shape(ledger: &Ledger) -> Vec<(usize, u64)> {
        tree_rows(ledger).iter().map(|r| (r.depth, r.account.0)).collect()
    }

    #[test]
    fn referees_hang_under_their_referrers_depth_first() {
        let ledger = Ledger {
            rows: vec![link(1, 1, 2), link(2, 2, 3), link(3, 1, 4), link(4, 5, 6)],
            referrers: Vec::new(),
        };
        assert_eq!(shape(&ledger), [(0, 1), (1, 2), (2, 3), (1, 4), (0, 5), (1, 6)]);
        let rows = tree_rows(&ledger);
        assert_eq!((rows[0].link, rows[2].link, rows[2].name.as_str()), (None, Some(1), "n3"));
    }

    #[test]
    fn a_cycle_shows_each_account_once() {
        let ledger = Ledger { rows: vec![link(1, 1, 2), link(2, 2, 1)], referrers: Vec::new() };
        assert_eq!(shape(&ledger), [(0, 1), (1, 2)]);
    }
}
