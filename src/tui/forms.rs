//! The forms of the TUI: their fields, single-key picks and validation.
//! Pure: a form turns into a service input only when it is valid.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDateTime};

use super::input::TextInput;
use crate::app::{AccountInput, FollowUpInput, NextStep, OrderInput, TouchInput};
use crate::clock::{When, parse_when};
use crate::domain::contact::{check_email, check_name, check_phone, check_tags};
use crate::domain::{AccountId, Direction, FollowUpId, FollowUpReason, Grade, Money, Outcome, TouchKind};

/// A key and what it picks, as the form shows it: `[n] no answer`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pick<T> {
    pub key: char,
    pub label: &'static str,
    pub value: T,
}

const fn pick<T>(key: char, label: &'static str, value: T) -> Pick<T> {
    Pick { key, label, value }
}

pub const OUTCOMES: &[Pick<Outcome>] = &[
    pick('r', "reached", Outcome::Reached),
    pick('n', "no answer", Outcome::NoAnswer),
    pick('b', "busy", Outcome::Busy),
    pick('m', "left message", Outcome::LeftMessage),
    pick('w', "wrong number", Outcome::WrongNumber),
    pick('p', "replied", Outcome::Replied),
    pick('k', "meeting booked", Outcome::MeetingBooked),
    pick('q', "quote sent", Outcome::QuoteSent),
    pick('o', "won", Outcome::Won),
    pick('d', "declined", Outcome::Declined),
];

pub const NEXT_STEPS: &[Pick<Option<i64>>] = &[
    pick('0', "none", None),
    pick('1', "+1 day", Some(1)),
    pick('3', "+3 days", Some(3)),
    pick('7', "+7 days", Some(7)),
    pick('2', "+14 days", Some(14)),
];

pub const OTHER_KINDS: &[Pick<TouchKind>] = &[
    pick('e', "email", TouchKind::Email),
    pick('l', "letter", TouchKind::Letter),
    pick('g', "gift", TouchKind::Gift),
    pick('t', "meeting", TouchKind::Meeting),
];

pub const FOLLOW_UP_KINDS: &[Pick<TouchKind>] = &[
    pick('c', "call", TouchKind::Call),
    pick('v', "visit", TouchKind::Visit),
    pick('s', "sms", TouchKind::Sms),
    pick('e', "email", TouchKind::Email),
    pick('t', "meeting", TouchKind::Meeting),
];

/// The outcomes a kind of touch can have, with their keys.
pub fn outcomes_for(kind: TouchKind) -> impl Iterator<Item = &'static Pick<Outcome>> {
    OUTCOMES.iter().filter(move |p| p.value.fits(kind))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogField {
    Kind,
    Outcome,
    Next,
    Note,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogForm {
    pub account: AccountId,
    pub account_name: String,
    pub kind: TouchKind,
    /// `l` opens the form with the kind to choose.
    pub choose_kind: bool,
    pub outcome: Option<Outcome>,
    pub next: Option<i64>,
    /// Once the rep picks a next step, outcomes stop suggesting one.
    pub next_chosen: bool,
    pub note: TextInput,
    pub focus: LogField,
    /// Days to the next step per outcome, from the config.
    suggestions: BTreeMap<Outcome, u32>,
}

impl LogForm {
    pub fn new(
        account: AccountId,
        account_name: &str,
        kind: Option<TouchKind>,
        suggestions: &BTreeMap<Outcome, u32>,
    ) -> LogForm {
        LogForm {
            suggestions: suggestions.clone(),
            account,
            account_name: account_name.to_string(),
            kind: kind.unwrap_or(TouchKind::Email),
            choose_kind: kind.is_none(),
            outcome: None,
            next: None,
            next_chosen: false,
            note: TextInput::default(),
            focus: LogField::Note,
        }
    }

    pub fn fields(&self) -> Vec<LogField> {
        let mut fields = Vec::new();
        if self.choose_kind {
            fields.push(LogField::Kind);
        }
        fields.extend([LogField::Outcome, LogField::Next, LogField::Note]);
        fields
    }

    pub fn set_outcome(&mut self, outcome: Option<Outcome>) {
        self.outcome = outcome;
        if !self.next_chosen {
            self.next = self.suggested_next(outcome);
        }
    }

    /// The next step the outcome suggests, in days; none for "no next step"
    /// (zero) and for outcomes that set their own date (a booked meeting).
    pub fn suggested_next(&self, outcome: Option<Outcome>) -> Option<i64> {
        let days = *self.suggestions.get(&outcome?)?;
        (days > 0).then_some(i64::from(days))
    }

    pub fn set_next(&mut self, next: Option<i64>) {
        self.next = next;
        self.next_chosen = true;
    }

    pub fn set_kind(&mut self, kind: TouchKind) {
        self.kind = kind;
        if self.outcome.is_some_and(|o| !o.fits(kind)) {
            self.set_outcome(None);
        }
    }

    /// A single-key pick in a focused pick row (or with Alt from the note).
    pub fn pick(&mut self, field: LogField, key: char) -> bool {
        match field {
            LogField::Kind => match OTHER_KINDS.iter().find(|p| p.key == key) {
                Some(p) if self.choose_kind => self.set_kind(p.value),
                _ => return false,
            },
            LogField::Outcome => match outcomes_for(self.kind).find(|p| p.key == key) {
                Some(p) => self.set_outcome(if self.outcome == Some(p.value) { None } else { Some(p.value) }),
                None => return false,
            },
            LogField::Next => match NEXT_STEPS.iter().find(|p| p.key == key) {
                Some(p) => self.set_next(p.value),
                None => return false,
            },
            LogField::Note => return false,
        }
        true
    }

    pub fn is_dirty(&self) -> bool {
        !self.note.is_empty() || self.outcome.is_some() || self.next_chosen
    }

    pub fn to_input(&self, now: NaiveDateTime) -> TouchInput {
        TouchInput {
            account: self.account,
            kind: self.kind,
            direction: Direction::Outbound,
            outcome: self.outcome,
            note: self.note.text().to_string(),
            at: None,
            next: self
                .next
                .map(|days| NextStep::On(When { date: now.date() + Duration::days(days), time: None })),
        }
    }
}

/// What a field's value must be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Check {
    Anything,
    Name,
    Phones,
    Email,
    Grade,
    Tags,
    OptionalAmount,
    Amount,
    PastDay,
    FutureDay,
}

impl Check {
    fn run(self, text: &str, now: NaiveDateTime) -> Result<(), String> {
        match self {
            Check::Anything => anything(text, now),
            Check::Name => name(text, now),
            Check::Phones => phones(text, now),
            Check::Email => email(text, now),
            Check::Grade => grade(text, now),
            Check::Tags => tags(text, now),
            Check::OptionalAmount => optional_amount(text, now),
            Check::Amount => amount(text, now),
            Check::PastDay => past_day(text, now),
            Check::FutureDay => future_day(text, now),
        }
    }
}

/// A labelled text field that says what is wrong with its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub label: &'static str,
    pub input: TextInput,
    pub hint: &'static str,
    check: Check,
}

impl Field {
    fn new(label: &'static str, value: &str, hint: &'static str, check: Check) -> Field {
        Field { label, input: TextInput::new(value), hint, check }
    }

    pub fn error(&self, now: NaiveDateTime) -> Option<String> {
        self.check.run(self.input.text(), now).err()
    }
}

fn anything(_: &str, _: NaiveDateTime) -> Result<(), String> {
    Ok(())
}

fn name(text: &str, _: NaiveDateTime) -> Result<(), String> {
    check_name(text).map(|_| ()).map_err(|e| e.to_string())
}

fn phones(text: &str, _: NaiveDateTime) -> Result<(), String> {
    split_list(text).try_for_each(|p| check_phone(p).map(|_| ())).map_err(|e| e.to_string())
}

fn email(text: &str, _: NaiveDateTime) -> Result<(), String> {
    if text.trim().is_empty() { Ok(()) } else { check_email(text).map(|_| ()).map_err(|e| e.to_string()) }
}

fn grade(text: &str, _: NaiveDateTime) -> Result<(), String> {
    if text.trim().is_empty() { Ok(()) } else { text.parse::<Grade>().map(|_| ()).map_err(|e| e.to_string()) }
}

fn tags(text: &str, _: NaiveDateTime) -> Result<(), String> {
    check_tags(split_list(text)).map(|_| ()).map_err(|e| e.to_string())
}

fn optional_amount(text: &str, _: NaiveDateTime) -> Result<(), String> {
    if text.trim().is_empty() { Ok(()) } else { Money::parse(text).map(|_| ()).map_err(|e| e.to_string()) }
}

fn amount(text: &str, _: NaiveDateTime) -> Result<(), String> {
    match Money::parse(text) {
        Ok(m) if m > Money::ZERO => Ok(()),
        Ok(_) => Err("an order amount must be more than zero".into()),
        Err(e) => Err(e.to_string()),
    }
}

fn past_day(text: &str, now: NaiveDateTime) -> Result<(), String> {
    let when = parse_when(text, now).map_err(|e| e.to_string())?;
    if when.moment(now) > now { Err("that is in the future".into()) } else { Ok(()) }
}

fn future_day(text: &str, now: NaiveDateTime) -> Result<(), String> {
    let when = parse_when(text, now).map_err(|e| e.to_string())?;
    if when.date < now.date() { Err("that is in the past".into()) } else { Ok(()) }
}

fn split_list(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', '，', ';']).map(str::trim).filter(|s| !s.is_empty())
}

/// A form of text fields: add or edit an account, record an order,
/// schedule a follow-up, snooze one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldsForm {
    pub purpose: Purpose,
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Single-key choice of the follow-up kind (Ctrl-k cycles it).
    pub kind: Option<TouchKind>,
    initial: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Purpose {
    AddAccount,
    EditAccount(AccountId),
    Order(AccountId),
    FollowUp(AccountId),
    Snooze(FollowUpId),
}

/// The referrer of a new account as typed, resolved by the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReferredBy {
    pub by: String,
    pub incentive: Option<String>,
}

/// What a valid form asks the app to do.
#[derive(Clone, Debug)]
pub enum Submission {
    AddAccount(AccountInput, Option<ReferredBy>),
    EditAccount(AccountId, AccountInput),
    Order(OrderInput),
    FollowUp(FollowUpInput),
    Snooze(FollowUpId, When),
}

impl FieldsForm {
    fn new(purpose: Purpose, title: String, fields: Vec<Field>, kind: Option<TouchKind>) -> FieldsForm {
        let initial = fields.iter().map(|f| f.input.text().to_string()).collect();
        FieldsForm { purpose, title, fields, focus: 0, kind, initial }
    }

    /// A new account; `referred_by` prefills who referred it.
    pub fn add_account(referred_by: Option<String>) -> FieldsForm {
        let mut form = FieldsForm::account(None);
        form.fields.push(Field::new(
            "Referred by",
            referred_by.as_deref().unwrap_or_default(),
            "the referrer's name or #id",
            Check::Anything,
        ));
        form.fields.push(Field::new(
            "Incentive",
            "",
            "promised to the referrer, e.g. 一箱茅台",
            Check::Anything,
        ));
        form.initial.extend([referred_by.unwrap_or_default(), String::new()]);
        form
    }

    /// Prefilled with `values` for editing: name, company, phones, email,
    /// grade, tags, source, potential, note.
    pub fn account(editing: Option<(AccountId, [String; 9])>) -> FieldsForm {
        let (purpose, title, v) = match editing {
            Some((id, values)) => (Purpose::EditAccount(id), format!("Edit {}", values[0]), values),
            None => (Purpose::AddAccount, "Add an account".to_string(), Default::default()),
        };
        let fields = vec![
            Field::new("Name", &v[0], "", Check::Name),
            Field::new("Company", &v[1], "", Check::Anything),
            Field::new("Phones", &v[2], "separate several with commas", Check::Phones),
            Field::new("Email", &v[3], "", Check::Email),
            Field::new("Grade", &v[4], "A, B, C or D (prospects)", Check::Grade),
            Field::new("Tags", &v[5], "separate with commas", Check::Tags),
            Field::new("Source", &v[6], "where the lead came from", Check::Anything),
            Field::new("Potential", &v[7], "yearly value, e.g. 50000", Check::OptionalAmount),
            Field::new("Note", &v[8], "", Check::Anything),
        ];
        FieldsForm::new(purpose, title, fields, None)
    }

    pub fn order(account: AccountId, name: &str) -> FieldsForm {
        let fields = vec![
            Field::new("Amount", "", "e.g. 12000.50", Check::Amount),
            Field::new("Date", "today", "today, yesterday, 2026-11-20", Check::PastDay),
            Field::new("Note", "", "", Check::Anything),
        ];
        FieldsForm::new(Purpose::Order(account), format!("Record an order from {name}"), fields, None)
    }

    pub fn follow_up(account: AccountId, name: &str) -> FieldsForm {
        let fields = vec![
            Field::new("When", "tomorrow", "tomorrow, +3d, +1w, 2026-12-01", Check::FutureDay),
            Field::new("Note", "", "what was promised", Check::Anything),
        ];
        FieldsForm::new(
            Purpose::FollowUp(account),
            format!("Follow up with {name}"),
            fields,
            Some(TouchKind::Call),
        )
    }

    pub fn snooze(follow_up: FollowUpId, name: &str) -> FieldsForm {
        let fields =
            vec![Field::new("Until", "tomorrow", "tomorrow, +3d, +1w, 2026-12-01", Check::FutureDay)];
        FieldsForm::new(Purpose::Snooze(follow_up), format!("Snooze the follow-up with {name}"), fields, None)
    }

    pub fn is_dirty(&self) -> bool {
        self.fields.iter().zip(&self.initial).any(|(f, initial)| f.input.text() != initial)
    }

    pub fn focused(&mut self) -> &mut TextInput {
        &mut self.fields[self.focus].input
    }

    pub fn errors(&self, now: NaiveDateTime) -> Vec<(usize, String)> {
        self.fields.iter().enumerate().filter_map(|(i, f)| f.error(now).map(|e| (i, e))).collect()
    }

    fn text(&self, index: usize) -> String {
        self.fields[index].input.text().trim().to_string()
    }

    /// The app request, or the first problem (field label and message).
    pub fn submit(&self, now: NaiveDateTime) -> Result<Submission, String> {
        if let Some((index, error)) = self.errors(now).into_iter().next() {
            return Err(format!("{}: {error}", self.fields[index].label));
        }
        let when = |text: String| parse_when(&text, now).map_err(|e| e.to_string());
        Ok(match &self.purpose {
            Purpose::AddAccount | Purpose::EditAccount(_) => {
                let list = |i| split_list(&self.text(i)).map(str::to_string).collect::<Vec<_>>();
                let input = AccountInput {
                    name: Some(self.text(0)),
                    company: Some(self.text(1)),
                    title: None,
                    phones: Some(list(2)),
                    email: Some(self.text(3)),
                    address: None,
                    tags: Some(list(5)),
                    source: Some(self.text(6)),
                    note: Some(self.fields[8].input.text().to_string()),
                    competitors: None,
                    potential: Some(Money::parse(&self.text(7)).unwrap_or(Money::ZERO)),
                    grade: self.text(4).parse().ok(),
                    tier: None,
                };
                match self.purpose {
                    Purpose::EditAccount(id) => Submission::EditAccount(id, input),
                    _ => {
                        let optional = |i: usize| {
                            self.fields
                                .get(i)
                                .map(|f| f.input.text().trim().to_string())
                                .filter(|t| !t.is_empty())
                        };
                        let incentive = optional(10);
                        let referred = match optional(9) {
                            Some(by) => Some(ReferredBy { by, incentive }),
                            None if incentive.is_some() => {
                                return Err("Incentive: say who referred the account".into());
                            }
                            None => None,
                        };
                        Submission::AddAccount(input, referred)
                    }
                }
            }
            Purpose::Order(account) => Submission::Order(OrderInput {
                account: *account,
                amount: Money::parse(&self.text(0)).map_err(|e| e.to_string())?,
                at: Some(when(self.text(1))?),
                note: self.text(2),
            }),
            Purpose::FollowUp(account) => Submission::FollowUp(FollowUpInput {
                account: *account,
                due: when(self.text(0))?,
                kind: self.kind.unwrap_or(TouchKind::Call),
                reason: FollowUpReason::Promised,
                note: self.text(1),
            }),
            Purpose::Snooze(id) => Submission::Snooze(*id, when(self.text(0))?),
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Form {
    Log(LogForm),
    Fields(FieldsForm),
}

impl Form {
    pub fn is_dirty(&self) -> bool {
        match self {
            Form::Log(form) => form.is_dirty(),
            Form::Fields(form) => form.is_dirty(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::parse_timestamp;
    use crate::config::Config;

    fn now() -> NaiveDateTime {
        parse_timestamp("2026-11-27T09:00").unwrap()
    }

    #[test]
    fn outcomes_suggest_a_next_step_until_the_rep_picks_one() {
        let mut form =
            LogForm::new(AccountId(1), "张伟", Some(TouchKind::Call), &Config::default().next_step);
        assert!(form.pick(LogField::Outcome, 'n'));
        assert_eq!(form.next, Some(1));
        assert!(form.pick(LogField::Outcome, 'q'));
        assert_eq!(form.next, Some(3));
        assert!(form.pick(LogField::Next, '7'));
        assert!(form.pick(LogField::Outcome, 'n'));
        assert_eq!(form.next, Some(7), "the rep's choice stays");
        assert!(!form.pick(LogField::Outcome, 'z'));
        let input = form.to_input(now());
        let when = |next| match next {
            Some(NextStep::On(when)) => when.date.to_string(),
            other => format!("{other:?}"),
        };
        assert_eq!(when(input.next), "2026-12-04");
    }

    #[test]
    fn outcomes_that_do_not_fit_the_channel_are_not_offered() {
        let form = LogForm::new(AccountId(1), "x", Some(TouchKind::Visit), &Config::default().next_step);
        let keys: String = outcomes_for(form.kind).map(|p| p.key).collect();
        assert!(!keys.contains('b'), "no busy for a visit: {keys}");
        let mut other = LogForm::new(AccountId(1), "x", None, &Config::default().next_step);
        assert_eq!(other.fields()[0], LogField::Kind);
        assert!(other.pick(LogField::Kind, 't'));
        assert_eq!(other.kind, TouchKind::Meeting);
    }

    #[test]
    fn fields_say_what_is_wrong_and_nothing_is_submitted_until_valid() {
        let mut form = FieldsForm::add_account(None);
        assert!(form.submit(now()).unwrap_err().starts_with("Name: name is empty"));
        for c in "张伟".chars() {
            form.focused().insert(c);
        }
        form.focus = 3;
        for c in "zw@".chars() {
            form.focused().insert(c);
        }
        assert_eq!(form.errors(now()).len(), 1);
        assert!(form.submit(now()).unwrap_err().starts_with("Email:"));
        form.focused().insert('x');
        match form.submit(now()).unwrap() {
            Submission::AddAccount(input, referred) => {
                assert_eq!((input.name.as_deref(), referred), (Some("张伟"), None))
            }
            other => panic!("{other:?}"),
        }
        let mut order = FieldsForm::order(AccountId(1), "张伟");
        order.focused().insert('0');
        assert!(order.submit(now()).unwrap_err().contains("more than zero"));
        let mut follow_up = FieldsForm::follow_up(AccountId(1), "张伟");
        follow_up.fields[0].input = TextInput::new("yesterday");
        assert!(follow_up.submit(now()).unwrap_err().contains("in the past"));
    }
}
