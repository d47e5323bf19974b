//! Sync between devices (issue 24, point 2), through a server in memory:
//! what one device did arrives on the other, a field changed on both keeps
//! the later change, field by field, and the book's rules hold after.

use std::path::PathBuf;

use leadline::app::sync::{MemoryServer, Settled, SyncReport};
use leadline::app::{AccountInput, App, TouchInput};
use leadline::clock::{FixedClock, parse_timestamp};
use leadline::domain::{AccountId, Direction, Purpose, TouchKind};

/// A device: its own store, opened at a given time for each step.
struct Device {
    _dir: tempfile::TempDir,
    store: PathBuf,
    name: &'static str,
}

impl Device {
    fn new(name: &'static str) -> Device {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("store");
        Device { _dir: dir, store, name }
    }

    fn at(&self, when: &str) -> App {
        App::open_at(&self.store, Box::new(FixedClock(parse_timestamp(when).unwrap()))).unwrap()
    }

    fn sync(&self, server: &MemoryServer, when: &str) -> SyncReport {
        self.at(when).sync_with(&mut server.clone(), "book", self.name).unwrap()
    }

    fn id_of(&self, name: &str) -> AccountId {
        let app = self.at("2026-12-07T23:00");
        let rows = app.store_accounts();
        rows.into_iter().find(|(n, _)| n == name).map(|(_, id)| id).unwrap()
    }
}

trait Accounts {
    fn store_accounts(&self) -> Vec<(String, AccountId)>;
}

impl Accounts for App {
    fn store_accounts(&self) -> Vec<(String, AccountId)> {
        let book = self.canonical_book().unwrap();
        let names: Vec<String> = book
            .iter()
            .filter(|(key, _)| key.starts_with("account "))
            .map(|(_, fields)| fields["name"].as_str().unwrap().to_string())
            .collect();
        names
            .into_iter()
            .map(|name| {
                let id = self.resolve_account(&name).unwrap();
                (name, id)
            })
            .collect()
    }
}

type Canonical = std::collections::BTreeMap<String, serde_json::Value>;

/// Both devices hold the same book; says what differs when not.
fn assert_same(one: &Canonical, other: &Canonical) {
    let mut keys: Vec<&String> = one.keys().chain(other.keys()).collect();
    keys.sort();
    keys.dedup();
    let differ: Vec<String> = keys
        .into_iter()
        .filter(|key| one.get(*key) != other.get(*key))
        .map(|key| format!("{key}:\n  {:?}\n  {:?}", one.get(key), other.get(key)))
        .collect();
    assert!(differ.is_empty(), "the books differ:\n{}", differ.join("\n"));
}

fn account(name: &str, phone: &str) -> AccountInput {
    AccountInput { name: Some(name.into()), phones: Some(vec![phone.into()]), ..AccountInput::default() }
}

fn call(account: AccountId, note: &str) -> TouchInput {
    TouchInput {
        account,
        kind: TouchKind::Call,
        direction: Direction::Outbound,
        outcome: None,
        note: note.into(),
        lesson: String::new(),
        at: None,
        next: None,
        purpose: Purpose::Ordinary,
        amount: None,
        lower_grade: false,
        lost_to: None,
    }
}

#[test]
fn what_one_device_did_arrives_and_a_field_changed_on_both_keeps_the_later_change() {
    let server = MemoryServer::new();
    let laptop = Device::new("laptop");
    let desk = Device::new("desk");
    {
        let app = laptop.at("2026-12-07T09:00");
        let acme = app.add_account(&account("Acme Farm", "13800138000"), None).unwrap().value.account.id;
        app.add_account(&account("Bao Seeds", "13900139000"), None).unwrap();
        app.log_touch(&call(acme, "asked for the price list")).unwrap();
    }
    let sent = laptop.sync(&server, "2026-12-07T09:05");
    assert_eq!(sent.sent, 1, "the book, as one change: {sent:?}");
    let came = desk.sync(&server, "2026-12-07T09:10");
    let from_laptop = &came.received["laptop"];
    assert_eq!((from_laptop.touches, from_laptop.accounts.len()), (1, 2), "{came:?}");
    assert_eq!(
        laptop.at("2026-12-07T09:11").canonical_book().unwrap(),
        desk.at("2026-12-07T09:11").canonical_book().unwrap()
    );

    // Offline on both: the note on both (the desk's is later), the title
    // only on the laptop, the phones only on the desk.
    let acme_on_laptop = laptop.id_of("Acme Farm");
    let acme_on_desk = desk.id_of("Acme Farm");
    laptop
        .at("2026-12-07T10:00")
        .edit_account(
            acme_on_laptop,
            &AccountInput {
                note: Some("laptop's note".into()),
                title: Some("Owner".into()),
                ..AccountInput::default()
            },
        )
        .unwrap();
    desk.at("2026-12-07T11:00")
        .edit_account(
            acme_on_desk,
            &AccountInput {
                note: Some("desk's note".into()),
                phones: Some(vec!["13800138001".into()]),
                ..AccountInput::default()
            },
        )
        .unwrap();
    desk.at("2026-12-07T11:05").log_touch(&call(acme_on_desk, "visited, met the owner")).unwrap();
    // The desk syncs first; the laptop's older note then loses on both.
    desk.sync(&server, "2026-12-07T12:00");
    let came = laptop.sync(&server, "2026-12-07T12:05");
    assert_eq!(came.received["desk"].touches, 1, "{came:?}");
    desk.sync(&server, "2026-12-07T12:10");
    let book = laptop.at("2026-12-07T12:15").canonical_book().unwrap();
    assert_same(&book, &desk.at("2026-12-07T12:15").canonical_book().unwrap());
    let acme = book.values().find(|fields| fields["name"] == "Acme Farm").unwrap();
    assert_eq!(acme["note"], "desk's note");
    assert_eq!(acme["title"], "Owner");
    assert_eq!(acme["phones"], serde_json::json!(["13800138001"]));
    assert_eq!(book.keys().filter(|key| key.starts_with("touch ")).count(), 2);
}

#[test]
fn two_referrers_given_on_two_devices_keep_the_earlier_and_note_the_other() {
    let server = MemoryServer::new();
    let laptop = Device::new("laptop");
    let desk = Device::new("desk");
    {
        let app = laptop.at("2026-12-07T09:00");
        for (name, phone) in
            [("Acme Farm", "13800138000"), ("Bao Seeds", "13900139000"), ("Chen Co", "13700137000")]
        {
            app.add_account(&account(name, phone), None).unwrap();
        }
    }
    laptop.sync(&server, "2026-12-07T09:05");
    desk.sync(&server, "2026-12-07T09:06");
    let (acme, chen) = (laptop.id_of("Acme Farm"), laptop.id_of("Chen Co"));
    laptop.at("2026-12-07T10:00").refer(acme, chen, None).unwrap();
    let (bao, chen) = (desk.id_of("Bao Seeds"), desk.id_of("Chen Co"));
    desk.at("2026-12-07T11:00").refer(bao, chen, None).unwrap();
    laptop.sync(&server, "2026-12-07T12:00");
    let desk_report = desk.sync(&server, "2026-12-07T12:01");
    let laptop_report = laptop.sync(&server, "2026-12-07T12:02");
    let expected = Settled::SecondReferrer {
        account: "Chen Co".into(),
        kept: "Acme Farm".into(),
        dropped: "Bao Seeds".into(),
    };
    assert_eq!(desk_report.settled, std::slice::from_ref(&expected));
    assert_eq!(laptop_report.settled, [expected]);
    let book = laptop.at("2026-12-07T12:05").canonical_book().unwrap();
    assert_same(&book, &desk.at("2026-12-07T12:05").canonical_book().unwrap());
    assert_eq!(book.keys().filter(|key| key.starts_with("referral ")).count(), 1);
    let chen = book.values().find(|fields| fields["name"] == "Chen Co").unwrap();
    assert_eq!(chen["note"], "Also named as referrer on another device: Bao Seeds");
}

#[test]
fn a_merge_moves_the_touches_another_device_gets_later() {
    let server = MemoryServer::new();
    let laptop = Device::new("laptop");
    let desk = Device::new("desk");
    desk.sync(&server, "2026-12-07T11:00");
    {
        let app = desk.at("2026-12-07T11:00");
        let first = app.add_account(&account("Acme Farm", "13800138000"), None).unwrap().value.account.id;
        app.add_account(&account("Acme Farm Ltd", "13800138001"), None).unwrap();
        let _ = first;
    }
    desk.sync(&server, "2026-12-07T11:00");
    let (keep, gone) = (desk.id_of("Acme Farm"), desk.id_of("Acme Farm Ltd"));
    {
        let app = desk.at("2026-12-07T11:00");
        app.log_touch(&call(gone, "on the one merged away")).unwrap();
        app.merge_accounts(keep, gone, None, false).unwrap();
        app.log_touch(&call(keep, "after the merge")).unwrap();
    }
    laptop.sync(&server, "2026-12-07T09:00");
    desk.sync(&server, "2026-12-07T11:00");
    laptop.sync(&server, "2026-12-07T09:00");
    assert_same(
        &laptop.at("2026-12-07T12:00").canonical_book().unwrap(),
        &desk.at("2026-12-07T12:00").canonical_book().unwrap(),
    );
}

#[test]
fn two_devices_merging_two_accounts_the_opposite_ways_end_alike_and_leave_no_dangling_record() {
    let server = MemoryServer::new();
    let laptop = Device::new("laptop");
    let desk = Device::new("desk");
    {
        let app = laptop.at("2026-12-07T09:00");
        let acme = app.add_account(&account("Acme Farm", "13800138000"), None).unwrap().value.account.id;
        app.add_account(&account("Acme Farm Ltd", "13800138001"), None).unwrap();
        app.log_touch(&call(acme, "first call")).unwrap();
    }
    laptop.sync(&server, "2026-12-07T09:05");
    desk.sync(&server, "2026-12-07T09:06");
    let (one, other) = (laptop.id_of("Acme Farm"), laptop.id_of("Acme Farm Ltd"));
    laptop.at("2026-12-07T10:00").merge_accounts(one, other, None, false).unwrap();
    let (one, other) = (desk.id_of("Acme Farm"), desk.id_of("Acme Farm Ltd"));
    desk.at("2026-12-07T11:00").merge_accounts(other, one, None, false).unwrap();
    for (device, at) in [(&laptop, "12:00"), (&desk, "12:01"), (&laptop, "12:02")] {
        device.sync(&server, &format!("2026-12-07T{at}"));
    }
    let book = laptop.at("2026-12-07T12:05").canonical_book().unwrap();
    assert_same(&book, &desk.at("2026-12-07T12:05").canonical_book().unwrap());
    // One of the two is kept, the same on both, with everything of both.
    assert_eq!(book.keys().filter(|key| key.starts_with("account ")).count(), 1, "{book:#?}");
    assert_eq!(book.keys().filter(|key| key.starts_with("touch ")).count(), 1, "{book:#?}");
    for device in [&laptop, &desk] {
        let report = device.at("2026-12-07T12:06").doctor().unwrap();
        assert!(report.problems.is_empty(), "{:?}", report.problems);
    }
}
