//! A plan from a spreadsheet: the target table cadres keep in Excel ("Phụ lục chỉ tiêu"),
//! read into the plan format of `docs/plan-format.md`, and the template they start from.
//!
//! Each column is one field of a target in the plan file, by its key (`target_min`) or the
//! template's Vietnamese header; cells become the JSON the plan reader takes, so a field the
//! plan format gains needs one line in [`COLUMNS`]. Every problem of every row is collected
//! with its row and column before anything is written; the finished plan then goes through
//! [`Plan::parse`] like any plan file.

use crate::domain::period::Period;
use crate::domain::plan::{Direction, Group, Measure, Plan, PlanError, Text};
use crate::i18n::Lang;
use rust_decimal::Decimal;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::path::Path;

pub use crate::domain::sheet::{Issue, ReadError, SheetProblem};

/// How a column's cells are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Free text, NFC, controls removed.
    Text,
    /// The English of the bilingual field named.
    English(&'static str),
    Group,
    Direction,
    Measure,
    /// A figure: a number cell, or text in the active language's number style.
    Figure,
    /// Periods separated by blanks (`q1 h1 9m year`); empty means all.
    Periods,
}

/// A column of the template: the plan field it fills, and how it is read.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub key: &'static str,
    pub kind: Kind,
    /// Must every row have it.
    pub required: bool,
}

const fn column(key: &'static str, kind: Kind, required: bool) -> Column {
    Column { key, kind, required }
}

/// The columns, in the template's order. `name` and `unit` are bilingual fields whose
/// Vietnamese is the column itself and whose English is the `.en` column.
pub const COLUMNS: [Column; 18] = [
    column("id", Kind::Text, true),
    column("parent", Kind::Text, false),
    column("group", Kind::Group, true),
    column("section", Kind::Text, false),
    column("name", Kind::Text, true),
    column("name.en", Kind::English("name"), false),
    column("unit", Kind::Text, false),
    column("unit.en", Kind::English("unit"), false),
    column("direction", Kind::Direction, false),
    column("target", Kind::Figure, false),
    column("target_min", Kind::Figure, false),
    column("target_max", Kind::Figure, false),
    column("measure", Kind::Measure, false),
    column("reported_in", Kind::Periods, false),
    column("agency", Kind::Text, false),
    column("last_year_id", Kind::Text, false),
    column("tolerance_percent", Kind::Figure, false),
    column("quote", Kind::Text, false),
];

/// Fields that are `{ "vi", "en" }` in the plan file.
const BILINGUAL: [&str; 2] = ["name", "unit"];

/// One cell as read from the file.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A number cell of a spreadsheet, as the shortest decimal that gives the same double.
    Number(Decimal),
}

impl Cell {
    fn text(&self) -> Option<String> {
        match self {
            Cell::Empty => None,
            Cell::Text(text) => {
                let text = crate::domain::text::clean(text.trim());
                (!text.is_empty()).then_some(text)
            }
            Cell::Number(value) => Some(value.normalize().to_string()),
        }
    }
}

/// A row of the sheet with its number as the spreadsheet shows it (1 = the first row).
#[derive(Debug, Clone, PartialEq)]
pub struct SheetRow {
    pub number: usize,
    pub cells: Vec<Cell>,
}

/// What the new plan is, given on the command line.
#[derive(Debug, Clone)]
pub struct PlanHeader {
    pub id: String,
    pub year: i16,
    pub title: Text,
}

/// The column a header names: its key, `(key)` at its end as in the template's headers, or
/// the template's Vietnamese header, ignoring case and diacritics.
pub fn column_for_header(header: &str) -> Option<&'static Column> {
    let header = crate::domain::text::fold(header.trim());
    let key = match header.strip_suffix(')').and_then(|h| h.rsplit_once('(')) {
        Some((_, key)) if COLUMNS.iter().any(|c| c.key == key.trim()) => key.trim().to_owned(),
        _ => header,
    };
    COLUMNS
        .iter()
        .find(|c| c.key == key || crate::domain::text::fold(crate::i18n::plans::header_vi(c.key)) == key)
}

/// Reads the sheet into a plan: the plan file's text and the plan, or every problem found.
/// `rows[0]` is the header row.
pub fn import(
    rows: &[SheetRow],
    header: &PlanHeader,
    lang: Lang,
) -> Result<(String, Plan), Vec<SheetProblem>> {
    let mut problems = Vec::new();
    if header.id.trim().is_empty() || header.id.trim() != header.id {
        problems.push(SheetProblem::new(0, "--id", Issue::BadHeader));
    }
    if header.title.vi.trim().is_empty() {
        problems.push(SheetProblem::new(0, "--title", Issue::BadHeader));
    }
    let Some((head, body)) = rows.split_first() else {
        problems.push(SheetProblem::new(1, "", Issue::NoRows));
        return Err(problems);
    };
    let columns = read_header(head, &mut problems);
    if body.is_empty() {
        problems.push(SheetProblem::new(head.number + 1, "", Issue::NoRows));
    }
    let rows: Vec<ReadRow> = body.iter().map(|row| read_row(row, &columns, lang, &mut problems)).collect();
    check_rows(&rows, &columns, &mut problems);
    if !problems.is_empty() {
        // In the order the sheet reads: by row, and within a row as found.
        problems.sort_by_key(|p| p.row);
        return Err(problems);
    }

    let row_numbers: Vec<(String, usize)> =
        rows.iter().filter_map(|row| Some((row.text("id")?.to_owned(), row.number))).collect();
    let plan = serde_json::json!({
        "format": crate::domain::plan::FORMAT_VERSION,
        "id": header.id,
        "year": header.year,
        "title": header.title,
        "targets": rows.into_iter().map(|row| Value::Object(row.fields)).collect::<Vec<_>>(),
    });
    let mut text = serde_json::to_string_pretty(&plan).expect("a JSON value always serialises");
    text.push('\n');
    match Plan::parse(&text) {
        Ok(plan) => Ok((text, plan)),
        Err(error) => {
            // The line is the generated JSON's, which the user never sees: name the row whose
            // target holds that line instead.
            let row = row_numbers
                .iter()
                .filter_map(|(id, row)| Some((crate::domain::text::locate_json_id(&text, id)?.0, *row)))
                .filter(|(line, _)| *line <= error.line)
                .max()
                .map_or(0, |(_, row)| row);
            let error = PlanError { line: 0, column: 0, ..error };
            Err(vec![SheetProblem::new(row, "", Issue::Plan(error))])
        }
    }
}

/// The header's columns by position, with the header as written.
struct Columns {
    by_position: Vec<Option<(&'static Column, String)>>,
}

impl Columns {
    /// The header as the sheet writes it, or the template's if the sheet lacks the column.
    fn shown(&self, key: &str) -> String {
        self.by_position
            .iter()
            .flatten()
            .find(|(c, _)| c.key == key)
            .map_or_else(|| crate::i18n::plans::header(key), |(_, shown)| shown.clone())
    }

    fn has(&self, key: &str) -> bool {
        self.by_position.iter().flatten().any(|(c, _)| c.key == key)
    }
}

fn read_header(head: &SheetRow, problems: &mut Vec<SheetProblem>) -> Columns {
    let mut by_position: Vec<Option<(&'static Column, String)>> = Vec::with_capacity(head.cells.len());
    for cell in &head.cells {
        let Some(shown) = cell.text() else {
            by_position.push(None);
            continue;
        };
        match column_for_header(&shown) {
            None => {
                problems.push(SheetProblem::new(head.number, shown, Issue::UnknownColumn));
                by_position.push(None);
            }
            Some(column) if by_position.iter().flatten().any(|(c, _)| c.key == column.key) => {
                problems.push(SheetProblem::new(head.number, shown, Issue::DuplicateColumn));
                by_position.push(None);
            }
            Some(column) => by_position.push(Some((column, shown))),
        }
    }
    let columns = Columns { by_position };
    for column in COLUMNS.iter().filter(|c| c.required && !columns.has(c.key)) {
        problems.push(SheetProblem::new(head.number, columns.shown(column.key), Issue::MissingColumn));
    }
    columns
}

/// A target row as read: its fields for the plan file, and what the checks across rows need.
struct ReadRow {
    number: usize,
    fields: Map<String, Value>,
    direction: Option<Direction>,
    /// The figures read, by key.
    figures: HashMap<&'static str, Decimal>,
    /// Cells with something in them that could not be read (already reported): not missing.
    unreadable: Vec<&'static str>,
}

impl ReadRow {
    fn text(&self, key: &str) -> Option<&str> {
        self.fields.get(key).and_then(Value::as_str)
    }
}

fn read_row(row: &SheetRow, columns: &Columns, lang: Lang, problems: &mut Vec<SheetProblem>) -> ReadRow {
    let mut read = ReadRow {
        number: row.number,
        fields: Map::new(),
        direction: None,
        figures: HashMap::new(),
        unreadable: Vec::new(),
    };
    let mut english: HashMap<&str, String> = HashMap::new();
    let empty = Cell::Empty;
    for (position, slot) in columns.by_position.iter().enumerate() {
        let Some((column, shown)) = slot else { continue };
        let cell = row.cells.get(position).unwrap_or(&empty);
        let Some(text) = cell.text() else {
            if column.required {
                problems.push(SheetProblem::new(row.number, shown.clone(), Issue::Required));
            }
            continue;
        };
        let mut fail = |issue| {
            read.unreadable.push(column.key);
            problems.push(SheetProblem::new(row.number, shown.clone(), issue));
        };
        let key = column.key.to_owned();
        match column.kind {
            Kind::Text if BILINGUAL.contains(&column.key) => {
                read.fields.insert(key, serde_json::json!({ "vi": text, "en": "" }));
            }
            Kind::Text => {
                read.fields.insert(key, Value::String(text));
            }
            Kind::English(of) => {
                english.insert(of, text);
            }
            Kind::Group => match group(&text) {
                Some(group) => {
                    read.fields.insert(key, Value::String(group.key().to_owned()));
                }
                None => fail(Issue::UnknownGroup(text)),
            },
            Kind::Direction => match direction(&text) {
                Some(direction) => {
                    read.direction = Some(direction);
                    read.fields.insert(key, Value::String(direction.key().to_owned()));
                }
                None => fail(Issue::UnknownDirection(text)),
            },
            Kind::Measure => match measure(&text) {
                Some(measure) => {
                    read.fields.insert(key, Value::String(measure.key().to_owned()));
                }
                None => fail(Issue::UnknownMeasure(text)),
            },
            Kind::Figure => {
                let value = match cell {
                    Cell::Number(value) => Ok(*value),
                    _ => crate::domain::number::parse(&text, lang.number_style()),
                };
                match value {
                    Ok(value) => {
                        read.figures.insert(column.key, value);
                        read.fields.insert(key, Value::String(crate::domain::number::plain(value)));
                    }
                    Err(error) => fail(Issue::BadNumber { typed: text, error }),
                }
            }
            Kind::Periods => {
                let mut periods = Vec::new();
                for word in text.split_whitespace() {
                    match Period::from_key(&word.to_lowercase()) {
                        Some(period) if !periods.contains(&period.key()) => periods.push(period.key()),
                        Some(_) => {}
                        None => fail(Issue::UnknownPeriod(word.to_owned())),
                    }
                }
                read.fields.insert(key, serde_json::json!(periods));
            }
        }
    }
    for (field, en) in english {
        match read.fields.get_mut(field) {
            Some(Value::Object(text)) => {
                text.insert("en".to_owned(), Value::String(en));
            }
            // English with no Vietnamese: the Vietnamese column is what is missing.
            _ => problems.push(SheetProblem::new(row.number, columns.shown(field), Issue::Required)),
        }
    }
    read
}

/// What needs the whole sheet or several cells of a row: ids, parents, goals that fit their
/// direction.
fn check_rows(rows: &[ReadRow], columns: &Columns, problems: &mut Vec<SheetProblem>) {
    let mut first_row: HashMap<&str, usize> = HashMap::new();
    for row in rows {
        let Some(id) = row.text("id") else { continue };
        if let Some(&first) = first_row.get(id) {
            let issue = Issue::DuplicateId { id: id.to_owned(), first_row: first };
            problems.push(SheetProblem::new(row.number, columns.shown("id"), issue));
        } else {
            first_row.insert(id, row.number);
        }
    }
    let parents: std::collections::HashSet<&str> = rows.iter().filter_map(|r| r.text("parent")).collect();
    for row in rows {
        let at = |key: &str, issue| SheetProblem::new(row.number, columns.shown(key), issue);
        if let Some(parent) = row.text("parent")
            && (Some(parent) == row.text("id") || !first_row.contains_key(parent))
        {
            problems.push(at("parent", Issue::UnknownParent(parent.to_owned())));
        }
        if let Some(&tolerance) = row.figures.get("tolerance_percent")
            && !(Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&tolerance)
        {
            problems.push(at("tolerance_percent", Issue::ToleranceOutOfRange));
        }
        let has = |key: &str| row.figures.contains_key(key) || row.unreadable.contains(&key);
        let has_goal = row.direction.is_some()
            || row.fields.contains_key("measure")
            || ["target", "target_min", "target_max"].into_iter().any(has);
        if !has_goal {
            let is_heading = row.text("id").is_some_and(|id| parents.contains(id));
            if !is_heading && row.text("id").is_some() {
                problems.push(at("direction", Issue::NoGoal));
            }
            continue;
        }
        if !row.fields.contains_key("measure") && !row.unreadable.contains(&"measure") {
            problems.push(at("measure", Issue::Required));
        }
        let Some(direction) = row.direction else {
            if !row.unreadable.contains(&"direction") {
                problems.push(at("direction", Issue::NoDirection));
            }
            continue;
        };
        let (needed, refused): (&[&str], &[&str]) = match direction {
            Direction::AtLeast | Direction::AtMost => (&["target"], &["target_min", "target_max"]),
            Direction::Range => (&["target_min", "target_max"], &["target"]),
        };
        for key in needed.iter().filter(|k| !has(k)) {
            problems.push(at(key, Issue::NeededFor(direction)));
        }
        for key in refused.iter().filter(|k| has(k)) {
            problems.push(at(key, Issue::NotFor(direction)));
        }
        if let (Some(min), Some(max)) = (row.figures.get("target_min"), row.figures.get("target_max"))
            && min >= max
        {
            problems.push(at("target_max", Issue::MinNotBelowMax));
        }
    }
}

/// A group by its key or its Vietnamese (or English) name, ignoring case and diacritics.
fn group(text: &str) -> Option<Group> {
    let folded = crate::domain::text::fold(text);
    Group::ALL.into_iter().find(|&g| {
        folded == g.key()
            || folded == crate::domain::text::fold(crate::i18n::group(Lang::Vi, g))
            || folded == crate::domain::text::fold(crate::i18n::group(Lang::En, g))
    })
}

/// `at_least`, `at_most`, `range`, or the Vietnamese words the explanation sheet gives.
fn direction(text: &str) -> Option<Direction> {
    let folded = crate::domain::text::fold(text);
    [Direction::AtLeast, Direction::AtMost, Direction::Range].into_iter().find(|&d| {
        folded == d.key()
            || crate::i18n::plans::direction_words(d).iter().any(|w| crate::domain::text::fold(w) == folded)
    })
}

/// `level`, `cumulative`, or the Vietnamese words the explanation sheet gives.
fn measure(text: &str) -> Option<Measure> {
    let folded = crate::domain::text::fold(text);
    [Measure::Level, Measure::Cumulative, Measure::YearEnd].into_iter().find(|&m| {
        folded == m.key()
            || crate::i18n::plans::measure_words(m).iter().any(|w| crate::domain::text::fold(w) == folded)
    })
}

// ---- reading files ----

/// Reads the first sheet of an xlsx or a CSV file, by its extension.
pub fn read(path: &Path) -> Result<Vec<SheetRow>, ReadError> {
    let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("xlsx") => read_xlsx(path),
        Some("csv") => read_csv(&std::fs::read(path).map_err(ReadError::Io)?),
        _ => Err(ReadError::UnknownKind),
    }
}

/// The first sheet of an xlsx workbook (the template's second sheet is its explanation).
pub fn read_xlsx(path: &Path) -> Result<Vec<SheetRow>, ReadError> {
    use calamine::{Data, Reader};
    let mut workbook: calamine::Xlsx<_> =
        calamine::open_workbook(path).map_err(|e: calamine::XlsxError| ReadError::Xlsx(e.to_string()))?;
    let range = match workbook.worksheet_range_at(0) {
        Some(range) => range.map_err(|e| ReadError::Xlsx(e.to_string()))?,
        None => return Ok(Vec::new()),
    };
    let first_row = range.start().map_or(0, |(row, _)| row as usize);
    let first_column = range.start().map_or(0, |(_, column)| column as usize);
    let mut rows = Vec::new();
    for (offset, cells) in range.rows().enumerate() {
        let mut row: Vec<Cell> = vec![Cell::Empty; first_column];
        row.extend(cells.iter().map(|data| match data {
            Data::Empty => Cell::Empty,
            Data::String(text) => Cell::Text(text.clone()),
            Data::Int(value) => Cell::Number(Decimal::from(*value)),
            Data::Float(value) => {
                decimal_of_double(*value).map_or(Cell::Text(value.to_string()), Cell::Number)
            }
            Data::Bool(value) => Cell::Text(value.to_string()),
            Data::DateTimeIso(text) | Data::DurationIso(text) => Cell::Text(text.clone()),
            Data::DateTime(value) => Cell::Text(value.to_string()),
            Data::Error(error) => Cell::Text(format!("#{error}")),
        }));
        push_unless_blank(&mut rows, first_row + offset + 1, row);
    }
    Ok(rows)
}

/// The shortest decimal that reads back as `value`: a cell holding 6.5 is 6.5, not
/// 6.5000000000000001. Rust prints a double as exactly that, never with an exponent.
fn decimal_of_double(value: f64) -> Option<Decimal> {
    if !value.is_finite() {
        return None;
    }
    crate::domain::number::parse_plain(&value.to_string())
}

/// A CSV file: UTF-8, with or without a byte-order mark; fields separated by `,`, or by `;`
/// or a tab as Excel writes them where the decimal separator is a comma.
pub fn read_csv(bytes: &[u8]) -> Result<Vec<SheetRow>, ReadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Err(error) = std::str::from_utf8(bytes) {
        let row = bytes[..error.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
        return Err(ReadError::NotUtf8 { row });
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(csv_delimiter(bytes))
        .from_reader(bytes);
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| ReadError::Csv(e.to_string()))?;
        let number = record.position().map_or(rows.len() + 1, |p| p.line() as usize);
        let cells = record.iter().map(|field| Cell::Text(field.to_owned())).collect();
        push_unless_blank(&mut rows, number, cells);
    }
    Ok(rows)
}

/// The separator of the header line: whichever of `;`, tab and `,` it has most of, outside quotes.
fn csv_delimiter(bytes: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &byte in bytes {
        match byte {
            b'\n' if !quoted => break,
            b'"' => quoted = !quoted,
            b';' if !quoted => counts[0] += 1,
            b'\t' if !quoted => counts[1] += 1,
            b',' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let delimiters = [b';', b'\t', b','];
    let most = counts.iter().copied().max().unwrap_or(0);
    if most == 0 { b',' } else { delimiters[counts.iter().position(|&c| c == most).unwrap_or(2)] }
}

/// Rows with nothing in them (a spacer, the end of the table) are not targets.
fn push_unless_blank(rows: &mut Vec<SheetRow>, number: usize, cells: Vec<Cell>) {
    if cells.iter().any(|c| c.text().is_some()) {
        rows.push(SheetRow { number, cells });
    }
}

// ---- the template ----

/// The example row of the template, by column key, figures as numbers.
pub const EXAMPLE: [(&str, &str); 11] = [
    ("id", "1"),
    ("group", "economic"),
    ("section", "I.1"),
    ("name", "Tốc độ tăng trưởng kinh tế (GRDP)"),
    ("name.en", "Economic growth rate (GRDP)"),
    ("unit", "%"),
    ("direction", "at_least"),
    ("target", "6.5"),
    ("measure", "level"),
    ("reported_in", "h1 year"),
    ("last_year_id", "1"),
];

fn example(key: &str) -> Option<&'static str> {
    EXAMPLE.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// The template workbook: the table with one example row, then a sheet explaining each column.
pub fn template_xlsx(lang: Lang) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use crate::i18n::plans;
    use rust_xlsxwriter::{Color, Format, Workbook};
    let mut workbook = Workbook::new();
    let header_format = Format::new().set_bold().set_background_color(Color::RGB(0xD9_D9D9)).set_text_wrap();
    let table = workbook.add_worksheet();
    table.set_name(plans::SHEET_TABLE)?;
    for (col, column) in (0u16..).zip(&COLUMNS) {
        table.set_column_width(col, if column.key == "name" { 40.0 } else { 16.0 })?;
        table.write_string_with_format(0, col, plans::header(column.key), &header_format)?;
        match (column.kind, example(column.key)) {
            (Kind::Figure, Some(value)) => {
                // A number cell, as a cadre's own table has it.
                let value: f64 = value.parse().unwrap_or_default();
                table.write_number(1, col, value)?;
            }
            (_, Some(value)) => {
                table.write_string(1, col, value)?;
            }
            (_, None) => {}
        }
    }
    table.set_freeze_panes(1, 0)?;

    let help = workbook.add_worksheet();
    help.set_name(plans::SHEET_HELP)?;
    let widths = [24.0, 18.0, 10.0, 60.0, 60.0];
    for (col, width) in (0u16..).zip(widths) {
        help.set_column_width(col, width)?;
    }
    let wrap = Format::new().set_text_wrap().set_align(rust_xlsxwriter::FormatAlign::Top);
    for (col, title) in (0u16..).zip(plans::help_header(lang)) {
        help.write_string_with_format(0, col, title, &header_format)?;
    }
    for (row, column) in (1u32..).zip(&COLUMNS) {
        let (vi, en) = plans::column_help(column.key);
        let cells = [
            plans::header(column.key),
            column.key.to_owned(),
            plans::required(lang, column.required).to_owned(),
            vi.to_owned(),
            en.to_owned(),
        ];
        for (col, cell) in (0u16..).zip(cells) {
            help.write_string_with_format(row, col, cell, &wrap)?;
        }
    }
    workbook.save_to_buffer()
}

/// The template as CSV (UTF-8 with a byte-order mark, so Excel reads the diacritics): the
/// header and the example row, figures in the active language's number style.
pub fn template_csv(lang: Lang) -> Vec<u8> {
    let mut writer =
        csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(b"\xEF\xBB\xBF".to_vec());
    let header: Vec<String> = COLUMNS.iter().map(|c| crate::i18n::plans::header(c.key)).collect();
    let example: Vec<String> = COLUMNS
        .iter()
        .map(|c| match (c.kind, example(c.key)) {
            (Kind::Figure, Some(value)) => crate::domain::number::parse_plain(value)
                .map_or_else(|| value.to_owned(), |v| crate::domain::number::format(v, lang.number_style())),
            (_, value) => value.unwrap_or_default().to_owned(),
        })
        .collect();
    // Writing to a Vec cannot fail.
    let _ = writer.write_record(&header);
    let _ = writer.write_record(&example);
    writer.into_inner().unwrap_or_default()
}

/// The explanation of the columns as CSV, written beside a CSV template (a CSV has one sheet).
pub fn template_help_csv(lang: Lang) -> Vec<u8> {
    use crate::i18n::plans;
    let mut writer =
        csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(b"\xEF\xBB\xBF".to_vec());
    let _ = writer.write_record(plans::help_header(lang));
    for column in &COLUMNS {
        let (vi, en) = plans::column_help(column.key);
        let _ = writer.write_record([
            plans::header(column.key).as_str(),
            column.key,
            plans::required(lang, column.required),
            vi,
            en,
        ]);
    }
    writer.into_inner().unwrap_or_default()
}

/// A sheet of `rows` targets like a province's appendix, for benchmarks and
/// `scripts/measure-plans.sh`: every tenth row a heading whose next nine rows are its parts,
/// figures as number cells, Vietnamese names, last-year links.
#[cfg(feature = "testkit")]
pub fn sample_xlsx(rows: u32) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    // The columns by key, as a cadre's sheet without the template's headers has them.
    let header = "id parent group name unit direction target measure reported_in last_year_id".split(' ');
    for (col, key) in (0u16..).zip(header) {
        sheet.write_string(0, col, key)?;
    }
    let groups = ["Kinh tế", "Xã hội", "Môi trường", "Xây dựng Đảng"];
    for row in 1..=rows {
        let heading = (row - 1) % 10 == 0;
        let id = row.to_string();
        sheet.write_string(row, 0, &id)?;
        sheet.write_string(row, 2, groups[(row as usize / 10) % 4])?;
        sheet.write_string(row, 3, format!("Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao số {row}"))?;
        if !heading {
            sheet.write_string(row, 1, ((row - 1) / 10 * 10 + 1).to_string())?;
            sheet.write_string(row, 4, "%")?;
            sheet.write_string(row, 5, "at_least")?;
            sheet.write_number(row, 6, f64::from(row) * 1.25)?;
            sheet.write_string(row, 7, if row % 2 == 0 { "level" } else { "cumulative" })?;
            sheet.write_string(row, 8, "h1 year")?;
            sheet.write_string(row, 9, &id)?;
        }
    }
    workbook.save_to_buffer()
}
