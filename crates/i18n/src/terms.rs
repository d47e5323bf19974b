//! The words of the domain's keywords (a channel, an outcome, a tier, a
//! weekday ...): one exhaustive match per kind of keyword, each arm a typed
//! accessor, so that a keyword without its word does not compile.

use chrono::Weekday;

use crate::analysis::duplicates::Likeness;
use crate::analysis::focus::ValueClass;
use crate::domain::{
    ArchiveReason, FollowUpReason, FollowUpStatus, IncentiveStatus, Outcome, Purpose, StageKind, Tier,
    TouchKind,
};
use crate::{Lang, msg};

/// A channel: "call", "SMS", 电话.
pub fn kind(value: TouchKind, lang: Lang) -> String {
    match value {
        TouchKind::Call => msg::KindCall.text(lang),
        TouchKind::Sms => msg::KindSms.text(lang),
        TouchKind::Visit => msg::KindVisit.text(lang),
        TouchKind::Email => msg::KindEmail.text(lang),
        TouchKind::Letter => msg::KindLetter.text(lang),
        TouchKind::Gift => msg::KindGift.text(lang),
        TouchKind::Meeting => msg::KindMeeting.text(lang),
    }
}

/// What a touch came to.
pub fn outcome(value: Outcome, lang: Lang) -> String {
    match value {
        Outcome::Reached => msg::OutcomeReached.text(lang),
        Outcome::NoAnswer => msg::OutcomeNoAnswer.text(lang),
        Outcome::Busy => msg::OutcomeBusy.text(lang),
        Outcome::LeftMessage => msg::OutcomeLeftMessage.text(lang),
        Outcome::WrongNumber => msg::OutcomeWrongNumber.text(lang),
        Outcome::Replied => msg::OutcomeReplied.text(lang),
        Outcome::MeetingBooked => msg::OutcomeMeetingBooked.text(lang),
        Outcome::QuoteSent => msg::OutcomeQuoteSent.text(lang),
        Outcome::Won => msg::OutcomeWon.text(lang),
        Outcome::Declined => msg::OutcomeDeclined.text(lang),
    }
}

/// One of the five questions of a competitor note, as reps say it.
pub fn question(value: crate::domain::Question, lang: Lang) -> String {
    use crate::domain::Question;
    match value {
        Question::Strength => msg::QuestionStrength.text(lang),
        Question::Offer => msg::QuestionOffer.text(lang),
        Question::Floor => msg::QuestionFloor.text(lang),
        Question::Weakness => msg::QuestionWeakness.text(lang),
        Question::Edge => msg::QuestionEdge.text(lang),
    }
}

/// Why an account was archived.
pub fn archive_reason(value: ArchiveReason, lang: Lang) -> String {
    match value {
        ArchiveReason::Lost => msg::ArchiveReasonLost.text(lang),
        ArchiveReason::Dormant => msg::ArchiveReasonDormant.text(lang),
    }
}

/// What a follow-up is for.
pub fn follow_up_reason(value: FollowUpReason, lang: Lang) -> String {
    match value {
        FollowUpReason::Promised => msg::FollowUpReasonPromised.text(lang),
        FollowUpReason::Cadence => msg::FollowUpReasonCadence.text(lang),
        FollowUpReason::Referral => msg::FollowUpReasonReferral.text(lang),
        FollowUpReason::Holiday => msg::FollowUpReasonHoliday.text(lang),
        FollowUpReason::AfterSale => msg::FollowUpReasonAfterSale.text(lang),
        FollowUpReason::Incentive => msg::FollowUpReasonIncentive.text(lang),
    }
}

/// A customer tier as a word: "VIP", 大客户.
pub fn tier(value: Tier, lang: Lang) -> String {
    match value {
        Tier::Vip => msg::StageTierVip.text(lang),
        Tier::Large => msg::StageTierLarge.text(lang),
        Tier::Medium => msg::StageTierMedium.text(lang),
        Tier::Small => msg::StageTierSmall.text(lang),
    }
}

/// An account's 80/20 mark in a list: "KEY", "MGC", "BZC", 重点.
pub fn value_class_mark(value: ValueClass, lang: Lang) -> String {
    match value {
        ValueClass::Mvc => msg::MarkKey.text(lang),
        ValueClass::Mgc => msg::MarkMgc.text(lang),
        ValueClass::Bzc => msg::MarkBzc.text(lang),
    }
}

/// Where a referral's incentive stands.
pub fn incentive_status(value: IncentiveStatus, lang: Lang) -> String {
    match value {
        IncentiveStatus::Promised => msg::IncentivePromised.text(lang),
        IncentiveStatus::Earned => msg::IncentiveEarned.text(lang),
        IncentiveStatus::Delivered => msg::IncentiveDelivered.text(lang),
    }
}

/// Where a referee stands.
pub fn referee_stage(value: StageKind, lang: Lang) -> String {
    match value {
        StageKind::Prospect => msg::RefereeStageProspect.text(lang),
        StageKind::Customer => msg::RefereeStageCustomer.text(lang),
        StageKind::Archived => msg::RefereeStageArchived.text(lang),
    }
}

/// A touch's channel, or "touch" when it is not known.
pub fn kind_or_touch(kind: Option<TouchKind>, lang: Lang) -> String {
    kind.map_or_else(|| msg::KindTouch.text(lang), |kind| self::kind(kind, lang))
}

/// What a greeting or a thank-you was for; nothing for an ordinary touch.
pub fn purpose(purpose: Purpose, lang: Lang) -> Option<String> {
    Some(match purpose {
        Purpose::Ordinary => return None,
        Purpose::Festival => msg::PurposeFestival.text(lang),
        Purpose::Birthday => msg::PurposeBirthday.text(lang),
        Purpose::Anniversary => msg::PurposeAnniversary.text(lang),
        Purpose::Thanks => msg::PurposeThanks.text(lang),
    })
}

/// A tier in a narrow column ("VIP", "大"), or "archived".
pub fn tier_short(tier: Option<Tier>, lang: Lang) -> String {
    match tier {
        None => msg::StageShortArchived.text(lang),
        Some(Tier::Vip) => msg::StageShortVip.text(lang),
        Some(Tier::Large) => msg::StageShortLarge.text(lang),
        Some(Tier::Medium) => msg::StageShortMedium.text(lang),
        Some(Tier::Small) => msg::StageShortSmall.text(lang),
    }
}

/// "Mon", 周一.
pub fn weekday(day: Weekday, lang: Lang) -> String {
    match day {
        Weekday::Mon => msg::Weekday1.text(lang),
        Weekday::Tue => msg::Weekday2.text(lang),
        Weekday::Wed => msg::Weekday3.text(lang),
        Weekday::Thu => msg::Weekday4.text(lang),
        Weekday::Fri => msg::Weekday5.text(lang),
        Weekday::Sat => msg::Weekday6.text(lang),
        Weekday::Sun => msg::Weekday7.text(lang),
    }
}

/// "Monday", 星期一.
pub fn weekday_long(day: Weekday, lang: Lang) -> String {
    match day {
        Weekday::Mon => msg::WeekdayLong1.text(lang),
        Weekday::Tue => msg::WeekdayLong2.text(lang),
        Weekday::Wed => msg::WeekdayLong3.text(lang),
        Weekday::Thu => msg::WeekdayLong4.text(lang),
        Weekday::Fri => msg::WeekdayLong5.text(lang),
        Weekday::Sat => msg::WeekdayLong6.text(lang),
        Weekday::Sun => msg::WeekdayLong7.text(lang),
    }
}

/// Why two accounts look like one: "same phone 138…".
pub fn likeness(likeness: Likeness, value: &str, lang: Lang) -> String {
    match likeness {
        Likeness::Phone => msg::DupesPhone { value }.text(lang),
        Likeness::Email => msg::DupesEmail { value }.text(lang),
        Likeness::NameAndCompany => msg::DupesNameAndCompany { value }.text(lang),
        Likeness::SoundsAlike => msg::DupesSoundsAlike { value }.text(lang),
    }
}

/// Where a follow-up stands: open, done, skipped, snoozed.
pub fn follow_up_status(status: FollowUpStatus, lang: Lang) -> String {
    match status {
        FollowUpStatus::Open => msg::FollowUpStatusOpen.text(lang),
        FollowUpStatus::Done => msg::FollowUpStatusDone.text(lang),
        FollowUpStatus::Skipped => msg::FollowUpStatusSkipped.text(lang),
        FollowUpStatus::Snoozed => msg::FollowUpStatusSnoozed.text(lang),
    }
}

/// Why a file could not be read or written, in the rep's words; the
/// system's own words for a kind of error the catalogue has none for.
pub fn io_reason(error: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    match error.kind() {
        K::NotFound => msg::IoNotFound.text(lang),
        K::PermissionDenied => msg::IoPermissionDenied.text(lang),
        K::IsADirectory => msg::IoIsADirectory.text(lang),
        K::NotADirectory => msg::IoNotADirectory.text(lang),
        K::StorageFull | K::QuotaExceeded => msg::IoStorageFull.text(lang),
        K::ReadOnlyFilesystem => msg::IoReadOnly.text(lang),
        K::AlreadyExists => msg::IoAlreadyExists.text(lang),
        _ => error.to_string(),
    }
}

/// "cannot read contacts.csv: there is no such file".
pub fn cannot_read(path: &str, error: &std::io::Error, lang: Lang) -> String {
    msg::ErrorCannotRead { path, reason: io_reason(error, lang) }.text(lang)
}

/// "cannot write out.csv: permission denied".
pub fn cannot_write(path: &str, error: &std::io::Error, lang: Lang) -> String {
    msg::ErrorCannotWrite { path, reason: io_reason(error, lang) }.text(lang)
}

/// An account's phones as one line, each doubtful one (see
/// [`crate::domain::Account::doubtful_phones`]) saying it is kept as typed.
pub fn phones(account: &crate::domain::Account, region: &str, lang: Lang) -> String {
    let doubtful: Vec<&str> = account.doubtful_phones().collect();
    let shown: Vec<String> = account
        .phones
        .iter()
        .map(|phone| match doubtful.contains(&phone.as_str()) {
            true => msg::PhoneDoubtful { phone: phone.clone(), region: region.to_string() }.text(lang),
            false => phone.clone(),
        })
        .collect();
    shown.join(&msg::ListSeparator.text(lang))
}
