//! Follow-ups that are due: overdue first, each with its reasons in words.

use chrono::NaiveDate;

use crate::domain::{FollowUp, FollowUpReason};
use crate::i18n::Lang;

/// One reason a row is on the list: the words a rep reads, in the
/// interface's language, and a code that stays the same in every language
/// so that scripts need not read the words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason {
    pub code: &'static str,
    pub text: String,
}

impl Reason {
    pub fn new(code: &'static str, text: String) -> Reason {
        Reason { code, text }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueItem {
    pub follow_up: FollowUp,
    pub days_overdue: i64,
    pub reasons: Vec<String>,
}

/// Snoozes from which a row says how often it was put off.
pub const SNOOZES_WORTH_SAYING: u32 = 3;

/// Why a follow-up is on the list, as a rep reads it.
pub fn reasons(follow_up: &FollowUp, today: NaiveDate, lang: Lang) -> Vec<String> {
    coded_reasons(follow_up, today, lang).into_iter().map(|r| r.text).collect()
}

/// [`reasons`] with their codes: `overdue`, `due_today`, `due_later`, the
/// follow-up's reason (`promised`, `quote`, ...) and `snoozed_often`.
pub fn coded_reasons(follow_up: &FollowUp, today: NaiveDate, lang: Lang) -> Vec<Reason> {
    let overdue = follow_up.days_overdue(today);
    let mut reasons = vec![match (overdue, follow_up.due_time) {
        (days, _) if days > 0 => {
            Reason::new("overdue", lang.text_with("due-overdue", &[("days", days.into())]))
        }
        (0, Some(time)) => Reason::new(
            "due_today",
            lang.text_with("due-today-at", &[("time", time.format("%H:%M").to_string().into())]),
        ),
        (0, None) => Reason::new("due_today", lang.text("due-today")),
        (days, _) => Reason::new("due_later", lang.text_with("due-in", &[("days", (-days).into())])),
    }];
    // The channel has its own column; referral notes already say who.
    let reason = || lang.text(&format!("follow-up-reason-{}", follow_up.reason.as_str()));
    let what = match (follow_up.note.as_str(), follow_up.reason) {
        ("", _) => {
            let kind = lang.text(&format!("kind-{}", follow_up.kind.as_str()));
            lang.text_with("due-what-plain", &[("reason", reason().into()), ("kind", kind.into())])
        }
        (note, FollowUpReason::Referral | FollowUpReason::Incentive) => note.to_string(),
        (note, _) => {
            lang.text_with("due-what-note", &[("reason", reason().into()), ("note", note.to_string().into())])
        }
    };
    reasons.push(Reason::new(reason_code(follow_up.reason), what));
    // Once or twice is life; three times means the rep is avoiding it.
    if follow_up.snoozes >= SNOOZES_WORTH_SAYING {
        let text = lang.text_with("due-snoozed", &[("times", follow_up.snoozes.into())]);
        reasons.push(Reason::new("snoozed_often", text));
    }
    reasons
}

/// A follow-up's reason as a code: its keyword in snake case.
fn reason_code(reason: FollowUpReason) -> &'static str {
    match reason {
        FollowUpReason::Promised => "promised",
        FollowUpReason::Cadence => "cadence",
        FollowUpReason::Referral => "referral",
        FollowUpReason::Holiday => "holiday",
        FollowUpReason::AfterSale => "after_sale",
        FollowUpReason::Incentive => "incentive",
    }
}

/// Pending follow-ups due on or before `today`, most overdue first; ties
/// by time of day, then id, so the order is stable.
pub fn due_by(follow_ups: impl IntoIterator<Item = FollowUp>, today: NaiveDate) -> Vec<DueItem> {
    let mut items: Vec<DueItem> = follow_ups
        .into_iter()
        .filter(|f| f.is_pending() && f.due <= today)
        .map(|follow_up| DueItem {
            days_overdue: follow_up.days_overdue(today),
            reasons: reasons(&follow_up, today, Lang::En),
            follow_up,
        })
        .collect();
    items.sort_by(|a, b| {
        (a.follow_up.due, a.follow_up.due_time, a.follow_up.id).cmp(&(
            b.follow_up.due,
            b.follow_up.due_time,
            b.follow_up.id,
        ))
    });
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Uid;
    use crate::domain::{AccountId, FollowUpId, FollowUpReason, FollowUpStatus, TouchKind};

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn follow_up(id: u64, due: &str, status: FollowUpStatus, snoozes: u32) -> FollowUp {
        FollowUp {
            id: FollowUpId(id),
            uid: Uid::NIL,
            account: AccountId(id),
            due: day(due),
            due_time: None,
            kind: TouchKind::Call,
            reason: FollowUpReason::Promised,
            note: String::new(),
            status,
            snoozes,
            created_at: day("2026-11-01").and_hms_opt(9, 0, 0).unwrap(),
            closed_at: None,
            snoozed_at: Vec::new(),
            referral: None,
            from_outcome: None,
            attempts: 0,
            attempted_at: Vec::new(),
        }
    }

    #[test]
    fn overdue_first_then_today_and_nothing_later_or_closed() {
        let today = day("2026-11-27");
        let items = due_by(
            [
                follow_up(1, "2026-11-27", FollowUpStatus::Open, 0),
                follow_up(2, "2026-11-25", FollowUpStatus::Snoozed, 3),
                follow_up(3, "2026-11-28", FollowUpStatus::Open, 0),
                follow_up(4, "2026-11-20", FollowUpStatus::Done, 0),
                follow_up(5, "2026-11-26", FollowUpStatus::Open, 0),
            ],
            today,
        );
        let ids: Vec<u64> = items.iter().map(|i| i.follow_up.id.0).collect();
        assert_eq!(ids, vec![2, 5, 1]);
        assert_eq!(items[0].reasons, vec!["overdue 2 days", "promised call", "snoozed 3 times"]);
        assert_eq!(items[1].reasons[0], "overdue 1 day");
        assert_eq!(items[2].reasons[0], "due today");
    }
}
