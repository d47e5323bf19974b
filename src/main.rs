fn main() {
    let code = leadline::cli::main();
    std::process::exit(code);
}
