//! The status rules of the brief: what is expected by each reporting period, and how far an
//! actual figure may fall short before a target is at risk or behind.
//!
//! | measure    | expected at q1 / h1 / 9m / year                 |
//! |------------|-------------------------------------------------|
//! | level      | the target itself in every period               |
//! | cumulative | the target × 25 % / 50 % / 75 % / 100 %          |
//!
//! A figure that meets the expectation is `achieved` in the `year` period and `on_track`
//! before it. One that misses by no more than the tolerance (a percentage of the expected
//! value, 5 % unless the plan says otherwise) is `at_risk`; further off, `behind`. `at_most`
//! mirrors the comparison, and a `range` is met inside its bounds and measured against the
//! nearer bound outside them.

use crate::domain::period::Period;
use crate::domain::plan::{Goal, Measure};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Met for the full year.
    Achieved,
    /// Met for the period so far.
    OnTrack,
    /// Short, but within the tolerance.
    AtRisk,
    /// Short beyond the tolerance.
    Behind,
    NoData,
}

impl Status {
    pub const ALL: [Status; 5] =
        [Status::Achieved, Status::OnTrack, Status::AtRisk, Status::Behind, Status::NoData];

    pub fn key(self) -> &'static str {
        match self {
            Status::Achieved => "achieved",
            Status::OnTrack => "on_track",
            Status::AtRisk => "at_risk",
            Status::Behind => "behind",
            Status::NoData => "no_data",
        }
    }

    /// How much attention a status asks for; a heading such as indicator 10 shows the most
    /// urgent of its parts. Missing data ranks above "on track": a part nobody reported on is
    /// not good news.
    pub fn urgency(self) -> u8 {
        match self {
            Status::Behind => 4,
            Status::AtRisk => 3,
            Status::NoData => 2,
            Status::OnTrack => 1,
            Status::Achieved => 0,
        }
    }

    /// The most urgent of several statuses; `NoData` when there are none.
    pub fn most_urgent(statuses: impl IntoIterator<Item = Status>) -> Status {
        statuses.into_iter().max_by_key(|s| s.urgency()).unwrap_or(Status::NoData)
    }
}

/// What the goal asks for by the end of `period`.
pub fn expected(goal: Goal, measure: Measure, period: Period) -> Goal {
    let scale = |v: Decimal| match measure {
        Measure::Level => v,
        Measure::Cumulative => v.saturating_mul(period.share_of_year()),
    };
    match goal {
        Goal::AtLeast(v) => Goal::AtLeast(scale(v)),
        Goal::AtMost(v) => Goal::AtMost(scale(v)),
        Goal::Range { min, max } => Goal::Range { min: scale(min), max: scale(max) },
    }
}

/// The status of `actual` against `goal` in `period`.
pub fn status(
    goal: Goal,
    measure: Measure,
    tolerance_percent: Decimal,
    period: Period,
    actual: Option<Decimal>,
) -> Status {
    let Some(actual) = actual else {
        return Status::NoData;
    };
    let band = |bound: Decimal| bound.abs().saturating_mul(tolerance_percent) / Decimal::ONE_HUNDRED;
    let (met, within_tolerance) = match expected(goal, measure, period) {
        Goal::AtLeast(e) => (actual >= e, actual >= e.saturating_sub(band(e))),
        Goal::AtMost(e) => (actual <= e, actual <= e.saturating_add(band(e))),
        Goal::Range { min, max } => (
            (min..=max).contains(&actual),
            actual >= min.saturating_sub(band(min)) && actual <= max.saturating_add(band(max)),
        ),
    };
    match (met, within_tolerance) {
        (true, _) if period == Period::Year => Status::Achieved,
        (true, _) => Status::OnTrack,
        (false, true) => Status::AtRisk,
        (false, false) => Status::Behind,
    }
}

/// `actual` as a percentage of what is expected by `period` (of the lower bound, for a
/// range), to two decimals; `None` when the expectation is zero or the figure is absent.
pub fn percent_of_expected(goal: Goal, measure: Measure, period: Period, actual: Decimal) -> Option<Decimal> {
    let reference = match expected(goal, measure, period) {
        Goal::AtLeast(e) | Goal::AtMost(e) => e,
        Goal::Range { min, .. } => min,
    };
    actual.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(reference).map(|p| p.round_dp(2).normalize())
}

#[cfg(test)]
mod tests {
    use super::*;
    use Period::*;
    use Status::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).expect("test decimal")
    }
    fn five() -> Decimal {
        d("5")
    }

    #[test]
    fn expectation_per_period() {
        let goal = Goal::AtLeast(d("9266"));
        let cases = [(Q1, "2316.50"), (H1, "4633.00"), (NineMonths, "6949.50"), (Year, "9266")];
        for (period, want) in cases {
            assert_eq!(expected(goal, Measure::Cumulative, period), Goal::AtLeast(d(want)), "{period:?}");
            assert_eq!(expected(goal, Measure::Level, period), goal, "{period:?}");
        }
        assert_eq!(
            expected(Goal::Range { min: d("3"), max: d("4") }, Measure::Cumulative, H1),
            Goal::Range { min: d("1.5"), max: d("2.0") }
        );
    }

    /// (measure, period, actual, want) for `at_least 100`, tolerance 5 %.
    #[test]
    fn at_least_table() {
        let goal = Goal::AtLeast(d("100"));
        let table = [
            (Measure::Level, Year, "100", Achieved),
            (Measure::Level, Year, "120", Achieved),
            (Measure::Level, Year, "99.99", AtRisk),
            (Measure::Level, Year, "95", AtRisk),
            (Measure::Level, Year, "94.99", Behind),
            (Measure::Level, Q1, "100", OnTrack),
            (Measure::Level, Q1, "95", AtRisk),
            (Measure::Level, H1, "94.99", Behind),
            (Measure::Level, NineMonths, "-3", Behind),
            (Measure::Cumulative, Q1, "25", OnTrack),
            (Measure::Cumulative, Q1, "23.75", AtRisk),
            (Measure::Cumulative, Q1, "23.74", Behind),
            (Measure::Cumulative, H1, "50", OnTrack),
            (Measure::Cumulative, H1, "47.5", AtRisk),
            (Measure::Cumulative, H1, "47.49", Behind),
            (Measure::Cumulative, NineMonths, "75", OnTrack),
            (Measure::Cumulative, NineMonths, "71.25", AtRisk),
            (Measure::Cumulative, NineMonths, "71.24", Behind),
            (Measure::Cumulative, Year, "100", Achieved),
            (Measure::Cumulative, Year, "95", AtRisk),
            (Measure::Cumulative, Year, "94.99", Behind),
        ];
        for (measure, period, actual, want) in table {
            assert_eq!(
                status(goal, measure, five(), period, Some(d(actual))),
                want,
                "{measure:?} {period:?} {actual}"
            );
        }
    }

    /// Agricultural labour share: 41,8 % is a ceiling.
    #[test]
    fn at_most_table() {
        let goal = Goal::AtMost(d("41.8"));
        // 5 % of 41.8 is 2.09: at risk up to 43.89.
        let table = [
            (Measure::Level, Year, "41.8", Achieved),
            (Measure::Level, Year, "30", Achieved),
            (Measure::Level, Year, "41.81", AtRisk),
            (Measure::Level, Year, "43.89", AtRisk),
            (Measure::Level, Year, "43.90", Behind),
            (Measure::Level, Q1, "41.8", OnTrack),
            (Measure::Level, H1, "43.89", AtRisk),
            (Measure::Level, NineMonths, "50", Behind),
            (Measure::Level, Year, "-1", Achieved),
            // A cumulative ceiling of 41.8: by q1 at most 10.45, at risk up to 10.9725.
            (Measure::Cumulative, Q1, "10.45", OnTrack),
            (Measure::Cumulative, Q1, "10.9725", AtRisk),
            (Measure::Cumulative, Q1, "10.9726", Behind),
            (Measure::Cumulative, H1, "20.9", OnTrack),
            (Measure::Cumulative, NineMonths, "31.35", OnTrack),
            (Measure::Cumulative, NineMonths, "31.36", AtRisk),
            (Measure::Cumulative, Year, "41.8", Achieved),
        ];
        for (measure, period, actual, want) in table {
            assert_eq!(
                status(goal, measure, five(), period, Some(d(actual))),
                want,
                "{measure:?} {period:?} {actual}"
            );
        }
    }

    /// New members: 3–4 % of all members, built up through the year.
    #[test]
    fn range_table() {
        let goal = Goal::Range { min: d("3"), max: d("4") };
        let table = [
            (Measure::Cumulative, Year, "3", Achieved),
            (Measure::Cumulative, Year, "4", Achieved),
            (Measure::Cumulative, Year, "3.5", Achieved),
            (Measure::Cumulative, Year, "2.85", AtRisk),
            (Measure::Cumulative, Year, "2.84", Behind),
            (Measure::Cumulative, Year, "4.2", AtRisk),
            (Measure::Cumulative, Year, "4.21", Behind),
            (Measure::Cumulative, Q1, "0.75", OnTrack),
            (Measure::Cumulative, Q1, "1", OnTrack),
            (Measure::Cumulative, Q1, "0.7125", AtRisk),
            (Measure::Cumulative, Q1, "0.71", Behind),
            (Measure::Cumulative, H1, "1.5", OnTrack),
            (Measure::Cumulative, H1, "2.1", AtRisk),
            (Measure::Cumulative, NineMonths, "3", OnTrack),
            (Measure::Cumulative, NineMonths, "3.16", Behind),
            (Measure::Level, Q1, "3", OnTrack),
            (Measure::Level, H1, "4", OnTrack),
            (Measure::Level, NineMonths, "2.85", AtRisk),
            (Measure::Level, Year, "-0.1", Behind),
        ];
        for (measure, period, actual, want) in table {
            assert_eq!(
                status(goal, measure, five(), period, Some(d(actual))),
                want,
                "{measure:?} {period:?} {actual}"
            );
        }
    }

    #[test]
    fn zero_and_negative_targets() {
        // Nothing to reach: any non-negative figure meets it, and there is no tolerance band.
        let zero = Goal::AtLeast(Decimal::ZERO);
        assert_eq!(status(zero, Measure::Cumulative, five(), Q1, Some(d("0"))), OnTrack);
        assert_eq!(status(zero, Measure::Level, five(), Year, Some(d("-0.01"))), Behind);
        let ceiling = Goal::AtMost(Decimal::ZERO);
        assert_eq!(status(ceiling, Measure::Level, five(), Year, Some(d("0"))), Achieved);
        assert_eq!(status(ceiling, Measure::Level, five(), Year, Some(d("0.01"))), Behind);
        // A growth rate may be planned below zero: at least −2 %, 5 % tolerance = 0.1.
        let shrink = Goal::AtLeast(d("-2"));
        assert_eq!(status(shrink, Measure::Level, five(), Year, Some(d("-2"))), Achieved);
        assert_eq!(status(shrink, Measure::Level, five(), Year, Some(d("-2.1"))), AtRisk);
        assert_eq!(status(shrink, Measure::Level, five(), Year, Some(d("-2.11"))), Behind);
    }

    #[test]
    fn tolerance_is_per_target() {
        let goal = Goal::AtLeast(d("100"));
        assert_eq!(status(goal, Measure::Level, d("0"), Year, Some(d("99.99"))), Behind);
        assert_eq!(status(goal, Measure::Level, d("10"), Year, Some(d("90"))), AtRisk);
        assert_eq!(status(goal, Measure::Level, d("10"), Year, Some(d("89.99"))), Behind);
    }

    #[test]
    fn no_figure_is_no_data() {
        assert_eq!(status(Goal::AtLeast(d("1")), Measure::Level, five(), Year, None), NoData);
    }

    #[test]
    fn percent_of_expectation() {
        let goal = Goal::AtLeast(d("9266"));
        assert_eq!(percent_of_expected(goal, Measure::Cumulative, H1, d("4633")), Some(d("100")));
        assert_eq!(percent_of_expected(goal, Measure::Level, Year, d("9500")), Some(d("102.53")));
        assert_eq!(percent_of_expected(Goal::AtLeast(Decimal::ZERO), Measure::Level, Year, d("1")), None);
    }

    #[test]
    fn current_period_follows_the_calendar() {
        use jiff::civil::date;
        assert_eq!(Period::current(2024, date(2024, 1, 1)), Q1);
        assert_eq!(Period::current(2024, date(2024, 3, 31)), Q1);
        assert_eq!(Period::current(2024, date(2024, 4, 1)), H1);
        assert_eq!(Period::current(2024, date(2024, 7, 15)), NineMonths);
        assert_eq!(Period::current(2024, date(2024, 10, 1)), Year);
        assert_eq!(Period::current(2024, date(2026, 11, 27)), Year);
        assert_eq!(Period::current(2024, date(2023, 12, 31)), Q1);
    }

    #[test]
    fn headings_show_their_most_urgent_part() {
        assert_eq!(Status::most_urgent([Achieved, OnTrack]), OnTrack);
        assert_eq!(Status::most_urgent([Achieved, NoData]), NoData);
        assert_eq!(Status::most_urgent([AtRisk, NoData, Behind]), Behind);
        assert_eq!(Status::most_urgent([]), NoData);
    }
}
