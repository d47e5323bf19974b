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

use super::{Compacted, Store, StoreError, commit_mark, io_error, journal, lock, prepare_private_dir};

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
    // The copy's lock, taken before the swap: at no moment is the store
    // (the old or the new) free for another process to take.
    let lock = match lock::StoreLock::acquire(&fresh_dir) {
        Ok(lock) => lock,
        Err(error) => {
            let _ = fs::remove_dir_all(&fresh_dir);
            return Ok(Compacted { store, skipped: Some(error) });
        }
    };
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
    let store = Store::open_locked(&dir, super::OpenOptions::default(), lock)?.migrated()?;
    Ok(Compacted { store, skipped: None })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Account, Grade};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

    #[test]
    fn no_other_process_can_take_the_store_while_it_is_compacted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s");
        let at = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap().and_hms_opt(9, 0, 0).unwrap();
        let mut store = Store::open(&path).unwrap();
        let mut bulk = store.bulk("import", at).unwrap();
        for i in 0..3_000 {
            let mut account = Account::prospect(Grade::C, at);
            account.name = format!("客户{i}");
            bulk.add(account, None).unwrap();
        }
        bulk.finish().unwrap();
        // Another process, trying to take the store all the while.
        let stop = Arc::new(AtomicBool::new(false));
        let taken = Arc::new(AtomicUsize::new(0));
        let other = {
            let (stop, taken, path) = (Arc::clone(&stop), Arc::clone(&taken), path.clone());
            std::thread::spawn(move || {
                while !stop.load(Ordering::SeqCst) {
                    if lock::StoreLock::acquire(&path).is_ok() {
                        taken.fetch_add(1, Ordering::SeqCst);
                    }
                }
            })
        };
        for _ in 0..5 {
            let compacted = store.compact().unwrap();
            assert!(compacted.skipped.is_none(), "{:?}", compacted.skipped);
            store = compacted.store;
        }
        stop.store(true, Ordering::SeqCst);
        other.join().unwrap();
        assert_eq!(taken.load(Ordering::SeqCst), 0, "the store was free between the swap and the reopening");
        assert_eq!(store.summaries().unwrap().items.len(), 3_000);
    }
}
