//! What every contacts import shares (CSV rows, vCards): the fields a
//! source gives, a contact built and checked from them, duplicates by
//! personal phone or email, rejects by line, and the import itself: one
//! change, all or nothing, written in batches so that a million rows fit in
//! bounded memory.

use crate::i18n::Text as _;
use crate::i18n::msg;
use leadline_i18n::msg_id;
use std::collections::HashMap;

use encoding_rs::Encoding;

use super::{AccountInput, App, AppError, AppResult};
use crate::domain::contact::{
    ContactError, MAX_PHONES, TextField, check_email, check_name, check_phone, check_tags, clean_text,
    email_key,
};
use crate::domain::phone::Region;
use crate::domain::{
    Account, AccountId, FilledField, FollowUp, FollowUpReason, FollowUpStatus, Grade, MonthDay, TouchKind,
    Uid,
};
use crate::i18n::Lang;
use crate::store::{AccountRecord, Records};
use chrono::{NaiveDate, NaiveTime};
use std::collections::BTreeMap;

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
    /// The competitors who sell there, by name: a note each.
    Competitors,
    /// A customer's tier (Leadline's own CSV): the account is a customer.
    Tier,
    /// Why an account is archived (Leadline's own CSV).
    Archived,
    Source,
    Address,
    Birthday,
    /// Thunderbird gives a birthday in three columns: its year, month and
    /// day of the month.
    BirthYear,
    BirthMonth,
    BirthDayOfMonth,
    /// The day the relationship began (Outlook's and vCard's anniversary).
    Anniversary,
    /// What a card holds that an account has no field for, kept in the
    /// note: a nickname beside the name, a website, addresses after the
    /// first, other dates and related people (`label: value`).
    Nickname,
    Website,
    OtherAddress,
    OtherDate,
    Related,
    /// What the account may be worth (a deal's value).
    Potential,
    /// A CRM's stage of the contact or deal, mapped to a grade.
    Stage,
    /// The day of the next activity: a follow-up.
    FollowUp,
    /// The day of the last activity elsewhere: the last touch.
    LastTouch,
    /// A part of one of the file's postal addresses: which address (work,
    /// home, other; Google's Address 1, 2, 3), and which part.
    AddressPart(u8, AddressPart),
}

/// The parts of a postal address that contact files give in columns of
/// their own (Outlook's Business City, HubSpot's State/Region).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum AddressPart {
    Street,
    /// A second street line, an extended address (a floor, a unit).
    MoreStreet,
    /// An address in one column where the street has a column of its own
    /// too (Thunderbird's Home Address is its street; Outlook's, the whole).
    Whole,
    City,
    State,
    Postal,
    Country,
}

/// The names `import --map` takes, and `--dry-run` shows, for each field.
const FIELD_NAMES: &[(&str, Field)] = &[
    ("name", Field::Name),
    ("first_name", Field::First),
    ("middle_name", Field::Middle),
    ("last_name", Field::Last),
    ("company", Field::Company),
    ("title", Field::Title),
    ("phone", Field::Phone),
    ("work_phone", Field::SharedPhone),
    ("email", Field::Email),
    ("grade", Field::Grade),
    ("tags", Field::Tags),
    ("note", Field::Note),
    ("competitors", Field::Competitors),
    ("tier", Field::Tier),
    ("archived", Field::Archived),
    ("source", Field::Source),
    ("address", Field::Address),
    ("birthday", Field::Birthday),
    ("birth_year", Field::BirthYear),
    ("birth_month", Field::BirthMonth),
    ("birth_day", Field::BirthDayOfMonth),
    ("anniversary", Field::Anniversary),
    ("potential", Field::Potential),
    ("stage", Field::Stage),
    ("follow_up", Field::FollowUp),
    ("last_touch", Field::LastTouch),
    ("street", Field::AddressPart(0, AddressPart::Street)),
    ("city", Field::AddressPart(0, AddressPart::City)),
    ("state", Field::AddressPart(0, AddressPart::State)),
    ("postal_code", Field::AddressPart(0, AddressPart::Postal)),
    ("country", Field::AddressPart(0, AddressPart::Country)),
];

impl Field {
    pub(super) fn name(self) -> &'static str {
        let field = match self {
            Field::AddressPart(_, AddressPart::MoreStreet | AddressPart::Whole) => {
                Field::AddressPart(0, AddressPart::Street)
            }
            Field::AddressPart(_, part) => Field::AddressPart(0, part),
            field => field,
        };
        FIELD_NAMES.iter().find(|(_, f)| *f == field).map_or("?", |(n, _)| n)
    }

    /// A field by its `--map` name; `ignore` is none.
    pub(super) fn by_name(name: &str) -> Result<Option<Field>, MapError> {
        let name = name.trim().to_ascii_lowercase().replace('-', "_");
        if name == "ignore" {
            return Ok(None);
        }
        FIELD_NAMES.iter().find(|(n, _)| *n == name).map(|(_, f)| Some(*f)).ok_or_else(|| {
            let names: Vec<&str> = FIELD_NAMES.iter().map(|(n, _)| *n).collect();
            MapError::NoField { name: name.clone(), fields: names.join(", ") }
        })
    }
}

/// A birthday as contact files write it: `1978-03-15`, `--03-15`,
/// `19780315`, with a time after a `T`, Outlook's `3/15/1978`, or the
/// day first with dots as a German Outlook or Google writes it
/// (`15.3.1978`); Outlook's empty `0/0/00` is none.
fn parse_birthday(raw: &str) -> Result<Option<MonthDay>, ()> {
    let text = raw.trim();
    let text = text.split_once('T').map_or(text, |(date, _)| date);
    if text.is_empty() || text == "0/0/00" {
        return Ok(None);
    }
    if let Ok(day) = MonthDay::parse(text) {
        return Ok(Some(day));
    }
    let dotted: Vec<&str> = text.split('.').collect();
    let parts: Vec<&str> = match dotted[..] {
        [day, month, year] => vec![month, day, year],
        _ => text.split('/').collect(),
    };
    if let [month, day, year] = parts[..] {
        let year: i32 = year.parse().map_err(|_| ())?;
        let year = if year < 100 { None } else { Some(year) };
        let month_day = match year {
            Some(year) => format!("{year:04}-{month:0>2}-{day:0>2}"),
            None => format!("{month:0>2}-{day:0>2}"),
        };
        return MonthDay::parse(&month_day).map(Some).map_err(|_| ());
    }
    Err(())
}

/// A birthday given as Thunderbird gives it, in a column each for its
/// year (which may be empty), month and day, written as one
/// (`1972-01-31`, `01-31`) for [`parse_birthday`].
fn birthday_in_parts(all: &dyn Fn(Field) -> Vec<String>) -> Option<String> {
    let number = |field| all(field).into_iter().next().and_then(|n| n.trim().parse::<u32>().ok());
    let (month, day) = (number(Field::BirthMonth)?, number(Field::BirthDayOfMonth)?);
    Some(match number(Field::BirthYear) {
        Some(year) => format!("{year:04}-{month:02}-{day:02}"),
        None => format!("{month:02}-{day:02}"),
    })
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
pub struct ImportReport {
    pub encoding: &'static str,
    pub rows: usize,
    /// The line and name of each contact imported (or to import).
    pub imported: Vec<(u64, String)>,
    pub duplicates: Vec<RowNote>,
    /// Of the duplicates, those that filled in what their account lacked.
    pub filled: usize,
    /// Rows imported with a value moved into the note.
    pub warnings: Vec<RowNote>,
    pub rejected: Vec<RowNote>,
    pub unused_columns: Vec<String>,
    /// Each column of a CSV and the field it was read as (none: left out).
    pub columns: Vec<(String, Option<&'static str>)>,
    pub committed: bool,
    /// The contacts were vCards, not rows.
    pub cards: bool,
    /// Valid values with no field of their own in an account (a second
    /// email, a nickname, a website ...), kept in the imported accounts'
    /// notes.
    pub kept_in_notes: usize,
    /// Most numbers look like another country's than the region they are
    /// read in: said before anything is written.
    pub region_doubt: Option<RegionDoubt>,
}

/// The numbers of an import that do not look like the phone region's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegionDoubt {
    /// `[contacts] default_region` in force.
    pub region: String,
    /// Numbers written without a country code.
    pub national: usize,
    /// Of them, those the region's numbering plan has no room for.
    pub misfits: usize,
    /// Of them, those written like North American numbers.
    pub north_american: usize,
}

impl RegionDoubt {
    /// Counts one imported account's numbers, from the international
    /// forms it was just given (not worked out a second time).
    fn count(&mut self, account: &Account) {
        use crate::domain::phone;
        let none = String::new();
        for (at, typed) in account.phones.iter().enumerate().filter(|(_, p)| !phone::has_country_code(p)) {
            self.national += 1;
            self.misfits += usize::from(account.phones_e164.get(at).unwrap_or(&none).is_empty());
            self.north_american += usize::from(phone::looks_north_american(typed));
        }
    }

    /// Whether it is worth saying: most of at least three numbers fail the
    /// region's plan, or look North American outside North America.
    fn worth_saying(&self) -> bool {
        let most = |n: usize| self.national >= 3 && 2 * n > self.national;
        most(self.misfits) || (!self.in_north_america() && most(self.north_american))
    }

    /// The region the numbers look like, when they look like one.
    pub fn suggested(&self) -> Option<&'static str> {
        (!self.in_north_america() && 2 * self.north_american > self.national).then_some("US")
    }

    fn in_north_america(&self) -> bool {
        matches!(self.region.as_str(), "US" | "CA")
    }
}

/// Told how far an import is, e.g. to draw a progress bar.
pub trait ImportProgress {
    /// A pass over the file begins: `lines` is how many it has.
    fn pass(&self, name: &str, lines: u64);
    /// The pass has reached `line`.
    fn at(&self, line: u64);
    fn finish(&self);
}

#[derive(Clone, Copy, Default)]
pub struct ImportOptions<'a> {
    pub dry_run: bool,
    /// Import the valid rows even when some are rejected.
    pub skip_invalid: bool,
    pub encoding: Option<&'static Encoding>,
    pub progress: Option<&'a dyn ImportProgress>,
    /// `--map 'Column=field'`: what a CSV's columns hold, over what their
    /// headers suggest.
    pub map: &'a [(String, String)],
}

/// A row turned into an account, with what it took to get there.
pub(super) struct ParsedRow {
    input: AccountInput,
    /// Numbers that identify the person, for duplicate detection.
    personal_phones: Vec<String>,
    /// Values kept in the note rather than their field, worded with the
    /// note in the import's language (`checked_contact`).
    kept: Vec<Kept>,
    /// The kept values that were not valid ones, worded: said in the report.
    warnings: Vec<String>,
    /// The next activity's day and time, for a follow-up.
    follow_up: Option<(NaiveDate, Option<NaiveTime>)>,
    contacted_elsewhere: Option<NaiveDate>,
    /// The file's own family name, where it splits the name otherwise
    /// than Leadline would.
    family_name: Option<String>,
    /// The competitors the file names: a note each, on a competitor of
    /// the book (added with the import when new).
    competitors: Vec<String>,
    /// A customer's tier: the account comes in as that customer.
    tier: Option<crate::domain::Tier>,
    /// The reason it was archived: it comes in archived.
    archived: Option<crate::domain::ArchiveReason>,
}

impl ParsedRow {
    /// The account's fields as the contact gave them.
    pub(super) fn input(&self) -> &AccountInput {
        &self.input
    }

    /// The valid emails beyond the first, which an import keeps in the note.
    pub(super) fn other_emails(&self) -> impl Iterator<Item = &str> {
        self.kept
            .iter()
            .filter(|k| matches!(k.field, KeptField::Email) && !k.invalid)
            .map(|k| k.value.as_str())
    }
}

/// A value kept in the note rather than in its field.
pub(super) struct Kept {
    field: KeptField,
    value: String,
    /// Not a valid value of its field (a second valid email is not).
    invalid: bool,
}

impl Kept {
    fn invalid(field: KeptField, value: String) -> Kept {
        Kept { field, value, invalid: true }
    }
}

#[derive(Clone, Copy)]
enum KeptField {
    Phone,
    Email,
    Birthday,
    Anniversary,
    Potential,
    FollowUp,
    LastTouch,
    Nickname,
    Website,
    Address,
    Date,
    Related,
}

impl KeptField {
    fn words(self, lang: crate::i18n::Lang) -> String {
        match self {
            KeptField::Phone => msg::ImportKeptPhone.text(lang),
            KeptField::Email => msg::ImportKeptEmail.text(lang),
            KeptField::Birthday => msg::ImportKeptBirthday.text(lang),
            KeptField::Anniversary => msg::ImportKeptAnniversary.text(lang),
            KeptField::Nickname => msg::ImportKeptNickname.text(lang),
            KeptField::Website => msg::ImportKeptWebsite.text(lang),
            KeptField::Address => msg::ImportKeptAddress.text(lang),
            KeptField::Date => msg::ImportKeptDate.text(lang),
            KeptField::Related => msg::ImportKeptRelated.text(lang),
            KeptField::Potential => msg::ImportKeptPotential.text(lang),
            KeptField::FollowUp => msg::ImportKeptFollowUp.text(lang),
            KeptField::LastTouch => msg::ImportKeptLastTouch.text(lang),
        }
    }
}

/// The grade a CRM's stage means, where it means one: HubSpot's lifecycle
/// stages, Pipedrive's default pipeline and deal statuses, Chinese words.
/// A customer elsewhere arrives as grade A: its first order here makes it
/// a customer (its tier comes from revenue).
fn grade_of_stage(stage: &str) -> Option<Grade> {
    let s: String = stage.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    let has = |words: &[&str]| words.iter().any(|w| s.contains(w));
    if let Ok(grade) = stage.trim().parse::<Grade>() {
        return Some(grade);
    }
    if has(&["lost", "unqualified", "丢单", "流失", "无效"]) {
        Some(Grade::D)
    } else if has(&["marketingqualified", "subscriber"]) {
        Some(Grade::C)
    } else if has(&[
        "customer",
        "evangelist",
        "won",
        "opportunity",
        "negotiat",
        "proposal",
        "contract",
        "成交",
        "谈判",
        "报价",
        "签约",
        "老客户",
    ]) {
        Some(Grade::A)
    } else if has(&["salesqualified", "qualified", "contactmade", "needsdefined", "demo", "意向", "有意"])
    {
        Some(Grade::B)
    } else if has(&["lead", "new", "线索", "潜在"]) {
        Some(Grade::C)
    } else {
        None
    }
}

/// A day as CRMs write it: `2026-12-05`, `2026-12-05 14:00`, `2026/12/05`,
/// `12/05/2026`, `2026-12-05T14:00:00Z`.
/// A CRM's date, with its time of day when it has one (HubSpot's
/// `2026-12-07 10:00`); midnight is a date written as a moment, no time.
fn parse_moment(raw: &str) -> Option<(NaiveDate, Option<NaiveTime>)> {
    let text = raw.trim();
    let (date, time) = text.split_once(['T', ' ']).unwrap_or((text, ""));
    let day = ["%Y-%m-%d", "%Y/%m/%d", "%m/%d/%Y", "%d.%m.%Y", "%Y.%m.%d"]
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(date, format).ok())
        .filter(|d| crate::domain::dates::check_date(*d).is_ok())?;
    let time = time.trim().trim_end_matches('Z');
    let time = time.split('.').next().unwrap_or(time).to_ascii_uppercase();
    let time = ["%H:%M", "%H:%M:%S", "%I:%M %p", "%I:%M:%S %p", "%I:%M%p"]
        .iter()
        .find_map(|format| NaiveTime::parse_from_str(&time, format).ok())
        .filter(|time| *time != NaiveTime::MIN);
    Some((day, time))
}

/// The contacts of a file in order, each with the line it starts on: an
/// error for one that cannot be read, `None` for an empty row.
pub(super) type Contacts<'a> = Box<dyn Iterator<Item = (u64, Result<Option<ParsedRow>, RowError>)> + 'a>;

/// A `--map` that does not fit the file.
#[derive(Debug, thiserror::Error)]
pub enum MapError {
    #[error("--map: no field '{name}'; the fields are {fields}, or ignore")]
    NoField { name: String, fields: String },
    #[error("--map: column '{column}' is given twice ({first}, then {then}); say once what it holds")]
    Twice { column: String, first: String, then: String },
    #[error("--map: {label} has no column '{column}' (headers: {headers})")]
    NoColumn { label: String, column: String, headers: String },
    #[error(
        "{label}: no name or company column (headers: {headers}); say which holds the name with --map 'Column=name'"
    )]
    NoName { label: String, headers: String },
}

/// Why a row or a card of a contacts file is not imported; worded in the
/// rep's language by `i18n::Words`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RowError {
    #[error("a value is longer than any field holds ({0} characters at most)")]
    TooLong(usize),
    #[error("no name or company")]
    NoName,
    #[error(transparent)]
    Contact(#[from] ContactError),
    #[error(transparent)]
    Keyword(#[from] crate::domain::UnknownKeyword),
    #[error("the card has no END:VCARD")]
    CardUnended,
    #[error("the card has no name, company or nickname")]
    CardNoName,
    /// A stray quote that swallowed rows.
    #[error(transparent)]
    Quote(#[from] super::csv_import::QuoteProblem),
    /// What the CSV reader found, in its words.
    #[error("{0}")]
    File(String),
}

/// A contact from the values found for each field (several per field: the
/// first name, company, title or address counts; every phone and email).
/// None when there are no values at all.
pub(super) fn contact_from(values: &HashMap<Field, Vec<String>>) -> Result<Option<ParsedRow>, RowError> {
    if values.is_empty() {
        return Ok(None);
    }
    let longest = TextField::ALL.iter().map(|f| f.max_chars()).max().unwrap_or(0);
    if values.values().flatten().any(|value| value.chars().nth(longest * 2).is_some()) {
        return Err(RowError::TooLong(longest));
    }
    let first = |field| values.get(&field).and_then(|v| v.first()).map(|s| clean_text(s)).unwrap_or_default();
    // Several columns of one text field (`--map Street=address --map
    // City=address`) are joined in their order, each said once.
    let joined = |field, separator: &str| {
        let mut parts: Vec<String> = Vec::new();
        for value in values.get(&field).into_iter().flatten() {
            let value = clean_text(&value.replace(['\r', '\n'], separator));
            if !value.is_empty() && !parts.contains(&value) {
                parts.push(value);
            }
        }
        parts.join(separator)
    };
    let mut name = joined(Field::Name, " ");
    if name.is_empty() {
        let (given, middle, family) = (first(Field::First), first(Field::Middle), first(Field::Last));
        let cjk = format!("{family}{given}").chars().any(|c| ('\u{2e80}'..='\u{9fff}').contains(&c));
        name = if cjk {
            format!("{family}{given}")
        } else {
            [given, middle, family].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ")
        };
    }
    let company = joined(Field::Company, " ");
    if name.is_empty() {
        name = company.clone();
    }
    let family = first(Field::Last);
    let family_name = crate::domain::names::split_at_family(&name, &family)
        .filter(|split| *split != crate::domain::names::given_and_family(&name))
        .map(|(_, family)| family);
    if name.is_empty() {
        return Err(RowError::NoName);
    }
    let name = check_name(&name)?;
    let all = |field| -> Vec<String> {
        values
            .get(&field)
            .into_iter()
            .flatten()
            .flat_map(|cell| split_values(cell))
            .map(str::to_string)
            .collect()
    };
    let mut kept: Vec<Kept> = Vec::new();
    let note_lines: Vec<String> = all(Field::Note);
    let mut phones: Vec<String> = Vec::new();
    let mut personal_phones = Vec::new();
    for (field, personal) in [(Field::Phone, true), (Field::SharedPhone, false)] {
        for raw in all(field) {
            if phones.len() > MAX_PHONES {
                return Err(ContactError::TooManyPhones.into());
            }
            match check_phone(&raw) {
                Ok(phone) if !phones.contains(&phone) => {
                    if personal {
                        personal_phones.push(phone.clone());
                    }
                    phones.push(phone);
                }
                Ok(_) => {}
                Err(_) => kept.push(Kept::invalid(KeptField::Phone, raw)),
            }
        }
    }
    let mut email = None;
    for raw in all(Field::Email) {
        match check_email(&raw) {
            Ok(valid) if email.is_none() => email = Some(valid),
            Ok(other) => kept.push(Kept { field: KeptField::Email, value: other, invalid: false }),
            Err(_) => kept.push(Kept::invalid(KeptField::Email, raw)),
        }
    }
    let mut birthday = None;
    if let Some(raw) = all(Field::Birthday).into_iter().next().or_else(|| birthday_in_parts(&all)) {
        match parse_birthday(&raw) {
            Ok(day) => birthday = day.map(|d| d.to_string()),
            Err(()) => kept.push(Kept::invalid(KeptField::Birthday, raw)),
        }
    }
    for (field, kept_as) in [
        (Field::Nickname, KeptField::Nickname),
        (Field::Website, KeptField::Website),
        (Field::OtherAddress, KeptField::Address),
        (Field::OtherDate, KeptField::Date),
        (Field::Related, KeptField::Related),
    ] {
        kept.extend(all(field).into_iter().map(|value| Kept { field: kept_as, value, invalid: false }));
    }
    let mut anniversary = None;
    if let Some(raw) = all(Field::Anniversary).into_iter().next() {
        match parse_birthday(&raw).ok().flatten().and_then(|day| day.in_year(day.year?)) {
            Some(day) => anniversary = Some(day.to_string()),
            None => kept.push(Kept::invalid(KeptField::Anniversary, raw)),
        }
    }
    let grade = match values.get(&Field::Grade).and_then(|v| v.first()) {
        Some(text) => Some(text.parse::<Grade>()?),
        // A deal's stage and its status: the colder wins (a lost deal at
        // the proposal stage is lost).
        None => all(Field::Stage).iter().filter_map(|s| grade_of_stage(s)).max(),
    };
    let mut potential = None;
    for raw in all(Field::Potential) {
        let amount = raw.trim_end_matches(|c: char| c.is_alphabetic() || c.is_whitespace());
        match crate::domain::Money::parse(amount) {
            Ok(money) => potential = potential.max(Some(money)),
            Err(_) => kept.push(Kept::invalid(KeptField::Potential, raw)),
        }
    }
    let mut moment_of = |field: Field, kept_as: KeptField| -> Option<(NaiveDate, Option<NaiveTime>)> {
        let raw = all(field).into_iter().next()?;
        let moment = parse_moment(&raw);
        if moment.is_none() {
            kept.push(Kept::invalid(kept_as, raw));
        }
        moment
    };
    let follow_up = moment_of(Field::FollowUp, KeptField::FollowUp);
    let contacted_elsewhere = moment_of(Field::LastTouch, KeptField::LastTouch).map(|(day, _)| day);
    // Google joins labels with " ::: " and adds its own, "* myContacts"
    // (every contact; "myContacts" among an Outlook file's categories when
    // Google wrote it) and "* starred", which are no tags of the rep's.
    let tag_words: Vec<String> = all(Field::Tags)
        .iter()
        .flat_map(|cell| cell.split(":::").flat_map(|part| part.split([',', ';', '，', '、', '；'])))
        .map(|t| t.trim().trim_start_matches('*').trim().to_string())
        .filter(|t| {
            !t.is_empty() && !t.eq_ignore_ascii_case("myContacts") && !t.eq_ignore_ascii_case("starred")
        })
        .collect();
    let tags = check_tags(tag_words.iter().map(String::as_str))?;
    let mut competitors: Vec<String> = Vec::new();
    for cell in all(Field::Competitors) {
        for name in cell.split([';', ',', '，', '、', '；']) {
            let name = crate::domain::contact::check_field(TextField::CompetitorName, name)?;
            let key = crate::domain::competitor_name_key(&name);
            if !name.is_empty() && !competitors.iter().any(|c| crate::domain::competitor_name_key(c) == key) {
                competitors.push(name);
            }
        }
    }
    let tier = all(Field::Tier).first().map(|t| t.parse::<crate::domain::Tier>()).transpose()?;
    let archived =
        all(Field::Archived).first().map(|a| a.parse::<crate::domain::ArchiveReason>()).transpose()?;
    let text = |value: String| Some(value).filter(|v| !v.is_empty());
    let input = AccountInput {
        name: Some(name),
        company: text(company),
        title: text(joined(Field::Title, " ")),
        phones: Some(phones),
        email,
        address: text(joined(Field::Address, ", ")).or_else(|| address_from_parts(values)),
        tags: Some(tags),
        source: text(joined(Field::Source, " ")),
        note: text(note_lines.join("\n")),
        potential,
        grade,
        tier: None,
        birthday,
        anniversary,
    };
    Ok(Some(ParsedRow {
        input,
        personal_phones,
        kept,
        warnings: Vec::new(),
        follow_up,
        contacted_elsewhere,
        family_name,
        competitors,
        tier,
        archived,
    }))
}

/// The first of a file's addresses given in parts (when it has no whole
/// one), as one line: street, city, state and postal code, country (`1200
/// Grand Ave, Des Moines, IA 50309, United States`; `Eisenbahnstraße, 04315
/// Leipzig, DE`; a Chinese one from the province down).
fn address_from_parts(values: &HashMap<Field, Vec<String>>) -> Option<String> {
    use AddressPart as P;
    let mut groups: Vec<u8> = values
        .keys()
        .filter_map(|field| match field {
            Field::AddressPart(group, _) => Some(*group),
            _ => None,
        })
        .collect();
    groups.sort_unstable();
    groups.dedup();
    groups.into_iter().find_map(|group| {
        let part = |part| -> String {
            let cells = values.get(&Field::AddressPart(group, part)).into_iter().flatten();
            let lines: Vec<String> =
                cells.map(|cell| clean_text(&cell.replace(['\r', '\n'], ", "))).collect();
            lines.into_iter().filter(|line| !line.is_empty()).collect::<Vec<_>>().join(", ")
        };
        let street = Some(part(P::Street)).filter(|s| !s.is_empty()).unwrap_or_else(|| part(P::Whole));
        let (city, state, postal) = (part(P::City), part(P::State), part(P::Postal));
        // A Chinese address goes from the province down, in one run.
        if [&street, &city, &state]
            .iter()
            .any(|text| text.chars().any(|c| ('\u{2e80}'..='\u{9fff}').contains(&c)))
        {
            let whole: String = [state, city, street, part(P::MoreStreet)].concat();
            return (!whole.is_empty()).then_some(whole);
        }
        let locality = match state.is_empty() {
            // "Des Moines, IA 50309"; without a state, "04315 Leipzig".
            false => [city, format!("{state} {postal}").trim().to_string()],
            true => [format!("{postal} {city}").trim().to_string(), String::new()],
        };
        let pieces: Vec<String> = [street, part(P::MoreStreet)]
            .into_iter()
            .chain(locality)
            .chain([part(P::Country)])
            .filter(|piece| !piece.is_empty())
            .collect();
        (!pieces.is_empty()).then(|| pieces.join(", "))
    })
}

/// Who a duplicate duplicates: an account of the book, or an earlier row.
#[derive(Clone, Copy)]
enum Seen {
    Account(AccountId),
    /// The line an earlier contact starts on, and its place in the file.
    Line(u64, usize),
}

/// The phones and emails seen so far, each as the hash of what identifies
/// it (a phone's international form, an email in lower case) so that a
/// million rows take little memory.
#[derive(Default)]
struct SeenContacts {
    phones: HashMap<u64, Seen>,
    emails: HashMap<u64, Seen>,
}

fn hash_of(key: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    key.hash(&mut hasher);
    hasher.finish()
}

fn email_number(email: &str) -> u64 {
    hash_of(&email_key(email))
}

impl App {
    /// Refuses a file whose encoding cannot be read, or told without
    /// `--encoding`, before anything is imported; says the legacy encoding
    /// it was told to be in, if it came to that (see `encoding::check`).
    pub(super) fn check_encoding(
        &self,
        bytes: &[u8],
        label: &str,
        forced: Option<&'static encoding_rs::Encoding>,
    ) -> AppResult<Option<&'static encoding_rs::Encoding>> {
        use super::encoding::Undecodable;
        match super::encoding::check(bytes, forced) {
            Ok(detected) => Ok(detected),
            Err(Undecodable::Utf32) => {
                Err(AppError::UnreadableFile(msg::ImportUtf32 { file: label }.text(self.config.ui.lang())))
            }
            Err(Undecodable::Doubtful { guess, also }) => Err(AppError::UnreadableFile(
                msg::ImportDoubtfulEncoding { file: label, guess, also }.text(self.config.ui.lang()),
            )),
        }
    }

    /// Adds contacts: rejects what could not be read, skips duplicates (of
    /// the book or of an earlier contact) by phone or email, and saves the
    /// rest as one change unless this is a dry run or something was
    /// rejected without `skip_invalid`. `contacts` is called twice: once to
    /// check every contact (nothing is written if one is refused), once to
    /// write them, so that no pass holds the whole file's accounts.
    pub(super) fn import_contacts<'c>(
        &self,
        contacts: &dyn Fn() -> Contacts<'c>,
        lines: u64,
        mut report: ImportReport,
        label: &str,
        options: ImportOptions<'_>,
    ) -> AppResult<ImportReport> {
        let region = self.region();
        let lang = self.config.ui.lang();
        let mut seen = SeenContacts::default();
        for record in self.store.accounts()?.items {
            let id = Seen::Account(record.account.id);
            for key in record.account.phone_match_keys(region) {
                seen.phones.insert(hash_of(&key), id);
            }
            if let Some(email) = &record.account.email {
                seen.emails.insert(email_number(email), id);
            }
        }
        let now = self.now();
        // Accounts of the book that duplicates fill in, as filled; rows of
        // the file that later rows duplicate, with those rows (and where
        // the report speaks of them).
        let mut book_fills: BTreeMap<AccountId, AccountRecord> = BTreeMap::new();
        let mut row_fills: HashMap<usize, Vec<(usize, Account)>> = HashMap::new();
        let mut doubt =
            RegionDoubt { region: region.to_string(), national: 0, misfits: 0, north_american: 0 };
        if let Some(progress) = options.progress {
            progress.pass("checking", lines);
        }
        // Contacts to write, by their place in the file (two records may
        // start on one line: a CR alone ends a CSV record).
        let mut accepted: Vec<usize> = Vec::new();
        for (index, (line, contact)) in contacts().enumerate() {
            if let Some(progress) = options.progress {
                progress.at(line);
            }
            let Some((mut account, parsed)) = checked_contact(contact, now, line, &mut report, lang) else {
                continue;
            };
            account.normalise_phones(region);
            let name = |seen: &Seen| match *seen {
                Seen::Account(id) => match self.store.account(id) {
                    Ok(Some(record)) => format!("{} (#{id})", record.account.name),
                    _ => format!("#{id}"),
                },
                Seen::Line(line, _) => {
                    let at = report.imported.partition_point(|(l, _)| *l < line);
                    let name = report.imported.get(at).map_or("", |(_, n)| n.as_str());
                    msg::ImportRowOfLine { name, line }.text(self.config.ui.lang())
                }
            };
            let skipped = |id: &str, other: &Seen| {
                self.config
                    .ui
                    .lang()
                    .text_with(id, &[("name", account.name.as_str().into()), ("other", name(other).into())])
            };
            // The personal phones' keys (office numbers are shared).
            let phone_keys: Vec<u64> = account
                .phones
                .iter()
                .zip(account.phone_match_keys(region))
                .filter(|(phone, _)| parsed.personal_phones.contains(phone))
                .map(|(_, key)| hash_of(&key))
                .collect();
            let duplicate = phone_keys
                .iter()
                .find_map(|key| {
                    seen.phones
                        .get(key)
                        .map(|other| (skipped(msg_id!("import-skipped-phone"), other), *other))
                })
                .or_else(|| {
                    let email = account.email.as_deref()?;
                    seen.emails
                        .get(&email_number(email))
                        .map(|other| (skipped(msg_id!("import-skipped-email"), other), *other))
                });
            if let Some((message, other)) = duplicate {
                // What the row knows that the account it duplicates lacks
                // is kept: filled in, never overwriting.
                let note = report.duplicates.len();
                report.duplicates.push(RowNote { line, message });
                match other {
                    Seen::Account(id) => {
                        // Only an account something filled in is written.
                        let (kept, filled_before) = match book_fills.remove(&id) {
                            Some(kept) => (Some(kept), true),
                            None => (self.store.account(id)?, false),
                        };
                        if let Some(mut kept) = kept {
                            let filled = fill_in(&mut kept.account, &account, region, lang);
                            self.say_filled(&mut report, note, &filled);
                            if filled_before || !filled.is_empty() {
                                book_fills.insert(id, kept);
                            }
                        }
                    }
                    Seen::Line(_, earlier) => row_fills.entry(earlier).or_default().push((note, account)),
                }
                continue;
            }
            for key in phone_keys {
                seen.phones.insert(key, Seen::Line(line, index));
            }
            if let Some(email) = &account.email {
                seen.emails.insert(email_number(email), Seen::Line(line, index));
            }
            if !parsed.warnings.is_empty() {
                let args =
                    msg::ImportKeptInNote { name: account.name.as_str(), what: parsed.warnings.join(", ") };
                let message = args.text(self.config.ui.lang());
                report.warnings.push(RowNote { line, message });
            }
            doubt.count(&account);
            report.kept_in_notes += parsed.kept.iter().filter(|k| !k.invalid).count();
            report.imported.push((line, account.name));
            accepted.push(index);
        }
        drop(seen);
        report.region_doubt = doubt.worth_saying().then_some(doubt);
        report.rejected.sort_by_key(|r| r.line);
        let blocked = !report.rejected.is_empty() && !options.skip_invalid;
        let write = !options.dry_run && !blocked;
        // A dry run reads the file again only to say what duplicates of
        // its own rows would fill in.
        let second_pass = !report.imported.is_empty() && (write || !row_fills.is_empty());
        if !second_pass && (!write || book_fills.is_empty()) {
            if let Some(progress) = options.progress {
                progress.finish();
            }
            return Ok(report);
        }
        if let Some(progress) = options.progress {
            progress.pass(if write { "importing" } else { "checking" }, lines);
        }
        // The note of a follow-up names the file, not where it was; a file
        // name can hold anything, control characters too, and is cleaned
        // like any text that comes in.
        let label = crate::domain::contact::clean_text(label);
        let file_name = std::path::Path::new(&label)
            .file_name()
            .map_or_else(|| label.clone(), |name| name.to_string_lossy().into_owned());
        let summary =
            crate::i18n::msg::HistoryImportContacts { count: report.imported.len(), label: label.as_str() };
        let mut bulk = match write && second_pass {
            true => Some(self.store.bulk(summary.text(self.config.ui.lang()), now)?),
            false => None,
        };
        let mut wanted = if second_pass { accepted } else { Vec::new() }.into_iter().peekable();
        for (index, (line, contact)) in contacts().enumerate() {
            if wanted.peek().is_none() {
                break;
            }
            if wanted.peek() != Some(&index) {
                continue;
            }
            wanted.next();
            if let Some(progress) = options.progress {
                progress.at(line);
            }
            let mut scratch = ImportReport::default();
            if let Some((mut account, parsed)) = checked_contact(contact, now, line, &mut scratch, lang) {
                // Normalised again rather than kept from the first pass: a
                // million small lists held across it fragment the heap, and
                // the writes after pay for that more than a number costs.
                account.normalise_phones(region);
                for (note, duplicate) in row_fills.remove(&index).unwrap_or_default() {
                    let filled = fill_in(&mut account, &duplicate, region, lang);
                    self.say_filled(&mut report, note, &filled);
                }
                let Some(bulk) = bulk.as_mut() else { continue };
                let follow_up = parsed.follow_up.map(|(due, due_time)| FollowUp {
                    id: crate::domain::FollowUpId(0),
                    uid: Uid::NIL,
                    account: AccountId(0),
                    due,
                    due_time,
                    kind: TouchKind::Call,
                    reason: FollowUpReason::Promised,
                    note: msg::ImportFollowUpNote { file: file_name.as_str() }.text(self.config.ui.lang()),
                    status: FollowUpStatus::Open,
                    snoozes: 0,
                    snoozed_at: Vec::new(),
                    created_at: now,
                    closed_at: None,
                    referral: None,
                    from_outcome: None,
                    attempts: 0,
                    attempted_at: Vec::new(),
                    rescheduled_at: Vec::new(),
                });
                for name in &parsed.competitors {
                    let competitor = Some(bulk.competitor(name)?);
                    if !account.competitor_notes.iter().any(|n| n.competitor == competitor) {
                        account
                            .competitor_notes
                            .push(crate::domain::CompetitorNote { competitor, ..Default::default() });
                    }
                }
                bulk.add(account, follow_up)?;
            }
        }
        if let Some(bulk) = bulk {
            bulk.finish()?;
            report.committed = true;
        }
        if write && !book_fills.is_empty() {
            let mut txn = self.begin();
            for record in book_fills.values() {
                txn.put_account(record)?;
            }
            let summary = msg::HistoryImportFilled { count: book_fills.len(), label: label.as_str() };
            txn.commit(summary.text(lang), now)?;
            report.committed = true;
        }
        if let Some(progress) = options.progress {
            progress.finish();
        }
        Ok(report)
    }

    /// Says in the report what a duplicate filled in of the account it
    /// duplicates ("; filled in address, tags").
    fn say_filled(&self, report: &mut ImportReport, note: usize, filled: &[FilledField]) {
        if filled.is_empty() {
            return;
        }
        let lang = self.config.ui.lang();
        let fields: Vec<String> = filled.iter().map(|f| filled_words(*f, lang)).collect();
        let words = msg::ImportFilledIn { fields: fields.join(&msg::ListSeparator.text(lang)) }.text(lang);
        report.duplicates[note].message.push_str(&words);
        report.filled += 1;
    }
}

/// Fills `kept` in from its duplicate; a different email of the duplicate
/// goes into the note, as a second email of a row does.
fn fill_in(kept: &mut Account, duplicate: &Account, region: Region, lang: Lang) -> Vec<FilledField> {
    let mut filled = kept.fill_in(duplicate, region);
    let other_email = duplicate.email.as_deref().filter(|theirs| {
        kept.email.as_deref().is_some_and(|mine| !mine.eq_ignore_ascii_case(theirs))
            && !kept.note.as_deref().unwrap_or_default().contains(*theirs)
    });
    if let Some(email) = other_email {
        let line = msg::ImportNoteLine { what: KeptField::Email.words(lang), value: email }.text(lang);
        let note = match kept.note.take() {
            Some(note) if !note.is_empty() => format!("{note}\n{line}"),
            _ => line,
        };
        kept.note = Some(note);
        filled.push(FilledField::Note);
        filled.dedup();
    }
    filled
}

fn filled_words(field: FilledField, lang: Lang) -> String {
    use crate::i18n::Text as _;
    let id = match field {
        FilledField::Company => msg_id!("card-company"),
        FilledField::Title => msg_id!("card-title-field"),
        FilledField::Email => msg_id!("card-email"),
        FilledField::Address => msg_id!("card-address"),
        FilledField::Source => msg_id!("card-source"),
        FilledField::Note => msg_id!("card-note"),
        FilledField::Birthday => msg_id!("card-birthday"),
        FilledField::Potential => msg_id!("card-potential"),
        FilledField::Phones => msg_id!("card-phone"),
        FilledField::Tags => msg_id!("card-tags"),
    };
    lang.text(id)
}

/// A contact as an account ready to add, or `None` (then rejected in the
/// report, or an empty row).
fn checked_contact(
    contact: Result<Option<ParsedRow>, RowError>,
    now: chrono::NaiveDateTime,
    line: u64,
    report: &mut ImportReport,
    lang: crate::i18n::Lang,
) -> Option<(Account, ParsedRow)> {
    use crate::i18n::Words;
    let mut parsed = match contact {
        Ok(Some(parsed)) => parsed,
        Ok(None) => return None,
        Err(error) => {
            report.rejected.push(RowNote { line, message: error.words(lang) });
            return None;
        }
    };
    report.rows += 1;
    // What did not fit its field goes into the note, in the rep's words.
    let kept_lines = parsed
        .kept
        .iter()
        .map(|k| msg::ImportNoteLine { what: k.field.words(lang), value: k.value.as_str() }.text(lang));
    let note: Vec<String> = parsed.input.note.take().into_iter().chain(kept_lines).collect();
    parsed.input.note = Some(note.join("\n")).filter(|n| !n.is_empty());
    parsed.warnings = parsed
        .kept
        .iter()
        .filter(|k| k.invalid)
        .map(|k| msg::ImportKeptValue { what: k.field.words(lang), value: k.value.as_str() }.text(lang))
        .collect();
    let mut account = Account::prospect(parsed.input.grade.unwrap_or(Grade::C), now);
    // The file says the tier: kept as said (pinned), whatever revenue the
    // book comes to hold.
    if let Some(tier) = parsed.tier {
        account.stage = crate::domain::Stage::Customer { tier, tier_pinned: true };
        parsed.input.grade = None;
    }
    account.archived =
        parsed.archived.map(|reason| crate::domain::Archived { reason, at: now, lost_to: None });
    account.contacted_elsewhere = parsed.contacted_elsewhere.filter(|day| *day <= now.date());
    account.family_name = parsed.family_name.take();
    if let Err(error) = parsed.input.apply_to(&mut account, lang) {
        report.rejected.push(RowNote { line, message: error.words(lang) });
        return None;
    }
    Some((account, parsed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crm_stages_mean_grades_where_they_can() {
        for (stage, grade) in [
            ("subscriber", Some(Grade::C)),
            ("lead", Some(Grade::C)),
            ("Marketing Qualified Lead", Some(Grade::C)),
            ("salesqualifiedlead", Some(Grade::B)),
            ("opportunity", Some(Grade::A)),
            ("customer", Some(Grade::A)),
            ("Lead In", Some(Grade::C)),
            ("Contact Made", Some(Grade::B)),
            ("Proposal Made", Some(Grade::A)),
            ("lost", Some(Grade::D)),
            ("意向客户", Some(Grade::B)),
            ("B", Some(Grade::B)),
            ("open", None),
            ("other", None),
        ] {
            assert_eq!(grade_of_stage(stage), grade, "{stage}");
        }
        let parse_day = |raw| parse_moment(raw).map(|(day, _)| day);
        assert_eq!(parse_day("2026-12-05 14:00:00"), NaiveDate::from_ymd_opt(2026, 12, 5));
        assert_eq!(parse_day("12/05/2026"), NaiveDate::from_ymd_opt(2026, 12, 5));
        assert_eq!(parse_day("2026-12-05T14:00:00Z"), NaiveDate::from_ymd_opt(2026, 12, 5));
        assert_eq!(parse_day("soon"), None);
        let at = |h, m| NaiveTime::from_hms_opt(h, m, 0);
        let day = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        assert_eq!(parse_moment("2026-12-07 10:00"), Some((day, at(10, 0))), "HubSpot's next activity");
        assert_eq!(parse_moment("2026-12-07T14:30:00.000Z"), Some((day, at(14, 30))));
        assert_eq!(parse_moment("12/07/2026 2:15 PM"), Some((day, at(14, 15))));
        assert_eq!(parse_moment("2026-12-07 00:00:00"), Some((day, None)), "a date written as a moment");
        assert_eq!(parse_moment("2026-12-07"), Some((day, None)));
    }
}
