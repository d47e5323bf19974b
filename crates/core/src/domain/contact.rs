//! Normalising, bounding and checking the contact fields people type or
//! import, on every path (CLI, TUI, CSV, vCard, backups).

use std::borrow::Cow;
use std::collections::HashSet;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Characters that change how text around them is shown without being
/// visible themselves: bidirectional overrides, embeddings and isolates
/// (which let `evil\u{202e}txt.exe` display as `evilexe.txt`), marks and
/// zero-width characters. Names and one-line fields drop all of them.
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{061c}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// The joiners that shape emoji and some scripts; notes keep them.
fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200c}' | '\u{200d}')
}

/// NFC, trimmed, inner runs of whitespace folded to one space, control
/// and invisible formatting characters dropped.
pub fn clean_text(input: &str) -> String {
    if is_clean_line(input) {
        return input.to_string();
    }
    let nfc: String = input
        .nfc()
        .filter(|c| !is_invisible_format(*c))
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `text` is already what [`clean_text`] makes of it (the common
/// case, checked without allocating): NFC, single spaces inside, none at
/// the ends, nothing to drop.
fn is_clean_line(text: &str) -> bool {
    let mut after_space = true;
    for c in text.chars() {
        let space = c.is_whitespace();
        if (space && (after_space || c != ' ')) || c.is_control() || is_invisible_format(c) {
            return false;
        }
        after_space = space;
    }
    (!after_space || text.is_empty()) && is_nfc_quick(text.chars()) == IsNormalized::Yes
}

/// NFC and trimmed, line breaks and tabs kept, other control characters
/// and direction overrides dropped: for notes.
pub fn clean_note(input: &str) -> String {
    let nfc: String = input
        .replace("\r\n", "\n")
        .nfc()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .filter(|c| is_joiner(*c) || !is_invisible_format(*c))
        .collect();
    nfc.trim().to_string()
}

/// Text from the book made safe to print on a terminal or in a log: control
/// characters (escape sequences, bell, carriage return) and invisible
/// formatting characters are shown as `\u{1b}`-style escapes instead of
/// acting on the terminal. Line breaks and tabs are kept only when
/// `multi_line`. A second line of defence: input is cleaned already.
pub fn printable(text: &str, multi_line: bool) -> Cow<'_, str> {
    let unsafe_char =
        |c: char| (c.is_control() && !(multi_line && (c == '\n' || c == '\t'))) || is_invisible_format(c);
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The text fields of the book, each with its bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextField {
    Name,
    Company,
    Title,
    Address,
    Source,
    Email,
    Phone,
    Tag,
    Incentive,
    /// An account's, touch's, order's or follow-up's note.
    Note,
    /// A competitor's name or alias.
    CompetitorName,
    /// One of the five answers of a competitor note.
    CompetitorAnswer,
    /// What a touch taught, in one line.
    Lesson,
    /// The day's reflection: what went well, what to change.
    Reflection,
}

impl TextField {
    pub fn label(self) -> &'static str {
        match self {
            TextField::Name => "name",
            TextField::Company => "company",
            TextField::Title => "title",
            TextField::Address => "address",
            TextField::Source => "source",
            TextField::Email => "email",
            TextField::Phone => "phone",
            TextField::Tag => "tag",
            TextField::Incentive => "incentive",
            TextField::Note => "note",
            TextField::CompetitorName => "competitor name",
            TextField::CompetitorAnswer => "competitor answer",
            TextField::Lesson => "lesson",
            TextField::Reflection => "reflection",
        }
    }

    /// The most characters the field holds (after cleaning).
    pub fn max_chars(self) -> usize {
        match self {
            TextField::Name | TextField::Title | TextField::Source | TextField::CompetitorName => 120,
            TextField::CompetitorAnswer => 2_000,
            TextField::Company | TextField::Incentive => 200,
            TextField::Lesson => 300,
            TextField::Address => 300,
            TextField::Email => 254,
            TextField::Phone => 40,
            TextField::Tag => 40,
            TextField::Note | TextField::Reflection => 10_000,
        }
    }

    fn multi_line(self) -> bool {
        matches!(self, TextField::Note | TextField::CompetitorAnswer | TextField::Reflection)
    }

    /// Every field with its bound, for the documentation.
    pub const ALL: &'static [TextField] = &[
        TextField::Name,
        TextField::Company,
        TextField::Title,
        TextField::Address,
        TextField::Source,
        TextField::Email,
        TextField::Phone,
        TextField::Tag,
        TextField::Incentive,
        TextField::Note,
        TextField::CompetitorName,
        TextField::CompetitorAnswer,
        TextField::Lesson,
        TextField::Reflection,
    ];
}

/// Tags an account may carry, and phone numbers.
pub const MAX_TAGS: usize = 30;
pub const MAX_PHONES: usize = 10;

/// Cleans `input` as its field is cleaned and refuses it when it is longer
/// than the field holds; blank input gives an empty string.
pub fn check_field(field: TextField, input: &str) -> Result<String, ContactError> {
    let too_long = || ContactError::TooLong { field: field.label(), max: field.max_chars() };
    // Refuse a huge value before normalising it: a 200 MB cell would
    // otherwise be copied several times only to be refused.
    if input.len() > 16 * field.max_chars() + 1024 {
        return Err(too_long());
    }
    let text = if field.multi_line() { clean_note(input) } else { clean_text(input) };
    if text.chars().count() > field.max_chars() {
        return Err(too_long());
    }
    Ok(text)
}

/// `Some(cleaned)` unless the text is blank.
pub fn optional_field(field: TextField, input: &str) -> Result<Option<String>, ContactError> {
    Ok(Some(check_field(field, input)?).filter(|s| !s.is_empty()))
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContactError {
    #[error("name is empty")]
    EmptyName,
    #[error("{field} is longer than {max} characters")]
    TooLong { field: &'static str, max: usize },
    #[error("phone '{0}' has characters other than digits, spaces, +, -, (, ) and .")]
    PhoneCharacters(String),
    #[error("phone '{0}' has too few digits")]
    PhoneTooShort(String),
    #[error("phone '{0}' has too many digits")]
    PhoneTooLong(String),
    #[error("more than {MAX_PHONES} phone numbers")]
    TooManyPhones,
    #[error("email '{0}' is not an address like name@example.com")]
    Email(String),
    #[error("tag '{0}' is empty or contains a comma")]
    Tag(String),
    #[error("more than {MAX_TAGS} tags")]
    TooManyTags,
}

pub const MAX_NAME_CHARS: usize = 120;

pub fn check_name(input: &str) -> Result<String, ContactError> {
    let name = check_field(TextField::Name, input)?;
    if name.is_empty() {
        return Err(ContactError::EmptyName);
    }
    Ok(name)
}

pub fn check_phone(input: &str) -> Result<String, ContactError> {
    let phone = check_field(TextField::Phone, input)
        .map_err(|_| ContactError::PhoneTooLong(printable(&clean_text(&truncated(input)), false).into()))?;
    let allowed = |c: char| c.is_ascii_digit() || " +-().".contains(c);
    if !phone.chars().all(allowed) {
        return Err(ContactError::PhoneCharacters(phone));
    }
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    if digits < 3 {
        return Err(ContactError::PhoneTooShort(phone));
    }
    if digits > 20 {
        return Err(ContactError::PhoneTooLong(phone));
    }
    Ok(phone)
}

/// The first characters of a value too long to quote whole.
fn truncated(input: &str) -> Cow<'_, str> {
    match input.char_indices().nth(40) {
        Some((end, _)) => Cow::Owned(format!("{}...", &input[..end])),
        None => Cow::Borrowed(input),
    }
}

/// Checks and cleans a list of phones, dropping repeats.
pub fn check_phones<'a>(phones: impl IntoIterator<Item = &'a str>) -> Result<Vec<String>, ContactError> {
    let mut checked: Vec<String> = Vec::new();
    for phone in phones.into_iter().filter(|p| !p.trim().is_empty()) {
        let phone = check_phone(phone)?;
        if !checked.contains(&phone) {
            if checked.len() == MAX_PHONES {
                return Err(ContactError::TooManyPhones);
            }
            checked.push(phone);
        }
    }
    Ok(checked)
}

pub fn check_email(input: &str) -> Result<String, ContactError> {
    let email = check_field(TextField::Email, input)?;
    let valid = match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.is_empty()
                && !domain.contains('@')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !email.contains(char::is_whitespace)
        }
        None => false,
    };
    if valid { Ok(email) } else { Err(ContactError::Email(email)) }
}

pub fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Cleans a list of tags, dropping case-insensitive duplicates.
pub fn check_tags<'a>(tags: impl IntoIterator<Item = &'a str>) -> Result<Vec<String>, ContactError> {
    let mut out: Vec<String> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for raw in tags {
        let tag = check_field(TextField::Tag, raw)?;
        if tag.is_empty() || tag.contains(',') {
            return Err(ContactError::Tag(printable(&tag, false).into_owned()));
        }
        if seen.insert(tag.to_lowercase()) {
            if out.len() == MAX_TAGS {
                return Err(ContactError::TooManyTags);
            }
            out.push(tag);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_leaves_clean_text_alone_and_cleans_the_rest() {
        for clean in ["", "张伟", "Anna Li", "绿源农资 有限公司", "René"] {
            assert!(is_clean_line(clean), "{clean:?}");
            assert_eq!(clean_text(clean), clean);
        }
        for dirty in
            [" a", "a ", "a  b", "a\tb", "Ren\u{65}\u{301}e", "a\u{202e}b", "a\u{1b}b", " ", "a\u{3000}b"]
        {
            assert!(!is_clean_line(dirty), "{dirty:?}");
            assert_eq!(clean_text(&clean_text(dirty)), clean_text(dirty), "{dirty:?}");
        }
    }

    #[test]
    fn text_is_nfc_and_single_spaced() {
        // "e" + combining acute becomes one precomposed character
        assert_eq!(clean_text("  Ren\u{0065}\u{0301}e   Dupont "), "Ren\u{00e9}e Dupont");
        assert_eq!(clean_text("张伟"), "张伟");
        assert_eq!(clean_text("a\u{7}b\tc"), "a b c");
        assert_eq!(clean_note(" line 1\r\nline\u{0}2 "), "line 1\nline2");
    }

    #[test]
    fn rejects_bad_contact_fields() {
        assert_eq!(check_name("   "), Err(ContactError::EmptyName));
        assert!(check_phone("138 0000 1111").is_ok());
        assert!(matches!(check_phone("call me"), Err(ContactError::PhoneCharacters(_))));
        assert!(matches!(check_phone("12"), Err(ContactError::PhoneTooShort(_))));
        assert!(check_email("li.na@example.cn").is_ok());
        assert!(check_email("contact1@invalid").is_ok(), "a domain without a dot is still an address");
        for bad in ["li.na", "li@", "@x.cn", "a@b@c.cn", "a@.cn", "a b@c.cn"] {
            assert!(check_email(bad).is_err(), "{bad}");
        }
        assert_eq!(check_tags(["vip", "VIP", "farm"]).unwrap(), vec!["vip", "farm"]);
        assert!(check_tags(["a,b"]).is_err());
    }
}
