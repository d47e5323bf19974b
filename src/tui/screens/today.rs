//! Today: the ranked daily call list, one row per account with why it is
//! there. Only the visible rows' words are built, so 100,000 accounts cost
//! what 100 do.

use std::any::Any;

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row};

use super::{Screen, delta};
use crate::analysis::ranking::{self, Ranked, RowKind};
use crate::app::effort_warning;
use crate::domain::{AccountId, FollowUpId};
use crate::tui::context::{Context, ListState};
use crate::tui::keymap::{Command, Scope};
use crate::tui::theme::Theme;
use crate::tui::views::parts::{ago, empty, focus_mark, stage_label, table, visible};

#[derive(Debug, Default)]
pub struct Today {
    /// Ranked rows; their words are built only for the rows on screen.
    pub rows: Vec<Ranked>,
    pub done_today: usize,
    pub list: ListState,
}

impl Today {
    /// The follow-up of the selected row, when it is a follow-up row.
    pub fn selected_follow_up(&self, ctx: &Context) -> Option<FollowUpId> {
        let row = self.rows.get(self.list.selected)?;
        row.follow_up(ctx.book.summaries.get(row.index)?).map(|f| f.id)
    }

    fn height(&self, ctx: &Context) -> usize {
        ctx.list_height(self.header_height(ctx))
    }
}

impl Screen for Today {
    fn title(&self) -> &'static str {
        "Today"
    }

    fn help(&self) -> &'static str {
        "Today: the daily call list"
    }

    fn scopes(&self) -> &'static [Scope] {
        &[Scope::Accounts, Scope::Lists, Scope::Global]
    }

    /// A second line for the effort warning.
    fn header_height(&self, ctx: &Context) -> u16 {
        if ctx.focus.effort_short { 2 } else { 1 }
    }

    fn refresh(&mut self, ctx: &Context) {
        let today = ctx.today();
        self.rows =
            ranking::rank(&ctx.book.summaries, today, &ctx.config, &ctx.focus.marks(&ctx.book.summaries));
        self.done_today =
            ctx.book.summaries.iter().flat_map(|s| &s.done_days).filter(|d| **d == today).count();
        self.fit(ctx);
    }

    fn fit(&mut self, ctx: &Context) {
        self.list.scroll_into_view(self.rows.len(), self.height(ctx));
    }

    fn selected_account(&self, _ctx: &Context) -> Option<AccountId> {
        self.rows.get(self.list.selected).map(|r| r.account)
    }

    fn motion(&mut self, motion: Command, ctx: &Context) {
        let height = self.height(ctx);
        self.list.step(delta(motion, self.rows.len(), height), self.rows.len(), height);
    }

    fn render(&self, ctx: &Context, theme: &Theme, frame: &mut Frame, header: Rect, body: Rect) {
        let rows = &self.rows;
        let today = ctx.today();
        let overdue = rows.iter().filter(|r| r.kind == RowKind::FollowUp && r.due < today).count();
        let cadence = rows.iter().filter(|r| r.kind == RowKind::Cadence).count();
        let counts = Line::from(vec![
            Span::styled(format!("{} to contact", rows.len()), theme.due()),
            Span::raw("   "),
            Span::styled(format!("{overdue} overdue"), theme.overdue()),
            Span::raw("   "),
            Span::raw(format!("{cadence} past cadence")),
            Span::raw("   "),
            Span::styled(format!("{} done today", self.done_today), theme.ok()),
        ]);
        let warning = effort_warning(&ctx.focus, &ctx.config.focus).map(|w| {
            Line::from(vec![
                Span::styled(format!("{w}."), theme.overdue()),
                Span::styled("  7 shows the 80/20", theme.dim()),
            ])
        });
        frame.render_widget(Paragraph::new([counts].into_iter().chain(warning).collect::<Vec<_>>()), header);
        if rows.is_empty() {
            return empty(frame, body, theme, "Nothing due. / finds an account, a adds one.");
        }
        let (shown, selected) = visible(&self.list, rows, body);
        let rows = shown
            .iter()
            .filter_map(|row| {
                let summary = ctx.book.summaries.get(row.index)?;
                let overdue = row.kind == RowKind::FollowUp && row.due < today;
                let why_style = if overdue { theme.overdue() } else { Style::new() };
                let why = row.reasons(summary, today, &ctx.config).join("; ");
                Some(Row::new(vec![
                    Cell::from(summary.name.clone()),
                    Cell::from(summary.company.clone().unwrap_or_default()),
                    Cell::from(stage_label(summary)),
                    Cell::from(focus_mark(ctx, theme, row.index)),
                    Cell::from(row.channel.as_str()),
                    Cell::from(Span::styled(why, why_style)),
                    Cell::from(ago(summary.last_touch, ctx.now)),
                ]))
            })
            .collect();
        table(
            frame,
            body,
            theme,
            &["NAME", "COMPANY", "STAGE", "80/20", "DO", "WHY", "LAST TOUCH"],
            &[
                Constraint::Length(14),
                Constraint::Length(16),
                Constraint::Length(8),
                Constraint::Length(5),
                Constraint::Length(7),
                Constraint::Fill(1),
                Constraint::Length(10),
            ],
            rows,
            selected,
        );
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}
