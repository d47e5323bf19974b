//! A throwaway PostgreSQL cluster for the sync tests: Debian's server
//! (`.ci/run` installs it), `initdb` into the test's own temporary folder
//! as an unprivileged user when the tests run as root, reached through a
//! Unix socket in that folder only (no TCP port), stopped when dropped.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A running cluster; the superuser is `admin`, trusted on its socket.
pub struct Cluster {
    dir: tempfile::TempDir,
    bin: PathBuf,
    as_user: Option<&'static str>,
}

/// The newest installed server's programs (`/usr/lib/postgresql/15/bin`).
fn server_bin() -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| Some(e.ok()?.path().join("bin")))
        .filter(|bin| bin.join("initdb").exists() && bin.join("pg_ctl").exists())
        .collect();
    found.sort();
    found.pop()
}

impl Cluster {
    /// Starts one; None, with the reason on stderr, when PostgreSQL is not
    /// installed or does not start. Without fsync: the tests' data is
    /// thrown away.
    pub fn start() -> Option<Cluster> {
        Cluster::start_with(false)
    }

    /// Starts one that fsyncs as a production server does (for measuring).
    pub fn start_with(fsync: bool) -> Option<Cluster> {
        let Some(bin) = server_bin() else {
            eprintln!("skipped: PostgreSQL's server is not installed (.ci/run installs Debian's postgresql)");
            return None;
        };
        // PostgreSQL refuses to run as root: as root, the cluster belongs
        // to `nobody`, and the folders it uses are theirs.
        let as_user = rustix::process::getuid().is_root().then_some("nobody");
        let dir = tempfile::tempdir().ok()?;
        let cluster = Cluster { dir, bin, as_user };
        std::fs::create_dir_all(cluster.data()).ok()?;
        std::fs::create_dir_all(cluster.socket_dir()).ok()?;
        if as_user.is_some() {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(cluster.dir.path(), std::fs::Permissions::from_mode(0o755)).ok()?;
            for owned in [cluster.data(), cluster.socket_dir()] {
                Command::new("chown").args(["nobody:nogroup"]).arg(&owned).status().ok()?;
            }
        }
        let initdb = cluster.run(
            "initdb",
            &["-A", "trust", "-U", "admin", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8", "-D"],
            &[cluster.data()],
        );
        if !initdb {
            eprintln!("skipped: initdb failed");
            return None;
        }
        let fsync = if fsync { "on" } else { "off" };
        let options =
            format!("-k {} -c listen_addresses='' -c fsync={fsync}", cluster.socket_dir().display());
        let log = cluster.socket_dir().join("server.log");
        let started = cluster.run(
            "pg_ctl",
            &["-w", "-t", "30", "-o", &options, "-l"],
            &[log, "-D".into(), cluster.data(), "start".into()],
        );
        if !started {
            let log = std::fs::read_to_string(cluster.socket_dir().join("server.log")).unwrap_or_default();
            eprintln!("skipped: PostgreSQL did not start: {log}");
            return None;
        }
        Some(cluster)
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn socket_dir(&self) -> PathBuf {
        self.dir.path().join("socket")
    }

    /// Runs one of the server's programs, as the cluster's owner.
    fn run(&self, program: &str, args: &[&str], paths: &[PathBuf]) -> bool {
        let program = self.bin.join(program);
        let mut command = match self.as_user {
            Some(user) => {
                let mut command = Command::new("runuser");
                command.args(["-u", user, "--"]).arg(program);
                command
            }
            None => Command::new(program),
        };
        command.args(args).args(paths).current_dir("/").stdout(Stdio::null()).stderr(Stdio::null());
        command.status().is_ok_and(|status| status.success())
    }

    /// A connection string for `user` to the `postgres` database.
    pub fn url(&self, user: &str) -> String {
        format!("host={} user={user} dbname=postgres sslmode=disable", self.socket_dir().display())
    }

    /// Runs SQL as `user` through psql; its output, or the error it gave.
    pub fn psql(&self, user: &str, sql: &str) -> Result<String, String> {
        let out = Command::new(self.bin.join("psql"))
            .args(["-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-h"])
            .arg(self.socket_dir())
            .args(["-U", user, "-d", "postgres", "-c", sql])
            .output()
            .map_err(|e| e.to_string())?;
        match out.status.success() {
            true => Ok(String::from_utf8_lossy(&out.stdout).trim().to_string()),
            false => Err(String::from_utf8_lossy(&out.stderr).into_owned()),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.data();
        self.run("pg_ctl", &["-m", "immediate", "-D"], &[data, "stop".into()]);
    }
}
