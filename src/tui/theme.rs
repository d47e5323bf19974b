//! Styles that read on dark and light terminals: emphasis by modifiers
//! (bold, reversed, dim) and only the terminal's own named colours, which
//! each theme maps to something legible. `NO_COLOR` turns colour off.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

/// Borders in ASCII: box-drawing characters are "ambiguous width" and
/// draw two columns wide in many Chinese terminals.
pub const BORDER: border::Set<'static> = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub fn from_env() -> Theme {
        Theme { color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) }
    }

    fn colored(&self, color: Color, fallback: Style) -> Style {
        if self.color { Style::new().fg(color) } else { fallback }
    }

    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn key(&self) -> Style {
        self.colored(Color::Cyan, Style::new()).add_modifier(Modifier::BOLD)
    }

    pub fn error(&self) -> Style {
        self.colored(Color::Red, Style::new()).add_modifier(Modifier::BOLD)
    }

    pub fn ok(&self) -> Style {
        self.colored(Color::Green, Style::new())
    }

    pub fn overdue(&self) -> Style {
        self.colored(Color::Red, Style::new().add_modifier(Modifier::BOLD))
    }

    pub fn due(&self) -> Style {
        self.colored(Color::Yellow, Style::new())
    }

    pub fn heading(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }
}
