//! The one module that knows sled.
//!
//! Layout: a `meta` tree holds the schema version; a `data` tree holds every
//! record under a one-byte prefix (see [`keys`]). A command stages its
//! writes in a [`Txn`] and commits them as one atomic sled batch together
//! with its history entry, then makes them durable (flush, then fsync of the
//! data file) before returning. Few, small-to-medium values per account
//! (touches and orders are kept in chunks, search keys in chunks of 256
//! accounts) keep sled's open and scan costs low.

mod bulk;
mod changes;
mod codec;
mod commit_mark;
mod compact;
mod dir;
mod doctor;
pub mod files;
mod history;
mod integrity;
pub mod journal;
pub mod keys;
mod lock;
mod merge;
mod migrate;
mod salvage;
mod sync_state;
mod txn;

use std::collections::HashSet;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chrono::NaiveDate;
use leadline_core::{domain, search};
use serde::{Deserialize, Serialize};

use crate::domain::{
    Account, AccountId, AccountStats, AccountSummary, Competitor, CompetitorId, Competitors, DayEntry,
    DayRecord, FollowUp, FollowUpId, Order, OrderId, Referral, ReferralId, RemovedFollowUp, Touch, TouchId,
};
use crate::search::SearchIndex;

pub use bulk::Bulk;
pub use changes::Changes;
pub use commit_mark::CommitMark;
pub use doctor::{DoctorReport, Problem};
pub use history::HistoryEntry;
pub use merge::Moved;
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
    #[error(
        "unreadable record {key}: {reason} (`leadline doctor` lists what cannot be read; `leadline recover --to NEW_DIR` brings it back)"
    )]
    Corrupt { key: String, reason: String },
    #[error("store {path}: {source}")]
    Io { path: String, source: io::Error },
    #[error("the store has handed out every {kind} id it can hold (up to {max}); nothing was saved", max = crate::domain::MAX_ID)]
    IdsExhausted { kind: &'static str },
    #[error("{}", rolled_back_message(path, *holds, committed))]
    RolledBack { path: String, holds: u64, committed: CommitMark },
    /// The disk had no room for the change; nothing was written.
    #[error("disk full: nothing was saved ({path} needs about {needed} free, {free} is left)")]
    DiskFull { path: String, needed: String, free: String },
    /// The disk filled while sled was writing: what was written is not
    /// trusted, and this store handle writes nothing more.
    #[error(
        "disk full: the store could not be written, and nothing more will be; free some space on the disk of {path}, then run `leadline doctor`"
    )]
    DiskFullWhileSaving { path: String },
    #[error(
        "disk full: cannot open store {path}: sled writes to its files when it opens; free some space on its disk first"
    )]
    DiskFullOnOpen { path: String },
    #[error(
        "{path} is {what}, not the file Leadline keeps there; nothing was done: remove it (Leadline makes it again)"
    )]
    NotOurs { path: String, what: &'static str },
    #[error("store {path} cannot be opened: sled finds its data files damaged ({reason})")]
    Damaged { path: String, reason: String },
    /// sled found the disk full while it worked.
    #[error(
        "disk full: there is no room left on the store's disk ({reason}); free some space, then run the command again"
    )]
    NoRoom { reason: String },
    /// sled met damage in its files while working: what was being done is
    /// not saved.
    #[error(
        "the store's data files are damaged ({reason}); nothing was saved: `leadline recover --to NEW_DIR` builds a whole store from the newest backup and the journal"
    )]
    DamagedFiles { reason: String },
    #[error("store error: {0}")]
    Sled(String),
}

fn rolled_back_message(path: &str, holds: u64, committed: &CommitMark) -> String {
    let missing = committed.seq - holds;
    let which = if missing == 1 {
        format!("change #{}", committed.seq)
    } else {
        format!("{missing} changes, #{} to #{}", holds + 1, committed.seq)
    };
    format!(
        "store {path} has lost its newest {which} (the last was '{}' at {}): a damaged data file made sled open without them",
        committed.summary,
        committed.at.format("%Y-%m-%d %H:%M")
    )
}

impl From<sled::Error> for StoreError {
    fn from(error: sled::Error) -> Self {
        match &error {
            error if is_disk_full(error) => StoreError::NoRoom { reason: sled_message(error) },
            sled::Error::Corruption { .. } => StoreError::DamagedFiles { reason: sled_message(&error) },
            _ => StoreError::Sled(sled_message(&error)),
        }
    }
}

/// sled's message without the empty backtrace it appends.
pub(crate) fn sled_message(error: &sled::Error) -> String {
    error.to_string().replace(" backtrace ()", "")
}

fn is_disk_full(error: &sled::Error) -> bool {
    matches!(error, sled::Error::Io(io) if io.kind() == io::ErrorKind::StorageFull || io.raw_os_error() == Some(28))
}

/// An account as stored: the record people edit and its derived aggregates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "StoredAccount")]
pub struct AccountRecord {
    pub account: Account,
    #[serde(default)]
    pub stats: AccountStats,
}

/// An account record as read, before an older book's free-text
/// competitors become a note: every read of a record goes through it.
#[derive(Deserialize)]
struct StoredAccount {
    account: Account,
    #[serde(default)]
    stats: AccountStats,
}

impl From<StoredAccount> for AccountRecord {
    fn from(StoredAccount { mut account, stats }: StoredAccount) -> AccountRecord {
        account.carry_over_competitors();
        AccountRecord { account, stats }
    }
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

/// The primary records of a store that could be read, and what could not.
#[derive(Debug, Default)]
pub struct Salvaged {
    pub accounts: Vec<AccountRecord>,
    pub touches: Vec<Touch>,
    pub orders: Vec<Order>,
    pub follow_ups: Vec<FollowUp>,
    pub referrals: Vec<Referral>,
    pub competitors: Vec<Competitor>,
    pub days: Vec<DayRecord>,
    pub problems: Vec<String>,
}

/// A raw record: key and encoded value.
pub type KeyValue = (Vec<u8>, Vec<u8>);

pub const TOUCH_CHUNK: usize = 32;
pub const ORDER_CHUNK: usize = 32;

/// The meta key of [`Store::phones_region`].
const PHONES_REGION_KEY: &[u8] = b"phones_region";

/// How a store is opened.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OpenOptions {
    /// Open a store that lost changes Leadline committed (for `doctor` and
    /// salvage): it reads, and refuses to write until the loss is accepted.
    pub allow_rollback: bool,
}

/// What a store holds against what Leadline committed to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rollback {
    /// The newest change the store holds.
    pub holds: u64,
    /// The newest change Leadline committed.
    pub committed: CommitMark,
}

pub struct Store {
    db: sled::Db,
    data: sled::Tree,
    meta: sled::Tree,
    dir: PathBuf,
    data_file: File,
    mark: commit_mark::MarkFile,
    /// The mark as last written, for the interrupted write's note.
    last_mark: Mutex<Option<CommitMark>>,
    /// Accounts whose aggregates a write that failed half-way may have
    /// left wrong; checked when the store is migrated (opened for work).
    interrupted: Vec<u64>,
    rollback: Option<Rollback>,
    /// Set when a write failed after sled took it: what sled holds in memory
    /// is not what is on disk, so nothing more is written, not even the
    /// flush sled does when it closes.
    poisoned: std::sync::atomic::AtomicBool,
    /// Serialises writers inside the process; also remembers which of
    /// sled's blob files have been fsynced.
    writer: Mutex<HashSet<std::ffi::OsString>>,
    /// The operation journal beside sled's files (see [`journal`]).
    journal: Mutex<journal::Writer>,
    /// Dropped last (fields drop in order), after sled has closed.
    _lock: lock::StoreLock,
}

impl Drop for Store {
    fn drop(&mut self) {
        // Every change was made durable when it was committed. sled also
        // rewrites pages on its own, even during reads; on a full disk its
        // closing flush can wait forever for room.
        let full = self.free_bytes().is_some_and(|free| free < ROOM_TO_CLOSE);
        if full || self.poisoned.load(std::sync::atomic::Ordering::SeqCst) {
            // sled flushes its in-memory state when its last handle goes;
            // after a failed write that would write what was reported as not
            // saved, or wait forever on a full disk. Leaked handles never go.
            std::mem::forget(self.db.clone());
            std::mem::forget(self.data.clone());
            std::mem::forget(self.meta.clone());
        }
    }
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |source| StoreError::Io { path: path.display().to_string(), source }
}

/// Free bytes below which sled is not given its closing flush.
const ROOM_TO_CLOSE: u64 = 1 << 20;

/// Derived keys rewritten on open above which the store is compacted.
const COMPACT_AFTER_REBUILD: usize = 5_000;

use dir::{own_file, prepare_private_dir, tighten_permissions};
pub use integrity::note_failed_read;
pub use journal::read_journal;

impl Store {
    /// Opens (creating if needed) the store in `dir`, migrating it if it
    /// is older than this build.
    #[cfg(test)]
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        Store::open_unmigrated(dir, OpenOptions::default())?.migrated()
    }

    /// Opens the store without migrating it (see [`Store::needs_migration`]
    /// and [`Store::migrated`]), so that a backup can be written first.
    pub fn open_unmigrated(dir: &Path, options: OpenOptions) -> Result<Store, StoreError> {
        prepare_private_dir(dir)?;
        let lock = lock::StoreLock::acquire(dir)?;
        Store::open_locked(dir, options, lock)
    }

    /// Opens the store whose lock is held already (a compaction takes the
    /// new copy's lock before it swaps it in, so that no other process gets
    /// the store between the swap and the reopening).
    fn open_locked(dir: &Path, options: OpenOptions, lock: lock::StoreLock) -> Result<Store, StoreError> {
        lock::remove_unfinished_snapshots(dir)?;
        let unsealed = integrity::changed_since_sealed(dir);
        let db = open_sled(dir)?;
        tighten_permissions(dir)?;
        compact::remove_leftovers(dir)?;
        let data = db.open_tree("data").map_err(|e| open_error(dir, e))?;
        let meta = db.open_tree("meta").map_err(|e| open_error(dir, e))?;
        let data_file = File::open(dir.join("db")).map_err(io_error(dir))?;
        own_file(&dir.join(commit_mark::FILE))?;
        let (mark, committed) = commit_mark::MarkFile::open(dir).map_err(io_error(dir))?;
        let mut store = Store {
            db,
            data,
            meta,
            dir: dir.to_path_buf(),
            data_file,
            mark,
            last_mark: Mutex::new(committed.clone()),
            interrupted: committed.as_ref().map(|m| m.interrupted.clone()).unwrap_or_default(),
            rollback: None,
            poisoned: std::sync::atomic::AtomicBool::new(false),
            writer: Mutex::new(HashSet::new()),
            journal: Mutex::new(journal::Writer::new(dir)),
            _lock: lock,
        };
        let holds = store.newest_change()?;
        match committed {
            Some(committed) if committed.seq > holds.as_ref().map_or(0, |h| h.seq) => {
                let holds = holds.map_or(0, |h| h.seq);
                if !options.allow_rollback {
                    return Err(StoreError::RolledBack { path: dir.display().to_string(), holds, committed });
                }
                store.rollback = Some(Rollback { holds, committed });
            }
            // A mark behind the store: the process ended between a commit
            // and its mark, or the store predates marks.
            Some(committed) if holds.as_ref().is_some_and(|h| h.seq > committed.seq) => {
                store.write_mark(holds.map(|h| CommitMark { interrupted: committed.interrupted, ..h }))
            }
            None => store.write_mark(holds),
            Some(_) => {}
        }
        if unsealed {
            integrity::set_damaged(dir, store.read_through());
        }
        Ok(store)
    }

    /// Reads every record once; says how many could not be read.
    fn read_through(&self) -> usize {
        let mut unreadable = self.salvage().problems.len();
        unreadable += self.summaries().map_or(1, |loaded| loaded.problems.len());
        unreadable += self.search_index().map_or(1, |(_, problems)| problems.len());
        for family in [keys::DAY, keys::FOLLOW_UPS_OF, keys::REFERRALS_OF] {
            unreadable += self.read_family(family).1.len();
        }
        unreadable
    }

    /// Records sled's files as this process leaves them (see
    /// `integrity`): call when a command is done with the store.
    pub fn seal(&self) {
        integrity::seal(&self.dir);
    }

    /// How many records a read-through or a failed read found damaged.
    pub fn damaged(&self) -> Option<usize> {
        integrity::damaged(&self.dir)
    }

    /// Forgets the damage counted, after a check found none.
    pub fn clear_damage(&self) {
        integrity::set_damaged(&self.dir, 0);
    }

    /// Whether opening the store changes it: an older schema or derived
    /// records of an older version.
    pub fn needs_migration(&self) -> Result<bool, StoreError> {
        migrate::needs_migration(self)
    }

    /// Brings the store up to this build's versions; a big rebuild is
    /// followed by a compaction, since every later open would replay it.
    pub fn migrated(mut self) -> Result<Store, StoreError> {
        if migrate::on_open(&self)? > COMPACT_AFTER_REBUILD {
            return Ok(self.compact()?.store);
        }
        self.recheck_interrupted()?;
        bulk::roll_back_open_entry(&self)?;
        Ok(self)
    }

    /// Starts a change that adds many new accounts, written in batches
    /// (see the `bulk` module).
    pub fn bulk(
        &self,
        summary: impl Into<String>,
        at: chrono::NaiveDateTime,
    ) -> Result<Bulk<'_>, StoreError> {
        Bulk::new(self, summary.into(), at)
    }

    /// After a write that failed half-way, sled may have kept part of its
    /// batch: the aggregates and indexes of the accounts it changed are
    /// recomputed from their records (all of them when it changed many).
    fn recheck_interrupted(&mut self) -> Result<(), StoreError> {
        if self.interrupted.is_empty() {
            return Ok(());
        }
        if self.interrupted.len() >= commit_mark::MAX_INTERRUPTED {
            migrate::rebuild_derived(self, migrate::History::Keep)?;
        } else {
            let mut txn = self.begin();
            for id in &self.interrupted {
                txn.recompute(AccountId(*id));
            }
            txn.commit("recheck the accounts of a write the full disk interrupted", self.newest_at()?)?;
        }
        self.interrupted.clear();
        let newest = self.newest_change()?;
        self.write_mark(newest);
        Ok(())
    }

    /// When the newest change was made (the recheck is dated with it: the
    /// store has no clock).
    fn newest_at(&self) -> Result<chrono::NaiveDateTime, StoreError> {
        Ok(self.newest_change()?.map_or(chrono::NaiveDateTime::MIN, |m| m.at))
    }

    /// Notes, in the mark file, the accounts a write was changing when it
    /// failed after sled took it (see [`Store::recheck_interrupted`]).
    fn note_interrupted(&self, mut accounts: Vec<u64>) {
        accounts.truncate(commit_mark::MAX_INTERRUPTED);
        let last = self.last_mark.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let at = last.as_ref().map_or(chrono::NaiveDateTime::MIN, |m| m.at);
        let mark = last.unwrap_or(CommitMark { seq: 0, at, summary: String::new(), interrupted: Vec::new() });
        let _ = self.mark.write(&CommitMark { interrupted: accounts, ..mark });
    }

    /// The region the stored phones' international forms were worked out
    /// in (`[contacts] default_region`); None in a store from before them.
    pub fn phones_region(&self) -> Result<Option<String>, StoreError> {
        Ok(self.meta.get(PHONES_REGION_KEY)?.map(|bytes| String::from_utf8_lossy(&bytes).into_owned()))
    }

    /// Rewrites the accounts `change` changes, outside the history (see
    /// `migrate::rewrite_accounts`); durable on return.
    pub fn rewrite_accounts(&self, change: impl FnMut(&mut Account) -> bool) -> Result<usize, StoreError> {
        migrate::rewrite_accounts(self, change)
    }

    /// Records the region the phones are now normalised in; durable on return.
    pub fn set_phones_region(&self, region: &str) -> Result<(), StoreError> {
        self.put_meta(PHONES_REGION_KEY, region.as_bytes())
    }

    /// What a sync with an outside folder (`calendar sync DIR`) last left
    /// there, under a key naming the sync and the folder; outside the
    /// history, since `undo` of a sync's change is a change Leadline makes
    /// and the next sync sends.
    pub fn sync_state(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.meta.get(format!("sync:{key}").as_bytes())?.map(|bytes| bytes.to_vec()))
    }

    /// Records what a sync left in its folder; durable on return.
    pub fn set_sync_state(&self, key: &str, state: &[u8]) -> Result<(), StoreError> {
        self.put_meta(format!("sync:{key}").as_bytes(), state)
    }

    /// Writes one of the store's own facts (a version, a region); durable
    /// on return.
    fn put_meta(&self, key: &[u8], value: &[u8]) -> Result<(), StoreError> {
        self.meta.insert(key, value)?;
        let mut synced = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        self.make_durable(&mut synced)
    }

    /// The changes Leadline committed that the store lost, when it was
    /// opened with [`OpenOptions::allow_rollback`].
    pub fn rollback(&self) -> Option<&Rollback> {
        self.rollback.as_ref()
    }

    /// Takes the store as it is after a rollback: later changes get new
    /// sequence numbers after the ones it holds, and it writes again.
    pub fn accept_rollback(&mut self) -> Result<(), StoreError> {
        if self.rollback.take().is_some() {
            let holds = self.newest_change()?;
            self.write_mark(holds);
        }
        Ok(())
    }

    /// The newest entry of the history, as a mark.
    fn newest_change(&self) -> Result<Option<CommitMark>, StoreError> {
        let Some(item) = self.data.scan_prefix([keys::HISTORY]).next_back() else {
            return Ok(None);
        };
        let (key, value) = item?;
        let entry: HistoryEntry = codec::decode(&key, &value)?;
        Ok(Some(CommitMark { seq: entry.seq, at: entry.at, summary: entry.summary, interrupted: Vec::new() }))
    }

    /// Records the newest change in the mark file. A hedge: when it cannot
    /// be written the change itself is still saved, so this never fails.
    fn write_mark(&self, mark: Option<CommitMark>) {
        if let Some(mark) = mark {
            let _ = self.mark.write(&mark);
            *self.last_mark.lock().unwrap_or_else(|p| p.into_inner()) = Some(mark);
        }
    }

    /// The number of the newest change the store holds (0 for none).
    pub fn newest_seq(&self) -> Result<u64, StoreError> {
        Ok(self.newest_change()?.map_or(0, |mark| mark.seq))
    }

    /// Refuses a write the store cannot take: after a rollback not yet
    /// accepted, after a failed write, or with too little disk for `bytes`.
    fn check_writable(&self, bytes: usize) -> Result<(), StoreError> {
        let path = self.dir.display().to_string();
        if self.poisoned.load(std::sync::atomic::Ordering::SeqCst) {
            return Err(StoreError::DiskFullWhileSaving { path });
        }
        if let Some(rollback) = &self.rollback {
            return Err(StoreError::RolledBack {
                path,
                holds: rollback.holds,
                committed: rollback.committed.clone(),
            });
        }
        // sled appends the batch to its log, and may start a new segment
        // (512 KiB) to do it: ask for twice the batch and a segment spare.
        let needed = 2 * bytes as u64 + (1 << 20);
        if let Some(free) = self.free_bytes() {
            if free < needed {
                return Err(StoreError::DiskFull { path, needed: megabytes(needed), free: megabytes(free) });
            }
        }
        Ok(())
    }

    /// Free bytes on the store's file system, when it says.
    fn free_bytes(&self) -> Option<u64> {
        rustix::fs::statvfs(&self.dir).ok().map(|stats| stats.f_bavail.saturating_mul(stats.f_frsize))
    }

    /// Marks this handle as failed after an error while sled wrote.
    fn poison(&self, error: StoreError) -> StoreError {
        self.poisoned.store(true, std::sync::atomic::Ordering::SeqCst);
        error
    }

    /// Turns an error from sled during a write into the store's error,
    /// poisoning this handle: sled may hold in memory what is not on disk.
    fn failed_write(&self, error: sled::Error) -> StoreError {
        self.poisoned.store(true, std::sync::atomic::Ordering::SeqCst);
        if is_disk_full(&error) {
            StoreError::DiskFullWhileSaving { path: self.dir.display().to_string() }
        } else {
            StoreError::from(error)
        }
    }

    /// Rewrites the store into a fresh file (see the `compact` module);
    /// worth it after a bulk load. A compaction that cannot be done (a
    /// full disk) leaves the store as it was and says why.
    pub fn compact(self) -> Result<Compacted, StoreError> {
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
        let path = || self.dir.display().to_string();
        let io = |error: io::Error, at: &Path| {
            if error.kind() == io::ErrorKind::StorageFull {
                StoreError::DiskFullWhileSaving { path: path() }
            } else {
                io_error(at)(error)
            }
        };
        self.db.flush().map_err(|error| {
            if is_disk_full(&error) { StoreError::DiskFullWhileSaving { path: path() } } else { error.into() }
        })?;
        self.data_file.sync_all().map_err(|e| io(e, &self.dir))?;
        let blob_dir = self.dir.join("blobs");
        let Ok(entries) = fs::read_dir(&blob_dir) else {
            return Ok(());
        };
        let mut synced_any = false;
        for entry in entries.flatten() {
            let name = entry.file_name();
            if !synced_blobs.contains(&name) {
                if let Ok(file) = File::open(entry.path()) {
                    file.sync_all().map_err(|e| io(e, &blob_dir))?;
                }
                synced_blobs.insert(name);
                synced_any = true;
            }
        }
        if synced_any {
            File::open(&blob_dir).and_then(|d| d.sync_all()).map_err(|e| io(e, &blob_dir))?;
        }
        Ok(())
    }

    fn get_raw(&self, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.data.get(key).map_err(|e| self.read_error(key, e))?.map(|v| v.to_vec()))
    }

    /// The touch with this id. Touches are kept by account, so this reads
    /// every account's lists, but decodes only a list whose bytes hold the
    /// id: a correction is rare, and this keeps it to a byte scan.
    pub fn find_touch(&self, id: TouchId) -> Result<Option<Touch>, StoreError> {
        self.find_listed(keys::TOUCHES, id.0, |t: &Touch| t.id == id)
    }

    pub fn find_order(&self, id: OrderId) -> Result<Option<Order>, StoreError> {
        self.find_listed(keys::ORDERS, id.0, |o: &Order| o.id == id)
    }

    fn find_listed<T: serde::de::DeserializeOwned>(
        &self,
        family: u8,
        id: u64,
        wanted: impl Fn(&T) -> bool,
    ) -> Result<Option<T>, StoreError> {
        let needle = format!("\"id\":{id},");
        let finder = memchr::memmem::Finder::new(needle.as_bytes());
        for item in self.data.scan_prefix([family]) {
            let (key, value) = item.map_err(|e| self.read_error(&[family], e))?;
            if finder.find(&value).is_none() {
                continue;
            }
            if let Some(found) = codec::decode::<Vec<T>>(&key, &value)?.into_iter().find(&wanted) {
                return Ok(Some(found));
            }
        }
        Ok(None)
    }

    fn scan_raw(&self, prefix: &[u8]) -> Result<Vec<KeyValue>, StoreError> {
        self.data
            .scan_prefix(prefix)
            .map(|item| item.map(|(k, v)| (k.to_vec(), v.to_vec())).map_err(|e| self.read_error(prefix, e)))
            .collect()
    }

    /// A read sled could not do. sled may rewrite pages while it reads; when
    /// that fails for want of room, this handle writes nothing more.
    fn read_error(&self, key: &[u8], error: sled::Error) -> StoreError {
        if is_disk_full(&error) {
            return self.failed_write(error);
        }
        integrity::note_failed_read(&self.dir);
        StoreError::Corrupt { key: keys::describe(key), reason: sled_message(&error) }
    }

    /// Every record of a family that reads; the ranges that do not, as
    /// errors naming them.
    fn read_family(&self, prefix: u8) -> (Vec<(sled::IVec, sled::IVec)>, Vec<StoreError>) {
        let (items, unreadable) = salvage::read_prefix(&self.data, prefix);
        let problems = unreadable
            .into_iter()
            .map(|u| StoreError::Corrupt {
                key: format!("{} up to {}", keys::describe(&u.from), keys::describe(&u.to)),
                reason: u.reason,
            })
            .collect();
        (items, problems)
    }

    /// Every account, decoded on all cores (the biggest read at start-up).
    pub fn accounts(&self) -> Result<Loaded<AccountRecord>, StoreError> {
        let (raw, unreadable) = self.read_family(keys::ACCOUNT);
        let mut loaded = decode_parallel(&raw, |(key, value)| codec::decode::<AccountRecord>(key, value));
        loaded.problems.extend(unreadable);
        Ok(loaded)
    }

    /// The search index of the whole book.
    pub fn search_index(&self) -> Result<(SearchIndex, Vec<StoreError>), StoreError> {
        let (raw, mut problems) = self.read_family(keys::SEARCH);
        let mut chunks = Vec::with_capacity(raw.len());
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
        let (raw, unreadable) = self.read_family(keys::SUMMARY);
        let mut chunks =
            decode_parallel(&raw, |(key, value)| codec::decode_binary::<Vec<AccountSummary>>(key, value));
        chunks.problems.extend(unreadable);
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
        let (raw, unreadable) = self.read_family(keys::FOLLOW_UP);
        let mut loaded = decode_parallel(&raw, |(key, value)| codec::decode::<FollowUp>(key, value));
        loaded.problems.extend(unreadable);
        Ok(loaded)
    }

    /// The follow-ups removed as made by mistake and still remembered (see
    /// [`Txn::bury_follow_up`]); one that cannot be read is left out
    /// (doctor reports it).
    pub fn removed_follow_ups(&self) -> Result<Vec<RemovedFollowUp>, StoreError> {
        let (raw, _) = self.read_family(keys::REMOVED_FOLLOW_UP);
        Ok(decode_parallel(&raw, |(key, value)| codec::decode::<RemovedFollowUp>(key, value)).items)
    }

    /// The book's competitors (a handful of records: one read), as search
    /// and the reports look them up; one that cannot be read is left out
    /// (doctor reports it).
    pub fn competitor_book(&self) -> Result<Competitors, StoreError> {
        let (raw, _) = self.read_family(keys::COMPETITOR);
        let loaded = decode_parallel(&raw, |(key, value)| codec::decode::<Competitor>(key, value));
        Ok(Competitors::new(loaded.items))
    }

    /// Every referral, in id order.
    pub fn referrals(&self) -> Result<Loaded<Referral>, StoreError> {
        let (raw, unreadable) = self.read_family(keys::REFERRAL);
        let mut loaded = decode_parallel(&raw, |(key, value)| codec::decode::<Referral>(key, value));
        loaded.problems.extend(unreadable);
        Ok(loaded)
    }

    /// Every primary record that can be read, family by family, and what
    /// could not be read or decoded, by key: for backups, of a damaged store
    /// too.
    pub fn salvage(&self) -> Salvaged {
        let mut out = Salvaged::default();
        fn family<T: serde::de::DeserializeOwned>(
            store: &Store,
            prefix: u8,
            problems: &mut Vec<String>,
        ) -> Vec<T> {
            let (items, unreadable) = salvage::read_prefix(&store.data, prefix);
            problems.extend(unreadable.iter().map(|u| u.to_string()));
            items
                .iter()
                .filter_map(|(key, value)| {
                    codec::decode(key, value).map_err(|e| problems.push(e.to_string())).ok()
                })
                .collect()
        }
        out.accounts = family(self, keys::ACCOUNT, &mut out.problems);
        out.touches = family::<Vec<Touch>>(self, keys::TOUCHES, &mut out.problems).concat();
        out.orders = family::<Vec<Order>>(self, keys::ORDERS, &mut out.problems).concat();
        out.follow_ups = family(self, keys::FOLLOW_UP, &mut out.problems);
        out.referrals = family(self, keys::REFERRAL, &mut out.problems);
        out.competitors = family(self, keys::COMPETITOR, &mut out.problems);
        out.days = family(self, keys::DAY_RECORD, &mut out.problems);
        out
    }

    /// The day records from `from` to `to` (both included), in date order.
    pub fn day_records(&self, from: NaiveDate, to: NaiveDate) -> Result<Loaded<DayRecord>, StoreError> {
        let mut loaded = Loaded::default();
        let end = keys::day_record(to.succ_opt().unwrap_or(NaiveDate::MAX));
        for item in self.data.range(keys::day_record(from)..end) {
            let (key, value) = item?;
            match codec::decode::<DayRecord>(&key, &value) {
                Ok(record) => loaded.items.push(record),
                Err(problem) => loaded.problems.push(problem),
            }
        }
        Ok(loaded)
    }

    /// The newest readable day record from `from` to `to`, reading back
    /// from `to` (one key on a store whose records read).
    pub fn newest_day_record(&self, from: NaiveDate, to: NaiveDate) -> Result<Option<DayRecord>, StoreError> {
        let end = keys::day_record(to.succ_opt().unwrap_or(NaiveDate::MAX));
        for item in self.data.range(keys::day_record(from)..end).rev() {
            let (key, value) = item?;
            if let Ok(record) = codec::decode::<DayRecord>(&key, &value) {
                return Ok(Some(record));
            }
        }
        Ok(None)
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
    /// from the primary records; the undo history stays.
    pub fn rebuild_derived(&self) -> Result<usize, StoreError> {
        self.check_writable(0)?;
        migrate::rebuild_derived(self, migrate::History::Keep)
    }
}

#[derive(Debug)]
pub enum UndoOutcome {
    Undone(HistoryEntry, Box<Changes>),
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

    fn day_record(&self, date: NaiveDate) -> Result<Option<DayRecord>, StoreError> {
        let key = keys::day_record(date);
        self.raw(&key)?.map(|v| codec::decode(&key, &v)).transpose()
    }

    fn referral(&self, id: ReferralId) -> Result<Option<Referral>, StoreError> {
        let key = keys::referral(id);
        self.raw(&key)?.map(|v| codec::decode(&key, &v)).transpose()
    }

    fn competitor(&self, id: CompetitorId) -> Result<Option<Competitor>, StoreError> {
        let key = keys::competitor(id);
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

/// The outcome of a compaction: the store (compacted, or as it was) and,
/// when it was left as it was, why. (An error instead means the compacted
/// copy is in place but could not be reopened.)
pub struct Compacted {
    pub store: Store,
    pub skipped: Option<StoreError>,
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

/// An error from sled while opening, with the store it is about.
fn open_error(dir: &Path, error: sled::Error) -> StoreError {
    match error {
        error if is_disk_full(&error) => StoreError::DiskFullOnOpen { path: dir.display().to_string() },
        sled::Error::Io(source) => StoreError::Io { path: dir.display().to_string(), source },
        // A damaged `conf` reads as a store of an old sled ("Unsupported").
        sled::Error::Corruption { .. } | sled::Error::Unsupported(_) | sled::Error::ReportableBug(_) => {
            StoreError::Damaged { path: dir.display().to_string(), reason: sled_message(&error) }
        }
        other => StoreError::from(other),
    }
}

/// sled's page cache: by default it may grow to 1 GB; a million accounts
/// fit in far less, and the system's file cache holds the rest.
const CACHE_BYTES: u64 = 64 << 20;

pub(crate) fn sled_config(dir: &Path) -> sled::Config {
    sled::Config::new().path(dir).cache_capacity(CACHE_BYTES)
}

/// Opens sled with our lock already held. sled takes a lock of its own on
/// its data file; if that is still held, it is by a sled instance of this
/// process that is finishing its shutdown in the background (a store just
/// dropped and reopened), so wait for it: up to thirty seconds, which a
/// machine busy with other work can take (ten were once not enough on two
/// cores building and testing at once).
fn open_sled(dir: &Path) -> Result<sled::Db, StoreError> {
    let mut attempts = 0;
    loop {
        match sled_config(dir).open() {
            Ok(db) => return Ok(db),
            Err(sled::Error::Io(io)) if io.to_string().contains("could not acquire lock") => {
                attempts += 1;
                if attempts == 1500 {
                    return Err(StoreError::InUse { path: dir.display().to_string() });
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(other) => return Err(open_error(dir, other)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Uid;

    #[test]
    fn sleds_errors_say_what_they_mean_and_what_to_do() {
        let dir = Path::new("/tmp/store");
        // What sled says of a damaged `conf`.
        let old = sled::Error::Unsupported(
            "failed to open database that may have been created using a sled version earlier than 0.29"
                .into(),
        );
        assert!(matches!(open_error(dir, old), StoreError::Damaged { .. }));
        let written = StoreError::from(sled::Error::Corruption { at: None, bt: () });
        assert!(
            written.to_string().contains("nothing was saved: `leadline recover --to NEW_DIR`"),
            "{written}"
        );
        let full = StoreError::from(sled::Error::Io(io::Error::from_raw_os_error(28)));
        let words = full.to_string();
        assert!(words.starts_with("disk full: there is no room left") && !words.contains("Os {"), "{words}");
    }

    #[test]
    fn the_accounts_of_an_interrupted_write_are_rechecked_on_the_next_open() {
        use crate::domain::{Direction, Grade, TouchId, TouchKind};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s");
        let at = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap().and_hms_opt(9, 0, 0).unwrap();
        let store = Store::open(&path).unwrap();
        let mut account = Account::prospect(Grade::A, at);
        account.id = AccountId(1);
        account.name = "张伟".into();
        let mut txn = store.begin();
        txn.put_account(&AccountRecord { account: account.clone(), stats: AccountStats::default() }).unwrap();
        txn.commit("add", at).unwrap();
        // A touch whose batch sled kept only in part: the touch without the
        // account's aggregates.
        let touch = Touch {
            id: TouchId(1),
            uid: Uid::NIL,
            account: AccountId(1),
            kind: TouchKind::Call,
            at,
            direction: Direction::Outbound,
            outcome: None,
            note: String::new(),
            lesson: String::new(),
            purpose: crate::domain::Purpose::Ordinary,
            lost_to: None,
        };
        store.data.insert(keys::touch_chunk(AccountId(1), 0), codec::encode(&vec![touch])).unwrap();
        store.note_interrupted(vec![1]);
        store.db.flush().unwrap();
        assert!(!store.doctor(at.date()).unwrap().is_healthy());
        drop(store);
        let store = Store::open(&path).unwrap();
        assert!(
            store.doctor(at.date()).unwrap().is_healthy(),
            "{:?}",
            store.doctor(at.date()).unwrap().problems
        );
        assert_eq!(store.account(AccountId(1)).unwrap().unwrap().stats.last_touch, Some(at));
        assert!(store.interrupted.is_empty());
        drop(store);
        let (_, mark) = commit_mark::MarkFile::open(&path).unwrap();
        assert_eq!(mark.unwrap().interrupted, Vec::<u64>::new(), "rechecked once");
    }

    #[test]
    fn errors_while_opening_name_the_store() {
        let dir = Path::new("/home/rep/.local/share/leadline/store");
        let denied = sled::Error::Io(io::Error::from(io::ErrorKind::PermissionDenied));
        let message = open_error(dir, denied).to_string();
        assert!(message.starts_with("store /home/rep/.local/share/leadline/store: "), "{message}");
        assert!(message.contains("ermission denied"), "{message}");
        let full = sled::Error::Io(io::Error::from_raw_os_error(28));
        assert!(open_error(dir, full).to_string().starts_with("disk full: cannot open store /home/rep"));
    }
}
