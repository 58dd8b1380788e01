//! The md and xlsx reports of a fixed store on a fixed day, byte for byte (md) and cell by
//! cell (xlsx, read back with calamine): golden files, independent of the machine's clock,
//! time zone, language and settings. `UPDATE_GOLDEN=1 cargo test --test report_golden`
//! rewrites them; review the diff before committing.

use calamine::{Data, Reader, Xlsx};
use chitieu::domain::plan::Plan;
use chitieu::domain::progress::PeriodChoice;
use chitieu::i18n::Lang;
use chitieu::report;
use chitieu::store::Store;

/// The day the report is made: printed in its heading.
fn made() -> jiff::civil::Date {
    jiff::civil::date(2024, 10, 15)
}

/// The zone the report is made in, whatever the machine's: the province's.
fn zone() -> jiff::tz::TimeZone {
    jiff::tz::TimeZone::get("Asia/Ho_Chi_Minh").expect("zone")
}

fn check(name: &str, actual: &str) {
    let path = format!("tests/golden/{name}");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("write golden");
    }
    let golden = std::fs::read_to_string(&path).expect("golden file");
    assert_eq!(actual, golden, "{path}");
}

fn with_report(choice: PeriodChoice, use_it: impl FnOnce(&report::Report)) {
    let plan = Plan::embedded();
    let store = Store::open(std::path::Path::new("tests/fixtures/stores/sample.json"), &plan).expect("store");
    use_it(&report::build(&plan, store.ledger(), choice, made(), zone()));
}

#[test]
fn markdown_reports_match_their_golden_files() {
    for (lang, ascii, choice, name) in [
        (Lang::Vi, false, PeriodChoice::Latest, "report-sample.vi.md"),
        (
            Lang::En,
            true,
            PeriodChoice::Fixed(chitieu::domain::period::Period::H1),
            "report-sample-h1.en-ascii.md",
        ),
    ] {
        with_report(choice, |report| {
            let mut out = Vec::new();
            report::md::write(report, lang, ascii, &mut out).expect("md");
            check(name, &String::from_utf8(out).expect("utf-8"));
        });
    }
}

#[test]
fn xlsx_reports_match_their_golden_files() {
    for (lang, name) in [(Lang::Vi, "report-sample.vi.xlsx.txt"), (Lang::En, "report-sample.en.xlsx.txt")] {
        with_report(PeriodChoice::Latest, |report| {
            let bytes = report::xlsx::to_bytes(report, lang).expect("xlsx");
            let mut book = Xlsx::new(std::io::Cursor::new(bytes)).expect("read back");
            let mut text = String::new();
            for sheet in book.sheet_names() {
                text.push_str(&format!("# {sheet}\n"));
                let range = book.worksheet_range(&sheet).expect("sheet");
                for row in range.rows() {
                    // Each cell with its type, so a number written as text shows.
                    let cells: Vec<String> = row
                        .iter()
                        .map(|cell| match cell {
                            Data::Empty => String::new(),
                            Data::String(s) => format!("{s:?}"),
                            Data::Float(f) => format!("{f}"),
                            Data::Int(i) => format!("{i}"),
                            other => format!("{other:?}"),
                        })
                        .collect();
                    text.push_str(cells.join("\t").trim_end());
                    text.push('\n');
                }
            }
            check(name, &text);
        });
    }
}
