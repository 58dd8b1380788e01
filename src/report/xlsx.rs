//! `report --format xlsx`: a spreadsheet laid out like an official progress report.
//!
//! Figures are real number cells with number formats (thousands grouped, as many decimals as
//! the figure was entered with), percentages are percent cells, the date made is a date cell;
//! the spreadsheet program shows them with the reader's own separators. Exact decimals become
//! `f64` only here, at the last moment, because an xlsx number cell is a binary double.

use super::{Line, Report};
use crate::domain::plan::Goal;
use crate::domain::progress::PeriodChoice;
use crate::domain::status::Status;
use crate::i18n::ReportLabel;
use crate::i18n::present;
use crate::i18n::{self, Label, Lang};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError,
};

/// Columns: id, name, unit, year's plan, same period last year, figure, estimate/official,
/// period judged, % of the year's plan, % of the same period last year, verdict, conflict.
const WIDTHS: [f64; 12] = [7.0, 40.0, 12.0, 13.0, 12.0, 12.0, 11.0, 10.0, 14.0, 10.0, 22.0, 12.0];

/// The row of column headings, repeated at the top of every printed page.
const HEADER_ROW: u32 = 5;

/// The workbook's bytes.
pub fn to_bytes(report: &Report, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let plan = report.plan;
    workbook.set_properties(&DocProperties::new().set_title(plan.title.get(lang)));
    let sheet = workbook.add_worksheet();
    sheet.set_name(ReportLabel::Sheet.get(lang))?;
    for (col, width) in (0u16..).zip(WIDTHS) {
        sheet.set_column_width(col, width)?;
    }
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(14);
    let header =
        Format::new().set_bold().set_background_color(Color::RGB(0xD9_D9D9)).set_border(FormatBorder::Thin);
    let text = Format::new().set_border(FormatBorder::Thin).set_align(rust_xlsxwriter::FormatAlign::Top);
    let header = header.set_text_wrap().set_align(rust_xlsxwriter::FormatAlign::Top);

    sheet.write_string_with_format(0, 0, crate::i18n::present::title(lang, plan), &title)?;
    sheet.write_string_with_format(1, 0, ReportLabel::MadeOn.get(lang), &bold)?;
    let made = report.made;
    let day = ExcelDateTime::from_ymd(
        made.year().try_into().unwrap_or(1900),
        made.month().unsigned_abs(),
        made.day().unsigned_abs(),
    )?;
    let date_format = Format::new()
        .set_num_format(lang.pick("dd/mm/yyyy", "yyyy-mm-dd"))
        .set_align(rust_xlsxwriter::FormatAlign::Left);
    sheet.write_datetime_with_format(1, 1, &day, &date_format)?;
    sheet.write_string_with_format(2, 0, ReportLabel::AssessedIn.get(lang), &bold)?;
    let assessed = match report.choice {
        PeriodChoice::Fixed(p) => i18n::period(lang, p),
        PeriodChoice::Latest => Label::LatestPeriod.get(lang),
    };
    sheet.write_string(2, 1, assessed)?;

    sheet.write_string_with_format(3, 0, crate::i18n::tally(lang, report.tally), &bold)?;

    let headers = [
        Label::ColId.get(lang),
        Label::ColName.get(lang),
        ReportLabel::Unit.get(lang),
        ReportLabel::YearPlan.get(lang),
        ReportLabel::LastYearSamePeriod.get(lang),
        ReportLabel::Figure.get(lang),
        ReportLabel::FigureKind.get(lang),
        ReportLabel::AssessedIn.get(lang),
        ReportLabel::PercentOfPlan.get(lang),
        ReportLabel::PercentOfLastYear.get(lang),
        ReportLabel::Verdict.get(lang),
        ReportLabel::Conflict.get(lang),
    ];
    for (col, label) in (0u16..).zip(headers) {
        sheet.write_string_with_format(HEADER_ROW, col, label, &header)?;
    }

    let mut row = HEADER_ROW + 1;
    for (group, lines) in &report.groups {
        sheet.write_string_with_format(row, 0, i18n::group(lang, *group), &bold)?;
        row += 1;
        for line in lines {
            write_line(sheet, row, line, lang, &text)?;
            row += 1;
        }
    }
    row += 1;

    sheet.write_string_with_format(row, 0, ReportLabel::Summary.get(lang), &title)?;
    row += 1;
    sheet.write_string_with_format(row, 1, Label::ColStatus.get(lang), &header)?;
    sheet.write_string_with_format(row, 2, ReportLabel::Count.get(lang), &header)?;
    row += 1;
    let count = Format::new().set_num_format("0").set_border(FormatBorder::Thin);
    for (status, n) in super::summary(report) {
        sheet.write_string_with_format(row, 1, worded(lang, status), &status_format(status))?;
        sheet.write_number_with_format(row, 2, n as f64, &count)?;
        row += 1;
    }
    sheet.write_string_with_format(row, 1, ReportLabel::Total.get(lang), &header)?;
    sheet.write_number_with_format(row, 2, report.counts.iter().sum::<usize>() as f64, &count.set_bold())?;
    print_setup(sheet, HEADER_ROW)?;
    workbook.save_to_buffer()
}

/// Printed as a province hands it in: landscape A4, all columns on one page's width, the
/// headings (row `header_row`) on every page, and frozen below them with the first two columns.
pub(super) fn print_setup(sheet: &mut Worksheet, header_row: u32) -> Result<(), XlsxError> {
    sheet.set_freeze_panes(header_row + 1, 2)?;
    sheet.set_landscape();
    sheet.set_paper_size(9);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(header_row, header_row)?;
    Ok(())
}

fn write_line(
    sheet: &mut Worksheet,
    row: u32,
    line: &Line,
    lang: Lang,
    text: &Format,
) -> Result<(), XlsxError> {
    let target = line.row.target;
    let indent = if target.parent.is_some() { "    " } else { "" };
    sheet.write_string_with_format(row, 0, &target.id, text)?;
    // Names wrap inside their column rather than run across the next ones.
    sheet.write_string_with_format(
        row,
        1,
        format!("{indent}{}", target.name.get(lang)),
        &text.clone().set_text_wrap(),
    )?;
    sheet.write_string_with_format(row, 2, target.unit.get(lang), text)?;
    match target.goal {
        Some((Goal::AtLeast(v), _)) => number(sheet, row, 3, v, "\"≥ \"", text)?,
        Some((Goal::AtMost(v), _)) => number(sheet, row, 3, v, "\"≤ \"", text)?,
        Some((Goal::Range { min, max }, _)) => {
            let range = format!("{}–{}", present::figure(lang, min), present::figure(lang, max));
            sheet.write_string_with_format(row, 3, range, text)?;
        }
        None => {
            sheet.write_blank(row, 3, text)?;
        }
    }
    let row_data = &line.row;
    match row_data.last_year {
        Some(e) => number(sheet, row, 4, e.value, "", text)?,
        None => {
            sheet.write_blank(row, 4, text)?;
        }
    }
    match row_data.actual {
        Some(e) => {
            number(sheet, row, 5, e.value, "", text)?;
            sheet.write_string_with_format(row, 6, i18n::kind_short(lang, e.kind), text)?;
        }
        None => {
            sheet.write_blank(row, 5, text)?;
            sheet.write_blank(row, 6, text)?;
        }
    }
    let judged = row_data.actual.and(row_data.period).map(|p| i18n::period(lang, p)).unwrap_or_default();
    sheet.write_string_with_format(row, 7, judged, text)?;
    // A share for targets where more is better; for a ceiling the words "vượt trần …".
    match row_data.percent.and_then(|p| (p / Decimal::ONE_HUNDRED).to_f64()) {
        Some(fraction) => {
            sheet.write_number_with_format(row, 8, fraction, &text.clone().set_num_format("0.00%"))?;
        }
        None => {
            let words = present::against_plan(lang, target, &row_data.verdict);
            sheet.write_string_with_format(row, 8, words, &text.clone().set_text_wrap())?;
        }
    }
    match row_data.percent_of_last_year.and_then(|p| (p / Decimal::ONE_HUNDRED).to_f64()) {
        Some(fraction) => {
            sheet.write_number_with_format(row, 9, fraction, &text.clone().set_num_format("0.00%"))?;
        }
        None => {
            sheet.write_blank(row, 9, text)?;
        }
    }
    let verdict = super::Columns::of(row_data, lang, false).verdict;
    sheet.write_string_with_format(
        row,
        10,
        verdict,
        &status_format(row_data.status).set_text_wrap().set_align(rust_xlsxwriter::FormatAlign::Top),
    )?;
    let conflicts: Vec<&str> = line.conflicts.iter().map(|p| i18n::period(lang, *p)).collect();
    if conflicts.is_empty() {
        sheet.write_blank(row, 11, text)?;
    } else {
        let warn = text.clone().set_bold().set_font_color(Color::RGB(0x9C_0006));
        sheet.write_string_with_format(row, 11, format!("≠ {}", conflicts.join(", ")), &warn)?;
    }
    Ok(())
}

/// A figure as a number cell, grouped, with the decimals it was entered with, after an
/// optional quoted prefix such as `"≥ "`.
fn number(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: Decimal,
    prefix: &str,
    base: &Format,
) -> Result<(), XlsxError> {
    let decimals = "0".repeat(value.scale() as usize);
    let pattern =
        if decimals.is_empty() { format!("{prefix}#,##0") } else { format!("{prefix}#,##0.{decimals}") };
    let cell = value.to_f64().unwrap_or_default();
    sheet.write_number_with_format(row, col, cell, &base.clone().set_num_format(pattern))?;
    Ok(())
}

/// The status in words with its symbol, so colour is never the only signal.
pub(super) fn worded(lang: Lang, status: Status) -> String {
    format!("{} {}", present::status_symbol(status, false), i18n::status(lang, status))
}

/// Fill and font colour per status (green, cyan, yellow, red, plain, grey, as on screen).
pub(super) fn status_format(status: Status) -> Format {
    let (fill, font) = match status {
        Status::Exceeded | Status::Achieved => (0xC6_EFCE, 0x00_6100),
        Status::OnTrack => (0xD9_F2F7, 0x0B_5563),
        Status::NearlyAchieved | Status::AtRisk => (0xFF_EB9C, 0x9C_5700),
        Status::NotAchieved | Status::Behind => (0xFF_C7CE, 0x9C_0006),
        Status::NotDue => (0xFF_FFFF, 0x00_0000),
        Status::NoData => (0xED_EDED, 0x59_5959),
    };
    Format::new()
        .set_background_color(Color::RGB(fill))
        .set_font_color(Color::RGB(font))
        .set_border(FormatBorder::Thin)
}
