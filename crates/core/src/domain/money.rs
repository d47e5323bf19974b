use std::fmt;

use serde::{Deserialize, Serialize};

/// An amount in minor units (cents, fen) of the book's single currency.
///
/// Integer arithmetic only: revenue sums and shares must never drift. One
/// amount is at most [`Money::MAX`] (an order, a potential, an incentive's
/// value, whichever way it comes in); 128 bits hold the sum of four billion
/// of them, so a total never overflows and never saturates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Money(pub i128);

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
    #[error("amount '{0}' is too large (at most 1,000,000,000,000)")]
    TooLarge(String),
}

impl Money {
    pub const ZERO: Money = Money(0);

    /// The largest amount Leadline takes: a trillion in major units.
    pub const MAX: Money = Money(1_000_000_000_000 * 100);

    pub fn minor(self) -> i128 {
        self.0
    }

    /// Whether it is an amount Leadline takes (zero to [`Money::MAX`]).
    pub fn in_range(self) -> bool {
        (0..=Money::MAX.0).contains(&self.0)
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
        let whole: i128 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| too_large())? };
        let cents: i128 = match fraction.len() {
            0 => 0,
            1 => fraction.parse::<i128>().map_err(|_| malformed())? * 10,
            _ => fraction.parse().map_err(|_| malformed())?,
        };
        whole
            .checked_mul(100)
            .and_then(|w| w.checked_add(cents))
            .map(Money)
            .filter(|m| m.in_range())
            .ok_or_else(too_large)
    }

    /// A sum: of amounts within [`Money::MAX`], exact for any number a book
    /// can hold (and saturating, not wrapping, past that).
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
        assert!(matches!(Money::parse("92233720368547758.07"), Err(MoneyError::TooLarge(_))));
        assert_eq!(Money::parse("1,000,000,000,000"), Ok(Money::MAX));
        assert!(matches!(Money::parse("1000000000000.01"), Err(MoneyError::TooLarge(_))));
    }

    #[test]
    fn totals_of_the_largest_amounts_are_exact() {
        let total: Money = std::iter::repeat_n(Money::MAX, 1_000_000).sum();
        assert_eq!(total, Money(Money::MAX.0 * 1_000_000));
        assert_eq!(total.grouped(), "1,000,000,000,000,000,000.00");
    }

    #[test]
    fn displays_major_units_with_two_decimals() {
        assert_eq!(Money(1_200_050).to_string(), "12000.50");
        assert_eq!(Money(5).to_string(), "0.05");
        assert_eq!(Money(-150).to_string(), "-1.50");
    }
}
