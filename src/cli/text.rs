//! Human-readable output of the CLI.

use crate::i18n::Text as _;
use crate::i18n::msg_id;
use crate::i18n::{msg, terms};
use chrono::NaiveDateTime;

use super::table::{Align, Table};
use crate::app::{AccountDetail, AccountMarks, AccountRow, Past};
use crate::config::{Config, Ui};
use crate::domain::{Account, Money, Stage, StageLabel};
use crate::i18n::shown::ShownTime as _;
use crate::i18n::{Lang, pad};
use crate::search::DocRef;

pub fn when(at: NaiveDateTime, ui: &Ui) -> String {
    ui.moment(at)
}

/// "prospect A", "customer vip", "archived" in `lang`.
fn stage_cell(row: &AccountRow, lang: Lang) -> String {
    stage_words(row.label, lang)
}

/// "prospect A", "customer vip", "archived" in `lang`.
pub fn stage_words(label: StageLabel, lang: Lang) -> String {
    match (label.archived, label.stage) {
        (Some(_), _) => msg::StageShortArchived.text(lang),
        (None, Stage::Prospect { grade }) => msg::StageKindProspect { grade: grade.to_string() }.text(lang),
        (None, Stage::Customer { tier, .. }) => {
            let tier = crate::i18n::reasons::tier_in_sentence(tier, lang);
            msg::StageKindCustomer { tier }.text(lang)
        }
    }
}

fn headers(lang: Lang, ids: &[&str]) -> Vec<String> {
    ids.iter().map(|id| lang.text(id)).collect()
}

pub fn account_list(rows: &[AccountRow], ui: &Ui) -> String {
    let lang = ui.lang();
    let h = headers(
        lang,
        &[
            msg_id!("col-id"),
            msg_id!("col-name"),
            msg_id!("col-company"),
            msg_id!("col-stage"),
            msg_id!("col-mark"),
            msg_id!("col-revenue-12m"),
            msg_id!("col-last-touch"),
        ],
    );
    let mut table = Table::new(&[
        (h[0].as_str(), Align::Right, 10),
        (h[1].as_str(), Align::Left, 24),
        (h[2].as_str(), Align::Left, 28),
        (h[3].as_str(), Align::Left, 16),
        (h[4].as_str(), Align::Left, 5),
        (h[5].as_str(), Align::Right, 16),
        (h[6].as_str(), Align::Left, 10),
    ]);
    for row in rows {
        table.row(vec![
            row.id.to_string(),
            row.name.clone(),
            row.company.clone().unwrap_or_default(),
            stage_cell(row, lang),
            row.marks.value_class.map_or(String::new(), |c| crate::i18n::terms::value_class_mark(c, lang)),
            ui.money(row.revenue_12m),
            row.last_touch.map_or_else(|| "-".into(), |t| t.format("%Y-%m-%d").to_string()),
        ]);
    }
    let mut out = table.render();
    out.push_str(&format!("{}\n", msg::CliAccounts { count: rows.len() }.text(lang)));
    out
}

/// The accounts a search found, best first; the score stays in `--json`.
pub fn search(hits: &[(i64, DocRef<'_>)], lang: Lang) -> String {
    if hits.is_empty() {
        return format!("{}\n", msg::CliNoMatch.text(lang));
    }
    let h = headers(lang, &[msg_id!("col-id"), msg_id!("col-name"), msg_id!("col-company")]);
    let mut table = Table::new(&[
        (h[0].as_str(), Align::Right, 10),
        (h[1].as_str(), Align::Left, 30),
        (h[2].as_str(), Align::Left, 30),
    ]);
    for (_, doc) in hits {
        let name = if doc.archived() {
            msg::CliArchivedMark { name: doc.name() }.text(lang)
        } else {
            doc.name().to_string()
        };
        table.row(vec![doc.id.to_string(), name, doc.company().unwrap_or_default().to_string()]);
    }
    table.render()
}

pub fn field(out: &mut String, label: &str, value: Option<String>) {
    if let Some(value) = value.filter(|v| !v.is_empty()) {
        let mut lines = value.lines();
        out.push_str(&format!("  {}{}\n", pad(label, 12), lines.next().unwrap_or_default()));
        for line in lines {
            out.push_str(&format!("  {:<12}{line}\n", ""));
        }
    }
}

fn card(out: &mut String, account: &Account, row: &AccountRow, revenue_total: Money, config: &Config) {
    let ui = &config.ui;
    let lang = ui.lang();
    out.push_str(&format!("{} (#{})  {}\n", account.name, account.id, stage_cell(row, lang)));
    let mut field = |id: &str, value: Option<String>| field(out, &lang.text(id), value);
    let list = msg::ListSeparator.text(lang);
    field(msg_id!("card-company"), account.company.clone());
    field(msg_id!("card-title-field"), account.title.clone());
    field(msg_id!("card-phone"), Some(terms::phones(account, &config.contacts.region().to_string(), lang)));
    field(msg_id!("card-email"), account.email.clone());
    field(msg_id!("card-address"), account.address.clone());
    field(msg_id!("card-tags"), Some(account.tags.join(&list)));
    field(msg_id!("card-source"), account.source.clone());
    field(msg_id!("card-birthday"), account.birthday.map(|b| b.to_string()));
    field(msg_id!("card-anniversary"), account.anniversary().map(|d| d.to_string()));
    field(msg_id!("card-potential"), account.potential.map(|money| ui.money(money)));
    if row.tier.is_some() || revenue_total > Money::ZERO {
        let revenue =
            msg::CardRevenue { year: ui.money(row.revenue_12m), all: ui.money(revenue_total) }.text(lang);
        field(msg_id!("card-revenue-field"), Some(revenue));
    }
    field(msg_id!("card-80-20"), row.marks.words(lang));
    if let (Some(suggested), Stage::Customer { tier_pinned, .. }) = (row.marks.suggested_tier, account.stage)
    {
        let pinned =
            lang.text(if tier_pinned { msg_id!("cli-tier-pinned") } else { msg_id!("cli-tier-apply") });
        let tier = crate::i18n::reasons::tier_in_sentence(suggested, lang);
        field(msg_id!("card-tier"), Some(msg::CliTierSuggests { tier, pinned }.text(lang)));
    }
    if let Some(archived) = &account.archived {
        let reason = crate::i18n::terms::archive_reason(archived.reason, lang);
        let day = archived.at.format("%Y-%m-%d").to_string();
        field(msg_id!("card-archived"), Some(msg::CliArchivedSince { reason, day }.text(lang)));
    }
    field(msg_id!("card-note"), account.note.clone());
}

/// The account's competitor notes, one block each.
fn competitor_notes(out: &mut String, detail: &AccountDetail, ui: &Ui) {
    let lang = ui.lang();
    let notes = &detail.record.account.competitor_notes;
    if notes.is_empty() {
        return;
    }
    out.push_str(&format!("\n{}\n", msg::CliCompetitorNotes.text(lang)));
    for (position, note) in notes.iter().enumerate() {
        let name = note.competitor.and_then(|id| detail.competitors.name_of(id));
        let name = name.map_or_else(|| msg::CompetitorUnnamed.text(lang), str::to_string);
        let confirmed =
            note.confirmed.map(|d| d.to_string()).unwrap_or_else(|| msg::NoteNeverConfirmed.text(lang));
        let stale = if detail.stale_notes.get(position).copied().unwrap_or(false) {
            format!(" {}", msg::NoteStaleMark.text(lang))
        } else {
            String::new()
        };
        let confirmed = msg::NoteConfirmedOn { day: confirmed }.text(lang);
        out.push_str(&format!("  #{} {name} · {confirmed}{stale}\n", position + 1));
        for line in super::competitors::note_lines(note, ui, lang) {
            out.push_str(&format!("      {line}\n"));
        }
    }
}

pub fn account_detail(detail: &AccountDetail, marks: AccountMarks, config: &Config) -> String {
    let ui = &config.ui;
    let lang = ui.lang();
    let record = &detail.record;
    let row = AccountRow { marks, ..detail.row.clone() };
    let mut out = String::new();
    card(&mut out, &record.account, &row, record.stats.revenue_total, config);
    competitor_notes(&mut out, detail, ui);

    if !detail.follow_ups.is_empty() {
        out.push_str(&format!("\n{}\n", msg::CliFollowUps.text(lang)));
        for f in &detail.follow_ups {
            let time = f.due_time.map(|t| format!(" {}", ui.time(t))).unwrap_or_default();
            let snoozed = if f.snoozes > 0 {
                msg::CliSnoozedTimes { times: f.snoozes }.text(lang)
            } else {
                String::new()
            };
            let note = if f.note.is_empty() { String::new() } else { format!(": {}", f.note) };
            out.push_str(&format!(
                "  #{:<6} {}{time}  {} {} {}{note}{snoozed}\n",
                f.id,
                f.due,
                pad(&terms::follow_up_status(f.status, lang), 8),
                pad(&terms::kind(f.kind, lang), 8),
                terms::follow_up_reason(f.reason, lang)
            ));
        }
    }
    if !detail.referrals.is_empty() {
        out.push_str(&format!("\n{}\n", msg::CliReferrals.text(lang)));
        for link in &detail.referrals {
            let r = &link.referral;
            let incentive = match &r.incentive {
                Some(text) => msg::CliIncentive {
                    incentive: text.as_str(),
                    status: terms::incentive_status(r.incentive_status, lang),
                }
                .text(lang),
                None => String::new(),
            };
            let (id, name, other) = if r.referee == record.account.id {
                (msg_id!("cli-referred-by-line"), &link.referrer_name, r.referrer)
            } else {
                (msg_id!("cli-referred-line"), &link.referee_name, r.referee)
            };
            let args = [
                ("name", name.as_str().into()),
                ("id", other.to_string().into()),
                ("incentive", incentive.into()),
            ];
            out.push_str(&format!("  {}\n", lang.text_with(id, &args)));
        }
    }

    let timeline = detail.past();
    let counts = msg::CliTimeline { touches: detail.touches.len(), orders: detail.orders.len() };
    out.push_str(&format!("\n{}\n", counts.text(lang)));
    if timeline.is_empty() {
        out.push_str(&format!("  {}\n", msg::CliNothingYet.text(lang)));
    }
    for item in timeline {
        let id = match item {
            Past::Touch(t) => msg::CliTouchId { id: t.id.to_string() }.text(lang),
            Past::Order(o) => msg::CliOrderId { id: o.id.to_string() }.text(lang),
        };
        let line = match item {
            Past::Touch(t) => {
                let direction = if t.direction == crate::domain::Direction::Inbound {
                    msg::CliInbound.text(lang)
                } else {
                    String::new()
                };
                let mut outcome =
                    t.outcome.map(|o| format!(" {}", terms::outcome(o, lang))).unwrap_or_default();
                if let Some(competitor) = t.lost_to.and_then(|id| detail.competitors.name_of(id)) {
                    outcome.push_str(&msg::CliLostTo { competitor }.text(lang));
                }
                let note = if t.note.is_empty() {
                    String::new()
                } else {
                    msg::NoteAfterColon { note: t.note.replace('\n', " / ") }.text(lang)
                };
                format!("{}{direction}{outcome}{note}", terms::kind(t.kind, lang))
            }
            Past::Order(o) => {
                let note = if o.note.is_empty() {
                    String::new()
                } else {
                    msg::NoteAfterColon { note: o.note.replace('\n', " / ") }.text(lang)
                };
                format!("{}{note}", msg::CliOrderLine { amount: ui.money(o.amount) }.text(lang))
            }
        };
        out.push_str(&format!("  {}  {line}  {id}\n", when(item.at(), ui)));
    }
    out
}

/// Text that Markdown would read as markup shows as written.
pub fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~') {
            out.push('\\');
        }
        // A line break inside a note would end the list item.
        out.push(if c == '\n' || c == '\r' { ' ' } else { c });
    }
    out
}
