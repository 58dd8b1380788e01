//! The header line and the group tabs.

use crate::app::{App, SortBy, TABS};
use crate::domain::progress::PeriodChoice;
use crate::domain::status::Status;
use crate::domain::text::truncate;
use crate::i18n::{self, Label, Lang, ViewText};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

/// One line: the plan's title in what room is left, then the period in view (and whether it
/// is closed), the filters and the order in words, the user and the store.
pub fn header(app: &App, area: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    let width = usize::from(area.width);
    let dot = app.theme.dot();
    let period = match app.period {
        PeriodChoice::Latest => ViewText::Latest.get(lang),
        PeriodChoice::Fixed(p) => i18n::period(lang, p),
    };
    let mut spans = vec![
        Span::styled(format!("{}: ", Label::ColPeriod.get(lang)), app.theme.dim),
        Span::styled(period.to_owned(), app.theme.label),
        Span::styled(format!("{dot}{}", i18n::tally_short(lang, app.view.tally)), app.theme.label),
    ];
    // The lead agency whose targets alone are shown (`a`), ahead of what the width may cut.
    if let Some(agency) = &app.agency {
        let lead = crate::i18n::units_view::UnitsText::LeadAgency.get(lang);
        spans.insert(2, Span::styled(format!("{dot}{lead}: "), app.theme.dim));
        spans.insert(3, Span::styled(agency.clone(), app.theme.label));
    }
    // "đã có số liệu x/y" for the period in view (the default one for the latest figures).
    spans.push(Span::styled(
        format!("{dot}{}", i18n::reported_short(lang, app.view.reported)),
        app.theme.label,
    ));
    if app.years.len() > 1 {
        // Several installed plans: their years, this one in brackets, and the key to switch.
        spans.insert(
            0,
            Span::styled(format!("{}{dot}", i18n::plans::years(&app.years, app.plan.year)), app.theme.label),
        );
    }
    let in_view = app.period_for_entry();
    if app.closed(in_view).is_some() {
        let default = (app.period == PeriodChoice::Latest).then_some(in_view);
        spans.push(Span::styled(format!(" ({})", i18n::field::closed_mark(lang, default)), app.theme.error));
    }
    let mut filters = Vec::new();
    if !app.filter.text.is_empty() {
        filters.push(i18n::quoted(lang, &app.filter.text, app.ascii));
    }
    if let Some(chosen) = app.status_filter {
        filters.push(status_filter(lang, chosen).to_owned());
    }
    if !filters.is_empty() {
        spans.push(Span::styled(format!("{dot}{}: ", ViewText::Filter.get(lang)), app.theme.dim));
        spans.push(Span::styled(filters.join(", "), app.theme.label));
    }

    if app.sort != SortBy::Plan {
        spans.push(Span::styled(format!("{dot}{}: ", ViewText::SortedBy.get(lang)), app.theme.dim));
        spans.push(Span::styled(sort(lang, app.sort), app.theme.label));
    }
    if app.read_only {
        spans.push(Span::styled(format!("{dot}{}", ViewText::ReadOnly.get(lang)), app.theme.error));
    }
    let used = |spans: &[Span]| spans.iter().map(|s| s.content.width()).sum::<usize>();
    // The user and the store, when they fit beside what matters more.
    let user = [
        Span::styled(format!("{dot}{}: ", ViewText::User.get(lang)), app.theme.dim),
        Span::raw(app.user.clone()),
    ];
    if used(&spans) + used(&user) <= width {
        spans.extend(user);
    }
    let store_label = format!("{dot}{}: ", ViewText::Store.get(lang));
    let room = width.saturating_sub(used(&spans) + store_label.width());
    if room >= 12 {
        spans.push(Span::styled(store_label, app.theme.dim));
        spans.push(Span::raw(truncate_start(&app.store_label, room, app.ascii)));
    }
    // The title takes what is left, ahead of the rest.
    let room = width.saturating_sub(used(&spans) + dot.width());
    let title = crate::i18n::present::title(lang, &app.plan);
    if room >= 8 {
        spans.insert(0, Span::styled(dot.to_owned(), app.theme.dim));
        spans.insert(0, Span::styled(truncate(&title, room, app.ascii), app.theme.title));
    }
    Line::from(spans).render(Rect { height: 1, ..area }, buf);
}

/// The status filter in words, as the header names it. (Here, not in `i18n`, which does
/// not know the view's state.)
fn status_filter(lang: Lang, filter: crate::app::StatusFilter) -> &'static str {
    use crate::app::StatusFilter;
    match filter {
        StatusFilter::Short => lang.pick("chưa đạt", "short of plan"),
        StatusFilter::NoData => i18n::status(lang, Status::NoData),
        StatusFilter::Only(only) => i18n::status(lang, only),
    }
}

/// The order of the rows in words.
fn sort(lang: Lang, sort: crate::app::SortBy) -> &'static str {
    match sort {
        SortBy::Plan => lang.pick("theo mã", "id"),
        SortBy::Status => lang.pick("tình trạng, xấu nhất trước", "status, worst first"),
        SortBy::Percent => lang.pick("% kế hoạch, thấp nhất trước", "% of plan, lowest first"),
        SortBy::Agency => crate::i18n::units_view::UnitsText::ByAgency.get(lang),
    }
}

/// Keeps the end of a path, which says most: `…/chung/store.json`.
fn truncate_start(text: &str, width: usize, ascii: bool) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let ellipsis = if ascii { "..." } else { "…" };
    let mut kept: Vec<char> = Vec::new();
    let mut used = ellipsis.width();
    for c in text.chars().rev() {
        used += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used > width {
            break;
        }
        kept.push(c);
    }
    let tail: String = kept.into_iter().rev().collect();
    if width < ellipsis.width() { String::new() } else { format!("{ellipsis}{tail}") }
}

fn tab_name(app: &App, tab: usize) -> &'static str {
    match App::tab_group(tab) {
        Some(g) => i18n::group(app.lang, g),
        None => ViewText::AllGroups.get(app.lang),
    }
}

/// ` Kinh tế ✖3·8 │ Xã hội ·9 │ …`: each tab with the counts it has, by status symbol.
pub fn tabs(app: &App, area: Rect, buf: &mut Buffer) {
    let counts = &app.view.counts;
    let divider = app.theme.divider();
    // Detail: 2 = every count on every tab, 1 = the others without "no data", 0 = names only
    // on the others; the tab in view always shows all its counts.
    let build = |detail: u8| {
        let mut spans: Vec<Span> = Vec::new();
        let mut ranges = [(0u16, 0u16); TABS];
        let mut x = area.x;
        for tab in 0..TABS {
            let active = tab == app.tab;
            let start = x;
            let name = format!(" {} ", tab_name(app, tab));
            let style = if active { app.theme.tab_active } else { app.theme.tab };
            x = x.saturating_add(name.width() as u16);
            spans.push(Span::styled(name, style));
            if detail > 0 || active {
                let shown = Status::ALL
                    .iter()
                    .zip(counts[tab])
                    .filter(|(status, n)| *n > 0 && (active || detail > 1 || **status != Status::NoData));
                for (status, n) in shown {
                    let text = format!("{}{n} ", app.theme.symbol(*status));
                    x = x.saturating_add(text.width() as u16);
                    spans.push(Span::styled(text, app.theme.status(*status)));
                }
            }
            ranges[tab] = (start, x.saturating_sub(1));
            if tab + 1 < TABS {
                spans.push(Span::styled(divider, app.theme.border));
                x = x.saturating_add(1);
            }
        }
        (Line::from(spans), ranges, usize::from(x - area.x))
    };
    let (mut line, mut ranges, mut width) = build(2);
    for detail in [1, 0] {
        if width <= usize::from(area.width) {
            break;
        }
        (line, ranges, width) = build(detail);
    }
    line.render(area, buf);
    let mut hits = app.hits.get();
    hits.tabs_y = area.y;
    hits.tabs = ranges;
    app.hits.set(hits);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_paths_keep_their_end() {
        assert_eq!(truncate_start("/srv/chung/store.json", 12, false), "…/store.json");
        assert_eq!(truncate_start("/a.json", 12, false), "/a.json");
        assert_eq!(truncate_start("/srv/x.json", 2, true), "");
    }
}
