//! Application services: every user-visible operation, validated, each one
//! a single store transaction. The CLI and the TUI both call these.

mod accounts;
mod activity;
pub mod backup;
pub mod backups;
pub mod calendar;
pub mod contacts;
pub mod csv_import;
pub mod demo;
pub mod encoding;
mod focus;
mod referrals;
mod resolve;
mod review;
mod today;
pub mod vcard_import;

use chrono::{NaiveDate, NaiveDateTime};

use crate::clock::{Clock, WhenError};
use crate::config::Config;
use crate::domain::{AccountId, FollowUpId, MoneyError, ReferralId, UnknownKeyword, contact::ContactError};
use crate::store::{AccountRecord, Records, Store, StoreError, UndoOutcome};

pub use accounts::{AccountDetail, AccountInput, AccountRow, ListFilter, ReferralLink};
pub use activity::{FollowUpInput, Logged, NextStep, OrderInput, Recorded, TouchInput};
pub use focus::{AccountMarks, FocusReport, TierChange, incentive_costs};
pub use referrals::{Earned, Ledger, LedgerRow, Referred, ReferrerRecord};
pub use resolve::Candidate;
pub use review::DayReview;
pub use today::{TodayRow, today_rows};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("no account matches '{0}'")]
    NoSuchAccount(String),
    #[error("'{query}' matches {total} accounts: {}; use an id or a longer name", Candidate::list(.candidates))]
    Ambiguous { query: String, candidates: Vec<Candidate>, total: usize },
    #[error("no follow-up {0}")]
    NoSuchFollowUp(FollowUpId),
    #[error("no referral {0}")]
    NoSuchReferral(ReferralId),
    /// A value the user typed is not acceptable; says which and why.
    #[error("{0}")]
    Invalid(String),
    /// The request is well-formed but conflicts with the book's state.
    #[error("{0}")]
    Conflict(String),
    #[error("nothing to undo")]
    NothingToUndo,
}

impl AppError {
    /// Usage errors and ambiguity exit with 2, everything else with 1.
    pub fn is_usage(&self) -> bool {
        matches!(self, AppError::Ambiguous { .. } | AppError::Invalid(_))
    }
}

macro_rules! invalid_from {
    ($($error:ty),+) => {
        $(impl From<$error> for AppError {
            fn from(error: $error) -> Self {
                AppError::Invalid(error.to_string())
            }
        })+
    };
}
invalid_from!(ContactError, MoneyError, UnknownKeyword, WhenError, crate::config::ConfigError);

pub type AppResult<T> = Result<T, AppError>;

pub struct App {
    store: Store,
    clock: Box<dyn Clock>,
    config: Config,
}

impl App {
    /// An app with the default settings (see [`App::with_config`]).
    pub fn new(store: Store, clock: Box<dyn Clock>) -> App {
        App { store, clock, config: Config::default() }
    }

    pub fn with_config(self, config: Config) -> App {
        App { config, ..self }
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Rewrites the store into a fresh file, for quick opens after a bulk
    /// load. When that cannot be done (a full disk) the store stays as it
    /// was, every change in it, and the second value says why.
    pub fn compact(self) -> AppResult<(App, Option<String>)> {
        let compacted = self.store.compact()?;
        let skipped = compacted.skipped.map(|e| format!("the store was not compacted: {e}"));
        Ok((App { store: compacted.store, ..self }, skipped))
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn now(&self) -> NaiveDateTime {
        self.clock.now()
    }

    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }

    pub fn account_name(&self, id: AccountId) -> AppResult<String> {
        Ok(self.record(id)?.account.name)
    }

    pub(crate) fn record(&self, id: AccountId) -> AppResult<AccountRecord> {
        self.store.account(id)?.ok_or_else(|| AppError::NoSuchAccount(id.to_string()))
    }

    /// The newest changes, newest first.
    pub fn history(&self, limit: usize) -> AppResult<Vec<crate::store::HistoryEntry>> {
        Ok(self.store.history(limit)?)
    }

    /// Every record checked; a store that lost changes says so first.
    pub fn doctor(&self) -> AppResult<crate::store::DoctorReport> {
        let mut report = self.store.doctor(self.today())?;
        if let Some(rollback) = self.store.rollback() {
            let lost = StoreError::RolledBack {
                path: self.store.dir().display().to_string(),
                holds: rollback.holds,
                committed: rollback.committed.clone(),
            };
            report.problems.insert(0, crate::store::Problem { key: String::new(), reason: lost.to_string() });
        }
        Ok(report)
    }

    /// `doctor --repair`: a backup of the book as it is, then the store
    /// taken as it is if it lost changes, and every derived record rebuilt
    /// (the undo history stays). Says how many keys it wrote.
    pub fn repair(&mut self) -> AppResult<usize> {
        self.write_backup(backups::BackupReason::BeforeRepair)?;
        self.store.accept_rollback()?;
        Ok(self.store.rebuild_derived()?)
    }

    /// Reverts the newest change; says what it reverted.
    pub fn undo(&self) -> AppResult<String> {
        match self.store.undo(self.now())? {
            UndoOutcome::Undone(entry) => Ok(entry.summary),
            UndoOutcome::Nothing => Err(AppError::NothingToUndo),
            UndoOutcome::TooOld(entry) => Err(AppError::Conflict(format!(
                "the next change to undo ('{}', {}) is older than the undo history keeps",
                entry.summary,
                entry.at.format("%Y-%m-%d %H:%M")
            ))),
        }
    }
}
