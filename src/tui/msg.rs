//! What happens to the model (messages) and what the model asks of the
//! outside world (effects).

use ratatui::crossterm::event::KeyEvent;

use chrono::NaiveDate;

use super::forms::ReferredBy;
use crate::app::{
    AccountDetail, AccountInput, BookData, DayReview, FollowUpInput, Ledger, OrderInput, TouchInput,
};
use crate::clock::When;
use crate::domain::{AccountId, AccountSummary, FollowUpId, ReferralId};
use crate::search::SearchIndex;

pub use crate::app::Incentives;

#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    Resize {
        width: u16,
        height: u16,
    },
    Loaded(BookData),
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

/// What a change changed, read again: the summaries of the accounts it
/// touched, the accounts it removed (an undone add), the search index when
/// it was rewritten, the incentive costs when a referral changed.
#[derive(Debug)]
pub struct Refresh {
    pub summaries: Vec<AccountSummary>,
    pub removed: Vec<AccountId>,
    pub search: Option<SearchIndex>,
    pub incentives: Option<Incentives>,
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
