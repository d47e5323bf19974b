//! Sync through the team's server, offline first: every command works on
//! the local store; `leadline sync` sends the changes made here since the
//! last sync (the journal's operations, by global id, each stamped with a
//! hybrid logical clock) and applies the others' (field by field, the later
//! write winning). See docs/SYNC.md.

pub mod clock;
mod handover;
mod merge;
pub mod state;
mod take;
pub mod wire;

pub use handover::{HandedOver, handover_of};
pub use leadline_sync::{MemoryServer, Server};
pub use merge::{Received, Settled};
pub use take::Identity;

use std::collections::BTreeMap;

use leadline_sync::{Outgoing, PgServer, SyncError};

use self::merge::Merger;
use self::state::{LastSync, Queued, names};
use self::wire::WireOp;
use super::{App, AppError, AppResult};
use crate::domain::Uid;
use crate::i18n::msg;

/// Operations read from the server per commit here (at least one change).
const OPS_PER_PULL: i64 = 5_000;
/// Rows sent per server transaction.
const ROWS_PER_PUSH: usize = 20;

/// Where sync stands ([`App::sync_status`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SyncStatus {
    /// Changes made here and not yet on the server.
    pub pending: usize,
    pub last: LastSync,
}

/// What a sync did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SyncReport {
    pub book: String,
    pub device: String,
    /// Changes of this device's the server took.
    pub sent: usize,
    /// What came in, by the device it came from.
    pub received: BTreeMap<String, Received>,
    pub settled: Vec<Settled>,
    /// Operations from the server that could not be applied, in words.
    pub refused: Vec<String>,
}

impl App {
    /// Syncs with the team's server as the settings say.
    pub fn sync(&self) -> AppResult<SyncReport> {
        self.sync_over(connect(&self.config))
    }

    /// Syncs over a connection made before (a background sync connects
    /// before it opens the store, so that a server out of reach never
    /// keeps the store from the rep), and keeps how it went.
    pub fn sync_over(&self, connected: AppResult<Connected>) -> AppResult<SyncReport> {
        let synced = connected
            .and_then(|Connected { mut server, book, device }| self.sync_with(&mut server, &book, &device));
        self.note_sync(&synced);
        synced
    }

    /// Keeps how the sync went, for the status bar and `sync --status`.
    fn note_sync(&self, synced: &AppResult<SyncReport>) {
        let last = LastSync {
            at: Some(self.now()),
            error: synced.as_ref().err().map(|error| error.to_string()),
            offline: matches!(synced, Err(AppError::Offline(_))),
        };
        let mut txn = self.store.begin();
        txn.put_sync(names::LAST, &last);
        let _ = txn.commit("", self.now());
    }

    /// Where sync stands: what waits to be sent, how the last sync went.
    pub fn sync_status(&self) -> AppResult<SyncStatus> {
        Ok(SyncStatus {
            pending: self.sync_pending()?,
            last: self.store.sync_value(names::LAST)?.unwrap_or_default(),
        })
    }

    /// Sends the changes made here since the last sync, then applies the
    /// others'. A sync cut off at any point loses nothing: what was taken
    /// to send stays in the outbox until the server has it (and the server
    /// takes a change once), and each page of changes pulled is applied
    /// with the version it reached, in one commit.
    pub fn sync_with(&self, server: &mut dyn Server, book: &str, device: &str) -> AppResult<SyncReport> {
        let me = self.identity(device)?;
        take::take(&self.store, &me, self.now())?;
        let failed = |error| self.server_error(error);
        server.open_book(book).map_err(failed)?;
        let sent = self.send(server, book, &me)?;
        let mut report =
            SyncReport { book: book.to_string(), device: device.to_string(), sent, ..SyncReport::default() };
        self.pull(server, book, &me, &mut report)?;
        Ok(report)
    }

    /// The number of the newest change in the store (0: none): a change
    /// made since a look is one more to sync.
    pub fn newest_change(&self) -> u64 {
        self.store.newest_seq().unwrap_or(0)
    }

    /// Changes taken here and not yet on the server.
    pub fn sync_pending(&self) -> AppResult<usize> {
        let mut seqs: Vec<Vec<u8>> = self
            .store
            .sync_names(names::OUTBOX)?
            .into_iter()
            .filter_map(|rest| rest.get(..8).map(<[u8]>::to_vec))
            .collect();
        seqs.dedup();
        Ok(seqs.len() + take::untaken(&self.store)?)
    }

    /// The book as devices compare it ([`take::canonical`]): two devices
    /// in step hold the same.
    pub fn canonical_book(&self) -> AppResult<BTreeMap<String, serde_json::Value>> {
        Ok(take::canonical(&self.store)?)
    }

    fn identity(&self, device: &str) -> AppResult<take::Identity> {
        let origin = match self.store.sync_value::<String>(names::ORIGIN)? {
            Some(origin) => origin,
            None => {
                let random = fastrand::u128(..).to_le_bytes();
                let origin =
                    Uid::v7(self.now(), random[..10].try_into().expect("ten of sixteen bytes")).to_string();
                let mut txn = self.store.begin();
                txn.put_sync(names::ORIGIN, &origin);
                txn.commit("", self.now())?;
                origin
            }
        };
        Ok(take::Identity { device: device.to_string(), origin })
    }

    /// Sends the outbox, a few rows at a time; says how many changes the
    /// server took.
    fn send(&self, server: &mut dyn Server, book: &str, me: &take::Identity) -> AppResult<usize> {
        let queued = self.store.sync_names(names::OUTBOX)?;
        if queued.is_empty() {
            return Ok(0);
        }
        let failed = |error| self.server_error(error);
        let held = server.newest_from(book, &me.origin).map_err(failed)?;
        let mut seqs = std::collections::BTreeSet::new();
        for rests in queued.chunks(ROWS_PER_PUSH) {
            let mut rows = Vec::with_capacity(rests.len());
            for rest in rests {
                let name = [names::OUTBOX, rest.as_slice()].concat();
                let Some(row) = self.store.sync_value::<Queued>(&name)? else { continue };
                seqs.insert(row.seq);
                if Some((row.seq as i64, row.part as i32)) > held {
                    rows.push(Outgoing {
                        seq: row.seq as i64,
                        part: row.part as i32,
                        summary: row.summary,
                        operations: serde_json::to_value(&row.ops).unwrap_or_default(),
                    });
                }
            }
            server.push(book, &me.device, &me.origin, &rows).map_err(failed)?;
            let mut txn = self.store.begin();
            for rest in rests {
                txn.remove_sync(&[names::OUTBOX, rest.as_slice()].concat());
            }
            txn.commit("", self.now())?;
        }
        Ok(seqs.len())
    }

    /// Applies the others' changes, a page per commit.
    fn pull(
        &self,
        server: &mut dyn Server,
        book: &str,
        me: &take::Identity,
        report: &mut SyncReport,
    ) -> AppResult<()> {
        let lang = self.config.ui.lang();
        let failed = |error| self.server_error(error);
        let mut pulled = Vec::new();
        loop {
            let since: i64 = self.store.sync_value(names::PULLED)?.unwrap_or(0);
            let page = server.pull(book, &me.origin, since, OPS_PER_PULL).map_err(failed)?;
            let Some(last) = page.last().map(|change| change.version) else { break };
            let mut txn = self.store.begin();
            let mut hlc: clock::Hlc = txn.sync_value(names::CLOCK)?.unwrap_or_default();
            let mut devices: Vec<&str> = page.iter().map(|change| change.device.as_str()).collect();
            devices.sort_unstable();
            devices.dedup();
            txn.mark_pulled(&devices.join(", "));
            let mut merger = Merger::new(&mut txn);
            for change in &page {
                let ops: Vec<WireOp> = serde_json::from_value(change.operations.clone())
                    .map_err(|error| failed(SyncError::Malformed(error.to_string())))?;
                for op in &ops {
                    hlc.see(&op.clock);
                    merger.apply(&change.device, op)?;
                }
            }
            let settled = merger.settle_referrers(|name| msg::SyncReferrerNote { name }.text(lang))?;
            for (device, received) in std::mem::take(&mut merger.received) {
                merge_received(report.received.entry(device).or_default(), received);
            }
            report.refused.append(&mut merger.refused);
            report.settled.extend(settled);
            txn.put_sync(names::CLOCK, &hlc);
            txn.put_sync(names::PULLED, &last);
            let handovers: Vec<String> = page
                .iter()
                .filter_map(|change| handover::handover_of(&change.summary))
                .map(|(name, from)| msg::HistoryHandoverIn { name, from }.text(lang))
                .collect();
            let summary = match handovers.is_empty() {
                true => msg::HistorySync { devices: devices.join(", ") }.text(lang),
                false => handovers.join("; "),
            };
            let changes = txn.commit(summary, self.now())?;
            pulled.extend(changes.entry.map(|entry| entry.seq));
        }
        self.skip_pulled(&pulled)
    }

    /// When nothing was changed here meanwhile, what was just pulled is
    /// marked taken, and the journal starts a segment after it: the next
    /// sync does not read the pulled changes back only to skip them.
    fn skip_pulled(&self, pulled: &[u64]) -> AppResult<()> {
        let Some(&last) = pulled.last() else { return Ok(()) };
        let mut txn = self.store.begin();
        let newest = self.store.newest_seq()?;
        let Some(taken) = self.store.sync_taken()? else { return Ok(()) };
        let only_pulled = newest == last
            && newest.saturating_sub(taken) == pulled.len() as u64
            && pulled.iter().all(|seq| *seq > taken);
        if only_pulled {
            txn.set_sync_taken(newest);
            txn.commit("", self.now())?;
            self.store.rotate_journal(newest, None, self.today())?;
        }
        Ok(())
    }

    fn server_error(&self, error: SyncError) -> AppError {
        server_error(error, self.config.ui.lang())
    }
}

/// A connection to the team's server, with the book and this device's name.
pub struct Connected {
    pub server: PgServer,
    pub book: String,
    pub device: String,
}

/// Connects to the team's server as the settings say.
pub fn connect(config: &crate::config::Config) -> AppResult<Connected> {
    let mut server = connect_server(config)?;
    let book = match &config.sync.book {
        Some(book) => book.clone(),
        None => server.user().map_err(|error| server_error(error, config.ui.lang()))?,
    };
    let device = config.sync.device.clone().unwrap_or_else(machine_name);
    Ok(Connected { server, book, device })
}

/// The server at `[sync] url`.
pub(crate) fn connect_server(config: &crate::config::Config) -> AppResult<PgServer> {
    let lang = config.ui.lang();
    let url = config.sync.url.as_deref().ok_or_else(|| AppError::Invalid(msg::ErrorSyncNoUrl.text(lang)))?;
    PgServer::connect(url).map_err(|error| server_error(error, lang))
}

/// What went wrong with the server, as an error in the rep's words: one
/// out of reach says that everything else works offline.
pub(crate) fn server_error(error: SyncError, lang: crate::i18n::Lang) -> AppError {
    let reason = super::team::sync_words(&error, lang);
    if error.is_unreachable() {
        AppError::Offline(msg::ErrorSyncOffline { reason }.text(lang))
    } else {
        AppError::Conflict(msg::ErrorSyncServer { reason }.text(lang))
    }
}

fn merge_received(into: &mut Received, from: Received) {
    into.touches += from.touches;
    into.orders += from.orders;
    into.follow_ups += from.follow_ups;
    into.referrals += from.referrals;
    into.accounts.extend(from.accounts);
    into.other += from.other;
}

/// This machine's name, for the others to read.
fn machine_name() -> String {
    std::env::var("HOSTNAME")
        .ok()
        .or_else(|| std::fs::read_to_string("/proc/sys/kernel/hostname").ok())
        .map(|name| name.trim().to_string())
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| "device".to_string())
}
