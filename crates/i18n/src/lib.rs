//! The interface's language. The words are Fluent messages in
//! `locales/<language>/*.ftl`, built into the binary and parsed on the
//! first word looked up, only for the language in force (fluent-bundle):
//! Fluent gives each language its own plurals and word order, which
//! assembling English fragments never could.
//!
//! The language comes from `--lang`, then `[ui] language` in the settings,
//! then the locale of the environment (`LC_ALL`, `LC_MESSAGES`, `LANG`:
//! `zh_CN.UTF-8`, `zh_SG`, `zh` are Chinese), else English.

mod errors;
pub mod reasons;
pub mod shown;
pub mod terms;

pub use errors::Words;

use std::sync::OnceLock;

pub use fluent_bundle::FluentValue;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
pub use leadline_core::locale::Lang;
use leadline_core::{analysis, clock, config, domain};

include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

/// Whether the catalogues have the message `id`: at compile time, for
/// [`msg_id!`].
pub const fn has_message(id: &str) -> bool {
    let id = id.as_bytes();
    let mut at = 0;
    while at < IDS.len() {
        let known = IDS[at].as_bytes();
        if known.len() == id.len() {
            let mut i = 0;
            while i < id.len() && known[i] == id[i] {
                i += 1;
            }
            if i == id.len() {
                return true;
            }
        }
        at += 1;
    }
    false
}

/// A message id written as a literal where the id is chosen by data (a
/// column, a card field, a verb): the build stops when no catalogue has it,
/// as it does for the typed accessors of [`msg`].
///
/// ```
/// assert_eq!(leadline_i18n::msg_id!("tab-today"), "tab-today");
/// ```
///
/// ```compile_fail
/// let id = leadline_i18n::msg_id!("tab-nowhere");
/// ```
#[macro_export]
macro_rules! msg_id {
    ($id:literal) => {{
        const _: () = assert!($crate::has_message($id), concat!("no message `", $id, "` in the catalogues"));
        $id
    }};
}

type Bundle = FluentBundle<FluentResource>;

fn build(tag: &str, files: &[(&str, &str)]) -> Bundle {
    let id = tag.parse().expect("a language tag");
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // Fluent wraps each placeable in Unicode isolation marks by default; on
    // a terminal they are stray characters that throw widths off.
    bundle.set_use_isolating(false);
    for (name, source) in files {
        // The catalogues are tested to parse; a broken one would only lose
        // its broken entries here, never the interface.
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(resource, _)| resource);
        if bundle.add_resource(resource).is_err() {
            debug_assert!(false, "{name} defines a message twice");
        }
    }
    bundle
}

/// The language's catalogue, parsed on first use.
fn bundle(lang: Lang) -> &'static Bundle {
    static ENGLISH: OnceLock<Bundle> = OnceLock::new();
    static CHINESE: OnceLock<Bundle> = OnceLock::new();
    match lang {
        Lang::En => ENGLISH.get_or_init(|| build("en-US", FILES[0])),
        Lang::ZhCn => CHINESE.get_or_init(|| build("zh-CN", FILES[1])),
    }
}

/// A message the build checked is in every language (see `msg`).
fn format(lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> String {
    lookup(lang, id, args).unwrap_or_else(|| id.to_string())
}

/// The message `id` formatted in `lang`, or in English where that has
/// none; none when neither has it.
fn lookup(lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
    let in_bundle = |bundle: &Bundle| {
        let pattern = bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        Some(bundle.format_pattern(pattern, args, &mut errors).into_owned())
    };
    in_bundle(bundle(lang)).or_else(|| (lang != Lang::En).then(|| in_bundle(bundle(Lang::En))).flatten())
}

/// Words looked up in the catalogue of the language in force.
pub trait Text: Copy {
    /// The message `id` in this language (English where it has none yet;
    /// the id itself where no catalogue has it).
    fn text(self, id: &str) -> String;

    /// The message `id` if this language (or English) has it.
    fn try_text(self, id: &str) -> Option<String>;

    /// The message `id` with its arguments, if this language (or English)
    /// has it.
    fn try_text_with(self, id: &str, args: &[(&'static str, FluentValue<'_>)]) -> Option<String>;

    /// The message `id` with its arguments.
    fn text_with(self, id: &str, args: &[(&'static str, FluentValue<'_>)]) -> String {
        self.try_text_with(id, args).unwrap_or_else(|| id.to_string())
    }

    /// Parses this language's catalogue now (on another thread while
    /// something else loads), so that the first word looked up is quick.
    fn warm(self);
}

impl Text for Lang {
    fn text(self, id: &str) -> String {
        format(self, id, None)
    }

    fn try_text(self, id: &str) -> Option<String> {
        lookup(self, id, None)
    }

    fn try_text_with(self, id: &str, args: &[(&'static str, FluentValue<'_>)]) -> Option<String> {
        let mut fluent = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent.set(*name, value.clone());
        }
        lookup(self, id, Some(&fluent))
    }

    fn warm(self) {
        let _ = bundle(self);
    }
}

/// "Review of 2026-11-27, Friday": the review's title, in the CLI and the TUI.
pub fn review_title(date: chrono::NaiveDate, lang: Lang) -> String {
    use chrono::Datelike;
    let weekday = crate::terms::weekday_long(date.weekday(), lang);
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
    fn every_catalogue_file_is_built_in_and_parses_without_an_error() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
        let mut on_disk = Vec::new();
        for language in std::fs::read_dir(&root).unwrap() {
            let language = language.unwrap().path();
            for file in std::fs::read_dir(&language).unwrap() {
                let file = file.unwrap().path();
                let name = file.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
                on_disk.push(name);
            }
        }
        on_disk.sort();
        let mut built: Vec<String> =
            FILES.iter().flat_map(|files| files.iter()).map(|(n, _)| n.to_string()).collect();
        built.sort();
        assert_eq!(on_disk, built, "a catalogue file is not built into the binary, or gone");
        for (name, source) in FILES.iter().flat_map(|files| files.iter()) {
            if let Err((_, errors)) = fluent_syntax::parser::parse(*source) {
                panic!("{name}: {errors:?}");
            }
        }
        assert_eq!(Lang::ZhCn.text("no-such-message"), "no-such-message");
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
