//! Contacts import at 10k, 100k and 1M rows: the whole `leadline import`
//! process on a fresh store, its wall time and peak memory. Files are
//! generated once under target/bench-books (Chinese names and companies,
//! phones, emails, tags, notes: about 100 bytes a row).
//! Run: cargo bench --bench import   (see docs/PERFORMANCE.md)

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn csv_file(rows: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-books");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("contacts-{rows}.csv"));
    if path.exists() {
        return path;
    }
    let surnames: Vec<char> =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董".chars().collect();
    let given: Vec<char> =
        "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国文".chars().collect();
    let companies = ["绿源农资", "丰收种业", "惠农合作社", "金穗肥料", "田园植保", "沃土化肥"];
    let mut rng = fastrand::Rng::with_seed(1);
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    writeln!(out, "姓名,公司,手机,邮箱,标签,备注").unwrap();
    for i in 0..rows {
        let name: String =
            [surnames[rng.usize(..surnames.len())], given[rng.usize(..given.len())]].iter().collect();
        let company = companies[i % companies.len()];
        writeln!(
            out,
            "{name},{company}{}号店,1{}{i:09},u{i}@example.cn,\"农资,客户\",第{i}行备注",
            i % 997,
            rng.u8(3..10)
        )
        .unwrap();
    }
    out.flush().unwrap();
    path
}

/// Peak resident memory of the biggest child waited for so far, in MB.
fn children_peak_mb() -> f64 {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage fills the struct it is given.
    let usage = unsafe {
        libc::getrusage(libc::RUSAGE_CHILDREN, usage.as_mut_ptr());
        usage.assume_init()
    };
    usage.ru_maxrss as f64 / 1024.0
}

fn main() {
    // `cargo bench` passes --bench; a name filter may follow.
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with("--"));
    let work = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-import");
    println!("whole-process `leadline import` into a fresh store, release build");
    println!("{:>10}  {:>9}  {:>12}  {:>8}", "rows", "seconds", "rows/second", "peak MB");
    // Ascending sizes: the peak of all children so far is that of the last.
    for rows in [10_000, 100_000, 1_000_000] {
        if filter.as_deref().is_some_and(|f| !rows.to_string().contains(f)) {
            continue;
        }
        let file = csv_file(rows);
        let runs = if rows >= 1_000_000 { 1 } else { 3 };
        let mut best = f64::MAX;
        for _ in 0..runs {
            let _ = std::fs::remove_dir_all(&work);
            std::fs::create_dir_all(&work).unwrap();
            let started = Instant::now();
            let output = Command::new(env!("CARGO_BIN_EXE_leadline"))
                .arg("import")
                .arg(&file)
                .env("LEADLINE_STORE", work.join("store"))
                .env("LEADLINE_NOW", "2026-12-01T09:00")
                .env("XDG_CONFIG_HOME", &work)
                .env_remove("LEADLINE_CONFIG")
                .output()
                .expect("run leadline import");
            let seconds = started.elapsed().as_secs_f64();
            assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
            best = best.min(seconds);
        }
        println!("{rows:>10}  {best:>9.2}  {:>12.0}  {:>8.0}", rows as f64 / best, children_peak_mb());
    }
    let _ = std::fs::remove_dir_all(&work);
}
