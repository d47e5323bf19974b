//! `focus` and `tiers`: the 80/20 view of the book, as text or JSON.

use crate::i18n::Text as _;
use crate::i18n::msg;
use crate::i18n::msg_id;
use serde::Serialize;

use super::json::{self, date, money};
use super::plan::Output;
use super::table::{self, Align, Table};
use super::text::md_escape;
use super::{CliResult, print, print_raw};
use crate::analysis::focus::{Abc, Listed, percent};
use crate::app::{App, FocusReport, TierChange, effort_warning};
use crate::config::{FocusRules, Ui};
use crate::domain::{AccountSummary, Grade, Money, Stage};
use crate::i18n::{Lang, pad};

/// Rows of each list the text report shows; `--json` has them all.
const SHOWN: usize = 15;

pub fn focus(app: &App, output: Output) -> CliResult<i32> {
    let report = app.focus_report()?;
    let rules = &app.config().focus;
    let ui = &app.config().ui;
    match output {
        Output::Json => print_raw(&json::to_string(&FocusJson::new(&report, rules))),
        Output::Markdown => print(&markdown(&report, rules, ui)),
        Output::Text => print(&text(&report, rules, ui)),
    }
    Ok(0)
}

/// The text report as Markdown: its title a heading, its figures a list,
/// each section a heading over a line per account (the tables' columns
/// joined), so that it reads the same pasted into a chat.
fn markdown(report: &FocusReport, rules: &FocusRules, ui: &Ui) -> String {
    let text = text(report, rules, ui);
    let mut out = String::new();
    let mut blocks = text.split("\n\n");
    if let Some(title) = blocks.next() {
        out.push_str(&format!("# {}\n", md_escape(title.trim())));
    }
    for block in blocks {
        let mut lines = block.lines().filter(|l| !l.trim().is_empty());
        let Some(first) = lines.next() else { continue };
        if first.starts_with("  ") {
            continue;
        }
        let rest: Vec<&str> = lines.collect();
        let table = rest.first().is_some_and(|l| l.starts_with("  "));
        if table {
            out.push_str(&format!("\n## {}\n\n", md_escape(first.trim())));
            // The first indented line is the table's header.
            for line in rest.iter().skip(1) {
                let cells: Vec<&str> = line.split("  ").map(str::trim).filter(|c| !c.is_empty()).collect();
                out.push_str(&format!("- {}\n", md_escape(&cells.join(" · "))));
            }
        } else {
            out.push('\n');
            for line in std::iter::once(first).chain(rest) {
                // "Revenue          17,980,390.00 from ...": the label, then the figure.
                match line.trim().split_once("  ") {
                    Some((label, value)) => {
                        out.push_str(&format!("- **{}**: {}\n", md_escape(label), md_escape(value.trim())))
                    }
                    None => out.push_str(&format!("- {}\n", md_escape(line.trim()))),
                }
            }
        }
    }
    out
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
        print(&tiers_text(&changes, apply, applied.len(), &app.config().ui));
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

fn tiers_text(changes: &[TierChange], apply: bool, applied: usize, ui: &Ui) -> String {
    let lang = ui.lang();
    if changes.is_empty() {
        return format!("{}\n", msg::CliTiersMatch.text(lang));
    }
    let mut table = table(
        lang,
        &[
            (msg_id!("col-id"), Align::Right, 10),
            (msg_id!("col-name"), Align::Left, 24),
            (msg_id!("col-tier"), Align::Left, 6),
            (msg_id!("col-suggested"), Align::Left, 9),
            (msg_id!("col-revenue-12m"), Align::Right, 16),
            ("", Align::Left, 12),
        ],
    );
    let tier = |t| crate::i18n::reasons::tier_in_sentence(t, lang);
    for c in changes {
        table.row(vec![
            c.id.to_string(),
            c.name.clone(),
            tier(c.tier),
            tier(c.suggested),
            ui.money(c.revenue_12m),
            if c.pinned { msg::CliTiersPinnedKept.text(lang) } else { String::new() },
        ]);
    }
    let mut out = table.render();
    let pinned = changes.iter().filter(|c| c.pinned).count();
    let kept = if pinned == 0 { String::new() } else { msg::CliTiersKept { count: pinned }.text(lang) };
    let line = if apply && applied == 0 {
        msg::CliTiersNothingMoved.text(lang)
    } else if apply {
        msg::CliTiersMoved { count: applied, kept }.text(lang)
    } else {
        msg::CliTiersDiffer { count: changes.len(), kept }.text(lang)
    };
    out.push_str(&format!("{line}\n"));
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
    /// Key accounts with no competitor note.
    key_accounts_competition_unknown: usize,
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
            key_accounts_competition_unknown: f.key_competition_unknown,
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

fn more(out: &mut String, total: usize, lang: Lang) {
    if total > SHOWN {
        out.push_str(&format!("{}\n", msg::CliFocusMore { count: (total - SHOWN) }.text(lang)));
    }
}

/// A table whose headers are the catalogue's `ids`.
fn table(lang: Lang, columns: &[(&str, Align, usize)]) -> Table {
    let headers: Vec<String> =
        columns.iter().map(|(id, _, _)| if id.is_empty() { String::new() } else { lang.text(id) }).collect();
    let columns: Vec<(&str, Align, usize)> = columns
        .iter()
        .zip(&headers)
        .map(|((_, align, width), header)| (header.as_str(), *align, *width))
        .collect();
    Table::new(&columns)
}

fn text(report: &FocusReport, rules: &FocusRules, ui: &Ui) -> String {
    let lang = ui.lang();
    let f = &report.focus;
    let s = &report.summaries;
    let mut out = format!("{}\n\n", msg::CliFocusTitle { date: date(report.today) }.text(lang));
    let labels = [msg::CliFocusRevenue.text(lang), msg::CliFocusKey.text(lang), "ABC".to_string()];
    let effort_label = msg::CliFocusEffort { days: rules.effort_days }.text(lang);
    let width = labels
        .iter()
        .map(|label| table::width(label))
        .chain([table::width(&effort_label)])
        .max()
        .unwrap_or(0)
        + 2;
    let line = |out: &mut String, label: &str, value: String| {
        out.push_str(&format!("{}{value}\n", pad(label, width)))
    };
    line(
        &mut out,
        &msg::CliFocusRevenue.text(lang),
        msg::CliFocusRevenueLine { revenue: ui.money(f.revenue_total), customers: f.customers.len() }
            .text(lang),
    );
    let key = if f.key_count == 0 {
        msg::CliFocusKeyNone.text(lang)
    } else {
        msg::CliFocusKeyLine {
            key: f.key_count,
            customers: f.customers.len(),
            share: percent(f.revenue_share_key),
            cut: percent(rules.key_share),
            threshold: ui.money(f.threshold_revenue),
        }
        .text(lang)
    };
    line(&mut out, &msg::CliFocusKey.text(lang), key);
    line(
        &mut out,
        "ABC",
        msg::CliFocusAbcLine {
            a: f.abc_counts[0],
            a_share: percent(f.abc_share(Abc::A)),
            b: f.abc_counts[1],
            b_share: percent(f.abc_share(Abc::B)),
            c: f.abc_counts[2],
            c_share: percent(f.abc_share(Abc::C)),
        }
        .text(lang),
    );
    line(
        &mut out,
        &effort_label,
        msg::CliFocusEffortLine {
            key: percent(f.effort_share_key),
            b: percent(f.abc_effort_share(Abc::B)),
            c: percent(f.abc_effort_share(Abc::C)),
            prospects: percent(f.prospects_effort_share()),
            target: percent(rules.effort_target),
        }
        .text(lang),
    );
    if let Some(warning) = &effort_warning(f, rules, lang) {
        out.push_str(&format!("\n{}\n", msg::CliFocusWarning { warning: warning.as_str() }.text(lang)));
    }
    if f.key_competition_unknown > 0 {
        let words = msg::CliFocusCompetitionUnknown { count: f.key_competition_unknown }.text(lang);
        let names: Vec<String> = f
            .key_accounts()
            .iter()
            .map(|l| &s[l.index])
            .filter(|summary| !summary.knows_competition)
            .map(|summary| format!("{} (#{})", summary.name, summary.id))
            .collect();
        out.push_str(&format!("\n{words}\n  {}\n", names.join(&msg::ListSeparator.text(lang))));
    }

    if f.key_count > 0 {
        out.push_str(&format!("\n{}\n", msg::CliFocusMvc.text(lang)));
        let mut table = table(
            lang,
            &[
                (msg_id!("col-id"), Align::Right, 10),
                (msg_id!("col-name"), Align::Left, 24),
                (msg_id!("col-company"), Align::Left, 24),
                (msg_id!("col-revenue-12m"), Align::Right, 16),
                (msg_id!("col-share"), Align::Right, 5),
                (msg_id!("col-cumulative"), Align::Right, 10),
            ],
        );
        let mut running = Money::ZERO;
        for l in f.key_accounts().iter().take(SHOWN) {
            running = running.saturating_add(l.amount);
            let summary = &s[l.index];
            table.row(vec![
                summary.id.to_string(),
                summary.name.clone(),
                summary.company.clone().unwrap_or_default(),
                ui.money(l.amount),
                percent(f.revenue_share(l.amount)),
                percent(f.revenue_share(running)),
            ]);
        }
        out.push_str(&indent(&table.render()));
        more(&mut out, f.key_count, lang);
    }
    if !f.over_served.is_empty() {
        out.push_str(&format!("\n{}\n", msg::CliFocusOverServed.text(lang)));
        let mut table = table(
            lang,
            &[
                (msg_id!("col-id"), Align::Right, 10),
                (msg_id!("col-name"), Align::Left, 24),
                (msg_id!("col-stage"), Align::Left, 16),
                (msg_id!("col-effort"), Align::Right, 6),
                (msg_id!("col-revenue"), Align::Right, 7),
            ],
        );
        for o in &f.over_served {
            let summary = &s[o.index];
            table.row(vec![
                summary.id.to_string(),
                summary.name.clone(),
                stage_in(summary, lang),
                percent(o.effort_share),
                percent(o.revenue_share),
            ]);
        }
        out.push_str(&indent(&table.render()));
    }
    if !f.mgc.is_empty() {
        let headroom = ui.money(FocusRules::money(rules.mgc_headroom));
        out.push_str(&format!("\n{}\n", msg::CliFocusMgc { headroom }.text(lang)));
        let mut table = table(
            lang,
            &[
                (msg_id!("col-id"), Align::Right, 10),
                (msg_id!("col-name"), Align::Left, 24),
                (msg_id!("col-stage"), Align::Left, 16),
                (msg_id!("col-potential"), Align::Right, 16),
                (msg_id!("col-headroom"), Align::Right, 16),
            ],
        );
        for l in &f.mgc {
            let summary = &s[l.index];
            table.row(vec![
                summary.id.to_string(),
                summary.name.clone(),
                stage_in(summary, lang),
                ui.money(summary.potential.unwrap_or(Money::ZERO)),
                ui.money(l.amount),
            ]);
        }
        out.push_str(&indent(&table.render()));
    }
    if !f.bzc.is_empty() {
        out.push_str(&format!("\n{}\n", msg::CliFocusBzc.text(lang)));
        let mut table = table(
            lang,
            &[
                (msg_id!("col-id"), Align::Right, 10),
                (msg_id!("col-name"), Align::Left, 24),
                (msg_id!("col-revenue-12m"), Align::Right, 16),
                (msg_id!("col-cost"), Align::Right, 16),
                (msg_id!("col-net"), Align::Right, 16),
            ],
        );
        for l in f.bzc.iter().take(SHOWN) {
            let summary = &s[l.index];
            let revenue = summary.revenue_12m(report.today);
            table.row(vec![
                summary.id.to_string(),
                summary.name.clone(),
                ui.money(revenue),
                ui.money(Money(revenue.0 - l.amount.0)),
                ui.money(l.amount),
            ]);
        }
        out.push_str(&indent(&table.render()));
        more(&mut out, f.bzc.len(), lang);
    }
    out.push_str(&format!("\n{}\n", msg::CliFocusForecast.text(lang)));
    let mut table = table(
        lang,
        &[
            (msg_id!("col-grade"), Align::Left, 5),
            (msg_id!("col-prospects"), Align::Right, 9),
            (msg_id!("col-potential"), Align::Right, 18),
            (msg_id!("col-chance"), Align::Right, 6),
            (msg_id!("col-weighted"), Align::Right, 18),
        ],
    );
    for row in &f.forecast {
        table.row(vec![
            row.grade.to_string(),
            row.prospects.to_string(),
            ui.money(row.potential),
            percent(row.probability),
            ui.money(row.weighted),
        ]);
    }
    table.row(vec![
        msg::CliFocusTotal.text(lang),
        String::new(),
        String::new(),
        String::new(),
        ui.money(f.forecast_total),
    ]);
    out.push_str(&indent(&table.render()));
    out
}

/// The stage as the tables show it, in `lang`.
fn stage_in(summary: &AccountSummary, lang: Lang) -> String {
    let label = summary.stage_label();
    match (label.archived, label.stage) {
        (Some(_), _) => msg::FocusStageArchived.text(lang),
        (None, Stage::Prospect { grade }) => msg::FocusStageProspect { grade: grade.to_string() }.text(lang),
        (None, Stage::Customer { tier, .. }) => {
            msg::FocusStageCustomer { tier: crate::i18n::reasons::tier_in_sentence(tier, lang) }.text(lang)
        }
    }
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("  {l}\n")).collect()
}
