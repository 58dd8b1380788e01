//! Part III of a program, "Tổ chức thực hiện": who has not reported for a period (grouped by
//! the lead agency, *cơ quan chủ trì*), and the units (communes, wards, departments…) that
//! keep their own figures for the plan, with how complete each one is.

use crate::domain::ledger::Ledger;
use crate::domain::period::Period;
use crate::domain::plan::{Measure, Plan, Target};
use crate::domain::progress::{self, PeriodChoice};
use crate::domain::status::Status;
use rust_decimal::Decimal;

/// Whether a figure of `target` is asked for in `period`: a target with a goal (a heading's
/// figures are its parts'), reported in that period of the plan year (a year-only target is
/// not due in h1; last year's periods are never due).
pub fn is_due(target: &Target, period: Period) -> bool {
    target.goal.is_some() && !period.is_last_year() && target.judging.reported_in[period.index_in_year()]
}

/// The targets due in `period`, in plan order.
pub fn due(plan: &Plan, period: Period) -> impl Iterator<Item = &Target> + '_ {
    plan.targets.iter().filter(move |t| is_due(t, period))
}

/// The targets of one lead agency still without a figure.
#[derive(Debug, Clone, PartialEq)]
pub struct AgencyMissing<'a> {
    /// `None` for targets whose agency the plan does not name.
    pub agency: Option<&'a str>,
    pub targets: Vec<&'a Target>,
}

/// The targets due in `period` that have no figure for it, grouped by agency in the order
/// the agencies first appear in the plan (targets without one last).
pub fn missing<'a>(plan: &'a Plan, ledger: &Ledger, period: Period) -> Vec<AgencyMissing<'a>> {
    let mut groups: Vec<AgencyMissing<'a>> = Vec::new();
    for target in due(plan, period).filter(|t| ledger.current(&t.id, period).is_none()) {
        let agency = target.agency.as_deref().filter(|a| !a.trim().is_empty());
        match groups.iter_mut().find(|g| g.agency == agency) {
            Some(group) => group.targets.push(target),
            None => groups.push(AgencyMissing { agency, targets: vec![target] }),
        }
    }
    // Targets with no agency named go last, where they are noticed as the plan's gap.
    groups.sort_by_key(|g| g.agency.is_none());
    groups
}

/// "Đã có số liệu `reported`/`expected`": of the targets due in a period, how many have a
/// figure for it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Completeness {
    pub reported: usize,
    pub expected: usize,
}

pub fn completeness(plan: &Plan, ledger: &Ledger, period: Period) -> Completeness {
    let mut counts = Completeness::default();
    for target in due(plan, period) {
        counts.expected += 1;
        if ledger.current(&target.id, period).is_some() {
            counts.reported += 1;
        }
    }
    counts
}

/// A unit that keeps its own figures for a plan: its id (a file name, see [`valid_id`]) and
/// its name, as the user gives it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Unit {
    pub id: String,
    pub name: String,
}

/// A unit id names the unit's store file: 1–40 of `a`–`z`, `0`–`9`, `-`, `_`, starting with
/// a letter or digit (`xa-my-an`, `phuong-1`).
pub fn valid_id(id: &str) -> bool {
    (1..=40).contains(&id.len())
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        && id.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())
}

/// How one unit stands in a period: its completeness and its count of targets per status
/// (in `Status::ALL` order; every target of the plan, headings included, as `report` counts).
#[derive(Debug, Clone, PartialEq)]
pub struct UnitStanding {
    pub completeness: Completeness,
    pub statuses: [usize; Status::ALL.len()],
    /// The status of each key indicator, in plan order (see [`Plan::key_indicators`]).
    pub key_statuses: Vec<Status>,
}

pub fn standing(plan: &Plan, ledger: &Ledger, period: Period) -> UnitStanding {
    let rows = progress::assess(plan, ledger, PeriodChoice::Fixed(period));
    let key_statuses = plan
        .key_indicators()
        .filter_map(|k| rows.iter().find(|r| std::ptr::eq(r.target, k)).map(|r| r.status))
        .collect();
    UnitStanding {
        completeness: completeness(plan, ledger, period),
        statuses: progress::count_by_status(&rows),
        key_statuses,
    }
}

/// The statuses a period's counts are given for: mid-year the in-year ones (on track, at
/// risk, behind), for the year the verdicts (exceeded … not achieved); then not due and no
/// data. In the order of `Status::ALL`.
pub fn statuses_shown(period: Period) -> Vec<Status> {
    let in_year = [Status::OnTrack, Status::AtRisk, Status::Behind];
    let year = period == Period::Year || period == Period::LastYear;
    Status::ALL
        .into_iter()
        .filter(|s| !matches!(s, Status::NotDue | Status::NoData) && in_year.contains(s) != year)
        .chain([Status::NotDue, Status::NoData])
        .collect()
}

/// The lead agencies the plan names, in the order they first appear.
pub fn agencies(plan: &Plan) -> Vec<&str> {
    let mut found: Vec<&str> = Vec::new();
    for agency in plan.targets.iter().filter_map(|t| t.agency.as_deref()) {
        let agency = agency.trim();
        if !agency.is_empty() && !found.contains(&agency) {
            found.push(agency);
        }
    }
    found
}

/// Whether the units' figures of `target` add up to a figure of the whole province, so that
/// their total may stand beside the province's own figure.
///
/// The rule, from the plan alone: the figure must be a count or a sum that grows through the
/// year (`measure: cumulative`: budget revenue, new enterprises, new cooperatives, new Party
/// members, visitors), and its unit must not make it a ratio. So never summed: a rate or any
/// percentage (its unit has `%`: "% GRDP", "% tổng số đảng viên"), a figure per head or per
/// anything (a `/` in the unit, "per" in English: GRDP per capita), an index ("chỉ số"), a
/// change from last year (judged in points), and every `level` or `year_end` figure, which is
/// a state at a moment (a coverage rate, a per-capita income) rather than a flow that the
/// units' parts make up.
pub fn summable(target: &Target) -> bool {
    let Some((_, measure)) = &target.goal else { return false };
    let vi = target.unit.vi.to_lowercase();
    let en = target.unit.en.to_lowercase();
    let ratio = |unit: &str| {
        unit.contains('%') || unit.contains('/') || unit.contains("chỉ số") || unit.contains("index")
    };
    *measure == Measure::Cumulative
        && target.judging.change.is_none()
        && !target.is_percentage()
        && !ratio(&vi)
        && !ratio(&en)
        && !en.split_whitespace().any(|w| w == "per")
}

/// The units' total of one summable target in a period, beside the province's own figure.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitsTotal<'a> {
    pub target: &'a Target,
    /// The sum of the units' current figures; `None` when no unit has one.
    pub total: Option<Decimal>,
    /// How many units have a figure in the period.
    pub reporting: usize,
    /// The province's own current figure for the period, from its own store.
    pub province: Option<Decimal>,
}

/// For each target due in `period` whose figures add up (see [`summable`]), the sum of the
/// units' figures beside the province's own, in plan order.
pub fn totals<'a>(
    plan: &'a Plan,
    province: &Ledger,
    units: &[&Ledger],
    period: Period,
) -> Vec<UnitsTotal<'a>> {
    due(plan, period)
        .filter(|t| summable(t))
        .map(|target| {
            let figures: Vec<Decimal> =
                units.iter().filter_map(|l| l.current(&target.id, period)).map(|e| e.value).collect();
            UnitsTotal {
                target,
                total: (!figures.is_empty()).then(|| figures.iter().sum()),
                reporting: figures.len(),
                province: province.current(&target.id, period).map(|e| e.value),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ledger::tests::entry;

    #[test]
    fn a_year_only_target_is_not_missing_in_h1_but_is_in_the_year() {
        let plan = Plan::embedded();
        // 2 (GRDP per capita) is reported only for the year; 1 (GRDP growth) in every period.
        let ledger = Ledger::new([entry("a", "3", Period::H1, "4633", 0)]);
        let ids = |period| -> Vec<String> {
            missing(&plan, &ledger, period)
                .iter()
                .flat_map(|g| g.targets.iter().map(|t| t.id.clone()))
                .collect()
        };
        let h1 = ids(Period::H1);
        assert!(h1.contains(&"1".to_owned()), "{h1:?}");
        assert!(!h1.contains(&"2".to_owned()), "a year-only target is not due in h1: {h1:?}");
        assert!(!h1.contains(&"3".to_owned()), "3 has its h1 figure: {h1:?}");
        assert!(!h1.contains(&"10".to_owned()), "a heading has no figure of its own: {h1:?}");
        let year = ids(Period::Year);
        assert!(year.contains(&"2".to_owned()) && year.contains(&"3".to_owned()), "{year:?}");
        // Everything due is either reported or missing.
        let h1_due = due(&plan, Period::H1).count();
        assert_eq!(completeness(&plan, &ledger, Period::H1), Completeness { reported: 1, expected: h1_due });
        assert_eq!(h1.len(), h1_due - 1);
        assert!(ids(Period::LastH1).is_empty(), "last year's periods are never due");
    }

    #[test]
    fn missing_targets_are_grouped_by_agency() {
        let plan = Plan::embedded();
        let groups = missing(&plan, &Ledger::default(), Period::Year);
        let of = |agency: &str| -> Vec<&str> {
            groups
                .iter()
                .find(|g| g.agency == Some(agency))
                .map(|g| g.targets.iter().map(|t| t.id.as_str()).collect())
                .unwrap_or_default()
        };
        assert_eq!(of("Cục Thống kê tỉnh"), ["1", "2"]);
        assert_eq!(of("Ban Tổ chức Tỉnh uỷ"), ["14", "15", "15a"]);
        let agencies: Vec<_> = groups.iter().map(|g| g.agency).collect();
        let mut unique = agencies.clone();
        unique.dedup();
        assert_eq!(agencies.len(), unique.len(), "one group per agency");
    }

    #[test]
    fn only_counts_and_sums_that_grow_through_the_year_are_added_up() {
        let plan = Plan::embedded();
        let summed: Vec<&str> = plan.targets.iter().filter(|t| summable(t)).map(|t| t.id.as_str()).collect();
        // Revenue, new communes meeting the standard, new cooperatives, new members, exports,
        // visitors, new enterprises, workers abroad.
        for id in ["3", "10a", "11", "15a", "II.7a", "II.8"] {
            assert!(summed.contains(&id), "{id} is a count or a sum: {summed:?}");
        }
        // GRDP growth and per capita, investment in % of GRDP, coverage, poverty (a change),
        // new members as % of all members (cumulative, but a rate), active enterprises (a level).
        for id in ["1", "2", "4", "8", "9", "15", "II.7b", "10"] {
            assert!(!summed.contains(&id), "{id} is never summed: {summed:?}");
        }
    }

    #[test]
    fn the_units_total_adds_their_figures_beside_the_provinces_own() {
        let plan = Plan::embedded();
        let province = Ledger::new([entry("p", "3", Period::H1, "4700", 0)]);
        let a = Ledger::new([entry("a", "3", Period::H1, "1200.5", 0), entry("b", "1", Period::H1, "7", 0)]);
        let b = Ledger::new([entry("c", "3", Period::H1, "800", 0), entry("d", "1", Period::H1, "9", 0)]);
        let none = Ledger::default();
        let totals = totals(&plan, &province, &[&a, &b, &none], Period::H1);
        let revenue = totals.iter().find(|t| t.target.id == "3").expect("revenue is summed");
        assert_eq!(revenue.total, Some(Decimal::new(20005, 1)));
        assert_eq!((revenue.reporting, revenue.province), (2, Some(Decimal::from(4700))));
        assert!(totals.iter().all(|t| t.target.id != "1"), "a growth rate is never summed");
        let new_coops = totals.iter().find(|t| t.target.id == "11").expect("cooperatives");
        assert_eq!((new_coops.total, new_coops.reporting, new_coops.province), (None, 0, None));
        assert!(
            totals.iter().all(|t| is_due(t.target, Period::H1)),
            "only targets due in the period are totalled"
        );
    }

    #[test]
    fn agencies_are_listed_once_in_plan_order() {
        let plan = Plan::embedded();
        let agencies = agencies(&plan);
        assert_eq!(agencies[..2], ["Cục Thống kê tỉnh", "Sở Tài chính"]);
        let mut unique = agencies.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), agencies.len());
    }

    #[test]
    fn unit_ids_are_safe_file_names() {
        for good in ["xa-my-an", "phuong1", "p_2", "7"] {
            assert!(valid_id(good), "{good}");
        }
        for bad in ["", "../x", "Xa", "xã", "a b", "-x", "a/b", &"x".repeat(41)] {
            assert!(!valid_id(bad), "{bad}");
        }
    }
}
