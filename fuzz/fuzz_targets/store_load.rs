//! Any bytes as a store file, through the parse path `Store::open` uses: a ledger or an
//! error with a place, never a panic; and the error can be worded.
#![no_main]

use chitieu::i18n::{self, Lang};
use chitieu::domain::plan::Plan;
use chitieu::store;
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::OnceLock;

fn plan() -> &'static Plan {
    static PLAN: OnceLock<Plan> = OnceLock::new();
    PLAN.get_or_init(Plan::embedded)
}

fuzz_target!(|bytes: &[u8]| {
    match store::load_bytes(bytes, plan(), Path::new("store.json")) {
        Ok(ledger) => {
            // What was read answers the questions the views ask of it.
            for target in &plan().targets {
                let _ = ledger.latest(&target.id);
            }
            let _ = chitieu::domain::conflict::conflicts(&ledger);
        }
        Err(error) => {
            let _ = i18n::store_error(Lang::Vi, &error);
        }
    }
});
