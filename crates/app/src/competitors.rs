//! Competitors: the book's brands and companies and their other names,
//! what the rep knows of each at an account (the five questions), and the
//! deals lost to them (the report across the book: competitor_report.rs).

use chrono::{NaiveDate, NaiveDateTime};

use super::{App, AppError, AppResult, Written};
use crate::domain::contact::{ContactError, TextField, check_field, optional_field};
use crate::domain::{AccountId, Competitor, CompetitorId, CompetitorNote, Competitors, Money, Question, Uid};
use crate::i18n::msg;
use crate::store::{AccountRecord, Txn};

/// A note's fields as the rep gives them; `None` leaves a field as it is
/// and `Some("")` clears it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NoteInput {
    /// Names the note's competitor anew (edit): a note carried over from
    /// the free text gets its competitor this way.
    pub competitor: Option<String>,
    pub strength: Option<String>,
    pub offer: Option<String>,
    pub floor: Option<String>,
    pub weakness: Option<String>,
    pub edge: Option<String>,
    pub note: Option<String>,
    /// Their price, as typed (`2,650`, `¥2650`).
    pub price: Option<String>,
    pub credit_days: Option<String>,
    /// The day it was confirmed; without one, today.
    pub confirmed: Option<NaiveDate>,
}

impl NoteInput {
    pub fn answer(&self, question: Question) -> Option<&String> {
        match question {
            Question::Strength => self.strength.as_ref(),
            Question::Offer => self.offer.as_ref(),
            Question::Floor => self.floor.as_ref(),
            Question::Weakness => self.weakness.as_ref(),
            Question::Edge => self.edge.as_ref(),
        }
    }

    fn apply_to(&self, note: &mut CompetitorNote, today: NaiveDate) -> AppResult<()> {
        for question in Question::ALL {
            if let Some(text) = self.answer(question) {
                *note.answer_mut(question) = optional_field(TextField::CompetitorAnswer, text)?;
            }
        }
        if let Some(text) = &self.note {
            note.note = optional_field(TextField::Note, text)?;
        }
        if let Some(price) = &self.price {
            note.price = match price.trim() {
                "" => None,
                text => Some(Money::parse(text)?),
            };
        }
        if let Some(days) = &self.credit_days {
            note.credit_days = match days.trim() {
                "" => None,
                text => Some(
                    text.parse::<u32>()
                        .ok()
                        .filter(|d| *d <= MAX_CREDIT_DAYS)
                        .ok_or_else(|| AppError::Input(super::InputError::CreditDays(text.to_string())))?,
                ),
            };
        }
        let confirmed = match self.confirmed {
            Some(day) => crate::domain::dates::check_date(day)?,
            None => today,
        };
        note.confirmed = Some(confirmed);
        Ok(())
    }
}

/// Credit terms longer than ten years are a typing mistake.
pub const MAX_CREDIT_DAYS: u32 = 3650;

/// Which of an account's notes: by its competitor's name (or alias), or
/// by its place in the account's list (`#2`), which also reaches a note
/// whose competitor is not named yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoteRef {
    Named(String),
    Position(usize),
}

impl NoteRef {
    pub fn parse(text: &str) -> NoteRef {
        match text.trim().strip_prefix('#').and_then(|n| n.parse::<usize>().ok()) {
            Some(position) if position > 0 => NoteRef::Position(position),
            _ => NoteRef::Named(text.trim().to_string()),
        }
    }
}

/// A note as written, with the name of its competitor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoteSaved {
    pub account: AccountRecord,
    /// The competitor's name; none for a note whose competitor is unnamed.
    pub competitor: Option<String>,
}

/// What naming a competitor by another name did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Aliased {
    /// The name is now one of the competitor's.
    Added { competitor: String, alias: String },
    /// The name was another competitor of the book: the two are one now,
    /// its notes and lost deals count for the first.
    Merged { competitor: String, merged: String, accounts: usize },
}

impl App {
    /// The book's competitors.
    pub fn competitors(&self) -> AppResult<Competitors> {
        Ok(self.store.competitor_book()?)
    }

    /// The competitor named `name` (or one of its aliases) in `txn`,
    /// added to the book when there is none; says whether it was added.
    pub(crate) fn competitor_in(
        &self,
        txn: &mut Txn<'_>,
        name: &str,
        now: NaiveDateTime,
    ) -> AppResult<(CompetitorId, bool)> {
        let name = check_field(TextField::CompetitorName, name)?;
        if name.is_empty() {
            return Err(ContactError::EmptyName.into());
        }
        if let Some(found) = txn.competitors()?.find(&name) {
            return Ok((found.id, false));
        }
        let id = CompetitorId(txn.next_id("competitor")?);
        txn.put_competitor(&Competitor {
            id,
            uid: Uid::NIL,
            name,
            aliases: Vec::new(),
            merged_into: None,
            created_at: now,
        });
        Ok((id, true))
    }

    pub(crate) fn no_such_competitor(&self, name: &str) -> AppError {
        AppError::NotFound(msg::ErrorNoSuchCompetitor { name }.text(self.config.ui.lang()))
    }

    /// An account has one note per competitor.
    fn note_exists(&self, account: &str, competitor: &str) -> AppError {
        let args = msg::ErrorCompetitorNoteExists { name: account, competitor };
        AppError::Conflict(args.text(self.config.ui.lang()))
    }

    /// Adds a note on `name` at the account: the competitor is added to the
    /// book when it is new. An account has one note per competitor.
    pub fn add_competitor_note(
        &self,
        account: AccountId,
        name: &str,
        input: &NoteInput,
    ) -> AppResult<Written<NoteSaved>> {
        let lang = self.config.ui.lang();
        let mut record = self.record(account)?;
        let now = self.now();
        let mut txn = self.begin();
        let (id, added) = self.competitor_in(&mut txn, name, now)?;
        let book = txn.competitors()?.clone();
        let competitor = book.name_of(id).unwrap_or(name).to_string();
        if record.account.competitor_notes.iter().any(|n| same_competitor(&book, n.competitor, id)) {
            return Err(self.note_exists(&record.account.name, &competitor));
        }
        let mut note = CompetitorNote { competitor: Some(id), ..CompetitorNote::default() };
        NoteInput { competitor: None, ..input.clone() }.apply_to(&mut note, now.date())?;
        record.account.competitor_notes.push(note);
        txn.put_account(&record)?;
        let summary = msg::HistoryCompetitorAdd {
            competitor: competitor.as_str(),
            name: record.account.name.as_str(),
            id: account.to_string(),
        };
        let changes = txn.commit(summary.text(lang), now)?;
        let also = added.then(|| msg::AlsoCompetitorNew { competitor: competitor.as_str() }.text(lang));
        Ok(Written {
            value: NoteSaved { account: record, competitor: Some(competitor) },
            changes,
            also: also.into_iter().collect(),
        })
    }

    /// The place in the account's notes of the note `which` names.
    fn note_position(&self, record: &AccountRecord, book: &Competitors, which: &NoteRef) -> AppResult<usize> {
        let lang = self.config.ui.lang();
        let notes = &record.account.competitor_notes;
        match which {
            NoteRef::Position(position) if *position <= notes.len() => Ok(position - 1),
            NoteRef::Position(position) => Err(AppError::NotFound(
                msg::ErrorNoSuchNotePosition {
                    name: record.account.name.as_str(),
                    position: position.to_string(),
                    count: notes.len(),
                }
                .text(lang),
            )),
            NoteRef::Named(name) => {
                let competitor = book.find(name).ok_or_else(|| self.no_such_competitor(name))?;
                notes.iter().position(|n| same_competitor(book, n.competitor, competitor.id)).ok_or_else(
                    || {
                        AppError::NotFound(
                            msg::ErrorNoCompetitorNote {
                                name: record.account.name.as_str(),
                                competitor: competitor.name.as_str(),
                            }
                            .text(lang),
                        )
                    },
                )
            }
        }
    }

    /// Changes the fields given of one note and confirms it (today, or the
    /// day given); `competitor` names its competitor anew.
    pub fn edit_competitor_note(
        &self,
        account: AccountId,
        which: &NoteRef,
        input: &NoteInput,
    ) -> AppResult<Written<NoteSaved>> {
        let lang = self.config.ui.lang();
        let mut record = self.record(account)?;
        let now = self.now();
        let mut txn = self.begin();
        let book = txn.competitors()?.clone();
        let position = self.note_position(&record, &book, which)?;
        let mut also = Vec::new();
        if let Some(name) = &input.competitor {
            let (id, added) = self.competitor_in(&mut txn, name, now)?;
            let book = txn.competitors()?.clone();
            let taken = record
                .account
                .competitor_notes
                .iter()
                .enumerate()
                .any(|(i, n)| i != position && same_competitor(&book, n.competitor, id));
            if taken {
                return Err(self.note_exists(&record.account.name, book.name_of(id).unwrap_or(name)));
            }
            if added {
                also.push(msg::AlsoCompetitorNew { competitor: book.name_of(id).unwrap_or(name) }.text(lang));
            }
            record.account.competitor_notes[position].competitor = Some(id);
        }
        input.apply_to(&mut record.account.competitor_notes[position], now.date())?;
        txn.put_account(&record)?;
        let book = txn.competitors()?.clone();
        let competitor = record.account.competitor_notes[position].competitor.and_then(|id| book.name_of(id));
        let competitor = competitor.map(str::to_string);
        let shown = competitor.clone().unwrap_or_else(|| msg::CompetitorUnnamed.text(lang));
        let summary = msg::HistoryCompetitorEdit {
            competitor: shown.as_str(),
            name: record.account.name.as_str(),
            id: account.to_string(),
        };
        let changes = txn.commit(summary.text(lang), now)?;
        Ok(Written { value: NoteSaved { account: record, competitor }, changes, also })
    }

    /// Removes one note (the competitor stays in the book).
    pub fn remove_competitor_note(
        &self,
        account: AccountId,
        which: &NoteRef,
    ) -> AppResult<Written<NoteSaved>> {
        let lang = self.config.ui.lang();
        let mut record = self.record(account)?;
        let book = self.competitors()?;
        let position = self.note_position(&record, &book, which)?;
        let gone = record.account.competitor_notes.remove(position);
        let competitor = gone.competitor.and_then(|id| book.name_of(id)).map(str::to_string);
        let shown = competitor.clone().unwrap_or_else(|| msg::CompetitorUnnamed.text(lang));
        let mut txn = self.begin();
        txn.put_account(&record)?;
        let summary = msg::HistoryCompetitorRemove {
            competitor: shown.as_str(),
            name: record.account.name.as_str(),
            id: account.to_string(),
        };
        let changes = txn.commit(summary.text(lang), self.now())?;
        Ok(Written { value: NoteSaved { account: record, competitor }, changes, also: Vec::new() })
    }

    /// Makes `alias` a name of the competitor `name`. When `alias` is
    /// another competitor of the book, the two become one: the other's
    /// notes and lost deals count for this one, and its names are this
    /// one's too.
    pub fn alias_competitor(&self, name: &str, alias: &str) -> AppResult<Written<Aliased>> {
        let lang = self.config.ui.lang();
        let book = self.competitors()?;
        let mut competitor = book.find(name).ok_or_else(|| self.no_such_competitor(name))?.clone();
        let alias = check_field(TextField::CompetitorName, alias)?;
        if alias.is_empty() {
            return Err(ContactError::EmptyName.into());
        }
        let now = self.now();
        let mut txn = self.begin();
        let (outcome, summary) = match book.find(&alias) {
            Some(other) if other.id == competitor.id => {
                return Err(AppError::Conflict(
                    msg::ErrorAliasSame { alias: alias.as_str(), competitor: competitor.name.as_str() }
                        .text(lang),
                ));
            }
            Some(other) => {
                let mut merged = other.clone();
                merged.merged_into = Some(competitor.id);
                txn.put_competitor(&merged);
                let accounts = self.follow_names(&mut txn, &book, competitor.id, Some(merged.id))?;
                let summary = msg::HistoryCompetitorMerge {
                    gone: merged.name.as_str(),
                    competitor: competitor.name.as_str(),
                }
                .text(lang);
                (
                    Aliased::Merged { competitor: competitor.name.clone(), merged: merged.name, accounts },
                    summary,
                )
            }
            None => {
                competitor.aliases.push(alias.clone());
                txn.put_competitor(&competitor);
                self.follow_names(&mut txn, &book, competitor.id, None)?;
                let summary = msg::HistoryCompetitorAlias {
                    alias: alias.as_str(),
                    competitor: competitor.name.as_str(),
                }
                .text(lang);
                (Aliased::Added { competitor: competitor.name.clone(), alias }, summary)
            }
        };
        let changes = txn.commit(summary, now)?;
        Ok(Written { value: outcome, changes, also: Vec::new() })
    }

    /// After the names of `keep` changed (an alias, or `gone` merged into
    /// it; `book` as it was before): every account naming either gets a
    /// search entry with the new names, and one with notes on both keeps
    /// one, `keep`'s with what `gone`'s adds. Says how many named `gone`.
    fn follow_names(
        &self,
        txn: &mut Txn<'_>,
        book: &Competitors,
        keep: CompetitorId,
        gone: Option<CompetitorId>,
    ) -> AppResult<usize> {
        let of = |note: &CompetitorNote| note.competitor.and_then(|c| book.canonical(c)).map(|c| c.id);
        let mut naming_gone = 0;
        for mut record in self.store.accounts()?.items {
            let notes = &mut record.account.competitor_notes;
            let kept = notes.iter().position(|n| of(n) == Some(keep));
            let other = gone.and_then(|gone| notes.iter().position(|n| of(n) == Some(gone)));
            match (kept, other) {
                (None, None) => continue,
                (Some(kept), Some(other)) => {
                    let absorbed = notes.remove(other);
                    notes[if kept > other { kept - 1 } else { kept }].absorb(&absorbed);
                    txn.put_account(&record)?;
                }
                _ => {}
            }
            naming_gone += usize::from(other.is_some());
            txn.reindex(record.account.id);
        }
        Ok(naming_gone)
    }

    /// A competitor the deal went to, in a change that records the loss:
    /// added to the book when new, and noted at the account (they sell
    /// there now) when it had no note on them. Words for what it did.
    pub(crate) fn lost_to_in(
        &self,
        txn: &mut Txn<'_>,
        record: &mut AccountRecord,
        name: &str,
        now: NaiveDateTime,
    ) -> AppResult<(CompetitorId, Vec<String>)> {
        let lang = self.config.ui.lang();
        let (id, added) = self.competitor_in(txn, name, now)?;
        let book = txn.competitors()?.clone();
        let competitor = book.name_of(id).unwrap_or(name);
        let mut also = Vec::new();
        if added {
            also.push(msg::AlsoCompetitorNew { competitor }.text(lang));
        }
        if !record.account.competitor_notes.iter().any(|n| same_competitor(&book, n.competitor, id)) {
            let note = CompetitorNote {
                competitor: Some(id),
                confirmed: Some(now.date()),
                ..CompetitorNote::default()
            };
            record.account.competitor_notes.push(note);
        }
        also.push(msg::AlsoLostTo { competitor }.text(lang));
        Ok((id, also))
    }
}

/// Whether a note's competitor is `id`, merges followed.
fn same_competitor(book: &Competitors, note: Option<CompetitorId>, id: CompetitorId) -> bool {
    let canonical = |id| book.canonical(id).map(|c| c.id);
    note.is_some_and(|n| canonical(n) == canonical(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_is_named_by_its_competitor_or_its_place() {
        assert_eq!(NoteRef::parse("#2"), NoteRef::Position(2));
        assert_eq!(NoteRef::parse("史丹利"), NoteRef::Named("史丹利".into()));
        assert_eq!(NoteRef::parse("#0"), NoteRef::Named("#0".into()));
    }
}
