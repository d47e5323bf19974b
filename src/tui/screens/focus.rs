//! Focus: the 80/20 view. The Pareto curve with the 80% line and the cut,
//! effort against value by class, and the MVC, MGC, BZC and over-served
//! lists (only their visible rows are built).

use crate::i18n::msg;

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph};

use super::Screen;
use super::grouped::{GroupRow, Grouped};
use crate::analysis::focus::{Abc, Focus, percent};
use crate::app::effort_warning;
use crate::domain::{AccountId, Money};
use crate::i18n::{Lang, pad};
use crate::tui::context::{Book, Context};
use crate::tui::keymap::{Command, Scope};
use crate::tui::theme::Theme;
use crate::tui::views::parts::{
    TableRow, bordered, empty, fitting_columns, header_line, stage_label, table, visible,
};

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
    fn name(&self) -> &'static str {
        "focus"
    }

    fn tab(&self, lang: Lang) -> String {
        msg::TabFocus.text(lang)
    }

    fn short_tab(&self, lang: Lang) -> String {
        msg::TabShortFocus.text(lang)
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
}

fn draw(view: &FocusScreen, ctx: &Context, theme: &Theme, frame: &mut Frame, header: Rect, body: Rect) {
    let focus = &ctx.focus;
    let rules = &ctx.config.focus;
    let lang = ctx.lang();
    let key = if focus.key_count == 0 {
        msg::FocusNoneYet.text(lang)
    } else {
        msg::FocusKey {
            key: focus.key_count,
            customers: focus.customers.len(),
            share: percent(focus.revenue_share_key),
            revenue: ctx.config.ui.money(focus.revenue_total),
        }
        .text(lang)
    };
    let forecast = msg::FocusForecast { amount: ctx.config.ui.money(focus.forecast_total) }.text(lang);
    header_line(frame, header, vec![Span::raw(format!("{key}   {forecast}"))]);
    let charts_height = chart_height(ctx);
    let unknown = focus.key_competition_unknown;
    let [effort_line, competition_line, charts, list] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(u16::from(unknown > 0)),
        Constraint::Length(charts_height.saturating_sub(1)),
        Constraint::Fill(1),
    ])
    .areas(body);
    if unknown > 0 {
        let words = msg::FocusCompetitionUnknown { count: unknown }.text(lang);
        frame.render_widget(Paragraph::new(Span::styled(words, theme.due())), competition_line);
    }
    let effort = match effort_warning(focus, rules, lang) {
        Some(warning) => Span::styled(msg::Sentence { text: warning }.text(lang), theme.overdue()),
        None if focus.key_accounts().is_empty() => {
            Span::styled(msg::FocusNoKeyAccounts.text(lang), theme.dim())
        }
        None => Span::styled(
            msg::FocusEffortOk {
                effort: percent(focus.effort_share_key),
                days: rules.effort_days,
                target: percent(rules.effort_target),
            }
            .text(lang),
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
    let title = format!(" {} ", msg::FocusPareto.text(lang));
    let block = bordered(&title);
    if focus.customers.is_empty() || focus.revenue_total.0 <= 0 {
        let text = Paragraph::new(Span::styled(msg::FocusNoRevenue.text(lang), theme.dim())).block(block);
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
    let cut_label = msg::FocusCut { share: percent(cut) }.text(lang);
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
    let title = format!(" {} ", msg::FocusEffortTitle.text(lang));
    let block = bordered(&title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width).saturating_sub(23).max(1);
    let prospects = focus.prospects_effort_share();
    let (revenue_word, effort_word) =
        (pad(&msg::FocusBarRevenue.text(lang), 8), pad(&msg::FocusBarEffort.text(lang), 8));
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
        &msg::FocusKeyA.text(lang),
        Some(focus.abc_share(Abc::A)),
        focus.abc_effort_share(Abc::A),
        if short { theme.overdue() } else { theme.due() },
    );
    pair("B", Some(focus.abc_share(Abc::B)), focus.abc_effort_share(Abc::B), theme.due());
    pair("C", Some(focus.abc_share(Abc::C)), focus.abc_effort_share(Abc::C), theme.due());
    pair(&msg::FocusProspects.text(lang), None, prospects, theme.due());
    frame.render_widget(Paragraph::new(lines), inner);
}

fn heading(section: FocusSection, focus: &Focus, lang: Lang) -> (String, String) {
    match section {
        FocusSection::Key => (
            msg::FocusMvc { count: focus.key_count }.text(lang),
            msg::FocusOfRevenue { share: percent(focus.revenue_share_key) }.text(lang),
        ),
        FocusSection::Growable => (msg::FocusMgc.text(lang), msg::FocusMgcDetail.text(lang)),
        FocusSection::BelowZero => {
            (msg::FocusBzc { count: focus.bzc.len() }.text(lang), msg::FocusBzcDetail.text(lang))
        }
        FocusSection::OverServed => (msg::FocusOverServed.text(lang), msg::FocusOverServedDetail.text(lang)),
    }
}

fn sections(view: &FocusScreen, ctx: &Context, theme: &Theme, frame: &mut Frame, area: Rect) {
    let rows = &view.list.rows;
    if rows.is_empty() {
        return empty(frame, area, theme, &msg::FocusEmpty.text(ctx.lang()));
    }
    let focus = &ctx.focus;
    let lang = ctx.lang();
    let (shown, selected) = visible(&view.list.list, rows, area);
    let (entries, _) = visible(&view.list.list, &view.entries, area);
    let titles = [
        msg::ColAccount.text(lang),
        msg::ColCompany.text(lang),
        msg::ColStage.text(lang),
        msg::ColAmount.text(lang),
        String::new(),
    ];
    let widths = [
        Constraint::Length(24),
        Constraint::Fill(1),
        Constraint::Length(8),
        Constraint::Length(14),
        Constraint::Length(26),
    ];
    // The company goes first, then the share or potential beside the amount.
    let kept = fitting_columns(area.width, &widths, &[1, 4]);
    let rows = shown
        .iter()
        .zip(entries)
        .map(|(row, &(section, amount))| match *row {
            GroupRow::Heading(_) => {
                let (title, detail) = heading(section, focus, lang);
                TableRow::new([
                    Line::from(Span::styled(title, theme.heading())),
                    Line::from(""),
                    Line::from(""),
                    Line::from(""),
                    Line::from(Span::styled(detail, theme.dim())),
                ])
                .only(&kept)
            }
            GroupRow::Member(index) => {
                let summary = &ctx.book.summaries[index];
                let detail = match section {
                    FocusSection::Key => {
                        let share = msg::FocusOfRevenue { share: percent(focus.revenue_share(amount)) };
                        // Which of them Focus's line counts as unknown ground.
                        match summary.knows_competition {
                            true => share.text(lang),
                            false => {
                                format!("{}{}", share.text(lang), msg::FocusNoCompetitorNoted.text(lang))
                            }
                        }
                    }
                    FocusSection::Growable => msg::FocusPotential {
                        amount: summary.potential.map(|money| ctx.config.ui.money(money)).unwrap_or_default(),
                    }
                    .text(lang),
                    FocusSection::BelowZero => msg::FocusCostsMore.text(lang),
                    FocusSection::OverServed => focus
                        .over_served
                        .iter()
                        .find(|o| o.index == index)
                        .map(|o| {
                            msg::FocusEffortRevenue {
                                effort: percent(o.effort_share),
                                revenue: percent(o.revenue_share),
                            }
                            .text(lang)
                        })
                        .unwrap_or_default(),
                };
                let amount_style = if amount.0 < 0 { theme.overdue() } else { Style::new() };
                TableRow::new([
                    Line::from(format!("  {}", summary.name)),
                    Line::from(summary.company.clone().unwrap_or_default()),
                    Line::from(stage_label(summary, lang)),
                    Line::from(Span::styled(ctx.config.ui.money(amount), amount_style)).right_aligned(),
                    Line::from(detail),
                ])
                .only(&kept)
            }
        })
        .collect();
    let titles: Vec<&str> = kept.iter().map(|&i| titles[i].as_str()).collect();
    let widths: Vec<Constraint> = kept.iter().map(|&i| widths[i]).collect();
    table(frame, area, theme, &titles, &widths, rows, selected);
}
