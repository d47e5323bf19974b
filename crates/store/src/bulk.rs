//! Adding many new accounts at once (a contacts import of a million rows)
//! as one change for undo and history, written in batches so that memory
//! stays bounded: each batch is one atomic sled batch, and the change's
//! history entry stays open until the last one. An entry still open when
//! the store is opened was cut short (a crash, a kill) and is rolled back,
//! so an import is all there or not there at all.

use std::collections::{BTreeMap, HashSet};
use std::ffi::OsString;
use std::sync::MutexGuard;

use chrono::NaiveDateTime;

use super::history::{self, Change, HistoryEntry};
use super::journal;
use super::keys::IndexFamily;
use super::txn::fresh_uid;
use super::{AccountRecord, CommitMark, Store, StoreError, codec, keys};
use crate::domain::{
    Account, AccountId, AccountStats, Competitor, CompetitorId, Competitors, FollowUp, FollowUpId, MAX_ID,
    Uid,
};
use crate::search::{self, SearchDoc};

/// New accounts per batch: a few megabytes of records.
const BATCH: usize = 10_000;

pub struct Bulk<'s> {
    store: &'s Store,
    synced_blobs: MutexGuard<'s, HashSet<OsString>>,
    entry: HistoryEntry,
    last_id: u64,
    last_follow_up: u64,
    pending: Vec<(Account, Option<FollowUp>)>,
    /// Batches written so far: the journal's parts of this change.
    parts: u32,
    /// Stats of an account with no touches, orders or follow-ups.
    empty_stats: AccountStats,
    /// The book's competitors, with those this change adds.
    competitors: Competitors,
    last_competitor: u64,
    /// Competitors added since the last batch: written with the next one.
    new_competitors: Vec<Competitor>,
}

impl<'s> Bulk<'s> {
    pub(super) fn new(store: &'s Store, summary: String, at: NaiveDateTime) -> Result<Bulk<'s>, StoreError> {
        let synced_blobs = store.writer.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let counter = |name: &str| -> Result<u64, StoreError> {
            let key = keys::counter(name);
            match store.get_raw(&key)? {
                Some(bytes) => codec::decode_u64(&key, &bytes),
                None => Ok(0),
            }
        };
        let seq = counter("history")?.checked_add(1).filter(|s| *s <= MAX_ID);
        let seq = seq.ok_or(StoreError::IdsExhausted { kind: "history" })?;
        let entry = HistoryEntry {
            seq,
            at,
            summary,
            undo_of: None,
            undone: false,
            pruned: false,
            chunks: 0,
            keys_changed: 0,
            open: true,
        };
        Ok(Bulk {
            store,
            synced_blobs,
            entry,
            last_id: counter("account")?,
            last_follow_up: counter("follow_up")?,
            pending: Vec::with_capacity(BATCH),
            parts: 0,
            empty_stats: AccountStats::compute(&[], &[], &[]),
            competitors: store.competitor_book()?,
            last_competitor: counter("competitor")?,
            new_competitors: Vec::new(),
        })
    }

    /// The competitor one of whose names is `name`, added to the book
    /// (with this change) when there is none.
    pub fn competitor(&mut self, name: &str) -> Result<CompetitorId, StoreError> {
        if let Some(found) = self.competitors.find(name) {
            return Ok(found.id);
        }
        let id = self.last_competitor.checked_add(1).filter(|id| *id <= MAX_ID);
        self.last_competitor = id.ok_or(StoreError::IdsExhausted { kind: "competitor" })?;
        let competitor = Competitor {
            id: CompetitorId(self.last_competitor),
            uid: fresh_uid(self.entry.at),
            name: name.to_string(),
            aliases: Vec::new(),
            merged_into: None,
            created_at: self.entry.at,
        };
        let mut all = self.competitors.all().to_vec();
        all.push(competitor.clone());
        self.competitors = Competitors::new(all);
        self.new_competitors.push(competitor);
        Ok(CompetitorId(self.last_competitor))
    }

    /// Adds a new account (its id is given here) with a follow-up (the next
    /// activity another tool had); written with its batch.
    pub fn add(
        &mut self,
        mut account: Account,
        follow_up: Option<FollowUp>,
    ) -> Result<AccountId, StoreError> {
        let id = self.last_id.checked_add(1).filter(|id| *id <= MAX_ID);
        self.last_id = id.ok_or(StoreError::IdsExhausted { kind: "account" })?;
        account.id = AccountId(self.last_id);
        if account.uid.is_nil() {
            account.uid = fresh_uid(account.created_at);
        }
        for note in account.competitor_notes.iter_mut().filter(|n| n.uid == Uid::NIL) {
            note.uid = fresh_uid(account.created_at);
        }
        let follow_up = match follow_up {
            Some(follow_up) => {
                let id = self.last_follow_up.checked_add(1).filter(|id| *id <= MAX_ID);
                self.last_follow_up = id.ok_or(StoreError::IdsExhausted { kind: "follow_up" })?;
                let uid =
                    if follow_up.uid.is_nil() { fresh_uid(follow_up.created_at) } else { follow_up.uid };
                Some(FollowUp { id: FollowUpId(self.last_follow_up), uid, account: account.id, ..follow_up })
            }
            None => None,
        };
        self.pending.push((account, follow_up));
        if self.pending.len() == BATCH {
            self.write_batch()?;
        }
        Ok(AccountId(self.last_id))
    }

    /// Writes the last batch and closes the change; durable on return.
    pub fn finish(mut self) -> Result<HistoryEntry, StoreError> {
        self.entry.open = false;
        self.write_batch()?;
        self.store.write_mark(Some(CommitMark {
            seq: self.entry.seq,
            at: self.entry.at,
            summary: self.entry.summary.clone(),
            interrupted: Vec::new(),
        }));
        Ok(self.entry)
    }

    fn write_batch(&mut self) -> Result<(), StoreError> {
        let accounts = std::mem::take(&mut self.pending);
        let mut batch = sled::Batch::default();
        let mut bytes = 0;
        let mut changes = Vec::with_capacity(accounts.len());
        let mut ops = Vec::with_capacity(accounts.len());
        let mut search: BTreeMap<u32, Vec<SearchDoc>> = BTreeMap::new();
        let mut summaries: BTreeMap<u32, Vec<crate::domain::AccountSummary>> = BTreeMap::new();
        for competitor in std::mem::take(&mut self.new_competitors) {
            ops.push(journal::Op::created_competitor(&competitor));
            let (key, value) = (keys::competitor(competitor.id), codec::encode(&competitor));
            bytes += key.len() + value.len();
            changes.push(Change { key: key.clone(), before: None });
            batch.insert(key, value);
        }
        for (account, follow_up) in accounts {
            ops.push(journal::Op::created_account(&account));
            ops.extend(follow_up.as_ref().map(journal::Op::created_follow_up));
            let key = keys::account(account.id);
            let stats = match &follow_up {
                Some(follow_up) => {
                    for (key, value) in [
                        (keys::follow_up(follow_up.id), codec::encode(follow_up)),
                        (keys::follow_up_of(account.id, follow_up.id), Vec::new()),
                    ] {
                        bytes += key.len() + value.len();
                        changes.push(Change { key: key.clone(), before: None });
                        batch.insert(key, value);
                    }
                    AccountStats::compute(&[], &[], std::slice::from_ref(follow_up))
                }
                None => self.empty_stats.clone(),
            };
            search
                .entry(IndexFamily::Search.chunk_of(account.id))
                .or_default()
                .push(SearchDoc::for_account(&account, &self.competitors));
            let record = AccountRecord { account, stats };
            summaries
                .entry(IndexFamily::Summary.chunk_of(record.account.id))
                .or_default()
                .push(record.summary());
            let value = codec::encode(&record);
            bytes += key.len() + value.len();
            changes.push(Change { key: key.clone(), before: None });
            batch.insert(key, value);
        }
        // A chunk may already hold accounts (older ones, or this change's
        // earlier batch): they come first, the new ones after.
        for (chunk, docs) in search {
            let mut all = self
                .stored_chunk_records(IndexFamily::Search, chunk)?
                .iter()
                .map(|r| SearchDoc::for_account(&r.account, &self.competitors))
                .collect::<Vec<_>>();
            all.extend(docs);
            let value = codec::encode_text(&search::encode_chunk(&all));
            bytes += value.len();
            batch.insert(IndexFamily::Search.chunk_key(chunk), value);
        }
        for (chunk, new) in summaries {
            let mut all: Vec<_> = self
                .stored_chunk_records(IndexFamily::Summary, chunk)?
                .iter()
                .map(AccountRecord::summary)
                .collect();
            all.extend(new);
            let value = codec::encode_binary(&all);
            bytes += value.len();
            batch.insert(IndexFamily::Summary.chunk_key(chunk), value);
        }
        self.entry.keys_changed += changes.len() as u64;
        for chunk in history::chunk_changes(changes) {
            bytes += chunk.len();
            batch.insert(keys::history_change_chunk(self.entry.seq, self.entry.chunks), chunk);
            self.entry.chunks += 1;
        }
        batch.insert(keys::history(self.entry.seq), codec::encode(&self.entry));
        batch.insert(keys::counter("history"), codec::encode_u64(self.entry.seq));
        batch.insert(keys::counter("account"), codec::encode_u64(self.last_id));
        batch.insert(keys::counter("follow_up"), codec::encode_u64(self.last_follow_up));
        if self.last_competitor > 0 {
            batch.insert(keys::counter("competitor"), codec::encode_u64(self.last_competitor));
        }
        self.store.check_writable(bytes)?;
        let part = journal::Entry {
            part: self.parts,
            more: self.entry.open,
            ..journal::Entry::new(self.entry.seq, self.entry.at, &self.entry.summary, ops)
        };
        self.store.journal(&part)?;
        self.parts += 1;
        if let Err(error) = self.store.data.apply_batch(batch) {
            self.store.abandon(self.entry.seq, self.entry.at);
            return Err(self.store.failed_write(error));
        }
        if let Err(error) = self.store.make_durable(&mut self.synced_blobs) {
            return Err(self.store.poison(error));
        }
        Ok(())
    }

    /// The accounts already stored in a chunk's range.
    fn stored_chunk_records(
        &self,
        family: IndexFamily,
        chunk: u32,
    ) -> Result<Vec<AccountRecord>, StoreError> {
        let (start, end) = family.chunk_accounts(chunk);
        let mut records = Vec::new();
        for item in self.store.data.range(start..end) {
            let (key, value) = item?;
            if let Ok(record) = codec::decode::<AccountRecord>(&key, &value) {
                records.push(record);
            }
        }
        Ok(records)
    }
}

/// Rolls back a change that was cut short while written in batches (its
/// entry still open), as a change of its own.
pub(super) fn roll_back_open_entry(store: &Store) -> Result<Option<HistoryEntry>, StoreError> {
    let Some(item) = store.data.scan_prefix([keys::HISTORY]).next_back() else { return Ok(None) };
    let (key, value) = item?;
    let entry: HistoryEntry = codec::decode(&key, &value)?;
    if !entry.open {
        return Ok(None);
    }
    let summary = format!("roll back '{}', cut short before it finished", entry.summary);
    let at = entry.at;
    super::txn::revert(store, entry, summary, at).map(|(entry, _)| Some(entry))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Grade;

    #[test]
    fn a_change_cut_short_between_batches_is_rolled_back_on_the_next_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s");
        let at = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap().and_hms_opt(9, 0, 0).unwrap();
        let store = Store::open(&path).unwrap();
        let mut bulk = store.bulk("import 25000 accounts from big.csv", at).unwrap();
        for i in 0..(BATCH + BATCH / 2) {
            let mut account = Account::prospect(Grade::C, at);
            account.name = format!("客户{i}");
            bulk.add(account, None).unwrap();
        }
        // The process dies here: one batch is on disk, the entry open.
        drop(bulk);
        assert_eq!(store.summaries().unwrap().items.len(), BATCH);
        drop(store);
        let store = Store::open(&path).unwrap();
        assert!(store.summaries().unwrap().items.is_empty(), "the first batch is rolled back");
        assert!(store.doctor(at.date()).unwrap().is_healthy());
        let history = store.history(2).unwrap();
        assert!(
            history[0].summary.starts_with("roll back 'import 25000 accounts from big.csv'"),
            "{history:?}"
        );
        assert!(history[1].undone && !history[1].open);
    }
}
