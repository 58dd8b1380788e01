//! Windows over the body: the edit form, the help page, the undo and close-a-period questions.

use super::centred;
use crate::app::keymap;
use crate::app::{App, Form, FormField, ModeKind, RoundAsk};
use crate::domain::ledger::Entry;
use crate::domain::number;
use crate::domain::text::truncate;
use crate::i18n::present;
use crate::i18n::{self, Label, ViewText};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

fn frame<'a>(app: &App, title: String) -> Block<'a> {
    Block::bordered()
        .border_set(app.theme.border_set())
        .border_style(app.theme.border)
        .title(Span::styled(format!(" {title} "), app.theme.title))
}

/// The part of `text` that fits in `width` columns with the cursor in view, and the
/// cursor's column within it.
fn window(text: &str, cursor: usize, width: usize) -> (String, usize) {
    let mut start = 0;
    let room = width.saturating_sub(1);
    while text[start..cursor].width() > room {
        start += text[start..].chars().next().map_or(1, char::len_utf8);
    }
    let mut shown = String::new();
    let mut used = 0;
    for c in text[start..].chars() {
        used += c.width().unwrap_or(0);
        if used > width {
            break;
        }
        shown.push(c);
    }
    (shown, text[start..cursor].width())
}

pub fn form(app: &App, form: &Form, area: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    let theme = &app.theme;
    let Some(target) = app.plan.target(&form.target) else { return };
    let popup = centred(area, 76, 12);
    Clear.render(popup, buf);
    let title = format!("{}: {} {}", ViewText::EditTitle.get(lang), target.id, target.name.get(lang));
    let title = truncate(&title, usize::from(popup.width.saturating_sub(4)), app.ascii);
    let block = frame(app, title).padding(ratatui::widgets::Padding::horizontal(1));
    let inner = block.inner(popup);
    block.render(popup, buf);

    let labels = [ViewText::Value, ViewText::ReadAs, ViewText::Kind, ViewText::Note].map(|u| u.get(lang));
    let label_width =
        labels.iter().chain([Label::ColPeriod.get(lang)].iter()).map(|l| l.width()).max().unwrap_or(0) + 2;
    let field_width = usize::from(inner.width).saturating_sub(label_width);
    let label = |text: &str, focus: bool| {
        let style = if focus { theme.tab_active } else { theme.label };
        Span::styled(format!("{:<w$}", format!("{text}:"), w = label_width), style)
    };
    let unit = target.unit.get(lang);
    let mut lines = Vec::new();
    let mut goal_line = vec![
        Span::styled(format!("{}: ", ViewText::Goal.get(lang)), theme.dim),
        Span::raw(present::goal(lang, app.ascii, target)),
    ];
    if let Some(current) = app.store.ledger().current(&target.id, form.period) {
        goal_line.push(Span::styled(
            format!(
                "{}{} ({}): {}",
                theme.dot(),
                ViewText::Current.get(lang),
                i18n::period(lang, form.period),
                present::figure(lang, current.value)
            ),
            theme.dim,
        ));
    }
    lines.push(Line::from(goal_line));
    let (value_shown, value_cursor) = window(&form.value.text, form.value.cursor, field_width);
    lines.push(Line::from(vec![label(labels[0], form.focus == FormField::Value), Span::raw(value_shown)]));
    let read_as = if form.value.text.trim().is_empty() {
        Span::styled(ViewText::TypeANumber.get(lang), theme.dim)
    } else {
        match number::parse(&form.value.text, lang.number_style()) {
            Ok(v) => Span::styled(present::value_with_unit(lang, v, unit), theme.info.patch(theme.label)),
            Err(e) => Span::styled(i18n::number_error(lang, &e), theme.error),
        }
    };
    lines.push(Line::from(vec![label(labels[1], false), read_as]));
    let (left, right) = if app.ascii { ("< ", " >") } else { ("◀ ", " ▶") };
    lines.push(Line::from(vec![
        label(Label::ColPeriod.get(lang), form.focus == FormField::Period),
        Span::raw(format!("{left}{}{right}", i18n::period(lang, form.period))),
    ]));
    lines.push(Line::from(vec![
        label(labels[2], form.focus == FormField::Kind),
        Span::raw(format!("{left}{}{right}", i18n::kind(lang, form.kind))),
    ]));
    let (note_shown, note_cursor) = window(&form.note.text, form.note.cursor, field_width);
    lines.push(Line::from(vec![label(labels[3], form.focus == FormField::Note), Span::raw(note_shown)]));
    if let Some(notice) = &form.notice {
        lines.push(Line::styled(notice.clone(), theme.info.patch(theme.label)));
    }
    if let Some(error) = &form.error {
        lines.push(Line::styled(error.clone(), theme.error));
    }
    // The keys are in the footer below, drawn from the key table.
    Paragraph::new(lines).wrap(Wrap { trim: false }).render(inner, buf);

    let cursor = match form.focus {
        FormField::Value => Some((1, value_cursor)),
        FormField::Note => Some((5, note_cursor)),
        _ => None,
    };
    if let Some((row, column)) = cursor
        && row < inner.height
    {
        let x =
            (usize::from(inner.x) + label_width + column).min(usize::from(inner.right().saturating_sub(1)));
        let mut hits = app.hits.get();
        hits.cursor = Some(Position { x: u16::try_from(x).unwrap_or(inner.x), y: inner.y + row });
        app.hits.set(hits);
    }
}

pub fn help(app: &App, area: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    let theme = &app.theme;
    let popup = centred(area, 72, area.height);
    Clear.render(popup, buf);
    let block = frame(app, ViewText::HelpTitle.get(lang).to_owned());
    let sections = [
        (ModeKind::Browse, ViewText::HelpBrowse),
        (ModeKind::Detail, ViewText::HelpDetail),
        (ModeKind::Filter, ViewText::HelpFilter),
        (ModeKind::Edit, ViewText::HelpEdit),
        (ModeKind::Confirm, ViewText::HelpConfirm),
        (ModeKind::ConfirmRound, ViewText::HelpConfirmRound),
        (ModeKind::Units, ViewText::HelpUnits),
        (ModeKind::Help, ViewText::HelpHelp),
    ];
    // What the table's marks mean comes first (`~` above all: an estimate, not yet official),
    // then each mode's keys.
    let mut pages = vec![(i18n::marks::title(lang), i18n::marks::lines(lang, app.ascii))];
    pages
        .extend(sections.map(|(mode, title)| {
            (title.get(lang), keymap::help_lines(mode, lang, app.ascii, app.read_only))
        }));
    let key_width =
        pages.iter().flat_map(|(_, lines)| lines.iter().map(|(keys, _)| keys.width())).max().unwrap_or(0);
    let mut lines = Vec::new();
    for (title, bindings) in pages {
        lines.push(Line::styled(title, theme.title));
        for (keys, help) in bindings {
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<key_width$}  "), theme.key),
                Span::raw(help),
            ]));
        }
    }
    let max = u16::try_from(lines.len()).unwrap_or(u16::MAX).saturating_sub(popup.height.saturating_sub(2));
    Paragraph::new(lines).block(block).scroll((app.help_scroll.min(max), 0)).render(popup, buf);
}

/// Who has not reported for the period in view: the targets due without a figure, under
/// their lead agency (`m`; as `chitieu missing`).
pub fn missing(app: &App, area: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    let theme = &app.theme;
    let period = app.period_for_entry();
    let ledger = app.store.ledger();
    let groups = crate::domain::units::missing(&app.plan, ledger, period);
    let done = crate::domain::units::completeness(&app.plan, ledger, period);
    let popup = centred(area, 76, area.height);
    Clear.render(popup, buf);
    let title =
        format!("{} · {}", lang.pick("Chưa có số liệu", "Missing figures"), i18n::period(lang, period));
    let block = frame(app, title);
    let inner = usize::from(popup.width.saturating_sub(2));
    let mut lines = vec![Line::styled(i18n::reported_short(lang, done), theme.label)];
    for group in &groups {
        let agency =
            group.agency.unwrap_or(lang.pick("(chưa giao cơ quan chủ trì)", "(no lead agency named)"));
        lines.push(Line::styled(format!("{agency} ({})", group.targets.len()), theme.title));
        for target in &group.targets {
            let text = format!("  {:<6} {}", target.id, target.name.get(lang));
            lines.push(Line::raw(truncate(&text, inner, app.ascii)));
        }
    }
    let max = u16::try_from(lines.len()).unwrap_or(u16::MAX).saturating_sub(popup.height.saturating_sub(2));
    Paragraph::new(lines).block(block).scroll((app.help_scroll.min(max), 0)).render(popup, buf);
}

pub fn confirm(app: &App, entry: &Entry, area: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    let unit = app.plan.target(&entry.target).map_or("", |t| t.unit.get(lang));
    let dot = app.theme.dot();
    let what = format!(
        "{}{dot}{}{dot}{}{dot}{}{dot}{}",
        entry.target,
        i18n::period(lang, entry.period),
        present::value_with_unit(lang, entry.value, unit),
        crate::domain::text::clean(&entry.author),
        present::time_in(lang, entry.time, &app.tz)
    );
    let lines = vec![Line::raw(ViewText::UndoQuestion.get(lang)), Line::styled(what, app.theme.label)];
    ask(app, ModeKind::Confirm, ViewText::UndoTitle.get(lang), lines, area, buf);
}

/// The question before `c` closes or reopens a period.
pub fn confirm_round(app: &App, round: &RoundAsk, area: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    let closing = round.action == crate::domain::ledger::RoundAction::ClosePeriod;
    let title = if closing { ViewText::CloseTitle } else { ViewText::ReopenTitle };
    let mut lines =
        vec![Line::styled(i18n::field::round_question(lang, round.action, round.period), app.theme.label)];
    if round.default {
        lines.push(Line::raw(i18n::field::round_default_period(lang, round.period)));
    }
    if let Some(closed) = app.closed(round.period).filter(|_| !closing) {
        lines.push(Line::styled(i18n::field::closed_by(lang, closed, &app.tz), app.theme.dim));
    }
    ask(app, ModeKind::ConfirmRound, title.get(lang), lines, area, buf);
}

/// A yes/no popup: `lines`, a blank line, then the keys.
fn ask(app: &App, mode: ModeKind, title: &str, mut lines: Vec<Line>, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let mut keys = Vec::new();
    let hints = keymap::footer(mode, app.lang, app.ascii, app.read_only);
    for (i, (k, help)) in hints.into_iter().enumerate() {
        if i > 0 {
            keys.push(Span::styled(theme.dot(), theme.dim));
        }
        keys.push(Span::styled(k, theme.key));
        keys.push(Span::raw(format!(" {help}")));
    }
    lines.push(Line::default());
    lines.push(Line::from(keys));
    // Room for the lines as they wrap in 62 columns, and the border.
    let height = lines.iter().map(|l| l.width().div_ceil(62).max(1)).sum::<usize>() + 2;
    let popup = centred(area, 64, u16::try_from(height).unwrap_or(u16::MAX).max(7));
    Clear.render(popup, buf);
    let block = frame(app, title.to_owned());
    Paragraph::new(lines).block(block).wrap(Wrap { trim: false }).render(popup, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_keeps_the_cursor_in_view() {
        assert_eq!(window("9.500", 5, 20), ("9.500".to_owned(), 5));
        let (shown, at) = window("abcdefghij", 10, 4);
        assert_eq!((shown.as_str(), at), ("hij", 3));
    }
}
