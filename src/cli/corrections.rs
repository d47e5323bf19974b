//! `amend` and `remove`: correcting one past touch, order or follow-up.

use super::args::{AmendRecord, RemoveRecord};
use super::{CliResult, done, lang, text};
use crate::app::{App, FollowUpChange, OrderChange, TouchChange};
use crate::domain::{Direction, FollowUpId, Money, OrderId, TouchId};
use crate::i18n::shown::ShownTime as _;
use crate::i18n::{msg, terms};

pub fn amend(app: &App, record: &AmendRecord) -> CliResult<i32> {
    let lang = lang();
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
                kind: *kind,
                outcome,
                direction,
                at: when(at)?,
                note: note.clone(),
                lesson: lesson.clone(),
            };
            let amended = app.amend_touch(TouchId(*id), &change)?;
            let t = &amended.record;
            let outcome = t.outcome.map(|o| format!(" ({})", terms::outcome(o, lang))).unwrap_or_default();
            msg::CliAmendedTouch {
                id: id.to_string(),
                name: amended.account_name.as_str(),
                kind: terms::kind(t.kind, lang),
                outcome,
                at: text::when(t.at, &app.config().ui),
            }
            .text(lang)
        }
        AmendRecord::Order { id, amount, at, note } => {
            let change = OrderChange {
                amount: amount.as_deref().map(Money::parse).transpose()?,
                at: when(at)?,
                note: note.clone(),
            };
            let amended = app.amend_order(OrderId(*id), &change)?;
            let o = &amended.record;
            msg::CliAmendedOrder {
                id: id.to_string(),
                name: amended.account_name.as_str(),
                amount: app.config().ui.money(o.amount),
                day: o.at.format("%Y-%m-%d").to_string(),
            }
            .text(lang)
        }
        AmendRecord::FollowUp { id, on, kind, note } => {
            let change = FollowUpChange { due: when(on)?, kind: *kind, note: note.clone() };
            let amended = app.amend_follow_up(FollowUpId(*id), &change)?;
            let f = &amended.record;
            msg::CliAmendedFollowUp {
                id: id.to_string(),
                name: amended.account_name.as_str(),
                kind: terms::kind(f.kind, lang),
                due: app.config().ui.due(f),
            }
            .text(lang)
        }
    };
    done(&msg::CliAmended { line }.text(lang));
    Ok(0)
}

pub fn remove(app: &App, record: &RemoveRecord) -> CliResult<i32> {
    let lang = lang();
    let line = match record {
        RemoveRecord::Touch { id } => {
            let removed = app.remove_touch(TouchId(*id))?;
            let t = &removed.record;
            msg::CliRemovedTouch {
                id: id.to_string(),
                name: removed.account_name.as_str(),
                kind: terms::kind(t.kind, lang),
                at: text::when(t.at, &app.config().ui),
            }
            .text(lang)
        }
        RemoveRecord::Order { id } => {
            let removed = app.remove_order(OrderId(*id))?;
            let o = &removed.record;
            msg::CliRemovedOrder {
                id: id.to_string(),
                name: removed.account_name.as_str(),
                amount: app.config().ui.money(o.amount),
                day: o.at.format("%Y-%m-%d").to_string(),
            }
            .text(lang)
        }
        RemoveRecord::FollowUp { id } => {
            let removed = app.remove_follow_up(FollowUpId(*id))?;
            let f = &removed.record;
            msg::CliRemovedFollowUp {
                id: id.to_string(),
                name: removed.account_name.as_str(),
                kind: terms::kind(f.kind, lang),
                due: app.config().ui.due(f),
            }
            .text(lang)
        }
    };
    done(&msg::CliRemoved { line }.text(lang));
    Ok(0)
}
