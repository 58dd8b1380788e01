//! Where each target stands: the plan's goals read against the ledger's figures.

use crate::domain::ledger::{Entry, Ledger};
use crate::domain::period::Period;
use crate::domain::plan::{Plan, Target};
use crate::domain::status::{self, Status};
use rust_decimal::Decimal;

/// Which figure a row shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodChoice {
    /// The figure of this period.
    Fixed(Period),
    /// The figure of the latest period that has one (what `report` shows by default).
    Latest,
}

/// One target as it stands.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    pub target: &'a Target,
    /// The current entry, if the target has a figure for the period in view.
    pub actual: Option<&'a Entry>,
    /// The period the status was judged for: the entry's, or the one asked for.
    pub period: Option<Period>,
    pub status: Status,
    /// The actual as a percentage of what the period expects.
    pub percent: Option<Decimal>,
}

/// Every target of the plan, in plan order.
pub fn assess<'a>(plan: &'a Plan, ledger: &'a Ledger, choice: PeriodChoice) -> Vec<Row<'a>> {
    let mut rows: Vec<Row<'a>> = plan.targets.iter().map(|t| assess_one(t, ledger, choice)).collect();
    // Headings take the most urgent status of their parts.
    for i in 0..rows.len() {
        if rows[i].target.goal.is_none() {
            let id = rows[i].target.id.as_str();
            let parts = rows.iter().filter(|r| r.target.parent.as_deref() == Some(id)).map(|r| r.status);
            rows[i].status = Status::most_urgent(parts);
        }
    }
    rows
}

fn assess_one<'a>(target: &'a Target, ledger: &'a Ledger, choice: PeriodChoice) -> Row<'a> {
    let actual = match choice {
        PeriodChoice::Fixed(period) => ledger.current(&target.id, period),
        PeriodChoice::Latest => ledger.latest(&target.id),
    };
    let period = match choice {
        PeriodChoice::Fixed(period) => Some(period),
        PeriodChoice::Latest => actual.map(|e| e.period),
    };
    let (status, percent) = match (target.goal, actual, period) {
        (Some((goal, measure)), Some(entry), Some(period)) => (
            status::status(goal, measure, target.tolerance_percent, period, Some(entry.value)),
            status::percent_of_expected(goal, measure, period, entry.value),
        ),
        _ => (Status::NoData, None),
    };
    Row { target, actual, period, status, percent }
}

/// How many rows have each status, in `Status::ALL` order.
pub fn count_by_status<'r>(rows: impl IntoIterator<Item = &'r Row<'r>>) -> [usize; 5] {
    let mut counts = [0; 5];
    for row in rows {
        if let Some(i) = Status::ALL.iter().position(|s| *s == row.status) {
            counts[i] += 1;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ledger::tests::entry;

    #[test]
    fn rows_follow_the_ledger() {
        let plan = Plan::embedded();
        let ledger = Ledger::new([
            entry("a", "3", Period::H1, "4633", 0),
            entry("b", "10a", Period::Year, "10", 1),
            entry("c", "10b", Period::Year, "1", 2),
        ]);
        let rows = assess(&plan, &ledger, PeriodChoice::Latest);
        let row = |id: &str| rows.iter().find(|r| r.target.id == id).expect("row");
        assert_eq!(row("3").status, Status::OnTrack);
        assert_eq!(row("3").period, Some(Period::H1));
        assert_eq!(row("3").percent, Some(Decimal::ONE_HUNDRED));
        assert_eq!(row("1").status, Status::NoData);
        assert_eq!(row("10a").status, Status::Achieved);
        assert_eq!(row("10b").status, Status::Behind);
        assert_eq!(row("10").status, Status::Behind, "a heading shows its most urgent part");

        let year = assess(&plan, &ledger, PeriodChoice::Fixed(Period::Year));
        assert_eq!(year.iter().find(|r| r.target.id == "3").map(|r| r.status), Some(Status::NoData));
        let counts = count_by_status(&year);
        assert_eq!(counts.iter().sum::<usize>(), plan.targets.len());
    }
}
