//! Load, merge and save of a store of 100,000 entries over a generated 10,000-target plan.
//!
//! `cargo bench --bench store`. The store lives in a temporary directory on the same file
//! system as the system's temp dir, so `save` includes two real fsyncs.

use chitieu::domain::generate;
use chitieu::domain::ledger::Ledger;
use chitieu::store::Store;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

const TARGETS: usize = 10_000;
const ENTRIES: usize = 100_000;

fn store_benches(c: &mut Criterion) {
    let plan = generate::plan(TARGETS);
    let entries = generate::entries(&plan, ENTRIES, 1);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("store.json");
    Store::open(&path, &plan).expect("open").save(&plan, entries.clone()).expect("first save");
    let size = std::fs::metadata(&path).expect("store").len();
    eprintln!("store of {ENTRIES} entries over {TARGETS} targets: {size} bytes");

    let mut group = c.benchmark_group("store_100k");
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(8));

    group.bench_function("load", |b| {
        b.iter(|| black_box(Store::open(&path, &plan).expect("open")).ledger().len());
    });

    // The indices of a ledger read from its file (ids, targets, withdrawals, current figures).
    let sorted = Ledger::new(entries.clone()).entries().to_vec();
    group.bench_function("index_100k", |b| {
        b.iter_batched(
            || sorted.clone(),
            |sorted| black_box(Ledger::from_entries(sorted)),
            BatchSize::LargeInput,
        );
    });

    // Another store's 100,000 entries, half of them ones we already hold: the union.
    let others = generate::entries(&plan, ENTRIES / 2, 2);
    let incoming: Vec<_> = entries[..ENTRIES / 2].iter().cloned().chain(others).collect();
    let ledger = Ledger::new(entries.clone());
    group.bench_function("merge_100k_into_100k", |b| {
        b.iter_batched(
            || (ledger.clone(), incoming.clone()),
            |(mut ledger, incoming)| black_box(ledger.merge(incoming)),
            BatchSize::LargeInput,
        );
    });

    // One new figure saved into the big store: lock, read and check the file, merge, write
    // the new file, keep the backup, fsync, rename, fsync the directory.
    let mut store = Store::open(&path, &plan).expect("open");
    let mut seed = 1_000;
    group.bench_function("save_one_entry", |b| {
        b.iter_batched(
            || {
                // A figure entered now, as the app and `set` make them.
                seed += 1;
                let mut entry = generate::entries(&plan, 1, seed);
                entry[0].time = jiff::Timestamp::now();
                entry
            },
            |entry| black_box(store.save(&plan, entry).expect("save")),
            BatchSize::SmallInput,
        );
    });
    group.finish();
}

criterion_group!(benches, store_benches);
criterion_main!(benches);
