//! Helpers for tests that run the real `leadline` binary on a temp store.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const NOW: &str = "2026-11-27T09:00";

/// A temp store and a way to run commands on it with a fixed clock.
pub struct Book {
    dir: tempfile::TempDir,
    store: PathBuf,
    pub now: String,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn from(output: Output) -> Run {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Asserts success and returns stdout.
    #[track_caller]
    pub fn ok(self) -> String {
        assert_eq!(self.code, 0, "expected success\nstdout: {}\nstderr: {}", self.stdout, self.stderr);
        self.stdout
    }

    /// Asserts failure with `code`, a single-line error, and returns it.
    #[track_caller]
    pub fn fails(self, code: i32) -> String {
        assert_eq!(self.code, code, "expected exit {code}\nstdout: {}\nstderr: {}", self.stdout, self.stderr);
        let line = self.stderr.trim_end();
        assert!(line.starts_with("error: ") || line.starts_with("出错："), "error line: {line}");
        assert!(!line.contains('\n'), "one line expected: {line}");
        line.to_string()
    }

    /// Asserts failure with `code` on a store that says it is damaged: the
    /// damage warning, then a single-line error, which it returns.
    #[track_caller]
    pub fn fails_on_damaged_store(self, code: i32) -> String {
        let (warning, error) = self.stderr.split_once('\n').unwrap_or_default();
        assert!(warning.contains("cannot be read: `leadline recover --to NEW_DIR`"), "{}", self.stderr);
        Run { stderr: error.to_string(), ..self }.fails(code)
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.stdout))
    }
}

pub fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_leadline")
}

impl Book {
    pub fn new() -> Book {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = dir.path().join("store");
        Book { dir, store, now: NOW.to_string() }
    }

    /// A book whose store (and its backups) live in `root`, e.g. on a file
    /// system of the test's own.
    pub fn in_dir(root: &Path) -> Book {
        Book { store: root.join("store"), ..Book::new() }
    }

    pub fn store(&self) -> PathBuf {
        self.store.clone()
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(binary());
        command
            .args(args)
            .env("LEADLINE_STORE", self.store())
            .env("LEADLINE_NOW", &self.now)
            .env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env("TZ", "UTC")
            // English, whatever the machine's locale (a test asks for
            // Chinese with --lang or the settings).
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LEADLINE_LANG")
            .env_remove("LEADLINE_CONFIG")
            .env_remove("NO_COLOR");
        command
    }

    /// Where `leadline` looks for its settings in this book's home.
    pub fn config_path(&self) -> PathBuf {
        self.dir.path().join("config/leadline/config.toml")
    }

    /// Writes the settings file `leadline` reads by default.
    pub fn configure(&self, toml: &str) {
        let path = self.config_path();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, toml).unwrap();
    }

    pub fn run(&self, args: &[&str]) -> Run {
        Run::from(self.command(args).output().expect("run leadline"))
    }

    /// Adds an account and returns its id.
    pub fn add(&self, args: &[&str]) -> String {
        let mut all = vec!["add"];
        all.extend_from_slice(args);
        self.run(&all).ok().trim().to_string()
    }

    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let run = self.run(args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.json()
    }

    /// The whole book as a backup, for asserting "nothing changed".
    pub fn snapshot(&self) -> String {
        self.run(&["export"]).ok()
    }
}

/// Waits for a file another process writes (the daily backup is written
/// in the background); false when it has not come after ten seconds.
pub fn wait_for(path: &Path) -> bool {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !path.exists() {
        if std::time::Instant::now() > deadline {
            return false;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    true
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}
pub mod postgres;
pub mod tui;

/// Opens a store's sled files directly (to damage or rewrite them), once
/// the command before has let them go: the daily backup it started is a
/// fork of it, which holds the files until it runs the backup, a moment
/// longer on a loaded machine.
pub fn open_sled(store: &Path) -> sled::Db {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        match sled::open(store) {
            Ok(db) => return db,
            Err(error) if std::time::Instant::now() < deadline && error.to_string().contains("lock") => {
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            Err(error) => panic!("cannot open {}: {error}", store.display()),
        }
    }
}
