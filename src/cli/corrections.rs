//! `amend` and `remove`: correcting one past touch, order or follow-up.

use super::args::{AmendRecord, RemoveRecord};
use super::{CliResult, print, text};
use crate::app::{App, FollowUpChange, OrderChange, TouchChange};
use crate::domain::{Direction, FollowUpId, Money, OrderId, TouchId};

pub fn amend(app: &App, record: &AmendRecord) -> CliResult<i32> {
    let when = |text: &Option<String>| text.as_deref().map(|w| app.parse_when(w)).transpose();
    let line = match record {
        AmendRecord::Touch { id, kind, outcome, at, inbound, outbound, note, lesson } => {
            let direction = match (inbound, outbound) {
                (true, _) => Some(Direction::Inbound),
                (_, true) => Some(Direction::Outbound),
                _ => None,
            };
            let outcome = match outcome.as_deref() {
                None => None,
                Some("none" | "") => Some(None),
                Some(word) => Some(Some(word.parse()?)),
            };
            let change = TouchChange {
                kind: kind.as_deref().map(str::parse).transpose()?,
                outcome,
                direction,
                at: when(at)?,
                note: note.clone(),
                lesson: lesson.clone(),
            };
            let amended = app.amend_touch(TouchId(*id), &change)?;
            let t = &amended.record;
            let outcome = t.outcome.map(|o| format!(" ({o})")).unwrap_or_default();
            format!(
                "Amended touch #{id} with {}: {}{outcome} at {}",
                amended.account_name,
                t.kind,
                text::when(t.at)
            )
        }
        AmendRecord::Order { id, amount, at, note } => {
            let change = OrderChange {
                amount: amount.as_deref().map(Money::parse).transpose()?,
                at: when(at)?,
                note: note.clone(),
            };
            let amended = app.amend_order(OrderId(*id), &change)?;
            let o = &amended.record;
            format!(
                "Amended order #{id} from {}: {} on {}",
                amended.account_name,
                o.amount.grouped(),
                o.at.format("%Y-%m-%d")
            )
        }
        AmendRecord::FollowUp { id, on, kind, note } => {
            let change = FollowUpChange {
                due: when(on)?,
                kind: kind.as_deref().map(str::parse).transpose()?,
                note: note.clone(),
            };
            let amended = app.amend_follow_up(FollowUpId(*id), &change)?;
            let f = &amended.record;
            format!(
                "Amended follow-up #{id} with {}: {} due {} (rescheduling is not a snooze)",
                amended.account_name,
                f.kind,
                f.due_words()
            )
        }
    };
    print(&format!("{line}. `leadline undo` reverts it.\n"));
    Ok(0)
}

pub fn remove(app: &App, record: &RemoveRecord) -> CliResult<i32> {
    let line = match record {
        RemoveRecord::Touch { id } => {
            let removed = app.remove_touch(TouchId(*id))?;
            let t = &removed.record;
            format!("Removed touch #{id} with {}: {} at {}", removed.account_name, t.kind, text::when(t.at))
        }
        RemoveRecord::Order { id } => {
            let removed = app.remove_order(OrderId(*id))?;
            let o = &removed.record;
            format!(
                "Removed order #{id} from {}: {} on {}",
                removed.account_name,
                o.amount.grouped(),
                o.at.format("%Y-%m-%d")
            )
        }
        RemoveRecord::FollowUp { id } => {
            let removed = app.remove_follow_up(FollowUpId(*id))?;
            let f = &removed.record;
            format!("Removed follow-up #{id} with {}: {} due {}", removed.account_name, f.kind, f.due_words())
        }
    };
    print(&format!("{line}. `leadline undo` brings it back.\n"));
    Ok(0)
}
