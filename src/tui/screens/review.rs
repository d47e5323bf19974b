//! Review: a day's work (today by default, `[` and `]` move the day):
//! touches, outcomes, the plan worked, orders, follow-ups, the streak, the
//! lessons and the reflection; below, who was contacted and who was
//! planned but not worked, each row an account to open or log at once.
//! Loaded from the store when shown.

use crate::i18n::msg;
use crate::i18n::msg_id;
use std::any::Any;

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::grouped::{GroupRow, Grouped};
use super::{Reply, Screen};
use crate::app::DayReview;
use crate::domain::AccountId;
use crate::i18n::{Lang, pad, review_title};
use crate::tui::context::Context;
use crate::tui::forms::{FieldsForm, Form};
use crate::tui::keymap::{Command, Scope};
use crate::tui::msg::Load;
use crate::tui::theme::Theme;
use crate::tui::views::parts::{TableRow, empty, fit_line, header_line};

#[derive(Debug, Default)]
pub struct Review {
    /// The day shown; none for today (whatever day today is).
    pub date: Option<NaiveDate>,
    pub review: Option<DayReview>,
    /// The contacted, then the planned and not worked.
    pub list: Grouped,
}

/// Lines of the review's summary above the rows: one a fact, and the
/// reflection wrapped into up to four.
fn summary_height(day: &DayReview, width: u16) -> u16 {
    let facts = day.lines(&crate::config::Ui::default()).len().saturating_sub(1) as u16;
    let reflection = 14 + unicode_width::UnicodeWidthStr::width(day.reflection.as_str()).max(8);
    facts + (reflection.div_ceil(usize::from(width.max(1))) as u16).clamp(1, 4)
}

impl Review {
    pub fn day(&self, ctx: &Context) -> NaiveDate {
        self.date.unwrap_or(ctx.today())
    }

    /// Moves a day back or forward, never past today.
    fn step(&mut self, days: i64, ctx: &Context) -> Reply {
        let day = self.day(ctx) + chrono::Duration::days(days);
        if day > ctx.today() {
            return Reply::Say(msg::ReviewPastToday.text(ctx.lang()));
        }
        self.date = Some(day);
        Reply::Load(self.query(day))
    }

    fn query(&self, day: NaiveDate) -> Load {
        Load::new(move |app| app.review_day(day))
    }

    fn shown_review(&self, ctx: &Context) -> Option<&DayReview> {
        self.review.as_ref().filter(|r| r.review.date == Some(self.day(ctx)))
    }

    fn list_height(&self, ctx: &Context) -> usize {
        let summary = self.shown_review(ctx).map_or(0, |day| summary_height(day, ctx.width));
        usize::from(ctx.body_height(1).saturating_sub(summary + 1)).saturating_sub(1).max(1)
    }
}

impl Screen for Review {
    fn name(&self) -> &'static str {
        "review"
    }

    fn tab(&self, lang: Lang) -> String {
        msg::TabReview.text(lang)
    }

    fn short_tab(&self, lang: Lang) -> String {
        msg::TabShortReview.text(lang)
    }

    fn scopes(&self) -> &'static [Scope] {
        &[Scope::Review, Scope::Accounts, Scope::Lists, Scope::Global]
    }

    fn command(&mut self, command: Command, ctx: &Context) -> Option<Reply> {
        match command {
            Command::PreviousDay => Some(self.step(-1, ctx)),
            Command::NextDay => Some(self.step(1, ctx)),
            Command::Reflect => {
                let written = self.shown_review(ctx).map_or("", |r| r.reflection.as_str());
                Some(Reply::Form(Form::Fields(
                    FieldsForm::reflect(self.day(ctx), written).for_rep(&ctx.config),
                )))
            }
            _ => None,
        }
    }

    fn load(&self, ctx: &Context) -> Option<Load> {
        Some(self.query(self.day(ctx)))
    }

    fn loaded(&mut self, data: Box<dyn Any + Send>, ctx: &Context) {
        if let Ok(review) = data.downcast::<DayReview>() {
            let contacted: Vec<usize> = (0..review.rows.len()).filter(|i| !review.rows[*i].missed).collect();
            let missed: Vec<usize> = (0..review.rows.len()).filter(|i| review.rows[*i].missed).collect();
            let mut rows = Vec::new();
            for (group, members) in [contacted, missed].into_iter().enumerate() {
                if !members.is_empty() {
                    rows.push(GroupRow::Heading(group));
                    rows.extend(members.into_iter().map(GroupRow::Member));
                }
            }
            self.review = Some(*review);
            let height = self.list_height(ctx);
            self.list.set_rows(rows, height);
            self.list.settle(height);
        }
    }

    fn fit(&mut self, ctx: &Context) {
        self.list.fit(self.list_height(ctx));
    }

    fn selected_account(&self, ctx: &Context) -> Option<AccountId> {
        let review = self.shown_review(ctx)?;
        self.list.selected_member().and_then(|i| review.rows.get(i)).map(|r| r.account)
    }

    fn motion(&mut self, motion: Command, ctx: &Context) {
        self.list.motion(motion, self.list_height(ctx));
    }

    fn render(&self, ctx: &Context, theme: &Theme, frame: &mut Frame, header: Rect, body: Rect) {
        draw(self, ctx, theme, frame, header, body);
    }
}

fn draw(view: &Review, ctx: &Context, theme: &Theme, frame: &mut Frame, header: Rect, body: Rect) {
    let date = view.day(ctx);
    let lang = ctx.lang();
    let title = format!("{}   ", review_title(date, lang));
    let keys = &ctx.keymap;
    let change_day = msg::ReviewKeys {
        previous: keys.key_of(Scope::Review, Command::PreviousDay),
        next: keys.key_of(Scope::Review, Command::NextDay),
        reflect: keys.key_of(Scope::Review, Command::Reflect),
    }
    .text(lang);
    header_line(
        frame,
        header,
        vec![Span::styled(title, theme.title()), Span::styled(change_day, theme.dim())],
    );
    let Some(day) = view.shown_review(ctx) else {
        return empty(frame, body, theme, &msg::ReviewLoading.text(lang));
    };
    let [summary, _, rows] = Layout::vertical([
        Constraint::Length(summary_height(day, body.width)),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(body);
    let all = day.lines(&ctx.config.ui);
    let width =
        all.iter().map(|l| unicode_width::UnicodeWidthStr::width(l.label.as_str())).max().unwrap_or(0) + 2;
    let label = |text: &str| Span::styled(pad(text, width), theme.title());
    let facts_width = summary.width;
    let mut lines: Vec<Line> = Vec::new();
    let mut reflection = None;
    for line in all {
        if line.key == msg_id!("review-reflection") {
            reflection = Some((line.label, line.value));
        } else {
            // A fact too long for the line ends in an ellipsis.
            lines.push(fit_line(
                Line::from(vec![label(&line.label), Span::raw(line.value)]),
                usize::from(facts_width),
            ));
        }
    }
    let [facts, thoughts] =
        Layout::vertical([Constraint::Length(lines.len() as u16), Constraint::Min(1)]).areas(summary);
    frame.render_widget(Paragraph::new(lines), facts);
    let (reflection_label, reflection) = reflection.unwrap_or_default();
    frame.render_widget(
        Paragraph::new(Line::from(vec![label(&reflection_label), Span::raw(reflection)]))
            .wrap(Wrap { trim: false }),
        thoughts,
    );
    if day.rows.is_empty() {
        return empty(frame, rows, theme, &msg::ReviewEmpty.text(lang));
    }
    let heading = |group: usize| {
        let text = match (group, day.today) {
            (0, _) => msg::ReviewContacted.text(lang),
            (_, true) => msg::ReviewPlannedLeft.text(lang),
            (_, false) => msg::ReviewPlannedMissed.text(lang),
        };
        TableRow::new([Span::styled(text, theme.heading())])
    };
    let member = |i: usize| {
        let row = &day.rows[i];
        let style = if row.missed { theme.due() } else { ratatui::style::Style::new() };
        TableRow::new([
            Line::from(format!("  {}", row.name)),
            Line::from(row.phone.clone().unwrap_or_default()),
            Line::from(Span::styled(row.what.clone(), style)),
        ])
    };
    view.list.render(
        frame,
        rows,
        theme,
        &[&msg::ColName.text(lang), &msg::ColPhone.text(lang), &msg::ColWhat.text(lang)],
        &[Constraint::Length(20), Constraint::Length(15), Constraint::Fill(1)],
        heading,
        member,
    );
}
