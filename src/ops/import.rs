//! Taking in a change file from a colleague: `chitieu import`. In two steps, so the command can
//! ask in between: [`prepare`] reads and judges the file against the store, [`apply`] saves
//! what is new, judging it again under the lock.

use crate::domain::conflict::{self, Conflict};
use crate::domain::exchange::{self, ExchangeError, Incoming};
use crate::domain::ledger::{Entry, Ledger};
use crate::domain::plan::Plan;
use crate::domain::rounds::{self, ClosedPeriod};
use crate::domain::sharp::{self, SharpChange};
use crate::store::{SaveError, Store, StoreError};

/// A change file read and found acceptable so far.
#[derive(Debug)]
pub struct Prepared {
    pub incoming: Incoming,
    /// Its new figures far from the previous period's (in the store with the file merged
    /// in): the user is asked about these before [`apply`].
    pub sharp: Vec<SharpChange>,
    /// Periods whose closed/open state the file changes (a field laptop that reopened a
    /// period the office closed, or closed one): each with whether it is closed after the
    /// import. Said, and taken only with the user's yes.
    pub rounds_changed: Vec<(crate::domain::period::Period, bool)>,
}

/// What the import did.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported<'s> {
    pub added: usize,
    /// Entries of the file the store already had.
    pub already: usize,
    /// Conflicts in the store that involve an entry of the file.
    pub conflicts: Vec<Conflict<'s>>,
}

/// Why nothing was imported.
#[derive(Debug)]
pub enum ImportError {
    /// The file is not a change file for this plan.
    File(ExchangeError),
    /// An entry of the file is in a period closed before it was made.
    Closed(Box<(Entry, ClosedPeriod)>),
    /// An entry of the file has the id of a different entry in the store.
    Clash(String),
    Store(StoreError),
}

/// Reads change file `text` against the store: refused when it is not a change file, when an
/// entry clashes with the store's or falls in a closed period.
pub fn prepare(store: &Store, plan: &Plan, text: &str) -> Result<Prepared, ImportError> {
    let incoming = exchange::read(text, plan, store.ledger()).map_err(ImportError::File)?;
    admit(store.ledger(), &incoming.new)?;
    // Sharp changes, each new figure against the previous period in the merged ledger.
    let mut merged = store.ledger().clone();
    merged.merge(incoming.new.iter().cloned());
    let sharp = incoming
        .new
        .iter()
        .filter(|e| !e.is_round() && e.retracts.is_none())
        .filter(|e| merged.current(&e.target, e.period).is_some_and(|c| c.id == e.id))
        .flat_map(|e| sharp::questions(plan, &merged, &e.target, e.period, e.value, None))
        .collect();
    let rounds_changed = crate::domain::period::Period::ALL
        .into_iter()
        .filter_map(|p| {
            let (was, is) =
                (rounds::closed(store.ledger(), p).is_some(), rounds::closed(&merged, p).is_some());
            (was != is).then_some((p, is))
        })
        .collect();
    Ok(Prepared { incoming, sharp, rounds_changed })
}

/// Saves the new entries of `prepared` (the user has confirmed its sharp changes), judged
/// again under the lock against the store as it is on disk. With nothing new the store is
/// left byte for byte as it was.
pub fn apply<'s>(
    store: &'s mut Store,
    plan: &Plan,
    prepared: &Prepared,
) -> Result<Imported<'s>, ImportError> {
    let new = &prepared.incoming.new;
    // Fields of the file's entries that this build does not know go into the store with them.
    for entry in new {
        if let Some(fields) = prepared.incoming.file.extra.get(&entry.id) {
            store.keep_fields(entry.id.clone(), fields.clone());
        }
    }
    let mut added = 0;
    if !new.is_empty() {
        store
            .save_checked(plan, new.clone(), |fresh| {
                admit(fresh, new)?;
                added = new.iter().filter(|e| !fresh.contains(&e.id)).count();
                Ok(())
            })
            .map_err(|e| match e {
                SaveError::Store(e) => ImportError::Store(e),
                SaveError::Refused(refusal) => refusal,
            })?;
    }
    let file = &prepared.incoming.file.entries;
    let file_ids: std::collections::HashSet<&str> = file.iter().map(|e| e.id.as_str()).collect();
    let conflicts = conflict::conflicts(store.ledger())
        .into_iter()
        .filter(|c| c.entries.iter().any(|e| file_ids.contains(e.id.as_str())))
        .collect();
    Ok(Imported { added, already: file.len() - added, conflicts })
}

/// Whether `new` may join `before`: no id of a different entry, nothing in a closed period.
fn admit(before: &Ledger, new: &[Entry]) -> Result<(), ImportError> {
    let mine: std::collections::HashMap<&str, &Entry> =
        before.entries().iter().map(|e| (e.id.as_str(), e)).collect();
    if let Some(e) = new.iter().find(|e| mine.get(e.id.as_str()).is_some_and(|m| *m != *e)) {
        return Err(ImportError::Clash(e.id.clone()));
    }
    let mut merged = before.clone();
    merged.merge(new.iter().cloned());
    match rounds::first_refused_on_import(before, &merged, new) {
        Some(found) => Err(ImportError::Closed(Box::new(found))),
        None => Ok(()),
    }
}
