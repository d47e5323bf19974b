//! Bounded fuzzing, run by `cargo test`: every importer (CSV, vCard, JSON
//! backup) and the store's record decoding get mutated versions of the
//! seed files in `tests/fuzz-corpus` and `tests/fixtures`: bytes flipped,
//! inserted, deleted, repeated or cut. Whatever comes in, nothing panics,
//! every refusal says why, and a file that imports leaves a healthy store.

use std::path::Path;

use chrono::NaiveDate;
use leadline::app::App;
use leadline::app::backup::Backup;
use leadline::app::contacts::{ImportOptions, ImportReport};
use leadline::clock::FixedClock;
use proptest::prelude::*;

fn seeds(kinds: &[&str]) -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut out = Vec::new();
    for dir in [
        root.join("fuzz-corpus/csv"),
        root.join("fuzz-corpus/vcard"),
        root.join("fuzz-corpus/backup"),
        root.join("fixtures"),
    ] {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if kinds.contains(&extension) {
                out.push(std::fs::read(&path).unwrap());
            }
        }
    }
    assert!(!out.is_empty(), "no seeds for {kinds:?}");
    out
}

/// One mutation: where, what, and some bytes to use.
#[derive(Clone, Debug)]
enum Mutation {
    Flip { at: usize, bit: u8 },
    Insert { at: usize, bytes: Vec<u8> },
    Delete { at: usize, len: usize },
    Repeat { at: usize, len: usize, times: usize },
    Cut { at: usize },
}

/// Bytes that mean something to one of the formats.
const SPECIAL: &[&[u8]] = &[
    b"\"",
    b",",
    b";",
    b"\t",
    b"\n",
    b"\r",
    b"\r\n",
    b"=",
    b":",
    b"\\",
    b"\x00",
    b"\xff",
    b"\xe5\xbc",
    b" ::: ",
    b"BEGIN:VCARD\n",
    b"END:VCARD\n",
    b"=\r\n",
    b"{",
    b"}",
    b"[",
    b"]",
    b"\"id\": 18446744073709551615",
    b"\"+262142-12-31\"",
    b"\x1b]52;c;",
    b"\xe2\x80\xae",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    let bytes = prop_oneof![
        proptest::sample::select(SPECIAL).prop_map(|b| b.to_vec()),
        proptest::collection::vec(any::<u8>(), 1..8),
    ];
    prop_oneof![
        (any::<usize>(), 0u8..8).prop_map(|(at, bit)| Mutation::Flip { at, bit }),
        (any::<usize>(), bytes).prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        (any::<usize>(), 1usize..40).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), 1usize..40, 2usize..50).prop_map(|(at, len, times)| Mutation::Repeat {
            at,
            len,
            times
        }),
        any::<usize>().prop_map(|at| Mutation::Cut { at }),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let n = bytes.len().max(1);
        match m {
            Mutation::Flip { at, bit } => {
                if let Some(b) = bytes.get_mut(at % n) {
                    *b ^= 1 << bit;
                }
            }
            Mutation::Insert { at, bytes: more } => {
                let at = at % (bytes.len() + 1);
                bytes.splice(at..at, more.iter().copied());
            }
            Mutation::Delete { at, len } => {
                let at = at % n;
                let end = (at + len).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            Mutation::Repeat { at, len, times } => {
                let at = at % n;
                let end = (at + len).min(bytes.len());
                let piece = bytes[at.min(end)..end].to_vec();
                for _ in 1..*times {
                    bytes.splice(end..end, piece.iter().copied());
                }
            }
            Mutation::Cut { at } => bytes.truncate(at % n),
        }
    }
    bytes
}

fn case() -> impl Strategy<Value = (usize, Vec<Mutation>)> {
    (any::<usize>(), proptest::collection::vec(mutation(), 1..6))
}

fn app(dir: &Path) -> App {
    let now = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap().and_hms_opt(9, 0, 0).unwrap();
    App::open_at(dir, Box::new(FixedClock(now))).unwrap()
}

/// A report that adds up: every contact is imported, a duplicate or
/// rejected with a reason, each on a line of the file.
fn check_report(report: &ImportReport, bytes: &[u8]) -> Result<(), TestCaseError> {
    let lines = bytes.iter().filter(|b| **b == b'\n' || **b == b'\r').count() as u64 + 1;
    for note in report.rejected.iter().chain(&report.duplicates).chain(&report.warnings) {
        prop_assert!(!note.message.is_empty());
        prop_assert!(note.line >= 1 && note.line <= lines, "line {} of {lines}", note.line);
    }
    prop_assert!(report.imported.iter().all(|(_, name)| !name.trim().is_empty()));
    Ok(())
}

fn import_and_check(
    bytes: Vec<u8>,
    import: impl Fn(&App, Vec<u8>, ImportOptions<'_>) -> leadline::app::AppResult<ImportReport>,
) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&dir.path().join("s"));
    let options = ImportOptions { skip_invalid: true, ..ImportOptions::default() };
    match import(&app, bytes.clone(), options) {
        Ok(report) => {
            check_report(&report, &bytes)?;
            let doctor = app.doctor().unwrap();
            prop_assert!(doctor.is_healthy(), "{:?}", doctor.problems);
            let accounts = app.list_accounts(Default::default()).unwrap().0.len();
            prop_assert_eq!(accounts, report.imported.len());
        }
        Err(error) => prop_assert!(!error.to_string().is_empty()),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn csv_import_takes_anything((seed, mutations) in case()) {
        let seeds = seeds(&["csv"]);
        let bytes = mutate(seeds[seed % seeds.len()].clone(), &mutations);
        import_and_check(bytes, |app, bytes, options| app.import_csv(bytes, "fuzz.csv", options))?;
    }

    #[test]
    fn vcard_import_takes_anything((seed, mutations) in case()) {
        let seeds = seeds(&["vcf"]);
        let bytes = mutate(seeds[seed % seeds.len()].clone(), &mutations);
        import_and_check(bytes, |app, bytes, options| app.import_vcards(&bytes, "fuzz.vcf", options))?;
    }

    #[test]
    fn backup_restore_takes_anything((seed, mutations) in case()) {
        let seeds = seeds(&["json"]);
        let bytes = mutate(seeds[seed % seeds.len()].clone(), &mutations);
        let Ok(text) = String::from_utf8(bytes) else { return Ok(()) };
        let backup = match Backup::from_json(&text) {
            Ok(backup) => backup,
            Err(error) => {
                prop_assert!(!error.to_string().is_empty());
                return Ok(());
            }
        };
        let dir = tempfile::tempdir().unwrap();
        let app = app(&dir.path().join("s"));
        match app.import_backup(&backup, "fuzz.json", false) {
            Ok(_) => {
                let doctor = app.doctor().unwrap();
                prop_assert!(doctor.is_healthy(), "{:?}", doctor.problems);
                // What was restored exports and reads back the same.
                let (exported, problems) = app.export_backup().unwrap();
                prop_assert!(problems.is_empty());
                prop_assert_eq!(Backup::from_json(&exported.to_json()).unwrap(), exported);
                app.agenda(7, leadline::app::Words::Every).unwrap();
                app.review_day(app.today()).unwrap();
                app.follow_ups_calendar(leadline::app::Reminder::default()).unwrap();
            }
            Err(error) => prop_assert!(!error.to_string().is_empty()),
        }
    }
}
