//! Pipeline: the active prospects by grade, A to D.

use crate::i18n::Text as _;
use crate::i18n::msg;
use std::any::Any;

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Cell, Row};

use super::Screen;
use super::grouped::Grouped;
use crate::analysis::groups::{self, GradeGroup};
use crate::domain::{AccountId, AccountSummary};
use crate::tui::context::Context;
use crate::tui::keymap::{Command, Scope};
use crate::tui::theme::Theme;
use crate::tui::views::parts::{ago_in, count_in, focus_mark, grouped, header_line};

#[derive(Debug, Default)]
pub struct Pipeline {
    pub groups: Vec<GradeGroup>,
    pub list: Grouped,
}

/// "12-04": the day of the account's next follow-up.
pub(super) fn next_follow_up(summary: &AccountSummary) -> String {
    summary.pending.first().map(|f| f.due.format("%m-%d").to_string()).unwrap_or_default()
}

impl Screen for Pipeline {
    fn name(&self) -> &'static str {
        "pipeline"
    }

    fn tab(&self, lang: crate::i18n::Lang) -> String {
        msg::TabPipeline.text(lang)
    }

    fn short_tab(&self, lang: crate::i18n::Lang) -> String {
        msg::TabShortPipeline.text(lang)
    }

    fn scopes(&self) -> &'static [Scope] {
        &[Scope::Accounts, Scope::Lists, Scope::Global]
    }

    fn refresh(&mut self, ctx: &Context) {
        self.groups = groups::prospects_by_grade(&ctx.book.summaries);
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
        let prospects: usize = self.groups.iter().map(|g| g.members.len()).sum();
        let potential = self.groups.iter().map(|g| g.potential).sum();
        let lang = ctx.config.ui.lang();
        header_line(
            frame,
            header,
            vec![Span::raw(format!(
                "{}   {}",
                count_in(prospects, "count-prospects", lang),
                msg::PotentialTotal { amount: grouped(potential) }.text(lang)
            ))],
        );
        let heading = |g: usize| {
            let group = &self.groups[g];
            Row::new(vec![
                Cell::from(Span::styled(
                    msg::GradeHeading { grade: group.grade.to_string() }.text(lang),
                    theme.heading(),
                )),
                Cell::from(count_in(group.members.len(), "count-prospects", lang)),
                Cell::from(""),
                Cell::from(grouped(group.potential)),
                Cell::from(""),
                Cell::from(""),
            ])
        };
        let member = |i: usize| {
            let summary = &ctx.book.summaries[i];
            Row::new(vec![
                Cell::from(format!("  {}", summary.name)),
                Cell::from(summary.company.clone().unwrap_or_default()),
                Cell::from(focus_mark(ctx, theme, i)),
                Cell::from(summary.potential.map(grouped).unwrap_or_default()),
                Cell::from(ago_in(summary.last_touch, ctx.now, lang)),
                Cell::from(next_follow_up(summary)),
            ])
        };
        self.list.render(
            frame,
            body,
            theme,
            &["col-name", "col-company", "col-mark", "col-potential", "col-last-touch", "col-next"]
                .map(|id| lang.text(id))
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
            &[
                Constraint::Length(18),
                Constraint::Fill(1),
                Constraint::Length(5),
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
