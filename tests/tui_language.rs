//! The terminal interface in Chinese on the demo book: every screen, form
//! and overlay at 120x35 and 80x24, snapshotted (tests/language_scan.rs
//! scans every Chinese screen for English words).

mod common;

use common::tui::Driver;
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

#[test]
fn the_status_bar_keeps_room_at_its_right_for_where_sync_stands() {
    use leadline::tui::model::Status;
    use leadline::tui::sync::Badge;
    let mut driver = Driver::demo(Lang::ZhCn);
    driver.model.status = Some(Status {
        text: "已保存与张伟的电话（接通），下一步 12-04。另外把跟进 #2 移到 2026-12-04：同一个承诺".into(),
        error: false,
    });
    driver.model.sync = Some(Badge { text: "离线 · 2 项待发送".into(), error: false });
    let screen = driver.draw(80, 24, Theme { color: false }).backend().to_string();
    let row = screen.lines().nth(22).unwrap();
    // The row as drawn, without what the backend adds of the wide symbols.
    let status_line = row.split(" Hidden by").next().unwrap().trim_matches('"');
    assert!(status_line.ends_with("离线 · 2 项待发送"), "{status_line}");
    assert!(status_line.contains("已保存与张伟的电话") && status_line.contains('…'), "{status_line}");
    insta::assert_snapshot!("status_bar_with_sync_badge_zh_80x24", status_line);
}
