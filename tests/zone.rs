//! The time zone is passed in, never found by the code that shows a time: the same store
//! reads differently under two zones given to the command line's context or to a report,
//! whatever zone the machine running the test is in (`TZ=America/New_York cargo test`).

use chitieu::cli::{self, Command, Context};
use chitieu::domain::ledger::{Entry, Kind};
use chitieu::domain::period::Period;
use chitieu::domain::plan::Plan;
use chitieu::domain::progress::PeriodChoice;
use chitieu::i18n::Lang;
use chitieu::store::Store;
use jiff::tz::TimeZone;
use rust_decimal::Decimal;
use std::path::Path;

fn utc() -> TimeZone {
    TimeZone::UTC
}

fn vietnam() -> TimeZone {
    TimeZone::get("Asia/Ho_Chi_Minh").expect("zone")
}

/// An official figure for target 3 in the first half, entered by `author` at `time` (UTC).
fn figure(id: &str, author: &str, time: &str, value: i64) -> Entry {
    let time: jiff::Timestamp = time.parse().expect("time");
    Entry {
        // As `set` writes it for an entry that saw no other figure: two such entries for the
        // same target and period conflict.
        supersedes: Some(Vec::new()),
        ..Entry::figure(id.into(), "3", Period::H1, Decimal::new(value, 0), Kind::Official, author, time)
    }
}

/// A store holding `entries`, written by the library as `set` would.
fn store_with(path: &Path, entries: Vec<Entry>) {
    let plan = Plan::embedded();
    let mut store = Store::open(path, &plan).expect("open");
    store.save(&plan, entries).expect("save");
}

fn context(zone: TimeZone) -> Context {
    Context {
        lang: Lang::Vi,
        ascii: false,
        colour: false,
        plan: Plan::embedded(),
        wait: std::time::Duration::from_secs(5),
        unit: None,
        width: None,
        zone,
    }
}

fn history(zone: TimeZone, store: &Path, since: Option<&str>) -> String {
    let command = Command::History { id: None, period: None, author: None, since: since.map(str::to_owned) };
    let mut out = Vec::new();
    cli::run(&command, &context(zone), store, &mut out).expect("history");
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn history_shows_its_times_in_the_zone_passed_in() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = dir.path().join("store.json");
    // Half past five in the afternoon in Greenwich is half past midnight in Hà Nội, a day later.
    store_with(&store, vec![figure("a", "an", "2024-06-30T17:30:00Z", 2000)]);

    let in_utc = history(utc(), &store, None);
    let in_vietnam = history(vietnam(), &store, None);
    assert!(in_utc.contains("30/06/2024 17:30"), "{in_utc}");
    assert!(in_vietnam.contains("01/07/2024 00:30"), "{in_vietnam}");
    assert!(!in_vietnam.contains("17:30"), "{in_vietnam}");
}

#[test]
fn history_since_a_date_means_its_midnight_in_the_zone_passed_in() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = dir.path().join("store.json");
    store_with(
        &store,
        vec![
            // Before midnight of 1 July in both zones (23:30 on 30 June in Hà Nội).
            figure("a", "before-both", "2024-06-30T16:30:00Z", 1000),
            // After midnight in Hà Nội (00:30 on 1 July), before it in UTC.
            figure("b", "after-in-vietnam", "2024-06-30T17:30:00Z", 2000),
            // After midnight in both.
            figure("c", "after-both", "2024-07-01T01:00:00Z", 3000),
        ],
    );
    let authors = |out: &str| {
        ["before-both", "after-in-vietnam", "after-both"]
            .into_iter()
            .filter(|a| out.contains(a))
            .collect::<Vec<_>>()
    };
    assert_eq!(authors(&history(utc(), &store, Some("2024-07-01"))), ["after-both"]);
    assert_eq!(authors(&history(vietnam(), &store, Some("2024-07-01"))), ["after-in-vietnam", "after-both"]);
    // Without --since, all three.
    assert_eq!(authors(&history(utc(), &store, None)).len(), 3);
}

#[test]
fn a_report_shows_conflicting_figures_at_times_in_its_own_zone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("store.json");
    store_with(
        &path,
        vec![
            figure("a", "an", "2024-06-30T17:30:00Z", 2000),
            figure("b", "binh", "2024-07-01T02:00:00Z", 2100),
        ],
    );
    let plan = Plan::embedded();
    let store = Store::open(&path, &plan).expect("open");
    let made = jiff::civil::date(2024, 7, 2);
    let markdown = |zone: TimeZone| {
        let report = chitieu::report::build(&plan, store.ledger(), PeriodChoice::Latest, made, zone);
        let mut out = Vec::new();
        chitieu::report::md::write(&report, Lang::Vi, false, &mut out).expect("md");
        String::from_utf8(out).expect("utf-8")
    };

    let in_utc = markdown(utc());
    let in_vietnam = markdown(vietnam());
    assert!(
        in_utc.contains("(an, 30/06/2024 17:30)") && in_utc.contains("(binh, 01/07/2024 02:00)"),
        "{in_utc}"
    );
    assert!(
        in_vietnam.contains("(an, 01/07/2024 00:30)") && in_vietnam.contains("(binh, 01/07/2024 09:00)"),
        "{in_vietnam}"
    );

    // The text table of `report` too, through its options.
    let table = |zone: TimeZone| {
        let options =
            chitieu::report::Options { lang: Lang::Vi, ascii: false, colour: false, width: None, zone };
        let rows = chitieu::domain::progress::assess(&plan, store.ledger(), PeriodChoice::Latest);
        let conflicts = chitieu::domain::conflict::conflicts(store.ledger());
        let tally = chitieu::domain::progress::tally(&plan, store.ledger());
        let mut out = Vec::new();
        chitieu::report::table::report_table(
            &plan,
            &options,
            PeriodChoice::Latest,
            &rows,
            &conflicts,
            tally,
            &mut out,
        )
        .expect("table");
        String::from_utf8(out).expect("utf-8")
    };
    assert!(table(utc()).contains("(an, 30/06/2024 17:30)"), "{}", table(utc()));
    assert!(table(vietnam()).contains("(an, 01/07/2024 00:30)"), "{}", table(vietnam()));
}
