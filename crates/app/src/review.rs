//! The day's review, with names for the accounts it mentions, the lessons
//! of the day's touches, and the day's reflection.

use crate::i18n::Text as _;
use crate::i18n::msg;
use leadline_i18n::msg_id;
use std::collections::HashMap;

use chrono::{Duration, NaiveDate};

use super::store::Records;
use super::{App, AppError, AppResult, Written};
use crate::analysis::plan;
use crate::analysis::review::{Book, Review, review};
use crate::config::Ui;
use crate::domain::contact::{TextField, check_field};
use crate::domain::{AccountId, AccountSummary, DayRecord, FollowUp, Outcome, PlanEntry, RowKind, TouchKind};
use crate::i18n::Lang;

/// A row of the review a rep can act on: someone contacted, or planned
/// and not worked.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewRow {
    pub account: AccountId,
    pub name: String,
    pub phone: Option<String>,
    /// The day's touches (contacted), or why it was planned (missed).
    pub what: String,
    pub missed: bool,
}

/// A day's review and the names of the accounts in it.
#[derive(Clone, Debug)]
pub struct DayReview {
    pub review: Review,
    pub names: HashMap<AccountId, String>,
    /// The day is today: what is not done yet is still due, not missed.
    pub today: bool,
    /// Who was contacted, then who was planned and not worked.
    pub rows: Vec<ReviewRow>,
    /// The lessons the day's touches noted, by account.
    pub lessons: Vec<(AccountId, String)>,
    /// The rep's reflection on the day (总结和反思).
    pub reflection: String,
}

fn touches_words(touches: &[(TouchKind, Option<Outcome>)], lang: Lang) -> String {
    let words: Vec<String> = touches
        .iter()
        .map(|(kind, outcome)| {
            let kind = crate::i18n::terms::kind(*kind, lang);
            match outcome {
                Some(outcome) => {
                    let outcome = crate::i18n::terms::outcome(*outcome, lang);
                    msg::ReviewTouchOutcome { kind, outcome }.text(lang)
                }
                None => kind,
            }
        })
        .collect();
    words.join(&msg::ListSeparator.text(lang))
}

/// Why a row was planned, as of its day.
fn planned_words(
    entry: &PlanEntry,
    follow_up: Option<&FollowUp>,
    summary: Option<&AccountSummary>,
    day: NaiveDate,
    ui: &Ui,
) -> String {
    let lang = ui.lang();
    match (entry.kind, follow_up) {
        (RowKind::FollowUp, Some(f)) => {
            crate::i18n::reasons::reasons(&crate::analysis::due::reasons(f, day), ui)
                .join(&msg::ReasonJoin.text(lang))
        }
        (RowKind::Holiday, _) => msg::ReviewHoliday.text(lang),
        (RowKind::Focus, _) => msg::ReviewFocus.text(lang),
        _ => match summary {
            Some(s) => {
                let stage = crate::i18n::reasons::stage_words(s.stage, lang);
                msg::ReviewCadenceOf { stage }.text(lang)
            }
            None => msg::ReviewCadence.text(lang),
        },
    }
}

impl App {
    pub fn review_day(&self, date: NaiveDate) -> AppResult<DayReview> {
        let entries: Vec<_> = self.store.day_entries(date, date)?.items.into_iter().map(|(_, e)| e).collect();
        let follow_ups = self.store.follow_ups()?.items;
        let summaries = self.store.summaries()?.items;
        let year_ago = date - Duration::days(366);
        let active = self.store.active_days(year_ago, date)?;
        let record = self.store.day_record(date)?;
        let marks = self.marks(&summaries);
        let (plans, _) = self.past_plans(year_ago, &summaries, &marks)?;
        // Today's plan as it stands; a past day's as it stood at its end.
        let plan = if date == self.today() {
            let kept = record.as_ref().map(|r| r.plan.clone()).unwrap_or_default();
            plan::plan(&summaries, date, 1, &self.config, &marks, &kept).first().entries()
        } else {
            plans.get(&date).cloned().unwrap_or_default()
        };
        let archived_on = self.archived_on(&summaries, plans.values().flatten().chain(&plan))?;
        let book = Book {
            follow_ups: &follow_ups,
            summaries: &summaries,
            active: &active,
            plans: &plans,
            archived_on: &archived_on,
            config: &self.config,
        };
        let review = review(date, self.today(), &entries, &plan, &book);
        let lang = self.config.ui.lang();

        let mut lessons = Vec::new();
        for (account, _) in &review.contacted {
            let touches = self.store.touches(*account)?;
            lessons.extend(
                touches
                    .into_iter()
                    .filter(|t| t.at.date() == date && !t.lesson.is_empty())
                    .map(|t| (*account, t.lesson)),
            );
        }
        let by_id: HashMap<AccountId, &AccountSummary> = summaries.iter().map(|s| (s.id, s)).collect();
        let row = |account: AccountId, what: String, missed: bool| ReviewRow {
            account,
            name: by_id.get(&account).map_or_else(|| format!("#{account}"), |s| s.name.clone()),
            phone: by_id.get(&account).and_then(|s| s.phone.clone()),
            what,
            missed,
        };
        let mut rows: Vec<ReviewRow> = review
            .contacted
            .iter()
            .map(|(account, touches)| row(*account, touches_words(touches, lang), false))
            .collect();
        let follow_up = |id| follow_ups.iter().find(|f| Some(f.id) == id);
        rows.extend(review.planned_missed.iter().map(|e| {
            let words = planned_words(
                e,
                follow_up(e.follow_up),
                by_id.get(&e.account).copied(),
                date,
                &self.config.ui,
            );
            row(e.account, words, true)
        }));
        let reflection = record.map(|r| r.reflection).unwrap_or_default();
        let names = summaries.into_iter().map(|s| (s.id, s.name)).collect();
        Ok(DayReview { review, names, today: date == self.today(), rows, lessons, reflection })
    }

    /// The day each archived account among `entries` was archived.
    fn archived_on<'a>(
        &self,
        summaries: &[AccountSummary],
        entries: impl Iterator<Item = &'a PlanEntry>,
    ) -> AppResult<HashMap<AccountId, NaiveDate>> {
        let archived: std::collections::HashSet<AccountId> =
            summaries.iter().filter(|s| !s.is_active()).map(|s| s.id).collect();
        let mut out = HashMap::new();
        for entry in entries.filter(|e| archived.contains(&e.account)) {
            if let std::collections::hash_map::Entry::Vacant(slot) = out.entry(entry.account) {
                if let Some(at) = self.record(entry.account)?.account.archived.map(|a| a.at.date()) {
                    slot.insert(at);
                }
            }
        }
        Ok(out)
    }

    /// The days whose reflection holds every word of `query` (any case),
    /// newest first, with the reflection.
    pub fn search_reflections(&self, query: &str) -> AppResult<Vec<(NaiveDate, String)>> {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let mut found: Vec<(NaiveDate, String)> = self
            .store
            .day_records(NaiveDate::MIN, NaiveDate::MAX)?
            .items
            .into_iter()
            .filter(|day| {
                let text = day.reflection.to_lowercase();
                !text.is_empty() && words.iter().all(|w| text.contains(w.as_str()))
            })
            .map(|day| (day.date, day.reflection))
            .collect();
        found.reverse();
        Ok(found)
    }

    /// Writes the day's reflection (总结和反思): what went well, what to
    /// change. An empty text removes it.
    pub fn reflect(&self, date: NaiveDate, text: &str) -> AppResult<Written<String>> {
        if date > self.today() {
            return Err(AppError::Invalid(
                msg::ErrorReflectFuture { date: date.to_string() }.text(self.config.ui.lang()),
            ));
        }
        crate::domain::dates::check_date(date)?;
        let text = check_field(TextField::Reflection, text)?;
        let mut record = self.store.day_record(date)?.unwrap_or_else(|| DayRecord::new(date));
        record.reflection = text.clone();
        let mut txn = self.begin();
        txn.put_day_record(&record);
        let verb = if text.is_empty() { msg_id!("history-unreflect") } else { msg_id!("history-reflect") };
        let changes = txn.commit(
            self.config.ui.lang().text_with(verb, &[("date", date.to_string().into())]),
            self.now(),
        )?;
        Ok(Written { value: text, changes, also: Vec::new() })
    }
}

/// A line of the review: what it counts, its label and its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewLine {
    /// The label's message id (`review-touches`, `review-reflection`, ...).
    pub key: &'static str,
    pub label: String,
    pub value: String,
}

fn counts(items: impl Iterator<Item = (String, usize)>, lang: Lang) -> String {
    items.map(|(k, n)| format!("{k} {n}")).collect::<Vec<_>>().join(&msg::ListSeparator.text(lang))
}

/// The names, the first ten of them, or "none".
fn or_none(items: Vec<String>, lang: Lang) -> String {
    const SHOWN: usize = 10;
    let separator = msg::ListSeparator.text(lang);
    match items.len() {
        0 => msg::ReviewNone.text(lang),
        n if n > SHOWN => {
            msg::ReviewAndMore { list: items[..SHOWN].join(&separator), count: (n - SHOWN) }.text(lang)
        }
        _ => items.join(&separator),
    }
}

impl DayReview {
    fn name(&self, id: AccountId) -> String {
        self.names.get(&id).cloned().unwrap_or_else(|| format!("#{id}"))
    }

    /// The review as labelled lines, the same in the CLI and the TUI.
    pub fn lines(&self, ui: &Ui) -> Vec<ReviewLine> {
        let lang = ui.lang();
        let r = &self.review;
        let mut lines = Vec::new();
        let mut line = |key: &'static str, value: String| {
            lines.push(ReviewLine { key, label: lang.text(key), value });
        };
        let kind = |k: &TouchKind| crate::i18n::terms::kind(*k, lang);
        if r.touches == 0 {
            line(msg_id!("review-touches"), msg::ReviewNone.text(lang));
        } else {
            let by_kind = counts(r.by_kind.iter().map(|(k, n)| (kind(k), *n)), lang);
            line(msg_id!("review-touches"), format!("{}: {by_kind}", r.touches));
            let outcomes = r.by_outcome.iter().map(|(o, n)| {
                let words = o.map_or_else(
                    || msg::ReviewNoOutcome.text(lang),
                    |o| crate::i18n::terms::outcome(o, lang),
                );
                (words, *n)
            });
            line(msg_id!("review-outcomes"), counts(outcomes, lang));
        }
        if r.planned > 0 {
            let worked = r.planned - r.planned_missed.len();
            let id = if self.today { msg_id!("review-plan-left") } else { msg_id!("review-plan-missed") };
            let args = [
                ("worked", worked.into()),
                ("planned", r.planned.into()),
                ("left", r.planned_missed.len().into()),
            ];
            line(msg_id!("review-plan"), lang.text_with(id, &args));
        }
        let orders: Vec<String> =
            r.orders.iter().map(|(id, amount)| format!("{} {}", self.name(*id), ui.money(*amount))).collect();
        let orders = match orders.len() {
            0 => msg::ReviewNone.text(lang),
            n => msg::ReviewOrdersWorth {
                count: n,
                value: ui.money(r.orders_value),
                list: orders.join(&msg::ListSeparator.text(lang)),
            }
            .text(lang),
        };
        line(msg_id!("review-orders"), orders);
        let follow_ups = msg::ReviewFollowUpCounts {
            done: r.follow_ups_done,
            skipped: r.follow_ups_skipped,
            snoozed: r.follow_ups_snoozed,
        }
        .text(lang);
        line(msg_id!("review-follow-ups"), follow_ups);
        line(
            if self.today { msg_id!("review-still-due") } else { msg_id!("review-missed") },
            or_none(
                r.missed
                    .iter()
                    .map(|f| {
                        msg::ReviewMissedFollowUp { name: self.name(f.account), id: f.id.to_string() }
                            .text(lang)
                    })
                    .collect(),
                lang,
            ),
        );
        line(
            msg_id!("review-past-cadence"),
            or_none(r.past_cadence.iter().map(|id| self.name(*id)).collect(), lang),
        );
        line(msg_id!("review-streak"), msg::ReviewStreakDays { days: r.streak }.text(lang));
        for (account, lesson) in &self.lessons {
            let words = msg::ReviewLessonOf { lesson: lesson.as_str(), name: self.name(*account) }.text(lang);
            line(msg_id!("review-lesson"), words);
        }
        let reflection = if self.reflection.is_empty() {
            msg::ReviewReflectionNone.text(lang)
        } else {
            self.reflection.clone()
        };
        line(msg_id!("review-reflection"), reflection);
        lines
    }
}
