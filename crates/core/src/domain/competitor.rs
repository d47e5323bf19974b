//! Who else sells to an account: competitors as records of the book (a
//! brand or company, with its other names), and what the rep knows of each
//! at one account, as the five questions reps ask: how strong they are,
//! what they offer, their floor, their weak points, their edge.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use super::{CompetitorId, Money, Uid};

/// A competitor of the book: one brand or company, known by its name and
/// any aliases (史丹利 and Stanley are one). A competitor merged into
/// another keeps its record, pointing at the one it became, so notes and
/// lost deals that name it count for that one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Competitor {
    pub id: CompetitorId,
    #[serde(default, skip_serializing_if = "Uid::is_nil")]
    pub uid: Uid,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<CompetitorId>,
    pub created_at: NaiveDateTime,
}

impl Competitor {
    /// Its name and aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// One answer of a note, by the question it answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Question {
    /// 实力: how strong they are there.
    Strength,
    /// 能提供的价值: what they offer (price, credit, service, delivery).
    Offer,
    /// 底线: the lowest price or terms they will go to.
    Floor,
    /// 弱点.
    Weakness,
    /// 强项: what they do better than us.
    Edge,
}

impl Question {
    pub const ALL: [Question; 5] =
        [Question::Strength, Question::Offer, Question::Floor, Question::Weakness, Question::Edge];
}

/// What the rep knows of one competitor at one account.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompetitorNote {
    #[serde(default, skip_serializing_if = "Uid::is_nil")]
    pub uid: Uid,
    /// None for what the book held before competitors were records: the
    /// rep's free text, kept whole in `note` until they name who it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub competitor: Option<CompetitorId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strength: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floor: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weakness: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edge: Option<String>,
    /// Their price where one is known (for the product the rep sells most
    /// there); the lowest across the book is their floor in figures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Money>,
    /// The credit they give, in days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit_days: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The day the rep last confirmed it; None: never (a note carried over
    /// from the free text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmed: Option<NaiveDate>,
}

impl CompetitorNote {
    pub fn answer(&self, question: Question) -> Option<&str> {
        match question {
            Question::Strength => self.strength.as_deref(),
            Question::Offer => self.offer.as_deref(),
            Question::Floor => self.floor.as_deref(),
            Question::Weakness => self.weakness.as_deref(),
            Question::Edge => self.edge.as_deref(),
        }
    }

    pub fn answer_mut(&mut self, question: Question) -> &mut Option<String> {
        match question {
            Question::Strength => &mut self.strength,
            Question::Offer => &mut self.offer,
            Question::Floor => &mut self.floor,
            Question::Weakness => &mut self.weakness,
            Question::Edge => &mut self.edge,
        }
    }

    /// Not confirmed within `days` of `today` (or never).
    pub fn is_stale(&self, today: NaiveDate, days: u32) -> bool {
        self.confirmed.is_none_or(|day| (today - day).num_days() > i64::from(days))
    }

    /// Takes what `other` (a note on the same competitor) adds: the
    /// answers and figures this one lacks, its note after this one's, the
    /// later confirmation.
    pub fn absorb(&mut self, other: &CompetitorNote) {
        for question in Question::ALL {
            if self.answer(question).is_none() {
                *self.answer_mut(question) = other.answer(question).map(str::to_string);
            }
        }
        self.price = self.price.or(other.price);
        self.credit_days = self.credit_days.or(other.credit_days);
        self.note = match (self.note.take(), &other.note) {
            (Some(mine), Some(theirs)) if mine.trim() != theirs.trim() => Some(format!("{mine}\n\n{theirs}")),
            (mine, theirs) => mine.or_else(|| theirs.clone()),
        };
        self.confirmed = self.confirmed.max(other.confirmed);
    }
}

/// How two spellings of a name are compared: width, case and spaces do
/// not count (`Ｓtanley`, `stanley `, `Stan ley` are one).
pub fn name_key(name: &str) -> String {
    name.nfkc().flat_map(char::to_lowercase).filter(|c| !c.is_whitespace()).collect()
}

/// The book's competitors, looked up by any of their names.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Competitors {
    all: Vec<Competitor>,
    /// Every name of each competitor as it stands after merges (its own
    /// and those of the competitors merged into it), by its id: what a
    /// search entry holds, looked up for every note of every account.
    names: BTreeMap<CompetitorId, Vec<String>>,
}

impl Competitors {
    pub fn new(mut all: Vec<Competitor>) -> Competitors {
        all.sort_by_key(|c| c.id);
        let mut book = Competitors { all, names: BTreeMap::new() };
        // In id order, as the competitors came into the book.
        let mut names: BTreeMap<CompetitorId, Vec<String>> = BTreeMap::new();
        for competitor in &book.all {
            let Some(canonical) = book.canonical(competitor.id) else { continue };
            let known = names.entry(canonical.id).or_default();
            for name in competitor.names() {
                if !known.iter().any(|k| k == name) {
                    known.push(name.to_string());
                }
            }
        }
        book.names = names;
        book
    }

    pub fn all(&self) -> &[Competitor] {
        &self.all
    }

    /// The competitors not merged into another.
    pub fn current(&self) -> impl Iterator<Item = &Competitor> {
        self.all.iter().filter(|c| c.merged_into.is_none())
    }

    pub fn get(&self, id: CompetitorId) -> Option<&Competitor> {
        self.all.binary_search_by_key(&id, |c| c.id).ok().map(|i| &self.all[i])
    }

    /// The competitor `id` is or was merged into (a chain of merges is
    /// followed; a circle, which no command makes, stops where it closes).
    pub fn canonical(&self, id: CompetitorId) -> Option<&Competitor> {
        let mut current = self.get(id)?;
        for _ in 0..self.all.len() {
            match current.merged_into.and_then(|next| self.get(next)) {
                Some(next) => current = next,
                None => break,
            }
        }
        Some(current)
    }

    /// The competitor one of whose names is `name` (compared by
    /// [`name_key`]), as it stands after merges.
    pub fn find(&self, name: &str) -> Option<&Competitor> {
        let key = name_key(name);
        let found = self.all.iter().find(|c| c.names().any(|n| name_key(n) == key))?;
        self.canonical(found.id)
    }

    /// The name shown for `id`: the canonical competitor's.
    pub fn name_of(&self, id: CompetitorId) -> Option<&str> {
        self.canonical(id).map(|c| c.name.as_str())
    }

    /// Every name `id` is known by: the canonical competitor's and those
    /// of every competitor merged into it. What search matches.
    pub fn every_name(&self, id: CompetitorId) -> &[String] {
        let canonical = self.canonical(id).map(|c| c.id);
        canonical.and_then(|id| self.names.get(&id)).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn competitor(id: u64, name: &str, aliases: &[&str]) -> Competitor {
        Competitor {
            id: CompetitorId(id),
            uid: Uid::NIL,
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            merged_into: None,
            created_at: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap(),
        }
    }

    #[test]
    fn a_competitor_is_found_by_any_of_its_names_however_spelt() {
        let book =
            Competitors::new(vec![competitor(1, "史丹利", &["Stanley"]), competitor(2, "金正大", &[])]);
        assert_eq!(book.find("stanley").map(|c| c.id), Some(CompetitorId(1)));
        assert_eq!(book.find("ＳＴＡＮ ＬＥＹ").map(|c| c.id), Some(CompetitorId(1)));
        assert_eq!(book.find("史丹利").map(|c| c.id), Some(CompetitorId(1)));
        assert_eq!(book.find("金正大").map(|c| c.id), Some(CompetitorId(2)));
        assert!(book.find("中化").is_none());
    }

    #[test]
    fn a_merged_competitor_counts_as_the_one_it_became_and_lends_it_its_names() {
        let mut stanley = competitor(2, "Stanley", &["Stanley Fert"]);
        stanley.merged_into = Some(CompetitorId(1));
        let book = Competitors::new(vec![competitor(1, "史丹利", &[]), stanley]);
        assert_eq!(book.find("Stanley Fert").map(|c| c.id), Some(CompetitorId(1)));
        assert_eq!(book.name_of(CompetitorId(2)), Some("史丹利"));
        assert_eq!(book.every_name(CompetitorId(2)), ["史丹利", "Stanley", "Stanley Fert"]);
        assert_eq!(book.current().count(), 1);
    }

    #[test]
    fn a_note_goes_stale_after_the_days_given_and_one_never_confirmed_is_stale() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 1, d).unwrap();
        let note = CompetitorNote { confirmed: Some(day(1)), ..CompetitorNote::default() };
        assert!(!note.is_stale(day(31), 30));
        assert!(note.is_stale(NaiveDate::from_ymd_opt(2026, 2, 1).unwrap(), 30));
        assert!(CompetitorNote::default().is_stale(day(1), 90));
    }
}
