//! The daily call list: the ranked rows of `analysis::ranking`, with the
//! names and channels a rep reads.

use chrono::{NaiveDate, NaiveTime};

use super::{App, AppResult};
use crate::analysis::ranking::{self, Marks, RowKind};
use crate::config::Config;
use crate::domain::{AccountId, AccountSummary, FollowUpId, TouchKind};

#[derive(Clone, Debug, PartialEq)]
pub struct TodayRow {
    pub account_id: AccountId,
    pub name: String,
    pub company: Option<String>,
    pub kind: RowKind,
    /// The follow-up the row is for; none for cadence and holiday rows.
    pub follow_up_id: Option<FollowUpId>,
    pub due: NaiveDate,
    pub due_time: Option<NaiveTime>,
    /// How to reach out: the follow-up's kind, else a call (a greeting
    /// for holidays).
    pub channel: TouchKind,
    /// Days past due: of the follow-up, or of the cadence.
    pub days_overdue: i64,
    pub score: f64,
    pub reasons: Vec<String>,
}

/// Today's list from the account summaries alone, most urgent first, with
/// every row's reasons in words.
pub fn today_rows(
    summaries: &[AccountSummary],
    today: NaiveDate,
    config: &Config,
    marks: &Marks,
) -> Vec<TodayRow> {
    ranking::rank(summaries, today, config, marks)
        .into_iter()
        .map(|ranked| {
            let summary = &summaries[ranked.index];
            let follow_up = ranked.follow_up(summary);
            TodayRow {
                account_id: summary.id,
                name: summary.name.clone(),
                company: summary.company.clone(),
                kind: ranked.kind,
                follow_up_id: follow_up.map(|f| f.id),
                due: ranked.due,
                due_time: follow_up.and_then(|f| f.due_time),
                channel: ranked.channel,
                days_overdue: ranked.days_overdue(today),
                score: ranked.score,
                reasons: ranked.reasons(summary, today, config),
            }
        })
        .collect()
}

impl App {
    /// Today's list for the whole book. Reads account summaries only, never
    /// touches.
    pub fn today_list(&self) -> AppResult<Vec<TodayRow>> {
        let summaries = self.store.summaries()?.items;
        let marks = self.marks(&summaries);
        Ok(today_rows(&summaries, self.today(), &self.config, &marks))
    }
}
