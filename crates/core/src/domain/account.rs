use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::keyword::keyword_enum;
use super::phone::{self, Region};
use super::{AccountId, CompetitorId, CompetitorNote, Money, MonthDay, Uid};

keyword_enum! {
    /// How likely a prospect is to buy; decides cadence and rank.
    pub enum Grade ("grade") {
        A = "A",
        B = "B",
        C = "C",
        D = "D",
    }
}

impl Grade {
    /// One step hotter (towards A); None when already at A.
    pub fn raised(self) -> Option<Grade> {
        match self {
            Grade::A => None,
            Grade::B => Some(Grade::A),
            Grade::C => Some(Grade::B),
            Grade::D => Some(Grade::C),
        }
    }

    /// One step colder (towards D); None when already at D.
    pub fn lowered(self) -> Option<Grade> {
        match self {
            Grade::A => Some(Grade::B),
            Grade::B => Some(Grade::C),
            Grade::C => Some(Grade::D),
            Grade::D => None,
        }
    }
}

keyword_enum! {
    /// A customer's value class, from revenue over the last 12 months.
    pub enum Tier ("tier") {
        Small = "small" | "小" | "小客户",
        Medium = "medium" | "中" | "中客户",
        Large = "large" | "大" | "大客户",
        Vip = "vip",
    }
}

keyword_enum! {
    pub enum ArchiveReason ("archive reason") {
        Lost = "lost" | "流失",
        Dormant = "dormant" | "休眠",
    }
}

keyword_enum! {
    /// The coarse stage used by filters and reports.
    pub enum StageKind ("stage") {
        Prospect = "prospect",
        Customer = "customer",
        Archived = "archived",
    }
}

/// Where an account stands in the pipeline while it is active.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Stage {
    Prospect {
        grade: Grade,
    },
    Customer {
        tier: Tier,
        /// A tier the rep chose by hand; suggestions never override it.
        #[serde(default)]
        tier_pinned: bool,
    },
}

impl Stage {
    pub fn grade(self) -> Option<Grade> {
        match self {
            Stage::Prospect { grade } => Some(grade),
            Stage::Customer { .. } => None,
        }
    }

    pub fn tier(self) -> Option<Tier> {
        match self {
            Stage::Customer { tier, .. } => Some(tier),
            Stage::Prospect { .. } => None,
        }
    }
}

/// Archiving hides an account from the daily work but keeps everything, and
/// remembers the stage it had so `restore` brings it back as it was.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Archived {
    pub reason: ArchiveReason,
    pub at: NaiveDateTime,
    /// The competitor a prospect archived as lost went to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lost_to: Option<CompetitorId>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub id: AccountId,
    #[serde(default, skip_serializing_if = "Uid::is_nil")]
    pub uid: Uid,
    pub name: String,
    /// The family name as the contact's own file split the name (its
    /// Last Name column, a vCard's `N`), where that differs from how
    /// Leadline would split it; exports write it back as it came.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// As typed (cleaned), for the rep to read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<String>,
    /// Each of `phones` in its international form (E.164), in their order,
    /// empty where a number has none; kept by [`Account::set_phones`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones_e164: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Who else sells to them, and what the rep knows of each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub competitor_notes: Vec<CompetitorNote>,
    /// The free text books held before competitors were records; read,
    /// never written: [`Account::carry_over_competitors`] makes it a note.
    #[serde(default, rename = "competitors", skip_serializing)]
    pub legacy_competitors: Option<String>,
    /// Estimated yearly value if won.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub potential: Option<Money>,
    pub stage: Stage,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived: Option<Archived>,
    pub created_at: NaiveDateTime,
    /// When the first order turned the prospect into a customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub converted_at: Option<NaiveDateTime>,
    /// The contact's birthday, greeted each year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birthday: Option<MonthDay>,
    /// The last contact another tool recorded before the account came in
    /// (HubSpot's or Pipedrive's last activity date): the last touch until
    /// Leadline records a later one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contacted_elsewhere: Option<NaiveDate>,
    /// A day the customer is greeted on each year; without one, the day
    /// of the first order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anniversary: Option<NaiveDate>,
    /// Phones (as typed) a call found to be a wrong number: the plan does
    /// not offer them until they are changed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unreachable_phones: Vec<String>,
}

/// A field [`Account::fill_in`] filled in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilledField {
    Company,
    Title,
    Email,
    Address,
    Source,
    Note,
    Birthday,
    Potential,
    Phones,
    Tags,
}

impl Account {
    /// A prospect with nothing but its grade and creation time, for the
    /// services to fill in (its id comes with the commit).
    pub fn prospect(grade: Grade, created_at: NaiveDateTime) -> Account {
        Account {
            id: AccountId(0),
            uid: Uid::NIL,
            name: String::new(),
            family_name: None,
            company: None,
            title: None,
            phones: Vec::new(),
            phones_e164: Vec::new(),
            email: None,
            address: None,
            tags: Vec::new(),
            source: None,
            note: None,
            competitor_notes: Vec::new(),
            legacy_competitors: None,
            potential: None,
            stage: Stage::Prospect { grade },
            archived: None,
            created_at,
            converted_at: None,
            birthday: None,
            contacted_elsewhere: None,
            anniversary: None,
            unreachable_phones: Vec::new(),
        }
    }

    /// Makes the free text of an older book's competitors field a note of
    /// its own, every character kept, its competitor not yet named.
    pub fn carry_over_competitors(&mut self) {
        if let Some(text) = self.legacy_competitors.take().filter(|t| !t.trim().is_empty()) {
            self.competitor_notes.insert(0, CompetitorNote { note: Some(text), ..CompetitorNote::default() });
        }
    }

    /// The given names and the family name: as the contact's file split
    /// them while the name still holds that family name, else by
    /// [`super::names::given_and_family`].
    pub fn given_and_family(&self) -> (String, String) {
        self.family_name
            .as_deref()
            .and_then(|family| super::names::split_at_family(&self.name, family))
            .unwrap_or_else(|| super::names::given_and_family(&self.name))
    }

    /// Sets the phones as typed, and their international forms; a phone
    /// marked a wrong number stays marked only while it is still there.
    pub fn set_phones(&mut self, phones: Vec<String>, region: Region) {
        self.phones_e164 = phone::e164_list(&phones, region);
        self.unreachable_phones.retain(|wrong| phones.contains(wrong));
        self.phones = phones;
    }

    /// The phones not marked a wrong number, in their order.
    pub fn reachable_phones(&self) -> impl Iterator<Item = &str> {
        self.phones.iter().filter(|p| !self.unreachable_phones.contains(p)).map(String::as_str)
    }

    /// Sets `phones_e164` where it is missing or out of step (after the
    /// phones changed, or in a record written before numbers were
    /// normalised).
    pub fn normalise_phones(&mut self, region: Region) {
        if self.phones_need_normalising() {
            self.phones_e164 = phone::e164_list(&self.phones, region);
        }
    }

    /// Takes from `other` (the same person, met again in an import) what
    /// this account lacks: its empty fields, and phones and tags it does
    /// not have. Nothing it has is overwritten. Says what was filled in;
    /// an email of `other` that differs from this one's is left for the
    /// caller (an account keeps one).
    pub fn fill_in(&mut self, other: &Account, region: Region) -> Vec<FilledField> {
        let mut filled = Vec::new();
        let mut take = |mine: &mut Option<String>, theirs: &Option<String>, field| {
            if mine.as_deref().is_none_or(|m| m.trim().is_empty()) && theirs.is_some() {
                *mine = theirs.clone();
                filled.push(field);
            }
        };
        take(&mut self.company, &other.company, FilledField::Company);
        take(&mut self.title, &other.title, FilledField::Title);
        take(&mut self.email, &other.email, FilledField::Email);
        take(&mut self.address, &other.address, FilledField::Address);
        take(&mut self.source, &other.source, FilledField::Source);
        take(&mut self.note, &other.note, FilledField::Note);
        if self.birthday.is_none() && other.birthday.is_some() {
            self.birthday = other.birthday;
            filled.push(FilledField::Birthday);
        }
        if self.potential.is_none() && other.potential.is_some() {
            self.potential = other.potential;
            filled.push(FilledField::Potential);
        }
        let known = self.phone_match_keys(region);
        let new_phones: Vec<String> = other
            .phones
            .iter()
            .zip(other.phone_match_keys(region))
            .filter(|(_, key)| !known.contains(key))
            .map(|(phone, _)| phone.clone())
            .take(super::contact::MAX_PHONES.saturating_sub(self.phones.len()))
            .collect();
        if !new_phones.is_empty() {
            let mut phones = self.phones.clone();
            phones.extend(new_phones);
            self.set_phones(phones, region);
            filled.push(FilledField::Phones);
        }
        let room = super::contact::MAX_TAGS.saturating_sub(self.tags.len());
        let new_tags: Vec<String> =
            other.tags.iter().filter(|t| !self.tags.contains(t)).take(room).cloned().collect();
        if !new_tags.is_empty() {
            self.tags.extend(new_tags);
            filled.push(FilledField::Tags);
        }
        filled
    }

    /// Whether `phones_e164` is missing (written before numbers were
    /// normalised, or by hand) or out of step with the phones.
    fn phones_need_normalising(&self) -> bool {
        self.phones_e164.len() != self.phones.len()
    }

    /// What identifies each phone across spellings: its international form,
    /// else its digits as typed.
    pub fn phone_match_keys(&self, region: Region) -> Vec<String> {
        let e164 = match self.phones_need_normalising() {
            true => std::borrow::Cow::Owned(phone::e164_list(&self.phones, region)),
            false => std::borrow::Cow::Borrowed(&self.phones_e164),
        };
        self.phones.iter().zip(e164.iter()).map(|(typed, e164)| phone::match_key(typed, e164)).collect()
    }

    /// The number to dial for each phone: its international form where it
    /// has one, else as typed.
    pub fn dial_numbers(&self) -> impl Iterator<Item = &str> {
        self.phones.iter().enumerate().map(|(i, typed)| match self.phones_e164.get(i) {
            Some(e164) if !e164.is_empty() => e164.as_str(),
            _ => typed.as_str(),
        })
    }

    /// The phones with the digits of a whole number that have no
    /// international form: most likely from abroad, written without their
    /// country code (see [`phone::is_doubtful`]).
    pub fn doubtful_phones(&self) -> impl Iterator<Item = &str> {
        let none = String::new();
        self.phones.iter().enumerate().filter_map(move |(i, typed)| {
            let e164 = self.phones_e164.get(i).unwrap_or(&none);
            phone::is_doubtful(typed, e164).then_some(typed.as_str())
        })
    }

    /// The day a customer's relationship is greeted on each year: the one
    /// set, else the day of the first order.
    pub fn anniversary(&self) -> Option<NaiveDate> {
        self.anniversary.or(self.converted_at.map(|t| t.date()))
    }

    pub fn stage_kind(&self) -> StageKind {
        if self.archived.is_some() {
            StageKind::Archived
        } else {
            match self.stage {
                Stage::Prospect { .. } => StageKind::Prospect,
                Stage::Customer { .. } => StageKind::Customer,
            }
        }
    }

    pub fn is_active(&self) -> bool {
        self.archived.is_none()
    }

    pub fn stage_label(&self) -> super::StageLabel {
        super::StageLabel { stage: self.stage, archived: self.archived.as_ref().map(|a| a.reason) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_duplicate_fills_in_what_the_account_lacks_and_overwrites_nothing() {
        let at = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap().and_hms_opt(9, 0, 0).unwrap();
        let region = Region::default();
        let mut kept = Account::prospect(Grade::B, at);
        kept.name = "Ann Lee".into();
        kept.company = Some("Lee Farms".into());
        kept.set_phones(vec!["138 0000 1111".into()], region);
        kept.tags = vec!["corn".into()];
        let mut row = Account::prospect(Grade::C, at);
        row.company = Some("Other Co".into());
        row.address = Some("1 Main St".into());
        row.email = Some("ann@example.com".into());
        row.set_phones(vec!["+86 138 0000 1111".into(), "139 0000 2222".into()], region);
        row.tags = vec!["corn".into(), "soy".into()];
        let filled = kept.fill_in(&row, region);
        assert_eq!(
            filled,
            [FilledField::Email, FilledField::Address, FilledField::Phones, FilledField::Tags]
        );
        assert_eq!(kept.company.as_deref(), Some("Lee Farms"), "what it has stays");
        assert_eq!(
            kept.phones,
            ["138 0000 1111", "139 0000 2222"],
            "one number in another spelling is not added"
        );
        assert_eq!(kept.tags, ["corn", "soy"]);
        assert_eq!(kept.stage, Stage::Prospect { grade: Grade::B });
        assert!(kept.fill_in(&row, region).is_empty(), "twice fills nothing more");
    }
}
