//! `leadline sync init` (issue 24, point 4) against a real PostgreSQL: the
//! schema made and brought up to date by versioned migrations, roles made
//! reps and managers, and who may see what enforced by PostgreSQL itself
//! (row-level security), tried through plain SQL as each role.

mod common;

use common::Book;
use common::postgres::Cluster;

#[test]
fn a_rep_sees_and_writes_only_its_own_books_and_a_manager_reads_all_and_writes_none() {
    let Some(cluster) = Cluster::start() else { return };
    let book = Book::new();
    let admin = cluster.url("admin");
    let init =
        book.run(&["sync", "init", "--url", &admin, "--rep", "alice", "--rep", "bob", "--manager", "carol"]);
    assert_eq!(init.code, 0, "{}", init.stderr);
    assert!(
        init.stdout.contains("schema version 3 (created); reps: alice, bob; managers: carol"),
        "{}",
        init.stdout
    );
    // Again: nothing to migrate, the roles already there.
    let again = book.run(&["--lang", "zh-CN", "sync", "init", "--url", &admin, "--rep", "alice"]);
    assert!(again.stdout.contains("团队数据库的结构版本是 3（原来是 3）；销售：alice"), "{}", again.stdout);
    assert_eq!(cluster.psql("admin", "SELECT version FROM leadline.schema_version").unwrap(), "3");

    let alice = |sql: &str| cluster.psql("alice", sql);
    let bob = |sql: &str| cluster.psql("bob", sql);
    let carol = |sql: &str| cluster.psql("carol", sql);
    alice("INSERT INTO leadline.books (name) VALUES ('alice-laptop')").unwrap();
    alice("INSERT INTO leadline.changes (book, device, operations) VALUES ('alice-laptop', 'laptop', '[]')")
        .unwrap();
    bob("INSERT INTO leadline.books (name) VALUES ('bob')").unwrap();
    bob("INSERT INTO leadline.changes (book, device, operations) VALUES ('bob', 'desk', '[]')").unwrap();

    // Each rep sees its own book and nothing of the other's.
    assert_eq!(alice("SELECT string_agg(book, ',') FROM leadline.changes").unwrap(), "alice-laptop");
    assert_eq!(bob("SELECT count(*) FROM leadline.changes WHERE book = 'alice-laptop'").unwrap(), "0");
    assert_eq!(bob("SELECT string_agg(name, ',') FROM leadline.books").unwrap(), "bob");
    // Asked for the other's book by name, the server refuses.
    let refused = bob("SELECT count(*) FROM leadline.changes_of('alice-laptop', 0)");
    assert!(
        refused.as_ref().is_err_and(|e| e.contains("permission denied for book alice-laptop")),
        "{refused:?}"
    );
    assert_eq!(alice("SELECT count(*) FROM leadline.changes_of('alice-laptop', 0)").unwrap(), "1");
    assert_eq!(carol("SELECT count(*) FROM leadline.changes_of('alice-laptop', 0)").unwrap(), "1");
    // Writing into another's book, or taking it over, is refused by the server.
    let refused =
        bob("INSERT INTO leadline.changes (book, device, operations) VALUES ('alice-laptop', 'desk', '[]')");
    assert!(refused.as_ref().is_err_and(|e| e.contains("row-level security")), "{refused:?}");
    let refused = bob("INSERT INTO leadline.books (name, owner) VALUES ('stolen', 'alice')");
    assert!(refused.as_ref().is_err_and(|e| e.contains("row-level security")), "{refused:?}");
    assert_eq!(
        bob("UPDATE leadline.changes SET device = 'x'").map_err(|e| e.contains("permission denied")),
        Err(true)
    );

    // The manager reads both books and writes neither.
    assert_eq!(
        carol("SELECT string_agg(book, ',' ORDER BY book) FROM leadline.changes").unwrap(),
        "alice-laptop,bob"
    );
    let refused = carol("INSERT INTO leadline.changes (book, device, operations) VALUES ('bob', 'x', '[]')");
    assert!(refused.as_ref().is_err_and(|e| e.contains("permission denied")), "{refused:?}");
    let refused = carol("INSERT INTO leadline.books (name) VALUES ('carol')");
    assert!(refused.as_ref().is_err_and(|e| e.contains("permission denied")), "{refused:?}");
}

#[test]
fn sync_init_says_what_is_missing_and_refuses_a_role_name_that_is_not_one() {
    let book = Book::new();
    let none = book.run(&["sync", "init"]);
    assert_eq!(none.code, 2, "{}", none.stderr);
    assert!(none.stderr.contains("set [sync] url in the settings"), "{}", none.stderr);
    let Some(cluster) = Cluster::start() else { return };
    book.configure(&format!("[sync]\nurl = \"{}\"\n", cluster.url("admin")));
    let bad = book.run(&["sync", "init", "--rep", "bob; DROP TABLE x"]);
    assert_ne!(bad.code, 0);
    assert!(bad.stderr.contains("'bob; DROP TABLE x' is not a role name"), "{}", bad.stderr);
    let zh = book.run(&["--lang", "zh-CN", "sync", "init", "--rep", "1bob"]);
    assert!(zh.stderr.contains("“1bob”不是角色名：请用字母、数字和下划线"), "{}", zh.stderr);
    let unreachable =
        book.run(&["sync", "init", "--url", "host=/nonexistent user=admin dbname=postgres sslmode=disable"]);
    assert_ne!(unreachable.code, 0);
    assert!(unreachable.stderr.contains("the team's database:"), "{}", unreachable.stderr);
}
