//! Pinyin for Chinese text, matched syllable by syllable, so that `zw`,
//! `zhangw` and `zhangwei` find 张伟 and `lvyuan` finds 绿源农资, while
//! `anna` does not "match" the letters scattered through a long spelling.

use pinyin::ToPinyinMulti;

/// How many readings of a field's first character to follow: polyphonic
/// surnames (单 shan/dan, 曾 zeng/ceng) and place names (长沙, 重庆) have two
/// or three. Further characters keep their main reading: the rare ones
/// (有 wei, 限 wen) made `zw` find every 农资有限公司.
const MAX_READINGS: usize = 3;

/// The syllables of `text`, space-separated, with a character's other
/// readings after a `/` (`shan/dan tian fang`) and `ü` spelled both `v`
/// and `u`. Runs of Latin letters or digits stay as one syllable. `None`
/// when the text has no Han character.
pub fn syllables(text: &str) -> Option<String> {
    let mut has_han = false;
    let mut out: Vec<String> = Vec::new();
    let mut run = String::new();
    for (ch, multi) in text.chars().zip(text.to_pinyin_multi()) {
        match multi {
            Some(multi) => {
                let first = !has_han;
                has_han = true;
                if !run.is_empty() {
                    out.push(std::mem::take(&mut run));
                }
                let mut readings: Vec<String> = Vec::new();
                for reading in multi.into_iter().take(if first { MAX_READINGS } else { 1 }) {
                    let plain = reading.plain();
                    let spellings = if plain.contains('ü') {
                        vec![plain.replace('ü', "v"), plain.replace('ü', "u")]
                    } else {
                        vec![plain.to_string()]
                    };
                    for spelling in spellings {
                        if !readings.contains(&spelling) {
                            readings.push(spelling);
                        }
                    }
                }
                out.push(readings.join("/"));
            }
            None if ch.is_ascii_alphanumeric() => run.push(ch.to_ascii_lowercase()),
            None if !run.is_empty() => out.push(std::mem::take(&mut run)),
            None => {}
        }
    }
    if !run.is_empty() {
        out.push(run);
    }
    has_han.then(|| out.join(" "))
}

/// The key that sorts names in one order for Chinese and Latin: Chinese
/// characters by their main pinyin reading (陈 chen, 冯 feng, 何 he, 刘 liu),
/// Latin letters by themselves, case aside. A space ends each syllable, so
/// 陈 (chen) comes before 程 (cheng), as in a dictionary.
pub fn name_key(name: &str) -> String {
    use pinyin::ToPinyin;
    let mut key = String::with_capacity(name.len() * 2);
    for (ch, reading) in name.chars().zip(name.to_pinyin()) {
        match reading {
            Some(reading) => {
                key.push_str(reading.plain());
                key.push(' ');
            }
            None => key.extend(ch.to_lowercase()),
        }
    }
    key
}

/// Matches `query` (lowercase ASCII) as prefixes of consecutive syllables,
/// starting at any syllable: `zw` = z(hang) w(ei), `yuann` = yuan n(ong).
/// The score favours matches from the first syllable and whole syllables,
/// on the same scale as the fuzzy matcher (about 20 per character).
pub fn match_syllables(query: &str, syllables: &str) -> Option<i64> {
    let query = query.as_bytes();
    if query.is_empty() || !query.iter().all(u8::is_ascii_alphanumeric) {
        return None;
    }
    let mut best: Option<i64> = None;
    let mut rest = syllables.as_bytes();
    let mut start = 0i64;
    loop {
        let (syllable, _) = split_at(rest, b' ');
        // Most syllables do not start with the query's first letter: a
        // byte test saves spelling them out.
        let may_start = syllable.first() == query.first()
            || syllable.windows(2).any(|w| w[0] == b'/' && w[1] == query[0]);
        if may_start && let Some(whole) = match_from(query, rest) {
            let position = if start == 0 { 10 } else { -start };
            best = best.max(Some(18 * query.len() as i64 + 6 * whole as i64 + position));
        }
        match split_at(rest, b' ') {
            (_, Some(next)) => rest = next,
            (_, None) => return best,
        }
        start += 1;
    }
}

/// `text` up to the first `byte`, and what follows it if there is one.
/// The strings here are a few bytes long: a plain loop beats memchr.
fn split_at(text: &[u8], byte: u8) -> (&[u8], Option<&[u8]>) {
    match text.iter().position(|b| *b == byte) {
        Some(at) => (&text[..at], Some(&text[at + 1..])),
        None => (text, None),
    }
}

/// The most whole syllables with which `query` can be spelled from the
/// first syllable of `syllables` on ("shan/dan tian fang"), or None when it
/// cannot. Reads the text in place: this runs for every account on every
/// keystroke.
fn match_from(query: &[u8], syllables: &[u8]) -> Option<u32> {
    if query.is_empty() {
        return Some(0);
    }
    if syllables.is_empty() {
        return None;
    }
    let (mut readings, rest) = split_at(syllables, b' ');
    let rest = rest.unwrap_or_default();
    let mut best = None;
    loop {
        let (reading, others) = split_at(readings, b'/');
        let longest = if reading.first() == query.first() { reading.len().min(query.len()) } else { 0 };
        for taken in (1..=longest).rev() {
            if query[..taken] != reading[..taken] {
                continue;
            }
            if let Some(whole) = match_from(&query[taken..], rest) {
                best = best.max(Some(whole + u32::from(taken == reading.len())));
            }
        }
        match others {
            Some(others) => readings = others,
            None => return best,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(query: &str, text: &str) -> bool {
        match_syllables(query, &syllables(text).unwrap()).is_some()
    }

    #[test]
    fn spells_syllables_with_their_other_readings() {
        assert_eq!(syllables("张伟").as_deref(), Some("zhang wei"));
        let shan = syllables("单田芳").unwrap();
        let first: Vec<&str> = shan.split(' ').next().unwrap().split('/').collect();
        assert!(first.contains(&"shan") && first.contains(&"dan"), "{shan}");
        assert!(syllables("吕").unwrap().contains("lv/lu"));
        assert_eq!(syllables("3A农业").as_deref(), Some("3a nong ye"));
        assert_eq!(syllables("Anna Schmidt"), None);
    }

    #[test]
    fn initials_full_spellings_and_mixtures_match() {
        for query in ["zw", "zhangwei", "zhangw", "zwei", "zhang", "wei"] {
            assert!(matches(query, "张伟"), "{query}");
        }
        assert!(matches("dantianfang", "单田芳"));
        assert!(matches("stf", "单田芳"));
        assert!(matches("lvyuan", "绿源农资有限公司"));
        assert!(matches("luyuan", "绿源农资有限公司"));
        assert!(matches("nongzi", "绿源农资有限公司"));
    }

    #[test]
    fn scattered_letters_do_not_match() {
        assert!(!matches("zw", "金穗农资有限公司"), "有 is you, not the rare wei");
        assert!(matches("zhongqing", "重庆农资") && matches("chongqing", "重庆农资"));
        assert!(!matches("anna", "绿源农资有限公司"));
        assert!(!matches("wz", "张伟"));
        assert!(!matches("zhangweix", "张伟"));
    }

    #[test]
    fn names_sort_by_pinyin_and_letters_in_one_order() {
        let mut names = vec!["何明", "冯军", "刘洋", "陈静", "程刚", "Anna Schmidt", "bob", "陈建国", "Zoe"];
        names.sort_by_cached_key(|n| name_key(n));
        assert_eq!(names, ["Anna Schmidt", "bob", "陈建国", "陈静", "程刚", "冯军", "何明", "刘洋", "Zoe"]);
    }

    #[test]
    fn first_syllable_and_whole_syllables_score_higher() {
        let zw = syllables("张伟").unwrap();
        assert!(match_syllables("zhangwei", &zw) > match_syllables("zhangw", &zw));
        let a = syllables("王张伟").unwrap();
        assert!(match_syllables("zw", &zw) > match_syllables("zw", &a));
    }
}
