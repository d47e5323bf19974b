//! The command line, declared with clap.

use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};

use crate::domain::{ArchiveReason, Grade, Money, Outcome, StageKind, Tier, TouchKind};

#[derive(Debug, Parser)]
#[command(
    name = "leadline",
    version,
    about = "A keyboard-driven sales pipeline: who to contact today, what happened, where the money is.\n\
             Without a command, opens the terminal interface.",
    after_help = "ACCOUNT is an id, an exact name, or a search with exactly one hit.\n\
                  WHEN is YYYY-MM-DD, YYYY-MM-DDTHH:MM, HH:MM, today, tomorrow, yesterday (also with a\n\
                  time: \"yesterday 18:30\"), +Nd, -Nd, +Nw, -Nh or -Nm (hours and minutes from now).\n\
                  LEADLINE_NOW fixes the clock (YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS])."
)]
pub struct Cli {
    /// The store directory [default: the user's data directory]
    #[arg(long, global = true, env = "LEADLINE_STORE", value_name = "DIR")]
    pub store: Option<PathBuf>,
    /// Use the demo store (created and filled on first use)
    #[arg(long, global = true)]
    pub demo: bool,
    /// The interface's language: en or zh-CN [default: [ui] language, else the locale]
    #[arg(long, global = true, env = "LEADLINE_LANG", value_name = "LANG")]
    pub lang: Option<String>,
    /// The settings file [default: config.toml in the user's config directory]
    #[arg(long, global = true, env = "LEADLINE_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Say nothing of what a command did: only what it was asked to show, errors and warnings
    #[arg(short, long, global = true)]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add a prospect; prints its id
    Add(AddArgs),
    /// Change an account's fields ("" clears a field)
    Edit(EditArgs),
    /// Regrade a prospect
    Grade {
        /// The account: an id, a name, or a search with exactly one hit
        account: String,
        /// A, B, C or D
        #[arg(value_parser = keyword::<Grade>(Grade::words()), ignore_case = true)]
        grade: Grade,
    },
    /// Record a touch: call, sms, visit, email, letter, gift or meeting
    Log(LogArgs),
    /// Record an order (the first one makes a prospect a customer)
    Order(OrderArgs),
    /// Schedule a follow-up
    FollowUp(FollowUpArgs),
    /// Mark a follow-up done
    Done {
        /// The follow-up's number (today and show list it)
        id: u64,
    },
    /// Skip a follow-up (closed without doing it)
    Skip {
        /// The follow-up's number (today and show list it)
        id: u64,
    },
    /// Move a follow-up to a later day (counted as a snooze; `amend follow-up` reschedules)
    Snooze {
        /// The follow-up's number (today and show list it)
        id: u64,
        /// The new day, later than the due date [default: the first working day after it]
        #[arg(long, value_name = "WHEN")]
        to: Option<String>,
    },
    /// When promises alone fill the day: the overdue promises of C and D prospects that can wait; --snooze-to moves them all in one change
    Triage {
        /// Overdue by more than this many days [default: [plan] triage_days]
        #[arg(long, value_name = "DAYS")]
        older_than: Option<u32>,
        /// Move them all to this day (one change: undo takes it back)
        #[arg(long, value_name = "WHEN")]
        snooze_to: Option<String>,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Correct one past touch, order or follow-up (a follow-up's new day is a reschedule, not a snooze)
    Amend {
        #[command(subcommand)]
        record: AmendRecord,
    },
    /// Delete one touch, order or follow-up recorded by mistake (undo brings it back)
    Remove {
        #[command(subcommand)]
        record: RemoveRecord,
    },
    /// Archive an account (kept, out of the daily work)
    Archive {
        /// The account: an id, a name, or a search with exactly one hit
        account: String,
        /// dormant (may come back) or lost
        #[arg(long, default_value = "dormant", value_parser = keyword::<ArchiveReason>(ArchiveReason::words()), ignore_case = true)]
        reason: ArchiveReason,
    },
    /// Bring an archived account back
    Restore {
        /// The account: an id, a name, or a search with exactly one hit
        account: String,
    },
    /// List accounts
    List(ListArgs),
    /// Likely duplicates: one phone number (in any spelling) or email, the same name and company, names that sound alike in pinyin
    Dupes {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Make two accounts one: OTHER's touches, orders, follow-ups, referrals and missing fields go to ACCOUNT, and OTHER is removed (undo takes it back)
    Merge {
        /// The account to keep: an id, a name, or a search with exactly one hit
        account: String,
        /// The account merged into it and removed
        other: String,
        /// When both were referred: the referral that stays (the other goes, told in the note)
        #[arg(long, value_name = "ID")]
        keep_referral: Option<u64>,
        /// Show the account it would make and what would move, without merging
        #[arg(long)]
        dry_run: bool,
    },
    /// One account with its timeline
    Show {
        /// The account: an id, a name, or a search with exactly one hit
        account: String,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Fuzzy search by name, company, phone, email, tags or pinyin; the days whose reflection has the words too
    Search {
        /// Words to find, each within one field
        query: String,
        /// At most this many hits
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Today's plan: who to contact and why, promises first, at most the day's capacity
    Today {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
        /// Print a Markdown report to paste into a chat or print: a line per account with its phone and why
        #[arg(long, conflicts_with = "json")]
        md: bool,
        /// text, json or md: the same as --json and --md
        #[arg(long, value_name = "FORMAT", conflicts_with_all = ["json", "md"])]
        format: Option<ReportFormat>,
        /// Also list what is due but planned for a later day
        #[arg(long)]
        all: bool,
    },
    /// The plan of the coming days: each day's rows, and why each got its day
    Plan {
        /// How many days, today first (1 to 60)
        #[arg(long, default_value_t = 7)]
        days: u64,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
        /// Print a Markdown report: a heading per day, a line per account with its phone and why
        #[arg(long, conflicts_with = "json")]
        md: bool,
        /// text, json or md: the same as --json and --md
        #[arg(long, value_name = "FORMAT", conflicts_with_all = ["json", "md"])]
        format: Option<ReportFormat>,
    },
    /// Record that one account referred another
    Refer {
        /// The account that referred
        referrer: String,
        /// The account referred
        referee: String,
        /// What the referrer is promised once the referee buys
        #[arg(long)]
        incentive: Option<String>,
    },
    /// The referral ledger; `referrals deliver ID` marks an incentive delivered
    Referrals {
        #[command(subcommand)]
        action: Option<ReferralAction>,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// A day's work: who was contacted, who was planned and missed, orders, the streak, the reflection
    Review {
        /// The day to review [default: today]
        #[arg(long, value_name = "WHEN", allow_hyphen_values = true)]
        date: Option<String>,
        /// Write the day's reflection (总结和反思): what went well, what to change; "" removes it
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
        /// Print a Markdown report: the day's figures, then a line per account contacted or missed
        #[arg(long, conflicts_with = "json")]
        md: bool,
        /// text, json or md: the same as --json and --md
        #[arg(long, value_name = "FORMAT", conflicts_with_all = ["json", "md"])]
        format: Option<ReportFormat>,
    },
    /// The 80/20 view: key accounts, ABC, effort against value, MVC/MGC/BZC, forecast
    Focus {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
        /// Print a Markdown report: the figures, then the key, growable and below-zero accounts
        #[arg(long, conflicts_with = "json")]
        md: bool,
        /// text, json or md: the same as --json and --md
        #[arg(long, value_name = "FORMAT", conflicts_with_all = ["json", "md"])]
        format: Option<ReportFormat>,
    },
    /// Customers whose tier differs from what their revenue suggests
    Tiers {
        /// Move every unpinned customer to its suggested tier
        #[arg(long)]
        apply: bool,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Print the settings in force and where they come from
    Config,
    /// Print a completion script for a shell (e.g. `leadline completions bash > ~/.local/share/bash-completion/completions/leadline`)
    Completions {
        /// bash, zsh, fish, elvish or powershell
        shell: clap_complete::Shell,
    },
    /// Print the manual page (e.g. `leadline man > ~/.local/share/man/man1/leadline.1`)
    Man,
    /// Revert the last change (repeatable)
    Undo,
    /// The change history, newest first
    History {
        /// At most this many entries
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Write a full backup, the accounts (csv, vcf), or the open follow-ups as a calendar (ics, vdir)
    Export {
        /// json (a full backup), ics (the open follow-ups as a calendar), csv (the accounts, for a spreadsheet), vcf (vCard contacts, for a phone or an address book) or vdir (a calendar file per follow-up in -o DIR, as khal and vdirsyncer read it)
        #[arg(long, default_value = "json")]
        format: ExportFormat,
        /// Write to FILE instead of standard output (for vdir: the directory)
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The same as -o: `export --format vdir DIR`
        #[arg(value_name = "PATH", conflicts_with = "output")]
        path: Option<PathBuf>,
        /// From a damaged store: write every record that can be read, and
        /// list the ones that cannot
        #[arg(long)]
        salvage: bool,
        /// ics: remind so many minutes before a follow-up with a time (0: no reminders); one without goes off at 9:00 on its day
        #[arg(long, value_name = "MINUTES", default_value_t = 15)]
        alarm: u32,
        /// csv: leadline (every field, the 80/20 marks and revenue) or google (Google Contacts' own columns, to import there)
        #[arg(long, default_value = "leadline")]
        layout: CsvLayout,
    },
    /// The automatic backups, newest first (restore one with `import` into an empty store)
    Backups {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Build a new store from the newest backup that reads and the journal after it (when the store's files are damaged)
    Recover {
        /// The new store's directory (new or empty); the damaged store is only read
        #[arg(long, value_name = "DIR")]
        to: PathBuf,
    },
    /// Write today's backup from the previous one and the journal (Leadline starts it after the first change of a day)
    #[command(hide = true)]
    BackupDaily {
        /// Where the backups are
        #[arg(long, value_name = "DIR")]
        dir: PathBuf,
        /// The newest days whose backups are kept
        #[arg(long, value_name = "N")]
        keep_daily: usize,
        /// The weeks before them with one backup kept
        #[arg(long, value_name = "N")]
        keep_weekly: usize,
        /// The day the backup is for
        #[arg(long, value_name = "YYYY-MM-DD")]
        day: chrono::NaiveDate,
    },
    /// Restore a JSON backup into an empty store, or add contacts from CSV
    Import(ImportArgs),
    /// Fill an empty store with a realistic demo pipeline
    Demo {
        /// How many accounts
        #[arg(long, default_value_t = crate::app::demo::DEFAULT_ACCOUNTS)]
        accounts: usize,
        /// The same seed gives the same book
        #[arg(long, default_value_t = crate::app::demo::DEFAULT_SEED)]
        seed: u64,
        /// Average touches per account
        #[arg(long, default_value_t = 8, hide = true)]
        touches: usize,
    },
    /// Check every record of the store; --repair rebuilds derived data
    Doctor {
        /// Rebuild aggregates and indexes (after writing a backup); also
        /// takes a store that lost changes as it is
        #[arg(long)]
        repair: bool,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum AmendRecord {
    /// A touch: its kind, outcome, time, direction, note or lesson
    Touch {
        /// The touch's number (show lists it)
        id: u64,
        /// call, sms, visit, email, letter, gift or meeting
        #[arg(long)]
        kind: Option<String>,
        /// An outcome, or `none` to clear it
        #[arg(long)]
        outcome: Option<String>,
        /// When it happened
        #[arg(long, value_name = "WHEN", allow_hyphen_values = true)]
        at: Option<String>,
        /// The touch came from them
        #[arg(long, conflicts_with = "outbound")]
        inbound: bool,
        /// The rep made the touch
        #[arg(long)]
        outbound: bool,
        /// What happened, in your words ("" clears it)
        #[arg(long)]
        note: Option<String>,
        /// What the touch taught, in a line ("" clears it)
        #[arg(long)]
        lesson: Option<String>,
    },
    /// An order: its amount, date or note
    Order {
        /// The order's number (show lists it)
        id: u64,
        /// The amount, e.g. 12000.50
        #[arg(long, allow_hyphen_values = true)]
        amount: Option<String>,
        /// When the order was placed
        #[arg(long, value_name = "WHEN", allow_hyphen_values = true)]
        at: Option<String>,
        /// A note on the order ("" clears it)
        #[arg(long)]
        note: Option<String>,
    },
    /// A follow-up: its day (earlier or later; not counted as a snooze), kind or note
    FollowUp {
        /// The follow-up's number (show lists it)
        id: u64,
        /// The new day: earlier or later (a reschedule, not a snooze)
        #[arg(long, value_name = "WHEN")]
        on: Option<String>,
        /// How to follow up: call, sms, visit, email, letter, gift or meeting
        #[arg(long)]
        kind: Option<String>,
        /// What to do or say ("" clears it)
        #[arg(long)]
        note: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum RemoveRecord {
    /// A touch recorded by mistake
    Touch {
        /// The touch's number (show lists it)
        id: u64,
    },
    /// An order recorded by mistake
    Order {
        /// The order's number (show lists it)
        id: u64,
    },
    /// A follow-up made by mistake (a referral's is skipped instead)
    FollowUp {
        /// The follow-up's number (show lists it)
        id: u64,
    },
}

#[derive(Debug, Subcommand)]
pub enum ReferralAction {
    /// Mark an earned incentive delivered
    Deliver {
        /// The referral's number (referrals lists it)
        id: u64,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
    Md,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CsvLayout {
    Leadline,
    Google,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Json,
    Ics,
    Csv,
    Vdir,
    Vcf,
}

/// Contact fields shared by `add` and `edit`.
#[derive(Debug, Args)]
pub struct ContactArgs {
    /// The company
    #[arg(long)]
    pub company: Option<String>,
    /// Job title
    #[arg(long)]
    pub title: Option<String>,
    /// Phone number (repeat for several)
    #[arg(long = "phone", value_name = "PHONE")]
    pub phones: Vec<String>,
    /// Email address
    #[arg(long)]
    pub email: Option<String>,
    /// Postal address
    #[arg(long)]
    pub address: Option<String>,
    /// Tag (repeat for several)
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Where the lead came from
    #[arg(long)]
    pub source: Option<String>,
    /// Estimated yearly value, e.g. 50000 or 12000.50
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub potential: Option<Money>,
    /// A note on the account
    #[arg(long)]
    pub note: Option<String>,
    /// Competitor notes: who else supplies them, strengths, bottom line
    #[arg(long)]
    pub competitors: Option<String>,
    /// The contact's birthday, greeted each year: MM-DD or YYYY-MM-DD
    #[arg(long, value_name = "MM-DD")]
    pub birthday: Option<String>,
    /// A day to greet the customer on each year [default: the first order's day]
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub anniversary: Option<String>,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The account's name: a person, or a company
    pub name: String,
    #[command(flatten)]
    pub contact: ContactArgs,
    /// A, B, C or D [default: C]
    #[arg(long, value_parser = keyword::<Grade>(Grade::words()), ignore_case = true)]
    pub grade: Option<Grade>,
    /// The account that referred this one
    #[arg(long, value_name = "ACCOUNT")]
    pub referred_by: Option<String>,
    /// What the referrer is promised once this one buys (needs --referred-by)
    #[arg(long, requires = "referred_by")]
    pub incentive: Option<String>,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// The account: an id, a name, or a search with exactly one hit
    pub account: String,
    /// A new name
    #[arg(long)]
    pub name: Option<String>,
    #[command(flatten)]
    pub contact: ContactArgs,
    /// A, B, C or D (prospects)
    #[arg(long, value_parser = keyword::<Grade>(Grade::words()), ignore_case = true)]
    pub grade: Option<Grade>,
    /// Pin a customer's tier
    #[arg(long, value_parser = keyword::<Tier>(Tier::words()), ignore_case = true)]
    pub tier: Option<Tier>,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// call, sms, visit, email, letter, gift or meeting
    #[arg(value_parser = keyword::<TouchKind>(TouchKind::words()), ignore_case = true)]
    pub kind: TouchKind,
    /// The account: an id, a name, or a search with exactly one hit
    pub account: String,
    /// reached, no-answer, busy, left-message, wrong-number, replied,
    /// meeting-booked, quote-sent, won, declined
    #[arg(long, value_parser = keyword::<Outcome>(Outcome::words()), ignore_case = true)]
    pub outcome: Option<Outcome>,
    /// What happened, in your words
    #[arg(long)]
    pub note: Option<String>,
    /// What the touch taught, in a line; the day's review collects them
    #[arg(long)]
    pub lesson: Option<String>,
    /// When it happened [default: now]
    #[arg(long, value_name = "WHEN", allow_hyphen_values = true)]
    pub at: Option<String>,
    /// The touch came from them
    #[arg(long)]
    pub inbound: bool,
    /// Schedule the next step as a follow-up; `auto` takes the day the
    /// outcome suggests in the config
    #[arg(long, value_name = "WHEN")]
    pub next: Option<String>,
    /// A greeting: a festival (春节, 中秋, any holiday of the settings),
    /// birthday or anniversary; only a greeting closes a greeting
    #[arg(long, value_name = "OCCASION", conflicts_with = "thanks")]
    pub greeting: Option<String>,
    /// Thanks for a referral
    #[arg(long)]
    pub thanks: bool,
    /// With --outcome won: the sale, in major units (12000.50), recorded as
    /// an order in the same change
    #[arg(long, allow_hyphen_values = true)]
    pub amount: Option<String>,
    /// With --outcome declined: lower the prospect's grade a step
    #[arg(long)]
    pub lower: bool,
}

#[derive(Debug, Args)]
pub struct OrderArgs {
    /// The account: an id, a name, or a search with exactly one hit
    pub account: String,
    /// In major units, e.g. 12000.50
    #[arg(allow_hyphen_values = true)]
    pub amount: String,
    /// When the order was placed [default: now]
    #[arg(long, value_name = "WHEN", allow_hyphen_values = true)]
    pub at: Option<String>,
    /// A note on the order
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct FollowUpArgs {
    /// The account: an id, a name, or a search with exactly one hit
    pub account: String,
    /// The day it is due
    #[arg(long, value_name = "WHEN")]
    pub on: String,
    /// How to follow up [default: call]
    #[arg(long, value_parser = keyword::<TouchKind>(TouchKind::words()), ignore_case = true)]
    pub kind: Option<TouchKind>,
    /// What to do or say
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only prospects, customers or archived accounts
    #[arg(long, value_parser = keyword::<StageKind>(StageKind::words()), ignore_case = true)]
    pub stage: Option<StageKind>,
    /// Only prospects of this grade
    #[arg(long, value_parser = keyword::<Grade>(Grade::words()), ignore_case = true)]
    pub grade: Option<Grade>,
    /// Only customers of this tier
    #[arg(long, value_parser = keyword::<Tier>(Tier::words()), ignore_case = true)]
    pub tier: Option<Tier>,
    /// Include archived accounts
    #[arg(long)]
    pub all: bool,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file: a JSON backup, or contacts as CSV or vCard
    pub file: PathBuf,
    /// Check and report, change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Import the valid rows of a CSV even when some rows are rejected
    #[arg(long)]
    pub skip_invalid: bool,
    /// The CSV's encoding (e.g. utf-8, gb18030, shift_jis, windows-1252, utf-16le) [default: detected]
    #[arg(long)]
    pub encoding: Option<String>,
    /// What a CSV column holds, over what its header suggests: 'Column Name=field' (repeat for several; `--dry-run` shows each column's field, `ignore` leaves one out)
    #[arg(long, value_name = "COLUMN=FIELD", value_parser = column_map)]
    pub map: Vec<(String, String)>,
}

/// `--map 'Handynummer=phone'`: the column, and the field it holds.
fn column_map(text: &str) -> Result<(String, String), String> {
    match text.rsplit_once('=') {
        Some((column, field)) if !column.trim().is_empty() && !field.trim().is_empty() => {
            Ok((column.trim().to_string(), field.trim().to_string()))
        }
        _ => Err(format!("'{text}': give it as 'Column Name=field'")),
    }
}

/// A keyword argument (`call`, `no-answer`, `B`, `vip`, ...): its values are
/// listed in `--help` and completions, each with the other words it takes
/// (Chinese among them), and parsed as the domain parses it.
fn keyword<T>(words: &'static [(&'static str, &'static [&'static str])]) -> impl TypedValueParser<Value = T>
where
    T: std::str::FromStr + Clone + Send + Sync + 'static,
{
    let values =
        words.iter().map(|(word, aliases)| PossibleValue::new(*word).aliases(aliases.iter().copied()));
    PossibleValuesParser::new(values).try_map(|text: String| text.parse::<T>().map_err(|_| "not a keyword"))
}
