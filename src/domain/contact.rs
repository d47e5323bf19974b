//! Normalising and checking the contact fields people type or import.

use unicode_normalization::UnicodeNormalization;

/// NFC, trimmed, inner runs of whitespace folded to one space, control
/// characters dropped.
pub fn clean_text(input: &str) -> String {
    let nfc: String = input.nfc().map(|c| if c.is_control() { ' ' } else { c }).collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// NFC and trimmed, line breaks and tabs kept, other control characters
/// dropped: for notes.
pub fn clean_note(input: &str) -> String {
    let nfc: String =
        input.replace("\r\n", "\n").nfc().filter(|c| !c.is_control() || *c == '\n' || *c == '\t').collect();
    nfc.trim().to_string()
}

/// `Some(cleaned)` unless the text is blank.
pub fn optional_text(input: Option<&str>) -> Option<String> {
    input.map(clean_text).filter(|s| !s.is_empty())
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContactError {
    #[error("name is empty")]
    EmptyName,
    #[error("name is longer than {max} characters")]
    NameTooLong { max: usize },
    #[error("phone '{0}' has characters other than digits, spaces, +, -, (, ) and .")]
    PhoneCharacters(String),
    #[error("phone '{0}' has too few digits")]
    PhoneTooShort(String),
    #[error("phone '{0}' has too many digits")]
    PhoneTooLong(String),
    #[error("email '{0}' is not an address like name@example.com")]
    Email(String),
    #[error("tag '{0}' is empty or contains a comma")]
    Tag(String),
}

pub const MAX_NAME_CHARS: usize = 120;

pub fn check_name(input: &str) -> Result<String, ContactError> {
    let name = clean_text(input);
    if name.is_empty() {
        return Err(ContactError::EmptyName);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(ContactError::NameTooLong { max: MAX_NAME_CHARS });
    }
    Ok(name)
}

pub fn check_phone(input: &str) -> Result<String, ContactError> {
    let phone = clean_text(input);
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

/// The part of a phone number that identifies it across spellings:
/// `+86 138-0000-1111` and `13800001111` share a key.
pub fn phone_key(phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let keep = 10.min(digits.len());
    digits[digits.len() - keep..].to_string()
}

pub fn check_email(input: &str) -> Result<String, ContactError> {
    let email = clean_text(input);
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
    for raw in tags {
        let tag = clean_text(raw);
        if tag.is_empty() || tag.contains(',') {
            return Err(ContactError::Tag(raw.to_string()));
        }
        if !out.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
            out.push(tag);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_nfc_and_single_spaced() {
        // "e" + combining acute becomes one precomposed character
        assert_eq!(clean_text("  Ren\u{0065}\u{0301}e   Dupont "), "Ren\u{00e9}e Dupont");
        assert_eq!(clean_text("张伟"), "张伟");
        assert_eq!(clean_text("a\u{7}b\tc"), "a b c");
        assert_eq!(clean_note(" line 1\r\nline\u{0}2 "), "line 1\nline2");
    }

    #[test]
    fn phones_share_a_key_across_spellings() {
        assert_eq!(phone_key("+86 138-0000-1111"), phone_key("13800001111"));
        assert_ne!(phone_key("13800001111"), phone_key("13800001112"));
        assert_eq!(phone_key("110"), "110");
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
