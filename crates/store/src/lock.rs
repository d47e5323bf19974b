//! One Leadline process per store, and cleaning up after a killed one.
//!
//! The lock is our own (an `flock` on `lock` in the store directory), taken
//! before sled opens its files, because opening is not safe to share:
//! sled 0.34 picks an unfinished `snap.*.generating` file, left by a process
//! killed while writing a snapshot, as the newest snapshot and then refuses
//! to open ("Read corrupted data"). Holding the lock, we can delete such
//! leftovers first.

use std::fs::{self, File, OpenOptions};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use super::{StoreError, io_error};

pub const LOCK_FILE: &str = "lock";

/// Held for as long as the store is open; the kernel releases it when the
/// process ends, however it ends.
pub struct StoreLock {
    _file: File,
}

/// How long a lock is waited for before the store is said to be in use.
/// A lock this process just let go can still be held for a moment: a
/// thread that forks (crossterm asks `tput` for the terminal's size when it
/// has none) gives the child every open file, ours included, until the
/// child's exec closes them, which takes longer on a busy machine.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_millis(1500);

impl StoreLock {
    pub fn acquire(dir: &Path) -> Result<StoreLock, StoreError> {
        let started = std::time::Instant::now();
        loop {
            match Self::try_acquire(dir) {
                Err(StoreError::InUse { .. }) if started.elapsed() < LOCK_WAIT => {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                other => return other,
            }
        }
    }

    fn try_acquire(dir: &Path) -> Result<StoreLock, StoreError> {
        let path = dir.join(LOCK_FILE);
        super::own_file(&path)?;
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW)
            .open(&path)
            .map_err(io_error(&path))?;
        match rustix::fs::flock(&file, rustix::fs::FlockOperation::NonBlockingLockExclusive) {
            // A compaction swaps the store's directory for its copy while
            // holding both locks: a lock taken on a file opened just before
            // the swap is the old directory's, not the store's.
            Ok(()) if !same_file(&file, &path) => Err(StoreError::InUse { path: dir.display().to_string() }),
            Ok(()) => Ok(StoreLock { _file: file }),
            Err(rustix::io::Errno::WOULDBLOCK) => Err(StoreError::InUse { path: dir.display().to_string() }),
            Err(error) => Err(io_error(&path)(error.into())),
        }
    }
}

/// Whether `file` is still the one at `path`.
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::symlink_metadata(path)) {
        (Ok(open), Ok(named)) => (open.dev(), open.ino()) == (named.dev(), named.ino()),
        _ => false,
    }
}

/// Deletes snapshot files that a killed process left half-written. Only
/// call with the lock held.
pub fn remove_unfinished_snapshots(dir: &Path) -> Result<(), StoreError> {
    for entry in fs::read_dir(dir).map_err(io_error(dir))?.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("snap.") && name.ends_with(".generating") {
            fs::remove_file(entry.path()).map_err(io_error(&entry.path()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_let_go_a_moment_later_is_taken_and_one_kept_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let held = StoreLock::acquire(dir.path()).unwrap();
        let letting_go = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(200));
            drop(held);
        });
        assert!(StoreLock::acquire(dir.path()).is_ok(), "taken once the other lets go");
        letting_go.join().unwrap();
        let _kept = StoreLock::acquire(dir.path()).unwrap();
        let started = std::time::Instant::now();
        assert!(matches!(StoreLock::acquire(dir.path()), Err(StoreError::InUse { .. })));
        assert!(started.elapsed() >= LOCK_WAIT, "refused only after waiting");
    }
}
