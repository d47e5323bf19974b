//! A list of groups: a heading row per group, its members under it; the
//! selection skips headings. Pipeline (prospects by grade), Customers (by
//! tier) and Focus (its sections) are each one of these with their columns.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};

use super::delta;
use crate::tui::context::ListState;
use crate::tui::keymap::Command;
use crate::tui::theme::Theme;
use crate::tui::views::parts::{TableRow, table, visible};

/// The rows of a grouped list: a heading per group, then its members
/// (indexes into the book's summaries).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupRow {
    Heading(usize),
    Member(usize),
}

#[derive(Debug, Default)]
pub struct Grouped {
    pub rows: Vec<GroupRow>,
    pub list: ListState,
}

impl Grouped {
    /// Rows from each group's members, in order.
    pub fn flatten(groups: impl IntoIterator<Item = Vec<usize>>) -> Vec<GroupRow> {
        let mut rows = Vec::new();
        for (g, members) in groups.into_iter().enumerate() {
            rows.push(GroupRow::Heading(g));
            rows.extend(members.into_iter().map(GroupRow::Member));
        }
        rows
    }

    pub fn set_rows(&mut self, rows: Vec<GroupRow>, height: usize) {
        self.rows = rows;
        self.fit(height);
    }

    /// New rows, the selection staying on the account it was on (a regraded
    /// prospect, a customer in a new tier) when that is still listed.
    pub fn set_rows_following(&mut self, rows: Vec<GroupRow>, height: usize) {
        let was = self.rows.get(self.list.selected).copied();
        self.rows = rows;
        if let Some(GroupRow::Member(member)) = was {
            if let Some(at) = self.rows.iter().position(|r| *r == GroupRow::Member(member)) {
                self.list.selected = at;
            }
        }
        self.fit(height);
    }

    pub fn fit(&mut self, height: usize) {
        self.list.scroll_into_view(self.rows.len(), height);
    }

    pub fn motion(&mut self, motion: Command, height: usize) {
        let delta = delta(motion, self.rows.len(), height);
        self.list.step(delta, self.rows.len(), height);
        self.skip_headings(delta.signum(), height);
    }

    /// On a heading (the screen just shown): move on to a member.
    pub fn settle(&mut self, height: usize) {
        self.skip_headings(1, height);
    }

    /// The member row selected, as an index into the summaries.
    pub fn selected_member(&self) -> Option<usize> {
        match self.rows.get(self.list.selected)? {
            GroupRow::Member(i) => Some(*i),
            GroupRow::Heading(_) => None,
        }
    }

    /// Headings are not selectable: keep moving the same way (or back).
    fn skip_headings(&mut self, direction: isize, height: usize) {
        let rows = &self.rows;
        let member = |i: usize| matches!(rows.get(i), Some(GroupRow::Member(_)));
        for direction in [direction, -direction] {
            let mut at = self.list.selected as isize;
            while at >= 0 && (at as usize) < rows.len() && !member(at as usize) {
                at += if direction == 0 { 1 } else { direction };
            }
            if at >= 0 && member(at as usize) {
                self.list.selected = at as usize;
                break;
            }
        }
        self.list.scroll_into_view(rows.len(), height);
        // Show a group's heading above its first member.
        if self.list.selected > 0 && self.list.offset == self.list.selected && !member(self.list.selected - 1)
        {
            self.list.offset -= 1;
        }
    }

    /// Draws the visible rows: `heading` and `member` build one row each.
    #[allow(clippy::too_many_arguments)]
    pub fn render(
        &self,
        frame: &mut Frame,
        area: Rect,
        theme: &Theme,
        titles: &[&str],
        widths: &[Constraint],
        heading: impl Fn(usize) -> TableRow,
        member: impl Fn(usize) -> TableRow,
    ) {
        let (shown, selected) = visible(&self.list, &self.rows, area);
        let rows = shown
            .iter()
            .map(|row| match *row {
                GroupRow::Heading(g) => heading(g),
                GroupRow::Member(i) => member(i),
            })
            .collect();
        table(frame, area, theme, titles, widths, rows, selected);
    }
}
