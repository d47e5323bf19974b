//! Sync in the terminal interface: never in the way. Under `[sync] auto`
//! a thread of its own syncs after each change and every few minutes; the
//! status bar shows where sync stands (synced, N to send, syncing, offline,
//! failed with what to do). A keystroke never waits for the server.

use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use crate::app::sync::SyncReport;
use crate::app::{App, AppResult};
use crate::i18n::{Lang, msg};

/// How often an idle interface pulls the others' changes.
const EVERY: Duration = Duration::from_secs(300);

/// What the status bar says of sync.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Badge {
    pub text: String,
    pub error: bool,
}

/// The interface's side of sync: asks the worker, reads its answers.
pub struct Syncing {
    ask: Option<Sender<()>>,
    told: Option<Receiver<AppResult<SyncReport>>>,
    running: bool,
    newest: u64,
    last: Instant,
    /// The badge is to be worked out again (something changed).
    stale: bool,
    badge: Option<Badge>,
}

impl Syncing {
    /// Starts the worker on `scope` when the settings ask for auto sync.
    pub fn start<'scope, 'env>(app: &'env App, scope: &'scope std::thread::Scope<'scope, 'env>) -> Syncing {
        let newest = app.newest_change();
        let rules = &app.config().sync;
        if !rules.auto || rules.url.is_none() {
            return Syncing {
                ask: None,
                told: None,
                running: false,
                newest,
                last: Instant::now(),
                stale: true,
                badge: None,
            };
        }
        let (ask, asked) = mpsc::channel::<()>();
        let (tell, told) = mpsc::channel();
        scope.spawn(move || {
            while asked.recv().is_ok() {
                // Asks that came meanwhile are one sync.
                while asked.try_recv().is_ok() {}
                if tell.send(app.sync()).is_err() {
                    break;
                }
            }
        });
        let mut syncing = Syncing {
            ask: Some(ask),
            told: Some(told),
            running: false,
            newest,
            last: Instant::now(),
            stale: true,
            badge: None,
        };
        syncing.request();
        syncing
    }

    fn request(&mut self) {
        self.stale = true;
        if let Some(ask) = &self.ask {
            self.running = ask.send(()).is_ok();
            self.last = Instant::now();
        }
    }

    /// After a message: a change made here is sent; an idle interface
    /// pulls now and then. Says whether the others' changes came in (the
    /// book is then read again).
    pub fn after(&mut self, app: &App) -> bool {
        // Without a server there is nothing to follow, tick after tick.
        if app.config().sync.url.is_none() {
            return false;
        }
        let newest = app.newest_change();
        if newest != self.newest {
            self.newest = newest;
            self.stale = true;
            self.request();
        } else if !self.running && self.last.elapsed() >= EVERY {
            self.request();
        }
        let Some(told) = &self.told else { return false };
        let mut came = false;
        while let Ok(result) = told.try_recv() {
            self.running = false;
            self.stale = true;
            came |= result.is_ok_and(|report| report.received.values().any(|r| !r.is_empty()));
        }
        if came {
            // What came in was written by the worker: not a change to send.
            self.newest = app.newest_change();
        }
        came
    }

    /// Ends the worker: the sync it is running, if any, ends on its own.
    pub fn stop(&mut self) {
        self.ask = None;
        self.told = None;
    }

    /// What the status bar says, worked out again only when something
    /// changed.
    pub fn badge(&mut self, app: &App, lang: Lang) -> Option<Badge> {
        if std::mem::take(&mut self.stale) {
            self.badge = self.work_out(app, lang);
        }
        self.badge.clone()
    }

    fn work_out(&self, app: &App, lang: Lang) -> Option<Badge> {
        app.config().sync.url.as_ref()?;
        if self.running {
            return Some(Badge { text: msg::StatusSyncRunning.text(lang), error: false });
        }
        let status = app.sync_status().ok()?;
        let (text, error) = match (&status.last.error, status.last.offline, status.pending) {
            (Some(_), true, _) => (msg::StatusSyncOffline.text(lang), false),
            (Some(_), false, _) => (msg::StatusSyncFailed.text(lang), true),
            (None, _, 0) if status.last.at.is_some() => (msg::StatusSyncSynced.text(lang), false),
            (None, _, count) => (msg::StatusSyncPending { count: count.max(1) }.text(lang), false),
        };
        let text = match (status.last.offline, status.pending) {
            (true, pending) if pending > 0 => {
                format!("{text} · {}", msg::StatusSyncPending { count: pending }.text(lang))
            }
            _ => text,
        };
        Some(Badge { text, error })
    }
}
