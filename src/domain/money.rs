use std::fmt;

use serde::{Deserialize, Serialize};

/// An amount in minor units (cents, fen) of the book's single currency.
///
/// Integer arithmetic only: revenue sums and shares must never drift.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Money(pub i64);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("amount is empty")]
    Empty,
    #[error("amount '{0}' is negative; amounts are zero or more")]
    Negative(String),
    #[error("amount '{0}' is not a number like 12000 or 12000.50")]
    Malformed(String),
    #[error("amount '{0}' has more than two decimals")]
    TooPrecise(String),
    #[error("amount '{0}' is too large")]
    TooLarge(String),
}

impl Money {
    pub const ZERO: Money = Money(0);

    pub fn minor(self) -> i64 {
        self.0
    }

    /// Parses a major-unit amount as a rep types it: `12000`, `12000.5`,
    /// `12,000.50`, with an optional leading currency sign.
    pub fn parse(input: &str) -> Result<Money, MoneyError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(MoneyError::Empty);
        }
        let text = text.trim_start_matches(['¥', '$', '€', '£', '￥']).trim();
        if text.starts_with('-') {
            return Err(MoneyError::Negative(input.trim().to_string()));
        }
        let text = text.strip_prefix('+').unwrap_or(text);
        let malformed = || MoneyError::Malformed(input.trim().to_string());
        let (whole, fraction) = match text.split_once('.') {
            Some((w, f)) => (w, f),
            None => (text, ""),
        };
        let whole = strip_grouping(whole).ok_or_else(malformed)?;
        if whole.is_empty() && fraction.is_empty() {
            return Err(malformed());
        }
        if !whole.bytes().all(|b| b.is_ascii_digit()) || !fraction.bytes().all(|b| b.is_ascii_digit()) {
            return Err(malformed());
        }
        if fraction.len() > 2 {
            return Err(MoneyError::TooPrecise(input.trim().to_string()));
        }
        let too_large = || MoneyError::TooLarge(input.trim().to_string());
        let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| too_large())? };
        let cents: i64 = match fraction.len() {
            0 => 0,
            1 => fraction.parse::<i64>().map_err(|_| malformed())? * 10,
            _ => fraction.parse().map_err(|_| malformed())?,
        };
        whole.checked_mul(100).and_then(|w| w.checked_add(cents)).map(Money).ok_or_else(too_large)
    }

    pub fn saturating_add(self, other: Money) -> Money {
        Money(self.0.saturating_add(other.0))
    }
}

/// Accepts `12000` and well-formed `12,000`; rejects `1,20` and friends.
fn strip_grouping(whole: &str) -> Option<String> {
    if !whole.contains(',') {
        return Some(whole.to_string());
    }
    let groups: Vec<&str> = whole.split(',').collect();
    let first_ok = (1..=3).contains(&groups[0].len());
    let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
    (first_ok && rest_ok).then(|| groups.concat())
}

impl Money {
    /// For reading rather than parsing: "12,000.50".
    pub fn grouped(self) -> String {
        let text = self.to_string();
        let (whole, cents) = text.split_once('.').unwrap_or((&text, "00"));
        let (sign, digits) = whole.strip_prefix('-').map_or(("", whole), |d| ("-", d));
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        format!("{sign}{out}.{cents}")
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

impl std::str::FromStr for Money {
    type Err = MoneyError;

    fn from_str(input: &str) -> Result<Money, MoneyError> {
        Money::parse(input)
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Money::saturating_add)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_reps_type() {
        assert_eq!(Money::parse("12000"), Ok(Money(1_200_000)));
        assert_eq!(Money::parse("12000.5"), Ok(Money(1_200_050)));
        assert_eq!(Money::parse("12000.50"), Ok(Money(1_200_050)));
        assert_eq!(Money::parse("12,000.05"), Ok(Money(1_200_005)));
        assert_eq!(Money::parse("¥88"), Ok(Money(8800)));
        assert_eq!(Money::parse(".5"), Ok(Money(50)));
        assert_eq!(Money::parse("0"), Ok(Money(0)));
    }

    #[test]
    fn rejects_bad_amounts_with_a_reason() {
        assert!(matches!(Money::parse("-5"), Err(MoneyError::Negative(_))));
        assert!(matches!(Money::parse("1.234"), Err(MoneyError::TooPrecise(_))));
        assert!(matches!(Money::parse("12a"), Err(MoneyError::Malformed(_))));
        assert!(matches!(Money::parse("1,20"), Err(MoneyError::Malformed(_))));
        assert!(matches!(Money::parse("."), Err(MoneyError::Malformed(_))));
        assert!(matches!(Money::parse(""), Err(MoneyError::Empty)));
        assert!(matches!(Money::parse("99999999999999999999"), Err(MoneyError::TooLarge(_))));
    }

    #[test]
    fn displays_major_units_with_two_decimals() {
        assert_eq!(Money(1_200_050).to_string(), "12000.50");
        assert_eq!(Money(5).to_string(), "0.05");
        assert_eq!(Money(-150).to_string(), "-1.50");
    }
}
