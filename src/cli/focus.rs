//! `focus` and `tiers`: the 80/20 view of the book, as text or JSON.

use serde::Serialize;

use super::json::{self, date, money};
use super::table::{Align, Table};
use super::{CliResult, print, print_raw};
use crate::analysis::focus::{Abc, Listed, percent};
use crate::app::{App, FocusReport, TierChange, effort_warning};
use crate::config::FocusRules;
use crate::domain::{AccountSummary, Grade, Money};

/// Rows of each list the text report shows; `--json` has them all.
const SHOWN: usize = 15;

pub fn focus(app: &App, as_json: bool) -> CliResult<i32> {
    let report = app.focus_report()?;
    let rules = &app.config().focus;
    if as_json {
        print_raw(&json::to_string(&FocusJson::new(&report, rules)));
    } else {
        print(&text(&report, rules));
    }
    Ok(0)
}

pub fn tiers(app: &App, apply: bool, as_json: bool) -> CliResult<i32> {
    let changes = app.tier_changes()?;
    let applied = if apply { app.apply_tiers(&changes)?.value } else { Vec::new() };
    if as_json {
        let rows: Vec<TierJson> = changes
            .iter()
            .map(|c| TierJson {
                id: c.id.0,
                name: c.name.clone(),
                tier: c.tier.as_str(),
                suggested_tier: c.suggested.as_str(),
                pinned: c.pinned,
                revenue_12m: money(c.revenue_12m),
                applied: applied.iter().any(|a| a.id == c.id),
            })
            .collect();
        print_raw(&json::to_string(&rows));
    } else {
        print(&tiers_text(&changes, apply, applied.len()));
    }
    Ok(0)
}

#[derive(Serialize)]
struct TierJson {
    id: u64,
    name: String,
    tier: &'static str,
    suggested_tier: &'static str,
    pinned: bool,
    revenue_12m: String,
    applied: bool,
}

fn tiers_text(changes: &[TierChange], apply: bool, applied: usize) -> String {
    if changes.is_empty() {
        return "Every customer's tier matches its revenue over 12 months.\n".into();
    }
    let mut table = Table::new(&[
        ("ID", Align::Right, 10),
        ("NAME", Align::Left, 24),
        ("TIER", Align::Left, 6),
        ("SUGGESTED", Align::Left, 9),
        ("REVENUE 12M", Align::Right, 16),
        ("", Align::Left, 12),
    ]);
    for c in changes {
        table.row(vec![
            c.id.to_string(),
            c.name.clone(),
            c.tier.to_string(),
            c.suggested.to_string(),
            c.revenue_12m.grouped(),
            if c.pinned { "pinned, kept".into() } else { String::new() },
        ]);
    }
    let mut out = table.render();
    let pinned = changes.iter().filter(|c| c.pinned).count();
    let kept = match pinned {
        0 => String::new(),
        1 => "; 1 pinned tier is kept".into(),
        n => format!("; {n} pinned tiers are kept"),
    };
    if apply && applied == 0 {
        out.push_str(
            "Nothing moved: every customer listed has a pinned tier, and pins are kept \
             (`leadline edit ACCOUNT --tier TIER` sets one by hand).\n",
        );
    } else if apply {
        let customers = if applied == 1 { "1 customer".to_string() } else { format!("{applied} customers") };
        out.push_str(&format!(
            "Moved {customers} to the tier their revenue suggests{kept}. `leadline undo` reverts it.\n"
        ));
    } else {
        out.push_str(&format!(
            "{} customers differ from the tier their revenue suggests{kept}. `leadline tiers --apply` moves the unpinned ones.\n",
            changes.len()
        ));
    }
    out
}

#[derive(Serialize)]
struct FocusJson {
    date: String,
    threshold: f64,
    threshold_revenue: String,
    revenue_total: String,
    customers: usize,
    key_accounts: Vec<RevenueJson>,
    revenue_share_key: f64,
    effort_days: u32,
    effort_total: f64,
    effort_share_key: f64,
    effort_target: f64,
    effort_warning: Option<String>,
    abc: ClassesJson<usize>,
    abc_shares: ClassesJson<ShareJson>,
    over_served: Vec<OverServedJson>,
    mvc: Vec<RevenueJson>,
    mgc: Vec<HeadroomJson>,
    bzc: Vec<BelowZeroJson>,
    forecast: ForecastJson,
}

#[derive(Serialize)]
struct ClassesJson<T> {
    #[serde(rename = "A")]
    a: T,
    #[serde(rename = "B")]
    b: T,
    #[serde(rename = "C")]
    c: T,
}

#[derive(Serialize)]
struct ShareJson {
    revenue: String,
    revenue_share: f64,
    effort_share: f64,
}

#[derive(Serialize)]
struct RevenueJson {
    id: u64,
    name: String,
    revenue_12m: String,
    share: f64,
}

#[derive(Serialize)]
struct OverServedJson {
    id: u64,
    name: String,
    stage: String,
    effort: f64,
    effort_share: f64,
    revenue_12m: String,
    revenue_share: f64,
}

#[derive(Serialize)]
struct HeadroomJson {
    id: u64,
    name: String,
    stage: String,
    potential: String,
    revenue_12m: String,
    headroom: String,
}

#[derive(Serialize)]
struct BelowZeroJson {
    id: u64,
    name: String,
    revenue_12m: String,
    cost_to_serve: String,
    net: String,
}

#[derive(Serialize)]
struct GradeJson {
    prospects: usize,
    potential: String,
    probability: f64,
    weighted: String,
}

#[derive(Serialize)]
struct ForecastJson {
    #[serde(rename = "A")]
    a: GradeJson,
    #[serde(rename = "B")]
    b: GradeJson,
    #[serde(rename = "C")]
    c: GradeJson,
    #[serde(rename = "D")]
    d: GradeJson,
    total: String,
}

/// Fractions in JSON, to four places: enough for a percentage with two decimals.
fn fraction(value: f64) -> f64 {
    (value * 10_000.0).round() / 10_000.0
}

/// "prospect A", "customer vip": what the account is now.
fn stage(summary: &AccountSummary) -> String {
    summary.stage_label().kind_and_class()
}

impl FocusJson {
    fn new(report: &FocusReport, rules: &FocusRules) -> FocusJson {
        let f = &report.focus;
        let s = &report.summaries;
        let revenue = |l: &Listed| RevenueJson {
            id: s[l.index].id.0,
            name: s[l.index].name.clone(),
            revenue_12m: money(l.amount),
            share: fraction(f.revenue_share(l.amount)),
        };
        let class = |c: Abc| ShareJson {
            revenue: money(f.abc_revenue[c as usize]),
            revenue_share: fraction(f.abc_share(c)),
            effort_share: fraction(f.abc_effort_share(c)),
        };
        let grade = |g: Grade| {
            let row = &f.forecast[g as usize];
            GradeJson {
                prospects: row.prospects,
                potential: money(row.potential),
                probability: row.probability,
                weighted: money(row.weighted),
            }
        };
        FocusJson {
            date: date(report.today),
            threshold: rules.key_share,
            threshold_revenue: money(f.threshold_revenue),
            revenue_total: money(f.revenue_total),
            customers: f.customers.len(),
            key_accounts: f.key_accounts().iter().map(revenue).collect(),
            revenue_share_key: fraction(f.revenue_share_key),
            effort_days: rules.effort_days,
            effort_total: f.effort_total,
            effort_share_key: fraction(f.effort_share_key),
            effort_target: rules.effort_target,
            effort_warning: effort_warning(f, rules, crate::i18n::Lang::En),
            abc: ClassesJson { a: f.abc_counts[0], b: f.abc_counts[1], c: f.abc_counts[2] },
            abc_shares: ClassesJson { a: class(Abc::A), b: class(Abc::B), c: class(Abc::C) },
            over_served: f
                .over_served
                .iter()
                .map(|o| OverServedJson {
                    id: s[o.index].id.0,
                    name: s[o.index].name.clone(),
                    stage: stage(&s[o.index]),
                    effort: o.effort,
                    effort_share: fraction(o.effort_share),
                    revenue_12m: money(o.revenue),
                    revenue_share: fraction(o.revenue_share),
                })
                .collect(),
            mvc: f.key_accounts().iter().map(revenue).collect(),
            mgc: f
                .mgc
                .iter()
                .map(|l| {
                    let summary = &s[l.index];
                    HeadroomJson {
                        id: summary.id.0,
                        name: summary.name.clone(),
                        stage: stage(summary),
                        potential: money(summary.potential.unwrap_or(Money::ZERO)),
                        revenue_12m: money(summary.revenue_12m(report.today)),
                        headroom: money(l.amount),
                    }
                })
                .collect(),
            bzc: f
                .bzc
                .iter()
                .map(|l| {
                    let summary = &s[l.index];
                    let revenue = summary.revenue_12m(report.today);
                    BelowZeroJson {
                        id: summary.id.0,
                        name: summary.name.clone(),
                        revenue_12m: money(revenue),
                        cost_to_serve: money(Money(revenue.0 - l.amount.0)),
                        net: money(l.amount),
                    }
                })
                .collect(),
            forecast: ForecastJson {
                a: grade(Grade::A),
                b: grade(Grade::B),
                c: grade(Grade::C),
                d: grade(Grade::D),
                total: money(f.forecast_total),
            },
        }
    }
}

fn more(out: &mut String, total: usize) {
    if total > SHOWN {
        out.push_str(&format!("  ... and {} more (focus --json lists them all)\n", total - SHOWN));
    }
}

fn text(report: &FocusReport, rules: &FocusRules) -> String {
    let f = &report.focus;
    let s = &report.summaries;
    let mut out = format!("80/20 focus on {} (revenue over the last 12 months)\n\n", date(report.today));
    let line = |out: &mut String, label: &str, value: String| out.push_str(&format!("{label:<18}{value}\n"));
    line(&mut out, "Revenue", format!("{} from {} customers", f.revenue_total.grouped(), f.customers.len()));
    if f.key_count == 0 {
        line(&mut out, "Key accounts", "none yet: no customer has revenue in the last 12 months".into());
    } else {
        line(
            &mut out,
            "Key accounts",
            format!(
                "{} of {} customers bring {} of revenue (cut at {}: {})",
                f.key_count,
                f.customers.len(),
                percent(f.revenue_share_key),
                percent(rules.key_share),
                f.threshold_revenue.grouped()
            ),
        );
    }
    line(
        &mut out,
        "ABC",
        format!(
            "A {} ({}), B {} ({}), C {} ({}) of revenue",
            f.abc_counts[0],
            percent(f.abc_share(Abc::A)),
            f.abc_counts[1],
            percent(f.abc_share(Abc::B)),
            f.abc_counts[2],
            percent(f.abc_share(Abc::C)),
        ),
    );
    line(
        &mut out,
        &format!("Effort, {} days", rules.effort_days),
        format!(
            "key accounts {}, B {}, C {}, prospects {} (target for key accounts {})",
            percent(f.effort_share_key),
            percent(f.abc_effort_share(Abc::B)),
            percent(f.abc_effort_share(Abc::C)),
            percent(f.prospects_effort_share()),
            percent(rules.effort_target)
        ),
    );
    if let Some(warning) = &effort_warning(f, rules, crate::i18n::Lang::En) {
        out.push_str(&format!("\nWarning: {warning}.\n"));
    }

    if f.key_count > 0 {
        out.push_str("\nKey accounts (MVC)\n");
        let mut table = Table::new(&[
            ("ID", Align::Right, 10),
            ("NAME", Align::Left, 24),
            ("COMPANY", Align::Left, 24),
            ("REVENUE 12M", Align::Right, 16),
            ("SHARE", Align::Right, 5),
            ("CUMULATIVE", Align::Right, 10),
        ]);
        let mut running = Money::ZERO;
        for l in f.key_accounts().iter().take(SHOWN) {
            running = running.saturating_add(l.amount);
            let summary = &s[l.index];
            table.row(vec![
                summary.id.to_string(),
                summary.name.clone(),
                summary.company.clone().unwrap_or_default(),
                l.amount.grouped(),
                percent(f.revenue_share(l.amount)),
                percent(f.revenue_share(running)),
            ]);
        }
        out.push_str(&indent(&table.render()));
        more(&mut out, f.key_count);
    }
    if !f.over_served.is_empty() {
        out.push_str("\nOver-served: customers taking more of your effort than of your revenue\n");
        let mut table = Table::new(&[
            ("ID", Align::Right, 10),
            ("NAME", Align::Left, 24),
            ("STAGE", Align::Left, 16),
            ("EFFORT", Align::Right, 6),
            ("REVENUE", Align::Right, 7),
        ]);
        for o in &f.over_served {
            let summary = &s[o.index];
            table.row(vec![
                summary.id.to_string(),
                summary.name.clone(),
                stage(summary),
                percent(o.effort_share),
                percent(o.revenue_share),
            ]);
        }
        out.push_str(&indent(&table.render()));
    }
    if !f.mgc.is_empty() {
        out.push_str(&format!(
            "\nMost growable (MGC): potential above revenue by more than {}\n",
            FocusRules::money(rules.mgc_headroom).grouped()
        ));
        let mut table = Table::new(&[
            ("ID", Align::Right, 10),
            ("NAME", Align::Left, 24),
            ("STAGE", Align::Left, 16),
            ("POTENTIAL", Align::Right, 16),
            ("HEADROOM", Align::Right, 16),
        ]);
        for l in &f.mgc {
            let summary = &s[l.index];
            table.row(vec![
                summary.id.to_string(),
                summary.name.clone(),
                stage(summary),
                summary.potential.unwrap_or(Money::ZERO).grouped(),
                l.amount.grouped(),
            ]);
        }
        out.push_str(&indent(&table.render()));
    }
    if !f.bzc.is_empty() {
        out.push_str("\nBelow zero (BZC): cost to serve over 12 months above revenue\n");
        let mut table = Table::new(&[
            ("ID", Align::Right, 10),
            ("NAME", Align::Left, 24),
            ("REVENUE 12M", Align::Right, 16),
            ("COST", Align::Right, 16),
            ("NET", Align::Right, 16),
        ]);
        for l in f.bzc.iter().take(SHOWN) {
            let summary = &s[l.index];
            let revenue = summary.revenue_12m(report.today);
            table.row(vec![
                summary.id.to_string(),
                summary.name.clone(),
                revenue.grouped(),
                Money(revenue.0 - l.amount.0).grouped(),
                l.amount.grouped(),
            ]);
        }
        out.push_str(&indent(&table.render()));
        more(&mut out, f.bzc.len());
    }
    out.push_str("\nForecast: potential weighted by the chance of each grade\n");
    let mut table = Table::new(&[
        ("GRADE", Align::Left, 5),
        ("PROSPECTS", Align::Right, 9),
        ("POTENTIAL", Align::Right, 18),
        ("CHANCE", Align::Right, 6),
        ("WEIGHTED", Align::Right, 18),
    ]);
    for row in &f.forecast {
        table.row(vec![
            row.grade.to_string(),
            row.prospects.to_string(),
            row.potential.grouped(),
            percent(row.probability),
            row.weighted.grouped(),
        ]);
    }
    table.row(vec!["total".into(), String::new(), String::new(), String::new(), f.forecast_total.grouped()]);
    out.push_str(&indent(&table.render()));
    out
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("  {l}\n")).collect()
}
