//! The one place the TUI calls the app services; every result or error
//! comes back as a message.

use super::msg::{Change, Effect, Msg, Refresh, Removal, Saved};
use crate::app::{App, AppResult, Referred};
use crate::domain::AccountId;

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
                saved.message.push_str(&format!(" The daily backup was not written: {error}."));
            }
            Msg::Saved(Box::new(saved))
        }),
    };
    result.unwrap_or_else(|error| Msg::Failed(error.to_string()))
}

fn write(app: &App, change: Change, open: Option<AccountId>) -> AppResult<Saved> {
    let undoable = !matches!(change, Change::Undo);
    let (message, changes, opened) = match change {
        Change::LogTouch(input) => {
            let logged = app.log_touch(&input)?;
            let lang = app.config().ui.lang();
            let outcome = logged.touch.outcome.map_or(String::new(), |o| {
                let words = lang.text(&format!("outcome-{}", o.as_str()));
                lang.text_with("saved-outcome", &[("outcome", words.into())])
            });
            let next = logged.follow_up.as_ref().map_or(String::new(), |f| {
                lang.text_with("saved-next", &[("day", f.due.format("%m-%d").to_string().into())])
            });
            let warnings: String = logged.warnings.iter().map(|w| format!(" Careful: {w}.")).collect();
            let kind = lang.text(&format!("kind-{}", logged.touch.kind.as_str()));
            let saved = lang.text_with(
                "saved-touch",
                &[
                    ("kind", kind.into()),
                    ("name", logged.account_name.clone().into()),
                    ("outcome", outcome.into()),
                    ("next", next.into()),
                ],
            );
            let message = format!("{saved}{}{warnings}", also_words(&logged.also));
            (message, logged.changes, None)
        }
        Change::RecordOrder(input) => {
            let recorded = app.record_order(&input)?;
            let customer = if recorded.converted { "; now a customer" } else { "" };
            let earned: String = recorded
                .earned
                .iter()
                .map(|e| {
                    format!(
                        "; {}'s incentive earned, deliver by {}",
                        e.referrer_name,
                        e.deliver.due.format("%m-%d")
                    )
                })
                .collect();
            let message = format!(
                "Saved order {} from {}{customer}{earned}.{}",
                recorded.order.amount.grouped(),
                recorded.account_name,
                also_words(&recorded.also)
            );
            (message, recorded.changes, None)
        }
        Change::AddAccount(input, referred) => {
            let referred = match referred {
                Some(r) => Some(Referred { by: app.resolve_account(&r.by)?, incentive: r.incentive }),
                None => None,
            };
            let record = app.add_account(&input, referred)?;
            let id = record.account.id;
            (format!("Added {}.{}", record.account.name, also_words(&record.also)), record.changes, Some(id))
        }
        Change::EditAccount(id, input) => {
            let record = app.edit_account(id, &input)?;
            (format!("Saved {}.", record.account.name), record.changes, None)
        }
        Change::ScheduleFollowUp(input) => {
            let follow_up = app.schedule_follow_up(&input)?;
            (format!("Follow-up on {} saved.", follow_up.due), follow_up.changes, None)
        }
        Change::SkipFollowUp(id) => {
            let skipped = app.skip_follow_up(id)?;
            (format!("Skipped the follow-up with {} (closed, not done).", skipped.1), skipped.changes, None)
        }
        Change::Archive(account, reason) => {
            let record = app.archive(account, reason)?;
            let message =
                format!("Archived {} ({reason}): out of the daily work; A restores it.", record.account.name);
            (message, record.changes, None)
        }
        Change::Restore(account) => {
            let record = app.restore(account)?;
            (format!("Restored {}.", record.account.name), record.changes, None)
        }
        Change::CompleteFollowUp(id) => {
            let done = app.complete_follow_up(id)?;
            (format!("Done: follow-up with {}.", done.1), done.changes, None)
        }
        Change::SnoozeFollowUp(id, to) => {
            let snoozed = app.snooze_follow_up(id, Some(to))?;
            (format!("Snoozed the follow-up with {} to {}.", snoozed.1, snoozed.0.due), snoozed.changes, None)
        }
        Change::StepGrade { account, raise } => {
            let record = app.step_grade(account, raise)?;
            let message =
                format!("{} is now {}.", record.account.name, record.account.stage_label().phrase());
            (message, record.changes, None)
        }
        Change::DeliverIncentive(id) => {
            let referral = app.deliver_incentive(id)?;
            let what = referral.incentive.as_deref().map(|i| format!(" ({i})")).unwrap_or_default();
            (format!("Delivered the incentive{what}."), referral.changes, None)
        }
        Change::Reflect(date, text) => {
            let written = app.reflect(date, &text)?;
            let verb = if written.is_empty() { "Removed" } else { "Saved" };
            (format!("{verb} the reflection on {}.", date.format("%m-%d")), written.changes, None)
        }
        Change::CorrectTouch(id, change) => {
            let done = app.amend_touch(id, &change)?;
            (format!("Corrected the {} with {}.", done.record.kind, done.account_name), done.changes, None)
        }
        Change::CorrectOrder(id, change) => {
            let done = app.amend_order(id, &change)?;
            let message =
                format!("Corrected the order from {}: {}.", done.account_name, done.record.amount.grouped());
            (message, done.changes, None)
        }
        Change::CorrectFollowUp(id, change) => {
            let done = app.amend_follow_up(id, &change)?;
            let message =
                format!("Follow-up with {} now due {}.", done.account_name, done.record.due_words());
            (message, done.changes, None)
        }
        Change::Remove(Removal::Touch(id)) => {
            let done = app.remove_touch(id)?;
            (format!("Deleted the {} with {}.", done.record.kind, done.account_name), done.changes, None)
        }
        Change::Remove(Removal::Order(id)) => {
            let done = app.remove_order(id)?;
            let message =
                format!("Deleted the order {} from {}.", done.record.amount.grouped(), done.account_name);
            (message, done.changes, None)
        }
        Change::Remove(Removal::FollowUp(id)) => {
            let done = app.remove_follow_up(id)?;
            (format!("Deleted the follow-up with {}.", done.account_name), done.changes, None)
        }
        Change::Undo => {
            let undone = app.undo()?;
            (format!("Undid: {}.", undone.value), undone.changes, None)
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
        if undoable { format!(" {}", app.config().ui.lang().text("undo-hint")) } else { String::new() };
    Ok(Saved { message: format!("{message}{undo}"), refresh, detail, open: opened })
}

/// " Also closed follow-up #12 (quote sent)." for the status line.
fn also_words(also: &[String]) -> String {
    also.iter().map(|words| format!(" Also {words}.")).collect()
}
