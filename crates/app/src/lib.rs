//! Application services: every user-visible operation, validated, each one
//! a single store transaction. The CLI and the TUI both call these, and
//! only these: the store crate is a private dependency of this one, so the
//! fronts cannot reach it (the compiler says so; see `App` below). Every
//! write returns what it changed ([`Written`]), every read is a query here.
//!
//! The fronts (and any other code outside this crate) cannot name the store:
//!
//! ```compile_fail,E0603
//! use leadline_app::store::Store; // error[E0603]: `store` is private
//! ```
//!
//! They open a book through the app, and only through it:
//!
//! ```
//! use leadline_app::App;
//! use leadline_core::clock::SystemClock;
//! let dir = tempfile::tempdir().unwrap();
//! let app = App::open_at(&dir.path().join("store"), Box::new(SystemClock)).unwrap();
//! assert!(app.is_empty().unwrap());
//! ```

mod accounts;
mod activity;
pub mod backup;
mod backup_replay;
pub mod backups;
mod book;
pub mod calendar;
pub mod calendar_sync;
mod competitor_report;
mod competitors;
pub mod contacts;
pub mod contacts_sync;
mod corrections;
pub mod csv_import;
pub mod demo;
mod duplicates;
pub mod encoding;
mod focus;
mod follow_ups;
mod orders;
mod plan;
pub mod recover;
mod referrals;
mod resolve;
mod review;
pub mod simulation;
pub mod sync;
pub mod team;
pub mod team_report;
mod triage;
pub mod vcard_export;
pub mod vcard_import;
mod vdir;
mod words;

use chrono::{NaiveDate, NaiveDateTime};
use leadline_core::{analysis, clock, config, domain, search};
use leadline_i18n as i18n;
use leadline_store as store;

use crate::clock::{Clock, WhenError};
use crate::config::Config;
use crate::domain::{AccountId, FollowUpId, MoneyError, ReferralId, UnknownKeyword, contact::ContactError};
use crate::i18n::msg;
use crate::store::{Records, Store, UndoOutcome};

pub use store::{
    AccountRecord, Changes, DoctorReport, HistoryEntry, Moved, OpenOptions, Problem, StoreError,
};

pub use accounts::{AccountDetail, AccountInput, AccountRow, ListFilter, Past, PhonesReread, ReferralLink};
pub use activity::{Logged, NextStep, TouchInput, sms_restraint};
pub use book::{BookData, BookView, Incentives};
pub use calendar::Reminder;
pub use competitor_report::{
    CompetitorAt, CompetitorReport, CompetitorRow, LostDeal, Recorded as RecordedFigure, cited_words,
};
pub use competitors::{Aliased, MAX_CREDIT_DAYS, NoteInput, NoteRef, NoteSaved};
pub use corrections::{Corrected, FollowUpChange, OrderChange, TouchChange};
pub use duplicates::{DoubtfulPhone, Duplicates, Merged};
pub use focus::{AccountMarks, FocusReport, TierChange, effort_warning, incentive_costs, percent_below};
pub use follow_ups::FollowUpInput;
pub use leadline_store::files;
pub use orders::{OrderInput, Recorded};
pub use plan::{Agenda, DayList, TodayRow, Waited, Words, late_words, planned_because, shortfall_words};
pub use referrals::{Earned, Ledger, LedgerRow, Referred, ReferrerRecord};
pub use resolve::Candidate;
pub use review::DayReview;
pub use triage::Waitable;
pub use words::store_words;

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
    /// A record named that the book does not have (a competitor, a note),
    /// in the rep's words.
    #[error("{0}")]
    NotFound(String),
    /// A value the user typed is not acceptable; says which and why.
    #[error("{0}")]
    Invalid(String),
    /// A value a check refused, kept as its typed error so that each front
    /// words it in the rep's language.
    #[error(transparent)]
    Input(#[from] InputError),
    /// The request is well-formed but conflicts with the book's state.
    #[error("{0}")]
    Conflict(String),
    /// The team's server cannot be reached: everything else works offline.
    #[error("{0}")]
    Offline(String),
    #[error("nothing to undo")]
    NothingToUndo,
    /// A file given to read is not what it should be (no card in a vCard
    /// file, an encoding Leadline cannot tell or read); nothing was done.
    #[error("{0}")]
    UnreadableFile(String),
    /// A backup to read that Leadline refuses (damaged, too new, a record
    /// that breaks a rule).
    #[error(transparent)]
    BadBackup(Box<backup::BackupError>),
    /// The settings file does not read, or a setting is out of range.
    #[error(transparent)]
    Settings(Box<crate::config::ConfigError>),
    /// A `--map` that does not fit the file to import.
    #[error(transparent)]
    Map(#[from] contacts::MapError),
    #[error("cannot write a backup {} in {}: {source}", reason.words(), dir.display())]
    Backup { dir: std::path::PathBuf, reason: backups::BackupReason, source: std::io::Error },
}

impl AppError {
    /// Usage errors and ambiguity exit with 2, everything else with 1.
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            AppError::Ambiguous { .. }
                | AppError::Invalid(_)
                | AppError::Input(_)
                | AppError::BadBackup(_)
                | AppError::Map(_)
                | AppError::Settings(_)
        )
    }
}

/// What the checks of typed values refuse.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error(transparent)]
    Contact(#[from] ContactError),
    #[error(transparent)]
    Money(#[from] MoneyError),
    #[error(transparent)]
    Keyword(#[from] UnknownKeyword),
    #[error(transparent)]
    When(#[from] WhenError),
    #[error(transparent)]
    Window(#[from] crate::domain::dates::OutOfWindow),
    #[error(transparent)]
    MonthDay(#[from] crate::domain::MonthDayError),
    #[error("'{0}' is not a date: use YYYY-MM-DD")]
    NotADate(String),
    #[error("credit days '{0}' is not a number of days from 0 to 3650")]
    CreditDays(String),
}

macro_rules! input_from {
    ($($error:ty),+) => {
        $(impl From<$error> for AppError {
            fn from(error: $error) -> Self {
                AppError::Input(InputError::from(error))
            }
        })+
    };
}
input_from!(
    ContactError,
    MoneyError,
    UnknownKeyword,
    WhenError,
    crate::domain::dates::OutOfWindow,
    crate::domain::MonthDayError
);

impl From<backup::BackupError> for AppError {
    fn from(error: backup::BackupError) -> Self {
        AppError::BadBackup(Box::new(error))
    }
}

impl From<crate::config::ConfigError> for AppError {
    fn from(error: crate::config::ConfigError) -> Self {
        AppError::Settings(Box::new(error))
    }
}

pub type AppResult<T> = Result<T, AppError>;

/// What a write returns: its result, and what it changed in the book.
#[derive(Debug)]
pub struct Written<T> {
    pub value: T,
    pub changes: Changes,
    /// What else the write did, in words ("closed follow-up #12 (quote
    /// sent)"), for the rep to be told beside what was asked.
    pub also: Vec<String>,
}

impl<T> std::ops::Deref for Written<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.value
    }
}

pub struct App {
    store: Store,
    clock: Box<dyn Clock>,
    config: Config,
    /// What opening the store re-read when the phone region had changed.
    phones_reread: Option<accounts::PhonesReread>,
}

impl App {
    /// An app with the default settings (see [`App::with_config`]).
    fn new(store: Store, clock: Box<dyn Clock>) -> App {
        App { store, clock, config: Config::default(), phones_reread: None }
    }

    /// Opens the store in `dir` with the default settings: for tests,
    /// benchmarks and tools (the fronts use [`App::open`]).
    pub fn open_at(dir: &std::path::Path, clock: Box<dyn Clock>) -> AppResult<App> {
        App::open(dir, clock, Config::default(), OpenOptions::default())
    }

    pub fn with_config(self, config: Config) -> App {
        App { config, ..self }
    }

    /// The country of phone numbers written without a country code.
    pub fn region(&self) -> crate::domain::phone::Region {
        self.config.contacts.region()
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Rewrites the store into a fresh file, for quick opens after a bulk
    /// load. When that cannot be done (a full disk) the store stays as it
    /// was, every change in it, and the second value says why.
    pub fn compact(self) -> AppResult<(App, Option<String>)> {
        let compacted = self.store.compact()?;
        let lang = self.config.ui.lang();
        let skipped =
            compacted.skipped.map(|e| msg::ErrorNotCompacted { reason: store_words(&e, lang) }.text(lang));
        Ok((App { store: compacted.store, ..self }, skipped))
    }

    /// The store's directory, for messages.
    pub fn dir(&self) -> &std::path::Path {
        self.store.dir()
    }

    /// True when the book holds no account.
    pub fn is_empty(&self) -> AppResult<bool> {
        Ok(self.store.is_empty()?)
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

    /// How many records cannot be read, when a check found some.
    pub fn damaged(&self) -> Option<usize> {
        self.store.damaged()
    }

    /// Notes that a read of the store in `dir` met a damaged record (every
    /// command then says so, until `doctor` finds the store healthy).
    pub fn note_damage(dir: &std::path::Path) {
        store::note_failed_read(dir);
    }

    /// The names of the active accounts of the store in `dir`, read
    /// without migrating or changing anything Leadline keeps (what shell
    /// completion offers); none when there is no store there or it cannot
    /// be opened (another Leadline holds it).
    pub fn account_names_at(dir: &std::path::Path) -> Vec<String> {
        if !dir.join("db").exists() && !dir.join("conf").exists() {
            return Vec::new();
        }
        let Ok(store) = Store::open_unmigrated(dir, OpenOptions::default()) else { return Vec::new() };
        let names = store.summaries().map(|loaded| loaded.items).unwrap_or_default();
        let names = names.into_iter().filter(|s| s.is_active()).map(|s| s.name).collect();
        store.seal();
        names
    }

    /// Records the store's files as this process leaves them; call when
    /// done with the store (the next open then knows whether anything else
    /// changed them).
    pub fn seal(&self) {
        self.store.seal();
    }

    /// The newest changes, newest first.
    pub fn history(&self, limit: usize) -> AppResult<Vec<crate::store::HistoryEntry>> {
        Ok(self.store.history(limit)?)
    }

    /// Every record checked; a store that lost changes says so first.
    pub fn doctor(&self) -> AppResult<crate::store::DoctorReport> {
        let mut report = self.store.doctor(self.today())?;
        if report.is_healthy() {
            self.store.clear_damage();
        }
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
    pub fn undo(&self) -> AppResult<Written<String>> {
        match self.store.undo(self.now())? {
            UndoOutcome::Undone(entry, changes) => {
                Ok(Written { value: entry.summary, changes: *changes, also: Vec::new() })
            }
            UndoOutcome::Nothing => Err(AppError::NothingToUndo),
            UndoOutcome::TooOld(entry) => {
                let at = entry.at.format("%Y-%m-%d %H:%M").to_string();
                let words = crate::i18n::msg::ErrorUndoTooOld { what: entry.summary, at };
                Err(AppError::Conflict(words.text(self.config.ui.lang())))
            }
        }
    }
}
