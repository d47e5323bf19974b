//! `calendar sync DIR` and `contacts sync DIR`: the follow-ups and the
//! accounts both ways with vdirs kept in step with a phone's calendar and
//! address book by vdirsyncer or pimsync.

use crate::i18n::msg;

use super::args::{CalendarAction, ContactsAction, SyncAction};
use super::{CliResult, done, lang, say};
use crate::app::App;
use crate::app::calendar::Reminder;
use crate::app::calendar_sync::{CalendarSyncReport, PhoneChange};
use crate::app::contacts_sync::ContactsSyncReport;
use crate::i18n::shown::ShownTime as _;

pub fn calendar(app: &App, action: &CalendarAction) -> CliResult<i32> {
    let CalendarAction::Sync { dir, alarm, dry_run } = action;
    let reminder = Reminder { minutes: (*alarm > 0).then_some(*alarm), ..Default::default() };
    let report = app.sync_calendar(dir, reminder, *dry_run)?;
    for line in calendar_lines(app, &report) {
        say(&line);
    }
    let args = msg::CliCalendarSynced {
        dir: dir.display().to_string(),
        first: if report.first { "yes" } else { "no" },
        dry: if *dry_run { "yes" } else { "no" },
        changes: report.changes.len(),
        conflicts: report.conflicts.len(),
        written: report.written,
        removed: report.removed,
    };
    done(&args.text(lang()));
    Ok(0)
}

/// A line for each change the phone made, each conflict and each event
/// that did not become a follow-up.
fn calendar_lines(app: &App, report: &CalendarSyncReport) -> Vec<String> {
    let ui = &app.config().ui;
    let lang = lang();
    let mut lines: Vec<String> = report
        .changes
        .iter()
        .map(|change| match change {
            PhoneChange::Moved { before, after, name } => msg::CliCalendarMoved {
                id: after.id.to_string(),
                name: name.as_str(),
                from: ui.due(before),
                to: ui.due(after),
                snoozed: if after.snoozes > before.snoozes { "yes" } else { "no" },
            }
            .text(lang),
            PhoneChange::Done { follow_up, name } => msg::CliCalendarDone {
                id: follow_up.id.to_string(),
                name: name.as_str(),
                due: ui.due(follow_up),
            }
            .text(lang),
            PhoneChange::Added { follow_up, name, title } => msg::CliCalendarAdded {
                id: follow_up.id.to_string(),
                name: name.as_str(),
                due: ui.due(follow_up),
                title: title.as_str(),
            }
            .text(lang),
        })
        .collect();
    for (follow_up, name) in &report.conflicts {
        lines.push(msg::CliCalendarConflict { id: follow_up.id.to_string(), name: name.as_str() }.text(lang));
    }
    let list = msg::ListSeparator.text(lang);
    for unmatched in &report.unmatched {
        let args = msg::CliCalendarUnmatched {
            file: unmatched.file.as_str(),
            title: unmatched.title.as_str(),
            candidates: unmatched.candidates.join(&list),
            count: unmatched.candidates.len(),
        };
        lines.push(args.text(lang));
    }
    lines
}

pub fn contacts(app: &App, action: &ContactsAction) -> CliResult<i32> {
    let ContactsAction::Sync { dir, add_new, dry_run } = action;
    let report = app.sync_contacts(dir, *add_new, *dry_run)?;
    for line in contacts_lines(&report) {
        say(&line);
    }
    let waiting = report.new_cards.iter().filter(|c| c.added.is_none() && c.same_as.is_none()).count();
    let args = msg::CliContactsSynced {
        dir: dir.display().to_string(),
        first: if report.first { "yes" } else { "no" },
        dry: if *dry_run { "yes" } else { "no" },
        filled: report.filled.len(),
        linked: report.linked.len(),
        added: report.new_cards.iter().filter(|c| c.added.is_some()).count(),
        waiting,
        conflicts: report.conflicts.len(),
        written: report.written,
        removed: report.removed,
    };
    done(&args.text(lang()));
    Ok(0)
}

/// A line for each account the phone filled in, each card linked or new,
/// each conflict and each card deleted on the phone.
fn contacts_lines(report: &ContactsSyncReport) -> Vec<String> {
    let lang = lang();
    let list = msg::ListSeparator.text(lang);
    let mut lines = Vec::new();
    for filled in &report.filled {
        let mut what: Vec<String> = filled.phones.clone();
        what.extend(filled.email.iter().cloned());
        what.extend(filled.noted.iter().map(|e| msg::CliContactsInNote { email: e.as_str() }.text(lang)));
        let args = msg::CliContactsFilled {
            id: filled.account.to_string(),
            name: filled.name.as_str(),
            what: what.join(&list),
        };
        lines.push(args.text(lang));
    }
    for linked in &report.linked {
        let args = msg::CliContactsLinked {
            file: linked.file.as_str(),
            id: linked.account.to_string(),
            name: linked.name.as_str(),
        };
        lines.push(args.text(lang));
    }
    for conflict in &report.conflicts {
        let field = match conflict.field {
            "phones" => msg::CardPhone.text(lang),
            _ => msg::CardEmail.text(lang),
        };
        let args = msg::CliContactsConflict {
            id: conflict.account.to_string(),
            name: conflict.name.as_str(),
            field,
        };
        lines.push(args.text(lang));
    }
    for (id, name) in &report.deleted {
        lines.push(msg::CliContactsDeleted { id: id.to_string(), name: name.as_str() }.text(lang));
    }
    for card in &report.new_cards {
        let (state, other) = match (&card.added, &card.same_as) {
            (Some(id), _) => ("added", format!("#{id}")),
            (None, Some((id, name))) => ("same", format!("#{id} {name}")),
            (None, None) => ("waiting", String::new()),
        };
        let args = msg::CliContactsNewCard {
            file: card.file.as_str(),
            name: card.name.as_str(),
            phones: card.phones.join(&list),
            state,
            other,
        };
        lines.push(args.text(lang));
    }
    lines
}

/// `sync init`: the team's database created or brought up to date, roles
/// made reps and managers.
pub fn team(config: &crate::config::Config, action: &SyncAction) -> CliResult<i32> {
    let SyncAction::Init { url, rep, manager } = action;
    let init = crate::app::team::init_team(config, url.as_deref(), rep, manager)?;
    let lang = lang();
    let list = msg::ListSeparator.text(lang);
    let named = |roles: &[String]| if roles.is_empty() { "none".to_string() } else { roles.join(&list) };
    let args = msg::CliSyncInit {
        now: init.now,
        was: init.was,
        reps: named(&init.reps),
        managers: named(&init.managers),
    };
    done(&args.text(lang));
    Ok(0)
}

/// `leadline sync`: sends what changed here, applies what the others did,
/// and says what came in.
pub fn book(app: &App) -> CliResult<i32> {
    let report = app.sync()?;
    let lang = lang();
    done(
        &msg::CliSyncSent { count: report.sent, book: report.book.as_str(), device: report.device.as_str() }
            .text(lang),
    );
    for line in received_lines(&report) {
        done(&line);
    }
    for settled in &report.settled {
        let crate::app::sync::Settled::SecondReferrer { account, kept, dropped } = settled;
        say(&msg::CliSyncSettled {
            account: account.as_str(),
            kept: kept.as_str(),
            dropped: dropped.as_str(),
        }
        .text(lang));
    }
    for refused in &report.refused {
        super::warn(&msg::CliSyncRefused { what: refused.as_str() }.text(lang));
    }
    Ok(0)
}

/// What came in, a line per device ("From laptop: 3 touches, 1 order, 2
/// accounts changed.").
pub fn received_lines(report: &crate::app::sync::SyncReport) -> Vec<String> {
    let lang = lang();
    let separator = msg::SyncListSeparator.text(lang);
    let mut lines: Vec<String> = report
        .received
        .iter()
        .filter(|(_, received)| !received.is_empty())
        .map(|(device, received)| {
            let counts = [
                (received.touches, msg::SyncCountTouches { count: received.touches }.text(lang)),
                (received.orders, msg::SyncCountOrders { count: received.orders }.text(lang)),
                (received.follow_ups, msg::SyncCountFollowUps { count: received.follow_ups }.text(lang)),
                (received.referrals, msg::SyncCountReferrals { count: received.referrals }.text(lang)),
                (
                    received.accounts.len(),
                    msg::SyncCountAccounts { count: received.accounts.len() }.text(lang),
                ),
                (received.other, msg::SyncCountOther { count: received.other }.text(lang)),
            ];
            let what: Vec<String> =
                counts.into_iter().filter(|(n, _)| *n > 0).map(|(_, text)| text).collect();
            msg::CliSyncFrom { device: device.as_str(), what: what.join(&separator) }.text(lang)
        })
        .collect();
    if lines.is_empty() {
        lines.push(msg::CliSyncNothingCame.text(lang));
    }
    lines
}

/// `leadline sync --status`: what waits to be sent and how the last sync
/// went, without the server.
pub fn status(app: &App) -> CliResult<i32> {
    let lang = lang();
    let Some(url) = app.config().sync.url.clone() else {
        done(&msg::CliSyncStatusOff.text(lang));
        return Ok(0);
    };
    let status = app.sync_status()?;
    let ui = &app.config().ui;
    let last = match (&status.last.at, &status.last.error) {
        (None, _) => msg::CliSyncStatusNever.text(lang),
        (Some(at), None) => msg::CliSyncStatusAt { at: ui.moment(*at) }.text(lang),
        (Some(at), Some(error)) => {
            msg::CliSyncStatusFailed { at: ui.moment(*at), error: error.as_str() }.text(lang)
        }
    };
    done(&msg::CliSyncStatus { url: url.as_str(), pending: status.pending, last }.text(lang));
    Ok(0)
}

/// Under `[sync] auto`, a change made here starts a sync in the
/// background: its own process, which connects before it opens the store
/// (a server out of reach never keeps the store from the next command).
pub fn start_if_auto(app: &App) {
    use std::os::unix::process::CommandExt;
    use std::process::{Command, Stdio};
    let rules = &app.config().sync;
    if !rules.auto || rules.url.is_none() || !app.sync_pending().is_ok_and(|pending| pending > 0) {
        return;
    }
    let Ok(program) = std::env::current_exe() else { return };
    if program.file_stem().is_none_or(|stem| stem != "leadline") {
        return;
    }
    let _ = Command::new(program)
        .arg("--store")
        .arg(app.dir())
        .args(["sync", "--background"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn();
}
