//! `--help` and clap's usage errors in the interface's language. args.rs
//! declares the command line's shape only; every text is looked up in the
//! catalogues' `cli.ftl` under a key made of the command's path and the
//! argument's id: `help-leadline-log` for the `log` command,
//! `help-leadline-log--note` for its `--note`. A usage error is worded from
//! what clap found (the kind of error, the argument, the value), never from
//! clap's English.

use crate::i18n::msg_id;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

use super::args::ColumnMapError;
use crate::domain::MoneyError;
use crate::i18n::{Lang, Text as _, Words, msg};

/// The command line with its help in `lang`.
pub fn localized(cmd: Command, lang: Lang) -> Command {
    let template = msg::HelpTemplate.text(lang);
    // clap's own -V flag says "Print version": ours says it in `lang`.
    let version = Arg::new("version")
        .short('V')
        .long("version")
        .action(ArgAction::Version)
        .help(msg::HelpFlagVersion.text(lang))
        .help_heading(msg::HelpHeadingOptions.text(lang));
    localize(cmd, "leadline", lang, &template).disable_version_flag(true).arg(version)
}

fn localize(mut cmd: Command, path: &str, lang: Lang, template: &str) -> Command {
    if let Some(about) = lang.try_text(&format!("help-{path}")) {
        cmd = cmd.about(about);
    }
    if let Some(after) = lang.try_text(&format!("help-{path}-after")) {
        cmd = cmd.after_help(after);
    }
    // clap's own -h flag says "Print help": ours says it in `lang`.
    let help = Arg::new("help")
        .short('h')
        .long("help")
        .action(ArgAction::Help)
        .help(msg::HelpFlagHelp.text(lang))
        .help_heading(msg::HelpHeadingOptions.text(lang));
    cmd = cmd
        .help_template(template.to_string())
        .subcommand_help_heading(msg::HelpHeadingCommands.text(lang))
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(help);
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for (order, id) in ids.into_iter().enumerate() {
        let help = lang.try_text(&format!("help-{path}--{id}"));
        let arg = cmd.get_arguments().find(|a| a.get_id() == id.as_str());
        let (positional, global) = arg.map_or((false, false), |a| (a.is_positional(), a.is_global_set()));
        // Options every command takes (--store, --lang, ...) come last, apart
        // from the command's own: clap passes them down to each subcommand
        // as the root declares them.
        let (heading, order) = match (positional, global) {
            (true, _) => (msg_id!("help-heading-arguments"), order),
            (false, true) => (msg_id!("help-heading-global"), 1000 + order),
            (false, false) => (msg_id!("help-heading-options"), order),
        };
        let heading = lang.text(heading);
        cmd = cmd.mut_arg(id.as_str(), |a| {
            // The catalogue says what a value may be, in the rep's words; clap would
            // add "[possible values: ...]" and "[env: ...]" in English.
            let a = a.help_heading(heading).display_order(order);
            let a = if a.get_action().takes_values() { a.hide_possible_values(true) } else { a };
            let a = if a.get_env().is_some() { a.hide_env(true) } else { a };
            match help {
                Some(help) => a.help(help),
                None => a,
            }
        });
    }
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in names {
        let sub_path = format!("{path}-{name}");
        cmd = cmd.mut_subcommand(name.as_str(), |sub| localize(sub, &sub_path, lang, template));
    }
    cmd
}

/// A usage error as a rep reads it, in `lang`: what is wrong, a likely
/// meaning when clap has one, and the command's usage.
pub fn usage_error(error: &clap::Error, lang: Lang) -> String {
    let text = |kind: ContextKind| -> Option<String> {
        Some(match error.get(kind)? {
            ContextValue::String(s) => s.clone(),
            ContextValue::Strings(list) => list.join(&msg::ListSeparator.text(lang)),
            ContextValue::StyledStr(s) => s.to_string(),
            ContextValue::Number(n) => n.to_string(),
            _ => return None,
        })
    };
    let arg = || text(ContextKind::InvalidArg).unwrap_or_default();
    let value = || text(ContextKind::InvalidValue).unwrap_or_default();
    let message = match error.kind() {
        ErrorKind::InvalidValue if value().is_empty() => msg::CliUsageNoValue { arg: arg() }.text(lang),
        ErrorKind::InvalidValue => match text(ContextKind::ValidValue) {
            Some(possible) => msg::CliUsageInvalidValue { arg: arg(), value: value(), possible }.text(lang),
            None => msg::CliUsageBadValue { arg: arg(), value: value() }.text(lang),
        },
        ErrorKind::ValueValidation => {
            let source = std::error::Error::source(error);
            match (source.and_then(|e| e.downcast_ref::<MoneyError>()), source.and_then(|e| e.downcast_ref()))
            {
                (Some(money), _) => {
                    msg::CliUsageBadValueWhy { arg: arg(), why: money.words(lang) }.text(lang)
                }
                (_, Some(ColumnMapError)) => msg::CliUsageColumnMap { value: value() }.text(lang),
                _ => msg::CliUsageBadValue { arg: arg(), value: value() }.text(lang),
            }
        }
        ErrorKind::UnknownArgument => msg::CliUsageUnknownArgument { arg: arg() }.text(lang),
        ErrorKind::InvalidSubcommand => {
            msg::CliUsageUnknownCommand { command: text(ContextKind::InvalidSubcommand).unwrap_or_default() }
                .text(lang)
        }
        ErrorKind::MissingRequiredArgument => msg::CliUsageMissing { args: arg() }.text(lang),
        ErrorKind::ArgumentConflict => match text(ContextKind::PriorArg) {
            Some(other) if other != arg() => msg::CliUsageConflict { arg: arg(), other }.text(lang),
            _ => msg::CliUsageOnce { arg: arg() }.text(lang),
        },
        ErrorKind::TooManyValues => msg::CliUsageOnce { arg: arg() }.text(lang),
        _ if !value().is_empty() => msg::CliUsageBadValue { arg: arg(), value: value() }.text(lang),
        _ => msg::CliUsageNoValue { arg: arg() }.text(lang),
    };
    let suggested = text(ContextKind::SuggestedArg).or_else(|| text(ContextKind::SuggestedSubcommand));
    let message = match suggested {
        Some(suggestion) => msg::CliUsageSimilar { message, suggestion }.text(lang),
        None => message,
    };
    // The usage line is the command's syntax, not words: clap's own.
    let rendered = error.render().to_string();
    let usage = rendered.lines().find_map(|line| line.trim().strip_prefix("Usage:").map(str::trim));
    match usage {
        Some(usage) => msg::CliUsageWith { message, usage }.text(lang),
        None => message,
    }
}

/// The command line's own words: its commands' names, its options' long
/// names and its placeholders (`log`, `dry-run`, `ACCOUNT`), which any
/// language writes as they are.
pub fn command_words() -> std::collections::BTreeSet<String> {
    fn walk(cmd: &Command, out: &mut std::collections::BTreeSet<String>) {
        out.insert(cmd.get_name().to_string());
        for arg in cmd.get_arguments() {
            out.extend(arg.get_long().map(str::to_string));
            out.extend(arg.get_value_names().into_iter().flatten().map(|n| n.to_string()));
            out.extend(arg.get_env().map(|e| e.to_string_lossy().into_owned()));
        }
        cmd.get_subcommands().for_each(|sub| walk(sub, out));
    }
    use clap::CommandFactory;
    let mut out = std::collections::BTreeSet::new();
    walk(&super::Cli::command(), &mut out);
    out.extend(["OPTIONS", "COMMAND", "LEADLINE_NOW"].map(String::from));
    out
}

/// Every key the command line's help has: its commands' and its
/// arguments' that have an English text.
#[cfg(test)]
pub fn keys(cmd: &Command) -> Vec<String> {
    fn walk(cmd: &Command, path: &str, out: &mut Vec<String>) {
        if cmd.get_about().is_some() {
            out.push(format!("help-{path}"));
        }
        if cmd.get_after_help().is_some() {
            out.push(format!("help-{path}-after"));
        }
        for arg in cmd.get_arguments() {
            if arg.get_help().is_some() && !arg.is_hide_set() {
                out.push(format!("help-{path}--{}", arg.get_id()));
            }
        }
        for sub in cmd.get_subcommands() {
            walk(sub, &format!("{path}-{}", sub.get_name()), out);
        }
    }
    let mut out = Vec::new();
    walk(cmd, "leadline", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;
    use crate::cli::Cli;

    /// Every command and every argument a rep sees has its words in the
    /// catalogue (the build checks every language has the same).
    #[test]
    fn every_command_and_option_has_its_words() {
        fn walk(cmd: &Command, path: &str, missing: &mut Vec<String>) {
            for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
                let id = format!("help-{path}--{}", arg.get_id());
                if Lang::En.try_text(&id).is_none() {
                    missing.push(id);
                }
            }
            for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
                let sub_path = format!("{path}-{}", sub.get_name());
                if Lang::En.try_text(&format!("help-{sub_path}")).is_none() {
                    missing.push(format!("help-{sub_path}"));
                }
                walk(sub, &sub_path, missing);
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), "leadline", &mut missing);
        assert!(missing.is_empty(), "no words: {missing:?}");
        let commands = keys(&localized(Cli::command(), Lang::En));
        assert!(commands.len() > 150, "{}", commands.len());
    }

    #[test]
    fn the_chinese_help_is_chinese_and_the_english_one_english() {
        let render = |lang| localized(Cli::command(), lang).render_long_help().to_string();
        let english = render(Lang::En);
        assert!(english.contains("Usage:") && english.contains("Record a touch"), "{english}");
        assert_eq!(Cli::command().get_about(), None, "the words are the catalogue's, not args.rs's");
        let chinese = render(Lang::ZhCn);
        assert!(chinese.contains("用法") && chinese.contains("记录一次联系"), "{chinese}");
        assert!(!chinese.contains("Record a touch") && !chinese.contains("Print help"), "{chinese}");
        let mut log = localized(Cli::command(), Lang::ZhCn);
        let log = log.find_subcommand_mut("log").unwrap().render_long_help().to_string();
        assert!(log.contains("这次联系学到了什么"), "{log}");
    }
}
