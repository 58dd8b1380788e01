//! Where a plan's units keep their figures: beside the plan's store `FILE`, a directory
//! `FILE.units/` with the list of units (`units.json`) and one store per unit (`ID.json`),
//! an ordinary store in every way. The province's store never holds a unit's entries.

use crate::domain::units::Unit;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

/// The directory of the units of the plan whose store is `store`.
pub fn dir(store: &Path) -> PathBuf {
    super::sibling(store, "units")
}

/// The store of unit `id` (a [`crate::domain::units::valid_id`]).
pub fn store_of(store: &Path, id: &str) -> PathBuf {
    dir(store).join(format!("{id}.json"))
}

fn list_path(store: &Path) -> PathBuf {
    dir(store).join("units.json")
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitsFile {
    units: Vec<Unit>,
}

/// Why the list of units could not be read or written.
#[derive(Debug)]
pub enum UnitsError {
    Io(PathBuf, io::Error),
    /// Not the list this build writes: the file, and serde's words.
    Unreadable(PathBuf, String),
    /// `unit add` with an id already registered: the unit as it is.
    Exists(Unit),
}

/// The registered units, in the order they were added; none when the list does not exist.
pub fn list(store: &Path) -> Result<Vec<Unit>, UnitsError> {
    let path = list_path(store);
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(UnitsError::Io(path, e)),
    };
    serde_json::from_str::<UnitsFile>(&text)
        .map(|file| file.units)
        .map_err(|e| UnitsError::Unreadable(path, e.to_string()))
}

/// Takes the lock of `path` (`PATH.lock`, never the file itself, which a rename replaces),
/// held until the file returned is dropped.
pub(super) fn lock(path: &Path) -> Result<File, UnitsError> {
    let lock_path = super::sibling(path, "lock");
    let lock = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|e| UnitsError::Io(lock_path.clone(), e))?;
    lock.lock().map_err(|e| UnitsError::Io(lock_path, e))?;
    Ok(lock)
}

/// Registers a unit. The list is changed under a lock (`units.json.lock`) and written
/// atomically; an unreadable list is never overwritten.
pub fn add(store: &Path, unit: Unit) -> Result<(), UnitsError> {
    let path = list_path(store);
    let dir = dir(store);
    fs::create_dir_all(&dir).map_err(|e| UnitsError::Io(dir.clone(), e))?;
    let _lock = lock(&path)?;
    let mut units = list(store)?;
    if let Some(existing) = units.iter().find(|u| u.id == unit.id) {
        return Err(UnitsError::Exists(existing.clone()));
    }
    units.push(unit);
    let mut bytes = serde_json::to_vec_pretty(&UnitsFile { units })
        .map_err(|e| UnitsError::Io(path.clone(), e.into()))?;
    bytes.push(b'\n');
    super::write_atomically(&path, &bytes, &path).map_err(|e| UnitsError::Io(path, e))
}

/// Why the units of a plan could not all be read.
#[derive(Debug)]
pub enum OpenError {
    /// The list of units.
    List(UnitsError),
    /// One unit's own store: the unit, and why.
    Store(Unit, Box<super::StoreError>),
}

/// Every registered unit with its own store, read in the order the units were added: the
/// one path by which `chitieu units` and the view's units screen read them. Only read (no
/// lock is taken, nothing is written); a unit that has no figures yet has an empty store.
/// The first unreadable store (in the list's order) stops the reading, naming its unit.
///
/// The stores are read on as many threads as there are cores, each a run of the list:
/// reading and indexing 150 files is most of the time to the units screen's first frame.
pub fn open_all(
    store: &Path,
    plan: &crate::domain::plan::Plan,
) -> Result<Vec<(Unit, super::Store)>, OpenError> {
    let units = list(store).map_err(OpenError::List)?;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, units.len().max(1));
    let run = units.len().div_ceil(threads).max(1);
    let read: Vec<Result<super::Store, super::StoreError>> = std::thread::scope(|scope| {
        let readers: Vec<_> = units
            .chunks(run)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|unit| super::Store::open(&store_of(store, &unit.id), plan))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        readers
            .into_iter()
            .flat_map(|reader| reader.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    });
    let mut opened = Vec::with_capacity(units.len());
    for (unit, result) in units.into_iter().zip(read) {
        match result {
            Ok(unit_store) => opened.push((unit, unit_store)),
            Err(e) => return Err(OpenError::Store(unit, Box::new(e))),
        }
    }
    Ok(opened)
}

/// The plan's own store of the unit store `unit_store` (the inverse of [`store_of`]); `None`
/// when `unit_store` is not in a units directory.
pub fn owner(unit_store: &Path) -> Option<PathBuf> {
    let dir = unit_store.parent()?;
    let name = dir.file_name()?.to_str()?.strip_suffix(".units")?;
    (!name.is_empty()).then(|| dir.with_file_name(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_units_store_leads_back_to_the_plans_own() {
        let plan_store = Path::new("/srv/chung/store.json");
        assert_eq!(owner(&store_of(plan_store, "xa-my-an")).as_deref(), Some(plan_store));
        assert_eq!(owner(plan_store), None, "the plan's own store is in no units directory");
        assert_eq!(owner(Path::new("/.units/x.json")), None);
    }
}
