//! Popups over the screens: search, help and the forms.

use crate::i18n::Text as _;
use crate::i18n::msg;
use crate::i18n::msg_id;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::parts::{TableRow, bordered, fit_line, focus_mark_of, stage_label, table};
use crate::config::Ui;
use crate::i18n::Lang;
use crate::i18n::shown::ShownTime as _;
use crate::tui::context::Context;
use crate::tui::forms::{FieldId, FieldsForm, Form, LogField, LogForm};
use crate::tui::input::TextInput;
use crate::tui::keymap::{Command, Keymap, Scope};
use crate::tui::model::{FollowUpAction, FollowUpPicker, Model, SearchState};
use crate::tui::theme::Theme;

/// Draws a text input on one line and puts the terminal cursor in it; a
/// suggested value the first key replaces shows selected.
fn input_line(frame: &mut Frame, area: Rect, input: &TextInput, focused: bool, theme: &Theme) {
    let (text, column) = input.visible(usize::from(area.width.saturating_sub(1)));
    let style = if input.is_prefilled() && focused { theme.selected() } else { Style::new() };
    frame.render_widget(Paragraph::new(Span::styled(text.to_string(), style)), area);
    if focused {
        frame.set_cursor_position(Position { x: area.x + column as u16, y: area.y });
    }
}

pub fn search(model: &Model, search: &SearchState, theme: &Theme, frame: &mut Frame, area: Rect) {
    let lang = model.ctx.lang();
    let title = format!(" {} ", msg::SearchTitle.text(lang));
    let block = bordered(&title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [prompt, count, results] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1), Constraint::Min(1)]).areas(inner);
    let [label, field] = Layout::horizontal([Constraint::Length(2), Constraint::Min(1)]).areas(prompt);
    frame.render_widget(Paragraph::new(Span::styled("/", theme.key())), label);
    input_line(frame, field, &search.input, true, theme);
    let book = &model.ctx.book;
    let summary = if search.input.is_empty() {
        msg::SearchAccounts { count: book.search.len() }.text(lang)
    } else {
        msg::SearchMatches { count: search.found.total }.text(lang)
    };
    frame.render_widget(Paragraph::new(Span::styled(summary, theme.dim())), count);
    let height = usize::from(results.height);
    let offset = search.selected.saturating_sub(height.saturating_sub(1));
    let rows: Vec<TableRow> = search
        .found
        .hits
        .iter()
        .skip(offset)
        .take(height)
        .map(|hit| {
            let doc = book.search.doc(hit.index);
            let stage = book.get(hit.id).map(|s| stage_label(s, lang)).unwrap_or_default();
            TableRow::new([
                Line::from(doc.name().to_string()),
                Line::from(doc.company().unwrap_or_default().to_string()),
                Line::from(stage),
                Line::from(focus_mark_of(&model.ctx, theme, hit.id)),
            ])
        })
        .collect();
    let widths = [Constraint::Length(20), Constraint::Fill(1), Constraint::Length(8), Constraint::Length(3)];
    table(frame, results, theme, &[], &widths, rows, search.selected.checked_sub(offset));
}

/// A help column at least this wide; two fit side by side from twice this.
const HELP_COLUMN: u16 = 48;

/// The help's sections for the current screen: a heading, then a line per
/// binding (keys, what they do).
fn help_sections(model: &Model) -> Vec<(String, Vec<(String, String)>)> {
    let keymap = &model.ctx.keymap;
    let lang = model.ctx.config.ui.lang();
    let mut sections: Vec<(String, Vec<(String, String)>)> = Vec::new();
    let mut scope = None;
    for binding in keymap.bindings(model.screen().scopes()).chain(keymap.bindings(&[Scope::Form])) {
        if scope != Some(binding.scope) {
            let title = if binding.scope == Scope::Form {
                msg::HelpInForms.text(lang)
            } else {
                binding.scope.title(lang)
            };
            sections.push((title, Vec::new()));
            scope = Some(binding.scope);
        }
        let keys: Vec<String> = binding.keys.iter().map(|k| k.label()).collect();
        if let Some((_, lines)) = sections.last_mut() {
            lines.push((keys.join(" "), keymap.help_in(binding, lang)));
        }
    }
    sections
}

/// One line of a help column.
#[derive(Clone, Debug, PartialEq, Eq)]
enum HelpLine {
    Blank,
    Heading(String),
    /// Keys (empty on a continued line) and what they do.
    Binding(String, String),
}

/// Splits `text` into pieces at most `width` columns wide (a Chinese
/// character takes two), at spaces where it can and between characters
/// where a word (or a Chinese sentence, which has no spaces) is wider.
fn wrap_words(text: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let width = width.max(2);
    let mut pieces = vec![String::new()];
    for word in text.split(' ') {
        let line = pieces.last_mut().expect("one piece");
        let used = line.width();
        let space = usize::from(!line.is_empty());
        if used + space + word.width() <= width {
            if space == 1 {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if word.width() <= width {
            pieces.push(word.to_string());
            continue;
        }
        // Wider than a line: its characters fill this line and the next.
        if space == 1 && used + 2 < width {
            line.push(' ');
        } else if !line.is_empty() {
            pieces.push(String::new());
        }
        for c in word.chars() {
            let line = pieces.last_mut().expect("one piece");
            if line.width() + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) > width {
                pieces.push(String::new());
            }
            pieces.last_mut().expect("one piece").push(c);
        }
    }
    pieces
}

/// The sections in `columns` of about equal height, whole sections each,
/// a blank line between them; a help too long for its column goes on.
fn help_columns(model: &Model, columns: usize, width: usize) -> (Vec<Vec<HelpLine>>, usize) {
    let sections = help_sections(model);
    let keys_width =
        sections.iter().flat_map(|(_, l)| l).map(|(k, _)| k.chars().count()).max().unwrap_or(0).min(18);
    let room = width.saturating_sub(keys_width + 4).max(12);
    let blocks: Vec<Vec<HelpLine>> = sections
        .into_iter()
        .map(|(title, bindings)| {
            let mut block = vec![HelpLine::Heading(title)];
            for (keys, help) in bindings {
                for (i, piece) in wrap_words(&help, room).into_iter().enumerate() {
                    let keys = if i == 0 { keys.clone() } else { String::new() };
                    block.push(HelpLine::Binding(keys, piece));
                }
            }
            block
        })
        .collect();
    let total: usize = blocks.iter().map(|b| b.len() + 1).sum();
    let per_column = total.div_ceil(columns.max(1));
    let mut out: Vec<Vec<HelpLine>> = vec![Vec::new()];
    for block in blocks {
        let full = out.last().is_some_and(|c| !c.is_empty() && c.len() + block.len() + 1 > per_column);
        if full && out.len() < columns {
            out.push(Vec::new());
        }
        let column = out.last_mut().expect("one column");
        if !column.is_empty() {
            column.push(HelpLine::Blank);
        }
        column.extend(block);
    }
    (out, keys_width)
}

/// The help popup's area on a terminal of this size: all of it, so that no
/// fragment of the screen beneath shows at its sides.
pub fn help_area(area: Rect) -> Rect {
    area
}

/// How the help is laid out in `area`: its columns (two where both get
/// [`HELP_COLUMN`]), the keys' width, and the lines shown (one line is
/// kept for "more below").
fn help_layout(model: &Model, area: Rect) -> (Vec<Vec<HelpLine>>, usize, usize) {
    let inner_width = area.width.saturating_sub(2);
    let columns: u16 = if inner_width >= 2 * HELP_COLUMN + 2 { 2 } else { 1 };
    let column_width = usize::from((inner_width - 2 * (columns - 1)) / columns);
    let (lines, keys_width) = help_columns(model, usize::from(columns), column_width);
    let shown = usize::from(area.height.saturating_sub(3)).max(1);
    (lines, keys_width, shown)
}

/// The furthest the help scrolls: its tallest column less what shows.
pub fn help_max_scroll(model: &Model) -> usize {
    let area = help_area(Rect::new(0, 0, model.ctx.width, model.ctx.height));
    let (columns, _, shown) = help_layout(model, area);
    columns.iter().map(Vec::len).max().unwrap_or(0).saturating_sub(shown)
}

pub fn help(model: &Model, scroll: usize, theme: &Theme, frame: &mut Frame, area: Rect) {
    let keymap = &model.ctx.keymap;
    let close = keymap.key_of(Scope::Help, Command::Back);
    let lang = model.ctx.config.ui.lang();
    let screen = model.screen().tab(lang);
    let title = format!(" {} ", msg::HelpTitle { screen, close }.text(lang));
    let block = bordered(&title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let (columns, keys_width, shown) = help_layout(model, area);
    let [body, more] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    let areas = Layout::horizontal(vec![Constraint::Fill(1); columns.len()]).spacing(2).split(body);
    let max_scroll = columns.iter().map(Vec::len).max().unwrap_or(0).saturating_sub(shown);
    let scroll = scroll.min(max_scroll);
    for (column, area) in columns.iter().zip(areas.iter()) {
        let lines: Vec<Line> = column
            .iter()
            .skip(scroll)
            .take(shown)
            .map(|line| match line {
                HelpLine::Blank => Line::from(""),
                HelpLine::Heading(title) => Line::from(Span::styled(title.clone(), theme.heading())),
                HelpLine::Binding(keys, help) => Line::from(vec![
                    Span::styled(format!("  {keys:<keys_width$}  "), theme.key()),
                    Span::raw(help.clone()),
                ]),
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), *area);
    }
    let down = keymap.key_of(Scope::Help, Command::PageDown);
    let bottom = keymap.key_of(Scope::Help, Command::Bottom);
    let top = keymap.key_of(Scope::Help, Command::Top);
    let note = match (scroll < max_scroll, scroll > 0) {
        (true, _) => msg::HelpMoreBelow { down, bottom }.text(lang),
        (false, true) => msg::HelpTheEnd { top }.text(lang),
        (false, false) => String::new(),
    };
    frame.render_widget(Paragraph::new(Span::styled(note, theme.dim())).right_aligned(), more);
}

/// The account's open follow-ups, one to take: date, kind and note.
pub fn follow_up_picker(
    model: &Model,
    picker: &FollowUpPicker,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let lang = model.ctx.lang();
    let (name, count) = (picker.name.as_str(), picker.follow_ups.len());
    let title = match picker.action {
        FollowUpAction::Done => msg::PickerTitleDone { name, count }.text(lang),
        FollowUpAction::Skip => msg::PickerTitleSkip { name, count }.text(lang),
        FollowUpAction::Snooze => msg::PickerTitleSnooze { name, count }.text(lang),
    };
    let title = format!(" {title} ");
    let block = bordered(&title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [list, keys] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    let today = model.ctx.today();
    let ui = &model.ctx.config.ui;
    let rows: Vec<TableRow> = picker
        .follow_ups
        .iter()
        .map(|f| {
            let overdue = f.days_overdue(today);
            let when = match overdue {
                1.. => msg::PickerOverdue { due: ui.due(f), days: overdue }.text(lang),
                0 => msg::PickerToday { due: ui.due(f) }.text(lang),
                _ => ui.due(f),
            };
            let what = if f.note.is_empty() {
                crate::i18n::terms::follow_up_reason(f.reason, lang)
            } else {
                f.note.clone()
            };
            TableRow::new([format!("#{}", f.id), when, crate::i18n::terms::kind(f.kind, lang), what])
        })
        .collect();
    let widths = [Constraint::Length(7), Constraint::Length(30), Constraint::Length(8), Constraint::Fill(1)];
    table(frame, list, theme, &[], &widths, rows, Some(picker.selected));
    let keymap = &model.ctx.keymap;
    let spans: Vec<Span> = [
        (Command::Open, msg::PickerTake.text(lang)),
        (Command::Down, msg::PickerNext.text(lang)),
        (Command::Back, msg::PickerCancel.text(lang)),
    ]
    .into_iter()
    .flat_map(|(command, words)| {
        [Span::styled(keymap.key_of(Scope::Picker, command), theme.key()), Span::raw(format!(" {words}   "))]
    })
    .collect();
    frame.render_widget(Paragraph::new(Line::from(spans)), keys);
}

/// The picks of a keymap scope, as `[key] label` spans, the chosen marked.
fn scope_picks(
    keymap: &Keymap,
    scope: Scope,
    offered: impl Fn(Command) -> bool,
    chosen: impl Fn(Command) -> bool,
    theme: &Theme,
    lang: Lang,
) -> Vec<Span<'static>> {
    let scopes = [scope];
    let items = keymap.bindings(&scopes).filter(|b| offered(b.command)).map(|b| {
        (b.keys.first().map(|k| k.label()).unwrap_or_default(), keymap.help_in(b, lang), chosen(b.command))
    });
    picks(items, theme)
}

fn picks(items: impl Iterator<Item = (String, String, bool)>, theme: &Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (key, label, chosen) in items {
        spans.push(Span::styled(format!("[{key}]"), theme.key()));
        let style = if chosen { theme.selected() } else { Style::new() };
        spans.push(Span::styled(format!(" {label}"), style));
        spans.push(Span::raw("  "));
    }
    spans
}

/// A labelled row of picks, wrapped under its label to fit `width`.
fn pick_row(label: Span<'static>, picks: Vec<Span<'static>>, width: usize) -> Vec<Line<'static>> {
    let indent = label.width();
    let mut lines = Vec::new();
    let mut line = vec![label];
    let mut used = indent;
    // Each pick is three spans: key, label, gap.
    for pick in picks.chunks(3) {
        let pick_width: usize = pick.iter().map(Span::width).sum();
        if used + pick_width > width && used > indent {
            lines.push(Line::from(std::mem::take(&mut line)));
            line.push(Span::raw(" ".repeat(indent)));
            used = indent;
        }
        line.extend(pick.iter().cloned());
        used += pick_width;
    }
    lines.push(Line::from(line));
    lines
}

pub fn form(model: &Model, form: &Form, theme: &Theme, frame: &mut Frame, area: Rect) {
    match form {
        Form::Log(log) => log_form(&model.ctx, log, theme, frame, area),
        Form::Fields(fields) => fields_form(&model.ctx, fields, theme, frame, area),
    }
}

/// "Enter save   Esc cancel": keys of the form scope, from the keymap.
fn form_keys(keymap: &Keymap, commands: &[(Command, String)], theme: &Theme) -> Line<'static> {
    let mut spans = Vec::new();
    for (i, (command, words)) in commands.iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw("   "));
        }
        spans.push(Span::styled(keymap.key_of(Scope::Form, *command), theme.key()));
        spans.push(Span::raw(format!(" {words}")));
    }
    Line::from(spans)
}

fn row_label(label: &str, focused: bool, theme: &Theme) -> Span<'static> {
    // Wide enough for the longest label ("Referred by") and a space.
    row_label_in(label, focused, theme, LABEL_COLUMNS)
}

/// Columns a form's labels take at least, before the marker and its space.
const LABEL_COLUMNS: usize = 12;

/// A label padded by screen columns to `columns`, so Chinese labels line
/// up too.
fn row_label_in(label: &str, focused: bool, theme: &Theme, columns: usize) -> Span<'static> {
    let marker = if focused { ">" } else { " " };
    let pad = " ".repeat(columns.saturating_sub(Span::raw(label).width()));
    Span::styled(format!("{marker} {label}{pad}"), if focused { theme.title() } else { theme.dim() })
}

fn log_form(ctx: &Context, form: &LogForm, theme: &Theme, frame: &mut Frame, area: Rect) {
    let keymap = &ctx.keymap;
    let lang = ctx.config.ui.lang();
    let kind_words = crate::i18n::terms::kind(form.kind, lang);
    let mut args = vec![("kind", kind_words.into()), ("name", form.account_name.clone().into())];
    let title_id = match (&form.purpose_words, form.inbound) {
        (_, true) => msg_id!("log-title-inbound"),
        (Some(words), false) => {
            args.push(("purpose", words.clone().into()));
            msg_id!("log-title-purpose")
        }
        (None, false) => msg_id!("log-title"),
    };
    let title = format!(" {} ", lang.text_with(title_id, &args));
    let block = bordered(&title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let mut lines: Vec<Line> = Vec::new();
    if let Some(warning) = &form.warning {
        lines.push(Line::from(Span::styled(
            msg::FormCareful { warning: warning.as_str() }.text(lang),
            theme.overdue(),
        )));
    }
    if form.choose_kind {
        let kinds = scope_picks(
            keymap,
            Scope::OtherKinds,
            |_| true,
            |c| c == Command::PickKind(form.kind),
            theme,
            ctx.config.ui.lang(),
        );
        lines.extend(pick_row(
            row_label(&msg::LogKind.text(lang), form.focus == LogField::Kind, theme),
            kinds,
            width,
        ));
    }
    let fits = |c| matches!(c, Command::PickOutcome(o) if o.fits(form.kind));
    let chosen = |c| matches!(c, Command::PickOutcome(o) if form.outcome == Some(o));
    let outcomes = scope_picks(keymap, Scope::Outcomes, fits, chosen, theme, ctx.config.ui.lang());
    lines.extend(pick_row(
        row_label(&msg::LogOutcome.text(lang), form.focus == LogField::Outcome, theme),
        outcomes,
        width,
    ));
    let picks_height = lines.len() as u16;
    // The next step's day: typed, or picked with Alt+digit; the day it
    // means is said beside it.
    let steps = scope_picks(keymap, Scope::NextSteps, |_| true, |_| false, theme, ctx.config.ui.lang());
    let step_lines = pick_row(Span::raw(" ".repeat(14)), steps, width);
    let mut text_rows = vec![(LogField::Next, msg::LogNext.text(lang), &form.next)];
    if form.outcome == Some(crate::domain::Outcome::Won) {
        text_rows.push((LogField::Amount, msg::LogAmount.text(lang), &form.amount));
    }
    if form.outcome == Some(crate::domain::Outcome::Declined) {
        text_rows.push((LogField::LostTo, msg::LogLostTo.text(lang), &form.lost_to));
    }
    text_rows.extend([
        (LogField::Note, msg::LogNote.text(lang), &form.note),
        (LogField::Lesson, msg::LogLesson.text(lang), &form.lesson),
        (LogField::When, msg::LogWhen.text(lang), &form.when),
    ]);
    let mut constraints = vec![Constraint::Length(picks_height + 1), Constraint::Length(1)];
    constraints.push(Constraint::Length(step_lines.len() as u16));
    constraints.extend(text_rows[1..].iter().map(|_| Constraint::Length(1)));
    constraints.push(Constraint::Min(1));
    let areas = Layout::vertical(constraints).split(inner);
    frame.render_widget(Paragraph::new(lines), areas[0]);
    frame.render_widget(Paragraph::new(step_lines), areas[2]);
    let row_areas = std::iter::once(areas[1]).chain(areas[3..areas.len() - 1].iter().copied());
    for (row, (field, label_text, input)) in row_areas.zip(&text_rows) {
        let [label, area] = Layout::horizontal([Constraint::Length(14), Constraint::Min(1)]).areas(row);
        let focused = form.focus == *field;
        frame.render_widget(Paragraph::new(row_label(label_text, focused, theme)), label);
        let hint = match field {
            LogField::Lesson => Some(msg::LogLessonHint.text(lang)),
            LogField::Next => Some(msg::LogNextHint.text(lang)),
            LogField::Amount => Some(msg::LogAmountHint.text(lang)),
            LogField::LostTo => Some(msg::LogLostToHint.text(lang)),
            _ => None,
        };
        match hint {
            // An empty field says what it takes, also while being typed in.
            Some(hint) if input.is_empty() => {
                frame.render_widget(Paragraph::new(Span::styled(hint, theme.dim())), area);
                if focused {
                    frame.set_cursor_position(Position { x: area.x, y: area.y });
                }
            }
            _ if *field == LogField::Next && !input.is_empty() => {
                let preview = match form.next_day(ctx.now) {
                    Some(Ok(when)) => {
                        Span::styled(format!("  {}", day_words(when, &ctx.config.ui)), theme.dim())
                    }
                    Some(Err(error)) => Span::styled(format!("  {error}"), theme.error()),
                    None => Span::raw(""),
                };
                let typed = unicode_width::UnicodeWidthStr::width(input.text()) as u16 + 2;
                let [text, beside] =
                    Layout::horizontal([Constraint::Length(typed.min(area.width)), Constraint::Min(0)])
                        .areas(area);
                input_line(frame, text, input, focused, theme);
                frame.render_widget(Paragraph::new(preview), beside);
            }
            _ => input_line(frame, area, input, focused, theme),
        }
    }
    let help = areas[areas.len() - 1];
    let next_field = keymap.key_of(Scope::Form, Command::NextField);
    let toggle = keymap.key_of(Scope::Form, Command::ToggleDirection);
    let mut help_text = Vec::new();
    if let Some(error) = form.when_error(ctx.now) {
        help_text
            .push(Line::from(Span::styled(format!("{}: {error}", msg::LogWhen.text(lang)), theme.error())));
    }
    let picks = if form.choose_kind { msg_id!("log-guide-picks-kind") } else { msg_id!("log-guide-picks") };
    help_text.extend([
        Line::from(Span::styled(msg::LogGuide { next: next_field }.text(lang), theme.dim())),
        Line::from(Span::styled(lang.text_with(picks, &[("toggle", toggle.into())]), theme.dim())),
        form_keys(
            keymap,
            &[(Command::Save, msg::FormSave.text(lang)), (Command::Cancel, msg::FormCancel.text(lang))],
            theme,
        ),
    ]);
    frame.render_widget(Paragraph::new(help_text).wrap(Wrap { trim: true }), help);
}

/// A day as a rep reads it beside the field: "Wed 12-02 15:00".
fn day_words(when: crate::clock::When, ui: &Ui) -> String {
    use chrono::Datelike;
    let lang = ui.lang();
    let weekday = crate::i18n::terms::weekday(when.date.weekday(), lang);
    let time = when.time.map(|t| format!(" {}", ui.time(t))).unwrap_or_default();
    format!("{weekday} {}{time}", when.date.format("%m-%d"))
}

fn fields_form(ctx: &Context, form: &FieldsForm, theme: &Theme, frame: &mut Frame, area: Rect) {
    let lang = ctx.config.ui.lang();
    let title = format!(" {} ", form.title());
    let block = bordered(&title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut constraints: Vec<Constraint> = form.fields.iter().map(|_| Constraint::Length(1)).collect();
    // The kind's picks, wrapped under their label to the popup's width.
    let kind_rows = form.kind.map(|kind| {
        let label = Span::styled(format!("  {}", msg::FormKindPicks.text(lang)), theme.dim());
        let chosen = |c| c == Command::PickFollowUpKind(kind);
        let picks = scope_picks(&ctx.keymap, Scope::FollowUpKinds, |_| true, chosen, theme, lang);
        pick_row(label, picks, usize::from(inner.width))
    });
    if let Some(rows) = &kind_rows {
        constraints.push(Constraint::Length(rows.len() as u16));
    }
    constraints.push(Constraint::Length(1));
    constraints.push(Constraint::Length(2));
    constraints.push(Constraint::Min(1));
    let areas = Layout::vertical(constraints).split(inner);
    let errors = form.shown_errors(ctx.now);
    // A label wider than most (能提供的价值) widens the column for all.
    let columns = form
        .fields
        .iter()
        .map(|f| Span::raw(f.label_in(lang)).width() + 1)
        .max()
        .unwrap_or(0)
        .max(LABEL_COLUMNS);
    for (i, field) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        let [label, input, note] = Layout::horizontal([
            Constraint::Length(columns as u16 + 2),
            Constraint::Percentage(45),
            Constraint::Fill(1),
        ])
        .areas(areas[i]);
        frame.render_widget(
            Paragraph::new(row_label_in(&field.label_in(lang), focused, theme, columns)),
            label,
        );
        input_line(frame, input, &field.input, focused, theme);
        // A day as typed shows the day it means, as the rep types it.
        let meant = matches!(field.id, FieldId::When | FieldId::Until | FieldId::Date | FieldId::Moment)
            .then(|| field.input.text().trim())
            .filter(|text| !text.is_empty())
            .and_then(|text| crate::clock::parse_when_in(text, ctx.now, form.dates).ok());
        let remark = if errors.iter().any(|(at, _)| *at == i) {
            Span::styled(msg::FormFixThis.text(lang), theme.error())
        } else if let Some(when) = meant {
            Span::styled(format!("= {}", day_words(when, &ctx.config.ui)), theme.ok())
        } else {
            Span::styled(field.hint_in(lang), theme.dim())
        };
        // A hint too long for the room left ends in an ellipsis.
        frame.render_widget(Paragraph::new(fit_line(Line::from(remark), usize::from(note.width))), note);
    }
    let mut next = form.fields.len();
    if let Some(rows) = kind_rows {
        frame.render_widget(Paragraph::new(rows), areas[next]);
        next += 1;
    }
    // The focused field's problem in full, else the first one.
    let problem = errors.iter().find(|(at, _)| *at == form.focus).or(errors.first());
    if let Some((at, error)) = problem {
        let args = msg::FormError { field: form.fields[*at].label_in(lang), error: error.as_str() };
        let text = args.text(lang);
        frame.render_widget(
            Paragraph::new(Span::styled(text, theme.error())).wrap(Wrap { trim: true }),
            areas[next + 1],
        );
    }
    let help = form_keys(
        &ctx.keymap,
        &[
            (Command::Save, msg::FormSaveValid.text(lang)),
            (Command::NextField, msg::FormNextField.text(lang)),
            (Command::Cancel, msg::FormCancel.text(lang)),
        ],
        theme,
    );
    // Too long for one line, the keys wrap between words, never cut one.
    frame.render_widget(Paragraph::new(help).wrap(Wrap { trim: true }), areas[next + 2]);
}
