//! `chitieu report` on a fixed store: exact output in every format (golden files).

mod common;

const STORE: &str = "tests/fixtures/stores/sample.json";

fn report(args: &[&str]) -> String {
    let output = common::chitieu()
        .args(["--store", STORE, "report"])
        .args(args)
        .env_remove("CHITIEU_LANG")
        // No installed plan of the machine's user changes which plan is used.
        .env_remove("CHITIEU_YEAR")
        .env("XDG_DATA_HOME", "/nonexistent/chitieu-tests")
        .output()
        .expect("run chitieu");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("utf-8")
}

fn golden(name: &str) -> String {
    std::fs::read_to_string(format!("tests/golden/{name}")).expect("golden file")
}

#[test]
fn table_in_vietnamese_by_default() {
    assert_eq!(report(&[]), golden("report-sample.vi.txt"));
}

#[test]
fn table_in_english() {
    assert_eq!(report(&["--lang", "en"]), golden("report-sample.en.txt"));
}

#[test]
fn table_in_plain_ascii_for_one_period() {
    let out = report(&["--lang", "en", "--ascii", "--period", "year"]);
    // Letters may be Vietnamese ("Hội quán" is a name in the English text too); symbols not.
    let symbols: String = out.chars().filter(|c| !c.is_ascii() && !c.is_alphanumeric()).collect();
    assert!(symbols.is_empty(), "no symbols or box drawing with --ascii: {symbols:?}");
    assert_eq!(out, golden("report-sample-year.en-ascii.txt"));
}

#[test]
fn csv_is_rfc4180_with_plain_decimals() {
    let out = report(&["--format", "csv"]);
    assert_eq!(out, golden("report-sample.csv"));
    assert_eq!(out.split("\r\n").count(), 1 + 29 + 1, "header, 29 rows, each ending in CRLF");
}

#[test]
fn json_has_the_briefs_fields_with_decimals_as_strings() {
    let out = report(&["--format", "json", "--period", "h1"]);
    assert_eq!(out, golden("report-sample-h1.json"));
    let value: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let targets = value["targets"].as_array().expect("targets");
    let find = |id: &str| targets.iter().find(|t| t["id"] == id).expect("target");
    assert_eq!(find("3")["actual"], "4800");
    assert_eq!(find("3")["status"], "on_track");
    assert_eq!(find("1")["target"], "8.0");
    assert_eq!(find("15")["target_min"], "3");
    assert_eq!(find("15")["target_max"], "4");
    assert!(find("15").get("target").is_none());
    assert_eq!(find("2")["actual"], serde_json::Value::Null);
    assert_eq!(find("2")["status"], "not_due", "GRDP per capita is a year-end figure");
    assert_eq!(find("2")["reason"], "not_reported_in");
    assert_eq!(find("1")["actual_kind"], "official");
    assert_eq!(find("1")["percent_of_year_target"], "95.00");
    assert_eq!(value["summary"], serde_json::json!({"key_indicators": 16, "met": 1}));
}

#[test]
fn no_store_means_no_data_everywhere() {
    let missing = std::env::temp_dir().join(format!("chitieu-missing-{}.json", std::process::id()));
    let output = common::chitieu()
        .arg("--store")
        .arg(&missing)
        .args(["report", "--format", "json"])
        .output()
        .expect("run chitieu");
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert!(value["targets"].as_array().expect("targets").iter().all(|t| t["status"] == "no_data"));
    assert!(!missing.exists(), "reading never creates the store");
}

/// Excel on Windows needs the byte-order mark to read the CSV as UTF-8.
#[test]
fn csv_starts_with_the_utf8_byte_order_mark() {
    let out = report(&["--format", "csv"]);
    assert!(out.starts_with('\u{feff}'), "{:?}", &out[..10]);
    assert!(out['\u{feff}'.len_utf8()..].starts_with("id,parent,group,name,"), "then the header");
}

/// Written to a file (or a pipe), the text report cuts no name: every target's full name is
/// on its line, in both languages.
#[test]
fn the_text_report_in_a_file_holds_every_full_name() {
    for lang in ["vi", "en"] {
        let table = report(&["--lang", lang]);
        let json: serde_json::Value =
            serde_json::from_str(&report(&["--lang", lang, "--format", "json"])).expect("json");
        let targets = json["targets"].as_array().expect("targets");
        assert!(
            targets.iter().any(|t| t["name"].as_str().expect("name").chars().count() > 60),
            "a long name is tested"
        );
        for target in targets {
            let name = target["name"].as_str().expect("name");
            assert!(table.lines().any(|l| l.contains(name)), "{lang}: {name} is not whole in\n{table}");
        }
        assert!(!table.contains('…'), "nothing cut");
    }
}
