//! What happens to the model (messages) and what the model asks of the
//! outside world (effects).

use std::any::Any;
use std::sync::Arc;

use chrono::NaiveDateTime;
use ratatui::crossterm::event::KeyEvent;

use super::forms::ReferredBy;
use crate::app::{
    AccountDetail, AccountInput, App, AppResult, BookData, FollowUpChange, FollowUpInput, NoteInput,
    OrderChange, OrderInput, TouchChange, TouchInput,
};
use crate::clock::When;
use crate::domain::{
    AccountId, AccountSummary, ArchiveReason, FollowUpId, OrderId, PlanEntry, ReferralId, TouchId,
};
use crate::search::SearchIndex;

pub use crate::app::Incentives;

#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    /// The clock, once a poll of the keys times out: a new day re-ranks.
    Tick(NaiveDateTime),
    Resize {
        width: u16,
        height: u16,
    },
    Loaded(BookData),
    AccountLoaded {
        detail: Box<AccountDetail>,
        then: Then,
    },
    /// What a screen's load brought (see `Screen::load`).
    ScreenLoaded {
        screen: usize,
        data: Box<dyn Any + Send>,
    },
    /// A change is durable; here is what it changed.
    Saved(Box<Saved>),
    Failed(String),
}

/// What to do with an account once it is loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Then {
    Show,
    Edit,
    /// The edit form, on the phones (a wrong number to correct).
    EditPhone,
}

#[derive(Debug)]
pub struct Saved {
    pub message: String,
    pub refresh: Refresh,
    /// The account on the Account screen, reloaded.
    pub detail: Option<AccountDetail>,
    /// An account to open (one just added).
    pub open: Option<AccountId>,
    /// An account whose phone was a wrong number: its edit form opens on
    /// the phones.
    pub edit_phone: Option<AccountId>,
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
    /// Today's kept plan, when the change wrote it.
    pub kept: Option<Vec<PlanEntry>>,
}

#[derive(Clone, Debug)]
pub enum Effect {
    LoadBook,
    LoadAccount {
        id: AccountId,
        then: Then,
    },
    /// A screen's own load, with the screen it is for.
    LoadScreen {
        screen: usize,
        load: Load,
    },
    Write {
        change: Box<Change>,
        open: Option<AccountId>,
    },
}

/// What a screen reads from the app to show itself: its own query, so that
/// a new screen needs no new effect.
#[derive(Clone)]
pub struct Load(pub Arc<Query>);

/// A screen's query: the data comes back to the screen that asked.
pub type Query = dyn Fn(&App) -> AppResult<Box<dyn Any + Send>> + Send + Sync;

impl Load {
    pub fn new<T: Any + Send>(query: impl Fn(&App) -> AppResult<T> + Send + Sync + 'static) -> Load {
        Load(Arc::new(move |app| query(app).map(|data| Box::new(data) as Box<dyn Any + Send>)))
    }
}

impl std::fmt::Debug for Load {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Load(..)")
    }
}

/// A change the rep asked for, as the app services take it.
#[derive(Clone, Debug)]
pub enum Change {
    LogTouch(TouchInput),
    RecordOrder(OrderInput),
    /// A new account, and whether its screen opens (not for someone the
    /// open account referred: the referrer's screen stays).
    AddAccount(AccountInput, Option<ReferredBy>, bool),
    EditAccount(AccountId, AccountInput),
    ScheduleFollowUp(FollowUpInput),
    CompleteFollowUp(FollowUpId),
    SkipFollowUp(FollowUpId),
    /// Archived, and the competitor a lost account went to.
    Archive(AccountId, ArchiveReason, Option<String>),
    /// A new competitor note (no position), or the one at a position.
    CompetitorNote(AccountId, Option<usize>, NoteInput),
    Restore(AccountId),
    SnoozeFollowUp(FollowUpId, When),
    /// The late promises of C and D prospects moved to a day.
    Triage(When),
    StepGrade {
        account: AccountId,
        raise: bool,
    },
    DeliverIncentive(ReferralId),
    Reflect(chrono::NaiveDate, String),
    CorrectTouch(TouchId, TouchChange),
    CorrectOrder(OrderId, OrderChange),
    CorrectFollowUp(FollowUpId, FollowUpChange),
    Remove(Removal),
    Undo,
}

/// One timeline entry to delete.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Removal {
    Touch(TouchId),
    Order(OrderId),
    FollowUp(FollowUpId),
    /// The competitor note at a position of the account's list.
    CompetitorNote(AccountId, usize),
}
