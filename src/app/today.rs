//! The daily list as far as follow-ups go: due today or overdue.

use chrono::{NaiveDate, NaiveTime};

use super::{App, AppResult};
use crate::analysis::due;
use crate::domain::{AccountId, FollowUpId, TouchKind};
use crate::store::Records;

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
    /// first. Reads the due queue only up to today, not the whole book.
    pub fn today_list(&self) -> AppResult<Vec<TodayRow>> {
        let today = self.today();
        let follow_ups = self.store.follow_ups_due_by(today)?.items;
        let mut rows = Vec::new();
        for item in due::due_by(follow_ups, today) {
            let Some(record) = self.store.account(item.follow_up.account)? else {
                continue;
            };
            if !record.account.is_active() {
                continue;
            }
            rows.push(TodayRow {
                account_id: record.account.id,
                name: record.account.name,
                company: record.account.company,
                follow_up_id: item.follow_up.id,
                due: item.follow_up.due,
                due_time: item.follow_up.due_time,
                kind: item.follow_up.kind,
                days_overdue: item.days_overdue,
                reasons: item.reasons,
            });
        }
        Ok(rows)
    }
}
