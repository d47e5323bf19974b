//! Account: the card of the account opened last, its follow-ups and
//! referrals, its competitors, and the timeline: open follow-ups, then
//! touches and orders, newest first. One competitor note or timeline entry
//! is selected to correct (E) or delete (D); w notes a competitor.

use crate::i18n::msg;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::Question;
use super::{Reply, Screen};
use crate::app::{AccountDetail, AccountMarks, Past};
use crate::config::Ui;
use crate::domain::{AccountId, CompetitorId, CompetitorNote, Direction, FollowUp, Order, Touch};
use crate::i18n::shown::ShownTime as _;
use crate::tui::context::Context;
use crate::tui::forms::{FieldsForm, Form};
use crate::tui::keymap::{Command, Scope};
use crate::tui::msg::Removal;
use crate::tui::theme::Theme;
use crate::tui::views::parts::{bordered, fit_line, header_line};
use chrono::{NaiveDate, NaiveTime};

#[derive(Debug)]
pub struct AccountView {
    pub detail: AccountDetail,
    /// The timeline entry selected.
    pub selected: usize,
}

/// One line of the competitors panel or of the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry<'a> {
    /// A competitor note, with its place in the account's list.
    Competitor(usize, &'a CompetitorNote),
    FollowUp(&'a FollowUp),
    Touch(&'a Touch),
    Order(&'a Order),
}

impl AccountView {
    /// The competitor notes, then the open follow-ups, earliest first,
    /// then touches and orders, newest first.
    pub fn entries(&self) -> Vec<Entry<'_>> {
        let detail = &self.detail;
        let mut pending: Vec<&FollowUp> = detail.follow_ups.iter().filter(|f| f.is_pending()).collect();
        pending.sort_by_key(|f| (f.due, f.due_time, f.id));
        let past = detail.past().into_iter().map(|p| match p {
            Past::Touch(t) => Entry::Touch(t),
            Past::Order(o) => Entry::Order(o),
        });
        let notes = detail.record.account.competitor_notes.iter().enumerate();
        notes
            .map(|(i, n)| Entry::Competitor(i, n))
            .chain(pending.into_iter().map(Entry::FollowUp))
            .chain(past)
            .collect()
    }

    pub fn selected_entry(&self) -> Option<Entry<'_>> {
        self.entries().get(self.selected).copied()
    }
}

#[derive(Debug, Default)]
pub struct Account {
    pub open: Option<AccountView>,
}

impl Account {
    pub fn open_id(&self) -> Option<AccountId> {
        self.open.as_ref().map(|v| v.detail.record.account.id)
    }

    /// Shows a freshly loaded account, from the top.
    pub fn show(&mut self, detail: AccountDetail) {
        self.open = Some(AccountView { detail, selected: 0 });
    }

    /// The open account, reloaded after a change: the selection stays
    /// where it was (on the last entry when the list got shorter), or goes
    /// to a competitor note just added (the last of the notes).
    pub fn reload(&mut self, detail: AccountDetail) {
        let notes_before = self.open.as_ref().map(|v| v.detail.record.account.competitor_notes.len());
        let notes = detail.record.account.competitor_notes.len();
        let selected = match (self.open.as_ref(), notes_before) {
            (Some(view), Some(before))
                if view.detail.record.account.id == detail.record.account.id && notes > before =>
            {
                notes - 1
            }
            (view, _) => view.map_or(0, |v| v.selected),
        };
        let mut view = AccountView { detail, selected };
        view.selected = selected.min(view.entries().len().saturating_sub(1));
        self.open = Some(view);
    }
}

impl Screen for Account {
    fn name(&self) -> &'static str {
        "account"
    }

    fn tab(&self, lang: crate::i18n::Lang) -> String {
        msg::TabAccount.text(lang)
    }

    fn short_tab(&self, lang: crate::i18n::Lang) -> String {
        msg::TabShortAccount.text(lang)
    }

    fn scopes(&self) -> &'static [Scope] {
        &[Scope::Account, Scope::Accounts, Scope::Scroll, Scope::Global]
    }

    fn selected_account(&self, _ctx: &Context) -> Option<AccountId> {
        self.open_id()
    }

    fn motion(&mut self, motion: Command, ctx: &Context) {
        let height = ctx.list_height(1) / 2;
        if let Some(view) = &mut self.open {
            let last = view.entries().len().saturating_sub(1);
            view.selected = match motion {
                Command::Down => view.selected + 1,
                Command::Up => view.selected.saturating_sub(1),
                Command::PageDown => view.selected + height,
                Command::PageUp => view.selected.saturating_sub(height),
                Command::Top => 0,
                _ => last,
            }
            .min(last);
        }
    }

    fn available(&self) -> bool {
        self.open.is_some()
    }

    fn command(&mut self, command: Command, ctx: &Context) -> Option<Reply> {
        let view = self.open.as_ref()?;
        let name = &view.detail.record.account.name;
        let lang = ctx.lang();
        let account = view.detail.record.account.id;
        if command == Command::AddCompetitor {
            let form = FieldsForm::competitor_note(account, name, None, &view.detail.competitors);
            return Some(Reply::Form(Form::Fields(form.for_rep(&ctx.config))));
        }
        let Some(entry) = view.selected_entry() else {
            return matches!(command, Command::CorrectEntry | Command::RemoveEntry)
                .then(|| Reply::Say(msg::InfoEmptyTimeline { name: name.as_str() }.text(lang)));
        };
        let kind = |kind: crate::domain::TouchKind| crate::i18n::terms::kind(kind, lang);
        match command {
            Command::CorrectEntry => Some(Reply::Form(Form::Fields(match entry {
                Entry::Touch(t) => FieldsForm::correct_touch(t, name).for_rep(&ctx.config),
                Entry::Order(o) => FieldsForm::correct_order(o, name).for_rep(&ctx.config),
                Entry::FollowUp(f) => FieldsForm::correct_follow_up(f, name).for_rep(&ctx.config),
                Entry::Competitor(position, note) => FieldsForm::competitor_note(
                    account,
                    name,
                    Some((position, note)),
                    &view.detail.competitors,
                )
                .for_rep(&ctx.config),
            }))),
            Command::RemoveEntry => {
                let (removal, words) = match entry {
                    Entry::Touch(t) => (
                        Removal::Touch(t.id),
                        msg::RemoveTouch { kind: kind(t.kind), at: ctx.config.ui.moment(t.at) }.text(lang),
                    ),
                    Entry::Order(o) => (
                        Removal::Order(o.id),
                        msg::RemoveOrder {
                            amount: ctx.config.ui.money(o.amount),
                            day: o.at.format("%Y-%m-%d").to_string(),
                        }
                        .text(lang),
                    ),
                    Entry::FollowUp(f) => (
                        Removal::FollowUp(f.id),
                        msg::RemoveFollowUp { due: ctx.config.ui.due(f), kind: kind(f.kind) }.text(lang),
                    ),
                    Entry::Competitor(position, note) => (
                        Removal::CompetitorNote(account, position),
                        msg::RemoveCompetitor {
                            competitor: competitor_name(&view.detail, note.competitor, lang).as_str(),
                        }
                        .text(lang),
                    ),
                };
                let question = msg::RemoveQuestion { what: words, name: name.as_str() }.text(lang);
                Some(Reply::Ask(Question::Remove(removal, question)))
            }
            _ => None,
        }
    }

    fn render(&self, ctx: &Context, theme: &Theme, frame: &mut Frame, header: Rect, body: Rect) {
        if let Some(view) = &self.open {
            draw(view, ctx, theme, frame, header, body);
        }
    }
}

/// A note's competitor by name, or that it is not named yet.
pub fn competitor_name(detail: &AccountDetail, id: Option<CompetitorId>, lang: crate::i18n::Lang) -> String {
    id.and_then(|id| detail.competitors.name_of(id))
        .map_or_else(|| msg::CompetitorUnnamed.text(lang), str::to_string)
}

/// "prospect, grade A", "customer, VIP (pinned)" in `lang`.
fn stage_long(account: &crate::domain::Account, lang: crate::i18n::Lang) -> String {
    use crate::domain::Stage;
    match (&account.archived, account.stage) {
        (Some(archived), _) => msg::StageArchived { reason: archived.reason.as_str() }.text(lang),
        (None, Stage::Prospect { grade }) => msg::StageProspect { grade: grade.to_string() }.text(lang),
        (None, Stage::Customer { tier, tier_pinned }) => {
            let tier = crate::i18n::terms::tier(tier, lang);
            if tier_pinned {
                msg::StageCustomerPinned { tier }.text(lang)
            } else {
                msg::StageCustomer { tier }.text(lang)
            }
        }
    }
}

fn field<'a>(label: String, value: String, theme: &Theme) -> Line<'a> {
    // Padded by screen columns: Chinese labels are two columns a character.
    let pad = " ".repeat(12usize.saturating_sub(Span::raw(label.as_str()).width()));
    Line::from(vec![Span::styled(format!("{label}{pad}"), theme.dim()), Span::raw(value)])
}

/// The account's 80/20 marks, and the tier its revenue suggests.
fn focus_words(ctx: &Context, id: AccountId) -> String {
    let Some(index) = ctx.book.index_of(id) else { return String::new() };
    let marks = AccountMarks::of(&ctx.focus, &ctx.book.summaries, index, ctx.today(), &ctx.config);
    let lang = ctx.lang();
    let tier = marks
        .suggested_tier
        .map(|t| msg::MarksSuggests { tier: crate::i18n::terms::tier(t, lang) }.text(lang));
    [marks.words(lang), tier].into_iter().flatten().collect::<Vec<_>>().join(&msg::ReasonJoin.text(lang))
}

fn draw(view: &AccountView, ctx: &Context, theme: &Theme, frame: &mut Frame, header: Rect, body: Rect) {
    let detail = &view.detail;
    let account = &detail.record.account;
    let stats = &detail.record.stats;
    let stage = stage_long(account, ctx.config.ui.lang());
    let title = match &account.company {
        Some(company) => format!("{}  {company}", account.name),
        None => account.name.clone(),
    };
    header_line(
        frame,
        header,
        vec![
            Span::styled(title, theme.title()),
            Span::raw(format!("   #{}   {stage}   ", account.id)),
            Span::styled(focus_words(ctx, account.id), theme.due()),
        ],
    );

    let lang = ctx.config.ui.lang();
    let revenue = msg::CardRevenue {
        year: ctx.config.ui.money(stats.revenue_12m(ctx.today())),
        all: ctx.config.ui.money(stats.revenue_total),
    }
    .text(lang);
    let rows = [
        (
            msg::CardPhone.text(lang),
            crate::i18n::terms::phones(account, &ctx.config.contacts.region().to_string(), lang),
        ),
        (msg::CardEmail.text(lang), account.email.clone().unwrap_or_default()),
        (msg::CardTitleField.text(lang), account.title.clone().unwrap_or_default()),
        (msg::CardAddress.text(lang), account.address.clone().unwrap_or_default()),
        (msg::CardTags.text(lang), account.tags.join(&msg::ListSeparator.text(lang))),
        (msg::CardSource.text(lang), account.source.clone().unwrap_or_default()),
        (msg::CardBirthday.text(lang), account.birthday.map(|b| b.to_string()).unwrap_or_default()),
        (msg::CardAnniversary.text(lang), account.anniversary().map(|d| d.to_string()).unwrap_or_default()),
        (
            msg::CardPotential.text(lang),
            account.potential.map(|money| ctx.config.ui.money(money)).unwrap_or_default(),
        ),
        (msg::CardRevenueField.text(lang), if stats.orders > 0 { revenue } else { String::new() }),
        (msg::CardNote.text(lang), account.note.clone().unwrap_or_default().replace('\n', " / ")),
    ];
    let mut card: Vec<Line> = rows
        .into_iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(label, value)| field(label, value, theme))
        .collect();
    if card.is_empty() {
        card.push(Line::from(Span::styled(msg::CardEmpty.text(lang), theme.dim())));
    }

    let mut side: Vec<Line> = vec![Line::from(Span::styled(msg::SideFollowUps.text(lang), theme.title()))];
    let pending: Vec<_> = detail.follow_ups.iter().filter(|f| f.is_pending()).collect();
    if pending.is_empty() {
        side.push(Line::from(Span::styled(msg::SideNoneOpen.text(lang), theme.dim())));
    }
    for f in pending {
        let style = if f.due < ctx.today() { theme.overdue() } else { theme.due() };
        let snoozed =
            if f.snoozes > 0 { msg::SideSnoozed { times: f.snoozes }.text(lang) } else { String::new() };
        let kind = crate::i18n::terms::kind(f.kind, lang);
        let reason = crate::i18n::terms::follow_up_reason(f.reason, lang);
        side.push(Line::from(vec![
            Span::styled(f.due.format("%m-%d").to_string(), style),
            Span::raw(format!(" {}{snoozed} {}", msg::KindReason { kind, reason }.text(lang), f.note)),
        ]));
    }
    side.push(Line::from(Span::styled(msg::SideReferrals.text(lang), theme.title())));
    if detail.referrals.is_empty() {
        side.push(Line::from(Span::styled(msg::SideNone.text(lang), theme.dim())));
    }
    for link in &detail.referrals {
        let r = &link.referral;
        let incentive = r
            .incentive
            .as_ref()
            .map(|i| {
                let status = crate::i18n::terms::incentive_status(r.incentive_status, lang);
                msg::SideIncentive { incentive: i.as_str(), status }.text(lang)
            })
            .unwrap_or_default();
        let text = if r.referee == account.id {
            msg::SideReferredBy { name: link.referrer_name.clone() }.text(lang)
        } else {
            msg::SideReferred { name: link.referee_name.clone() }.text(lang)
        };
        side.push(Line::from(format!("{text}{incentive}")));
    }

    let notes = account.competitor_notes.len();
    let selected_note = (view.selected < notes).then_some(view.selected);
    let panel = super::account_competitors::Panel {
        lines: super::account_competitors::lines(detail, selected_note, ctx, theme),
        notes,
        selected: selected_note,
    };
    let top_height = (card.len().max(side.len()) as u16 + 2).min(body.height / 2);
    // The timeline keeps two thirds of what the card leaves, but for three
    // lines while a note is selected (the rep is reading its answers).
    let left = body.height.saturating_sub(top_height);
    let room = if selected_note.is_some() { left.saturating_sub(3) } else { left / 3 };
    let panel_height = (panel.lines.len() as u16 + 2).min(room.max(3));
    let [top, competitors, timeline] = Layout::vertical([
        Constraint::Length(top_height),
        Constraint::Length(panel_height),
        Constraint::Min(3),
    ])
    .areas(body);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(top);
    let card_title = format!(" {} ", msg::CardTitle.text(lang));
    let side_title = format!(" {} ", msg::SideTitle.text(lang));
    frame.render_widget(Paragraph::new(card).block(bordered(&card_title)).wrap(Wrap { trim: true }), left);
    frame.render_widget(Paragraph::new(side).block(bordered(&side_title)).wrap(Wrap { trim: true }), right);

    super::account_competitors::draw(panel, theme, frame, competitors, lang);

    let entries = view.entries();
    let lines: Vec<Line> =
        entries[notes..].iter().map(|entry| entry_line(*entry, detail, ctx, theme)).collect();
    let inner_height = usize::from(timeline.height.saturating_sub(2)).max(1);
    let inner_width = usize::from(timeline.width.saturating_sub(2));
    // The timeline's own selection: none while a competitor note is selected.
    let selected = view.selected.checked_sub(notes);
    let offset = selected.unwrap_or(0).saturating_sub(inner_height - 1);
    let lines: Vec<Line> = lines
        .into_iter()
        .enumerate()
        .skip(offset)
        .take(inner_height)
        // A note too long for the box ends in an ellipsis, an id or amount goes whole.
        .map(|(i, line)| (i, fit_line(line, inner_width)))
        .map(|(i, line)| if Some(i) == selected { line.style(theme.selected()) } else { line })
        .collect();
    let title = format!(
        " {} ",
        msg::TimelineTitle { touches: detail.touches.len(), orders: detail.orders.len() }.text(lang)
    );
    frame.render_widget(Paragraph::new(lines).block(bordered(&title)), timeline);
}

fn entry_line<'a>(entry: Entry<'_>, detail: &AccountDetail, ctx: &Context, theme: &Theme) -> Line<'a> {
    let lang = ctx.lang();
    let note = |text: &str| {
        if text.is_empty() {
            String::new()
        } else {
            msg::NoteAfterColon { note: text.replace('\n', " / ") }.text(lang)
        }
    };
    match entry {
        Entry::Competitor(..) => Line::default(),
        Entry::FollowUp(f) => {
            let style = if f.due < ctx.today() { theme.overdue() } else { theme.due() };
            let due = moment_column(&ctx.config.ui, f.due, f.due_time);
            let lang = ctx.config.ui.lang();
            let kind = crate::i18n::terms::kind(f.kind, lang);
            let reason = crate::i18n::terms::follow_up_reason(f.reason, lang);
            let due_words = msg::TimelineDue.text(lang);
            Line::from(vec![
                Span::styled(due, style),
                Span::raw(format!(
                    "{due_words} {}{}  #{}",
                    msg::KindReason { kind, reason }.text(lang),
                    note(&f.note),
                    f.id
                )),
            ])
        }
        Entry::Touch(t) => {
            let lang = ctx.config.ui.lang();
            let direction = if t.direction == Direction::Inbound {
                msg::TimelineInbound.text(lang)
            } else {
                String::new()
            };
            let mut outcome =
                t.outcome.map(|o| format!(" {}", crate::i18n::terms::outcome(o, lang))).unwrap_or_default();
            if let Some(competitor) = t.lost_to {
                let competitor = competitor_name(detail, Some(competitor), lang);
                outcome.push_str(&msg::CliLostTo { competitor: competitor.as_str() }.text(lang));
            }
            let kind = crate::i18n::terms::kind(t.kind, lang);
            Line::from(vec![
                Span::styled(moment_column(&ctx.config.ui, t.at.date(), Some(t.at.time())), theme.dim()),
                Span::raw(format!("{kind}{direction}{outcome}{}", note(&t.note))),
            ])
        }
        Entry::Order(o) => Line::from(vec![
            Span::styled(moment_column(&ctx.config.ui, o.at.date(), Some(o.at.time())), theme.dim()),
            Span::styled(
                format!(
                    "{}{}",
                    msg::TimelineOrder { amount: ctx.config.ui.money(o.amount) }.text(ctx.config.ui.lang()),
                    note(&o.note)
                ),
                theme.ok(),
            ),
        ]),
    }
}
/// The timeline's left column: a day and its time on the rep's clock,
/// padded to the widest time so that the entries line up.
fn moment_column(ui: &Ui, day: NaiveDate, time: Option<NaiveTime>) -> String {
    let widest = Span::raw(ui.moment(day.and_hms_opt(22, 0, 0).unwrap_or_default())).width();
    let text = match time {
        Some(time) => ui.moment(day.and_time(time)),
        None => day.format("%Y-%m-%d").to_string(),
    };
    let pad = widest.saturating_sub(Span::raw(text.as_str()).width());
    format!("{text}{}  ", " ".repeat(pad))
}
