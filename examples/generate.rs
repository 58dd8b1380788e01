//! Writes a generated plan and store for `scripts/measure.sh` (not part of the app).
//!
//! ```text
//! cargo run --release --example generate -- DIR TARGETS ENTRIES [SEED]
//! ```
//! With `TARGETS` = 0 the store is for the embedded 2024 plan and no plan file is written;
//! otherwise `DIR/plan.json` holds a plan of `TARGETS` targets. `DIR/store.json` holds
//! `ENTRIES` entries either way, saved through `Store::save` like the app saves, and
//! `DIR/changes.json` the same entries as a change file.

use chitieu::domain::plan::Plan;
use chitieu::domain::{exchange, generate};
use chitieu::store::Store;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(Ok(targets)), Some(Ok(entries))) =
        (args.first(), args.get(1).map(|a| a.parse::<usize>()), args.get(2).map(|a| a.parse::<usize>()))
    else {
        eprintln!("usage: generate DIR TARGETS ENTRIES [SEED]");
        return ExitCode::from(2);
    };
    let seed = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(1);
    let dir = PathBuf::from(dir);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("{}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    let plan = if targets == 0 {
        Plan::embedded()
    } else {
        let text = generate::plan_json(targets);
        if let Err(e) = std::fs::write(dir.join("plan.json"), &text) {
            eprintln!("plan.json: {e}");
            return ExitCode::FAILURE;
        }
        generate::plan(targets)
    };
    let path = dir.join("store.json");
    let _ = std::fs::remove_file(&path);
    let saved =
        Store::open(&path, &plan).and_then(|mut s| s.save(&plan, generate::entries(&plan, entries, seed)));
    let store = match saved.and_then(|_| Store::open(&path, &plan)) {
        Ok(store) => store,
        Err(e) => {
            eprintln!("{}: {e:?}", path.display());
            return ExitCode::FAILURE;
        }
    };
    // The same entries as a change file (`chitieu import`), e.g. to seed the fuzzer.
    let changes = exchange::export(&plan, store.ledger(), &Default::default(), jiff::Timestamp::UNIX_EPOCH);
    if let Err(e) = std::fs::write(dir.join("changes.json"), exchange::to_bytes(&changes)) {
        eprintln!("changes.json: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
