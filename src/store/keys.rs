//! Key layout of the data tree. Every key starts with one prefix byte; ids,
//! dates and sequence numbers are big-endian so that byte order is the
//! natural order and prefix scans read one account's records.

use chrono::{Datelike, NaiveDate};

use crate::domain::{AccountId, FollowUpId, ReferralId};

pub const ACCOUNT: u8 = b'a';
pub const TOUCHES: u8 = b't';
pub const ORDERS: u8 = b'o';
pub const FOLLOW_UP: u8 = b'f';
pub const FOLLOW_UPS_OF: u8 = b'F';
pub const DUE_QUEUE: u8 = b'q';
pub const REFERRAL: u8 = b'r';
pub const REFERRALS_OF: u8 = b'R';
pub const SEARCH: u8 = b's';
pub const COUNTER: u8 = b'n';
pub const HISTORY: u8 = b'h';
pub const HISTORY_CHANGES: u8 = b'H';

/// Prefixes whose changes are not recorded for undo: the history itself and
/// id counters (an id is never handed out twice, even after an undo).
pub fn is_unversioned(key: &[u8]) -> bool {
    matches!(key.first(), Some(&COUNTER | &HISTORY | &HISTORY_CHANGES))
}

/// Accounts per search-index chunk: few keys to read when searching, small
/// values to rewrite when one account changes.
pub const SEARCH_CHUNK: u64 = 256;

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

pub fn follow_ups_of(account: AccountId) -> Vec<u8> {
    key(FOLLOW_UPS_OF, &[&account.0.to_be_bytes()])
}

pub fn follow_up_of(account: AccountId, id: FollowUpId) -> Vec<u8> {
    key(
        FOLLOW_UPS_OF,
        &[&account.0.to_be_bytes(), &id.0.to_be_bytes()],
    )
}

fn day_number(date: NaiveDate) -> [u8; 4] {
    // offset so that dates before the common era still sort correctly
    ((date.num_days_from_ce() as i64 + (1 << 31)) as u32).to_be_bytes()
}

pub fn due_queue(due: NaiveDate, id: FollowUpId) -> Vec<u8> {
    key(DUE_QUEUE, &[&day_number(due), &id.0.to_be_bytes()])
}

/// The first queue key after every follow-up due on or before `day`.
pub fn due_queue_after(day: NaiveDate) -> Vec<u8> {
    match day.succ_opt() {
        Some(next) => key(DUE_QUEUE, &[&day_number(next)]),
        None => vec![DUE_QUEUE + 1],
    }
}

pub fn referral(id: ReferralId) -> Vec<u8> {
    key(REFERRAL, &[&id.0.to_be_bytes()])
}

pub fn referrals_of(account: AccountId) -> Vec<u8> {
    key(REFERRALS_OF, &[&account.0.to_be_bytes()])
}

pub fn referral_of(account: AccountId, id: ReferralId) -> Vec<u8> {
    key(
        REFERRALS_OF,
        &[&account.0.to_be_bytes(), &id.0.to_be_bytes()],
    )
}

pub fn search_chunk_of(id: AccountId) -> u32 {
    (id.0 / SEARCH_CHUNK) as u32
}

pub fn search_chunk(chunk: u32) -> Vec<u8> {
    key(SEARCH, &[&chunk.to_be_bytes()])
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
            format!(
                "touches of account {} (chunk {})",
                id(1),
                u32_at(key, 9).unwrap_or(0)
            )
        }
        Some(&ORDERS) if key.len() == 13 => {
            format!(
                "orders of account {} (chunk {})",
                id(1),
                u32_at(key, 9).unwrap_or(0)
            )
        }
        Some(&FOLLOW_UP) if key.len() == 9 => format!("follow-up {}", id(1)),
        Some(&FOLLOW_UPS_OF) if key.len() == 17 => format!("follow-up index {}/{}", id(1), id(9)),
        Some(&DUE_QUEUE) if key.len() == 13 => format!("due queue entry of follow-up {}", id(5)),
        Some(&REFERRAL) if key.len() == 9 => format!("referral {}", id(1)),
        Some(&REFERRALS_OF) if key.len() == 17 => format!("referral index {}/{}", id(1), id(9)),
        Some(&SEARCH) if key.len() == 5 => format!("search chunk {}", u32_at(key, 1).unwrap_or(0)),
        Some(&COUNTER) => format!("counter {}", String::from_utf8_lossy(&key[1..])),
        Some(&HISTORY) if key.len() == 9 => format!("history entry {}", id(1)),
        Some(&HISTORY_CHANGES) if key.len() == 13 => format!("history changes {}", id(1)),
        _ => String::new(),
    };
    let raw: String = key.iter().map(|b| format!("{b:02x}")).collect();
    if described.is_empty() {
        format!("unknown key {raw}")
    } else {
        format!("{described} [key {raw}]")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queue_keys_sort_by_due_date_then_id() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let early = due_queue(d("2026-01-02"), FollowUpId(900));
        let late = due_queue(d("2026-01-03"), FollowUpId(1));
        assert!(early < late);
        assert!(late < due_queue_after(d("2026-01-03")));
        assert!(due_queue_after(d("2026-01-02")) <= late);
    }

    #[test]
    fn keys_describe_themselves() {
        assert!(describe(&account(AccountId(42))).starts_with("account 42 [key 61"));
        assert!(
            describe(&touch_chunk(AccountId(7), 2)).starts_with("touches of account 7 (chunk 2)")
        );
        assert!(describe(b"zz").starts_with("unknown key"));
        assert!(describe(&[ACCOUNT]).starts_with("unknown key"));
    }
}
