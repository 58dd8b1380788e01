//! Actual figures: an append-only list of entries.
//!
//! Nothing is ever overwritten. The current actual of a target for a period is its latest
//! entry that no other entry retracts, so undo, history, concurrent edits and offline merges
//! are all one operation: the union of entries by id. Entries are kept sorted by time, then
//! id, so two ledgers holding the same entries are equal whatever order they were merged in.

use crate::domain::period::Period;
use hashbrown::{DefaultHashBuilder, HashMap, HashSet, HashTable};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::hash::BuildHasher;
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
    pub action: Option<RoundAction>,
}

/// The fields of [`Entry`] as files name them (stores and change files; fields beyond these
/// are another build's, kept as they are). A test in `store` checks this against the type.
pub const ENTRY_FIELDS: [&str; 11] =
    ["id", "target", "period", "value", "kind", "note", "author", "time", "retracts", "supersedes", "action"];

/// How far ahead of a machine's clock an entry may be dated before it is taken for a wrong
/// clock: a day (time zones and small drifts stay well inside it).
pub const AHEAD_LIMIT: jiff::SignedDuration = jiff::SignedDuration::from_hours(24);

/// Whether `entry` is dated more than [`AHEAD_LIMIT`] after `now`: made on a machine whose
/// clock is wrong. `import` questions such entries and `check` lists them; they never win
/// by their date alone (see `current_among`).
pub fn dated_ahead(entry: &Entry, now: jiff::Timestamp) -> bool {
    now.checked_add(AHEAD_LIMIT).is_ok_and(|limit| entry.time > limit)
}

/// The `target` of a round entry: the whole period, not one target. No plan has a target
/// with this id, so a build that does not know round entries refuses the store rather than
/// reading a closing as a figure.
pub const ROUND_TARGET: &str = "*";

/// What a round entry records about its period (*chốt số liệu*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundAction {
    /// The period's figures are final: no new entry for it is taken.
    ClosePeriod,
    /// Entries for the period are taken again.
    ReopenPeriod,
}

impl RoundAction {
    pub fn key(self) -> &'static str {
        match self {
            RoundAction::ClosePeriod => "close_period",
            RoundAction::ReopenPeriod => "reopen_period",
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
    /// A figure for `target` and `period`, by `author` at `time`, with no note (see
    /// [`Entry::with_note`]); `id` as `new_entry_id` makes it.
    pub fn figure(
        id: String,
        target: &str,
        period: Period,
        value: Decimal,
        kind: Kind,
        author: &str,
        time: jiff::Timestamp,
    ) -> Entry {
        Entry {
            id,
            target: target.to_owned(),
            period,
            value,
            kind,
            note: String::new(),
            author: author.to_owned(),
            time,
            retracts: None,
            supersedes: None,
            action: None,
        }
    }

    /// A round entry: `action` for `period`, by `author` at `time`.
    pub fn round(
        id: String,
        action: RoundAction,
        period: Period,
        author: &str,
        time: jiff::Timestamp,
    ) -> Entry {
        Entry {
            action: Some(action),
            ..Entry::figure(id, ROUND_TARGET, period, Decimal::ZERO, Kind::Official, author, time)
        }
    }

    pub fn with_note(mut self, note: &str) -> Entry {
        self.note = note.to_owned();
        self
    }

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
            self.action.map(RoundAction::key),
        )
    }

    fn order_key(&self) -> (jiff::Timestamp, &str) {
        (self.time, &self.id)
    }
}

/// Every entry, with indices: by id, by target, the current figure per target and period,
/// and which entries are withdrawn. The indices hold positions in `entries`, never copies of
/// entries or of their ids: a store of 100,000 entries is held once.
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    entries: Vec<Entry>,
    /// For each entry (same position), whether a withdrawal in the ledger names it.
    withdrawn: Vec<bool>,
    /// Positions in `entries`, found by the entry's id (hashed with `hasher`).
    ids: HashTable<usize>,
    hasher: DefaultHashBuilder,
    /// Per target (round entries under their own `target`), its entries and current figures.
    targets: HashMap<String, TargetIndex>,
    /// Ids named by withdrawals that are not in the ledger (yet): an entry merged later that
    /// has one of them is withdrawn on arrival. Empty in a sound store.
    dangling: HashSet<String>,
    /// Ids under which two differing entries were found (a hand-edited file): the ledger
    /// holds one of each, so a store must not be saved from it (see `Store`). Empty in a
    /// sound store.
    duplicates: Vec<String>,
}

/// What the ledger knows of one target.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct TargetIndex {
    /// The positions of its entries, oldest first.
    entries: Vec<usize>,
    /// For each period (in `Period::ALL` order), the position of its current figure.
    current: [Option<usize>; Period::ALL.len()],
}

/// Two ledgers are equal when they hold the same entries in the same order; the indices are
/// compared as well, so that a test of the incremental indexing can compare against a full
/// rebuild.
impl PartialEq for Ledger {
    fn eq(&self, other: &Ledger) -> bool {
        self.entries == other.entries
            && self.withdrawn == other.withdrawn
            && self.targets == other.targets
            && self.dangling == other.dangling
            && self.entries.iter().enumerate().all(|(i, e)| self.position(&e.id) == Some(i))
            && other.entries.iter().enumerate().all(|(i, e)| other.position(&e.id) == Some(i))
    }
}

impl Ledger {
    pub fn new(entries: impl IntoIterator<Item = Entry>) -> Ledger {
        let mut ledger = Ledger::default();
        ledger.merge(entries);
        ledger
    }

    /// The ledger of `entries` as read from a store file. A file is written in ledger order,
    /// so the list is normally taken as it is, without a copy; one out of order (edited by
    /// hand, or with an id twice) goes the long way through [`Ledger::merge`].
    pub fn from_entries(entries: Vec<Entry>) -> Ledger {
        if entries.windows(2).all(|w| w[0].order_key() < w[1].order_key()) {
            let mut ledger = Ledger { entries, ..Ledger::default() };
            if ledger.reindex() {
                ledger
            } else {
                // One id twice, at two different times: the long way, which keeps one and
                // notes the id.
                Ledger::new(std::mem::take(&mut ledger.entries))
            }
        } else {
            Ledger::new(entries)
        }
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
        self.position(id).is_some()
    }

    /// Ids under which two differing entries were merged; this ledger holds only one of
    /// each. Empty in a sound store.
    pub fn conflicting_duplicates(&self) -> &[String] {
        &self.duplicates
    }

    /// The position in [`Ledger::entries`] of the entry with this id.
    fn position(&self, id: &str) -> Option<usize> {
        let entries = &self.entries;
        self.ids.find(self.hasher.hash_one(id), |&i| entries[i].id == id).copied()
    }

    /// Whether the entry at `position` in [`Ledger::entries`] is withdrawn.
    fn is_withdrawn(&self, position: usize) -> bool {
        self.withdrawn.get(position).copied().unwrap_or(false)
    }

    /// Whether the entry at `position` in [`Ledger::entries`] stands: it is neither a
    /// withdrawal nor withdrawn.
    pub fn is_standing(&self, position: usize) -> bool {
        !self.is_withdrawn(position) && self.entries.get(position).is_some_and(|e| e.retracts.is_none())
    }

    /// Adds the entries this ledger does not have yet (by id) and returns how many were new.
    /// Commutative, associative and idempotent. Ids are unique by construction; should two
    /// differing entries share one all the same (a hand-edited file), the same one of them
    /// is kept whatever the order of merging, and `chitieu check` reports the conflict.
    pub fn merge(&mut self, entries: impl IntoIterator<Item = Entry>) -> usize {
        let before = self.entries.len();
        let mut replaced = false;
        let entries = entries.into_iter();
        self.reserve(entries.size_hint().0);
        for entry in entries {
            match self.position(&entry.id) {
                None => {
                    let position = self.entries.len();
                    let hasher = &self.hasher;
                    let all = &self.entries;
                    self.ids.insert_unique(hasher.hash_one(entry.id.as_str()), position, |&i| {
                        hasher.hash_one(all[i].id.as_str())
                    });
                    self.entries.push(entry);
                }
                Some(i) => {
                    if self.entries[i] != entry && !self.duplicates.contains(&entry.id) {
                        self.duplicates.push(entry.id.clone());
                    }
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
            // figures made now. Every index already holds what it should for the older
            // entries; the new ones are added to them.
            self.index_from(before);
        } else if added > 0 || replaced {
            self.entries.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
            // Ids are unique here: a second copy was kept out above.
            self.reindex();
        }
        added
    }

    /// Room for `more` entries. A store read from its file (100,000 entries) gets room for
    /// exactly them, rather than doubling on the way with two copies alive; a save of a few
    /// entries to a full ledger gets a little room to spare instead of a doubling, so that
    /// a session's saves do not hold a second, larger copy of the ledger.
    fn reserve(&mut self, more: usize) {
        if self.entries.capacity() - self.entries.len() < more {
            let spare = if more > 1000 { 0 } else { 64 + self.entries.len() / 64 };
            self.entries.reserve_exact(more + spare);
            self.withdrawn.reserve_exact(more + spare);
        }
        let hasher = &self.hasher;
        let all = &self.entries;
        self.ids.reserve(more, |&i| hasher.hash_one(all[i].id.as_str()));
    }

    /// Whether the entries from `from` on come after all the others and are in order.
    fn appended_in_order(&self, from: usize) -> bool {
        self.entries[from.saturating_sub(1)..].windows(2).all(|w| w[0].order_key() < w[1].order_key())
    }

    /// Every index built again from the entries (after a sort or a replacement, and for a
    /// store just read). `false` when two entries share an id (the indices are then not
    /// to be used: [`Ledger::from_entries`] goes the long way).
    fn reindex(&mut self) -> bool {
        self.withdrawn.clear();
        self.withdrawn.resize(self.entries.len(), false);
        self.targets.clear();
        self.dangling.clear();
        let Ledger { entries, ids, hasher, targets, .. } = self;
        // The id index and the lists per target need nothing of each other: for a store
        // just read (100,000 entries) they are built at once, on two cores.
        let table = if entries.len() >= PARALLEL_INDEX {
            std::thread::scope(|scope| {
                let building = scope.spawn(|| id_table(entries, hasher));
                group_by_target(entries, targets, 0);
                building.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
        } else {
            group_by_target(entries, targets, 0);
            id_table(entries, hasher)
        };
        let Some(table) = table else {
            return false;
        };
        *ids = table;
        self.mark_withdrawn(0);
        // The current figures, target by target and period (see `current_among`).
        let (entries, withdrawn) = (&self.entries, &self.withdrawn);
        for index in self.targets.values_mut() {
            for period in 0..index.current.len() {
                index.current[period] = current_among(entries, withdrawn, &index.entries, period);
            }
        }
        true
    }

    /// Adds the entries from `from` on to the indices; they come after all the others.
    fn index_from(&mut self, from: usize) {
        self.withdrawn.resize(self.entries.len(), false);
        group_by_target(&self.entries, &mut self.targets, from);
        // Every target and period the new entries (and what they withdrew) belong to has
        // its current figure worked out again.
        let mut touched = self.mark_withdrawn(from);
        touched.extend((from..self.entries.len()).map(|i| (i, period_index(self.entries[i].period))));
        let entries = &self.entries;
        touched.sort_unstable_by(|a, b| {
            (entries[a.0].target.as_str(), a.1).cmp(&(entries[b.0].target.as_str(), b.1))
        });
        touched.dedup_by(|a, b| entries[a.0].target == entries[b.0].target && a.1 == b.1);
        let withdrawn = &self.withdrawn;
        for (j, period) in touched {
            if let Some(index) = self.targets.get_mut(entries[j].target.as_str()) {
                index.current[period] = current_among(entries, withdrawn, &index.entries, period);
            }
        }
    }

    /// Marks what the withdrawals from `from` on withdraw, and the entries from `from` on
    /// that a withdrawal already in the ledger named before they arrived. Returns the older
    /// entries withdrawn (position, period index), whose current figure must be looked for
    /// again.
    fn mark_withdrawn(&mut self, from: usize) -> Vec<(usize, usize)> {
        let mut touched = Vec::new();
        for i in from..self.entries.len() {
            let entry = &self.entries[i];
            // (A sound store has no dangling withdrawal: no id is hashed for nothing.)
            if !self.dangling.is_empty() && self.dangling.remove(entry.id.as_str()) {
                self.withdrawn[i] = true;
            }
            if let Some(id) = &entry.retracts {
                match self.position(id) {
                    Some(j) => {
                        self.withdrawn[j] = true;
                        if j < i {
                            touched.push((j, period_index(self.entries[j].period)));
                        }
                    }
                    None => {
                        self.dangling.insert(id.clone());
                    }
                }
            }
        }
        touched
    }

    /// The entries whose `target` is `target` (round entries under [`ROUND_TARGET`]), oldest
    /// first: the per-target index, without a scan of the whole ledger.
    pub fn of_target<'a>(&'a self, target: &str) -> impl DoubleEndedIterator<Item = &'a Entry> + 'a {
        self.positions_of(target).iter().map(|&i| &self.entries[i])
    }

    /// The positions in [`Ledger::entries`] of the entries of `target`, oldest first.
    pub fn positions_of(&self, target: &str) -> &[usize] {
        self.targets.get(target).map_or(&[], |index| index.entries.as_slice())
    }

    /// Every target id that has entries, with the positions in [`Ledger::entries`] of its
    /// entries, oldest first; in no particular order.
    pub fn targets(&self) -> impl Iterator<Item = (&str, &[usize])> {
        self.targets.iter().map(|(t, index)| (t.as_str(), index.entries.as_slice()))
    }

    /// The current figure of `target` for `period`: its latest entry not withdrawn.
    pub fn current(&self, target: &str, period: Period) -> Option<&Entry> {
        let index = self.targets.get(target)?.current[period_index(period)]?;
        Some(&self.entries[index])
    }

    /// The current figure of the latest of this year's periods of `target` that has one
    /// (last year's figures are for comparison, never the latest).
    pub fn latest(&self, target: &str) -> Option<&Entry> {
        let this_year = &self.targets.get(target)?.current[..Period::THIS_YEAR.len()];
        let index = this_year.iter().rev().find_map(|i| *i)?;
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
        self.last_standing_of(|by| by == author)
    }

    /// The newest figure still standing whose author `is_author` accepts (one person may
    /// have been written under more than one name, see `ops::Actor::is_me`).
    pub fn last_standing_of(&self, is_author: impl Fn(&str) -> bool) -> Option<&Entry> {
        (0..self.entries.len())
            .rev()
            .find(|&i| {
                self.is_standing(i) && !self.entries[i].is_round() && is_author(&self.entries[i].author)
            })
            .map(|i| &self.entries[i])
    }

    /// The entry with this id, if it still stands.
    pub fn standing(&self, id: &str) -> Option<&Entry> {
        self.position(id).filter(|&i| self.is_standing(i)).map(|i| &self.entries[i])
    }
}

/// Values are decimal strings in plain notation (`"76.56"`), never JSON numbers, and never
/// exponents or underscores, which other readers would take differently.
pub(crate) mod value_string {
    use rust_decimal::Decimal;
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&crate::domain::number::plain(*value))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        crate::domain::number::decimal_string(d)?.ok_or_else(|| serde::de::Error::custom("a decimal string"))
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

/// From this many entries on, [`Ledger::reindex`] uses a second thread.
const PARALLEL_INDEX: usize = 20_000;

/// The positions of `entries`, found by id.
/// `None` when two entries share an id.
fn id_table(entries: &[Entry], hasher: &DefaultHashBuilder) -> Option<HashTable<usize>> {
    let mut ids = HashTable::with_capacity(entries.len());
    for (i, entry) in entries.iter().enumerate() {
        let id = entry.id.as_str();
        match ids.entry(
            hasher.hash_one(id),
            |&j: &usize| entries[j].id == id,
            |&j: &usize| hasher.hash_one(entries[j].id.as_str()),
        ) {
            hashbrown::hash_table::Entry::Vacant(slot) => {
                slot.insert(i);
            }
            hashbrown::hash_table::Entry::Occupied(_) => return None,
        }
    }
    Some(ids)
}

/// Adds the positions of the entries from `from` on to the lists of their targets.
fn group_by_target(entries: &[Entry], targets: &mut HashMap<String, TargetIndex>, from: usize) {
    for (i, entry) in entries.iter().enumerate().skip(from) {
        // The target's name is copied only the first time it is seen.
        let index = match targets.get_mut(entry.target.as_str()) {
            Some(index) => index,
            None => targets.entry(entry.target.clone()).or_default(),
        };
        index.entries.push(i);
    }
}

/// The current figure of one target for the period at `period` (an index in
/// `Period::ALL`), among `positions` (that target's entries, in ledger order): the latest
/// standing figure that no other standing figure of that period supersedes (names in
/// `supersedes`: its author had it in front of them). So a new entry replaces what its author
/// saw whatever the clocks say: a figure dated 2099 by a laptop with a wrong clock gives way
/// to the next one entered with it in view. Time (ledger order) decides only between figures
/// that did not see each other, which `conflict` shows as a conflict when they differ.
fn current_among(entries: &[Entry], withdrawn: &[bool], positions: &[usize], period: usize) -> Option<usize> {
    let figure = |k: usize| {
        let e = &entries[k];
        !withdrawn[k] && e.retracts.is_none() && !e.is_round() && period_index(e.period) == period
    };
    let superseded = |k: usize| {
        positions.iter().any(|&j| {
            j != k
                && figure(j)
                && entries[j].supersedes.as_ref().is_some_and(|seen| seen.contains(&entries[k].id))
        })
    };
    let mut standing = positions.iter().rev().copied().filter(|&k| figure(k));
    let latest = standing.next()?;
    if !superseded(latest) {
        return Some(latest);
    }
    // (Every one superseded can only come of a hand-edited file: the latest, as before.)
    standing.find(|&k| !superseded(k)).or(Some(latest))
}

fn period_index(period: Period) -> usize {
    Period::ALL.iter().position(|p| *p == period).unwrap_or_default()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    pub fn entry(id: &str, target: &str, period: Period, value: &str, seconds: i64) -> Entry {
        let value = Decimal::from_str_exact(value).expect("test decimal");
        let time = jiff::Timestamp::from_second(1_720_000_000 + seconds).expect("test time");
        Entry::figure(id.into(), target, period, value, Kind::Official, "lan", time)
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
    fn a_withdrawal_that_arrives_before_its_entry_withdraws_it_on_arrival() {
        // Imports in any order: the withdrawal (made on a laptop whose clock was ahead) is
        // merged first, the entry it withdraws later and in order.
        let mut undo = entry("u", "3", Period::H1, "4700", 5);
        undo.retracts = Some("b".into());
        let mut ledger = Ledger::new([entry("a", "3", Period::H1, "4500", 1), undo]);
        assert_eq!(ledger.current("3", Period::H1).map(|e| e.id.as_str()), Some("a"));
        ledger.merge([entry("b", "3", Period::H1, "4700", 20)]);
        assert_eq!(ledger.current("3", Period::H1).map(|e| e.id.as_str()), Some("a"));
        assert!(!ledger.is_standing(2), "b is withdrawn");
    }

    #[test]
    fn a_large_ledger_indexed_on_two_threads_matches_one_built_entry_by_entry() {
        let plan = crate::domain::generate::plan(500);
        let mut entries = crate::domain::generate::entries(&plan, PARALLEL_INDEX + 5_000, 3);
        // Some withdrawals, each just after what it withdraws.
        for i in (0..entries.len()).step_by(97).rev() {
            let mut undo = entries[i].retraction(format!("undo-{i}"), "lan", entries[i].time);
            undo.id.push_str(&entries[i].id);
            entries.insert(i + 1, undo);
        }
        let read = Ledger::from_entries(Ledger::new(entries).entries().to_vec());
        assert!(read.len() >= PARALLEL_INDEX);
        let mut one_by_one = Ledger::default();
        for chunk in read.entries().chunks(1000) {
            one_by_one.merge(chunk.iter().cloned());
        }
        assert_eq!(one_by_one, read);
        assert!(read.withdrawn.iter().any(|w| *w));
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
                    let mut e = entry(
                        &format!("e{n}"),
                        &(n % 3).to_string(),
                        period,
                        &n.to_string(),
                        i64::from(n * 7 % 50),
                    );
                    // Some withdraw another entry of the pool, which may be older or newer
                    // (clocks differ), present or not.
                    if n % 5 == 4 {
                        e.retracts = Some(format!("e{}", n * 3 % 40));
                    }
                    e
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
