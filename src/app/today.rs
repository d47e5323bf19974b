//! The daily list as far as follow-ups go: due today or overdue.

use chrono::{NaiveDate, NaiveTime};

use super::{App, AppResult};
use crate::analysis::due;
use crate::domain::{AccountId, AccountSummary, FollowUpId, TouchKind};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TodayRow {
    pub account_id: AccountId,
    pub name: String,
    pub company: Option<String>,
    pub follow_up_id: FollowUpId,
    pub due: NaiveDate,
    pub due_time: Option<NaiveTime>,
    pub kind: TouchKind,
    pub days_overdue: i64,
    pub reasons: Vec<String>,
}

/// Pending follow-ups of active accounts due on or before `today`, overdue
/// first, from the account summaries alone.
pub fn today_rows(summaries: &[AccountSummary], today: NaiveDate) -> Vec<TodayRow> {
    let mut rows = Vec::new();
    for summary in summaries.iter().filter(|s| s.is_active()) {
        let due = summary.pending.iter().filter(|f| f.due <= today).cloned();
        for item in due::due_by(due, today) {
            rows.push(TodayRow {
                account_id: summary.id,
                name: summary.name.clone(),
                company: summary.company.clone(),
                follow_up_id: item.follow_up.id,
                due: item.follow_up.due,
                due_time: item.follow_up.due_time,
                kind: item.follow_up.kind,
                days_overdue: item.days_overdue,
                reasons: item.reasons,
            });
        }
    }
    rows.sort_by_key(|r| (r.due, r.due_time, r.follow_up_id));
    rows
}

impl App {
    /// Today's list for the whole book. Reads account summaries only, never
    /// touches.
    pub fn today_list(&self) -> AppResult<Vec<TodayRow>> {
        Ok(today_rows(&self.store.summaries()?.items, self.today()))
    }
}
