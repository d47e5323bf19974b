use std::time::Instant;
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let t = Instant::now();
    let store = leadline::store::Store::open(std::path::Path::new(&dir)).unwrap();
    let t_open = t.elapsed();
    let s = store.summaries().unwrap();
    let t_sum = t.elapsed();
    let (index, _) = store.search_index().unwrap();
    let (docs, _) = index.docs();
    let t_docs = t.elapsed();
    for q in ["zw", "张伟", "anna", "13800", "lvyuan"] {
        let t = Instant::now();
        let hits = leadline::search::search(&docs, &leadline::search::Query::parse(q), 20);
        println!("search {q} {} {:?}", hits.len(), t.elapsed());
    }
    println!(
        "open {t_open:?} summaries {} {:?} docs {} {:?}",
        s.items.len(),
        t_sum - t_open,
        docs.len(),
        t_docs - t_sum
    );
}
