//! The operation journal: every committed change, also written as one line
//! to an append-only file beside sled's files, fsynced before the change is
//! reported saved. sled can lose a day to a damaged file; the journal is a
//! second, plain copy of what happened since the last backup, so the newest
//! readable backup plus the journal after it is the whole book
//! (`leadline recover`). The format is documented in docs/JOURNAL.md.
//!
//! A line is `CRC32 JSON`: the checksum (8 hex digits) of the JSON that
//! follows, so a torn or damaged line is told from a written one. Files are
//! segments named by the first change they hold; a new segment starts at
//! each automatic backup, and segments a kept backup covers are removed.

pub mod ops;
mod replay;

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

pub use ops::{Action, Kind, Op, fields_of, from_fields, overlay};
pub use replay::Replayed;

use super::{Store, StoreError};

pub const DIR: &str = "journal";
pub const VERSION: u32 = 1;
/// Operations per line at most.
pub const OPS_PER_PART: usize = 10_000;
const SUFFIX: &str = ".journal";

/// One change (or one part of a change written in parts: an import).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The format's version.
    pub v: u32,
    /// The change's number in the store's history.
    pub seq: u64,
    pub at: NaiveDateTime,
    /// The change as the history names it.
    pub what: String,
    /// The part of a change written in parts, from 0.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub part: u32,
    /// More parts of this change follow.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub more: bool,
    /// The change this one undid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undo_of: Option<u64>,
    /// The change numbered `seq` was written here but the store did not
    /// take it (it reported the failure): it is not replayed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub abandoned: bool,
    /// The device a change pulled from the team's server came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pulled: Option<String>,
    /// Accounts the change merged away, each with the one kept.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merged: Vec<(u64, u64)>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ops: Vec<Op>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Entry {
    pub fn new(seq: u64, at: NaiveDateTime, what: &str, ops: Vec<Op>) -> Entry {
        Entry {
            v: VERSION,
            seq,
            at,
            what: what.to_string(),
            part: 0,
            more: false,
            undo_of: None,
            abandoned: false,
            pulled: None,
            merged: Vec::new(),
            ops,
        }
    }

    /// The entry as parts of at most [`OPS_PER_PART`] operations each (a
    /// restore or a demo fill is one change of a million operations), so
    /// that no line is too big to read back.
    pub fn in_parts(mut self) -> Vec<Entry> {
        if self.ops.len() <= OPS_PER_PART {
            return vec![self];
        }
        let ops = std::mem::take(&mut self.ops);
        let count = ops.len().div_ceil(OPS_PER_PART);
        ops.chunks(OPS_PER_PART)
            .enumerate()
            .map(|(part, ops)| Entry {
                part: part as u32,
                more: part + 1 < count,
                ops: ops.to_vec(),
                ..self.clone()
            })
            .collect()
    }

    fn line(&self) -> Vec<u8> {
        let json = serde_json::to_string(self).expect("a journal entry serialises to JSON");
        format!("{:08x} {json}\n", crc32fast::hash(json.as_bytes())).into_bytes()
    }

    fn parse(line: &str) -> Result<Entry, String> {
        let (sum, json) = line.split_once(' ').ok_or("no checksum")?;
        let sum = u32::from_str_radix(sum, 16).map_err(|_| "no checksum")?;
        if crc32fast::hash(json.as_bytes()) != sum {
            return Err("its checksum does not match".into());
        }
        let entry: Entry = serde_json::from_str(json).map_err(|e| e.to_string())?;
        if entry.v > VERSION {
            return Err(format!("written by a newer Leadline (journal version {})", entry.v));
        }
        Ok(entry)
    }
}

/// A segment: its file, the first change it holds and the day it began.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub path: PathBuf,
    pub first: u64,
    pub day: Option<NaiveDate>,
}

pub fn dir_of(store_dir: &Path) -> PathBuf {
    store_dir.join(DIR)
}

/// The segments of a journal, oldest first.
pub fn segments(journal_dir: &Path) -> Vec<Segment> {
    let Ok(entries) = fs::read_dir(journal_dir) else { return Vec::new() };
    let mut out: Vec<Segment> = entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let stem = name.strip_suffix(SUFFIX)?;
            let (first, day) = match stem.split_once('-') {
                Some((first, day)) => (first, NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()),
                None => (stem, None),
            };
            Some(Segment { path: entry.path(), first: first.parse().ok()?, day })
        })
        .collect();
    out.sort_by_key(|s| s.first);
    out
}

fn segment_name(first: u64, day: NaiveDate) -> String {
    format!("{first:020}-{day}{SUFFIX}")
}

/// The journal a store writes to: the newest segment, opened on the first
/// change (a command that only reads never touches it).
pub struct Writer {
    dir: PathBuf,
    /// The segment open for appending, and the day it was opened for.
    file: Option<(File, NaiveDate)>,
}

impl Writer {
    pub fn new(store_dir: &Path) -> Writer {
        Writer { dir: dir_of(store_dir), file: None }
    }

    /// Appends an entry, durable on return. Each day's first change
    /// starts a segment.
    pub fn append(&mut self, entry: &Entry) -> io::Result<()> {
        let day = entry.at.date();
        if self.file.as_ref().is_some_and(|(_, opened)| *opened != day) {
            self.file = None;
        }
        if self.file.is_none() {
            let newest = segments(&self.dir).pop();
            let file = match newest {
                Some(segment) if segment.day == Some(day) || segment.first >= entry.seq => {
                    open_for_append(&segment.path)?
                }
                _ => self.create_segment(entry.seq, day)?,
            };
            self.file = Some((file, day));
        }
        let (file, _) = self.file.as_mut().expect("opened above");
        file.write_all(&entry.line())?;
        file.sync_data()
    }

    /// Starts a new segment for the changes after `covered` (a backup
    /// holds everything up to it).
    pub fn rotate(&mut self, covered: u64, day: NaiveDate) -> io::Result<()> {
        let first = covered + 1;
        if segments(&self.dir).last().is_some_and(|s| s.first >= first) {
            return Ok(());
        }
        self.file = Some((self.create_segment(first, day)?, day));
        Ok(())
    }

    fn create_segment(&self, first: u64, day: NaiveDate) -> io::Result<File> {
        if !self.dir.is_dir() {
            fs::DirBuilder::new().mode(0o700).create(&self.dir)?;
            sync_dir(self.dir.parent().unwrap_or(Path::new(".")))?;
        }
        let path = self.dir.join(segment_name(first, day));
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW)
            .open(&path)?;
        sync_dir(&self.dir)?;
        Ok(file)
    }

    /// Removes the segments whose every change is at or before `covered`,
    /// keeping the newest.
    pub fn prune(&self, covered: u64) {
        let all = segments(&self.dir);
        for pair in all.windows(2) {
            if pair[1].first <= covered + 1 {
                let _ = fs::remove_file(&pair[0].path);
            }
        }
    }
}

fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Opens a segment to append to it; a torn last line (the process ended
/// while writing it) is ended first, so it stays a line of its own that
/// reading skips.
fn open_for_append(path: &Path) -> io::Result<File> {
    let mut file = OpenOptions::new().read(true).append(true).custom_flags(libc::O_NOFOLLOW).open(path)?;
    let len = file.metadata()?.len();
    if len > 0 {
        let mut last = [0u8];
        file.seek(SeekFrom::Start(len - 1))?;
        file.read_exact(&mut last)?;
        if last[0] != b'\n' {
            file.write_all(b"\n")?;
        }
    }
    Ok(file)
}

/// A line of the journal that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    pub segment: PathBuf,
    pub line: usize,
    pub reason: String,
    /// The journal's very last line, not ended: the process ended while
    /// writing it, so its change was never reported saved.
    pub torn_tail: bool,
}

/// What a journal holds: the changes that were taken, in order, and the
/// lines that could not be read.
#[derive(Debug, Default)]
pub struct Contents {
    /// Each change's entries (one, or its parts), in the order written.
    pub changes: Vec<Vec<Entry>>,
    pub unreadable: Vec<Unreadable>,
    /// The first change the journal holds (its oldest segment's).
    pub first: Option<u64>,
}

/// Reads a journal. A change counts when it was written whole (all its
/// parts) and not taken back: a change the store did not take leaves an
/// entry that a later one with the same number (or an `abandoned` note)
/// replaces.
///
/// Only the changes after `covered` are wanted: segments that hold only
/// changes at or before it are not read at all.
pub fn read_after(journal_dir: &Path, covered: u64) -> io::Result<Contents> {
    let mut segments = segments(journal_dir);
    let mut contents = Contents { first: segments.first().map(|s| s.first), ..Contents::default() };
    let needed_from = segments.windows(2).take_while(|pair| pair[1].first <= covered + 1).count();
    segments.drain(..needed_from);
    // Changes as written, each with whether all its parts came.
    let mut taken: Vec<(Vec<Entry>, bool)> = Vec::new();
    let last_segment = segments.len().saturating_sub(1);
    for (index, segment) in segments.iter().enumerate() {
        let file = match File::open(&segment.path) {
            Ok(file) => file,
            // Removed meanwhile: a newer backup covers it.
            Err(error) if error.kind() == io::ErrorKind::NotFound => continue,
            Err(error) => return Err(error),
        };
        let mut reader = BufReader::new(file);
        let mut line = Vec::new();
        let mut number = 0;
        loop {
            line.clear();
            if reader.read_until(b'\n', &mut line)? == 0 {
                break;
            }
            number += 1;
            let ended = line.last() == Some(&b'\n');
            let text = String::from_utf8_lossy(&line);
            let text = text.trim_end_matches('\n');
            if text.is_empty() {
                continue;
            }
            let entry = match Entry::parse(text) {
                Ok(entry) => entry,
                Err(reason) => {
                    let torn_tail = !ended && index == last_segment;
                    contents.unreadable.push(Unreadable {
                        segment: segment.path.clone(),
                        line: number,
                        reason,
                        torn_tail,
                    });
                    continue;
                }
            };
            let seq = entry.seq;
            if entry.abandoned {
                taken.retain(|(entries, _)| entries[0].seq < seq);
                continue;
            }
            if entry.part > 0 {
                if let Some((entries, whole)) = taken.last_mut().filter(|(entries, _)| entries[0].seq == seq)
                {
                    *whole = !entry.more;
                    entries.push(entry);
                }
                continue;
            }
            taken.retain(|(entries, _)| entries[0].seq < seq);
            let whole = !entry.more;
            taken.push((vec![entry], whole));
        }
    }
    contents.changes = taken.into_iter().filter(|(_, whole)| *whole).map(|(entries, _)| entries).collect();
    Ok(contents)
}

/// Reads the journal of the store in `dir` without opening sled (its
/// files may be damaged past opening), holding the store's lock so that
/// nothing writes meanwhile.
pub fn read_journal(dir: &Path, covered: u64) -> Result<Contents, StoreError> {
    let _lock = super::lock::StoreLock::acquire(dir)?;
    let journal = dir_of(dir);
    read_after(&journal, covered).map_err(super::io_error(&journal))
}

impl Store {
    /// Appends a change to the journal, durable on return; before sled
    /// sees the change, so the journal holds every change the store does.
    pub(crate) fn journal(&self, entry: &Entry) -> Result<(), StoreError> {
        let mut writer = self.journal.lock().unwrap_or_else(|p| p.into_inner());
        writer.append(entry).map_err(|error| {
            let path = dir_of(&self.dir);
            if error.kind() == io::ErrorKind::StorageFull {
                let free = self.free_bytes().map_or_else(|| "?".to_string(), super::megabytes);
                StoreError::DiskFull {
                    path: path.display().to_string(),
                    needed: super::megabytes(1 << 20),
                    free,
                }
            } else {
                super::io_error(&path)(error)
            }
        })
    }

    /// Notes in the journal that a change written there was not taken by
    /// the store. A hedge: a later change with the same number replaces
    /// it anyway.
    pub(crate) fn abandon(&self, seq: u64, at: chrono::NaiveDateTime) {
        let entry = Entry { abandoned: true, ..Entry::new(seq, at, "", Vec::new()) };
        let mut writer = self.journal.lock().unwrap_or_else(|p| p.into_inner());
        let _ = writer.append(&entry);
    }

    /// Starts a new journal segment after a backup that holds every change
    /// up to `covered`, and removes the segments the oldest kept backup
    /// covers (`oldest_covered`).
    pub fn rotate_journal(
        &self,
        covered: u64,
        oldest_covered: Option<u64>,
        today: NaiveDate,
    ) -> Result<(), StoreError> {
        let kept_for_sync = self.kept_for_sync();
        let mut writer = self.journal.lock().unwrap_or_else(|p| p.into_inner());
        let path = dir_of(&self.dir);
        writer.rotate(covered, today).map_err(super::io_error(&path))?;
        if let Some(oldest) = oldest_covered {
            writer.prune(oldest.min(kept_for_sync));
        }
        Ok(())
    }

    /// Removes the journal's segments a backup that is kept covers.
    pub fn prune_journal(&self, oldest_covered: u64) {
        let kept_for_sync = self.kept_for_sync();
        self.journal.lock().unwrap_or_else(|p| p.into_inner()).prune(oldest_covered.min(kept_for_sync));
    }

    /// The last change sync has taken to send (`u64::MAX` for a book that
    /// does not sync): the journal keeps the changes after it, whatever
    /// the backups cover, so that a sync after weeks away still sends them.
    fn kept_for_sync(&self) -> u64 {
        match self.sync_taken() {
            Ok(taken) => taken.unwrap_or(u64::MAX),
            Err(_) => 0,
        }
    }

    /// Whether the store has a journal yet (a store from before the
    /// journal starts one with a backup).
    pub fn has_journal(&self) -> bool {
        !segments(&dir_of(&self.dir)).is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at() -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap().and_hms_opt(9, 0, 0).unwrap()
    }

    fn seqs(contents: &Contents) -> Vec<u64> {
        contents.changes.iter().map(|c| c[0].seq).collect()
    }

    #[test]
    fn a_change_the_store_did_not_take_is_replaced_by_the_next_with_its_number() {
        let dir = tempfile::tempdir().unwrap();
        let mut writer = Writer::new(dir.path());
        for (seq, what) in [(1, "a"), (2, "b"), (3, "failed"), (3, "c"), (4, "d")] {
            writer.append(&Entry::new(seq, at(), what, Vec::new())).unwrap();
        }
        writer.append(&Entry { abandoned: true, ..Entry::new(4, at(), "", Vec::new()) }).unwrap();
        let contents = read_after(&dir_of(dir.path()), 0).unwrap();
        assert_eq!(seqs(&contents), vec![1, 2, 3]);
        assert_eq!(contents.changes[2][0].what, "c");
        assert!(contents.unreadable.is_empty());
    }

    #[test]
    fn a_change_in_parts_counts_only_whole() {
        let dir = tempfile::tempdir().unwrap();
        let mut writer = Writer::new(dir.path());
        let part = |seq, part, more| Entry { part, more, ..Entry::new(seq, at(), "import", Vec::new()) };
        for entry in [part(1, 0, true), part(1, 1, false), part(2, 0, true), part(2, 1, true)] {
            writer.append(&entry).unwrap();
        }
        let contents = read_after(&dir_of(dir.path()), 0).unwrap();
        assert_eq!(seqs(&contents), vec![1]);
        assert_eq!(contents.changes[0].len(), 2);
    }

    #[test]
    fn a_big_change_is_written_in_parts_and_read_back_whole() {
        let dir = tempfile::tempdir().unwrap();
        let mut writer = Writer::new(dir.path());
        let op = |id| Op {
            id: Some(id),
            ..ops::Op::created_account(&crate::domain::Account::prospect(crate::domain::Grade::C, at()))
        };
        let ops: Vec<Op> = (1..=(2 * OPS_PER_PART as u64 + 1)).map(op).collect();
        let parts = Entry::new(1, at(), "restore", ops.clone()).in_parts();
        assert_eq!(
            parts.iter().map(|p| (p.part, p.more, p.ops.len())).collect::<Vec<_>>(),
            [(0, true, OPS_PER_PART), (1, true, OPS_PER_PART), (2, false, 1)]
        );
        for part in &parts {
            writer.append(part).unwrap();
        }
        let contents = read_after(&dir_of(dir.path()), 0).unwrap();
        assert_eq!(contents.changes.len(), 1);
        assert_eq!(contents.changes[0].iter().flat_map(|e| e.ops.clone()).collect::<Vec<_>>(), ops);
    }

    #[test]
    fn a_torn_last_line_is_skipped_and_said_and_the_next_append_starts_a_new_line() {
        let dir = tempfile::tempdir().unwrap();
        let mut writer = Writer::new(dir.path());
        writer.append(&Entry::new(1, at(), "a", Vec::new())).unwrap();
        let segment = segments(&dir_of(dir.path())).pop().unwrap();
        let mut file = OpenOptions::new().append(true).open(&segment.path).unwrap();
        file.write_all(b"1234abcd {\"v\":1,\"seq\":2,").unwrap();
        let contents = read_after(&dir_of(dir.path()), 0).unwrap();
        assert_eq!(seqs(&contents), vec![1]);
        assert_eq!(contents.unreadable.len(), 1);
        assert!(contents.unreadable[0].torn_tail);

        let mut writer = Writer::new(dir.path());
        writer.append(&Entry::new(2, at(), "b", Vec::new())).unwrap();
        let contents = read_after(&dir_of(dir.path()), 0).unwrap();
        assert_eq!(seqs(&contents), vec![1, 2]);
        assert_eq!(contents.unreadable.len(), 1);
        assert!(!contents.unreadable[0].torn_tail, "no longer the last line");
    }

    #[test]
    fn each_day_starts_a_segment() {
        let dir = tempfile::tempdir().unwrap();
        let mut writer = Writer::new(dir.path());
        writer.append(&Entry::new(1, at(), "a", Vec::new())).unwrap();
        writer.append(&Entry::new(2, at(), "b", Vec::new())).unwrap();
        let tomorrow = at() + chrono::Duration::days(1);
        writer.append(&Entry::new(3, tomorrow, "c", Vec::new())).unwrap();
        let mut another_process = Writer::new(dir.path());
        another_process.append(&Entry::new(4, tomorrow, "d", Vec::new())).unwrap();
        let journal = dir_of(dir.path());
        let names: Vec<String> = segments(&journal)
            .iter()
            .map(|s| s.path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            ["00000000000000000001-2026-12-07.journal", "00000000000000000003-2026-12-08.journal"]
        );
        assert_eq!(seqs(&read_after(&journal, 0).unwrap()), vec![1, 2, 3, 4]);
    }

    #[test]
    fn a_flipped_byte_is_caught_by_the_checksum() {
        let dir = tempfile::tempdir().unwrap();
        let mut writer = Writer::new(dir.path());
        writer.append(&Entry::new(1, at(), "abc", Vec::new())).unwrap();
        writer.append(&Entry::new(2, at(), "def", Vec::new())).unwrap();
        let segment = segments(&dir_of(dir.path())).pop().unwrap();
        let text = fs::read_to_string(&segment.path).unwrap().replacen("abc", "abd", 1);
        fs::write(&segment.path, text).unwrap();
        let contents = read_after(&dir_of(dir.path()), 0).unwrap();
        assert_eq!(seqs(&contents), vec![2]);
        assert_eq!(contents.unreadable[0].reason, "its checksum does not match");
    }

    #[test]
    fn rotation_starts_a_segment_and_pruning_keeps_what_no_backup_covers() {
        let dir = tempfile::tempdir().unwrap();
        let mut writer = Writer::new(dir.path());
        writer.append(&Entry::new(1, at(), "a", Vec::new())).unwrap();
        writer.rotate(1, at().date()).unwrap();
        writer.append(&Entry::new(2, at(), "b", Vec::new())).unwrap();
        writer.rotate(2, at().date()).unwrap();
        writer.append(&Entry::new(3, at(), "c", Vec::new())).unwrap();
        let journal = dir_of(dir.path());
        assert_eq!(segments(&journal).iter().map(|s| s.first).collect::<Vec<_>>(), vec![1, 2, 3]);
        assert_eq!(seqs(&read_after(&journal, 1).unwrap()), vec![2, 3], "the segment of 1 is not read");
        writer.prune(1);
        assert_eq!(segments(&journal).iter().map(|s| s.first).collect::<Vec<_>>(), vec![2, 3]);
        writer.prune(5);
        assert_eq!(
            segments(&journal).iter().map(|s| s.first).collect::<Vec<_>>(),
            vec![3],
            "the newest stays"
        );
        assert_eq!(seqs(&read_after(&journal, 0).unwrap()), vec![3]);
    }
}
