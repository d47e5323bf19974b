//! Touches, orders and follow-ups: the work of the day.

use crate::i18n::Text as _;
use crate::i18n::msg;
use chrono::{NaiveDate, NaiveDateTime};
use leadline_i18n::msg_id;

use super::follow_ups::{
    Answer, FollowUpInput, answers, closable_by_next, closed_words, new_follow_up, tried_words,
};
use super::{App, AppError, AppResult, Written};
use crate::clock::When;
use crate::config::Config;
use crate::domain::contact::{TextField, check_field};
use crate::domain::{
    AccountId, AccountSummary, Direction, FollowUp, FollowUpReason, FollowUpStatus, Money, Outcome, Purpose,
    Stage, Touch, TouchId, TouchKind, Uid,
};
use crate::store::Records;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TouchInput {
    pub account: AccountId,
    pub kind: TouchKind,
    pub direction: Direction,
    pub outcome: Option<Outcome>,
    pub note: String,
    /// What the touch taught, in a line (the day's review collects them).
    pub lesson: String,
    pub at: Option<When>,
    /// Schedules the next step as a follow-up.
    pub next: Option<NextStep>,
    /// A greeting or a thank-you: it closes only the greeting it was for.
    pub purpose: Purpose,
    /// A won sale's amount: recorded as an order in the same change.
    pub amount: Option<Money>,
    /// Declined: lower the prospect's grade a step in the same change.
    pub lower_grade: bool,
    /// Declined: the competitor the deal went to, by name (added to the
    /// book when new).
    pub lost_to: Option<String>,
}

/// A touch's values as checked.
struct CheckedTouch {
    at: NaiveDateTime,
    next: Option<When>,
    note: String,
    lesson: String,
}

/// What a touch did to the account's promises.
#[derive(Default)]
struct Settled {
    follow_up: Option<FollowUp>,
    closed: Vec<FollowUp>,
    tried: Vec<FollowUp>,
    merged: bool,
}

/// The next step after a touch: a day, or what the outcome suggests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NextStep {
    On(When),
    /// The outcome's suggestion from the config (`next_step`).
    Suggested,
}

#[derive(Clone, Debug)]
pub struct Logged {
    pub touch: Touch,
    pub account_name: String,
    pub follow_up: Option<FollowUp>,
    /// Pending follow-ups due by now that the touch answered, or that the
    /// new next step replaced.
    pub closed: Vec<FollowUp>,
    /// Promises due that the touch tried to keep and nobody answered: they
    /// stay open, due again later.
    pub tried: Vec<FollowUp>,
    /// The next step moved the follow-up the same promise made earlier in
    /// the day, instead of adding a second.
    pub merged: bool,
    /// Said to the rep, though the touch is saved (too many SMS).
    pub warnings: Vec<String>,
    /// The order a won call recorded.
    pub order: Option<super::Recorded>,
    /// The phone a wrong number was marked on (the plan no longer offers it).
    pub wrong_number: Option<String>,
    /// The grade a declined prospect was lowered to.
    pub lowered: Option<crate::domain::Grade>,
}

/// The warning an SMS to this account deserves: too many in the window
/// got no answer ("3 SMS to 张伟 in 14 days got no answer: call or visit
/// instead"). `adding` counts the SMS about to be sent (1), or not (0,
/// when the form opens).
pub fn sms_restraint(
    summary: &AccountSummary,
    today: NaiveDate,
    config: &Config,
    adding: usize,
) -> Option<String> {
    let unanswered = crate::analysis::ranking::unanswered_sms(summary, today, config);
    (unanswered >= config.sms.unanswered as usize).then(|| {
        msg::SmsRestraint {
            count: (unanswered + adding),
            name: summary.name.as_str(),
            days: config.sms.within_days,
        }
        .text(config.ui.lang())
    })
}

pub(super) fn checked_note(note: &str) -> AppResult<String> {
    Ok(check_field(TextField::Note, note)?)
}

impl App {
    /// What `--greeting` names: a festival of the settings (春节, 中秋 for
    /// 中秋节, any holiday's name), or a birthday or an anniversary.
    pub fn greeting_purpose(&self, text: &str) -> AppResult<Purpose> {
        let text = text.trim();
        if let Ok(purpose) = text.parse::<Purpose>() {
            if purpose.is_greeting() {
                return Ok(purpose);
            }
        }
        let names = self.config.holidays.names();
        let festival = names.iter().any(|name| {
            !text.is_empty() && (name.eq_ignore_ascii_case(text) || name.strip_suffix('节') == Some(text))
        });
        if festival {
            return Ok(Purpose::Festival);
        }
        let mut known: Vec<&str> = names;
        known.extend(["birthday", "anniversary"]);
        Err(AppError::Invalid(
            msg::ErrorGreeting { given: text.to_string(), known: known.join(", ") }
                .text(self.config.ui.lang()),
        ))
    }

    pub fn parse_when(&self, text: &str) -> AppResult<When> {
        Ok(crate::clock::parse_when_in(text, self.now(), self.config.contacts.date_order())?)
    }

    /// A day to come as the rep wrote it (a follow-up's, a snooze's): a
    /// refusal offers the forms that name one.
    pub fn parse_when_ahead(&self, text: &str) -> AppResult<When> {
        Ok(crate::clock::parse_when_ahead(text, self.now(), self.config.contacts.date_order())?)
    }

    /// The moment a past event happened; refuses the future.
    /// `what` names the value in the catalogue (`what-touch-time`, ...).
    pub(super) fn past_moment(&self, when: Option<When>, what: &str) -> AppResult<NaiveDateTime> {
        let now = self.now();
        let moment = when.map_or(now, |w| w.moment(now));
        if moment > now {
            let what = self.config.ui.lang().text_with(what, &[]);
            let at = moment.format("%Y-%m-%d %H:%M").to_string();
            return Err(AppError::Invalid(msg::ErrorInFuture { what, at }.text(self.config.ui.lang())));
        }
        Ok(moment)
    }

    pub(super) fn future_day(&self, when: When, what: &str) -> AppResult<When> {
        // A time already gone today is as past as yesterday.
        let gone = when.date == self.today() && when.time.is_some_and(|time| time < self.now().time());
        if gone {
            let time = when.time.map(|t| t.format("%H:%M").to_string()).unwrap_or_default();
            let args = msg::ErrorInPast {
                what: self.config.ui.lang().text_with(what, &[]),
                day: format!("{} {time}", when.date),
            };
            return Err(AppError::Invalid(args.text(self.config.ui.lang())));
        }
        if when.date < self.today() {
            let args = msg::ErrorInPast {
                what: self.config.ui.lang().text_with(what, &[]),
                day: when.date.to_string(),
            };
            return Err(AppError::Invalid(args.text(self.config.ui.lang())));
        }
        Ok(when)
    }

    pub fn log_touch(&self, input: &TouchInput) -> AppResult<Written<Logged>> {
        let checked = self.check_touch(input)?;
        let mut record = self.record(input.account)?;
        let now = self.now();
        let lang = self.config.ui.lang();
        let mut warnings = Vec::new();
        if input.kind == TouchKind::Sms && input.direction == Direction::Outbound {
            warnings.extend(sms_restraint(&record.summary(), now.date(), &self.config, 1));
        }
        let mut txn = self.begin();
        let mut touch = Touch {
            id: TouchId(txn.next_id("touch")?),
            uid: Uid::NIL,
            account: input.account,
            kind: input.kind,
            at: checked.at,
            direction: input.direction,
            outcome: input.outcome,
            note: checked.note,
            lesson: checked.lesson,
            purpose: input.purpose,
            lost_to: None,
        };
        let mut lost_words = Vec::new();
        if let Some(name) = &input.lost_to {
            let (competitor, words) = self.lost_to_in(&mut txn, &mut record, name, now)?;
            touch.lost_to = Some(competitor);
            lost_words = words;
            txn.put_account(&record)?;
        }
        txn.append_touch(&touch)?;
        let settled = self.settle_promises(&mut txn, &touch, checked.next, now)?;
        let mut also: Vec<String> = closed_words(&settled.closed, lang).into_iter().collect();
        also.extend(lost_words);
        also.extend(settled.tried.iter().map(|f| tried_words(f, lang)));
        if let (true, Some(f)) = (settled.merged, &settled.follow_up) {
            let args = msg::AlsoMoved { id: f.id.to_string(), due: f.due.to_string() };
            also.push(args.text(lang));
        }

        // What the outcome means for the account.
        let mut wrong_number = None;
        let mut lowered = None;
        if input.outcome == Some(Outcome::WrongNumber)
            && matches!(input.kind, TouchKind::Call | TouchKind::Sms)
        {
            wrong_number = record.account.reachable_phones().next().map(str::to_string);
            if let Some(phone) = &wrong_number {
                record.account.unreachable_phones.push(phone.clone());
                also.push(msg::AlsoWrongNumber { phone: phone.as_str() }.text(lang));
            }
        }
        if let (true, Some(Outcome::Declined), Stage::Prospect { grade }) =
            (input.lower_grade, input.outcome, record.account.stage)
        {
            if let Some(colder) = grade.lowered() {
                record.account.stage = Stage::Prospect { grade: colder };
                lowered = Some(colder);
                also.push(msg::AlsoLowered { grade: colder.to_string() }.text(lang));
            }
        }
        if wrong_number.is_some() || lowered.is_some() {
            txn.put_account(&record)?;
        }
        let order = match input.amount {
            Some(amount) => {
                let order = self.stage_order(&mut txn, &mut record, amount, touch.at, touch.note.clone())?;
                also.extend(closed_words(&order.closed, lang));
                Some(order)
            }
            None => None,
        };

        let name = record.account.name.clone();
        let changes = txn.commit(
            msg::HistoryLog {
                kind: crate::i18n::terms::kind(touch.kind, lang),
                name: name.as_str(),
                id: input.account.to_string(),
            }
            .text(lang),
            now,
        )?;
        let Settled { follow_up, closed, tried, merged } = settled;
        let logged = Logged {
            touch,
            account_name: name,
            follow_up,
            closed,
            tried,
            merged,
            warnings,
            order,
            wrong_number,
            lowered,
        };
        Ok(Written { value: logged, changes, also })
    }

    /// The touch's values checked, and what its outcome asks of them: a
    /// won sale its amount (or none, said so), a booked meeting its day, a
    /// quote its follow-up.
    fn check_touch(&self, input: &TouchInput) -> AppResult<CheckedTouch> {
        let lang = self.config.ui.lang();
        if let Some(outcome) = input.outcome {
            if !outcome.fits(input.kind) {
                let kinds: Vec<String> = outcome
                    .channels()
                    .unwrap_or(&[])
                    .iter()
                    .map(|k| crate::i18n::terms::kind(*k, lang))
                    .collect();
                return Err(AppError::Invalid(
                    msg::ErrorOutcomeFit {
                        outcome: crate::i18n::terms::outcome(outcome, lang),
                        kind: crate::i18n::terms::kind(input.kind, lang),
                        kinds: kinds.join(&msg::ListSeparator.text(lang)),
                    }
                    .text(self.config.ui.lang()),
                ));
            }
        }
        if input.amount.is_some() && input.outcome != Some(Outcome::Won) {
            return Err(AppError::Invalid(msg::ErrorAmountNotWon.text(self.config.ui.lang())));
        }
        if input.lost_to.is_some() && input.outcome != Some(Outcome::Declined) {
            return Err(AppError::Invalid(msg::ErrorLostToNotDeclined.text(lang)));
        }
        let at = self.past_moment(input.at, msg_id!("what-touch-time"))?;
        let next = match (input.next, input.outcome) {
            (Some(NextStep::On(when)), _) => Some(self.future_day(when, msg_id!("what-next-step"))?),
            (Some(NextStep::Suggested), _) => self.suggested_next(input.outcome)?,
            (None, Some(Outcome::QuoteSent)) => self.suggested_next(input.outcome)?,
            (None, _) => None,
        };
        if input.outcome == Some(Outcome::MeetingBooked) && !matches!(input.next, Some(NextStep::On(_))) {
            return Err(self.meeting_needs_its_day());
        }
        Ok(CheckedTouch {
            at,
            next,
            note: checked_note(&input.note)?,
            lesson: check_field(TextField::Lesson, &input.lesson)?,
        })
    }

    /// What the touch does to the promises due (see `follow_ups::answers`)
    /// and the next step it sets: a follow-up of its own, the same promise
    /// made earlier today moved, or the promises tried moved to the day.
    fn settle_promises(
        &self,
        txn: &mut crate::store::Txn<'_>,
        touch: &Touch,
        next: Option<When>,
        now: NaiveDateTime,
    ) -> AppResult<Settled> {
        let pending: Vec<FollowUp> =
            txn.follow_ups_of(touch.account)?.into_iter().filter(FollowUp::is_pending).collect();
        let referrals = if pending.iter().any(|f| f.referral.is_some()) {
            txn.referrals_of(touch.account)?
        } else {
            Vec::new()
        };
        let today = now.date();
        let closes = self.config.plan.touch_closes_promise;
        let mut answered = Vec::new();
        let mut tried_ids = Vec::new();
        if closes {
            for f in pending.iter().filter(|f| f.due <= today) {
                match answers(touch, f, &referrals) {
                    Answer::Kept => answered.push(f.id),
                    Answer::Tried => tried_ids.push(f.id),
                    Answer::No => {}
                }
            }
        }
        let mut settled = Settled::default();
        // The same promise made twice in a day (a quote by call, then by
        // SMS) is one follow-up: the second moves it.
        let same = next.and_then(|_| {
            pending.iter().find(|old| {
                touch.outcome.is_some()
                    && old.from_outcome == touch.outcome
                    && old.created_at.date() == today
                    && old.referral.is_none()
            })
        });
        // Tried and nobody answered, with a day to try again: the promises
        // themselves move there.
        let retried = next.is_some() && !tried_ids.is_empty() && same.is_none();
        for old in &pending {
            let replaced = next.is_some()
                && old.due <= today
                && same.is_none_or(|same| same.id != old.id)
                && !retried
                && (!closes || closable_by_next(old, &referrals));
            if answered.contains(&old.id) || replaced {
                let mut old = old.clone();
                old.close(FollowUpStatus::Done, now);
                txn.put_follow_up(&old);
                settled.closed.push(old);
            } else if tried_ids.contains(&old.id) {
                let mut old = old.clone();
                old.attempts += 1;
                old.attempted_at.push(now);
                match next.filter(|_| retried) {
                    Some(next) => (old.due, old.due_time) = (next.date, next.time),
                    // Again the next working day, then further apart: a
                    // number nobody answers is not called every day.
                    None => old.due = self.config.plan.working_days_after(today, old.attempts.min(3)),
                }
                txn.put_follow_up(&old);
                settled.tried.push(old);
            }
        }
        if retried {
            settled.follow_up = settled.tried.first().cloned();
            return Ok(settled);
        }
        let Some(next) = next else { return Ok(settled) };
        settled.merged = same.is_some();
        settled.follow_up = Some(match same {
            Some(same) => {
                let mut moved = same.clone();
                moved.due = next.date;
                moved.due_time = next.time;
                txn.put_follow_up(&moved);
                moved
            }
            None => {
                let lang = self.config.ui.lang();
                let kind = crate::i18n::terms::kind(touch.kind, lang);
                let note = match &touch.outcome {
                    Some(outcome) => {
                        let outcome = crate::i18n::terms::outcome(*outcome, lang);
                        msg::NoteAfterOutcome { kind, outcome }.text(lang)
                    }
                    None => msg::NoteAfter { kind }.text(lang),
                };
                // A booked meeting's next step is the meeting itself.
                let kind = if touch.outcome == Some(Outcome::MeetingBooked) {
                    TouchKind::Meeting
                } else {
                    touch.kind
                };
                let input = FollowUpInput {
                    account: touch.account,
                    due: next,
                    kind,
                    reason: FollowUpReason::Promised,
                    note,
                };
                new_follow_up(txn, &input, touch.outcome, now)?
            }
        });
        Ok(settled)
    }

    /// A booked meeting without its day, refused with an example whose
    /// date is the one the example's words mean today.
    fn meeting_needs_its_day(&self) -> AppError {
        let example = crate::clock::parse_when("next wednesday 15:00", self.now())
            .map(|when| when.moment(self.now()).format("%Y-%m-%dT%H:%M").to_string())
            .unwrap_or_default();
        AppError::Invalid(msg::ErrorNextMeeting { date: example }.text(self.config.ui.lang()))
    }

    /// The day an outcome suggests for the next step, from the config.
    fn suggested_next(&self, outcome: Option<Outcome>) -> AppResult<Option<When>> {
        let outcome =
            outcome.ok_or_else(|| AppError::Invalid(msg::ErrorNextAuto.text(self.config.ui.lang())))?;
        if outcome == Outcome::MeetingBooked {
            return Err(self.meeting_needs_its_day());
        }
        match self.config.next_step.get(&outcome) {
            Some(0) | None => Ok(None),
            Some(days) => {
                // On a working day: a day off moves it to the next one.
                let date =
                    self.config.plan.working_day_from(self.today() + chrono::Duration::days((*days).into()));
                Ok(Some(When { date, time: None }))
            }
        }
    }
}
