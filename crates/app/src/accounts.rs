//! Adding, editing, grading, archiving and reading accounts.

use crate::i18n::msg;
use std::cmp::Reverse;

use chrono::{NaiveDate, NaiveDateTime};

use super::{AccountMarks, App, AppError, AppResult, Referred, Written};
use crate::domain::contact::{TextField, check_email, check_name, check_phones, check_tags, optional_field};
use crate::domain::{
    Account, AccountId, AccountStats, AccountSummary, ArchiveReason, Archived, FollowUp, Grade, Money,
    MonthDay, Order, Referral, Stage, StageKind, StageLabel, Tier, Touch,
};
use crate::i18n::Lang;
use crate::store::{AccountRecord, Records};

/// Fields of an account as a user gives them; `None` leaves a field as it
/// is (on edit) and `Some("")` clears it.
#[derive(Clone, Debug, Default)]
pub struct AccountInput {
    pub name: Option<String>,
    pub company: Option<String>,
    pub title: Option<String>,
    pub phones: Option<Vec<String>>,
    pub email: Option<String>,
    pub address: Option<String>,
    pub tags: Option<Vec<String>>,
    pub source: Option<String>,
    pub note: Option<String>,
    pub potential: Option<Money>,
    pub grade: Option<Grade>,
    /// Pins a customer's tier (edit only).
    pub tier: Option<Tier>,
    /// `MM-DD` or `YYYY-MM-DD`; `""` clears it.
    pub birthday: Option<String>,
    /// A date; `""` clears it (the first order's day counts then).
    pub anniversary: Option<String>,
}

impl AccountInput {
    /// Applies the given fields to `account`, validating each.
    /// New phones leave their international forms to be set
    /// ([`Account::normalise_phones`]).
    pub(super) fn apply_to(&self, account: &mut Account, lang: Lang) -> AppResult<()> {
        if let Some(name) = &self.name {
            account.name = check_name(name)?;
        }
        let text = |value: &Option<String>, field: &mut Option<String>, kind: TextField| -> AppResult<()> {
            if let Some(value) = value {
                *field = optional_field(kind, value)?;
            }
            Ok(())
        };
        text(&self.company, &mut account.company, TextField::Company)?;
        text(&self.title, &mut account.title, TextField::Title)?;
        text(&self.address, &mut account.address, TextField::Address)?;
        text(&self.source, &mut account.source, TextField::Source)?;
        text(&self.note, &mut account.note, TextField::Note)?;
        if let Some(phones) = &self.phones {
            account.phones = check_phones(phones.iter().map(String::as_str))?;
            account.phones_e164.clear();
        }
        if let Some(email) = &self.email {
            account.email = if email.trim().is_empty() { None } else { Some(check_email(email)?) };
        }
        if let Some(tags) = &self.tags {
            account.tags = check_tags(tags.iter().map(String::as_str))?;
        }
        if let Some(potential) = self.potential {
            account.potential = (potential > Money::ZERO).then_some(potential);
        }
        if let Some(birthday) = &self.birthday {
            account.birthday = match birthday.trim() {
                "" => None,
                text => Some(MonthDay::parse(text)?),
            };
        }
        if let Some(anniversary) = &self.anniversary {
            account.anniversary = match anniversary.trim() {
                "" => None,
                text => Some(
                    NaiveDate::parse_from_str(text, "%Y-%m-%d")
                        .map_err(|_| AppError::Input(super::InputError::NotADate(text.to_string())))
                        .and_then(|d| Ok(crate::domain::dates::check_date(d)?))?,
                ),
            };
        }
        match (self.grade, account.stage) {
            (Some(grade), Stage::Prospect { .. }) => account.stage = Stage::Prospect { grade },
            (Some(_), Stage::Customer { tier, .. }) => {
                return Err(not_a_prospect(&account.name, tier, lang));
            }
            (None, _) => {}
        }
        match (self.tier, account.stage) {
            (Some(tier), Stage::Customer { .. }) => {
                account.stage = Stage::Customer { tier, tier_pinned: true }
            }
            (Some(_), Stage::Prospect { .. }) => {
                return Err(AppError::Conflict(
                    msg::ErrorProspectTier { name: account.name.as_str() }.text(lang),
                ));
            }
            (None, _) => {}
        }
        Ok(())
    }
}

fn not_a_prospect(name: &str, tier: Tier, lang: Lang) -> AppError {
    let tier = crate::i18n::reasons::tier_in_sentence(tier, lang);
    AppError::Conflict(msg::ErrorCustomerGrade { name, tier }.text(lang))
}

/// One line of the account list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountRow {
    pub id: AccountId,
    pub name: String,
    pub company: Option<String>,
    pub stage: StageKind,
    pub grade: Option<Grade>,
    pub tier: Option<Tier>,
    pub revenue_12m: Money,
    pub potential: Option<Money>,
    /// The latest contact: a touch, or an order when orders count.
    pub last_touch: Option<NaiveDateTime>,
    /// Where the account stands in the 80/20 view (default: nowhere).
    pub marks: AccountMarks,
    pub label: StageLabel,
}

impl AccountRow {
    pub fn new(summary: &AccountSummary, today: NaiveDate, config: &crate::config::Config) -> AccountRow {
        AccountRow {
            id: summary.id,
            name: summary.name.clone(),
            company: summary.company.clone(),
            stage: summary.stage_kind(),
            grade: summary.grade(),
            tier: summary.tier(),
            revenue_12m: summary.revenue_12m(today),
            potential: summary.potential,
            last_touch: summary.last_contact(config.plan.orders_reset_cadence),
            marks: AccountMarks::default(),
            label: summary.stage_label(),
        }
    }
}

#[derive(Clone, Copy, Debug, Default)]
pub struct ListFilter {
    pub stage: Option<StageKind>,
    pub grade: Option<Grade>,
    pub tier: Option<Tier>,
    /// Include archived accounts when no stage is asked for.
    pub include_archived: bool,
}

impl ListFilter {
    fn accepts(&self, account: &AccountSummary) -> bool {
        let stage = account.stage_kind();
        let stage_ok = match self.stage {
            Some(wanted) => stage == wanted,
            None => self.include_archived || stage != StageKind::Archived,
        };
        stage_ok
            && self.grade.is_none_or(|g| account.grade() == Some(g))
            && self.tier.is_none_or(|t| account.tier() == Some(t))
    }
}

/// A referral as the account card shows it, with both names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReferralLink {
    pub referral: Referral,
    pub referrer_name: String,
    pub referee_name: String,
}

/// Everything the account card and `show` need.
#[derive(Clone, Debug)]
pub struct AccountDetail {
    pub record: AccountRecord,
    /// The account as a list row (its marks left at none).
    pub row: AccountRow,
    pub touches: Vec<Touch>,
    pub orders: Vec<Order>,
    pub follow_ups: Vec<FollowUp>,
    pub referrals: Vec<ReferralLink>,
    /// The book's competitors, for the names of those the notes and lost
    /// deals name.
    pub competitors: crate::domain::Competitors,
    /// Per competitor note: not confirmed within the settings' days.
    pub stale_notes: Vec<bool>,
}

/// One past entry of an account's timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Past<'a> {
    Touch(&'a Touch),
    Order(&'a Order),
}

impl Past<'_> {
    pub fn at(&self) -> NaiveDateTime {
        match self {
            Past::Touch(t) => t.at,
            Past::Order(o) => o.at,
        }
    }
}

impl AccountDetail {
    /// Touches and orders together, newest first.
    pub fn past(&self) -> Vec<Past<'_>> {
        let mut past: Vec<Past> =
            self.touches.iter().map(Past::Touch).chain(self.orders.iter().map(Past::Order)).collect();
        past.sort_by_key(|p| std::cmp::Reverse(p.at()));
        past
    }
}

/// Customers by tier (VIP first), then prospects by grade (A first), then
/// archived accounts; by name within each group.
fn list_order(row: &AccountRow) -> (u8, Reverse<Option<Tier>>, Option<Grade>, String, AccountId) {
    let group = match row.stage {
        StageKind::Customer => 0,
        StageKind::Prospect => 1,
        StageKind::Archived => 2,
    };
    (group, Reverse(row.tier), row.grade, crate::search::name_key(&row.name), row.id)
}

/// The stored phones read again after `[contacts] default_region` changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhonesReread {
    pub from: String,
    pub to: String,
    /// Accounts whose numbers' international forms changed.
    pub changed: usize,
}

impl App {
    pub fn add_account(
        &self,
        input: &AccountInput,
        referred: Option<Referred>,
    ) -> AppResult<Written<AccountRecord>> {
        let now = self.now();
        let name = input.name.as_deref().ok_or(crate::domain::contact::ContactError::EmptyName)?;
        let mut account = Account::prospect(input.grade.unwrap_or(Grade::C), now);
        account.name = check_name(name)?;
        input.apply_to(&mut account, self.config.ui.lang())?;
        account.normalise_phones(self.region());
        let referrer = referred.as_ref().map(|r| self.record(r.by)).transpose()?;
        let known = self.known_elsewhere(&account)?;
        let mut txn = self.begin();
        account.id = AccountId(txn.next_id("account")?);
        let record = AccountRecord { account, stats: AccountStats::default() };
        txn.put_account(&record)?;
        let mut also = Vec::new();
        if let (Some(referrer), Some(referred)) = (&referrer, referred) {
            let (_, scheduled) = self.stage_referral(
                &mut txn,
                (referrer.account.id, &referrer.account.name),
                (record.account.id, &record.account.name),
                referred.incentive,
                now,
            )?;
            also.push(scheduled);
        }
        for (value, other, name) in known {
            also.push(
                msg::AlsoKnownAs { value, name, id: other.to_string(), new: record.account.id.to_string() }
                    .text(self.config.ui.lang()),
            );
        }
        let changes = txn.commit(
            msg::HistoryAdd { name: record.account.name.as_str(), id: record.account.id.to_string() }
                .text(self.config.ui.lang()),
            now,
        )?;
        Ok(Written { value: record, changes, also })
    }

    /// The accounts that already have one of `account`'s phones (in any
    /// spelling) or its email: each value as typed, the other account's id
    /// and name. A new account is added anyway; the rep is told, and may
    /// merge them.
    fn known_elsewhere(&self, account: &Account) -> AppResult<Vec<(String, AccountId, String)>> {
        if account.phones.is_empty() && account.email.is_none() {
            return Ok(Vec::new());
        }
        let (index, _) = self.search_index()?;
        let digits = |text: &str| -> String { text.chars().filter(char::is_ascii_digit).collect() };
        let mut wanted: Vec<(String, String)> = account
            .phones
            .iter()
            .zip(account.phones_e164.iter().chain(std::iter::repeat(&String::new())))
            .map(|(typed, e164)| (typed.clone(), if e164.is_empty() { digits(typed) } else { digits(e164) }))
            .filter(|(_, key)| key.len() >= 5)
            .collect();
        wanted.extend(account.email.iter().map(|e| (e.clone(), e.to_lowercase())));
        let mut found = Vec::new();
        for doc in index.docs() {
            if let Some((value, _)) = wanted.iter().find(|(_, key)| doc.has_exact(key)) {
                found.push((value.clone(), doc.id, doc.name().to_string()));
            }
        }
        Ok(found)
    }

    /// Works out the stored phones' international forms again when the
    /// store's were worked out in another region (`[contacts]
    /// default_region` changed) or not at all (a store from before them):
    /// once, outside the history (they follow from the phones and the
    /// settings, as the search index does).
    /// Says what changed when the region did.
    pub(super) fn normalise_stored_phones(&self) -> AppResult<Option<PhonesReread>> {
        let region = self.region();
        let name = region.to_string();
        // The marker names the rules too (`CN/2`): a store whose numbers
        // were read by older rules reads them again, without a word when
        // only the rules changed.
        let marker = format!("{name}/{}", crate::domain::phone::RULES_VERSION);
        let before = self.store.phones_region()?;
        if before.as_deref() == Some(marker.as_str()) {
            return Ok(None);
        }
        let changed = self.store.rewrite_accounts(|account| {
            let e164 = crate::domain::phone::e164_list(&account.phones, region);
            let changed = e164 != account.phones_e164;
            account.phones_e164 = e164;
            changed
        })?;
        self.store.set_phones_region(&marker)?;
        let from = before.map(|before| before.split('/').next().unwrap_or_default().to_string());
        Ok(from.filter(|from| *from != name).map(|from| PhonesReread { from, to: name, changed }))
    }

    /// The phones' international forms were worked out again in another
    /// region; this many accounts' changed.
    pub fn phones_reread(&self) -> Option<&PhonesReread> {
        self.phones_reread.as_ref()
    }

    /// Changes the given fields; returns the account as saved.
    pub fn edit_account(&self, id: AccountId, input: &AccountInput) -> AppResult<Written<AccountRecord>> {
        let mut record = self.record(id)?;
        input.apply_to(&mut record.account, self.config.ui.lang())?;
        record.account.normalise_phones(self.region());
        let mut txn = self.begin();
        txn.put_account(&record)?;
        let summary = msg::HistoryEdit { name: record.account.name.as_str(), id: id.to_string() }
            .text(self.config.ui.lang());
        let changes = txn.commit(summary, self.now())?;
        Ok(Written { value: record, changes, also: Vec::new() })
    }

    pub fn set_grade(&self, id: AccountId, grade: Grade) -> AppResult<Written<AccountRecord>> {
        self.edit_account(id, &AccountInput { grade: Some(grade), ..AccountInput::default() })
    }

    /// Moves a prospect one grade hotter (`raise`) or colder.
    pub fn step_grade(&self, id: AccountId, raise: bool) -> AppResult<Written<AccountRecord>> {
        let record = self.record(id)?;
        let account = &record.account;
        let grade = match account.stage {
            Stage::Prospect { grade } => grade,
            Stage::Customer { tier, .. } => {
                return Err(not_a_prospect(&account.name, tier, self.config.ui.lang()));
            }
        };
        let next = if raise { grade.raised() } else { grade.lowered() };
        let next = next.ok_or_else(|| {
            let args = msg::ErrorAlreadyGrade { name: account.name.as_str(), grade: grade.to_string() };
            AppError::Conflict(args.text(self.config.ui.lang()))
        })?;
        self.set_grade(id, next)
    }

    /// Archives the account; one archived as lost may name the competitor
    /// it went to (added to the book when new).
    pub fn archive(
        &self,
        id: AccountId,
        reason: ArchiveReason,
        lost_to: Option<&str>,
    ) -> AppResult<Written<AccountRecord>> {
        if lost_to.is_some() && reason != ArchiveReason::Lost {
            return Err(AppError::Invalid(msg::ErrorLostToNotLost.text(self.config.ui.lang())));
        }
        let mut record = self.record(id)?;
        if let Some(archived) = &record.account.archived {
            let reason = crate::i18n::terms::archive_reason(archived.reason, self.config.ui.lang());
            return Err(AppError::Conflict(
                msg::ErrorAlreadyArchived {
                    name: record.account.name.as_str(),
                    reason,
                    day: archived.at.format("%Y-%m-%d").to_string(),
                }
                .text(self.config.ui.lang()),
            ));
        }
        let now = self.now();
        let mut txn = self.begin();
        let mut also = Vec::new();
        let mut competitor = None;
        if let Some(name) = lost_to {
            let (id, words) = self.lost_to_in(&mut txn, &mut record, name, now)?;
            competitor = Some(id);
            also = words;
        }
        record.account.archived = Some(Archived { reason, at: now, lost_to: competitor });
        txn.put_account(&record)?;
        let changes = txn.commit(
            msg::HistoryArchive {
                name: record.account.name.as_str(),
                id: id.to_string(),
                reason: crate::i18n::terms::archive_reason(reason, self.config.ui.lang()),
            }
            .text(self.config.ui.lang()),
            now,
        )?;
        Ok(Written { value: record, changes, also })
    }

    pub fn restore(&self, id: AccountId) -> AppResult<Written<AccountRecord>> {
        let mut record = self.record(id)?;
        if record.account.archived.take().is_none() {
            return Err(AppError::Conflict(
                msg::ErrorNotArchived { name: record.account.name.as_str() }.text(self.config.ui.lang()),
            ));
        }
        let mut txn = self.begin();
        txn.put_account(&record)?;
        let changes = txn.commit(
            msg::HistoryRestore { name: record.account.name.as_str(), id: id.to_string() }
                .text(self.config.ui.lang()),
            self.now(),
        )?;
        Ok(Written { value: record, changes, also: Vec::new() })
    }

    pub fn list_accounts(&self, filter: ListFilter) -> AppResult<(Vec<AccountRow>, usize)> {
        let today = self.today();
        let loaded = self.store.summaries()?;
        let focus = self.focus_of(&loaded.items)?;
        let mut rows: Vec<AccountRow> = loaded
            .items
            .iter()
            .enumerate()
            .filter(|(_, summary)| filter.accepts(summary))
            .map(|(index, summary)| AccountRow {
                marks: AccountMarks::of(&focus, &loaded.items, index, today, &self.config),
                ..AccountRow::new(summary, today, &self.config)
            })
            .collect();
        rows.sort_by_cached_key(list_order);
        Ok((rows, loaded.problems.len()))
    }

    /// Every account (archived ones too) with its row, in list order, for
    /// an export; and how many records could not be read.
    pub fn accounts_for_export(&self) -> AppResult<(Vec<(AccountRecord, AccountRow)>, usize)> {
        let (rows, unreadable) =
            self.list_accounts(ListFilter { include_archived: true, ..ListFilter::default() })?;
        let mut records: std::collections::HashMap<AccountId, AccountRecord> =
            self.store.accounts()?.items.into_iter().map(|r| (r.account.id, r)).collect();
        let out = rows.into_iter().filter_map(|row| records.remove(&row.id).map(|a| (a, row))).collect();
        Ok((out, unreadable))
    }

    pub fn account_detail(&self, id: AccountId) -> AppResult<AccountDetail> {
        let record = self.record(id)?;
        let mut touches = self.store.touches(id)?;
        touches.sort_by(|a, b| b.at.cmp(&a.at).then(b.id.cmp(&a.id)));
        let mut orders = self.store.orders(id)?;
        orders.sort_by(|a, b| b.at.cmp(&a.at).then(b.id.cmp(&a.id)));
        let mut follow_ups = self.store.follow_ups_of(id)?;
        follow_ups.sort_by_key(|f| (!f.is_pending(), f.due, f.id));
        let mut referrals = Vec::new();
        for referral in self.store.referrals_of(id)? {
            let name = |other: AccountId| -> AppResult<String> {
                Ok(self.store.account(other)?.map_or_else(|| format!("#{other}"), |r| r.account.name))
            };
            referrals.push(ReferralLink {
                referrer_name: name(referral.referrer)?,
                referee_name: name(referral.referee)?,
                referral,
            });
        }
        let row = AccountRow::new(&record.summary(), self.today(), &self.config);
        let competitors = self.competitors()?;
        let stale_days = self.config.focus.competitor_stale_days;
        let stale_notes =
            record.account.competitor_notes.iter().map(|n| n.is_stale(self.today(), stale_days)).collect();
        Ok(AccountDetail { record, row, touches, orders, follow_ups, referrals, competitors, stale_notes })
    }
}
