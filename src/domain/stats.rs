use chrono::{Months, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::{FollowUp, FollowUpStatus, Money, Order, Touch};

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
    use crate::domain::{AccountId, OrderId};

    fn order(id: u64, day: &str, amount: i64) -> Order {
        Order {
            id: OrderId(id),
            account: AccountId(1),
            amount: Money(amount),
            at: NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap().and_hms_opt(12, 0, 0).unwrap(),
            note: String::new(),
        }
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
