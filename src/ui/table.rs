//! The target table: id, name cut with an ellipsis, goal with unit, actual, % of what the
//! period expects, status as colour + symbol + word.

use crate::app::App;
use crate::i18n::{self, T, U};
use crate::present;
use crate::text::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Cell, Paragraph, Row, StatefulWidget, Table, TableState, Widget};

/// A screen at least this wide also shows the period of each figure.
const WITH_PERIOD: u16 = 100;

const ACTUAL_WIDTH: usize = 11;
const PERCENT_WIDTH: usize = 8;

/// A figure wider than its column shows as `###`, as a spreadsheet does: cutting it would
/// show other digits (`55.073,2 %` as `.073,2 %`). The detail view has it in full.
fn fit(text: String, width: usize) -> String {
    if unicode_width::UnicodeWidthStr::width(text.as_str()) > width { "#".repeat(width) } else { text }
}

/// Only the rows in the window are built: a frame costs the same for 16 targets or 10,000.
pub fn table(app: &App, area: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    let mut hits = app.hits.get();
    let body = Rect { y: area.y + 1, height: area.height.saturating_sub(1), ..area };
    if app.visible.is_empty() {
        Paragraph::new(Line::styled(U::NoRows.get(lang), app.theme.dim)).render(body, buf);
        hits.table = Rect::default();
        app.hits.set(hits);
        return;
    }
    let with_period = area.width >= WITH_PERIOD;
    let mut widths = vec![
        Constraint::Length(5),
        Constraint::Fill(1),
        Constraint::Length(16),
        Constraint::Length(ACTUAL_WIDTH as u16),
        Constraint::Length(PERCENT_WIDTH as u16),
        Constraint::Length(18),
    ];
    let mut titles = vec![T::ColId, T::ColName, T::ColTarget, T::ColActual, T::ColPercent, T::ColStatus];
    if with_period {
        widths.insert(4, Constraint::Length(9));
        titles.insert(4, T::ColPeriod);
    }
    let fixed: u16 = widths.iter().map(|c| if let Constraint::Length(n) = c { *n } else { 0 }).sum();
    let name_width = usize::from(area.width.saturating_sub(fixed + widths.len() as u16 - 1));
    let header = Row::new(titles.iter().map(|t| Cell::from(t.get(lang)))).style(app.theme.column_header);

    // Keep the selection in view, moving the window as little as possible.
    let height = usize::from(body.height).max(1);
    let mut offset = hits.offset.min(app.visible.len().saturating_sub(1));
    if app.selected < offset {
        offset = app.selected;
    } else if app.selected >= offset + height {
        offset = app.selected + 1 - height;
    }
    // Official figures that contradict each other are marked beside the figure (see `conflict`).
    let mark = crate::report::md::conflict_mark(app.ascii);
    let window = &app.visible[offset..(offset + height).min(app.visible.len())];
    let selected = app.visible.get(app.selected).copied();
    let table_rows = window.iter().map(|i| {
        let row = &app.view.rows[*i];
        let target = &app.plan.targets[*i];
        let indent = if target.parent.is_some() { "  " } else { "" };
        let name = truncate(&format!("{indent}{}", target.name.get(lang)), name_width, app.ascii);
        let goal = truncate(&present::goal(lang, app.ascii, target), 16, app.ascii);
        let actual = match row.value {
            Some(value) if row.conflict => format!("{mark} {}", present::figure(lang, value)),
            Some(value) => present::figure(lang, value),
            None if target.goal.is_some() => T::NoFigure.get(lang).to_owned(),
            None => String::new(),
        };
        let actual = fit(actual, ACTUAL_WIDTH);
        let percent = fit(
            row.percent.map(|p| present::percent(lang, p.round_dp(1))).unwrap_or_default(),
            PERCENT_WIDTH,
        );
        let status = format!("{} {}", app.theme.symbol(row.status), i18n::status(lang, row.status));
        // The selection is shown on the id and name only: a cursor move then redraws two short
        // runs of cells instead of two whole rows, which matters over SSH.
        let picked = if selected == Some(*i) { app.theme.selected } else { ratatui::style::Style::new() };
        let mut cells = vec![
            Cell::from(target.id.clone()).style(picked),
            Cell::from(name).style(picked),
            Cell::from(goal),
            Cell::from(Text::from(actual).alignment(Alignment::Right)),
            Cell::from(Text::from(percent).alignment(Alignment::Right)),
            Cell::from(Span::styled(status, app.theme.status(row.status))),
        ];
        if with_period {
            let period = row.value.and(row.period).map(|p| i18n::period(lang, p)).unwrap_or_default();
            cells.insert(4, Cell::from(period));
        }
        Row::new(cells)
    });

    let mut state = TableState::new().with_selected(Some(app.selected - offset));
    let table = Table::new(table_rows, widths).header(header).column_spacing(1);
    StatefulWidget::render(table, area, buf, &mut state);
    hits.table = body;
    hits.offset = offset;
    app.hits.set(hits);
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_figure_too_wide_for_its_column_is_hidden_not_cut() {
        assert_eq!(super::fit("55.073,2 %".to_owned(), 8), "########");
        assert_eq!(super::fit("102,5 %".to_owned(), 8), "102,5 %");
        assert_eq!(super::fit("≠ 4.800".to_owned(), 11), "≠ 4.800");
    }
}
