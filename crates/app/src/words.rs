//! The words for the app's errors, in the interface's language (the
//! catalogue's `error-*` messages); `Display` stays their English.

use super::contacts::RowError;
use super::{AppError, InputError, StoreError};
use crate::i18n::Words;

/// A message id and its arguments.
type Message = Option<(&'static str, Vec<(&'static str, String)>)>;

impl Words for RowError {
    fn message(&self) -> Option<(&'static str, Vec<(&'static str, String)>)> {
        match self {
            RowError::TooLong(max) => Some(("error-row-too-long", vec![("max", max.to_string())])),
            RowError::NoName => Some(("error-row-no-name", vec![])),
            RowError::Contact(error) => error.message(),
            RowError::Keyword(error) => error.message(),
            RowError::CardUnended => Some(("error-card-unended", vec![])),
            RowError::CardNoName => Some(("error-card-no-name", vec![])),
            RowError::File(_) => None,
        }
    }
}

/// A store error's message in the catalogue; none where the English words
/// are all there is. (The store's errors are the store's own type, so this
/// is a function of the app rather than the trait.)
pub fn store_message(error: &StoreError) -> Message {
    use StoreError as E;
    Some(match error {
        E::InUse { path } => ("error-store-in-use", vec![("path", path.clone())]),
        E::TooNew { path, found, supported } => (
            "error-store-too-new",
            vec![("path", path.clone()), ("found", found.to_string()), ("supported", supported.to_string())],
        ),
        E::Corrupt { key, reason } => {
            ("error-store-corrupt", vec![("key", key.clone()), ("reason", reason.clone())])
        }
        E::DiskFull { path, needed, free } => (
            "error-disk-full",
            vec![("path", path.clone()), ("needed", needed.clone()), ("free", free.clone())],
        ),
        E::DiskFullWhileSaving { path } => ("error-disk-full-saving", vec![("path", path.clone())]),
        E::DiskFullOnOpen { path } => ("error-disk-full-open", vec![("path", path.clone())]),
        E::NoRoom { reason } => ("error-store-no-room", vec![("reason", reason.clone())]),
        E::DamagedFiles { reason } => ("error-store-damaged-files", vec![("reason", reason.clone())]),
        E::NotOurs { path, what } => (
            "error-store-not-ours",
            vec![("path", path.clone()), ("what", if *what == "a link" { "link" } else { "other" }.into())],
        ),
        _ => return None,
    })
}

impl Words for InputError {
    fn message(&self) -> Option<(&'static str, Vec<(&'static str, String)>)> {
        match self {
            InputError::Contact(e) => e.message(),
            InputError::Money(e) => e.message(),
            InputError::Keyword(e) => e.message(),
            InputError::When(e) => e.message(),
        }
    }
}

impl Words for AppError {
    fn message(&self) -> Option<(&'static str, Vec<(&'static str, String)>)> {
        match self {
            AppError::Input(input) => input.message(),
            AppError::Store(store) => store_message(store),
            AppError::NoSuchAccount(query) => Some(("error-no-such-account", vec![("query", query.clone())])),
            AppError::Ambiguous { query, candidates, total } => Some((
                "error-ambiguous",
                vec![
                    ("query", query.clone()),
                    ("total", total.to_string()),
                    ("candidates", super::Candidate::list(candidates)),
                ],
            )),
            AppError::NoSuchFollowUp(id) => Some(("error-no-such-follow-up", vec![("id", id.to_string())])),
            AppError::NoSuchReferral(id) => Some(("error-no-such-referral", vec![("id", id.to_string())])),
            AppError::NothingToUndo => Some(("error-nothing-to-undo", vec![])),
            _ => None,
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
        assert_eq!(error.words(Lang::En), error.to_string(), "English is the error's own words");
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
