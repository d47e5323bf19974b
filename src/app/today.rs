//! The daily list as far as follow-ups go: due today or overdue.

use chrono::{NaiveDate, NaiveTime};

use super::{App, AppResult};
use crate::analysis::due;
use crate::domain::{AccountId, FollowUpId, TouchKind};

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

impl App {
    /// Pending follow-ups of active accounts due today or earlier, overdue
    /// first. Reads account summaries only, never touches.
    pub fn today_list(&self) -> AppResult<Vec<TodayRow>> {
        let today = self.today();
        let summaries = self.store.summaries()?.items;
        let active = summaries.iter().filter(|s| s.is_active());
        let follow_ups = active.clone().flat_map(|s| s.pending.iter().cloned());
        let names: std::collections::HashMap<AccountId, (&str, Option<&String>)> =
            active.map(|s| (s.id, (s.name.as_str(), s.company.as_ref()))).collect();
        let rows = due::due_by(follow_ups, today)
            .into_iter()
            .filter_map(|item| {
                let (name, company) = names.get(&item.follow_up.account)?;
                Some(TodayRow {
                    account_id: item.follow_up.account,
                    name: name.to_string(),
                    company: company.cloned(),
                    follow_up_id: item.follow_up.id,
                    due: item.follow_up.due,
                    due_time: item.follow_up.due_time,
                    kind: item.follow_up.kind,
                    days_overdue: item.days_overdue,
                    reasons: item.reasons,
                })
            })
            .collect();
        Ok(rows)
    }
}
