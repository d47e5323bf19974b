//! The form of a competitor note: who, then the five questions reps ask
//! (strength, offer, floor, weakness, edge), their price and credit, a
//! note. Saving it confirms the note today.

use super::{FieldId, FieldsForm, FormTitle, Purpose, Submission};
use crate::app::NoteInput;
use crate::domain::{AccountId, CompetitorNote, Competitors};
use crate::i18n::Words as _;

impl FieldsForm {
    /// A new note at the account, or the note at `position` (its fields
    /// prefilled) to change.
    pub fn competitor_note(
        account: AccountId,
        name: &str,
        note: Option<(usize, &CompetitorNote)>,
        book: &Competitors,
    ) -> FieldsForm {
        use FieldId as F;
        let text =
            |f: fn(&CompetitorNote) -> Option<String>| note.and_then(|(_, n)| f(n)).unwrap_or_default();
        let competitor = note
            .and_then(|(_, n)| n.competitor)
            .and_then(|id| book.name_of(id))
            .map(str::to_string)
            .unwrap_or_default();
        let mut fields = vec![
            (F::CompetitorName, competitor.clone()),
            (F::Strength, text(|n| n.strength.clone())),
            (F::Offer, text(|n| n.offer.clone())),
            (F::Floor, text(|n| n.floor.clone())),
            (F::Weakness, text(|n| n.weakness.clone())),
            (F::Edge, text(|n| n.edge.clone())),
            (F::Price, text(|n| n.price.map(|p| p.to_string()))),
            (F::CreditDays, text(|n| n.credit_days.map(|d| d.to_string()))),
        ];
        // A note carried over from the old free text keeps it here.
        if note.is_some_and(|(_, n)| n.note.is_some()) {
            fields.push((F::Note, text(|n| n.note.clone())));
        }
        let position = note.map(|(position, _)| position);
        let title = match position {
            Some(_) if !competitor.is_empty() => FormTitle::EditCompetitor { name: name.into(), competitor },
            Some(_) => FormTitle::NameCompetitor { name: name.into() },
            None => FormTitle::AddCompetitor { name: name.into() },
        };
        FieldsForm::new(Purpose::CompetitorNote(account, position), title, fields, None)
    }

    /// The note a valid competitor form asks for.
    pub(super) fn competitor_submission(&self) -> Result<Option<Submission>, String> {
        use FieldId as F;
        let Purpose::CompetitorNote(account, position) = self.purpose else { return Ok(None) };
        let name = self.text(F::CompetitorName);
        if name.is_empty() && position.is_none() {
            let field = self.fields[0].label_in(self.lang);
            let error = crate::domain::contact::ContactError::EmptyName.words(self.lang);
            return Err(crate::i18n::msg::FormError { field, error }.text(self.lang));
        }
        // Every answer as shown: one the rep emptied is cleared.
        let shown = |id| Some(self.raw(id).to_string());
        let input = NoteInput {
            competitor: (!name.is_empty()).then(|| name.clone()),
            strength: shown(F::Strength),
            offer: shown(F::Offer),
            floor: shown(F::Floor),
            weakness: shown(F::Weakness),
            edge: shown(F::Edge),
            note: self.has(F::Note).then(|| self.raw(F::Note).to_string()),
            price: shown(F::Price),
            credit_days: shown(F::CreditDays),
            confirmed: None,
        };
        Ok(Some(Submission::CompetitorNote(account, position, input)))
    }
}
