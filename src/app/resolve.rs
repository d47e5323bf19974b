//! Turning what a user typed into one account: an id, an exact name, or a
//! query with exactly one search hit.

use super::{App, AppError, AppResult};
use crate::domain::{AccountId, contact::clean_text};
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

impl App {
    pub fn resolve_account(&self, reference: &str) -> AppResult<AccountId> {
        let text = clean_text(reference);
        if text.is_empty() {
            return Err(AppError::Invalid("the account is empty: give an id, a name or a search".into()));
        }
        if let Ok(number) = text.trim_start_matches('#').parse::<u64>() {
            if self.store.account(AccountId(number))?.is_some() {
                return Ok(AccountId(number));
            }
        }
        let (index, _) = self.store.search_index()?;
        let wanted = text.to_lowercase();
        let exact: Vec<DocRef<'_>> = index.docs().filter(|d| d.name().to_lowercase() == wanted).collect();
        match exact.as_slice() {
            [only] => return Ok(only.id),
            [] => {}
            many => return Err(ambiguous(&text, many.iter().copied(), many.len())),
        }
        let found = index.search_within(&Query::parse(&text), None, SHOWN_CANDIDATES);
        match found.hits.as_slice() {
            [] => Err(AppError::NoSuchAccount(text)),
            [only] if found.total == 1 => Ok(only.id),
            shown => Err(ambiguous(&text, shown.iter().map(|h| index.doc(h.index)), found.total)),
        }
    }
}

fn ambiguous<'a>(query: &str, docs: impl Iterator<Item = DocRef<'a>>, total: usize) -> AppError {
    let candidates: Vec<Candidate> = docs.take(SHOWN_CANDIDATES).map(|d| Candidate::from_doc(&d)).collect();
    AppError::Ambiguous { query: query.to_string(), candidates, total }
}
