//! The one table of key bindings, as data: it resolves keys, draws the
//! footer hints, the help screen, the forms' pick rows and the question's
//! answers, so that what is shown never drifts from what the keys do. The
//! settings' `[keys]` table rebinds any command by name (as yazi and
//! television do); a binding that would clash is refused.

use crate::i18n::Text as _;
use std::collections::BTreeMap;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::config::KeyList;
use crate::domain::{Outcome, TouchKind};
use crate::i18n::Lang;

/// Where a binding applies. A screen consults a stack of scopes, most
/// specific first (each screen says its stack; overlays have their own).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scope {
    Global,
    /// Moving through a list.
    Lists,
    /// Scrolling a page (the account's timeline).
    Scroll,
    /// Acting on the selected (or open) account.
    Accounts,
    Account,
    /// The day's plan.
    Today,
    Referrals,
    Review,
    Search,
    /// Choosing one of an account's follow-ups.
    Picker,
    Form,
    /// The log form's rows of single-key picks.
    Outcomes,
    NextSteps,
    OtherKinds,
    /// The follow-up form's kind, picked with Alt.
    FollowUpKinds,
    Confirm,
    Help,
}

impl Scope {
    pub fn title(self) -> &'static str {
        match self {
            Scope::Global => "Anywhere",
            Scope::Lists => "Lists",
            Scope::Scroll => "The timeline",
            Scope::Accounts => "The selected account",
            Scope::Account => "Account",
            Scope::Today => "Today",
            Scope::Referrals => "Referrals",
            Scope::Review => "Review",
            Scope::Search => "Search",
            Scope::Picker => "Choosing a follow-up",
            Scope::Form => "Forms",
            Scope::Outcomes => "Outcomes",
            Scope::NextSteps => "Next steps",
            Scope::OtherKinds => "Kinds",
            Scope::FollowUpKinds => "Follow-up kinds",
            Scope::Confirm => "Questions",
            Scope::Help => "Help",
        }
    }
}

/// A next step the log form offers: days from today, or none.
pub type NextDays = Option<u16>;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    Quit,
    Help,
    Search,
    NextScreen,
    PreviousScreen,
    /// The screen at this place in the tab bar (0 is Today).
    ShowScreen(usize),
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
    SkipFollowUp,
    Snooze,
    ArchiveAccount,
    RaiseGrade,
    LowerGrade,
    AddReferral,
    DeliverIncentive,
    /// Move the late promises of C and D prospects that can wait.
    Triage,
    PreviousDay,
    NextDay,
    Reflect,
    CorrectEntry,
    RemoveEntry,
    Undo,
    Save,
    Cancel,
    NextField,
    PreviousField,
    ClearField,
    DeleteWord,
    ToggleDirection,
    Confirm,
    Deny,
    PickOutcome(Outcome),
    PickNext(NextDays),
    PickKind(TouchKind),
    PickFollowUpKind(TouchKind),
}

impl Command {
    /// The command's name in the settings' `[keys]` table.
    pub fn name(self, screens: &[ScreenKey]) -> String {
        let snake = |text: &str| text.replace('-', "_");
        match self {
            Command::ShowScreen(i) => {
                format!("show_{}", screens.get(i).map_or("screen", |s| s.title).to_lowercase())
            }
            Command::PickOutcome(outcome) => format!("outcome_{}", snake(outcome.as_str())),
            Command::PickNext(None) => "next_none".into(),
            Command::PickNext(Some(1)) => "next_1_day".into(),
            Command::PickNext(Some(days)) => format!("next_{days}_days"),
            Command::PickKind(kind) => format!("kind_{}", kind.as_str()),
            Command::PickFollowUpKind(kind) => format!("follow_up_{}", kind.as_str()),
            other => {
                // QuitSearch -> quit_search: the variant's own name.
                let debug = format!("{other:?}");
                let mut out = String::new();
                for (i, c) in debug.chars().enumerate() {
                    if c.is_uppercase() && i > 0 {
                        out.push('_');
                    }
                    out.extend(c.to_lowercase());
                }
                out
            }
        }
    }
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

/// Names of the keys that are not characters, as the settings and help
/// write them.
const NAMED: &[(&str, KeyCode)] = &[
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("Shift-Tab", KeyCode::BackTab),
    ("Backspace", KeyCode::Backspace),
    ("Delete", KeyCode::Delete),
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("PgUp", KeyCode::PageUp),
    ("PgDn", KeyCode::PageDown),
    ("Space", KeyCode::Char(' ')),
];

impl Key {
    /// Whether a key event is this key. Shift is part of the character for
    /// printable keys (`G`, `+`), so it is ignored there.
    pub fn matches(&self, event: &KeyEvent) -> bool {
        let relevant = KeyModifiers::CONTROL | KeyModifiers::ALT;
        event.code == self.code && event.modifiers & relevant == self.modifiers & relevant
    }

    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            code => {
                NAMED.iter().find(|(_, c)| *c == code).map_or(format!("{code:?}"), |(n, _)| n.to_string())
            }
        };
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{base}")
        } else if self.modifiers.contains(KeyModifiers::ALT) {
            format!("Alt-{base}")
        } else {
            base
        }
    }

    /// Reads a key as the settings write it: `c`, `C`, `+`, `Ctrl-d`,
    /// `Alt-x`, `Enter`, `PgDn`, `F2`.
    pub fn parse(text: &str) -> Option<Key> {
        let (modifiers, rest) = match text.split_once('-') {
            Some((m, rest)) if m.eq_ignore_ascii_case("ctrl") && !rest.is_empty() => {
                (KeyModifiers::CONTROL, rest)
            }
            Some((m, rest)) if m.eq_ignore_ascii_case("alt") && !rest.is_empty() => (KeyModifiers::ALT, rest),
            _ => (KeyModifiers::NONE, text),
        };
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => KeyCode::Char(c),
            _ => {
                if let Some(n) = rest.strip_prefix(['F', 'f']).and_then(|n| n.parse::<u8>().ok()) {
                    (1..=12).contains(&n).then_some(KeyCode::F(n))?
                } else {
                    NAMED.iter().find(|(name, _)| name.eq_ignore_ascii_case(rest)).map(|(_, code)| *code)?
                }
            }
        };
        Some(Key { code, modifiers })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Binding {
    pub scope: Scope,
    pub keys: Vec<Key>,
    pub command: Command,
    pub help: &'static str,
    /// The short label in the footer, for the bindings worth a reminder.
    pub hint: Option<&'static str>,
}

fn bind(
    scope: Scope,
    keys: &[Key],
    command: Command,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding { scope, keys: keys.to_vec(), command, help, hint }
}

/// A screen as the keymap knows it: its tab, for `ShowScreen`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScreenKey {
    pub title: &'static str,
    pub help: &'static str,
}

use Command as C;
use Scope as S;

fn defaults(screens: &[ScreenKey]) -> Vec<Binding> {
    let mut table = vec![
        bind(S::Global, &[ch('q'), ctrl('c')], C::Quit, "quit", Some("quit")),
        bind(S::Global, &[ch('?')], C::Help, "help: every key of this screen", Some("help")),
        bind(
            S::Global,
            &[ch('/')],
            C::Search,
            "search accounts (name, company, phone, pinyin)",
            Some("search"),
        ),
        bind(S::Global, &[key(KeyCode::Tab)], C::NextScreen, "next screen", None),
        bind(S::Global, &[key(KeyCode::BackTab)], C::PreviousScreen, "previous screen", None),
    ];
    for (i, screen) in screens.iter().enumerate() {
        let digit = char::from_digit(i as u32 + 1, 10).unwrap_or('0');
        table.push(bind(S::Global, &[ch(digit)], C::ShowScreen(i), screen.help, None));
    }
    table.extend([
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
        bind(S::Accounts, &[ch('o')], C::RecordOrder, "record an order", Some("order")),
        bind(S::Accounts, &[ch('f')], C::ScheduleFollowUp, "schedule a follow-up", Some("follow-up")),
        bind(S::Accounts, &[ch('e')], C::EditAccount, "edit the account", None),
        bind(S::Accounts, &[ch('+')], C::RaiseGrade, "raise the grade (towards A)", None),
        bind(S::Accounts, &[ch('-')], C::LowerGrade, "lower the grade (towards D)", None),
        bind(S::Accounts, &[ch('R')], C::AddReferral, "add an account this one referred", Some("referral")),
        bind(S::Today, &[ch('T')], C::Triage, "move late C/D promises on", None),
        bind(S::Accounts, &[ch('x')], C::MarkDone, "mark the follow-up done", Some("done")),
        bind(S::Accounts, &[ch('z')], C::Snooze, "snooze the follow-up", Some("snooze")),
        bind(S::Accounts, &[ch('X')], C::SkipFollowUp, "skip the follow-up (close it, not done)", None),
        bind(
            S::Accounts,
            &[ch('A')],
            C::ArchiveAccount,
            "archive the account, or restore an archived one",
            None,
        ),
        bind(S::Account, &[key(KeyCode::Esc)], C::Back, "back", Some("back")),
        bind(
            S::Account,
            &[ch('E')],
            C::CorrectEntry,
            "correct the selected timeline entry (a follow-up: reschedule it)",
            Some("correct"),
        ),
        bind(S::Account, &[ch('D')], C::RemoveEntry, "delete the selected timeline entry", None),
        bind(
            S::Referrals,
            &[ch('d')],
            C::DeliverIncentive,
            "mark the earned incentive delivered",
            Some("delivered"),
        ),
        bind(S::Review, &[ch('['), key(KeyCode::Left)], C::PreviousDay, "the day before", Some("day before")),
        bind(S::Review, &[ch(']'), key(KeyCode::Right)], C::NextDay, "the day after", Some("day after")),
        bind(
            S::Review,
            &[ch('n')],
            C::Reflect,
            "write the day's reflection: what went well, what to change",
            Some("reflect"),
        ),
        bind(S::Scroll, &[ch('j'), key(KeyCode::Down)], C::Down, "the next timeline entry", None),
        bind(S::Scroll, &[ch('k'), key(KeyCode::Up)], C::Up, "the previous timeline entry", None),
        bind(S::Scroll, &[ch('g'), key(KeyCode::Home)], C::Top, "the first entry", None),
        bind(S::Scroll, &[ch('G'), key(KeyCode::End)], C::Bottom, "the oldest entry", None),
        bind(S::Scroll, &[key(KeyCode::PageDown), ctrl('d')], C::PageDown, "page down", None),
        bind(S::Scroll, &[key(KeyCode::PageUp), ctrl('u')], C::PageUp, "page up", None),
        bind(S::Search, &[key(KeyCode::Enter)], C::Open, "open the account", Some("open")),
        bind(S::Search, &[key(KeyCode::Esc)], C::Back, "close search", Some("close")),
        bind(S::Search, &[key(KeyCode::Down), ctrl('n')], C::Down, "next hit", None),
        bind(S::Search, &[key(KeyCode::Up), ctrl('p')], C::Up, "previous hit", None),
        bind(S::Picker, &[ch('j'), key(KeyCode::Down)], C::Down, "next follow-up", None),
        bind(S::Picker, &[ch('k'), key(KeyCode::Up)], C::Up, "previous follow-up", None),
        bind(S::Picker, &[key(KeyCode::Enter)], C::Open, "take the highlighted one", Some("take")),
        bind(S::Picker, &[key(KeyCode::Esc)], C::Back, "cancel", Some("cancel")),
        bind(S::Form, &[key(KeyCode::Enter)], C::Save, "save", Some("save")),
        bind(S::Form, &[key(KeyCode::Esc)], C::Cancel, "cancel", Some("cancel")),
        bind(
            S::Form,
            &[key(KeyCode::Tab), key(KeyCode::Down)],
            C::NextField,
            "next field",
            Some("next field"),
        ),
        bind(S::Form, &[key(KeyCode::BackTab), key(KeyCode::Up)], C::PreviousField, "previous field", None),
        bind(S::Form, &[ctrl('u')], C::ClearField, "delete to the start of the field", None),
        bind(
            S::Form,
            &[ctrl('t')],
            C::ToggleDirection,
            "log form: they contacted me (inbound), or not",
            None,
        ),
        bind(S::Form, &[ctrl('w')], C::DeleteWord, "delete the word before the cursor", None),
        bind(S::Confirm, &[ch('y')], C::Confirm, "yes", Some("yes")),
        bind(S::Confirm, &[ch('n'), key(KeyCode::Esc)], C::Deny, "no", Some("no")),
        bind(S::Help, &[key(KeyCode::Esc), ch('?'), ch('q')], C::Back, "close help", Some("close")),
        bind(S::Help, &[ch('j'), key(KeyCode::Down)], C::Down, "scroll down", None),
        bind(S::Help, &[ch('k'), key(KeyCode::Up)], C::Up, "scroll up", None),
        bind(S::Help, &[key(KeyCode::PageDown), ctrl('d')], C::PageDown, "page down", None),
        bind(S::Help, &[key(KeyCode::PageUp), ctrl('u')], C::PageUp, "page up", None),
        bind(S::Help, &[ch('g'), key(KeyCode::Home)], C::Top, "go to the top", None),
        bind(S::Help, &[ch('G'), key(KeyCode::End)], C::Bottom, "go to the bottom", None),
    ]);
    let outcome = |c, o, label| bind(S::Outcomes, &[ch(c)], C::PickOutcome(o), label, None);
    table.extend([
        outcome('r', Outcome::Reached, "reached"),
        outcome('n', Outcome::NoAnswer, "no answer"),
        outcome('b', Outcome::Busy, "busy"),
        outcome('m', Outcome::LeftMessage, "left message"),
        outcome('w', Outcome::WrongNumber, "wrong number"),
        outcome('p', Outcome::Replied, "replied"),
        outcome('k', Outcome::MeetingBooked, "meeting booked"),
        outcome('q', Outcome::QuoteSent, "quote sent"),
        outcome('o', Outcome::Won, "won"),
        outcome('d', Outcome::Declined, "declined"),
    ]);
    let next = |c, days, label| bind(S::NextSteps, &[ch(c)], C::PickNext(days), label, None);
    table.extend([
        next('0', None, "none"),
        next('1', Some(1), "+1 day"),
        next('3', Some(3), "+3 days"),
        next('7', Some(7), "+7 days"),
        next('2', Some(14), "+14 days"),
    ]);
    let kind = |c, k, label| bind(S::OtherKinds, &[ch(c)], C::PickKind(k), label, None);
    table.extend([
        kind('e', TouchKind::Email, "email"),
        kind('l', TouchKind::Letter, "letter"),
        kind('g', TouchKind::Gift, "gift"),
        kind('t', TouchKind::Meeting, "meeting"),
    ]);
    let follow = |c, k, label| bind(S::FollowUpKinds, &[ch(c)], C::PickFollowUpKind(k), label, None);
    table.extend([
        follow('c', TouchKind::Call, "call"),
        follow('v', TouchKind::Visit, "visit"),
        follow('s', TouchKind::Sms, "sms"),
        follow('e', TouchKind::Email, "email"),
        follow('t', TouchKind::Meeting, "meeting"),
    ]);
    table
}

/// A `[keys]` entry that cannot be taken, with its name (for the line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyProblem {
    pub name: String,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
    screens: Vec<ScreenKey>,
    /// The scope stacks keys must be unambiguous in: every screen's, and
    /// every overlay's.
    stacks: Vec<Vec<Scope>>,
}

/// The stacks of the overlays and the forms' pick rows.
const OVERLAY_STACKS: &[&[Scope]] = &[
    &[S::Search],
    &[S::Picker],
    &[S::Form],
    &[S::Outcomes, S::NextSteps],
    &[S::OtherKinds],
    &[S::FollowUpKinds],
    &[S::Confirm],
    &[S::Help],
];

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap::new(&[], Vec::new())
    }
}

impl Keymap {
    /// The default keys for these screens (in tab order) and their stacks.
    pub fn new(screens: &[ScreenKey], screen_stacks: Vec<&'static [Scope]>) -> Keymap {
        let mut stacks: Vec<Vec<Scope>> = screen_stacks.into_iter().map(<[Scope]>::to_vec).collect();
        stacks.extend(OVERLAY_STACKS.iter().map(|s| s.to_vec()));
        Keymap { bindings: defaults(screens), screens: screens.to_vec(), stacks }
    }

    /// The keys with the settings' `[keys]` applied: each named command
    /// gets the keys given, wherever it is bound. Unknown commands, keys
    /// that do not parse and keys that would mean two things in one place
    /// are refused.
    pub fn rebound(mut self, overrides: &BTreeMap<String, KeyList>) -> Result<Keymap, KeyProblem> {
        for (name, keys) in overrides {
            let problem = |message: String| KeyProblem { name: format!("keys.{name}"), message };
            let command =
                self.bindings.iter().map(|b| b.command).find(|c| c.name(&self.screens) == *name).ok_or_else(
                    || problem(format!("keys.{name}: no such command (`leadline config` lists them)")),
                )?;
            let parsed: Vec<Key> = keys
                .texts()
                .iter()
                .map(|text| {
                    Key::parse(text).ok_or_else(|| {
                        problem(format!(
                            "keys.{name} = {text:?} is not a key: write e.g. c, C, +, Ctrl-d, Alt-x, Enter, Esc, Tab, PgDn, F2"
                        ))
                    })
                })
                .collect::<Result<_, _>>()?;
            if parsed.is_empty() {
                return Err(problem(format!("keys.{name}: give at least one key")));
            }
            for binding in self.bindings.iter_mut().filter(|b| b.command == command) {
                binding.keys = parsed.clone();
            }
        }
        if let Some((key, first, second)) = self.clash() {
            // Said of the rebound one of the two, against the other.
            let rebound = |b: &Binding| overrides.contains_key(&b.command.name(&self.screens));
            let (mine, other) =
                if rebound(second) || !rebound(first) { (second, first) } else { (first, second) };
            let name = mine.command.name(&self.screens);
            return Err(KeyProblem {
                name: if rebound(mine) { format!("keys.{name}") } else { "keys".into() },
                message: format!(
                    "keys.{name}: {} already means {} ({}) in {}",
                    key.label(),
                    other.help,
                    other.command.name(&self.screens),
                    other.scope.title().to_lowercase()
                ),
            });
        }
        Ok(self)
    }

    /// Two bindings that give one key two meanings in a stack, if any.
    fn clash(&self) -> Option<(Key, &Binding, &Binding)> {
        for stack in &self.stacks {
            let mut seen: Vec<(Key, &Binding)> = Vec::new();
            for binding in self.bindings(stack) {
                for key in &binding.keys {
                    if let Some((_, other)) =
                        seen.iter().find(|(k, b)| k == key && b.command != binding.command)
                    {
                        return Some((*key, other, binding));
                    }
                    seen.push((*key, binding));
                }
            }
        }
        None
    }

    /// The command a key means in a stack of scopes (first scope first).
    pub fn resolve(&self, scopes: &[Scope], event: &KeyEvent) -> Option<Command> {
        scopes.iter().find_map(|scope| {
            self.bindings
                .iter()
                .find(|b| b.scope == *scope && b.keys.iter().any(|k| k.matches(event)))
                .map(|b| b.command)
        })
    }

    /// The bindings of a stack of scopes, as help lists them.
    pub fn bindings<'a>(&'a self, scopes: &'a [Scope]) -> impl Iterator<Item = &'a Binding> + 'a {
        scopes.iter().flat_map(move |scope| self.bindings.iter().filter(move |b| b.scope == *scope))
    }

    /// The first key of a command in a scope, as help writes it.
    pub fn key_of(&self, scope: Scope, command: Command) -> String {
        self.bindings
            .iter()
            .find(|b| b.scope == scope && b.command == command)
            .and_then(|b| b.keys.first())
            .map_or_else(String::new, Key::label)
    }

    /// Every command with its name and keys, for `leadline config`.
    pub fn names(&self, lang: Lang) -> Vec<(String, Vec<String>, String)> {
        let mut out: Vec<(String, Vec<String>, String)> = Vec::new();
        for binding in &self.bindings {
            let name = binding.command.name(&self.screens);
            if !out.iter().any(|(n, _, _)| *n == name) {
                out.push((name, binding.keys.iter().map(Key::label).collect(), self.help_in(binding, lang)));
            }
        }
        out
    }

    pub fn all(&self) -> &[Binding] {
        &self.bindings
    }

    /// The catalogue message of a binding's help ("key-lists-down"), and of
    /// its footer hint ("hint-lists-down"). English is written here, in the
    /// table; other languages' words are in `locales/<lang>/keys.ftl`.
    pub fn message_ids(&self, binding: &Binding) -> (String, String) {
        let scope = format!("{:?}", binding.scope).to_lowercase();
        let command = binding.command.name(&self.screens).replace('_', "-");
        (format!("key-{scope}-{command}"), format!("hint-{scope}-{command}"))
    }

    /// What a binding does, in `lang`.
    pub fn help_in(&self, binding: &Binding, lang: Lang) -> String {
        match lang {
            Lang::En => binding.help.to_string(),
            _ => lang.try_text(&self.message_ids(binding).0).unwrap_or_else(|| binding.help.to_string()),
        }
    }

    /// "c call  f follow-up": the footer of a stack of scopes, in `lang`.
    pub fn hints_in(&self, scopes: &[Scope], lang: Lang) -> Vec<(String, String)> {
        self.bindings(scopes)
            .filter_map(|b| {
                let hint = b.hint?;
                let words = match lang {
                    Lang::En => hint.to_string(),
                    _ => lang.try_text(&self.message_ids(b).1).unwrap_or_else(|| hint.to_string()),
                };
                Some((b.keys[0].label(), words))
            })
            .collect()
    }
}

impl Scope {
    /// The scope's heading in the help, in `lang`.
    pub fn title_in(self, lang: Lang) -> String {
        match lang {
            Lang::En => self.title().to_string(),
            _ => lang
                .try_text(&format!("scope-{}", format!("{self:?}").to_lowercase()))
                .unwrap_or_else(|| self.title().to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keymap() -> Keymap {
        let screens =
            [ScreenKey { title: "Today", help: "Today" }, ScreenKey { title: "Review", help: "Review" }];
        Keymap::new(&screens, vec![&[S::Accounts, S::Lists, S::Global], &[S::Review, S::Global]])
    }

    #[test]
    fn the_defaults_are_unambiguous_and_every_command_is_described() {
        let keymap = keymap();
        assert_eq!(keymap.clash(), None);
        for binding in keymap.all() {
            assert!(!binding.help.is_empty() && !binding.keys.is_empty(), "{:?}", binding.command);
        }
    }

    #[test]
    fn keys_resolve_through_the_stack_with_the_right_modifiers() {
        let keymap = keymap();
        let press = |code, modifiers| KeyEvent::new(code, modifiers);
        let today = &[S::Accounts, S::Lists, S::Global];
        assert_eq!(keymap.resolve(today, &press(KeyCode::Char('c'), KeyModifiers::NONE)), Some(C::LogCall));
        assert_eq!(keymap.resolve(today, &press(KeyCode::Char('G'), KeyModifiers::SHIFT)), Some(C::Bottom));
        assert_eq!(keymap.resolve(today, &press(KeyCode::Char('c'), KeyModifiers::CONTROL)), Some(C::Quit));
        assert_eq!(
            keymap.resolve(today, &press(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(C::PreviousScreen)
        );
        assert_eq!(keymap.resolve(today, &press(KeyCode::Char('c'), KeyModifiers::ALT)), None);
        assert_eq!(keymap.resolve(&[S::Form], &press(KeyCode::Char('c'), KeyModifiers::NONE)), None);
        assert_eq!(
            keymap.resolve(today, &press(KeyCode::Char('2'), KeyModifiers::NONE)),
            Some(C::ShowScreen(1))
        );
    }

    #[test]
    fn keys_read_and_write_as_the_settings_spell_them() {
        for text in
            ["c", "C", "+", "Ctrl-d", "Alt-x", "Enter", "Esc", "Tab", "Shift-Tab", "PgDn", "F2", "Space"]
        {
            assert_eq!(Key::parse(text).map(|k| k.label()).as_deref(), Some(text), "{text}");
        }
        assert_eq!(Key::parse("ctrl-d"), Some(ctrl('d')));
        for bad in ["", "Ctrl-", "cc", "F13", "Hyper-x"] {
            assert_eq!(Key::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn commands_are_named_for_the_settings() {
        let keymap = keymap();
        let names: Vec<String> = keymap.names(Lang::En).into_iter().map(|(n, _, _)| n).collect();
        for name in [
            "quit",
            "log_call",
            "show_today",
            "show_review",
            "page_down",
            "outcome_no_answer",
            "next_14_days",
            "kind_gift",
            "follow_up_visit",
        ] {
            assert!(names.iter().any(|n| n == name), "{name} in {names:?}");
        }
    }

    #[test]
    fn a_rebinding_applies_everywhere_and_a_clash_is_refused() {
        let rebind = |pairs: &[(&str, KeyList)]| {
            keymap().rebound(&pairs.iter().map(|(n, k)| (n.to_string(), k.clone())).collect())
        };
        let one = |k: &str| KeyList::One(k.into());
        let keymap =
            rebind(&[("log_call", one("C")), ("down", KeyList::Many(vec!["j".into(), "n".into()]))]).unwrap();
        let press = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        let today = &[S::Accounts, S::Lists, S::Global];
        assert_eq!(keymap.resolve(today, &press('C')), Some(C::LogCall));
        assert_eq!(keymap.resolve(today, &press('c')), None, "the old key is free");
        assert_eq!(keymap.resolve(today, &press('n')), Some(C::Down));
        assert_eq!(keymap.hints_in(today, Lang::En)[0], ("C".to_string(), "call".to_string()));
        let clash = rebind(&[("log_call", one("s"))]).unwrap_err();
        assert_eq!(clash.name, "keys.log_call");
        assert!(clash.message.contains("s already means log an SMS (log_sms)"), "{}", clash.message);
        assert!(rebind(&[("log_cal", one("x"))]).unwrap_err().message.contains("no such command"));
        assert!(rebind(&[("log_call", one("Hyper-c"))]).unwrap_err().message.contains("is not a key"));
        let outcome = rebind(&[("outcome_no_answer", one("1"))]).unwrap_err();
        assert!(outcome.message.contains("already means +1 day"), "{}", outcome.message);
    }
}

#[cfg(test)]
mod translated {
    use std::collections::BTreeSet;

    use crate::i18n::Lang;

    /// Every default binding's help, and its hint where it has one, has
    /// its Chinese in keys.ftl, and keys.ftl holds nothing else.
    #[test]
    fn every_key_is_explained_in_chinese_too() {
        let screens = crate::tui::screens::registry();
        let keymap = crate::tui::model::Model::keymap_for(&screens);
        let mut wanted = BTreeSet::new();
        for binding in keymap.all() {
            let (help, hint) = keymap.message_ids(binding);
            wanted.insert(help);
            if binding.hint.is_some() {
                wanted.insert(hint);
            }
        }
        for scope in keymap.all().iter().map(|b| b.scope) {
            wanted.insert(format!("scope-{}", format!("{scope:?}").to_lowercase()));
        }
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/crates/i18n/locales/zh-CN/keys.ftl");
        let source = std::fs::read_to_string(path).unwrap();
        let written: BTreeSet<String> =
            source.lines().filter_map(|l| l.split_once(" = ")).map(|(id, _)| id.trim().to_string()).collect();
        let missing: Vec<_> = wanted.difference(&written).collect();
        let stale: Vec<_> = written.difference(&wanted).collect();
        assert!(missing.is_empty() && stale.is_empty(), "missing: {missing:?}; stale: {stale:?}");
        let first = keymap.all().iter().find(|b| b.hint == Some("call")).unwrap();
        assert_eq!(keymap.help_in(first, Lang::ZhCn), "记录电话");
        assert_eq!(keymap.help_in(first, Lang::En), "log a call");
        assert_eq!(super::Scope::Global.title_in(Lang::ZhCn), "任何页面");
    }
}
