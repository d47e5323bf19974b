//! When promises alone fill the day (a rep back from a week away), the
//! overdue promises of C and D prospects can wait: listed, and moved in one
//! undoable change, so that the key accounts get back on the plan.

use super::store::Records;
use super::{App, AppError, AppResult, Written};
use crate::analysis::plan::can_wait;
use crate::clock::When;
use crate::domain::{FollowUp, Grade};
use crate::i18n::msg;
use leadline_i18n::msg_id;

/// A promise that can wait, with its account.
#[derive(Clone, Debug)]
pub struct Waitable {
    pub follow_up: FollowUp,
    pub name: String,
    pub grade: Option<Grade>,
}

impl App {
    /// The promises of C and D prospects overdue by more than `days` days
    /// (`[plan] triage_days` when none is given), the oldest first.
    pub fn triage_candidates(&self, days: Option<u32>) -> AppResult<Vec<Waitable>> {
        let days = days.unwrap_or(self.config.plan.triage_days);
        let summaries = self.store.summaries()?.items;
        let mut out = Vec::new();
        for (index, id) in can_wait(&summaries, self.today(), days) {
            let summary = &summaries[index];
            if let Some(follow_up) = self.store.follow_up(id)?.filter(FollowUp::is_pending) {
                out.push(Waitable { follow_up, name: summary.name.clone(), grade: summary.grade() });
            }
        }
        Ok(out)
    }

    /// Moves every promise that can wait to `to`, each counted as a snooze,
    /// as one change; says how many.
    pub fn triage(&self, days: Option<u32>, to: When) -> AppResult<Written<Vec<Waitable>>> {
        let to = self.future_day(to, msg_id!("what-snooze-date"))?;
        if to.date <= self.today() {
            return Err(AppError::Invalid(msg::ErrorTriageToday.text(self.config.ui.lang())));
        }
        let mut moved = self.triage_candidates(days)?;
        if moved.is_empty() {
            return Err(AppError::Conflict(msg::ErrorTriageNothing.text(self.config.ui.lang())));
        }
        let now = self.now();
        let mut txn = self.begin();
        for waitable in &mut moved {
            waitable.follow_up.snooze_to(to.date, to.time, now);
            txn.put_follow_up(&waitable.follow_up);
        }
        let summary = crate::i18n::msg::HistoryTriage { count: moved.len(), to: to.date.to_string() }
            .text(self.config.ui.lang());
        let changes = txn.commit(summary, now)?;
        Ok(Written { value: moved, changes, also: Vec::new() })
    }
}
