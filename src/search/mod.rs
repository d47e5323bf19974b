//! Fuzzy search over accounts: per account a few lowercase fields and the
//! pinyin of its Chinese text, built when the account changes and stored as
//! plain text lines, so that 100,000 accounts load by splitting strings.

mod pinyin_keys;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::domain::{Account, AccountId};

pub use pinyin_keys::{match_syllables, syllables as pinyin_syllables};

/// Separates the values of a multi-valued column in an index line.
const VALUE_SEPARATOR: char = '\u{1f}';

/// What search needs of one account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchDoc {
    pub id: AccountId,
    pub name: String,
    pub company: Option<String>,
    pub archived: bool,
    /// Lowercase fields for fuzzy matching: name, company, phone digits,
    /// email, tags.
    pub fields: Vec<String>,
    /// Pinyin syllables of the name and company, for syllable matching.
    pub pinyin: Vec<String>,
}

/// Tabs, newlines and the value separator cannot appear inside a column.
fn column(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

impl SearchDoc {
    pub fn for_account(account: &Account) -> SearchDoc {
        let mut fields: Vec<String> = Vec::new();
        let mut add = |field: String| {
            let field = column(&field);
            if !field.trim().is_empty() && !fields.contains(&field) {
                fields.push(field);
            }
        };
        add(account.name.to_lowercase());
        if let Some(company) = &account.company {
            add(company.to_lowercase());
        }
        for phone in &account.phones {
            add(phone.chars().filter(char::is_ascii_digit).collect());
        }
        if let Some(email) = &account.email {
            add(email.to_lowercase());
        }
        for tag in &account.tags {
            add(tag.to_lowercase());
        }
        let pinyin = std::iter::once(&account.name)
            .chain(&account.company)
            .filter_map(|t| pinyin_syllables(t))
            .collect();
        SearchDoc {
            id: account.id,
            name: column(&account.name),
            company: account.company.as_deref().map(column),
            archived: account.archived.is_some(),
            fields,
            pinyin,
        }
    }

    /// One index line: id, flags, name, company, fields, pinyin.
    fn write_line(&self, out: &mut String) {
        let separator = VALUE_SEPARATOR.to_string();
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\n",
            self.id,
            if self.archived { "a" } else { "" },
            self.name,
            self.company.as_deref().unwrap_or_default(),
            self.fields.join(&separator),
            self.pinyin.join(&separator),
        ));
    }
}

/// The text of one index chunk.
pub fn encode_chunk(docs: &[SearchDoc]) -> String {
    let mut out = String::new();
    for doc in docs {
        doc.write_line(&mut out);
    }
    out
}

/// One account of a loaded index, borrowing its line of the index text.
/// Only the id is read up front; the other columns when asked for, so that
/// loading 100,000 accounts costs little more than finding line ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocRef<'a> {
    pub id: AccountId,
    line: &'a str,
    /// Where the searchable columns (fields, pinyin) begin.
    text_start: usize,
}

impl<'a> DocRef<'a> {
    fn parse(line: &'a str) -> Option<DocRef<'a>> {
        let (id, _) = line.split_once('\t')?;
        let id = AccountId(id.parse().ok()?);
        let mut text_start = 0;
        for _ in 0..4 {
            text_start += line[text_start..].find('\t')? + 1;
        }
        line[text_start..].contains('\t').then_some(DocRef { id, line, text_start })
    }

    fn column(&self, index: usize) -> &'a str {
        self.line.split('\t').nth(index).unwrap_or_default()
    }

    pub fn archived(&self) -> bool {
        self.column(1) == "a"
    }

    pub fn name(&self) -> &'a str {
        self.column(2)
    }

    pub fn company(&self) -> Option<&'a str> {
        Some(self.column(3)).filter(|c| !c.is_empty())
    }

    /// Fields and pinyin together, for the quick "can it match at all" test.
    fn text(&self) -> &'a str {
        &self.line[self.text_start..]
    }

    fn fields(&self) -> impl Iterator<Item = &'a str> {
        let (fields, _) = self.text().split_once('\t').unwrap_or_default();
        fields.split(VALUE_SEPARATOR).filter(|f| !f.is_empty())
    }

    fn pinyin(&self) -> impl Iterator<Item = &'a str> {
        let (_, pinyin) = self.text().split_once('\t').unwrap_or_default();
        pinyin.split(VALUE_SEPARATOR).filter(|f| !f.is_empty())
    }
}

/// The stored index of a whole book: chunks of index lines.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    chunks: Vec<String>,
}

impl SearchIndex {
    pub fn new(chunks: Vec<String>) -> SearchIndex {
        SearchIndex { chunks }
    }

    /// Every account of the index, in index order; lines that do not parse
    /// are counted. Splits the work over the machine's cores.
    pub fn docs(&self) -> (Vec<DocRef<'_>>, usize) {
        fn parse(chunks: &[String]) -> (Vec<DocRef<'_>>, usize) {
            let mut docs = Vec::with_capacity(chunks.len() * 256);
            let mut malformed = 0;
            for line in chunks.iter().flat_map(|c| c.lines()) {
                match DocRef::parse(line) {
                    Some(doc) => docs.push(doc),
                    None => malformed += 1,
                }
            }
            (docs, malformed)
        }
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
        let per_thread = self.chunks.len().div_ceil(threads).max(16);
        std::thread::scope(|scope| {
            let parts: Vec<_> =
                self.chunks.chunks(per_thread).map(|part| scope.spawn(move || parse(part))).collect();
            let mut docs = Vec::new();
            let mut malformed = 0;
            for part in parts {
                let (part_docs, part_malformed) = part.join().unwrap_or_default();
                docs.extend(part_docs);
                malformed += part_malformed;
            }
            (docs, malformed)
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub id: AccountId,
    pub score: i64,
    /// Position of the account in the slice that was searched.
    pub index: usize,
}

/// A parsed query: whitespace-separated terms, each of which must match
/// some field of an account (so `张 绿源` finds 张伟 at 绿源农资).
pub struct Query {
    terms: Vec<Term>,
}

struct Term {
    text: String,
    chars: Vec<char>,
    ascii: bool,
    /// Skim gives about 20 points per matched character in a run and
    /// about 14 when the characters are scattered; below this a "match"
    /// is noise (`anna` inside `lvyuannongziyouxiangongsi`).
    min_score: i64,
}

const MIN_SCORE_PER_CHAR: i64 = 16;

impl Query {
    pub fn parse(input: &str) -> Query {
        let terms = input
            .split_whitespace()
            .map(|t| {
                let text = t.to_lowercase();
                let chars: Vec<char> = text.chars().collect();
                let min_score = MIN_SCORE_PER_CHAR * chars.len() as i64;
                Term { ascii: text.is_ascii(), chars, text, min_score }
            })
            .collect();
        Query { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The score of `doc`, or None when some term matches no field.
    fn score(&self, matcher: &SkimMatcherV2, doc: &DocRef<'_>) -> Option<i64> {
        let text = doc.text();
        if !self.terms.iter().all(|term| term.may_match(text)) {
            return None;
        }
        let mut total = 0;
        for term in &self.terms {
            let fuzzy = doc
                .fields()
                .filter(|field| is_subsequence(&term.chars, field))
                .filter_map(|field| matcher.fuzzy_match(field, &term.text))
                .filter(|score| *score >= term.min_score);
            let spelled = doc
                .pinyin()
                .filter(|syllables| is_subsequence(&term.chars, syllables))
                .filter_map(|syllables| match_syllables(&term.text, syllables));
            let best = fuzzy.chain(spelled).max()?;
            total += best;
        }
        Some(total)
    }
}

impl Term {
    /// Whether the term's characters occur in order in `text` at all.
    fn may_match(&self, text: &str) -> bool {
        if self.ascii {
            // UTF-8 never uses ASCII bytes inside a multi-byte character.
            let mut wanted = self.text.bytes().peekable();
            for byte in text.bytes() {
                if wanted.peek() == Some(&byte) {
                    wanted.next();
                }
            }
            wanted.peek().is_none()
        } else {
            is_subsequence(&self.chars, text)
        }
    }
}

/// A cheap necessary condition for a fuzzy match, so the scoring matrix is
/// only built for fields that can match at all.
fn is_subsequence(needle: &[char], haystack: &str) -> bool {
    let mut wanted = needle.iter();
    let mut next = wanted.next();
    for ch in haystack.chars() {
        match next {
            None => return true,
            Some(&c) if c == ch => next = wanted.next(),
            Some(_) => {}
        }
    }
    next.is_none()
}

/// Ranks `docs` against `query`, best first; equal scores go by name, then
/// id, so results are stable. Splits the work over the machine's cores.
pub fn search(docs: &[DocRef<'_>], query: &Query, limit: usize) -> Vec<Hit> {
    if query.is_empty() || limit == 0 {
        return Vec::new();
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    let per_thread = docs.len().div_ceil(threads).max(1024);
    let mut hits: Vec<(i64, usize)> = std::thread::scope(|scope| {
        let workers: Vec<_> = docs
            .chunks(per_thread)
            .enumerate()
            .map(|(part, slice)| {
                scope.spawn(move || {
                    let matcher = SkimMatcherV2::default().ignore_case();
                    let offset = part * per_thread;
                    slice
                        .iter()
                        .enumerate()
                        .filter_map(|(i, doc)| query.score(&matcher, doc).map(|score| (score, offset + i)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap_or_default()).collect()
    });
    let order = |a: &(i64, usize), b: &(i64, usize)| {
        let (x, y) = (&docs[a.1], &docs[b.1]);
        b.0.cmp(&a.0).then_with(|| x.name().cmp(y.name())).then_with(|| x.id.cmp(&y.id))
    };
    if hits.len() > limit {
        hits.select_nth_unstable_by(limit - 1, order);
        hits.truncate(limit);
    }
    hits.sort_by(order);
    hits.into_iter().map(|(score, index)| Hit { id: docs[index].id, score, index }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Grade, Stage};

    fn account(id: u64, name: &str, company: Option<&str>, phone: &str) -> Account {
        Account {
            id: AccountId(id),
            name: name.into(),
            company: company.map(Into::into),
            title: None,
            phones: vec![phone.into()],
            email: None,
            address: None,
            tags: vec!["seed".into()],
            source: None,
            note: None,
            competitors: None,
            potential: None,
            stage: Stage::Prospect { grade: Grade::C },
            archived: None,
            created_at: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap().and_hms_opt(9, 0, 0).unwrap(),
            converted_at: None,
        }
    }

    fn index() -> SearchIndex {
        let docs: Vec<SearchDoc> = [
            account(1, "张伟", Some("绿源农资有限公司"), "138 0000 1111"),
            account(2, "王芳", Some("丰收种业"), "139 2222 3333"),
            account(3, "Anna Schmidt", Some("Contoso Agrar"), "+49 30 1234567"),
            account(4, "赵文", None, "137 4444 5555"),
        ]
        .iter()
        .map(SearchDoc::for_account)
        .collect();
        SearchIndex::new(vec![encode_chunk(&docs[..2]), encode_chunk(&docs[2..])])
    }

    fn ids(query: &str) -> Vec<u64> {
        let index = index();
        let (docs, malformed) = index.docs();
        assert_eq!((docs.len(), malformed), (4, 0));
        search(&docs, &Query::parse(query), 10).iter().map(|h| h.id.0).collect()
    }

    #[test]
    fn index_lines_round_trip_and_survive_control_characters() {
        let mut odd = account(5, "Tab\tName\u{1f}", Some("A\nB"), "110");
        odd.archived =
            Some(crate::domain::Archived { reason: crate::domain::ArchiveReason::Lost, at: odd.created_at });
        let index = SearchIndex::new(vec![encode_chunk(&[SearchDoc::for_account(&odd)]), "garbage\n".into()]);
        let (docs, malformed) = index.docs();
        assert_eq!(malformed, 1);
        assert_eq!(docs[0].id, AccountId(5));
        assert!(docs[0].archived());
        assert_eq!(docs[0].name(), "Tab Name ");
        assert_eq!(docs[0].company(), Some("A B"));
        assert_eq!(docs[0].fields().count(), 4, "name, company, phone, tag");
    }

    #[test]
    fn finds_chinese_names_by_pinyin_and_initials() {
        assert_eq!(ids("zhangwei"), vec![1]);
        assert_eq!(ids("zw")[0], 1);
        assert!(ids("zw").contains(&4), "赵文 is zw too");
        assert_eq!(ids("张伟"), vec![1]);
        assert_eq!(ids("lvyuan"), vec![1], "company by pinyin");
    }

    #[test]
    fn finds_by_phone_company_and_tags() {
        assert_eq!(ids("13922223333"), vec![2]);
        assert_eq!(ids("contoso"), vec![3]);
        assert_eq!(ids("schmidt"), vec![3]);
        assert_eq!(ids("seed").len(), 4);
    }

    #[test]
    fn every_term_must_match() {
        assert_eq!(ids("anna contoso"), vec![3]);
        assert!(ids("anna 绿源").is_empty());
        assert!(ids("anna 丰收").is_empty());
        assert!(ids("qqqq").is_empty());
        assert!(ids("   ").is_empty());
    }

    #[test]
    fn subsequence_prefilter_agrees_with_order() {
        let chars: Vec<char> = "zw".chars().collect();
        assert!(is_subsequence(&chars, "zhangwei"));
        assert!(!is_subsequence(&chars, "wz"));
    }
}
