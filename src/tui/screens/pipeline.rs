//! Pipeline: the active prospects by grade, A to D, with their potential.

use ratatui::layout::Constraint;

use super::account_groups::{AccountGroups, Grouping};
use crate::analysis::groups::{self, GradeGroup};
use crate::config::Ui;
use crate::domain::{AccountSummary, Money};
use crate::i18n::{Lang, msg};
use crate::tui::context::Context;

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

    fn total(money: Money, ui: &Ui) -> String {
        msg::PotentialTotal { amount: ui.money(money) }.text(ui.lang())
    }

    fn heading(group: &GradeGroup, lang: Lang) -> String {
        msg::GradeHeading { grade: group.grade.to_string() }.text(lang)
    }

    fn middle_columns(lang: Lang) -> Vec<(String, Constraint)> {
        vec![(msg::ColPotential.text(lang), Constraint::Length(14))]
    }

    fn middle_cells(ctx: &Context, _: usize, summary: &AccountSummary) -> Vec<String> {
        vec![summary.potential.map(|money| ctx.config.ui.money(money)).unwrap_or_default()]
    }
}
