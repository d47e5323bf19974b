//! Leadline's own rotating backups of the book, a hedge against sled's
//! known crash-recovery faults: the whole book as a JSON backup (the format
//! of `export`), one file a day, written after the first change of the day
//! and before anything that rewrites much of the store (an import, a
//! migration, `doctor --repair`). Restoring one is `import` into an empty
//! store.

use std::collections::BTreeSet;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use super::backup::{Backup, BackupError};
use super::{App, AppError, AppResult};
use crate::clock::Clock;
use crate::config::{BackupRules, Config};
use crate::store::{OpenOptions, Store};

/// One backup file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupFile {
    pub day: NaiveDate,
    pub path: PathBuf,
    pub bytes: u64,
    pub written: Option<NaiveDateTime>,
}

/// Where the backups of the store in `store_dir` go: the `[backup] dir`
/// setting, else `backups` beside the store for the default store
/// (`…/leadline/store` → `…/leadline/backups`), else `NAME-backups` beside a
/// store named NAME. Outside the store's directory, so that neither a
/// damaged store nor a compaction (which replaces that directory) touches
/// them.
pub fn backups_dir(store_dir: &Path, rules: &BackupRules) -> PathBuf {
    if let Some(dir) = &rules.dir {
        return dir.clone();
    }
    let name = store_dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let parent = store_dir.parent().unwrap_or(Path::new("."));
    if name == "store" { parent.join("backups") } else { parent.join(format!("{name}-backups")) }
}

/// A backup's file name: the day, gzipped JSON. (Backups written before
/// they were compressed end in `.json` and are read as well.)
fn file_name(day: NaiveDate) -> String {
    format!("{day}.json.gz")
}

fn day_of(path: &Path) -> Option<NaiveDate> {
    let name = path.file_name()?.to_str()?;
    let stem = name.strip_suffix(".json.gz").or_else(|| name.strip_suffix(".json"))?;
    NaiveDate::parse_from_str(stem, "%Y-%m-%d").ok()
}

/// The newest change a backup holds, read from its first bytes (`covers`
/// comes first after the format); None for a backup from before there was
/// a journal, or one that does not read.
pub fn covers(path: &Path) -> Option<u64> {
    use std::io::Read;
    let file = std::fs::File::open(path).ok()?;
    let mut head = vec![0u8; 128];
    let read = if path.extension().is_some_and(|e| e == "gz") {
        flate2::read::GzDecoder::new(file).read(&mut head).ok()?
    } else {
        file.take(128).read(&mut head).ok()?
    };
    let head = String::from_utf8_lossy(&head[..read]);
    let after = head.split_once("\"covers\":")?.1;
    after.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
}

fn covers_of(file: &BackupFile) -> Option<u64> {
    covers(&file.path)
}

/// The backups in `dir`, newest first.
pub fn list(dir: &Path) -> Vec<BackupFile> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut files: Vec<BackupFile> = entries
        .flatten()
        .filter_map(|entry| {
            let path = entry.path();
            let day = day_of(&path)?;
            let meta = entry.metadata().ok()?;
            let written =
                meta.modified().ok().map(|t| chrono::DateTime::<chrono::Local>::from(t).naive_local());
            Some(BackupFile { day, path, bytes: meta.len(), written })
        })
        .collect();
    files.sort_by_key(|f| std::cmp::Reverse(f.day));
    files
}

/// The days whose backups rotation removes: the newest `daily` days stay,
/// and of the older ones the newest of each of the `weekly` newest weeks.
pub fn expired(days: &[NaiveDate], daily: usize, weekly: usize) -> Vec<NaiveDate> {
    let mut newest_first: Vec<NaiveDate> = days.to_vec();
    newest_first.sort_by(|a, b| b.cmp(a));
    newest_first.dedup();
    let mut weeks_kept: BTreeSet<(i32, u32)> = BTreeSet::new();
    let mut out = Vec::new();
    for (index, day) in newest_first.into_iter().enumerate() {
        if index < daily {
            continue;
        }
        let week = (day.iso_week().year(), day.iso_week().week());
        if weeks_kept.contains(&week) || weeks_kept.len() == weekly {
            out.push(day);
        } else {
            weeks_kept.insert(week);
        }
    }
    out
}

/// Why a backup is written, for what an error says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackupReason {
    FirstChangeOfTheDay,
    BeforeImport,
    BeforeMigration,
    BeforeRepair,
    /// The first backup of a store the journal starts with.
    JournalStart,
}

impl BackupReason {
    pub fn words(self) -> &'static str {
        match self {
            BackupReason::FirstChangeOfTheDay => "of the day",
            BackupReason::BeforeImport => "before the import (nothing was imported)",
            BackupReason::BeforeMigration => "before updating the store (it was left as it was)",
            BackupReason::BeforeRepair => "before the repair (nothing was repaired)",
            BackupReason::JournalStart => "the journal starts with (the store is as it was)",
        }
    }
}

impl App {
    /// Opens the store in `dir` for the fronts: a store that needs a
    /// migration is backed up first.
    pub fn open(dir: &Path, clock: Box<dyn Clock>, config: Config, options: OpenOptions) -> AppResult<App> {
        let store = Store::open_unmigrated(dir, options)?;
        let app = App::new(store, clock).with_config(config);
        if app.store.rollback().is_some() {
            // Opened to be looked at and salvaged: nothing is rewritten.
            return Ok(app);
        }
        if app.store.needs_migration()? {
            app.write_backup(BackupReason::BeforeMigration)?;
        }
        let App { store, clock, config, .. } = app;
        let mut app = App { store: store.migrated()?, clock, config, phones_reread: None };
        app.phones_reread = app.normalise_stored_phones()?;
        if !app.store.has_journal() && !app.store.is_empty()? {
            // A store from before the journal: a backup first, so that the
            // backup and the journal after it are the whole book. Without
            // one the journal starts with the next change, and `recover`
            // says which changes it lacks.
            let _ = app.write_backup(BackupReason::JournalStart);
        }
        Ok(app)
    }

    pub fn backups_dir(&self) -> PathBuf {
        backups_dir(self.store.dir(), &self.config.backup)
    }

    pub fn backups(&self) -> Vec<BackupFile> {
        list(&self.backups_dir())
    }

    /// Starts today's backup after the first change of the day (when the
    /// newest change is from today and today has no backup yet): written
    /// from the previous backup and the journal by another process, so the
    /// rep does not wait for it. Written here, from the store, when that
    /// cannot be done (not the `leadline` program, or it failed last time).
    /// Returns the file written here, if one was.
    pub fn backup_if_due(&self) -> AppResult<Option<PathBuf>> {
        if !self.config.backup.enabled {
            return Ok(None);
        }
        let today = self.today();
        let dir = self.backups_dir();
        let failed_elsewhere = take_daily_failure(self.store.dir());
        if dir.join(file_name(today)).exists() || dir.join(format!("{today}.json")).exists() {
            return Ok(None);
        }
        let changed_today = self.store.history(1)?.first().is_some_and(|entry| entry.at.date() == today);
        if !changed_today {
            return Ok(None);
        }
        // The journal after the second newest backup stays: a damaged
        // newest backup still leaves a whole book to recover.
        if let Some(second) = list(&dir).get(1).and_then(covers_of) {
            self.store.prune_journal(second);
        }
        if failed_elsewhere.is_none() && spawn_daily(self.store.dir(), &dir, &self.config.backup, today) {
            return Ok(None);
        }
        self.write_backup(BackupReason::FirstChangeOfTheDay)
    }

    /// Writes today's backup now (replacing one written earlier today),
    /// then removes the backups rotation no longer keeps. Nothing when
    /// backups are off or the book is empty.
    pub fn write_backup(&self, reason: BackupReason) -> AppResult<Option<PathBuf>> {
        if !self.config.backup.enabled || self.store.is_empty()? {
            return Ok(None);
        }
        let dir = self.backups_dir();
        let failed = |source: std::io::Error| AppError::Backup { dir: dir.clone(), reason, source };
        std::fs::DirBuilder::new().recursive(true).mode(0o700).create(&dir).map_err(failed)?;
        let covers = self.store.newest_seq()?;
        let (mut backup, problems) = self.export_backup()?;
        backup.covers = Some(covers);
        let path = dir.join(file_name(self.today()));
        let rules = &self.config.backup;
        write_and_rotate(&dir, &path, &backup, rules.keep_daily as usize, rules.keep_weekly as usize)
            .map_err(failed)?;
        if problems.is_empty() {
            // The backup holds the whole book: the journal starts anew
            // after it, and what the backup before it holds can go.
            let second = list(&dir).get(1).and_then(covers_of);
            self.store.rotate_journal(covers, second, self.today()).map_err(AppError::from)?;
        }
        Ok(Some(path))
    }
}

/// Where the daily backup written by another process notes why it failed.
const DAILY_FAILED: &str = "backup-failed";

fn take_daily_failure(store_dir: &Path) -> Option<String> {
    let path = store_dir.join(DAILY_FAILED);
    let text = std::fs::read_to_string(&path).ok()?;
    let _ = std::fs::remove_file(&path);
    Some(text)
}

/// The daily backups this process started; reaped as it starts more, so
/// that a terminal interface open for weeks leaves no zombies behind.
static STARTED: std::sync::Mutex<Vec<std::process::Child>> = std::sync::Mutex::new(Vec::new());

/// Starts `leadline backup-daily` for the store, on its own: its own
/// process group (a Ctrl-C in the terminal does not stop it), no terminal.
/// False when this program is not `leadline` (a test, a library user).
fn spawn_daily(store_dir: &Path, backups: &Path, rules: &BackupRules, today: NaiveDate) -> bool {
    use std::os::unix::process::CommandExt;
    use std::process::{Command, Stdio};
    let Ok(program) = std::env::current_exe() else { return false };
    if program.file_stem().is_none_or(|stem| stem != "leadline") {
        return false;
    }
    let started = Command::new(program)
        .arg("--store")
        .arg(store_dir)
        .arg("backup-daily")
        .arg("--dir")
        .arg(backups)
        .args([
            "--keep-daily",
            &rules.keep_daily.to_string(),
            "--keep-weekly",
            &rules.keep_weekly.to_string(),
        ])
        .args(["--day", &today.to_string()])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn();
    let mut children = STARTED.lock().unwrap_or_else(|p| p.into_inner());
    children.retain_mut(|child| matches!(child.try_wait(), Ok(None)));
    match started {
        Ok(child) => {
            children.push(child);
            true
        }
        Err(_) => false,
    }
}

/// The daily backup as `leadline backup-daily` writes it, from files
/// alone: the newest backup that says what it covers (or none, when the
/// journal starts with the first change) brought up to date with the
/// journal. Needs neither sled nor the store's lock. A failure is noted
/// for the next change to see, which then writes the backup from the store.
pub fn write_daily(
    store_dir: &Path,
    dir: &Path,
    keep_daily: usize,
    keep_weekly: usize,
    today: NaiveDate,
) -> AppResult<Option<PathBuf>> {
    let written = build_daily(store_dir, dir, keep_daily, keep_weekly, today);
    if let Err(error) = &written {
        let _ = crate::files::write_private(&store_dir.join(DAILY_FAILED), error.to_string().as_bytes());
    }
    written
}

fn build_daily(
    store_dir: &Path,
    dir: &Path,
    keep_daily: usize,
    keep_weekly: usize,
    today: NaiveDate,
) -> AppResult<Option<PathBuf>> {
    let failed = |source: std::io::Error| AppError::Backup {
        dir: dir.to_path_buf(),
        reason: BackupReason::FirstChangeOfTheDay,
        source,
    };
    std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir).map_err(failed)?;
    // One writer at a time; a second one started meanwhile has nothing to do.
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .open(dir.join(".daily-lock"))
        .map_err(failed)?;
    if rustix::fs::flock(&lock, rustix::fs::FlockOperation::NonBlockingLockExclusive).is_err() {
        return Ok(None);
    }
    let path = dir.join(file_name(today));
    if path.exists() {
        return Ok(None);
    }
    let journal_dir = crate::store::journal::dir_of(store_dir);
    let starts_at_the_beginning =
        crate::store::journal::segments(&journal_dir).first().is_none_or(|first| first.first <= 1);
    let mut base = None;
    for file in list(dir) {
        if covers(&file.path).is_none() {
            continue;
        }
        let Ok(bytes) = std::fs::read(&file.path) else { continue };
        if let Ok(backup) = Backup::from_bytes(&bytes, &file.path.display().to_string()) {
            base = Some(backup);
            break;
        }
    }
    let base = match base {
        Some(base) => base,
        None if starts_at_the_beginning => Backup { covers: Some(0), ..Backup::new() },
        None => return Err(BackupError::NoBase.into()),
    };
    let covered = base.covers.unwrap_or(0);
    let contents = crate::store::journal::read_after(&journal_dir, covered).map_err(failed)?;
    if let Some(first) = contents.changes.first().map(|change| change[0].seq) {
        if first > covered + 1 {
            return Err(BackupError::Gap { first, covered }.into());
        }
    }
    let (backup, problems) = super::backup_replay::bring_up_to_date(base, &contents);
    if let Some(problem) = problems.first() {
        return Err(BackupError::Replay(problem.clone()).into());
    }
    write_and_rotate(dir, &path, &backup, keep_daily, keep_weekly).map_err(failed)?;
    Ok(Some(path))
}

/// Writes a backup (gzipped, whole or not at all) in place of any of its
/// day, then removes the backups rotation no longer keeps.
fn write_and_rotate(
    dir: &Path,
    path: &Path,
    backup: &Backup,
    keep_daily: usize,
    keep_weekly: usize,
) -> std::io::Result<()> {
    crate::files::write_atomically(path, &backup.to_gzip())?;
    let remove = |day: NaiveDate| {
        let _ = std::fs::remove_file(dir.join(file_name(day)));
        let _ = std::fs::remove_file(dir.join(format!("{day}.json")));
    };
    // A backup from before they were gzipped, of the same day.
    if let Some(day) = day_of(path) {
        let _ = std::fs::remove_file(dir.join(format!("{day}.json")));
    }
    let days: Vec<NaiveDate> = list(dir).iter().map(|f| f.day).collect();
    expired(&days, keep_daily, keep_weekly).into_iter().for_each(remove);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn rotation_keeps_the_newest_days_then_one_a_week() {
        // Sixty days of backups, the newest on Tuesday 2026-12-01.
        let days: Vec<NaiveDate> = (0..60).map(|n| day("2026-12-01") - chrono::Duration::days(n)).collect();
        let removed = expired(&days, 14, 8);
        let kept: Vec<NaiveDate> = days.iter().copied().filter(|d| !removed.contains(d)).collect();
        assert_eq!(kept.len(), 14 + 8);
        assert_eq!(kept[13], day("2026-11-18"), "the newest fourteen days");
        // Then the newest left of each older week: Tuesday 11-17 is that
        // week's newest still here, then the Sundays before it.
        assert_eq!(kept[14], day("2026-11-17"));
        assert_eq!(kept[15], day("2026-11-15"));
        assert_eq!(kept[21], day("2026-10-04"));
        assert!(expired(&days[..10], 14, 8).is_empty());
        assert_eq!(expired(&days, 60, 0), Vec::<NaiveDate>::new());
        assert_eq!(expired(&days, 59, 0), vec![day("2026-10-03")]);
    }

    #[test]
    fn backups_live_beside_the_store_not_in_it() {
        let rules = BackupRules::default();
        assert_eq!(backups_dir(Path::new("/d/leadline/store"), &rules), Path::new("/d/leadline/backups"));
        assert_eq!(backups_dir(Path::new("/d/leadline/demo"), &rules), Path::new("/d/leadline/demo-backups"));
        let mine = BackupRules { dir: Some("/elsewhere".into()), ..rules };
        assert_eq!(backups_dir(Path::new("/d/s"), &mine), Path::new("/elsewhere"));
    }
}
