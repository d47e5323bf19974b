//! Pure views: each draws part of the model into a frame, nothing else.

mod account;
mod engine;
mod focus;
mod lists;
mod overlays;

use chrono::NaiveDateTime;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::keymap;
use super::model::{MIN_HEIGHT, MIN_WIDTH, Model, Overlay, Screen};
use super::theme::{BORDER, Theme};
use crate::analysis::focus::ValueClass;
use crate::domain::{AccountSummary, Money, Stage};

pub fn render(model: &Model, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    if model.too_small() {
        let text = format!(
            "Terminal too small: {}x{}, Leadline needs {MIN_WIDTH}x{MIN_HEIGHT}.",
            area.width, area.height
        );
        frame.render_widget(Paragraph::new(text).wrap(ratatui::widgets::Wrap { trim: true }), area);
        return;
    }
    let [tabs, header, body, status, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(model.header_height()),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    render_tabs(model, theme, frame, tabs);
    if model.loading {
        frame.render_widget(Paragraph::new("Loading the book..."), body);
    } else {
        match model.screen {
            Screen::Today => lists::today(model, theme, frame, header, body),
            Screen::Pipeline => lists::pipeline(model, theme, frame, header, body),
            Screen::Customers => lists::customers(model, theme, frame, header, body),
            Screen::Account => account::render(model, theme, frame, header, body),
            Screen::Referrals => engine::referrals(model, theme, frame, header, body),
            Screen::Review => engine::review(model, theme, frame, header, body),
            Screen::Focus => focus::render(model, theme, frame, header, body),
        }
    }
    render_status(model, theme, frame, status);
    render_hints(model, theme, frame, hints);
    if let Some(overlay) = &model.overlay {
        let popup = centered(area, 84, 80);
        frame.render_widget(Clear, popup);
        match overlay {
            Overlay::Search(search) => overlays::search(model, search, theme, frame, popup),
            Overlay::Help { scroll } => overlays::help(model, *scroll, theme, frame, popup),
            Overlay::Form(form) => overlays::form(model, form, theme, frame, popup),
        }
    }
    if model.question.is_some() {
        let popup = centered(area, 50, 20);
        frame.render_widget(Clear, popup);
        let text = vec![
            Line::from("Discard what you typed?"),
            Line::from(vec![
                Span::styled("y", theme.key()),
                Span::raw(" discard   "),
                Span::styled("n", theme.key()),
                Span::raw(" keep editing"),
            ]),
        ];
        frame.render_widget(Paragraph::new(text).block(bordered(" Unsaved changes ")), popup);
    }
}

fn render_tabs(model: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let mut spans = Vec::new();
    for (i, screen) in Screen::ALL.iter().enumerate() {
        let label = format!(" {} {} ", i + 1, screen.title());
        let style = if *screen == model.screen { theme.selected() } else { Style::new() };
        spans.push(Span::styled(label, style));
        spans.push(Span::raw(" "));
    }
    let date = model.now.format(" %Y-%m-%d %a").to_string();
    let left = Line::from(spans);
    frame.render_widget(Paragraph::new(left), area);
    frame.render_widget(Paragraph::new(Line::from(Span::styled(date, theme.dim())).right_aligned()), area);
}

fn render_status(model: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    if let Some(status) = &model.status {
        let style = if status.error { theme.error() } else { theme.ok() };
        frame.render_widget(Paragraph::new(Span::styled(status.text.clone(), style)), area);
    }
}

fn render_hints(model: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let mut spans = Vec::new();
    for (key, help) in keymap::hints(model.scopes()) {
        spans.push(Span::styled(key, theme.key()));
        spans.push(Span::styled(format!(" {help}  "), theme.dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

pub fn bordered(title: &str) -> Block<'_> {
    Block::bordered().border_set(BORDER).title(title)
}

fn centered(area: Rect, percent_x: u16, percent_y: u16) -> Rect {
    let width = (area.width * percent_x / 100).max(MIN_WIDTH.min(area.width));
    let height = (area.height * percent_y / 100).max(7.min(area.height));
    Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height }
}

/// Money for display: "12,000.50".
pub fn grouped(money: Money) -> String {
    money.grouped()
}

/// The account's 80/20 mark (KEY, MGC or BZC), by its place in the book.
pub(super) fn focus_mark(model: &Model, theme: &Theme, index: usize) -> Span<'static> {
    match model.views.focus.value_class.get(index).copied().flatten() {
        Some(class) => {
            let style = match class {
                ValueClass::Mvc => theme.title(),
                ValueClass::Mgc => theme.ok(),
                ValueClass::Bzc => theme.overdue(),
            };
            Span::styled(class.mark(), style)
        }
        None => Span::raw(""),
    }
}

/// The mark of the account with this id.
pub(super) fn focus_mark_of(model: &Model, theme: &Theme, id: crate::domain::AccountId) -> Span<'static> {
    model.book.index_of(id).map_or(Span::raw(""), |index| focus_mark(model, theme, index))
}

/// "A", "B", "VIP", "large": the short stage of a row.
pub fn stage_label(summary: &AccountSummary) -> String {
    if summary.archived.is_some() {
        return "archived".into();
    }
    match summary.stage {
        Stage::Prospect { grade } => grade.to_string(),
        Stage::Customer { tier, .. } => tier.as_str().to_uppercase(),
    }
}

/// "today", "3d ago", "2026-05-01": how long ago, as a rep reads it.
pub fn ago(at: Option<NaiveDateTime>, now: NaiveDateTime) -> String {
    let Some(at) = at else { return "never".into() };
    match (now.date() - at.date()).num_days() {
        0 => "today".into(),
        1 => "yesterday".into(),
        days @ 2..=60 => format!("{days}d ago"),
        _ => at.format("%Y-%m-%d").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_grouped_by_thousands() {
        assert_eq!(grouped(Money(1_200_050)), "12,000.50");
        assert_eq!(grouped(Money(5)), "0.05");
        assert_eq!(grouped(Money(12_345_678_900)), "123,456,789.00");
        assert_eq!(grouped(Money(-100_000)), "-1,000.00");
    }
}
