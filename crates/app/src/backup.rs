//! The full backup: every primary record as JSON, in id order, so that
//! export, import and export again give the same bytes.

use crate::i18n::msg;
use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use chrono::NaiveDateTime;

use super::{App, AppError, AppResult};
use crate::domain::contact::{
    TextField, check_email, check_field, check_name, check_phones, check_tags, optional_field, printable,
};
use crate::domain::dates::{check_date, check_moment};
use crate::domain::{
    Account, AccountId, AccountStats, Competitor, CompetitorId, DayRecord, FollowUp, MAX_ID, Order, Question,
    Referral, Touch, id_in_range,
};
use crate::store::AccountRecord;

pub const FORMAT: &str = "leadline-backup";

/// Whether bytes are gzip's (its magic number).
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// The bytes, unpacked when they are gzip's.
pub fn ungzipped<'a>(bytes: &'a [u8], label: &str) -> AppResult<std::borrow::Cow<'a, [u8]>> {
    if !is_gzip(bytes) {
        return Ok(std::borrow::Cow::Borrowed(bytes));
    }
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(bytes), &mut out)
        .map_err(|source| BackupError::Gzip { label: label.to_string(), source })?;
    Ok(std::borrow::Cow::Owned(out))
}
pub const VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Backup {
    pub format: String,
    pub version: u32,
    /// The newest change of the store it was written from, in Leadline's
    /// own backups: the journal's changes after it bring it up to date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub covers: Option<u64>,
    pub accounts: Vec<Account>,
    pub touches: Vec<Touch>,
    pub orders: Vec<Order>,
    pub follow_ups: Vec<FollowUp>,
    pub referrals: Vec<Referral>,
    /// The competitors the accounts' notes name (absent from backups
    /// written before competitors were records).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub competitors: Vec<Competitor>,
    /// Each day's plan as kept and the rep's reflection (absent from
    /// backups written before there were any).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub days: Vec<DayRecord>,
}

impl Backup {
    pub fn new() -> Backup {
        Backup {
            format: FORMAT.into(),
            version: VERSION,
            covers: None,
            accounts: Vec::new(),
            touches: Vec::new(),
            orders: Vec::new(),
            follow_ups: Vec::new(),
            referrals: Vec::new(),
            competitors: Vec::new(),
            days: Vec::new(),
        }
    }

    /// Sorts every list by id: the canonical order of an export.
    pub fn canonicalize(&mut self) {
        self.accounts.sort_by_key(|r| r.id);
        self.touches.sort_by_key(|r| r.id);
        self.orders.sort_by_key(|r| r.id);
        self.follow_ups.sort_by_key(|r| r.id);
        self.referrals.sort_by_key(|r| r.id);
        self.competitors.sort_by_key(|c| c.id);
        self.days.sort_by_key(|d| d.date);
    }

    /// The backup on one line: a third smaller, for Leadline's own daily
    /// backups (`import` reads either).
    pub fn to_compact_json(&self) -> String {
        let mut text = serde_json::to_string(self).expect("a backup serialises to JSON");
        text.push('\n');
        text
    }

    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("a backup serialises to JSON");
        text.push('\n');
        text
    }

    /// A backup as Leadline writes its own: compact JSON, gzipped.
    pub fn to_gzip(&self) -> Vec<u8> {
        use std::io::Write;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(self.to_compact_json().as_bytes()).expect("writing to memory cannot fail");
        encoder.finish().expect("writing to memory cannot fail")
    }

    /// A backup's bytes, gzipped or not.
    pub fn from_bytes(bytes: &[u8], label: &str) -> AppResult<Backup> {
        let text = ungzipped(bytes, label)?;
        let text = String::from_utf8(text.into_owned())
            .map_err(|_| BackupError::NotUtf8 { label: label.to_string() })?;
        Backup::from_json(&text)
    }

    pub fn from_json(text: &str) -> AppResult<Backup> {
        let backup: Backup = serde_json::from_str(text.trim_start_matches('\u{feff}'))
            .map_err(|source| BackupError::NotJson { source })?;
        if backup.format != FORMAT {
            return Err(BackupError::Format(backup.format).into());
        }
        if backup.version > VERSION {
            return Err(BackupError::TooNew(backup.version).into());
        }
        Ok(backup)
    }

    /// The backup with every record checked as typed input is checked:
    /// ids unique and in the store's range, every reference pointing at an
    /// account here, dates within the years Leadline accepts, text cleaned
    /// (control and direction characters removed) and within its field's
    /// bound. The first problem is refused, naming the record.
    pub fn checked(&self) -> AppResult<Backup> {
        let mut out = self.clone();
        let accounts: HashSet<AccountId> = self.accounts.iter().map(|a| a.id).collect();
        let mut ids = Ids::default();
        for competitor in &mut out.competitors {
            let what = Record::Competitor(competitor.id);
            ids.check(&what, competitor.id.0)?;
            moment(competitor.created_at, &what)?;
            competitor.name = check_field(TextField::CompetitorName, &competitor.name)
                .ok()
                .filter(|n| !n.is_empty())
                .ok_or_else(|| what.refused(crate::domain::contact::ContactError::EmptyName))?;
            for alias in &mut competitor.aliases {
                *alias = check_field(TextField::CompetitorName, alias).map_err(|e| what.refused(e))?;
            }
            competitor.aliases.retain(|a| !a.is_empty());
        }
        let competitors: HashSet<CompetitorId> = out.competitors.iter().map(|c| c.id).collect();
        for competitor in &out.competitors {
            if let Some(into) = competitor.merged_into.filter(|into| !competitors.contains(into)) {
                return Err(Record::Competitor(competitor.id).problem(RecordProblem::NoCompetitor(into)));
            }
        }
        for account in &mut out.accounts {
            let what = Record::Account(account.id, printable(&account.name, false).into_owned());
            ids.check(&what, account.id.0)?;
            check_account(account).map_err(|e| what.problem(e))?;
            let named = account.competitor_notes.iter().filter_map(|n| n.competitor);
            let lost = account.archived.as_ref().and_then(|a| a.lost_to);
            if let Some(unknown) = named.chain(lost).find(|c| !competitors.contains(c)) {
                return Err(what.problem(RecordProblem::NoCompetitor(unknown)));
            }
        }
        for touch in &mut out.touches {
            let what = Record::Touch(touch.id);
            ids.check(&what, touch.id.0)?;
            refers(&accounts, touch.account, &what)?;
            moment(touch.at, &what)?;
            touch.note = check_field(TextField::Note, &touch.note).map_err(|e| what.refused(e))?;
            touch.lesson = check_field(TextField::Lesson, &touch.lesson).map_err(|e| what.refused(e))?;
            if let Some(unknown) = touch.lost_to.filter(|c| !competitors.contains(c)) {
                return Err(what.problem(RecordProblem::NoCompetitor(unknown)));
            }
        }
        for order in &mut out.orders {
            let what = Record::Order(order.id);
            ids.check(&what, order.id.0)?;
            refers(&accounts, order.account, &what)?;
            moment(order.at, &what)?;
            if order.amount.minor() <= 0 || !order.amount.in_range() {
                return Err(what.problem(RecordProblem::Amount(order.amount)));
            }
            order.note = check_field(TextField::Note, &order.note).map_err(|e| what.refused(e))?;
        }
        for follow_up in &mut out.follow_ups {
            let what = Record::FollowUp(follow_up.id);
            ids.check(&what, follow_up.id.0)?;
            refers(&accounts, follow_up.account, &what)?;
            check_date(follow_up.due).map_err(|e| what.refused(e))?;
            for at in [Some(follow_up.created_at), follow_up.closed_at].into_iter().flatten() {
                moment(at, &what)?;
            }
            for at in &follow_up.snoozed_at {
                moment(*at, &what)?;
            }
            if let Some(referral) = follow_up.referral {
                if !id_in_range(referral.0) {
                    return Err(what.problem(RecordProblem::OutOfRange(referral.0)));
                }
            }
            follow_up.note = check_field(TextField::Note, &follow_up.note).map_err(|e| what.refused(e))?;
        }
        for referral in &mut out.referrals {
            let what = Record::Referral(referral.id);
            ids.check(&what, referral.id.0)?;
            refers(&accounts, referral.referrer, &what)?;
            refers(&accounts, referral.referee, &what)?;
            for at in [Some(referral.at), referral.delivered_at].into_iter().flatten() {
                moment(at, &what)?;
            }
            if let Some(incentive) = &referral.incentive {
                referral.incentive =
                    optional_field(TextField::Incentive, incentive).map_err(|e| what.refused(e))?;
            }
        }
        if let Some(wrong) = crate::domain::referral_problems(&out.referrals).first() {
            let names = out.accounts.iter().map(|a| (a.id, a.name.clone())).collect();
            return Err(BackupError::Referrals { problem: wrong.clone(), names }.into());
        }
        let mut dates = HashSet::new();
        for day in &mut out.days {
            let what = Record::Day(day.date);
            check_date(day.date).map_err(|e| what.refused(e))?;
            if !dates.insert(day.date) {
                return Err(what.problem(RecordProblem::Twice));
            }
            day.reflection =
                check_field(TextField::Reflection, &day.reflection).map_err(|e| what.refused(e))?;
            // A plan row is a note of who was planned: one for an account
            // the book no longer has says nothing.
            day.plan.retain(|entry| accounts.contains(&entry.account));
        }
        Ok(out)
    }
}

/// Ids seen so far, per kind.
#[derive(Default)]
struct Ids(HashSet<(&'static str, u64)>);

impl Ids {
    fn check(&mut self, what: &Record, id: u64) -> AppResult<()> {
        if !id_in_range(id) {
            return Err(what.problem(RecordProblem::OutOfRange(id)));
        }
        if !self.0.insert((what.kind(), id)) {
            return Err(what.problem(RecordProblem::Twice));
        }
        Ok(())
    }
}

fn refers(accounts: &HashSet<AccountId>, account: AccountId, what: &Record) -> AppResult<()> {
    if accounts.contains(&account) { Ok(()) } else { Err(what.problem(RecordProblem::NoAccount(account))) }
}

fn moment(at: NaiveDateTime, what: &Record) -> AppResult<()> {
    check_moment(at).map(|_| ()).map_err(|e| what.refused(e))
}

/// What a backup holds that Leadline refuses: the first problem found.
/// `Display` is the English of the logs; the fronts word it with
/// `Words` in the rep's language.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{label} is a damaged gzip file: {source}")]
    Gzip { label: String, source: std::io::Error },
    #[error("{label} is not UTF-8 JSON")]
    NotUtf8 { label: String },
    #[error("not a Leadline backup: {source}")]
    NotJson { source: serde_json::Error },
    #[error("not a Leadline backup (format '{0}')")]
    Format(String),
    #[error("the backup is version {0}; this Leadline reads up to {VERSION}")]
    TooNew(u32),
    #[error("{record}: {problem}")]
    Record { record: Record, problem: RecordProblem },
    /// The referrals break a rule of the book; the names of the accounts
    /// say which.
    #[error("the referrals break a rule: {problem:?}")]
    Referrals { problem: crate::domain::ReferralProblem, names: HashMap<AccountId, String> },
    /// Recovery: no backup reads, and the journal does not start at the beginning.
    #[error("no backup to start from")]
    NoBase,
    #[error("the journal starts at change #{first}, the newest backup holds up to #{covered}")]
    Gap { first: u64, covered: u64 },
    /// A change of the journal that does not apply, described for the log.
    #[error("the journal does not replay: {0}")]
    Replay(String),
}

/// A record of a backup, as a problem names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Record {
    /// The account and its name.
    Account(AccountId, String),
    Touch(crate::domain::TouchId),
    Order(crate::domain::OrderId),
    FollowUp(crate::domain::FollowUpId),
    Referral(crate::domain::ReferralId),
    Competitor(CompetitorId),
    Day(chrono::NaiveDate),
}

impl std::fmt::Display for Record {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Record::Account(id, name) => write!(f, "account {id} ({name})"),
            Record::Touch(id) => write!(f, "touch {id}"),
            Record::Order(id) => write!(f, "order {id}"),
            Record::FollowUp(id) => write!(f, "follow-up {id}"),
            Record::Referral(id) => write!(f, "referral {id}"),
            Record::Competitor(id) => write!(f, "competitor {id}"),
            Record::Day(date) => write!(f, "the record of {date}"),
        }
    }
}

impl Record {
    fn kind(&self) -> &'static str {
        match self {
            Record::Account(..) => "account",
            Record::Touch(_) => "touch",
            Record::Order(_) => "order",
            Record::FollowUp(_) => "follow-up",
            Record::Referral(_) => "referral",
            Record::Competitor(_) => "competitor",
            Record::Day(_) => "day",
        }
    }

    fn problem(&self, problem: RecordProblem) -> AppError {
        BackupError::Record { record: self.clone(), problem }.into()
    }

    fn refused(&self, error: impl Into<super::InputError>) -> AppError {
        self.problem(RecordProblem::Input(error.into()))
    }
}

/// What is wrong with one record of a backup.
#[derive(Debug, thiserror::Error)]
pub enum RecordProblem {
    #[error("the backup has it twice")]
    Twice,
    #[error("id {0} is outside the ids the store holds (1 to {MAX_ID})")]
    OutOfRange(u64),
    #[error("it refers to account {0}, which is not in the backup")]
    NoAccount(AccountId),
    #[error("it refers to competitor {0}, which is not in the backup")]
    NoCompetitor(CompetitorId),
    #[error("amount {0}: an order is more than 0 and at most {max}", max = crate::domain::Money::MAX.grouped())]
    Amount(crate::domain::Money),
    #[error("a potential is more than zero and at most {max}", max = crate::domain::Money::MAX.grouped())]
    Potential,
    #[error(transparent)]
    Input(super::InputError),
}

/// An account's fields checked and cleaned as `add` and `edit` do.
fn check_account(account: &mut Account) -> Result<(), RecordProblem> {
    account.name = check_name(&account.name).map_err(input)?;
    for (field, value) in [
        (TextField::Company, &mut account.company),
        (TextField::Title, &mut account.title),
        (TextField::Address, &mut account.address),
        (TextField::Source, &mut account.source),
        (TextField::Note, &mut account.note),
    ] {
        if let Some(text) = value.as_deref() {
            *value = optional_field(field, text).map_err(input)?;
        }
    }
    account.carry_over_competitors();
    for note in &mut account.competitor_notes {
        for question in Question::ALL {
            let answer = note.answer_mut(question);
            if let Some(text) = answer.as_deref() {
                *answer = optional_field(TextField::CompetitorAnswer, text).map_err(input)?;
            }
        }
        if let Some(text) = note.note.as_deref() {
            note.note = optional_field(TextField::Note, text).map_err(input)?;
        }
        if note.price.is_some_and(|p| !p.in_range()) {
            return Err(RecordProblem::Potential);
        }
        if let Some(day) = note.confirmed {
            check_date(day).map_err(input)?;
        }
    }
    let phones = check_phones(account.phones.iter().map(String::as_str)).map_err(input)?;
    let well_formed = |e164: &String| {
        e164.is_empty()
            || e164.strip_prefix('+').is_some_and(|d| d.len() <= 15 && d.bytes().all(|b| b.is_ascii_digit()))
    };
    if phones != account.phones || !account.phones_e164.iter().all(well_formed) {
        // Normalised again on restore, in the book's region.
        account.phones_e164.clear();
    }
    account.phones = phones;
    if let Some(email) = &account.email {
        account.email = Some(check_email(email).map_err(input)?);
    }
    account.tags = check_tags(account.tags.iter().map(String::as_str)).map_err(input)?;
    if account.potential.is_some_and(|p| p.minor() <= 0 || !p.in_range()) {
        return Err(RecordProblem::Potential);
    }
    let moments = [Some(account.created_at), account.converted_at, account.archived.as_ref().map(|a| a.at)];
    for at in moments.into_iter().flatten() {
        check_moment(at).map_err(input)?;
    }
    Ok(())
}

fn input(error: impl Into<super::InputError>) -> RecordProblem {
    RecordProblem::Input(error.into())
}

impl Default for Backup {
    fn default() -> Self {
        Backup::new()
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BackupCounts {
    pub accounts: usize,
    pub touches: usize,
    pub orders: usize,
    pub follow_ups: usize,
    pub referrals: usize,
}

impl BackupCounts {
    pub fn of(backup: &Backup) -> BackupCounts {
        BackupCounts {
            accounts: backup.accounts.len(),
            touches: backup.touches.len(),
            orders: backup.orders.len(),
            follow_ups: backup.follow_ups.len(),
            referrals: backup.referrals.len(),
        }
    }
}

impl BackupCounts {
    /// "300 accounts, 2705 touches, ..." in `lang`.
    pub fn words(&self, lang: crate::i18n::Lang) -> String {
        msg::Counts {
            accounts: self.accounts,
            touches: self.touches,
            orders: self.orders,
            follow_ups: self.follow_ups,
            referrals: self.referrals,
        }
        .text(lang)
    }
}

impl std::fmt::Display for BackupCounts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words(crate::i18n::Lang::En))
    }
}

impl App {
    /// The whole book; records that cannot be read are listed, not hidden,
    /// and so are records left without their account (a backup restores
    /// only whole).
    pub fn export_backup(&self) -> AppResult<(Backup, Vec<String>)> {
        let salvaged = self.store.salvage();
        let mut problems = salvaged.problems;
        let mut backup = Backup::new();
        backup.accounts = salvaged.accounts.into_iter().map(|r| r.account).collect();
        let accounts: HashSet<AccountId> = backup.accounts.iter().map(|a| a.id).collect();
        let mut kept = |account: AccountId, what: String| {
            let here = accounts.contains(&account);
            if !here {
                problems.push(format!("{what} is left out: its account {account} cannot be read"));
            }
            here
        };
        backup.touches =
            salvaged.touches.into_iter().filter(|t| kept(t.account, format!("touch {}", t.id))).collect();
        backup.orders =
            salvaged.orders.into_iter().filter(|o| kept(o.account, format!("order {}", o.id))).collect();
        backup.follow_ups = salvaged
            .follow_ups
            .into_iter()
            .filter(|f| kept(f.account, format!("follow-up {}", f.id)))
            .collect();
        backup.referrals = salvaged
            .referrals
            .into_iter()
            .filter(|r| {
                kept(r.referrer, format!("referral {}", r.id))
                    && kept(r.referee, format!("referral {}", r.id))
            })
            .collect();
        backup.days = salvaged.days;
        backup.competitors = salvaged.competitors;
        backup.canonicalize();
        Ok((backup, problems))
    }

    /// Restores a backup into an empty store, keeping every id.
    pub fn import_backup(&self, backup: &Backup, label: &str, dry_run: bool) -> AppResult<BackupCounts> {
        let backup = &backup.checked()?;
        if !self.store.is_empty()? {
            let path = self.store.dir().display().to_string();
            return Err(AppError::Conflict(msg::ErrorRestoreNotEmpty { path }.text(self.config.ui.lang())));
        }
        let counts = BackupCounts::of(backup);
        if dry_run {
            return Ok(counts);
        }
        let mut touches: HashMap<AccountId, Vec<Touch>> = HashMap::new();
        for touch in &backup.touches {
            touches.entry(touch.account).or_default().push(touch.clone());
        }
        let mut orders: HashMap<AccountId, Vec<Order>> = HashMap::new();
        for order in &backup.orders {
            orders.entry(order.account).or_default().push(order.clone());
        }
        let mut txn = self.store.begin();
        let max_id = |ids: &mut dyn Iterator<Item = u64>| ids.max().unwrap_or(0);
        for competitor in &backup.competitors {
            txn.put_competitor(competitor);
        }
        for account in &backup.accounts {
            let mut account = account.clone();
            account.normalise_phones(self.region());
            let mut account_touches = touches.remove(&account.id).unwrap_or_default();
            account_touches.sort_by_key(|t| t.id);
            let mut account_orders = orders.remove(&account.id).unwrap_or_default();
            account_orders.sort_by_key(|o| o.id);
            txn.put_touches(account.id, &account_touches)?;
            txn.put_orders(account.id, &account_orders)?;
            txn.put_account(&AccountRecord { account, stats: AccountStats::default() })?;
        }
        for follow_up in &backup.follow_ups {
            txn.put_follow_up(follow_up);
        }
        for referral in &backup.referrals {
            txn.put_referral(referral);
        }
        for day in &backup.days {
            txn.put_day_record(day);
        }
        let reserved: BTreeMap<&'static str, u64> = BTreeMap::from([
            ("account", max_id(&mut backup.accounts.iter().map(|r| r.id.0))),
            ("touch", max_id(&mut backup.touches.iter().map(|r| r.id.0))),
            ("order", max_id(&mut backup.orders.iter().map(|r| r.id.0))),
            ("follow_up", max_id(&mut backup.follow_ups.iter().map(|r| r.id.0))),
            ("referral", max_id(&mut backup.referrals.iter().map(|r| r.id.0))),
            ("competitor", max_id(&mut backup.competitors.iter().map(|r| r.id.0))),
        ]);
        for (counter, id) in reserved {
            txn.reserve_id(counter, id)?;
        }
        let summary = msg::HistoryImportBackup { label, counts: counts.words(self.config.ui.lang()) };
        txn.commit(summary.text(self.config.ui.lang()), self.now())?;
        Ok(counts)
    }
}
