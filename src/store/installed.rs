//! Plans installed side by side in the user's data directory, each with a store of its own.
//!
//! The layout: `plans/<id>.json` holds each installed plan as it was added (the newest
//! version), `stores/<id>.json` its default store. The embedded 2024 plan is always there;
//! its store stays `store.json`, where every earlier version of chitieu kept it, so nobody
//! moves a file. A plan added with the embedded plan's id replaces the embedded one (a
//! revision of the 2024 targets) and keeps `store.json`.
//!
//! Adding a new version of an installed plan (the same id: the People's Council revised
//! targets mid-year) keeps its store and appends a [`Revision`] to `plans/<id>.revisions`:
//! each changed target as it was and as it is, in the plan file's own JSON, so any field the
//! plan format has is compared and nothing is lost. Figures keep the target id they were
//! entered for; a version that drops a target with figures is refused.

use crate::domain::plan::{Plan, PlanError};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::io;
use std::path::PathBuf;

/// A plan the program knows, and where its figures are kept unless `--store` says otherwise.
#[derive(Debug, Clone)]
pub struct Installed {
    pub plan: Plan,
    /// The installed file; `None` for the plan embedded in the binary.
    pub file: Option<PathBuf>,
    pub store: PathBuf,
}

/// What `install` did: the plan as installed, the version it replaced, and the revision
/// recorded if targets changed.
#[derive(Debug)]
pub struct Added {
    pub installed: Installed,
    pub before: Option<Installed>,
    pub revision: Option<Revision>,
}

/// The data directory that holds installed plans and their stores.
#[derive(Debug, Clone)]
pub struct Shelf {
    dir: PathBuf,
}

#[derive(Debug)]
pub enum ShelfError {
    Io {
        path: PathBuf,
        error: io::Error,
    },
    /// An installed plan file that no longer reads (edited by hand).
    Plan {
        path: PathBuf,
        error: PlanError,
    },
    /// The id cannot name a file: letters, digits, `.`, `-`, `_` only.
    BadId(String),
    /// No installed plan for the year asked.
    NoPlanForYear {
        year: i16,
        years: Vec<i16>,
    },
    /// Several installed plans for the year asked.
    SeveralPlansForYear {
        year: i16,
        ids: Vec<String>,
    },
    /// A new version of an installed plan with another year: the id names one year's plan.
    YearChanged {
        id: String,
        installed: i16,
        new: i16,
    },
    /// A new version without targets that have figures in the plan's store.
    DropsTargetsWithFigures {
        id: String,
        targets: Vec<String>,
    },
    /// The plan's store does not open, so a revision cannot be checked against it.
    Store(Box<crate::store::StoreError>),
}

/// One new version of an installed plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Revision {
    pub time: jiff::Timestamp,
    pub author: String,
    /// Content hashes of the version replaced and of the new one.
    pub from: String,
    pub to: String,
    pub changes: Vec<TargetChange>,
}

/// A target added, removed or changed by a revision, as the plan file writes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetChange {
    pub target: String,
    pub old: Option<Value>,
    pub new: Option<Value>,
}

impl TargetChange {
    /// The fields that differ, each with its old and new value as plain text (`target`:
    /// `9266` → `9500`); an added or removed target gives none.
    pub fn fields(&self) -> Vec<(String, String, String)> {
        let (Some(Value::Object(old)), Some(Value::Object(new))) = (&self.old, &self.new) else {
            return Vec::new();
        };
        let mut keys: Vec<&String> = old.keys().chain(new.keys()).collect();
        keys.sort();
        keys.dedup();
        keys.into_iter()
            .filter(|k| old.get(*k) != new.get(*k))
            .map(|k| (k.clone(), plain(old.get(k)), plain(new.get(k))))
            .collect()
    }
}

/// A JSON value as a person reads it: strings without quotes, `{ "vi": … }` as its Vietnamese.
fn plain(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => "—".to_owned(),
        Some(Value::String(text)) => text.clone(),
        Some(Value::Object(map)) if map.contains_key("vi") => plain(map.get("vi")),
        Some(other) => other.to_string(),
    }
}

/// The targets of a plan file by id, as JSON objects (the text is a plan already read).
fn targets_json(text: &str) -> Vec<(String, Value)> {
    let value: Value = serde_json::from_str(text).unwrap_or(Value::Null);
    let targets = value.get("targets").and_then(Value::as_array).cloned().unwrap_or_default();
    targets.into_iter().filter_map(|t| Some((t.get("id")?.as_str()?.to_owned(), t))).collect()
}

/// What differs between two versions of a plan, target by target, in the new plan's order
/// (removed targets last).
pub fn changes(old_text: &str, new_text: &str) -> Vec<TargetChange> {
    let old = targets_json(old_text);
    let new = targets_json(new_text);
    let find =
        |list: &[(String, Value)], id: &str| list.iter().find(|(i, _)| i == id).map(|(_, v)| v.clone());
    let mut changes: Vec<TargetChange> = new
        .iter()
        .filter_map(|(id, value)| {
            let before = find(&old, id);
            (before.as_ref() != Some(value)).then(|| TargetChange {
                target: id.clone(),
                old: before,
                new: Some(value.clone()),
            })
        })
        .collect();
    changes.extend(old.iter().filter(|(id, _)| find(&new, id).is_none()).map(|(id, value)| TargetChange {
        target: id.clone(),
        old: Some(value.clone()),
        new: None,
    }));
    changes
}

impl Shelf {
    /// The user's data directory, where `store.json` has always been.
    pub fn default_location() -> Option<Shelf> {
        crate::store::default_path().and_then(|p| p.parent().map(|dir| Shelf::at(dir.to_path_buf())))
    }

    pub fn at(dir: PathBuf) -> Shelf {
        Shelf { dir }
    }

    fn plans_dir(&self) -> PathBuf {
        self.dir.join("plans")
    }

    fn plan_file(&self, id: &str) -> PathBuf {
        self.plans_dir().join(format!("{id}.json"))
    }

    fn revisions_file(&self, id: &str) -> PathBuf {
        self.plans_dir().join(format!("{id}.revisions"))
    }

    /// The revisions recorded for the plan with this id, oldest first.
    pub fn revisions(&self, id: &str) -> Result<Vec<Revision>, ShelfError> {
        let path = self.revisions_file(id);
        match std::fs::read_to_string(&path) {
            Ok(text) => serde_json::from_str(&text).map_err(|e| ShelfError::Io {
                path,
                error: io::Error::new(io::ErrorKind::InvalidData, e.to_string()),
            }),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
            Err(error) => Err(ShelfError::Io { path, error }),
        }
    }

    /// The default store of the plan with this id.
    pub fn store_for(&self, id: &str) -> PathBuf {
        if id == embedded_id() {
            self.dir.join("store.json")
        } else {
            self.dir.join("stores").join(format!("{id}.json"))
        }
    }

    /// Every plan's id and year, oldest year first (then by id), with its text read but not
    /// yet parsed as a plan: choosing one needs no more, and parsing every plan would cost
    /// the view's first frame as much again as its own plan (see BENCHMARKS.md).
    fn heads(&self) -> Result<Vec<Head>, ShelfError> {
        let mut heads = Vec::new();
        let dir = self.plans_dir();
        let listing = match std::fs::read_dir(&dir) {
            Ok(listing) => Some(listing),
            // None installed; or a directory this user may not read (another user's home
            // through sudo): their plans are not this user's, the embedded plan still is.
            Err(e) if matches!(e.kind(), io::ErrorKind::NotFound | io::ErrorKind::PermissionDenied) => None,
            Err(error) => return Err(ShelfError::Io { path: dir, error }),
        };
        for item in listing.into_iter().flatten() {
            let path = item.map_err(|error| ShelfError::Io { path: dir.clone(), error })?.path();
            if path.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            let text = std::fs::read_to_string(&path)
                .map_err(|error| ShelfError::Io { path: path.clone(), error })?;
            let head = match serde_json::from_str::<IdAndYear>(&text) {
                Ok(IdAndYear { id, year }) => Head { id, year, file: Some(path), text },
                // Not even an id and a year: the plan reader says what is wrong, and where.
                Err(_) => {
                    let error = Plan::parse(&text).err().unwrap_or(PlanError {
                        line: 0,
                        column: 0,
                        problem: crate::domain::plan::PlanProblem::NoTargets,
                    });
                    return Err(ShelfError::Plan { path, error });
                }
            };
            heads.push(head);
        }
        let embedded = embedded_head();
        if !heads.iter().any(|h| h.id == embedded.id) {
            heads.push(embedded);
        }
        heads.sort_by(|a, b| (a.year, &a.id).cmp(&(b.year, &b.id)));
        Ok(heads)
    }

    /// The plan of a head, read in full.
    fn load(&self, head: Head) -> Result<Installed, ShelfError> {
        let plan = match &head.file {
            Some(path) => {
                Plan::parse(&head.text).map_err(|error| ShelfError::Plan { path: path.clone(), error })?
            }
            None => Plan::embedded(),
        };
        let store = self.store_for(&plan.id);
        Ok(Installed { plan, file: head.file, store })
    }

    /// Every plan, oldest year first (then by id); the embedded plan unless one installed
    /// replaces it.
    pub fn list(&self) -> Result<Vec<Installed>, ShelfError> {
        self.heads()?.into_iter().map(|head| self.load(head)).collect()
    }

    /// The years of the installed plans, each once, oldest first.
    pub fn years(&self) -> Result<Vec<i16>, ShelfError> {
        let mut years: Vec<i16> = self.heads()?.iter().map(|h| h.year).collect();
        years.dedup();
        Ok(years)
    }

    /// The installed plan of `year`, or the newest whose year has begun by `this_year`
    /// (the embedded plan if none has).
    pub fn choose(&self, year: Option<i16>, this_year: i16) -> Result<Installed, ShelfError> {
        let mut heads = self.heads()?;
        let chosen = match year {
            Some(year) => {
                let of_year: Vec<usize> = (0..heads.len()).filter(|i| heads[*i].year == year).collect();
                match of_year.as_slice() {
                    [one] => *one,
                    [] => {
                        return Err(ShelfError::NoPlanForYear {
                            year,
                            years: heads.iter().map(|h| h.year).collect(),
                        });
                    }
                    _ => {
                        let ids = of_year.iter().map(|i| heads[*i].id.clone()).collect();
                        return Err(ShelfError::SeveralPlansForYear { year, ids });
                    }
                }
            }
            None => heads.iter().rposition(|h| h.year <= this_year).unwrap_or(0),
        };
        self.load(heads.swap_remove(chosen))
    }

    /// The installed plan with this id, if any.
    pub fn find(&self, id: &str) -> Result<Option<Installed>, ShelfError> {
        let head = self.heads()?.into_iter().find(|h| h.id == id);
        head.map(|head| self.load(head)).transpose()
    }

    /// The installed plan of the year before `year`, if exactly one is installed.
    pub fn previous_year(&self, year: i16) -> Result<Option<Installed>, ShelfError> {
        let mut before: Vec<Head> = self.heads()?.into_iter().filter(|h| h.year == year - 1).collect();
        match before.len() {
            1 => before.pop().map(|head| self.load(head)).transpose(),
            _ => Ok(None),
        }
    }

    /// Installs a plan (its text already checked by [`Plan::parse`]): written atomically
    /// as `plans/<id>.json`, replacing the version installed before, which is returned with
    /// the revision recorded (by `author`) when targets changed.
    pub fn install(&self, plan: &Plan, text: &str, author: &str) -> Result<Added, ShelfError> {
        if !is_file_name(&plan.id) {
            return Err(ShelfError::BadId(plan.id.clone()));
        }
        let before = self.find(&plan.id)?;
        let dir = self.plans_dir();
        std::fs::create_dir_all(&dir).map_err(|error| ShelfError::Io { path: dir.clone(), error })?;
        let revision = match &before {
            Some(before) if before.plan.content_hash != plan.content_hash => {
                Some(self.revise(before, plan, text, author)?)
            }
            _ => None,
        };
        let path = self.plan_file(&plan.id);
        crate::store::write_atomically(&path, text.as_bytes(), &path)
            .map_err(|error| ShelfError::Io { path: path.clone(), error })?;
        let installed = Installed { plan: plan.clone(), file: Some(path), store: self.store_for(&plan.id) };
        Ok(Added { installed, before, revision })
    }

    /// Checks a new version against the installed one and its store, and records what
    /// changed (before the new version is written, so no version goes unrecorded).
    fn revise(
        &self,
        before: &Installed,
        plan: &Plan,
        text: &str,
        author: &str,
    ) -> Result<Revision, ShelfError> {
        if before.plan.year != plan.year {
            return Err(ShelfError::YearChanged {
                id: plan.id.clone(),
                installed: before.plan.year,
                new: plan.year,
            });
        }
        let store = crate::store::Store::read_file(&before.store)
            .and_then(|s| s.check(&before.plan))
            .map_err(|e| ShelfError::Store(Box::new(e)))?;
        let dropped: Vec<String> = store
            .ledger()
            .targets()
            .map(|(id, _)| id)
            .filter(|id| *id != crate::domain::ledger::ROUND_TARGET && plan.target(id).is_none())
            .map(str::to_owned)
            .collect();
        if !dropped.is_empty() {
            return Err(ShelfError::DropsTargetsWithFigures { id: plan.id.clone(), targets: dropped });
        }
        let old_text = match &before.file {
            Some(path) => {
                std::fs::read_to_string(path).map_err(|error| ShelfError::Io { path: path.clone(), error })?
            }
            None => crate::domain::plan::EMBEDDED_2024.to_owned(),
        };
        let revision = Revision {
            time: jiff::Timestamp::now(),
            author: author.to_owned(),
            from: before.plan.content_hash.clone(),
            to: plan.content_hash.clone(),
            changes: changes(&old_text, text),
        };
        let mut revisions = self.revisions(&plan.id)?;
        revisions.push(revision.clone());
        let path = self.revisions_file(&plan.id);
        let json = serde_json::to_string_pretty(&revisions).expect("revisions always serialise");
        crate::store::write_atomically(&path, json.as_bytes(), &path)
            .map_err(|error| ShelfError::Io { path: path.clone(), error })?;
        Ok(revision)
    }
}

/// A plan's id and year, as [`Shelf::heads`] reads them (serde skips the rest).
#[derive(Deserialize)]
struct IdAndYear {
    id: String,
    year: i16,
}

/// An installed plan before it is parsed in full.
struct Head {
    id: String,
    year: i16,
    /// `None` for the embedded plan.
    file: Option<PathBuf>,
    text: String,
}

fn embedded_head() -> Head {
    let IdAndYear { id, year } = serde_json::from_str(crate::domain::plan::EMBEDDED_2024)
        .expect("the embedded plan has an id and a year");
    Head { id, year, file: None, text: String::new() }
}

/// The embedded plan's id, read once.
fn embedded_id() -> &'static str {
    static ID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ID.get_or_init(|| embedded_head().id)
}

/// An id that is safe as a file name on every system: letters, digits, `.`, `-`, `_`, not
/// starting with a dot.
fn is_file_name(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('.')
        && id.len() <= 100
        && id.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan_text(id: &str, year: i16) -> String {
        format!(
            r#"{{"format": 1, "id": "{id}", "year": {year}, "title": {{"vi": "Kế hoạch {year}"}},
               "targets": [{{"id": "1", "group": "economic", "name": {{"vi": "Tăng trưởng"}},
               "direction": "at_least", "measure": "level", "target": "7"}}]}}"#
        )
    }

    fn install(shelf: &Shelf, id: &str, year: i16) {
        let text = plan_text(id, year);
        shelf.install(&Plan::parse(&text).expect("plan"), &text, "lan").expect("install");
    }

    #[test]
    fn the_embedded_plan_is_always_there_with_the_old_store() {
        let dir = tempfile::tempdir().expect("temp dir");
        let shelf = Shelf::at(dir.path().to_path_buf());
        let plans = shelf.list().expect("list");
        assert_eq!(plans.len(), 1);
        assert_eq!(plans[0].plan.id, Plan::embedded().id);
        assert_eq!(plans[0].store, dir.path().join("store.json"));
    }

    #[test]
    fn the_default_is_the_newest_plan_whose_year_has_begun() {
        let dir = tempfile::tempdir().expect("temp dir");
        let shelf = Shelf::at(dir.path().to_path_buf());
        install(&shelf, "tinh-2025", 2025);
        install(&shelf, "tinh-2026", 2026);
        assert_eq!(shelf.choose(None, 2025).expect("choose").plan.id, "tinh-2025");
        assert_eq!(shelf.choose(None, 2026).expect("choose").plan.id, "tinh-2026");
        assert_eq!(shelf.choose(Some(2024), 2026).expect("choose").plan.id, Plan::embedded().id);
        let chosen = shelf.choose(Some(2025), 2026).expect("choose");
        assert_eq!(chosen.store, dir.path().join("stores").join("tinh-2025.json"));
        assert!(matches!(shelf.choose(Some(2030), 2026), Err(ShelfError::NoPlanForYear { year: 2030, .. })));
        install(&shelf, "huyen-2025", 2025);
        assert!(matches!(shelf.choose(Some(2025), 2026), Err(ShelfError::SeveralPlansForYear { .. })));
    }

    #[test]
    fn an_id_that_is_not_a_file_name_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let shelf = Shelf::at(dir.path().to_path_buf());
        let text = plan_text("../evil", 2025);
        let plan = Plan::parse(&text).expect("plan");
        assert!(matches!(shelf.install(&plan, &text, "lan"), Err(ShelfError::BadId(_))));
        assert!(!dir.path().join("evil.json").exists());
    }
}
