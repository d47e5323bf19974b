//! The command line, declared with clap: its shape only. Every word of
//! `--help` (each command's about, each argument's help) is in the
//! catalogues' `cli.ftl`, in every language (see `help.rs`).

use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};

use crate::domain::{ArchiveReason, Grade, Money, Outcome, StageKind, Tier, TouchKind};

#[derive(Debug, Parser)]
#[command(name = "leadline", version)]
pub struct Cli {
    #[arg(long, global = true, env = "LEADLINE_STORE", value_name = "DIR")]
    pub store: Option<PathBuf>,
    #[arg(long, global = true)]
    pub demo: bool,
    #[arg(long, global = true, env = "LEADLINE_LANG", value_name = "LANG")]
    pub lang: Option<String>,
    #[arg(long, global = true, env = "LEADLINE_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[arg(short, long, global = true)]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Add(AddArgs),
    Edit(EditArgs),
    Grade {
        account: String,
        #[arg(value_parser = keyword::<Grade>(Grade::words()), ignore_case = true)]
        grade: Grade,
    },
    Log(LogArgs),
    Order(OrderArgs),
    FollowUp(FollowUpArgs),
    Done {
        id: u64,
    },
    Skip {
        id: u64,
    },
    Snooze {
        id: u64,
        #[arg(long, value_name = "WHEN")]
        to: Option<String>,
    },
    Triage {
        #[arg(long, value_name = "DAYS")]
        older_than: Option<u32>,
        #[arg(long, value_name = "WHEN")]
        snooze_to: Option<String>,
        #[arg(long)]
        json: bool,
    },
    Amend {
        #[command(subcommand)]
        record: AmendRecord,
    },
    Remove {
        #[command(subcommand)]
        record: RemoveRecord,
    },
    Archive {
        account: String,
        #[arg(long, default_value = "dormant", value_parser = keyword::<ArchiveReason>(ArchiveReason::words()), ignore_case = true)]
        reason: ArchiveReason,
        #[arg(long, value_name = "COMPETITOR")]
        lost_to: Option<String>,
    },
    Restore {
        account: String,
    },
    List(ListArgs),
    Dupes {
        #[arg(long)]
        json: bool,
    },
    Merge {
        account: String,
        other: String,
        #[arg(long, value_name = "ID")]
        keep_referral: Option<u64>,
        #[arg(long)]
        dry_run: bool,
    },
    Show {
        account: String,
        #[arg(long)]
        json: bool,
    },
    Search {
        query: String,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    Today {
        #[arg(long)]
        json: bool,
        #[arg(long, conflicts_with = "json")]
        md: bool,
        #[arg(long, value_name = "FORMAT", conflicts_with_all = ["json", "md"])]
        format: Option<ReportFormat>,
        #[arg(long)]
        all: bool,
    },
    Plan {
        #[arg(long, default_value_t = 7)]
        days: u64,
        #[arg(long)]
        json: bool,
        #[arg(long, conflicts_with = "json")]
        md: bool,
        #[arg(long, value_name = "FORMAT", conflicts_with_all = ["json", "md"])]
        format: Option<ReportFormat>,
    },
    Competitor {
        #[command(subcommand)]
        action: CompetitorAction,
    },
    Calendar {
        #[command(subcommand)]
        action: CalendarAction,
    },
    Sync {
        #[command(subcommand)]
        action: Option<SyncAction>,
        #[arg(long)]
        status: bool,
        /// Started by a command under `[sync] auto`: connects before it
        /// opens the store, says nothing, keeps how it went.
        #[arg(long, hide = true)]
        background: bool,
    },
    Contacts {
        #[command(subcommand)]
        action: ContactsAction,
    },
    Competitors {
        #[arg(long)]
        json: bool,
        #[arg(long, conflicts_with = "json")]
        md: bool,
    },
    Team {
        #[arg(long)]
        json: bool,
        #[arg(long, conflicts_with = "json")]
        md: bool,
    },
    Handover {
        account: String,
        #[arg(long, value_name = "REP")]
        to: String,
    },
    Refer {
        referrer: String,
        referee: String,
        #[arg(long)]
        incentive: Option<String>,
    },
    Referrals {
        #[command(subcommand)]
        action: Option<ReferralAction>,
        #[arg(long)]
        json: bool,
    },
    Review {
        #[arg(long, value_name = "WHEN", allow_hyphen_values = true)]
        date: Option<String>,
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        #[arg(long)]
        json: bool,
        #[arg(long, conflicts_with = "json")]
        md: bool,
        #[arg(long, value_name = "FORMAT", conflicts_with_all = ["json", "md"])]
        format: Option<ReportFormat>,
    },
    Focus {
        #[arg(long)]
        json: bool,
        #[arg(long, conflicts_with = "json")]
        md: bool,
        #[arg(long, value_name = "FORMAT", conflicts_with_all = ["json", "md"])]
        format: Option<ReportFormat>,
    },
    Tiers {
        #[arg(long)]
        apply: bool,
        #[arg(long)]
        json: bool,
    },
    Config,
    Completions {
        shell: clap_complete::Shell,
    },
    Man {
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    Undo,
    History {
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    Export {
        #[arg(long, default_value = "json")]
        format: ExportFormat,
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[arg(value_name = "PATH", conflicts_with = "output")]
        path: Option<PathBuf>,
        #[arg(long)]
        salvage: bool,
        #[arg(long, value_name = "MINUTES", default_value_t = 15)]
        alarm: u32,
        #[arg(long, default_value = "leadline")]
        layout: CsvLayout,
        #[arg(long)]
        no_bom: bool,
    },
    Backups {
        #[arg(long)]
        json: bool,
    },
    Recover {
        #[arg(long, value_name = "DIR")]
        to: PathBuf,
    },
    #[command(hide = true)]
    BackupDaily {
        #[arg(long, value_name = "DIR")]
        dir: PathBuf,
        #[arg(long, value_name = "N")]
        keep_daily: usize,
        #[arg(long, value_name = "N")]
        keep_weekly: usize,
        #[arg(long, value_name = "YYYY-MM-DD")]
        day: chrono::NaiveDate,
    },
    Import(ImportArgs),
    Demo {
        #[arg(long, default_value_t = crate::app::demo::DEFAULT_ACCOUNTS)]
        accounts: usize,
        #[arg(long, default_value_t = crate::app::demo::DEFAULT_SEED)]
        seed: u64,
        #[arg(long, default_value_t = 8, hide = true)]
        touches: usize,
    },
    Doctor {
        #[arg(long)]
        repair: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum AmendRecord {
    Touch {
        id: u64,
        #[arg(long, value_parser = keyword::<TouchKind>(TouchKind::words()), ignore_case = true)]
        kind: Option<TouchKind>,
        #[arg(long)]
        outcome: Option<String>,
        #[arg(long, value_name = "WHEN", allow_hyphen_values = true)]
        at: Option<String>,
        #[arg(long, conflicts_with = "outbound")]
        inbound: bool,
        #[arg(long)]
        outbound: bool,
        #[arg(long)]
        note: Option<String>,
        #[arg(long)]
        lesson: Option<String>,
    },
    Order {
        id: u64,
        #[arg(long, allow_hyphen_values = true)]
        amount: Option<String>,
        #[arg(long, value_name = "WHEN", allow_hyphen_values = true)]
        at: Option<String>,
        #[arg(long)]
        note: Option<String>,
    },
    FollowUp {
        id: u64,
        #[arg(long, value_name = "WHEN")]
        on: Option<String>,
        #[arg(long, value_parser = keyword::<TouchKind>(TouchKind::words()), ignore_case = true)]
        kind: Option<TouchKind>,
        #[arg(long)]
        note: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum RemoveRecord {
    Touch { id: u64 },
    Order { id: u64 },
    FollowUp { id: u64 },
}

#[derive(Debug, Subcommand)]
pub enum ReferralAction {
    Deliver { id: u64 },
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
    #[arg(long)]
    pub company: Option<String>,
    #[arg(long)]
    pub title: Option<String>,
    #[arg(long = "phone", value_name = "PHONE")]
    pub phones: Vec<String>,
    #[arg(long)]
    pub email: Option<String>,
    #[arg(long)]
    pub address: Option<String>,
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    #[arg(long)]
    pub source: Option<String>,
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub potential: Option<Money>,
    #[arg(long)]
    pub note: Option<String>,
    #[arg(long, value_name = "MM-DD")]
    pub birthday: Option<String>,
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub anniversary: Option<String>,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    pub name: String,
    #[command(flatten)]
    pub contact: ContactArgs,
    #[arg(long, value_parser = keyword::<Grade>(Grade::words()), ignore_case = true)]
    pub grade: Option<Grade>,
    #[arg(long, value_name = "ACCOUNT")]
    pub referred_by: Option<String>,
    #[arg(long, requires = "referred_by")]
    pub incentive: Option<String>,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    pub account: String,
    #[arg(long)]
    pub name: Option<String>,
    #[command(flatten)]
    pub contact: ContactArgs,
    #[arg(long, value_parser = keyword::<Grade>(Grade::words()), ignore_case = true)]
    pub grade: Option<Grade>,
    #[arg(long, value_parser = keyword::<Tier>(Tier::words()), ignore_case = true)]
    pub tier: Option<Tier>,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    #[arg(value_parser = keyword::<TouchKind>(TouchKind::words()), ignore_case = true)]
    pub kind: TouchKind,
    pub account: String,
    #[arg(long, value_parser = keyword::<Outcome>(Outcome::words()), ignore_case = true)]
    pub outcome: Option<Outcome>,
    #[arg(long)]
    pub note: Option<String>,
    #[arg(long)]
    pub lesson: Option<String>,
    #[arg(long, value_name = "WHEN", allow_hyphen_values = true)]
    pub at: Option<String>,
    #[arg(long)]
    pub inbound: bool,
    #[arg(long, value_name = "WHEN")]
    pub next: Option<String>,
    #[arg(long, value_name = "OCCASION", conflicts_with = "thanks")]
    pub greeting: Option<String>,
    #[arg(long)]
    pub thanks: bool,
    #[arg(long, allow_hyphen_values = true)]
    pub amount: Option<String>,
    #[arg(long)]
    pub lower: bool,
    #[arg(long, value_name = "COMPETITOR")]
    pub lost_to: Option<String>,
}

/// A competitor note's answers, for `competitor add` and `edit`.
#[derive(Debug, Args)]
pub struct NoteArgs {
    #[arg(long)]
    pub strength: Option<String>,
    #[arg(long)]
    pub offer: Option<String>,
    #[arg(long)]
    pub floor: Option<String>,
    #[arg(long)]
    pub weakness: Option<String>,
    #[arg(long)]
    pub edge: Option<String>,
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub price: Option<String>,
    #[arg(long, value_name = "DAYS")]
    pub credit_days: Option<String>,
    #[arg(long)]
    pub note: Option<String>,
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub confirmed: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum CalendarAction {
    Sync {
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        #[arg(long, value_name = "MINUTES", default_value_t = 15)]
        alarm: u32,
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum SyncAction {
    Init {
        #[arg(long, value_name = "URL")]
        url: Option<String>,
        #[arg(long, value_name = "ROLE")]
        rep: Vec<String>,
        #[arg(long, value_name = "ROLE")]
        manager: Vec<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ContactsAction {
    Sync {
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        #[arg(long)]
        add_new: bool,
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum CompetitorAction {
    Add {
        account: String,
        name: String,
        #[command(flatten)]
        answers: NoteArgs,
    },
    Edit {
        account: String,
        #[arg(value_name = "NAME|#N")]
        which: String,
        #[arg(long, value_name = "NAME")]
        competitor: Option<String>,
        #[command(flatten)]
        answers: NoteArgs,
    },
    Rm {
        account: String,
        #[arg(value_name = "NAME|#N")]
        which: String,
    },
    Show {
        name: String,
        #[arg(long)]
        json: bool,
    },
    Alias {
        name: String,
        alias: String,
    },
}

#[derive(Debug, Args)]
pub struct OrderArgs {
    pub account: String,
    #[arg(allow_hyphen_values = true)]
    pub amount: String,
    #[arg(long, value_name = "WHEN", allow_hyphen_values = true)]
    pub at: Option<String>,
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct FollowUpArgs {
    pub account: String,
    #[arg(long, value_name = "WHEN")]
    pub on: String,
    #[arg(long, value_parser = keyword::<TouchKind>(TouchKind::words()), ignore_case = true)]
    pub kind: Option<TouchKind>,
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[arg(long, value_parser = keyword::<StageKind>(StageKind::words()), ignore_case = true)]
    pub stage: Option<StageKind>,
    #[arg(long, value_parser = keyword::<Grade>(Grade::words()), ignore_case = true)]
    pub grade: Option<Grade>,
    #[arg(long, value_parser = keyword::<Tier>(Tier::words()), ignore_case = true)]
    pub tier: Option<Tier>,
    #[arg(long)]
    pub all: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    pub file: PathBuf,
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long)]
    pub skip_invalid: bool,
    #[arg(long)]
    pub encoding: Option<String>,
    #[arg(long, value_name = "COLUMN=FIELD", value_parser = column_map)]
    pub map: Vec<(String, String)>,
}

/// `--map 'Handynummer=phone'`: the column, and the field it holds.
fn column_map(text: &str) -> Result<(String, String), ColumnMapError> {
    match text.rsplit_once('=') {
        Some((column, field)) if !column.trim().is_empty() && !field.trim().is_empty() => {
            Ok((column.trim().to_string(), field.trim().to_string()))
        }
        _ => Err(ColumnMapError),
    }
}

/// A `--map` value that is not `COLUMN=FIELD` (worded by `help::usage_error`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not COLUMN=FIELD")]
pub struct ColumnMapError;

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
