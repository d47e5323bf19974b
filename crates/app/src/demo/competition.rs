//! The competition in a demo book: the brands a farm-supply rep meets,
//! notes at most key accounts and some others, and a few deals lost to
//! them. Its own dice, so the rest of the book stays as the seed made it.

use chrono::{Duration, NaiveDateTime};

use super::words::{Rival, Words};
use super::{Dice, key_accounts};
use crate::backup::Backup;
use crate::domain::{
    ArchiveReason, Competitor, CompetitorId, CompetitorNote, Money, Outcome, Question, Stage, Uid,
};

/// Key accounts with notes, in percent: a rep who keeps up knows who
/// else sells at most of them.
const KEY_ACCOUNTS_KNOWN: u32 = 85;

/// One rival's note, confirmed `days_ago`.
fn note(
    dice: &mut Dice,
    id: CompetitorId,
    rival: &Rival,
    days_ago: i64,
    now: NaiveDateTime,
) -> CompetitorNote {
    let mut note = CompetitorNote {
        competitor: Some(id),
        confirmed: Some(now.date() - Duration::days(days_ago)),
        ..CompetitorNote::default()
    };
    for (question, answers) in [
        (Question::Strength, rival.strength),
        (Question::Offer, rival.offer),
        (Question::Floor, rival.floor),
        (Question::Weakness, rival.weakness),
        (Question::Edge, rival.edge),
    ] {
        // Reps learn most answers, not every one.
        if dice.chance(80) {
            *note.answer_mut(question) = Some(dice.pick(answers).to_string());
        }
    }
    if dice.chance(70) {
        note.price = Some(Money(i128::from(dice.range(rival.price.0, rival.price.1)) * 100));
    }
    if dice.chance(50) {
        note.credit_days = Some(*dice.pick(rival.credit_days));
    }
    note
}

/// Adds the book's competitors, their notes and the deals lost to them.
/// `known` is, per account, the rival a note was drawn for while the
/// account was made (an index of `words.rivals`).
pub(super) fn add(book: &mut Backup, known: &[Option<usize>], now: NaiveDateTime, seed: u64, words: &Words) {
    let mut dice = Dice(fastrand::Rng::with_seed(seed.rotate_left(29) ^ 0x00c0_4bed));
    let ids: Vec<CompetitorId> = (1..=words.rivals.len() as u64).map(CompetitorId).collect();
    book.competitors = words
        .rivals
        .iter()
        .zip(&ids)
        .map(|(rival, id)| Competitor {
            id: *id,
            uid: Uid::NIL,
            name: rival.name.to_string(),
            aliases: rival.aliases.iter().map(|a| a.to_string()).collect(),
            merged_into: None,
            created_at: now - Duration::days(200),
        })
        .collect();
    let key = key_accounts(book, now);
    for (index, account) in book.accounts.iter_mut().enumerate() {
        let mut rivals: Vec<usize> = known[index].into_iter().collect();
        if key[index] && dice.chance(KEY_ACCOUNTS_KNOWN) {
            let first = dice.0.usize(..words.rivals.len());
            if !rivals.contains(&first) {
                rivals.push(first);
            }
            // Big accounts are fought over: a second supplier now and then.
            let second = dice.0.usize(..words.rivals.len());
            if dice.chance(35) && !rivals.contains(&second) {
                rivals.push(second);
            }
        }
        for rival in rivals {
            // Some go unconfirmed for a season: they show as stale.
            let days_ago = if dice.chance(20) { dice.range(95, 200) } else { dice.range(3, 80) };
            account.competitor_notes.push(note(&mut dice, ids[rival], &words.rivals[rival], days_ago, now));
        }
    }
    lose_deals(book, &ids, now, &mut dice, words);
}

/// Some declined prospects went to a competitor, and so did some accounts
/// archived as lost; each such account has a note on who won it.
fn lose_deals(book: &mut Backup, ids: &[CompetitorId], now: NaiveDateTime, dice: &mut Dice, words: &Words) {
    let index_of: std::collections::HashMap<_, _> =
        book.accounts.iter().enumerate().map(|(i, a)| (a.id, i)).collect();
    let mut lost: Vec<(usize, usize, i64)> = Vec::new();
    for touch in &mut book.touches {
        let index = index_of[&touch.account];
        let prospect = matches!(book.accounts[index].stage, Stage::Prospect { .. });
        if touch.outcome == Some(Outcome::Declined) && prospect && dice.chance(40) {
            let rival = dice.0.usize(..ids.len());
            touch.lost_to = Some(ids[rival]);
            lost.push((index, rival, (now.date() - touch.at.date()).num_days()));
        }
    }
    for (index, account) in book.accounts.iter_mut().enumerate() {
        if let Some(archived) = account.archived.as_mut().filter(|a| a.reason == ArchiveReason::Lost) {
            if dice.chance(70) {
                let rival = dice.0.usize(..ids.len());
                archived.lost_to = Some(ids[rival]);
                lost.push((index, rival, (now.date() - archived.at.date()).num_days()));
            }
        }
    }
    for (index, rival, days_ago) in lost {
        let account = &mut book.accounts[index];
        if !account.competitor_notes.iter().any(|n| n.competitor == Some(ids[rival])) {
            let won = note(dice, ids[rival], &words.rivals[rival], days_ago.max(0), now);
            account.competitor_notes.push(won);
        }
    }
}
