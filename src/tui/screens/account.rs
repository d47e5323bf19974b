//! Account: the card of the account opened last, its follow-ups and
//! referrals, and the timeline of touches and orders, newest first,
//! scrollable.

use std::any::Any;

use chrono::NaiveDateTime;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::Screen;
use crate::app::{AccountDetail, AccountMarks};
use crate::domain::{AccountId, Direction};
use crate::tui::context::Context;
use crate::tui::keymap::{Command, Scope};
use crate::tui::theme::Theme;
use crate::tui::views::parts::{bordered, grouped};

#[derive(Debug)]
pub struct AccountView {
    pub detail: AccountDetail,
    /// First timeline line shown.
    pub scroll: usize,
}

#[derive(Debug, Default)]
pub struct Account {
    pub open: Option<AccountView>,
}

impl Account {
    pub fn open_id(&self) -> Option<AccountId> {
        self.open.as_ref().map(|v| v.detail.record.account.id)
    }

    /// Shows a freshly loaded account, from the top.
    pub fn show(&mut self, detail: AccountDetail) {
        self.open = Some(AccountView { detail, scroll: 0 });
    }

    /// The open account, reloaded after a change: the timeline stays where it was.
    pub fn reload(&mut self, detail: AccountDetail) {
        let scroll = self.open.as_ref().map_or(0, |v| v.scroll);
        self.open = Some(AccountView { detail, scroll });
    }
}

impl Screen for Account {
    fn title(&self) -> &'static str {
        "Account"
    }

    fn short_title(&self) -> &'static str {
        "Acct"
    }

    fn help(&self) -> &'static str {
        "Account: the last account opened"
    }

    fn scopes(&self) -> &'static [Scope] {
        &[Scope::Account, Scope::Accounts, Scope::Scroll, Scope::Global]
    }

    fn selected_account(&self, _ctx: &Context) -> Option<AccountId> {
        self.open_id()
    }

    fn motion(&mut self, motion: Command, ctx: &Context) {
        let height = ctx.list_height(1);
        if let Some(view) = &mut self.open {
            view.scroll = match motion {
                Command::Down => view.scroll + 1,
                Command::Up => view.scroll.saturating_sub(1),
                Command::PageDown => view.scroll + height,
                Command::PageUp => view.scroll.saturating_sub(height),
                Command::Top => 0,
                _ => usize::MAX / 2,
            };
        }
    }

    fn available(&self) -> bool {
        self.open.is_some()
    }

    fn render(&self, ctx: &Context, theme: &Theme, frame: &mut Frame, header: Rect, body: Rect) {
        if let Some(view) = &self.open {
            draw(view, ctx, theme, frame, header, body);
        }
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

fn field<'a>(label: &'static str, value: String, theme: &Theme) -> Line<'a> {
    Line::from(vec![Span::styled(format!("{label:<12}"), theme.dim()), Span::raw(value)])
}

/// The account's 80/20 marks, and the tier its revenue suggests.
fn focus_words(ctx: &Context, id: AccountId) -> String {
    let Some(index) = ctx.book.index_of(id) else { return String::new() };
    let marks = AccountMarks::of(&ctx.focus, &ctx.book.summaries, index, ctx.today(), &ctx.config);
    let tier = marks.suggested_tier.map(|t| format!("revenue suggests {}", t.as_str().to_uppercase()));
    [marks.words(), tier].into_iter().flatten().collect::<Vec<_>>().join("; ")
}

fn draw(view: &AccountView, ctx: &Context, theme: &Theme, frame: &mut Frame, header: Rect, body: Rect) {
    let detail = &view.detail;
    let account = &detail.record.account;
    let stats = &detail.record.stats;
    let stage = account.stage_label().long();
    let title = match &account.company {
        Some(company) => format!("{}  {company}", account.name),
        None => account.name.clone(),
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(title, theme.title()),
            Span::raw(format!("   #{}   {stage}   ", account.id)),
            Span::styled(focus_words(ctx, account.id), theme.due()),
        ])),
        header,
    );

    let revenue = format!(
        "{} in 12 months, {} in all",
        grouped(stats.revenue_12m(ctx.today())),
        grouped(stats.revenue_total)
    );
    let rows = [
        ("phone", account.phones.join(", ")),
        ("email", account.email.clone().unwrap_or_default()),
        ("title", account.title.clone().unwrap_or_default()),
        ("address", account.address.clone().unwrap_or_default()),
        ("tags", account.tags.join(", ")),
        ("source", account.source.clone().unwrap_or_default()),
        ("potential", account.potential.map(grouped).unwrap_or_default()),
        ("revenue", if stats.orders > 0 { revenue } else { String::new() }),
        ("competitors", account.competitors.clone().unwrap_or_default().replace('\n', " / ")),
        ("note", account.note.clone().unwrap_or_default().replace('\n', " / ")),
    ];
    let mut card: Vec<Line> = rows
        .into_iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(label, value)| field(label, value, theme))
        .collect();
    if card.is_empty() {
        card.push(Line::from(Span::styled("no contact data yet: e edits", theme.dim())));
    }

    let mut side: Vec<Line> = vec![Line::from(Span::styled("Follow-ups", theme.title()))];
    let pending: Vec<_> = detail.follow_ups.iter().filter(|f| f.is_pending()).collect();
    if pending.is_empty() {
        side.push(Line::from(Span::styled("none open", theme.dim())));
    }
    for f in pending {
        let style = if f.due < ctx.today() { theme.overdue() } else { theme.due() };
        let snoozed = if f.snoozes > 0 { format!(", snoozed {}x", f.snoozes) } else { String::new() };
        side.push(Line::from(vec![
            Span::styled(f.due.format("%m-%d").to_string(), style),
            Span::raw(format!(" {} ({}){snoozed} {}", f.kind, f.reason, f.note)),
        ]));
    }
    side.push(Line::from(Span::styled("Referrals", theme.title())));
    if detail.referrals.is_empty() {
        side.push(Line::from(Span::styled("none", theme.dim())));
    }
    for link in &detail.referrals {
        let r = &link.referral;
        let incentive =
            r.incentive.as_ref().map(|i| format!(", {i} ({})", r.incentive_status)).unwrap_or_default();
        let text = if r.referee == account.id {
            format!("referred by {}{incentive}", link.referrer_name)
        } else {
            format!("referred {}{incentive}", link.referee_name)
        };
        side.push(Line::from(text));
    }

    let top_height = (card.len().max(side.len()) as u16 + 2).min(body.height / 2);
    let [top, timeline] = Layout::vertical([Constraint::Length(top_height), Constraint::Min(3)]).areas(body);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(top);
    frame.render_widget(Paragraph::new(card).block(bordered(" Card ")).wrap(Wrap { trim: true }), left);
    frame
        .render_widget(Paragraph::new(side).block(bordered(" Next steps ")).wrap(Wrap { trim: true }), right);

    let mut events: Vec<(NaiveDateTime, Line)> = Vec::new();
    for t in &detail.touches {
        let direction = if t.direction == Direction::Inbound { " (in)" } else { "" };
        let outcome = t.outcome.map(|o| format!(" {o}")).unwrap_or_default();
        let note =
            if t.note.is_empty() { String::new() } else { format!(": {}", t.note.replace('\n', " / ")) };
        events.push((
            t.at,
            Line::from(vec![
                Span::styled(t.at.format("%Y-%m-%d %H:%M  ").to_string(), theme.dim()),
                Span::raw(format!("{}{direction}{outcome}{note}", t.kind)),
            ]),
        ));
    }
    for o in &detail.orders {
        let note = if o.note.is_empty() { String::new() } else { format!(": {}", o.note) };
        events.push((
            o.at,
            Line::from(vec![
                Span::styled(o.at.format("%Y-%m-%d %H:%M  ").to_string(), theme.dim()),
                Span::styled(format!("order {}{note}", grouped(o.amount)), theme.ok()),
            ]),
        ));
    }
    events.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
    let inner_height = usize::from(timeline.height.saturating_sub(2));
    let scroll = view.scroll.min(events.len().saturating_sub(inner_height));
    let lines: Vec<Line> = events.into_iter().skip(scroll).take(inner_height).map(|(_, line)| line).collect();
    let title = format!(" Timeline: {} touches, {} orders ", detail.touches.len(), detail.orders.len());
    frame.render_widget(Paragraph::new(lines).block(bordered(&title)), timeline);
}
