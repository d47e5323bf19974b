//! Convergence (issue 24, point 2), as a property: two or three devices
//! make random changes offline (accounts added, the same fields edited on
//! several, touches, orders, removals, undo, merges) and sync in a random
//! order; after every device has synced twice more, all hold the same book,
//! every touch and order a device reported saved reached the server, and
//! none the server holds is missing unless a device removed it.

use std::collections::{BTreeMap, BTreeSet};

use leadline::app::sync::MemoryServer;
use leadline::app::{AccountInput, App, ListFilter, OrderInput, TouchInput};
use leadline::clock::{FixedClock, parse_timestamp};
use leadline::domain::{AccountId, Direction, Money, Purpose, TouchId, TouchKind};
use proptest::prelude::*;

/// How often a step is a merge (0 leaves them out, to tell their part).
const MERGE_WEIGHT: u32 = 1;
const DEVICES: [&str; 3] = ["laptop", "desk", "phone"];

#[derive(Clone, Debug)]
enum Step {
    Add(usize),
    Edit { account: usize, field: usize, value: usize },
    Touch(usize),
    Order(usize),
    RemoveTouch(usize),
    Undo,
    Merge(usize, usize),
    Sync,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        2 => (0..4usize).prop_map(Step::Add),
        4 => (0..8usize, 0..3usize, 0..3usize).prop_map(|(account, field, value)| Step::Edit { account, field, value }),
        3 => (0..8usize).prop_map(Step::Touch),
        2 => (0..8usize).prop_map(Step::Order),
        1 => (0..8usize).prop_map(Step::RemoveTouch),
        1 => Just(Step::Undo),
        MERGE_WEIGHT => (0..8usize, 0..8usize).prop_map(|(a, b)| Step::Merge(a, b)),
        3 => Just(Step::Sync),
    ]
}

struct Device {
    _dir: tempfile::TempDir,
    app: App,
    name: &'static str,
    /// Touches this device logged, still there as far as it knows.
    touches: Vec<(TouchId, String)>,
    added: usize,
    /// The changes `undo` can take back, newest last, each with the touch
    /// or order it made.
    undoable: Vec<(u64, Option<String>)>,
    /// The touch or order the step just made.
    made: Option<String>,
    /// The newest change looked at.
    seen: u64,
}

impl Device {
    fn new(index: usize) -> Device {
        let dir = tempfile::tempdir().unwrap();
        // Each device's wall clock differs: the hybrid clock must order them.
        let at = parse_timestamp(&format!("2026-12-07T{:02}:00", 9 + index * 2)).unwrap();
        let app = App::open_at(&dir.path().join("store"), Box::new(FixedClock(at))).unwrap();
        Device {
            _dir: dir,
            app,
            name: DEVICES[index],
            touches: Vec::new(),
            added: 0,
            undoable: Vec::new(),
            made: None,
            seen: 0,
        }
    }

    /// The accounts this device holds, by name (the same order on every
    /// device).
    fn accounts(&self) -> Vec<AccountId> {
        let filter = ListFilter { include_archived: true, ..ListFilter::default() };
        let (mut rows, _) = self.app.list_accounts(filter).unwrap();
        rows.sort_by(|a, b| a.name.cmp(&b.name));
        rows.into_iter().map(|row| row.id).collect()
    }

    fn sync(&mut self, server: &MemoryServer) {
        self.app.sync_with(&mut server.clone(), "book", self.name).unwrap();
        self.note_changes();
    }

    fn act(&mut self, step: &Step, logged: &mut BTreeSet<String>) {
        let accounts = self.accounts();
        self.step(step, logged, &accounts);
        self.note_changes();
    }

    /// Notes the changes made since the last look (a sync's pages too), the
    /// newest with what the step made.
    fn note_changes(&mut self) {
        let seen = self.seen;
        let mut new: Vec<u64> = self
            .app
            .history(200)
            .unwrap()
            .into_iter()
            .filter(|entry| entry.seq > seen)
            .inspect(|entry| self.seen = self.seen.max(entry.seq))
            .filter(|entry| entry.undo_of.is_none())
            .map(|entry| entry.seq)
            .collect();
        new.sort_unstable();
        let made = self.made.take();
        let count = new.len();
        for (index, seq) in new.into_iter().enumerate() {
            self.undoable.push((seq, if index + 1 == count { made.clone() } else { None }));
        }
    }

    fn step(&mut self, step: &Step, logged: &mut BTreeSet<String>, accounts: &[AccountId]) {
        let pick = |n: usize| accounts.get(n % accounts.len().max(1)).copied();
        match step {
            Step::Add(n) => {
                self.added += 1;
                let name = format!("{} {} {n}", self.name, self.added);
                let input = AccountInput { name: Some(name), ..AccountInput::default() };
                self.app.add_account(&input, None).unwrap();
            }
            Step::Edit { account, field, value } => {
                let Some(id) = pick(*account) else { return };
                let text = format!("{} says {value}", self.name);
                let input = match field {
                    0 => AccountInput { note: Some(text), ..AccountInput::default() },
                    1 => AccountInput { title: Some(text), ..AccountInput::default() },
                    _ => AccountInput { company: Some(text), ..AccountInput::default() },
                };
                self.app.edit_account(id, &input).unwrap();
            }
            Step::Touch(account) => {
                let Some(id) = pick(*account) else { return };
                let logged_touch = self.app.log_touch(&call(id)).unwrap().value.touch;
                let detail = self.app.account_detail(id).unwrap();
                let saved = detail.touches.iter().find(|t| t.id == logged_touch.id).unwrap();
                logged.insert(saved.uid.to_string());
                self.touches.push((logged_touch.id, saved.uid.to_string()));
                self.made = Some(saved.uid.to_string());
            }
            Step::Order(account) => {
                let Some(id) = pick(*account) else { return };
                let input = OrderInput { account: id, amount: Money(120_000), at: None, note: String::new() };
                let order = self.app.record_order(&input).unwrap().value.order;
                let detail = self.app.account_detail(id).unwrap();
                let saved = detail.orders.iter().find(|o| o.id == order.id).unwrap();
                logged.insert(saved.uid.to_string());
                self.made = Some(saved.uid.to_string());
            }
            Step::RemoveTouch(n) => {
                if self.touches.is_empty() {
                    return;
                }
                let (id, uid) = self.touches.remove(n % self.touches.len());
                // Gone already when another device removed its account.
                if self.app.remove_touch(id).is_ok() {
                    logged.remove(&uid);
                }
            }
            Step::Undo => {
                if self.app.undo().is_ok() {
                    if let Some((_, Some(uid))) = self.undoable.pop() {
                        logged.remove(&uid);
                    }
                }
            }
            Step::Merge(a, b) => {
                let (Some(one), Some(other)) = (pick(*a), pick(*b)) else { return };
                if one == other {
                    return;
                }
                // Either way: two devices may merge a pair the opposite ways.
                let (keep, gone) = (one, other);
                let _ = self.app.merge_accounts(keep, gone, None, false);
            }
            Step::Sync => unreachable!("the test syncs"),
        }
    }
}

fn call(account: AccountId) -> TouchInput {
    TouchInput {
        account,
        kind: TouchKind::Call,
        direction: Direction::Outbound,
        outcome: None,
        note: "called".into(),
        lesson: String::new(),
        at: None,
        next: None,
        purpose: Purpose::Ordinary,
        amount: None,
        lower_grade: false,
        lost_to: None,
    }
}

/// Touches and orders the server holds as made and never removed, on
/// accounts never removed nor merged away: these every device must hold.
fn expected_on_every_device(server: &MemoryServer) -> BTreeSet<String> {
    let mut made: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut removed = BTreeSet::new();
    for (_, operations) in server.changes() {
        for op in operations.as_array().unwrap() {
            let key = op["key"].as_str().unwrap().to_string();
            match (op["op"].as_str(), op["kind"].as_str()) {
                (Some("remove"), _) => {
                    removed.insert(key);
                }
                (Some("set"), Some("touch" | "order")) => {
                    let accounts = made.entry(key).or_default();
                    accounts.extend(op["fields"]["account"].as_str().map(str::to_string));
                }
                _ => {}
            }
        }
    }
    made.into_iter()
        .filter(|(key, accounts)| !removed.contains(key) && accounts.iter().all(|a| !removed.contains(a)))
        .map(|(key, _)| key)
        .collect()
}

fn converge(devices: usize, plan: Vec<(usize, Step)>) -> Result<(), TestCaseError> {
    let server = MemoryServer::new();
    let mut devices: Vec<Device> = (0..devices).map(Device::new).collect();
    let mut logged = BTreeSet::new();
    for (who, step) in &plan {
        let count = devices.len();
        let device = &mut devices[who % count];
        match step {
            Step::Sync => device.sync(&server),
            step => device.act(step, &mut logged),
        }
    }
    for _ in 0..2 {
        for device in devices.iter_mut() {
            device.sync(&server);
        }
    }
    let books: Vec<_> = devices.iter().map(|d| d.app.canonical_book().unwrap()).collect();
    for (device, book) in devices.iter().zip(&books).skip(1) {
        let differ: Vec<String> = book
            .keys()
            .chain(books[0].keys())
            .filter(|key| book.get(*key) != books[0].get(*key))
            .map(|key| format!("{key}:\n  {:?}\n  {:?}", book.get(key), books[0].get(key)))
            .collect();
        prop_assert!(
            differ.is_empty(),
            "{} and {} differ:\n{}",
            device.name,
            devices[0].name,
            differ.join("\n")
        );
    }
    // Nothing a device reported saved was lost on the way to the server.
    let on_server: BTreeSet<String> = server
        .changes()
        .iter()
        .flat_map(|(_, ops)| {
            ops.as_array()
                .unwrap()
                .iter()
                .map(|op| op["key"].as_str().unwrap().to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    for uid in &logged {
        prop_assert!(on_server.contains(uid), "{uid} never reached the server");
    }
    // Nothing the server holds is missing but what a device removed.
    for uid in expected_on_every_device(&server) {
        let kind_key = |kind: &str| format!("{kind} {uid}");
        prop_assert!(
            books[0].contains_key(&kind_key("touch")) || books[0].contains_key(&kind_key("order")),
            "{uid} is missing"
        );
    }
    // No record twice: every touch's global id once (keys are unique), and
    // one account per name.
    let names: Vec<&str> = books[0]
        .iter()
        .filter(|(k, _)| k.starts_with("account "))
        .map(|(_, f)| f["name"].as_str().unwrap())
        .collect();
    let distinct: BTreeSet<&&str> = names.iter().collect();
    prop_assert_eq!(names.len(), distinct.len());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn two_devices_converge(plan in prop::collection::vec((0..2usize, step()), 1..40)) {
        converge(2, plan)?;
    }

    #[test]
    fn three_devices_converge(plan in prop::collection::vec((0..3usize, step()), 1..40)) {
        converge(3, plan)?;
    }
}
