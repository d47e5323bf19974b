//! `amend` and `remove`: correcting one past touch, order or follow-up.

use super::args::{AmendRecord, RemoveRecord};
use super::{CliResult, done, lang, text};
use crate::app::{App, FollowUpChange, OrderChange, TouchChange};
use crate::domain::{Direction, FollowUpId, Money, OrderId, TouchId};
use crate::i18n::Text as _;

pub fn amend(app: &App, record: &AmendRecord) -> CliResult<i32> {
    let lang = lang();
    let word = |prefix: &str, keyword: &str| lang.text(&format!("{prefix}-{keyword}"));
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
            let outcome =
                t.outcome.map(|o| format!(" ({})", word("outcome", o.as_str()))).unwrap_or_default();
            lang.text_with(
                "cli-amended-touch",
                &[
                    ("id", id.to_string().into()),
                    ("name", amended.account_name.as_str().into()),
                    ("kind", word("kind", t.kind.as_str()).into()),
                    ("outcome", outcome.into()),
                    ("at", text::when(t.at).into()),
                ],
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
            lang.text_with(
                "cli-amended-order",
                &[
                    ("id", id.to_string().into()),
                    ("name", amended.account_name.as_str().into()),
                    ("amount", o.amount.grouped().into()),
                    ("day", o.at.format("%Y-%m-%d").to_string().into()),
                ],
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
            lang.text_with(
                "cli-amended-follow-up",
                &[
                    ("id", id.to_string().into()),
                    ("name", amended.account_name.as_str().into()),
                    ("kind", word("kind", f.kind.as_str()).into()),
                    ("due", f.due_words().into()),
                ],
            )
        }
    };
    done(&lang.text_with("cli-amended", &[("line", line.into())]));
    Ok(0)
}

pub fn remove(app: &App, record: &RemoveRecord) -> CliResult<i32> {
    let lang = lang();
    let word = |prefix: &str, keyword: &str| lang.text(&format!("{prefix}-{keyword}"));
    let line = match record {
        RemoveRecord::Touch { id } => {
            let removed = app.remove_touch(TouchId(*id))?;
            let t = &removed.record;
            lang.text_with(
                "cli-removed-touch",
                &[
                    ("id", id.to_string().into()),
                    ("name", removed.account_name.as_str().into()),
                    ("kind", word("kind", t.kind.as_str()).into()),
                    ("at", text::when(t.at).into()),
                ],
            )
        }
        RemoveRecord::Order { id } => {
            let removed = app.remove_order(OrderId(*id))?;
            let o = &removed.record;
            lang.text_with(
                "cli-removed-order",
                &[
                    ("id", id.to_string().into()),
                    ("name", removed.account_name.as_str().into()),
                    ("amount", o.amount.grouped().into()),
                    ("day", o.at.format("%Y-%m-%d").to_string().into()),
                ],
            )
        }
        RemoveRecord::FollowUp { id } => {
            let removed = app.remove_follow_up(FollowUpId(*id))?;
            let f = &removed.record;
            lang.text_with(
                "cli-removed-follow-up",
                &[
                    ("id", id.to_string().into()),
                    ("name", removed.account_name.as_str().into()),
                    ("kind", word("kind", f.kind.as_str()).into()),
                    ("due", f.due_words().into()),
                ],
            )
        }
    };
    done(&lang.text_with("cli-removed", &[("line", line.into())]));
    Ok(0)
}
