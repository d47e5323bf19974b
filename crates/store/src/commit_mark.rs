//! A record, outside sled's files, of the newest change Leadline committed.
//!
//! sled recovers from a damaged data file by dropping what it cannot read,
//! and then opens without complaint: the newest changes are gone and nothing
//! says so. After every commit Leadline writes the change's sequence number
//! (with when and what it was) to `last-commit` beside sled's files, one
//! sector written in place and synced. On open the store's newest change is
//! compared with it: a store that holds less than Leadline committed was
//! rolled back by something Leadline did not do.

use std::fs::{File, OpenOptions};
use std::io::Read;
use std::os::unix::fs::{FileExt, OpenOptionsExt};
use std::path::Path;

use chrono::NaiveDateTime;

pub const FILE: &str = "last-commit";

/// One sector: written whole or not at all by every device in use.
const SIZE: usize = 512;
const MAGIC: &str = "leadline-last-commit 1";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommitMark {
    pub seq: u64,
    pub at: NaiveDateTime,
    pub summary: String,
    /// Accounts a later write was changing when it failed half-way (a full
    /// disk): sled may have kept part of it, so their aggregates are
    /// checked on the next open.
    pub interrupted: Vec<u64>,
}

/// Accounts an interrupted write lists at most; more, and the whole book is
/// checked.
pub const MAX_INTERRUPTED: usize = 24;

fn checksum(text: &str) -> u64 {
    // FNV-1a: enough to tell a torn or garbled sector from a written one.
    text.bytes()
        .fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3))
}

impl CommitMark {
    fn encode(&self) -> Vec<u8> {
        let mut summary: String = self.summary.chars().filter(|c| !c.is_control()).collect();
        while summary.len() > SIZE - 360 {
            summary.pop();
        }
        let interrupted: Vec<String> = self.interrupted.iter().map(u64::to_string).collect();
        let body = format!(
            "{MAGIC}\n{}\n{}\n{summary}\n{}\n",
            self.seq,
            self.at.format("%Y-%m-%dT%H:%M:%S"),
            interrupted.join(",")
        );
        let mut bytes = format!("{body}{:016x}\n", checksum(&body)).into_bytes();
        bytes.resize(SIZE, 0);
        bytes
    }

    fn decode(bytes: &[u8]) -> Option<CommitMark> {
        let text = std::str::from_utf8(bytes).ok()?.trim_end_matches('\0');
        let (body, sum) = text.strip_suffix('\n')?.rsplit_once('\n')?;
        let body = format!("{body}\n");
        if u64::from_str_radix(sum, 16).ok()? != checksum(&body) {
            return None;
        }
        let mut lines = body.lines();
        if lines.next()? != MAGIC {
            return None;
        }
        let seq = lines.next()?.parse().ok()?;
        let at = NaiveDateTime::parse_from_str(lines.next()?, "%Y-%m-%dT%H:%M:%S").ok()?;
        let summary = lines.next().unwrap_or_default().to_string();
        let interrupted = lines
            .next()
            .unwrap_or_default()
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::parse)
            .collect::<Result<_, _>>()
            .ok()?;
        Some(CommitMark { seq, at, summary, interrupted })
    }
}

/// The mark file of an open store, kept open for quick rewrites.
pub struct MarkFile {
    file: File,
}

impl MarkFile {
    /// Opens (creating) the mark in `dir`; returns it with what it holds:
    /// `None` when the file is new, or unreadable (then it is rewritten on
    /// the next commit).
    pub fn open(dir: &Path) -> std::io::Result<(MarkFile, Option<CommitMark>)> {
        // Never through a link: a link planted in its place would have the
        // mark written over whatever it points at.
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW)
            .open(dir.join(FILE))?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)?;
        Ok((MarkFile { file }, CommitMark::decode(&bytes)))
    }

    /// Records `mark` durably (one sector in place, then `fdatasync`).
    pub fn write(&self, mark: &CommitMark) -> std::io::Result<()> {
        self.file.write_all_at(&mark.encode(), 0)?;
        self.file.sync_data()
    }
}

/// Writes `mark` as the mark of the store in `dir` (a fresh copy).
pub fn write_to(dir: &Path, mark: &CommitMark) -> std::io::Result<()> {
    MarkFile::open(dir)?.0.write(mark)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(summary: &str) -> CommitMark {
        let at = NaiveDateTime::parse_from_str("2026-12-01T09:30:00", "%Y-%m-%dT%H:%M:%S").unwrap();
        CommitMark { seq: 41, at, summary: summary.into(), interrupted: Vec::new() }
    }

    #[test]
    fn a_mark_reads_back_and_a_damaged_one_reads_as_none() {
        let written = mark("log call with 张伟 (#1)");
        let bytes = written.encode();
        assert_eq!(bytes.len(), SIZE);
        assert_eq!(CommitMark::decode(&bytes), Some(written));
        for at in [0, 30, 40, 60] {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0x20;
            assert_eq!(CommitMark::decode(&damaged), None, "flipped byte {at}");
        }
        assert_eq!(CommitMark::decode(&bytes[..50]), None);
        assert_eq!(CommitMark::decode(b""), None);
        let long = mark(&"导入".repeat(400));
        assert_eq!(CommitMark::decode(&long.encode()).unwrap().seq, 41, "a long summary is cut to fit");
        let failed = CommitMark { interrupted: vec![7, 4_294_967_295], ..mark("x") };
        assert_eq!(CommitMark::decode(&failed.encode()), Some(failed));
        let most = CommitMark { interrupted: vec![u32::MAX.into(); MAX_INTERRUPTED], ..long };
        let read = CommitMark::decode(&most.encode()).expect("the longest mark fits its sector");
        assert_eq!(read.interrupted, most.interrupted);
    }

    #[test]
    fn the_file_is_rewritten_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let (file, found) = MarkFile::open(dir.path()).unwrap();
        assert_eq!(found, None);
        file.write(&mark("a")).unwrap();
        file.write(&CommitMark { seq: 42, ..mark("b") }).unwrap();
        let (_, found) = MarkFile::open(dir.path()).unwrap();
        assert_eq!(found.map(|m| (m.seq, m.summary)), Some((42, "b".to_string())));
    }
}
