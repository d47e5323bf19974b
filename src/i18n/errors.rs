//! Errors in the interface's language. An error's `Display` is its English
//! words (logs, tests, the JSON of a script); `words(lang)` is what a rep
//! reads. The Chinese words are in `locales/zh-CN/errors.ftl`.

use super::Lang;
use crate::app::AppError;
use crate::clock::WhenError;
use crate::domain::contact::ContactError;
use crate::domain::dates::OutOfWindow;
use crate::domain::{MoneyError, MonthDayError, UnknownKeyword};

pub trait Words: std::fmt::Display {
    /// The message id and its arguments in the catalogue; none where the
    /// English words are all there is (a path, an error of the system).
    fn message(&self) -> Option<(&'static str, Vec<(&'static str, String)>)>;

    fn words(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self.message() {
            Some((id, args)) => {
                let args: Vec<_> = args.into_iter().map(|(name, value)| (name, value.into())).collect();
                lang.try_text_with(id, &args).unwrap_or_else(|| self.to_string())
            }
            None => self.to_string(),
        }
    }
}

/// A word of the catalogue for a field or a keyword's kind ("note",
/// "touch kind"), else the word itself.
fn term(lang: Lang, word: &str) -> String {
    lang.try_text(&format!("term-{}", word.replace(' ', "-"))).unwrap_or_else(|| word.to_string())
}

impl Words for ContactError {
    fn message(&self) -> Option<(&'static str, Vec<(&'static str, String)>)> {
        Some(match self {
            ContactError::EmptyName => ("error-empty-name", vec![]),
            ContactError::TooLong { field, max } => {
                ("error-too-long", vec![("field", term(Lang::ZhCn, field)), ("max", max.to_string())])
            }
            ContactError::PhoneCharacters(p) => ("error-phone-characters", vec![("phone", p.clone())]),
            ContactError::PhoneTooShort(p) => ("error-phone-short", vec![("phone", p.clone())]),
            ContactError::PhoneTooLong(p) => ("error-phone-long", vec![("phone", p.clone())]),
            ContactError::TooManyPhones => ("error-too-many-phones", vec![]),
            ContactError::Email(e) => ("error-email", vec![("email", e.clone())]),
            ContactError::Tag(t) => ("error-tag", vec![("tag", t.clone())]),
            ContactError::TooManyTags => ("error-too-many-tags", vec![]),
        })
    }
}

impl Words for crate::app::contacts::RowError {
    fn message(&self) -> Option<(&'static str, Vec<(&'static str, String)>)> {
        use crate::app::contacts::RowError;
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

impl Words for MoneyError {
    fn message(&self) -> Option<(&'static str, Vec<(&'static str, String)>)> {
        Some(match self {
            MoneyError::Empty => ("error-amount-empty", vec![]),
            MoneyError::Negative(a) => ("error-amount-negative", vec![("amount", a.clone())]),
            MoneyError::Malformed(a) => ("error-amount-malformed", vec![("amount", a.clone())]),
            MoneyError::TooPrecise(a) => ("error-amount-precise", vec![("amount", a.clone())]),
            MoneyError::TooLarge(a) => ("error-amount-large", vec![("amount", a.clone())]),
        })
    }
}

impl Words for UnknownKeyword {
    fn message(&self) -> Option<(&'static str, Vec<(&'static str, String)>)> {
        let what = term(Lang::ZhCn, self.what);
        Some((
            "error-keyword",
            vec![("what", what), ("given", self.given.clone()), ("expected", self.expected.clone())],
        ))
    }
}

impl Words for OutOfWindow {
    fn message(&self) -> Option<(&'static str, Vec<(&'static str, String)>)> {
        Some(("error-out-of-window", vec![("date", self.0.to_string())]))
    }
}

impl Words for MonthDayError {
    fn message(&self) -> Option<(&'static str, Vec<(&'static str, String)>)> {
        Some(("error-month-day", vec![("given", self.0.clone())]))
    }
}

impl Words for WhenError {
    fn message(&self) -> Option<(&'static str, Vec<(&'static str, String)>)> {
        match self {
            WhenError::Malformed(text) => Some(("error-when", vec![("given", text.clone())])),
            WhenError::OutOfWindow(out) => out.message(),
            WhenError::Now(_) => None,
            WhenError::TooFar { given, limit, unit } => Some((
                "error-when-too-far",
                vec![("given", given.clone()), ("limit", limit.to_string()), ("unit", unit.to_string())],
            )),
        }
    }
}

impl Words for crate::app::StoreError {
    fn message(&self) -> Option<(&'static str, Vec<(&'static str, String)>)> {
        use crate::app::StoreError as E;
        Some(match self {
            E::InUse { path } => ("error-store-in-use", vec![("path", path.clone())]),
            E::TooNew { path, found, supported } => (
                "error-store-too-new",
                vec![
                    ("path", path.clone()),
                    ("found", found.to_string()),
                    ("supported", supported.to_string()),
                ],
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
                vec![
                    ("path", path.clone()),
                    ("what", if *what == "a link" { "link" } else { "other" }.into()),
                ],
            ),
            _ => return None,
        })
    }
}

impl Words for crate::app::InputError {
    fn message(&self) -> Option<(&'static str, Vec<(&'static str, String)>)> {
        use crate::app::InputError;
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
            AppError::Store(store) => store.message(),
            AppError::NoSuchAccount(query) => Some(("error-no-such-account", vec![("query", query.clone())])),
            AppError::Ambiguous { query, candidates, total } => Some((
                "error-ambiguous",
                vec![
                    ("query", query.clone()),
                    ("total", total.to_string()),
                    ("candidates", crate::app::Candidate::list(candidates)),
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
    use crate::domain::{AccountId, FollowUpId, ReferralId};

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
            Box::new(crate::app::contacts::RowError::TooLong(20_000)),
            Box::new(crate::app::contacts::RowError::NoName),
            Box::new(crate::app::contacts::RowError::CardUnended),
            Box::new(crate::app::contacts::RowError::CardNoName),
            Box::new(crate::app::contacts::RowError::Contact(ContactError::TooManyTags)),
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
            Box::new(crate::app::StoreError::InUse { path: "/tmp/store".into() }),
            Box::new(crate::app::StoreError::DiskFull {
                path: "/tmp/store".into(),
                needed: "1 MB".into(),
                free: "0 B".into(),
            }),
        ];
        for error in &errors {
            chinese(error.as_ref());
        }
        let keyword = "xx".parse::<crate::domain::TouchKind>().unwrap_err();
        assert!(chinese(&keyword).contains("联系方式"), "{}", keyword.words(Lang::ZhCn));
        let ambiguous = AppError::Ambiguous {
            query: "张".into(),
            candidates: vec![crate::app::Candidate {
                id: AccountId(1), name: "张伟".into(), company: None
            }],
            total: 2,
        };
        assert!(chinese(&ambiguous).contains("张伟"));
        let long = ContactError::TooLong { field: "note", max: 2000 };
        assert!(long.words(Lang::ZhCn).contains("备注"), "{}", long.words(Lang::ZhCn));
    }
}
