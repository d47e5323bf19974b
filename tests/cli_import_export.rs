//! Backups, CSV contacts and the demo book through the binary.

mod common;

use common::{Book, fixture};

fn names(book: &Book) -> Vec<String> {
    let mut names: Vec<String> = book
        .json(&["list", "--all", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap().to_string())
        .collect();
    names.sort();
    names
}

#[test]
fn export_import_export_gives_the_same_bytes() {
    let book = Book::new();
    book.run(&["demo", "--accounts", "60", "--seed", "3"]).ok();
    book.run(&["log", "call", "1", "--note", "引号 \"quoted\", comma\nnew line", "--next", "+2d"]).ok();
    let file = book.path("backup.json");
    book.run(&["export", "-o", file.to_str().unwrap()]).ok();
    let first = std::fs::read_to_string(&file).unwrap();
    assert_eq!(first, book.snapshot(), "export to a file and to stdout agree");

    let copy = Book::new();
    let out = copy.run(&["import", file.to_str().unwrap()]).ok();
    assert!(out.starts_with("Restored 60 accounts"), "{out}");
    assert_eq!(copy.snapshot(), first);
    assert_eq!(copy.json(&["today", "--json"]), book.json(&["today", "--json"]));
    assert_eq!(copy.json(&["list", "--all", "--json"]), book.json(&["list", "--all", "--json"]));
    assert!(copy.run(&["doctor"]).ok().contains("all good"));
}

#[test]
fn a_backup_only_restores_into_an_empty_store() {
    let book = Book::new();
    book.add(&["张伟"]);
    let file = book.path("backup.json");
    book.run(&["export", "-o", file.to_str().unwrap()]).ok();
    let before = book.snapshot();
    let error = book.run(&["import", file.to_str().unwrap()]).fails(1);
    assert!(error.contains("already holds accounts"), "{error}");
    std::fs::write(
        book.path("broken.json"),
        "{\"format\": \"leadline-backup\", \"version\": 1, \"accounts\": [",
    )
    .unwrap();
    let error = book.run(&["import", book.path("broken.json").to_str().unwrap()]).fails(2);
    assert!(error.contains("not a Leadline backup"), "{error}");
    let error = book.run(&["import", book.path("missing.json").to_str().unwrap()]).fails(2);
    assert!(error.contains("cannot read"), "{error}");
    assert_eq!(book.snapshot(), before);
    let empty = Book::new();
    let dry = empty.run(&["import", file.to_str().unwrap(), "--dry-run"]).ok();
    assert!(dry.starts_with("Would restore 1 account,"), "{dry}");
    assert!(names(&empty).is_empty());
}

#[test]
fn csv_rows_with_errors_are_all_reported_and_nothing_is_imported() {
    let book = Book::new();
    book.add(&["Existing", "--email", "zhang.wei@example.cn"]);
    let before = book.snapshot();
    let run = book.run(&["import", fixture("contacts_zh.csv").to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.starts_with("error: 2 rows of"), "the error line comes first: {}", run.stderr);
    let lines: Vec<u64> = run
        .stderr
        .lines()
        .skip(1)
        .map(|l| l.strip_prefix("line ").and_then(|r| r.split(':').next()).unwrap().parse().unwrap())
        .collect();
    assert!(lines.is_sorted(), "then one line per row, in the file's order: {}", run.stderr);
    assert!(!run.stderr.contains("(line 2)"), "one line number per line: {}", run.stderr);
    assert!(run.stderr.contains("nothing imported"), "{}", run.stderr);
    assert!(run.stderr.contains("line 5: rejected: grade 'E' is not one of: A, B, C, D"), "{}", run.stderr);
    assert!(run.stderr.contains("line 10: rejected: no name or company"), "{}", run.stderr);
    assert!(run.stderr.contains("line 2: skipped 张伟: same email as Existing (#1)"), "{}", run.stderr);
    assert_eq!(book.snapshot(), before);

    // In Chinese, each line says why in Chinese.
    let zh = book.run(&["--lang", "zh-CN", "import", fixture("contacts_zh.csv").to_str().unwrap()]);
    assert_eq!(zh.code, 1, "{}", zh.stderr);
    assert!(zh.stderr.contains("没有姓名也没有公司"), "{}", zh.stderr);
    assert!(zh.stderr.contains("级别“E”不对"), "{}", zh.stderr);
    assert!(zh.stderr.contains("跳过 张伟：Existing (#1)已有这个邮箱"), "{}", zh.stderr);
}

#[test]
fn skip_invalid_imports_the_good_rows_and_duplicates_are_skipped_by_phone() {
    let book = Book::new();
    let run = book.run(&["import", fixture("contacts_zh.csv").to_str().unwrap(), "--skip-invalid"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("Imported 4 accounts") && run.stdout.contains("1 duplicate skipped"),
        "{}",
        run.stdout
    );
    assert!(run.stderr.contains("line 7: skipped 赵文: same phone as 张伟 (line 2)"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("line 8: 刘洋: kept in the note, not a valid number or address: email 'not-an-email'"),
        "{}",
        run.stderr
    );
    assert_eq!(names(&book), ["刘洋", "张伟", "惠农合作社", "王芳"]);
    assert_eq!(book.json(&["show", "刘洋", "--json"])["account"]["note"], "email: not-an-email");
    let zhang = book.json(&["show", "张伟", "--json"]);
    assert_eq!(zhang["account"]["grade"], "A");
    assert_eq!(zhang["account"]["tags"], serde_json::json!(["农场", "经销商"]));
    assert_eq!(zhang["account"]["note"], "喜欢早上联系\n周末不打扰");
    assert_eq!(book.json(&["show", "惠农合作社", "--json"])["account"]["grade"], "D");
    let again = book.run(&["import", fixture("contacts_zh.csv").to_str().unwrap(), "--skip-invalid"]);
    assert!(
        again.stdout.contains("Imported 0 accounts") && again.stdout.contains("5 duplicates"),
        "{}",
        again.stdout
    );
}

#[test]
fn a_dry_run_reports_and_changes_nothing() {
    let book = Book::new();
    let run = book.run(&["import", fixture("contacts_gbk.csv").to_str().unwrap(), "--dry-run"]);
    assert!(
        run.stdout.lines().last().unwrap_or_default().starts_with("Would import 2 accounts")
            && run.stdout.contains("gb18030")
            && run.stdout.contains("  姓名  name"),
        "{}",
        run.stdout
    );
    assert!(names(&book).is_empty());
}

#[test]
fn csv_exports_of_common_tools_import() {
    let cases: &[(&str, &[&str])] = &[
        ("contacts_gbk.csv", &["张伟", "王芳"]),
        ("outlook.csv", &["Anna Schmidt", "Jürgen Müller"]),
        ("google.csv", &["Erika Mustermann", "Max Mustermann"]),
        ("wlm_semicolon.csv", &["Hans Weber"]),
        ("utf16_tabs.csv", &["名無しの権兵衛"]),
    ];
    for (file, expected) in cases {
        let book = Book::new();
        let run = book.run(&["import", fixture(file).to_str().unwrap()]);
        assert_eq!(run.code, 0, "{file}: {}", run.stderr);
        assert_eq!(names(&book), *expected, "{file}");
    }
    let book = Book::new();
    book.run(&["import", fixture("outlook.csv").to_str().unwrap()]).ok();
    let juergen = book.json(&["show", "Jürgen", "--json"]);
    let card = &juergen["account"];
    assert_eq!(card["company"], "Thüringer Saatgut GmbH");
    assert_eq!(card["title"], "Einkauf");
    assert_eq!(card["phones"], serde_json::json!(["+49 170 1234567", "+49 361 7654321"]), "no fax");
    assert_eq!(card["note"], "Straße 1\nErfurt");
    let book = Book::new();
    book.run(&["import", fixture("google.csv").to_str().unwrap()]).ok();
    let erika = &book.json(&["show", "Erika", "--json"])["account"];
    assert_eq!(erika["email"], "erika@example.com");
    assert_eq!(erika["phones"], serde_json::json!(["+49 151 111111", "+49 30 222222"]));
    assert!(erika["note"].as_str().unwrap().contains("email: erika.m@example.org"));
    assert_eq!(erika["company"], "Fabrikam Seeds");
    let book = Book::new();
    book.run(&["import", fixture("wlm_semicolon.csv").to_str().unwrap()]).ok();
    assert_eq!(book.json(&["show", "Hans", "--json"])["account"]["company"], "Weber; Söhne");
}

#[test]
fn a_csv_without_a_name_column_is_refused() {
    let book = Book::new();
    let error = book.run(&["import", fixture("no_name_column.csv").to_str().unwrap()]).fails(2);
    assert!(error.contains("no name or company column (headers: foo, bar)"), "{error}");
    // vCards are told by their content too, whatever the file is called.
    std::fs::write(book.path("cards.txt"), "\u{feff}BEGIN:VCARD\nEND:VCARD\n").unwrap();
    let run = book.run(&["import", book.path("cards.txt").to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("line 1: rejected: the card has no name, company or nickname"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_demo_is_deterministic_and_fills_only_an_empty_store() {
    let one = Book::new();
    let two = Book::new();
    one.run(&["demo", "--accounts", "80", "--seed", "11"]).ok();
    two.run(&["demo", "--accounts", "80", "--seed", "11"]).ok();
    assert_eq!(one.snapshot(), two.snapshot());
    let error = one.run(&["demo"]).fails(1);
    assert!(error.contains("is not empty"), "{error}");
    let stages: Vec<String> = one
        .json(&["list", "--all", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["stage"].as_str().unwrap().to_string())
        .collect();
    for stage in ["prospect", "customer", "archived"] {
        assert!(stages.iter().any(|s| s == stage), "{stage}");
    }
    assert!(!one.json(&["today", "--json"]).as_array().unwrap().is_empty());
    assert!(one.run(&["doctor"]).ok().contains("all good"));
}

#[test]
fn the_demo_flag_creates_and_reuses_a_demo_store_in_the_data_directory() {
    let book = Book::new();
    let mut first = book.command(&["--demo", "today", "--json"]);
    first.env_remove("LEADLINE_STORE");
    let output = first.output().unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("Created the demo store"));
    assert!(book.path("data/leadline/demo").is_dir());
    let mut second = book.command(&["--demo", "list", "--json"]);
    second.env_remove("LEADLINE_STORE");
    let output = second.output().unwrap();
    assert!(output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
    let rows: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(rows.as_array().unwrap().len() > 200);
}

#[test]
fn vcards_from_phones_are_imported_with_bad_cards_named_by_line() {
    let book = Book::new();
    let file = fixture("contacts-phone.vcf");
    let file = file.to_str().unwrap();
    // The first card holds only an email: refused, and so nothing is saved.
    let run = book.run(&["import", file]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("1 card of") && run.stderr.contains("--skip-invalid"), "{}", run.stderr);
    assert!(
        run.stderr.contains("line 1: rejected: the card has no name, company or nickname"),
        "{}",
        run.stderr
    );
    assert!(names(&book).is_empty());

    let out = book.run(&["import", file, "--skip-invalid"]).ok();
    assert!(out.contains("Imported 2 accounts") && out.contains("1 card rejected"), "{out}");
    assert_eq!(names(&book), ["Anna Weber", "张伟"]);
    // Quoted-printable UTF-8 with a soft break inside 伟; the fax is left out;
    // the work number is kept; escapes and =0A become text.
    let zhang = book.json(&["show", "张伟", "--json"])["account"].clone();
    assert_eq!(zhang["company"], "绿源农资有限公司");
    assert_eq!(zhang["phones"], serde_json::json!(["138 0000 1111", "010 6666 7777"]));
    assert_eq!(zhang["email"], "zhangwei@example.cn");
    assert_eq!(zhang["tags"], serde_json::json!(["经销商", "农场"]));
    assert_eq!(zhang["note"], "Wants delivery\nbefore planting");
    let anna = book.json(&["show", "Anna Weber", "--json"])["account"].clone();
    assert_eq!(anna["email"], "anna@example.com", "an item-grouped property");
    assert_eq!(anna["note"], "Prefers calls, not SMS\nafter 10");
    assert_eq!(anna["company"], "Tailspin Tractors");

    // The same cards again are duplicates by phone or email.
    let again = book.run(&["import", file, "--skip-invalid"]);
    assert_eq!(again.code, 0);
    assert!(
        again.stdout.contains("Imported 0 accounts") && again.stdout.contains("2 duplicates"),
        "{}",
        again.stdout
    );
    assert!(again.stderr.contains("same phone as 张伟"), "{}", again.stderr);
}

#[test]
fn vcards_in_utf16_and_shift_jis_decode_before_unescaping() {
    let book = Book::new();
    let out = book.run(&["import", fixture("contacts-apple-utf16.vcf").to_str().unwrap()]).ok();
    assert!(out.contains("(UTF-16BE)"), "{out}");
    // Old iPhones end lines with CR CR LF; the name is folded.
    let jurgen = book.json(&["show", "Jürgen Müller", "--json"])["account"].clone();
    assert_eq!(
        (jurgen["company"].as_str(), jurgen["phones"][0].as_str()),
        (Some("Contoso Agrar"), Some("+49 151 2345678"))
    );

    // 能 and 圭 end in the byte of a backslash in Shift_JIS.
    let out = book.run(&["import", fixture("contacts-shiftjis.vcf").to_str().unwrap()]).ok();
    assert!(out.contains("(Shift_JIS)"), "{out}");
    assert_eq!(names(&book), ["Jürgen Müller", "能登 圭"]);
    let before = book.snapshot();
    let missing = book.run(&["import", "/nonexistent/contacts.vcf"]).fails(2);
    assert!(missing.contains("cannot read"), "{missing}");
    assert_eq!(book.snapshot(), before);
}

#[test]
fn the_csv_export_reads_back_cell_for_cell_and_runs_no_formula() {
    let book = Book::new();
    book.add(&[
        "张伟",
        "--company",
        "绿源农资有限公司",
        "--phone",
        "+86 138-0000-1111",
        "--tag",
        "农场",
        "--tag",
        "经销商",
    ]);
    book.add(&["=HYPERLINK(\"http://x\")", "--note", "line one\nline two, with \"quotes\""]);
    book.add(&["@SUM(A1)", "--company=-2+3"]);
    book.run(&["order", "张伟", "12000.50"]).ok();
    let path = book.path("accounts.csv");
    book.run(&["export", "--format", "csv", "-o", path.to_str().unwrap()]).ok();
    let bytes = std::fs::read(&path).unwrap();
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(&headers[..4], ["id", "name", "company", "title"]);
    let rows: Vec<std::collections::HashMap<String, String>> = reader
        .records()
        .map(|r| headers.iter().cloned().zip(r.unwrap().iter().map(str::to_string)).collect())
        .collect();
    assert_eq!(rows.len(), 3);
    let zhang = rows.iter().find(|r| r["name"] == "张伟").unwrap();
    assert_eq!(zhang["company"], "绿源农资有限公司");
    assert_eq!(zhang["phones"], "'+86 138-0000-1111", "a leading + would be a formula");
    assert_eq!(zhang["tags"], "农场; 经销商");
    assert_eq!((zhang["stage"].as_str(), zhang["tier"].as_str()), ("customer", "small"));
    assert_eq!((zhang["revenue_12m"].as_str(), zhang["revenue_total"].as_str()), ("12000.50", "12000.50"));
    assert!(zhang["last_touch"].starts_with("2026-11-27T"), "{zhang:?}");
    let formula = rows.iter().find(|r| r["name"].contains("HYPERLINK")).unwrap();
    assert_eq!(formula["name"], "'=HYPERLINK(\"http://x\")");
    assert_eq!(formula["note"], "line one\nline two, with \"quotes\"", "quotes and line breaks survive");
    assert_eq!(formula["stage"], "prospect");
    let at = rows.iter().find(|r| r["name"].contains("SUM")).unwrap();
    assert_eq!((at["name"].as_str(), at["company"].as_str()), ("'@SUM(A1)", "'-2+3"));
    assert!(rows.iter().all(|r| !r.values().any(|v| v.starts_with(['=', '+', '-', '@']))));
}

#[test]
fn calendar_events_carry_the_phone_the_reason_and_a_reminder() {
    let book = Book::new();
    book.add(&["张伟", "--phone", "138 0000 1111"]);
    book.run(&["follow-up", "张伟", "--on", "2026-11-30T14:00", "--note", "报价"]).ok();
    book.run(&["follow-up", "张伟", "--on", "2026-12-02", "--kind", "visit"]).ok();
    let text = book.run(&["export", "--format", "ics"]).ok();
    let calendar: icalendar::Calendar = text.parse().expect("a real iCalendar parser reads it");
    use icalendar::Component;
    let events: Vec<&icalendar::Event> = calendar.components.iter().filter_map(|c| c.as_event()).collect();
    assert_eq!(events.len(), 2);
    for event in &events {
        let description = event.get_description().unwrap();
        assert!(description.starts_with("Phone: 138 0000 1111\n"), "{description}");
        assert!(description.contains("promised follow-up"), "{description}");
    }
    let unfolded = icalendar::parser::unfold(&text);
    assert!(unfolded.contains("BEGIN:VALARM") && unfolded.contains("ACTION:DISPLAY"), "{unfolded}");
    assert!(
        unfolded.contains("TRIGGER;RELATED=START:-PT900S"),
        "15 minutes before the timed one: {unfolded}"
    );
    assert!(unfolded.contains("TRIGGER;RELATED=START:PT32400S"), "9:00 on the all-day one's day: {unfolded}");
    assert_eq!(book.run(&["export", "--format", "ics"]).ok(), text, "the same book, the same calendar");
    let later = book.run(&["export", "--format", "ics", "--alarm", "30"]).ok();
    assert!(icalendar::parser::unfold(&later).contains("-PT1800S"));
    let none = book.run(&["export", "--format", "ics", "--alarm", "0"]).ok();
    assert!(!none.contains("VALARM"), "--alarm 0: no reminders");
}

/// `khal` (Debian's package; .ci/run installs it) with a config of its
/// own that reads `vdir`.
fn khal(book: &Book, vdir: &std::path::Path, args: &[&str]) -> String {
    khal_in(book, vdir, "UTC", args)
}

/// `khal` as a calendar in the time zone `zone` reads the vdir.
fn khal_in(book: &Book, vdir: &std::path::Path, zone: &str, args: &[&str]) -> String {
    let config = book.path("khal.conf");
    std::fs::write(
        &config,
        format!(
            "[calendars]\n[[leadline]]\npath = {}\ntype = calendar\n\n[locale]\nlocal_timezone = {zone}\ndefault_timezone = {zone}\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\ndatetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n",
            vdir.display()
        ),
    )
    .unwrap();
    let output = std::process::Command::new("khal")
        .arg("-c")
        .arg(&config)
        .args(args)
        .env("XDG_DATA_HOME", book.path("khal-data"))
        .env("XDG_CONFIG_HOME", book.path("khal-config"))
        .env("TZ", zone)
        .output()
        .expect("khal is installed (.ci/run installs it)");
    assert!(output.status.success(), "khal: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_vdir_export_is_a_file_per_follow_up_that_khal_lists_and_later_exports_update() {
    let book = Book::new();
    book.add(&["张伟", "--phone", "138 0000 1111"]);
    book.add(&["王芳"]);
    book.run(&["follow-up", "张伟", "--on", "2026-11-30T14:00", "--note", "报价"]).ok();
    book.run(&["follow-up", "王芳", "--on", "2026-12-02", "--kind", "visit"]).ok();
    let vdir = book.path("calendar");
    std::fs::create_dir_all(&vdir).unwrap();
    std::fs::write(vdir.join("someone-else.ics"), "not ours").unwrap();
    let out = book.run(&["export", "--format", "vdir", "-o", vdir.to_str().unwrap()]);
    assert!(out.stderr.contains("2 follow-ups (2 new, 0 changed, 0 removed)"), "{}", out.stderr);
    let mut names: Vec<String> = std::fs::read_dir(&vdir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    assert_eq!(names, ["follow-up-1@leadline.ics", "follow-up-2@leadline.ics", "someone-else.ics"]);

    let listed = khal(&book, &vdir, &["list", "2026-11-27", "10d"]);
    assert!(listed.contains("call 张伟") && listed.contains("visit 王芳"), "{listed}");
    assert!(listed.contains("14:00"), "the timed one at its time: {listed}");

    // Done and snoozed: the done one's file goes, the snoozed one changes.
    book.run(&["done", "1"]).ok();
    book.run(&["snooze", "2", "--to", "2026-12-04"]).ok();
    // The directory may also come as an argument, as the issue's reps write it.
    let out = book.run(&["export", "--format", "vdir", vdir.to_str().unwrap()]);
    assert!(out.stderr.contains("1 follow-ups (0 new, 1 changed, 1 removed)"), "{}", out.stderr);
    assert!(!vdir.join("follow-up-1@leadline.ics").exists());
    assert_eq!(std::fs::read_to_string(vdir.join("someone-else.ics")).unwrap(), "not ours");
    let listed = khal(&book, &vdir, &["list", "2026-11-27", "10d"]);
    assert!(!listed.contains("张伟") && listed.contains("2026-12-04"), "{listed}");
    let again = book.run(&["export", "--format", "vdir", "-o", vdir.to_str().unwrap()]);
    assert!(again.stderr.contains("(0 new, 0 changed, 0 removed)"), "{}", again.stderr);
    assert!(book.run(&["export", "--format", "vdir"]).fails(2).contains("-o DIR"));
}

/// A follow-up at 14:00 where the rep is (Shanghai) is at midnight on a
/// calendar in Chicago: its time goes out in UTC, never floating.
#[test]
fn a_timed_follow_up_shows_at_its_hour_on_a_calendar_in_another_zone() {
    let book = Book::new();
    book.add(&["张伟"]);
    book.run(&["follow-up", "张伟", "--on", "2026-11-30T14:00"]).ok();
    let vdir = book.path("calendar");
    let out = book
        .command(&["export", "--format", "vdir", "-o", vdir.to_str().unwrap()])
        .env("TZ", "Asia/Shanghai")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let file = std::fs::read_to_string(vdir.join("follow-up-1@leadline.ics")).unwrap();
    assert!(file.contains("DTSTART:20261130T060000Z"), "{file}");
    let in_chicago = khal_in(&book, &vdir, "America/Chicago", &["list", "2026-11-29", "3d"]);
    assert!(in_chicago.contains("00:00-00:30 call 张伟"), "{in_chicago}");
    let in_shanghai = khal_in(&book, &vdir, "Asia/Shanghai", &["list", "2026-11-29", "3d"]);
    assert!(in_shanghai.contains("14:00-14:30 call 张伟"), "{in_shanghai}");
    // Debian's python3-icalendar (.ci/run installs it) reads the same hour.
    let python =
        if std::path::Path::new("/usr/bin/python3").exists() { "/usr/bin/python3" } else { "python3" };
    let script = r#"
import sys, icalendar, zoneinfo
event = icalendar.Calendar.from_ical(open(sys.argv[1], encoding="utf-8").read()).walk("VEVENT")[0]
print(event.decoded("DTSTART").astimezone(zoneinfo.ZoneInfo("America/Chicago")).strftime("%Y-%m-%d %H:%M"))
"#;
    let path = vdir.join("follow-up-1@leadline.ics");
    let output =
        std::process::Command::new(python).args(["-c", script, path.to_str().unwrap()]).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "2026-11-30 00:00");
}

#[test]
fn the_vcard_export_reads_back_in_vobject_with_names_phones_and_emails() {
    let book = Book::new();
    book.add(&["张伟", "--company", "绿源农资, 寿光", "--phone", "138 0000 1111", "--phone", "0536-1234567"]);
    book.add(&[
        "Anna Weber",
        "--email",
        "anna@example.com",
        "--note",
        "line one\nline two; three\tand a tab",
        "--birthday",
        "03-15",
    ]);
    book.run(&["edit", "张伟", "--tag", "农场", "--tag", "经销商", "--title", "老板"]).ok();
    book.run(&["edit", "张伟", "--anniversary", "2019-04-08"]).ok();
    book.add(&["欧阳娜娜"]);
    let path = book.path("contacts.vcf");
    book.run(&["export", "--format", "vcf", "-o", path.to_str().unwrap()]).ok();
    // Debian's python3-vobject (.ci/run installs it), a reader no one here wrote.
    let python =
        if std::path::Path::new("/usr/bin/python3").exists() { "/usr/bin/python3" } else { "python3" };
    let script = r#"
import sys, vobject
for card in vobject.readComponents(open(sys.argv[1], encoding="utf-8").read()):
    tels = [t.value for t in card.contents.get("tel", [])]
    emails = [e.value for e in card.contents.get("email", [])]
    org = card.org.value[0] if hasattr(card, "org") else ""
    note = card.note.value if hasattr(card, "note") else ""
    cats = card.categories.value if hasattr(card, "categories") else []
    bday = card.bday.value if hasattr(card, "bday") else ""
    anniversary = card.anniversary.value if hasattr(card, "anniversary") else ""
    n = card.n.value
    name = n.family + "," + n.given
    print("|".join([card.fn.value, name, ",".join(tels), ",".join(emails), org, note.replace("\n", "/").replace("\t", "<tab>"), ",".join(cats), bday, anniversary]))
"#;
    let output = std::process::Command::new(python)
        .args(["-c", script, path.to_str().unwrap()])
        .output()
        .expect("python3 runs");
    assert!(output.status.success(), "vobject refuses the file: {}", String::from_utf8_lossy(&output.stderr));
    let lines: Vec<String> = String::from_utf8_lossy(&output.stdout).lines().map(str::to_string).collect();
    assert_eq!(
        lines,
        [
            "Anna Weber|Weber,Anna||anna@example.com||line one/line two; three<tab>and a tab||--0315|",
            "欧阳娜娜|欧阳,娜娜|||||||",
            "张伟|张,伟|tel:+8613800001111,tel:+865361234567||绿源农资, 寿光||农场,经销商||20190408",
        ]
    );
}

#[test]
fn google_contacts_current_csv_imports_with_company_title_labels_and_address() {
    let book = Book::new();
    let out = book.run(&["import", fixture("google_current.csv").to_str().unwrap()]).ok();
    assert!(out.contains("Imported 2 accounts"), "{out}");
    let zhang = book.json(&["show", "张伟", "--json"]);
    let account = &zhang["account"];
    assert_eq!(account["company"], "绿源农资有限公司");
    assert_eq!(account["title"], "采购经理");
    assert_eq!(
        account["phones"],
        serde_json::json!(["138 0000 1111", "0536-1234567"]),
        "the phonetic names are no phones"
    );
    assert_eq!(account["email"], "zhangwei@example.com");
    assert_eq!(account["tags"], serde_json::json!(["Dealers", "农场"]), "labels, without * myContacts");
    assert_eq!(account["address"], "山东省寿光市菜市街 8 号");
    assert_eq!(account["birthday"], "1980-03-15");
    let anna = book.json(&["show", "Anna Weber", "--json"]);
    assert_eq!(anna["account"]["company"], "Fabrikam Seeds");
    assert_eq!(anna["account"]["tags"], serde_json::json!([]), "* starred and * myContacts are Google's own");
}

#[test]
fn a_pipedrive_people_export_imports_with_its_object_prefixes_stripped() {
    let book = Book::new();
    let out = book.run(&["import", fixture("pipedrive_people.csv").to_str().unwrap()]).ok();
    assert!(out.contains("Imported 2 accounts"), "{out}");
    let zhang = book.json(&["show", "张伟", "--json"]);
    let account = &zhang["account"];
    assert_eq!(account["company"], "绿源农资有限公司");
    assert_eq!(account["email"], "zhangwei@example.com");
    assert_eq!(account["phones"], serde_json::json!(["138 0000 1111", "0536-1234567"]));
    assert_eq!(account["tags"], serde_json::json!(["Hot lead"]), "Person - Label is a tag");
    let anna = book.json(&["show", "Anna Weber", "--json"]);
    assert_eq!(anna["account"]["company"], "Fabrikam Seeds");
}

#[test]
fn a_hubspot_contacts_export_keeps_its_company_lifecycle_stage_and_activity_days() {
    let book = Book::new();
    let out = book.run(&["import", fixture("hubspot_contacts.csv").to_str().unwrap()]).ok();
    assert!(out.contains("Imported 3 accounts "), "{out}");
    let zhang = book.json(&["show", "Wei Zhang", "--json"]);
    let account = &zhang["account"];
    assert_eq!(account["company"], "绿源农资有限公司");
    assert_eq!(account["title"], "采购经理");
    assert_eq!(account["phones"], serde_json::json!(["+86 138 0000 1111"]));
    assert_eq!(account["grade"], "C", "a lead");
    assert_eq!(account["last_touch"], "2026-11-20T00:00:00", "the last activity date is the last touch");
    let anna = book.json(&["show", "Anna Weber", "--json"]);
    assert_eq!(anna["account"]["grade"], "A", "a customer elsewhere, until its first order here");
    assert_eq!(anna["account"]["last_touch"], "2026-11-26T00:00:00");
    assert_eq!(anna["follow_ups"][0]["due"], "2026-12-08", "the next activity is a follow-up");
    assert_eq!(book.json(&["show", "Fang Wang", "--json"])["account"]["grade"], "B", "sales qualified");
}

#[test]
fn a_pipedrive_deals_export_gives_potential_grade_and_follow_ups() {
    let book = Book::new();
    let run = book.run(&["import", fixture("pipedrive_deals.csv").to_str().unwrap()]);
    assert!(run.stdout.contains("Imported 3 accounts "), "{}{}", run.stdout, run.stderr);
    let zhang = book.json(&["show", "张伟", "--json"]);
    let account = &zhang["account"];
    assert_eq!(account["company"], "绿源农资有限公司");
    assert_eq!(account["potential"], "48000.00", "{account}");
    assert_eq!(account["grade"], "A", "a proposal made");
    assert_eq!(account["note"], "春季化肥订单", "the deal's title");
    assert_eq!(account["last_touch"], "2026-11-25T00:00:00");
    assert_eq!(zhang["follow_ups"][0]["due"], "2026-12-03");
    assert_eq!(zhang["follow_ups"][0]["note"], "next activity from pipedrive_deals.csv");
    let anna = book.json(&["show", "Anna Weber", "--json"]);
    assert_eq!(anna["account"]["grade"], "D", "a lost deal, whatever its stage");
    assert_eq!(anna["follow_ups"], serde_json::json!([]));
    let wang = book.json(&["show", "王芳", "--json"]);
    assert_eq!(wang["account"]["grade"], "C", "a lead");
    assert_eq!(wang["follow_ups"][0]["due"], "2026-11-28");
    let today = book.json(&["plan", "--days", "7", "--json"]).to_string();
    assert!(today.contains("王芳") && today.contains("张伟"), "the follow-ups are in the plan: {today}");
    book.run(&["undo"]).ok();
    assert!(book.json(&["list", "--json"]).as_array().unwrap().is_empty(), "one import, one undo");
}

#[test]
fn a_pipedrive_organizations_export_imports_each_organization_as_an_account() {
    let book = Book::new();
    let out = book.run(&["import", fixture("pipedrive_organizations.csv").to_str().unwrap()]).ok();
    assert!(out.contains("Imported 2 accounts "), "{out}");
    let lvyuan = book.json(&["show", "绿源农资有限公司", "--json"]);
    assert_eq!(lvyuan["account"]["address"], "山东省寿光市菜市街 8 号");
    assert_eq!(lvyuan["account"]["tags"], serde_json::json!(["Customer"]));
    assert_eq!(lvyuan["account"]["last_touch"], "2026-11-25T00:00:00");
    assert_eq!(lvyuan["follow_ups"][0]["due"], "2026-12-04");
}

#[test]
fn map_says_what_unknown_columns_hold_and_dry_run_shows_each_columns_field() {
    let book = Book::new();
    let file = book.path("kunden.csv");
    std::fs::write(&file, "Kunde,Handynummer,Bemerkung,Intern\n张伟,138 0000 1111,老客户,x\n").unwrap();
    let path = file.to_str().unwrap();
    let error = book.run(&["import", path]).fails(2);
    assert!(error.contains("no name or company column") && error.contains("--map 'Column=name'"), "{error}");
    let dry = book
        .run(&[
            "import",
            path,
            "--dry-run",
            "--map",
            "Kunde=name",
            "--map",
            "Handynummer=phone",
            "--map",
            "Bemerkung=note",
        ])
        .ok();
    assert!(dry.starts_with("Columns (`--map 'Column=field'` changes one):\n"), "{dry}");
    for (column, field) in
        [("Kunde", "name"), ("Handynummer", "phone"), ("Bemerkung", "note"), ("Intern", "left out")]
    {
        assert!(
            dry.lines().any(|l| l.trim_start().starts_with(column) && l.trim_end().ends_with(field)),
            "{dry}"
        );
    }
    assert_eq!(book.json(&["list", "--json"]).as_array().unwrap().len(), 0, "a dry run changes nothing");
    book.run(&[
        "import",
        path,
        "--map",
        "Kunde=name",
        "--map",
        "Handynummer=phone",
        "--map",
        "Bemerkung=note",
    ])
    .ok();
    let account = book.json(&["show", "张伟", "--json"])["account"].clone();
    assert_eq!(
        (account["phones"][0].as_str(), account["note"].as_str()),
        (Some("138 0000 1111"), Some("老客户"))
    );
    assert!(book.run(&["import", path, "--map", "Kunde=nom"]).fails(2).contains("no field 'nom'"));
    assert!(book.run(&["import", path, "--map", "Client=name"]).fails(2).contains("no column 'Client'"));
    assert!(book.run(&["import", path, "--map", "Kunde"]).fails(2).contains("'Column Name=field'"));
}

#[test]
fn the_google_layout_has_google_contacts_columns_and_reads_back_as_it_was() {
    let book = Book::new();
    book.add(&[
        "张伟",
        "--company",
        "绿源农资",
        "--phone",
        "138 0000 1111",
        "--phone",
        "0536-1234567",
        "--tag",
        "农场",
    ]);
    book.add(&[
        "Anna Maria Weber",
        "--email",
        "anna@example.com",
        "--birthday",
        "03-15",
        "--company",
        "=HYPERLINK(1)",
    ]);
    let path = book.path("google.csv");
    book.run(&["export", "--format", "csv", "--layout", "google", "-o", path.to_str().unwrap()]).ok();
    let mut reader = csv::Reader::from_path(&path).unwrap();
    let headers: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(&headers[..3], ["First Name", "Middle Name", "Last Name"]);
    assert!(
        headers.ends_with(&[
            "Phone 1 - Label".into(),
            "Phone 1 - Value".into(),
            "Phone 2 - Label".into(),
            "Phone 2 - Value".into()
        ]),
        "{headers:?}"
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let cell = |row: &csv::StringRecord, column: &str| {
        row[headers.iter().position(|h| h == column).unwrap()].to_string()
    };
    let anna = rows.iter().find(|r| cell(r, "Last Name") == "Weber").unwrap();
    assert_eq!(cell(anna, "First Name"), "Anna Maria");
    assert_eq!(cell(anna, "Organization Name"), "'=HYPERLINK(1)", "formula-safe");
    assert_eq!(cell(anna, "Birthday"), "--03-15");
    let zhang = rows.iter().find(|r| cell(r, "Last Name") == "张").unwrap();
    assert_eq!(cell(zhang, "First Name"), "伟");
    assert_eq!(cell(zhang, "Labels"), "农场 ::: * myContacts");
    assert_eq!(cell(zhang, "Phone 2 - Value"), "0536-1234567");

    let other = Book::new();
    assert!(other.run(&["import", path.to_str().unwrap()]).ok().contains("Imported 2 accounts"));
    let back = other.json(&["show", "张伟", "--json"]);
    assert_eq!(back["account"]["company"], "绿源农资");
    assert_eq!(back["account"]["phones"], serde_json::json!(["138 0000 1111", "0536-1234567"]));
    assert_eq!(back["account"]["tags"], serde_json::json!(["农场"]));
    assert_eq!(other.json(&["show", "Anna Maria Weber", "--json"])["account"]["email"], "anna@example.com");

    let error = book.run(&["export", "--format", "vcf", "--layout", "google"]).fails(2);
    assert!(error.contains("use it with --format csv"), "{error}");
}

#[test]
fn a_vcard_s_n_holds_the_family_name_first_with_its_particles() {
    let book = Book::new();
    book.add(&["Dale Vander Wal"]);
    book.add(&["张伟"]);
    book.add(&["Lowell J Van Roekel"]);
    let cards = book.run(&["export", "--format", "vcf"]).ok();
    for n in ["N:Vander Wal;Dale;;;", "N:张;伟;;;", "N:Van Roekel;Lowell J;;;"] {
        assert!(cards.lines().any(|l| l == n), "{n} in:\n{cards}");
    }
}

/// An Iowa rep's first morning (issue 27): a HubSpot and a Google export in
/// their published layouts, US numbers in several spellings, imported with
/// no region set under `LANG=en_US.UTF-8 TZ=America/Chicago`.
#[test]
fn a_us_rep_imports_hubspot_and_google_and_books_follow_ups_in_their_own_words() {
    let mut book = Book::new();
    book.now = "2026-12-07T08:30:00".into();
    let hubspot = book.path("hubspot.csv");
    let google = book.path("google.csv");
    std::fs::write(&hubspot, HUBSPOT).unwrap();
    std::fs::write(&google, GOOGLE).unwrap();
    let us = |args: &[&str]| {
        let out =
            book.command(args).env("LANG", "en_US.UTF-8").env("TZ", "America/Chicago").output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
    };
    let first = us(&["import", hubspot.to_str().unwrap()]);
    assert!(first.contains("Imported 5 accounts") && !first.contains("default_region"), "{first}");
    let second = us(&["import", google.to_str().unwrap()]);
    assert!(
        second.contains("Imported 1 account")
            && second.contains("3 duplicates skipped (2 of them filled in what their account lacked)"),
        "every overlap is found, and what Google knew is kept: {second}"
    );
    let history = us(&["history"]);
    assert!(
        history.contains("fill in 2 accounts from"),
        "only what a duplicate filled is written: {history}"
    );
    for id in 1..=6 {
        let out =
            book.command(&["show", &id.to_string(), "--json"]).env("LANG", "en_US.UTF-8").output().unwrap();
        let shown: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let dial = shown["account"]["dial"].as_array().unwrap();
        assert!(!dial.is_empty() && dial.iter().all(|d| d.as_str().unwrap().starts_with("+1")), "{shown}");
    }
    let dale = us(&["show", "Dale"]);
    assert!(dale.contains("1200 Grand Ave, Des Moines, IA 50309, United States"), "one address: {dale}");
    assert!(dale.contains("2026-12-08 10:00 AM"), "HubSpot's next activity keeps its time: {dale}");
    assert!(dale.contains("Seed corn"), "the Google label fills in the tags: {dale}");
    let lowell = us(&["show", "Lowell"]);
    assert!(lowell.contains("lowell@vanroekelseed.com") && lowell.contains("1971-04-02"), "{lowell}");
    let tom = us(&["show", "Tom"]);
    assert!(tom.contains("210 Main St, Oskaloosa, IA 52577, US"), "{tom}");

    let tuesday = us(&["follow-up", "Hank", "--on", "next tuesday 2pm"]);
    assert!(tuesday.contains("on 2026-12-15 at 2:00 PM"), "{tuesday}");
    let dec = us(&["follow-up", "Tom", "--on", "dec 15"]);
    assert!(dec.contains("on 2026-12-15."), "{dec}");
    let ics = book.path("follow-ups.ics");
    us(&["export", "--format", "ics", "-o", ics.to_str().unwrap()]);
    let python =
        if std::path::Path::new("/usr/bin/python3").exists() { "/usr/bin/python3" } else { "python3" };
    let script = r#"
import sys, icalendar, datetime
calendar = icalendar.Calendar.from_ical(open(sys.argv[1], encoding="utf-8").read())
for event in calendar.walk("VEVENT"):
    start = event.decoded("DTSTART")
    if isinstance(start, datetime.datetime):
        start = start.astimezone(datetime.timezone.utc).strftime("%Y-%m-%d %H:%MZ")
    print(start, event.get("SUMMARY"))
"#;
    let output =
        std::process::Command::new(python).args(["-c", script, ics.to_str().unwrap()]).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let events = String::from_utf8_lossy(&output.stdout);
    // 14:00 in Chicago (CST) is 20:00 UTC; HubSpot's 10:00 is 16:00 UTC.
    assert!(events.contains("2026-12-15 20:00Z call Hank Schultz"), "{events}");
    assert!(events.contains("2026-12-08 16:00Z call Dale Vander Wal"), "{events}");
    assert!(events.contains("2026-12-15 call Tom Nguyen"), "a day without a time stays a day: {events}");
}

const HUBSPOT: &str = r#"Record ID,First Name,Last Name,Email,Phone Number,Mobile Phone Number,Company Name,Job Title,Street Address,City,State/Region,Postal Code,Country/Region,Lifecycle Stage,Last Activity Date,Next Activity Date,Contact owner
101,Dale,Vander Wal,dale@vanderwalfarms.com,(515) 555-0100,,Vander Wal Farms,Owner,1200 Grand Ave,Des Moines,IA,50309,United States,customer,2026-11-20 09:12,2026-12-08 10:00,Pat Rep
102,Lowell J,Van Roekel,,515.555.0101,,Van Roekel Seed,Agronomist,,Pella,IA,50219,United States,opportunity,2026-11-25,,Pat Rep
103,Ann,O'Brien,ann@obrienag.com,1-563-555-0104,,O'Brien Ag,Buyer,45 River Rd,Davenport,IA,52801,United States,lead,,,Pat Rep
104,Maria,de la Cruz,,+1 319 555 0102,,Cruz Acres,Owner,,Cedar Rapids,IA,,United States,salesqualifiedlead,,,Pat Rep
105,Hank,Schultz,hank@schultzfarm.com,515-555-0103,5155550105,Schultz Farm,,88 County Rd E,Ames,IA,50010,United States,lead,,2026-12-09,Pat Rep
"#;

const GOOGLE: &str = r#"First Name,Middle Name,Last Name,Nickname,Organization Name,Organization Title,Birthday,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Address 1 - Label,Address 1 - Formatted,Address 1 - Street,Address 1 - City,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country
Dale,,Vander Wal,,Vander Wal Farms,Owner,,,* myContacts ::: Seed corn,Work,dale@vanderwalfarms.com,Mobile,+15155550100,,,,,,,
Lowell,J,Van Roekel,,,,1971-04-02,,* myContacts ::: Soybeans,Work,lowell@vanroekelseed.com,Work,(515) 555-0101,Work,"310 Franklin St
Pella, IA 50219",,,,,
Ann,,O'Brien,,,,,,* myContacts,,,Mobile,(563) 555-0104,,,,,,,
Tom,,Nguyen,,Nguyen Dairy,Owner,,Met at the Farm Progress Show,* myContacts ::: Dairy,Work,tom@nguyendairy.com,Mobile,641-555-0107,Work,,210 Main St,Oskaloosa,IA,52577,US
"#;

#[test]
fn a_duplicate_row_of_the_same_file_fills_in_the_first_and_a_dry_run_says_so() {
    let book = Book::new();
    let csv = book.path("rows.csv");
    std::fs::write(
        &csv,
        "Name,Phone,Email,Labels,Street,Town\n\
         张伟,138 0000 1111,,农场,,\n\
         张伟,+86 138-0000-1111,zw@example.com,农场 ::: 经销商,1 Main St,寿光\n\
         李娜,139 0000 2222,,,,\n",
    )
    .unwrap();
    let map = ["--map", "Street=address", "--map", "Town=address"];
    let dry = book.run(&[&["import", csv.to_str().unwrap(), "--dry-run"][..], &map].concat());
    assert!(
        dry.stdout.contains("1 duplicate skipped (1 of them would fill in what their account lacks)"),
        "{}",
        dry.stdout
    );
    assert!(dry.stderr.contains("filled in email, address, tags"), "{}", dry.stderr);
    assert!(book.run(&["list"]).ok().contains("0 accounts"), "a dry run writes nothing");
    book.run(&[&["import", csv.to_str().unwrap()][..], &map].concat()).ok();
    let shown = book.run(&["show", "张伟"]).ok();
    assert!(shown.contains("zw@example.com") && shown.contains("农场, 经销商"), "{shown}");
    assert!(shown.contains("1 Main St, 寿光"), "two mapped columns join in their order: {shown}");
}

#[test]
fn a_file_s_own_given_and_family_names_go_back_out_as_they_came() {
    let book = Book::new();
    let cards = book.path("in.vcf");
    std::fs::write(
        &cards,
        "BEGIN:VCARD\nVERSION:3.0\nFN:Gabriel García Márquez\nN:García Márquez;Gabriel;;;\nTEL:+57 1 555 0100\nEND:VCARD\n\
         BEGIN:VCARD\nVERSION:3.0\nFN:Chen Jun\nN:Chen;Jun;;;\nTEL:+86 138 0000 1111\nEND:VCARD\n\
         BEGIN:VCARD\nVERSION:3.0\nFN:Dale Vander Wal\nN:Vander Wal;Dale;;;\nTEL:+1 515 555 0100\nEND:VCARD\n",
    )
    .unwrap();
    book.run(&["import", cards.to_str().unwrap()]).ok();
    let google = book.path("google.csv");
    std::fs::write(
        &google,
        "Given Name,Family Name,Phone 1 - Value\nAnna Maria,Weber Schulz,+49 30 1234567\n",
    )
    .unwrap();
    book.run(&["import", google.to_str().unwrap()]).ok();

    let out = book.path("out.vcf");
    book.run(&["export", "--format", "vcf", "-o", out.to_str().unwrap()]).ok();
    let vcf = std::fs::read_to_string(&out).unwrap();
    let n_lines: Vec<&str> = vcf.lines().filter(|l| l.starts_with("N:")).collect();
    for expected in [
        "N:García Márquez;Gabriel;;;",
        "N:Vander Wal;Dale;;;",
        "N:Weber Schulz;Anna Maria;;;",
        "N:Chen;Jun;;;",
    ] {
        assert!(n_lines.contains(&expected), "{expected} in {n_lines:?}");
    }
    let csv = book.path("out.csv");
    book.run(&["export", "--format", "csv", "--layout", "google", "-o", csv.to_str().unwrap()]).ok();
    let mut reader = csv::Reader::from_path(&csv).unwrap();
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (given, family) = (column("First Name"), column("Last Name"));
    let split: Vec<(String, String)> =
        reader.records().map(|r| r.unwrap()).map(|r| (r[given].to_string(), r[family].to_string())).collect();
    assert!(split.contains(&("Gabriel".into(), "García Márquez".into())), "{split:?}");
    assert!(split.contains(&("Anna Maria".into(), "Weber Schulz".into())), "{split:?}");
}

/// Leadline's own CSV, imported into an empty book, gives back every column
/// it wrote: issue 23, point 1.
#[test]
fn leadline_s_own_csv_imports_back_with_every_column() {
    let book = Book::new();
    book.add(&[
        "Anna Müller",
        "--company",
        "Müller Agrar",
        "--title",
        "Farm manager",
        "--phone",
        "+49 30 1234567",
        "--phone",
        "0531 1234601",
        "--tag",
        "dealer",
        "--tag",
        "trade fair",
        "--source",
        "referral",
        "--potential",
        "120000",
        "--birthday",
        "05-28",
        "--note",
        "=SUM(A1) is what she typed; second line\nof the note",
        "--grade",
        "B",
    ]);
    book.add(&["林军", "--phone", "147 0490 5511"]);
    book.run(&["order", "林军", "30000"]).ok();
    book.run(&["edit", "林军", "--tier", "large"]).ok();
    book.run(&["competitor", "add", "林军", "史丹利"]).ok();
    book.add(&["Old Farm", "--company=-gone-"]);
    book.run(&["archive", "Old Farm", "--reason", "lost"]).ok();

    let csv = book.path("book.csv");
    book.run(&["export", "--format", "csv", "-o", csv.to_str().unwrap()]).ok();
    let restored = Book::new();
    let dry = restored.run(&["import", csv.to_str().unwrap(), "--dry-run"]).ok();
    for column in ["title", "phones", "tier", "archived"] {
        assert!(!dry.contains(&format!("  {column:<15}left out")), "{column} comes back: {dry}");
    }
    restored.run(&["import", csv.to_str().unwrap()]).ok();
    let again = restored.path("again.csv");
    restored.run(&["export", "--format", "csv", "-o", again.to_str().unwrap()]).ok();

    let rows = |path: &std::path::Path| -> std::collections::BTreeMap<String, csv::StringRecord> {
        let mut reader = csv::Reader::from_path(path).unwrap();
        reader.records().map(|r| r.unwrap()).map(|r| (r[1].to_string(), r)).collect()
    };
    let mut reader = csv::Reader::from_path(&csv).unwrap();
    let headers = reader.headers().unwrap().clone();
    let (before, after) = (rows(&csv), rows(&again));
    assert_eq!(before.len(), 3);
    // Revenue and what follows from it stay with the orders, which a CSV of
    // accounts does not carry; the last touch comes back as its day.
    let derived = ["id", "key_account", "abc", "value_class", "revenue_12m", "revenue_total", "last_touch"];
    for (name, row) in &before {
        for (at, column) in headers.iter().enumerate().filter(|(_, c)| !derived.contains(c)) {
            assert_eq!(row[at], after[name][at], "{name}: {column}");
        }
    }
    let anna = restored.json(&["show", "Anna Müller", "--json"]);
    assert_eq!(anna["account"]["phones"], serde_json::json!(["+49 30 1234567", "0531 1234601"]));
    assert_eq!(anna["account"]["title"], "Farm manager");
    assert_eq!(
        anna["account"]["note"], "=SUM(A1) is what she typed; second line\nof the note",
        "the guard is gone"
    );
    assert_eq!(restored.json(&["show", "Old Farm", "--json"])["account"]["company"], "-gone-");
    let lin = restored.json(&["show", "林军", "--json"]);
    assert_eq!(
        (lin["account"]["stage"].as_str(), lin["account"]["tier"].as_str()),
        (Some("customer"), Some("large"))
    );
}

/// Excel and WPS read a CSV without a byte order mark in the system's code
/// page, which garbles Chinese; Python's `utf-8-sig` and our importer read
/// it, and `--no-bom` leaves it out for tools that do not expect one.
#[test]
fn a_csv_export_starts_with_a_byte_order_mark_unless_told_not_to() {
    let book = Book::new();
    book.add(&["张伟", "--company", "绿源农资", "--phone", "138 0000 1111"]);
    let csv = book.path("book.csv");
    book.run(&["export", "--format", "csv", "-o", csv.to_str().unwrap()]).ok();
    let bytes = std::fs::read(&csv).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBFid,name,"), "{:?}", &bytes[..8]);
    let stdout = book.run(&["export", "--format", "csv", "-o", "-"]).ok();
    assert!(stdout.starts_with("\u{feff}id,"), "standard output too");
    let google = book.run(&["export", "--format", "csv", "--layout", "google"]).ok();
    assert!(google.starts_with("\u{feff}First Name,"), "{google}");

    let python =
        if std::path::Path::new("/usr/bin/python3").exists() { "/usr/bin/python3" } else { "python3" };
    let script = r#"
import csv, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    rows = list(csv.DictReader(f))
print(rows[0]["id"], rows[0]["name"], rows[0]["company"])
"#;
    let output =
        std::process::Command::new(python).args(["-c", script, csv.to_str().unwrap()]).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(String::from_utf8_lossy(&output.stdout), "1 张伟 绿源农资\n");

    let restored = Book::new();
    restored.run(&["import", csv.to_str().unwrap()]).ok();
    assert_eq!(restored.json(&["show", "张伟", "--json"])["account"]["company"], "绿源农资");

    book.run(&["export", "--format", "csv", "--no-bom", "-o", csv.to_str().unwrap()]).ok();
    assert!(std::fs::read(&csv).unwrap().starts_with(b"id,name,"));
    let plain = book.run(&["export", "--format", "csv", "--no-bom"]).ok();
    assert!(plain.starts_with("id,name,"), "{plain}");
    let error = book.run(&["export", "--format", "vcf", "--no-bom"]).fails(2);
    assert!(error.contains("--no-bom is about CSV"), "{error}");
}

/// The shapes of real exports under ../shared/realdata/csv (Outlook 365,
/// Google's own and its "Outlook CSV", Thunderbird in English and German),
/// written small: addresses in parts, a birthday in three columns, Google's
/// groups, a fax among the phones, and dates with the day first.
#[test]
fn outlook_google_and_thunderbird_columns_all_land_somewhere() {
    let import = |name: &str, text: &str| -> common::Book {
        let book = Book::new();
        let file = book.path(name);
        std::fs::write(&file, text).unwrap();
        book.run(&["import", file.to_str().unwrap()]).ok();
        book
    };
    let account = |book: &common::Book, who: &str| book.json(&["show", who, "--json"])["account"].clone();

    let outlook = import(
        "outlook.csv",
        "Title,First Name,Last Name,Company,Business Street,Business Street 2,Business City,Business State,Business Postal Code,Business Country/Region,Home Street,Home City,Business Fax,Mobile Phone,Anniversary,Birthday,Categories\r\n\
         Dr.,Anita,Jorgensen,Contoso,1 Microsoft Way,Building 92,Redmond,WA,98052,United States,12 Elm St,Bellevue,+1 425 555 0199,+1 425 555 0100,6/3/2005,1/20/1981,Seed;Dealer\r\n",
    );
    let anita = account(&outlook, "Anita");
    assert_eq!(
        anita["address"], "1 Microsoft Way, Building 92, Redmond, WA 98052, United States",
        "work first"
    );
    assert_eq!(anita["phones"], serde_json::json!(["+1 425 555 0100"]), "no fax");
    assert_eq!(anita["birthday"], "1981-01-20");
    assert_eq!(anita["anniversary"], "2005-06-03");
    assert_eq!(anita["tags"], serde_json::json!(["Seed", "Dealer"]));

    let google_outlook = import(
        "google-outlook.csv",
        "First Name,Last Name,Title,Birthday,Anniversary,Home Street,Home City,Home Postal Code,Home Country,Categories\n\
         Max,Mustermann,Dr.,31.1.1972,4.1.2001,Eisenbahnstraße 8,Leipzig,04315,DE,Importiert am 29.3.;myContacts\n",
    );
    let max = account(&google_outlook, "Max");
    assert_eq!(max["birthday"], "1972-01-31", "the day first, with dots");
    assert_eq!(max["anniversary"], "2001-01-04");
    assert_eq!(max["address"], "Eisenbahnstraße 8, 04315 Leipzig, DE");
    assert_eq!(max["tags"], serde_json::json!(["Importiert am 29.3."]), "myContacts is Google's, not a tag");

    let google = import(
        "google.csv",
        "Name,Given Name,Family Name,Group Membership,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value,Phone 3 - Type,Phone 3 - Value,Address 1 - Type,Address 1 - Street,Address 1 - City,Address 1 - Postal Code,Address 1 - Country\n\
         Erika Mustermann,Erika,Mustermann,Kunden ::: * myContacts ::: * starred,Mobile,+49 151 1111111,workFax,+49 30 2222222,Pager,+49 30 3333333,Work,Eisenbahnstraße 8,Leipzig,04315,DE\n",
    );
    let erika = account(&google, "Erika");
    assert_eq!(erika["tags"], serde_json::json!(["Kunden"]));
    assert_eq!(erika["phones"], serde_json::json!(["+49 151 1111111"]), "a fax or a pager reaches no one");
    assert_eq!(erika["address"], "Eisenbahnstraße 8, 04315 Leipzig, DE");

    let thunderbird = import(
        "thunderbird.csv",
        "First Name,Last Name,Display Name,Primary Email,Home Address,Home Address 2,Home City,Home State,Home ZipCode,Home Country,Birth Year,Birth Month,Birth Day\r\n\
         Hans,Weber,Hans Weber,hans@example.de,Hauptstr. 1,Hof 2,Erfurt,Thüringen,99084,Germany,1970,4,2\r\n\
         Eva,Klein,Eva Klein,,,,,,,,,12,24\r\n",
    );
    let hans = account(&thunderbird, "Hans");
    assert_eq!(hans["birthday"], "1970-04-02", "year, month and day make one");
    assert_eq!(hans["address"], "Hauptstr. 1, Hof 2, Erfurt, Thüringen 99084, Germany");
    assert_eq!(account(&thunderbird, "Eva")["birthday"], "12-24", "no year");
    let german = import(
        "thunderbird-de.csv",
        "Vorname,Nachname,Anzeigename,Privat: Adresse,Privat: Ort,Privat: PLZ,Privat: Land,Geburtsjahr,Geburtsmonat,Geburtstag,\r\n\
         Max,Mustermann,Max Mustermann,Privatstr. 88,Wohnort,06779,BRD,1972,1,31,\r\n",
    );
    let max = account(&german, "Max");
    assert_eq!(max["birthday"], "1972-01-31", "Geburtstag is the day beside Geburtsmonat");
    assert_eq!(max["address"], "Privatstr. 88, 06779 Wohnort, BRD");
}

/// What a card holds that an account has no field for goes into the note,
/// and the import says how many values it kept so (shapes of
/// ../shared/realdata/vcard's Gmail and iPhone cards).
#[test]
fn a_card_s_nickname_websites_other_addresses_dates_and_relations_are_kept_in_the_note() {
    let book = Book::new();
    let cards = book.path("cards.vcf");
    std::fs::write(
        &cards,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:John Doe\r\nN:Doe;John;;;\r\nNICKNAME:Johnny\r\n\
         item1.URL:http\\://www.example.com\r\nitem1.X-ABLabel:_$!<HomePage>!$_\r\n\
         ADR;TYPE=WORK:;;1 Main St;Springfield;IL;62701;USA\r\n\
         ADR;TYPE=HOME:;;9 Elm St;Springfield;IL;62702;USA\r\n\
         item2.X-ABDATE:2001-01-04\r\nitem2.X-ABLabel:_$!<Anniversary>!$_\r\n\
         item3.X-ABDATE:2015-06-01\r\nitem3.X-ABLabel:first order\r\n\
         item4.X-ABRELATEDNAMES:Jane Doe\r\nitem4.X-ABLabel:_$!<Spouse>!$_\r\n\
         NOTE:Met at the fair\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:4.0\r\nFN:陈军\r\nN:陈;军;;;\r\nANNIVERSARY:20190408\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let dry = book.run(&["import", cards.to_str().unwrap(), "--dry-run"]).ok();
    assert!(dry.contains("5 values with no field of their own"), "{dry}");
    let out = book.run(&["import", cards.to_str().unwrap()]).ok();
    assert!(
        out.contains("5 values with no field of their own")
            && out.contains("are kept in their accounts' notes"),
        "{out}"
    );
    let john = book.json(&["show", "John Doe", "--json"])["account"].clone();
    assert_eq!(john["address"], "1 Main St, Springfield, IL, 62701, USA", "the first address");
    assert_eq!(john["anniversary"], "2001-01-04", "Apple's anniversary date");
    assert_eq!(
        john["note"],
        "Met at the fair\nnickname: Johnny\nwebsite: http://www.example.com\naddress: home: 9 Elm St, Springfield, IL, 62702, USA\ndate: first order: 2015-06-01\nrelated: Spouse: Jane Doe"
    );
    assert_eq!(book.json(&["show", "陈军", "--json"])["account"]["anniversary"], "2019-04-08");
    let zh = Book::new();
    let out = zh.run(&["--lang", "zh-CN", "import", cards.to_str().unwrap()]).ok();
    assert!(out.contains("5 个没有对应字段的内容") && out.contains("已保存在客户备注里"), "{out}");
    assert!(
        zh.json(&["show", "John Doe", "--json"])["account"]["note"]
            .as_str()
            .unwrap()
            .contains("昵称：Johnny")
    );

    // Leadline's own cards come back whole: the anniversary, a tab in the note.
    book.run(&["edit", "陈军", "--note", "一\t二"]).ok();
    let out_file = book.path("out.vcf");
    book.run(&["export", "--format", "vcf", "-o", out_file.to_str().unwrap()]).ok();
    let again = Book::new();
    again.run(&["import", out_file.to_str().unwrap()]).ok();
    let chen = again.json(&["show", "陈军", "--json"])["account"].clone();
    assert_eq!(chen["anniversary"], "2019-04-08");
    assert_eq!(chen["note"], "一\t二");
}
