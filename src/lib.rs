//! chitieu: review and update the yearly targets of a provincial action program.
//!
//! The domain (`plan`, `status`, `number`, `ledger`, `progress`) knows nothing of files or
//! terminals; `store` knows files but not the interface; `cli` and the full-screen view sit
//! on top.

pub mod app;
pub mod cli;
pub mod config;
pub mod conflict;
pub mod draft;
pub mod exchange;
#[doc(hidden)]
pub mod generate;
pub mod i18n;
pub mod installed;
pub mod keymap;
pub mod ledger;
pub mod localtime;
pub mod number;
pub mod plan;
pub mod plan_sheet;
pub mod present;
pub mod progress;
pub mod report;
pub mod rounds;
pub mod sharp;
pub mod status;
pub mod store;
pub mod text;
pub mod theme;
pub mod tui;
pub mod ui;
