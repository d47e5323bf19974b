fn main() {
    let code = leadline::cli::main();
    if let Ok(dir) = std::env::var("LEADLINE_TRACE_EXIT") {
        let _ = std::fs::write(format!("{dir}/{}", std::process::id()), format!("{code}"));
    }
    std::process::exit(code);
}
