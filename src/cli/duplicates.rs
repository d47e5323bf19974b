//! `dupes` and `merge`: likely duplicates, and two accounts made one.

use crate::i18n::Text as _;
use crate::i18n::msg;
use crate::i18n::msg_id;
use serde::Serialize;

use super::json::{self, date};
use super::table::{Align, Table};
use super::{CliResult, done, lang, print, print_raw};
use crate::analysis::duplicates::Likeness;
use crate::app::{AccountRecord, App, DoubtfulPhone, Duplicates, Merged};
use crate::domain::Account;
use crate::domain::phone::Region;
use crate::i18n::Lang;

pub fn dupes(app: &App, as_json: bool) -> CliResult<i32> {
    let found = app.duplicates()?;
    if as_json {
        print_raw(&json::to_string(&groups_json(&found)));
    } else {
        print(&dupes_text(&found, app.region(), lang()));
    }
    Ok(0)
}

fn likeness_words(likeness: Likeness, value: &str, lang: Lang) -> String {
    crate::i18n::terms::likeness(likeness, value, lang)
}

/// The numbers kept as typed under `head`, one line each; nothing when
/// there are none.
pub fn doubtful_text(doubtful: &[DoubtfulPhone], head: impl FnOnce(usize) -> String) -> String {
    if doubtful.is_empty() {
        return String::new();
    }
    let mut out = format!("{}\n", head(doubtful.len()));
    for DoubtfulPhone { account, name, phone } in doubtful {
        out.push_str(&format!("  #{account} {name}: {phone}\n"));
    }
    out
}

fn dupes_text(found: &Duplicates, region: Region, lang: Lang) -> String {
    let region = region.to_string();
    let head = |count| msg::CliDupesDoubtful { count, region }.text(lang);
    let doubtful = doubtful_text(&found.doubtful, head);
    if found.groups.is_empty() {
        return format!("{}\n{doubtful}", msg::CliDupesNone { count: found.compared }.text(lang));
    }
    let mut out = format!("{}\n", msg::CliDupesHead { groups: found.groups.len() }.text(lang));
    let h: Vec<String> = [
        msg_id!("col-id"),
        msg_id!("col-name"),
        msg_id!("col-company"),
        msg_id!("col-phone"),
        msg_id!("col-stage"),
        msg_id!("col-last-touch"),
    ]
    .iter()
    .map(|id| lang.text(id))
    .collect();
    let list = msg::ListSeparator.text(lang);
    for group in &found.groups {
        out.push('\n');
        for shared in &group.shared {
            let ids: Vec<String> = shared.accounts.iter().map(|id| format!("#{id}")).collect();
            out.push_str(&format!(
                "  {}: {}\n",
                likeness_words(shared.likeness, &shared.value, lang),
                ids.join(&list)
            ));
        }
        let mut table = Table::new(&[
            (h[0].as_str(), Align::Right, 10),
            (h[1].as_str(), Align::Left, 24),
            (h[2].as_str(), Align::Left, 28),
            (h[3].as_str(), Align::Left, 20),
            (h[4].as_str(), Align::Left, 16),
            (h[5].as_str(), Align::Left, 10),
        ]);
        for id in &group.accounts {
            let Some(record) = found.accounts.get(id) else { continue };
            let account = &record.account;
            table.row(vec![
                id.to_string(),
                account.name.clone(),
                account.company.clone().unwrap_or_default(),
                account.phones.first().cloned().unwrap_or_default(),
                stage_words(account, lang),
                record.stats.last_touch.map_or_else(|| "-".into(), |t| t.format("%Y-%m-%d").to_string()),
            ]);
        }
        for line in table.render().lines() {
            out.push_str(&format!("  {line}\n"));
        }
    }
    out.push_str(&format!("\n{}\n", msg::CliDupesHint.text(lang)));
    if !doubtful.is_empty() {
        out.push_str(&format!("\n{doubtful}"));
    }
    out
}

fn stage_words(account: &Account, lang: Lang) -> String {
    super::text::stage_words(account.stage_label(), lang)
}

#[derive(Serialize)]
struct GroupJson {
    accounts: Vec<MemberJson>,
    shared: Vec<SharedJson>,
}

#[derive(Serialize)]
struct MemberJson {
    id: u64,
    name: String,
    company: Option<String>,
    phones: Vec<String>,
    email: Option<String>,
    stage: String,
    archived: bool,
    last_touch: Option<String>,
}

#[derive(Serialize)]
struct SharedJson {
    /// phone, email, name-and-company or sounds-alike
    likeness: &'static str,
    value: String,
    accounts: Vec<u64>,
}

fn member(record: &AccountRecord) -> MemberJson {
    let account = &record.account;
    MemberJson {
        id: account.id.0,
        name: account.name.clone(),
        company: account.company.clone(),
        phones: account.phones.clone(),
        email: account.email.clone(),
        stage: account.stage_label().kind_and_class(),
        archived: account.archived.is_some(),
        last_touch: record.stats.last_touch.map(|t| date(t.date())),
    }
}

fn groups_json(found: &Duplicates) -> Vec<GroupJson> {
    found
        .groups
        .iter()
        .map(|group| GroupJson {
            accounts: group.accounts.iter().filter_map(|id| found.accounts.get(id)).map(member).collect(),
            shared: group
                .shared
                .iter()
                .map(|s| SharedJson {
                    likeness: s.likeness.as_str(),
                    value: s.value.clone(),
                    accounts: s.accounts.iter().map(|id| id.0).collect(),
                })
                .collect(),
        })
        .collect()
}

pub fn merge(
    app: &App,
    keep: &str,
    other: &str,
    keep_referral: Option<u64>,
    dry_run: bool,
) -> CliResult<i32> {
    let keep = app.resolve_account(keep)?;
    let other = app.resolve_account(other)?;
    let merged = app.merge_accounts(keep, other, keep_referral.map(crate::domain::ReferralId), dry_run)?;
    let lang = lang();
    let Merged { account, gone, moved } = &merged;
    let (keep, keep_id) = (account.name.as_str(), account.id.to_string());
    let (gone, gone_id, moved) = (gone.name.as_str(), gone.id.to_string(), moved_words(moved, lang));
    if dry_run {
        let would = msg::CliMergeWould { keep, keep_id, gone, gone_id, moved }.text(lang);
        print(&format!("{would}\n{}", merged_card(account, lang)));
    } else {
        done(&msg::CliMerged { keep, keep_id, gone, gone_id, moved }.text(lang));
    }
    Ok(0)
}

/// "2 touches, 1 order and 1 follow-up", what there was to move.
fn moved_words(moved: &crate::app::Moved, lang: Lang) -> String {
    let parts: Vec<String> = [
        (msg_id!("merge-touches"), moved.touches),
        (msg_id!("merge-orders"), moved.orders),
        (msg_id!("merge-follow-ups"), moved.follow_ups),
        (msg_id!("merge-referrals"), moved.referrals),
    ]
    .into_iter()
    .filter(|(_, count)| *count > 0)
    .map(|(id, count)| lang.text_with(id, &[("count", count.into())]))
    .collect();
    match parts.split_last() {
        None => msg::MergeNothing.text(lang),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => {
            msg::MergeAnd { list: rest.join(&msg::ListSeparator.text(lang)), last: last.as_str() }.text(lang)
        }
    }
}

/// The account a merge makes, field by field.
fn merged_card(account: &Account, lang: Lang) -> String {
    let list = msg::ListSeparator.text(lang);
    let mut out = format!("{} (#{})  {}\n", account.name, account.id, stage_words(account, lang));
    let fields = [
        (msg_id!("card-company"), account.company.clone()),
        (msg_id!("card-title-field"), account.title.clone()),
        (msg_id!("card-phone"), Some(account.phones.join(&list))),
        (msg_id!("card-email"), account.email.clone()),
        (msg_id!("card-address"), account.address.clone()),
        (msg_id!("card-tags"), Some(account.tags.join(&list))),
        (msg_id!("card-source"), account.source.clone()),
        (msg_id!("card-birthday"), account.birthday.map(|b| b.to_string())),
        (msg_id!("card-potential"), account.potential.map(crate::domain::Money::grouped)),
        (msg_id!("card-note"), account.note.clone()),
    ];
    for (id, value) in fields {
        super::text::field(&mut out, &lang.text(id), value);
    }
    out
}
