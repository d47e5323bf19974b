//! The one table of key bindings. It resolves keys, draws the footer hints
//! and the help screen, so help never drifts from what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a binding applies. A screen consults a stack of scopes, most
/// specific first (see `Model::scopes`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    Global,
    /// Moving through a list.
    Lists,
    /// Scrolling a page (the account's timeline).
    Scroll,
    /// Acting on the selected (or open) account.
    Accounts,
    Account,
    Referrals,
    Review,
    Search,
    Form,
    Confirm,
    Help,
}

impl Scope {
    pub fn title(self) -> &'static str {
        match self {
            Scope::Global => "Anywhere",
            Scope::Lists => "Lists",
            Scope::Scroll => "Scrolling",
            Scope::Accounts => "The selected account",
            Scope::Account => "Account",
            Scope::Referrals => "Referrals",
            Scope::Review => "Review",
            Scope::Search => "Search",
            Scope::Form => "Forms",
            Scope::Confirm => "Questions",
            Scope::Help => "Help",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    Quit,
    Help,
    Search,
    NextScreen,
    PreviousScreen,
    ShowToday,
    ShowPipeline,
    ShowCustomers,
    ShowAccount,
    ShowReferrals,
    ShowReview,
    ShowFocus,
    Down,
    Up,
    Top,
    Bottom,
    PageDown,
    PageUp,
    Open,
    Back,
    AddAccount,
    EditAccount,
    LogCall,
    LogSms,
    LogVisit,
    LogOther,
    RecordOrder,
    ScheduleFollowUp,
    MarkDone,
    Snooze,
    RaiseGrade,
    LowerGrade,
    AddReferral,
    DeliverIncentive,
    PreviousDay,
    NextDay,
    Undo,
    Save,
    Cancel,
    NextField,
    PreviousField,
    Confirm,
    Deny,
}

impl Command {
    pub const ALL: &'static [Command] = &[
        Command::Quit,
        Command::Help,
        Command::Search,
        Command::NextScreen,
        Command::PreviousScreen,
        Command::ShowToday,
        Command::ShowPipeline,
        Command::ShowCustomers,
        Command::ShowAccount,
        Command::ShowReferrals,
        Command::ShowReview,
        Command::ShowFocus,
        Command::Down,
        Command::Up,
        Command::Top,
        Command::Bottom,
        Command::PageDown,
        Command::PageUp,
        Command::Open,
        Command::Back,
        Command::AddAccount,
        Command::EditAccount,
        Command::LogCall,
        Command::LogSms,
        Command::LogVisit,
        Command::LogOther,
        Command::RecordOrder,
        Command::ScheduleFollowUp,
        Command::MarkDone,
        Command::Snooze,
        Command::RaiseGrade,
        Command::LowerGrade,
        Command::AddReferral,
        Command::DeliverIncentive,
        Command::PreviousDay,
        Command::NextDay,
        Command::Undo,
        Command::Save,
        Command::Cancel,
        Command::NextField,
        Command::PreviousField,
        Command::Confirm,
        Command::Deny,
    ];
}

/// A key with its modifiers, as written in the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key { code, modifiers: KeyModifiers::NONE }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), modifiers: KeyModifiers::CONTROL }
}

impl Key {
    /// Whether a key event is this key. Shift is part of the character for
    /// printable keys (`G`, `+`), so it is ignored there.
    pub fn matches(&self, event: &KeyEvent) -> bool {
        let relevant = KeyModifiers::CONTROL | KeyModifiers::ALT;
        let (event_code, wanted_code) = match (event.code, self.code) {
            (KeyCode::BackTab, _) | (_, KeyCode::BackTab) => (event.code, self.code),
            (KeyCode::Char(a), KeyCode::Char(b)) => (KeyCode::Char(a), KeyCode::Char(b)),
            (a, b) => return a == b && event.modifiers & relevant == self.modifiers & relevant,
        };
        event_code == wanted_code && event.modifiers & relevant == self.modifiers & relevant
    }

    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Up => "Up".into(),
            KeyCode::Down => "Down".into(),
            KeyCode::Left => "Left".into(),
            KeyCode::Right => "Right".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            other => format!("{other:?}"),
        };
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{base}")
        } else if self.modifiers.contains(KeyModifiers::ALT) {
            format!("Alt-{base}")
        } else {
            base
        }
    }
}

pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [Key],
    pub command: Command,
    pub help: &'static str,
    /// The short label in the footer, for the bindings worth a reminder.
    pub hint: Option<&'static str>,
}

const fn bind(
    scope: Scope,
    keys: &'static [Key],
    command: Command,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding { scope, keys, command, help, hint }
}

use Command as C;
use Scope as S;

pub const BINDINGS: &[Binding] = &[
    bind(S::Global, &[ch('q'), ctrl('c')], C::Quit, "quit", Some("quit")),
    bind(S::Global, &[ch('?')], C::Help, "help: every key of this screen", Some("help")),
    bind(S::Global, &[ch('/')], C::Search, "search accounts (name, company, phone, pinyin)", Some("search")),
    bind(S::Global, &[key(KeyCode::Tab)], C::NextScreen, "next screen", None),
    bind(S::Global, &[key(KeyCode::BackTab)], C::PreviousScreen, "previous screen", None),
    bind(S::Global, &[ch('1')], C::ShowToday, "Today: the daily call list", None),
    bind(S::Global, &[ch('2')], C::ShowPipeline, "Pipeline: prospects by grade", None),
    bind(S::Global, &[ch('3')], C::ShowCustomers, "Customers: by tier", None),
    bind(S::Global, &[ch('4')], C::ShowAccount, "Account: the last account opened", None),
    bind(S::Global, &[ch('5')], C::ShowReferrals, "Referrals: who referred whom", None),
    bind(S::Global, &[ch('6')], C::ShowReview, "Review: the day's work", None),
    bind(S::Global, &[ch('7')], C::ShowFocus, "Focus: 80/20, effort against value", None),
    bind(S::Global, &[ch('a')], C::AddAccount, "add an account", None),
    bind(S::Global, &[ch('u')], C::Undo, "undo the last change", Some("undo")),
    bind(S::Lists, &[ch('j'), key(KeyCode::Down)], C::Down, "move down", None),
    bind(S::Lists, &[ch('k'), key(KeyCode::Up)], C::Up, "move up", None),
    bind(S::Lists, &[ch('g'), key(KeyCode::Home)], C::Top, "go to the top", None),
    bind(S::Lists, &[ch('G'), key(KeyCode::End)], C::Bottom, "go to the bottom", None),
    bind(S::Lists, &[key(KeyCode::PageDown), ctrl('d')], C::PageDown, "page down", None),
    bind(S::Lists, &[key(KeyCode::PageUp), ctrl('u')], C::PageUp, "page up", None),
    bind(S::Lists, &[key(KeyCode::Enter)], C::Open, "open the account", Some("open")),
    bind(S::Accounts, &[ch('c')], C::LogCall, "log a call", Some("call")),
    bind(S::Accounts, &[ch('s')], C::LogSms, "log an SMS", Some("sms")),
    bind(S::Accounts, &[ch('v')], C::LogVisit, "log a visit", Some("visit")),
    bind(S::Accounts, &[ch('l')], C::LogOther, "log an email, letter, gift or meeting", None),
    bind(S::Accounts, &[ch('o')], C::RecordOrder, "record an order", None),
    bind(S::Accounts, &[ch('f')], C::ScheduleFollowUp, "schedule a follow-up", Some("follow-up")),
    bind(S::Accounts, &[ch('e')], C::EditAccount, "edit the account", None),
    bind(S::Accounts, &[ch('+')], C::RaiseGrade, "raise the grade (towards A)", None),
    bind(S::Accounts, &[ch('-')], C::LowerGrade, "lower the grade (towards D)", None),
    bind(S::Accounts, &[ch('R')], C::AddReferral, "add an account this one referred", None),
    bind(S::Accounts, &[ch('x')], C::MarkDone, "mark the follow-up done", Some("done")),
    bind(S::Accounts, &[ch('z')], C::Snooze, "snooze the follow-up", Some("snooze")),
    bind(S::Account, &[key(KeyCode::Esc)], C::Back, "back", Some("back")),
    bind(
        S::Referrals,
        &[ch('d')],
        C::DeliverIncentive,
        "mark the earned incentive delivered",
        Some("delivered"),
    ),
    bind(
        S::Review,
        &[ch('['), key(KeyCode::Left), ch('h')],
        C::PreviousDay,
        "the day before",
        Some("day before"),
    ),
    bind(S::Review, &[ch(']'), key(KeyCode::Right), ch('l')], C::NextDay, "the day after", Some("day after")),
    bind(S::Scroll, &[ch('j'), key(KeyCode::Down)], C::Down, "scroll down", None),
    bind(S::Scroll, &[ch('k'), key(KeyCode::Up)], C::Up, "scroll up", None),
    bind(S::Scroll, &[ch('g'), key(KeyCode::Home)], C::Top, "go to the top", None),
    bind(S::Scroll, &[ch('G'), key(KeyCode::End)], C::Bottom, "go to the bottom", None),
    bind(S::Scroll, &[key(KeyCode::PageDown), ctrl('d')], C::PageDown, "page down", None),
    bind(S::Scroll, &[key(KeyCode::PageUp), ctrl('u')], C::PageUp, "page up", None),
    bind(S::Search, &[key(KeyCode::Enter)], C::Open, "open the account", Some("open")),
    bind(S::Search, &[key(KeyCode::Esc)], C::Back, "close search", Some("close")),
    bind(S::Search, &[key(KeyCode::Down), ctrl('n')], C::Down, "next hit", None),
    bind(S::Search, &[key(KeyCode::Up), ctrl('p')], C::Up, "previous hit", None),
    bind(S::Form, &[key(KeyCode::Enter)], C::Save, "save", Some("save")),
    bind(S::Form, &[key(KeyCode::Esc)], C::Cancel, "cancel", Some("cancel")),
    bind(S::Form, &[key(KeyCode::Tab), key(KeyCode::Down)], C::NextField, "next field", Some("next field")),
    bind(S::Form, &[key(KeyCode::BackTab), key(KeyCode::Up)], C::PreviousField, "previous field", None),
    bind(S::Confirm, &[ch('y')], C::Confirm, "yes", Some("yes")),
    bind(S::Confirm, &[ch('n'), key(KeyCode::Esc)], C::Deny, "no", Some("no")),
    bind(S::Help, &[key(KeyCode::Esc), ch('?'), ch('q')], C::Back, "close help", Some("close")),
    bind(S::Help, &[ch('j'), key(KeyCode::Down)], C::Down, "scroll down", None),
    bind(S::Help, &[ch('k'), key(KeyCode::Up)], C::Up, "scroll up", None),
];

/// The command a key means in a stack of scopes (first scope first).
pub fn resolve(scopes: &[Scope], event: &KeyEvent) -> Option<Command> {
    scopes.iter().find_map(|scope| {
        BINDINGS
            .iter()
            .find(|b| b.scope == *scope && b.keys.iter().any(|k| k.matches(event)))
            .map(|b| b.command)
    })
}

/// The bindings of a stack of scopes, as help lists them.
pub fn bindings(scopes: &[Scope]) -> impl Iterator<Item = &'static Binding> + '_ {
    scopes.iter().flat_map(|scope| BINDINGS.iter().filter(move |b| b.scope == *scope))
}

/// "c call  f follow-up  ? help": the footer of a stack of scopes.
pub fn hints(scopes: &[Scope]) -> Vec<(String, &'static str)> {
    bindings(scopes).filter_map(|b| b.hint.map(|hint| (b.keys[0].label(), hint))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The scope stacks the app uses; keys must be unambiguous within each.
    const STACKS: &[&[Scope]] = &[
        &[S::Accounts, S::Lists, S::Global],
        &[S::Account, S::Accounts, S::Scroll, S::Global],
        &[S::Referrals, S::Accounts, S::Lists, S::Global],
        &[S::Review, S::Global],
        &[S::Search],
        &[S::Form],
        &[S::Confirm],
        &[S::Help],
    ];

    #[test]
    fn no_key_is_bound_twice_in_a_scope_or_a_stack() {
        for stack in STACKS {
            let mut seen: Vec<(Key, Command)> = Vec::new();
            for binding in bindings(stack) {
                for key in binding.keys {
                    if let Some((_, other)) = seen.iter().find(|(k, _)| k == key) {
                        panic!(
                            "{} is bound to {:?} and {:?} in {stack:?}",
                            key.label(),
                            other,
                            binding.command
                        );
                    }
                    seen.push((*key, binding.command));
                }
            }
        }
    }

    #[test]
    fn every_command_is_bound_and_described() {
        for command in Command::ALL {
            let binding = BINDINGS.iter().find(|b| b.command == *command);
            assert!(binding.is_some_and(|b| !b.help.is_empty() && !b.keys.is_empty()), "{command:?}");
        }
    }

    #[test]
    fn keys_resolve_through_the_stack_with_the_right_modifiers() {
        let press = |code, modifiers| KeyEvent::new(code, modifiers);
        let today = STACKS[0];
        assert_eq!(resolve(today, &press(KeyCode::Char('c'), KeyModifiers::NONE)), Some(C::LogCall));
        assert_eq!(resolve(today, &press(KeyCode::Char('G'), KeyModifiers::SHIFT)), Some(C::Bottom));
        assert_eq!(resolve(today, &press(KeyCode::Char('c'), KeyModifiers::CONTROL)), Some(C::Quit));
        assert_eq!(resolve(today, &press(KeyCode::BackTab, KeyModifiers::SHIFT)), Some(C::PreviousScreen));
        assert_eq!(resolve(today, &press(KeyCode::Char('c'), KeyModifiers::ALT)), None);
        assert_eq!(
            resolve(&[S::Form], &press(KeyCode::Char('c'), KeyModifiers::NONE)),
            None,
            "typing in forms"
        );
        assert_eq!(Key { code: KeyCode::BackTab, modifiers: KeyModifiers::NONE }.label(), "Shift-Tab");
        assert_eq!(ctrl('d').label(), "Ctrl-d");
    }

    #[test]
    fn hints_come_from_the_table() {
        let hints = hints(&[S::Form]);
        assert_eq!(hints[0], ("Enter".to_string(), "save"));
    }
}
