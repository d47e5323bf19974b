//! Fuzzy search over accounts: per account a few lowercase fields and the
//! pinyin of its Chinese text, built when the account changes and stored as
//! plain text lines, so that 100,000 accounts load by splitting strings.

mod pinyin_keys;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::domain::{Account, AccountId, Competitors};

pub use pinyin_keys::{match_syllables, name_key, syllables as pinyin_syllables};

/// Separates the values of a multi-valued column in an index line.
const VALUE_SEPARATOR: char = '\u{1f}';

/// What search needs of one account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchDoc {
    pub id: AccountId,
    pub name: String,
    pub company: Option<String>,
    pub archived: bool,
    /// Lowercase name, company and address, matched fuzzily.
    pub fields: Vec<String>,
    /// Phone digits, email and tags, lowercase, matched as typed: a
    /// scattered match in a phone number is noise.
    pub exact: Vec<String>,
    /// Pinyin syllables of the name and company, for syllable matching.
    pub pinyin: Vec<String>,
}

/// Tabs, newlines and the value separator cannot appear inside a column.
fn column(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

impl SearchDoc {
    /// The account's entry; `competitors` names those its notes name, so
    /// that `search 史丹利` finds the accounts where they sell.
    pub fn for_account(account: &Account, competitors: &Competitors) -> SearchDoc {
        fn add(list: &mut Vec<String>, field: String) {
            let field = column(&field);
            if !field.trim().is_empty() && !list.contains(&field) {
                list.push(field);
            }
        }
        let mut fields: Vec<String> = Vec::new();
        add(&mut fields, account.name.to_lowercase());
        if let Some(company) = &account.company {
            add(&mut fields, company.to_lowercase());
        }
        // The address too: `search 寿光` finds the accounts there.
        if let Some(address) = &account.address {
            add(&mut fields, address.to_lowercase());
        }
        for id in account.competitor_notes.iter().filter_map(|note| note.competitor) {
            for name in competitors.every_name(id) {
                add(&mut fields, name.to_lowercase());
            }
        }
        let mut exact: Vec<String> = Vec::new();
        // Digits alone, as typed and in the international form, so that a
        // number is found however it was written.
        for phone in account.phones.iter().chain(&account.phones_e164) {
            add(&mut exact, phone.chars().filter(char::is_ascii_digit).collect());
        }
        if let Some(email) = &account.email {
            add(&mut exact, email.to_lowercase());
        }
        for tag in &account.tags {
            add(&mut exact, tag.to_lowercase());
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
            exact,
            pinyin,
        }
    }

    /// One index line: id, flags, name, company, fields, exact, pinyin.
    fn write_line(&self, out: &mut String) {
        let separator = VALUE_SEPARATOR.to_string();
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            self.id,
            if self.archived { "a" } else { "" },
            self.name,
            self.company.as_deref().unwrap_or_default(),
            self.fields.join(&separator),
            self.exact.join(&separator),
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

/// The values of a multi-valued column. The separator is one ASCII byte,
/// so a byte scan (memchr) finds it faster than a `char` pattern would.
fn values(column: &str) -> impl Iterator<Item = &str> {
    let ends = memchr::memchr_iter(VALUE_SEPARATOR as u8, column.as_bytes()).chain([column.len()]);
    let mut start = 0;
    ends.map(move |end| {
        let value = &column[start..end];
        start = end + 1;
        value
    })
    .filter(|value| !value.is_empty())
}

/// One account of a loaded index, borrowing its line of the index text.
/// Only the id is read up front; the other columns when asked for, so that
/// loading 100,000 accounts costs little more than finding line ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocRef<'a> {
    pub id: AccountId,
    line: &'a str,
    /// Where the searchable columns (fields, exact, pinyin) begin.
    text_start: usize,
    /// Where the exact and the pinyin columns begin.
    exact_start: usize,
    pinyin_start: usize,
}

impl<'a> DocRef<'a> {
    fn parse(line: &'a str) -> Option<DocRef<'a>> {
        let (id, _) = line.split_once('\t')?;
        let id = AccountId(id.parse().ok()?);
        let mut text_start = 0;
        for _ in 0..4 {
            text_start += line[text_start..].find('\t')? + 1;
        }
        let exact_start = text_start + line[text_start..].find('\t')? + 1;
        let pinyin_start = exact_start + line[exact_start..].find('\t')? + 1;
        Some(DocRef { id, line, text_start, exact_start, pinyin_start })
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
        values(&self.line[self.text_start..self.exact_start - 1])
    }

    /// The fuzzy and the exact fields as one text, values apart by the
    /// separator (and a tab between the two groups).
    fn fields_and_exact(&self) -> &'a str {
        &self.line[self.text_start..self.pinyin_start - 1]
    }

    fn exact(&self) -> impl Iterator<Item = &'a str> {
        values(&self.line[self.exact_start..self.pinyin_start - 1])
    }

    /// Whether one of the exact values (a phone's digits, the email, a tag)
    /// is `value`.
    pub fn has_exact(&self, value: &str) -> bool {
        self.exact().any(|v| v == value)
    }

    /// Whether one of the account's phone numbers holds `digits` (phones
    /// are indexed as their digits alone).
    pub fn has_phone_digits(&self, digits: &str) -> bool {
        self.exact().any(|value| value.bytes().all(|b| b.is_ascii_digit()) && value.contains(digits))
    }
    fn pinyin(&self) -> impl Iterator<Item = &'a str> {
        values(&self.line[self.pinyin_start..])
    }
}

/// Where one account's line sits in the index text.
#[derive(Clone, Copy, Debug)]
struct Span {
    id: AccountId,
    chunk: u32,
    start: u32,
    len: u32,
    text_start: u32,
    exact_start: u32,
    pinyin_start: u32,
}

/// The search index of a whole book: its text (chunks of lines, as stored)
/// and where each account's line is, parsed once when loaded.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    chunks: Vec<String>,
    spans: Vec<Span>,
    malformed: usize,
}

impl SearchIndex {
    /// Parses the chunks' lines on all cores; lines that do not parse are
    /// counted in [`SearchIndex::malformed`].
    pub fn new(chunks: Vec<String>) -> SearchIndex {
        fn parse(first_chunk: usize, chunks: &[String]) -> (Vec<Span>, usize) {
            let mut spans = Vec::with_capacity(chunks.len() * 256);
            let mut malformed = 0;
            for (offset, chunk) in chunks.iter().enumerate() {
                let base = chunk.as_ptr() as usize;
                for line in chunk.lines() {
                    match DocRef::parse(line) {
                        Some(doc) => spans.push(Span {
                            id: doc.id,
                            chunk: (first_chunk + offset) as u32,
                            start: (line.as_ptr() as usize - base) as u32,
                            len: line.len() as u32,
                            text_start: doc.text_start as u32,
                            exact_start: doc.exact_start as u32,
                            pinyin_start: doc.pinyin_start as u32,
                        }),
                        None => malformed += 1,
                    }
                }
            }
            (spans, malformed)
        }
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
        let per_thread = chunks.len().div_ceil(threads).max(16);
        let (spans, malformed) = std::thread::scope(|scope| {
            let parts: Vec<_> = chunks
                .chunks(per_thread)
                .enumerate()
                .map(|(i, part)| scope.spawn(move || parse(i * per_thread, part)))
                .collect();
            let mut spans = Vec::new();
            let mut malformed = 0;
            for part in parts {
                let (part_spans, part_malformed) = part.join().unwrap_or_default();
                spans.extend(part_spans);
                malformed += part_malformed;
            }
            (spans, malformed)
        });
        SearchIndex { chunks, spans, malformed }
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Lines that did not parse when the index was loaded.
    pub fn malformed(&self) -> usize {
        self.malformed
    }

    /// The account at position `index` (from a [`Hit`]).
    pub fn doc(&self, index: usize) -> DocRef<'_> {
        let span = self.spans[index];
        let start = span.start as usize;
        DocRef {
            id: span.id,
            line: &self.chunks[span.chunk as usize][start..start + span.len as usize],
            text_start: span.text_start as usize,
            exact_start: span.exact_start as usize,
            pinyin_start: span.pinyin_start as usize,
        }
    }

    pub fn docs(&self) -> impl Iterator<Item = DocRef<'_>> {
        (0..self.len()).map(|i| self.doc(i))
    }

    /// Ranks the whole index against `query`, best first (see [`Self::search_within`]).
    pub fn search(&self, query: &Query, limit: usize) -> Vec<Hit> {
        self.search_within(query, None, limit).hits
    }

    /// Ranks the accounts at `within` (all when None) against `query`, best
    /// first; equal scores go by position in the index (by id). Also returns every account
    /// that could match at all, so that a query typed further can search
    /// only those (each longer query matches a subset).
    pub fn search_within(&self, query: &Query, within: Option<&[u32]>, limit: usize) -> Found {
        if query.is_empty() {
            return Found::default();
        }
        let positions: Vec<u32> = match within {
            Some(within) => within.to_vec(),
            None => (0..self.len() as u32).collect(),
        };
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
        let per_thread = positions.len().div_ceil(threads).max(1024);
        // Per worker: (score, position) of each hit, and the candidates.
        type Part = (Vec<(i64, u32)>, Vec<u32>);
        let parts: Vec<Part> = std::thread::scope(|scope| {
            let workers: Vec<_> = positions
                .chunks(per_thread)
                .map(|slice| {
                    scope.spawn(move || {
                        let matcher = SkimMatcherV2::default().ignore_case();
                        let mut scored = Vec::new();
                        let mut candidates = Vec::new();
                        for &position in slice {
                            let doc = self.doc(position as usize);
                            if !query.may_match(&doc) {
                                continue;
                            }
                            candidates.push(position);
                            if let Some(score) = query.score(&matcher, &doc) {
                                scored.push((score, position));
                            }
                        }
                        (scored, candidates)
                    })
                })
                .collect();
            workers.into_iter().map(|w| w.join().unwrap_or_default()).collect()
        });
        let mut hits: Vec<(i64, u32)> = Vec::new();
        let mut candidates: Vec<u32> = Vec::new();
        for (part_hits, part_candidates) in parts {
            hits.extend(part_hits);
            candidates.extend(part_candidates);
        }
        let total = hits.len();
        // Equal scores keep index order (account ids), which costs nothing
        // to compare, unlike names, for tens of thousands of hits.
        let order = |a: &(i64, u32), b: &(i64, u32)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        if limit == 0 {
            hits.clear();
        } else if hits.len() > limit {
            hits.select_nth_unstable_by(limit - 1, order);
            hits.truncate(limit);
        }
        hits.sort_by(order);
        let hits = hits
            .into_iter()
            .map(|(score, position)| Hit {
                id: self.doc(position as usize).id,
                score,
                index: position as usize,
            })
            .collect();
        Found { hits, total, candidates }
    }
}

/// The result of a search: the best hits, how many matched in all, and the
/// accounts a longer query can be narrowed to.
#[derive(Clone, Debug, Default)]
pub struct Found {
    pub hits: Vec<Hit>,
    pub total: usize,
    pub candidates: Vec<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub id: AccountId,
    pub score: i64,
    /// Position of the account in the index ([`SearchIndex::doc`]).
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
    /// Finds the term as typed; built once per query, not per field.
    finder: memchr::memmem::Finder<'static>,
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
                let finder = memchr::memmem::Finder::new(text.as_bytes()).into_owned();
                Term { ascii: text.is_ascii(), chars, finder, text, min_score }
            })
            .collect();
        Query { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The score of `doc`, or None when some term matches no field.
    /// Whether every term's characters occur in order in the account's text.
    fn may_match(&self, doc: &DocRef<'_>) -> bool {
        let text = doc.text();
        self.terms.iter().all(|term| term.may_match(text))
    }

    fn score(&self, matcher: &SkimMatcherV2, doc: &DocRef<'_>) -> Option<i64> {
        let mut total = 0;
        for term in &self.terms {
            // A term found as typed in any field scores as that run: a
            // scattered match elsewhere scores lower, so the slow skim
            // scoring and the pinyin are only tried when no field has it.
            let runs = term.best_run(doc.fields_and_exact());
            let best = match runs {
                Some(run) => run,
                None => {
                    let fuzzy = doc.fields().filter_map(|field| term.scattered_score(matcher, field));
                    let spelled = doc
                        .pinyin()
                        .filter(|syllables| term.may_match(syllables))
                        .filter_map(|syllables| match_syllables(&term.text, syllables));
                    fuzzy.chain(spelled).max()?
                }
            };
            total += best;
        }
        Some(total)
    }
}

/// Points per character of a run matched as it was typed, about what the
/// skim algorithm gives such a run.
const RUN_SCORE_PER_CHAR: i64 = 22;

impl Term {
    /// The term's score against a field that does not hold it as typed: the
    /// skim algorithm, many times slower than finding a run, so only tried
    /// where the characters occur in order at all.
    fn scattered_score(&self, matcher: &SkimMatcherV2, field: &str) -> Option<i64> {
        if !self.may_match(field) {
            return None;
        }
        matcher.fuzzy_match(field, &self.text).filter(|score| *score >= self.min_score)
    }

    /// The best score of the term found as typed in `values` (several
    /// values apart by separators; the term holds none), by where it
    /// starts: one search over all of them instead of one per value.
    fn best_run(&self, values: &str) -> Option<i64> {
        let bytes = values.as_bytes();
        let bonus = |at: usize| match at.checked_sub(1).map(|i| bytes[i]) {
            None | Some(b'\t') => 24,
            Some(b) if b == VALUE_SEPARATOR as u8 => 24,
            Some(b' ' | b'@' | b'.' | b'-' | b'_') => 12,
            Some(_) => 0,
        };
        let best = self.finder.find_iter(bytes).map(bonus).max()?;
        Some(RUN_SCORE_PER_CHAR * self.chars.len() as i64 + best)
    }

    /// Whether the term's characters occur in order in `text` at all.
    fn may_match(&self, text: &str) -> bool {
        if self.ascii {
            // UTF-8 never uses ASCII bytes inside a multi-byte character,
            // so a byte search is exact; memchr makes it a vector scan.
            let mut rest = text.as_bytes();
            for byte in self.text.bytes() {
                match memchr::memchr(byte, rest) {
                    Some(at) => rest = &rest[at + 1..],
                    None => return false,
                }
            }
            true
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Uid;
    use crate::domain::{Grade, Stage};

    fn account(id: u64, name: &str, company: Option<&str>, phone: &str) -> Account {
        Account {
            id: AccountId(id),
            uid: Uid::NIL,
            name: name.into(),
            family_name: None,
            company: company.map(Into::into),
            title: None,
            phones: vec![phone.into()],
            phones_e164: Vec::new(),
            email: None,
            address: None,
            tags: vec!["seed".into()],
            source: None,
            note: None,
            competitor_notes: Vec::new(),
            legacy_competitors: None,
            potential: None,
            stage: Stage::Prospect { grade: Grade::C },
            archived: None,
            created_at: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap().and_hms_opt(9, 0, 0).unwrap(),
            converted_at: None,
            birthday: None,
            contacted_elsewhere: None,
            anniversary: None,
            unreachable_phones: Vec::new(),
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
        .map(|a| SearchDoc::for_account(a, &Competitors::default()))
        .collect();
        SearchIndex::new(vec![encode_chunk(&docs[..2]), encode_chunk(&docs[2..])])
    }

    fn ids(query: &str) -> Vec<u64> {
        let index = index();
        assert_eq!((index.len(), index.malformed()), (4, 0));
        index.search(&Query::parse(query), 10).iter().map(|h| h.id.0).collect()
    }

    #[test]
    fn a_longer_query_can_search_only_the_candidates_of_the_shorter() {
        let index = index();
        let short = index.search_within(&Query::parse("z"), None, 10);
        let long = index.search_within(&Query::parse("zw"), Some(&short.candidates), 10);
        assert_eq!(long.hits, index.search(&Query::parse("zw"), 10));
        assert!(long.candidates.len() <= short.candidates.len());
        assert_eq!(long.total, long.hits.len());
    }

    #[test]
    fn index_lines_round_trip_and_survive_control_characters() {
        let mut odd = account(5, "Tab\tName\u{1f}", Some("A\nB"), "110");
        odd.archived = Some(crate::domain::Archived {
            reason: crate::domain::ArchiveReason::Lost,
            at: odd.created_at,
            lost_to: None,
        });
        let index = SearchIndex::new(vec![
            encode_chunk(&[SearchDoc::for_account(&odd, &Competitors::default())]),
            "garbage\n".into(),
        ]);
        let docs: Vec<DocRef<'_>> = index.docs().collect();
        assert_eq!(index.malformed(), 1);
        assert_eq!(docs[0].id, AccountId(5));
        assert!(docs[0].archived());
        assert_eq!(docs[0].name(), "Tab Name ");
        assert_eq!(docs[0].company(), Some("A B"));
        assert_eq!(docs[0].fields().count(), 2, "name, company");
        assert_eq!(docs[0].exact().count(), 2, "phone, tag");
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
