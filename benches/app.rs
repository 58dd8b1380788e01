//! Plan parse, status of every target, one frame, one filter keystroke: on the embedded 2024
//! plan and on a generated plan of 10,000 targets with 100,000 entries. And the units
//! screen's first frame: 150 units, each with its own store, of a 40-target plan.
//!
//! `cargo bench --bench app`. Frames are drawn into ratatui's `TestBackend`, so they measure
//! building the frame (layout, rows, text), not the terminal.

use chitieu::app::{self, Action, App, Settings};
use chitieu::domain::generate;
use chitieu::domain::ledger::Ledger;
use chitieu::domain::plan::Plan;
use chitieu::domain::progress::{self, PeriodChoice};
use chitieu::domain::units::Unit;
use chitieu::i18n::Lang;
use chitieu::store::Store;
use chitieu::ui;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

const TARGETS: usize = 10_000;
const ENTRIES: usize = 100_000;
/// A year of figures for the 2024 plan: a few hundred entries.
const ENTRIES_2024: usize = 400;

fn settings() -> Settings {
    Settings {
        lang: Lang::Vi,
        ascii: false,
        colour: true,
        read_only: false,
        user: "lan".into(),
        today: jiff::civil::date(2024, 8, 10),
        tz: jiff::tz::TimeZone::UTC,
    }
}

/// An app over a store of `entries` generated entries saved at `path`.
fn app(plan: Plan, entries: usize, path: &Path) -> App {
    let mut store = Store::open(path, &plan).expect("open");
    store.save(&plan, generate::entries(&plan, entries, 1)).expect("save");
    let mut app = App::new(plan, store, settings());
    // "All" tab: every target of the plan is a row.
    app::update(&mut app, Action::PrevGroup);
    app
}

fn configure(group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>) {
    group.sample_size(20).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));
}

fn frame(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal.draw(|frame| ui::draw(frame, app)).expect("draw");
}

fn plan_parse(c: &mut Criterion) {
    let text_2024 = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/plan-2024.json"))
        .expect("embedded plan");
    let text_10k = generate::plan_json(TARGETS);
    eprintln!("plan of {TARGETS} targets: {} bytes", text_10k.len());
    let mut group = c.benchmark_group("plan_parse");
    configure(&mut group);
    group.bench_function("2024", |b| b.iter(|| black_box(Plan::parse(&text_2024).expect("plan"))));
    group.bench_function("10k", |b| b.iter(|| black_box(Plan::parse(&text_10k).expect("plan"))));
    group.finish();
}

fn status(c: &mut Criterion) {
    let plan = generate::plan(TARGETS);
    let ledger = Ledger::new(generate::entries(&plan, ENTRIES, 1));
    let plan_2024 = Plan::embedded();
    let ledger_2024 = Ledger::new(generate::entries(&plan_2024, ENTRIES_2024, 1));
    let mut group = c.benchmark_group("status_every_target");
    configure(&mut group);
    group.bench_function("2024_400", |b| {
        b.iter(|| black_box(progress::assess(&plan_2024, &ledger_2024, PeriodChoice::Latest)).len())
    });
    group.bench_function("10k_100k", |b| {
        b.iter(|| black_box(progress::assess(&plan, &ledger, PeriodChoice::Latest)).len())
    });
    group.finish();
    // What the table computes on every frame to mark contradicting figures.
    eprintln!(
        "conflicts among {ENTRIES} generated entries: {}",
        chitieu::domain::conflict::conflicts(&ledger).len()
    );
    let mut group = c.benchmark_group("conflicts");
    configure(&mut group);
    group.bench_function("10k_100k", |b| {
        b.iter(|| black_box(chitieu::domain::conflict::conflicts(&ledger)).len())
    });
    group.finish();
}

fn render(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let app_2024 = app(Plan::embedded(), ENTRIES_2024, &dir.path().join("2024.json"));
    let app_10k = app(generate::plan(TARGETS), ENTRIES, &dir.path().join("10k.json"));
    let mut group = c.benchmark_group("frame");
    configure(&mut group);
    for (name, app) in [("2024", &app_2024), ("10k", &app_10k)] {
        for (width, height) in [(80, 24), (200, 60)] {
            let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
            group
                .bench_function(format!("{name}_{width}x{height}"), |b| b.iter(|| frame(&mut terminal, app)));
        }
    }
    group.finish();
}

/// One character typed into the filter over 10,000 targets: `update`, then the frame.
fn filter_keystroke(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = app(generate::plan(TARGETS), ENTRIES, &dir.path().join("10k.json"));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    app::update(&mut app, Action::StartFilter);
    frame(&mut terminal, &app);
    let mut group = c.benchmark_group("filter_keystroke_10k");
    configure(&mut group);
    // "nông" narrows to a tenth of the plan; each sample types a letter and takes it back.
    for c in "nông".chars() {
        app::update(&mut app, Action::Input(c));
    }
    // Each sample is one keystroke and its frame: an "x" typed, then taken back, in turn.
    let mut typed = false;
    group.bench_function("keystroke_and_frame", |b| {
        b.iter(|| {
            typed = !typed;
            app::update(&mut app, if typed { Action::Input('x') } else { Action::Backspace });
            frame(&mut terminal, &app);
        })
    });
    group.finish();
}

/// What the view works out again after a save or a refresh (and once at start): the figure,
/// % and status of every target, the tab counts, the closings.
fn recompute(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = app(generate::plan(TARGETS), ENTRIES, &dir.path().join("10k.json"));
    let mut group = c.benchmark_group("recompute");
    configure(&mut group);
    group.bench_function("10k_100k", |b| b.iter(|| app.recompute()));
    group.finish();
}

/// The units screen's first frame (issue 14, budget 100 ms): `U` reads the list of units and
/// each unit's store (150 files, each with figures of a 40-target plan in all four periods),
/// works out every unit's standing in the period in view, and the frame is drawn at 80×24.
/// Each sample opens the screen, draws it and closes it again (the stores are read afresh).
fn units_screen(c: &mut Criterion) {
    const UNITS: usize = 150;
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = generate::plan(40);
    let path = dir.path().join("store.json");
    let mut store = Store::open(&path, &plan).expect("open");
    // 160 figures: 40 targets × 4 periods on average, as `scripts/bench-units.sh` makes.
    store.save(&plan, generate::entries(&plan, 160, 7)).expect("save");
    for i in 0..UNITS {
        let unit = Unit { id: format!("xa-{i:03}"), name: format!("Xã số {i}") };
        chitieu::store::units::add(&path, unit.clone()).expect("unit");
        std::fs::copy(&path, chitieu::store::units::store_of(&path, &unit.id)).expect("unit store");
    }
    let mut app = App::new(plan, store, settings());
    app::update(&mut app, Action::CyclePeriod);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let mut group = c.benchmark_group("units_screen");
    configure(&mut group);
    group.bench_function("first_frame_150_units_80x24", |b| {
        b.iter(|| {
            app::update(&mut app, Action::ShowUnits);
            frame(&mut terminal, &app);
            app::update(&mut app, Action::Back);
        })
    });
    group.finish();
    let units = chitieu::store::units::open_all(&path, &app.plan).expect("units").len();
    eprintln!("units screen: {units} units, {} targets each", app.plan.targets.len());
}

criterion_group!(benches, plan_parse, status, render, filter_keystroke, recompute, units_screen);
criterion_main!(benches);
