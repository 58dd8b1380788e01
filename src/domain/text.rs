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
