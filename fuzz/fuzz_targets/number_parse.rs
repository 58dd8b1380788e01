//! Any text in either style: the parser returns, never panics, and whatever it accepts
//! formats back to text that parses to the same value.
#![no_main]

use chitieu::domain::number::{self, NumberStyle};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for style in [NumberStyle::VIETNAMESE, NumberStyle::ENGLISH] {
        if let Ok(value) = number::parse(text, style) {
            let again = number::parse(&number::format(value, style), style);
            assert_eq!(again, Ok(value), "{text:?} read as {value} does not survive formatting");
        }
    }
});
