//! A realistic demo book, the same for the same seed and clock: Chinese
//! names in a Chinese book, Western ones in an English book, phones as the
//! rep's region writes them, every grade and tier, six months of touches, orders,
//! referrals and open follow-ups.

use chrono::{Duration, NaiveDateTime, NaiveTime};

use super::backup::{Backup, BackupCounts};
use super::{App, AppError, AppResult};
use crate::domain::{
    Account, AccountId, ArchiveReason, Archived, DayRecord, Direction, FollowUp, FollowUpId, FollowUpReason,
    FollowUpStatus, Grade, IncentiveStatus, Money, Order, OrderId, Outcome, Purpose, Referral, ReferralId,
    Stage, Tier, Touch, TouchId, TouchKind, Uid, phone::Region,
};
use crate::i18n::{Lang, msg};

mod competition;
mod words;

use words::{
    AMERICAN_COMPANIES, EUROPEAN_COMPANIES, GIVEN, REGIONS, SUFFIXES, SURNAMES, TRADES, WESTERN_FAMILY,
    WESTERN_GIVEN, Words,
};

pub const DEFAULT_ACCOUNTS: usize = 300;
/// Bounds of a demo book: the biggest books benchmarked (a demo is
/// written as one change, in memory).
pub const MAX_ACCOUNTS: usize = 100_000;
pub const MAX_TOUCHES_PER_ACCOUNT: usize = 100;
pub const MAX_TOUCHES: usize = 2_000_000;
pub const DEFAULT_SEED: u64 = 7;

#[derive(Clone, Copy, Debug)]
pub struct DemoOptions {
    pub accounts: usize,
    pub seed: u64,
    /// Average touches per account over the six months.
    pub touches_per_account: usize,
    /// The rep's language: the book's notes, tags, sources and incentives
    /// are written in it; under Chinese every contact is Chinese.
    pub lang: Lang,
}

impl Default for DemoOptions {
    fn default() -> Self {
        DemoOptions { accounts: DEFAULT_ACCOUNTS, seed: DEFAULT_SEED, touches_per_account: 8, lang: Lang::En }
    }
}

/// Seeded dice: the same seed, the same rolls.
pub(crate) struct Dice(pub(crate) fastrand::Rng);

impl Dice {
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.0.usize(..items.len())]
    }

    /// True `percent` times in a hundred.
    pub(crate) fn chance(&mut self, percent: u32) -> bool {
        self.0.u32(..100) < percent
    }

    fn range(&mut self, low: i64, high: i64) -> i64 {
        self.0.i64(low..=high)
    }
}

fn chinese_company(dice: &mut Dice) -> String {
    format!("{}{}{}", dice.pick(REGIONS), dice.pick(TRADES), dice.pick(SUFFIXES))
}

/// Picks the stage of a new demo account: about 40% customers across all
/// tiers, the rest prospects across all grades.
fn stage(dice: &mut Dice) -> Stage {
    let roll = dice.0.u32(..100);
    match roll {
        0..=15 => Stage::Customer { tier: Tier::Small, tier_pinned: false },
        16..=27 => Stage::Customer { tier: Tier::Medium, tier_pinned: false },
        28..=35 => Stage::Customer { tier: Tier::Large, tier_pinned: false },
        36..=39 => Stage::Customer { tier: Tier::Vip, tier_pinned: false },
        40..=48 => Stage::Prospect { grade: Grade::A },
        49..=62 => Stage::Prospect { grade: Grade::B },
        63..=82 => Stage::Prospect { grade: Grade::C },
        _ => Stage::Prospect { grade: Grade::D },
    }
}

/// Order sizes (major units) and counts per year that land each tier in its
/// revenue band.
fn order_plan(tier: Tier) -> (i64, i64, usize, usize) {
    match tier {
        Tier::Small => (800, 4_000, 1, 3),
        Tier::Medium => (5_000, 15_000, 2, 5),
        Tier::Large => (15_000, 45_000, 4, 8),
        Tier::Vip => (40_000, 120_000, 6, 12),
    }
}

/// What came of a demo touch: calls reach people about half the time; a
/// visit or a meeting happened; an SMS or email gets a reply now and
/// then. A sale is never an outcome here: the orders bring their own.
fn outcome_for(dice: &mut Dice, kind: TouchKind) -> Option<Outcome> {
    use Outcome::*;
    let roll = dice.0.u32(..100);
    match kind {
        TouchKind::Call => Some(match roll {
            0..50 => Reached,
            50..75 => NoAnswer,
            75..80 => Busy,
            80..85 => LeftMessage,
            85..92 => QuoteSent,
            92..96 => MeetingBooked,
            _ => Declined,
        }),
        TouchKind::Visit | TouchKind::Meeting => match roll {
            0..70 => Some(Reached),
            70..82 => Some(QuoteSent),
            82..88 => Some(MeetingBooked),
            88..92 => Some(Declined),
            _ => None,
        },
        TouchKind::Sms | TouchKind::Email => (roll < 30).then_some(Replied),
        TouchKind::Gift | TouchKind::Letter => None,
    }
}

/// The channel of a demo touch: the big customers are visited and met,
/// the rest mostly called and messaged.
fn touch_kind(dice: &mut Dice, stage: Stage) -> TouchKind {
    let big = matches!(stage, Stage::Customer { tier: Tier::Vip | Tier::Large, .. });
    match (big, dice.0.u32(..100)) {
        (true, 0..=34) => TouchKind::Visit,
        (true, 35..=49) => TouchKind::Meeting,
        (true, 50..=84) => TouchKind::Call,
        (true, 85..=92) => TouchKind::Gift,
        (true, _) => TouchKind::Sms,
        (false, 0..=44) => TouchKind::Call,
        (false, 45..=79) => TouchKind::Sms,
        (false, 80..=87) => TouchKind::Email,
        (false, 88..=94) => TouchKind::Visit,
        (false, 95..=97) => TouchKind::Letter,
        (false, _) => TouchKind::Meeting,
    }
}

/// Whether each account (in the book's order) is a key account: the
/// customers with the most revenue over 12 months that together bring 80%.
fn key_accounts(book: &Backup, now: NaiveDateTime) -> Vec<bool> {
    let from = now - Duration::days(365);
    let mut revenue: std::collections::HashMap<AccountId, i128> = std::collections::HashMap::new();
    for order in book.orders.iter().filter(|o| o.at > from) {
        *revenue.entry(order.account).or_default() += order.amount.minor();
    }
    let mut ranked: Vec<(i128, usize)> = book
        .accounts
        .iter()
        .enumerate()
        .map(|(i, a)| (revenue.get(&a.id).copied().unwrap_or(0), i))
        .collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let total: i128 = ranked.iter().map(|(r, _)| r).sum();
    let mut key = vec![false; book.accounts.len()];
    let mut sum = 0;
    for (amount, index) in ranked {
        if amount == 0 || sum * 10 >= total * 8 {
            break;
        }
        sum += amount;
        key[index] = true;
    }
    key
}

/// The last four weeks' visits and calls to the key accounts, where the
/// 80/20 rule sends the effort: a rep who keeps up with the plan gives them
/// the target share of every week's effort, not only of the month's (the
/// plan measures the weeks as they leave its window). A key account that
/// slipped past its cadence is not touched after its last touch
/// (`slipped`, days ago).
fn key_account_weeks(
    book: &mut Backup,
    slipped: &[Option<i64>],
    now: NaiveDateTime,
    dice: &mut Dice,
    words: &Words,
    touch_id: &mut u64,
) {
    let config = crate::config::Config::default();
    let weights = crate::analysis::focus::EffortWeights::of(&config.focus);
    // A little over the target: a rep who keeps up is not on its edge.
    let target = (config.focus.effort_target + 0.02).clamp(0.0, 0.95);
    let key = key_accounts(book, now);
    let keys: Vec<usize> =
        (0..book.accounts.len()).filter(|&i| key[i] && book.accounts[i].archived.is_none()).collect();
    if keys.is_empty() {
        return;
    }
    let index_of: std::collections::HashMap<AccountId, usize> =
        book.accounts.iter().enumerate().map(|(i, a)| (a.id, i)).collect();
    // The weeks of the 30-day window before today (days ago), the last one
    // of eight days; the key accounts' effort in each, and the others'.
    const WEEKS: [(i64, i64); 4] = [(1, 7), (8, 14), (15, 21), (22, 29)];
    let mut efforts = [(0.0, 0.0); WEEKS.len()];
    for touch in &book.touches {
        let days_ago = (now.date() - touch.at.date()).num_days();
        let Some(week) = WEEKS.iter().position(|(from, to)| (*from..=*to).contains(&days_ago)) else {
            continue;
        };
        let index = index_of[&touch.account];
        if book.accounts[index].archived.is_none() {
            let (effort_key, effort_other) = &mut efforts[week];
            *if key[index] { effort_key } else { effort_other } += weights.of_kind(touch.kind);
        }
    }
    for ((from, to), (mut effort_key, effort_other)) in WEEKS.into_iter().zip(efforts) {
        let wanted = effort_other * target / (1.0 - target);
        let start = dice.0.usize(..keys.len());
        // Each key account once per turn; one whose last touch is later
        // than the week sits it out.
        for turn in start..start + keys.len() * 7 {
            if effort_key >= wanted {
                break;
            }
            let index = keys[turn % keys.len()];
            let first = slipped[index].unwrap_or(1);
            if first > to {
                continue;
            }
            *touch_id += 1;
            let kind = touch_kind(dice, Stage::Customer { tier: Tier::Vip, tier_pinned: false });
            let outcome = outcome_for(dice, kind);
            effort_key += weights.of_kind(kind);
            book.touches.push(Touch {
                id: TouchId(*touch_id),
                uid: Uid::NIL,
                account: book.accounts[index].id,
                kind,
                at: moment(now, dice.range(from.max(first), to), dice),
                direction: Direction::Outbound,
                outcome,
                note: dice.pick(words.notes(kind, outcome)).to_string(),
                lesson: String::new(),
                purpose: Purpose::Ordinary,
                lost_to: None,
            });
        }
    }
}

/// Share of accounts, in percent, whose last touch slipped past the cadence.
const SLIPPING_PERCENT: u32 = 4;

/// The default cadence of a stage, in days.
fn cadence_of(stage: Stage) -> u32 {
    let cadence = crate::config::Cadence::default();
    match stage {
        Stage::Prospect { grade } => cadence.for_grade(grade),
        Stage::Customer { tier, .. } => cadence.for_tier(tier),
    }
}

/// How many touches an account gets against the average: the big
/// customers most (the 80/20 rule), cold prospects least.
fn effort_weight(stage: Stage) -> f64 {
    match stage {
        Stage::Customer { tier: Tier::Vip, .. } => 4.0,
        Stage::Customer { tier: Tier::Large, .. } => 2.5,
        Stage::Customer { tier: Tier::Medium, .. } => 0.8,
        Stage::Customer { tier: Tier::Small, .. } => 0.4,
        Stage::Prospect { grade: Grade::A } => 1.2,
        Stage::Prospect { grade: Grade::B } => 0.8,
        Stage::Prospect { grade: Grade::C } => 0.5,
        Stage::Prospect { grade: Grade::D } => 0.3,
    }
}

/// The day of an account's open promise, from today, if it has one: most
/// ahead, a few today; a rep who keeps up has none overdue.
fn promise_day(dice: &mut Dice) -> Option<i64> {
    match dice.0.u32(..1000) {
        0..=24 => Some(0),
        25..=199 => Some(dice.range(1, 14)),
        _ => None,
    }
}

fn moment(now: NaiveDateTime, days_ago: i64, dice: &mut Dice) -> NaiveDateTime {
    let time =
        NaiveTime::from_hms_opt(dice.range(8, 18) as u32, dice.range(0, 59) as u32, 0).unwrap_or_default();
    let at = (now.date() - Duration::days(days_ago)).and_time(time);
    at.min(now)
}

/// Area codes of the Corn Belt, for a North American book.
const AREA_CODES: [u32; 8] = [515, 319, 563, 641, 712, 402, 605, 507];

/// How the rep's region writes a phone number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PhoneStyle {
    /// Chinese mobile numbers, as dialled at home (`139 1234 5678`).
    Chinese,
    /// `(515) 555-0134`: the 555-01xx numbers kept for fiction, one per
    /// account while they last.
    NorthAmerican,
    /// With the country code, so that they read right in any region.
    International,
}

impl PhoneStyle {
    /// The region's; with none set, Chinese numbers in a Chinese book and
    /// international ones in an English book.
    fn of(region: Option<Region>, lang: Lang) -> PhoneStyle {
        match (region.map(|r| r.to_string()).as_deref(), lang) {
            (Some("CN"), _) | (None, Lang::ZhCn) => PhoneStyle::Chinese,
            (Some("US" | "CA"), _) => PhoneStyle::NorthAmerican,
            _ => PhoneStyle::International,
        }
    }

    fn phone(self, index: usize, dice: &mut Dice) -> String {
        match self {
            PhoneStyle::Chinese => {
                let (second, third) = (dice.range(3, 9), dice.range(0, 9));
                // 179 is no carrier's: such a number would not dial.
                let third = if (second, third) == (7, 9) { 8 } else { third };
                format!("1{second}{third} {:04} {:04}", dice.range(0, 9999), dice.range(0, 9999))
            }
            PhoneStyle::NorthAmerican => match AREA_CODES.get(index / 100) {
                Some(area) => format!("({area}) 555-{:04}", 100 + index % 100),
                None => format!(
                    "({}) {} {:04}",
                    dice.pick(&AREA_CODES),
                    dice.range(201, 989),
                    dice.range(0, 9999)
                ),
            },
            PhoneStyle::International => {
                format!("+49 {} {:07}", dice.range(30, 89), dice.range(0, 9_999_999))
            }
        }
    }
}

/// Generates the demo book of a rep in `region` (`[contacts]
/// default_region`); the same `options`, region and `now` give the same
/// book.
pub fn generate(options: DemoOptions, region: Option<Region>, now: NaiveDateTime) -> Backup {
    let phones = PhoneStyle::of(region, options.lang);
    let mut dice = Dice(fastrand::Rng::with_seed(options.seed));
    let words = Words::of(options.lang);
    let mut book = Backup::new();
    let mut touch_id = 0;
    let mut order_id = 0;
    let mut follow_up_id = 0;
    // Each account's last touch, days ago, if it slipped past its cadence.
    let mut slipped = Vec::with_capacity(options.accounts);
    let mut known_rivals = Vec::with_capacity(options.accounts);
    let mut names: std::collections::HashSet<String> = std::collections::HashSet::new();
    for index in 0..options.accounts {
        let id = AccountId(index as u64 + 1);
        let chinese = words.chinese_names;
        let name_of = |dice: &mut Dice| match chinese {
            true => format!("{}{}", dice.pick(SURNAMES), dice.pick(GIVEN)),
            false => format!("{} {}", dice.pick(WESTERN_GIVEN), dice.pick(WESTERN_FAMILY)),
        };
        let mut name = name_of(&mut dice);
        // A rep's book has each person once (`leadline dupes` finds none);
        // other names come from dice of their own, so the rest of the book
        // stays as the seed made it.
        let mut spare = Dice(fastrand::Rng::with_seed(options.seed ^ id.0));
        for _ in 0..20 {
            if names.insert(name.clone()) {
                break;
            }
            name = name_of(&mut spare);
        }
        let company = match (chinese, dice.chance(80)) {
            (_, false) => None,
            (true, true) => Some(chinese_company(&mut dice)),
            (false, true) if phones == PhoneStyle::NorthAmerican => {
                Some(dice.pick(AMERICAN_COMPANIES).to_string())
            }
            (false, true) => Some(dice.pick(EUROPEAN_COMPANIES).to_string()),
        };
        let phone = phones.phone(index, &mut dice);
        let email = (!chinese || dice.chance(20)).then(|| format!("contact{}@example.com", id.0));
        let stage = stage(&mut dice);
        // Customers are older than their first order (up to 330 days ago).
        let created_days_ago = match stage {
            Stage::Customer { .. } => dice.range(340, 700),
            Stage::Prospect { .. } => dice.range(20, 400),
        };
        let potential = match stage {
            Stage::Prospect { grade } => {
                let high = match grade {
                    Grade::A => 300_000,
                    Grade::B => 150_000,
                    _ => 60_000,
                };
                Some(Money(i128::from(dice.range(5_000, high)) * 100))
            }
            Stage::Customer { .. } => Some(Money(i128::from(dice.range(20_000, 400_000)) * 100)),
        };
        let mut tags = vec![dice.pick(words.tags).to_string()];
        if dice.chance(30) {
            let extra = dice.pick(words.tags).to_string();
            if !tags.contains(&extra) {
                tags.push(extra);
            }
        }
        let source = Some(dice.pick(words.sources).to_string());
        // The rival this rep has heard of there, if any; what they know
        // of it comes later, from dice of its own.
        let rival = dice.chance(25).then(|| dice.0.usize(..words.rivals.len()));
        known_rivals.push(rival);
        let mut account = Account {
            id,
            uid: Uid::NIL,
            name,
            family_name: None,
            company,
            title: None,
            phones: vec![phone],
            phones_e164: Vec::new(),
            email,
            address: None,
            tags,
            source,
            note: None,
            competitor_notes: Vec::new(),
            legacy_competitors: None,
            potential,
            stage,
            archived: None,
            created_at: moment(now, created_days_ago, &mut dice),
            converted_at: None,
            // Some contacts told their birthday.
            birthday: dice.chance(12).then(|| crate::domain::MonthDay {
                month: dice.range(1, 12) as u32,
                day: dice.range(1, 28) as u32,
                year: None,
            }),
            contacted_elsewhere: None,
            anniversary: None,
            unreachable_phones: Vec::new(),
        };

        // A rep who keeps up: the last touch within the account's cadence
        // (a few slip past it), older ones spread over its history, more
        // of them and more visits for the big customers.
        let cadence = i64::from(cadence_of(stage));
        let history = created_days_ago.min(180);
        let slipping = dice.chance(SLIPPING_PERCENT);
        let last = if slipping { cadence + dice.range(1, 8) } else { dice.range(1, cadence) }.min(history);
        let weight = effort_weight(stage);
        let touches =
            (dice.range(0, 2 * options.touches_per_account as i64) as f64 * weight).round() as usize;
        slipped.push(slipping.then_some(last));
        for n in 0..touches.max(1) {
            touch_id += 1;
            let kind = touch_kind(&mut dice, stage);
            let inbound = dice.chance(15);
            let outcome = outcome_for(&mut dice, kind);
            let days_ago = if n == 0 { last } else { dice.range(last, history.max(last)) };
            let lesson = if days_ago <= 3 && dice.chance(15) {
                dice.pick(words.lessons).to_string()
            } else {
                String::new()
            };
            book.touches.push(Touch {
                id: TouchId(touch_id),
                uid: Uid::NIL,
                account: id,
                kind,
                at: moment(now, days_ago, &mut dice),
                direction: if inbound { Direction::Inbound } else { Direction::Outbound },
                outcome,
                note: dice.pick(words.notes(kind, outcome)).to_string(),
                lesson,
                purpose: Purpose::Ordinary,
                lost_to: None,
            });
        }

        if let Stage::Customer { tier, .. } = stage {
            let (low, high, min_orders, max_orders) = order_plan(tier);
            let orders = dice.range(min_orders as i64, max_orders as i64);
            let mut first: Option<NaiveDateTime> = None;
            for _ in 0..orders {
                order_id += 1;
                let at = moment(now, dice.range(1, 330), &mut dice);
                first = Some(first.map_or(at, |f| f.min(at)));
                book.orders.push(Order {
                    id: OrderId(order_id),
                    uid: Uid::NIL,
                    account: id,
                    amount: Money(i128::from(dice.range(low, high)) * 100),
                    at,
                    note: String::new(),
                });
                // Some sales were won on a call or a visit that day: the
                // touch says so, beside its order.
                if dice.chance(40) && at.date() >= now.date() - Duration::days(180) {
                    touch_id += 1;
                    let kind = if dice.chance(50) { TouchKind::Call } else { TouchKind::Visit };
                    book.touches.push(Touch {
                        id: TouchId(touch_id),
                        uid: Uid::NIL,
                        account: id,
                        kind,
                        at,
                        direction: Direction::Outbound,
                        outcome: Some(Outcome::Won),
                        note: dice.pick(words.notes(kind, Some(Outcome::Won))).to_string(),
                        lesson: String::new(),
                        purpose: Purpose::Ordinary,
                        lost_to: None,
                    });
                }
            }
            account.converted_at = first;
        }

        if dice.chance(5) {
            let reason = if dice.chance(50) { ArchiveReason::Lost } else { ArchiveReason::Dormant };
            let at = moment(now, dice.range(1, 60), &mut dice);
            account.archived = Some(Archived { reason, at, lost_to: None });
        } else if let Some(due_in) = promise_day(&mut dice) {
            follow_up_id += 1;
            let reason = match stage {
                Stage::Customer { .. } if dice.chance(35) => FollowUpReason::AfterSale,
                _ => FollowUpReason::Promised,
            };
            let kind = if dice.chance(85) { TouchKind::Call } else { TouchKind::Visit };
            let snoozes = if dice.chance(10) { dice.range(1, 3) as u32 } else { 0 };
            book.follow_ups.push(FollowUp {
                id: FollowUpId(follow_up_id),
                uid: Uid::NIL,
                account: id,
                due: now.date() + Duration::days(due_in),
                due_time: dice
                    .chance(20)
                    .then(|| NaiveTime::from_hms_opt(dice.range(9, 17) as u32, 0, 0))
                    .flatten(),
                kind,
                // After-sale care is for customers.
                reason,
                note: dice.pick(words.promises(reason, kind)).to_string(),
                status: if snoozes > 0 { FollowUpStatus::Snoozed } else { FollowUpStatus::Open },
                snoozes,
                created_at: moment(now, dice.range(2, 10), &mut dice),
                closed_at: None,
                snoozed_at: Vec::new(),
                referral: None,
                from_outcome: None,
                attempts: 0,
                attempted_at: Vec::new(),
                rescheduled_at: Vec::new(),
            });
        }
        if dice.chance(25) {
            follow_up_id += 1;
            let closed = moment(now, dice.range(1, 90), &mut dice);
            book.follow_ups.push(FollowUp {
                id: FollowUpId(follow_up_id),
                uid: Uid::NIL,
                account: id,
                due: closed.date(),
                due_time: None,
                kind: TouchKind::Call,
                reason: FollowUpReason::Promised,
                note: String::new(),
                status: if dice.chance(85) { FollowUpStatus::Done } else { FollowUpStatus::Skipped },
                snoozes: 0,
                created_at: closed - Duration::days(3),
                closed_at: Some(closed),
                snoozed_at: Vec::new(),
                referral: None,
                from_outcome: None,
                attempts: 0,
                attempted_at: Vec::new(),
                rescheduled_at: Vec::new(),
            });
        }
        book.accounts.push(account);
    }

    key_account_weeks(&mut book, &slipped, now, &mut dice, &words, &mut touch_id);
    competition::add(&mut book, &known_rivals, now, options.seed, &words);
    book.days = past_days(&book, now, &words);

    // Referrals point from an earlier account to a later one.
    let mut referral_id = 0;
    for index in 1..book.accounts.len() {
        if !dice.chance(8) {
            continue;
        }
        referral_id += 1;
        let referrer = AccountId(dice.range(1, index as i64) as u64);
        let referee = &book.accounts[index];
        let status = match referee.stage {
            Stage::Customer { .. } if dice.chance(50) => IncentiveStatus::Delivered,
            Stage::Customer { .. } => IncentiveStatus::Earned,
            Stage::Prospect { .. } => IncentiveStatus::Promised,
        };
        book.referrals.push(Referral {
            id: ReferralId(referral_id),
            uid: Uid::NIL,
            referrer,
            referee: referee.id,
            at: referee.created_at,
            incentive: dice.chance(80).then(|| dice.pick(words.incentives).to_string()),
            incentive_status: status,
            delivered_at: (status == IncentiveStatus::Delivered)
                .then(|| (referee.created_at + Duration::days(dice.range(20, 60))).min(now)),
        });
    }
    give_uids(&mut book, options.seed);
    book
}

/// Global ids from a generator of their own (the book's other dice stay
/// as they were), so that one seed makes one book, ids included.
fn give_uids(book: &mut Backup, seed: u64) {
    let mut rng = fastrand::Rng::with_seed(seed.rotate_left(17) ^ 0x0005_eed0_f1d5);
    let mut uid = |at: NaiveDateTime| {
        let random = rng.u128(..).to_le_bytes();
        Uid::v7(at, random[..10].try_into().expect("ten of sixteen bytes"))
    };
    book.accounts.iter_mut().for_each(|a| a.uid = uid(a.created_at));
    book.touches.iter_mut().for_each(|t| t.uid = uid(t.at));
    book.orders.iter_mut().for_each(|o| o.uid = uid(o.at));
    book.follow_ups.iter_mut().for_each(|f| f.uid = uid(f.created_at));
    book.referrals.iter_mut().for_each(|r| r.uid = uid(r.at));
    book.competitors.iter_mut().for_each(|c| c.uid = uid(c.created_at));
    for account in &mut book.accounts {
        let created = account.created_at;
        for note in &mut account.competitor_notes {
            note.uid = uid(note.confirmed.and_then(|d| d.and_hms_opt(9, 0, 0)).unwrap_or(created));
        }
    }
}

/// The last two weeks on record, as a rep who keeps up leaves them: each
/// day's plan the accounts worked that day (at most a day's capacity), the
/// days over, and the rep's reflections on the last few.
fn past_days(book: &Backup, now: NaiveDateTime, words: &Words) -> Vec<DayRecord> {
    use crate::domain::{PlanEntry, RowKind, Slot};
    let capacity = crate::config::PlanRules::default().capacity as usize;
    (1..=14)
        .map(|days_ago| {
            let date = now.date() - Duration::days(days_ago);
            let mut worked: Vec<AccountId> =
                book.touches.iter().filter(|t| t.at.date() == date).map(|t| t.account).collect();
            worked.sort();
            worked.dedup();
            worked.truncate(capacity);
            let mut day = DayRecord::new(date);
            day.plan = worked
                .into_iter()
                .map(|account| PlanEntry {
                    account,
                    kind: RowKind::Cadence,
                    follow_up: None,
                    slot: Slot::Score,
                    channel: None,
                })
                .collect();
            day.closed = true;
            if let Some(text) = words.reflections.get(days_ago as usize - 1) {
                day.reflection = text.to_string();
            }
            day
        })
        .collect()
}

impl App {
    /// Fills an empty store with the demo book.
    pub fn fill_demo(&self, options: DemoOptions) -> AppResult<BackupCounts> {
        if !(1..=MAX_ACCOUNTS).contains(&options.accounts) {
            let (max, given) = (MAX_ACCOUNTS, options.accounts);
            return Err(AppError::Invalid(msg::ErrorDemoAccounts { max, given }.text(self.config.ui.lang())));
        }
        if options.touches_per_account > MAX_TOUCHES_PER_ACCOUNT {
            let (max, given) = (MAX_TOUCHES_PER_ACCOUNT, options.touches_per_account);
            return Err(AppError::Invalid(msg::ErrorDemoTouches { max, given }.text(self.config.ui.lang())));
        }
        if options.accounts * options.touches_per_account > MAX_TOUCHES {
            return Err(AppError::Invalid(
                msg::ErrorDemoTotal { max: MAX_TOUCHES }.text(self.config.ui.lang()),
            ));
        }
        if !self.store.is_empty()? {
            let path = self.store.dir().display().to_string();
            return Err(AppError::Conflict(msg::ErrorDemoNotEmpty { path }.text(self.config.ui.lang())));
        }
        let book = generate(options, self.config.contacts.default_region, self.now());
        self.import_backup(
            &book,
            &crate::i18n::msg::HistoryDemoLabel { seed: options.seed }.text(self.config.ui.lang()),
            false,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::parse_timestamp;

    #[test]
    fn same_seed_same_book_and_every_stage_is_present() {
        let now = parse_timestamp("2026-11-27T09:00").unwrap();
        let options = DemoOptions { accounts: 300, seed: 3, touches_per_account: 8, lang: Lang::En };
        let us: Option<Region> = "US".parse().ok();
        let book = generate(options, us, now);
        assert_eq!(book, generate(options, us, now));
        assert_ne!(book, generate(DemoOptions { seed: 4, ..options }, us, now));
        assert_eq!(book.checked().unwrap(), book, "the demo is clean input");
        for grade in Grade::ALL {
            assert!(book.accounts.iter().any(|a| a.stage.grade() == Some(*grade)), "grade {grade}");
        }
        for tier in Tier::ALL {
            assert!(book.accounts.iter().any(|a| a.stage.tier() == Some(*tier)), "tier {tier}");
        }
        assert!(book.accounts.iter().any(|a| a.name.is_ascii()));
        assert!(book.accounts.iter().any(|a| !a.name.is_ascii()));
        assert!(book.accounts.iter().any(|a| a.archived.is_some()));
        assert!(!book.referrals.is_empty());
        assert!(book.follow_ups.iter().any(|f| f.is_pending() && f.due == now.date()));
        assert!(!book.follow_ups.iter().any(|f| f.is_pending() && f.due < now.date()), "none overdue");
        assert!(book.touches.iter().all(|t| t.at <= now && t.at >= now - Duration::days(181)));
    }

    #[test]
    fn the_demo_reads_true() {
        let now = parse_timestamp("2026-11-27T09:00").unwrap();
        for lang in [Lang::En, Lang::ZhCn] {
            let book = generate(DemoOptions { lang, ..DemoOptions::default() }, None, now);
            let words = Words::of(lang);
            for touch in &book.touches {
                assert!(
                    words.notes(touch.kind, touch.outcome).contains(&touch.note.as_str()),
                    "{:?} {:?}: {:?}",
                    touch.kind,
                    touch.outcome,
                    touch.note
                );
                if touch.outcome == Some(Outcome::Won) {
                    let ordered = book.orders.iter().any(|o| o.account == touch.account && o.at == touch.at);
                    assert!(ordered, "a won touch has its order: {touch:?}");
                }
            }
            let customer =
                |id: AccountId| book.accounts.iter().any(|a| a.id == id && a.stage.tier().is_some());
            assert!(
                book.follow_ups
                    .iter()
                    .filter(|f| f.reason == FollowUpReason::AfterSale)
                    .all(|f| customer(f.account)),
                "after-sale care is for customers"
            );
            assert!(book.accounts.iter().filter(|a| a.birthday.is_some()).count() > 10, "some birthdays");
            assert!(
                book.days.iter().all(|d| d.closed && d.plan.len() <= 25),
                "past days on record, each a day's work"
            );
            if lang == Lang::En {
                assert!(
                    book.touches.iter().all(|t| t.note.is_ascii()),
                    "an English book's notes are English"
                );
            }
        }
    }

    #[test]
    fn a_chinese_demo_is_written_in_chinese() {
        let now = parse_timestamp("2026-11-27T09:00").unwrap();
        let options = DemoOptions { lang: Lang::ZhCn, ..DemoOptions::default() };
        let book = generate(options, None, now);
        let latin = |text: &str| !text.is_empty() && text.is_ascii();
        assert!(!book.touches.iter().any(|t| latin(&t.note) || latin(&t.lesson)));
        assert!(!book.follow_ups.iter().any(|f| latin(&f.note)));
        assert!(!book.accounts.iter().any(|a| a.tags.iter().any(|t| latin(t))));
        assert!(!book.accounts.iter().any(|a| a.source.as_deref().is_some_and(latin)));
        assert!(!book.referrals.iter().any(|r| r.incentive.as_deref().is_some_and(latin)));
        assert!(!book.accounts.iter().any(|a| a.name.is_ascii()), "a Chinese book");
        assert!(
            !book.accounts.iter().flat_map(|a| &a.phones).any(|p| p.starts_with("+49")),
            "Chinese numbers"
        );
        assert!(book.touches.iter().any(|t| !t.note.is_empty()), "the notes are there");
    }

    #[test]
    fn an_english_demo_has_western_names_and_the_region_s_phones() {
        let now = parse_timestamp("2026-11-27T09:00").unwrap();
        let options = DemoOptions { lang: Lang::En, ..DemoOptions::default() };
        let chinese = |text: &str| text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        for region in ["US", "DE", "CN", ""] {
            let book = generate(options, region.parse().ok(), now);
            for account in &book.accounts {
                assert!(!chinese(&account.name), "{region}: {}", account.name);
                assert!(!account.company.as_deref().is_some_and(chinese), "{region}: {:?}", account.company);
                assert!(!account.tags.iter().any(|t| chinese(t)), "{region}: {:?}", account.tags);
            }
            assert!(!book.follow_ups.iter().any(|f| chinese(&f.note)));
            assert!(!book.days.iter().any(|d| chinese(&d.reflection)));
            assert!(book.accounts.iter().any(|a| a.name.ends_with(" Vander Wal")), "particles");
        }
        let us = generate(options, "US".parse().ok(), now);
        let phones: Vec<&str> = us.accounts.iter().flat_map(|a| &a.phones).map(String::as_str).collect();
        assert!(phones.iter().all(|p| crate::domain::phone::looks_north_american(p)), "{phones:?}");
        let distinct: std::collections::HashSet<&&str> = phones.iter().collect();
        assert_eq!(distinct.len(), phones.len(), "one number per account");
        let german = generate(options, "DE".parse().ok(), now);
        assert!(german.accounts.iter().flat_map(|a| &a.phones).all(|p| p.starts_with("+49 ")));
    }

    #[test]
    fn every_demo_number_dials_in_the_demo_s_region() {
        use crate::domain::phone::{Region, e164};
        let now = parse_timestamp("2026-11-27T09:00").unwrap();
        for (lang, region) in
            [(Lang::ZhCn, "CN"), (Lang::En, "US"), (Lang::En, "CA"), (Lang::En, "DE"), (Lang::En, "CN")]
        {
            let region: Region = region.parse().unwrap();
            let book = generate(DemoOptions { lang, ..DemoOptions::default() }, Some(region), now);
            let phones = book.accounts.iter().flat_map(|a| &a.phones);
            let undialled: Vec<&String> = phones.filter(|p| e164(p, region).is_none()).collect();
            assert!(undialled.is_empty(), "{lang:?} in {region}: {undialled:?}");
        }
    }
}
