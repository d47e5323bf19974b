//! Reading what can be read from a damaged store.
//!
//! sled reports a damaged tree node as one error, "Read corrupted data",
//! that names no key, and a scan stops there. So that `doctor` can list
//! what it cannot read and go on, and `export --salvage` can save the rest,
//! a scan that fails skips ahead: it probes later keys, doubling the step,
//! until one reads, narrows the edge down, reports the range between as
//! unreadable and scans on from there. A damaged node costs a hundred or so
//! lookups, a healthy store none.

use std::fmt;

use super::keys;

/// A range of keys that could not be read, `[from, to)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    pub from: Vec<u8>,
    pub to: Vec<u8>,
    pub reason: String,
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot read the records from {} up to {}: {}",
            keys::describe(&self.from),
            keys::describe(&self.to),
            self.reason
        )
    }
}

/// Where a key sits in its family's order: the 8 bytes after the prefix
/// (ids, days, chunk and sequence numbers are big-endian there).
fn position(key: &[u8]) -> u128 {
    let mut bytes = [0u8; 8];
    let tail = key.get(1..).unwrap_or_default();
    let n = tail.len().min(8);
    bytes[..n].copy_from_slice(&tail[..n]);
    u128::from(u64::from_be_bytes(bytes))
}

/// The first key of a family at `position` (2^64: just past the family).
fn key_at(prefix: u8, position: u128) -> Vec<u8> {
    match u64::try_from(position) {
        Ok(n) => {
            let mut key = vec![prefix];
            key.extend_from_slice(&n.to_be_bytes());
            key
        }
        Err(_) => vec![prefix + 1],
    }
}

const END: u128 = 1 << 64;

/// Every record under `prefix` that reads, in key order, and the ranges
/// that do not.
pub fn read_prefix(tree: &sled::Tree, prefix: u8) -> (Vec<(sled::IVec, sled::IVec)>, Vec<Unreadable>) {
    let mut items = Vec::new();
    let mut problems = Vec::new();
    let end = key_at(prefix, END);
    let mut start = vec![prefix];
    // The position the damage starts at, as far as a key can tell.
    let mut bad_from = 0;
    loop {
        let mut failed = None;
        for item in tree.range(start.clone()..end.clone()) {
            match item {
                Ok((key, value)) => {
                    // The next scan, if any, starts just after this key.
                    start = key.to_vec();
                    start.push(0);
                    bad_from = position(&key) + 1;
                    items.push((key, value));
                }
                Err(error) => {
                    failed = Some(super::sled_message(&error));
                    break;
                }
            }
        }
        let Some(reason) = failed else { break };
        let resume = skip_damage(tree, prefix, bad_from.max(position(&start)), &end);
        problems.push(Unreadable { from: key_at(prefix, bad_from), to: key_at(prefix, resume), reason });
        bad_from = resume;
        if resume >= END {
            break;
        }
        start = key_at(prefix, resume);
    }
    (items, problems)
}

/// The first position after `bad` from which the family reads again.
fn skip_damage(tree: &sled::Tree, prefix: u8, bad: u128, end: &[u8]) -> u128 {
    let reads_from =
        |at: u128| at >= END || tree.range(key_at(prefix, at)..end.to_vec()).next().transpose().is_ok();
    let (mut failing, mut step) = (bad, 1u128);
    let good = loop {
        let probe = (failing + step).min(END);
        if reads_from(probe) {
            break probe;
        }
        failing = probe;
        step *= 2;
    };
    // Narrow the edge: the smallest position that reads, between the two.
    let (mut low, mut high) = (failing, good);
    while high - low > 1 {
        let middle = low + (high - low) / 2;
        if reads_from(middle) { high = middle } else { low = middle }
    }
    high
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_follow_key_order() {
        let account = |id: u64| keys::account(crate::domain::AccountId(id));
        assert!(position(&account(7)) < position(&account(8)));
        assert_eq!(key_at(keys::ACCOUNT, position(&account(42))), account(42));
        assert_eq!(key_at(keys::ACCOUNT, END), vec![keys::ACCOUNT + 1]);
        assert_eq!(position(&[keys::SUMMARY, 0, 0, 0, 5]), u128::from(5u64 << 32));
    }

    #[test]
    fn a_healthy_family_reads_whole() {
        let db = sled::Config::new().temporary(true).open().unwrap();
        for id in 1..=300u64 {
            db.insert(keys::account(crate::domain::AccountId(id)), b"x".to_vec()).unwrap();
        }
        db.insert(b"b1", b"other".to_vec()).unwrap();
        let (items, problems) = read_prefix(&db, keys::ACCOUNT);
        assert_eq!(items.len(), 300);
        assert!(problems.is_empty());
    }
}
