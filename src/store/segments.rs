//! Reading a large store on two cores: the list of entries is cut into segments of about
//! 1 MB between entries; two threads parse them by turns, each segment from memory
//! (serde_json parses a slice about twice as fast as a reader), and a third appends them in
//! file order. Only a few segments are in memory at a time, never the whole file.
//!
//! Only for the layout this program writes (serde_json's pretty printer), and only when the
//! parse itself proves the cuts sound; any other file, and any file with a problem, is read
//! the ordinary way, which also words every error. So this module can only make a sound
//! store open sooner, never read one differently.
//!
//! Why a cut found by its bytes is sound: a raw line break never occurs inside a JSON
//! string, so the bytes `\n    },\n    {\n` are structure, not text. The head (the file up
//! to the first cut, closed with `]}`) parses as a store with no field but `version`,
//! `plan` and `entries` only if that cut stood between two elements of the top-level
//! `entries` list; every other segment, opened with `{"entries":[` and closed with `]}`,
//! parses only if it is a run of whole elements of one list; the tail (opened the same way,
//! to the end of the file) only if nothing but the end of that list and of the file
//! follows. A segment that held the end of the list and the start of another would hold an
//! unmatched `]`, and fail.

use super::{ReadEntries, SCHEMA_VERSION, StoreFile};
use crate::domain::plan::PlanRef;
use serde::Deserialize;
#[cfg_attr(not(unix), allow(unused_imports))]
use std::io::{self, Read};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

/// Smaller files are read on one thread: a second costs more than it saves.
#[cfg_attr(not(unix), allow(dead_code))]
pub(super) const MIN_LEN: u64 = 1 << 20;

/// About how many bytes of the file each segment holds: small enough that the few in
/// memory at once (being parsed, queued) cost little beside the list.
#[cfg_attr(not(unix), allow(dead_code))]
pub(super) const SEGMENT: u64 = 1 << 20;

/// Between two entries in the pretty layout; the cut is at its comma.
const BOUNDARY: &[u8] = b"\n    },\n    {\n";
const COMMA_AT: u64 = 6;

/// How far past a planned cut a boundary is looked for: entries are a few hundred bytes.
const WINDOW: u64 = 1 << 16;

/// Bytes that can be read from any offset by two threads at once.
pub(super) trait Source: Sync {
    fn len(&self) -> u64;
    /// A reader of the bytes from `from` up to `to`.
    fn range(&self, from: u64, to: u64) -> impl Read + '_;
}

impl Source for [u8] {
    fn len(&self) -> u64 {
        <[u8]>::len(self) as u64
    }
    fn range(&self, from: u64, to: u64) -> impl Read + '_ {
        let end = usize::try_from(to).unwrap_or(usize::MAX).min(<[u8]>::len(self));
        let start = usize::try_from(from).unwrap_or(usize::MAX).min(end);
        &self[start..end]
    }
}

/// An open file, read with positioned reads (`pread`), which leave its offset alone: every
/// segment comes from the one version of the store that was opened, whatever a colleague's
/// save renames over its path meanwhile.
#[cfg(unix)]
pub(super) struct OpenFile<'f> {
    pub file: &'f std::fs::File,
    pub len: u64,
}

#[cfg(unix)]
impl Source for OpenFile<'_> {
    fn len(&self) -> u64 {
        self.len
    }
    fn range(&self, from: u64, to: u64) -> impl Read + '_ {
        Positioned { file: self.file, at: from, end: to }
    }
}

#[cfg(unix)]
struct Positioned<'f> {
    file: &'f std::fs::File,
    at: u64,
    end: u64,
}

#[cfg(unix)]
impl Read for Positioned<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        use std::os::unix::fs::FileExt;
        let want = usize::try_from(self.end.saturating_sub(self.at)).unwrap_or(usize::MAX).min(buf.len());
        if want == 0 {
            return Ok(0);
        }
        let got = self.file.read_at(&mut buf[..want], self.at)?;
        self.at += got as u64;
        Ok(got)
    }
}

/// The store file as read in segments, or `None` when that cannot be done or proven
/// sound: the caller then reads it the ordinary way.
pub(super) fn parse(source: &(impl Source + ?Sized), min_len: u64, segment: u64) -> Option<StoreFile> {
    let len = source.len();
    if len < min_len.max(1) {
        return None;
    }
    // Cuts near equal fractions of the file, each after the one before; fewer segments if
    // there are fewer boundaries.
    let count = len.div_ceil(segment.max(1)).max(2);
    let mut cuts = Vec::new();
    for k in 1..count {
        match find_cut(source, (k * len / count).max(cuts.last().map_or(0, |c| c + 1))) {
            Some(cut) => cuts.push(cut),
            None => break,
        }
    }
    if cuts.is_empty() {
        return None;
    }
    // Segment i runs from just after cut i-1 (the start of the file for the head) to cut i
    // (the end of the file for the tail).
    let bounds: Vec<(u64, u64)> = (0..=cuts.len())
        .map(|i| (if i == 0 { 0 } else { cuts[i - 1] + 1 }, cuts.get(i).copied().unwrap_or(len)))
        .collect();
    let last = bounds.len() - 1;
    let failed = &AtomicBool::new(false);
    let bounds = &bounds;
    // Two threads parse the segments by turns and hand them over in a short queue; this one
    // appends them in file order, so that only a few are in memory beside the list.
    let (send, receive) = mpsc::sync_channel::<(usize, Option<Parsed>)>(1);
    let read = std::thread::scope(|scope| {
        for first in 0..2 {
            let send = send.clone();
            scope.spawn(move || {
                let mut buffer = Vec::new();
                for i in (first..bounds.len()).step_by(2) {
                    if failed.load(Ordering::Relaxed) {
                        break;
                    }
                    let parsed = parse_segment(source, &mut buffer, bounds[i], i, last);
                    if parsed.is_none() {
                        failed.store(true, Ordering::Relaxed);
                    }
                    if send.send((i, parsed)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        let mut head: Option<(u32, PlanRef)> = None;
        let mut entries = ReadEntries::default();
        let mut waiting = std::collections::BTreeMap::new();
        let mut next = 0;
        for (i, parsed) in receive {
            // A segment that does not parse: the threads stop at their next segment.
            waiting.insert(i, parsed?);
            while let Some(parsed) = waiting.remove(&next) {
                match parsed {
                    Parsed::Head(first) => {
                        head = Some((first.version, first.plan));
                        entries = first.entries;
                        // Room for all, judged by the head's share of the file: one
                        // allocation instead of doublings that copy the list.
                        let (_, head_end) = bounds[0];
                        let estimate = entries.entries.len() as u64 * len / head_end.max(1);
                        let more = usize::try_from(estimate + estimate / 32).unwrap_or(0);
                        entries.entries.reserve_exact(more.saturating_sub(entries.entries.len()));
                    }
                    Parsed::Rest(rest) => {
                        entries.entries.extend(rest.entries);
                        entries.extra.extend(rest.extra);
                    }
                }
                next += 1;
            }
        }
        let (version, plan) = head?;
        (next == bounds.len()).then_some(StoreFile { version, plan, entries })
    });
    read.filter(|file| file.version == SCHEMA_VERSION)
}

/// Parses segment `i` of `last + 1`, which runs over `bounds`, through `buffer`.
fn parse_segment(
    source: &(impl Source + ?Sized),
    buffer: &mut Vec<u8>,
    (from, to): (u64, u64),
    i: usize,
    last: usize,
) -> Option<Parsed> {
    buffer.clear();
    buffer.reserve_exact(usize::try_from(to - from).unwrap_or(0) + 16);
    if i > 0 {
        buffer.extend_from_slice(br#"{"entries":["#);
    }
    source.range(from, to).read_to_end(buffer).ok()?;
    if i < last {
        buffer.extend_from_slice(b"]}");
    }
    // UTF-8 checked once for the segment, not string by string as `from_slice` does.
    let text = std::str::from_utf8(buffer).ok()?;
    Some(if i == 0 {
        Parsed::Head(serde_json::from_str(text).ok()?)
    } else {
        Parsed::Rest(serde_json::from_str::<Rest>(text).ok()?.entries)
    })
}

/// A segment as parsed.
enum Parsed {
    Head(Head),
    Rest(ReadEntries),
}

/// The offset of the comma of the first boundary at or after `from`.
fn find_cut(source: &(impl Source + ?Sized), from: u64) -> Option<u64> {
    let mut window = Vec::new();
    source.range(from, from.saturating_add(WINDOW)).read_to_end(&mut window).ok()?;
    let at = window.windows(BOUNDARY.len()).position(|w| w == BOUNDARY)?;
    Some(from + at as u64 + COMMA_AT)
}

/// The file up to the first cut, as a whole store.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Head {
    version: u32,
    plan: PlanRef,
    entries: ReadEntries,
}

/// Any segment after the head, as an object with only some of the entries.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Rest {
    entries: ReadEntries,
}

#[cfg(test)]
mod tests {
    use super::super::{Extra, StoreFileOut, StoredRef};
    use super::*;
    use crate::domain::ledger::Entry;
    use proptest::prelude::*;

    /// A store file as `Store` writes it.
    fn written(entries: &[Entry], extra: Option<&Extra>) -> Vec<u8> {
        let plan = PlanRef { id: "p".into(), year: 2024, hash: "h".into() };
        let file = StoreFileOut {
            version: SCHEMA_VERSION,
            plan: &plan,
            entries: entries.iter().map(|entry| StoredRef { entry, extra }).collect(),
        };
        let mut bytes = serde_json::to_vec_pretty(&file).expect("serialise");
        bytes.push(b'\n');
        bytes
    }

    fn serial(bytes: &[u8]) -> Option<StoreFile> {
        super::super::parse(bytes, Vec::new).ok()
    }

    fn entries(count: usize, seed: u64) -> Vec<Entry> {
        let plan = crate::domain::generate::plan(40);
        crate::domain::generate::entries(&plan, count, seed)
    }

    #[test]
    fn a_written_store_reads_in_segments_as_it_does_whole() {
        // Over 4 MB: more than two segments.
        let bytes = written(&entries(20_000, 7), None);
        assert!(bytes.len() as u64 > 2 * SEGMENT);
        let segments = parse(&bytes[..], 0, SEGMENT).expect("the written layout is cut");
        assert_eq!(segments.entries.entries.len(), 20_000);
        assert_eq!(Some(segments), serial(&bytes));
    }

    #[cfg(unix)]
    #[test]
    fn an_open_file_reads_in_segments_as_its_bytes_do() {
        use std::io::Write;
        let bytes = written(&entries(500, 3), None);
        let mut file = tempfile::tempfile().expect("temporary file");
        file.write_all(&bytes).expect("write");
        let from_file = parse(&OpenFile { file: &file, len: bytes.len() as u64 }, 0, 4096);
        assert!(from_file.is_some());
        assert_eq!(from_file, parse(&bytes[..], 0, 4096));
    }

    #[test]
    fn small_files_and_other_layouts_are_left_to_the_ordinary_read() {
        let list = entries(200, 1);
        let pretty = written(&list, None);
        assert!(parse(&pretty[..], MIN_LEN, SEGMENT).is_none(), "too small to be worth a thread");
        let compact =
            serde_json::to_vec(&serde_json::from_slice::<serde_json::Value>(&pretty).expect("json"))
                .expect("compact");
        assert!(parse(&compact[..], 0, SEGMENT).is_none(), "no boundary to cut at");
        assert!(serial(&compact).is_some());
    }

    /// A change to a written store that may make the cut unsound or the file unreadable.
    #[derive(Debug, Clone)]
    enum Change {
        None,
        /// A top-level field after the entries (another tool's, or a newer version's).
        FieldAfter,
        /// The entries before the version and plan.
        EntriesFirst,
        /// Unknown fields in every entry holding a list of objects, pretty-printed.
        NestedLists,
        /// The file cut short at this fraction of its length (per mille).
        Truncated(u16),
        /// One byte replaced, at this fraction of the length (per mille).
        Byte(u16, u8),
        /// Text after the end.
        Trailing,
    }

    fn apply(change: &Change, list: &[Entry]) -> Vec<u8> {
        let at = |bytes: &[u8], per_mille: u16| bytes.len() * usize::from(per_mille.min(999)) / 1000;
        match change {
            Change::None => written(list, None),
            Change::NestedLists => {
                let extra: Extra =
                    serde_json::from_str(r#"{"tags": [{"a": [{"b": 1}]}, {"a": []}]}"#).expect("json");
                written(list, Some(&extra))
            }
            Change::FieldAfter | Change::EntriesFirst => {
                let mut value: serde_json::Value =
                    serde_json::from_slice(&written(list, None)).expect("json");
                let object = value.as_object_mut().expect("object");
                if matches!(change, Change::FieldAfter) {
                    object.insert("notes".into(), serde_json::json!([{"x": 1}, {"y": 2}]));
                } else {
                    let entries = object.remove("entries").expect("entries");
                    let rest = std::mem::take(object);
                    object.insert("entries".into(), entries);
                    object.extend(rest);
                }
                serde_json::to_vec_pretty(&value).expect("serialise")
            }
            Change::Truncated(per_mille) => {
                let mut bytes = written(list, None);
                bytes.truncate(at(&bytes, *per_mille));
                bytes
            }
            Change::Byte(per_mille, byte) => {
                let mut bytes = written(list, None);
                let i = at(&bytes, *per_mille);
                bytes[i] = *byte;
                bytes
            }
            Change::Trailing => {
                let mut bytes = written(list, None);
                bytes.extend_from_slice(b"{}");
                bytes
            }
        }
    }

    fn any_change() -> impl Strategy<Value = Change> {
        prop_oneof![
            Just(Change::None),
            Just(Change::FieldAfter),
            Just(Change::EntriesFirst),
            Just(Change::NestedLists),
            Just(Change::Trailing),
            (0u16..1000).prop_map(Change::Truncated),
            (0u16..1000, any::<u8>()).prop_map(|(at, byte)| Change::Byte(at, byte)),
            (0u16..1000).prop_map(|at| Change::Byte(at, b'\n')),
            (0u16..1000).prop_map(|at| Change::Byte(at, b'"')),
        ]
    }

    proptest! {
        /// Whatever the file, reading it in segments gives what the ordinary read gives, or
        /// declines; and a store as written is never declined.
        #[test]
        fn segments_agree_with_the_ordinary_read_or_decline(
            count in 2usize..60, seed in 0u64..1000, change in any_change(), segment in 100u64..20_000
        ) {
            let list = entries(count, seed);
            let bytes = apply(&change, &list);
            if let Some(segments) = parse(&bytes[..], 0, segment) {
                prop_assert_eq!(Some(segments), serial(&bytes));
            } else {
                prop_assert!(!matches!(change, Change::None | Change::NestedLists));
            }
        }
    }
}
