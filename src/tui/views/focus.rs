//! The Focus screen: the 80/20 view. The Pareto curve with the 80% line
//! and the cut, effort against value by class, and the MVC, MGC, BZC and
//! over-served lists (only their visible rows are built).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Cell, Chart, Dataset, GraphType, Paragraph, Row};

use super::lists::{count, empty, header_line, table, visible};
use super::{bordered, grouped, stage_label};
use crate::analysis::focus::{Abc, Focus, percent};
use crate::tui::model::{FocusSection, GroupRow, Model};
use crate::tui::theme::Theme;

pub fn render(model: &Model, theme: &Theme, frame: &mut Frame, header: Rect, body: Rect) {
    let focus = &model.views.focus;
    let rules = &model.config.focus;
    let key = if focus.key_count == 0 {
        "no key accounts yet: no customer has revenue in 12 months".to_string()
    } else {
        format!(
            "{} of {} customers bring {} of the revenue over 12 months, {}",
            focus.key_count,
            focus.customers.len(),
            percent(focus.revenue_share_key),
            grouped(focus.revenue_total)
        )
    };
    header_line(
        frame,
        header,
        vec![Span::raw(format!("{key}   forecast {}", grouped(focus.forecast_total)))],
    );
    let charts_height = model.focus_chart_height();
    let [effort_line, charts, list] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(charts_height.saturating_sub(1)),
        Constraint::Fill(1),
    ])
    .areas(body);
    let effort = match &focus.effort_warning {
        Some(warning) => Span::styled(format!("{warning}."), theme.overdue()),
        None => Span::styled(
            format!(
                "Key accounts get {} of your effort over {} days (target {}).",
                percent(focus.effort_share_key),
                rules.effort_days,
                percent(rules.effort_target)
            ),
            theme.ok(),
        ),
    };
    frame.render_widget(Paragraph::new(Line::from(effort)), effort_line);
    if charts.height >= 4 {
        let [curve, bars] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(charts);
        pareto(model, theme, frame, curve);
        effort_bars(focus, theme, frame, bars);
    }
    sections(model, theme, frame, list);
}

fn pareto(model: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let focus = &model.views.focus;
    let block = bordered(" Pareto: revenue share by customers ");
    if focus.customers.is_empty() || focus.revenue_total.0 <= 0 {
        let text = Paragraph::new(Span::styled("No revenue in 12 months yet.", theme.dim())).block(block);
        return frame.render_widget(text, area);
    }
    let share = model.config.focus.key_share;
    let cut = focus.key_count as f64 / focus.customers.len() as f64;
    let line = [(0.0, share), (1.0, share)];
    let cut_line = [(cut, 0.0), (cut, 1.0)];
    let datasets = vec![
        Dataset::default().marker(Marker::Braille).graph_type(GraphType::Line).style(theme.dim()).data(&line),
        Dataset::default()
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(theme.due())
            .data(&cut_line),
        Dataset::default()
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(theme.ok())
            .data(&model.views.pareto),
    ];
    // Labels drawn here rather than by the chart: its axes are box-drawing
    // lines, which are ambiguous width in CJK terminals.
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [plot_rows, x_labels] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    let [y_labels, plot] = Layout::horizontal([Constraint::Length(5), Constraint::Fill(1)]).areas(plot_rows);
    let unit = || Axis::default().bounds([0.0, 1.0]);
    frame.render_widget(Chart::new(datasets).x_axis(unit()).y_axis(unit()), plot);
    let rows = usize::from(plot.height);
    let mut labels = vec![Line::raw(""); rows];
    if rows >= 2 {
        let share_row = ((1.0 - share) * (rows - 1) as f64).round() as usize;
        labels[share_row] = Line::raw(percent(share));
        labels[0] = Line::raw("100%");
        labels[rows - 1] = Line::raw("0");
    }
    frame.render_widget(Paragraph::new(labels).style(theme.dim()), y_labels);
    let width = usize::from(plot.width);
    let cut_label = format!("cut at {} of customers", percent(cut));
    let cut_at = ((cut * width as f64) as usize).min(width.saturating_sub(cut_label.len()));
    let right = width.saturating_sub(cut_at + cut_label.len());
    let x_line = Line::from(vec![
        Span::raw(" ".repeat(5 + cut_at)),
        Span::styled(cut_label, theme.due()),
        Span::raw(" ".repeat(right.saturating_sub(4))),
        Span::styled(if right >= 4 { "100%" } else { "" }, theme.dim()),
    ]);
    frame.render_widget(Paragraph::new(x_line), x_labels);
}

/// Bars of '#': ASCII, so that they have one width in every terminal.
fn bar(fraction: f64, width: usize) -> String {
    let filled = ((fraction.clamp(0.0, 1.0) * width as f64).round() as usize).min(width);
    "#".repeat(filled)
}

fn effort_bars(focus: &Focus, theme: &Theme, frame: &mut Frame, area: Rect) {
    let block = bordered(" Effort against revenue ");
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width).saturating_sub(23).max(1);
    let prospects = focus.prospects_effort_share();
    let mut lines = Vec::new();
    let mut pair = |label: &str, revenue: Option<f64>, effort: f64, effort_style: Style| {
        // label (10) + what (8) + bar + percentage (5)
        if let Some(revenue) = revenue {
            lines.push(Line::from(vec![
                Span::styled(format!("{label:<10}"), theme.title()),
                Span::raw("revenue "),
                Span::styled(format!("{:<width$}", bar(revenue, width)), theme.ok()),
                Span::raw(format!("{:>5}", percent(revenue))),
            ]));
        }
        let label = if revenue.is_some() { "" } else { label };
        lines.push(Line::from(vec![
            Span::styled(format!("{label:<10}"), theme.title()),
            Span::raw("effort  "),
            Span::styled(format!("{:<width$}", bar(effort, width)), effort_style),
            Span::raw(format!("{:>5}", percent(effort))),
        ]));
    };
    let short = focus.effort_warning.is_some();
    pair(
        "Key (A)",
        Some(focus.abc_share(Abc::A)),
        focus.abc_effort_share(Abc::A),
        if short { theme.overdue() } else { theme.due() },
    );
    pair("B", Some(focus.abc_share(Abc::B)), focus.abc_effort_share(Abc::B), theme.due());
    pair("C", Some(focus.abc_share(Abc::C)), focus.abc_effort_share(Abc::C), theme.due());
    pair("Prospects", None, prospects, theme.due());
    frame.render_widget(Paragraph::new(lines), inner);
}

fn heading(section: FocusSection, focus: &Focus) -> (String, String) {
    match section {
        FocusSection::Key => (
            format!("MVC: {}", count(focus.key_count, "key account")),
            format!("{} of revenue", percent(focus.revenue_share_key)),
        ),
        FocusSection::Growable => ("MGC: most headroom".into(), "potential - revenue".into()),
        FocusSection::BelowZero => (format!("BZC: {} below zero", focus.bzc.len()), "revenue - cost".into()),
        FocusSection::OverServed => ("Over-served customers".into(), "effort vs revenue".into()),
    }
}

fn sections(model: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let views = &model.views;
    let rows = &views.focus_rows;
    if rows.is_empty() {
        return empty(frame, area, theme, "Nothing to list yet: record orders to see the 80/20 of the book.");
    }
    let focus = &views.focus;
    let (shown, selected) = visible(&model.focus_list, rows, area);
    let (entries, _) = visible(&model.focus_list, &views.focus_entries, area);
    let rows = shown
        .iter()
        .zip(entries)
        .map(|(row, &(section, amount))| match *row {
            GroupRow::Heading(_) => {
                let (title, detail) = heading(section, focus);
                Row::new(vec![
                    Cell::from(Span::styled(title, theme.heading())),
                    Cell::from(""),
                    Cell::from(""),
                    Cell::from(""),
                    Cell::from(Span::styled(detail, theme.dim())),
                ])
            }
            GroupRow::Member(index) => {
                let summary = &model.book.summaries[index];
                let detail = match section {
                    FocusSection::Key => format!("{} of revenue", percent(focus.revenue_share(amount))),
                    FocusSection::Growable => {
                        format!("potential {}", summary.potential.map(grouped).unwrap_or_default())
                    }
                    FocusSection::BelowZero => "costs more than it brings".into(),
                    FocusSection::OverServed => focus
                        .over_served
                        .iter()
                        .find(|o| o.index == index)
                        .map(|o| {
                            format!(
                                "effort {}, revenue {}",
                                percent(o.effort_share),
                                percent(o.revenue_share)
                            )
                        })
                        .unwrap_or_default(),
                };
                let amount_style = if amount.0 < 0 { theme.overdue() } else { Style::new() };
                Row::new(vec![
                    Cell::from(format!("  {}", summary.name)),
                    Cell::from(summary.company.clone().unwrap_or_default()),
                    Cell::from(stage_label(summary)),
                    Cell::from(Line::from(Span::styled(grouped(amount), amount_style)).right_aligned()),
                    Cell::from(detail),
                ])
            }
        })
        .collect();
    table(
        frame,
        area,
        theme,
        &["ACCOUNT", "COMPANY", "STAGE", "AMOUNT", ""],
        &[
            Constraint::Length(24),
            Constraint::Fill(1),
            Constraint::Length(8),
            Constraint::Length(14),
            Constraint::Length(26),
        ],
        rows,
        selected,
    );
}
