//! Any text as a change file (`chitieu import`): read against the 2024 plan and a small
//! store, it gives entries to merge or an error with a place, never a panic.
#![no_main]

use chitieu::domain::exchange;
use chitieu::i18n::Lang;
use chitieu::domain::ledger::Ledger;
use chitieu::domain::plan::Plan;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn setup() -> &'static (Plan, Ledger) {
    static SETUP: OnceLock<(Plan, Ledger)> = OnceLock::new();
    SETUP.get_or_init(|| {
        let plan = Plan::embedded();
        let ledger = Ledger::new(chitieu::domain::generate::entries(&plan, 50, 3));
        (plan, ledger)
    })
}

fuzz_target!(|text: &str| {
    let (plan, ledger) = setup();
    match exchange::read(text, plan, ledger) {
        Ok(incoming) => {
            let mut ledger = ledger.clone();
            ledger.merge(incoming.new);
        }
        Err(error) => {
            let _ = chitieu::i18n::exchange_error(Lang::Vi, std::path::Path::new("changes.json"), &error);
        }
    }
});
