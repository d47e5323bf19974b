//! The 80/20 focus report, the marks it gives every list, and tier
//! suggestions.

use crate::i18n::msg;
use std::collections::HashMap;

use chrono::NaiveDate;

use super::{App, AppResult, BookView, Written};
use crate::analysis::focus::{self, Abc, Focus, ValueClass, percent, suggested_tier};
use crate::analysis::ranking::Marks;
use crate::config::{Config, FocusRules};
use crate::domain::twelve_month_window_start;
use crate::domain::{AccountId, AccountSummary, IncentiveStatus, Money, Referral, Stage, Tier};
use crate::i18n::Lang;

/// The focus report with the summaries its indexes point into.
#[derive(Clone, Debug)]
pub struct FocusReport {
    pub focus: Focus,
    pub summaries: Vec<AccountSummary>,
    pub today: NaiveDate,
}

/// Where one account stands in the 80/20 view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AccountMarks {
    pub key_account: bool,
    pub abc: Option<Abc>,
    pub value_class: Option<ValueClass>,
    /// The tier revenue suggests, when it differs from the account's.
    pub suggested_tier: Option<Tier>,
}

impl AccountMarks {
    pub fn of(
        focus: &Focus,
        summaries: &[AccountSummary],
        index: usize,
        today: NaiveDate,
        config: &Config,
    ) -> AccountMarks {
        let summary = &summaries[index];
        let suggested = match summary.stage {
            _ if !summary.is_active() => None,
            Stage::Customer { tier, .. } => {
                Some(suggested_tier(summary.revenue_12m(today), &config.focus)).filter(|s| *s != tier)
            }
            Stage::Prospect { .. } => None,
        };
        AccountMarks {
            key_account: focus.is_key(index),
            abc: focus.abc.get(index).copied().flatten(),
            value_class: focus.value_class.get(index).copied().flatten(),
            suggested_tier: suggested,
        }
    }
}

impl AccountMarks {
    /// "key account (MVC), class A": the marks in words.
    pub fn words(&self, lang: Lang) -> Option<String> {
        let class = match self.value_class {
            Some(ValueClass::Mvc) => msg::MarksMvc.text(lang),
            Some(ValueClass::Mgc) => msg::MarksMgc.text(lang),
            Some(ValueClass::Bzc) => msg::MarksBzc.text(lang),
            None => String::new(),
        };
        let abc = self.abc.map(|c| msg::MarksClass { class: c.to_string() }.text(lang));
        match (class.is_empty(), abc) {
            (true, None) => None,
            (true, Some(abc)) => Some(abc),
            (false, None) => Some(class),
            (false, Some(abc)) => Some(format!("{class}{}{abc}", msg::ListSeparator.text(lang))),
        }
    }
}

/// A customer whose tier differs from what its revenue suggests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TierChange {
    pub id: AccountId,
    pub name: String,
    pub tier: Tier,
    pub suggested: Tier,
    pub pinned: bool,
    pub revenue_12m: Money,
}

/// A share that falls short of `target`, in whole percent unless rounding
/// would make it read as the target or more (59.76% against 60%: "59.8%").
pub fn percent_below(share: f64, target: f64) -> String {
    let whole = (share * 100.0).round();
    if share < target && whole >= (target * 100.0).round() {
        let tenths = (share * 1000.0).round();
        let tenths = if tenths >= target * 1000.0 { (share * 1000.0).floor() } else { tenths };
        format!("{:.1}%", tenths / 10.0)
    } else {
        percent(share)
    }
}

/// "Key accounts: 80% of revenue, 44% of your effort this month": the
/// warning the fronts show when the key accounts get too little effort.
pub fn effort_warning(focus: &Focus, rules: &FocusRules, lang: crate::i18n::Lang) -> Option<String> {
    focus.effort_short.then(|| {
        let window = if rules.effort_days == 30 {
            msg::FocusWindowMonth.text(lang)
        } else {
            msg::FocusWindowDays { days: rules.effort_days }.text(lang)
        };
        msg::FocusEffortShort {
            revenue: percent(focus.revenue_share_key),
            effort: percent_below(focus.effort_share_key, rules.effort_target),
            window,
        }
        .text(lang)
    })
}

/// What delivered incentives cost each referrer over the 12 months ending `today`.
pub fn incentive_costs(
    referrals: &[Referral],
    today: NaiveDate,
    rules: &FocusRules,
) -> HashMap<AccountId, Money> {
    let from = twelve_month_window_start(today);
    let mut costs: HashMap<AccountId, Money> = HashMap::new();
    for r in referrals {
        let delivered = r.incentive_status == IncentiveStatus::Delivered;
        let day = r.delivered_at.map_or(r.at.date(), |t| t.date());
        if delivered && day >= from && day <= today {
            let cost = costs.entry(r.referrer).or_default();
            *cost = cost.saturating_add(FocusRules::money(rules.incentive_cost));
        }
    }
    costs
}

impl App {
    pub fn focus_report(&self) -> AppResult<FocusReport> {
        let summaries = self.store.summaries()?.items;
        let focus = self.focus_of(&summaries)?;
        Ok(FocusReport { focus, summaries, today: self.today() })
    }

    /// The focus report over `summaries` (all of the book's).
    pub fn focus_of(&self, summaries: &[AccountSummary]) -> AppResult<Focus> {
        let today = self.today();
        let incentives = self.incentive_costs()?;
        Ok(BookView { summaries, incentives: &incentives, kept: &[] }.focus(today, &self.config))
    }

    /// What delivered referral incentives cost each referrer over 12 months.
    pub fn incentive_costs(&self) -> AppResult<HashMap<AccountId, Money>> {
        let referrals = self.store.referrals()?.items;
        Ok(incentive_costs(&referrals, self.today(), &self.config.focus))
    }

    /// One account's 80/20 marks (reads every summary: the marks are
    /// relative). None when its summary is unreadable: `doctor` says why,
    /// and the account itself can still be shown.
    pub fn account_marks(&self, id: AccountId) -> AppResult<AccountMarks> {
        let report = self.focus_report()?;
        let marks = report.summaries.iter().position(|s| s.id == id).map(|index| {
            AccountMarks::of(&report.focus, &report.summaries, index, report.today, &self.config)
        });
        Ok(marks.unwrap_or_default())
    }

    /// The 80/20 marks the ranking boosts (they do not depend on effort or costs).
    pub fn marks(&self, summaries: &[AccountSummary]) -> Marks {
        focus::marks(summaries, self.today(), &self.config.focus)
    }

    /// Customers whose tier differs from the one their revenue suggests.
    pub fn tier_changes(&self) -> AppResult<Vec<TierChange>> {
        let today = self.today();
        let mut changes: Vec<TierChange> = self
            .store
            .summaries()?
            .items
            .iter()
            .filter(|s| s.is_active())
            .filter_map(|s| {
                let Stage::Customer { tier, tier_pinned } = s.stage else { return None };
                let revenue_12m = s.revenue_12m(today);
                let suggested = suggested_tier(revenue_12m, &self.config.focus);
                (suggested != tier).then(|| TierChange {
                    id: s.id,
                    name: s.name.clone(),
                    tier,
                    suggested,
                    pinned: tier_pinned,
                    revenue_12m,
                })
            })
            .collect();
        changes.sort_by(|a, b| b.revenue_12m.cmp(&a.revenue_12m).then(a.id.cmp(&b.id)));
        Ok(changes)
    }

    /// Moves every unpinned customer of `changes` (from [`App::tier_changes`])
    /// to its suggested tier, in one change; returns the changes made
    /// (pinned tiers are kept).
    pub fn apply_tiers(&self, changes: &[TierChange]) -> AppResult<Written<Vec<TierChange>>> {
        let changes: Vec<TierChange> = changes.iter().filter(|c| !c.pinned).cloned().collect();
        if changes.is_empty() {
            return Ok(Written { value: changes, changes: Default::default(), also: Vec::new() });
        }
        let now = self.now();
        let mut txn = self.begin();
        for change in &changes {
            let mut record = self.record(change.id)?;
            record.account.stage = Stage::Customer { tier: change.suggested, tier_pinned: false };
            txn.put_account(&record)?;
        }
        let summary = msg::HistoryTiers { count: changes.len() }.text(self.config.ui.lang());
        let written = txn.commit(summary, now)?;
        Ok(Written { value: changes, changes: written, also: Vec::new() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_just_short_of_the_target_never_reads_as_the_target() {
        assert_eq!(percent_below(0.5976, 0.6), "59.8%", "not 60% against 60%");
        assert_eq!(percent_below(0.5999, 0.6), "59.9%", "nor 60.0%");
        assert_eq!(percent_below(0.44, 0.6), "44%", "whole percent where rounding hides nothing");
        assert_eq!(percent_below(0.6, 0.6), "60%");
        assert_eq!(percent_below(0.7, 0.6), "70%");
    }
}
