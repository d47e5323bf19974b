//! Why a row is on the list, as typed values: the interface words them
//! (in its catalogues), scripts read their codes, and neither is built here.

use chrono::{NaiveDateTime, NaiveTime};

use super::plan::Forward;
use super::ranking::Occasion;
use crate::domain::{FollowUpReason, Grade, Stage, Tier, TouchKind};

/// One reason a row is on the list.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// A follow-up past its day.
    Overdue {
        days: i64,
    },
    /// A follow-up due today, at a time of day or any time.
    DueToday {
        at: Option<NaiveTime>,
    },
    /// A follow-up due in so many days.
    DueIn {
        days: i64,
    },
    /// What the follow-up is for: its reason, and its note or channel.
    FollowUp {
        reason: FollowUpReason,
        kind: TouchKind,
        note: String,
    },
    /// Put off so many times that it is worth saying.
    SnoozedOften {
        times: u32,
    },
    /// Other follow-ups due on the same account.
    MoreDue {
        count: usize,
    },
    /// Never contacted, added so many days ago.
    FirstContact {
        stage: Stage,
        days: i64,
    },
    /// The cadence of its stage ran out: so many days since the last touch,
    /// or since the last order when that was the last contact.
    Cadence {
        stage: Stage,
        days: i64,
        since_order: bool,
    },
    /// A greeting due: a holiday (by its name in the settings), a birthday
    /// or an anniversary, in so many days, and how.
    Greeting {
        occasion: Occasion,
        holiday: Option<String>,
        in_days: i64,
        action: TouchKind,
    },
    KeyAccount,
    BigPotential,
    /// Past the SMS restraint: so many unanswered.
    SmsFatigue {
        unanswered: usize,
    },
    /// Brought forward by the plan with nothing due.
    Forward(Forward),
}

impl Reason {
    /// The code scripts read, the same in every language: `overdue`,
    /// `due_today`, `due_later`, the follow-up's reason (`promised`,
    /// `quote`, ...), `snoozed_often`, `more_due`, `first_contact`,
    /// `cadence_<stage>` (`cadence_vip`, `cadence_grade_a`),
    /// `greeting_holiday`, `greeting_birthday`, `greeting_anniversary`,
    /// `key_account`, `big_potential`, `sms_fatigue`, `focus_key_account`,
    /// `focus_growable`.
    pub fn code(&self) -> &'static str {
        match self {
            Reason::Overdue { .. } => "overdue",
            Reason::DueToday { .. } => "due_today",
            Reason::DueIn { .. } => "due_later",
            Reason::FollowUp { reason, .. } => follow_up_code(*reason),
            Reason::SnoozedOften { .. } => "snoozed_often",
            Reason::MoreDue { .. } => "more_due",
            Reason::FirstContact { .. } => "first_contact",
            Reason::Cadence { stage, .. } => cadence_code(*stage),
            Reason::Greeting { occasion: Occasion::Holiday, .. } => "greeting_holiday",
            Reason::Greeting { occasion: Occasion::Birthday, .. } => "greeting_birthday",
            Reason::Greeting { occasion: Occasion::Anniversary(_), .. } => "greeting_anniversary",
            Reason::KeyAccount => "key_account",
            Reason::BigPotential => "big_potential",
            Reason::SmsFatigue { .. } => "sms_fatigue",
            Reason::Forward(forward) if forward.growable => "focus_growable",
            Reason::Forward(_) => "focus_key_account",
        }
    }
}

/// A follow-up's reason as a code: its keyword in snake case.
fn follow_up_code(reason: FollowUpReason) -> &'static str {
    match reason {
        FollowUpReason::Promised => "promised",
        FollowUpReason::Cadence => "cadence",
        FollowUpReason::Referral => "referral",
        FollowUpReason::Holiday => "holiday",
        FollowUpReason::AfterSale => "after_sale",
        FollowUpReason::Incentive => "incentive",
    }
}

/// The code of a cadence reason: `cadence_` and the stage.
fn cadence_code(stage: Stage) -> &'static str {
    match stage {
        Stage::Prospect { grade: Grade::A } => "cadence_grade_a",
        Stage::Prospect { grade: Grade::B } => "cadence_grade_b",
        Stage::Prospect { grade: Grade::C } => "cadence_grade_c",
        Stage::Prospect { grade: Grade::D } => "cadence_grade_d",
        Stage::Customer { tier: Tier::Small, .. } => "cadence_small",
        Stage::Customer { tier: Tier::Medium, .. } => "cadence_medium",
        Stage::Customer { tier: Tier::Large, .. } => "cadence_large",
        Stage::Customer { tier: Tier::Vip, .. } => "cadence_vip",
    }
}

/// How a row done on its day was done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Done {
    /// A touch that day: its channel (when known) and time.
    Touch { kind: Option<TouchKind>, at: NaiveDateTime },
    /// An order that day.
    Order,
    /// Its follow-up closed.
    Closed,
}
