//! What every screen reads: the clock, the settings and keys in force, the
//! book in memory and the 80/20 report of it, the terminal's size. Screens
//! keep their own state; this is what they share.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};

use super::keymap::Keymap;
use crate::analysis::focus::Focus;
use crate::app::{BookData, BookView, Incentives};
use crate::config::Config;
use crate::domain::{AccountId, AccountSummary, PlanEntry};
use crate::search::SearchIndex;

/// The book as the TUI holds it: every account's summary and the search
/// index, loaded once and patched after each change.
#[derive(Debug, Default)]
pub struct Book {
    pub summaries: Vec<AccountSummary>,
    position: HashMap<AccountId, usize>,
    pub search: SearchIndex,
    pub incentives: Incentives,
    /// Today's plan as kept since the day's first change.
    pub kept: Vec<PlanEntry>,
}

impl Book {
    /// The book as the app's queries read it.
    pub fn view(&self) -> BookView<'_> {
        BookView { summaries: &self.summaries, incentives: &self.incentives, kept: &self.kept }
    }

    pub fn new(data: BookData) -> Book {
        let position = data.summaries.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
        Book {
            summaries: data.summaries,
            position,
            search: data.search,
            incentives: data.incentives,
            kept: data.kept,
        }
    }

    /// Where the account's summary is in `summaries`.
    pub fn index_of(&self, id: AccountId) -> Option<usize> {
        self.position.get(&id).copied()
    }

    pub fn get(&self, id: AccountId) -> Option<&AccountSummary> {
        self.position.get(&id).map(|i| &self.summaries[*i])
    }

    /// Replaces or adds the given accounts' summaries.
    pub fn apply(&mut self, changed: Vec<AccountSummary>) {
        for summary in changed {
            match self.position.get(&summary.id) {
                Some(i) => self.summaries[*i] = summary,
                None => {
                    self.position.insert(summary.id, self.summaries.len());
                    self.summaries.push(summary);
                }
            }
        }
    }

    /// Drops accounts that no longer exist (an undone add).
    pub fn remove(&mut self, gone: &[AccountId]) {
        if gone.is_empty() {
            return;
        }
        self.summaries.retain(|s| !gone.contains(&s.id));
        self.position = self.summaries.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
    }
}

/// A selection in a list of `len` rows shown `height` at a time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ListState {
    pub selected: usize,
    pub offset: usize,
}

impl ListState {
    /// Moves by `delta` rows (clamped), then scrolls to keep it visible.
    pub fn step(&mut self, delta: isize, len: usize, height: usize) {
        if len == 0 {
            *self = ListState::default();
            return;
        }
        self.selected = (self.selected as isize + delta).clamp(0, len as isize - 1) as usize;
        self.scroll_into_view(len, height);
    }

    pub fn scroll_into_view(&mut self, len: usize, height: usize) {
        let height = height.max(1);
        self.selected = self.selected.min(len.saturating_sub(1));
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
    }
}

/// The smallest terminal the screens are drawn in.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

#[derive(Debug)]
pub struct Context {
    pub now: NaiveDateTime,
    /// The rep's settings, for ranking and the 80/20 rules.
    pub config: Config,
    /// The keys in force: the defaults with the settings' `[keys]`.
    pub keymap: Keymap,
    pub book: Book,
    /// The 80/20 report; its indexes point into the book's summaries.
    /// Every list marks its accounts from it.
    pub focus: Focus,
    pub width: u16,
    pub height: u16,
}

impl Context {
    /// The interface's language.
    pub fn lang(&self) -> crate::i18n::Lang {
        self.config.ui.lang()
    }

    pub fn new(now: NaiveDateTime, width: u16, height: u16) -> Context {
        Context {
            now,
            config: Config::default(),
            keymap: Keymap::default(),
            book: Book::default(),
            focus: Focus::default(),
            width,
            height,
        }
    }

    pub fn today(&self) -> NaiveDate {
        self.now.date()
    }

    /// Recomputes the 80/20 report after the book changed or the day turned.
    pub fn refresh_focus(&mut self) {
        self.focus = self.book.view().focus(self.today(), &self.config);
    }

    /// Lines of a screen's body: the terminal less the tab bar, the
    /// screen's header and the two footer lines.
    pub fn body_height(&self, header_height: u16) -> u16 {
        self.height.saturating_sub(3 + header_height)
    }

    /// Rows a list shows at once under a header of `header_height`: the
    /// body less the column titles.
    pub fn list_height(&self, header_height: u16) -> usize {
        usize::from(self.body_height(header_height)).saturating_sub(1).max(1)
    }

    pub fn too_small(&self) -> bool {
        self.width < MIN_WIDTH || self.height < MIN_HEIGHT
    }

    pub fn account_name(&self, id: AccountId) -> String {
        self.book.get(id).map_or_else(|| format!("#{id}"), |s| s.name.clone())
    }
}
