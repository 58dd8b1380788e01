//! Figures that look like a *fall* where the plan asks for the *rate*.
//!
//! A target judged on its fall in points from last year's rate (indicator 8 of the 2024
//! plan: the poor-household rate falls by 0,4 point) takes the rate as its figure and works
//! the fall out from last year's. Before the 2024 plan was revised, 8 took the fall itself
//! (`0,4`, in "điểm %"), and stores made then hold falls that the revised plan reads as
//! rates: a rate of 0,4 % and a fall of several points, "vượt". Two signals, the first sure:
//!
//! - the store was last written for a version of the plan under which the target took the
//!   fall (its plan hash is one of [`TOOK_THE_FALL`]): every current figure of it is a fall;
//! - otherwise a figure is only implausible as a rate: below half of last year's rate (a
//!   plan that asks for a fall of 0,4 point does not see the rate halve in a year), or, with
//!   no last year's rate entered, no more than twice the planned fall.

use crate::domain::ledger::{Entry, Ledger};
use crate::domain::period::Period;
use crate::domain::plan::{Change, ChangeIn, ChangeWay, Goal, Plan, Target};
use rust_decimal::Decimal;

/// Versions of plans (plan id, target, content hash of the version) under which the target's
/// figure was the fall, not the rate. The 2024 plan's version before format 2
/// (`5bf169a1279ee44d`, unit "điểm %") is the one; `revises` in the plan names it.
pub const TOOK_THE_FALL: &[(&str, &str, &str)] = &[("dong-thap-cth-2024", "8", "5bf169a1279ee44d")];

/// Why a figure is taken for a fall.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// Entered when the store was for a version of the plan that took the fall.
    OldPlan,
    /// Below half of last year's rate (here).
    BelowHalfOfLastYear(Decimal),
    /// No last year's rate entered, and no more than twice the planned fall (here).
    NearThePlannedFall(Decimal),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Suspect<'a> {
    pub entry: &'a Entry,
    pub why: Why,
}

/// Whether `target` is judged on a fall in points (its figure is a rate).
pub fn takes_a_rate_for_a_fall(target: &Target) -> bool {
    target.judging.change == Some(Change { way: ChangeWay::Reduction, measured_in: ChangeIn::Points })
}

/// The current figures of `target` for this year's periods that look like falls, in period
/// order; `store_plan_hash` is the plan hash the store file was last written with.
pub fn suspects_of<'a>(
    plan: &Plan,
    target: &Target,
    ledger: &'a Ledger,
    store_plan_hash: &str,
) -> Vec<Suspect<'a>> {
    if !takes_a_rate_for_a_fall(target) {
        return Vec::new();
    }
    let old_plan = TOOK_THE_FALL.iter().any(|&(plan_id, target_id, hash)| {
        plan_id == plan.id && target_id == target.id && hash == store_plan_hash
    });
    let last_year = ledger.current(&target.id, Period::LastYear).map(|e| e.value);
    let planned_fall = match target.goal {
        Some((Goal::AtLeast(fall) | Goal::AtMost(fall), _)) => Some(fall),
        Some((Goal::Range { max, .. }, _)) => Some(max),
        None => None,
    };
    Period::THIS_YEAR
        .into_iter()
        .filter_map(|period| ledger.current(&target.id, period))
        .filter_map(|entry| {
            let why = match (old_plan, last_year, planned_fall) {
                (true, ..) => Why::OldPlan,
                (false, Some(last), _) if entry.value < last / Decimal::TWO => Why::BelowHalfOfLastYear(last),
                (false, None, Some(fall)) if entry.value <= fall * Decimal::TWO => {
                    Why::NearThePlannedFall(fall)
                }
                _ => return None,
            };
            Some(Suspect { entry, why })
        })
        .collect()
}

/// [`suspects_of`] for every target of the plan.
pub fn suspects<'a>(plan: &Plan, ledger: &'a Ledger, store_plan_hash: &str) -> Vec<Suspect<'a>> {
    plan.targets.iter().flat_map(|target| suspects_of(plan, target, ledger, store_plan_hash)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ledger::tests::entry;

    fn ledger(figures: &[(Period, &str)]) -> Ledger {
        Ledger::new(
            figures.iter().enumerate().map(|(n, (p, v))| entry(&format!("e{n}"), "8", *p, v, n as i64)),
        )
    }

    fn whys(ledger: &Ledger, hash: &str) -> Vec<(Period, Why)> {
        let plan = Plan::embedded();
        suspects(&plan, ledger, hash).into_iter().map(|s| (s.entry.period, s.why)).collect()
    }

    #[test]
    fn a_store_of_the_plan_before_its_revision_holds_falls_for_8() {
        let plan = Plan::embedded();
        // Even a figure that would pass as a rate: the old plan took the fall.
        let old = ledger(&[(Period::Year, "0.4"), (Period::LastYear, "3.1")]);
        assert_eq!(whys(&old, "5bf169a1279ee44d"), [(Period::Year, Why::OldPlan)]);
        let rate = ledger(&[(Period::Year, "2.7")]);
        assert_eq!(whys(&rate, "5bf169a1279ee44d"), [(Period::Year, Why::OldPlan)]);
        assert!(whys(&rate, &plan.content_hash).is_empty(), "a rate under the revised plan");
    }

    #[test]
    fn a_rate_below_half_of_last_years_or_near_the_planned_fall_is_questioned() {
        let hash = Plan::embedded().content_hash;
        let with_last = ledger(&[(Period::LastYear, "3.1"), (Period::Year, "0.4")]);
        assert_eq!(whys(&with_last, &hash), [(Period::Year, Why::BelowHalfOfLastYear(Decimal::new(31, 1)))]);
        let fell = ledger(&[(Period::LastYear, "3.1"), (Period::Year, "2.6")]);
        assert!(whys(&fell, &hash).is_empty(), "a rate that fell by half a point");
        let alone = ledger(&[(Period::Year, "0.5")]);
        assert_eq!(whys(&alone, &hash), [(Period::Year, Why::NearThePlannedFall(Decimal::new(4, 1)))]);
        assert!(whys(&ledger(&[(Period::Year, "2.9")]), &hash).is_empty());
    }
}
