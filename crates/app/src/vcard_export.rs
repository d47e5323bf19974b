//! The accounts as vCard 4.0 (RFC 6350), so that contacts go back to a
//! phone or an address book: a card per account with its name, company,
//! title, phones, email, address, tags, note, birthday and anniversary.

use crate::domain::{Account, MonthDay};

/// A text value escaped as RFC 6350 asks: backslash, comma, semicolon and
/// line breaks. A tab is white space a value may hold as it is; other
/// control characters have no place in one.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded at 75 octets, never inside a character, each
/// continuation starting with a space; lines end with CRLF.
fn fold(line: &str, out: &mut String) {
    let mut used = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if used + width > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += width;
    }
    out.push_str("\r\n");
}

fn birthday(day: MonthDay) -> String {
    match day.year {
        Some(year) => format!("{year:04}{:02}{:02}", day.month, day.day),
        None => format!("--{:02}{:02}", day.month, day.day),
    }
}

/// The UID of an account's card: its global id, the same card in every
/// export, from every device (an account from before global ids keeps its
/// local number).
pub fn card_uid(account: &Account) -> String {
    match account.uid.is_nil() {
        true => format!("urn:leadline:account:{}", account.id),
        false => format!("urn:uuid:{}", account.uid),
    }
}

/// One card.
pub fn vcard(account: &Account) -> String {
    vcard_with_uid(account, &card_uid(account))
}

/// One card under `uid` (a card made on a phone keeps the phone's).
pub fn vcard_with_uid(account: &Account, uid: &str) -> String {
    let mut lines = vec!["BEGIN:VCARD".to_string(), "VERSION:4.0".to_string()];
    lines.push(format!("UID:{}", escape(uid)));
    lines.push(format!("FN:{}", escape(&account.name)));
    // Address books sort by the family name: N says which part it is.
    let (given, family) = account.given_and_family();
    lines.push(format!("N:{};{};;;", escape(&family), escape(&given)));
    if let Some(company) = &account.company {
        lines.push(format!("ORG:{}", escape(company)));
    }
    if let Some(title) = &account.title {
        lines.push(format!("TITLE:{}", escape(title)));
    }
    // A number in its international form dials from anywhere; one the
    // numbering plans do not know goes as typed.
    for (typed, dial) in account.phones.iter().zip(account.dial_numbers()) {
        match typed.as_str() == dial {
            true => lines.push(format!("TEL;VALUE=text:{}", escape(typed))),
            false => lines.push(format!("TEL;VALUE=uri:tel:{dial}")),
        }
    }
    if let Some(email) = &account.email {
        lines.push(format!("EMAIL:{}", escape(email)));
    }
    if let Some(address) = &account.address {
        lines.push(format!("ADR:;;{};;;;", escape(address)));
    }
    if !account.tags.is_empty() {
        let tags: Vec<String> = account.tags.iter().map(|t| escape(t)).collect();
        lines.push(format!("CATEGORIES:{}", tags.join(",")));
    }
    if let Some(note) = &account.note {
        lines.push(format!("NOTE:{}", escape(note)));
    }
    if let Some(day) = account.birthday {
        lines.push(format!("BDAY:{}", birthday(day)));
    }
    // The day set by hand: one worked out from the first order would
    // come back as set.
    if let Some(day) = account.anniversary {
        lines.push(format!("ANNIVERSARY:{}", day.format("%Y%m%d")));
    }
    lines.push("END:VCARD".to_string());
    let mut out = String::new();
    for line in lines {
        fold(&line, &mut out);
    }
    out
}

/// Every card, one after the other (a `.vcf` file).
pub fn vcards<'a>(accounts: impl IntoIterator<Item = &'a Account>) -> String {
    accounts.into_iter().map(vcard).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_escaped_and_long_lines_folded_between_characters() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        let mut out = String::new();
        fold(&format!("NOTE:{}", "绿源农资".repeat(10)), &mut out);
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("NOTE:{}\r\n", "绿源农资".repeat(10)));
    }
}
