//! chitieu: review and update the yearly targets of a provincial action program.
//!
//! Layers, lowest first: `domain` (pure rules, knows nothing of files or terminals), `store`
//! (the files), `ops` (one path per user action), `i18n` (every message, worded from data),
//! `report`, then `cli` and the full-screen view (`app` its state and update, `ui` its drawing,
//! `tui` the terminal). A module imports only from the layers below it.

pub mod app;
pub mod cli;
pub mod domain;
pub mod i18n;
pub mod ops;
pub mod report;
pub mod store;
pub mod tui;
pub mod ui;
