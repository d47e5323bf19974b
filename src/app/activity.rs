//! Touches, orders and follow-ups: the work of the day.

use chrono::{NaiveDate, NaiveDateTime};

use super::{App, AppError, AppResult, Written};
use crate::app::store::{AccountRecord, Records, Txn};
use crate::clock::{When, parse_when};
use crate::config::Config;
use crate::domain::contact::{TextField, check_field};
use crate::domain::{
    AccountId, AccountSummary, Direction, FollowUp, FollowUpId, FollowUpReason, FollowUpStatus, Money, Order,
    OrderId, Outcome, Purpose, Reach, Referral, Stage, Tier, Touch, TouchId, TouchKind,
};
use crate::i18n::Lang;

#[derive(Clone, Debug)]
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
}

#[derive(Clone, Debug)]
pub struct OrderInput {
    pub account: AccountId,
    pub amount: Money,
    pub at: Option<When>,
    pub note: String,
}

#[derive(Clone, Debug)]
pub struct Recorded {
    pub order: Order,
    pub account_name: String,
    /// The order made a prospect a customer.
    pub converted: bool,
    /// The account was archived and the order brought it back.
    pub restored: bool,
    /// Referral incentives the first order earned.
    pub earned: Vec<super::referrals::Earned>,
    /// Follow-ups that waited on a quote or a meeting, which the order settled.
    pub closed: Vec<FollowUp>,
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
        config.ui.lang().text_with(
            "sms-restraint",
            &[
                ("count", (unanswered + adding).into()),
                ("name", summary.name.as_str().into()),
                ("days", config.sms.within_days.into()),
            ],
        )
    })
}

/// What a write closed besides what was asked, in words: "closed
/// follow-up #12 (quote sent)", "closed follow-ups #3 (call, due 11-28),
/// #4 (visit, due 11-30)"; `None` when it closed nothing.
pub fn closed_words(closed: &[FollowUp], lang: Lang) -> Option<String> {
    let each: Vec<String> = closed
        .iter()
        .map(|f| match f.from_outcome {
            Some(outcome @ (Outcome::QuoteSent | Outcome::MeetingBooked)) => {
                let outcome = lang.text(&format!("outcome-{}", outcome.as_str()));
                lang.text_with(
                    "also-closed-outcome",
                    &[("id", f.id.to_string().into()), ("outcome", outcome.into())],
                )
            }
            _ => lang.text_with(
                "also-closed-due",
                &[
                    ("id", f.id.to_string().into()),
                    ("kind", lang.text(&format!("kind-{}", f.kind.as_str())).into()),
                    ("due", f.due.format("%m-%d").to_string().into()),
                ],
            ),
        })
        .collect();
    let list = each.join(&lang.text("list-separator"));
    (!each.is_empty())
        .then(|| lang.text_with("also-closed", &[("count", each.len().into()), ("list", list.into())]))
}

/// "Follow-up #12 stays open: nobody answered (tried 2 times); due again
/// 12-09."
pub fn tried_words(follow_up: &FollowUp, lang: Lang) -> String {
    lang.text_with(
        "also-tried",
        &[
            ("id", follow_up.id.to_string().into()),
            ("times", follow_up.attempts.into()),
            ("due", follow_up.due.format("%m-%d").to_string().into()),
        ],
    )
}

/// What a touch does to a promise due by its day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Answer {
    /// It keeps the promise: the follow-up closes.
    Kept,
    /// It tried and nobody answered: the promise stays open.
    Tried,
    /// It has nothing to do with it.
    No,
}

/// Whether a follow-up is the delivery of an earned referral incentive:
/// only delivering it closes it. (Those written before deliveries had a
/// reason of their own were written when the referee bought, after the
/// referral itself.)
fn is_delivery(follow_up: &FollowUp, referrals: &[Referral]) -> bool {
    follow_up.reason == FollowUpReason::Incentive
        || follow_up.referral.is_some_and(|id| {
            referrals
                .iter()
                .any(|r| r.id == id && r.referrer == follow_up.account && follow_up.created_at > r.at)
        })
}

/// Whether a next step replaces the follow-up (it is not a greeting or an
/// incentive's delivery, which keep their own).
fn closable_by_next(follow_up: &FollowUp, referrals: &[Referral]) -> bool {
    follow_up.reason != FollowUpReason::Holiday && !is_delivery(follow_up, referrals)
}

/// A touch that reaches the person answers their promise due; a touch of
/// the promised kind answers it whatever came of it, unless nobody was
/// reached (then it was tried). A greeting is answered only by a greeting,
/// a referral's thanks also by a thank-you, an incentive only by
/// delivering it.
fn answers(touch: &Touch, follow_up: &FollowUp, referrals: &[Referral]) -> Answer {
    if is_delivery(follow_up, referrals) {
        return Answer::No;
    }
    if follow_up.reason == FollowUpReason::Holiday {
        return if touch.greeting().is_some() { Answer::Kept } else { Answer::No };
    }
    if touch.purpose == Purpose::Thanks && follow_up.reason == FollowUpReason::Referral {
        return Answer::Kept;
    }
    match touch.reach() {
        Reach::Reached => Answer::Kept,
        Reach::Unknown if touch.kind == follow_up.kind => Answer::Kept,
        Reach::Tried if touch.kind == follow_up.kind => Answer::Tried,
        Reach::Unknown | Reach::Tried => Answer::No,
    }
}

#[derive(Clone, Debug)]
pub struct FollowUpInput {
    pub account: AccountId,
    pub due: When,
    pub kind: TouchKind,
    pub reason: FollowUpReason,
    pub note: String,
}

fn checked_note(note: &str) -> AppResult<String> {
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
        Err(AppError::Invalid(self.words(
            "error-greeting",
            &[("given", text.to_string().into()), ("known", known.join(", ").into())],
        )))
    }

    pub fn parse_when(&self, text: &str) -> AppResult<When> {
        Ok(parse_when(text, self.now())?)
    }

    /// The moment a past event happened; refuses the future.
    /// `what` names the value in the catalogue (`what-touch-time`, ...).
    pub(super) fn past_moment(&self, when: Option<When>, what: &str) -> AppResult<NaiveDateTime> {
        let now = self.now();
        let moment = when.map_or(now, |w| w.moment(now));
        if moment > now {
            let what = self.words(what, &[]);
            let at = moment.format("%Y-%m-%d %H:%M").to_string();
            return Err(AppError::Invalid(
                self.words("error-in-future", &[("what", what.into()), ("at", at.into())]),
            ));
        }
        Ok(moment)
    }

    pub(super) fn future_day(&self, when: When, what: &str) -> AppResult<When> {
        if when.date < self.today() {
            let args = [("what", self.words(what, &[]).into()), ("day", when.date.to_string().into())];
            return Err(AppError::Invalid(self.words("error-in-past", &args)));
        }
        Ok(when)
    }

    pub fn log_touch(&self, input: &TouchInput) -> AppResult<Written<Logged>> {
        if let Some(outcome) = input.outcome {
            if !outcome.fits(input.kind) {
                let kinds: Vec<&str> = outcome.channels().unwrap_or(&[]).iter().map(|k| k.as_str()).collect();
                return Err(AppError::Invalid(self.words(
                    "error-outcome-fit",
                    &[
                        ("outcome", outcome.as_str().into()),
                        ("kind", input.kind.as_str().into()),
                        ("kinds", kinds.join(", ").into()),
                    ],
                )));
            }
        }
        let at = self.past_moment(input.at, "what-touch-time")?;
        let next = match input.next {
            Some(NextStep::On(when)) => Some(self.future_day(when, "what-next-step")?),
            Some(NextStep::Suggested) => self.suggested_next(input.outcome)?,
            None => None,
        };
        let note = checked_note(&input.note)?;
        let lesson = check_field(TextField::Lesson, &input.lesson)?;
        let record = self.record(input.account)?;
        let now = self.now();
        let mut warnings = Vec::new();
        if input.kind == TouchKind::Sms && input.direction == Direction::Outbound {
            warnings.extend(sms_restraint(&record.summary(), now.date(), &self.config, 1));
        }
        let mut txn = self.begin();
        let touch = Touch {
            id: TouchId(txn.next_id("touch")?),
            account: input.account,
            kind: input.kind,
            at,
            direction: input.direction,
            outcome: input.outcome,
            note,
            lesson,
            purpose: input.purpose,
        };
        txn.append_touch(&touch)?;
        let pending: Vec<FollowUp> =
            txn.follow_ups_of(input.account)?.into_iter().filter(FollowUp::is_pending).collect();
        let referrals = if pending.iter().any(|f| f.referral.is_some()) {
            txn.referrals_of(input.account)?
        } else {
            Vec::new()
        };
        let today = now.date();
        // What the touch does to each promise due by today: answers it,
        // or was a try nobody answered.
        let mut answered = Vec::new();
        let mut tried_ids = Vec::new();
        if self.config.plan.touch_closes_promise {
            for f in pending.iter().filter(|f| f.due <= today) {
                match answers(&touch, f, &referrals) {
                    Answer::Kept => answered.push(f.id),
                    Answer::Tried => tried_ids.push(f.id),
                    Answer::No => {}
                }
            }
        }
        let mut closed = Vec::new();
        let mut tried = Vec::new();
        let mut follow_up = None;
        let mut merged = false;
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
                && (!self.config.plan.touch_closes_promise || closable_by_next(old, &referrals));
            if answered.contains(&old.id) || replaced {
                let mut old = old.clone();
                old.status = FollowUpStatus::Done;
                old.closed_at = Some(now);
                txn.put_follow_up(&old);
                closed.push(old);
            } else if tried_ids.contains(&old.id) {
                let mut old = old.clone();
                old.attempts += 1;
                old.attempted_at.push(now);
                match (retried, next) {
                    (true, Some(next)) => {
                        old.due = next.date;
                        old.due_time = next.time;
                    }
                    _ => {
                        // Again the next working day, then further apart:
                        // a number nobody answers is not called every day.
                        old.due = self.config.plan.working_days_after(today, old.attempts.min(3));
                    }
                }
                txn.put_follow_up(&old);
                tried.push(old);
            }
        }
        if retried {
            follow_up = tried.first().cloned();
        }
        if let Some(next) = next.filter(|_| !retried) {
            merged = same.is_some();
            follow_up = Some(match same {
                Some(same) => {
                    let mut moved = same.clone();
                    moved.due = next.date;
                    moved.due_time = next.time;
                    txn.put_follow_up(&moved);
                    moved
                }
                None => {
                    let lang = self.config.ui.lang();
                    let kind = lang.text(&format!("kind-{}", touch.kind.as_str()));
                    let reason_note = match &touch.outcome {
                        Some(outcome) => {
                            let outcome = lang.text(&format!("outcome-{}", outcome.as_str()));
                            lang.text_with(
                                "note-after-outcome",
                                &[("kind", kind.into()), ("outcome", outcome.into())],
                            )
                        }
                        None => lang.text_with("note-after", &[("kind", kind.into())]),
                    };
                    let input = FollowUpInput {
                        account: input.account,
                        due: next,
                        kind: input.kind,
                        reason: FollowUpReason::Promised,
                        note: reason_note,
                    };
                    new_follow_up(&mut txn, &input, touch.outcome, now)?
                }
            });
        }
        let name = record.account.name.clone();
        let changes = txn.commit(
            self.config.ui.lang().text_with(
                "history-log",
                &[
                    ("kind", self.config.ui.lang().text(&format!("kind-{}", touch.kind.as_str())).into()),
                    ("name", name.as_str().into()),
                    ("id", input.account.to_string().into()),
                ],
            ),
            now,
        )?;
        let lang = self.config.ui.lang();
        let mut also: Vec<String> = closed_words(&closed, lang).into_iter().collect();
        also.extend(tried.iter().map(|f| tried_words(f, lang)));
        if let (true, Some(f)) = (merged, &follow_up) {
            let args = [("id", f.id.to_string().into()), ("due", f.due.to_string().into())];
            also.push(lang.text_with("also-moved", &args));
        }
        let logged = Logged { touch, account_name: name, follow_up, closed, tried, merged, warnings };
        Ok(Written { value: logged, changes, also })
    }

    /// The day an outcome suggests for the next step, from the config.
    fn suggested_next(&self, outcome: Option<Outcome>) -> AppResult<Option<When>> {
        let outcome = outcome.ok_or_else(|| AppError::Invalid(self.words("error-next-auto", &[])))?;
        if outcome == Outcome::MeetingBooked {
            return Err(AppError::Invalid(self.words("error-next-meeting", &[])));
        }
        match self.config.next_step.get(&outcome) {
            Some(0) | None => Ok(None),
            Some(days) => {
                Ok(Some(When { date: self.today() + chrono::Duration::days((*days).into()), time: None }))
            }
        }
    }

    pub fn record_order(&self, input: &OrderInput) -> AppResult<Written<Recorded>> {
        if input.amount <= Money::ZERO {
            return Err(AppError::Invalid(self.words("error-amount-zero", &[])));
        }
        let at = self.past_moment(input.at, "what-order-date")?;
        let note = checked_note(&input.note)?;
        let mut record: AccountRecord = self.record(input.account)?;
        let now = self.now();
        let mut txn = self.begin();
        let order = Order {
            id: OrderId(txn.next_id("order")?),
            account: input.account,
            amount: input.amount,
            at,
            note,
        };
        txn.append_order(&order)?;
        let converted = matches!(record.account.stage, Stage::Prospect { .. });
        if converted {
            record.account.stage = Stage::Customer { tier: Tier::Small, tier_pinned: false };
            record.account.converted_at = Some(at);
        }
        let restored = record.account.archived.take().is_some();
        txn.put_account(&record)?;
        let name = record.account.name.clone();
        let earned =
            if converted { self.earn_incentives(&mut txn, input.account, &name, now)? } else { Vec::new() };
        let mut closed = Vec::new();
        for mut waiting in txn.follow_ups_of(input.account)? {
            if waiting.is_pending() && waiting.awaits_order() {
                waiting.status = FollowUpStatus::Done;
                waiting.closed_at = Some(now);
                txn.put_follow_up(&waiting);
                closed.push(waiting);
            }
        }
        let changes = txn.commit(
            self.config.ui.lang().text_with(
                "history-order",
                &[
                    ("amount", order.amount.grouped().into()),
                    ("name", name.as_str().into()),
                    ("id", input.account.to_string().into()),
                ],
            ),
            now,
        )?;
        let also = closed_words(&closed, self.config.ui.lang()).into_iter().collect();
        let recorded = Recorded { order, account_name: name, converted, restored, earned, closed };
        Ok(Written { value: recorded, changes, also })
    }

    pub fn schedule_follow_up(&self, input: &FollowUpInput) -> AppResult<Written<FollowUp>> {
        let due = self.future_day(input.due, "what-follow-up-date")?;
        let record = self.record(input.account)?;
        let now = self.now();
        let mut txn = self.begin();
        let input = FollowUpInput { due, note: checked_note(&input.note)?, ..input.clone() };
        let follow_up = new_follow_up(&mut txn, &input, None, now)?;
        let changes = txn.commit(
            self.config.ui.lang().text_with(
                "history-follow-up",
                &[
                    ("id", follow_up.id.to_string().into()),
                    ("name", record.account.name.as_str().into()),
                    ("due", follow_up.due.to_string().into()),
                ],
            ),
            now,
        )?;
        Ok(Written { value: follow_up, changes, also: Vec::new() })
    }

    fn pending_follow_up(&self, id: FollowUpId) -> AppResult<(FollowUp, String)> {
        let follow_up = self.store.follow_up(id)?.ok_or(AppError::NoSuchFollowUp(id))?;
        let name = self.record(follow_up.account)?.account.name;
        if !follow_up.is_pending() {
            let status = self.words(&format!("follow-up-status-{}", follow_up.status.as_str()), &[]);
            let args =
                [("id", id.to_string().into()), ("name", name.as_str().into()), ("status", status.into())];
            return Err(AppError::Conflict(self.words("error-follow-up-closed", &args)));
        }
        Ok((follow_up, name))
    }

    pub fn complete_follow_up(&self, id: FollowUpId) -> AppResult<Written<(FollowUp, String)>> {
        self.close_follow_up(id, FollowUpStatus::Done)
    }

    pub fn skip_follow_up(&self, id: FollowUpId) -> AppResult<Written<(FollowUp, String)>> {
        self.close_follow_up(id, FollowUpStatus::Skipped)
    }

    fn close_follow_up(
        &self,
        id: FollowUpId,
        status: FollowUpStatus,
    ) -> AppResult<Written<(FollowUp, String)>> {
        let (mut follow_up, name) = self.pending_follow_up(id)?;
        let now = self.now();
        follow_up.status = status;
        follow_up.closed_at = Some(now);
        let mut txn = self.begin();
        txn.put_follow_up(&follow_up);
        let verb = if status == FollowUpStatus::Skipped { "history-skip" } else { "history-done" };
        let summary = self
            .config
            .ui
            .lang()
            .text_with(verb, &[("id", id.to_string().into()), ("name", name.as_str().into())]);
        let changes = txn.commit(summary, now)?;
        Ok(Written { value: (follow_up, name), changes, also: Vec::new() })
    }

    /// Moves a follow-up later, counting the snooze; `None` takes the
    /// first working day after its due date. An earlier day is refused: that
    /// is a reschedule ([`App::reschedule_follow_up`]), which does not count.
    pub fn snooze_follow_up(
        &self,
        id: FollowUpId,
        to: Option<When>,
    ) -> AppResult<Written<(FollowUp, String)>> {
        let (mut follow_up, name) = self.pending_follow_up(id)?;
        let to = match to {
            Some(to) => self.future_day(to, "what-snooze-date")?,
            None => When {
                date: self.config.plan.snooze_day(follow_up.due, self.today()),
                time: follow_up.due_time,
            },
        };
        if !moves_later(&follow_up, to) {
            return Err(AppError::Invalid(self.words(
                "error-snooze-earlier",
                &[
                    ("id", id.to_string().into()),
                    ("name", name.as_str().into()),
                    ("due", follow_up.due_words().into()),
                    ("to", to.date.to_string().into()),
                ],
            )));
        }
        let now = self.now();
        follow_up.due = to.date;
        follow_up.due_time = to.time;
        follow_up.status = FollowUpStatus::Snoozed;
        follow_up.snoozes += 1;
        follow_up.snoozed_at.push(now);
        let mut txn = self.begin();
        txn.put_follow_up(&follow_up);
        let changes = txn.commit(
            self.config.ui.lang().text_with(
                "history-snooze",
                &[
                    ("id", id.to_string().into()),
                    ("name", name.as_str().into()),
                    ("due", to.date.to_string().into()),
                ],
            ),
            now,
        )?;
        Ok(Written { value: (follow_up, name), changes, also: Vec::new() })
    }
}

/// Whether `to` is later than the follow-up's due date (and time, on the
/// same day: a time-less due means the start of the day).
fn moves_later(follow_up: &FollowUp, to: When) -> bool {
    match to.date.cmp(&follow_up.due) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => match (follow_up.due_time, to.time) {
            (Some(due), Some(to)) => to > due,
            (None, Some(_)) => true,
            (_, None) => false,
        },
    }
}

fn new_follow_up(
    txn: &mut Txn<'_>,
    input: &FollowUpInput,
    from_outcome: Option<Outcome>,
    now: NaiveDateTime,
) -> AppResult<FollowUp> {
    let follow_up = FollowUp {
        id: FollowUpId(txn.next_id("follow_up")?),
        account: input.account,
        due: input.due.date,
        due_time: input.due.time,
        kind: input.kind,
        reason: input.reason,
        note: input.note.clone(),
        status: FollowUpStatus::Open,
        snoozes: 0,
        created_at: now,
        closed_at: None,
        snoozed_at: Vec::new(),
        referral: None,
        from_outcome,
        attempts: 0,
        attempted_at: Vec::new(),
    };
    txn.put_follow_up(&follow_up);
    Ok(follow_up)
}
