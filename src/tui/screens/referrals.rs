//! Referrals: who referred whom as a tree, what each referrer brought, and
//! the incentives promised, earned and delivered. Loaded from the store
//! when shown.

use crate::i18n::msg;
use std::any::Any;

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};

use super::Question;
use super::{Reply, Screen, delta};
use crate::app::{Ledger, LedgerRow};
use crate::domain::{AccountId, IncentiveStatus};
use crate::tui::context::{Context, ListState};
use crate::tui::keymap::{Command, Scope};
use crate::tui::msg::Load;
use crate::tui::referral_tree::{TreeRow, delivery_rows, tree_rows};
use crate::tui::theme::Theme;
use crate::tui::views::parts::{TableRow, empty, focus_mark_of, header_line, stage_label, table, visible};

#[derive(Debug, Default)]
pub struct Referrals {
    pub ledger: Ledger,
    pub rows: Vec<TreeRow>,
    pub list: ListState,
}

impl Referrals {
    /// The ledger row of the selected tree row, if it is a referee's.
    pub fn selected_link(&self) -> Option<&LedgerRow> {
        self.rows.get(self.list.selected).and_then(|r| r.link).map(|i| &self.ledger.rows[i])
    }

    /// `d`: asks whether the selected row's earned incentive was delivered,
    /// naming the referrer and the incentive.
    fn deliver(&self, ctx: &Context) -> Reply {
        let lang = ctx.lang();
        let Some(link) = self.selected_link() else {
            return Reply::Say(msg::InfoDeliverSelect.text(lang));
        };
        let (referee, referrer) = (link.referee_name.as_str(), link.referrer_name.as_str());
        match link.referral.incentive_status {
            IncentiveStatus::Earned => {
                let incentive =
                    link.referral.incentive.clone().unwrap_or_else(|| msg::QuestionTheIncentive.text(lang));
                let asked = msg::QuestionDeliver { referee, referrer, incentive }.text(lang);
                Reply::Ask(Question::Deliver(link.referral.id, asked))
            }
            IncentiveStatus::Promised => Reply::Say(msg::InfoNotEarned { referee }.text(lang)),
            IncentiveStatus::Delivered => {
                Reply::Say(msg::InfoAlreadyDelivered { referee, referrer }.text(lang))
            }
        }
    }
}

impl Screen for Referrals {
    fn name(&self) -> &'static str {
        "referrals"
    }

    fn tab(&self, lang: crate::i18n::Lang) -> String {
        msg::TabReferrals.text(lang)
    }

    fn short_tab(&self, lang: crate::i18n::Lang) -> String {
        msg::TabShortReferrals.text(lang)
    }

    fn scopes(&self) -> &'static [Scope] {
        &[Scope::Referrals, Scope::Accounts, Scope::Lists, Scope::Global]
    }

    fn fit(&mut self, ctx: &Context) {
        self.list.scroll_into_view(self.rows.len(), ctx.list_height(1));
    }

    fn selected_account(&self, _ctx: &Context) -> Option<AccountId> {
        self.rows.get(self.list.selected).map(|r| r.account)
    }

    fn motion(&mut self, motion: Command, ctx: &Context) {
        let height = ctx.list_height(1);
        self.list.step(delta(motion, self.rows.len(), height), self.rows.len(), height);
    }

    fn command(&mut self, command: Command, ctx: &Context) -> Option<Reply> {
        (command == Command::DeliverIncentive).then(|| self.deliver(ctx))
    }

    fn load(&self, _ctx: &Context) -> Option<Load> {
        Some(Load::new(|app| app.referral_ledger()))
    }

    fn loaded(&mut self, data: Box<dyn Any + Send>, ctx: &Context) {
        if let Ok(ledger) = data.downcast::<Ledger>() {
            // What is owed comes first; then the tree. The selection stays
            // on the row it was on when that row is still there.
            let was = self.rows.get(self.list.selected).map(|r| (r.account, r.to_deliver, r.depth));
            self.rows = delivery_rows(&ledger).into_iter().chain(tree_rows(&ledger)).collect();
            if let Some(at) =
                was.and_then(|was| self.rows.iter().position(|r| (r.account, r.to_deliver, r.depth) == was))
            {
                self.list.selected = at;
            }
            self.ledger = *ledger;
            self.fit(ctx);
        }
    }

    fn render(&self, ctx: &Context, theme: &Theme, frame: &mut Frame, header: Rect, body: Rect) {
        draw(self, ctx, theme, frame, header, body);
    }
}

fn draw(view: &Referrals, ctx: &Context, theme: &Theme, frame: &mut Frame, header: Rect, body: Rect) {
    let ledger = &view.ledger;
    let converted: usize = ledger.referrers.iter().map(|r| r.converted).sum();
    let to_deliver =
        ledger.rows.iter().filter(|r| r.referral.incentive_status == IncentiveStatus::Earned).count();
    let lang = ctx.config.ui.lang();
    header_line(
        frame,
        header,
        vec![
            Span::raw(msg::ReferralsCounts { referrals: ledger.rows.len(), converted }.text(lang)),
            Span::raw("   "),
            Span::styled(
                msg::ReferralsToDeliver { count: to_deliver }.text(lang),
                if to_deliver > 0 { theme.due() } else { theme.dim() },
            ),
        ],
    );
    if view.rows.is_empty() {
        return empty(frame, body, theme, &msg::ReferralsEmpty.text(lang));
    }
    let made = |id: AccountId| ledger.referrers.iter().find(|r| r.referrer == id);
    // Narrow, who referred whom needs the room more than the company and the day.
    let narrow = body.width < 100;
    let mut columns = vec![(msg::ColWhoReferred.text(lang), Constraint::Fill(3))];
    if !narrow {
        columns.push((msg::ColCompany.text(lang), Constraint::Fill(2)));
    }
    columns.extend([
        (msg::ColStage.text(lang), Constraint::Length(6)),
        (msg::ColMark.text(lang), Constraint::Length(5)),
        (msg::ColReferred.text(lang), Constraint::Length(12)),
        (msg::ColIncentive.text(lang), Constraint::Fill(1)),
        (msg::ColStatus.text(lang), Constraint::Length(9)),
    ]);
    if !narrow {
        columns.push((msg::ColReferredOn.text(lang), Constraint::Length(11)));
    }
    let (shown, selected) = visible(&view.list, &view.rows, body);
    let rows = shown
        .iter()
        .map(|row| {
            let indent =
                if row.depth == 0 { String::new() } else { format!("{}+- ", "   ".repeat(row.depth - 1)) };
            let who = match row.link.map(|i| &ledger.rows[i]).filter(|_| row.to_deliver) {
                Some(link) => {
                    msg::ReferralsDeliver { referrer: row.name.clone(), referee: link.referee_name.clone() }
                        .text(lang)
                }
                None => format!("{indent}{}", row.name),
            };
            // Two accounts may share a name: the company tells them apart.
            let company = ctx.book.get(row.account).and_then(|s| s.company.clone()).unwrap_or_default();
            let stage = ctx.book.get(row.account).map(|s| stage_label(s, ctx.lang())).unwrap_or_default();
            let referred = made(row.account)
                .map(|r| msg::ReferralsMade { made: r.made, bought: r.converted }.text(lang));
            let (incentive, status, since) = match row.link.map(|i| &ledger.rows[i]) {
                Some(link) => (
                    link.referral.incentive.clone().unwrap_or_default(),
                    Span::styled(
                        crate::i18n::terms::incentive_status(link.referral.incentive_status, lang),
                        match link.referral.incentive_status {
                            IncentiveStatus::Earned => theme.due(),
                            IncentiveStatus::Delivered => theme.ok(),
                            IncentiveStatus::Promised => theme.dim(),
                        },
                    ),
                    link.referral.at.format("%Y-%m-%d").to_string(),
                ),
                None => (String::new(), Span::raw(""), String::new()),
            };
            let mut cells = vec![Line::from(who)];
            if !narrow {
                cells.push(Line::from(company));
            }
            cells.extend([
                Line::from(stage),
                Line::from(focus_mark_of(ctx, theme, row.account)),
                Line::from(referred.unwrap_or_default()),
                Line::from(incentive),
                Line::from(status),
            ]);
            if !narrow {
                cells.push(Line::from(since));
            }
            TableRow::new(cells)
        })
        .collect();
    let headers: Vec<&str> = columns.iter().map(|(title, _)| title.as_str()).collect();
    let widths: Vec<Constraint> = columns.iter().map(|(_, width)| *width).collect();
    table(frame, body, theme, &headers, &widths, rows, selected);
}
