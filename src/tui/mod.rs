//! The terminal interface, in the Elm style: a `Model`, messages, a pure
//! `update` that returns effects, `effects` that call the app services,
//! and pure views. One keymap table resolves keys and draws the help.

mod effects;
pub mod forms;
pub mod input;
pub mod keymap;
pub mod model;
pub mod msg;
pub mod referral_tree;
pub mod theme;
pub mod update;
pub mod views;

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::crossterm::event::{self, Event};

use crate::app::{App, AppResult};
use model::Model;
use msg::{Effect, Msg};
use theme::Theme;

/// Restores the terminal however the TUI ends: return, error or panic
/// (ratatui's panic hook restores it too, before the message is printed).
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        ratatui::restore();
    }
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

/// The first messages of a session: load the book.
pub fn start(app: &App, model: &mut Model) {
    let msg = effects::perform(app, Effect::LoadBook);
    dispatch(app, model, msg);
}

/// Set by SIGTERM, so the loop ends and the terminal is restored instead
/// of the process dying in raw mode.
static STOP: AtomicBool = AtomicBool::new(false);

extern "C" fn request_stop(_: libc::c_int) {
    STOP.store(true, Ordering::SeqCst);
}

/// The terminal is gone: there is nothing to restore, and crossterm would
/// spin on the dead tty. Every change is already durable, so just end.
extern "C" fn hang_up(_: libc::c_int) {
    // SAFETY: _exit is async-signal-safe.
    unsafe { libc::_exit(129) }
}

fn stop_on_signals() {
    // SAFETY: the handlers only store to an atomic or call _exit, both
    // async-signal-safe.
    unsafe {
        libc::signal(libc::SIGTERM, request_stop as *const () as libc::sighandler_t);
        libc::signal(libc::SIGHUP, hang_up as *const () as libc::sighandler_t);
    }
}

pub fn run(app: App) -> AppResult<()> {
    stop_on_signals();
    // Before init: if init fails half-way, the guard still restores.
    let _guard = TerminalGuard;
    let mut terminal = ratatui::try_init()
        .map_err(|e| crate::app::AppError::Conflict(format!("cannot start the terminal interface: {e}")))?;
    let size = terminal.size().unwrap_or_default();
    let theme = Theme::from_env();
    let mut model = Model::new(app.now(), size.width, size.height);
    model.config = app.config().clone();
    start(&app, &mut model);
    while model.running && !STOP.load(Ordering::SeqCst) {
        model.now = app.now();
        terminal
            .draw(|frame| views::render(&model, &theme, frame))
            .map_err(|e| crate::app::AppError::Conflict(format!("cannot draw: {e}")))?;
        // A short poll keeps the clock and the stop flag current.
        match event::poll(Duration::from_millis(250)) {
            Ok(true) => {}
            Ok(false) => continue,
            // The terminal cannot be read any more: end, as on quit.
            Err(_) => break,
        }
        let msg = match event::read() {
            Ok(Event::Key(key)) => Msg::Key(key),
            Ok(Event::Resize(width, height)) => Msg::Resize { width, height },
            Ok(_) => continue,
            Err(_) => break,
        };
        dispatch(&app, &mut model, msg);
    }
    Ok(())
}
