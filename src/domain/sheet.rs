//! What can be wrong with a plan sheet (the spreadsheet a cadre fills in, read by
//! `report::plan_sheet`), as data: i18n words it, the sheet reader finds it.

use crate::domain::number::NumberError;
use crate::domain::plan::{Direction, PlanError};

/// A problem in the sheet: where (row as the spreadsheet numbers it; the column's header as
/// written, or the template's when the column is missing) and what.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetProblem {
    pub row: usize,
    pub column: String,
    pub issue: Issue,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Issue {
    /// A header that names no field of the plan format.
    UnknownColumn,
    /// Two columns for one field.
    DuplicateColumn,
    /// A column every plan needs (`id`, `group`, `name`).
    MissingColumn,
    /// No target rows under the header.
    NoRows,
    /// An empty cell where the row needs a value.
    Required,
    BadNumber {
        typed: String,
        error: NumberError,
    },
    UnknownGroup(String),
    UnknownDirection(String),
    UnknownMeasure(String),
    UnknownPeriod(String),
    DuplicateId {
        id: String,
        first_row: usize,
    },
    UnknownParent(String),
    /// A figure this row's direction needs (`target` for at_least) is missing.
    NeededFor(Direction),
    /// A figure this row's direction does not take (`target` with range).
    NotFor(Direction),
    /// Goal figures without a direction.
    NoDirection,
    MinNotBelowMax,
    /// A row with no goal and no parts under it.
    NoGoal,
    ToleranceOutOfRange,
    /// The finished plan refused by the plan reader (what the rows cannot show).
    Plan(PlanError),
    /// The plan's id or title (from the command line) is empty or has blanks at its ends.
    BadHeader,
    /// A cell of a format 2 column that cannot be read.
    Column(ColumnIssue),
    /// A unit's row (the `don_vi` column, or `plan import --unit`).
    Unit(crate::domain::unit_targets::UnitIssue),
}

/// A cell of one of the columns of format 2 (`above`, `shares`, `change`, `key_indicator`)
/// that cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub enum ColumnIssue {
    /// Not one of the words the column takes: the column's key, and what was typed.
    UnknownWord { key: &'static str, typed: String },
    /// Not three figures rising within 0–100 (q1, h1, 9m): what was typed.
    BadShares(String),
}

impl SheetProblem {
    pub(crate) fn new(row: usize, column: impl Into<String>, issue: Issue) -> SheetProblem {
        SheetProblem { row, column: column.into(), issue }
    }
}

/// Why a file could not be read as a sheet at all.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    Xlsx(String),
    /// Neither UTF-8 nor UTF-8 with a byte-order mark (Excel's "CSV" is the ANSI code page).
    NotUtf8 {
        row: usize,
    },
    Csv(String),
    /// Only `.xlsx` and `.csv` are read.
    UnknownKind,
}
