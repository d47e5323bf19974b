//! What Leadline keeps of one day: the plan as it stood when the day's
//! work began, and the rep's reflection at its end (总结和反思).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::keyword::keyword_enum;
use super::{AccountId, FollowUpId};

keyword_enum! {
    /// Why a row is on the list, first of all.
    pub enum RowKind ("row kind") {
        /// A follow-up due today or overdue.
        FollowUp = "follow-up",
        /// Longer without a touch than the account's cadence.
        Cadence = "cadence",
        /// A holiday greeting is due.
        Holiday = "holiday",
        /// A key account (or an MGC) with nothing due, brought forward for
        /// the 80/20 rule.
        Focus = "focus",
    }
}

keyword_enum! {
    /// How a row got its place in a day's plan.
    pub enum Slot ("plan slot") {
        /// A promised follow-up due that day (or overdue): always planned,
        /// even over capacity; so is a greeting on the holiday itself.
        Promise = "promise",
        /// One of the slots kept for key accounts and MGC accounts.
        Focus = "focus",
        /// The rest, by score.
        Score = "score",
    }
}

/// One row of a day's plan as it is kept: enough to tell, later in the day
/// or any day after, who was planned and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanEntry {
    pub account: AccountId,
    pub kind: RowKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<FollowUpId>,
    pub slot: Slot,
    /// The channel the plan proposed when it was its own choice (a visit
    /// to a key account).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<super::TouchKind>,
}

/// One day's record. Kept from the first change of the day (so the plan
/// does not reshuffle as rows are worked) and by `review --note`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayRecord {
    pub date: NaiveDate,
    /// The day's plan, rows in plan order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plan: Vec<PlanEntry>,
    /// What went well, what to change.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reflection: String,
    /// The day is over and its plan is as it stood at its end (kept at
    /// the next change, also for a day nothing was done on).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub closed: bool,
}

impl DayRecord {
    pub fn new(date: NaiveDate) -> DayRecord {
        DayRecord { date, plan: Vec::new(), reflection: String::new(), closed: false }
    }
}
