//! `leadline handover` and `leadline team` (issue 24, point 4) against a
//! real PostgreSQL: an account goes to a colleague's book with its history
//! (one change on each side, in both histories), and a manager reads every
//! rep's figures while a rep reads only its own.

mod common;

use common::Book;
use common::postgres::Cluster;

fn device(cluster: &Cluster, role: &str, name: &str) -> Book {
    let device = Book::new();
    device.configure(&format!("[sync]\nurl = \"{}\"\ndevice = \"{name}\"\n", cluster.url(role)));
    device
}

#[test]
fn an_account_handed_over_arrives_with_its_history_and_the_manager_sees_every_rep() {
    let Some(cluster) = Cluster::start() else { return };
    Book::new()
        .run(&[
            "sync",
            "init",
            "--url",
            &cluster.url("admin"),
            "--rep",
            "alice",
            "--rep",
            "bob",
            "--manager",
            "carol",
        ])
        .ok();
    let laptop = device(&cluster, "alice", "laptop");
    let desk = device(&cluster, "alice", "desk");
    let bob = device(&cluster, "bob", "bob-laptop");
    laptop.add(&["Acme Farm", "--phone", "13800138000"]);
    laptop.add(&["Bao Seeds", "--phone", "13900139000", "--grade", "a"]);
    laptop.run(&["log", "call", "Acme Farm", "--note", "asked for the price list"]).ok();
    laptop.run(&["order", "Acme Farm", "1200"]).ok();
    laptop.run(&["sync"]).ok();
    desk.run(&["sync"]).ok();
    bob.add(&["Chen Co", "--phone", "13700137000"]);
    bob.run(&["sync"]).ok();

    // A manager cannot hand over (no book of its own), nor a rep to a
    // role that is not on the team.
    let refused = laptop.run(&["handover", "Acme Farm", "--to", "carol"]).fails(1);
    assert!(refused.contains("carol is not a rep of the team"), "{refused}");

    let handed = laptop.run(&["handover", "Acme Farm", "--to", "bob"]).ok();
    assert!(
        handed.contains(
            "Handed Acme Farm over to bob (their book bob), with 1 touch, 1 order and 0 follow-ups"
        ),
        "{handed}"
    );
    assert_eq!(laptop.run(&["show", "Acme Farm"]).code, 1, "gone from alice's book");
    assert!(laptop.run(&["history"]).ok().contains("handover: Acme Farm to bob"));

    let came = bob.run(&["sync"]).ok();
    assert!(came.contains("From laptop: 1 touch, 1 order, 1 account changed."), "{came}");
    let shown = bob.run(&["show", "Acme Farm"]).ok();
    assert!(shown.contains("asked for the price list"), "{shown}");
    assert!(bob.run(&["history"]).ok().contains("handover: Acme Farm from alice"));
    // Alice's other device lets it go too.
    desk.run(&["sync"]).ok();
    assert_eq!(desk.run(&["show", "Acme Farm"]).code, 1);
    assert!(desk.run(&["show", "Bao Seeds"]).ok().contains("Bao Seeds"));

    // The manager reads both books; a rep only its own.
    let carol = device(&cluster, "carol", "office");
    let team = carol.run(&["team", "--json"]);
    let team = team.json();
    let books: Vec<&str> = team.as_array().unwrap().iter().map(|rep| rep["book"].as_str().unwrap()).collect();
    assert_eq!(books, ["alice", "bob"]);
    assert_eq!(team[0]["prospects_by_grade"]["A"], 1, "{team}");
    assert_eq!(team[1]["revenue_12m"], 120_000, "the order went with the account: {team}");
    assert_eq!(
        team[1]["customers_by_tier"].as_object().unwrap().values().map(|n| n.as_u64().unwrap()).sum::<u64>(),
        1
    );
    let text = carol.run(&["team"]).ok();
    assert!(text.contains("bob (book bob)") && text.contains("Revenue over 12 months: 1,200.00"), "{text}");
    let md = carol.run(&["--lang", "zh-CN", "team", "--md"]).ok();
    assert!(md.starts_with("# 团队，2026-11-27\n\n| 销售 | 资料 |"), "{md}");
    // Again: the books kept on the manager's machine are brought up to date.
    laptop.run(&["log", "visit", "Bao Seeds"]).ok();
    laptop.run(&["sync"]).ok();
    let again = carol.run(&["team", "--json"]).json();
    assert_eq!(again.as_array().unwrap().len(), 2);
    let mine = bob.run(&["team", "--json"]).json();
    assert_eq!(mine.as_array().unwrap().len(), 1, "a rep reads only its own book: {mine}");
}
