//! One person, many spellings: phone numbers in their international form
//! (search, references, duplicates on import), `leadline dupes` and
//! `leadline merge`.

mod common;

use common::Book;

#[test]
fn a_number_is_found_however_it_is_written() {
    let book = Book::new();
    book.add(&["张伟", "--phone", "138 0000 1111"]);
    book.add(&["李娜", "--phone", "+86 (0536) 123-4567"]);
    let shown = book.json(&["show", "张伟", "--json"]);
    assert_eq!(shown["account"]["phones"], serde_json::json!(["138 0000 1111"]), "kept as typed");
    assert_eq!(shown["account"]["dial"], serde_json::json!(["+8613800001111"]));
    for query in ["+86 138-0000-1111", "0086 13800001111", "13800001111", "138 0000 1111"] {
        let hits = book.json(&["search", query, "--json"]);
        let names: Vec<&str> = hits.as_array().unwrap().iter().map(|h| h["name"].as_str().unwrap()).collect();
        assert_eq!(names, ["张伟"], "{query}");
    }
    let hits = book.json(&["search", "0536 1234567", "--json"]);
    assert_eq!(hits[0]["name"], "李娜", "a national prefix finds the number written with +86");
    // A reference by phone resolves in any spelling too.
    book.run(&["log", "call", "tel:+86 138 0000 1111", "--outcome", "reached"]).ok();
    book.run(&["log", "call", "tel:05361234567", "--outcome", "reached"]).ok();
    assert_eq!(book.json(&["show", "李娜", "--json"])["touches"].as_array().unwrap().len(), 1);
}

#[test]
fn an_import_skips_a_number_the_book_has_in_another_spelling() {
    let book = Book::new();
    book.add(&["张伟", "--phone", "138 0000 1111"]);
    let csv = book.path("contacts.csv");
    std::fs::write(&csv, "Name,Phone\n张伟 (new phone),+86 138-0000-1111\n王芳,(0755) 8888 1234\n王芳 again,+86 755 8888 1234\n")
        .unwrap();
    let run = book.run(&["import", csv.to_str().unwrap()]);
    assert!(run.stdout.contains("Imported 1 account"), "{}", run.stdout);
    assert!(
        run.stderr.contains("line 2: skipped 张伟 (new phone): same phone as 张伟 (#1)"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("line 4: skipped 王芳 again: same phone as 王芳 (line 3)"), "{}", run.stderr);
}

#[test]
fn the_region_reads_numbers_written_without_a_country_code() {
    let book = Book::new();
    book.configure("[contacts]\ndefault_region = \"US\"\n");
    book.add(&["Anna Weber", "--phone", "(415) 555-0100"]);
    let shown = book.json(&["show", "Anna Weber", "--json"]);
    assert_eq!(shown["account"]["dial"], serde_json::json!(["+14155550100"]));
    assert_eq!(book.json(&["search", "+1 415 555 0100", "--json"])[0]["name"], "Anna Weber");

    book.configure("[contacts]\ndefault_region = \"China\"\n");
    let error = book.run(&["list"]).fails(2);
    assert!(error.contains("'China' is not a region") && error.contains("line 2"), "{error}");
}

#[test]
fn a_number_the_plans_do_not_know_is_dialled_as_typed() {
    let book = Book::new();
    book.add(&["门卫", "--phone", "110"]);
    let shown = book.json(&["show", "门卫", "--json"]);
    assert_eq!(shown["account"]["dial"], serde_json::json!(["110"]));
}
