//! The list screens: Today, Pipeline, Customers. Only the visible rows are
//! built, so 100,000 accounts cost what 100 do.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use super::{ago, focus_mark, grouped, stage_label};
use crate::analysis::ranking::RowKind;
use crate::domain::AccountSummary;
use crate::tui::model::{GroupRow, ListState, Model};
use crate::tui::theme::Theme;

pub(super) fn count(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

pub(super) fn header_line(frame: &mut Frame, area: Rect, parts: Vec<Span<'static>>) {
    frame.render_widget(Paragraph::new(Line::from(parts)), area);
}

/// Draws `rows` (already limited to the visible window) under `titles`,
/// highlighting the selected one.
pub(super) fn table(
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    titles: &[&'static str],
    widths: &[Constraint],
    rows: Vec<Row<'static>>,
    selected: Option<usize>,
) {
    let rows: Vec<Row> = rows
        .into_iter()
        .enumerate()
        .map(|(i, row)| if Some(i) == selected { row.style(theme.selected()) } else { row })
        .collect();
    let table = Table::new(rows, widths.to_vec())
        .header(Row::new(titles.iter().map(|t| Cell::from(*t))).style(theme.title()))
        .column_spacing(2);
    frame.render_widget(table, area);
}

/// The items of a list that fit in `area` under the column titles, and
/// where the selection is among them: only these rows are ever built.
pub(super) fn visible<'a, T>(list: &ListState, items: &'a [T], area: Rect) -> (&'a [T], Option<usize>) {
    let height = usize::from(area.height.saturating_sub(1));
    let start = list.offset.min(items.len());
    let end = (start + height).min(items.len());
    (&items[start..end], list.selected.checked_sub(start))
}

pub(super) fn empty(frame: &mut Frame, area: Rect, theme: &Theme, text: &str) {
    frame.render_widget(Paragraph::new(Span::styled(text.to_string(), theme.dim())), area);
}

pub fn today(model: &Model, theme: &Theme, frame: &mut Frame, header: Rect, body: Rect) {
    let rows = &model.views.today;
    let today = model.today();
    let overdue = rows.iter().filter(|r| r.kind == RowKind::FollowUp && r.due < today).count();
    let cadence = rows.iter().filter(|r| r.kind == RowKind::Cadence).count();
    let counts = Line::from(vec![
        Span::styled(format!("{} to contact", rows.len()), theme.due()),
        Span::raw("   "),
        Span::styled(format!("{overdue} overdue"), theme.overdue()),
        Span::raw("   "),
        Span::raw(format!("{cadence} past cadence")),
        Span::raw("   "),
        Span::styled(format!("{} done today", model.views.done_today), theme.ok()),
    ]);
    let warning = model.views.focus.effort_warning.as_ref().map(|w| {
        Line::from(vec![
            Span::styled(format!("{w}."), theme.overdue()),
            Span::styled("  7 shows the 80/20", theme.dim()),
        ])
    });
    frame.render_widget(Paragraph::new([counts].into_iter().chain(warning).collect::<Vec<_>>()), header);
    if rows.is_empty() {
        return empty(frame, body, theme, "Nothing due. / finds an account, a adds one.");
    }
    let (shown, selected) = visible(&model.today_list, rows, body);
    let rows = shown
        .iter()
        .filter_map(|row| {
            let summary = model.book.summaries.get(row.index)?;
            let overdue = row.kind == RowKind::FollowUp && row.due < today;
            let why_style = if overdue { theme.overdue() } else { Style::new() };
            let why = row.reasons(summary, today, &model.config).join("; ");
            Some(Row::new(vec![
                Cell::from(summary.name.clone()),
                Cell::from(summary.company.clone().unwrap_or_default()),
                Cell::from(stage_label(summary)),
                Cell::from(focus_mark(model, theme, row.index)),
                Cell::from(row.channel(summary).as_str()),
                Cell::from(Span::styled(why, why_style)),
                Cell::from(ago(summary.last_touch, model.now)),
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

fn next_follow_up(summary: &AccountSummary) -> String {
    summary.pending.first().map(|f| f.due.format("%m-%d").to_string()).unwrap_or_default()
}

pub fn pipeline(model: &Model, theme: &Theme, frame: &mut Frame, header: Rect, body: Rect) {
    let groups = &model.views.pipeline;
    let prospects: usize = groups.iter().map(|g| g.members.len()).sum();
    let potential = groups.iter().map(|g| g.potential).sum();
    header_line(
        frame,
        header,
        vec![Span::raw(format!("{}   potential {}", count(prospects, "prospect"), grouped(potential)))],
    );
    let rows = &model.views.pipeline_rows;
    let (shown, selected) = visible(&model.pipeline_list, rows, body);
    let rows = shown
        .iter()
        .map(|row| match row {
            GroupRow::Heading(g) => {
                let group = &groups[*g];
                Row::new(vec![
                    Cell::from(Span::styled(format!("Grade {}", group.grade), theme.heading())),
                    Cell::from(count(group.members.len(), "prospect")),
                    Cell::from(""),
                    Cell::from(grouped(group.potential)),
                    Cell::from(""),
                    Cell::from(""),
                ])
            }
            GroupRow::Member(i) => {
                let summary = &model.book.summaries[*i];
                Row::new(vec![
                    Cell::from(format!("  {}", summary.name)),
                    Cell::from(summary.company.clone().unwrap_or_default()),
                    Cell::from(focus_mark(model, theme, *i)),
                    Cell::from(summary.potential.map(grouped).unwrap_or_default()),
                    Cell::from(ago(summary.last_touch, model.now)),
                    Cell::from(next_follow_up(summary)),
                ])
            }
        })
        .collect();
    table(
        frame,
        body,
        theme,
        &["NAME", "COMPANY", "80/20", "POTENTIAL", "LAST TOUCH", "NEXT"],
        &[
            Constraint::Length(18),
            Constraint::Fill(1),
            Constraint::Length(5),
            Constraint::Length(14),
            Constraint::Length(10),
            Constraint::Length(5),
        ],
        rows,
        selected,
    );
}

pub fn customers(model: &Model, theme: &Theme, frame: &mut Frame, header: Rect, body: Rect) {
    let groups = &model.views.customers;
    let customers: usize = groups.iter().map(|g| g.members.len()).sum();
    let revenue = groups.iter().map(|g| g.revenue_12m).sum();
    header_line(
        frame,
        header,
        vec![Span::raw(format!(
            "{}   revenue over 12 months {}",
            count(customers, "customer"),
            grouped(revenue)
        ))],
    );
    let rows = &model.views.customer_rows;
    let (shown, selected) = visible(&model.customers_list, rows, body);
    let today = model.today();
    let rows = shown
        .iter()
        .map(|row| match row {
            GroupRow::Heading(g) => {
                let group = &groups[*g];
                Row::new(vec![
                    Cell::from(Span::styled(group.tier.as_str().to_uppercase(), theme.heading())),
                    Cell::from(count(group.members.len(), "customer")),
                    Cell::from(""),
                    Cell::from(""),
                    Cell::from(grouped(group.revenue_12m)),
                    Cell::from(""),
                    Cell::from(""),
                ])
            }
            GroupRow::Member(i) => {
                let summary = &model.book.summaries[*i];
                let abc = model.views.focus.abc.get(*i).copied().flatten();
                Row::new(vec![
                    Cell::from(format!("  {}", summary.name)),
                    Cell::from(summary.company.clone().unwrap_or_default()),
                    Cell::from(focus_mark(model, theme, *i)),
                    Cell::from(abc.map_or("", |c| c.as_str())),
                    Cell::from(grouped(summary.revenue_12m(today))),
                    Cell::from(ago(summary.last_touch, model.now)),
                    Cell::from(next_follow_up(summary)),
                ])
            }
        })
        .collect();
    table(
        frame,
        body,
        theme,
        &["NAME", "COMPANY", "80/20", "ABC", "REVENUE 12M", "LAST TOUCH", "NEXT"],
        &[
            Constraint::Length(18),
            Constraint::Fill(1),
            Constraint::Length(5),
            Constraint::Length(3),
            Constraint::Length(14),
            Constraint::Length(10),
            Constraint::Length(5),
        ],
        rows,
        selected,
    );
}
