//! The units screen (`U`), over the tabs and the body:
//!
//! ```text
//! Các đơn vị · 6 tháng · 3 đơn vị · đã có số liệu 3/45 · [Tình trạng] Tổng các đơn vị (Tab)
//! Đơn vị          Đã có  ▲  !  ▼  ○  ·  1 2 3 4 5 6 7 8 9 10 11 12 …   a line per unit
//! Xã Mỹ An         2/15  2  0  0 14 13  ▲ ○ · · ○ ○ ○ ○ ▲  ○  ·  · …
//! Cộng (số lượng)  3/30  …                                              the sums, kept in view
//! ▲ Đúng/vượt tiến độ · ! Có nguy cơ không đạt · …                      what the marks mean
//! ```
//! The other pane (Tab) gives, for each target whose figures add up, the province's own
//! figure beside the units' total. Every status is a symbol, so it reads without colour.

use crate::app::App;
use crate::app::units::UnitsScreen;
use crate::domain::status::Status;
use crate::domain::text::{clean, truncate};
use crate::domain::units;
use crate::i18n::units_view::{self, Pane, UnitsText};
use crate::i18n::{self, present};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

/// A screen at least this wide shows each unit's id before its name.
const WITH_ID: u16 = 100;
/// The narrowest the unit's name gets before key indicators are left out.
const NAME_MIN: usize = 12;

pub fn units(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(screen) = &app.units.screen else { return };
    if area.height == 0 {
        return;
    }
    title(app, screen, Rect { height: 1, ..area }, buf);
    let body = Rect { y: area.y + 1, height: area.height - 1, ..area };
    if screen.units.is_empty() {
        let how = units_view::no_units(app.lang);
        Paragraph::new(Line::styled(how, app.theme.label)).wrap(Wrap { trim: true }).render(body, buf);
        return;
    }
    match screen.pane {
        Pane::Statuses => statuses(app, screen, body, buf),
        Pane::Totals => totals(app, screen, body, buf),
    }
}

/// `Các đơn vị · 6 tháng · 3 đơn vị · đã có số liệu 3/45 · [Tình trạng] Tổng các đơn vị`
fn title(app: &App, screen: &UnitsScreen, area: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    let dot = app.theme.dot();
    let (mut reported, mut expected) = (0, 0);
    for row in &screen.rows {
        reported += row.completeness.reported;
        expected += row.completeness.expected;
    }
    let done = units::Completeness { reported, expected };
    let mut spans = vec![
        Span::styled(UnitsText::Title.get(lang), app.theme.title),
        Span::styled(format!("{dot}{}", i18n::period(lang, screen.period)), app.theme.label),
        Span::styled(format!("{dot}{}", units_view::unit_count(lang, screen.units.len())), app.theme.label),
        Span::styled(dot, app.theme.dim),
    ];
    for pane in [Pane::Statuses, Pane::Totals] {
        let style = if pane == screen.pane { app.theme.tab_active } else { app.theme.tab };
        spans.push(Span::styled(format!(" {} ", units_view::pane(lang, pane)), style));
    }
    // Last, and only if it fits whole (a cut "0/" reads as a figure): the sums row under the
    // units says it too.
    let reported = format!("{dot}{}", i18n::reported_short(lang, done));
    let used: usize = spans.iter().map(|span| span.width()).sum();
    if used + reported.width() <= usize::from(area.width) {
        spans.push(Span::styled(reported, app.theme.label));
    }
    Line::from(spans).render(area, buf);
}

/// The first line of a pane to draw, with `lines` lines in `height`; keeps the last
/// possible first line for the next key.
fn first_line(screen: &UnitsScreen, lines: usize, height: usize) -> usize {
    let max = lines.saturating_sub(height);
    screen.max_scroll.set(max);
    screen.scroll.min(max)
}

/// Pads `text` to `width` columns, on the left when `right` (figures).
fn pad(text: &str, width: usize, right: bool) -> String {
    let spaces = " ".repeat(width.saturating_sub(text.width()));
    if right { format!("{spaces}{text}") } else { format!("{text}{spaces}") }
}

/// A line per unit: completeness, counts per status, a mark per key indicator; the sums
/// below, and what the marks mean.
fn statuses(app: &App, screen: &UnitsScreen, area: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    let theme = &app.theme;
    let shown = units::statuses_shown(screen.period);
    let keys: Vec<&str> = app.plan.key_indicators().map(|t| t.id.as_str()).collect();
    let with_id = area.width >= WITH_ID;
    let id_width = match with_id {
        true => {
            screen.units.iter().map(|(u, _)| u.id.width()).chain([UnitsText::ColId.get(lang).width()]).max()
        }
        false => None,
    }
    .map(|w| w.min(16));
    let reported: Vec<String> = screen
        .rows
        .iter()
        .map(|r| format!("{}/{}", r.completeness.reported, r.completeness.expected))
        .collect();
    let (sum_reported, sum_expected) = screen
        .rows
        .iter()
        .fold((0, 0), |(r, e), row| (r + row.completeness.reported, e + row.completeness.expected));
    let sum_text = format!("{sum_reported}/{sum_expected}");
    let reported_width = reported
        .iter()
        .map(|r| r.width())
        .chain([sum_text.width(), UnitsText::ColReported.get(lang).width()])
        .max();
    let reported_width = reported_width.unwrap_or(5);
    let count_of = |counts: &[usize], status: Status| {
        Status::ALL.iter().position(|s| *s == status).map_or(0, |i| counts[i])
    };
    let sums: Vec<usize> =
        shown.iter().map(|s| screen.rows.iter().map(|r| count_of(&r.statuses, *s)).sum()).collect();
    let count_widths: Vec<usize> =
        sums.iter().zip(&shown).map(|(n, s)| n.to_string().width().max(theme.symbol(*s).width())).collect();
    let width = usize::from(area.width);
    let fixed = id_width.map_or(0, |w| w + 1)
        + reported_width
        + 1
        + count_widths.iter().map(|w| w + 1).sum::<usize>();
    // The key indicators that fit beside a name of at least NAME_MIN columns; the rest are
    // left out, and the cut marked.
    let room = width.saturating_sub(fixed + NAME_MIN + 1);
    let grid = if keys.iter().map(|k| k.width() + 1).sum::<usize>() <= room {
        keys.len()
    } else {
        // Two columns stay for the mark of the cut.
        let mut used = 2;
        keys.iter()
            .take_while(|k| {
                used += k.width() + 1;
                used <= room
            })
            .count()
    };
    let cut = grid < keys.len();
    let grid_width = keys[..grid].iter().map(|k| k.width() + 1).sum::<usize>() + if cut { 2 } else { 0 };
    let name_width = width.saturating_sub(fixed + grid_width + 1).max(1);
    let ellipsis = if app.ascii { "." } else { "…" };

    // A line: id, name, reported, counts, then the marks, built from cells.
    let line = |id: &str, name: &str, done: &str, counts: Vec<Span<'static>>, marks: Vec<Span<'static>>| {
        let mut spans = Vec::new();
        if let Some(w) = id_width {
            spans.push(Span::raw(pad(&truncate(id, w, app.ascii), w, false) + " "));
        }
        spans.push(Span::raw(pad(&truncate(name, name_width, app.ascii), name_width, false) + " "));
        spans.push(Span::raw(pad(done, reported_width, true) + " "));
        spans.extend(counts);
        spans.extend(marks);
        Line::from(spans)
    };
    let mut header_counts = Vec::new();
    for (s, w) in shown.iter().zip(&count_widths) {
        header_counts.push(Span::styled(pad(theme.symbol(*s), *w, true) + " ", theme.status(*s)));
    }
    let mut header_marks: Vec<Span> = keys[..grid].iter().map(|k| Span::raw(format!("{k} "))).collect();
    if cut {
        header_marks.push(Span::raw(ellipsis));
    }
    let mut header = line(
        UnitsText::ColId.get(lang),
        UnitsText::ColUnit.get(lang),
        UnitsText::ColReported.get(lang),
        header_counts,
        header_marks,
    );
    header = header.style(theme.column_header);
    header.render(Rect { height: 1, ..area }, buf);

    // Under the units: the sums, and what the marks mean when there is room (on two lines
    // when one is too narrow).
    let dot = theme.dot();
    let mut legend = Vec::new();
    for (i, s) in shown.iter().enumerate() {
        if i > 0 {
            legend.push(Span::styled(dot, theme.dim));
        }
        legend
            .push(Span::styled(format!("{} {}", theme.symbol(*s), i18n::status(lang, *s)), theme.status(*s)));
    }
    let legend_width: usize = legend.iter().map(|s| s.content.width()).sum();
    let legend_height = match area.height {
        0..8 => 0,
        8..12 => 1,
        _ => 1 + u16::from(legend_width > width),
    };
    let height = area.height.saturating_sub(2 + legend_height);
    let first = first_line(screen, screen.units.len(), usize::from(height));
    for (n, i) in (first..screen.units.len()).take(usize::from(height)).enumerate() {
        let (unit, _) = &screen.units[i];
        let row = &screen.rows[i];
        let counts = shown
            .iter()
            .zip(&count_widths)
            .map(|(s, w)| Span::raw(pad(&count_of(&row.statuses, *s).to_string(), *w, true) + " "))
            .collect();
        let mut marks: Vec<Span> = row
            .key_statuses
            .iter()
            .zip(&keys[..grid])
            .map(|(s, k)| Span::styled(pad(theme.symbol(*s), k.width(), true) + " ", theme.status(*s)))
            .collect();
        if cut {
            marks.push(Span::raw(ellipsis));
        }
        let y = area.y + 1 + n as u16;
        line(&clean(&unit.id), &clean(&unit.name), &reported[i], counts, marks)
            .render(Rect { y, height: 1, ..area }, buf);
    }
    let sums_y = area.y + 1 + height;
    if sums_y < area.bottom() {
        let counts = sums
            .iter()
            .zip(&count_widths)
            .map(|(n, w)| Span::raw(pad(&n.to_string(), *w, true) + " "))
            .collect();
        let sums_line = line("", UnitsText::TotalCounts.get(lang), &sum_text, counts, Vec::new());
        sums_line.style(theme.label).render(Rect { y: sums_y, height: 1, ..area }, buf);
    }
    if legend_height > 0 && sums_y + legend_height < area.bottom() + 1 {
        let legend_area = Rect { y: sums_y + 1, height: legend_height, ..area };
        Paragraph::new(Line::from(legend)).wrap(Wrap { trim: true }).render(legend_area, buf);
    }
}

/// For each target due whose figures add up: the province's own figure beside the units'
/// total, and how many units have a figure; the rule below.
fn totals(app: &App, screen: &UnitsScreen, area: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    let theme = &app.theme;
    let ledgers: Vec<_> = screen.units.iter().map(|(_, store)| store.ledger()).collect();
    let sums = units::totals(&app.plan, app.store.ledger(), &ledgers, screen.period);
    let rule_height = if area.height >= 6 { 2 } else { 0 };
    let height = usize::from(area.height.saturating_sub(1 + rule_height));
    if sums.is_empty() {
        let text = format!("{} {}", UnitsText::NothingSummable.get(lang), UnitsText::SumRule.get(lang));
        Paragraph::new(Line::styled(text, theme.dim)).wrap(Wrap { trim: true }).render(area, buf);
        return;
    }
    let none = if app.ascii { "-" } else { "—" };
    let figure =
        |value: Option<rust_decimal::Decimal>| value.map_or(none.to_owned(), |v| present::figure(lang, v));
    let cells: Vec<[String; 5]> = sums
        .iter()
        .map(|sum| {
            [
                sum.target.id.clone(),
                sum.target.name.get(lang).to_owned(),
                present::short_unit(sum.target.unit.get(lang)).to_owned(),
                figure(sum.province),
                figure(sum.total),
            ]
        })
        .collect();
    let reporting: Vec<String> =
        sums.iter().map(|s| units_view::reporting(s.reporting, screen.units.len())).collect();
    let titles = [
        UnitsText::ColId.get(lang),
        UnitsText::ColTarget.get(lang),
        i18n::Label::ColUnit.get(lang),
        UnitsText::ColProvince.get(lang),
        UnitsText::ColUnitsTotal.get(lang),
        UnitsText::ColReporting.get(lang),
    ];
    let column = |i: usize| -> usize {
        let widest = cells.iter().map(|c| c.get(i).map_or(0, |t| t.width())).max().unwrap_or(0);
        let widest = if i == 5 { reporting.iter().map(|r| r.width()).max().unwrap_or(0) } else { widest };
        widest.max(titles[i].width())
    };
    let mut widths: Vec<usize> = (0..6).map(column).collect();
    widths[2] = widths[2].min(12);
    let fixed: usize = widths.iter().enumerate().filter(|(i, _)| *i != 1).map(|(_, w)| w + 1).sum();
    widths[1] = usize::from(area.width).saturating_sub(fixed).max(1);
    let line = |texts: [&str; 6]| {
        let spans: Vec<Span> = texts
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(i, (text, w))| Span::raw(pad(&truncate(text, *w, app.ascii), *w, i >= 3) + " "))
            .collect();
        Line::from(spans)
    };
    line(titles).style(theme.column_header).render(Rect { height: 1, ..area }, buf);
    let first = first_line(screen, cells.len(), height);
    for (n, i) in (first..cells.len()).take(height).enumerate() {
        let c = &cells[i];
        let y = area.y + 1 + n as u16;
        let row = line([&c[0], &c[1], &c[2], &c[3], &c[4], &reporting[i]]);
        row.render(Rect { y, height: 1, ..area }, buf);
    }
    if rule_height > 0 {
        let y = area.bottom() - rule_height;
        let rule = Rect { y, height: rule_height, ..area };
        Paragraph::new(Line::styled(UnitsText::SumRule.get(lang), theme.dim))
            .wrap(Wrap { trim: true })
            .render(rule, buf);
    }
}

#[cfg(test)]
mod tests;
