//! The forms that correct one timeline entry: a touch, an order, a
//! follow-up, each prefilled with what was recorded.

use chrono::NaiveDateTime;

use super::{FieldId, FieldsForm, FormTitle, Purpose, Submission};
use crate::app::{FollowUpChange, OrderChange, TouchChange};
use crate::clock::parse_when_in;
use crate::domain::{Direction, FollowUp, Money, Order, Outcome, Touch, TouchKind};
use crate::i18n::{Lang, Words};

/// "in" or "out", as the direction field takes it.
pub(super) fn parse_direction(text: &str, lang: Lang) -> Result<Direction, String> {
    text.trim().parse().map_err(|e: crate::domain::UnknownKeyword| e.words(lang))
}

/// An outcome, or none when empty.
pub(super) fn parse_outcome(text: &str, lang: Lang) -> Result<Option<Outcome>, String> {
    let text = text.trim();
    if text.is_empty() || text == "none" || text == "无" {
        return Ok(None);
    }
    text.parse().map(Some).map_err(|e: crate::domain::UnknownKeyword| e.words(lang))
}

impl FieldsForm {
    pub fn correct_touch(touch: &Touch, name: &str) -> FieldsForm {
        use FieldId as F;
        let direction = if touch.direction == Direction::Inbound { "in" } else { "out" };
        let fields = vec![
            (F::Kind, touch.kind.to_string()),
            (F::Outcome, touch.outcome.map(|o| o.to_string()).unwrap_or_default()),
            (F::Moment, touch.at.format("%Y-%m-%d %H:%M").to_string()),
            (F::Direction, direction.to_string()),
            (F::Note, touch.note.clone()),
            (F::Lesson, touch.lesson.clone()),
        ];
        let title = FormTitle::CorrectTouch { id: touch.id, name: name.to_string(), kind: touch.kind };
        FieldsForm::new(Purpose::CorrectTouch(touch.id), title, fields, None)
    }

    pub fn correct_order(order: &Order, name: &str) -> FieldsForm {
        use FieldId as F;
        let fields = vec![
            (F::Amount, order.amount.to_string()),
            (F::Moment, order.at.format("%Y-%m-%d %H:%M").to_string()),
            (F::Note, order.note.clone()),
        ];
        let title = FormTitle::CorrectOrder { id: order.id, name: name.to_string() };
        FieldsForm::new(Purpose::CorrectOrder(order.id), title, fields, None)
    }

    /// A new day here reschedules: earlier or later, not counted as a snooze.
    pub fn correct_follow_up(follow_up: &FollowUp, name: &str) -> FieldsForm {
        use FieldId as F;
        let due = match follow_up.due_time {
            Some(time) => format!("{} {}", follow_up.due, time.format("%H:%M")),
            None => follow_up.due.to_string(),
        };
        let fields = vec![(F::When, due), (F::Promise, follow_up.note.clone())];
        let title = FormTitle::CorrectFollowUp { id: follow_up.id, name: name.to_string() };
        FieldsForm::new(Purpose::CorrectFollowUp(follow_up.id), title, fields, Some(follow_up.kind))
    }

    /// The correction a valid form asks for (every field as shown).
    pub(super) fn correction(&self, now: NaiveDateTime) -> Result<Option<Submission>, String> {
        use FieldId as F;
        let when = |id| parse_when_in(&self.text(id), now, self.dates).map_err(|e| e.words(self.lang));
        Ok(Some(match &self.purpose {
            Purpose::CorrectTouch(id) => Submission::CorrectTouch(
                *id,
                TouchChange {
                    kind: Some(self.text(F::Kind).parse::<TouchKind>().map_err(|e| e.words(self.lang))?),
                    outcome: Some(parse_outcome(&self.text(F::Outcome), self.lang)?),
                    direction: Some(parse_direction(&self.text(F::Direction), self.lang)?),
                    at: Some(when(F::Moment)?),
                    note: Some(self.raw(F::Note).to_string()),
                    lesson: Some(self.text(F::Lesson)),
                },
            ),
            Purpose::CorrectOrder(id) => Submission::CorrectOrder(
                *id,
                OrderChange {
                    amount: Some(Money::parse(&self.text(F::Amount)).map_err(|e| e.words(self.lang))?),
                    at: Some(when(F::Moment)?),
                    note: Some(self.text(F::Note)),
                },
            ),
            Purpose::CorrectFollowUp(id) => Submission::CorrectFollowUp(
                *id,
                FollowUpChange {
                    due: Some(when(F::When)?),
                    kind: self.kind,
                    note: Some(self.text(F::Promise)),
                },
            ),
            _ => return Ok(None),
        }))
    }
}
