//! `doctor`: reads every record, reports each one that does not decode or
//! does not agree with the others, by key. Never panics on any content.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::history::{self, HistoryEntry};
use super::salvage::{self, Unreadable};
use super::{AccountRecord, Records, Store, StoreError, codec, keys};
use crate::domain::{
    AccountId, AccountStats, AccountSummary, Competitor, DayEntry, DayRecord, FollowUp, Order, Referral,
    RemovedFollowUp, Touch,
};
use crate::search::SearchIndex;

#[derive(Debug, Default)]
pub struct DoctorReport {
    pub records_checked: usize,
    pub accounts: usize,
    pub problems: Vec<Problem>,
    /// The ranges of keys that could not be read at all (also in `problems`).
    pub unreadable: Vec<Unreadable>,
}

/// One thing wrong, with the record (or range of records) it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The record as people read it, with its raw key.
    pub key: String,
    pub reason: String,
}

impl Problem {
    fn at(key: &[u8], reason: impl Into<String>) -> Problem {
        Problem { key: keys::describe(key), reason: reason.into() }
    }

    fn unreadable(range: &Unreadable) -> Problem {
        Problem {
            key: format!("{} up to {}", keys::describe(&range.from), keys::describe(&range.to)),
            reason: format!("cannot be read: {}", range.reason),
        }
    }
}

impl From<StoreError> for Problem {
    fn from(error: StoreError) -> Problem {
        match error {
            StoreError::Corrupt { key, reason } => Problem { key, reason },
            other => Problem { key: String::new(), reason: other.to_string() },
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.key.is_empty() {
            write!(f, "{}", self.reason)
        } else {
            write!(f, "{}: {}", self.key, self.reason)
        }
    }
}

impl DoctorReport {
    pub fn is_healthy(&self) -> bool {
        self.problems.is_empty()
    }
}

pub(super) fn check(store: &Store, _today: NaiveDate) -> Result<DoctorReport, StoreError> {
    let mut report = DoctorReport::default();
    let problem = Problem::at;
    let mut problems: Vec<Problem> = Vec::new();
    let mut accounts: HashSet<AccountId> = HashSet::new();
    let mut follow_up_index: HashSet<(u64, u64)> = HashSet::new();
    let mut follow_ups: Vec<(Vec<u8>, FollowUp)> = Vec::new();
    let mut referrals: Vec<(Vec<u8>, Referral)> = Vec::new();
    let mut chunked_accounts: Vec<(Vec<u8>, AccountId)> = Vec::new();

    // Family by family, so that a damaged node is listed and the rest of
    // the store is still checked (see `salvage`).
    {
        let mut seen = Seen {
            problems: &mut problems,
            accounts: &mut accounts,
            follow_up_index: &mut follow_up_index,
            follow_ups: &mut follow_ups,
            referrals: &mut referrals,
            chunked_accounts: &mut chunked_accounts,
        };
        for prefix in 0..=254u8 {
            let (items, unreadable) = salvage::read_prefix(&store.data, prefix);
            report.records_checked += items.len();
            seen.problems.extend(unreadable.iter().map(Problem::unreadable));
            report.unreadable.extend(unreadable);
            for (key, value) in items {
                if let Err(error) = check_record(store, &key, &value, &mut seen) {
                    seen.problems.push(error.into());
                }
            }
        }
    }
    for item in store.data.range(vec![255u8]..) {
        report.records_checked += 1;
        match item {
            Ok((key, _)) => problems.push(Problem::at(&key, "unknown kind of record")),
            Err(error) => {
                problems.push(Problem {
                    key: "records after every known kind".into(),
                    reason: format!("cannot be read: {error}"),
                });
                break;
            }
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
    let only: Vec<Referral> = referrals.iter().map(|(_, r)| r.clone()).collect();
    for wrong in crate::domain::referral_problems(&only) {
        problems.push(referral_problem(&wrong));
    }
    report.problems = problems;
    Ok(report)
}

/// A referral that breaks their shape, for doctor's list.
fn referral_problem(wrong: &crate::domain::ReferralProblem) -> Problem {
    use crate::domain::ReferralProblem;
    let ids = |ids: &[crate::domain::ReferralId]| {
        ids.iter().map(|id| format!("#{id}")).collect::<Vec<_>>().join(", ")
    };
    match wrong {
        ReferralProblem::SelfReferral(id) => {
            Problem::at(&keys::referral(*id), "refers its account to itself")
        }
        ReferralProblem::SecondReferrer { referee, referrals } => Problem {
            key: format!("account {referee}"),
            reason: format!(
                "has more than one referrer (referrals {}); one referrer per account",
                ids(referrals)
            ),
        },
        ReferralProblem::Cycle(accounts) => Problem {
            key: format!("account {}", accounts[0]),
            reason: format!(
                "accounts {} refer each other round",
                accounts.iter().map(|a| a.to_string()).collect::<Vec<_>>().join(" → ")
            ),
        },
    }
}

/// What the record-by-record pass gathers for the checks across records.
struct Seen<'a> {
    problems: &'a mut Vec<Problem>,
    accounts: &'a mut HashSet<AccountId>,
    follow_up_index: &'a mut HashSet<(u64, u64)>,
    follow_ups: &'a mut Vec<(Vec<u8>, FollowUp)>,
    referrals: &'a mut Vec<(Vec<u8>, Referral)>,
    chunked_accounts: &'a mut Vec<(Vec<u8>, AccountId)>,
}

/// Decodes one record and checks it on its own; an error when it does not
/// decode.
fn check_record(store: &Store, key: &[u8], value: &[u8], seen: &mut Seen<'_>) -> Result<(), StoreError> {
    let problem = Problem::at;
    match key.first() {
        Some(&keys::ACCOUNT) => codec::decode::<AccountRecord>(key, value).map(|record| {
            if Some(record.account.id.0) != keys::u64_at(key, 1) {
                seen.problems.push(problem(key, format!("holds account {}", record.account.id)));
            }
            seen.accounts.insert(record.account.id);
            check_stats(store, key, &record, seen.problems);
        }),
        Some(&keys::TOUCHES) => codec::decode::<Vec<Touch>>(key, value).map(|touches| {
            owned_by_key(key, touches.iter().map(|t| t.account), seen.problems, seen.chunked_accounts)
        }),
        Some(&keys::ORDERS) => codec::decode::<Vec<Order>>(key, value).map(|orders| {
            owned_by_key(key, orders.iter().map(|o| o.account), seen.problems, seen.chunked_accounts)
        }),
        Some(&keys::FOLLOW_UP) => {
            codec::decode::<FollowUp>(key, value).map(|f| seen.follow_ups.push((key.to_vec(), f)))
        }
        Some(&keys::FOLLOW_UPS_OF) => match (keys::u64_at(key, 1), keys::u64_at(key, 9)) {
            (Some(account), Some(id)) => {
                seen.follow_up_index.insert((account, id));
                Ok(())
            }
            _ => Err(corrupt(key, "malformed index key")),
        },
        Some(&keys::REFERRAL) => {
            codec::decode::<Referral>(key, value).map(|r| seen.referrals.push((key.to_vec(), r)))
        }
        Some(&keys::REFERRALS_OF) => Ok(()),
        Some(&keys::REMOVED_FOLLOW_UP) => codec::decode::<RemovedFollowUp>(key, value).map(|_| ()),
        Some(&keys::COMPETITOR) => codec::decode::<Competitor>(key, value).map(|_| ()),
        Some(&keys::SEARCH) => {
            codec::decode_text(key, value).and_then(|text| match SearchIndex::new(vec![text]).malformed() {
                0 => Ok(()),
                n => Err(corrupt(key, &format!("{n} malformed index lines"))),
            })
        }
        Some(&keys::SUMMARY) => codec::decode_binary::<Vec<AccountSummary>>(key, value).map(|_| ()),
        Some(&keys::COUNTER) => codec::decode_u64(key, value).map(|_| ()),
        // Sync's own bookkeeping, which it reads and checks itself.
        Some(&keys::SYNC) => Ok(()),
        Some(&keys::DAY) => codec::decode_binary::<Vec<DayEntry>>(key, value).map(|_| ()),
        Some(&keys::DAY_RECORD) => {
            codec::decode::<DayRecord>(key, value).and_then(|record| match keys::day_of(key) {
                Some(date) if date == record.date => Ok(()),
                _ => Err(corrupt(key, &format!("holds the record of {}", record.date))),
            })
        }
        Some(&keys::HISTORY) => codec::decode::<HistoryEntry>(key, value).map(|_| ()),
        Some(&keys::HISTORY_CHANGES) => history::decode_changes(key, value).map(|_| ()),
        _ => Err(corrupt(key, "unknown kind of record")),
    }
}

fn corrupt(key: &[u8], reason: &str) -> StoreError {
    StoreError::Corrupt { key: keys::describe(key), reason: reason.into() }
}

fn owned_by_key(
    key: &[u8],
    owners: impl Iterator<Item = AccountId>,
    problems: &mut Vec<Problem>,
    chunked_accounts: &mut Vec<(Vec<u8>, AccountId)>,
) {
    let Some(owner) = keys::u64_at(key, 1).map(AccountId) else {
        return;
    };
    if owners.into_iter().any(|account| account != owner) {
        problems.push(Problem::at(key, "holds records of another account"));
    }
    chunked_accounts.push((key.to_vec(), owner));
}

fn check_stats(store: &Store, key: &[u8], record: &AccountRecord, problems: &mut Vec<Problem>) {
    let id = record.account.id;
    let (Ok(touches), Ok(orders), Ok(follow_ups)) =
        (store.touches(id), store.orders(id), store.follow_ups_of(id))
    else {
        return;
    };
    if AccountStats::compute(&touches, &orders, &follow_ups) != record.stats {
        problems.push(Problem::at(
            key,
            "aggregates disagree with its touches, orders and follow-ups (run `leadline doctor --repair`)",
        ));
    }
}

#[cfg(test)]
mod fuzz {
    use proptest::prelude::*;

    use super::*;
    use crate::domain::{Order, Referral, Touch};

    type Book = (tempfile::TempDir, Store, Vec<(Vec<u8>, Vec<u8>)>);

    /// The records of a backup file, as the fuzz corpus keeps them.
    #[derive(serde::Deserialize)]
    struct Seed {
        accounts: Vec<crate::domain::Account>,
        touches: Vec<Touch>,
        orders: Vec<Order>,
        follow_ups: Vec<crate::domain::FollowUp>,
        referrals: Vec<Referral>,
    }

    /// A small book written from the fuzz corpus, open, with every record.
    fn book() -> &'static Book {
        static BOOK: std::sync::OnceLock<Book> = std::sync::OnceLock::new();
        BOOK.get_or_init(records)
    }

    fn records() -> Book {
        let dir = tempfile::tempdir().unwrap();
        let now = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap().and_hms_opt(9, 0, 0).unwrap();
        let seed = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fuzz-corpus/backup/small.json");
        let seed: Seed = serde_json::from_str(&std::fs::read_to_string(seed).unwrap()).unwrap();
        let store = Store::open(&dir.path().join("s")).unwrap();
        let mut txn = store.begin();
        for account in seed.accounts {
            let of = |id| account.id == id;
            let touches: Vec<Touch> = seed.touches.iter().filter(|t| of(t.account)).cloned().collect();
            let orders: Vec<Order> = seed.orders.iter().filter(|o| of(o.account)).cloned().collect();
            txn.put_touches(account.id, &touches).unwrap();
            txn.put_orders(account.id, &orders).unwrap();
            txn.put_account(&AccountRecord { account, stats: AccountStats::default() }).unwrap();
        }
        seed.follow_ups.iter().for_each(|f| txn.put_follow_up(f));
        seed.referrals.iter().for_each(|r| txn.put_referral(r));
        txn.commit("seed", now).unwrap();
        let all =
            store.data.iter().map(|item| item.map(|(k, v)| (k.to_vec(), v.to_vec())).unwrap()).collect();
        (dir, store, all)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

        /// Decoding any record, its bytes damaged, never panics: it decodes or
        /// names its key.
        #[test]
        fn damaged_records_decode_or_name_their_key(
            pick in any::<usize>(),
            flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..6),
            cut in proptest::option::of(any::<usize>()),
        ) {
            let (_, store, records) = book();
            let (key, mut value) = records[pick % records.len()].clone();
            for (at, byte) in flips {
                if !value.is_empty() {
                    let at = at % value.len();
                    value[at] ^= byte;
                }
            }
            if let Some(cut) = cut {
                value.truncate(cut % (value.len() + 1));
            }
            let mut problems = Vec::new();
            let (mut accounts, mut index, mut follow_ups, mut referrals, mut chunked) =
                (HashSet::new(), HashSet::new(), Vec::new(), Vec::new(), Vec::new());
            let mut seen = Seen {
                problems: &mut problems,
                accounts: &mut accounts,
                follow_up_index: &mut index,
                follow_ups: &mut follow_ups,
                referrals: &mut referrals,
                chunked_accounts: &mut chunked,
            };
            if let Err(error) = check_record(store, &key, &value, &mut seen) {
                let message = error.to_string();
                prop_assert!(message.contains(&keys::describe(&key)), "{message}");
            }
        }
    }
}
