//! `leadline sync` (issue 24, points 1 to 3) against a real PostgreSQL: two
//! devices of one rep end with the same book, what came in is said, a rep
//! cannot reach another's book, and a sync killed midway loses nothing and
//! sends nothing twice.

mod common;

use std::process::Stdio;
use std::time::Duration;

use common::Book;
use common::postgres::Cluster;
use leadline::app::App;
use leadline::clock::{FixedClock, parse_timestamp};

fn device(cluster: &Cluster, role: &str, book: &str, name: &str) -> Book {
    let device = Book::new();
    device.configure(&format!(
        "[sync]\nurl = \"{}\"\nbook = \"{book}\"\ndevice = \"{name}\"\n",
        cluster.url(role)
    ));
    device
}

fn team(cluster: &Cluster) {
    let admin = Book::new();
    admin.run(&["sync", "init", "--url", &cluster.url("admin"), "--rep", "alice", "--rep", "bob"]).ok();
}

/// The book as devices compare it, read from a device's store.
fn canonical(device: &Book) -> std::collections::BTreeMap<String, serde_json::Value> {
    let app =
        App::open_at(&device.store(), Box::new(FixedClock(parse_timestamp(common::NOW).unwrap()))).unwrap();
    app.canonical_book().unwrap()
}

#[test]
fn two_devices_of_a_rep_end_with_one_book_and_say_what_came_in() {
    let Some(cluster) = Cluster::start() else { return };
    team(&cluster);
    let laptop = device(&cluster, "alice", "alice", "laptop");
    let desk = device(&cluster, "alice", "alice", "desk");
    laptop.add(&["Acme Farm", "--phone", "13800138000"]);
    laptop.add(&["Bao Seeds", "--phone", "13900139000"]);
    laptop.run(&["log", "call", "Acme Farm", "--note", "asked for the price list"]).ok();

    let sent = laptop.run(&["sync"]).ok();
    assert!(sent.contains("Sent 1 change to alice as laptop."), "{sent}");
    assert!(sent.contains("Nothing new came in."), "{sent}");
    let came = desk.run(&["sync"]).ok();
    assert!(came.contains("From laptop: 1 touch, 2 accounts changed."), "{came}");
    assert!(desk.run(&["show", "Acme Farm"]).ok().contains("asked for the price list"));

    desk.run(&["log", "visit", "Bao Seeds", "--note", "met the owner"]).ok();
    desk.run(&["order", "Bao Seeds", "1200"]).ok();
    let sent = desk.run(&["--lang", "zh-CN", "sync"]).ok();
    assert!(sent.contains("已向 alice 发送 2 项修改，本机名为 desk。"), "{sent}");
    let came = laptop.run(&["sync"]).ok();
    assert!(came.contains("From desk: 1 touch, 1 order, 1 account changed."), "{came}");
    assert_eq!(canonical(&laptop), canonical(&desk));
    // Nothing new: nothing sent, nothing applied, no change in the history.
    let again = laptop.run(&["sync"]).ok();
    assert!(
        again.contains("Sent nothing to alice as laptop.") && again.contains("Nothing new came in."),
        "{again}"
    );

    // Another rep's book is refused by the server.
    let bob = device(&cluster, "bob", "alice", "bob-laptop");
    let refused = bob.run(&["sync"]).fails(1);
    assert!(refused.contains("permission denied for book alice"), "{refused}");
}

#[test]
fn a_sync_killed_midway_loses_nothing_and_a_retry_sends_nothing_twice() {
    let Some(cluster) = Cluster::start() else { return };
    team(&cluster);
    let laptop = device(&cluster, "alice", "alice", "laptop");
    let desk = device(&cluster, "alice", "alice", "desk");
    laptop.run(&["demo", "--accounts", "3000"]).ok();
    // Kill the laptop's first sync, and then the desk's, at several points.
    for (who, delays) in [(&laptop, [150, 400, 900]), (&desk, [150, 400, 900])] {
        for delay in delays {
            let mut child =
                who.command(&["sync"]).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
            std::thread::sleep(Duration::from_millis(delay));
            let _ = child.kill();
            let _ = child.wait();
        }
        who.run(&["sync"]).ok();
    }
    laptop.run(&["sync"]).ok();
    let rows = cluster
        .psql("alice", "SELECT count(*), count(DISTINCT (origin, seq, part)) FROM leadline.changes")
        .unwrap();
    let (all, distinct) = rows.split_once('|').unwrap();
    assert_eq!(all, distinct, "a change was taken twice");
    assert!(all.parse::<u32>().unwrap() >= 2, "{rows}");
    let (one, other) = (canonical(&laptop), canonical(&desk));
    assert_eq!(one.len(), other.len());
    assert!(one == other, "the books differ after the cut-off syncs");
}

#[test]
fn under_auto_sync_a_command_returns_at_once_and_its_change_reaches_the_server() {
    let Some(cluster) = Cluster::start() else { return };
    team(&cluster);
    let laptop = Book::new();
    laptop.configure(&format!(
        "[sync]\nurl = \"{}\"\ndevice = \"laptop\"\nauto = true\n",
        cluster.url("alice")
    ));
    laptop.add(&["Acme Farm", "--phone", "13800138000"]);
    laptop.run(&["log", "call", "Acme Farm", "--note", "asked for the price list"]).ok();
    // The background syncs run after the commands returned.
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        let status = laptop.run(&["sync", "--status"]).ok();
        if status.contains("nothing to send; last synced") {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "never synced: {status}");
        std::thread::sleep(Duration::from_millis(100));
    }
    let held = cluster.psql("alice", "SELECT count(*) FROM leadline.changes").unwrap();
    assert!(held.parse::<u32>().unwrap() >= 1, "{held}");
    let desk = device(&cluster, "alice", "alice", "desk");
    assert!(desk.run(&["sync"]).ok().contains("1 touch"));

    // With the server gone, a command still works and says nothing of it;
    // `sync` says the server is out of reach, and the status keeps it.
    drop(cluster);
    laptop.run(&["log", "call", "Acme Farm", "--note", "offline"]).ok();
    let offline = laptop.run(&["sync"]).fails(1);
    assert!(
        offline.contains("cannot be reached") && offline.contains("everything works offline"),
        "{offline}"
    );
    let status = laptop.run(&["sync", "--status"]).ok();
    assert!(status.contains("1 change to send") && status.contains("failed"), "{status}");
}
