//! A person's name as address books split it: the given names and the
//! family name, for layouts that keep them apart (Google's CSV, vCard's
//! `N`). Leadline keeps the name whole; this is only how it is written out.

/// Chinese surnames of two characters; any other Chinese name's surname
/// is its first character.
const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "令狐",
    "夏侯", "独孤", "南宫", "西门", "澹台", "端木", "呼延",
];

/// Words that belong to the family name that follows them: Dale *Vander*
/// Wal, Ludwig *van* Beethoven, Anna *de la* Cruz, Lowell J *Van* Roekel.
const PARTICLES: &[&str] = &[
    "van", "vander", "vanden", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le",
    "dos", "das", "st", "st.", "ter", "ten", "bin", "al",
];

/// The given names and the family name: 张伟 → 伟 and 张, 欧阳娜娜 → 娜娜
/// and 欧阳, Anna Maria Weber → "Anna Maria" and Weber, Dale Vander Wal →
/// Dale and "Vander Wal"; a single word is the given name alone.
pub fn given_and_family(name: &str) -> (String, String) {
    let name = name.trim();
    let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    if name.chars().count() > 1 && name.chars().all(han) {
        let surname = COMPOUND_SURNAMES
            .iter()
            .find(|s| name.starts_with(**s) && name.chars().count() > 2)
            .map_or_else(|| name.chars().next().map(String::from).unwrap_or_default(), |s| s.to_string());
        return (name[surname.len()..].to_string(), surname);
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 {
        return (name.to_string(), String::new());
    }
    // The family name is the last word and the particles before it, but
    // never the first word (a given name "De" is a given name).
    let mut start = words.len() - 1;
    while start > 1 && PARTICLES.contains(&words[start - 1].to_lowercase().as_str()) {
        start -= 1;
    }
    (words[..start].join(" "), words[start..].join(" "))
}

/// The given names and `family` when `name` is written with that family
/// name: last ("Lowell Van Roekel"), or first ("陈军", "Chen Jun" as a
/// Chinese file writes it); `None` when it is not there.
pub fn split_at_family(name: &str, family: &str) -> Option<(String, String)> {
    let (name, family) = (name.trim(), family.trim());
    if family.is_empty() || family == name {
        return None;
    }
    let given = |rest: &str| rest.trim().to_string();
    if let Some(rest) = name.strip_suffix(family).filter(|rest| rest.ends_with(' ')) {
        return Some((given(rest), family.to_string()));
    }
    name.strip_prefix(family)
        .filter(|rest| rest.starts_with(' ') || rest.chars().next().is_some_and(|c| !c.is_ascii()))
        .map(|rest| (given(rest), family.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_s_own_family_name_splits_the_name_where_it_is_there() {
        let split = |name, family| split_at_family(name, family);
        let pair = |g: &str, f: &str| Some((g.to_string(), f.to_string()));
        assert_eq!(split("Maria de la Cruz Ortega", "Ortega"), pair("Maria de la Cruz", "Ortega"));
        assert_eq!(split("Chen Jun", "Chen"), pair("Jun", "Chen"));
        assert_eq!(split("司马相如", "司马"), pair("相如", "司马"));
        assert_eq!(split("Anna Müller", "Schmidt"), None, "renamed since: the rule again");
        assert_eq!(split("Annabel", "Anna"), None, "part of a word is no family name");
        assert_eq!(split("Smith", "Smith"), None);
    }

    #[test]
    fn family_names_keep_their_particles_and_chinese_names_their_surname() {
        let split = |name: &str| {
            let (given, family) = given_and_family(name);
            (given, family)
        };
        let pair = |g: &str, f: &str| (g.to_string(), f.to_string());
        assert_eq!(split("Dale Vander Wal"), pair("Dale", "Vander Wal"));
        assert_eq!(split("Lowell J Van Roekel"), pair("Lowell J", "Van Roekel"));
        assert_eq!(split("Anna de la Cruz"), pair("Anna", "de la Cruz"));
        assert_eq!(split("Ludwig van Beethoven"), pair("Ludwig", "van Beethoven"));
        assert_eq!(split("Anna Maria Weber"), pair("Anna Maria", "Weber"));
        assert_eq!(split("Sean O'Brien"), pair("Sean", "O'Brien"));
        assert_eq!(split("De Smet"), pair("De", "Smet"), "the first word is given");
        assert_eq!(split("张伟"), pair("伟", "张"));
        assert_eq!(split("欧阳娜娜"), pair("娜娜", "欧阳"));
        assert_eq!(split("Madonna"), pair("Madonna", ""));
        assert_eq!(split("欧阳"), pair("阳", "欧"), "two characters: a one-character surname");
        assert_eq!(split("绿源农资 合作社"), pair("绿源农资", "合作社"));
    }
}
