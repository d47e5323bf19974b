//! Rewriting the store into a fresh sled file.
//!
//! sled overwrites every free segment of its file each time it opens, so
//! after a bulk load (which leaves much free space behind) every start-up
//! pays for it. A fresh copy has no free segments. The copy is built beside
//! the store and swapped in with one atomic exchange of the two directory
//! names, so a crash leaves either the old store or the new one in place,
//! and the sibling is removed on the next open.

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use std::os::unix::fs::DirBuilderExt;

use super::{Compacted, Store, StoreError, commit_mark, io_error, journal, prepare_private_dir};

const COPY_BATCH: usize = 10_000;

fn sibling(dir: &Path) -> PathBuf {
    let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    dir.with_file_name(format!(".{name}.compacting"))
}

/// Removes what an interrupted compaction left beside the store. Called
/// with the store's lock held, so no compaction is running.
pub(super) fn remove_leftovers(dir: &Path) -> Result<(), StoreError> {
    let leftover = sibling(dir);
    if leftover.is_dir() {
        fs::remove_dir_all(&leftover).map_err(io_error(&leftover))?;
    }
    Ok(())
}

/// Swaps two directory entries atomically (Linux `renameat2`).
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    let cwd = rustix::fs::CWD;
    Ok(rustix::fs::renameat_with(cwd, a, cwd, b, rustix::fs::RenameFlags::EXCHANGE)?)
}

fn copy_tree(from: &sled::Tree, to: &sled::Tree) -> Result<(), StoreError> {
    let mut batch = sled::Batch::default();
    let mut pending = 0;
    for item in from.iter() {
        let (key, value) = item?;
        batch.insert(key, value);
        pending += 1;
        if pending == COPY_BATCH {
            to.apply_batch(std::mem::take(&mut batch))?;
            pending = 0;
        }
    }
    to.apply_batch(batch)?;
    Ok(())
}

/// Rewrites `store` into a fresh file and returns it reopened. When the
/// copy cannot be made (a full disk) or the file system cannot exchange
/// directories, the store is left as it was, and said why.
pub(super) fn compact(store: Store) -> Result<Compacted, StoreError> {
    let dir = store.dir.clone();
    let fresh_dir = sibling(&dir);
    if let Err(error) = write_copy(&store, &fresh_dir) {
        let _ = fs::remove_dir_all(&fresh_dir);
        return Ok(Compacted { store, skipped: Some(error) });
    }
    if let Err(error) = exchange(&dir, &fresh_dir) {
        let _ = fs::remove_dir_all(&fresh_dir);
        let unsupported = [rustix::io::Errno::INVAL, rustix::io::Errno::NOSYS]
            .iter()
            .any(|errno| error.raw_os_error() == Some(errno.raw_os_error()));
        let skipped = (!unsupported).then(|| io_error(&dir)(error));
        return Ok(Compacted { store, skipped });
    }
    let parent = dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let _ = File::open(parent).and_then(|d| d.sync_all());
    drop(store);
    // The old store now sits at the sibling path.
    let _ = remove_leftovers(&dir);
    Ok(Compacted { store: Store::open(&dir)?, skipped: None })
}

fn write_copy(store: &Store, fresh_dir: &Path) -> Result<(), StoreError> {
    remove_leftovers(&store.dir)?;
    prepare_private_dir(fresh_dir)?;
    let fresh = super::sled_config(fresh_dir).open()?;
    copy_tree(&store.meta, &fresh.open_tree("meta")?)?;
    copy_tree(&store.data, &fresh.open_tree("data")?)?;
    fresh.flush()?;
    File::open(fresh_dir.join("db")).and_then(|f| f.sync_all()).map_err(io_error(fresh_dir))?;
    link_journal(&store.dir, fresh_dir)?;
    if let Some(mark) = store.newest_change()? {
        commit_mark::write_to(fresh_dir, &mark).map_err(io_error(fresh_dir))?;
    }
    Ok(())
}

/// The copy takes the journal along: its segments are linked, not copied,
/// so the old store and the new one share them until the swap is done.
fn link_journal(dir: &Path, fresh_dir: &Path) -> Result<(), StoreError> {
    let segments = journal::segments(&journal::dir_of(dir));
    if segments.is_empty() {
        return Ok(());
    }
    let to = journal::dir_of(fresh_dir);
    fs::DirBuilder::new().mode(0o700).create(&to).map_err(io_error(&to))?;
    for segment in segments {
        let name = segment.path.file_name().unwrap_or_default();
        fs::hard_link(&segment.path, to.join(name)).map_err(io_error(&to))?;
    }
    File::open(&to).and_then(|d| d.sync_all()).map_err(io_error(&to))
}
