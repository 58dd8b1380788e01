//! Part III through the real binary: `missing` respects the periods each target is due in,
//! a unit's figures stay in that unit's store, a unit's change file goes into that unit, and
//! `units` counts completeness over a generated set of units.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn json(output: Output) -> serde_json::Value {
    serde_json::from_str(&common::ok(output)).expect("json")
}

/// The ids of the targets `missing --format json` lists.
fn missing_ids(dir: &Path, store: &Path, period: &str) -> Vec<String> {
    let out = json(common::run_at_home(dir, store, &["missing", "--period", period, "--format", "json"]));
    assert_eq!(out["period"], period);
    out["missing"]
        .as_array()
        .expect("missing")
        .iter()
        .flat_map(|group| group["targets"].as_array().expect("targets").iter())
        .map(|id| id.as_str().expect("id").to_owned())
        .collect()
}

#[test]
fn missing_lists_only_targets_due_in_the_period() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store.json");
    common::ok(common::run_at_home(dir.path(), &store, &["set", "3", "4.633", "--period", "h1"]));
    let h1 = missing_ids(dir.path(), &store, "h1");
    // 1 (GRDP growth) is reported every period; 2 (GRDP per capita) and 8 (poverty) only
    // for the year; 3 has its h1 figure.
    assert!(h1.contains(&"1".to_owned()), "{h1:?}");
    for not_missing in ["2", "8", "3"] {
        assert!(!h1.contains(&not_missing.to_owned()), "{not_missing} listed in h1: {h1:?}");
    }
    let year = missing_ids(dir.path(), &store, "year");
    for missing in ["1", "2", "3", "8"] {
        assert!(year.contains(&missing.to_owned()), "{missing} not listed for the year: {year:?}");
    }
    // Grouped by lead agency: GRDP goes to the statistics office.
    let out =
        json(common::run_at_home(dir.path(), &store, &["missing", "--period", "year", "--format", "json"]));
    let statistics = out["missing"]
        .as_array()
        .expect("missing")
        .iter()
        .find(|g| g["agency"] == "Cục Thống kê tỉnh")
        .expect("the statistics office");
    assert_eq!(statistics["targets"], serde_json::json!(["1", "2"]));
    assert_eq!(out["reported"], 0, "the h1 figure does not count for the year");

    // The reminders: one letter per agency, naming its targets, written to a file.
    let letters = dir.path().join("nhac.txt");
    let said = common::ok(common::run_at_home(
        dir.path(),
        &store,
        &["missing", "--period", "h1", "--reminders", "--out", letters.to_str().expect("path")],
    ));
    assert!(said.contains("nhac.txt"), "{said}");
    let text = std::fs::read_to_string(&letters).expect("letters");
    let first = text.split('\x0c').next().expect("a letter");
    assert!(first.starts_with("Kính gửi: Cục Thống kê tỉnh"), "{first}");
    assert!(first.contains("- 1. Tốc độ tăng trưởng GRDP năm 2024"), "{first}");
    assert!(!text.contains("- 3. "), "3 has its figure: {text}");
}

#[test]
fn a_units_figures_stay_in_its_own_store() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store.json");
    common::ok(common::run_at_home(dir.path(), &store, &["unit", "add", "xa-my-an", "--name", "Xã Mỹ An"]));
    common::ok(common::run_at_home(dir.path(), &store, &["unit", "add", "phuong-1", "--name", "Phường 1"]));
    common::ok(common::run_at_home(
        dir.path(),
        &store,
        &["--unit", "xa-my-an", "set", "1", "7,5", "--period", "h1"],
    ));
    // And through the environment, as a commune's laptop would set it once.
    let by_env = Command::new(env!("CARGO_BIN_EXE_chitieu"))
        .env_clear()
        .env("HOME", dir.path())
        .env("XDG_DATA_HOME", "/nonexistent/chitieu-tests")
        .env("USER", "lan")
        .env("CHITIEU_UNIT", "phuong-1")
        .args(["--store", store.to_str().expect("path"), "set", "9", "91", "--period", "h1"])
        .output()
        .expect("run");
    common::ok(by_env);

    let figure = |args: &[&str], id: &str| -> serde_json::Value {
        let mut all = args.to_vec();
        all.extend(["report", "--format", "json", "--period", "h1"]);
        let report = json(common::run_at_home(dir.path(), &store, &all));
        report["targets"].as_array().expect("targets").iter().find(|t| t["id"] == id).expect("target")["actual"]
            .clone()
    };
    assert_eq!(figure(&["--unit", "xa-my-an"], "1"), "7.5");
    assert_eq!(figure(&[], "1"), serde_json::Value::Null, "the province's store has no unit's figure");
    assert_eq!(figure(&["--unit", "phuong-1"], "1"), serde_json::Value::Null, "nor has another unit's");
    assert_eq!(figure(&["--unit", "phuong-1"], "9"), "91");
    assert_eq!(figure(&[], "9"), serde_json::Value::Null);
    assert_eq!(figure(&["--unit", "xa-my-an"], "9"), serde_json::Value::Null);
    assert!(!std::fs::read_to_string(&store).unwrap_or_default().contains("7.5"));

    // An unknown unit is refused, saying how to register it, and nothing is written.
    let refused = common::run_at_home(dir.path(), &store, &["--unit", "xa-khac", "set", "1", "8"]);
    assert_eq!(refused.status.code(), Some(2));
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("chitieu unit add xa-khac"), "{said}");
    assert!(!dir.path().join("store.json.units/xa-khac.json").exists());
}

#[test]
fn a_units_change_file_imports_into_that_unit_and_no_other() {
    let commune = tempfile::tempdir().expect("tempdir");
    let province = tempfile::tempdir().expect("tempdir");
    let laptop = commune.path().join("store.json");
    let office = province.path().join("store.json");
    let file = commune.path().join("my-an.json");
    common::ok(common::run_at_home(
        commune.path(),
        &laptop,
        &["unit", "add", "xa-my-an", "--name", "Xã Mỹ An"],
    ));
    common::ok(common::run_at_home(
        commune.path(),
        &laptop,
        &["--unit", "xa-my-an", "set", "1", "7,5", "--period", "h1"],
    ));
    common::ok(common::run_at_home(
        commune.path(),
        &laptop,
        &["--unit", "xa-my-an", "export", file.to_str().expect("path")],
    ));

    let file = file.to_str().expect("path");
    // At the province: not into a unit that is not registered.
    let refused = common::run_at_home(province.path(), &office, &["import", file]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("unit add xa-my-an"));
    common::ok(common::run_at_home(
        province.path(),
        &office,
        &["unit", "add", "xa-my-an", "--name", "Xã Mỹ An"],
    ));
    common::ok(common::run_at_home(
        province.path(),
        &office,
        &["unit", "add", "xa-tan-an", "--name", "Xã Tân An"],
    ));
    // Not into another unit, with a message naming both.
    let wrong = common::run_at_home(province.path(), &office, &["--unit", "xa-tan-an", "import", file]);
    assert_eq!(wrong.status.code(), Some(2));
    let said = String::from_utf8_lossy(&wrong.stderr);
    assert!(said.contains("xa-my-an") && said.contains("xa-tan-an"), "{said}");
    assert!(!province.path().join("store.json.units/xa-tan-an.json").exists());
    // Without --unit it goes to its own unit; the province's store stays untouched.
    common::ok(common::run_at_home(province.path(), &office, &["import", file]));
    assert!(!office.exists(), "the province's own store was written");
    let units =
        json(common::run_at_home(province.path(), &office, &["units", "--period", "h1", "--format", "json"]));
    let reported: Vec<(String, u64)> = units["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| (u["id"].as_str().expect("id").to_owned(), u["reported"].as_u64().expect("reported")))
        .collect();
    assert_eq!(reported, [("xa-my-an".to_owned(), 1), ("xa-tan-an".to_owned(), 0)]);
}

#[test]
fn units_count_completeness_over_generated_units() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store.json");
    // Unit k reports the first k of the targets due in q1 (all 1…5 have a q1 figure due).
    let due_in_q1 = ["1", "3", "4", "9", "11"];
    for k in 0..5 {
        let id = format!("xa-{k}");
        common::ok(common::run_at_home(
            dir.path(),
            &store,
            &["unit", "add", &id, "--name", &format!("Xã {k}")],
        ));
        for target in &due_in_q1[..k] {
            common::ok(common::run_at_home(
                dir.path(),
                &store,
                &["--unit", &id, "set", target, "1", "--period", "q1", "--yes"],
            ));
        }
    }
    // A year-only target entered in q1 would not be due; the year figure of 2 does not count.
    common::ok(common::run_at_home(
        dir.path(),
        &store,
        &["--unit", "xa-4", "set", "2", "70", "--period", "year"],
    ));
    let out = json(common::run_at_home(dir.path(), &store, &["units", "--period", "q1", "--format", "json"]));
    assert_eq!(out["period"], "q1");
    let units = out["units"].as_array().expect("units");
    assert_eq!(units.len(), 5);
    let expected = units[0]["expected"].as_u64().expect("expected");
    assert!(expected >= 5, "{expected}");
    for (k, unit) in units.iter().enumerate() {
        assert_eq!(unit["id"], format!("xa-{k}"));
        assert_eq!(unit["name"], format!("Xã {k}"));
        assert_eq!(unit["reported"], k as u64, "{unit}");
        assert_eq!(unit["expected"], expected);
        let judged: u64 =
            ["on_track", "at_risk", "behind"].iter().map(|s| unit["statuses"][s].as_u64().unwrap_or(0)).sum();
        assert_eq!(judged, k as u64, "each reported figure gets an in-year verdict: {unit}");
    }
    assert_eq!(out["total"]["reported"], 10, "0+1+2+3+4");
    assert_eq!(out["total"]["expected"], 5 * expected);
    // The table shows each unit's completeness and its key indicators' marks.
    let table = common::ok(common::run_at_home(dir.path(), &store, &["units", "--period", "q1", "--ascii"]));
    assert!(table.contains("3/"), "{table}");
    assert!(table.contains("Xã 4"), "{table}");
}

/// Counts and sums add up across units beside the province's own figure; rates never do.
#[test]
fn units_json_gives_the_units_totals_beside_the_provinces_figure() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store.json");
    for (id, revenue, growth) in [("xa-my-an", "1.200", "7,5"), ("phuong-1", "800,5", "9")] {
        common::ok(common::run_at_home(dir.path(), &store, &["unit", "add", id, "--name", id]));
        common::ok(common::run_at_home(
            dir.path(),
            &store,
            &["--unit", id, "set", "3", revenue, "--period", "h1", "--yes"],
        ));
        common::ok(common::run_at_home(
            dir.path(),
            &store,
            &["--unit", id, "set", "1", growth, "--period", "h1", "--yes"],
        ));
    }
    common::ok(common::run_at_home(dir.path(), &store, &["unit", "add", "xa-moi", "--name", "Xã mới"]));
    common::ok(common::run_at_home(dir.path(), &store, &["set", "3", "4.700", "--period", "h1", "--yes"]));
    let out = json(common::run_at_home(dir.path(), &store, &["units", "--period", "h1", "--format", "json"]));
    let totals = out["totals"].as_array().expect("totals");
    let revenue = totals.iter().find(|t| t["target"] == "3").expect("revenue is summed");
    assert_eq!(revenue["units_total"], "2000.5");
    assert_eq!(revenue["units_reporting"], 2);
    assert_eq!(revenue["province"], "4700");
    assert!(totals.iter().all(|t| t["target"] != "1"), "a growth rate is never summed: {totals:?}");
    let coops = totals.iter().find(|t| t["target"] == "11").expect("new cooperatives are summed");
    assert_eq!(
        (&coops["units_total"], &coops["province"]),
        (&serde_json::Value::Null, &serde_json::Value::Null)
    );
}

#[test]
fn a_unit_cannot_take_the_name_of_the_list_of_units() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store.json");
    common::ok(common::run_at_home(dir.path(), &store, &["unit", "add", "xa-my-an", "--name", "Xã Mỹ An"]));
    let list = dir.path().join("store.json.units/units.json");
    let before = std::fs::read(&list).expect("the list of units");

    // Its figures would be kept in units.json, the list itself.
    let refused = common::run_at_home(dir.path(), &store, &["unit", "add", "units", "--name", "Đơn vị"]);
    assert_eq!(refused.status.code(), Some(2));
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("“units”") && said.contains("hãy chọn mã khác"), "{said}");
    assert_eq!(std::fs::read(&list).expect("the list of units"), before, "the list is unchanged");
    assert_eq!(
        common::ok(common::run_at_home(dir.path(), &store, &["unit", "list"])),
        "xa-my-an  Xã Mỹ An\n"
    );
}
