//! Indicator 8 (the poor-household rate) took the fall itself (`0,4`) before the 2024 plan was
//! revised, and now takes the rate: `chitieu check` names each figure of 8 that was entered
//! under the old version, or that only looks like a fall.

mod common;

use std::path::Path;
use std::process::Output;

/// The plan version before the revision (format 1, 8 in "điểm %"), as `revises` names it.
const BEFORE_THE_REVISION: &str = "5bf169a1279ee44d";

/// A store as a build of that time wrote it: the old plan's hash, figures for 8 and 3.
fn old_store(path: &Path, hash: &str, figures_for_8: &[(&str, &str)]) {
    let mut entries = vec![
        r#"{"id": "b1", "target": "3", "period": "h1", "value": "4500", "kind": "official", "note": "", "author": "lan", "time": "2024-07-05T08:00:00Z"}"#.to_owned(),
    ];
    for (n, (period, value)) in figures_for_8.iter().enumerate() {
        entries.push(format!(
            r#"{{"id": "p{n}", "target": "8", "period": "{period}", "value": "{value}", "kind": "official", "note": "", "author": "lan", "time": "2024-12-2{n}T08:00:00Z"}}"#
        ));
    }
    let store = format!(
        r#"{{"version": 1, "plan": {{"id": "dong-thap-cth-2024", "year": 2024, "hash": "{hash}"}}, "entries": [{}]}}"#,
        entries.join(",\n")
    );
    std::fs::write(path, store).expect("write store");
}

fn run(store: &Path, args: &[&str]) -> Output {
    common::chitieu().env("USER", "lan").arg("--store").arg(store).args(args).output().expect("run chitieu")
}

#[test]
fn check_names_a_figure_of_8_entered_before_the_plan_was_revised() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store.json");
    // 2,7 would pass for a rate; the store's plan version says it is a fall.
    old_store(&store, BEFORE_THE_REVISION, &[("year", "2.7")]);
    let output = run(&store, &["check"]);
    let out = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(out.contains("chỉ tiêu 8, Cả năm: 2,7 được nhập khi kế hoạch còn ghi mức giảm"), "{out}");
    assert!(out.contains("hãy nhập lại tỷ lệ (%)") && out.contains("(mục p0)"), "{out}");

    // Once the rate is entered again, the old figure is history and check is content.
    let set = run(&store, &["set", "8", "2,9", "--period", "year", "--yes"]);
    assert!(set.status.success(), "{}", String::from_utf8_lossy(&set.stderr));
    let output = run(&store, &["check"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stdout));
}

#[test]
fn after_a_save_a_fall_is_still_questioned_by_its_size() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store.json");
    old_store(&store, BEFORE_THE_REVISION, &[("year", "0.4")]);
    // A save of another target writes the store for the revised plan: the version is gone.
    let set = run(&store, &["set", "3", "4600", "--period", "h1", "--yes"]);
    assert!(set.status.success(), "{}", String::from_utf8_lossy(&set.stderr));
    let output = run(&store, &["--lang", "en", "check"]);
    let out = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(out.contains("target 8, Full year: 0.4 is at most twice the planned fall (0.4 points)"), "{out}");

    // With last year's rate entered, a fall of 0,4 from it is a rate like any other.
    let set = run(&store, &["set", "8", "3,1", "--period", "last-year", "--yes"]);
    assert!(set.status.success(), "{}", String::from_utf8_lossy(&set.stderr));
    let output = run(&store, &["--lang", "en", "check"]);
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(out.contains("0.4 is below half of last year's rate (3.1)"), "{out}");
    let set = run(&store, &["set", "8", "2,7", "--period", "year", "--yes"]);
    assert!(set.status.success(), "{}", String::from_utf8_lossy(&set.stderr));
    let output = run(&store, &["check"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stdout));
}
