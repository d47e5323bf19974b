//! The append-only change history: one entry per committed command, with the
//! before-image of every key it changed. Backs `undo` and is the audit trail.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::StoreError;
use super::keys;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub seq: u64,
    pub at: NaiveDateTime,
    pub summary: String,
    /// Set on the entry that records an undo: the entry it reverted.
    #[serde(default)]
    pub undo_of: Option<u64>,
    #[serde(default)]
    pub undone: bool,
    /// Old entries lose their before-images to bound the store's size; the
    /// summary stays for the audit trail.
    #[serde(default)]
    pub pruned: bool,
    #[serde(default)]
    pub chunks: u32,
    #[serde(default)]
    pub keys_changed: u64,
    /// A change written in several batches (a big import) that has not
    /// finished yet; one still open when the store is opened was cut short
    /// and is rolled back.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub open: bool,
}

impl HistoryEntry {
    pub fn is_undoable(&self) -> bool {
        self.undo_of.is_none() && !self.undone && !self.pruned && !self.open
    }
}

/// One key's state before a change; `None` means the key did not exist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub key: Vec<u8>,
    pub before: Option<Vec<u8>>,
}

/// Bytes of changes per history chunk, to keep values well under sled's
/// blob threshold.
pub const CHUNK_BYTES: usize = 6 * 1024;

/// Packs changes as length-prefixed binary: keys and images are arbitrary
/// bytes, and JSON would triple their size.
pub fn encode_changes(changes: &[Change]) -> Vec<u8> {
    let mut out = Vec::new();
    for change in changes {
        out.extend_from_slice(&(change.key.len() as u32).to_be_bytes());
        out.extend_from_slice(&change.key);
        match &change.before {
            Some(before) => {
                out.push(1);
                out.extend_from_slice(&(before.len() as u32).to_be_bytes());
                out.extend_from_slice(before);
            }
            None => out.push(0),
        }
    }
    out
}

pub fn decode_changes(key: &[u8], mut bytes: &[u8]) -> Result<Vec<Change>, StoreError> {
    let corrupt = || StoreError::Corrupt { key: keys::describe(key), reason: "truncated change list".into() };
    fn take<'a>(bytes: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
        if bytes.len() < n {
            return None;
        }
        let (head, tail) = bytes.split_at(n);
        *bytes = tail;
        Some(head)
    }
    fn take_len(bytes: &mut &[u8]) -> Option<usize> {
        let raw: [u8; 4] = take(bytes, 4)?.try_into().ok()?;
        Some(u32::from_be_bytes(raw) as usize)
    }
    let mut changes = Vec::new();
    while !bytes.is_empty() {
        let key_len = take_len(&mut bytes).ok_or_else(corrupt)?;
        let change_key = take(&mut bytes, key_len).ok_or_else(corrupt)?.to_vec();
        let before = match take(&mut bytes, 1).ok_or_else(corrupt)? {
            [0] => None,
            [1] => {
                let len = take_len(&mut bytes).ok_or_else(corrupt)?;
                Some(take(&mut bytes, len).ok_or_else(corrupt)?.to_vec())
            }
            _ => return Err(corrupt()),
        };
        changes.push(Change { key: change_key, before });
    }
    Ok(changes)
}

/// Splits changes into encoded chunks of about [`CHUNK_BYTES`].
pub fn chunk_changes(changes: Vec<Change>) -> Vec<Vec<u8>> {
    let mut chunks = Vec::new();
    let mut current: Vec<Change> = Vec::new();
    let mut size = 0;
    for change in changes {
        size += change.key.len() + change.before.as_ref().map_or(0, Vec::len) + 9;
        current.push(change);
        if size >= CHUNK_BYTES {
            chunks.push(encode_changes(&std::mem::take(&mut current)));
            size = 0;
        }
    }
    if !current.is_empty() {
        chunks.push(encode_changes(&current));
    }
    chunks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_round_trip_and_truncation_is_an_error() {
        let changes = vec![
            Change { key: b"a1".to_vec(), before: Some(b"old".to_vec()) },
            Change { key: b"t2".to_vec(), before: None },
            Change { key: vec![], before: Some(vec![]) },
        ];
        let bytes = encode_changes(&changes);
        assert_eq!(decode_changes(b"H", &bytes).unwrap(), changes);
        for cut in 1..bytes.len() {
            if let Ok(decoded) = decode_changes(b"H", &bytes[..cut]) {
                assert!(decoded.len() < changes.len());
            }
        }
        assert!(decode_changes(b"H", &[0, 0, 0, 1, b'k', 7]).is_err());
    }

    #[test]
    fn large_change_sets_split_into_chunks() {
        let changes: Vec<Change> = (0..1000u32)
            .map(|i| Change { key: i.to_be_bytes().to_vec(), before: Some(vec![7; 200]) })
            .collect();
        let chunks = chunk_changes(changes.clone());
        assert!(chunks.len() > 1);
        let back: Vec<Change> = chunks.iter().flat_map(|c| decode_changes(b"H", c).unwrap()).collect();
        assert_eq!(back, changes);
    }
}
