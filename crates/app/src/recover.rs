//! `leadline recover`: a new store built from the newest backup that reads
//! and the journal's changes after it, for when sled's files are damaged.
//! The damaged store is only read (its journal, beside sled's files), never
//! opened with sled.

use std::path::{Path, PathBuf};

use super::backup::{Backup, BackupCounts};
use super::backups::{self, backups_dir};
use super::store::{self, OpenOptions, journal};
use super::{App, AppError, AppResult};
use crate::clock::Clock;
use crate::config::Config;
use crate::i18n::msg;

/// The backup a recovery started from.
#[derive(Debug)]
pub struct Base {
    pub path: PathBuf,
    /// The newest change it holds, when it says.
    pub covers: Option<u64>,
}

/// What `recover` did.
#[derive(Debug)]
pub struct Recovered {
    pub base: Option<Base>,
    /// Newer backups that could not be read, and why.
    pub unreadable_backups: Unreadable,
    pub replayed: journal::Replayed,
    pub journal_unreadable: Vec<journal::Unreadable>,
    /// Changes neither the backup nor the journal holds (from, to).
    pub gap: Option<(u64, u64)>,
    /// What the new store holds.
    pub counts: BackupCounts,
}

impl Recovered {
    /// Whether something the rep had saved may be missing.
    pub fn lost_any(&self) -> bool {
        self.gap.is_some()
            || !self.replayed.refused.is_empty()
            || self.journal_unreadable.iter().any(|line| !line.torn_tail)
    }
}

/// Backups that could not be read, and why.
type Unreadable = Vec<(PathBuf, String)>;

/// The newest backup that reads and passes the restore's checks.
fn newest_readable(dir: &Path, lang: crate::i18n::Lang) -> (Option<(Base, Backup)>, Unreadable) {
    let mut unreadable = Vec::new();
    for file in backups::list(dir) {
        let label = file.path.display().to_string();
        let read = std::fs::read(&file.path)
            .map_err(|e| AppError::Invalid(crate::i18n::terms::cannot_read(&label, &e, lang)))
            .and_then(|bytes| Backup::from_bytes(&bytes, &label))
            .and_then(|backup| backup.checked());
        match read {
            Ok(backup) => {
                return (Some((Base { path: file.path, covers: backup.covers }, backup)), unreadable);
            }
            Err(error) => unreadable.push((file.path, crate::i18n::Words::words(&error, lang))),
        }
    }
    (None, unreadable)
}

impl App {
    /// Builds a new store in `to` from the store in `from`: its newest
    /// readable backup, then every change of its journal after it.
    pub fn recover(
        from: &Path,
        to: &Path,
        clock: Box<dyn Clock>,
        config: Config,
    ) -> AppResult<(App, Recovered)> {
        if to.exists() && std::fs::read_dir(to).map_or(true, |mut entries| entries.next().is_some()) {
            let path = to.display().to_string();
            return Err(AppError::Conflict(msg::ErrorRecoverNotEmpty { path }.text(config.ui.lang())));
        }
        let (base, unreadable_backups) =
            newest_readable(&backups_dir(from, &config.backup), config.ui.lang());
        let covers = base.as_ref().and_then(|(base, _)| base.covers).unwrap_or(0);
        let contents = store::read_journal(from, covers)?;
        let app = App::open(to, clock, config, OpenOptions::default())?;
        let (base, covered) = match base {
            Some((base, backup)) => {
                app.import_backup(&backup, &base.path.display().to_string(), false)?;
                let covered = base.covers.unwrap_or(0);
                (Some(base), covered)
            }
            None => (None, 0),
        };
        let replayed = app.store.replay(&contents, covered, app.now())?;
        let first_in_journal = contents.changes.first().map(|change| change[0].seq).or(contents.first);
        let gap = first_in_journal.filter(|first| *first > covered + 1).map(|first| (covered + 1, first - 1));
        let counts = BackupCounts::of(&app.export_backup()?.0);
        let recovered = Recovered {
            base,
            unreadable_backups,
            replayed,
            journal_unreadable: contents.unreadable,
            gap,
            counts,
        };
        Ok((app, recovered))
    }
}
