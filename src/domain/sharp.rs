//! Sharp changes: a figure far from the previous period's is questioned before it is taken,
//! since the common cause is a typo (9.2660 for 9.266).
//!
//! The new value is compared with the current figure of the nearest earlier period that has
//! one (no comparison for `q1`, or when no earlier period has a figure). A `cumulative` target
//! grows through the year, so both figures are first divided by their period's share of the
//! year (25/50/75/100 %): revenue of 2.000 at q1 and 4.633 at h1 are a steady pace, not a
//! doubling. The change is **sharp** when new ÷ previous is above the plan's
//! `sharp_change_factor` (default 2) or below its inverse (½); a change of sign is sharp too.
//! A previous figure of 0 gives no ratio and is not compared.

use crate::domain::ledger::Ledger;
use crate::domain::period::Period;
use crate::domain::plan::{Measure, Plan};
use rust_decimal::Decimal;

/// The factor when the plan sets none: double, or half.
pub const DEFAULT_FACTOR: Decimal = Decimal::from_parts(2, 0, 0, false, 0);

/// A new figure far from the previous period's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharpChange {
    pub target: String,
    pub period: Period,
    pub value: Decimal,
    pub previous_period: Period,
    pub previous: Decimal,
    /// The plan's factor that was exceeded.
    pub factor: Decimal,
}

/// Whether `value` for `target` in `period` is a sharp change from the previous period's
/// figure in `ledger`. Pure: `set`, `import` and the TUI call it and then ask.
pub fn check(
    plan: &Plan,
    ledger: &Ledger,
    target: &str,
    period: Period,
    value: Decimal,
) -> Option<SharpChange> {
    // Compared within its own year: a last-year figure with last year's.
    let year =
        if period.is_last_year() { &Period::ALL[Period::THIS_YEAR.len()..] } else { &Period::THIS_YEAR[..] };
    let position = year.iter().position(|p| *p == period)?;
    let (previous_period, previous) =
        year[..position].iter().rev().find_map(|p| ledger.current(target, *p).map(|e| (*p, e.value)))?;
    let cumulative = plan.target(target).and_then(|t| t.goal).is_some_and(|(_, m)| m == Measure::Cumulative);
    let pace = |v: Decimal, p: Period| if cumulative { v.checked_div(p.share_of_year()) } else { Some(v) };
    let (new, old) = (pace(value, period)?, pace(previous, previous_period)?);
    let ratio = new.checked_div(old)?;
    let factor = plan.sharp_change_factor;
    let inverse = Decimal::ONE.checked_div(factor)?;
    (ratio > factor || ratio < inverse).then(|| SharpChange {
        target: target.to_owned(),
        period,
        value,
        previous_period,
        previous,
        factor,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ledger::tests::entry;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).expect("decimal")
    }

    #[test]
    fn a_typo_tenfold_is_sharp_a_steady_pace_is_not() {
        let plan = Plan::embedded();
        // Target 3 (revenue) is cumulative: 2.000 at q1 is a pace of 8.000 a year.
        let ledger = Ledger::new([entry("a", "3", Period::Q1, "2000", 0)]);
        assert_eq!(check(&plan, &ledger, "3", Period::H1, d("4633")), None);
        let typo = check(&plan, &ledger, "3", Period::H1, d("46330")).expect("sharp");
        assert_eq!((typo.previous_period, typo.previous, typo.factor), (Period::Q1, d("2000"), d("2")));
        assert!(check(&plan, &ledger, "3", Period::H1, d("1900")).is_some(), "pace fell below half");
        assert_eq!(check(&plan, &ledger, "3", Period::Q1, d("99999")), None, "q1 has nothing before it");
        // 9m is compared with q1 when h1 has no figure.
        assert_eq!(check(&plan, &ledger, "3", Period::NineMonths, d("6000")), None);
    }

    #[test]
    fn level_targets_compare_plain_values_at_the_edges() {
        let plan = Plan::embedded();
        // Target 1 (GRDP growth) is a level: 4 → 8 is exactly double, not above it.
        let ledger = Ledger::new([entry("a", "1", Period::Q1, "4", 0)]);
        assert_eq!(check(&plan, &ledger, "1", Period::H1, d("8")), None);
        assert!(check(&plan, &ledger, "1", Period::H1, d("8.01")).is_some());
        assert_eq!(check(&plan, &ledger, "1", Period::H1, d("2")), None);
        assert!(check(&plan, &ledger, "1", Period::H1, d("1.99")).is_some());
        assert!(check(&plan, &ledger, "1", Period::H1, d("-1")).is_some(), "a change of sign");
        let zero = Ledger::new([entry("a", "1", Period::Q1, "0", 0)]);
        assert_eq!(check(&plan, &zero, "1", Period::H1, d("5")), None);
    }

    #[test]
    fn the_plan_sets_the_factor() {
        let text = crate::domain::plan::EMBEDDED_2024.replacen(
            "\"tolerance_percent\"",
            "\"sharp_change_factor\": \"10\", \"tolerance_percent\"",
            1,
        );
        let plan = Plan::parse(&text).expect("plan");
        assert_eq!(plan.sharp_change_factor, d("10"));
        let ledger = Ledger::new([entry("a", "1", Period::Q1, "4", 0)]);
        assert_eq!(check(&plan, &ledger, "1", Period::H1, d("39")), None);
        assert!(check(&plan, &ledger, "1", Period::H1, d("41")).is_some());
        let bad = crate::domain::plan::EMBEDDED_2024.replacen(
            "\"tolerance_percent\"",
            "\"sharp_change_factor\": \"1\", \"tolerance_percent\"",
            1,
        );
        assert!(matches!(
            Plan::parse(&bad).map_err(|e| e.problem),
            Err(crate::domain::plan::PlanProblem::SharpFactorTooSmall(_))
        ));
    }
}
