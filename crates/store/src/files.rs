//! Files Leadline writes outside its store (exports, automatic backups):
//! whole or not at all, private, and never through a planted link.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` through a new temporary file in the same
/// directory, then renames it into place, fsyncing the file and the
/// directory: a reader sees the old file or the whole new one. The
/// temporary file is created exclusively (an unpredictable name, never an
/// existing file or link) and private to its owner (0600), so a link planted
/// beside `path` is never followed.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut file = tempfile::Builder::new().prefix(".leadline-").suffix(".tmp").tempfile_in(dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    std::fs::File::open(dir)?.sync_all()
}

/// Writes an export where the rep asked: a regular file (or a new one) as
/// [`write_atomically`] does; anything else that exists there (a device
/// such as `/dev/null`, a FIFO, `/dev/stdout`) is written to as it is,
/// never replaced by a file.
pub fn write_output(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() && !meta.is_dir() => {
            let mut target = std::fs::OpenOptions::new().write(true).open(path)?;
            target.write_all(bytes)?;
            target.flush()
        }
        _ => write_atomically(path, bytes),
    }
}

/// Writes a small file Leadline keeps for itself (a hint it can do
/// without) as [`write_atomically`] does, but without waiting for the disk:
/// a link planted at `path` is replaced, never followed.
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut file = tempfile::Builder::new().prefix(".leadline-").suffix(".tmp").tempfile_in(dir)?;
    file.write_all(bytes)?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_to_a_fifo_writes_into_it_and_leaves_it_a_fifo() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        rustix::fs::mknodat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::FileType::Fifo,
            rustix::fs::Mode::from_raw_mode(0o600),
            0,
        )
        .unwrap();
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
        };
        write_output(&fifo, b"{\"format\":\"leadline-backup\"}").unwrap();
        assert_eq!(reader.join().unwrap(), "{\"format\":\"leadline-backup\"}");
        assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo(), "still a FIFO");
    }
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_link_planted_at_the_old_temporary_name_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "keep me").unwrap();
        std::os::unix::fs::symlink(&victim, dir.path().join(".out.json.tmp")).unwrap();
        let out = dir.path().join("out.json");
        write_atomically(&out, b"{}").unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "{}");
        assert_eq!(std::fs::metadata(&out).unwrap().permissions().mode() & 0o777, 0o600);
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().map(|e| e.file_name()).collect();
        assert_eq!(left.len(), 3, "no temporary file is left behind: {left:?}");
    }
}
