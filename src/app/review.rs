//! The day's review, with names for the accounts it mentions.

use chrono::{Duration, NaiveDate};

use super::{App, AppResult};
use crate::analysis::review::{Review, review};
use crate::domain::AccountId;

/// A day's review and the names of the accounts in it.
#[derive(Clone, Debug)]
pub struct DayReview {
    pub review: Review,
    pub names: std::collections::HashMap<AccountId, String>,
}

impl App {
    pub fn review_day(&self, date: NaiveDate) -> AppResult<DayReview> {
        let entries: Vec<_> = self.store.day_entries(date, date)?.items.into_iter().map(|(_, e)| e).collect();
        let follow_ups = self.store.follow_ups()?.items;
        let summaries = self.store.summaries()?.items;
        let active = self.store.active_days(date - Duration::days(366), date)?;
        let review = review(date, &entries, &follow_ups, &summaries, &active, &self.config);
        let names = summaries.into_iter().map(|s| (s.id, s.name)).collect();
        Ok(DayReview { review, names })
    }
}
