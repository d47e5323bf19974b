//! `--help` in the interface's language. clap's derive writes the English
//! texts (the doc comments in `args.rs`); for another language each text is
//! looked up in `locales/<language>/cli.ftl` under a key made of the
//! command's path and the argument's id: `help-leadline-log` for the
//! `log` command, `help-leadline-log--note` for its `--note`.

use crate::i18n::Text as _;
use crate::i18n::msg;
use clap::{Arg, ArgAction, Command};

use crate::i18n::Lang;

/// The command line with its help in `lang`.
pub fn localized(cmd: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return cmd;
    }
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
        let heading =
            lang.text(if cmd.get_arguments().any(|a| a.get_id() == id.as_str() && a.is_positional()) {
                "help-heading-arguments"
            } else {
                "help-heading-options"
            });
        cmd = cmd.mut_arg(id.as_str(), |a| {
            let a = a.help_heading(heading).display_order(order);
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

    /// The message ids of `locales/zh-CN/cli.ftl`, by Fluent's parser.
    fn catalogue() -> std::collections::BTreeSet<String> {
        let path = format!("{}/crates/i18n/locales/zh-CN/cli.ftl", env!("CARGO_MANIFEST_DIR"));
        let source = std::fs::read_to_string(&path).unwrap();
        let resource = fluent_syntax::parser::parse(source.as_str()).unwrap_or_else(|(_, e)| panic!("{e:?}"));
        resource
            .body
            .iter()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .filter(|id| id.starts_with("help-leadline"))
            .collect()
    }

    #[test]
    #[ignore = "prints the English texts to translate"]
    fn print_the_english_texts() {
        fn walk(cmd: &Command, path: &str) {
            if let Some(about) = cmd.get_about() {
                println!("help-{path} = {about}");
            }
            if let Some(after) = cmd.get_after_help() {
                println!("help-{path}-after = {after}");
            }
            for arg in cmd.get_arguments() {
                if let (Some(help), false) = (arg.get_help(), arg.is_hide_set()) {
                    println!("help-{path}--{} = {help}", arg.get_id());
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, &format!("{path}-{}", sub.get_name()));
            }
        }
        walk(&Cli::command(), "leadline");
    }

    #[test]
    fn every_command_and_option_has_a_help_line() {
        fn walk(cmd: &Command, path: &str, missing: &mut Vec<String>) {
            for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
                if arg.get_help().is_none() && !matches!(arg.get_id().as_str(), "help" | "version") {
                    missing.push(format!("{path} {}", arg.get_id()));
                }
            }
            for sub in cmd.get_subcommands() {
                if sub.get_about().is_none() && sub.get_name() != "help" {
                    missing.push(format!("{path} {}", sub.get_name()));
                }
                walk(sub, &format!("{path} {}", sub.get_name()), missing);
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), "leadline", &mut missing);
        assert!(missing.is_empty(), "no help line: {missing:?}");
    }

    #[test]
    fn every_help_text_has_its_chinese_and_every_chinese_one_a_text() {
        let wanted: std::collections::BTreeSet<String> = keys(&Cli::command()).into_iter().collect();
        let have = catalogue();
        let missing: Vec<_> = wanted.difference(&have).collect();
        let stale: Vec<_> = have.difference(&wanted).collect();
        assert!(
            missing.is_empty() && stale.is_empty(),
            "no Chinese: {missing:?}; nothing to translate: {stale:?}"
        );
    }

    #[test]
    fn the_chinese_help_is_chinese_and_the_english_one_english() {
        let render = |lang| localized(Cli::command(), lang).render_long_help().to_string();
        let english = render(Lang::En);
        assert!(english.contains("Usage:") && english.contains("Record a touch"), "{english}");
        let chinese = render(Lang::ZhCn);
        assert!(chinese.contains("用法") && chinese.contains("记录一次联系"), "{chinese}");
        assert!(!chinese.contains("Record a touch") && !chinese.contains("Print help"), "{chinese}");
        let mut log = localized(Cli::command(), Lang::ZhCn);
        let log = log.find_subcommand_mut("log").unwrap().render_long_help().to_string();
        assert!(log.contains("这次联系学到了什么"), "{log}");
    }
}
