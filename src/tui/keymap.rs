//! The one table of key bindings, as data: the defaults are
//! `keymap.toml`, built into the binary; it resolves keys, draws the
//! footer hints, the help screen, the forms' pick rows and the question's
//! answers, so that what is shown never drifts from what the keys do. The
//! settings' `[keys]` table rebinds any command by its name (as yazi and
//! television do); a binding that would clash is refused. What each
//! command does is worded in the catalogues (`keys.ftl`).

use std::collections::BTreeMap;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use serde::Deserialize;

use crate::config::KeyList;
use crate::domain::{Outcome, TouchKind};
use crate::i18n::{Lang, Text as _, msg};

/// Where a binding applies. A screen consults a stack of scopes, most
/// specific first (each screen says its stack; overlays have their own).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
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
    /// Its name in keymap.toml and in the catalogue's ids (`_` as `-`).
    pub fn name(self) -> &'static str {
        match self {
            Scope::Global => "global",
            Scope::Lists => "lists",
            Scope::Scroll => "scroll",
            Scope::Accounts => "accounts",
            Scope::Account => "account",
            Scope::Today => "today",
            Scope::Referrals => "referrals",
            Scope::Review => "review",
            Scope::Search => "search",
            Scope::Picker => "picker",
            Scope::Form => "form",
            Scope::Outcomes => "outcomes",
            Scope::NextSteps => "next_steps",
            Scope::OtherKinds => "other_kinds",
            Scope::FollowUpKinds => "follow_up_kinds",
            Scope::Confirm => "confirm",
            Scope::Help => "help",
        }
    }

    /// The scope's heading in the help.
    pub fn title(self, lang: Lang) -> String {
        match self {
            Scope::Global => msg::ScopeGlobal.text(lang),
            Scope::Lists => msg::ScopeLists.text(lang),
            Scope::Scroll => msg::ScopeScroll.text(lang),
            Scope::Accounts => msg::ScopeAccounts.text(lang),
            Scope::Account => msg::ScopeAccount.text(lang),
            Scope::Today => msg::ScopeToday.text(lang),
            Scope::Referrals => msg::ScopeReferrals.text(lang),
            Scope::Review => msg::ScopeReview.text(lang),
            Scope::Search => msg::ScopeSearch.text(lang),
            Scope::Picker => msg::ScopePicker.text(lang),
            Scope::Form => msg::ScopeForm.text(lang),
            Scope::Outcomes => msg::ScopeOutcomes.text(lang),
            Scope::NextSteps => msg::ScopeNextSteps.text(lang),
            Scope::OtherKinds => msg::ScopeOtherKinds.text(lang),
            Scope::FollowUpKinds => msg::ScopeFollowUpKinds.text(lang),
            Scope::Confirm => msg::ScopeConfirm.text(lang),
            Scope::Help => msg::ScopeHelp.text(lang),
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
    /// Note a competitor at the open account.
    AddCompetitor,
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

/// The commands without a parameter, by the name the settings and
/// keymap.toml give them: stable, whatever the variants are called.
const NAMED_COMMANDS: &[(&str, Command)] = &[
    ("quit", Command::Quit),
    ("help", Command::Help),
    ("search", Command::Search),
    ("next_screen", Command::NextScreen),
    ("previous_screen", Command::PreviousScreen),
    ("down", Command::Down),
    ("up", Command::Up),
    ("top", Command::Top),
    ("bottom", Command::Bottom),
    ("page_down", Command::PageDown),
    ("page_up", Command::PageUp),
    ("open", Command::Open),
    ("back", Command::Back),
    ("add_account", Command::AddAccount),
    ("edit_account", Command::EditAccount),
    ("log_call", Command::LogCall),
    ("log_sms", Command::LogSms),
    ("log_visit", Command::LogVisit),
    ("log_other", Command::LogOther),
    ("record_order", Command::RecordOrder),
    ("schedule_follow_up", Command::ScheduleFollowUp),
    ("mark_done", Command::MarkDone),
    ("skip_follow_up", Command::SkipFollowUp),
    ("snooze", Command::Snooze),
    ("archive_account", Command::ArchiveAccount),
    ("raise_grade", Command::RaiseGrade),
    ("lower_grade", Command::LowerGrade),
    ("add_referral", Command::AddReferral),
    ("deliver_incentive", Command::DeliverIncentive),
    ("triage", Command::Triage),
    ("previous_day", Command::PreviousDay),
    ("next_day", Command::NextDay),
    ("reflect", Command::Reflect),
    ("correct_entry", Command::CorrectEntry),
    ("remove_entry", Command::RemoveEntry),
    ("add_competitor", Command::AddCompetitor),
    ("undo", Command::Undo),
    ("save", Command::Save),
    ("cancel", Command::Cancel),
    ("next_field", Command::NextField),
    ("previous_field", Command::PreviousField),
    ("clear_field", Command::ClearField),
    ("delete_word", Command::DeleteWord),
    ("toggle_direction", Command::ToggleDirection),
    ("confirm", Command::Confirm),
    ("deny", Command::Deny),
];

impl Command {
    /// The command's name in keymap.toml and the settings' `[keys]`:
    /// `log_call`, `show_today`, `outcome_no_answer`, `next_14_days`,
    /// `kind_gift`, `follow_up_visit`.
    pub fn name(self, screens: &[ScreenKey]) -> String {
        let snake = |text: &str| text.replace('-', "_");
        match self {
            Command::ShowScreen(i) => format!("show_{}", screens.get(i).map_or("screen", |s| s.name)),
            Command::PickOutcome(outcome) => format!("outcome_{}", snake(outcome.as_str())),
            Command::PickNext(None) => "next_none".into(),
            Command::PickNext(Some(1)) => "next_1_day".into(),
            Command::PickNext(Some(days)) => format!("next_{days}_days"),
            Command::PickKind(kind) => format!("kind_{}", kind.as_str()),
            Command::PickFollowUpKind(kind) => format!("follow_up_{}", kind.as_str()),
            named => NAMED_COMMANDS
                .iter()
                .find(|(_, command)| *command == named)
                .map_or_else(String::new, |(name, _)| name.to_string()),
        }
    }

    /// The command a name means, for these screens.
    pub fn parse(name: &str, screens: &[ScreenKey]) -> Option<Command> {
        if let Some((_, command)) = NAMED_COMMANDS.iter().find(|(n, _)| *n == name) {
            return Some(*command);
        }
        let keyword = |rest: &str| rest.replace('_', "-");
        if let Some(screen) = name.strip_prefix("show_") {
            return screens.iter().position(|s| s.name == screen).map(Command::ShowScreen);
        }
        if let Some(outcome) = name.strip_prefix("outcome_") {
            return keyword(outcome).parse().ok().map(Command::PickOutcome);
        }
        if let Some(kind) = name.strip_prefix("kind_") {
            return kind.parse().ok().map(Command::PickKind);
        }
        if let Some(kind) = name.strip_prefix("follow_up_") {
            return kind.parse().ok().map(Command::PickFollowUpKind);
        }
        match name.strip_prefix("next_")? {
            "none" => Some(Command::PickNext(None)),
            "1_day" => Some(Command::PickNext(Some(1))),
            days => days
                .strip_suffix("_days")?
                .parse()
                .ok()
                .filter(|d| *d > 1)
                .map(|d| Command::PickNext(Some(d))),
        }
    }
}

/// A key with its modifiers, as written in the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
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
    /// Whether the footer reminds of it.
    pub hint: bool,
}

/// A screen as the keymap knows it: its name, for `show_NAME`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScreenKey {
    pub name: &'static str,
}

/// The default keys, as keymap.toml writes them.
const DEFAULT_KEYMAP: &str = include_str!("keymap.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DefaultKeys {
    bindings: Vec<DefaultBinding>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DefaultBinding {
    scope: Scope,
    command: String,
    keys: Vec<String>,
    #[serde(default)]
    hint: bool,
}

/// The default bindings for these screens. keymap.toml is built in and a
/// test reads every binding of it; a `show_` binding for a screen that is
/// not there is left out.
fn defaults(screens: &[ScreenKey]) -> Vec<Binding> {
    let table: DefaultKeys = toml::from_str(DEFAULT_KEYMAP).expect("keymap.toml is built in and tested");
    table
        .bindings
        .into_iter()
        .filter_map(|b| {
            let command = Command::parse(&b.command, screens)?;
            let keys = b.keys.iter().map(|k| Key::parse(k).expect("keymap.toml's keys are tested")).collect();
            Some(Binding { scope: b.scope, keys, command, hint: b.hint })
        })
        .collect()
}

/// A `[keys]` entry that cannot be taken, with its name (for the line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyProblem {
    /// The setting's dotted key: `keys.log_call`.
    pub name: String,
    pub kind: Box<KeyProblemKind>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyProblemKind {
    NoSuchCommand,
    NotAKey(String),
    NoKeys,
    /// The key already means another command where this one is bound:
    /// the command rebound, the key, the other command's name, the message
    /// of its help, its scope.
    Clash {
        mine: String,
        key: String,
        other: String,
        other_help: String,
        scope: Scope,
    },
}

impl KeyProblem {
    /// What is wrong, in `lang`.
    pub fn words(&self, lang: Lang) -> String {
        let name = self.name.as_str();
        match self.kind.as_ref() {
            KeyProblemKind::NoSuchCommand => msg::KeysNoSuchCommand { name }.text(lang),
            KeyProblemKind::NotAKey(text) => msg::KeysNotAKey { name, text: text.as_str() }.text(lang),
            KeyProblemKind::NoKeys => msg::KeysNoKeys { name }.text(lang),
            KeyProblemKind::Clash { mine, key, other, other_help, scope } => msg::KeysClash {
                name: format!("keys.{mine}"),
                key: key.as_str(),
                help: lang.text(other_help),
                other: other.as_str(),
                scope: scope.title(lang).to_lowercase(),
            }
            .text(lang),
        }
    }
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
    &[Scope::Search],
    &[Scope::Picker],
    &[Scope::Form],
    &[Scope::Outcomes, Scope::NextSteps],
    &[Scope::OtherKinds],
    &[Scope::FollowUpKinds],
    &[Scope::Confirm],
    &[Scope::Help],
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
            let problem = |kind| KeyProblem { name: format!("keys.{name}"), kind: Box::new(kind) };
            let command = Command::parse(name, &self.screens)
                .filter(|c| self.bindings.iter().any(|b| b.command == *c))
                .ok_or_else(|| problem(KeyProblemKind::NoSuchCommand))?;
            let parsed: Vec<Key> = keys
                .texts()
                .iter()
                .map(|text| {
                    Key::parse(text).ok_or_else(|| problem(KeyProblemKind::NotAKey(text.to_string())))
                })
                .collect::<Result<_, _>>()?;
            if parsed.is_empty() {
                return Err(problem(KeyProblemKind::NoKeys));
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
                kind: Box::new(KeyProblemKind::Clash {
                    mine: name.clone(),
                    key: key.label(),
                    other: other.command.name(&self.screens),
                    other_help: self.message_ids(other).0,
                    scope: other.scope,
                }),
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
    /// its footer hint ("hint-lists-down"), in keys.ftl.
    pub fn message_ids(&self, binding: &Binding) -> (String, String) {
        let scope = binding.scope.name().replace('_', "-");
        let command = binding.command.name(&self.screens).replace('_', "-");
        (format!("key-{scope}-{command}"), format!("hint-{scope}-{command}"))
    }

    /// What a binding does, in `lang`.
    pub fn help_in(&self, binding: &Binding, lang: Lang) -> String {
        lang.text(&self.message_ids(binding).0)
    }

    /// "c call  f follow-up": the footer of a stack of scopes, in `lang`.
    pub fn hints_in(&self, scopes: &[Scope], lang: Lang) -> Vec<(String, String)> {
        self.bindings(scopes)
            .filter(|b| b.hint)
            .map(|b| (b.keys[0].label(), lang.text(&self.message_ids(b).1)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Command as C;
    use Scope as S;

    const fn ctrl(c: char) -> Key {
        Key { code: KeyCode::Char(c), modifiers: KeyModifiers::CONTROL }
    }

    fn keymap() -> Keymap {
        let screens = [ScreenKey { name: "today" }, ScreenKey { name: "review" }];
        Keymap::new(&screens, vec![&[S::Accounts, S::Lists, S::Global], &[S::Review, S::Global]])
    }

    #[test]
    fn the_defaults_are_unambiguous_and_every_command_is_described() {
        let keymap = keymap();
        assert_eq!(keymap.clash(), None);
        for binding in keymap.all() {
            assert!(!binding.keys.is_empty(), "{:?}", binding.command);
            let name = binding.command.name(&keymap.screens);
            assert_eq!(Command::parse(&name, &keymap.screens), Some(binding.command), "{name}");
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
            keymap.resolve(today, &press(KeyCode::Char('6'), KeyModifiers::NONE)),
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
        assert!(
            clash.words(Lang::En).contains("s already means log an SMS (log_sms)"),
            "{}",
            clash.words(Lang::En)
        );
        assert!(rebind(&[("log_cal", one("x"))]).unwrap_err().words(Lang::En).contains("no such command"));
        assert!(
            rebind(&[("log_call", one("Hyper-c"))]).unwrap_err().words(Lang::En).contains("is not a key")
        );
        let outcome = rebind(&[("outcome_no_answer", one("1"))]).unwrap_err();
        assert!(outcome.words(Lang::En).contains("already means +1 day"), "{}", outcome.words(Lang::En));
    }
}

#[cfg(test)]
mod translated {
    use crate::i18n::{Lang, Text as _};

    /// keymap.toml is read whole: every binding names a command of the
    /// real screens and keys that parse, and the catalogues explain each
    /// one (its help, and its hint where the footer shows one) and title
    /// each scope, in every language (the build checks the languages agree).
    #[test]
    fn every_default_binding_is_read_and_explained() {
        let table: super::DefaultKeys = toml::from_str(super::DEFAULT_KEYMAP).unwrap();
        let screens = crate::tui::screens::registry();
        let keymap = crate::tui::model::Model::keymap_for(&screens);
        assert_eq!(keymap.all().len(), table.bindings.len(), "a binding of keymap.toml was left out");
        for binding in &table.bindings {
            for key in &binding.keys {
                assert!(super::Key::parse(key).is_some(), "{}: {key}", binding.command);
            }
        }
        for binding in keymap.all() {
            let (help, hint) = keymap.message_ids(binding);
            for lang in Lang::ALL {
                assert!(lang.try_text(&help).is_some(), "{help}");
                assert!(!binding.hint || lang.try_text(&hint).is_some(), "{hint}");
            }
        }
        let first = keymap.all().iter().find(|b| b.command == super::Command::LogCall).unwrap();
        assert_eq!(keymap.help_in(first, Lang::ZhCn), "记录电话");
        assert_eq!(keymap.help_in(first, Lang::En), "log a call");
        assert_eq!(super::Scope::Global.title(Lang::ZhCn), "任何页面");
    }
}
