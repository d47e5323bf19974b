use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::keyword::keyword_enum;
use super::{AccountId, CompetitorId, TouchId, Uid};

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

keyword_enum! {
    /// What a touch was for besides the sale: a greeting closes only the
    /// greeting it was for (a price-list SMS is not a 春节 greeting), a
    /// thank-you the referral's thanks.
    pub enum Purpose ("purpose") {
        Ordinary = "ordinary" | "普通",
        /// A festival's greeting (春节, 中秋, ...; a holiday of the settings).
        Festival = "festival" | "节日" | "holiday",
        Birthday = "birthday" | "生日",
        Anniversary = "anniversary" | "周年",
        /// Thanks for a referral.
        Thanks = "thanks" | "感谢",
    }
}

impl Purpose {
    pub fn is_ordinary(&self) -> bool {
        *self == Purpose::Ordinary
    }

    /// A greeting of some occasion.
    pub fn is_greeting(self) -> bool {
        matches!(self, Purpose::Festival | Purpose::Birthday | Purpose::Anniversary)
    }
}

// Written out: the keyword macro does not derive Default.
#[allow(clippy::derivable_impls)]
impl Default for Purpose {
    fn default() -> Self {
        Purpose::Ordinary
    }
}

/// Whether a touch reached the person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// They answered, replied, met, or were visited.
    Reached,
    /// Tried, and nobody answered: no answer, busy, a message left, a
    /// wrong number.
    Tried,
    /// A call, SMS or email with no outcome said: it happened, whether it
    /// got through is not known.
    Unknown,
}

impl Outcome {
    /// Whether the outcome means the person was reached.
    pub fn reached(self) -> bool {
        !matches!(self, Outcome::NoAnswer | Outcome::Busy | Outcome::LeftMessage | Outcome::WrongNumber)
    }

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
    #[serde(default, skip_serializing_if = "Uid::is_nil")]
    pub uid: Uid,
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
    #[serde(default, skip_serializing_if = "Purpose::is_ordinary")]
    pub purpose: Purpose,
    /// The competitor the deal went to, when it was declined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lost_to: Option<CompetitorId>,
}

impl Touch {
    /// Whether it reached the person: the outcome says; without one, a
    /// visit, meeting, letter or gift that happened did, and so did
    /// anything they started.
    pub fn reach(&self) -> Reach {
        match self.outcome {
            Some(outcome) if outcome.reached() => Reach::Reached,
            Some(_) => Reach::Tried,
            None if self.direction == Direction::Inbound => Reach::Reached,
            None => match self.kind {
                TouchKind::Visit | TouchKind::Meeting | TouchKind::Letter | TouchKind::Gift => Reach::Reached,
                TouchKind::Call | TouchKind::Sms | TouchKind::Email => Reach::Unknown,
            },
        }
    }

    /// Which greeting it is: its purpose, or a festival's for a gift given
    /// for no other purpose (a gift in a festival's window is for it).
    pub fn greeting(&self) -> Option<Purpose> {
        match self.purpose {
            purpose if purpose.is_greeting() => Some(purpose),
            Purpose::Ordinary if self.kind == TouchKind::Gift => Some(Purpose::Festival),
            _ => None,
        }
    }
}
