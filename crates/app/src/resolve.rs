//! Turning what a user typed into one account: an id, an exact name, or a
//! query with exactly one search hit.

use super::{App, AppError, AppResult};
use crate::domain::{AccountId, contact::clean_text, phone};
use crate::i18n::msg;
use crate::search::{DocRef, Query};
use crate::store::Records;

/// An account offered when a reference is ambiguous.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub id: AccountId,
    pub name: String,
    pub company: Option<String>,
}

impl Candidate {
    fn from_doc(doc: &DocRef<'_>) -> Candidate {
        Candidate { id: doc.id, name: doc.name().to_string(), company: doc.company().map(str::to_string) }
    }

    pub fn list(candidates: &[Candidate]) -> String {
        candidates
            .iter()
            .map(|c| match &c.company {
                Some(company) => format!("{} (#{}, {company})", c.name, c.id),
                None => format!("{} (#{})", c.name, c.id),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

const SHOWN_CANDIDATES: usize = 8;

/// Digits typed with `tel:`, or a bare number this long, may be a phone.
const PHONE_DIGITS: usize = 5;

impl App {
    /// The one account a reference names. A bare number (`12`, `#12`) is an
    /// id; `tel:` and digits (or a bare number of five digits or more that
    /// is no id) match phone numbers; otherwise an exact name, or a search
    /// with exactly one hit. Anything else is an error that lists the
    /// candidates.
    pub fn resolve_account(&self, reference: &str) -> AppResult<AccountId> {
        let text = clean_text(reference);
        if text.is_empty() {
            return Err(AppError::Invalid(msg::ErrorAccountEmpty.text(self.config.ui.lang())));
        }
        let number = text.strip_prefix('#').unwrap_or(&text);
        if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) {
            if let Ok(id) = number.parse::<u64>() {
                if self.store.account(AccountId(id))?.is_some() {
                    return Ok(AccountId(id));
                }
            }
            if text.starts_with('#') || number.len() < PHONE_DIGITS {
                return Err(AppError::NoSuchAccount(format!("#{number}")));
            }
            return self.resolve_phone(number, &text);
        }
        if let Some(phone) = text.strip_prefix("tel:") {
            let digits = phone::search_digits(phone, self.region());
            if digits.len() < PHONE_DIGITS {
                let args = msg::ErrorPhoneDigits { text: text.as_str(), digits: PHONE_DIGITS };
                return Err(AppError::Invalid(args.text(self.config.ui.lang())));
            }
            return self.resolve_phone(&digits, &text);
        }
        let (index, _) = self.store.search_index()?;
        let wanted = text.to_lowercase();
        let exact: Vec<DocRef<'_>> = index.docs().filter(|d| d.name().to_lowercase() == wanted).collect();
        match exact.as_slice() {
            [only] => return Ok(only.id),
            [] => {}
            many => return Err(ambiguous(&text, many.iter().copied(), many.len())),
        }
        let found = index.search_within(
            &Query::parse(&phone::search_text(&text, self.region())),
            None,
            SHOWN_CANDIDATES,
        );
        match found.hits.as_slice() {
            [] => Err(AppError::NoSuchAccount(text)),
            [only] if found.total == 1 => Ok(only.id),
            shown => Err(ambiguous(&text, shown.iter().map(|h| index.doc(h.index)), found.total)),
        }
    }

    /// The one account with a phone number holding `digits`.
    fn resolve_phone(&self, digits: &str, text: &str) -> AppResult<AccountId> {
        let (index, _) = self.store.search_index()?;
        let hits: Vec<DocRef<'_>> = index.docs().filter(|d| d.has_phone_digits(digits)).collect();
        match hits.as_slice() {
            [only] => Ok(only.id),
            [] => Err(AppError::NoSuchAccount(text.to_string())),
            many => Err(ambiguous(text, many.iter().copied(), many.len())),
        }
    }
}

fn ambiguous<'a>(query: &str, docs: impl Iterator<Item = DocRef<'a>>, total: usize) -> AppError {
    let candidates: Vec<Candidate> = docs.take(SHOWN_CANDIDATES).map(|d| Candidate::from_doc(&d)).collect();
    AppError::Ambiguous { query: query.to_string(), candidates, total }
}
