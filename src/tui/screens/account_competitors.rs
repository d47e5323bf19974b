//! The Account screen's competitors panel: one line per note (who, their
//! price and credit, when it was confirmed, stale ones marked), and the
//! five answers of the note selected.

use crate::i18n::msg;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::account::competitor_name;
use crate::app::AccountDetail;
use crate::domain::Question;
use crate::i18n::Lang;
use crate::tui::context::Context;
use crate::tui::theme::Theme;
use crate::tui::views::parts::{bordered, fit_line};

/// The panel's lines, the selected note's (`selected`, a place in the
/// account's list) with its answers beneath it.
pub fn lines(
    detail: &AccountDetail,
    selected: Option<usize>,
    ctx: &Context,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let lang = ctx.lang();
    let ui = &ctx.config.ui;
    let notes = &detail.record.account.competitor_notes;
    if notes.is_empty() {
        return vec![Line::from(Span::styled(msg::PanelNoCompetitors.text(lang), theme.dim()))];
    }
    let separator = " · ";
    let mut lines = Vec::new();
    for (position, note) in notes.iter().enumerate() {
        let mut facts: Vec<String> = Vec::new();
        if let Some(price) = note.price {
            facts.push(ui.money(price));
        }
        if let Some(days) = note.credit_days {
            facts.push(msg::NoteCreditDays { days }.text(lang));
        }
        // The selected note's floor is among its answers below.
        if let Some(floor) = note.floor.as_ref().filter(|_| selected != Some(position)) {
            facts.push(
                msg::NoteAnswer { label: msg::QuestionFloor.text(lang), answer: floor.as_str() }.text(lang),
            );
        }
        let confirmed = note
            .confirmed
            .map_or_else(|| msg::NoteNeverConfirmed.text(lang), |day| day.format("%Y-%m-%d").to_string());
        facts.push(msg::NoteConfirmedOn { day: confirmed }.text(lang));
        let stale = detail.stale_notes.get(position).copied().unwrap_or(false);
        let mut spans = vec![
            Span::styled(competitor_name(detail, note.competitor, lang), theme.title()),
            Span::raw(format!("{separator}{}", facts.join(separator))),
        ];
        if stale {
            spans.push(Span::styled(format!(" {}", msg::NoteStaleMark.text(lang)), theme.overdue()));
        }
        lines.push(Line::from(spans));
        if selected == Some(position) {
            for question in Question::ALL {
                if let Some(answer) = note.answer(question) {
                    lines.push(answer_line(crate::i18n::terms::question(question, lang), answer, lang));
                }
            }
            if let Some(text) = &note.note {
                lines.push(answer_line(msg::QuestionNote.text(lang), &text.replace('\n', " / "), lang));
            }
        }
    }
    lines
}

fn answer_line(label: String, answer: &str, lang: Lang) -> Line<'static> {
    Line::from(format!("  {}", msg::NoteAnswer { label, answer }.text(lang)))
}

/// Draws the panel of `notes` notes; the selected note's line stands
/// out, and the lines scroll to keep it and its answers in view.
pub struct Panel {
    pub lines: Vec<Line<'static>>,
    pub notes: usize,
    pub selected: Option<usize>,
}

pub fn draw(panel: Panel, theme: &Theme, frame: &mut Frame, area: Rect, lang: Lang) {
    let Panel { lines, notes, selected } = panel;
    let inner_height = usize::from(area.height.saturating_sub(2)).max(1);
    let inner_width = usize::from(area.width.saturating_sub(2));
    // The selected note's line is at its place (answers come only under
    // the selected one), its answers right after it.
    let at = selected.unwrap_or(0);
    let answers = lines.len().saturating_sub(notes.max(1)).min(inner_height.saturating_sub(1));
    let offset = (at + 1 + answers).saturating_sub(inner_height).min(at);
    let shown: Vec<Line> = lines
        .into_iter()
        .enumerate()
        .skip(offset)
        .take(inner_height)
        .map(|(i, line)| {
            let line = fit_line(line, inner_width);
            if Some(i) == selected { line.style(theme.selected()) } else { line }
        })
        .collect();
    let title = format!(" {} ", msg::PanelCompetitors.text(lang));
    frame.render_widget(Paragraph::new(shown).block(bordered(&title)), area);
}
