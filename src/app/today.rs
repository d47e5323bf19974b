//! The daily list as far as follow-ups go: due today or overdue.

use chrono::{NaiveDate, NaiveTime};

use super::{App, AppResult};
use crate::analysis::due;
use std::collections::HashMap;

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
    let active = summaries.iter().filter(|s| s.is_active());
    let follow_ups = active.clone().flat_map(|s| s.pending.iter().cloned());
    let names: HashMap<AccountId, &AccountSummary> = active.map(|s| (s.id, s)).collect();
    due::due_by(follow_ups, today)
        .into_iter()
        .filter_map(|item| {
            let summary = names.get(&item.follow_up.account)?;
            Some(TodayRow {
                account_id: item.follow_up.account,
                name: summary.name.clone(),
                company: summary.company.clone(),
                follow_up_id: item.follow_up.id,
                due: item.follow_up.due,
                due_time: item.follow_up.due_time,
                kind: item.follow_up.kind,
                days_overdue: item.days_overdue,
                reasons: item.reasons,
            })
        })
        .collect()
}

impl App {
    /// Today's list for the whole book. Reads account summaries only, never
    /// touches.
    pub fn today_list(&self) -> AppResult<Vec<TodayRow>> {
        Ok(today_rows(&self.store.summaries()?.items, self.today()))
    }
}
