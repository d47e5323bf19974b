//! Prospects by grade and customers by tier, for the pipeline views.

use chrono::NaiveDate;

use crate::domain::{AccountSummary, Grade, Money, Tier};
use crate::search::name_key;

/// The prospects of one grade: how many, their total potential, and their
/// positions in the summaries slice, by name (pinyin and letters alike).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GradeGroup {
    pub grade: Grade,
    pub potential: Money,
    pub members: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TierGroup {
    pub tier: Tier,
    pub revenue_12m: Money,
    /// Members by revenue over 12 months, largest first.
    pub members: Vec<usize>,
}

/// Active prospects grouped A to D; every grade appears, even when empty.
pub fn prospects_by_grade(summaries: &[AccountSummary]) -> Vec<GradeGroup> {
    Grade::ALL
        .iter()
        .map(|&grade| {
            let mut members: Vec<usize> = summaries
                .iter()
                .enumerate()
                .filter(|(_, s)| s.is_active() && s.grade() == Some(grade))
                .map(|(i, _)| i)
                .collect();
            members.sort_by_cached_key(|i| (name_key(&summaries[*i].name), *i));
            let potential = members.iter().filter_map(|i| summaries[*i].potential).sum();
            GradeGroup { grade, potential, members }
        })
        .collect()
}

/// Active customers grouped VIP down to small; every tier appears.
pub fn customers_by_tier(summaries: &[AccountSummary], today: NaiveDate) -> Vec<TierGroup> {
    Tier::ALL
        .iter()
        .rev()
        .map(|&tier| {
            let mut members: Vec<(Money, usize)> = summaries
                .iter()
                .enumerate()
                .filter(|(_, s)| s.is_active() && s.tier() == Some(tier))
                .map(|(i, s)| (s.revenue_12m(today), i))
                .collect();
            members.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            let revenue_12m = members.iter().map(|(m, _)| *m).sum();
            TierGroup { tier, revenue_12m, members: members.into_iter().map(|(_, i)| i).collect() }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ArchiveReason, Stage};

    fn summary(id: u64, name: &str, stage: Stage, potential: i64, revenue: i64) -> AccountSummary {
        let day = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        AccountSummary {
            name: name.into(),
            potential: Some(Money(potential.into())),
            revenue_days: if revenue > 0 { vec![(day, Money(revenue.into()))] } else { vec![] },
            ..AccountSummary::bare(id, stage, day)
        }
    }

    #[test]
    fn groups_count_sum_and_order_their_members() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let mut archived = summary(5, "Archived", Stage::Prospect { grade: Grade::A }, 9, 0);
        archived.archived = Some(ArchiveReason::Lost);
        let book = vec![
            summary(1, "Zoe", Stage::Prospect { grade: Grade::A }, 100, 0),
            summary(2, "Anna", Stage::Prospect { grade: Grade::A }, 50, 0),
            summary(3, "Big", Stage::Customer { tier: Tier::Vip, tier_pinned: false }, 0, 900),
            summary(4, "Small", Stage::Customer { tier: Tier::Vip, tier_pinned: false }, 0, 100),
            archived,
        ];
        let grades = prospects_by_grade(&book);
        assert_eq!(grades.len(), 4);
        assert_eq!(grades[0].members, vec![1, 0], "by name, archived left out");
        assert_eq!(grades[0].potential, Money(150));
        assert!(grades[3].members.is_empty());
        let tiers = customers_by_tier(&book, today);
        assert_eq!(tiers[0].tier, Tier::Vip);
        assert_eq!(tiers[0].members, vec![2, 3], "largest revenue first");
        assert_eq!(tiers[0].revenue_12m, Money(1000));
    }

    #[test]
    fn prospects_are_listed_by_pinyin_not_by_code_point() {
        let names = ["何明", "冯军", "刘洋", "陈静", "Anna"];
        let summaries: Vec<AccountSummary> = names
            .iter()
            .enumerate()
            .map(|(i, name)| summary(i as u64 + 1, name, Stage::Prospect { grade: Grade::B }, 0, 0))
            .collect();
        let grade_b = &prospects_by_grade(&summaries)[1];
        let listed: Vec<&str> = grade_b.members.iter().map(|i| summaries[*i].name.as_str()).collect();
        assert_eq!(listed, ["Anna", "陈静", "冯军", "何明", "刘洋"]);
    }
}
