//! Noticing damage a store that opens does not show. sled opens some
//! damaged files without complaint and fails only the read that meets the
//! damage, so lists (which read the summaries) would look whole while an
//! account cannot be shown.
//!
//! After its work a command writes a seal: the size and modification time
//! of sled's files. A store whose files are not as sealed when it opens
//! (a process ended midway, or something else wrote them) is read through
//! once, and the records that cannot be read are counted in `damaged`,
//! which every command then reports until a check finds none. A read that
//! fails later adds to it too.

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

const SEAL: &str = "seal";
const DAMAGED: &str = "damaged";

/// sled's files as they are: name, size, modification time.
fn fingerprint(dir: &Path) -> Option<String> {
    let mut files: Vec<String> = fs::read_dir(dir)
        .ok()?
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let sled_file = name == "db" || name == "conf" || name.starts_with("snap.");
            let meta = entry.metadata().ok().filter(|_| sled_file)?;
            Some(format!("{name} {} {}.{}", meta.len(), meta.mtime(), meta.mtime_nsec()))
        })
        .collect();
    if files.is_empty() {
        return None;
    }
    files.sort();
    Some(files.join("\n"))
}

/// Whether sled's files are not as the last command left them (before
/// sled opens them: opening writes to them).
pub fn changed_since_sealed(dir: &Path) -> bool {
    match fingerprint(dir) {
        None => false,
        Some(now) => fs::read_to_string(dir.join(SEAL)).ok().as_deref() != Some(now.as_str()),
    }
}

/// Records sled's files as they are now. A hint, not a promise: losing it
/// only costs a read-through on the next open.
pub fn seal(dir: &Path) {
    if let Some(now) = fingerprint(dir) {
        let _ = crate::files::write_private(&dir.join(SEAL), now.as_bytes());
    }
}

/// The records counted as unreadable, when any are.
pub fn damaged(dir: &Path) -> Option<usize> {
    fs::read_to_string(dir.join(DAMAGED)).ok()?.trim().parse().ok().filter(|n| *n > 0)
}

/// Records what a read-through found (none removes the note).
pub fn set_damaged(dir: &Path, count: usize) {
    if count == 0 {
        let _ = fs::remove_file(dir.join(DAMAGED));
    } else {
        let _ = crate::files::write_private(&dir.join(DAMAGED), format!("{count}\n").as_bytes());
    }
}

/// Notes a read that failed, when no read-through has counted it yet.
pub fn note_failed_read(dir: &Path) {
    if damaged(dir).is_none() {
        set_damaged(dir, 1);
    }
}
