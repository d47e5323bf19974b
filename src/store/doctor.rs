//! `doctor`: reads every record, reports each one that does not decode or
//! does not agree with the others, by key. Never panics on any content.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::history::{self, HistoryEntry};
use super::{AccountRecord, Records, Store, StoreError, codec, keys};
use crate::domain::{AccountId, AccountStats, AccountSummary, DayEntry, FollowUp, Order, Referral, Touch};
use crate::search::SearchIndex;

#[derive(Debug, Default)]
pub struct DoctorReport {
    pub records_checked: usize,
    pub accounts: usize,
    pub problems: Vec<String>,
}

impl DoctorReport {
    pub fn is_healthy(&self) -> bool {
        self.problems.is_empty()
    }
}

pub(super) fn check(store: &Store, _today: NaiveDate) -> Result<DoctorReport, StoreError> {
    let mut report = DoctorReport::default();
    let problem = |key: &[u8], reason: String| format!("{}: {reason}", keys::describe(key));
    let mut problems: Vec<String> = Vec::new();
    let mut accounts: HashSet<AccountId> = HashSet::new();
    let mut follow_up_index: HashSet<(u64, u64)> = HashSet::new();
    let mut follow_ups: Vec<(Vec<u8>, FollowUp)> = Vec::new();
    let mut referrals: Vec<(Vec<u8>, Referral)> = Vec::new();
    let mut chunked_accounts: Vec<(Vec<u8>, AccountId)> = Vec::new();

    for item in store.data.iter() {
        let (key, value) = item?;
        report.records_checked += 1;
        let decoded: Result<(), StoreError> = match key.first() {
            Some(&keys::ACCOUNT) => codec::decode::<AccountRecord>(&key, &value).map(|record| {
                if Some(record.account.id.0) != keys::u64_at(&key, 1) {
                    problems.push(problem(&key, format!("holds account {}", record.account.id)));
                }
                accounts.insert(record.account.id);
                check_stats(store, &key, &record, &mut problems);
            }),
            Some(&keys::TOUCHES) => codec::decode::<Vec<Touch>>(&key, &value).map(|touches| {
                owned_by_key(&key, touches.iter().map(|t| t.account), &mut problems, &mut chunked_accounts)
            }),
            Some(&keys::ORDERS) => codec::decode::<Vec<Order>>(&key, &value).map(|orders| {
                owned_by_key(&key, orders.iter().map(|o| o.account), &mut problems, &mut chunked_accounts)
            }),
            Some(&keys::FOLLOW_UP) => {
                codec::decode::<FollowUp>(&key, &value).map(|f| follow_ups.push((key.to_vec(), f)))
            }
            Some(&keys::FOLLOW_UPS_OF) => match (keys::u64_at(&key, 1), keys::u64_at(&key, 9)) {
                (Some(account), Some(id)) => {
                    follow_up_index.insert((account, id));
                    Ok(())
                }
                _ => Err(corrupt(&key, "malformed index key")),
            },
            Some(&keys::REFERRAL) => {
                codec::decode::<Referral>(&key, &value).map(|r| referrals.push((key.to_vec(), r)))
            }
            Some(&keys::REFERRALS_OF) => Ok(()),
            Some(&keys::SEARCH) => {
                codec::decode_text(&key, &value).and_then(|text| {
                    match SearchIndex::new(vec![text]).malformed() {
                        0 => Ok(()),
                        n => Err(corrupt(&key, &format!("{n} malformed index lines"))),
                    }
                })
            }
            Some(&keys::SUMMARY) => codec::decode_binary::<Vec<AccountSummary>>(&key, &value).map(|_| ()),
            Some(&keys::COUNTER) => codec::decode_u64(&key, &value).map(|_| ()),
            Some(&keys::DAY) => codec::decode_binary::<Vec<DayEntry>>(&key, &value).map(|_| ()),
            Some(&keys::HISTORY) => codec::decode::<HistoryEntry>(&key, &value).map(|_| ()),
            Some(&keys::HISTORY_CHANGES) => history::decode_changes(&key, &value).map(|_| ()),
            _ => Err(corrupt(&key, "unknown kind of record")),
        };
        if let Err(error) = decoded {
            problems.push(error.to_string());
        }
    }
    report.accounts = accounts.len();

    for (key, account) in chunked_accounts {
        if !accounts.contains(&account) {
            problems.push(problem(&key, format!("belongs to missing account {account}")));
        }
    }
    for (key, follow_up) in &follow_ups {
        if !accounts.contains(&follow_up.account) {
            problems.push(problem(key, format!("belongs to missing account {}", follow_up.account)));
        }
        if !follow_up_index.contains(&(follow_up.account.0, follow_up.id.0)) {
            problems.push(problem(key, "missing from its account's follow-up index".into()));
        }
    }
    for (key, referral) in &referrals {
        for side in [referral.referrer, referral.referee] {
            if !accounts.contains(&side) {
                problems.push(problem(key, format!("links missing account {side}")));
            }
        }
    }
    report.problems = problems;
    Ok(report)
}

fn corrupt(key: &[u8], reason: &str) -> StoreError {
    StoreError::Corrupt { key: keys::describe(key), reason: reason.into() }
}

fn owned_by_key(
    key: &[u8],
    owners: impl Iterator<Item = AccountId>,
    problems: &mut Vec<String>,
    chunked_accounts: &mut Vec<(Vec<u8>, AccountId)>,
) {
    let Some(owner) = keys::u64_at(key, 1).map(AccountId) else {
        return;
    };
    if owners.into_iter().any(|account| account != owner) {
        problems.push(format!("{}: holds records of another account", keys::describe(key)));
    }
    chunked_accounts.push((key.to_vec(), owner));
}

fn check_stats(store: &Store, key: &[u8], record: &AccountRecord, problems: &mut Vec<String>) {
    let id = record.account.id;
    let (Ok(touches), Ok(orders), Ok(follow_ups)) =
        (store.touches(id), store.orders(id), store.follow_ups_of(id))
    else {
        return;
    };
    if AccountStats::compute(&touches, &orders, &follow_ups) != record.stats {
        problems.push(format!(
            "{}: aggregates disagree with its touches, orders and follow-ups (run `leadline doctor --repair`)",
            keys::describe(key)
        ));
    }
}
