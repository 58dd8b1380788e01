//! Any bytes as a store file, read in segments (the way a large store is opened) and read
//! whole: the segments must give what the whole gives, or decline. The first two bytes
//! choose the segment size, so that files of any length are cut in many places.
#![no_main]

use chitieu::store;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((size, bytes)) = data.split_first_chunk::<2>() else { return };
    let segment = 1 + u64::from(u16::from_le_bytes(*size)) % 4096;
    assert!(store::segments_agree(bytes, segment));
});
