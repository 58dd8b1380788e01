//! Field entry end to end, driving the real binary: change files between stores, refused
//! files leaving the store byte for byte as it was, conflicts, closed rounds, sharp changes,
//! and printed reports (the xlsx read back with calamine).

mod common;

use chitieu::domain::exchange::{self, Selection};
use chitieu::domain::ledger::{Entry, Kind, Ledger};
use chitieu::domain::period::Period;
use chitieu::domain::plan::Plan;
use chitieu::store::Store;
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};
use std::process::Output;

struct Dir(tempfile::TempDir);

impl Dir {
    fn new() -> Dir {
        Dir(tempfile::tempdir().expect("temp dir"))
    }
    fn path(&self, name: &str) -> PathBuf {
        self.0.path().join(name)
    }
}

fn ok(output: Output) -> String {
    assert!(output.status.success(), "exit {:?}: {}", output.status.code(), common::stderr(&output));
    common::stdout(&output)
}

fn figure(id: &str, target: &str, period: Period, value: &str, author: &str, hour: i64) -> Entry {
    let value = Decimal::from_str_exact(value).expect("decimal");
    let time = jiff::Timestamp::from_second(1_719_792_000 + hour * 3600).expect("time");
    // `supersedes: []`, as `set` writes it for an entry that saw no other figure.
    Entry {
        supersedes: Some(Vec::new()),
        ..Entry::figure(id.into(), target, period, value, Kind::Official, author, time)
    }
}

/// A store holding `entries`, written by the library as `set` would.
fn store_with(path: &Path, entries: Vec<Entry>) {
    let plan = Plan::embedded();
    let mut store = Store::open(path, &plan).expect("open");
    store.save(&plan, entries).expect("save");
}

fn ledger_of(path: &Path) -> Ledger {
    Store::open(path, &Plan::embedded()).expect("open").ledger().clone()
}

fn ids(path: &Path) -> Vec<String> {
    let mut ids: Vec<String> = ledger_of(path).entries().iter().map(|e| e.id.clone()).collect();
    ids.sort();
    ids
}

/// A change file holding `entries`, made by the library.
fn change_file(path: &Path, entries: Vec<Entry>) {
    let plan = Plan::embedded();
    let made = jiff::Timestamp::from_second(1_720_000_000).expect("time");
    let file = exchange::export(&plan, &Ledger::new(entries), &Selection::default(), made);
    std::fs::write(path, exchange::to_bytes(&file)).expect("write change file");
}

#[test]
fn export_then_import_crosswise_gives_identical_stores_and_shows_the_conflict() {
    let dir = Dir::new();
    let (office, field) = (dir.path("office.json"), dir.path("field.json"));
    store_with(
        &office,
        vec![
            figure("o1", "1", Period::H1, "7.6", "lan", 0),
            figure("o2", "3", Period::H1, "4800", "minh", 1),
        ],
    );
    store_with(
        &field,
        vec![
            figure("f1", "II.5b", Period::NineMonths, "40000", "hoa", 2),
            figure("f2", "3", Period::H1, "4900", "hoa", 3),
        ],
    );

    let from_field = dir.path("from-field.json");
    let out =
        ok(common::run_as_tester(&field, &["--lang", "en", "export", from_field.to_str().expect("path")]));
    assert_eq!(out, format!("Wrote 2 entries to {}\n", from_field.display()));
    let out =
        ok(common::run_as_tester(&office, &["--lang", "en", "import", from_field.to_str().expect("path")]));
    assert!(out.starts_with("Imported: 2 new, 0 already there, 1 conflicts."), "{out}");
    assert!(out.contains("3 State budget revenue in the province (6 months): 4,800 (minh"), "{out}");
    assert!(out.contains("4,900 (hoa"), "{out}");

    let from_office = dir.path("from-office.json");
    ok(common::run_as_tester(&office, &["export", from_office.to_str().expect("path")]));
    let out = ok(common::run_as_tester(&field, &["import", from_office.to_str().expect("path")]));
    assert!(out.starts_with("Đã nhập: 2 mục mới, 2 mục đã có, 1 xung đột."), "{out}");

    assert_eq!(ids(&office), ["f1", "f2", "o1", "o2"]);
    assert_eq!(ledger_of(&office), ledger_of(&field), "identical entry sets");
    assert_eq!(std::fs::read(&office).expect("office"), std::fs::read(&field).expect("field"));

    // What `check` reports (exit 1 when not empty), and what report marks.
    let findings = chitieu::cli::field::conflict_findings(
        chitieu::i18n::Lang::En,
        &jiff::tz::TimeZone::UTC,
        &Plan::embedded(),
        &ledger_of(&office),
    );
    assert_eq!(findings.len(), 1);
    assert!(findings[0].starts_with("conflicting official figures: 3 "), "{}", findings[0]);
    let json: serde_json::Value =
        serde_json::from_str(&ok(common::run_as_tester(&office, &["report", "--format", "json"])))
            .expect("json");
    let targets = json["targets"].as_array().expect("targets");
    let conflicts_of =
        |id: &str| targets.iter().find(|t| t["id"] == id).expect("target")["conflicts"].clone();
    assert_eq!(conflicts_of("3"), serde_json::json!(["h1"]));
    assert_eq!(conflicts_of("1"), serde_json::json!([]));
    let csv = ok(common::run_as_tester(&office, &["report", "--format", "csv"]));
    assert!(csv.lines().next().expect("header").ends_with(",status,reason,conflicts"));
    assert!(csv.lines().any(|l| l.starts_with("3,") && l.ends_with(",h1")), "{csv}");
    let table = ok(common::run_as_tester(&office, &["report"]));
    assert!(table.lines().any(|l| l.starts_with("3 ") && l.ends_with("≠")), "{table}");
}

#[test]
fn the_same_import_twice_changes_nothing() {
    let dir = Dir::new();
    let store = dir.path("store.json");
    store_with(&store, vec![figure("a", "1", Period::Q1, "7.5", "lan", 0)]);
    let file = dir.path("changes.json");
    change_file(
        &file,
        vec![figure("a", "1", Period::Q1, "7.5", "lan", 0), figure("b", "3", Period::Q1, "2000", "lan", 1)],
    );
    let out = ok(common::run_as_tester(&store, &["import", file.to_str().expect("path")]));
    assert!(out.starts_with("Đã nhập: 1 mục mới, 1 mục đã có, 0 xung đột."), "{out}");
    let after_first = std::fs::read(&store).expect("store");
    let out = ok(common::run_as_tester(&store, &["import", file.to_str().expect("path")]));
    assert!(out.starts_with("Đã nhập: 0 mục mới, 2 mục đã có, 0 xung đột."), "{out}");
    assert_eq!(std::fs::read(&store).expect("store"), after_first);
}

#[test]
fn a_then_b_equals_b_then_a() {
    let dir = Dir::new();
    let (a, b) = (dir.path("a.json"), dir.path("b.json"));
    change_file(
        &a,
        vec![figure("a1", "1", Period::Q1, "7.5", "lan", 0), figure("s", "2", Period::Q1, "70", "lan", 5)],
    );
    change_file(
        &b,
        vec![figure("b1", "3", Period::Q1, "2100", "minh", 1), figure("s", "2", Period::Q1, "70", "lan", 5)],
    );
    let (x, y) = (dir.path("x.json"), dir.path("y.json"));
    for file in [&a, &b] {
        ok(common::run_as_tester(&x, &["import", file.to_str().expect("path")]));
    }
    for file in [&b, &a] {
        ok(common::run_as_tester(&y, &["import", file.to_str().expect("path")]));
    }
    assert_eq!(ids(&x), ["a1", "b1", "s"]);
    assert_eq!(std::fs::read(&x).expect("x"), std::fs::read(&y).expect("y"));
}

/// Imports `text` as a change file into a store with one entry and a closed 9-month round,
/// and checks it is refused with exit 2, `expect` in the message, and the store unchanged.
fn refused(name: &str, text: &str, expect: &str) {
    let dir = Dir::new();
    let store = dir.path("store.json");
    let close = chitieu::domain::rounds::entry(
        chitieu::domain::ledger::RoundAction::ClosePeriod,
        Period::NineMonths,
        "lan",
        jiff::Timestamp::from_second(1_719_792_000).expect("time"),
    );
    store_with(&store, vec![figure("a", "1", Period::Q1, "7.5", "lan", 0), close]);
    let before = std::fs::read(&store).expect("store");
    let file = dir.path(name);
    std::fs::write(&file, text).expect("write");
    let output = common::run_as_tester(&store, &["--lang", "en", "import", file.to_str().expect("path")]);
    assert_eq!(output.status.code(), Some(2), "{name}: {}", common::stderr(&output));
    let message = common::stderr(&output);
    assert!(message.contains(expect), "{name}: {message}");
    assert!(message.contains("the store is unchanged"), "{name}: {message}");
    assert_eq!(std::fs::read(&store).expect("store"), before, "{name}: store bytes");
}

fn good_text(entries: Vec<Entry>) -> String {
    let dir = Dir::new();
    let file = dir.path("c.json");
    change_file(&file, entries);
    std::fs::read_to_string(file).expect("read")
}

#[test]
fn refused_files_leave_the_store_byte_for_byte() {
    let good = good_text(vec![
        figure("n1", "3", Period::H1, "4800", "hoa", 1),
        figure("n2", "1", Period::H1, "7.6", "hoa", 2),
    ]);
    refused(
        "other-plan.json",
        &good.replace("dong-thap-cth-2024", "huyen-x-2024"),
        "another plan (huyen-x-2024, 2024)",
    );
    refused(
        "other-year.json",
        &good.replace("\"year\": 2024", "\"year\": 2025"),
        "another plan (dong-thap-cth-2024, 2025)",
    );
    refused("truncated.json", &good[..good.len() * 2 / 3], "ends part-way through");
    refused("tampered.json", &good.replace("\"4800\"", "\"48000\""), "checksum does not match");
    refused("bad-value.json", &good.replace("\"4800\"", "\"4.800,5\""), "not in the change-file format");
    refused(
        "count.json",
        &good.replace("\"count\": 2", "\"count\": 3"),
        "the file says 3 entries but holds 2",
    );
    refused(
        "unknown-target.json",
        &good_text(vec![
            figure("n1", "99", Period::H1, "1", "hoa", 1),
            figure("n2", "1", Period::H1, "7.6", "hoa", 2),
        ]),
        "entry n1 is for target “99”, which the plan does not have",
    );
    let mut escape = figure("n3", "1", Period::H1, "7.6", "hoa", 2);
    escape.note = "\u{1b}]0;owned\u{7}".into();
    refused("escape.json", &good_text(vec![escape]), "holds control characters");
    refused(
        "closed.json",
        &good_text(vec![figure("n4", "3", Period::NineMonths, "6500", "hoa", 3)]),
        "the 9 months period was closed (lan,",
    );
    refused(
        "clash.json",
        &good_text(vec![figure("a", "1", Period::Q1, "9.9", "lan", 0)]),
        "the store has an entry a with other content",
    );
    let store_file = std::fs::read_to_string("tests/fixtures/stores/sample.json").expect("fixture");
    refused("a-store.json", &store_file, "this is a store, not a change file");
    refused("newer.json", &good.replace("\"version\": 1", "\"version\": 7"), "newer chitieu (version 7)");
}

#[test]
fn a_conflict_appears_and_a_new_entry_resolves_it() {
    let dir = Dir::new();
    let store = dir.path("store.json");
    store_with(&store, vec![figure("a", "3", Period::H1, "4800", "minh", 0)]);
    let file = dir.path("changes.json");
    change_file(&file, vec![figure("b", "3", Period::H1, "4900", "hoa", 1)]);
    let out = ok(common::run_as_tester(&store, &["import", file.to_str().expect("path")]));
    assert!(out.contains("1 xung đột"), "{out}");
    let ledger = ledger_of(&store);
    assert_eq!(chitieu::domain::conflict::conflicts(&ledger).len(), 1);

    // A third person, having seen both, enters the figure (as `set` does).
    let mut c = figure("c", "3", Period::H1, "4850", "lan", 2);
    c.supersedes = Some(chitieu::domain::conflict::seen(&ledger, "3", Period::H1));
    store_with(&store, vec![c]);
    let ledger = ledger_of(&store);
    assert!(chitieu::domain::conflict::conflicts(&ledger).is_empty());
    assert_eq!(ledger.history(Some("3")).count(), 3, "history keeps all of them");
    let json: serde_json::Value =
        serde_json::from_str(&ok(common::run_as_tester(&store, &["report", "--format", "json"])))
            .expect("json");
    let three =
        json["targets"].as_array().expect("targets").iter().find(|t| t["id"] == "3").expect("3").clone();
    assert_eq!((three["actual"].as_str(), three["conflicts"].clone()), (Some("4850"), serde_json::json!([])));
}

#[test]
fn a_closed_period_refuses_entries_until_reopened() {
    let dir = Dir::new();
    let store = dir.path("store.json");
    store_with(&store, vec![figure("a", "3", Period::Q1, "2000", "minh", 0)]);
    let out = ok(common::run_as_tester(&store, &["--lang", "en", "close-period", "h1"]));
    assert!(out.starts_with("Closed the 6 months period"), "{out}");
    let out = ok(common::run_as_tester(&store, &["--lang", "en", "close-period", "h1"]));
    assert!(out.starts_with("The 6 months period was already closed (tester,"), "{out}");

    let closed = chitieu::domain::rounds::check_open(&ledger_of(&store), Period::H1).expect_err("closed");
    assert_eq!(closed.by, "tester");
    let message =
        chitieu::i18n::field::period_closed_in(chitieu::i18n::Lang::Vi, &closed, &jiff::tz::TimeZone::UTC);
    assert!(message.contains("chitieu reopen-period h1"), "{message}");
    assert!(chitieu::domain::rounds::check_open(&ledger_of(&store), Period::Q1).is_ok());

    let file = dir.path("changes.json");
    change_file(&file, vec![figure("b", "3", Period::H1, "4700", "hoa", 1)]);
    let before = std::fs::read(&store).expect("store");
    let output = common::run_as_tester(&store, &["import", file.to_str().expect("path")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        common::stderr(&output).contains("kỳ 6 tháng đã chốt số liệu (tester,"),
        "{}",
        common::stderr(&output)
    );
    assert_eq!(std::fs::read(&store).expect("store"), before);

    ok(common::run_as_tester(&store, &["reopen-period", "h1"]));
    let out = ok(common::run_as_tester(&store, &["import", file.to_str().expect("path")]));
    assert!(out.starts_with("Đã nhập: 1 mục mới"), "{out}");
    let ledger = ledger_of(&store);
    let rounds: Vec<&str> = ledger.entries().iter().filter_map(|e| e.action.map(|a| a.key())).collect();
    assert_eq!(rounds, ["close_period", "reopen_period"], "both are in history");
}

#[test]
fn a_sharp_change_is_asked_about_and_refused_without_a_terminal() {
    let dir = Dir::new();
    let store = dir.path("store.json");
    store_with(&store, vec![figure("a", "3", Period::Q1, "2000", "minh", 0)]);
    let file = dir.path("changes.json");
    // 46.330 for 4.633: a pace ten times q1's.
    change_file(&file, vec![figure("b", "3", Period::H1, "46330", "hoa", 1)]);
    let before = std::fs::read(&store).expect("store");
    let output = common::run_as_tester(&store, &["import", file.to_str().expect("path")]);
    assert_eq!(output.status.code(), Some(2));
    let message = common::stderr(&output);
    assert!(message.contains("Chỉ tiêu 3 (Thu ngân sách trên địa bàn): 46.330 (6 tháng)"), "{message}");
    assert!(message.contains("2.000 (Quý I)"), "{message}");
    assert!(message.contains("--yes"), "{message}");
    assert_eq!(std::fs::read(&store).expect("store"), before);
    let out = ok(common::run_as_tester(&store, &["import", "--yes", file.to_str().expect("path")]));
    assert!(out.starts_with("Đã nhập: 1 mục mới"), "{out}");
}

#[test]
fn export_selects_by_time_and_author_and_never_overwrites_the_store() {
    let dir = Dir::new();
    let store = dir.path("store.json");
    store_with(
        &store,
        vec![
            figure("early", "1", Period::Q1, "7.5", "lan", 0),
            figure("late", "3", Period::H1, "4800", "lan", 48),
            figure("other", "1", Period::H1, "7.6", "minh", 50),
        ],
    );
    let file = dir.path("c.json");
    let path = file.to_str().expect("path");
    ok(common::run_as_tester(&store, &["export", path, "--since", "2024-07-02"]));
    let ids_in = |file: &Path| -> Vec<String> {
        let value: serde_json::Value =
            serde_json::from_slice(&std::fs::read(file).expect("read")).expect("json");
        value["entries"]
            .as_array()
            .expect("entries")
            .iter()
            .map(|e| e["id"].as_str().unwrap_or("").to_owned())
            .collect()
    };
    assert_eq!(ids_in(&file), ["late", "other"]);
    ok(common::run_as_tester(
        &store,
        &["export", path, "--since", "2024-07-03T01:00:00Z", "--author", "minh"],
    ));
    assert_eq!(ids_in(&file), ["other"]);

    let output = common::run_as_tester(&store, &["export", path, "--since", "1/7/2024"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(common::stderr(&output).contains("2024-07-01"), "{}", common::stderr(&output));
    let before = std::fs::read(&store).expect("store");
    let output = common::run_as_tester(&store, &["export", store.to_str().expect("path")]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(std::fs::read(&store).expect("store"), before);
}

#[test]
fn markdown_report_has_groups_statuses_and_a_summary() {
    let out = ok(common::run_as_tester(
        Path::new("tests/fixtures/stores/sample.json"),
        &["report", "--format", "md"],
    ));
    assert!(out.starts_with("# Chương trình hành động năm 2024"), "{out}");
    assert!(out.contains("\n## Kinh tế\n"), "{out}");
    assert!(out.contains("\n**Đạt và vượt 1/16 chỉ tiêu chủ yếu**\n"), "{out}");
    assert!(
        out.contains("| Mã | Chỉ tiêu | Kế hoạch năm | Cùng kỳ năm trước | Thực hiện (ước/chính thức) | Kỳ | % KH năm | % so cùng kỳ | Đánh giá |"),
        "{out}"
    );
    // 6.500 by nine months is 70,15 % of the year's 9.266, and short of 75 % by more than 5 %.
    assert!(
        out.contains("| 3 | Thu ngân sách trên địa bàn | ≥ 9.266 tỷ đồng |  | 6.500 (ước) | 9 tháng | 70,15 % |  | ▼ Chậm tiến độ |"),
        "{out}"
    );
    // The agricultural labour share is a year-end figure: mid-year it is not due, no share.
    assert!(out.contains("| 42,5 (chính thức) | 6 tháng |  |  | ○ Chưa đến kỳ"), "{out}");
    assert!(out.contains("\n## Tổng hợp theo tình trạng\n"), "{out}");
    let en = ok(common::run_as_tester(
        Path::new("tests/fixtures/stores/sample.json"),
        &["--lang", "en", "report", "--format", "md"],
    ));
    assert!(
        en.contains("| 3 | State budget revenue in the province | ≥ 9,266 billion VND |  | 6,500 (est.) | 9 months | 70.15 % |  | ▼ Behind |"),
        "{en}"
    );
    assert!(en.contains("**1/16 key indicators achieved or exceeded**"), "{en}");

    let dir = Dir::new();
    let file = dir.path("bao-cao.md");
    let printed = ok(common::run_as_tester(
        Path::new("tests/fixtures/stores/sample.json"),
        &["report", "--format", "md", "--out", file.to_str().expect("path")],
    ));
    assert_eq!(printed, "", "with --out nothing goes to stdout");
    assert_eq!(std::fs::read_to_string(&file).expect("md file"), out);
}

#[test]
fn xlsx_report_opens_again_with_real_numbers() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let dir = Dir::new();
    let out = dir.path("bao-cao.xlsx");
    let sample = Path::new("tests/fixtures/stores/sample.json");
    let output = common::run_as_tester(sample, &["report", "--format", "xlsx"]);
    assert_eq!(output.status.code(), Some(2), "xlsx needs --out");
    ok(common::run_as_tester(sample, &["report", "--format", "xlsx", "--out", out.to_str().expect("path")]));

    let mut book: Xlsx<_> = open_workbook(&out).expect("open xlsx");
    assert_eq!(book.sheet_names(), ["Báo cáo"]);
    let range = book.worksheet_range("Báo cáo").expect("sheet");
    let cell = |r: usize, c: usize| range.get((r, c)).cloned().unwrap_or(Data::Empty);
    assert!(matches!(cell(0, 0), Data::String(s) if s.starts_with("Chương trình hành động năm 2024")));
    assert_eq!(cell(1, 0), Data::String("Ngày lập".into()));
    assert!(matches!(cell(1, 1), Data::DateTime(_)), "the date made is a date: {:?}", cell(1, 1));
    assert_eq!(cell(3, 0), Data::String("Đạt và vượt 1/16 chỉ tiêu chủ yếu".into()));
    let headings: Vec<Data> = (0..11).map(|c| cell(5, c)).collect();
    let want =
        ["Mã", "Chỉ tiêu", "Đơn vị", "Kế hoạch năm", "Cùng kỳ năm trước", "Thực hiện (ước/chính thức)"];
    assert_eq!(headings[..6], want.map(|h| Data::String(h.into())));
    assert_eq!(cell(5, 8), Data::String("% KH năm".into()));
    assert_eq!(cell(5, 9), Data::String("% so cùng kỳ".into()));
    assert_eq!(cell(5, 10), Data::String("Đánh giá".into()));
    assert_eq!(cell(6, 0), Data::String("Kinh tế".into()));

    let row = (0..range.height()).find(|&r| cell(r, 0) == Data::String("3".into())).expect("row of target 3");
    assert_eq!(cell(row, 1), Data::String("Thu ngân sách trên địa bàn".into()));
    assert_eq!(cell(row, 2), Data::String("tỷ đồng".into()));
    assert_eq!(cell(row, 3), Data::Float(9266.0), "the goal is a number");
    assert_eq!(cell(row, 4), Data::Empty, "no figure for the same period last year");
    assert_eq!(cell(row, 5), Data::Float(6500.0));
    assert_eq!(cell(row, 6), Data::String("ước".into()));
    assert_eq!(cell(row, 7), Data::String("9 tháng".into()));
    assert_eq!(cell(row, 8), Data::Float(0.7015), "70,15 % of the year's plan as a percent cell");
    assert_eq!(cell(row, 10), Data::String("▼ Chậm tiến độ".into()));
    let six = (0..range.height()).find(|&r| cell(r, 0) == Data::String("9".into())).expect("row of 9");
    assert_eq!(cell(six, 6), Data::String("chính thức".into()));
    assert_eq!(cell(six, 10), Data::String("✦ Vượt".into()), "94,1 % against 93,89 %");

    // Printed as a province hands it in: landscape, one page wide, headings on every page.
    let file = std::fs::File::open(&out).expect("xlsx");
    let mut zip = zip::ZipArchive::new(file).expect("an xlsx is a zip");
    let mut sheet = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/worksheets/sheet1.xml").expect("sheet1"), &mut sheet)
        .expect("read sheet1");
    assert!(sheet.contains("<pageSetUpPr fitToPage=\"1\"/>"), "{sheet}");
    assert!(sheet.contains("orientation=\"landscape\""), "{sheet}");
    assert!(sheet.contains("fitToHeight=\"0\""), "{sheet}");
    let mut workbook = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/workbook.xml").expect("workbook"), &mut workbook)
        .expect("read workbook");
    assert!(workbook.contains("_xlnm.Print_Titles"), "{workbook}");
    assert!(workbook.contains("$6:$6"), "the heading row repeats: {workbook}");
    let mut styles = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/styles.xml").expect("styles"), &mut styles)
        .expect("read styles");
    assert!(styles.contains("wrapText=\"1\""), "names wrap: {styles}");

    let summary = (0..range.height())
        .find(|&r| cell(r, 0) == Data::String("Tổng hợp theo tình trạng".into()))
        .expect("summary");
    let total: f64 = (summary + 2..summary + 11)
        .map(|r| match cell(r, 2) {
            Data::Float(n) => n,
            other => panic!("count is a number: {other:?}"),
        })
        .sum();
    assert_eq!(cell(summary + 11, 2), Data::Float(total));

    let en = dir.path("report.xlsx");
    ok(common::run_as_tester(
        sample,
        &["--lang", "en", "report", "--format", "xlsx", "--out", en.to_str().expect("path")],
    ));
    let mut book: Xlsx<_> = open_workbook(&en).expect("open xlsx");
    let range = book.worksheet_range("Report").expect("sheet");
    assert_eq!(range.get((6, 0)), Some(&Data::String("Economic".into())));
}

#[test]
fn check_reports_a_conflict_with_exit_1_and_set_resolves_it() {
    let dir = Dir::new();
    let (office, field) = (dir.path("office.json"), dir.path("field.json"));
    store_with(&office, vec![figure("o", "3", Period::H1, "4800", "minh", 0)]);
    store_with(&field, vec![figure("f", "3", Period::H1, "4900", "hoa", 1)]);
    let (a, b) = (dir.path("a.json"), dir.path("b.json"));
    ok(common::run_as_tester(&office, &["export", a.to_str().expect("path")]));
    ok(common::run_as_tester(&field, &["export", b.to_str().expect("path")]));
    ok(common::run_as_tester(&office, &["import", b.to_str().expect("path")]));
    ok(common::run_as_tester(&field, &["import", a.to_str().expect("path")]));
    assert_eq!(std::fs::read(&office).expect("office"), std::fs::read(&field).expect("field"));

    for store in [&office, &field] {
        let output = common::run_as_tester(store, &["--lang", "en", "check"]);
        assert_eq!(output.status.code(), Some(1), "{}", common::stderr(&output));
        let out = common::stdout(&output);
        assert!(out.contains("conflicting official figures: 3 State budget revenue"), "{out}");
        assert!(out.contains("4,800 (minh") && out.contains("4,900 (hoa"), "{out}");
    }

    // A new entry, made by `set` after seeing both, resolves it; history keeps all three.
    ok(common::run_as_tester(&office, &["set", "3", "4.850", "--period", "h1"]));
    ok(common::run_as_tester(&office, &["check"]));
    assert_eq!(ledger_of(&office).history(Some("3")).count(), 3);
}

#[test]
fn set_refuses_a_closed_period_and_asks_about_sharp_changes() {
    let dir = Dir::new();
    let store = dir.path("store.json");
    store_with(&store, vec![figure("a", "3", Period::Q1, "2000", "minh", 0)]);
    ok(common::run_as_tester(&store, &["close-period", "h1"]));
    let before = std::fs::read(&store).expect("store");
    let output = common::run_as_tester(&store, &["set", "3", "4.700", "--period", "h1"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        common::stderr(&output).contains("kỳ 6 tháng đã chốt số liệu (tester,"),
        "{}",
        common::stderr(&output)
    );
    assert_eq!(std::fs::read(&store).expect("store"), before);

    // 46.330 for 4.633: refused without a terminal to ask on, taken with --yes.
    ok(common::run_as_tester(&store, &["reopen-period", "h1"]));
    let before = std::fs::read(&store).expect("store");
    let output = common::run_as_tester(&store, &["set", "3", "46.330", "--period", "h1"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(common::stderr(&output).contains("thêm --yes"), "{}", common::stderr(&output));
    assert_eq!(std::fs::read(&store).expect("store"), before);
    ok(common::run_as_tester(&store, &["set", "3", "46.330", "--period", "h1", "--yes"]));
    ok(common::run_as_tester(&store, &["set", "3", "4.633", "--period", "h1"]));

    let history = ok(common::run_as_tester(&store, &["--lang", "en", "history"]));
    assert!(history.contains("closed the 6 months period"), "{history}");
    assert!(history.contains("reopened the 6 months period"), "{history}");
}
