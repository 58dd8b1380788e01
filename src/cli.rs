//! The command line: arguments, and the commands other than the full-screen view.

pub mod config;
pub mod field;
pub mod help;
pub mod plans;
pub mod unit_targets;
pub mod units;

mod args;
mod commands;
mod context;
mod history;

pub use args::{Cli, Command, Format, Global, parse_period};
pub use commands::{SetRequest, check, run, run_with_year, set, undo};
pub use context::{Context, Failure, Located, Location, load_plan, locate, open_store, store_path};
pub use history::{HistoryFilter, history};
