//! `today` and `plan`: the day's plan and the days after it, as text or
//! JSON.

use crate::i18n::Text as _;
use crate::i18n::msg;
use crate::i18n::msg_id;
use std::io::IsTerminal;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::args::ReportFormat;
use super::json::{self, date};
use super::table::{Align, Table};
use super::text::md_escape;
use super::{CliResult, print, print_raw};
use crate::analysis::plan::{MAX_DAYS, Shortfall};
use crate::app::{Agenda, App, AppError, DayList, TodayRow, Words, late_words, shortfall_words};
use crate::domain::Slot;
use crate::i18n::Lang;

/// How far `today` looks ahead to say when the rest is planned.
const TODAY_HORIZON: u32 = 7;

/// How `today` and `plan` print.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    Text,
    Json,
    Markdown,
}

impl Output {
    pub fn of(json: bool, md: bool, format: Option<ReportFormat>) -> Output {
        match (json, md, format) {
            (true, _, _) | (_, _, Some(ReportFormat::Json)) => Output::Json,
            (_, true, _) | (_, _, Some(ReportFormat::Md)) => Output::Markdown,
            _ => Output::Text,
        }
    }
}

pub fn today(app: &App, output: Output, all: bool) -> CliResult<i32> {
    // Without --all only the count of later rows is printed: today alone
    // says it, no need to plan the days after.
    let agenda =
        if all { app.agenda(TODAY_HORIZON, Words::TodayAndLater)? } else { app.agenda(1, Words::Today)? };
    let lang = app.config().ui.lang();
    match output {
        Output::Json => {
            let rows = agenda.first().rows.iter().chain(agenda.later.iter().filter(|_| all));
            print_raw(&json::to_string(&rows.map(RowJson::new).collect::<Vec<_>>()));
        }
        Output::Markdown => {
            let first = agenda.first();
            let mut out = format!("# {}\n\n", today_title(&agenda, lang));
            let notes = day_notes(first, all, lang);
            if !notes.is_empty() {
                out.push_str(&format!("{}\n", md_escape(&notes)));
            }
            out.push_str(&md_rows(&first.rows.iter().collect::<Vec<_>>(), lang));
            if all && !agenda.later.is_empty() {
                let later = msg::CliLater { count: agenda.later.len() }.text(lang);
                out.push_str(&format!("\n## {later}\n\n"));
                out.push_str(&md_rows(&agenda.later.iter().collect::<Vec<_>>(), lang));
            }
            print(&out);
        }
        Output::Text => print(&today_text(&agenda, all, terminal_width(), lang)),
    }
    Ok(0)
}

/// A list item per row: the name, the phone, how and why ("done" first
/// for a row done).
fn md_rows(rows: &[&TodayRow], lang: Lang) -> String {
    let mut out = String::new();
    for row in rows {
        let done = if row.done { format!("~~{}~~ ", msg::CliDoneMark.text(lang)) } else { String::new() };
        let phone = row.phone.as_deref().map(|p| format!(" {}", md_escape(p))).unwrap_or_default();
        let how = crate::i18n::terms::kind(row.channel, lang);
        let why = md_escape(&row.reasons.join(&msg::ReasonJoin.text(lang)));
        let args =
            msg::MdRow { done, name: md_escape(&row.name), id: row.account_id.to_string(), phone, how, why };
        out.push_str(&format!("{}\n", args.text(lang)));
    }
    if rows.is_empty() {
        out.push_str(&format!("{}\n", msg::CliNothingPlanned.text(lang)));
    }
    out
}

pub fn plan(app: &App, days: u64, output: Output) -> CliResult<i32> {
    // Read wide, so that any number a rep types is told the range, not
    // that it does not fit 32 bits.
    let Some(days) = u32::try_from(days).ok().filter(|days| (1..=MAX_DAYS).contains(days)) else {
        let args = msg::ErrorPlanDays { days: days.to_string(), max: MAX_DAYS };
        return Err(AppError::Invalid(args.text(super::lang())).into());
    };
    let agenda = app.agenda(days, Words::Every)?;
    let lang = app.config().ui.lang();
    match output {
        Output::Json => print_raw(&json::to_string(&PlanJson::new(&agenda))),
        Output::Markdown => {
            let mut out = String::new();
            for day in &agenda.days {
                let title = msg::CliDayTitle { day: weekday(day.date, lang), counts: day_counts(day, lang) }
                    .text(lang);
                out.push_str(&format!(
                    "## {title}\n\n{}\n",
                    md_rows(&day.rows.iter().collect::<Vec<_>>(), lang)
                ));
            }
            print(&out);
        }
        Output::Text => print(&plan_text(&agenda, terminal_width(), lang)),
    }
    Ok(0)
}

/// The terminal's width when the output goes to one; piped output is
/// never cut.
pub(super) fn terminal_width() -> Option<usize> {
    if !std::io::stdout().is_terminal() {
        return None;
    }
    ratatui::crossterm::terminal::size().ok().map(|(columns, _)| usize::from(columns))
}

fn weekday(day: NaiveDate, lang: Lang) -> String {
    let name = crate::i18n::terms::weekday(day.weekday(), lang);
    format!("{name} {}", day.format("%Y-%m-%d"))
}

/// "25 planned, 3/25 done" and what took the slots.
fn day_counts(day: &DayList, lang: Lang) -> String {
    let promises = day.rows.iter().filter(|r| r.slot == Slot::Promise).count();
    let focus = day.rows.iter().filter(|r| r.slot == Slot::Focus).count();
    let mut out = msg::CliDayPlanned { count: day.rows.len() }.text(lang);
    if day.done() > 0 {
        out.push_str(&msg::CliDayDone { done: day.done(), total: day.rows.len() }.text(lang));
    }
    if day.over_capacity() {
        out.push_str(&msg::CliDayOver { promises, slots: day.capacity }.text(lang));
    } else if !day.rows.is_empty() {
        out.push_str(&msg::CliDaySlots { promises, focus }.text(lang));
    }
    out
}

fn rows_table(rows: &[&TodayRow], width: Option<usize>, with_day: bool, lang: Lang) -> String {
    let headers: Vec<String> = [
        msg_id!("col-account"),
        msg_id!("col-phone"),
        msg_id!("col-do"),
        msg_id!("col-follow-up"),
        msg_id!("col-planned"),
        msg_id!("col-why"),
    ]
    .iter()
    .map(|id| lang.text(id))
    .collect();
    let mut columns = vec![
        ("", Align::Left, 4),
        (headers[0].as_str(), Align::Left, 28),
        (headers[1].as_str(), Align::Left, 20),
        (headers[2].as_str(), Align::Left, 8),
        (headers[3].as_str(), Align::Right, 10),
    ];
    if with_day {
        columns.push((headers[4].as_str(), Align::Left, 10));
    }
    columns.push((headers[5].as_str(), Align::Left, usize::MAX));
    let mut table = Table::new(&columns);
    let done = msg::CliDoneMark.text(lang);
    for row in rows {
        let mut cells = vec![
            if row.done { done.clone() } else { String::new() },
            format!("{} (#{})", row.name, row.account_id),
            row.phone.clone().unwrap_or_else(|| "-".into()),
            crate::i18n::terms::kind(row.channel, lang),
            row.follow_up_id.map(|f| format!("#{f}")).unwrap_or_default(),
        ];
        if with_day {
            let name = crate::i18n::terms::weekday(row.day.weekday(), lang);
            cells.push(format!("{name} {}", row.day.format("%m-%d")));
        }
        cells.push(row.reasons.join(&msg::ReasonJoin.text(lang)));
        table.row(cells);
    }
    if let Some(width) = width {
        table.fit_last_to(width);
    }
    table.render()
}

fn today_title(agenda: &Agenda, lang: Lang) -> String {
    let first = agenda.first();
    msg::CliTodayTitle {
        day: weekday(first.date, lang),
        counts: day_counts(first, lang),
        later: agenda.later_count,
    }
    .text(lang)
}

/// The lines under a day's title: why the key accounts get less than
/// their share, and, for a day over capacity, that the days after are a
/// projection (`later`: the days after are shown).
fn day_notes(day: &DayList, later: bool, lang: Lang) -> String {
    let mut out = String::new();
    if let Some(words) = shortfall_words(day.key_share, day.target, day.shortfall, lang) {
        out.push_str(&format!("{}\n", msg::Sentence { text: words }.text(lang)));
    }
    if later && day.over_capacity() {
        out.push_str(&format!("{}\n", msg::CliProjection.text(lang)));
    }
    let late = day.late().filter_map(|r| Some((r.name.as_str(), r.deadline?)));
    if let Some(words) = late_words(late, lang) {
        out.push_str(&format!("{words}\n"));
    }
    out
}

fn today_text(agenda: &Agenda, all: bool, width: Option<usize>, lang: Lang) -> String {
    let first = agenda.first();
    let mut out = format!("{}\n", today_title(agenda, lang));
    out.push_str(&day_notes(first, all, lang));
    if agenda.can_wait > 0 {
        out.push_str(&format!("{}\n", msg::CliCanWait { count: agenda.can_wait }.text(lang)));
    }
    if first.rows.is_empty() {
        out.push_str(&format!("{}\n", msg::CliNothingPlanned.text(lang)));
    } else {
        out.push_str(&rows_table(&first.rows.iter().collect::<Vec<_>>(), width, false, lang));
    }
    if agenda.later_count == 0 {
        return out;
    }
    if all {
        out.push_str(&format!("\n{}\n", msg::CliLater { count: agenda.later.len() }.text(lang)));
        out.push_str(&rows_table(&agenda.later.iter().collect::<Vec<_>>(), width, true, lang));
    } else {
        out.push_str(&format!("{}\n", msg::CliLaterHint { count: agenda.later_count }.text(lang)));
    }
    out
}

fn plan_text(agenda: &Agenda, width: Option<usize>, lang: Lang) -> String {
    let mut out = String::new();
    for (n, day) in agenda.days.iter().enumerate() {
        let title =
            msg::CliDayTitle { day: weekday(day.date, lang), counts: day_counts(day, lang) }.text(lang);
        out.push_str(&format!("{title}\n"));
        out.push_str(&day_notes(day, n == 0 && agenda.days.len() > 1, lang));
        if !day.rows.is_empty() {
            out.push_str(&rows_table(&day.rows.iter().collect::<Vec<_>>(), width, false, lang));
        }
        out.push('\n');
    }
    match agenda.beyond.len() {
        0 => out.push_str(&format!("{}\n", msg::CliAllHaveADay.text(lang))),
        n => {
            let last = agenda.days.last().map_or(String::new(), |d| d.date.to_string());
            out.push_str(&format!("{}\n", msg::CliBeyond { count: n, day: last }.text(lang)));
        }
    }
    out
}

#[derive(Serialize)]
pub struct RowJson {
    account_id: u64,
    name: String,
    company: Option<String>,
    /// The first phone, to dial.
    phone: Option<String>,
    /// Why the account is on the list: follow-up, cadence or holiday.
    kind: &'static str,
    /// How it got its day: promise, focus (a slot kept for key and MGC
    /// accounts) or score.
    slot: &'static str,
    /// A key account or an MGC: where the 80/20 rule sends the day.
    focus: bool,
    /// The account got a touch that day, or its follow-up was closed.
    done: bool,
    follow_up_id: Option<u64>,
    /// How to reach out: call, sms, visit, ...
    channel: &'static str,
    due: String,
    due_time: Option<String>,
    days_overdue: i64,
    score: f64,
    reasons: Vec<String>,
    /// One per reason, in every language the same: `overdue`, `due_today`,
    /// `cadence_vip`, `key_account`, ... (see docs/CLI.md).
    reason_codes: Vec<&'static str>,
    /// The day it is planned for.
    planned_for: String,
    /// Days it waited for room.
    deferred_days: i64,
    planned_because: String,
    /// A dated greeting's last useful day (a gift must arrive before the
    /// festival).
    #[serde(skip_serializing_if = "Option::is_none")]
    deadline: Option<String>,
}

impl RowJson {
    pub fn new(row: &TodayRow) -> RowJson {
        RowJson {
            account_id: row.account_id.0,
            name: row.name.clone(),
            company: row.company.clone(),
            phone: row.phone.clone(),
            kind: row.kind.as_str(),
            slot: row.slot.as_str(),
            focus: row.focus,
            done: row.done,
            follow_up_id: row.follow_up_id.map(|f| f.0),
            channel: row.channel.as_str(),
            due: date(row.due),
            due_time: row.due_time.map(|t| t.format("%H:%M").to_string()),
            days_overdue: row.days_overdue,
            score: (row.score * 100.0).round() / 100.0,
            reasons: row.reasons.clone(),
            reason_codes: row.reason_codes.clone(),
            planned_for: date(row.day),
            deferred_days: row.deferred_days,
            planned_because: row.planned_because.clone(),
            deadline: row.deadline.map(date),
        }
    }
}

#[derive(Serialize)]
struct DayJson {
    date: String,
    capacity: usize,
    planned: usize,
    done: usize,
    over_capacity: bool,
    /// The key accounts' share of the day's planned effort, the share the
    /// plan aimed at (0 without key accounts), and why it fell short:
    /// `promises` or `key_accounts_worked`.
    key_share: f64,
    key_share_target: f64,
    shortfall: Option<&'static str>,
    rows: Vec<RowJson>,
}

#[derive(Serialize)]
struct PlanJson {
    from: String,
    days: Vec<DayJson>,
    /// Due within these days, with no room in any of them.
    beyond: Vec<RowJson>,
}

impl PlanJson {
    fn new(agenda: &Agenda) -> PlanJson {
        PlanJson {
            from: date(agenda.first().date),
            days: agenda
                .days
                .iter()
                .map(|d| DayJson {
                    date: date(d.date),
                    capacity: d.capacity,
                    planned: d.rows.len(),
                    done: d.done(),
                    over_capacity: d.over_capacity(),
                    key_share: (d.key_share * 1000.0).round() / 1000.0,
                    key_share_target: (d.target * 1000.0).round() / 1000.0,
                    shortfall: d.shortfall.map(Shortfall::as_str),
                    rows: d.rows.iter().map(RowJson::new).collect(),
                })
                .collect(),
            beyond: agenda.beyond.iter().map(RowJson::new).collect(),
        }
    }
}

#[derive(Serialize)]
struct WaitableJson {
    follow_up_id: u64,
    account_id: u64,
    name: String,
    grade: Option<String>,
    due: String,
    days_overdue: i64,
    note: String,
}

/// `leadline triage`: the promises that can wait, or moved with `--snooze-to`.
pub fn triage(app: &App, older_than: Option<u32>, snooze_to: Option<&str>, as_json: bool) -> CliResult<i32> {
    let lang = app.config().ui.lang();
    let today = app.today();
    let rows = match snooze_to {
        Some(to) => {
            let to = app.parse_when_ahead(to)?;
            let moved = app.triage(older_than, to)?;
            if !as_json {
                let args = msg::CliTriaged { count: moved.len(), to: to.date.to_string() };
                super::done(&args.text(lang));
                return Ok(0);
            }
            moved.value
        }
        None => app.triage_candidates(older_than)?,
    };
    if as_json {
        let out: Vec<WaitableJson> = rows
            .iter()
            .map(|w| WaitableJson {
                follow_up_id: w.follow_up.id.0,
                account_id: w.follow_up.account.0,
                name: w.name.clone(),
                grade: w.grade.map(|g| g.to_string()),
                due: date(w.follow_up.due),
                days_overdue: w.follow_up.days_overdue(today),
                note: w.follow_up.note.clone(),
            })
            .collect();
        print_raw(&json::to_string(&out));
        return Ok(0);
    }
    if rows.is_empty() {
        print(&format!("{}\n", msg::CliTriageNone.text(lang)));
        return Ok(0);
    }
    let headers: Vec<String> = [
        msg_id!("col-follow-up"),
        msg_id!("col-account"),
        msg_id!("col-stage"),
        msg_id!("col-due"),
        msg_id!("col-overdue"),
    ]
    .iter()
    .map(|h| lang.text(h))
    .collect();
    let mut table = Table::new(&[
        (headers[0].as_str(), Align::Right, 10),
        (headers[1].as_str(), Align::Left, 28),
        (headers[2].as_str(), Align::Left, 6),
        (headers[3].as_str(), Align::Left, 10),
        (headers[4].as_str(), Align::Right, 8),
    ]);
    for w in &rows {
        table.row(vec![
            format!("#{}", w.follow_up.id),
            format!("{} (#{})", w.name, w.follow_up.account),
            w.grade.map(|g| g.to_string()).unwrap_or_default(),
            w.follow_up.due.to_string(),
            w.follow_up.days_overdue(today).to_string(),
        ]);
    }
    let mut out = msg::CliTriageTitle { count: rows.len() }.text(lang);
    out.push('\n');
    out.push_str(&table.render());
    out.push_str(&format!("{}\n", msg::CliTriageHint.text(lang)));
    print(&out);
    Ok(0)
}
