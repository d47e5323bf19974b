//! The terminal interface in Chinese on the demo book: every screen, form
//! and overlay at 120x35 and 80x24, snapshotted, and every Chinese
//! snapshot scanned for English words the catalogue left untranslated.

mod common;

use std::collections::BTreeSet;

use common::tui::Driver;
use leadline::app::App;
use leadline::app::demo::DemoOptions;
use leadline::clock::{FixedClock, parse_timestamp};
use leadline::config::Config;
use leadline::i18n::Lang;
use leadline::tui::theme::Theme;
use ratatui::crossterm::event::KeyCode;

const SIZES: [(u16, u16); 2] = [(120, 35), (80, 24)];

fn demo(lang: Lang) -> Driver {
    let now = parse_timestamp("2026-11-27T09:00").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let mut config = Config::default();
    config.set_language(lang);
    let app = App::open_at(&store, Box::new(FixedClock(now))).unwrap().with_config(config);
    app.fill_demo(DemoOptions { lang, ..DemoOptions::default() }).unwrap();
    Driver::start(dir, app, now)
}

fn snapshots(f: &mut Driver, name: &str) {
    for (width, height) in SIZES {
        f.resize(width, height);
        let screen = f.draw(width, height, Theme { color: false });
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), screen.backend());
    }
}

#[test]
fn every_screen_in_chinese_at_both_sizes() {
    let mut f = demo(Lang::ZhCn);
    snapshots(&mut f, "today_zh");
    f.key(KeyCode::Enter);
    snapshots(&mut f, "account_zh");
    f.key(KeyCode::Char('c'));
    snapshots(&mut f, "log_form_zh");
    f.key(KeyCode::Esc);
    f.key(KeyCode::Char('e'));
    snapshots(&mut f, "edit_form_zh");
    f.key(KeyCode::Esc);
    for (key, name) in [
        ('2', "pipeline_zh"),
        ('3', "customers_zh"),
        ('5', "referrals_zh"),
        ('6', "review_zh"),
        ('7', "focus_zh"),
    ] {
        f.key(KeyCode::Char(key));
        snapshots(&mut f, name);
    }
    f.key(KeyCode::Char('?'));
    snapshots(&mut f, "help_zh");
}

#[test]
fn today_account_the_log_form_and_focus_in_english_at_both_sizes() {
    let mut f = demo(Lang::En);
    snapshots(&mut f, "today_en");
    f.key(KeyCode::Enter);
    snapshots(&mut f, "account_en");
    f.key(KeyCode::Char('c'));
    snapshots(&mut f, "log_form_en");
    f.key(KeyCode::Esc);
    f.key(KeyCode::Char('7'));
    snapshots(&mut f, "focus_en");
}

/// Words a Chinese screen may show in Latin letters: key names, units,
/// the product's own abbreviations and the demo's Latin names.
const ALLOWED: &[&str] = &[
    "Esc",
    "Enter",
    "Tab",
    "Space",
    "Ctrl",
    "Alt",
    "Shift",
    "PgUp",
    "PgDn",
    "Home",
    "End",
    "Backspace",
    "Del",
    "Up",
    "Down",
    "Left",
    "Right",
    "VIP",
    "MVC",
    "MGC",
    "BZC",
    "ABC",
    "SMS",
    "Leadline",
    "km",
    "kg",
];

/// Runs of two or more Latin letters.
fn latin_words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() >= 2).map(str::to_string).collect()
}

/// The Latin words of a snapshot's screen lines, without the insta header
/// and the "Hidden by multi-width symbols" notes.
fn latin_words(snapshot: &str) -> Vec<String> {
    let body = snapshot.splitn(3, "---").nth(2).unwrap_or_default();
    body.lines()
        .flat_map(|line| {
            latin_words_of(line.split("\" Hidden by multi-width symbols").next().unwrap_or_default())
        })
        .collect()
}

#[test]
fn no_chinese_snapshot_shows_an_english_word() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    // The demo's Latin names and companies are the book's data, not chrome.
    let names: BTreeSet<String> =
        leadline::app::demo::latin_words().into_iter().flat_map(latin_words_of).collect();
    let mut found = Vec::new();
    let mut scanned = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        if !file.contains("_zh") || !file.ends_with(".snap") {
            continue;
        }
        scanned += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        for word in latin_words(&text) {
            // A word cut at a column's edge ("Sunfiel", "Ente") is still the word.
            let cut = |whole: &str| whole.len() > word.len() && whole.starts_with(word.as_str());
            let allowed =
                ALLOWED.iter().any(|a| *a == word || cut(a)) || names.iter().any(|n| *n == word || cut(n));
            if !allowed {
                found.push(format!("{file}: {word}"));
            }
        }
    }
    assert!(scanned >= 20, "the Chinese snapshots are there ({scanned})");
    found.dedup();
    assert!(found.is_empty(), "English words on Chinese screens:\n{}", found.join("\n"));
}
