fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let db = sled::open(&dir).unwrap();
    let t = db.open_tree("data").unwrap();
    let mut sizes = std::collections::BTreeMap::<u8, (usize, usize)>::new();
    for kv in t.iter() {
        let (k, v) = kv.unwrap();
        let e = sizes.entry(k[0]).or_default();
        e.0 += 1;
        e.1 += v.len();
    }
    for (p, (n, b)) in sizes {
        println!("{} {} keys {} bytes avg {}", p as char, n, b, b / n.max(1));
    }
    let v = t.get(b"a\0\0\0\0\0\0\0\x11").unwrap().unwrap();
    println!("{}", String::from_utf8_lossy(&v[1..]));
}
