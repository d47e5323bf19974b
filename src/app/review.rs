//! The day's review, with names for the accounts it mentions.

use chrono::{Duration, NaiveDate};

use super::{App, AppResult};
use crate::analysis::review::{Review, review};
use crate::domain::AccountId;

/// A day's review and the names of the accounts in it.
#[derive(Clone, Debug)]
pub struct DayReview {
    pub review: Review,
    pub names: std::collections::HashMap<AccountId, String>,
    /// The day is today: what is not done yet is still due, not missed.
    pub today: bool,
}

impl App {
    pub fn review_day(&self, date: NaiveDate) -> AppResult<DayReview> {
        let entries: Vec<_> = self.store.day_entries(date, date)?.items.into_iter().map(|(_, e)| e).collect();
        let follow_ups = self.store.follow_ups()?.items;
        let summaries = self.store.summaries()?.items;
        let active = self.store.active_days(date - Duration::days(366), date)?;
        let review = review(date, &entries, &follow_ups, &summaries, &active, &self.config);
        let names = summaries.into_iter().map(|s| (s.id, s.name)).collect();
        Ok(DayReview { review, names, today: date == self.today() })
    }
}

fn counts<K: std::fmt::Display>(items: impl Iterator<Item = (K, usize)>) -> String {
    items.map(|(k, n)| format!("{k} {n}")).collect::<Vec<_>>().join(", ")
}

fn or_none(items: Vec<String>) -> String {
    if items.is_empty() { "none".to_string() } else { items.join(", ") }
}

impl DayReview {
    fn name(&self, id: AccountId) -> String {
        self.names.get(&id).cloned().unwrap_or_else(|| format!("#{id}"))
    }

    /// The review as labelled lines, the same in the CLI and the TUI.
    pub fn lines(&self) -> Vec<(&'static str, String)> {
        let r = &self.review;
        let mut lines = Vec::new();
        if r.touches == 0 {
            lines.push(("Touches", "none".to_string()));
        } else {
            lines.push((
                "Touches",
                format!("{}: {}", r.touches, counts(r.by_kind.iter().map(|(k, n)| (k, *n)))),
            ));
            let outcomes = r.by_outcome.iter().map(|(o, n)| (o.map_or("no outcome", |o| o.as_str()), *n));
            lines.push(("Outcomes", counts(outcomes)));
        }
        let orders: Vec<String> =
            r.orders.iter().map(|(id, amount)| format!("{} {}", self.name(*id), amount.grouped())).collect();
        let orders = match orders.len() {
            0 => "none".to_string(),
            n => format!("{n} worth {}: {}", r.orders_value.grouped(), orders.join(", ")),
        };
        lines.push(("Orders", orders));
        lines.push((
            "Follow-ups",
            format!(
                "{} done, {} skipped, {} snoozed",
                r.follow_ups_done, r.follow_ups_skipped, r.follow_ups_snoozed
            ),
        ));
        lines.push((
            if self.today { "Still due" } else { "Missed" },
            or_none(r.missed.iter().map(|f| format!("{} (#{})", self.name(f.account), f.id)).collect()),
        ));
        lines.push(("Past cadence", or_none(r.past_cadence.iter().map(|id| self.name(*id)).collect())));
        let days = if r.streak == 1 { "day" } else { "days" };
        lines.push(("Streak", format!("{} {days} with the list worked to zero", r.streak)));
        lines
    }
}
