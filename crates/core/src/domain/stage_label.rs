//! An account's stage in words: one definition, in the few forms the
//! fronts need it, so that no screen or command spells it its own way.

use super::{ArchiveReason, Stage};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StageLabel {
    pub stage: Stage,
    pub archived: Option<ArchiveReason>,
}

impl StageLabel {
    /// "A", "VIP", "archived": a list's narrow column.
    pub fn short(self) -> String {
        match (self.archived, self.stage) {
            (Some(_), _) => "archived".into(),
            (None, Stage::Prospect { grade }) => grade.to_string(),
            (None, Stage::Customer { tier, .. }) => tier.as_str().to_uppercase(),
        }
    }

    /// "prospect A", "customer vip", "archived": the CLI's account list.
    pub fn kind_and_class(self) -> String {
        match (self.archived, self.stage) {
            (Some(_), _) => "archived".into(),
            (None, Stage::Prospect { grade }) => format!("prospect {grade}"),
            (None, Stage::Customer { tier, .. }) => format!("customer {tier}"),
        }
    }

    /// "grade A", "tier vip", "archived (lost)": in a sentence.
    pub fn phrase(self) -> String {
        match (self.archived, self.stage) {
            (Some(reason), _) => format!("archived ({reason})"),
            (None, Stage::Prospect { grade }) => format!("grade {grade}"),
            (None, Stage::Customer { tier, .. }) => format!("tier {tier}"),
        }
    }

    /// "prospect, grade A", "customer, VIP (pinned)", "archived (lost)":
    /// the account card.
    pub fn long(self) -> String {
        match (self.archived, self.stage) {
            (Some(reason), _) => format!("archived ({reason})"),
            (None, Stage::Prospect { grade }) => format!("prospect, grade {grade}"),
            (None, Stage::Customer { tier, tier_pinned }) => {
                format!(
                    "customer, {}{}",
                    tier.as_str().to_uppercase(),
                    if tier_pinned { " (pinned)" } else { "" }
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Grade, Tier};

    #[test]
    fn each_form_reads_as_its_place_needs() {
        let prospect = StageLabel { stage: Stage::Prospect { grade: Grade::A }, archived: None };
        let vip =
            StageLabel { stage: Stage::Customer { tier: Tier::Vip, tier_pinned: true }, archived: None };
        let lost = StageLabel { archived: Some(ArchiveReason::Lost), ..prospect };
        assert_eq!([prospect.short(), vip.short(), lost.short()], ["A", "VIP", "archived"]);
        assert_eq!([prospect.kind_and_class(), vip.kind_and_class()], ["prospect A", "customer vip"]);
        assert_eq!(
            [prospect.phrase(), vip.phrase(), lost.phrase()],
            ["grade A", "tier vip", "archived (lost)"]
        );
        assert_eq!([prospect.long(), vip.long()], ["prospect, grade A", "customer, VIP (pinned)"]);
    }
}
