//! The report across the book: every competitor, where they sell, our
//! revenue at risk there, the deals lost to them in 12 months, the figures
//! and answers reps recorded, their most-cited strengths and weaknesses.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::{App, AppResult};
use crate::domain::{
    AccountId, Competitor, CompetitorId, CompetitorNote, Money, competitor_name_key,
    twelve_month_window_start,
};

/// One account where a competitor sells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompetitorAt {
    pub account: AccountId,
    pub name: String,
    pub archived: bool,
    /// Our revenue there over the last 12 months.
    pub revenue_12m: Money,
    pub note: CompetitorNote,
    pub stale: bool,
}

/// An account lost to a competitor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LostDeal {
    pub account: AccountId,
    pub name: String,
    pub day: NaiveDate,
}

/// A figure or answer a rep recorded, with where and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recorded<T> {
    pub value: T,
    pub account: String,
    pub confirmed: Option<NaiveDate>,
}

/// One competitor across the book.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompetitorRow {
    pub id: CompetitorId,
    pub name: String,
    pub aliases: Vec<String>,
    /// The accounts where they sell, most of our revenue first.
    pub accounts: Vec<CompetitorAt>,
    /// Our revenue over 12 months at the active accounts where they sell.
    pub at_risk: Money,
    /// Deals lost to them in the last 12 months, newest first.
    pub lost: Vec<LostDeal>,
    pub lowest_price: Option<Recorded<Money>>,
    pub latest_floor: Option<Recorded<String>>,
    pub latest_offer: Option<Recorded<String>>,
    /// Phrases of their strength and edge answers, most cited first.
    pub strengths: Vec<(String, usize)>,
    pub weaknesses: Vec<(String, usize)>,
    pub stale: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CompetitorReport {
    /// Most revenue at risk first.
    pub rows: Vec<CompetitorRow>,
    /// Notes whose competitor is not named yet (carried over from the
    /// old free text).
    pub unnamed: usize,
    /// Accounts that could not be read.
    pub unreadable: usize,
}

/// Phrases cited, at most this many per list.
const CITED: usize = 3;

/// The phrases of free answers ("价格低、送货快"), counted alike however
/// they are spaced or cased; the first spelling met is the one shown.
fn cite<'a>(answers: impl Iterator<Item = &'a str>) -> Vec<(String, usize)> {
    let mut counted: HashMap<String, (String, usize, usize)> = HashMap::new();
    for answer in answers {
        let phrases = answer.split([',', '，', '、', ';', '；', '/', '。', '\n']);
        for phrase in phrases.map(str::trim).filter(|p| !p.is_empty()) {
            let order = counted.len();
            counted.entry(competitor_name_key(phrase)).or_insert((phrase.to_string(), 0, order)).1 += 1;
        }
    }
    let mut cited: Vec<(String, usize, usize)> = counted.into_values().collect();
    cited.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    cited.into_iter().take(CITED).map(|(phrase, count, _)| (phrase, count)).collect()
}

fn latest<T: Clone>(items: impl Iterator<Item = Recorded<T>>) -> Option<Recorded<T>> {
    items.max_by_key(|r| r.confirmed)
}

impl CompetitorRow {
    fn new(competitor: &Competitor) -> CompetitorRow {
        CompetitorRow {
            id: competitor.id,
            name: competitor.name.clone(),
            aliases: competitor.aliases.clone(),
            accounts: Vec::new(),
            at_risk: Money::ZERO,
            lost: Vec::new(),
            lowest_price: None,
            latest_floor: None,
            latest_offer: None,
            strengths: Vec::new(),
            weaknesses: Vec::new(),
            stale: 0,
        }
    }

    /// The figures over the accounts and lost deals gathered.
    fn sum_up(&mut self) {
        self.accounts.sort_by(|a, b| b.revenue_12m.cmp(&a.revenue_12m).then(a.account.cmp(&b.account)));
        self.lost.sort_by(|a, b| b.day.cmp(&a.day).then(a.account.cmp(&b.account)));
        fn recorded<T>(at: &CompetitorAt, value: T) -> Recorded<T> {
            Recorded { value, account: at.name.clone(), confirmed: at.note.confirmed }
        }
        self.at_risk = self.accounts.iter().filter(|a| !a.archived).map(|a| a.revenue_12m).sum();
        self.lowest_price = self
            .accounts
            .iter()
            .filter_map(|a| a.note.price.map(|p| recorded(a, p)))
            .min_by(|a, b| a.value.cmp(&b.value).then(b.confirmed.cmp(&a.confirmed)));
        self.latest_floor =
            latest(self.accounts.iter().filter_map(|a| a.note.floor.clone().map(|f| recorded(a, f))));
        self.latest_offer =
            latest(self.accounts.iter().filter_map(|a| a.note.offer.clone().map(|o| recorded(a, o))));
        self.strengths = cite(
            self.accounts.iter().flat_map(|a| [a.note.strength.as_deref(), a.note.edge.as_deref()]).flatten(),
        );
        self.weaknesses = cite(self.accounts.iter().filter_map(|a| a.note.weakness.as_deref()));
        self.stale = self.accounts.iter().filter(|a| a.stale).count();
    }
}

/// Phrases with how often they were cited, in `lang`: "价格低 ×12、售后差 ×4".
pub fn cited_words(phrases: &[(String, usize)], lang: crate::i18n::Lang) -> String {
    let separator = crate::i18n::msg::ListSeparator.text(lang);
    let shown: Vec<String> =
        phrases.iter().map(|(p, n)| if *n > 1 { format!("{p} ×{n}") } else { p.clone() }).collect();
    shown.join(&separator)
}

impl App {
    /// Every competitor across the book: where they sell, what is at risk,
    /// the deals lost to them in the last 12 months, the figures and
    /// answers reps recorded.
    pub fn competitor_report(&self) -> AppResult<CompetitorReport> {
        let today = self.today();
        let book = self.competitors()?;
        let stale_days = self.config.focus.competitor_stale_days;
        let window_start = twelve_month_window_start(today);
        let mut rows: BTreeMap<CompetitorId, CompetitorRow> =
            book.current().map(|c| (c.id, CompetitorRow::new(c))).collect();
        let mut report = CompetitorReport::default();
        let loaded = self.store.accounts()?;
        report.unreadable = loaded.problems.len();
        for record in loaded.items {
            let account = &record.account;
            let revenue_12m = record.stats.revenue_12m(today);
            for note in &account.competitor_notes {
                let Some(row) =
                    note.competitor.and_then(|id| book.canonical(id)).and_then(|c| rows.get_mut(&c.id))
                else {
                    report.unnamed += 1;
                    continue;
                };
                row.accounts.push(CompetitorAt {
                    account: account.id,
                    name: account.name.clone(),
                    archived: account.archived.is_some(),
                    revenue_12m,
                    note: note.clone(),
                    stale: note.is_stale(today, stale_days),
                });
            }
            let archived_lost = account.archived.as_ref().and_then(|a| a.lost_to.map(|c| (c, a.at.date())));
            let mut lost: Vec<(CompetitorId, NaiveDate)> = record.stats.lost_to.clone();
            lost.extend(archived_lost);
            let mut counted: Vec<CompetitorId> = Vec::new();
            lost.sort_by_key(|(_, day)| std::cmp::Reverse(*day));
            for (competitor, day) in lost.into_iter().filter(|(_, day)| *day >= window_start && *day <= today)
            {
                let Some(canonical) = book.canonical(competitor).map(|c| c.id) else { continue };
                if counted.contains(&canonical) {
                    continue;
                }
                counted.push(canonical);
                if let Some(row) = rows.get_mut(&canonical) {
                    row.lost.push(LostDeal { account: account.id, name: account.name.clone(), day });
                }
            }
        }
        report.rows = rows.into_values().collect();
        for row in &mut report.rows {
            row.sum_up();
        }
        report.rows.sort_by(|a, b| {
            b.at_risk
                .cmp(&a.at_risk)
                .then(b.accounts.len().cmp(&a.accounts.len()))
                .then(b.lost.len().cmp(&a.lost.len()))
                .then(a.id.cmp(&b.id))
        });
        Ok(report)
    }

    /// One competitor's row of the report, by any of its names.
    pub fn competitor_detail(&self, name: &str) -> AppResult<CompetitorRow> {
        let book = self.competitors()?;
        let id = book.find(name).ok_or_else(|| self.no_such_competitor(name))?.id;
        let report = self.competitor_report()?;
        report.rows.into_iter().find(|r| r.id == id).ok_or_else(|| self.no_such_competitor(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_counted_alike_however_spaced_and_the_most_cited_come_first() {
        let cited = cite(["价格低、送货快", "送货快，账期长", "Price low; 送货 快"].into_iter());
        assert_eq!(cited[0], ("送货快".to_string(), 3));
        assert_eq!(cited.len(), 3);
    }
}
