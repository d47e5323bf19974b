//! The rep's locale: the interface's language, from `--lang`, the
//! settings or the environment's locale variables. A value, with no words
//! of its own (those are the catalogues').

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-CN")]
    ZhCn,
}

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

    /// The locale variable in force, as the C library reads them (the first
    /// of `LC_ALL`, `LC_MESSAGES`, `LANG` set), with its value.
    pub fn variable(env: impl Fn(&str) -> Option<String>) -> Option<(&'static str, String)> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(|name| env(name).filter(|v| !v.is_empty()).map(|value| (name, value)))
    }

    /// The country a POSIX locale names: `US` of `en_US.UTF-8`, none of `C`.
    pub fn territory(locale: &str) -> Option<&str> {
        let name = locale.split(['.', '@']).next()?;
        let (_, territory) = name.split_once('_')?;
        (territory.len() == 2 && territory.bytes().all(|b| b.is_ascii_alphabetic())).then_some(territory)
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
}
