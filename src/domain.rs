//! The rules of the program, pure: plans and their targets, periods, statuses, figures,
//! the ledger of entries, conflicts, sharp changes and the rounds' rules. Nothing here reads a
//! file, draws on a terminal, parses a command line or words a message (`scripts/check-layers.sh`
//! checks it).

pub mod conflict;
pub mod exchange;
/// Generated plans and ledgers for tests, benchmarks and fuzzing (`--features testkit`).
#[cfg(any(test, feature = "testkit"))]
pub mod generate;
pub mod lang;
pub mod last_year;
pub mod ledger;
pub mod number;
pub mod period;
pub mod plan;
pub mod progress;
pub mod reduction_figures;
pub mod rounds;
pub mod sharp;
pub mod sheet;
pub mod status;
pub mod text;
pub mod unit_targets;
pub mod units;
