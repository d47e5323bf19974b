//! One handler per command: parse the arguments that need the clock or the
//! book, call the app services, print the result.

use crate::i18n::msg;
use crate::i18n::shown::ShownTime as _;
use std::path::PathBuf;

use super::args::{
    AddArgs, Command, ContactArgs, CsvLayout, EditArgs, ExportFormat, FollowUpArgs, LogArgs, OrderArgs,
    ReferralAction,
};
use super::{
    CliError, CliResult, also_lines, compacted, done, json, lang, print, print_raw, say, text, warn,
};
use crate::app::demo::DemoOptions;
use crate::app::{
    AccountInput, App, AppError, FollowUpInput, ListFilter, NextStep, OrderInput, Referred, TouchInput,
};
use crate::domain::{
    ArchiveReason, Direction, FollowUpId, FollowUpReason, Money, Outcome, ReferralId, TouchKind,
};
use crate::search::{self, Query};

/// Runs one command; returns the app (bulk commands reopen the store) and
/// the exit code.
pub fn run(app: App, command: &Command) -> CliResult<(App, i32)> {
    let code = match command {
        Command::Import(args) => return super::import::import(app, args),
        Command::Doctor { repair, json } => return doctor(app, *repair, *json),
        Command::Demo { accounts, seed, touches } => {
            let options = DemoOptions {
                accounts: *accounts,
                seed: *seed,
                touches_per_account: *touches,
                lang: app.config().ui.lang(),
            };
            let counts = app.fill_demo(options)?;
            let app = compacted(app)?;
            let args =
                msg::CliDemoFilled { dir: app.dir().display().to_string(), counts: counts.words(lang()) };
            done(&args.text(lang()));
            return Ok((app, 0));
        }
        other => single(&app, other)?,
    };
    backup_if_due(&app);
    super::sync::start_if_auto(&app);
    Ok((app, code))
}

/// Writes today's backup after the first change of the day; the change is
/// saved either way, so a failed backup is a warning.
fn backup_if_due(app: &App) {
    if let Err(error) = app.backup_if_due() {
        warn(&format!("the daily backup was not written: {error}"));
    }
}

fn single(app: &App, command: &Command) -> CliResult<i32> {
    match command {
        Command::Add(args) => add(app, args),
        Command::Edit(args) => edit(app, args),
        Command::Grade { account, grade } => {
            let record = app.set_grade(app.resolve_account(account)?, *grade)?;
            let args = msg::CliGrade {
                name: record.account.name.as_str(),
                id: record.account.id.to_string(),
                grade: grade.to_string(),
            };
            done(&args.text(lang()));
            Ok(0)
        }
        Command::Log(args) => log(app, args),
        Command::Order(args) => order(app, args),
        Command::FollowUp(args) => follow_up(app, args),
        Command::Done { id } => {
            let (f, name) = &app.complete_follow_up(FollowUpId(*id))?.value;
            let args = msg::CliDone { id: f.id.to_string(), name: name.as_str(), due: f.due.to_string() };
            done(&args.text(lang()));
            Ok(0)
        }
        Command::Skip { id } => {
            let (f, name) = &app.skip_follow_up(FollowUpId(*id))?.value;
            let args = msg::CliSkipped { id: f.id.to_string(), name: name.as_str(), due: f.due.to_string() };
            done(&args.text(lang()));
            Ok(0)
        }
        Command::Snooze { id, to } => {
            let to = to.as_deref().map(|to| app.parse_when_ahead(to)).transpose()?;
            let (f, name) = &app.snooze_follow_up(FollowUpId(*id), to)?.value;
            let args = msg::CliSnoozed {
                id: f.id.to_string(),
                name: name.as_str(),
                due: f.due.to_string(),
                times: f.snoozes,
            };
            done(&args.text(lang()));
            Ok(0)
        }
        Command::Amend { record } => super::corrections::amend(app, record),
        Command::Remove { record } => super::corrections::remove(app, record),
        Command::Archive { account, reason, lost_to } => archive(app, account, *reason, lost_to.as_deref()),
        Command::Competitor { action } => super::competitors::run(app, action),
        Command::Calendar { action } => super::sync::calendar(app, action),
        Command::Contacts { action } => super::sync::contacts(app, action),
        Command::Competitors { json, md } => super::competitors::report(app, *json, *md),
        Command::Restore { account } => {
            let record = app.restore(app.resolve_account(account)?)?;
            let lang = lang();
            let stage = crate::i18n::reasons::stage_phrase(record.account.stage, lang);
            let args = msg::CliRestored {
                name: record.account.name.as_str(),
                id: record.account.id.to_string(),
                stage,
            };
            done(&args.text(lang));
            Ok(0)
        }
        Command::Dupes { json } => super::duplicates::dupes(app, *json),
        Command::Triage { older_than, snooze_to, json } => {
            super::plan::triage(app, *older_than, snooze_to.as_deref(), *json)
        }
        Command::Merge { account, other, keep_referral, dry_run } => {
            super::duplicates::merge(app, account, other, *keep_referral, *dry_run)
        }
        Command::List(args) => {
            let filter = ListFilter {
                stage: args.stage,
                grade: args.grade,
                tier: args.tier,
                include_archived: args.all,
            };
            let (rows, unreadable) = app.list_accounts(filter)?;
            warn_unreadable(unreadable);
            if args.json {
                print_raw(&json::to_string(&rows.iter().map(json::AccountJson::new).collect::<Vec<_>>()));
            } else {
                print(&text::account_list(&rows, &app.config().ui));
            }
            Ok(0)
        }
        Command::Show { account, json } => {
            let id = app.resolve_account(account)?;
            let detail = app.account_detail(id)?;
            let marks = app.account_marks(id)?;
            if *json {
                print_raw(&json::to_string(&json::ShowJson::new(&detail, marks)));
            } else {
                print(&text::account_detail(&detail, marks, app.config()));
            }
            Ok(0)
        }
        Command::Search { query, limit, json } => search(app, query, *limit, *json),
        Command::Today { json, md, format, all } => {
            super::plan::today(app, super::plan::Output::of(*json, *md, *format), *all)
        }
        Command::Plan { days, json, md, format } => {
            super::plan::plan(app, *days, super::plan::Output::of(*json, *md, *format))
        }
        Command::Undo => {
            let summary = app.undo()?.value;
            done(&msg::CliUndid { what: summary.as_str() }.text(lang()));
            Ok(0)
        }
        Command::History { limit, json } => {
            let entries = app.history(*limit)?;
            if *json {
                print_raw(&json::to_string(&entries.iter().map(json::HistoryJson::new).collect::<Vec<_>>()));
            } else {
                for entry in entries {
                    let summary = match entry.undo_of {
                        // Stores from before kept the word in the summary.
                        Some(_) => {
                            let summary = entry.summary.strip_prefix("undo: ").unwrap_or(&entry.summary);
                            msg::HistoryUndo { summary }.text(lang())
                        }
                        None => entry.summary.clone(),
                    };
                    let state = if entry.undone {
                        format!(" {}", msg::HistoryUndone.text(lang()))
                    } else {
                        String::new()
                    };
                    print(&format!(
                        "#{:<6} {}  {summary}{state}\n",
                        entry.seq,
                        text::when(entry.at, &app.config().ui)
                    ));
                }
            }
            Ok(0)
        }
        Command::Export { format: f, layout: CsvLayout::Google, .. } if *f != ExportFormat::Csv => {
            Err(AppError::Invalid(msg::CliLayoutNeedsCsv.text(lang())).into())
        }
        Command::Export { format, no_bom: true, .. } if *format != ExportFormat::Csv => {
            Err(AppError::Invalid(msg::CliNoBomNeedsCsv.text(lang())).into())
        }
        Command::Export { format, salvage: true, .. } if *format != ExportFormat::Json => {
            Err(AppError::Invalid(msg::CliSalvageJsonOnly.text(lang())).into())
        }
        Command::Export { format: ExportFormat::Json, output, salvage, .. } => {
            export(app, output.as_ref(), *salvage)
        }
        Command::Export { format: ExportFormat::Ics, output, alarm, .. } => {
            export_calendar(app, output.as_ref(), *alarm)
        }
        Command::Export { format: ExportFormat::Csv, output, layout, no_bom, .. } => {
            super::export::export_csv(app, output.as_ref(), *layout, !*no_bom)
        }
        Command::Export { format: ExportFormat::Vdir, output, alarm, .. } => {
            super::export::export_vdir(app, output.as_ref(), *alarm)
        }
        Command::Export { format: ExportFormat::Vcf, output, .. } => {
            super::export::export_vcf(app, output.as_ref())
        }
        Command::Backups { json } => backups(app, *json),
        Command::Refer { referrer, referee, incentive } => {
            super::referrals::refer(app, referrer, referee, incentive)
        }
        Command::Referrals { action: None, json } => super::referrals::ledger(app, *json),
        Command::Referrals { action: Some(ReferralAction::Deliver { id }), .. } => {
            super::referrals::deliver(app, ReferralId(*id))
        }
        Command::Review { date, note, json, md, format } => super::review::review(
            app,
            date.as_deref(),
            note.as_deref(),
            super::plan::Output::of(*json, *md, *format),
        ),
        Command::Focus { json, md, format } => {
            super::focus::focus(app, super::plan::Output::of(*json, *md, *format))
        }
        Command::Tiers { apply, json } => super::focus::tiers(app, *apply, *json),
        Command::Sync { action: None, status: true, .. } => super::sync::status(app),
        Command::Sync { action: None, .. } => super::sync::book(app),
        Command::Handover { account, to } => super::team::handover(app, account, to),
        Command::Config
        | Command::Completions { .. }
        | Command::Man { .. }
        | Command::Sync { action: Some(_), .. }
        | Command::Team { .. }
        | Command::Recover { .. }
        | Command::BackupDaily { .. } => {
            unreachable!("`config`, `completions`, `man` and `recover` run without opening the store")
        }
        Command::Import(_) | Command::Doctor { .. } | Command::Demo { .. } => {
            unreachable!("bulk commands are run by `run`")
        }
    }
}

pub(super) fn warn_unreadable(count: usize) {
    if count > 0 {
        warn(&msg::CliUnreadableSkipped { count }.text(lang()));
    }
}

fn contact_input(contact: &ContactArgs, name: Option<&String>) -> AccountInput {
    let list = |values: &Vec<String>| (!values.is_empty()).then(|| values.clone());
    AccountInput {
        name: name.cloned(),
        company: contact.company.clone(),
        title: contact.title.clone(),
        phones: list(&contact.phones),
        email: contact.email.clone(),
        address: contact.address.clone(),
        tags: list(&contact.tags),
        source: contact.source.clone(),
        note: contact.note.clone(),
        potential: contact.potential,
        grade: None,
        tier: None,
        birthday: contact.birthday.clone(),
        anniversary: contact.anniversary.clone(),
    }
}

fn add(app: &App, args: &AddArgs) -> CliResult<i32> {
    let mut input = contact_input(&args.contact, Some(&args.name));
    input.grade = args.grade;
    let referred = match &args.referred_by {
        Some(by) => Some(Referred { by: app.resolve_account(by)?, incentive: args.incentive.clone() }),
        None => None,
    };
    let referrer = referred.as_ref().map(|r| r.by);
    let record = app.add_account(&input, referred)?;
    print(&format!("{}\n", record.account.id));
    if let Some(by) = referrer {
        // stdout stays the bare id for scripts; the referrer a search
        // picked is named where a person sees it.
        let args = msg::CliReferredBy { name: app.account_name(by)?, id: by.to_string() };
        if !super::QUIET.load(std::sync::atomic::Ordering::Relaxed) {
            say(&args.text(lang()));
        }
    }
    if !super::QUIET.load(std::sync::atomic::Ordering::Relaxed) {
        for words in &record.also {
            say(&msg::CliAlso { words: words.as_str() }.text(lang()));
        }
    }
    Ok(0)
}

fn edit(app: &App, args: &EditArgs) -> CliResult<i32> {
    let id = app.resolve_account(&args.account)?;
    let mut input = contact_input(&args.contact, args.name.as_ref());
    input.grade = args.grade;
    input.tier = args.tier;
    let record = app.edit_account(id, &input)?;
    let args = msg::CliSavedAccount { name: record.account.name.as_str(), id: record.account.id.to_string() };
    done(&args.text(lang()));
    Ok(0)
}

fn log(app: &App, args: &LogArgs) -> CliResult<i32> {
    let kind: TouchKind = args.kind;
    let outcome: Option<Outcome> = args.outcome;
    let at = args.at.as_deref().map(|w| app.parse_when(w)).transpose()?;
    let next = match args.next.as_deref() {
        Some("auto") => Some(NextStep::Suggested),
        Some(when) => Some(NextStep::On(app.parse_when_ahead(when)?)),
        None => None,
    };
    let purpose = match (&args.greeting, args.thanks) {
        (Some(occasion), _) => app.greeting_purpose(occasion)?,
        (None, true) => crate::domain::Purpose::Thanks,
        (None, false) => crate::domain::Purpose::Ordinary,
    };
    let amount = args.amount.as_deref().map(Money::parse).transpose()?;
    let lang = lang();
    if outcome == Some(Outcome::Won) && amount.is_none() {
        // A sale without its amount would be lost to revenue and tiers.
        let args = msg::ErrorWonNeedsAmount { account: args.account.as_str(), kind: kind.as_str() };
        return Err(AppError::Invalid(args.text(lang)).into());
    }
    let account = app.resolve_account(&args.account)?;
    let logged = app.log_touch(&TouchInput {
        account,
        kind,
        direction: if args.inbound { Direction::Inbound } else { Direction::Outbound },
        outcome,
        note: args.note.clone().unwrap_or_default(),
        lesson: args.lesson.clone().unwrap_or_default(),
        at,
        next,
        purpose,
        amount,
        lower_grade: args.lower,
        lost_to: args.lost_to.clone(),
    })?;
    let mut line = msg::CliLogged {
        kind: crate::i18n::terms::kind(logged.touch.kind, lang),
        name: logged.account_name.as_str(),
        id: account.to_string(),
        at: text::when(logged.touch.at, &app.config().ui),
    }
    .text(lang);
    if let Some(outcome) = logged.touch.outcome {
        let outcome = crate::i18n::terms::outcome(outcome, lang);
        line.push_str(&msg::CliLoggedOutcome { outcome }.text(lang));
    }
    if let Some(purpose) = crate::i18n::terms::purpose(logged.touch.purpose, lang) {
        line.push_str(&msg::CliLoggedPurpose { purpose }.text(lang));
    }
    if let Some(f) = &logged.follow_up {
        let args = msg::CliLoggedNext {
            due: f.due.to_string(),
            at: follow_up_at(f, &app.config().ui),
            id: f.id.to_string(),
            kind: crate::i18n::terms::kind(f.kind, lang),
        };
        line.push_str(&args.text(lang));
    }
    if let Some(order) = &logged.order {
        line.push_str(&msg::CliLoggedOrder { amount: app.config().ui.money(order.order.amount) }.text(lang));
        line.push_str(&order_words(order));
    }
    let mut out = format!("{}\n{}", msg::Sentence { text: line }.text(lang), also_lines(&logged.also));
    if logged.wrong_number.is_some() {
        let args = msg::CliWrongNumberHint { id: account.to_string() };
        out.push_str(&format!("{}\n", args.text(lang)));
    }
    if logged.touch.outcome == Some(Outcome::Declined) && logged.lowered.is_none() && !args.lower {
        if let Some(grade) =
            app.account_detail(account)?.record.account.stage.grade().and_then(|g| g.lowered())
        {
            let args = msg::CliDeclinedHint { id: account.to_string(), grade: grade.to_string() };
            out.push_str(&format!("{}\n", args.text(lang)));
        }
    }
    done(out.trim_end());
    for warning in &logged.warnings {
        warn(warning);
    }
    Ok(0)
}

/// What else an order did, as clauses of its line: the prospect became a
/// customer, came back from the archive, earned a referrer's incentive.
fn order_words(recorded: &crate::app::Recorded) -> String {
    let lang = lang();
    let mut line = String::new();
    if recorded.converted {
        line.push_str(&msg::CliOrderCustomer.text(lang));
    }
    if recorded.restored {
        line.push_str(&msg::CliOrderRestored.text(lang));
    }
    for earned in &recorded.earned {
        line.push_str(
            &msg::CliOrderEarned {
                referrer: earned.referrer_name.as_str(),
                due: earned.deliver.due.to_string(),
                follow_up: earned.deliver.id.to_string(),
                referral: earned.referral.id.to_string(),
            }
            .text(lang),
        );
    }
    line
}

fn order(app: &App, args: &OrderArgs) -> CliResult<i32> {
    let amount = Money::parse(&args.amount)?;
    let at = args.at.as_deref().map(|w| app.parse_when(w)).transpose()?;
    let account = app.resolve_account(&args.account)?;
    let recorded =
        app.record_order(&OrderInput { account, amount, at, note: args.note.clone().unwrap_or_default() })?;
    let lang = lang();
    let mut line = msg::CliRecordedOrder {
        amount: app.config().ui.money(recorded.order.amount),
        name: recorded.account_name.as_str(),
        id: account.to_string(),
    }
    .text(lang);
    line.push_str(&order_words(&recorded));
    let out = format!("{}\n{}", msg::Sentence { text: line }.text(lang), also_lines(&recorded.also));
    done(out.trim_end());
    Ok(0)
}

fn follow_up(app: &App, args: &FollowUpArgs) -> CliResult<i32> {
    let kind: TouchKind = args.kind.unwrap_or(TouchKind::Call);
    let due = app.parse_when_ahead(&args.on)?;
    let account = app.resolve_account(&args.account)?;
    let f = app.schedule_follow_up(&FollowUpInput {
        account,
        due,
        kind,
        reason: FollowUpReason::Promised,
        note: args.note.clone().unwrap_or_default(),
    })?;
    let lang = lang();
    let at = follow_up_at(&f, &app.config().ui);
    let args = msg::CliFollowUp {
        id: f.id.to_string(),
        name: app.account_name(account)?,
        account: account.to_string(),
        kind: crate::i18n::terms::kind(f.kind, lang),
        due: f.due.to_string(),
        at,
    };
    done(&args.text(lang));
    Ok(0)
}

fn archive(app: &App, account: &str, reason: ArchiveReason, lost_to: Option<&str>) -> CliResult<i32> {
    let written = app.archive(app.resolve_account(account)?, reason, lost_to)?;
    let record = &written.value;
    let lang = lang();
    let args = msg::CliArchived {
        name: record.account.name.as_str(),
        id: record.account.id.to_string(),
        reason: crate::i18n::terms::archive_reason(reason, lang),
    };
    done(&args.text(lang));
    if !super::QUIET.load(std::sync::atomic::Ordering::Relaxed) {
        for words in &written.also {
            say(&msg::CliAlso { words: words.as_str() }.text(lang));
        }
    }
    Ok(0)
}

fn search(app: &App, query: &str, limit: usize, as_json: bool) -> CliResult<i32> {
    let (index, unreadable) = app.search_index()?;
    warn_unreadable(unreadable);
    let hits = index.search(&Query::parse(&crate::domain::phone::search_text(query, app.region())), limit);
    let found: Vec<(i64, search::DocRef<'_>)> = hits.iter().map(|h| (h.score, index.doc(h.index))).collect();
    if as_json {
        let rows: Vec<json::SearchJson> = found
            .iter()
            .map(|(score, d)| json::SearchJson {
                id: d.id.0,
                name: d.name().to_string(),
                company: d.company().map(str::to_string),
                score: *score,
                archived: d.archived(),
            })
            .collect();
        print_raw(&json::to_string(&rows));
    } else {
        let mut out = text::search(&found, lang());
        let days = app.search_reflections(query)?;
        if !days.is_empty() {
            out.push_str(&format!("\n{}\n", msg::CliReflections.text(lang())));
            for (date, reflection) in days.iter().take(limit) {
                let line = reflection.lines().collect::<Vec<_>>().join(" ");
                out.push_str(&format!("  {}  {}\n", date.format("%Y-%m-%d"), super::table::fit(&line, 100)));
            }
        }
        print(&out);
    }
    Ok(0)
}

fn export(app: &App, output: Option<&PathBuf>, salvage: bool) -> CliResult<i32> {
    let (backup, problems) = app.export_backup()?;
    if let (Some(first), false) = (problems.first(), salvage) {
        let args = msg::CliExportUnreadable { count: problems.len(), first: first.to_string() };
        return Err(AppError::Conflict(args.text(lang())).into());
    }
    for problem in &problems {
        warn(&msg::CliNotInBackup { problem: problem.to_string() }.text(lang()));
    }
    let text = backup.to_json();
    match output {
        Some(path) => {
            crate::files::write_output(path, text.as_bytes())
                .map_err(|source| CliError::Write { path: path.clone(), source })?;
            let counts = crate::app::backup::BackupCounts::of(&backup).words(lang());
            say(&msg::CliWrote { path: path.display().to_string(), counts }.text(lang()));
        }
        None => print_raw(&text),
    }
    Ok(if problems.is_empty() { 0 } else { 1 })
}

fn backups(app: &App, as_json: bool) -> CliResult<i32> {
    let files = app.backups();
    let dir = app.backups_dir();
    if as_json {
        print_raw(&json::to_string(&json::BackupsJson::new(&dir, &files, &app.config().backup)));
        return Ok(0);
    }
    let rules = &app.config().backup;
    let policy = if rules.enabled {
        msg::CliBackupsPolicy { daily: rules.keep_daily, weekly: rules.keep_weekly }.text(lang())
    } else {
        msg::CliBackupsOff.text(lang())
    };
    print(&format!("{}\n", msg::CliBackupsIn { dir: dir.display().to_string(), policy }.text(lang())));
    if files.is_empty() {
        print(&format!("{}\n", msg::CliNoneYet.text(lang())));
        return Ok(0);
    }
    let lang = lang();
    let headers = [
        msg::ColBackupDay.text(lang),
        msg::ColBackupWritten.text(lang),
        msg::ColBackupSize.text(lang),
        msg::ColBackupFile.text(lang),
    ];
    let mut table = super::table::Table::new(&[
        (headers[0].as_str(), super::table::Align::Left, 10),
        (headers[1].as_str(), super::table::Align::Left, 16),
        (headers[2].as_str(), super::table::Align::Right, 10),
        (headers[3].as_str(), super::table::Align::Left, 200),
    ]);
    for file in &files {
        table.row(vec![
            file.day.to_string(),
            file.written.map(|at| text::when(at, &app.config().ui)).unwrap_or_default(),
            msg::SizeMb { size: format!("{:.1}", file.bytes as f64 / 1e6) }.text(lang),
            file.path.display().to_string(),
        ]);
    }
    print(&table.render());
    print(&format!("{}\n", msg::CliRestoreOne.text(lang)));
    Ok(0)
}

fn export_calendar(app: &App, output: Option<&PathBuf>, alarm: u32) -> CliResult<i32> {
    let reminder = crate::app::Reminder { minutes: (alarm > 0).then_some(alarm), ..Default::default() };
    let (text, counts) = app.follow_ups_calendar(reminder)?;
    match output {
        Some(path) => {
            crate::files::write_output(path, text.as_bytes())
                .map_err(|source| CliError::Write { path: path.clone(), source })?;
            let args = msg::CliWroteCalendar {
                path: path.display().to_string(),
                open: counts.open,
                closed: counts.cancelled,
            };
            say(&args.text(lang()));
        }
        None => print_raw(&text),
    }
    Ok(0)
}

fn doctor(mut app: App, repair: bool, as_json: bool) -> CliResult<(App, i32)> {
    if repair {
        let written = app.repair()?;
        app = compacted(app)?;
        if !as_json {
            done(&msg::CliRebuilt { written }.text(lang()));
        }
    }
    let report = app.doctor()?;
    let doubtful = app.doubtful_phones()?;
    if as_json {
        print_raw(&json::to_string(&json::DoctorJson::new(&report, doubtful)));
    } else {
        for problem in &report.problems {
            print(&format!("{}\n", msg::CliProblem { problem: problem.to_string() }.text(lang())));
        }
        let args = msg::CliChecked {
            records: report.records_checked,
            accounts: report.accounts,
            problems: report.problems.len(),
        };
        print(&format!("{}\n", args.text(lang())));
        if !report.is_healthy() {
            print(&format!("{}\n", msg::CliDoctorAdvice.text(lang())));
        }
        let region = app.region().to_string();
        let head = |count| msg::CliDoubtfulPhones { count, region }.text(lang());
        print(&super::duplicates::doubtful_text(&doubtful, head));
    }
    let code = if report.is_healthy() { 0 } else { 1 };
    Ok((app, code))
}

/// " at 15:00" for a follow-up with a time, nothing for one without.
fn follow_up_at(follow_up: &crate::domain::FollowUp, ui: &crate::config::Ui) -> String {
    follow_up.due_time.map(|t| msg::CliFollowUpAt { time: ui.time(t) }.text(ui.lang())).unwrap_or_default()
}
