//! The forms of the TUI: their fields, single-key picks and validation.
//! Pure: a form turns into a service input only when it is valid.

use crate::i18n::Text as _;
use crate::i18n::msg;
use crate::i18n::msg_id;
use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};

mod competitor;
mod correct;

use super::input::TextInput;
use super::keymap::Command;
use crate::app::{
    AccountInput, FollowUpChange, FollowUpInput, NextStep, NoteInput, OrderChange, OrderInput, TouchChange,
    TouchInput,
};
use crate::clock::{DateOrder, When, parse_when_ahead, parse_when_in};
use crate::domain::contact::{check_email, check_name, check_phone, check_tags};
use crate::domain::{
    Account, AccountId, ArchiveReason, Direction, FollowUp, FollowUpId, FollowUpReason, Grade, Money,
    MonthDay, OrderId, Outcome, Purpose as TouchPurpose, Tier, TouchId, TouchKind, UnknownKeyword,
};
use crate::i18n::{Lang, Words};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogField {
    Kind,
    Outcome,
    /// The next step's day, in any WHEN form; empty for none.
    Next,
    /// A won sale's amount (shown once the outcome is "won").
    Amount,
    /// Who won a declined deal (shown once the outcome is "declined").
    LostTo,
    Note,
    /// What the touch taught, in a line (optional).
    Lesson,
    /// When it happened: now unless the rep says otherwise.
    When,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogForm {
    pub account: AccountId,
    pub account_name: String,
    pub kind: TouchKind,
    /// `l` opens the form with the kind to choose.
    pub choose_kind: bool,
    pub outcome: Option<Outcome>,
    /// The next step's day as typed (the CLI's WHEN: `+3d`, `下周三 15:00`);
    /// an outcome's suggestion comes in as a date, replaced by typing.
    pub next: TextInput,
    /// Once the rep picks or types a next step, outcomes stop suggesting one.
    pub next_chosen: bool,
    /// A won sale's amount: recorded as the order in the same change.
    pub amount: TextInput,
    /// The competitor a declined deal went to; empty when none or unknown.
    pub lost_to: TextInput,
    pub note: TextInput,
    pub lesson: TextInput,
    /// When it happened, as the CLI's WHEN ("now", "yesterday 18:30", "-2h").
    pub when: TextInput,
    /// They contacted the rep ("they called me").
    pub inbound: bool,
    /// Said when the form opens (too many unanswered SMS).
    pub warning: Option<String>,
    pub focus: LogField,
    pub lang: Lang,
    /// How a date in numbers is read (12/15 in the US, 15/12 in Britain).
    pub dates: DateOrder,
    /// What the touch is for, when the row it comes from says (a greeting,
    /// a thank-you), and that in words for the title ("春节 greeting").
    pub purpose: TouchPurpose,
    pub purpose_words: Option<String>,
    /// The grade a declined prospect would be lowered to (the form asks).
    pub lowers_to: Option<Grade>,
    /// The day the form opened: the next step's picks count from it.
    today: NaiveDate,
    /// The weekdays with room in the plan, Monday first: a next step a
    /// pick puts on a day off moves to the next working day.
    working: [bool; 7],
    /// Days to the next step per outcome, from the config.
    suggestions: BTreeMap<Outcome, u32>,
}

impl LogForm {
    pub fn new(
        account: AccountId,
        account_name: &str,
        kind: Option<TouchKind>,
        suggestions: &BTreeMap<Outcome, u32>,
        today: NaiveDate,
    ) -> LogForm {
        LogForm {
            suggestions: suggestions.clone(),
            account,
            account_name: account_name.to_string(),
            kind: kind.unwrap_or(TouchKind::Email),
            choose_kind: kind.is_none(),
            outcome: None,
            next: TextInput::default(),
            next_chosen: false,
            amount: TextInput::default(),
            lost_to: TextInput::default(),
            note: TextInput::default(),
            lesson: TextInput::default(),
            when: TextInput::prefilled("now"),
            inbound: false,
            warning: None,
            focus: LogField::Note,
            lang: Lang::En,
            dates: DateOrder::default(),
            purpose: TouchPurpose::Ordinary,
            purpose_words: None,
            lowers_to: None,
            today,
            working: [true; 7],
        }
    }

    /// The weekdays the rep works (a next step is picked on one of them).
    pub fn working_days(mut self, plan: &crate::config::PlanRules) -> LogForm {
        self.working = plan.working_weekdays();
        self
    }

    /// The form for the rep: their language and their way of writing dates.
    pub fn for_rep(self, config: &crate::config::Config) -> LogForm {
        LogForm { dates: config.contacts.date_order(), ..self.in_lang(config.ui.lang()) }
    }

    fn reading(&self, now: NaiveDateTime) -> Reading {
        Reading { now, lang: self.lang, dates: self.dates }
    }

    /// The form in `lang`: its checks, and "now" as 现在 in Chinese.
    pub fn in_lang(mut self, lang: Lang) -> LogForm {
        self.lang = lang;
        self.when = TextInput::prefilled(&msg::PrefillNow.text(lang));
        self
    }

    /// `l` on a row: the kind to choose, starting on the row's channel.
    pub fn starting_on(mut self, kind: TouchKind) -> LogForm {
        self.kind = kind;
        self
    }

    pub fn fields(&self) -> Vec<LogField> {
        let mut fields = Vec::new();
        if self.choose_kind {
            fields.push(LogField::Kind);
        }
        fields.extend([LogField::Outcome, LogField::Next]);
        if self.outcome == Some(Outcome::Won) {
            fields.push(LogField::Amount);
        }
        if self.outcome == Some(Outcome::Declined) {
            fields.push(LogField::LostTo);
        }
        fields.extend([LogField::Note, LogField::Lesson, LogField::When]);
        fields
    }

    /// Picks an outcome: its suggested next step comes in (unless the rep
    /// chose one); a won sale asks its amount, a booked meeting its day.
    pub fn set_outcome(&mut self, outcome: Option<Outcome>) {
        self.outcome = outcome;
        if !self.next_chosen {
            self.next = match self.suggested_next(outcome) {
                Some(days) => TextInput::prefilled(&self.day_after(days).to_string()),
                None => TextInput::default(),
            };
        }
        match outcome {
            Some(Outcome::Won) => self.focus = LogField::Amount,
            Some(Outcome::Declined) => self.focus = LogField::LostTo,
            Some(Outcome::MeetingBooked) if self.next.is_empty() => self.focus = LogField::Next,
            _ if matches!(self.focus, LogField::Amount | LogField::LostTo) => self.focus = LogField::Note,
            _ => {}
        }
    }

    fn day_after(&self, days: i64) -> NaiveDate {
        let mut day = self.today + Duration::days(days);
        for _ in 0..7 {
            if self.working[day.weekday().num_days_from_monday() as usize] {
                break;
            }
            day += Duration::days(1);
        }
        day
    }

    /// The next step the outcome suggests, in days; none for "no next step"
    /// (zero) and for outcomes that set their own date (a booked meeting).
    pub fn suggested_next(&self, outcome: Option<Outcome>) -> Option<i64> {
        let days = *self.suggestions.get(&outcome?)?;
        (days > 0).then_some(i64::from(days))
    }

    /// A next step picked with a key: so many days on, or none.
    pub fn set_next(&mut self, next: Option<i64>) {
        self.next = match next {
            Some(days) => TextInput::prefilled(&self.day_after(days).to_string()),
            None => TextInput::default(),
        };
        self.next_chosen = true;
    }

    pub fn set_kind(&mut self, kind: TouchKind) {
        self.kind = kind;
        if self.outcome.is_some_and(|o| !o.fits(kind)) {
            self.set_outcome(None);
        }
    }

    /// A pick from one of the form's rows (a key in the keymap's pick
    /// scopes); false when it does not apply (an outcome the channel cannot
    /// have, a kind when the kind is fixed). An outcome picked again stays
    /// (Backspace on the row clears it).
    pub fn apply(&mut self, pick: Command) -> bool {
        match pick {
            Command::PickKind(kind) if self.choose_kind => self.set_kind(kind),
            Command::PickOutcome(outcome) if outcome.fits(self.kind) => self.set_outcome(Some(outcome)),
            Command::PickNext(days) => self.set_next(days.map(i64::from)),
            _ => return false,
        }
        true
    }

    pub fn is_dirty(&self) -> bool {
        !self.note.is_empty()
            || !self.lesson.is_empty()
            || self.outcome.is_some()
            || self.next_chosen
            || !self.amount.is_empty()
            || !self.lost_to.is_empty()
            || self.inbound
            || !self.when.is_prefilled()
    }

    /// What is wrong with the time typed, if anything.
    pub fn when_error(&self, now: NaiveDateTime) -> Option<String> {
        past_day(self.when.text(), self.reading(now)).err()
    }

    /// The next step's day as typed, resolved (for the preview beside the
    /// field), or what is wrong with it; none when empty.
    pub fn next_day(&self, now: NaiveDateTime) -> Option<Result<When, String>> {
        let text = self.next.text().trim();
        if text.is_empty() {
            return None;
        }
        // A bare number is so many days on: 3 is in three days.
        if let Ok(days) = text.parse::<u16>() {
            return Some(Ok(When { date: self.day_after(days.into()), time: None }));
        }
        Some(
            future_day(text, self.reading(now))
                .and_then(|_| parse_when_in(text, now, self.dates).map_err(|e| e.words(self.lang))),
        )
    }

    /// The touch to log, or what is wrong: the time, the next step's day,
    /// a booked meeting's missing day, a won sale's amount.
    pub fn to_input(&self, now: NaiveDateTime) -> Result<TouchInput, String> {
        let field = |label: &str, error: String| {
            let args = msg::FormError { field: self.lang.text(label), error };
            args.text(self.lang)
        };
        let at = parse_when_in(self.when.text(), now, self.dates)
            .map_err(|e| field(msg_id!("log-when"), e.words(self.lang)))?;
        if let Some(error) = self.when_error(now) {
            return Err(field(msg_id!("log-when"), error));
        }
        let next = self.next_day(now).transpose().map_err(|e| field(msg_id!("log-next"), e))?;
        if self.outcome == Some(Outcome::MeetingBooked) && next.is_none() {
            return Err(field(msg_id!("log-next"), msg::CheckMeetingDay.text(self.lang)));
        }
        let amount = match (self.outcome, self.amount.text().trim()) {
            (Some(Outcome::Won), "") => {
                return Err(field(msg_id!("log-amount"), msg::CheckWonAmount.text(self.lang)));
            }
            (Some(Outcome::Won), text) => {
                let amount =
                    Money::parse(text).map_err(|e| field(msg_id!("log-amount"), e.words(self.lang)))?;
                if amount <= Money::ZERO {
                    return Err(field(msg_id!("log-amount"), msg::CheckAmountPositive.text(self.lang)));
                }
                Some(amount)
            }
            _ => None,
        };
        Ok(TouchInput {
            account: self.account,
            kind: self.kind,
            direction: if self.inbound { Direction::Inbound } else { Direction::Outbound },
            outcome: self.outcome,
            note: self.note.text().to_string(),
            lesson: self.lesson.text().to_string(),
            at: Some(at),
            next: next.map(NextStep::On),
            purpose: self.purpose,
            amount,
            lower_grade: false,
            lost_to: Some(self.lost_to.text().trim().to_string())
                .filter(|name| !name.is_empty() && self.outcome == Some(Outcome::Declined)),
        })
    }

    /// A won call saved without its amount (Esc on the amount): the touch,
    /// and the sale left for an order.
    pub fn without_amount(&self, now: NaiveDateTime) -> Result<TouchInput, String> {
        let mut form = self.clone();
        form.outcome = None;
        let input = form.to_input(now)?;
        Ok(TouchInput { outcome: Some(Outcome::Won), ..input })
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
    Kind,
    Outcome,
    Direction,
    Tier,
    Reason,
    Birthday,
    CreditDays,
}

/// What a check reads a field against: the moment, the rep's language,
/// and the order of a date written in numbers (12/15 in the US).
#[derive(Clone, Copy, Debug)]
pub struct Reading {
    pub now: NaiveDateTime,
    pub lang: Lang,
    pub dates: DateOrder,
}

impl Check {
    fn run(self, text: &str, reading: Reading) -> Result<(), String> {
        let lang = reading.lang;
        match self {
            Check::Anything => Ok(()),
            Check::Name => name(text, lang),
            Check::Phones => phones(text, lang),
            Check::Email => email(text, lang),
            Check::Grade => grade(text, lang),
            Check::Tags => tags(text, lang),
            Check::OptionalAmount => optional_amount(text, lang),
            Check::Amount => amount(text, lang),
            Check::PastDay => past_day(text, reading),
            Check::FutureDay => future_day(text, reading),
            Check::Kind => text.trim().parse::<TouchKind>().map(|_| ()).map_err(|e| e.words(lang)),
            Check::Outcome => correct::parse_outcome(text, lang).map(|_| ()),
            Check::Direction => correct::parse_direction(text, lang).map(|_| ()),
            Check::Tier => text.trim().parse::<Tier>().map(|_| ()).map_err(|e| e.words(lang)),
            Check::Reason => text.trim().parse::<ArchiveReason>().map(|_| ()).map_err(|e| e.words(lang)),
            Check::Birthday if text.trim().is_empty() => Ok(()),
            Check::Birthday => MonthDay::parse(text).map(|_| ()).map_err(|e| e.words(lang)),
            Check::CreditDays => match text.trim() {
                "" => Ok(()),
                days if days.parse::<u32>().is_ok_and(|d| d <= crate::app::MAX_CREDIT_DAYS) => Ok(()),
                days => Err(msg::ErrorCreditDays { given: days }.text(lang)),
            },
        }
    }
}

/// Every field a form can have. Its label, hint and check are defined once,
/// in [`FieldId::spec`]; forms list the fields they show, and read values
/// back by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldId {
    Name,
    Company,
    Phones,
    Email,
    Grade,
    Tags,
    Source,
    Potential,
    Note,
    /// A follow-up's note: what was promised.
    Promise,
    ReferredBy,
    Incentive,
    Amount,
    Date,
    When,
    Until,
    /// The day's reflection.
    Reflection,
    /// A touch's kind, outcome, direction and lesson, when corrected.
    Kind,
    Outcome,
    Direction,
    Lesson,
    /// When a touch or an order happened.
    Moment,
    Title,
    Address,
    /// A customer's tier; changing it pins it.
    Tier,
    /// Why an account is archived.
    Reason,
    Birthday,
    /// A competitor note: who, the five questions, their price and credit.
    CompetitorName,
    Strength,
    Offer,
    Floor,
    Weakness,
    Edge,
    Price,
    CreditDays,
    /// The competitor a declined or lost deal went to.
    LostTo,
}

impl FieldId {
    /// What the value must be.
    fn check(self) -> Check {
        use FieldId as F;
        match self {
            F::Name => Check::Name,
            F::Company => Check::Anything,
            F::Phones => Check::Phones,
            F::Email => Check::Email,
            F::Grade => Check::Grade,
            F::Tags => Check::Tags,
            F::Source => Check::Anything,
            F::Potential => Check::OptionalAmount,
            F::Note => Check::Anything,
            F::Promise => Check::Anything,
            F::ReferredBy => Check::Anything,
            F::Incentive => Check::Anything,
            F::Amount => Check::Amount,
            F::Date => Check::PastDay,
            F::When => Check::FutureDay,
            F::Until => Check::FutureDay,
            F::Reflection => Check::Anything,
            F::Kind => Check::Kind,
            F::Outcome => Check::Outcome,
            F::Direction => Check::Direction,
            F::Lesson => Check::Anything,
            F::Moment => Check::PastDay,
            F::Title => Check::Anything,
            F::Address => Check::Anything,
            F::Tier => Check::Tier,
            F::Reason => Check::Reason,
            F::Birthday => Check::Birthday,
            F::CompetitorName | F::Strength | F::Offer | F::Floor | F::Weakness | F::Edge | F::LostTo => {
                Check::Anything
            }
            F::Price => Check::OptionalAmount,
            F::CreditDays => Check::CreditDays,
        }
    }

    /// The field's label (`field-ID-label` in fields.ftl).
    pub fn label(self, lang: Lang) -> String {
        use FieldId as F;
        match self {
            F::Name => msg::FieldNameLabel.text(lang),
            F::Company => msg::FieldCompanyLabel.text(lang),
            F::Phones => msg::FieldPhonesLabel.text(lang),
            F::Email => msg::FieldEmailLabel.text(lang),
            F::Grade => msg::FieldGradeLabel.text(lang),
            F::Tags => msg::FieldTagsLabel.text(lang),
            F::Source => msg::FieldSourceLabel.text(lang),
            F::Potential => msg::FieldPotentialLabel.text(lang),
            F::Note => msg::FieldNoteLabel.text(lang),
            F::Promise => msg::FieldPromiseLabel.text(lang),
            F::ReferredBy => msg::FieldReferredByLabel.text(lang),
            F::Incentive => msg::FieldIncentiveLabel.text(lang),
            F::Amount => msg::FieldAmountLabel.text(lang),
            F::Date => msg::FieldDateLabel.text(lang),
            F::When => msg::FieldWhenLabel.text(lang),
            F::Until => msg::FieldUntilLabel.text(lang),
            F::Reflection => msg::FieldReflectionLabel.text(lang),
            F::Kind => msg::FieldKindLabel.text(lang),
            F::Outcome => msg::FieldOutcomeLabel.text(lang),
            F::Direction => msg::FieldDirectionLabel.text(lang),
            F::Lesson => msg::FieldLessonLabel.text(lang),
            F::Moment => msg::FieldMomentLabel.text(lang),
            F::Title => msg::FieldTitleLabel.text(lang),
            F::Address => msg::FieldAddressLabel.text(lang),
            F::Tier => msg::FieldTierLabel.text(lang),
            F::Reason => msg::FieldReasonLabel.text(lang),
            F::Birthday => msg::FieldBirthdayLabel.text(lang),
            F::CompetitorName => msg::FieldCompetitorLabel.text(lang),
            F::Strength => msg::QuestionStrength.text(lang),
            F::Offer => msg::QuestionOffer.text(lang),
            F::Floor => msg::QuestionFloor.text(lang),
            F::Weakness => msg::QuestionWeakness.text(lang),
            F::Edge => msg::QuestionEdge.text(lang),
            F::Price => msg::QuestionPrice.text(lang),
            F::CreditDays => msg::FieldCreditDaysLabel.text(lang),
            F::LostTo => msg::FieldLostToLabel.text(lang),
        }
    }

    /// What the field takes, under it (`field-ID-hint`; empty for most).
    pub fn hint(self, lang: Lang) -> String {
        use FieldId as F;
        match self {
            F::Name => msg::FieldNameHint.text(lang),
            F::Company => msg::FieldCompanyHint.text(lang),
            F::Phones => msg::FieldPhonesHint.text(lang),
            F::Email => msg::FieldEmailHint.text(lang),
            F::Grade => msg::FieldGradeHint.text(lang),
            F::Tags => msg::FieldTagsHint.text(lang),
            F::Source => msg::FieldSourceHint.text(lang),
            F::Potential => msg::FieldPotentialHint.text(lang),
            F::Note => msg::FieldNoteHint.text(lang),
            F::Promise => msg::FieldPromiseHint.text(lang),
            F::ReferredBy => msg::FieldReferredByHint.text(lang),
            F::Incentive => msg::FieldIncentiveHint.text(lang),
            F::Amount => msg::FieldAmountHint.text(lang),
            F::Date => msg::FieldDateHint.text(lang),
            F::When => msg::FieldWhenHint.text(lang),
            F::Until => msg::FieldUntilHint.text(lang),
            F::Reflection => msg::FieldReflectionHint.text(lang),
            F::Kind => msg::FieldKindHint.text(lang),
            F::Outcome => msg::FieldOutcomeHint.text(lang),
            F::Direction => msg::FieldDirectionHint.text(lang),
            F::Lesson => msg::FieldLessonHint.text(lang),
            F::Moment => msg::FieldMomentHint.text(lang),
            F::Title => msg::FieldTitleHint.text(lang),
            F::Address => msg::FieldAddressHint.text(lang),
            F::Tier => msg::FieldTierHint.text(lang),
            F::Reason => msg::FieldReasonHint.text(lang),
            F::Birthday => msg::FieldBirthdayHint.text(lang),
            F::CompetitorName => msg::FieldCompetitorHint.text(lang),
            F::Strength => msg::FieldStrengthHint.text(lang),
            F::Offer => msg::FieldOfferHint.text(lang),
            F::Floor => msg::FieldFloorHint.text(lang),
            F::Weakness => msg::FieldWeaknessHint.text(lang),
            F::Edge => msg::FieldEdgeHint.text(lang),
            F::Price => msg::FieldPriceHint.text(lang),
            F::CreditDays => msg::FieldCreditDaysHint.text(lang),
            F::LostTo => msg::FieldLostToHint.text(lang),
        }
    }
}

/// A labelled text field that says what is wrong with its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub id: FieldId,
    pub input: TextInput,
}

impl Field {
    /// A field holding `value`. A suggestion (a date, an amount, a kind) is
    /// replaced by the first key typed; what the book holds of an account
    /// (its name, phones, notes) and free text are edited in place, so a
    /// stray key never wipes them.
    fn new(id: FieldId, value: &str, suggested: bool) -> Field {
        let one_word = matches!(id, FieldId::Grade | FieldId::Tier | FieldId::Birthday);
        let free_text = matches!(
            id,
            FieldId::Note
                | FieldId::Promise
                | FieldId::Reflection
                | FieldId::Lesson
                | FieldId::Address
                | FieldId::CompetitorName
                | FieldId::Strength
                | FieldId::Offer
                | FieldId::Floor
                | FieldId::Weakness
                | FieldId::Edge
        );
        let input = if (suggested || one_word) && !free_text {
            TextInput::prefilled(value)
        } else {
            TextInput::new(value)
        };
        Field { id, input }
    }

    /// The label in `lang`.
    pub fn label_in(&self, lang: Lang) -> String {
        self.id.label(lang)
    }

    /// The hint in `lang`.
    pub fn hint_in(&self, lang: Lang) -> String {
        self.id.hint(lang)
    }

    pub fn error(&self, reading: Reading) -> Option<String> {
        self.id.check().run(self.input.text(), reading).err()
    }
}

fn name(text: &str, lang: Lang) -> Result<(), String> {
    check_name(text).map(|_| ()).map_err(|e| e.words(lang))
}

fn phones(text: &str, lang: Lang) -> Result<(), String> {
    split_list(text).try_for_each(|p| check_phone(p).map(|_| ())).map_err(|e| e.words(lang))
}

fn email(text: &str, lang: Lang) -> Result<(), String> {
    if text.trim().is_empty() { Ok(()) } else { check_email(text).map(|_| ()).map_err(|e| e.words(lang)) }
}

fn grade(text: &str, lang: Lang) -> Result<(), String> {
    if text.trim().is_empty() { Ok(()) } else { text.parse::<Grade>().map(|_| ()).map_err(|e| e.words(lang)) }
}

fn tags(text: &str, lang: Lang) -> Result<(), String> {
    check_tags(split_list(text)).map(|_| ()).map_err(|e| e.words(lang))
}

fn optional_amount(text: &str, lang: Lang) -> Result<(), String> {
    if text.trim().is_empty() { Ok(()) } else { Money::parse(text).map(|_| ()).map_err(|e| e.words(lang)) }
}

fn amount(text: &str, lang: Lang) -> Result<(), String> {
    match Money::parse(text) {
        Ok(m) if m > Money::ZERO => Ok(()),
        Ok(_) => Err(msg::CheckAmountPositive.text(lang)),
        Err(e) => Err(e.words(lang)),
    }
}

fn past_day(text: &str, Reading { now, lang, dates }: Reading) -> Result<(), String> {
    let when = parse_when_in(text, now, dates).map_err(|e| e.words(lang))?;
    if when.moment(now) > now { Err(msg::CheckFuture.text(lang)) } else { Ok(()) }
}

fn future_day(text: &str, Reading { now, lang, dates }: Reading) -> Result<(), String> {
    let when = parse_when_ahead(text, now, dates).map_err(|e| e.words(lang))?;
    if when.date < now.date() { Err(msg::CheckPast.text(lang)) } else { Ok(()) }
}

fn split_list(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', '，', ';']).map(str::trim).filter(|s| !s.is_empty())
}

/// A form of text fields: add or edit an account, record an order,
/// schedule a follow-up, snooze one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldsForm {
    pub purpose: Purpose,
    title: FormTitle,
    pub lang: Lang,
    /// How a date in numbers is read (12/15 in the US, 15/12 in Britain).
    pub dates: DateOrder,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Single-key choice of the follow-up kind (Ctrl-k cycles it).
    pub kind: Option<TouchKind>,
    initial: Vec<String>,
    /// Whether the rep pressed save: from then on every problem shows, not
    /// only those of the fields they changed.
    save_tried: bool,
}

/// What a form's title says, worded in the form's language.
#[derive(Clone, Debug, PartialEq, Eq)]
enum FormTitle {
    Add,
    Archive {
        name: String,
    },
    Triage {
        count: usize,
    },
    Referral {
        name: String,
    },
    Edit {
        name: String,
    },
    Order {
        name: String,
    },
    FollowUp {
        name: String,
    },
    Snooze {
        id: FollowUpId,
        name: String,
        kind: TouchKind,
        due: String,
    },
    Reflect {
        date: NaiveDate,
    },
    CorrectTouch {
        id: TouchId,
        name: String,
        kind: TouchKind,
    },
    CorrectOrder {
        id: OrderId,
        name: String,
    },
    CorrectFollowUp {
        id: FollowUpId,
        name: String,
    },
    AddCompetitor {
        name: String,
    },
    EditCompetitor {
        name: String,
        competitor: String,
    },
    /// A note carried over from the free text: its competitor to name.
    NameCompetitor {
        name: String,
    },
}

impl FormTitle {
    fn text(&self, lang: Lang) -> String {
        use crate::i18n::terms;
        match self {
            FormTitle::Add => msg::FormTitleAdd.text(lang),
            FormTitle::Archive { name } => msg::FormTitleArchive { name: name.as_str() }.text(lang),
            FormTitle::Triage { count } => msg::FormTitleTriage { count: *count }.text(lang),
            FormTitle::Referral { name } => msg::FormTitleReferral { name: name.as_str() }.text(lang),
            FormTitle::Edit { name } => msg::FormTitleEdit { name: name.as_str() }.text(lang),
            FormTitle::Order { name } => msg::FormTitleOrder { name: name.as_str() }.text(lang),
            FormTitle::FollowUp { name } => msg::FormTitleFollowUp { name: name.as_str() }.text(lang),
            FormTitle::Snooze { id, name, kind, due } => msg::FormTitleSnooze {
                id: id.to_string(),
                name: name.as_str(),
                kind: terms::kind(*kind, lang),
                due: due.as_str(),
            }
            .text(lang),
            FormTitle::Reflect { date } => msg::FormTitleReflect {
                weekday: terms::weekday(date.weekday(), lang),
                date: date.format("%Y-%m-%d").to_string(),
            }
            .text(lang),
            FormTitle::CorrectTouch { id, name, kind } => msg::FormTitleCorrectTouch {
                id: id.to_string(),
                name: name.as_str(),
                kind: terms::kind(*kind, lang),
            }
            .text(lang),
            FormTitle::CorrectOrder { id, name } => {
                msg::FormTitleCorrectOrder { id: id.to_string(), name: name.as_str() }.text(lang)
            }
            FormTitle::CorrectFollowUp { id, name } => {
                msg::FormTitleCorrectFollowUp { id: id.to_string(), name: name.as_str() }.text(lang)
            }
            FormTitle::AddCompetitor { name } => {
                msg::FormTitleAddCompetitor { name: name.as_str() }.text(lang)
            }
            FormTitle::EditCompetitor { name, competitor } => {
                msg::FormTitleEditCompetitor { name: name.as_str(), competitor: competitor.as_str() }
                    .text(lang)
            }
            FormTitle::NameCompetitor { name } => {
                msg::FormTitleNameCompetitor { name: name.as_str() }.text(lang)
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Purpose {
    AddAccount,
    /// Someone the account referred: the name and phone now, the rest in
    /// the edit form later; the referrer's screen stays.
    AddReferral(AccountId),
    /// The late promises of C and D prospects that can wait, moved.
    Triage,
    EditAccount(AccountId),
    Order(AccountId),
    FollowUp(AccountId),
    /// The follow-up and the moment it is due (a time-less due counts from
    /// the start of its day): a snooze must move it later.
    Snooze(FollowUpId, NaiveDateTime),
    Reflect(NaiveDate),
    Archive(AccountId),
    CorrectTouch(TouchId),
    CorrectOrder(OrderId),
    CorrectFollowUp(FollowUpId),
    /// A competitor note of the account: a new one, or the one at a
    /// position of its list.
    CompetitorNote(AccountId, Option<usize>),
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
    /// Someone the open account referred (its screen stays).
    AddReferral(AccountInput, ReferredBy),
    Triage(When),
    EditAccount(AccountId, AccountInput),
    Order(OrderInput),
    FollowUp(FollowUpInput),
    Snooze(FollowUpId, When),
    Reflect(NaiveDate, String),
    /// Archived, and the competitor a lost account went to.
    Archive(AccountId, ArchiveReason, Option<String>),
    /// A new competitor note (no position) or the one at a position.
    CompetitorNote(AccountId, Option<usize>, NoteInput),
    CorrectTouch(TouchId, TouchChange),
    CorrectOrder(OrderId, OrderChange),
    CorrectFollowUp(FollowUpId, FollowUpChange),
}

impl FieldsForm {
    fn new(
        purpose: Purpose,
        title: FormTitle,
        fields: Vec<(FieldId, String)>,
        kind: Option<TouchKind>,
    ) -> FieldsForm {
        let initial = fields.iter().map(|(_, value)| value.clone()).collect();
        let suggested = !matches!(purpose, Purpose::EditAccount(_) | Purpose::CompetitorNote(..));
        let fields = fields.iter().map(|(id, value)| Field::new(*id, value, suggested)).collect();
        let dates = DateOrder::default();
        FieldsForm {
            purpose,
            title,
            lang: Lang::En,
            dates,
            fields,
            focus: 0,
            kind,
            initial,
            save_tried: false,
        }
    }

    /// The form in `lang`: its title, checks and the words it suggests
    /// ("today" becomes 今天, which the date fields take as well).
    /// The form for the rep: their language and their way of writing dates.
    pub fn for_rep(self, config: &crate::config::Config) -> FieldsForm {
        FieldsForm { dates: config.contacts.date_order(), ..self.in_lang(config.ui.lang()) }
    }

    pub fn in_lang(mut self, lang: Lang) -> FieldsForm {
        self.lang = lang;
        for (field, initial) in self.fields.iter_mut().zip(self.initial.iter_mut()) {
            let word = match (field.id, field.input.text()) {
                (_, "today") => msg::PrefillToday.text(lang),
                (_, "tomorrow") => msg::PrefillTomorrow.text(lang),
                (_, "dormant") => msg::PrefillDormant.text(lang),
                // The tier field takes the tier's own words as well.
                (FieldId::Tier, tier) => match tier.parse::<Tier>() {
                    Ok(tier) => crate::i18n::reasons::tier_in_sentence(tier, lang),
                    Err(_) => continue,
                },
                _ => continue,
            };
            let prefilled = field.input.is_prefilled();
            field.input = if prefilled { TextInput::prefilled(&word) } else { TextInput::new(&word) };
            *initial = field.input.text().to_string();
        }
        self
    }

    pub fn title(&self) -> String {
        self.title.text(self.lang)
    }

    /// The fields that fit the account's stage: a grade for a prospect, the
    /// tier (which a change pins) for a customer; a new account is a prospect.
    fn account_fields(a: Option<&Account>) -> Vec<(FieldId, String)> {
        use FieldId as F;
        let text = |f: fn(&Account) -> Option<String>| a.and_then(f).unwrap_or_default();
        let stage = match a.and_then(|a| a.stage.tier()) {
            Some(tier) => (F::Tier, tier.to_string()),
            None => (F::Grade, text(|a| a.stage.grade().map(|g| g.to_string()))),
        };
        let mut fields = vec![
            (F::Name, text(|a| Some(a.name.clone()))),
            (F::Company, text(|a| a.company.clone())),
            (F::Title, text(|a| a.title.clone())),
            (F::Phones, text(|a| Some(a.phones.join(", ")))),
            (F::Email, text(|a| a.email.clone())),
            stage,
            (F::Tags, text(|a| Some(a.tags.join(", ")))),
            (F::Source, text(|a| a.source.clone())),
            (F::Potential, text(|a| a.potential.map(|p| p.to_string()))),
            (F::Note, text(|a| a.note.clone())),
        ];
        fields.push((F::Birthday, text(|a| a.birthday.map(|b| b.to_string()))));
        if a.is_some() {
            fields.insert(5, (F::Address, text(|a| a.address.clone())));
        }
        fields
    }

    /// Archives an account, asking why, and who won it when it was lost.
    pub fn archive(account: AccountId, name: &str) -> FieldsForm {
        let fields = vec![(FieldId::Reason, "dormant".to_string()), (FieldId::LostTo, String::new())];
        FieldsForm::new(Purpose::Archive(account), FormTitle::Archive { name: name.into() }, fields, None)
    }

    /// Moves the `count` late promises of C and D prospects that can wait
    /// to `day` unless the rep types another.
    pub fn triage(count: usize, day: NaiveDate) -> FieldsForm {
        let fields = vec![(FieldId::Until, day.to_string())];
        FieldsForm::new(Purpose::Triage, FormTitle::Triage { count }, fields, None)
    }

    /// Someone `referrer` referred: the name, the phone and what the
    /// referrer is promised; the rest waits for the edit form.
    pub fn add_referral(referrer: AccountId, name: &str) -> FieldsForm {
        let fields = vec![
            (FieldId::Name, String::new()),
            (FieldId::Phones, String::new()),
            (FieldId::Incentive, String::new()),
        ];
        FieldsForm::new(
            Purpose::AddReferral(referrer),
            FormTitle::Referral { name: name.into() },
            fields,
            None,
        )
    }

    /// A new account; `referred_by` prefills who referred it.
    pub fn add_account(referred_by: Option<String>) -> FieldsForm {
        let mut fields = FieldsForm::account_fields(None);
        fields.push((FieldId::ReferredBy, referred_by.unwrap_or_default()));
        fields.push((FieldId::Incentive, String::new()));
        FieldsForm::new(Purpose::AddAccount, FormTitle::Add, fields, None)
    }

    /// The account's fields, prefilled, for editing.
    pub fn edit_account(account: &Account) -> FieldsForm {
        let title = FormTitle::Edit { name: account.name.clone() };
        FieldsForm::new(
            Purpose::EditAccount(account.id),
            title,
            FieldsForm::account_fields(Some(account)),
            None,
        )
    }

    pub fn order(account: AccountId, name: &str) -> FieldsForm {
        let fields = vec![
            (FieldId::Amount, String::new()),
            (FieldId::Date, "today".into()),
            (FieldId::Note, String::new()),
        ];
        FieldsForm::new(Purpose::Order(account), FormTitle::Order { name: name.into() }, fields, None)
    }

    pub fn follow_up(account: AccountId, name: &str) -> FieldsForm {
        let fields = vec![(FieldId::When, "tomorrow".into()), (FieldId::Promise, String::new())];
        FieldsForm::new(
            Purpose::FollowUp(account),
            FormTitle::FollowUp { name: name.into() },
            fields,
            Some(TouchKind::Call),
        )
    }

    /// Snoozes one follow-up, named with its kind and due date, to `day`
    /// unless the rep types another.
    pub fn snooze(follow_up: &FollowUp, name: &str, day: NaiveDate, ui: &crate::config::Ui) -> FieldsForm {
        let fields = vec![(FieldId::Until, day.to_string())];
        let due = follow_up.due.and_time(follow_up.due_time.unwrap_or(NaiveTime::MIN));
        let title = FormTitle::Snooze {
            id: follow_up.id,
            name: name.to_string(),
            kind: follow_up.kind,
            due: crate::i18n::shown::ShownTime::due(ui, follow_up),
        };
        FieldsForm::new(Purpose::Snooze(follow_up.id, due), title, fields, None)
    }

    /// The day's reflection (总结和反思), what is written of it prefilled.
    pub fn reflect(date: NaiveDate, written: &str) -> FieldsForm {
        let fields = vec![(FieldId::Reflection, written.to_string())];
        FieldsForm::new(Purpose::Reflect(date), FormTitle::Reflect { date }, fields, None)
    }

    pub fn is_dirty(&self) -> bool {
        self.fields.iter().zip(&self.initial).any(|(f, initial)| f.input.text() != initial)
    }

    /// Puts the focus on a field (the phones of a wrong number).
    pub fn focus_on(&mut self, id: FieldId) {
        if let Some(at) = self.fields.iter().position(|f| f.id == id) {
            self.focus = at;
        }
    }

    pub fn focused(&mut self) -> &mut TextInput {
        &mut self.fields[self.focus].input
    }

    pub fn field_mut(&mut self, id: FieldId) -> Option<&mut TextInput> {
        self.fields.iter_mut().find(|f| f.id == id).map(|f| &mut f.input)
    }

    pub fn errors(&self, now: NaiveDateTime) -> Vec<(usize, String)> {
        let reading = Reading { now, lang: self.lang, dates: self.dates };
        self.fields.iter().enumerate().filter_map(|(i, f)| f.error(reading).map(|e| (i, e))).collect()
    }

    /// The problems to show: a field the rep has not touched yet is not
    /// wrong until they try to save (an order form does not open scolding
    /// that the amount is empty).
    pub fn shown_errors(&self, now: NaiveDateTime) -> Vec<(usize, String)> {
        let mut errors = self.errors(now);
        if !self.save_tried {
            errors.retain(|(at, _)| self.fields[*at].input.text() != self.initial[*at]);
        }
        errors
    }

    pub fn save_tried(&mut self) {
        self.save_tried = true;
    }

    fn has(&self, id: FieldId) -> bool {
        self.fields.iter().any(|f| f.id == id)
    }

    /// Whether the rep changed a field from what the form opened with.
    fn changed(&self, id: FieldId) -> bool {
        let at = self.fields.iter().position(|f| f.id == id);
        at.is_some_and(|at| self.fields[at].input.text() != self.initial[at])
    }

    /// The value of a field as typed; empty when the form has no such field.
    fn raw(&self, id: FieldId) -> &str {
        self.fields.iter().find(|f| f.id == id).map_or("", |f| f.input.text())
    }

    fn text(&self, id: FieldId) -> String {
        self.raw(id).trim().to_string()
    }

    fn optional(&self, id: FieldId) -> Option<String> {
        Some(self.text(id)).filter(|t| !t.is_empty())
    }

    /// The app request, or the first problem (field label and message).
    pub fn submit(&self, now: NaiveDateTime) -> Result<Submission, String> {
        use FieldId as F;
        if let Some((index, error)) = self.errors(now).into_iter().next() {
            let args = msg::FormError { field: self.fields[index].label_in(self.lang), error };
            return Err(args.text(self.lang));
        }
        if let Some(correction) = self.correction(now)? {
            return Ok(correction);
        }
        if let Some(note) = self.competitor_submission()? {
            return Ok(note);
        }
        let when = |id| parse_when_in(&self.text(id), now, self.dates).map_err(|e| e.words(self.lang));
        Ok(match &self.purpose {
            Purpose::Triage => Submission::Triage(when(F::Until)?),
            Purpose::AddReferral(referrer) => {
                let input = AccountInput {
                    name: Some(self.text(F::Name)),
                    phones: Some(split_list(&self.text(F::Phones)).map(str::to_string).collect()),
                    ..AccountInput::default()
                };
                let referred =
                    ReferredBy { by: format!("#{referrer}"), incentive: self.optional(F::Incentive) };
                Submission::AddReferral(input, referred)
            }
            Purpose::AddAccount | Purpose::EditAccount(_) => {
                let list = |id| split_list(&self.text(id)).map(str::to_string).collect::<Vec<_>>();
                let shown = |id| self.has(id).then(|| self.text(id));
                let input = AccountInput {
                    name: Some(self.text(F::Name)),
                    company: Some(self.text(F::Company)),
                    title: shown(F::Title),
                    phones: Some(list(F::Phones)),
                    email: Some(self.text(F::Email)),
                    address: shown(F::Address),
                    tags: Some(list(F::Tags)),
                    source: Some(self.text(F::Source)),
                    note: Some(self.raw(F::Note).to_string()),
                    potential: Some(Money::parse(&self.text(F::Potential)).unwrap_or(Money::ZERO)),
                    grade: self.text(F::Grade).parse().ok(),
                    // Only a tier the rep changed is pinned.
                    tier: self.changed(F::Tier).then(|| self.text(F::Tier).parse().ok()).flatten(),
                    birthday: shown(F::Birthday),
                    anniversary: None,
                };
                match self.purpose {
                    Purpose::EditAccount(id) => Submission::EditAccount(id, input),
                    _ => {
                        let incentive = self.optional(F::Incentive);
                        let referred = match self.optional(F::ReferredBy) {
                            Some(by) => Some(ReferredBy { by, incentive }),
                            None if incentive.is_some() => {
                                let field = Field::new(F::Incentive, "", false).label_in(self.lang);
                                let error = msg::CheckIncentiveNeedsReferrer.text(self.lang);
                                let args = msg::FormError { field, error };
                                return Err(args.text(self.lang));
                            }
                            None => None,
                        };
                        Submission::AddAccount(input, referred)
                    }
                }
            }
            Purpose::Order(account) => Submission::Order(OrderInput {
                account: *account,
                amount: Money::parse(&self.text(F::Amount)).map_err(|e| e.words(self.lang))?,
                at: Some(when(F::Date)?),
                note: self.text(F::Note),
            }),
            Purpose::FollowUp(account) => Submission::FollowUp(FollowUpInput {
                account: *account,
                due: when(F::When)?,
                kind: self.kind.unwrap_or(TouchKind::Call),
                reason: FollowUpReason::Promised,
                note: self.text(F::Promise),
            }),
            Purpose::Snooze(id, due) => {
                let to = when(F::Until)?;
                if to.date.and_time(to.time.unwrap_or(NaiveTime::MIN)) <= *due {
                    return Err(format!(
                        "Until: a snooze only moves it later than {}; to bring it forward, \
                         reschedule it in the account's timeline (Enter, then e on the follow-up)",
                        due.format(if due.time() == NaiveTime::MIN { "%Y-%m-%d" } else { "%Y-%m-%d %H:%M" })
                    ));
                }
                Submission::Snooze(*id, to)
            }
            Purpose::Reflect(date) => Submission::Reflect(*date, self.text(F::Reflection)),
            Purpose::Archive(account) => {
                let reason: ArchiveReason =
                    self.text(F::Reason).parse().map_err(|e: UnknownKeyword| e.words(self.lang))?;
                let lost_to = self.optional(F::LostTo);
                if lost_to.is_some() && reason != ArchiveReason::Lost {
                    let field = Field::new(F::LostTo, "", false).label_in(self.lang);
                    let args = msg::FormError { field, error: msg::ErrorLostToNotLost.text(self.lang) };
                    return Err(args.text(self.lang));
                }
                Submission::Archive(*account, reason, lost_to)
            }
            Purpose::CorrectTouch(_)
            | Purpose::CorrectOrder(_)
            | Purpose::CorrectFollowUp(_)
            | Purpose::CompetitorNote(..) => {
                unreachable!("corrections and competitor notes are submitted above")
            }
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Form {
    /// Boxed: the log form is the largest by far.
    Log(Box<LogForm>),
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

    fn log(kind: Option<TouchKind>) -> LogForm {
        LogForm::new(AccountId(1), "张伟", kind, &Config::default().next_step, now().date())
    }

    #[test]
    fn outcomes_suggest_a_next_step_until_the_rep_picks_one() {
        let mut form = log(Some(TouchKind::Call));
        assert!(form.apply(Command::PickOutcome(Outcome::NoAnswer)));
        assert_eq!(form.next.text(), "2026-11-28");
        assert!(form.apply(Command::PickOutcome(Outcome::QuoteSent)));
        assert_eq!(form.next.text(), "2026-11-30");
        assert!(form.apply(Command::PickNext(Some(7))));
        assert!(form.apply(Command::PickOutcome(Outcome::NoAnswer)));
        assert_eq!(form.next.text(), "2026-12-04", "the rep's choice stays");
        assert!(!form.apply(Command::Save));
        let input = form.to_input(now()).unwrap();
        let when = |next| match next {
            Some(NextStep::On(when)) => when.date.to_string(),
            other => format!("{other:?}"),
        };
        assert_eq!(when(input.next), "2026-12-04");
        // An outcome picked twice stays picked.
        assert!(form.apply(Command::PickOutcome(Outcome::NoAnswer)));
        assert_eq!(form.outcome, Some(Outcome::NoAnswer));
    }

    #[test]
    fn the_next_step_takes_any_day_in_the_reps_words_and_says_which() {
        let mut form = log(Some(TouchKind::Call)).in_lang(Lang::ZhCn);
        form.next = TextInput::new("下周三 15:00");
        let when = form.next_day(now()).unwrap().unwrap();
        assert_eq!(
            (when.date.to_string(), when.time.map(|t| t.to_string())),
            ("2026-12-02".into(), Some("15:00:00".into()))
        );
        form.next = TextInput::new("昨天");
        assert!(form.to_input(now()).unwrap_err().starts_with("下一步"), "a day in the past is refused");
        form.next = TextInput::new("");
        assert_eq!(form.to_input(now()).unwrap().next, None, "empty: no next step");
    }

    #[test]
    fn a_booked_meeting_asks_its_day_and_a_won_sale_its_amount() {
        let mut form = log(Some(TouchKind::Call));
        form.apply(Command::PickOutcome(Outcome::MeetingBooked));
        assert_eq!(form.focus, LogField::Next, "the day is what it needs");
        assert!(form.to_input(now()).unwrap_err().contains("a booked meeting needs its day"));
        form.next = TextInput::new("next wed 15:00");
        assert!(form.to_input(now()).is_ok());

        let mut won = log(Some(TouchKind::Call));
        won.apply(Command::PickOutcome(Outcome::Won));
        assert_eq!(won.focus, LogField::Amount);
        assert!(won.fields().contains(&LogField::Amount));
        assert!(won.to_input(now()).unwrap_err().starts_with("Amount: the sale's amount"));
        won.amount = TextInput::new("12000");
        assert_eq!(won.to_input(now()).unwrap().amount, Some(Money(1_200_000)));
        let without = won.without_amount(now()).unwrap();
        assert_eq!((without.outcome, without.amount), (Some(Outcome::Won), None));
    }

    #[test]
    fn outcomes_that_do_not_fit_the_channel_are_not_offered() {
        let mut form = log(Some(TouchKind::Visit));
        assert!(!form.apply(Command::PickOutcome(Outcome::Busy)), "no busy for a visit");
        assert!(!form.apply(Command::PickKind(TouchKind::Gift)), "a visit stays a visit");
        let mut other = log(None);
        assert_eq!(other.fields()[0], LogField::Kind);
        assert!(other.apply(Command::PickKind(TouchKind::Meeting)));
        assert_eq!(other.kind, TouchKind::Meeting);
        assert_eq!(log(None).starting_on(TouchKind::Gift).kind, TouchKind::Gift, "`l` on a row: its channel");
    }

    #[test]
    fn fields_say_what_is_wrong_and_nothing_is_submitted_until_valid() {
        let mut form = FieldsForm::add_account(None);
        assert!(form.shown_errors(now()).is_empty(), "an untouched form does not scold");
        assert!(form.submit(now()).unwrap_err().starts_with("Name: name is empty"));
        form.save_tried();
        assert_eq!(form.shown_errors(now()).len(), 1, "after a save, every problem shows");
        for c in "张伟".chars() {
            form.field_mut(FieldId::Name).unwrap().insert(c);
        }
        for c in "zw@".chars() {
            form.field_mut(FieldId::Email).unwrap().insert(c);
        }
        assert_eq!(form.errors(now()).len(), 1);
        assert!(form.submit(now()).unwrap_err().starts_with("Email:"));
        assert_eq!(form.shown_errors(now()).len(), 1, "the email was typed");
        form.field_mut(FieldId::Email).unwrap().insert('x');
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
        *follow_up.field_mut(FieldId::When).unwrap() = TextInput::new("yesterday");
        assert!(follow_up.submit(now()).unwrap_err().contains("in the past"));
    }
}

#[cfg(test)]
mod translated {
    use super::*;

    /// The labels and hints are the catalogue's (typed accessors: a field
    /// without its words does not compile), in each language.
    #[test]
    fn fields_are_labelled_in_each_language() {
        let field = Field::new(FieldId::ReferredBy, "", true);
        assert_eq!(
            (field.label_in(Lang::ZhCn), field.label_in(Lang::En)),
            ("介绍人".to_string(), "Referred by".to_string())
        );
        assert_eq!(Field::new(FieldId::Name, "", true).hint_in(Lang::ZhCn), "");
        assert_eq!(Field::new(FieldId::Phones, "", true).hint_in(Lang::En), "separate several with commas");
    }
}
