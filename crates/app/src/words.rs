//! The words for the app's errors, in the interface's language (the
//! catalogue's `error-*` messages); `Display` stays their English.

use super::backup::{BackupError, Record, RecordProblem};
use super::contacts::{MapError, RowError};
use super::csv_import::QuoteProblem;
use super::{AppError, InputError, StoreError};
use crate::i18n::{Lang, Words, msg};

impl Words for RowError {
    fn words(&self, lang: Lang) -> String {
        match self {
            RowError::TooLong(max) => msg::ErrorRowTooLong { max: max.to_string() }.text(lang),
            RowError::NoName => msg::ErrorRowNoName.text(lang),
            RowError::Contact(error) => error.words(lang),
            RowError::Keyword(error) => error.words(lang),
            RowError::CardUnended => msg::ErrorCardUnended.text(lang),
            RowError::CardNoName => msg::ErrorCardNoName.text(lang),
            RowError::Quote(quote) => quote.words(lang),
            RowError::File(_) => self.to_string(),
        }
    }
}

/// A store error as a rep reads it; its `Display` where the words are all
/// the system's. (The store's errors are the store's own type, so this is
/// a function of the app rather than the trait.)
pub fn store_words(error: &StoreError, lang: Lang) -> String {
    use StoreError as E;
    match error {
        E::InUse { path } => msg::ErrorStoreInUse { path: path.clone() }.text(lang),
        E::TooNew { path, found, supported } => msg::ErrorStoreTooNew {
            path: path.clone(),
            found: found.to_string(),
            supported: supported.to_string(),
        }
        .text(lang),
        E::Corrupt { key, reason } => {
            msg::ErrorStoreCorrupt { key: key.clone(), reason: reason.clone() }.text(lang)
        }
        E::DiskFull { path, needed, free } => {
            msg::ErrorDiskFull { path: path.clone(), needed: needed.clone(), free: free.clone() }.text(lang)
        }
        E::DiskFullWhileSaving { path } => msg::ErrorDiskFullSaving { path: path.clone() }.text(lang),
        E::DiskFullOnOpen { path } => msg::ErrorDiskFullOpen { path: path.clone() }.text(lang),
        E::NoRoom { reason } => msg::ErrorStoreNoRoom { reason: reason.clone() }.text(lang),
        E::DamagedFiles { reason } => msg::ErrorStoreDamagedFiles { reason: reason.clone() }.text(lang),
        E::NotAStore { path, reason } => {
            msg::ErrorNotAStore { path: path.as_str(), reason: reason.as_str() }.text(lang)
        }
        E::Io { path, source } => {
            msg::ErrorStoreIo { path: path.as_str(), reason: crate::i18n::terms::io_reason(source, lang) }
                .text(lang)
        }
        E::IdsExhausted { kind } => {
            msg::ErrorIdsExhausted { kind: *kind, max: crate::domain::MAX_ID.to_string() }.text(lang)
        }
        E::Damaged { path, reason } => {
            msg::ErrorStoreDamaged { path: path.as_str(), reason: reason.as_str() }.text(lang)
        }
        E::RolledBack { path, holds, committed } => msg::ErrorRolledBack {
            path: path.as_str(),
            missing: committed.seq - holds,
            first: holds + 1,
            last: committed.seq,
            summary: committed.summary.as_str(),
            at: committed.at.format("%Y-%m-%d %H:%M").to_string(),
        }
        .text(lang),
        E::Sled(reason) => msg::ErrorSled { reason: reason.as_str() }.text(lang),
        E::NotOurs { path, what } => msg::ErrorStoreNotOurs {
            path: path.clone(),
            what: if *what == "a link" { "link" } else { "other" },
        }
        .text(lang),
    }
}

impl Words for InputError {
    fn words(&self, lang: Lang) -> String {
        match self {
            InputError::Contact(e) => e.words(lang),
            InputError::Money(e) => e.words(lang),
            InputError::Keyword(e) => e.words(lang),
            InputError::When(e) => e.words(lang),
            InputError::Window(e) => e.words(lang),
            InputError::MonthDay(e) => e.words(lang),
            InputError::NotADate(given) => msg::ErrorNotADate { given: given.clone() }.text(lang),
            InputError::CreditDays(given) => msg::ErrorCreditDays { given: given.clone() }.text(lang),
        }
    }
}

impl Words for QuoteProblem {
    fn words(&self, lang: Lang) -> String {
        match *self {
            QuoteProblem::NeverCloses { open } => msg::ImportQuoteOpen { line: open }.text(lang),
            QuoteProblem::RunsOver { open, to, rows } => {
                msg::ImportQuoteRows { line: open, to, rows }.text(lang)
            }
        }
    }
}

impl Words for MapError {
    fn words(&self, lang: Lang) -> String {
        match self {
            MapError::NoField { name, fields } => {
                msg::ImportMapNoField { name: name.clone(), fields: fields.clone() }.text(lang)
            }
            MapError::Twice { column, first, then } => {
                msg::ImportMapTwice { column: column.clone(), first: first.clone(), then: then.clone() }
                    .text(lang)
            }
            MapError::NoColumn { label, column, headers } => msg::ImportMapNoColumn {
                label: label.clone(),
                column: column.clone(),
                headers: headers.clone(),
            }
            .text(lang),
            MapError::NoName { label, headers } => {
                msg::ImportMapNoName { label: label.clone(), headers: headers.clone() }.text(lang)
            }
        }
    }
}

/// Why a backup was being written: "of the day", "before the import".
pub fn backup_reason(reason: super::backups::BackupReason, lang: Lang) -> String {
    use super::backups::BackupReason as R;
    match reason {
        R::FirstChangeOfTheDay => msg::BackupWhyDay.text(lang),
        R::BeforeImport => msg::BackupWhyImport.text(lang),
        R::BeforeMigration => msg::BackupWhyMigration.text(lang),
        R::BeforeRepair => msg::BackupWhyRepair.text(lang),
        R::JournalStart => msg::BackupWhyJournal.text(lang),
    }
}

impl Words for BackupError {
    fn words(&self, lang: Lang) -> String {
        match self {
            BackupError::Gzip { label, source } => {
                let reason = crate::i18n::terms::io_reason(source, lang);
                msg::BackupGzip { label: label.clone(), reason }.text(lang)
            }
            BackupError::NotUtf8 { label } => msg::BackupNotUtf8 { label: label.clone() }.text(lang),
            BackupError::NotJson { source } => {
                msg::BackupNotJson { line: source.line(), column: source.column() }.text(lang)
            }
            BackupError::Format(format) => msg::BackupFormat { format: format.clone() }.text(lang),
            BackupError::TooNew(version) => {
                msg::BackupTooNew { version: *version, supported: super::backup::VERSION }.text(lang)
            }
            BackupError::Record { record, problem } => {
                msg::BackupRecord { record: record_words(record, lang), problem: problem.words(lang) }
                    .text(lang)
            }
            BackupError::NoBase => msg::ErrorRecoverNoBackup.text(lang),
            BackupError::Gap { first, covered } => {
                msg::ErrorRecoverGap { first: *first, covered: *covered }.text(lang)
            }
            BackupError::Replay(problem) => msg::ErrorRecoverReplay { problem: problem.as_str() }.text(lang),
            BackupError::Referrals { problem, names } => {
                let name = |id| names.get(&id).cloned().unwrap_or_else(|| id.to_string());
                super::referrals::problem_words(problem, name, lang)
            }
        }
    }
}

fn record_words(record: &Record, lang: Lang) -> String {
    match record {
        Record::Account(id, name) => {
            msg::BackupRecordAccount { id: id.to_string(), name: name.clone() }.text(lang)
        }
        Record::Touch(id) => msg::BackupRecordTouch { id: id.to_string() }.text(lang),
        Record::Order(id) => msg::BackupRecordOrder { id: id.to_string() }.text(lang),
        Record::FollowUp(id) => msg::BackupRecordFollowUp { id: id.to_string() }.text(lang),
        Record::Referral(id) => msg::BackupRecordReferral { id: id.to_string() }.text(lang),
        Record::Competitor(id) => msg::BackupRecordCompetitor { id: id.to_string() }.text(lang),
        Record::Day(date) => msg::BackupRecordDay { date: date.to_string() }.text(lang),
    }
}

impl Words for RecordProblem {
    fn words(&self, lang: Lang) -> String {
        let max = crate::domain::Money::MAX.grouped();
        match self {
            RecordProblem::Twice => msg::BackupTwice.text(lang),
            RecordProblem::OutOfRange(id) => {
                msg::BackupOutOfRange { id: id.to_string(), max: crate::domain::MAX_ID.to_string() }
                    .text(lang)
            }
            RecordProblem::NoAccount(account) => {
                msg::BackupNoAccount { account: account.to_string() }.text(lang)
            }
            RecordProblem::NoCompetitor(competitor) => {
                msg::BackupNoCompetitor { competitor: competitor.to_string() }.text(lang)
            }
            RecordProblem::Amount(amount) => msg::BackupAmount { amount: amount.grouped(), max }.text(lang),
            RecordProblem::Potential => msg::BackupPotential { max }.text(lang),
            RecordProblem::Input(input) => input.words(lang),
        }
    }
}

impl Words for AppError {
    fn words(&self, lang: Lang) -> String {
        match self {
            AppError::Input(input) => input.words(lang),
            AppError::Store(store) => store_words(store, lang),
            AppError::NoSuchAccount(query) => msg::ErrorNoSuchAccount { query: query.clone() }.text(lang),
            AppError::Ambiguous { query, candidates, total } => msg::ErrorAmbiguous {
                query: query.clone(),
                total: total.to_string(),
                candidates: super::Candidate::list(candidates),
            }
            .text(lang),
            AppError::NoSuchFollowUp(id) => msg::ErrorNoSuchFollowUp { id: id.to_string() }.text(lang),
            AppError::NoSuchReferral(id) => msg::ErrorNoSuchReferral { id: id.to_string() }.text(lang),
            AppError::NothingToUndo => msg::ErrorNothingToUndo.text(lang),
            AppError::BadBackup(backup) => backup.words(lang),
            AppError::Map(map) => map.words(lang),
            AppError::Settings(settings) => settings.words(lang),
            AppError::Backup { dir, reason, source } => msg::ErrorBackupWrite {
                why: backup_reason(*reason, lang),
                dir: dir.display().to_string(),
                reason: crate::i18n::terms::io_reason(source, lang),
            }
            .text(lang),
            _ => self.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::WhenError;
    use crate::domain::contact::ContactError;
    use crate::domain::dates::OutOfWindow;
    use crate::domain::{AccountId, FollowUpId, MoneyError, MonthDayError, ReferralId};
    use crate::i18n::Lang;

    fn chinese(error: &dyn Words) -> String {
        let words = error.words(Lang::ZhCn);
        assert!(words.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "not in Chinese: {words}");
        let english = error.words(Lang::En);
        assert!(
            !english.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) && !"张伟".contains(c)),
            "{english}"
        );
        words
    }

    #[test]
    fn every_error_a_rep_can_cause_reads_in_chinese() {
        let date = chrono::NaiveDate::from_ymd_opt(2300, 1, 1).unwrap();
        let errors: Vec<Box<dyn Words>> = vec![
            Box::new(ContactError::EmptyName),
            Box::new(ContactError::TooLong { field: "note", max: 2000 }),
            Box::new(ContactError::PhoneCharacters("x".into())),
            Box::new(ContactError::PhoneTooShort("1".into())),
            Box::new(ContactError::PhoneTooLong("1".into())),
            Box::new(ContactError::TooManyPhones),
            Box::new(ContactError::Email("zw@".into())),
            Box::new(ContactError::Tag("".into())),
            Box::new(ContactError::TooManyTags),
            Box::new(RowError::TooLong(20_000)),
            Box::new(RowError::NoName),
            Box::new(RowError::CardUnended),
            Box::new(RowError::CardNoName),
            Box::new(RowError::Contact(ContactError::TooManyTags)),
            Box::new(MoneyError::Empty),
            Box::new(MoneyError::Negative("-1".into())),
            Box::new(MoneyError::Malformed("abc".into())),
            Box::new(MoneyError::TooPrecise("1.001".into())),
            Box::new(MoneyError::TooLarge("1e30".into())),
            Box::new(OutOfWindow(date)),
            Box::new(MonthDayError("13-40".into())),
            Box::new(WhenError::Malformed("someday".into())),
            Box::new(AppError::NoSuchAccount("张".into())),
            Box::new(AppError::NoSuchFollowUp(FollowUpId(3))),
            Box::new(AppError::NoSuchReferral(ReferralId(3))),
            Box::new(AppError::NothingToUndo),
            Box::new(AppError::Store(StoreError::InUse { path: "/tmp/store".into() })),
            Box::new(AppError::Store(StoreError::DiskFull {
                path: "/tmp/store".into(),
                needed: "1 MB".into(),
                free: "0 B".into(),
            })),
        ];
        use super::super::backup::{BackupError, Record, RecordProblem};
        use crate::config::{ConfigError, Range, SettingProblem};
        let record = Record::Account(AccountId(3), "张伟".into());
        let more: Vec<Box<dyn Words>> = vec![
            Box::new(BackupError::NotUtf8 { label: "b.json".into() }),
            Box::new(BackupError::Format("x".into())),
            Box::new(BackupError::TooNew(9)),
            Box::new(BackupError::Record { record: record.clone(), problem: RecordProblem::Twice }),
            Box::new(BackupError::Record { record, problem: RecordProblem::NoAccount(AccountId(4)) }),
            Box::new(BackupError::NoBase),
            Box::new(BackupError::Gap { first: 9, covered: 3 }),
            Box::new(MapError::NoField { name: "nme".into(), fields: "name, phone".into() }),
            Box::new(MapError::NoName { label: "a.csv".into(), headers: "X, Y".into() }),
            Box::new(QuoteProblem::NeverCloses { open: 2 }),
            Box::new(ConfigError::Invalid {
                path: "c.toml".into(),
                at: Some((2, 5)),
                problem: SettingProblem::OutOfRange {
                    key: "cadence.A".into(),
                    value: "0".into(),
                    range: Range::Days { min: 1, max: 3650 },
                },
            }),
            Box::new(ConfigError::Invalid {
                path: "c.toml".into(),
                at: None,
                problem: SettingProblem::BackupDirEmpty,
            }),
            Box::new(AppError::Backup {
                dir: "/tmp/b".into(),
                reason: super::super::backups::BackupReason::BeforeImport,
                source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
            }),
            Box::new(AppError::Input(InputError::NotADate("x".into()))),
        ];
        for error in errors.iter().chain(&more) {
            chinese(error.as_ref());
        }
        let keyword = "xx".parse::<crate::domain::TouchKind>().unwrap_err();
        assert!(chinese(&keyword).contains("联系方式"), "{}", keyword.words(Lang::ZhCn));
        let ambiguous = AppError::Ambiguous {
            query: "张".into(),
            candidates: vec![super::super::Candidate {
                id: AccountId(1),
                name: "张伟".into(),
                company: None,
            }],
            total: 2,
        };
        assert!(chinese(&ambiguous).contains("张伟"));
        let long = ContactError::TooLong { field: "note", max: 2000 };
        assert!(long.words(Lang::ZhCn).contains("备注"), "{}", long.words(Lang::ZhCn));
    }
}
