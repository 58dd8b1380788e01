//! Actual figures: an append-only list of entries.
//!
//! Nothing is ever overwritten. The current actual of a target for a period is its latest
//! entry that no other entry retracts, so undo, history, concurrent edits and offline merges
//! are all one operation: the union of entries by id. Entries are kept sorted by time, then
//! id, so two ledgers holding the same entries are equal whatever order they were merged in.

use crate::status::Period;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// ước thực hiện
    Estimate,
    /// chính thức
    Official,
}

impl Kind {
    pub fn key(self) -> &'static str {
        match self {
            Kind::Estimate => "estimate",
            Kind::Official => "official",
        }
    }
}

/// One figure entered by one person. The field names are a contract with other tools that
/// read the store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Unique across every store the entry will ever reach.
    pub id: String,
    pub target: String,
    pub period: Period,
    #[serde(with = "value_string")]
    pub value: Decimal,
    pub kind: Kind,
    #[serde(default)]
    pub note: String,
    /// The login name of whoever entered it.
    pub author: String,
    pub time: jiff::Timestamp,
    /// For a withdrawal: the id of the entry it withdraws. Its target, period and value
    /// repeat that entry's, so history reads on its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retracts: Option<String>,
    /// The ids of the entries for the same target and period that stood when this one was
    /// made: its author had seen them, so this entry replaces them rather than contradicting
    /// them. Absent in files written before it existed, which read as "saw none". See
    /// `conflict` for how it decides what is a conflict.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supersedes: Option<Vec<String>>,
    /// For a round entry (closing or reopening a period), what it records; `None` for a
    /// figure. A round entry has `target` [`ROUND_TARGET`] and value 0. See `rounds`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<Action>,
}

/// The `target` of a round entry: the whole period, not one target. No plan has a target
/// with this id, so a build that does not know round entries refuses the store rather than
/// reading a closing as a figure.
pub const ROUND_TARGET: &str = "*";

/// What a round entry records about its period (*chốt số liệu*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// The period's figures are final: no new entry for it is taken.
    ClosePeriod,
    /// Entries for the period are taken again.
    ReopenPeriod,
}

impl Action {
    pub fn key(self) -> &'static str {
        match self {
            Action::ClosePeriod => "close_period",
            Action::ReopenPeriod => "reopen_period",
        }
    }
}

impl Entry {
    /// Whether this entry closes or reopens a period rather than giving a figure.
    pub fn is_round(&self) -> bool {
        self.action.is_some()
    }

    /// Whether this entry withdraws another.
    pub fn is_retraction(&self) -> bool {
        self.retracts.is_some()
    }

    /// A withdrawal of this entry by `author`: same target, period, value and kind, so
    /// history reads on its own.
    pub fn retraction(&self, id: String, author: &str, time: jiff::Timestamp) -> Entry {
        Entry {
            id,
            target: self.target.clone(),
            period: self.period,
            value: self.value,
            kind: self.kind,
            note: String::new(),
            author: author.to_owned(),
            time,
            retracts: Some(self.id.clone()),
            supersedes: None,
            action: None,
        }
    }

    /// Which of two differing entries with one id a merge keeps: a total order on content.
    #[allow(clippy::type_complexity)]
    fn conflict_key(
        &self,
    ) -> (
        jiff::Timestamp,
        &str,
        Period,
        Decimal,
        u32,
        &str,
        &str,
        &str,
        Option<&str>,
        Option<&[String]>,
        Option<&'static str>,
    ) {
        (
            self.time,
            &self.target,
            self.period,
            self.value,
            self.value.scale(),
            self.kind.key(),
            &self.note,
            &self.author,
            self.retracts.as_deref(),
            self.supersedes.as_deref(),
            self.action.map(Action::key),
        )
    }

    fn order_key(&self) -> (jiff::Timestamp, &str) {
        (self.time, &self.id)
    }
}

/// Every entry, with an index of the current figure per target and period.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ledger {
    entries: Vec<Entry>,
    /// id → index in `entries`.
    ids: HashMap<String, usize>,
    /// target → for each period (in `Period::ALL` order), the index in `entries` of its
    /// current figure.
    current: HashMap<String, [Option<usize>; 4]>,
    /// target → the indices in `entries` of its entries (round entries under their own
    /// `target`), oldest first.
    by_target: HashMap<String, Vec<usize>>,
}

impl Ledger {
    pub fn new(entries: impl IntoIterator<Item = Entry>) -> Ledger {
        let mut ledger = Ledger::default();
        ledger.merge(entries);
        ledger
    }

    /// All entries, oldest first.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn contains(&self, id: &str) -> bool {
        self.ids.contains_key(id)
    }

    /// Adds the entries this ledger does not have yet (by id) and returns how many were new.
    /// Commutative, associative and idempotent. Ids are unique by construction; should two
    /// differing entries share one all the same (a hand-edited file), the same one of them
    /// is kept whatever the order of merging, and `chitieu check` reports the conflict.
    pub fn merge(&mut self, entries: impl IntoIterator<Item = Entry>) -> usize {
        let before = self.entries.len();
        let mut replaced = false;
        let entries = entries.into_iter();
        // Room for them all at once (a store read from its file is 100,000 entries), rather
        // than doubling on the way with two copies alive.
        self.entries.reserve(entries.size_hint().0);
        self.ids.reserve(entries.size_hint().0);
        for entry in entries {
            match self.ids.get(entry.id.as_str()) {
                None => {
                    self.ids.insert(entry.id.clone(), self.entries.len());
                    self.entries.push(entry);
                }
                Some(&i) => {
                    if self.entries[i] != entry && entry.conflict_key() < self.entries[i].conflict_key() {
                        self.entries[i] = entry;
                        replaced = true;
                    }
                }
            }
        }
        let added = self.entries.len() - before;
        if !replaced && added > 0 && self.appended_in_order(before) {
            // The common cases: a store read from its file (written in order), and new
            // figures made now. Every index already points where it should; only the
            // current figures need the new entries, and only a withdrawal can change an
            // older one.
            if self.entries[before..].iter().any(Entry::is_retraction) {
                self.reindex();
            } else {
                self.index_current(before);
            }
            self.index_targets(before);
        } else if added > 0 || replaced {
            self.entries.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
            self.ids = self.entries.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
            self.reindex();
            self.by_target.clear();
            self.index_targets(0);
        }
        added
    }

    /// Whether the entries from `from` on come after all the others and are in order.
    fn appended_in_order(&self, from: usize) -> bool {
        self.entries[from.saturating_sub(1)..].windows(2).all(|w| w[0].order_key() < w[1].order_key())
    }

    fn reindex(&mut self) {
        self.current.clear();
        self.index_current(0);
    }

    /// Makes the standing figures among the entries from `from` on current (they are the
    /// newest for their target and period).
    fn index_current(&mut self, from: usize) {
        let retracted: HashSet<&str> = self.entries.iter().filter_map(|e| e.retracts.as_deref()).collect();
        for (i, e) in self.entries.iter().enumerate().skip(from) {
            if e.retracts.is_none() && !e.is_round() && !retracted.contains(e.id.as_str()) {
                // Sorted oldest first, so the last one standing wins. The target's name is
                // copied only the first time it is seen.
                let slots = match self.current.get_mut(e.target.as_str()) {
                    Some(slots) => slots,
                    None => self.current.entry(e.target.clone()).or_default(),
                };
                slots[period_index(e.period)] = Some(i);
            }
        }
    }

    /// Adds the entries from `from` on to the per-target index (they come after the others).
    fn index_targets(&mut self, from: usize) {
        for (i, e) in self.entries.iter().enumerate().skip(from) {
            match self.by_target.get_mut(e.target.as_str()) {
                Some(list) => list.push(i),
                None => {
                    self.by_target.insert(e.target.clone(), vec![i]);
                }
            }
        }
    }

    /// The entries whose `target` is `target` (round entries under [`ROUND_TARGET`]), oldest
    /// first: the per-target index, without a scan of the whole ledger.
    pub fn of_target<'a>(&'a self, target: &str) -> impl DoubleEndedIterator<Item = &'a Entry> + 'a {
        self.by_target.get(target).into_iter().flatten().map(|&i| &self.entries[i])
    }

    /// Every target id that has entries, with the indices in [`Ledger::entries`] of its
    /// entries, oldest first; in no particular order.
    pub fn targets(&self) -> impl Iterator<Item = (&str, &[usize])> {
        self.by_target.iter().map(|(t, list)| (t.as_str(), list.as_slice()))
    }

    /// The current figure of `target` for `period`: its latest entry not withdrawn.
    pub fn current(&self, target: &str, period: Period) -> Option<&Entry> {
        let index = self.current.get(target)?[period_index(period)]?;
        Some(&self.entries[index])
    }

    /// The current figure of the latest period of `target` that has one.
    pub fn latest(&self, target: &str) -> Option<&Entry> {
        let index = self.current.get(target)?.iter().rev().find_map(|i| *i)?;
        Some(&self.entries[index])
    }

    /// Entries for `target` (all targets when `None`), newest first.
    pub fn history<'a>(&'a self, target: Option<&'a str>) -> impl Iterator<Item = &'a Entry> + 'a {
        let all = target.is_none().then(|| self.entries.iter().rev());
        let one = target.map(|t| self.of_target(t).rev());
        all.into_iter().flatten().chain(one.into_iter().flatten())
    }

    /// The withdrawal that "undo" by `author` would save: of their newest entry still
    /// standing, or `None` when they have nothing left to withdraw.
    pub fn undo_by(&self, author: &str, id: String, time: jiff::Timestamp) -> Option<Entry> {
        self.last_standing_by(author).map(|e| e.retraction(id, author, time))
    }

    /// The newest entry by `author` that is still standing: what "undo" withdraws.
    pub fn last_standing_by(&self, author: &str) -> Option<&Entry> {
        let retracted: HashSet<&str> = self.entries.iter().filter_map(|e| e.retracts.as_deref()).collect();
        self.entries.iter().rev().find(|e| {
            e.author == author && e.retracts.is_none() && !e.is_round() && !retracted.contains(e.id.as_str())
        })
    }
}

/// Values are decimal strings in plain notation (`"76.56"`), never JSON numbers, and never
/// exponents or underscores, which other readers would take differently.
mod value_string {
    use rust_decimal::Decimal;
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&crate::number::plain(*value))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        crate::plan::decimal_string(d)?.ok_or_else(|| serde::de::Error::custom("a decimal string"))
    }
}

/// A new entry id, unique across machines and processes without any coordination: the time
/// in nanoseconds, the process id, a counter within the process, and a short hash of
/// `origin` (host and author), so two laptops saving in the same nanosecond still differ.
pub fn new_entry_id(time: jiff::Timestamp, origin: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut hash: u32 = 0x811c_9dc5;
    for byte in origin.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    format!("{:x}-{:x}-{count:x}-{hash:08x}", time.as_nanosecond().unsigned_abs(), std::process::id())
}

fn period_index(period: Period) -> usize {
    Period::ALL.iter().position(|p| *p == period).unwrap_or_default()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    pub fn entry(id: &str, target: &str, period: Period, value: &str, seconds: i64) -> Entry {
        Entry {
            id: id.into(),
            target: target.into(),
            period,
            value: Decimal::from_str_exact(value).expect("test decimal"),
            kind: Kind::Official,
            note: String::new(),
            author: "lan".into(),
            time: jiff::Timestamp::from_second(1_720_000_000 + seconds).expect("test time"),
            retracts: None,
            supersedes: None,
            action: None,
        }
    }

    #[test]
    fn the_latest_entry_is_the_current_figure() {
        let ledger = Ledger::new([
            entry("b", "3", Period::H1, "4700", 20),
            entry("a", "3", Period::H1, "4500", 10),
            entry("c", "3", Period::Q1, "2000", 30),
        ]);
        assert_eq!(ledger.current("3", Period::H1).map(|e| e.id.as_str()), Some("b"));
        assert_eq!(ledger.current("3", Period::Q1).map(|e| e.id.as_str()), Some("c"));
        assert_eq!(ledger.current("3", Period::Year), None);
        // The latest *period* with a figure, not the latest entry in time.
        assert_eq!(ledger.latest("3").map(|e| e.id.as_str()), Some("b"));
    }

    #[test]
    fn a_withdrawal_restores_the_previous_figure_and_history_keeps_both() {
        let mut ledger =
            Ledger::new([entry("a", "3", Period::H1, "4500", 10), entry("b", "3", Period::H1, "45000", 20)]);
        let mut undo = entry("u", "3", Period::H1, "45000", 30);
        undo.retracts = Some("b".into());
        ledger.merge([undo]);
        assert_eq!(ledger.current("3", Period::H1).map(|e| e.id.as_str()), Some("a"));
        let ids: Vec<_> = ledger.history(Some("3")).map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["u", "b", "a"]);
        assert_eq!(ledger.last_standing_by("lan").map(|e| e.id.as_str()), Some("a"));
    }

    #[test]
    fn undo_withdraws_the_authors_own_entries_newest_first() {
        let mut ledger =
            Ledger::new([entry("a", "3", Period::H1, "4500", 10), entry("b", "3", Period::H1, "4700", 20)]);
        let mut other = entry("c", "3", Period::H1, "4800", 30);
        other.author = "minh".into();
        ledger.merge([other]);
        let time = jiff::Timestamp::from_second(1_720_000_100).expect("time");
        let undo = ledger.undo_by("lan", "u1".into(), time).expect("something to undo");
        assert_eq!(undo.retracts.as_deref(), Some("b"), "minh's newer entry is not lan's to undo");
        assert_eq!((undo.target.as_str(), undo.period, undo.value), ("3", Period::H1, Decimal::new(4700, 0)));
        ledger.merge([undo]);
        // minh's figure is still the current one; lan's next undo takes her older entry.
        assert_eq!(ledger.current("3", Period::H1).map(|e| e.id.as_str()), Some("c"));
        let undo = ledger.undo_by("lan", "u2".into(), time).expect("one more");
        assert_eq!(undo.retracts.as_deref(), Some("a"));
        ledger.merge([undo]);
        assert_eq!(ledger.undo_by("lan", "u3".into(), time), None);
        assert_eq!(ledger.len(), 5, "history keeps every entry and every withdrawal");
    }

    #[test]
    fn entry_ids_differ_within_a_process_and_between_origins() {
        let time = jiff::Timestamp::from_second(1_720_000_000).expect("time");
        let ids: HashSet<String> = (0..1000).map(|_| new_entry_id(time, "host/lan")).collect();
        assert_eq!(ids.len(), 1000);
        let a = new_entry_id(time, "host/lan");
        let b = new_entry_id(time, "laptop/lan");
        assert_ne!(a.rsplit('-').next(), b.rsplit('-').next());
    }

    #[test]
    fn merging_the_same_entry_twice_adds_it_once() {
        let mut ledger = Ledger::new([entry("a", "1", Period::Q1, "8", 0)]);
        assert_eq!(ledger.merge([entry("a", "1", Period::Q1, "8", 0)]), 0);
        assert_eq!(ledger.merge([entry("b", "1", Period::Q1, "9", 1)]), 1);
        assert_eq!(ledger.len(), 2);
    }

    /// Entries whose content follows from their id, as real ids are unique: drawn from a
    /// small pool so that the sides of a merge overlap.
    fn any_entries() -> impl Strategy<Value = Vec<Entry>> {
        prop::collection::vec(0u16..40, 0..25).prop_map(|ids| {
            ids.into_iter()
                .map(|n| {
                    let period = Period::ALL[usize::from(n % 4)];
                    entry(
                        &format!("e{n}"),
                        &(n % 3).to_string(),
                        period,
                        &n.to_string(),
                        i64::from(n * 7 % 50),
                    )
                })
                .collect()
        })
    }

    fn merged(parts: &[&Vec<Entry>]) -> Ledger {
        let mut ledger = Ledger::default();
        for part in parts {
            ledger.merge(part.iter().cloned());
        }
        ledger
    }

    /// Entries that may share an id with different content, as a hand-edited file might.
    fn conflicting_entries() -> impl Strategy<Value = Vec<Entry>> {
        prop::collection::vec((0u16..8, 0u16..3, 0u8..3), 0..12).prop_map(|items| {
            items
                .into_iter()
                .map(|(n, variant, scale)| {
                    let value = match scale {
                        0 => format!("{variant}"),
                        1 => format!("{variant}.0"),
                        _ => format!("{variant}.00"),
                    };
                    let mut e = entry(&format!("e{n}"), "3", Period::H1, &value, i64::from(n));
                    e.note = format!("v{}", variant % 2);
                    e
                })
                .collect()
        })
    }

    proptest! {
        #[test]
        fn merge_is_commutative_even_with_conflicting_ids(
            a in conflicting_entries(), b in conflicting_entries(), c in conflicting_entries()
        ) {
            prop_assert_eq!(merged(&[&a, &b]), merged(&[&b, &a]));
            prop_assert_eq!(merged(&[&a, &b, &c]), merged(&[&c, &a, &b]));
            let all = merged(&[&a, &b, &c]);
            let mut twice = all.clone();
            twice.merge(all.entries().iter().cloned());
            prop_assert_eq!(twice, all);
        }

        #[test]
        fn entries_added_in_order_index_as_a_full_rebuild_does(a in any_entries()) {
            // One at a time in ledger order (the incremental path), against all at once
            // in reverse (sorted and indexed from scratch).
            let all = Ledger::new(a.iter().cloned());
            let mut one_by_one = Ledger::default();
            for e in all.entries() {
                one_by_one.merge([e.clone()]);
            }
            prop_assert_eq!(&one_by_one, &all);
            prop_assert_eq!(Ledger::new(all.entries().iter().rev().cloned()), all);
        }

        #[test]
        fn merge_is_commutative(a in any_entries(), b in any_entries()) {
            prop_assert_eq!(merged(&[&a, &b]), merged(&[&b, &a]));
        }

        #[test]
        fn merge_is_associative_and_idempotent(a in any_entries(), b in any_entries(), c in any_entries()) {
            let left = merged(&[&a, &b, &c]);
            let mut ab = merged(&[&a, &b]);
            ab.merge(merged(&[&c]).entries().iter().cloned());
            prop_assert_eq!(&left, &ab);
            let mut twice = left.clone();
            prop_assert_eq!(twice.merge(left.entries().iter().cloned()), 0);
            prop_assert_eq!(&twice, &left);
        }
    }
}
