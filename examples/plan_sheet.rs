//! Writes a sample appendix of N targets as xlsx, for `scripts/measure-plans.sh`.
//!
//! `cargo run --release --example plan_sheet -- FILE.xlsx ROWS`

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(path), Some(Ok(rows))) = (args.first(), args.get(1).map(|a| a.parse::<u32>())) else {
        eprintln!("usage: plan_sheet FILE.xlsx ROWS");
        return ExitCode::from(2);
    };
    match chitieu::report::plan_sheet::sample_xlsx(rows).map(|bytes| std::fs::write(path, bytes)) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(e)) => {
            eprintln!("{path}: {e}");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
