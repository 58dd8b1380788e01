//! A unit's own target figures (`STORE.units/ID.plan.json`): `plan import SHEET --unit ID`
//! writes them, and `--unit ID` on any other command judges the unit's figures by them.

use super::{Context, Failure, Located, load_plan};
use crate::domain::plan::Plan;
use crate::i18n::{Lang, plans as sheet_msg, units_data as msg};
use crate::report::plan_sheet;
use crate::store;
use std::io::Write;
use std::path::Path;

/// The plan unit `unit` is judged by: `plan` with the unit's own figures, or `None` when it
/// has none (it shares the plan's). Own figures that no longer fit the plan are refused.
pub fn plan_of_unit(lang: Lang, plan: &Plan, unit_store: &Path, unit: &str) -> Result<Option<Plan>, Failure> {
    store::unit_targets::judged_plan(plan, unit_store, unit)
        .map_err(|e| Failure::bad_input(msg::judge_error(lang, unit, &e)))
}

/// The located plan as unit `unit` is judged by (see [`plan_of_unit`]).
pub fn judged(lang: Lang, located: Located, unit_store: &Path, unit: &str) -> Result<Located, Failure> {
    let plan = match located {
        Located::Ready(plan) => *plan,
        Located::File(path) => load_plan(lang, &path)?,
    };
    let judged = plan_of_unit(lang, &plan, unit_store, unit)?.unwrap_or(plan);
    Ok(Located::Ready(Box::new(judged)))
}

/// `chitieu plan import SHEET --unit ID`: the unit's own figures from the sheet, checked
/// against the plan (every problem with its row and column, nothing written), replacing
/// the unit's earlier ones.
pub fn import(context: &Context, unit_store: &Path, file: &Path, out: &mut dyn Write) -> Result<(), Failure> {
    let lang = context.lang;
    let unit = context.unit.as_deref().unwrap_or_default();
    let rows =
        plan_sheet::read(file).map_err(|e| Failure::bad_input(sheet_msg::read_error(lang, file, &e)))?;
    let own = plan_sheet::import_unit(&rows, &context.plan, unit, lang)
        .map_err(|problems| Failure::bad_input(sheet_msg::sheet_refused(lang, file, &problems)))?;
    crate::ops::unit_targets::set(unit_store, &context.plan, &own).map_err(|refused| match refused {
        crate::ops::unit_targets::Refused::Own(problem) => {
            let path = store::unit_targets::path_of(unit_store);
            Failure::bad_input(msg::own_targets_refused(lang, unit, &path, &problem))
        }
        crate::ops::unit_targets::Refused::Store(error) => super::units::units_error(lang, &error),
    })?;
    let path = store::unit_targets::path_of(unit_store);
    writeln!(out, "{}", msg::own_targets_written(lang, unit, &path, own.targets.len()))?;
    Ok(())
}
