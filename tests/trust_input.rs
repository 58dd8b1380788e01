//! Bad input from files and from typing (issue 11, holes 9–13): escapes in ids, NFD text,
//! unknown fields, two entries under one id, figures a thousandfold off. Through the real
//! binary, on real files.

mod common;

use chitieu::domain::exchange::{self, Selection};
use chitieu::domain::ledger::{Entry, Kind, Ledger};
use chitieu::domain::period::Period;
use chitieu::domain::plan::Plan;
use chitieu::store::Store;
use rust_decimal::Decimal;
use std::path::Path;

fn figure(id: &str, target: &str, period: Period, value: &str, hour: i64) -> Entry {
    let value = Decimal::from_str_exact(value).expect("decimal");
    let time = jiff::Timestamp::from_second(1_719_792_000 + hour * 3600).expect("time");
    Entry {
        supersedes: Some(Vec::new()),
        ..Entry::figure(id.into(), target, period, value, Kind::Official, "lan", time)
    }
}

/// The store's JSON with `entries` (as JSON values) in it.
fn store_json(entries: &[serde_json::Value]) -> String {
    let plan = Plan::embedded();
    let file = serde_json::json!({
        "version": 1,
        "plan": { "id": plan.id, "year": plan.year, "hash": plan.content_hash },
        "entries": entries,
    });
    serde_json::to_string_pretty(&file).expect("json")
}

fn json_of(entry: &Entry) -> serde_json::Value {
    serde_json::to_value(entry).expect("entry")
}

/// Whether bytes written for a terminal could drive it: any control character other than
/// line feed, tab and CSV's CRLF, or a bidi control.
fn drives_a_terminal(text: &str) -> bool {
    text.replace("\r\n", "\n").chars().any(|c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
    })
}

const OSC52: &str = "\u{1b}]52;c;cm0gLXJmIH4=\u{7}";
const CLEAR: &str = "\u{1b}[2J\u{202e}";

/// Hole 9: ids from a store reach `check`, `history`, `report` and error messages without
/// their escapes.
#[test]
fn escapes_in_store_ids_never_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store.json");
    let mut a = figure(&format!("a{OSC52}"), "3", Period::H1, "4500", 1);
    a.supersedes = Some(vec![format!("x{CLEAR}")]);
    let mut undo = figure(&format!("u{CLEAR}"), "3", Period::H1, "4500", 2);
    undo.retracts = Some(format!("gone{OSC52}"));
    // The same id twice, differing: the error names it.
    let twice = figure(&format!("d{OSC52}"), "1", Period::H1, "8", 3);
    let mut other = twice.clone();
    other.value = Decimal::new(9, 0);
    std::fs::write(&store, store_json(&[json_of(&a), json_of(&undo), json_of(&twice), json_of(&other)]))
        .expect("write");
    for args in
        [&["check"][..], &["history"], &["report"], &["set", "1", "8,1"], &["report", "--format", "csv"]]
    {
        let output = common::run_as_tester(&store, args);
        let both = format!("{}{}", common::stdout(&output), common::stderr(&output));
        assert!(!drives_a_terminal(&both), "{args:?} printed an escape: {both:?}");
    }
    let check = common::stdout(&common::run_as_tester(&store, &["check"]));
    assert!(check.contains("a]52;c;cm0gLXJmIH4="), "the id is still named, harmlessly: {check}");
}

/// Hole 9: a change file whose `retracts` or `supersedes` hold control characters is refused
/// like one with them in a note, and the refusal prints none of them.
#[test]
fn ids_with_control_characters_are_refused_on_import() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store.json");
    let plan = Plan::embedded();
    for field in ["retracts", "supersedes"] {
        let mut entry = figure("e1", "3", Period::H1, "4500", 1);
        if field == "retracts" {
            entry.retracts = Some(format!("x{OSC52}"));
        } else {
            entry.supersedes = Some(vec![format!("x{OSC52}")]);
        }
        let file =
            exchange::export(&plan, &Ledger::new([entry]), &Selection::default(), jiff::Timestamp::now());
        let path = dir.path().join(format!("{field}.json"));
        std::fs::write(&path, exchange::to_bytes(&file)).expect("write");
        let output = common::run_as_tester(&store, &["import", path.to_str().expect("utf-8"), "--yes"]);
        assert_eq!(output.status.code(), Some(2), "{field}: {}", common::stdout(&output));
        assert!(common::stderr(&output).contains(field), "{}", common::stderr(&output));
        assert!(!drives_a_terminal(&common::stderr(&output)), "{:?}", common::stderr(&output));
        assert!(!store.exists());
    }
}

/// Hole 9: a plan whose target id holds an escape is refused, and the refusal is harmless.
#[test]
fn a_plan_id_with_an_escape_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan_path = dir.path().join("plan.json");
    let text = chitieu::domain::plan::EMBEDDED_2024.replacen(
        "\"id\": \"3\"",
        &format!("\"id\": \"3{}\"", "\\u001b[2J"),
        1,
    );
    assert_ne!(text, chitieu::domain::plan::EMBEDDED_2024, "the plan names target 3 as expected");
    std::fs::write(&plan_path, text).expect("write");
    let output = common::run_as_tester(
        &dir.path().join("store.json"),
        &["--plan", plan_path.to_str().expect("utf-8"), "report"],
    );
    assert_eq!(output.status.code(), Some(2), "{}", common::stdout(&output));
    assert!(!drives_a_terminal(&common::stderr(&output)), "{:?}", common::stderr(&output));
}

/// Hole 10: a change file with NFD text imports, and imports again as "already there".
#[test]
fn nfd_text_in_a_change_file_imports_twice_the_same() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store.json");
    let mut entry = figure("e1", "3", Period::H1, "4500", 1);
    entry.note = "Sở Tài chính".chars().flat_map(unicode_nfd).collect();
    entry.author = "Nguyễn".chars().flat_map(unicode_nfd).collect();
    assert_ne!(entry.note, "Sở Tài chính", "decomposed");
    let file = exchange::export(
        &Plan::embedded(),
        &Ledger::new([entry]),
        &Selection::default(),
        jiff::Timestamp::now(),
    );
    let path = dir.path().join("nfd.json");
    std::fs::write(&path, exchange::to_bytes(&file)).expect("write");
    for _ in 0..2 {
        let output = common::run_as_tester(&store, &["import", path.to_str().expect("utf-8"), "--yes"]);
        assert!(output.status.success(), "{}", common::stderr(&output));
    }
    let ledger = Store::open(&store, &Plan::embedded()).expect("open").ledger().clone();
    assert_eq!(ledger.entries()[0].note, "Sở Tài chính");
}

/// NFD of the few letters the test uses.
fn unicode_nfd(c: char) -> Vec<char> {
    match c {
        'ở' => vec!['o', '\u{31b}', '\u{309}'],
        'à' => vec!['a', '\u{300}'],
        'í' => vec!['i', '\u{301}'],
        'ễ' => vec!['e', '\u{302}', '\u{303}'],
        c => vec![c],
    }
}

/// Hole 11: fields this build does not know travel from store to change file to store.
#[test]
fn unknown_fields_survive_export_and_import() {
    let dir = tempfile::tempdir().expect("tempdir");
    let field = dir.path().join("field.json");
    let office = dir.path().join("office.json");
    let mut entry = json_of(&figure("e1", "3", Period::H1, "4500", 1));
    entry["source"] = serde_json::json!({ "doc": "BC-12", "pages": [1, 2] });
    std::fs::write(&field, store_json(&[entry])).expect("write");
    let changes = dir.path().join("changes.json");
    let output = common::run_as_tester(&field, &["export", changes.to_str().expect("utf-8")]);
    assert!(output.status.success(), "{}", common::stderr(&output));
    let file: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&changes).expect("read")).expect("json");
    assert_eq!(file["entries"][0]["source"]["doc"], "BC-12", "in the change file");
    let output = common::run_as_tester(&office, &["import", changes.to_str().expect("utf-8"), "--yes"]);
    assert!(output.status.success(), "{}", common::stderr(&output));
    let stored: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&office).expect("read")).expect("json");
    assert_eq!(stored["entries"][0]["source"], serde_json::json!({ "doc": "BC-12", "pages": [1, 2] }));
}

/// Hole 12: a store holding two different entries under one id is not saved over (which
/// would drop one figure): the refusal names the id and the file is left as it was.
#[test]
fn two_entries_under_one_id_are_never_dropped_by_a_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store.json");
    let first = figure("dup-1", "3", Period::H1, "4500", 1);
    let mut second = first.clone();
    second.value = Decimal::new(4700, 0);
    second.time = jiff::Timestamp::from_second(1_719_792_000 + 7200).expect("time");
    let text = store_json(&[json_of(&first), json_of(&second)]);
    std::fs::write(&store, &text).expect("write");
    for args in [&["set", "1", "8,1"][..], &["close-period", "h1"], &["undo"]] {
        let output = common::run_as_tester(&store, args);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {}", common::stdout(&output));
        assert!(common::stderr(&output).contains("dup-1"), "{}", common::stderr(&output));
        assert_eq!(std::fs::read_to_string(&store).expect("read"), text, "left as it was");
    }
}

/// Hole 13: a first figure a hundredfold off what its period expects, and `9,500` typed in
/// Vietnamese, are questioned (refused without a terminal) and taken with `--yes`.
#[test]
fn a_figure_a_thousandfold_off_is_questioned() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store.json");
    for args in [["set", "3", "9,500", "--period", "year"], ["set", "1", "800", "--period", "h1"]] {
        let output = common::run_as_tester(&store, &args);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {}", common::stdout(&output));
        assert!(common::stderr(&output).contains("--yes"), "{}", common::stderr(&output));
        assert!(!store.exists(), "nothing written");
    }
    assert!(
        common::stderr(&common::run_as_tester(&store, &["set", "3", "9,500", "--period", "year"]))
            .contains("dấu chấm")
    );
    assert!(
        common::run_as_tester(&store, &["set", "3", "9,500", "--period", "year", "--yes"]).status.success()
    );
    // Sensible first figures pass without a question.
    assert!(common::run_as_tester(&store, &["set", "3", "4.500", "--period", "h1"]).status.success());
    assert!(common::run_as_tester(&store, &["set", "1", "8,1", "--period", "h1"]).status.success());
}

/// Hole 13: a figure too large to divide is a sharp change, not a skipped check.
#[test]
fn a_huge_figure_is_still_checked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store.json");
    assert!(common::run_as_tester(&store, &["set", "3", "0,1", "--period", "q1", "--yes"]).status.success());
    let huge = "50.000.000.000.000.000.000.000.000.000";
    let output = common::run_as_tester(&store, &["set", "3", huge, "--period", "h1"]);
    assert_eq!(output.status.code(), Some(2), "{}", common::stdout(&output));
    assert!(common::stderr(&output).contains("--yes"), "{}", common::stderr(&output));
}

/// A store holding `entries`, as JSON.
fn store_of(path: &Path, entries: &[Entry]) {
    let json: Vec<serde_json::Value> = entries.iter().map(json_of).collect();
    std::fs::write(path, store_json(&json)).expect("write");
}

/// Hole 1: a figure dated 2099 by a wrong clock does not hide the correction made with it in
/// view, and a closing dated 2099 is undone by the reopening; `check` shows such entries.
#[test]
fn a_wrong_clock_does_not_win() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store.json");
    let mut far = figure("far-1", "3", Period::H1, "4500", 0);
    far.time = "2099-01-01T00:00:00Z".parse().expect("time");
    let mut closing = figure("far-close", "*", Period::NineMonths, "0", 0);
    closing.action = Some(chitieu::domain::ledger::RoundAction::ClosePeriod);
    closing.supersedes = None;
    closing.time = "2099-01-01T00:00:00Z".parse().expect("time");
    store_of(&store, &[far, closing]);

    let check = common::run_as_tester(&store, &["check"]);
    assert_eq!(check.status.code(), Some(1), "{}", common::stdout(&check));
    assert!(
        common::stdout(&check).contains("far-1") && common::stdout(&check).contains("đồng hồ"),
        "{}",
        common::stdout(&check)
    );

    let set = common::run_as_tester(&store, &["set", "3", "4.700", "--period", "h1"]);
    assert!(set.status.success(), "{}", common::stderr(&set));
    let report =
        common::stdout(&common::run_as_tester(&store, &["report", "--format", "json", "--period", "h1"]));
    let json: serde_json::Value = serde_json::from_str(&report).expect("json");
    let three = json["targets"].as_array().expect("targets").iter().find(|t| t["id"] == "3").expect("3");
    assert_eq!(three["actual"], "4700", "the correction is the current figure");

    assert!(common::run_as_tester(&store, &["reopen-period", "9m"]).status.success());
    let after = common::run_as_tester(&store, &["set", "3", "6.900", "--period", "9m"]);
    assert!(after.status.success(), "the period is open again: {}", common::stderr(&after));
}

/// Hole 1: an imported entry dated more than a day ahead is questioned (refused without
/// `--yes`).
#[test]
fn an_import_from_a_clock_far_ahead_is_questioned() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store.json");
    let mut far = figure("far-1", "3", Period::H1, "4500", 0);
    far.time = "2099-01-01T00:00:00Z".parse().expect("time");
    let file = exchange::export(
        &Plan::embedded(),
        &Ledger::new([far]),
        &Selection::default(),
        jiff::Timestamp::now(),
    );
    let path = dir.path().join("far.json");
    std::fs::write(&path, exchange::to_bytes(&file)).expect("write");
    let output = common::run_as_tester(&store, &["import", path.to_str().expect("utf-8")]);
    assert_eq!(output.status.code(), Some(2), "{}", common::stdout(&output));
    assert!(
        common::stderr(&output).contains("far-1") && common::stderr(&output).contains("--yes"),
        "{}",
        common::stderr(&output)
    );
    assert!(!store.exists());
    assert!(
        common::run_as_tester(&store, &["import", path.to_str().expect("utf-8"), "--yes"]).status.success()
    );
}

/// Hole 2: an import that reopens a period this store closed says so and needs `--yes`.
#[test]
fn an_import_that_reopens_a_closed_period_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let office = dir.path().join("office.json");
    let laptop = dir.path().join("laptop.json");
    assert!(common::run_as_tester(&office, &["close-period", "h1"]).status.success());
    let changes = dir.path().join("office-changes.json");
    assert!(common::run_as_tester(&office, &["export", changes.to_str().expect("utf-8")]).status.success());
    assert!(
        common::run_as_tester(&laptop, &["import", changes.to_str().expect("utf-8"), "--yes"])
            .status
            .success()
    );
    assert!(common::run_as_tester(&laptop, &["reopen-period", "h1"]).status.success());
    let back = dir.path().join("laptop-changes.json");
    assert!(common::run_as_tester(&laptop, &["export", back.to_str().expect("utf-8")]).status.success());

    let before = std::fs::read(&office).expect("read");
    let output = common::run_as_tester(&office, &["import", back.to_str().expect("utf-8")]);
    assert_eq!(output.status.code(), Some(2), "{}", common::stdout(&output));
    assert!(common::stderr(&output).contains("MỞ LẠI"), "{}", common::stderr(&output));
    assert_eq!(std::fs::read(&office).expect("read"), before, "nothing written");
    let taken = common::run_as_tester(&office, &["import", back.to_str().expect("utf-8"), "--yes"]);
    assert!(taken.status.success(), "{}", common::stderr(&taken));
    assert!(common::stdout(&taken).contains("MỞ LẠI"), "the summary says it: {}", common::stdout(&taken));
}
