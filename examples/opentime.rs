use std::time::Instant;
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let t = Instant::now();
    let db = sled::open(&dir).unwrap();
    let t1 = t.elapsed();
    let tr = db.open_tree("data").unwrap();
    let n = tr.scan_prefix(b"l").count();
    let t2 = t.elapsed();
    drop(tr);
    drop(db);
    println!("open {t1:?} scan {n} {t2:?} drop {:?}", t.elapsed());
}
