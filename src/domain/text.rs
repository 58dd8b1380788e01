//! Text that reaches the screen from files or other people.
//!
//! Vietnamese can arrive composed (NFC) or decomposed (NFD); the two compare unequal and
//! move a cursor differently, so everything is brought to NFC on the way in. Control
//! characters and bidirectional overrides are dropped: ratatui filters ESC and BEL itself,
//! but lets U+202E through, and a note must never be able to reorder or hide what is shown.

use unicode_normalization::UnicodeNormalization;
use unicode_width::UnicodeWidthStr;

/// NFC, with control characters and bidi controls removed and tabs turned into spaces.
pub fn clean(text: &str) -> String {
    if surely_clean(text) {
        return text.to_owned();
    }
    text.nfc()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            c if c.is_control() || is_bidi_control(c) => None,
            c => Some(c),
        })
        .collect()
}

/// Makes `text` [`clean`], without a copy when it already is (nearly always: a store of
/// 100,000 entries has as many notes and names).
pub fn clean_in_place(text: &mut String) {
    if !surely_clean(text) {
        *text = clean(text);
    }
}

/// Whether `text` is clean by a quick check (a `false` may still be clean).
fn surely_clean(text: &str) -> bool {
    // Printable ASCII is already NFC and clean: the common case for names and many notes.
    // Composed Vietnamese without controls (what nearly every name and note is) is already
    // clean: a quick check is several times cheaper than composing it again.
    text.bytes().all(|b| (0x20..0x7f).contains(&b))
        || text.chars().all(surely_clean_letter)
        || (unicode_normalization::is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes
            && !has_controls(text))
}

/// Printable ASCII and the composed Latin letters Vietnamese is written with (Latin-1 and
/// Latin Extended-A and -B without the C1 controls, and Latin Extended Additional, where
/// ạ ắ ế ộ ự… live): none is a control, each is its own NFC and combines with nothing before
/// it, so text of these alone is clean without the normalisation tables (a test checks every
/// one of them).
fn surely_clean_letter(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{A0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}')
}

/// Whether `text` would come out of [`clean`] unchanged.
pub fn is_clean(text: &str) -> bool {
    clean(text) == text
}

/// Whether `text` holds a control character or a bidi control: text from another store that
/// could drive the terminal or reorder what is shown.
pub fn has_controls(text: &str) -> bool {
    text.chars().any(|c| c.is_control() || is_bidi_control(c))
}

/// Text on its way to a terminal, made harmless: every control character other than line
/// feed, tab and the CR of a CRLF, and every bidi control, is dropped, so nothing read from a store, a plan or
/// a change file (an id, a note, a path) can clear the screen, set the clipboard (OSC 52),
/// retitle the window or reorder what is shown. The one escape kept is colour (SGR with
/// colour and bold parameters only), which this program writes itself; one from a file
/// could only recolour text. Everything the commands print passes through here, through
/// [`TerminalSafe`] or directly.
pub fn for_terminal(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c)) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '\u{1b}'
            && let Some(len) = colour_escape_len(rest)
        {
            out.push_str(&rest[..len]);
            rest = &rest[len..];
            continue;
        }
        // A CR only as the first half of a CRLF line end (CSV's): alone it would move
        // the cursor back over what the line showed.
        let line_end = c == '\r' && rest[1..].starts_with('\n');
        if line_end || !((c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c)) {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    std::borrow::Cow::Owned(out)
}

/// The length of the colour escape `text` starts with (`ESC [ 38;5;10 m`, `ESC [ 39 m`…), if
/// it is one: parameters for colours, bold and normal only.
fn colour_escape_len(text: &str) -> Option<usize> {
    let body = text.strip_prefix("\u{1b}[")?;
    let end = body.find('m')?;
    let params = &body[..end];
    if params.len() > 24 || !params.bytes().all(|b| b.is_ascii_digit() || b == b';') {
        return None;
    }
    let numbers: Vec<u16> = params
        .split(';')
        .map(|p| if p.is_empty() { Some(0) } else { p.parse().ok() })
        .collect::<Option<_>>()?;
    let mut i = 0;
    while i < numbers.len() {
        match numbers[i] {
            0 | 1 | 22 | 39 | 49 | 30..=37 | 40..=47 | 90..=97 | 100..=107 => i += 1,
            38 | 48 if numbers.get(i + 1) == Some(&5) && numbers.get(i + 2).is_some_and(|n| *n < 256) => {
                i += 3
            }
            _ => return None,
        }
    }
    Some(2 + end + 1)
}

/// A writer that passes everything through [`for_terminal`]: what `chitieu`'s commands
/// write to stdout and stderr goes through one, so no print site can forget it. Bytes are
/// held back only while a character or an escape is cut across two writes.
pub struct TerminalSafe<W: std::io::Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: std::io::Write> TerminalSafe<W> {
    pub fn new(inner: W) -> TerminalSafe<W> {
        TerminalSafe { inner, pending: Vec::new() }
    }

    fn pass(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        let text = String::from_utf8_lossy(bytes);
        self.inner.write_all(for_terminal(&text).as_bytes())
    }
}

impl<W: std::io::Write> std::io::Write for TerminalSafe<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        // Hold back an escape that has not ended yet (a colour is at most a few dozen
        // bytes) and a character cut in two.
        let mut complete = self.pending.len();
        let tail = complete.saturating_sub(32);
        if let Some(esc) = self.pending[tail..].iter().rposition(|&b| b == 0x1b)
            && !self.pending[tail + esc..].contains(&b'm')
        {
            complete = tail + esc;
        }
        if complete > 0 && complete == self.pending.len() && self.pending[complete - 1] == b'\r' {
            complete -= 1;
        }
        if let Err(e) = std::str::from_utf8(&self.pending[..complete])
            && e.error_len().is_none()
        {
            complete = e.valid_up_to();
        }
        let rest = self.pending.split_off(complete);
        let done = std::mem::replace(&mut self.pending, rest);
        self.pass(&done)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let done = std::mem::take(&mut self.pending);
        self.pass(&done)?;
        self.inner.flush()
    }
}

impl<W: std::io::Write> Drop for TerminalSafe<W> {
    fn drop(&mut self) {
        let _ = std::io::Write::flush(self);
    }
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Lower-case, NFD with the combining marks removed, and `đ` as `d`: "Ngân sách" and
/// "ngan sach" fold to the same text, so a filter can ignore diacritics.
///
/// Character by character: NFD of a whole text differs from the characters' decompositions
/// one after another only in the order of combining marks, which are all dropped (the tests
/// check that every character that can be reordered is a mark). Folding the full-screen view's
/// target names this way at start takes a sixth of the instructions the `nfd()` iterator took.
pub fn fold(text: &str) -> String {
    use unicode_normalization::char::{decompose_canonical, is_combining_mark};
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        decompose_canonical(c, |part| {
            if !is_combining_mark(part) {
                out.extend(part.to_lowercase().map(|c| if c == 'đ' { 'd' } else { c }));
            }
        });
    }
    out
}

/// Where the object with `"id": "<id>"` stands in JSON text, as 1-based line and column (in characters).
pub fn locate_json_id(text: &str, id: &str) -> Option<(usize, usize)> {
    let quoted = serde_json::to_string(id).ok()?;
    let mut from = 0;
    while let Some(found) = text[from..].find("\"id\"") {
        let key_at = from + found;
        let after_key = text[key_at + 4..].trim_start();
        if let Some(value) = after_key.strip_prefix(':')
            && value.trim_start().starts_with(&quoted)
        {
            return Some(line_column(text, key_at));
        }
        from = key_at + 4;
    }
    None
}

/// Where the first `"<key>":` stands in JSON text, as 1-based line and column.
pub fn locate_json_key(text: &str, key: &str) -> Option<(usize, usize)> {
    let quoted = serde_json::to_string(key).ok()?;
    let mut from = 0;
    while let Some(found) = text[from..].find(&quoted) {
        let at = from + found;
        if text[at + quoted.len()..].trim_start().starts_with(':') {
            return Some(line_column(text, at));
        }
        from = at + quoted.len();
    }
    None
}

fn line_column(text: &str, byte: usize) -> (usize, usize) {
    let before = &text[..byte];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Cuts `text` to `width` display columns, marking the cut with an ellipsis.
pub fn truncate(text: &str, width: usize, ascii: bool) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let ellipsis = if ascii { "..." } else { "…" };
    let room = width.saturating_sub(ellipsis.width());
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        out.push(c);
    }
    out.truncate(out.trim_end().len());
    out.push_str(ellipsis);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decomposed_vietnamese_becomes_composed() {
        let nfd = "Vie\u{0323}\u{0302}t";
        assert_eq!(clean(nfd), "Việt");
        assert_eq!(clean(nfd).chars().count(), 4);
    }

    #[test]
    fn escapes_and_bidi_overrides_are_dropped() {
        assert_eq!(clean("a\u{1b}[31mb\u{7}c"), "a[31mbc");
        assert_eq!(clean("abc\u{202E}fed"), "abcfed");
        assert_eq!(clean("x\u{9b}y\u{7f}"), "xy");
        assert_eq!(clean("one\ttwo\nthree"), "one two three");
        assert!(is_clean("Sở Tài chính"));
        assert!(!is_clean("a\u{1b}b"));
    }

    /// `fold` as the definition reads: NFD of the whole text, marks dropped, lower case.
    fn fold_by_definition(text: &str) -> String {
        text.nfd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .flat_map(char::to_lowercase)
            .map(|c| if c == 'đ' { 'd' } else { c })
            .collect()
    }

    /// What lets `fold` decompose character by character: canonical reordering moves only
    /// characters of a non-zero combining class, and each of them is a mark `fold` drops.
    #[test]
    fn every_reorderable_character_is_a_dropped_mark() {
        use unicode_normalization::char::{canonical_combining_class, is_combining_mark};
        let odd: Vec<char> = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| canonical_combining_class(c) != 0 && !is_combining_mark(c))
            .collect();
        assert!(odd.is_empty(), "{odd:?}");
    }

    #[test]
    fn folding_character_by_character_is_folding_the_whole() {
        let plan = crate::domain::plan::Plan::embedded();
        for t in &plan.targets {
            for text in [&t.name.vi, &t.name.en] {
                assert_eq!(fold(text), fold_by_definition(text));
                let decomposed: String = text.nfd().collect();
                assert_eq!(fold(&decomposed), fold_by_definition(&decomposed));
            }
        }
        // Marks out of canonical order, on several bases, and letters whose lower case is longer.
        for text in [
            "Vie\u{0302}\u{0323}t",
            "a\u{0301}\u{0316}\u{0300}b",
            "İSTANBUL ĐẮK LẮK",
            "ǅ ẞ Ω ﬃ",
            "\u{0301}x",
            "",
        ] {
            assert_eq!(fold(text), fold_by_definition(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn fold_is_its_definition(text in "\\PC{0,40}") {
            proptest::prop_assert_eq!(fold(&text), fold_by_definition(&text));
        }

        #[test]
        fn fold_is_its_definition_on_letters_and_stray_marks(
            text in "[aeoudyAEOUĐđăâêôơưẠạỆệ \u{0300}\u{0301}\u{0302}\u{0303}\u{0306}\u{0309}\u{031B}\u{0323}]{0,30}"
        ) {
            proptest::prop_assert_eq!(fold(&text), fold_by_definition(&text));
        }
    }

    #[test]
    fn the_letters_taken_as_clean_without_tables_are() {
        use unicode_normalization::char::canonical_combining_class;
        let all = (' '..='~').chain('\u{A0}'..='\u{24F}').chain('\u{1E00}'..='\u{1EFF}');
        for c in all {
            assert!(surely_clean_letter(c));
            let text = c.to_string();
            assert_eq!(clean(&text), text, "{c:?} is clean");
            assert_eq!(canonical_combining_class(c), 0, "{c:?} combines with nothing before it");
            assert_eq!(
                unicode_normalization::is_nfc_quick(text.chars()),
                unicode_normalization::IsNormalized::Yes,
                "{c:?} is NFC whatever precedes it"
            );
        }
        assert!(!surely_clean_letter('\u{85}'), "C1 controls are not");
        assert!(!surely_clean_letter('\u{300}'), "combining marks are not");
    }

    #[test]
    fn folding_ignores_marks_and_case() {
        assert_eq!(fold("Thu ngân sách trên địa bàn"), "thu ngan sach tren dia ban");
        assert_eq!(fold("ĐẢNG"), "dang");
        assert_eq!(fold("Vie\u{0323}\u{0302}t"), "viet");
    }

    #[test]
    fn locates_an_object_by_id() {
        let text = "{\n  \"targets\": [\n    { \"id\" : \"7a\", \"x\": 1 }\n  ]\n}";
        assert_eq!(locate_json_id(text, "7a"), Some((3, 7)));
        assert_eq!(locate_json_id(text, "7"), None);
    }

    #[test]
    fn truncation_counts_display_columns() {
        assert_eq!(truncate("Thu ngân sách trên địa bàn", 12, false), "Thu ngân sá…");
        assert_eq!(truncate("Thu ngân sách", 13, false), "Thu ngân sách");
        assert_eq!(truncate("Thu ngân sách trên", 10, true), "Thu ngâ...");
    }
}
