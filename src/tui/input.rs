//! A one-line text input that handles Chinese text: the cursor moves by
//! character, and its screen column counts wide characters as two.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_width::UnicodeWidthChar;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    /// Cursor position in characters.
    cursor: usize,
    /// The text was filled in for the rep and not edited yet: like
    /// selected text in a browser, the first character typed replaces it.
    prefilled: bool,
}

impl TextInput {
    /// An input holding `text` as typed (the cursor at its end).
    pub fn new(text: &str) -> TextInput {
        TextInput { text: text.to_string(), cursor: text.chars().count(), prefilled: false }
    }

    /// An input holding a suggested value, replaced by the first character
    /// typed, cleared by the first deletion, kept once the cursor moves.
    pub fn prefilled(text: &str) -> TextInput {
        TextInput { prefilled: !text.is_empty(), ..TextInput::new(text) }
    }

    /// Whether the text is still the suggestion, untouched.
    pub fn is_prefilled(&self) -> bool {
        self.prefilled
    }

    /// Ctrl-U: deletes from the start of the line to the cursor.
    pub fn clear_to_start(&mut self) {
        let at = if self.prefilled { self.text.len() } else { self.byte_at(self.cursor) };
        self.text.replace_range(..at, "");
        self.cursor = 0;
        self.prefilled = false;
    }

    /// Ctrl-W: deletes the word before the cursor.
    pub fn delete_word(&mut self) {
        if self.prefilled {
            self.clear_to_start();
            return;
        }
        let end = self.byte_at(self.cursor);
        let before = &self.text[..end];
        let word_start = before.trim_end().rfind(' ').map_or(0, |i| i + 1);
        let removed = self.text[word_start..end].chars().count();
        self.text.replace_range(word_start..end, "");
        self.cursor -= removed;
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text.char_indices().nth(chars).map_or(self.text.len(), |(i, _)| i)
    }

    pub fn insert(&mut self, c: char) {
        if std::mem::take(&mut self.prefilled) {
            self.text.clear();
            self.cursor = 0;
        }
        let at = self.byte_at(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    /// Applies an editing key; false when the key is not an editing key.
    pub fn handle(&mut self, key: &KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let typed =
            matches!(key.code, KeyCode::Char(_)) && !ctrl && !key.modifiers.contains(KeyModifiers::ALT);
        if self.prefilled && matches!(key.code, KeyCode::Backspace | KeyCode::Delete) {
            self.clear_to_start();
            return true;
        }
        if !typed {
            self.prefilled = false;
        }
        match key.code {
            KeyCode::Char('u') if ctrl => self.clear_to_start(),
            KeyCode::Char('w') if ctrl => self.delete_word(),
            KeyCode::Char('a') if ctrl => self.cursor = 0,
            KeyCode::Char('e') if ctrl => self.cursor = self.text.chars().count(),
            KeyCode::Char(c) if !ctrl && !key.modifiers.contains(KeyModifiers::ALT) => self.insert(c),
            KeyCode::Backspace if self.cursor > 0 => {
                let at = self.byte_at(self.cursor - 1);
                self.text.remove(at);
                self.cursor -= 1;
            }
            KeyCode::Delete if self.cursor < self.text.chars().count() => {
                let at = self.byte_at(self.cursor);
                self.text.remove(at);
            }
            KeyCode::Left => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Right => self.cursor = (self.cursor + 1).min(self.text.chars().count()),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = self.text.chars().count(),
            KeyCode::Backspace | KeyCode::Delete => {}
            _ => return false,
        }
        true
    }

    /// The screen column of the cursor from the start of the text.
    pub fn cursor_column(&self) -> usize {
        self.text.chars().take(self.cursor).map(|c| c.width().unwrap_or(0)).sum()
    }

    /// The part of the text to show in `width` columns so that the cursor
    /// stays visible, and the cursor's column within it.
    pub fn visible(&self, width: usize) -> (&str, usize) {
        let column = self.cursor_column();
        if column < width {
            return (&self.text, column);
        }
        let mut skipped = 0;
        let mut start = 0;
        for (i, c) in self.text.char_indices() {
            if column - skipped < width {
                break;
            }
            skipped += c.width().unwrap_or(0);
            start = i + c.len_utf8();
        }
        (&self.text[start..], column - skipped)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(input: &mut TextInput, code: KeyCode) {
        input.handle(&KeyEvent::new(code, KeyModifiers::NONE));
    }

    #[test]
    fn chinese_text_edits_by_character_and_counts_two_columns() {
        let mut input = TextInput::default();
        for c in "张伟ab".chars() {
            input.insert(c);
        }
        assert_eq!(input.cursor_column(), 6);
        press(&mut input, KeyCode::Left);
        press(&mut input, KeyCode::Left);
        assert_eq!(input.cursor_column(), 4);
        press(&mut input, KeyCode::Backspace);
        assert_eq!(input.text(), "张ab");
        assert_eq!(input.cursor_column(), 2);
        input.insert('李');
        assert_eq!(input.text(), "张李ab");
        press(&mut input, KeyCode::Home);
        press(&mut input, KeyCode::Delete);
        assert_eq!(input.text(), "李ab");
        press(&mut input, KeyCode::End);
        assert_eq!(input.cursor_column(), 4);
    }

    #[test]
    fn control_keys_edit_words_and_lines() {
        let mut input = TextInput::new("call back tomorrow");
        input.handle(&KeyEvent::new(KeyCode::Char('w'), KeyModifiers::CONTROL));
        assert_eq!(input.text(), "call back ");
        input.handle(&KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
        assert!(input.is_empty());
        assert!(!input.handle(&KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)));
    }

    #[test]
    fn a_prefilled_value_is_replaced_by_the_first_character_typed() {
        let mut typed = TextInput::prefilled("tomorrow");
        for c in "+1w".chars() {
            typed.handle(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
        assert_eq!(typed.text(), "+1w");
        assert!(!typed.is_prefilled());
        let mut deleted = TextInput::prefilled("tomorrow");
        press(&mut deleted, KeyCode::Backspace);
        assert!(deleted.is_empty(), "one deletion clears the suggestion");
        let mut kept = TextInput::prefilled("2026-12-05");
        press(&mut kept, KeyCode::Left);
        kept.insert('x');
        assert_eq!(kept.text(), "2026-12-0x5", "once the cursor moves, typing edits");
        let mut plain = TextInput::new("tomorrow");
        plain.insert('!');
        assert_eq!(plain.text(), "tomorrow!", "text the rep typed is never replaced");
    }

    #[test]
    fn long_text_scrolls_to_keep_the_cursor_visible() {
        let input = TextInput::new("绿源农资有限公司");
        let (shown, column) = input.visible(8);
        assert!(column < 8);
        assert!(shown.ends_with("公司"));
        assert_eq!(TextInput::new("ab").visible(8), ("ab", 2));
    }
}
