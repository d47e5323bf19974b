//! `calendar sync DIR`: the follow-ups both ways with a vdir kept in step
//! with a phone's calendar by vdirsyncer or pimsync.

use crate::i18n::msg;

use super::args::CalendarAction;
use super::{CliResult, done, lang, say};
use crate::app::App;
use crate::app::calendar::Reminder;
use crate::app::calendar_sync::{CalendarSyncReport, PhoneChange};
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
