//! Shell completion through clap_complete's dynamic completer: the script
//! `leadline completions SHELL` prints asks `leadline` itself for the
//! words at the cursor (`COMPLETE=fish leadline -- leadline log c`), so that
//! positional values (`log c` → `call`), every option's values and the
//! names of the book's accounts complete in bash, zsh and fish alike.

use std::ffi::OsStr;
use std::path::PathBuf;

use clap::Command;
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use clap_complete::env::{Bash, CompleteEnv, Elvish, EnvCompleter, Fish, Powershell, Zsh};

use super::args::Cli;
use super::{CliError, CliResult, data_dir, help, lang, print_raw};
use crate::app::App;
use crate::i18n::Lang;

/// The environment variable a completion script sets to ask.
const VAR: &str = "COMPLETE";

/// Answers a shell's completion request and exits; returns at once when
/// the process was not started by one.
pub fn answer_shell() {
    CompleteEnv::with_factory(command).var(VAR).complete();
}

/// The script a shell sources to complete `leadline`.
pub fn script(shell: clap_complete::Shell) -> CliResult<i32> {
    let completer: &dyn EnvCompleter = match shell {
        clap_complete::Shell::Bash => &Bash,
        clap_complete::Shell::Zsh => &Zsh,
        clap_complete::Shell::Fish => &Fish,
        clap_complete::Shell::Elvish => &Elvish,
        _ => &Powershell,
    };
    let mut out = Vec::new();
    completer
        .write_registration(VAR, "leadline", "leadline", "leadline", &mut out)
        .map_err(|source| CliError::Write { path: PathBuf::from("-"), source })?;
    print_raw(&String::from_utf8_lossy(&out));
    Ok(0)
}

fn command() -> Command {
    use clap::CommandFactory;
    with_account_names(help::localized(Cli::command(), lang()))
}

/// The arguments that name an account of the book.
const ACCOUNT_ARGS: [&str; 4] = ["account", "other", "referrer", "referee"];

/// Gives every argument that names an account the book's names to offer.
fn with_account_names(mut cmd: Command) -> Command {
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|arg| arg.get_id().to_string())
        .filter(|id| ACCOUNT_ARGS.contains(&id.as_str()))
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(id, |arg| arg.add(ArgValueCompleter::new(account_names)));
    }
    let subcommands: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in subcommands {
        cmd = cmd.mut_subcommand(name, with_account_names);
    }
    cmd
}

/// The active accounts whose names start with what was typed (case aside).
fn account_names(current: &OsStr) -> Vec<CompletionCandidate> {
    let typed = current.to_string_lossy().to_lowercase();
    let Some(dir) = completed_store() else { return Vec::new() };
    let mut names = App::account_names_at(&dir);
    names.retain(|name| name.to_lowercase().starts_with(&typed));
    names.sort();
    names.dedup();
    names.into_iter().map(CompletionCandidate::new).collect()
}

/// The store of the command line being completed: its `--store` or
/// `--demo`, else `LEADLINE_STORE`, else the usual one.
fn completed_store() -> Option<PathBuf> {
    let words: Vec<String> = std::env::args().skip_while(|a| a != "--").skip(1).collect();
    let mut store = std::env::var_os("LEADLINE_STORE").map(PathBuf::from);
    let mut demo = false;
    for (at, word) in words.iter().enumerate() {
        match word.as_str() {
            "--demo" => demo = true,
            "--store" => store = words.get(at + 1).map(PathBuf::from),
            _ => {
                if let Some(dir) = word.strip_prefix("--store=") {
                    store = Some(PathBuf::from(dir));
                }
            }
        }
    }
    match demo {
        true => data_dir().ok().map(|dir| match lang() {
            Lang::En => dir.join("demo"),
            Lang::ZhCn => dir.join("demo-zh-CN"),
        }),
        false => store.or_else(|| data_dir().ok().map(|dir| dir.join("store"))),
    }
}
