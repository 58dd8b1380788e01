//! `chitieu units --format xlsx`: the units' grid as a sheet to print and send: one row per
//! unit, its completeness for the period, its count of targets per status and the status of
//! each key indicator (symbol and colour, readable in black and white), then the total of
//! the counts. Laid out like the progress report's sheet: landscape A4, fit to the page's
//! width, the header repeated on every page.

use crate::domain::period::Period;
use crate::domain::plan::Plan;
use crate::domain::status::Status;
use crate::domain::units::{self, UnitStanding};
use crate::i18n::units_data::UnitsSheet;
use crate::i18n::{self, Lang, present};
use rust_xlsxwriter::{Color, DocProperties, Format, FormatAlign, FormatBorder, Workbook, XlsxError};

/// The row of the column headers (0-based): title and period above it.
const HEADER_ROW: u32 = 3;

/// One unit's line: its id, its name and how it stands.
pub struct UnitLine<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub standing: &'a UnitStanding,
}

pub fn to_bytes(plan: &Plan, period: Period, lines: &[UnitLine], lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    workbook.set_properties(&DocProperties::new().set_title(plan.title.get(lang)));
    let sheet = workbook.add_worksheet();
    sheet.set_name(UnitsSheet::SheetName.get(lang))?;
    let title = Format::new().set_bold().set_font_size(14);
    let bold = Format::new().set_bold();
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xD9_D9D9))
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let text = Format::new().set_border(FormatBorder::Thin);
    let count = Format::new().set_num_format("0").set_border(FormatBorder::Thin);

    sheet.write_string_with_format(0, 0, format!("{} ({})", plan.title.get(lang), plan.year), &title)?;
    sheet.write_string_with_format(1, 0, UnitsSheet::Period.get(lang), &bold)?;
    sheet.write_string(1, 1, i18n::period(lang, period))?;

    let shown = units::statuses_shown(period);
    let keys: Vec<&str> = plan.key_indicators().map(|t| t.id.as_str()).collect();
    let mut headers: Vec<String> =
        [UnitsSheet::Id, UnitsSheet::Unit, UnitsSheet::Reported, UnitsSheet::Expected]
            .iter()
            .map(|label| label.get(lang).to_owned())
            .collect();
    headers.extend(shown.iter().map(|s| super::xlsx::worded(lang, *s)));
    let first_key = headers.len() as u16;
    headers.extend(keys.iter().map(|id| (*id).to_owned()));
    for (col, label) in (0u16..).zip(&headers) {
        sheet.write_string_with_format(HEADER_ROW, col, label, &header)?;
    }
    if !keys.is_empty() {
        sheet.write_string_with_format(
            HEADER_ROW - 1,
            first_key,
            UnitsSheet::KeyIndicators.get(lang),
            &bold,
        )?;
    }
    sheet.set_column_width(0, 14.0)?;
    sheet.set_column_width(1, 30.0)?;
    sheet.set_column_range_width(2, first_key - 1, 11.0)?;
    if !keys.is_empty() {
        sheet.set_column_range_width(first_key, first_key + keys.len() as u16 - 1, 5.0)?;
    }

    let mut row = HEADER_ROW + 1;
    let mut sums = vec![0usize; shown.len()];
    let (mut reported, mut expected) = (0, 0);
    for line in lines {
        let standing = line.standing;
        sheet.write_string_with_format(row, 0, line.id, &text)?;
        sheet.write_string_with_format(row, 1, line.name, &text)?;
        sheet.write_number_with_format(row, 2, standing.completeness.reported as f64, &count)?;
        sheet.write_number_with_format(row, 3, standing.completeness.expected as f64, &count)?;
        reported += standing.completeness.reported;
        expected += standing.completeness.expected;
        for (i, (status, sum)) in shown.iter().zip(&mut sums).enumerate() {
            let n = Status::ALL.iter().position(|s| s == status).map_or(0, |at| standing.statuses[at]);
            *sum += n;
            sheet.write_number_with_format(row, 4 + i as u16, n as f64, &count)?;
        }
        for (col, status) in (first_key..).zip(&standing.key_statuses) {
            let mark = present::status_symbol(*status, false);
            let format = super::xlsx::status_format(*status).set_align(FormatAlign::Center);
            sheet.write_string_with_format(row, col, mark, &format)?;
        }
        row += 1;
    }
    let total_format = count.clone().set_bold();
    sheet.write_string_with_format(row, 1, UnitsSheet::Total.get(lang), &header)?;
    sheet.write_number_with_format(row, 2, reported as f64, &total_format)?;
    sheet.write_number_with_format(row, 3, expected as f64, &total_format)?;
    for (i, sum) in sums.iter().enumerate() {
        sheet.write_number_with_format(row, 4 + i as u16, *sum as f64, &total_format)?;
    }
    row += 2;
    let legend: Vec<String> = Status::ALL.iter().map(|s| super::xlsx::worded(lang, *s)).collect();
    sheet.write_string(row, 0, legend.join(" · "))?;
    sheet.write_string(row + 1, 0, UnitsSheet::TotalNote.get(lang))?;

    super::xlsx::print_setup(sheet, HEADER_ROW)?;
    workbook.save_to_buffer()
}
