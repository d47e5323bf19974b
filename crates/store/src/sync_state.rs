//! Sync's own state, kept in the data tree under [`keys::SYNC`] so that it
//! is written in the same atomic batch as the changes it accounts for (a
//! pulled change and the clocks that let it in), yet outside the history:
//! `undo` leaves it alone.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{Records, Store, StoreError, Txn, codec, keys};

impl Store {
    /// A value sync keeps under `name`.
    pub fn sync_value<T: DeserializeOwned>(&self, name: &[u8]) -> Result<Option<T>, StoreError> {
        read(self, name)
    }

    /// The rest of every name sync keeps under `prefix`, in order, without
    /// reading the values.
    pub fn sync_names(&self, prefix: &[u8]) -> Result<Vec<Vec<u8>>, StoreError> {
        let full = keys::sync(prefix);
        self.data.scan_prefix(&full).keys().map(|key| Ok(key?[full.len()..].to_vec())).collect()
    }

    /// The last change of the journal sync has taken to send.
    pub fn sync_taken(&self) -> Result<Option<u64>, StoreError> {
        let key = keys::sync_taken();
        self.raw(&key)?.map(|bytes| codec::decode_u64(&key, &bytes)).transpose()
    }
}

impl Txn<'_> {
    pub fn sync_value<T: DeserializeOwned>(&self, name: &[u8]) -> Result<Option<T>, StoreError> {
        read(self, name)
    }

    /// Stages a value of sync's, written with the change (or alone when
    /// nothing else changed).
    pub fn put_sync<T: Serialize>(&mut self, name: &[u8], value: &T) {
        self.put_raw(keys::sync(name), codec::encode(value));
    }

    pub fn remove_sync(&mut self, name: &[u8]) {
        self.remove_raw(keys::sync(name));
    }

    pub fn set_sync_taken(&mut self, seq: u64) {
        self.put_raw(keys::sync_taken(), codec::encode_u64(seq));
    }
}

fn read<T: DeserializeOwned>(records: &impl Records, name: &[u8]) -> Result<Option<T>, StoreError> {
    let key = keys::sync(name);
    records.raw(&key)?.map(|bytes| codec::decode(&key, &bytes)).transpose()
}
