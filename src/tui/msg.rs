//! What happens to the model (messages) and what the model asks of the
//! outside world (effects).

use ratatui::crossterm::event::KeyEvent;

use chrono::NaiveDate;

use super::forms::ReferredBy;
use crate::app::{AccountDetail, AccountInput, DayReview, FollowUpInput, Ledger, OrderInput, TouchInput};
use crate::clock::When;
use crate::domain::{AccountId, AccountSummary, FollowUpId, Money, ReferralId};
use crate::search::SearchIndex;

/// What delivered referral incentives cost each referrer (for BZC).
pub type Incentives = std::collections::HashMap<AccountId, Money>;

#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    Resize {
        width: u16,
        height: u16,
    },
    Loaded {
        summaries: Vec<AccountSummary>,
        search: SearchIndex,
        incentives: Incentives,
    },
    AccountLoaded {
        detail: Box<AccountDetail>,
        then: Then,
    },
    ReferralsLoaded(Ledger),
    ReviewLoaded(Box<DayReview>),
    /// A change is durable; here is what it changed.
    Saved(Box<Saved>),
    Failed(String),
}

/// What to do with an account once it is loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Then {
    Show,
    Edit,
}

#[derive(Debug)]
pub struct Saved {
    pub message: String,
    pub refresh: Refresh,
    /// The account on the Account screen, reloaded.
    pub detail: Option<AccountDetail>,
    /// An account to open (one just added).
    pub open: Option<AccountId>,
}

#[derive(Debug)]
pub enum Refresh {
    /// These accounts changed (or were added); the search index too, when
    /// a searchable field may have changed.
    /// The incentive costs too, when a delivery changed them.
    Accounts { summaries: Vec<AccountSummary>, search: Option<SearchIndex>, incentives: Option<Incentives> },
    /// Anything may have changed (an undo).
    Everything { summaries: Vec<AccountSummary>, search: SearchIndex, incentives: Incentives },
}

#[derive(Clone, Debug)]
pub enum Effect {
    LoadBook,
    LoadAccount { id: AccountId, then: Then },
    LoadReferrals,
    LoadReview(NaiveDate),
    Write { change: Box<Change>, open: Option<AccountId> },
}

/// A change the rep asked for, as the app services take it.
#[derive(Clone, Debug)]
pub enum Change {
    LogTouch(TouchInput),
    RecordOrder(OrderInput),
    AddAccount(AccountInput, Option<ReferredBy>),
    EditAccount(AccountId, AccountInput),
    ScheduleFollowUp(FollowUpInput),
    CompleteFollowUp(FollowUpId),
    SnoozeFollowUp(FollowUpId, When),
    StepGrade { account: AccountId, raise: bool },
    DeliverIncentive(ReferralId),
    Undo,
}
