//! Schema versions and what happens on open: a new store is stamped, an
//! older one is migrated, a newer one is refused. Derived records
//! (aggregates, indexes, search keys) carry their own version and are
//! rebuilt from the primary records when it changes.

use super::history::HistoryEntry;
use super::keys::IndexFamily;
use super::{AccountRecord, Records, Store, StoreError, codec, keys};
use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::txn::fresh_uid;
use crate::domain::{
    AccountId, AccountStats, AccountSummary, DayEntry, FollowUp, Order, Referral, Touch, Uid,
};
use crate::search::{self, SearchDoc};

/// Version of the primary records' layout. 2: every record has a global
/// id (`uid`); 3: an account's free-text competitors are a competitor
/// note of its own.
pub const SCHEMA_VERSION: u32 = 3;
/// Version of the derived records; bump it when their computation or
/// layout changes. 2: summaries in binary (postcard) instead of JSON;
/// 3: the search index keeps phones, email and tags apart; 4: summaries
/// carry what the ranking needs (greetings, unanswered SMS, creation day);
/// 5: the day index of touches and orders; 6: summaries keep the last
/// year's touch days and kinds (effort and cost to serve); 7: packed into
/// one integer each; 8: summaries carry the first phone, whether there is
/// an email, and the day a follow-up was last closed (the daily plan);
/// 9: the search index spells only a field's first character with its
/// other readings; 10: summaries carry the birthday and the anniversary.
/// (The search index's phones in their international form came without a
/// rebuild: `App::normalise_stored_phones` rewrites what it changes.)
/// 11: greetings by occasion, the last touch that reached them, follow-ups'
/// attempts and the outcome that set them, the first phone not marked a
/// wrong number;
/// 12: the search index holds the address; 13: summaries without a
/// wrong-number flag nothing read (a store an earlier 12 wrote is rebuilt,
/// not misread); 14: the search index holds the names of the competitors
/// an account's notes name, summaries whether it has any note and
/// aggregates the deals lost to each competitor.
pub const DERIVED_VERSION: u32 = 14;

const SCHEMA_KEY: &[u8] = b"schema_version";
const DERIVED_KEY: &[u8] = b"derived_version";

/// A step from `from` to `from + 1`, run in order on open.
struct Migration {
    from: u32,
    run: fn(&Store) -> Result<(), StoreError>,
}

const MIGRATIONS: &[Migration] =
    &[Migration { from: 1, run: assign_uids }, Migration { from: 2, run: competitor_notes }];

/// Schema 3: an account's free-text competitors become a note of its own
/// (reading a record does that, [`AccountRecord`]'s `From`), with a
/// global id, written back.
fn competitor_notes(store: &Store) -> Result<(), StoreError> {
    let mut out = BatchWriter { store, batch: sled::Batch::default(), pending: 0, written: 0 };
    for item in store.data.scan_prefix([keys::ACCOUNT]) {
        let (key, value) = item?;
        let Ok(mut record) = codec::decode::<AccountRecord>(&key, &value) else { continue };
        let created = record.account.created_at;
        let mut given = false;
        for note in record.account.competitor_notes.iter_mut().filter(|n| n.uid.is_nil()) {
            note.uid = fresh_uid(created);
            given = true;
        }
        if given {
            out.insert(key.to_vec(), codec::encode(&record))?;
        }
    }
    out.flush()?;
    let mut synced = store.writer.lock().unwrap_or_else(|p| p.into_inner());
    store.make_durable(&mut synced)
}

/// Schema 2: gives every record a global id, its time the record's own
/// creation. The undo history's before-images hold records without one,
/// so they are dropped (the history's lines stay).
fn assign_uids(store: &Store) -> Result<(), StoreError> {
    fn each<T: serde::Serialize + serde::de::DeserializeOwned>(
        store: &Store,
        out: &mut BatchWriter<'_>,
        prefix: u8,
        give: impl Fn(&mut T) -> bool,
    ) -> Result<(), StoreError> {
        for item in store.data.scan_prefix([prefix]) {
            let (key, value) = item?;
            let Ok(mut record) = codec::decode::<T>(&key, &value) else { continue };
            if give(&mut record) {
                out.insert(key.to_vec(), codec::encode(&record))?;
            }
        }
        Ok(())
    }
    fn give(uid: &mut Uid, created: chrono::NaiveDateTime) -> bool {
        let nil = uid.is_nil();
        if nil {
            *uid = fresh_uid(created);
        }
        nil
    }
    let mut out = BatchWriter { store, batch: sled::Batch::default(), pending: 0, written: 0 };
    each(store, &mut out, keys::ACCOUNT, |r: &mut AccountRecord| {
        give(&mut r.account.uid, r.account.created_at)
    })?;
    each(store, &mut out, keys::TOUCHES, |list: &mut Vec<Touch>| {
        list.iter_mut().map(|t| give(&mut t.uid, t.at)).fold(false, |any, given| any | given)
    })?;
    each(store, &mut out, keys::ORDERS, |list: &mut Vec<Order>| {
        list.iter_mut().map(|o| give(&mut o.uid, o.at)).fold(false, |any, given| any | given)
    })?;
    each(store, &mut out, keys::FOLLOW_UP, |f: &mut FollowUp| give(&mut f.uid, f.created_at))?;
    each(store, &mut out, keys::REFERRAL, |r: &mut Referral| give(&mut r.uid, r.at))?;
    drop_before_images(store, &mut out)?;
    out.flush()?;
    let mut synced = store.writer.lock().unwrap_or_else(|p| p.into_inner());
    store.make_durable(&mut synced)
}

/// Removes the undo history's before-images, keeping its lines.
fn drop_before_images(store: &Store, out: &mut BatchWriter<'_>) -> Result<(), StoreError> {
    for item in store.data.scan_prefix([keys::HISTORY_CHANGES]) {
        out.remove(item?.0)?;
    }
    for item in store.data.scan_prefix([keys::HISTORY]) {
        let (key, value) = item?;
        let Ok(mut entry) = codec::decode::<HistoryEntry>(&key, &value) else {
            continue;
        };
        if !entry.pruned {
            entry.pruned = true;
            entry.chunks = 0;
            out.insert(key.to_vec(), codec::encode(&entry))?;
        }
    }
    Ok(())
}

fn read_version(store: &Store, key: &[u8]) -> Result<Option<u32>, StoreError> {
    match store.meta.get(key)? {
        None => Ok(None),
        Some(bytes) => {
            let array: [u8; 4] = bytes.as_ref().try_into().map_err(|_| StoreError::Corrupt {
                key: format!("meta {}", String::from_utf8_lossy(key)),
                reason: "not a version number".into(),
            })?;
            Ok(Some(u32::from_be_bytes(array)))
        }
    }
}

fn write_version(store: &Store, key: &[u8], version: u32) -> Result<(), StoreError> {
    store.put_meta(key, &version.to_be_bytes())
}

/// Whether [`on_open`] would change anything but a new store's stamp.
pub(super) fn needs_migration(store: &Store) -> Result<bool, StoreError> {
    match read_version(store, SCHEMA_KEY)? {
        None => Ok(false),
        Some(found) if found > SCHEMA_VERSION => Ok(false),
        Some(found) => {
            Ok(found < SCHEMA_VERSION || read_version(store, DERIVED_KEY)? != Some(DERIVED_VERSION))
        }
    }
}

/// Brings the store up to this build's versions; says how many derived
/// keys it rewrote (zero when nothing was out of date).
pub(super) fn on_open(store: &Store) -> Result<usize, StoreError> {
    let path = store.dir.display().to_string();
    match read_version(store, SCHEMA_KEY)? {
        None if store.data.is_empty() => {
            write_version(store, DERIVED_KEY, DERIVED_VERSION)?;
            write_version(store, SCHEMA_KEY, SCHEMA_VERSION)?;
            // The new files' directory entries must survive a power loss too.
            std::fs::File::open(&store.dir)
                .and_then(|dir| dir.sync_all())
                .map_err(super::io_error(&store.dir))?;
            return Ok(0);
        }
        None => {
            return Err(StoreError::NotAStore { path, reason: "it has data but no schema version".into() });
        }
        Some(found) if found > SCHEMA_VERSION => {
            return Err(StoreError::TooNew { path, found, supported: SCHEMA_VERSION });
        }
        Some(found) => {
            for step in MIGRATIONS.iter().filter(|m| m.from >= found) {
                (step.run)(store)?;
                write_version(store, SCHEMA_KEY, step.from + 1)?;
            }
        }
    }
    if read_version(store, DERIVED_KEY)? != Some(DERIVED_VERSION) {
        // Before-images hold derived data of the old kind: undo cannot
        // apply them to the new.
        return rebuild_derived(store, History::Drop);
    }
    Ok(0)
}

/// Keys written per batch while rebuilding; the rebuild is idempotent, so
/// an interrupted one simply runs again on the next open.
const REBUILD_BATCH: usize = 20_000;

struct BatchWriter<'a> {
    store: &'a Store,
    batch: sled::Batch,
    pending: usize,
    written: usize,
}

impl BatchWriter<'_> {
    fn insert(&mut self, key: Vec<u8>, value: Vec<u8>) -> Result<(), StoreError> {
        self.batch.insert(key, value);
        self.bump()
    }

    fn remove(&mut self, key: sled::IVec) -> Result<(), StoreError> {
        self.batch.remove(key);
        self.bump()
    }

    fn bump(&mut self) -> Result<(), StoreError> {
        self.pending += 1;
        self.written += 1;
        if self.pending >= REBUILD_BATCH { self.flush() } else { Ok(()) }
    }

    fn flush(&mut self) -> Result<(), StoreError> {
        self.store.data.apply_batch(std::mem::take(&mut self.batch))?;
        self.pending = 0;
        Ok(())
    }
}

/// Rewrites the accounts `change` changes (it says whether it did), and
/// their search chunks, in batches and outside the history: for what is
/// worked out from an account's own fields, such as its phones'
/// international forms. Stats and summaries stay as they are.
pub(super) fn rewrite_accounts(
    store: &Store,
    mut change: impl FnMut(&mut crate::domain::Account) -> bool,
) -> Result<usize, StoreError> {
    let mut out = BatchWriter { store, batch: sled::Batch::default(), pending: 0, written: 0 };
    let mut chunks: std::collections::BTreeSet<u32> = std::collections::BTreeSet::new();
    let mut changed = 0;
    for item in store.data.scan_prefix([keys::ACCOUNT]) {
        let (key, value) = item?;
        let Ok(mut record) = codec::decode::<AccountRecord>(&key, &value) else { continue };
        if change(&mut record.account) {
            chunks.insert(IndexFamily::Search.chunk_of(record.account.id));
            out.insert(key.to_vec(), codec::encode(&record))?;
            changed += 1;
        }
    }
    out.flush()?;
    let competitors = store.competitor_book()?;
    for chunk in chunks {
        let (start, end) = IndexFamily::Search.chunk_accounts(chunk);
        let mut docs = Vec::new();
        for item in store.data.range(start..end) {
            let (key, value) = item?;
            if let Ok(record) = codec::decode::<AccountRecord>(&key, &value) {
                docs.push(SearchDoc::for_account(&record.account, &competitors));
            }
        }
        out.insert(IndexFamily::Search.chunk_key(chunk), codec::encode_text(&search::encode_chunk(&docs)))?;
    }
    out.flush()?;
    let mut synced = store.writer.lock().unwrap_or_else(|p| p.into_inner());
    store.make_durable(&mut synced)?;
    Ok(changed)
}

/// What a rebuild does with the undo history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum History {
    /// Keep it: the derived records are of the same kind (a repair).
    Keep,
    /// Drop the before-images: they hold derived data of an older kind.
    Drop,
}

/// Recomputes aggregates, search chunks and the follow-up and referral
/// indexes from the primary records. Records that do not decode are left
/// for `doctor` to report.
pub(super) fn rebuild_derived(store: &Store, history: History) -> Result<usize, StoreError> {
    let mut out = BatchWriter { store, batch: sled::Batch::default(), pending: 0, written: 0 };
    let derived = [keys::FOLLOW_UPS_OF, keys::REFERRALS_OF, keys::SEARCH, keys::SUMMARY];
    for prefix in derived {
        for item in store.data.scan_prefix([prefix]) {
            out.remove(item?.0)?;
        }
    }
    let mut follow_ups: HashMap<AccountId, Vec<FollowUp>> = HashMap::new();
    for item in store.data.scan_prefix([keys::FOLLOW_UP]) {
        let (key, value) = item?;
        let Ok(follow_up) = codec::decode::<FollowUp>(&key, &value) else {
            continue;
        };
        out.insert(keys::follow_up_of(follow_up.account, follow_up.id), Vec::new())?;
        follow_ups.entry(follow_up.account).or_default().push(follow_up);
    }
    let competitors = store.competitor_book()?;
    let mut search_chunks: BTreeMap<u32, Vec<SearchDoc>> = BTreeMap::new();
    let mut summary_chunks: BTreeMap<u32, Vec<AccountSummary>> = BTreeMap::new();
    for item in store.data.scan_prefix([keys::ACCOUNT]) {
        let (key, value) = item?;
        let Ok(mut record) = codec::decode::<AccountRecord>(&key, &value) else { continue };
        let id: AccountId = record.account.id;
        let touches = store.touches(id).unwrap_or_default();
        let orders = store.orders(id).unwrap_or_default();
        let account_follow_ups = follow_ups.remove(&id).unwrap_or_default();
        record.stats = AccountStats::compute(&touches, &orders, &account_follow_ups);
        out.insert(key.to_vec(), codec::encode(&record))?;
        search_chunks
            .entry(IndexFamily::Search.chunk_of(id))
            .or_default()
            .push(SearchDoc::for_account(&record.account, &competitors));
        summary_chunks.entry(IndexFamily::Summary.chunk_of(id)).or_default().push(record.summary());
    }
    for (chunk, docs) in search_chunks {
        out.insert(IndexFamily::Search.chunk_key(chunk), codec::encode_text(&search::encode_chunk(&docs)))?;
    }
    for (chunk, summaries) in summary_chunks {
        out.insert(IndexFamily::Summary.chunk_key(chunk), codec::encode_binary(&summaries))?;
    }
    let mut days: BTreeMap<NaiveDate, Vec<DayEntry>> = BTreeMap::new();
    for item in store.data.scan_prefix([keys::TOUCHES]) {
        let (key, value) = item?;
        for touch in codec::decode::<Vec<Touch>>(&key, &value).unwrap_or_default() {
            days.entry(touch.at.date()).or_default().push(DayEntry::touch(&touch));
        }
    }
    for item in store.data.scan_prefix([keys::ORDERS]) {
        let (key, value) = item?;
        for order in codec::decode::<Vec<Order>>(&key, &value).unwrap_or_default() {
            days.entry(order.at.date()).or_default().push(DayEntry::order(&order));
        }
    }
    for (date, entries) in days {
        for (n, chunk) in entries.chunks(super::txn::DAY_CHUNK).enumerate() {
            out.insert(keys::day_chunk(date, n as u16), codec::encode_binary(&chunk.to_vec()))?;
        }
    }
    for item in store.data.scan_prefix([keys::REFERRAL]) {
        let (key, value) = item?;
        let Ok(referral) = codec::decode::<Referral>(&key, &value) else {
            continue;
        };
        out.insert(keys::referral_of(referral.referrer, referral.id), Vec::new())?;
        out.insert(keys::referral_of(referral.referee, referral.id), Vec::new())?;
    }
    if history == History::Drop {
        drop_before_images(store, &mut out)?;
    }
    out.flush()?;
    write_version(store, DERIVED_KEY, DERIVED_VERSION)?;
    Ok(out.written)
}
