//! Customers: the active customers by tier, VIP first, largest revenue
//! first within each tier.

use crate::i18n::Text as _;
use crate::i18n::msg;
use std::any::Any;

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Cell, Row};

use super::Screen;
use super::grouped::Grouped;
use super::pipeline::next_follow_up;
use crate::analysis::groups::{self, TierGroup};
use crate::domain::AccountId;
use crate::tui::context::Context;
use crate::tui::keymap::{Command, Scope};
use crate::tui::theme::Theme;
use crate::tui::views::parts::{ago_in, count_in, focus_mark, grouped, header_line};

#[derive(Debug, Default)]
pub struct Customers {
    pub groups: Vec<TierGroup>,
    pub list: Grouped,
}

impl Screen for Customers {
    fn name(&self) -> &'static str {
        "customers"
    }

    fn tab(&self, lang: crate::i18n::Lang) -> String {
        msg::TabCustomers.text(lang)
    }

    fn short_tab(&self, lang: crate::i18n::Lang) -> String {
        msg::TabShortCustomers.text(lang)
    }

    fn scopes(&self) -> &'static [Scope] {
        &[Scope::Accounts, Scope::Lists, Scope::Global]
    }

    fn refresh(&mut self, ctx: &Context) {
        self.groups = groups::customers_by_tier(&ctx.book.summaries, ctx.today());
        let rows = Grouped::flatten(self.groups.iter().map(|g| g.members.clone()));
        self.list.set_rows_following(rows, ctx.list_height(1));
    }

    fn fit(&mut self, ctx: &Context) {
        self.list.fit(ctx.list_height(1));
    }

    fn shown(&mut self, ctx: &Context) {
        self.list.settle(ctx.list_height(1));
    }

    fn selected_account(&self, ctx: &Context) -> Option<AccountId> {
        self.list.selected_member().and_then(|i| ctx.book.summaries.get(i)).map(|s| s.id)
    }

    fn motion(&mut self, motion: Command, ctx: &Context) {
        self.list.motion(motion, ctx.list_height(1));
    }

    fn render(&self, ctx: &Context, theme: &Theme, frame: &mut Frame, header: Rect, body: Rect) {
        let customers: usize = self.groups.iter().map(|g| g.members.len()).sum();
        let revenue = self.groups.iter().map(|g| g.revenue_12m).sum();
        let lang = ctx.config.ui.lang();
        header_line(
            frame,
            header,
            vec![Span::raw(format!(
                "{}   {}",
                count_in(customers, "count-customers", lang),
                msg::Revenue12m { amount: grouped(revenue) }.text(lang)
            ))],
        );
        let today = ctx.today();
        let heading = |g: usize| {
            let group = &self.groups[g];
            Row::new(vec![
                Cell::from(Span::styled(crate::i18n::terms::tier(group.tier, lang), theme.heading())),
                Cell::from(count_in(group.members.len(), "count-customers", lang)),
                Cell::from(""),
                Cell::from(""),
                Cell::from(grouped(group.revenue_12m)),
                Cell::from(""),
                Cell::from(""),
            ])
        };
        let member = |i: usize| {
            let summary = &ctx.book.summaries[i];
            let abc = ctx.focus.abc.get(i).copied().flatten();
            Row::new(vec![
                Cell::from(format!("  {}", summary.name)),
                Cell::from(summary.company.clone().unwrap_or_default()),
                Cell::from(focus_mark(ctx, theme, i)),
                Cell::from(abc.map_or("", |c| c.as_str())),
                Cell::from(grouped(summary.revenue_12m(today))),
                Cell::from(ago_in(summary.last_touch, ctx.now, lang)),
                Cell::from(next_follow_up(summary)),
            ])
        };
        self.list.render(
            frame,
            body,
            theme,
            &[
                "col-name",
                "col-company",
                "col-mark",
                "col-abc",
                "col-revenue-12m",
                "col-last-touch",
                "col-next",
            ]
            .map(|id| lang.text(id))
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
            &[
                Constraint::Length(18),
                Constraint::Fill(1),
                Constraint::Length(5),
                Constraint::Length(3),
                Constraint::Length(14),
                Constraint::Length(10),
                Constraint::Length(5),
            ],
            heading,
            member,
        );
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}
