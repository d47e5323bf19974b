//! Errors in the interface's language. An error's `Display` is its English
//! words (logs, tests, the JSON of a script); `words(lang)` is what a rep
//! reads. The Chinese words are in `locales/zh-CN/errors.ftl`.

use super::{Lang, Text};
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
