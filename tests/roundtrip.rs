//! Export -> import -> export gives identical output, over generated books.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use leadline::app::App;
use leadline::app::backup::Backup;
use leadline::clock::FixedClock;
use leadline::domain::contact::{clean_note, clean_text};
use leadline::domain::*;
use proptest::prelude::*;

fn moment() -> impl Strategy<Value = NaiveDateTime> {
    (0i64..800 * 86_400).prop_map(|seconds| {
        let base = NaiveDate::from_ymd_opt(2024, 9, 1).unwrap().and_time(NaiveTime::MIN);
        base + chrono::Duration::seconds(seconds)
    })
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z ]{1,12}",
        "[张伟王芳李娜绿源农资有限公司]{1,8}",
        "\\PC{0,20}",
        Just("\"q\", ; \n \\ ".to_string())
    ]
}

/// One-line text as the store keeps it (cleaning it again changes nothing).
fn line() -> impl Strategy<Value = String> {
    text().prop_map(|t| clean_text(&t))
}

/// A note as the store keeps it.
fn note() -> impl Strategy<Value = String> {
    text().prop_map(|t| clean_note(&t))
}

fn name() -> impl Strategy<Value = String> {
    line().prop_map(|t| if t.is_empty() { "N".into() } else { t })
}

fn pick<T: Clone + std::fmt::Debug + 'static>(items: &'static [T]) -> impl Strategy<Value = T> {
    proptest::sample::select(items)
}

fn stage() -> impl Strategy<Value = Stage> {
    prop_oneof![
        pick(Grade::ALL).prop_map(|grade| Stage::Prospect { grade }),
        (pick(Tier::ALL), any::<bool>())
            .prop_map(|(tier, tier_pinned)| Stage::Customer { tier, tier_pinned }),
    ]
}

fn account() -> impl Strategy<Value = Account> {
    (
        (
            name(),
            proptest::option::of(line().prop_filter("blank", |t| !t.is_empty())),
            proptest::collection::btree_set("\\+?[0-9]{3,6}( [0-9]{2,6})?", 0..3),
        ),
        (
            proptest::option::of("[a-z]{1,8}@[a-z]{1,8}\\.cn"),
            proptest::collection::btree_set("[a-z农场]{1,6}", 0..3),
        ),
        (
            proptest::option::of(note().prop_filter("blank", |t| !t.is_empty())),
            proptest::option::of(1i64..10_000_000_000),
        ),
        (
            stage(),
            proptest::option::of((pick(ArchiveReason::ALL), moment())),
            moment(),
            proptest::option::of(moment()),
        ),
    )
        .prop_map(
            |(
                (name, company, phones),
                (email, tags),
                (note, potential),
                (stage, archived, created_at, converted_at),
            )| {
                let phones: Vec<String> = phones.into_iter().collect();
                let wrong: Vec<String> =
                    phones.first().filter(|_| archived.is_some()).cloned().into_iter().collect();
                Account {
                    id: AccountId(0),
                    uid: Uid::NIL,
                    name,
                    family_name: None,
                    company,
                    title: None,
                    phones_e164: leadline::domain::phone::e164_list(&phones, Default::default()),
                    phones,
                    email,
                    address: None,
                    tags: tags.into_iter().collect(),
                    source: None,
                    note,
                    competitor_notes: Vec::new(),
                    legacy_competitors: None,
                    potential: potential.map(|p: i64| Money(p.into())),
                    stage,
                    archived: archived.map(|(reason, at)| Archived { reason, at, lost_to: None }),
                    created_at,
                    // From the creation time, so that it varies with the case.
                    birthday: MonthDay::parse(&created_at.format("%m-%d").to_string()).ok(),
                    contacted_elsewhere: None,
                    anniversary: converted_at.map(|t| t.date() + chrono::Duration::days(3)),
                    converted_at,
                    // A wrong number now and then: the first phone of an
                    // archived account.
                    unreachable_phones: wrong,
                }
            },
        )
}

fn book() -> impl Strategy<Value = Backup> {
    proptest::collection::vec(account(), 1..8).prop_flat_map(|accounts| {
        let n = accounts.len();
        let touch = (
            0..n,
            pick(TouchKind::ALL),
            moment(),
            any::<bool>(),
            proptest::option::of(pick(Outcome::ALL)),
            note(),
        );
        let order = (0..n, 1i64..1_000_000_000, moment(), note());
        let follow_up = (
            (0..n, moment(), proptest::option::of((0u32..24, 0u32..60)), pick(TouchKind::ALL)),
            (pick(FollowUpReason::ALL), note(), pick(FollowUpStatus::ALL), 0u32..9, moment()),
        );
        let incentive = proptest::option::of(line().prop_filter("blank", |t| !t.is_empty()));
        let referral = (0..n, 0..n, moment(), incentive, pick(IncentiveStatus::ALL));
        (
            Just(accounts),
            proptest::collection::vec(touch, 0..20),
            proptest::collection::vec(order, 0..8),
            proptest::collection::vec(follow_up, 0..8),
            proptest::collection::vec(referral, 0..4),
        )
            .prop_map(|(accounts, touches, orders, follow_ups, referrals)| {
                let id = |i: usize| AccountId(i as u64 + 1);
                let mut book = Backup::new();
                book.accounts =
                    accounts.into_iter().enumerate().map(|(i, a)| Account { id: id(i), ..a }).collect();
                book.touches = touches
                    .into_iter()
                    .enumerate()
                    .map(|(i, (a, kind, at, inbound, outcome, note))| Touch {
                        id: TouchId(i as u64 + 1),
                        uid: Uid::NIL,
                        account: id(a),
                        kind,
                        at,
                        direction: if inbound { Direction::Inbound } else { Direction::Outbound },
                        outcome,
                        note,
                        lesson: String::new(),
                        purpose: leadline::domain::Purpose::ALL[i % leadline::domain::Purpose::ALL.len()],
                        lost_to: None,
                    })
                    .collect();
                book.orders = orders
                    .into_iter()
                    .enumerate()
                    .map(|(i, (a, amount, at, note))| Order {
                        id: OrderId(i as u64 + 10),
                        uid: Uid::NIL,
                        account: id(a),
                        amount: Money(amount.into()),
                        at,
                        note,
                    })
                    .collect();
                book.follow_ups = follow_ups
                    .into_iter()
                    .enumerate()
                    .map(|(i, ((a, due, time, kind), (reason, note, status, snoozes, created_at)))| {
                        FollowUp {
                            id: FollowUpId(i as u64 + 100),
                            uid: Uid::NIL,
                            account: id(a),
                            due: due.date(),
                            due_time: time.and_then(|(h, m)| NaiveTime::from_hms_opt(h, m, 0)),
                            kind,
                            reason,
                            note,
                            status,
                            snoozes,
                            snoozed_at: vec![created_at; snoozes.min(4) as usize],
                            referral: None,
                            from_outcome: (snoozes % 2 == 0).then_some(Outcome::QuoteSent),
                            attempts: snoozes % 3,
                            attempted_at: vec![created_at; (snoozes % 3) as usize],
                            rescheduled_at: Vec::new(),
                            created_at,
                            closed_at: (!status.is_pending()).then_some(created_at),
                        }
                    })
                    .collect();
                // Referrals as a book holds them: one referrer per account,
                // none of itself, none going round (the referrer the older).
                let mut referred = std::collections::HashSet::new();
                book.referrals = referrals
                    .into_iter()
                    .map(|(a, b, at, incentive, incentive_status)| {
                        let (a, b) = (id(a), id(b));
                        (a.min(b), a.max(b), at, incentive, incentive_status)
                    })
                    .filter(|(a, b, ..)| a != b && referred.insert(*b))
                    .enumerate()
                    .map(|(i, (a, b, at, incentive, incentive_status))| Referral {
                        id: ReferralId(i as u64 + 1),
                        uid: Uid::NIL,
                        referrer: a,
                        referee: b,
                        at,
                        incentive,
                        incentive_status,
                        delivered_at: None,
                    })
                    .collect();
                give_uids(&mut book);
                book
            })
    })
}

/// Every record with a global id of its own, as every stored record has.
fn give_uids(book: &mut Backup) {
    let mut count = 0u64;
    let mut uid = |at: NaiveDateTime| {
        count += 1;
        let mut random = [0u8; 10];
        random[..8].copy_from_slice(&count.to_le_bytes());
        Uid::v7(at, random)
    };
    book.accounts.iter_mut().for_each(|r| r.uid = uid(r.created_at));
    book.touches.iter_mut().for_each(|r| r.uid = uid(r.at));
    book.orders.iter_mut().for_each(|r| r.uid = uid(r.at));
    book.follow_ups.iter_mut().for_each(|r| r.uid = uid(r.created_at));
    book.referrals.iter_mut().for_each(|r| r.uid = uid(r.at));
}

fn app(dir: &std::path::Path) -> App {
    let now = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap().and_hms_opt(9, 0, 0).unwrap();
    App::open_at(dir, Box::new(FixedClock(now))).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn export_import_export_is_identical(book in book()) {
        let dirs = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let first = app(&dirs.0.path().join("s"));
        first.import_backup(&book, "generated", false).unwrap();
        let (exported, problems) = first.export_backup().unwrap();
        prop_assert!(problems.is_empty());
        let mut canonical = book.clone();
        canonical.canonicalize();
        prop_assert_eq!(&exported, &canonical);

        let text = exported.to_json();
        let second = app(&dirs.1.path().join("s"));
        second.import_backup(&Backup::from_json(&text).unwrap(), "exported", false).unwrap();
        let (again, _) = second.export_backup().unwrap();
        prop_assert_eq!(again.to_json(), text);
        prop_assert!(second.doctor().unwrap().is_healthy());
    }
}
