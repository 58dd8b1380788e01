//! A plan from a spreadsheet: the target table cadres keep in Excel ("Phụ lục chỉ tiêu"),
//! read into the plan format of `docs/plan-format.md`, and the template they start from.
//!
//! Each column is one field of a target in the plan file, by its key (`target_min`) or the
//! template's Vietnamese header; cells become the JSON the plan reader takes, so a field the
//! plan format gains needs one line in [`COLUMNS`]. Every problem of every row is collected
//! with its row and column before anything is written; the finished plan then goes through
//! [`Plan::parse`] like any plan file.

use crate::domain::period::Period;
use crate::domain::plan::{Direction, Group, Measure, Plan, PlanError, PlanProblem, Text};
use crate::domain::sheet::ColumnIssue;
use crate::domain::unit_targets::{OwnTarget, OwnTargets, UnitIssue};
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
    /// For a range, which side is better: `better` / `worse`.
    Above,
    /// A cumulative target's shares by q1, h1 and 9m, in percent: three figures separated by
    /// blanks (`20 45 70`).
    Shares,
    /// A change target: way and measure (`reduction points`, `giảm điểm`, `tăng %`).
    Change,
    /// Yes or no (`x`, `có`, `yes`); empty is no.
    YesNo,
    /// The unit a row belongs to (`xa-my-an`); empty for the plan's own rows.
    UnitId,
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
pub const COLUMNS: [Column; 24] = [
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
    column("above", Kind::Above, false),
    column("measure", Kind::Measure, false),
    column("shares", Kind::Shares, false),
    column("change", Kind::Change, false),
    column("reported_in", Kind::Periods, false),
    column("key_indicator", Kind::YesNo, false),
    column("agency", Kind::Text, false),
    column("last_year_id", Kind::Text, false),
    column("tolerance_percent", Kind::Figure, false),
    column("tolerance_points", Kind::Figure, false),
    column("quote", Kind::Text, false),
    column(UNIT_COLUMN, Kind::UnitId, false),
];

/// The column that gives a row to a unit: its own figures for the plan's target of that id
/// (`chitieu plan import … --unit ID`), not a target of the plan.
pub const UNIT_COLUMN: &str = "don_vi";

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
    let columns = read_header(head, true, &mut problems);
    // Rows with a unit are that unit's own figures, checked against the plan the other rows make.
    let (unit_rows, body): (Vec<&SheetRow>, Vec<&SheetRow>) =
        body.iter().partition(|row| columns.unit_of(row).is_some());
    if body.is_empty() {
        problems.push(SheetProblem::new(head.number + 1, "", Issue::NoRows));
    }
    let rows: Vec<ReadRow> = body.iter().map(|row| read_row(row, &columns, lang, &mut problems)).collect();
    check_rows(&rows, &columns, &mut problems);
    // Problems of units' rows, listed with the plan's; those that need the plan once it is read.
    let mut unit_problems = Vec::new();
    let unit_rows: Vec<UnitRow> =
        unit_rows.iter().map(|row| read_unit_row(row, &columns, lang, &mut unit_problems)).collect();
    if !problems.is_empty() {
        problems.append(&mut unit_problems);
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
        Ok(plan) => {
            check_unit_rows(&unit_rows, &plan, &columns, &mut unit_problems);
            if unit_problems.is_empty() {
                Ok((text, plan))
            } else {
                unit_problems.sort_by_key(|p| p.row);
                Err(unit_problems)
            }
        }
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

    /// The unit a row belongs to: the text of its unit column, if the sheet has one.
    fn unit_of(&self, row: &SheetRow) -> Option<String> {
        let position =
            self.by_position.iter().position(|c| c.as_ref().is_some_and(|(c, _)| c.key == UNIT_COLUMN))?;
        row.cells.get(position).and_then(Cell::text)
    }
}

/// `plan_rows`: the sheet makes a plan, so every column a plan needs must be there; a sheet
/// of a unit's own figures needs only the ids.
fn read_header(head: &SheetRow, plan_rows: bool, problems: &mut Vec<SheetProblem>) -> Columns {
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
    let required = |c: &&Column| c.required && (plan_rows || c.key == "id");
    for column in COLUMNS.iter().filter(required).filter(|c| !columns.has(c.key)) {
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
            Kind::Above => match above(&text) {
                Some(above) => {
                    read.fields.insert(key, Value::String(above.to_owned()));
                }
                None => fail(Issue::Column(ColumnIssue::UnknownWord { key: column.key, typed: text })),
            },
            Kind::Shares => match shares(cell, &text, lang) {
                Some([q1, h1, nine_months]) => {
                    let plain = crate::domain::number::plain;
                    let shares =
                        serde_json::json!({ "q1": plain(q1), "h1": plain(h1), "9m": plain(nine_months) });
                    read.fields.insert(key, shares);
                }
                None => fail(Issue::Column(ColumnIssue::BadShares(text))),
            },
            Kind::Change => match change(&text) {
                Some((way, measured_in)) => {
                    read.fields.insert(key, serde_json::json!({ "way": way, "in": measured_in }));
                }
                None => fail(Issue::Column(ColumnIssue::UnknownWord { key: column.key, typed: text })),
            },
            Kind::YesNo => match yes_no(&text) {
                // No is the plan format's default: left out, as a plan file written by hand has it.
                Some(yes) => {
                    if yes {
                        read.fields.insert(key, Value::Bool(true));
                    }
                }
                None => fail(Issue::Column(ColumnIssue::UnknownWord { key: column.key, typed: text })),
            },
            // A plan's own row has no unit (rows with one are read by `read_unit_row`).
            Kind::UnitId => {}
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
        check_format_2(row, columns, problems);
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

/// The cells of format 2 that need another cell of the row, each named with its column
/// (the plan reader would find them too, but could name only the row).
fn check_format_2(row: &ReadRow, columns: &Columns, problems: &mut Vec<SheetProblem>) {
    let id = row.text("id").unwrap_or_default().to_owned();
    let at = |key: &str, problem| {
        SheetProblem::new(
            row.number,
            columns.shown(key),
            Issue::Plan(PlanError { line: 0, column: 0, problem }),
        )
    };
    let measure = row.text("measure");
    if let Some(&points) = row.figures.get("tolerance_points")
        && !(Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&points)
    {
        problems.push(at("tolerance_points", PlanProblem::PointsOutOfRange(points)));
    }
    if row.fields.contains_key("shares") && measure.is_some_and(|m| m != Measure::Cumulative.key()) {
        problems.push(at("shares", PlanProblem::BadShares(id.clone())));
    }
    if row.fields.contains_key("change") && measure == Some(Measure::Cumulative.key()) {
        problems.push(at("change", PlanProblem::CumulativeChange(id.clone())));
    }
    if row.fields.contains_key("above") && row.direction.is_some_and(|d| d != Direction::Range) {
        problems.push(at("above", PlanProblem::AboveWithoutRange(id.clone())));
    }
    // A rate, or a change in percent, is judged in points; anything else relative.
    let in_points = row.fields.get("unit").and_then(|u| u["vi"].as_str()).is_some_and(|u| u.starts_with('%'))
        || row.fields.get("change").is_some_and(|c| c["in"] == "percent");
    let wrong = if in_points { "tolerance_percent" } else { "tolerance_points" };
    if row.figures.contains_key(wrong) {
        problems.push(at(wrong, PlanProblem::WrongTolerance { id, field: wrong }));
    }
}

/// `better` or `worse`, or the Vietnamese words the explanation sheet gives.
fn above(text: &str) -> Option<&'static str> {
    let folded = crate::domain::text::fold(text);
    ["better", "worse"].into_iter().find(|&key| {
        folded == key
            || crate::i18n::units_data::above_words(key)
                .iter()
                .any(|w| crate::domain::text::fold(w) == folded)
    })
}

/// Three figures separated by blanks, rising within 0–100: the shares by q1, h1 and 9m.
fn shares(cell: &Cell, text: &str, lang: Lang) -> Option<[Decimal; 3]> {
    if matches!(cell, Cell::Number(_)) {
        return None;
    }
    let figures: Vec<Decimal> = text
        .split_whitespace()
        .map(|word| crate::domain::number::parse(word, lang.number_style()).ok())
        .collect::<Option<_>>()?;
    let figures: [Decimal; 3] = figures.try_into().ok()?;
    let rising = figures[0] >= Decimal::ZERO
        && figures.windows(2).all(|w| w[0] <= w[1])
        && figures[2] <= Decimal::ONE_HUNDRED;
    rising.then_some(figures)
}

/// A change target: its way (`reduction`, `increase`) then what it is measured in
/// (`points`, `percent`), as keys or in the Vietnamese words the explanation sheet gives.
fn change(text: &str) -> Option<(&'static str, &'static str)> {
    let folded = crate::domain::text::fold(text);
    let words = |key| crate::i18n::units_data::change_words(key).iter().map(|w| crate::domain::text::fold(w));
    let (way, rest) = ["reduction", "increase"].into_iter().find_map(|way| {
        std::iter::once(way.to_owned()).chain(words(way)).find_map(|w| Some((way, folded.strip_prefix(&w)?)))
    })?;
    let rest = rest.trim();
    let measured_in =
        ["points", "percent"].into_iter().find(|key| rest == *key || words(key).any(|w| w == rest))?;
    Some((way, measured_in))
}

/// Yes (`x`, `có`, `yes`, `true`, `1`) or no (`không`, `no`, `false`, `0`).
fn yes_no(text: &str) -> Option<bool> {
    let folded = crate::domain::text::fold(text);
    let is = |words: &[&str]| words.iter().any(|w| crate::domain::text::fold(w) == folded);
    if is(&["x", "có", "yes", "true", "1", "chủ yếu"]) {
        Some(true)
    } else if is(&["không", "no", "false", "0"]) {
        Some(false)
    } else {
        None
    }
}

// ---- a unit's own figures ----

/// A unit's row as read: its unit, the plan target it gives figures for, and the direction
/// it names, if any (which must be the plan's).
struct UnitRow {
    number: usize,
    unit: String,
    own: OwnTarget,
    direction: Option<Direction>,
    /// The figure cells have nothing in them: the unit keeps the plan's figures.
    empty: bool,
    /// A figure cell could not be read (already reported).
    unreadable: bool,
}

/// Reads a unit's row: its id, its figures and its direction; the other cells are the plan's
/// (a copy of the plan's row may keep them) and are not read.
fn read_unit_row(row: &SheetRow, columns: &Columns, lang: Lang, problems: &mut Vec<SheetProblem>) -> UnitRow {
    let mut read = UnitRow {
        number: row.number,
        unit: columns.unit_of(row).unwrap_or_default(),
        own: OwnTarget { id: String::new(), target: None, target_min: None, target_max: None },
        direction: None,
        empty: true,
        unreadable: false,
    };
    if !read.unit.is_empty() && !crate::domain::units::valid_id(&read.unit) {
        let issue = Issue::Unit(UnitIssue::BadUnitId(read.unit.clone()));
        problems.push(SheetProblem::new(row.number, columns.shown(UNIT_COLUMN), issue));
    }
    let empty = Cell::Empty;
    for (position, slot) in columns.by_position.iter().enumerate() {
        let Some((column, shown)) = slot else { continue };
        let cell = row.cells.get(position).unwrap_or(&empty);
        let text = cell.text();
        let at = |issue| SheetProblem::new(row.number, shown.clone(), issue);
        match (column.key, text) {
            ("id", None) => problems.push(at(Issue::Required)),
            ("id", Some(text)) => read.own.id = text,
            ("direction", Some(text)) => match direction(&text) {
                Some(direction) => read.direction = Some(direction),
                None => problems.push(at(Issue::UnknownDirection(text))),
            },
            (key @ ("target" | "target_min" | "target_max"), Some(text)) => {
                read.empty = false;
                let value = match cell {
                    Cell::Number(value) => Ok(*value),
                    _ => crate::domain::number::parse(&text, lang.number_style()),
                };
                match value {
                    Ok(value) => {
                        let slot = match key {
                            "target" => &mut read.own.target,
                            "target_min" => &mut read.own.target_min,
                            _ => &mut read.own.target_max,
                        };
                        *slot = Some(value);
                    }
                    Err(error) => {
                        read.unreadable = true;
                        problems.push(at(Issue::BadNumber { typed: text, error }));
                    }
                }
            }
            _ => {}
        }
    }
    read
}

/// Checks units' rows against the plan, each problem with its row and column; the units'
/// own targets, in the order the units first appear.
fn check_unit_rows(
    rows: &[UnitRow],
    plan: &Plan,
    columns: &Columns,
    problems: &mut Vec<SheetProblem>,
) -> Vec<OwnTargets> {
    use crate::domain::unit_targets::{OwnProblem, own_goal};
    let mut units: Vec<OwnTargets> = Vec::new();
    let mut seen: std::collections::HashSet<(&str, &str)> = std::collections::HashSet::new();
    for row in rows.iter().filter(|r| !r.own.id.is_empty()) {
        let at = |key: &str, issue| SheetProblem::new(row.number, columns.shown(key), Issue::Unit(issue));
        let unit = match units.iter_mut().position(|u| u.unit == row.unit) {
            Some(i) => &mut units[i],
            None => {
                units.push(OwnTargets { plan: plan.id.clone(), unit: row.unit.clone(), targets: Vec::new() });
                units.last_mut().expect("just pushed")
            }
        };
        if !seen.insert((&row.unit, &row.own.id)) {
            problems.push(at("id", UnitIssue::Own(OwnProblem::Duplicate(row.own.id.clone()))));
            continue;
        }
        let plans = plan.target(&row.own.id).and_then(|t| t.goal).map(|(g, _)| g.direction());
        if let (Some(named), Some(plans)) = (row.direction, plans)
            && named != plans
        {
            problems.push(at("direction", UnitIssue::NotThePlansDirection(plans)));
        }
        if (row.empty && plans.is_some()) || row.unreadable {
            // No figures of its own for this target: the unit keeps the plan's.
            continue;
        }
        match own_goal(plan, &row.own) {
            Ok(_) => unit.targets.push(row.own.clone()),
            Err(problem) => {
                let key = match &problem {
                    OwnProblem::Needed { field, .. } | OwnProblem::NotFor { field, .. } => field,
                    OwnProblem::MinNotBelowMax(_) => "target_max",
                    _ => "id",
                };
                problems.push(at(key, UnitIssue::Own(problem)));
            }
        }
    }
    units
}

/// Reads unit `unit`'s own target figures for `plan` from a sheet: the rows whose unit
/// column names it, or every row of a sheet without that column. A row gives `id` and the
/// figures (`target`, or `target_min` and `target_max`); its other cells are the plan's.
/// Every problem is listed with its row and column.
pub fn import_unit(
    rows: &[SheetRow],
    plan: &Plan,
    unit: &str,
    lang: Lang,
) -> Result<OwnTargets, Vec<SheetProblem>> {
    let mut problems = Vec::new();
    let Some((head, body)) = rows.split_first() else {
        return Err(vec![SheetProblem::new(1, "", Issue::Unit(UnitIssue::NoRowsFor(unit.to_owned())))]);
    };
    let columns = read_header(head, false, &mut problems);
    let has_units = columns.has(UNIT_COLUMN);
    let mine: Vec<UnitRow> = body
        .iter()
        .filter(|row| !has_units || columns.unit_of(row).as_deref() == Some(unit))
        .map(|row| UnitRow { unit: unit.to_owned(), ..read_unit_row(row, &columns, lang, &mut problems) })
        .collect();
    if mine.is_empty() {
        problems.push(SheetProblem::new(
            head.number + 1,
            "",
            Issue::Unit(UnitIssue::NoRowsFor(unit.to_owned())),
        ));
    }
    let own = check_unit_rows(&mine, plan, &columns, &mut problems).pop();
    if !problems.is_empty() {
        problems.sort_by_key(|p| p.row);
        return Err(problems);
    }
    Ok(own.unwrap_or_else(|| OwnTargets {
        plan: plan.id.clone(),
        unit: unit.to_owned(),
        targets: Vec::new(),
    }))
}

/// The units a sheet has rows for, in the order they appear (none without a unit column).
pub fn units_in(rows: &[SheetRow]) -> Vec<String> {
    let Some((head, body)) = rows.split_first() else { return Vec::new() };
    let columns = read_header(head, false, &mut Vec::new());
    let mut units: Vec<String> = Vec::new();
    for unit in body.iter().filter_map(|row| columns.unit_of(row)) {
        if !units.contains(&unit) {
            units.push(unit);
        }
    }
    units
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
