//! The one place the TUI calls the app services; every result or error
//! comes back as a message.

use super::msg::{Change, Effect, Msg, Refresh, Removal, Saved};
use crate::app::{App, AppResult, Referred};
use crate::i18n::FluentValue;
use crate::i18n::Text as _;
use crate::i18n::msg;

use crate::domain::{AccountId, TouchKind};
use crate::i18n::{Lang, Words};

pub fn perform(app: &App, effect: Effect) -> Msg {
    let result = match effect {
        Effect::LoadBook => app.load_book().map(Msg::Loaded),
        Effect::LoadAccount { id, then } => {
            app.account_detail(id).map(|detail| Msg::AccountLoaded { detail: Box::new(detail), then })
        }
        Effect::LoadScreen { screen, load } => (load.0)(app).map(|data| Msg::ScreenLoaded { screen, data }),
        Effect::Write { change, open } => write(app, *change, open).map(|mut saved| {
            // The change is saved either way; a backup that fails is said.
            if let Err(error) = app.backup_if_due() {
                let lang = app.config().ui.lang();
                let words = msg::StatusBackupFailed { error: error.to_string() }.text(lang);
                saved.message.push_str(&words);
            }
            Msg::Saved(Box::new(saved))
        }),
    };
    result.unwrap_or_else(|error| Msg::Failed(error.words(app.config().ui.lang())))
}

fn write(app: &App, change: Change, open: Option<AccountId>) -> AppResult<Saved> {
    let undoable = !matches!(change, Change::Undo);
    let lang = app.config().ui.lang();
    let say = |id: &str, args: &[(&'static str, FluentValue<'_>)]| lang.text_with(id, args);
    let kind = |kind: TouchKind| crate::i18n::terms::kind(kind, lang);
    let mut edit_phone = None;
    let (message, changes, opened) = match change {
        Change::LogTouch(input) => {
            let logged = app.log_touch(&input)?;
            let outcome = logged.touch.outcome.map_or(String::new(), |o| {
                let words = crate::i18n::terms::outcome(o, lang);
                say("saved-outcome", &[("outcome", words.into())])
            });
            let purpose = (!logged.touch.purpose.is_ordinary()).then(|| {
                let words = lang.text(&format!("purpose-{}", logged.touch.purpose.as_str()));
                say("saved-purpose", &[("purpose", words.into())])
            });
            let next = logged.follow_up.as_ref().map_or(String::new(), |f| {
                say("saved-next", &[("day", f.due.format("%m-%d").to_string().into())])
            });
            let warnings: String = logged
                .warnings
                .iter()
                .map(|w| say("status-careful", &[("warning", w.as_str().into())]))
                .collect();
            let saved = say(
                "saved-touch",
                &[
                    ("kind", kind(logged.touch.kind).into()),
                    ("purpose", purpose.unwrap_or_default().into()),
                    ("name", logged.account_name.clone().into()),
                    ("outcome", outcome.into()),
                    ("next", next.into()),
                ],
            );
            let order = match (&logged.order, logged.touch.outcome) {
                (Some(order), _) => format!(" {}", order_words(order, lang)),
                (None, Some(crate::domain::Outcome::Won)) => msg::SavedWonNoOrder.text(lang),
                _ => String::new(),
            };
            let message = format!("{saved}{order}{}{warnings}", also_words(&logged.also, lang));
            edit_phone = logged.wrong_number.as_ref().map(|_| logged.touch.account);
            (message, logged.changes, None)
        }
        Change::RecordOrder(input) => {
            let recorded = app.record_order(&input)?;
            (
                format!("{}{}", order_words(&recorded, lang), also_words(&recorded.also, lang)),
                recorded.changes,
                None,
            )
        }
        Change::AddAccount(input, referred, open) => {
            let referred = match referred {
                Some(r) => Some(Referred { by: app.resolve_account(&r.by)?, incentive: r.incentive }),
                None => None,
            };
            let record = app.add_account(&input, referred)?;
            let id = record.account.id;
            let saved = say("saved-added", &[("name", record.account.name.as_str().into())]);
            (format!("{saved}{}", also_words(&record.also, lang)), record.changes, open.then_some(id))
        }
        Change::EditAccount(id, input) => {
            let record = app.edit_account(id, &input)?;
            (say("saved-account", &[("name", record.account.name.as_str().into())]), record.changes, None)
        }
        Change::ScheduleFollowUp(input) => {
            let follow_up = app.schedule_follow_up(&input)?;
            (say("saved-follow-up", &[("due", follow_up.due.to_string().into())]), follow_up.changes, None)
        }
        Change::SkipFollowUp(id) => {
            let skipped = app.skip_follow_up(id)?;
            (say("saved-skipped", &[("name", skipped.1.as_str().into())]), skipped.changes, None)
        }
        Change::Archive(account, reason) => {
            let record = app.archive(account, reason)?;
            let args = [
                ("name", record.account.name.as_str().into()),
                ("reason", crate::i18n::terms::archive_reason(reason, lang).into()),
                ("restore", "A".into()),
            ];
            (say("saved-archived", &args), record.changes, None)
        }
        Change::Restore(account) => {
            let record = app.restore(account)?;
            (say("saved-restored", &[("name", record.account.name.as_str().into())]), record.changes, None)
        }
        Change::CompleteFollowUp(id) => {
            let done = app.complete_follow_up(id)?;
            (say("saved-done", &[("name", done.1.as_str().into())]), done.changes, None)
        }
        Change::SnoozeFollowUp(id, to) => {
            let snoozed = app.snooze_follow_up(id, Some(to))?;
            let args = [("name", snoozed.1.as_str().into()), ("due", snoozed.0.due.to_string().into())];
            (say("saved-snoozed", &args), snoozed.changes, None)
        }
        Change::Triage(to) => {
            let moved = app.triage(None, to)?;
            let args = [("count", moved.len().into()), ("to", to.date.to_string().into())];
            (say("saved-triage", &args), moved.changes, None)
        }
        Change::StepGrade { account, raise } => {
            let record = app.step_grade(account, raise)?;
            let stage = crate::i18n::reasons::stage_phrase(record.account.stage, lang);
            let args = [("name", record.account.name.as_str().into()), ("stage", stage.into())];
            (say("saved-grade", &args), record.changes, None)
        }
        Change::DeliverIncentive(id) => {
            let referral = app.deliver_incentive(id)?;
            let message = match referral.incentive.as_deref() {
                Some(incentive) => say("saved-delivered-what", &[("incentive", incentive.into())]),
                None => msg::SavedDelivered.text(lang),
            };
            (message, referral.changes, None)
        }
        Change::Reflect(date, text) => {
            let written = app.reflect(date, &text)?;
            let id = if written.is_empty() { "removed-reflection" } else { "saved-reflection" };
            (say(id, &[("date", date.format("%m-%d").to_string().into())]), written.changes, None)
        }
        Change::CorrectTouch(id, change) => {
            let done = app.amend_touch(id, &change)?;
            let args = [("kind", kind(done.record.kind).into()), ("name", done.account_name.as_str().into())];
            (say("saved-corrected-touch", &args), done.changes, None)
        }
        Change::CorrectOrder(id, change) => {
            let done = app.amend_order(id, &change)?;
            let args = [
                ("name", done.account_name.as_str().into()),
                ("amount", done.record.amount.grouped().into()),
            ];
            (say("saved-corrected-order", &args), done.changes, None)
        }
        Change::CorrectFollowUp(id, change) => {
            let done = app.amend_follow_up(id, &change)?;
            let args = [("name", done.account_name.as_str().into()), ("due", done.record.due_words().into())];
            (say("saved-corrected-follow-up", &args), done.changes, None)
        }
        Change::Remove(Removal::Touch(id)) => {
            let done = app.remove_touch(id)?;
            let args = [("kind", kind(done.record.kind).into()), ("name", done.account_name.as_str().into())];
            (say("deleted-touch", &args), done.changes, None)
        }
        Change::Remove(Removal::Order(id)) => {
            let done = app.remove_order(id)?;
            let args = [
                ("amount", done.record.amount.grouped().into()),
                ("name", done.account_name.as_str().into()),
            ];
            (say("deleted-order", &args), done.changes, None)
        }
        Change::Remove(Removal::FollowUp(id)) => {
            let done = app.remove_follow_up(id)?;
            (say("deleted-follow-up", &[("name", done.account_name.as_str().into())]), done.changes, None)
        }
        Change::Undo => {
            let undone = app.undo()?;
            (say("undid", &[("what", undone.value.as_str().into())]), undone.changes, None)
        }
    };
    // Exactly what the change changed is read again.
    let refresh = Refresh {
        summaries: app.summaries_of(changes.accounts.iter().copied())?,
        removed: changes.removed.iter().copied().collect(),
        search: if changes.search { Some(app.search_index()?.0) } else { None },
        incentives: if changes.referrals { Some(app.incentive_costs()?) } else { None },
        kept: if changes.days.contains(&app.today()) { Some(app.kept_plan(app.today())?) } else { None },
    };
    let detail =
        open.filter(|id| changes.accounts.contains(id)).map(|id| app.account_detail(id)).transpose()?;
    let undo =
        if undoable { format!(" {}", msg::UndoHint.text(app.config().ui.lang())) } else { String::new() };
    Ok(Saved { message: format!("{message}{undo}"), refresh, detail, open: opened, edit_phone })
}

/// " Also closed follow-up #12 (quote sent)." for the status line.
/// "Saved order 12,000.00 from 林军; now a customer": an order, and what
/// it made of the account.
fn order_words(recorded: &crate::app::Recorded, lang: Lang) -> String {
    let customer = if recorded.converted { msg::SavedOrderCustomer.text(lang) } else { String::new() };
    let earned: String = recorded
        .earned
        .iter()
        .map(|e| {
            msg::SavedOrderEarned {
                referrer: e.referrer_name.as_str(),
                due: e.deliver.due.format("%m-%d").to_string(),
            }
            .text(lang)
        })
        .collect();
    msg::SavedOrder {
        amount: recorded.order.amount.grouped(),
        name: recorded.account_name.as_str(),
        customer,
        earned,
    }
    .text(lang)
}

fn also_words(also: &[String], lang: Lang) -> String {
    also.iter().map(|words| msg::StatusAlso { words: words.as_str() }.text(lang)).collect()
}
