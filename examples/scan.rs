use std::time::Instant;
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let db = sled::open(&dir).unwrap();
    let tr = db.open_tree("data").unwrap();
    for prefix in [b"l", b"l", b"s", b"a"] {
        let t = Instant::now();
        let raw: Vec<(sled::IVec, sled::IVec)> = tr.scan_prefix(prefix).collect::<Result<_, _>>().unwrap();
        let scanned = t.elapsed();
        let bytes: usize = raw.iter().map(|(_, v)| v.len()).sum();
        let t2 = Instant::now();
        if prefix == b"l" {
            let mut n = 0;
            for (_, v) in &raw {
                let x: Vec<leadline::domain::AccountSummary> = serde_json::from_slice(&v[1..]).unwrap();
                n += x.len();
            }
            println!("decode {} {:?}", n, t2.elapsed());
        }
        println!("{} keys {} bytes {} scan {:?}", prefix[0] as char, raw.len(), bytes, scanned);
    }
}
