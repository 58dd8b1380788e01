//! The footer: the last message (or the filter being typed), then the keys that apply now.

use crate::app::keymap;
use crate::app::{App, Mode};
use crate::i18n::ViewText;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

pub fn footer(app: &App, area: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    let first = Rect { height: 1, ..area };
    if app.mode == Mode::Filter {
        let prompt = format!("{}: /", ViewText::Filter.get(lang));
        let before = app.filter.text[..app.filter.cursor].width();
        Line::from(vec![Span::styled(prompt.clone(), app.theme.label), Span::raw(app.filter.text.clone())])
            .render(first, buf);
        let x = area.x.saturating_add((prompt.width() + before) as u16).min(area.right().saturating_sub(1));
        let mut hits = app.hits.get();
        hits.cursor = Some(Position { x, y: area.y });
        app.hits.set(hits);
    } else if let Some(message) = &app.message {
        let style = if message.error { app.theme.error } else { app.theme.info };
        Line::styled(message.text.clone(), style).render(first, buf);
    }
    let dot = app.theme.dot();
    let mut hints = keymap::footer(app.mode_kind(), lang, app.ascii, app.read_only);
    // Too many for the width: drop from the middle, keeping the first two (move, or save and
    // cancel) and help and quit at the end; with only those left, drop from the end.
    let width = |hints: &[(String, &str)]| -> usize {
        hints.iter().map(|(k, h)| k.width() + 1 + h.width()).sum::<usize>()
            + dot.width() * hints.len().saturating_sub(1)
    };
    while width(&hints) > usize::from(area.width) && hints.len() > 2 {
        let at = hints.len() - 3;
        hints.remove(if at >= 2 { at } else { hints.len() - 1 });
    }
    let mut spans = Vec::new();
    for (i, (keys, help)) in hints.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(dot, app.theme.dim));
        }
        spans.push(Span::styled(keys, app.theme.key));
        spans.push(Span::raw(format!(" {help}")));
    }
    Line::from(spans).render(Rect { y: area.y + 1, height: 1, ..area }, buf);
}
