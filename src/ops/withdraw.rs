//! Withdrawing a figure (undo): `chitieu undo` and the view's `u`. The withdrawal is an entry
//! of its own; history keeps both.

use super::Actor;
use crate::domain::ledger::{Entry, Ledger};
use crate::domain::plan::Plan;
use crate::domain::rounds::{self, ClosedPeriod};
use crate::store::{Merged, SaveError, Store, StoreError};

/// Which figure to withdraw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which<'a> {
    /// The actor's newest figure still standing, as found under the lock.
    Latest,
    /// This entry (the one the user confirmed), if it still stands.
    Entry(&'a str),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Withdrawn {
    pub retraction: Entry,
    pub merged: Merged,
}

#[derive(Debug)]
pub enum WithdrawError {
    /// Nothing of the actor's stands (or the chosen entry was withdrawn meanwhile).
    Nothing,
    /// The figure's period is closed.
    Closed(ClosedPeriod),
    Store(StoreError),
}

/// What [`Which::Latest`] would withdraw now, for asking first: the actor's newest figure
/// still standing in `ledger`.
pub fn candidate<'a>(ledger: &'a Ledger, actor: &Actor) -> Option<&'a Entry> {
    ledger.last_standing_of(|author| actor.is_me(author))
}

/// Withdraws the figure `which` names, deciding under the store's lock on the store as it is
/// on disk: the figure must still stand and its period be open.
pub fn withdraw(
    store: &mut Store,
    plan: &Plan,
    which: Which,
    actor: &Actor,
) -> Result<Withdrawn, WithdrawError> {
    let saved = store.save_checked_with(plan, |fresh| {
        let entry = match which {
            Which::Latest => candidate(fresh, actor),
            Which::Entry(id) => fresh.standing(id),
        }
        .ok_or(WithdrawError::Nothing)?;
        rounds::check_open(fresh, entry.period).map_err(WithdrawError::Closed)?;
        Ok(vec![entry.retraction(actor.new_id(), &actor.author, actor.now)])
    });
    match saved {
        Ok((mut saved, merged)) => match saved.pop() {
            Some(retraction) => Ok(Withdrawn { retraction, merged }),
            None => Err(WithdrawError::Nothing),
        },
        Err(SaveError::Refused(refusal)) => Err(refusal),
        Err(SaveError::Store(e)) => Err(WithdrawError::Store(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ledger::RoundAction;
    use crate::domain::ledger::tests::entry;
    use crate::domain::period::Period;

    fn at(seconds: i64) -> jiff::Timestamp {
        jiff::Timestamp::from_second(1_720_000_000 + seconds).expect("test time")
    }

    fn store(dir: &tempfile::TempDir, plan: &Plan) -> Store {
        Store::open(&dir.path().join("store.json"), plan).expect("open")
    }

    #[test]
    fn undo_withdraws_the_last_standing_entry_under_the_lock() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("store.json");
        let plan = Plan::embedded();
        let lan = Actor::new("lan", at(100));
        let mut mine = store(&dir, &plan);
        assert!(matches!(withdraw(&mut mine, &plan, Which::Latest, &lan), Err(WithdrawError::Nothing)));
        assert!(!path.exists(), "nothing to undo writes nothing");
        mine.save(&plan, vec![entry("a", "3", Period::H1, "4500", 1)]).expect("save");
        // Someone else's process saves a newer figure by the same person.
        let mut other = store(&dir, &plan);
        other.save(&plan, vec![entry("b", "3", Period::H1, "45000", 2)]).expect("save");
        let undone = withdraw(&mut mine, &plan, Which::Latest, &lan).expect("something to undo");
        assert_eq!(
            undone.retraction.retracts.as_deref(),
            Some("b"),
            "the entry on disk, not the one we knew"
        );
        assert_eq!(undone.retraction.time, at(100), "dated by the actor's clock");
        assert_eq!(undone.merged.from_others, 1);
        let reopened = store(&dir, &plan);
        assert_eq!(reopened.ledger().current("3", Period::H1).map(|e| e.id.as_str()), Some("a"));
    }

    /// `chitieu undo` used to check the closed period on the ledger it had read, before the
    /// lock, and `Store::undo` checked nothing: a period closed meanwhile lost a figure.
    #[test]
    fn a_period_closed_meanwhile_refuses_the_withdrawal_under_the_lock() {
        let dir = tempfile::tempdir().expect("tempdir");
        let plan = Plan::embedded();
        let mut mine = store(&dir, &plan);
        mine.save(&plan, vec![entry("a", "3", Period::H1, "4500", 1)]).expect("save");
        let lan = Actor::new("lan", at(100));
        assert_eq!(candidate(mine.ledger(), &lan).map(|e| e.id.as_str()), Some("a"), "asked about a");
        // While the question is on screen, the office closes h1.
        let mut office = store(&dir, &plan);
        let close = Actor::new("office", at(50));
        crate::ops::round::save(&mut office, &plan, RoundAction::ClosePeriod, Period::H1, &close)
            .expect("close");
        for which in [Which::Latest, Which::Entry("a")] {
            let refused = withdraw(&mut mine, &plan, which, &lan);
            assert!(
                matches!(refused, Err(WithdrawError::Closed(ref c)) if c.period == Period::H1),
                "{refused:?}"
            );
        }
        let reopened = store(&dir, &plan);
        assert_eq!(
            reopened.ledger().current("3", Period::H1).map(|e| e.id.as_str()),
            Some("a"),
            "still stands"
        );
    }

    /// The command line wrote an unknown author in the interface's language ("không rõ" or
    /// "unknown") and the view "?": `undo --lang en` could not find what `set` saved in
    /// Vietnamese. One author now, and the old names are still found.
    #[test]
    fn the_unknown_author_finds_what_any_version_saved_for_them() {
        let dir = tempfile::tempdir().expect("tempdir");
        let plan = Plan::embedded();
        let mut mine = store(&dir, &plan);
        let nobody = Actor::new("", at(100));
        assert_eq!(nobody.author, crate::ops::UNKNOWN_AUTHOR);
        let mut before = entry("old", "3", Period::Q1, "2000", 1);
        before.author = "không rõ".into();
        mine.save(&plan, vec![before]).expect("save");
        let figure = crate::ops::record::Figure {
            target: "5",
            period: Period::Q1,
            value: rust_decimal::Decimal::ONE,
            kind: crate::domain::ledger::Kind::Official,
            note: "",
            typed: None,
        };
        let recorded = crate::ops::record::record(&mut mine, &plan, &figure, &nobody, false).expect("record");
        assert_eq!(recorded.entry.author, "?");
        let later = Actor::new("", at(200));
        let first = withdraw(&mut mine, &plan, Which::Latest, &later).expect("the new one");
        assert_eq!(first.retraction.retracts.as_deref(), Some(recorded.entry.id.as_str()));
        let second = withdraw(&mut mine, &plan, Which::Latest, &later).expect("the old one");
        assert_eq!(second.retraction.retracts.as_deref(), Some("old"));
        let lan = Actor::new("lan", at(300));
        assert!(candidate(mine.ledger(), &lan).is_none(), "a named user's undo never takes the unknown's");
    }
}
