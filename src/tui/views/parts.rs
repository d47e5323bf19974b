//! Pieces every screen draws with: tables of the visible rows only, the
//! 80/20 mark, stages, amounts and ages as a rep reads them.

use crate::i18n::Lang;
use crate::i18n::msg;
use chrono::NaiveDateTime;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table};

use crate::analysis::focus::ValueClass;
use crate::domain::{AccountId, AccountSummary};
use crate::tui::context::{Context, ListState};
use crate::tui::theme::{BORDER, Theme};

/// A screen's header line: its parts (separated by three spaces within a
/// span) as many whole ones as fit, never one cut in the middle (a number
/// cut short reads as another number); a first part too wide for the line
/// ends in an ellipsis.
pub fn header_line(frame: &mut Frame, area: Rect, parts: Vec<Span<'static>>) {
    let mut room = usize::from(area.width);
    let mut shown: Vec<Span<'static>> = Vec::new();
    'spans: for span in parts {
        for (i, part) in span.content.split("   ").enumerate() {
            let text = if i == 0 { part.to_string() } else { format!("   {part}") };
            let width = Span::raw(text.as_str()).width();
            if width > room {
                if shown.is_empty() {
                    shown.push(Span::styled(ellipsized(&text, room), span.style));
                }
                break 'spans;
            }
            room -= width;
            shown.push(Span::styled(text, span.style));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(shown)), area);
}

/// `text` in at most `width` columns: whole, or cut with an ellipsis, and
/// never inside a number (the whole number goes).
pub fn ellipsized(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    if Span::raw(text).width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    let cut_a_number = text[out.len()..].starts_with(|c: char| c.is_ascii_digit() || c == ',' || c == '.')
        && out.ends_with(|c: char| c.is_ascii_digit() || c == ',' || c == '.');
    if cut_a_number {
        let start = out.trim_end_matches(|c: char| c.is_ascii_digit() || c == ',' || c == '.').len();
        out.truncate(start);
    }
    let kept = out.trim_end().len();
    out.truncate(kept);
    if width > 0 {
        out.push('…');
    }
    out
}

/// One row of a [`table`]: its cells, each fitted to its column when drawn.
pub struct TableRow {
    cells: Vec<Line<'static>>,
    style: Style,
}

impl TableRow {
    pub fn new<L: Into<Line<'static>>>(cells: impl IntoIterator<Item = L>) -> Self {
        TableRow { cells: cells.into_iter().map(Into::into).collect(), style: Style::new() }
    }

    pub fn style(self, style: Style) -> Self {
        TableRow { style, ..self }
    }

    /// The row with only the cells of the columns `kept`.
    pub fn only(self, kept: &[usize]) -> Self {
        let cells = self.cells.into_iter().enumerate().filter(|(i, _)| kept.contains(i)).map(|(_, c)| c);
        TableRow { cells: cells.collect(), ..self }
    }
}

/// `line` in at most `width` columns: the spans that fit whole, and the
/// first that does not [`ellipsized`] into the room left.
pub fn fit_line(line: Line<'static>, width: usize) -> Line<'static> {
    if line.width() <= width {
        return line;
    }
    let Line { spans, style, alignment } = line;
    let mut room = width;
    let mut kept = Vec::new();
    let mut spans = spans.into_iter();
    while let Some(span) = spans.next() {
        let span_width = span.width();
        // Leave a column for the ellipsis of whatever follows.
        if span_width < room {
            room -= span_width;
            kept.push(span);
            continue;
        }
        // This span and the rest, cut in the style of the first cut.
        let rest: String =
            std::iter::once(span.content.to_string()).chain(spans.map(|s| s.content.into_owned())).collect();
        kept.push(Span::styled(ellipsized(&rest, room), span.style));
        break;
    }
    let mut fitted = Line::from(kept).style(style);
    fitted.alignment = alignment;
    fitted
}

/// Draws `rows` (already limited to the visible window) under `titles`
/// (none, no title row), highlighting the selected one. A cell too wide for
/// its column ends in an ellipsis; a number in it goes whole (a number cut
/// short reads as another).
pub fn table(
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    titles: &[&str],
    widths: &[Constraint],
    rows: Vec<TableRow>,
    selected: Option<usize>,
) {
    let room = column_widths(area, widths);
    let fit = |cells: Vec<Line<'static>>| {
        cells
            .into_iter()
            .enumerate()
            .map(|(i, cell)| Cell::from(fit_line(cell, room.get(i).copied().unwrap_or(0))))
            .collect::<Vec<_>>()
    };
    let rows: Vec<Row> = rows
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            let style = if Some(i) == selected { theme.selected() } else { row.style };
            Row::new(fit(row.cells)).style(style)
        })
        .collect();
    let mut table = Table::new(rows, widths.to_vec()).column_spacing(2);
    if !titles.is_empty() {
        let titles = fit(titles.iter().map(|t| Line::from(t.to_string())).collect());
        table = table.header(Row::new(titles).style(theme.title()));
    }
    frame.render_widget(table, area);
}

/// The columns (by index into `widths`) that fit in `width` at their
/// fixed widths with the table's spacing, dropping those in `drop_order`
/// one at a time until they do: a column goes whole rather than every
/// column shrinking until nothing reads.
pub fn fitting_columns(width: u16, widths: &[Constraint], drop_order: &[usize]) -> Vec<usize> {
    let needed = |kept: &[usize]| -> u16 {
        let fixed: u16 = kept
            .iter()
            .map(|&i| match widths[i] {
                Constraint::Length(n) | Constraint::Min(n) => n,
                _ => 0,
            })
            .sum();
        fixed + 2 * kept.len().saturating_sub(1) as u16
    };
    let mut kept: Vec<usize> = (0..widths.len()).collect();
    for drop in drop_order {
        if needed(&kept) <= width {
            break;
        }
        kept.retain(|i| i != drop);
    }
    kept
}

/// The widths `table` gives its columns in `area` (the same layout), so
/// that a cell's text can be fitted to its column before it is drawn.
pub fn column_widths(area: Rect, widths: &[Constraint]) -> Vec<usize> {
    ratatui::layout::Layout::horizontal(widths.to_vec())
        .flex(ratatui::layout::Flex::Start)
        .spacing(2)
        .split(Rect::new(0, 0, area.width, 1))
        .iter()
        .map(|r| usize::from(r.width))
        .collect()
}

/// The items of a list that fit in `area` under the column titles, and
/// where the selection is among them: only these rows are ever built.
pub fn visible<'a, T>(list: &ListState, items: &'a [T], area: Rect) -> (&'a [T], Option<usize>) {
    let height = usize::from(area.height.saturating_sub(1));
    let start = list.offset.min(items.len());
    let end = (start + height).min(items.len());
    (&items[start..end], list.selected.checked_sub(start))
}

pub fn empty(frame: &mut Frame, area: Rect, theme: &Theme, text: &str) {
    frame.render_widget(Paragraph::new(Span::styled(text.to_string(), theme.dim())), area);
}

pub fn bordered(title: &str) -> Block<'_> {
    Block::bordered().border_set(BORDER).title(title)
}

/// The account's 80/20 mark (KEY, MGC or BZC), by its place in the book.
pub fn focus_mark(ctx: &Context, theme: &Theme, index: usize) -> Span<'static> {
    match ctx.focus.value_class.get(index).copied().flatten() {
        Some(class) => {
            let style = match class {
                ValueClass::Mvc => theme.title(),
                ValueClass::Mgc => theme.ok(),
                ValueClass::Bzc => theme.overdue(),
            };
            Span::styled(crate::i18n::terms::value_class_mark(class, ctx.lang()), style)
        }
        None => Span::raw(""),
    }
}

/// The mark of the account with this id.
pub fn focus_mark_of(ctx: &Context, theme: &Theme, id: AccountId) -> Span<'static> {
    ctx.book.index_of(id).map_or(Span::raw(""), |index| focus_mark(ctx, theme, index))
}

/// "A", "VIP", "archived": the short stage of a row.
pub fn stage_label(summary: &AccountSummary, lang: Lang) -> String {
    let label = summary.stage_label();
    match (label.archived, label.stage) {
        (Some(_), _) => msg::StageShortArchived.text(lang),
        (None, crate::domain::Stage::Prospect { grade }) => grade.to_string(),
        (None, crate::domain::Stage::Customer { tier, .. }) => {
            crate::i18n::terms::tier_short(Some(tier), lang)
        }
    }
}

/// "today", "3d ago", "2026-05-01": how long ago, as a rep reads it.
pub fn ago(at: Option<NaiveDateTime>, now: NaiveDateTime) -> String {
    ago_in(at, now, Lang::En)
}

/// [`ago`] in `lang`.
pub fn ago_in(at: Option<NaiveDateTime>, now: NaiveDateTime, lang: Lang) -> String {
    let Some(at) = at else { return msg::AgoNever.text(lang) };
    match (now.date() - at.date()).num_days() {
        0 => msg::AgoToday.text(lang),
        1 => msg::AgoYesterday.text(lang),
        days @ 2..=60 => msg::AgoDays { days }.text(lang),
        _ => at.format("%Y-%m-%d").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_too_wide_keeps_its_whole_spans_and_ends_in_an_ellipsis() {
        let line = Line::from(vec![Span::raw("礼品卡 "), Span::raw("200"), Span::raw(" 元")]);
        assert_eq!(fit_line(line.clone(), 13).to_string(), "礼品卡 200 元");
        assert_eq!(fit_line(line.clone(), 12).to_string(), "礼品卡 200…");
        assert_eq!(fit_line(line.clone(), 10).to_string(), "礼品卡 …");
        assert_eq!(fit_line(Line::from("12,000.50"), 8).to_string(), "…");
    }

    #[test]
    fn columns_go_in_their_order_until_the_rest_fit() {
        let widths =
            [Constraint::Length(18), Constraint::Fill(1), Constraint::Length(5), Constraint::Length(14)];
        assert_eq!(fitting_columns(80, &widths, &[1, 2]), [0, 1, 2, 3]);
        // 18 + 5 + 14 and three gaps of two: 43 columns.
        assert_eq!(fitting_columns(43, &widths, &[1, 2]), [0, 1, 2, 3]);
        assert_eq!(fitting_columns(42, &widths, &[1, 2]), [0, 2, 3]);
        assert_eq!(fitting_columns(30, &widths, &[1, 2]), [0, 3]);
    }
}
