//! A unit's own target figures: a commune may be asked for more (or less) than the province
//! as a whole. They are overrides of the plan's targets: the same ids, the same direction,
//! measure, shares and tolerance, only the goal figures (`target`, or `target_min` and
//! `target_max` for a range) are the unit's. A target the unit does not override keeps the
//! plan's figures, and a unit without overrides shares the plan's.
//!
//! The overrides are checked against the plan every time they are applied: a plan revised
//! since (a target dropped, a direction changed) makes them refused, never silently wrong.

use crate::domain::number::decimal_string;
use crate::domain::plan::{Direction, Goal, Plan};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// The file of a unit's own targets (`STORE.units/ID.plan.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnTargets {
    /// The id of the plan they override.
    pub plan: String,
    /// The unit whose targets they are.
    pub unit: String,
    pub targets: Vec<OwnTarget>,
}

/// One target's own figures, as in the plan file: `target` for `at_least` / `at_most`,
/// `target_min` and `target_max` for `range`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnTarget {
    pub id: String,
    #[serde(default, deserialize_with = "decimal_string", skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "plain_option")]
    pub target: Option<Decimal>,
    #[serde(default, deserialize_with = "decimal_string", skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "plain_option")]
    pub target_min: Option<Decimal>,
    #[serde(default, deserialize_with = "decimal_string", skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "plain_option")]
    pub target_max: Option<Decimal>,
}

/// Figures as the plan file writes them: strings in plain notation.
fn plain_option<S: serde::Serializer>(value: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(value) => s.serialize_str(&crate::domain::number::plain(*value)),
        None => s.serialize_none(),
    }
}

/// Why a unit's own targets do not fit the plan.
#[derive(Debug, Clone, PartialEq)]
pub enum OwnProblem {
    /// Made for another plan (its id).
    OtherPlan(String),
    /// Made for another unit (its id).
    OtherUnit(String),
    /// The plan has no target with this id.
    UnknownTarget(String),
    /// A heading (its figures are its parts') has no goal to override.
    Heading(String),
    /// The same target twice.
    Duplicate(String),
    /// A figure the target's direction needs is missing.
    Needed {
        id: String,
        field: &'static str,
        direction: Direction,
    },
    /// A figure the target's direction does not take.
    NotFor {
        id: String,
        field: &'static str,
        direction: Direction,
    },
    MinNotBelowMax(String),
}

/// What can be wrong with a unit's row of a plan sheet.
#[derive(Debug, Clone, PartialEq)]
pub enum UnitIssue {
    /// The figures do not fit the plan's target.
    Own(OwnProblem),
    /// The row names a direction other than the plan's (given): the plan decides what a
    /// target asks for, a unit only its figures.
    NotThePlansDirection(Direction),
    /// `plan import --unit ID` on a sheet without a row for that unit.
    NoRowsFor(String),
    /// The unit column holds what cannot be a unit id.
    BadUnitId(String),
}

/// The goal `own` gives the plan's target `id`, checked like a plan's goal.
pub fn own_goal(plan: &Plan, own: &OwnTarget) -> Result<Goal, OwnProblem> {
    let id = || own.id.clone();
    let target = plan.target(&own.id).ok_or_else(|| OwnProblem::UnknownTarget(id()))?;
    let (goal, _) = target.goal.ok_or_else(|| OwnProblem::Heading(id()))?;
    let direction = goal.direction();
    let needed = |field: &'static str, value: Option<Decimal>| {
        value.ok_or(OwnProblem::Needed { id: id(), field, direction })
    };
    let refuse = |field: &'static str, value: Option<Decimal>| match value {
        Some(_) => Err(OwnProblem::NotFor { id: id(), field, direction }),
        None => Ok(()),
    };
    match goal {
        Goal::AtLeast(_) | Goal::AtMost(_) => {
            refuse("target_min", own.target_min)?;
            refuse("target_max", own.target_max)?;
            let value = needed("target", own.target)?;
            Ok(if direction == Direction::AtLeast { Goal::AtLeast(value) } else { Goal::AtMost(value) })
        }
        Goal::Range { .. } => {
            refuse("target", own.target)?;
            let min = needed("target_min", own.target_min)?;
            let max = needed("target_max", own.target_max)?;
            if min >= max {
                return Err(OwnProblem::MinNotBelowMax(id()));
            }
            Ok(Goal::Range { min, max })
        }
    }
}

/// The plan as unit `unit` is judged by: the plan's targets with the unit's own goal
/// figures. The plan keeps its id and content hash: the unit's store is the plan's kind.
pub fn apply(plan: &Plan, unit: &str, own: &OwnTargets) -> Result<Plan, OwnProblem> {
    if own.plan != plan.id {
        return Err(OwnProblem::OtherPlan(own.plan.clone()));
    }
    if own.unit != unit {
        return Err(OwnProblem::OtherUnit(own.unit.clone()));
    }
    let mut seen = HashSet::new();
    let mut goals = Vec::with_capacity(own.targets.len());
    for target in &own.targets {
        if !seen.insert(target.id.as_str()) {
            return Err(OwnProblem::Duplicate(target.id.clone()));
        }
        goals.push((target.id.as_str(), own_goal(plan, target)?));
    }
    // From the plan itself, should `plan` be another unit's view of it.
    let mut judged = plan_itself(plan);
    for target in &mut judged.targets {
        if let Some((_, goal)) = goals.iter().find(|(id, _)| *id == target.id)
            && let Some((plans, measure)) = target.goal
        {
            judged.plan_goals.push((target.id.clone(), plans));
            target.goal = Some((*goal, measure));
        }
    }
    Ok(judged)
}

/// The plan as the province has it: `plan` with the plan's own goals back, if it is a unit's
/// view of it (see [`apply`]).
pub fn plan_itself(plan: &Plan) -> Plan {
    let mut itself = plan.clone();
    for (id, goal) in std::mem::take(&mut itself.plan_goals) {
        if let Some(target) = itself.targets.iter_mut().find(|t| t.id == id)
            && let Some((_, measure)) = target.goal
        {
            target.goal = Some((goal, measure));
        }
    }
    itself
}

#[cfg(test)]
mod tests {
    use super::*;

    fn own(targets: Vec<OwnTarget>) -> OwnTargets {
        OwnTargets { plan: Plan::embedded().id, unit: "xa-my-an".into(), targets }
    }

    fn figure(id: &str, value: &str) -> OwnTarget {
        let value = crate::domain::number::parse_plain(value);
        OwnTarget { id: id.into(), target: value, target_min: None, target_max: None }
    }

    #[test]
    fn an_own_figure_replaces_only_that_targets_goal() {
        let plan = Plan::embedded();
        let judged = apply(&plan, "xa-my-an", &own(vec![figure("1", "9")])).expect("fits the plan");
        let goal = |p: &Plan, id: &str| p.target(id).and_then(|t| t.goal).expect("a goal");
        assert_eq!(goal(&judged, "1").0, Goal::AtLeast(Decimal::from(9)));
        assert_eq!(goal(&judged, "1").1, goal(&plan, "1").1, "the measure stays the plan's");
        assert_eq!(goal(&judged, "3"), goal(&plan, "3"));
        assert_eq!(judged.content_hash, plan.content_hash);
        // Another unit's view starts from the plan itself, not from this unit's figures.
        let other = OwnTargets { unit: "phuong-1".into(), ..own(vec![figure("3", "9000")]) };
        let phuong = apply(&judged, "phuong-1", &other).expect("fits the plan");
        assert_eq!(goal(&phuong, "1"), goal(&plan, "1"));
        assert_eq!(plan_itself(&phuong), plan);
    }

    #[test]
    fn overrides_that_do_not_fit_the_plan_are_refused() {
        let plan = Plan::embedded();
        let refused = |targets| apply(&plan, "xa-my-an", &own(targets)).expect_err("refused");
        assert_eq!(refused(vec![figure("99", "1")]), OwnProblem::UnknownTarget("99".into()));
        assert_eq!(refused(vec![figure("10", "1")]), OwnProblem::Heading("10".into()));
        assert_eq!(refused(vec![figure("1", "7"), figure("1", "9")]), OwnProblem::Duplicate("1".into()));
        let empty = OwnTarget { id: "1".into(), target: None, target_min: None, target_max: None };
        assert!(matches!(refused(vec![empty]), OwnProblem::Needed { field: "target", .. }));
        let mut other = own(vec![]);
        other.unit = "phuong-1".into();
        assert_eq!(
            apply(&plan, "xa-my-an", &other).expect_err("refused"),
            OwnProblem::OtherUnit("phuong-1".into())
        );
    }

    #[test]
    fn the_file_keeps_figures_as_plain_strings() {
        let text = serde_json::to_string(&own(vec![figure("1", "6.75")])).expect("json");
        assert!(text.contains(r#""target":"6.75""#), "{text}");
        let back: OwnTargets = serde_json::from_str(&text).expect("read back");
        assert_eq!(back, own(vec![figure("1", "6.75")]));
    }
}
