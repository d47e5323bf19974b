//! Pure views: the frame (tabs, the screen, status, key hints), popups over
//! it. Each screen draws its own body (see `screens`).

mod overlays;
pub use overlays::help_max_scroll;
pub mod parts;

use crate::i18n::msg;
use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::context::{MIN_HEIGHT, MIN_WIDTH};
use super::keymap::{Command, Scope};
use super::model::{Model, Overlay, Question};
use super::theme::Theme;
use parts::bordered;

pub fn render(model: &Model, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    let lang = model.ctx.config.ui.lang();
    if model.ctx.too_small() {
        let text = msg::TerminalTooSmall {
            width: area.width,
            height: area.height,
            min_width: MIN_WIDTH,
            min_height: MIN_HEIGHT,
        }
        .text(lang);
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
        frame.render_widget(Paragraph::new(msg::LoadingBook.text(lang)), body);
    } else {
        model.screen().render(&model.ctx, theme, frame, header, body);
    }
    render_status(model, theme, frame, status);
    render_hints(model, theme, frame, hints);
    if let Some(overlay) = &model.overlay {
        let popup = if matches!(overlay, Overlay::Help { .. }) {
            overlays::help_area(area)
        } else {
            centered(area, 84, 80)
        };
        clear_popup(frame, popup);
        match overlay {
            Overlay::Search(search) => overlays::search(model, search, theme, frame, popup),
            Overlay::Help { scroll } => overlays::help(model, *scroll, theme, frame, popup),
            Overlay::Form(form) => overlays::form(model, form, theme, frame, popup),
            Overlay::PickFollowUp(picker) => overlays::follow_up_picker(model, picker, theme, frame, popup),
        }
    }
    if let Some(question) = &model.question {
        let popup = centered(area, 50, 20);
        clear_popup(frame, popup);
        let keymap = &model.ctx.keymap;
        let lang = model.ctx.lang();
        let (title, asked, yes, no) = match question {
            Question::DiscardForm => (
                msg::QuestionUnsaved.text(lang),
                msg::QuestionDiscard.text(lang),
                msg::QuestionDiscardYes.text(lang),
                msg::QuestionKeepEditing.text(lang),
            ),
            Question::Remove(_, words) => (
                msg::QuestionDelete.text(lang),
                words.clone(),
                msg::QuestionDeleteYes.text(lang),
                msg::QuestionKeepIt.text(lang),
            ),
            Question::Deliver(_, words) => (
                msg::QuestionDelivered.text(lang),
                words.clone(),
                msg::QuestionDeliveredYes.text(lang),
                msg::QuestionNotYet.text(lang),
            ),
            Question::LowerGrade(_, name, grade) => (
                msg::QuestionDeclined.text(lang),
                msg::QuestionLowerGrade { name: name.as_str(), grade: grade.to_string() }.text(lang),
                msg::QuestionLowerYes.text(lang),
                msg::QuestionLowerNo.text(lang),
            ),
        };
        let text = vec![
            Line::from(asked),
            Line::from(vec![
                Span::styled(keymap.key_of(Scope::Confirm, Command::Confirm), theme.key()),
                Span::raw(format!(" {}   ", yes)),
                Span::styled(keymap.key_of(Scope::Confirm, Command::Deny), theme.key()),
                Span::raw(format!(" {}", no)),
            ]),
        ];
        let title = format!(" {title} ");
        frame.render_widget(
            Paragraph::new(text).wrap(ratatui::widgets::Wrap { trim: true }).block(bordered(&title)),
            popup,
        );
    }
}

/// The tab bar: every screen's number and title, the current one marked,
/// the date on the right. Where the full titles do not fit, short ones
/// (the date gives way to them); where those do not either, numbers, but
/// the current screen's title.
fn render_tabs(model: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let lang = model.ctx.config.ui.lang();
    let weekday = crate::i18n::terms::weekday(model.ctx.now.weekday(), lang);
    let date = format!(" {} {weekday}", model.ctx.now.format("%Y-%m-%d"));
    let labels = |title: &dyn Fn(usize) -> String| -> Vec<String> {
        (0..model.screens.len()).map(|i| format!(" {} {} ", i + 1, title(i))).collect()
    };
    let width = |labels: &[String]| labels.iter().map(|l| Span::raw(l.as_str()).width() + 1).sum::<usize>();
    // Titles in the interface's language; the screens name themselves in
    // English (that is how `[keys]` names them too).
    let title = |i: usize| model.screens[i].tab(lang);
    let short_title = |i: usize| model.screens[i].short_tab(lang);
    let full = labels(&|i| title(i));
    let short = labels(&|i| short_title(i));
    // Titles with the date; short titles give way to it only where they
    // would otherwise be numbers.
    let room = usize::from(area.width).saturating_sub(Span::raw(date.as_str()).width());
    let chosen = if width(&full) <= room {
        full
    } else if width(&short) <= usize::from(area.width) {
        short
    } else {
        labels(&|i| {
            if i == model.current { short_title(i) } else { String::new() }
        })
        .into_iter()
        .map(|l| l.replace("  ", " "))
        .collect()
    };
    let used = width(&chosen);
    let mut spans = Vec::new();
    for (i, label) in chosen.into_iter().enumerate() {
        let style = if i == model.current { theme.selected() } else { Style::new() };
        spans.push(Span::styled(label, style));
        spans.push(Span::raw(" "));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    if used + Span::raw(date.as_str()).width() <= usize::from(area.width) {
        frame
            .render_widget(Paragraph::new(Line::from(Span::styled(date, theme.dim())).right_aligned()), area);
    }
}

fn render_status(model: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let width = usize::from(area.width);
    // Sync's state at the right; the message gets what is left of the line.
    let badge = model.sync.as_ref().filter(|badge| Span::raw(badge.text.as_str()).width() + 2 <= width / 2);
    let room = badge.map_or(width, |badge| width - Span::raw(badge.text.as_str()).width() - 2);
    if let Some(status) = &model.status {
        let style = if status.error { theme.error() } else { theme.ok() };
        let line = parts::fit_line(Line::from(Span::styled(status.text.clone(), style)), room);
        frame.render_widget(Paragraph::new(line), area);
    }
    if let Some(badge) = badge {
        let style = if badge.error { theme.error() } else { theme.dim() };
        let line = Line::from(Span::styled(badge.text.clone(), style)).right_aligned();
        frame.render_widget(Paragraph::new(line), area);
    }
}

/// The footer's key hints, as many whole ones as fit, the help key's last
/// and always there (it lists the rest): none is cut in the middle.
fn render_hints(model: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let keymap = &model.ctx.keymap;
    let help_key = keymap.key_of(Scope::Global, Command::Help);
    let mut hints = keymap.hints_in(model.scopes(), model.ctx.config.ui.lang());
    let help = hints.iter().position(|(key, _)| *key == help_key).map(|at| hints.remove(at));
    let width = |(key, words): &(String, String)| Span::raw(format!("{key} {words}  ")).width();
    let mut room = usize::from(area.width).saturating_sub(help.as_ref().map_or(0, width));
    let mut spans = Vec::new();
    for hint in hints.iter().chain(&help) {
        let needs = width(hint);
        if needs > room && Some(hint) != help.as_ref() {
            continue;
        }
        room = room.saturating_sub(needs);
        spans.push(Span::styled(hint.0.clone(), theme.key()));
        spans.push(Span::styled(format!(" {}  ", hint.1), theme.dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn centered(area: Rect, percent_x: u16, percent_y: u16) -> Rect {
    let width = (area.width * percent_x / 100).max(MIN_WIDTH.min(area.width));
    let height = (area.height * percent_y / 100).max(7.min(area.height));
    Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height }
}

/// Clears the popup's area, and the wide character just left of it whose
/// right half the popup's border covers: a terminal would still paint the
/// whole character over the border (ratatui skips the cell after a wide
/// one when it writes the screen).
fn clear_popup(frame: &mut Frame, popup: Rect) {
    frame.render_widget(Clear, popup);
    let Some(left) = popup.x.checked_sub(1) else { return };
    let buffer = frame.buffer_mut();
    for y in popup.top()..popup.bottom() {
        let cell = &mut buffer[(left, y)];
        if unicode_width::UnicodeWidthStr::width(cell.symbol()) > 1 {
            cell.set_symbol(" ");
        }
    }
}
