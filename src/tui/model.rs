//! Everything the screen shows, and nothing else: views are functions of
//! this, and only `update` changes it. What all screens share is the
//! context; each screen keeps its own state.

use chrono::NaiveDateTime;
use std::any::Any;

use super::context::Context;
use super::forms::Form;
use super::input::TextInput;
use super::keymap::{Keymap, Scope};
use super::screens::{self, Screen};
use crate::domain::{AccountId, FollowUp};
use crate::search::Found;

pub use super::screens::Question;
pub use super::screens::account::Account;

#[derive(Debug, Default)]
pub struct SearchState {
    pub input: TextInput,
    pub found: Found,
    pub selected: usize,
    /// The query `found` answers, to narrow the next one.
    pub query: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// What the follow-up picker does with the follow-up taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FollowUpAction {
    Done,
    Skip,
    Snooze,
}

/// Which of an account's open follow-ups `x` or `z` acts on, when it has
/// more than one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FollowUpPicker {
    pub account: AccountId,
    pub name: String,
    pub action: FollowUpAction,
    /// Earliest first.
    pub follow_ups: Vec<FollowUp>,
    pub selected: usize,
}

#[derive(Debug)]
pub enum Overlay {
    Search(SearchState),
    Help { scroll: usize },
    Form(Form),
    PickFollowUp(FollowUpPicker),
}

#[derive(Debug)]
pub struct Model {
    pub ctx: Context,
    /// Every screen, in tab order (see `screens::registry`).
    pub screens: Vec<Box<dyn Screen>>,
    /// The screen shown, by its place in `screens`.
    pub current: usize,
    pub overlay: Option<Overlay>,
    pub question: Option<Question>,
    pub status: Option<Status>,
    /// Where sync stands, at the right of the status bar.
    pub sync: Option<crate::tui::sync::Badge>,
    pub loading: bool,
    pub running: bool,
}

impl Model {
    pub fn new(now: NaiveDateTime, width: u16, height: u16) -> Model {
        let screens = screens::registry();
        let (tabs, stacks) = screens::keys(&screens);
        let mut ctx = Context::new(now, width, height);
        ctx.keymap = Keymap::new(&tabs, stacks);
        Model {
            ctx,
            screens,
            current: 0,
            overlay: None,
            question: None,
            status: None,
            sync: None,
            loading: true,
            running: true,
        }
    }

    /// The keys for these screens with the settings' `[keys]` applied.
    pub fn keymap_for(screens: &[Box<dyn Screen>]) -> Keymap {
        let (tabs, stacks) = screens::keys(screens);
        Keymap::new(&tabs, stacks)
    }

    pub fn screen(&self) -> &dyn Screen {
        self.screens[self.current].as_ref()
    }

    /// The screen of type `T` (each screen is one of its kind).
    pub fn get<T: Screen>(&self) -> &T {
        self.screens
            .iter()
            .find_map(|s| (s.as_ref() as &dyn Any).downcast_ref::<T>())
            .expect("every screen type is in the registry")
    }

    pub fn get_mut<T: Screen>(&mut self) -> &mut T {
        self.screens
            .iter_mut()
            .find_map(|s| (s.as_mut() as &mut dyn Any).downcast_mut::<T>())
            .expect("every screen type is in the registry")
    }

    /// The place of the screen of type `T` in the tab bar.
    pub fn index_of<T: Screen>(&self) -> usize {
        self.screens.iter().position(|s| (s.as_ref() as &dyn Any).is::<T>()).unwrap_or(0)
    }

    pub fn is_on<T: Screen>(&self) -> bool {
        (self.screen() as &dyn Any).is::<T>()
    }

    /// The key scopes in force, most specific first.
    pub fn scopes(&self) -> &'static [Scope] {
        if self.question.is_some() {
            return &[Scope::Confirm];
        }
        match &self.overlay {
            Some(Overlay::Form(_)) => &[Scope::Form],
            Some(Overlay::Search(_)) => &[Scope::Search],
            Some(Overlay::Help { .. }) => &[Scope::Help],
            Some(Overlay::PickFollowUp(_)) => &[Scope::Picker],
            None => self.screen().scopes(),
        }
    }

    /// Lines above the current screen's body.
    pub fn header_height(&self) -> u16 {
        self.screen().header_height(&self.ctx)
    }

    /// Recomputes the 80/20 report and every screen after the book changed
    /// (or the day turned).
    pub fn refresh(&mut self) {
        self.ctx.refresh_focus();
        for screen in &mut self.screens {
            screen.refresh(&self.ctx);
        }
    }

    /// Keeps each list's selection visible at the current size (after a
    /// resize the screens' contents are still right; only the windows move).
    pub fn fit(&mut self) {
        for screen in &mut self.screens {
            screen.fit(&self.ctx);
        }
    }

    /// The account the account keys act on: the open one on the Account
    /// screen, else the selected row.
    pub fn selected_account(&self) -> Option<AccountId> {
        self.screen().selected_account(&self.ctx)
    }

    /// The account open on the Account screen.
    pub fn open_account(&self) -> Option<AccountId> {
        self.get::<Account>().open_id()
    }
}
