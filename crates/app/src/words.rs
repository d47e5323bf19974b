//! The words for the app's errors, in the interface's language (the
//! catalogue's `error-*` messages); `Display` stays their English.

use super::contacts::RowError;
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
        E::NotOurs { path, what } => msg::ErrorStoreNotOurs {
            path: path.clone(),
            what: if *what == "a link" { "link" } else { "other" },
        }
        .text(lang),
        _ => error.to_string(),
    }
}

impl Words for InputError {
    fn words(&self, lang: Lang) -> String {
        match self {
            InputError::Contact(e) => e.words(lang),
            InputError::Money(e) => e.words(lang),
            InputError::Keyword(e) => e.words(lang),
            InputError::When(e) => e.words(lang),
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
        for error in &errors {
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
