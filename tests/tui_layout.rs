//! Nothing cut silently: every screen at 80x24 and 60x20, in both
//! languages, shows each amount of the book whole or not at all (a number
//! cut short reads as another number).

mod common;

use std::collections::BTreeSet;

use common::Book;
use common::tui::Driver;
use leadline::domain::Money;
use leadline::i18n::Lang;
use leadline::tui::theme::Theme;
use ratatui::crossterm::event::KeyCode;

fn demo(lang: Lang) -> Driver {
    Driver::demo(lang)
}

/// The screen's text, a line a row, wide characters once.
fn text_of(f: &Driver, width: u16, height: u16) -> String {
    let terminal = f.draw(width, height, Theme { color: false });
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| (0..buffer.area.width).map(|x| buffer[(x, y)].symbol()).collect::<String>() + "\n")
        .collect()
}

/// Every amount a screen may show, as it shows them ("12,000", "3,140,600"):
/// the orders, the potentials, each account's revenue and the report's
/// totals, from the book's JSON.
fn amounts(lang: Lang) -> BTreeSet<String> {
    let book = Book::new();
    let flag = if lang == Lang::ZhCn { "zh-CN" } else { "en" };
    book.run(&["--lang", flag, "demo"]).ok();
    let mut out = BTreeSet::new();
    let mut add = |value: &serde_json::Value| {
        let text = match value {
            serde_json::Value::Number(n) => n.to_string(),
            serde_json::Value::String(s) => s.clone(),
            _ => return,
        };
        if let Ok(money) = Money::parse(&text) {
            let grouped = money.grouped();
            let whole = grouped.trim_end_matches(".00").to_string();
            out.extend([grouped, whole]);
        }
    };
    fn walk(value: &serde_json::Value, key: &str, add: &mut dyn FnMut(&serde_json::Value)) {
        match value {
            serde_json::Value::Object(map) => map.iter().for_each(|(k, v)| walk(v, k, add)),
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, key, add)),
            leaf if [
                "amount",
                "potential",
                "revenue",
                "revenue_12m",
                "revenue_total",
                "forecast",
                "total",
            ]
            .iter()
            .any(|k| key.contains(k)) =>
            {
                add(leaf)
            }
            _ => {}
        }
    }
    walk(&book.json(&["export"]), "", &mut add);
    walk(&book.json(&["focus", "--json"]), "", &mut add);
    walk(&book.json(&["list", "--json"]), "", &mut add);
    out.retain(|a| a.len() >= 5);
    out
}

/// A grouped amount that stops short of its cents or inside a group of
/// three ("5,309,210.", "5,309,210.0", "5,30"), whatever amount it was.
fn looks_cut(number: &str) -> bool {
    // A comma after a number ends a clause ("Friday 27, ...").
    let number = number.trim_end_matches(',');
    let (whole, cents) = match number.split_once('.') {
        Some((whole, cents)) => (whole, Some(cents)),
        None => (number, None),
    };
    let mut groups = whole.split(',');
    let first = groups.next().unwrap_or_default();
    let grouped = whole.contains(',') && first.len() <= 3;
    let short_group = groups.any(|g| g.len() < 3);
    grouped && (short_group || cents.is_some_and(|c| c.len() < 2))
}

/// Where a screen shows the start of an amount and not the rest.
fn cut_amounts(screen: &str, amounts: &BTreeSet<String>) -> Vec<String> {
    let mut cut = Vec::new();
    for line in screen.lines() {
        let chars: Vec<char> = line.chars().collect();
        let mut at = 0;
        while at < chars.len() {
            if !chars[at].is_ascii_digit()
                || (at > 0 && (chars[at - 1].is_ascii_digit() || chars[at - 1] == ','))
            {
                at += 1;
                continue;
            }
            let end = (at..chars.len())
                .find(|&i| !(chars[i].is_ascii_digit() || chars[i] == ',' || chars[i] == '.'));
            let number: String = chars[at..end.unwrap_or(chars.len())].iter().collect();
            if looks_cut(&number) {
                cut.push(format!("{number} in: {}", line.trim_end()));
            }
            let number = number.trim_end_matches(['.', ',']).to_string();
            let whole = amounts.contains(&number);
            if !whole
                && number.len() >= 4
                && amounts.iter().any(|a| {
                    a.starts_with(&number)
                        && a[number.len()..].starts_with(|c: char| c.is_ascii_digit() || c == ',' || c == '.')
                })
            {
                cut.push(format!("{number} in: {}", line.trim_end()));
            }
            at = end.unwrap_or(chars.len());
        }
    }
    cut
}

#[test]
fn every_amount_shows_whole_or_not_at_all_on_small_terminals() {
    for lang in Lang::ALL {
        let amounts = amounts(lang);
        assert!(amounts.len() > 100, "{}", amounts.len());
        let mut f = demo(lang);
        let mut cut = Vec::new();
        for key in ['1', '2', '3', '5', '6', '7', '4'] {
            if key == '4' {
                f.key(KeyCode::Char('1'));
                f.key(KeyCode::Enter);
            } else {
                f.key(KeyCode::Char(key));
            }
            for (width, height) in [(80, 24), (60, 20)] {
                f.resize(width, height);
                let screen = text_of(&f, width, height);
                cut.extend(
                    cut_amounts(&screen, &amounts)
                        .into_iter()
                        .map(|c| format!("{lang:?} {key} {width}x{height}: {c}")),
                );
            }
        }
        assert!(cut.is_empty(), "amounts cut short:\n{}", cut.join("\n"));
    }
}

#[test]
fn todays_reasons_too_long_for_their_column_end_in_an_ellipsis() {
    for lang in Lang::ALL {
        let mut f = demo(lang);
        f.resize(80, 24);
        let screen = text_of(&f, 80, 24);
        let rows: Vec<&str> = screen.lines().skip(3).take(10).collect();
        assert!(
            rows.iter().any(|row| row.contains('…')),
            "{lang:?}: a long reason is cut with an ellipsis:\n{screen}"
        );
    }
}

/// Where a line shows the start of `whole` cut short with no ellipsis.
fn cut_texts(screen: &str, texts: &BTreeSet<String>) -> Vec<String> {
    let mut cut = Vec::new();
    for line in screen.lines() {
        for whole in texts {
            let chars: Vec<char> = whole.chars().collect();
            for end in (3..chars.len()).rev() {
                let prefix: String = chars[..end].iter().collect();
                if let Some(at) = line.find(&prefix) {
                    let after = &line[at + prefix.len()..];
                    if !after.starts_with(&chars[end..].iter().collect::<String>()) && !after.starts_with('…')
                    {
                        cut.push(format!("{whole:?} as {prefix:?} in: {}", line.trim_end()));
                    }
                    break;
                }
            }
        }
    }
    cut
}

#[test]
fn a_referral_s_incentive_shows_whole_or_with_an_ellipsis() {
    for lang in Lang::ALL {
        let book = Book::new();
        book.run(&["--lang", if lang == Lang::ZhCn { "zh-CN" } else { "en" }, "demo"]).ok();
        let incentives: BTreeSet<String> = book.json(&["export"])["referrals"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|r| r["incentive"].as_str().map(String::from))
            .filter(|i| i.chars().count() > 3)
            .collect();
        assert!(!incentives.is_empty());
        let mut f = demo(lang);
        f.key(KeyCode::Char('5'));
        let mut cut = Vec::new();
        for (width, height) in [(80, 24), (60, 20)] {
            f.resize(width, height);
            cut.extend(cut_texts(&text_of(&f, width, height), &incentives));
        }
        assert!(cut.is_empty(), "{lang:?}: incentives cut short:\n{}", cut.join("\n"));
    }
}

/// Where the terminal does not show what was drawn: a wide character's
/// right half covers whatever was drawn in the cell after it (a popup's
/// border, a column's first letter).
fn hidden_cells(drawn: &ratatui::buffer::Buffer, shown: &ratatui::buffer::Buffer) -> Vec<String> {
    let mut hidden = Vec::new();
    for y in 0..drawn.area.height {
        for x in 0..drawn.area.width {
            let (was, is) = (drawn[(x, y)].symbol(), shown[(x, y)].symbol());
            if was != is {
                hidden.push(format!("{was:?} shows as {is:?} at {x},{y}"));
            }
        }
    }
    hidden
}

#[test]
fn no_wide_character_paints_over_a_border_or_its_neighbour() {
    // Each step: keys from the screen before, then the frame is checked.
    let steps: &[&[KeyCode]] = &[
        &[],
        &[KeyCode::Char('c')],
        &[KeyCode::Esc, KeyCode::Char('1'), KeyCode::Enter],
        &[KeyCode::Char('c')],
        &[KeyCode::Esc, KeyCode::Char('o')],
        &[KeyCode::Esc, KeyCode::Char('f')],
        &[KeyCode::Esc, KeyCode::Char('?')],
        &[KeyCode::Esc, KeyCode::Char('/')],
        &[KeyCode::Esc, KeyCode::Char('2')],
        &[KeyCode::Char('3')],
        &[KeyCode::Char('5')],
        &[KeyCode::Char('6')],
        &[KeyCode::Char('7')],
    ];
    for lang in Lang::ALL {
        let mut f = demo(lang);
        let mut hidden = Vec::new();
        for (step, keys) in steps.iter().enumerate() {
            for key in *keys {
                f.key(*key);
            }
            for (width, height) in [(120, 35), (80, 24), (60, 20)] {
                f.resize(width, height);
                let (drawn, shown) = f.drawn_and_shown(width, height);
                hidden.extend(
                    hidden_cells(&drawn, &shown)
                        .into_iter()
                        .map(|s| format!("{lang:?} step {step} {width}x{height}: {s}")),
                );
            }
        }
        assert!(hidden.is_empty(), "drawn but hidden under a wide character:\n{}", hidden.join("\n"));
    }
}
