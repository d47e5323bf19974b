//! The one module that knows sled.
//!
//! Layout: a `meta` tree holds the schema version; a `data` tree holds every
//! record under a one-byte prefix (see [`keys`]). A command stages its
//! writes in a [`Txn`] and commits them as one atomic sled batch together
//! with its history entry, then makes them durable (flush, then fsync of the
//! data file) before returning. Few, small-to-medium values per account
//! (touches and orders are kept in chunks, search keys in chunks of 256
//! accounts) keep sled's open and scan costs low.

mod codec;
mod compact;
mod doctor;
mod history;
pub mod keys;
mod lock;
mod migrate;
mod txn;

use std::collections::HashSet;
use std::fs::{self, File};
use std::io;
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::{
    Account, AccountId, AccountStats, AccountSummary, DayEntry, FollowUp, FollowUpId, Order, Referral,
    ReferralId, Touch,
};
use crate::search::SearchIndex;

pub use doctor::DoctorReport;
pub use history::HistoryEntry;
pub use migrate::{DERIVED_VERSION, SCHEMA_VERSION};
pub use txn::Txn;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store {path} is in use by another leadline process")]
    InUse { path: String },
    #[error(
        "store {path} was written by a newer Leadline (schema {found}; this build reads up to {supported}); upgrade Leadline"
    )]
    TooNew { path: String, found: u32, supported: u32 },
    #[error("{path} is not a Leadline store: {reason}")]
    NotAStore { path: String, reason: String },
    #[error("unreadable record {key}: {reason} (run `leadline doctor`)")]
    Corrupt { key: String, reason: String },
    #[error("store {path}: {source}")]
    Io { path: String, source: io::Error },
    #[error("the store has handed out every {kind} id it can hold (up to {max}); nothing was saved", max = crate::domain::MAX_ID)]
    IdsExhausted { kind: &'static str },
    #[error("store error: {0}")]
    Sled(String),
}

impl From<sled::Error> for StoreError {
    fn from(error: sled::Error) -> Self {
        StoreError::Sled(error.to_string())
    }
}

/// An account as stored: the record people edit and its derived aggregates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountRecord {
    pub account: Account,
    #[serde(default)]
    pub stats: AccountStats,
}

impl AccountRecord {
    pub fn summary(&self) -> AccountSummary {
        AccountSummary::new(&self.account, &self.stats)
    }
}

/// Records read in bulk, with the ones that failed to decode reported
/// beside them instead of failing the whole read.
#[derive(Debug)]
pub struct Loaded<T> {
    pub items: Vec<T>,
    pub problems: Vec<StoreError>,
}

impl<T> Default for Loaded<T> {
    fn default() -> Self {
        Loaded { items: Vec::new(), problems: Vec::new() }
    }
}

/// A raw record: key and encoded value.
pub type KeyValue = (Vec<u8>, Vec<u8>);

pub const TOUCH_CHUNK: usize = 32;
pub const ORDER_CHUNK: usize = 32;

pub struct Store {
    db: sled::Db,
    data: sled::Tree,
    meta: sled::Tree,
    dir: PathBuf,
    data_file: File,
    /// Serialises writers inside the process; also remembers which of
    /// sled's blob files have been fsynced.
    writer: Mutex<HashSet<std::ffi::OsString>>,
    /// Dropped last (fields drop in order), after sled has closed.
    _lock: lock::StoreLock,
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |source| StoreError::Io { path: path.display().to_string(), source }
}

/// Derived keys rewritten on open above which the store is compacted.
const COMPACT_AFTER_REBUILD: usize = 5_000;

impl Store {
    /// Opens (creating if needed) the store in `dir`, migrating it if it
    /// is older than this build.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        prepare_private_dir(dir)?;
        let lock = lock::StoreLock::acquire(dir)?;
        lock::remove_unfinished_snapshots(dir)?;
        let db = open_sled(dir)?;
        tighten_permissions(dir)?;
        compact::remove_leftovers(dir)?;
        let data = db.open_tree("data")?;
        let meta = db.open_tree("meta")?;
        let data_file = File::open(dir.join("db")).map_err(io_error(dir))?;
        let store = Store {
            db,
            data,
            meta,
            dir: dir.to_path_buf(),
            data_file,
            writer: Mutex::new(HashSet::new()),
            _lock: lock,
        };
        // A rebuild of a big book leaves sled's log long, and every later
        // open would replay it: rewrite the file once now instead.
        if migrate::on_open(&store)? > COMPACT_AFTER_REBUILD {
            return store.compact();
        }
        Ok(store)
    }

    /// Rewrites the store into a fresh file (see the `compact` module);
    /// worth it after a bulk load.
    pub fn compact(self) -> Result<Store, StoreError> {
        compact::compact(self)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn begin(&self) -> Txn<'_> {
        Txn::new(self)
    }

    /// True when the book holds no account (demo fills only such a store).
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.data.scan_prefix([keys::ACCOUNT]).next().transpose()?.is_none())
    }

    /// Flushes sled's log and fsyncs what it wrote, so that a reported
    /// write survives power loss; sled's own flush uses sync_file_range,
    /// which leaves the drive cache and file metadata unflushed.
    fn make_durable(&self, synced_blobs: &mut HashSet<std::ffi::OsString>) -> Result<(), StoreError> {
        self.db.flush()?;
        self.data_file.sync_all().map_err(io_error(&self.dir))?;
        let blob_dir = self.dir.join("blobs");
        let Ok(entries) = fs::read_dir(&blob_dir) else {
            return Ok(());
        };
        let mut synced_any = false;
        for entry in entries.flatten() {
            let name = entry.file_name();
            if !synced_blobs.contains(&name) {
                if let Ok(file) = File::open(entry.path()) {
                    file.sync_all().map_err(io_error(&blob_dir))?;
                }
                synced_blobs.insert(name);
                synced_any = true;
            }
        }
        if synced_any {
            File::open(&blob_dir).and_then(|d| d.sync_all()).map_err(io_error(&blob_dir))?;
        }
        Ok(())
    }

    fn get_raw(&self, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.data.get(key)?.map(|v| v.to_vec()))
    }

    fn scan_raw(&self, prefix: &[u8]) -> Result<Vec<KeyValue>, StoreError> {
        self.data
            .scan_prefix(prefix)
            .map(|item| item.map(|(k, v)| (k.to_vec(), v.to_vec())).map_err(StoreError::from))
            .collect()
    }

    /// Every account, decoded on all cores (the biggest read at start-up).
    pub fn accounts(&self) -> Result<Loaded<AccountRecord>, StoreError> {
        let raw: Vec<(sled::IVec, sled::IVec)> =
            self.data.scan_prefix([keys::ACCOUNT]).collect::<Result<_, _>>()?;
        Ok(decode_parallel(&raw, |(key, value)| codec::decode::<AccountRecord>(key, value)))
    }

    /// The search index of the whole book.
    pub fn search_index(&self) -> Result<(SearchIndex, Vec<StoreError>), StoreError> {
        let raw: Vec<(sled::IVec, sled::IVec)> =
            self.data.scan_prefix([keys::SEARCH]).collect::<Result<_, _>>()?;
        let mut chunks = Vec::with_capacity(raw.len());
        let mut problems = Vec::new();
        for (key, value) in &raw {
            match codec::decode_text(key, value) {
                Ok(text) => chunks.push(text),
                Err(problem) => problems.push(problem),
            }
        }
        Ok((SearchIndex::new(chunks), problems))
    }

    /// The summary of every account (see [`AccountSummary`]).
    pub fn summaries(&self) -> Result<Loaded<AccountSummary>, StoreError> {
        let raw: Vec<(sled::IVec, sled::IVec)> =
            self.data.scan_prefix([keys::SUMMARY]).collect::<Result<_, _>>()?;
        let chunks =
            decode_parallel(&raw, |(key, value)| codec::decode_binary::<Vec<AccountSummary>>(key, value));
        Ok(Loaded { items: chunks.items.into_iter().flatten().collect(), problems: chunks.problems })
    }

    /// The day index from `from` to `to` (both included), in date order.
    pub fn day_entries(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Loaded<(NaiveDate, DayEntry)>, StoreError> {
        let mut loaded = Loaded::default();
        let end = keys::day(to.succ_opt().unwrap_or(NaiveDate::MAX));
        for item in self.data.range(keys::day(from)..end) {
            let (key, value) = item?;
            let Some(date) = keys::day_of(&key) else { continue };
            match codec::decode_binary::<Vec<DayEntry>>(&key, &value) {
                Ok(entries) => loaded.items.extend(entries.into_iter().map(|e| (date, e))),
                Err(problem) => loaded.problems.push(problem),
            }
        }
        Ok(loaded)
    }

    /// Days from `from` to `to` with any touch or order.
    pub fn active_days(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<std::collections::BTreeSet<NaiveDate>, StoreError> {
        let end = keys::day(to.succ_opt().unwrap_or(NaiveDate::MAX));
        let mut days = std::collections::BTreeSet::new();
        for key in self.data.range(keys::day(from)..end).keys() {
            days.extend(keys::day_of(&key?));
        }
        Ok(days)
    }

    /// Every follow-up, in id order.
    pub fn follow_ups(&self) -> Result<Loaded<FollowUp>, StoreError> {
        let raw: Vec<(sled::IVec, sled::IVec)> =
            self.data.scan_prefix([keys::FOLLOW_UP]).collect::<Result<_, _>>()?;
        Ok(decode_parallel(&raw, |(key, value)| codec::decode::<FollowUp>(key, value)))
    }

    /// Every referral, in id order.
    pub fn referrals(&self) -> Result<Loaded<Referral>, StoreError> {
        let raw: Vec<(sled::IVec, sled::IVec)> =
            self.data.scan_prefix([keys::REFERRAL]).collect::<Result<_, _>>()?;
        Ok(decode_parallel(&raw, |(key, value)| codec::decode::<Referral>(key, value)))
    }

    /// The newest history entries, newest first.
    pub fn history(&self, limit: usize) -> Result<Vec<HistoryEntry>, StoreError> {
        self.data
            .scan_prefix([keys::HISTORY])
            .rev()
            .take(limit)
            .map(|item| {
                let (key, value) = item?;
                codec::decode(&key, &value)
            })
            .collect()
    }

    /// Reverts the newest change that is still undoable, as a new command
    /// of its own. Returns the entry it reverted.
    pub fn undo(&self, at: chrono::NaiveDateTime) -> Result<UndoOutcome, StoreError> {
        txn::undo_last(self, at)
    }

    pub fn doctor(&self, today: NaiveDate) -> Result<DoctorReport, StoreError> {
        doctor::check(self, today)
    }

    /// Recomputes every derived record (aggregates, indexes, search keys)
    /// from the primary records, in one commit.
    pub fn rebuild_derived(&self) -> Result<usize, StoreError> {
        migrate::rebuild_derived(self)
    }
}

#[derive(Debug)]
pub enum UndoOutcome {
    Undone(HistoryEntry),
    Nothing,
    /// The newest undoable change is older than the history keeps.
    TooOld(HistoryEntry),
}

/// Decodes on all cores; `raw` items may be single records or chunks.
fn decode_parallel<R, T, F>(raw: &[R], decode: F) -> Loaded<T>
where
    R: Sync,
    T: Send,
    F: Fn(&R) -> Result<T, StoreError> + Sync,
{
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    let per_thread = raw.len().div_ceil(threads).max(64);
    let parts: Vec<Vec<Result<T, StoreError>>> = std::thread::scope(|scope| {
        let workers: Vec<_> = raw
            .chunks(per_thread)
            .map(|slice| scope.spawn(|| slice.iter().map(&decode).collect::<Vec<_>>()))
            .collect();
        workers.into_iter().map(|w| w.join().unwrap_or_default()).collect()
    });
    let mut loaded = Loaded { items: Vec::with_capacity(raw.len()), problems: Vec::new() };
    for result in parts.into_iter().flatten() {
        match result {
            Ok(item) => loaded.items.push(item),
            Err(problem) => loaded.problems.push(problem),
        }
    }
    loaded
}

/// Reads shared by the store and a transaction (which sees its own staged
/// writes on top of the store).
pub trait Records {
    fn raw(&self, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError>;
    fn raw_prefix(&self, prefix: &[u8]) -> Result<Vec<KeyValue>, StoreError>;

    fn account(&self, id: AccountId) -> Result<Option<AccountRecord>, StoreError> {
        let key = keys::account(id);
        self.raw(&key)?.map(|v| codec::decode(&key, &v)).transpose()
    }

    fn touches(&self, id: AccountId) -> Result<Vec<Touch>, StoreError> {
        chunked(self, &keys::touches_of(id))
    }

    fn orders(&self, id: AccountId) -> Result<Vec<Order>, StoreError> {
        chunked(self, &keys::orders_of(id))
    }

    fn follow_up(&self, id: FollowUpId) -> Result<Option<FollowUp>, StoreError> {
        let key = keys::follow_up(id);
        self.raw(&key)?.map(|v| codec::decode(&key, &v)).transpose()
    }

    fn follow_ups_of(&self, account: AccountId) -> Result<Vec<FollowUp>, StoreError> {
        let mut out = Vec::new();
        for (key, _) in self.raw_prefix(&keys::follow_ups_of(account))? {
            if let Some(id) = keys::u64_at(&key, 9) {
                out.extend(self.follow_up(FollowUpId(id))?);
            }
        }
        Ok(out)
    }

    fn referral(&self, id: ReferralId) -> Result<Option<Referral>, StoreError> {
        let key = keys::referral(id);
        self.raw(&key)?.map(|v| codec::decode(&key, &v)).transpose()
    }

    fn referrals_of(&self, account: AccountId) -> Result<Vec<Referral>, StoreError> {
        let mut out = Vec::new();
        for (key, _) in self.raw_prefix(&keys::referrals_of(account))? {
            if let Some(id) = keys::u64_at(&key, 9) {
                out.extend(self.referral(ReferralId(id))?);
            }
        }
        Ok(out)
    }
}

fn chunked<T, R>(records: &R, prefix: &[u8]) -> Result<Vec<T>, StoreError>
where
    T: serde::de::DeserializeOwned,
    R: Records + ?Sized,
{
    let mut out = Vec::new();
    for (key, value) in records.raw_prefix(prefix)? {
        out.extend(codec::decode::<Vec<T>>(&key, &value)?);
    }
    Ok(out)
}

impl Records for Store {
    fn raw(&self, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        self.get_raw(key)
    }

    fn raw_prefix(&self, prefix: &[u8]) -> Result<Vec<KeyValue>, StoreError> {
        self.scan_raw(prefix)
    }
}

/// Opens sled with our lock already held. sled takes a lock of its own on
/// its data file; if that is still held, it is by a sled instance of this
/// process that is finishing its shutdown in the background (a store just
/// dropped and reopened), so wait a little for it.
fn open_sled(dir: &Path) -> Result<sled::Db, StoreError> {
    let mut attempts = 0;
    loop {
        match sled::Config::new().path(dir).open() {
            Ok(db) => return Ok(db),
            Err(sled::Error::Io(io)) if io.to_string().contains("could not acquire lock") => {
                attempts += 1;
                if attempts == 100 {
                    return Err(StoreError::InUse { path: dir.display().to_string() });
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(other) => return Err(StoreError::from(other)),
        }
    }
}

/// Creates the store directory private to its owner (0700), or tightens an
/// existing one, and refuses a directory that holds something else.
fn prepare_private_dir(dir: &Path) -> Result<(), StoreError> {
    // Files sled creates later (snapshots, blobs) must be private too.
    // SAFETY: umask only swaps the process's file-creation mask.
    unsafe {
        libc::umask(0o077);
    }
    if dir.exists() {
        if !dir.is_dir() {
            return Err(StoreError::NotAStore {
                path: dir.display().to_string(),
                reason: "it is a file, not a directory".into(),
            });
        }
        let mut entries = fs::read_dir(dir).map_err(io_error(dir))?.flatten();
        let has_content = entries.any(|e| e.file_name() != lock::LOCK_FILE);
        if has_content && !dir.join("db").exists() && !dir.join("conf").exists() {
            return Err(StoreError::NotAStore {
                path: dir.display().to_string(),
                reason: "the directory holds other files".into(),
            });
        }
    } else {
        fs::DirBuilder::new().recursive(true).mode(0o700).create(dir).map_err(io_error(dir))?;
    }
    Ok(())
}

fn tighten_permissions(dir: &Path) -> Result<(), StoreError> {
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).map_err(io_error(dir))?;
    for entry in fs::read_dir(dir).map_err(io_error(dir))?.flatten() {
        let path = entry.path();
        let mode = if path.is_dir() { 0o700 } else { 0o600 };
        fs::set_permissions(&path, fs::Permissions::from_mode(mode)).map_err(io_error(&path))?;
        if path.is_dir() {
            for inner in fs::read_dir(&path).map_err(io_error(&path))?.flatten() {
                fs::set_permissions(inner.path(), fs::Permissions::from_mode(0o600))
                    .map_err(io_error(&path))?;
            }
        }
    }
    Ok(())
}
