//! The book as a front holds it in memory (the TUI): every account's
//! summary, the search index and what delivered incentives cost, loaded
//! whole once and then only what a change touched.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{App, AppResult};
use crate::analysis::focus::{self, Focus};
use crate::analysis::plan::{self, Plan};
use crate::analysis::ranking::Marks;
use crate::config::Config;
use crate::domain::{AccountId, AccountSummary, Money, PlanEntry};
use crate::search::SearchIndex;
use crate::store::Records;

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

impl BookData {
    /// The book as the queries read it.
    pub fn view(&self) -> BookView<'_> {
        BookView { summaries: &self.summaries, incentives: &self.incentives, kept: &self.kept }
    }
}

/// The book as the queries read it: held in memory by a front (the TUI
/// keeps it between keystrokes) or loaded for one command (the CLI). Both
/// get the 80/20 report and the plan from here, so both show the same.
#[derive(Clone, Copy, Debug)]
pub struct BookView<'a> {
    pub summaries: &'a [AccountSummary],
    pub incentives: &'a Incentives,
    /// Today's plan as kept since the day's first change.
    pub kept: &'a [PlanEntry],
}

impl BookView<'_> {
    /// The 80/20 report as of `today`.
    pub fn focus(&self, today: NaiveDate, config: &Config) -> Focus {
        focus::focus(self.summaries, today, config, self.incentives)
    }

    /// The plan for `days` days from `today`, leaning on the 80/20 `marks`;
    /// today's rows as kept since the day's first change.
    pub fn plan(&self, today: NaiveDate, days: u32, config: &Config, marks: &Marks) -> Plan {
        plan::plan(self.summaries, today, days, config, marks, self.kept)
    }

    /// How many of today's rows could wait when there are more than a day
    /// holds (see [`plan::can_wait`]).
    pub fn can_wait(&self, today: NaiveDate, config: &Config) -> usize {
        plan::can_wait(self.summaries, today, config.plan.triage_days).len()
    }
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
