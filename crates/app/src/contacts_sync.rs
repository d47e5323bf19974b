//! `contacts sync DIR`: the accounts both ways with a vCard vdir (khard's,
//! or one vdirsyncer keeps in step with a CardDAV server a phone's address
//! book syncs with). A number or an email added to a card on the phone
//! comes back to its account; a card made there is a candidate account
//! (added with `--add-new`), or, when it has an account's number or email,
//! becomes that account's card. Leadline's fields win where both sides
//! changed one, and the sync says so.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::vcard_export::{card_uid, vcard_with_uid};
use super::vcard_import::read_card;
use super::vdir::hash;
use super::{App, AppResult};
use crate::domain::{Account, AccountId, AccountStats, Grade};
use crate::i18n::msg;
use crate::store::AccountRecord;

/// The store's name for what this sync left in a folder.
const STATE: &str = "contacts";

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct SyncState {
    cards: BTreeMap<String, SyncedCard>,
}

/// A card as the sync last wrote it.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct SyncedCard {
    account: AccountId,
    /// Leadline's UID, or the phone's for a card made there.
    uid: String,
    hash: String,
    phones: Vec<String>,
    email: Option<String>,
}

/// What a contacts sync did (or, dry, would do).
#[derive(Clone, Debug, Default)]
pub struct ContactsSyncReport {
    pub first: bool,
    /// Accounts that took numbers or emails from their card on the phone.
    pub filled: Vec<Filled>,
    /// Cards made on the phone that hold an account's number or email: now
    /// that account's card.
    pub linked: Vec<Linked>,
    /// A field changed on both sides since the last sync: Leadline's kept.
    pub conflicts: Vec<Conflict>,
    /// Cards deleted on the phone, written back.
    pub deleted: Vec<(AccountId, String)>,
    /// Cards made on the phone with no account: added with `--add-new`.
    pub new_cards: Vec<NewCard>,
    pub written: usize,
    pub removed: usize,
}

#[derive(Clone, Debug)]
pub struct Filled {
    pub account: AccountId,
    pub name: String,
    pub phones: Vec<String>,
    pub email: Option<String>,
    /// Emails kept in the note: the account has one already.
    pub noted: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct Linked {
    pub file: String,
    pub account: AccountId,
    pub name: String,
}

#[derive(Clone, Debug)]
pub struct Conflict {
    pub account: AccountId,
    pub name: String,
    /// `phones` or `email`.
    pub field: &'static str,
}

#[derive(Clone, Debug)]
pub struct NewCard {
    pub file: String,
    pub name: String,
    pub phones: Vec<String>,
    /// The account it became (with `--add-new`).
    pub added: Option<AccountId>,
    /// An account that already has its number or email, when that account
    /// has a card in the folder already: the card is left alone.
    pub same_as: Option<(AccountId, String)>,
}

/// What a card on the phone says.
struct PhoneCard {
    uid: Option<String>,
    name: String,
    phones: Vec<String>,
    emails: Vec<String>,
}

fn read(text: &str) -> Option<PhoneCard> {
    let (uid, row) = read_card(text.as_bytes())?;
    let input = row.input();
    let emails =
        input.email.iter().map(String::as_str).chain(row.other_emails()).map(str::to_string).collect();
    Some(PhoneCard {
        uid,
        name: input.name.clone().unwrap_or_default(),
        phones: input.phones.clone().unwrap_or_default(),
        emails,
    })
}

/// The file an account's card is written to by default.
fn file_name(account: &Account) -> String {
    match account.uid.is_nil() {
        true => format!("leadline-account-{}.vcf", account.id),
        false => format!("{}.vcf", account.uid),
    }
}

impl App {
    /// Syncs the active accounts with the vCard vdir `dir` (see the
    /// module's words); `add_new` adds the cards made on the phone that are
    /// no account's; `dry_run` writes nothing.
    pub fn sync_contacts(&self, dir: &Path, add_new: bool, dry_run: bool) -> AppResult<ContactsSyncReport> {
        let state: Option<SyncState> = self.vdir_state(STATE, dir)?;
        let folder = self.vdir_items(dir, ".vcf")?;
        let report = ContactsSyncReport { first: state.is_none(), ..Default::default() };
        let mut run = Run {
            app: self,
            state: state.unwrap_or_default(),
            records: self.active_records()?,
            report,
            changed: Vec::new(),
            placed: Vec::new(),
        };
        run.edits_on_the_phone(&folder);
        let mut txn = self.begin();
        run.cards_made_on_the_phone(&folder, add_new, &mut txn)?;
        if dry_run {
            return Ok(run.report);
        }
        let added = run.report.new_cards.iter().filter(|c| c.added.is_some()).count();
        if !run.changed.is_empty() || added > 0 {
            for id in &run.changed {
                txn.put_account(&run.records[id])?;
            }
            let filled = run.changed.len();
            let summary = msg::HistoryContactsSync { dir: dir.display().to_string(), filled, added };
            txn.commit(summary.text(self.config.ui.lang()), self.now())?;
            // The records as stored (a new account got its global id).
            run.records = self.active_records()?;
        } else {
            // A transaction holds the store's writer, which the folder's
            // state is written through.
            drop(txn);
        }
        run.write_folder(dir, &folder)
    }

    /// The accounts not archived, by id.
    fn active_records(&self) -> AppResult<BTreeMap<AccountId, AccountRecord>> {
        let records = self.store.accounts()?.items.into_iter().filter(|r| r.account.archived.is_none());
        Ok(records.map(|r| (r.account.id, r)).collect())
    }
}

/// One contacts sync under way.
struct Run<'a> {
    app: &'a App,
    state: SyncState,
    records: BTreeMap<AccountId, AccountRecord>,
    report: ContactsSyncReport,
    /// Accounts the phone's cards filled in.
    changed: Vec<AccountId>,
    /// Accounts whose card is now one made on the phone: its file, its UID.
    placed: Vec<(String, AccountId, String)>,
}

impl Run<'_> {
    /// What the phone did to the cards the last sync wrote: numbers and
    /// emails added come home, unless Leadline changed that field too.
    fn edits_on_the_phone(&mut self, folder: &BTreeMap<String, String>) {
        let (region, lang) = (self.app.region(), self.app.config.ui.lang());
        for (file, synced) in &self.state.cards {
            let Some(record) = self.records.get_mut(&synced.account) else { continue };
            let account = &mut record.account;
            let card = match folder.get(file) {
                None => {
                    self.report.deleted.push((account.id, account.name.clone()));
                    continue;
                }
                Some(text) if hash(text) == synced.hash => continue,
                Some(text) => match read(text) {
                    Some(card) => card,
                    None => continue,
                },
            };
            let news = News::of(&card, account, &synced.phones, synced.email.as_deref(), region);
            let phones_here = account.phones != synced.phones;
            let email_here = account.email != synced.email;
            if phones_here && !news.phones.is_empty() {
                self.report.conflicts.push(conflict(account, "phones"));
            }
            if email_here && !news.emails.is_empty() {
                self.report.conflicts.push(conflict(account, "email"));
            }
            let news = News {
                phones: if phones_here { Vec::new() } else { news.phones },
                emails: if email_here { Vec::new() } else { news.emails },
            };
            if let Some(filled) = news.fill(account, region, lang) {
                self.changed.push(account.id);
                self.report.filled.push(filled);
            }
        }
    }

    /// Cards made on the phone: an account's when they hold its number or
    /// email (what they know that it lacks kept first), else candidates,
    /// added with `add_new`.
    fn cards_made_on_the_phone(
        &mut self,
        folder: &BTreeMap<String, String>,
        add_new: bool,
        txn: &mut crate::store::Txn<'_>,
    ) -> AppResult<()> {
        let (region, lang) = (self.app.region(), self.app.config.ui.lang());
        let owners = Owners::of(self.records.values().map(|r| &r.account), region);
        let carded: std::collections::HashSet<AccountId> =
            self.state.cards.values().map(|c| c.account).collect();
        for (file, text) in folder.iter().filter(|(file, _)| !self.state.cards.contains_key(*file)) {
            let Some(card) = read(text) else { continue };
            let mut new_card = NewCard {
                file: file.clone(),
                name: card.name.clone(),
                phones: card.phones.clone(),
                added: None,
                same_as: None,
            };
            match owners.of_card(&card, region) {
                Some(id) if !carded.contains(&id) && !self.placed.iter().any(|(_, a, _)| *a == id) => {
                    let Some(record) = self.records.get_mut(&id) else { continue };
                    let account = &mut record.account;
                    self.placed.push((
                        file.clone(),
                        id,
                        card.uid.clone().unwrap_or_else(|| card_uid(account)),
                    ));
                    self.report.linked.push(Linked {
                        file: file.clone(),
                        account: id,
                        name: account.name.clone(),
                    });
                    if let Some(filled) =
                        News::of(&card, account, &[], None, region).fill(account, region, lang)
                    {
                        self.changed.push(id);
                        self.report.filled.push(filled);
                    }
                    continue;
                }
                Some(id) => new_card.same_as = Some((id, self.records[&id].account.name.clone())),
                None if add_new && !card.name.is_empty() => {
                    let mut account = Account::prospect(Grade::C, self.app.now());
                    account.name = crate::domain::contact::check_name(&card.name)?;
                    account.set_phones(card.phones.clone(), region);
                    account.email = card.emails.first().cloned();
                    account.id = AccountId(txn.next_id("account")?);
                    let record = AccountRecord { account, stats: AccountStats::default() };
                    txn.put_account(&record)?;
                    let uid = card.uid.clone().unwrap_or_else(|| card_uid(&record.account));
                    self.placed.push((file.clone(), record.account.id, uid));
                    new_card.added = Some(record.account.id);
                    self.records.insert(record.account.id, record);
                }
                None => {}
            }
            self.report.new_cards.push(new_card);
        }
        Ok(())
    }

    /// Every active account's card into the folder, under the file and UID
    /// it has there; the cards of accounts no longer active go.
    fn write_folder(
        mut self,
        dir: &Path,
        folder: &BTreeMap<String, String>,
    ) -> AppResult<ContactsSyncReport> {
        let mut placed: HashMap<AccountId, (String, String)> =
            self.state.cards.iter().map(|(file, c)| (c.account, (file.clone(), c.uid.clone()))).collect();
        placed.extend(self.placed.into_iter().map(|(file, id, uid)| (id, (file, uid))));
        let mut next = SyncState::default();
        let mut texts: BTreeMap<String, String> = BTreeMap::new();
        for record in self.records.values() {
            let account = &record.account;
            let (file, uid) =
                placed.get(&account.id).cloned().unwrap_or_else(|| (file_name(account), card_uid(account)));
            let text = vcard_with_uid(account, &uid);
            let phones = account.phones.clone();
            let synced = SyncedCard {
                account: account.id,
                uid,
                hash: hash(&text),
                phones,
                email: account.email.clone(),
            };
            next.cards.insert(file.clone(), synced);
            texts.insert(file, text);
        }
        let cards = &self.state.cards;
        let stale = folder.keys().filter(|file| cards.contains_key(*file) && !next.cards.contains_key(*file));
        (self.report.written, self.report.removed) = self.app.write_items(dir, folder, &texts, stale)?;
        self.app.set_vdir_state(STATE, dir, &next)?;
        Ok(self.report)
    }
}

/// The numbers and emails a card has that the account and the last sync
/// did not.
struct News {
    phones: Vec<String>,
    emails: Vec<String>,
}

impl News {
    fn of(
        card: &PhoneCard,
        account: &Account,
        synced_phones: &[String],
        synced_email: Option<&str>,
        region: crate::domain::phone::Region,
    ) -> News {
        let keys = |phones: &[String]| -> Vec<String> {
            let e164 = crate::domain::phone::e164_list(phones, region);
            phones
                .iter()
                .zip(&e164)
                .map(|(typed, e164)| crate::domain::phone::match_key(typed, e164))
                .collect()
        };
        let known = keys(synced_phones);
        let mine = account.phone_match_keys(region);
        let phones = card
            .phones
            .iter()
            .zip(keys(&card.phones))
            .filter(|(_, key)| !known.contains(key) && !mine.contains(key))
            .map(|(phone, _)| phone.clone())
            .collect();
        let same = |a: Option<&str>, b: &str| a.is_some_and(|a| a.eq_ignore_ascii_case(b));
        let noted = account.note.as_deref().unwrap_or_default().to_lowercase();
        let emails = card
            .emails
            .iter()
            .filter(|e| !same(synced_email, e) && !same(account.email.as_deref(), e))
            .filter(|e| !noted.contains(&e.to_lowercase()))
            .cloned()
            .collect();
        News { phones, emails }
    }

    /// Gives the account the new numbers, the first new email when it has
    /// none, and the other emails in its note; None when there is nothing.
    fn fill(
        self,
        account: &mut Account,
        region: crate::domain::phone::Region,
        lang: crate::i18n::Lang,
    ) -> Option<Filled> {
        if self.phones.is_empty() && self.emails.is_empty() {
            return None;
        }
        if !self.phones.is_empty() {
            let mut phones = account.phones.clone();
            phones.extend(self.phones.iter().cloned());
            account.set_phones(phones, region);
        }
        let mut emails = self.emails.into_iter();
        let email = if account.email.is_none() { emails.next() } else { None };
        if email.is_some() {
            account.email.clone_from(&email);
        }
        let noted: Vec<String> = emails.collect();
        note_emails(account, &noted, lang);
        Some(Filled { account: account.id, name: account.name.clone(), phones: self.phones, email, noted })
    }
}

fn conflict(account: &Account, field: &'static str) -> Conflict {
    Conflict { account: account.id, name: account.name.clone(), field }
}

/// Emails beyond the account's one go into its note, a line each, as an
/// import keeps them.
fn note_emails(account: &mut Account, emails: &[String], lang: crate::i18n::Lang) {
    for email in emails {
        let what = msg::ImportKeptEmail.text(lang);
        let line = msg::ImportNoteLine { what, value: email.as_str() }.text(lang);
        account.note = Some(match account.note.take() {
            Some(note) if !note.is_empty() => format!("{note}\n{line}"),
            _ => line,
        });
    }
}

/// Which account a card made on the phone belongs to: the one account with
/// one of its numbers (any spelling) or its email.
struct Owners {
    phones: HashMap<String, Vec<AccountId>>,
    emails: HashMap<String, Vec<AccountId>>,
}

impl Owners {
    fn of<'a>(accounts: impl Iterator<Item = &'a Account>, region: crate::domain::phone::Region) -> Owners {
        let mut owners = Owners { phones: HashMap::new(), emails: HashMap::new() };
        for account in accounts {
            for key in account.phone_match_keys(region) {
                owners.phones.entry(key).or_default().push(account.id);
            }
            if let Some(email) = &account.email {
                owners.emails.entry(email.to_lowercase()).or_default().push(account.id);
            }
        }
        owners
    }

    fn of_card(&self, card: &PhoneCard, region: crate::domain::phone::Region) -> Option<AccountId> {
        let e164 = crate::domain::phone::e164_list(&card.phones, region);
        let by_phone =
            card.phones.iter().zip(&e164).map(|(typed, e164)| crate::domain::phone::match_key(typed, e164));
        let by_phone = by_phone.filter_map(|key| self.phones.get(&key));
        let by_email = card.emails.iter().filter_map(|email| self.emails.get(&email.to_lowercase()));
        let mut ids: Vec<AccountId> = by_phone.chain(by_email).flatten().copied().collect();
        ids.sort_unstable();
        ids.dedup();
        match ids[..] {
            [one] => Some(one),
            _ => None,
        }
    }
}
