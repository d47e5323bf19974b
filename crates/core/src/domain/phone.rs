//! Phone numbers in their international form (E.164, `+8613800001111`), so
//! that `138 0000 1111`, `+86 138-0000-1111` and `13800001111` are one
//! number when duplicates are found, an account is searched for or a
//! number is dialled. What the rep typed is kept as typed beside it.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use phonenumber::country::Id;
use serde::{Deserialize, Serialize};

/// The country a number without a country code belongs to
/// (`[contacts] default_region`, an ISO 3166 code such as `CN`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Region(Id);

impl Default for Region {
    fn default() -> Self {
        Region(Id::CN)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a region: use a two-letter country code such as CN, HK, TW or US")]
pub struct UnknownRegion(pub String);

impl FromStr for Region {
    type Err = UnknownRegion;

    fn from_str(code: &str) -> Result<Region, UnknownRegion> {
        let upper = code.trim().to_ascii_uppercase();
        // The numbering plans also list non-geographic entities ("001").
        match upper.len() == 2 && upper.bytes().all(|b| b.is_ascii_uppercase()) {
            true => upper.parse::<Id>().map(Region).map_err(|_| UnknownRegion(code.to_string())),
            false => Err(UnknownRegion(code.to_string())),
        }
    }
}

impl TryFrom<String> for Region {
    type Error = UnknownRegion;

    fn try_from(code: String) -> Result<Region, UnknownRegion> {
        code.parse()
    }
}

impl From<Region> for String {
    fn from(region: Region) -> String {
        region.to_string()
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_ref())
    }
}

/// Whether `text` is written like a phone number (digits with the usual
/// punctuation, at least `min_digits` of them) rather than a name.
pub fn looks_like_phone(text: &str, min_digits: usize) -> bool {
    let allowed = |c: char| c.is_ascii_digit() || " +-().".contains(c);
    text.chars().all(allowed) && text.chars().filter(char::is_ascii_digit).count() >= min_digits
}

/// Whether `typed` is written like a North American number (`(515)
/// 555-0100`, `515-555-0100`, `1-563-555-0104`, `+1 ...`): ten digits in
/// the plan's shape, or eleven after a 1 set apart (eleven bare digits
/// starting with 1 are as likely a Chinese mobile number).
pub fn looks_north_american(typed: &str) -> bool {
    if !looks_like_phone(typed, 10) {
        return false;
    }
    let digits: Vec<u8> = typed.bytes().filter(u8::is_ascii_digit).collect();
    let shaped = |ten: &[u8]| ten.len() == 10 && ten[0] >= b'2' && ten[3] >= b'2';
    let trimmed = typed.trim_start();
    match digits.len() {
        10 => shaped(&digits) && !trimmed.starts_with('0'),
        11 => {
            let set_apart =
                trimmed.starts_with("+1") || trimmed.starts_with("1-") || trimmed.starts_with("1 ");
            digits[0] == b'1' && set_apart && shaped(&digits[1..])
        }
        _ => false,
    }
}

/// Whether `typed` names its own country (`+49 ...`, `0049 ...`).
pub fn has_country_code(typed: &str) -> bool {
    let trimmed = typed.trim_start_matches(|c: char| c == '(' || c.is_whitespace());
    trimmed.starts_with('+') || trimmed.starts_with("00")
}

/// A number's international form, `+` and digits; None for what has no
/// place in a numbering plan (short codes such as 110, numbers missing
/// digits) and for a number written without a country code that is not
/// one of the region's: `(650) 555-1212` under `CN` is kept as typed, not
/// dialled as `+86 650...` ([`is_doubtful`] tells them apart).
pub fn e164(typed: &str, region: Region) -> Option<String> {
    if let Some(national) = china_mobile(typed, region) {
        return Some(format!("+86{national}"));
    }
    let (number, international) = parse(typed, region)?;
    // A country code the rep wrote is trusted with the plan's general
    // shape; a number read in the region must be one of its kinds (fixed,
    // mobile, toll-free...), which the general shape of a big plan such as
    // China's is too loose to tell, and written as the region writes it.
    let fits = match international {
        true => well_formed(&number),
        false => phonenumber::is_valid(&number) && has_national_prefix_if_written(&number, typed),
    };
    // E.164 is `+`, the country code and the national number (with its
    // leading zeros, as Italy's keep): written here, it costs a third of
    // what the crate's formatter does, which also drops Italy's 0.
    fits.then(|| format!("+{}{}", number.code().value(), number.national()))
}

/// Whether a number read in its region starts with the region's national
/// prefix where the region writes one (`0536 1234601`, `020 7946 0958`):
/// China's plan would take `(415) 555-0100` for a number in 丹东 (0415),
/// though no one there writes it so, and a landline written without its 0
/// does not connect from a mobile either.
fn has_national_prefix_if_written(number: &phonenumber::PhoneNumber, typed: &str) -> bool {
    let Some(plan) = number.metadata(&phonenumber::metadata::DATABASE) else { return true };
    let Some(prefix) = plan.national_prefix() else { return true };
    let digits: String = typed.chars().filter(char::is_ascii_digit).collect();
    if digits.starts_with(prefix) {
        return true;
    }
    let national = number.national().to_string();
    let whole = |regex: &phonenumber::metadata::Format| {
        regex.pattern().find(&national).is_some_and(|m| m.start() == 0 && m.end() == national.len())
    };
    let leads = |format: &phonenumber::metadata::Format| {
        format.leading_digits().last().is_none_or(|lead| lead.find(&national).is_some_and(|m| m.start() == 0))
    };
    let Some(format) = plan.formats().iter().find(|format| leads(format) && whole(format)) else {
        return true;
    };
    !format.national_prefix().is_some_and(|rule| rule.contains("$NP"))
}

/// Which version of the rules above worked out the stored international
/// forms: a change that reads some numbers differently bumps it, and a
/// store works its phones out again once.
pub const RULES_VERSION: u32 = 2;

/// Whether a number the rep typed has the digits of a whole number but no
/// international form ([`e164`] is empty): most likely one from another
/// country written without its code, dialled as typed and compared by its
/// digits; short codes (110, 95588) are not doubtful.
pub fn is_doubtful(typed: &str, e164: &str) -> bool {
    e164.is_empty() && typed.chars().filter(char::is_ascii_digit).count() >= WHOLE_NUMBER_DIGITS
}

/// The fewest digits of a subscriber's number in most plans.
const WHOLE_NUMBER_DIGITS: usize = 7;

/// The eleven digits of a mainland Chinese mobile number (`1`, `3`–`9`,
/// nine more; `179` is no mobile prefix), written with `+86`, `0086` or in
/// `CN` without: most of a rep's book, read without the numbering plans,
/// which take some 70 ms to load (a test checks that both read every
/// prefix alike).
fn china_mobile(typed: &str, region: Region) -> Option<String> {
    if !looks_like_phone(typed, 11) {
        return None;
    }
    let digits: String = typed.chars().filter(char::is_ascii_digit).collect();
    let international = typed.trim_start_matches(|c: char| c == '(' || c.is_whitespace()).starts_with('+');
    let national = match (international, digits.strip_prefix("0086")) {
        (true, _) => digits.strip_prefix("86")?,
        (false, Some(rest)) => rest,
        (false, None) if region.0 == Id::CN => digits.as_str(),
        (false, None) => return None,
    };
    let bytes = national.as_bytes();
    let mobile =
        bytes.len() == 11 && bytes[0] == b'1' && (b'3'..=b'9').contains(&bytes[1]) && &bytes[1..3] != b"79";
    mobile.then(|| national.to_string())
}

/// Whether the number fits its country's plan as a whole (its general
/// pattern and lengths). One pattern, where `phonenumber::is_valid` tries
/// each kind of number in turn (toll-free, mobile, ...) at five times the
/// cost, which an import of a million rows would feel.
fn well_formed(number: &phonenumber::PhoneNumber) -> bool {
    let national = number.national().to_string();
    phonenumber::metadata::DATABASE
        .by_code(&number.code().value())
        .is_some_and(|plans| plans.iter().any(|plan| plan.descriptors().general().is_match(&national)))
}

/// The digits to look for when someone searches for `typed`: its national
/// number when it is a well-formed one (`+86 138-0000-1111` and `0138...`
/// look for `13800001111`, found in both the typed and the international
/// form), else its digits.
pub fn search_digits(typed: &str, region: Region) -> String {
    if let Some(national) = china_mobile(typed, region) {
        return national;
    }
    match parse(typed, region) {
        Some((number, _)) if well_formed(&number) => number.national().to_string(),
        _ => typed.chars().filter(char::is_ascii_digit).collect(),
    }
}

/// The number and whether it was written with its country code. Such a
/// number is read without the region (the parser otherwise drops the
/// region's national prefix from it: under `US`, the `1` of `+86 138...`),
/// and `00` counts as `+` wherever the rep is (the US dials out with 011).
fn parse(typed: &str, region: Region) -> Option<(phonenumber::PhoneNumber, bool)> {
    let start = typed.trim_start_matches(|c: char| c == '(' || c.is_whitespace());
    let international = match start.strip_prefix("00") {
        Some(rest) => Cow::Owned(format!("+{rest}")),
        None if start.starts_with('+') => Cow::Borrowed(start),
        None => return phonenumber::parse(Some(region.0), typed).ok().map(|n| (n, false)),
    };
    phonenumber::parse(None, international.as_ref()).ok().map(|n| (n, true))
}

/// What to search for when someone types `query`: the [`search_digits`]
/// of a phone number, other text as it is.
pub fn search_text(query: &str, region: Region) -> Cow<'_, str> {
    match looks_like_phone(query.trim(), SEARCHED_DIGITS) {
        true => Cow::Owned(search_digits(query, region)),
        false => Cow::Borrowed(query),
    }
}

/// Fewer digits than this are searched as typed (part of a name, an id).
const SEARCHED_DIGITS: usize = 5;

/// The international form of each of `phones`, in their order, empty where
/// a number has none (what [`crate::domain::Account::phones_e164`] holds).
pub fn e164_list(phones: &[String], region: Region) -> Vec<String> {
    if phones.is_empty() {
        return Vec::new();
    }
    phones.iter().map(|p| e164(p, region).unwrap_or_default()).collect()
}

/// What identifies a phone across spellings: its international form (`e164`,
/// empty when it has none), else the digits typed.
pub fn match_key(typed: &str, e164: &str) -> String {
    match e164.is_empty() {
        true => typed.chars().filter(char::is_ascii_digit).collect(),
        false => e164.to_string(),
    }
}

/// Loads the numbering plans (some 60 ms) on another thread, so that the
/// first number normalised later does not wait for them.
pub fn warm() {
    std::thread::spawn(|| e164("13800001111", Region::default()));
}

#[cfg(test)]
mod tests {

    #[test]
    fn north_american_numbers_are_told_from_chinese_ones() {
        for typed in ["(515) 555-0100", "515-555-0100", "1-563-555-0104", "+1 712 555 0102", "319.555.0101"] {
            assert!(looks_north_american(typed), "{typed}");
        }
        for typed in ["13800001111", "15155550100", "0536 1234601", "010 8888 6666", "110", "+49 30 1234567"]
        {
            assert!(!looks_north_american(typed), "{typed}");
        }
        assert!(has_country_code("+1 515 555 0100") && has_country_code("0049 30 1234567"));
        assert!(!has_country_code("(515) 555-0100"));
    }
    use super::*;

    #[test]
    fn one_number_in_its_spellings_has_one_international_form() {
        let cn = Region::default();
        for typed in
            ["138 0000 1111", "+86 138-0000-1111", "13800001111", "0086 138 0000 1111", "(+86) 13800001111"]
        {
            assert_eq!(e164(typed, cn).as_deref(), Some("+8613800001111"), "{typed}");
        }
        assert_eq!(e164("(0755) 8888 1234", cn).as_deref(), Some("+8675588881234"));
        assert_eq!(e164("+1 (415) 555-0100", cn).as_deref(), Some("+14155550100"));
        assert_eq!(e164("110", cn), None, "a short code has no international form");
        assert_eq!(e164("12345", cn), None);
    }

    #[test]
    fn the_international_form_keeps_the_leading_zeros_some_countries_dial() {
        // The crate's own E.164 formatter drops Italy's 0 (`+39612345678`).
        for (typed, international) in [
            ("+39 06 1234 5678", "+390612345678"),
            ("+44 20 7946 0958", "+442079460958"),
            ("010 6552 9988", "+861065529988"),
        ] {
            assert_eq!(e164(typed, Region::default()).as_deref(), Some(international), "{typed}");
        }
    }

    #[test]
    fn mobile_numbers_read_without_the_plans_as_the_plans_read_them() {
        let cn = Region::default();
        for prefix in 100..200 {
            for rest in ["00000000", "12345678", "99999999"] {
                let national = format!("{prefix}{rest}");
                let by_plans = phonenumber::parse(Some(Id::CN), &national)
                    .ok()
                    .filter(well_formed)
                    .map(|n| format!("+{}{}", n.code().value(), n.national()));
                let by_shortcut = china_mobile(&national, cn).map(|n| format!("+86{n}"));
                if by_shortcut.is_some() {
                    assert_eq!(by_shortcut, by_plans, "{national}");
                } else {
                    assert!(
                        !(prefix >= 130 && by_plans.is_some()),
                        "{national} is a mobile number the shortcut misses"
                    );
                }
            }
        }
        let us: Region = "US".parse().unwrap();
        assert_eq!(china_mobile("+86 138 0000 1111", us).as_deref(), Some("13800001111"));
        assert_eq!(
            china_mobile("138 0000 1111", us),
            None,
            "in the US, a number without +86 is no Chinese one"
        );
        assert_eq!(china_mobile("0086 138-0000-1111", cn).as_deref(), Some("13800001111"));
        assert_eq!(china_mobile("+1 385 000 11112", cn), None);
    }

    #[test]
    fn the_region_decides_numbers_written_without_a_country_code() {
        let us: Region = "us".parse().unwrap();
        assert_eq!(us.to_string(), "US");
        assert_eq!(e164("(415) 555-0100", us).as_deref(), Some("+14155550100"));
        assert_eq!(e164("+86 138 0000 1111", us).as_deref(), Some("+8613800001111"));
        for bad in ["", "China", "001", "ZZ", "C1"] {
            assert!(bad.parse::<Region>().is_err(), "{bad}");
        }
    }

    #[test]
    fn a_number_from_abroad_written_without_its_code_is_kept_as_typed() {
        let cn = Region::default();
        for foreign in ["(650) 555-1212", "650 555 1212", "555 1212", "(415) 555-0100", "536 1234601"] {
            assert_eq!(e164(foreign, cn), None, "{foreign} is no Chinese number");
            assert!(is_doubtful(foreign, ""), "{foreign}");
        }
        for chinese in ["0536 1234601", "(0755) 8888 1234", "020 8888 1234", "400 810 8888", "147 0490 5511"]
        {
            assert!(e164(chinese, cn).is_some(), "{chinese} is a Chinese number");
        }
        let gb: Region = "GB".parse().unwrap();
        assert_eq!(e164("020 7946 0958", gb).as_deref(), Some("+442079460958"));
        assert_eq!(e164("20 7946 0958", gb), None, "London writes its 0");
        let us: Region = "US".parse().unwrap();
        assert_eq!(e164("1-515-555-0100", us).as_deref(), Some("+15155550100"), "the US's 1 is optional");
        assert!(!is_doubtful("110", ""), "a short code is no doubt");
        assert!(!is_doubtful("95588", ""));
        assert!(!is_doubtful("(650) 555-1212", "+16505551212"));
    }

    #[test]
    fn a_number_with_its_country_code_is_read_in_its_own_country() {
        let us: Region = "US".parse().unwrap();
        assert_eq!(e164("0049 30 1234567", us).as_deref(), Some("+49301234567"), "00 is + in the US too");
        assert_eq!(e164("0049 30 1234567", Region::default()).as_deref(), Some("+49301234567"));
        assert_eq!(e164("+1 (650) 555-1212", Region::default()).as_deref(), Some("+16505551212"));
        assert_eq!(e164("(+44) 20 7946 0958", us).as_deref(), Some("+442079460958"));
        assert_eq!(e164("(650) 555-1212", us).as_deref(), Some("+16505551212"));
    }

    #[test]
    fn a_search_for_a_number_looks_for_its_national_digits() {
        let cn = Region::default();
        assert_eq!(search_digits("+86 138-0000-1111", cn), "13800001111");
        assert_eq!(search_digits("0755 8888 1234", cn), "75588881234");
        assert_eq!(search_digits("1111", cn), "1111");
        assert_eq!(search_text("+86 138 0000 1111", cn), "13800001111");
        assert_eq!(search_text("138 0000", cn), "1380000");
        assert_eq!(search_text("张 138", cn), "张 138");
        assert!(looks_like_phone("+86 (138) 0000-1111", 5));
        assert!(!looks_like_phone("138 Anna", 5));
        assert!(!looks_like_phone("12-34", 5));
    }
}
