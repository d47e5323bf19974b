//! The Referrals tree and the day's Review.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Wrap};

use super::lists::{count, empty, header_line, table, visible};
use super::{focus_mark_of, stage_label};
use crate::domain::{AccountId, IncentiveStatus};
use crate::tui::model::Model;
use crate::tui::theme::Theme;

pub fn referrals(model: &Model, theme: &Theme, frame: &mut Frame, header: Rect, body: Rect) {
    let view = &model.referrals;
    let ledger = &view.ledger;
    let converted: usize = ledger.referrers.iter().map(|r| r.converted).sum();
    let to_deliver =
        ledger.rows.iter().filter(|r| r.referral.incentive_status == IncentiveStatus::Earned).count();
    header_line(
        frame,
        header,
        vec![
            Span::raw(format!("{}   {converted} converted   ", count(ledger.rows.len(), "referral"))),
            Span::styled(
                format!("{} to deliver", count(to_deliver, "incentive")),
                if to_deliver > 0 { theme.due() } else { theme.dim() },
            ),
        ],
    );
    if view.rows.is_empty() {
        return empty(frame, body, theme, "No referrals yet. Add a referred account with a (Referred by).");
    }
    let made = |id: AccountId| ledger.referrers.iter().find(|r| r.referrer == id);
    let (shown, selected) = visible(&view.list, &view.rows, body);
    let rows = shown
        .iter()
        .map(|row| {
            let indent =
                if row.depth == 0 { String::new() } else { format!("{}+- ", "   ".repeat(row.depth - 1)) };
            let stage = model.book.get(row.account).map(stage_label).unwrap_or_default();
            let referred = made(row.account).map(|r| format!("{} referred, {} bought", r.made, r.converted));
            let (incentive, status, since) = match row.link.map(|i| &ledger.rows[i]) {
                Some(link) => (
                    link.referral.incentive.clone().unwrap_or_default(),
                    Span::styled(
                        link.referral.incentive_status.as_str(),
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
            Row::new(vec![
                Cell::from(format!("{indent}{}", row.name)),
                Cell::from(stage),
                Cell::from(focus_mark_of(model, theme, row.account)),
                Cell::from(referred.unwrap_or_default()),
                Cell::from(incentive),
                Cell::from(status),
                Cell::from(since),
            ])
        })
        .collect();
    table(
        frame,
        body,
        theme,
        &["WHO REFERRED WHOM", "STAGE", "80/20", "REFERRALS", "INCENTIVE", "STATUS", "SINCE"],
        &[
            Constraint::Fill(2),
            Constraint::Length(8),
            Constraint::Length(5),
            Constraint::Length(22),
            Constraint::Fill(1),
            Constraint::Length(9),
            Constraint::Length(10),
        ],
        rows,
        selected,
    );
}

pub fn review(model: &Model, theme: &Theme, frame: &mut Frame, header: Rect, body: Rect) {
    let date = model.review_date.unwrap_or(model.today());
    let title = date.format("Review of %Y-%m-%d, %A   ").to_string();
    header_line(
        frame,
        header,
        vec![Span::styled(title, theme.title()), Span::styled("[ and ] change the day", theme.dim())],
    );
    let Some(day) = model.review.as_ref().filter(|r| r.review.date == Some(date)) else {
        return empty(frame, body, theme, "Loading the review...");
    };
    let lines: Vec<Line> = day
        .lines()
        .into_iter()
        .map(|(label, value)| {
            Line::from(vec![Span::styled(format!("{label:<14}"), theme.title()), Span::raw(value)])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
}
