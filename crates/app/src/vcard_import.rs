//! Contacts from vCard files (2.1, 3.0 and 4.0) as phones, Outlook, Google,
//! Apple and Evolution write them. Lines are unfolded as bytes, before any
//! decoding, because folds and quoted-printable soft breaks may split a
//! multi-byte character; each value is then decoded in its own charset, and
//! only then unescaped, because Shift_JIS bytes may look like backslashes.

use crate::i18n::msg;
use std::collections::HashMap;

use encoding_rs::{Encoding, UTF_8};

use super::contacts::{Contacts, Field, ImportOptions, ImportReport, ParsedRow, RowError, contact_from};
use super::encoding::{decode, utf16_without_bom};
use super::{App, AppError, AppResult};

/// One content line: `group.NAME;PARAM=VALUE;BARE:value`, unfolded.
struct Property<'a> {
    /// Apple's `item1.` ties a property to the `X-ABLabel` that names it.
    group: Option<String>,
    name: String,
    params: Vec<(String, String)>,
    value: &'a [u8],
}

impl Property<'_> {
    /// Parameter values, upper case; a bare parameter (`TEL;CELL`) is a type.
    fn types(&self) -> Vec<String> {
        self.params
            .iter()
            .filter(|(key, _)| key.is_empty() || key == "TYPE")
            .flat_map(|(_, value)| {
                value.split(',').map(|v| v.trim().to_ascii_uppercase()).collect::<Vec<_>>()
            })
            .collect()
    }

    fn param(&self, key: &str) -> Option<&str> {
        self.params.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    fn quoted_printable(&self) -> bool {
        self.param("ENCODING").is_some_and(|e| e.eq_ignore_ascii_case("QUOTED-PRINTABLE"))
            || self.types().iter().any(|t| t == "QUOTED-PRINTABLE")
    }

    /// The value as text: quoted-printable undone, decoded in its charset
    /// (or the file's), still escaped.
    fn text(&self, file_encoding: &'static Encoding) -> String {
        let bytes = if self.quoted_printable() { quoted_printable(self.value) } else { self.value.to_vec() };
        let encoding =
            self.param("CHARSET").and_then(|c| Encoding::for_label(c.as_bytes())).unwrap_or(file_encoding);
        encoding.decode_without_bom_handling(&bytes).0.into_owned()
    }
}

fn quoted_printable(bytes: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], bytes.get(i + 1).copied().and_then(hex), bytes.get(i + 2).copied().and_then(hex)) {
            (b'=', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    out
}

/// Splits at unescaped `separator`s (none: no split) and undoes the
/// escapes `\n`, `\,`, `\;` and `\\`; parts are trimmed.
fn split_unescaped(text: &str, separator: Option<char>) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n' | 'N') => current.push('\n'),
                Some(other) => current.push(other),
                None => {}
            },
            c if Some(c) == separator => parts.push(std::mem::take(&mut current).trim().to_string()),
            _ => current.push(c),
        }
    }
    parts.push(current.trim().to_string());
    parts
}

/// The components of a structured value (`N`, `ADR`, `ORG`).
fn components(text: &str) -> Vec<String> {
    split_unescaped(text, Some(';'))
}

/// A single value (a semicolon in it is text).
fn unescaped(text: &str) -> String {
    split_unescaped(text, None).concat()
}

/// Physical lines without their line ends, each with its line number. A
/// line ends at LF, CRLF, the CR CR LF of old iPhones, or a CR alone (old
/// Macs and some exporters).
fn physical_lines(bytes: &[u8]) -> impl Iterator<Item = (u64, &[u8])> {
    let mut rest = bytes;
    let mut number = 0u64;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        number += 1;
        let end = memchr::memchr2(b'\n', b'\r', rest).unwrap_or(rest.len());
        let line = &rest[..end];
        let mut next = end;
        while rest.get(next) == Some(&b'\r') {
            next += 1;
        }
        if rest.get(next) == Some(&b'\n') {
            next += 1;
        } else if next > end + 1 {
            // Several CRs without an LF: each one ends a line (empty ones).
            number += (next - end - 1) as u64;
        }
        rest = &rest[next.min(rest.len())..];
        Some((number, line))
    })
}

/// Logical lines, with the number of the line each starts on: a line that
/// starts with a space or tab continues the one before (minus that space),
/// and so does the line after a quoted-printable line ending in `=`.
fn unfold(bytes: &[u8]) -> Vec<(u64, Vec<u8>)> {
    let mut logical: Vec<(u64, Vec<u8>)> = Vec::new();
    // Whether the current logical line is quoted-printable, decided once
    // from its first physical line (which holds its name and parameters),
    // so that a long value is scanned once, not once per line.
    let mut quoted_printable = false;
    let mut soft_break = false;
    for (number, line) in physical_lines(bytes) {
        let folded = matches!(line.first(), Some(b' ' | b'\t'));
        match logical.last_mut() {
            Some((_, current)) if soft_break => {
                current.pop(); // the '='
                current.extend_from_slice(line);
            }
            Some((_, current)) if folded => current.extend_from_slice(&line[1..]),
            _ if line.is_empty() => continue,
            _ => {
                quoted_printable = is_quoted_printable(line);
                logical.push((number, line.to_vec()));
            }
        }
        soft_break = quoted_printable && logical.last().is_some_and(|(_, l)| l.ends_with(b"="));
    }
    logical
}

/// Whether a property's parameters (before its colon) name quoted-printable;
/// a line with no colon is no property.
fn is_quoted_printable(line: &[u8]) -> bool {
    let Some(end) = colon(line) else { return false };
    line[..end].to_ascii_uppercase().windows(16).any(|w| w == b"QUOTED-PRINTABLE")
}

/// Where the name and parameters end: the first colon outside quotes.
fn colon(line: &[u8]) -> Option<usize> {
    let mut quoted = false;
    for (i, b) in line.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b':' if !quoted => return Some(i),
            _ => {}
        }
    }
    None
}

fn property(line: &[u8]) -> Option<Property<'_>> {
    let at = colon(line)?;
    let head = String::from_utf8_lossy(&line[..at]).into_owned();
    let mut parts = head.split(';');
    let (group, name) = match parts.next()?.rsplit_once('.') {
        Some((group, name)) => (Some(group.trim().to_ascii_lowercase()), name),
        None => (None, head.split(';').next()?),
    };
    let name = name.trim().to_ascii_uppercase();
    let params = parts
        .map(|p| match p.split_once('=') {
            Some((key, value)) => {
                (key.trim().to_ascii_uppercase(), value.trim().trim_matches('"').to_string())
            }
            None => (String::new(), p.trim().to_string()),
        })
        .collect();
    Some(Property { group, name, params, value: &line[at + 1..] })
}

/// The names Apple's `X-ABLabel` gives the properties of its group:
/// `_$!<Anniversary>!$_` (one of Apple's own) is `Anniversary`.
fn apple_labels(card: &[Property<'_>], encoding: &'static Encoding) -> HashMap<String, String> {
    card.iter()
        .filter(|p| p.name == "X-ABLABEL")
        .filter_map(|p| {
            let label = unescaped(&p.text(encoding));
            let label = label.trim_start_matches("_$!<").trim_end_matches(">!$_").to_string();
            Some((p.group.clone()?, label))
        })
        .collect()
}

/// `label: value`, or the value alone when nothing names it.
fn labelled(label: Option<&str>, value: String) -> String {
    match label.filter(|l| !l.trim().is_empty()) {
        Some(label) => format!("{label}: {value}"),
        None => value,
    }
}

/// The fields one card gives a contact.
fn fields_of(card: &[Property<'_>], encoding: &'static Encoding) -> HashMap<Field, Vec<String>> {
    let mut values: HashMap<Field, Vec<String>> = HashMap::new();
    let mut nickname = None;
    let labels = apple_labels(card, encoding);
    let mut addresses = 0;
    for p in card {
        let text = p.text(encoding);
        let label = p.group.as_ref().and_then(|g| labels.get(g)).map(String::as_str);
        let type_label = p
            .types()
            .into_iter()
            .find(|t| !matches!(t.as_str(), "PREF" | "INTERNET" | "VOICE"))
            .map(|t| t.to_lowercase());
        let label = label.or(type_label.as_deref());
        let mut add = |field: Field, value: String| add_value(&mut values, field, value);
        match p.name.as_str() {
            "FN" => add(Field::Name, unescaped(&text)),
            "N" => {
                let n = components(&text);
                let part = |i: usize| n.get(i).cloned().unwrap_or_default();
                add(Field::Last, part(0));
                add(Field::First, part(1));
                add(Field::Middle, part(2));
            }
            "NICKNAME" => nickname = Some(unescaped(&text)),
            "URL" => add(Field::Website, unescaped(&text)),
            "ANNIVERSARY" | "X-ANNIVERSARY" | "X-MS-ANNIVERSARY" | "X-EVOLUTION-ANNIVERSARY" => {
                add(Field::Anniversary, unescaped(&text))
            }
            "X-ABDATE" if label.is_some_and(|l| l.eq_ignore_ascii_case("anniversary")) => {
                add(Field::Anniversary, unescaped(&text))
            }
            "X-ABDATE" => add(Field::OtherDate, labelled(label, unescaped(&text))),
            "X-ABRELATEDNAMES" | "RELATED" => add(Field::Related, labelled(label, unescaped(&text))),
            "ORG" => add(Field::Company, components(&text).into_iter().next().unwrap_or_default()),
            "TITLE" => add(Field::Title, unescaped(&text)),
            "BDAY" => add(Field::Birthday, unescaped(&text)),
            "EMAIL" => add(Field::Email, unescaped(&text)),
            "NOTE" => add(Field::Note, unescaped(&text)),
            "CATEGORIES" => add(Field::Tags, unescaped(&text)),
            "ADR" => {
                let parts: Vec<String> = components(&text).into_iter().filter(|c| !c.is_empty()).collect();
                let address = parts.join(", ").replace('\n', ", ");
                // An account has one address; the others go into the note.
                match addresses {
                    0 => add(Field::Address, address),
                    _ => add(Field::OtherAddress, labelled(label, address)),
                }
                addresses += 1;
            }
            "TEL" => {
                let types = p.types();
                let has = |t: &str| types.iter().any(|x| x == t);
                let number = unescaped(&text);
                let number = number.strip_prefix("tel:").unwrap_or(&number).to_string();
                if has("FAX") {
                    continue;
                }
                let shared = (has("WORK") && !has("CELL")) || has("PAGER") || has("MAIN");
                add(if shared { Field::SharedPhone } else { Field::Phone }, number);
            }
            _ => {}
        }
    }
    let named =
        [Field::Name, Field::First, Field::Last, Field::Company].iter().any(|f| values.contains_key(f));
    if let Some(nickname) = nickname {
        add_value(&mut values, if named { Field::Nickname } else { Field::Name }, nickname);
    }
    values
}

fn add_value(values: &mut HashMap<Field, Vec<String>>, field: Field, value: String) {
    let value = value.trim().to_string();
    if !value.is_empty() {
        values.entry(field).or_default().push(value);
    }
}

/// Content lines, unfolded, each with the number of the line it starts on.
type Lines = Vec<(u64, Vec<u8>)>;

/// The file's content lines, unfolded, and the encoding of values that name
/// no charset (and its name for the report). UTF-16 is decoded first;
/// otherwise the encoding is what the unfolded lines read as (UTF-8 when
/// valid), since a fold may split a character. `check` refuses text whose
/// encoding is in doubt: the UTF-16 bytes, else the unfolded lines.
fn lines_and_encoding(
    bytes: &[u8],
    forced: Option<&'static Encoding>,
    check: impl FnOnce(&[u8]) -> AppResult<()>,
) -> AppResult<(Lines, &'static Encoding, &'static str)> {
    if forced.is_none() && is_utf16(bytes) {
        check(bytes)?;
        let (text, name) = decode(bytes, None);
        return Ok((unfold(text.as_bytes()), UTF_8, name));
    }
    let lines = unfold(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes));
    let joined = lines.iter().map(|(_, line)| line.as_slice()).collect::<Vec<_>>().join(&b'\n');
    check(&joined)?;
    let encoding =
        forced.unwrap_or_else(|| Encoding::for_label(decode(&joined, None).1.as_bytes()).unwrap_or(UTF_8));
    Ok((lines, encoding, encoding.name()))
}

fn is_utf16(bytes: &[u8]) -> bool {
    matches!(Encoding::for_bom(bytes), Some((e, _)) if e != UTF_8) || utf16_without_bom(bytes).is_some()
}

/// Whether the file looks like vCards (whatever its extension).
pub fn looks_like_vcard(bytes: &[u8]) -> bool {
    let start = &bytes[..bytes.len().min(64)];
    let text =
        if is_utf16(start) { decode(start, None).0 } else { String::from_utf8_lossy(start).into_owned() };
    text.trim_start_matches('\u{feff}').trim_start().to_ascii_uppercase().starts_with("BEGIN:VCARD")
}

impl App {
    pub fn import_vcards(
        &self,
        bytes: &[u8],
        label: &str,
        options: ImportOptions<'_>,
    ) -> AppResult<ImportReport> {
        let check = |text: &[u8]| self.check_encoding(text, label, options.encoding).map(|_| ());
        let (lines, encoding, source) = lines_and_encoding(bytes, options.encoding, check)?;
        let begins_a_card = |line: &[u8]| {
            let line = String::from_utf8_lossy(line);
            let line = line.trim_start_matches('\u{feff}').trim();
            line.get(..11).is_some_and(|start| start.eq_ignore_ascii_case("BEGIN:VCARD"))
        };
        if !lines.iter().any(|(_, line)| begins_a_card(line)) {
            return Err(AppError::UnreadableFile(
                msg::ImportNoCards { file: label }.text(self.config.ui.lang()),
            ));
        }
        let report = ImportReport { encoding: source, cards: true, ..ImportReport::default() };
        let contacts = || -> Contacts<'_> { Box::new(cards(&lines, encoding)) };
        let last_line = lines.last().map_or(0, |(number, _)| *number);
        self.import_contacts(&contacts, last_line, report, label, options)
    }
}

/// One vCard file's first card as a contact, with the card's UID (a vdir's
/// item, as `contacts sync` reads it); None when it holds no readable card.
pub(super) fn read_card(bytes: &[u8]) -> Option<(Option<String>, ParsedRow)> {
    let (lines, encoding, _) = lines_and_encoding(bytes, None, |_| Ok(())).ok()?;
    let uid = lines.iter().filter_map(|(_, line)| property(line)).find(|p| p.name == "UID");
    let uid = uid.map(|p| unescaped(&p.text(encoding))).filter(|u| !u.is_empty());
    let (_, contact) = cards(&lines, encoding).next()?;
    Some((uid, contact.ok()??))
}

/// The contacts of the cards in `lines`, each with the line its card
/// starts on.
fn cards<'a>(
    lines: &'a [(u64, Vec<u8>)],
    encoding: &'static Encoding,
) -> impl Iterator<Item = (u64, Result<Option<ParsedRow>, RowError>)> + 'a {
    let unended = || Err(RowError::CardUnended);
    let mut lines = lines.iter();
    let mut card: Option<(u64, Vec<Property<'a>>)> = None;
    std::iter::from_fn(move || {
        for (number, line) in lines.by_ref() {
            let Some(p) = property(line) else { continue };
            let value = String::from_utf8_lossy(p.value).trim().to_ascii_uppercase();
            match (p.name.as_str(), value.as_str()) {
                ("BEGIN", "VCARD") => {
                    if let Some((start, _)) = card.replace((*number, Vec::new())) {
                        return Some((start, unended()));
                    }
                }
                ("END", "VCARD") => {
                    if let Some((start, properties)) = card.take() {
                        let contact = match contact_from(&fields_of(&properties, encoding)) {
                            Ok(None) | Err(RowError::NoName) => Err(RowError::CardNoName),
                            other => other,
                        };
                        return Some((start, contact));
                    }
                }
                _ => {
                    if let Some((_, properties)) = card.as_mut() {
                        properties.push(p);
                    }
                }
            }
        }
        card.take().map(|(start, _)| (start, unended()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &[u8]) -> Vec<(u64, Vec<u8>)> {
        unfold(text)
    }

    #[test]
    fn folds_and_soft_breaks_join_as_bytes() {
        // A fold inside a two-byte character, a soft break inside a
        // three-byte one, and the CR CR LF of an old iPhone.
        let bytes = b"FN:\xd0\r\n \xbb\r\nNOTE;ENCODING=QUOTED-PRINTABLE:=E5=\r\n=BA=A7\r\r\nX:y\n";
        let lines = names(bytes);
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0], (1, "FN:л".as_bytes().to_vec()));
        let note = property(&lines[1].1).unwrap();
        assert_eq!(note.text(UTF_8), "座");
        assert_eq!(lines[2].0, 5, "the line number of the line it starts on");
        // Such a file is UTF-8 once unfolded, though its raw bytes are not,
        // and its encoding is checked once unfolded (KContacts' vcard9 was
        // refused as "windows-1252 or windows-1252").
        let raw = b"BEGIN:VCARD\nFN:\xd0\n \xbb\xd0\xb1\nEND:VCARD\n";
        let mut checked = Vec::new();
        let (_, encoding, name) = lines_and_encoding(raw, None, |text| {
            checked = text.to_vec();
            Ok(())
        })
        .unwrap();
        assert_eq!((encoding, name), (UTF_8, "UTF-8"));
        assert!(std::str::from_utf8(&checked).is_ok(), "{checked:?}");
    }

    #[test]
    fn a_carriage_return_alone_ends_a_line() {
        let lines: Vec<(u64, &[u8])> =
            physical_lines(b"BEGIN:VCARD\rFN:A\r\nN:;A\r\r\nEND:VCARD\n\rX").collect();
        let texts: Vec<&[u8]> = lines.iter().map(|(_, l)| *l).collect();
        assert_eq!(texts, [&b"BEGIN:VCARD"[..], b"FN:A", b"N:;A", b"END:VCARD", b"", b"X"]);
        assert_eq!(lines.iter().map(|(n, _)| *n).collect::<Vec<_>>(), [1, 2, 3, 4, 5, 6]);
    }

    #[test]
    fn values_are_decoded_in_their_charset_before_unescaping() {
        // 能 in Shift_JIS ends with 0x5C, a backslash in ASCII.
        let (shift_jis, _, _) = encoding_rs::SHIFT_JIS.encode("能登;圭");
        let mut line = b"N;CHARSET=SHIFT_JIS:".to_vec();
        line.extend_from_slice(&shift_jis);
        let p = property(&line).unwrap();
        assert_eq!(components(&p.text(UTF_8)), ["能登", "圭"]);
        assert_eq!(unescaped("a\\, b\\nc\\;d\\\\"), "a, b\nc;d\\");
        assert_eq!(components("Smith Auto Repair;"), ["Smith Auto Repair", ""]);
    }

    #[test]
    fn parameters_bare_or_named_and_quoted_colons() {
        let p = property(b"item1.TEL;type=CELL;type=VOICE;PREF:+1 555").unwrap();
        assert_eq!(p.name, "TEL");
        assert_eq!(p.types(), ["CELL", "VOICE", "PREF"]);
        let p = property(b"ADR;LABEL=\"a: b\";TYPE=home:;;street").unwrap();
        assert_eq!(p.value, b";;street");
        assert!(property(b"TEL;WORK;QUOTED-PRINTABLE:=31").unwrap().quoted_printable());
    }
}
