//! The scripting CLI: parses arguments, calls the app services, prints.

mod args;
mod commands;
mod competitors;
mod completion;
mod corrections;
mod duplicates;
mod export;
mod focus;
mod help;

pub use help::command_words;
mod import;
mod json;
mod plan;
mod recover;
mod referrals;
mod review;
mod sync;
mod table;
mod team;
mod text;

use crate::i18n::Text as _;
use crate::i18n::msg;
use std::io::Write;
use std::path::PathBuf;

pub use args::Cli;
use args::Command;

use crate::app::demo::{DEFAULT_ACCOUNTS, DEFAULT_SEED, DemoOptions};
use crate::app::{App, AppError, OpenOptions, StoreError};
use crate::clock;
use crate::config::{self, Config};
use crate::domain::contact::printable;
use crate::i18n::{Lang, Words};
use crate::tui::TuiError;

/// What can end a command with an error.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    App(#[from] AppError),
    #[error(transparent)]
    Tui(#[from] TuiError),
    #[error("cannot write {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
    #[error("no home directory to keep the store in; use --store DIR")]
    NoHome,
    /// The change was saved; the housekeeping after it (compacting the
    /// store) failed. A warning, and exit 0: the change is not to be made
    /// again.
    #[error("{0}")]
    AfterSaving(AppError),
}

/// The exit code of a store another leadline holds: a script may wait and
/// try again (docs/CLI.md).
pub const STORE_IN_USE: i32 = 3;

impl CliError {
    /// The error as a rep reads it, in `lang`.
    fn words(&self, lang: Lang) -> String {
        use crate::i18n::terms::{cannot_write, io_reason};
        match self {
            CliError::App(error) | CliError::Tui(TuiError::App(error)) | CliError::AfterSaving(error) => {
                error.words(lang)
            }
            CliError::Tui(TuiError::Start(error)) => {
                msg::ErrorTerminalStart { reason: io_reason(error, lang) }.text(lang)
            }
            CliError::Tui(TuiError::Draw(error)) => {
                msg::ErrorTerminalDraw { reason: io_reason(error, lang) }.text(lang)
            }
            CliError::Write { path, source } => cannot_write(&path.display().to_string(), source, lang),
            CliError::NoHome => msg::ErrorNoHome.text(lang),
        }
    }

    /// Usage errors and ambiguity exit with 2, a store in use with 3,
    /// everything else with 1.
    fn exit_code(&self) -> i32 {
        match self {
            CliError::App(error) | CliError::Tui(TuiError::App(error)) if error.is_usage() => 2,
            CliError::App(AppError::Store(StoreError::InUse { .. }))
            | CliError::Tui(TuiError::App(AppError::Store(StoreError::InUse { .. }))) => STORE_IN_USE,
            CliError::AfterSaving(_) => 0,
            _ => 1,
        }
    }
}

pub type CliResult<T> = Result<T, CliError>;

// Input errors become the app's usage errors, as they do there.
macro_rules! via_app {
    ($($error:ty),+) => {
        $(impl From<$error> for CliError {
            fn from(error: $error) -> Self {
                CliError::App(AppError::from(error))
            }
        })+
    };
}
via_app!(
    crate::domain::UnknownKeyword,
    crate::domain::MoneyError,
    crate::config::ConfigError,
    crate::clock::WhenError,
    StoreError
);

/// Runs the command line; returns the process exit code.
pub fn main() -> i32 {
    use clap::{CommandFactory, FromArgMatches};
    completion::answer_shell();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The words of --help are looked up only when they are shown (and the
    // settings read for their language only then): a command that parses
    // never pays for them.
    let parse = |command: clap::Command| {
        command.try_get_matches_from(args.clone()).and_then(|m| Cli::from_arg_matches(&m))
    };
    let mut cli = match parse(Cli::command()) {
        Ok(cli) => cli,
        Err(_) => {
            let lang = help_lang(&args);
            match parse(help::localized(Cli::command(), lang)) {
                Ok(cli) => cli,
                Err(error) => return clap_error(error, lang),
            }
        }
    };
    if let Some(Command::Export { output, path, format, .. }) = &mut cli.command {
        if output.is_none() {
            *output = path.take();
        }
        // `-o -`: standard output, as without `-o` (a vdir is a directory).
        if output.as_deref() == Some(std::path::Path::new("-")) && *format != args::ExportFormat::Vdir {
            *output = None;
        }
    }
    match run(cli) {
        Ok(code) => code,
        Err(CliError::AfterSaving(error)) => {
            warn(&msg::CliAfterSaving { error: error.words(lang()) }.text(lang()));
            0
        }
        Err(error) => {
            say(&msg::CliError { error: error.words(lang()) }.text(lang()));
            error.exit_code()
        }
    }
}

/// The language of `--help`, before clap has read the arguments: `--lang`,
/// `LEADLINE_LANG`, the settings' `[ui] language`, the locale.
fn help_lang(args: &[std::ffi::OsString]) -> Lang {
    let args: Vec<String> = args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
    let value_of = |flag: &str| {
        args.iter().enumerate().find_map(|(i, a)| match a.strip_prefix(flag) {
            Some("") => args.get(i + 1).cloned(),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        })
    };
    let flag =
        value_of("--lang").or_else(|| std::env::var("LEADLINE_LANG").ok()).and_then(|l| Lang::parse(&l));
    let config = value_of("--config")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("LEADLINE_CONFIG").map(PathBuf::from))
        .or_else(config::default_path);
    let setting = flag.is_none().then(|| config.and_then(|p| Config::load(&p, false).ok())).flatten();
    Lang::detect(flag, setting.and_then(|c| c.ui.language), |name| std::env::var(name).ok())
}

/// Help and version print as clap writes them (the help in the rep's
/// language); every real usage error becomes one line in it, with the
/// usage in brackets.
fn clap_error(error: clap::Error, lang: Lang) -> i32 {
    use clap::error::ErrorKind;
    if matches!(error.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = error.print();
        return 0;
    }
    eprintln!("{}", msg::CliError { error: help::usage_error(&error, lang) }.text(lang));
    2
}

/// Prints human-readable output. Text from the book may hold anything a
/// restored file held: control characters are shown as escapes, never sent
/// to the terminal.
fn print(text: &str) {
    print_raw(&printable(text, true));
}

/// Prints machine-readable output (JSON, iCalendar, a backup) as it is: its
/// format escapes what it must.
fn print_raw(text: &str) {
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`leadline list | head`) is not an error worth reporting.
    let _ = stdout.write_all(text.as_bytes()).and_then(|_| stdout.flush());
}

/// What else a write did ("Also closed follow-up #12 (quote sent)."), a
/// line each.
fn also_lines(also: &[String]) -> String {
    also.iter().map(|words| format!("{}\n", msg::CliAlso { words: words.as_str() }.text(lang()))).collect()
}

/// The language the command speaks, settled with the settings (see
/// [`load_config`]); before they are read, the flag's or the locale's.
static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

fn lang() -> Lang {
    LANG.get().copied().unwrap_or_else(|| Lang::detect(None, None, |name| std::env::var(name).ok()))
}

/// `--quiet`: what a command did is not said, only what it was asked to
/// show, errors and warnings.
static QUIET: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Says what a command did (a line on stdout), unless `--quiet`.
fn done(text: &str) {
    if !QUIET.load(std::sync::atomic::Ordering::Relaxed) {
        print(&format!("{text}\n"));
    }
}

/// A warning on stderr, in the command's language.
fn warn(warning: &str) {
    say(&msg::CliWarning { warning }.text(lang()));
}

/// Prints a line on stderr, escaped as [`print`] escapes.
fn say(line: &str) {
    eprintln!("{}", printable(line, false));
}

fn data_dir() -> CliResult<PathBuf> {
    directories::ProjectDirs::from("", "", "leadline")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or(CliError::NoHome)
}

/// The settings in force, the file they come from, and whether it exists;
/// the language is settled here, from `--lang`, the file and the locale.
fn load_config(cli: &Cli) -> CliResult<(Config, Option<PathBuf>, bool)> {
    let flag =
        match cli.lang.as_deref() {
            Some(text) => Some(Lang::parse(text).ok_or_else(|| {
                CliError::App(AppError::Invalid(msg::CliBadLang { given: text }.text(lang())))
            })?),
            None => None,
        };
    let settle = |mut config: Config| {
        let lang = Lang::detect(flag, config.ui.language, |name| std::env::var(name).ok());
        config.settle_locale(lang, |name| std::env::var(name).ok());
        if LANG.set(lang).is_ok() {
            // The catalogue is parsed on the other core while the store opens.
            std::thread::spawn(move || lang.warm());
        }
        config
    };
    let (path, required) = match &cli.config {
        Some(path) => (Some(path.clone()), true),
        None => (config::default_path(), false),
    };
    let Some(path) = path else {
        return Ok((settle(Config::default()), None, false));
    };
    // The terminal interface's keys are settings too: a `[keys]` entry that
    // does not work is refused with its line, whatever the command.
    let keys = |config: &Config| {
        let lang = Lang::detect(flag, config.ui.language, |name| std::env::var(name).ok());
        crate::tui::keymap(config).map(|_| ()).map_err(|problem| (problem.name.clone(), problem.words(lang)))
    };
    let config = Config::load_with(&path, required, &keys).inspect_err(|_| {
        // The settings are refused: the error is worded in the language
        // the file asks for if that much of it reads, else the flag's or
        // the locale's.
        let asked = std::fs::read_to_string(&path)
            .ok()
            .and_then(|text| text.parse::<toml::Table>().ok())
            .and_then(|table| Lang::parse(table.get("ui")?.get("language")?.as_str()?));
        let _ = LANG.set(Lang::detect(flag, asked, |name| std::env::var(name).ok()));
    })?;
    let config = settle(config);
    let found = path.is_file();
    Ok((config, Some(path), found))
}

/// The manual page (roff), from the same clap tree as `--help`, in the
/// interface's language; with `dir`, a page for `leadline` and one for each
/// command it names (`leadline-log.1`, `leadline-competitor-add.1`), written
/// into `dir`, so that every page a page refers to is there.
fn man_page(dir: Option<&PathBuf>) -> CliResult<i32> {
    use clap::CommandFactory;
    let command = help::localized(Cli::command(), lang());
    let Some(dir) = dir else {
        let mut out = Vec::new();
        clap_mangen::Man::new(command)
            .render(&mut out)
            .map_err(|source| CliError::Write { path: PathBuf::from("-"), source })?;
        print_raw(&String::from_utf8_lossy(&out));
        return Ok(0);
    };
    let failed = |source| CliError::Write { path: dir.clone(), source };
    std::fs::create_dir_all(dir).map_err(failed)?;
    clap_mangen::generate_to(command, dir).map_err(failed)?;
    let pages = std::fs::read_dir(dir).map_err(failed)?.filter_map(Result::ok);
    let count = pages.filter(|e| e.file_name().to_string_lossy().ends_with(".1")).count();
    done(&msg::CliManWritten { dir: dir.display().to_string(), count }.text(lang()));
    Ok(0)
}

fn show_config(cli: &Cli) -> CliResult<i32> {
    let (config, path, found) = load_config(cli)?;
    let origin = match (path, found) {
        (Some(path), true) => msg::CliConfigFrom { path: path.display().to_string() }.text(lang()),
        (Some(path), false) => msg::CliConfigNoneYet { path: path.display().to_string() }.text(lang()),
        (None, _) => msg::CliConfigNoDir.text(lang()),
    };
    let region = config.contacts.region().to_string();
    let region = match &config.from_locale.region {
        Some(variable) => Some(
            msg::CliConfigRegionLocale { region: region.as_str(), variable: variable.as_str() }.text(lang()),
        ),
        // Neither the settings nor the locale named one.
        None if config.contacts.default_region.is_none() => {
            Some(msg::CliConfigRegionDefault { region: region.as_str() }.text(lang()))
        }
        None => None,
    };
    let region = region.map(|line| format!("{line}\n")).unwrap_or_default();
    print(&format!("{origin}\n{region}\n{}{}", config.to_toml(), keys_help(&config)));
    Ok(0)
}

/// The keys of the terminal interface, as comments a `[keys]` table can
/// copy: every command's name and its keys in force.
fn keys_help(config: &Config) -> String {
    let Ok(keymap) = crate::tui::keymap(config) else { return String::new() };
    let mut out = format!("\n{}\n", msg::CliConfigKeys.text(lang()));
    if config.keys.is_empty() {
        out.push_str("# [keys]\n");
    }
    for (name, keys, help) in keymap.names(lang()) {
        let keys: Vec<String> = keys.iter().map(|k| format!("{k:?}")).collect();
        out.push_str(&format!("# {name} = [{}]  # {help}\n", keys.join(", ")));
    }
    out
}

/// The store the command works on.
fn store_dir(cli: &Cli, config: &Config) -> CliResult<PathBuf> {
    Ok(if cli.demo {
        // A book per language: its notes and sources are written in it.
        match config.ui.lang() {
            Lang::En => data_dir()?.join("demo"),
            Lang::ZhCn => data_dir()?.join("demo-zh-CN"),
        }
    } else {
        match &cli.store {
            Some(dir) => dir.clone(),
            None => data_dir()?.join("store"),
        }
    })
}

fn open_app(cli: &Cli) -> CliResult<App> {
    let (config, _, _) = load_config(cli)?;
    let clock = clock::from_env()?;
    let dir = store_dir(cli, &config)?;
    // `doctor` and a salvaging export look at a store that lost changes;
    // everything else is refused with what to do.
    let inspects = matches!(
        cli.command,
        Some(Command::Doctor { .. } | Command::Export { salvage: true, .. } | Command::Backups { .. })
    );
    let backups = crate::app::backups::backups_dir(&dir, &config.backup);
    let options = OpenOptions { allow_rollback: inspects };
    let mut app = match App::open(&dir, clock, config, options) {
        Err(AppError::Store(error @ StoreError::RolledBack { .. })) => {
            let error = crate::app::store_words(&error, lang());
            let advice = rollback_advice(&backups);
            return Err(AppError::Conflict(msg::CliErrorAdvice { error, advice }.text(lang())).into());
        }
        Err(AppError::Store(error @ StoreError::Damaged { .. })) => {
            let error = crate::app::store_words(&error, lang());
            let advice = restore_advice(&backups);
            return Err(AppError::Conflict(msg::CliErrorAdvice { error, advice }.text(lang())).into());
        }
        other => other?,
    };
    if let Some(reread) = app.phones_reread() {
        let (from, to) = (reread.from.as_str(), reread.to.as_str());
        say(&msg::PhonesReread { from, to, changed: reread.changed }.text(lang()));
    }
    let demo_command = matches!(cli.command, Some(Command::Demo { .. }));
    if cli.demo && !demo_command && app.is_empty()? {
        let counts = app.fill_demo(DemoOptions {
            accounts: DEFAULT_ACCOUNTS,
            seed: DEFAULT_SEED,
            lang: app.config().ui.lang(),
            ..DemoOptions::default()
        })?;
        app = compacted(app)?;
        let args = msg::CliDemoCreated { dir: dir.display().to_string(), counts: counts.words(lang()) };
        say(&args.text(lang()));
    }
    Ok(app)
}

/// What to do about a store sled cannot open: `recover`, which takes the
/// newest backup and the journal after it; the newest backup to restore.
fn restore_advice(backups: &std::path::Path) -> String {
    let recover = msg::CliRecoverAdvice.text(lang());
    let restore = match crate::app::backups::list(backups).first() {
        Some(newest) => {
            msg::CliNewestBackup { path: newest.path.display().to_string(), day: newest.day.to_string() }
                .text(lang())
        }
        None => msg::CliNoBackup { dir: backups.display().to_string() }.text(lang()),
    };
    format!("{recover}. {restore}")
}

/// What to do about a store that lost changes: the newest backup to
/// restore, and how to keep the store as it is.
fn rollback_advice(backups: &std::path::Path) -> String {
    let keep = msg::CliKeepAsIs.text(lang());
    if crate::app::backups::list(backups).is_empty() {
        let args = msg::CliNoBackupSalvage { dir: backups.display().to_string(), keep };
        args.text(lang())
    } else {
        msg::CliOrKeep { advice: restore_advice(backups), keep }.text(lang())
    }
}

fn run(cli: Cli) -> CliResult<i32> {
    QUIET.store(cli.quiet, std::sync::atomic::Ordering::Relaxed);
    match &cli.command {
        Some(Command::Config) => return show_config(&cli),
        // In the language of `--lang` or the settings, like `--help`; the
        // pages are wanted even where the settings do not read.
        Some(Command::Completions { shell }) => {
            let _ = load_config(&cli);
            return completion::script(*shell);
        }
        Some(Command::Man { dir }) => {
            let _ = load_config(&cli);
            return man_page(dir.as_ref());
        }
        Some(Command::Recover { to }) => return recover::recover(&cli, to),
        // The team's database, not this machine's store.
        Some(Command::Sync { action: None, background: true, .. }) => {
            let (config, _, _) = load_config(&cli)?;
            let connected = crate::app::sync::connect(&config);
            let app = open_app(&cli)?;
            return Ok(i32::from(app.sync_over(connected).is_err()));
        }
        Some(Command::Sync { action: Some(action), .. }) => {
            let (config, _, _) = load_config(&cli)?;
            return sync::team(&config, action);
        }
        // A manager may have no book of their own.
        Some(Command::Team { json, md }) => {
            let (config, _, _) = load_config(&cli)?;
            let cache = store_dir(&cli, &config)?.with_file_name("team");
            return team::report(&config, &cache, *json, *md);
        }
        Some(Command::BackupDaily { dir, keep_daily, keep_weekly, day }) => {
            let (config, _, _) = load_config(&cli)?;
            let store = store_dir(&cli, &config)?;
            crate::app::backups::write_daily(&store, dir, *keep_daily, *keep_weekly, *day)?;
            return Ok(0);
        }
        _ => {}
    }
    let app = open_app(&cli)?;
    if let Some(count) = app.damaged() {
        warn(&msg::CliDamaged { count }.text(lang()));
    }
    let Some(command) = &cli.command else {
        crate::tui::run(&app)?;
        app.seal();
        std::mem::forget(app);
        return Ok(0);
    };
    let dir = app.dir().to_path_buf();
    let (app, code) = commands::run(app, command).inspect_err(|error| {
        if matches!(error, CliError::App(AppError::Store(StoreError::Corrupt { .. }))) {
            App::note_damage(&dir);
        }
    })?;
    app.seal();
    // sled's Drop flushes and joins its threads (about 10 ms with 100,000
    // accounts); every change was made durable when it was committed, so
    // the process ends without it.
    std::mem::forget(app);
    Ok(code)
}

/// The store compacted after a change that saved much (an import, a
/// demo, a repair): housekeeping, so a failure is no failure of the change,
/// and one that cannot be compacted (a full disk) keeps every change and
/// says so.
fn compacted(app: App) -> CliResult<App> {
    let (app, skipped) = app.compact().map_err(CliError::AfterSaving)?;
    if let Some(warning) = skipped {
        warn(&warning);
    }
    Ok(app)
}
