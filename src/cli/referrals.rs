//! `refer` and `referrals`: recording who brought whom, the ledger, and
//! delivering earned incentives.

use crate::i18n::Text as _;
use crate::i18n::msg;
use crate::i18n::msg_id;
use serde::Serialize;

use super::json::{self, date, time};
use super::table::{Align, Table};
use super::{CliResult, done, lang, print, print_raw};
use crate::app::{App, Ledger};
use crate::domain::ReferralId;
use crate::i18n::Lang;

pub fn refer(app: &App, referrer: &str, referee: &str, incentive: &Option<String>) -> CliResult<i32> {
    let referrer = app.resolve_account(referrer)?;
    let referee = app.resolve_account(referee)?;
    let referral = app.refer(referrer, referee, incentive.clone())?;
    let ledger = app.referral_ledger()?;
    let row = ledger.rows.iter().find(|r| r.referral.id == referral.id);
    let (by, to) = row.map_or_else(
        || (referrer.to_string(), referee.to_string()),
        |r| (r.referrer_name.clone(), r.referee_name.clone()),
    );
    let rules = &app.config().referrals;
    let day = |days: u32| app.today() + chrono::Duration::days(days.into());
    let args = msg::CliReferral {
        id: referral.id.to_string(),
        by,
        to,
        contact: day(rules.contact_referee_days).to_string(),
        thank: day(rules.thank_referrer_days).to_string(),
    };
    done(&args.text(lang()));
    Ok(0)
}

pub fn deliver(app: &App, id: ReferralId) -> CliResult<i32> {
    let referral = app.deliver_incentive(id)?;
    let what = referral.incentive.as_deref().map(|i| format!(" ({i})")).unwrap_or_default();
    let args = msg::CliDelivered { id: id.to_string(), what };
    done(&args.text(lang()));
    Ok(0)
}

pub fn ledger(app: &App, as_json: bool) -> CliResult<i32> {
    let ledger = app.referral_ledger()?;
    if as_json {
        print_raw(&json::to_string(&LedgerJson::new(&ledger)));
    } else {
        print(&text(&ledger, lang()));
    }
    Ok(0)
}

#[derive(Serialize)]
struct LedgerJson {
    ledger: Vec<RowJson>,
    referrers: Vec<ReferrerJson>,
}

#[derive(Serialize)]
struct RowJson {
    id: u64,
    referrer: String,
    referrer_id: u64,
    referee: String,
    referee_id: u64,
    referee_stage: &'static str,
    at: String,
    incentive: Option<String>,
    incentive_status: &'static str,
}

#[derive(Serialize)]
struct ReferrerJson {
    id: u64,
    name: String,
    made: usize,
    converted: usize,
}

impl LedgerJson {
    fn new(ledger: &Ledger) -> LedgerJson {
        LedgerJson {
            ledger: ledger
                .rows
                .iter()
                .map(|row| RowJson {
                    id: row.referral.id.0,
                    referrer: row.referrer_name.clone(),
                    referrer_id: row.referral.referrer.0,
                    referee: row.referee_name.clone(),
                    referee_id: row.referral.referee.0,
                    referee_stage: row.referee_stage.as_str(),
                    at: time(row.referral.at),
                    incentive: row.referral.incentive.clone(),
                    incentive_status: row.referral.incentive_status.as_str(),
                })
                .collect(),
            referrers: ledger
                .referrers
                .iter()
                .map(|r| ReferrerJson {
                    id: r.referrer.0,
                    name: r.name.clone(),
                    made: r.made,
                    converted: r.converted,
                })
                .collect(),
        }
    }
}

fn text(ledger: &Ledger, lang: Lang) -> String {
    if ledger.rows.is_empty() {
        return format!("{}\n", msg::CliNoReferrals.text(lang));
    }
    let h: Vec<String> = [
        msg_id!("col-date"),
        msg_id!("col-referrer"),
        msg_id!("col-referee"),
        msg_id!("col-stage"),
        msg_id!("col-incentive"),
        msg_id!("col-status"),
        msg_id!("col-referred"),
        msg_id!("col-converted"),
    ]
    .iter()
    .map(|id| lang.text(id))
    .collect();
    let mut table = Table::new(&[
        ("#", Align::Right, 6),
        (h[0].as_str(), Align::Left, 10),
        (h[1].as_str(), Align::Left, 20),
        (h[2].as_str(), Align::Left, 20),
        (h[3].as_str(), Align::Left, 9),
        (h[4].as_str(), Align::Left, 30),
        (h[5].as_str(), Align::Left, 9),
    ]);
    for row in &ledger.rows {
        table.row(vec![
            row.referral.id.to_string(),
            date(row.referral.at.date()),
            format!("{} (#{})", row.referrer_name, row.referral.referrer),
            format!("{} (#{})", row.referee_name, row.referral.referee),
            crate::i18n::terms::referee_stage(row.referee_stage, lang),
            row.referral.incentive.clone().unwrap_or_default(),
            crate::i18n::terms::incentive_status(row.referral.incentive_status, lang),
        ]);
    }
    let mut out = table.render();
    let mut referrers = Table::new(&[
        (h[1].as_str(), Align::Left, 24),
        (h[6].as_str(), Align::Right, 8),
        (h[7].as_str(), Align::Right, 9),
    ]);
    for r in &ledger.referrers {
        referrers.row(vec![
            format!("{} (#{})", r.name, r.referrer),
            r.made.to_string(),
            r.converted.to_string(),
        ]);
    }
    out.push('\n');
    out.push_str(&referrers.render());
    out
}
