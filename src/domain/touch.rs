use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::keyword::keyword_enum;
use super::{AccountId, TouchId};

keyword_enum! {
    /// The channel of one interaction.
    pub enum TouchKind ("touch kind") {
        Call = "call" | "phone" | "电话",
        Sms = "sms" | "text" | "短信",
        Visit = "visit" | "拜访",
        Email = "email" | "mail" | "邮件",
        Letter = "letter" | "postcard" | "信件",
        Gift = "gift" | "礼品",
        Meeting = "meeting" | "会面",
    }
}

keyword_enum! {
    pub enum Direction ("direction") {
        Outbound = "out" | "outbound" | "主动",
        Inbound = "in" | "inbound" | "对方主动",
    }
}

keyword_enum! {
    /// What came of a touch. Some only make sense for some channels; see
    /// [`Outcome::fits`].
    pub enum Outcome ("outcome") {
        Reached = "reached" | "接通",
        NoAnswer = "no-answer" | "没人接",
        Busy = "busy" | "占线",
        LeftMessage = "left-message" | "留言",
        WrongNumber = "wrong-number" | "号码错误",
        Replied = "replied" | "已回复",
        MeetingBooked = "meeting-booked" | "约好见面",
        QuoteSent = "quote-sent" | "已报价",
        Won = "won" | "成交",
        Declined = "declined" | "拒绝",
    }
}

impl Outcome {
    /// The channels an outcome can describe; `None` means any channel.
    pub fn channels(self) -> Option<&'static [TouchKind]> {
        use TouchKind::*;
        match self {
            Outcome::Reached => Some(&[Call, Visit, Meeting]),
            Outcome::NoAnswer => Some(&[Call, Visit, Sms, Email]),
            Outcome::Busy | Outcome::LeftMessage => Some(&[Call]),
            Outcome::WrongNumber => Some(&[Call, Sms]),
            Outcome::Replied => Some(&[Sms, Email, Letter]),
            Outcome::MeetingBooked | Outcome::QuoteSent | Outcome::Won | Outcome::Declined => None,
        }
    }

    pub fn fits(self, kind: TouchKind) -> bool {
        self.channels().is_none_or(|kinds| kinds.contains(&kind))
    }

    /// The outcomes offered for a channel, in the order a form shows them.
    pub fn for_kind(kind: TouchKind) -> Vec<Outcome> {
        Outcome::ALL.iter().copied().filter(|o| o.fits(kind)).collect()
    }
}

// Written out: the keyword macro does not derive Default.
#[allow(clippy::derivable_impls)]
impl Default for Direction {
    fn default() -> Self {
        Direction::Outbound
    }
}

/// One interaction with an account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Touch {
    pub id: TouchId,
    pub account: AccountId,
    pub kind: TouchKind,
    pub at: NaiveDateTime,
    #[serde(default)]
    pub direction: Direction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// What the touch taught, in a line, for the day's review.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub lesson: String,
}
