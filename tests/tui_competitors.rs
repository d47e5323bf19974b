//! Competitors in the terminal interface: the Account screen's panel (the
//! notes, the five answers of the one selected), the note's form, the
//! Competitors screen, and Focus's key accounts with no note; snapshotted
//! in both languages at 120x35 and 80x24 on the demo book.

mod common;

use common::tui::Driver;
use leadline::app::App;
use leadline::clock::{FixedClock, parse_timestamp};
use leadline::domain::{AccountId, Grade};
use leadline::i18n::Lang;
use leadline::tui::theme::Theme;
use ratatui::crossterm::event::KeyCode;

const SIZES: [(u16, u16); 2] = [(120, 35), (80, 24)];

fn demo(lang: Lang) -> Driver {
    Driver::demo(lang)
}

fn snapshots(f: &mut Driver, name: &str) {
    for (width, height) in SIZES {
        f.resize(width, height);
        let screen = f.draw(width, height, Theme { color: false });
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), screen.backend());
    }
}

/// Opens the account found by searching `name` (the first hit).
fn open(f: &mut Driver, name: &str) {
    f.key(KeyCode::Char('/'));
    f.type_text(name);
    f.key(KeyCode::Enter);
    assert!(f.screen().contains(name), "{}", f.screen());
}

/// The key account with the most competitor notes: the demo's busiest.
fn fought_over(f: &Driver) -> String {
    let report = f.app.competitor_report().unwrap();
    let mut counts: std::collections::BTreeMap<AccountId, (usize, String)> = Default::default();
    for row in &report.rows {
        for at in &row.accounts {
            counts.entry(at.account).or_insert((0, at.name.clone())).0 += 1;
        }
    }
    counts.into_values().max_by_key(|(count, _)| *count).map(|(_, name)| name).unwrap()
}

fn every_view(lang: Lang, tag: &str) {
    let mut f = demo(lang);
    f.key(KeyCode::Char('7'));
    snapshots(&mut f, &format!("focus_{tag}"));
    let name = fought_over(&f);
    open(&mut f, &name);
    // The first note is selected: its answers show under it.
    snapshots(&mut f, &format!("account_panel_{tag}"));
    f.key(KeyCode::Char('E'));
    snapshots(&mut f, &format!("note_form_{tag}"));
    f.key(KeyCode::Esc);
    f.key(KeyCode::Char('w'));
    snapshots(&mut f, &format!("new_note_form_{tag}"));
    f.key(KeyCode::Esc);
    f.key(KeyCode::Char('8'));
    snapshots(&mut f, &format!("competitors_{tag}"));
}

#[test]
fn the_panel_the_forms_and_the_competitors_screen_in_chinese() {
    every_view(Lang::ZhCn, "zh");
}

#[test]
fn the_panel_the_forms_and_the_competitors_screen_in_english() {
    every_view(Lang::En, "en");
}

fn small_book() -> Driver {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let now = parse_timestamp("2026-11-20T10:00").unwrap();
    let setup = App::open_at(&store, Box::new(FixedClock(now))).unwrap();
    for (name, grade) in [("张薇", Grade::A), ("王芳", Grade::B)] {
        let input =
            leadline::app::AccountInput { name: Some(name.into()), grade: Some(grade), ..Default::default() };
        setup.add_account(&input, None).unwrap();
    }
    drop(setup);
    let app = App::open_at(&store, Box::new(FixedClock(now))).unwrap();
    Driver::start(dir, app, now)
}

#[test]
fn a_note_typed_in_the_form_is_on_the_panel_in_the_competitors_screen_and_undone_with_u() {
    let mut f = small_book();
    open(&mut f, "张薇");
    assert!(f.screen().contains("none noted: w notes who else sells here"), "{}", f.screen());
    f.key(KeyCode::Char('w'));
    f.type_text("Stanley");
    // Competitor, Strength, Offer, Floor.
    for _ in 0..3 {
        f.key(KeyCode::Tab);
    }
    f.type_text("2650 a ton");
    for _ in 0..3 {
        f.key(KeyCode::Tab);
    }
    f.type_text("2,700");
    f.key(KeyCode::Enter);
    assert!(f.status().starts_with("Saved what you know of Stanley at 张薇."), "{}", f.status());
    assert!(f.status().contains("new competitor in the book: Stanley"), "{}", f.status());
    let screen = f.screen();
    assert!(screen.contains("Stanley · 2,700.00 · confirmed 2026-11-20"), "{screen}");
    assert!(screen.contains("  Floor: 2650 a ton"), "the selected note's answers: {screen}");
    // A second note is selected once saved, its answers in view.
    f.key(KeyCode::Char('w'));
    f.type_text("金正大");
    f.key(KeyCode::Tab);
    f.type_text("strong in the county");
    f.key(KeyCode::Enter);
    let selected = f.model.get::<leadline::tui::screens::account::Account>().open.as_ref().unwrap().selected;
    assert_eq!(selected, 1, "the note just added");
    assert!(f.screen().contains("  Strength: strong in the county"), "{}", f.screen());
    f.key(KeyCode::Char('u'));
    f.key(KeyCode::Char('8'));
    let screen = f.screen();
    assert!(screen.contains("Latest floor: 2650 a ton (张薇)"), "{screen}");
    assert!(screen.contains("Lowest price: 2,700.00 (张薇)"), "{screen}");

    // An answer changed in the form, then the note deleted; undo brings it back.
    open(&mut f, "张薇");
    f.key(KeyCode::Char('E'));
    f.key(KeyCode::Tab);
    f.type_text("national brand");
    f.key(KeyCode::Enter);
    let note = &f.app.account_detail(AccountId(1)).unwrap().record.account.competitor_notes[0];
    assert_eq!(note.strength.as_deref(), Some("national brand"));
    assert_eq!(note.floor.as_deref(), Some("2650 a ton"), "what was not changed stays");
    f.key(KeyCode::Char('D'));
    assert!(f.screen().contains("Delete the note on Stanley"), "{}", f.screen());
    f.key(KeyCode::Char('y'));
    assert!(f.app.account_detail(AccountId(1)).unwrap().record.account.competitor_notes.is_empty());
    f.key(KeyCode::Char('u'));
    let notes = f.app.account_detail(AccountId(1)).unwrap().record.account.competitor_notes;
    assert_eq!(notes.len(), 1, "undo brought the note back");
    assert!(f.screen().contains("Stanley"), "{}", f.screen());
}

#[test]
fn a_declined_call_asks_who_won_and_the_competitor_is_noted_with_the_loss() {
    let mut f = small_book();
    open(&mut f, "王芳");
    f.key(KeyCode::Char('c'));
    // Note, Lesson, When, then the outcomes' row.
    for _ in 0..3 {
        f.key(KeyCode::Tab);
    }
    f.key(KeyCode::Char('d'));
    assert!(f.screen().contains("Lost to"), "{}", f.screen());
    f.type_text("金正大");
    f.key(KeyCode::Enter);
    // A declined prospect: the form asks to lower the grade first.
    f.key(KeyCode::Char('n'));
    assert!(f.status().contains("lost to 金正大"), "{}", f.status());
    let detail = f.app.account_detail(AccountId(2)).unwrap();
    let touch = &detail.touches[0];
    assert_eq!(detail.competitors.name_of(touch.lost_to.unwrap()), Some("金正大"));
    assert_eq!(detail.record.account.competitor_notes.len(), 1, "who won sells there now");
    let report = f.app.competitor_report().unwrap();
    assert_eq!(report.rows[0].lost.len(), 1);
}
