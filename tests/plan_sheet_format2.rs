//! The plan sheet's columns of format 2 (`above`, `shares`, `change`, `tolerance_points`,
//! `key_indicator`) and its unit column, through the real binary: the template's headers
//! read back into the same plan as the JSON a person would write, and a wrong value in each
//! refused with its row and column.

use chitieu::domain::plan::Plan;
use std::path::Path;
use std::process::Output;
mod common;

fn chitieu(home: &Path, args: &[&str]) -> Output {
    common::at_home(home).args(args).output().expect("run chitieu")
}

fn import(home: &Path, sheet: &Path) -> (Output, std::path::PathBuf) {
    let out = home.join("plan.json");
    let sheet = sheet.to_str().expect("path");
    let args = ["plan", "import", sheet, "--id", "t", "--year", "2025", "--title", "T", "--out"];
    let mut args = args.to_vec();
    args.push(out.to_str().expect("path"));
    (chitieu(home, &args), out)
}

/// The template's headers, by key (`Trên mức cao nhất là (above)` for `above`).
fn template_headers(home: &Path) -> Vec<String> {
    use calamine::Reader;
    let template = home.join("mau.xlsx");
    let made = chitieu(home, &["plan", "template", "--out", template.to_str().expect("path")]);
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let mut workbook: calamine::Xlsx<_> = calamine::open_workbook(&template).expect("xlsx");
    let table = workbook.worksheet_range_at(0).expect("a sheet").expect("readable");
    let headers: Vec<String> =
        table.rows().next().expect("header row").iter().map(|c| c.to_string()).collect();
    // The explanation sheet explains each new column in both languages.
    let help = workbook.worksheet_range("Hướng dẫn").expect("help sheet");
    for key in ["above", "shares", "change", "tolerance_points", "key_indicator", "don_vi"] {
        let row = help.rows().find(|row| row[1] == key).unwrap_or_else(|| panic!("{key} explained"));
        assert!(row[3].to_string().len() > 20 && row[4].to_string().len() > 20, "{key}: {row:?}");
    }
    headers
}

/// The header of `key` in the template.
fn header<'a>(headers: &'a [String], key: &str) -> &'a str {
    headers.iter().find(|h| h.ends_with(&format!("({key})"))).unwrap_or_else(|| panic!("no column {key}"))
}

#[test]
fn each_column_of_format_2_round_trips_from_the_template() {
    let home = tempfile::tempdir().expect("temp dir");
    let headers = template_headers(home.path());
    let keys = [
        "id",
        "group",
        "name",
        "unit",
        "direction",
        "target",
        "target_min",
        "target_max",
        "above",
        "measure",
        "shares",
        "change",
        "key_indicator",
        "tolerance_points",
        "reported_in",
    ];
    // Each new column once, as a cadre writes it: Vietnamese words, Vietnamese numbers.
    let rows: [[&str; 15]; 4] = [
        [
            "1",
            "Kinh tế",
            "Thu ngân sách",
            "tỷ đồng",
            "tối thiểu",
            "512,5",
            "",
            "",
            "",
            "luỹ kế",
            "20 45 70",
            "",
            "x",
            "",
            "",
        ],
        [
            "8",
            "Xã hội",
            "Tỷ lệ hộ nghèo",
            "%",
            "at_least",
            "0,4",
            "",
            "",
            "",
            "mức",
            "",
            "giảm điểm",
            "có",
            "0,1",
            "year",
        ],
        [
            "15",
            "Xây dựng Đảng",
            "Kết nạp đảng viên",
            "%",
            "range",
            "",
            "3",
            "4",
            "tốt hơn",
            "cumulative",
            "",
            "",
            "",
            "",
            "",
        ],
        [
            "16",
            "Kinh tế",
            "Số hộ nghèo",
            "hộ",
            "at_least",
            "13,5",
            "",
            "",
            "",
            "year_end",
            "",
            "reduction percent",
            "không",
            "",
            "",
        ],
    ];
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (col, key) in (0u16..).zip(keys) {
        sheet.write_string(0, col, header(&headers, key)).expect("header");
    }
    for (row, cells) in (1u32..).zip(rows) {
        for (col, cell) in (0u16..).zip(cells) {
            if !cell.is_empty() {
                sheet.write_string(row, col, cell).expect("cell");
            }
        }
    }
    let path = home.path().join("ke-hoach.xlsx");
    workbook.save(&path).expect("save");

    let (output, out) = import(home.path(), &path);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let imported = Plan::parse(&std::fs::read_to_string(out).expect("written")).expect("a plan");
    let expected = Plan::parse(
        r#"{ "format": 2, "id": "t", "year": 2025, "title": { "vi": "T" }, "targets": [
          { "id": "1", "group": "economic", "name": { "vi": "Thu ngân sách" }, "unit": { "vi": "tỷ đồng" },
            "direction": "at_least", "target": "512.5", "measure": "cumulative",
            "shares": { "q1": "20", "h1": "45", "9m": "70" }, "key_indicator": true },
          { "id": "8", "group": "social", "name": { "vi": "Tỷ lệ hộ nghèo" }, "unit": { "vi": "%" },
            "direction": "at_least", "target": "0.4", "measure": "level", "reported_in": ["year"],
            "change": { "way": "reduction", "in": "points" }, "key_indicator": true, "tolerance_points": "0.1" },
          { "id": "15", "group": "party", "name": { "vi": "Kết nạp đảng viên" }, "unit": { "vi": "%" },
            "direction": "range", "target_min": "3", "target_max": "4", "above": "better", "measure": "cumulative" },
          { "id": "16", "group": "economic", "name": { "vi": "Số hộ nghèo" }, "unit": { "vi": "hộ" },
            "direction": "at_least", "target": "13.5", "measure": "year_end",
            "change": { "way": "reduction", "in": "percent" } }
        ] }"#,
    )
    .expect("the expected plan");
    assert_eq!(imported.targets, expected.targets);
}

#[test]
fn a_wrong_value_in_each_new_column_is_refused_with_row_and_column() {
    let home = tempfile::tempdir().expect("temp dir");
    let sheet = home.path().join("sai.csv");
    std::fs::write(
        &sheet,
        "id;group;name;unit;direction;target;target_min;target_max;above;measure;shares;change;key_indicator;tolerance_points\n\
         1;economic;A;tỷ đồng;at_least;5;;;hơn;cumulative;20 10 70;giảm nhiều;ừ;\n\
         2;social;B;%;at_least;0,4;;;better;level;20 45 70;;;101\n\
         3;party;C;tỷ đồng;range;;3;4;;cumulative;;giảm điểm;;0,5\n",
    )
    .expect("sheet");
    let (output, out) = import(home.path(), &sheet);
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8_lossy(&output.stderr);
    for expected in [
        "dòng 2, cột “above”: không hiểu “hơn”",
        "dòng 2, cột “shares”: không đọc được “20 10 70”",
        "dòng 2, cột “change”: không hiểu “giảm nhiều”",
        "dòng 2, cột “key_indicator”: không hiểu “ừ”",
        "dòng 3, cột “tolerance_points”: tolerance_points = 101",
        "dòng 3, cột “shares”: chỉ tiêu 2: shares chỉ dùng cho chỉ tiêu cộng dồn",
        "dòng 3, cột “above”: chỉ tiêu 2",
        "dòng 4, cột “change”: chỉ tiêu 3",
        "dòng 4, cột “tolerance_points”: chỉ tiêu 3: tolerance_points không áp dụng",
    ] {
        assert!(said.contains(expected), "{expected} not in: {said}");
    }
    assert!(!out.exists(), "nothing written");
}

#[test]
fn a_sheet_with_units_rows_makes_the_plan_of_the_other_rows() {
    let home = tempfile::tempdir().expect("temp dir");
    let sheet = home.path().join("ke-hoach.csv");
    std::fs::write(
        &sheet,
        "id;don_vi;group;name;unit;direction;target;measure\n\
         1;;economic;Tăng trưởng;%;at_least;8;level\n\
         1;xa-my-an;economic;Tăng trưởng;%;at_least;6,5;level\n\
         2;;social;Hộ nghèo;%;at_most;1;level\n",
    )
    .expect("sheet");
    let (output, out) = import(home.path(), &sheet);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let plan = Plan::parse(&std::fs::read_to_string(out).expect("written")).expect("a plan");
    assert_eq!(plan.targets.len(), 2, "the unit's row is no target of the plan");
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(said.contains("xa-my-an") && said.contains("--unit xa-my-an"), "{said}");

    // A unit's row for a target the sheet's plan lacks, or with another direction, is refused.
    std::fs::write(
        &sheet,
        "id;don_vi;group;name;unit;direction;target;measure\n\
         1;;economic;Tăng trưởng;%;at_least;8;level\n\
         9;xa-my-an;;;;;6,5;\n\
         1;xa-my-an;;;;at_most;6,5;\n\
         1;Xã Mỹ An;;;;;6;\n",
    )
    .expect("sheet");
    let (output, _) = import(home.path(), &sheet);
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8_lossy(&output.stderr);
    for expected in [
        "dòng 3, cột “id”: kế hoạch không có chỉ tiêu mã “9”",
        "dòng 4, cột “direction”: kế hoạch giao chỉ tiêu này là at_least",
        "dòng 5, cột “don_vi”: “Xã Mỹ An” không phải mã đơn vị",
    ] {
        assert!(said.contains(expected), "{expected} not in: {said}");
    }
}
