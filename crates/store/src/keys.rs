//! Key layout of the data tree. Every key starts with one prefix byte; ids,
//! dates and sequence numbers are big-endian so that byte order is the
//! natural order and prefix scans read one account's records.

use chrono::{Datelike, NaiveDate};

use crate::domain::{AccountId, CompetitorId, FollowUpId, ReferralId};

pub const ACCOUNT: u8 = b'a';
pub const TOUCHES: u8 = b't';
pub const ORDERS: u8 = b'o';
pub const FOLLOW_UP: u8 = b'f';
pub const FOLLOW_UPS_OF: u8 = b'F';
pub const REFERRAL: u8 = b'r';
pub const REFERRALS_OF: u8 = b'R';
/// The book's competitors (brands and companies), by id.
pub const COMPETITOR: u8 = b'c';
pub const SEARCH: u8 = b's';
pub const SUMMARY: u8 = b'l';
pub const COUNTER: u8 = b'n';
/// Touches and orders by day: the time-ordered index.
pub const DAY: u8 = b'd';
/// One record per day: its plan as kept and the rep's reflection.
pub const DAY_RECORD: u8 = b'D';
/// Follow-ups removed as made by mistake, by id: what calendars must be
/// told to drop.
pub const REMOVED_FOLLOW_UP: u8 = b'x';
/// What sync keeps of its exchanges with the team's server (clocks, the
/// outbox, how far it got): beside the records, outside the history.
pub const SYNC: u8 = b'y';
pub const HISTORY: u8 = b'h';
pub const HISTORY_CHANGES: u8 = b'H';

/// Prefixes whose changes are not recorded for undo: the history itself,
/// id counters (an id is never handed out twice, even after an undo) and
/// the chunked indexes, which are rebuilt from the accounts they cover.
pub fn is_unversioned(key: &[u8]) -> bool {
    matches!(key.first(), Some(&COUNTER | &HISTORY | &HISTORY_CHANGES | &SEARCH | &SUMMARY | &SYNC))
}

/// A key of sync's own state.
pub fn sync(name: &[u8]) -> Vec<u8> {
    key(SYNC, &[name])
}

/// The last change of the journal that sync has taken to send: the
/// journal keeps every change after it.
pub fn sync_taken() -> Vec<u8> {
    sync(b"taken")
}

/// The chunked indexes: per chunk, a run of consecutive account ids. Few
/// keys to read for the whole book, small values to rewrite when one account
/// changes. sled writes a tree node (up to 16 values) larger than 128 KB as
/// a separate blob file, so values that change often stay small.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum IndexFamily {
    /// Rewritten only when a name, company, phone, email or tag changes.
    Search,
    /// Rewritten on every touch, order and follow-up.
    Summary,
}

impl IndexFamily {
    pub fn accounts_per_chunk(self) -> u64 {
        match self {
            IndexFamily::Search => 256,
            IndexFamily::Summary => 32,
        }
    }

    pub fn chunk_of(self, id: AccountId) -> u32 {
        (id.0 / self.accounts_per_chunk()) as u32
    }

    /// The account keys a chunk covers: `[start, end)`.
    pub fn chunk_accounts(self, chunk: u32) -> (Vec<u8>, Vec<u8>) {
        let first = u64::from(chunk) * self.accounts_per_chunk();
        (account(AccountId(first)), account(AccountId(first + self.accounts_per_chunk())))
    }

    pub fn chunk_key(self, chunk: u32) -> Vec<u8> {
        let prefix = match self {
            IndexFamily::Search => SEARCH,
            IndexFamily::Summary => SUMMARY,
        };
        key(prefix, &[&chunk.to_be_bytes()])
    }
}

fn key(prefix: u8, parts: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::with_capacity(1 + parts.iter().map(|p| p.len()).sum::<usize>());
    out.push(prefix);
    for part in parts {
        out.extend_from_slice(part);
    }
    out
}

pub fn account(id: AccountId) -> Vec<u8> {
    key(ACCOUNT, &[&id.0.to_be_bytes()])
}

pub fn touches_of(id: AccountId) -> Vec<u8> {
    key(TOUCHES, &[&id.0.to_be_bytes()])
}

pub fn touch_chunk(id: AccountId, chunk: u32) -> Vec<u8> {
    key(TOUCHES, &[&id.0.to_be_bytes(), &chunk.to_be_bytes()])
}

pub fn orders_of(id: AccountId) -> Vec<u8> {
    key(ORDERS, &[&id.0.to_be_bytes()])
}

pub fn order_chunk(id: AccountId, chunk: u32) -> Vec<u8> {
    key(ORDERS, &[&id.0.to_be_bytes(), &chunk.to_be_bytes()])
}

pub fn follow_up(id: FollowUpId) -> Vec<u8> {
    key(FOLLOW_UP, &[&id.0.to_be_bytes()])
}

pub fn removed_follow_up(id: FollowUpId) -> Vec<u8> {
    key(REMOVED_FOLLOW_UP, &[&id.0.to_be_bytes()])
}

pub fn follow_ups_of(account: AccountId) -> Vec<u8> {
    key(FOLLOW_UPS_OF, &[&account.0.to_be_bytes()])
}

pub fn follow_up_of(account: AccountId, id: FollowUpId) -> Vec<u8> {
    key(FOLLOW_UPS_OF, &[&account.0.to_be_bytes(), &id.0.to_be_bytes()])
}

pub fn referral(id: ReferralId) -> Vec<u8> {
    key(REFERRAL, &[&id.0.to_be_bytes()])
}

pub fn competitor(id: CompetitorId) -> Vec<u8> {
    key(COMPETITOR, &[&id.0.to_be_bytes()])
}

pub fn referrals_of(account: AccountId) -> Vec<u8> {
    key(REFERRALS_OF, &[&account.0.to_be_bytes()])
}

pub fn referral_of(account: AccountId, id: ReferralId) -> Vec<u8> {
    key(REFERRALS_OF, &[&account.0.to_be_bytes(), &id.0.to_be_bytes()])
}

fn day_number(date: NaiveDate) -> [u8; 4] {
    // Offset so that the byte order is the date order for any date.
    ((i64::from(date.num_days_from_ce()) + (1 << 31)) as u32).to_be_bytes()
}

/// The key prefix of one day of the day index.
pub fn day(date: NaiveDate) -> Vec<u8> {
    key(DAY, &[&day_number(date)])
}

pub fn day_chunk(date: NaiveDate, chunk: u16) -> Vec<u8> {
    key(DAY, &[&day_number(date), &chunk.to_be_bytes()])
}

/// The date of a day-index key.
pub fn day_of(key: &[u8]) -> Option<NaiveDate> {
    let raw: [u8; 4] = key.get(1..5)?.try_into().ok()?;
    let days = i64::from(u32::from_be_bytes(raw)) - (1 << 31);
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(days).ok()?)
}

pub fn day_record(date: NaiveDate) -> Vec<u8> {
    key(DAY_RECORD, &[&day_number(date)])
}

pub fn counter(name: &str) -> Vec<u8> {
    key(COUNTER, &[name.as_bytes()])
}

pub fn history(seq: u64) -> Vec<u8> {
    key(HISTORY, &[&seq.to_be_bytes()])
}

pub fn history_changes(seq: u64) -> Vec<u8> {
    key(HISTORY_CHANGES, &[&seq.to_be_bytes()])
}

pub fn history_change_chunk(seq: u64, chunk: u32) -> Vec<u8> {
    key(HISTORY_CHANGES, &[&seq.to_be_bytes(), &chunk.to_be_bytes()])
}

/// Reads the big-endian u64 at `offset`, if the key is long enough.
pub fn u64_at(key: &[u8], offset: usize) -> Option<u64> {
    let bytes: [u8; 8] = key.get(offset..offset + 8)?.try_into().ok()?;
    Some(u64::from_be_bytes(bytes))
}

fn u32_at(key: &[u8], offset: usize) -> Option<u32> {
    let bytes: [u8; 4] = key.get(offset..offset + 4)?.try_into().ok()?;
    Some(u32::from_be_bytes(bytes))
}

/// A key as people read it in error messages and `doctor` reports.
pub fn describe(key: &[u8]) -> String {
    let id = |offset| u64_at(key, offset).map_or_else(|| "?".to_string(), |v| v.to_string());
    let described = match key.first() {
        Some(&ACCOUNT) if key.len() == 9 => format!("account {}", id(1)),
        Some(&TOUCHES) if key.len() == 13 => {
            format!("touches of account {} (chunk {})", id(1), u32_at(key, 9).unwrap_or(0))
        }
        Some(&TOUCHES) if key.len() == 9 => format!("touches of account {}", id(1)),
        Some(&ORDERS) if key.len() == 9 => format!("orders of account {}", id(1)),
        Some(&FOLLOW_UPS_OF) if key.len() == 9 => format!("follow-ups of account {}", id(1)),
        Some(&REFERRALS_OF) if key.len() == 9 => format!("referrals of account {}", id(1)),
        Some(&ORDERS) if key.len() == 13 => {
            format!("orders of account {} (chunk {})", id(1), u32_at(key, 9).unwrap_or(0))
        }
        Some(&FOLLOW_UP) if key.len() == 9 => format!("follow-up {}", id(1)),
        Some(&REMOVED_FOLLOW_UP) if key.len() == 9 => format!("removed follow-up {}", id(1)),
        Some(&FOLLOW_UPS_OF) if key.len() == 17 => format!("follow-up index {}/{}", id(1), id(9)),
        Some(&REFERRAL) if key.len() == 9 => format!("referral {}", id(1)),
        Some(&COMPETITOR) if key.len() == 9 => format!("competitor {}", id(1)),
        Some(&REFERRALS_OF) if key.len() == 17 => format!("referral index {}/{}", id(1), id(9)),
        Some(&SEARCH) if key.len() == 5 => format!("search chunk {}", u32_at(key, 1).unwrap_or(0)),
        Some(&SUMMARY) if key.len() == 5 => {
            format!("summary chunk {}", u32_at(key, 1).unwrap_or(0))
        }
        Some(&COUNTER) => format!("counter {}", String::from_utf8_lossy(&key[1..])),
        Some(&DAY) if key.len() == 7 => {
            format!("day index {} (chunk {})", day_of(key).map_or("?".into(), |d| d.to_string()), key[6])
        }
        Some(&DAY_RECORD) if key.len() == 5 => {
            format!("day record {}", day_of(key).map_or("?".into(), |d| d.to_string()))
        }
        Some(&HISTORY) if key.len() == 9 => format!("history entry {}", id(1)),
        Some(&SYNC) => format!("sync state {}", String::from_utf8_lossy(&key[1..])),
        Some(&HISTORY_CHANGES) if key.len() == 13 => format!("history changes {}", id(1)),
        _ => String::new(),
    };
    let raw: String = key.iter().map(|b| format!("{b:02x}")).collect();
    if described.is_empty() { format!("unknown key {raw}") } else { format!("{described} [key {raw}]") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_chunks_cover_consecutive_ids() {
        for family in [IndexFamily::Search, IndexFamily::Summary] {
            let n = family.accounts_per_chunk();
            assert_eq!(family.chunk_of(AccountId(n - 1)), 0);
            assert_eq!(family.chunk_of(AccountId(n)), 1);
            let (start, end) = family.chunk_accounts(1);
            assert!(start <= account(AccountId(n)) && account(AccountId(2 * n - 1)) < end);
            assert!(account(AccountId(2 * n)) >= end);
        }
    }

    #[test]
    fn day_keys_sort_by_date_and_read_back() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert!(day_chunk(d("2026-12-31"), 9) < day_chunk(d("2027-01-01"), 0));
        assert_eq!(day_of(&day_chunk(d("2026-11-27"), 3)), Some(d("2026-11-27")));
        assert!(describe(&day_chunk(d("2026-11-27"), 3)).starts_with("day index 2026-11-27 (chunk 3)"));
        assert!(day_record(d("2026-12-31")) < day_record(d("2027-01-01")));
        assert!(describe(&day_record(d("2026-12-01"))).starts_with("day record 2026-12-01 [key 44"));
    }

    #[test]
    fn keys_describe_themselves() {
        assert!(describe(&account(AccountId(42))).starts_with("account 42 [key 61"));
        assert!(describe(&touch_chunk(AccountId(7), 2)).starts_with("touches of account 7 (chunk 2)"));
        assert!(describe(b"zz").starts_with("unknown key"));
        assert!(describe(&[ACCOUNT]).starts_with("unknown key"));
    }
}
