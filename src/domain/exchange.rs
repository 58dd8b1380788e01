//! Change files: entries carried from one store to another (field laptop → office) on a USB
//! stick or by e-mail, without loss or double counting.
//!
//! ```json
//! { "format": "chitieu-changes", "version": 1,
//!   "plan": { "id": "dong-thap-cth-2024", "year": 2024, "hash": "5bf169a1279ee44d" },
//!   "made": "2024-07-12T03:00:00Z", "since": "2024-06-30T17:00:00Z", "author": "lan",
//!   "count": 2, "checksum": "fnv1a64:…", "entries": [ …entries exactly as in a store… ] }
//! ```
//! `since` and `author` record the selection and are absent when not given. `checksum` is
//! FNV-1a over the `entries` array in canonical JSON (compact, object keys sorted), so a
//! truncated or hand-edited file is noticed whatever its layout, and fields added by a newer
//! build do not break it; it guards against accidents, not forgery. Importing merges by entry id, so the same file twice, or files in any order, end in
//! the same store. A file is checked whole before anything is written: one bad entry refuses
//! it all.

use crate::domain::ledger::{Entry, Ledger, ROUND_TARGET};
use crate::domain::plan::{Plan, PlanRef};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What the `format` field of a change file says.
pub const FORMAT: &str = "chitieu-changes";
/// The change-file version written by this build. Older versions are read; newer refused.
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangeFile {
    pub format: String,
    pub version: u32,
    pub plan: PlanRef,
    /// When the file was written.
    pub made: jiff::Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<jiff::Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The unit whose store the entries come from (a commune, a department); absent for the
    /// plan's own store. Imported only into that unit's store.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    pub count: usize,
    pub checksum: String,
    pub entries: Vec<Entry>,
    /// Fields of entries (by id) that this build does not know, carried through as they were
    /// in the store (the store format promises to keep them); written into the entries.
    #[serde(skip)]
    pub extra: HashMap<String, Extra>,
}

/// Fields of an entry that this build does not know.
pub type Extra = serde_json::Map<String, serde_json::Value>;

/// Which entries to export.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Entries made at or after this moment.
    pub since: Option<jiff::Timestamp>,
    /// Entries by this author only.
    pub author: Option<String>,
}

impl Selection {
    pub fn takes(&self, entry: &Entry) -> bool {
        self.since.is_none_or(|since| entry.time >= since)
            && self.author.as_deref().is_none_or(|author| entry.author == author)
    }
}

/// The change file holding the entries of `ledger` that `selection` takes.
pub fn export(plan: &Plan, ledger: &Ledger, selection: &Selection, made: jiff::Timestamp) -> ChangeFile {
    export_with_fields(plan, ledger, selection, made, |_| None)
}

/// [`export`], with the fields this build does not know of each entry (`fields`, by id:
/// `Store::fields_of`) written into it as the store has them.
pub fn export_with_fields<'a>(
    plan: &Plan,
    ledger: &Ledger,
    selection: &Selection,
    made: jiff::Timestamp,
    fields: impl Fn(&str) -> Option<&'a Extra>,
) -> ChangeFile {
    let entries: Vec<Entry> = ledger.entries().iter().filter(|e| selection.takes(e)).cloned().collect();
    let extra: HashMap<String, Extra> =
        entries.iter().filter_map(|e| Some((e.id.clone(), fields(&e.id)?.clone()))).collect();
    ChangeFile {
        format: FORMAT.to_owned(),
        version: VERSION,
        plan: PlanRef::of(plan),
        made,
        since: selection.since,
        author: selection.author.clone(),
        unit: None,
        count: entries.len(),
        checksum: checksum_of_json(&entries_json(&entries, &extra)),
        entries,
        extra,
    }
}

/// The entries as JSON, each with its unknown fields (which the checksum covers too).
fn entries_json(entries: &[Entry], extra: &HashMap<String, Extra>) -> serde_json::Value {
    let mut value = serde_json::to_value(entries).unwrap_or_default();
    if let Some(list) = value.as_array_mut() {
        for (json, entry) in list.iter_mut().zip(entries) {
            if let (Some(object), Some(fields)) = (json.as_object_mut(), extra.get(&entry.id)) {
                for (key, field) in fields {
                    object.entry(key.clone()).or_insert_with(|| field.clone());
                }
            }
        }
    }
    value
}

/// The file's bytes: pretty JSON ending in a newline.
pub fn to_bytes(file: &ChangeFile) -> Vec<u8> {
    let mut value = serde_json::to_value(file).unwrap_or_default();
    if !file.extra.is_empty()
        && let Some(object) = value.as_object_mut()
    {
        object.insert("entries".into(), entries_json(&file.entries, &file.extra));
    }
    let mut bytes = serde_json::to_vec_pretty(&value).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// `fnv1a64:` and the hash of the entries in canonical JSON.
pub fn checksum(entries: &[Entry]) -> String {
    checksum_of_json(&serde_json::to_value(entries).unwrap_or_default())
}

/// The checksum of entries as JSON text read them: compact, the keys of every object in
/// sorted order (`serde_json::Value` keeps them sorted), so neither layout nor key order nor
/// fields this build does not know change it.
fn checksum_of_json(entries: &serde_json::Value) -> String {
    format!("fnv1a64:{}", crate::domain::plan::fnv1a_json(&entries))
}

/// Whether an entry's target fits the plan: a target the plan has for a figure, the whole
/// period ([`ROUND_TARGET`]) for a round entry.
pub fn target_fits(plan: &Plan, entry: &Entry) -> bool {
    if entry.is_round() { entry.target == ROUND_TARGET } else { plan.target(&entry.target).is_some() }
}

/// A change file that passed every check, against the store it is to be merged into.
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming {
    pub file: ChangeFile,
    /// The entries the store does not have yet, in file order.
    pub new: Vec<Entry>,
    /// How many of the file's entries the store already has.
    pub already: usize,
    /// The file was made with the same plan id and year, but a different plan text.
    pub plan_differs: bool,
}

/// Why a change file is refused, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct ExchangeError {
    /// 1-based; 0 when no line can be named.
    pub line: usize,
    pub column: usize,
    pub problem: ExchangeProblem,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExchangeProblem {
    /// Not JSON (serde's words).
    Syntax(String),
    /// JSON, but not of the change-file shape: a bad value, a missing field (serde's words).
    Shape(String),
    Truncated,
    /// No `"format": "chitieu-changes"`; `looks_like_store` when it is a store file.
    NotAChangeFile {
        looks_like_store: bool,
    },
    NewerVersion(u64),
    UnknownVersion,
    OtherPlan {
        id: String,
        year: i16,
    },
    CountMismatch {
        declared: usize,
        found: usize,
    },
    ChecksumMismatch,
    UnknownTarget {
        entry: String,
        target: String,
    },
    /// An entry with an empty id, or control characters in a text field.
    BadText {
        entry: String,
        field: &'static str,
    },
    /// Two entries in the file share an id but differ.
    DuplicateId {
        entry: String,
    },
    /// The store has an entry with this id and different content.
    IdClash {
        entry: String,
    },
}

/// Reads and checks a change file against `plan` and the store's `ledger`. Nothing is written.
pub fn read(text: &str, plan: &Plan, ledger: &Ledger) -> Result<Incoming, ExchangeError> {
    let at = |line, column, problem| ExchangeError { line, column, problem };
    let top = |problem| at(0, 0, problem);
    let at_entry = |id: &str, problem| {
        let (line, column) = crate::domain::text::locate_json_id(text, id).unwrap_or((0, 0));
        at(line, column, problem)
    };
    let json_error = |e: serde_json::Error| {
        let message = e.to_string();
        let message = message.split(" at line ").next().unwrap_or(&message).to_owned();
        let problem = if e.is_eof() {
            ExchangeProblem::Truncated
        } else if e.classify() == serde_json::error::Category::Syntax {
            ExchangeProblem::Syntax(message)
        } else {
            ExchangeProblem::Shape(message)
        };
        at(e.line(), e.column(), problem)
    };

    // The header first, so that a store or a newer file is refused for what it is.
    #[derive(Deserialize)]
    struct Header {
        format: Option<serde_json::Value>,
        version: Option<serde_json::Value>,
        entries: Option<serde_json::Value>,
    }
    let header: Header = serde_json::from_str(text).map_err(json_error)?;
    if header.format.as_ref().and_then(serde_json::Value::as_str) != Some(FORMAT) {
        let looks_like_store = header.format.is_none() && header.entries.is_some();
        return Err(top(ExchangeProblem::NotAChangeFile { looks_like_store }));
    }
    match header.version.as_ref().and_then(serde_json::Value::as_u64) {
        Some(v) if (1..=u64::from(VERSION)).contains(&v) => {}
        Some(v) if v > u64::from(VERSION) => return Err(top(ExchangeProblem::NewerVersion(v))),
        _ => return Err(top(ExchangeProblem::UnknownVersion)),
    }
    let file: ChangeFile = serde_json::from_str(text).map_err(json_error)?;
    if file.plan.id != plan.id || file.plan.year != plan.year {
        return Err(top(ExchangeProblem::OtherPlan { id: file.plan.id, year: file.plan.year }));
    }
    if file.count != file.entries.len() {
        return Err(top(ExchangeProblem::CountMismatch { declared: file.count, found: file.entries.len() }));
    }
    let as_written = header.entries.unwrap_or_default();
    if file.checksum != checksum_of_json(&as_written) {
        return Err(top(ExchangeProblem::ChecksumMismatch));
    }
    // What this build does not know of each entry travels on into the store.
    let mut file = file;
    for (json, entry) in as_written.as_array().into_iter().flatten().zip(&file.entries) {
        let unknown: Extra = json
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(key, _)| !crate::domain::ledger::ENTRY_FIELDS.contains(&key.as_str()))
            .map(|(key, value)| (key.clone(), value.clone()))
            .collect();
        if !unknown.is_empty() {
            file.extra.entry(entry.id.clone()).or_insert(unknown);
        }
    }

    // Text is checked as written (control characters refuse the file), then brought to NFC
    // as `set` and every read of a store do (`text::clean`), before anything is compared: the same file read
    // again, or one re-encoded in NFD by another tool, is then the same entries.
    for entry in &mut file.entries {
        let id = entry.id.as_str();
        if id.trim().is_empty() {
            return Err(at_entry(id, ExchangeProblem::BadText { entry: id.to_owned(), field: "id" }));
        }
        let links = entry.retracts.iter().map(|r| ("retracts", r.as_str()));
        let seen = entry.supersedes.iter().flatten().map(|r| ("supersedes", r.as_str()));
        for (field, value) in [("id", id), ("author", &entry.author), ("note", &entry.note)]
            .into_iter()
            .chain(links)
            .chain(seen)
        {
            if crate::domain::text::has_controls(value) {
                return Err(at_entry(id, ExchangeProblem::BadText { entry: id.to_owned(), field }));
            }
        }
        crate::domain::text::clean_in_place(&mut entry.note);
        crate::domain::text::clean_in_place(&mut entry.author);
    }

    let mine: HashMap<&str, &Entry> = ledger.entries().iter().map(|e| (e.id.as_str(), e)).collect();
    let mut in_file: HashMap<&str, &Entry> = HashMap::new();
    for entry in &file.entries {
        let id = entry.id.as_str();
        if !target_fits(plan, entry) {
            return Err(at_entry(
                id,
                ExchangeProblem::UnknownTarget { entry: id.to_owned(), target: entry.target.clone() },
            ));
        }
        if let Some(other) = in_file.insert(id, entry)
            && other != entry
        {
            return Err(at_entry(id, ExchangeProblem::DuplicateId { entry: id.to_owned() }));
        }
        if let Some(mine) = mine.get(id)
            && *mine != entry
        {
            return Err(at_entry(id, ExchangeProblem::IdClash { entry: id.to_owned() }));
        }
    }

    let mut new = Vec::new();
    let mut already = 0;
    let mut taken = std::collections::HashSet::new();
    for entry in &file.entries {
        if ledger.contains(&entry.id) {
            already += 1;
        } else if taken.insert(entry.id.as_str()) {
            new.push(entry.clone());
        } else {
            // The same entry twice in one file counts once.
            already += 1;
        }
    }
    let plan_differs = !plan.accepts_store_of(&file.plan.hash);
    Ok(Incoming { file, new, already, plan_differs })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ledger::tests::entry;
    use crate::domain::period::Period;

    fn made() -> jiff::Timestamp {
        jiff::Timestamp::from_second(1_720_500_000).expect("time")
    }

    fn text(file: &ChangeFile) -> String {
        String::from_utf8(to_bytes(file)).expect("utf-8")
    }

    #[test]
    fn export_selects_and_read_counts_new_and_known() {
        let plan = Plan::embedded();
        let mut b = entry("b", "3", Period::H1, "4800", 100);
        b.author = "minh".into();
        let ledger = Ledger::new([entry("a", "1", Period::Q1, "7.5", 0), b]);
        let since = jiff::Timestamp::from_second(1_720_000_050).expect("time");
        let file = export(&plan, &ledger, &Selection { since: Some(since), author: None }, made());
        assert_eq!(file.entries.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["b"]);
        let by_lan = export(&plan, &ledger, &Selection { since: None, author: Some("lan".into()) }, made());
        assert_eq!(by_lan.count, 1);

        let all = export(&plan, &ledger, &Selection::default(), made());
        let other = Ledger::new([entry("a", "1", Period::Q1, "7.5", 0)]);
        let incoming = read(&text(&all), &plan, &other).expect("valid");
        assert_eq!((incoming.new.len(), incoming.already, incoming.plan_differs), (1, 1, false));
    }

    #[test]
    fn the_checksum_ignores_layout_and_key_order_and_covers_new_fields() {
        let plan = Plan::embedded();
        let ledger = Ledger::new([entry("a", "1", Period::Q1, "7.5", 0)]);
        let file = export(&plan, &ledger, &Selection::default(), made());
        // Compact, keys sorted: another layout of the same file.
        let mut value: serde_json::Value = serde_json::from_slice(&to_bytes(&file)).expect("json");
        let compact = serde_json::to_string(&value).expect("json");
        assert!(read(&compact, &plan, &Ledger::default()).is_ok());
        // A field a newer build added to an entry, with the checksum that build would write.
        value["entries"][0]["reviewed_by"] = serde_json::json!("tam");
        value["checksum"] = serde_json::json!(checksum_of_json(&value["entries"]));
        let newer = serde_json::to_string(&value).expect("json");
        assert!(read(&newer, &plan, &Ledger::default()).is_ok());
        value["entries"][0]["reviewed_by"] = serde_json::json!("someone else");
        let edited = serde_json::to_string(&value).expect("json");
        assert_eq!(
            read(&edited, &plan, &Ledger::default()).map(|_| ()).map_err(|e| e.problem),
            Err(ExchangeProblem::ChecksumMismatch)
        );
    }

    #[test]
    fn refusals() {
        let plan = Plan::embedded();
        let ledger = Ledger::new([entry("a", "1", Period::Q1, "7.5", 0)]);
        let good = export(&plan, &ledger, &Selection::default(), made());
        let problem = |t: &str| read(t, &plan, &Ledger::default()).map(|_| ()).map_err(|e| e.problem);
        let good_text = text(&good);
        assert_eq!(problem(&good_text), Ok(()));
        assert_eq!(problem(&good_text[..good_text.len() / 2]), Err(ExchangeProblem::Truncated));
        assert_eq!(problem(&good_text.replace("7.5", "75")), Err(ExchangeProblem::ChecksumMismatch));
        assert_eq!(
            problem(&good_text.replace("\"year\": 2024", "\"year\": 2025")),
            Err(ExchangeProblem::OtherPlan { id: plan.id.clone(), year: 2025 })
        );
        assert_eq!(
            problem(&good_text.replace("\"version\": 1", "\"version\": 9")),
            Err(ExchangeProblem::NewerVersion(9))
        );
        assert!(matches!(problem(&good_text.replace("\"7.5\"", "\"7,5\"")), Err(ExchangeProblem::Shape(_))));
        let store = r#"{"version": 1, "plan": {"id": "x", "year": 2024, "hash": ""}, "entries": []}"#;
        assert_eq!(problem(store), Err(ExchangeProblem::NotAChangeFile { looks_like_store: true }));

        let mut unknown = good.clone();
        unknown.entries[0].target = "99".into();
        unknown.checksum = checksum(&unknown.entries);
        let err = read(&text(&unknown), &plan, &Ledger::default()).expect_err("unknown target");
        assert_eq!(err.problem, ExchangeProblem::UnknownTarget { entry: "a".into(), target: "99".into() });
        assert!(err.line > 0, "the entry is located");

        let mut escape = good.clone();
        escape.entries[0].note = "\u{1b}[2J".into();
        escape.checksum = checksum(&escape.entries);
        assert_eq!(
            problem(&text(&escape)),
            Err(ExchangeProblem::BadText { entry: "a".into(), field: "note" })
        );

        let mut clash = Ledger::new([entry("a", "1", Period::Q1, "9.9", 0)]);
        let err = read(&good_text, &plan, &clash).expect_err("same id, other value");
        assert_eq!(err.problem, ExchangeProblem::IdClash { entry: "a".into() });
        clash = Ledger::new([entry("a", "1", Period::Q1, "7.5", 0)]);
        let incoming = read(&good_text, &plan, &clash).expect("same entry is fine");
        assert_eq!((incoming.new.len(), incoming.already), (0, 1));
    }
}
