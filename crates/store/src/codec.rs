//! Record encoding: one format byte, then JSON. JSON is self-describing and
//! tolerant of added fields; the byte lets a future format sit beside it.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::StoreError;
use super::keys;

pub const JSON_V1: u8 = 1;
/// Plain UTF-8 text, for the search index.
pub const TEXT_V1: u8 = 2;
/// postcard, positional and compact: only for derived records, which are
/// rebuilt when their layout changes (`DERIVED_VERSION`).
pub const BINARY_V1: u8 = 3;

pub fn encode<T: Serialize>(record: &T) -> Vec<u8> {
    let mut out = vec![JSON_V1];
    // Serialising plain data structs to a Vec cannot fail.
    serde_json::to_writer(&mut out, record).expect("records serialise to JSON");
    out
}

pub fn decode<T: DeserializeOwned>(key: &[u8], bytes: &[u8]) -> Result<T, StoreError> {
    let corrupt = |reason: String| StoreError::Corrupt { key: keys::describe(key), reason };
    match bytes.split_first() {
        Some((&JSON_V1, json)) => serde_json::from_slice(json).map_err(|e| corrupt(e.to_string())),
        Some((format, _)) => Err(corrupt(format!("unknown record format {format}"))),
        None => Err(corrupt("empty record".to_string())),
    }
}

pub fn encode_binary<T: Serialize>(record: &T) -> Vec<u8> {
    let mut out = vec![BINARY_V1];
    out.extend(postcard::to_stdvec(record).expect("records serialise"));
    out
}

pub fn decode_binary<T: DeserializeOwned>(key: &[u8], bytes: &[u8]) -> Result<T, StoreError> {
    let corrupt = |reason: String| StoreError::Corrupt { key: keys::describe(key), reason };
    match bytes.split_first() {
        Some((&BINARY_V1, data)) => postcard::from_bytes(data).map_err(|e| corrupt(e.to_string())),
        _ => Err(corrupt("not a binary record".into())),
    }
}

pub fn encode_text(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + 1);
    out.push(TEXT_V1);
    out.extend_from_slice(text.as_bytes());
    out
}

pub fn decode_text(key: &[u8], bytes: &[u8]) -> Result<String, StoreError> {
    let corrupt = |reason: &str| StoreError::Corrupt { key: keys::describe(key), reason: reason.into() };
    match bytes.split_first() {
        Some((&TEXT_V1, text)) => String::from_utf8(text.to_vec()).map_err(|_| corrupt("not UTF-8 text")),
        _ => Err(corrupt("not a text record")),
    }
}

/// The number of items in an encoded list, without decoding the items.
pub fn list_len(key: &[u8], bytes: &[u8]) -> Result<usize, StoreError> {
    decode::<Vec<serde::de::IgnoredAny>>(key, bytes).map(|items| items.len())
}

/// Appends one item to an encoded list (or starts one), without decoding
/// and re-encoding the items already there.
pub fn append_to_list<T: Serialize>(list: Option<&[u8]>, item: &T) -> Vec<u8> {
    let item = serde_json::to_vec(item).expect("records serialise to JSON");
    let mut out = match list {
        Some(bytes) if bytes.len() > 2 && bytes.ends_with(b"]") => bytes[..bytes.len() - 1].to_vec(),
        _ => vec![JSON_V1, b'['],
    };
    if out.len() > 2 {
        out.push(b',');
    }
    out.extend_from_slice(&item);
    out.push(b']');
    out
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
    fn appending_to_a_list_equals_encoding_the_longer_list() {
        let key = keys::touches_of(crate::domain::AccountId(1));
        let one = append_to_list(None, &"a");
        assert_eq!(one, encode(&vec!["a"]));
        let two = append_to_list(Some(&one), &"b");
        assert_eq!(two, encode(&vec!["a", "b"]));
        assert_eq!(list_len(&key, &two).unwrap(), 2);
        assert_eq!(append_to_list(Some(&encode(&Vec::<String>::new())), &"c"), encode(&vec!["c"]));
    }

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
