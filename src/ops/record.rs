//! Recording a figure: `chitieu set` and the view's form.

use super::Actor;
use crate::domain::ledger::{Entry, Kind};
use crate::domain::period::Period;
use crate::domain::plan::Plan;
use crate::domain::rounds::{self, ClosedPeriod};
use crate::domain::sharp::{self, SharpChange};
use crate::store::{Merged, SaveError, Store, StoreError};
use rust_decimal::Decimal;

/// A figure to record, as parsed at the edge.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure<'a> {
    pub target: &'a str,
    pub period: Period,
    pub value: Decimal,
    pub kind: Kind,
    pub note: &'a str,
    /// The value as typed, and the style it was read in, when it was typed: `9,500` in
    /// Vietnamese is questioned as a likely English thousands separator.
    pub typed: Option<(&'a str, crate::domain::number::NumberStyle)>,
}

/// The figure is on disk.
#[derive(Debug, Clone, PartialEq)]
pub struct Recorded {
    pub entry: Entry,
    /// What others had saved meanwhile.
    pub merged: Merged,
}

/// Why nothing was recorded.
#[derive(Debug)]
pub enum RecordError {
    /// The period is closed (found before or under the lock).
    Closed(ClosedPeriod),
    /// Far from the previous period's figure or the period's expectation, or typed like an
    /// English thousands separator: ask, then record again with `sharp_confirmed`.
    Sharp(Vec<SharpChange>),
    Store(StoreError),
}

/// Records `figure` by `actor`, unless its period is closed (checked again under the lock,
/// against what others saved a moment ago) or it is a sharp change the user has not
/// confirmed. The entry marks the figures its author saw, so it resolves a conflict.
pub fn record(
    store: &mut Store,
    plan: &Plan,
    figure: &Figure,
    actor: &Actor,
    sharp_confirmed: bool,
) -> Result<Recorded, RecordError> {
    let period = figure.period;
    rounds::check_open(store.ledger(), period).map_err(RecordError::Closed)?;
    if !sharp_confirmed {
        let questions =
            sharp::questions(plan, store.ledger(), figure.target, period, figure.value, figure.typed);
        if !questions.is_empty() {
            return Err(RecordError::Sharp(questions));
        }
    }
    let note = crate::domain::text::clean(figure.note);
    let mut entry = Entry::figure(
        actor.new_id(),
        figure.target,
        period,
        figure.value,
        figure.kind,
        &actor.author,
        actor.now,
    )
    .with_note(note.trim());
    crate::domain::conflict::mark_seen(store.ledger(), &mut entry);
    match store.save_checked(plan, vec![entry.clone()], |fresh| rounds::check_open(fresh, period)) {
        Ok(merged) => Ok(Recorded { entry, merged }),
        Err(SaveError::Refused(closed)) => Err(RecordError::Closed(closed)),
        Err(SaveError::Store(e)) => Err(RecordError::Store(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ledger::RoundAction;

    fn at(seconds: i64) -> jiff::Timestamp {
        jiff::Timestamp::from_second(1_720_000_000 + seconds).expect("test time")
    }

    fn figure(value: i64) -> Figure<'static> {
        Figure {
            target: "3",
            period: Period::H1,
            value: Decimal::from(value),
            kind: Kind::Official,
            note: " Sở\u{202e} ",
            typed: None,
        }
    }

    #[test]
    fn a_figure_is_dated_by_the_actors_clock_and_cleaned() {
        let dir = tempfile::tempdir().expect("tempdir");
        let plan = Plan::embedded();
        let mut store = Store::open(&dir.path().join("store.json"), &plan).expect("open");
        let lan = Actor::new(" lan\u{1b} ", at(5));
        let recorded = record(&mut store, &plan, &figure(4500), &lan, false).expect("record");
        assert_eq!((recorded.entry.time, recorded.entry.author.as_str()), (at(5), "lan"));
        assert_eq!(recorded.entry.note, "Sở");
        let reopened = Store::open(&dir.path().join("store.json"), &plan).expect("open");
        assert_eq!(reopened.ledger().entries(), [recorded.entry]);
    }

    #[test]
    fn a_sharp_change_waits_for_a_yes_and_a_closed_period_is_refused_under_the_lock() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("store.json");
        let plan = Plan::embedded();
        let mut store = Store::open(&path, &plan).expect("open");
        let lan = Actor::new("lan", at(5));
        let q1 = Figure { period: Period::Q1, ..figure(2000) };
        record(&mut store, &plan, &q1, &lan, false).expect("q1");
        let sharp = record(&mut store, &plan, &figure(46_330), &lan, false);
        assert!(
            matches!(sharp, Err(RecordError::Sharp(ref c)) if c[0].previous_period == Period::Q1),
            "{sharp:?}"
        );
        assert_eq!(store.ledger().len(), 1, "nothing saved before the yes");
        // Someone closes h1 after this process last read the store: refused under the lock.
        let mut office = Store::open(&path, &plan).expect("open");
        crate::ops::round::save(
            &mut office,
            &plan,
            RoundAction::ClosePeriod,
            Period::H1,
            &Actor::new("office", at(6)),
        )
        .expect("close");
        let closed = record(&mut store, &plan, &figure(46_330), &lan, true);
        assert!(matches!(closed, Err(RecordError::Closed(ref c)) if c.period == Period::H1), "{closed:?}");
        assert_eq!(Store::open(&path, &plan).expect("open").ledger().len(), 2, "q1 and the closing only");
    }
}
