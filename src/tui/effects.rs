//! The one place the TUI calls the app services; every result or error
//! comes back as a message.

use super::msg::{Change, Effect, Msg, Refresh, Removal, Saved};
use crate::app::{App, AppResult, NoteRef, Referred};
use crate::i18n::msg;

use crate::config::Ui;
use crate::domain::{AccountId, TouchKind};
use crate::i18n::shown::ShownTime as _;
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
                let words = msg::StatusBackupFailed { error: error.words(lang) }.text(lang);
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
    let kind = |kind: TouchKind| crate::i18n::terms::kind(kind, lang);
    let mut edit_phone = None;
    let (message, changes, opened) = match change {
        Change::LogTouch(input) => {
            let logged = app.log_touch(&input)?;
            let outcome = logged.touch.outcome.map_or(String::new(), |o| {
                let words = crate::i18n::terms::outcome(o, lang);
                msg::SavedOutcome { outcome: words }.text(lang)
            });
            let purpose = crate::i18n::terms::purpose(logged.touch.purpose, lang)
                .map(|words| msg::SavedPurpose { purpose: words }.text(lang));
            let next = logged.follow_up.as_ref().map_or(String::new(), |f| {
                msg::SavedNext { day: f.due.format("%m-%d").to_string() }.text(lang)
            });
            let warnings: String = logged
                .warnings
                .iter()
                .map(|w| msg::StatusCareful { warning: w.as_str() }.text(lang))
                .collect();
            let saved = msg::SavedTouch {
                kind: kind(logged.touch.kind),
                purpose: purpose.unwrap_or_default(),
                name: logged.account_name.clone(),
                outcome,
                next,
            }
            .text(lang);
            let order = match (&logged.order, logged.touch.outcome) {
                (Some(order), _) => format!(" {}", order_words(order, &app.config().ui)),
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
                format!("{}{}", order_words(&recorded, &app.config().ui), also_words(&recorded.also, lang)),
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
            let saved = msg::SavedAdded { name: record.account.name.as_str() }.text(lang);
            (format!("{saved}{}", also_words(&record.also, lang)), record.changes, open.then_some(id))
        }
        Change::EditAccount(id, input) => {
            let record = app.edit_account(id, &input)?;
            (msg::SavedAccount { name: record.account.name.as_str() }.text(lang), record.changes, None)
        }
        Change::ScheduleFollowUp(input) => {
            let follow_up = app.schedule_follow_up(&input)?;
            (msg::SavedFollowUp { due: app.config().ui.due(&follow_up) }.text(lang), follow_up.changes, None)
        }
        Change::SkipFollowUp(id) => {
            let skipped = app.skip_follow_up(id)?;
            (msg::SavedSkipped { name: skipped.1.as_str() }.text(lang), skipped.changes, None)
        }
        Change::Archive(account, reason, lost_to) => {
            let record = app.archive(account, reason, lost_to.as_deref())?;
            let args = msg::SavedArchived {
                name: record.account.name.as_str(),
                reason: crate::i18n::terms::archive_reason(reason, lang),
                restore: "A",
            };
            (format!("{}{}", args.text(lang), also_words(&record.also, lang)), record.changes, None)
        }
        Change::CompetitorNote(account, position, input) => {
            let saved = match (position, &input.competitor) {
                (Some(position), _) => {
                    app.edit_competitor_note(account, &NoteRef::Position(position + 1), &input)?
                }
                (None, name) => {
                    app.add_competitor_note(account, name.as_deref().unwrap_or_default(), &input)?
                }
            };
            let competitor = saved.competitor.clone().unwrap_or_else(|| msg::CompetitorUnnamed.text(lang));
            let args = msg::SavedCompetitor {
                competitor: competitor.as_str(),
                name: saved.account.account.name.as_str(),
            };
            (format!("{}{}", args.text(lang), also_words(&saved.also, lang)), saved.changes, None)
        }
        Change::Restore(account) => {
            let record = app.restore(account)?;
            (msg::SavedRestored { name: record.account.name.as_str() }.text(lang), record.changes, None)
        }
        Change::CompleteFollowUp(id) => {
            let done = app.complete_follow_up(id)?;
            (msg::SavedDone { name: done.1.as_str() }.text(lang), done.changes, None)
        }
        Change::SnoozeFollowUp(id, to) => {
            let snoozed = app.snooze_follow_up(id, Some(to))?;
            let args = msg::SavedSnoozed { name: snoozed.1.as_str(), due: snoozed.0.due.to_string() };
            (args.text(lang), snoozed.changes, None)
        }
        Change::Triage(to) => {
            let moved = app.triage(None, to)?;
            let args = msg::SavedTriage { count: moved.len(), to: to.date.to_string() };
            (args.text(lang), moved.changes, None)
        }
        Change::StepGrade { account, raise } => {
            let record = app.step_grade(account, raise)?;
            let stage = crate::i18n::reasons::stage_phrase(record.account.stage, lang);
            let args = msg::SavedGrade { name: record.account.name.as_str(), stage };
            (args.text(lang), record.changes, None)
        }
        Change::DeliverIncentive(id) => {
            let referral = app.deliver_incentive(id)?;
            let message = match referral.incentive.as_deref() {
                Some(incentive) => msg::SavedDeliveredWhat { incentive }.text(lang),
                None => msg::SavedDelivered.text(lang),
            };
            (message, referral.changes, None)
        }
        Change::Reflect(date, text) => {
            let written = app.reflect(date, &text)?;
            let date = date.format("%m-%d").to_string();
            let words = if written.is_empty() {
                msg::RemovedReflection { date }.text(lang)
            } else {
                msg::SavedReflection { date }.text(lang)
            };
            (words, written.changes, None)
        }
        Change::CorrectTouch(id, change) => {
            let done = app.amend_touch(id, &change)?;
            let args =
                msg::SavedCorrectedTouch { kind: kind(done.record.kind), name: done.account_name.as_str() };
            (args.text(lang), done.changes, None)
        }
        Change::CorrectOrder(id, change) => {
            let done = app.amend_order(id, &change)?;
            let args = msg::SavedCorrectedOrder {
                name: done.account_name.as_str(),
                amount: app.config().ui.money(done.record.amount),
            };
            (args.text(lang), done.changes, None)
        }
        Change::CorrectFollowUp(id, change) => {
            let done = app.amend_follow_up(id, &change)?;
            let args = msg::SavedCorrectedFollowUp {
                name: done.account_name.as_str(),
                due: app.config().ui.due(&done.record),
            };
            (args.text(lang), done.changes, None)
        }
        Change::Remove(Removal::Touch(id)) => {
            let done = app.remove_touch(id)?;
            let args = msg::DeletedTouch { kind: kind(done.record.kind), name: done.account_name.as_str() };
            (args.text(lang), done.changes, None)
        }
        Change::Remove(Removal::Order(id)) => {
            let done = app.remove_order(id)?;
            let args = msg::DeletedOrder {
                amount: app.config().ui.money(done.record.amount),
                name: done.account_name.as_str(),
            };
            (args.text(lang), done.changes, None)
        }
        Change::Remove(Removal::CompetitorNote(account, position)) => {
            let done = app.remove_competitor_note(account, &NoteRef::Position(position + 1))?;
            let competitor = done.competitor.clone().unwrap_or_else(|| msg::CompetitorUnnamed.text(lang));
            let args = msg::DeletedCompetitor {
                competitor: competitor.as_str(),
                name: done.account.account.name.as_str(),
            };
            (args.text(lang), done.changes, None)
        }
        Change::Remove(Removal::FollowUp(id)) => {
            let done = app.remove_follow_up(id)?;
            (msg::DeletedFollowUp { name: done.account_name.as_str() }.text(lang), done.changes, None)
        }
        Change::Undo => {
            let undone = app.undo()?;
            (msg::Undid { what: undone.value.as_str() }.text(lang), undone.changes, None)
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
fn order_words(recorded: &crate::app::Recorded, ui: &Ui) -> String {
    let lang = ui.lang();
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
        amount: ui.money(recorded.order.amount),
        name: recorded.account_name.as_str(),
        customer,
        earned,
    }
    .text(lang)
}

fn also_words(also: &[String], lang: Lang) -> String {
    also.iter().map(|words| msg::StatusAlso { words: words.as_str() }.text(lang)).collect()
}
