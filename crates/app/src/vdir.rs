//! What `calendar sync` and `contacts sync` share: the items of a vdir (a
//! folder with a file per event or card, as vdirsyncer, pimsync, khal and
//! khard keep them), and what a sync left there last time, kept in the
//! store under a key naming the sync and the folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

use super::{App, AppError, AppResult};

/// An item's text as a hash: an ETag of our own.
pub(crate) fn hash(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// The items of the folder with the extension `ext` (`.ics`, `.vcf`), by
/// file name: not the hidden temporary files a writer leaves, nor a file
/// that is not text.
pub(crate) fn items(dir: &Path, ext: &str) -> std::io::Result<BTreeMap<String, String>> {
    let mut files = BTreeMap::new();
    if !dir.exists() {
        return Ok(files);
    }
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with(ext) || name.starts_with('.') || !entry.file_type()?.is_file() {
            continue;
        }
        if let Ok(text) = std::fs::read_to_string(entry.path()) {
            files.insert(name, text);
        }
    }
    Ok(files)
}

impl App {
    /// What the sync `kind` left in `dir` last time; None before the first.
    pub(crate) fn vdir_state<T: DeserializeOwned>(&self, kind: &str, dir: &Path) -> AppResult<Option<T>> {
        let bytes = self.store.sync_state(&state_key(kind, dir))?;
        Ok(bytes.and_then(|bytes| serde_json::from_slice(&bytes).ok()))
    }

    /// Records what the sync `kind` left in `dir`; durable on return.
    pub(crate) fn set_vdir_state<T: Serialize>(&self, kind: &str, dir: &Path, state: &T) -> AppResult<()> {
        let bytes = serde_json::to_vec(state).map_err(|e| AppError::Invalid(e.to_string()))?;
        Ok(self.store.set_sync_state(&state_key(kind, dir), &bytes)?)
    }

    /// Writes the items that differ from what the folder holds, and removes
    /// the ones `stale` names; says how many of each.
    pub(crate) fn write_items<'a>(
        &self,
        dir: &Path,
        held: &BTreeMap<String, String>,
        wanted: impl IntoIterator<Item = (&'a String, &'a String)>,
        stale: impl IntoIterator<Item = &'a String>,
    ) -> AppResult<(usize, usize)> {
        let failed = |path: PathBuf, source: std::io::Error| {
            let path = path.display().to_string();
            AppError::Invalid(crate::i18n::terms::cannot_write(&path, &source, self.config.ui.lang()))
        };
        std::fs::create_dir_all(dir).map_err(|e| failed(dir.to_path_buf(), e))?;
        let (mut written, mut removed) = (0, 0);
        for (name, text) in wanted {
            if held.get(name) != Some(text) {
                let path = dir.join(name);
                crate::files::write_atomically(&path, text.as_bytes()).map_err(|e| failed(path, e))?;
                written += 1;
            }
        }
        for name in stale {
            let path = dir.join(name);
            std::fs::remove_file(&path).map_err(|e| failed(path, e))?;
            removed += 1;
        }
        Ok((written, removed))
    }

    /// The folder's items, or why it cannot be read.
    pub(crate) fn vdir_items(&self, dir: &Path, ext: &str) -> AppResult<BTreeMap<String, String>> {
        items(dir, ext).map_err(|source| {
            let path = dir.display().to_string();
            AppError::Invalid(crate::i18n::terms::cannot_read(&path, &source, self.config.ui.lang()))
        })
    }
}

/// The key under which the store keeps a folder's sync.
fn state_key(kind: &str, dir: &Path) -> String {
    let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    format!("{kind}:{}", dir.display())
}
