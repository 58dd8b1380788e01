//! Closing and reopening a reporting period (*chốt số liệu*).

use super::Actor;
use crate::domain::ledger::{Entry, RoundAction};
use crate::domain::period::Period;
use crate::domain::plan::Plan;
use crate::domain::rounds;
use crate::store::{Merged, SaveError, Store, StoreError};

/// What [`save`] came to.
#[derive(Debug, Clone, PartialEq)]
pub enum Saved {
    /// The round entry is on disk; with what others had saved meanwhile.
    Done(Merged),
    /// Closing a period that someone had already closed: nothing written.
    AlreadyClosed(Entry),
    /// Reopening a period that is open: nothing written.
    AlreadyOpen,
}

/// Closes or reopens `period` in `store`, as `actor`: decided under the store's lock on the
/// store as it is on disk, so two people closing at once write one closing.
pub fn save(
    store: &mut Store,
    plan: &Plan,
    action: RoundAction,
    period: Period,
    actor: &Actor,
) -> Result<Saved, StoreError> {
    let entry = Entry::round(actor.new_id(), action, period, &actor.author, actor.now);
    // Decided and marked under the lock: the new round entry supersedes every round entry of
    // the period on disk, so it is in force whatever their dates.
    let saved = store.save_checked_with(plan, |fresh| match (action, rounds::closed(fresh, period)) {
        (RoundAction::ClosePeriod, Some(close)) => Err(Some(Box::new(close.clone()))),
        (RoundAction::ReopenPeriod, None) => Err(None),
        _ => {
            let mut entry = entry;
            entry.supersedes = Some(rounds::seen(fresh, period));
            Ok(vec![entry])
        }
    });
    match saved {
        Ok((_, merged)) => Ok(Saved::Done(merged)),
        Err(SaveError::Refused(Some(close))) => Ok(Saved::AlreadyClosed(*close)),
        Err(SaveError::Refused(None)) => Ok(Saved::AlreadyOpen),
        Err(SaveError::Store(e)) => Err(e),
    }
}
