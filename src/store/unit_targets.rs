//! Where a unit's own target figures are kept: beside its store `FILE.units/ID.json`, the
//! file `FILE.units/ID.plan.json` (a unit id has no `.`, so no unit's store has that name).
//! No file: the unit shares the plan's targets.

use super::units::UnitsError;
use crate::domain::unit_targets::OwnTargets;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The file of the own targets of the unit whose store is `unit_store`.
pub fn path_of(unit_store: &Path) -> PathBuf {
    unit_store.with_extension("plan.json")
}

/// The unit's own targets; `None` when it has none (it shares the plan's).
pub fn read(unit_store: &Path) -> Result<Option<OwnTargets>, UnitsError> {
    let path = path_of(unit_store);
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(UnitsError::Io(path, e)),
    };
    serde_json::from_str(&text).map(Some).map_err(|e| UnitsError::Unreadable(path, e.to_string()))
}

/// Why a unit cannot be judged by its own targets.
#[derive(Debug)]
pub enum JudgeError {
    /// The file of its own targets cannot be read.
    Unreadable(UnitsError),
    /// Its own targets no longer fit the plan: the file, and what is wrong.
    Refused(PathBuf, crate::domain::unit_targets::OwnProblem),
}

/// The plan the unit `unit` (whose store is `unit_store`) is judged by: `plan` with the
/// unit's own figures, or `None` when it has none (it shares the plan's). The one path of
/// `--unit`, `chitieu units` and the view's units screen.
pub fn judged_plan(
    plan: &crate::domain::plan::Plan,
    unit_store: &Path,
    unit: &str,
) -> Result<Option<crate::domain::plan::Plan>, JudgeError> {
    let Some(own) = read(unit_store).map_err(JudgeError::Unreadable)? else {
        return Ok(None);
    };
    crate::domain::unit_targets::apply(plan, unit, &own)
        .map(Some)
        .map_err(|problem| JudgeError::Refused(path_of(unit_store), problem))
}

/// Replaces the unit's own targets, under a lock (`ID.plan.json.lock`), atomically and
/// durably. A file there that cannot be read is never overwritten.
pub fn write(unit_store: &Path, targets: &OwnTargets) -> Result<(), UnitsError> {
    let path = path_of(unit_store);
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| UnitsError::Io(dir.to_owned(), e))?;
    }
    let _lock = super::units::lock(&path)?;
    read(unit_store)?;
    let mut bytes = serde_json::to_vec_pretty(targets).map_err(|e| UnitsError::Io(path.clone(), e.into()))?;
    bytes.push(b'\n');
    super::write_atomically(&path, &bytes, &path).map_err(|e| UnitsError::Io(path, e))
}
