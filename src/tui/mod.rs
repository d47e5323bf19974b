//! The terminal interface, in the Elm style: a `Model`, messages, a pure
//! `update` that returns effects, `effects` that call the app services,
//! and pure views. Screens are components (`screens`), and one keymap,
//! rebindable in the settings, resolves keys and draws every hint.

pub mod context;
mod effects;
pub mod forms;
pub mod input;
pub mod keymap;
pub mod model;
pub mod msg;
pub mod referral_tree;
pub mod screens;
pub mod sync;
pub mod theme;
pub mod update;
pub mod views;

use crate::i18n::Text as _;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::crossterm::event::{self, Event};

use crate::app::{App, AppError};
use crate::config::Config;
use keymap::Keymap;
use model::Model;
use msg::{Effect, Msg};
use theme::Theme;

/// What can end the terminal interface with an error.
#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error("cannot start the terminal interface: {0}")]
    Start(std::io::Error),
    #[error("cannot draw on the terminal: {0}")]
    Draw(std::io::Error),
    #[error(transparent)]
    App(#[from] AppError),
}

/// Restores the terminal however the TUI ends: return, error or panic
/// (ratatui's panic hook restores it too, before the message is printed).
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        ratatui::restore();
    }
}

/// The keys in force under these settings: the defaults with `[keys]`
/// applied. The error names the entry (`keys.log_call`) and what is wrong.
pub fn keymap(config: &Config) -> Result<Keymap, keymap::KeyProblem> {
    let (tabs, stacks) = screens::keys(&screens::registry());
    Keymap::new(&tabs, stacks).rebound(&config.keys)
}

/// Feeds a message through `update` and performs the effects it asks
/// for, which may produce further messages.
pub fn dispatch(app: &App, model: &mut Model, msg: Msg) {
    let mut queue = vec![msg];
    while let Some(msg) = queue.pop() {
        for effect in update::update(model, msg) {
            queue.push(effects::perform(app, effect));
        }
    }
}

/// A model for this app's settings and the terminal's size, the book loaded.
pub fn start(app: &App, model: &mut Model) {
    model.ctx.config = app.config().clone();
    // The catalogues are parsed on the first word looked up: let that
    // happen on the other core while the book loads.
    let lang = model.ctx.config.ui.lang();
    let warm = std::thread::spawn(move || lang.warm());
    if let Ok(keymap) = keymap(app.config()) {
        model.ctx.keymap = keymap;
    }
    let msg = effects::perform(app, Effect::LoadBook);
    let _ = warm.join();
    dispatch(app, model, msg);
    if let Some(reread) = app.phones_reread() {
        let (from, to) = (reread.from.as_str(), reread.to.as_str());
        let text = crate::i18n::msg::PhonesReread { from, to, changed: reread.changed }.text(lang);
        model.status = Some(model::Status { text, error: false });
    }
    if let Some(count) = app.damaged() {
        let text = crate::i18n::msg::StatusDamaged { count }.text(lang);
        model.status = Some(model::Status { text, error: true });
    }
}

pub fn run(app: &App) -> Result<(), TuiError> {
    // SIGTERM ends the loop and restores the terminal; SIGHUP (the terminal
    // is gone) ends at once: there is nothing to restore, crossterm would
    // spin on the dead tty, and every change is already durable.
    let stop = Arc::new(AtomicBool::new(false));
    signal_hook::flag::register(signal_hook::consts::SIGTERM, Arc::clone(&stop)).map_err(TuiError::Start)?;
    let always = Arc::new(AtomicBool::new(true));
    signal_hook::flag::register_conditional_shutdown(signal_hook::consts::SIGHUP, 129, always)
        .map_err(TuiError::Start)?;
    // Before init: if init fails half-way, the guard still restores.
    let _guard = TerminalGuard;
    let mut terminal = ratatui::try_init().map_err(TuiError::Start)?;
    let size = terminal.size().unwrap_or_default();
    let theme = Theme::from_env();
    let mut model = Model::new(app.now(), size.width, size.height);
    start(app, &mut model);
    let lang = model.ctx.config.ui.lang();
    // The sync worker borrows the app; the scope ends with it.
    std::thread::scope(|scope| {
        let mut syncing = sync::Syncing::start(app, scope);
        let mut first_frame = true;
        let outcome = loop {
            if !model.running || stop.load(Ordering::SeqCst) {
                break Ok(());
            }
            model.sync = syncing.badge(app, lang);
            if let Err(error) = terminal.draw(|frame| views::render(&model, &theme, frame)) {
                break Err(TuiError::Draw(error));
            }
            if std::mem::take(&mut first_frame) {
                // After the first frame, not before: a search for a number
                // then finds the numbering plans loaded.
                crate::domain::phone::warm();
            }
            // A short poll keeps the clock, the stop flags and sync current.
            let msg = match event::poll(Duration::from_millis(250)) {
                Ok(false) => Msg::Tick(app.now()),
                // The terminal cannot be read any more: end, as on quit.
                Err(_) => break Ok(()),
                Ok(true) => match event::read() {
                    Ok(Event::Key(key)) => Msg::Key(key),
                    Ok(Event::Resize(width, height)) => Msg::Resize { width, height },
                    Ok(_) => continue,
                    Err(_) => break Ok(()),
                },
            };
            dispatch(app, &mut model, msg);
            if syncing.after(app) {
                // The others' changes came in: the screens read the book again.
                let loaded = effects::perform(app, Effect::LoadBook);
                dispatch(app, &mut model, loaded);
            }
        };
        // The terminal is given back first: a sync under way ends on its own.
        ratatui::restore();
        syncing.stop();
        outcome
    })?;
    Ok(())
}
