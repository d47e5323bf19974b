//! Everything the screen shows, and nothing else: views are functions of
//! this, and only `update` changes it.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};

use super::forms::Form;
use super::input::TextInput;
use super::keymap::Scope;
use super::msg::Incentives;
use super::referral_tree::{TreeRow, tree_rows};
use crate::analysis::focus::{self, Focus};
use crate::analysis::groups::{self, GradeGroup, TierGroup};
use crate::analysis::ranking::{self, Ranked};
use crate::app::{AccountDetail, DayReview, Ledger, LedgerRow};
use crate::config::Config;
use crate::domain::{AccountId, AccountSummary, Money};
use crate::search::{Found, SearchIndex};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Today,
    Pipeline,
    Customers,
    Account,
    Referrals,
    Review,
    Focus,
}

impl Screen {
    pub const ALL: [Screen; 7] = [
        Screen::Today,
        Screen::Pipeline,
        Screen::Customers,
        Screen::Account,
        Screen::Referrals,
        Screen::Review,
        Screen::Focus,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Screen::Today => "Today",
            Screen::Pipeline => "Pipeline",
            Screen::Customers => "Customers",
            Screen::Account => "Account",
            Screen::Referrals => "Referrals",
            Screen::Review => "Review",
            Screen::Focus => "Focus",
        }
    }

    pub fn index(self) -> usize {
        Screen::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}

/// The book as the TUI holds it: every account's summary and the search
/// index, loaded once and patched after each change.
#[derive(Debug, Default)]
pub struct Book {
    pub summaries: Vec<AccountSummary>,
    position: HashMap<AccountId, usize>,
    pub search: SearchIndex,
    pub incentives: Incentives,
}

impl Book {
    pub fn new(summaries: Vec<AccountSummary>, search: SearchIndex, incentives: Incentives) -> Book {
        let position = summaries.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
        Book { summaries, position, search, incentives }
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

/// The rows of a grouped list: a heading per group, then its members.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupRow {
    Heading(usize),
    Member(usize),
}

/// What the list screens show, derived from the book and the date.
#[derive(Debug, Default)]
pub struct Views {
    /// Ranked rows; their words are built only for the rows on screen.
    pub today: Vec<Ranked>,
    pub done_today: usize,
    pub pipeline: Vec<GradeGroup>,
    pub pipeline_rows: Vec<GroupRow>,
    pub customers: Vec<TierGroup>,
    pub customer_rows: Vec<GroupRow>,
    /// The 80/20 report; its indexes point into the book's summaries.
    pub focus: Focus,
    /// The Pareto curve, sampled for drawing.
    pub pareto: Vec<(f64, f64)>,
    /// The Focus screen's list: a heading per section, then its accounts.
    pub focus_rows: Vec<GroupRow>,
    /// Per focus row: its section and the amount it shows.
    pub focus_entries: Vec<(FocusSection, Money)>,
}

/// The lists of the Focus screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FocusSection {
    Key,
    Growable,
    BelowZero,
    OverServed,
}

impl FocusSection {
    pub const ALL: [FocusSection; 4] =
        [FocusSection::Key, FocusSection::Growable, FocusSection::BelowZero, FocusSection::OverServed];
}

/// Points of the Pareto curve kept for drawing: a curve is never wider
/// than this many Braille dots.
const PARETO_POINTS: usize = 400;

fn focus_rows(focus: &Focus, today: NaiveDate, book: &Book) -> (Vec<GroupRow>, Vec<(FocusSection, Money)>) {
    let mut rows = Vec::new();
    let mut entries = Vec::new();
    for (g, section) in FocusSection::ALL.iter().enumerate() {
        let members: Vec<(usize, Money)> = match section {
            FocusSection::Key => focus.key_accounts().iter().map(|l| (l.index, l.amount)).collect(),
            FocusSection::Growable => focus.mgc.iter().map(|l| (l.index, l.amount)).collect(),
            FocusSection::BelowZero => focus.bzc.iter().map(|l| (l.index, l.amount)).collect(),
            FocusSection::OverServed => focus
                .over_served
                .iter()
                .map(|o| (o.index, book.summaries[o.index].revenue_12m(today)))
                .collect(),
        };
        if members.is_empty() {
            continue;
        }
        rows.push(GroupRow::Heading(g));
        entries.push((*section, Money::ZERO));
        for (index, amount) in members {
            rows.push(GroupRow::Member(index));
            entries.push((*section, amount));
        }
    }
    (rows, entries)
}

fn flatten(groups: &[Vec<usize>]) -> Vec<GroupRow> {
    let mut rows = Vec::new();
    for (g, members) in groups.iter().enumerate() {
        rows.push(GroupRow::Heading(g));
        rows.extend(members.iter().map(|m| GroupRow::Member(*m)));
    }
    rows
}

impl Views {
    pub fn compute(book: &Book, today: NaiveDate, config: &Config) -> Views {
        let pipeline = groups::prospects_by_grade(&book.summaries);
        let customers = groups::customers_by_tier(&book.summaries, today);
        let focus = focus::focus(&book.summaries, today, config, &book.incentives);
        let (focus_rows, focus_entries) = focus_rows(&focus, today, book);
        Views {
            today: ranking::rank(&book.summaries, today, config, &focus.marks(&book.summaries)),
            done_today: book.summaries.iter().flat_map(|s| &s.done_days).filter(|d| **d == today).count(),
            pipeline_rows: flatten(&pipeline.iter().map(|g| g.members.clone()).collect::<Vec<_>>()),
            customer_rows: flatten(&customers.iter().map(|g| g.members.clone()).collect::<Vec<_>>()),
            pipeline,
            customers,
            pareto: focus.pareto(PARETO_POINTS),
            focus,
            focus_rows,
            focus_entries,
        }
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

#[derive(Debug, Default)]
pub struct ReferralsView {
    pub ledger: Ledger,
    pub rows: Vec<TreeRow>,
    pub list: ListState,
}

impl ReferralsView {
    pub fn new(ledger: Ledger, list: ListState) -> ReferralsView {
        let rows = tree_rows(&ledger);
        ReferralsView { ledger, rows, list }
    }

    /// The ledger row of the selected tree row, if it is a referee's.
    pub fn selected_link(&self) -> Option<&LedgerRow> {
        self.rows.get(self.list.selected).and_then(|r| r.link).map(|i| &self.ledger.rows[i])
    }
}

#[derive(Debug)]
pub struct AccountView {
    pub detail: AccountDetail,
    /// First timeline line shown.
    pub scroll: usize,
}

#[derive(Debug, Default)]
pub struct SearchState {
    pub input: TextInput,
    pub found: Found,
    pub selected: usize,
    /// The query `found` answers, to narrow the next one.
    pub query: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Question {
    /// Throw away what was typed in the open form.
    DiscardForm,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

#[derive(Debug)]
pub enum Overlay {
    Search(SearchState),
    Help { scroll: usize },
    Form(Form),
}

/// Lines the Focus screen gives its effort line, Pareto curve and effort
/// bars, when the terminal is tall enough.
pub const FOCUS_CHART_HEIGHT: u16 = 11;

/// The smallest terminal the screens are drawn in.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

#[derive(Debug)]
pub struct Model {
    pub now: NaiveDateTime,
    /// The rep's settings, for ranking the Today list.
    pub config: Config,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub question: Option<Question>,
    pub book: Book,
    pub views: Views,
    pub today_list: ListState,
    pub pipeline_list: ListState,
    pub customers_list: ListState,
    pub focus_list: ListState,
    pub account: Option<AccountView>,
    /// The referral ledger and its tree, loaded when the screen opens.
    pub referrals: ReferralsView,
    /// The day the Review screen shows, and its review once loaded.
    pub review_date: Option<NaiveDate>,
    pub review: Option<DayReview>,
    pub status: Option<Status>,
    pub width: u16,
    pub height: u16,
    pub loading: bool,
    pub running: bool,
}

impl Model {
    pub fn new(now: NaiveDateTime, width: u16, height: u16) -> Model {
        Model {
            now,
            config: Config::default(),
            screen: Screen::Today,
            overlay: None,
            question: None,
            book: Book::default(),
            views: Views::default(),
            today_list: ListState::default(),
            pipeline_list: ListState::default(),
            customers_list: ListState::default(),
            focus_list: ListState::default(),
            account: None,
            referrals: ReferralsView::default(),
            review_date: None,
            review: None,
            status: None,
            width,
            height,
            loading: true,
            running: true,
        }
    }

    pub fn today(&self) -> NaiveDate {
        self.now.date()
    }

    pub fn too_small(&self) -> bool {
        self.width < MIN_WIDTH || self.height < MIN_HEIGHT
    }

    /// Lines above a screen's body: one, and a second on Today for the
    /// effort warning.
    pub fn header_height(&self) -> u16 {
        if self.screen == Screen::Today && self.views.focus.effort_warning.is_some() { 2 } else { 1 }
    }

    /// Lines of the body: the terminal less the tab bar, header and the two
    /// footer lines.
    pub fn body_height(&self) -> u16 {
        self.height.saturating_sub(3 + self.header_height())
    }

    /// Rows a list screen shows at once: the body less the column titles.
    pub fn list_height(&self) -> usize {
        usize::from(self.body_height()).saturating_sub(1).max(1)
    }

    /// Lines the Focus screen gives its charts: at most half the body.
    pub fn focus_chart_height(&self) -> u16 {
        FOCUS_CHART_HEIGHT.min(self.body_height() / 2)
    }

    /// Rows of the Focus screen's list: the body less the charts above it.
    pub fn focus_list_height(&self) -> usize {
        self.list_height().saturating_sub(usize::from(self.focus_chart_height())).max(1)
    }

    /// The key scopes in force, most specific first.
    pub fn scopes(&self) -> &'static [Scope] {
        if self.question.is_some() {
            return &[Scope::Confirm];
        }
        match (&self.overlay, self.screen) {
            (Some(Overlay::Form(_)), _) => &[Scope::Form],
            (Some(Overlay::Search(_)), _) => &[Scope::Search],
            (Some(Overlay::Help { .. }), _) => &[Scope::Help],
            (None, screen) => Model::scopes_of(screen),
        }
    }

    fn scopes_of(screen: Screen) -> &'static [Scope] {
        match screen {
            Screen::Account => &[Scope::Account, Scope::Accounts, Scope::Scroll, Scope::Global],
            Screen::Referrals => &[Scope::Referrals, Scope::Accounts, Scope::Lists, Scope::Global],
            Screen::Review => &[Scope::Review, Scope::Global],
            _ => &[Scope::Accounts, Scope::Lists, Scope::Global],
        }
    }

    /// The scopes of the screen under any overlay, for the help screen.
    pub fn screen_scopes(&self) -> &'static [Scope] {
        Model::scopes_of(self.screen)
    }

    /// Recomputes the views after the book changed, then fits the lists.
    pub fn refresh_views(&mut self) {
        self.views = Views::compute(&self.book, self.today(), &self.config);
        self.fit_lists();
    }

    /// Keeps each list's selection visible at the current height (after a
    /// resize the views are still right; only the windows move).
    pub fn fit_lists(&mut self) {
        let height = self.list_height();
        self.today_list.scroll_into_view(self.views.today.len(), height);
        self.pipeline_list.scroll_into_view(self.views.pipeline_rows.len(), height);
        self.customers_list.scroll_into_view(self.views.customer_rows.len(), height);
        let focus_height = self.focus_list_height();
        self.focus_list.scroll_into_view(self.views.focus_rows.len(), focus_height);
    }

    /// The account the account keys act on: the open one on the Account
    /// screen, else the selected row.
    pub fn selected_account(&self) -> Option<AccountId> {
        match self.screen {
            Screen::Today => self.views.today.get(self.today_list.selected).map(|r| r.account),
            Screen::Pipeline => self.member_at(&self.views.pipeline_rows, self.pipeline_list.selected),
            Screen::Customers => self.member_at(&self.views.customer_rows, self.customers_list.selected),
            Screen::Account => self.account.as_ref().map(|a| a.detail.record.account.id),
            Screen::Referrals => self.referrals.rows.get(self.referrals.list.selected).map(|r| r.account),
            Screen::Focus => self.member_at(&self.views.focus_rows, self.focus_list.selected),
            Screen::Review => None,
        }
    }

    fn member_at(&self, rows: &[GroupRow], index: usize) -> Option<AccountId> {
        match rows.get(index)? {
            GroupRow::Member(i) => self.book.summaries.get(*i).map(|s| s.id),
            GroupRow::Heading(_) => None,
        }
    }
}
