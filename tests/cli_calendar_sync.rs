//! `leadline calendar sync DIR` (issue 23, point 6): what the rep did to an
//! event on the phone comes home through the vdir vdirsyncer keeps in step
//! with the phone's calendar, and the folder then gets the book.

mod common;

use common::Book;
use std::path::{Path, PathBuf};

/// 张伟 (call on 12-01), 王芳 (call on 12-02 at 14:00) and 李娜 with no
/// follow-up, synced once into `cal`.
fn synced_book() -> (Book, PathBuf) {
    let book = Book::new();
    book.add(&["张伟", "--phone", "138 0000 1111"]);
    book.add(&["王芳"]);
    book.add(&["李娜", "--phone", "139 2222 3333"]);
    book.add(&["张伟民"]);
    book.run(&["follow-up", "张伟", "--on", "2026-12-01"]).ok();
    book.run(&["follow-up", "王芳", "--on", "2026-12-02 14:00"]).ok();
    let dir = book.path("cal");
    let first = sync(&book, &dir);
    assert!(first.contains("(the first time") && first.contains("2 files written"), "{first}");
    (book, dir)
}

fn sync(book: &Book, dir: &Path) -> String {
    let run = book.run(&["calendar", "sync", dir.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    format!("{}{}", run.stdout, run.stderr)
}

fn file(dir: &Path, id: u64) -> PathBuf {
    dir.join(format!("follow-up-{id}@leadline.ics"))
}

/// An event made on the phone, as a phone's calendar writes one.
fn phone_event(dir: &Path, uid: &str, start: &str, title: &str) {
    let text = format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Phone//EN\r\nBEGIN:VEVENT\r\nUID:{uid}\r\n\
         DTSTAMP:20261127T100000Z\r\n{start}\r\nSUMMARY:{title}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    );
    std::fs::write(dir.join(format!("{uid}.ics")), text).unwrap();
}

fn follow_up(book: &Book, id: u64) -> serde_json::Value {
    let all = book.json(&["export"]);
    all["follow_ups"].as_array().unwrap().iter().find(|f| f["id"] == id).cloned().unwrap()
}

#[test]
fn a_move_a_deletion_and_a_new_event_on_the_phone_come_home_as_one_undoable_change() {
    let (book, dir) = synced_book();
    let quiet = sync(&book, &dir);
    assert!(quiet.contains("nothing changed on the phone; 0 files written, 0 removed"), "{quiet}");

    // On the phone: 张伟's call moves to 12-04, 王芳's is deleted, and two
    // events are made, one with 李娜's number in its title (in Shanghai's
    // zone), one naming no one.
    let moved = std::fs::read_to_string(file(&dir, 1)).unwrap();
    let moved = moved
        .replace("DTSTART;VALUE=DATE:20261201", "DTSTART;VALUE=DATE:20261204")
        .replace("DTEND;VALUE=DATE:20261202", "DTEND;VALUE=DATE:20261205");
    std::fs::write(file(&dir, 1), moved).unwrap();
    std::fs::remove_file(file(&dir, 2)).unwrap();
    phone_event(
        &dir,
        "phone-1",
        "DTSTART;TZID=Asia/Shanghai:20261205T100000",
        "Call 139 2222 3333 about seed",
    );
    phone_event(&dir, "phone-2", "DTSTART;VALUE=DATE:20261206", "Dentist");

    let before = book.snapshot();
    let dry = book.run(&["calendar", "sync", dir.to_str().unwrap(), "--dry-run"]);
    assert!(
        dry.stdout.contains("Would sync") && dry.stdout.contains("3 changes from the phone"),
        "{}",
        dry.stdout
    );
    assert_eq!(book.snapshot(), before, "a dry run changes nothing");

    let out = sync(&book, &dir);
    assert!(out.contains("moved on the phone: #1 张伟, 2026-12-01 → 2026-12-04"), "{out}");
    assert!(out.contains("done on the phone (its event deleted or cancelled there): #2 王芳"), "{out}");
    assert!(
        out.contains("made on the phone: #3 李娜 on 2026-12-05 02:00"),
        "10:00 in Shanghai is 02:00 UTC: {out}"
    );
    assert!(out.contains("not a follow-up: phone-2.ics “Dentist” names no account"), "{out}");
    assert!(out.contains("3 changes from the phone (one change of the book"), "{out}");
    assert_eq!(follow_up(&book, 1)["due"], "2026-12-04");
    assert_eq!(follow_up(&book, 1)["snoozes"], 0, "a reschedule, not a snooze");
    assert_eq!(follow_up(&book, 2)["status"], "done");
    assert_eq!(follow_up(&book, 3)["account"], 3);
    // The phone's event is now Leadline's follow-up, under the phone's UID.
    let adopted = std::fs::read_to_string(dir.join("phone-1.ics")).unwrap();
    assert!(adopted.contains("UID:phone-1") && adopted.contains("X-LEADLINE-UID"), "{adopted}");
    assert!(!dir.join("follow-up-3@leadline.ics").exists(), "one event per follow-up");
    let again = sync(&book, &dir);
    assert!(again.contains("nothing changed on the phone; 0 files written, 0 removed"), "{again}");

    // Undo takes the phone's changes back; the next sync sends the book.
    book.run(&["undo"]).ok();
    assert_eq!(follow_up(&book, 1)["due"], "2026-12-01");
    let resent = sync(&book, &dir);
    assert!(resent.contains("nothing changed on the phone; 2 files written, 1 removed"), "{resent}");
    assert!(std::fs::read_to_string(file(&dir, 1)).unwrap().contains("DTSTART;VALUE=DATE:20261201"));
    assert!(file(&dir, 2).exists() && !dir.join("phone-1.ics").exists());
    assert!(dir.join("phone-2.ics").exists(), "an event that is no follow-up is left alone");
}

#[test]
fn a_change_made_here_and_on_the_phone_keeps_leadline_s_and_says_so() {
    let (book, dir) = synced_book();
    book.run(&["amend", "follow-up", "1", "--on", "2026-12-03"]).ok();
    let text = std::fs::read_to_string(file(&dir, 1)).unwrap();
    std::fs::write(file(&dir, 1), text.replace("DTSTART;VALUE=DATE:20261201", "DTSTART;VALUE=DATE:20261209"))
        .unwrap();
    // A cancellation on the phone of the other one, unchanged here: done.
    let text = std::fs::read_to_string(file(&dir, 2)).unwrap();
    std::fs::write(file(&dir, 2), text.replace("SEQUENCE:0", "SEQUENCE:1\r\nSTATUS:CANCELLED")).unwrap();
    let out = sync(&book, &dir);
    assert!(
        out.contains(
            "changed here and on the phone since the last sync: #1 张伟: Leadline's follow-up is kept"
        ),
        "{out}"
    );
    assert!(out.contains("1 change from the phone") && out.contains("1 conflict"), "{out}");
    assert_eq!(follow_up(&book, 1)["due"], "2026-12-03");
    assert_eq!(follow_up(&book, 2)["status"], "done");
    assert!(std::fs::read_to_string(file(&dir, 1)).unwrap().contains("DTSTART;VALUE=DATE:20261203"));
    assert!(!file(&dir, 2).exists(), "a done follow-up leaves the folder");
}

#[test]
fn a_later_day_is_a_snooze_when_the_settings_say_so_and_a_title_naming_two_is_listed() {
    let (book, dir) = synced_book();
    book.configure("[calendar]\nlater_is_snooze = true\n");
    let text = std::fs::read_to_string(file(&dir, 2)).unwrap();
    let text =
        text.replace("20261202T140000Z", "20261205T090000Z").replace("20261202T143000Z", "20261205T093000Z");
    std::fs::write(file(&dir, 2), text).unwrap();
    phone_event(&dir, "phone-3", "DTSTART;VALUE=DATE:20261207", "见张伟和王芳");
    phone_event(&dir, "phone-4", "DTSTART;VALUE=DATE:20261208", "拜访张伟民");
    let zh = book.run(&["--lang", "zh-CN", "calendar", "sync", dir.to_str().unwrap()]);
    let out = format!("{}{}", zh.stdout, zh.stderr);
    assert!(
        out.contains("手机上改了时间：#2 王芳，2026-12-02 14:00 → 2026-12-05 09:00（算作推迟）"),
        "{out}"
    );
    assert!(out.contains("没有变成跟进：phone-3.ics“见张伟和王芳”可能是 张伟、王芳"), "{out}");
    assert!(out.contains("手机上新建：#3 张伟民"), "the longest name, not 张伟 in it: {out}");
    assert_eq!(follow_up(&book, 2)["snoozes"], 1);
}
