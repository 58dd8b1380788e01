//! Where each target stands: the plan's goals read against the ledger's figures.

use crate::domain::ledger::{Entry, Ledger};
use crate::domain::period::Period;
use crate::domain::plan::{Plan, Target};
use crate::domain::status::{self, Reason, Status, Verdict};
use rust_decimal::Decimal;
use std::collections::HashMap;

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
    /// The actual (or, for a change target, the change) as a percentage of the year's
    /// target; never for a ceiling, where it would read the wrong way.
    pub percent: Option<Decimal>,
    /// The whole verdict: why there is none, the change worked out, the gap to a ceiling.
    pub verdict: Verdict,
    /// The figure of the same period last year (*cùng kỳ năm trước*).
    pub last_year: Option<&'a Entry>,
    /// The actual as a percentage of the same period last year.
    pub percent_of_last_year: Option<Decimal>,
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
            rows[i].verdict = Verdict { status: rows[i].status, ..Verdict::default() };
        }
    }
    rows
}

/// The verdict on `target`'s figure for `period` in `ledger`.
pub fn verdict(target: &Target, ledger: &Ledger, period: Period) -> Verdict {
    let Some((goal, measure)) = target.goal else {
        return Verdict {
            status: Status::NoData,
            reason: Some(Reason::NoFigure),
            change: None,
            percent_of_year_target: None,
            over_ceiling: None,
        };
    };
    let actual = ledger.current(&target.id, period).map(|e| e.value);
    let last_year = ledger.current(&target.id, Period::LastYear).map(|e| e.value);
    status::judge(goal, measure, &target.judging, period, actual, last_year)
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
    let verdict = match period {
        Some(period) => verdict(target, ledger, period),
        // No figure in any period: judged as the year would be (a change target without
        // last year's figure still says so).
        None => verdict(target, ledger, Period::Year),
    };
    let last_year =
        period.and_then(Period::same_period_last_year).and_then(|p| ledger.current(&target.id, p));
    let percent_of_last_year = match (actual, last_year) {
        (Some(now), Some(before)) => status::percent_of_last_year(now.value, before.value),
        _ => None,
    };
    Row {
        target,
        actual,
        period,
        status: verdict.status,
        percent: verdict.percent_of_year_target,
        verdict,
        last_year,
        percent_of_last_year,
    }
}

/// Whether a target is counted in the tallies by status, on the screen and on paper alike:
/// a heading such as indicator 10 is not (its parts are), so nothing is counted twice.
pub fn is_counted(target: &Target) -> bool {
    target.goal.is_some()
}

/// How many rows have each status, in `Status::ALL` order.
pub fn count_by_status<'r>(rows: impl IntoIterator<Item = &'r Row<'r>>) -> [usize; Status::ALL.len()] {
    let mut counts = [0; Status::ALL.len()];
    for row in rows {
        if let Some(i) = Status::ALL.iter().position(|s| *s == row.status) {
            counts[i] += 1;
        }
    }
    counts
}

/// "Đạt và vượt x/16 chỉ tiêu chủ yếu": the plan's key indicators, and how many of them are
/// met for the year: the year's verdict achieved or exceeded, and so for all of its parts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub key_indicators: usize,
    pub met: usize,
}

pub fn tally(plan: &Plan, ledger: &Ledger) -> Tally {
    let met_for_year = |t: &Target| t.goal.is_none() || verdict(t, ledger, Period::Year).status.is_met();
    // Each heading's parts, gathered in one pass: asking the plan for them once per key
    // indicator read the whole plan each time (10,000 targets: 100 ms before the first frame).
    let mut parts: HashMap<&str, Vec<&Target>> = HashMap::new();
    for target in &plan.targets {
        if let Some(parent) = target.parent.as_deref() {
            parts.entry(parent).or_default().push(target);
        }
    }
    let mut key_indicators = 0;
    let mut met = 0;
    for target in plan.key_indicators() {
        key_indicators += 1;
        let own_parts = parts.get(target.id.as_str()).map_or(&[][..], Vec::as_slice);
        let has_figure_or_parts = target.goal.is_some() || !own_parts.is_empty();
        if has_figure_or_parts && met_for_year(target) && own_parts.iter().all(|part| met_for_year(part)) {
            met += 1;
        }
    }
    Tally { key_indicators, met }
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
            entry("d", "3", Period::LastH1, "4000", 3),
        ]);
        let rows = assess(&plan, &ledger, PeriodChoice::Latest);
        let row = |id: &str| rows.iter().find(|r| r.target.id == id).expect("row");
        assert_eq!(row("3").status, Status::OnTrack);
        assert_eq!(row("3").period, Some(Period::H1), "last year's figure is never the latest");
        assert_eq!(row("3").percent, Some(Decimal::new(50, 0)), "4.633 is half the year's 9.266");
        assert_eq!(row("3").last_year.map(|e| e.value), Some(Decimal::new(4000, 0)));
        assert_eq!(row("3").percent_of_last_year, Some(Decimal::new(11583, 2)), "4.633 / 4.000 = 115,825 %");
        assert_eq!(row("1").status, Status::NoData);
        assert_eq!(row("10a").status, Status::Achieved);
        assert_eq!(row("10b").status, Status::NotAchieved);
        assert_eq!(row("10").status, Status::NotAchieved, "a heading shows its most urgent part");

        let year = assess(&plan, &ledger, PeriodChoice::Fixed(Period::Year));
        assert_eq!(year.iter().find(|r| r.target.id == "3").map(|r| r.status), Some(Status::NoData));
        let counts = count_by_status(&year);
        assert_eq!(counts.iter().sum::<usize>(), plan.targets.len());
    }

    #[test]
    fn the_tally_counts_an_indicator_met_only_with_all_its_parts() {
        let plan = Plan::embedded();
        let none = tally(&plan, &Ledger::default());
        assert_eq!(none, Tally { key_indicators: 16, met: 0 });
        let ledger = Ledger::new([
            entry("a", "9", Period::Year, "94", 0),
            entry("b", "10a", Period::Year, "10", 1),
            entry("c", "10b", Period::Year, "3", 2),
            entry("d", "10c", Period::Year, "2", 3),
            entry("e", "7", Period::Year, "78", 4),
        ]);
        // 9 is met; 10 is not (10c short); 7 is not, as its part 7a has no figure.
        assert_eq!(tally(&plan, &ledger).met, 1);
        let ledger = Ledger::new([
            entry("a", "9", Period::Year, "94", 0),
            entry("d", "10c", Period::Year, "3", 3),
            entry("b", "10a", Period::Year, "10", 1),
            entry("c", "10b", Period::Year, "3", 2),
            entry("e", "7", Period::Year, "78", 4),
            entry("f", "7a", Period::Year, "56", 5),
        ]);
        assert_eq!(tally(&plan, &ledger).met, 3);
    }
}
