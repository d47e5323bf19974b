//! Turning the bytes of a contacts file into text: the encodings phones,
//! Outlook, Google and spreadsheets write (a BOM, UTF-16 without one, UTF-8,
//! GB18030, Shift_JIS, Windows-1252), told apart by how the text reads.

use encoding_rs::{BIG5, Encoding, GB18030, GBK, SHIFT_JIS, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Why a file's text cannot be read without being told its encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Undecodable {
    /// UTF-32, which nothing Leadline reads writes and it does not decode.
    Utf32,
    /// A legacy encoding, but which one the bytes do not say clearly: they
    /// read as text in more than one (Big5 and GB18030 share most bytes).
    Doubtful { guess: &'static str, also: &'static str },
}

/// Checks that [`decode`] can read the bytes without a guess it cannot
/// stand by; `forced` (`--encoding`) settles any doubt. Says the legacy
/// encoding the detector settled on, when it came to that, so that the
/// bytes are not read through twice to find it again.
pub fn check(
    bytes: &[u8],
    forced: Option<&'static Encoding>,
) -> Result<Option<&'static Encoding>, Undecodable> {
    if forced.is_some() {
        return Ok(None);
    }
    if bytes.starts_with(&[0xff, 0xfe, 0, 0]) || bytes.starts_with(&[0, 0, 0xfe, 0xff]) || looks_utf32(bytes)
    {
        return Err(Undecodable::Utf32);
    }
    if Encoding::for_bom(bytes).is_some() || utf16_without_bom(bytes).is_some() || is_mostly_utf8(bytes) {
        return Ok(None);
    }
    let guess = legacy_guess(bytes);
    let score = |encoding: &'static Encoding| {
        encoding.decode_without_bom_handling_and_without_replacement(bytes).map(|text| plausibility(&text))
    };
    // The detector's guess stands when its reading is whole and reads like
    // text; else another reading is named beside it.
    if score(guess).is_some_and(|plausible| plausible >= 0) {
        return Ok(Some(guess));
    }
    let also = [GB18030, BIG5, SHIFT_JIS, WINDOWS_1252]
        .into_iter()
        .filter(|other| *other != guess)
        .filter_map(|other| Some((other, score(other)?)))
        .max_by_key(|(_, plausible)| *plausible)
        .map_or(if guess == WINDOWS_1252 { GB18030 } else { WINDOWS_1252 }, |(other, _)| other);
    Err(Undecodable::Doubtful { guess: guess.name(), also: also.name() })
}

/// Text in UTF-32 without a BOM: three of every four bytes zero.
fn looks_utf32(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(512) & !3];
    sample.len() >= 8 && sample.iter().filter(|b| **b == 0).count() * 4 >= sample.len() * 3 - sample.len() / 8
}

fn is_mostly_utf8(bytes: &[u8]) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(error) => error.error_len().is_none() && error.valid_up_to() > 0,
    }
}

/// The legacy encoding the detector (chardetng, as browsers use) takes the
/// bytes to be; GBK read as GB18030, its superset.
fn legacy_guess(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    if guess == GBK { GB18030 } else { guess }
}

/// Decodes the file's bytes: a BOM decides; else UTF-16 by its zero bytes;
/// else UTF-8 if valid; else the legacy encoding the detector takes it to
/// be (GB18030, Big5, Shift_JIS, Windows-1252, ...; see [`check`]).
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
    let encoding = legacy_guess(bytes);
    (encoding.decode_without_bom_handling(bytes).0.into_owned(), encoding.name())
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

/// [`decode`] for a file read whole: UTF-8 (the common case) keeps its
/// bytes instead of copying them, which matters for a 100 MB file.
pub fn decode_owned(bytes: Vec<u8>, forced: Option<&'static Encoding>) -> (String, &'static str) {
    let plain =
        forced.is_none() && Encoding::for_bom(&bytes).is_none() && utf16_without_bom(&bytes).is_none();
    if plain {
        match String::from_utf8(bytes) {
            Ok(text) => return (text, UTF_8.name()),
            Err(error) => return decode(error.as_bytes(), None),
        }
    }
    decode(&bytes, forced)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn a_file_read_whole_keeps_its_utf8_bytes_and_still_detects_the_rest() {
        assert_eq!(decode_owned("张伟".as_bytes().to_vec(), None), ("张伟".to_string(), "UTF-8"));
        let gbk = GB18030.encode("姓名,公司\n张伟,绿源农资有限公司\n").0.into_owned();
        assert_eq!(decode_owned(gbk, None).1, "gb18030");
    }
}
