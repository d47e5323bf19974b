//! The book's vocabulary: plain data, no I/O, no clock.

mod account;
mod activity;
pub mod contact;
pub mod dates;
mod day;
pub mod festivals;
mod follow_up;
mod ids;
pub(crate) mod keyword;
mod money;
mod month_day;
pub mod names;
mod order;
pub mod phone;
mod referral;
mod stage_label;
mod stats;
mod summary;
mod touch;
mod touch_days;

pub use account::{Account, ArchiveReason, Archived, FilledField, Grade, Stage, StageKind, Tier};
pub use activity::DayEntry;
pub use day::{DayRecord, PlanEntry, RowKind, Slot};
pub use follow_up::{FollowUp, FollowUpReason, FollowUpStatus};
pub use ids::{AccountId, FollowUpId, MAX_ID, OrderId, ReferralId, TouchId, Uid, id_in_range};
pub use keyword::UnknownKeyword;
pub use money::{Money, MoneyError};
pub use month_day::{MonthDay, MonthDayError};
pub use order::Order;
pub use referral::{IncentiveStatus, Referral, ReferralProblem, referral_problems};
pub use stage_label::StageLabel;
pub use stats::{AccountStats, Greeted, twelve_month_window_start};
pub use summary::AccountSummary;
pub use touch::{Direction, Outcome, Purpose, Reach, Touch, TouchKind};
pub use touch_days::TouchDays;
