//! Today: the day's plan, at most the day's capacity, promises first; the
//! rows done stay at the bottom, marked; below a divider, what is due but
//! planned for a later day, with that day. Only the visible rows' words
//! are built, so 100,000 accounts cost what 100 do.

use crate::i18n::msg;

use crate::i18n::FluentValue;
use chrono::{Datelike, Duration, NaiveDate};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Screen;
use super::grouped::{GroupRow, Grouped};
use crate::analysis::plan::Planned;
use crate::app::effort_warning;
use crate::domain::{AccountId, FollowUpId, Slot};
use crate::i18n::Lang;
use crate::tui::context::Context;
use crate::tui::keymap::{Command, Scope};
use crate::tui::theme::Theme;
use crate::tui::views::parts::{TableRow, ago_in, empty, focus_mark, stage_label};

/// How far ahead the later rows are given a day.
const HORIZON: u32 = 7;

/// Narrower than this, the WHY column cuts reasons: the header spells out
/// the selected row's.
const FULL_REASONS_WIDTH: u16 = 120;

#[derive(Debug, Default)]
pub struct Today {
    /// Today's rows (open, then done), then the later ones.
    pub rows: Vec<Planned>,
    /// How many of `rows` are today's.
    pub today_len: usize,
    pub capacity: usize,
    /// Why the plan gives the key accounts less than their share today,
    /// when it does.
    pub shortfall: Option<String>,
    /// When promises alone fill the day: how many can wait (T moves them).
    pub can_wait: usize,
    /// Dated greetings planned past their last useful day, in words.
    pub late: Option<String>,
    pub list: Grouped,
}

impl Today {
    fn planned(&self) -> Option<&Planned> {
        self.list.selected_member().and_then(|i| self.rows.get(i))
    }

    /// The follow-up of the selected row, when it has one.
    pub fn selected_follow_up(&self, _ctx: &Context) -> Option<FollowUpId> {
        self.planned().and_then(|p| p.follow_up)
    }

    /// What a touch logged on the selected row is for: the greeting it
    /// carries (a festival's, a birthday's, an anniversary's), in words for
    /// the form's title.
    pub fn selected_purpose(&self, ctx: &Context) -> Option<(crate::domain::Purpose, String)> {
        use crate::analysis::ranking::Occasion;
        use crate::domain::Purpose;
        let planned = self.planned()?;
        let summary = ctx.book.summaries.get(planned.index)?;
        let greeting = planned.row(summary, &ctx.config)?.greeting?;
        let lang = ctx.config.ui.lang();
        Some(match greeting.occasion {
            Occasion::Holiday => {
                let name =
                    ctx.config.holidays.on(greeting.day).map(|h| h.name.to_string()).unwrap_or_default();
                (Purpose::Festival, msg::LogPurposeFestival { name }.text(lang))
            }
            Occasion::Birthday => (Purpose::Birthday, msg::LogPurposeBirthday.text(lang)),
            Occasion::Anniversary(_) => (Purpose::Anniversary, msg::LogPurposeAnniversary.text(lang)),
        })
    }

    /// The channel the selected row proposes.
    pub fn selected_channel(&self, ctx: &Context) -> Option<crate::domain::TouchKind> {
        let planned = self.planned()?;
        let summary = ctx.book.summaries.get(planned.index)?;
        Some(planned.channel(summary, &ctx.config))
    }

    pub fn done(&self) -> usize {
        self.rows[..self.today_len].iter().filter(|r| r.is_done()).count()
    }

    fn height(&self, ctx: &Context) -> usize {
        ctx.list_height(self.header_height(ctx))
    }

    /// Row `i`'s reasons in words; a later row's say its day first, a row
    /// done says so.
    fn why(&self, i: usize, ctx: &Context) -> String {
        let today = ctx.today();
        let planned = &self.rows[i];
        let Some(summary) = ctx.book.summaries.get(planned.index) else { return String::new() };
        let lang = ctx.config.ui.lang();
        let reasons = planned.reasons(summary, today, &ctx.config);
        match (reasons.is_empty(), planned.is_done()) {
            (false, false) => {
                let reasons =
                    crate::i18n::reasons::reasons(&reasons, &ctx.config.ui).join(&msg::ReasonJoin.text(lang));
                if i >= self.today_len {
                    let beyond = planned.day >= today + Duration::days(HORIZON.into());
                    let day = day_words(planned.day, today, beyond, lang);
                    msg::LaterRow { day, reasons }.text(lang)
                } else {
                    reasons
                }
            }
            _ => crate::i18n::reasons::done(planned.done(summary), &ctx.config.ui),
        }
    }
}

/// The columns of the list; which are shown depends on the width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Name,
    Company,
    Stage,
    Mark,
    Phone,
    Do,
    Why,
    LastTouch,
}

impl Column {
    /// Its title, in `lang`.
    fn title(self, lang: Lang) -> String {
        match self {
            Column::Name => msg::ColName.text(lang),
            Column::Company => msg::ColCompany.text(lang),
            Column::Stage => msg::ColStage.text(lang),
            Column::Mark => msg::ColMark.text(lang),
            Column::Phone => msg::ColPhone.text(lang),
            Column::Do => msg::ColDo.text(lang),
            Column::Why => msg::ColWhy.text(lang),
            Column::LastTouch => msg::ColLastTouch.text(lang),
        }
    }

    fn width(self) -> u16 {
        match self {
            Column::Name => 14,
            Column::Company => 16,
            Column::Stage => 6,
            Column::Mark => 5,
            Column::Phone => 15,
            Column::Do => 6,
            Column::Why => 40,
            Column::LastTouch => 10,
        }
    }

    fn constraint(self) -> Constraint {
        if self == Column::Why { Constraint::Fill(1) } else { Constraint::Length(self.width()) }
    }
}

/// The columns that fit in `width`: name, stage, phone, what to do and
/// why always; then, while there is room, the last touch, the 80/20 mark
/// and the company (dropped in the reverse order).
fn columns(width: u16) -> Vec<Column> {
    use Column::*;
    let mut shown = vec![Name, Stage, Phone, Do, Why];
    let used = |cols: &[Column]| cols.iter().map(|c| c.width()).sum::<u16>() + 2 * (cols.len() as u16 - 1);
    for optional in [LastTouch, Mark, Company] {
        if used(&shown) + 2 + optional.width() > width {
            break;
        }
        shown.push(optional);
    }
    [Name, Company, Stage, Mark, Phone, Do, Why, LastTouch]
        .into_iter()
        .filter(|c| shown.contains(c))
        .collect()
}

/// "tomorrow", "Thu 12-03": the day a later row is planned for.
fn day_words(day: NaiveDate, today: NaiveDate, beyond: bool, lang: Lang) -> String {
    let weekday = |day: NaiveDate| crate::i18n::terms::weekday(day.weekday(), lang);
    let date = |day: NaiveDate| day.format("%m-%d").to_string();
    match (beyond, (day - today).num_days()) {
        (true, _) => {
            let after = day - Duration::days(1);
            msg::DayAfter { weekday: weekday(after), date: date(after) }.text(lang)
        }
        (false, 1) => msg::DayTomorrow.text(lang),
        _ => msg::DayOn { weekday: weekday(day), date: date(day) }.text(lang),
    }
}

impl Screen for Today {
    fn name(&self) -> &'static str {
        "today"
    }

    fn tab(&self, lang: Lang) -> String {
        msg::TabToday.text(lang)
    }

    fn short_tab(&self, lang: Lang) -> String {
        msg::TabShortToday.text(lang)
    }

    fn scopes(&self) -> &'static [Scope] {
        &[Scope::Today, Scope::Accounts, Scope::Lists, Scope::Global]
    }

    fn command(&mut self, command: Command, ctx: &Context) -> Option<super::Reply> {
        if command != Command::Triage {
            return None;
        }
        let lang = ctx.config.ui.lang();
        if self.can_wait == 0 {
            return Some(super::Reply::Say(msg::InfoNothingToTriage.text(lang)));
        }
        let day = ctx.config.plan.working_days_after(ctx.today(), 5);
        let form = crate::tui::forms::FieldsForm::triage(self.can_wait, day).for_rep(&ctx.config);
        Some(super::Reply::Form(crate::tui::forms::Form::Fields(form)))
    }

    /// The counts; a line for the effort warning; where the reasons are
    /// cut, a line with the selected row's in full.
    fn header_height(&self, ctx: &Context) -> u16 {
        1 + u16::from(ctx.focus.effort_short)
            + u16::from(self.shortfall.is_some())
            + u16::from(self.can_wait > 0)
            + u16::from(self.late.is_some())
            + u16::from(ctx.width < FULL_REASONS_WIDTH)
    }

    fn refresh(&mut self, ctx: &Context) {
        let today = ctx.today();
        let marks = ctx.focus.marks(&ctx.book.summaries);
        let plan = ctx.book.view().plan(today, HORIZON, &ctx.config, &marks);
        let first = plan.first();
        self.capacity = first.capacity;
        let lang = ctx.config.ui.lang();
        self.shortfall = crate::app::shortfall_words(first.key_share(), first.target, first.shortfall, lang);
        self.can_wait = if first.over_capacity() { ctx.book.view().can_wait(today, &ctx.config) } else { 0 };
        let late =
            first.late().filter_map(|r| Some((ctx.book.summaries.get(r.index)?.name.as_str(), r.deadline?)));
        self.late = crate::app::late_words(late, lang);
        self.today_len = first.rows.len();
        self.rows = first.rows.clone();
        self.rows.extend(plan.later().cloned());
        let mut rows: Vec<GroupRow> = (0..self.today_len).map(GroupRow::Member).collect();
        if self.rows.len() > self.today_len {
            rows.push(GroupRow::Heading(1));
            rows.extend((self.today_len..self.rows.len()).map(GroupRow::Member));
        }
        self.list.set_rows(rows, self.height(ctx));
    }

    fn fit(&mut self, ctx: &Context) {
        self.list.fit(self.height(ctx));
    }

    fn shown(&mut self, ctx: &Context) {
        self.list.settle(self.height(ctx));
    }

    fn selected_account(&self, _ctx: &Context) -> Option<AccountId> {
        self.planned().map(|p| p.account)
    }

    fn motion(&mut self, motion: Command, ctx: &Context) {
        let height = self.height(ctx);
        self.list.motion(motion, height);
    }

    fn render(&self, ctx: &Context, theme: &Theme, frame: &mut Frame, header: Rect, body: Rect) {
        let today = ctx.today();
        let todays = &self.rows[..self.today_len];
        let later = self.rows.len() - self.today_len;
        let promised = todays.iter().filter(|r| r.slot == Slot::Promise).count();
        let focus = todays.iter().filter(|r| r.slot == Slot::Focus).count();
        let lang = ctx.config.ui.lang();
        let n = |count: usize| FluentValue::from(count);
        let mut counts = vec![
            Span::styled(msg::TodayPlanned { count: n(todays.len()) }.text(lang), theme.due()),
            Span::raw("   "),
            Span::styled(
                msg::TodayDone { done: n(self.done()), total: n(todays.len()) }.text(lang),
                theme.ok(),
            ),
            Span::raw("   "),
            Span::raw(msg::TodayLater { count: n(later) }.text(lang)),
            Span::raw("   "),
        ];
        if todays.len() > self.capacity {
            counts.push(Span::styled(
                msg::TodayOverCapacity { promised: n(promised), slots: n(self.capacity) }.text(lang),
                theme.overdue(),
            ));
        } else {
            counts.push(Span::styled(
                msg::TodaySlots { promised: n(promised), focus: n(focus) }.text(lang),
                theme.dim(),
            ));
        }
        let warning = effort_warning(&ctx.focus, &ctx.config.focus, lang).map(|w| {
            Line::from(vec![
                Span::styled(msg::Sentence { text: w }.text(lang), theme.overdue()),
                Span::styled(format!("  {}", msg::TodayFocusHint.text(lang)), theme.dim()),
            ])
        });
        let selected = (ctx.width < FULL_REASONS_WIDTH).then(|| match self.list.selected_member() {
            Some(i) => Line::from(vec![Span::styled("> ", theme.dim()), Span::raw(self.why(i, ctx))]),
            None => Line::from(""),
        });
        let shortfall = self.shortfall.as_ref().map(|words| {
            Line::from(Span::styled(msg::Sentence { text: words.as_str() }.text(lang), theme.dim()))
        });
        let triage = (self.can_wait > 0).then(|| {
            let key = ctx.keymap.key_of(Scope::Today, Command::Triage);
            let args = msg::TodayCanWait { count: n(self.can_wait), key };
            Line::from(Span::styled(args.text(lang), theme.overdue()))
        });
        let late = self.late.as_ref().map(|l| Line::from(Span::styled(l.clone(), theme.overdue())));
        let header_lines: Vec<Line> = [Line::from(counts)]
            .into_iter()
            .chain(warning)
            .chain(triage)
            .chain(late)
            .chain(shortfall)
            .chain(selected)
            .collect();
        frame.render_widget(Paragraph::new(header_lines), header);
        if self.rows.is_empty() {
            return empty(frame, body, theme, &msg::TodayEmpty.text(lang));
        }
        let shown = columns(body.width);
        let widths: Vec<Constraint> = shown.iter().map(|c| c.constraint()).collect();
        let divider = |_| {
            TableRow::new(shown.iter().map(|c| match c {
                Column::Name => Line::from(Span::styled(
                    msg::TodayDivider { count: n(later) }.text(lang),
                    theme.heading(),
                )),
                Column::Why => Line::from(Span::styled(msg::TodayDividerWhy.text(lang), theme.dim())),
                _ => Line::from(""),
            }))
        };
        let member = |i: usize| {
            let planned = &self.rows[i];
            let Some(summary) = ctx.book.summaries.get(planned.index) else {
                return TableRow::new(Vec::<Line>::new());
            };
            let is_later = i >= self.today_len;
            let row = planned.row(summary, &ctx.config);
            let overdue = row.as_ref().is_some_and(|r| r.days_overdue(today) > 0)
                && planned.kind == crate::domain::RowKind::FollowUp;
            let why = self.why(i, ctx);
            let style = if planned.is_done() || is_later { theme.dim() } else { Style::new() };
            let why_style = if overdue && !planned.is_done() { theme.overdue() } else { style };
            let name = if planned.is_done() { format!("✓ {}", summary.name) } else { summary.name.clone() };
            let channel = crate::i18n::terms::kind(planned.channel(summary, &ctx.config), lang);
            TableRow::new(shown.iter().map(|column| match column {
                Column::Name => Line::from(Span::styled(name.clone(), style)),
                Column::Company => {
                    Line::from(Span::styled(summary.company.clone().unwrap_or_default(), style))
                }
                Column::Stage => Line::from(Span::styled(stage_label(summary, lang), style)),
                Column::Mark => Line::from(focus_mark(ctx, theme, planned.index)),
                Column::Phone => Line::from(Span::styled(summary.phone.clone().unwrap_or_default(), style)),
                Column::Do => Line::from(Span::styled(
                    if planned.is_done() { String::new() } else { channel.clone() },
                    style,
                )),
                Column::Why => Line::from(Span::styled(why.clone(), why_style)),
                Column::LastTouch => Line::from(Span::styled(
                    ago_in(crate::analysis::ranking::last_contact(summary, &ctx.config), ctx.now, lang),
                    style,
                )),
            }))
        };
        let titles: Vec<String> = shown.iter().map(|c| c.title(lang)).collect();
        let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
        self.list.render(frame, body, theme, &titles, &widths, divider, member);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_drop_company_first_then_the_mark_then_the_last_touch() {
        use Column::*;
        assert_eq!(columns(130), [Name, Company, Stage, Mark, Phone, Do, Why, LastTouch]);
        assert_eq!(columns(120), [Name, Stage, Mark, Phone, Do, Why, LastTouch]);
        assert_eq!(columns(101), [Name, Stage, Phone, Do, Why, LastTouch]);
        assert_eq!(columns(100), [Name, Stage, Phone, Do, Why]);
        assert_eq!(columns(80), [Name, Stage, Phone, Do, Why]);
    }
}
