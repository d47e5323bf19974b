//! Record encoding: one format byte, then JSON. JSON is self-describing and
//! tolerant of added fields; the byte lets a future format sit beside it.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::StoreError;
use super::keys;

pub const JSON_V1: u8 = 1;

pub fn encode<T: Serialize>(record: &T) -> Vec<u8> {
    let mut out = vec![JSON_V1];
    // Serialising plain data structs to a Vec cannot fail.
    serde_json::to_writer(&mut out, record).expect("records serialise to JSON");
    out
}

pub fn decode<T: DeserializeOwned>(key: &[u8], bytes: &[u8]) -> Result<T, StoreError> {
    let corrupt = |reason: String| StoreError::Corrupt {
        key: keys::describe(key),
        reason,
    };
    match bytes.split_first() {
        Some((&JSON_V1, json)) => serde_json::from_slice(json).map_err(|e| corrupt(e.to_string())),
        Some((format, _)) => Err(corrupt(format!("unknown record format {format}"))),
        None => Err(corrupt("empty record".to_string())),
    }
}

/// Index values hold one big-endian u64.
pub fn encode_u64(value: u64) -> Vec<u8> {
    value.to_be_bytes().to_vec()
}

pub fn decode_u64(key: &[u8], bytes: &[u8]) -> Result<u64, StoreError> {
    let array: [u8; 8] = bytes.try_into().map_err(|_| StoreError::Corrupt {
        key: keys::describe(key),
        reason: format!("expected 8 bytes, found {}", bytes.len()),
    })?;
    Ok(u64::from_be_bytes(array))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_reports_the_key_on_garbage() {
        let key = keys::account(crate::domain::AccountId(3));
        let bytes = encode(&vec![1u32, 2, 3]);
        assert_eq!(decode::<Vec<u32>>(&key, &bytes).unwrap(), vec![1, 2, 3]);
        for garbage in [&b""[..], b"\x01{not json", b"\x09{}", b"\x01\"text\""] {
            let err = decode::<Vec<u32>>(&key, garbage).unwrap_err();
            assert!(err.to_string().contains("account 3"), "{err}");
        }
    }
}
