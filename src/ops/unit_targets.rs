//! `plan import SHEET --unit ID`: a unit's own target figures, checked against the plan
//! before they replace the unit's earlier ones.

use crate::domain::plan::Plan;
use crate::domain::unit_targets::{self, OwnProblem, OwnTargets};
use crate::store::units::UnitsError;
use std::path::Path;

/// Why the unit's own targets were not written; nothing was.
#[derive(Debug)]
pub enum Refused {
    /// They do not fit the plan.
    Own(OwnProblem),
    Store(UnitsError),
}

/// Writes `targets` as the own targets of the unit whose store is `unit_store`, if they fit
/// the plan.
pub fn set(unit_store: &Path, plan: &Plan, targets: &OwnTargets) -> Result<(), Refused> {
    unit_targets::apply(plan, &targets.unit, targets).map_err(Refused::Own)?;
    crate::store::unit_targets::write(unit_store, targets).map_err(Refused::Store)
}
