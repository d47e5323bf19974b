//! Pipeline: the active prospects by grade, A to D, with their potential.

use ratatui::layout::Constraint;

use super::account_groups::{AccountGroups, Grouping};
use crate::analysis::groups::{self, GradeGroup};
use crate::domain::{AccountSummary, Money};
use crate::i18n::{Lang, msg};
use crate::tui::context::Context;
use crate::tui::views::parts::grouped;

pub type Pipeline = AccountGroups<ByGrade>;

#[derive(Debug, Default)]
pub struct ByGrade;

impl Grouping for ByGrade {
    type Group = GradeGroup;
    const NAME: &'static str = "pipeline";
    const MONEY_COLUMN: usize = 0;

    fn tab(lang: Lang) -> String {
        msg::TabPipeline.text(lang)
    }

    fn short_tab(lang: Lang) -> String {
        msg::TabShortPipeline.text(lang)
    }

    fn groups(ctx: &Context) -> Vec<GradeGroup> {
        groups::prospects_by_grade(&ctx.book.summaries)
    }

    fn members(group: &GradeGroup) -> &[usize] {
        &group.members
    }

    fn money(group: &GradeGroup) -> Money {
        group.potential
    }

    fn count(count: usize, lang: Lang) -> String {
        msg::CountProspects { count }.text(lang)
    }

    fn total(money: Money, lang: Lang) -> String {
        msg::PotentialTotal { amount: grouped(money) }.text(lang)
    }

    fn heading(group: &GradeGroup, lang: Lang) -> String {
        msg::GradeHeading { grade: group.grade.to_string() }.text(lang)
    }

    fn middle_columns(lang: Lang) -> Vec<(String, Constraint)> {
        vec![(msg::ColPotential.text(lang), Constraint::Length(14))]
    }

    fn middle_cells(_: &Context, _: usize, summary: &AccountSummary) -> Vec<String> {
        vec![summary.potential.map(grouped).unwrap_or_default()]
    }
}
