//! `review`: one day's work, as text or JSON.

use crate::i18n::Text as _;
use crate::i18n::msg;
use crate::i18n::msg_id;
use std::collections::BTreeMap;

use serde::Serialize;

use super::json::{self, date, money};
use super::plan::Output;
use super::text::md_escape;
use super::{CliError, CliResult, print, print_raw};
use crate::app::{App, DayReview};
use crate::config::Ui;
use crate::domain::AccountId;
use crate::i18n::{pad, review_title};

pub fn review(app: &App, day: Option<&str>, note: Option<&str>, output: Output) -> CliResult<i32> {
    let as_json = output == Output::Json;
    let day = match day {
        Some(text) => app.parse_when(text)?.date,
        None => app.today(),
    };
    if day > app.today() {
        let words = msg::ErrorReviewFuture { date: day.to_string() }.text(super::lang());
        return Err(CliError::from(crate::app::AppError::Invalid(words)));
    }
    if let Some(note) = note {
        let written = app.reflect(day, note)?;
        if !as_json {
            let id = if written.is_empty() {
                msg_id!("cli-reflection-removed")
            } else {
                msg_id!("cli-reflection-saved")
            };
            super::done(&super::lang().text_with(id, &[("date", day.format("%Y-%m-%d").to_string().into())]));
            return Ok(0);
        }
    }
    let review = app.review_day(day)?;
    let ui = &app.config().ui;
    match output {
        Output::Json => print_raw(&json::to_string(&ReviewJson::new(&review, day))),
        Output::Markdown => print(&markdown(&review, day, ui)),
        Output::Text => print(&text(&review, day, ui)),
    }
    Ok(0)
}

fn markdown(day: &DayReview, reviewed: chrono::NaiveDate, ui: &Ui) -> String {
    let lang = ui.lang();
    let mut out = format!("# {}\n\n", md_escape(&review_title(reviewed, lang)));
    for line in day.lines(ui) {
        out.push_str(&format!("- **{}**: {}\n", md_escape(&line.label), md_escape(&line.value)));
    }
    let heading = |missed: bool| match (missed, day.today) {
        (false, _) => msg_id!("review-contacted"),
        (true, true) => msg_id!("review-planned-left"),
        (true, false) => msg_id!("review-planned-missed"),
    };
    for missed in [false, true] {
        let rows: Vec<_> = day.rows.iter().filter(|r| r.missed == missed).collect();
        if rows.is_empty() {
            continue;
        }
        out.push_str(&format!("\n## {}\n\n", lang.text(heading(missed))));
        for row in rows {
            let phone = row.phone.as_deref().map(|p| format!(" {}", md_escape(p))).unwrap_or_default();
            out.push_str(&format!("- **{}**{phone}: {}\n", md_escape(&row.name), md_escape(&row.what)));
        }
    }
    out
}

#[derive(Serialize)]
struct ReviewJson {
    date: String,
    touches: usize,
    by_kind: BTreeMap<&'static str, usize>,
    /// Touches without an outcome count under "none".
    by_outcome: BTreeMap<&'static str, usize>,
    orders: Vec<OrderJson>,
    orders_value: String,
    follow_ups_done: usize,
    follow_ups_skipped: usize,
    follow_ups_snoozed: usize,
    /// Due that day and not done; while the day lasts, still due.
    missed: Vec<MissedJson>,
    day_over: bool,
    past_cadence: Vec<AccountJson>,
    /// Rows in the day's plan, and those not worked (while the day lasts:
    /// still to do).
    planned: usize,
    planned_missed: Vec<PlannedJson>,
    /// Each account touched, with its touches in order.
    contacted: Vec<ContactedJson>,
    streak: u32,
    /// The lessons the day's touches noted.
    lessons: Vec<LessonJson>,
    /// The rep's reflection on the day; empty when none.
    reflection: String,
}

#[derive(Serialize)]
struct PlannedJson {
    account_id: u64,
    name: String,
    kind: &'static str,
    slot: &'static str,
    follow_up_id: Option<u64>,
}

#[derive(Serialize)]
struct ContactedJson {
    account_id: u64,
    name: String,
    touches: Vec<TouchJson>,
}

#[derive(Serialize)]
struct TouchJson {
    kind: &'static str,
    outcome: Option<&'static str>,
}

#[derive(Serialize)]
struct LessonJson {
    account_id: u64,
    name: String,
    lesson: String,
}

#[derive(Serialize)]
struct OrderJson {
    account_id: u64,
    name: String,
    amount: String,
}

#[derive(Serialize)]
struct MissedJson {
    follow_up_id: u64,
    account_id: u64,
    name: String,
    kind: &'static str,
    note: String,
}

#[derive(Serialize)]
struct AccountJson {
    account_id: u64,
    name: String,
}

fn name(review: &DayReview, id: AccountId) -> String {
    review.names.get(&id).cloned().unwrap_or_else(|| format!("#{id}"))
}

impl ReviewJson {
    fn new(day: &DayReview, date_reviewed: chrono::NaiveDate) -> ReviewJson {
        let r = &day.review;
        ReviewJson {
            date: date(date_reviewed),
            touches: r.touches,
            by_kind: r.by_kind.iter().map(|(k, n)| (k.as_str(), *n)).collect(),
            by_outcome: r.by_outcome.iter().map(|(o, n)| (o.map_or("none", |o| o.as_str()), *n)).collect(),
            orders: r
                .orders
                .iter()
                .map(|(id, amount)| OrderJson {
                    account_id: id.0,
                    name: name(day, *id),
                    amount: money(*amount),
                })
                .collect(),
            orders_value: money(r.orders_value),
            follow_ups_done: r.follow_ups_done,
            follow_ups_skipped: r.follow_ups_skipped,
            follow_ups_snoozed: r.follow_ups_snoozed,
            day_over: !day.today,
            missed: r
                .missed
                .iter()
                .map(|f| MissedJson {
                    follow_up_id: f.id.0,
                    account_id: f.account.0,
                    name: name(day, f.account),
                    kind: f.kind.as_str(),
                    note: f.note.clone(),
                })
                .collect(),
            past_cadence: r
                .past_cadence
                .iter()
                .map(|id| AccountJson { account_id: id.0, name: name(day, *id) })
                .collect(),
            planned: r.planned,
            planned_missed: r
                .planned_missed
                .iter()
                .map(|e| PlannedJson {
                    account_id: e.account.0,
                    name: name(day, e.account),
                    kind: e.kind.as_str(),
                    slot: e.slot.as_str(),
                    follow_up_id: e.follow_up.map(|f| f.0),
                })
                .collect(),
            contacted: r
                .contacted
                .iter()
                .map(|(id, touches)| ContactedJson {
                    account_id: id.0,
                    name: name(day, *id),
                    touches: touches
                        .iter()
                        .map(|(kind, outcome)| TouchJson {
                            kind: kind.as_str(),
                            outcome: outcome.map(|o| o.as_str()),
                        })
                        .collect(),
                })
                .collect(),
            streak: r.streak,
            lessons: day
                .lessons
                .iter()
                .map(|(id, lesson)| LessonJson {
                    account_id: id.0,
                    name: name(day, *id),
                    lesson: lesson.clone(),
                })
                .collect(),
            reflection: day.reflection.clone(),
        }
    }
}

fn text(day: &DayReview, reviewed: chrono::NaiveDate, ui: &Ui) -> String {
    let lang = ui.lang();
    let mut out = format!("{}\n\n", review_title(reviewed, lang));
    let lines = day.lines(ui);
    let width = lines.iter().map(|l| crate::cli::table::width(&l.label)).max().unwrap_or(0) + 2;
    for line in lines {
        out.push_str(&format!("{}{}\n", pad(&line.label, width), line.value));
    }
    out
}
