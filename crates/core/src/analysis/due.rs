//! Follow-ups that are due: overdue first, each with its reasons in words.

use chrono::NaiveDate;

pub use super::reason::Reason;
use crate::domain::FollowUp;

#[derive(Clone, Debug, PartialEq)]
pub struct DueItem {
    pub follow_up: FollowUp,
    pub days_overdue: i64,
    pub reasons: Vec<Reason>,
}

/// Snoozes from which a row says how often it was put off.
pub const SNOOZES_WORTH_SAYING: u32 = 3;

/// Why a follow-up is on the list: when it is due, what for, and whether
/// it was put off often.
pub fn reasons(follow_up: &FollowUp, today: NaiveDate) -> Vec<Reason> {
    let overdue = follow_up.days_overdue(today);
    let mut reasons = vec![match overdue {
        days if days > 0 => Reason::Overdue { days },
        0 => Reason::DueToday { at: follow_up.due_time },
        days => Reason::DueIn { days: -days },
    }];
    reasons.push(Reason::FollowUp {
        reason: follow_up.reason,
        kind: follow_up.kind,
        note: follow_up.note.clone(),
    });
    // Once or twice is life; three times means the rep is avoiding it.
    if follow_up.snoozes >= SNOOZES_WORTH_SAYING {
        reasons.push(Reason::SnoozedOften { times: follow_up.snoozes });
    }
    reasons
}

/// Pending follow-ups due on or before `today`, most overdue first; ties
/// by time of day, then id, so the order is stable.
pub fn due_by(follow_ups: impl IntoIterator<Item = FollowUp>, today: NaiveDate) -> Vec<DueItem> {
    let mut items: Vec<DueItem> = follow_ups
        .into_iter()
        .filter(|f| f.is_pending() && f.due <= today)
        .map(|follow_up| DueItem {
            days_overdue: follow_up.days_overdue(today),
            reasons: reasons(&follow_up, today),
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
            rescheduled_at: Vec::new(),
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
        let codes: Vec<&str> = items[0].reasons.iter().map(Reason::code).collect();
        assert_eq!(codes, ["overdue", "promised", "snoozed_often"]);
        assert_eq!(items[0].reasons[0], Reason::Overdue { days: 2 });
        assert_eq!(items[0].reasons[2], Reason::SnoozedOften { times: 3 });
        assert_eq!(items[1].reasons[0], Reason::Overdue { days: 1 });
        assert_eq!(items[2].reasons[0], Reason::DueToday { at: None });
    }
}
