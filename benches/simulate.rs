//! A rep following the plan for 90 days on the demo book (see
//! `leadline::simulation`): `cargo bench --bench simulate` (`SIM_DAYS`,
//! `SIM_SEED` for the rep's dice, `SIM_DEMO_SEED` for the book's). Prints
//! the figures every 5 days and the goals the plan is held to.

fn main() {
    let days = std::env::var("SIM_DAYS").ok().and_then(|d| d.parse().ok()).unwrap_or(90);
    let seed = std::env::var("SIM_SEED").ok().and_then(|d| d.parse().ok()).unwrap_or(11);
    let defaults = leadline::simulation::SimOptions::default();
    let demo_seed =
        std::env::var("SIM_DEMO_SEED").ok().and_then(|d| d.parse().ok()).unwrap_or(defaults.demo.seed);
    let demo = leadline::app::demo::DemoOptions { seed: demo_seed, ..defaults.demo };
    let options = leadline::simulation::SimOptions { days, seed, demo, ..defaults };
    let dir = tempfile::tempdir().expect("a temporary directory");
    let started = std::time::Instant::now();
    let report = leadline::simulation::run(dir.path(), &options).expect("the simulation runs");
    println!(
        "A rep following the plan for {days} days from {} (demo book, capacity 25, weekends off,",
        options.start.date()
    );
    println!(
        "{} sick days, away days {:?}); seed {}, demo seed {}",
        options.sick_days, options.absence, options.seed, options.demo.seed
    );
    print!("{}", report.table());
    println!();
    println!("worked days over capacity: {}", report.over_capacity_days(25));
    println!("key share of the effort logged: {:.1}%", report.planned_key_share() * 100.0);
    println!(
        "never planned: {} of {} active accounts ({} of them VIP or large)",
        report.never_planned, report.accounts, report.never_planned_big
    );
    if std::env::var("SIM_DEBUG").is_ok() {
        for d in report.days.iter().filter(|d| d.worked) {
            println!(
                "{} touches {:>2} effort {:>5.1} key {:>5.1} ({:.0}%)",
                d.date,
                d.touches,
                d.effort,
                d.effort_key,
                100.0 * d.effort_key / d.effort.max(1.0)
            );
        }
    }
    for goal in report.goals() {
        println!("[{}] {}: {}", if goal.met { "met" } else { "NOT MET" }, goal.name, goal.measured);
    }
    eprintln!("({:.1} s)", started.elapsed().as_secs_f64());
}
