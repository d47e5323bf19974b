use std::time::Instant;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let src = &args[1];
    let dst = &args[2];
    let seg: usize = args[3].parse().unwrap();
    let mode = &args[4];
    let cfg = |p: &str| {
        let c = sled::Config::new().path(p).segment_size(seg);
        if mode == "space" { c.mode(sled::Mode::LowSpace) } else { c }
    };
    if !std::path::Path::new(dst).exists() {
        let s = sled::open(src).unwrap();
        let d = cfg(dst).open().unwrap();
        for name in ["data", "meta"] {
            let st = s.open_tree(name).unwrap();
            let dt = d.open_tree(name).unwrap();
            let mut b = sled::Batch::default();
            let mut n = 0;
            for kv in st.iter() {
                let (k, v) = kv.unwrap();
                b.insert(k, v);
                n += 1;
                if n % 5000 == 0 {
                    dt.apply_batch(std::mem::take(&mut b)).unwrap();
                }
            }
            dt.apply_batch(b).unwrap();
        }
        d.flush().unwrap();
    }
    for _ in 0..4 {
        let t = Instant::now();
        let d = cfg(dst).open().unwrap();
        let t1 = t.elapsed();
        let tr = d.open_tree("data").unwrap();
        let n = tr.scan_prefix(b"l").count();
        println!("open {:?} scan-l {} {:?}", t1, n, t.elapsed());
        drop(tr);
        drop(d);
    }
}
