//! The interface's language. The words are Fluent messages in
//! `locales/<language>/leadline.ftl`, built into the binary
//! (fluent-templates): Fluent gives each language its own plurals and word
//! order, which assembling English fragments never could.
//!
//! The language comes from `--lang`, then `[ui] language` in the settings,
//! then the locale of the environment (`LC_ALL`, `LC_MESSAGES`, `LANG`:
//! `zh_CN.UTF-8`, `zh_SG`, `zh` are Chinese), else English.

mod errors;

pub use errors::Words;

use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};
use serde::{Deserialize, Serialize};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en-US",
        // Fluent wraps each placeable in Unicode isolation marks by default;
        // on a terminal they are stray characters that throw widths off.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-CN")]
    ZhCn,
}

const ENGLISH: LanguageIdentifier = langid!("en-US");
const CHINESE: LanguageIdentifier = langid!("zh-CN");

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    /// As `--lang` and the settings take it: `en`, `zh-CN` (any case, `_`
    /// or `-`, `zh` alone).
    pub fn parse(text: &str) -> Option<Lang> {
        match text.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "en" | "en-us" | "en-gb" | "english" => Some(Lang::En),
            "zh" | "zh-cn" | "zh-hans" | "zh-sg" | "chinese" | "中文" => Some(Lang::ZhCn),
            _ => None,
        }
    }

    /// The language a POSIX locale names (`zh_CN.UTF-8`), if one of ours;
    /// `C` and `POSIX` are English.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let name = locale.split(['.', '@']).next().unwrap_or_default();
        match name {
            "" => None,
            "C" | "POSIX" => Some(Lang::En),
            _ if name.starts_with("zh") && !name.contains("TW") && !name.contains("HK") => Some(Lang::ZhCn),
            _ if name.starts_with("zh") => None,
            _ if name.starts_with("en") => Some(Lang::En),
            _ => None,
        }
    }

    /// The language in force: the flag, else the setting, else the first
    /// locale variable set (as the C library reads them), else English.
    pub fn detect(flag: Option<Lang>, setting: Option<Lang>, env: impl Fn(&str) -> Option<String>) -> Lang {
        flag.or(setting)
            .or_else(|| {
                ["LC_ALL", "LC_MESSAGES", "LANG"]
                    .iter()
                    .find_map(|name| env(name).filter(|v| !v.is_empty()))
                    .and_then(|locale| Lang::from_locale(&locale))
            })
            .unwrap_or_default()
    }

    fn id(self) -> LanguageIdentifier {
        match self {
            Lang::En => ENGLISH,
            Lang::ZhCn => CHINESE,
        }
    }

    /// The message `id` in this language (English where it has none yet).
    pub fn text(self, id: &str) -> String {
        LOCALES.lookup(&self.id(), id)
    }

    /// The message `id` if this language (or English) has it.
    pub fn try_text(self, id: &str) -> Option<String> {
        LOCALES.try_lookup(&self.id(), id)
    }

    /// The message `id` with its arguments, if this language (or English)
    /// has it.
    pub fn try_text_with(self, id: &str, args: &[(&'static str, FluentValue<'_>)]) -> Option<String> {
        let args: HashMap<std::borrow::Cow<'static, str>, FluentValue<'_>> =
            args.iter().map(|(name, value)| ((*name).into(), value.clone())).collect();
        LOCALES.try_lookup_with_args(&self.id(), id, &args)
    }

    /// The message `id` with its arguments.
    pub fn text_with(self, id: &str, args: &[(&'static str, FluentValue<'_>)]) -> String {
        let args: HashMap<std::borrow::Cow<'static, str>, FluentValue<'_>> =
            args.iter().map(|(name, value)| ((*name).into(), value.clone())).collect();
        LOCALES.lookup_with_args(&self.id(), id, &args)
    }
}

/// "Review of 2026-11-27, Friday": the review's title, in the CLI and the TUI.
pub fn review_title(date: chrono::NaiveDate, lang: Lang) -> String {
    use chrono::Datelike;
    let weekday = lang.text(&format!("weekday-long-{}", date.weekday().number_from_monday()));
    lang.text_with(
        "review-title",
        &[("date", date.format("%Y-%m-%d").to_string().into()), ("weekday", weekday.into())],
    )
}

/// `text` padded with spaces to `columns` terminal columns (a Chinese
/// character takes two), so that labels line up in every language.
pub fn pad(text: &str, columns: usize) -> String {
    let width = unicode_width::UnicodeWidthStr::width(text);
    format!("{text}{}", " ".repeat(columns.saturating_sub(width)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_wins_then_the_setting_then_the_locale() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())
        };
        let chinese = env(&[("LANG", "zh_CN.UTF-8")]);
        assert_eq!(Lang::detect(None, None, chinese), Lang::ZhCn);
        assert_eq!(Lang::detect(None, Some(Lang::En), chinese), Lang::En);
        assert_eq!(Lang::detect(Some(Lang::ZhCn), Some(Lang::En), env(&[])), Lang::ZhCn);
        assert_eq!(Lang::detect(None, None, env(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")])), Lang::En);
        assert_eq!(Lang::detect(None, None, env(&[("LC_MESSAGES", "zh_SG.UTF-8")])), Lang::ZhCn);
        assert_eq!(Lang::detect(None, None, env(&[("LANG", "zh")])), Lang::ZhCn);
        assert_eq!(Lang::detect(None, None, env(&[("LANG", "de_DE.UTF-8")])), Lang::En);
        assert_eq!(Lang::detect(None, None, env(&[])), Lang::En);
        assert_eq!(Lang::parse("zh_CN"), Some(Lang::ZhCn));
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
    }

    #[test]
    fn messages_come_in_each_language_with_their_arguments_and_no_isolation_marks() {
        assert_eq!(Lang::En.text("tab-today"), "Today");
        assert_eq!(Lang::ZhCn.text("tab-today"), "今日");
        let args = [("screen", FluentValue::from("今日")), ("close", FluentValue::from("Esc"))];
        assert_eq!(Lang::ZhCn.text_with("help-title", &args), "今日 的按键（Esc 关闭）");
    }

    /// The message ids of a catalogue, read by Fluent's own parser.
    fn ids(language: &str) -> std::collections::BTreeSet<String> {
        let path = format!("{}/locales/{language}/leadline.ftl", env!("CARGO_MANIFEST_DIR"));
        let source = std::fs::read_to_string(&path).unwrap();
        let resource = fluent_syntax::parser::parse(source.as_str()).unwrap_or_else(|(_, errors)| {
            panic!("{path}: {errors:?}");
        });
        resource
            .body
            .iter()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn both_catalogues_hold_the_same_messages() {
        let english = ids("en-US");
        let chinese = ids("zh-CN");
        let only_english: Vec<_> = english.difference(&chinese).collect();
        let only_chinese: Vec<_> = chinese.difference(&english).collect();
        assert!(
            only_english.is_empty() && only_chinese.is_empty(),
            "en only: {only_english:?}; zh only: {only_chinese:?}"
        );
        assert!(english.len() >= 17);
    }
}
