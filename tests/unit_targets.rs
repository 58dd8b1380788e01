//! A unit's own target figures through the real binary: `plan import SHEET --unit ID` writes
//! them, `--unit ID` judges that unit by them, the province and other units keep the plan's,
//! and a sheet that does not fit the plan is refused with row and column, nothing written.

use std::path::Path;
use std::process::Output;
mod common;

fn chitieu(dir: &Path, args: &[&str]) -> Output {
    let store = dir.join("store.json");
    common::at_home(dir).arg("--store").arg(&store).args(args).output().expect("run chitieu")
}

fn ok(output: Output) -> String {
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The status of target `id` in the year, as `report --format json` gives it.
fn status(dir: &Path, unit: Option<&str>, id: &str) -> String {
    let mut args = vec![];
    if let Some(unit) = unit {
        args.extend(["--unit", unit]);
    }
    args.extend(["report", "--format", "json", "--period", "year"]);
    let report: serde_json::Value = serde_json::from_str(&ok(chitieu(dir, &args))).expect("json");
    let target =
        report["targets"].as_array().expect("targets").iter().find(|t| t["id"] == id).expect("target");
    target["status"].as_str().expect("status").to_owned()
}

/// Two units and the province, each with a GRDP growth of 7 % for the year (the plan asks
/// for 8 %: not achieved).
fn province_with_two_units(dir: &Path) {
    ok(chitieu(dir, &["unit", "add", "xa-my-an", "--name", "Xã Mỹ An"]));
    ok(chitieu(dir, &["unit", "add", "phuong-1", "--name", "Phường 1"]));
    for unit in [&["--unit", "xa-my-an"][..], &["--unit", "phuong-1"], &[]] {
        let mut args = unit.to_vec();
        args.extend(["set", "1", "7", "--period", "year"]);
        ok(chitieu(dir, &args));
    }
}

#[test]
fn a_units_own_target_changes_its_verdict_and_no_one_elses() {
    let dir = tempfile::tempdir().expect("tempdir");
    province_with_two_units(dir.path());
    assert_eq!(status(dir.path(), Some("xa-my-an"), "1"), "not_achieved");

    // One sheet: the plan's rows (no unit) and a row of Mỹ An's own figure for target 1.
    let sheet = dir.path().join("muc-rieng.csv");
    std::fs::write(
        &sheet,
        "Mã chỉ tiêu (id);Đơn vị thực hiện (don_vi);Tên chỉ tiêu (name);Mức chỉ tiêu (target)\n\
         1;;Tốc độ tăng trưởng GRDP;8\n\
         1;xa-my-an;Tốc độ tăng trưởng GRDP;6,5\n",
    )
    .expect("sheet");
    let said =
        ok(chitieu(dir.path(), &["--unit", "xa-my-an", "plan", "import", sheet.to_str().expect("path")]));
    assert!(said.contains("xa-my-an.plan.json"), "{said}");

    assert_eq!(status(dir.path(), Some("xa-my-an"), "1"), "exceeded", "7 % against its own 6,5 %");
    assert_eq!(
        status(dir.path(), Some("phuong-1"), "1"),
        "not_achieved",
        "another unit keeps the plan's 8 %"
    );
    assert_eq!(status(dir.path(), None, "1"), "not_achieved", "so does the province");

    // `units` judges each unit by its own targets too.
    let units: serde_json::Value =
        serde_json::from_str(&ok(chitieu(dir.path(), &["units", "--period", "year", "--format", "json"])))
            .expect("json");
    let of = |id: &str| {
        units["units"].as_array().expect("units").iter().find(|u| u["id"] == id).expect("unit").clone()
    };
    assert_eq!(of("xa-my-an")["statuses"]["exceeded"], 1);
    assert_eq!(of("phuong-1")["statuses"]["exceeded"], 0);
    assert_eq!(of("phuong-1")["statuses"]["not_achieved"], 1);
    // And the missing list of the unit shows the goal it is asked for.
    let missing = ok(chitieu(dir.path(), &["--unit", "xa-my-an", "report", "--period", "year"]));
    assert!(missing.contains("6,5"), "{missing}");
}

#[test]
fn own_targets_that_do_not_fit_the_plan_are_refused_with_row_and_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    province_with_two_units(dir.path());
    let sheet = dir.path().join("muc-rieng.csv");
    std::fs::write(&sheet, "Mã chỉ tiêu (id),Mức chỉ tiêu (target)\n1,6\n").expect("sheet");
    ok(chitieu(dir.path(), &["--unit", "xa-my-an", "plan", "import", sheet.to_str().expect("path")]));
    let own = dir.path().join("store.json.units/xa-my-an.plan.json");
    let before = std::fs::read(&own).expect("own targets written");

    // 99 is no target of the plan; 15 is a range (3–4 %), which takes no single figure;
    // "sáu" is no number; 10 is a heading whose figures are its parts'; 15 again, with a
    // range upside down.
    std::fs::write(
        &sheet,
        "Mã chỉ tiêu (id),Mức chỉ tiêu (target),Mức thấp nhất (target_min),Mức cao nhất (target_max)\n\
         99,5,,\n15,3,,\n1,sáu,,\n10,1,,\n15,,5,4\n",
    )
    .expect("sheet");
    let refused =
        chitieu(dir.path(), &["--unit", "xa-my-an", "plan", "import", sheet.to_str().expect("path")]);
    assert_eq!(refused.status.code(), Some(2));
    let said = String::from_utf8_lossy(&refused.stderr);
    for expected in [
        "dòng 2, cột “Mã chỉ tiêu (id)”: kế hoạch không có chỉ tiêu mã “99”",
        "dòng 3, cột “Mức chỉ tiêu (target)”",
        "dòng 4, cột “Mức chỉ tiêu (target)”: không đọc được số “sáu”",
        "dòng 5, cột “Mã chỉ tiêu (id)”",
        "dòng 6, cột “Mã chỉ tiêu (id)”: chỉ tiêu “15” có hai lần",
    ] {
        assert!(said.contains(expected), "{expected} not in: {said}");
    }
    assert_eq!(std::fs::read(&own).expect("still there"), before, "nothing written");
    assert_eq!(status(dir.path(), Some("xa-my-an"), "1"), "exceeded", "the earlier own target still counts");

    // A row for another unit in a sheet with a unit column is not this unit's.
    std::fs::write(
        &sheet,
        "Mã chỉ tiêu (id),Đơn vị thực hiện (don_vi),Mức chỉ tiêu (target)\n1,phuong-1,6\n",
    )
    .expect("sheet");
    let refused =
        chitieu(dir.path(), &["--unit", "xa-my-an", "plan", "import", sheet.to_str().expect("path")]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("không có dòng nào của đơn vị “xa-my-an”"));
    assert_eq!(std::fs::read(&own).expect("still there"), before, "nothing written");
}

#[test]
fn own_targets_made_unfit_by_a_hand_edit_are_refused_not_ignored() {
    let dir = tempfile::tempdir().expect("tempdir");
    province_with_two_units(dir.path());
    let own = dir.path().join("store.json.units/xa-my-an.plan.json");
    std::fs::write(&own, r#"{ "plan": "dong-thap-cth-2024", "unit": "xa-my-an", "targets": [ { "id": "15", "target": "3" } ] }"#)
        .expect("own");
    let refused = chitieu(dir.path(), &["--unit", "xa-my-an", "report"]);
    assert_eq!(refused.status.code(), Some(2));
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("xa-my-an.plan.json") && said.contains("--unit xa-my-an"), "{said}");
    // The province and the other unit are not held up by it.
    assert_eq!(status(dir.path(), Some("phuong-1"), "1"), "not_achieved");
}

/// `chitieu units --format xlsx --out FILE`, read back with calamine: the same content as the
/// Markdown grid, printed like the progress report's sheet.
#[test]
fn the_units_grid_as_a_printable_sheet() {
    use calamine::{Data, Reader};
    let dir = tempfile::tempdir().expect("tempdir");
    ok(chitieu(dir.path(), &["unit", "add", "xa-my-an", "--name", "Xã Mỹ An"]));
    ok(chitieu(dir.path(), &["unit", "add", "phuong-1", "--name", "Phường 1"]));
    // Mỹ An: GRDP growth 8,5 % in h1 (on track); Phường 1: 7 % (behind: 1 point short).
    ok(chitieu(dir.path(), &["--unit", "xa-my-an", "set", "1", "8,5", "--period", "h1"]));
    ok(chitieu(dir.path(), &["--unit", "phuong-1", "set", "1", "7", "--period", "h1"]));
    let out = dir.path().join("don-vi.xlsx");
    let args = ["units", "--period", "h1", "--format", "xlsx", "--out", out.to_str().expect("path")];
    ok(chitieu(dir.path(), &args));

    let mut workbook: calamine::Xlsx<_> = calamine::open_workbook(&out).expect("xlsx");
    assert_eq!(workbook.sheet_names(), ["Các đơn vị"]);
    let range = workbook.worksheet_range_at(0).expect("a sheet").expect("readable");
    let cell = |row: usize, col: usize| range.get((row, col)).cloned().unwrap_or(Data::Empty);
    assert!(matches!(cell(0, 0), Data::String(s) if s.starts_with("Chương trình hành động năm 2024")));
    assert_eq!(cell(1, 1), Data::String("6 tháng".into()));
    let header: Vec<String> = (0..range.width()).map(|c| cell(3, c).to_string()).collect();
    assert_eq!(header[..4], ["Mã", "Đơn vị", "Đã có số liệu", "Chỉ tiêu đến kỳ"]);
    let column =
        |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("{name}: {header:?}"));
    let on_track = column("▲ Đúng/vượt tiến độ");
    let behind = column("▼ Chậm tiến độ");
    let key_1 = column("1");
    assert_eq!(cell(2, key_1), Data::String("Chỉ tiêu chủ yếu".into()));

    let row_of = |id: &str| (4..range.height()).find(|&r| cell(r, 0) == Data::String(id.into())).expect(id);
    let (my_an, phuong) = (row_of("xa-my-an"), row_of("phuong-1"));
    assert_eq!(cell(my_an, 1), Data::String("Xã Mỹ An".into()));
    assert_eq!(cell(my_an, 2), Data::Float(1.0), "one figure in");
    let due = cell(my_an, 3);
    assert!(matches!(due, Data::Float(n) if n > 1.0), "{due:?}");
    assert_eq!(cell(my_an, on_track), Data::Float(1.0));
    assert_eq!(cell(phuong, behind), Data::Float(1.0));
    assert_eq!(cell(my_an, key_1), Data::String("▲".into()), "a symbol, readable without colour");
    assert_eq!(cell(phuong, key_1), Data::String("▼".into()));
    let total =
        (4..range.height()).find(|&r| cell(r, 1) == Data::String("Cộng (số lượng)".into())).expect("total");
    assert_eq!(cell(total, 2), Data::Float(2.0), "counts add up");
    assert_eq!(cell(total, on_track), Data::Float(1.0));

    // Printed like the progress report: landscape, one page wide, the header on every page.
    let file = std::fs::File::open(&out).expect("xlsx");
    let mut zip = zip::ZipArchive::new(file).expect("an xlsx is a zip");
    let mut sheet = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/worksheets/sheet1.xml").expect("sheet1"), &mut sheet)
        .expect("read sheet1");
    assert!(sheet.contains("<pageSetUpPr fitToPage=\"1\"/>") && sheet.contains("orientation=\"landscape\""));
    let mut book = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/workbook.xml").expect("workbook"), &mut book)
        .expect("read workbook");
    assert!(book.contains("_xlnm.Print_Titles") && book.contains("$4:$4"), "{book}");

    // Without --out it is refused, not written to the terminal.
    let refused = chitieu(dir.path(), &["units", "--format", "xlsx"]);
    assert_eq!(refused.status.code(), Some(2));
}
