//! Contacts from CSV files as phones, Outlook, Google, Thunderbird and
//! spreadsheets write them: any of several encodings, comma, semicolon or
//! tab separated, English, Chinese or German headers.

use std::collections::HashMap;

use super::contacts::{
    Contacts, Field, ImportOptions, ImportReport, MapError, ParsedRow, RowError, contact_from,
};
use super::encoding::decode_owned;
use super::{App, AppError, AppResult};

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
    // Pipedrive names each column by its object: "Person - Name",
    // "Person - Organization", "Organization - Name".
    if let Some((object, rest)) = header.trim_start_matches('\u{feff}').split_once(" - ") {
        let dated = |rest: &str| {
            matches!(rest, "nextactivitydate" | "lastactivitydate").then(|| field_of(rest)).flatten()
        };
        match (normalize_header(object).as_str(), normalize_header(rest).as_str()) {
            ("person", "label") | ("organization", "label") => return Some(Tags),
            ("person", _) => return field_of(rest),
            ("organization", "name") | ("deal", "organization") => return Some(Company),
            ("organization", "address") => return Some(Address),
            ("deal", "contactperson") => return Some(Name),
            ("deal", "title") => return Some(Note),
            ("deal", "value") => return Some(Potential),
            ("deal", "stage") | ("deal", "status") => return Some(Stage),
            ("activity", "duedate") => return Some(FollowUp),
            ("organization" | "deal", rest) => return dated(rest),
            ("activity", _) | ("lead", _) => return None,
            _ => {}
        }
    }
    let h = normalize_header(header);
    let exact = match h.as_str() {
        "name" | "fullname" | "displayname" | "姓名" | "名字" | "联系人" | "客户" | "客户名称"
        | "客户姓名" | "anzeigename" => Some(Name),
        "firstname" | "givenname" | "vorname" | "名" => Some(First),
        "middlename" | "additionalname" | "weiterevornamen" => Some(Middle),
        "lastname" | "familyname" | "surname" | "nachname" | "姓" => Some(Last),
        "company" | "companyname" | "公司" | "公司名称" | "单位" | "企业" | "organization"
        | "organisation" | "organization1name" | "organizationname" | "firma" | "associatedcompany" => {
            Some(Company)
        }
        "jobtitle" | "position" | "职位" | "职务" | "organization1title" | "organizationtitle"
        | "arbeitstitel" => Some(Title),
        "grade" | "等级" | "级别" | "客户等级" => Some(Grade),
        "tags" | "tag" | "标签" | "categories" | "category" | "kategorien" | "分类" | "labels"
        | "groupmembership" => Some(Tags),
        "note" | "notes" | "备注" | "notizen" | "说明" | "comment" | "comments" => Some(Note),
        "source" | "来源" | "客户来源" => Some(Source),
        "competitors" | "competitor" | "竞争对手" => Some(Competitors),
        "address" | "地址" | "adresse" | "address1formatted" => Some(Address),
        "birthday" | "birthdate" | "dateofbirth" | "生日" | "出生日期" | "geburtstag" => Some(Birthday),
        "birthyear" | "geburtsjahr" => Some(BirthYear),
        "birthmonth" | "geburtsmonat" => Some(BirthMonth),
        "anniversary" | "jahrestag" | "纪念日" => Some(Anniversary),
        "potential" | "amount" | "dealvalue" | "dealamount" | "预计金额" | "潜在金额" | "金额" => {
            Some(Potential)
        }
        "lifecyclestage" | "stage" | "dealstage" | "阶段" | "客户阶段" | "销售阶段" => Some(Stage),
        "nextactivitydate" | "nextfollowup" | "followup" | "下次跟进" | "下次联系" | "跟进日期" => {
            Some(FollowUp)
        }
        "lastactivitydate" | "lastcontacted" | "lastcontact" | "lasttouch" | "上次联系" | "最后联系"
        | "最近联系" => Some(LastTouch),
        "phone" | "telephone" | "tel" | "电话" | "手机" | "手机号" | "手机号码" | "联系电话" | "电话号码"
        | "mobile" | "cell" => Some(Phone),
        "email" | "邮箱" | "电子邮件" | "邮件" | "电子邮箱" => Some(Email),
        _ => None,
    };
    if exact.is_some() {
        return exact;
    }
    if let Some((group, part)) = address_part(&h) {
        return Some(AddressPart(group, part));
    }
    let label_column = ["type", "label", "displayname", "anzeige"].iter().any(|w| h.contains(w));
    // Google's "Phonetic First Name" is how a name sounds, not a number.
    if label_column || h.contains("fax") || h.contains("phonetic") {
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

/// A column of one part of an address: `Business City`, `Home Street 2`,
/// `Address 1 - Postal Code`, `Straße (privat)`, HubSpot's `State/Region`.
/// Work addresses come first (a rep writes to the business), then home,
/// then other; Google numbers its own. Read from the normalised header.
fn address_part(header: &str) -> Option<(u8, super::contacts::AddressPart)> {
    use super::contacts::AddressPart as P;
    let numbered = header.strip_prefix("address").and_then(|rest| {
        let digit = rest.chars().next()?.to_digit(10)?;
        Some((u8::try_from(digit.checked_sub(1)?).ok()?, &rest[1..]))
    });
    let (group, rest) = numbered.unwrap_or_else(|| {
        let groups: [(&[&str], u8); 3] = [
            (&["business", "work", "dienstlich", "geschäftlich", "office"], 0),
            (&["home", "privat"], 1),
            (&["other", "weitere", "weiterer"], 2),
        ];
        groups
            .iter()
            .find_map(|(words, group)| {
                words.iter().find_map(|word| {
                    let rest = header.strip_prefix(word).or_else(|| header.strip_suffix(word))?;
                    Some((*group, rest))
                })
            })
            .unwrap_or((0, header))
    });
    let part = match rest {
        "street" | "streetaddress" | "straße" | "strasse" | "address1" | "adresse1" | "街道" => P::Street,
        "street2" | "street3" | "address2" | "adresse2" | "extendedaddress" => P::MoreStreet,
        "address" | "adresse" => P::Whole,
        "city" | "town" | "ort" | "城市" | "市" => P::City,
        "state" | "region" | "stateregion" | "province" | "bundesland" | "省" | "省份" => P::State,
        "postalcode" | "zip" | "zipcode" | "postcode" | "plz" | "postleitzahl" | "邮编" | "邮政编码" => {
            P::Postal
        }
        "country" | "countryregion" | "land" | "landregion" | "国家" => P::Country,
        _ => return None,
    };
    Some((group, part))
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
        // A line ends at LF, or at a CR not followed by LF (old Macs).
        let text = self.text;
        self.breaks += memchr::memchr2_iter(b'\n', b'\r', &text[self.counted_to..start])
            .filter(|at| {
                text[self.counted_to + at] == b'\n' || text.get(self.counted_to + at + 1) != Some(&b'\n')
            })
            .count() as u64;
        self.counted_to = start;
        1 + self.breaks
    }
}

/// Quoted fields that do not close where they should, each with the line
/// its quote opens on and what is wrong: a quote that never closes, or a
/// quoted field whose inner lines hold as many delimiters as a row does (a
/// stray quote that swallowed the rows after it). A note that spans lines
/// is fine.
fn unbalanced_quotes(text: &str, delimiter: u8, columns: usize) -> Vec<(u64, QuoteProblem)> {
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
                        b'\r' if bytes.get(i + 1) != Some(&b'\n') => {
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
                    problems.push((open_line, QuoteProblem::NeverCloses { open: open_line }));
                } else if row_like > 0 {
                    problems.push((
                        open_line,
                        QuoteProblem::RunsOver { open: open_line, to: line, rows: row_like },
                    ));
                }
                at_field_start = false;
            }
            b'\n' => {
                line += 1;
                at_field_start = true;
            }
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => {
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

/// The columns of `leadline export --format csv` that tell it from other
/// files (normalised): a file with all of them is Leadline's own.
const OWN_COLUMNS: [&str; 6] = ["id", "phones", "keyaccount", "valueclass", "revenue12m", "revenuetotal"];

/// Beside a birth year or month column (Thunderbird's `Birth Year`, `Birth
/// Month`, `Birth Day`; `Geburtsjahr`, `Geburtsmonat`, `Geburtstag`), the
/// birthday column is the day of the month.
fn birthday_as_day_of_month(columns: &mut [Option<Field>]) {
    if columns.iter().any(|c| matches!(c, Some(Field::BirthYear | Field::BirthMonth))) {
        for column in columns.iter_mut().filter(|c| **c == Some(Field::Birthday)) {
            *column = Some(Field::BirthDayOfMonth);
        }
    }
}

/// For each column of phone numbers that Google pairs with a label column
/// (`Phone 3 - Value` with `Phone 3 - Type` or `- Label`), that column.
fn phone_labels(headers: &csv::StringRecord, columns: &[Option<Field>]) -> Vec<Option<usize>> {
    let normalised: Vec<String> = headers.iter().map(normalize_header).collect();
    normalised
        .iter()
        .zip(columns)
        .map(|(header, field)| {
            let phone = matches!(field, Some(Field::Phone | Field::SharedPhone));
            let stem = header.strip_suffix("value").filter(|_| phone)?;
            ["type", "label"].iter().find_map(|word| {
                let label = format!("{stem}{word}");
                normalised.iter().position(|h| *h == label)
            })
        })
        .collect()
}

/// A number labelled as a fax or a pager reaches no one on a call.
fn labelled_undialable(label: &str) -> bool {
    let label = label.to_lowercase();
    ["fax", "pager", "传真"].iter().any(|word| label.contains(word))
}

/// Whether the headers are those of Leadline's own CSV export.
fn is_own_layout(headers: &csv::StringRecord) -> bool {
    let normalised: Vec<String> = headers.iter().map(normalize_header).collect();
    OWN_COLUMNS.iter().all(|own| normalised.iter().any(|h| h == own))
}

/// A column of Leadline's own CSV: its own names, which other tools use
/// otherwise (Outlook's `Title` is Mr./Dr.; here it is the job title).
fn own_field(header: &str) -> Option<Field> {
    match normalize_header(header).as_str() {
        "title" => Some(Field::Title),
        "phones" => Some(Field::Phone),
        "tier" => Some(Field::Tier),
        "archived" => Some(Field::Archived),
        _ => field_of(header),
    }
}

/// A cell as the export wrote it before it guarded a formula: the
/// apostrophe it put before `=`, `+`, `-`, `@`, a tab or a carriage return.
fn unguarded(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

fn parse_row(
    columns: &[Option<Field>],
    labels: &[Option<usize>],
    cells: &csv::StringRecord,
    own: bool,
) -> Result<Option<ParsedRow>, RowError> {
    let mut values: HashMap<Field, Vec<String>> = HashMap::new();
    for ((field, cell), label) in columns.iter().zip(cells.iter()).zip(labels) {
        if label.and_then(|at| cells.get(at)).is_some_and(labelled_undialable) {
            continue;
        }
        if let Some(field) = field {
            let cell = if own { unguarded(cell.trim()) } else { cell.trim() };
            // Leadline's own export joins an account's phones with "; ".
            let parts: Vec<&str> = match (own, field) {
                (true, Field::Phone) => cell.split(';').map(|p| unguarded(p.trim())).collect(),
                _ => vec![cell],
            };
            for part in parts.into_iter().filter(|p| !p.is_empty()) {
                values.entry(*field).or_default().push(part.to_string());
            }
        }
    }
    contact_from(&values)
}

impl App {
    pub fn import_csv(
        &self,
        bytes: Vec<u8>,
        label: &str,
        options: ImportOptions<'_>,
    ) -> AppResult<ImportReport> {
        let detected = self.check_encoding(&bytes, label, options.encoding)?;
        let (text, encoding) = decode_owned(bytes, options.encoding.or(detected));
        let delimiter = sniff_delimiter(&text);
        let reader = || {
            csv::ReaderBuilder::new()
                .delimiter(delimiter)
                .flexible(true)
                .has_headers(true)
                .from_reader(text.as_bytes())
        };
        let headers = reader().headers().map_err(|e| AppError::Invalid(format!("{label}: {e}")))?.clone();
        let own = is_own_layout(&headers);
        let mut columns: Vec<Option<Field>> =
            headers.iter().map(|h| if own { own_field(h) } else { field_of(h) }).collect();
        birthday_as_day_of_month(&mut columns);
        for (n, (column, field)) in options.map.iter().enumerate() {
            if let Some((_, other)) =
                options.map[..n].iter().find(|(earlier, _)| earlier.trim() == column.trim())
            {
                let (column, first, then) = (column.clone(), other.clone(), field.clone());
                return Err(MapError::Twice { column, first, then }.into());
            }
            let field = Field::by_name(field)?;
            let at = headers.iter().position(|h| h.trim_start_matches('\u{feff}').trim() == column.trim());
            let Some(at) = at else {
                let shown: Vec<&str> = headers.iter().take(12).collect();
                let (label, column, headers) = (label.to_string(), column.clone(), shown.join(", "));
                return Err(MapError::NoColumn { label, column, headers }.into());
            };
            columns[at] = field;
        }
        let names_something =
            |f: &Option<Field>| matches!(f, Some(Field::Name | Field::First | Field::Last | Field::Company));
        if !columns.iter().any(names_something) {
            let shown: Vec<&str> = headers.iter().take(8).collect();
            return Err(MapError::NoName { label: label.to_string(), headers: shown.join(", ") }.into());
        }
        let mut report = ImportReport { encoding, ..ImportReport::default() };
        report.columns =
            headers.iter().zip(&columns).map(|(h, f)| (h.to_string(), f.map(Field::name))).collect();
        report.unused_columns = headers
            .iter()
            .zip(&columns)
            .filter(|(h, f)| f.is_none() && !h.trim().is_empty())
            .map(|(h, _)| h.to_string())
            .collect();
        let stray_quotes = unbalanced_quotes(&text, delimiter, headers.len());
        let labels = &phone_labels(&headers, &columns);
        let columns = &columns;
        let contacts = || -> Contacts<'_> {
            let mut lines = LineNumbers::new(&text);
            let records = reader().into_records().map(move |result| match result {
                Ok(cells) => (
                    cells.position().map_or(0, |p| lines.line_at(p.byte())),
                    parse_row(columns, labels, &cells, own),
                ),
                Err(error) => (
                    error.position().map_or(0, |p| lines.line_at(p.byte())),
                    Err(RowError::File(error.to_string())),
                ),
            });
            Box::new(blame_stray_quotes(records, &stray_quotes))
        };
        let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count() as u64 + 1;
        self.import_contacts(&contacts, lines, report, label, options)
    }
}

/// A quote in a CSV file that does not close where a value ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QuoteProblem {
    #[error("the quote that opens on line {open} never closes")]
    NeverCloses { open: u64 },
    #[error(
        "the quoted value that opens on line {open} runs to line {to} over {rows} lines that look like rows: a quote is missing or one too many"
    )]
    RunsOver { open: u64, to: u64, rows: u64 },
}

/// Gives the record a stray quote swallowed other rows into (the one whose
/// lines hold the quote's line) the error that says so.
fn blame_stray_quotes<'a, I>(
    records: I,
    stray: &'a [(u64, QuoteProblem)],
) -> impl Iterator<Item = I::Item> + 'a
where
    I: Iterator<Item = (u64, Result<Option<ParsedRow>, RowError>)> + 'a,
{
    let mut records = records.peekable();
    let mut next_stray = 0;
    std::iter::from_fn(move || {
        let (line, mut result) = records.next()?;
        let ends_before = records.peek().map_or(u64::MAX, |(next, _)| *next);
        while let Some((open, message)) = stray.get(next_stray) {
            if *open >= ends_before {
                break;
            }
            if *open >= line {
                result = Err(RowError::Quote(*message));
            }
            next_stray += 1;
        }
        Some((line, result))
    })
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
    fn crm_columns_map_with_their_object_prefixes_and_in_chinese() {
        for (header, field) in [
            ("Deal - Value", Some(Field::Potential)),
            ("Deal - Stage", Some(Field::Stage)),
            ("Deal - Status", Some(Field::Stage)),
            ("Deal - Contact person", Some(Field::Name)),
            ("Deal - Organization", Some(Field::Company)),
            ("Deal - Next activity date", Some(Field::FollowUp)),
            ("Deal - Expected close date", None),
            ("Activity - Due date", Some(Field::FollowUp)),
            ("Organization - Last activity date", Some(Field::LastTouch)),
            ("Organization - Owner", None),
            ("Lifecycle Stage", Some(Field::Stage)),
            ("Last Activity Date", Some(Field::LastTouch)),
            ("预计金额", Some(Field::Potential)),
            ("销售阶段", Some(Field::Stage)),
            ("下次跟进", Some(Field::FollowUp)),
            ("上次联系", Some(Field::LastTouch)),
        ] {
            assert_eq!(field_of(header), field, "{header}");
        }
    }

    #[test]
    fn address_columns_are_parts_of_one_address_each() {
        use crate::contacts::AddressPart as P;
        let part = |group, part| Some(Field::AddressPart(group, part));
        for (header, field) in [
            ("Street Address", part(0, P::Street)),
            ("City", part(0, P::City)),
            ("State/Region", part(0, P::State)),
            ("Postal Code", part(0, P::Postal)),
            ("Country/Region", part(0, P::Country)),
            ("Business Street 2", part(0, P::MoreStreet)),
            ("Home City", part(1, P::City)),
            ("Other Postal Code", part(2, P::Postal)),
            ("Home Address", part(1, P::Whole)),
            ("Work ZipCode", part(0, P::Postal)),
            ("Address 2 - Region", part(1, P::State)),
            ("Address 1 - Extended Address", part(0, P::MoreStreet)),
            ("Address 1 - Formatted", Some(Field::Address)),
            ("Address 1 - Type", None),
            ("Address 1 - PO Box", None),
            ("Straße (privat)", part(1, P::Street)),
            ("Privat: Ort", part(1, P::City)),
            ("Dienstlich: PLZ", part(0, P::Postal)),
            ("Land/Region (geschäftlich)", part(0, P::Country)),
            ("Home Phone", Some(Field::Phone)),
        ] {
            assert_eq!(field_of(header), field, "{header}");
        }
    }

    #[test]
    fn stray_quotes_are_found_and_notes_over_lines_are_not() {
        let open = "Name,Phone\n\"Zhang,138\nLi,139\nWang,140\n";
        assert_eq!(unbalanced_quotes(open, b',', 2), [(2, QuoteProblem::NeverCloses { open: 2 })]);
        let swallowed = "Name,Phone,Note\nZhang,138,\"said \"\"hi\"\" ok\nLi,139,x\nWang,\"140\",y\n";
        let found = unbalanced_quotes(swallowed, b',', 3);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(matches!(found[0].1, QuoteProblem::RunsOver { open: 2, to: 4, .. }), "{found:?}");
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
