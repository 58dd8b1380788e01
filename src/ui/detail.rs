//! The selected target in full: name, goal, notes, parts, a small chart of each period's
//! figure against what the period expects, and the history of entries.

use crate::app::{App, SortBy};
use crate::domain::period::Period;
use crate::domain::text;
use crate::i18n::present;
use crate::i18n::{self, Label, ViewText};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

const BAR: usize = 10;

/// One line for a small screen: the selected target's id and full name, which the table cuts
/// short; `i` opens the whole detail.
pub fn summary(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(target) = app.selected_target() else {
        return;
    };
    // The hint stays put at the right, so moving the cursor redraws only the name.
    let hint = format!("  [i] {}", ViewText::Detail.get(app.lang));
    let room = usize::from(area.width).saturating_sub(hint.chars().count());
    // Grouped by lead agency, the line names the selected target's agency instead of its goal.
    let goal = match (app.sort, target.agency.as_deref()) {
        (SortBy::Agency, Some(agency)) => agency.trim().to_owned(),
        _ => crate::i18n::present::goal(app.lang, app.ascii, target),
    };
    let name = match goal.is_empty() {
        true => format!("{} {}", target.id, target.name.get(app.lang)),
        false => format!("{} {}{}{goal}", target.id, target.name.get(app.lang), app.theme.dot()),
    };
    Line::styled(crate::domain::text::truncate(&name, room, app.ascii), app.theme.title).render(area, buf);
    Line::styled(hint, app.theme.dim).right_aligned().render(area, buf);
}

/// This year's figure beside the same period last year's (entered, or linked from last
/// year's plan), period by period, each pair as two bars on one scale: the larger fills it.
fn compared_with_last_year(app: &App, target: &crate::domain::plan::Target, lines: &mut Vec<Line>) {
    let lang = app.lang;
    let theme = &app.theme;
    let ledger = app.ledger();
    let pairs: Vec<(Period, Option<Decimal>, Decimal)> = Period::THIS_YEAR
        .into_iter()
        .filter_map(|period| {
            let last = ledger.current(&target.id, period.same_period_last_year()?)?.value;
            Some((period, ledger.current(&target.id, period).map(|e| e.value), last))
        })
        .collect();
    if pairs.is_empty() {
        return;
    }
    lines.push(Line::styled(i18n::plans::compared_heading(lang, app.plan.year), theme.label));
    let (full, empty) = theme.bar();
    let labels = [i18n::plans::this_year(lang), i18n::plans::same_period(lang)];
    let label_width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let period_width = pairs.iter().map(|(p, ..)| i18n::period(lang, *p).chars().count()).max().unwrap_or(0);
    let unit = target.unit.get(lang);
    for (period, now, last) in pairs {
        let scale = now.unwrap_or(Decimal::ZERO).max(last).max(Decimal::ZERO);
        let filled = |value: Decimal| {
            if scale.is_zero() {
                return 0;
            }
            (value.max(Decimal::ZERO) / scale * Decimal::from(BAR)).round().to_usize().unwrap_or(0).min(BAR)
        };
        for (i, value) in [now, Some(last)].into_iter().enumerate() {
            let shown_period = if i == 0 { i18n::period(lang, period) } else { "" };
            let mut spans =
                vec![Span::raw(format!("  {shown_period:<period_width$}  {:<label_width$} ", labels[i]))];
            match value {
                Some(value) => {
                    let n = filled(value);
                    let style = if i == 0 { theme.label } else { theme.dim };
                    spans.push(Span::styled(full.repeat(n), style));
                    spans.push(Span::styled(empty.repeat(BAR - n), theme.dim));
                    spans.push(Span::raw(format!("  {}", present::value_with_unit(lang, value, unit))));
                }
                None => spans.push(Span::styled(
                    format!("{}  {}", empty.repeat(BAR), Label::NoFigure.get(lang)),
                    theme.dim,
                )),
            }
            lines.push(Line::from(spans));
        }
    }
}

pub fn detail(app: &App, area: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    let theme = &app.theme;
    let block = Block::new()
        .borders(Borders::TOP)
        .border_set(theme.border_set())
        .border_style(theme.border)
        .title(match app.detail_zoom {
            true => {
                format!(" {}{}{} ", ViewText::Detail.get(lang), theme.dot(), ViewText::DetailBack.get(lang))
            }
            false => format!(" {} ", ViewText::Detail.get(lang)),
        });
    let Some(target) = app.selected_target() else {
        block.render(area, buf);
        return;
    };
    let dot = theme.dot();
    let mut lines: Vec<Line> = Vec::new();
    let row = app.index.get(&target.id).and_then(|i| app.view.rows.get(*i));
    let mut title = vec![Span::styled(format!("{} {}", target.id, target.name.get(lang)), theme.title)];
    if let Some(row) = row {
        title.push(Span::raw("  "));
        title.push(Span::styled(
            format!("{} {}", theme.symbol(row.status), i18n::status(lang, row.status)),
            theme.status(row.status),
        ));
    }
    lines.push(Line::from(title));
    // A figure of 8 that is, or looks like, the fall the plan took before its revision.
    let ledger = app.ledger();
    for suspect in
        crate::domain::reduction_figures::suspects_of(&app.plan, target, &ledger, app.store.written_for())
    {
        let (entry, why) = (suspect.entry, suspect.why);
        let said = i18n::fall_for_rate::fall_for_a_rate(lang, &target.id, entry.period, entry.value, why);
        lines.push(Line::styled(format!("! {said}"), theme.error));
    }
    let goal = present::goal(lang, app.ascii, target);
    if !goal.is_empty() {
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", ViewText::Goal.get(lang)), theme.dim),
            Span::raw(goal),
            Span::styled(format!("{dot}{}", target.section), theme.dim),
        ]));
    }
    // Grouped or filtered by lead agency, the detail says whose target it is.
    if let Some(agency) =
        target.agency.as_deref().filter(|_| app.sort == SortBy::Agency || app.agency.is_some())
    {
        let lead = crate::i18n::units_view::UnitsText::LeadAgency.get(lang);
        lines.push(Line::from(vec![
            Span::styled(format!("{lead}: "), theme.dim),
            Span::raw(agency.trim().to_owned()),
        ]));
    }
    // The resolution's own sentence, as the document words the target.
    if let Some(quote) = &target.quote {
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", ViewText::Quote.get(lang)), theme.dim),
            Span::styled(i18n::quoted(lang, quote, app.ascii), theme.label),
        ]));
    }
    for note in &target.notes {
        lines.push(Line::from(vec![
            Span::styled(if app.ascii { "* " } else { "• " }, theme.dim),
            Span::raw(note.get(lang).to_owned()),
        ]));
    }
    let parts = app.index.get(&target.id).map(|i| app.parts[*i].as_slice()).unwrap_or_default();
    if !parts.is_empty() {
        lines.push(Line::styled(format!("{}:", ViewText::Parts.get(lang)), theme.label));
        for i in parts {
            let part = &app.plan.targets[*i];
            let status = app.view.rows.get(*i).map(|r| r.status);
            let mut spans = vec![Span::raw("  ")];
            if let Some(s) = status {
                spans.push(Span::styled(format!("{} ", theme.symbol(s)), theme.status(s)));
            }
            spans.push(Span::raw(format!("{} {}", part.id, part.name.get(lang))));
            spans.push(Span::styled(format!("{dot}{}", present::goal(lang, app.ascii, part)), theme.dim));
            lines.push(Line::from(spans));
        }
    }
    if target.goal.is_some() {
        lines.push(Line::styled(format!("{}:", ViewText::Figures.get(lang)), theme.label));
        let (full, empty) = theme.bar();
        let ledger = app.store.ledger();
        let label_width = Period::ALL
            .iter()
            .filter(|p| ledger.current(&target.id, **p).is_some())
            .map(|p| i18n::period(lang, *p).chars().count())
            .max()
            .unwrap_or(0);
        let mut any_figure = false;
        for period in Period::ALL {
            let label = format!("  {:<label_width$}  ", i18n::period(lang, period));
            // Periods without a figure are left out, so the history fits on a small screen.
            let Some(entry) = app.store.ledger().current(&target.id, period) else {
                continue;
            };
            any_figure = true;
            let verdict = crate::domain::progress::verdict(target, app.store.ledger(), period);
            let value = present::value_with_unit(lang, entry.value, target.unit.get(lang));
            let mut spans = vec![Span::raw(label)];
            if period.is_last_year() {
                // Last year's figures are for comparison: no bar, no verdict.
                spans.push(Span::styled(empty.repeat(BAR), theme.dim));
                spans.push(Span::raw(format!("  {value}")));
            } else {
                // A ceiling met fills the bar; one overshot leaves it empty.
                let filled = match (verdict.percent_of_year_target, verdict.over_ceiling) {
                    (Some(p), _) => (p.clamp(Decimal::ZERO, Decimal::ONE_HUNDRED) / Decimal::TEN)
                        .round()
                        .to_usize()
                        .unwrap_or(0),
                    (None, Some(over)) if over <= Decimal::ZERO => BAR,
                    _ => 0,
                }
                .min(BAR);
                spans.push(Span::styled(full.repeat(filled), theme.status(verdict.status)));
                spans.push(Span::styled(empty.repeat(BAR - filled), theme.dim));
                spans.push(Span::raw(format!("  {value}")));
                if let Some(measure) = present::measure_against_plan(lang, target, &verdict) {
                    spans.push(Span::styled(format!("  {measure}"), theme.dim));
                }
                spans.push(Span::styled(
                    format!("  {} {}", theme.symbol(verdict.status), i18n::status(lang, verdict.status)),
                    theme.status(verdict.status),
                ));
            }
            spans.push(Span::styled(format!("  {}", i18n::kind(lang, entry.kind)), theme.dim));
            lines.push(Line::from(spans));
        }
        if !any_figure {
            lines.push(Line::styled(format!("  {}", Label::NoFigure.get(lang)), theme.dim));
        }
    }
    if target.goal.is_some() {
        compared_with_last_year(app, target, &mut lines);
    }
    // Both (or all) contradicting official figures, with author and time.
    let ledger = app.store.ledger();
    for conflict in
        Period::ALL.into_iter().filter_map(|p| crate::domain::conflict::conflict_for(ledger, &target.id, p))
    {
        lines.push(Line::styled(
            format!(
                "{} {} {}: {}",
                crate::i18n::present::conflict_mark(app.ascii),
                i18n::ReportLabel::Conflict.get(lang),
                i18n::period(lang, conflict.period),
                i18n::field::conflict_values(lang, &conflict, &app.tz)
            ),
            theme.error,
        ));
    }
    lines.push(Line::styled(format!("{}:", ViewText::History.get(lang)), theme.label));
    let mut any = false;
    for entry in ledger.history(Some(&target.id)) {
        any = true;
        let mut spans = vec![
            Span::styled(format!("  {}  ", present::time_in(lang, entry.time, &app.tz)), theme.dim),
            Span::raw(format!("{}  ", text::clean(&entry.author))),
        ];
        if entry.retracts.is_some() {
            spans.push(Span::styled(format!("{} ", ViewText::Retracted.get(lang)), theme.error));
        }
        spans.push(Span::raw(format!(
            "{}  {}  {}",
            i18n::period(lang, entry.period),
            present::figure(lang, entry.value),
            i18n::kind(lang, entry.kind)
        )));
        let note = text::clean(&entry.note);
        if !note.is_empty() {
            spans.push(Span::styled(format!("{dot}{note}"), theme.dim));
        }
        lines.push(Line::from(spans));
    }
    if !any {
        lines.push(Line::styled(format!("  {}", ViewText::NoHistory.get(lang)), theme.dim));
    }
    Paragraph::new(lines).block(block).wrap(Wrap { trim: false }).render(area, buf);
}
