//! Sharp changes: a figure far from the previous period's is questioned before it is taken,
//! since the common cause is a typo (9.2660 for 9.266).
//!
//! The new value is compared with the current figure of the nearest earlier period that has
//! one (no comparison for `q1`, or when no earlier period has a figure). A `cumulative` target
//! grows through the year, so both figures are first divided by their period's share of the
//! year (25/50/75/100 %): revenue of 2.000 at q1 and 4.633 at h1 are a steady pace, not a
//! doubling. The change is **sharp** when new ÷ previous is above the plan's
//! `sharp_change_factor` (default 2) or below its inverse (½); a change of sign is sharp too.
//! A previous figure of 0 gives no ratio and is not compared. A ratio too large for a decimal
//! (`5e28` after `0,1`) is sharp, not skipped.
//!
//! A **first** figure (no earlier period has one, so nothing to compare with) is compared with what the goal expects by
//! its period instead, and questioned when it is off by [`FIRST_FACTOR`] (×100) or more: the
//! thousandfold slip of `9,500` for `9.500` has nothing earlier to be compared with. And in
//! Vietnamese a comma followed by exactly three digits (`9,500`) is questioned as a likely
//! English thousands separator ([`comma_thousands`]). [`questions`] is the one rule `set`, the
//! full-screen form and `import` apply; `--yes` (or Enter again) takes the figure.

use crate::domain::ledger::Ledger;
use crate::domain::period::Period;
use crate::domain::plan::{Measure, Plan};
use rust_decimal::Decimal;

/// The factor when the plan sets none: double, or half.
pub const DEFAULT_FACTOR: Decimal = Decimal::from_parts(2, 0, 0, false, 0);

/// How far from the period's expectation a first figure may be before it is questioned.
pub const FIRST_FACTOR: Decimal = Decimal::from_parts(100, 0, 0, false, 0);

/// A new figure far from the previous period's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharpChange {
    pub target: String,
    pub period: Period,
    pub value: Decimal,
    pub previous_period: Period,
    /// The figure compared with: the previous period's, or the expectation (see `basis`).
    pub previous: Decimal,
    /// The plan's factor that was exceeded.
    pub factor: Decimal,
    /// What the figure was compared with.
    pub basis: Basis,
}

/// What a questioned figure was compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The current figure of an earlier period (`previous_period`).
    PreviousPeriod,
    /// The first figure for the target: what the goal expects by `period` (`previous`).
    Expectation,
    /// Typed in Vietnamese as digits, a comma and exactly three digits (`9,500`), which is
    /// read as 9,5 but was likely meant as 9.500.
    CommaThousands,
}

/// Every question to ask before `value` is taken for `target` in `period`: a sharp change
/// from the previous period, or a first figure far off the expectation; and, when the value
/// was typed (`typed`, in `style`), a comma that looks like an English thousands separator.
/// `set`, the full-screen form and `import` (nothing typed) all ask these.
pub fn questions(
    plan: &Plan,
    ledger: &Ledger,
    target: &str,
    period: Period,
    value: Decimal,
    typed: Option<(&str, crate::domain::number::NumberStyle)>,
) -> Vec<SharpChange> {
    // The comma first: its message says how to type what was likely meant.
    let mut found = Vec::new();
    if let Some((text, style)) = typed
        && comma_thousands(text, style)
    {
        found.push(SharpChange {
            target: target.to_owned(),
            period,
            value,
            previous_period: period,
            previous: value.saturating_mul(Decimal::ONE_THOUSAND),
            factor: Decimal::ONE_THOUSAND,
            basis: Basis::CommaThousands,
        });
    }
    found.extend(check(plan, ledger, target, period, value));
    found
}

/// Whether `text` is digits, a comma and exactly three digits (`9,500`, `-12,750`) in a style
/// where the comma marks decimals: likely an English thousands separator.
pub fn comma_thousands(text: &str, style: crate::domain::number::NumberStyle) -> bool {
    if style.decimal != ',' {
        return false;
    }
    let text = text.trim();
    let text = text.strip_prefix(['-', '+']).unwrap_or(text);
    let Some((whole, decimals)) = text.split_once(style.decimal) else {
        return false;
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && decimals.len() == 3 && digits(decimals)
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
    let earlier =
        year[..position].iter().rev().find_map(|p| ledger.current(target, *p).map(|e| (*p, e.value)));
    let goal = plan.target(target).and_then(|t| t.goal);
    let Some((previous_period, previous)) = earlier else {
        // Nothing earlier in the year to compare with (a first figure, or a correction of
        // one): against what this year's goal expects by this period (last year's figures
        // have no goal of their own to be held to).
        let judging = plan.target(target)?.judging;
        // A target judged on its change from last year expects a change, not a level.
        if period.is_last_year() || judging.change.is_some() {
            return None;
        }
        let (goal, measure) = goal?;
        let expected = match crate::domain::status::expected(goal, measure, &judging.shares, period) {
            crate::domain::plan::Goal::AtLeast(v) | crate::domain::plan::Goal::AtMost(v) => v,
            crate::domain::plan::Goal::Range { min, max } => (min.saturating_add(max)) / Decimal::TWO,
        };
        return far_apart(value, expected, FIRST_FACTOR, true).then(|| SharpChange {
            target: target.to_owned(),
            period,
            value,
            previous_period: period,
            previous: expected,
            factor: FIRST_FACTOR,
            basis: Basis::Expectation,
        });
    };
    let cumulative = goal.is_some_and(|(_, m)| m == Measure::Cumulative);
    // Scaled by the share of the year; a figure too large to scale is compared as it is
    // (it is far beyond any factor either way).
    let pace =
        |v: Decimal, p: Period| if cumulative { v.checked_div(p.share_of_year()).unwrap_or(v) } else { v };
    let (new, old) = (pace(value, period), pace(previous, previous_period));
    let factor = plan.sharp_change_factor;
    far_apart(new, old, factor, false).then(|| SharpChange {
        target: target.to_owned(),
        period,
        value,
        previous_period,
        previous,
        factor,
        basis: Basis::PreviousPeriod,
    })
}

/// Whether `new` ÷ `old` is above `factor` or below its inverse (a change of sign counts),
/// or at them too when `inclusive`. An `old` of 0 gives no ratio: never far. A ratio too
/// large for a decimal is far.
fn far_apart(new: Decimal, old: Decimal, factor: Decimal, inclusive: bool) -> bool {
    if old.is_zero() {
        return false;
    }
    let Some(inverse) = Decimal::ONE.checked_div(factor) else {
        return false;
    };
    match new.checked_div(old) {
        Some(ratio) if inclusive => ratio >= factor || ratio <= inverse,
        Some(ratio) => ratio > factor || ratio < inverse,
        // Overflow: the quotient is beyond 7.9e28, far above any factor.
        None => true,
    }
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
