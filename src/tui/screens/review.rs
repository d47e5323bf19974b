//! Review: a day's work (today by default, `[` and `]` move the day):
//! touches, outcomes, orders, follow-ups done and missed, the streak.
//! Loaded from the store when shown.

use std::any::Any;

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Reply, Screen};
use crate::app::DayReview;
use crate::tui::context::Context;
use crate::tui::keymap::{Command, Scope};
use crate::tui::msg::Load;
use crate::tui::theme::Theme;
use crate::tui::views::parts::{empty, header_line};

#[derive(Debug, Default)]
pub struct Review {
    /// The day shown; none for today (whatever day today is).
    pub date: Option<NaiveDate>,
    pub review: Option<DayReview>,
}

impl Review {
    pub fn day(&self, ctx: &Context) -> NaiveDate {
        self.date.unwrap_or(ctx.today())
    }

    /// Moves a day back or forward, never past today.
    fn step(&mut self, days: i64, ctx: &Context) -> Reply {
        let day = self.day(ctx) + chrono::Duration::days(days);
        if day > ctx.today() {
            return Reply::Say("The review cannot look past today.".into());
        }
        self.date = Some(day);
        Reply::Load(self.query(day))
    }

    fn query(&self, day: NaiveDate) -> Load {
        Load::new(move |app| app.review_day(day))
    }
}

impl Screen for Review {
    fn title(&self) -> &'static str {
        "Review"
    }

    fn help(&self) -> &'static str {
        "Review: the day's work"
    }

    fn scopes(&self) -> &'static [Scope] {
        &[Scope::Review, Scope::Global]
    }

    fn command(&mut self, command: Command, ctx: &Context) -> Option<Reply> {
        match command {
            Command::PreviousDay => Some(self.step(-1, ctx)),
            Command::NextDay => Some(self.step(1, ctx)),
            _ => None,
        }
    }

    fn load(&self, ctx: &Context) -> Option<Load> {
        Some(self.query(self.day(ctx)))
    }

    fn loaded(&mut self, data: Box<dyn Any + Send>, _ctx: &Context) {
        if let Ok(review) = data.downcast::<DayReview>() {
            self.review = Some(*review);
        }
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

fn draw(view: &Review, ctx: &Context, theme: &Theme, frame: &mut Frame, header: Rect, body: Rect) {
    let date = view.day(ctx);
    let title = date.format("Review of %Y-%m-%d, %A   ").to_string();
    let keys = &ctx.keymap;
    let change_day = format!(
        "{} and {} change the day",
        keys.key_of(Scope::Review, Command::PreviousDay),
        keys.key_of(Scope::Review, Command::NextDay)
    );
    header_line(
        frame,
        header,
        vec![Span::styled(title, theme.title()), Span::styled(change_day, theme.dim())],
    );
    let Some(day) = view.review.as_ref().filter(|r| r.review.date == Some(date)) else {
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
