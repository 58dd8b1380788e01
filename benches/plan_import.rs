//! `plan import` of a 500-row xlsx (the budget: ≤ 200 ms): reading the workbook and making
//! the checked plan, as the command does, on a sheet like a province's appendix (headings,
//! parts, number cells, Vietnamese names, last-year links).
//!
//! `cargo bench --bench plan_import`.

use chitieu::domain::lang::Lang;
use chitieu::domain::plan::Text;
use chitieu::report::plan_sheet::{self, PlanHeader};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

const ROWS: u32 = 500;

/// A 500-row sheet: every tenth row a heading whose next nine rows are its parts.
fn write_sheet(path: &std::path::Path) {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let header = [
        "id",
        "parent",
        "group",
        "name",
        "unit",
        "direction",
        "target",
        "measure",
        "reported_in",
        "last_year_id",
    ];
    for (col, key) in (0u16..).zip(header) {
        sheet.write_string(0, col, key).expect("header");
    }
    let groups = ["Kinh tế", "Xã hội", "Môi trường", "Xây dựng Đảng"];
    for row in 1..=ROWS {
        let heading = (row - 1) % 10 == 0;
        let id = row.to_string();
        let parent = ((row - 1) / 10 * 10 + 1).to_string();
        sheet.write_string(row, 0, &id).expect("id");
        if !heading {
            sheet.write_string(row, 1, &parent).expect("parent");
        }
        sheet.write_string(row, 2, groups[(row as usize / 10) % 4]).expect("group");
        sheet
            .write_string(row, 3, format!("Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao số {row}"))
            .expect("name");
        if !heading {
            sheet.write_string(row, 4, "%").expect("unit");
            sheet.write_string(row, 5, "at_least").expect("direction");
            sheet.write_number(row, 6, f64::from(row) * 1.25).expect("target");
            sheet.write_string(row, 7, if row % 2 == 0 { "level" } else { "cumulative" }).expect("measure");
            sheet.write_string(row, 8, "h1 year").expect("reported_in");
            sheet.write_string(row, 9, &id).expect("last_year_id");
        }
    }
    workbook.save(path).expect("save");
}

fn import(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("phu-luc-500.xlsx");
    write_sheet(&path);
    let header = PlanHeader {
        id: "tinh-2025".to_owned(),
        year: 2025,
        title: Text { vi: "Kế hoạch năm 2025".to_owned(), en: String::new() },
    };
    let mut group = c.benchmark_group("plan_import");
    group.sample_size(20).measurement_time(Duration::from_secs(5));
    group.bench_function("xlsx_500_rows", |b| {
        b.iter(|| {
            let rows = plan_sheet::read(&path).expect("read");
            let (text, plan) = plan_sheet::import(&rows, &header, Lang::Vi).expect("valid");
            black_box((text.len(), plan.targets.len()))
        });
    });
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
