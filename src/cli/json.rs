//! The `--json` shapes. Field names here are a public contract, documented
//! in docs/CLI.md; they are separate from the stored records on purpose.
//! Amounts are strings in major units ("12000.50"); times are local ISO
//! 8601 ("2026-11-27T10:30:00"), dates "2026-11-27".

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use crate::app::{AccountDetail, AccountMarks, AccountRow, ReferralLink};
use crate::domain::{Account, Competitors, FollowUp, Order, Touch};

pub(super) fn money(value: crate::domain::Money) -> String {
    value.to_string()
}

pub(super) fn time(value: NaiveDateTime) -> String {
    value.format("%Y-%m-%dT%H:%M:%S").to_string()
}

pub(super) fn date(value: NaiveDate) -> String {
    value.format("%Y-%m-%d").to_string()
}

#[derive(Serialize)]
pub struct AccountJson {
    id: u64,
    name: String,
    company: Option<String>,
    stage: &'static str,
    grade: Option<&'static str>,
    tier: Option<&'static str>,
    revenue_12m: String,
    potential: Option<String>,
    last_touch: Option<String>,
    key_account: bool,
    abc: Option<&'static str>,
    value_class: Option<&'static str>,
    /// The tier revenue suggests, when it differs from `tier`.
    suggested_tier: Option<&'static str>,
}

impl AccountJson {
    pub fn new(row: &AccountRow) -> AccountJson {
        AccountJson {
            id: row.id.0,
            name: row.name.clone(),
            company: row.company.clone(),
            stage: row.stage.as_str(),
            grade: row.grade.map(|g| g.as_str()),
            tier: row.tier.map(|t| t.as_str()),
            revenue_12m: money(row.revenue_12m),
            potential: row.potential.map(money),
            last_touch: row.last_touch.map(time),
            key_account: row.marks.key_account,
            abc: row.marks.abc.map(|c| c.as_str()),
            value_class: row.marks.value_class.map(|c| c.as_str()),
            suggested_tier: row.marks.suggested_tier.map(|t| t.as_str()),
        }
    }
}

#[derive(Serialize)]
struct ArchivedJson {
    reason: &'static str,
    at: String,
    /// The competitor the account went to.
    lost_to: Option<String>,
}

/// A record's global id, when it has one.
fn global_id(uid: crate::domain::Uid) -> Option<String> {
    (!uid.is_nil()).then(|| uid.to_string())
}

#[derive(Serialize)]
struct CardJson {
    #[serde(flatten)]
    summary: AccountJson,
    /// The global id: the same in every copy of the book.
    uid: Option<String>,
    title: Option<String>,
    phones: Vec<String>,
    /// What to dial for each of `phones`: the international form where it
    /// has one, else as typed.
    dial: Vec<String>,
    email: Option<String>,
    address: Option<String>,
    tags: Vec<String>,
    source: Option<String>,
    note: Option<String>,
    competitors: Vec<super::competitors::NoteJson>,
    revenue_total: String,
    created_at: String,
    converted_at: Option<String>,
    /// `MM-DD` or `YYYY-MM-DD`.
    birthday: Option<String>,
    /// The day greeted each year: the one set, else the first order's.
    anniversary: Option<String>,
    archived: Option<ArchivedJson>,
}

#[derive(Serialize)]
struct TouchJson {
    id: u64,
    uid: Option<String>,
    kind: &'static str,
    at: String,
    direction: &'static str,
    outcome: Option<&'static str>,
    /// ordinary, festival, birthday, anniversary or thanks.
    purpose: &'static str,
    note: String,
    /// The competitor a declined deal went to.
    lost_to: Option<String>,
}

impl TouchJson {
    fn new(t: &Touch, book: &Competitors) -> TouchJson {
        TouchJson {
            id: t.id.0,
            uid: global_id(t.uid),
            kind: t.kind.as_str(),
            at: time(t.at),
            direction: t.direction.as_str(),
            outcome: t.outcome.map(|o| o.as_str()),
            purpose: t.purpose.as_str(),
            note: t.note.clone(),
            lost_to: t.lost_to.and_then(|id| book.name_of(id)).map(str::to_string),
        }
    }
}

#[derive(Serialize)]
struct OrderJson {
    id: u64,
    uid: Option<String>,
    amount: String,
    at: String,
    note: String,
}

impl OrderJson {
    fn new(o: &Order) -> OrderJson {
        OrderJson {
            id: o.id.0,
            uid: global_id(o.uid),
            amount: money(o.amount),
            at: time(o.at),
            note: o.note.clone(),
        }
    }
}

#[derive(Serialize)]
struct FollowUpJson {
    id: u64,
    uid: Option<String>,
    due: String,
    due_time: Option<String>,
    kind: &'static str,
    status: &'static str,
    reason: &'static str,
    note: String,
    snoozes: u32,
    /// Tries that reached nobody since it was made.
    attempts: u32,
}

impl FollowUpJson {
    fn new(f: &FollowUp) -> FollowUpJson {
        FollowUpJson {
            id: f.id.0,
            uid: global_id(f.uid),
            due: date(f.due),
            due_time: f.due_time.map(|t| t.format("%H:%M").to_string()),
            kind: f.kind.as_str(),
            status: f.status.as_str(),
            reason: f.reason.as_str(),
            note: f.note.clone(),
            snoozes: f.snoozes,
            attempts: f.attempts,
        }
    }
}

#[derive(Serialize)]
struct PartyJson {
    id: u64,
    name: String,
}

#[derive(Serialize)]
struct ReferralJson {
    id: u64,
    uid: Option<String>,
    referrer: PartyJson,
    referee: PartyJson,
    at: String,
    incentive: Option<String>,
    incentive_status: &'static str,
}

impl ReferralJson {
    fn new(link: &ReferralLink) -> ReferralJson {
        let r = &link.referral;
        ReferralJson {
            id: r.id.0,
            uid: global_id(r.uid),
            referrer: PartyJson { id: r.referrer.0, name: link.referrer_name.clone() },
            referee: PartyJson { id: r.referee.0, name: link.referee_name.clone() },
            at: time(r.at),
            incentive: r.incentive.clone(),
            incentive_status: r.incentive_status.as_str(),
        }
    }
}

#[derive(Serialize)]
pub struct ShowJson {
    account: CardJson,
    touches: Vec<TouchJson>,
    orders: Vec<OrderJson>,
    follow_ups: Vec<FollowUpJson>,
    referrals: Vec<ReferralJson>,
}

impl ShowJson {
    pub fn new(detail: &AccountDetail, marks: AccountMarks) -> ShowJson {
        let record = &detail.record;
        let a: &Account = &record.account;
        ShowJson {
            account: CardJson {
                summary: AccountJson::new(&AccountRow { marks, ..detail.row.clone() }),
                uid: global_id(a.uid),
                title: a.title.clone(),
                phones: a.phones.clone(),
                dial: a.dial_numbers().map(str::to_string).collect(),
                email: a.email.clone(),
                address: a.address.clone(),
                tags: a.tags.clone(),
                source: a.source.clone(),
                note: a.note.clone(),
                competitors: a
                    .competitor_notes
                    .iter()
                    .map(|n| super::competitors::NoteJson::new(n, &detail.competitors))
                    .collect(),
                revenue_total: money(record.stats.revenue_total),
                created_at: time(a.created_at),
                converted_at: a.converted_at.map(time),
                birthday: a.birthday.map(|b| b.to_string()),
                anniversary: a.anniversary().map(|d| d.to_string()),
                archived: a.archived.as_ref().map(|x| ArchivedJson {
                    reason: x.reason.as_str(),
                    at: time(x.at),
                    lost_to: x.lost_to.and_then(|id| detail.competitors.name_of(id)).map(str::to_string),
                }),
            },
            touches: detail.touches.iter().map(|t| TouchJson::new(t, &detail.competitors)).collect(),
            orders: detail.orders.iter().map(OrderJson::new).collect(),
            follow_ups: detail.follow_ups.iter().map(FollowUpJson::new).collect(),
            referrals: detail.referrals.iter().map(ReferralJson::new).collect(),
        }
    }
}

#[derive(Serialize)]
pub struct SearchJson {
    pub id: u64,
    pub name: String,
    pub company: Option<String>,
    pub score: i64,
    pub archived: bool,
}

#[derive(Serialize)]
pub struct HistoryJson {
    seq: u64,
    at: String,
    command: String,
    summary: String,
    undone: bool,
    /// The entry this one reverted, when it records an undo.
    undo_of: Option<u64>,
}

impl HistoryJson {
    pub fn new(entry: &crate::app::HistoryEntry) -> HistoryJson {
        // The summary starts with the command's name ("log call with ...").
        let command = match entry.undo_of {
            Some(_) => "undo",
            None => entry.summary.split([' ', ':']).next().unwrap_or_default(),
        };
        HistoryJson {
            seq: entry.seq,
            at: time(entry.at),
            command: command.to_string(),
            summary: entry.summary.clone(),
            undone: entry.undone,
            undo_of: entry.undo_of,
        }
    }
}

#[derive(Serialize)]
pub struct DoctorProblemJson {
    key: String,
    reason: String,
}

#[derive(Serialize)]
pub struct DoctorJson {
    records_checked: usize,
    accounts: usize,
    healthy: bool,
    problems: Vec<DoctorProblemJson>,
    /// Numbers kept as typed, not one of the region's: no problem of the
    /// store, so the book stays healthy with them.
    doubtful_phones: Vec<crate::app::DoubtfulPhone>,
}

impl DoctorJson {
    pub fn new(
        report: &crate::app::DoctorReport,
        doubtful_phones: Vec<crate::app::DoubtfulPhone>,
    ) -> DoctorJson {
        DoctorJson {
            doubtful_phones,
            records_checked: report.records_checked,
            accounts: report.accounts,
            healthy: report.is_healthy(),
            problems: report
                .problems
                .iter()
                .map(|p| DoctorProblemJson { key: p.key.clone(), reason: p.reason.clone() })
                .collect(),
        }
    }
}

#[derive(Serialize)]
pub struct BackupFileJson {
    day: String,
    path: String,
    bytes: u64,
    written: Option<String>,
}

#[derive(Serialize)]
pub struct BackupsJson {
    dir: String,
    enabled: bool,
    keep_daily: u32,
    keep_weekly: u32,
    backups: Vec<BackupFileJson>,
}

impl BackupsJson {
    pub fn new(
        dir: &std::path::Path,
        files: &[crate::app::backups::BackupFile],
        rules: &crate::config::BackupRules,
    ) -> BackupsJson {
        BackupsJson {
            dir: dir.display().to_string(),
            enabled: rules.enabled,
            keep_daily: rules.keep_daily,
            keep_weekly: rules.keep_weekly,
            backups: files
                .iter()
                .map(|f| BackupFileJson {
                    day: date(f.day),
                    path: f.path.display().to_string(),
                    bytes: f.bytes,
                    written: f.written.map(time),
                })
                .collect(),
        }
    }
}

pub fn to_string<T: Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("JSON views serialise");
    text.push('\n');
    text
}
