//! Printed reports (`report --format md|xlsx`): per group, each target with its goal, the
//! actual of every period, % of expectation and status, then a count per status, under the
//! plan's title and the date made.

pub mod md;
pub mod plan_sheet;
pub mod xlsx;

use crate::domain::conflict::{self, Conflict};
use crate::domain::ledger::Ledger;
use crate::domain::period::Period;
use crate::domain::plan::{Group, Plan};
use crate::domain::progress::{self, PeriodChoice, Row};
use crate::domain::status::Status;
use rust_decimal::Decimal;

/// What a printed report shows, worked out once for every format.
pub struct Report<'a> {
    pub plan: &'a Plan,
    pub choice: PeriodChoice,
    /// The day it was made, in local time.
    pub made: jiff::civil::Date,
    /// The groups that have targets, in `Group::ALL` order.
    pub groups: Vec<(Group, Vec<Line<'a>>)>,
    /// Targets with a goal (headings left out) per status, in `Status::ALL` order.
    pub counts: [usize; 5],
    pub conflicts: Vec<Conflict<'a>>,
}

/// One target.
pub struct Line<'a> {
    /// Status, % and the period judged, as `report` judges them.
    pub row: Row<'a>,
    /// The current actual of each period, in `Period::ALL` order.
    pub actuals: [Option<Decimal>; 4],
    /// Periods in which official figures conflict.
    pub conflicts: Vec<Period>,
}

pub fn build<'a>(
    plan: &'a Plan,
    ledger: &'a Ledger,
    choice: PeriodChoice,
    made: jiff::civil::Date,
) -> Report<'a> {
    let rows = progress::assess(plan, ledger, choice);
    let conflicts = conflict::conflicts(ledger);
    let counts = progress::count_by_status(rows.iter().filter(|r| r.target.goal.is_some()));
    let mut groups = Vec::new();
    for group in Group::ALL {
        let lines: Vec<Line<'a>> = rows
            .iter()
            .filter(|r| r.target.group == group)
            .map(|row| Line {
                row: row.clone(),
                actuals: Period::ALL.map(|p| ledger.current(&row.target.id, p).map(|e| e.value)),
                conflicts: conflict::periods_in_conflict(&conflicts, &row.target.id),
            })
            .collect();
        if !lines.is_empty() {
            groups.push((group, lines));
        }
    }
    Report { plan, choice, made, groups, counts, conflicts }
}

/// Today in the machine's time zone.
pub fn today() -> jiff::civil::Date {
    crate::store::localtime::today()
}

/// The statuses with their counts, in `Status::ALL` order.
pub fn summary(report: &Report) -> impl Iterator<Item = (Status, usize)> {
    Status::ALL.into_iter().zip(report.counts)
}
