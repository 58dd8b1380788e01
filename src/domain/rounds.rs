//! Closing a round (*chốt số liệu*): once a period's figures are final, no new entry for it is
//! taken until the period is reopened.
//!
//! Both are entries in the ledger like any figure, so they travel in change files, merge by
//! union and stay in history: an entry with `action` `close_period` or `reopen_period`,
//! target [`ROUND_TARGET`] (`"*"`, the whole period), value 0. The round entry **in force** for
//! a period is its latest one in ledger order (time, then id); the period is closed when that
//! entry is a closing. `set`, the TUI and `import` call [`check_open`] (or
//! [`refused_on_import`]) before saving; [`save`] is the one way `close-period`,
//! `reopen-period` and the TUI's key record a round (through `Store::save_checked`).

use crate::domain::ledger::{Entry, Ledger, ROUND_TARGET, RoundAction};
use crate::domain::period::Period;

/// A period that is closed: who closed it and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClosedPeriod {
    pub period: Period,
    pub by: String,
    pub at: jiff::Timestamp,
    /// The id of the closing entry in force.
    pub entry: String,
}

impl ClosedPeriod {
    fn of(entry: &Entry) -> ClosedPeriod {
        ClosedPeriod {
            period: entry.period,
            by: entry.author.clone(),
            at: entry.time,
            entry: entry.id.clone(),
        }
    }
}

/// The latest round entry (closing or reopening) for `period`, if any. Round entries have
/// target [`ROUND_TARGET`] (a store with one that does not is refused on reading), so the
/// ledger's per-target index finds them without a scan of every entry.
///
/// As for figures, a round entry replaces the ones its author had in front of them (its
/// `supersedes`, filled by [`seen`]), whatever the clocks say: a closing dated 2099 by a
/// wrong clock is undone by the reopening made after it. Time decides only between round
/// entries that did not see each other.
pub fn in_force(ledger: &Ledger, period: Period) -> Option<&Entry> {
    let rounds: Vec<&Entry> =
        ledger.of_target(ROUND_TARGET).filter(|e| e.is_round() && e.period == period).collect();
    let superseded = |e: &Entry| {
        rounds.iter().any(|other| {
            other.id != e.id && other.supersedes.as_ref().is_some_and(|seen| seen.contains(&e.id))
        })
    };
    rounds.iter().rev().find(|e| !superseded(e)).or(rounds.last()).copied()
}

/// The ids of the round entries of `period` in `ledger`: what a new round entry for it
/// supersedes (its author has them in front of them).
pub fn seen(ledger: &Ledger, period: Period) -> Vec<String> {
    ledger
        .of_target(ROUND_TARGET)
        .filter(|e| e.is_round() && e.period == period)
        .map(|e| e.id.clone())
        .collect()
}

/// The closing in force for `period`, if the period is closed.
pub fn closed(ledger: &Ledger, period: Period) -> Option<&Entry> {
    in_force(ledger, period).filter(|e| e.action == Some(RoundAction::ClosePeriod))
}

/// Whether a new entry for `period` may be taken now. `set` and the TUI call this (on the
/// store as last read, and again under the lock through `Store::save_checked`) before saving
/// any entry for the period, a withdrawal included.
pub fn check_open(ledger: &Ledger, period: Period) -> Result<(), ClosedPeriod> {
    match closed(ledger, period) {
        Some(close) => Err(ClosedPeriod::of(close)),
        None => Ok(()),
    }
}

/// Whether an imported figure `entry`, new to the store, must be refused: its period is closed
/// once the file's own round entries are merged (`merged`), and either this store already had
/// that closing before the import (`before`: the office's closing binds what arrives later) or
/// the entry was made after the closing. A field laptop that closed its own round brings its
/// figures along with its closing; figures made elsewhere cannot slip into a round this store
/// had closed.
pub fn refused_on_import(before: &Ledger, merged: &Ledger, entry: &Entry) -> Option<ClosedPeriod> {
    first_refused_on_import(before, merged, std::slice::from_ref(entry)).map(|(_, closed)| closed)
}

/// The first of `new` entries that [`refused_on_import`] refuses, with the closing that
/// refuses it; each period's closing is looked up once, so this is linear in the ledger.
pub fn first_refused_on_import(
    before: &Ledger,
    merged: &Ledger,
    new: &[Entry],
) -> Option<(Entry, ClosedPeriod)> {
    let closes = Period::ALL.map(|p| closed(merged, p));
    new.iter().filter(|e| !e.is_round()).find_map(|entry| {
        let close = closes[Period::ALL.iter().position(|p| *p == entry.period)?]?;
        let binding = before.contains(&close.id) || (entry.time, &entry.id) > (close.time, &close.id);
        binding.then(|| (entry.clone(), ClosedPeriod::of(close)))
    })
}

/// A new round entry recording `action` for `period`, by `author` at `time`; its id is made
/// like every entry's (`ledger::new_entry_id`), from `origin` (host and author).
pub fn entry(action: RoundAction, period: Period, author: &str, time: jiff::Timestamp) -> Entry {
    entry_from(action, period, author, time, author)
}

/// [`entry`] with the origin given (`store::origin(author)` in the commands).
pub fn entry_from(
    action: RoundAction,
    period: Period,
    author: &str,
    time: jiff::Timestamp,
    origin: &str,
) -> Entry {
    Entry::round(crate::domain::ledger::new_entry_id(time, origin), action, period, author, time)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ledger::tests::entry as figure;

    fn at(seconds: i64) -> jiff::Timestamp {
        jiff::Timestamp::from_second(1_720_000_000 + seconds).expect("time")
    }

    fn round(id: &str, action: RoundAction, period: Period, seconds: i64) -> Entry {
        Entry { id: id.into(), ..entry(action, period, "lan", at(seconds)) }
    }

    #[test]
    fn the_latest_round_entry_decides() {
        let mut ledger = Ledger::new([figure("a", "3", Period::H1, "4500", 0)]);
        assert_eq!(check_open(&ledger, Period::H1), Ok(()));
        ledger.merge([round("c1", RoundAction::ClosePeriod, Period::H1, 10)]);
        let closed = check_open(&ledger, Period::H1).expect_err("closed");
        assert_eq!((closed.by.as_str(), closed.entry.as_str()), ("lan", "c1"));
        assert_eq!(check_open(&ledger, Period::Q1), Ok(()), "other periods stay open");
        ledger.merge([round("r1", RoundAction::ReopenPeriod, Period::H1, 20)]);
        assert_eq!(check_open(&ledger, Period::H1), Ok(()));
        ledger.merge([round("c2", RoundAction::ClosePeriod, Period::H1, 30)]);
        assert!(check_open(&ledger, Period::H1).is_err());
        // Round entries are not figures: the current h1 figure is still the revenue entry.
        assert_eq!(ledger.current("3", Period::H1).map(|e| e.id.as_str()), Some("a"));
        assert_eq!(ledger.last_standing_by("lan").map(|e| e.id.as_str()), Some("a"), "undo skips rounds");
    }

    #[test]
    fn the_new_fields_are_optional_and_old_entries_read_as_before() {
        let old = r#"{"id":"e1","target":"3","period":"h1","value":"4800","kind":"official",
                      "note":"","author":"minh","time":"2024-07-05T03:00:00Z"}"#;
        let entry: Entry = serde_json::from_str(old).expect("an entry without the new fields");
        assert_eq!((entry.supersedes.clone(), entry.action), (None, None));
        let written = serde_json::to_value(&entry).expect("json");
        assert!(written.get("supersedes").is_none() && written.get("action").is_none(), "{written}");

        let close =
            serde_json::to_value(round("c", RoundAction::ClosePeriod, Period::NineMonths, 0)).expect("json");
        assert_eq!(
            (
                close["target"].as_str(),
                close["period"].as_str(),
                close["value"].as_str(),
                close["action"].as_str()
            ),
            (Some("*"), Some("9m"), Some("0"), Some("close_period"))
        );
        let mut seen = figure("s", "3", Period::H1, "1", 0);
        seen.supersedes = Some(vec!["e1".into()]);
        assert_eq!(serde_json::to_value(&seen).expect("json")["supersedes"], serde_json::json!(["e1"]));
    }

    #[test]
    fn import_respects_the_stores_closing_and_the_files_own() {
        let office_close = round("c-office", RoundAction::ClosePeriod, Period::H1, 100);
        let before = Ledger::new([office_close.clone()]);
        let early = figure("early", "3", Period::H1, "4500", 50);
        let mut merged = before.clone();
        merged.merge([early.clone()]);
        assert!(refused_on_import(&before, &merged, &early).is_some(), "the office had closed h1");

        // The field laptop closed its own round after entering its figures.
        let field_close = round("c-field", RoundAction::ClosePeriod, Period::H1, 100);
        let before = Ledger::default();
        let merged = Ledger::new([early.clone(), field_close.clone()]);
        assert_eq!(refused_on_import(&before, &merged, &early), None);
        let late = figure("late", "3", Period::H1, "4600", 150);
        assert!(refused_on_import(&before, &Ledger::new([late.clone(), field_close]), &late).is_some());

        // A later reopening in the file opens the period again.
        let reopen = round("r", RoundAction::ReopenPeriod, Period::H1, 120);
        let before = Ledger::new([office_close]);
        let mut merged = before.clone();
        merged.merge([late.clone(), reopen]);
        assert_eq!(refused_on_import(&before, &merged, &late), None);
    }
}
