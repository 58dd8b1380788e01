//! Conflicts between official figures, shown rather than resolved behind anyone's back.
//!
//! **Supersede.** Entry B *supersedes* entry A (both for the same target and period) when
//! - B lists A's id in `supersedes` — B's author had A before them when entering B (`set` and
//!   the TUI fill it with [`seen`]); or
//! - B and A have the same author and B comes later in ledger order (time, then id): people
//!   know their own figures; or
//! - B supersedes some C that supersedes A (the relation is transitive, and passes through
//!   withdrawn entries).
//!
//! An entry is **standing** when it is neither a withdrawal nor withdrawn. The **heads** of a
//! target and period are its standing entries that no other standing entry supersedes. There
//! is a **conflict** when the `official` heads carry two or more different values (7,6 and
//! 7,60 are the same value). Entries written before `supersedes` existed read as having seen
//! nothing but their own author's earlier entries.
//!
//! A new entry for the target and period, made with `supersedes` = [`seen`], supersedes every
//! head and so resolves the conflict; history keeps every entry. The current figure
//! (`Ledger::current`) is unchanged by all this: conflicts are marked, not decided.

use crate::domain::ledger::{Entry, Kind, Ledger};
use crate::domain::period::Period;
use std::collections::HashMap;

/// Two or more official figures for one target and period that nobody has reconciled. It
/// borrows the entries from the ledger: a store of 100,000 entries may hold thousands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict<'a> {
    pub target: &'a str,
    pub period: Period,
    /// The official heads, oldest first: each with its value, author and time.
    pub entries: Vec<&'a Entry>,
}

/// Every conflict in the ledger, by target id (plain string order) then period.
pub fn conflicts(ledger: &Ledger) -> Vec<Conflict<'_>> {
    // The ledger's per-target index groups the entries (ledger order kept within a target);
    // a target with one entry cannot conflict, and one buffer serves every group.
    let mut targets: Vec<(&str, &[usize])> = ledger.targets().filter(|(_, list)| list.len() > 1).collect();
    targets.sort_unstable_by_key(|(target, _)| *target);
    let mut found = Vec::new();
    let mut group = Vec::new();
    for (target, list) in targets {
        for period in Period::ALL {
            fill_group(ledger, list, period, &mut group);
            if group.len() > 1
                && let Some(entries) = heads_in_conflict(ledger, &group)
            {
                found.push(Conflict { target, period, entries });
            }
        }
    }
    found
}

/// The conflict for one target and period, if any (for the TUI's detail view): a look at
/// that target's entries only.
pub fn conflict_for<'a>(ledger: &'a Ledger, target: &str, period: Period) -> Option<Conflict<'a>> {
    let mut group = Vec::new();
    fill_group(ledger, ledger.positions_of(target), period, &mut group);
    let entries = heads_in_conflict(ledger, &group)?;
    Some(Conflict { target: &entries[0].target, period, entries })
}

/// Whether `target` is in conflict in `period`, without building the conflict: what the
/// table's mark needs for each of 10,000 rows.
pub fn in_conflict(ledger: &Ledger, target: &str, period: Period) -> bool {
    let positions = ledger.positions_of(target);
    let mut group = Vec::new();
    fill_group(ledger, positions, period, &mut group);
    group.len() > 1 && heads_in_conflict(ledger, &group).is_some()
}

/// The periods in which `target` is in conflict, in period order. `conflicts` is in the
/// order [`conflicts`] gives (by target), so this is a binary search, not a scan.
pub fn periods_in_conflict(conflicts: &[Conflict], target: &str) -> Vec<Period> {
    let start = conflicts.partition_point(|c| c.target < target);
    let mut periods: Vec<Period> =
        conflicts[start..].iter().take_while(|c| c.target == target).map(|c| c.period).collect();
    periods.sort();
    periods
}

/// What a new entry for `target` and `period` should carry in `supersedes`: the ids of the
/// standing entries its author has before them.
pub fn seen(ledger: &Ledger, target: &str, period: Period) -> Vec<String> {
    let entries = ledger.entries();
    ledger
        .positions_of(target)
        .iter()
        .filter(|&&i| entries[i].period == period && !entries[i].is_round() && ledger.is_standing(i))
        .map(|&i| entries[i].id.clone())
        .collect()
}

/// Fills a new figure entry's `supersedes` with what its author has before them in `ledger`
/// (the store as last read), unless it is already set. `set` and the TUI call it on every
/// entry they make, before saving; `import` never does (imported entries say what they saw).
pub fn mark_seen(ledger: &Ledger, entry: &mut Entry) {
    if entry.supersedes.is_none() && !entry.is_round() && entry.retracts.is_none() {
        entry.supersedes = Some(seen(ledger, &entry.target, entry.period));
    }
}

/// `group` becomes the positions, among `positions` (one target's), of the figures (not
/// round entries) for `period`, in ledger order.
fn fill_group(ledger: &Ledger, positions: &[usize], period: Period, group: &mut Vec<usize>) {
    let entries = ledger.entries();
    group.clear();
    group
        .extend(positions.iter().copied().filter(|&i| entries[i].period == period && !entries[i].is_round()));
}

/// Groups of up to this many figures (nearly all) are worked out on bit sets, without
/// allocating; larger ones through hash maps.
const SMALL: usize = 64;

/// A figure of a group, and whether it stands (is not withdrawn).
type Figure<'a> = (&'a Entry, bool);

/// The official heads of a group when they carry two or more values, oldest first.
/// `group`: positions in the ledger of the entries of one target and period, in ledger order.
fn heads_in_conflict<'a>(ledger: &'a Ledger, group: &[usize]) -> Option<Vec<&'a Entry>> {
    let entries = ledger.entries();
    // Cheap exit, before any allocation: fewer than two distinct official values standing
    // means no conflict.
    let mut values = group
        .iter()
        .filter(|&&i| ledger.is_standing(i) && entries[i].kind == Kind::Official)
        .map(|&i| entries[i].value);
    let first = values.next()?;
    if values.all(|v| v == first) {
        return None;
    }
    // The figures (withdrawals left out), with whether each stands.
    let figures: Vec<Figure> = group
        .iter()
        .filter(|&&i| entries[i].retracts.is_none())
        .map(|&i| (&entries[i], ledger.is_standing(i)))
        .collect();
    let is_head = heads(&figures);
    let heads: Vec<&Entry> = figures
        .iter()
        .enumerate()
        .filter(|(i, (e, _))| is_head[*i] && e.kind == Kind::Official)
        .map(|(_, (e, _))| *e)
        .collect();
    let first = heads.first()?.value;
    if heads.iter().all(|e| e.value == first) {
        return None;
    }
    Some(heads)
}

/// For each figure, whether it is a head: standing, and superseded by no standing figure.
fn heads(figures: &[Figure]) -> Vec<bool> {
    if figures.len() <= SMALL {
        let heads = small_heads(figures);
        (0..figures.len()).map(|i| heads & (1 << i) != 0).collect()
    } else {
        large_heads(figures)
    }
}

/// [`heads`] of at most [`SMALL`] figures, as a bit set: the edges of each figure are a
/// word, and the figures superseded are found by widening a word until it stops growing.
fn small_heads(figures: &[Figure]) -> u64 {
    // Direct edges: i → the figures it supersedes. For one author, the previous figure by
    // that author is enough: transitivity reaches the earlier ones.
    let mut direct = [0u64; SMALL];
    for (i, (e, _)) in figures.iter().enumerate() {
        let listed =
            e.supersedes.iter().flatten().filter_map(|id| figures.iter().rposition(|(f, _)| f.id == *id));
        let own = figures[..i].iter().rposition(|(f, _)| f.author == e.author);
        direct[i] = listed.chain(own).fold(0, |edges, j| edges | 1 << j) & !(1 << i);
    }
    let standing = figures.iter().enumerate().filter(|(_, (_, s))| *s).fold(0u64, |set, (i, _)| set | 1 << i);
    // Everything reachable by one edge or more from a standing figure is superseded.
    let mut superseded = bits(standing).fold(0, |set, i| set | direct[i]);
    loop {
        let wider = bits(superseded).fold(superseded, |set, j| set | direct[j]);
        if wider == superseded {
            break;
        }
        superseded = wider;
    }
    standing & !superseded
}

/// The positions of the bits set in `set`, lowest first.
fn bits(mut set: u64) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (set != 0).then(|| {
            let i = set.trailing_zeros() as usize;
            set &= set - 1;
            i
        })
    })
}

/// [`heads`] of any number of figures: edges found through hash maps, one traversal from
/// all standing figures at once, linear in figures and edges.
fn large_heads(figures: &[Figure]) -> Vec<bool> {
    let index: HashMap<&str, usize> =
        figures.iter().enumerate().map(|(i, (e, _))| (e.id.as_str(), i)).collect();
    let mut last_by: HashMap<&str, usize> = HashMap::new();
    let direct: Vec<Vec<usize>> = figures
        .iter()
        .enumerate()
        .map(|(i, (e, _))| {
            let listed = e.supersedes.iter().flatten().filter_map(|id| index.get(id.as_str()).copied());
            let own = last_by.insert(e.author.as_str(), i);
            listed.chain(own).filter(|&j| j != i).collect()
        })
        .collect();
    let mut superseded = vec![false; figures.len()];
    let mut stack: Vec<usize> = figures
        .iter()
        .enumerate()
        .filter(|(_, (_, standing))| *standing)
        .flat_map(|(i, _)| direct[i].iter().copied())
        .collect();
    while let Some(j) = stack.pop() {
        if !std::mem::replace(&mut superseded[j], true) {
            stack.extend(direct[j].iter().copied());
        }
    }
    figures.iter().zip(superseded).map(|((_, standing), superseded)| *standing && !superseded).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ledger::tests::entry;

    fn by(mut e: Entry, author: &str) -> Entry {
        e.author = author.into();
        e
    }

    fn seeing(mut e: Entry, ids: &[&str]) -> Entry {
        e.supersedes = Some(ids.iter().map(|s| (*s).to_owned()).collect());
        e
    }

    #[test]
    fn two_people_who_did_not_see_each_other_conflict() {
        let a = by(entry("a", "3", Period::H1, "4800", 10), "minh");
        let b = by(seeing(entry("b", "3", Period::H1, "4900", 20), &[]), "lan");
        let ledger = Ledger::new([a, b]);
        let found = conflicts(&ledger);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].target, found[0].period), ("3", Period::H1));
        let values: Vec<String> = found[0].entries.iter().map(|e| e.value.to_string()).collect();
        assert_eq!(values, ["4800", "4900"]);
        assert_eq!(conflict_for(&ledger, "3", Period::H1), Some(found[0].clone()));
        assert_eq!(conflict_for(&ledger, "3", Period::Q1), None);
        assert_eq!(periods_in_conflict(&found, "3"), [Period::H1]);
        assert!(in_conflict(&ledger, "3", Period::H1));
        assert!(!in_conflict(&ledger, "3", Period::Q1));
        assert!(!in_conflict(&ledger, "4", Period::H1));
    }

    #[test]
    fn what_is_not_a_conflict() {
        // The same value twice; a correction by the same person; one that saw the other;
        // an estimate beside an official figure; a withdrawn official figure.
        let same = Ledger::new([
            by(entry("a", "3", Period::H1, "4800", 10), "minh"),
            by(entry("b", "3", Period::H1, "4800.0", 20), "lan"),
        ]);
        assert!(conflicts(&same).is_empty());
        let correction =
            Ledger::new([entry("a", "3", Period::H1, "48000", 10), entry("b", "3", Period::H1, "4800", 20)]);
        assert!(conflicts(&correction).is_empty());
        let saw = Ledger::new([
            by(entry("a", "3", Period::H1, "4800", 10), "minh"),
            by(seeing(entry("b", "3", Period::H1, "4900", 20), &["a"]), "lan"),
        ]);
        assert!(conflicts(&saw).is_empty());
        let mut estimate = by(entry("b", "3", Period::H1, "4900", 20), "lan");
        estimate.kind = Kind::Estimate;
        assert!(
            conflicts(&Ledger::new([by(entry("a", "3", Period::H1, "4800", 10), "minh"), estimate]))
                .is_empty()
        );
        let mut undo = by(entry("u", "3", Period::H1, "4900", 30), "lan");
        undo.retracts = Some("b".into());
        let withdrawn = Ledger::new([
            by(entry("a", "3", Period::H1, "4800", 10), "minh"),
            by(entry("b", "3", Period::H1, "4900", 20), "lan"),
            undo,
        ]);
        assert!(conflicts(&withdrawn).is_empty());
        for ledger in [&same, &correction, &saw, &withdrawn] {
            assert!(!in_conflict(ledger, "3", Period::H1));
        }
    }

    #[test]
    fn a_new_entry_that_saw_both_resolves_it_and_history_keeps_all() {
        let mut ledger = Ledger::new([
            by(entry("a", "3", Period::H1, "4800", 10), "minh"),
            by(entry("b", "3", Period::H1, "4900", 20), "lan"),
        ]);
        assert_eq!(conflicts(&ledger).len(), 1);
        assert_eq!(seen(&ledger, "3", Period::H1), ["a", "b"]);
        let mut c = by(entry("c", "3", Period::H1, "4850", 30), "hoa");
        mark_seen(&ledger, &mut c);
        assert_eq!(c.supersedes.as_deref(), Some(&["a".to_owned(), "b".to_owned()][..]));
        ledger.merge([c]);
        assert!(conflicts(&ledger).is_empty());
        assert_eq!(ledger.history(Some("3")).count(), 3);
        // Transitive: d saw only c, which had seen a and b.
        ledger.merge([by(seeing(entry("d", "3", Period::H1, "4860", 40), &["c"]), "tam")]);
        assert!(conflicts(&ledger).is_empty());
    }

    proptest::proptest! {
        /// The bit-set search and the hash-map search find the same heads, on groups of
        /// figures by a few authors, some seeing others (or ids not in the group), some
        /// withdrawn.
        #[test]
        fn small_and_large_searches_agree(
            figures in proptest::collection::vec(
                (0u8..4, proptest::collection::vec(0u8..70, 0..3), proptest::bool::weighted(0.8)),
                0..=SMALL,
            )
        ) {
            let entries: Vec<Entry> = figures
                .iter()
                .enumerate()
                .map(|(i, (author, saw, _))| {
                    let ids: Vec<String> = saw.iter().map(|j| format!("e{j:02}")).collect();
                    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
                    by(seeing(entry(&format!("e{i:02}"), "3", Period::H1, "1", i as i64), &ids), &format!("p{author}"))
                })
                .collect();
            let group: Vec<Figure> = entries.iter().zip(&figures).map(|(e, (_, _, standing))| (e, *standing)).collect();
            let small = small_heads(&group);
            let small: Vec<bool> = (0..group.len()).map(|i| small & (1 << i) != 0).collect();
            proptest::prop_assert_eq!(small, large_heads(&group));
        }
    }

    #[test]
    fn a_large_group_decides_as_a_small_one_does() {
        // Past `SMALL` figures the edges come from hash maps: same answers.
        let n = SMALL + 3;
        let many: Vec<Entry> = (0..n)
            .map(|i| {
                let value = (4800 + i).to_string();
                by(entry(&format!("e{i:02}"), "3", Period::H1, &value, 10 + i as i64), &format!("p{}", i % 5))
            })
            .collect();
        let ledger = Ledger::new(many.clone());
        let found = conflicts(&ledger);
        assert_eq!(found.len(), 1);
        // Each of the five authors' last figure is a head.
        let heads: Vec<&str> = found[0].entries.iter().map(|e| e.id.as_str()).collect();
        let expected: Vec<String> = (n - 5..n).map(|i| format!("e{i:02}")).collect();
        assert_eq!(heads, expected);
        let ids: Vec<String> = many.iter().map(|e| e.id.clone()).collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let mut resolved = ledger.clone();
        resolved.merge([by(seeing(entry("z", "3", Period::H1, "5000", 1000), &ids), "hoa")]);
        assert!(conflicts(&resolved).is_empty());
    }
}
