//! Any bytes as a plan file: loading returns a plan or an error with a place, never panics.
#![no_main]

use chitieu::i18n::{self, Lang};
use chitieu::domain::plan::Plan;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Err(error) = Plan::parse(text) {
        // Wording the error must not panic either (it slices the text to find the line).
        let _ = i18n::plan_error(Lang::Vi, &error);
    }
});
