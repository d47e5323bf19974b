//! `update`: the only code that changes the model. Pure: it never does I/O
//! and never reads the clock (the time comes in as `Msg::Tick`); what must
//! happen outside comes back as effects. Screen-specific keys go to the
//! screen; what every screen shares (overlays, forms, the account keys)
//! is here.

use crate::i18n::Text as _;
use crate::i18n::msg;
use crate::i18n::msg_id;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::context::Book;
use super::forms::{FieldsForm, Form, LogField, LogForm, Submission};
use super::input::TextInput;
use super::keymap::{Command, Scope};
use super::model::{Account, FollowUpAction, FollowUpPicker, Model, Overlay, Question, SearchState, Status};
use super::msg::{Change, Effect, Msg, Refresh, Then};
use super::screens::Reply;
use super::screens::account::Entry;
use super::screens::today::Today;
use crate::app::{AccountDetail, TouchInput, sms_restraint};
use crate::domain::phone;
use crate::domain::{AccountId, FollowUp, Grade, Outcome, Stage, TouchKind};
use crate::search::Query;

/// Hits shown by the search overlay.
pub const SEARCH_HITS: usize = 50;

pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(key) if key.kind != KeyEventKind::Release => on_key(model, key),
        Msg::Key(_) => Vec::new(),
        Msg::Tick(now) => {
            let new_day = now.date() != model.ctx.today();
            model.ctx.now = now;
            if new_day && !model.loading {
                // Today's list, the cadences, the 80/20 window and the
                // review of "today" all depend on the date; the new day
                // has no kept plan until its first change.
                model.ctx.book.kept.clear();
                model.refresh();
                return current_load(model).into_iter().collect();
            }
            Vec::new()
        }
        Msg::Resize { width, height } => {
            model.ctx.width = width;
            model.ctx.height = height;
            model.fit();
            Vec::new()
        }
        Msg::Loaded(book) => {
            model.ctx.book = Book::new(book);
            model.loading = false;
            model.refresh();
            Vec::new()
        }
        Msg::AccountLoaded { detail, then } => {
            match then {
                Then::Show => show_account(model, *detail),
                Then::Edit => open_edit_form(model, &detail),
                Then::EditPhone => {
                    open_edit_form(model, &detail);
                    if let Some(Overlay::Form(Form::Fields(form))) = &mut model.overlay {
                        form.focus_on(crate::tui::forms::FieldId::Phones);
                    }
                }
            }
            Vec::new()
        }
        Msg::Saved(saved) => {
            let Refresh { summaries, removed, search, incentives, kept } = saved.refresh;
            let book = &mut model.ctx.book;
            book.apply(summaries);
            book.remove(&removed);
            if let Some(kept) = kept {
                book.kept = kept;
            }
            if let Some(search) = search {
                book.search = search;
            }
            if let Some(incentives) = incentives {
                book.incentives = incentives;
            }
            if model.open_account().is_some_and(|id| removed.contains(&id)) {
                model.get_mut::<Account>().open = None;
                if model.is_on::<Account>() {
                    model.current = model.index_of::<Today>();
                }
            }
            model.refresh();
            if let Some(detail) = saved.detail {
                model.get_mut::<Account>().reload(detail);
            }
            if matches!(model.overlay, Some(Overlay::Form(_))) {
                model.overlay = None;
            }
            model.status = Some(Status { text: saved.message, error: false });
            let mut effects: Vec<Effect> =
                saved.open.map(|id| Effect::LoadAccount { id, then: Then::Show }).into_iter().collect();
            effects.extend(saved.edit_phone.map(|id| Effect::LoadAccount { id, then: Then::EditPhone }));
            effects.extend(current_load(model));
            effects
        }
        Msg::ScreenLoaded { screen, data } => {
            if let Some(target) = model.screens.get_mut(screen) {
                target.loaded(data, &model.ctx);
            }
            Vec::new()
        }
        Msg::Failed(text) => {
            model.status = Some(Status { text, error: true });
            Vec::new()
        }
    }
}

fn info(model: &mut Model, text: &str) {
    model.status = Some(Status { text: text.to_string(), error: false });
}

fn show_account(model: &mut Model, detail: AccountDetail) {
    model.overlay = None;
    model.get_mut::<Account>().show(detail);
    model.current = model.index_of::<Account>();
}

fn open_edit_form(model: &mut Model, detail: &AccountDetail) {
    let form = FieldsForm::edit_account(&detail.record.account).for_rep(&model.ctx.config);
    model.overlay = Some(Overlay::Form(Form::Fields(form)));
}

fn on_key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    // A message stays until the next key; errors inside a form stay until
    // the form is fixed or closed.
    if !matches!(model.overlay, Some(Overlay::Form(_))) {
        model.status = None;
    }
    let command = model.ctx.keymap.resolve(model.scopes(), &key);
    if let Some(question) = model.question.take() {
        match (command, question) {
            (Some(Command::Confirm), Question::DiscardForm) => {
                model.overlay = None;
                info(model, &msg::InfoDiscarded.text(model.ctx.lang()));
            }
            (Some(Command::Confirm), Question::Remove(removal, _)) => {
                return vec![write(model, Change::Remove(removal))];
            }
            (Some(Command::Confirm), Question::Deliver(referral, _)) => {
                return vec![write(model, Change::DeliverIncentive(referral))];
            }
            (Some(answer @ (Command::Confirm | Command::Deny)), Question::LowerGrade(input, ..)) => {
                let lower_grade = answer == Command::Confirm;
                return vec![write(model, Change::LogTouch(TouchInput { lower_grade, ..input }))];
            }

            (Some(Command::Deny), _) => {}
            (_, question) => model.question = Some(question),
        }
        return Vec::new();
    }
    match model.overlay.take() {
        Some(Overlay::Form(form)) => on_form_key(model, form, command, &key),
        Some(Overlay::Search(search)) => on_search_key(model, search, command, &key),
        Some(Overlay::PickFollowUp(picker)) => on_picker_key(model, picker, command),
        Some(Overlay::Help { scroll }) => {
            model.overlay = match command {
                Some(Command::Back) => None,
                Some(motion) => Some(Overlay::Help { scroll: scroll_help(scroll, motion, model) }),
                None => Some(Overlay::Help { scroll }),
            };
            Vec::new()
        }
        None => match command {
            Some(command) => on_command(model, command),
            None => Vec::new(),
        },
    }
}

fn scroll_help(scroll: usize, motion: Command, model: &Model) -> usize {
    let page = usize::from(model.ctx.height).saturating_sub(6).max(1);
    let max = super::views::help_max_scroll(model);
    match motion {
        Command::Down => scroll + 1,
        Command::Up => scroll.saturating_sub(1),
        Command::PageDown => scroll + page,
        Command::PageUp => scroll.saturating_sub(page),
        Command::Top => 0,
        Command::Bottom => max,
        _ => scroll,
    }
    .min(max)
}

fn on_form_key(model: &mut Model, mut form: Form, command: Option<Command>, key: &KeyEvent) -> Vec<Effect> {
    let mut effects = Vec::new();
    match command {
        Some(Command::Save) => match submit(model, &form) {
            // Declined: lower the grade too? One key, then the one change.
            Ok(Change::LogTouch(input)) if asks_to_lower(&form) => {
                let (name, grade) = match &form {
                    Form::Log(log) => (log.account_name.clone(), log.lowers_to.unwrap_or(Grade::D)),
                    Form::Fields(_) => unreachable!("only the log form asks"),
                };
                model.question = Some(Question::LowerGrade(input, name, grade));
            }
            Ok(change) => effects.push(write(model, change)),
            Err(problem) => {
                if let Form::Fields(fields) = &mut form {
                    fields.save_tried();
                }
                model.status = Some(Status { text: problem, error: true })
            }
        },
        // Esc on a won sale's amount: the call is saved, the sale is not.
        Some(Command::Cancel) if matches!(&form, Form::Log(log) if log.focus == LogField::Amount) => {
            if let Form::Log(log) = &form {
                match log.without_amount(model.ctx.now) {
                    Ok(input) => effects.push(write(model, Change::LogTouch(input))),
                    Err(problem) => model.status = Some(Status { text: problem, error: true }),
                }
            }
        }
        Some(Command::Cancel) => {
            if form.is_dirty() {
                model.question = Some(Question::DiscardForm);
            } else {
                return Vec::new();
            }
        }
        Some(Command::NextField) => move_focus(&mut form, 1),
        Some(Command::PreviousField) => move_focus(&mut form, -1),
        Some(Command::ToggleDirection) => {
            if let Form::Log(log) = &mut form {
                log.inbound = !log.inbound;
            }
        }
        Some(edit @ (Command::ClearField | Command::DeleteWord)) => {
            if let Some(input) = focused_text(&mut form) {
                if edit == Command::ClearField { input.clear_to_start() } else { input.delete_word() }
            }
        }
        _ => type_in_form(model, &mut form, key),
    }
    model.overlay = Some(Overlay::Form(form));
    effects
}

/// A declined prospect whose grade can go lower: the form asks first.
fn asks_to_lower(form: &Form) -> bool {
    matches!(form, Form::Log(log) if log.outcome == Some(Outcome::Declined) && log.lowers_to.is_some())
}

fn write(model: &Model, change: Change) -> Effect {
    Effect::Write { change: Box::new(change), open: model.open_account() }
}

fn submit(model: &Model, form: &Form) -> Result<Change, String> {
    match form {
        Form::Log(log) => Ok(Change::LogTouch(log.to_input(model.ctx.now)?)),
        Form::Fields(fields) => Ok(match fields.submit(model.ctx.now)? {
            Submission::AddAccount(input, referred) => Change::AddAccount(input, referred, true),
            Submission::AddReferral(input, referred) => Change::AddAccount(input, Some(referred), false),
            Submission::Triage(to) => Change::Triage(to),
            Submission::EditAccount(id, input) => Change::EditAccount(id, input),
            Submission::Order(input) => Change::RecordOrder(input),
            Submission::FollowUp(input) => Change::ScheduleFollowUp(input),
            Submission::Snooze(id, to) => Change::SnoozeFollowUp(id, to),
            Submission::Reflect(date, text) => Change::Reflect(date, text),
            Submission::Archive(account, reason, lost_to) => Change::Archive(account, reason, lost_to),
            Submission::CompetitorNote(account, position, input) => {
                Change::CompetitorNote(account, position, input)
            }
            Submission::CorrectTouch(id, change) => Change::CorrectTouch(id, change),
            Submission::CorrectOrder(id, change) => Change::CorrectOrder(id, change),
            Submission::CorrectFollowUp(id, change) => Change::CorrectFollowUp(id, change),
        }),
    }
}

/// The text field with the focus; none on a row of picks.
fn focused_text(form: &mut Form) -> Option<&mut TextInput> {
    match form {
        Form::Log(log) => match log.focus {
            LogField::Note => Some(&mut log.note),
            LogField::Lesson => Some(&mut log.lesson),
            LogField::When => Some(&mut log.when),
            LogField::Next => Some(&mut log.next),
            LogField::Amount => Some(&mut log.amount),
            LogField::LostTo => Some(&mut log.lost_to),
            LogField::Kind | LogField::Outcome => None,
        },
        Form::Fields(fields) => Some(fields.focused()),
    }
}

fn move_focus(form: &mut Form, delta: isize) {
    match form {
        Form::Log(log) => {
            let fields = log.fields();
            let at = fields.iter().position(|f| *f == log.focus).unwrap_or(0) as isize;
            log.focus = fields[(at + delta).rem_euclid(fields.len() as isize) as usize];
        }
        Form::Fields(fields) => {
            let len = fields.fields.len() as isize;
            fields.focus = (fields.focus as isize + delta).rem_euclid(len) as usize;
        }
    }
}

/// A key typed in a form: into the focused text, or a pick (from the
/// keymap's pick scopes) in a pick row, or with Alt from the note.
fn type_in_form(model: &Model, form: &mut Form, key: &KeyEvent) {
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    let plain = KeyEvent::new(key.code, key.modifiers - KeyModifiers::ALT);
    let pick = |scopes: &[Scope]| model.ctx.keymap.resolve(scopes, &plain);
    match form {
        Form::Log(log) => {
            // From a text field, Alt+key picks: the outcome, the next step,
            // and in the `l` form the kind.
            let from_text: &[Scope] = if log.choose_kind {
                &[Scope::Outcomes, Scope::NextSteps, Scope::OtherKinds]
            } else {
                &[Scope::Outcomes, Scope::NextSteps]
            };
            let scopes: &[Scope] = match log.focus {
                LogField::Note
                | LogField::Lesson
                | LogField::When
                | LogField::Next
                | LogField::Amount
                | LogField::LostTo
                    if alt =>
                {
                    from_text
                }
                LogField::Note => {
                    log.note.handle(key);
                    return;
                }
                LogField::Lesson => {
                    log.lesson.handle(key);
                    return;
                }
                LogField::When => {
                    log.when.handle(key);
                    return;
                }
                LogField::Next => {
                    if log.next.handle(key) {
                        log.next_chosen = true;
                    }
                    return;
                }
                LogField::Amount => {
                    log.amount.handle(key);
                    return;
                }
                LogField::LostTo => {
                    log.lost_to.handle(key);
                    return;
                }
                // Backspace on the outcome row takes the outcome back.
                LogField::Outcome if key.code == KeyCode::Backspace => {
                    log.set_outcome(None);
                    return;
                }
                LogField::Kind => &[Scope::OtherKinds],
                LogField::Outcome => &[Scope::Outcomes],
            };
            if let Some(command) = pick(scopes) {
                log.apply(command);
            }
        }
        Form::Fields(fields) => match key.code {
            KeyCode::Char(_) if alt && fields.kind.is_some() => {
                if let Some(Command::PickFollowUpKind(kind)) = pick(&[Scope::FollowUpKinds]) {
                    fields.kind = Some(kind);
                }
            }
            _ => {
                fields.focused().handle(key);
            }
        },
    }
}

fn on_search_key(
    model: &mut Model,
    mut search: SearchState,
    command: Option<Command>,
    key: &KeyEvent,
) -> Vec<Effect> {
    match command {
        Some(Command::Back) => return Vec::new(),
        Some(Command::Open) => {
            return match search.found.hits.get(search.selected) {
                Some(hit) => {
                    let id = hit.id;
                    vec![Effect::LoadAccount { id, then: Then::Show }]
                }
                None => {
                    model.overlay = Some(Overlay::Search(search));
                    Vec::new()
                }
            };
        }
        Some(Command::Down) => {
            search.selected = (search.selected + 1).min(search.found.hits.len().saturating_sub(1))
        }
        Some(Command::Up) => search.selected = search.selected.saturating_sub(1),
        _ => {
            if search.input.handle(key) {
                run_search(model, &mut search);
            }
        }
    }
    model.overlay = Some(Overlay::Search(search));
    Vec::new()
}

/// Searches as the rep types; a query that extends the last one searches
/// only the accounts the last one could match.
pub fn run_search(model: &Model, search: &mut SearchState) {
    let query_text =
        phone::search_text(&search.input.text().to_lowercase(), model.ctx.config.contacts.region())
            .into_owned();
    let narrowing = !search.query.is_empty() && query_text.starts_with(&search.query);
    let within = narrowing.then_some(search.found.candidates.as_slice());
    search.found = model.ctx.book.search.search_within(&Query::parse(&query_text), within, SEARCH_HITS);
    search.query = query_text;
    search.selected = 0;
}

/// What the current screen loads from the store (when shown, or after a
/// change made while it is shown).
fn current_load(model: &Model) -> Option<Effect> {
    model.screen().load(&model.ctx).map(|load| Effect::LoadScreen { screen: model.current, load })
}

fn switch_screen(model: &mut Model, index: usize) -> Vec<Effect> {
    let Some(screen) = model.screens.get_mut(index) else { return Vec::new() };
    if !screen.available() {
        info(model, &msg::InfoNoAccount.text(model.ctx.lang()));
        return Vec::new();
    }
    screen.shown(&model.ctx);
    model.current = index;
    current_load(model).into_iter().collect()
}

fn cycle_screen(model: &mut Model, delta: isize) -> Vec<Effect> {
    let available: Vec<usize> = (0..model.screens.len()).filter(|i| model.screens[*i].available()).collect();
    let at = available.iter().position(|i| *i == model.current).unwrap_or(0) as isize;
    let next = available[(at + delta).rem_euclid(available.len() as isize) as usize];
    switch_screen(model, next)
}

/// The follow-ups the done and snooze keys may act on: the selected row's
/// on Today, the selected timeline entry's on Account, else the account's
/// pending ones, earliest first.
fn target_follow_ups(model: &Model, account: AccountId) -> Vec<FollowUp> {
    let pending = model.ctx.book.get(account).map(|s| s.pending.as_slice()).unwrap_or_default();
    let chosen = if model.is_on::<Today>() {
        model.get::<Today>().selected_follow_up(&model.ctx)
    } else if model.is_on::<Account>() {
        model.get::<Account>().open.as_ref().and_then(|view| match view.selected_entry() {
            Some(Entry::FollowUp(f)) => Some(f.id),
            _ => None,
        })
    } else {
        None
    };
    match chosen {
        Some(id) => pending.iter().filter(|f| f.id == id).cloned().collect(),
        None => pending.to_vec(),
    }
}

/// Marks done or snoozes one follow-up; with several, asks which.
fn act_on_follow_up(model: &mut Model, account: AccountId, action: FollowUpAction) -> Vec<Effect> {
    let name = model.ctx.account_name(account);
    let mut follow_ups = target_follow_ups(model, account);
    match follow_ups.len() {
        0 => {
            let id = match action {
                FollowUpAction::Done | FollowUpAction::Skip => msg_id!("info-no-follow-up"),
                FollowUpAction::Snooze => msg_id!("info-nothing-to-snooze"),
            };
            let text = model.ctx.lang().text_with(id, &[("name", name.as_str().into())]);
            info(model, &text);
            Vec::new()
        }
        1 => take_follow_up(model, &name, action, follow_ups.remove(0)),
        _ => {
            let picker = FollowUpPicker { account, name, action, follow_ups, selected: 0 };
            model.overlay = Some(Overlay::PickFollowUp(picker));
            Vec::new()
        }
    }
}

fn take_follow_up(model: &mut Model, name: &str, action: FollowUpAction, follow_up: FollowUp) -> Vec<Effect> {
    match action {
        FollowUpAction::Done => vec![write(model, Change::CompleteFollowUp(follow_up.id))],
        FollowUpAction::Skip => vec![write(model, Change::SkipFollowUp(follow_up.id))],
        FollowUpAction::Snooze => {
            let day = model.ctx.config.plan.snooze_day(follow_up.due, model.ctx.today());
            let form =
                FieldsForm::snooze(&follow_up, name, day, &model.ctx.config.ui).for_rep(&model.ctx.config);
            model.overlay = Some(Overlay::Form(Form::Fields(form)));
            Vec::new()
        }
    }
}

fn on_picker_key(model: &mut Model, mut picker: FollowUpPicker, command: Option<Command>) -> Vec<Effect> {
    match command {
        Some(Command::Back) => return Vec::new(),
        Some(Command::Open) => {
            let follow_up = picker.follow_ups.swap_remove(picker.selected);
            return take_follow_up(model, &picker.name, picker.action, follow_up);
        }
        Some(Command::Down) => picker.selected = (picker.selected + 1).min(picker.follow_ups.len() - 1),
        Some(Command::Up) => picker.selected = picker.selected.saturating_sub(1),
        _ => {}
    }
    model.overlay = Some(Overlay::PickFollowUp(picker));
    Vec::new()
}

fn on_command(model: &mut Model, command: Command) -> Vec<Effect> {
    use Command as C;
    let index = model.current;
    let (screen, ctx) = (&mut model.screens[index], &model.ctx);
    match screen.command(command, ctx) {
        Some(Reply::Effects(effects)) => return effects,
        Some(Reply::Write(change)) => return vec![write(model, *change)],
        Some(Reply::Load(load)) => return vec![Effect::LoadScreen { screen: index, load }],
        Some(Reply::Say(text)) => {
            info(model, &text);
            return Vec::new();
        }
        Some(Reply::Form(form)) => {
            model.overlay = Some(Overlay::Form(form));
            return Vec::new();
        }
        Some(Reply::Ask(question)) => {
            model.question = Some(question);
            return Vec::new();
        }
        None => {}
    }
    match command {
        C::Quit => model.running = false,
        C::Help => model.overlay = Some(Overlay::Help { scroll: 0 }),
        C::Search => {
            let mut search = SearchState::default();
            run_search(model, &mut search);
            model.overlay = Some(Overlay::Search(search));
        }
        C::NextScreen => return cycle_screen(model, 1),
        C::PreviousScreen => return cycle_screen(model, -1),
        C::ShowScreen(index) => return switch_screen(model, index),
        C::Down | C::Up | C::Top | C::Bottom | C::PageDown | C::PageUp => {
            model.screens[index].motion(command, &model.ctx)
        }
        C::Back => model.current = model.index_of::<Today>(),
        C::AddAccount => {
            model.overlay =
                Some(Overlay::Form(Form::Fields(FieldsForm::add_account(None).for_rep(&model.ctx.config))))
        }
        C::Undo => return vec![write(model, Change::Undo)],
        C::Open
        | C::EditAccount
        | C::LogCall
        | C::LogSms
        | C::LogVisit
        | C::LogOther
        | C::RecordOrder
        | C::ScheduleFollowUp
        | C::MarkDone
        | C::SkipFollowUp
        | C::ArchiveAccount
        | C::Snooze
        | C::RaiseGrade
        | C::LowerGrade
        | C::AddReferral => {
            let Some(account) = model.selected_account() else {
                info(model, &msg::InfoSelectFirst.text(model.ctx.lang()));
                return Vec::new();
            };
            return on_account_command(model, command, account);
        }
        _ => {}
    }
    Vec::new()
}

fn on_account_command(model: &mut Model, command: Command, account: AccountId) -> Vec<Effect> {
    use Command as C;
    let name = model.ctx.account_name(account);
    let log = |kind| {
        let ctx = &model.ctx;
        let mut form = LogForm::new(account, &name, kind, &ctx.config.next_step, ctx.today())
            .for_rep(&ctx.config)
            .working_days(&ctx.config.plan);
        let summary = ctx.book.get(account);
        if kind == Some(TouchKind::Sms) {
            form.warning = summary.and_then(|s| sms_restraint(s, ctx.today(), &ctx.config, 0));
        }
        form.lowers_to = summary.and_then(|s| s.grade()).and_then(Grade::lowered);
        // From a row on Today: what the row is for (a greeting closes only
        // with a greeting), and `l` starts on the row's channel.
        if model.is_on::<Today>() {
            let today = model.get::<Today>();
            if let Some((purpose, words)) = today.selected_purpose(ctx) {
                form.purpose = purpose;
                form.purpose_words = Some(words);
            }
            if let (None, Some(channel)) = (kind, today.selected_channel(ctx)) {
                form = form.starting_on(channel);
            }
        }
        Some(Overlay::Form(Form::Log(Box::new(form))))
    };
    match command {
        C::Open => return vec![Effect::LoadAccount { id: account, then: Then::Show }],
        C::AddReferral => {
            model.overlay = Some(Overlay::Form(Form::Fields(
                FieldsForm::add_referral(account, &name).for_rep(&model.ctx.config),
            )));
        }
        C::EditAccount => {
            let open = model.get::<Account>().open.as_ref().map(|v| &v.detail);
            match open.filter(|d| d.record.account.id == account).cloned() {
                Some(detail) => open_edit_form(model, &detail),
                None => return vec![Effect::LoadAccount { id: account, then: Then::Edit }],
            }
        }
        C::LogCall => model.overlay = log(Some(TouchKind::Call)),
        C::LogSms => model.overlay = log(Some(TouchKind::Sms)),
        C::LogVisit => model.overlay = log(Some(TouchKind::Visit)),
        C::LogOther => model.overlay = log(None),
        C::RecordOrder => {
            model.overlay = Some(Overlay::Form(Form::Fields(
                FieldsForm::order(account, &name).for_rep(&model.ctx.config),
            )))
        }
        C::ScheduleFollowUp => {
            model.overlay = Some(Overlay::Form(Form::Fields(
                FieldsForm::follow_up(account, &name).for_rep(&model.ctx.config),
            )));
        }
        C::MarkDone => return act_on_follow_up(model, account, FollowUpAction::Done),
        C::SkipFollowUp => return act_on_follow_up(model, account, FollowUpAction::Skip),
        C::ArchiveAccount => {
            if model.ctx.book.get(account).is_some_and(|s| s.archived.is_some()) {
                return vec![write(model, Change::Restore(account))];
            }
            model.overlay = Some(Overlay::Form(Form::Fields(
                FieldsForm::archive(account, &name).for_rep(&model.ctx.config),
            )));
        }
        C::Snooze => return act_on_follow_up(model, account, FollowUpAction::Snooze),
        C::RaiseGrade | C::LowerGrade => {
            let raise = command == C::RaiseGrade;
            if matches!(model.ctx.book.get(account).map(|s| s.stage), Some(Stage::Customer { .. })) {
                info(model, &msg::InfoCustomerGrade { name: name.as_str() }.text(model.ctx.lang()));
                return Vec::new();
            }
            return vec![write(model, Change::StepGrade { account, raise })];
        }
        _ => {}
    }
    Vec::new()
}
