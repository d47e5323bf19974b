//! Plain-text tables that stay aligned with Chinese text: widths are
//! counted in terminal columns, wide characters as two.

use unicode_width::UnicodeWidthStr;

pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Cuts `text` to at most `max` columns, marking the cut with "..".
pub fn fit(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        if used + w + 2 > max {
            break;
        }
        out.push(ch);
        used += w;
    }
    out.push_str("..");
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

pub struct Table {
    columns: Vec<(String, Align, usize)>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// Columns as (header, alignment, maximum width).
    pub fn new(columns: &[(&str, Align, usize)]) -> Table {
        Table { columns: columns.iter().map(|(h, a, m)| (h.to_string(), *a, *m)).collect(), rows: Vec::new() }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        let cells =
            cells.into_iter().zip(&self.columns).map(|(cell, (_, _, max))| fit(&cell, *max)).collect();
        self.rows.push(cells);
    }

    /// Cuts the last column so that every line fits in `total` columns
    /// (a terminal's width); it keeps at least 12.
    pub fn fit_last_to(&mut self, total: usize) {
        let Some(last) = self.columns.len().checked_sub(1) else { return };
        let used: usize = (0..last)
            .map(|i| {
                self.rows.iter().map(|r| width(&r[i])).chain([width(&self.columns[i].0)]).max().unwrap_or(0)
                    + 2
            })
            .sum();
        let room = total.saturating_sub(used).max(12);
        for row in &mut self.rows {
            row[last] = fit(&row[last], room);
        }
    }

    pub fn render(&self) -> String {
        let widths: Vec<usize> = self
            .columns
            .iter()
            .enumerate()
            .map(|(i, (header, _, _))| {
                self.rows.iter().map(|r| width(&r[i])).chain([width(header)]).max().unwrap_or(0)
            })
            .collect();
        let mut out = String::new();
        let headers: Vec<String> = self.columns.iter().map(|(h, _, _)| h.clone()).collect();
        for cells in std::iter::once(&headers).chain(&self.rows) {
            let mut line = String::new();
            for (i, cell) in cells.iter().enumerate() {
                let pad = " ".repeat(widths[i] - width(cell));
                let last = i + 1 == cells.len();
                match self.columns[i].1 {
                    Align::Left if last => line.push_str(cell),
                    Align::Left => line.push_str(&format!("{cell}{pad}")),
                    Align::Right => line.push_str(&format!("{pad}{cell}")),
                }
                if !last {
                    line.push_str("  ");
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_count_twice_when_aligning() {
        let mut table = Table::new(&[("NAME", Align::Left, 20), ("N", Align::Right, 5)]);
        table.row(vec!["张伟".into(), "1".into()]);
        table.row(vec!["Anna".into(), "22".into()]);
        let text = table.render();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[1], "张伟   1");
        assert_eq!(lines[2], "Anna  22");
        assert!(lines.iter().all(|l| width(l) == width(lines[0])));
    }

    #[test]
    fn the_last_column_is_cut_to_fit_a_width() {
        let mut table = Table::new(&[("NAME", Align::Left, 20), ("WHY", Align::Left, usize::MAX)]);
        table.row(vec!["张伟".into(), "overdue 3 days; promised call; key account".into()]);
        table.fit_last_to(30);
        let text = table.render();
        assert_eq!(text.lines().nth(1), Some("张伟  overdue 3 days; promis.."));
        assert!(text.lines().all(|l| width(l) <= 30));
    }

    #[test]
    fn long_text_is_cut_on_a_character_boundary() {
        assert_eq!(fit("绿源农资有限公司", 9), "绿源农..");
        assert_eq!(fit("short", 9), "short");
    }
}
