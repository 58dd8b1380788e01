//! The verdicts of issue 10 through the real binary: what `report` says after `set`, on a
//! fresh store and on a store written before plan format 2.

mod common;

use std::path::Path;

fn json(store: &Path, home: &Path, period: &str) -> serde_json::Value {
    let out =
        common::ok(common::run_at_home(home, store, &["report", "--format", "json", "--period", period]));
    serde_json::from_str(&out).expect("JSON")
}

fn target<'v>(report: &'v serde_json::Value, id: &str) -> &'v serde_json::Value {
    report["targets"].as_array().expect("targets").iter().find(|t| t["id"] == id).expect("target")
}

#[test]
fn the_issues_must_show_commands() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, home) = (dir.path().join("store.json"), dir.path());

    // Admitting more new members than the 3–4 % planned is "vượt", never "chậm".
    common::ok(common::run_at_home(home, &store, &["set", "15", "4,5", "--period", "year"]));
    let year = json(&store, home, "year");
    assert_eq!(target(&year, "15")["status"], "exceeded");
    assert_eq!(target(&year, "15")["actual_kind"], "official");
    assert_eq!(year["summary"]["key_indicators"], 16);
    assert_eq!(year["summary"]["met"], 0, "15 is met only once its part 15a is");

    // The poverty rate is entered; the fall of 0,4 point is worked out from last year's.
    common::ok(common::run_at_home(home, &store, &["set", "8", "1,12", "--period", "year"]));
    let without = json(&store, home, "year");
    assert_eq!(target(&without, "8")["status"], "no_data");
    assert_eq!(target(&without, "8")["reason"], "no_last_year");
    common::ok(common::run_at_home(home, &store, &["set", "8", "1,52", "--period", "last-year"]));
    let year = json(&store, home, "year");
    let eight = target(&year, "8");
    assert_eq!(eight["status"], "achieved");
    assert_eq!(eight["last_year_same_period"], "1.52");
    assert_eq!(eight["change"], "0.4");
    assert_eq!(eight["percent_of_year_target"], "100.00");
    assert_eq!(eight["percent_of_last_year"], "73.68");
    assert_eq!(year["summary"]["met"], 1);

    // GRDP per capita exists once a year: a mid-year figure is not due, with no percentage.
    common::ok(common::run_at_home(home, &store, &["set", "2", "38", "--period", "h1", "--estimate"]));
    let h1 = json(&store, home, "h1");
    let two = target(&h1, "2");
    assert_eq!(two["status"], "not_due");
    assert_eq!(two["actual"], "38");
    assert_eq!(two["actual_kind"], "estimate");
    assert_eq!(two["percent_of_year_target"], serde_json::Value::Null);

    // A ceiling never shows a share: 43 % against at most 41,8 % is 1,2 points over.
    common::ok(common::run_at_home(home, &store, &["set", "6", "43", "--period", "year"]));
    let year = json(&store, home, "year");
    assert_eq!(target(&year, "6")["status"], "not_achieved");
    assert_eq!(target(&year, "6")["percent_of_year_target"], serde_json::Value::Null);
    assert_eq!(target(&year, "6")["over_ceiling"], "1.2");
    let table = common::ok(common::run_at_home(home, &store, &["report", "--period", "year"]));
    assert!(table.contains("vượt trần 1,2 điểm"), "{table}");
    assert!(
        table.starts_with("Chương trình") && table.contains("\nĐạt và vượt 1/16 chỉ tiêu chủ yếu\n"),
        "{table}"
    );

    // Health insurance 4,39 points short at year end is "không đạt", not "at risk".
    common::ok(common::run_at_home(home, &store, &["set", "9", "89,5", "--period", "year"]));
    assert_eq!(target(&json(&store, home, "year"), "9")["status"], "not_achieved");

    // Same period last year: budget revenue by mid-year against last year's.
    common::ok(common::run_at_home(home, &store, &["set", "3", "4.100", "--period", "last-h1"]));
    common::ok(common::run_at_home(home, &store, &["set", "3", "4.633", "--period", "h1", "--estimate"]));
    let h1 = json(&store, home, "h1");
    let three = target(&h1, "3");
    assert_eq!(three["status"], "on_track");
    assert_eq!(three["percent_of_year_target"], "50.00");
    assert_eq!(three["last_year_same_period"], "4100");
    assert_eq!(three["percent_of_last_year"], "113.00");
    let csv = common::ok(common::run_at_home(home, &store, &["report", "--format", "csv", "--period", "h1"]));
    assert!(csv.starts_with("\u{feff}id,parent,"), "the byte-order mark, then the header: {csv}");
    assert!(
        csv.contains(
            ",actual_kind,period,percent_of_year_target,last_year_same_period,percent_of_last_year,"
        ),
        "{csv}"
    );
    assert!(
        csv.lines()
            .any(|l| l.starts_with("3,") && l.contains(",4633,estimate,h1,50.00,4100,113.00,on_track,")),
        "{csv}"
    );
}

/// Stores written before plan format 2 open with every figure, and `check` passes on them.
#[test]
fn stores_written_before_open_and_check_clean() {
    let dir = tempfile::tempdir().expect("tempdir");
    let home = dir.path();
    let store = dir.path().join("sample.json");
    std::fs::copy("tests/fixtures/stores/sample.json", &store).expect("copy fixture");
    let before: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&store).expect("read")).expect("fixture JSON");
    let checked = common::run_at_home(home, &store, &["check"]);
    assert_eq!(checked.status.code(), Some(0), "{}{}", ok_text(&checked.stdout), ok_text(&checked.stderr));
    let history = common::ok(common::run_at_home(home, &store, &["--lang", "en", "history"]));
    let entries = before["entries"].as_array().expect("entries");
    assert_eq!(history.lines().count(), entries.len() + 1, "every entry, under a header: {history}");
    // Each figure of the fixture is the current figure of its target and period.
    for period in ["h1", "9m", "year"] {
        let report = json(&store, home, period);
        for entry in entries.iter().filter(|e| e["period"] == period) {
            let shown = &target(&report, entry["target"].as_str().expect("target"))["actual"];
            let superseded = entries.iter().any(|later| {
                later["target"] == entry["target"]
                    && later["period"] == period
                    && later["time"].as_str() > entry["time"].as_str()
            });
            if !superseded {
                assert_eq!(shown, &entry["value"], "{entry}");
            }
        }
    }
    assert_eq!(
        std::fs::read_to_string(&store).expect("read"),
        std::fs::read_to_string("tests/fixtures/stores/sample.json").expect("fixture"),
        "reading changes nothing"
    );
}

fn ok_text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
