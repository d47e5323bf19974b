//! Customers: the active customers by tier, VIP first, largest revenue
//! first within each tier, with their ABC class and revenue.

use ratatui::layout::Constraint;

use super::account_groups::{AccountGroups, Grouping};
use crate::analysis::groups::{self, TierGroup};
use crate::config::Ui;
use crate::domain::{AccountSummary, Money};
use crate::i18n::{Lang, msg};
use crate::tui::context::Context;

pub type Customers = AccountGroups<ByTier>;

#[derive(Debug, Default)]
pub struct ByTier;

impl Grouping for ByTier {
    type Group = TierGroup;
    const NAME: &'static str = "customers";
    const MONEY_COLUMN: usize = 1;

    fn tab(lang: Lang) -> String {
        msg::TabCustomers.text(lang)
    }

    fn short_tab(lang: Lang) -> String {
        msg::TabShortCustomers.text(lang)
    }

    fn groups(ctx: &Context) -> Vec<TierGroup> {
        groups::customers_by_tier(&ctx.book.summaries, ctx.today())
    }

    fn members(group: &TierGroup) -> &[usize] {
        &group.members
    }

    fn money(group: &TierGroup) -> Money {
        group.revenue_12m
    }

    fn count(count: usize, lang: Lang) -> String {
        msg::CountCustomers { count }.text(lang)
    }

    fn total(money: Money, ui: &Ui) -> String {
        msg::Revenue12m { amount: ui.money(money) }.text(ui.lang())
    }

    fn heading(group: &TierGroup, lang: Lang) -> String {
        crate::i18n::terms::tier(group.tier, lang)
    }

    fn middle_columns(lang: Lang) -> Vec<(String, Constraint)> {
        vec![
            (msg::ColAbc.text(lang), Constraint::Length(3)),
            (msg::ColRevenue12m.text(lang), Constraint::Length(14)),
        ]
    }

    fn middle_cells(ctx: &Context, index: usize, summary: &AccountSummary) -> Vec<String> {
        let abc = ctx.focus.abc.get(index).copied().flatten();
        vec![
            abc.map_or("", |c| c.as_str()).to_string(),
            ctx.config.ui.money(summary.revenue_12m(ctx.today())),
        ]
    }
}
