//! `competitor add|edit|rm|show|alias` and `competitors`: who else sells
//! at an account, the five questions, and the report across the book.

use crate::i18n::Text as _;
use crate::i18n::msg;
use crate::i18n::msg_id;
use serde::Serialize;

use super::args::{CompetitorAction, NoteArgs};
use super::json::{self, date};
use super::table::{Align, Table};
use super::{CliResult, done, lang, print, print_raw, say};
use crate::app::{
    Aliased, App, CompetitorReport, CompetitorRow, NoteInput, NoteRef, NoteSaved, Written, cited_words,
};
use crate::config::Ui;
use crate::domain::{CompetitorNote, Competitors, Question};
use crate::i18n::Lang;

fn note_input(args: &NoteArgs) -> CliResult<NoteInput> {
    let confirmed =
        match args.confirmed.as_deref() {
            Some(text) => Some(chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
                crate::app::AppError::Input(crate::app::InputError::NotADate(text.to_string()))
            })?),
            None => None,
        };
    Ok(NoteInput {
        competitor: None,
        strength: args.strength.clone(),
        offer: args.offer.clone(),
        floor: args.floor.clone(),
        weakness: args.weakness.clone(),
        edge: args.edge.clone(),
        note: args.note.clone(),
        price: args.price.clone(),
        credit_days: args.credit_days.clone(),
        confirmed,
    })
}

pub fn run(app: &App, action: &CompetitorAction) -> CliResult<i32> {
    let lang = lang();
    match action {
        CompetitorAction::Add { account, name, answers } => {
            let id = app.resolve_account(account)?;
            let saved = app.add_competitor_note(id, name, &note_input(answers)?)?;
            saved_words(&saved, msg_id!("cli-competitor-added"), lang);
        }
        CompetitorAction::Edit { account, which, competitor, answers } => {
            let id = app.resolve_account(account)?;
            let input = NoteInput { competitor: competitor.clone(), ..note_input(answers)? };
            let saved = app.edit_competitor_note(id, &NoteRef::parse(which), &input)?;
            saved_words(&saved, msg_id!("cli-competitor-edited"), lang);
        }
        CompetitorAction::Rm { account, which } => {
            let id = app.resolve_account(account)?;
            let saved = app.remove_competitor_note(id, &NoteRef::parse(which))?;
            saved_words(&saved, msg_id!("cli-competitor-removed"), lang);
        }
        CompetitorAction::Alias { name, alias } => {
            let written = app.alias_competitor(name, alias)?;
            let words = match &written.value {
                Aliased::Added { competitor, alias } => {
                    msg::CliCompetitorAliased { competitor: competitor.as_str(), alias: alias.as_str() }
                        .text(lang)
                }
                Aliased::Merged { competitor, merged, accounts } => msg::CliCompetitorMerged {
                    competitor: competitor.as_str(),
                    merged: merged.as_str(),
                    accounts: *accounts,
                }
                .text(lang),
            };
            done(&words);
        }
        CompetitorAction::Show { name, json: as_json } => {
            let row = app.competitor_detail(name)?;
            let ui = &app.config().ui;
            if *as_json {
                print_raw(&json::to_string(&RowJson::new(&row, &app.competitors()?)));
            } else {
                print(&detail_text(&row, ui, lang));
            }
        }
    }
    Ok(0)
}

fn saved_words(saved: &Written<NoteSaved>, id: &str, lang: Lang) {
    let name = saved.value.account.account.name.as_str();
    let competitor = saved.value.competitor.clone().unwrap_or_else(|| msg::CompetitorUnnamed.text(lang));
    let args = [
        ("competitor", competitor.as_str().into()),
        ("name", name.into()),
        ("id", saved.value.account.account.id.to_string().into()),
    ];
    done(&lang.text_with(id, &args));
    if !super::QUIET.load(std::sync::atomic::Ordering::Relaxed) {
        for words in &saved.also {
            say(&msg::CliAlso { words: words.as_str() }.text(lang));
        }
    }
}

/// `competitors`: the report across the book.
pub fn report(app: &App, as_json: bool, md: bool) -> CliResult<i32> {
    let report = app.competitor_report()?;
    super::commands::warn_unreadable(report.unreadable);
    let lang = lang();
    let ui = &app.config().ui;
    if as_json {
        let book = app.competitors()?;
        print_raw(&json::to_string(&ReportJson {
            competitors: report.rows.iter().map(|r| RowJson::new(r, &book)).collect(),
            unnamed_notes: report.unnamed,
        }));
    } else if md {
        print(&markdown(&report, ui, lang));
    } else {
        print(&report_text(&report, ui, lang));
    }
    Ok(0)
}

/// The report's column titles; the text table shows the first six.
fn titles(lang: Lang) -> Vec<String> {
    [
        msg_id!("col-competitor"),
        msg_id!("col-accounts"),
        msg_id!("col-at-risk"),
        msg_id!("col-lost-12m"),
        msg_id!("col-lowest-price"),
        msg_id!("col-floor"),
        msg_id!("col-strengths"),
        msg_id!("col-weaknesses"),
    ]
    .iter()
    .map(|id| lang.text(id))
    .collect()
}

fn report_text(report: &CompetitorReport, ui: &Ui, lang: Lang) -> String {
    if report.rows.is_empty() {
        return format!("{}\n", msg::CliNoCompetitors.text(lang));
    }
    let h = titles(lang);
    let mut table = Table::new(&[
        (h[0].as_str(), Align::Left, 24),
        (h[1].as_str(), Align::Right, 8),
        (h[2].as_str(), Align::Right, 16),
        (h[3].as_str(), Align::Right, 8),
        (h[4].as_str(), Align::Right, 14),
        (h[5].as_str(), Align::Left, 40),
    ]);
    for row in &report.rows {
        table.row(vec![
            row.name.clone(),
            row.accounts.len().to_string(),
            ui.money(row.at_risk),
            row.lost.len().to_string(),
            row.lowest_price.as_ref().map(|p| ui.money(p.value)).unwrap_or_default(),
            row.latest_floor.as_ref().map(|f| f.value.clone()).unwrap_or_default(),
        ]);
    }
    if let Some(width) = super::plan::terminal_width() {
        table.fit_last_to(width);
    }
    let mut out = table.render();
    for row in &report.rows {
        if row.strengths.is_empty() && row.weaknesses.is_empty() {
            continue;
        }
        out.push('\n');
        out.push_str(&format!("{}\n", row.name));
        if !row.strengths.is_empty() {
            let args = msg::CliCompetitorStrengths { phrases: cited_words(&row.strengths, lang) };
            out.push_str(&format!("  {}\n", args.text(lang)));
        }
        if !row.weaknesses.is_empty() {
            let args = msg::CliCompetitorWeaknesses { phrases: cited_words(&row.weaknesses, lang) };
            out.push_str(&format!("  {}\n", args.text(lang)));
        }
    }
    if report.unnamed > 0 {
        out.push('\n');
        out.push_str(&format!("{}\n", msg::CliCompetitorUnnamedNotes { count: report.unnamed }.text(lang)));
    }
    out
}

fn markdown(report: &CompetitorReport, ui: &Ui, lang: Lang) -> String {
    let mut out = format!("# {}\n\n", msg::CliCompetitorsTitle.text(lang));
    if report.rows.is_empty() {
        out.push_str(&format!("{}\n", msg::CliNoCompetitors.text(lang)));
        return out;
    }
    let cell = |text: &str| text.replace('|', "\\|").replace('\n', " ");
    let h = titles(lang);
    out.push_str(&format!("| {} |\n|---|--:|--:|--:|--:|---|---|---|\n", h.join(" | ")));
    for row in &report.rows {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} |\n",
            cell(&row.name),
            row.accounts.len(),
            ui.money(row.at_risk),
            row.lost.len(),
            row.lowest_price.as_ref().map(|p| ui.money(p.value)).unwrap_or_default(),
            cell(row.latest_floor.as_ref().map(|f| f.value.as_str()).unwrap_or_default()),
            cell(&cited_words(&row.strengths, lang)),
            cell(&cited_words(&row.weaknesses, lang)),
        ));
    }
    out
}

/// One line per answer of a note, indented.
pub fn note_lines(note: &CompetitorNote, ui: &Ui, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    for question in Question::ALL {
        if let Some(answer) = note.answer(question) {
            let label = crate::i18n::terms::question(question, lang);
            lines.push(msg::NoteAnswer { label, answer }.text(lang));
        }
    }
    if let Some(price) = note.price {
        lines.push(
            msg::NoteAnswer { label: msg::QuestionPrice.text(lang), answer: ui.money(price) }.text(lang),
        );
    }
    if let Some(days) = note.credit_days {
        lines.push(msg::NoteCreditDays { days }.text(lang));
    }
    if let Some(text) = &note.note {
        let answer = text.replace('\n', " / ");
        lines.push(msg::NoteAnswer { label: msg::QuestionNote.text(lang), answer }.text(lang));
    }
    lines
}

fn detail_text(row: &CompetitorRow, ui: &Ui, lang: Lang) -> String {
    let mut out = row.name.clone();
    if !row.aliases.is_empty() {
        out.push_str(&format!(" ({})", row.aliases.join(", ")));
    }
    out.push('\n');
    let args = msg::CliCompetitorSummary {
        accounts: row.accounts.len(),
        at_risk: ui.money(row.at_risk),
        lost: row.lost.len(),
    };
    out.push_str(&format!("{}\n", args.text(lang)));
    for at in &row.accounts {
        let confirmed = at.note.confirmed.map(date).unwrap_or_else(|| msg::NoteNeverConfirmed.text(lang));
        let stale = if at.stale { format!(" {}", msg::NoteStaleMark.text(lang)) } else { String::new() };
        out.push_str(&format!(
            "\n{} (#{}) · {} · {}{stale}\n",
            at.name,
            at.account,
            ui.money(at.revenue_12m),
            msg::NoteConfirmedOn { day: confirmed }.text(lang)
        ));
        for line in note_lines(&at.note, ui, lang) {
            out.push_str(&format!("  {line}\n"));
        }
    }
    if !row.lost.is_empty() {
        out.push_str(&format!("\n{}\n", msg::CliCompetitorLostTitle.text(lang)));
        for lost in &row.lost {
            out.push_str(&format!("  {} {} (#{})\n", date(lost.day), lost.name, lost.account));
        }
    }
    out
}

#[derive(Serialize)]
struct ReportJson {
    competitors: Vec<RowJson>,
    unnamed_notes: usize,
}

#[derive(Serialize)]
pub(super) struct NoteJson {
    competitor: Option<String>,
    competitor_id: Option<u64>,
    strength: Option<String>,
    offer: Option<String>,
    floor: Option<String>,
    weakness: Option<String>,
    edge: Option<String>,
    price: Option<String>,
    credit_days: Option<u32>,
    note: Option<String>,
    confirmed: Option<String>,
}

impl NoteJson {
    pub(super) fn new(note: &CompetitorNote, book: &Competitors) -> NoteJson {
        NoteJson {
            competitor: note.competitor.and_then(|id| book.name_of(id)).map(str::to_string),
            competitor_id: note.competitor.and_then(|id| book.canonical(id)).map(|c| c.id.0),
            strength: note.strength.clone(),
            offer: note.offer.clone(),
            floor: note.floor.clone(),
            weakness: note.weakness.clone(),
            edge: note.edge.clone(),
            price: note.price.map(json::money),
            credit_days: note.credit_days,
            note: note.note.clone(),
            confirmed: note.confirmed.map(date),
        }
    }
}

#[derive(Serialize)]
struct AtJson {
    account_id: u64,
    account: String,
    archived: bool,
    revenue_12m: String,
    stale: bool,
    note: NoteJson,
}

#[derive(Serialize)]
struct LostJson {
    account_id: u64,
    account: String,
    day: String,
}

#[derive(Serialize)]
struct RecordedJson {
    value: String,
    account: String,
    confirmed: Option<String>,
}

#[derive(Serialize)]
struct RowJson {
    id: u64,
    name: String,
    aliases: Vec<String>,
    accounts: Vec<AtJson>,
    revenue_at_risk: String,
    lost_12m: Vec<LostJson>,
    lowest_price: Option<RecordedJson>,
    latest_floor: Option<RecordedJson>,
    latest_offer: Option<RecordedJson>,
    strengths: Vec<(String, usize)>,
    weaknesses: Vec<(String, usize)>,
    stale_notes: usize,
}

impl RowJson {
    fn new(row: &CompetitorRow, book: &Competitors) -> RowJson {
        fn recorded<T>(value: String, r: &crate::app::RecordedFigure<T>) -> RecordedJson {
            RecordedJson { value, account: r.account.clone(), confirmed: r.confirmed.map(date) }
        }
        RowJson {
            id: row.id.0,
            name: row.name.clone(),
            aliases: row.aliases.clone(),
            accounts: row
                .accounts
                .iter()
                .map(|a| AtJson {
                    account_id: a.account.0,
                    account: a.name.clone(),
                    archived: a.archived,
                    revenue_12m: json::money(a.revenue_12m),
                    stale: a.stale,
                    note: NoteJson::new(&a.note, book),
                })
                .collect(),
            revenue_at_risk: json::money(row.at_risk),
            lost_12m: row
                .lost
                .iter()
                .map(|l| LostJson { account_id: l.account.0, account: l.name.clone(), day: date(l.day) })
                .collect(),
            lowest_price: row.lowest_price.as_ref().map(|p| recorded(json::money(p.value), p)),
            latest_floor: row.latest_floor.as_ref().map(|f| recorded(f.value.clone(), f)),
            latest_offer: row.latest_offer.as_ref().map(|o| recorded(o.value.clone(), o)),
            strengths: row.strengths.clone(),
            weaknesses: row.weaknesses.clone(),
            stale_notes: row.stale,
        }
    }
}
