//! A real CalDAV round trip (issue 23, point 8): Debian's Radicale on
//! loopback, vdirsyncer keeping Leadline's vdir and a second one (the
//! phone's side) in step with it. A follow-up moved and one deleted on the
//! phone's side come back as a reschedule and a done; a second round with
//! no changes changes nothing anywhere. `.ci/run` installs both tools; the
//! test says why and passes when they are missing or Radicale cannot start.

mod common;

use common::Book;
use std::collections::BTreeMap;
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Radicale, stopped when dropped.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn installed(tool: &str) -> bool {
    Command::new(tool).arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok()
}

/// Starts Radicale on a free loopback port with its collections under
/// `root`, one calendar `user/leadline` in it; None when it does not answer.
fn radicale(root: &Path) -> Option<(Server, u16)> {
    let calendar = root.join("collections/collection-root/user/leadline");
    std::fs::create_dir_all(&calendar).unwrap();
    std::fs::write(calendar.join(".Radicale.props"), r#"{"tag": "VCALENDAR"}"#).unwrap();
    let port = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).ok()?.local_addr().ok()?.port();
    let child = Command::new("radicale")
        // No configuration file: only what is given here.
        .args(["-C", "", "--server-hosts", &format!("127.0.0.1:{port}")])
        .args(["--auth-type", "none", "--rights-type", "authenticated", "--logging-level", "warning"])
        .arg("--storage-filesystem-folder")
        .arg(root.join("collections"))
        .env("HOME", root)
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(root.join("radicale.log")).unwrap())
        .spawn()
        .ok()?;
    let server = Server(child);
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_ok() {
            return Some((server, port));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    None
}

/// vdirsyncer with its configuration and status under `root`, within a
/// minute.
fn vdirsyncer(root: &Path, args: &[&str]) -> String {
    let mut child = Command::new("vdirsyncer")
        .arg("-c")
        .arg(root.join("vdirsyncer.conf"))
        .args(args)
        .env("HOME", root)
        .env("XDG_CONFIG_HOME", root.join("config"))
        .env("XDG_DATA_HOME", root.join("data"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("vdirsyncer runs");
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("vdirsyncer {args:?} took over a minute");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "vdirsyncer {args:?}: {text}");
    text
}

fn configure(root: &Path, port: u16, leadline: &Path, phone: &Path) {
    let storage = |name: &str, path: &Path| {
        format!(
            "[storage {name}]\ntype = \"filesystem\"\npath = \"{}/\"\nfileext = \".ics\"\n\n",
            path.display()
        )
    };
    let server = |name: &str| {
        format!(
            "[storage {name}]\ntype = \"caldav\"\nurl = \"http://127.0.0.1:{port}/user/leadline/\"\nusername = \"user\"\npassword = \"x\"\n\n"
        )
    };
    let pair = |name: &str, a: &str, b: &str| {
        format!("[pair {name}]\na = \"{a}\"\nb = \"{b}\"\ncollections = null\n\n")
    };
    let config = format!(
        "[general]\nstatus_path = \"{}/\"\n\n{}{}{}{}{}{}",
        root.join("status").display(),
        pair("leadline", "leadline_side", "server_leadline"),
        storage("leadline_side", leadline),
        server("server_leadline"),
        pair("phone", "phone_side", "server_phone"),
        storage("phone_side", phone),
        server("server_phone"),
    );
    std::fs::write(root.join("vdirsyncer.conf"), config).unwrap();
}

/// Every file of a folder with its text.
fn contents(dir: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// The file of the phone's folder that holds the event `uid`.
fn holding(dir: &Path, uid: &str) -> PathBuf {
    let files = contents(dir);
    let line = format!("UID:{uid}");
    let name =
        files.iter().find(|(_, text)| text.lines().any(|l| l.trim_end() == line)).map(|(n, _)| n.clone());
    dir.join(name.unwrap_or_else(|| panic!("no event {uid} in {}: {files:?}", dir.display())))
}

fn sync(book: &Book, dir: &Path) -> String {
    let run = book.run(&["calendar", "sync", dir.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    format!("{}{}", run.stdout, run.stderr)
}

#[test]
fn a_move_and_a_deletion_on_the_caldav_server_come_home_and_a_quiet_round_changes_nothing() {
    if !installed("radicale") || !installed("vdirsyncer") {
        eprintln!("skipped: Radicale or vdirsyncer is not installed (.ci/run installs both)");
        return;
    }
    let book = Book::new();
    let root = book.path("caldav");
    std::fs::create_dir_all(&root).unwrap();
    let Some((_server, port)) = radicale(&root) else {
        let log = std::fs::read_to_string(root.join("radicale.log")).unwrap_or_default();
        eprintln!("skipped: Radicale did not start on loopback: {log}");
        return;
    };
    let (leadline, phone) = (book.path("leadline-vdir"), book.path("phone-vdir"));
    std::fs::create_dir_all(&phone).unwrap();
    configure(&root, port, &leadline, &phone);

    book.add(&["张伟"]);
    book.add(&["王芳"]);
    book.run(&["follow-up", "张伟", "--on", "2026-12-01"]).ok();
    book.run(&["follow-up", "王芳", "--on", "2026-12-02 14:00"]).ok();
    sync(&book, &leadline);
    vdirsyncer(&root, &["discover"]);
    assert!(vdirsyncer(&root, &["sync", "leadline"]).contains("follow-up-2@leadline"));
    vdirsyncer(&root, &["sync", "phone"]);

    // On the phone's side: 张伟's call moves to 12-04; 王芳's is deleted.
    let moved = holding(&phone, "follow-up-1@leadline");
    let text = std::fs::read_to_string(&moved).unwrap();
    let text = text.replace("DTSTART;VALUE=DATE:20261201", "DTSTART;VALUE=DATE:20261204");
    std::fs::write(&moved, text.replace("DTEND;VALUE=DATE:20261202", "DTEND;VALUE=DATE:20261205")).unwrap();
    std::fs::remove_file(holding(&phone, "follow-up-2@leadline")).unwrap();
    vdirsyncer(&root, &["sync", "phone"]);
    vdirsyncer(&root, &["sync", "leadline"]);

    let out = sync(&book, &leadline);
    assert!(out.contains("moved on the phone: #1 张伟, 2026-12-01 → 2026-12-04"), "{out}");
    assert!(out.contains("done on the phone (its event deleted or cancelled there): #2 王芳"), "{out}");
    let exported = book.json(&["export"]);
    let follow_ups = exported["follow_ups"].as_array().unwrap();
    assert_eq!(follow_ups[0]["due"], "2026-12-04");
    assert_eq!(follow_ups[1]["status"], "done");
    // Leadline's own wording of the moved event goes back up, once.
    vdirsyncer(&root, &["sync", "leadline"]);
    vdirsyncer(&root, &["sync", "phone"]);

    // A round with no changes changes nothing on any side.
    let server = root.join("collections/collection-root/user/leadline");
    let before = (contents(&server), contents(&leadline), contents(&phone));
    let quiet = sync(&book, &leadline);
    assert!(quiet.contains("nothing changed on the phone; 0 files written, 0 removed"), "{quiet}");
    let up = vdirsyncer(&root, &["sync", "leadline"]);
    let down = vdirsyncer(&root, &["sync", "phone"]);
    assert!(!up.contains("Copying") && !down.contains("Copying") && !up.contains("Deleting"), "{up}{down}");
    assert_eq!((contents(&server), contents(&leadline), contents(&phone)), before);
    let events: Vec<&String> =
        before.0.iter().filter(|(name, _)| name.ends_with(".ics")).map(|(_, t)| t).collect();
    assert_eq!(events.len(), 1, "one event on the server, no duplicate: {events:?}");
    assert!(events[0].contains("DTSTART;VALUE=DATE:20261204"), "{}", events[0]);
}
