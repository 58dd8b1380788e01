//! `report --format table`: the text table at a terminal or in a file, and the line writer
//! other text tables of the command line use.

use super::Options;
use crate::domain::conflict::Conflict;
use crate::domain::plan::Plan;
use crate::domain::progress::{self, PeriodChoice, Row};
use crate::domain::status::Status;
use crate::i18n::{self, Label};
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// The progress report as a text table, one block per group, then the conflicting figures.
pub fn report_table(
    plan: &Plan,
    options: &Options,
    choice: PeriodChoice,
    rows: &[Row],
    conflicts: &[Conflict],
    tally: progress::Tally,
    out: &mut dyn Write,
) -> io::Result<()> {
    let lang = options.lang;
    let period = match choice {
        PeriodChoice::Fixed(p) => i18n::period(lang, p),
        PeriodChoice::Latest => Label::LatestPeriod.get(lang),
    };
    writeln!(out, "{}", i18n::present::title(lang, plan))?;
    writeln!(out, "{}: {period}", Label::PeriodLabel.get(lang))?;
    writeln!(out, "{}", i18n::tally(lang, tally))?;

    let header = i18n::report_columns(lang).map(str::to_owned);
    let cells: Vec<[String; COLUMNS]> = rows
        .iter()
        .map(|row| {
            let mut cells = table_cells(options, row);
            // A target whose official figures conflict carries a mark after its status.
            if !crate::domain::conflict::periods_in_conflict(conflicts, &row.target.id).is_empty() {
                cells[COLUMNS - 1].push(' ');
                cells[COLUMNS - 1].push_str(crate::i18n::present::conflict_mark(options.ascii));
            }
            cells
        })
        .collect();
    let mut widths = column_widths(&header, &cells);
    // At a terminal a long name wraps within what the other columns leave of its width; in a
    // file every name is whole on its line.
    if let Some(width) = options.width {
        let others: usize = widths.iter().enumerate().filter(|(i, _)| *i != NAME).map(|(_, w)| w + 2).sum();
        widths[NAME] = widths[NAME].min(width.saturating_sub(others).max(MIN_NAME_WIDTH));
    }
    // Right-align figures, left-align text.
    let right = [false, false, false, true, true, false, true, true, false];

    for group in crate::domain::plan::Group::ALL {
        let members: Vec<(&Row, &[String; COLUMNS])> =
            rows.iter().zip(&cells).filter(|(row, _)| row.target.group == group).collect();
        if members.is_empty() {
            continue;
        }
        writeln!(out)?;
        writeln!(out, "{}", i18n::group(lang, group).to_uppercase())?;
        write_line(out, &header, &widths, &right, None, options.colour)?;
        for (row, cells) in members {
            let mut lines = wrap(&cells[NAME], widths[NAME]).into_iter();
            let mut first = cells.clone();
            first[NAME] = lines.next().unwrap_or_default();
            write_line(out, &first, &widths, &right, Some(row.status), options.colour)?;
            for more in lines {
                let mut rest: [String; COLUMNS] = Default::default();
                rest[NAME] = more;
                write_line(out, &rest, &widths, &right, None, options.colour)?;
            }
        }
    }
    if !conflicts.is_empty() {
        writeln!(out)?;
        let mark = crate::i18n::present::conflict_mark(options.ascii);
        writeln!(out, "{mark} {}", i18n::ReportLabel::ConflictNote.get(lang))?;
        for conflict in conflicts {
            writeln!(out, "  {}", i18n::field::conflict_line(lang, &options.zone, plan, conflict))?;
        }
    }
    Ok(())
}

/// The name's column in the table report, and the least room it gets at a terminal.
const NAME: usize = 1;
const MIN_NAME_WIDTH: usize = 20;

/// `text` in lines of at most `width` columns, broken between words (a word longer than a
/// line is broken where it must be); a part's indent starts each of its lines.
fn wrap(text: &str, width: usize) -> Vec<String> {
    if width == 0 || text.width() <= width {
        return vec![text.to_owned()];
    }
    let indent: String = text.chars().take_while(|c| *c == ' ').collect();
    let mut lines: Vec<String> = Vec::new();
    let mut line = indent.clone();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        if line.len() > indent.len() && line.width() + 1 + word.width() > width {
            lines.push(std::mem::replace(&mut line, indent.clone()));
        }
        if line.len() > indent.len() {
            line.push(' ');
        }
        for c in word.chars() {
            if line.len() > indent.len()
                && line.width() + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) > width
            {
                lines.push(std::mem::replace(&mut line, indent.clone()));
            }
            line.push(c);
        }
    }
    if line.len() > indent.len() {
        lines.push(line);
    }
    lines
}

/// The columns of the table report: id, name, then the province's progress columns.
const COLUMNS: usize = 9;

fn table_cells(options: &Options, row: &Row) -> [String; COLUMNS] {
    let lang = options.lang;
    let target = row.target;
    let indent = if target.parent.is_some() { "  " } else { "" };
    let name = format!("{indent}{}", target.name.get(lang));
    let c = super::Columns::of(row, lang, options.ascii);
    let figure = match (row.actual, target.goal, options.ascii) {
        (Some(_), _, _) | (None, None, _) => c.figure,
        (None, Some(_), true) => "-".to_owned(),
        (None, Some(_), false) => Label::NoFigure.get(lang).to_owned(),
    };
    [target.id.clone(), name, c.plan, c.last_year, figure, c.period, c.of_plan, c.of_last_year, c.verdict]
}

/// How wide each column of a text table is: its widest cell, header included.
pub fn column_widths<const N: usize>(header: &[String; N], rows: &[[String; N]]) -> [usize; N] {
    let mut widths = header.clone().map(|h| h.width());
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    widths
}

/// A plain text table (no colour): the header, then a line per row, each column as wide as
/// its widest cell.
pub fn write_table<const N: usize>(
    out: &mut dyn Write,
    header: &[String; N],
    rows: &[[String; N]],
    right: &[bool; N],
) -> io::Result<()> {
    let widths = column_widths(header, rows);
    write_line(out, header, &widths, right, None, false)?;
    for row in rows {
        write_line(out, row, &widths, right, None, false)?;
    }
    Ok(())
}

/// One line of a text table: each cell padded to its column's width (right-aligned where
/// `right` says), two spaces between columns; the last cell painted in `status`'s colour
/// when `colour` is on.
pub fn write_line<const N: usize>(
    out: &mut dyn Write,
    cells: &[String; N],
    widths: &[usize; N],
    right: &[bool; N],
    status: Option<Status>,
    colour: bool,
) -> io::Result<()> {
    let mut line = String::new();
    for (i, cell) in cells.iter().enumerate() {
        let pad = " ".repeat(widths[i].saturating_sub(cell.width()));
        let last = i == cells.len() - 1;
        let text = match status {
            Some(status) if last && colour => paint(cell, status),
            _ => cell.clone(),
        };
        if right[i] {
            line.push_str(&pad);
            line.push_str(&text);
        } else {
            line.push_str(&text);
            if !last {
                line.push_str(&pad);
            }
        }
        if !last {
            line.push_str("  ");
        }
    }
    writeln!(out, "{}", line.trim_end())
}

fn paint(text: &str, status: Status) -> String {
    use crossterm::style::Stylize;
    let styled = crossterm::style::style(text);
    match status {
        Status::Exceeded => styled.green().bold(),
        Status::Achieved => styled.green(),
        Status::OnTrack => styled.cyan(),
        Status::NearlyAchieved | Status::AtRisk => styled.yellow(),
        Status::NotAchieved | Status::Behind => styled.red(),
        Status::NotDue => styled,
        Status::NoData => styled.dark_grey(),
    }
    .to_string()
}
