//! Focus: the 80/20 view. The Pareto curve with the 80% line and the cut,
//! effort against value by class, and the MVC, MGC, BZC and over-served
//! lists (only their visible rows are built).

use crate::i18n::Text as _;
use std::any::Any;

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Cell, Chart, Dataset, GraphType, Paragraph, Row};

use super::Screen;
use super::grouped::{GroupRow, Grouped};
use crate::analysis::focus::{Abc, Focus, percent};
use crate::app::effort_warning;
use crate::domain::{AccountId, Money};
use crate::i18n::{Lang, pad};
use crate::tui::context::{Book, Context};
use crate::tui::keymap::{Command, Scope};
use crate::tui::theme::Theme;
use crate::tui::views::parts::{bordered, empty, grouped, header_line, stage_label, table, visible};

/// The lists of the Focus screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FocusSection {
    Key,
    Growable,
    BelowZero,
    OverServed,
}

impl FocusSection {
    pub const ALL: [FocusSection; 4] =
        [FocusSection::Key, FocusSection::Growable, FocusSection::BelowZero, FocusSection::OverServed];
}

/// Points of the Pareto curve kept for drawing: a curve is never wider
/// than this many Braille dots.
const PARETO_POINTS: usize = 400;

/// Lines the Focus screen gives its effort line, Pareto curve and effort
/// bars, when the terminal is tall enough.
pub const CHART_HEIGHT: u16 = 11;

#[derive(Debug, Default)]
pub struct FocusScreen {
    /// The Pareto curve, sampled for drawing.
    pub pareto: Vec<(f64, f64)>,
    /// A heading per section, then its accounts.
    pub list: Grouped,
    /// Per row: its section and the amount it shows.
    pub entries: Vec<(FocusSection, Money)>,
}

/// Lines for the charts: at most half the body.
fn chart_height(ctx: &Context) -> u16 {
    CHART_HEIGHT.min(ctx.body_height(1) / 2)
}

/// Rows of the list: the body less the charts above it.
fn list_height(ctx: &Context) -> usize {
    ctx.list_height(1).saturating_sub(usize::from(chart_height(ctx))).max(1)
}

fn rows(focus: &Focus, today: NaiveDate, book: &Book) -> (Vec<GroupRow>, Vec<(FocusSection, Money)>) {
    let mut rows = Vec::new();
    let mut entries = Vec::new();
    for (g, section) in FocusSection::ALL.iter().enumerate() {
        let members: Vec<(usize, Money)> = match section {
            FocusSection::Key => focus.key_accounts().iter().map(|l| (l.index, l.amount)).collect(),
            FocusSection::Growable => focus.mgc.iter().map(|l| (l.index, l.amount)).collect(),
            FocusSection::BelowZero => focus.bzc.iter().map(|l| (l.index, l.amount)).collect(),
            FocusSection::OverServed => focus
                .over_served
                .iter()
                .map(|o| (o.index, book.summaries[o.index].revenue_12m(today)))
                .collect(),
        };
        if members.is_empty() {
            continue;
        }
        rows.push(GroupRow::Heading(g));
        entries.push((*section, Money::ZERO));
        for (index, amount) in members {
            rows.push(GroupRow::Member(index));
            entries.push((*section, amount));
        }
    }
    (rows, entries)
}

impl Screen for FocusScreen {
    fn title(&self) -> &'static str {
        "Focus"
    }

    fn help(&self) -> &'static str {
        "Focus: 80/20, effort against value"
    }

    fn scopes(&self) -> &'static [Scope] {
        &[Scope::Accounts, Scope::Lists, Scope::Global]
    }

    fn refresh(&mut self, ctx: &Context) {
        let (rows, entries) = rows(&ctx.focus, ctx.today(), &ctx.book);
        self.pareto = ctx.focus.pareto(PARETO_POINTS);
        self.entries = entries;
        self.list.set_rows(rows, list_height(ctx));
    }

    fn fit(&mut self, ctx: &Context) {
        self.list.fit(list_height(ctx));
    }

    fn shown(&mut self, ctx: &Context) {
        self.list.settle(list_height(ctx));
    }

    fn selected_account(&self, ctx: &Context) -> Option<AccountId> {
        self.list.selected_member().and_then(|i| ctx.book.summaries.get(i)).map(|s| s.id)
    }

    fn motion(&mut self, motion: Command, ctx: &Context) {
        self.list.motion(motion, list_height(ctx));
    }

    fn render(&self, ctx: &Context, theme: &Theme, frame: &mut Frame, header: Rect, body: Rect) {
        draw(self, ctx, theme, frame, header, body);
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

fn draw(view: &FocusScreen, ctx: &Context, theme: &Theme, frame: &mut Frame, header: Rect, body: Rect) {
    let focus = &ctx.focus;
    let rules = &ctx.config.focus;
    let lang = ctx.lang();
    let key = if focus.key_count == 0 {
        lang.text("focus-none-yet")
    } else {
        lang.text_with(
            "focus-key",
            &[
                ("key", focus.key_count.into()),
                ("customers", focus.customers.len().into()),
                ("share", percent(focus.revenue_share_key).into()),
                ("revenue", grouped(focus.revenue_total).into()),
            ],
        )
    };
    let forecast = lang.text_with("focus-forecast", &[("amount", grouped(focus.forecast_total).into())]);
    header_line(frame, header, vec![Span::raw(format!("{key}   {forecast}"))]);
    let charts_height = chart_height(ctx);
    let [effort_line, charts, list] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(charts_height.saturating_sub(1)),
        Constraint::Fill(1),
    ])
    .areas(body);
    let effort = match effort_warning(focus, rules, lang) {
        Some(warning) => {
            Span::styled(lang.text_with("sentence", &[("text", warning.into())]), theme.overdue())
        }
        None if focus.key_accounts().is_empty() => {
            Span::styled(lang.text("focus-no-key-accounts"), theme.dim())
        }
        None => Span::styled(
            lang.text_with(
                "focus-effort-ok",
                &[
                    ("effort", percent(focus.effort_share_key).into()),
                    ("days", rules.effort_days.into()),
                    ("target", percent(rules.effort_target).into()),
                ],
            ),
            theme.ok(),
        ),
    };
    frame.render_widget(Paragraph::new(Line::from(effort)), effort_line);
    if charts.height >= 4 {
        let [curve, bars] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(charts);
        pareto(view, ctx, theme, frame, curve);
        effort_bars(focus, lang, theme, frame, bars);
    }
    sections(view, ctx, theme, frame, list);
}

fn pareto(view: &FocusScreen, ctx: &Context, theme: &Theme, frame: &mut Frame, area: Rect) {
    let focus = &ctx.focus;
    let lang = ctx.lang();
    let title = format!(" {} ", lang.text("focus-pareto"));
    let block = bordered(&title);
    if focus.customers.is_empty() || focus.revenue_total.0 <= 0 {
        let text = Paragraph::new(Span::styled(lang.text("focus-no-revenue"), theme.dim())).block(block);
        return frame.render_widget(text, area);
    }
    let share = ctx.config.focus.key_share;
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
            .data(&view.pareto),
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
    let cut_label = lang.text_with("focus-cut", &[("share", percent(cut).into())]);
    let cut_width = unicode_width::UnicodeWidthStr::width(cut_label.as_str());
    let cut_at = ((cut * width as f64) as usize).min(width.saturating_sub(cut_width));
    let right = width.saturating_sub(cut_at + cut_width);
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

fn effort_bars(focus: &Focus, lang: Lang, theme: &Theme, frame: &mut Frame, area: Rect) {
    let title = format!(" {} ", lang.text("focus-effort-title"));
    let block = bordered(&title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width).saturating_sub(23).max(1);
    let prospects = focus.prospects_effort_share();
    let (revenue_word, effort_word) =
        (pad(&lang.text("focus-bar-revenue"), 8), pad(&lang.text("focus-bar-effort"), 8));
    let mut lines = Vec::new();
    let mut pair = |label: &str, revenue: Option<f64>, effort: f64, effort_style: Style| {
        // label (10) + what (8) + bar + percentage (5)
        if let Some(revenue) = revenue {
            lines.push(Line::from(vec![
                Span::styled(pad(label, 10), theme.title()),
                Span::raw(revenue_word.clone()),
                Span::styled(format!("{:<width$}", bar(revenue, width)), theme.ok()),
                Span::raw(format!("{:>5}", percent(revenue))),
            ]));
        }
        let label = if revenue.is_some() { "" } else { label };
        lines.push(Line::from(vec![
            Span::styled(pad(label, 10), theme.title()),
            Span::raw(effort_word.clone()),
            Span::styled(format!("{:<width$}", bar(effort, width)), effort_style),
            Span::raw(format!("{:>5}", percent(effort))),
        ]));
    };
    let short = focus.effort_short;
    pair(
        &lang.text("focus-key-a"),
        Some(focus.abc_share(Abc::A)),
        focus.abc_effort_share(Abc::A),
        if short { theme.overdue() } else { theme.due() },
    );
    pair("B", Some(focus.abc_share(Abc::B)), focus.abc_effort_share(Abc::B), theme.due());
    pair("C", Some(focus.abc_share(Abc::C)), focus.abc_effort_share(Abc::C), theme.due());
    pair(&lang.text("focus-prospects"), None, prospects, theme.due());
    frame.render_widget(Paragraph::new(lines), inner);
}

fn heading(section: FocusSection, focus: &Focus, lang: Lang) -> (String, String) {
    match section {
        FocusSection::Key => (
            lang.text_with("focus-mvc", &[("count", focus.key_count.into())]),
            lang.text_with("focus-of-revenue", &[("share", percent(focus.revenue_share_key).into())]),
        ),
        FocusSection::Growable => (lang.text("focus-mgc"), lang.text("focus-mgc-detail")),
        FocusSection::BelowZero => {
            (lang.text_with("focus-bzc", &[("count", focus.bzc.len().into())]), lang.text("focus-bzc-detail"))
        }
        FocusSection::OverServed => (lang.text("focus-over-served"), lang.text("focus-over-served-detail")),
    }
}

fn sections(view: &FocusScreen, ctx: &Context, theme: &Theme, frame: &mut Frame, area: Rect) {
    let rows = &view.list.rows;
    if rows.is_empty() {
        return empty(frame, area, theme, &ctx.lang().text("focus-empty"));
    }
    let focus = &ctx.focus;
    let lang = ctx.lang();
    let (shown, selected) = visible(&view.list.list, rows, area);
    let (entries, _) = visible(&view.list.list, &view.entries, area);
    let rows = shown
        .iter()
        .zip(entries)
        .map(|(row, &(section, amount))| match *row {
            GroupRow::Heading(_) => {
                let (title, detail) = heading(section, focus, lang);
                Row::new(vec![
                    Cell::from(Span::styled(title, theme.heading())),
                    Cell::from(""),
                    Cell::from(""),
                    Cell::from(""),
                    Cell::from(Span::styled(detail, theme.dim())),
                ])
            }
            GroupRow::Member(index) => {
                let summary = &ctx.book.summaries[index];
                let detail = match section {
                    FocusSection::Key => lang.text_with(
                        "focus-of-revenue",
                        &[("share", percent(focus.revenue_share(amount)).into())],
                    ),
                    FocusSection::Growable => lang.text_with(
                        "focus-potential",
                        &[("amount", summary.potential.map(grouped).unwrap_or_default().into())],
                    ),
                    FocusSection::BelowZero => lang.text("focus-costs-more"),
                    FocusSection::OverServed => focus
                        .over_served
                        .iter()
                        .find(|o| o.index == index)
                        .map(|o| {
                            lang.text_with(
                                "focus-effort-revenue",
                                &[
                                    ("effort", percent(o.effort_share).into()),
                                    ("revenue", percent(o.revenue_share).into()),
                                ],
                            )
                        })
                        .unwrap_or_default(),
                };
                let amount_style = if amount.0 < 0 { theme.overdue() } else { Style::new() };
                Row::new(vec![
                    Cell::from(format!("  {}", summary.name)),
                    Cell::from(summary.company.clone().unwrap_or_default()),
                    Cell::from(stage_label(summary, lang)),
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
        &[
            &lang.text("col-account"),
            &lang.text("col-company"),
            &lang.text("col-stage"),
            &lang.text("col-amount"),
            "",
        ],
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
