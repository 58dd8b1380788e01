//! A line of text being typed in the view: the filter, and the form's value and note.

use crate::domain::text;
use unicode_segmentation::UnicodeSegmentation;

/// A line of text being typed; the cursor is a byte offset on a grapheme boundary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Field {
    pub text: String,
    pub cursor: usize,
}

impl Field {
    /// Types `c` at the cursor. The text either side is brought to NFC, so a combining mark
    /// typed after its letter joins it, and controls and bidi marks never get in.
    pub(super) fn insert(&mut self, c: char, max_chars: usize) {
        if self.text.chars().count() >= max_chars {
            return;
        }
        let mut before = self.text[..self.cursor].to_owned();
        before.push(c);
        let before = text::clean(&before);
        let after = text::clean(&self.text[self.cursor..]);
        self.cursor = before.len();
        self.text = before + &after;
    }

    pub(super) fn backspace(&mut self) {
        if let Some((at, _)) = self.text[..self.cursor].grapheme_indices(true).next_back() {
            self.text.replace_range(at..self.cursor, "");
            self.cursor = at;
        }
    }

    pub(super) fn delete(&mut self) {
        if let Some(g) = self.text[self.cursor..].graphemes(true).next() {
            let end = self.cursor + g.len();
            self.text.replace_range(self.cursor..end, "");
        }
    }

    pub(super) fn left(&mut self) {
        if let Some((at, _)) = self.text[..self.cursor].grapheme_indices(true).next_back() {
            self.cursor = at;
        }
    }

    pub(super) fn right(&mut self) {
        if let Some(g) = self.text[self.cursor..].graphemes(true).next() {
            self.cursor += g.len();
        }
    }

    pub(super) fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }
}
