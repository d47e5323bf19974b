//! `leadline team` (a manager's view of each rep's book) and `leadline
//! handover ACCOUNT --to REP`.

use std::path::Path;

use serde::Serialize;

use super::{CliResult, done, lang};
use crate::app::App;
use crate::app::team_report::{RepReport, team_report};
use crate::config::{Config, Ui};
use crate::i18n::{Lang, msg, terms};

pub fn handover(app: &App, account: &str, to: &str) -> CliResult<i32> {
    let id = app.resolve_account(account)?;
    let handed = app.handover(id, to)?.value;
    let args = msg::CliHandover {
        name: handed.account.as_str(),
        rep: handed.to_rep.as_str(),
        book: handed.to_book.as_str(),
        touches: handed.touches,
        orders: handed.orders,
        follow_ups: handed.follow_ups,
    };
    done(&args.text(lang()));
    Ok(0)
}

pub fn report(config: &Config, cache: &Path, json: bool, md: bool) -> CliResult<i32> {
    let now = crate::clock::from_env()?.now();
    let reports = team_report(config, cache, now)?;
    let lang = lang();
    let ui = &config.ui;
    if json {
        print!("{}", super::json::to_string(&reports.iter().map(|r| RepJson::of(r, ui)).collect::<Vec<_>>()));
    } else if md {
        print!("{}", markdown(&reports, now.date(), ui, lang));
    } else if reports.is_empty() {
        done(&msg::CliTeamNone.text(lang));
    } else {
        print!("{}", text(&reports, ui, lang));
    }
    Ok(0)
}

fn percent(done: usize, planned: usize) -> usize {
    (done * 100).checked_div(planned).unwrap_or(0)
}

fn grades(report: &RepReport, lang: Lang) -> String {
    let separator = msg::SyncListSeparator.text(lang);
    let grades: Vec<String> = report
        .figures
        .prospects_by_grade
        .iter()
        .map(|(grade, n)| format!("{} {n}", grade.as_str()))
        .collect();
    if grades.is_empty() { "0".to_string() } else { grades.join(&separator) }
}

fn tiers(report: &RepReport, lang: Lang) -> String {
    let separator = msg::SyncListSeparator.text(lang);
    let tiers: Vec<String> = report
        .figures
        .customers_by_tier
        .iter()
        .rev()
        .map(|(tier, n)| format!("{} {n}", terms::tier(*tier, lang)))
        .collect();
    if tiers.is_empty() { "0".to_string() } else { tiers.join(&separator) }
}

fn key_overdue(report: &RepReport, lang: Lang) -> String {
    match report.figures.key_overdue.is_empty() {
        true => msg::CliTeamKeyOverdueNone.text(lang),
        false => {
            let names = report.figures.key_overdue.join(&msg::SyncListSeparator.text(lang));
            msg::CliTeamKeyOverdue { names }.text(lang)
        }
    }
}

fn text(reports: &[RepReport], ui: &Ui, lang: Lang) -> String {
    let mut out = String::new();
    for report in reports {
        let f = &report.figures;
        out.push_str(
            &msg::CliTeamRep { owner: report.owner.as_str(), book: report.book.as_str() }.text(lang),
        );
        out.push('\n');
        let lines = [
            msg::CliTeamPlan {
                done: f.done_7d,
                planned: f.planned_7d,
                percent: percent(f.done_7d, f.planned_7d),
                streak: f.streak,
            }
            .text(lang),
            key_overdue(report, lang),
            msg::CliTeamPipeline { grades: grades(report, lang), tiers: tiers(report, lang) }.text(lang),
            msg::CliTeamRevenue { now: ui.money(f.revenue_12m), before: ui.money(f.revenue_year_before) }
                .text(lang),
            msg::CliTeamIncentives { count: f.incentives_owed }.text(lang),
        ];
        for line in lines {
            out.push_str("  ");
            out.push_str(&line);
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

fn markdown(reports: &[RepReport], today: chrono::NaiveDate, ui: &Ui, lang: Lang) -> String {
    let mut out = msg::TeamMdTitle { date: today.to_string() }.text(lang);
    out.push_str("\n\n");
    out.push_str(&msg::TeamMdHeader.text(lang));
    out.push('\n');
    out.push_str(&format!("|{}\n", "---|".repeat(10)));
    for report in reports {
        let f = &report.figures;
        let cells = [
            report.owner.clone(),
            report.book.clone(),
            format!("{}/{} ({}%)", f.done_7d, f.planned_7d, percent(f.done_7d, f.planned_7d)),
            f.streak.to_string(),
            f.key_overdue.join(", "),
            grades(report, lang),
            tiers(report, lang),
            ui.money(f.revenue_12m),
            ui.money(f.revenue_year_before),
            f.incentives_owed.to_string(),
        ];
        let cells: Vec<String> = cells.iter().map(|cell| cell.replace('|', "\\|")).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

/// One rep in `team --json`: amounts in minor units and as shown.
#[derive(Serialize)]
struct RepJson {
    owner: String,
    book: String,
    plan_rows_7d: usize,
    plan_rows_done_7d: usize,
    streak: u32,
    key_accounts_past_cadence: Vec<String>,
    prospects_by_grade: std::collections::BTreeMap<String, usize>,
    customers_by_tier: std::collections::BTreeMap<String, usize>,
    revenue_12m: i128,
    revenue_12m_shown: String,
    revenue_year_before: i128,
    revenue_year_before_shown: String,
    incentives_owed: usize,
}

impl RepJson {
    fn of(report: &RepReport, ui: &Ui) -> RepJson {
        let f = &report.figures;
        RepJson {
            owner: report.owner.clone(),
            book: report.book.clone(),
            plan_rows_7d: f.planned_7d,
            plan_rows_done_7d: f.done_7d,
            streak: f.streak,
            key_accounts_past_cadence: f.key_overdue.clone(),
            prospects_by_grade: f
                .prospects_by_grade
                .iter()
                .map(|(g, n)| (g.as_str().to_string(), *n))
                .collect(),
            customers_by_tier: f
                .customers_by_tier
                .iter()
                .map(|(t, n)| (t.as_str().to_string(), *n))
                .collect(),
            revenue_12m: f.revenue_12m.0,
            revenue_12m_shown: ui.money(f.revenue_12m),
            revenue_year_before: f.revenue_year_before.0,
            revenue_year_before_shown: ui.money(f.revenue_year_before),
            incentives_owed: f.incentives_owed,
        }
    }
}
