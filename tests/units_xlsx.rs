//! `chitieu units --format xlsx --out FILE` through the real binary, read back with calamine:
//! the same content as the Markdown grid, printed like the progress report's sheet.

use calamine::{Data, Reader};
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

#[test]
fn the_units_grid_as_a_printable_sheet() {
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
