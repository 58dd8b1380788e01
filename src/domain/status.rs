//! The status rules: what each reporting period expects of a target, and the verdict a
//! provincial planning officer would give its figure. The rules in words are in the README
//! and `docs/plan-format.md`.
//!
//! | measure    | expected at q1 / h1 / 9m / year                                   |
//! |------------|-------------------------------------------------------------------|
//! | level      | the target itself in every period (a rate that holds at any time) |
//! | cumulative | the target × the period's share (25 / 50 / 75 / 100 % by default) |
//! | year_end   | the target itself: an in-year figure is an estimate of the year's  |
//!
//! A change target (indicator 8, "giảm 0,4 điểm %") is judged on the change from the
//! `last-year` figure, never on the figure itself. A period the target is not reported in is
//! `not_due`. At year end a figure is `exceeded` (strictly better than the target),
//! `achieved`, `nearly_achieved` (short by no more than the tolerance) or `not_achieved`;
//! before it, `on_track`, `at_risk` (short within the tolerance) or `behind`.

use crate::domain::period::Period;
use crate::domain::plan::{Above, ChangeIn, ChangeWay, Goal, Judging, Measure, Tolerance};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The verdict on a target (`status` in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Year: strictly better than the target (Vượt).
    Exceeded,
    /// Year: met exactly, or inside a range (Đạt).
    Achieved,
    /// Year: short by no more than the tolerance (Xấp xỉ đạt).
    NearlyAchieved,
    /// Year: short beyond the tolerance (Không đạt).
    NotAchieved,
    /// In-year: at or ahead of what the period expects (Đúng/vượt tiến độ).
    OnTrack,
    /// In-year: short, within the tolerance (Có nguy cơ không đạt).
    AtRisk,
    /// In-year: short beyond the tolerance (Chậm tiến độ).
    Behind,
    /// The target is not reported in this period (Chưa đến kỳ).
    NotDue,
    /// No figure, or for a change target no last-year figure (Chưa có số liệu).
    NoData,
}

impl Status {
    pub const ALL: [Status; 9] = [
        Status::Exceeded,
        Status::Achieved,
        Status::NearlyAchieved,
        Status::NotAchieved,
        Status::OnTrack,
        Status::AtRisk,
        Status::Behind,
        Status::NotDue,
        Status::NoData,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Status::Exceeded => "exceeded",
            Status::Achieved => "achieved",
            Status::NearlyAchieved => "nearly_achieved",
            Status::NotAchieved => "not_achieved",
            Status::OnTrack => "on_track",
            Status::AtRisk => "at_risk",
            Status::Behind => "behind",
            Status::NotDue => "not_due",
            Status::NoData => "no_data",
        }
    }

    /// Achieved or exceeded: what the tally "đạt và vượt" counts.
    pub fn is_met(self) -> bool {
        matches!(self, Status::Exceeded | Status::Achieved)
    }

    /// How much attention a status asks for; a heading such as indicator 10 shows the most
    /// urgent of its parts. Missing data ranks above good news: a part nobody reported on is
    /// not good news; a part not yet due is neither.
    pub fn urgency(self) -> u8 {
        match self {
            Status::NotAchieved => 8,
            Status::Behind => 7,
            Status::NearlyAchieved => 6,
            Status::AtRisk => 5,
            Status::NoData => 4,
            Status::NotDue => 3,
            Status::OnTrack => 2,
            Status::Achieved => 1,
            Status::Exceeded => 0,
        }
    }

    /// The most urgent of several statuses; `NoData` when there are none.
    pub fn most_urgent(statuses: impl IntoIterator<Item = Status>) -> Status {
        statuses.into_iter().max_by_key(|s| s.urgency()).unwrap_or(Status::NoData)
    }
}

/// Why a target has no verdict on a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// Nobody has entered a figure for the period.
    NoFigure,
    /// The plan reports the target only in other periods (year-only indicators).
    NotReportedIn,
    /// A change target needs last year's figure (`last-year`), which is missing.
    NoLastYear,
    /// Last year's figures are compared with, not judged against this year's plan.
    LastYearPeriod,
}

/// What a figure means against its target in one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    pub status: Status,
    /// Why there is no verdict, for `not_due` and `no_data`.
    pub reason: Option<Reason>,
    /// For a change target, the change worked out from last year (points or percent).
    pub change: Option<Decimal>,
    /// The figure (or the change) as a percentage of the year's target, to two decimals:
    /// only for targets where more is better, so it never reads the wrong way.
    pub percent_of_year_target: Option<Decimal>,
    /// For a ceiling (or a range where above is worse): the figure minus the ceiling the
    /// period expects; above zero it is over the ceiling ("vượt trần"), else under it.
    pub over_ceiling: Option<Decimal>,
}

/// A verdict with nothing to say: no data, no reason (a heading before its parts are judged).
impl Default for Verdict {
    fn default() -> Verdict {
        Verdict {
            status: Status::NoData,
            reason: None,
            change: None,
            percent_of_year_target: None,
            over_ceiling: None,
        }
    }
}

impl Verdict {
    fn without(status: Status, reason: Reason) -> Verdict {
        Verdict {
            status,
            reason: Some(reason),
            change: None,
            percent_of_year_target: None,
            over_ceiling: None,
        }
    }
}

/// What the goal asks for by the end of `period`, with `shares` (fractions of the year, in
/// `Period::THIS_YEAR` order) for a cumulative target.
pub fn expected(goal: Goal, measure: Measure, shares: &[Decimal; 4], period: Period) -> Goal {
    let share = shares[period.index_in_year()];
    let scale = |v: Decimal| match measure {
        Measure::Level | Measure::YearEnd => v,
        Measure::Cumulative => v.saturating_mul(share),
    };
    match goal {
        Goal::AtLeast(v) => Goal::AtLeast(scale(v)),
        Goal::AtMost(v) => Goal::AtMost(scale(v)),
        Goal::Range { min, max } => Goal::Range { min: scale(min), max: scale(max) },
    }
}

/// The change from `last_year` to `actual` that a change target is judged on.
pub fn change(way: ChangeWay, measured_in: ChangeIn, actual: Decimal, last_year: Decimal) -> Option<Decimal> {
    let difference = match way {
        ChangeWay::Reduction => last_year.checked_sub(actual)?,
        ChangeWay::Increase => actual.checked_sub(last_year)?,
    };
    match measured_in {
        ChangeIn::Points => Some(difference),
        ChangeIn::Percent => {
            difference.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(last_year.abs()).map(|p| p.round_dp(4))
        }
    }
}

/// The verdict on `actual` for `goal` in `period`; `last_year` is the `last-year` figure,
/// which a change target needs.
pub fn judge(
    goal: Goal,
    measure: Measure,
    judging: &Judging,
    period: Period,
    actual: Option<Decimal>,
    last_year: Option<Decimal>,
) -> Verdict {
    if period.is_last_year() {
        return Verdict::without(Status::NotDue, Reason::LastYearPeriod);
    }
    if !judging.reported_in[period.index_in_year()] {
        return Verdict::without(Status::NotDue, Reason::NotReportedIn);
    }
    let Some(actual) = actual else {
        return Verdict::without(Status::NoData, Reason::NoFigure);
    };
    let (judged, change_value) = match judging.change {
        None => (actual, None),
        Some(c) => match last_year.and_then(|base| change(c.way, c.measured_in, actual, base)) {
            Some(v) => (v, Some(v)),
            None => return Verdict::without(Status::NoData, Reason::NoLastYear),
        },
    };
    let band = |bound: Decimal| match judging.tolerance {
        Tolerance::Points(points) => points,
        Tolerance::Relative(percent) => bound.abs().saturating_mul(percent) / Decimal::ONE_HUNDRED,
    };
    // How far the figure is from the target on the bad side (zero or less when met), whether
    // it is strictly better, and the band it may fall short by.
    let (shortfall, better, allowed) = match expected(goal, measure, &judging.shares, period) {
        Goal::AtLeast(e) => (e.saturating_sub(judged), judged > e, band(e)),
        Goal::AtMost(e) => (judged.saturating_sub(e), judged < e, band(e)),
        Goal::Range { min, max } => match judging.above {
            Above::Better if judged < min => (min.saturating_sub(judged), false, band(min)),
            Above::Better => (Decimal::ZERO, judged > max, band(min)),
            Above::Worse if judged > max => (judged.saturating_sub(max), false, band(max)),
            Above::Worse => (Decimal::ZERO, judged < min, band(max)),
            Above::EitherSideWorse if judged < min => (min.saturating_sub(judged), false, band(min)),
            Above::EitherSideWorse => (judged.saturating_sub(max), false, band(max)),
        },
    };
    // A change in the wrong direction (poverty that rose against a planned fall) is never
    // "nearly" met, however wide the tolerance.
    let wrong_way = change_value.is_some_and(|c| c <= Decimal::ZERO) && asks_for_positive_change(goal);
    let within = shortfall <= allowed && !wrong_way;
    let status = match (period == Period::Year, shortfall <= Decimal::ZERO, better, within) {
        (true, true, true, _) => Status::Exceeded,
        (true, true, false, _) => Status::Achieved,
        (true, false, _, true) => Status::NearlyAchieved,
        (true, false, _, false) => Status::NotAchieved,
        (false, true, _, _) => Status::OnTrack,
        (false, false, _, true) => Status::AtRisk,
        (false, false, _, false) => Status::Behind,
    };
    let (percent_of_year_target, over_ceiling) = match (goal, judging.above) {
        (Goal::AtLeast(v), _) | (Goal::Range { min: v, .. }, Above::Better | Above::EitherSideWorse) => {
            (percent_of(judged, v), None)
        }
        (Goal::AtMost(_) | Goal::Range { .. }, _) => {
            let ceiling = match expected(goal, measure, &judging.shares, period) {
                Goal::AtMost(e) | Goal::Range { max: e, .. } | Goal::AtLeast(e) => e,
            };
            (None, judged.checked_sub(ceiling))
        }
    };
    Verdict { status, reason: None, change: change_value, percent_of_year_target, over_ceiling }
}

/// Whether a goal can only be met by a change above zero.
fn asks_for_positive_change(goal: Goal) -> bool {
    match goal {
        Goal::AtLeast(v) | Goal::Range { min: v, .. } => v > Decimal::ZERO,
        Goal::AtMost(_) => false,
    }
}

/// `value` as a percentage of a positive `target`, to two decimals.
pub fn percent_of(value: Decimal, target: Decimal) -> Option<Decimal> {
    if target <= Decimal::ZERO {
        return None;
    }
    // Rounded half up, as a report written by hand would be (115,825 % is 115,83 %).
    let rounding = rust_decimal::RoundingStrategy::MidpointAwayFromZero;
    value
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(target)
        .map(|p| p.round_dp_with_strategy(2, rounding).normalize())
}

/// The figure as a percentage of the same period last year ("so với cùng kỳ"), to two
/// decimals; `None` without a positive last-year figure.
pub fn percent_of_last_year(actual: Decimal, last_year: Decimal) -> Option<Decimal> {
    percent_of(actual, last_year)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::{Plan, Target};
    use Period::*;
    use Status::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).expect("test decimal")
    }

    fn verdict_of(target: &Target, period: Period, actual: &str, last_year: Option<&str>) -> Verdict {
        let (goal, measure) = target.goal.expect("a target with a goal");
        judge(goal, measure, &target.judging, period, Some(d(actual)), last_year.map(d))
    }

    /// Every rule, on the real indicators of the 2024 plan, as a planning officer would say
    /// it: (what the officer says, target, period, figure, last year's figure, verdict).
    #[test]
    fn verdicts_a_planning_officer_would_sign() {
        let plan = Plan::embedded();
        /// What the officer says, target, period, figure, last year's figure, verdict.
        type Case<'a> = (&'a str, &'a str, Period, &'a str, Option<&'a str>, Status);
        let cases: &[Case] = &[
            // Ranges where more is better: party admissions 3–4 %.
            (
                "admitting 4,5 % new members against 3–4 % is Vượt, never Chậm",
                "15",
                Year,
                "4.5",
                None,
                Exceeded,
            ),
            ("3,5 % new members is inside 3–4 %: Đạt", "15", Year, "3.5", None, Achieved),
            ("exactly 3 % new members meets the range: Đạt", "15", Year, "3", None, Achieved),
            ("exactly 4 % is the top of the range, not beyond it: Đạt", "15", Year, "4", None, Achieved),
            (
                "2,6 % new members is 0,4 point short, within 0,5: Xấp xỉ đạt",
                "15",
                Year,
                "2.6",
                None,
                NearlyAchieved,
            ),
            ("2,4 % new members is 0,6 point short: Không đạt", "15", Year, "2.4", None, NotAchieved),
            ("1,6 % admitted by mid-year is past half of 3 %: on track", "15", H1, "1.6", None, OnTrack),
            ("1,4 % by mid-year is 0,1 point behind the half: at risk", "15", H1, "1.4", None, AtRisk),
            // Ceilings: agricultural labour at most 41,8 %.
            (
                "agricultural labour at 40 % is under the 41,8 % ceiling: Vượt",
                "6",
                Year,
                "40",
                None,
                Exceeded,
            ),
            ("agricultural labour at exactly 41,8 %: Đạt", "6", Year, "41.8", None, Achieved),
            (
                "agricultural labour at 42,2 % is 0,4 point over: Xấp xỉ đạt",
                "6",
                Year,
                "42.2",
                None,
                NearlyAchieved,
            ),
            (
                "agricultural labour at 43 % is 1,2 points over the ceiling: Không đạt",
                "6",
                Year,
                "43",
                None,
                NotAchieved,
            ),
            // Rates are judged in percentage points (0,5 by default), not 5 % of the target.
            (
                "health insurance 89,5 % against 93,89 % is 4,39 points short: Không đạt",
                "9",
                Year,
                "89.5",
                None,
                NotAchieved,
            ),
            (
                "health insurance 93,5 % is 0,39 point short: Xấp xỉ đạt",
                "9",
                Year,
                "93.5",
                None,
                NearlyAchieved,
            ),
            ("health insurance 94,1 % beats 93,89 %: Vượt", "9", Year, "94.1", None, Exceeded),
            ("health insurance exactly 93,89 %: Đạt", "9", Year, "93.89", None, Achieved),
            (
                "health insurance 93,6 % at mid-year is within half a point: at risk",
                "9",
                H1,
                "93.6",
                None,
                AtRisk,
            ),
            ("health insurance 92 % at mid-year is behind", "9", H1, "92", None, Behind),
            ("health insurance 94 % at nine months is on track", "9", NineMonths, "94", None, OnTrack),
            (
                "GRDP growth 7,6 % in the first half, 0,4 point under 8 %: at risk",
                "1",
                H1,
                "7.6",
                None,
                AtRisk,
            ),
            ("GRDP growth 7,4 % in the first half is behind", "1", H1, "7.4", None, Behind),
            ("GRDP growth 8,3 % for the year: Vượt", "1", Year, "8.3", None, Exceeded),
            // Year-only indicators are not judged mid-year.
            ("GRDP per capita of 38 million at mid-year is not due", "2", H1, "38", None, NotDue),
            (
                "urbanisation is a year-end figure: not due at nine months",
                "5",
                NineMonths,
                "30",
                None,
                NotDue,
            ),
            ("agricultural labour share mid-year is not due", "6", H1, "45", None, NotDue),
            ("trained labour is a survey figure: not due in Q1", "7", Q1, "70", None, NotDue),
            ("vocational training likewise", "7a", H1, "50", None, NotDue),
            (
                "poverty is reviewed in Q4: not due at nine months",
                "8",
                NineMonths,
                "1.3",
                Some("1.52"),
                NotDue,
            ),
            (
                "communes are recognised in late-year batches: not due at mid-year",
                "10a",
                H1,
                "2",
                None,
                NotDue,
            ),
            ("model communes likewise", "10b", NineMonths, "1", None, NotDue),
            ("districts likewise", "10c", H1, "0", None, NotDue),
            ("clean water is a year-end figure", "12", H1, "90", None, NotDue),
            ("hazardous waste treated likewise", "13", NineMonths, "90", None, NotDue),
            ("party organisations are rated at year end", "14", H1, "50", None, NotDue),
            ("front committees are rated at year end", "16", NineMonths, "50", None, NotDue),
            // Change targets: the poverty rate falls by 0,4 point from last year's.
            (
                "poverty from 1,52 % to 1,12 % fell by 0,4 point: Đạt",
                "8",
                Year,
                "1.12",
                Some("1.52"),
                Achieved,
            ),
            (
                "poverty from 1,52 % to 1,02 % fell by 0,5 point: Vượt",
                "8",
                Year,
                "1.02",
                Some("1.52"),
                Exceeded,
            ),
            (
                "poverty fell by 0,3 point, within 0,1: Xấp xỉ đạt",
                "8",
                Year,
                "1.22",
                Some("1.52"),
                NearlyAchieved,
            ),
            ("poverty fell by only 0,2 point: Không đạt", "8", Year, "1.32", Some("1.52"), NotAchieved),
            ("poverty that rose is never Đạt", "8", Year, "1.60", Some("1.52"), NotAchieved),
            (
                "without last year's rate the fall cannot be worked out: no data",
                "8",
                Year,
                "1.12",
                None,
                NoData,
            ),
            // Counts that accumulate through the year.
            ("budget revenue 4.633 by mid-year is half of 9.266: on track", "3", H1, "4633", None, OnTrack),
            (
                "budget revenue 4.500 by mid-year is 2,9 % short of half: at risk",
                "3",
                H1,
                "4500",
                None,
                AtRisk,
            ),
            ("budget revenue 4.000 by mid-year is behind", "3", H1, "4000", None, Behind),
            ("budget revenue 2.400 in Q1 is past a quarter: on track", "3", Q1, "2400", None, OnTrack),
            ("budget revenue 9.266 for the year: Đạt", "3", Year, "9266", None, Achieved),
            ("budget revenue 9.500 for the year: Vượt", "3", Year, "9500", None, Exceeded),
            (
                "budget revenue 9.000 is 2,9 % short, within 5 %: Xấp xỉ đạt",
                "3",
                Year,
                "9000",
                None,
                NearlyAchieved,
            ),
            ("budget revenue 8.500 is 8,3 % short: Không đạt", "3", Year, "8500", None, NotAchieved),
            ("10 communes newly at the advanced standard: Đạt", "10a", Year, "10", None, Achieved),
            ("2 of 3 model communes: Không đạt", "10b", Year, "2", None, NotAchieved),
            ("1.900 new members by year end: Đạt", "15a", Year, "1900", None, Achieved),
            // Last year's figures are compared with, never judged against this year's plan.
            ("last year's mid-year revenue is not judged", "3", LastH1, "4000", None, NotDue),
        ];
        for (said, id, period, actual, last_year, want) in cases {
            let target = plan.target(id).unwrap_or_else(|| panic!("{id} in the 2024 plan"));
            let got = verdict_of(target, *period, actual, *last_year);
            assert_eq!(got.status, *want, "{said} ({id} {period:?} {actual})");
        }
    }

    #[test]
    fn a_ceiling_never_shows_a_share_that_reads_the_wrong_way() {
        let plan = Plan::embedded();
        let six = plan.target("6").expect("6");
        let over = verdict_of(six, Year, "43", None);
        assert_eq!((over.percent_of_year_target, over.over_ceiling), (None, Some(d("1.2"))));
        let under = verdict_of(six, Year, "40", None);
        assert_eq!((under.percent_of_year_target, under.over_ceiling), (None, Some(d("-1.8"))));
        // A floor shows its share of the year's plan, even mid-year for a count.
        assert_eq!(
            verdict_of(plan.target("3").expect("3"), H1, "4633", None).percent_of_year_target,
            Some(d("50"))
        );
        assert_eq!(
            verdict_of(plan.target("15").expect("15"), Year, "4.5", None).percent_of_year_target,
            Some(d("150"))
        );
    }

    #[test]
    fn what_has_no_verdict_says_why() {
        let plan = Plan::embedded();
        let eight = plan.target("8").expect("8");
        let without = verdict_of(eight, Year, "1.12", None);
        assert_eq!((without.status, without.reason), (NoData, Some(Reason::NoLastYear)));
        assert_eq!(verdict_of(eight, Year, "1.12", Some("1.52")).change, Some(d("0.40")));
        let two = verdict_of(plan.target("2").expect("2"), H1, "38", None);
        assert_eq!(
            (two.status, two.reason, two.percent_of_year_target),
            (NotDue, Some(Reason::NotReportedIn), None)
        );
        let (goal, measure) = eight.goal.expect("goal");
        let nothing = judge(goal, measure, &eight.judging, Year, None, Some(d("1.52")));
        assert_eq!((nothing.status, nothing.reason), (NoData, Some(Reason::NoFigure)));
    }

    /// Rules the 2024 plan does not use, on its indicators with the plan changed.
    #[test]
    fn rules_a_plan_may_choose() {
        use crate::domain::plan::{Above, Change, ChangeIn, ChangeWay, Tolerance};
        let plan = Plan::embedded();
        // A poverty target with a wide tolerance: a rise is still never "nearly" a fall.
        let mut eight = plan.target("8").expect("8").clone();
        eight.judging.tolerance = Tolerance::Points(d("0.5"));
        assert_eq!(verdict_of(&eight, Year, "1.53", Some("1.52")).status, NotAchieved);
        assert_eq!(verdict_of(&eight, Year, "1.42", Some("1.52")).status, NearlyAchieved);
        // "giảm 13,5 % số hộ nghèo": a relative cut, in percent of last year's figure.
        eight.judging.change = Some(Change { way: ChangeWay::Reduction, measured_in: ChangeIn::Percent });
        eight.goal = Some((Goal::AtLeast(d("13.5")), Measure::Level));
        assert_eq!(verdict_of(&eight, Year, "1.3", Some("1.52")).status, Exceeded, "a 14,47 % cut");
        assert_eq!(verdict_of(&eight, Year, "1.32", Some("1.52")).status, NearlyAchieved, "a 13,16 % cut");
        assert_eq!(verdict_of(&eight, Year, "1.33", Some("1.52")).status, NotAchieved, "a 12,5 % cut");
        // An increase: enterprises operating up at least 10 % on last year.
        let mut seven_b = plan.target("II.7b").expect("II.7b").clone();
        seven_b.judging.change = Some(Change { way: ChangeWay::Increase, measured_in: ChangeIn::Percent });
        seven_b.judging.tolerance = Tolerance::Points(d("0.5"));
        seven_b.goal = Some((Goal::AtLeast(d("10")), Measure::Level));
        assert_eq!(verdict_of(&seven_b, Year, "5588", Some("5080")).status, Achieved);
        assert_eq!(verdict_of(&seven_b, Year, "5000", Some("5080")).status, NotAchieved);
        // A range where above is worse (a CPI of 4–4,5 %), on indicator 15's figures.
        let mut cpi = plan.target("15").expect("15").clone();
        cpi.goal = Some((Goal::Range { min: d("4"), max: d("4.5") }, Measure::Level));
        cpi.judging.above = Above::Worse;
        assert_eq!(verdict_of(&cpi, Year, "3.9", None).status, Exceeded);
        assert_eq!(verdict_of(&cpi, Year, "4.2", None).status, Achieved);
        assert_eq!(verdict_of(&cpi, Year, "4.8", None).status, NearlyAchieved);
        assert_eq!(verdict_of(&cpi, Year, "5.2", None).status, NotAchieved);
        assert_eq!(
            verdict_of(&cpi, Year, "5.2", None).percent_of_year_target,
            None,
            "above is worse: no share"
        );
        // Budget revenue is uneven through the year: 20 / 45 / 70 % by the plan's own shares.
        let mut three = plan.target("3").expect("3").clone();
        three.judging.shares = [d("0.20"), d("0.45"), d("0.70"), Decimal::ONE];
        assert_eq!(verdict_of(&three, H1, "4200", None).status, OnTrack, "45 % of 9.266 is 4.169,7");
        assert_eq!(
            verdict_of(&three, Q1, "1800", None).status,
            AtRisk,
            "20 % is 1.853,2; 5 % less is 1.760,54"
        );
        // A year-end figure estimated mid-year is compared with the whole target.
        let mut two = plan.target("2").expect("2").clone();
        two.judging.reported_in = [true; 4];
        two.goal = Some((Goal::AtLeast(d("76.56")), Measure::YearEnd));
        assert_eq!(verdict_of(&two, H1, "38", None).status, Behind);
        assert_eq!(verdict_of(&two, H1, "76.6", None).status, OnTrack);
        // Tolerance set per target: 0 makes any shortfall a miss.
        let mut nine = plan.target("9").expect("9").clone();
        nine.judging.tolerance = Tolerance::Points(Decimal::ZERO);
        assert_eq!(verdict_of(&nine, Year, "93.88", None).status, NotAchieved);
    }

    #[test]
    fn a_format_1_plan_keeps_its_meaning() {
        // Format 1: every period reported, relative tolerance, a range missed on either side.
        let judging = crate::domain::plan::Judging::format_1(d("5"));
        let range = Goal::Range { min: d("3"), max: d("4") };
        let at = |period, actual: &str| {
            judge(range, Measure::Cumulative, &judging, period, Some(d(actual)), None).status
        };
        assert_eq!(at(Year, "4.2"), NearlyAchieved, "5 % of 4 is 0,2");
        assert_eq!(at(Year, "4.21"), NotAchieved);
        assert_eq!(at(Year, "2.85"), NearlyAchieved, "below the range is short too");
        assert_eq!(at(Year, "2.84"), NotAchieved);
        assert_eq!(at(Year, "3.5"), Achieved);
        assert_eq!(at(H1, "1.5"), OnTrack);
        assert_eq!(at(Q1, "0.71"), Behind);
    }

    #[test]
    fn expectation_per_period() {
        let shares = Period::THIS_YEAR.map(Period::share_of_year);
        let goal = Goal::AtLeast(d("9266"));
        let cases = [(Q1, "2316.50"), (H1, "4633.00"), (NineMonths, "6949.50"), (Year, "9266")];
        for (period, want) in cases {
            assert_eq!(
                expected(goal, Measure::Cumulative, &shares, period),
                Goal::AtLeast(d(want)),
                "{period:?}"
            );
            assert_eq!(expected(goal, Measure::Level, &shares, period), goal, "{period:?}");
            assert_eq!(expected(goal, Measure::YearEnd, &shares, period), goal, "{period:?}");
        }
    }

    #[test]
    fn periods_and_last_year() {
        assert_eq!(Period::from_key("last-h1"), Some(LastH1));
        assert_eq!(Period::from_key("LAST-YEAR"), Some(LastYear));
        assert_eq!(H1.same_period_last_year(), Some(LastH1));
        assert_eq!(Year.same_period_last_year(), Some(LastYear));
        assert!(LastNineMonths.is_last_year() && !NineMonths.is_last_year());
        assert_eq!(Year.next(), Q1, "the view's period key stays in this year");
        assert_eq!(serde_json::to_string(&LastNineMonths).expect("json"), "\"last-9m\"");
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
        assert_eq!(Status::most_urgent([Exceeded, Achieved]), Achieved);
        assert_eq!(Status::most_urgent([Achieved, OnTrack]), OnTrack);
        assert_eq!(Status::most_urgent([Achieved, NoData]), NoData);
        assert_eq!(Status::most_urgent([AtRisk, NoData, Behind]), Behind);
        assert_eq!(Status::most_urgent([NearlyAchieved, NotAchieved]), NotAchieved);
        assert_eq!(Status::most_urgent([]), NoData);
    }
}
