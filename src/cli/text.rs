//! Human-readable output of the CLI.

use chrono::NaiveDateTime;

use super::table::{Align, Table};
use crate::analysis::focus::ValueClass;
use crate::app::{AccountDetail, AccountMarks, AccountRow, Past};
use crate::domain::{Account, Money, Stage};
use crate::search::DocRef;

pub fn when(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%d %H:%M").to_string()
}

fn stage_cell(row: &AccountRow) -> String {
    row.label.kind_and_class()
}

pub fn account_list(rows: &[AccountRow]) -> String {
    let mut table = Table::new(&[
        ("ID", Align::Right, 10),
        ("NAME", Align::Left, 24),
        ("COMPANY", Align::Left, 28),
        ("STAGE", Align::Left, 16),
        ("80/20", Align::Left, 5),
        ("REVENUE 12M", Align::Right, 16),
        ("LAST TOUCH", Align::Left, 10),
    ]);
    for row in rows {
        table.row(vec![
            row.id.to_string(),
            row.name.clone(),
            row.company.clone().unwrap_or_default(),
            stage_cell(row),
            row.marks.value_class.map_or("", ValueClass::mark).to_string(),
            row.revenue_12m.grouped(),
            row.last_touch.map_or_else(|| "-".into(), |t| t.format("%Y-%m-%d").to_string()),
        ]);
    }
    let mut out = table.render();
    out.push_str(&format!("{} accounts\n", rows.len()));
    out
}

pub fn search(hits: &[(i64, DocRef<'_>)]) -> String {
    if hits.is_empty() {
        return "No account matches.\n".into();
    }
    let mut table = Table::new(&[
        ("ID", Align::Right, 10),
        ("NAME", Align::Left, 30),
        ("COMPANY", Align::Left, 30),
        ("SCORE", Align::Right, 8),
    ]);
    for (score, doc) in hits {
        let name = if doc.archived() { format!("{} (archived)", doc.name()) } else { doc.name().to_string() };
        table.row(vec![
            doc.id.to_string(),
            name,
            doc.company().unwrap_or_default().to_string(),
            score.to_string(),
        ]);
    }
    table.render()
}

fn field(out: &mut String, label: &str, value: Option<String>) {
    if let Some(value) = value.filter(|v| !v.is_empty()) {
        let mut lines = value.lines();
        out.push_str(&format!("  {label:<12}{}\n", lines.next().unwrap_or_default()));
        for line in lines {
            out.push_str(&format!("  {:<12}{line}\n", ""));
        }
    }
}

fn card(out: &mut String, account: &Account, row: &AccountRow, revenue_total: Money) {
    out.push_str(&format!("{} (#{})  {}\n", account.name, account.id, stage_cell(row)));
    field(out, "company", account.company.clone());
    field(out, "title", account.title.clone());
    field(out, "phone", Some(account.phones.join(", ")));
    field(out, "email", account.email.clone());
    field(out, "address", account.address.clone());
    field(out, "tags", Some(account.tags.join(", ")));
    field(out, "source", account.source.clone());
    field(out, "birthday", account.birthday.map(|b| b.to_string()));
    field(out, "anniversary", account.anniversary().map(|d| d.to_string()));
    field(out, "potential", account.potential.map(Money::grouped));
    if row.tier.is_some() || revenue_total > Money::ZERO {
        let revenue =
            format!("{} in 12 months, {} in all", row.revenue_12m.grouped(), revenue_total.grouped());
        field(out, "revenue", Some(revenue));
    }
    field(out, "80/20", row.marks.words(crate::i18n::Lang::En));
    if let (Some(suggested), Stage::Customer { tier_pinned, .. }) = (row.marks.suggested_tier, account.stage)
    {
        let pinned = if tier_pinned {
            "; the tier is pinned and stays"
        } else {
            "; `leadline tiers --apply` moves it"
        };
        field(out, "tier", Some(format!("revenue over 12 months suggests {suggested}{pinned}")));
    }
    if let Some(archived) = &account.archived {
        field(out, "archived", Some(format!("{} since {}", archived.reason, archived.at.format("%Y-%m-%d"))));
    }
    field(out, "note", account.note.clone());
    field(out, "competitors", account.competitors.clone());
}

pub fn account_detail(detail: &AccountDetail, marks: AccountMarks) -> String {
    let record = &detail.record;
    let row = AccountRow { marks, ..detail.row.clone() };
    let mut out = String::new();
    card(&mut out, &record.account, &row, record.stats.revenue_total);

    if !detail.follow_ups.is_empty() {
        out.push_str("\nFollow-ups\n");
        for f in &detail.follow_ups {
            let time = f.due_time.map(|t| t.format(" %H:%M").to_string()).unwrap_or_default();
            let snoozed = if f.snoozes > 0 { format!(", snoozed {}x", f.snoozes) } else { String::new() };
            let note = if f.note.is_empty() { String::new() } else { format!(": {}", f.note) };
            out.push_str(&format!(
                "  #{:<6} {}{time}  {:<8} {:<8} {}{note}{snoozed}\n",
                f.id, f.due, f.status, f.kind, f.reason
            ));
        }
    }
    if !detail.referrals.is_empty() {
        out.push_str("\nReferrals\n");
        for link in &detail.referrals {
            let r = &link.referral;
            let incentive = match &r.incentive {
                Some(text) => format!(", incentive {text} ({})", r.incentive_status),
                None => String::new(),
            };
            if r.referee == record.account.id {
                out.push_str(&format!("  referred by {} (#{}){incentive}\n", link.referrer_name, r.referrer));
            } else {
                out.push_str(&format!("  referred {} (#{}){incentive}\n", link.referee_name, r.referee));
            }
        }
    }

    let timeline = detail.past();
    out.push_str(&format!(
        "\nTimeline ({} touches, {} orders; `leadline amend` or `remove` corrects one by its number)\n",
        detail.touches.len(),
        detail.orders.len()
    ));
    if timeline.is_empty() {
        out.push_str("  nothing yet\n");
    }
    for item in timeline {
        let id = match item {
            Past::Touch(t) => format!("touch #{}", t.id),
            Past::Order(o) => format!("order #{}", o.id),
        };
        let line = match item {
            Past::Touch(t) => {
                let direction = if t.direction == crate::domain::Direction::Inbound { " (in)" } else { "" };
                let outcome = t.outcome.map(|o| format!(" {o}")).unwrap_or_default();
                let note = if t.note.is_empty() {
                    String::new()
                } else {
                    format!(": {}", t.note.replace('\n', " / "))
                };
                format!("{}{direction}{outcome}{note}", t.kind)
            }
            Past::Order(o) => {
                let note = if o.note.is_empty() { String::new() } else { format!(": {}", o.note) };
                format!("order {}{note}", o.amount.grouped())
            }
        };
        out.push_str(&format!("  {}  {line}  ({id})\n", when(item.at())));
    }
    out
}
