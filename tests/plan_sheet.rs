//! `chitieu plan template` and `chitieu plan import`: a plan from the spreadsheet a cadre fills in.

use chitieu::domain::plan::{Goal, Group, Measure, Plan};
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};
mod common;

use std::process::Output;

/// The binary with a home of its own: no user config, store or data directory leaks in.
fn chitieu(home: &Path, args: &[&str]) -> Output {
    common::at_home(home).args(args).output().expect("run chitieu")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn import(home: &Path, sheet: &Path, extra: &[&str]) -> (Output, PathBuf) {
    let out = home.join("plan.json");
    let mut args = vec![
        "plan",
        "import",
        sheet.to_str().expect("utf-8 path"),
        "--id",
        "tinh-2025",
        "--year",
        "2025",
        "--title",
        "Kế hoạch năm 2025",
        "--out",
        out.to_str().expect("utf-8 path"),
    ];
    args.extend(extra);
    (chitieu(home, &args), out)
}

fn read_plan(path: &Path) -> Plan {
    Plan::parse(&std::fs::read_to_string(path).expect("plan written")).expect("a valid plan")
}

fn d(s: &str) -> Decimal {
    Decimal::from_str_exact(s).expect("test decimal")
}

#[test]
fn the_template_round_trips_in_xlsx_and_csv() {
    let home = tempfile::tempdir().expect("temp dir");
    for name in ["mau-chi-tieu.xlsx", "mau-chi-tieu.csv"] {
        let template = home.path().join(name);
        let made = chitieu(home.path(), &["plan", "template", "--out", template.to_str().expect("path")]);
        assert!(made.status.success(), "{name}: {}", stderr(&made));
        let (output, out) = import(home.path(), &template, &[]);
        assert!(output.status.success(), "{name}: {}", stderr(&output));
        let plan = read_plan(&out);
        assert_eq!(
            (plan.id.as_str(), plan.year, plan.title.vi.as_str()),
            ("tinh-2025", 2025, "Kế hoạch năm 2025")
        );
        assert_eq!(plan.targets.len(), 1, "{name}: the one example row");
        let target = &plan.targets[0];
        assert_eq!(target.group, Group::Economic);
        assert_eq!(target.goal, Some((Goal::AtLeast(d("6.5")), Measure::Level)), "{name}");
        assert_eq!(target.last_year_id.as_deref(), Some("1"));
    }
    // A CSV template has its explanation beside it, and starts with a byte-order mark so
    // Excel reads its diacritics.
    let csv = std::fs::read(home.path().join("mau-chi-tieu.csv")).expect("csv");
    assert!(csv.starts_with(b"\xEF\xBB\xBF"));
    let help = std::fs::read_to_string(home.path().join("mau-chi-tieu.huong-dan.csv")).expect("help");
    assert!(help.contains("Mức chỉ tiêu (target)") && help.contains("The lower bound, for range"), "{help}");
}

#[test]
fn the_template_explains_every_column_on_a_second_sheet() {
    use calamine::{Data, Reader};
    let home = tempfile::tempdir().expect("temp dir");
    let template = home.path().join("mau.xlsx");
    let made = chitieu(home.path(), &["plan", "template", "--out", template.to_str().expect("path")]);
    assert!(made.status.success(), "{}", stderr(&made));
    let mut workbook: calamine::Xlsx<_> = calamine::open_workbook(&template).expect("xlsx");
    assert_eq!(workbook.sheet_names(), ["Chỉ tiêu", "Hướng dẫn"]);
    let help = workbook.worksheet_range("Hướng dẫn").expect("help sheet");
    let keys: Vec<String> = help.rows().skip(1).map(|row| row[1].to_string()).collect();
    for key in ["id", "parent", "group", "name", "unit", "direction", "target", "target_min", "target_max"] {
        assert!(keys.iter().any(|k| k == key), "{key} explained");
    }
    for row in help.rows().skip(1) {
        assert!(!matches!(row[3], Data::Empty) && !matches!(row[4], Data::Empty), "both languages: {row:?}");
    }
}

/// A sheet with every wrong row the issue names, and one good row: all are reported with
/// their row and column, and nothing is written.
#[test]
fn wrong_rows_are_refused_all_at_once_with_row_and_column() {
    let home = tempfile::tempdir().expect("temp dir");
    let sheet = home.path().join("sai.csv");
    std::fs::write(
        &sheet,
        "id,parent,group,name,unit,direction,target,measure\n\
         1,,economic,Tăng trưởng,%,at_least,\"6,5\",level\n\
         2,,economic,Thu ngân sách,tỷ đồng,at_least,,cumulative\n\
         3,,văn hoá,Làng văn hoá,%,at_least,80,level\n\
         4,,Xã hội,Hộ nghèo,%,at_most,8.2,level\n\
         5a,5,social,Trường chuẩn,trường,at_least,3,cumulative\n\
         1,,party,Đảng viên mới,người,at_least,1900,cumulative\n",
    )
    .expect("write sheet");
    let (output, out) = import(home.path(), &sheet, &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(!out.exists(), "nothing is written");
    let message = stderr(&output);
    for expected in [
        "dòng 3, cột “target”: ô trống; chỉ tiêu yêu cầu at_least cần có mức này",
        "dòng 4, cột “group”: không có nhóm “văn hoá”",
        "dòng 5, cột “target”: không đọc được số “8.2”",
        "8,2",
        "dòng 6, cột “parent”: không có chỉ tiêu mã “5”",
        "dòng 7, cột “id”: mã “1” đã dùng ở dòng 2",
        "5 lỗi",
    ] {
        assert!(message.contains(expected), "expected “{expected}” in:\n{message}");
    }
    assert!(!message.contains("dòng 2,"), "the good row has no problem:\n{message}");
}

#[test]
fn problems_are_worded_in_english_with_lang_en() {
    let home = tempfile::tempdir().expect("temp dir");
    let sheet = home.path().join("wrong.csv");
    std::fs::write(
        &sheet,
        "id,group,name,direction,target,measure,colour\n1,economic,Growth,at_least,8.2.1,level,red\n",
    )
    .expect("write sheet");
    let (output, _) = import(home.path(), &sheet, &["--lang", "en"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("row 1, column “colour”: this column is not a field"), "{message}");
    assert!(message.contains("row 2, column “target”: cannot read the number “8.2.1”"), "{message}");
}

/// A cadre's own table: Vietnamese headers without keys, groups by Vietnamese name, a
/// `;`-separated CSV with a byte-order mark as Vietnamese Excel saves it, a heading with parts.
#[test]
fn a_vietnamese_excel_csv_is_read() {
    let home = tempfile::tempdir().expect("temp dir");
    let sheet = home.path().join("phu-luc.csv");
    let text = "\u{feff}Mã chỉ tiêu;Thuộc chỉ tiêu;Nhóm;Tên chỉ tiêu;Đơn vị tính;Yêu cầu;Mức chỉ tiêu;Mức thấp nhất;Mức cao nhất;Cách tính\r\n\
                10;;Xã hội;Xây dựng trường chuẩn;;;;;;\r\n\
                10a;10;Xã hội;Trường mầm non;trường;tối thiểu;4.900;;;luỹ kế\r\n\
                15;;Xây dựng Đảng;Tổ chức đảng;tổ chức;range;;3;4;cumulative\r\n";
    std::fs::write(&sheet, text).expect("write sheet");
    let (output, out) = import(home.path(), &sheet, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let plan = read_plan(&out);
    let heading = plan.target("10").expect("heading");
    assert_eq!((heading.group, heading.goal), (Group::Social, None));
    let part = plan.target("10a").expect("part");
    assert_eq!(part.parent.as_deref(), Some("10"));
    assert_eq!(part.goal, Some((Goal::AtLeast(d("4900")), Measure::Cumulative)), "4.900 read as Vietnamese");
    let range = plan.target("15").expect("range");
    assert_eq!(range.goal, Some((Goal::Range { min: d("3"), max: d("4") }, Measure::Cumulative)));
}

/// Writes a one-row xlsx whose figures are number cells (`numbers`) or Vietnamese text.
fn xlsx_sheet(path: &Path, numbers: bool) {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let header =
        ["id", "group", "name", "unit", "direction", "target", "target_min", "target_max", "measure"];
    for (col, key) in (0u16..).zip(header) {
        sheet.write_string(0, col, key).expect("header");
    }
    // id, direction, measure, figures as numbers (NaN: none), the same as Vietnamese text
    type Row<'a> = (&'a str, &'a str, &'a str, [f64; 3], [&'a str; 3]);
    let rows: [Row; 2] = [
        ("1", "at_least", "level", [6.5, f64::NAN, f64::NAN], ["6,5", "", ""]),
        ("2", "range", "cumulative", [f64::NAN, 0.1, 4900.25], ["", "0,1", "4.900,25"]),
    ];
    for (row, (id, direction, measure, figures, texts)) in (1u32..).zip(rows) {
        sheet.write_string(row, 0, id).expect("id");
        sheet.write_string(row, 1, "economic").expect("group");
        sheet.write_string(row, 2, "Chỉ tiêu").expect("name");
        sheet.write_string(row, 3, "%").expect("unit");
        sheet.write_string(row, 4, direction).expect("direction");
        for (col, (figure, text)) in (5u16..).zip(figures.iter().zip(texts)) {
            if numbers && !figure.is_nan() {
                sheet.write_number(row, col, *figure).expect("number");
            } else if !text.is_empty() {
                sheet.write_string(row, col, text).expect("text");
            }
        }
        sheet.write_string(row, 8, measure).expect("measure");
    }
    workbook.save(path).expect("save xlsx");
}

#[test]
fn number_cells_and_text_cells_give_the_same_plan() {
    let home = tempfile::tempdir().expect("temp dir");
    let numbers = home.path().join("numbers.xlsx");
    let texts = home.path().join("texts.xlsx");
    xlsx_sheet(&numbers, true);
    xlsx_sheet(&texts, false);
    let (output, out) = import(home.path(), &numbers, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let from_numbers = std::fs::read_to_string(&out).expect("plan");
    let (output, out) = import(home.path(), &texts, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let from_texts = std::fs::read_to_string(&out).expect("plan");
    assert_eq!(from_numbers, from_texts);
    let plan = read_plan(&out);
    assert_eq!(
        plan.target("2").and_then(|t| t.goal).map(|g| g.0),
        Some(Goal::Range { min: d("0.1"), max: d("4900.25") })
    );
}

/// Without English names the English interface shows the Vietnamese, not empty cells.
#[test]
fn a_plan_without_english_shows_the_vietnamese_in_english() {
    let home = tempfile::tempdir().expect("temp dir");
    let sheet = home.path().join("vi.csv");
    std::fs::write(&sheet, "id,group,name,unit,direction,target,measure\n1,economic,Thu ngân sách,tỷ đồng,at_least,\"512,5\",cumulative\n")
        .expect("write sheet");
    let (output, out) = import(home.path(), &sheet, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let store = home.path().join("store.json");
    let report = chitieu(
        home.path(),
        &[
            "report",
            "--lang",
            "en",
            "--plan",
            out.to_str().expect("path"),
            "--store",
            store.to_str().expect("path"),
        ],
    );
    assert!(report.status.success(), "{}", stderr(&report));
    let table = String::from_utf8_lossy(&report.stdout);
    assert!(
        table.contains("Kế hoạch năm 2025") && table.contains("Thu ngân sách") && table.contains("tỷ đồng"),
        "{table}"
    );
}
