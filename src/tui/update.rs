//! `update`: the only code that changes the model. Pure: it never does I/O
//! and never reads the clock; what must happen outside comes back as effects.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::forms::{FOLLOW_UP_KINDS, FieldsForm, Form, LogField, LogForm, Submission};
use super::keymap::{self, Command};
use super::model::{
    AccountView, Book, GroupRow, ListState, Model, Overlay, Question, ReferralsView, Screen, SearchState,
    Status,
};
use super::msg::{Change, Effect, Msg, Refresh, Then};
use crate::app::AccountDetail;
use crate::domain::{AccountId, Stage, TouchKind};
use crate::search::Query;

/// Hits shown by the search overlay.
pub const SEARCH_HITS: usize = 50;

pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(key) if key.kind != KeyEventKind::Release => on_key(model, key),
        Msg::Key(_) => Vec::new(),
        Msg::Resize { width, height } => {
            model.width = width;
            model.height = height;
            model.fit_lists();
            Vec::new()
        }
        Msg::Loaded(book) => {
            model.book = Book::new(book.summaries, book.search, book.incentives);
            model.loading = false;
            model.refresh_views();
            Vec::new()
        }
        Msg::AccountLoaded { detail, then } => {
            match then {
                Then::Show => show_account(model, *detail),
                Then::Edit => open_edit_form(model, &detail),
            }
            Vec::new()
        }
        Msg::Saved(saved) => {
            let Refresh { summaries, removed, search, incentives } = saved.refresh;
            model.book.apply(summaries);
            model.book.remove(&removed);
            if let Some(search) = search {
                model.book.search = search;
            }
            if let Some(incentives) = incentives {
                model.book.incentives = incentives;
            }
            if model.account.as_ref().is_some_and(|a| removed.contains(&a.detail.record.account.id)) {
                model.account = None;
                if model.screen == Screen::Account {
                    model.screen = Screen::Today;
                }
            }
            model.refresh_views();
            if let Some(detail) = saved.detail {
                let scroll = model.account.as_ref().map_or(0, |a| a.scroll);
                model.account = Some(AccountView { detail, scroll });
            }
            if matches!(model.overlay, Some(Overlay::Form(_))) {
                model.overlay = None;
            }
            model.status = Some(Status { text: saved.message, error: false });
            let mut effects: Vec<Effect> =
                saved.open.map(|id| Effect::LoadAccount { id, then: Then::Show }).into_iter().collect();
            effects.extend(screen_data(model));
            effects
        }
        Msg::ReferralsLoaded(ledger) => {
            let list = model.referrals.list;
            model.referrals = ReferralsView::new(ledger, list);
            let height = model.list_height();
            model.referrals.list.scroll_into_view(model.referrals.rows.len(), height);
            Vec::new()
        }
        Msg::ReviewLoaded(review) => {
            model.review = Some(*review);
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
    model.account = Some(AccountView { detail, scroll: 0 });
    model.screen = Screen::Account;
}

fn open_edit_form(model: &mut Model, detail: &AccountDetail) {
    let a = &detail.record.account;
    let values = [
        a.name.clone(),
        a.company.clone().unwrap_or_default(),
        a.phones.join(", "),
        a.email.clone().unwrap_or_default(),
        a.stage.grade().map(|g| g.to_string()).unwrap_or_default(),
        a.tags.join(", "),
        a.source.clone().unwrap_or_default(),
        a.potential.map(|p| p.to_string()).unwrap_or_default(),
        a.note.clone().unwrap_or_default(),
    ];
    model.overlay = Some(Overlay::Form(Form::Fields(FieldsForm::account(Some((a.id, values))))));
}

fn on_key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    // A message stays until the next key; errors inside a form stay until
    // the form is fixed or closed.
    if !matches!(model.overlay, Some(Overlay::Form(_))) {
        model.status = None;
    }
    let command = keymap::resolve(model.scopes(), &key);
    if model.question.is_some() {
        match command {
            Some(Command::Confirm) => {
                model.question = None;
                model.overlay = None;
                info(model, "Discarded.");
            }
            Some(Command::Deny) => model.question = None,
            _ => {}
        }
        return Vec::new();
    }
    match model.overlay.take() {
        Some(Overlay::Form(form)) => on_form_key(model, form, command, &key),
        Some(Overlay::Search(search)) => on_search_key(model, search, command, &key),
        Some(Overlay::Help { scroll }) => {
            model.overlay = match command {
                Some(Command::Back) => None,
                Some(Command::Down) => Some(Overlay::Help { scroll: scroll + 1 }),
                Some(Command::Up) => Some(Overlay::Help { scroll: scroll.saturating_sub(1) }),
                _ => Some(Overlay::Help { scroll }),
            };
            Vec::new()
        }
        None => match command {
            Some(command) => on_command(model, command),
            None => Vec::new(),
        },
    }
}

fn on_form_key(model: &mut Model, mut form: Form, command: Option<Command>, key: &KeyEvent) -> Vec<Effect> {
    let mut effects = Vec::new();
    match command {
        Some(Command::Save) => match submit(model, &form) {
            Ok(change) => effects.push(Effect::Write { change: Box::new(change), open: open_account(model) }),
            Err(problem) => model.status = Some(Status { text: problem, error: true }),
        },
        Some(Command::Cancel) => {
            if form.is_dirty() {
                model.question = Some(Question::DiscardForm);
            } else {
                return Vec::new();
            }
        }
        Some(Command::NextField) => move_focus(&mut form, 1),
        Some(Command::PreviousField) => move_focus(&mut form, -1),
        _ => type_in_form(&mut form, key),
    }
    model.overlay = Some(Overlay::Form(form));
    effects
}

fn open_account(model: &Model) -> Option<AccountId> {
    model.account.as_ref().map(|a| a.detail.record.account.id)
}

fn submit(model: &Model, form: &Form) -> Result<Change, String> {
    match form {
        Form::Log(log) => Ok(Change::LogTouch(log.to_input(model.now))),
        Form::Fields(fields) => Ok(match fields.submit(model.now)? {
            Submission::AddAccount(input, referred) => Change::AddAccount(input, referred),
            Submission::EditAccount(id, input) => Change::EditAccount(id, input),
            Submission::Order(input) => Change::RecordOrder(input),
            Submission::FollowUp(input) => Change::ScheduleFollowUp(input),
            Submission::Snooze(id, to) => Change::SnoozeFollowUp(id, to),
        }),
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

fn type_in_form(form: &mut Form, key: &KeyEvent) {
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    match form {
        Form::Log(log) => match (log.focus, key.code) {
            // From the note, Alt picks an outcome (a letter) or a next step (a digit).
            (LogField::Note, KeyCode::Char(c)) if alt => {
                let field = if c.is_ascii_digit() { LogField::Next } else { LogField::Outcome };
                log.pick(field, c);
            }
            (LogField::Note, _) => {
                log.note.handle(key);
            }
            (field, KeyCode::Char(c)) => {
                log.pick(field, c);
            }
            _ => {}
        },
        Form::Fields(fields) => match key.code {
            KeyCode::Char(c) if alt && fields.kind.is_some() => {
                if let Some(pick) = FOLLOW_UP_KINDS.iter().find(|p| p.key == c) {
                    fields.kind = Some(pick.value);
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
    let query_text = search.input.text().to_lowercase();
    let narrowing = !search.query.is_empty() && query_text.starts_with(&search.query);
    let within = narrowing.then_some(search.found.candidates.as_slice());
    search.found = model.book.search.search_within(&Query::parse(&query_text), within, SEARCH_HITS);
    search.query = query_text;
    search.selected = 0;
}

fn list_len(model: &Model) -> usize {
    match model.screen {
        Screen::Today => model.views.today.len(),
        Screen::Pipeline => model.views.pipeline_rows.len(),
        Screen::Customers => model.views.customer_rows.len(),
        Screen::Account => usize::MAX,
        Screen::Referrals => model.referrals.rows.len(),
        Screen::Focus => model.views.focus_rows.len(),
        Screen::Review => 0,
    }
}

fn move_selection(model: &mut Model, command: Command) {
    let height = if model.screen == Screen::Focus { model.focus_list_height() } else { model.list_height() };
    if model.screen == Screen::Account {
        if let Some(account) = &mut model.account {
            account.scroll = match command {
                Command::Down => account.scroll + 1,
                Command::Up => account.scroll.saturating_sub(1),
                Command::PageDown => account.scroll + height,
                Command::PageUp => account.scroll.saturating_sub(height),
                Command::Top => 0,
                _ => usize::MAX / 2,
            };
        }
        return;
    }
    let len = list_len(model);
    let delta: isize = match command {
        Command::Down => 1,
        Command::Up => -1,
        Command::PageDown => height as isize,
        Command::PageUp => -(height as isize),
        Command::Top => -(len as isize),
        _ => len as isize,
    };
    let (list, rows) = match model.screen {
        Screen::Today => (&mut model.today_list, None),
        Screen::Pipeline => (&mut model.pipeline_list, Some(&model.views.pipeline_rows)),
        Screen::Customers => (&mut model.customers_list, Some(&model.views.customer_rows)),
        Screen::Referrals => (&mut model.referrals.list, None),
        Screen::Focus => (&mut model.focus_list, Some(&model.views.focus_rows)),
        Screen::Account | Screen::Review => return,
    };
    list.step(delta, len, height);
    if let Some(rows) = rows {
        skip_headings(list, rows, delta.signum(), height);
    }
}

/// Headings are not selectable: keep moving the same way (or back).
fn skip_headings(list: &mut ListState, rows: &[GroupRow], direction: isize, height: usize) {
    let member = |i: usize| matches!(rows.get(i), Some(GroupRow::Member(_)));
    for direction in [direction, -direction] {
        let mut at = list.selected as isize;
        while at >= 0 && (at as usize) < rows.len() && !member(at as usize) {
            at += if direction == 0 { 1 } else { direction };
        }
        if at >= 0 && member(at as usize) {
            list.selected = at as usize;
            break;
        }
    }
    list.scroll_into_view(rows.len(), height);
    // Show a group's heading above its first member.
    if list.selected > 0 && list.offset == list.selected && !member(list.selected - 1) {
        list.offset -= 1;
    }
}

/// What a screen loads from the store each time it is shown (or changed
/// under it); the list screens work from the book alone.
fn screen_data(model: &Model) -> Option<Effect> {
    match model.screen {
        Screen::Referrals => Some(Effect::LoadReferrals),
        Screen::Review => Some(Effect::LoadReview(model.review_date.unwrap_or(model.today()))),
        _ => None,
    }
}

fn switch_screen(model: &mut Model, screen: Screen) -> Vec<Effect> {
    if screen == Screen::Account && model.account.is_none() {
        info(model, "No account open yet: Enter on a row, or / to search.");
        return Vec::new();
    }
    model.screen = screen;
    let height = model.list_height();
    match screen {
        Screen::Pipeline => skip_headings(&mut model.pipeline_list, &model.views.pipeline_rows, 1, height),
        Screen::Customers => skip_headings(&mut model.customers_list, &model.views.customer_rows, 1, height),
        Screen::Focus => {
            let height = model.focus_list_height();
            skip_headings(&mut model.focus_list, &model.views.focus_rows, 1, height);
        }
        _ => {}
    }
    screen_data(model).into_iter().collect()
}

fn cycle_screen(model: &mut Model, delta: isize) -> Vec<Effect> {
    let available: Vec<Screen> =
        Screen::ALL.into_iter().filter(|s| *s != Screen::Account || model.account.is_some()).collect();
    let at = available.iter().position(|s| *s == model.screen).unwrap_or(0) as isize;
    let next = available[(at + delta).rem_euclid(available.len() as isize) as usize];
    switch_screen(model, next)
}

/// Moves the Review screen a day back or forward, never past today.
fn step_review_day(model: &mut Model, days: i64) -> Vec<Effect> {
    let today = model.today();
    let day = model.review_date.unwrap_or(today) + chrono::Duration::days(days);
    if day > today {
        info(model, "The review cannot look past today.");
        return Vec::new();
    }
    model.review_date = Some(day);
    vec![Effect::LoadReview(day)]
}

fn deliver_incentive(model: &mut Model) -> Vec<Effect> {
    use crate::domain::IncentiveStatus;
    let Some(link) = model.referrals.selected_link() else {
        info(model, "Select a referred account (an indented row) to deliver its incentive.");
        return Vec::new();
    };
    let (id, referee, referrer) = (link.referral.id, link.referee_name.clone(), link.referrer_name.clone());
    match link.referral.incentive_status {
        IncentiveStatus::Earned => {
            vec![Effect::Write { change: Box::new(Change::DeliverIncentive(id)), open: open_account(model) }]
        }
        IncentiveStatus::Promised => {
            info(model, &format!("Not earned yet: {referee} has not ordered."));
            Vec::new()
        }
        IncentiveStatus::Delivered => {
            info(model, &format!("{referrer}'s incentive for {referee} was already delivered."));
            Vec::new()
        }
    }
}

fn account_name(model: &Model, id: AccountId) -> String {
    model.book.get(id).map_or_else(|| format!("#{id}"), |s| s.name.clone())
}

/// The follow-up the done and snooze keys act on: the selected row's on
/// Today, else the account's earliest pending one.
fn target_follow_up(model: &Model, account: AccountId) -> Option<crate::domain::FollowUpId> {
    if model.screen == Screen::Today {
        let row = model.views.today.get(model.today_list.selected)?;
        return row.follow_up(model.book.summaries.get(row.index)?).map(|f| f.id);
    }
    model.book.get(account).and_then(|s| s.pending.first()).map(|f| f.id)
}

fn on_command(model: &mut Model, command: Command) -> Vec<Effect> {
    use Command as C;
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
        C::ShowToday => return switch_screen(model, Screen::Today),
        C::ShowPipeline => return switch_screen(model, Screen::Pipeline),
        C::ShowCustomers => return switch_screen(model, Screen::Customers),
        C::ShowAccount => return switch_screen(model, Screen::Account),
        C::ShowReferrals => return switch_screen(model, Screen::Referrals),
        C::ShowReview => return switch_screen(model, Screen::Review),
        C::ShowFocus => return switch_screen(model, Screen::Focus),
        C::DeliverIncentive => return deliver_incentive(model),
        C::PreviousDay => return step_review_day(model, -1),
        C::NextDay => return step_review_day(model, 1),
        C::Down | C::Up | C::Top | C::Bottom | C::PageDown | C::PageUp => move_selection(model, command),
        C::Back => model.screen = Screen::Today,
        C::AddAccount => model.overlay = Some(Overlay::Form(Form::Fields(FieldsForm::add_account(None)))),
        C::Undo => return vec![Effect::Write { change: Box::new(Change::Undo), open: open_account(model) }],
        C::Open
        | C::EditAccount
        | C::LogCall
        | C::LogSms
        | C::LogVisit
        | C::LogOther
        | C::RecordOrder
        | C::ScheduleFollowUp
        | C::MarkDone
        | C::Snooze
        | C::RaiseGrade
        | C::LowerGrade
        | C::AddReferral => {
            let Some(account) = model.selected_account() else {
                info(model, "Select an account first.");
                return Vec::new();
            };
            return on_account_command(model, command, account);
        }
        C::Save | C::Cancel | C::NextField | C::PreviousField | C::Confirm | C::Deny => {}
    }
    Vec::new()
}

fn on_account_command(model: &mut Model, command: Command, account: AccountId) -> Vec<Effect> {
    use Command as C;
    let name = account_name(model, account);
    let log =
        |kind| Some(Overlay::Form(Form::Log(LogForm::new(account, &name, kind, &model.config.next_step))));
    match command {
        C::Open => return vec![Effect::LoadAccount { id: account, then: Then::Show }],
        C::AddReferral => {
            // The name reads better than an id, when it says whom.
            let unique = model.book.summaries.iter().filter(|s| s.name == name).count() == 1;
            let by = if unique { name.clone() } else { format!("#{account}") };
            model.overlay = Some(Overlay::Form(Form::Fields(FieldsForm::add_account(Some(by)))));
        }
        C::EditAccount => {
            let open =
                model.account.as_ref().map(|v| &v.detail).filter(|d| d.record.account.id == account).cloned();
            match open {
                Some(detail) => open_edit_form(model, &detail),
                None => return vec![Effect::LoadAccount { id: account, then: Then::Edit }],
            }
        }
        C::LogCall => model.overlay = log(Some(TouchKind::Call)),
        C::LogSms => model.overlay = log(Some(TouchKind::Sms)),
        C::LogVisit => model.overlay = log(Some(TouchKind::Visit)),
        C::LogOther => model.overlay = log(None),
        C::RecordOrder => {
            model.overlay = Some(Overlay::Form(Form::Fields(FieldsForm::order(account, &name))))
        }
        C::ScheduleFollowUp => {
            model.overlay = Some(Overlay::Form(Form::Fields(FieldsForm::follow_up(account, &name))));
        }
        C::MarkDone => match target_follow_up(model, account) {
            Some(id) => {
                return vec![Effect::Write {
                    change: Box::new(Change::CompleteFollowUp(id)),
                    open: open_account(model),
                }];
            }
            None => info(
                model,
                &format!("{name} has no follow-up to mark done; log a touch (l) to reset the cadence."),
            ),
        },
        C::Snooze => match target_follow_up(model, account) {
            Some(id) => model.overlay = Some(Overlay::Form(Form::Fields(FieldsForm::snooze(id, &name)))),
            None => {
                info(model, &format!("{name} has no follow-up to snooze; schedule one (f) for a later day."))
            }
        },
        C::RaiseGrade | C::LowerGrade => {
            let raise = command == C::RaiseGrade;
            if matches!(model.book.get(account).map(|s| s.stage), Some(Stage::Customer { .. })) {
                info(model, &format!("{name} is a customer; grades are for prospects."));
                return Vec::new();
            }
            return vec![Effect::Write {
                change: Box::new(Change::StepGrade { account, raise }),
                open: open_account(model),
            }];
        }
        _ => {}
    }
    Vec::new()
}
