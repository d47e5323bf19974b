use chrono::{Months, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::{
    CompetitorId, Direction, FollowUp, FollowUpStatus, Money, Order, Outcome, Purpose, Reach, Touch,
    TouchDays, TouchKind,
};

/// Per-account aggregates, derived from the account's touches, orders and
/// follow-ups and stored beside the account so that lists and rankings
/// never read those. Recomputed from that one account's records whenever
/// one of them changes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountStats {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_touch: Option<NaiveDateTime>,
    #[serde(default)]
    pub touches: u32,
    #[serde(default)]
    pub orders: u32,
    #[serde(default)]
    pub revenue_total: Money,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_order: Option<NaiveDateTime>,
    /// Order totals per day, from 13 months before the newest order on:
    /// enough to answer "revenue over the last 12 months" exactly on any
    /// later day, without reading orders.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revenue_days: Vec<(NaiveDate, Money)>,
    /// Open and snoozed follow-ups, earliest due first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pending: Vec<FollowUp>,
    /// Days on which follow-ups were marked done, from 30 days before the
    /// latest such day on (one entry per follow-up).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub done_days: Vec<NaiveDate>,
    /// When a follow-up was last closed, done or skipped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_closed: Option<NaiveDateTime>,
    /// The latest greeting of each occasion (see [`Touch::greeting`]).
    #[serde(default, skip_serializing_if = "Greeted::is_empty")]
    pub greeted: Greeted,
    /// The latest touch that reached the person, and its channel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_reached: Option<(NaiveDateTime, TouchKind)>,
    /// Outbound SMS since the last sign of life (an inbound touch, a reached
    /// call or visit, a reply), the latest ten.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unanswered_sms: Vec<NaiveDateTime>,
    /// Day and kind of every touch from 400 days before the newest on,
    /// oldest first: effort and cost to serve over any window of the last
    /// year, without reading touches.
    // Stored under a new name since it is packed: a record from derived
    // version 6 decodes, with this left empty until the rebuild.
    #[serde(default, rename = "touch_log", skip_serializing_if = "TouchDays::is_empty")]
    pub touch_days: TouchDays,
    /// Each competitor a declined deal went to, with the latest day.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lost_to: Vec<(CompetitorId, NaiveDate)>,
}

/// How far back `touch_days` reaches from the newest touch: a year's
/// window ending on any later day lies inside it.
const TOUCH_DAYS_KEPT: i64 = 400;

fn touch_days(touches: &[Touch]) -> TouchDays {
    let newest = touches.iter().map(|t| t.at.date()).max().unwrap_or(NaiveDate::MIN);
    let keep_from =
        newest.checked_sub_signed(chrono::Duration::days(TOUCH_DAYS_KEPT)).unwrap_or(NaiveDate::MIN);
    TouchDays::new(touches.iter().filter(|t| t.at.date() >= keep_from).map(|t| (t.at.date(), t.kind)))
}

/// When the account was last greeted for each occasion.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Greeted {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub festival: Option<NaiveDateTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birthday: Option<NaiveDateTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anniversary: Option<NaiveDateTime>,
}

impl Greeted {
    pub fn is_empty(&self) -> bool {
        *self == Greeted::default()
    }

    fn of(touches: &[Touch]) -> Greeted {
        let latest =
            |purpose: Purpose| touches.iter().filter(|t| t.greeting() == Some(purpose)).map(|t| t.at).max();
        Greeted {
            festival: latest(Purpose::Festival),
            birthday: latest(Purpose::Birthday),
            anniversary: latest(Purpose::Anniversary),
        }
    }
}

/// Whether a touch shows the account answered.
fn answered(touch: &Touch) -> bool {
    touch.direction == Direction::Inbound
        || matches!(touch.outcome, Some(Outcome::Reached | Outcome::Replied))
}

/// Outbound SMS after the last answer, oldest first, at most ten.
fn unanswered_sms(touches: &[Touch]) -> Vec<NaiveDateTime> {
    let mut ordered: Vec<&Touch> = touches.iter().collect();
    ordered.sort_by_key(|t| (t.at, t.id));
    let mut unanswered = Vec::new();
    for touch in ordered {
        if answered(touch) {
            unanswered.clear();
        } else if touch.kind == TouchKind::Sms {
            unanswered.push(touch.at);
        }
    }
    let skip = unanswered.len().saturating_sub(10);
    unanswered.split_off(skip)
}

fn lost_to(touches: &[Touch]) -> Vec<(CompetitorId, NaiveDate)> {
    let mut latest: Vec<(CompetitorId, NaiveDate)> = Vec::new();
    for touch in touches {
        let Some(competitor) = touch.lost_to else { continue };
        let day = touch.at.date();
        match latest.iter_mut().find(|(c, _)| *c == competitor) {
            Some((_, seen)) => *seen = (*seen).max(day),
            None => latest.push((competitor, day)),
        }
    }
    latest.sort();
    latest
}

/// The first day inside the 12-month window that ends on `today`.
pub fn twelve_month_window_start(today: NaiveDate) -> NaiveDate {
    today.checked_sub_months(Months::new(12)).and_then(|d| d.succ_opt()).unwrap_or(NaiveDate::MIN)
}

impl AccountStats {
    pub fn compute(touches: &[Touch], orders: &[Order], follow_ups: &[FollowUp]) -> AccountStats {
        let newest = orders.iter().map(|o| o.at.date()).max().unwrap_or(NaiveDate::MIN);
        let keep_from = newest.checked_sub_months(Months::new(13)).unwrap_or(NaiveDate::MIN);
        let mut revenue_days: Vec<(NaiveDate, Money)> = Vec::new();
        let mut by_day: Vec<(NaiveDate, Money)> =
            orders.iter().filter(|o| o.at.date() >= keep_from).map(|o| (o.at.date(), o.amount)).collect();
        by_day.sort_by_key(|(day, _)| *day);
        for (day, amount) in by_day {
            match revenue_days.last_mut() {
                Some((last, sum)) if *last == day => *sum = sum.saturating_add(amount),
                _ => revenue_days.push((day, amount)),
            }
        }
        AccountStats {
            last_touch: touches.iter().map(|t| t.at).max(),
            touches: touches.len() as u32,
            orders: orders.len() as u32,
            revenue_total: orders.iter().map(|o| o.amount).sum(),
            last_order: orders.iter().map(|o| o.at).max(),
            revenue_days,
            pending: {
                let mut pending: Vec<FollowUp> =
                    follow_ups.iter().filter(|f| f.is_pending()).cloned().collect();
                pending.sort_by_key(|f| (f.due, f.due_time, f.id));
                pending
            },
            done_days: {
                let mut days: Vec<NaiveDate> = follow_ups
                    .iter()
                    .filter(|f| f.status == FollowUpStatus::Done)
                    .filter_map(|f| f.closed_at.map(|at| at.date()))
                    .collect();
                days.sort();
                let keep_from = days.last().map_or(NaiveDate::MIN, |d| *d - chrono::Duration::days(30));
                days.retain(|d| *d >= keep_from);
                days
            },
            last_closed: follow_ups.iter().filter(|f| !f.is_pending()).filter_map(|f| f.closed_at).max(),
            greeted: Greeted::of(touches),
            last_reached: touches
                .iter()
                .filter(|t| t.reach() == Reach::Reached)
                .max_by_key(|t| (t.at, t.id))
                .map(|t| (t.at, t.kind)),
            unanswered_sms: unanswered_sms(touches),
            touch_days: touch_days(touches),
            lost_to: lost_to(touches),
        }
    }

    /// Revenue from orders dated within the 12 months ending on `today`.
    pub fn revenue_12m(&self, today: NaiveDate) -> Money {
        revenue_in_window(&self.revenue_days, today)
    }
}

pub(super) fn revenue_in_window(revenue_days: &[(NaiveDate, Money)], today: NaiveDate) -> Money {
    let start = twelve_month_window_start(today);
    revenue_days.iter().filter(|(day, _)| *day >= start && *day <= today).map(|(_, amount)| *amount).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Uid;
    use crate::domain::{AccountId, OrderId};

    fn order(id: u64, day: &str, amount: i64) -> Order {
        Order {
            id: OrderId(id),
            uid: Uid::NIL,
            account: AccountId(1),
            amount: Money(amount.into()),
            at: NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap().and_hms_opt(12, 0, 0).unwrap(),
            note: String::new(),
        }
    }

    fn touch(id: u64, at: &str, kind: TouchKind, direction: Direction, outcome: Option<Outcome>) -> Touch {
        Touch {
            id: crate::domain::TouchId(id),
            uid: Uid::NIL,
            account: AccountId(1),
            kind,
            at: NaiveDateTime::parse_from_str(at, "%Y-%m-%dT%H:%M").unwrap(),
            direction,
            outcome,
            note: String::new(),
            lesson: String::new(),
            purpose: Purpose::Ordinary,
            lost_to: None,
        }
    }

    #[test]
    fn sms_count_as_unanswered_until_the_account_answers() {
        use Direction::*;
        let touches = [
            touch(1, "2026-11-01T09:00", TouchKind::Sms, Outbound, None),
            touch(2, "2026-11-02T09:00", TouchKind::Call, Outbound, Some(Outcome::Reached)),
            touch(5, "2026-11-20T09:00", TouchKind::Sms, Outbound, None),
            touch(3, "2026-11-10T09:00", TouchKind::Sms, Outbound, None),
            touch(4, "2026-11-12T09:00", TouchKind::Call, Outbound, Some(Outcome::NoAnswer)),
            touch(6, "2026-11-21T09:00", TouchKind::Gift, Outbound, None),
        ];
        let stats = AccountStats::compute(&touches, &[], &[]);
        let days: Vec<String> = stats.unanswered_sms.iter().map(|t| t.date().to_string()).collect();
        assert_eq!(days, ["2026-11-10", "2026-11-20"], "the reached call resets; a missed one does not");
        assert_eq!(stats.greeted.festival.map(|t| t.date().to_string()).as_deref(), Some("2026-11-21"));
        assert_eq!(
            stats.last_reached.map(|(t, k)| (t.date().to_string(), k)),
            Some(("2026-11-21".into(), TouchKind::Gift)),
            "a gift that happened reached them"
        );
        let mut answered = touches.to_vec();
        answered.push(touch(7, "2026-11-22T09:00", TouchKind::Sms, Inbound, None));
        assert!(AccountStats::compute(&answered, &[], &[]).unanswered_sms.is_empty());
    }

    #[test]
    fn touch_days_keep_the_last_four_hundred_days_oldest_first() {
        use Direction::Outbound;
        let touches = [
            touch(1, "2026-11-20T09:00", TouchKind::Visit, Outbound, None),
            touch(2, "2025-10-23T09:00", TouchKind::Call, Outbound, None), // 393 days before: kept
            touch(3, "2025-10-01T09:00", TouchKind::Sms, Outbound, None),  // 415 days before: dropped
            touch(4, "2026-11-01T09:00", TouchKind::Email, Outbound, None),
        ];
        let stats = AccountStats::compute(&touches, &[], &[]);
        let kept: Vec<(String, TouchKind)> =
            stats.touch_days.iter().map(|(d, k)| (d.to_string(), k)).collect();
        assert_eq!(
            kept,
            [
                ("2025-10-23".to_string(), TouchKind::Call),
                ("2026-11-01".to_string(), TouchKind::Email),
                ("2026-11-20".to_string(), TouchKind::Visit)
            ]
        );
        assert!(AccountStats::compute(&[], &[], &[]).touch_days.is_empty());
    }

    #[test]
    fn revenue_window_is_the_twelve_months_ending_today() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let orders = [
            order(1, "2025-11-27", 100), // exactly 12 months ago: outside
            order(2, "2025-11-28", 200), // first day inside
            order(3, "2026-11-27", 400),
            order(4, "2026-11-27", 800),
            order(5, "2024-01-01", 1600), // old: counts in total only
            order(6, "2025-10-01", 3200), // 14 months before the newest: pruned
        ];
        let stats = AccountStats::compute(&[], &orders, &[]);
        assert_eq!(stats.revenue_12m(today), Money(1400));
        assert_eq!(stats.revenue_total, Money(6300));
        assert_eq!(stats.orders, 6);
        assert_eq!(stats.revenue_days.first().map(|d| d.0.to_string()), Some("2025-11-27".into()));
        // one day later the 2025-11-28 order falls out
        assert_eq!(stats.revenue_12m(today.succ_opt().unwrap()), Money(1200));
        // same-day orders are summed into one bucket
        assert_eq!(stats.revenue_days.last(), Some(&(today, Money(1200))));
    }
}
