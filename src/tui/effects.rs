//! The one place the TUI calls the app services; every result or error
//! comes back as a message.

use super::msg::{Change, Effect, Incentives, Msg, Refresh, Saved};
use crate::app::{App, AppResult, Referred};
use crate::domain::{AccountId, AccountSummary};
use crate::store::Records;

pub fn perform(app: &App, effect: Effect) -> Msg {
    let result = match effect {
        Effect::LoadBook => load_book(app).map(|(summaries, search, incentives)| Msg::Loaded {
            summaries,
            search,
            incentives,
        }),
        Effect::LoadAccount { id, then } => {
            app.account_detail(id).map(|detail| Msg::AccountLoaded { detail: Box::new(detail), then })
        }
        Effect::LoadReferrals => app.referral_ledger().map(Msg::ReferralsLoaded),
        Effect::LoadReview(date) => app.review_day(date).map(|review| Msg::ReviewLoaded(Box::new(review))),
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

fn load_book(app: &App) -> AppResult<(Vec<AccountSummary>, crate::search::SearchIndex, Incentives)> {
    let summaries = app.store().summaries()?.items;
    let (search, _) = app.store().search_index()?;
    Ok((summaries, search, app.incentive_costs()?))
}

fn write(app: &App, change: Change, open: Option<AccountId>) -> AppResult<Saved> {
    let delivery = matches!(change, Change::DeliverIncentive(_));
    let (message, touched, searchable, opened) = match change {
        Change::LogTouch(input) => {
            let logged = app.log_touch(&input)?;
            let outcome = logged.touch.outcome.map(|o| format!(" ({o})")).unwrap_or_default();
            let next = logged
                .follow_up
                .as_ref()
                .map(|f| format!(", next step {}", f.due.format("%m-%d")))
                .unwrap_or_default();
            let warnings: String = logged.warnings.iter().map(|w| format!(" Careful: {w}.")).collect();
            (
                format!("Saved {} with {}{outcome}{next}.{warnings}", logged.touch.kind, logged.account_name),
                vec![input.account],
                false,
                None,
            )
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
                "Saved order {} from {}{customer}{earned}.",
                recorded.order.amount, recorded.account_name
            );
            let mut touched = vec![input.account];
            touched.extend(recorded.earned.iter().map(|e| e.referral.referrer));
            (message, touched, recorded.restored, None)
        }
        Change::AddAccount(input, referred) => {
            let referred = match referred {
                Some(r) => Some(Referred { by: app.resolve_account(&r.by)?, incentive: r.incentive }),
                None => None,
            };
            let record = app.add_account(&input, referred.clone())?;
            let id = record.account.id;
            let mut touched = vec![id];
            touched.extend(referred.map(|r| r.by));
            (format!("Added {}.", record.account.name), touched, true, Some(id))
        }
        Change::EditAccount(id, input) => {
            let record = app.edit_account(id, &input)?;
            (format!("Saved {}.", record.account.name), vec![id], true, None)
        }
        Change::ScheduleFollowUp(input) => {
            let follow_up = app.schedule_follow_up(&input)?;
            (format!("Follow-up on {} saved.", follow_up.due), vec![input.account], false, None)
        }
        Change::CompleteFollowUp(id) => {
            let (follow_up, name) = app.complete_follow_up(id)?;
            (format!("Done: follow-up with {name}."), vec![follow_up.account], false, None)
        }
        Change::SnoozeFollowUp(id, to) => {
            let (follow_up, name) = app.snooze_follow_up(id, to)?;
            (
                format!("Snoozed the follow-up with {name} to {}.", follow_up.due),
                vec![follow_up.account],
                false,
                None,
            )
        }
        Change::StepGrade { account, raise } => {
            let record = app.step_grade(account, raise)?;
            let message = format!("{} is now {}.", record.account.name, record.account.stage_label());
            (message, vec![account], false, None)
        }
        Change::DeliverIncentive(id) => {
            let referral = app.deliver_incentive(id)?;
            let what = referral.incentive.as_deref().map(|i| format!(" ({i})")).unwrap_or_default();
            (format!("Delivered the incentive{what}."), vec![referral.referrer], false, None)
        }
        Change::Undo => {
            let summary = app.undo()?;
            let (summaries, search, incentives) = load_book(app)?;
            let detail = open.and_then(|id| app.account_detail(id).ok());
            return Ok(Saved {
                message: format!("Undid: {summary}."),
                refresh: Refresh::Everything { summaries, search, incentives },
                detail,
                open: None,
            });
        }
    };
    let summaries = touched
        .iter()
        .filter_map(|id| app.store().account(*id).ok().flatten())
        .map(|record| record.summary())
        .collect();
    let search = if searchable { Some(app.store().search_index()?.0) } else { None };
    let incentives = if delivery { Some(app.incentive_costs()?) } else { None };
    let detail = open.filter(|id| touched.contains(id)).map(|id| app.account_detail(id)).transpose()?;
    Ok(Saved {
        message: format!("{message} u undoes it."),
        refresh: Refresh::Accounts { summaries, search, incentives },
        detail,
        open: opened,
    })
}
