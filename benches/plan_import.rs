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

fn import(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("phu-luc-500.xlsx");
    std::fs::write(&path, plan_sheet::sample_xlsx(ROWS).expect("sheet")).expect("write sheet");
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
