//! One Leadline process per store, and cleaning up after a killed one.
//!
//! The lock is our own (an `flock` on `lock` in the store directory), taken
//! before sled opens its files, because opening is not safe to share:
//! sled 0.34 picks an unfinished `snap.*.generating` file, left by a process
//! killed while writing a snapshot, as the newest snapshot and then refuses
//! to open ("Read corrupted data"). Holding the lock, we can delete such
//! leftovers first.

use std::fs::{self, File, OpenOptions};
use std::os::fd::AsRawFd;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use super::{StoreError, io_error};

pub const LOCK_FILE: &str = "lock";

/// Held for as long as the store is open; the kernel releases it when the
/// process ends, however it ends.
pub struct StoreLock {
    _file: File,
}

impl StoreLock {
    pub fn acquire(dir: &Path) -> Result<StoreLock, StoreError> {
        let path = dir.join(LOCK_FILE);
        let file =
            OpenOptions::new().create(true).append(true).mode(0o600).open(&path).map_err(io_error(&path))?;
        // SAFETY: flock on a file descriptor we own.
        let result = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
        if result != 0 {
            let error = std::io::Error::last_os_error();
            return Err(match error.raw_os_error() {
                Some(libc::EWOULDBLOCK) => StoreError::InUse { path: dir.display().to_string() },
                _ => io_error(&path)(error),
            });
        }
        Ok(StoreLock { _file: file })
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
