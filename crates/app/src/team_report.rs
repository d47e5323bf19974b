//! `leadline team`, for a manager: each rep's book, read from the team's
//! server (row-level security lets a manager read every book and write
//! none) into a store of its own on the manager's machine, kept and brought
//! up to date on each run, and the figures a manager follows per rep.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{Duration, NaiveDateTime};
use leadline_sync::{Incoming, Outgoing, PgServer, Server, SyncError};

use crate::clock::FixedClock;
use crate::config::Config;
use crate::domain::{Grade, IncentiveStatus, Money, StageKind, Tier};
use crate::{App, AppResult};

/// What a manager follows of one rep.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RepFigures {
    /// Rows of the kept plans of the last 7 days, and those worked.
    pub planned_7d: usize,
    pub done_7d: usize,
    /// Days in a row with the plan worked to zero.
    pub streak: u32,
    /// Key accounts past their cadence, by name.
    pub key_overdue: Vec<String>,
    pub prospects_by_grade: BTreeMap<Grade, usize>,
    pub customers_by_tier: BTreeMap<Tier, usize>,
    pub revenue_12m: Money,
    /// The 12 months before those.
    pub revenue_year_before: Money,
    /// Referral incentives earned and not yet delivered.
    pub incentives_owed: usize,
}

/// One rep's book and figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RepReport {
    pub book: String,
    pub owner: String,
    pub figures: RepFigures,
}

impl App {
    /// This book's figures, as `team` shows them for each rep.
    pub fn rep_figures(&self) -> AppResult<RepFigures> {
        let today = self.today();
        let mut figures = RepFigures::default();
        let days = self.store.day_records(today - Duration::days(7), today - Duration::days(1))?.items;
        for day in days {
            let review = self.review_day(day.date)?.review;
            figures.planned_7d += review.planned;
            figures.done_7d += review.planned.saturating_sub(review.planned_missed.len());
        }
        let review = self.review_day(today)?.review;
        figures.streak = review.streak;
        let focus = self.focus_report()?;
        let key: Vec<_> = focus.focus.customers[..focus.focus.key_count]
            .iter()
            .map(|c| focus.summaries[c.index].id)
            .collect();
        figures.key_overdue = focus
            .summaries
            .iter()
            .filter(|s| key.contains(&s.id) && review.past_cadence.contains(&s.id))
            .map(|s| s.name.clone())
            .collect();
        let year_ago = today - Duration::days(365);
        let two_years_ago = today - Duration::days(730);
        for summary in focus.summaries.iter().filter(|s| s.archived.is_none()) {
            match summary.stage_kind() {
                StageKind::Prospect => {
                    if let Some(grade) = summary.grade() {
                        *figures.prospects_by_grade.entry(grade).or_default() += 1;
                    }
                }
                StageKind::Customer => {
                    if let Some(tier) = summary.tier() {
                        *figures.customers_by_tier.entry(tier).or_default() += 1;
                    }
                }
                _ => {}
            }
        }
        for summary in &focus.summaries {
            for (day, amount) in &summary.revenue_days {
                if *day > year_ago && *day <= today {
                    figures.revenue_12m = Money(figures.revenue_12m.0 + amount.0);
                } else if *day > two_years_ago && *day <= year_ago {
                    figures.revenue_year_before = Money(figures.revenue_year_before.0 + amount.0);
                }
            }
        }
        figures.incentives_owed = self
            .store
            .referrals()?
            .items
            .iter()
            .filter(|r| r.incentive.is_some() && r.incentive_status == IncentiveStatus::Earned)
            .count();
        Ok(figures)
    }
}

/// The server as a manager reads it: nothing is ever written.
struct ReadOnly<'a>(&'a mut PgServer);

impl Server for ReadOnly<'_> {
    fn user(&mut self) -> Result<String, SyncError> {
        self.0.user()
    }
    fn open_book(&mut self, _book: &str) -> Result<(), SyncError> {
        Ok(())
    }
    fn newest_from(&mut self, _book: &str, _origin: &str) -> Result<Option<(i64, i32)>, SyncError> {
        Ok(None)
    }
    fn push(&mut self, _: &str, _: &str, _: &str, _: &[Outgoing]) -> Result<(), SyncError> {
        Ok(())
    }
    fn pull(
        &mut self,
        book: &str,
        origin: &str,
        since: i64,
        max_ops: i64,
    ) -> Result<Vec<Incoming>, SyncError> {
        self.0.pull(book, origin, since, max_ops)
    }
}

/// Every book the role may read, each brought up to date in a store under
/// `cache`, with its figures. A rep's role sees only its own books.
pub fn team_report(config: &Config, cache: &Path, now: NaiveDateTime) -> AppResult<Vec<RepReport>> {
    let mut server = crate::sync::connect_server(config)?;
    let books = server.books().map_err(|error| crate::sync::server_error(error, config.ui.lang()))?;
    let mut reports = Vec::new();
    for (book, owner) in books {
        let dir = cache.join(folder_name(&book));
        let app = App::open_at(&dir, Box::new(FixedClock(now)))?.with_config(config.clone());
        app.sync_with(&mut ReadOnly(&mut server), &book, "team")?;
        reports.push(RepReport { book, owner, figures: app.rep_figures()? });
    }
    Ok(reports)
}

/// A book's name as a folder name: what is not a letter or digit becomes
/// `_`, and a hash keeps two names apart.
fn folder_name(book: &str) -> String {
    let plain: String = book.chars().map(|c| if c.is_alphanumeric() { c } else { '_' }).collect();
    use sha2::Digest;
    let hash = sha2::Sha256::digest(book.as_bytes());
    format!("{plain}-{:02x}{:02x}{:02x}{:02x}", hash[0], hash[1], hash[2], hash[3])
}
