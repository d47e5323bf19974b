//! Touches, orders and follow-ups: the work of the day.

use chrono::{NaiveDate, NaiveDateTime};

use super::{App, AppError, AppResult, Written};
use crate::app::store::{AccountRecord, Records, Txn};
use crate::clock::{When, parse_when};
use crate::config::Config;
use crate::domain::contact::{TextField, check_field};
use crate::domain::{
    AccountId, AccountSummary, Direction, FollowUp, FollowUpId, FollowUpReason, FollowUpStatus, Money, Order,
    OrderId, Outcome, Stage, Tier, Touch, TouchId, TouchKind,
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
    /// Pending follow-ups due by now that the new next step replaced.
    pub closed: Vec<FollowUp>,
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
        };
        txn.append_touch(&touch)?;
        let mut closed = Vec::new();
        let mut follow_up = None;
        let mut merged = false;
        if let Some(next) = next {
            let pending: Vec<FollowUp> =
                txn.follow_ups_of(input.account)?.into_iter().filter(FollowUp::is_pending).collect();
            // The same promise made twice in a day (a quote by call, then by
            // SMS) is one follow-up: the second moves it.
            let same = pending.iter().find(|old| {
                touch.outcome.is_some()
                    && old.from_outcome == touch.outcome
                    && old.created_at.date() == now.date()
                    && old.referral.is_none()
            });
            for old in &pending {
                if old.due <= now.date() && same.is_none_or(|same| same.id != old.id) {
                    let mut old = old.clone();
                    old.status = FollowUpStatus::Done;
                    old.closed_at = Some(now);
                    txn.put_follow_up(&old);
                    closed.push(old);
                }
            }
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
        let mut also: Vec<String> = closed_words(&closed, self.config.ui.lang()).into_iter().collect();
        if let (true, Some(f)) = (merged, &follow_up) {
            let args = [("id", f.id.to_string().into()), ("due", f.due.to_string().into())];
            also.push(self.config.ui.lang().text_with("also-moved", &args));
        }
        let logged = Logged { touch, account_name: name, follow_up, closed, merged, warnings };
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
    };
    txn.put_follow_up(&follow_up);
    Ok(follow_up)
}
