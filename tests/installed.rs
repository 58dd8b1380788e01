//! Plans installed side by side: `plan add`, `plan list`, `--year` / `CHITIEU_YEAR`, and the
//! store each plan keeps its figures in.

use std::path::Path;
mod common;

use std::process::Output;

/// The binary with a home of its own (data directory included) and no plan or store chosen.
fn chitieu(home: &Path, envs: &[(&str, &str)], args: &[&str]) -> Output {
    common::at_home(home).envs(envs.iter().copied()).args(args).output().expect("run chitieu")
}

fn ok(output: Output) -> String {
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn plan_file(dir: &Path, id: &str, year: i16, target: &str) -> String {
    let path = dir.join(format!("{id}.json"));
    let text = format!(
        r#"{{"format": 1, "id": "{id}", "year": {year}, "title": {{"vi": "Kế hoạch năm {year}"}},
           "targets": [{{"id": "1", "group": "economic", "name": {{"vi": "Tăng trưởng kinh tế"}},
           "unit": {{"vi": "%"}}, "direction": "at_least", "measure": "level", "target": "{target}"}}]}}"#
    );
    std::fs::write(&path, text).expect("write plan");
    path.to_str().expect("utf-8 path").to_owned()
}

fn data(home: &Path) -> std::path::PathBuf {
    home.join("data").join("chitieu")
}

#[test]
fn installed_plans_stand_side_by_side_each_with_its_store() {
    let home = tempfile::tempdir().expect("temp dir");
    let home = home.path();
    // An existing user: figures of 2024 in the old default store.
    ok(chitieu(home, &[], &["set", "1", "7,5", "--period", "q1"]));
    assert!(data(home).join("store.json").exists());

    let added = ok(chitieu(home, &[], &["plan", "add", &plan_file(home, "tinh-2025", 2025, "8")]));
    assert!(added.contains("tinh-2025") && added.contains("stores/tinh-2025.json"), "{added}");
    // A plan whose year has not begun is installed but not the default.
    ok(chitieu(home, &[], &["plan", "add", &plan_file(home, "tinh-2099", 2099, "9")]));

    // The default is now the 2025 plan, with a store of its own.
    let saved = ok(chitieu(home, &[], &["set", "1", "6,9", "--period", "q1"]));
    assert!(saved.contains("stores/tinh-2025.json"), "{saved}");
    let report = ok(chitieu(home, &[], &["report"]));
    assert!(report.contains("Kế hoạch năm 2025") && report.contains("6,9"), "{report}");

    // The 2024 figures are where they were, by --year or CHITIEU_YEAR.
    let report = ok(chitieu(home, &[], &["--year", "2024", "report", "--format", "csv"]));
    assert!(report.lines().any(|l| l.starts_with("1,") && l.contains(",7.5,official,q1,")), "{report}");
    let report = ok(chitieu(home, &[("CHITIEU_YEAR", "2099")], &["report"]));
    assert!(report.contains("Kế hoạch năm 2099"), "{report}");

    let list = ok(chitieu(home, &[], &["plan", "list"]));
    let line = |id: &str| {
        list.lines().find(|l| l.contains(id)).unwrap_or_else(|| panic!("{id} in:\n{list}")).to_owned()
    };
    let embedded = line("dong-thap-cth-2024");
    assert!(
        embedded.contains("2024") && embedded.contains(" 29 ") && embedded.contains("chitieu/store.json"),
        "{list}"
    );
    assert!(embedded.split_whitespace().nth(3) == Some("1"), "one 2024 figure:\n{list}");
    let current = line("tinh-2025");
    assert!(current.starts_with('*') && current.contains("stores/tinh-2025.json"), "{list}");
    assert!(!line("tinh-2099").starts_with('*'), "{list}");
}

#[test]
fn a_year_with_no_plan_and_a_bad_plan_are_refused() {
    let home = tempfile::tempdir().expect("temp dir");
    let home = home.path();
    let output = chitieu(home, &[], &["--year", "2031", "report"]);
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("chưa cài kế hoạch năm 2031") && message.contains("2024"), "{message}");

    let broken = home.join("broken.json");
    std::fs::write(&broken, r#"{"format": 1, "id": "x", "year": 2025, "title": {"vi": "X"}, "targets": []}"#)
        .expect("write");
    let output = chitieu(home, &[], &["plan", "add", broken.to_str().expect("path")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(!data(home).join("plans").exists(), "nothing installed");
}

/// A mid-year revision: the same plan id with a target changed and one added keeps the
/// store, is recorded (old and new target), and `check` and `history` say what changed.
#[test]
fn a_revision_keeps_the_store_and_says_what_changed() {
    let home = tempfile::tempdir().expect("temp dir");
    let home = home.path();
    ok(chitieu(home, &[], &["plan", "add", &plan_file(home, "tinh-2025", 2025, "8")]));
    ok(chitieu(home, &[], &["set", "1", "7,9", "--period", "q1"]));

    let revised = home.join("tinh-2025-v2.json");
    std::fs::write(
        &revised,
        r#"{"format": 1, "id": "tinh-2025", "year": 2025, "title": {"vi": "Kế hoạch năm 2025"},
           "targets": [{"id": "1", "group": "economic", "name": {"vi": "Tăng trưởng kinh tế"},
           "unit": {"vi": "%"}, "direction": "at_least", "measure": "level", "target": "8.5"},
           {"id": "2", "group": "social", "name": {"vi": "Hộ nghèo"}, "unit": {"vi": "%"},
           "direction": "at_most", "measure": "level", "target": "1.2"}]}"#,
    )
    .expect("write");
    let added = ok(chitieu(home, &[], &["plan", "add", revised.to_str().expect("path")]));
    assert!(added.contains("giữ nguyên kho số liệu"), "{added}");
    assert!(added.contains("1: target 8 → 8.5") && added.contains("2: chỉ tiêu mới"), "{added}");

    // The figure entered before stays with its target, judged against the revised goal.
    let report = ok(chitieu(home, &[], &["report", "--format", "csv"]));
    assert!(
        report.lines().any(|l| l.starts_with("1,") && l.contains(",8.5,") && l.contains(",7.9,official,q1,")),
        "{report}"
    );

    let check = chitieu(home, &[], &["check"]);
    let said = String::from_utf8_lossy(&check.stdout);
    assert_eq!(check.status.code(), Some(0), "a recorded revision is no problem:\n{said}");
    assert!(said.contains("điều chỉnh 1 lần") && said.contains("1: target 8 → 8.5"), "{said}");
    let history = ok(chitieu(home, &[], &["history", "1"]));
    assert!(history.contains("Điều chỉnh kế hoạch") && history.contains("1: target 8 → 8.5"), "{history}");

    // A version without the target that has a figure is refused, and changes nothing.
    let dropped = home.join("tinh-2025-v3.json");
    std::fs::write(
        &dropped,
        r#"{"format": 1, "id": "tinh-2025", "year": 2025, "title": {"vi": "Kế hoạch năm 2025"},
           "targets": [{"id": "2", "group": "social", "name": {"vi": "Hộ nghèo"}, "unit": {"vi": "%"},
           "direction": "at_most", "measure": "level", "target": "1.2"}]}"#,
    )
    .expect("write");
    let output = chitieu(home, &[], &["plan", "add", dropped.to_str().expect("path")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("bỏ các chỉ tiêu đã có số liệu: 1"));
    let report = ok(chitieu(home, &[], &["report", "--format", "csv"]));
    assert!(report.contains(",7.9,official,q1,"), "{report}");
}

/// Two installed years: the 2025 report shows the 2024 figure of the same period through
/// `last_year_id`, says where it came from, and a figure entered by hand wins and says so.
#[test]
fn the_same_period_last_year_comes_from_last_years_store() {
    let home = tempfile::tempdir().expect("temp dir");
    let home = home.path();
    // 2024, the embedded plan: 4.633 for target 3 in the first half.
    ok(chitieu(home, &[], &["--year", "2024", "set", "3", "4.633", "--period", "h1"]));
    let plan = home.join("tinh-2025.json");
    std::fs::write(
        &plan,
        r#"{"format": 1, "id": "tinh-2025", "year": 2025, "title": {"vi": "Kế hoạch năm 2025"},
           "targets": [{"id": "5", "group": "economic", "name": {"vi": "Vốn đầu tư toàn xã hội"},
           "unit": {"vi": "tỷ đồng"}, "direction": "at_least", "measure": "cumulative", "target": "10000",
           "last_year_id": "3"}]}"#,
    )
    .expect("write");
    ok(chitieu(home, &[], &["plan", "add", plan.to_str().expect("path")]));
    ok(chitieu(home, &[], &["--year", "2025", "set", "5", "5.100", "--period", "h1"]));

    let json = ok(chitieu(home, &[], &["--year", "2025", "report", "--period", "h1", "--format", "json"]));
    let value: serde_json::Value = serde_json::from_str(&json).expect("json");
    let target = &value["targets"][0];
    assert_eq!(target["last_year_same_period"], "4633", "{json}");
    assert_eq!(target["last_year_source"]["kind"], "linked");
    assert_eq!(target["last_year_source"]["plan"], "dong-thap-cth-2024");
    assert_eq!(target["last_year_source"]["target"], "3");
    let table = ok(chitieu(home, &[], &["--year", "2025", "report", "--period", "h1"]));
    assert!(
        table.contains("4.633") && table.contains("lấy từ kế hoạch dong-thap-cth-2024 (2024)"),
        "{table}"
    );

    // Entered by hand for the same period last year: that figure is used, and the report says so.
    ok(chitieu(home, &[], &["--year", "2025", "set", "5", "4.700", "--period", "last-h1"]));
    let json = ok(chitieu(home, &[], &["--year", "2025", "report", "--period", "h1", "--format", "json"]));
    let value: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(value["targets"][0]["last_year_same_period"], "4700", "{json}");
    assert_eq!(value["targets"][0]["last_year_source"]["kind"], "entered");
    let table = ok(chitieu(home, &[], &["--year", "2025", "report", "--period", "h1"]));
    assert!(table.contains("dùng số nhập tay 4.700, không dùng số 4.633"), "{table}");
}
