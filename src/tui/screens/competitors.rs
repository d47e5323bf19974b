//! Competitors: every competitor across the book, most of our revenue at
//! risk first (where they sell, deals lost to them in 12 months, their
//! lowest price and latest floor), and under the list the one selected:
//! what reps recorded of it, and the accounts where it sells, each one
//! to open. Loaded from the store when shown and after every change.

use crate::i18n::msg;
use std::any::Any;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Screen, delta};
use crate::app::{CompetitorReport, CompetitorRow, cited_words};
use crate::domain::AccountId;
use crate::i18n::Lang;
use crate::tui::context::{Context, ListState};
use crate::tui::keymap::{Command, Scope};
use crate::tui::msg::Load;
use crate::tui::theme::Theme;
use crate::tui::views::parts::{
    TableRow, bordered, empty, fit_line, fitting_columns, header_line, table, visible,
};

#[derive(Debug, Default)]
pub struct CompetitorsScreen {
    pub report: Option<CompetitorReport>,
    pub list: ListState,
}

/// Rows of the competitors' table at most: the detail of the one selected
/// takes the rest.
fn table_height(ctx: &Context, rows: usize) -> u16 {
    let body = ctx.body_height(1);
    (rows as u16 + 1).min(body / 2).max(2)
}

impl CompetitorsScreen {
    fn rows(&self) -> &[CompetitorRow] {
        self.report.as_ref().map_or(&[], |r| r.rows.as_slice())
    }

    fn selected_row(&self) -> Option<&CompetitorRow> {
        self.rows().get(self.list.selected)
    }

    fn height(&self, ctx: &Context) -> usize {
        usize::from(table_height(ctx, self.rows().len()).saturating_sub(1)).max(1)
    }
}

impl Screen for CompetitorsScreen {
    fn name(&self) -> &'static str {
        "competitors"
    }

    fn tab(&self, lang: Lang) -> String {
        msg::TabCompetitors.text(lang)
    }

    fn short_tab(&self, lang: Lang) -> String {
        msg::TabShortCompetitors.text(lang)
    }

    fn scopes(&self) -> &'static [Scope] {
        // No account keys: a row is a competitor, not an account.
        &[Scope::Lists, Scope::Global]
    }

    fn load(&self, _ctx: &Context) -> Option<Load> {
        Some(Load::new(|app| app.competitor_report()))
    }

    fn loaded(&mut self, data: Box<dyn Any + Send>, ctx: &Context) {
        if let Ok(report) = data.downcast::<CompetitorReport>() {
            // The selection stays on the competitor it was on.
            let was = self.selected_row().map(|r| r.id);
            self.report = Some(*report);
            if let Some(at) = was.and_then(|id| self.rows().iter().position(|r| r.id == id)) {
                self.list.selected = at;
            }
            let (len, height) = (self.rows().len(), self.height(ctx));
            self.list.scroll_into_view(len, height);
        }
    }

    fn fit(&mut self, ctx: &Context) {
        let (len, height) = (self.rows().len(), self.height(ctx));
        self.list.scroll_into_view(len, height);
    }

    /// Enter opens the account of the selected competitor where most of our
    /// revenue is at risk.
    fn selected_account(&self, _ctx: &Context) -> Option<AccountId> {
        self.selected_row().and_then(|r| r.accounts.first()).map(|a| a.account)
    }

    fn motion(&mut self, motion: Command, ctx: &Context) {
        let (len, height) = (self.rows().len(), self.height(ctx));
        self.list.step(delta(motion, len, height), len, height);
    }

    fn render(&self, ctx: &Context, theme: &Theme, frame: &mut Frame, header: Rect, body: Rect) {
        draw(self, ctx, theme, frame, header, body);
    }
}

fn draw(view: &CompetitorsScreen, ctx: &Context, theme: &Theme, frame: &mut Frame, header: Rect, body: Rect) {
    let lang = ctx.lang();
    let ui = &ctx.config.ui;
    let Some(report) = &view.report else {
        return empty(frame, body, theme, &msg::ReviewLoading.text(lang));
    };
    let at_risk = ui.money(report.rows.iter().map(|r| r.at_risk).sum());
    let lost: usize = report.rows.iter().map(|r| r.lost.len()).sum();
    let summary = msg::CompetitorsHeader { count: report.rows.len(), at_risk, lost }.text(lang);
    header_line(frame, header, vec![Span::styled(summary, theme.title())]);
    if report.rows.is_empty() {
        return empty(frame, body, theme, &msg::CompetitorsScreenNone.text(lang));
    }
    let [list, detail] =
        Layout::vertical([Constraint::Length(table_height(ctx, report.rows.len())), Constraint::Min(3)])
            .areas(body);
    let titles = [
        msg::ColCompetitor.text(lang),
        msg::ColAccounts.text(lang),
        msg::ColAtRisk.text(lang),
        msg::ColLost12m.text(lang),
        msg::ColLowestPrice.text(lang),
        msg::ColFloor.text(lang),
    ];
    let widths = [
        Constraint::Length(20),
        Constraint::Length(8),
        Constraint::Length(16),
        Constraint::Length(10),
        Constraint::Length(12),
        Constraint::Min(16),
    ];
    // Where they do not fit, the floor goes first (the detail below says
    // it), then the lowest price.
    let kept = fitting_columns(list.width, &widths, &[5, 4]);
    let (shown, selected) = visible(&view.list, &report.rows, list);
    let rows: Vec<TableRow> = shown
        .iter()
        .map(|row| {
            let cells = [
                Line::from(row.name.clone()),
                Line::from(row.accounts.len().to_string()).right_aligned(),
                Line::from(ui.money(row.at_risk)).right_aligned(),
                Line::from(Span::styled(
                    row.lost.len().to_string(),
                    if row.lost.is_empty() { theme.dim() } else { theme.overdue() },
                ))
                .right_aligned(),
                Line::from(row.lowest_price.as_ref().map(|p| ui.money(p.value)).unwrap_or_default())
                    .right_aligned(),
                Line::from(row.latest_floor.as_ref().map(|f| f.value.clone()).unwrap_or_default()),
            ];
            TableRow::new(kept.iter().map(|&i| cells[i].clone()))
        })
        .collect();
    let titles: Vec<&str> = kept.iter().map(|&i| titles[i].as_str()).collect();
    let widths: Vec<Constraint> = kept.iter().map(|&i| widths[i]).collect();
    table(frame, list, theme, &titles, &widths, rows, selected);
    if let Some(row) = view.selected_row() {
        draw_detail(row, ctx, theme, frame, detail);
    }
}

/// What reps recorded of one competitor, and where it sells.
fn draw_detail(row: &CompetitorRow, ctx: &Context, theme: &Theme, frame: &mut Frame, area: Rect) {
    let lang = ctx.lang();
    let ui = &ctx.config.ui;
    let mut lines: Vec<Line> = Vec::new();
    let fact = |label: String| Line::from(Span::raw(label));
    lines.push(fact(
        msg::CompetitorsDetailAccounts { count: row.accounts.len(), at_risk: ui.money(row.at_risk) }
            .text(lang),
    ));
    if let Some(price) = &row.lowest_price {
        let args =
            msg::CompetitorsDetailLowest { price: ui.money(price.value), account: price.account.as_str() };
        lines.push(fact(args.text(lang)));
    }
    if let Some(floor) = &row.latest_floor {
        let args =
            msg::CompetitorsDetailFloor { floor: floor.value.as_str(), account: floor.account.as_str() };
        lines.push(fact(args.text(lang)));
    }
    if let Some(offer) = &row.latest_offer {
        let args =
            msg::CompetitorsDetailOffer { offer: offer.value.as_str(), account: offer.account.as_str() };
        lines.push(fact(args.text(lang)));
    }
    if !row.strengths.is_empty() {
        let phrases = cited_words(&row.strengths, lang);
        let label = msg::ColStrengths.text(lang);
        lines.push(Line::from(Span::styled(
            msg::NoteAnswer { label, answer: phrases }.text(lang),
            theme.ok(),
        )));
    }
    if !row.weaknesses.is_empty() {
        let phrases = cited_words(&row.weaknesses, lang);
        let label = msg::ColWeaknesses.text(lang);
        lines.push(Line::from(Span::styled(
            msg::NoteAnswer { label, answer: phrases }.text(lang),
            theme.due(),
        )));
    }
    if row.stale > 0 {
        let days = ctx.config.focus.competitor_stale_days;
        lines.push(Line::from(Span::styled(
            msg::CompetitorsDetailStale { count: row.stale, days }.text(lang),
            theme.dim(),
        )));
    }
    if !row.lost.is_empty() {
        let names: Vec<String> =
            row.lost.iter().map(|l| format!("{} {}", l.day.format("%m-%d"), l.name)).collect();
        let label = msg::CompetitorsDetailLost { count: row.lost.len() }.text(lang);
        let answer = names.join(&msg::ListSeparator.text(lang));
        lines.push(Line::from(Span::styled(msg::NoteAnswer { label, answer }.text(lang), theme.overdue())));
    }
    let width = usize::from(area.width.saturating_sub(2));
    for at in &row.accounts {
        let floor = at.note.floor.as_deref().map(|f| format!(" · {f}")).unwrap_or_default();
        let price = at.note.price.map(|p| format!(" · {}", ui.money(p))).unwrap_or_default();
        let stale = if at.stale { format!(" {}", msg::NoteStaleMark.text(lang)) } else { String::new() };
        lines.push(fit_line(
            Line::from(vec![
                Span::raw(format!("  {}  ", at.name)),
                Span::styled(ui.money(at.revenue_12m), theme.ok()),
                Span::raw(format!("{price}{floor}")),
                Span::styled(stale, theme.dim()),
            ]),
            width,
        ));
    }
    let mut title = format!(" {} ", row.name);
    if !row.aliases.is_empty() {
        title = format!(" {} ({}) ", row.name, row.aliases.join(", "));
    }
    frame.render_widget(Paragraph::new(lines).block(bordered(&title)).wrap(Wrap { trim: false }), area);
}
