//! The book as a front holds it in memory (the TUI): every account's
//! summary, the search index and what delivered incentives cost, loaded
//! whole once and then only what a change touched.

use std::collections::HashMap;

use super::{App, AppResult};
use crate::app::store::Records;
use crate::domain::{AccountId, AccountSummary, Money, PlanEntry};
use crate::search::SearchIndex;

/// What delivered referral incentives cost each referrer (for BZC).
pub type Incentives = HashMap<AccountId, Money>;

#[derive(Debug, Default)]
pub struct BookData {
    pub summaries: Vec<AccountSummary>,
    pub search: SearchIndex,
    pub incentives: Incentives,
    /// Today's plan as kept since the day's first change (none before).
    pub kept: Vec<PlanEntry>,
    /// Records that could not be read and were left out (`doctor` lists them).
    pub unreadable: usize,
}

impl App {
    /// The whole book for a front to hold.
    pub fn load_book(&self) -> AppResult<BookData> {
        let summaries = self.store.summaries()?;
        let (search, problems) = self.search_index()?;
        Ok(BookData {
            unreadable: summaries.problems.len() + problems,
            summaries: summaries.items,
            search,
            incentives: self.incentive_costs()?,
            kept: self.kept_plan(self.today())?,
        })
    }

    /// The summaries of these accounts (those that still exist).
    pub fn summaries_of(&self, ids: impl IntoIterator<Item = AccountId>) -> AppResult<Vec<AccountSummary>> {
        let mut out = Vec::new();
        for id in ids {
            out.extend(self.store.account(id)?.map(|record| record.summary()));
        }
        Ok(out)
    }

    /// The search index, and how many of its records could not be read.
    pub fn search_index(&self) -> AppResult<(SearchIndex, usize)> {
        let (index, problems) = self.store.search_index()?;
        let malformed = index.malformed();
        Ok((index, problems.len() + malformed))
    }
}
