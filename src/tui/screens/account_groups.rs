//! A list of accounts in groups, each under its heading with its count and
//! its money: Pipeline (prospects by grade) and Customers (customers by
//! tier) are this one screen with a different [`Grouping`].

use std::fmt::Debug;
use std::marker::PhantomData;

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};

use super::Screen;
use super::grouped::Grouped;
use crate::config::Ui;
use crate::domain::{AccountId, AccountSummary, Money};
use crate::i18n::Lang;
use crate::tui::context::Context;
use crate::tui::keymap::{Command, Scope};
use crate::tui::theme::Theme;
use crate::tui::views::parts::{TableRow, ago_in, fitting_columns, focus_mark, header_line};

/// How a screen groups the book's accounts, and what its columns say.
pub trait Grouping: Debug + Default + 'static {
    type Group: Debug;
    /// The screen's name (`show_NAME` in keymap.toml).
    const NAME: &'static str;
    fn tab(lang: Lang) -> String;
    fn short_tab(lang: Lang) -> String;
    fn groups(ctx: &Context) -> Vec<Self::Group>;
    /// Positions in the book's summaries of a group's accounts.
    fn members(group: &Self::Group) -> &[usize];
    /// The money the header and each heading total.
    fn money(group: &Self::Group) -> Money;
    /// "12 prospects", in `lang`.
    fn count(count: usize, lang: Lang) -> String;
    /// "potential 1,200,000", in the rep's language and currency.
    fn total(money: Money, ui: &Ui) -> String;
    fn heading(group: &Self::Group, lang: Lang) -> String;
    /// The columns between the mark and the last touch: their titles and
    /// widths, and an account's cells in them.
    fn middle_columns(lang: Lang) -> Vec<(String, Constraint)>;
    fn middle_cells(ctx: &Context, index: usize, summary: &AccountSummary) -> Vec<String>;
    /// Where the money goes among the middle columns.
    const MONEY_COLUMN: usize;
}

#[derive(Debug)]
pub struct AccountGroups<G: Grouping> {
    pub groups: Vec<G::Group>,
    pub list: Grouped,
    grouping: PhantomData<G>,
}

impl<G: Grouping> Default for AccountGroups<G> {
    fn default() -> Self {
        AccountGroups { groups: Vec::new(), list: Grouped::default(), grouping: PhantomData }
    }
}

/// "12-04": the day of the account's next follow-up.
fn next_follow_up(summary: &AccountSummary) -> String {
    summary.pending.first().map(|f| f.due.format("%m-%d").to_string()).unwrap_or_default()
}

impl<G: Grouping> Screen for AccountGroups<G> {
    fn name(&self) -> &'static str {
        G::NAME
    }

    fn tab(&self, lang: Lang) -> String {
        G::tab(lang)
    }

    fn short_tab(&self, lang: Lang) -> String {
        G::short_tab(lang)
    }

    fn scopes(&self) -> &'static [Scope] {
        &[Scope::Accounts, Scope::Lists, Scope::Global]
    }

    fn refresh(&mut self, ctx: &Context) {
        self.groups = G::groups(ctx);
        let rows = Grouped::flatten(self.groups.iter().map(|g| G::members(g).to_vec()));
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
        let lang = ctx.lang();
        let accounts: usize = self.groups.iter().map(|g| G::members(g).len()).sum();
        let money = self.groups.iter().map(G::money).sum();
        let summary = format!("{}   {}", G::count(accounts, lang), G::total(money, &ctx.config.ui));
        header_line(frame, header, vec![Span::raw(summary)]);
        let middle = G::middle_columns(lang);
        let middle_len = middle.len();
        let mut columns = vec![
            (crate::i18n::msg::ColName.text(lang), Constraint::Length(18)),
            (crate::i18n::msg::ColCompany.text(lang), Constraint::Fill(1)),
            (crate::i18n::msg::ColMark.text(lang), Constraint::Length(5)),
        ];
        columns.extend(middle);
        columns.extend([
            (crate::i18n::msg::ColLastTouch.text(lang), Constraint::Length(10)),
            (crate::i18n::msg::ColNext.text(lang), Constraint::Length(5)),
        ]);
        let all: Vec<Constraint> = columns.iter().map(|(_, width)| *width).collect();
        // The company goes first, then the next follow-up, the mark and the last touch.
        let last = columns.len() - 1;
        let kept = fitting_columns(body.width, &all, &[1, last, 2, last - 1]);
        let widths: Vec<Constraint> = kept.iter().map(|&i| all[i]).collect();
        let heading = |g: usize| {
            let group = &self.groups[g];
            let mut cells = vec![
                Line::from(Span::styled(G::heading(group, lang), theme.heading())),
                Line::from(G::count(G::members(group).len(), lang)),
                Line::from(""),
            ];
            cells.extend((0..middle_len).map(|c| {
                Line::from(if c == G::MONEY_COLUMN {
                    ctx.config.ui.money(G::money(group))
                } else {
                    String::new()
                })
            }));
            cells.extend([Line::from(""), Line::from("")]);
            TableRow::new(cells).only(&kept)
        };
        let member = |i: usize| {
            let summary = &ctx.book.summaries[i];
            let mut cells = vec![
                Line::from(format!("  {}", summary.name)),
                Line::from(summary.company.clone().unwrap_or_default()),
                Line::from(focus_mark(ctx, theme, i)),
            ];
            cells.extend(G::middle_cells(ctx, i, summary).into_iter().map(Line::from));
            cells.extend([
                Line::from(ago_in(summary.last_touch, ctx.now, lang)),
                Line::from(next_follow_up(summary)),
            ]);
            TableRow::new(cells).only(&kept)
        };
        let titles: Vec<&str> = kept.iter().map(|&i| columns[i].0.as_str()).collect();
        self.list.render(frame, body, theme, &titles, &widths, heading, member);
    }
}
