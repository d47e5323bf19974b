//! The screens, each a component: its state, its key scopes, how it moves,
//! what it loads and how it draws, in one module. Adding a screen is its
//! module and one line in [`registry`]; the tab bar, the number keys, the
//! help and the key checks follow from there.

pub mod account;
pub mod account_competitors;
pub mod account_groups;
pub mod competitors;
pub mod customers;
pub mod focus;
pub mod grouped;
pub mod pipeline;
pub mod referrals;
pub mod review;
pub mod today;

use std::any::Any;
use std::fmt::Debug;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::context::Context;
use super::keymap::{Command, Scope, ScreenKey};
use super::msg::{Change, Effect, Load, Removal};
use super::theme::Theme;
use crate::domain::AccountId;
use crate::i18n::Lang;

/// A question a screen asks before it acts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Question {
    /// Throw away what was typed in the open form.
    DiscardForm,
    /// Delete a timeline entry, described in words.
    Remove(Removal, String),
    /// A declined prospect: lower its grade (to this one) with the touch?
    LowerGrade(crate::app::TouchInput, String, crate::domain::Grade),
    /// Mark an earned incentive delivered (the question in words).
    Deliver(crate::domain::ReferralId, String),
}

/// Every screen, in tab order (the number keys follow it).
pub fn registry() -> Vec<Box<dyn Screen>> {
    vec![
        Box::new(today::Today::default()),
        Box::new(pipeline::Pipeline::default()),
        Box::new(customers::Customers::default()),
        Box::new(account::Account::default()),
        Box::new(referrals::Referrals::default()),
        Box::new(review::Review::default()),
        Box::new(focus::FocusScreen::default()),
        Box::new(competitors::CompetitorsScreen::default()),
    ]
}

/// What a screen answers to a command it handles itself.
#[derive(Debug)]
pub enum Reply {
    Effects(Vec<Effect>),
    /// Make this change (the account open stays current).
    Write(Box<Change>),
    /// Load this screen's data again (another day, say).
    Load(Load),
    /// A word for the status line (why nothing happened).
    Say(String),
    /// Open this form.
    Form(super::forms::Form),
    /// Ask this (a deletion to confirm).
    Ask(Question),
}

pub trait Screen: Debug + Any {
    /// Its name: `show_NAME` is the command of its number key (keymap.toml),
    /// whose help is `key-global-show-NAME` in keys.ftl.
    fn name(&self) -> &'static str;
    /// Its tab's title (`tab-NAME` in the catalogue).
    fn tab(&self, lang: Lang) -> String;
    /// Its tab's title where the tab bar is short of room (`tab-short-NAME`).
    fn short_tab(&self, lang: Lang) -> String;
    /// Its key scopes, most specific first.
    fn scopes(&self) -> &'static [Scope];
    /// Lines above its body.
    fn header_height(&self, _ctx: &Context) -> u16 {
        1
    }
    /// Recomputes what it shows from the book (after a change, on a new day).
    fn refresh(&mut self, _ctx: &Context) {}
    /// Keeps the selection visible at the terminal's size.
    fn fit(&mut self, _ctx: &Context) {}
    /// Shown again (its number key, Tab): settle the selection.
    fn shown(&mut self, ctx: &Context) {
        self.fit(ctx);
    }
    /// The account the account keys act on.
    fn selected_account(&self, _ctx: &Context) -> Option<AccountId> {
        None
    }
    /// Moves the selection or scrolls (Down, Up, Top, Bottom, PageDown, PageUp).
    fn motion(&mut self, _motion: Command, _ctx: &Context) {}
    /// A command only this screen knows, or `None` to pass.
    fn command(&mut self, _command: Command, _ctx: &Context) -> Option<Reply> {
        None
    }
    /// What it loads from the store when shown, and after each change made
    /// while it is shown; the list screens work from the book alone.
    fn load(&self, _ctx: &Context) -> Option<Load> {
        None
    }
    /// What its load brought.
    fn loaded(&mut self, _data: Box<dyn Any + Send>, _ctx: &Context) {}
    /// Whether it can be shown (the Account screen once an account is open).
    fn available(&self) -> bool {
        true
    }
    fn render(&self, ctx: &Context, theme: &Theme, frame: &mut Frame, header: Rect, body: Rect);
}

/// The screens as the keymap knows them.
pub fn keys(screens: &[Box<dyn Screen>]) -> (Vec<ScreenKey>, Vec<&'static [Scope]>) {
    let tabs = screens.iter().map(|s| ScreenKey { name: s.name() }).collect();
    (tabs, screens.iter().map(|s| s.scopes()).collect())
}

/// How far a motion moves in a list of `len` rows shown `height` at a time.
pub fn delta(motion: Command, len: usize, height: usize) -> isize {
    match motion {
        Command::Down => 1,
        Command::Up => -1,
        Command::PageDown => height as isize,
        Command::PageUp => -(height as isize),
        Command::Top => -(len as isize),
        _ => len as isize,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::tui::keymap::Command;

    #[test]
    fn the_registry_gives_every_screen_a_number_key_and_unambiguous_keys() {
        let screens = registry();
        let keymap = crate::tui::keymap(&Config::default()).expect("the default keys of every screen agree");
        for (i, screen) in screens.iter().enumerate() {
            let key = keymap.key_of(Scope::Global, Command::ShowScreen(i));
            assert_eq!(key, (i + 1).to_string(), "{}", screen.name());
            assert!(screens.iter().filter(|s| s.name() == screen.name()).count() == 1);
            assert!(
                keymap.bindings(screen.scopes()).any(|b| b.command == Command::Quit),
                "{}",
                screen.name()
            );
        }
    }
}
