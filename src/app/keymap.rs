//! The key table: (mode, key) → action, each binding with what it does. Dispatch, the help
//! page and the footer all read this one table, so they cannot drift apart.

use crate::app::{Action, ModeKind};
use crate::i18n::{KeyHelp, Lang};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// One binding.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub mode: ModeKind,
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
    pub action: Action,
    pub help: KeyHelp,
    /// Shown in the footer (the help page shows every binding).
    pub footer: bool,
    /// A Vietnamese letter for a Vietnamese word (`c` có, `k` không): it works in either
    /// language but is shown only in Vietnamese, where it means something.
    pub vietnamese: bool,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

const fn bind(mode: ModeKind, code: KeyCode, action: Action, help: KeyHelp, footer: bool) -> Binding {
    Binding { mode, code, modifiers: NONE, action, help, footer, vietnamese: false }
}

/// A Vietnamese letter alias (see [`Binding::vietnamese`]).
const fn vi(mode: ModeKind, c: char, action: Action, help: KeyHelp) -> Binding {
    Binding { mode, code: KeyCode::Char(c), modifiers: NONE, action, help, footer: true, vietnamese: true }
}

const fn ctrl(mode: ModeKind, c: char, action: Action, help: KeyHelp) -> Binding {
    Binding { mode, code: KeyCode::Char(c), modifiers: CTRL, action, help, footer: false, vietnamese: false }
}

use KeyCode::{
    BackTab, Backspace, Char, Delete, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up,
};
use ModeKind::{Browse, Confirm, ConfirmRound, Detail, Edit, Filter, Help, Units};

/// Every binding, in the order the help page lists them.
pub const BINDINGS: &[Binding] = &[
    bind(Browse, Up, Action::Up, KeyHelp::Move, true),
    bind(Browse, Down, Action::Down, KeyHelp::Move, true),
    bind(Browse, Char('k'), Action::Up, KeyHelp::Move, false),
    bind(Browse, Char('j'), Action::Down, KeyHelp::Move, false),
    bind(Browse, PageUp, Action::PageUp, KeyHelp::Page, false),
    bind(Browse, PageDown, Action::PageDown, KeyHelp::Page, false),
    bind(Browse, Home, Action::First, KeyHelp::Ends, false),
    bind(Browse, End, Action::Last, KeyHelp::Ends, false),
    bind(Browse, Char('g'), Action::First, KeyHelp::Ends, false),
    bind(Browse, Char('G'), Action::Last, KeyHelp::Ends, false),
    bind(Browse, Tab, Action::NextGroup, KeyHelp::Group, true),
    bind(Browse, BackTab, Action::PrevGroup, KeyHelp::Group, false),
    bind(Browse, Right, Action::NextGroup, KeyHelp::Group, false),
    bind(Browse, Left, Action::PrevGroup, KeyHelp::Group, false),
    bind(Browse, Enter, Action::Edit, KeyHelp::Edit, true),
    bind(Browse, Char('e'), Action::Edit, KeyHelp::Edit, false),
    bind(Browse, Char('/'), Action::StartFilter, KeyHelp::Filter, true),
    bind(Browse, Esc, Action::Back, KeyHelp::Clear, false),
    bind(Browse, Char('f'), Action::CycleStatusFilter, KeyHelp::StatusFilter, true),
    bind(Browse, Char('s'), Action::CycleSort, KeyHelp::Sort, false),
    bind(Browse, Char('p'), Action::CyclePeriod, KeyHelp::Period, true),
    bind(Browse, Char('P'), Action::PrevPeriod, KeyHelp::PeriodBack, false),
    bind(Browse, Char('u'), Action::Undo, KeyHelp::Undo, true),
    bind(Browse, Char('c'), Action::ToggleRound, KeyHelp::Round, true),
    bind(Browse, Char('i'), Action::ToggleDetail, KeyHelp::Detail, true),
    bind(Browse, Char('y'), Action::NextPlan, KeyHelp::NextPlan, false),
    bind(Browse, Char('m'), Action::ShowMissing, KeyHelp::Missing, false),
    bind(Browse, Char('U'), Action::ShowUnits, KeyHelp::Units, false),
    bind(Browse, Char('a'), Action::CycleAgency, KeyHelp::Agency, false),
    bind(Browse, Char('?'), Action::ShowHelp, KeyHelp::Help, true),
    bind(Browse, Char('q'), Action::Quit, KeyHelp::Quit, true),
    ctrl(Browse, 'c', Action::Quit, KeyHelp::Quit),
    ctrl(Browse, 'l', Action::Redraw, KeyHelp::Redraw),
    bind(Filter, Enter, Action::Confirm, KeyHelp::Apply, true),
    bind(Filter, Esc, Action::Cancel, KeyHelp::Clear, true),
    bind(Filter, Backspace, Action::Backspace, KeyHelp::Erase, false),
    ctrl(Filter, 'h', Action::Backspace, KeyHelp::Erase),
    ctrl(Filter, 'u', Action::ClearLine, KeyHelp::ClearLine),
    bind(Filter, Left, Action::Left, KeyHelp::Cursor, false),
    bind(Filter, Right, Action::Right, KeyHelp::Cursor, false),
    ctrl(Filter, 'c', Action::Quit, KeyHelp::Quit),
    ctrl(Filter, 'l', Action::Redraw, KeyHelp::Redraw),
    bind(Detail, Esc, Action::Back, KeyHelp::Back, true),
    bind(Detail, Char('i'), Action::Back, KeyHelp::Back, false),
    bind(Detail, Up, Action::Up, KeyHelp::OtherTarget, true),
    bind(Detail, Down, Action::Down, KeyHelp::OtherTarget, true),
    bind(Detail, Char('k'), Action::Up, KeyHelp::OtherTarget, false),
    bind(Detail, Char('j'), Action::Down, KeyHelp::OtherTarget, false),
    bind(Detail, Enter, Action::Edit, KeyHelp::Edit, true),
    bind(Detail, Char('e'), Action::Edit, KeyHelp::Edit, false),
    bind(Detail, Char('u'), Action::Undo, KeyHelp::Undo, false),
    bind(Detail, Char('p'), Action::CyclePeriod, KeyHelp::Period, false),
    bind(Detail, Char('P'), Action::PrevPeriod, KeyHelp::PeriodBack, false),
    bind(Detail, Char('?'), Action::ShowHelp, KeyHelp::Help, true),
    bind(Detail, Char('q'), Action::Quit, KeyHelp::Quit, true),
    ctrl(Detail, 'c', Action::Quit, KeyHelp::Quit),
    ctrl(Detail, 'l', Action::Redraw, KeyHelp::Redraw),
    bind(Edit, Enter, Action::Confirm, KeyHelp::Save, true),
    bind(Edit, Esc, Action::Cancel, KeyHelp::Cancel, true),
    bind(Edit, Tab, Action::NextField, KeyHelp::Field, true),
    bind(Edit, Down, Action::NextField, KeyHelp::Field, false),
    bind(Edit, BackTab, Action::PrevField, KeyHelp::Field, false),
    bind(Edit, Up, Action::PrevField, KeyHelp::Field, false),
    bind(Edit, Left, Action::Left, KeyHelp::Change, true),
    bind(Edit, Right, Action::Right, KeyHelp::Change, true),
    bind(Edit, Home, Action::Home, KeyHelp::Change, false),
    bind(Edit, End, Action::End, KeyHelp::Change, false),
    bind(Edit, Backspace, Action::Backspace, KeyHelp::Erase, false),
    ctrl(Edit, 'h', Action::Backspace, KeyHelp::Erase),
    bind(Edit, Delete, Action::Delete, KeyHelp::Erase, false),
    ctrl(Edit, 'c', Action::Quit, KeyHelp::Quit),
    ctrl(Edit, 'l', Action::Redraw, KeyHelp::Redraw),
    bind(Help, Esc, Action::Cancel, KeyHelp::Close, true),
    bind(Help, Char('?'), Action::Cancel, KeyHelp::Close, false),
    bind(Help, Char('q'), Action::Cancel, KeyHelp::Close, false),
    bind(Help, Enter, Action::Cancel, KeyHelp::Close, false),
    bind(Help, Up, Action::Up, KeyHelp::Scroll, true),
    bind(Help, Down, Action::Down, KeyHelp::Scroll, true),
    bind(Help, Char('k'), Action::Up, KeyHelp::Scroll, false),
    bind(Help, Char('j'), Action::Down, KeyHelp::Scroll, false),
    ctrl(Help, 'c', Action::Quit, KeyHelp::Quit),
    ctrl(Help, 'l', Action::Redraw, KeyHelp::Redraw),
    bind(Units, Esc, Action::Back, KeyHelp::Close, true),
    bind(Units, Char('U'), Action::ShowUnits, KeyHelp::Close, false),
    bind(Units, Char('q'), Action::Back, KeyHelp::Close, false),
    bind(Units, Up, Action::Up, KeyHelp::Scroll, true),
    bind(Units, Down, Action::Down, KeyHelp::Scroll, true),
    bind(Units, Char('k'), Action::Up, KeyHelp::Scroll, false),
    bind(Units, Char('j'), Action::Down, KeyHelp::Scroll, false),
    bind(Units, PageUp, Action::PageUp, KeyHelp::Page, false),
    bind(Units, PageDown, Action::PageDown, KeyHelp::Page, false),
    bind(Units, Home, Action::First, KeyHelp::Ends, false),
    bind(Units, End, Action::Last, KeyHelp::Ends, false),
    bind(Units, Tab, Action::NextGroup, KeyHelp::UnitsPane, true),
    bind(Units, BackTab, Action::PrevGroup, KeyHelp::UnitsPane, false),
    bind(Units, Char('p'), Action::CyclePeriod, KeyHelp::Period, true),
    bind(Units, Char('P'), Action::PrevPeriod, KeyHelp::PeriodBack, false),
    ctrl(Units, 'c', Action::Quit, KeyHelp::Quit),
    ctrl(Units, 'l', Action::Redraw, KeyHelp::Redraw),
    bind(Confirm, Char('y'), Action::Confirm, KeyHelp::Yes, true),
    vi(Confirm, 'c', Action::Confirm, KeyHelp::Yes),
    bind(Confirm, Enter, Action::Confirm, KeyHelp::Yes, false),
    bind(Confirm, Char('n'), Action::Cancel, KeyHelp::No, true),
    vi(Confirm, 'k', Action::Cancel, KeyHelp::No),
    bind(Confirm, Esc, Action::Cancel, KeyHelp::No, false),
    ctrl(Confirm, 'c', Action::Quit, KeyHelp::Quit),
    ctrl(Confirm, 'l', Action::Redraw, KeyHelp::Redraw),
    bind(ConfirmRound, Char('y'), Action::Confirm, KeyHelp::Yes, true),
    bind(ConfirmRound, Enter, Action::Confirm, KeyHelp::Yes, true),
    bind(ConfirmRound, Char('n'), Action::Cancel, KeyHelp::No, true),
    vi(ConfirmRound, 'k', Action::Cancel, KeyHelp::No),
    bind(ConfirmRound, Esc, Action::Cancel, KeyHelp::No, true),
    ctrl(ConfirmRound, 'c', Action::Quit, KeyHelp::Quit),
    ctrl(ConfirmRound, 'l', Action::Redraw, KeyHelp::Redraw),
];

/// The action for a key event in `mode`, if any. Releases and repeats of Windows terminals
/// are ignored; in text fields a printable character is typed.
pub fn resolve(mode: ModeKind, key: KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    // Shift is part of the character itself ('?' or 'A'), and of BackTab.
    let modifiers = key.modifiers - KeyModifiers::SHIFT;
    let found = BINDINGS.iter().find(|b| b.mode == mode && b.code == key.code && b.modifiers == modifiers);
    if let Some(binding) = found {
        return Some(binding.action);
    }
    match (mode, key.code) {
        (Filter | Edit, Char(c)) if !modifiers.intersects(CTRL | KeyModifiers::ALT) => Some(Action::Input(c)),
        _ => None,
    }
}

/// Whether `action` writes to the store: not offered when the view is read-only.
pub fn writes(action: Action) -> bool {
    matches!(action, Action::Edit | Action::Undo | Action::ToggleRound)
}

/// How a key is written on the help page and in the footer.
pub fn label(binding: &Binding, ascii: bool) -> String {
    match (binding.code, ascii) {
        (Up, false) => "↑".to_owned(),
        (Down, false) => "↓".to_owned(),
        (Left, false) => "←".to_owned(),
        (Right, false) => "→".to_owned(),
        (Up, true) => "Up".to_owned(),
        (Down, true) => "Down".to_owned(),
        (Left, true) => "Left".to_owned(),
        (Right, true) => "Right".to_owned(),
        (PageUp, _) => "PgUp".to_owned(),
        (PageDown, _) => "PgDn".to_owned(),
        (Home, _) => "Home".to_owned(),
        (End, _) => "End".to_owned(),
        (Tab, _) => "Tab".to_owned(),
        (BackTab, _) => "Shift-Tab".to_owned(),
        (Enter, _) => "Enter".to_owned(),
        (Esc, _) => "Esc".to_owned(),
        (Backspace, _) => "Backspace".to_owned(),
        (Delete, _) => "Del".to_owned(),
        (Char(c), _) if binding.modifiers.contains(CTRL) => format!("Ctrl-{}", c.to_ascii_uppercase()),
        (Char(c), _) => c.to_string(),
        (other, _) => format!("{other:?}"),
    }
}

/// The footer hints for `mode`: keys that share a description are written together
/// (`↑/↓ chọn dòng`).
/// Keys that write are left out when `read_only`.
pub fn footer(mode: ModeKind, lang: Lang, ascii: bool, read_only: bool) -> Vec<(String, &'static str)> {
    let mut hints: Vec<(String, KeyHelp)> = Vec::new();
    let shown = |b: &&Binding| lang == Lang::Vi || !b.vietnamese;
    for b in BINDINGS
        .iter()
        .filter(shown)
        .filter(|b| b.mode == mode && b.footer && !(read_only && writes(b.action)))
    {
        match hints.iter_mut().find(|(_, help)| *help == b.help) {
            Some((keys, _)) => {
                keys.push('/');
                keys.push_str(&label(b, ascii));
            }
            None => hints.push((label(b, ascii), b.help)),
        }
    }
    hints.into_iter().map(|(keys, help)| (keys, help.get(lang))).collect()
}

/// The help page for one mode: each description once, with all its keys; keys that write
/// are marked unavailable when `read_only`.
pub fn help_lines(mode: ModeKind, lang: Lang, ascii: bool, read_only: bool) -> Vec<(String, String)> {
    let mut lines: Vec<(String, KeyHelp)> = Vec::new();
    for b in BINDINGS.iter().filter(|b| b.mode == mode && (lang == Lang::Vi || !b.vietnamese)) {
        match lines.iter_mut().find(|(_, help)| *help == b.help) {
            Some((keys, _)) => {
                keys.push_str(", ");
                keys.push_str(&label(b, ascii));
            }
            None => lines.push((label(b, ascii), b.help)),
        }
    }
    let unavailable = |help: KeyHelp| {
        read_only && BINDINGS.iter().any(|b| b.mode == mode && b.help == help && writes(b.action))
    };
    lines
        .into_iter()
        .map(|(keys, help)| match unavailable(help) {
            true => (keys, format!("{} {}", help.get(lang), crate::i18n::ViewText::NotInReadOnly.get(lang))),
            false => (keys, help.get(lang).to_owned()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn keys_resolve_per_mode() {
        assert_eq!(resolve(Browse, press(Char('j'), NONE)), Some(Action::Down));
        assert_eq!(resolve(Browse, press(Char('?'), KeyModifiers::SHIFT)), Some(Action::ShowHelp));
        assert_eq!(resolve(Browse, press(BackTab, KeyModifiers::SHIFT)), Some(Action::PrevGroup));
        assert_eq!(resolve(Edit, press(Char('j'), NONE)), Some(Action::Input('j')));
        assert_eq!(resolve(Edit, press(Char('h'), CTRL)), Some(Action::Backspace));
        assert_eq!(resolve(Filter, press(Char('h'), CTRL)), Some(Action::Backspace));
        assert_eq!(resolve(Edit, press(Char('c'), CTRL)), Some(Action::Quit));
        assert_eq!(resolve(Browse, press(Char('x'), NONE)), None);
        assert_eq!(resolve(Confirm, press(Char('c'), NONE)), Some(Action::Confirm), "c = có");
        assert_eq!(resolve(ConfirmRound, press(Char('c'), NONE)), None, "c c does not close a period");
    }

    #[test]
    fn releases_are_ignored() {
        let mut key = press(Char('q'), NONE);
        key.kind = KeyEventKind::Release;
        assert_eq!(resolve(Browse, key), None);
    }

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                assert!(
                    !(a.mode == b.mode && a.code == b.code && a.modifiers == b.modifiers),
                    "{a:?} and {b:?}"
                );
            }
        }
    }

    #[test]
    fn vietnamese_letters_are_shown_only_in_vietnamese() {
        let vi = footer(Confirm, Lang::Vi, false, false);
        assert_eq!(vi[0].0, "y/c");
        let en = footer(Confirm, Lang::En, false, false);
        assert_eq!(en[0], ("y".to_owned(), "yes"));
        assert!(en.iter().all(|(k, _)| !k.contains('c') && !k.contains('k')), "{en:?}");
        assert_eq!(resolve(Confirm, press(Char('c'), NONE)), Some(Action::Confirm), "c still works");
    }

    #[test]
    fn footer_groups_keys_that_do_the_same() {
        let hints = footer(Browse, Lang::Vi, false, false);
        assert_eq!(hints[0], ("↑/↓".to_owned(), "chọn dòng"));
        assert!(hints.iter().any(|(k, h)| k == "q" && *h == "thoát"));
        assert!(hints.iter().any(|(k, h)| k == "c" && *h == "chốt/mở lại kỳ"));
    }

    #[test]
    fn read_only_offers_no_key_that_writes() {
        let hints = footer(Browse, Lang::En, false, true);
        assert!(!hints.iter().any(|(k, _)| ["Enter", "u", "c"].contains(&k.as_str())), "{hints:?}");
        let help = help_lines(Browse, Lang::En, false, true);
        let undo = help.iter().find(|(k, _)| k == "u").expect("u on the help page");
        assert_eq!(undo.1, "undo (not when read-only)");
        let moving = help.iter().find(|(k, _)| k.starts_with('↑')).expect("moving");
        assert_eq!(moving.1, "select");
    }
}
