//! `leadline contacts sync DIR` (issue 23, point 7): a number or an email
//! added to a card on the phone comes back to its account, a card made
//! there is listed (added with `--add-new`) or, holding an account's
//! number, becomes its card; Leadline wins a conflict and says so. khard
//! (Debian's, installed by `.ci/run`) reads the folder back.

mod common;

use common::Book;
use std::path::{Path, PathBuf};

fn sync(book: &Book, dir: &Path, extra: &[&str]) -> String {
    let mut args = vec!["contacts", "sync", dir.to_str().unwrap()];
    args.extend_from_slice(extra);
    let run = book.run(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    format!("{}{}", run.stdout, run.stderr)
}

/// The card of the account named `name` in the folder.
fn card_of(dir: &Path, name: &str) -> PathBuf {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if std::fs::read_to_string(&path).unwrap().contains(&format!("FN:{name}\r\n")) {
            return path;
        }
    }
    panic!("no card of {name} in {}", dir.display());
}

fn account(book: &Book, name: &str) -> serde_json::Value {
    book.json(&["show", name, "--json"])["account"].clone()
}

#[test]
fn what_the_phone_adds_to_a_card_comes_home_and_a_card_made_there_waits_or_joins_its_account() {
    let book = Book::new();
    book.add(&["张伟", "--phone", "138 0000 1111"]);
    book.add(&["Anna Weber", "--email", "anna@example.com"]);
    book.add(&["Old Farm"]);
    book.run(&["archive", "Old Farm", "--reason", "lost"]).ok();
    let dir = book.path("contacts");
    std::fs::create_dir_all(&dir).unwrap();
    // The phone already has 张伟, under its own name, with his office number.
    std::fs::write(
        dir.join("phone-1.vcf"),
        "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:phone-1\r\nFN:老张\r\nTEL;TYPE=CELL:+86 138-0000-1111\r\nTEL;TYPE=WORK:0536 1234601\r\nEND:VCARD\r\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("phone-2.vcf"),
        "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:phone-2\r\nFN:刘强\r\nTEL:139 5555 6666\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let first = sync(&book, &dir, &[]);
    assert!(first.contains("the card phone-1.vcf made on the phone holds #1 张伟's number"), "{first}");
    assert!(first.contains("from the phone: #1 张伟: 0536 1234601"), "{first}");
    assert!(
        first.contains("new on the phone: phone-2.vcf 刘强 139 5555 6666: not an account yet"),
        "{first}"
    );
    assert!(first.contains("(the first time): 1 account filled in"), "{first}");
    assert_eq!(account(&book, "张伟")["phones"], serde_json::json!(["138 0000 1111", "0536 1234601"]));
    let zhang = std::fs::read_to_string(dir.join("phone-1.vcf")).unwrap();
    assert!(
        zhang.contains("UID:phone-1\r\n") && zhang.contains("FN:张伟\r\n"),
        "Leadline's card under the phone's UID: {zhang}"
    );
    assert!(!std::fs::read_to_string(dir.join("phone-2.vcf")).unwrap().contains("Old Farm"));
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 3, "an archived account has no card there");
    let quiet = sync(&book, &dir, &[]);
    assert!(
        quiet.contains("0 accounts filled in") && quiet.contains("0 cards written, 0 removed"),
        "{quiet}"
    );

    // On the phone, Anna gets a number and a second email.
    let anna = card_of(&dir, "Anna Weber");
    let text = std::fs::read_to_string(&anna).unwrap();
    std::fs::write(
        &anna,
        text.replace("END:VCARD", "TEL:+49 30 1234567\r\nEMAIL:anna.w@example.org\r\nEND:VCARD"),
    )
    .unwrap();
    let out = sync(&book, &dir, &["--add-new"]);
    assert!(
        out.contains("from the phone: #2 Anna Weber: +49 30 1234567, anna.w@example.org (in the note"),
        "{out}"
    );
    assert!(out.contains("new on the phone: phone-2.vcf 刘强 139 5555 6666: added as #4"), "{out}");
    let weber = account(&book, "Anna Weber");
    assert_eq!(weber["phones"], serde_json::json!(["+49 30 1234567"]));
    assert_eq!(weber["note"], "email: anna.w@example.org");
    assert_eq!(account(&book, "刘强")["phones"], serde_json::json!(["139 5555 6666"]));
    assert!(sync(&book, &dir, &[]).contains("0 cards written, 0 removed"));

    // One undoable change: undo takes both back, and the next sync writes
    // the cards as the book has them again.
    book.run(&["undo"]).ok();
    assert_eq!(account(&book, "Anna Weber")["phones"], serde_json::json!([]));
    assert!(book.run(&["show", "刘强"]).code != 0);
    let resent = sync(&book, &dir, &[]);
    assert!(resent.contains("1 card written, 1 removed"), "{resent}");
}

#[test]
fn leadline_wins_a_field_changed_on_both_sides_and_writes_back_a_deleted_card() {
    let book = Book::new();
    book.add(&["张伟", "--phone", "138 0000 1111"]);
    book.add(&["王芳", "--phone", "139 0000 2222"]);
    let dir = book.path("contacts");
    sync(&book, &dir, &[]);
    book.run(&["edit", "张伟", "--phone", "138 0000 1111", "--phone", "0536 7654321"]).ok();
    let zhang = card_of(&dir, "张伟");
    let text = std::fs::read_to_string(&zhang).unwrap();
    std::fs::write(&zhang, text.replace("END:VCARD", "TEL:150 1234 5678\r\nEND:VCARD")).unwrap();
    std::fs::remove_file(card_of(&dir, "王芳")).unwrap();
    let zh = book.run(&["--lang", "zh-CN", "contacts", "sync", dir.to_str().unwrap()]);
    let out = format!("{}{}", zh.stdout, zh.stderr);
    assert!(out.contains("上次同步后这里和手机上都改了：#1 张伟（电话）：保留 Leadline 的并写回"), "{out}");
    assert!(out.contains("手机上删除了：#2 王芳：已写回"), "{out}");
    assert_eq!(account(&book, "张伟")["phones"], serde_json::json!(["138 0000 1111", "0536 7654321"]));
    let written = std::fs::read_to_string(card_of(&dir, "张伟")).unwrap();
    assert!(!written.contains("150") && written.contains("+865367654321"), "{written}");
    card_of(&dir, "王芳");
}

#[test]
fn khard_reads_the_cards_names_anniversary_and_a_note_with_a_tab() {
    if std::process::Command::new("khard").arg("--version").output().is_err() {
        eprintln!("skipped: khard is not installed (.ci/run installs it)");
        return;
    }
    let book = Book::new();
    book.add(&["欧阳娜娜", "--phone", "138 0000 1111", "--note", "首单\t十万"]);
    book.run(&["edit", "欧阳娜娜", "--anniversary", "2019-04-08"]).ok();
    let dir = book.path("contacts");
    sync(&book, &dir, &[]);
    let config = book.path("khard-config/khard");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("khard.conf"),
        format!("[addressbooks]\n[[leadline]]\npath = {}/\n", dir.display()),
    )
    .unwrap();
    let out = std::process::Command::new("khard")
        .args(["show", "--format", "yaml", "欧阳娜娜"])
        .env("XDG_CONFIG_HOME", book.path("khard-config"))
        .env("HOME", book.path(""))
        .output()
        .unwrap();
    let yaml = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{yaml}{}", String::from_utf8_lossy(&out.stderr));
    for line in ["First name: 娜娜", "Last name: 欧阳", "Anniversary: '2019-04-08'", "Note: \"首单\\t十万\""]
    {
        assert!(yaml.lines().any(|l| l.trim() == line), "{line} in {yaml}");
    }
}
