//! `import`: a JSON backup into an empty store, or contacts from CSV or
//! vCard files, with a progress bar on a terminal.

use crate::i18n::msg;
use std::cell::RefCell;
use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

use super::args::ImportArgs;
use super::{CliResult, compacted, done, lang, print, say};
use crate::app::backup::Backup;
use crate::app::backups::BackupReason;
use crate::app::contacts::{ImportOptions, ImportProgress, ImportReport};
use crate::app::vcard_import::looks_like_vcard;
use crate::app::{App, AppError};
use crate::domain::contact::printable;

/// A progress bar on stderr, one per pass over the file.
#[derive(Default)]
struct Bar(RefCell<Option<ProgressBar>>);

impl ImportProgress for Bar {
    fn pass(&self, name: &str, lines: u64) {
        let bar = ProgressBar::new(lines).with_message(name.to_string());
        if let Ok(style) = ProgressStyle::with_template("{msg:>9} [{bar:40}] {pos}/{len} lines, {eta} left") {
            bar.set_style(style.progress_chars("=> "));
        }
        if let Some(old) = self.0.replace(Some(bar)) {
            old.finish_and_clear();
        }
    }

    fn at(&self, line: u64) {
        if let Some(bar) = self.0.borrow().as_ref() {
            bar.set_position(line);
        }
    }

    fn finish(&self) {
        if let Some(bar) = self.0.take() {
            bar.finish_and_clear();
        }
    }
}

/// Imports bigger than this are followed by a compaction of the store.
const BULK_ROWS: usize = 1_000;

pub(super) fn import(app: App, args: &ImportArgs) -> CliResult<(App, i32)> {
    let label = args.file.display().to_string();
    let bytes = std::fs::read(&args.file)
        .map_err(|e| AppError::Invalid(crate::i18n::terms::cannot_read(&label, &e, lang())))?;
    let extension = args.file.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let starts_like_json = String::from_utf8_lossy(&bytes[..bytes.len().min(64)])
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{');
    if extension == "json" || starts_like_json || crate::app::backup::is_gzip(&bytes) {
        let backup = Backup::from_bytes(&bytes, &label)?;
        let counts = app.import_backup(&backup, &label, args.dry_run)?;
        let words = msg::CliRestoreBackup {
            dry: if args.dry_run { "yes" } else { "no" },
            counts: counts.words(lang()),
            label: label.as_str(),
        };
        done(&words.text(lang()));
        // Saved: tidying the store afterwards is housekeeping.
        let app =
            if !args.dry_run && counts.accounts + counts.touches > BULK_ROWS { compacted(app)? } else { app };
        return Ok((app, 0));
    }
    let encoding = match &args.encoding {
        Some(name) => Some(encoding_rs::Encoding::for_label(name.as_bytes()).ok_or_else(|| {
            AppError::Invalid(msg::CliUnknownEncoding { name: name.as_str() }.text(lang()))
        })?),
        None => None,
    };
    let bar = std::io::stderr().is_terminal().then(Bar::default);
    let options = ImportOptions {
        dry_run: args.dry_run,
        skip_invalid: args.skip_invalid,
        encoding,
        progress: bar.as_ref().map(|b| b as &dyn ImportProgress),
        map: &args.map,
    };
    if !args.dry_run {
        app.write_backup(BackupReason::BeforeImport)?;
    }
    let vcards = matches!(extension.as_str(), "vcf" | "vcard") || looks_like_vcard(&bytes);
    let report = if vcards {
        app.import_vcards(&bytes, &label, options)?
    } else {
        app.import_csv(bytes, &label, options)?
    };
    let code = print_report(&report, &label, options);
    let app = if report.committed && report.imported.len() > BULK_ROWS { compacted(app)? } else { app };
    Ok((app, code))
}

fn print_report(report: &ImportReport, label: &str, options: ImportOptions<'_>) -> i32 {
    let blocked = !report.rejected.is_empty() && !options.skip_invalid;
    let lang = lang();
    if options.dry_run && !report.columns.is_empty() {
        let width = report.columns.iter().map(|(h, _)| super::table::width(h)).max().unwrap_or(0) + 2;
        let mut out = format!("{}\n", msg::CliImportColumns.text(lang));
        for (header, field) in &report.columns {
            let field = field.map_or_else(|| msg::CliImportLeftOut.text(lang), str::to_string);
            out.push_str(&format!("  {}{field}\n", crate::i18n::pad(header, width)));
        }
        print(&out);
    }
    if let Some(doubt) = &report.region_doubt {
        let args = msg::ImportRegionDoubt {
            misfits: doubt.misfits,
            national: doubt.national,
            region: doubt.region.as_str(),
            north: doubt.north_american,
            suggest: doubt.suggested().unwrap_or("none"),
        };
        super::warn(&args.text(lang));
    }
    let cards = if report.cards { "yes" } else { "no" };
    let counted = |n: usize| msg::CliImportRows { cards, count: n }.text(lang);
    if blocked {
        let args = msg::CliImportBlocked {
            rejected: counted(report.rejected.len()),
            label: printable(label, false).into_owned(),
            valid: counted(report.imported.len()),
        };
        eprintln!("{}", args.text(lang));
    }
    // One line per row, in the file's order, after the error line; cell
    // text is escaped, since the file may hold anything.
    let mut notes: Vec<(u64, String)> = Vec::new();
    notes.extend(report.duplicates.iter().map(|n| (n.line, n.message.clone())));
    notes.extend(report.warnings.iter().map(|n| (n.line, n.message.clone())));
    let rejected = |message: &str| msg::CliImportRejected { message }.text(lang);
    notes.extend(report.rejected.iter().map(|n| (n.line, rejected(&n.message))));
    notes.sort_by_key(|(line, _)| *line);
    for (line, message) in notes {
        say(&msg::CliImportLine { line, message }.text(lang));
    }
    if blocked {
        return 1;
    }
    let args = msg::CliImported {
        dry: if options.dry_run { "yes" } else { "no" },
        count: report.imported.len(),
        label,
        encoding: report.encoding.to_string(),
        duplicates: report.duplicates.len(),
        filled: report.filled,
        rejected: counted(report.rejected.len()),
    };
    done(&args.text(lang));
    if report.kept_in_notes > 0 {
        let args = msg::CliImportKeptInNotes {
            count: report.kept_in_notes,
            dry: if options.dry_run { "yes" } else { "no" },
        };
        done(&args.text(lang));
    }
    0
}
