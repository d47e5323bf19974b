//! The TUI in process, for tests: keys fed through `update` with the
//! effects on a real temp store, views drawn on ratatui's TestBackend.

use chrono::NaiveDateTime;
use leadline::app::App;
use leadline::tui::model::Model;
use leadline::tui::msg::Msg;
use leadline::tui::theme::Theme;
use leadline::tui::{dispatch, start, views};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub struct Driver {
    pub _dir: tempfile::TempDir,
    pub app: App,
    pub model: Model,
}

impl Driver {
    /// The TUI on the demo book in `lang`, at the tests' fixed time.
    pub fn demo(lang: leadline::i18n::Lang) -> Driver {
        use leadline::clock::{FixedClock, parse_timestamp};
        let now = parse_timestamp("2026-11-27T09:00").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let mut config = leadline::config::Config::default();
        config.set_language(lang);
        let app =
            App::open_at(&dir.path().join("store"), Box::new(FixedClock(now))).unwrap().with_config(config);
        app.fill_demo(leadline::app::demo::DemoOptions { lang, ..Default::default() }).unwrap();
        Driver::start(dir, app, now)
    }

    /// The TUI on `app`'s book at `now`, 100x30, the book loaded.
    pub fn start(dir: tempfile::TempDir, app: App, now: NaiveDateTime) -> Driver {
        let mut model = Model::new(now, 100, 30);
        start(&app, &mut model);
        Driver { _dir: dir, app, model }
    }

    pub fn key(&mut self, code: KeyCode) {
        self.key_with(code, KeyModifiers::NONE);
    }

    pub fn key_with(&mut self, code: KeyCode, modifiers: KeyModifiers) {
        dispatch(&self.app, &mut self.model, Msg::Key(KeyEvent::new(code, modifiers)));
    }

    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
    }

    /// Resizes the terminal the model draws for.
    pub fn resize(&mut self, width: u16, height: u16) {
        dispatch(&self.app, &mut self.model, Msg::Resize { width, height });
    }

    pub fn draw(&self, width: u16, height: u16, theme: Theme) -> Terminal<TestBackend> {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal.draw(|frame| views::render(&self.model, &theme, frame)).unwrap();
        terminal
    }

    /// What the model drew, and what a terminal shows of it: the cell after
    /// a wide character is never written, the character covers it.
    pub fn drawn_and_shown(&self, width: u16, height: u16) -> (Buffer, Buffer) {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        let drawn = terminal
            .draw(|frame| views::render(&self.model, &Theme { color: false }, frame))
            .unwrap()
            .buffer
            .clone();
        (drawn, terminal.backend().buffer().clone())
    }

    pub fn screen(&self) -> String {
        self.draw(self.model.ctx.width, self.model.ctx.height, Theme { color: false }).backend().to_string()
    }

    pub fn status(&self) -> String {
        self.model.status.as_ref().map(|s| s.text.clone()).unwrap_or_default()
    }
}
