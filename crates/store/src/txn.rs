//! Staged writes of one command, committed as one atomic batch.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::ffi::OsString;
use std::sync::MutexGuard;

use chrono::NaiveDateTime;
use serde::Serialize;

use super::changes::Changes;
use super::history::{self, Change, HistoryEntry};
use super::journal;
use super::keys::IndexFamily;
use super::{
    AccountRecord, CommitMark, KeyValue, ORDER_CHUNK, Records, Store, StoreError, TOUCH_CHUNK, UndoOutcome,
    codec, keys,
};
use chrono::NaiveDate;

use crate::domain::{
    AccountId, AccountStats, Competitor, CompetitorId, Competitors, DayEntry, DayRecord, FollowUp, MAX_ID,
    Order, Referral, RemovedFollowUp, Touch, Uid,
};
use crate::search::{self, SearchDoc};

/// Day-index entries per chunk (about 4 KB).
pub const DAY_CHUNK: usize = 256;

/// History entries whose before-images are kept; older ones keep only
/// their summary, so the store does not grow without bound.
pub const UNDO_DEPTH: u64 = 1000;

pub struct Txn<'s> {
    store: &'s Store,
    synced_blobs: MutexGuard<'s, HashSet<OsString>>,
    staged: BTreeMap<Vec<u8>, Option<Vec<u8>>>,
    counters: BTreeMap<&'static str, u64>,
    /// Accounts whose touches, orders or follow-ups changed: their
    /// aggregates are recomputed at commit.
    dirty_stats: BTreeSet<AccountId>,
    /// Index chunks to rebuild at commit.
    dirty_chunks: BTreeSet<(IndexFamily, u32)>,
    /// Touches and orders to add to the day index at commit.
    day_entries: BTreeMap<NaiveDate, Vec<DayEntry>>,
    /// The book's competitors, read once when a search entry needs their
    /// names; dropped when one is written.
    competitors: Option<Competitors>,
    /// The device a change pulled from the team's server came from: its
    /// journal entry says so, and sync does not send it back.
    pulled_from: Option<String>,
    /// Accounts this change merged away, each with the one kept.
    merged: Vec<(u64, u64)>,
}

impl Records for Txn<'_> {
    fn raw(&self, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        match self.staged.get(key) {
            Some(staged) => Ok(staged.clone()),
            None => self.store.get_raw(key),
        }
    }

    fn raw_prefix(&self, prefix: &[u8]) -> Result<Vec<KeyValue>, StoreError> {
        let mut end = prefix.to_vec();
        let upper = loop {
            match end.pop() {
                Some(0xff) => continue,
                Some(byte) => {
                    end.push(byte + 1);
                    break Some(end);
                }
                None => break None,
            }
        };
        self.raw_range(prefix.to_vec(), upper)
    }
}

impl<'s> Txn<'s> {
    pub(super) fn new(store: &'s Store) -> Txn<'s> {
        // A panic elsewhere cannot leave this set inconsistent.
        let synced_blobs = store.writer.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        Txn {
            store,
            synced_blobs,
            staged: BTreeMap::new(),
            counters: BTreeMap::new(),
            dirty_stats: BTreeSet::new(),
            day_entries: BTreeMap::new(),
            dirty_chunks: BTreeSet::new(),
            competitors: None,
            pulled_from: None,
            merged: Vec::new(),
        }
    }

    /// Notes that the change merges `gone` into `kept` (sync hands on to
    /// `kept` what other devices gave `gone` meanwhile).
    pub(crate) fn note_merge(&mut self, gone: AccountId, kept: AccountId) {
        self.merged.push((gone.0, kept.0));
    }

    /// Marks the change as one pulled from another device.
    pub fn mark_pulled(&mut self, device: &str) {
        self.pulled_from = Some(device.to_string());
    }

    /// Keys in `[start, end)` as the transaction sees them.
    fn raw_range(&self, start: Vec<u8>, end: Option<Vec<u8>>) -> Result<Vec<KeyValue>, StoreError> {
        let mut merged: BTreeMap<Vec<u8>, Vec<u8>> = BTreeMap::new();
        let stored = match &end {
            Some(end) => self.store.data.range(start.clone()..end.clone()),
            None => self.store.data.range(start.clone()..),
        };
        for item in stored {
            let (k, v) = item?;
            merged.insert(k.to_vec(), v.to_vec());
        }
        let staged = match &end {
            Some(end) => self.staged.range(start..end.clone()),
            None => self.staged.range(start..),
        };
        for (k, v) in staged {
            match v {
                Some(v) => merged.insert(k.clone(), v.clone()),
                None => merged.remove(k),
            };
        }
        Ok(merged.into_iter().collect())
    }

    pub fn put_raw(&mut self, key: Vec<u8>, value: Vec<u8>) {
        self.staged.insert(key, Some(value));
    }

    pub fn remove_raw(&mut self, key: Vec<u8>) {
        self.staged.insert(key, None);
    }

    pub(super) fn put<T: Serialize>(&mut self, key: Vec<u8>, record: &T) {
        self.put_raw(key, codec::encode(record));
    }

    fn counter(&self, counter: &'static str) -> Result<u64, StoreError> {
        if let Some(value) = self.counters.get(counter) {
            return Ok(*value);
        }
        let key = keys::counter(counter);
        match self.store.get_raw(&key)? {
            Some(bytes) => codec::decode_u64(&key, &bytes),
            None => Ok(0),
        }
    }

    /// Hands out the next id of a kind; ids are never reused and never
    /// wrap: past [`MAX_ID`] the store refuses to add more of that kind.
    pub fn next_id(&mut self, counter: &'static str) -> Result<u64, StoreError> {
        let next = self
            .counter(counter)?
            .checked_add(1)
            .filter(|next| *next <= MAX_ID)
            .ok_or(StoreError::IdsExhausted { kind: counter })?;
        self.counters.insert(counter, next);
        Ok(next)
    }

    /// Makes sure later ids of a kind come after `id` (imports keep ids).
    pub fn reserve_id(&mut self, counter: &'static str, id: u64) -> Result<(), StoreError> {
        if id > MAX_ID {
            return Err(StoreError::IdsExhausted { kind: counter });
        }
        let current = self.counter(counter)?;
        self.counters.insert(counter, current.max(id));
        Ok(())
    }

    /// Writes an account; its aggregates are brought up to date at commit.
    pub fn put_account(&mut self, record: &AccountRecord) -> Result<(), StoreError> {
        let mut record = std::borrow::Cow::Borrowed(record);
        if record.account.uid.is_nil() {
            record.to_mut().account.uid = fresh_uid(record.account.created_at);
        }
        if record.account.legacy_competitors.is_some() {
            record.to_mut().account.carry_over_competitors();
        }
        if record.account.competitor_notes.iter().any(|n| n.uid.is_nil()) {
            let created = record.account.created_at;
            for note in &mut record.to_mut().account.competitor_notes {
                if note.uid.is_nil() {
                    note.uid =
                        fresh_uid(note.confirmed.and_then(|d| d.and_hms_opt(0, 0, 0)).unwrap_or(created));
                }
            }
        }
        let id = record.account.id;
        let old = self.account(id)?;
        let competitors = self.competitors()?;
        if old.is_none_or(|old| {
            SearchDoc::for_account(&old.account, competitors)
                != SearchDoc::for_account(&record.account, competitors)
        }) {
            self.mark_dirty(id, &[IndexFamily::Search]);
        }
        self.put(keys::account(id), &*record);
        self.dirty_stats.insert(id);
        Ok(())
    }

    /// Deletes an account's record; what belongs to it is removed on its own.
    pub fn remove_account(&mut self, id: AccountId) {
        self.remove_raw(keys::account(id));
        self.mark_dirty(id, &[IndexFamily::Search, IndexFamily::Summary]);
    }

    /// Recomputes an account's aggregates and index entries at commit.
    pub(super) fn recompute(&mut self, id: AccountId) {
        self.dirty_stats.insert(id);
        self.mark_dirty(id, &[IndexFamily::Search, IndexFamily::Summary]);
    }

    pub(super) fn mark_dirty(&mut self, id: AccountId, families: &[IndexFamily]) {
        for family in families {
            self.dirty_chunks.insert((*family, family.chunk_of(id)));
        }
    }

    /// Appends a touch to the account's newest chunk.
    pub fn append_touch(&mut self, touch: &Touch) -> Result<(), StoreError> {
        let touch = &with_uid(touch, |t| &mut t.uid, touch.at);
        self.day_entries.entry(touch.at.date()).or_default().push(DayEntry::touch(touch));
        self.dirty_stats.insert(touch.account);
        self.append(&keys::touches_of(touch.account), touch, TOUCH_CHUNK, |chunk| {
            keys::touch_chunk(touch.account, chunk)
        })
    }

    pub fn append_order(&mut self, order: &Order) -> Result<(), StoreError> {
        let order = &with_uid(order, |o| &mut o.uid, order.at);
        self.day_entries.entry(order.at.date()).or_default().push(DayEntry::order(order));
        self.dirty_stats.insert(order.account);
        self.append(&keys::orders_of(order.account), order, ORDER_CHUNK, |chunk| {
            keys::order_chunk(order.account, chunk)
        })
    }

    fn append<T: Serialize>(
        &mut self,
        prefix: &[u8],
        item: &T,
        chunk_len: usize,
        chunk_key: impl Fn(u32) -> Vec<u8>,
    ) -> Result<(), StoreError> {
        let (key, chunk) = match self.raw_prefix(prefix)?.pop() {
            Some((key, value)) if codec::list_len(&key, &value)? < chunk_len => (key, Some(value)),
            Some((key, _)) => {
                let index = key.get(9..13).and_then(|b| b.try_into().ok()).map_or(0, u32::from_be_bytes);
                (chunk_key(index + 1), None)
            }
            None => (chunk_key(0), None),
        };
        let appended = codec::append_to_list(chunk.as_deref(), item);
        self.put_raw(key, appended);
        Ok(())
    }

    /// Replaces all of an account's touches (imports and demo fills).
    /// The account must have had no touches: the day index only gains.
    pub fn put_touches(&mut self, account: AccountId, touches: &[Touch]) -> Result<(), StoreError> {
        let touches: Vec<Touch> = touches.iter().map(|t| with_uid(t, |t| &mut t.uid, t.at)).collect();
        let touches = &touches[..];
        for touch in touches {
            self.day_entries.entry(touch.at.date()).or_default().push(DayEntry::touch(touch));
        }
        self.dirty_stats.insert(account);
        self.replace_chunks(&keys::touches_of(account), touches, TOUCH_CHUNK, |c| {
            keys::touch_chunk(account, c)
        })
    }

    /// The account must have had no orders: the day index only gains.
    pub fn put_orders(&mut self, account: AccountId, orders: &[Order]) -> Result<(), StoreError> {
        let orders: Vec<Order> = orders.iter().map(|o| with_uid(o, |o| &mut o.uid, o.at)).collect();
        let orders = &orders[..];
        for order in orders {
            self.day_entries.entry(order.at.date()).or_default().push(DayEntry::order(order));
        }
        self.dirty_stats.insert(account);
        self.replace_chunks(&keys::orders_of(account), orders, ORDER_CHUNK, |c| keys::order_chunk(account, c))
    }

    pub(super) fn replace_chunks<T: Serialize>(
        &mut self,
        prefix: &[u8],
        items: &[T],
        chunk_len: usize,
        chunk_key: impl Fn(u32) -> Vec<u8>,
    ) -> Result<(), StoreError> {
        for (key, _) in self.raw_prefix(prefix)? {
            self.remove_raw(key);
        }
        for (index, chunk) in items.chunks(chunk_len).enumerate() {
            self.put(chunk_key(index as u32), &chunk);
        }
        Ok(())
    }

    /// Replaces one touch of its account (`None` removes it) and its entry
    /// in the day index: a correction.
    pub fn rewrite_touch(&mut self, old: &Touch, new: Option<&Touch>) -> Result<(), StoreError> {
        let account = old.account;
        let mut touches = self.touches(account)?;
        touches.retain(|t| t.id != old.id);
        touches.extend(new.cloned());
        touches.sort_by_key(|t| (t.at, t.id));
        self.replace_chunks(&keys::touches_of(account), &touches, TOUCH_CHUNK, |c| {
            keys::touch_chunk(account, c)
        })?;
        self.drop_day_entry(
            old.at.date(),
            |e| matches!(e, DayEntry::Touch { touch, .. } if *touch == old.id),
        )?;
        if let Some(new) = new {
            self.day_entries.entry(new.at.date()).or_default().push(DayEntry::touch(new));
        }
        self.dirty_stats.insert(account);
        Ok(())
    }

    /// Replaces one order of its account (`None` removes it), as [`Txn::rewrite_touch`].
    pub fn rewrite_order(&mut self, old: &Order, new: Option<&Order>) -> Result<(), StoreError> {
        let account = old.account;
        let mut orders = self.orders(account)?;
        orders.retain(|o| o.id != old.id);
        orders.extend(new.cloned());
        orders.sort_by_key(|o| (o.at, o.id));
        self.replace_chunks(&keys::orders_of(account), &orders, ORDER_CHUNK, |c| {
            keys::order_chunk(account, c)
        })?;
        self.drop_day_entry(
            old.at.date(),
            |e| matches!(e, DayEntry::Order { order, .. } if *order == old.id),
        )?;
        if let Some(new) = new {
            self.day_entries.entry(new.at.date()).or_default().push(DayEntry::order(new));
        }
        self.dirty_stats.insert(account);
        Ok(())
    }

    /// Rewrites a day's index without the entries `gone` picks.
    pub(super) fn drop_day_entry(
        &mut self,
        date: NaiveDate,
        gone: impl Fn(&DayEntry) -> bool,
    ) -> Result<(), StoreError> {
        let chunks = self.raw_prefix(&keys::day(date))?;
        let mut kept: Vec<DayEntry> = Vec::new();
        for (key, value) in &chunks {
            kept.extend(codec::decode_binary::<Vec<DayEntry>>(key, value)?.into_iter().filter(|e| !gone(e)));
        }
        for (key, _) in chunks {
            self.remove_raw(key);
        }
        for (index, chunk) in kept.chunks(DAY_CHUNK).enumerate() {
            self.put_raw(keys::day_chunk(date, index as u16), codec::encode_binary(&chunk.to_vec()));
        }
        Ok(())
    }

    /// Adds entries to a day's index at commit.
    pub(super) fn stage_day_entries(&mut self, date: NaiveDate, entries: Vec<DayEntry>) {
        self.day_entries.entry(date).or_default().extend(entries);
    }

    /// Deletes a follow-up and its entry in the account's follow-up index.
    pub fn remove_follow_up(&mut self, follow_up: &FollowUp) {
        self.remove_raw(keys::follow_up(follow_up.id));
        self.remove_raw(keys::follow_up_of(follow_up.account, follow_up.id));
        self.dirty_stats.insert(follow_up.account);
    }

    /// Remembers a follow-up removed as made by mistake, and forgets those
    /// removed before `forget_before`, which every calendar has dropped.
    pub fn bury_follow_up(
        &mut self,
        follow_up: &FollowUp,
        at: NaiveDateTime,
        forget_before: NaiveDateTime,
    ) -> Result<(), StoreError> {
        for removed in self.store.removed_follow_ups()? {
            if removed.removed_at < forget_before {
                self.remove_raw(keys::removed_follow_up(removed.follow_up.id));
            }
        }
        let removed = RemovedFollowUp { follow_up: follow_up.clone(), removed_at: at };
        self.put(keys::removed_follow_up(follow_up.id), &removed);
        Ok(())
    }

    /// Writes a follow-up and its entry in the account's follow-up index.
    pub fn put_follow_up(&mut self, follow_up: &FollowUp) {
        let follow_up = &with_uid(follow_up, |f| &mut f.uid, follow_up.created_at);
        self.put(keys::follow_up(follow_up.id), follow_up);
        self.put_raw(keys::follow_up_of(follow_up.account, follow_up.id), Vec::new());
        self.dirty_stats.insert(follow_up.account);
    }

    pub fn put_day_record(&mut self, record: &DayRecord) {
        self.put(keys::day_record(record.date), record);
    }

    pub fn remove_day_record(&mut self, date: NaiveDate) {
        self.remove_raw(keys::day_record(date));
    }

    /// Deletes a referral and its entries in both accounts' indexes.
    pub fn remove_referral(&mut self, referral: &Referral) {
        self.remove_raw(keys::referral(referral.id));
        self.remove_raw(keys::referral_of(referral.referrer, referral.id));
        self.remove_raw(keys::referral_of(referral.referee, referral.id));
    }

    /// Writes a competitor of the book. The accounts whose notes name it
    /// are indexed again by the caller when its names change
    /// ([`Txn::reindex`]).
    pub fn put_competitor(&mut self, competitor: &Competitor) {
        let competitor = &with_uid(competitor, |c| &mut c.uid, competitor.created_at);
        self.competitors = None;
        self.put(keys::competitor(competitor.id), competitor);
    }

    pub fn remove_competitor(&mut self, id: CompetitorId) {
        self.competitors = None;
        self.remove_raw(keys::competitor(id));
    }

    /// Rebuilds an account's search entry at commit (a competitor its
    /// notes name was renamed or merged).
    pub fn reindex(&mut self, id: AccountId) {
        self.mark_dirty(id, &[IndexFamily::Search]);
    }

    /// Rebuilds the search entry of every account with a note naming a
    /// competitor: the names of the book's competitors changed (an undone
    /// alias or merge).
    pub(crate) fn reindex_competitor_notes(&mut self) -> Result<(), StoreError> {
        for (key, value) in self.raw_prefix(&[keys::ACCOUNT])? {
            let Ok(record) = codec::decode::<AccountRecord>(&key, &value) else { continue };
            if record.account.competitor_notes.iter().any(|n| n.competitor.is_some()) {
                self.reindex(record.account.id);
            }
        }
        Ok(())
    }

    /// The book's competitors as this transaction sees them.
    pub fn competitors(&mut self) -> Result<&Competitors, StoreError> {
        if self.competitors.is_none() {
            let all = self
                .raw_prefix(&[keys::COMPETITOR])?
                .iter()
                .map(|(key, value)| codec::decode::<Competitor>(key, value))
                .collect::<Result<Vec<_>, _>>()?;
            self.competitors = Some(Competitors::new(all));
        }
        Ok(self.competitors.get_or_insert_default())
    }

    pub fn put_referral(&mut self, referral: &Referral) {
        let referral = &with_uid(referral, |r| &mut r.uid, referral.at);
        self.put(keys::referral(referral.id), referral);
        self.put_raw(keys::referral_of(referral.referrer, referral.id), Vec::new());
        self.put_raw(keys::referral_of(referral.referee, referral.id), Vec::new());
    }

    /// Appends the staged day entries to their days' index chunks.
    fn write_day_entries(&mut self) -> Result<(), StoreError> {
        for (date, entries) in std::mem::take(&mut self.day_entries) {
            let mut chunks = self.raw_prefix(&keys::day(date))?;
            let (mut index, mut all): (u16, Vec<DayEntry>) = match chunks.pop() {
                Some((key, value)) => {
                    let index = key.get(5..7).and_then(|b| b.try_into().ok()).map_or(0, u16::from_be_bytes);
                    (index, codec::decode_binary(&key, &value)?)
                }
                None => (0, Vec::new()),
            };
            all.extend(entries);
            for (n, chunk) in all.chunks(DAY_CHUNK).enumerate() {
                if n > 0 {
                    index = index.saturating_add(1);
                }
                self.put_raw(keys::day_chunk(date, index), codec::encode_binary(&chunk.to_vec()));
            }
        }
        Ok(())
    }

    /// Recomputes the aggregates of every account this transaction touched,
    /// from what it will have written.
    fn refresh_stats(&mut self) -> Result<(), StoreError> {
        for id in std::mem::take(&mut self.dirty_stats) {
            let Some(mut record) = self.account(id)? else {
                continue;
            };
            let stats =
                AccountStats::compute(&self.touches(id)?, &self.orders(id)?, &self.follow_ups_of(id)?);
            if stats != record.stats {
                record.stats = stats;
                self.put(keys::account(id), &record);
            }
            self.mark_dirty(id, &[IndexFamily::Summary]);
        }
        Ok(())
    }

    /// Rebuilds the index chunks of every account this transaction changed,
    /// from the accounts as they will be after it.
    fn refresh_chunks(&mut self) -> Result<(), StoreError> {
        let dirty = std::mem::take(&mut self.dirty_chunks);
        // Search entries name the competitors of the accounts' notes.
        let competitors = match dirty.iter().any(|(family, _)| *family == IndexFamily::Search) {
            true => self.competitors()?.clone(),
            false => Competitors::default(),
        };
        for (family, chunk) in dirty {
            let (start, end) = family.chunk_accounts(chunk);
            let records: Vec<AccountRecord> = self
                .raw_range(start, Some(end))?
                .iter()
                .filter_map(|(key, value)| codec::decode::<AccountRecord>(key, value).ok())
                .collect();
            let key = family.chunk_key(chunk);
            if records.is_empty() {
                self.remove_raw(key);
                continue;
            }
            let value = match family {
                IndexFamily::Search => {
                    let docs: Vec<SearchDoc> =
                        records.iter().map(|r| SearchDoc::for_account(&r.account, &competitors)).collect();
                    codec::encode_text(&search::encode_chunk(&docs))
                }
                IndexFamily::Summary => {
                    codec::encode_binary(&records.iter().map(AccountRecord::summary).collect::<Vec<_>>())
                }
            };
            self.put_raw(key, value);
        }
        Ok(())
    }

    /// Commits every staged write and the command's history entry as one
    /// atomic batch, durable before this returns. `None` when nothing
    /// changed (then nothing is written).
    pub fn commit(self, summary: impl Into<String>, at: NaiveDateTime) -> Result<Changes, StoreError> {
        self.commit_entry(summary.into(), at, None)
    }

    fn commit_entry(
        mut self,
        summary: String,
        at: NaiveDateTime,
        undo_of: Option<u64>,
    ) -> Result<Changes, StoreError> {
        self.write_day_entries()?;
        self.refresh_stats()?;
        self.refresh_chunks()?;
        let mut changes: Vec<Change> = Vec::new();
        let mut changed = Changes::default();
        for (key, after) in &self.staged {
            if key.first() == Some(&keys::SEARCH) {
                changed.search = true;
            }
            if keys::is_unversioned(key) {
                continue;
            }
            let before = self.store.get_raw(key)?;
            if before.as_deref() != after.as_deref() {
                changed.note(key, before.as_deref(), after.as_deref());
                changes.push(Change { key: key.clone(), before });
            }
        }
        if changes.is_empty() && undo_of.is_none() {
            self.commit_sync_state()?;
            return Ok(Changes::default());
        }
        let written: Vec<journal::ops::Written<'_>> = changes
            .iter()
            .filter(|change| journal::ops::is_journaled(&change.key))
            .map(|change| journal::ops::Written {
                key: &change.key,
                before: change.before.as_deref(),
                after: self.staged.get(&change.key).and_then(|after| after.as_deref()),
            })
            .collect();
        let ops = journal::ops::operations(&written)?;
        let seq = self.next_id("history")?;
        let journal_entry = journal::Entry {
            undo_of,
            pulled: self.pulled_from.take(),
            merged: std::mem::take(&mut self.merged),
            ..journal::Entry::new(seq, at, &summary, ops)
        };
        let keys_changed = changes.len() as u64;
        let chunks = history::chunk_changes(changes);
        let entry = HistoryEntry {
            seq,
            at,
            summary,
            undo_of,
            undone: false,
            pruned: false,
            chunks: chunks.len() as u32,
            keys_changed,
            open: false,
        };
        let accounts: Vec<u64> = self
            .staged
            .keys()
            .filter(|key| matches!(key.first(), Some(&keys::ACCOUNT)))
            .filter_map(|key| keys::u64_at(key, 1))
            .collect();
        let mut bytes = 0;
        let mut batch = sled::Batch::default();
        for (key, value) in std::mem::take(&mut self.staged) {
            bytes += key.len() + value.as_ref().map_or(0, Vec::len);
            match value {
                Some(value) => batch.insert(key, value),
                None => batch.remove(key),
            }
        }
        for (index, chunk) in chunks.into_iter().enumerate() {
            bytes += chunk.len();
            batch.insert(keys::history_change_chunk(seq, index as u32), chunk);
        }
        batch.insert(keys::history(seq), codec::encode(&entry));
        for (name, value) in &self.counters {
            batch.insert(keys::counter(name), codec::encode_u64(*value));
        }
        self.store.check_writable(bytes)?;
        for part in journal_entry.in_parts() {
            self.store.journal(&part)?;
        }
        let failed = match self.store.data.apply_batch(batch) {
            Err(error) => Some(self.store.failed_write(error)),
            Ok(()) => self.store.make_durable(&mut self.synced_blobs).err().map(|e| self.store.poison(e)),
        };
        if let Some(error) = failed {
            self.store.note_interrupted(accounts);
            self.store.abandon(seq, at);
            return Err(error);
        }
        self.store.write_mark(Some(CommitMark {
            seq,
            at,
            summary: entry.summary.clone(),
            interrupted: Vec::new(),
        }));
        if seq > UNDO_DEPTH && seq % 64 == 0 {
            // The change is saved; pruning is housekeeping that a later
            // commit repeats if this one cannot be done.
            let _ = prune_history(self.store, seq - UNDO_DEPTH);
        }
        changed.entry = Some(entry);
        Ok(changed)
    }
}

impl Txn<'_> {
    /// Writes what sync staged of its own state when nothing else changed
    /// (every remote change lost to a later one here).
    fn commit_sync_state(mut self) -> Result<(), StoreError> {
        let mut batch = sled::Batch::default();
        let mut any = false;
        for (key, value) in std::mem::take(&mut self.staged) {
            if key.first() != Some(&keys::SYNC) {
                continue;
            }
            any = true;
            match value {
                Some(value) => batch.insert(key, value),
                None => batch.remove(key),
            }
        }
        if !any {
            return Ok(());
        }
        if let Err(error) = self.store.data.apply_batch(batch) {
            return Err(self.store.failed_write(error));
        }
        self.store.make_durable(&mut self.synced_blobs).map_err(|e| self.store.poison(e))
    }
}

/// A new global id, its time the record's own creation.
pub(super) fn fresh_uid(created: NaiveDateTime) -> Uid {
    let random = fastrand::u128(..).to_le_bytes();
    Uid::v7(created, random[..10].try_into().expect("ten of sixteen bytes"))
}

/// The record with a global id: its own, or a new one.
fn with_uid<T: Clone>(record: &T, uid: impl Fn(&mut T) -> &mut Uid, created: NaiveDateTime) -> T {
    let mut record = record.clone();
    let slot = uid(&mut record);
    if slot.is_nil() {
        *slot = fresh_uid(created);
    }
    record
}

/// Drops the before-images of entries up to `last_pruned`, keeping their
/// summaries. Not part of the command's batch: losing it to a crash only
/// delays the pruning.
fn prune_history(store: &Store, last_pruned: u64) -> Result<(), StoreError> {
    let mut batch = sled::Batch::default();
    let mut seqs = BTreeSet::new();
    let end = keys::history_changes(last_pruned + 1);
    for item in store.data.range(vec![keys::HISTORY_CHANGES]..end) {
        let (key, _) = item?;
        if let Some(seq) = keys::u64_at(&key, 1) {
            seqs.insert(seq);
        }
        batch.remove(key);
    }
    for seq in seqs {
        let key = keys::history(seq);
        if let Some(value) = store.data.get(&key)? {
            if let Ok(mut entry) = codec::decode::<HistoryEntry>(&key, &value) {
                entry.pruned = true;
                entry.chunks = 0;
                batch.insert(key, codec::encode(&entry));
            }
        }
    }
    store.data.apply_batch(batch)?;
    Ok(())
}

pub(super) fn undo_last(store: &Store, at: NaiveDateTime) -> Result<UndoOutcome, StoreError> {
    let mut target: Option<HistoryEntry> = None;
    for item in store.data.scan_prefix([keys::HISTORY]).rev() {
        let (key, value) = item?;
        let entry: HistoryEntry = codec::decode(&key, &value)?;
        if entry.undo_of.is_some() || entry.undone {
            continue;
        }
        if entry.pruned {
            return Ok(UndoOutcome::TooOld(entry));
        }
        target = Some(entry);
        break;
    }
    let Some(entry) = target else {
        return Ok(UndoOutcome::Nothing);
    };
    // The words "undo:" are the interface's (the entry's `undo_of` says it).
    let summary = entry.summary.clone();
    let (entry, changes) = revert(store, entry, summary, at)?;
    Ok(UndoOutcome::Undone(entry, Box::new(changes)))
}

/// Applies the before-images of `entry` as a new change (recorded as its
/// undo) and marks the entry undone.
pub(super) fn revert(
    store: &Store,
    mut entry: HistoryEntry,
    summary: String,
    at: NaiveDateTime,
) -> Result<(HistoryEntry, Changes), StoreError> {
    let mut txn = store.begin();
    let mut competitors_changed = false;
    for item in store.data.scan_prefix(keys::history_changes(entry.seq)) {
        let (key, value) = item?;
        for change in history::decode_changes(&key, &value)? {
            competitors_changed |= change.key.first() == Some(&keys::COMPETITOR);
            if change.key.first() == Some(&keys::ACCOUNT) {
                if let Some(id) = keys::u64_at(&change.key, 1) {
                    txn.mark_dirty(AccountId(id), &[IndexFamily::Search, IndexFamily::Summary]);
                }
            }
            match change.before {
                Some(before) => txn.put_raw(change.key, before),
                None => txn.remove_raw(change.key),
            }
        }
    }
    if competitors_changed {
        txn.reindex_competitor_notes()?;
    }
    entry.undone = true;
    entry.open = false;
    txn.put_raw(keys::history(entry.seq), codec::encode(&entry));
    let changes = txn.commit_entry(summary, at, Some(entry.seq))?;
    Ok((entry, changes))
}
