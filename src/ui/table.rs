//! The target table: id, name cut with an ellipsis, goal with unit, actual, % of what the
//! period expects, status as colour + symbol + word.

use super::split;
use crate::app::App;
use crate::domain::period::Period;
use crate::domain::status::Status;
use crate::domain::text::truncate;
use crate::i18n::present;
use crate::i18n::{self, Label, ViewText};
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

/// A screen at least this wide writes periods in full and goals with their whole unit; a
/// narrower one writes periods in two letters ("9T") and units abbreviated ("tỷ đ").
const WIDE: u16 = 100;
/// Below this width the goal column gives its room to the name (the line under the table
/// shows the selected target's goal).
const WITH_GOAL: u16 = 70;
/// The id column: the selection's mark and ids of up to five characters ("II.5a").
const ID_WIDTH: u16 = 6;

/// The mark at the start of the selected row, so the selection reads without colour and
/// without reverse video (a plain `NO_COLOR` terminal, a screen reader, a snapshot).
fn selection_mark(ascii: bool) -> &'static str {
    if ascii { ">" } else { "▶" }
}

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
        Paragraph::new(Line::styled(ViewText::NoRows.get(lang), app.theme.dim)).render(body, buf);
        hits.table = Rect::default();
        app.hits.set(hits);
        return;
    }
    let wide = area.width >= WIDE;
    let (goal_width, actual_width, percent_width) = if wide {
        (app.goal_widths.0.min(20), 11, 8)
    } else {
        (app.goal_widths.1.min(14 + usize::from(app.ascii)), 9, 8)
    };
    // "106,25 %" fits (the verdict's two decimals); never narrower than its title.
    let percent_width = percent_width.max(Label::ColPercent.get(lang).width());
    let period_title = if wide { Label::ColPeriod } else { Label::ColPeriodShort };
    let period_width = Period::THIS_YEAR
        .iter()
        .map(|p| if wide { i18n::period(lang, *p) } else { i18n::period_short(lang, *p) }.width())
        .chain([period_title.get(lang).width()])
        .max()
        .unwrap_or(2);
    // As wide as the longest status the plan has now, so no word is cut.
    let status_width = Status::ALL
        .iter()
        .zip(app.view.counts[crate::app::TABS - 1])
        .filter(|(_, n)| *n > 0)
        .map(|(s, _)| app.theme.symbol(*s).width() + 1 + i18n::status_short(lang, *s).width())
        .chain([Label::ColStatus.get(lang).width()])
        .max()
        .unwrap_or(10);
    let mut widths = vec![
        Constraint::Length(ID_WIDTH),
        Constraint::Fill(1),
        Constraint::Length(goal_width as u16),
        Constraint::Length(actual_width as u16),
        Constraint::Length(period_width as u16),
        Constraint::Length(percent_width as u16),
        Constraint::Length(status_width as u16),
    ];
    let mut titles = vec![
        Label::ColId,
        Label::ColName,
        Label::ColTarget,
        Label::ColActual,
        period_title,
        Label::ColPercent,
        Label::ColStatus,
    ];
    let with_goal = area.width >= WITH_GOAL;
    if !with_goal {
        widths.remove(2);
        titles.remove(2);
    }
    let fixed: u16 = widths.iter().map(|c| if let Constraint::Length(n) = c { *n } else { 0 }).sum();
    let name_width = usize::from(area.width.saturating_sub(fixed + widths.len() as u16 - 1));
    // The titles start where the ids do, after the selection's mark.
    let header = titles
        .iter()
        .enumerate()
        .map(|(n, t)| {
            (
                Text::from(if n == 0 { format!(" {}", t.get(lang)) } else { t.get(lang).to_owned() }),
                Style::new(),
            )
        })
        .collect();

    // Keep the selection in view, moving the window as little as possible.
    let height = usize::from(body.height).max(1);
    let mut offset = hits.offset.min(app.visible.len().saturating_sub(1));
    if app.selected < offset {
        offset = app.selected;
    } else if app.selected >= offset + height {
        offset = app.selected + 1 - height;
    }
    // Official figures that contradict each other are marked beside the figure (see `conflict`).
    let mark = crate::i18n::present::conflict_mark(app.ascii);
    let window = &app.visible[offset..(offset + height).min(app.visible.len())];
    let selected = app.visible.get(app.selected).copied();
    let rows = window.iter().map(|i| {
        let row = &app.view.rows[*i];
        let target = &app.plan.targets[*i];
        let indent = if target.parent.is_some() { "  " } else { "" };
        let name = truncate(&format!("{indent}{}", target.name.get(lang)), name_width, app.ascii);
        let goal = match wide {
            true => present::goal(lang, app.ascii, target),
            false => present::goal_short(lang, app.ascii, target),
        };
        let goal = truncate(&goal, goal_width, app.ascii);
        let actual = match row.value {
            Some(value) if row.period.is_some_and(|p| app.in_conflict(target, p)) => {
                format!("{mark} {}", present::figure(lang, value))
            }
            // An estimate (ước thực hiện) is marked `~`; the detail says it in words.
            Some(value) if row.estimate => format!("~{}", present::figure(lang, value)),
            Some(value) => present::figure(lang, value),
            None if target.goal.is_some() && app.ascii => Label::NoFigureAscii.get(lang).to_owned(),
            None if target.goal.is_some() => Label::NoFigure.get(lang).to_owned(),
            None => String::new(),
        };
        let actual = fit(actual, actual_width);
        let percent = fit(
            // As the reports write it: the verdict's own two decimals, never rounded again.
            row.percent.map(|p| present::percent(lang, p)).unwrap_or_default(),
            percent_width,
        );
        // The period of each figure, since the latest figures mix periods.
        let period = row
            .value
            .and(row.period)
            .map(|p| if wide { i18n::period(lang, p) } else { i18n::period_short(lang, p) })
            .unwrap_or_default();
        let status = format!("{} {}", app.theme.symbol(row.status), i18n::status_short(lang, row.status));
        // The selected row: its mark, and its id and name in reverse video. Only those two
        // cells change when the selection moves, so a move repaints a few dozen cells rather
        // than two whole rows (460 bytes a move at 80×24 with the whole row highlighted).
        let (selection, picked) = match selected == Some(*i) {
            true => (selection_mark(app.ascii), app.theme.selected),
            false => (" ", Style::new()),
        };
        let mut cells = vec![
            (Text::from(format!("{selection}{}", target.id)), picked),
            (Text::from(name), picked),
            (Text::from(goal), Style::new()),
            (Text::from(actual).alignment(Alignment::Right), Style::new()),
            (Text::from(period), Style::new()),
            (Text::from(percent).alignment(Alignment::Right), Style::new()),
            (Text::from(Span::styled(status, app.theme.status(row.status))), Style::new()),
        ];
        if !with_goal {
            cells.remove(2);
        }
        cells
    });
    draw(buf, area, &widths, (header, app.theme.column_header), rows);
    hits.table = body;
    hits.offset = offset;
    app.hits.set(hits);
}

/// One cell: its text, and the style laid over its whole area first.
type Cell<'a> = (Text<'a>, Style);

/// Draws a header row (its style across the whole line) and one line per row below it, the
/// rows already cut to the window, exactly as ratatui's `Table` draws them with a header,
/// `column_spacing(1)` and no highlight symbol or styles. `Table` is not used because it lays
/// out its header, rows and columns with `Layout`'s constraint solver at every new size,
/// which was two thirds of drawing the first frame (see `split`).
fn draw<'a>(
    buf: &mut Buffer,
    area: Rect,
    widths: &[Constraint],
    header: (Vec<Cell<'a>>, Style),
    rows: impl Iterator<Item = Vec<Cell<'a>>>,
) {
    if area.is_empty() {
        return;
    }
    // `Table` lays the columns out from x = 0 and moves each row's cells by `area.x`.
    let columns = split::columns(Rect { x: 0, y: 0, width: area.width, height: 1 }, widths, 1);
    let (titles, header_style) = header;
    let line = Rect { height: 1, ..area };
    buf.set_style(line, header_style);
    let lines = (area.y..area.bottom()).map(|y| Rect { y, height: 1, ..area });
    for (line, cells) in lines.zip(std::iter::once(titles).chain(rows)) {
        for (column, (text, style)) in columns.iter().zip(cells) {
            let cell = Rect { x: area.x + column.x, y: line.y, width: column.width, height: 1 };
            buf.set_style(cell, style);
            text.render(cell, buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};
    use ratatui::widgets::{Row, StatefulWidget, Table, TableState};

    /// Cells of every kind the table has: cut and uncut, wide letters, right-aligned, styled
    /// on the cell or on the text, empty.
    fn cells(row: usize, columns: usize) -> Vec<Cell<'static>> {
        let texts = ["3", "Tốc độ tăng trưởng kinh tế (GRDP)", "≥ 9.266 tỷ đồng", "", "Việt 漢字 x"];
        (0..columns)
            .map(|c| {
                let text = texts[(row + c) % texts.len()];
                let style =
                    if (row + c).is_multiple_of(3) { Style::new().bg(Color::Blue) } else { Style::new() };
                let text = match c % 3 {
                    0 => Text::from(text),
                    1 => Text::from(text).alignment(Alignment::Right),
                    _ => Text::from(Span::styled(text, Style::new().fg(Color::Red))),
                };
                (text, style)
            })
            .collect()
    }

    /// `draw` and ratatui's `Table` give the same cells at every size the screen allows and
    /// below it, with and without the period column, at an offset and with fewer rows than lines.
    #[test]
    fn draws_as_ratatuis_table() {
        let narrow = [5, 0, 16, 11, 8, 18];
        let wide = [5, 0, 16, 11, 9, 8, 18];
        let header = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
        for widths in [&narrow[..], &wide[..]] {
            let widths: Vec<Constraint> = widths
                .iter()
                .map(|&n| if n == 0 { Constraint::Fill(1) } else { Constraint::Length(n) })
                .collect();
            for width in (0..=160).step_by(3).chain(55..=70) {
                for height in [0u16, 1, 2, 3, 8, 19] {
                    for rows in [0, 2, height.saturating_sub(1)] {
                        let area = Rect::new(2, 1, width, height);
                        let screen = Rect::new(0, 0, width + 4, height + 2);
                        let titles = || cells(7, widths.len());
                        let body = || (0..usize::from(rows)).map(|r| cells(r, widths.len()));

                        let mut ours = Buffer::empty(screen);
                        draw(&mut ours, area, &widths, (titles(), header), body());

                        let mut theirs = Buffer::empty(screen);
                        let row = |cells: Vec<Cell<'static>>| {
                            Row::new(
                                cells
                                    .into_iter()
                                    .map(|(text, style)| ratatui::widgets::Cell::from(text).style(style)),
                            )
                        };
                        let table = Table::new(body().map(row), widths.clone())
                            .header(row(titles()).style(header))
                            .column_spacing(1);
                        let mut state = TableState::new().with_selected(Some(0));
                        StatefulWidget::render(table, area, &mut theirs, &mut state);

                        assert_eq!(ours, theirs, "{width}×{height}, {rows} rows, {} columns", widths.len());
                    }
                }
            }
        }
    }

    #[test]
    fn a_figure_too_wide_for_its_column_is_hidden_not_cut() {
        assert_eq!(super::fit("55.073,2 %".to_owned(), 8), "########");
        assert_eq!(super::fit("102,5 %".to_owned(), 8), "102,5 %");
        assert_eq!(super::fit("≠ 4.800".to_owned(), 11), "≠ 4.800");
    }
}
