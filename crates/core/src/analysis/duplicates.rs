//! Accounts that are likely one person entered twice (an import next to
//! what was typed by hand, a phone's contacts next to Google's), and what
//! one account made of two looks like.

use std::collections::HashMap;

use crate::domain::contact::{MAX_PHONES, MAX_TAGS, TextField, email_key};
use crate::domain::phone::Region;
use crate::domain::{Account, AccountId, CompetitorNote, Stage};
use crate::search::name_key;

/// Why accounts look like one person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Likeness {
    /// One of their phone numbers, in any spelling.
    Phone,
    Email,
    /// The same name, and the same company or none.
    NameAndCompany,
    /// Names spelled differently that sound the same in pinyin (张伟 and
    /// 章伟, 张伟 and Zhang Wei), with no other company.
    SoundsAlike,
}

impl Likeness {
    pub fn as_str(self) -> &'static str {
        match self {
            Likeness::Phone => "phone",
            Likeness::Email => "email",
            Likeness::NameAndCompany => "name-and-company",
            Likeness::SoundsAlike => "sounds-alike",
        }
    }
}

/// Accounts that share one thing: a number, an address, a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shared {
    pub likeness: Likeness,
    /// The phone, email or name they share, as the first of them writes it.
    pub value: String,
    pub accounts: Vec<AccountId>,
}

/// Accounts linked by one or more shared things, lowest id first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicateGroup {
    pub accounts: Vec<AccountId>,
    pub shared: Vec<Shared>,
}

/// Groups of likely duplicates among `accounts`, by their lowest id.
pub fn find(accounts: &[&Account], region: Region) -> Vec<DuplicateGroup> {
    let mut by_key: HashMap<(Likeness, String), Vec<usize>> = HashMap::new();
    let mut add = |likeness: Likeness, key: String, index: usize| {
        let list = by_key.entry((likeness, key)).or_default();
        if list.last() != Some(&index) {
            list.push(index);
        }
    };
    for (index, account) in accounts.iter().enumerate() {
        for key in account.phone_match_keys(region) {
            add(Likeness::Phone, key, index);
        }
        if let Some(email) = &account.email {
            add(Likeness::Email, email_key(email), index);
        }
        add(Likeness::NameAndCompany, name_and_company(account), index);
    }
    let mut shared: Vec<(Likeness, Vec<usize>)> = Vec::new();
    for ((likeness, _), members) in by_key {
        if members.len() > 1 {
            shared.push((likeness, members));
        }
    }
    shared.extend(sounding_alike(accounts));

    let mut sets = DisjointSets::new(accounts.len());
    for (_, members) in &shared {
        for pair in members.windows(2) {
            sets.join(pair[0], pair[1]);
        }
    }
    let mut groups: HashMap<usize, DuplicateGroup> = HashMap::new();
    for (likeness, members) in shared {
        let value = shared_value(likeness, accounts[members[0]], &members, accounts, region);
        let mut ids: Vec<AccountId> = members.iter().map(|&i| accounts[i].id).collect();
        ids.sort();
        let group = groups
            .entry(sets.root(members[0]))
            .or_insert_with(|| DuplicateGroup { accounts: Vec::new(), shared: Vec::new() });
        group.accounts.extend(&ids);
        group.shared.push(Shared { likeness, value, accounts: ids });
    }
    let mut groups: Vec<DuplicateGroup> = groups.into_values().collect();
    for group in &mut groups {
        group.accounts.sort();
        group.accounts.dedup();
        group.shared.sort_by(|a, b| (a.likeness, &a.accounts).cmp(&(b.likeness, &b.accounts)));
    }
    groups.sort_by_key(|g| g.accounts[0]);
    groups
}

fn folded(text: &str) -> String {
    text.split_whitespace().collect::<String>().to_lowercase()
}

fn name_and_company(account: &Account) -> String {
    format!("{}\t{}", folded(&account.name), account.company.as_deref().map(folded).unwrap_or_default())
}

/// Names that sound alike but are spelled differently, among accounts
/// whose companies do not differ (one may have none).
fn sounding_alike(accounts: &[&Account]) -> Vec<(Likeness, Vec<usize>)> {
    let mut by_sound: HashMap<String, Vec<usize>> = HashMap::new();
    for (index, account) in accounts.iter().enumerate() {
        if account.name.chars().any(is_han) {
            by_sound.entry(sound_of(&account.name)).or_default().push(index);
        }
    }
    // Latin names join a group of Chinese ones, never make one alone, in
    // either order: Western forms write 王芳 as Fang Wang.
    for (index, account) in accounts.iter().enumerate() {
        if account.name.chars().any(is_han) {
            continue;
        }
        let words: Vec<&str> = account.name.split_whitespace().collect();
        let reversed: String = words.iter().rev().copied().collect::<Vec<_>>().join(" ");
        for sound in [sound_of(&account.name), sound_of(&reversed)] {
            if let Some(members) = by_sound.get_mut(&sound) {
                if !members.contains(&index) {
                    members.push(index);
                }
                break;
            }
        }
    }
    let mut found = Vec::new();
    for members in by_sound.into_values() {
        let mut spellings: Vec<String> = members.iter().map(|&i| folded(&accounts[i].name)).collect();
        spellings.sort();
        spellings.dedup();
        if spellings.len() < 2 {
            continue;
        }
        // One group per company among them; those without one join each.
        let mut by_company: HashMap<String, Vec<usize>> = HashMap::new();
        let (with, without): (Vec<usize>, Vec<usize>) =
            members.iter().partition(|&&i| accounts[i].company.is_some());
        for &i in &with {
            by_company.entry(folded(accounts[i].company.as_deref().unwrap_or_default())).or_default().push(i);
        }
        if by_company.is_empty() {
            by_company.insert(String::new(), Vec::new());
        }
        for mut group in by_company.into_values() {
            group.extend(&without);
            group.sort();
            let mut names: Vec<String> = group.iter().map(|&i| folded(&accounts[i].name)).collect();
            names.sort();
            names.dedup();
            if names.len() > 1 {
                found.push((Likeness::SoundsAlike, group));
            }
        }
    }
    found
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// A name's main pinyin reading, letters only: 张伟, 章伟 and Zhang Wei are
/// all `zhangwei`.
fn sound_of(name: &str) -> String {
    name_key(name).chars().filter(char::is_ascii_alphanumeric).collect()
}

fn shared_value(
    likeness: Likeness,
    first: &Account,
    members: &[usize],
    accounts: &[&Account],
    region: Region,
) -> String {
    match likeness {
        Likeness::Phone => {
            // The number the first two have in common, as the first wrote it.
            let others: Vec<String> = accounts[members[1]].phone_match_keys(region);
            let keys = first.phone_match_keys(region);
            let at = keys.iter().position(|k| others.contains(k)).unwrap_or(0);
            first.phones.get(at).cloned().unwrap_or_default()
        }
        Likeness::Email => first.email.clone().unwrap_or_default(),
        Likeness::NameAndCompany => match &first.company {
            Some(company) => format!("{}, {company}", first.name),
            None => first.name.clone(),
        },
        Likeness::SoundsAlike => sound_of(&first.name),
    }
}

struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    fn new(len: usize) -> DisjointSets {
        DisjointSets { parent: (0..len).collect() }
    }

    fn root(&mut self, mut at: usize) -> usize {
        while self.parent[at] != at {
            self.parent[at] = self.parent[self.parent[at]];
            at = self.parent[at];
        }
        at
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        if a != b {
            self.parent[a.max(b)] = a.min(b);
        }
    }
}

/// Why two accounts cannot be made one as they are.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    #[error("an account cannot be merged with itself")]
    SameAccount,
    #[error("the two notes together are longer than {max} characters: shorten one first")]
    NotesTooLong { max: usize },
}

/// `keep` with what only `gone` knows: its fields where `keep` has none,
/// phones, tags and notes added, the further stage (a customer stays one,
/// the hotter grade, the bigger tier), the earlier creation. Values that
/// cannot sit beside `keep`'s (another email, phones past the limit) go
/// into the note, so nothing is lost.
pub fn merged(keep: &Account, gone: &Account, region: Region) -> Result<Account, MergeError> {
    if keep.id == gone.id {
        return Err(MergeError::SameAccount);
    }
    let mut account = keep.clone();
    let mut extra: Vec<String> = Vec::new();
    for (field, theirs) in [
        (&mut account.company, &gone.company),
        (&mut account.title, &gone.title),
        (&mut account.address, &gone.address),
        (&mut account.source, &gone.source),
    ] {
        match (field.as_deref(), theirs) {
            (None, Some(_)) => field.clone_from(theirs),
            (Some(ours), Some(theirs)) if folded(ours) != folded(theirs) => extra.push(theirs.clone()),
            _ => {}
        }
    }
    match (&account.email, &gone.email) {
        (None, Some(_)) => account.email.clone_from(&gone.email),
        (Some(ours), Some(theirs)) if email_key(ours) != email_key(theirs) => extra.push(theirs.clone()),
        _ => {}
    }
    let mut phones = keep.phones.clone();
    let mut keys = keep.phone_match_keys(region);
    for (phone, key) in gone.phones.iter().zip(gone.phone_match_keys(region)) {
        if keys.contains(&key) {
            continue;
        }
        if phones.len() < MAX_PHONES {
            phones.push(phone.clone());
            keys.push(key);
        } else {
            extra.push(phone.clone());
        }
    }
    account.set_phones(phones, region);
    for tag in &gone.tags {
        if !account.tags.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
            match account.tags.len() < MAX_TAGS {
                true => account.tags.push(tag.clone()),
                false => extra.push(tag.clone()),
            }
        }
    }
    account.potential = keep.potential.max(gone.potential);
    account.birthday = keep.birthday.or(gone.birthday);
    account.anniversary = keep.anniversary.or(gone.anniversary);
    account.created_at = keep.created_at.min(gone.created_at);
    account.converted_at = match (keep.converted_at, gone.converted_at) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    account.stage = match (keep.stage, gone.stage) {
        (Stage::Prospect { grade: a }, Stage::Prospect { grade: b }) => Stage::Prospect { grade: a.min(b) },
        (Stage::Customer { tier: a, tier_pinned: pa }, Stage::Customer { tier: b, tier_pinned: pb }) => {
            Stage::Customer { tier: a.max(b), tier_pinned: pa || pb }
        }
        (customer @ Stage::Customer { .. }, _) | (_, customer @ Stage::Customer { .. }) => customer,
    };
    if gone.archived.is_none() {
        account.archived = None;
    }
    // What had no place of its own, under the other account's name and id.
    let other_name = folded(&gone.name) != folded(&keep.name);
    let aside = match (extra.is_empty(), other_name) {
        (true, false) => String::new(),
        (true, true) => format!("{} (#{})", gone.name, gone.id),
        (false, _) => format!("{} (#{}): {}", gone.name, gone.id, extra.join("; ")),
    };
    account.note = joined(&[keep.note.as_deref(), gone.note.as_deref(), Some(&aside)]);
    account.competitor_notes = merged_notes(&keep.competitor_notes, &gone.competitor_notes);
    let field = TextField::Note;
    if account.note.as_ref().is_some_and(|t| t.chars().count() > field.max_chars()) {
        return Err(MergeError::NotesTooLong { max: field.max_chars() });
    }
    Ok(account)
}

/// The kept account's competitor notes, each with what the other's note
/// of the same competitor adds (answers it lacks; the later confirmation),
/// then the other's notes of competitors it had none of.
fn merged_notes(keep: &[CompetitorNote], gone: &[CompetitorNote]) -> Vec<CompetitorNote> {
    let mut notes = keep.to_vec();
    for other in gone {
        match notes.iter_mut().find(|n| n.competitor.is_some() && n.competitor == other.competitor) {
            Some(note) => note.absorb(other),
            None => notes.push(other.clone()),
        }
    }
    notes
}

/// The texts that are there and differ, a blank line apart.
fn joined(parts: &[Option<&str>]) -> Option<String> {
    let mut kept: Vec<&str> = Vec::new();
    for part in parts.iter().flatten().map(|p| p.trim()) {
        if !part.is_empty() && !kept.contains(&part) {
            kept.push(part);
        }
    }
    (!kept.is_empty()).then(|| kept.join("\n\n"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Grade, Tier};
    use chrono::NaiveDate;

    fn account(id: u64, name: &str, company: Option<&str>, phones: &[&str]) -> Account {
        let at = NaiveDate::from_ymd_opt(2026, 1, id as u32).unwrap().and_hms_opt(9, 0, 0).unwrap();
        let mut account = Account::prospect(Grade::C, at);
        account.id = AccountId(id);
        account.name = name.into();
        account.company = company.map(str::to_string);
        account.set_phones(phones.iter().map(|p| p.to_string()).collect(), Region::default());
        account
    }

    fn groups(accounts: &[Account]) -> Vec<(Vec<u64>, Vec<Likeness>)> {
        let refs: Vec<&Account> = accounts.iter().collect();
        find(&refs, Region::default())
            .into_iter()
            .map(|g| {
                (g.accounts.iter().map(|a| a.0).collect(), g.shared.iter().map(|s| s.likeness).collect())
            })
            .collect()
    }

    #[test]
    fn one_person_written_twice_is_found_by_phone_email_name_or_sound() {
        let mut anna = account(5, "Anna Weber", None, &[]);
        anna.email = Some("Anna@Example.com".into());
        let mut anna_again = account(6, "A. Weber", None, &[]);
        anna_again.email = Some("anna@example.com".into());
        let accounts = [
            account(1, "张伟", Some("绿源农资"), &["138 0000 1111"]),
            account(2, "张 伟", Some("绿源农资"), &[]),
            account(3, "Zhang Wei", None, &["+86 138-0000-1111"]),
            account(4, "章伟", Some("绿源农资"), &[]),
            anna,
            anna_again,
            account(7, "张伟", Some("丰收合作社"), &[]),
            account(8, "王芳", None, &["0536-1234567"]),
            account(9, "汪芳", Some("丰收合作社"), &[]),
            account(10, "Fang Wang", None, &[]),
        ];
        assert_eq!(
            groups(&accounts),
            [
                (
                    vec![1, 2, 3, 4, 7],
                    vec![
                        Likeness::Phone,
                        Likeness::NameAndCompany,
                        Likeness::SoundsAlike,
                        Likeness::SoundsAlike
                    ]
                ),
                (vec![5, 6], vec![Likeness::Email]),
                (vec![8, 9, 10], vec![Likeness::SoundsAlike]),
            ]
        );
    }

    #[test]
    fn namesakes_at_other_companies_are_not_duplicates() {
        let accounts = [
            account(1, "张伟", Some("绿源农资"), &["138 0000 1111"]),
            account(2, "张伟", Some("丰收合作社"), &["139 0000 2222"]),
            account(3, "Li Na", None, &[]),
            account(4, "Li Na ", Some("Fabrikam"), &[]),
        ];
        assert_eq!(groups(&accounts), []);
    }

    #[test]
    fn a_merge_keeps_what_either_knew() {
        let mut keep = account(1, "张伟", None, &["138 0000 1111"]);
        keep.email = Some("zw@example.cn".into());
        keep.note = Some("likes tea".into());
        keep.tags = vec!["farm".into()];
        let mut gone = account(2, "Zhang Wei", Some("绿源农资"), &["+86 138-0000-1111", "0536-1234567"]);
        gone.email = Some("zhangwei@example.com".into());
        gone.tags = vec!["FARM".into(), "dealer".into()];
        gone.stage = Stage::Customer { tier: Tier::Large, tier_pinned: false };
        gone.potential = Some(crate::domain::Money(50_000));
        let merged = merged(&keep, &gone, Region::default()).unwrap();
        assert_eq!(merged.id, AccountId(1));
        assert_eq!(merged.name, "张伟");
        assert_eq!(merged.company.as_deref(), Some("绿源农资"));
        assert_eq!(merged.phones, ["138 0000 1111", "0536-1234567"], "one number in two spellings is one");
        assert_eq!(merged.phones_e164, ["+8613800001111", "+865361234567"]);
        assert_eq!(merged.email.as_deref(), Some("zw@example.cn"));
        assert_eq!(
            merged.note.as_deref(),
            Some("likes tea\n\nZhang Wei (#2): zhangwei@example.com"),
            "the other name and email are kept"
        );
        assert_eq!(merged.tags, ["farm", "dealer"]);
        assert_eq!(merged.stage, gone.stage, "a customer stays a customer");
        assert_eq!(merged.created_at, keep.created_at);
        assert_eq!(merged.potential, gone.potential);
        assert_eq!(super::merged(&keep, &keep, Region::default()), Err(MergeError::SameAccount));
    }

    #[test]
    fn a_merge_of_prospects_keeps_the_hotter_grade_and_of_customers_the_bigger_tier() {
        let mut a = account(1, "a", None, &[]);
        let mut b = account(2, "b", None, &[]);
        a.stage = Stage::Prospect { grade: Grade::C };
        b.stage = Stage::Prospect { grade: Grade::A };
        assert_eq!(merged(&a, &b, Region::default()).unwrap().stage, Stage::Prospect { grade: Grade::A });
        a.stage = Stage::Customer { tier: Tier::Vip, tier_pinned: false };
        b.stage = Stage::Customer { tier: Tier::Small, tier_pinned: true };
        assert_eq!(
            merged(&a, &b, Region::default()).unwrap().stage,
            Stage::Customer { tier: Tier::Vip, tier_pinned: true }
        );
    }
}
