use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::keyword::keyword_enum;
use super::{AccountId, ReferralId, Uid};

keyword_enum! {
    /// The life of a promised incentive: promised when the referral is
    /// made, earned when the referee first buys, delivered when handed over.
    pub enum IncentiveStatus ("incentive status") {
        Promised = "promised",
        Earned = "earned",
        Delivered = "delivered",
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Referral {
    pub id: ReferralId,
    #[serde(default, skip_serializing_if = "Uid::is_nil")]
    pub uid: Uid,
    pub referrer: AccountId,
    pub referee: AccountId,
    pub at: NaiveDateTime,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incentive: Option<String>,
    pub incentive_status: IncentiveStatus,
    /// When the incentive was delivered (it counts in the referrer's cost
    /// to serve).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivered_at: Option<NaiveDateTime>,
}

/// What breaks the shape of the referrals: each account has at most one
/// referrer, never itself, and nobody is, through a chain of referrals,
/// their own referrer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReferralProblem {
    /// A referral whose referrer is its referee.
    SelfReferral(ReferralId),
    /// An account referred by more than one referral (their ids).
    SecondReferrer { referee: AccountId, referrals: Vec<ReferralId> },
    /// Accounts that refer each other round, in the chain's order.
    Cycle(Vec<AccountId>),
}

/// Every problem of a set of referrals (see [`ReferralProblem`]).
pub fn referral_problems(referrals: &[Referral]) -> Vec<ReferralProblem> {
    use std::collections::{BTreeMap, BTreeSet};
    let mut problems = Vec::new();
    let mut by_referee: BTreeMap<AccountId, Vec<&Referral>> = BTreeMap::new();
    for referral in referrals {
        if referral.referrer == referral.referee {
            problems.push(ReferralProblem::SelfReferral(referral.id));
        } else {
            by_referee.entry(referral.referee).or_default().push(referral);
        }
    }
    for (referee, list) in &by_referee {
        if list.len() > 1 {
            let referrals = list.iter().map(|r| r.id).collect();
            problems.push(ReferralProblem::SecondReferrer { referee: *referee, referrals });
        }
    }
    // Following each account's (first) referrer upwards: a walk that comes
    // back to an account it passed is a cycle.
    let referrer_of: BTreeMap<AccountId, AccountId> =
        by_referee.iter().map(|(referee, list)| (*referee, list[0].referrer)).collect();
    let mut settled: BTreeSet<AccountId> = BTreeSet::new();
    for start in referrer_of.keys() {
        let mut path: Vec<AccountId> = Vec::new();
        let mut at = *start;
        while !settled.contains(&at) {
            if let Some(index) = path.iter().position(|a| *a == at) {
                let mut cycle = path[index..].to_vec();
                let first = cycle.iter().enumerate().min_by_key(|(_, a)| **a).map_or(0, |(i, _)| i);
                cycle.rotate_left(first);
                problems.push(ReferralProblem::Cycle(cycle));
                break;
            }
            path.push(at);
            match referrer_of.get(&at) {
                Some(referrer) => at = *referrer,
                None => break,
            }
        }
        settled.extend(path);
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn referral(id: u64, referrer: u64, referee: u64) -> Referral {
        Referral {
            id: ReferralId(id),
            uid: Uid::NIL,
            referrer: AccountId(referrer),
            referee: AccountId(referee),
            at: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap().and_hms_opt(9, 0, 0).unwrap(),
            incentive: None,
            incentive_status: IncentiveStatus::Promised,
            delivered_at: None,
        }
    }

    #[test]
    fn one_referrer_never_oneself_and_no_circle() {
        assert!(referral_problems(&[referral(1, 1, 2), referral(2, 2, 3), referral(3, 1, 4)]).is_empty());
        assert_eq!(referral_problems(&[referral(1, 5, 5)]), [ReferralProblem::SelfReferral(ReferralId(1))]);
        assert_eq!(
            referral_problems(&[referral(1, 1, 3), referral(2, 2, 3)]),
            [ReferralProblem::SecondReferrer {
                referee: AccountId(3),
                referrals: vec![ReferralId(1), ReferralId(2)]
            }]
        );
        assert_eq!(
            referral_problems(&[referral(1, 1, 4), referral(2, 4, 1)]),
            [ReferralProblem::Cycle(vec![AccountId(1), AccountId(4)])]
        );
        assert_eq!(
            referral_problems(&[referral(1, 3, 1), referral(2, 1, 2), referral(3, 2, 3), referral(4, 9, 8)]),
            [ReferralProblem::Cycle(vec![AccountId(1), AccountId(3), AccountId(2)])]
        );
    }
}
