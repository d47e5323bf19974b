use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::{
    Account, AccountId, AccountStats, ArchiveReason, FollowUp, Grade, Money, MonthDay, Stage, StageKind,
    Tier, TouchDays, TouchKind,
};

/// What lists and the daily ranking need of one account: the account
/// without its long text fields, plus its aggregates. Derived data, stored
/// in chunks in a compact binary form (numbers for dates) that loads
/// 100,000 of them quickly; the form is positional, so any change of the
/// fields must bump the store's `DERIVED_VERSION`, which rebuilds them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountSummary {
    pub id: AccountId,
    pub name: String,
    pub company: Option<String>,
    /// The first phone: what a call list dials.
    pub phone: Option<String>,
    pub has_email: bool,
    #[serde(with = "terse::stage")]
    pub stage: Stage,
    pub archived: Option<ArchiveReason>,
    pub potential: Option<Money>,
    #[serde(with = "terse::moment")]
    pub last_touch: Option<NaiveDateTime>,
    #[serde(with = "terse::moment")]
    pub last_order: Option<NaiveDateTime>,
    #[serde(with = "terse::days")]
    pub revenue_days: Vec<(NaiveDate, Money)>,
    #[serde(with = "terse::follow_ups")]
    pub pending: Vec<FollowUp>,
    #[serde(with = "terse::dates")]
    pub done_days: Vec<NaiveDate>,
    #[serde(with = "terse::day")]
    pub created: NaiveDate,
    /// The day a follow-up was last closed, done or skipped.
    #[serde(with = "terse::day_opt")]
    pub last_closed: Option<NaiveDate>,
    /// The latest greeting of each occasion: a festival, the birthday,
    /// the anniversary.
    #[serde(with = "terse::moment")]
    pub greeted_festival: Option<NaiveDateTime>,
    #[serde(with = "terse::moment")]
    pub greeted_birthday: Option<NaiveDateTime>,
    #[serde(with = "terse::moment")]
    pub greeted_anniversary: Option<NaiveDateTime>,
    /// The latest touch that reached the person, and its channel.
    #[serde(with = "terse::moment")]
    pub last_reached: Option<NaiveDateTime>,
    pub last_reached_kind: Option<TouchKind>,
    #[serde(with = "terse::moments")]
    pub unanswered_sms: Vec<NaiveDateTime>,
    pub touch_days: TouchDays,
    /// Greeted each year: the contact's birthday, the customer's anniversary.
    pub birthday: Option<MonthDay>,
    #[serde(with = "terse::day_opt")]
    pub anniversary: Option<NaiveDate>,
    /// Whether the rep noted any competitor there (Focus asks of key
    /// accounts with none).
    pub knows_competition: bool,
}

impl AccountSummary {
    pub fn stage_label(&self) -> super::StageLabel {
        super::StageLabel { stage: self.stage, archived: self.archived }
    }

    /// An active account named "account ID", created on `created`, with
    /// nothing else yet: a base for hand-built books in tests.
    #[cfg(test)]
    pub fn bare(id: u64, stage: Stage, created: NaiveDate) -> AccountSummary {
        AccountSummary {
            id: AccountId(id),
            name: format!("account {id}"),
            company: None,
            phone: None,
            has_email: false,
            stage,
            archived: None,
            potential: None,
            last_touch: None,
            last_order: None,
            revenue_days: Vec::new(),
            pending: Vec::new(),
            done_days: Vec::new(),
            created,
            last_closed: None,
            greeted_festival: None,
            greeted_birthday: None,
            greeted_anniversary: None,
            last_reached: None,
            last_reached_kind: None,
            unanswered_sms: Vec::new(),
            touch_days: TouchDays::default(),
            birthday: None,
            anniversary: None,
            knows_competition: false,
        }
    }

    pub fn new(account: &Account, stats: &AccountStats) -> AccountSummary {
        AccountSummary {
            id: account.id,
            name: account.name.clone(),
            company: account.company.clone(),
            phone: account.reachable_phones().next().map(str::to_string),
            has_email: account.email.is_some(),
            stage: account.stage,
            archived: account.archived.as_ref().map(|a| a.reason),
            potential: account.potential,
            last_touch: stats
                .last_touch
                .max(account.contacted_elsewhere.and_then(|d| d.and_hms_opt(0, 0, 0))),
            last_order: stats.last_order,
            revenue_days: stats.revenue_days.clone(),
            pending: stats.pending.clone(),
            done_days: stats.done_days.clone(),
            created: account.created_at.date(),
            last_closed: stats.last_closed.map(|t| t.date()),
            greeted_festival: stats.greeted.festival,
            greeted_birthday: stats.greeted.birthday,
            greeted_anniversary: stats.greeted.anniversary,
            last_reached: stats.last_reached.map(|(at, _)| at),
            last_reached_kind: stats.last_reached.map(|(_, kind)| kind),
            unanswered_sms: stats.unanswered_sms.clone(),
            touch_days: stats.touch_days.clone(),
            birthday: account.birthday,
            anniversary: account.anniversary(),
            knows_competition: !account.competitor_notes.is_empty(),
        }
    }

    pub fn stage_kind(&self) -> StageKind {
        match (self.archived, self.stage) {
            (Some(_), _) => StageKind::Archived,
            (None, Stage::Prospect { .. }) => StageKind::Prospect,
            (None, Stage::Customer { .. }) => StageKind::Customer,
        }
    }

    pub fn is_active(&self) -> bool {
        self.archived.is_none()
    }

    pub fn grade(&self) -> Option<Grade> {
        self.stage.grade()
    }

    pub fn tier(&self) -> Option<Tier> {
        self.stage.tier()
    }

    pub fn revenue_12m(&self, today: NaiveDate) -> Money {
        super::stats::revenue_in_window(&self.revenue_days, today)
    }

    /// The latest contact: the last touch, or a later order when orders
    /// count as contact (`[plan] orders_reset_cadence`).
    pub fn last_contact(&self, orders_count: bool) -> Option<NaiveDateTime> {
        let order = self.last_order.filter(|_| orders_count);
        self.last_touch.max(order)
    }
}

/// Numbers instead of strings and tagged objects: parsing a date string or
/// an internally tagged enum costs many times more than an integer.
mod terse {
    use chrono::{Datelike, NaiveDate, NaiveDateTime};

    fn day_number(date: NaiveDate) -> i32 {
        date.num_days_from_ce()
    }

    fn from_day_number<E: serde::de::Error>(days: i32) -> Result<NaiveDate, E> {
        NaiveDate::from_num_days_from_ce_opt(days)
            .ok_or_else(|| E::custom(format!("day {days} is out of range")))
    }

    pub mod stage {
        use serde::{Deserialize, Deserializer, Serializer};

        use crate::domain::{Grade, Stage, Tier};

        /// 0-3: grades A-D; 10-13: tiers small to VIP, plus 10 when pinned.
        pub fn serialize<S: Serializer>(stage: &Stage, serializer: S) -> Result<S::Ok, S::Error> {
            let code = match *stage {
                Stage::Prospect { grade } => Grade::ALL.iter().position(|g| *g == grade).unwrap_or(0) as u8,
                Stage::Customer { tier, tier_pinned } => {
                    10 + Tier::ALL.iter().position(|t| *t == tier).unwrap_or(0) as u8
                        + if tier_pinned { 10 } else { 0 }
                }
            };
            serializer.serialize_u8(code)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Stage, D::Error> {
            let code = u8::deserialize(deserializer)?;
            let invalid = || serde::de::Error::custom(format!("stage code {code}"));
            match code {
                0..=3 => Ok(Stage::Prospect { grade: Grade::ALL[code as usize] }),
                10..=13 | 20..=23 => Ok(Stage::Customer {
                    tier: *Tier::ALL.get((code % 10) as usize).ok_or_else(invalid)?,
                    tier_pinned: code >= 20,
                }),
                _ => Err(invalid()),
            }
        }
    }

    pub mod moment {
        use super::*;
        use serde::{Deserialize, Deserializer, Serializer};

        /// Seconds since 1970-01-01T00:00 of the local wall clock.
        pub fn serialize<S: Serializer>(
            at: &Option<NaiveDateTime>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            match at {
                Some(at) => serializer.serialize_some(&at.and_utc().timestamp()),
                None => serializer.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Option<NaiveDateTime>, D::Error> {
            match Option::<i64>::deserialize(deserializer)? {
                Some(seconds) => chrono::DateTime::from_timestamp(seconds, 0)
                    .map(|t| Some(t.naive_utc()))
                    .ok_or_else(|| serde::de::Error::custom(format!("time {seconds} is out of range"))),
                None => Ok(None),
            }
        }
    }

    pub mod follow_ups {
        use super::*;
        use crate::domain::{
            AccountId, FollowUp, FollowUpId, FollowUpReason, FollowUpStatus, Outcome, TouchKind, Uid,
        };
        use chrono::{NaiveTime, Timelike};
        use serde::{Deserialize, Deserializer, Serialize, Serializer};

        /// id, account, due day, minute of the day (-1: none), kind, reason,
        /// note, status, snoozes, created (seconds), attempts, the outcome
        /// that set it. What lists and ranking need: a follow-up read back
        /// from a summary has no snooze or attempt times and no referral link.
        #[derive(Serialize, Deserialize)]
        struct Terse(
            u64,
            u64,
            i32,
            i32,
            TouchKind,
            FollowUpReason,
            String,
            FollowUpStatus,
            u32,
            i64,
            u32,
            Option<Outcome>,
        );

        pub fn serialize<S: Serializer>(follow_ups: &[FollowUp], serializer: S) -> Result<S::Ok, S::Error> {
            let terse: Vec<Terse> = follow_ups
                .iter()
                .map(|f| {
                    Terse(
                        f.id.0,
                        f.account.0,
                        day_number(f.due),
                        f.due_time.map_or(-1, |t| (t.hour() * 60 + t.minute()) as i32),
                        f.kind,
                        f.reason,
                        f.note.clone(),
                        f.status,
                        f.snoozes,
                        f.created_at.and_utc().timestamp(),
                        f.attempts,
                        f.from_outcome,
                    )
                })
                .collect();
            terse.serialize(serializer)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<FollowUp>, D::Error> {
            Vec::<Terse>::deserialize(deserializer)?
                .into_iter()
                .map(
                    |Terse(
                        id,
                        account,
                        due,
                        minute,
                        kind,
                        reason,
                        note,
                        status,
                        snoozes,
                        created,
                        attempts,
                        from_outcome,
                    )| {
                        let due_time = match minute {
                            -1 => None,
                            m => Some(
                                NaiveTime::from_hms_opt((m / 60) as u32, (m % 60) as u32, 0)
                                    .ok_or_else(|| serde::de::Error::custom(format!("minute {m}")))?,
                            ),
                        };
                        Ok(FollowUp {
                            id: FollowUpId(id),
                            uid: Uid::NIL,
                            account: AccountId(account),
                            due: from_day_number(due)?,
                            due_time,
                            kind,
                            reason,
                            note,
                            status,
                            snoozes,
                            created_at: chrono::DateTime::from_timestamp(created, 0)
                                .ok_or_else(|| serde::de::Error::custom(format!("time {created}")))?
                                .naive_utc(),
                            closed_at: None,
                            snoozed_at: Vec::new(),
                            referral: None,
                            from_outcome,
                            attempts,
                            attempted_at: Vec::new(),
                            rescheduled_at: Vec::new(),
                        })
                    },
                )
                .collect()
        }
    }

    pub mod day {
        use super::*;
        use serde::{Deserialize, Deserializer, Serialize, Serializer};

        pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
            day_number(*date).serialize(serializer)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
            from_day_number(i32::deserialize(deserializer)?)
        }
    }

    pub mod day_opt {
        use super::*;
        use serde::{Deserialize, Deserializer, Serialize, Serializer};

        pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, serializer: S) -> Result<S::Ok, S::Error> {
            date.map(day_number).serialize(serializer)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Option<NaiveDate>, D::Error> {
            Option::<i32>::deserialize(deserializer)?.map(from_day_number).transpose()
        }
    }

    pub mod moments {
        use super::*;
        use serde::{Deserialize, Deserializer, Serialize, Serializer};

        pub fn serialize<S: Serializer>(moments: &[NaiveDateTime], serializer: S) -> Result<S::Ok, S::Error> {
            moments.iter().map(|m| m.and_utc().timestamp()).collect::<Vec<i64>>().serialize(serializer)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Vec<NaiveDateTime>, D::Error> {
            Vec::<i64>::deserialize(deserializer)?
                .into_iter()
                .map(|s| {
                    chrono::DateTime::from_timestamp(s, 0)
                        .map(|t| t.naive_utc())
                        .ok_or_else(|| serde::de::Error::custom(format!("time {s} is out of range")))
                })
                .collect()
        }
    }

    pub mod dates {
        use super::*;
        use serde::{Deserialize, Deserializer, Serialize, Serializer};

        pub fn serialize<S: Serializer>(dates: &[NaiveDate], serializer: S) -> Result<S::Ok, S::Error> {
            dates.iter().map(|d| day_number(*d)).collect::<Vec<i32>>().serialize(serializer)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<NaiveDate>, D::Error> {
            Vec::<i32>::deserialize(deserializer)?.into_iter().map(from_day_number).collect()
        }
    }

    pub mod days {
        use super::*;
        use crate::domain::Money;
        use serde::{Deserialize, Deserializer, Serialize, Serializer};

        pub fn serialize<S: Serializer>(
            days: &[(NaiveDate, Money)],
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            let pairs: Vec<(i32, i128)> = days.iter().map(|(d, m)| (day_number(*d), m.0)).collect();
            pairs.serialize(serializer)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Vec<(NaiveDate, Money)>, D::Error> {
            Vec::<(i32, i128)>::deserialize(deserializer)?
                .into_iter()
                .map(|(d, m)| Ok((from_day_number(d)?, Money(m))))
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn revenue_days_read_the_same_in_128_bits_as_they_were_written_in_64() {
        // Summaries written when amounts were 64 bits read back unchanged.
        let old = postcard::to_stdvec(&vec![(738_000i32, 1_200_050i64), (738_001, -5)]).unwrap();
        let new = postcard::to_stdvec(&vec![(738_000i32, 1_200_050i128), (738_001, -5)]).unwrap();
        assert_eq!(old, new);
    }

    use super::*;
    use crate::domain::{FollowUpId, FollowUpReason, FollowUpStatus, TouchKind, Uid};

    #[test]
    fn terse_encoding_round_trips() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let at = day.and_hms_opt(9, 30, 5).unwrap();
        for stage in [
            Stage::Prospect { grade: Grade::D },
            Stage::Customer { tier: Tier::Vip, tier_pinned: true },
            Stage::Customer { tier: Tier::Small, tier_pinned: false },
        ] {
            let summary = AccountSummary {
                id: AccountId(9),
                name: "张伟".into(),
                company: None,
                phone: Some("+86 138 0013 8000".into()),
                has_email: true,
                stage,
                archived: Some(ArchiveReason::Lost),
                potential: Some(Money(5)),
                last_touch: Some(at),
                last_order: Some(at),
                revenue_days: vec![(day, Money(120_050))],
                pending: vec![FollowUp {
                    id: FollowUpId(1),
                    uid: Uid::NIL,
                    account: AccountId(9),
                    due: day,
                    due_time: chrono::NaiveTime::from_hms_opt(14, 30, 0),
                    kind: TouchKind::Visit,
                    reason: FollowUpReason::Referral,
                    note: "带样品".into(),
                    status: FollowUpStatus::Open,
                    snoozes: 2,
                    created_at: at,
                    closed_at: None,
                    snoozed_at: vec![],
                    referral: None,
                    from_outcome: Some(crate::domain::Outcome::QuoteSent),
                    attempts: 3,
                    attempted_at: vec![],
                    rescheduled_at: Vec::new(),
                }],
                done_days: vec![day],
                created: day,
                last_closed: Some(day),
                greeted_festival: Some(at),
                greeted_birthday: None,
                greeted_anniversary: Some(at),
                last_reached: Some(at),
                last_reached_kind: Some(TouchKind::Meeting),
                unanswered_sms: vec![at, at],
                touch_days: TouchDays::new([(day, TouchKind::Visit), (day, TouchKind::Sms)]),
                birthday: Some(MonthDay { month: 2, day: 29, year: Some(1980) }),
                anniversary: Some(day),
                knows_competition: true,
            };
            let bytes = postcard::to_stdvec(&summary).unwrap();
            assert_eq!(postcard::from_bytes::<AccountSummary>(&bytes).unwrap(), summary);
        }
        let minimal = AccountSummary {
            name: "A".into(),
            ..AccountSummary::bare(1, Stage::Prospect { grade: Grade::A }, day)
        };
        let mut bad = postcard::to_stdvec(&minimal).unwrap();
        // id (1 byte), name length and name (2), no company (1), no phone (1),
        // no email (1), then the stage
        bad[6] = 99;
        assert!(postcard::from_bytes::<AccountSummary>(&bad).is_err(), "an unknown stage code is an error");
    }
}
