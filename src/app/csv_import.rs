//! Contacts from CSV files as phones, Outlook, Google, Thunderbird and
//! spreadsheets write them: any of several encodings, comma, semicolon or
//! tab separated, English, Chinese or German headers.

use std::collections::HashMap;

use encoding_rs::{Encoding, GB18030, SHIFT_JIS, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::{AccountInput, App, AppError, AppResult};
use crate::domain::contact::{
    ContactError, MAX_PHONES, TextField, check_email, check_name, check_phone, check_tags, clean_text,
    email_key, phone_key,
};
use crate::domain::{Account, AccountId, AccountStats, Grade};
use crate::store::AccountRecord;

/// What a column of the file (or a vCard property) holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Field {
    Name,
    First,
    Middle,
    Last,
    Company,
    Title,
    /// A number that reaches the person (mobile, home, or unspecified).
    Phone,
    /// A number shared with others (office, switchboard, assistant): kept,
    /// but not taken as proof that two rows are the same person.
    SharedPhone,
    Email,
    Grade,
    Tags,
    Note,
    Source,
    Address,
}

/// Lowercase, without spaces and punctuation: `E-mail 1 - Value` → `email1value`.
fn normalize_header(header: &str) -> String {
    header
        .trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| !c.is_whitespace() && !"-_.:/()#".contains(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

fn field_of(header: &str) -> Option<Field> {
    use Field::*;
    let h = normalize_header(header);
    let exact = match h.as_str() {
        "name" | "fullname" | "displayname" | "姓名" | "名字" | "联系人" | "客户" | "客户名称"
        | "客户姓名" | "anzeigename" => Some(Name),
        "firstname" | "givenname" | "vorname" | "名" => Some(First),
        "middlename" | "additionalname" | "weiterevornamen" => Some(Middle),
        "lastname" | "familyname" | "surname" | "nachname" | "姓" => Some(Last),
        "company" | "companyname" | "公司" | "公司名称" | "单位" | "企业" | "organization"
        | "organisation" | "organization1name" | "firma" => Some(Company),
        "jobtitle" | "position" | "职位" | "职务" | "organization1title" | "arbeitstitel" => Some(Title),
        "grade" | "等级" | "级别" | "客户等级" => Some(Grade),
        "tags" | "tag" | "标签" | "categories" | "category" | "kategorien" | "分类" => Some(Tags),
        "note" | "notes" | "备注" | "notizen" | "说明" | "comment" | "comments" => Some(Note),
        "source" | "来源" | "客户来源" => Some(Source),
        "address" | "地址" | "adresse" => Some(Address),
        "phone" | "telephone" | "tel" | "电话" | "手机" | "手机号" | "手机号码" | "联系电话" | "电话号码"
        | "mobile" | "cell" => Some(Phone),
        "email" | "邮箱" | "电子邮件" | "邮件" | "电子邮箱" => Some(Email),
        _ => None,
    };
    if exact.is_some() {
        return exact;
    }
    let label_column = ["type", "label", "displayname", "anzeige"].iter().any(|w| h.contains(w));
    if label_column || h.contains("fax") {
        return None;
    }
    let phone_like = ["phone", "telefon", "mobil", "handy", "手机", "电话"].iter().any(|w| h.contains(w))
        || h.starts_with("tel");
    if phone_like {
        let shared = [
            "business",
            "company",
            "work",
            "office",
            "main",
            "assistant",
            "other",
            "callback",
            "car",
            "radio",
            "pager",
            "dienst",
            "geschäft",
            "firma",
            "办公",
            "公司",
            "单位",
        ]
        .iter()
        .any(|w| h.contains(w));
        return Some(if shared { SharedPhone } else { Phone });
    }
    if h.contains("email") || h.contains("mail") || h.contains("邮箱") {
        return Some(Email);
    }
    None
}

/// Decodes the file's bytes: a BOM decides; else UTF-16 by its zero bytes;
/// else UTF-8 if valid; else the legacy encoding whose reading looks most
/// like text (GB18030, Shift_JIS, Windows-1252).
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> (String, &'static str) {
    if let Some(encoding) = forced {
        let (text, _) = encoding.decode_with_bom_removal(bytes);
        return (text.into_owned(), encoding.name());
    }
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return (text.into_owned(), encoding.name());
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        return (text.into_owned(), encoding.name());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => return (text.to_string(), UTF_8.name()),
        // Only the last character is cut (a file truncated mid-character):
        // still UTF-8, with that character lost.
        Err(error) if error.error_len().is_none() && error.valid_up_to() > 0 => {
            return (String::from_utf8_lossy(bytes).into_owned(), UTF_8.name());
        }
        Err(_) => {}
    }
    let best = [GB18030, SHIFT_JIS, WINDOWS_1252]
        .into_iter()
        .filter_map(|encoding| {
            let text = encoding.decode_without_bom_handling_and_without_replacement(bytes)?;
            Some((plausibility(&text), encoding, text.into_owned()))
        })
        .max_by_key(|(score, _, _)| *score);
    match best {
        Some((_, encoding, text)) => (text, encoding.name()),
        None => (WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(), WINDOWS_1252.name()),
    }
}

pub(super) fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(512) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_zeros = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_zeros = sample.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    if even_zeros * 10 > pairs * 3 && odd_zeros * 10 < pairs {
        Some(UTF_16BE)
    } else if odd_zeros * 10 > pairs * 3 && even_zeros * 10 < pairs {
        Some(UTF_16LE)
    } else {
        None
    }
}

/// How much a decoding looks like contact data. A wrong decoding shows as
/// Han characters inside Latin words (an umlaut read as GBK) or as runs of
/// accented Latin letters with no plain letter beside them (GBK read as
/// Windows-1252).
fn plausibility(text: &str) -> i64 {
    let chars: Vec<char> = text.chars().collect();
    let is_han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let latin = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphabetic());
    let mut score = 0i64;
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|j| chars.get(j));
        let after = chars.get(i + 1);
        score += match c {
            c if c.is_ascii() => 0,
            '\u{3040}'..='\u{30ff}' => 3, // kana
            c if is_han(c) && latin(before) && latin(after) => -6,
            c if is_han(c) => 2,
            '\u{c0}'..='\u{17f}' if latin(before) || latin(after) => 2,
            '\u{80}'..='\u{9f}' | '\u{e000}'..='\u{f8ff}' => -8,
            _ => -2,
        };
    }
    score
}

fn sniff_delimiter(text: &str) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for c in text.chars() {
        if !quoted && (c == '\n' || c == '\r') {
            break;
        }
        if c == '"' {
            quoted = !quoted;
        } else if !quoted {
            for (delimiter, count) in counts.iter_mut() {
                if c as u32 == u32::from(*delimiter) {
                    *count += 1;
                }
            }
        }
    }
    counts.iter().max_by_key(|(_, count)| *count).filter(|(_, c)| *c > 0).map_or(b',', |(d, _)| *d)
}

/// Turns the byte offsets of records into line numbers, counting line
/// breaks only once however many records there are (records come in
/// order).
struct LineNumbers<'a> {
    text: &'a [u8],
    counted_to: usize,
    breaks: u64,
}

impl<'a> LineNumbers<'a> {
    fn new(text: &'a str) -> LineNumbers<'a> {
        LineNumbers { text: text.as_bytes(), counted_to: 0, breaks: 0 }
    }

    /// The 1-based line of the first character of the record starting at
    /// `byte` (the csv crate counts a CRLF's line one too early).
    fn line_at(&mut self, byte: u64) -> u64 {
        let mut start = usize::try_from(byte).unwrap_or(usize::MAX).min(self.text.len());
        while start < self.text.len() && matches!(self.text[start], b'\r' | b'\n') {
            start += 1;
        }
        if start < self.counted_to {
            self.counted_to = 0;
            self.breaks = 0;
        }
        self.breaks += memchr::memchr_iter(b'\n', &self.text[self.counted_to..start]).count() as u64;
        self.counted_to = start;
        1 + self.breaks
    }
}

/// Quoted fields that do not close where they should, each with the line
/// its quote opens on and what is wrong: a quote that never closes, or a
/// quoted field whose inner lines hold as many delimiters as a row does (a
/// stray quote that swallowed the rows after it). A note that spans lines
/// is fine.
fn unbalanced_quotes(text: &str, delimiter: u8, columns: usize) -> Vec<(u64, String)> {
    let bytes = text.as_bytes();
    let mut problems = Vec::new();
    let mut line = 1u64;
    let mut at_field_start = true;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' if at_field_start => {
                let open_line = line;
                let (mut closed, mut row_like, mut delimiters) = (false, 0u64, 0usize);
                i += 1;
                while i < bytes.len() {
                    match bytes[i] {
                        b'"' if bytes.get(i + 1) == Some(&b'"') => i += 1,
                        b'"' => {
                            closed = true;
                            break;
                        }
                        b'\n' => {
                            line += 1;
                            delimiters = 0;
                        }
                        byte if byte == delimiter => {
                            delimiters += 1;
                            if columns > 1 && delimiters + 1 == columns && line > open_line {
                                row_like += 1;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                if !closed {
                    problems
                        .push((open_line, format!("the quote that opens on line {open_line} never closes")));
                } else if row_like > 0 {
                    problems.push((
                        open_line,
                        format!(
                            "the quoted value that opens on line {open_line} runs to line {line} over {row_like} lines that look like rows: a quote is missing or one too many"
                        ),
                    ));
                }
                at_field_start = false;
            }
            b'\n' => {
                line += 1;
                at_field_start = true;
            }
            b'\r' => {}
            byte => at_field_start = byte == delimiter,
        }
        i += 1;
    }
    problems
}

/// Google joins several values in one cell with ` ::: `.
fn split_values(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(" ::: ").map(str::trim).filter(|v| !v.is_empty())
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowNote {
    pub line: u64,
    pub message: String,
}

#[derive(Clone, Debug, Default)]
pub struct CsvReport {
    pub encoding: &'static str,
    pub rows: usize,
    pub imported: Vec<(u64, String)>,
    pub duplicates: Vec<RowNote>,
    /// Rows imported with a value moved into the note.
    pub warnings: Vec<RowNote>,
    pub rejected: Vec<RowNote>,
    pub unused_columns: Vec<String>,
    pub committed: bool,
    /// The contacts were vCards, not rows.
    pub cards: bool,
}

#[derive(Clone, Copy, Debug, Default)]
pub struct CsvOptions {
    pub dry_run: bool,
    /// Import the valid rows even when some are rejected.
    pub skip_invalid: bool,
    pub encoding: Option<&'static Encoding>,
}

struct Row {
    line: u64,
    account: Account,
}

/// A row turned into an account, with what it took to get there.
pub(super) struct ParsedRow {
    input: AccountInput,
    /// Numbers that identify the person, for duplicate detection.
    personal_phones: Vec<String>,
    /// Phones and emails that are not valid ones and went into the note.
    warnings: Vec<String>,
}

fn parse_row(columns: &[Option<Field>], cells: &csv::StringRecord) -> Result<Option<ParsedRow>, String> {
    let mut values: HashMap<Field, Vec<String>> = HashMap::new();
    for (field, cell) in columns.iter().zip(cells.iter()) {
        if let Some(field) = field {
            let cell = cell.trim();
            if !cell.is_empty() {
                values.entry(*field).or_default().push(cell.to_string());
            }
        }
    }
    contact_from(&values)
}

/// A contact from the values found for each field (several per field: the
/// first name, company, title or address counts; every phone and email).
/// None when there are no values at all.
pub(super) fn contact_from(values: &HashMap<Field, Vec<String>>) -> Result<Option<ParsedRow>, String> {
    if values.is_empty() {
        return Ok(None);
    }
    let longest = TextField::ALL.iter().map(|f| f.max_chars()).max().unwrap_or(0);
    if values.values().flatten().any(|value| value.chars().nth(longest * 2).is_some()) {
        return Err(format!("a value is longer than any field holds ({longest} characters at most)"));
    }
    let first = |field| values.get(&field).and_then(|v| v.first()).map(|s| clean_text(s)).unwrap_or_default();
    let mut name = first(Field::Name);
    if name.is_empty() {
        let (given, middle, family) = (first(Field::First), first(Field::Middle), first(Field::Last));
        let cjk = format!("{family}{given}").chars().any(|c| ('\u{2e80}'..='\u{9fff}').contains(&c));
        name = if cjk {
            format!("{family}{given}")
        } else {
            [given, middle, family].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ")
        };
    }
    let company = first(Field::Company);
    if name.is_empty() {
        name = company.clone();
    }
    if name.is_empty() {
        return Err("no name or company".into());
    }
    let name = check_name(&name).map_err(|e| e.to_string())?;
    let all = |field| -> Vec<String> {
        values
            .get(&field)
            .into_iter()
            .flatten()
            .flat_map(|cell| split_values(cell))
            .map(str::to_string)
            .collect()
    };
    let mut warnings = Vec::new();
    let mut note_lines: Vec<String> = all(Field::Note);
    let mut phones: Vec<String> = Vec::new();
    let mut personal_phones = Vec::new();
    for (field, personal) in [(Field::Phone, true), (Field::SharedPhone, false)] {
        for raw in all(field) {
            if phones.len() > MAX_PHONES {
                return Err(ContactError::TooManyPhones.to_string());
            }
            match check_phone(&raw) {
                Ok(phone) if !phones.contains(&phone) => {
                    if personal {
                        personal_phones.push(phone.clone());
                    }
                    phones.push(phone);
                }
                Ok(_) => {}
                Err(_) => {
                    warnings.push(format!("phone '{raw}'"));
                    note_lines.push(format!("phone: {raw}"));
                }
            }
        }
    }
    let mut email = None;
    for raw in all(Field::Email) {
        match check_email(&raw) {
            Ok(valid) if email.is_none() => email = Some(valid),
            Ok(other) => note_lines.push(format!("email: {other}")),
            Err(_) => {
                warnings.push(format!("email '{raw}'"));
                note_lines.push(format!("email: {raw}"));
            }
        }
    }
    let grade = match values.get(&Field::Grade).and_then(|v| v.first()) {
        Some(text) => Some(text.parse::<Grade>().map_err(|e| e.to_string())?),
        None => None,
    };
    let tag_words: Vec<String> = all(Field::Tags)
        .iter()
        .flat_map(|cell| cell.split([',', ';', '，', '、', '；']))
        .map(|t| t.trim().trim_start_matches('*').trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    let tags = check_tags(tag_words.iter().map(String::as_str)).map_err(|e| e.to_string())?;
    let text = |value: String| Some(value).filter(|v| !v.is_empty());
    let input = AccountInput {
        name: Some(name),
        company: text(company),
        title: text(first(Field::Title)),
        phones: Some(phones),
        email,
        address: text(first(Field::Address)),
        tags: Some(tags),
        source: text(first(Field::Source)),
        note: text(note_lines.join("\n")),
        competitors: None,
        potential: None,
        grade,
        tier: None,
    };
    Ok(Some(ParsedRow { input, personal_phones, warnings }))
}

impl App {
    pub fn import_csv(&self, bytes: &[u8], label: &str, options: CsvOptions) -> AppResult<CsvReport> {
        let (text, encoding) = decode(bytes, options.encoding);
        let delimiter = sniff_delimiter(&text);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(true)
            .from_reader(text.as_bytes());
        let headers = reader.headers().map_err(|e| AppError::Invalid(format!("{label}: {e}")))?.clone();
        let columns: Vec<Option<Field>> = headers.iter().map(field_of).collect();
        let names_something =
            |f: &Option<Field>| matches!(f, Some(Field::Name | Field::First | Field::Last | Field::Company));
        if !columns.iter().any(names_something) {
            let shown: Vec<&str> = headers.iter().take(8).collect();
            return Err(AppError::Invalid(format!(
                "{label}: no name or company column (headers: {})",
                shown.join(", ")
            )));
        }
        let mut report = CsvReport { encoding, ..CsvReport::default() };
        report.unused_columns = headers
            .iter()
            .zip(&columns)
            .filter(|(h, f)| f.is_none() && !h.trim().is_empty())
            .map(|(h, _)| h.to_string())
            .collect();

        let mut lines = LineNumbers::new(&text);
        let mut parsed = Vec::new();
        for result in reader.records() {
            match result {
                Ok(cells) => {
                    let line = cells.position().map_or(0, |p| lines.line_at(p.byte()));
                    parsed.push((line, parse_row(&columns, &cells)));
                }
                Err(error) => {
                    let line = error.position().map_or(0, |p| lines.line_at(p.byte()));
                    parsed.push((line, Err(error.to_string())));
                }
            }
        }
        for (open_line, message) in unbalanced_quotes(&text, delimiter, headers.len()) {
            // The record the stray quote swallowed rows into.
            let at = parsed.partition_point(|(line, _)| *line <= open_line);
            if let Some((_, result)) = at.checked_sub(1).and_then(|i| parsed.get_mut(i)) {
                *result = Err(message);
            }
        }
        self.import_contacts(parsed, report, label, options)
    }

    /// Adds contacts, each with the line it starts on: rejects what could not
    /// be read, skips duplicates (of the book or of an earlier contact) by
    /// phone or email, and saves the rest in one change unless this is a dry
    /// run or something was rejected without `skip_invalid`.
    pub(super) fn import_contacts(
        &self,
        parsed: Vec<(u64, Result<Option<ParsedRow>, String>)>,
        mut report: CsvReport,
        label: &str,
        options: CsvOptions,
    ) -> AppResult<CsvReport> {
        let mut seen_phones: HashMap<String, String> = HashMap::new();
        let mut seen_emails: HashMap<String, String> = HashMap::new();
        for record in self.store.accounts()?.items {
            let who = format!("{} (#{})", record.account.name, record.account.id);
            for phone in &record.account.phones {
                seen_phones.insert(phone_key(phone), who.clone());
            }
            if let Some(email) = &record.account.email {
                seen_emails.insert(email_key(email), who.clone());
            }
        }

        let now = self.now();
        let mut rows: Vec<Row> = Vec::new();
        for (line, contact) in parsed {
            let ParsedRow { input, personal_phones, warnings } = match contact {
                Ok(Some(parsed)) => parsed,
                Ok(None) => continue,
                Err(message) => {
                    report.rejected.push(RowNote { line, message });
                    continue;
                }
            };
            report.rows += 1;
            let mut account = Account::prospect(input.grade.unwrap_or(Grade::C), now);
            if let Err(error) = input.apply_to(&mut account) {
                report.rejected.push(RowNote { line, message: error.to_string() });
                continue;
            }
            let name = account.name.clone();
            let who = format!("{name} (line {line})");
            let duplicate = personal_phones
                .iter()
                .find_map(|p| seen_phones.get(&phone_key(p)).map(|other| format!("same phone as {other}")))
                .or_else(|| {
                    let email = account.email.as_deref()?;
                    seen_emails.get(&email_key(email)).map(|other| format!("same email as {other}"))
                });
            if let Some(message) = duplicate {
                report.duplicates.push(RowNote { line, message: format!("skipped {name}: {message}") });
                continue;
            }
            for phone in &personal_phones {
                seen_phones.insert(phone_key(phone), who.clone());
            }
            if !warnings.is_empty() {
                let message = format!(
                    "{name}: kept in the note, not a valid number or address: {}",
                    warnings.join(", ")
                );
                report.warnings.push(RowNote { line, message });
            }
            if let Some(email) = &account.email {
                seen_emails.insert(email_key(email), who);
            }
            rows.push(Row { line, account });
        }
        report.rejected.sort_by_key(|r| r.line);
        report.imported = rows.iter().map(|r| (r.line, r.account.name.clone())).collect();
        let blocked = !report.rejected.is_empty() && !options.skip_invalid;
        if options.dry_run || blocked || rows.is_empty() {
            return Ok(report);
        }
        let mut txn = self.store.begin();
        for row in rows {
            let mut account = row.account;
            account.id = AccountId(txn.next_id("account")?);
            txn.put_account(&AccountRecord { account, stats: AccountStats::default() })?;
        }
        txn.commit(format!("import {} accounts from {label}", report.imported.len()), now)?;
        report.committed = true;
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_map_in_three_languages() {
        assert_eq!(field_of("姓名"), Some(Field::Name));
        assert_eq!(field_of("手机"), Some(Field::Phone));
        assert_eq!(field_of("E-mail 1 - Value"), Some(Field::Email));
        assert_eq!(field_of("E-mail 1 - Type"), None);
        assert_eq!(field_of("Phone 2 - Value"), Some(Field::Phone));
        assert_eq!(field_of("Business Fax"), None);
        assert_eq!(field_of("Mobiltelefon"), Some(Field::Phone));
        assert_eq!(field_of("E-mail Display Name"), None);
        assert_eq!(field_of("\u{feff}Name"), Some(Field::Name));
        assert_eq!(field_of("Title"), None, "Outlook's Title is Mr./Dr.");
        assert_eq!(field_of("Job Title"), Some(Field::Title));
    }

    #[test]
    fn legacy_encodings_are_told_apart() {
        let (text, encoding) = decode(&WINDOWS_1252.encode("Name,Ort\nAnna,Thüringen Straße\n").0, None);
        assert_eq!(encoding, "windows-1252");
        assert!(text.contains("Thüringen Straße"));
        let (text, encoding) = decode(&GB18030.encode("姓名,公司\n张伟,绿源农资有限公司\n").0, None);
        assert_eq!(encoding, "gb18030");
        assert!(text.contains("绿源农资"));
        let (text, encoding) = decode(&SHIFT_JIS.encode("名前\n名無しの権兵衛\n").0, None);
        assert_eq!(encoding, "Shift_JIS");
        assert!(text.contains("名無しの権兵衛"));
        let utf16: Vec<u8> = "Name\nAnna\n".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(decode(&utf16, None).1, "UTF-16LE");
    }

    #[test]
    fn a_utf8_file_cut_inside_its_last_character_is_still_utf8() {
        let mut bytes = "姓名,公司\n张伟,绿源农资\n".as_bytes().to_vec();
        bytes.truncate(bytes.len() - 2); // inside 资
        let (text, encoding) = decode(&bytes, None);
        assert_eq!(encoding, "UTF-8");
        assert!(text.contains("张伟,绿源农"), "{text}");
    }

    #[test]
    fn stray_quotes_are_found_and_notes_over_lines_are_not() {
        let open = "Name,Phone\n\"Zhang,138\nLi,139\nWang,140\n";
        assert_eq!(
            unbalanced_quotes(open, b',', 2),
            [(2, "the quote that opens on line 2 never closes".into())]
        );
        let swallowed = "Name,Phone,Note\nZhang,138,\"said \"\"hi\"\" ok\nLi,139,x\nWang,\"140\",y\n";
        let found = unbalanced_quotes(swallowed, b',', 3);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].1.starts_with("the quoted value that opens on line 2 runs to line 4"), "{found:?}");
        let note = "Name,Phone,Note\nZhang,138,\"line one\nline two, with a comma\"\nLi,139,x\n";
        assert!(unbalanced_quotes(note, b',', 3).is_empty());
        assert!(unbalanced_quotes("Name\n\"a \"\"b\"\"\"\n", b',', 1).is_empty());
    }

    #[test]
    fn delimiter_is_sniffed_outside_quotes() {
        assert_eq!(sniff_delimiter("Vorname;Nachname;\"a,b\"\n"), b';');
        assert_eq!(sniff_delimiter("a,b,c\n"), b',');
        assert_eq!(sniff_delimiter("a\tb\n"), b'\t');
        assert_eq!(sniff_delimiter("name\n"), b',');
    }
}
