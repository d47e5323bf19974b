//! `export --format csv`: the accounts as a spreadsheet reads them.

use crate::i18n::msg;
use std::path::PathBuf;

use super::args::CsvLayout;
use super::{CliError, CliResult, lang, print_raw, say};
use crate::app::{AccountRow, App};
use crate::domain::{Account, Competitors};

/// The columns, in order; English names like the JSON's, whatever the
/// interface's language, so that scripts and mappings do not change.
const COLUMNS: &[&str] = &[
    "id",
    "name",
    "company",
    "title",
    "phones",
    "email",
    "address",
    "tags",
    "source",
    "stage",
    "grade",
    "tier",
    "key_account",
    "abc",
    "value_class",
    "revenue_12m",
    "revenue_total",
    "potential",
    "last_touch",
    "birthday",
    "archived",
    "note",
    "competitors",
];

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, a tab
/// or a carriage return first) gets a leading apostrophe, which shows the
/// text as written instead (the OWASP advice for CSV injection).
pub fn formula_safe(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

fn row(account: &Account, row: &AccountRow, revenue_total: String, book: &Competitors) -> Vec<String> {
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    vec![
        account.id.to_string(),
        account.name.clone(),
        text(&account.company),
        text(&account.title),
        account.phones.join("; "),
        text(&account.email),
        text(&account.address),
        account.tags.join("; "),
        text(&account.source),
        row.stage.as_str().to_string(),
        row.grade.map(|g| g.to_string()).unwrap_or_default(),
        row.tier.map(|t| t.to_string()).unwrap_or_default(),
        row.marks.key_account.to_string(),
        row.marks.abc.map(|c| format!("{c:?}")).unwrap_or_default(),
        row.marks.value_class.map(|c| format!("{c:?}").to_uppercase()).unwrap_or_default(),
        row.revenue_12m.to_string(),
        revenue_total,
        row.potential.map(|p| p.to_string()).unwrap_or_default(),
        row.last_touch.map(|t| t.format("%Y-%m-%dT%H:%M:%S").to_string()).unwrap_or_default(),
        account.birthday.map(|b| b.to_string()).unwrap_or_default(),
        account.archived.as_ref().map(|a| a.reason.to_string()).unwrap_or_default(),
        text(&account.note),
        account
            .competitor_notes
            .iter()
            .filter_map(|n| n.competitor.and_then(|id| book.name_of(id)))
            .collect::<Vec<_>>()
            .join("; "),
    ]
}

/// The columns of Google Contacts' own CSV export that Leadline fills, in
/// its order; phones get a label and a value column each.
const GOOGLE_COLUMNS: &[&str] = &[
    "First Name",
    "Middle Name",
    "Last Name",
    "Organization Name",
    "Organization Title",
    "Birthday",
    "Notes",
    "Labels",
    "E-mail 1 - Label",
    "E-mail 1 - Value",
    "Address 1 - Label",
    "Address 1 - Formatted",
];

/// One account as a row of Google's layout; `phones` is how many phone
/// columns the file has.
fn google_row(account: &Account, phones: usize) -> Vec<String> {
    let (given, family) = account.given_and_family();
    let birthday = account.birthday.map(|b| match b.year {
        Some(_) => b.to_string(),
        None => format!("--{:02}-{:02}", b.month, b.day),
    });
    // Google puts each imported contact in "My Contacts" by this label.
    let labels: Vec<&str> = account.tags.iter().map(String::as_str).chain(["* myContacts"]).collect();
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    let mut cells = vec![
        formula_safe(&given),
        String::new(),
        formula_safe(&family),
        formula_safe(&text(&account.company)),
        formula_safe(&text(&account.title)),
        birthday.unwrap_or_default(),
        formula_safe(&text(&account.note)),
        formula_safe(&labels.join(" ::: ")),
        String::new(),
        formula_safe(&text(&account.email)),
        String::new(),
        formula_safe(&text(&account.address)),
    ];
    for at in 0..phones {
        cells.push(String::new());
        // A checked phone is digits and `+-(). ` alone: no formula can
        // hide in it, and Google must read `+86 ...` as it is.
        cells.push(account.phones.get(at).cloned().unwrap_or_default());
    }
    cells
}

/// What Excel and WPS need to read a CSV as UTF-8 rather than the
/// system's code page (GBK on a Chinese Windows), which garbles Chinese.
const UTF8_BOM: &[u8] = "\u{feff}".as_bytes();

pub fn export_csv(app: &App, output: Option<&PathBuf>, layout: CsvLayout, bom: bool) -> CliResult<i32> {
    let (accounts, unreadable) = app.accounts_for_export()?;
    super::commands::warn_unreadable(unreadable);
    let start = if bom { UTF8_BOM.to_vec() } else { Vec::new() };
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(start);
    let mut write = |cells: Vec<String>| writer.write_record(&cells).expect("a CSV row in memory");
    match layout {
        CsvLayout::Leadline => {
            write(COLUMNS.iter().map(|c| c.to_string()).collect());
            let book = app.competitors()?;
            for (record, account_row) in &accounts {
                let cells = row(&record.account, account_row, record.stats.revenue_total.to_string(), &book);
                write(cells.iter().map(|c| formula_safe(c)).collect());
            }
        }
        CsvLayout::Google => {
            let phones = accounts.iter().map(|(r, _)| r.account.phones.len()).max().unwrap_or(0).max(1);
            let mut header: Vec<String> = GOOGLE_COLUMNS.iter().map(|c| c.to_string()).collect();
            for n in 1..=phones {
                header.extend([format!("Phone {n} - Label"), format!("Phone {n} - Value")]);
            }
            write(header);
            for (record, _) in &accounts {
                write(google_row(&record.account, phones));
            }
        }
    }
    let bytes = writer.into_inner().expect("a CSV in memory");
    match output {
        Some(path) => {
            crate::files::write_output(path, &bytes)
                .map_err(|source| CliError::Write { path: path.clone(), source })?;
            let args = msg::CliWroteCsv { path: path.display().to_string(), count: accounts.len() };
            say(&args.text(lang()));
        }
        None => print_raw(&String::from_utf8_lossy(&bytes)),
    }
    Ok(0)
}

/// `export --format vdir -o DIR`: a file per open follow-up, named by its
/// UID; a file whose follow-up is no longer open is removed, and the
/// others in the directory are left alone.
pub fn export_vdir(app: &App, dir: Option<&PathBuf>, alarm: u32) -> CliResult<i32> {
    let Some(dir) = dir.filter(|dir| dir.as_os_str() != "-") else {
        return Err(crate::app::AppError::Invalid(msg::CliVdirNeedsDir.text(lang())).into());
    };
    if dir.exists() && !dir.is_dir() {
        let args = msg::CliVdirNotADir { path: dir.display().to_string() };
        return Err(crate::app::AppError::Invalid(args.text(lang())).into());
    }
    let write_error = |source| CliError::Write { path: dir.clone(), source };
    std::fs::create_dir_all(dir).map_err(write_error)?;
    let reminder = crate::app::Reminder { minutes: (alarm > 0).then_some(alarm), ..Default::default() };
    let files = app.follow_up_files(reminder)?;
    let (mut added, mut changed, mut removed) = (0, 0, 0);
    for (name, text) in &files {
        let path = dir.join(name);
        match std::fs::read_to_string(&path) {
            Ok(old) if old == *text => continue,
            Ok(_) => changed += 1,
            Err(_) => added += 1,
        }
        crate::files::write_atomically(&path, text.as_bytes())
            .map_err(|source| CliError::Write { path: path.clone(), source })?;
    }
    let wanted: std::collections::HashSet<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    for entry in std::fs::read_dir(dir).map_err(write_error)? {
        let entry = entry.map_err(write_error)?;
        let name = entry.file_name().to_string_lossy().to_string();
        if crate::app::calendar::is_follow_up_file(&name) && !wanted.contains(name.as_str()) {
            std::fs::remove_file(entry.path())
                .map_err(|source| CliError::Write { path: entry.path(), source })?;
            removed += 1;
        }
    }
    let args =
        msg::CliWroteVdir { dir: dir.display().to_string(), count: files.len(), added, changed, removed };
    say(&args.text(lang()));
    Ok(0)
}

/// `export --format vcf`: every account as a vCard 4.0, archived ones
/// too, in list order.
pub fn export_vcf(app: &App, output: Option<&PathBuf>) -> CliResult<i32> {
    let (accounts, unreadable) = app.accounts_for_export()?;
    super::commands::warn_unreadable(unreadable);
    let text = crate::app::vcard_export::vcards(accounts.iter().map(|(record, _)| &record.account));
    match output {
        Some(path) => {
            crate::files::write_output(path, text.as_bytes())
                .map_err(|source| CliError::Write { path: path.clone(), source })?;
            let args = msg::CliWroteCsv { path: path.display().to_string(), count: accounts.len() };
            say(&args.text(lang()));
        }
        None => print_raw(&text),
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_a_spreadsheet_would_run_are_neutralized() {
        for cell in ["=SUM(A1)", "+86 138", "-5", "@cmd", "\tx", "\rx"] {
            assert_eq!(formula_safe(cell), format!("'{cell}"));
        }
        for cell in ["张伟", "138 0000 1111", "", "a=b"] {
            assert_eq!(formula_safe(cell), cell);
        }
    }
}
