//! The store's directory: private to its owner, and only Leadline's own
//! files touched (a link planted in it is never followed).

use std::fs;
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::Path;

use super::{StoreError, io_error, lock};

/// Creates the store directory private to its owner (0700), or tightens an
/// existing one, and refuses a directory that holds something else.
pub(super) fn prepare_private_dir(dir: &Path) -> Result<(), StoreError> {
    // Files sled creates later (snapshots, blobs) must be private too.
    rustix::process::umask(rustix::fs::Mode::from_raw_mode(0o077));
    if dir.exists() {
        if !dir.is_dir() {
            return Err(StoreError::NotAStore {
                path: dir.display().to_string(),
                reason: "it is a file, not a directory".into(),
            });
        }
        let mut entries = fs::read_dir(dir).map_err(io_error(dir))?.flatten();
        let has_content = entries.any(|e| e.file_name() != lock::LOCK_FILE);
        if has_content && !dir.join("db").exists() && !dir.join("conf").exists() {
            return Err(StoreError::NotAStore {
                path: dir.display().to_string(),
                reason: "the directory holds other files".into(),
            });
        }
    } else {
        fs::DirBuilder::new().recursive(true).mode(0o700).create(dir).map_err(io_error(dir))?;
    }
    Ok(())
}

/// Makes the store's own files private: its directory, the files in it and
/// in its directories. A link is left alone (changing its mode would
/// change what it points at, which is not Leadline's).
pub(super) fn tighten_permissions(dir: &Path) -> Result<(), StoreError> {
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).map_err(io_error(dir))?;
    for entry in fs::read_dir(dir).map_err(io_error(dir))?.flatten() {
        let Ok(kind) = entry.file_type() else { continue };
        let path = entry.path();
        if kind.is_symlink() {
            continue;
        }
        let mode = if kind.is_dir() { 0o700 } else { 0o600 };
        fs::set_permissions(&path, fs::Permissions::from_mode(mode)).map_err(io_error(&path))?;
        if kind.is_dir() {
            for inner in fs::read_dir(&path).map_err(io_error(&path))?.flatten() {
                if inner.file_type().is_ok_and(|kind| kind.is_file()) {
                    fs::set_permissions(inner.path(), fs::Permissions::from_mode(0o600))
                        .map_err(io_error(&path))?;
                }
            }
        }
    }
    Ok(())
}

/// Refuses a path where Leadline keeps a file of its own (`lock`,
/// `last-commit`) that is something else: a link, a directory.
pub(super) fn own_file(path: &Path) -> Result<(), StoreError> {
    let Ok(meta) = fs::symlink_metadata(path) else { return Ok(()) };
    let what = if meta.file_type().is_symlink() {
        "a link"
    } else if !meta.is_file() {
        "not a plain file"
    } else {
        return Ok(());
    };
    Err(StoreError::NotOurs { path: path.display().to_string(), what })
}
