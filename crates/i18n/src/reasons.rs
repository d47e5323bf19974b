//! The words for the analysis's typed values: why a row is on the list,
//! how it was done, the stage an account is in.

use super::{FluentValue, Lang};
use crate::analysis::plan::share_words;
use crate::analysis::ranking::Occasion;
use crate::analysis::reason::{Done, Reason};
use crate::config::Ui;
use crate::domain::{FollowUpReason, Stage, Tier, TouchKind};
use crate::msg;
use crate::shown::ShownTime;

/// "A grade", "VIP": the stage as a reason names it.
pub fn stage_words(stage: Stage, lang: Lang) -> String {
    match stage {
        Stage::Prospect { grade } => msg::StageGrade { grade: grade.to_string() }.text(lang),
        Stage::Customer { tier, .. } => crate::terms::tier(tier, lang),
    }
}

/// A tier inside a sentence: its keyword in English ("vip", as the
/// commands take it), its word in other languages (大客户).
pub fn tier_in_sentence(tier: Tier, lang: Lang) -> String {
    match tier {
        Tier::Vip => msg::TierKeywordVip.text(lang),
        Tier::Large => msg::TierKeywordLarge.text(lang),
        Tier::Medium => msg::TierKeywordMedium.text(lang),
        Tier::Small => msg::TierKeywordSmall.text(lang),
    }
}

/// "grade B", "tier vip": the stage a change left an account in.
pub fn stage_phrase(stage: Stage, lang: Lang) -> String {
    match stage {
        Stage::Prospect { grade } => msg::StagePhraseGrade { grade: grade.to_string() }.text(lang),
        Stage::Customer { tier, .. } => {
            msg::StagePhraseTier { tier: tier_in_sentence(tier, lang) }.text(lang)
        }
    }
}

/// A channel's word: "call", "SMS", 电话.
fn kind_words(kind: TouchKind, lang: Lang) -> String {
    crate::terms::kind(kind, lang)
}

/// One reason as a rep reads it.
pub fn reason(reason: &Reason, ui: &Ui) -> String {
    let lang = ui.lang();
    match reason {
        Reason::Overdue { days } => msg::DueOverdue { days: (*days) }.text(lang),
        Reason::DueToday { at: Some(time) } => msg::DueTodayAt { time: ui.time(*time) }.text(lang),
        Reason::DueToday { at: None } => msg::DueToday.text(lang),
        Reason::DueIn { days } => msg::DueIn { days: (*days) }.text(lang),
        Reason::FollowUp { reason, kind, note } => {
            // The channel has its own column; referral notes already say who.
            let why = || crate::terms::follow_up_reason(*reason, lang);
            match (note.as_str(), reason) {
                ("", _) => msg::DueWhatPlain { reason: why(), kind: kind_words(*kind, lang) }.text(lang),
                (note, FollowUpReason::Referral | FollowUpReason::Incentive) => note.to_string(),
                (note, _) => msg::DueWhatNote { reason: why(), note }.text(lang),
            }
        }
        Reason::SnoozedOften { times } => msg::DueSnoozed { times: (*times) }.text(lang),
        Reason::MoreDue { count } => msg::DueMore { count: (*count) }.text(lang),
        Reason::FirstContact { stage, days } => {
            msg::ReasonFirstContact { stage: stage_words(*stage, lang), days: (*days) }.text(lang)
        }
        Reason::Cadence { stage, days, since_order: true } => {
            msg::CadenceSinceOrder { stage: stage_words(*stage, lang), days: *days }.text(lang)
        }
        Reason::Cadence { stage, days, since_order: false } => {
            msg::CadenceNoTouch { stage: stage_words(*stage, lang), days: *days }.text(lang)
        }
        Reason::Greeting { occasion, holiday, in_days, action } => {
            let when = match in_days {
                0 => msg::GreetingToday.text(lang),
                days => msg::GreetingIn { days: (*days) }.text(lang),
            };
            let what = match occasion {
                Occasion::Holiday => holiday.clone().unwrap_or_else(|| msg::GreetingHoliday.text(lang)),
                Occasion::Birthday => msg::GreetingBirthday.text(lang),
                Occasion::Anniversary(years) => msg::GreetingAnniversary { years: (*years) }.text(lang),
            };
            let how = match action {
                TouchKind::Sms => msg::GreetingSms.text(lang),
                TouchKind::Visit | TouchKind::Meeting => msg::GreetingVisit.text(lang),
                TouchKind::Call => msg::GreetingCall.text(lang),
                TouchKind::Letter => msg::GreetingCard.text(lang),
                TouchKind::Email => msg::GreetingEmail.text(lang),
                TouchKind::Gift => msg::GreetingGift.text(lang),
            };
            msg::Greeting { what, when, how }.text(lang)
        }
        Reason::KeyAccount => msg::ReasonKeyAccount.text(lang),
        Reason::BigPotential => msg::ReasonBigPotential.text(lang),
        Reason::SmsFatigue { unanswered } => msg::ReasonSmsFatigue { count: (*unanswered) }.text(lang),
        Reason::Forward(forward) => {
            let share = share_words(forward.revenue_share);
            let headroom = ui.money(forward.headroom);
            match (forward.growable, forward.since) {
                (false, Some((days, kind))) => {
                    msg::ReasonForwardKey { days, kind: kind_words(kind, lang), share }.text(lang)
                }
                (false, None) => msg::ReasonForwardKeyNever { share }.text(lang),
                (true, Some((days, kind))) => {
                    msg::ReasonForwardGrowable { days, kind: kind_words(kind, lang), headroom }.text(lang)
                }
                (true, None) => msg::ReasonForwardGrowableNever { headroom }.text(lang),
            }
        }
    }
}

/// The reasons of a row, as a rep reads them.
pub fn reasons(reasons: &[Reason], ui: &Ui) -> Vec<String> {
    reasons.iter().map(|r| reason(r, ui)).collect()
}

/// How a row done on its day was done: "done: call at 10:32".
pub fn done(done: Done, ui: &Ui) -> String {
    let lang = ui.lang();
    match done {
        Done::Touch { kind, at } => {
            let what = crate::terms::kind_or_touch(kind, lang);
            let time = FluentValue::from(ui.time(at.time()));
            msg::DoneTouch { kind: what, time }.text(lang)
        }
        Done::Order => msg::DoneOrder.text(lang),
        Done::Closed => msg::DoneClosed.text(lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::plan::Forward;
    use crate::domain::{Grade, Money};

    fn english(reason: Reason) -> String {
        super::reason(&reason, &Ui::default())
    }

    #[test]
    fn every_reason_reads_as_a_rep_says_it() {
        let grade = |grade| Stage::Prospect { grade };
        let vip = Stage::Customer { tier: Tier::Vip, tier_pinned: false };
        assert_eq!(
            english(Reason::Cadence { stage: grade(Grade::A), days: 5, since_order: false }),
            "A grade, no touch for 5 days"
        );
        assert_eq!(
            english(Reason::Cadence { stage: vip, days: 20, since_order: true }),
            "VIP, no touch since an order 20 days ago"
        );
        assert_eq!(
            english(Reason::FirstContact { stage: grade(Grade::B), days: 1 }),
            "new lead: first contact (B grade, added 1 day ago)"
        );
        assert_eq!(english(Reason::Overdue { days: 4 }), "overdue 4 days");
        assert_eq!(english(Reason::Overdue { days: 1 }), "overdue 1 day");
        assert_eq!(english(Reason::DueToday { at: None }), "due today");
        let promised =
            Reason::FollowUp { reason: FollowUpReason::Promised, kind: TouchKind::Call, note: String::new() };
        assert_eq!(english(promised), "promised call");
        let referred = Reason::FollowUp {
            reason: FollowUpReason::Referral,
            kind: TouchKind::Call,
            note: "referred by 李娜".into(),
        };
        assert_eq!(english(referred), "referred by 李娜", "a referral's note already says who");
        assert_eq!(english(Reason::MoreDue { count: 1 }), "1 more due");
        assert_eq!(english(Reason::SnoozedOften { times: 3 }), "snoozed 3 times");
        assert_eq!(english(Reason::KeyAccount), "key account");
        assert_eq!(english(Reason::BigPotential), "big potential");
        assert!(
            english(Reason::SmsFatigue { unanswered: 4 }).ends_with("unanswered SMS: call or visit instead")
        );
        let holiday = |name: &str, in_days, action| Reason::Greeting {
            occasion: Occasion::Holiday,
            holiday: Some(name.into()),
            in_days,
            action,
        };
        assert_eq!(
            english(holiday("元旦前", 6, TouchKind::Gift)),
            "元旦前 in 6 days: send a greeting or a gift"
        );
        assert_eq!(english(holiday("国庆节", 3, TouchKind::Sms)), "国庆节 in 3 days: send a greeting");
        let forward = Forward {
            growable: false,
            since: Some((12, TouchKind::Visit)),
            revenue_share: 0.04,
            headroom: Money::ZERO,
        };
        assert_eq!(
            english(Reason::Forward(forward)),
            "key account: 12 days since your last visit; 4% of your revenue"
        );
        assert_eq!(
            reason(
                &Reason::Cadence { stage: vip, days: 20, since_order: false },
                &Ui { language: Some(Lang::ZhCn), ..Ui::default() }
            ),
            "VIP，20 天没联系"
        );
    }
}
